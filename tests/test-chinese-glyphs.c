/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chinese-glyphs.c: charts laid out in Chinese, their own words translated, draw real glyphs (no missing-glyph boxes). */
#include "atlas-config.h"

#include <locale.h>
#include <string.h>

#include "atlas-chart.h"
#include "atlas-i18n.h"
#include "atlas-scene-private.h"
#include "chart-test-util.h"

#define WIDTH  1600
#define HEIGHT 900

static AtlasDataset *dataset;

static gboolean
has_han (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

/* Only Han characters, CJK punctuation and spaces: no Latin letters or
 * digits that would put ink there even if every Chinese glyph were blank. */
static gboolean
only_han (const char *text)
{
  if (!has_han (text))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script = g_unichar_get_script (c);

      if (script != G_UNICODE_SCRIPT_HAN && script != G_UNICODE_SCRIPT_COMMON)
        return FALSE;
      if (g_unichar_isalnum (c) && script != G_UNICODE_SCRIPT_HAN)
        return FALSE;
    }
  return TRUE;
}

static AtlasScene *
layout_in_chinese (AtlasView view)
{
  AtlasChartOptions options;
  g_autoptr(GError) error = NULL;
  AtlasScene *scene;

  atlas_chart_options_init (&options, view);
  options.lang = "zh";
  scene = atlas_chart_layout (dataset, &options, WIDTH, HEIGHT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);
  return scene;
}

/* Every text the chart draws that holds Chinese: the installed fonts have
 * a glyph for each character (Pango would draw a box with the code point
 * for a missing one). */
static guint
assert_chinese_texts_have_glyphs (const AtlasScene *scene)
{
  guint n_chinese = 0;

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);
      g_autoptr(PangoLayout) layout = NULL;
      int unknown;

      if (shape->kind != ATLAS_SHAPE_TEXT || !has_han (shape->text))
        continue;
      n_chinese++;
      layout = atlas_scene_create_layout (scene->style, NULL, shape->text, shape->font_size,
                                          shape->bold, shape->italic, 0);
      unknown = pango_layout_get_unknown_glyphs_count (layout);
      if (unknown != 0)
        g_test_message ("no glyph for %d character(s) of \"%s\": is a CJK font "
                        "(fonts-wqy-microhei) installed?", unknown, shape->text);
      g_assert_cmpint (unknown, ==, 0);
    }
  return n_chinese;
}

typedef struct {
  AtlasView   view;
  const char *chart_word;     /* translated by the chart itself */
  const char *dataset_word;   /* the dataset's {"zh": ...} text, or NULL */
} ChartCase;

static const ChartCase chart_cases[] = {
  { ATLAS_VIEW_FLOWS, "年流量，单位：", "中国" },        /* "Flows in %s, %d" */
  { ATLAS_VIEW_PRICES, "千克", NULL },              /* "kilogram" */
  { ATLAS_VIEW_SHARES, "各地区份额", "中国" },      /* "Shares by region, %d" */
  { ATLAS_VIEW_TIMELINE, "政策", NULL },            /* the "Policy" lane */
};

static void
test_chart_words (gconstpointer data)
{
  const ChartCase *c = data;
  g_autoptr(AtlasScene) scene = layout_in_chinese (c->view);
  guint n_chinese = assert_chinese_texts_have_glyphs (scene);

  g_test_message ("%s: %u texts with Chinese characters, all with glyphs",
                  atlas_view_to_string (c->view), n_chinese);
  g_assert_cmpuint (n_chinese, >, 0);
  /* The chart's own words are translated: every figure names its sources
   * in its footer ("Source: " / "Sources: "), and has words of its own. */
  g_assert_true (chart_test_scene_contains_text (scene, "来源："));
  g_assert_false (chart_test_scene_contains_text (scene, "Source: ") || chart_test_scene_contains_text (scene, "Sources: "));
  g_assert_true (chart_test_scene_contains_text (scene, c->chart_word));
  /* And the dataset's text follows the language. */
  if (c->dataset_word != NULL)
    g_assert_true (chart_test_scene_contains_text (scene, c->dataset_word));
}

/* ASCII punctuation the chart itself put between Chinese words: "; ",
 * ". ", ": " or ", " right after a Han character or a full-width mark,
 * or a space after a full-width mark. */
static const char *
find_mixed_punctuation (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (g_unichar_get_script (c) != G_UNICODE_SCRIPT_HAN && c < 0x3000)
        continue;
      if (*next != '\0' && strchr (";:,", *next) != NULL)
        return p;
      if (g_str_has_prefix (next, ". "))
        return p;
      /* Nor a space after a full-width mark: it has its own room. */
      if (g_unichar_ispunct (c) && c >= 0x3000 && *next == ' ')
        return p;
    }
  return NULL;
}

