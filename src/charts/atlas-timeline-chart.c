/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-timeline-chart.c: the Timeline view: dated events on a time axis, one lane per kind, labelled where they fit. */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-annotations.h"
#include "atlas-chart-frame.h"
#include "atlas-format.h"
#include "atlas-label-placer.h"
#include "atlas-scene-text.h"
#include "atlas-chart-private.h"
#include "atlas-event-kinds.h"
#include "atlas-scene-private.h"
#include "atlas-timeline-scene.h"
#include "atlas-time-axis.h"


/* What the options ask for, resolved against the dataset. */
typedef struct {
  gboolean   kinds[ATLAS_EVENT_N_KINDS];
  GPtrArray *regions;           /* const AtlasRegion*, or NULL for all */
  GPtrArray *elements;          /* const AtlasElement*, or NULL for all */
  gboolean   has_from, has_to;
  gint32     from_day;          /* first day shown */
  gint32     to_day;            /* last day shown (the end of "to"'s period) */
} TimelineFilter;

typedef struct {
  const AtlasEvent *event;
  int               index;      /* in the dataset's events */
  guint             lane;
  guint             row;
  double            x, y;       /* the marker's centre */
} TimelineMarker;

typedef struct {
  AtlasEventKind kind;
  double         top, height;
  guint          n_rows;
} TimelineLane;

typedef struct {
  double  small_size, label_size;
  double  line;                 /* height of one event label */
  double  row_height;
  double  radius;               /* of a marker */
  double  hairline;             /* gridlines, leaders: thicker on big figures */
  double  lanes_x, lanes_top, lanes_bottom;   /* the area right of the lane names */
  double  axis_x0, axis_x1;     /* where the range maps to */
  double  day0, day1;           /* the range, in days since 1970 */
  GArray *lanes;                /* TimelineLane */
} TimelineGeometry;

/* A "+7": where it is drawn and the days its events span, so a click on
 * it can open it (the window zooms there). */
typedef struct {
  AtlasRect box;
  double    first_day, last_day;
  guint     n;
} TimelineCluster;

typedef struct {
  GArray *markers;              /* TimelineMarker, for the pointer */
  GArray *clusters;             /* TimelineCluster */
  double  hit_radius;
  double  axis_x0, axis_x1;     /* the time axis, for the window's zoom */
  double  day0, day1;
} TimelineSceneData;

/* ---- filtering --------------------------------------------------------- */

static void
timeline_filter_clear (TimelineFilter *filter)
{
  g_clear_pointer (&filter->regions, g_ptr_array_unref);
  g_clear_pointer (&filter->elements, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TimelineFilter, timeline_filter_clear)

/* The last day of the period a date names: "2025" ends on 2025-12-31. */
static gint32
date_period_end (const AtlasDate *date)
{
  switch (date->precision)
    {
    case ATLAS_DATE_YEAR:
      return atlas_days_from_civil (date->year + 1, 1, 1) - 1;
    case ATLAS_DATE_MONTH:
      return date->month == 12 ? atlas_days_from_civil (date->year + 1, 1, 1) - 1
                               : atlas_days_from_civil (date->year, date->month + 1, 1) - 1;
    case ATLAS_DATE_DAY:
    default:
      return date->day;
    }
}

static gboolean
resolve_kinds (const char * const *names, gboolean *kinds, GError **error)
{
  for (guint k = 0; k < ATLAS_EVENT_N_KINDS; k++)
    kinds[k] = names == NULL;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      AtlasEventKind kind;

      if (!atlas_event_kind_from_string (names[i], &kind))
        {
          g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_BAD_OPTION,
                       _("Unknown event kind “%s” (policy, market, project, conflict or other)"),
                       names[i]);
          return FALSE;
        }
      kinds[kind] = TRUE;
    }
  return TRUE;
}

static gboolean
resolve_regions (AtlasDataset *dataset, const char * const *ids, GPtrArray **out, GError **error)
{
  *out = NULL;
  if (ids == NULL)
    return TRUE;
  *out = g_ptr_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const AtlasRegion *region = atlas_dataset_find_region (dataset, ids[i]);

      if (region == NULL)
        {
          g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID,
                       _("Unknown region “%s”"), ids[i]);
          return FALSE;
        }
      g_ptr_array_add (*out, (gpointer) region);
    }
  return TRUE;
}

static gboolean
resolve_elements (AtlasDataset *dataset, const char * const *ids, GPtrArray **out, GError **error)
{
  *out = NULL;
  if (ids == NULL)
    return TRUE;
  *out = g_ptr_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const AtlasElement *element = atlas_dataset_find_element (dataset, ids[i]);

      if (element == NULL)
        {
          g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID,
                       _("Unknown element “%s”"), ids[i]);
          return FALSE;
        }
      g_ptr_array_add (*out, (gpointer) element);
    }
  return TRUE;
}

static gboolean
resolve_filter (AtlasDataset            *dataset,
                const AtlasChartOptions *options,
                TimelineFilter          *filter,
                GError                 **error)
{
  if (!resolve_kinds (options->kinds, filter->kinds, error) ||
      !resolve_regions (dataset, options->regions, &filter->regions, error) ||
      !resolve_elements (dataset, options->elements, &filter->elements, error))
    return FALSE;

  filter->has_from = atlas_date_is_set (&options->from);
  filter->has_to = atlas_date_is_set (&options->to);
  filter->from_day = filter->has_from ? options->from.day : G_MININT32;
  filter->to_day = filter->has_to ? date_period_end (&options->to) : G_MAXINT32;
  if (filter->from_day > filter->to_day)
    {
      g_autofree char *from = atlas_date_to_string (&options->from);
      g_autofree char *to = atlas_date_to_string (&options->to);

      g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_BAD_OPTION,
                   _("The range starts (%s) after it ends (%s)"), from, to);
      return FALSE;
    }
  return TRUE;
}

/* Within one filter any listed value matches; the filters combine. */
static gboolean
names_any (GPtrArray *named, GPtrArray *wanted)
{
  if (wanted == NULL)
    return TRUE;
  for (guint i = 0; named != NULL && i < named->len; i++)
    if (g_ptr_array_find (wanted, g_ptr_array_index (named, i), NULL))
      return TRUE;
  return FALSE;
}

static gboolean
event_matches (const AtlasEvent *event, const TimelineFilter *filter)
{
  return filter->kinds[event->kind] &&
         event->date.day >= filter->from_day && event->date.day <= filter->to_day &&
         names_any (event->regions, filter->regions) &&
         names_any (event->elements, filter->elements);
}

/* The matching events, by date (the dataset keeps them sorted). */
static GPtrArray *
filter_events (AtlasDataset *dataset, const TimelineFilter *filter)
{
  GPtrArray *events = atlas_dataset_get_events (dataset);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < events->len; i++)
    if (event_matches (g_ptr_array_index (events, i), filter))
      g_ptr_array_add (out, g_ptr_array_index (events, i));
  return out;
}

static int
event_index (AtlasDataset *dataset, const AtlasEvent *event)
{
  guint index;

  if (!g_ptr_array_find (atlas_dataset_get_events (dataset), event, &index))
    return -1;
  return (int) index;
}

/* ---- frame ------------------------------------------------------------- */

static void
year_span (GPtrArray *events, const TimelineFilter *filter, int *first, int *last)
{
  const AtlasEvent *a = g_ptr_array_index (events, 0);
  const AtlasEvent *b = g_ptr_array_index (events, events->len - 1);

  *first = a->date.year;
  *last = b->date.year;
  if (filter->has_from)
    atlas_civil_from_days (filter->from_day, first, NULL, NULL);
  if (filter->has_to)
    atlas_civil_from_days (filter->to_day, last, NULL, NULL);
}

