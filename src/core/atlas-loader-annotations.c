/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-loader-annotations.c: callouts pinned to what a chart draws, and a slide's focus; every id checked. */
#include "atlas-dataset-loader-private.h"

#include <glib/gi18n-lib.h>

static char *
node_key (const char *chain, const char *node)
{
  return g_strconcat (chain != NULL ? chain : "", "\x1f", node, NULL);
}

GHashTable *
atlas_loader_node_index_new (AtlasDataset *self)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->chains->len; i++)
    {
      const AtlasChain *chain = g_ptr_array_index (self->chains, i);

      for (guint n = 0; chain->id != NULL && n < chain->nodes->len; n++)
        {
          const AtlasNode *node = g_ptr_array_index (chain->nodes, n);

          if (node->id == NULL)
            continue;
          g_hash_table_add (index, node_key (chain->id, node->id));
          g_hash_table_add (index, node_key (NULL, node->id));
        }
    }
  return index;
}

gboolean
atlas_loader_node_index_has (GHashTable *index, const char *chain, const char *node)
{
  g_autofree char *key = node_key (chain, node);

  return g_hash_table_contains (index, key);
}

/* An id @member that must be a key of @index; reported otherwise. */
static char *
get_reference (AtlasLoaderContext *ctx, JsonObject *object, const char *member, GHashTable *index,
               const char *what)
{
  const char *id = atlas_loader_get_string (ctx, object, member, FALSE);

  if (id == NULL)
    return NULL;
  if (index != NULL && !g_hash_table_contains (index, id))
    {
      g_autofree char *quoted = atlas_loader_quote (id);

      /* TRANSLATORS: "unknown series "x"": what is unknown, then its id */
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member, _("unknown %s %s"), what, quoted);
    }
  return g_strdup (id);
}

static guint
count_anchor_members (JsonObject *at)
{
  static const char * const anchors[] = { "series", "node", "share", "event" };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (anchors); i++)
    n += json_object_has_member (at, anchors[i]);
  return n;
}

static void
parse_point_anchor (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *at, AtlasAnnotation *a)
{
  a->kind = ATLAS_ANCHOR_POINT;
  a->series = get_reference (ctx, at, "series", self->series_index, _("series"));
  atlas_loader_get_date (ctx, at, "date", TRUE, &a->date);
  if (json_object_has_member (at, "value"))
    a->has_value = atlas_loader_get_number (ctx, at, "value", TRUE, &a->value);
}

static void
parse_node_anchor (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *at, AtlasAnnotation *a,
                   GHashTable *nodes)
{
  a->kind = ATLAS_ANCHOR_NODE;
  a->chain = get_reference (ctx, at, "chain", self->chain_index, _("supply chain"));
  a->node = g_strdup (atlas_loader_get_string (ctx, at, "node", TRUE));
  if (a->node != NULL && !atlas_loader_node_index_has (nodes, a->chain, a->node))
    {
      g_autofree char *quoted = atlas_loader_quote (a->node);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "node",
                                  _("unknown node %s (in any supply chain)"), quoted);
    }
}

static void
parse_part_anchor (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *at, AtlasAnnotation *a)
{
  const AtlasShare *share;
  gboolean found = FALSE;

  a->kind = ATLAS_ANCHOR_PART;
  a->share = get_reference (ctx, at, "share", self->share_index, _("share"));
  a->region = get_reference (ctx, at, "region", self->region_index, _("region"));
  if (a->region == NULL)
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "region",
                                  _("missing required member \"%s\""), "region");
      return;
    }
  share = a->share != NULL ? g_hash_table_lookup (self->share_index, a->share) : NULL;
  if (share == NULL)
    return;
  for (guint i = 0; i < share->parts->len && !found; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);
      found = part->region != NULL && g_strcmp0 (part->region->id, a->region) == 0;
    }
  if (!found && g_hash_table_contains (self->region_index, a->region))
    {
      g_autofree char *region = atlas_loader_quote (a->region);
      g_autofree char *share_id = atlas_loader_quote (a->share);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "region",
                                  _("region %s has no part in share %s"), region, share_id);
    }
}

/* One of "place"'s fractions of the plot: further than the plot's size
 * from the anchor would put the text off any figure. */
