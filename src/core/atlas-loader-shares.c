/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-loader-shares.c: market-share bars, their totals, alternatives and groups. */
#include "atlas-dataset-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Sums of decimal fractions are not exact: 90.9 + 9.1 may exceed 100 by an
 * ulp, which is no reason to reject a dataset. */
#define TOTAL_RELATIVE_TOLERANCE 1e-9

typedef struct {
  AtlasShare *share;
  GHashTable *region_seen;       /* region id -> part index + 1 */
  gboolean    share_has_cite;
} ShareState;

static void
parse_part (AtlasLoaderContext *ctx,
            AtlasDataset       *self,
            JsonObject         *object,
            guint               index,
            gpointer            user_data)
{
  ShareState *state = user_data;
  AtlasSharePart *part = g_new0 (AtlasSharePart, 1);
  const char *region;
  double value;

  g_ptr_array_add (state->share->parts, part);

  region = atlas_loader_get_string (ctx, object, "region", TRUE);
  if (region != NULL)
    {
      gpointer earlier = g_hash_table_lookup (state->region_seen, region);

      part->region = g_hash_table_lookup (self->region_index, region);
      if (part->region == NULL)
        {
          g_autofree char *quoted = atlas_loader_quote (region);

          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "region",
                                      _("unknown region %s"), quoted);
        }
      else if (earlier != NULL)
        {
          g_autofree char *quoted = atlas_loader_quote (region);
          g_autofree char *first = atlas_loader_sibling_path (ctx, GPOINTER_TO_UINT (earlier) - 1);

          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "region",
                                      _("region %s appears twice in one share (first at %s)"),
                                      quoted, first);
        }
      else
        g_hash_table_insert (state->region_seen, part->region->id, GUINT_TO_POINTER (index + 1));
    }

  if (atlas_loader_get_number (ctx, object, "value", TRUE, &value))
    {
      if (value < 0)
        atlas_loader_report_not_positive (ctx, "value", value, TRUE);
      else
        part->value = value;
    }

  atlas_loader_get_bool (ctx, object, "estimate", &part->estimate);
  part->cite = atlas_loader_get_id_list (ctx, object, "cite", FALSE,
                                         self->source_index, "source");
  if (!state->share_has_cite && !json_object_has_member (object, "cite"))
    atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "cite",
                                _("missing required member \"cite\" (the share has no cite of its own)"));
  part->note = atlas_loader_get_text (ctx, object, "note", FALSE);
}

static void
parse_share (AtlasLoaderContext *ctx,
             AtlasDataset       *self,
             JsonObject         *object,
             guint               index,
             gpointer            user_data)
{
  GHashTable *seen = user_data;
  AtlasShare *share = g_new0 (AtlasShare, 1);
  g_autoptr(GHashTable) region_seen = g_hash_table_new (g_str_hash, g_str_equal);
  ShareState state = { share, region_seen, json_object_has_member (object, "cite") };
  const char *id, *group;
  guint n_parts;

  share->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_share_part_free);
  share->alternatives = g_ptr_array_new ();
  g_ptr_array_add (self->shares, share);

  id = atlas_loader_get_id (ctx, object, "id", TRUE);
  share->metric = atlas_loader_get_text (ctx, object, "metric", TRUE);
  atlas_loader_get_int (ctx, object, "year", TRUE, &share->year);
  share->unit = g_strdup (atlas_loader_get_string (ctx, object, "unit", TRUE));
  share->cite = atlas_loader_get_id_list (ctx, object, "cite", FALSE,
                                          self->source_index, "source");
  group = atlas_loader_get_id (ctx, object, "group", FALSE);
  share->group = g_strdup (group);
  share->note = atlas_loader_get_text (ctx, object, "note", FALSE);

  n_parts = atlas_loader_foreach_item (ctx, self, object, "parts", TRUE, parse_part, &state);
  if (n_parts == 0 && json_object_has_member (object, "parts") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "parts")))
    atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "parts",
                                _("a share needs at least one part"));

  for (guint i = 0; i < share->parts->len; i++)
    share->parts_sum += ((AtlasSharePart *) g_ptr_array_index (share->parts, i))->value;

  share->total = share->parts_sum;
  if (json_object_has_member (object, "total") &&
      atlas_loader_get_number (ctx, object, "total", FALSE, &share->total))
    {
      share->has_total = TRUE;
      if (share->total < 0)
        atlas_loader_report_not_positive (ctx, "total", share->total, TRUE);
      else if (share->total < share->parts_sum * (1 - TOTAL_RELATIVE_TOLERANCE))
        {
          g_autofree char *total = atlas_loader_format_number (share->total);
          g_autofree char *sum = atlas_loader_format_number (share->parts_sum);

          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "total",
                                      _("total %s is less than the sum of the parts (%s)"),
                                      total, sum);
        }
      /* Within the tolerance the parts are the whole. */
      share->total = MAX (share->total, share->parts_sum);
    }

  if (id != NULL)
    {
      share->id = g_strdup (id);
      if (atlas_loader_check_unique (ctx, seen, "id", share->id, index))
        g_hash_table_insert (self->share_index, share->id, share);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every source a share cites, its own and its parts', sorted and unique. */
static GPtrArray *
collect_sources (const AtlasShare *share)
{
  GPtrArray *ids = g_ptr_array_new ();
  guint kept = 0;

  for (guint i = 0; share->cite != NULL && share->cite[i] != NULL; i++)
    g_ptr_array_add (ids, share->cite[i]);
  for (guint p = 0; p < share->parts->len; p++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, p);

      for (guint i = 0; part->cite != NULL && part->cite[i] != NULL; i++)
        g_ptr_array_add (ids, part->cite[i]);
    }

  g_ptr_array_sort (ids, compare_strings);
  for (guint i = 0; i < ids->len; i++)
    if (kept == 0 || strcmp (ids->pdata[i], ids->pdata[kept - 1]) != 0)
      ids->pdata[kept++] = ids->pdata[i];
  g_ptr_array_set_size (ids, kept);
  return ids;
}

