/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-chart-view.c: the chart widget: one scene per size and options, painted with cairo; hover, selection, keyboard, zoom, pan, node and callout dragging. */
#include "atlas-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "atlas-chart-view.h"
#include "atlas-briefing.h"
#include "atlas-format.h"
#include "atlas-item-info.h"
#include "atlas-price-scene.h"
#include "atlas-sankey-json.h"
#include "atlas-timeline-scene.h"

/* Zooming never goes below a week on the time axis. */
#define MIN_SPAN_DAYS 7.0
#define ZOOM_STEP     1.25
/* Keyboard pan: this fraction of the visible span per key press. */
#define PAN_STEP      0.2

/* One drawn image of the current scene and what it was drawn for. */
typedef struct {
  GskRenderNode *node;
  char          *emphasis_key;
  int            width, height, scale;
} KeptImage;

#define N_KEPT_IMAGES 2

struct _AtlasChartView
{
  GtkWidget       parent_instance;

  AtlasDataset   *dataset;
  AtlasViewState *state;
  GSignalGroup   *state_signals;  /* on the state shown */
  AtlasStyle     *style;
  /* The reader's chart text size (Ctrl+plus/minus), times the style's. */
  double          text_scale;
  /* Whether chart text is kept at least as large as the desktop's body
   * text (the window); slides and their previews keep the slide's type. */
  gboolean        desktop_text_floor;

  /* The scene is kept between frames: hover and selection only change its
   * emphasis; only size, options, style or dataset lay it out again. */
  AtlasScene     *scene;
  GError         *error;
  int             scene_width, scene_height;
  gboolean        needs_layout;
  gboolean        has_drawn;
  guint           notify_idle_id;
  gboolean        selection_dropped;  /* told from the next idle */
  char           *applied_select;   /* the options' "select" already adopted */

  AtlasItem       hover;
  char           *hover_id;
  double          pointer_x, pointer_y;
  gboolean        pointer_inside;
  AtlasItem       selection;
  char           *selection_id;

  /* The scene's rendered images, kept while nothing they show changes,
   * each as one render node given to every frame: a frame that only moves
   * the crosshair adds the overlay to the same node, so GTK finds nothing
   * changed under it and repaints only the overlay's pixels. Two are
   * kept, the most recent first: the pointer leaving a line it emphasised
   * goes back to the image without emphasis at no cost. A new layout
   * forgets them; emphasis_key says what the emphasis looks like now. */
  char           *emphasis_key;
  KeptImage       kept[N_KEPT_IMAGES];
  guint           render_count;

  /* A drag moves a written callout, moves a Sankey node or pans the time axis. */
  gboolean        callouts_movable;
  gboolean        drag_active;
  gboolean        dragging;
  char           *drag_node;
  double          drag_node_offset;
  double          drag_start_x, drag_start_y;
  double          drag_from, drag_to;  /* visible days when the pan began */
  double          drag_width;          /* and the width they were drawn in */
  int             drag_callout;        /* index in the state's annotations, or -1 */
  double          drag_centre_x, drag_centre_y;  /* its text's centre when the drag began */
  double          drag_anchor_x, drag_anchor_y;
  /* The plot a dragged node's offset or a callout's place is a fraction of. */
  double          drag_plot_width, drag_plot_height;
  /* The state's annotations with the dragged one at the pointer, laid out
   * while the drag lasts; the state is told once, on release. */
  GPtrArray      *drag_annotations;
};

enum {
  PROP_0,
  PROP_DATASET,
  PROP_STATE,
  PROP_TEXT_SCALE,
  PROP_DESKTOP_TEXT_FLOOR,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  ITEM_ACTIVATED,
  SCENE_CHANGED,
  CALLOUT_MOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasChartView, atlas_chart_view, GTK_TYPE_WIDGET)

static void update_emphasis      (AtlasChartView *self);
static void schedule_notify      (AtlasChartView *self);
static void forget_kept_images   (AtlasChartView *self);

static const AtlasItem no_item = { ATLAS_ITEM_NONE, NULL, -1 };

/* Stores a copy of @item whose id is owned by @id_slot. */
static gboolean
store_item (AtlasItem *slot, char **id_slot, const AtlasItem *item)
{
  if (item == NULL)
    item = &no_item;
  if (atlas_item_equal (slot, item))
    return FALSE;
  g_free (*id_slot);
  *id_slot = g_strdup (item->id);
  *slot = *item;
  slot->id = *id_slot;
  if (slot->kind == ATLAS_ITEM_NONE)
    slot->index = -1;
  return TRUE;
}

static gboolean
is_prices (AtlasChartView *self)
{
  return self->state != NULL && atlas_view_state_get_view (self->state) == ATLAS_VIEW_PRICES;
}

static gboolean
is_timeline (AtlasChartView *self)
{
  return self->state != NULL && atlas_view_state_get_view (self->state) == ATLAS_VIEW_TIMELINE;
}

static gboolean
is_flows (AtlasChartView *self)
{
  return self->state != NULL && atlas_view_state_get_view (self->state) == ATLAS_VIEW_FLOWS;
}

static void
invalidate_layout (AtlasChartView *self)
{
  self->needs_layout = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Listeners (sidebar, accessibility) hear of the new scene even when the
   * widget is not drawn, e.g. while the table is shown instead. */
  schedule_notify (self);
}

/* The size in px of the text around the chart: the font the desktop gives
 * this widget (gtk-font-name, scaled by the desktop's text scaling through
 * gtk-xft-dpi), as GTK resolves it for the widget's own labels. */
static double
desktop_body_text_px (AtlasChartView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size;

  if (font == NULL || pango_font_description_get_size (font) <= 0)
    return 0.0;
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    return size;
  return size * pango_cairo_context_get_resolution (context) / 72.0;
}

static AtlasScene *
layout_scene (AtlasChartView          *self,
              const AtlasChartOptions *options,
              int                      width,
              int                      height)
{
  g_autoptr(AtlasStyle) style = atlas_style_copy (self->style);

  style->font_scale *= self->text_scale;
  if (self->desktop_text_floor)
    style->min_font_px = MAX (style->min_font_px, desktop_body_text_px (self));
  return atlas_chart_layout (self->dataset, options, width, height, style, &self->error);
}

static void
desktop_text_changed_cb (GtkSettings    *settings,
                         GParamSpec     *pspec,
                         AtlasChartView *self)
{
  if (self->desktop_text_floor)
    invalidate_layout (self);
}

static gboolean
scene_has_item (const AtlasScene *scene, const AtlasItem *item)
{
  AtlasRect bounds;

  for (guint i = 0; i < scene->items->len; i++)
    if (atlas_item_equal (&g_array_index (scene->items, AtlasItem, i), item))
      return TRUE;
  if (atlas_scene_item_bounds (scene, item, &bounds))
    return TRUE;
  /* A price point has no shape of its own: it exists while its line does. */
  if (item->kind == ATLAS_ITEM_POINT)
    {
      AtlasItem series = { ATLAS_ITEM_SERIES, item->id, -1 };
      return scene_has_item (scene, &series);
    }
  return FALSE;
}

