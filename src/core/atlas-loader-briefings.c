/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-loader-briefings.c: presentation slides, whose every id must name something in the dataset. */
#include "atlas-dataset-loader-private.h"

#include <glib/gi18n-lib.h>

typedef struct {
  GHashTable *seen;              /* briefing id -> index + 1 */
  GHashTable *kinds;             /* event kind names, as an index */
  GHashTable *nodes;             /* atlas_loader_node_index_new(), built when first needed */
} BriefingsState;

static GHashTable *
get_node_index (AtlasDataset   *self,
                BriefingsState *state)
{
  if (state->nodes == NULL)
    state->nodes = atlas_loader_node_index_new (self);
  return state->nodes;
}

static gboolean
chain_has_node (AtlasDataset     *self,
                BriefingsState   *state,
                const AtlasChain *chain,
                const char       *id)
{
  return atlas_loader_node_index_has (get_node_index (self, state), chain != NULL ? chain->id : NULL, id);
}

/* "select" names an item of the slide's view. */
static void
check_select (AtlasLoaderContext *ctx,
              AtlasDataset       *self,
              BriefingsState     *state,
              AtlasSlide         *slide,
              const char         *select)
{
  g_autofree char *quoted = atlas_loader_quote (select);

  switch (slide->view)
    {
    case ATLAS_VIEW_FLOWS:
      if (slide->chain != NULL)
        {
          const AtlasChain *chain = g_hash_table_lookup (self->chain_index, slide->chain);

          /* An unknown chain is reported already. */
          if (chain != NULL && !chain_has_node (self, state, chain, select))
            {
              g_autofree char *chain_id = atlas_loader_quote (slide->chain);

              atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "select",
                                          _("unknown node %s in chain %s"), quoted, chain_id);
            }
        }
      else if (!chain_has_node (self, state, NULL, select))
        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "select",
                                    _("unknown node %s (in any supply chain)"), quoted);
      break;

    case ATLAS_VIEW_SHARES:
      /* A slide selects one bar; a group is what "group" is for. */
      if (!g_hash_table_contains (self->share_index, select))
        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "select",
                                    _("unknown share %s"), quoted);
      break;

    case ATLAS_VIEW_PRICES:
      if (!g_hash_table_contains (self->event_index, select) &&
          !g_hash_table_contains (self->series_index, select))
        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "select",
                                    _("unknown event or series %s"), quoted);
      break;

    case ATLAS_VIEW_TIMELINE:
      if (!g_hash_table_contains (self->event_index, select))
        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "select",
                                    _("unknown event %s"), quoted);
      break;

    case ATLAS_VIEW_MAP:
      /* The map colours the countries by the share selected, or selects
       * a region's country on it. */
      if (!g_hash_table_contains (self->share_index, select) &&
          !g_hash_table_contains (self->region_index, select))
        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "select",
                                    _("unknown share or region %s"), quoted);
      break;

    case ATLAS_VIEW_N_VIEWS:
    default:
      break;
    }
}

/* A slide must have something to draw: its view's list is not empty
 * (and its chain, named or the first, has nodes), or --export=briefing
 * would fail at that slide after --check passed. */
static void
check_view_has_data (AtlasLoaderContext *ctx,
                     AtlasDataset       *self,
                     const AtlasSlide   *slide)
{
  const char *reason = NULL;

  switch (slide->view)
    {
    case ATLAS_VIEW_FLOWS:
      {
        const AtlasChain *chain = NULL;

        if (slide->chain != NULL)
          chain = g_hash_table_lookup (self->chain_index, slide->chain);
        else if (self->chains->len > 0)
          chain = g_ptr_array_index (self->chains, 0);
        if (self->chains->len == 0)
          reason = _("a flows slide needs a supply chain, and the dataset has none");
        else if (chain != NULL && chain->nodes->len == 0)
          reason = _("a flows slide needs a supply chain with nodes, and its chain has none");
      }
      break;
    case ATLAS_VIEW_SHARES:
      if (self->shares->len == 0)
        reason = _("a shares slide needs shares, and the dataset has none");
      break;
    case ATLAS_VIEW_PRICES:
      if (self->series->len == 0)
        reason = _("a prices slide needs price series, and the dataset has none");
      break;
    case ATLAS_VIEW_TIMELINE:
      if (self->events->len == 0)
        reason = _("a timeline slide needs events, and the dataset has none");
      break;
    case ATLAS_VIEW_N_VIEWS:
    default:
      break;
    }
  if (reason != NULL)
    atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID, "%s", reason);
}

