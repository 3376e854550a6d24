/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench/hover-bench.c: time per frame of the price view while the pointer moves over a long series, in the real widget and in the engine alone. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gtk/gtk.h>

#include "atlas-chart-view.h"
#include "atlas-price-scene.h"
#include "atlas-view-state.h"

#define WIDTH   1920
#define HEIGHT  1080

/* The pointer sweeps the plot left to right and back, one step a frame,
 * at a height that changes too, as a hand does. */
static void
pointer_at (const AtlasRect *plot,
            guint            frame,
            guint            n_frames,
            double          *x,
            double          *y)
{
  double t = (double) frame / MAX (n_frames - 1, 1);
  double sweep = t < 0.5 ? 2 * t : 2 - 2 * t;

  *x = plot->x + 1 + sweep * (plot->width - 2);
  *y = plot->y + plot->height * (0.5 + 0.3 * sin (t * 6 * G_PI));
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_stats (const char *what,
             double     *ms,
             guint       n)
{
  qsort (ms, n, sizeof (double), compare_doubles);
  printf ("%s\tframes=%u\tmedian_ms=%.3f\tp95_ms=%.3f\tmax_ms=%.3f\tmin_ms=%.3f\n",
          what, n, ms[n / 2], ms[(guint) floor (0.95 * (n - 1))], ms[n - 1], ms[0]);
}

static AtlasDataset *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  AtlasDataset *dataset = atlas_dataset_load_file (path, 0, NULL, &error);

  if (dataset == NULL)
    g_error ("%s", error->message);
  printf ("load\t%s\t%.1f ms\n", path, (g_get_monotonic_time () - start) / 1000.0);
  return dataset;
}

/* ---- the engine alone: what the widget does per frame, without GTK ----- */

/* Per frame, as the widget's motion handler and snapshot do: hit-test at
 * the pointer, set the hover emphasis (no layout), draw the scene and the
 * crosshair's readings into a 1920x1080 image. */
static int
run_scene (const char *path,
           guint       n_frames)
{
  g_autoptr(AtlasDataset) dataset = load (path);
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  AtlasChartOptions options;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autofree double *ms = g_new (double, n_frames);
  g_autofree double *hit_ms = g_new (double, n_frames);
  g_autofree double *draw_ms = g_new (double, n_frames);
  gint64 start, hit_end, draw_start;
  AtlasRect area;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  start = g_get_monotonic_time ();
  scene = atlas_chart_layout (dataset, &options, WIDTH, HEIGHT, style, &error);
  if (scene == NULL)
    g_error ("%s", error->message);
  printf ("layout\tonce\t%.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  if (!atlas_price_scene_get_area (scene, &area))
    area = scene->plot;

  for (guint frame = 0; frame < n_frames; frame++)
    {
      AtlasPriceReading readings[16];
      AtlasItem item;
      double x, y;
      cairo_t *cr;
      guint n;

      pointer_at (&area, frame, n_frames, &x, &y);
      start = g_get_monotonic_time ();

      atlas_scene_hit_test (scene, x, y, &item);
      atlas_scene_set_highlight (scene, &item);
      hit_end = g_get_monotonic_time ();
      cr = cairo_create (surface);
      draw_start = g_get_monotonic_time ();
      atlas_scene_draw (scene, cr);
      draw_ms[frame] = (g_get_monotonic_time () - draw_start) / 1000.0;
      /* The crosshair: a line and a ring per series' reading. */
      cairo_move_to (cr, round (x) + 0.5, area.y);
      cairo_line_to (cr, round (x) + 0.5, area.y + area.height);
      cairo_stroke (cr);
      n = atlas_price_scene_readings (scene, x, readings, G_N_ELEMENTS (readings));
      for (guint i = 0; i < n; i++)
        {
          cairo_new_path (cr);
          cairo_arc (cr, readings[i].x, readings[i].y, 4.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      ms[frame] = (g_get_monotonic_time () - start) / 1000.0;
      hit_ms[frame] = (hit_end - start) / 1000.0;
    }
  print_stats ("scene", ms, n_frames);
  print_stats ("  hit-test+highlight", hit_ms, n_frames);
  print_stats ("  atlas_scene_draw", draw_ms, n_frames);

  /* Not what the app does (yet): the scene drawn once into an image kept
   * between frames, each frame painting that image and the crosshair over
   * it. What a widget caching its scene's render node would cost, as long
   * as the hover does not change what is drawn muted. */
  {
    cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
    cairo_t *cr = cairo_create (cached);

    atlas_scene_set_highlight (scene, NULL);
    atlas_scene_draw (scene, cr);
    cairo_destroy (cr);

    for (guint frame = 0; frame < n_frames; frame++)
      {
        AtlasPriceReading readings[16];
        AtlasItem item;
        double x, y;
        guint n;

        pointer_at (&area, frame, n_frames, &x, &y);
        start = g_get_monotonic_time ();
        atlas_scene_hit_test (scene, x, y, &item);
        cr = cairo_create (surface);
        cairo_set_source_surface (cr, cached, 0, 0);
        cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
        cairo_paint (cr);
        cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
        cairo_move_to (cr, round (x) + 0.5, area.y);
        cairo_line_to (cr, round (x) + 0.5, area.y + area.height);
        cairo_stroke (cr);
        n = atlas_price_scene_readings (scene, x, readings, G_N_ELEMENTS (readings));
        for (guint i = 0; i < n; i++)
          {
            cairo_new_path (cr);
            cairo_arc (cr, readings[i].x, readings[i].y, 4.5, 0, 2 * G_PI);
            cairo_fill (cr);
          }
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        ms[frame] = (g_get_monotonic_time () - start) / 1000.0;
      }
    print_stats ("cached-prototype", ms, n_frames);
    cairo_surface_destroy (cached);
  }
  cairo_surface_destroy (surface);
  return 0;
}

/* ---- the widget: AtlasChartView in a window, the pointer moving ------- */

/* The widget's own snapshot() is wrapped to time it apart from GTK's
 * rendering of the frame; "widget-floor" replaces it by what any widget
 * covering the window costs GTK to show: one colour rectangle and the
 * crosshair's 1-pixel line, nothing kept, nothing drawn with cairo. */
static void   (*chart_snapshot) (GtkWidget *widget, GtkSnapshot *snapshot);
static gint64   snapshot_us;
static gboolean floor_mode;
static double   floor_x;

static void
timed_snapshot (GtkWidget   *widget,
                GtkSnapshot *snapshot)
{
  gint64 start = g_get_monotonic_time ();

  /* The first frame is the chart's own (it lays the scene out). */
  if (floor_mode && atlas_chart_view_has_drawn (ATLAS_CHART_VIEW (widget)))
    {
      int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 },
                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.4, 0.4, 0.4, 0.7 },
                                 &GRAPHENE_RECT_INIT (round (floor_x), 0, 1, height));
    }
  else
    chart_snapshot (widget, snapshot);
  snapshot_us = g_get_monotonic_time () - start;
}

