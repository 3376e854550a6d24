/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-share-chart.c: the Shares view's geometry, concentration figures, text placement and hit-testing. */
#include <math.h>
#include <string.h>

#include "atlas-chart.h"
#include "atlas-scene-text.h"
#include "atlas-share-concentration.h"
#include "chart-test-util.h"

static AtlasScene *
layout_shares (AtlasDataset *dataset, const char *group, const char *lang,
               double width, double height, gboolean dark, const char *select)
{
  g_autoptr(AtlasStyle) style = atlas_style_new (dark);
  g_autoptr(GError) error = NULL;
  AtlasChartOptions options;
  AtlasScene *scene;

  atlas_chart_options_init (&options, ATLAS_VIEW_SHARES);
  options.group = group;
  options.lang = lang;
  options.select = select;
  scene = atlas_chart_layout (dataset, &options, width, height, style, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);
  return scene;
}

/* The bar as a whole: the rectangle standing for the share itself. */
static const AtlasShape *
bar_of (const AtlasScene *scene, const char *share_id)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = chart_test_shape (scene, i);
      if (s->kind == ATLAS_SHAPE_RECT && s->item.kind == ATLAS_ITEM_SHARE &&
          g_strcmp0 (s->item.id, share_id) == 0)
        return s;
    }
  return NULL;
}

/* The segment rectangles of @share, left to right: filled rectangles of
 * its parts spanning the bar's full height (a label's backing plate is
 * smaller). */
static GPtrArray *
segments_of (const AtlasScene *scene, const char *share_id)
{
  const AtlasShape *bar = bar_of (scene, share_id);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; bar != NULL && i < scene->shapes->len; i++)
    {
      const AtlasShape *s = chart_test_shape (scene, i);
      if (s->kind == ATLAS_SHAPE_RECT && s->has_fill && s->item.kind == ATLAS_ITEM_SHARE_PART &&
          g_strcmp0 (s->item.id, share_id) == 0 &&
          s->bounds.y == bar->bounds.y && s->bounds.height == bar->bounds.height)
        g_ptr_array_add (out, (gpointer) s);
    }
  return out;
}

static const char * const chain_bars[] = { "refining-2023", "mining-2024", "reserves-2024" };

static void
test_segments_tile_bar (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-basic.json");
  g_autoptr(AtlasScene) scene = layout_shares (dataset, "chain", "en", 1600, 900, FALSE, NULL);

  for (guint b = 0; b < G_N_ELEMENTS (chain_bars); b++)
    {
      const AtlasShare *share = atlas_dataset_find_share (dataset, chain_bars[b]);
      const AtlasShape *bar = bar_of (scene, share->id);
      g_autoptr(GPtrArray) segments = segments_of (scene, share->id);
      double x = bar->bounds.x, sum = 0;

      g_assert_nonnull (bar);
      g_assert_cmpuint (segments->len, >, 0);
      for (guint i = 0; i < segments->len; i++)
        {
          const AtlasShape *s = g_ptr_array_index (segments, i);
          double value;

          /* Contiguous, in order, on the bar's row. */
          g_assert_cmpfloat_with_epsilon (s->bounds.x, x, 1e-6);
          g_assert_cmpfloat_with_epsilon (s->bounds.y, bar->bounds.y, 1e-6);
          g_assert_cmpfloat_with_epsilon (s->bounds.height, bar->bounds.height, 1e-6);
          x += s->bounds.width;
          sum += s->bounds.width;

          if (s->item.index >= 0)
            value = ((const AtlasSharePart *) g_ptr_array_index (share->parts, s->item.index))->value;
          else
            value = share->total - share->parts_sum;
          /* Width proportional to the share of the whole. */
          g_assert_cmpfloat_with_epsilon (s->bounds.width / bar->bounds.width, value / share->total, 1e-9);
        }
      g_assert_cmpfloat_with_epsilon (sum, bar->bounds.width, 1e-6);
    }
}

static void
test_other_iff_remainder (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-many.json");
  g_autoptr(AtlasScene) scene = layout_shares (dataset, "all", "en", 1600, 900, FALSE, NULL);
  GPtrArray *shares = atlas_dataset_get_shares (dataset);

  for (guint b = 0; b < shares->len; b++)
    {
      const AtlasShare *share = g_ptr_array_index (shares, b);
      g_autoptr(GPtrArray) segments = segments_of (scene, share->id);
      gboolean has_other = FALSE;
      const AtlasShape *last;

      for (guint i = 0; i < segments->len; i++)
        has_other |= ((const AtlasShape *) g_ptr_array_index (segments, i))->item.index == -1;
      g_assert_cmpint (has_other, ==, share->total > share->parts_sum + 1e-9);
      /* "Other" is the last segment, in the neutral grey. */
      last = g_ptr_array_index (segments, segments->len - 1);
      if (has_other)
        {
          g_assert_cmpint (last->item.index, ==, -1);
          g_assert_cmpfloat_with_epsilon (last->fill.red, last->fill.green, 1e-9);
          g_assert_cmpfloat_with_epsilon (last->fill.green, last->fill.blue, 1e-9);
        }
    }

  /* Without a total the parts are the whole. */
  {
    g_autoptr(AtlasDataset) basic = chart_test_load_fixture ("shares-basic.json");
    g_autoptr(AtlasScene) chain = layout_shares (basic, "chain", "en", 1600, 900, FALSE, NULL);
    g_autoptr(GPtrArray) reserves = segments_of (chain, "reserves-2024");

    for (guint i = 0; i < reserves->len; i++)
      g_assert_cmpint (((const AtlasShape *) g_ptr_array_index (reserves, i))->item.index, >=, 0);
    g_assert_cmpuint (reserves->len, ==, 8);
  }
}

