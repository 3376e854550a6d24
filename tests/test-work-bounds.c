/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-work-bounds.c: long texts and crowds of events, made here, cost work in proportion to what is drawn, counted in Pango layouts, characters laid out and box comparisons (never in seconds). */
#include <string.h>

#include "atlas-chart.h"
#include "atlas-scene-text.h"
#include "atlas-scene-private.h"

#define KIB 1024

/* A string of @n_bytes bytes, words of a few letters and some Han
 * characters, so that shaping has real work to do. */
static char *
long_text (gsize n_bytes)
{
  static const char * const words[] = { "neodymium ", "oxide ", "稀土 ", "price ", "magnet " };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0;; i++)
    {
      const char *w = words[i % G_N_ELEMENTS (words)];

      if (text->len + strlen (w) > n_bytes)
        break;
      g_string_append (text, w);
    }
  while (text->len < n_bytes)
    g_string_append_c (text, 'x');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A JSON string literal of @text (which needs no escaping). */
static char *
quoted (const char *text)
{
  return g_strconcat ("\"", text, "\"", NULL);
}

/* ---- long text ------------------------------------------------------- */

/* One shortening is a handful of layouts of at most what could be seen:
 * before, it laid the text out once per character dropped. */
static void
test_ellipsize_long_text (void)
{
  g_autoptr(AtlasScene) scene = atlas_scene_new (NULL, NULL, NULL, 1600, 900);
  g_autofree char *text = long_text (8 * KIB);
  g_autofree char *shorter = NULL;
  guint64 layouts = atlas_scene_get_layouts_created ();
  guint64 chars = atlas_scene_get_chars_laid_out ();
  double width;

  shorter = atlas_scene_ellipsize (scene, text, 15, FALSE, 300);
  layouts = atlas_scene_get_layouts_created () - layouts;
  chars = atlas_scene_get_chars_laid_out () - chars;
  g_test_message ("%" G_GUINT64_FORMAT " layouts, %" G_GUINT64_FORMAT " characters", layouts, chars);
  g_assert_nonnull (shorter);
  g_assert_true (g_str_has_suffix (shorter, "…"));
  g_assert_true (strncmp (shorter, text, strlen (shorter) - strlen ("…")) == 0);
  atlas_scene_measure_text (scene, shorter, 15, FALSE, 0, &width, NULL);
  g_assert_cmpfloat (width, <=, 300);
  /* Bisection over at most 20 characters an em of 300 units. */
  g_assert_cmpuint (layouts, <=, 16);
  g_assert_cmpuint (chars, <=, 16 * 401);

  /* The longest that fits: one more character does not. */
  {
    glong n = g_utf8_strlen (shorter, -1) - 1;
    g_autofree char *prefix = g_utf8_substring (text, 0, n + 1);
    g_autofree char *longer = g_strconcat (g_strchomp (prefix), "…", NULL);

    if (strcmp (longer, shorter) != 0)
      {
        atlas_scene_measure_text (scene, longer, 15, FALSE, 0, &width, NULL);
        g_assert_cmpfloat (width, >, 300);
      }
  }
}

/* The longest texts the format allows (a megabyte) in every place a chart
 * shows a dataset's name, in every view: the work is bounded by what fits
 * on the figure, not by the length of the text. */
