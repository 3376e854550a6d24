/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-loader-prices.c: price series (inline points and points_csv, merged and sorted) and exchange rates. */
#include "atlas-dataset-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-points-csv-private.h"
#include "atlas-points-json-private.h"

typedef struct {
  AtlasSeries      *series;
  AtlasPointBuffer *buffer;
  gboolean          missing_cite; /* some point has no cite, own or inherited */
} SeriesState;

static char *
point_date_string (gint32 day,
                   guint8 precision)
{
  AtlasDate date = atlas_date_from_days (day, precision);

  return atlas_date_to_string (&date);
}

static gboolean
check_price (AtlasLoaderContext *ctx,
             double              value)
{
  if (value > 0)
    return TRUE;
  atlas_loader_report_not_positive (ctx, NULL, value, FALSE);
  return FALSE;
}

/* Reads the number of @node at the current path's [@index] as a price. */
static gboolean
array_price (AtlasLoaderContext *ctx,
             JsonArray          *array,
             guint               index,
             double             *out)
{
  gboolean ok;

  atlas_loader_push_index (ctx, index);
  ok = atlas_loader_number_from_node (ctx, json_array_get_element (array, index), out) &&
       check_price (ctx, *out);
  atlas_loader_pop (ctx);
  return ok;
}

static gboolean
object_price (AtlasLoaderContext *ctx,
              JsonObject         *object,
              const char         *member,
              double             *out)
{
  gboolean ok;

  if (!atlas_loader_get_number (ctx, object, member, TRUE, out))
    return FALSE;
  atlas_loader_push_member (ctx, member);
  ok = check_price (ctx, *out);
  atlas_loader_pop (ctx);
  return ok;
}

static void
report_point_shape (AtlasLoaderContext *ctx)
{
  atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                       _("expected a point: [date, value], [date, low, high], or an object with \"date\" and \"value\" or \"low\" and \"high\""));
}

/* One element of "points", at the current path; FALSE when invalid. */
static gboolean
parse_point (AtlasLoaderContext *ctx,
             AtlasDataset       *self,
             SeriesState        *state,
             JsonNode           *node,
             AtlasPricePoint    *point)
{
  AtlasDate date;
  double low = 0, high = 0;
  gboolean range;

  point->flags = 0;
  point->reserved = 0;
  point->extra = -1;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);
      gboolean ok;

      if (length != 2 && length != 3)
        {
          report_point_shape (ctx);
          return FALSE;
        }

      atlas_loader_push_index (ctx, 0);
      ok = atlas_loader_date_from_node (ctx, json_array_get_element (array, 0), &date);
      atlas_loader_pop (ctx);

      range = length == 3;
      if (!array_price (ctx, array, 1, &low))
        ok = FALSE;
      if (range && !array_price (ctx, array, 2, &high))
        ok = FALSE;
      if (!ok)
        return FALSE;

      state->missing_cite = TRUE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      gboolean has_value = json_object_has_member (object, "value");
      gboolean has_low = json_object_has_member (object, "low");
      gboolean has_high = json_object_has_member (object, "high");
      gboolean estimate = FALSE;
      gboolean ok = atlas_loader_get_date (ctx, object, "date", TRUE, &date);
      AtlasPointExtra extra = { NULL, NULL };

      if (has_value && (has_low || has_high))
        {
          atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                               _("a point has either \"value\" or \"low\" and \"high\", not both"));
          return FALSE;
        }

      range = !has_value && (has_low || has_high);
      if (!has_value && !range)
        {
          report_point_shape (ctx);
          return FALSE;
        }

      if (!range)
        ok = object_price (ctx, object, "value", &low) && ok;
      else
        {
          ok = object_price (ctx, object, "low", &low) && ok;
          ok = object_price (ctx, object, "high", &high) && ok;
        }

      ok = atlas_loader_get_bool (ctx, object, "estimate", &estimate) && ok;
      if (json_object_has_member (object, "cite"))
        {
          extra.cite = atlas_loader_get_id_list (ctx, object, "cite", FALSE,
                                                 self->source_index, "source");
          ok = extra.cite != NULL && ok;
        }
      else
        state->missing_cite = TRUE;
      extra.note = atlas_loader_get_text (ctx, object, "note", FALSE);

      if (!ok)
        {
          atlas_point_extra_clear (&extra);
          return FALSE;
        }

      if (estimate)
        point->flags |= ATLAS_POINT_ESTIMATE;
      if (extra.cite != NULL || extra.note != NULL)
        {
          point->extra = (gint32) state->series->extras->len;
          g_array_append_val (state->series->extras, extra);
        }
    }
  else
    {
      report_point_shape (ctx);
      return FALSE;
    }

  if (range && low > high)
    {
      g_autofree char *low_text = atlas_loader_format_number (low);
      g_autofree char *high_text = atlas_loader_format_number (high);

      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                           _("low %s is greater than high %s"), low_text, high_text);
      return FALSE;
    }

  point->day = date.day;
  point->precision = date.precision;
  if (range)
    {
      point->flags |= ATLAS_POINT_RANGE;
      point->low = low;
      point->high = high;
      point->value = low + (high - low) / 2;
    }
  else
    point->value = point->low = point->high = low;
  return TRUE;
}

