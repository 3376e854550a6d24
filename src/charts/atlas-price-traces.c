/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-price-traces.c: turning a price series into what is drawn: converted, indexed, clipped to the range, M4-decimated. */
#include <math.h>

#include "atlas-chart-frame.h"
#include "atlas-m4.h"
#include "atlas-price-layout-private.h"

/* How far past a point without an exchange rate the search for the line's
 * neighbour outside the range goes. */
#define MAX_NEIGHBOUR_SEARCH 4096

static int
compare_days (gconstpointer a, gconstpointer b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;

  return x < y ? -1 : x > y;
}

/* Conversion factors can only change on a date some exchange rate starts. */
void
atlas_price_collect_breaks (AtlasDataset *dataset, GArray *breaks)
{
  GPtrArray *fx = atlas_dataset_get_fx (dataset);
  guint kept = 0;

  for (guint i = 0; i < fx->len; i++)
    {
      const AtlasFx *entry = g_ptr_array_index (fx, i);

      for (guint r = 0; entry->rates != NULL && r < entry->rates->len; r++)
        g_array_append_val (breaks, g_array_index (entry->rates, AtlasFxRate, r).day);
    }
  g_array_sort (breaks, compare_days);
  for (guint i = 0; i < breaks->len; i++)
    if (kept == 0 || g_array_index (breaks, gint32, i) != g_array_index (breaks, gint32, kept - 1))
      g_array_index (breaks, gint32, kept++) = g_array_index (breaks, gint32, i);
  g_array_set_size (breaks, kept);
}

/* One factor per interval between breaks, asked of the dataset once at a
 * day inside the interval. */
static void
compute_segment_factors (AtlasPriceLayout *layout, AtlasPriceTrace *trace)
{
  const AtlasSeries *series = trace->series;
  GArray *breaks = layout->data->breaks;

  trace->segment_factors = g_array_sized_new (FALSE, FALSE, sizeof (double), breaks->len + 1);
  for (guint k = 0; k <= breaks->len; k++)
    {
      gint32 day = k == 0 ? (breaks->len > 0 ? g_array_index (breaks, gint32, 0) - 1 : 0)
                          : g_array_index (breaks, gint32, k - 1);
      double factor = NAN;

      if (!atlas_dataset_convert_price (layout->dataset, 1.0, day, series->currency, series->unit,
                                        layout->currency, layout->unit, &factor))
        factor = NAN;
      g_array_append_val (trace->segment_factors, factor);
    }
}

static void
set_up_conversion (AtlasPriceLayout *layout, AtlasPriceTrace *trace)
{
  const AtlasSeries *series = trace->series;
  gboolean other_currency = layout->currency != NULL && g_strcmp0 (layout->currency, series->currency) != 0;
  gboolean other_unit = layout->unit != NULL && g_strcmp0 (layout->unit, series->unit) != 0;

  trace->unit_factor = 1.0;
  if (other_currency)
    compute_segment_factors (layout, trace);
  else if (other_unit &&
           !atlas_dataset_convert_price (layout->dataset, 1.0, 0, NULL, series->unit, NULL,
                                         layout->unit, &trace->unit_factor))
    trace->unit_factor = NAN;
}

/* The first day after the period a date of @precision starting at @day
 * stands for: "2014" covers the whole year, "2014-03" the month. */
