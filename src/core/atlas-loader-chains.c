/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-loader-chains.c: supply chains (stages, nodes, links) and their node values. */
#include "atlas-dataset-loader-private.h"

#include <glib/gi18n-lib.h>

#define UNRESOLVED G_MAXUINT

typedef struct {
  AtlasChain *chain;
  /* id -> index + 1 in the file, for messages, and in the chain's arrays,
   * for links; they differ when an item that is not an object is skipped. */
  GHashTable *stage_seen;
  GHashTable *node_seen;
  GHashTable *stage_position;
  GHashTable *node_position;
  gboolean    chain_has_cite;    /* written, even if wrong: no second message */
} ChainState;

static void
parse_stage (AtlasLoaderContext *ctx,
             AtlasDataset       *self,
             JsonObject         *object,
             guint               index,
             gpointer            user_data)
{
  ChainState *state = user_data;
  AtlasStage *stage = g_new0 (AtlasStage, 1);
  const char *id;

  g_ptr_array_add (state->chain->stages, stage);

  id = atlas_loader_get_id (ctx, object, "id", TRUE);
  stage->name = atlas_loader_get_text (ctx, object, "name", TRUE);

  if (id != NULL)
    {
      stage->id = g_strdup (id);
      if (atlas_loader_check_unique (ctx, state->stage_seen, "id", stage->id, index))
        g_hash_table_insert (state->stage_position, stage->id,
                             GUINT_TO_POINTER (state->chain->stages->len));
    }
}

static void
parse_node (AtlasLoaderContext *ctx,
            AtlasDataset       *self,
            JsonObject         *object,
            guint               index,
            gpointer            user_data)
{
  ChainState *state = user_data;
  AtlasNode *node = g_new0 (AtlasNode, 1);
  const char *id, *stage, *region;
  gboolean has_region = json_object_has_member (object, "region");
  gboolean has_name = json_object_has_member (object, "name");

  g_ptr_array_add (state->chain->nodes, node);

  id = atlas_loader_get_id (ctx, object, "id", TRUE);

  stage = atlas_loader_get_string (ctx, object, "stage", TRUE);
  if (stage != NULL)
    {
      gpointer found = g_hash_table_lookup (state->stage_position, stage);

      if (found != NULL)
        node->stage = GPOINTER_TO_UINT (found) - 1;
      else
        {
          g_autofree char *quoted = atlas_loader_quote (stage);

          node->stage = UNRESOLVED;
          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "stage",
                                      _("unknown stage %s"), quoted);
        }
    }
  else
    node->stage = UNRESOLVED;

  if (!has_region && !has_name)
    atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                         _("a node needs \"region\" or \"name\" (or both)"));

  region = atlas_loader_get_string (ctx, object, "region", FALSE);
  if (region != NULL)
    {
      node->region = g_hash_table_lookup (self->region_index, region);
      if (node->region == NULL)
        {
          g_autofree char *quoted = atlas_loader_quote (region);

          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "region",
                                      _("unknown region %s"), quoted);
        }
    }
  node->name = atlas_loader_get_text (ctx, object, "name", FALSE);

  if (id != NULL)
    {
      node->id = g_strdup (id);
      if (atlas_loader_check_unique (ctx, state->node_seen, "id", node->id, index))
        g_hash_table_insert (state->node_position, node->id,
                             GUINT_TO_POINTER (state->chain->nodes->len));
    }
}

/* The index of the node named by @member, or UNRESOLVED (reported). */
static guint
resolve_node (AtlasLoaderContext *ctx,
              ChainState         *state,
              JsonObject         *object,
              const char         *member)
{
  const char *id = atlas_loader_get_string (ctx, object, member, TRUE);
  gpointer found;

  if (id == NULL)
    return UNRESOLVED;

  found = g_hash_table_lookup (state->node_position, id);
  if (found == NULL)
    {
      g_autofree char *quoted = atlas_loader_quote (id);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                  _("unknown node %s"), quoted);
      return UNRESOLVED;
    }
  return GPOINTER_TO_UINT (found) - 1;
}

static void
check_link_direction (AtlasLoaderContext *ctx,
                      AtlasChain         *chain,
                      AtlasLink          *link)
{
  const AtlasNode *from = g_ptr_array_index (chain->nodes, link->from);
  const AtlasNode *to = g_ptr_array_index (chain->nodes, link->to);
  g_autofree char *from_id = atlas_loader_quote (from->id);
  g_autofree char *to_id = atlas_loader_quote (to->id);

  if (link->from == link->to)
    {
      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                           _("link from node %s to itself"), from_id);
      return;
    }

  /* Later-to-earlier is a return flow and is drawn as a loop; only links
   * within one column have no drawing. */
  if (from->stage != UNRESOLVED && from->stage == to->stage)
    {
      const AtlasStage *stage = g_ptr_array_index (chain->stages, from->stage);
      g_autofree char *stage_id = atlas_loader_quote (stage->id);

      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                           _("link within one stage: %s and %s are both in stage %s"),
                           from_id, to_id, stage_id);
    }
}

