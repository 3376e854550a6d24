/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timeline-chart.c: the Timeline view's filters, lanes, label placement and hit-testing. */
#include <string.h>

#include "atlas-timeline-scene.h"
#include "atlas-chart.h"
#include "atlas-scene-text.h"
#include "chart-test-util.h"

/* Many events crowded into a few months, to force staggering and dropped
 * labels; every other title in Chinese only. */
static AtlasDataset *
make_dense_dataset (void)
{
  static const char * const kinds[] = { "policy", "market", "project", "conflict", "other" };
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  g_string_append (json,
                   "{\"format\": \"rare-earth-atlas/1\", \"title\": \"Dense\", \"updated\": \"2025-12-31\","
                   "\"sources\": [{\"id\": \"s\", \"publisher\": \"Test\", \"title\": \"Test\","
                   " \"date\": \"2025\", \"kind\": \"analysis\"}],"
                   "\"regions\": [{\"id\": \"CN\", \"name\": \"China\"}],"
                   "\"shares\": [{\"id\": \"x\", \"metric\": \"x\", \"year\": 2025, \"unit\": \"%\","
                   " \"cite\": \"s\", \"parts\": [{\"region\": \"CN\", \"value\": 1}]}],"
                   "\"events\": [");
  for (guint i = 0; i < 60; i++)
    {
      int month = 1 + (int) (i % 5), day = 1 + (int) ((i * 7) % 27);

      g_string_append_printf (json,
                              "%s{\"id\": \"e%u\", \"date\": \"2025-%02d-%02d\", \"kind\": \"%s\","
                              " \"regions\": [\"CN\"], \"cite\": \"s\", \"title\": %s}",
                              i > 0 ? "," : "", i, month, day, kinds[i % 3 == 0 ? 0 : i % 5],
                              i % 2 == 0 ? "{\"en\": \"A rather long event title number that goes on\","
                                           " \"zh\": \"一个相当长的事件标题，还在继续\"}"
                                         : "{\"zh\": \"中国宣布一项新的出口措施\"}");
    }
  g_string_append (json, "]}");
  dataset = atlas_dataset_load_data (json->str, json->len, "dense.json", NULL, 0, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static AtlasScene *
layout_timeline (AtlasDataset *dataset, const AtlasChartOptions *base, const char *lang,
                 double width, double height, gboolean dark)
{
  g_autoptr(AtlasStyle) style = atlas_style_new (dark);
  g_autoptr(GError) error = NULL;
  AtlasChartOptions options;
  AtlasScene *scene;

  if (base != NULL)
    options = *base;
  else
    atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  options.lang = lang;
  scene = atlas_chart_layout (dataset, &options, width, height, style, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);
  return scene;
}

static gboolean
is_marker (const AtlasShape *s)
{
  return s->kind == ATLAS_SHAPE_PATH && s->has_fill && s->item.kind == ATLAS_ITEM_EVENT;
}

/* The ids of the events drawn, in the order of scene->items. */
static GPtrArray *
drawn_event_ids (const AtlasScene *scene)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < scene->items->len; i++)
    {
      const AtlasItem *item = &g_array_index (scene->items, AtlasItem, i);
      g_assert_cmpint (item->kind, ==, ATLAS_ITEM_EVENT);
      g_ptr_array_add (ids, (gpointer) item->id);
    }
  return ids;
}

static gboolean
names_region (const AtlasEvent *event, const char *id)
{
  for (guint i = 0; event->regions != NULL && i < event->regions->len; i++)
    if (g_str_equal (((const AtlasRegion *) g_ptr_array_index (event->regions, i))->id, id))
      return TRUE;
  return FALSE;
}

static gboolean
names_element (const AtlasEvent *event, const char *id)
{
  for (guint i = 0; event->elements != NULL && i < event->elements->len; i++)
    if (g_str_equal (((const AtlasElement *) g_ptr_array_index (event->elements, i))->id, id))
      return TRUE;
  return FALSE;
}

typedef gboolean (*EventPredicate) (const AtlasEvent *event);

