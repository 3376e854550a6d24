/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-legibility.c: every view, at every size from 640x400 to 3840x2160, in English and Chinese, on every
 * test dataset and the bundled one, read back from its scene JSON: no text overlaps another, leaves the
 * canvas or lies on a mark it does not label, and nothing the chart draws goes unnamed. */
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "atlas-bundled-dataset.h"
#include "atlas-chart.h"
#include "atlas-export.h"
#include "atlas-export-private.h"
#include "atlas-i18n.h"

static const struct {
  double width, height;
} sizes[] = {
  { 640, 400 }, { 960, 540 }, { 1600, 900 }, { 1920, 1080 }, { 3840, 2160 },
};

static const char * const langs[] = { "en", "zh" };

static const char * const fixtures[] = {
  "sankey-skip.json", "sankey-loop.json", "sankey-untraced.json", "shares-basic.json", "shares-many.json",
  "prices-basic.json", "series-any-commodity.json", "timeline-basic.json", "../good/full.json", "story.json",
};

static const AtlasView views[] = { ATLAS_VIEW_FLOWS, ATLAS_VIEW_PRICES, ATLAS_VIEW_SHARES, ATLAS_VIEW_TIMELINE,
                                   ATLAS_VIEW_MAP };

typedef struct {
  double x, y, width, height;
} Box;

static Box
box_of (JsonObject *object)
{
  return (Box) { json_object_get_double_member (object, "x"), json_object_get_double_member (object, "y"),
                 json_object_get_double_member (object, "width"), json_object_get_double_member (object, "height") };
}

/* Sharing more than a hair: touching edges and antialiasing are fine. */
static gboolean
boxes_overlap (const Box *a, const Box *b, double eps)
{
  return a->x + eps < b->x + b->width && b->x + eps < a->x + a->width &&
         a->y + eps < b->y + b->height && b->y + eps < a->y + a->height;
}

static const char *
item_id (JsonObject *object)
{
  JsonObject *item = json_object_has_member (object, "item") ? json_object_get_object_member (object, "item") : NULL;

  return item != NULL ? json_object_get_string_member (item, "id") : NULL;
}

typedef struct {
  const char *where;
  GString    *problems;
  guint       n_problems;
} Report;

static void
report (Report *r, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
report (Report *r, const char *format, ...)
{
  va_list args;

  r->n_problems++;
  if (r->n_problems > 20 && g_getenv ("ATLAS_LEGIBILITY_ALL") == NULL)
    return;
  g_string_append_printf (r->problems, "\n  %s: ", r->where);
  va_start (args, format);
  g_string_append_vprintf (r->problems, format, args);
  va_end (args);
}

static void
check_texts_apart (JsonArray *texts, double width, double height, Report *r)
{
  guint n = json_array_get_length (texts);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *a = json_array_get_object_element (texts, i);
      Box ba = box_of (a);

      if (ba.x < -0.5 || ba.y < -0.5 || ba.x + ba.width > width + 0.5 || ba.y + ba.height > height + 0.5)
        report (r, "“%s” leaves the canvas", json_object_get_string_member (a, "text"));
      for (guint j = i + 1; j < n; j++)
        {
          JsonObject *b = json_array_get_object_element (texts, j);
          Box bb = box_of (b);

          if (boxes_overlap (&ba, &bb, 0.5))
            report (r, "“%s” overlaps “%s”", json_object_get_string_member (a, "text"),
                    json_object_get_string_member (b, "text"));
        }
    }
}

/* A label may lie on its own mark (a bar's segment, a node), never on a
 * node or bar of something else.  Bands are paths whose boxes cover the
 * gaps they cross, so only rectangles count. */
static void
check_texts_off_other_marks (JsonArray *texts, JsonArray *marks, Report *r)
{
  for (guint i = 0; i < json_array_get_length (texts); i++)
    {
      JsonObject *text = json_array_get_object_element (texts, i);
      Box bt = box_of (text);
      const char *own = item_id (text);

      for (guint j = 0; j < json_array_get_length (marks); j++)
        {
          JsonObject *mark = json_array_get_object_element (marks, j);
          const char *other = item_id (mark);
          Box bm = box_of (mark);

          if (other == NULL || g_strcmp0 (own, other) == 0 ||
              !g_str_equal (json_object_get_string_member (mark, "kind"), "rect") ||
              bm.width <= 1 || bm.height <= 1)
            continue;
          if (boxes_overlap (&bt, &bm, 1.0))
            report (r, "“%s” lies on the mark of %s", json_object_get_string_member (text, "text"), other);
        }
    }
}