static void
test_concentration (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-basic.json");
  const AtlasShare *reserves = atlas_dataset_find_share (dataset, "reserves-2024");
  const AtlasShare *refining = atlas_dataset_find_share (dataset, "refining-2023");
  const AtlasShare *mining = atlas_dataset_find_share (dataset, "mining-2024");
  static const double reserves_t[] = { 44000000, 21000000, 6900000, 5700000, 3800000, 3500000, 1900000, 1500000 };
  double whole = 0, hhi = 0;
  AtlasShareConcentration c;
  g_autofree char *full = NULL, *refining_text = NULL, *mining_text = NULL;

  /* Reserves: every part named, no total: exact figures. */
  for (guint i = 0; i < G_N_ELEMENTS (reserves_t); i++)
    whole += reserves_t[i];
  for (guint i = 0; i < G_N_ELEMENTS (reserves_t); i++)
    hhi += pow (100 * reserves_t[i] / whole, 2);
  g_assert_true (atlas_share_concentration (reserves, &c));
  g_assert_cmpstr (c.top_region->id, ==, "CN");
  g_assert_cmpfloat_with_epsilon (c.top_share, 44000000 / whole, 1e-12);
  g_assert_cmpfloat_with_epsilon (c.top3_share, (44000000 + 21000000 + 6900000) / whole, 1e-12);
  g_assert_cmpfloat_with_epsilon (c.hhi, hhi, 1e-6);
  g_assert_cmpfloat_with_epsilon (c.other_share, 0, 1e-12);
  g_assert_false (c.hhi_is_lower_bound || c.top_is_lower_bound || c.top3_is_lower_bound);
  g_assert_cmpuint (c.n_regions, ==, 8);
  full = atlas_share_concentration_format (&c, ATLAS_CONCENTRATION_FULL, "en");
  g_assert_cmpstr (full, ==, "Top: China 50 % · Top 3: 81 % · HHI 3,193");

  /* Refining: 92 + 5 + 1 of 100; the remainder of 2 could be one region
   * bigger than Australia's 1, so top 3 and HHI are lower bounds. */
  g_assert_true (atlas_share_concentration (refining, &c));
  g_assert_cmpfloat_with_epsilon (c.top_share, 0.92, 1e-12);
  g_assert_cmpfloat_with_epsilon (c.top3_share, 0.98, 1e-12);
  g_assert_cmpfloat_with_epsilon (c.hhi, 92 * 92 + 5 * 5 + 1 * 1, 1e-6);
  g_assert_cmpfloat_with_epsilon (c.other_share, 0.02, 1e-12);
  g_assert_false (c.top_is_lower_bound);
  g_assert_true (c.top3_is_lower_bound);
  g_assert_true (c.hhi_is_lower_bound);
  refining_text = atlas_share_concentration_format (&c, ATLAS_CONCENTRATION_FULL, "en");
  g_assert_cmpstr (refining_text, ==, "Top: China 92 % · Top 3: ≥ 98 % · HHI ≥ 8,490");

  /* Mining: the remainder (5,000 t) is smaller than the third (31,000 t):
   * the top 3 is exact, the HHI still a lower bound. */
  g_assert_true (atlas_share_concentration (mining, &c));
  g_assert_cmpfloat_with_epsilon (c.top3_share, 346000.0 / 390000.0, 1e-12);
  g_assert_false (c.top3_is_lower_bound);
  g_assert_true (c.hhi_is_lower_bound);
  mining_text = atlas_share_concentration_format (&c, ATLAS_CONCENTRATION_FULL, "zh");
  g_assert_true (g_str_has_prefix (mining_text, "Top: 中国 69 %"));

  /* "China / Other", or two regions, gets no index: it would only restate
   * the bar.  Even the shortest note then names the top region. */
  {
    AtlasShareConcentration two = c;
    g_autofree char *full_two = NULL, *minimal_two = NULL, *minimal_many = NULL;

    two.n_regions = 1;
    full_two = atlas_share_concentration_format (&two, ATLAS_CONCENTRATION_FULL, "en");
    minimal_two = atlas_share_concentration_format (&two, ATLAS_CONCENTRATION_MINIMAL, "en");
    g_assert_null (strstr (full_two, "HHI"));
    g_assert_null (strstr (minimal_two, "HHI"));
    g_assert_true (g_str_has_prefix (minimal_two, "China"));
    minimal_many = atlas_share_concentration_format (&c, ATLAS_CONCENTRATION_MINIMAL, "en");
    g_assert_nonnull (strstr (minimal_many, "HHI"));
  }

  /* The chart states them under the bars. */
  {
    g_autoptr(AtlasScene) scene = layout_shares (dataset, "chain", "en", 1600, 900, FALSE, NULL);
    g_assert_true (chart_test_scene_has_text (scene, "Top: China 92 % · Top 3: ≥ 98 % · HHI ≥ 8,490"));
    g_assert_true (chart_test_scene_has_text (scene, "Top: China 50 % · Top 3: 81 % · HHI 3,193"));
  }
}

static void
test_alternatives (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-basic.json");
  g_autoptr(AtlasScene) scene = layout_shares (dataset, "chain", "en", 1600, 900, FALSE, NULL);
  g_autoptr(AtlasScene) selected = layout_shares (dataset, "chain", "en", 1600, 900, FALSE, "refining-2023-alt");
  guint n_bars = 0;

  for (guint i = 0; i < scene->shapes->len; i++)
    g_assert_cmpstr (chart_test_shape (scene, i)->item.id, !=, "refining-2023-alt");
  for (guint i = 0; i < scene->items->len; i++)
    n_bars += g_array_index (scene->items, AtlasItem, i).kind == ATLAS_ITEM_SHARE;
  g_assert_cmpuint (n_bars, ==, 3);
  /* Counted on its primary. */
  g_assert_true (chart_test_scene_has_text (scene, "+1 other figure"));
  g_assert_cmpint (selected->selected.kind, ==, ATLAS_ITEM_SHARE);
  g_assert_cmpstr (selected->selected.id, ==, "refining-2023");

  /* An ungrouped alternative named as the group shows its primary. */
  {
    g_autoptr(AtlasScene) japan = layout_shares (dataset, "japan-2024-argus", "en", 1600, 900, FALSE, NULL);
    g_assert_nonnull (bar_of (japan, "japan-2024"));
    g_assert_null (bar_of (japan, "japan-2024-argus"));
    g_assert_true (chart_test_scene_has_text (japan, "+1 other figure"));
  }
}

