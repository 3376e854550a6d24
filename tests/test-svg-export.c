/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-svg-export.c: SVG exports hold real, escaped <text> grouped by item, and look like the PNG.
 *
 * How "looks like the PNG" is checked: each view of the bundled dataset is
 * exported as PNG and as SVG at the same size, the SVG is rasterised by
 * rsvg-convert (librsvg, another renderer than ours), and the two images
 * are compared pixel by pixel: overall, and inside each text's box, where
 * a text in the wrong place, size or weight shows at once.  Renderers
 * antialias and hint glyphs a little differently, so the tolerances allow
 * small differences on every edge, not a missing or moved text. */
#include "atlas-config.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "atlas-bundled-dataset.h"
#include "atlas-export.h"
#include "chart-test-util.h"

/* Mean absolute difference per channel, 0-255, over the whole image and
 * over the boxes of all texts together.  Measured on the bundled dataset:
 * 1.7-4.1 overall and 7.9-11.1 in text boxes (rsvg-convert hints glyph
 * edges, we do not); the timeline's SVG with its texts left out is 8.8
 * overall, with every text 3 px lower 11.8, and far more in text boxes. */
#define MAX_MEAN_DIFFERENCE       6.0
#define MAX_TEXT_MEAN_DIFFERENCE 14.0

#define WIDTH  800
#define HEIGHT 450

static const AtlasView views[] = {
  ATLAS_VIEW_FLOWS, ATLAS_VIEW_PRICES, ATLAS_VIEW_SHARES, ATLAS_VIEW_TIMELINE,
};

static char *work_dir;

static AtlasScene *
layout_view (AtlasDataset *dataset, AtlasView view, const char *lang, double width, double height)
{
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  g_autoptr(GError) error = NULL;
  AtlasChartOptions options;
  AtlasScene *scene;

  atlas_chart_options_init (&options, view);
  options.lang = lang;
  style->lang = lang;
  scene = atlas_chart_layout (dataset, &options, width, height, style, &error);
  g_assert_no_error (error);
  return scene;
}

static char *
export_svg (const AtlasScene *scene, const char *name)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *svg = NULL;

  g_assert_true (atlas_export_scene (scene, ATLAS_EXPORT_SVG, 1.0, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  return svg;
}

/* Runs a tool; FALSE (and the test skipped) when it is not installed. */
static gboolean
run_tool (const char *tool, const char * const *args)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int wait_status;

  if (program == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("%s is not installed (build-aux/setup.sh installs it)", tool);
      g_test_skip (reason);
      return FALSE;
    }
  g_ptr_array_add (argv, program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!(WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0))
    g_error ("%s failed: %s", tool, err != NULL ? err : "");
  return TRUE;
}

/* ---- the text of an SVG as an XML parser reads it ---------------------- */

typedef struct {
  GPtrArray *texts;       /* each <text>'s characters, tspans joined */
  GString   *current;     /* inside a <text>, else NULL */
  GPtrArray *group_ids;
} SvgText;

static void
start_element (GMarkupParseContext *context, const char *name, const char **attribute_names,
               const char **attribute_values, gpointer data, GError **error)
{
  SvgText *svg = data;

  if (g_str_equal (name, "text"))
    svg->current = g_string_new (NULL);
  if (g_str_equal (name, "g"))
    for (guint i = 0; attribute_names[i] != NULL; i++)
      if (g_str_equal (attribute_names[i], "id"))
        g_ptr_array_add (svg->group_ids, g_strdup (attribute_values[i]));
}

static void
end_element (GMarkupParseContext *context, const char *name, gpointer data, GError **error)
{
  SvgText *svg = data;

  if (g_str_equal (name, "text") && svg->current != NULL)
    g_ptr_array_add (svg->texts, g_string_free (g_steal_pointer (&svg->current), FALSE));
}

static void
text (GMarkupParseContext *context, const char *chars, gsize length, gpointer data, GError **error)
{
  SvgText *svg = data;

  if (svg->current != NULL)
    g_string_append_len (svg->current, chars, (gssize) length);
}