static const AtlasItem *
find_item_by_id (const AtlasScene *scene, const char *id)
{
  for (guint i = 0; i < scene->items->len; i++)
    {
      const AtlasItem *item = &g_array_index (scene->items, AtlasItem, i);
      if (g_strcmp0 (item->id, id) == 0 && item->kind != ATLAS_ITEM_LINK)
        return item;
    }
  return NULL;
}

static void
ensure_scene (AtlasChartView *self)
{
  const AtlasChartOptions *options;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean selection_changed = FALSE;

  if (self->dataset == NULL || self->state == NULL || width < 16 || height < 16)
    return;
  if (!self->needs_layout && self->scene_width == width && self->scene_height == height)
    return;

  options = atlas_view_state_get_options (self->state);
  g_clear_pointer (&self->scene, atlas_scene_free);
  g_clear_error (&self->error);
  if (self->drag_annotations != NULL)
    {
      AtlasChartOptions dragged = *options;

      dragged.annotations = self->drag_annotations;
      self->scene = layout_scene (self, &dragged, width, height);
    }
  else
    self->scene = layout_scene (self, options, width, height);
  self->scene_width = width;
  self->scene_height = height;
  self->needs_layout = FALSE;
  /* A new scene: whatever image was kept is of another one. */
  forget_kept_images (self);
  g_clear_pointer (&self->emphasis_key, g_free);

  if (self->scene != NULL)
    {
      /* A selection the new scene no longer shows (another chain, a series
       * turned off, a reloaded file without it) is dropped. */
      if (self->selection.kind != ATLAS_ITEM_NONE && !scene_has_item (self->scene, &self->selection))
        selection_changed |= store_item (&self->selection, &self->selection_id, NULL);
      if (self->hover.kind != ATLAS_ITEM_NONE && !scene_has_item (self->scene, &self->hover))
        store_item (&self->hover, &self->hover_id, NULL);

      /* The options' selection (a briefing slide) is adopted once, so the
       * user's own clicks are not overridden on the next layout. */
      if (g_strcmp0 (options->select, self->applied_select) != 0)
        {
          const AtlasItem *wanted = options->select != NULL ? find_item_by_id (self->scene, options->select) : NULL;

          g_free (self->applied_select);
          self->applied_select = g_strdup (options->select);
          if (wanted != NULL)
            selection_changed |= store_item (&self->selection, &self->selection_id, wanted);
        }
      update_emphasis (self);
    }
  /* This may run inside snapshot(): listeners hear of it from an idle. */
  if (selection_changed)
    self->selection_dropped = TRUE;
  schedule_notify (self);
}

/* TRUE when a shape that paints something stands for exactly @item. */
static gboolean
scene_draws_item (const AtlasScene *scene, const AtlasItem *item)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if ((shape->kind == ATLAS_SHAPE_TEXT || shape->has_fill || shape->has_stroke) &&
          atlas_item_equal (&shape->item, item))
        return TRUE;
    }
  return FALSE;
}

/* What the emphasis looks like, as a string: equal keys draw the same
 * pixels. A hovered price point without a marker of its own emphasises
 * just its line, so moving along a line keeps the key (and the image). */
static char *
emphasis_key (AtlasChartView *self, const AtlasItem *focus)
{
  g_autofree char *focus_key = NULL;
  g_autofree char *selected_key = atlas_item_to_key (&self->selection);

  if (focus->kind == ATLAS_ITEM_POINT && !scene_draws_item (self->scene, focus))
    {
      AtlasItem series = { ATLAS_ITEM_SERIES, focus->id, -1 };
      g_autofree char *series_key = atlas_item_to_key (&series);

      focus_key = g_strconcat ("point-of:", series_key, NULL);
    }
  else
    focus_key = atlas_item_to_key (focus);
  return g_strconcat (focus_key, "\n", selected_key, NULL);
}

static void
update_emphasis (AtlasChartView *self)
{
  const AtlasItem *focus;
  char *key;

  if (self->scene == NULL)
    return;
  focus = self->hover.kind != ATLAS_ITEM_NONE ? &self->hover : &self->selection;
  key = emphasis_key (self, focus);
  g_free (self->emphasis_key);
  self->emphasis_key = key;
  if (focus->kind == ATLAS_ITEM_POINT)
    {
      /* A point stands for its whole line: keep the line bright. */
      AtlasItem series = { ATLAS_ITEM_SERIES, focus->id, -1 };

      atlas_scene_set_highlight (self->scene, &series);
      if (self->scene->emphasis != NULL)
        g_hash_table_add (self->scene->emphasis, atlas_item_to_key (focus));
    }
  else
    atlas_scene_set_highlight (self->scene, focus);
  atlas_scene_set_selected (self->scene, &self->selection);
}

static char *
describe_item (AtlasChartView *self, const AtlasItem *item)
{
  g_autoptr(AtlasItemInfo) info = NULL;

  if (self->dataset == NULL || item->kind == ATLAS_ITEM_NONE)
    return NULL;
  info = atlas_item_info_new (self->dataset, atlas_view_state_get_options (self->state), item);
  return info != NULL ? atlas_item_info_summary (info) : NULL;
}

