/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bundled-dataset.c: the dataset the app opens by default is valid, sourced throughout, and tells the whole story. */
#include <string.h>

#include "atlas-dataset.h"

static AtlasDataset *
load_bundled (void)
{
  const char *root = g_getenv ("ATLAS_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) messages = NULL;
  AtlasDataset *dataset;

  g_assert_nonnull (root);
  path = g_build_filename (root, "data", "rare-earths.json", NULL);
  dataset = atlas_dataset_load_file (path, 0, &messages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (g_strv_length (messages), ==, 0);
  return dataset;
}

/* Every number the app can show leads to at least one known source. */
static void
assert_cited (AtlasDataset *dataset, const char * const *cite, const char *what)
{
  if (cite == NULL || cite[0] == NULL)
    g_error ("%s has no source", what);
  for (guint i = 0; cite[i] != NULL; i++)
    if (atlas_dataset_find_source (dataset, cite[i]) == NULL)
      g_error ("%s cites unknown source %s", what, cite[i]);
}

static void
test_every_number_has_a_source (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  GPtrArray *chains = atlas_dataset_get_chains (dataset);
  GPtrArray *shares = atlas_dataset_get_shares (dataset);
  GPtrArray *series = atlas_dataset_get_series (dataset);
  GPtrArray *fx = atlas_dataset_get_fx (dataset);
  GPtrArray *events = atlas_dataset_get_events (dataset);
  guint numbers = 0;

  for (guint c = 0; c < chains->len; c++)
    {
      const AtlasChain *chain = g_ptr_array_index (chains, c);
      for (guint l = 0; l < chain->links->len; l++, numbers++)
        {
          const AtlasLink *link = g_ptr_array_index (chain->links, l);
          g_autofree char *what = g_strdup_printf ("%s link %u", chain->id, l);
          assert_cited (dataset, atlas_cite_or (link->cite, chain->cite), what);
          /* A derived flow says how it was derived. */
          if (link->estimate)
            g_assert_nonnull (link->note);
        }
    }
  for (guint s = 0; s < shares->len; s++)
    {
      const AtlasShare *share = g_ptr_array_index (shares, s);
      for (guint p = 0; p < share->parts->len; p++, numbers++)
        {
          const AtlasSharePart *part = g_ptr_array_index (share->parts, p);
          assert_cited (dataset, atlas_cite_or (part->cite, share->cite), share->id);
          if (part->estimate)
            g_assert_true (part->note != NULL || share->note != NULL);
        }
    }
  for (guint s = 0; s < series->len; s++)
    {
      const AtlasSeries *one = g_ptr_array_index (series, s);
      for (gsize p = 0; p < one->n_points; p++, numbers++)
        {
          const AtlasPricePoint *point = &one->points[p];
          char **own = point->extra >= 0
                       ? g_array_index (one->extras, AtlasPointExtra, point->extra).cite : NULL;
          assert_cited (dataset, atlas_cite_or (own, one->cite), one->id);
        }
    }
  for (guint f = 0; f < fx->len; f++)
    {
      const AtlasFx *rates = g_ptr_array_index (fx, f);
      assert_cited (dataset, (const char * const *) rates->cite, rates->currency);
    }
  for (guint e = 0; e < events->len; e++)
    {
      const AtlasEvent *event = g_ptr_array_index (events, e);
      assert_cited (dataset, (const char * const *) event->cite, event->id);
    }
  g_assert_cmpuint (numbers, >, 100);
}

static void
test_sources_regions_elements (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  static const char *regions[][2] = {
    { "CN", "中国" }, { "JP", "日本" }, { "US", "美国" }, { "AU", "澳大利亚" }, { "MM", "缅甸" },
    { "MY", "马来西亚" }, { "VN", "越南" }, { "RU", "俄罗斯" }, { "IN", "印度" }, { "BR", "巴西" },
    { "TH", "泰国" }, { "NG", "尼日利亚" }, { "GL", "格陵兰" }, { "CA", "加拿大" },
    { "MG", "马达加斯加" }, { "EE", "爱沙尼亚" }, { "FR", "法国" }, { "PK", "巴基斯坦" },
    { "MN", "蒙古" }, { "SA", "沙特阿拉伯" },
  };
  GPtrArray *sources = atlas_dataset_get_sources (dataset);
  GPtrArray *elements = atlas_dataset_get_elements (dataset);
  guint news = 0, heavy = 0;

  g_assert_cmpuint (sources->len, >=, 12);
  for (guint i = 0; i < sources->len; i++)
    if (((const AtlasSource *) g_ptr_array_index (sources, i))->kind == ATLAS_SOURCE_NEWS)
      news++;
  /* Each seed article is a source of its own. */
  g_assert_cmpuint (news, >=, 10);

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      const AtlasRegion *region = atlas_dataset_find_region (dataset, regions[i][0]);
      g_assert_nonnull (region);
      g_assert_cmpstr (atlas_text_get (region->name, "zh"), ==, regions[i][1]);
    }

  /* All seventeen rare earths, numbered, grouped and named in both languages. */
  g_assert_cmpuint (elements->len, ==, 17);
  for (guint i = 0; i < elements->len; i++)
    {
      const AtlasElement *element = g_ptr_array_index (elements, i);
      g_assert_true (element->number == 21 || element->number == 39 ||
                     (element->number >= 57 && element->number <= 71));
      g_assert_cmpuint (atlas_text_n_languages (element->name), >=, 2);
      heavy += element->group == ATLAS_ELEMENT_HEAVY;
    }
  g_assert_cmpuint (heavy, >, 0);
  g_assert_cmpint (atlas_dataset_find_element (dataset, "Dy")->group, ==, ATLAS_ELEMENT_HEAVY);
  g_assert_cmpint (atlas_dataset_find_element (dataset, "Nd")->group, ==, ATLAS_ELEMENT_LIGHT);
}

static gboolean
chain_has_link (const AtlasChain *chain, const char *from, const char *to)
{
  for (guint l = 0; l < chain->links->len; l++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, l);
      const AtlasNode *a = g_ptr_array_index (chain->nodes, link->from);
      const AtlasNode *b = g_ptr_array_index (chain->nodes, link->to);
      if (g_str_equal (a->id, from) && g_str_equal (b->id, to))
        return TRUE;
    }
  return FALSE;
}