static double
period_end (gint32 day, guint precision)
{
  int year, month, mday;

  atlas_civil_from_days (day, &year, &month, &mday);
  if (precision == ATLAS_DATE_YEAR)
    return atlas_days_from_civil (year + 1, 1, 1);
  if (precision == ATLAS_DATE_MONTH)
    return month == 12 ? atlas_days_from_civil (year + 1, 1, 1) : atlas_days_from_civil (year, month + 1, 1);
  return day + 1;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* How often the series is quoted, in days: the median gap between its
 * points (the free-text "frequency" is for readers, not for arithmetic),
 * or for a single point the period its date covers. */
static double
series_step (const AtlasSeries *series)
{
  g_autoptr(GArray) gaps = NULL;
  /* Enough gaps for a median that a few missing quotes do not move. */
  gsize n = MIN (series->n_points, 1025);
  double median;

  if (series->n_points == 0)
    return 0;
  if (series->n_points == 1)
    return period_end (series->points[0].day, series->points[0].precision) - series->points[0].day;
  gaps = g_array_sized_new (FALSE, FALSE, sizeof (double), n - 1);
  for (gsize i = series->n_points - n + 1; i < series->n_points; i++)
    {
      double gap = series->points[i].day - series->points[i - 1].day;
      g_array_append_val (gaps, gap);
    }
  g_array_sort (gaps, compare_doubles);
  median = g_array_index (gaps, double, gaps->len / 2);
  return median;
}

/* Indexed mode: 100 is the shown value of the point in force at the index
 * date when that point is still current then (its own date covers the
 * index date, or it is at most one of the series' steps old: Friday's
 * close on a Saturday, year-end 2013 on 1 January 2014), else of the first
 * point after the date when that is within the period the index date
 * names ("2014": any day of 2014) or less than a step after it.  A series
 * without either has no value at the index date: calling its first later
 * point 100 would read "2025 = 2014", so it is left out. */
static void
set_up_index (AtlasPriceLayout *layout, AtlasPriceTrace *trace)
{
  const AtlasSeries *series = trace->series;
  const AtlasDate *index_date = &layout->options->indexed;
  double day = layout->index_day;
  double step = series_step (series);
  double base = NAN;
  gsize at;

  trace->scale = 1.0;
  if (!layout->indexed)
    return;

  if (atlas_price_trace_in_force (layout->data, trace, day, &at))
    {
      const AtlasPricePoint *point = &series->points[at];

      if (day < period_end (point->day, point->precision) || day - point->day <= step)
        atlas_price_trace_shown (layout->data, trace, at, &base, NULL, NULL);
    }
  if (isnan (base))
    {
      double limit = MAX (period_end (index_date->day, index_date->precision), day + step);

      for (gsize i = 0; i < series->n_points && series->points[i].day < limit && isnan (base); i++)
        if (series->points[i].day > day &&
            atlas_price_trace_shown (layout->data, trace, i, &base, NULL, NULL))
          break;
    }
  trace->no_base = !(base > 0);
  /* Without a base nothing of the series can be shown. */
  trace->scale = base > 0 ? 100.0 / base : NAN;
}

/* Series of one element share a hue family, so that dysprosium reads as
 * one colour whatever the measure (China domestic, overseas, year-end) and
 * terbium as another; each further series of the element is a shade of it.
 * Both indices come from the dataset's order, not from which series are
 * drawn, so a series keeps its colour when others are added or removed. */
static void
series_shade (const AtlasPriceLayout *layout, const AtlasSeries *series, guint *family_out, guint *shade_out)
{
  GPtrArray *all = atlas_dataset_get_series (layout->dataset);
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  guint family = 0, shade = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const AtlasSeries *other = g_ptr_array_index (all, i);
      /* A series without an element is a family of its own. */
      gconstpointer key = other->element != NULL ? (gconstpointer) other->element : (gconstpointer) other;
      gconstpointer own = series->element != NULL ? (gconstpointer) series->element : (gconstpointer) series;
      guint index;

      if (!g_ptr_array_find (elements, key, &index))
        {
          index = elements->len;
          g_ptr_array_add (elements, (gpointer) key);
        }
      if (other == series)
        {
          family = index;
          break;
        }
      if (key == own)
        shade++;
    }
  *family_out = family;
  *shade_out = shade;
}

#define N_SHADES ATLAS_STYLE_N_SHADES

/* Two drawn series of one element whose dataset positions are N_SHADES
 * apart would get one colour (the shades repeat): a later one takes the
 * first shade no earlier drawn series of its element has.  A figure
 * drawing N_SHADES or fewer of an element never shows two alike; the
 * others keep the colour their dataset position gives them. */
