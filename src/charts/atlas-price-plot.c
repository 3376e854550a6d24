/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-price-plot.c: the inside of a price chart: value and time axes, series lines and bands, markers, event annotations. */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-callouts.h"
#include "atlas-chart-frame.h"
#include "atlas-label-placer.h"
#include "atlas-scene-text.h"
#include "atlas-price-layout-private.h"
#include "atlas-scene-private.h"
#include "atlas-time-axis.h"

/* Type and spacing of the plot, from the scene's small type size. */
typedef struct {
  double size;          /* tick labels, event labels, axis label */
  double line_h;        /* height of one line of that type */
  double gap;
  double tick_len;
  double row_h;         /* one row of event labels */
} PlotMetrics;

/* One event drawn on the chart. */
typedef struct {
  const AtlasEvent *event;
  int               index;       /* in the dataset's events */
  double            x;           /* its line, at a pixel centre */
  char             *label;       /* its title, shortened to fit; NULL: none fits */
  double            label_width;
  int               row;         /* label row, -1 when the label did not fit */
  AtlasRect         box;
  int               priority;
} EventMark;

static void
event_mark_clear (gpointer data)
{
  EventMark *mark = data;

  g_clear_pointer (&mark->label, g_free);
}

static PlotMetrics
plot_metrics (AtlasScene *scene)
{
  PlotMetrics m;

  m.size = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  atlas_scene_measure_text (scene, "Ag", m.size, FALSE, 0, NULL, &m.line_h);
  m.gap = round (m.size * 0.5);
  m.tick_len = round (m.size * 0.4);
  m.row_h = ceil (m.line_h * 1.2);
  return m;
}

static double
text_width (AtlasScene *scene, const char *text, double size, gboolean bold)
{
  double width;

  atlas_scene_measure_text (scene, text, size, bold, 0, &width, NULL);
  return width;
}

typedef struct {
  AtlasScene *scene;
  double      size;
} MeasureClosure;

static double
measure_tick_label (const char *text, gpointer user_data)
{
  MeasureClosure *closure = user_data;

  return text_width (closure->scene, text, closure->size, FALSE);
}

/* ---- the value axis ------------------------------------------------------ */

static void
data_extent (AtlasPriceLayout *layout, double *min, double *max)
{
  GPtrArray *traces = layout->data->traces;

  *min = G_MAXDOUBLE;
  *max = -G_MAXDOUBLE;
  for (guint i = 0; i < traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (traces, i);

      *min = MIN (*min, trace->min_value);
      *max = MAX (*max, trace->max_value);
    }
  if (*min > *max)
    {
      /* Nothing in view: an axis still frames the empty plot. */
      *min = layout->options->log_scale ? 1 : 0;
      *max = layout->options->log_scale ? 1000 : 100;
    }
  /* A linear price axis starts at zero when zero is near, so that the
   * height of a line reads as its price; far from zero it would flatten
   * the movement the reader came to see. */
  if (!layout->options->log_scale && *min > 0 && *min <= *max * 0.4)
    *min = 0;
}

static AtlasValueAxis *
make_value_axis (AtlasPriceLayout *layout, const PlotMetrics *m, double height)
{
  double min, max;
  guint max_ticks = (guint) CLAMP (floor (height / (m->line_h * 2.2)) + 1, 2, 10);

  data_extent (layout, &min, &max);
  return atlas_value_axis_new (min, max, layout->options->log_scale, max_ticks);
}

static double
widest_tick_label (AtlasScene *scene, const AtlasValueAxis *axis, double size)
{
  double widest = 0;

  for (guint i = 0; i < axis->ticks->len; i++)
    widest = MAX (widest, text_width (scene, g_array_index (axis->ticks, AtlasValueTick, i).label, size, FALSE));
  return widest;
}

/* ---- geometry ------------------------------------------------------------ */

/* The area for series given @rows rows of event labels above it; sets the
 * value axis for that height too. Returns the top of the event rows. */
static double
fit_area (AtlasPriceLayout *layout, const PlotMetrics *m, guint rows)
{
  AtlasScene *scene = layout->scene;
  AtlasPriceSceneData *data = layout->data;
  const AtlasRect *p = &scene->plot;
  double band_top = p->y + m->line_h + m->gap;
  /* The top tick label stands half a line above the area's top edge. */
  double top = band_top + rows * m->row_h + (rows > 0 ? m->gap * 0.5 : 0) + m->line_h * 0.5;
  /* Tick labels below the baseline, clear of the lowest value label. */
  double below = MAX (m->tick_len + m->gap * 0.4, m->line_h * 0.5 + 2) + m->line_h;
  double bottom = p->y + p->height - below;
  double left, right;
  AtlasRect area;

  g_clear_pointer (&data->y_axis, atlas_value_axis_free);
  data->y_axis = make_value_axis (layout, m, MAX (bottom - top, 1));
  left = p->x + widest_tick_label (scene, data->y_axis, m->size) + m->gap;
  right = p->x + p->width - m->gap - layout->end_label_width;

  /* Whole pixels, so gridlines are crisp and M4 columns start on one. */
  area.x = ceil (left);
  area.y = ceil (top);
  area.width = MAX (floor (right) - area.x, 8);
  area.height = MAX (floor (bottom) - area.y, 8);
  atlas_price_data_set_area (data, &area, data->day0, data->day1);
  return band_top;
}

