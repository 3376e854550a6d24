/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timeline-zoom.c: widget tests of the timeline's zoom and pan in the window: the wheel about the pointer, the keys, a drag, the range control, and the range kept in the view's state. */
#include "atlas-config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "app-test-loop.h"
#include "app-test-widgets.h"
#include "atlas-application.h"
#include "atlas-timeline-scene.h"
#include "atlas-window.h"

#define WAIT_MS 30000  /* a bound, not a pause: the sanitized build on a loaded machine is slow */

typedef struct {
  double day0, day1, x0, x1;
} Axis;

/* The timeline on screen, laid out with an axis other than @old's (a
 * freed scene's address may come back, so the axis tells them apart). */
typedef struct {
  AtlasWindow *window;
  const Axis  *old;
} NewAxis;

static gboolean
new_axis_drawn (gpointer data)
{
  NewAxis *wait = data;
  AtlasScene *scene = atlas_chart_view_get_scene (atlas_window_get_chart_view (wait->window));
  Axis axis;

  if (!window_chart_drawn (wait->window) || scene == NULL || !atlas_timeline_scene_check (scene) ||
      !atlas_timeline_scene_get_axis (scene, &axis.day0, &axis.day1, &axis.x0, &axis.x1))
    return FALSE;
  return wait->old == NULL || axis.day0 != wait->old->day0 || axis.day1 != wait->old->day1;
}

/* Waits for the timeline to be laid out with a new range, and reads it. */
static void
relaid_out (AtlasWindow *window, const Axis *old, Axis *axis)
{
  NewAxis wait = { window, old };
  AtlasScene *scene;

  g_assert_true (wait_until (new_axis_drawn, &wait, WAIT_MS));
  scene = atlas_chart_view_get_scene (atlas_window_get_chart_view (window));
  g_assert_true (atlas_timeline_scene_get_axis (scene, &axis->day0, &axis->day1, &axis->x0, &axis->x1));
  g_test_message ("timeline axis: days %.1f to %.1f", axis->day0, axis->day1);
}

static double
x_of_day (const Axis *axis, double day)
{
  return axis->x0 + (day - axis->day0) / (axis->day1 - axis->day0) * (axis->x1 - axis->x0);
}

static double
day_of_x (const Axis *axis, double x)
{
  return axis->day0 + (x - axis->x0) / (axis->x1 - axis->x0) * (axis->day1 - axis->day0);
}

