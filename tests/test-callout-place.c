/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-callout-place.c: a callout moved by hand: its text where its "place" says, as fractions of the plot at any size, and placed by the chart where that spot is taken. */
#include <math.h>

#include "atlas-briefing.h"
#include "atlas-callouts.h"
#include "atlas-chart.h"
#include "atlas-scene-text.h"
#include "chart-test-util.h"

static const struct {
  double width, height;
} sizes[] = {
  { 640, 400 }, { 1920, 1080 },
};

/* The prices slide of the story, with its annotation alone (no line, so
 * that where its text may go depends on the text only). */
static void
prices_options (AtlasDataset *dataset, AtlasChartOptions *options, AtlasAnnotation **annotation)
{
  const AtlasBriefing *briefing = g_ptr_array_index (atlas_dataset_get_briefings (dataset), 0);

  for (guint i = 0; i < briefing->slides->len; i++)
    {
      const AtlasSlide *slide = g_ptr_array_index (briefing->slides, i);

      if (slide->view != ATLAS_VIEW_PRICES)
        continue;
      atlas_chart_options_init (options, slide->view);
      options->series = (const char * const *) slide->series;
      options->from = slide->from;
      options->to = slide->to;
      options->focus = (const char * const *) slide->focus;
      options->lang = "en";
      *annotation = atlas_annotation_copy (g_ptr_array_index (slide->annotations, 0));
      (*annotation)->arrow = FALSE;
      return;
    }
  g_assert_not_reached ();
}

static AtlasScene *
layout (AtlasDataset *dataset, const AtlasChartOptions *options, double width, double height)
{
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  g_autoptr(GError) error = NULL;
  AtlasScene *scene = atlas_chart_layout (dataset, options, width, height, style, &error);

  g_assert_no_error (error);
  return scene;
}

/* The annotation's text as the scene drew it. */
static const AtlasShape *
callout_text (const AtlasScene *scene, const char *text)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = chart_test_shape (scene, i);

      if (shape->kind == ATLAS_SHAPE_TEXT && shape->role == ATLAS_ROLE_CALLOUT && g_str_equal (shape->text, text))
        return shape;
    }
  g_error ("“%s” was not placed", text);
  return NULL;
}

/* The box the text takes centred at @dx, @dy of the plot from @annotation's
 * anchor in @scene (laid out without it), at the width tried first. */
static gboolean
spot_is_free (const AtlasScene *scene, const AtlasAnnotation *annotation, double dx, double dy)
{
  double size = atlas_scene_font_size (scene, ATLAS_FONT_LABEL);
  AtlasItem item = { ATLAS_ITEM_SERIES, annotation->series, -1 };
  double x, y, w, h;
  AtlasRect box;

  g_assert_true (scene->klass->anchor (scene, annotation, &x, &y));
  atlas_scene_measure_text (scene, atlas_text_get (annotation->text, "en"), size, FALSE, size * 12, &w, &h);
  w += 1;
  box = (AtlasRect) { x + dx * scene->plot.width - w / 2, y + dy * scene->plot.height - h / 2, w, h };
  return atlas_rect_contains (&scene->plot, &box) && atlas_scene_box_is_free (scene, &box, &item);
}

/* A spot free at both sizes, as far from the anchor as there is one: where
 * the chart's own search, which tries near places first, would not go. */
static void
find_free_spot (AtlasDataset *dataset, const AtlasChartOptions *options, const AtlasAnnotation *annotation,
                double *out_dx, double *out_dy)
{
  AtlasScene *bare[G_N_ELEMENTS (sizes)];
  double best = -1;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    bare[s] = layout (dataset, options, sizes[s].width, sizes[s].height);
  for (int i = -16; i <= 16; i++)
    for (int j = -16; j <= 16; j++)
      {
        double dx = i / 20.0, dy = j / 20.0;
        gboolean free = TRUE;

        for (guint s = 0; s < G_N_ELEMENTS (sizes) && free; s++)
          free = spot_is_free (bare[s], annotation, dx, dy);
        if (free && hypot (dx, dy) > best)
          {
            best = hypot (dx, dy);
            *out_dx = dx;
            *out_dy = dy;
          }
      }
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    atlas_scene_free (bare[s]);
  g_assert_cmpfloat (best, >, 0.25);
}