/* "node_offsets": {"node": 0.1, ...}, each a node of the chain the slide
 * draws (its own, or the first), moved by a fraction of the plot's height.
 * The members' order is kept, so that saving writes them back as they were. */
static void
parse_node_offsets (AtlasLoaderContext *ctx,
                    AtlasDataset       *self,
                    BriefingsState     *state,
                    JsonObject         *object,
                    AtlasSlide         *slide)
{
  JsonNode *member = atlas_loader_get_member (ctx, object, "node_offsets", FALSE);
  const AtlasChain *chain = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GArray) offsets = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *map;

  if (member == NULL)
    return;
  atlas_loader_push_member (ctx, "node_offsets");
  map = atlas_loader_object_from_node (ctx, member);
  atlas_loader_pop (ctx);
  if (map == NULL)
    return;

  if (slide->chain != NULL)
    chain = g_hash_table_lookup (self->chain_index, slide->chain);
  else if (self->chains->len > 0)
    chain = g_ptr_array_index (self->chains, 0);
  /* An unknown chain, or none at all, is reported already. */
  if (chain == NULL)
    return;
  ids = g_ptr_array_new_with_free_func (g_free);
  offsets = g_array_new (FALSE, FALSE, sizeof (double));
  names = json_object_get_members (map);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *id = l->data;
      double offset;

      if (!chain_has_node (self, state, chain, id))
        {
          g_autofree char *quoted = atlas_loader_quote (id);
          g_autofree char *chain_id = atlas_loader_quote (chain->id);

          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "node_offsets",
                                      _("unknown node %s in chain %s"), quoted, chain_id);
          continue;
        }
      /* A known node's id is a valid id: safe to print in the path. */
      atlas_loader_push_member (ctx, "node_offsets");
      atlas_loader_push_member (ctx, id);
      if (atlas_loader_number_from_node (ctx, json_object_get_member (map, id), &offset))
        {
          if (offset < -1 || offset > 1)
            {
              g_autofree char *number = atlas_loader_format_number (offset);

              atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                                   _("a node offset is a fraction of the diagram's height, from -1 to 1, not %s"),
                                   number);
            }
          else
            {
              g_ptr_array_add (ids, g_strdup (id));
              g_array_append_val (offsets, offset);
            }
        }
      atlas_loader_pop (ctx);
      atlas_loader_pop (ctx);
    }
  if (ids->len == 0)
    return;
  g_ptr_array_add (ids, NULL);
  slide->node_offset_ids = (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
  slide->node_offsets = (double *) g_array_free (g_steal_pointer (&offsets), FALSE);
}

/* The switches of one view: "keep_order" and "node_offsets" (flows) and
 * "show_events" (prices); on another view they would do nothing, which
 * is a mistake worth a message. */
static void
parse_view_switches (AtlasLoaderContext *ctx,
                     AtlasDataset       *self,
                     BriefingsState     *state,
                     JsonObject         *object,
                     AtlasSlide         *slide,
                     gboolean            view_ok)
{
  static const char * const flows_members[] = { "keep_order", "node_offsets" };
  /* A slide whose view is invalid is reported already: its members are
   * read as far as they go. */
  gboolean flows = !view_ok || slide->view == ATLAS_VIEW_FLOWS;
  gboolean prices = !view_ok || slide->view == ATLAS_VIEW_PRICES;
  gboolean show_events;

  for (guint i = 0; i < G_N_ELEMENTS (flows_members); i++)
    if (!flows && json_object_has_member (object, flows_members[i]))
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, flows_members[i],
                                  _("\"%s\" applies to flows slides only"), flows_members[i]);
  if (!prices && json_object_has_member (object, "show_events"))
    atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "show_events",
                                _("\"%s\" applies to prices slides only"), "show_events");

  if (flows)
    {
      atlas_loader_get_bool (ctx, object, "keep_order", &slide->keep_order);
      parse_node_offsets (ctx, self, state, object, slide);
    }
  if (prices && json_object_has_member (object, "show_events") &&
      atlas_loader_get_bool (ctx, object, "show_events", &show_events))
    slide->hide_events = !show_events;
}