static guint
event_rows_for_height (const PlotMetrics *m, double plot_height)
{
  double room = plot_height - 4 * m->line_h;

  /* Annotations must not squeeze the series: fewer rows on small figures. */
  if (room > 34 * m->line_h)
    return 3;
  if (room > 18 * m->line_h)
    return 2;
  if (room > 9 * m->line_h)
    return 1;
  return 0;
}

/* ---- events -------------------------------------------------------------- */

gboolean
atlas_price_in_focus (const AtlasPriceLayout *layout, const char *id)
{
  const char * const *focus = layout->options->focus;

  return focus != NULL && id != NULL && g_strv_contains (focus, id);
}

gboolean
atlas_price_event_featured (const AtlasPriceLayout *layout, const AtlasEvent *event)
{
  return event == layout->selected_event || atlas_price_in_focus (layout, event->id);
}

static gboolean
event_names_drawn_element (const AtlasEvent *event, GPtrArray *traces)
{
  for (guint e = 0; event->elements != NULL && e < event->elements->len; e++)
    for (guint t = 0; t < traces->len; t++)
      {
        const AtlasPriceTrace *trace = g_ptr_array_index (traces, t);

        if (trace->series->element == g_ptr_array_index (event->elements, e))
          return TRUE;
      }
  return FALSE;
}

/* An event belongs on this chart when it names an element drawn here, or
 * names no element at all (it concerns every price). */
static gboolean
event_applies (const AtlasEvent *event, GPtrArray *traces)
{
  return event->elements == NULL || event->elements->len == 0 || event_names_drawn_element (event, traces);
}

static int
compare_priority (gconstpointer a, gconstpointer b)
{
  const EventMark *x = a, *y = b;

  if (x->priority != y->priority)
    return y->priority - x->priority;
  return x->index - y->index;
}

static GArray *
collect_events (AtlasPriceLayout *layout)
{
  GPtrArray *events = atlas_dataset_get_events (layout->dataset);
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (EventMark));
  AtlasPriceSceneData *data = layout->data;

  g_array_set_clear_func (marks, event_mark_clear);
  if (!layout->options->show_events)
    return marks;
  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (events, i);
      EventMark mark = { event, (int) i, 0, NULL, 0, -1, { 0 }, 0 };

      if (event->date.day < data->day0 || event->date.day > data->day1 ||
          !event_applies (event, data->traces))
        continue;
      /* When labels must be dropped, keep the selected one, then those about
       * the elements drawn, then policy (what briefings are about). */
      mark.priority = (atlas_price_event_featured (layout, event) ? 100 : 0) +
                      (event_names_drawn_element (event, data->traces) ? 10 : 0) +
                      (event->kind == ATLAS_EVENT_POLICY ? 1 : 0);
      g_array_append_val (marks, mark);
    }
  g_array_sort (marks, compare_priority);
  return marks;
}

static char *
prefix_with_ellipsis (const char *text, glong n_chars)
{
  g_autofree char *prefix = g_utf8_substring (text, 0, n_chars);

  return g_strconcat (g_strchomp (prefix), "…", NULL);
}

/* @text shortened with an ellipsis to fit @max_width, or NULL.  A chart
 * may carry dozens of events: the cut is found by bisection, in a handful
 * of measurements per label rather than one per character. */
static char *
shorten_to_width (AtlasScene *scene, const char *text, double size, gboolean bold, double max_width,
                  double *width)
{
  /* Past the characters ever laid out, a longer prefix measures the same. */
  glong fits = 0, too_long = MIN (g_utf8_strlen (text, -1), ATLAS_SCENE_MAX_TEXT_CHARS);
  char *best = NULL;

  if ((*width = text_width (scene, text, size, bold)) <= max_width)
    return g_strdup (text);
  while (too_long - fits > 1)
    {
      glong middle = fits + (too_long - fits) / 2;
      g_autofree char *candidate = prefix_with_ellipsis (text, middle);
      double w = text_width (scene, candidate, size, bold);

      if (w <= max_width)
        {
          fits = middle;
          g_free (best);
          best = g_steal_pointer (&candidate);
          *width = w;
        }
      else
        too_long = middle;
    }
  return best;
}