static void
test_megabyte_names (void)
{
  g_autofree char *big = long_text (1024 * KIB - 16);
  g_autofree char *q = quoted (big);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  static const AtlasView views[] = { ATLAS_VIEW_FLOWS, ATLAS_VIEW_PRICES, ATLAS_VIEW_SHARES, ATLAS_VIEW_TIMELINE };

  g_string_append_printf (json,
    "{\"format\": \"rare-earth-atlas/1\", \"title\": %s, \"updated\": \"2025\","
    "\"sources\": [{\"id\": \"s\", \"publisher\": %s, \"title\": %s, \"date\": \"2025\", \"kind\": \"official\"}],"
    "\"regions\": [{\"id\": \"CN\", \"name\": %s}, {\"id\": \"US\", \"name\": \"USA\"}],"
    "\"elements\": [{\"id\": \"Dy\", \"name\": %s, \"group\": \"heavy\", \"number\": 66}],"
    "\"supply_chains\": [{\"id\": \"c\", \"title\": %s, \"year\": 2024, \"unit\": \"t\","
    "  \"stages\": [{\"id\": \"a\", \"name\": %s}, {\"id\": \"b\", \"name\": \"B\"}],"
    "  \"nodes\": [{\"id\": \"n1\", \"stage\": \"a\", \"name\": %s}, {\"id\": \"n2\", \"stage\": \"b\", \"region\": \"US\"}],"
    "  \"links\": [{\"from\": \"n1\", \"to\": \"n2\", \"value\": 5, \"cite\": \"s\"}]}],"
    "\"shares\": [{\"id\": \"sh\", \"metric\": %s, \"year\": 2024, \"unit\": \"%%\", \"cite\": \"s\","
    "  \"parts\": [{\"region\": \"CN\", \"value\": 60}, {\"region\": \"US\", \"value\": 40}]}],"
    "\"prices\": [{\"id\": \"p\", \"element\": \"Dy\", \"name\": %s, \"product\": \"oxide\", \"currency\": \"USD\","
    "  \"unit\": \"kg\", \"cite\": \"s\", \"points\": [[\"2024-01-01\", 1], [\"2024-06-01\", 2]]}],"
    "\"events\": [{\"id\": \"e\", \"date\": \"2024-03-01\", \"kind\": \"policy\", \"title\": %s, \"cite\": \"s\"}]}",
    q, q, q, q, q, q, q, q, q, q, q);
  dataset = atlas_dataset_load_data (json->str, json->len, "long.json", NULL, 0, NULL, &error);
  g_assert_no_error (error);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      AtlasChartOptions options;
      g_autoptr(AtlasScene) scene = NULL;
      guint64 layouts = atlas_scene_get_layouts_created ();
      guint64 chars = atlas_scene_get_chars_laid_out ();

      atlas_chart_options_init (&options, views[v]);
      scene = atlas_chart_layout (dataset, &options, 1600, 900, style, &error);
      g_assert_no_error (error);
      layouts = atlas_scene_get_layouts_created () - layouts;
      chars = atlas_scene_get_chars_laid_out () - chars;
      g_test_message ("view %u: %" G_GUINT64_FORMAT " layouts, %" G_GUINT64_FORMAT " characters",
                      v, layouts, chars);
      /* Some dozens of texts measured or shortened, none longer than what
       * is ever laid out: tens of thousands of characters, where the
       * dataset's text holds eleven million. */
      g_assert_cmpuint (chars, <=, 50 * (guint64) ATLAS_SCENE_MAX_TEXT_CHARS);
      g_assert_cmpuint (layouts, <=, 500);
    }
}

/* ---- many events -------------------------------------------------------- */