static void
test_region_colour (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-basic.json");
  g_autoptr(AtlasScene) scene = layout_shares (dataset, "chain", "en", 1600, 900, TRUE, NULL);
  const AtlasShape *reference = NULL;
  guint seen = 0;

  for (guint b = 0; b < G_N_ELEMENTS (chain_bars); b++)
    {
      const AtlasShare *share = atlas_dataset_find_share (dataset, chain_bars[b]);
      g_autoptr(GPtrArray) segments = segments_of (scene, share->id);

      for (guint i = 0; i < segments->len; i++)
        {
          const AtlasShape *s = g_ptr_array_index (segments, i);
          const AtlasSharePart *part;

          if (s->item.index < 0)
            continue;
          part = g_ptr_array_index (share->parts, s->item.index);
          if (g_strcmp0 (part->region->id, "AU") != 0)
            continue;
          if (reference == NULL)
            reference = s;
          g_assert_cmpfloat (s->fill.red, ==, reference->fill.red);
          g_assert_cmpfloat (s->fill.green, ==, reference->fill.green);
          g_assert_cmpfloat (s->fill.blue, ==, reference->fill.blue);
          seen++;
        }
    }
  /* Australia is in all three bars, an estimate in two of them. */
  g_assert_cmpuint (seen, ==, 3);
}

static void
assert_texts_disjoint_and_inside (const AtlasScene *scene)
{
  AtlasRect figure = { 0, 0, scene->width, scene->height };

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *a = chart_test_shape (scene, i);

      if (a->kind != ATLAS_SHAPE_TEXT)
        continue;
      if (!atlas_rect_contains (&figure, &a->bounds))
        g_error ("“%s” leaves the %gx%g figure", a->text, scene->width, scene->height);
      for (guint j = i + 1; j < scene->shapes->len; j++)
        {
          const AtlasShape *b = chart_test_shape (scene, j);
          if (b->kind == ATLAS_SHAPE_TEXT && atlas_rect_intersects (&a->bounds, &b->bounds))
            g_error ("“%s” overlaps “%s” at %gx%g", a->text, b->text, scene->width, scene->height);
        }
    }
}

/* A value label (and its plate) stays inside its own segment: the first
 * rectangle drawn for its part. */
static void
assert_value_labels_inside_segments (const AtlasScene *scene)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *t = chart_test_shape (scene, i);
      const AtlasShape *segment = NULL;

      /* Names beside the bar, and their ticks, are checked below. */
      if (t->item.kind != ATLAS_ITEM_SHARE_PART || t->kind == ATLAS_SHAPE_PATH ||
          (t->kind == ATLAS_SHAPE_TEXT && t->role == ATLAS_ROLE_CALLOUT))
        continue;
      for (guint j = 0; j < i && segment == NULL; j++)
        {
          const AtlasShape *r = chart_test_shape (scene, j);
          if (r->kind == ATLAS_SHAPE_RECT && atlas_item_equal (&r->item, &t->item))
            segment = r;
        }
      if (segment == NULL)
        continue;
      if (!atlas_rect_contains (&segment->bounds, &t->bounds))
        g_error ("value label “%s” leaves its segment", t->text != NULL ? t->text : "(plate)");
    }
}

/* A name beside a bar lies off the bar, and a tick of its item runs from
 * the bar to it. */
static void
assert_outside_labels_ticked (const AtlasScene *scene)
{
  guint n = 0;

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *t = chart_test_shape (scene, i);
      const AtlasShape *bar;
      gboolean ticked = FALSE;

      if (t->kind != ATLAS_SHAPE_TEXT || t->role != ATLAS_ROLE_CALLOUT ||
          (t->item.kind != ATLAS_ITEM_SHARE_PART && t->item.kind != ATLAS_ITEM_SHARE))
        continue;
      bar = bar_of (scene, t->item.id);
      g_assert_nonnull (bar);
      if (atlas_rect_intersects (&bar->bounds, &t->bounds))
        g_error ("“%s” lies on its bar", t->text);
      for (guint j = 0; j < scene->shapes->len && !ticked; j++)
        {
          const AtlasShape *p = chart_test_shape (scene, j);

          ticked = p->kind == ATLAS_SHAPE_PATH && atlas_item_equal (&p->item, &t->item) &&
                   p->bounds.x >= t->bounds.x && p->bounds.x <= t->bounds.x + t->bounds.width &&
                   (fabs (p->bounds.y - (t->bounds.y + t->bounds.height)) < 0.5 ||
                    fabs (p->bounds.y + p->bounds.height - t->bounds.y) < 0.5);
        }
      if (!ticked)
        g_error ("“%s” beside the bar has no tick to it", t->text);
      n++;
    }
  g_test_message ("%u names beside bars", n);
}

static void
test_text_placement (void)
{
  static const char * const fixtures[][2] = {
    { "shares-basic.json", "chain" },
    { "shares-basic.json", "japan-2018" },
    { "shares-basic.json", "jp-china" },
    { "shares-many.json", "all" },
  };
  static const double sizes[][2] = { { 640, 360 }, { 1600, 900 }, { 3840, 2160 } };
  static const char * const langs[] = { "en", "zh" };

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autoptr(AtlasDataset) dataset = chart_test_load_fixture (fixtures[f][0]);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
          {
            g_autoptr(AtlasScene) scene = layout_shares (dataset, fixtures[f][1], langs[l],
                                                         sizes[s][0], sizes[s][1], l == 1, NULL);
            assert_texts_disjoint_and_inside (scene);
            assert_value_labels_inside_segments (scene);
            assert_outside_labels_ticked (scene);
          }
    }
}

/* Bars read from the top of the plot, as in a report: however few they
 * are, the first one sits right under the legend, the leftover height
 * stays below the last, and none grows into a slab or leaves the plot. */
