/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-price-scene.c: a laid-out price chart answering the pointer: hit-tests, readings, dates and positions. */
#include <math.h>

#include "atlas-price-scene-private.h"

/* How many points without an exchange rate a lookup steps over before it
 * gives up: lookups must stay cheap on a million-point series. */
#define MAX_SKIPPED_POINTS 4096
/* How many points of one pixel column the hit-test compares. */
#define MAX_COLUMN_SCAN 65536

static void     price_collect_related (const AtlasScene *scene, const AtlasItem *item, GHashTable *set);
static gboolean price_hit_test        (const AtlasScene *scene, double x, double y, AtlasItem *out);
static gboolean price_anchor          (const AtlasScene *scene, const AtlasAnnotation *annotation,
                                       double *x, double *y);

const AtlasSceneClass atlas_price_scene_class = {
  "prices",
  price_collect_related,
  price_hit_test,
  price_anchor,
};

AtlasPriceSceneData *
atlas_price_scene_data_new (void)
{
  AtlasPriceSceneData *data = g_new0 (AtlasPriceSceneData, 1);

  data->traces = g_ptr_array_new_with_free_func (atlas_price_trace_free);
  data->breaks = g_array_new (FALSE, FALSE, sizeof (gint32));
  data->events = g_ptr_array_new ();
  data->event_x = g_array_new (FALSE, FALSE, sizeof (double));
  return data;
}

void
atlas_price_scene_data_free (gpointer pointer)
{
  AtlasPriceSceneData *data = pointer;

  if (data == NULL)
    return;
  g_ptr_array_unref (data->traces);
  g_array_unref (data->breaks);
  g_ptr_array_unref (data->events);
  g_array_unref (data->event_x);
  g_clear_pointer (&data->y_axis, atlas_value_axis_free);
  g_free (data->unit_label);
  g_free (data);
}

void
atlas_price_trace_free (gpointer pointer)
{
  AtlasPriceTrace *trace = pointer;

  if (trace == NULL)
    return;
  g_clear_pointer (&trace->segment_factors, g_array_unref);
  g_clear_pointer (&trace->line, g_array_unref);
  g_clear_pointer (&trace->band_high, g_array_unref);
  g_clear_pointer (&trace->band_low, g_array_unref);
  g_clear_pointer (&trace->markers, g_array_unref);
  g_free (trace);
}

/* ---- conversion --------------------------------------------------------- */

/* The number of breaks at or before @day: the index of its segment. */
static guint
segment_of_day (const AtlasPriceSceneData *data, gint32 day)
{
  return (guint) atlas_days_on_or_before (data->breaks->data, data->breaks->len, sizeof (gint32), 0, day);
}

gboolean
atlas_price_trace_factor (const AtlasPriceSceneData *data,
                          const AtlasPriceTrace     *trace,
                          gint32                     day,
                          double                    *factor)
{
  if (trace->segment_factors == NULL)
    {
      *factor = trace->unit_factor;
      return TRUE;
    }
  *factor = g_array_index (trace->segment_factors, double, segment_of_day (data, day));
  return !isnan (*factor);
}

void
atlas_price_factor_cursor_init (AtlasPriceFactorCursor    *cursor,
                                const AtlasPriceSceneData *data,
                                const AtlasPriceTrace     *trace,
                                gint32                     day)
{
  cursor->trace = trace;
  cursor->breaks = (const gint32 *) (gpointer) data->breaks->data;
  cursor->n_breaks = data->breaks->len;
  cursor->segment = segment_of_day (data, day);
}

gboolean
atlas_price_trace_shown (const AtlasPriceSceneData *data,
                         const AtlasPriceTrace     *trace,
                         gsize                      index,
                         double                    *value,
                         double                    *low,
                         double                    *high)
{
  const AtlasPricePoint *point = &trace->series->points[index];
  double factor;

  if (!atlas_price_trace_factor (data, trace, point->day, &factor))
    return FALSE;
  factor *= trace->scale;
  if (value != NULL)
    *value = point->value * factor;
  if (low != NULL)
    *low = point->low * factor;
  if (high != NULL)
    *high = point->high * factor;
  return TRUE;
}

/* The first point of @series on or after @day. */
static gsize
lower_bound_day (const AtlasSeries *series, double day)
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