static AtlasDataset *
events_dataset (guint n, gboolean one_day)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  g_string_append (json,
                   "{\"format\": \"rare-earth-atlas/1\", \"title\": \"Crowd\", \"updated\": \"2025\","
                   "\"sources\": [{\"id\": \"s\", \"publisher\": \"p\", \"title\": \"t\", \"date\": \"2025\", \"kind\": \"official\"}],"
                   "\"regions\": [{\"id\": \"CN\", \"name\": \"China\"}],"
                   "\"shares\": [{\"id\": \"x\", \"metric\": \"x\", \"year\": 2025, \"unit\": \"%\","
                   " \"cite\": \"s\", \"parts\": [{\"region\": \"CN\", \"value\": 1}]}],"
                   "\"events\": [");
  for (guint i = 0; i < n; i++)
    {
      /* Spread over some fifty years, or all on one day. */
      guint day = one_day ? 0 : i * 18000 / n;
      GDate date;
      char text[16];

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 1975);
      g_date_add_days (&date, day);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
      g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"%s\", \"kind\": \"%s\","
                              " \"title\": \"Event number %u\", \"cite\": \"s\"}",
                              i > 0 ? "," : "", i, text, i % 3 == 0 ? "policy" : "market", i);
    }
  g_string_append (json, "]}");
  dataset = atlas_dataset_load_data (json->str, json->len, "crowd.json", NULL, 0, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static guint64
timeline_comparisons (guint n, gboolean one_day, guint64 *layouts)
{
  g_autoptr(AtlasDataset) dataset = events_dataset (n, one_day);
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  AtlasChartOptions options;
  guint64 before = atlas_scene_get_comparisons ();
  guint64 layouts_before = atlas_scene_get_layouts_created ();

  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  scene = atlas_chart_layout (dataset, &options, 1600, 900, style, &error);
  g_assert_no_error (error);
  *layouts = atlas_scene_get_layouts_created () - layouts_before;
  return atlas_scene_get_comparisons () - before;
}

/* Two thousand events on one day, and as many over fifty years: each
 * marker and label is compared with what is near it on the figure, a
 * number bounded by the figure's room, not with every other event. */
static void
test_many_events (void)
{
  for (guint one_day = 0; one_day <= 1; one_day++)
    {
      guint64 layouts_small, layouts_big;
      guint64 small = timeline_comparisons (500, one_day, &layouts_small);
      guint64 big = timeline_comparisons (4000, one_day, &layouts_big);

      g_test_message ("%s: 500 events, %" G_GUINT64_FORMAT " comparisons, %" G_GUINT64_FORMAT " layouts;"
                      " 4000 events, %" G_GUINT64_FORMAT " comparisons, %" G_GUINT64_FORMAT " layouts",
                      one_day ? "one day" : "fifty years", small, layouts_small, big, layouts_big);
      /* Eight times the events, at most some ten times the work (linear,
       * with room to spare); quadratic work would be sixty-four times. */
      g_assert_cmpuint (big, <=, 10 * MAX (small, 1000));
      g_assert_cmpuint (big, <=, (guint64) 4000 * 20000);
      g_assert_cmpuint (layouts_big, <=, 10 * MAX (layouts_small, 100));
    }
}

/* ---- a figure laid out again ------------------------------------------- */

/* Text sizes are kept for the program, not one scene: the same figure laid
 * out again (a slide shown again, a redraw at the same size) shapes no
 * text anew, where it used to measure every title, label and footer again. */
static void
test_layout_again (void)
{
  static const AtlasView views[] = { ATLAS_VIEW_TIMELINE, ATLAS_VIEW_SHARES };
  g_autoptr(AtlasDataset) dataset = events_dataset (200, FALSE);
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);

  atlas_scene_forget_text_sizes ();
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      guint64 layouts[2];

      for (guint again = 0; again < 2; again++)
        {
          g_autoptr(AtlasScene) scene = NULL;
          g_autoptr(GError) error = NULL;
          guint64 before = atlas_scene_get_layouts_created ();
          AtlasChartOptions options;

          atlas_chart_options_init (&options, views[v]);
          scene = atlas_chart_layout (dataset, &options, 1600, 900, style, &error);
          g_assert_no_error (error);
          layouts[again] = atlas_scene_get_layouts_created () - before;
        }
      g_test_message ("view %u: %" G_GUINT64_FORMAT " layouts, then %" G_GUINT64_FORMAT,
                      v, layouts[0], layouts[1]);
      g_assert_cmpuint (layouts[0], >, 0);
      g_assert_cmpuint (layouts[1], ==, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/work-bounds/ellipsize-long-text", test_ellipsize_long_text);
  g_test_add_func ("/work-bounds/megabyte-names", test_megabyte_names);
  g_test_add_func ("/work-bounds/many-events", test_many_events);
  g_test_add_func ("/work-bounds/layout-again", test_layout_again);
  return g_test_run ();
}