static const char * const slide_members[] = {
  "id", "view", "chain", "group", "series", "kinds", "regions", "elements", "from", "to",
  "scale", "indexed", "currency", "unit", "show_events", "keep_order", "node_offsets",
  "select", "focus", "annotations", "title", "note", NULL
};
static const char * const briefing_members[] = { "id", "title", "slides", NULL };

static void
parse_slide (AtlasLoaderContext *ctx,
             AtlasDataset       *self,
             JsonObject         *object,
             guint               index,
             gpointer            user_data)
{
  GPtrArray *slides = ((gpointer *) user_data)[0];
  BriefingsState *state = ((gpointer *) user_data)[1];
  GHashTable *slide_ids = ((gpointer *) user_data)[2];
  AtlasSlide *slide = g_new0 (AtlasSlide, 1);
  const char *id, *view, *chain, *group, *scale, *unit, *select;
  gboolean view_ok = FALSE;

  g_ptr_array_add (slides, slide);

  id = atlas_loader_get_id (ctx, object, "id", FALSE);
  if (id != NULL)
    {
      slide->id = g_strdup (id);
      atlas_loader_check_unique (ctx, slide_ids, "id", slide->id, index);
    }

  view = atlas_loader_get_string (ctx, object, "view", TRUE);
  if (view != NULL && !(view_ok = atlas_view_from_string (view, &slide->view)))
    {
      g_autofree char *quoted = atlas_loader_quote (view);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "view",
                                  _("invalid view %s (expected flows, shares, prices, timeline or map)"),
                                  quoted);
    }

  chain = atlas_loader_get_string (ctx, object, "chain", FALSE);
  if (chain != NULL)
    {
      if (!g_hash_table_contains (self->chain_index, chain))
        {
          g_autofree char *quoted = atlas_loader_quote (chain);

          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "chain",
                                      _("unknown supply chain %s"), quoted);
        }
      slide->chain = g_strdup (chain);
    }

  group = atlas_loader_get_string (ctx, object, "group", FALSE);
  if (group != NULL)
    {
      if (!g_hash_table_contains (self->share_group_index, group) &&
          !g_hash_table_contains (self->share_index, group))
        {
          g_autofree char *quoted = atlas_loader_quote (group);

          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "group",
                                      _("unknown share or share group %s"), quoted);
        }
      slide->group = g_strdup (group);
    }

  slide->series = atlas_loader_get_id_list (ctx, object, "series", FALSE,
                                            self->series_index, "series");

  atlas_loader_get_date (ctx, object, "from", FALSE, &slide->from);
  atlas_loader_get_date (ctx, object, "to", FALSE, &slide->to);
  atlas_loader_get_date (ctx, object, "indexed", FALSE, &slide->indexed);
  if (atlas_date_is_set (&slide->from) && atlas_date_is_set (&slide->to) &&
      slide->from.day > slide->to.day)
    {
      g_autofree char *from = atlas_date_to_string (&slide->from);
      g_autofree char *to = atlas_date_to_string (&slide->to);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "to",
                                  _("\"to\" (%s) is before \"from\" (%s)"), to, from);
    }

  scale = atlas_loader_get_string (ctx, object, "scale", FALSE);
  if (scale != NULL)
    {
      if (g_str_equal (scale, "linear"))
        slide->scale = ATLAS_SCALE_LINEAR;
      else if (g_str_equal (scale, "log"))
        slide->scale = ATLAS_SCALE_LOG;
      else
        {
          g_autofree char *quoted = atlas_loader_quote (scale);

          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "scale",
                                      _("invalid scale %s (expected linear or log)"), quoted);
        }
    }

  slide->currency = g_strdup (atlas_loader_get_currency (ctx, object, "currency", FALSE));
  unit = atlas_loader_get_string (ctx, object, "unit", FALSE);
  if (unit != NULL && atlas_mass_unit_in_kg (unit) == 0)
    {
      g_autofree char *quoted = atlas_loader_quote (unit);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "unit",
                                  _("invalid unit %s (expected kg, t or lb)"), quoted);
    }
  else
    slide->unit = g_strdup (unit);

  parse_view_switches (ctx, self, state, object, slide, view_ok);

  slide->kinds = atlas_loader_get_id_list (ctx, object, "kinds", FALSE, state->kinds, "event kind");
  slide->regions = atlas_loader_get_id_list (ctx, object, "regions", FALSE,
                                             self->region_index, "region");
  slide->elements = atlas_loader_get_id_list (ctx, object, "elements", FALSE,
                                              self->element_index, "element");
  slide->title = atlas_loader_get_text (ctx, object, "title", FALSE);
  slide->note = atlas_loader_get_text (ctx, object, "note", FALSE);

  slide->focus = atlas_loader_get_focus (ctx, self, object, get_node_index (self, state));
  slide->annotations = atlas_loader_get_annotations (ctx, self, object, "annotations", get_node_index (self, state));
  if (view_ok)
    check_view_has_data (ctx, self, slide);

  /* Last, so that the chain it depends on is known to be valid or reported. */
  select = atlas_loader_get_string (ctx, object, "select", FALSE);
  if (select != NULL)
    {
      if (view_ok)
        check_select (ctx, self, state, slide, select);
      slide->select = g_strdup (select);
    }
  slide->unknown = atlas_loader_unknown_members (object, slide_members);
}