static void
shorten_event_labels (AtlasPriceLayout *layout, const PlotMetrics *m, GArray *marks)
{
  double max_width = MIN (layout->data->area.width * 0.34, m->size * 24);

  for (guint i = 0; i < marks->len; i++)
    {
      EventMark *mark = &g_array_index (marks, EventMark, i);
      gboolean bold = atlas_price_event_featured (layout, mark->event);
      /* The selected event is what the slide is about: it may take more
       * room, and it is placed before the others (see sort_selected_first). */
      double width = bold ? layout->data->area.width * 0.6 : max_width;

      g_clear_pointer (&mark->label, g_free);
      mark->label = shorten_to_width (layout->scene, atlas_text_get (mark->event->title, layout->lang),
                                      m->size, bold, width, &mark->label_width);
    }
}

/* Stacks labels in @rows rows above the area: each label sits beside its
 * event's line, right of it or else left of it, in the first row where it
 * neither touches another label nor crosses another event's line, and
 * where its own line down to the area crosses no label.  Returns the rows
 * used; labels that fit nowhere are dropped (the event stays, as a tick). */
static guint
place_event_labels (AtlasPriceLayout *layout, const PlotMetrics *m, GArray *marks, double band_top, guint rows)
{
  const AtlasRect *area = &layout->data->area;
  AtlasRect band = { area->x, band_top, area->width, rows * m->row_h };
  g_autoptr(AtlasLabelPlacer) labels = atlas_label_placer_new (&band);
  g_autoptr(AtlasLabelPlacer) lines = atlas_label_placer_new (&band);
  double pad = round (m->size * 0.3);
  guint used = 0;

  for (guint i = 0; i < marks->len; i++)
    {
      EventMark *mark = &g_array_index (marks, EventMark, i);
      double w = mark->label_width;

      mark->x = floor (atlas_price_data_day_to_x (layout->data, mark->event->date.day)) + 0.5;
      mark->x = CLAMP (mark->x, area->x + 0.5, area->x + area->width - 0.5);
      mark->row = -1;
      if (mark->label == NULL || rows == 0)
        continue;
      for (guint r = 0; r < rows && mark->row < 0; r++)
        {
          double top = band_top + r * m->row_h;
          /* The line and a little air either side of it, kept inside the
           * band for events at its very edge. */
          double stem_left = MAX (mark->x - 2.5, band.x), stem_right = MIN (mark->x + 2.5, band.x + band.width);
          AtlasRect stem = { stem_left, top, stem_right - stem_left, band_top + rows * m->row_h - top };
          AtlasRect sides[2] = {
            { mark->x + pad, top, w, m->line_h },
            { mark->x - pad - w, top, w, m->line_h },
          };

          if (!atlas_label_placer_is_free (labels, &stem))
            continue;
          for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
            if (atlas_label_placer_is_free (lines, &sides[s]) && atlas_label_placer_try (labels, &sides[s]))
              {
                atlas_label_placer_reserve (lines, &stem);
                mark->row = (int) r;
                mark->box = sides[s];
                used = MAX (used, r + 1);
                break;
              }
        }
    }
  return used;
}

static int
compare_dataset_order (gconstpointer a, gconstpointer b)
{
  return ((const EventMark *) a)->index - ((const EventMark *) b)->index;
}

/* ---- shapes -------------------------------------------------------------- */

/* Shapes are built with a scratch cairo context that is never drawn on:
 * cairo_copy_path() turns what was traced into the shape's path. */
typedef struct {
  AtlasPriceLayout *layout;
  AtlasScene       *scene;
  PlotMetrics       m;
  cairo_t          *cr;
  double            band_top;
} Plot;

static cairo_t *
new_path_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

/* Adds what was traced on plot->cr as a path shape; @margin widens its
 * bounds by what the stroke adds. The returned shape is valid until the
 * next shape is added. */
static AtlasShape *
add_traced_path (Plot *plot, const AtlasItem *item, double margin)
{
  AtlasShape shape = { 0 };
  double x0, y0, x1, y1;

  cairo_path_extents (plot->cr, &x0, &y0, &x1, &y1);
  shape.kind = ATLAS_SHAPE_PATH;
  shape.path = cairo_copy_path (plot->cr);
  shape.bounds = (AtlasRect) { x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin };
  if (item != NULL)
    shape.item = *item;
  cairo_new_path (plot->cr);
  return atlas_scene_add_shape (plot->scene, &shape);
}

static AtlasShape *
add_stroked_path (Plot *plot, const AtlasItem *item, const AtlasColor *color, double width)
{
  AtlasShape *shape = add_traced_path (plot, item, width / 2 + 1);

  shape->has_stroke = TRUE;
  shape->stroke = *color;
  shape->line_width = width;
  return shape;
}

static double
crisp (double coordinate)
{
  return floor (coordinate) + 0.5;
}