static void
update_accessible (AtlasChartView *self)
{
  g_autofree char *selected = describe_item (self, &self->selection);
  g_autofree char *description = NULL;
  const char *label;

  if (self->scene != NULL)
    {
      label = self->scene->title != NULL ? self->scene->title : _("Chart");
      if (selected != NULL)
        /* Translators: the chart's description, then the selected item */
        description = g_strdup_printf (_("%s Selected: %s."), atlas_scene_describe (self->scene), selected);
      else
        description = g_strdup (atlas_scene_describe (self->scene));
    }
  else
    {
      label = _("Chart");
      description = g_strdup (self->error != NULL ? self->error->message : _("No chart to show"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static gboolean
notify_idle_cb (gpointer data)
{
  AtlasChartView *self = data;

  /* Laid out while this idle still counts as scheduled: the layout's own
   * call for listeners is this very one, not a second round. */
  ensure_scene (self);
  self->notify_idle_id = 0;
  update_accessible (self);
  if (self->selection_dropped)
    {
      self->selection_dropped = FALSE;
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
  g_signal_emit (self, signals[SCENE_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* Signals about a new scene are sent from an idle, never from inside
 * snapshot(), where handlers must not change widgets. */
static void
schedule_notify (AtlasChartView *self)
{
  if (self->notify_idle_id == 0)
    self->notify_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, notify_idle_cb, self, NULL);
}

static void
set_selection_internal (AtlasChartView *self, const AtlasItem *item)
{
  if (!store_item (&self->selection, &self->selection_id, item))
    return;
  update_emphasis (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
set_hover (AtlasChartView *self, const AtlasItem *item)
{
  if (!store_item (&self->hover, &self->hover_id, item))
    return;
  update_emphasis (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- the time axis of the price view and the timeline -------------------- */

/* A timeline zoomed into a stretch without events draws no axis: its range
 * is then the options' over the plot, so the user can zoom out again. */
static gboolean
timeline_fallback_axis (AtlasChartView *self, double *x0, double *x1, double *d0, double *d1)
{
  const AtlasChartOptions *options = atlas_view_state_get_options (self->state);

  if (!atlas_date_is_set (&options->from) || !atlas_date_is_set (&options->to))
    return FALSE;
  *d0 = options->from.day;
  *d1 = options->to.day + 1;
  *x0 = self->scene->plot.x;
  *x1 = self->scene->plot.x + self->scene->plot.width;
  return *d1 > *d0 && *x1 > *x0;
}

/* The visible days and where the chart draws them: the price chart's or
 * the timeline's time axis. */
static gboolean
time_axis (AtlasChartView *self, double *x0, double *x1, double *d0, double *d1)
{
  AtlasRect area;

  if (self->scene == NULL)
    return FALSE;
  if (is_timeline (self))
    {
      if (!atlas_timeline_scene_check (self->scene))
        return FALSE;
      return atlas_timeline_scene_get_axis (self->scene, d0, d1, x0, x1) ||
             timeline_fallback_axis (self, x0, x1, d0, d1);
    }
  if (!is_prices (self) || !atlas_price_scene_check (self->scene))
    return FALSE;
  if (!atlas_price_scene_get_range (self->scene, d0, d1) ||
      !atlas_price_scene_get_area (self->scene, &area))
    return FALSE;
  *x0 = area.x;
  *x1 = area.x + area.width;
  return *d1 > *d0 && *x1 > *x0;
}

static gboolean
time_day_at (AtlasChartView *self, double x, double *day)
{
  double x0, x1, d0, d1;

  if (is_timeline (self))
    {
      if (!time_axis (self, &x0, &x1, &d0, &d1))
        return FALSE;
      *day = d0 + (x - x0) / (x1 - x0) * (d1 - d0);
      return TRUE;
    }
  if (!is_prices (self) || self->scene == NULL || !atlas_price_scene_check (self->scene))
    return FALSE;
  atlas_price_scene_x_to_day (self->scene, x, day);
  return TRUE;
}

/* Sets the visible days, kept inside the data; the whole data is "all".
 * The timeline's "all" has a margin around its first and last events (as
 * the chart draws it), so a zoom or pan may reach that far. */
static void
set_time_range (AtlasChartView *self, double from, double to)
{
  gint32 first, last;
  double lo, hi, span = to - from;

  if (!atlas_view_state_get_data_extent (self->state, self->dataset, &first, &last))
    return;
  lo = first;
  hi = last;
  if (is_timeline (self))
    {
      double pad = MAX ((hi - lo) * 0.03, 20);

      lo -= pad;
      hi += pad;
    }
  if (span >= hi - lo)
    {
      atlas_view_state_set_range_preset (self->state, ATLAS_RANGE_ALL, self->dataset);
      return;
    }
  if (from < lo)
    from = lo, to = lo + span;
  if (to > hi)
    to = hi, from = hi - span;
  if (is_timeline (self))
    /* The timeline's "to" is the last day shown; it draws up to its end. */
    atlas_view_state_set_range_days (self->state, (gint32) floor (from), (gint32) ceil (to) - 1);
  else
    atlas_view_state_set_range_days (self->state, (gint32) floor (from), (gint32) ceil (to));
}

void
atlas_chart_view_zoom (AtlasChartView *self, double factor, double day)
{
  double x0, x1, d0, d1, span;

  g_return_if_fail (ATLAS_IS_CHART_VIEW (self));

  ensure_scene (self);
  if (!time_axis (self, &x0, &x1, &d0, &d1) || !(factor > 0))
    return;
  day = CLAMP (day, d0, d1);
  span = MAX ((d1 - d0) * factor, MIN_SPAN_DAYS);
  factor = span / (d1 - d0);
  set_time_range (self, day - (day - d0) * factor, day + (d1 - day) * factor);
}

/* The timeline's "+7" under (@x, @y): the days of its events. */
static gboolean
cluster_at (AtlasChartView *self, double x, double y, double *first_day, double *last_day, guint *n)
{
  return is_timeline (self) && self->scene != NULL &&
         atlas_timeline_scene_cluster_at (self->scene, x, y, first_day, last_day, n);
}

/* A click on "+7" opens it: the axis zooms to its events with room on
 * both sides, so each gets its label, or a smaller count. */
static void
open_cluster (AtlasChartView *self, double first_day, double last_day)
{
  double pad = MAX ((last_day - first_day) * 0.5, MIN_SPAN_DAYS * 2);

  set_time_range (self, first_day - pad, last_day + pad);
}

static void
pan_by_fraction (AtlasChartView *self, double fraction)
{
  double x0, x1, d0, d1, shift;

  ensure_scene (self);
  if (!time_axis (self, &x0, &x1, &d0, &d1))
    return;
  shift = (d1 - d0) * fraction;
  set_time_range (self, d0 + shift, d1 + shift);
}

/* ---- keyboard ----------------------------------------------------------- */

static gboolean
move_selection (AtlasChartView *self, int step, gboolean to_end)
{
  GArray *items;
  int current = -1, n, next;

  ensure_scene (self);
  if (self->scene == NULL || self->scene->items->len == 0)
    return FALSE;
  items = self->scene->items;
  n = (int) items->len;
  for (int i = 0; i < n && self->selection.kind != ATLAS_ITEM_NONE; i++)
    if (atlas_item_equal (&g_array_index (items, AtlasItem, i), &self->selection))
      {
        current = i;
        break;
      }
  if (to_end)
    next = step > 0 ? n - 1 : 0;
  else if (current < 0)
    next = step > 0 ? 0 : n - 1;
  else
    next = ((current + step) % n + n) % n;
  set_selection_internal (self, &g_array_index (items, AtlasItem, next));
  /* Keyboard users read the tooltip where a pointer user would hover. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
select_next_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  return move_selection (ATLAS_CHART_VIEW (widget), 1, FALSE);
}

static gboolean
select_previous_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  return move_selection (ATLAS_CHART_VIEW (widget), -1, FALSE);
}

static gboolean
select_first_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  return move_selection (ATLAS_CHART_VIEW (widget), -1, TRUE);
}

static gboolean
select_last_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  return move_selection (ATLAS_CHART_VIEW (widget), 1, TRUE);
}

static gboolean
unselect_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);

  /* Nothing to clear: let Escape reach the window. */
  if (self->selection.kind == ATLAS_ITEM_NONE)
    return FALSE;
  set_selection_internal (self, NULL);
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);

  if (self->selection.kind == ATLAS_ITEM_NONE)
    return FALSE;
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0);
  return TRUE;
}

static void
chart_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);
  double x0, x1, d0, d1;

  if (g_str_equal (action_name, "chart.zoom-in") || g_str_equal (action_name, "chart.zoom-out"))
    {
      ensure_scene (self);
      if (time_axis (self, &x0, &x1, &d0, &d1))
        atlas_chart_view_zoom (self, g_str_equal (action_name, "chart.zoom-in") ? 1 / ZOOM_STEP : ZOOM_STEP,
                               (d0 + d1) / 2);
    }
  else if (g_str_equal (action_name, "chart.zoom-reset"))
    {
      if (is_prices (self) || is_timeline (self))
        atlas_view_state_set_range_preset (self->state, ATLAS_RANGE_ALL, self->dataset);
    }
  else if (g_str_equal (action_name, "chart.select-next"))
    move_selection (self, 1, FALSE);
  else if (g_str_equal (action_name, "chart.select-previous"))
    move_selection (self, -1, FALSE);
  else if (g_str_equal (action_name, "chart.select-first"))
    move_selection (self, -1, TRUE);
  else if (g_str_equal (action_name, "chart.select-last"))
    move_selection (self, 1, TRUE);
  else if (g_str_equal (action_name, "chart.unselect"))
    set_selection_internal (self, NULL);
  else if (g_str_equal (action_name, "chart.activate"))
    activate_cb (widget, NULL, NULL);
  else if (g_str_equal (action_name, "chart.pan-left"))
    pan_by_fraction (self, -PAN_STEP);
  else if (g_str_equal (action_name, "chart.pan-right"))
    pan_by_fraction (self, PAN_STEP);
}

/* ---- pointer ------------------------------------------------------------ */

/* Whether @callout is one of the view's own annotations (a slide's, or
 * the window's), which a drag or Alt and an arrow may move; the dataset's
 * own callouts stay where the chart puts them. */
static gboolean
is_own_callout (AtlasChartView *self, const AtlasSceneCallout *callout)
{
  GPtrArray *annotations = atlas_view_state_get_options (self->state)->annotations;

  return callout->from_options && annotations != NULL && callout->index < annotations->len;
}

/* The written callout of the state's own annotations (a slide's) whose
 * text is at (@x, @y): what a drag there moves.  The dataset's callouts
 * belong to the file, not to the view, and stay where the chart puts them. */
static const AtlasSceneCallout *
movable_callout_at (AtlasChartView *self, double x, double y)
{
  const AtlasSceneCallout *callout;

  if (!self->callouts_movable || self->scene == NULL || self->state == NULL)
    return NULL;
  callout = atlas_scene_callout_at (self->scene, x, y);
  return callout != NULL && is_own_callout (self, callout) ? callout : NULL;
}

static void
update_cursor (AtlasChartView *self)
{
  const char *name = NULL;

  if (self->dragging && self->drag_node != NULL)
    name = "grabbing";
  else if (self->dragging)
    name = "grabbing";
  else if (movable_callout_at (self, self->pointer_x, self->pointer_y) != NULL)
    name = "grab";
  else if (is_flows (self) && self->hover.kind == ATLAS_ITEM_NODE)
    name = "grab";
  else if (cluster_at (self, self->pointer_x, self->pointer_y, NULL, NULL, NULL))
    name = "zoom-in";
  else if (self->hover.kind != ATLAS_ITEM_NONE)
    name = "pointer";
  else if (is_prices (self) && self->scene != NULL &&
           atlas_rect_contains_point (&self->scene->plot, self->pointer_x, self->pointer_y))
    name = "crosshair";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AtlasChartView           *self)
{
  AtlasItem item;

  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (self->dragging)
    return;
  ensure_scene (self);
  if (self->scene == NULL)
    return;
  atlas_scene_hit_test (self->scene, x, y, &item);
  set_hover (self, &item);
  update_cursor (self);
  /* The crosshair follows the pointer even between items. */
  if (is_prices (self))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          AtlasChartView           *self)
{
  self->pointer_inside = FALSE;
  if (!self->dragging)
    set_hover (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            AtlasChartView  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2 && self->selection.kind != ATLAS_ITEM_NONE)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AtlasChartView *self)
{
  const AtlasSceneCallout *callout;
  AtlasItem item;
  double x0, x1;

  self->drag_active = TRUE;
  self->dragging = FALSE;
  self->drag_start_x = x;
  self->drag_start_y = y;
  g_clear_pointer (&self->drag_node, g_free);
  self->drag_callout = -1;

  ensure_scene (self);
  if (self->scene == NULL)
    return;
  atlas_scene_hit_test (self->scene, x, y, &item);
  callout = movable_callout_at (self, x, y);
  if (callout != NULL)
    {
      const AtlasShape *text = &g_array_index (self->scene->shapes, AtlasShape, callout->shape);

      self->drag_callout = (int) callout->index;
      self->drag_centre_x = text->bounds.x + text->bounds.width / 2;
      self->drag_centre_y = text->bounds.y + text->bounds.height / 2;
      self->drag_anchor_x = callout->anchor_x;
      self->drag_anchor_y = callout->anchor_y;
      self->drag_plot_width = self->scene->plot.width;
      self->drag_plot_height = self->scene->plot.height;
    }
  else if (is_flows (self) && item.kind == ATLAS_ITEM_NODE &&
           atlas_sankey_scene_get_layout (self->scene) != NULL &&
           atlas_sankey_scene_get_layout (self->scene)->plot_height > 0)
    {
      self->drag_node = g_strdup (item.id);
      self->drag_node_offset = atlas_view_state_get_node_offset (self->state, item.id);
      self->drag_plot_height = atlas_sankey_scene_get_layout (self->scene)->plot_height;
    }
  else if (time_axis (self, &x0, &x1, &self->drag_from, &self->drag_to))
    self->drag_width = x1 - x0;
  else
    self->drag_from = self->drag_to = self->drag_width = 0;
}

/* One fraction of the plot's size, kept to a thousandth (a tenth of a
 * pixel on a 100-pixel plot, and short in the file). */
static double
place_fraction (double offset, double extent)
{
  return extent > 0 ? CLAMP (round (offset / extent * 1000) / 1000, -1.0, 1.0) : 0.0;
}

/* A copy of @annotations with the @index-th one's text centred at
 * (@centre_x, @centre_y) of a figure whose callout points at (@anchor_x,
 * @anchor_y) in a plot @plot_width by @plot_height: its place in
 * fractions of the plot, so where it lands is where it goes at any size,
 * as long as it is free there. */
static GPtrArray *
annotations_with_place (GPtrArray *annotations, guint index, double centre_x, double centre_y,
                        double anchor_x, double anchor_y, double plot_width, double plot_height)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_annotation_free);

  for (guint i = 0; i < annotations->len; i++)
    {
      AtlasAnnotation *a = atlas_annotation_copy (g_ptr_array_index (annotations, i));

      if (i == index)
        {
          a->has_place = TRUE;
          a->place_dx = place_fraction (centre_x - anchor_x, plot_width);
          a->place_dy = place_fraction (centre_y - anchor_y, plot_height);
        }
      g_ptr_array_add (copy, a);
    }
  return copy;
}

static GPtrArray *
dragged_annotations (AtlasChartView *self, GPtrArray *annotations, double dx, double dy)
{
  return annotations_with_place (annotations, (guint) self->drag_callout,
                                 self->drag_centre_x + dx, self->drag_centre_y + dy,
                                 self->drag_anchor_x, self->drag_anchor_y,
                                 self->drag_plot_width, self->drag_plot_height);
}

/* A callout moved (dragged or nudged): one change of the state, which a
 * listener (the briefing being edited) may make an edit of its own. */
static void
commit_moved_callout (AtlasChartView *self, GPtrArray *moved, guint index)
{
  const AtlasAnnotation *a = g_ptr_array_index (moved, index);
  gboolean handled = FALSE;

  g_signal_emit (self, signals[CALLOUT_MOVED], 0, index, a->place_dx, a->place_dy, &handled);
  if (!handled)
    atlas_view_state_set_annotations (self->state, moved);
  invalidate_layout (self);
}

/* The view's own callout about @item (what the keyboard has selected),
 * or NULL. */
static const AtlasSceneCallout *
movable_callout_of (AtlasChartView *self, const AtlasItem *item)
{
  if (!self->callouts_movable || self->scene == NULL || self->state == NULL || item->kind == ATLAS_ITEM_NONE)
    return NULL;
  for (guint i = 0; i < self->scene->callouts->len; i++)
    {
      const AtlasSceneCallout *callout = &g_array_index (self->scene->callouts, AtlasSceneCallout, i);
      const AtlasShape *text = &g_array_index (self->scene->shapes, AtlasShape, callout->shape);

      if (is_own_callout (self, callout) && atlas_item_equal (&text->item, item))
        return callout;
    }
  return NULL;
}

/* One press of Alt and an arrow moves a callout or a node this share of
 * the plot: small enough to place with care, a few presses cross a label. */
#define NUDGE_STEP 0.02

/* The selection's callout, a step (@dx, @dy) of NUDGE_STEP further. */
static gboolean
nudge_callout (AtlasChartView *self, int dx, int dy)
{
  const AtlasSceneCallout *callout = movable_callout_of (self, &self->selection);
  const AtlasShape *text;
  g_autoptr(GPtrArray) moved = NULL;
  const AtlasRect *plot;

  if (callout == NULL)
    return FALSE;
  text = &g_array_index (self->scene->shapes, AtlasShape, callout->shape);
  plot = &self->scene->plot;
  moved = annotations_with_place (atlas_view_state_get_options (self->state)->annotations, callout->index,
                                  text->bounds.x + text->bounds.width / 2 + dx * NUDGE_STEP * plot->width,
                                  text->bounds.y + text->bounds.height / 2 + dy * NUDGE_STEP * plot->height,
                                  callout->anchor_x, callout->anchor_y, plot->width, plot->height);
  commit_moved_callout (self, moved, callout->index);
  return TRUE;
}

/* A node's new offset, a fraction of the plot kept within it; a
 * ten-thousandth is finer than a pixel of a 4K screen and keeps a saved
 * slide's numbers short. */
static void
store_node_offset (AtlasChartView *self, const char *node, double offset)
{
  atlas_view_state_set_node_offset (self->state, node, round (CLAMP (offset, -1, 1) * 10000) / 10000);
}

/* The selected Sankey node, half a step up or down (a column is packed
 * tighter than the plot is wide). */
static gboolean
nudge_node (AtlasChartView *self, int dx, int dy)
{
  double offset;

  if (dy == 0 || !is_flows (self) || self->selection.kind != ATLAS_ITEM_NODE)
    return FALSE;
  offset = atlas_view_state_get_node_offset (self->state, self->selection_id) + dy * NUDGE_STEP / 2;
  store_node_offset (self, self->selection_id, offset);
  return TRUE;
}

/* Alt and an arrow: what the pointer does by dragging, by keyboard. With
 * nothing of the selection's to move, the keys go on to the window
 * (Alt+Up and Alt+Down move the chosen slide). */
static gboolean
nudge_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  ensure_scene (self);
  return nudge_callout (self, dx, dy) || nudge_node (self, dx, dy);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                AtlasChartView *self)
{
  int threshold = 8;

  if (!self->drag_active)
    return;
  if (!self->dragging)
    {
      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
      if (hypot (dx, dy) < threshold)
        return;
      if (self->drag_callout < 0 && self->drag_node == NULL && self->drag_to <= self->drag_from)
        return;  /* nothing to drag here */
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      update_cursor (self);
    }

  if (self->drag_callout >= 0)
    {
      GPtrArray *annotations = atlas_view_state_get_options (self->state)->annotations;

      if (annotations == NULL || (guint) self->drag_callout >= annotations->len)
        return;  /* the state changed under the drag */
      g_clear_pointer (&self->drag_annotations, g_ptr_array_unref);
      self->drag_annotations = dragged_annotations (self, annotations, dx, dy);
      invalidate_layout (self);
    }
  else if (self->drag_node != NULL)
    {
      /* A fraction of the plot, so the slide or export made of this view
       * shows the node where it was left at any size. */
      store_node_offset (self, self->drag_node, self->drag_node_offset + dy / self->drag_plot_height);
    }
  else if (self->drag_width > 0)
    {
      double shift = -dx / self->drag_width * (self->drag_to - self->drag_from);
      set_time_range (self, self->drag_from + shift, self->drag_to + shift);
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             AtlasChartView *self)
{
  gboolean was_click = self->drag_active && !self->dragging;
  g_autoptr(GPtrArray) moved = g_steal_pointer (&self->drag_annotations);

  self->drag_active = FALSE;
  self->dragging = FALSE;
  g_clear_pointer (&self->drag_node, g_free);
  update_cursor (self);

  if (moved != NULL && !was_click)
    commit_moved_callout (self, moved, (guint) self->drag_callout);
  self->drag_callout = -1;

  /* A press and release without a drag is a click: open the "+7" under
   * it, or select what is under it. */
  if (was_click)
    {
      AtlasItem item = no_item;
      double first_day, last_day;

      ensure_scene (self);
      if (cluster_at (self, self->drag_start_x, self->drag_start_y, &first_day, &last_day, NULL))
        {
          open_cluster (self, first_day, last_day);
          return;
        }
      if (self->scene != NULL)
        atlas_scene_hit_test (self->scene, self->drag_start_x, self->drag_start_y, &item);
      set_selection_internal (self, &item);
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AtlasChartView           *self)
{
  double day;

  /* The wheel, with Ctrl or without, zooms the time axis about the
   * pointer; sideways, it pans. */
  if (!is_prices (self) && !is_timeline (self))
    return FALSE;
  ensure_scene (self);
  if (!time_day_at (self, self->pointer_x, &day))
    return FALSE;
  if (fabs (dx) > fabs (dy))
    pan_by_fraction (self, dx * PAN_STEP / 2);
  else if (dy != 0)
    atlas_chart_view_zoom (self, pow (ZOOM_STEP, dy), day);
  return TRUE;
}

/* ---- drawing ------------------------------------------------------------ */

static void
draw_message (AtlasChartView *self, GtkSnapshot *snapshot, const char *heading, const char *detail)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA color;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int text_width, text_height;

  gtk_style_context_get_color (context, &color);
  text = detail != NULL ? g_strdup_printf ("%s\n%s", heading, detail) : g_strdup (heading);
  /* Plain text: an error message may quote dataset text. */
  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (layout, MAX (width - 48, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (24, MAX (0, (height - text_height) / 2)));
  color.alpha *= 0.7;
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* The crosshair reads the prices at the pointer: a vertical line through
 * the series' area and, on each line, the point in force at that date.
 * Drawn over the kept image as small nodes of its own, so a frame that
 * only moves it paints a few pixels instead of the whole scene. */
static void
snapshot_crosshair (AtlasChartView *self, GtkSnapshot *snapshot)
{
  AtlasPriceReading readings[16];
  const AtlasColor *line = &self->scene->style->muted;
  const AtlasColor *ring = &self->scene->background;
  AtlasRect area;
  double x;
  guint n;

  if (!self->pointer_inside || self->dragging ||
      !atlas_price_scene_get_area (self->scene, &area) ||
      !atlas_rect_contains_point (&area, self->pointer_x, self->pointer_y))
    return;

  /* The same pixels as a 1-wide cairo stroke at round (x) + 0.5. */
  x = round (self->pointer_x);
  gtk_snapshot_append_color (snapshot,
                             &(GdkRGBA) { line->red, line->green, line->blue, 0.7 },
                             &GRAPHENE_RECT_INIT (x, area.y, 1, area.height));

  n = atlas_price_scene_readings (self->scene, self->pointer_x, readings, G_N_ELEMENTS (readings));
  for (guint i = 0; i < n; i++)
    {
      /* A 4.5 radius disc with a 1.5 wide ring: within 6 of its centre. */
      double x0 = floor (readings[i].x - 7), y0 = floor (readings[i].y - 7);
      double x1 = ceil (readings[i].x + 7), y1 = ceil (readings[i].y + 7);
      cairo_t *cr;

      if (!isfinite (readings[i].x) || !isfinite (readings[i].y))
        continue;
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
      cairo_arc (cr, readings[i].x, readings[i].y, 4.5, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, readings[i].color.red, readings[i].color.green, readings[i].color.blue, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, ring->red, ring->green, ring->blue, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      cairo_destroy (cr);
    }
}

static void
kept_image_clear (KeptImage *image)
{
  g_clear_pointer (&image->node, gsk_render_node_unref);
  g_clear_pointer (&image->emphasis_key, g_free);
}

static void
forget_kept_images (AtlasChartView *self)
{
  for (guint i = 0; i < N_KEPT_IMAGES; i++)
    kept_image_clear (&self->kept[i]);
}

static gboolean
kept_image_matches (const KeptImage *image, AtlasChartView *self, int width, int height, int scale)
{
  return image->node != NULL &&
         g_strcmp0 (image->emphasis_key, self->emphasis_key) == 0 &&
         image->width == width && image->height == height && image->scale == scale;
}

/* The scene as it is now, drawn at @width x @height logical pixels times
 * @scale, in a node that paints it; NULL when there is no memory for it. */
static GskRenderNode *
draw_scene_node (AtlasChartView *self, int width, int height, int scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  GskRenderNode *node;
  cairo_t *cr;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  atlas_scene_draw (self->scene, cr);
  cairo_destroy (cr);

  /* The recording keeps the image: cairo takes its own copy of the
   * pixels when the surface is let go of here, once per drawing. */
  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  self->render_count++;
  return node;
}

/* The scene drawn at the widget's size in device pixels, kept between
 * frames in a render node; drawn again only when the scene, its emphasis,
 * the size or the scale factor changed to something not kept.
 *
 * The node paints the image from a cairo recording rather than being a
 * texture node: GTK 4.8's cairo renderer converts a texture's every
 * pixel on every frame it draws (through floats), even when the frame's
 * damage is a few columns, where a recording is replayed only inside the
 * damage. The GL renderer keeps the node's upload by the node's address,
 * so it uploads the image once either way. */
static GskRenderNode *
ensure_render (AtlasChartView *self, int width, int height)
{
  int scale = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  KeptImage found = { 0 };
  guint i;

  for (i = 0; i < N_KEPT_IMAGES && !kept_image_matches (&self->kept[i], self, width, height, scale); i++)
    ;
  if (i < N_KEPT_IMAGES)
    found = self->kept[i];
  else
    {
      i = N_KEPT_IMAGES - 1;
      kept_image_clear (&self->kept[i]);
      found.node = draw_scene_node (self, width, height, scale);
      if (found.node == NULL)
        return NULL;
      found.emphasis_key = g_strdup (self->emphasis_key);
      found.width = width;
      found.height = height;
      found.scale = scale;
    }
  /* The one used now goes first; the others move down. */
  memmove (&self->kept[1], &self->kept[0], i * sizeof (KeptImage));
  self->kept[0] = found;
  return found.node;
}

/* "Dysprosium oxide: 805 USD/kg (2025-07-31)", one line a series. */
static char *
describe_readings (AtlasChartView *self, double x)
{
  AtlasPriceReading readings[16];
  g_autoptr(GString) out = g_string_new (NULL);
  const char *lang = atlas_view_state_get_options (self->state)->lang;
  guint n = atlas_price_scene_readings (self->scene, x, readings, G_N_ELEMENTS (readings));
  guint shown = 0;
  double day;

  atlas_price_scene_x_to_day (self->scene, x, &day);
  for (guint i = 0; i < n; i++)
    {
      const AtlasSeries *series = atlas_dataset_find_series (self->dataset, readings[i].series_id);
      AtlasDate date = { 0 };
      g_autofree char *when = NULL;
      g_autofree char *value = NULL;

      /* A series that ended years before the pointer's date says nothing
       * about that date: leave it out rather than repeat its last price. */
      if (series != NULL && readings[i].index + 1 == series->n_points && day - readings[i].day > 366)
        continue;
      shown++;

      date = atlas_date_from_days (readings[i].day, readings[i].precision);
      when = atlas_date_to_string (&date);
      if (readings[i].is_range)
        {
          g_autofree char *low = atlas_format_number (readings[i].low, readings[i].low < 10 ? 2 : 0);
          g_autofree char *high = atlas_format_number (readings[i].high, readings[i].high < 10 ? 2 : 0);
          value = g_strdup_printf ("%s–%s", low, high);
        }
      else
        value = atlas_format_number (readings[i].value, readings[i].value < 10 ? 2 : 0);
      g_string_append_printf (out, "%s%s: %s %s (%s%s%s)", shown > 1 ? "\n" : "",
                              series != NULL ? atlas_text_get (series->name, lang) : readings[i].series_id,
                              value, readings[i].unit_label, when,
                              readings[i].estimate ? ", " : "", readings[i].estimate ? _("estimate") : "");
    }
  return shown > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
atlas_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderNode *image;

  if (self->dataset == NULL)
    {
      forget_kept_images (self);
      return;
    }
  ensure_scene (self);
  if (self->scene == NULL)
    {
      forget_kept_images (self);
      if (self->error != NULL)
        {
          draw_message (self, snapshot, _("This chart cannot be drawn"), self->error->message);
          self->has_drawn = TRUE;
        }
      return;
    }

  image = ensure_render (self, width, height);
  if (image != NULL)
    gtk_snapshot_append_node (snapshot, image);
  else
    {
      /* No memory for the kept image: draw straight into the frame. */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      atlas_scene_draw (self->scene, cr);
      cairo_destroy (cr);
    }
  if (is_prices (self))
    snapshot_crosshair (self, snapshot);
  self->has_drawn = TRUE;
}

/* The tooltip's text at (@x, @y), or for the selection in keyboard mode;
 * NULL for none. @item is set to what it describes (kind NONE for the
 * readings of the price lines). */
static char *
tooltip_text_at (AtlasChartView *self,
                 double          x,
                 double          y,
                 gboolean        keyboard_mode,
                 AtlasItem      *item)
{
  *item = no_item;
  ensure_scene (self);
  if (self->scene == NULL)
    return NULL;
  /* Over the price lines the tooltip reads every series at that date. */
  if (!keyboard_mode && is_prices (self) && atlas_price_scene_check (self->scene))
    {
      AtlasRect area;

      if (atlas_price_scene_get_area (self->scene, &area) && atlas_rect_contains_point (&area, x, y))
        return describe_readings (self, x);
    }
  if (keyboard_mode)
    *item = self->selection;
  else
    {
      guint n;

      if (cluster_at (self, x, y, NULL, NULL, &n))
        return g_strdup_printf (ngettext ("%u event without a label here: click to zoom in",
                                   "%u events without a label here: click to zoom in", n), n);
      atlas_scene_hit_test (self->scene, x, y, item);
    }
  return describe_item (self, item);
}

static gboolean
atlas_chart_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);
  AtlasItem item;
  g_autofree char *text = tooltip_text_at (self, x, y, keyboard_mode, &item);
  AtlasRect bounds;

  if (text == NULL)
    return FALSE;
  /* Dataset text: plain, never markup. */
  gtk_tooltip_set_text (tooltip, text);
  if (item.kind != ATLAS_ITEM_NONE && atlas_scene_item_bounds (self->scene, &item, &bounds))
    {
      GdkRectangle area = {
        (int) floor (bounds.x), (int) floor (bounds.y),
        MAX (1, (int) ceil (bounds.width)), MAX (1, (int) ceil (bounds.height))
      };
      gtk_tooltip_set_tip_area (tooltip, &area);
    }
  return TRUE;
}

static void
atlas_chart_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);

  /* Laid out lazily at the next frame, once per size. */
  if (width != self->scene_width || height != self->scene_height)
    schedule_notify (self);
}

static void
atlas_chart_view_unmap (GtkWidget *widget)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (widget);

  /* Not shown (the table instead, another page): the kept image is drawn
   * again when it is. */
  forget_kept_images (self);
  GTK_WIDGET_CLASS (atlas_chart_view_parent_class)->unmap (widget);
}

static void
atlas_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  /* Small enough for a narrow window; the natural size is a 16:9 figure. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 540;
}

/* ---- GObject ------------------------------------------------------------ */

/* Any property of the state is an option of the layout. A batch of them
 * (a slide, a range preset) lays out once: the layout waits for the frame. */
static void
state_notify_cb (AtlasViewState *state,
                 GParamSpec     *pspec,
                 AtlasChartView *self)
{
  invalidate_layout (self);
}

static void
atlas_chart_view_dispose (GObject *object)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (object);

  g_clear_handle_id (&self->notify_idle_id, g_source_remove);
  g_clear_object (&self->state_signals);
  g_clear_object (&self->state);
  g_clear_pointer (&self->scene, atlas_scene_free);
  forget_kept_images (self);
  g_clear_object (&self->dataset);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_settings (GTK_WIDGET (self)), self);
  G_OBJECT_CLASS (atlas_chart_view_parent_class)->dispose (object);
}

static void
atlas_chart_view_finalize (GObject *object)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (object);

  g_clear_error (&self->error);
  g_clear_pointer (&self->style, atlas_style_free);
  g_free (self->hover_id);
  g_free (self->selection_id);
  g_free (self->drag_node);
  g_clear_pointer (&self->drag_annotations, g_ptr_array_unref);
  g_free (self->applied_select);
  g_free (self->emphasis_key);
  G_OBJECT_CLASS (atlas_chart_view_parent_class)->finalize (object);
}