void
atlas_price_traces_separate_colors (AtlasPriceLayout *layout, GPtrArray *traces)
{
  for (guint i = 0; i < traces->len; i++)
    {
      AtlasPriceTrace *trace = g_ptr_array_index (traces, i);
      gboolean taken[N_SHADES] = { FALSE };

      for (guint j = 0; j < i; j++)
        {
          const AtlasPriceTrace *earlier = g_ptr_array_index (traces, j);

          if (earlier->family == trace->family)
            taken[earlier->shade % N_SHADES] = TRUE;
        }
      if (!taken[trace->shade % N_SHADES])
        continue;
      for (guint shade = 0; shade < N_SHADES; shade++)
        if (!taken[shade])
          {
            trace->shade = shade;
            atlas_style_family_color (layout->scene->style, trace->family, shade, &trace->color);
            break;
          }
    }
}

AtlasPriceTrace *
atlas_price_trace_new (AtlasPriceLayout  *layout,
                       const AtlasSeries *series,
                       guint              dataset_index)
{
  AtlasPriceTrace *trace = g_new0 (AtlasPriceTrace, 1);

  trace->series = series;
  trace->dataset_index = dataset_index;
  series_shade (layout, series, &trace->family, &trace->shade);
  atlas_style_family_color (layout->scene->style, trace->family, trace->shade, &trace->color);
  trace->markers = g_array_new (FALSE, FALSE, sizeof (gsize));
  trace->line = g_array_new (FALSE, FALSE, sizeof (AtlasPriceVertex));
  set_up_conversion (layout, trace);
  set_up_index (layout, trace);
  return trace;
}

/* ---- first pass --------------------------------------------------------- */