static void
parse_inline_points (AtlasLoaderContext *ctx,
                     AtlasDataset       *self,
                     SeriesState        *state,
                     JsonArray          *points)
{
  guint n = json_array_get_length (points);

  atlas_point_buffer_reserve (state->buffer, n);

  atlas_loader_push_member (ctx, "points");
  for (guint i = 0; i < n && !atlas_loader_context_should_stop (ctx); i++)
    {
      AtlasPointBuffer *buffer = state->buffer;

      atlas_loader_push_index (ctx, i);
      /* Parse in place: the slot is only kept when the point is valid. */
      if (parse_point (ctx, self, state, json_array_get_element (points, i),
                       &buffer->points[buffer->n_points]))
        {
          buffer->origins[buffer->n_points] = i;
          buffer->n_points++;
        }
      atlas_loader_pop (ctx);
    }
  atlas_loader_pop (ctx);

  state->buffer->n_inline = state->buffer->n_points;
}

typedef struct {
  AtlasDataset *self;
  SeriesState  *state;
} PointFallback;

/* A point the fast reader leaves (atlas-points-json.c): through
 * json-glib and parse_point(), like every point of the tree. */
static gboolean
parse_point_text (AtlasLoaderContext *ctx,
                  const char         *element,
                  gsize               length,
                  AtlasPricePoint    *point,
                  gpointer            user_data)
{
  PointFallback *fallback = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();

  /* The guard has checked the whole text: this cannot fail. */
  if (!json_parser_load_from_data (parser, element, length, NULL))
    {
      report_point_shape (ctx);
      return FALSE;
    }
  return parse_point (ctx, fallback->self, fallback->state, json_parser_get_root (parser), point);
}

/* The same as parse_inline_points(), reading the bytes of @span. */
static void
parse_points_text (AtlasLoaderContext        *ctx,
                   AtlasDataset              *self,
                   SeriesState               *state,
                   const AtlasJsonPointsSpan *span)
{
  PointFallback fallback = { self, state };
  gsize n_fast;

  atlas_loader_push_member (ctx, "points");
  atlas_points_json_read (ctx, span, state->buffer, parse_point_text, &fallback, &n_fast);
  atlas_loader_pop (ctx);

  /* An array point has no cite of its own. */
  if (n_fast > 0)
    state->missing_cite = TRUE;
  state->buffer->n_inline = state->buffer->n_points;
}

/* ---- sorting and duplicate dates -------------------------------------- */

static int
compare_by_day (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const AtlasPricePoint *points = user_data;
  guint32 i = *(const guint32 *) a;
  guint32 j = *(const guint32 *) b;

  if (points[i].day != points[j].day)
    return points[i].day < points[j].day ? -1 : 1;
  /* Equal days keep file order, so duplicates are named in that order. */
  return i < j ? -1 : i > j ? 1 : 0;
}

static void
sort_points (AtlasPointBuffer *buffer)
{
  g_autofree guint32 *order = NULL;
  AtlasPricePoint *points;
  guint32 *origins;
  gsize n = buffer->n_points;
  gboolean sorted = TRUE;

  /* Files are nearly always in date order: check before sorting. */
  for (gsize i = 1; i < n && sorted; i++)
    sorted = buffer->points[i - 1].day < buffer->points[i].day;
  if (sorted)
    return;

  order = g_new (guint32, n);
  for (gsize i = 0; i < n; i++)
    order[i] = (guint32) i;
  g_qsort_with_data (order, (gint) n, sizeof (guint32), compare_by_day, buffer->points);

  points = g_new (AtlasPricePoint, n);
  origins = g_new (guint32, n);
  for (gsize i = 0; i < n; i++)
    {
      points[i] = buffer->points[order[i]];
      /* Remember the inline/CSV side in the top bit of the origin. */
      origins[i] = order[i] < buffer->n_inline ? buffer->origins[order[i]]
                                               : buffer->origins[order[i]] | 0x80000000u;
    }
  g_free (buffer->points);
  g_free (buffer->origins);
  buffer->points = points;
  buffer->origins = origins;
  buffer->allocated = n;
  /* Sides now live in the origins' top bit. */
  buffer->n_inline = G_MAXSIZE;
}