static void
atlas_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;
    case PROP_DESKTOP_TEXT_FLOOR:
      g_value_set_boolean (value, self->desktop_text_floor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasChartView *self = ATLAS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      atlas_chart_view_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_STATE:
      atlas_chart_view_set_state (self, g_value_get_object (value));
      break;
    case PROP_TEXT_SCALE:
      atlas_chart_view_set_text_scale (self, g_value_get_double (value));
      break;
    case PROP_DESKTOP_TEXT_FLOOR:
      atlas_chart_view_set_desktop_text_floor (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_chart_view_class_init (AtlasChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_chart_view_dispose;
  object_class->finalize = atlas_chart_view_finalize;
  object_class->get_property = atlas_chart_view_get_property;
  object_class->set_property = atlas_chart_view_set_property;

  widget_class->snapshot = atlas_chart_view_snapshot;
  widget_class->query_tooltip = atlas_chart_view_query_tooltip;
  widget_class->size_allocate = atlas_chart_view_size_allocate;
  widget_class->measure = atlas_chart_view_measure;
  widget_class->unmap = atlas_chart_view_unmap;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ATLAS_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, ATLAS_TYPE_VIEW_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* How much larger the reader wants the chart's text than its figure
   * size gives (the window binds it to a setting). */
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL,
                         ATLAS_CHART_VIEW_MIN_TEXT_SCALE, ATLAS_CHART_VIEW_MAX_TEXT_SCALE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESKTOP_TEXT_FLOOR] =
    g_param_spec_boolean ("desktop-text-floor", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Enter or a double click on the selection: show its details. */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SCENE_CHANGED] =
    g_signal_new ("scene-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A callout of the state's annotations (index, place dx, place dy) was
   * dragged and let go.  A handler returning TRUE has updated the state's
   * annotations itself; else the widget gives the state a copy with the
   * new place. */
  signals[CALLOUT_MOVED] =
    g_signal_new ("callout-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL, G_TYPE_BOOLEAN, 3,
                  G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /* The keyboard navigation as actions too, for menus, tests and
   * presentation mode; the keys below call the same code. */
  gtk_widget_class_install_action (widget_class, "chart.select-next", NULL, chart_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.select-previous", NULL, chart_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.select-first", NULL, chart_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.select-last", NULL, chart_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.unselect", NULL, chart_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, chart_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.zoom-in", NULL, chart_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.zoom-out", NULL, chart_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.zoom-reset", NULL, chart_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.pan-left", NULL, chart_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.pan-right", NULL, chart_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "chart.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "chart.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "chart.pan-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "chart.pan-right", NULL);

  /* Callbacks rather than actions: with nothing to move between, the keys
   * go on to move the focus or reach the window. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, select_next_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, select_next_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, select_previous_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, select_previous_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, select_first_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, select_last_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, unselect_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, nudge_cb, "(ii)", -1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK, nudge_cb, "(ii)", 1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, nudge_cb, "(ii)", 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, nudge_cb, "(ii)", 0, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "atlaschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_chart_view_init (AtlasChartView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->hover = no_item;
  self->selection = no_item;
  self->drag_callout = -1;
  self->style = atlas_style_new (FALSE);
  self->text_scale = 1.0;
  self->needs_layout = TRUE;
  self->state_signals = g_signal_group_new (ATLAS_TYPE_VIEW_STATE);
  g_signal_group_connect (self->state_signals, "notify", G_CALLBACK (state_notify_cb), self);
  /* The desktop's text scaling and font change the floor under the text. */
  g_signal_connect (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                    G_CALLBACK (desktop_text_changed_cb), self);
  g_signal_connect (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-font-name",
                    G_CALLBACK (desktop_text_changed_cb), self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_accessible (self);
}

/* ---- public API --------------------------------------------------------- */

GtkWidget *
atlas_chart_view_new (void)
{
  return g_object_new (ATLAS_TYPE_CHART_VIEW, NULL);
}

AtlasDataset *
atlas_chart_view_get_dataset (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), NULL);
  return self->dataset;
}

void
atlas_chart_view_set_dataset (AtlasChartView *self,
                              AtlasDataset   *dataset)
{
  g_return_if_fail (ATLAS_IS_CHART_VIEW (self));
  g_return_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset));

  if (!g_set_object (&self->dataset, dataset))
    return;
  /* The scene holds items pointing into the old dataset. */
  store_item (&self->hover, &self->hover_id, NULL);
  g_clear_pointer (&self->scene, atlas_scene_free);
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

AtlasViewState *
atlas_chart_view_get_state (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), NULL);
  return self->state;
}