/* Exactly the events @keep accepts are drawn, in date order. */
static void
assert_drawn_exactly (AtlasDataset *dataset, const AtlasScene *scene, EventPredicate keep)
{
  g_autoptr(GPtrArray) ids = drawn_event_ids (scene);
  GPtrArray *events = atlas_dataset_get_events (dataset);
  guint next = 0;

  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (events, i);

      if (!keep (event))
        continue;
      g_assert_cmpuint (next, <, ids->len);
      g_assert_cmpstr (g_ptr_array_index (ids, next), ==, event->id);
      next++;
    }
  g_assert_cmpuint (next, ==, ids->len);
}

static gboolean
keep_policy_or_project (const AtlasEvent *e)
{
  return e->kind == ATLAS_EVENT_POLICY || e->kind == ATLAS_EVENT_PROJECT;
}

static gboolean
keep_naming_japan (const AtlasEvent *e)
{
  return names_region (e, "JP");
}

static gboolean
keep_naming_dy_or_tb (const AtlasEvent *e)
{
  return names_element (e, "Dy") || names_element (e, "Tb");
}

static gboolean
keep_2025_policy_in_china (const AtlasEvent *e)
{
  return e->date.year == 2025 && e->kind == ATLAS_EVENT_POLICY && names_region (e, "CN");
}

static gboolean
keep_all (const AtlasEvent *e)
{
  return TRUE;
}

static void
test_filters (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("timeline-basic.json");
  static const char * const kinds[] = { "policy", "project", NULL };
  static const char * const japan[] = { "JP", NULL };
  static const char * const dy_tb[] = { "Dy", "Tb", NULL };
  static const char * const policy[] = { "policy", NULL };
  static const char * const china[] = { "CN", NULL };
  AtlasChartOptions options;

  {
    g_autoptr(AtlasScene) scene = layout_timeline (dataset, NULL, "en", 1600, 900, FALSE);
    assert_drawn_exactly (dataset, scene, keep_all);
  }

  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  options.kinds = kinds;
  {
    g_autoptr(AtlasScene) scene = layout_timeline (dataset, &options, "en", 1600, 900, FALSE);
    assert_drawn_exactly (dataset, scene, keep_policy_or_project);
  }

  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  options.regions = japan;
  {
    g_autoptr(AtlasScene) scene = layout_timeline (dataset, &options, "en", 1600, 900, FALSE);
    assert_drawn_exactly (dataset, scene, keep_naming_japan);
  }

  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  options.elements = dy_tb;
  {
    g_autoptr(AtlasScene) scene = layout_timeline (dataset, &options, "en", 1600, 900, FALSE);
    assert_drawn_exactly (dataset, scene, keep_naming_dy_or_tb);
  }

  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  options.kinds = policy;
  options.regions = china;
  g_assert_true (atlas_date_parse ("2025", 4, &options.from));
  g_assert_true (atlas_date_parse ("2025", 4, &options.to));
  {
    g_autoptr(AtlasScene) scene = layout_timeline (dataset, &options, "en", 1600, 900, FALSE);
    g_autoptr(AtlasTable) table = NULL;
    g_autoptr(GError) error = NULL;

    assert_drawn_exactly (dataset, scene, keep_2025_policy_in_china);
    /* The table holds the same events. */
    table = atlas_chart_table (dataset, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (table->rows->len, ==, scene->items->len);
    g_assert_cmpuint (table->rows->len, ==, 3);
  }
}

static void
test_lanes_for_present_kinds (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("timeline-basic.json");
  static const char * const market_conflict[] = { "market", "conflict", NULL };
  static const char * const dy[] = { "Dy", NULL };
  AtlasChartOptions options;

  {
    g_autoptr(AtlasScene) scene = layout_timeline (dataset, NULL, "en", 1600, 900, FALSE);
    g_assert_true (chart_test_scene_has_text (scene, "Policy"));
    g_assert_true (chart_test_scene_has_text (scene, "Market"));
    g_assert_true (chart_test_scene_has_text (scene, "Project"));
    g_assert_true (chart_test_scene_has_text (scene, "Conflict"));
    g_assert_true (chart_test_scene_has_text (scene, "Other"));
  }

  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  options.kinds = market_conflict;
  {
    g_autoptr(AtlasScene) scene = layout_timeline (dataset, &options, "en", 1600, 900, FALSE);
    g_assert_false (chart_test_scene_has_text (scene, "Policy"));
    g_assert_true (chart_test_scene_has_text (scene, "Market"));
    g_assert_false (chart_test_scene_has_text (scene, "Project"));
    g_assert_true (chart_test_scene_has_text (scene, "Conflict"));
    g_assert_false (chart_test_scene_has_text (scene, "Other"));
  }

  /* Only kinds present after filtering: the Dy events are policy and market. */
  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  options.elements = dy;
  {
    g_autoptr(AtlasScene) scene = layout_timeline (dataset, &options, "en", 1600, 900, FALSE);
    g_assert_true (chart_test_scene_has_text (scene, "Policy"));
    g_assert_true (chart_test_scene_has_text (scene, "Market"));
    g_assert_true (chart_test_scene_has_text (scene, "Project"));
    g_assert_false (chart_test_scene_has_text (scene, "Conflict"));
    g_assert_false (chart_test_scene_has_text (scene, "Other"));
  }
}

static void
assert_layout_clean (const AtlasScene *scene)
{
  AtlasRect figure = { 0, 0, scene->width, scene->height };

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *a = chart_test_shape (scene, i);

      if (a->kind != ATLAS_SHAPE_TEXT)
        continue;
      if (!atlas_rect_contains (&figure, &a->bounds))
        g_error ("“%s” leaves the %gx%g figure", a->text, scene->width, scene->height);
      for (guint j = 0; j < scene->shapes->len; j++)
        {
          const AtlasShape *b = chart_test_shape (scene, j);

          if (j > i && b->kind == ATLAS_SHAPE_TEXT && atlas_rect_intersects (&a->bounds, &b->bounds))
            g_error ("“%s” overlaps “%s” at %gx%g", a->text, b->text, scene->width, scene->height);
          /* No label hides a marker. */
          if (is_marker (b) && atlas_rect_intersects (&a->bounds, &b->bounds))
            g_error ("“%s” covers the marker of %s at %gx%g", a->text, b->item.id,
                     scene->width, scene->height);
        }
    }
}