static char *
timeline_title (GPtrArray *events, const TimelineFilter *filter)
{
  int first, last;

  if (events->len == 0)
    return g_strdup (_("Events"));
  year_span (events, filter, &first, &last);
  if (first == last)
    /* TRANSLATORS: title of the timeline; %d is a year */
    return g_strdup_printf (_("Events, %d"), first);
  /* TRANSLATORS: title of the timeline; %d–%d is a span of years */
  return g_strdup_printf (_("Events, %d–%d"), first, last);
}

static char *
join_region_names (GPtrArray *regions, const char *lang)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (regions, i);
      g_string_append_printf (out, "%s%s", i > 0 ? atlas_punct_names_separator () : "",
                              atlas_text_get (region->name, lang));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_element_names (GPtrArray *elements, const char *lang)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; elements != NULL && i < elements->len; i++)
    {
      const AtlasElement *element = g_ptr_array_index (elements, i);
      g_string_append_printf (out, "%s%s", i > 0 ? atlas_punct_names_separator () : "",
                              atlas_text_get (element->name, lang));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A static export must say what was left out: "Filtered to kinds: Policy;
 * regions: China." NULL when nothing is filtered but the range. */
static char *
describe_filter (const TimelineFilter *filter, const char *lang)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  gboolean all_kinds = TRUE;

  for (guint k = 0; k < ATLAS_EVENT_N_KINDS; k++)
    all_kinds &= filter->kinds[k];
  if (!all_kinds)
    {
      g_autoptr(GString) kinds = g_string_new (NULL);

      for (guint k = 0; k < ATLAS_EVENT_N_KINDS; k++)
        if (filter->kinds[k])
          g_string_append_printf (kinds, "%s%s", kinds->len > 0 ? atlas_punct_names_separator () : "",
                                  atlas_event_kind_label (k));
      /* TRANSLATORS: part of "Filtered to kinds: Policy, Market." */
      g_ptr_array_add (parts, g_strdup_printf (_("kinds: %s"), kinds->str));
    }
  if (filter->regions != NULL)
    {
      g_autofree char *names = join_region_names (filter->regions, lang);
      g_ptr_array_add (parts, g_strdup_printf (_("regions: %s"), names));
    }
  if (filter->elements != NULL)
    {
      g_autofree char *names = join_element_names (filter->elements, lang);
      g_ptr_array_add (parts, g_strdup_printf (_("elements: %s"), names));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (atlas_punct_list_separator (), (char **) parts->pdata);
  /* TRANSLATORS: %s lists the filters, "kinds: Policy; regions: China" */
  return g_strdup_printf (_("Filtered to %s."), joined);
}

static void
layout_frame (AtlasScene *scene, const AtlasChartOptions *options, GPtrArray *events,
              const TimelineFilter *filter)
{
  g_autofree char *title = timeline_title (events, filter);
  g_autofree char *note = describe_filter (filter, scene->style->lang);
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  AtlasFrameSpec spec = { 0 };

  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (events, i);
      atlas_frame_add_cite (sources, scene->dataset, (const char * const *) event->cite);
    }
  spec.title = title;
  spec.subtitle = options->subtitle;
  spec.headline = options->title;
  spec.sources = sources;
  spec.footer_note = note;
  atlas_chart_frame_layout (scene, &spec);
}

/* ---- the time axis ----------------------------------------------------- */

static double
day_to_x (const TimelineGeometry *g, double day)
{
  if (g->day1 <= g->day0)
    return (g->axis_x0 + g->axis_x1) / 2;
  return g->axis_x0 + (day - g->day0) / (g->day1 - g->day0) * (g->axis_x1 - g->axis_x0);
}

typedef struct {
  const AtlasScene *scene;
  double            size;
} TickMeasure;

static double
measure_tick_label (const char *text, gpointer user_data)
{
  const TickMeasure *measure = user_data;
  double w;

  atlas_scene_measure_text (measure->scene, text, measure->size, FALSE, 0, &w, NULL);
  return w;
}

/* Ticks from the shared time axis (the price chart's too), spaced widely
 * enough to read as a calendar: months for a half year, years or every
 * other year for two decades. */
static void
add_time_axis (AtlasScene *scene, const TimelineGeometry *g)
{
  TickMeasure measure = { scene, g->small_size };
  double left = scene->plot.x, right = scene->plot.x + scene->plot.width;
  g_autoptr(AtlasTimeAxis) axis = atlas_time_axis_new (g->day0, g->day1, g->axis_x0, g->axis_x1,
                                                       left, right, g->small_size * 1.2,
                                                       g->small_size * 10,
                                                       measure_tick_label, &measure);
  double tick_length = g->small_size * 0.4, line = g->hairline;
  AtlasRect baseline = { g->lanes_x, g->lanes_bottom, right - g->lanes_x, line };

  atlas_scene_add_rect (scene, &baseline, &scene->style->muted, NULL);
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const AtlasTimeTick *tick = &g_array_index (axis->ticks, AtlasTimeTick, i);
      AtlasRect grid = { tick->x - line / 2, g->lanes_top, line, g->lanes_bottom - g->lanes_top };
      AtlasRect mark = { tick->x - line / 2, g->lanes_bottom, line, tick_length };

      atlas_scene_add_rect (scene, &grid, &scene->style->grid, NULL);
      atlas_scene_add_rect (scene, &mark, &scene->style->muted, NULL);
      if (tick->label != NULL)
        atlas_scene_add_text (scene, tick->label, tick->label_x, g->lanes_bottom + tick_length + line,
                              g->small_size, FALSE, ATLAS_ALIGN_START, &scene->style->muted, NULL)->role = ATLAS_ROLE_AXIS;
    }
}

/* ---- geometry ---------------------------------------------------------- */

static double
text_height (const AtlasScene *scene, const char *text, double size, gboolean bold)
{
  double h;

  atlas_scene_measure_text (scene, text, size, bold, 0, NULL, &h);
  return h;
}

static double
text_width (const AtlasScene *scene, const char *text, double size, gboolean bold)
{
  double w;

  atlas_scene_measure_text (scene, text, size, bold, 0, &w, NULL);
  return w;
}

static void
lane_color (const AtlasScene *scene, AtlasEventKind kind, AtlasColor *out)
{
  atlas_style_palette_color (scene->style, (guint) kind, out);
}

/* The range the axis spans: what the options say, else the events' dates
 * with a little room so the first and last markers are not on the edge. */
static void
compute_range (GPtrArray *events, const TimelineFilter *filter, double *day0, double *day1)
{
  const AtlasEvent *first = g_ptr_array_index (events, 0);
  const AtlasEvent *last = g_ptr_array_index (events, events->len - 1);
  double pad;

  *day0 = filter->has_from ? filter->from_day : first->date.day;
  *day1 = filter->has_to ? filter->to_day + 1 : last->date.day;
  pad = MAX ((*day1 - *day0) * 0.03, 20);
  if (!filter->has_from)
    *day0 -= pad;
  if (!filter->has_to)
    *day1 += pad;
}

/* More rows than this only spread a lane's labels thinly. */
#define MAX_LANE_ROWS 9

static double
lane_weight (guint n_events)
{
  return 1.0 + sqrt ((double) n_events);
}