static gboolean
origin_is_csv (const AtlasPointBuffer *buffer,
               gsize                   i)
{
  if (buffer->n_inline == G_MAXSIZE)
    return (buffer->origins[i] & 0x80000000u) != 0;
  return i >= buffer->n_inline;
}

static guint32
origin_value (const AtlasPointBuffer *buffer,
              gsize                   i)
{
  return buffer->origins[i] & 0x7fffffffu;
}

static char *
origin_place (AtlasLoaderContext     *ctx,
              const AtlasPointBuffer *buffer,
              gsize                   i,
              const char             *csv_name)
{
  if (origin_is_csv (buffer, i))
    return g_strdup_printf ("%s:%u", csv_name, origin_value (buffer, i));

  {
    g_autofree char *series_path = atlas_loader_path (ctx);

    return g_strdup_printf ("%s.points[%u]", series_path, origin_value (buffer, i));
  }
}

static void
check_duplicates (AtlasLoaderContext     *ctx,
                  const AtlasPointBuffer *buffer,
                  const char             *relative)
{
  g_autofree char *csv_name = atlas_loader_escape (relative != NULL ? relative : "", -1);

  for (gsize i = 1; i < buffer->n_points && !atlas_loader_context_should_stop (ctx); i++)
    {
      const AtlasPricePoint *a = &buffer->points[i - 1];
      const AtlasPricePoint *b = &buffer->points[i];
      g_autofree char *first = NULL;
      g_autofree char *date = NULL;
      g_autofree char *other_date = NULL;
      g_autofree char *detail = NULL;

      if (a->day != b->day)
        continue;

      first = origin_place (ctx, buffer, i - 1, csv_name);
      date = point_date_string (b->day, b->precision);
      other_date = point_date_string (a->day, a->precision);
      if (g_str_equal (date, other_date))
        detail = g_strdup_printf (_("duplicate date \"%s\" (also at %s)"), date, first);
      else
        detail = g_strdup_printf (_("duplicate date \"%s\" (the same day as \"%s\" at %s)"),
                                  date, other_date, first);

      if (origin_is_csv (buffer, i))
        atlas_loader_report_message (ctx, ATLAS_DATASET_ERROR_INVALID,
                                     g_strdup_printf ("%s:%u: %s", csv_name,
                                                      origin_value (buffer, i), detail));
      else
        {
          atlas_loader_push_member (ctx, "points");
          atlas_loader_push_index (ctx, origin_value (buffer, i));
          atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID, "%s", detail);
          atlas_loader_pop (ctx);
          atlas_loader_pop (ctx);
        }
    }
}

/* ---- series ----------------------------------------------------------- */

