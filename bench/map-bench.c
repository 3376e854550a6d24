/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench/map-bench.c: time to lay out and draw the map (choropleth and routes) beside the flows view, in one process, with cairo. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "atlas-chart.h"
#include "atlas-world.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Layout and drawing onto an image surface of the figure's size, as an
 * export or the window's first frame of the view does; the surface is
 * made before the clock starts. */
static void
measure (AtlasDataset *dataset, const char *what, AtlasView view, const char *group, const char *chain,
         int width, int height, guint runs)
{
  g_autofree double *layout_ms = g_new (double, runs);
  g_autofree double *total_ms = g_new (double, runs);
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  for (guint i = 0; i < runs + 1; i++)
    {
      g_autoptr(GError) error = NULL;
      AtlasChartOptions options;
      AtlasScene *scene;
      gint64 start, laid_out, drawn;
      cairo_t *cr;

      atlas_chart_options_init (&options, view);
      options.group = group;
      options.chain = chain;
      start = g_get_monotonic_time ();
      scene = atlas_chart_layout (dataset, &options, width, height, style, &error);
      if (scene == NULL)
        g_error ("%s: %s", what, error->message);
      laid_out = g_get_monotonic_time ();
      cr = cairo_create (surface);
      atlas_scene_draw (scene, cr);
      cairo_surface_flush (surface);
      drawn = g_get_monotonic_time ();
      cairo_destroy (cr);
      atlas_scene_free (scene);
      /* The first run is a warm-up: fonts, glyph caches, the world file. */
      if (i > 0)
        {
          layout_ms[i - 1] = (laid_out - start) / 1000.0;
          total_ms[i - 1] = (drawn - start) / 1000.0;
        }
    }
  cairo_surface_destroy (surface);
  qsort (layout_ms, runs, sizeof (double), compare_doubles);
  qsort (total_ms, runs, sizeof (double), compare_doubles);
  printf ("%s\t%dx%d\truns=%u\tlayout_median_ms=%.2f\tlayout_and_draw_median_ms=%.2f\tmax_ms=%.2f\n",
          what, width, height, runs, layout_ms[runs / 2], total_ms[runs / 2], total_ms[runs - 1]);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  static const int sizes[][2] = { { 1600, 900 }, { 3840, 2160 } };
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 30;
  gint64 start;

  if (argc < 2)
    {
      fprintf (stderr, "usage: map-bench DATASET [RUNS]\n");
      return 2;
    }
  dataset = atlas_dataset_load_file (argv[1], 0, NULL, &error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  /* Reading the boundaries happens once per process: shown apart. */
  start = g_get_monotonic_time ();
  if (atlas_world_get_default (&error) == NULL)
    g_error ("%s", error->message);
  printf ("world file read and projected once\t%.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      measure (dataset, "map, choropleth (mining-2024)", ATLAS_VIEW_MAP, "mining-2024", NULL,
               sizes[s][0], sizes[s][1], runs);
      measure (dataset, "map, routes (ree-2024)", ATLAS_VIEW_MAP, NULL, "ree-2024", sizes[s][0], sizes[s][1], runs);
      measure (dataset, "flows (ree-2024)", ATLAS_VIEW_FLOWS, NULL, "ree-2024", sizes[s][0], sizes[s][1], runs);
    }
  return 0;
}