static void
compute_geometry (AtlasScene *scene, GPtrArray *events, const TimelineFilter *filter,
                  TimelineGeometry *g)
{
  const AtlasRect *plot = &scene->plot;
  gboolean present[ATLAS_EVENT_N_KINDS] = { FALSE };
  guint counts[ATLAS_EVENT_N_KINDS] = { 0 };
  double names_width = 0, axis_height, total_weight = 0, top;

  g->small_size = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  g->label_size = atlas_scene_font_size (scene, ATLAS_FONT_LABEL);
  /* Measured with a Han character too: Chinese titles come from a
   * fallback font whose lines are taller. */
  g->line = MAX (text_height (scene, "Ag", g->small_size, FALSE),
                 text_height (scene, "中", g->small_size, FALSE));
  g->radius = g->small_size * 0.42;
  g->hairline = MAX (1.0, g->small_size / 12.0);
  g->row_height = MAX (g->line, 2 * g->radius) + g->small_size * 0.3;

  for (guint i = 0; i < events->len; i++)
    present[((const AtlasEvent *) g_ptr_array_index (events, i))->kind] = TRUE;
  g->lanes = g_array_new (FALSE, TRUE, sizeof (TimelineLane));
  for (guint k = 0; k < ATLAS_EVENT_N_KINDS; k++)
    if (present[k])
      {
        g_array_append_val (g->lanes, ((TimelineLane) { k, 0, 0, 0 }));
        names_width = MAX (names_width, text_width (scene, atlas_event_kind_label (k), g->label_size, TRUE));
      }

  g->lanes_x = plot->x + g->radius * 3 + names_width + g->label_size;
  g->lanes_x = MIN (g->lanes_x, plot->x + plot->width * 0.3);
  /* Tick marks, the baseline, and a line of tick labels (which a
   * translation may write in Han characters). */
  axis_height = g->small_size * 0.4 + g->hairline + g->line;
  g->lanes_top = plot->y;
  g->lanes_bottom = plot->y + plot->height - axis_height;
  g->axis_x0 = g->lanes_x + g->radius + 2;
  g->axis_x1 = plot->x + plot->width - g->radius - 2;
  compute_range (events, filter, &g->day0, &g->day1);

  /* Busy lanes get more height, but a quiet one keeps room for its
   * labels; rows are capped so a tall lane does not scatter its labels. */
  for (guint i = 0; i < events->len; i++)
    counts[((const AtlasEvent *) g_ptr_array_index (events, i))->kind]++;
  for (guint i = 0; i < g->lanes->len; i++)
    total_weight += lane_weight (counts[g_array_index (g->lanes, TimelineLane, i).kind]);
  top = g->lanes_top;
  for (guint i = 0; i < g->lanes->len; i++)
    {
      TimelineLane *lane = &g_array_index (g->lanes, TimelineLane, i);
      double height = (g->lanes_bottom - g->lanes_top) * lane_weight (counts[lane->kind]) / total_weight;
      double pad = MIN (g->small_size * 0.3, height * 0.1);

      lane->top = top;
      lane->height = height;
      lane->n_rows = (guint) CLAMP (floor ((height - 2 * pad) / g->row_height), 1, MAX_LANE_ROWS);
      top += height;
    }
}

static void
timeline_geometry_clear (TimelineGeometry *g)
{
  g_clear_pointer (&g->lanes, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TimelineGeometry, timeline_geometry_clear)

static guint
lane_of_kind (const TimelineGeometry *g, AtlasEventKind kind)
{
  for (guint i = 0; i < g->lanes->len; i++)
    if (g_array_index (g->lanes, TimelineLane, i).kind == kind)
      return i;
  g_assert_not_reached ();
}

/* Rows are centred in the lane, so a lane with few rows looks balanced. */
static double
row_centre (const TimelineGeometry *g, const TimelineLane *lane, guint row)
{
  double used = lane->n_rows * g->row_height;

  if (used > lane->height)
    return lane->top + lane->height / 2;
  return lane->top + (lane->height - used) / 2 + (row + 0.5) * g->row_height;
}

/* ---- lanes and markers ------------------------------------------------- */

static cairo_path_t *
circle_path (cairo_t *cr, double cx, double cy, double r)
{
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_close_path (cr);
  return cairo_copy_path (cr);
}

static void
add_lanes (AtlasScene *scene, cairo_t *cr, const TimelineGeometry *g)
{
  double right = scene->plot.x + scene->plot.width;

  for (guint i = 0; i < g->lanes->len; i++)
    {
      const TimelineLane *lane = &g_array_index (g->lanes, TimelineLane, i);
      const char *name = atlas_event_kind_label (lane->kind);
      g_autofree char *fitted = NULL;
      AtlasColor color, band = scene->style->grid;
      double r = g->radius, h;
      AtlasShape dot = { 0 };

      /* Every other lane on a faint band, so a label is read in its lane. */
      if (i % 2 == 0)
        {
          AtlasRect rect = { scene->plot.x, lane->top, right - scene->plot.x, lane->height };
          band.alpha = scene->style->dark ? 0.25 : 0.3;
          atlas_scene_add_rect (scene, &rect, &band, NULL);
        }

      lane_color (scene, lane->kind, &color);
      h = text_height (scene, name, g->label_size, TRUE);
      if (h > lane->height)
        continue;
      fitted = atlas_scene_ellipsize (scene, name, g->label_size, TRUE,
                                      g->lanes_x - scene->plot.x - 3 * r - g->small_size * 0.5);
      if (fitted == NULL)
        continue;
      /* The lane's marker, as a key to its colour. */
      dot.kind = ATLAS_SHAPE_PATH;
      dot.bounds = (AtlasRect) { scene->plot.x + r * 0.5, lane->top + lane->height / 2 - r, 2 * r, 2 * r };
      dot.has_fill = TRUE;
      dot.fill = color;
      dot.path = circle_path (cr, scene->plot.x + r * 1.5, lane->top + lane->height / 2, r);
      atlas_scene_add_shape (scene, &dot);
      atlas_scene_add_text (scene, fitted, scene->plot.x + 3 * r, lane->top + (lane->height - h) / 2,
                            g->label_size, TRUE, ATLAS_ALIGN_START, &scene->style->foreground, NULL)->role = ATLAS_ROLE_HEADER;
    }
}

/* Rows fill from the middle of the lane outwards (middle, below, above,
 * ...), so a quiet lane has its markers on its centre line. */
static guint
row_by_rank (guint n_rows, guint rank)
{
  guint middle = (n_rows - 1) / 2;

  if (rank % 2 == 1)
    return middle + (rank + 1) / 2;
  return middle - rank / 2;
}

/* Markers of one lane that would overlap go to the next free row; when
 * every row is taken, to the row where the nearest neighbour is farthest
 * away.  Markers come in date order, so a row's nearest neighbour is the
 * last one placed in it (@last_x, by row; NAN: none): one look per row
 * rather than a scan of every marker, which made many events quadratic. */
static guint
choose_marker_row (const TimelineGeometry *g, const double *last_x, guint n_rows, double x)
{
  double min_distance = 2 * g->radius + 2;
  guint best_row = row_by_rank (n_rows, 0);
  double best_clearance = -1;

  for (guint rank = 0; rank < n_rows; rank++)
    {
      guint row = row_by_rank (n_rows, rank);
      double clearance = G_MAXDOUBLE;

      if (row >= n_rows)
        continue;
      atlas_scene_count_comparisons (1);
      if (!isnan (last_x[row]))
        clearance = fabs (last_x[row] - x);
      if (clearance >= min_distance)
        return row;
      if (clearance > best_clearance)
        {
          best_clearance = clearance;
          best_row = row;
        }
    }
  return best_row;
}

static GArray *
place_markers (AtlasScene *scene, const TimelineGeometry *g, GPtrArray *events)
{
  GArray *markers = g_array_new (FALSE, TRUE, sizeof (TimelineMarker));
  GPtrArray *all = atlas_dataset_get_events (scene->dataset);
  g_autoptr(GPtrArray) last_x = g_ptr_array_new_with_free_func (g_free);
  guint cursor = 0;

  for (guint i = 0; i < g->lanes->len; i++)
    {
      const TimelineLane *lane = &g_array_index (g->lanes, TimelineLane, i);
      double *rows = g_new (double, MAX (lane->n_rows, 1));

      for (guint r = 0; r < MAX (lane->n_rows, 1); r++)
        rows[r] = NAN;
      g_ptr_array_add (last_x, rows);
    }
  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (events, i);
      TimelineMarker marker = { event, -1, 0, 0, 0, 0 };
      const TimelineLane *lane;
      double *rows;

      /* The filtered events keep the dataset's order: its index is found
       * by walking on from the previous one, not by searching anew. */
      while (cursor < all->len && g_ptr_array_index (all, cursor) != event)
        cursor++;
      marker.index = cursor < all->len ? (int) cursor : event_index (scene->dataset, event);
      marker.lane = lane_of_kind (g, event->kind);
      lane = &g_array_index (g->lanes, TimelineLane, marker.lane);
      rows = g_ptr_array_index (last_x, marker.lane);
      marker.x = day_to_x (g, event->date.day);
      marker.row = choose_marker_row (g, rows, lane->n_rows, marker.x);
      marker.y = row_centre (g, lane, marker.row);
      if (marker.row < lane->n_rows)
        rows[marker.row] = marker.x;
      g_array_append_val (markers, marker);
    }
  return markers;
}