static void
svg_text_clear (SvgText *svg)
{
  g_clear_pointer (&svg->texts, g_ptr_array_unref);
  g_clear_pointer (&svg->group_ids, g_ptr_array_unref);
  if (svg->current != NULL)
    g_string_free (g_steal_pointer (&svg->current), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SvgText, svg_text_clear)

static void
parse_svg (const char *document, SvgText *out)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  out->texts = g_ptr_array_new_with_free_func (g_free);
  out->group_ids = g_ptr_array_new_with_free_func (g_free);
  context = g_markup_parse_context_new (&parser, 0, out, NULL);
  g_assert_true (g_markup_parse_context_parse (context, document, -1, &error) &&
                 g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

/* Lines are broken where Pango breaks them, maybe inside a word: texts
 * are compared without their white space. */
static char *
without_space (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static gboolean
has_text (const SvgText *svg, const char *wanted)
{
  g_autofree char *bare = without_space (wanted);

  for (guint i = 0; i < svg->texts->len; i++)
    {
      g_autofree char *candidate = without_space (g_ptr_array_index (svg->texts, i));

      if (g_str_equal (candidate, bare))
        return TRUE;
    }
  return FALSE;
}

/* ---- every text of every view is a <text> ------------------------------ */

static void
check_texts (AtlasDataset *dataset, AtlasView view, const char *lang, double width, double height)
{
  g_autoptr(AtlasScene) scene = layout_view (dataset, view, lang, width, height);
  g_autofree char *name = g_strdup_printf ("%s-%s-%gx%g.svg", atlas_view_to_string (view), lang, width, height);
  g_autofree char *svg = export_svg (scene, name);
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autofree char *size = g_strdup_printf ("width=\"%gpt\" height=\"%gpt\"", width, height);
  const char *xmllint_args[] = { "--noout", path, NULL };
  g_auto(SvgText) parsed = { 0 };
  guint n_texts = 0;

  parse_svg (svg, &parsed);
  if (!run_tool ("xmllint", xmllint_args))
    return;
  g_assert_nonnull (strstr (svg, size));
  /* No glyph outlines: cairo's SVG surface wrote <symbol id="glyph…">. */
  g_assert_null (strstr (svg, "glyph"));

  g_assert_true (has_text (&parsed, scene->title));
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind != ATLAS_SHAPE_TEXT || shape->text == NULL || *shape->text == '\0')
        continue;
      if (!has_text (&parsed, shape->text))
        g_error ("%s: “%s” is not a <text> of the SVG", name, shape->text);
      n_texts++;
    }
  g_assert_cmpuint (n_texts, >, 3);
  g_assert_cmpuint (parsed.texts->len, ==, n_texts);
}

static void
test_texts (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      check_texts (dataset, views[v], "en", 1600, 900);
      check_texts (dataset, views[v], "zh", 1600, 900);
      check_texts (dataset, views[v], "en", 640, 400);
    }
}

/* Nodes, links, bars and series are groups named by their item. */
static void
test_groups (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();
  g_autoptr(AtlasScene) flows = layout_view (dataset, ATLAS_VIEW_FLOWS, "en", 1600, 900);
  g_autofree char *svg = export_svg (flows, "groups.svg");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(SvgText) parsed = { 0 };
  guint nodes = 0;

  parse_svg (svg, &parsed);
  for (guint i = 0; i < parsed.group_ids->len; i++)
    {
      const char *id = g_ptr_array_index (parsed.group_ids, i);

      /* XML ids are unique. */
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
    }
  for (guint i = 0; i < flows->items->len; i++)
    {
      const AtlasItem *item = &g_array_index (flows->items, AtlasItem, i);
      g_autofree char *key = atlas_item_to_key (item);

      if (item->kind != ATLAS_ITEM_NODE)
        continue;
      g_assert_true (g_hash_table_contains (seen, key));
      nodes++;
    }
  g_assert_cmpuint (nodes, >, 5);
  g_assert_nonnull (strstr (svg, "<g id=\"node:ref:CN:"));
}

/* Dataset text is data: markup, entities, format directives and control
 * characters come out as written (controls dropped) in well-formed XML. */