gboolean
atlas_price_trace_in_force (const AtlasPriceSceneData *data,
                            const AtlasPriceTrace     *trace,
                            double                     day,
                            gsize                     *index)
{
  const AtlasSeries *series = trace->series;
  /* The x of a point maps back to its day give or take rounding: a
   * millionth of a day must not make the point not yet in force. */
  gsize i = lower_bound_day (series, floor (day + 1e-6) + 1);

  for (guint skipped = 0; i > 0 && skipped < MAX_SKIPPED_POINTS; skipped++)
    {
      double factor;

      i--;
      if (atlas_price_trace_factor (data, trace, series->points[i].day, &factor))
        {
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* ---- positions ---------------------------------------------------------- */

void
atlas_price_data_set_area (AtlasPriceSceneData *data, const AtlasRect *area, double day0, double day1)
{
  data->area = *area;
  data->day0 = day0;
  data->day1 = day1;
  data->x_per_day = area->width / (day1 - day0);
  data->x_at_day_zero = area->x - day0 * data->x_per_day;
}

double
atlas_price_data_value_to_y (const AtlasPriceSceneData *data, double value)
{
  return data->area.y + data->area.height * (1.0 - atlas_value_axis_fraction (data->y_axis, value));
}

static const AtlasPriceSceneData *
price_data (const AtlasScene *scene)
{
  if (scene == NULL || scene->klass != &atlas_price_scene_class)
    return NULL;
  return scene->chart_data;
}

gboolean
atlas_price_scene_check (const AtlasScene *scene)
{
  return price_data (scene) != NULL;
}

gboolean
atlas_price_scene_x_to_day (const AtlasScene *scene, double x, double *day)
{
  const AtlasPriceSceneData *data = price_data (scene);

  if (data == NULL)
    return FALSE;
  *day = data->day0 + (x - data->area.x) / data->area.width * (data->day1 - data->day0);
  return x >= data->area.x && x <= data->area.x + data->area.width;
}

double
atlas_price_scene_day_to_x (const AtlasScene *scene, double day)
{
  const AtlasPriceSceneData *data = price_data (scene);

  return data != NULL ? atlas_price_data_day_to_x (data, day) : 0;
}

gboolean
atlas_price_scene_get_range (const AtlasScene *scene, double *day0, double *day1)
{
  const AtlasPriceSceneData *data = price_data (scene);

  if (data == NULL)
    return FALSE;
  *day0 = data->day0;
  *day1 = data->day1;
  return TRUE;
}

gboolean
atlas_price_scene_get_area (const AtlasScene *scene, AtlasRect *area)
{
  const AtlasPriceSceneData *data = price_data (scene);

  if (data == NULL)
    return FALSE;
  *area = data->area;
  return TRUE;
}

double
atlas_price_scene_value_to_y (const AtlasScene *scene, double value)
{
  const AtlasPriceSceneData *data = price_data (scene);

  return data != NULL ? atlas_price_data_value_to_y (data, value) : 0;
}

/* ---- readings ----------------------------------------------------------- */

static void
fill_reading (const AtlasPriceSceneData *data,
              const AtlasPriceTrace     *trace,
              gsize                      index,
              AtlasPriceReading         *reading)
{
  const AtlasPricePoint *point = &trace->series->points[index];

  *reading = (AtlasPriceReading) { 0 };
  reading->series_id = trace->series->id;
  reading->unit_label = data->unit_label;
  reading->color = trace->color;
  reading->index = index;
  reading->day = point->day;
  reading->precision = point->precision;
  atlas_price_trace_shown (data, trace, index, &reading->value, &reading->low, &reading->high);
  reading->is_range = (point->flags & ATLAS_POINT_RANGE) != 0;
  reading->estimate = (point->flags & ATLAS_POINT_ESTIMATE) != 0;
  reading->x = atlas_price_data_point_x (data, point->day);
  reading->y = atlas_price_data_value_to_y (data, reading->value);
}

guint
atlas_price_scene_readings (const AtlasScene  *scene,
                            double             x,
                            AtlasPriceReading *out,
                            guint              max)
{
  const AtlasPriceSceneData *data = price_data (scene);
  double day;
  guint n = 0;

  if (data == NULL)
    return 0;
  atlas_price_scene_x_to_day (scene, x, &day);
  for (guint i = 0; i < data->traces->len && n < max; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (data->traces, i);
      gsize index;

      /* Left out of an indexed chart: nothing drawn to read. */
      if (trace->no_base)
        continue;
      if (atlas_price_trace_in_force (data, trace, day, &index))
        fill_reading (data, trace, index, &out[n++]);
    }
  return n;
}

/* ---- hit-testing -------------------------------------------------------- */

static double
distance_to_segment (double px, double py, const AtlasPriceVertex *a, const AtlasPriceVertex *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((px - a->x) * dx + (py - a->y) * dy) / length2 : 0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (px - (a->x + t * dx), py - (a->y + t * dy));
}

/* The distance from (@x, @y) to the drawn line, looking only at segments
 * within @radius horizontally (the line's vertices are sorted by x). */
static double
distance_to_line (const AtlasPriceTrace *trace, double x, double y, double radius)
{
  const AtlasPriceVertex *v = (const AtlasPriceVertex *) (gpointer) trace->line->data;
  guint n = trace->line->len, lo = 0, hi = n;
  double best = G_MAXDOUBLE;

  if (n == 0)
    return best;
  if (n == 1)
    return hypot (x - v[0].x, y - v[0].y);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (v[mid].x < x - radius)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo > 0 ? lo - 1 : 0; i + 1 < n && v[i].x <= x + radius; i++)
    best = MIN (best, distance_to_segment (x, y, &v[i], &v[i + 1]));
  return best;
}

/* Among shown points from @start going by @direction, the first one. */
static gboolean
next_shown (const AtlasPriceSceneData *data, const AtlasPriceTrace *trace,
            gssize start, int direction, gsize *found)
{
  for (guint skipped = 0; skipped < MAX_SKIPPED_POINTS; skipped++, start += direction)
    {
      double factor;

      if (start < (gssize) trace->first || start >= (gssize) trace->end)
        return FALSE;
      if (atlas_price_trace_factor (data, trace, trace->series->points[start].day, &factor))
        {
          *found = (gsize) start;
          return TRUE;
        }
    }
  return FALSE;
}

/* The visible point drawn nearest the pointer: nearest in x, and among the
 * points drawn in that same pixel column, nearest in y. */
static gboolean
nearest_point (const AtlasPriceSceneData *data, const AtlasPriceTrace *trace,
               double x, double y, gsize *index)
{
  const AtlasPricePoint *points = trace->series->points;
  double day = data->day0 + (x - data->area.x) / data->area.width * (data->day1 - data->day0);
  gsize i = lower_bound_day (trace->series, day), before, after, best;
  gboolean has_before, has_after;
  double best_dy, column_x;

  has_before = i > 0 && next_shown (data, trace, (gssize) i - 1, -1, &before);
  has_after = next_shown (data, trace, (gssize) i, +1, &after);
  if (!has_before && !has_after)
    return FALSE;
  if (has_before && has_after)
    best = fabs (atlas_price_data_point_x (data, points[before].day) - x) <=
           fabs (atlas_price_data_point_x (data, points[after].day) - x) ? before : after;
  else
    best = has_before ? before : after;

  column_x = atlas_price_data_point_x (data, points[best].day);
  best_dy = G_MAXDOUBLE;
  for (int direction = -1; direction <= 1; direction += 2)
    {
      gssize j = (gssize) best;

      for (guint n = 0; n < MAX_COLUMN_SCAN && j >= (gssize) trace->first && j < (gssize) trace->end;
           n++, j += direction)
        {
          double value;

          if (atlas_price_data_point_x (data, points[j].day) != column_x)
            break;
          if (!atlas_price_trace_shown (data, trace, (gsize) j, &value, NULL, NULL))
            continue;
          if (fabs (atlas_price_data_value_to_y (data, value) - y) < best_dy)
            {
              best_dy = fabs (atlas_price_data_value_to_y (data, value) - y);
              *index = (gsize) j;
            }
        }
    }
  return best_dy < G_MAXDOUBLE;
}

/* Event labels sit just above the area, within reach of the search for
 * lines: the label under the pointer is what the user means. */
static gboolean
over_event_label (const AtlasScene *scene, double x, double y)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind == ATLAS_SHAPE_TEXT && shape->item.kind == ATLAS_ITEM_EVENT &&
          atlas_rect_contains_point (&shape->bounds, x, y))
        return TRUE;
    }
  return FALSE;
}