static void
add_value_grid (Plot *plot)
{
  const AtlasPriceSceneData *data = plot->layout->data;
  const AtlasRect *area = &data->area;

  for (guint i = 0; i < data->y_axis->ticks->len; i++)
    {
      double y = crisp (atlas_price_data_value_to_y (data, g_array_index (data->y_axis->ticks, AtlasValueTick, i).value));

      cairo_move_to (plot->cr, area->x, y);
      cairo_line_to (plot->cr, area->x + area->width, y);
    }
  if (data->y_axis->ticks->len > 0)
    add_stroked_path (plot, NULL, &plot->scene->style->grid, 1.0);

  /* Indexed: the line every series starts from. */
  if (plot->layout->indexed && data->y_axis->min < 100 && data->y_axis->max > 100)
    {
      AtlasColor color = plot->scene->style->muted;
      double y = crisp (atlas_price_data_value_to_y (data, 100));
      AtlasShape *shape;

      cairo_move_to (plot->cr, area->x, y);
      cairo_line_to (plot->cr, area->x + area->width, y);
      color.alpha = 0.7;
      shape = add_stroked_path (plot, NULL, &color, 1.0);
      shape->dash = 4;
    }
}

static void
add_value_labels (Plot *plot)
{
  const AtlasPriceSceneData *data = plot->layout->data;
  double right = data->area.x - plot->m.gap, last_top = G_MAXDOUBLE;

  /* Bottom to top; a label too close to the one below is left out (log
   * ticks of fine mantissas crowd near each power of ten). */
  for (guint i = 0; i < data->y_axis->ticks->len; i++)
    {
      const AtlasValueTick *tick = &g_array_index (data->y_axis->ticks, AtlasValueTick, i);
      double top = atlas_price_data_value_to_y (data, tick->value) - plot->m.line_h / 2;

      if (top + plot->m.line_h + 2 > last_top)
        continue;
      atlas_scene_add_text (plot->scene, tick->label, right, top, plot->m.size, FALSE, ATLAS_ALIGN_END,
                            &plot->scene->style->muted, NULL)->role = ATLAS_ROLE_AXIS;
      last_top = top;
    }
}

static void
add_time_axis (Plot *plot)
{
  AtlasScene *scene = plot->scene;
  const AtlasPriceSceneData *data = plot->layout->data;
  const AtlasRect *area = &data->area;
  MeasureClosure closure = { scene, plot->m.size };
  double baseline = area->y + area->height;
  double label_top = baseline + MAX (plot->m.tick_len + plot->m.gap * 0.4, plot->m.line_h * 0.5 + 2);
  AtlasColor axis_color = scene->style->muted;
  g_autoptr(AtlasTimeAxis) axis = NULL;

  /* Ticks six and a half ems apart at least, labels two: the axis reads
   * as a calendar, not a ruler. */
  axis = atlas_time_axis_new (data->day0, data->day1, area->x, area->x + area->width,
                              scene->plot.x, scene->plot.x + scene->plot.width,
                              plot->m.size * 2.0, plot->m.size * 6.5, measure_tick_label, &closure);

  cairo_move_to (plot->cr, area->x, crisp (baseline));
  cairo_line_to (plot->cr, area->x + area->width, crisp (baseline));
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const AtlasTimeTick *tick = &g_array_index (axis->ticks, AtlasTimeTick, i);

      cairo_move_to (plot->cr, crisp (tick->x), crisp (baseline));
      cairo_line_to (plot->cr, crisp (tick->x), baseline + plot->m.tick_len);
    }
  axis_color.alpha = 0.6;
  add_stroked_path (plot, NULL, &axis_color, 1.0);

  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const AtlasTimeTick *tick = &g_array_index (axis->ticks, AtlasTimeTick, i);

      if (tick->label != NULL)
        atlas_scene_add_text (scene, tick->label, tick->label_x, label_top, plot->m.size, FALSE,
                              ATLAS_ALIGN_START, &scene->style->muted, NULL)->role = ATLAS_ROLE_AXIS;
    }
}

static void
trace_vertices (cairo_t *cr, GArray *vertices, gboolean forward)
{
  for (guint k = 0; k < vertices->len; k++)
    {
      const AtlasPriceVertex *v = &g_array_index (vertices, AtlasPriceVertex, forward ? k : vertices->len - 1 - k);

      cairo_line_to (cr, v->x, v->y);
    }
}

/* Whether the band's @k-th vertices stand apart: a point quoted as a range,
 * not as a single price (whose low and high are its value). */
static gboolean
vertex_has_range (GArray *high, GArray *low, guint k)
{
  return g_array_index (low, AtlasPriceVertex, k).y - g_array_index (high, AtlasPriceVertex, k).y > 0.5;
}

static AtlasShape *
add_band_shape (Plot *plot, AtlasPriceTrace *trace, double alpha)
{
  AtlasItem item = { ATLAS_ITEM_SERIES, trace->series->id, -1 };
  AtlasShape *shape = add_traced_path (plot, &item, 0);

  shape->has_fill = TRUE;
  shape->fill = trace->color;
  shape->fill.alpha = alpha;
  return shape;
}

/* Where a series is quoted as a range at some points and as one price at
 * others (a newspaper's "250-310" in April, "850" in May), a band drawn
 * through all of them would narrow to nothing between: triangles that
 * tell of ranges no one quoted.  So a band joins only neighbouring ranged
 * points; a range standing alone is a bar at its date.  FALSE when the
 * edges do not pair up vertex by vertex (nothing drawn). */