static AtlasRect
marker_box (const TimelineGeometry *g, const TimelineMarker *m)
{
  return (AtlasRect) { m->x - g->radius, m->y - g->radius, 2 * g->radius, 2 * g->radius };
}

static void
add_marker (AtlasScene *scene, cairo_t *cr, const TimelineGeometry *g, const TimelineMarker *m)
{
  AtlasShape shape = { 0 };

  shape.kind = ATLAS_SHAPE_PATH;
  shape.item = (AtlasItem) { ATLAS_ITEM_EVENT, m->event->id, m->index };
  shape.hit = TRUE;
  shape.bounds = marker_box (g, m);
  shape.has_fill = TRUE;
  lane_color (scene, m->event->kind, &shape.fill);
  /* A ring in the background colour keeps neighbouring markers apart. */
  shape.has_stroke = TRUE;
  shape.stroke = scene->background;
  shape.line_width = g->hairline;
  shape.path = circle_path (cr, m->x, m->y, g->radius);
  atlas_scene_add_shape (scene, &shape);
}

/* ---- labels ------------------------------------------------------------ */

static char *
event_label (const AtlasEvent *event, const char *lang)
{
  g_autofree char *date = atlas_date_to_string (&event->date);

  return g_strdup_printf ("%s  %s", date, atlas_text_get (event->title, lang));
}

/* Where a label may go: its box and the leader that ties it to its
 * marker (none when it sits right beside the marker). */
typedef struct {
  double    cost;               /* distance from the marker, in pixels */
  AtlasRect box;
  guint     n_leader;           /* rects the leader occupies: 0, 1 or 2 */
  AtlasRect leader[2];          /* vertical, then horizontal */
  guint     n_points;           /* the leader as a polyline: 0, 2 or 3 points */
  double    points[3][2];
} LabelSpot;

static AtlasRect
span_rect (double x0, double y0, double x1, double y1, double thickness)
{
  if (x0 == x1)
    return (AtlasRect) { x0 - thickness / 2, MIN (y0, y1), thickness, fabs (y1 - y0) };
  return (AtlasRect) { MIN (x0, x1), y0 - thickness / 2, fabs (x1 - x0), thickness };
}

/* One candidate: the label on @row, on @side of the marker (+1 right, -1
 * left), pushed @slide pixels further away. Beside the marker on its own
 * row it needs no leader; elsewhere a leader runs down (or up) from the
 * marker to the row and along it to the label. */
static void
spot_add_point (LabelSpot *spot, double x, double y)
{
  spot->points[spot->n_points][0] = x;
  spot->points[spot->n_points][1] = y;
  spot->n_points++;
}

static LabelSpot
make_spot (const TimelineGeometry *g, const TimelineMarker *m, const TimelineLane *lane,
           guint row, int side, double slide, double w, double h, double line_h, gboolean upwards)
{
  double gap = g->radius + g->small_size * 0.3, flag = g->small_size * 0.35;
  double cy = row_centre (g, lane, row);
  gboolean own_row = row == m->row;
  double near = m->x + side * ((own_row ? gap : flag) + slide);
  double end_x = near - side * flag * 0.5;
  LabelSpot spot = { 0 };

  spot.cost = slide + fabs ((double) row - (double) m->row) * g->row_height * 1.5;
  /* One line on the row, and a second one, if any, below it or (@upwards)
   * above: better away from the lane's middle row, where most markers
   * sit and their neighbours' labels are wanted. */
  spot.box = (AtlasRect) { side > 0 ? near : near - w, upwards ? cy + line_h / 2 - h : cy - line_h / 2, w, h };
  if (h > line_h && upwards != (row < (lane->n_rows - 1) / 2))
    spot.cost += 0.5;
  if (!own_row)
    {
      /* Half a pixel off the marker, so the marker's own box (reserved
       * in the placer) does not refuse its leader. */
      double from = cy > m->y ? m->y + g->radius + 0.5 : m->y - g->radius - 0.5;

      spot.leader[spot.n_leader++] = span_rect (m->x, from, m->x, cy, g->hairline * 1.5);
      spot_add_point (&spot, m->x, from);
      spot_add_point (&spot, m->x, cy);
    }
  if (slide > 0)
    {
      double from = own_row ? m->x + side * (g->radius + 0.5) : m->x;

      spot.leader[spot.n_leader++] = span_rect (from, cy, end_x, cy, g->hairline * 1.5);
      if (spot.n_points == 0)
        spot_add_point (&spot, from, cy);
      spot_add_point (&spot, end_x, cy);
    }
  return spot;
}

static gboolean
spot_is_free (const AtlasLabelPlacer *placer, const LabelSpot *spot)
{
  if (!atlas_label_placer_is_free (placer, &spot->box))
    return FALSE;
  for (guint i = 0; i < spot->n_leader; i++)
    if (!atlas_label_placer_is_free (placer, &spot->leader[i]))
      return FALSE;
  return TRUE;
}

/* The spots of one row, side and way up, slide after slide. */
typedef struct {
  guint     row;
  int       side;
  guint     upwards;
  guint     index;      /* where its next spot stands among all of them; see find_label_spot() */
  double    slide;
  LabelSpot spot;       /* the spot at @slide */
} SpotStream;

/* Whether @a's next spot comes before @b's: cheaper, or as cheap and made
 * first. */
static gboolean
stream_before (const SpotStream *a, const SpotStream *b)
{
  return a->spot.cost < b->spot.cost || (a->spot.cost == b->spot.cost && a->index < b->index);
}

/* A binary heap of streams, the one whose next spot comes first on top. */
static void
stream_heap_sift_down (SpotStream **heap, guint n, guint i)
{
  for (;;)
    {
      guint first = i, left = 2 * i + 1, right = left + 1;
      SpotStream *swap;

      if (left < n && stream_before (heap[left], heap[first]))
        first = left;
      if (right < n && stream_before (heap[right], heap[first]))
        first = right;
      if (first == i)
        return;
      swap = heap[i];
      heap[i] = heap[first];
      heap[first] = swap;
      i = first;
    }
}

/* The free spot nearest the marker for a label @w wide and @h high whose
 * first line is @line_h high: beside it on its own row, then on the rows
 * around it, then pushed sideways up to @max_slide. */