/* Every node of a flows figure is named: by its own label, or in the
 * footer's list of what could not be labelled ("Not labelled: …"). */
/* The chain a flows figure drew: the one with its nodes. */
static const AtlasChain *
chain_of (AtlasDataset *dataset, JsonArray *nodes)
{
  GPtrArray *chains = atlas_dataset_get_chains (dataset);

  for (guint c = 0; c < chains->len; c++)
    {
      const AtlasChain *chain = g_ptr_array_index (chains, c);
      gboolean all = chain->nodes->len == json_array_get_length (nodes);

      for (guint i = 0; all && i < json_array_get_length (nodes); i++)
        all = atlas_chain_find_node (chain, json_object_get_string_member (json_array_get_object_element (nodes, i), "id")) == (int) i;
      if (all)
        return chain;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
check_nodes_named (JsonObject *root, JsonArray *texts, AtlasDataset *dataset, const char *lang, Report *r)
{
  JsonArray *nodes = json_object_get_array_member (root, "nodes");
  const AtlasChain *chain = chain_of (dataset, nodes);
  g_autoptr(GString) all = g_string_new (NULL);

  const char *footer = "";

  for (guint i = 0; i < json_array_get_length (texts); i++)
    {
      JsonObject *text = json_array_get_object_element (texts, i);
      const char *role = json_object_get_string_member (text, "role");

      if (g_str_equal (role, "label") && item_id (text) != NULL)
        g_string_append_printf (all, "\n%s\t", item_id (text));
      if (g_str_equal (role, "footer"))
        footer = json_object_get_string_member (text, "text");
    }
  for (guint i = 0; i < json_array_get_length (nodes); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (nodes, i), "id");
      int index = atlas_chain_find_node (chain, id);
      const char *name = atlas_text_get (atlas_node_get_label (g_ptr_array_index (chain->nodes, index)), lang);
      g_autofree char *own = g_strdup_printf ("\n%s\t", id);

      if (strstr (all->str, own) == NULL && (name == NULL || strstr (footer, name) == NULL))
        report (r, "node %s is not named anywhere", id);
    }
}

static void
check_scene (const AtlasScene *scene, AtlasDataset *dataset, const char *lang, const char *where, Report *r)
{
  g_autofree char *json = atlas_export_scene_json (scene);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *texts;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  texts = json_object_get_array_member (root, "texts");
  r->where = where;
  check_texts_apart (texts, json_object_get_double_member (root, "width"),
                     json_object_get_double_member (root, "height"), r);
  check_texts_off_other_marks (texts, json_object_get_array_member (root, "marks"), r);
  if (json_object_has_member (root, "nodes"))
    check_nodes_named (root, texts, dataset, lang, r);
}

static void
check_dataset (AtlasDataset *dataset, const char *name, Report *r)
{
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      atlas_i18n_set_language (langs[l]);
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
            g_autoptr(GError) error = NULL;
            g_autoptr(AtlasScene) scene = NULL;
            g_autofree char *where = NULL;
            AtlasChartOptions options;

            atlas_chart_options_init (&options, views[v]);
            options.lang = langs[l];
            scene = atlas_chart_layout (dataset, &options, sizes[s].width, sizes[s].height, style, &error);
            if (g_error_matches (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_NOTHING))
              continue;
            g_assert_no_error (error);
            where = g_strdup_printf ("%s %s %gx%g %s", name, atlas_view_to_string (views[v]),
                                     sizes[s].width, sizes[s].height, langs[l]);
            check_scene (scene, dataset, langs[l], where, r);
          }
    }
}

/* What a slide is about is never shortened: its focused items' labels
 * are whole. */
static void
check_focus_whole (const AtlasScene *scene, const AtlasSlide *slide, const char *where, Report *r)
{
  for (guint i = 0; slide->focus != NULL && i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind == ATLAS_SHAPE_TEXT && shape->role == ATLAS_ROLE_LABEL && shape->item.id != NULL &&
          g_strv_contains ((const char * const *) slide->focus, shape->item.id) &&
          g_str_has_suffix (shape->text, "…"))
        {
          r->where = where;
          report (r, "the focused “%s” is shortened", shape->text);
        }
    }
}

/* Every slide of every briefing, in the window's type and the
 * presentation's larger one: their focus labels, peaks and written
 * annotations must keep clear of everything too. */