typedef struct {
  GtkWidget          *window;
  AtlasChartView     *view;
  GtkEventController *motion;
  AtlasScene         *first_scene;
  guint               n_frames, frame;
  gboolean            measuring;
  gint64              motion_us;      /* the motion handler of this frame */
  gint64              paint_start;
  double             *ms;             /* motion + frame clock's paint, per frame */
  double             *interval_ms;    /* from one painted frame to the next */
  double             *motion_ms;      /* the motion handler alone */
  double             *snapshot_ms;    /* the widget's snapshot() alone */
  double             *kept_ms;        /* ms of the frames that drew no scene */
  guint               n_kept;
  gint64              last_after_paint;
  guint               relayouts;
  guint               first_renders;  /* the widget's render count after the first frame */
  guint               renders;        /* and how many more while measuring */
  guint               emphasis_frames; /* frames whose pointer changed the hover item */
  AtlasItem           last_hover;
  const char         *renderer;
  int                 status;
} Hover;

static gboolean
move_pointer_cb (gpointer user_data)
{
  Hover *hover = user_data;
  AtlasScene *scene = atlas_chart_view_get_scene (hover->view);
  AtlasRect area;
  double x, y;
  gint64 start;

  if (!atlas_price_scene_get_area (scene, &area))
    area = scene->plot;
  pointer_at (&area, hover->frame, hover->n_frames, &x, &y);

  /* Frames whose hover item differs from the last one's may change the
   * emphasis, and then the widget draws the scene again (counted). */
  {
    AtlasItem item;

    atlas_scene_hit_test (scene, x, y, &item);
    if (hover->frame > 0 && !atlas_item_equal (&item, &hover->last_hover))
      hover->emphasis_frames++;
    hover->last_hover = item;  /* its id is the dataset's */
  }
  /* What GTK does with a motion event over the widget. */
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (hover->motion, "motion", x, y);
  hover->motion_us = g_get_monotonic_time () - start;
  floor_x = x;
  if (floor_mode)
    gtk_widget_queue_draw (GTK_WIDGET (hover->view));
  snapshot_us = 0;
  hover->measuring = TRUE;
  return G_SOURCE_REMOVE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Hover         *hover)
{
  hover->paint_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Hover         *hover)
{
  gint64 now = g_get_monotonic_time ();
  AtlasScene *scene;

  if (!atlas_chart_view_has_drawn (hover->view))
    return;
  scene = atlas_chart_view_get_scene (hover->view);
  if (scene == NULL)
    {
      g_printerr ("hover-bench: the chart has no scene: %s\n",
                  atlas_chart_view_get_error (hover->view) != NULL
                    ? atlas_chart_view_get_error (hover->view)->message : "?");
      hover->status = 1;
      gtk_window_destroy (GTK_WINDOW (hover->window));
      return;
    }

  if (hover->first_scene == NULL)
    {
      /* The first frame: the layout is done, once. */
      hover->first_scene = scene;
      hover->first_renders = atlas_chart_view_get_render_count (hover->view);
      hover->renderer = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (hover->window)));
    }
  else if (hover->measuring)
    {
      /* A new scene would mean the layout was redone for a hover. */
      if (scene != hover->first_scene)
        hover->relayouts++;
      hover->ms[hover->frame] = (hover->motion_us + (now - hover->paint_start)) / 1000.0;
      hover->interval_ms[hover->frame] = (now - hover->last_after_paint) / 1000.0;
      hover->motion_ms[hover->frame] = hover->motion_us / 1000.0;
      hover->snapshot_ms[hover->frame] = snapshot_us / 1000.0;
      /* A frame whose hover changed no emphasis paints the kept image. */
      if (atlas_chart_view_get_render_count (hover->view) - hover->first_renders == hover->renders)
        hover->kept_ms[hover->n_kept++] = hover->ms[hover->frame];
      hover->frame++;
      hover->measuring = FALSE;
    }
  hover->last_after_paint = now;

  hover->renders = atlas_chart_view_get_render_count (hover->view) - hover->first_renders;
  if (hover->frame == hover->n_frames)
    {
      g_signal_handlers_disconnect_by_data (clock, hover);
      gtk_window_destroy (GTK_WINDOW (hover->window));
      return;
    }
  if (!hover->measuring)
    g_idle_add (move_pointer_cb, hover);
}

