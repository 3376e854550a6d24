/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-scene.c: the chart engine's shared parts: numbers, palette, label placer, hit-testing, the frame. */
#include <math.h>
#include <string.h>

#include "atlas-chart-frame.h"
#include "atlas-format.h"
#include "atlas-label-placer.h"
#include "atlas-chart-private.h"
#include "atlas-scene-private.h"
#include "atlas-scene-text.h"

static AtlasDataset *
load_full (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.json", NULL);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load_file (path, 0, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
test_format_number (void)
{
  static const struct { double value; int decimals; const char *text; } cases[] = {
    { 270000, 0, "270,000" },
    { 1234567.891, 2, "1,234,567.89" },
    { 92.5, 1, "92.5" },
    { 92.0, 1, "92" },
    { 0.13, 2, "0.13" },
    { -1500, 0, "-1,500" },
    { -0.004, 2, "0" },
    { 999, 0, "999" },
    { 1000, 0, "1,000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_format_number (cases[i].value, cases[i].decimals);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  g_autofree char *inf = atlas_format_number (INFINITY, 0);
  g_assert_cmpstr (inf, ==, "–");
  g_autofree char *percent = atlas_format_percent (0.921);
  g_assert_cmpstr (percent, ==, "92 %");
  g_autofree char *small = atlas_format_percent (0.055);
  g_assert_cmpstr (small, ==, "5.5 %");
}

/* Numbers for a file: what a dataset says, digit for digit, and nothing a
 * locale or a unit could change. */
static void
test_format_plain_number (void)
{
  static const struct { double value; int decimals; const char *text; } cases[] = {
    { 44000000, -1, "44000000" },
    { 48.41, -1, "48.41" },
    { 0.5, -1, "0.5" },
    { -5, -1, "-5" },
    { 260.675, -1, "260.675" },
    { 123456789.123456, -1, "123456789.123456" },
    { 0.000012345, -1, "0.000012345" },
    { 1e20, -1, "100000000000000000000" },
    /* Every digit of a figure and none invented: the shortest text that
     * reads back as the same double (computed figures pass decimals). */
    { 0.1 + 0.2, -1, "0.30000000000000004" },
    { 0.1234567890123456, -1, "0.1234567890123456" },
    { 1e23, -1, "100000000000000000000000" },
    { 123456789012345680, -1, "123456789012345680" },
    { -2.5e-7, -1, "-0.00000025" },
    { 100 - 96.1, 12, "3.9" },                  /* not 3.9000000000000057 */
    { 95.5555555, 2, "95.56" },
    { -0.004, 2, "0" },
    { 0, -1, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_format_plain_number (cases[i].value, cases[i].decimals);
      g_assert_cmpstr (text, ==, cases[i].text);
      /* Read back as C reads it: all of it, and the same double when every
       * digit was asked for. */
      {
        char *end = NULL;
        double back = g_ascii_strtod (text, &end);

        g_assert_cmpint (*end, ==, '\0');
        if (cases[i].decimals < 0)
          g_assert_cmpfloat (back, ==, cases[i].value);
      }
    }
  /* The extremes, written out in full, read back the same. */
  {
    static const double extremes[] = { 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -1e308 };

    for (guint i = 0; i < G_N_ELEMENTS (extremes); i++)
      {
        g_autofree char *text = atlas_format_plain_number (extremes[i], -1);
        char *end = NULL;

        g_assert_null (strchr (text, 'e'));
        g_assert_cmpfloat (g_ascii_strtod (text, &end), ==, extremes[i]);
        g_assert_cmpint (*end, ==, '\0');
      }
  }
  /* JSON: the same shortest digits, "null" for what JSON cannot hold. */
  {
    static const struct { double value; const char *text; } json[] = {
      { 1e20, "1e+20" }, { 1e-300, "1e-300" }, { 0.5, "0.5" }, { -3, "-3" }, { 0, "0" },
      { 0.1 + 0.2, "0.30000000000000004" }, { NAN, "null" }, { -INFINITY, "null" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (json); i++)
      {
        g_autofree char *text = atlas_format_json_number (json[i].value);
        g_assert_cmpstr (text, ==, json[i].text);
      }
  }
  {
    g_autofree char *nan = atlas_format_plain_number (NAN, 2);
    g_autofree char *grouped = atlas_group_digits ("-1234567.891");
    g_autofree char *short_one = atlas_group_digits ("999.5");
    g_autofree char *empty = atlas_group_digits ("");

    g_assert_cmpstr (nan, ==, "");
    g_assert_cmpstr (grouped, ==, "-1,234,567.891");
    g_assert_cmpstr (short_one, ==, "999.5");
    g_assert_cmpstr (empty, ==, "");
  }
  /* A derived per cent: hundredths, but a small share never reads 0. */
  {
    g_autofree char *usual = atlas_table_format_percent (100.0 * 44000000 / 90884500);
    g_autofree char *small = atlas_table_format_percent (100.0 * 4500 / 90884500);
    g_autofree char *whole = atlas_table_format_percent (100);

    g_assert_cmpstr (usual, ==, "48.41");
    g_assert_cmpstr (small, ==, "0.005");
    g_assert_cmpstr (whole, ==, "100");
  }
}

static double
color_distance (const AtlasColor *a, const AtlasColor *b)
{
  return fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue);
}

static void
test_palette (void)
{
  g_autoptr(AtlasStyle) light = atlas_style_new (FALSE);
  g_autoptr(AtlasStyle) dark = atlas_style_new (TRUE);
  AtlasColor colors[24];

  /* The first 24 palette entries are pairwise distinct, so a dataset of
   * two dozen regions never shows two regions in one colour. */
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    atlas_style_palette_color (light, i, &colors[i]);
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (colors); j++)
      g_assert_cmpfloat (color_distance (&colors[i], &colors[j]), >, 0.05);

  /* Every entry keeps some contrast against its background. */
  for (guint i = 0; i < 24; i++)
    {
      AtlasColor on_light, on_dark;
      atlas_style_palette_color (light, i, &on_light);
      atlas_style_palette_color (dark, i, &on_dark);
      g_assert_cmpfloat (0.2126 * on_light.red + 0.7152 * on_light.green + 0.0722 * on_light.blue, <=, 0.7);
      g_assert_cmpfloat (0.2126 * on_dark.red + 0.7152 * on_dark.green + 0.0722 * on_dark.blue, >=, 0.25);
    }
}

static void
test_region_colors_stable (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  const AtlasRegion *cn = atlas_dataset_find_region (dataset, "CN");
  const AtlasRegion *us = atlas_dataset_find_region (dataset, "US");
  AtlasColor a, b, c;

  atlas_style_region_color (style, dataset, cn, &a);
  atlas_style_region_color (style, dataset, cn, &b);
  g_assert_cmpfloat (color_distance (&a, &b), ==, 0);
  atlas_style_region_color (style, dataset, us, &c);
  g_assert_cmpfloat (color_distance (&a, &c), >, 0.05);
  if (us->has_color)
    {
      g_assert_cmpfloat (c.red, ==, us->red);
      g_assert_cmpfloat (c.blue, ==, us->blue);
    }
}

static void
test_label_placer (void)
{
  AtlasRect bounds = { 0, 0, 100, 50 };
  g_autoptr(AtlasLabelPlacer) placer = atlas_label_placer_new (&bounds);
  AtlasRect a = { 10, 10, 30, 10 };
  AtlasRect overlapping = { 30, 15, 30, 10 };
  AtlasRect beside = { 40, 10, 30, 10 };
  AtlasRect outside = { 90, 10, 30, 10 };
  AtlasRect obstacle = { 0, 30, 100, 5 };
  AtlasRect on_obstacle = { 10, 28, 10, 4 };
  AtlasRect inside_a = { 12, 12, 20, 5 };

  g_assert_true (atlas_label_placer_try (placer, &a));
  g_assert_false (atlas_label_placer_try (placer, &overlapping));
  g_assert_true (atlas_label_placer_try (placer, &beside));
  g_assert_false (atlas_label_placer_try (placer, &outside));
  atlas_label_placer_reserve (placer, &obstacle);
  g_assert_false (atlas_label_placer_is_free (placer, &on_obstacle));
  /* A released box frees its room, and only its own. */
  g_assert_false (atlas_label_placer_is_free (placer, &inside_a));
  g_assert_true (atlas_label_placer_release (placer, &a));
  g_assert_true (atlas_label_placer_try (placer, &inside_a));
  g_assert_false (atlas_label_placer_release (placer, &a));
  g_assert_false (atlas_label_placer_is_free (placer, &on_obstacle));
}

static void
test_hit_test_and_emphasis (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();
  g_autoptr(AtlasScene) scene = atlas_scene_new (NULL, dataset, NULL, 200, 100);
  AtlasItem back = { ATLAS_ITEM_NODE, "a", 0 };
  AtlasItem front = { ATLAS_ITEM_NODE, "b", 1 };
  AtlasRect r1 = { 10, 10, 100, 50 }, r2 = { 50, 20, 20, 20 };
  AtlasColor red = { 1, 0, 0, 1 };
  AtlasItem hit, bounds_item = front;
  AtlasRect bounds;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 *pixels;
  int stride;

  atlas_scene_add_rect (scene, &r1, &red, &back);
  atlas_scene_add_rect (scene, &r2, &red, &front);
  atlas_scene_add_rect (scene, &(AtlasRect) { 150, 10, 10, 10 }, &red, NULL);

  g_assert_true (atlas_scene_hit_test (scene, 60, 30, &hit));
  g_assert_true (atlas_item_equal (&hit, &front));
  g_assert_true (atlas_scene_hit_test (scene, 20, 20, &hit));
  g_assert_true (atlas_item_equal (&hit, &back));
  g_assert_false (atlas_scene_hit_test (scene, 155, 15, &hit)); /* decoration */
  g_assert_cmpint (hit.kind, ==, ATLAS_ITEM_NONE);
  g_assert_true (atlas_scene_item_bounds (scene, &bounds_item, &bounds));
  g_assert_cmpfloat (bounds.x, ==, 50);
  g_assert_cmpfloat (bounds.width, ==, 20);

  /* Emphasising one item mutes the other: its pixels fade. */
  atlas_scene_set_highlight (scene, &front);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cr = cairo_create (surface);
  atlas_scene_draw (scene, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  g_assert_cmphex (pixels[30 * stride + 60] & 0xffffff, ==, 0xff0000);  /* emphasised */
  g_assert_cmphex (pixels[15 * stride + 15] & 0xffffff, !=, 0xff0000);  /* muted */
  cairo_surface_destroy (surface);

  atlas_scene_set_highlight (scene, NULL);
  g_assert_null (scene->emphasis);
}

/* A triangle (edges at every angle) drawn by a scene whose one shape has
 * @coarse edges, onto a fresh surface, its antialiasing set to @antialias
 * before; *after receives the cairo_t's antialiasing after the drawing. */
static cairo_surface_t *
draw_triangle (gboolean coarse, cairo_antialias_t antialias, cairo_antialias_t *after)
{
  g_autoptr(AtlasScene) scene = atlas_scene_new (NULL, NULL, NULL, 64, 64);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (surface);
  AtlasShape shape = { 0 };

  cairo_move_to (cr, 3.3, 60.1);
  cairo_line_to (cr, 31.7, 2.9);
  cairo_line_to (cr, 61.2, 47.6);
  cairo_close_path (cr);
  shape.kind = ATLAS_SHAPE_PATH;
  shape.path = cairo_copy_path (cr);
  shape.bounds = (AtlasRect) { 0, 0, 64, 64 };
  shape.has_fill = TRUE;
  shape.fill = (AtlasColor) { 0.1, 0.3, 0.7, 1 };
  shape.coarse_edges = coarse;
  atlas_scene_add_shape (scene, &shape);
  cairo_new_path (cr);
  cairo_set_antialias (cr, antialias);
  atlas_scene_draw (scene, cr);
  *after = cairo_get_antialias (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a, cairo_surface_t *b)
{
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a)) == 0;
}

/* A shape with coarse edges is rasterised on cairo's fast grid (what the
 * map asks for its land), others as the caller set, and the caller's
 * setting is left as it was. */
static void
test_coarse_edges (void)
{
  cairo_antialias_t after;
  cairo_surface_t *fine = draw_triangle (FALSE, CAIRO_ANTIALIAS_DEFAULT, &after);
  cairo_surface_t *coarse, *fast;

  g_assert_cmpint (after, ==, CAIRO_ANTIALIAS_DEFAULT);
  coarse = draw_triangle (TRUE, CAIRO_ANTIALIAS_DEFAULT, &after);
  g_assert_cmpint (after, ==, CAIRO_ANTIALIAS_DEFAULT);
  fast = draw_triangle (FALSE, CAIRO_ANTIALIAS_FAST, &after);
  g_assert_true (same_pixels (coarse, fast));
  g_assert_false (same_pixels (coarse, fine));
  cairo_surface_destroy (fine);
  cairo_surface_destroy (coarse);
  cairo_surface_destroy (fast);

  fine = draw_triangle (TRUE, CAIRO_ANTIALIAS_NONE, &after);
  g_assert_cmpint (after, ==, CAIRO_ANTIALIAS_NONE);
  cairo_surface_destroy (fine);
}

/* The longest prefix of @text that fits @max_width with "…", found one
 * character at a time (what atlas_scene_ellipsize() must agree with). */
static char *
ellipsize_slowly (const AtlasScene *scene, const char *text, double size, double max_width)
{
  char *best = NULL;
  glong n_chars;
  double width;

  atlas_scene_measure_text (scene, text, size, FALSE, 0, &width, NULL);
  if (width <= max_width)
    return g_strdup (text);
  atlas_scene_text_prefix_bytes (text, G_MAXLONG, &n_chars);
  for (glong n = 1; n < n_chars; n++)
    {
      g_autofree char *prefix = g_strndup (text, atlas_scene_text_prefix_bytes (text, n, NULL));
      g_autofree char *candidate = g_strconcat (g_strchomp (prefix), "…", NULL);

      atlas_scene_measure_text (scene, candidate, size, FALSE, 0, &width, NULL);
      if (width > max_width)
        break;
      g_free (best);
      best = g_steal_pointer (&candidate);
    }
  return best;
}

/* Shortening finds the longest prefix that fits, whether the text's
 * characters are alike in width or not, in Latin and Chinese script. */
static void
test_ellipsize_longest_prefix (void)
{
  g_autoptr(AtlasScene) scene = atlas_scene_new (NULL, NULL, NULL, 400, 300);
  const char *texts[] = {
    "2025-07-10  US Department of Defense and MP Materials announce a partnership",
    "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
    "WWWWWWWWWWWWWWWWWWWWiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii",
    "2025-04-04  商务部对钐、钆、铽、镝、镥、钪、钇等七类中重稀土实施出口管制 (MOFCOM)",
  };
  const double widths[] = { 12, 40, 97.5, 150, 233, 380 };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        g_autofree char *fast = atlas_scene_ellipsize (scene, texts[t], 13, FALSE, widths[w]);
        g_autofree char *slow = ellipsize_slowly (scene, texts[t], 13, widths[w]);

        g_assert_cmpstr (fast, ==, slow);
      }
}

/* The frame leaves a plot inside the figure and keeps the footer below it,
 * however many sources a chart cites. */
static void
test_frame_keeps_plot_clear (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();
  static const double sizes[][2] = { { 640, 360 }, { 1600, 900 }, { 3840, 2160 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(AtlasScene) scene = atlas_scene_new (NULL, dataset, NULL, sizes[s][0], sizes[s][1]);
      g_autoptr(GPtrArray) sources = g_ptr_array_new ();
      GPtrArray *all = atlas_dataset_get_sources (dataset);
      AtlasFrameSpec spec = {
        .title = "A title long enough to wrap on a small figure, as briefing titles do",
        .subtitle = "A subtitle", .sources = sources, .footer_note = "Three points are not shown.",
        .headline = s == 0 ? "A slide's headline" : NULL,
      };
      AtlasRect figure = { 0, 0, sizes[s][0], sizes[s][1] };

      for (guint repeat = 0; repeat < 8; repeat++)
        for (guint i = 0; i < all->len; i++)
          g_ptr_array_add (sources, g_ptr_array_index (all, i));
      atlas_chart_frame_layout (scene, &spec);

      /* A headline leads; the chart's own title moves under it. */
      g_assert_cmpstr (scene->title, ==, spec.headline != NULL ? spec.headline : spec.title);
      g_assert_true (atlas_rect_contains (&figure, &scene->plot));
      g_assert_cmpfloat (scene->plot.height, >, sizes[s][1] * 0.3);
      for (guint i = 0; i < scene->shapes->len; i++)
        {
          const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);
          g_assert_true (atlas_rect_contains (&figure, &shape->bounds));
          g_assert_false (atlas_rect_intersects (&scene->plot, &shape->bounds));
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scene/format-number", test_format_number);
  g_test_add_func ("/scene/format-plain-number", test_format_plain_number);
  g_test_add_func ("/scene/palette", test_palette);
  g_test_add_func ("/scene/region-colors-stable", test_region_colors_stable);
  g_test_add_func ("/scene/label-placer", test_label_placer);
  g_test_add_func ("/scene/hit-test-and-emphasis", test_hit_test_and_emphasis);
  g_test_add_func ("/scene/frame-keeps-plot-clear", test_frame_keeps_plot_clear);
  g_test_add_func ("/scene/coarse-edges", test_coarse_edges);
  g_test_add_func ("/scene/ellipsize-longest-prefix", test_ellipsize_longest_prefix);
  return g_test_run ();
}
