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

      if (t->item.kind != ATLAS_ITEM_SHARE_PART)
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
  return g_test_run ();
}
