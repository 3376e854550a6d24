/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-loader.c: the good fixture loads completely, with every derived value right. */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "atlas-dataset.h"
#include "atlas-dataset-summary.h"

static AtlasDataset *
load_full (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.json", NULL);
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load_file (path, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static gint32
day_of (const char *text)
{
  AtlasDate date;

  g_assert_true (atlas_date_parse (text, strlen (text), &date));
  return date.day;
}

static void
test_counts (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();

  g_assert_cmpuint (atlas_dataset_get_sources (dataset)->len, ==, 6);
  g_assert_cmpuint (atlas_dataset_get_regions (dataset)->len, ==, 6);
  g_assert_cmpuint (atlas_dataset_get_elements (dataset)->len, ==, 3);
  g_assert_cmpuint (atlas_dataset_get_chains (dataset)->len, ==, 2);
  g_assert_cmpuint (atlas_dataset_get_shares (dataset)->len, ==, 4);
  g_assert_cmpuint (atlas_dataset_get_series (dataset)->len, ==, 3);
  g_assert_cmpuint (atlas_dataset_get_fx (dataset)->len, ==, 2);
  g_assert_cmpuint (atlas_dataset_get_events (dataset)->len, ==, 5);
  g_assert_cmpuint (atlas_dataset_get_briefings (dataset)->len, ==, 1);

  g_assert_true (g_path_is_absolute (atlas_dataset_get_path (dataset)));
  g_assert_true (g_str_has_suffix (atlas_dataset_get_path (dataset), "full.json"));
  g_assert_cmpstr (atlas_text_get (atlas_dataset_get_title (dataset), "en"), ==, "Test atlas: every feature");
  g_assert_cmpstr (atlas_text_get (atlas_dataset_get_title (dataset), "zh"), ==, "测试：所有功能");
  g_assert_nonnull (atlas_text_get (atlas_dataset_get_description (dataset), "en"));
  g_assert_cmpint (atlas_dataset_get_updated (dataset)->precision, ==, ATLAS_DATE_DAY);
  g_assert_cmpint (atlas_dataset_get_updated (dataset)->day, ==, day_of ("2026-01-13"));
}

static void
test_catalog (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();
  const AtlasSource *usgs = atlas_dataset_find_source (dataset, "usgs-mcs-2025");
  const AtlasSource *iea = atlas_dataset_find_source (dataset, "iea-gcmo-2025");
  const AtlasSource *news = atlas_dataset_find_source (dataset, "nikkei-2025-08-07");
  const AtlasRegion *cn = atlas_dataset_find_region (dataset, "CN");
  const AtlasRegion *au = atlas_dataset_find_region (dataset, "AU");
  const AtlasElement *nd = atlas_dataset_find_element (dataset, "Nd");
  const AtlasElement *dy = atlas_dataset_find_element (dataset, "Dy");

  g_assert_nonnull (usgs);
  /* A plain publisher reads the same in every language. */
  g_assert_cmpstr (atlas_text_get (usgs->publisher, "en"), ==, "U.S. Geological Survey");
  g_assert_cmpstr (atlas_text_get (usgs->publisher, "zh"), ==, "U.S. Geological Survey");
  g_assert_cmpstr (usgs->url, ==, "https://example.org/mcs2025-rare-earths.pdf");
  g_assert_cmpint (usgs->kind, ==, ATLAS_SOURCE_OFFICIAL);
  g_assert_cmpint (usgs->date.precision, ==, ATLAS_DATE_DAY);
  g_assert_null (usgs->note);

  g_assert_cmpint (iea->date.precision, ==, ATLAS_DATE_MONTH);
  g_assert_cmpint (iea->kind, ==, ATLAS_SOURCE_ANALYSIS);
  g_assert_cmpstr (iea->url, ==, "HTTPS://www.iea.example/reports/gcmo-2025?lang=en#refining");
  g_assert_cmpstr (atlas_text_get (iea->note, "zh"), ==, "基准情景");
  g_assert_cmpstr (atlas_text_get (iea->title, "zh"), ==, "2025年全球关键矿产展望");

  g_assert_cmpint (news->date.precision, ==, ATLAS_DATE_YEAR);
  g_assert_null (news->url);
  g_assert_cmpstr (atlas_source_kind_to_string (news->kind), ==, "news");

  g_assert_true (cn->has_color);
  g_assert_cmpfloat_with_epsilon (cn->red, 0xc0 / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (cn->green, 0x39 / 255.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (cn->blue, 0x2b / 255.0, 1e-12);
  g_assert_false (au->has_color);
  g_assert_true (atlas_dataset_find_region (dataset, "US")->has_color);

  g_assert_cmpint (nd->number, ==, 60);
  g_assert_cmpint (nd->group, ==, ATLAS_ELEMENT_LIGHT);
  g_assert_cmpint (dy->group, ==, ATLAS_ELEMENT_HEAVY);
  g_assert_cmpstr (atlas_element_group_to_string (dy->group), ==, "heavy");

  g_assert_null (atlas_dataset_find_source (dataset, "nope"));
  g_assert_null (atlas_dataset_find_region (dataset, "cn"));
  g_assert_null (atlas_dataset_find_element (dataset, NULL));
  g_assert_null (atlas_dataset_find_chain (dataset, "nope"));
  g_assert_null (atlas_dataset_find_share (dataset, "nope"));
  g_assert_null (atlas_dataset_find_series (dataset, "nope"));
  g_assert_null (atlas_dataset_find_event (dataset, "nope"));
  g_assert_null (atlas_dataset_find_briefing (dataset, "nope"));
}

static const AtlasNode *
node (const AtlasChain *chain,
      const char       *id)
{
  int index = atlas_chain_find_node (chain, id);

  g_assert_cmpint (index, >=, 0);
  return g_ptr_array_index (chain->nodes, index);
}

static void
test_chains (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();
  const AtlasChain *chain = atlas_dataset_find_chain (dataset, "ree-2024");
  const AtlasChain *dy = atlas_dataset_find_chain (dataset, "dy-2024");
  const AtlasLink *link;

  g_assert_nonnull (chain);
  g_assert_cmpint (chain->year, ==, 2024);
  g_assert_cmpstr (chain->unit, ==, "t REO");
  g_assert_cmpstr (chain->cite[0], ==, "usgs-mcs-2025");
  g_assert_null (chain->cite[1]);
  g_assert_cmpuint (chain->stages->len, ==, 4);
  g_assert_cmpuint (chain->nodes->len, ==, 9);
  g_assert_cmpuint (chain->links->len, ==, 11);
  g_assert_cmpstr (atlas_text_get (((AtlasStage *) g_ptr_array_index (chain->stages, 1))->name, "zh"),
                   ==, "分离和精炼");

  /* Inflow, outflow and value, with a return flow into ref:CN. */
  g_assert_cmpfloat (node (chain, "ref:CN")->inflow, ==, 312000);
  g_assert_cmpfloat (node (chain, "ref:CN")->outflow, ==, 215000);
  g_assert_cmpfloat (node (chain, "ref:CN")->value, ==, 312000);
  g_assert_cmpfloat (node (chain, "use:ev")->inflow, ==, 138000);
  g_assert_cmpfloat (node (chain, "use:ev")->outflow, ==, 2000);
  g_assert_cmpfloat (node (chain, "mine:CN")->inflow, ==, 0);
  g_assert_cmpfloat (node (chain, "mine:CN")->value, ==, 270000);
  g_assert_cmpfloat (node (chain, "mag:JP")->inflow, ==, 21000);
  g_assert_cmpfloat (node (chain, "mag:JP")->outflow, ==, 18000);
  g_assert_cmpuint (node (chain, "mag:JP")->stage, ==, 2);
  g_assert_cmpint (atlas_chain_find_node (chain, "nope"), ==, -1);
  g_assert_cmpint (atlas_chain_find_node (chain, NULL), ==, -1);

  /* Labels: the name wins, else the region's name. */
  g_assert_cmpstr (atlas_text_get (atlas_node_get_label (node (chain, "mine:AU")), "en"), ==, "Mount Weld");
  g_assert_true (node (chain, "mine:AU")->region == atlas_dataset_find_region (dataset, "AU"));
  g_assert_cmpstr (atlas_text_get (atlas_node_get_label (node (chain, "mine:CN")), "zh"), ==, "中国");
  g_assert_null (node (chain, "use:ev")->region);
  g_assert_cmpstr (atlas_text_get (atlas_node_get_label (node (chain, "use:ev")), "zh"), ==, "电动汽车");

  /* Cites: the link's own, else the chain's. */
  link = g_ptr_array_index (chain->links, 0);
  g_assert_null (link->cite);
  g_assert_cmpstr (atlas_cite_or (link->cite, chain->cite)[0], ==, "usgs-mcs-2025");
  g_assert_false (link->estimate);
  link = g_ptr_array_index (chain->links, 1);
  g_assert_true (link->estimate);
  g_assert_cmpuint (g_strv_length (link->cite), ==, 2);
  g_assert_cmpstr (link->cite[1], ==, "atlas-est");
  g_assert_cmpstr (atlas_text_get (link->note, NULL), ==, "Concentrate shipped for separation");

  /* A stage-skipping link and a return flow are kept as written. */
  link = g_ptr_array_index (chain->links, 9);
  g_assert_cmpuint (((AtlasNode *) g_ptr_array_index (chain->nodes, link->from))->stage, ==, 0);
  g_assert_cmpuint (((AtlasNode *) g_ptr_array_index (chain->nodes, link->to))->stage, ==, 2);
  link = g_ptr_array_index (chain->links, 10);
  g_assert_cmpuint (((AtlasNode *) g_ptr_array_index (chain->nodes, link->from))->stage, ==, 3);
  g_assert_cmpuint (((AtlasNode *) g_ptr_array_index (chain->nodes, link->to))->stage, ==, 1);

  /* A chain without a cite of its own: every link has one. */
  g_assert_null (dy->cite);
  link = g_ptr_array_index (dy->links, 0);
  g_assert_cmpstr (link->cite[0], ==, "trade-assoc");
}

static void
test_shares (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();
  const AtlasShare *mining = atlas_dataset_find_share (dataset, "mining-2024");
  const AtlasShare *refining = atlas_dataset_find_share (dataset, "refining-2024");
  const AtlasShare *industry = atlas_dataset_find_share (dataset, "refining-2024-industry");
  const AtlasShare *imports = atlas_dataset_find_share (dataset, "jp-imports-2024");
  const char * const *groups = atlas_dataset_get_share_groups (dataset);
  const AtlasSharePart *part;

  g_assert_true (mining->has_total);
  g_assert_cmpfloat (mining->total, ==, 100);
  g_assert_cmpfloat_with_epsilon (mining->parts_sum, 85.9, 1e-9);
  g_assert_cmpstr (mining->group, ==, "chain-2024");
  part = g_ptr_array_index (mining->parts, 2);
  g_assert_true (part->estimate);
  g_assert_true (part->region == atlas_dataset_find_region (dataset, "AU"));
  g_assert_cmpstr (atlas_text_get (part->note, NULL), ==, "approximate");

  /* 90.9 + 9.1 is not exactly 100 in binary: within the tolerance. */
  g_assert_true (refining->has_total);
  g_assert_cmpfloat_with_epsilon (refining->total, 100, 1e-9);
  part = g_ptr_array_index (refining->parts, 1);
  g_assert_cmpstr (part->cite[0], ==, "trade-assoc");
  part = g_ptr_array_index (refining->parts, 0);
  g_assert_null (part->cite);

  /* Alternatives: the first in file order is drawn, the others listed. */
  g_assert_false (refining->is_alternative);
  g_assert_cmpuint (refining->alternatives->len, ==, 1);
  g_assert_true (g_ptr_array_index (refining->alternatives, 0) == industry);
  g_assert_true (industry->is_alternative);
  g_assert_cmpuint (industry->alternatives->len, ==, 0);
  g_assert_false (industry->has_total);
  g_assert_cmpfloat (industry->total, ==, 91);
  g_assert_false (mining->is_alternative);
  g_assert_cmpuint (mining->alternatives->len, ==, 0);

  g_assert_null (imports->group);
  g_assert_null (imports->cite);
  g_assert_cmpfloat (imports->total, ==, 6500);
  g_assert_cmpstr (atlas_text_get (imports->note, NULL), ==, "Customs data");

  g_assert_cmpstr (groups[0], ==, "chain-2024");
  g_assert_cmpstr (groups[1], ==, "jp-imports-2024");
  g_assert_null (groups[2]);
}

static void
test_prices (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();
  const AtlasSeries *dy = atlas_dataset_find_series (dataset, "dy-oxide-cn");
  const AtlasSeries *tb = atlas_dataset_find_series (dataset, "tb-oxide-cn");
  const AtlasSeries *nd = atlas_dataset_find_series (dataset, "nd-ranges");
  struct { const char *date; double value; guint8 flags; } expected[] = {
    { "2019", 240, 0 },
    { "2020", 250, 0 },                      /* from the CSV, written last there */
    { "2021-01-04", 255.5, 0 },
    { "2021-02", 260, 0 },
    { "2021-03-01", 262.25, 0 },
    { "2022-06", 410, ATLAS_POINT_ESTIMATE },
    { "2023", 320, ATLAS_POINT_RANGE },
    { "2024-12", 245, ATLAS_POINT_RANGE },
    { "2025-07-31", 805, 0 },
    { "2025-08-15", 850, ATLAS_POINT_ESTIMATE },
  };
  const AtlasPointExtra *extra;

  g_assert_true (dy->element == atlas_dataset_find_element (dataset, "Dy"));
  g_assert_cmpstr (dy->currency, ==, "USD");
  g_assert_cmpstr (dy->unit, ==, "kg");
  g_assert_cmpstr (atlas_text_get (dy->product, NULL), ==, "oxide");
  g_assert_cmpstr (atlas_text_get (dy->purity, NULL), ==, "99.5%");
  g_assert_cmpstr (atlas_text_get (dy->basis, "zh"), ==, "FOB China");
  g_assert_cmpstr (atlas_text_get (dy->frequency, NULL), ==, "annual average");
  g_assert_cmpstr (dy->points_csv, ==, "prices-small.csv");
  g_assert_true (dy->has_ranges);

  /* Inline and CSV points merged and sorted by date. */
  g_assert_cmpuint (dy->n_points, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const AtlasPricePoint *point = &dy->points[i];
      AtlasDate date;

      g_assert_true (atlas_date_parse (expected[i].date, strlen (expected[i].date), &date));
      g_assert_cmpint (point->day, ==, date.day);
      g_assert_cmpint (point->precision, ==, date.precision);
      g_assert_cmpfloat (point->value, ==, expected[i].value);
      g_assert_cmpint (point->flags, ==, expected[i].flags);
      if (i > 0)
        g_assert_cmpint (dy->points[i - 1].day, <, point->day);
      if (!(point->flags & ATLAS_POINT_RANGE))
        {
          g_assert_cmpfloat (point->low, ==, point->value);
          g_assert_cmpfloat (point->high, ==, point->value);
        }
    }
  g_assert_cmpfloat (dy->points[6].low, ==, 300);
  g_assert_cmpfloat (dy->points[6].high, ==, 340);
  g_assert_cmpfloat (dy->points[7].low, ==, 230);
  g_assert_cmpfloat (dy->points[7].high, ==, 260);

  /* Extras only for points that carry a cite or a note. */
  g_assert_cmpint (dy->points[5].extra, ==, -1);
  g_assert_cmpint (dy->points[0].extra, ==, -1);
  g_assert_cmpint (dy->points[9].extra, >=, 0);
  g_assert_cmpuint (dy->extras->len, ==, 1);
  extra = &g_array_index (dy->extras, AtlasPointExtra, dy->points[9].extra);
  g_assert_cmpstr (extra->cite[0], ==, "nikkei-2025-08-07");
  g_assert_cmpstr (atlas_text_get (extra->note, NULL), ==, "as reported");
  g_assert_cmpstr (atlas_cite_or (extra->cite, dy->cite)[0], ==, "nikkei-2025-08-07");

  g_assert_false (tb->has_ranges);
  g_assert_cmpuint (tb->n_points, ==, 2);
  g_assert_null (tb->points_csv);
  g_assert_cmpuint (tb->extras->len, ==, 0);

  /* A CSV of ranges, in a subfolder, with a byte-order mark and a loose header. */
  g_assert_cmpuint (nd->n_points, ==, 3);
  g_assert_true (nd->has_ranges);
  g_assert_cmpstr (nd->unit, ==, "lb");
  g_assert_cmpfloat (nd->points[0].value, ==, 51.25);
  g_assert_cmpfloat (nd->points[1].low, ==, 51);
  g_assert_cmpfloat (nd->points[2].high, ==, 53.75);
  g_assert_cmpint (nd->points[2].flags, ==, ATLAS_POINT_RANGE);
}

static void
test_convert (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();
  AtlasFx *cny = g_ptr_array_index (atlas_dataset_get_fx (dataset), 0);
  double out = -1;

  /* Rates are sorted whatever their order in the file. */
  g_assert_cmpuint (cny->rates->len, ==, 2);
  g_assert_cmpint (g_array_index (cny->rates, AtlasFxRate, 0).day, ==, day_of ("2024"));
  g_assert_cmpstr (cny->cite[0], ==, "fx-ref");

  /* CNY per t to USD per kg: the rate in force is the latest at or before. */
  g_assert_true (atlas_dataset_convert_price (dataset, 7000000, day_of ("2025-07-15"),
                                              "CNY", "t", "USD", "kg", &out));
  g_assert_cmpfloat_with_epsilon (out, 7000000 / 7.17 / 1000, 1e-9);
  g_assert_true (atlas_dataset_convert_price (dataset, 7000000, day_of ("2025-06-30"),
                                              "CNY", "t", "USD", "kg", &out));
  g_assert_cmpfloat_with_epsilon (out, 7000000 / 7.19 / 1000, 1e-9);
  g_assert_true (atlas_dataset_convert_price (dataset, 100, day_of ("2025-07"),
                                              "USD", NULL, "CNY", NULL, &out));
  g_assert_cmpfloat_with_epsilon (out, 717, 1e-9);

  /* Through USD, which both are quoted against. */
  g_assert_true (atlas_dataset_convert_price (dataset, 717, day_of ("2025-08"),
                                              "CNY", "kg", "JPY", "kg", &out));
  g_assert_cmpfloat_with_epsilon (out, 15000, 1e-6);

  /* Before the first rate nothing is guessed, and @out stays as it was. */
  out = -1;
  g_assert_false (atlas_dataset_convert_price (dataset, 100, day_of ("2023-12-31"),
                                               "USD", "kg", "CNY", "kg", &out));
  g_assert_cmpfloat (out, ==, -1);
  g_assert_false (atlas_dataset_convert_price (dataset, 100, day_of ("2025"),
                                               "USD", "kg", "EUR", "kg", &out));
  g_assert_false (atlas_dataset_convert_price (dataset, 100, day_of ("2025"),
                                               "USD", "kg", "USD", "oz", &out));

  /* Units: a price per kg is a thousand times less than per t. */
  g_assert_true (atlas_dataset_convert_price (dataset, 805, 0, "USD", "kg", "USD", "t", &out));
  g_assert_cmpfloat_with_epsilon (out, 805000, 1e-9);
  g_assert_true (atlas_dataset_convert_price (dataset, 805, 0, "USD", "kg", NULL, "lb", &out));
  g_assert_cmpfloat_with_epsilon (out, 805 * 0.45359237, 1e-9);
  g_assert_true (atlas_dataset_convert_price (dataset, 42, 0, NULL, NULL, NULL, NULL, &out));
  g_assert_cmpfloat (out, ==, 42);

  g_assert_cmpfloat (atlas_mass_unit_in_kg ("kg"), ==, 1);
  g_assert_cmpfloat (atlas_mass_unit_in_kg ("t"), ==, 1000);
  g_assert_cmpfloat (atlas_mass_unit_in_kg ("lb"), ==, 0.45359237);
  g_assert_cmpfloat (atlas_mass_unit_in_kg ("g"), ==, 0);
  g_assert_cmpfloat (atlas_mass_unit_in_kg (NULL), ==, 0);
}

static void
test_events_and_briefings (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();
  GPtrArray *events = atlas_dataset_get_events (dataset);
  const char *order[] = { "cut-2010", "mp-2017", "cn-controls-2025-04", "same-day", "mud-2026" };
  const AtlasEvent *controls = atlas_dataset_find_event (dataset, "cn-controls-2025-04");
  const AtlasBriefing *briefing = atlas_dataset_find_briefing (dataset, "minister-2026-01");
  const AtlasSlide *slide;

  /* Sorted by date, stable for events of one day. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (((AtlasEvent *) g_ptr_array_index (events, i))->id, ==, order[i]);

  g_assert_cmpint (controls->kind, ==, ATLAS_EVENT_POLICY);
  g_assert_cmpuint (controls->regions->len, ==, 1);
  g_assert_cmpuint (controls->elements->len, ==, 2);
  g_assert_true (g_ptr_array_index (controls->elements, 1) == atlas_dataset_find_element (dataset, "Tb"));
  g_assert_cmpstr (atlas_text_get (controls->detail, NULL), ==, "Licences required");
  g_assert_cmpint (atlas_dataset_find_event (dataset, "mud-2026")->elements->len, ==, 0);
  g_assert_cmpint (atlas_dataset_find_event (dataset, "cut-2010")->date.precision, ==, ATLAS_DATE_MONTH);

  g_assert_cmpuint (briefing->slides->len, ==, 7);
  slide = g_ptr_array_index (briefing->slides, 0);
  g_assert_cmpint (slide->view, ==, ATLAS_VIEW_SHARES);
  g_assert_cmpstr (slide->group, ==, "chain-2024");
  g_assert_cmpstr (atlas_text_get (slide->note, NULL), ==, "speaker note");
  g_assert_cmpint (slide->scale, ==, ATLAS_SCALE_DEFAULT);
  g_assert_false (atlas_date_is_set (&slide->from));
  g_assert_false (slide->keep_order);
  g_assert_false (slide->hide_events);
  g_assert_null (slide->node_offset_ids);

  /* A view's arrangement: its order kept and nodes moved, in the order written. */
  slide = g_ptr_array_index (briefing->slides, 1);
  g_assert_true (slide->keep_order);
  g_assert_cmpstrv (slide->node_offset_ids, ((const char * const[]) { "ref:MY", "mag:JP", NULL }));
  g_assert_cmpfloat (slide->node_offsets[0], ==, 0.05);
  g_assert_cmpfloat (slide->node_offsets[1], ==, -0.02);

  slide = g_ptr_array_index (briefing->slides, 2);
  g_assert_cmpint (slide->view, ==, ATLAS_VIEW_PRICES);
  g_assert_cmpuint (g_strv_length (slide->series), ==, 2);
  g_assert_cmpint (slide->scale, ==, ATLAS_SCALE_LOG);
  g_assert_cmpint (slide->from.precision, ==, ATLAS_DATE_YEAR);
  g_assert_cmpint (slide->to.precision, ==, ATLAS_DATE_MONTH);
  g_assert_cmpint (slide->indexed.day, ==, day_of ("2019"));
  g_assert_cmpstr (slide->currency, ==, "USD");
  g_assert_cmpstr (slide->select, ==, "cn-controls-2025-04");

  slide = g_ptr_array_index (briefing->slides, 3);
  g_assert_cmpint (slide->view, ==, ATLAS_VIEW_TIMELINE);
  g_assert_cmpstr (slide->kinds[1], ==, "conflict");
  g_assert_cmpstr (slide->regions[0], ==, "CN");
  g_assert_cmpstr (slide->elements[0], ==, "Dy");

  slide = g_ptr_array_index (briefing->slides, 5);
  g_assert_cmpint (slide->scale, ==, ATLAS_SCALE_LINEAR);
  g_assert_null (slide->chain);
  slide = g_ptr_array_index (briefing->slides, 6);
  g_assert_cmpstr (slide->series[0], ==, "nd-ranges");
  g_assert_null (slide->series[1]);
  g_assert_true (slide->hide_events);
}

static void
test_language_fallback (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();
  const AtlasRegion *my = atlas_dataset_find_region (dataset, "MY");
  const AtlasRegion *jp = atlas_dataset_find_region (dataset, "JP");

  g_assert_cmpstr (atlas_text_get (my->name, "zh_CN"), ==, "马来西亚");
  g_assert_cmpstr (atlas_text_get (my->name, "de"), ==, "Malaysia");
  g_assert_cmpstr (atlas_text_get (jp->name, "de"), ==, "日本");
  g_assert_cmpstr (atlas_text_get (jp->name, "fr_FR.UTF-8"), ==, "Japon");
  g_assert_cmpstr (atlas_text_get (atlas_dataset_find_region (dataset, "AU")->name, "zh"), ==, "Australia");

  atlas_text_set_default_language ("zh");
  g_assert_cmpstr (atlas_text_get (atlas_dataset_get_title (dataset), NULL), ==, "测试：所有功能");
  atlas_text_set_default_language ("en");
  g_assert_cmpstr (atlas_text_get (atlas_dataset_get_title (dataset), NULL), ==, "Test atlas: every feature");
}

static void
test_enums (void)
{
  AtlasEventKind kind;
  AtlasView view;
  AtlasSourceKind source_kind;
  AtlasElementGroup group;

  for (int i = 0; i < ATLAS_EVENT_N_KINDS; i++)
    {
      g_assert_true (atlas_event_kind_from_string (atlas_event_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  for (int i = 0; i < ATLAS_VIEW_N_VIEWS; i++)
    {
      g_assert_true (atlas_view_from_string (atlas_view_to_string (i), &view));
      g_assert_cmpint (view, ==, i);
    }
  for (int i = ATLAS_SOURCE_OFFICIAL; i <= ATLAS_SOURCE_ESTIMATE; i++)
    {
      g_assert_true (atlas_source_kind_from_string (atlas_source_kind_to_string (i), &source_kind));
      g_assert_cmpint (source_kind, ==, i);
    }
  g_assert_true (atlas_element_group_from_string ("light", &group));
  g_assert_cmpint (group, ==, ATLAS_ELEMENT_LIGHT);
  g_assert_false (atlas_element_group_from_string ("Light", &group));
  g_assert_false (atlas_event_kind_from_string ("Policy", &kind));
  g_assert_false (atlas_view_from_string (NULL, &view));
  g_assert_null (atlas_event_kind_to_string (ATLAS_EVENT_N_KINDS));
  g_assert_null (atlas_view_to_string (ATLAS_VIEW_N_VIEWS));
  g_assert_cmpstr (atlas_view_to_string (ATLAS_VIEW_TIMELINE), ==, "timeline");
  g_assert_cmpstr (atlas_scale_to_string (ATLAS_SCALE_LOG), ==, "log");
  g_assert_null (atlas_scale_to_string (ATLAS_SCALE_DEFAULT));
  /* The names are the registered enumerations' nicks; the counts and the
   * "no group" placeholder are not names. */
  g_assert_false (atlas_view_from_string ("n-views", &view));
  g_assert_false (atlas_event_kind_from_string ("n-kinds", &kind));
  g_assert_false (atlas_element_group_from_string ("no-group", &group));
  g_assert_null (atlas_element_group_to_string (ATLAS_ELEMENT_NO_GROUP));
  g_assert_cmpstr (atlas_element_group_to_string (ATLAS_ELEMENT_HEAVY), ==, "heavy");
  g_assert_cmpstr (atlas_source_kind_to_string (ATLAS_SOURCE_NEWS), ==, "news");
}

static char *
read_full (gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_bom (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *with_bom = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_auto(GStrv) messages = NULL;
  gsize length;

  contents = read_full (&length);
  with_bom = g_strconcat ("\xEF\xBB\xBF", contents, NULL);
  dataset = atlas_dataset_load_data (with_bom, length + 3, "full.json", dir, 10, &messages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_nonnull (messages);
  g_assert_null (messages[0]);
  g_assert_null (atlas_dataset_get_path (dataset));
  g_assert_cmpuint (atlas_dataset_find_series (dataset, "dy-oxide-cn")->n_points, ==, 10);
}

static void
test_depth_limit (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  gsize length;

  contents = read_full (&length);
  /* The root object is one level: 63 more arrays reach the limit exactly. */
  for (guint levels = 63; levels <= 64; levels++)
    {
      g_autoptr(GString) text = g_string_new ("{\"x-deep\": ");
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasDataset) dataset = NULL;

      for (guint i = 0; i < levels; i++)
        g_string_append_c (text, '[');
      for (guint i = 0; i < levels; i++)
        g_string_append_c (text, ']');
      g_string_append_c (text, ',');
      g_string_append (text, strchr (contents, '{') + 1);

      dataset = atlas_dataset_load_data (text->str, text->len, "deep.json", dir, 0, NULL, &error);
      if (levels == 63)
        {
          g_assert_no_error (error);
          g_assert_nonnull (dataset);
        }
      else
        {
          g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_SYNTAX);
          g_assert_cmpstr (error->message, ==, "deep.json:1:75: nested deeper than 64 levels");
          g_assert_null (dataset);
        }
    }
}

static void
test_all_errors (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "several-problems.json", NULL);
  const char *expected[] = {
    "several-problems.json: $.sources[0].kind: invalid kind \"blog\" (expected official, industry, news, analysis or estimate)",
    "several-problems.json: $.regions[1].color: invalid color \"#12345\" (expected #rrggbb)",
    "several-problems.json: $.supply_chains[0].links[1].to: unknown node \"ref:XX\"",
    "several-problems.json: $.prices[0].points[1][1]: must be > 0, not -1",
  };

  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) messages = NULL;
    g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (path, 0, &messages, &error);

    g_assert_null (dataset);
    g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, expected[0]);
    g_assert_cmpuint (g_strv_length (messages), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (messages[i], ==, expected[i]);
  }

  /* The limit is respected. */
  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) messages = NULL;
    g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (path, 2, &messages, &error);

    g_assert_null (dataset);
    g_assert_cmpuint (g_strv_length (messages), ==, 2);
    g_assert_cmpstr (messages[1], ==, expected[1]);
  }

  /* Without a place for the messages, the error alone. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (path, 0, NULL, &error);

    g_assert_null (dataset);
    g_assert_cmpstr (error->message, ==, expected[0]);
  }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) messages = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file ("/nonexistent/dir/atlas.json", 0,
                                                             &messages, &error);

  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/dir/atlas.json: cannot read the file: "));
  g_assert_cmpstr (messages[0], ==, error->message);
  g_assert_null (messages[1]);
}

static void
test_summary (void)
{
  g_autoptr(AtlasDataset) dataset = load_full ();
  g_autofree char *summary = atlas_dataset_summarize (dataset);

  g_assert_true (strstr (summary, "Test atlas: every feature\n") == summary);
  g_assert_nonnull (strstr (summary, "2026-01-13"));
  g_assert_nonnull (strstr (summary, "  ree-2024: mining → refining → magnets → use (9 nodes, 11 links)\n"));
  g_assert_nonnull (strstr (summary, "  dy-2024: mine → use (2 nodes, 1 link)\n"));
  g_assert_nonnull (strstr (summary, "Price series: 3 (15 points), 2019 to 2025-08-15\n"));
  g_assert_nonnull (strstr (summary, "Sources: 6, regions: 6, elements: 3\n"));
  g_assert_nonnull (strstr (summary, "Shares: 4 (2 groups, 1 alternative figure)\n"));
  g_assert_nonnull (strstr (summary, "Events: 5\n"));
}

/* A dataset in a fresh folder, with @csv written beside it as prices.csv. */
static char *
write_csv_dataset (const char *csv,
                   const char *points_csv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-test-XXXXXX", &error);
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"rare-earth-atlas/1\", \"title\": \"t\", \"updated\": \"2026\","
    " \"sources\": [{\"id\": \"s\", \"publisher\": \"p\", \"title\": \"t\", \"date\": \"2025\", \"kind\": \"news\"}],"
    " \"elements\": [{\"id\": \"Dy\", \"name\": \"Dy\", \"group\": \"heavy\", \"number\": 66}],"
    " \"prices\": [{\"id\": \"p\", \"element\": \"Dy\", \"name\": \"p\", \"currency\": \"USD\","
    " \"unit\": \"kg\", \"cite\": \"s\", \"points_csv\": \"%s\"}]}", points_csv);
  g_autofree char *json_path = g_build_filename (dir, "atlas.json", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "prices.csv", NULL);

  g_assert_no_error (error);
  g_file_set_contents (json_path, json, -1, &error);
  g_assert_no_error (error);
  if (csv != NULL)
    {
      g_file_set_contents (csv_path, csv, -1, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&dir);
}

static void
remove_dataset_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_large_csv (void)
{
  const guint n_rows = 200000;
  g_autoptr(GString) csv = g_string_sized_new (n_rows * 20);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  const AtlasSeries *series;
  gint32 start = atlas_days_from_civil (1900, 1, 1);
  gint64 begin;

  g_string_append (csv, "date,value\n");
  for (guint i = 0; i < n_rows; i++)
    {
      int year, month, mday;

      atlas_civil_from_days (start + (gint32) i, &year, &month, &mday);
      g_string_append_printf (csv, "%04d-%02d-%02d,%u.5\n", year, month, mday, i + 1);
    }

  dir = write_csv_dataset (csv->str, "prices.csv");
  path = g_build_filename (dir, "atlas.json", NULL);

  begin = g_get_monotonic_time ();
  dataset = atlas_dataset_load_file (path, 0, NULL, &error);
  g_test_message ("%u CSV rows loaded in %.3f s", n_rows,
                  (g_get_monotonic_time () - begin) / (double) G_USEC_PER_SEC);
  g_assert_no_error (error);

  series = atlas_dataset_find_series (dataset, "p");
  g_assert_cmpuint (series->n_points, ==, n_rows);
  g_assert_cmpint (series->points[0].day, ==, start);
  g_assert_cmpfloat (series->points[n_rows - 1].value, ==, n_rows + 0.5);
  g_assert_cmpint (series->points[n_rows - 1].day, ==, start + (gint32) n_rows - 1);

  remove_dataset_dir (dir);
}

static void
test_csv_symlink (void)
{
  g_autofree char *outside_dir = write_csv_dataset ("date,value\n2020,1\n", "prices.csv");
  g_autofree char *outside_csv = g_build_filename (outside_dir, "prices.csv", NULL);
  g_autofree char *dir = write_csv_dataset (NULL, "link.csv");
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *path = g_build_filename (dir, "atlas.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;

  g_assert_cmpint (symlink (outside_csv, link), ==, 0);
  dataset = atlas_dataset_load_file (path, 0, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "atlas.json: $.prices[0].points_csv: path \"link.csv\" leads outside the dataset's folder (through a symbolic link)");

  /* A link that stays inside is fine. */
  {
    g_autofree char *inside_dir = write_csv_dataset ("date,value\n2020,1\n2021,2\n", "link.csv");
    g_autofree char *inside_link = g_build_filename (inside_dir, "link.csv", NULL);
    g_autofree char *inside_path = g_build_filename (inside_dir, "atlas.json", NULL);
    g_autoptr(AtlasDataset) inside = NULL;

    g_assert_cmpint (symlink ("prices.csv", inside_link), ==, 0);
    inside = atlas_dataset_load_file (inside_path, 0, NULL, NULL);
    g_assert_nonnull (inside);
    g_assert_cmpuint (atlas_dataset_find_series (inside, "p")->n_points, ==, 2);
    remove_dataset_dir (inside_dir);
  }

  remove_dataset_dir (dir);
  remove_dataset_dir (outside_dir);
}

/* A header is read as the rows are: quoted and padded fields too. */
static void
test_csv_header_fields (void)
{
  static const char * const headers[] = {
    "\"date\",\"value\"", "date ,value", " date , value ", "\"Date\" , \"VALUE\"", "date,\tvalue",
    "\"date\",\"low\",\"high\"", "date , low , high",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      gboolean range = strstr (headers[i], "low") != NULL;
      g_autofree char *csv = g_strdup_printf ("%s\r\n2020,%s\r\n\"2021\", %s\r\n", headers[i],
                                              range ? "1,2" : "1", range ? "\"3\",\"4\"" : "\"2\"");
      g_autofree char *dir = write_csv_dataset (csv, "prices.csv");
      g_autofree char *path = g_build_filename (dir, "atlas.json", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasDataset) dataset = NULL;

      g_test_message ("header %s", headers[i]);
      dataset = atlas_dataset_load_file (path, 0, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (atlas_dataset_find_series (dataset, "p")->n_points, ==, 2);
      remove_dataset_dir (dir);
    }
}

/* A publisher may be text in several languages, as every other text; the
 * plain string of the first datasets stays valid beside it. */
static void
test_localized_publisher (void)
{
  g_autoptr(GError) error = NULL;
  const char *json =
    "{\"format\": \"rare-earth-atlas/1\", \"title\": \"t\", \"updated\": \"2026\","
    " \"sources\": ["
    "  {\"id\": \"r\", \"publisher\": {\"en\": \"Reuters\", \"zh\": \"路透社\"},"
    "   \"title\": \"t\", \"date\": \"2025\", \"kind\": \"news\"},"
    "  {\"id\": \"d\", \"publisher\": \"Devdiscourse\", \"title\": \"t\", \"date\": \"2025\", \"kind\": \"news\"}],"
    " \"regions\": [{\"id\": \"CN\", \"name\": \"China\"}],"
    " \"shares\": [{\"id\": \"m\", \"metric\": \"m\", \"year\": 2024, \"unit\": \"%\", \"cite\": [\"r\", \"d\"],"
    "  \"parts\": [{\"region\": \"CN\", \"value\": 100}]}]}";
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_data (json, strlen (json), "mem.json",
                                                             NULL, 0, NULL, &error);
  const AtlasSource *reuters, *plain;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  reuters = atlas_dataset_find_source (dataset, "r");
  plain = atlas_dataset_find_source (dataset, "d");
  g_assert_cmpstr (atlas_text_get (reuters->publisher, "zh"), ==, "路透社");
  g_assert_cmpstr (atlas_text_get (reuters->publisher, "en"), ==, "Reuters");
  g_assert_cmpstr (atlas_text_get (reuters->publisher, NULL), ==, "Reuters");
  g_assert_cmpstr (atlas_text_get (plain->publisher, "zh"), ==, "Devdiscourse");
}

static void
test_csv_from_memory (void)
{
  g_autoptr(GError) error = NULL;
  const char *json =
    "{\"format\": \"rare-earth-atlas/1\", \"title\": \"t\", \"updated\": \"2026\","
    " \"sources\": [{\"id\": \"s\", \"publisher\": \"p\", \"title\": \"t\", \"date\": \"2025\", \"kind\": \"news\"}],"
    " \"elements\": [{\"id\": \"Dy\", \"name\": \"Dy\", \"group\": \"heavy\", \"number\": 66}],"
    " \"prices\": [{\"id\": \"p\", \"element\": \"Dy\", \"name\": \"p\", \"currency\": \"USD\","
    " \"unit\": \"kg\", \"cite\": \"s\", \"points_csv\": \"prices.csv\"}]}";
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_data (json, strlen (json), "mem.json",
                                                             NULL, 0, NULL, &error);

  g_assert_null (dataset);
  g_assert_cmpstr (error->message, ==,
                   "mem.json: $.prices[0].points_csv: points_csv needs a dataset loaded from a file");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  atlas_text_set_default_language ("en");

  g_test_add_func ("/loader/counts", test_counts);
  g_test_add_func ("/loader/catalog", test_catalog);
  g_test_add_func ("/loader/chains", test_chains);
  g_test_add_func ("/loader/shares", test_shares);
  g_test_add_func ("/loader/prices", test_prices);
  g_test_add_func ("/loader/convert", test_convert);
  g_test_add_func ("/loader/events-and-briefings", test_events_and_briefings);
  g_test_add_func ("/loader/language-fallback", test_language_fallback);
  g_test_add_func ("/loader/enums", test_enums);
  g_test_add_func ("/loader/bom", test_bom);
  g_test_add_func ("/loader/depth-limit", test_depth_limit);
  g_test_add_func ("/loader/all-errors", test_all_errors);
  g_test_add_func ("/loader/missing-file", test_missing_file);
  g_test_add_func ("/loader/summary", test_summary);
  g_test_add_func ("/loader/large-csv", test_large_csv);
  g_test_add_func ("/loader/csv-symlink", test_csv_symlink);
  g_test_add_func ("/loader/csv-from-memory", test_csv_from_memory);
  g_test_add_func ("/loader/localized-publisher", test_localized_publisher);
  g_test_add_func ("/loader/csv-header-fields", test_csv_header_fields);

  return g_test_run ();
}