static gboolean
same_fact (const AtlasShare *a,
           const AtlasShare *b)
{
  return a->metric != NULL && b->metric != NULL &&
         a->year == b->year &&
         g_strcmp0 (a->group, b->group) == 0 &&
         atlas_text_equal (a->metric, b->metric);
}

static guint
fact_hash (gconstpointer key)
{
  const AtlasShare *share = key;

  return atlas_text_hash (share->metric) ^ ((guint) share->year * 2654435761u) ^
         (share->group != NULL ? g_str_hash (share->group) : 0);
}

static gboolean
fact_equal (gconstpointer a,
            gconstpointer b)
{
  return same_fact (a, b);
}

/* The sources of a share of the fact whose primary is @primary, as a key. */
static char *
sources_key (guint      primary,
             GPtrArray *sources)
{
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%u", primary);
  for (guint i = 0; i < sources->len; i++)
    {
      g_string_append_c (key, '\x1f');
      g_string_append (key, g_ptr_array_index (sources, i));
    }
  return g_string_free (key, FALSE);
}

/* Sources disagree: entries for one fact (metric, year, group) from other
 * sources become alternatives of the first; from the same sources, they are
 * a mistake.  Hash tables, not comparisons of every pair: a hostile file may
 * hold a hundred thousand shares of one fact. */
static void
link_alternatives (AtlasLoaderContext *ctx,
                   AtlasDataset       *self)
{
  /* share -> index + 1 of the first share of its fact (its primary) */
  g_autoptr(GHashTable) primaries = g_hash_table_new (fact_hash, fact_equal);
  /* sources_key() -> index + 1 of the first share of that fact with those sources */
  g_autoptr(GHashTable) by_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  atlas_loader_push_member (ctx, "shares");
  for (guint i = 0; i < self->shares->len && !atlas_loader_context_should_stop (ctx); i++)
    {
      AtlasShare *share = g_ptr_array_index (self->shares, i);
      g_autoptr(GPtrArray) sources = NULL;
      g_autofree char *key = NULL;
      AtlasShare *primary;
      gpointer found;
      guint j;

      if (share->metric == NULL)
        continue;

      sources = collect_sources (share);
      found = g_hash_table_lookup (primaries, share);
      if (found == NULL)
        {
          g_hash_table_insert (primaries, share, GUINT_TO_POINTER (i + 1));
          g_hash_table_insert (by_sources, sources_key (i, sources), GUINT_TO_POINTER (i + 1));
          continue;
        }

      j = GPOINTER_TO_UINT (found) - 1;
      primary = g_ptr_array_index (self->shares, j);
      key = sources_key (j, sources);
      found = g_hash_table_lookup (by_sources, key);

      atlas_loader_push_index (ctx, i);
      /* The same sources as the primary or as one of its alternatives. */
      if (found != NULL)
        {
          g_autofree char *first = atlas_loader_sibling_path (ctx, GPOINTER_TO_UINT (found) - 1);

          atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                               _("same metric, year, group and sources as %s (alternative figures need different sources)"),
                               first);
        }
      else
        {
          share->is_alternative = TRUE;
          g_ptr_array_add (primary->alternatives, share);
          g_hash_table_insert (by_sources, g_steal_pointer (&key), GUINT_TO_POINTER (i + 1));
        }
      atlas_loader_pop (ctx);
    }
  atlas_loader_pop (ctx);
}

static void
collect_groups (AtlasDataset *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->shares->len; i++)
    {
      AtlasShare *share = g_ptr_array_index (self->shares, i);
      const char *key = share->group != NULL ? share->group : share->id;

      /* Alternatives are drawn beside their primary, not as bars. */
      if (share->is_alternative || key == NULL ||
          g_hash_table_contains (self->share_group_index, key))
        continue;

      g_hash_table_insert (self->share_group_index, (gpointer) key, share);
      g_strv_builder_add (builder, key);
    }

  self->share_groups = g_strv_builder_end (builder);
}

void
atlas_loader_parse_shares (AtlasLoaderContext *ctx,
                           AtlasDataset       *self,
                           JsonObject         *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  atlas_loader_foreach_item (ctx, self, root, "shares", FALSE, parse_share, seen);
  link_alternatives (ctx, self);
  collect_groups (self);
}