static void
test_text_placement (void)
{
  static const double sizes[][2] = { { 640, 360 }, { 1600, 900 }, { 3840, 2160 } };
  static const char * const langs[] = { "en", "zh" };
  AtlasDataset *datasets[2] = { chart_test_load_fixture ("timeline-basic.json"), make_dense_dataset () };

  for (guint d = 0; d < G_N_ELEMENTS (datasets); d++)
    {
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
          {
            g_autoptr(AtlasScene) scene = layout_timeline (datasets[d], NULL, langs[l],
                                                           sizes[s][0], sizes[s][1], l == 1);
            assert_layout_clean (scene);
          }
      g_object_unref (datasets[d]);
    }
}

static const AtlasShape *
marker_of (const AtlasScene *scene, const AtlasItem *item)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    if (is_marker (chart_test_shape (scene, i)) && atlas_item_equal (&chart_test_shape (scene, i)->item, item))
      return chart_test_shape (scene, i);
  return NULL;
}

/* The label drawn for the event @id; NULL when it has none. */
static const AtlasShape *
label_of_event (const AtlasScene *scene, const char *id)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = chart_test_shape (scene, i);

      /* A run's count ("+7") stands for its first event but is no label. */
      if (s->kind == ATLAS_SHAPE_TEXT && s->item.kind == ATLAS_ITEM_EVENT && g_strcmp0 (s->item.id, id) == 0 &&
          s->role != ATLAS_ROLE_NOTE)
        return s;
    }
  return NULL;
}

/* What a label must not cover: another label, a marker, a leader. */
static gboolean
collides (const AtlasScene *scene, const AtlasShape *label, const AtlasRect *box)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = chart_test_shape (scene, i);
      gboolean obstacle = (s->kind == ATLAS_SHAPE_TEXT && s->item.kind == ATLAS_ITEM_EVENT) ||
                          (s->kind == ATLAS_SHAPE_PATH && s->item.kind == ATLAS_ITEM_EVENT);

      if (s != label && obstacle && atlas_rect_intersects (&s->bounds, box))
        return TRUE;
    }
  return FALSE;
}

/* A shortened label is as long as the room near its marker allows: two
 * ems more, on the side away from the marker, would cover something or
 * leave the lanes.  Cut to one of a few fixed lengths, labels near the
 * right edge read "China adds fiv…" beside free space. */