static void
test_bars_top_aligned (void)
{
  static const struct { const char *group; guint n_bars; const char *first, *last; } groups[] = {
    { "japan-2018", 1, "japan-imports-2018", "japan-imports-2018" },
    { "jp-china", 2, "jp-china-2010", "jp-china-2018" },
    { "chain", 3, "refining-2023", "reserves-2024" },
  };
  static const double sizes[][2] = { { 640, 360 }, { 1600, 900 }, { 3840, 2160 } };
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-basic.json");

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint l = 0; l < 2; l++)
        {
          g_autoptr(AtlasScene) scene = layout_shares (dataset, groups[g].group, l == 0 ? "en" : "zh",
                                                       sizes[s][0], sizes[s][1], FALSE, NULL);
          const AtlasShape *first = bar_of (scene, groups[g].first);
          const AtlasShape *last = bar_of (scene, groups[g].last);
          double label = atlas_scene_font_size (scene, ATLAS_FONT_LABEL);
          double above, below;

          g_assert_nonnull (first);
          g_assert_nonnull (last);
          above = first->bounds.y - scene->plot.y;
          below = scene->plot.y + scene->plot.height - (last->bounds.y + last->bounds.height);
          g_test_message ("%s at %gx%g: %g above, %g below, bars %g thick", groups[g].group,
                          sizes[s][0], sizes[s][1], above, below, first->bounds.height);
          g_assert_cmpfloat (above, >=, 0);
          g_assert_cmpfloat (above, <=, label);
          g_assert_cmpfloat (below, >=, 0);
          if (groups[g].n_bars < 3)
            g_assert_cmpfloat (below, >, above);
          /* A bar, not a block: at most a few lines of text thick. */
          g_assert_cmpfloat (first->bounds.height, <=, 4 * label);
        }
}

static void
test_hit_round_trip (void)
{
  static const double sizes[][2] = { { 640, 360 }, { 1600, 900 }, { 3840, 2160 } };
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-many.json");

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      g_autoptr(AtlasScene) scene = layout_shares (dataset, "all", "en", sizes[z][0], sizes[z][1], FALSE, NULL);
      guint n_segments = 0, n_labels = 0;

      for (guint i = 0; i < scene->shapes->len; i++)
        {
          const AtlasShape *s = chart_test_shape (scene, i);
          AtlasItem hit;

          if (s->item.kind == ATLAS_ITEM_NONE || !s->hit)
            continue;
          if (!(s->kind == ATLAS_SHAPE_RECT && s->has_fill && s->item.kind == ATLAS_ITEM_SHARE_PART) &&
              !(s->kind == ATLAS_SHAPE_TEXT && s->item.kind == ATLAS_ITEM_SHARE))
            continue;
          g_assert_true (atlas_scene_hit_test (scene, s->bounds.x + s->bounds.width / 2,
                                               s->bounds.y + s->bounds.height / 2, &hit));
          g_assert_true (atlas_item_equal (&hit, &s->item));
          if (s->kind == ATLAS_SHAPE_RECT)
            n_segments++;
          else
            n_labels++;
        }
      g_assert_cmpuint (n_segments, >=, 20);
      g_assert_cmpuint (n_labels, >=, 10);
    }
}

static void
test_items_and_related (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-basic.json");
  g_autoptr(AtlasScene) scene = layout_shares (dataset, "chain", "en", 1600, 900, FALSE, NULL);
  static const char * const expected[] = {
    "share:refining-2023:-1", "part:refining-2023:0", "part:refining-2023:1", "part:refining-2023:2",
    "part:refining-2023:-1",
    "share:mining-2024:-1", "part:mining-2024:0", "part:mining-2024:1", "part:mining-2024:2",
    "part:mining-2024:3", "part:mining-2024:4", "part:mining-2024:5", "part:mining-2024:-1",
    "share:reserves-2024:-1", "part:reserves-2024:0", "part:reserves-2024:1", "part:reserves-2024:2",
    "part:reserves-2024:3", "part:reserves-2024:4", "part:reserves-2024:5", "part:reserves-2024:6",
    "part:reserves-2024:7",
  };
  AtlasItem australia = { ATLAS_ITEM_SHARE_PART, "refining-2023", 2 };

  g_assert_cmpuint (scene->items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < scene->items->len; i++)
    {
      g_autofree char *key = atlas_item_to_key (&g_array_index (scene->items, AtlasItem, i));
      g_assert_cmpstr (key, ==, expected[i]);
    }

  /* Hovering Australia lights Australia up in every bar, and its bar. */
  atlas_scene_set_highlight (scene, &australia);
  g_assert_true (g_hash_table_contains (scene->emphasis, "part:refining-2023:2"));
  g_assert_true (g_hash_table_contains (scene->emphasis, "share:refining-2023:-1"));
  g_assert_true (g_hash_table_contains (scene->emphasis, "part:mining-2024:3"));
  g_assert_true (g_hash_table_contains (scene->emphasis, "part:reserves-2024:3"));
  g_assert_false (g_hash_table_contains (scene->emphasis, "part:refining-2023:0"));
  g_assert_false (g_hash_table_contains (scene->emphasis, "part:mining-2024:0"));
}

static void
test_describe (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-basic.json");
  g_autoptr(AtlasScene) scene = layout_shares (dataset, "chain", "en", 800, 450, FALSE, NULL);
  g_autoptr(AtlasScene) japan = layout_shares (dataset, "japan-2018", "en", 800, 450, FALSE, NULL);

  g_assert_true (g_str_has_prefix (atlas_scene_describe (scene),
                                   "Refining and separation, 2023: China 92 %, Malaysia 5 %, "
                                   "Australia 1 %, others 2 %. Mine production, 2024: China 69 %,"));
  g_assert_cmpstr (atlas_scene_describe (japan), ==,
                   "Japan's rare-earth imports by origin, 2018: China 58 %, Vietnam 14 %, France 11 %, "
                   "Malaysia 10 %, others 7 %.");
  g_assert_cmpstr (scene->title, ==, "Shares by region, 2023–2024");
  g_assert_cmpstr (japan->title, ==, "Japan's rare-earth imports by origin, 2018");

  /* One metric over several years: the title names it, the bars their year. */
  {
    g_autoptr(AtlasScene) years = layout_shares (dataset, "jp-china", "en", 800, 450, FALSE, NULL);

    g_assert_cmpstr (years->title, ==, "Japan's rare-earth imports from China, 2010–2018");
    g_assert_true (chart_test_scene_has_text (years, "2010"));
    g_assert_true (chart_test_scene_has_text (years, "2018"));
  }
}