static gboolean
add_band_runs (Plot *plot, AtlasPriceTrace *trace, double alpha)
{
  GArray *high = trace->band_high, *low = trace->band_low;
  double bar = MAX (plot->layout->stroke * 2.5, 3.0);

  /* Decimated edges of a dense series need not pair up vertex by vertex;
   * such a series is a band throughout. */
  if (high->len != low->len)
    return FALSE;
  for (guint k = 0; k < high->len; k++)
    if (g_array_index (high, AtlasPriceVertex, k).x != g_array_index (low, AtlasPriceVertex, k).x)
      return FALSE;

  for (guint k = 0; k < high->len;)
    {
      guint end = k;

      if (!vertex_has_range (high, low, k))
        {
          k++;
          continue;
        }
      while (end + 1 < high->len && vertex_has_range (high, low, end + 1))
        end++;
      if (end == k)
        {
          const AtlasPriceVertex *top = &g_array_index (high, AtlasPriceVertex, k);
          const AtlasPriceVertex *bottom = &g_array_index (low, AtlasPriceVertex, k);

          cairo_rectangle (plot->cr, top->x - bar / 2, top->y, bar, bottom->y - top->y);
          /* A bar is narrow: stronger than a band to be seen. */
          add_band_shape (plot, trace, MIN (alpha * 2, 1.0));
        }
      else
        {
          for (guint j = k; j <= end; j++)
            cairo_line_to (plot->cr, g_array_index (high, AtlasPriceVertex, j).x,
                           g_array_index (high, AtlasPriceVertex, j).y);
          for (guint j = end + 1; j-- > k;)
            cairo_line_to (plot->cr, g_array_index (low, AtlasPriceVertex, j).x,
                           g_array_index (low, AtlasPriceVertex, j).y);
          cairo_close_path (plot->cr);
          add_band_shape (plot, trace, alpha);
        }
      k = end + 1;
    }
  return TRUE;
}

/* A quoted range is a translucent band; its midpoint is the line. */
static void
add_band (Plot *plot, AtlasPriceTrace *trace)
{
  double alpha = plot->scene->style->dark ? 0.30 : 0.22;

  if (trace->band_high == NULL || trace->band_high->len < 2)
    return;
  plot->layout->any_band = TRUE;
  if (add_band_runs (plot, trace, alpha))
    return;
  trace_vertices (plot->cr, trace->band_high, TRUE);
  trace_vertices (plot->cr, trace->band_low, FALSE);
  cairo_close_path (plot->cr);
  add_band_shape (plot, trace, alpha);
}

static double
series_line_width (const Plot *plot, const AtlasPriceTrace *trace)
{
  return trace->emphasised ? plot->layout->stroke * 1.6 : plot->layout->stroke;
}

static void
add_line (Plot *plot, AtlasPriceTrace *trace)
{
  AtlasItem item = { ATLAS_ITEM_SERIES, trace->series->id, -1 };

  if (trace->line->len < 2)
    return;
  cairo_new_path (plot->cr);
  trace_vertices (plot->cr, trace->line, TRUE);
  add_stroked_path (plot, &item, &trace->color, series_line_width (plot, trace));
}

/* Solid markers show where the data are; hollow ones mark estimates. */
static void
add_markers (Plot *plot, AtlasPriceTrace *trace)
{
  const AtlasPriceSceneData *data = plot->layout->data;
  double width = series_line_width (plot, trace);
  double radius = width * 1.3 + 1.0;

  for (guint k = 0; k < trace->markers->len; k++)
    {
      gsize index = g_array_index (trace->markers, gsize, k);
      const AtlasPricePoint *point = &trace->series->points[index];
      AtlasItem item = { ATLAS_ITEM_POINT, trace->series->id, (int) index };
      gboolean estimate = (point->flags & ATLAS_POINT_ESTIMATE) != 0;
      double value;
      AtlasShape *shape;

      atlas_price_trace_shown (data, trace, index, &value, NULL, NULL);
      cairo_new_sub_path (plot->cr);
      cairo_arc (plot->cr, atlas_price_data_point_x (data, point->day),
                 atlas_price_data_value_to_y (data, value), estimate ? radius * 1.15 : radius, 0, 2 * G_PI);
      shape = add_traced_path (plot, &item, width);
      shape->hit = TRUE;
      shape->has_fill = TRUE;
      shape->fill = estimate ? plot->scene->style->background : trace->color;
      if (estimate)
        {
          shape->has_stroke = TRUE;
          shape->stroke = trace->color;
          shape->line_width = MAX (1.2, width * 0.7);
          plot->layout->any_estimate_marker = TRUE;
        }
    }
}

static gboolean
is_marked (const AtlasPriceTrace *trace, gsize index)
{
  for (guint k = 0; k < trace->markers->len; k++)
    if (g_array_index (trace->markers, gsize, k) == index)
      return TRUE;
  return FALSE;
}