static void
assert_shortened_labels_fill_their_room (const AtlasScene *scene)
{
  double em = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  double lanes_right = scene->plot.x + scene->plot.width;
  double lanes_left = lanes_right;
  guint n_shortened = 0;

  /* The lanes start right of the lane names: right of every marker's
   * leftmost possible place, and left of every marker. */
  for (guint i = 0; i < scene->shapes->len; i++)
    if (is_marker (chart_test_shape (scene, i)))
      lanes_left = MIN (lanes_left, chart_test_shape (scene, i)->bounds.x);

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *label = chart_test_shape (scene, i);
      const AtlasShape *marker;
      AtlasRect wider;

      if (label->kind != ATLAS_SHAPE_TEXT || label->item.kind != ATLAS_ITEM_EVENT ||
          !g_str_has_suffix (label->text, "…"))
        continue;
      marker = marker_of (scene, &label->item);
      g_assert_nonnull (marker);
      n_shortened++;
      /* No label takes more than most of the lanes, room or not. */
      if (label->bounds.width + 2 * em > 0.7 * (lanes_right - lanes_left))
        continue;
      wider = label->bounds;
      wider.width += 2 * em;
      if (label->bounds.x + label->bounds.width <= marker->bounds.x)
        {
          wider.x -= 2 * em;
          if (wider.x < lanes_left - 2 * em)
            continue;
        }
      else if (wider.x + wider.width > lanes_right)
        continue;
      if (!collides (scene, label, &wider))
        g_error ("“%s” is shortened at %gx%g although two ems more fit beside it",
                 label->text, scene->width, scene->height);
    }
  g_test_message ("%gx%g: %u labels shortened", scene->width, scene->height, n_shortened);
}

static void
test_labels_use_their_room (void)
{
  static const double sizes[][2] = { { 640, 360 }, { 1024, 768 }, { 1600, 900 }, { 3840, 2160 } };
  static const char * const langs[] = { "en", "zh" };
  AtlasDataset *datasets[3] = { chart_test_load_fixture ("timeline-basic.json"), make_dense_dataset (), chart_test_load_bundled () };

  for (guint d = 0; d < G_N_ELEMENTS (datasets); d++)
    {
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
          {
            g_autoptr(AtlasScene) scene = layout_timeline (datasets[d], NULL, langs[l],
                                                           sizes[s][0], sizes[s][1], FALSE);
            assert_shortened_labels_fill_their_room (scene);
            assert_layout_clean (scene);
          }
      g_object_unref (datasets[d]);
    }
}

/* The last event of a quiet lane, at the right edge, has no room on the
 * right: its label goes whole to the left of its marker. */
static void
test_label_left_of_edge_marker (void)
{
  static const char json[] =
    "{\"format\": \"rare-earth-atlas/1\", \"title\": \"Edge\", \"updated\": \"2025-12-31\","
    "\"sources\": [{\"id\": \"s\", \"publisher\": \"Test\", \"title\": \"Test\","
    " \"date\": \"2025\", \"kind\": \"analysis\"}],"
    "\"regions\": [{\"id\": \"CN\", \"name\": \"China\"}],"
    "\"shares\": [{\"id\": \"x\", \"metric\": \"x\", \"year\": 2025, \"unit\": \"%\","
    " \"cite\": \"s\", \"parts\": [{\"region\": \"CN\", \"value\": 1}]}],"
    "\"events\": ["
    "{\"id\": \"early\", \"date\": \"2010\", \"kind\": \"policy\", \"cite\": \"s\","
    " \"title\": \"Quota cut\"},"
    "{\"id\": \"late\", \"date\": \"2025-10-09\", \"kind\": \"policy\", \"cite\": \"s\","
    " \"title\": {\"en\": \"China adds five rare earths and extraterritorial rules to its export controls\","
    " \"zh\": \"中国将另外五种稀土及域外管辖规则纳入出口管制\"}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_data (json, sizeof json - 1, "edge.json", NULL, 0,
                                                             NULL, &error);
  /* From 1024 wide the whole label is shorter than the longest allowed. */
  static const double sizes[][2] = { { 1024, 576 }, { 1600, 900 }, { 3840, 2160 } };

  g_assert_no_error (error);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint l = 0; l < 2; l++)
      {
        g_autoptr(AtlasScene) scene = layout_timeline (dataset, NULL, l == 0 ? "en" : "zh",
                                                       sizes[s][0], sizes[s][1], FALSE);
        AtlasItem late = { ATLAS_ITEM_EVENT, "late", 1 };
        const AtlasShape *marker = marker_of (scene, &late);
        const AtlasShape *label = label_of_event (scene, late.id);

        g_assert_nonnull (marker);
        g_assert_nonnull (label);
        g_assert_false (g_str_has_suffix (label->text, "…"));
        g_assert_cmpfloat (label->bounds.x + label->bounds.width, <=, marker->bounds.x);
        assert_layout_clean (scene);
      }
}

