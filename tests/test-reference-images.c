/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reference-images.c: a few scenes drawn to pixels and compared with reviewed reference images.
 *
 * The references in tests/data/reference/ were looked at by a person. After a
 * deliberate change to the drawing, regenerate them with
 *   ATLAS_UPDATE_REFERENCES=1 meson test -C _build test-reference-images
 * and look at them again before committing. */
#include <stdlib.h>

#include "atlas-chart.h"

/* Anti-aliasing and font versions move a few pixels; a changed chart moves
 * many. A pixel counts as different past this channel difference, and the
 * image as different past this fraction of such pixels. */
#define CHANNEL_TOLERANCE 48
#define MAX_DIFFERENT_FRACTION 0.005

typedef struct {
  const char *name;
  AtlasView   view;
  gboolean    dark;
  const char *lang;
  const char *select;
} Reference;

static const Reference references[] = {
  { "flows-light-en", ATLAS_VIEW_FLOWS, FALSE, "en", "ref:CN" },
  { "prices-dark-en", ATLAS_VIEW_PRICES, TRUE, "en", NULL },
  { "shares-light-zh", ATLAS_VIEW_SHARES, FALSE, "zh", NULL },
  { "timeline-dark-zh", ATLAS_VIEW_TIMELINE, TRUE, "zh", NULL },
};

static cairo_surface_t *
render (const Reference *ref)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (path, 0, NULL, &error);
  g_autoptr(AtlasStyle) style = atlas_style_new (ref->dark);
  g_autoptr(AtlasScene) scene = NULL;
  AtlasChartOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_no_error (error);
  atlas_chart_options_init (&options, ref->view);
  options.lang = ref->lang;
  options.select = ref->select;
  scene = atlas_chart_layout (dataset, &options, 960, 540, style, &error);
  g_assert_no_error (error);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 540);
  cr = cairo_create (surface);
  atlas_scene_draw (scene, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static double
different_fraction (cairo_surface_t *a, cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  guint different = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 4; c++)
        if (abs (pa[y * sa + x * 4 + c] - pb[y * sb + x * 4 + c]) > CHANNEL_TOLERANCE)
          {
            different++;
            break;
          }
  return (double) different / (width * height);
}

static void
test_reference (gconstpointer data)
{
  const Reference *ref = data;
  g_autofree char *file = g_strdup_printf ("%s.png", ref->name);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", "reference", file, NULL);
  cairo_surface_t *actual = render (ref);
  cairo_surface_t *expected;
  double fraction;

  if (g_getenv ("ATLAS_UPDATE_REFERENCES") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, expected_path), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (actual);
      g_test_skip ("reference written; look at it before committing");
      return;
    }

  expected = cairo_image_surface_create_from_png (expected_path);
  g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (expected), ==, cairo_image_surface_get_width (actual));
  g_assert_cmpint (cairo_image_surface_get_height (expected), ==, cairo_image_surface_get_height (actual));

  fraction = different_fraction (expected, actual);
  g_test_message ("%s: %.4f %% of pixels differ", ref->name, fraction * 100);
  if (fraction > MAX_DIFFERENT_FRACTION)
    {
      /* Keep what was drawn, to look at beside the reference. */
      g_autofree char *actual_path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL
                                                       ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                                       file, NULL);
      cairo_surface_write_to_png (actual, actual_path);
      g_test_message ("drawn image kept at %s", actual_path);
    }
  g_assert_cmpfloat (fraction, <=, MAX_DIFFERENT_FRACTION);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reference-images/%s", references[i].name);
      g_test_add_data_func (path, &references[i], test_reference);
    }
  return g_test_run ();
}