/* A Chinese figure's footer and description join their sentences and
 * lists with full-width marks, not "; " and ". " between Chinese words. */
static void
test_punctuation (gconstpointer data)
{
  const ChartCase *c = data;
  g_autoptr(AtlasScene) scene = layout_in_chinese (c->view);
  gboolean footer_seen = FALSE;

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);
      const char *mixed;

      if (shape->kind != ATLAS_SHAPE_TEXT || !g_str_has_prefix (shape->text, "来源："))
        continue;
      footer_seen = TRUE;
      g_test_message ("footer: %s", shape->text);
      mixed = find_mixed_punctuation (shape->text);
      if (mixed != NULL)
        g_error ("ASCII punctuation after Chinese in the footer: “%s”", mixed);
      g_assert_nonnull (strstr (shape->text, "。"));
    }
  g_assert_true (footer_seen);
  g_test_message ("description: %s", scene->description);
  g_assert_true (has_han (scene->description));
  if (find_mixed_punctuation (scene->description) != NULL)
    g_error ("ASCII punctuation after Chinese in the description: “%s”",
             find_mixed_punctuation (scene->description));
  g_assert_nonnull (strstr (scene->description, "。"));
}

static guint32
pixel_at (cairo_surface_t *surface, int x, int y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + (gsize) y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[x] & 0x00ffffff;
}

static cairo_surface_t *
draw (const AtlasScene *scene)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  atlas_scene_draw (scene, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* A label of Chinese characters alone puts ink on the pixels it covers:
 * the figure drawn with its texts differs there from the same figure drawn
 * with every text empty (labels may sit on coloured nodes and bars). */
static void
test_drawn (void)
{
  g_autoptr(AtlasScene) scene = layout_in_chinese (ATLAS_VIEW_FLOWS);
  GArray *shapes = scene->shapes;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  cairo_surface_t *with_text, *without_text;
  char empty[] = "";
  guint n_checked = 0;

  with_text = draw (scene);
  for (guint i = 0; i < shapes->len; i++)
    {
      AtlasShape *shape = &g_array_index (shapes, AtlasShape, i);

      g_ptr_array_add (texts, shape->text);
      if (shape->kind == ATLAS_SHAPE_TEXT)
        shape->text = empty;
    }
  without_text = draw (scene);
  for (guint i = 0; i < shapes->len; i++)
    g_array_index (shapes, AtlasShape, i).text = g_ptr_array_index (texts, i);

  for (guint i = 0; i < shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (shapes, AtlasShape, i);
      int x0, y0, x1, y1;
      guint ink = 0, area;

      if (shape->kind != ATLAS_SHAPE_TEXT || shape->angle != 0 || !only_han (shape->text))
        continue;
      x0 = CLAMP ((int) shape->bounds.x, 0, WIDTH);
      y0 = CLAMP ((int) shape->bounds.y, 0, HEIGHT);
      x1 = CLAMP ((int) (shape->bounds.x + shape->bounds.width + 0.5), 0, WIDTH);
      y1 = CLAMP ((int) (shape->bounds.y + shape->bounds.height + 0.5), 0, HEIGHT);
      area = (guint) MAX (0, x1 - x0) * (guint) MAX (0, y1 - y0);
      if (area == 0)
        continue;
      for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
          ink += pixel_at (with_text, x, y) != pixel_at (without_text, x, y);
      g_test_message ("\"%s\": %u of %u pixels inked", shape->text, ink, area);
      /* Han glyphs are dense: even a two-character label inks far more
       * than a twentieth of its box. */
      g_assert_cmpuint (ink * 20, >, area);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 0);
  cairo_surface_destroy (with_text);
  cairo_surface_destroy (without_text);
}

int
main (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* As the program does for --lang=zh: the build tree's catalogues, and
   * Chinese whatever the locale of the test (C.UTF-8). */
  atlas_i18n_init ();
  atlas_i18n_set_language ("zh");
  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "app", "small.json", NULL);
  dataset = atlas_dataset_load_file (path, ATLAS_DATASET_DEFAULT_MAX_MESSAGES, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (chart_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/i18n/glyphs/%s", atlas_view_to_string (chart_cases[i].view));

      g_autofree char *punctuation = g_strdup_printf ("/i18n/punctuation/%s",
                                                      atlas_view_to_string (chart_cases[i].view));

      g_test_add_data_func (name, &chart_cases[i], test_chart_words);
      g_test_add_data_func (punctuation, &chart_cases[i], test_punctuation);
    }
  g_test_add_func ("/i18n/glyphs/drawn", test_drawn);
  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