static gboolean
price_hit_test (const AtlasScene *scene, double x, double y, AtlasItem *out)
{
  const AtlasPriceSceneData *data = scene->chart_data;
  const AtlasPriceTrace *nearest = NULL;
  double best, r;
  gsize index = 0;

  if (data == NULL)
    return FALSE;
  r = data->hit_radius;
  if (x < data->area.x - r || x > data->area.x + data->area.width + r ||
      y < data->area.y - r || y > data->area.y + data->area.height + r || over_event_label (scene, x, y))
    return FALSE;

  /* The series whose line passes nearest; emphasised ones win ties, since
   * they are drawn on top. */
  best = r;
  for (guint i = 0; i < data->traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (data->traces, i);
      double d = distance_to_line (trace, x, y, r);

      if (d < best || (d <= best && nearest != NULL && trace->emphasised))
        {
          best = d;
          nearest = trace;
        }
    }
  if (nearest == NULL || !nearest_point (data, nearest, x, y, &index))
    return FALSE;
  *out = (AtlasItem) { ATLAS_ITEM_POINT, nearest->series->id, (int) index };
  return TRUE;
}

/* ---- emphasis ----------------------------------------------------------- */

static const AtlasPriceTrace *
find_trace (const AtlasPriceSceneData *data, const char *series_id)
{
  for (guint i = 0; i < data->traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (data->traces, i);

      if (g_strcmp0 (trace->series->id, series_id) == 0)
        return trace;
    }
  return NULL;
}