/* Estimates are hatched, and their label sits on a plate inside the segment. */
static void
test_estimates_hatched (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-basic.json");
  g_autoptr(AtlasScene) scene = layout_shares (dataset, "jp-china", "en", 1600, 900, FALSE, NULL);
  g_autoptr(GPtrArray) estimate = segments_of (scene, "jp-china-2010");
  g_autoptr(GPtrArray) firm = segments_of (scene, "jp-china-2018");
  const AtlasShape *hatched = g_ptr_array_index (estimate, 0);
  gboolean plate = FALSE;

  g_assert_cmpint (hatched->item.index, ==, 0);
  g_assert_true (hatched->hatched);
  g_assert_false (((const AtlasShape *) g_ptr_array_index (estimate, 1))->hatched);
  g_assert_false (((const AtlasShape *) g_ptr_array_index (firm, 0))->hatched);
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = chart_test_shape (scene, i);
      plate |= s != hatched && s->kind == ATLAS_SHAPE_RECT && atlas_item_equal (&s->item, &hatched->item) &&
               atlas_rect_contains (&hatched->bounds, &s->bounds);
    }
  g_assert_true (plate);
}

static void
test_errors (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-basic.json");
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(AtlasTable) table = NULL;
  AtlasChartOptions options;

  atlas_chart_options_init (&options, ATLAS_VIEW_SHARES);
  options.group = "no-such-group";
  scene = atlas_chart_layout (dataset, &options, 800, 450, style, &error);
  g_assert_null (scene);
  g_assert_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "no-such-group"));
  g_clear_error (&error);

  table = atlas_chart_table (dataset, &options, &error);
  g_assert_null (table);
  g_assert_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID);
  g_clear_error (&error);

  options.group = NULL;
  options.select = "no-such-share";
  scene = atlas_chart_layout (dataset, &options, 800, 450, style, &error);
  g_assert_null (scene);
  g_assert_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "no-such-share"));
  g_clear_error (&error);

  /* A share of another group is not an error: nothing is selected. */
  options.select = "japan-2024";
  scene = atlas_chart_layout (dataset, &options, 800, 450, style, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scene->selected.kind, ==, ATLAS_ITEM_NONE);
}

static void
test_table (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("shares-basic.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasTable) table = NULL;
  AtlasChartOptions options;
  static const char * const columns[] = {
    "Metric", "Year", "Region", "Value", "Unit", "Share of whole (%)", "Estimate", "Alternative of", "Sources",
  };
  gboolean saw_alternative = FALSE, saw_other = FALSE;

  atlas_chart_options_init (&options, ATLAS_VIEW_SHARES);
  options.group = "chain";
  options.lang = "en";
  table = atlas_chart_table (dataset, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->columns->len, ==, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_assert_cmpstr (g_ptr_array_index (table->columns, i), ==, columns[i]);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_assert_cmpint (atlas_table_get_column_kind (table, i), ==,
                     i == 3 ? ATLAS_TABLE_COLUMN_NUMBER : i == 5 ? ATLAS_TABLE_COLUMN_PERCENT : ATLAS_TABLE_COLUMN_TEXT);

  /* refining 3 parts + Other, its alternative 1 + Other, mining 6 + Other, reserves 8. */
  g_assert_cmpuint (table->rows->len, ==, 4 + 2 + 7 + 8);
  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      g_assert_cmpuint (row->len, ==, G_N_ELEMENTS (columns));
      if (g_str_equal (g_ptr_array_index (row, 7), "refining-2023"))
        {
          saw_alternative = TRUE;
          g_assert_nonnull (strstr (g_ptr_array_index (row, 8), "Economic Daily"));
        }
      if (g_str_equal (g_ptr_array_index (row, 2), "Other") &&
          g_str_equal (g_ptr_array_index (row, 1), "2024"))
        {
          g_autofree char *value = atlas_table_display_cell (ATLAS_TABLE_COLUMN_NUMBER, g_ptr_array_index (row, 3));
          g_autofree char *percent = atlas_table_display_cell (ATLAS_TABLE_COLUMN_PERCENT, g_ptr_array_index (row, 5));

          saw_other = TRUE;
          g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "5000");
          g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "1.28");
          /* People read the same numbers grouped, the per cent signed. */
          g_assert_cmpstr (value, ==, "5,000");
          g_assert_cmpstr (percent, ==, "1.28 %");
        }
    }
  g_assert_true (saw_alternative);
  g_assert_true (saw_other);

  /* An ungrouped bar's table lists its other figures too. */
  {
    g_autoptr(AtlasTable) japan = NULL;
    GPtrArray *argus;

    options.group = "japan-2024";
    japan = atlas_chart_table (dataset, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (japan->rows->len, ==, 4);
    argus = g_ptr_array_index (japan->rows, 2);
    g_assert_cmpstr (g_ptr_array_index (argus, 7), ==, "japan-2024");
    g_assert_cmpstr (g_ptr_array_index (argus, 3), ==, "60");
  }
}

static AtlasDataset *
load_bundled (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ATLAS_SOURCE_ROOT"), "data", "rare-earths.json", NULL);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load_file (path, 0, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* Every group of the bundled dataset and of the fixtures. */
static GPtrArray *
all_datasets (void)
{
  GPtrArray *datasets = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (datasets, load_bundled ());
  g_ptr_array_add (datasets, chart_test_load_fixture ("shares-basic.json"));
  g_ptr_array_add (datasets, chart_test_load_fixture ("shares-many.json"));
  return datasets;
}

/* The bars of @scene, top to bottom: their backdrops. */
static GPtrArray *
bars_of (const AtlasScene *scene)
{
  GPtrArray *bars = g_ptr_array_new ();

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = chart_test_shape (scene, i);

      if (s->kind == ATLAS_SHAPE_RECT && s->item.kind == ATLAS_ITEM_SHARE && bar_of (scene, s->item.id) == s)
        g_ptr_array_add (bars, (gpointer) s);
    }
  return bars;
}

static const AtlasRegion *
segment_region (AtlasDataset *dataset, const AtlasShape *segment)
{
  const AtlasShare *share = atlas_dataset_find_share (dataset, segment->item.id);

  if (segment->item.index < 0)
    return NULL;
  return ((const AtlasSharePart *) g_ptr_array_index (share->parts, segment->item.index))->region;
}

/* Colours of one figure, in CIE76 ΔE (Euclidean distance in CIE L*a*b*):
 * about 2.3 is the smallest difference seen side by side; two region
 * colours of a chart, and each of them and the grey of "Other", stay at
 * least this far apart, so that a swatch or a segment is matched to its
 * region at a glance. */
#define MIN_DELTA_E 20.0