static void
test_supply_chains (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  const AtlasChain *chain = atlas_dataset_find_chain (dataset, "ree-2024");

  g_assert_nonnull (chain);
  g_assert_cmpuint (atlas_dataset_get_chains (dataset)->len, >=, 2);
  g_assert_cmpint (chain->year, ==, 2024);
  g_assert_cmpstr (chain->unit, ==, "t REO");
  g_assert_cmpuint (chain->stages->len, ==, 4);
  /* The flows the sources describe. */
  g_assert_true (chain_has_link (chain, "mine:CN", "ref:CN"));
  g_assert_true (chain_has_link (chain, "mine:MM", "ref:CN"));
  g_assert_true (chain_has_link (chain, "mine:US", "ref:CN"));
  g_assert_true (chain_has_link (chain, "mine:AU", "ref:MY"));
  /* China's mine output is the USGS 2024 figure. */
  g_assert_cmpfloat (((const AtlasNode *) g_ptr_array_index (chain->nodes,
                       atlas_chain_find_node (chain, "mine:CN")))->value, ==, 270000);
}

static void
test_shares_and_disagreements (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  GPtrArray *shares = atlas_dataset_get_shares (dataset);
  guint bars = 0, with_alternatives = 0;

  for (guint i = 0; i < shares->len; i++)
    {
      const AtlasShare *share = g_ptr_array_index (shares, i);
      if (share->is_alternative)
        continue;
      bars++;
      with_alternatives += share->alternatives->len > 0;
    }
  g_assert_cmpuint (bars, >=, 8);
  /* Sources that disagree are kept side by side, never averaged. */
  g_assert_cmpuint (with_alternatives, >=, 2);
  g_assert_cmpuint (g_strv_length ((char **) atlas_dataset_get_share_groups (dataset)), >=, 3);
}

static void
test_prices (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  GPtrArray *series = atlas_dataset_get_series (dataset);
  gboolean dy = FALSE, tb = FALSE, nd = FALSE, eu = FALSE, ranges = FALSE;

  for (guint i = 0; i < series->len; i++)
    {
      const AtlasSeries *one = g_ptr_array_index (series, i);
      const char *element = one->element != NULL ? one->element->id : "";

      dy |= g_str_equal (element, "Dy");
      tb |= g_str_equal (element, "Tb");
      nd |= g_str_equal (element, "Nd");
      eu |= g_str_equal (element, "Eu");
      ranges |= one->has_ranges;
      /* Each series says what it is. */
      g_assert_nonnull (one->product);
      g_assert_nonnull (one->basis);
      g_assert_nonnull (one->frequency);
    }
  g_assert_true (dy && tb && nd && eu && ranges);
  g_assert_nonnull (atlas_dataset_find_series (dataset, "dy-overseas-2025"));
}