static gsize
first_on_or_after (const AtlasSeries *series, double day)
{
  gsize lo = 0, hi = series->n_points;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (series->points[mid].day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
is_shown (const AtlasPriceLayout *layout, const AtlasPriceTrace *trace, gsize index)
{
  double factor;

  return !isnan (trace->scale) &&
         atlas_price_trace_factor (layout->data, trace, trace->series->points[index].day, &factor);
}

static void
find_outside_neighbours (AtlasPriceLayout *layout, AtlasPriceTrace *trace)
{
  const AtlasSeries *series = trace->series;

  trace->has_left = trace->has_right = FALSE;
  for (gsize i = trace->first, n = 0; i > 0 && n < MAX_NEIGHBOUR_SEARCH; n++)
    if (is_shown (layout, trace, --i))
      {
        trace->has_left = TRUE;
        trace->left = i;
        break;
      }
  for (gsize i = trace->end, n = 0; i < series->n_points && n < MAX_NEIGHBOUR_SEARCH; i++, n++)
    if (is_shown (layout, trace, i))
      {
        trace->has_right = TRUE;
        trace->right = i;
        break;
      }
}

/* The shown value at @day on the straight segment between points @a and
 * @b, straight as drawn: in value on a linear axis, in log on a log one. */
static double
interpolate (const AtlasPriceLayout *layout, double day, gint32 day_a, double a, gint32 day_b, double b)
{
  double t = day_b != day_a ? (day - day_a) / (double) (day_b - day_a) : 0;

  if (layout->options->log_scale)
    return exp (log (a) + t * (log (b) - log (a)));
  return a + t * (b - a);
}

/* The line leaves the plot between a visible point and its neighbour
 * outside: the value axis must hold where it crosses the edge too. */
static void
include_edge (AtlasPriceLayout *layout, AtlasPriceTrace *trace, gsize outside, gsize inside, double edge_day)
{
  const AtlasPricePoint *points = trace->series->points;
  double o[3], in[3];

  atlas_price_trace_shown (layout->data, trace, outside, &o[0], &o[1], &o[2]);
  atlas_price_trace_shown (layout->data, trace, inside, &in[0], &in[1], &in[2]);
  for (guint k = 0; k < 3; k++)
    {
      double v = interpolate (layout, edge_day, points[outside].day, o[k], points[inside].day, in[k]);

      trace->min_value = MIN (trace->min_value, v);
      trace->max_value = MAX (trace->max_value, v);
    }
}

static void
count_cites (AtlasPriceLayout *layout, const AtlasSeries *series, const AtlasPricePoint *point)
{
  const AtlasPointExtra *extra;

  if (point->extra < 0 || series->extras == NULL || (guint) point->extra >= series->extras->len)
    return;
  extra = &g_array_index (series->extras, AtlasPointExtra, point->extra);
  if (extra->cite != NULL)
    atlas_frame_add_cite (layout->sources, layout->dataset, (const char * const *) extra->cite);
}

void
atlas_price_trace_measure (AtlasPriceLayout *layout, AtlasPriceTrace *trace)
{
  const AtlasSeries *series = trace->series;
  const AtlasPricePoint *points = series->points;
  AtlasPriceFactorCursor cursor;
  double peak = -G_MAXDOUBLE;

  trace->first = first_on_or_after (series, layout->data->day0);
  trace->end = first_on_or_after (series, floor (layout->data->day1) + 1);
  trace->n_shown = trace->n_left_out = trace->n_estimates = 0;
  trace->min_value = G_MAXDOUBLE;
  trace->max_value = -G_MAXDOUBLE;
  if (trace->first < trace->end)
    atlas_price_factor_cursor_init (&cursor, layout->data, trace, points[trace->first].day);

  for (gsize i = trace->first; i < trace->end; i++)
    {
      const AtlasPricePoint *point = &points[i];
      double factor;

      if (isnan (trace->scale) || !atlas_price_factor_cursor_get (&cursor, point->day, &factor))
        {
          trace->n_left_out++;
          continue;
        }
      factor *= trace->scale;
      trace->min_value = MIN (trace->min_value, point->low * factor);
      trace->max_value = MAX (trace->max_value, point->high * factor);
      if (trace->n_shown++ == 0)
        trace->first_shown = i;
      trace->last_shown = i;
      if (point->value * factor > peak)
        {
          peak = point->value * factor;
          trace->peak = i;
        }
      if (point->flags & ATLAS_POINT_ESTIMATE)
        trace->n_estimates++;
      if (point->extra >= 0)
        count_cites (layout, series, point);
    }

  find_outside_neighbours (layout, trace);
  if (trace->has_left && (trace->n_shown > 0 || trace->has_right))
    include_edge (layout, trace, trace->left, trace->n_shown > 0 ? trace->first_shown : trace->right,
                  layout->data->day0);
  if (trace->has_right && (trace->n_shown > 0 || trace->has_left))
    include_edge (layout, trace, trace->right, trace->n_shown > 0 ? trace->last_shown : trace->left,
                  layout->data->day1);
}

/* ---- second pass -------------------------------------------------------- */

typedef enum { EDGE_VALUE, EDGE_LOW, EDGE_HIGH } EdgeKind;

static double
shown_of_kind (const AtlasPriceLayout *layout, const AtlasPriceTrace *trace, gsize index, EdgeKind kind)
{
  double value = 0, low = 0, high = 0;

  atlas_price_trace_shown (layout->data, trace, index, &value, &low, &high);
  return kind == EDGE_LOW ? low : kind == EDGE_HIGH ? high : value;
}

/* A point as drawn; @exact_x for a point outside the range, whose x is
 * only used to find where its segment meets the edge. */
static AtlasPriceVertex
vertex_of (const AtlasPriceLayout *layout, const AtlasPriceTrace *trace, gsize index, EdgeKind kind,
           gboolean exact_x)
{
  const AtlasPriceSceneData *data = layout->data;
  gint32 day = trace->series->points[index].day;
  AtlasPriceVertex v;

  v.x = exact_x ? atlas_price_data_day_to_x (data, day) : atlas_price_data_point_x (data, day);
  v.y = atlas_price_data_value_to_y (data, shown_of_kind (layout, trace, index, kind));
  v.index = index;
  v.clipped = FALSE;
  return v;
}

/* Where the segment from @outside to @inside crosses x = @edge_x. */
static AtlasPriceVertex
clip_vertex (const AtlasPriceVertex *outside, const AtlasPriceVertex *inside, double edge_x)
{
  AtlasPriceVertex v = *outside;
  double t = inside->x != outside->x ? (edge_x - outside->x) / (inside->x - outside->x) : 0;

  v.x = edge_x;
  v.y = outside->y + CLAMP (t, 0.0, 1.0) * (inside->y - outside->y);
  v.clipped = TRUE;
  return v;
}

/* The drawn polyline of one edge (value, low or high): the clipped ends and
 * the kept points between them. */
static GArray *
build_vertices (AtlasPriceLayout *layout, AtlasPriceTrace *trace, GArray *kept, EdgeKind kind)
{
  const AtlasRect *area = &layout->data->area;
  GArray *vertices = g_array_sized_new (FALSE, FALSE, sizeof (AtlasPriceVertex), kept->len + 2);
  gboolean any_inside = kept->len > 0;

  if (trace->has_left && (any_inside || trace->has_right))
    {
      AtlasPriceVertex outside = vertex_of (layout, trace, trace->left, kind, TRUE);
      AtlasPriceVertex inside = any_inside
        ? vertex_of (layout, trace, g_array_index (kept, gsize, 0), kind, FALSE)
        : vertex_of (layout, trace, trace->right, kind, TRUE);
      AtlasPriceVertex edge = clip_vertex (&outside, &inside, area->x);

      g_array_append_val (vertices, edge);
    }
  for (guint k = 0; k < kept->len; k++)
    {
      AtlasPriceVertex v = vertex_of (layout, trace, g_array_index (kept, gsize, k), kind, FALSE);

      g_array_append_val (vertices, v);
    }
  if (trace->has_right && (any_inside || trace->has_left))
    {
      AtlasPriceVertex outside = vertex_of (layout, trace, trace->right, kind, TRUE);
      AtlasPriceVertex inside = any_inside
        ? vertex_of (layout, trace, g_array_index (kept, gsize, kept->len - 1), kind, FALSE)
        : vertex_of (layout, trace, trace->left, kind, TRUE);
      AtlasPriceVertex edge = clip_vertex (&outside, &inside, area->x + area->width);

      g_array_append_val (vertices, edge);
    }
  return vertices;
}

static void
choose_markers (AtlasPriceLayout *layout, AtlasPriceTrace *trace)
{
  const AtlasPricePoint *points = trace->series->points;
  gboolean every_point = trace->n_shown < ATLAS_PRICE_MARKER_LIMIT;

  g_array_set_size (trace->markers, 0);
  if (!every_point && (trace->n_estimates == 0 || trace->n_estimates > ATLAS_PRICE_ITEM_LIMIT))
    return;
  for (gsize i = trace->first; i < trace->end; i++)
    {
      if (!every_point && !(points[i].flags & ATLAS_POINT_ESTIMATE))
        continue;
      if (is_shown (layout, trace, i))
        g_array_append_val (trace->markers, i);
    }
}

static gint64
column_of (const AtlasPriceSceneData *data, const AtlasPricePoint *point)
{
  return (gint64) floor (atlas_price_data_day_to_x (data, point->day));
}

/* Appends to @out the shown points of @trace in [from, to) that lie in
 * pixel column @column, walking from @start by @direction. */
static void
collect_column (AtlasPriceLayout *layout, AtlasPriceTrace *trace, gsize start, int direction,
                gint64 column, GArray *out)
{
  const AtlasPricePoint *points = trace->series->points;

  for (gssize i = (gssize) start; i >= (gssize) trace->first && i < (gssize) trace->end; i += direction)
    {
      if (column_of (layout->data, &points[i]) != column)
        break;
      if (is_shown (layout, trace, (gsize) i))
        g_array_append_val (out, i);
    }
}

/* A line is stroked with flat (butt) ends.  Where it ends on a point that
 * is its column's highest or lowest, the round joins of dropped points next
 * to it would show past that flat end: in the line's first and last column
 * every point is kept, which makes the picture exact there too.  (Ends
 * clipped at the plot's edge come from outside and need nothing.) */
static void
keep_end_columns (AtlasPriceLayout *layout, AtlasPriceTrace *trace, GArray *kept)
{
  const AtlasPricePoint *points = trace->series->points;
  g_autoptr(GArray) merged = NULL;
  gint64 first_column, last_column;
  guint k = 0;

  if (kept->len == 0 || (trace->has_left && trace->has_right))
    return;
  first_column = column_of (layout->data, &points[g_array_index (kept, gsize, 0)]);
  last_column = column_of (layout->data, &points[g_array_index (kept, gsize, kept->len - 1)]);
  merged = g_array_sized_new (FALSE, FALSE, sizeof (gsize), kept->len + 64);

  if (!trace->has_left)
    {
      collect_column (layout, trace, g_array_index (kept, gsize, 0), +1, first_column, merged);
      while (k < kept->len && column_of (layout->data, &points[g_array_index (kept, gsize, k)]) == first_column)
        k++;
    }
  for (; k < kept->len; k++)
    {
      gsize index = g_array_index (kept, gsize, k);

      if (!trace->has_right && column_of (layout->data, &points[index]) == last_column)
        break;
      g_array_append_val (merged, index);
    }
  if (!trace->has_right && k < kept->len)
    {
      g_autoptr(GArray) tail = g_array_new (FALSE, FALSE, sizeof (gsize));

      collect_column (layout, trace, g_array_index (kept, gsize, kept->len - 1), -1, last_column, tail);
      for (guint t = tail->len; t-- > 0;)
        if (merged->len == 0 || g_array_index (tail, gsize, t) > g_array_index (merged, gsize, merged->len - 1))
          g_array_append_val (merged, g_array_index (tail, gsize, t));
    }
  g_array_set_size (kept, 0);
  g_array_append_vals (kept, merged->data, merged->len);
}

void
atlas_price_trace_decimate (AtlasPriceLayout *layout, AtlasPriceTrace *trace)
{
  const AtlasPriceSceneData *data = layout->data;
  const AtlasPricePoint *points = trace->series->points;
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) kept_low = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) kept_high = g_array_new (FALSE, FALSE, sizeof (gsize));
  gboolean band = trace->series->has_ranges;
  AtlasPriceFactorCursor cursor;
  AtlasM4Band band_m4;
  AtlasM4 m4;

  atlas_m4_begin (&m4, 1.0, kept);
  if (band)
    atlas_m4_band_begin (&band_m4, 1.0, kept_low, kept_high);
  if (trace->first < trace->end)
    atlas_price_factor_cursor_init (&cursor, data, trace, points[trace->first].day);

  /* M4 compares shown values rather than y: the value axis is monotonic,
   * so the same points are kept, and no log is taken per point. */
  for (gsize i = trace->first; i < trace->end && !isnan (trace->scale); i++)
    {
      const AtlasPricePoint *point = &points[i];
      double factor, x;

      if (!atlas_price_factor_cursor_get (&cursor, point->day, &factor))
        continue;
      factor *= trace->scale;
      x = atlas_price_data_day_to_x (data, point->day);
      atlas_m4_add (&m4, i, x, point->value * factor);
      if (band)
        atlas_m4_band_add (&band_m4, i, x, point->low * factor, point->high * factor);
    }
  atlas_m4_end (&m4);
  if (band)
    atlas_m4_band_end (&band_m4);

  keep_end_columns (layout, trace, kept);
  g_clear_pointer (&trace->line, g_array_unref);
  trace->line = build_vertices (layout, trace, kept, EDGE_VALUE);
  if (band)
    {
      trace->band_high = build_vertices (layout, trace, kept_high, EDGE_HIGH);
      trace->band_low = build_vertices (layout, trace, kept_low, EDGE_LOW);
    }
  choose_markers (layout, trace);
}
