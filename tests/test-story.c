/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-story.c: slides that show their message: focus keeps what a slide is about whole and labelled, the rest
 * recedes but stays legible, written annotations are placed and checked, and an event never fades the prices. */
#include <string.h>

#include "atlas-chart.h"
#include "atlas-export.h"

static const struct {
  double width, height;
} sizes[] = {
  { 640, 400 }, { 960, 540 }, { 1600, 900 }, { 1920, 1080 }, { 3840, 2160 },
};

static AtlasDataset *
load_story (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", "story.json", NULL);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load_file (path, 0, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static const AtlasSlide *
slide_of (AtlasDataset *dataset, AtlasView view)
{
  const AtlasBriefing *briefing = g_ptr_array_index (atlas_dataset_get_briefings (dataset), 0);

  for (guint i = 0; i < briefing->slides->len; i++)
    {
      const AtlasSlide *slide = g_ptr_array_index (briefing->slides, i);
      if (slide->view == view)
        return slide;
    }
  g_assert_not_reached ();
  return NULL;
}

static AtlasScene *
layout (AtlasDataset *dataset, const AtlasChartOptions *options, double w, double h, gboolean dark)
{
  g_autoptr(AtlasStyle) style = atlas_style_new (dark);
  g_autoptr(GError) error = NULL;
  AtlasScene *scene = atlas_chart_layout (dataset, options, w, h, style, &error);

  g_assert_no_error (error);
  return scene;
}

static gboolean
emphasised (const AtlasScene *scene, AtlasItemKind kind, const char *id, int index)
{
  AtlasItem item = { kind, id, index };
  g_autofree char *key = atlas_item_to_key (&item);

  return scene->emphasis == NULL || g_hash_table_contains (scene->emphasis, key);
}

static int
node_index (AtlasDataset *dataset, const char *id)
{
  return atlas_chain_find_node (g_ptr_array_index (atlas_dataset_get_chains (dataset), 0), id);
}

static int
link_index (AtlasDataset *dataset, const char *from, const char *to)
{
  const AtlasChain *chain = g_ptr_array_index (atlas_dataset_get_chains (dataset), 0);

  for (guint l = 0; l < chain->links->len; l++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, l);
      if (link->from == (guint) atlas_chain_find_node (chain, from) && link->to == (guint) atlas_chain_find_node (chain, to))
        return (int) l;
    }
  g_assert_not_reached ();
  return -1;
}

/* Focusing Malaysia lights its route (Australia's ore, Malaysia's
 * refinery, where its output goes) and not China's, even where the two
 * meet: the uses Malaysia feeds stay lit, their other inflows recede. */
static void
test_focus_lights_the_route (void)
{
  g_autoptr(AtlasDataset) dataset = load_story ();
  g_autoptr(AtlasScene) scene = NULL;
  AtlasChartOptions options;

  atlas_slide_get_options (slide_of (dataset, ATLAS_VIEW_FLOWS), &options);
  scene = layout (dataset, &options, 1600, 900, FALSE);
  g_assert_nonnull (scene->emphasis);
  g_assert_true (emphasised (scene, ATLAS_ITEM_NODE, "ref:MY", node_index (dataset, "ref:MY")));
  g_assert_true (emphasised (scene, ATLAS_ITEM_NODE, "mine:AU", node_index (dataset, "mine:AU")));
  g_assert_true (emphasised (scene, ATLAS_ITEM_NODE, "use:magnets", node_index (dataset, "use:magnets")));
  g_assert_true (emphasised (scene, ATLAS_ITEM_LINK, "chain", link_index (dataset, "mine:AU", "ref:MY")));
  g_assert_true (emphasised (scene, ATLAS_ITEM_LINK, "chain", link_index (dataset, "ref:MY", "use:magnets")));
  g_assert_false (emphasised (scene, ATLAS_ITEM_NODE, "ref:CN", node_index (dataset, "ref:CN")));
  g_assert_false (emphasised (scene, ATLAS_ITEM_NODE, "mine:CN", node_index (dataset, "mine:CN")));
  g_assert_false (emphasised (scene, ATLAS_ITEM_LINK, "chain", link_index (dataset, "ref:CN", "use:magnets")));

  /* Hovering takes over, and leaving gives the focus back. */
  atlas_scene_set_highlight (scene, &(AtlasItem) { ATLAS_ITEM_NODE, "ref:CN", node_index (dataset, "ref:CN") });
  g_assert_true (emphasised (scene, ATLAS_ITEM_NODE, "ref:CN", node_index (dataset, "ref:CN")));
  atlas_scene_set_highlight (scene, NULL);
  g_assert_false (emphasised (scene, ATLAS_ITEM_NODE, "ref:CN", node_index (dataset, "ref:CN")));
}

/* What recedes stays legible: every text, focused or not, keeps a contrast
 * of at least 3:1 with the background, in light and dark. */