/* Points the keyboard can reach need bounds even where no marker is drawn:
 * an invisible rect around each. */
static void
add_point_targets (Plot *plot, AtlasPriceTrace *trace)
{
  const AtlasPriceSceneData *data = plot->layout->data;
  double r = series_line_width (plot, trace) * 2 + 2;

  if (trace->n_shown > ATLAS_PRICE_ITEM_LIMIT || trace->markers->len == trace->n_shown)
    return;
  for (gsize i = trace->first; i < trace->end; i++)
    {
      AtlasItem item = { ATLAS_ITEM_POINT, trace->series->id, (int) i };
      double value;
      AtlasRect rect;
      AtlasShape *shape;

      if (is_marked (trace, i) || !atlas_price_trace_shown (data, trace, i, &value, NULL, NULL) ||
          isnan (trace->scale))
        continue;
      rect = (AtlasRect) { atlas_price_data_point_x (data, trace->series->points[i].day) - r,
                           atlas_price_data_value_to_y (data, value) - r, 2 * r, 2 * r };
      shape = atlas_scene_add_rect (plot->scene, &rect, NULL, &item);
      shape->hit = FALSE;
    }
}

static void
add_series (Plot *plot)
{
  GPtrArray *traces = plot->layout->data->traces;

  for (guint i = 0; i < traces->len; i++)
    add_band (plot, g_ptr_array_index (traces, i));
  /* The emphasised series last, on top of the others. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < traces->len; i++)
      {
        AtlasPriceTrace *trace = g_ptr_array_index (traces, i);

        if (trace->emphasised == (pass == 1))
          add_line (plot, trace);
      }
  for (guint i = 0; i < traces->len; i++)
    {
      add_markers (plot, g_ptr_array_index (traces, i));
      add_point_targets (plot, g_ptr_array_index (traces, i));
    }
}

static void
add_event_lines (Plot *plot, GArray *marks)
{
  AtlasPriceLayout *layout = plot->layout;
  const AtlasRect *area = &layout->data->area;

  for (guint i = 0; i < marks->len; i++)
    {
      const EventMark *mark = &g_array_index (marks, EventMark, i);
      gboolean selected = atlas_price_event_featured (layout, mark->event);
      AtlasItem item = { ATLAS_ITEM_EVENT, mark->event->id, mark->index };
      /* An event whose label found no room is a short tick at the top of
       * the plot: still there to point at, without a wall of lines where
       * events crowd. */
      double top = mark->row >= 0 ? plot->band_top + mark->row * plot->m.row_h : area->y;
      double bottom = mark->row >= 0 || selected ? area->y + area->height : area->y + plot->m.row_h;
      AtlasColor color = selected ? plot->scene->style->accent : plot->scene->style->muted;
      AtlasRect hit = { mark->x - 4, top, 8, bottom - top };
      AtlasShape *shape;

      color.alpha = selected ? 1.0 : 0.5;
      cairo_move_to (plot->cr, mark->x, top);
      cairo_line_to (plot->cr, mark->x, bottom);
      add_stroked_path (plot, &item, &color, selected ? MAX (1.5, layout->stroke * 0.8) : 1.0);
      /* A one-pixel line is hard to point at: a wider invisible target. */
      shape = atlas_scene_add_rect (plot->scene, &hit, NULL, &item);
      shape->hit = TRUE;

      g_ptr_array_add (layout->data->events, (gpointer) mark->event);
      g_array_append_val (layout->data->event_x, mark->x);
      atlas_frame_add_cite (layout->sources, layout->dataset, (const char * const *) mark->event->cite);
    }
}

static void
add_event_labels (Plot *plot, GArray *marks)
{
  AtlasPriceLayout *layout = plot->layout;

  for (guint i = 0; i < marks->len; i++)
    {
      const EventMark *mark = &g_array_index (marks, EventMark, i);
      gboolean selected = atlas_price_event_featured (layout, mark->event);
      AtlasItem item = { ATLAS_ITEM_EVENT, mark->event->id, mark->index };

      if (mark->row < 0)
        continue;
      atlas_scene_add_text (plot->scene, mark->label, mark->box.x, mark->box.y, plot->m.size, selected,
                            ATLAS_ALIGN_START,
                            selected ? &plot->scene->style->foreground : &plot->scene->style->muted,
                            &item);
    }
}

static void
add_axis_label (Plot *plot)
{
  const AtlasRect *p = &plot->scene->plot;
  g_autofree char *text = atlas_scene_ellipsize (plot->scene, plot->layout->axis_label, plot->m.size,
                                                 FALSE, p->width);

  if (text != NULL)
    atlas_scene_add_text (plot->scene, text, p->x, p->y, plot->m.size, FALSE, ATLAS_ALIGN_START,
                          &plot->scene->style->muted, NULL)->role = ATLAS_ROLE_AXIS;
}