static gboolean
find_label_spot (const AtlasLabelPlacer *placer, const TimelineGeometry *g,
                 const TimelineMarker *m, double w, double h, double line_h, double max_slide,
                 LabelSpot *out)
{
  const TimelineLane *lane = &g_array_index (g->lanes, TimelineLane, m->lane);
  double step = g->small_size * 1.5;
  guint n_up = h > line_h ? 2 : 1, n_streams = lane->n_rows * 2 * n_up, n_slides = 0, n = 0;
  g_autofree SpotStream *streams = g_new (SpotStream, n_streams);
  g_autofree SpotStream **heap = g_new (SpotStream *, n_streams);

  /* Counted as the slides are taken below, so that both agree. */
  for (double slide = 0; slide <= max_slide; slide += step)
    n_slides++;
  if (max_slide < 0)
    return FALSE;

  /* The spots are tried nearest first, in the order a stable sort of all
   * of them by cost would give (a selected label may have a thousand):
   * along each row, side and way up the cost grows with the slide, so
   * the next spot is the cheapest of these runs' first untried ones, and
   * of equal ones the one made first.  Making and sorting them all took a
   * fifth of a zoom step, where most labels take one of the first few;
   * the runs are kept in a heap, as a long search looks at each of its
   * hundred spots' forty-odd rivals otherwise. */
  for (guint row = 0, i = 0; row < lane->n_rows; row++)
    for (int side = 1; side >= -1; side -= 2)
      for (guint upwards = 0; upwards < n_up; upwards++, i++)
        {
          SpotStream *stream = &streams[i];

          stream->row = row;
          stream->side = side;
          stream->upwards = upwards;
          stream->slide = 0;
          /* Where its spots stood in the list of all of them, made row by
           * row, side by side, slide by slide, then way up. */
          stream->index = (row * 2 + (side > 0 ? 0 : 1)) * n_slides * n_up + upwards;
          stream->spot = make_spot (g, m, lane, row, side, 0, w, h, line_h, upwards);
          heap[n++] = stream;
        }
  for (guint i = n / 2; i-- > 0;)
    stream_heap_sift_down (heap, n, i);
  while (n > 0)
    {
      SpotStream *best = heap[0];

      if (spot_is_free (placer, &best->spot))
        {
          *out = best->spot;
          return TRUE;
        }
      best->index += n_up;
      best->slide += step;
      if (best->slide <= max_slide)
        best->spot = make_spot (g, m, lane, best->row, best->side, best->slide, w, h, line_h, best->upwards);
      else
        heap[0] = heap[--n];
      stream_heap_sift_down (heap, n, 0);
    }
  return FALSE;
}

static void
add_leader (AtlasScene *scene, cairo_t *cr, const TimelineGeometry *g, const TimelineMarker *m,
            const LabelSpot *spot)
{
  AtlasShape shape = { 0 };
  AtlasRect bounds = spot->leader[0];

  for (guint i = 1; i < spot->n_leader; i++)
    {
      double x1 = MAX (bounds.x + bounds.width, spot->leader[i].x + spot->leader[i].width);
      double y1 = MAX (bounds.y + bounds.height, spot->leader[i].y + spot->leader[i].height);

      bounds.x = MIN (bounds.x, spot->leader[i].x);
      bounds.y = MIN (bounds.y, spot->leader[i].y);
      bounds.width = x1 - bounds.x;
      bounds.height = y1 - bounds.y;
    }

  cairo_new_path (cr);
  cairo_move_to (cr, spot->points[0][0], spot->points[0][1]);
  for (guint i = 1; i < spot->n_points; i++)
    cairo_line_to (cr, spot->points[i][0], spot->points[i][1]);

  shape.kind = ATLAS_SHAPE_PATH;
  shape.item = (AtlasItem) { ATLAS_ITEM_EVENT, m->event->id, m->index };
  shape.hit = FALSE;
  shape.bounds = bounds;
  shape.has_stroke = TRUE;
  lane_color (scene, m->event->kind, &shape.stroke);
  shape.line_width = g->hairline;
  shape.path = cairo_copy_path (cr);
  atlas_scene_add_shape (scene, &shape);
}

/* A label decided on but not yet drawn: where it goes and what it says.
 * @wrap is 0 for one line, else the width its two lines are broken at. */
typedef struct {
  const TimelineMarker *marker;
  LabelSpot             spot;
  char                 *text;
  double                wrap;
  gboolean              shortened;
} LabelPlan;

static void
label_plan_clear (gpointer data)
{
  g_free (((LabelPlan *) data)->text);
}

static void
reserve_spot (AtlasLabelPlacer *placer, const LabelSpot *spot)
{
  atlas_label_placer_reserve (placer, &spot->box);
  for (guint i = 0; i < spot->n_leader; i++)
    atlas_label_placer_reserve (placer, &spot->leader[i]);
}

static void
release_spot (AtlasLabelPlacer *placer, const LabelSpot *spot)
{
  atlas_label_placer_release (placer, &spot->box);
  for (guint i = 0; i < spot->n_leader; i++)
    atlas_label_placer_release (placer, &spot->leader[i]);
}

/* Room for the whole label in @lines lines: broken near its middle it is
 * about half as wide, and a crowded stretch of the lane often has room for
 * that where one long line has none.  FALSE when it would take more lines
 * or finds no room. */
static gboolean
find_whole_spot (AtlasScene *scene, const AtlasLabelPlacer *placer, const TimelineGeometry *g,
                 const TimelineMarker *m, const char *full, double max_slide, guint lines,
                 double *wrap_out, LabelSpot *out)
{
  double lanes_width = g->axis_x1 - g->lanes_x;
  double full_width, line_h, wrap, w, h;

  atlas_scene_measure_text (scene, full, g->small_size, FALSE, 0, &full_width, &line_h);
  /* A little over a line's share, so that breaks fall at words. */
  wrap = MIN (full_width * 1.1 / lines + g->small_size * 2, lanes_width * 0.7);
  atlas_scene_measure_text (scene, full, g->small_size, FALSE, wrap, &w, &h);
  if (h > line_h * (lines + 0.5) || !find_label_spot (placer, g, m, w, h, line_h, max_slide, out))
    return FALSE;
  *wrap_out = w + 1;
  return TRUE;
}

static double
label_max_slide (const TimelineGeometry *g, gboolean selected)
{
  double lanes_width = g->axis_x1 - g->lanes_x;

  return selected ? lanes_width : lanes_width * 0.12;
}

/* Decides the whole label, else the longest shortened one that fits
 * anywhere near the marker, on either side, and reserves its room; FALSE
 * when even a useful part of it does not fit (the marker still answers
 * the pointer).
 * Taking the longest that fits, rather than the first of a few fixed
 * lengths, is what sends a label near the right edge to the left of its
 * marker when there is more room there: cut to a fixed length it found a
 * place on the right first and read "China adds fiv…".  The selected
 * event's label may travel the whole lane to find room.  Room is looked
 * for with a box of the width allowed before the text is shortened to it,
 * since shortening takes many Pango layouts and most tries find no room. */
static gboolean
plan_label (AtlasScene *scene, AtlasLabelPlacer *placer, const TimelineGeometry *g,
            const TimelineMarker *m, gboolean selected, LabelPlan *plan)
{
  g_autofree char *full = event_label (m->event, scene->style->lang);
  g_autofree char *date = atlas_date_to_string (&m->event->date);
  g_autofree char *date_prefix = g_strconcat (date, "  ", NULL);
  g_autofree char *text = NULL;
  double date_width, full_width, h, w, shortest, longest;
  double lanes_width = g->axis_x1 - g->lanes_x;
  double max_slide = label_max_slide (g, selected);
  LabelSpot spot;

  atlas_scene_measure_text (scene, date_prefix, g->small_size, FALSE, 0, &date_width, NULL);
  atlas_scene_measure_text (scene, full, g->small_size, FALSE, 0, &full_width, &h);
  /* Whole titles where a lane is quiet, but no label longer than most of
   * the lane.  A date and a word or two say nothing the marker does not:
   * keep some eight ems of the title (about sixteen letters, eight Han
   * characters), or all of a shorter one. */
  longest = MIN (full_width, lanes_width * 0.7);
  shortest = date_width + MIN (g->small_size * 8, full_width - date_width);
  if (longest < shortest)
    return FALSE;
  if (!find_label_spot (placer, g, m, longest, h, h, max_slide, &spot))
    {
      /* A box that fits at one width fits at any smaller one in the same
       * place, so the longest width with room is found by bisection, to
       * within a fraction of a letter. */
      double fits = 0, fails = longest;
      LabelSpot candidate;

      if (!find_label_spot (placer, g, m, shortest, h, h, max_slide, &spot))
        return FALSE;
      fits = shortest;
      while (fails - fits > g->small_size * 0.25)
        {
          double mid = (fits + fails) / 2;

          if (find_label_spot (placer, g, m, mid, h, h, max_slide, &candidate))
            fits = mid, spot = candidate;
          else
            fails = mid;
        }
      longest = fits;
    }

  text = longest < full_width ? atlas_scene_ellipsize (scene, full, g->small_size, FALSE, longest)
                              : g_strdup (full);
  if (text == NULL)
    return FALSE;
  atlas_scene_measure_text (scene, text, g->small_size, FALSE, 0, &w, NULL);
  /* The shorter text keeps the end that faces the marker. */
  if (spot.box.x + spot.box.width <= m->x)
    spot.box.x += spot.box.width - w;
  spot.box.width = MIN (w, spot.box.width);

  reserve_spot (placer, &spot);
  *plan = (LabelPlan) { m, spot, g_steal_pointer (&text), 0, longest < full_width };
  return TRUE;
}