static void
test_receding_text_stays_legible (void)
{
  g_autoptr(AtlasDataset) dataset = load_story ();
  const AtlasBriefing *briefing = g_ptr_array_index (atlas_dataset_get_briefings (dataset), 0);
  guint muted = 0;

  for (guint i = 0; i < briefing->slides->len; i++)
    for (int dark = 0; dark <= 1; dark++)
      {
        g_autoptr(AtlasScene) scene = NULL;
        AtlasChartOptions options;

        atlas_slide_get_options (g_ptr_array_index (briefing->slides, i), &options);
        scene = layout (dataset, &options, 1600, 900, dark);
        for (guint s = 0; s < scene->shapes->len; s++)
          {
            const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, s);
            AtlasColor color;

            /* Text in full strength was coloured for what it stands on
             * (white on a bar); receding text stands on a faded mark,
             * which is nearly the background. */
            if (shape->kind != ATLAS_SHAPE_TEXT || shape->item.kind == ATLAS_ITEM_NONE ||
                emphasised (scene, shape->item.kind, shape->item.id, shape->item.index))
              continue;
            muted++;
            atlas_scene_text_color (scene, shape, &color);
            if (atlas_color_contrast (&color, &scene->background) < 3.0)
              g_error ("slide %u%s: “%s” has a contrast of %.2f", i, dark ? " (dark)" : "", shape->text,
                       atlas_color_contrast (&color, &scene->background));
          }
      }
  /* Something did recede. */
  g_assert_cmpuint (muted, >, 10);
}

/* Pointing at an event annotates the prices; it does not fade them. */
static void
test_event_keeps_prices_whole (void)
{
  g_autoptr(AtlasDataset) dataset = load_story ();
  g_autoptr(AtlasScene) scene = NULL;
  const char * const series[] = { "dy-cn", "dy-eu", NULL };
  AtlasChartOptions options;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.series = series;
  options.select = "controls";
  scene = layout (dataset, &options, 1600, 900, FALSE);
  g_assert_true (emphasised (scene, ATLAS_ITEM_SERIES, "dy-cn", -1));
  g_assert_true (emphasised (scene, ATLAS_ITEM_SERIES, "dy-eu", -1));
  g_assert_true (emphasised (scene, ATLAS_ITEM_POINT, "dy-eu", 3));
}

static gboolean
has_callout (const AtlasScene *scene, const char *text)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind == ATLAS_SHAPE_TEXT && shape->role == ATLAS_ROLE_CALLOUT && g_str_equal (shape->text, text))
        return TRUE;
    }
  return FALSE;
}

/* Every slide's annotations, and the dataset's where they fit, are placed
 * at five sizes in both languages (test-legibility checks they overlap
 * nothing). */
static void
test_annotations_are_placed (void)
{
  g_autoptr(AtlasDataset) dataset = load_story ();
  const AtlasBriefing *briefing = g_ptr_array_index (atlas_dataset_get_briefings (dataset), 0);
  const char * const langs[] = { "en", "zh" };
  guint placed = 0;

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (guint i = 0; i < briefing->slides->len; i++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          const AtlasSlide *slide = g_ptr_array_index (briefing->slides, i);
          g_autoptr(AtlasScene) scene = NULL;
          AtlasChartOptions options;

          atlas_slide_get_options (slide, &options);
          options.lang = langs[l];
          scene = layout (dataset, &options, sizes[s].width, sizes[s].height, FALSE);
          for (guint a = 0; a < slide->annotations->len; a++)
            {
              const AtlasAnnotation *annotation = g_ptr_array_index (slide->annotations, a);
              const char *text = atlas_text_get (annotation->text, langs[l]);

              if (!has_callout (scene, text))
                g_error ("slide %u at %gx%g (%s): “%s” was not placed", i, sizes[s].width, sizes[s].height,
                         langs[l], text);
              placed++;
            }
          /* The dataset's own annotation is on the charts that show its event. */
          if (slide->view == ATLAS_VIEW_TIMELINE)
            g_assert_true (has_callout (scene, atlas_text_get (
              ((const AtlasAnnotation *) g_ptr_array_index (atlas_dataset_get_annotations (dataset), 0))->text, langs[l])));
        }
  g_assert_cmpuint (placed, ==, 2 * 5 * 5);
}

/* The event a timeline slide is about keeps its whole title, at any size. */
static void
test_focused_event_is_whole (void)
{
  g_autoptr(AtlasDataset) dataset = load_story ();
  const AtlasEvent *event = atlas_dataset_find_event (dataset, "controls");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(AtlasScene) scene = NULL;
      g_autoptr(GString) label = g_string_new (NULL);
      AtlasChartOptions options;

      atlas_slide_get_options (slide_of (dataset, ATLAS_VIEW_TIMELINE), &options);
      scene = layout (dataset, &options, sizes[s].width, sizes[s].height, FALSE);
      for (guint i = 0; i < scene->shapes->len; i++)
        {
          const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

          if (shape->kind == ATLAS_SHAPE_TEXT && shape->item.kind == ATLAS_ITEM_EVENT &&
              g_str_equal (shape->item.id, "controls") && shape->role == ATLAS_ROLE_LABEL)
            g_string_append (label, shape->text);
        }
      g_assert_nonnull (strstr (label->str, atlas_text_get (event->title, "en")));
    }
}