static void
add_empty_message (Plot *plot)
{
  GPtrArray *traces = plot->layout->data->traces;
  const AtlasRect *area = &plot->layout->data->area;
  g_autofree char *no_rates = NULL;
  gsize left_out = 0;
  guint no_base = 0;

  for (guint i = 0; i < traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (traces, i);

      if (trace->line->len > 0)
        return;
      if (trace->no_base)
        no_base++;
      else
        left_out += trace->n_left_out;
    }
  /* Nothing drawn because no price could be converted: the range is not
   * the reason, and the reader should not go looking for prices there.
   * Likewise when no series has a price at the index date. */
  if (no_base > 0 && no_base == traces->len)
    {
      const AtlasDate *date = &plot->layout->options->indexed;
      g_autofree char *day = atlas_time_format_day (date->day, date->precision);

      no_rates = g_strdup_printf (_("No series has a price at or near %s to set to 100"), day);
    }
  else if (left_out > 0)
    no_rates = g_strdup_printf (_("The dataset has no exchange rates to show these prices in %s"),
                                plot->layout->currency);
  atlas_scene_add_text (plot->scene,
                        no_rates != NULL ? no_rates
                        : plot->layout->quantities ? _("No figures in this range") : _("No prices in this range"),
                        area->x + area->width / 2,
                        area->y + area->height / 2 - plot->m.line_h / 2, plot->m.size, FALSE,
                        ATLAS_ALIGN_CENTER, &plot->scene->style->muted, NULL)->role = ATLAS_ROLE_NOTE;
}

/* ---- direct labels ------------------------------------------------------- */

typedef struct {
  AtlasPriceTrace *trace;
  char            *text;
  double           anchor_x, anchor_y;   /* the line's last shown point */
  double           height;
  double           wrap;                 /* its lines come out even at this width */
  double           top;                  /* where the label goes */
} EndLabel;

static void
end_label_clear (gpointer data)
{
  g_free (((EndLabel *) data)->text);
}

static int
compare_end_labels (gconstpointer a, gconstpointer b)
{
  const EndLabel *x = a, *y = b;

  return x->anchor_y < y->anchor_y ? -1 : x->anchor_y > y->anchor_y;
}

/* Labels as near their lines' ends as they can be without touching: a
 * pass down pushes each below the one above, a pass up pulls back those
 * pushed past the bottom. */
static void
spread_end_labels (GArray *labels, double top, double bottom, double gap)
{
  double y = top;

  for (guint i = 0; i < labels->len; i++)
    {
      EndLabel *l = &g_array_index (labels, EndLabel, i);

      l->top = MAX (l->anchor_y - l->height / 2, y);
      y = l->top + l->height + gap;
    }
  y = bottom;
  for (guint i = labels->len; i-- > 0;)
    {
      EndLabel *l = &g_array_index (labels, EndLabel, i);

      l->top = MIN (l->top, y - l->height);
      y = l->top - gap;
    }
}

/* Each line named where it ends, with its last value: the reader needs no
 * legend to tell the lines apart, and sees where each stands now. */
static void
add_end_labels (Plot *plot)
{
  AtlasPriceLayout *layout = plot->layout;
  AtlasPriceSceneData *data = layout->data;
  g_autoptr(GArray) labels = g_array_new (FALSE, TRUE, sizeof (EndLabel));
  double x = data->area.x + data->area.width + plot->m.gap * 1.5;
  double width = layout->end_label_width - plot->m.gap * 1.5;

  if (layout->end_label_width <= 0)
    return;
  g_array_set_clear_func (labels, end_label_clear);
  for (guint i = 0; i < data->traces->len; i++)
    {
      AtlasPriceTrace *trace = g_ptr_array_index (data->traces, i);
      EndLabel label = { trace };
      double value;
      g_autofree char *number = NULL;

      if (!trace->end_labelled || isnan (trace->scale) ||
          !atlas_price_trace_shown (data, trace, trace->last_shown, &value, NULL, NULL))
        continue;
      number = atlas_price_format_value (value);
      label.text = g_strdup_printf ("%s\n%s", atlas_text_get (trace->series->name, layout->lang), number);
      label.anchor_x = atlas_price_data_day_to_x (data, trace->series->points[trace->last_shown].day);
      label.anchor_y = atlas_price_data_value_to_y (data, value);
      label.wrap = atlas_scene_balanced_wrap (plot->scene, label.text, plot->m.size, FALSE, width);
      atlas_scene_measure_text (plot->scene, label.text, plot->m.size, FALSE, label.wrap, NULL, &label.height);
      g_array_append_val (labels, label);
    }
  g_array_sort (labels, compare_end_labels);
  spread_end_labels (labels, plot->scene->plot.y, plot->scene->plot.y + plot->scene->plot.height,
                     plot->m.gap * 0.5);
  for (guint i = 0; i < labels->len; i++)
    {
      EndLabel *l = &g_array_index (labels, EndLabel, i);
      AtlasItem item = { ATLAS_ITEM_SERIES, l->trace->series->id, -1 };
      AtlasRect box = { x, l->top, l->wrap, l->height };
      AtlasShape *text;

      /* A thin line in the series' colour from its end to its label. */
      cairo_move_to (plot->cr, l->anchor_x + plot->m.gap * 0.3, l->anchor_y);
      cairo_line_to (plot->cr, x - plot->m.gap * 0.3, l->top + MIN (l->height / 2, plot->m.line_h / 2));
      add_stroked_path (plot, &item, &l->trace->color, 1.0);
      text = atlas_scene_add_text (plot->scene, l->text, box.x, box.y, plot->m.size, FALSE, ATLAS_ALIGN_START,
                                   &plot->scene->style->foreground, &item);
      text->wrap = TRUE;
      text->bounds = box;
      atlas_scene_measure_text (plot->scene, l->text, plot->m.size, FALSE, l->wrap, &text->bounds.width, NULL);
      text->bounds.width += 1;
    }
}