/* In a crowded stretch of a lane, a label with no room for its one long
 * line is broken in two whole lines where that finds room, rather than
 * shortened: in the bundled dataset at 1600x900, framed on the second half
 * of 2025 as a slide is, the October policy events ("China adds five rare
 * earths, rare-earth technologies and extraterritorial rules…" read "China
 * adds five rare earths and extr…"). */
static void
test_crowded_labels_break_in_two_lines (void)
{
  static const char * const ids[] = { "cn-controls-2025-10", "us-jp-2025-10" };
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();
  g_autoptr(AtlasScene) scene = NULL;
  AtlasChartOptions options;

  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  g_assert_true (atlas_date_parse ("2025-06", 7, &options.from));
  g_assert_true (atlas_date_parse ("2025-12", 7, &options.to));
  scene = layout_timeline (dataset, &options, "en", 1600, 900, FALSE);

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      const AtlasEvent *event = atlas_dataset_find_event (dataset, ids[k]);
      const AtlasShape *label = label_of_event (scene, ids[k]);
      g_autofree char *date = NULL, *whole = NULL;

      g_assert_nonnull (event);
      date = atlas_date_to_string (&event->date);
      whole = g_strdup_printf ("%s  %s", date, atlas_text_get (event->title, "en"));
      g_assert_nonnull (label);
      g_assert_cmpstr (label->text, ==, whole);
    }
  assert_layout_clean (scene);
}

static void
assert_markers_hit (const AtlasScene *scene)
{
  guint n = 0;

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = chart_test_shape (scene, i);
      AtlasItem hit;

      if (!is_marker (s))
        continue;
      g_assert_true (atlas_scene_hit_test (scene, s->bounds.x + s->bounds.width / 2,
                                           s->bounds.y + s->bounds.height / 2, &hit));
      if (!atlas_item_equal (&hit, &s->item))
        g_error ("the centre of %s's marker hits %s at %gx%g", s->item.id, hit.id,
                 scene->width, scene->height);
      n++;
    }
  g_assert_cmpuint (n, ==, scene->items->len);
}

static void
test_hit_round_trip (void)
{
  g_autoptr(AtlasDataset) basic = chart_test_load_fixture ("timeline-basic.json");
  g_autoptr(AtlasDataset) dense = make_dense_dataset ();
  g_autoptr(AtlasScene) scene = layout_timeline (basic, NULL, "en", 1600, 900, FALSE);
  g_autoptr(AtlasScene) small = layout_timeline (basic, NULL, "en", 640, 360, FALSE);
  g_autoptr(AtlasScene) crowded = layout_timeline (dense, NULL, "en", 1600, 900, FALSE);
  guint n_labels = 0;

  assert_markers_hit (scene);
  assert_markers_hit (small);
  assert_markers_hit (crowded);

  /* Labels answer for their event too. */
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = chart_test_shape (scene, i);
      AtlasItem hit;

      if (s->kind != ATLAS_SHAPE_TEXT || s->item.kind != ATLAS_ITEM_EVENT)
        continue;
      g_assert_true (atlas_scene_hit_test (scene, s->bounds.x + s->bounds.width / 2,
                                           s->bounds.y + s->bounds.height / 2, &hit));
      g_assert_true (atlas_item_equal (&hit, &s->item));
      n_labels++;
    }
  g_assert_cmpuint (n_labels, >, 10);
}