static void
parse_series (AtlasLoaderContext *ctx,
              AtlasDataset       *self,
              JsonObject         *object,
              guint               index,
              gpointer            user_data)
{
  GHashTable *seen = user_data;
  AtlasSeries *series = g_new0 (AtlasSeries, 1);
  AtlasPointBuffer buffer = { 0 };
  SeriesState state = { series, &buffer, FALSE };
  const char *id, *element, *unit, *csv;
  JsonArray *points;
  gboolean has_cite = json_object_has_member (object, "cite");
  guint n_messages_before = ctx->messages->len;

  series->extras = g_array_new (FALSE, FALSE, sizeof (AtlasPointExtra));
  g_array_set_clear_func (series->extras, (GDestroyNotify) atlas_point_extra_clear);
  g_ptr_array_add (self->series, series);

  id = atlas_loader_get_id (ctx, object, "id", TRUE);

  element = atlas_loader_get_string (ctx, object, "element", FALSE);
  if (element != NULL)
    {
      series->element = g_hash_table_lookup (self->element_index, element);
      if (series->element == NULL)
        {
          g_autofree char *quoted = atlas_loader_quote (element);

          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "element",
                                      _("unknown element %s"), quoted);
        }
    }

  series->name = atlas_loader_get_text (ctx, object, "name", TRUE);
  series->product = atlas_loader_get_text (ctx, object, "product", FALSE);
  series->purity = atlas_loader_get_text (ctx, object, "purity", FALSE);
  series->basis = atlas_loader_get_text (ctx, object, "basis", FALSE);
  series->frequency = atlas_loader_get_text (ctx, object, "frequency", FALSE);
  /* Without a currency the series counts quantities (tonnes exported, say)
   * in a unit of its own; with one, its unit is the mass a price is per. */
  series->currency = g_strdup (atlas_loader_get_currency (ctx, object, "currency", FALSE));

  unit = atlas_loader_get_string (ctx, object, "unit", TRUE);
  if (unit != NULL && series->currency == NULL)
    {
      if (*unit == '\0' || strlen (unit) > 32)
        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "unit",
                                    _("a quantity's unit must be 1 to 32 bytes long"));
      else
        series->unit = g_strdup (unit);
    }
  else if (unit != NULL && atlas_mass_unit_in_kg (unit) == 0)
    {
      g_autofree char *quoted = atlas_loader_quote (unit);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "unit",
                                  _("invalid unit %s (expected kg, t or lb)"), quoted);
    }
  else
    series->unit = g_strdup (unit);

  series->cite = atlas_loader_get_id_list (ctx, object, "cite", FALSE,
                                           self->source_index, "source");
  series->note = atlas_loader_get_text (ctx, object, "note", FALSE);

  points = atlas_loader_get_array (ctx, object, "points", FALSE);
  csv = atlas_loader_get_string (ctx, object, "points_csv", FALSE);
  if (!json_object_has_member (object, "points") && !json_object_has_member (object, "points_csv"))
    atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                         _("a series needs \"points\" or \"points_csv\" (or both)"));

  if (points != NULL)
    {
      const AtlasJsonPointsSpan *span = atlas_points_json_find (ctx, index);

      if (span != NULL)
        parse_points_text (ctx, self, &state, span);
      else
        parse_inline_points (ctx, self, &state, points);
    }

  if (csv != NULL && !atlas_loader_context_should_stop (ctx))
    {
      g_autofree char *path = atlas_points_csv_resolve (ctx, csv);

      series->points_csv = g_strdup (csv);
      if (path != NULL && atlas_points_csv_read (ctx, path, csv, &buffer))
        state.missing_cite |= buffer.n_points > buffer.n_inline;
    }

  if (!has_cite && state.missing_cite)
    atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "cite",
                                _("missing required member \"cite\" (some points have no cite of their own)"));

  sort_points (&buffer);
  check_duplicates (ctx, &buffer, csv);

  /* Only when no point was refused: otherwise that is the real problem. */
  if (buffer.n_points == 0 && ctx->messages->len == n_messages_before)
    atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID, _("a series needs at least one point"));

  /* Keep exactly what is used: a long series is most of the model. */
  series->n_points = buffer.n_points;
  series->points = g_renew (AtlasPricePoint, buffer.points, MAX (buffer.n_points, 1));
  buffer.points = NULL;
  atlas_point_buffer_clear (&buffer);

  for (gsize i = 0; i < series->n_points; i++)
    if (series->points[i].flags & ATLAS_POINT_RANGE)
      {
        series->has_ranges = TRUE;
        break;
      }

  if (id != NULL)
    {
      series->id = g_strdup (id);
      if (atlas_loader_check_unique (ctx, seen, "id", series->id, index))
        g_hash_table_insert (self->series_index, series->id, series);
    }
}

void
atlas_loader_parse_prices (AtlasLoaderContext *ctx,
                           AtlasDataset       *self,
                           JsonObject         *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  atlas_loader_foreach_item (ctx, self, root, "prices", FALSE, parse_series, seen);
}

/* ---- exchange rates --------------------------------------------------- */

typedef struct {
  gint32 day;
  guint8 precision;
  guint  index;                  /* in "rates" */
  double rate;
} RateEntry;

static int
compare_rate_entries (gconstpointer a,
                      gconstpointer b)
{
  const RateEntry *x = a;
  const RateEntry *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index ? 1 : 0;
}

