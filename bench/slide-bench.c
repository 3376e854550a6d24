/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench/slide-bench.c: time to lay out and draw each slide of a briefing and each zoom step of the timeline at 1920x1080, with cairo, in one process. */
/* Text sizes are cached for the whole program (atlas_scene_measure_text()):
 * a slide is timed as shown for the first time (the cache emptied before
 * each run) and again as shown once more; a zoom step is timed after the
 * step before it, as the wheel takes them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "atlas-chart.h"
#include "atlas-export.h"
#include "atlas-scene-private.h"

/* The presentation's type, as atlas-presentation.c sets it. */
#define PRESENTATION_FONT_SCALE 1.6

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
layout_and_draw (AtlasDataset *dataset, const AtlasChartOptions *options, const AtlasStyle *style,
                 cairo_surface_t *surface)
{
  g_autoptr(GError) error = NULL;
  AtlasScene *scene = atlas_chart_layout (dataset, options, 1920, 1080, style, &error);
  cairo_t *cr;

  if (scene == NULL)
    g_error ("%s", error->message);
  cr = cairo_create (surface);
  atlas_scene_draw (scene, cr);
  cairo_surface_flush (surface);
  cairo_destroy (cr);
  atlas_scene_free (scene);
}

/* Median milliseconds of laying out and drawing @options onto a surface
 * made before the clock starts, after one warm-up run.  Before each run
 * the text sizes are forgotten when @cold, and @before (when not NULL) is
 * laid out and drawn, untimed. */
static double
time_figure (AtlasDataset *dataset, const AtlasChartOptions *options, const AtlasStyle *style,
             cairo_surface_t *surface, guint runs, gboolean cold, const AtlasChartOptions *before,
             double *worst)
{
  g_autofree double *ms = g_new (double, runs);

  for (guint i = 0; i < runs + 1; i++)
    {
      gint64 start;

      if (cold)
        atlas_scene_forget_text_sizes ();
      if (before != NULL)
        layout_and_draw (dataset, before, style, surface);
      start = g_get_monotonic_time ();
      layout_and_draw (dataset, options, style, surface);
      if (i > 0)
        ms[i - 1] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (ms, runs, sizeof (double), compare_doubles);
  *worst = ms[runs - 1];
  return ms[runs / 2];
}

/* The timeline's range for zoom @step about @middle. */
static void
zoom_options (AtlasChartOptions *options, double first, double last, double middle, guint step)
{
  double half = (last - first) / 2 * pow (0.8, step);
  int y, m, d;

  atlas_chart_options_init (options, ATLAS_VIEW_TIMELINE);
  atlas_civil_from_days ((gint32) (middle - half), &y, &m, &d);
  options->from = (AtlasDate) { (gint32) (middle - half), (gint16) y, (guint8) m, (guint8) d, ATLAS_DATE_DAY };
  atlas_civil_from_days ((gint32) (middle + half), &y, &m, &d);
  options->to = (AtlasDate) { (gint32) (middle + half), (gint16) y, (guint8) m, (guint8) d, ATLAS_DATE_DAY };
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasStyle) slide_style = atlas_style_new (FALSE);
  g_autoptr(AtlasStyle) window_style = atlas_style_new (FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 20;
  const AtlasBriefing *briefing;
  GPtrArray *events;
  double first = G_MAXDOUBLE, last = -G_MAXDOUBLE, crowd, worst, again_worst;

  if (argc < 2)
    {
      fprintf (stderr, "usage: slide-bench DATASET [RUNS]\n");
      return 2;
    }
  dataset = atlas_dataset_load_file (argv[1], 0, NULL, &error);
  if (dataset == NULL || atlas_dataset_get_briefings (dataset)->len == 0)
    g_error ("%s: %s", argv[1], error != NULL ? error->message : "no briefing");
  slide_style->font_scale = PRESENTATION_FONT_SCALE;

  /* A slide change: the next slide laid out and drawn full screen. */
  briefing = g_ptr_array_index (atlas_dataset_get_briefings (dataset), 0);
  for (guint i = 0; i < briefing->slides->len; i++)
    {
      const AtlasSlide *slide = g_ptr_array_index (briefing->slides, i);
      AtlasChartOptions options;
      double median, again;

      atlas_slide_get_options (slide, &options);
      options.title = atlas_text_get (slide->title, "en");
      median = time_figure (dataset, &options, slide_style, surface, runs, TRUE, NULL, &worst);
      again = time_figure (dataset, &options, slide_style, surface, runs, FALSE, NULL, &again_worst);
      printf ("slide %u (%s)\t1920x1080\truns=%u\tlayout_and_draw_median_ms=%.2f\tmax_ms=%.2f"
              "\tagain_median_ms=%.2f\tagain_max_ms=%.2f\n", i + 1,
              atlas_view_to_string (slide->view), runs, median, worst, again, again_worst);
    }

  /* Zoom steps on the timeline, as the window's wheel takes them: each
   * step shows 0.8 of the range before it, about the median event (where
   * the events crowd, the hardest place to zoom into). */
  events = atlas_dataset_get_events (dataset);
  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (events, i);
      first = MIN (first, event->date.day);
      last = MAX (last, event->date.day);
    }
  {
    g_autofree double *days = g_new (double, MAX (events->len, 1));

    for (guint i = 0; i < events->len; i++)
      days[i] = ((const AtlasEvent *) g_ptr_array_index (events, i))->date.day;
    qsort (days, events->len, sizeof (double), compare_doubles);
    crowd = events->len > 0 ? days[events->len / 2] : (first + last) / 2;
  }
  for (guint step = 0; step <= 10; step += 2)
    {
      AtlasChartOptions options, before;
      double median;

      zoom_options (&options, first, last, crowd, step);
      zoom_options (&before, first, last, crowd, step > 0 ? step - 1 : 0);
      /* The first step is the timeline as it opens; each later one comes
       * after the step before it. */
      median = time_figure (dataset, &options, window_style, surface, runs, TRUE, step > 0 ? &before : NULL,
                            &worst);
      printf ("timeline zoom step %u (%.0f days)\t1920x1080\truns=%u\tlayout_and_draw_median_ms=%.2f\tmax_ms=%.2f\n",
              step, (last - first) * pow (0.8, step), runs, median, worst);
    }
  cairo_surface_destroy (surface);
  return 0;
}