/* Every id of an annotation or a focus is checked, with its place. */
static void
test_loader_checks_ids (void)
{
  static const struct {
    const char *member;
    const char *message;
  } cases[] = {
    { "\"annotations\": [{\"at\": {\"series\": \"nope\", \"date\": \"2025\"}, \"text\": \"x\"}]",
      "$.briefings[0].slides[0].annotations[0].at.series: unknown series \"nope\"" },
    { "\"annotations\": [{\"at\": {\"node\": \"ref:XX\"}, \"text\": \"x\"}]",
      "$.briefings[0].slides[0].annotations[0].at.node: unknown node \"ref:XX\"" },
    { "\"annotations\": [{\"at\": {\"share\": \"refining\", \"region\": \"US\"}, \"text\": \"x\"}]",
      "$.briefings[0].slides[0].annotations[0].at.region: region \"US\" has no part in share \"refining\"" },
    { "\"annotations\": [{\"at\": {\"event\": \"truce\", \"node\": \"ref:MY\"}, \"text\": \"x\"}]",
      "$.briefings[0].slides[0].annotations[0].at: an annotation is pinned to exactly one of" },
    { "\"annotations\": [{\"at\": {\"event\": \"truce\"}}]",
      "$.briefings[0].slides[0].annotations[0].text: missing required member" },
    { "\"focus\": [\"XX\"]",
      "$.briefings[0].slides[0].focus: unknown id \"XX\"" },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", "story.json", NULL);
  g_autofree char *good = NULL;

  g_assert_true (g_file_get_contents (path, &good, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *slide = "{\"view\": \"flows\",";
      const char *view = strstr (good, "\"view\": \"prices\"");
      const char *at = view;

      while (at != NULL && at > good && *at != '{')
        at--;
      g_autoptr(GString) bad = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasDataset) dataset = NULL;

      g_assert_nonnull (at);
      g_string_append_len (bad, good, at - good);
      g_string_append_printf (bad, "%s %s, \"chain\": \"chain\"}, ", slide, cases[i].member);
      g_string_append (bad, at);
      dataset = atlas_dataset_load_data (bad->str, bad->len, "story.json", NULL, 0, NULL, &error);
      g_assert_null (dataset);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("expected “%s” in “%s”", cases[i].message, error->message);
    }
}

/* Thousands of annotations cost a bounded number of placements: the first
 * few dozen are placed, the rest left out. */
static void
test_many_annotations_are_bounded (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasScene) scene = NULL;
  AtlasChartOptions options;
  guint callouts = 0;

  g_string_append (json, "{\"format\": \"rare-earth-atlas/1\", \"title\": \"Many\", \"updated\": \"2026\","
                         "\"sources\": [{\"id\": \"s\", \"publisher\": \"T\", \"title\": \"T\", \"date\": \"2026\", \"kind\": \"estimate\"}],"
                         "\"prices\": [{\"id\": \"p\", \"name\": \"P\", \"currency\": \"USD\", \"unit\": \"kg\", \"cite\": \"s\","
                         " \"points\": [[\"2020\", 1], [\"2021\", 2]]}], \"annotations\": [");
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (json, "%s{\"at\": {\"series\": \"p\", \"date\": \"2020-06\"}, \"text\": \"note %u\"}",
                            i > 0 ? "," : "", i);
  g_string_append (json, "]}");
  dataset = atlas_dataset_load_data (json->str, json->len, "many.json", NULL, 0, NULL, &error);
  g_assert_no_error (error);
  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  scene = layout (dataset, &options, 1600, 900, FALSE);
  for (guint i = 0; i < scene->shapes->len; i++)
    callouts += g_array_index (scene->shapes, AtlasShape, i).role == ATLAS_ROLE_CALLOUT;
  g_assert_cmpuint (callouts, >, 0);
  g_assert_cmpuint (callouts, <=, 32);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/story/focus-lights-the-route", test_focus_lights_the_route);
  g_test_add_func ("/story/receding-text-stays-legible", test_receding_text_stays_legible);
  g_test_add_func ("/story/event-keeps-prices-whole", test_event_keeps_prices_whole);
  g_test_add_func ("/story/annotations-are-placed", test_annotations_are_placed);
  g_test_add_func ("/story/focused-event-is-whole", test_focused_event_is_whole);
  g_test_add_func ("/story/loader-checks-ids", test_loader_checks_ids);
  g_test_add_func ("/story/many-annotations-are-bounded", test_many_annotations_are_bounded);
  return g_test_run ();
}