/* A series relates to its line, legend entry (both the series item) and
 * its marked points; a point to its series; an event only to itself. */
static void
price_collect_related (const AtlasScene *scene, const AtlasItem *item, GHashTable *set)
{
  const AtlasPriceSceneData *data = scene->chart_data;
  const AtlasPriceTrace *trace;

  if (data == NULL)
    return;
  /* An event annotates the prices: pointing at it keeps every line whole. */
  if (item->kind == ATLAS_ITEM_EVENT)
    {
      for (guint i = 0; i < data->traces->len; i++)
        atlas_item_set_add (set, ATLAS_ITEM_SERIES, ((const AtlasPriceTrace *) g_ptr_array_index (data->traces, i))->series->id, -1);
      return;
    }
  if (item->kind != ATLAS_ITEM_SERIES && item->kind != ATLAS_ITEM_POINT)
    return;
  trace = find_trace (data, item->id);
  if (trace == NULL)
    return;
  atlas_item_set_add (set, ATLAS_ITEM_SERIES, trace->series->id, -1);
  if (item->kind != ATLAS_ITEM_SERIES)
    return;
  for (guint i = 0; i < trace->markers->len; i++)
    atlas_item_set_add (set, ATLAS_ITEM_POINT, trace->series->id, (int) g_array_index (trace->markers, gsize, i));
}

/* A price annotation points at its series' line at its date (at its own
 * value when it gives one, else the price in force then); an event's, at
 * the event's mark on the time axis. */
static gboolean
price_anchor (const AtlasScene *scene, const AtlasAnnotation *annotation, double *x, double *y)
{
  const AtlasPriceSceneData *data = scene->chart_data;
  const AtlasPriceTrace *trace;
  double value = annotation->value;
  gsize at;

  if (data == NULL)
    return FALSE;
  if (annotation->kind == ATLAS_ANCHOR_EVENT)
    {
      for (guint i = 0; i < data->events->len; i++)
        if (g_strcmp0 (((const AtlasEvent *) g_ptr_array_index (data->events, i))->id, annotation->event) == 0)
          {
            *x = g_array_index (data->event_x, double, i);
            *y = data->area.y + data->area.height;
            return TRUE;
          }
      return FALSE;
    }
  if (annotation->kind != ATLAS_ANCHOR_POINT || annotation->date.day < data->day0 ||
      annotation->date.day > data->day1)
    return FALSE;
  trace = find_trace (data, annotation->series);
  if (trace == NULL || isnan (trace->scale))
    return FALSE;
  if (!annotation->has_value)
    {
      if (!atlas_price_trace_in_force (data, trace, annotation->date.day, &at) ||
          !atlas_price_trace_shown (data, trace, at, &value, NULL, NULL))
        return FALSE;
    }
  else
    {
      double factor;

      if (!atlas_price_trace_factor (data, trace, annotation->date.day, &factor))
        return FALSE;
      value *= factor * trace->scale;
    }
  *x = atlas_price_data_day_to_x (data, annotation->date.day);
  *y = atlas_price_data_value_to_y (data, value);
  return isfinite (*x) && isfinite (*y) && *y >= data->area.y - 0.5 && *y <= data->area.y + data->area.height + 0.5;
}