static void
test_events_and_briefing (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  GPtrArray *events = atlas_dataset_get_events (dataset);
  GPtrArray *briefings = atlas_dataset_get_briefings (dataset);
  const AtlasBriefing *briefing;

  g_assert_cmpuint (events->len, >=, 25);
  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (events, i);
      /* Who acted; a move of world prices may name no one. */
      if (event->kind != ATLAS_EVENT_MARKET)
        g_assert_cmpuint (event->regions->len, >, 0);
    }
  g_assert_nonnull (atlas_dataset_find_event (dataset, "cn-controls-2025-04"));

  g_assert_cmpuint (briefings->len, >=, 1);
  briefing = g_ptr_array_index (briefings, 0);
  g_assert_cmpuint (briefing->slides->len, >=, 6);
  g_assert_cmpuint (briefing->slides->len, <=, 10);
  for (guint i = 0; i < briefing->slides->len; i++)
    {
      const AtlasSlide *slide = g_ptr_array_index (briefing->slides, i);
      g_assert_nonnull (slide->title);
      g_assert_nonnull (slide->note);
    }
}

/* ---- whole in Chinese ----------------------------------------------------- */

static void
assert_chinese (const AtlasText *text, const char *what, guint *count)
{
  if (text == NULL)
    return;
  if (!atlas_text_has_language (text, "zh"))
    g_error ("%s has no Chinese text: “%s”", what, atlas_text_get (text, "en"));
  ++*count;
}

#define CHECK_ZH(text, ...) G_STMT_START {                  \
    g_autofree char *what_ = g_strdup_printf (__VA_ARGS__); \
    assert_chinese ((text), what_, &count);                 \
  } G_STMT_END

static void
check_chains_in_chinese (AtlasDataset *dataset, guint *counter)
{
  GPtrArray *chains = atlas_dataset_get_chains (dataset);
  guint count = 0;

  for (guint c = 0; c < chains->len; c++)
    {
      const AtlasChain *chain = g_ptr_array_index (chains, c);

      CHECK_ZH (chain->title, "chain %s title", chain->id);
      for (guint i = 0; i < chain->stages->len; i++)
        CHECK_ZH (((const AtlasStage *) g_ptr_array_index (chain->stages, i))->name, "chain %s stage %u", chain->id, i);
      for (guint i = 0; i < chain->nodes->len; i++)
        {
          const AtlasNode *node = g_ptr_array_index (chain->nodes, i);
          CHECK_ZH (atlas_node_get_label (node), "chain %s node %s", chain->id, node->id);
        }
      for (guint i = 0; i < chain->links->len; i++)
        CHECK_ZH (((const AtlasLink *) g_ptr_array_index (chain->links, i))->note, "chain %s link %u note", chain->id, i);
    }
  *counter += count;
}

static void
check_shares_and_series_in_chinese (AtlasDataset *dataset, guint *counter)
{
  GPtrArray *shares = atlas_dataset_get_shares (dataset);
  GPtrArray *series = atlas_dataset_get_series (dataset);
  guint count = 0;

  for (guint i = 0; i < shares->len; i++)
    {
      const AtlasShare *share = g_ptr_array_index (shares, i);

      CHECK_ZH (share->metric, "share %s metric", share->id);
      CHECK_ZH (share->note, "share %s note", share->id);
      for (guint p = 0; p < share->parts->len; p++)
        CHECK_ZH (((const AtlasSharePart *) g_ptr_array_index (share->parts, p))->note, "share %s part %u", share->id, p);
    }
  for (guint i = 0; i < series->len; i++)
    {
      const AtlasSeries *one = g_ptr_array_index (series, i);

      CHECK_ZH (one->name, "series %s name", one->id);
      CHECK_ZH (one->product, "series %s product", one->id);
      CHECK_ZH (one->purity, "series %s purity", one->id);
      CHECK_ZH (one->basis, "series %s basis", one->id);
      CHECK_ZH (one->frequency, "series %s frequency", one->id);
      CHECK_ZH (one->note, "series %s note", one->id);
      for (guint e = 0; one->extras != NULL && e < one->extras->len; e++)
        CHECK_ZH (g_array_index (one->extras, AtlasPointExtra, e).note, "series %s point note %u", one->id, e);
    }
  *counter += count;
}

/* Every text the app can show from the bundled dataset reads in Chinese
 * as well: a Chinese briefing must not fall back to English anywhere. */