static void
test_selection_keeps_its_label (void)
{
  g_autoptr(AtlasDataset) dense = make_dense_dataset ();
  AtlasChartOptions options;

  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  options.select = "e59";
  {
    g_autoptr(AtlasScene) scene = layout_timeline (dense, &options, "en", 640, 360, FALSE);
    gboolean labelled = FALSE;

    g_assert_cmpint (scene->selected.kind, ==, ATLAS_ITEM_EVENT);
    g_assert_cmpstr (scene->selected.id, ==, "e59");
    for (guint i = 0; i < scene->shapes->len; i++)
      {
        const AtlasShape *s = chart_test_shape (scene, i);
        labelled |= s->kind == ATLAS_SHAPE_TEXT && atlas_item_equal (&s->item, &scene->selected);
      }
    g_assert_true (labelled);
  }
}

static void
test_axis_ticks (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("timeline-basic.json");
  AtlasChartOptions options;

  {
    g_autoptr(AtlasScene) scene = layout_timeline (dataset, NULL, "en", 1600, 900, FALSE);
    g_assert_true (chart_test_scene_has_text (scene, "2015") || chart_test_scene_has_text (scene, "2016"));
    g_assert_true (chart_test_scene_has_text (scene, "2020"));
  }

  /* Half a year reads in months. */
  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  g_assert_true (atlas_date_parse ("2025-04", 7, &options.from));
  g_assert_true (atlas_date_parse ("2025-09", 7, &options.to));
  {
    g_autoptr(AtlasScene) scene = layout_timeline (dataset, &options, "en", 1600, 900, FALSE);
    g_assert_true (chart_test_scene_has_text (scene, "Apr 2025"));
    g_assert_true (chart_test_scene_has_text (scene, "Jul"));
    g_assert_false (chart_test_scene_has_text (scene, "2025"));
  }
}

static void
test_describe_and_table (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("timeline-basic.json");
  g_autoptr(AtlasScene) scene = layout_timeline (dataset, NULL, "en", 1600, 900, FALSE);
  g_autoptr(AtlasTable) table = NULL;
  g_autoptr(GError) error = NULL;
  AtlasChartOptions options;
  static const char * const columns[] = {
    "Date", "Kind", "Title", "Regions", "Elements", "Detail", "Sources",
  };
  GPtrArray *row;

  g_assert_cmpstr (atlas_scene_describe (scene), ==,
                   "17 events from 2010 to 2027: 6 policy, 4 market, 5 project, 1 conflict, 1 other. "
                   "Latest: 2027-02, Commercial deep-sea mining could begin if the trial succeeds.");
  g_assert_cmpstr (scene->title, ==, "Events, 2010–2027");

  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  options.lang = "zh";
  table = atlas_chart_table (dataset, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->columns->len, ==, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_assert_cmpstr (g_ptr_array_index (table->columns, i), ==, columns[i]);
  g_assert_cmpuint (table->rows->len, ==, 17);
  /* Sorted by date: the "2010-09" policy comes before the 2010-09-07 collision. */
  row = g_ptr_array_index (table->rows, 0);
  g_assert_cmpstr (g_ptr_array_index (row, 0), ==, "2010-09");
  g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "中国对日本实施稀土出口管制");
  g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "中国, 日本");
  g_assert_nonnull (strstr (g_ptr_array_index (row, 5), "5万吨"));
  g_assert_nonnull (strstr (g_ptr_array_index (row, 6), "Sou Hu Cai Jing"));
}