static gboolean
is_range_dropdown (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_DROP_DOWN (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Time range") == 0;
}

/* A window on @path's timeline, at a laptop's size, drawn once. */
static AtlasWindow *
open_timeline (const char *path)
{
  AtlasWindow *window = open_window_on (path, WAIT_MS);

  atlas_window_set_view (window, ATLAS_VIEW_TIMELINE);
  return window;
}

static void
test_timeline_zoom (void)
{
  g_autofree char *path = atlas_app_find_bundled_dataset ();
  AtlasWindow *window;
  AtlasChartView *chart;
  AtlasViewState *state;
  const AtlasChartOptions *options;
  GtkEventController *scroll, *motion;
  GtkDropDown *range;
  Axis all, zoomed, panned, back, five, reset;
  double pointer_x, pointer_day;
  gboolean handled = FALSE;

  if (path == NULL)
    {
      g_test_skip ("the bundled dataset is not there");
      return;
    }
  window = open_timeline (path);
  chart = atlas_window_get_chart_view (window);
  state = atlas_window_get_view_state (window, ATLAS_VIEW_TIMELINE);
  options = atlas_view_state_get_options (state);
  relaid_out (window, NULL, &all);
  g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_ALL);
  g_assert_false (atlas_date_is_set (&options->from));

  /* The wheel over the last quarter of the axis zooms in about the
   * pointer: the day under it stays where it was, the range narrows. */
  pointer_x = all.x0 + (all.x1 - all.x0) * 0.75;
  pointer_day = day_of_x (&all, pointer_x);
  motion = find_controller (GTK_WIDGET (chart), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  scroll = find_controller (GTK_WIDGET (chart), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  g_assert_nonnull (motion);
  g_assert_nonnull (scroll);
  g_signal_emit_by_name (motion, "motion", pointer_x, (double) gtk_widget_get_height (GTK_WIDGET (chart)) / 2);
  for (int i = 0; i < 3; i++)
    {
      g_signal_emit_by_name (scroll, "scroll", 0.0, -1.0, &handled);
      g_assert_true (handled);
    }
  relaid_out (window, &all, &zoomed);
  g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_CUSTOM);
  g_assert_true (atlas_date_is_set (&options->from));
  g_assert_true (atlas_date_is_set (&options->to));
  /* Three steps of 1.25: about half the span. */
  g_assert_cmpfloat (zoomed.day1 - zoomed.day0, <, (all.day1 - all.day0) * 0.6);
  g_assert_cmpfloat (zoomed.day1 - zoomed.day0, >, (all.day1 - all.day0) * 0.4);
  g_assert_cmpfloat (zoomed.day0, >, all.day0);
  /* Whole days: within a couple of them, and a pixel or two. */
  g_assert_cmpfloat (fabs (day_of_x (&zoomed, pointer_x) - pointer_day), <, 3);
  g_assert_cmpfloat (fabs (x_of_day (&zoomed, pointer_day) - pointer_x), <, 3);
  /* The options hold the range the chart shows. */
  g_assert_cmpint (options->from.day, ==, (gint32) zoomed.day0);
  g_assert_cmpint (options->to.day + 1, ==, (gint32) zoomed.day1);

  /* A drag to the right shows earlier days, by as many as it moved. */
  {
    GtkEventController *drag = find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_DRAG);
    double shift = (zoomed.x1 - zoomed.x0) * 0.1;
    double start_y = 4;  /* over the frame's top, clear of every marker */

    g_assert_nonnull (drag);
    g_signal_emit_by_name (drag, "drag-begin", pointer_x, start_y);
    g_signal_emit_by_name (drag, "drag-update", shift, 0.0);
    g_signal_emit_by_name (drag, "drag-end", shift, 0.0);
    relaid_out (window, &zoomed, &panned);
    g_assert_cmpfloat (fabs ((panned.day1 - panned.day0) - (zoomed.day1 - zoomed.day0)), <, 2);
    g_assert_cmpfloat (fabs ((zoomed.day0 - panned.day0) - (zoomed.day1 - zoomed.day0) * 0.1), <, 2);
  }

  /* The keys: + zooms in about the middle, - out again, 0 shows all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom-in", NULL));
  {
    Axis in, out;

    relaid_out (window, &panned, &in);
    g_assert_cmpfloat (in.day1 - in.day0, <, panned.day1 - panned.day0);
    g_assert_cmpfloat (fabs ((in.day0 + in.day1) / 2 - (panned.day0 + panned.day1) / 2), <, 2);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom-out", NULL));
    relaid_out (window, &in, &out);
    g_assert_cmpfloat (fabs ((out.day1 - out.day0) - (panned.day1 - panned.day0)), <, 3);
    panned = out;
  }

  /* The range stays in the view's state: another view and back. */
  {
    gint32 from = options->from.day, to = options->to.day;

    atlas_window_set_view (window, ATLAS_VIEW_PRICES);
    g_assert_true (wait_until (window_chart_drawn, window, WAIT_MS));
    atlas_window_set_view (window, ATLAS_VIEW_TIMELINE);
    relaid_out (window, NULL, &back);
    g_assert_cmpint (options->from.day, ==, from);
    g_assert_cmpint (options->to.day, ==, to);
    g_assert_cmpfloat (back.day0, ==, from);
    g_assert_cmpfloat (back.day1, ==, to + 1);
  }

  /* The range control, as the prices have it: it says "Custom range"
   * after a zoom, and its presets set the range. */
  range = GTK_DROP_DOWN (find_widget (GTK_WIDGET (window), is_range_dropdown, NULL));
  g_assert_nonnull (range);
  g_assert_cmpuint (gtk_drop_down_get_selected (range), ==, ATLAS_RANGE_CUSTOM);
  gtk_drop_down_set_selected (range, ATLAS_RANGE_5_YEARS);
  {
    gint32 first, last;

    relaid_out (window, &back, &five);
    g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_5_YEARS);
    g_assert_true (atlas_view_state_get_data_extent (state, atlas_window_get_dataset (window), &first, &last));
    g_assert_cmpfloat (fabs (five.day0 - (last - 5 * 365.25)), <, 3);
    g_assert_false (atlas_date_is_set (&options->to));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom-reset", NULL));
  {
    relaid_out (window, &five, &reset);
    g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_ALL);
    g_assert_cmpuint (gtk_drop_down_get_selected (range), ==, ATLAS_RANGE_ALL);
    g_assert_cmpfloat (reset.day0, ==, all.day0);
    g_assert_cmpfloat (reset.day1, ==, all.day1);
  }

  /* Zoomed out past everything: all, never a range wider than the data. */
  for (int i = 0; i < 2; i++)
    g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_ALL);

  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
}

