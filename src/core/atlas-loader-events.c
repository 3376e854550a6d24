/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-loader-events.c: the timeline's events, sorted by date. */
#include "atlas-dataset-loader-private.h"

#include <glib/gi18n-lib.h>

/* An optional array of ids, each resolved through @index into @out. */
static void
resolve_id_array (AtlasLoaderContext *ctx,
                  JsonObject         *object,
                  const char         *member,
                  GHashTable         *index,
                  const char         *what,
                  GPtrArray          *out)
{
  JsonArray *array = atlas_loader_get_array (ctx, object, member, FALSE);
  guint n;

  if (array == NULL)
    return;

  n = json_array_get_length (array);
  atlas_loader_push_member (ctx, member);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gpointer item = NULL;

      atlas_loader_push_index (ctx, i);
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          item = g_hash_table_lookup (index, json_node_get_string (node));
          if (item == NULL)
            {
              g_autofree char *quoted = atlas_loader_quote (json_node_get_string (node));

              /* @what is translated as in atlas-loader-context.c */
              atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID, _("unknown %s %s"),
                                   g_dpgettext2 (GETTEXT_PACKAGE, "kind of id", what), quoted);
            }
          else
            g_ptr_array_add (out, item);
        }
      else
        atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID, _("expected a %s id (a string)"), what);
      atlas_loader_pop (ctx);
    }
  atlas_loader_pop (ctx);
}

static void
parse_event (AtlasLoaderContext *ctx,
             AtlasDataset       *self,
             JsonObject         *object,
             guint               index,
             gpointer            user_data)
{
  GHashTable *seen = user_data;
  AtlasEvent *event = g_new0 (AtlasEvent, 1);
  const char *id, *kind;

  event->regions = g_ptr_array_new ();
  event->elements = g_ptr_array_new ();
  g_ptr_array_add (self->events, event);

  id = atlas_loader_get_id (ctx, object, "id", TRUE);
  atlas_loader_get_date (ctx, object, "date", TRUE, &event->date);
  event->title = atlas_loader_get_text (ctx, object, "title", TRUE);
  event->detail = atlas_loader_get_text (ctx, object, "detail", FALSE);

  kind = atlas_loader_get_string (ctx, object, "kind", TRUE);
  if (kind != NULL && !atlas_event_kind_from_string (kind, &event->kind))
    {
      g_autofree char *quoted = atlas_loader_quote (kind);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "kind",
                                  _("invalid kind %s (expected policy, market, project, conflict or other)"),
                                  quoted);
    }

  resolve_id_array (ctx, object, "regions", self->region_index, "region", event->regions);
  resolve_id_array (ctx, object, "elements", self->element_index, "element", event->elements);
  event->cite = atlas_loader_get_id_list (ctx, object, "cite", TRUE,
                                          self->source_index, "source");

  if (id != NULL)
    {
      event->id = g_strdup (id);
      if (atlas_loader_check_unique (ctx, seen, "id", event->id, index))
        g_hash_table_insert (self->event_index, event->id, event);
    }
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const AtlasEvent *x = *(const AtlasEvent * const *) a;
  const AtlasEvent *y = *(const AtlasEvent * const *) b;

  return x->date.day < y->date.day ? -1 : x->date.day > y->date.day ? 1 : 0;
}

void
atlas_loader_parse_events (AtlasLoaderContext *ctx,
                           AtlasDataset       *self,
                           JsonObject         *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  atlas_loader_foreach_item (ctx, self, root, "events", FALSE, parse_event, seen);

  /* g_ptr_array_sort() is stable: events of one day keep file order. */
  g_ptr_array_sort (self->events, compare_events);
}