/* The peak of a series the figure is about, with its value and date, when
 * it is not the line's last point (which its end label gives already). */
static void
add_peak_callouts (Plot *plot)
{
  AtlasPriceLayout *layout = plot->layout;
  AtlasPriceSceneData *data = layout->data;

  for (guint i = 0; i < data->traces->len; i++)
    {
      AtlasPriceTrace *trace = g_ptr_array_index (data->traces, i);
      const AtlasPricePoint *point;
      AtlasCallout callout = { 0 };
      g_autofree char *number = NULL, *date = NULL, *text = NULL;
      double value, high;

      if (!atlas_price_in_focus (layout, trace->series->id) || trace->n_shown < 2 ||
          trace->peak == trace->last_shown ||
          !atlas_price_trace_shown (data, trace, trace->peak, &value, NULL, &high))
        continue;
      point = &trace->series->points[trace->peak];
      number = atlas_price_format_value ((point->flags & ATLAS_POINT_RANGE) ? high : value);
      date = atlas_time_format_day (point->day, point->precision);
      /* TRANSLATORS: a series' highest value and when: "Peak 3,150 (Jul 2025)" */
      text = g_strdup_printf (_("Peak %s (%s)"), number, date);
      callout.x = atlas_price_data_day_to_x (data, point->day);
      callout.y = atlas_price_data_value_to_y (data, (point->flags & ATLAS_POINT_RANGE) ? high : value);
      callout.text = text;
      callout.item = (AtlasItem) { ATLAS_ITEM_SERIES, trace->series->id, -1 };
      callout.leader = TRUE;
      atlas_scene_add_callout (plot->scene, &callout, &plot->scene->plot, plot->m.size, plot->m.size * 14);
    }
}

/* The selected event claims its label's place first; the others keep
 * their order. */
static void
sort_selected_first (AtlasPriceLayout *layout, GArray *marks)
{
  for (guint i = 1; i < marks->len; i++)
    if (atlas_price_event_featured (layout, g_array_index (marks, EventMark, i).event))
      {
        EventMark selected = g_array_index (marks, EventMark, i);

        g_array_remove_index (marks, i);
        g_array_prepend_val (marks, selected);
        break;
      }
}

/* Event labels need the area's width, and the area's height depends on
 * how many rows of labels there are: place them for the most rows the
 * figure allows, then fit the area to the rows used and place them again
 * (positions move a little with the width of the value labels). */
static void
plan_area_and_events (Plot *plot, GArray *marks)
{
  guint rows = marks->len > 0 ? event_rows_for_height (&plot->m, plot->scene->plot.height) : 0;

  plot->band_top = fit_area (plot->layout, &plot->m, rows);
  sort_selected_first (plot->layout, marks);
  shorten_event_labels (plot->layout, &plot->m, marks);
  rows = place_event_labels (plot->layout, &plot->m, marks, plot->band_top, rows);

  /* The area's width barely changes: the labels keep their first cut. */
  plot->band_top = fit_area (plot->layout, &plot->m, rows);
  place_event_labels (plot->layout, &plot->m, marks, plot->band_top, rows);
  g_array_sort (marks, compare_dataset_order);
}

void
atlas_price_plot_layout (AtlasPriceLayout *layout)
{
  Plot plot = { layout, layout->scene, plot_metrics (layout->scene), new_path_context (), 0 };
  g_autoptr(GArray) marks = collect_events (layout);

  layout->stroke = MAX (1.5, plot.m.size * 0.18);
  layout->data->hit_radius = MAX (8.0, plot.m.size);
  plan_area_and_events (&plot, marks);
  for (guint i = 0; i < layout->data->traces->len; i++)
    atlas_price_trace_decimate (layout, g_ptr_array_index (layout->data->traces, i));

  add_value_grid (&plot);
  add_time_axis (&plot);
  add_event_lines (&plot, marks);
  add_series (&plot);
  add_event_labels (&plot, marks);
  add_value_labels (&plot);
  add_axis_label (&plot);
  add_end_labels (&plot);
  add_empty_message (&plot);
  add_peak_callouts (&plot);
  cairo_destroy (plot.cr);
}