static void
check_slides (AtlasDataset *dataset, const char *name, Report *r)
{
  GPtrArray *briefings = atlas_dataset_get_briefings (dataset);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      atlas_i18n_set_language (langs[l]);
      for (guint b = 0; b < briefings->len; b++)
        {
          const AtlasBriefing *briefing = g_ptr_array_index (briefings, b);

          for (guint i = 0; i < briefing->slides->len; i++)
            for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
            for (guint f = 0; f < 2; f++)
              {
                const AtlasSlide *slide = g_ptr_array_index (briefing->slides, i);
                g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
                g_autoptr(GError) error = NULL;
                g_autoptr(AtlasScene) scene = NULL;
                g_autofree char *where = NULL;
                AtlasChartOptions options;

                /* The presentation's type (see atlas-presentation.c), on the
                 * screens a briefing is projected on. */
                if (f == 1 && sizes[s].width < 1280)
                  continue;
                style->font_scale = f == 0 ? 1.0 : 1.6;
                atlas_slide_get_options (slide, &options);
                options.lang = langs[l];
                options.title = atlas_text_get (slide->title, langs[l]);
                scene = atlas_chart_layout (dataset, &options, sizes[s].width, sizes[s].height, style, &error);
                g_assert_no_error (error);
                where = g_strdup_printf ("%s slide %u of %s %gx%g %s%s", name, i + 1, briefing->id,
                                         sizes[s].width, sizes[s].height, langs[l], f == 0 ? "" : " (large type)");
                check_scene (scene, dataset, langs[l], where, r);
                check_focus_whole (scene, slide, where, r);
              }
        }
    }
}

static void
finish (Report *r)
{
  if (r->n_problems > 0)
    g_error ("%u problems:%s", r->n_problems, r->problems->str);
}

static void
test_fixtures (void)
{
  Report r = { NULL, g_string_new (NULL), 0 };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", fixtures[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (path, 0, NULL, &error);

      g_assert_no_error (error);
      check_dataset (dataset, fixtures[i], &r);
      check_slides (dataset, fixtures[i], &r);
    }
  finish (&r);
  g_string_free (r.problems, TRUE);
}

static void
test_bundled (void)
{
  g_autofree char *path = atlas_find_bundled_dataset ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (path, 0, NULL, &error);
  Report r = { NULL, g_string_new (NULL), 0 };

  g_assert_no_error (error);
  check_dataset (dataset, "bundled", &r);
  check_slides (dataset, "bundled", &r);
  finish (&r);
  g_string_free (r.problems, TRUE);
}

/* The window's type: no text smaller than the desktop's body text
 * (13.33 px for Sans 10, 18.33 for 11 pt under GNOME's Large Text), and the
 * reader's Ctrl+plus on top, at the sizes a window's chart gets. The
 * narrowest window's chart (640x460) holds the default type; with Large
 * Text or a 1.5 zoom its flows leave nodes unnamed (README, Known limits),
 * so that pair is not part of the walk. */
static void
test_window_type (void)
{
  static const struct { double width, height; gboolean large_type; } chart_sizes[] = {
    { 640, 460, FALSE }, { 1000, 700, TRUE }, { 1400, 900, TRUE },
  };
  static const struct { double floor, zoom; gboolean large; } types[] = {
    { 13.33, 1.0, FALSE }, { 18.33, 1.0, TRUE }, { 13.33, 1.5, TRUE },
  };
  g_autofree char *path = atlas_find_bundled_dataset ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (path, 0, NULL, &error);
  Report r = { NULL, g_string_new (NULL), 0 };

  g_assert_no_error (error);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      atlas_i18n_set_language (langs[l]);
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        for (guint s = 0; s < G_N_ELEMENTS (chart_sizes); s++)
          for (guint t = 0; t < G_N_ELEMENTS (types); t++)
            {
              g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
              g_autoptr(AtlasScene) scene = NULL;
              g_autofree char *where = NULL;
              AtlasChartOptions options;

              if (types[t].large && !chart_sizes[s].large_type)
                continue;
              style->min_font_px = types[t].floor;
              style->font_scale = types[t].zoom;
              atlas_chart_options_init (&options, views[v]);
              options.lang = langs[l];
              scene = atlas_chart_layout (dataset, &options, chart_sizes[s].width, chart_sizes[s].height, style, &error);
              g_assert_no_error (error);
              where = g_strdup_printf ("bundled %s %gx%g %s, text at least %g px, zoom %g",
                                       atlas_view_to_string (views[v]), chart_sizes[s].width, chart_sizes[s].height,
                                       langs[l], types[t].floor, types[t].zoom);
              check_scene (scene, dataset, langs[l], where, &r);
            }
    }
  finish (&r);
  g_string_free (r.problems, TRUE);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  atlas_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/legibility/fixtures", test_fixtures);
  g_test_add_func ("/legibility/bundled", test_bundled);
  g_test_add_func ("/legibility/window", test_window_type);
  return g_test_run ();
}