static void
test_escaping (void)
{
  static const AtlasSceneClass klass = { "test", NULL, NULL };
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  g_autoptr(AtlasScene) scene = NULL;
  const char *hostile = "<b>R&amp;D</b> \"%s%n\" 'x' ]]> \001end";
  AtlasItem item = { ATLAS_ITEM_NODE, "a\"b<c>&d", 0 };
  AtlasShape *wrapped;
  g_autofree char *svg = NULL;
  g_auto(SvgText) parsed = { 0 };

  atlas_style_set_font_family (style, "Evil' \"Font\" <x>");
  scene = atlas_scene_new (&klass, NULL, style, 300, 200);
  atlas_scene_add_text (scene, hostile, 10, 10, 14, TRUE, ATLAS_ALIGN_START, NULL, &item);
  wrapped = atlas_scene_add_text (scene, "a long line  with two spaces that wraps", 10, 60, 14, FALSE,
                                  ATLAS_ALIGN_START, NULL, NULL);
  wrapped->wrap = TRUE;
  wrapped->align = ATLAS_ALIGN_CENTER;
  wrapped->bounds.width = 120;
  scene->title = g_strdup ("Title <&> \002");
  svg = export_svg (scene, "escaping.svg");

  parse_svg (svg, &parsed);
  g_assert_cmpuint (parsed.texts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (parsed.texts, 0), ==, "<b>R&amp;D</b> \"%s%n\" 'x' ]]> end");
  g_assert_nonnull (strstr (svg, "<title>Title &lt;&amp;&gt; </title>"));
  g_assert_nonnull (strstr (svg, "<g id=\"node:a_b_c__d:0\">"));
  /* Wrapped: one <tspan> a line, centred, the double space kept. */
  g_assert_nonnull (strstr (svg, "text-anchor=\"middle\""));
  g_assert_nonnull (strstr (svg, "<tspan"));
  g_assert_nonnull (strstr (g_ptr_array_index (parsed.texts, 1), "two spaces"));
  g_assert_nonnull (strstr (g_ptr_array_index (parsed.texts, 1), "line  with"));
}

/* What the window shows while an item is selected is what the SVG shows:
 * the others muted, the selection outlined in the accent colour, the
 * hatching of estimates as real lines clipped to their shape. */
static void
test_emphasis_and_hatching (void)
{
  static const AtlasSceneClass klass = { "test", NULL, NULL };
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  g_autoptr(AtlasScene) scene = atlas_scene_new (&klass, NULL, style, 300, 200);
  AtlasItem a = { ATLAS_ITEM_SHARE, "a", -1 }, b = { ATLAS_ITEM_SHARE, "b", -1 };
  AtlasRect ra = { 10, 10, 50, 50 }, rb = { 100, 10, 50, 50 };
  AtlasColor red = { 1, 0, 0, 1 };
  g_autofree char *svg = NULL;
  const char *group_b, *hatch;

  atlas_scene_add_rect (scene, &ra, &red, &a);
  atlas_scene_add_rect (scene, &rb, &red, &b)->hatched = TRUE;
  atlas_scene_set_highlight (scene, &a);
  atlas_scene_set_selected (scene, &a);
  svg = export_svg (scene, "emphasis.svg");

  g_assert_nonnull (strstr (svg, "<g id=\"share:a:-1\">\n<rect x=\"10\" y=\"10\" width=\"50\" height=\"50\" fill=\"#ff0000\"/>"));
  group_b = strstr (svg, "<g id=\"share:b:-1\">");
  g_assert_nonnull (group_b);
  /* Muted: the pale fill at 0.35 of 0.3, the lines at 0.3. */
  g_assert_nonnull (strstr (group_b, "fill=\"#ff0000\" fill-opacity=\"0.105\""));
  hatch = strstr (group_b, "clip-path=\"url(#hatch-clip-1)\"");
  g_assert_nonnull (hatch);
  g_assert_nonnull (strstr (hatch, "stroke=\"#ff0000\" stroke-opacity=\"0.3\""));
  g_assert_nonnull (strstr (svg, "<clipPath id=\"hatch-clip-1\">"));
  /* The outline comes last, over everything. */
  g_assert_nonnull (strstr (svg, "<g id=\"selection\">\n<rect x=\"10\" y=\"10\""));
  g_assert_true (strstr (svg, "<g id=\"selection\">") > group_b);
}

/* ---- the rasterised SVG looks like the PNG ----------------------------- */

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, HEIGHT);
  cairo_surface_flush (surface);
  return surface;
}

/* Mean absolute difference per channel inside @box (NULL: everywhere);
 * @n_pixels gets the number of pixels compared. */