static void
realize_cb (GtkWidget *window,
            Hover     *hover)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), hover);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), hover);
}

static GtkEventController *
find_motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }
  return NULL;
}

static int
run_widget (const char *path,
            guint       n_frames)
{
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasViewState) state = atlas_view_state_new (ATLAS_VIEW_PRICES);
  Hover hover = { 0 };
  GtkWidget *view;

  gtk_init ();
  dataset = load (path);

  hover.n_frames = n_frames;
  hover.ms = g_new0 (double, n_frames);
  hover.interval_ms = g_new0 (double, n_frames);
  hover.motion_ms = g_new0 (double, n_frames);
  hover.snapshot_ms = g_new0 (double, n_frames);
  hover.kept_ms = g_new0 (double, n_frames);
  {
    GtkWidgetClass *klass = g_type_class_ref (ATLAS_TYPE_CHART_VIEW);

    chart_snapshot = klass->snapshot;
    klass->snapshot = timed_snapshot;
  }
  hover.window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (hover.window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (hover.window), WIDTH, HEIGHT);

  view = atlas_chart_view_new ();
  hover.view = ATLAS_CHART_VIEW (view);
  atlas_chart_view_set_state (hover.view, state);
  atlas_chart_view_set_dataset (hover.view, dataset);
  gtk_window_set_child (GTK_WINDOW (hover.window), view);
  hover.motion = find_motion_controller (view);
  if (hover.motion == NULL)
    g_error ("the chart widget has no motion controller");

  g_signal_connect_after (hover.window, "realize", G_CALLBACK (realize_cb), &hover);
  gtk_window_present (GTK_WINDOW (hover.window));

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  if (hover.status == 0)
    {
      printf ("%s\tsize=%dx%d\trenderer=%s\trelayouts_on_hover=%u\n", floor_mode ? "widget-floor" : "widget",
              WIDTH, HEIGHT, hover.renderer, hover.relayouts);
      /* How often the kept image of the scene was drawn again while the
       * pointer moved (only when the emphasis changed), and on how many
       * frames the item under the pointer changed. */
      printf ("widget\tscene_renders_on_hover=%u\thover_item_changes=%u\n",
              hover.renders,
              hover.emphasis_frames);
      print_stats ("widget", hover.ms, hover.frame);
      print_stats ("interval", hover.interval_ms, hover.frame);
      print_stats ("  motion handler", hover.motion_ms, hover.frame);
      print_stats ("  widget snapshot", hover.snapshot_ms, hover.frame);
      if (hover.n_kept > 0)
        print_stats ("widget, frames drawing no scene", hover.kept_ms, hover.n_kept);
    }
  g_free (hover.ms);
  g_free (hover.interval_ms);
  g_free (hover.motion_ms);
  g_free (hover.snapshot_ms);
  g_free (hover.kept_ms);
  return hover.status;
}

/* hover-bench scene|widget|widget-floor DATASET [FRAMES] */
int
main (int argc, char **argv)
{
  guint n_frames;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s scene|widget|widget-floor DATASET [FRAMES]\n", argv[0]);
      return 2;
    }
  n_frames = argc > 3 ? (guint) atoi (argv[3]) : 120;
  if (g_str_equal (argv[1], "scene"))
    return run_scene (argv[2], n_frames);
  floor_mode = g_str_equal (argv[1], "widget-floor");
  return run_widget (argv[2], n_frames);
}