static void
check_colours (AtlasDataset *dataset, const AtlasScene *scene, const AtlasStyle *style, const char *where)
{
  g_autoptr(GPtrArray) bars = bars_of (scene);
  g_autoptr(GHashTable) colours = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) greys = g_array_new (FALSE, FALSE, sizeof (AtlasColor));
  GHashTableIter a_iter;
  gpointer a_region, a_colour;

  for (guint b = 0; b < bars->len; b++)
    {
      const AtlasShape *bar = g_ptr_array_index (bars, b);
      g_autoptr(GPtrArray) segments = segments_of (scene, bar->item.id);

      for (guint i = 0; i < segments->len; i++)
        {
          const AtlasShape *s = g_ptr_array_index (segments, i);
          AtlasHueFamily family = atlas_style_color_family (style, &s->fill);
          const AtlasRegion *region = segment_region (dataset, s);
          AtlasColor *known;

          if (i > 0)
            {
              const AtlasShape *left = g_ptr_array_index (segments, i - 1);
              AtlasHueFamily left_family = atlas_style_color_family (style, &left->fill);

              /* Greys side by side are the one "Other" block. */
              if (family == left_family && family != ATLAS_HUE_NEUTRAL)
                g_error ("%s: in %s, segments %d and %d touch and are both of hue family %d", where,
                         bar->item.id, left->item.index, s->item.index, family);
            }
          if (family == ATLAS_HUE_NEUTRAL)
            {
              g_array_append_val (greys, s->fill);
              continue;
            }
          g_assert_nonnull (region);
          /* One colour per region in every bar of the chart. */
          known = g_hash_table_lookup (colours, region);
          if (known == NULL)
            g_hash_table_insert (colours, (gpointer) region, g_memdup2 (&s->fill, sizeof s->fill));
          else
            g_assert_true (known->red == s->fill.red && known->green == s->fill.green && known->blue == s->fill.blue);
        }
    }

  g_hash_table_iter_init (&a_iter, colours);
  while (g_hash_table_iter_next (&a_iter, &a_region, &a_colour))
    {
      GHashTableIter b_iter;
      gpointer b_region, b_colour;

      g_hash_table_iter_init (&b_iter, colours);
      while (g_hash_table_iter_next (&b_iter, &b_region, &b_colour))
        if (a_region < b_region && atlas_color_delta_e (a_colour, b_colour) < MIN_DELTA_E)
          g_error ("%s: %s and %s are only ΔE %.1f apart", where, ((const AtlasRegion *) a_region)->id,
                   ((const AtlasRegion *) b_region)->id, atlas_color_delta_e (a_colour, b_colour));
      for (guint g = 0; g < greys->len; g++)
        if (atlas_color_delta_e (a_colour, &g_array_index (greys, AtlasColor, g)) < MIN_DELTA_E)
          g_error ("%s: %s is only ΔE %.1f from the grey of Other", where, ((const AtlasRegion *) a_region)->id,
                   atlas_color_delta_e (a_colour, &g_array_index (greys, AtlasColor, g)));
    }
}

/* Neighbouring segments differ in hue family and all colours of a chart
 * are far apart, in the light and the dark style, for every group. */
static void
test_colours_apart (void)
{
  g_autoptr(GPtrArray) datasets = all_datasets ();

  for (guint d = 0; d < datasets->len; d++)
    {
      AtlasDataset *dataset = g_ptr_array_index (datasets, d);
      const char * const *groups = atlas_dataset_get_share_groups (dataset);

      for (guint g = 0; groups[g] != NULL; g++)
        for (int dark = 0; dark <= 1; dark++)
          {
            g_autoptr(AtlasStyle) style = atlas_style_new (dark);
            g_autoptr(AtlasScene) scene = layout_shares (dataset, groups[g], "en", 1600, 900, dark, NULL);
            g_autofree char *where = g_strdup_printf ("group %s (%s)", groups[g], dark ? "dark" : "light");

            check_colours (dataset, scene, style, where);
          }
    }
}

/* What a segment's labels say: the texts of its item, and for the grey
 * block (and the remainder) also those of its bar. */
static gboolean
segment_named (const AtlasScene *scene, const AtlasShape *segment, const char *name, gboolean grey)
{
  AtlasItem bar = { ATLAS_ITEM_SHARE, segment->item.id, -2 };   /* the grey block */

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *t = chart_test_shape (scene, i);

      if (t->kind != ATLAS_SHAPE_TEXT || t->role == ATLAS_ROLE_NOTE)
        continue;
      if ((atlas_item_equal (&t->item, &segment->item) || (grey && atlas_item_equal (&t->item, &bar))) &&
          g_str_has_prefix (t->text, name))
        return TRUE;
    }
  return FALSE;
}

/* Direct labels before the legend: the legend lists exactly what is drawn
 * and not named on the bars (and the estimate hatching), in order of
 * appearance, at every size and in both languages. */