/* Where it is free, the text's centre is the anchor plus the place's
 * fractions of the plot, at a small figure and a large one alike. */
static void
test_placed_where_written (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("story.json");
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_annotation_free);
  AtlasChartOptions options;
  AtlasAnnotation *annotation;
  double dx = 0, dy = 0;

  prices_options (dataset, &options, &annotation);
  g_ptr_array_add (annotations, annotation);
  options.annotations = NULL;
  find_free_spot (dataset, &options, annotation, &dx, &dy);
  annotation->has_place = TRUE;
  annotation->place_dx = dx;
  annotation->place_dy = dy;
  options.annotations = annotations;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(AtlasScene) scene = layout (dataset, &options, sizes[s].width, sizes[s].height);
      const AtlasShape *text = callout_text (scene, atlas_text_get (annotation->text, "en"));
      const AtlasSceneCallout *record;
      double x, y;

      g_assert_true (scene->klass->anchor (scene, annotation, &x, &y));
      g_assert_cmpfloat_with_epsilon (text->bounds.x + text->bounds.width / 2, x + dx * scene->plot.width, 0.01);
      g_assert_cmpfloat_with_epsilon (text->bounds.y + text->bounds.height / 2, y + dy * scene->plot.height, 0.01);

      /* The scene says which annotation the text is, for a window to move it. */
      g_assert_cmpuint (scene->callouts->len, >=, 1);
      record = &g_array_index (scene->callouts, AtlasSceneCallout, 0);
      g_assert_true (record->from_options);
      g_assert_cmpuint (record->index, ==, 0);
      g_assert_true (record->placed);
      g_assert_true (chart_test_shape (scene, record->shape) == text);
      g_assert_cmpfloat (record->anchor_x, ==, x);
      g_assert_cmpfloat (record->anchor_y, ==, y);
      g_assert_true (atlas_scene_callout_at (scene, text->bounds.x + 1, text->bounds.y + 1) == record);
    }
}

static gboolean
texts_overlap (const AtlasScene *scene, const AtlasShape *text)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *other = chart_test_shape (scene, i);

      if (other != text && other->kind == ATLAS_SHAPE_TEXT && atlas_rect_intersects (&other->bounds, &text->bounds))
        return TRUE;
    }
  return FALSE;
}

/* A place that is taken (on the price line itself, or off the plot) is
 * not kept: the chart finds room as for any other callout, overlapping
 * nothing, in both languages. */
static void
test_taken_place_falls_back (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("story.json");
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_annotation_free);
  const double places[][2] = { { 0, 0 }, { 1, -1 } };
  const char * const langs[] = { "en", "zh" };
  AtlasChartOptions options;
  AtlasAnnotation *annotation;

  prices_options (dataset, &options, &annotation);
  g_ptr_array_add (annotations, annotation);
  options.annotations = annotations;
  annotation->has_place = TRUE;

  for (guint p = 0; p < G_N_ELEMENTS (places); p++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(AtlasScene) scene = NULL;
          const AtlasShape *text;
          double x, y;

          annotation->place_dx = places[p][0];
          annotation->place_dy = places[p][1];
          options.lang = langs[l];
          scene = layout (dataset, &options, sizes[s].width, sizes[s].height);
          text = callout_text (scene, atlas_text_get (annotation->text, langs[l]));
          g_assert_true (scene->klass->anchor (scene, annotation, &x, &y));
          g_assert_false (fabs (text->bounds.x + text->bounds.width / 2 - (x + places[p][0] * scene->plot.width)) < 0.01 &&
                          fabs (text->bounds.y + text->bounds.height / 2 - (y + places[p][1] * scene->plot.height)) < 0.01);
          g_assert_true (atlas_rect_contains (&scene->plot, &text->bounds));
          g_assert_false (texts_overlap (scene, text));
          g_assert_false (g_array_index (scene->callouts, AtlasSceneCallout, 0).placed);
        }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/callout-place/placed-where-written", test_placed_where_written);
  g_test_add_func ("/callout-place/taken-place-falls-back", test_taken_place_falls_back);
  return g_test_run ();
}