static void
test_every_text_in_chinese (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  GPtrArray *sources = atlas_dataset_get_sources (dataset);
  GPtrArray *regions = atlas_dataset_get_regions (dataset);
  GPtrArray *elements = atlas_dataset_get_elements (dataset);
  GPtrArray *events = atlas_dataset_get_events (dataset);
  GPtrArray *briefings = atlas_dataset_get_briefings (dataset);
  guint count = 0;

  CHECK_ZH (atlas_dataset_get_title (dataset), "the dataset's title");
  CHECK_ZH (atlas_dataset_get_description (dataset), "the dataset's description");
  for (guint i = 0; i < sources->len; i++)
    {
      const AtlasSource *source = g_ptr_array_index (sources, i);

      /* Footers name publishers: a Chinese footer must not read half
       * English. (Titles name documents and stay as published.) */
      CHECK_ZH (source->publisher, "source %s publisher", source->id);
      CHECK_ZH (source->note, "source %s note", source->id);
    }
  for (guint i = 0; i < regions->len; i++)
    CHECK_ZH (((const AtlasRegion *) g_ptr_array_index (regions, i))->name, "region %u", i);
  for (guint i = 0; i < elements->len; i++)
    CHECK_ZH (((const AtlasElement *) g_ptr_array_index (elements, i))->name, "element %u", i);
  check_chains_in_chinese (dataset, &count);
  check_shares_and_series_in_chinese (dataset, &count);
  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (events, i);

      CHECK_ZH (event->title, "event %s title", event->id);
      CHECK_ZH (event->detail, "event %s detail", event->id);
    }
  for (guint b = 0; b < briefings->len; b++)
    {
      const AtlasBriefing *briefing = g_ptr_array_index (briefings, b);

      CHECK_ZH (briefing->title, "briefing %s title", briefing->id);
      for (guint i = 0; i < briefing->slides->len; i++)
        {
          const AtlasSlide *slide = g_ptr_array_index (briefing->slides, i);
          CHECK_ZH (slide->title, "briefing %s slide %u title", briefing->id, i);
          CHECK_ZH (slide->note, "briefing %s slide %u note", briefing->id, i);
        }
    }
  g_assert_cmpuint (count, >, 300);
}

/* Every event says where its date and figures come from in its detail. */
static void
test_every_event_explained (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  GPtrArray *events = atlas_dataset_get_events (dataset);

  for (guint i = 0; i < events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (events, i);

      if (event->detail == NULL)
        g_error ("event %s has no detail", event->id);
      g_assert_cmpuint (g_strv_length (event->cite), >, 0);
    }
}

/* The only flows left untraced in the bundled chains are those the notes
 * say the sources cannot trace. */
static void
test_untraced_flows_are_explained (void)
{
  g_autoptr(AtlasDataset) dataset = load_bundled ();
  GPtrArray *chains = atlas_dataset_get_chains (dataset);
  g_autofree char *notes_path = g_build_filename (g_getenv ("ATLAS_SOURCE_ROOT"), "docs", "dataset-notes.md", NULL);
  g_autofree char *notes = NULL;

  g_assert_true (g_file_get_contents (notes_path, &notes, NULL, NULL));
  for (guint c = 0; c < chains->len; c++)
    {
      const AtlasChain *chain = g_ptr_array_index (chains, c);

      for (guint i = 0; i < chain->nodes->len; i++)
        {
          const AtlasNode *node = g_ptr_array_index (chain->nodes, i);
          g_autofree char *mention = g_strdup_printf ("`%s` `%s`", chain->id, node->id);

          if (atlas_chain_node_untraced (chain, node) != 0 && strstr (notes, mention) == NULL)
            g_error ("%s: node %s is untraced but docs/dataset-notes.md does not say why (as %s)",
                     chain->id, node->id, mention);
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bundled/every-number-has-a-source", test_every_number_has_a_source);
  g_test_add_func ("/bundled/sources-regions-elements", test_sources_regions_elements);
  g_test_add_func ("/bundled/supply-chains", test_supply_chains);
  g_test_add_func ("/bundled/shares-and-disagreements", test_shares_and_disagreements);
  g_test_add_func ("/bundled/prices", test_prices);
  g_test_add_func ("/bundled/events-and-briefing", test_events_and_briefing);
  g_test_add_func ("/bundled/every-text-in-chinese", test_every_text_in_chinese);
  g_test_add_func ("/bundled/every-event-explained", test_every_event_explained);
  g_test_add_func ("/bundled/untraced-flows-are-explained", test_untraced_flows_are_explained);
  return g_test_run ();
}