static void
get_place_fraction (AtlasLoaderContext *ctx, JsonObject *place, const char *member, double *out)
{
  if (!atlas_loader_get_number (ctx, place, member, TRUE, out))
    return;
  if (*out < -1 || *out > 1)
    {
      g_autofree char *number = atlas_loader_format_number (*out);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                  /* TRANSLATORS: %s is a number as written in the file */
                                  _("%s is outside -1 to 1 (a fraction of the plot's size)"), number);
    }
}

static void
parse_place (AtlasLoaderContext *ctx, JsonObject *object, AtlasAnnotation *a)
{
  JsonNode *node = atlas_loader_get_member (ctx, object, "place", FALSE);
  JsonObject *place;

  if (node == NULL)
    return;
  atlas_loader_push_member (ctx, "place");
  place = atlas_loader_object_from_node (ctx, node);
  if (place != NULL)
    {
      get_place_fraction (ctx, place, "dx", &a->place_dx);
      get_place_fraction (ctx, place, "dy", &a->place_dy);
      a->has_place = TRUE;
    }
  atlas_loader_pop (ctx);
}

static const char * const annotation_members[] = { "at", "text", "arrow", "place", NULL };

static void
parse_annotation (AtlasLoaderContext *ctx,
                  AtlasDataset       *self,
                  JsonObject         *object,
                  guint               index,
                  gpointer            user_data)
{
  GPtrArray *list = ((gpointer *) user_data)[0];
  GHashTable *nodes = ((gpointer *) user_data)[1];
  AtlasAnnotation *a = g_new0 (AtlasAnnotation, 1);
  JsonNode *at_node;
  JsonObject *at;

  g_ptr_array_add (list, a);
  a->text = atlas_loader_get_text (ctx, object, "text", TRUE);
  a->unknown = atlas_loader_unknown_members (object, annotation_members);
  /* A line to what it is about unless told otherwise. */
  a->arrow = TRUE;
  if (json_object_has_member (object, "arrow"))
    atlas_loader_get_bool (ctx, object, "arrow", &a->arrow);
  parse_place (ctx, object, a);

  at_node = atlas_loader_get_member (ctx, object, "at", TRUE);
  if (at_node == NULL)
    return;
  atlas_loader_push_member (ctx, "at");
  at = atlas_loader_object_from_node (ctx, at_node);
  if (at != NULL && count_anchor_members (at) != 1)
    atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                         _("an annotation is pinned to exactly one of \"series\", \"node\", \"share\" or \"event\""));
  else if (at != NULL && json_object_has_member (at, "series"))
    parse_point_anchor (ctx, self, at, a);
  else if (at != NULL && json_object_has_member (at, "node"))
    parse_node_anchor (ctx, self, at, a, nodes);
  else if (at != NULL && json_object_has_member (at, "share"))
    parse_part_anchor (ctx, self, at, a);
  else if (at != NULL)
    {
      a->kind = ATLAS_ANCHOR_EVENT;
      a->event = get_reference (ctx, at, "event", self->event_index, _("event"));
    }
  atlas_loader_pop (ctx);
}

GPtrArray *
atlas_loader_get_annotations (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *object,
                              const char *member, GHashTable *nodes)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_annotation_free);
  gpointer data[2] = { list, nodes };

  atlas_loader_foreach_item (ctx, self, object, member, FALSE, parse_annotation, data);
  return list;
}

char **
atlas_loader_get_focus (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *object, GHashTable *nodes)
{
  char **focus = atlas_loader_get_id_list (ctx, object, "focus", FALSE, NULL, "id");

  for (guint i = 0; focus != NULL && focus[i] != NULL; i++)
    {
      const char *id = focus[i];

      if (g_hash_table_contains (self->region_index, id) || g_hash_table_contains (self->series_index, id) ||
          g_hash_table_contains (self->share_index, id) || g_hash_table_contains (self->event_index, id) ||
          atlas_loader_node_index_has (nodes, NULL, id))
        continue;
      {
        g_autofree char *quoted = atlas_loader_quote (id);

        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "focus",
                                    _("unknown id %s (expected a region, node, series, share or event)"), quoted);
      }
    }
  return focus;
}

void
atlas_loader_parse_annotations (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *root)
{
  g_autoptr(GHashTable) nodes = atlas_loader_node_index_new (self);
  g_autoptr(GPtrArray) list = atlas_loader_get_annotations (ctx, self, root, "annotations", nodes);

  g_ptr_array_extend_and_steal (self->annotations, g_steal_pointer (&list));
}