static void
test_errors (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("timeline-basic.json");
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  static const char * const bad_kind[] = { "weather", NULL };
  static const char * const bad_region[] = { "XX", NULL };
  static const char * const bad_element[] = { "Zz", NULL };
  struct {
    const char * const *kinds, * const *regions, * const *elements;
    const char *select, *from, *to;
    int code;
    const char *named;
  } cases[] = {
    { bad_kind, NULL, NULL, NULL, NULL, NULL, ATLAS_CHART_ERROR_BAD_OPTION, "weather" },
    { NULL, bad_region, NULL, NULL, NULL, NULL, ATLAS_CHART_ERROR_UNKNOWN_ID, "XX" },
    { NULL, NULL, bad_element, NULL, NULL, NULL, ATLAS_CHART_ERROR_UNKNOWN_ID, "Zz" },
    { NULL, NULL, NULL, "no-such-event", NULL, NULL, ATLAS_CHART_ERROR_UNKNOWN_ID, "no-such-event" },
    { NULL, NULL, NULL, NULL, "2025-06", "2025-05", ATLAS_CHART_ERROR_BAD_OPTION, "2025-06" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasScene) scene = NULL;
      AtlasChartOptions options;

      atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
      options.kinds = cases[i].kinds;
      options.regions = cases[i].regions;
      options.elements = cases[i].elements;
      options.select = cases[i].select;
      if (cases[i].from != NULL)
        g_assert_true (atlas_date_parse (cases[i].from, strlen (cases[i].from), &options.from));
      if (cases[i].to != NULL)
        g_assert_true (atlas_date_parse (cases[i].to, strlen (cases[i].to), &options.to));
      scene = atlas_chart_layout (dataset, &options, 800, 450, style, &error);
      g_assert_null (scene);
      g_assert_error (error, ATLAS_CHART_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].named));
    }

  /* Filters that match nothing are not an error: an empty, labelled plot. */
  {
    static const char * const other[] = { "other", NULL };
    static const char * const cn[] = { "CN", NULL };
    g_autoptr(AtlasScene) scene = NULL;
    AtlasChartOptions options;

    atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
    options.kinds = other;
    options.regions = cn;
    scene = layout_timeline (dataset, &options, "en", 800, 450, FALSE);
    g_assert_cmpuint (scene->items->len, ==, 0);
    g_assert_true (chart_test_scene_has_text (scene, "No events match these filters."));
  }
}

/* Events with no room for a label are counted where they crowd, runs of
 * two or more: labelled events, counted ones and the lone unlabelled
 * markers add up to every event drawn, and most unlabelled events are
 * counted. */
static void
test_unlabelled_are_counted (void)
{
  g_autoptr(AtlasDataset) dataset = make_dense_dataset ();
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(GHashTable) labelled = g_hash_table_new (g_str_hash, g_str_equal);
  guint counted = 0, counts = 0;

  atlas_chart_options_init (&options, ATLAS_VIEW_TIMELINE);
  scene = layout_timeline (dataset, &options, "en", 640, 400, FALSE);
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind != ATLAS_SHAPE_TEXT)
        continue;
      if (shape->role == ATLAS_ROLE_NOTE && shape->text[0] == '+')
        {
          guint n = (guint) g_ascii_strtoull (shape->text + 1, NULL, 10), in_cluster = 0;
          double first_day, last_day;

          /* A count is no event's label: it opens (the window zooms to
           * its events' days) when clicked. */
          g_assert_cmpint (shape->item.kind, ==, ATLAS_ITEM_NONE);
          g_assert_true (atlas_timeline_scene_cluster_at (scene, shape->bounds.x + shape->bounds.width / 2,
                                                          shape->bounds.y + shape->bounds.height / 2,
                                                          &first_day, &last_day, &in_cluster));
          g_assert_cmpuint (in_cluster, ==, n);
          g_assert_cmpfloat (first_day, <, last_day);
          counted += n;
          counts++;
        }
      else if (shape->item.kind == ATLAS_ITEM_EVENT)
        g_hash_table_add (labelled, (gpointer) shape->item.id);
    }
  g_assert_cmpuint (counts, >, 0);
  g_assert_cmpuint (counted, >=, 2 * counts);
  g_assert_cmpuint (g_hash_table_size (labelled) + counted, <=, 60);
  g_assert_cmpuint (counted, >=, (60 - g_hash_table_size (labelled)) / 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/filters", test_filters);
  g_test_add_func ("/timeline/lanes-for-present-kinds", test_lanes_for_present_kinds);
  g_test_add_func ("/timeline/text-placement", test_text_placement);
  g_test_add_func ("/timeline/labels-use-their-room", test_labels_use_their_room);
  g_test_add_func ("/timeline/label-left-of-edge-marker", test_label_left_of_edge_marker);
  g_test_add_func ("/timeline/crowded-labels-break-in-two-lines", test_crowded_labels_break_in_two_lines);
  g_test_add_func ("/timeline/hit-round-trip", test_hit_round_trip);
  g_test_add_func ("/timeline/selection-keeps-its-label", test_selection_keeps_its_label);
  g_test_add_func ("/timeline/axis-ticks", test_axis_ticks);
  g_test_add_func ("/timeline/describe-and-table", test_describe_and_table);
  g_test_add_func ("/timeline/errors", test_errors);
  g_test_add_func ("/timeline/unlabelled-are-counted", test_unlabelled_are_counted);
  return g_test_run ();
}