void
atlas_chart_view_set_state (AtlasChartView *self,
                            AtlasViewState *state)
{
  g_return_if_fail (ATLAS_IS_CHART_VIEW (self));
  g_return_if_fail (state == NULL || ATLAS_IS_VIEW_STATE (state));

  if (self->state == state)
    return;
  g_set_object (&self->state, state);
  g_signal_group_set_target (self->state_signals, state);

  /* Another view: its items are not this one's. */
  g_clear_pointer (&self->applied_select, g_free);
  store_item (&self->hover, &self->hover_id, NULL);
  if (store_item (&self->selection, &self->selection_id, NULL))
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const AtlasStyle *
atlas_chart_view_get_style (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), NULL);
  return self->style;
}

void
atlas_chart_view_set_style (AtlasChartView   *self,
                            const AtlasStyle *style)
{
  g_return_if_fail (ATLAS_IS_CHART_VIEW (self));
  g_return_if_fail (style != NULL);

  atlas_style_free (self->style);
  self->style = atlas_style_copy (style);
  invalidate_layout (self);
}

AtlasScene *
atlas_chart_view_get_scene (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), NULL);

  ensure_scene (self);
  return self->needs_layout ? NULL : self->scene;
}

const GError *
atlas_chart_view_get_error (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), NULL);

  ensure_scene (self);
  return self->error;
}