/* The first "+7" count in @scene: its box and how many it counts. */
static gboolean
find_count (const AtlasScene *scene, AtlasRect *box, guint *n)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind == ATLAS_SHAPE_TEXT && shape->role == ATLAS_ROLE_NOTE && shape->text[0] == '+')
        {
          *box = shape->bounds;
          *n = (guint) g_ascii_strtoull (shape->text + 1, NULL, 10);
          return TRUE;
        }
    }
  return FALSE;
}

/* A click on "+7" opens it: the axis zooms to the days of its events,
 * which then have more room; the tooltip says so first. */
static void
test_open_cluster (void)
{
  g_autofree char *path = atlas_app_find_bundled_dataset ();
  g_autofree char *tooltip = NULL;
  AtlasWindow *window;
  AtlasChartView *chart;
  AtlasScene *scene;
  GtkEventController *drag;
  AtlasRect box = { 0 };
  Axis all, opened;
  double cx, cy, first_day, last_day;
  guint n = 0, counted;

  if (path == NULL)
    {
      g_test_skip ("the bundled dataset is not there");
      return;
    }
  window = open_timeline (path);
  chart = atlas_window_get_chart_view (window);
  relaid_out (window, NULL, &all);

  /* The whole range crowds 2025: some events there have only a count. */
  scene = atlas_chart_view_get_scene (chart);
  g_assert_true (find_count (scene, &box, &n));
  g_assert_cmpuint (n, >=, 2);
  cx = box.x + box.width / 2;
  cy = box.y + box.height / 2;
  g_assert_true (atlas_timeline_scene_cluster_at (scene, cx, cy, &first_day, &last_day, &counted));
  g_assert_cmpuint (counted, ==, n);
  g_assert_cmpfloat (first_day, <=, last_day);
  g_assert_false (atlas_timeline_scene_cluster_at (scene, box.x - box.width * 3, cy, NULL, NULL, NULL));
  tooltip = atlas_chart_view_dup_tooltip_text (chart, cx, cy, FALSE);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "click to zoom in"));

  drag = find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_DRAG);
  g_assert_nonnull (drag);
  g_signal_emit_by_name (drag, "drag-begin", cx, cy);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  relaid_out (window, &all, &opened);
  g_assert_cmpfloat (opened.day0, <=, first_day);
  g_assert_cmpfloat (opened.day1, >=, last_day);
  g_assert_cmpfloat (opened.day1 - opened.day0, <, (all.day1 - all.day0) / 4);
  /* Opening is not selecting the first of them. */
  g_assert_cmpint (atlas_chart_view_get_selection (chart)->kind, ==, ATLAS_ITEM_NONE);

  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
}

int
main (int argc, char **argv)
{
  if (!widget_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/timeline-zoom/window", test_timeline_zoom);
  g_test_add_func ("/timeline-zoom/open-cluster", test_open_cluster);
  return g_test_run ();
}