static void
parse_link (AtlasLoaderContext *ctx,
            AtlasDataset       *self,
            JsonObject         *object,
            guint               index,
            gpointer            user_data)
{
  ChainState *state = user_data;
  AtlasChain *chain = state->chain;
  AtlasLink *link = g_new0 (AtlasLink, 1);
  double value;

  g_ptr_array_add (chain->links, link);

  link->from = resolve_node (ctx, state, object, "from");
  link->to = resolve_node (ctx, state, object, "to");
  if (link->from != UNRESOLVED && link->to != UNRESOLVED)
    check_link_direction (ctx, chain, link);

  if (atlas_loader_get_number (ctx, object, "value", TRUE, &value))
    {
      if (value < 0)
        atlas_loader_report_not_positive (ctx, "value", value, TRUE);
      else
        link->value = value;
    }

  atlas_loader_get_bool (ctx, object, "estimate", &link->estimate);
  /* Every number traces to a source: the link's own cite, else the chain's. */
  link->cite = atlas_loader_get_id_list (ctx, object, "cite", FALSE,
                                         self->source_index, "source");
  if (!state->chain_has_cite && !json_object_has_member (object, "cite"))
    atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "cite",
                                _("missing required member \"cite\" (the chain has no cite of its own)"));
  link->note = atlas_loader_get_text (ctx, object, "note", FALSE);
}

static void
compute_node_values (AtlasChain *chain)
{
  for (guint i = 0; i < chain->links->len; i++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, i);

      if (link->from == UNRESOLVED || link->to == UNRESOLVED)
        continue;
      ((AtlasNode *) g_ptr_array_index (chain->nodes, link->from))->outflow += link->value;
      ((AtlasNode *) g_ptr_array_index (chain->nodes, link->to))->inflow += link->value;
    }

  for (guint i = 0; i < chain->nodes->len; i++)
    {
      AtlasNode *node = g_ptr_array_index (chain->nodes, i);

      node->value = MAX (node->inflow, node->outflow);
    }
}

static void
parse_chain (AtlasLoaderContext *ctx,
             AtlasDataset       *self,
             JsonObject         *object,
             guint               index,
             gpointer            user_data)
{
  GHashTable *seen = user_data;
  AtlasChain *chain = g_new0 (AtlasChain, 1);
  g_autoptr(GHashTable) stage_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) node_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) stage_position = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) node_position = g_hash_table_new (g_str_hash, g_str_equal);
  ChainState state = { chain, stage_seen, node_seen, stage_position, node_position,
                       json_object_has_member (object, "cite") };
  const char *id;
  guint n_stages;

  chain->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_stage_free);
  chain->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_node_free);
  chain->links = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_link_free);
  g_ptr_array_add (self->chains, chain);

  id = atlas_loader_get_id (ctx, object, "id", TRUE);
  chain->title = atlas_loader_get_text (ctx, object, "title", TRUE);
  atlas_loader_get_int (ctx, object, "year", TRUE, &chain->year);
  chain->unit = g_strdup (atlas_loader_get_string (ctx, object, "unit", TRUE));
  chain->cite = atlas_loader_get_id_list (ctx, object, "cite", FALSE,
                                          self->source_index, "source");

  n_stages = atlas_loader_foreach_item (ctx, self, object, "stages", TRUE, parse_stage, &state);
  if (n_stages == 0 && json_object_has_member (object, "stages") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "stages")))
    atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "stages",
                                _("a chain needs at least one stage"));

  atlas_loader_foreach_item (ctx, self, object, "nodes", TRUE, parse_node, &state);
  atlas_loader_foreach_item (ctx, self, object, "links", TRUE, parse_link, &state);
  compute_node_values (chain);

  if (id != NULL)
    {
      chain->id = g_strdup (id);
      if (atlas_loader_check_unique (ctx, seen, "id", chain->id, index))
        g_hash_table_insert (self->chain_index, chain->id, chain);
    }
}

void
atlas_loader_parse_chains (AtlasLoaderContext *ctx,
                           AtlasDataset       *self,
                           JsonObject         *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  atlas_loader_foreach_item (ctx, self, root, "supply_chains", FALSE, parse_chain, seen);
}