const AtlasItem *
atlas_chart_view_get_selection (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), &no_item);
  return &self->selection;
}

void
atlas_chart_view_set_selection (AtlasChartView  *self,
                                const AtlasItem *item)
{
  g_return_if_fail (ATLAS_IS_CHART_VIEW (self));
  set_selection_internal (self, item);
}

gboolean
atlas_chart_view_select_id (AtlasChartView *self,
                            const char     *id)
{
  const AtlasItem *item;

  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), FALSE);

  ensure_scene (self);
  if (self->scene == NULL || id == NULL)
    return FALSE;
  item = find_item_by_id (self->scene, id);
  if (item == NULL)
    return FALSE;
  set_selection_internal (self, item);
  return TRUE;
}

gboolean
atlas_chart_view_has_drawn (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), FALSE);
  return self->has_drawn;
}

guint
atlas_chart_view_get_render_count (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), 0);
  return self->render_count;
}

char *
atlas_chart_view_dup_tooltip_text (AtlasChartView *self,
                                   double          x,
                                   double          y,
                                   gboolean        keyboard_mode)
{
  AtlasItem item;

  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), NULL);
  return tooltip_text_at (self, x, y, keyboard_mode, &item);
}

double
atlas_chart_view_get_text_scale (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), 1.0);
  return self->text_scale;
}