static void
parse_briefing (AtlasLoaderContext *ctx,
                AtlasDataset       *self,
                JsonObject         *object,
                guint               index,
                gpointer            user_data)
{
  BriefingsState *state = user_data;
  AtlasBriefing *briefing = g_new0 (AtlasBriefing, 1);
  g_autoptr(GHashTable) slide_ids = g_hash_table_new (g_str_hash, g_str_equal);
  gpointer slide_data[3];
  const char *id;
  guint n_slides;

  briefing->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_slide_free);
  g_ptr_array_add (self->briefings, briefing);

  id = atlas_loader_get_id (ctx, object, "id", TRUE);
  briefing->title = atlas_loader_get_text (ctx, object, "title", TRUE);
  briefing->unknown = atlas_loader_unknown_members (object, briefing_members);

  slide_data[0] = briefing->slides;
  slide_data[1] = state;
  slide_data[2] = slide_ids;
  n_slides = atlas_loader_foreach_item (ctx, self, object, "slides", TRUE, parse_slide, slide_data);
  if (n_slides == 0 && json_object_has_member (object, "slides") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "slides")))
    atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "slides",
                                _("a briefing needs at least one slide"));

  if (id != NULL)
    {
      briefing->id = g_strdup (id);
      if (atlas_loader_check_unique (ctx, state->seen, "id", briefing->id, index))
        g_hash_table_insert (self->briefing_index, briefing->id, briefing);
    }
}

void
atlas_loader_parse_briefings (AtlasLoaderContext *ctx,
                              AtlasDataset       *self,
                              JsonObject         *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  BriefingsState state = { seen, kinds, NULL };

  for (int kind = 0; kind < ATLAS_EVENT_N_KINDS; kind++)
    g_hash_table_add (kinds, (gpointer) atlas_event_kind_to_string (kind));

  atlas_loader_foreach_item (ctx, self, root, "briefings", FALSE, parse_briefing, &state);
  g_clear_pointer (&state.nodes, g_hash_table_unref);
}