/* A shortened label moves to a spot where it is whole in two lines, if
 * there is one now that every label has its place: done before, a label
 * broken in two would take the room of later ones. */
static void
try_whole_in_two_lines (AtlasScene *scene, AtlasLabelPlacer *placer, const TimelineGeometry *g,
                        gboolean selected, LabelPlan *plan)
{
  g_autofree char *full = event_label (plan->marker->event, scene->style->lang);
  LabelSpot spot;
  double wrap;
  /* What the figure is about is never shortened: it may take four lines. */
  guint most = selected ? 4 : 2, lines = 2;

  release_spot (placer, &plan->spot);
  while (lines <= most &&
         !find_whole_spot (scene, placer, g, plan->marker, full, label_max_slide (g, selected), lines, &wrap, &spot))
    lines++;
  if (lines > most)
    {
      reserve_spot (placer, &plan->spot);
      return;
    }
  reserve_spot (placer, &spot);
  g_free (plan->text);
  *plan = (LabelPlan) { plan->marker, spot, g_steal_pointer (&full), wrap, FALSE };
}

static void
draw_label (AtlasScene *scene, cairo_t *cr, const TimelineGeometry *g, const LabelPlan *plan)
{
  const TimelineMarker *m = plan->marker;
  AtlasItem item = { ATLAS_ITEM_EVENT, m->event->id, m->index };
  AtlasShape *shape;

  if (plan->spot.n_leader > 0)
    add_leader (scene, cr, g, m, &plan->spot);
  if (plan->wrap == 0)
    {
      atlas_scene_add_text (scene, plan->text, plan->spot.box.x, plan->spot.box.y, g->small_size, FALSE,
                            ATLAS_ALIGN_START, &scene->style->foreground, &item);
      return;
    }
  shape = atlas_scene_add_wrapped_text (scene, plan->text, plan->spot.box.x, plan->spot.box.y, plan->wrap,
                                        g->small_size, FALSE, &scene->style->foreground);
  shape->item = item;
  shape->hit = TRUE;
}

/* The markers that have a label, as a set: asking the list for each of
 * thousands of markers would cost their square. */
static GHashTable *
planned_markers (GArray *plans)
{
  GHashTable *set = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < plans->len; i++)
    g_hash_table_add (set, (gpointer) g_array_index (plans, LabelPlan, i).marker);
  return set;
}

static int
compare_marker_x (gconstpointer a, gconstpointer b)
{
  const TimelineMarker *x = *(const TimelineMarker * const *) a, *y = *(const TimelineMarker * const *) b;

  return x->x < y->x ? -1 : x->x > y->x;
}

/* "+7" just above or below the middle of a run of unlabelled markers,
 * else as near it along the lane as there is room; FALSE when the lane
 * has none. */
static double
day_at_x (const TimelineGeometry *g, double x)
{
  return g->day0 + (x - g->axis_x0) / (g->axis_x1 - g->axis_x0) * (g->day1 - g->day0);
}

static gboolean
add_count (AtlasScene *scene, const TimelineGeometry *g, AtlasLabelPlacer *placer,
           const TimelineMarker *first, const TimelineMarker *last, guint n, GArray *clusters)
{
  g_autofree char *text = g_strdup_printf ("+%u", n);
  const TimelineLane *lane = &g_array_index (g->lanes, TimelineLane, first->lane);
  double w, h, cx = (first->x + last->x) / 2, gap = g->radius * 1.5;

  atlas_scene_measure_text (scene, text, g->small_size, TRUE, 0, &w, &h);
  for (guint step = 0; step < 400; step++)
    {
      /* 0, +1, -1, +2, -2 … widths along the lane; above, then below. */
      int k = (int) (step / 2);
      double dx = (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * w * 1.2;
      double y = step % 2 == 0 ? first->y - gap - h : first->y + gap;
      AtlasRect box = { cx + dx - w / 2, y, w, h };

      /* Further than a few ems, a count would seem to belong elsewhere. */
      if (fabs (dx) > g->small_size * 6)
        break;
      if (box.x < g->lanes_x || box.x + w > g->axis_x1 + g->small_size ||
          box.y < lane->top || box.y + h > lane->top + lane->height)
        continue;
      if (atlas_label_placer_try (placer, &box))
        {
          /* The count stands for several events, not the first of them:
           * it is no event's label, and a click opens it. */
          TimelineCluster cluster = { box, day_at_x (g, first->x), day_at_x (g, last->x), n };

          atlas_scene_add_text (scene, text, box.x, box.y, g->small_size, TRUE, ATLAS_ALIGN_START,
                                &scene->style->muted, NULL)->role = ATLAS_ROLE_NOTE;
          g_array_append_val (clusters, cluster);
          return TRUE;
        }
    }
  return FALSE;
}

/* Events that found no room for a label are counted where they crowd:
 * "+7" by each run of two or more of them in a lane (markers within three
 * ems of the next), so the reader knows they are there; hover names them,
 * zooming in gives them room. */
static void
count_unlabelled (AtlasScene *scene, const TimelineGeometry *g, GArray *markers, GArray *plans,
                  GPtrArray *placers, GArray *clusters)
{
  double reach = g->small_size * 3;
  g_autoptr(GHashTable) planned = planned_markers (plans);
  g_autoptr(GPtrArray) by_lane = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint lane = 0; lane < g->lanes->len; lane++)
    g_ptr_array_add (by_lane, g_ptr_array_new ());
  for (guint i = 0; i < markers->len; i++)
    {
      const TimelineMarker *m = &g_array_index (markers, TimelineMarker, i);

      if (m->lane < by_lane->len && !g_hash_table_contains (planned, m))
        g_ptr_array_add (g_ptr_array_index (by_lane, m->lane), (gpointer) m);
    }
  for (guint lane = 0; lane < g->lanes->len; lane++)
    {
      GPtrArray *quiet = g_ptr_array_index (by_lane, lane);
      guint start = 0;

      g_ptr_array_sort (quiet, compare_marker_x);
      for (guint i = 1; i <= quiet->len; i++)
        {
          const TimelineMarker *prev = g_ptr_array_index (quiet, i - 1);

          if (i < quiet->len && ((const TimelineMarker *) g_ptr_array_index (quiet, i))->x - prev->x <= reach)
            continue;
          /* A lone marker is its own count: it is seen, and hover names it. */
          if (i - start > 1)
            add_count (scene, g, g_ptr_array_index (placers, lane), g_ptr_array_index (quiet, start), prev,
                       i - start, clusters);
          start = i;
        }
    }
}

/* Each row's markers are reserved as runs: markers that overlap or touch
 * on a row make one box, which is exactly their union (a row's markers are
 * alike in height and come in date order).  A crowded day or decade is
 * then a few boxes, not thousands for every label to be checked against. */