static void
test_legend_only_unnamed (void)
{
  static const double sizes[][2] = { { 640, 400 }, { 1600, 900 }, { 3840, 2160 } };
  static const char * const langs[] = { "en", "zh" };
  g_autoptr(GPtrArray) datasets = all_datasets ();
  guint n_named_regions = 0;

  for (guint d = 0; d < datasets->len; d++)
    {
      AtlasDataset *dataset = g_ptr_array_index (datasets, d);
      const char * const *groups = atlas_dataset_get_share_groups (dataset);

      for (guint g = 0; groups[g] != NULL; g++)
        for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
          for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
            {
              g_autoptr(AtlasScene) scene = layout_shares (dataset, groups[g], langs[l], sizes[z][0], sizes[z][1],
                                                           FALSE, NULL);
              g_autoptr(GPtrArray) bars = bars_of (scene);
              g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
              g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
              g_autoptr(GPtrArray) drawn = g_ptr_array_new_with_free_func (g_free);
              g_autoptr(GPtrArray) legend = g_ptr_array_new ();
              gboolean other_unnamed = FALSE, hatched = FALSE;

              for (guint b = 0; b < bars->len; b++)
                {
                  const AtlasShape *bar = g_ptr_array_index (bars, b);
                  g_autoptr(GPtrArray) segments = segments_of (scene, bar->item.id);

                  for (guint i = 0; i < segments->len; i++)
                    {
                      const AtlasShape *s = g_ptr_array_index (segments, i);
                      const AtlasRegion *region = segment_region (dataset, s);
                      gboolean grey = s->fill.red == s->fill.green && s->fill.green == s->fill.blue;
                      const char *name = grey ? "Other" : atlas_text_get (region->name, langs[l]);

                      hatched |= s->hatched;
                      if (!grey && !g_ptr_array_find_with_equal_func (drawn, name, g_str_equal, NULL))
                        g_ptr_array_add (drawn, g_strdup (name));
                      if (segment_named (scene, s, name, grey))
                        continue;
                      if (grey)
                        other_unnamed = TRUE;
                      else if (!g_ptr_array_find_with_equal_func (unnamed, name, g_str_equal, NULL))
                        g_ptr_array_add (unnamed, g_strdup (name));
                    }
                }
              /* Regions in the order first drawn, then "Other", then the hatching. */
              for (guint i = 0; i < drawn->len; i++)
                if (!g_ptr_array_find_with_equal_func (unnamed, g_ptr_array_index (drawn, i), g_str_equal, NULL))
                  n_named_regions++;
              for (guint i = 0; i < drawn->len; i++)
                if (g_ptr_array_find_with_equal_func (unnamed, g_ptr_array_index (drawn, i), g_str_equal, NULL))
                  g_ptr_array_add (expected, g_strdup (g_ptr_array_index (drawn, i)));
              if (other_unnamed)
                g_ptr_array_add (expected, g_strdup ("Other"));
              if (hatched)
                g_ptr_array_add (expected, g_strdup ("Estimate"));
              for (guint i = 0; i < scene->shapes->len; i++)
                {
                  const AtlasShape *t = chart_test_shape (scene, i);

                  if (t->kind == ATLAS_SHAPE_TEXT && t->role == ATLAS_ROLE_LEGEND)
                    g_ptr_array_add (legend, t->text);
                }
              for (guint i = 0; i < MAX (legend->len, expected->len); i++)
                if (i >= legend->len || i >= expected->len ||
                    g_strcmp0 (g_ptr_array_index (legend, i), g_ptr_array_index (expected, i)) != 0)
                  g_error ("%s at %gx%g %s: legend entry %u is “%s”, expected “%s”", groups[g], sizes[z][0],
                           sizes[z][1], langs[l], i, i < legend->len ? (char *) g_ptr_array_index (legend, i) : "",
                           i < expected->len ? (char *) g_ptr_array_index (expected, i) : "");
            }
    }
  /* Most regions are named on their bars, not in a legend. */
  g_assert_cmpuint (n_named_regions, >, 0);
}

/* Parts under 2.5 % of a bar go into one grey "Other (n)" block at its
 * end, which says how many it holds; each member is still a mark of its
 * own (its tooltip), the bar's label stands for them all (the bar's
 * tooltip lists them) and the table lists every one. */
static void
test_small_grouped (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  const AtlasShare *share = atlas_dataset_find_share (dataset, "mining-2024");
  static const char * const small[] = { "IN", "RU", "TH", "NG", "MG", "BR", "VN", "MY" };
  static const double sizes[][2] = { { 640, 400 }, { 1600, 900 }, { 3840, 2160 } };

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      g_autoptr(AtlasScene) scene = layout_shares (dataset, "chain", "en", sizes[z][0], sizes[z][1], FALSE, NULL);
      g_autoptr(GPtrArray) segments = segments_of (scene, share->id);
      const AtlasShape *bar = bar_of (scene, share->id);
      AtlasItem bar_item = { ATLAS_ITEM_SHARE, share->id, -2 };   /* the grey block */
      guint first = segments->len - G_N_ELEMENTS (small);
      double width = 0, value = 0;
      gboolean labelled = FALSE;

      g_assert_cmpuint (segments->len, ==, share->parts->len);
      for (guint i = 0; i < segments->len; i++)
        {
          const AtlasShape *s = g_ptr_array_index (segments, i);
          const AtlasSharePart *part = g_ptr_array_index (share->parts, s->item.index);
          gboolean grey = s->fill.red == s->fill.green && s->fill.green == s->fill.blue;

          g_assert_cmpint (grey, ==, i >= first);
          g_assert_cmpint (grey, ==, g_strv_contains (small, part->region->id));
          if (grey)
            {
              width += s->bounds.width;
              value += part->value;
            }
        }
      g_assert_cmpfloat_with_epsilon (width / bar->bounds.width, value / share->total, 1e-9);
      for (guint i = 0; i < scene->shapes->len; i++)
        {
          const AtlasShape *t = chart_test_shape (scene, i);

          labelled |= t->kind == ATLAS_SHAPE_TEXT && atlas_item_equal (&t->item, &bar_item) &&
                      g_str_has_prefix (t->text, "Other (8)");
        }
      /* Named on the bar or beside it, or by the legend's "Other". */
      if (!labelled)
        {
          gboolean in_legend = FALSE;

          for (guint i = 0; i < scene->shapes->len; i++)
            in_legend |= chart_test_shape (scene, i)->role == ATLAS_ROLE_LEGEND && chart_test_shape (scene, i)->kind == ATLAS_SHAPE_TEXT &&
                         g_str_equal (chart_test_shape (scene, i)->text, "Other");
          g_assert_true (in_legend);
        }
    }

  /* The table keeps every member as the dataset has it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasTable) table = NULL;
    AtlasChartOptions options;
    guint n = 0;

    atlas_chart_options_init (&options, ATLAS_VIEW_SHARES);
    options.group = "chain";
    options.lang = "en";
    table = atlas_chart_table (dataset, &options, &error);
    g_assert_no_error (error);
    for (guint r = 0; r < table->rows->len; r++)
      {
        GPtrArray *row = g_ptr_array_index (table->rows, r);

        if (g_str_equal (g_ptr_array_index (row, 1), "2024") && g_str_equal (g_ptr_array_index (row, 7), "") &&
            g_str_has_prefix (g_ptr_array_index (row, 0), "Mine") &&
            (g_str_equal (g_ptr_array_index (row, 2), "Thailand") || g_str_equal (g_ptr_array_index (row, 2), "Malaysia")))
          n++;
      }
    g_assert_cmpuint (n, ==, 2);
  }
}

static gboolean
scene_mentions (const AtlasScene *scene, const char *words)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = chart_test_shape (scene, i);
      if (s->kind == ATLAS_SHAPE_TEXT && strstr (s->text, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The footer explains the HHI only when a note states one: "China /
 * Other" bars have none to explain. */