void
atlas_chart_view_set_text_scale (AtlasChartView *self,
                                 double          text_scale)
{
  g_return_if_fail (ATLAS_IS_CHART_VIEW (self));

  text_scale = CLAMP (text_scale, ATLAS_CHART_VIEW_MIN_TEXT_SCALE, ATLAS_CHART_VIEW_MAX_TEXT_SCALE);
  if (G_APPROX_VALUE (text_scale, self->text_scale, 1e-9))
    return;
  self->text_scale = text_scale;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

gboolean
atlas_chart_view_get_desktop_text_floor (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), FALSE);
  return self->desktop_text_floor;
}

void
atlas_chart_view_set_desktop_text_floor (AtlasChartView *self,
                                         gboolean        desktop_text_floor)
{
  g_return_if_fail (ATLAS_IS_CHART_VIEW (self));

  desktop_text_floor = !!desktop_text_floor;
  if (desktop_text_floor == self->desktop_text_floor)
    return;
  self->desktop_text_floor = desktop_text_floor;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESKTOP_TEXT_FLOOR]);
}

gboolean
atlas_chart_view_get_callouts_movable (AtlasChartView *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_VIEW (self), FALSE);
  return self->callouts_movable;
}

void
atlas_chart_view_set_callouts_movable (AtlasChartView *self,
                                       gboolean        movable)
{
  g_return_if_fail (ATLAS_IS_CHART_VIEW (self));
  self->callouts_movable = movable;
  update_cursor (self);
}