static void
reserve_marker_boxes (const TimelineGeometry *g, GArray *markers, GPtrArray *placers)
{
  g_autoptr(GHashTable) runs = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  for (guint i = 0; i < markers->len; i++)
    {
      const TimelineMarker *m = &g_array_index (markers, TimelineMarker, i);
      gpointer key = GUINT_TO_POINTER ((m->lane << 16 | (m->row & 0xffff)) + 1);
      AtlasRect box = marker_box (g, m);
      AtlasRect *run = g_hash_table_lookup (runs, key);

      if (run != NULL && box.y == run->y && box.height == run->height &&
          box.x >= run->x && box.x <= run->x + run->width)
        {
          run->width = MAX (run->width, box.x + box.width - run->x);
          continue;
        }
      if (run != NULL)
        atlas_label_placer_reserve (g_ptr_array_index (placers, m->lane), run);
      g_hash_table_insert (runs, key, g_memdup2 (&box, sizeof box));
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, runs);
    while (g_hash_table_iter_next (&iter, &key, &value))
      atlas_label_placer_reserve (g_ptr_array_index (placers, (GPOINTER_TO_UINT (key) - 1) >> 16), value);
  }
}

/* The selected event is labelled first, so it always gets its label.
 * Each lane has its own placer: labels never leave their lane, and a
 * lane's few hundred boxes are quicker to search than the figure's. */
/* What the figure is about is labelled whole before anything else takes
 * room: in one line if there is room anywhere along the lane, else in two,
 * three or four. */
static gboolean
plan_whole_label (AtlasScene *scene, AtlasLabelPlacer *placer, const TimelineGeometry *g,
                  const TimelineMarker *m, LabelPlan *plan)
{
  g_autofree char *full = event_label (m->event, scene->style->lang);
  LabelSpot spot;
  double wrap;

  for (guint lines = 1; lines <= 4; lines++)
    if (find_whole_spot (scene, placer, g, m, full, label_max_slide (g, TRUE), lines, &wrap, &spot))
      {
        reserve_spot (placer, &spot);
        *plan = (LabelPlan) { m, spot, g_steal_pointer (&full), wrap, FALSE };
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_featured (const AtlasEvent *event, const AtlasEvent *selected, const char * const *focus)
{
  return event == selected || (focus != NULL && g_strv_contains (focus, event->id));
}

static void
place_labels (AtlasScene *scene, cairo_t *cr, const TimelineGeometry *g, GArray *markers,
              const AtlasEvent *selected, const char * const *focus, GArray *clusters)
{
  g_autoptr(GPtrArray) placers = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_label_placer_free);
  g_autoptr(GArray) plans = g_array_new (FALSE, FALSE, sizeof (LabelPlan));
  double right = scene->plot.x + scene->plot.width;

  g_array_set_clear_func (plans, label_plan_clear);
  for (guint i = 0; i < g->lanes->len; i++)
    {
      const TimelineLane *lane = &g_array_index (g->lanes, TimelineLane, i);
      AtlasRect bounds = { g->lanes_x, lane->top, right - g->lanes_x, lane->height };

      g_ptr_array_add (placers, atlas_label_placer_new (&bounds));
    }
  reserve_marker_boxes (g, markers, placers);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < markers->len; i++)
      {
        const TimelineMarker *m = &g_array_index (markers, TimelineMarker, i);
        LabelPlan plan;

        gboolean featured = is_featured (m->event, selected, focus);
        AtlasLabelPlacer *placer = g_ptr_array_index (placers, m->lane);

        if (featured != (pass == 0))
          continue;
        if ((featured && plan_whole_label (scene, placer, g, m, &plan)) ||
            plan_label (scene, placer, g, m, featured, &plan))
          g_array_append_val (plans, plan);
      }
  for (guint i = 0; i < plans->len; i++)
    {
      LabelPlan *plan = &g_array_index (plans, LabelPlan, i);

      if (plan->shortened)
        try_whole_in_two_lines (scene, g_ptr_array_index (placers, plan->marker->lane), g,
                                is_featured (plan->marker->event, selected, focus), plan);
    }
  for (guint i = 0; i < plans->len; i++)
    draw_label (scene, cr, g, &g_array_index (plans, LabelPlan, i));
  count_unlabelled (scene, g, markers, plans, placers, clusters);
}

static void
add_empty_message (AtlasScene *scene)
{
  const char *message = _("No events match these filters.");
  double size = atlas_scene_font_size (scene, ATLAS_FONT_LABEL);
  double h = text_height (scene, message, size, FALSE);
  g_autofree char *fitted = atlas_scene_ellipsize (scene, message, size, FALSE, scene->plot.width);

  if (fitted != NULL && h <= scene->plot.height)
    atlas_scene_add_text (scene, fitted, scene->plot.x + scene->plot.width / 2,
                          scene->plot.y + (scene->plot.height - h) / 2, size, FALSE,
                          ATLAS_ALIGN_CENTER, &scene->style->muted, NULL)->role = ATLAS_ROLE_NOTE;
}

/* ---- hit-testing, description ------------------------------------------ */

/* The nearest marker within reach of the pointer wins, so an event whose
 * label was dropped is still found, and a small marker is easy to hit. */
static gboolean
timeline_hit_test (const AtlasScene *scene, double x, double y, AtlasItem *out)
{
  const TimelineSceneData *data = scene->chart_data;
  const TimelineMarker *best = NULL;
  double best_distance = 0;

  if (data == NULL)
    return FALSE;
  for (guint i = 0; i < data->markers->len; i++)
    {
      const TimelineMarker *m = &g_array_index (data->markers, TimelineMarker, i);
      double distance = hypot (m->x - x, m->y - y);

      if (distance <= data->hit_radius && (best == NULL || distance < best_distance))
        {
          best = m;
          best_distance = distance;
        }
    }
  if (best == NULL)
    return FALSE;
  *out = (AtlasItem) { ATLAS_ITEM_EVENT, best->event->id, best->index };
  return TRUE;
}

static void
timeline_collect_related (const AtlasScene *scene, const AtlasItem *item, GHashTable *set)
{
  g_hash_table_add (set, atlas_item_to_key (item));
}

static void
timeline_scene_data_free (gpointer data)
{
  TimelineSceneData *self = data;

  g_array_unref (self->markers);
  g_array_unref (self->clusters);
  g_free (self);
}

static gboolean timeline_anchor (const AtlasScene *scene, const AtlasAnnotation *annotation, double *x, double *y);

static const AtlasSceneClass timeline_scene_class = {
  "timeline",
  timeline_collect_related,
  timeline_hit_test,
  timeline_anchor,
};

/* "28 events from 2010 to 2027: 12 policy, 8 market. Latest: 2026-01-13, ..." */
static char *
describe_events (GPtrArray *events, const char *lang)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint counts[ATLAS_EVENT_N_KINDS] = { 0 };
  const AtlasEvent *first, *last;
  g_autofree char *latest_date = NULL;
  gboolean any = FALSE;

  if (events->len == 0)
    return g_strdup (_("No events match these filters."));
  first = g_ptr_array_index (events, 0);
  last = g_ptr_array_index (events, events->len - 1);
  for (guint i = 0; i < events->len; i++)
    counts[((const AtlasEvent *) g_ptr_array_index (events, i))->kind]++;

  if (first->date.year == last->date.year)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u event in %d", "%u events in %d",
                                               events->len),
                            events->len, first->date.year);
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u event from %d to %d",
                                               "%u events from %d to %d", events->len),
                            events->len, first->date.year, last->date.year);
  g_string_append (text, atlas_punct_label_separator ());
  for (guint k = 0; k < ATLAS_EVENT_N_KINDS; k++)
    if (counts[k] > 0)
      {
        /* TRANSLATORS: a count of events of one kind, as in "13 policy" */
        g_string_append (text, any ? atlas_punct_phrase_separator () : "");
        g_string_append_printf (text, C_("count of a kind", "%u %s"), counts[k], atlas_event_kind_word (k));
        any = TRUE;
      }
  g_string_append (text, atlas_punct_full_stop ());
  latest_date = atlas_date_to_string (&last->date);
  {
    /* TRANSLATORS: the most recent event: its date, then its title */
    g_autofree char *sentence = g_strdup_printf (_("Latest: %s, %s."), latest_date,
                                                 atlas_text_get (last->title, lang));
    atlas_append_sentence (text, sentence);
  }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- entry points ------------------------------------------------------ */