static void
parse_rates (AtlasLoaderContext *ctx,
             AtlasFx            *fx,
             JsonArray          *array)
{
  guint n = json_array_get_length (array);
  g_autoptr(GArray) entries = g_array_sized_new (FALSE, FALSE, sizeof (RateEntry), n);

  atlas_loader_push_member (ctx, "rates");

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      RateEntry entry = { 0, 0, i, 0 };
      AtlasDate date;
      gboolean ok;

      atlas_loader_push_index (ctx, i);
      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 2)
        {
          atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID, _("expected [date, rate]"));
          atlas_loader_pop (ctx);
          continue;
        }

      atlas_loader_push_index (ctx, 0);
      ok = atlas_loader_date_from_node (ctx, json_array_get_element (json_node_get_array (node), 0),
                                        &date);
      atlas_loader_pop (ctx);

      atlas_loader_push_index (ctx, 1);
      if (atlas_loader_number_from_node (ctx, json_array_get_element (json_node_get_array (node), 1),
                                         &entry.rate))
        {
          if (entry.rate <= 0)
            {
              atlas_loader_report_not_positive (ctx, NULL, entry.rate, FALSE);
              ok = FALSE;
            }
        }
      else
        ok = FALSE;
      atlas_loader_pop (ctx);

      if (ok)
        {
          entry.day = date.day;
          entry.precision = date.precision;
          g_array_append_val (entries, entry);
        }
      atlas_loader_pop (ctx);
    }

  g_array_sort (entries, compare_rate_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const RateEntry *entry = &g_array_index (entries, RateEntry, i);
      AtlasFxRate rate = { entry->day, entry->rate };

      if (i > 0 && g_array_index (entries, RateEntry, i - 1).day == entry->day)
        {
          const RateEntry *earlier = &g_array_index (entries, RateEntry, i - 1);
          g_autofree char *date = point_date_string (entry->day, entry->precision);
          g_autofree char *first = NULL;

          atlas_loader_push_index (ctx, entry->index);
          first = atlas_loader_sibling_path (ctx, earlier->index);
          atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                               _("duplicate date \"%s\" (also at %s)"), date, first);
          atlas_loader_pop (ctx);
          continue;
        }
      g_array_append_val (fx->rates, rate);
    }

  atlas_loader_pop (ctx);
}

static void
parse_fx_entry (AtlasLoaderContext *ctx,
                AtlasDataset       *self,
                JsonObject         *object,
                guint               index,
                gpointer            user_data)
{
  GHashTable *seen = user_data;   /* "CNY/USD" -> index + 1 */
  AtlasFx *fx = g_new0 (AtlasFx, 1);
  const char *currency, *per;
  JsonArray *rates;

  fx->rates = g_array_new (FALSE, FALSE, sizeof (AtlasFxRate));
  g_ptr_array_add (self->fx, fx);

  currency = atlas_loader_get_currency (ctx, object, "currency", TRUE);
  per = atlas_loader_get_currency (ctx, object, "per", TRUE);
  fx->currency = g_strdup (currency);
  fx->per = g_strdup (per);
  fx->cite = atlas_loader_get_id_list (ctx, object, "cite", TRUE,
                                       self->source_index, "source");

  rates = atlas_loader_get_array (ctx, object, "rates", TRUE);
  if (rates != NULL)
    {
      if (json_array_get_length (rates) == 0)
        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "rates",
                                    _("expected at least one rate"));
      parse_rates (ctx, fx, rates);
    }

  if (currency != NULL && per != NULL)
    {
      char *pair = g_strdup_printf ("%s/%s", currency, per);
      gpointer earlier = g_hash_table_lookup (seen, pair);

      if (g_str_equal (currency, per))
        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "per",
                                    _("a currency cannot be quoted in itself (\"%s\")"), per);
      else if (earlier != NULL)
        {
          g_autofree char *first = atlas_loader_sibling_path (ctx, GPOINTER_TO_UINT (earlier) - 1);

          atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                               _("rates of %s per %s are given twice (first at %s)"),
                               currency, per, first);
        }

      if (earlier == NULL)
        g_hash_table_insert (seen, pair, GUINT_TO_POINTER (index + 1));
      else
        g_free (pair);
    }
}

void
atlas_loader_parse_fx (AtlasLoaderContext *ctx,
                       AtlasDataset       *self,
                       JsonObject         *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  atlas_loader_foreach_item (ctx, self, root, "fx", FALSE, parse_fx_entry, seen);
}