static double
mean_difference (cairo_surface_t *a, cairo_surface_t *b, const AtlasRect *box, guint64 *n_pixels)
{
  int x0 = 0, y0 = 0, x1 = WIDTH, y1 = HEIGHT;
  int stride_a = cairo_image_surface_get_stride (a), stride_b = cairo_image_surface_get_stride (b);
  const guchar *data_a = cairo_image_surface_get_data (a), *data_b = cairo_image_surface_get_data (b);
  guint64 sum = 0, n = 0;

  if (box != NULL)
    {
      x0 = CLAMP ((int) floor (box->x), 0, WIDTH);
      y0 = CLAMP ((int) floor (box->y), 0, HEIGHT);
      x1 = CLAMP ((int) ceil (box->x + box->width), 0, WIDTH);
      y1 = CLAMP ((int) ceil (box->y + box->height), 0, HEIGHT);
    }
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pa = *(const guint32 *) (data_a + y * stride_a + x * 4);
        guint32 pb = *(const guint32 *) (data_b + y * stride_b + x * 4);

        for (int shift = 0; shift < 32; shift += 8)
          sum += (guint64) ABS ((int) ((pa >> shift) & 0xff) - (int) ((pb >> shift) & 0xff));
        n++;
      }
  if (n_pixels != NULL)
    *n_pixels = n;
  return n > 0 ? (double) sum / (double) (n * 4) : 0;
}

static void
compare_view (AtlasDataset *dataset, AtlasView view, const char *lang)
{
  g_autoptr(AtlasScene) scene = layout_view (dataset, view, lang, WIDTH, HEIGHT);
  const char *name = atlas_view_to_string (view);
  g_autofree char *base = g_strdup_printf ("%s-%s", name, lang);
  g_autofree char *svg_path = g_strdup_printf ("%s/%s.svg", work_dir, base);
  g_autofree char *png_path = g_strdup_printf ("%s/%s.png", work_dir, base);
  g_autofree char *raster_path = g_strdup_printf ("%s/%s-svg.png", work_dir, base);
  g_autofree char *width = g_strdup_printf ("%d", WIDTH);
  g_autofree char *height = g_strdup_printf ("%d", HEIGHT);
  const char *rsvg_args[] = { "--width", width, "--height", height, "--format", "png",
                              "--output", raster_path, svg_path, NULL };
  g_autoptr(GError) error = NULL;
  cairo_surface_t *png, *raster;
  double overall, text_sum = 0;
  guint64 text_pixels = 0;

  g_assert_true (atlas_export_scene (scene, ATLAS_EXPORT_SVG, 1.0, svg_path, &error));
  g_assert_true (atlas_export_scene (scene, ATLAS_EXPORT_PNG, 1.0, png_path, &error));
  g_assert_no_error (error);
  if (!run_tool ("rsvg-convert", rsvg_args))
    return;

  png = load_png (png_path);
  raster = load_png (raster_path);
  overall = mean_difference (png, raster, NULL, NULL);
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);
      guint64 n = 0;
      double mean;

      if (shape->kind != ATLAS_SHAPE_TEXT || shape->angle != 0)
        continue;
      mean = mean_difference (png, raster, &shape->bounds, &n);
      text_sum += mean * (double) n;
      text_pixels += n;
    }
  g_test_message ("%s: mean difference %.2f overall, %.2f in text boxes", base, overall,
                  text_pixels > 0 ? text_sum / (double) text_pixels : 0);
  g_assert_cmpfloat (overall, <, MAX_MEAN_DIFFERENCE);
  g_assert_cmpuint (text_pixels, >, 0);
  g_assert_cmpfloat (text_sum / (double) text_pixels, <, MAX_TEXT_MEAN_DIFFERENCE);
  cairo_surface_destroy (png);
  cairo_surface_destroy (raster);
}

static void
test_looks_like_png (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      compare_view (dataset, views[v], "en");
      compare_view (dataset, views[v], "zh");
    }
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("atlas-svg-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/svg/texts", test_texts);
  g_test_add_func ("/svg/groups", test_groups);
  g_test_add_func ("/svg/escaping", test_escaping);
  g_test_add_func ("/svg/emphasis-and-hatching", test_emphasis_and_hatching);
  g_test_add_func ("/svg/looks-like-png", test_looks_like_png);

  status = g_test_run ();
  if (g_getenv ("ATLAS_KEEP_TEST_FILES") == NULL)
    remove_tree (work_dir);
  else
    g_printerr ("files kept in %s\n", work_dir);
  g_free (work_dir);
  return status;
}