static void
test_hhi_explained_where_stated (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  g_autoptr(AtlasScene) two_part = layout_shares (dataset, "japan-dependence", "en", 1600, 900, FALSE, NULL);
  g_autoptr(AtlasScene) chain = layout_shares (dataset, "chain", "en", 1600, 900, FALSE, NULL);

  g_assert_false (scene_mentions (two_part, "HHI"));
  g_assert_false (scene_mentions (two_part, "Herfindahl"));
  g_assert_true (scene_mentions (chain, "HHI "));
  g_assert_true (scene_mentions (chain, "Herfindahl"));
}

static const char *
footer_of (const AtlasScene *scene)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = chart_test_shape (scene, i);

      if (s->kind == ATLAS_SHAPE_TEXT && s->role == ATLAS_ROLE_FOOTER)
        return s->text;
    }
  g_assert_not_reached ();
}

/* The footer names each publisher in the chart's language, the one
 * source's (with its title) as the list of many (names only, each once);
 * a publisher given as a plain string reads the same in both. */
static void
test_footer_publisher_language (void)
{
  g_autoptr(GString) json = g_string_new (
    "{\"format\": \"rare-earth-atlas/1\", \"title\": \"t\", \"updated\": \"2026\", \"sources\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  const guint n_wire = 8;

  for (guint i = 0; i < n_wire; i++)
    g_string_append_printf (json,
                            "{\"id\": \"r%u\", \"publisher\": {\"en\": \"Reuters\", \"zh\": \"路透社\"},"
                            " \"title\": \"Wire story %u on export licences, quotas, magnet shipments, prices and"
                            " what producers, buyers and governments said about them that month\","
                            " \"date\": \"2025\", \"kind\": \"news\"},", i, i);
  g_string_append (json,
                   "{\"id\": \"d\", \"publisher\": \"Devdiscourse\", \"title\": \"Carried\", \"date\": \"2025\", \"kind\": \"news\"}],"
                   " \"regions\": [{\"id\": \"CN\", \"name\": {\"en\": \"China\", \"zh\": \"中国\"}}],"
                   " \"shares\": ["
                   "  {\"id\": \"one\", \"metric\": \"m\", \"year\": 2024, \"unit\": \"%\", \"group\": \"one\","
                   "   \"cite\": \"r0\", \"parts\": [{\"region\": \"CN\", \"value\": 100}]},"
                   "  {\"id\": \"many\", \"metric\": \"m\", \"year\": 2024, \"unit\": \"%\", \"group\": \"many\","
                   "   \"cite\": [\"r0\", \"r1\", \"r2\", \"r3\", \"r4\", \"r5\", \"r6\", \"r7\", \"d\"],"
                   "   \"parts\": [{\"region\": \"CN\", \"value\": 100}]}]}");
  dataset = atlas_dataset_load_data (json->str, json->len, "publishers.json", NULL, 0, NULL, &error);
  g_assert_no_error (error);

  for (guint l = 0; l < 2; l++)
    {
      const char *lang = l == 0 ? "zh" : "en";
      const char *shown = l == 0 ? "路透社" : "Reuters";
      const char *other = l == 0 ? "Reuters" : "路透社";
      g_autoptr(AtlasScene) one = layout_shares (dataset, "one", lang, 1600, 900, FALSE, NULL);
      g_autoptr(AtlasScene) many = layout_shares (dataset, "many", lang, 1600, 900, FALSE, NULL);
      const char *footer = footer_of (one);

      g_test_message ("%s: %s", lang, footer);
      g_assert_nonnull (strstr (footer, shown));
      g_assert_nonnull (strstr (footer, "Wire story 0"));
      g_assert_null (strstr (footer, other));

      footer = footer_of (many);
      g_test_message ("%s: %s", lang, footer);
      g_assert_null (strstr (footer, "Wire story"));
      /* Once: eight sources, one publisher. */
      g_assert_nonnull (strstr (footer, shown));
      g_assert_null (strstr (strstr (footer, shown) + strlen (shown), shown));
      g_assert_null (strstr (footer, other));
      g_assert_nonnull (strstr (footer, "Devdiscourse"));

      /* The table (and so the CSV) names the source in that language too. */
      {
        AtlasChartOptions options;
        g_autoptr(AtlasTable) table = NULL;
        GPtrArray *row;
        const char *cited;

        atlas_chart_options_init (&options, ATLAS_VIEW_SHARES);
        options.group = "one";
        options.lang = lang;
        table = atlas_chart_table (dataset, &options, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (table->rows->len, >, 0);
        row = g_ptr_array_index (table->rows, 0);
        cited = g_ptr_array_index (row, row->len - 1);
        g_test_message ("%s: %s", lang, cited);
        g_assert_true (g_str_has_prefix (cited, shown));
        g_assert_null (strstr (cited, other));
      }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shares/segments-tile-bar", test_segments_tile_bar);
  g_test_add_func ("/shares/other-iff-remainder", test_other_iff_remainder);
  g_test_add_func ("/shares/concentration", test_concentration);
  g_test_add_func ("/shares/alternatives", test_alternatives);
  g_test_add_func ("/shares/region-colour", test_region_colour);
  g_test_add_func ("/shares/text-placement", test_text_placement);
  g_test_add_func ("/shares/bars-top-aligned", test_bars_top_aligned);
  g_test_add_func ("/shares/hit-round-trip", test_hit_round_trip);
  g_test_add_func ("/shares/items-and-related", test_items_and_related);
  g_test_add_func ("/shares/describe", test_describe);
  g_test_add_func ("/shares/estimates-hatched", test_estimates_hatched);
  g_test_add_func ("/shares/errors", test_errors);
  g_test_add_func ("/shares/table", test_table);
  g_test_add_func ("/shares/colours-apart", test_colours_apart);
  g_test_add_func ("/shares/legend-only-unnamed", test_legend_only_unnamed);
  g_test_add_func ("/shares/small-grouped", test_small_grouped);
  g_test_add_func ("/shares/hhi-explained-where-stated", test_hhi_explained_where_stated);
  g_test_add_func ("/shares/footer-publisher-language", test_footer_publisher_language);
  return g_test_run ();
}