static gboolean
resolve_selection (AtlasDataset *dataset, const char *id, const AtlasEvent **out, GError **error)
{
  *out = NULL;
  if (id == NULL)
    return TRUE;
  *out = atlas_dataset_find_event (dataset, id);
  if (*out != NULL)
    return TRUE;
  g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID, _("Unknown event “%s”"), id);
  return FALSE;
}

static void
layout_events (AtlasScene *scene, GPtrArray *events, const TimelineFilter *filter,
               const AtlasEvent *selected, const char * const *focus)
{
  g_auto(TimelineGeometry) g = { 0 };
  TimelineSceneData *data;
  cairo_surface_t *surface;
  cairo_t *cr;
  GArray *markers;
  GArray *clusters = g_array_new (FALSE, FALSE, sizeof (TimelineCluster));

  /* Paths are built on a scratch context: scenes hold no surface. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);

  compute_geometry (scene, events, filter, &g);
  add_lanes (scene, cr, &g);
  add_time_axis (scene, &g);

  markers = place_markers (scene, &g, events);
  for (guint i = 0; i < markers->len; i++)
    {
      const TimelineMarker *m = &g_array_index (markers, TimelineMarker, i);
      add_marker (scene, cr, &g, m);
      atlas_scene_add_item (scene, &(AtlasItem) { ATLAS_ITEM_EVENT, m->event->id, m->index });
    }
  place_labels (scene, cr, &g, markers, selected, focus, clusters);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  data = g_new0 (TimelineSceneData, 1);
  data->markers = markers;
  data->clusters = clusters;
  data->hit_radius = MAX (g.radius * 1.6, 6.0);
  data->axis_x0 = g.axis_x0;
  data->axis_x1 = g.axis_x1;
  data->day0 = g.day0;
  data->day1 = g.day1;
  scene->chart_data = data;
  scene->chart_data_free = timeline_scene_data_free;
}

/* The events a slide is about stay whole (and keep their whole labels,
 * see place_labels()); the rest recede. */
static void
apply_focus (AtlasScene *scene, AtlasDataset *dataset, GPtrArray *events, const char * const *focus)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (AtlasItem));

  for (guint i = 0; focus != NULL && i < events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (events, i);
      AtlasItem item = { ATLAS_ITEM_EVENT, event->id, event_index (dataset, event) };

      if (g_strv_contains (focus, event->id))
        g_array_append_val (items, item);
    }
  atlas_scene_set_focus (scene, (const AtlasItem *) (gpointer) items->data, items->len);
}

static gboolean
timeline_anchor (const AtlasScene *scene, const AtlasAnnotation *annotation, double *x, double *y)
{
  return annotation->kind == ATLAS_ANCHOR_EVENT &&
         atlas_scene_anchor_at_mark (scene, ATLAS_ITEM_EVENT, annotation->event, -1, x, y);
}

AtlasScene *
atlas_timeline_chart_layout (AtlasDataset            *dataset,
                             const AtlasChartOptions *options,
                             double                   width,
                             double                   height,
                             const AtlasStyle        *style,
                             GError                 **error)
{
  g_auto(TimelineFilter) filter = { { FALSE } };
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(GPtrArray) events = NULL;
  const AtlasEvent *selected;

  if (atlas_dataset_get_events (dataset)->len == 0)
    {
      g_set_error_literal (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_NOTHING,
                           _("The dataset has no events to draw."));
      return NULL;
    }
  if (!resolve_filter (dataset, options, &filter, error) ||
      !resolve_selection (dataset, options->select, &selected, error))
    return NULL;
  events = filter_events (dataset, &filter);
  if (selected != NULL && !g_ptr_array_find (events, selected, NULL))
    selected = NULL;

  scene = atlas_scene_new (&timeline_scene_class, dataset, style, width, height);
  layout_frame (scene, options, events, &filter);
  if (events->len == 0)
    add_empty_message (scene);
  else
    layout_events (scene, events, &filter, selected, options->focus);

  scene->description = describe_events (events, scene->style->lang);
  apply_focus (scene, dataset, events, options->focus);
  if (selected != NULL)
    {
      AtlasItem item = { ATLAS_ITEM_EVENT, selected->id, event_index (dataset, selected) };
      atlas_scene_set_selected (scene, &item);
      atlas_scene_set_highlight (scene, &item);
    }
  atlas_chart_add_annotations (scene, dataset, options);
  return g_steal_pointer (&scene);
}

AtlasTable *
atlas_timeline_chart_table (AtlasDataset            *dataset,
                            const AtlasChartOptions *options,
                            GError                 **error)
{
  g_auto(TimelineFilter) filter = { { FALSE } };
  g_autoptr(GPtrArray) events = NULL;
  AtlasTable *table;

  if (!resolve_filter (dataset, options, &filter, error))
    return NULL;
  events = filter_events (dataset, &filter);
  table = atlas_table_new ();
  atlas_table_add_column (table, _("Date"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Kind"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Title"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Regions"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Elements"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Detail"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Sources"), ATLAS_TABLE_COLUMN_TEXT);
  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (events, i);
      const char *detail = atlas_text_get (event->detail, options->lang);

      atlas_table_add_row (table,
                           atlas_date_to_string (&event->date),
                           g_strdup (atlas_event_kind_label (event->kind)),
                           g_strdup (atlas_text_get (event->title, options->lang)),
                           join_region_names (event->regions, options->lang),
                           join_element_names (event->elements, options->lang),
                           g_strdup (detail != NULL ? detail : ""),
                           atlas_table_format_cite (dataset, (const char * const *) event->cite,
                                                    options->lang),
                           NULL);
    }
  return table;
}

/* ---- the time axis, for the window ------------------------------------- */

gboolean
atlas_timeline_scene_check (const AtlasScene *scene)
{
  return scene != NULL && scene->klass == &timeline_scene_class;
}

gboolean
atlas_timeline_scene_get_axis (const AtlasScene *scene,
                               double           *day0,
                               double           *day1,
                               double           *x0,
                               double           *x1)
{
  const TimelineSceneData *data;

  if (!atlas_timeline_scene_check (scene) || scene->chart_data == NULL)
    return FALSE;
  data = scene->chart_data;
  if (!(data->day1 > data->day0) || !(data->axis_x1 > data->axis_x0))
    return FALSE;
  *day0 = data->day0;
  *day1 = data->day1;
  *x0 = data->axis_x0;
  *x1 = data->axis_x1;
  return TRUE;
}

gboolean
atlas_timeline_scene_x_to_day (const AtlasScene *scene,
                               double            x,
                               double           *day)
{
  double d0, d1, x0, x1;

  if (!atlas_timeline_scene_get_axis (scene, &d0, &d1, &x0, &x1))
    return FALSE;
  *day = d0 + (x - x0) / (x1 - x0) * (d1 - d0);
  return TRUE;
}

gboolean
atlas_timeline_scene_cluster_at (const AtlasScene *scene,
                                 double            x,
                                 double            y,
                                 double           *first_day,
                                 double           *last_day,
                                 guint            *n)
{
  const TimelineSceneData *data;

  if (!atlas_timeline_scene_check (scene) || scene->chart_data == NULL)
    return FALSE;
  data = scene->chart_data;
  for (guint i = 0; i < data->clusters->len; i++)
    {
      const TimelineCluster *cluster = &g_array_index (data->clusters, TimelineCluster, i);
      /* A few pixels of slack: "+7" is a small target. */
      double slack = cluster->box.height * 0.25;

      if (x >= cluster->box.x - slack && x <= cluster->box.x + cluster->box.width + slack &&
          y >= cluster->box.y - slack && y <= cluster->box.y + cluster->box.height + slack)
        {
          if (first_day != NULL)
            *first_day = cluster->first_day;
          if (last_day != NULL)
            *last_day = cluster->last_day;
          if (n != NULL)
            *n = cluster->n;
          return TRUE;
        }
    }
  return FALSE;
}
