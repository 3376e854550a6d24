/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-price-chart.c: the prices view: what it draws, where, how it reads, converts, indexes and answers the pointer. */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "atlas-chart.h"
#include "atlas-chart-private.h"
#include "atlas-price-scene-private.h"
#include "atlas-value-axis.h"
#include "chart-test-util.h"

/* ---- helpers ------------------------------------------------------------- */

static gint32
day_of (const char *iso)
{
  AtlasDate date;

  g_assert_true (atlas_date_parse (iso, strlen (iso), &date));
  return date.day;
}

static AtlasDate
date_of (const char *iso)
{
  AtlasDate date;

  g_assert_true (atlas_date_parse (iso, strlen (iso), &date));
  return date;
}

static AtlasScene *
layout_prices (AtlasDataset *dataset, const AtlasChartOptions *options, double width, double height, gboolean dark)
{
  g_autoptr(AtlasStyle) style = atlas_style_new (dark);
  g_autoptr(GError) error = NULL;
  AtlasScene *scene = atlas_chart_layout (dataset, options, width, height, style, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scene);
  g_assert_true (atlas_price_scene_check (scene));
  return scene;
}

static const AtlasPriceSceneData *
scene_data (const AtlasScene *scene)
{
  return scene->chart_data;
}

static const AtlasPriceTrace *
trace_of (const AtlasScene *scene, const char *series_id)
{
  GPtrArray *traces = scene_data (scene)->traces;

  for (guint i = 0; i < traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (traces, i);
      if (g_str_equal (trace->series->id, series_id))
        return trace;
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
rects_overlap (const AtlasRect *a, const AtlasRect *b)
{
  /* Touching edges are fine; a shared area is not. */
  const double eps = 0.01;

  return a->x + eps < b->x + b->width && b->x + eps < a->x + a->width &&
         a->y + eps < b->y + b->height && b->y + eps < a->y + a->height;
}

static void
assert_rect_inside (const AtlasRect *r, double width, double height, const char *what)
{
  if (r->x < -0.01 || r->y < -0.01 || r->x + r->width > width + 0.01 || r->y + r->height > height + 0.01)
    g_error ("“%s” at %.1f,%.1f %.1fx%.1f leaves the %gx%g figure", what, r->x, r->y, r->width, r->height,
             width, height);
}

/* Every text of the figure inside it and apart from every other. */
static void
assert_texts_apart (const AtlasScene *scene)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *a = &g_array_index (scene->shapes, AtlasShape, i);

      if (a->kind != ATLAS_SHAPE_TEXT)
        continue;
      assert_rect_inside (&a->bounds, scene->width, scene->height, a->text);
      g_assert_cmpfloat (a->font_size, >=, 9.0);
      for (guint j = i + 1; j < scene->shapes->len; j++)
        {
          const AtlasShape *b = &g_array_index (scene->shapes, AtlasShape, j);

          if (b->kind == ATLAS_SHAPE_TEXT && rects_overlap (&a->bounds, &b->bounds))
            g_error ("%gx%g: “%s” (%.1f,%.1f %.1fx%.1f) overlaps “%s” (%.1f,%.1f %.1fx%.1f)",
                     scene->width, scene->height, a->text, a->bounds.x, a->bounds.y, a->bounds.width,
                     a->bounds.height, b->text, b->bounds.x, b->bounds.y, b->bounds.width, b->bounds.height);
        }
    }
}

/* No event's line crosses another event's label, and no label sits on an
 * event's line but its own. */
static void
assert_event_labels_clear (const AtlasScene *scene)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *label = &g_array_index (scene->shapes, AtlasShape, i);

      if (label->kind != ATLAS_SHAPE_TEXT || label->item.kind != ATLAS_ITEM_EVENT)
        continue;
      for (guint j = 0; j < scene->shapes->len; j++)
        {
          const AtlasShape *line = &g_array_index (scene->shapes, AtlasShape, j);

          if (line->kind != ATLAS_SHAPE_PATH || line->item.kind != ATLAS_ITEM_EVENT ||
              atlas_item_equal (&line->item, &label->item))
            continue;
          if (rects_overlap (&line->bounds, &label->bounds))
            g_error ("the line of event %s crosses the label of event %s (“%s”)", line->item.id,
                     label->item.id, label->text);
        }
    }
}

static double
parse_number (const char *text)
{
  g_autoptr(GString) plain = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != ',')
      g_string_append_c (plain, *p);
  return g_ascii_strtod (plain->str, NULL);
}

typedef struct {
  GPtrArray *x_labels;   /* const AtlasShape*, left to right */
  GPtrArray *y_labels;   /* const AtlasShape*, bottom to top */
} TickLabels;

static int
compare_x (gconstpointer a, gconstpointer b)
{
  const AtlasShape *x = *(const AtlasShape * const *) a, *y = *(const AtlasShape * const *) b;
  return x->bounds.x < y->bounds.x ? -1 : x->bounds.x > y->bounds.x;
}

static int
compare_y_descending (gconstpointer a, gconstpointer b)
{
  const AtlasShape *x = *(const AtlasShape * const *) a, *y = *(const AtlasShape * const *) b;
  return x->bounds.y > y->bounds.y ? -1 : x->bounds.y < y->bounds.y;
}

/* Tick labels are the undecorated texts just below the area (time) and
 * just left of it (values). */
static TickLabels
find_tick_labels (const AtlasScene *scene)
{
  TickLabels ticks = { g_ptr_array_new (), g_ptr_array_new () };
  AtlasRect area;

  g_assert_true (atlas_price_scene_get_area (scene, &area));
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = &g_array_index (scene->shapes, AtlasShape, i);
      double middle = s->bounds.y + s->bounds.height / 2;

      if (s->kind != ATLAS_SHAPE_TEXT || s->item.kind != ATLAS_ITEM_NONE || s->wrap)
        continue;
      if (s->bounds.y >= area.y + area.height && s->bounds.y < area.y + area.height + 2 * s->bounds.height)
        g_ptr_array_add (ticks.x_labels, (gpointer) s);
      else if (s->bounds.x + s->bounds.width <= area.x && middle >= area.y - 1 && middle <= area.y + area.height + 1)
        g_ptr_array_add (ticks.y_labels, (gpointer) s);
    }
  g_ptr_array_sort (ticks.x_labels, compare_x);
  g_ptr_array_sort (ticks.y_labels, compare_y_descending);
  return ticks;
}

static void
tick_labels_clear (TickLabels *ticks)
{
  g_ptr_array_unref (ticks->x_labels);
  g_ptr_array_unref (ticks->y_labels);
}

/* Time labels go left to right without touching; value labels read upward
 * in increasing order, each centred on its value. */
static void
assert_ticks_read (const AtlasScene *scene)
{
  TickLabels ticks = find_tick_labels (scene);
  double previous_value = -G_MAXDOUBLE;

  g_assert_cmpuint (ticks.x_labels->len, >=, 2);
  g_assert_cmpuint (ticks.y_labels->len, >=, 2);
  for (guint i = 1; i < ticks.x_labels->len; i++)
    {
      const AtlasShape *a = g_ptr_array_index (ticks.x_labels, i - 1), *b = g_ptr_array_index (ticks.x_labels, i);
      g_assert_cmpfloat (a->bounds.x + a->bounds.width + a->font_size, <=, b->bounds.x);
    }
  for (guint i = 0; i < ticks.y_labels->len; i++)
    {
      const AtlasShape *label = g_ptr_array_index (ticks.y_labels, i);
      double value = parse_number (label->text);
      double y = atlas_price_scene_value_to_y (scene, value);

      g_assert_cmpfloat (value, >, previous_value);
      g_assert_cmpfloat (fabs (label->bounds.y + label->bounds.height / 2 - y), <, 0.51);
      previous_value = value;
    }
  tick_labels_clear (&ticks);
}

static const AtlasShape *
find_text_containing (const AtlasScene *scene, const char *needle)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = &g_array_index (scene->shapes, AtlasShape, i);
      if (s->kind == ATLAS_SHAPE_TEXT && strstr (s->text, needle) != NULL)
        return s;
    }
  return NULL;
}

static gboolean
has_item (const AtlasScene *scene, AtlasItemKind kind, const char *id)
{
  for (guint i = 0; i < scene->items->len; i++)
    {
      const AtlasItem *item = &g_array_index (scene->items, AtlasItem, i);
      if (item->kind == kind && g_strcmp0 (item->id, id) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
reading_of (const AtlasScene *scene, double day, const char *series_id, AtlasPriceReading *out)
{
  AtlasPriceReading readings[16];
  guint n = atlas_price_scene_readings (scene, atlas_price_scene_day_to_x (scene, day), readings, 16);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (readings[i].series_id, series_id))
      {
        *out = readings[i];
        return TRUE;
      }
  return FALSE;
}

/* ---- which series, which errors ------------------------------------------ */

static void
test_default_series (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL;
  const char * const expected[] = { "dy-oxide-avg", "tb-oxide-avg", "dy-oxide-yearend", "tb-oxide-yearend" };

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  scene = layout_prices (dataset, &options, 1600, 900, FALSE);
  /* Dysprosium and terbium, legend (dataset) order, neodymium left out. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const AtlasItem *item = &g_array_index (scene->items, AtlasItem, i);
      g_assert_cmpint (item->kind, ==, ATLAS_ITEM_SERIES);
      g_assert_cmpstr (item->id, ==, expected[i]);
    }
  g_assert_false (has_item (scene, ATLAS_ITEM_SERIES, "nd-oxide-avg"));
  g_assert_cmpstr (scene->title, ==, "Dysprosium and terbium oxide prices");
  /* Lines that run to the right edge are named where they end, with their
   * last value (no legend needed); those that stop early, in the legend,
   * which says what each series is. */
  g_assert_nonnull (find_text_containing (scene, "Dysprosium oxide\n300"));
  g_assert_nonnull (find_text_containing (scene, "Terbium oxide\n810"));
  g_assert_nonnull (find_text_containing (scene, "Dysprosium oxide, year-end range · 99.5 %"));
  g_assert_null (find_text_containing (scene, "Dysprosium oxide 99.5 % · FOB China"));
}

static void
test_single_series_title (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  const char * const series[] = { "nd-oxide-avg", NULL };
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.series = series;
  scene = layout_prices (dataset, &options, 1024, 576, FALSE);
  g_assert_cmpstr (scene->title, ==, "Neodymium oxide");
  g_assert_nonnull (find_text_containing (scene, "USD per kilogram"));
  g_assert_nonnull (find_text_containing (scene, "USD/kg"));
}

static void
test_errors (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  const char * const unknown[] = { "dy-oxide-avg", "no-such-series", NULL };
  AtlasChartOptions options;
  g_autoptr(GError) error = NULL;
  AtlasScene *scene;
  AtlasTable *table;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.series = unknown;
  scene = atlas_chart_layout (dataset, &options, 800, 450, NULL, &error);
  g_assert_null (scene);
  g_assert_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "no-such-series"));
  g_clear_error (&error);

  table = atlas_chart_table (dataset, &options, &error);
  g_assert_null (table);
  g_assert_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID);
  g_clear_error (&error);

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.select = "nothing-by-this-id";
  g_assert_null (atlas_chart_layout (dataset, &options, 800, 450, NULL, &error));
  g_assert_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID);
  g_assert_nonnull (strstr (error->message, "nothing-by-this-id"));
  g_clear_error (&error);

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.unit = "ounce";
  g_assert_null (atlas_chart_layout (dataset, &options, 800, 450, NULL, &error));
  g_assert_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_BAD_OPTION);
  g_clear_error (&error);

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.from = date_of ("2020");
  options.to = date_of ("2019");
  g_assert_null (atlas_chart_layout (dataset, &options, 800, 450, NULL, &error));
  g_assert_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_BAD_OPTION);
}

/* ---- nothing clipped, nothing overlapping --------------------------------- */

typedef struct {
  const char *from, *to, *indexed;
  gboolean    log;
} Variant;

static void
check_layouts (AtlasDataset *dataset, const char * const *series)
{
  const double sizes[][2] = { { 640, 360 }, { 800, 800 }, { 1024, 576 }, { 1600, 900 }, { 1920, 1080 }, { 3840, 2160 } };
  const char *langs[] = { "en", "zh" };
  const Variant variants[] = {
    { NULL, NULL, NULL, FALSE },
    { NULL, NULL, NULL, TRUE },
    { NULL, NULL, "2020", FALSE },
    { "2024-03-10", "2024-04-20", NULL, FALSE },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
        {
          AtlasChartOptions options;
          g_autoptr(AtlasScene) scene = NULL;

          atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
          options.series = series;
          options.lang = langs[l];
          options.log_scale = variants[v].log;
          if (variants[v].from != NULL)
            options.from = date_of (variants[v].from);
          if (variants[v].to != NULL)
            options.to = date_of (variants[v].to);
          if (variants[v].indexed != NULL)
            options.indexed = date_of (variants[v].indexed);
          scene = layout_prices (dataset, &options, sizes[s][0], sizes[s][1], (s + v) % 2 == 1);
          assert_texts_apart (scene);
          assert_event_labels_clear (scene);
        }
}

static void
test_texts_apart_basic (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");

  check_layouts (dataset, NULL);
}

static void
test_texts_apart_daily (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-daily.json");

  check_layouts (dataset, NULL);
}

static void
test_texts_apart_bundled (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();
  const char * const all_usgs[] = { "dy-oxide-usgs", "tb-oxide-usgs", "nd-oxide-usgs", "eu-oxide-usgs", NULL };

  if (dataset == NULL)
    {
      g_test_skip ("no bundled dataset");
      return;
    }
  check_layouts (dataset, NULL);
  if (atlas_dataset_find_series (dataset, all_usgs[0]) != NULL &&
      atlas_dataset_find_series (dataset, all_usgs[3]) != NULL)
    check_layouts (dataset, all_usgs);
}

/* ---- axes ----------------------------------------------------------------- */

static void
test_ticks_read (void)
{
  g_autoptr(AtlasDataset) basic = chart_test_load_fixture ("prices-basic.json");
  g_autoptr(AtlasDataset) daily = chart_test_load_fixture ("prices-daily.json");
  const double sizes[][2] = { { 640, 360 }, { 1600, 900 }, { 3840, 2160 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int log = 0; log < 2; log++)
      {
        AtlasChartOptions options;
        g_autoptr(AtlasScene) a = NULL, b = NULL, c = NULL;

        atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
        options.log_scale = log;
        a = layout_prices (basic, &options, sizes[s][0], sizes[s][1], FALSE);
        assert_ticks_read (a);
        b = layout_prices (daily, &options, sizes[s][0], sizes[s][1], TRUE);
        assert_ticks_read (b);
        options.from = date_of ("2024-07-01");
        options.to = date_of ("2024-07-31");
        c = layout_prices (daily, &options, sizes[s][0], sizes[s][1], FALSE);
        assert_ticks_read (c);
      }
}

static void
test_log_scale (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL;
  TickLabels ticks;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.log_scale = TRUE;
  scene = layout_prices (dataset, &options, 1600, 900, FALSE);

  /* Equal ratios, equal distances. */
  g_assert_cmpfloat_with_epsilon (atlas_price_scene_value_to_y (scene, 200) - atlas_price_scene_value_to_y (scene, 400),
                                  atlas_price_scene_value_to_y (scene, 1000) - atlas_price_scene_value_to_y (scene, 2000),
                                  1e-6);
  g_assert_cmpfloat (atlas_price_scene_value_to_y (scene, 2000), <, atlas_price_scene_value_to_y (scene, 1000));

  /* Ticks at 1, 2 and 5 times powers of ten. */
  ticks = find_tick_labels (scene);
  g_assert_cmpuint (ticks.y_labels->len, >=, 3);
  for (guint i = 0; i < ticks.y_labels->len; i++)
    {
      double value = parse_number (((const AtlasShape *) g_ptr_array_index (ticks.y_labels, i))->text);
      double mantissa = value / pow (10, floor (log10 (value) + 1e-9));

      g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9);
    }
  tick_labels_clear (&ticks);
  g_assert_nonnull (find_text_containing (scene, "logarithmic scale"));
}

/* ---- indexed -------------------------------------------------------------- */

static void
test_indexed (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) at_2020 = NULL, at_2014 = NULL, at_2011 = NULL, before_all = NULL;
  AtlasPriceReading r = { 0 };

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.indexed = date_of ("2020");
  at_2020 = layout_prices (dataset, &options, 1600, 900, FALSE);
  /* 100 at the index date for every series: the point in force then. */
  g_assert_true (reading_of (at_2020, day_of ("2020-01-01") + 0.5, "dy-oxide-avg", &r));
  g_assert_cmpfloat_with_epsilon (r.value, 100, 1e-9);
  g_assert_true (reading_of (at_2020, day_of ("2020-01-01") + 0.5, "tb-oxide-avg", &r));
  g_assert_cmpfloat_with_epsilon (r.value, 100, 1e-9);
  /* The year-end series ended in 2013: nothing of theirs is current in
   * 2020, so they are left out, and the footer says which and why. */
  g_assert_true (trace_of (at_2020, "tb-oxide-yearend")->no_base);
  g_assert_false (reading_of (at_2020, day_of ("2013-12-01") + 0.5, "tb-oxide-yearend", &r));
  g_assert_nonnull (find_text_containing (at_2020, "Not drawn, with no price at or near 2020 to set to 100: "));
  g_assert_nonnull (find_text_containing (at_2020, "Terbium oxide, year-end range"));
  g_assert_false (has_item (at_2020, ATLAS_ITEM_SERIES, "tb-oxide-yearend"));
  g_assert_true (has_item (at_2020, ATLAS_ITEM_SERIES, "tb-oxide-avg"));
  /* Values elsewhere are relative: 2021 terbium 1,346 against 670 in 2020. */
  g_assert_true (reading_of (at_2020, day_of ("2021-01-01") + 0.5, "tb-oxide-avg", &r));
  g_assert_cmpfloat_with_epsilon (r.value, 1346.0 / 670.0 * 100, 1e-9);
  g_assert_cmpstr (r.unit_label, ==, "index");
  g_assert_nonnull (find_text_containing (at_2020, "Index (= 100 at 2020)"));

  /* Within the series' own step: year-end 2013 is the price on 1 January
   * 2014, a month later, for a series quoted yearly. */
  options.indexed = date_of ("2014");
  at_2014 = layout_prices (dataset, &options, 1600, 900, FALSE);
  g_assert_true (reading_of (at_2014, day_of ("2013-12-01") + 0.5, "tb-oxide-yearend", &r));
  g_assert_cmpfloat_with_epsilon (r.value, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.low, 800.0 / 825.0 * 100, 1e-9);
  g_assert_true (reading_of (at_2014, day_of ("2014-01-01") + 0.5, "dy-oxide-avg", &r));
  g_assert_cmpfloat_with_epsilon (r.value, 100, 1e-9);
  g_assert_null (find_text_containing (at_2014, "Not drawn"));

  /* A later point within the period the date names: "2011" holds
   * December 2011; the annual averages start three years later. */
  options.indexed = date_of ("2011");
  at_2011 = layout_prices (dataset, &options, 1600, 900, FALSE);
  g_assert_true (reading_of (at_2011, day_of ("2011-12-01") + 0.5, "dy-oxide-yearend", &r));
  g_assert_cmpfloat_with_epsilon (r.value, 100, 1e-9);
  g_assert_true (trace_of (at_2011, "dy-oxide-avg")->no_base);
  g_assert_false (reading_of (at_2011, day_of ("2014-01-01") + 0.5, "dy-oxide-avg", &r));

  /* Before any point: no series has a price then, and the plot says so
   * instead of calling a later price 100. */
  options.indexed = date_of ("2005-06");
  before_all = layout_prices (dataset, &options, 1600, 900, FALSE);
  g_assert_false (reading_of (before_all, day_of ("2014-01-01") + 0.5, "dy-oxide-avg", &r));
  g_assert_false (reading_of (before_all, day_of ("2011-12-01") + 0.5, "dy-oxide-yearend", &r));
  g_assert_nonnull (find_text_containing (before_all, "No series has a price at or near Jun 2005 to set to 100"));
  g_assert_nonnull (find_text_containing (before_all, "Index (= 100 at Jun 2005)"));
}

/* Issue #17: at --indexed=2014 the 2025 overseas prices of the bundled
 * dataset were drawn at 100, which read "2025 = 2014". */
static void
test_indexed_bundled (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();
  const char * const overseas[] = { "dy-overseas-2025", "tb-overseas-2025" };
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL;
  const AtlasShape *footer;
  AtlasPriceReading r = { 0 };

  if (dataset == NULL)
    {
      g_test_skip ("no bundled dataset");
      return;
    }
  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.indexed = date_of ("2014");
  scene = layout_prices (dataset, &options, 1600, 900, FALSE);
  g_assert_true (reading_of (scene, day_of ("2014-01-01") + 0.5, "dy-oxide-usgs", &r));
  g_assert_cmpfloat_with_epsilon (r.value, 100, 1e-9);

  footer = find_text_containing (scene, "Not drawn, with no price at or near 2014 to set to 100: ");
  g_assert_nonnull (footer);
  for (guint i = 0; i < G_N_ELEMENTS (overseas); i++)
    {
      const AtlasSeries *series = atlas_dataset_find_series (dataset, overseas[i]);
      const char *name = atlas_text_get (series->name, "en");

      g_assert_true (trace_of (scene, overseas[i])->no_base);
      g_assert_cmpuint (trace_of (scene, overseas[i])->line->len, ==, 0);
      g_assert_false (reading_of (scene, day_of ("2025-07-31") + 0.5, overseas[i], &r));
      g_assert_false (has_item (scene, ATLAS_ITEM_SERIES, overseas[i]));
      g_assert_nonnull (strstr (footer->text, name));
      /* Named in the footer only: not in the legend. */
      for (guint s = 0; s < scene->shapes->len; s++)
        {
          const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, s);

          g_assert_true (shape->item.kind != ATLAS_ITEM_SERIES || g_strcmp0 (shape->item.id, overseas[i]) != 0);
          if (shape->kind == ATLAS_SHAPE_TEXT && shape != footer)
            g_assert_null (strstr (shape->text, name));
        }
    }
  g_assert_nonnull (strstr (atlas_scene_describe (scene), "Not drawn"));
}

/* ---- bands ---------------------------------------------------------------- */

static const AtlasShape *
find_series_shape (const AtlasScene *scene, const char *series_id, gboolean filled)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = &g_array_index (scene->shapes, AtlasShape, i);

      if (s->kind == ATLAS_SHAPE_PATH && s->item.kind == ATLAS_ITEM_SERIES &&
          g_str_equal (s->item.id, series_id) && s->has_fill == filled)
        return s;
    }
  return NULL;
}

/* The line of a ranged series runs inside its band: each vertex of the line
 * lies between the band's edges. */
static void
assert_band_contains_line (const AtlasScene *scene, const char *series_id)
{
  const AtlasPriceTrace *trace = trace_of (scene, series_id);
  const AtlasShape *band = find_series_shape (scene, series_id, TRUE);
  const AtlasShape *line = find_series_shape (scene, series_id, FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint inside = 0;

  g_assert_nonnull (band);
  g_assert_nonnull (line);
  cairo_append_path (cr, band->path);
  for (guint k = 0; k < trace->line->len; k++)
    {
      const AtlasPriceVertex *v = &g_array_index (trace->line, AtlasPriceVertex, k);
      const AtlasPricePoint *point = &trace->series->points[v->index];
      double value, low, high;

      if (v->clipped || !(point->flags & ATLAS_POINT_RANGE))
        continue;
      g_assert_true (atlas_price_trace_shown (scene_data (scene), trace, v->index, &value, &low, &high));
      g_assert_cmpfloat (low, <=, value);
      g_assert_cmpfloat (value, <=, high);
      g_assert_cmpfloat (atlas_price_scene_value_to_y (scene, high), <=, v->y + 1e-9);
      g_assert_cmpfloat (v->y, <=, atlas_price_scene_value_to_y (scene, low) + 1e-9);
      /* Inside the drawn band, unless the range is too thin to have one. */
      if (atlas_price_scene_value_to_y (scene, low) - atlas_price_scene_value_to_y (scene, high) > 0.5)
        {
          g_assert_true (cairo_in_fill (cr, v->x, v->y));
          inside++;
        }
    }
  g_assert_cmpuint (inside, >, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_bands (void)
{
  g_autoptr(AtlasDataset) basic = chart_test_load_fixture ("prices-basic.json");
  g_autoptr(AtlasDataset) daily = chart_test_load_fixture ("prices-daily.json");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) a = NULL, b = NULL, c = NULL;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  a = layout_prices (basic, &options, 1600, 900, FALSE);
  assert_band_contains_line (a, "tb-oxide-yearend");
  assert_band_contains_line (a, "dy-oxide-yearend");
  g_assert_nonnull (find_text_containing (a, "Bands: quoted low–high ranges."));
  options.from = date_of ("2024-01");
  options.to = date_of ("2024-12");
  b = layout_prices (daily, &options, 1600, 900, FALSE);
  assert_band_contains_line (b, "tb-daily-range");
  options.log_scale = TRUE;
  c = layout_prices (daily, &options, 800, 450, TRUE);
  assert_band_contains_line (c, "tb-daily-range");
}

/* ---- conversion ----------------------------------------------------------- */

static void
test_conversion (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-fx.json");
  const AtlasSeries *cny = atlas_dataset_find_series (dataset, "dy-oxide-cn-domestic");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) usd = NULL, eur = NULL, quoted = NULL;
  g_autoptr(AtlasTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gsize march_2021 = 0, cny_rows = 0;
  AtlasPriceReading r = { 0 };

  for (gsize i = 0; i < cny->n_points; i++)
    if (cny->points[i].day == day_of ("2021-03-01"))
      march_2021 = i;
  g_assert_cmpuint (march_2021, >, 0);

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.currency = "USD";
  options.unit = "kg";
  usd = layout_prices (dataset, &options, 1600, 900, FALSE);
  /* CNY per tonne to USD per kg at the rate in force (6.45 from 2021-01). */
  g_assert_true (reading_of (usd, day_of ("2021-03-01") + 0.5, "dy-oxide-cn-domestic", &r));
  g_assert_cmpuint (r.index, ==, march_2021);
  g_assert_cmpfloat_with_epsilon (r.value, cny->points[march_2021].value / 6.45 / 1000, 1e-9);
  g_assert_cmpstr (r.unit_label, ==, "USD/kg");
  /* 2019 has no CNY rate: no point of the series is in force yet. */
  g_assert_false (reading_of (usd, day_of ("2019-06-15"), "dy-oxide-cn-domestic", &r));
  g_assert_true (reading_of (usd, day_of ("2019-06-15"), "dy-oxide-avg", &r));
  g_assert_nonnull (find_text_containing (usd, "12 points without an exchange rate are not shown."));
  g_assert_nonnull (find_text_containing (usd, "Converted to USD/kg"));
  g_assert_nonnull (find_text_containing (usd, "Exchange rates for tests"));

  /* To euros through the dollar: CNY→USD 6.45, USD→EUR 0.89 in force. */
  options.currency = "EUR";
  eur = layout_prices (dataset, &options, 1024, 576, TRUE);
  g_assert_true (reading_of (eur, day_of ("2021-03-01") + 0.5, "dy-oxide-cn-domestic", &r));
  g_assert_cmpfloat_with_epsilon (r.value, cny->points[march_2021].value / 6.45 * 0.89 / 1000, 1e-9);
  /* The dollar series has euro rates from 2019 only: 2014-2018 are left out. */
  g_assert_nonnull (find_text_containing (eur, "17 points without an exchange rate are not shown."));

  /* The table holds the converted values and leaves out the same points. */
  options.currency = "USD";
  table = atlas_chart_table (dataset, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->columns->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (table->columns, 7), ==, "Sources");
  for (guint i = 0; i < table->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, i);

      if (g_str_has_prefix (g_ptr_array_index (row, 0), "Dysprosium oxide, China domestic"))
        {
          cny_rows++;
          g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "USD/kg");
        }
    }
  g_assert_cmpuint (cny_rows, ==, cny->n_points - 12);

  /* As quoted, the first series sets the unit and the others follow. */
  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  quoted = layout_prices (dataset, &options, 1024, 576, FALSE);
  g_assert_true (reading_of (quoted, day_of ("2021-06-01"), "dy-oxide-avg", &r));
  g_assert_cmpstr (r.unit_label, ==, "CNY/t");
  g_assert_cmpfloat_with_epsilon (r.value, 410 * 6.45 * 1000, 1e-6);
}

/* A currency the dataset has no rates to leaves every point out: the plot
 * says why instead of "no prices in this range". */
static void
test_currency_without_rates (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-fx.json");
  g_autoptr(AtlasScene) yen = NULL, usd = NULL;
  AtlasChartOptions options;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.currency = "JPY";
  yen = layout_prices (dataset, &options, 1024, 576, FALSE);
  g_assert_nonnull (find_text_containing (yen, "The dataset has no exchange rates to show these prices in JPY"));
  g_assert_null (find_text_containing (yen, "No prices in this range"));
  /* Nothing was converted, so the footer does not say it was. */
  g_assert_null (find_text_containing (yen, "Converted to"));
  g_assert_nonnull (find_text_containing (yen, "points without an exchange rate are not shown."));

  options.currency = "USD";
  usd = layout_prices (dataset, &options, 1024, 576, FALSE);
  g_assert_null (find_text_containing (usd, "The dataset has no exchange rates"));
  g_assert_nonnull (find_text_containing (usd, "Converted to USD"));
}

/* ---- the pointer ---------------------------------------------------------- */

static void
test_hit_test_round_trip (void)
{
  g_autoptr(AtlasDataset) basic = chart_test_load_fixture ("prices-basic.json");
  g_autoptr(AtlasDataset) daily = chart_test_load_fixture ("prices-daily.json");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL, dense = NULL;
  const AtlasPriceTrace *trace;
  guint markers = 0;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  scene = layout_prices (basic, &options, 1600, 900, FALSE);
  /* Every marked point: its drawn centre hits it. */
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = &g_array_index (scene->shapes, AtlasShape, i);
      AtlasItem hit;

      if (s->kind != ATLAS_SHAPE_PATH || s->item.kind != ATLAS_ITEM_POINT)
        continue;
      g_assert_true (atlas_scene_hit_test (scene, s->bounds.x + s->bounds.width / 2,
                                           s->bounds.y + s->bounds.height / 2, &hit));
      g_assert_true (atlas_item_equal (&hit, &s->item));
      markers++;
    }
  g_assert_cmpuint (markers, ==, 12 + 11 + 3 + 3);

  /* A dense series: where a point is drawn, the hit point is drawn there too
   * (several points share a pixel column; any of them at that spot will do). */
  dense = layout_prices (daily, &options, 1600, 900, FALSE);
  trace = trace_of (dense, "dy-daily");
  for (gsize i = trace->first; i < trace->end; i += 17)
    {
      AtlasPriceReading r = { 0 }, back = { 0 };
      AtlasItem hit;

      g_assert_true (reading_of (dense, trace->series->points[i].day, "dy-daily", &r));
      g_assert_cmpuint (r.index, ==, i);
      g_assert_true (atlas_scene_hit_test (dense, r.x, r.y, &hit));
      g_assert_cmpint (hit.kind, ==, ATLAS_ITEM_POINT);
      g_assert_cmpstr (hit.id, ==, "dy-daily");
      g_assert_true (reading_of (dense, trace->series->points[hit.index].day, "dy-daily", &back));
      g_assert_cmpfloat (fabs (back.x - r.x), <, 0.01);
      g_assert_cmpfloat (fabs (back.y - r.y), <, 0.01);
    }
}

static void
test_readings_and_positions (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL;
  AtlasPriceReading readings[8];
  double day0, day1, day;
  AtlasRect area;
  guint n;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.from = date_of ("2016");
  options.to = date_of ("2018-06");
  scene = layout_prices (dataset, &options, 1280, 720, FALSE);
  g_assert_true (atlas_price_scene_get_range (scene, &day0, &day1));
  g_assert_cmpfloat (day0, ==, day_of ("2016-01-01"));
  g_assert_cmpfloat (day1, ==, day_of ("2018-06-30"));
  g_assert_true (atlas_price_scene_get_area (scene, &area));
  g_assert_cmpfloat_with_epsilon (atlas_price_scene_day_to_x (scene, day0), area.x, 1e-9);
  g_assert_cmpfloat_with_epsilon (atlas_price_scene_day_to_x (scene, day1), area.x + area.width, 1e-9);
  g_assert_true (atlas_price_scene_x_to_day (scene, area.x + area.width / 2, &day));
  g_assert_cmpfloat_with_epsilon (atlas_price_scene_day_to_x (scene, day), area.x + area.width / 2, 1e-9);
  g_assert_false (atlas_price_scene_x_to_day (scene, area.x - 5, &day));

  /* In mid-2017 the 2017 averages are in force; the year-end series'
   * last point (2013) is still the one in force. */
  n = atlas_price_scene_readings (scene, atlas_price_scene_day_to_x (scene, day_of ("2017-07-01")), readings, 8);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (readings[0].series_id, ==, "dy-oxide-avg");
  g_assert_cmpfloat (readings[0].value, ==, 187);
  g_assert_cmpint (readings[0].day, ==, day_of ("2017-01-01"));
  g_assert_cmpint (readings[0].precision, ==, ATLAS_DATE_YEAR);
  g_assert_cmpstr (readings[1].series_id, ==, "tb-oxide-avg");
  g_assert_cmpfloat (readings[1].value, ==, 501);
  g_assert_true (readings[3].is_range);
  g_assert_true (readings[3].estimate);
  g_assert_cmpfloat (readings[3].low, ==, 800);
  g_assert_cmpfloat (readings[3].high, ==, 850);

  /* Zoomed, the lines are clipped to the area and points outside are not
   * items. */
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = &g_array_index (scene->shapes, AtlasShape, i);

      if (s->kind == ATLAS_SHAPE_PATH && s->item.kind == ATLAS_ITEM_SERIES && s->has_stroke)
        {
          /* Bounds hold the stroke: half its width and a pixel. */
          g_assert_cmpfloat (s->bounds.x, >=, area.x - s->line_width / 2 - 1.01);
          g_assert_cmpfloat (s->bounds.x + s->bounds.width, <=, area.x + area.width + s->line_width / 2 + 1.01);
        }
    }
  for (guint i = 0; i < scene->items->len; i++)
    {
      const AtlasItem *item = &g_array_index (scene->items, AtlasItem, i);

      if (item->kind == ATLAS_ITEM_POINT)
        {
          const AtlasSeries *series = atlas_dataset_find_series (dataset, item->id);
          g_assert_cmpint (series->points[item->index].day, >=, day0);
          g_assert_cmpint (series->points[item->index].day, <=, day1);
        }
    }
}

/* ---- events --------------------------------------------------------------- */

static void
test_events (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  const char * const nd[] = { "nd-oxide-avg", NULL };
  AtlasChartOptions options;
  g_autoptr(AtlasScene) dy_tb = NULL, neodymium = NULL, none = NULL, crowded = NULL;
  guint labels = 0;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.from = date_of ("2009");
  options.to = date_of ("2025-12");
  dy_tb = layout_prices (dataset, &options, 1600, 900, FALSE);
  /* Events naming no element are on every price chart; an event about
   * neodymium only is not on a dysprosium and terbium chart. */
  g_assert_true (has_item (dy_tb, ATLAS_ITEM_EVENT, "cn-japan-cut-2010"));
  g_assert_true (has_item (dy_tb, ATLAS_ITEM_EVENT, "cn-controls-2025-04"));
  g_assert_false (has_item (dy_tb, ATLAS_ITEM_EVENT, "nd-only-2021"));
  options.series = nd;
  neodymium = layout_prices (dataset, &options, 1600, 900, FALSE);
  g_assert_true (has_item (neodymium, ATLAS_ITEM_EVENT, "nd-only-2021"));
  g_assert_false (has_item (neodymium, ATLAS_ITEM_EVENT, "cn-controls-2025-04"));
  options.show_events = FALSE;
  none = layout_prices (dataset, &options, 1600, 900, FALSE);
  g_assert_false (has_item (none, ATLAS_ITEM_EVENT, "nd-only-2021"));

  /* Crowded events (six in four months of 2025) at a small size: labels
   * that do not fit are dropped, the rest stay apart and hit-testable. */
  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  crowded = layout_prices (dataset, &options, 640, 360, FALSE);
  assert_texts_apart (crowded);
  assert_event_labels_clear (crowded);
  for (guint i = 0; i < crowded->shapes->len; i++)
    {
      const AtlasShape *s = &g_array_index (crowded->shapes, AtlasShape, i);
      AtlasItem hit;

      if (s->kind != ATLAS_SHAPE_TEXT || s->item.kind != ATLAS_ITEM_EVENT)
        continue;
      labels++;
      g_assert_true (atlas_scene_hit_test (crowded, s->bounds.x + s->bounds.width / 2,
                                           s->bounds.y + s->bounds.height / 2, &hit));
      g_assert_true (atlas_item_equal (&hit, &s->item));
    }
  g_assert_cmpuint (labels, >=, 1);
  for (guint i = 0; i < crowded->items->len; i++)
    {
      const AtlasItem *item = &g_array_index (crowded->items, AtlasItem, i);
      AtlasRect bounds;

      if (item->kind == ATLAS_ITEM_EVENT)
        g_assert_true (atlas_scene_item_bounds (crowded, item, &bounds));
    }
}

/* ---- selection, items, description, table --------------------------------- */

static void
test_selection (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) series = NULL, event = NULL;
  AtlasItem line = { ATLAS_ITEM_SERIES, "tb-oxide-avg", -1 };
  g_autofree char *key = atlas_item_to_key (&line);
  g_autofree char *other = NULL;
  AtlasItem other_line = { ATLAS_ITEM_SERIES, "dy-oxide-avg", -1 };

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.select = "tb-oxide-avg";
  series = layout_prices (dataset, &options, 1600, 900, FALSE);
  g_assert_true (atlas_item_equal (&series->selected, &line));
  g_assert_nonnull (series->emphasis);
  g_assert_true (g_hash_table_contains (series->emphasis, key));
  other = atlas_item_to_key (&other_line);
  g_assert_false (g_hash_table_contains (series->emphasis, other));
  g_assert_true (trace_of (series, "tb-oxide-avg")->emphasised);

  options.select = "cn-controls-2025-04";
  event = layout_prices (dataset, &options, 1600, 900, TRUE);
  g_assert_cmpint (event->selected.kind, ==, ATLAS_ITEM_EVENT);
  g_assert_cmpstr (event->selected.id, ==, "cn-controls-2025-04");
  /* The prices stay legible when an event is the point of the slide. */
  g_assert_null (event->emphasis);
}

/* The selected event is labelled in full even among crowded events. */
static void
test_selected_event_label (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL;
  const AtlasEvent *event;
  gboolean found = FALSE;

  if (dataset == NULL)
    {
      g_test_skip ("the bundled dataset is not in this tree");
      return;
    }
  event = atlas_dataset_find_event (dataset, "cn-controls-2025-04");
  g_assert_nonnull (event);
  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.select = event->id;
  options.log_scale = TRUE;
  scene = layout_prices (dataset, &options, 1600, 900, FALSE);
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind == ATLAS_SHAPE_TEXT && shape->item.kind == ATLAS_ITEM_EVENT &&
          g_strcmp0 (shape->item.id, event->id) == 0)
        {
          g_assert_cmpstr (shape->text, ==, atlas_text_get (event->title, "en"));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_items_order (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL;
  AtlasItemKind stage = ATLAS_ITEM_SERIES;
  const char *series = NULL;
  int previous = -1;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  scene = layout_prices (dataset, &options, 1600, 900, FALSE);
  /* Four series, their 29 points, and the five events between the padded
   * ends of the data (Dec 2011 to about late May 2025) about dysprosium,
   * terbium or no element in particular. */
  g_assert_cmpuint (scene->items->len, ==, 4 + 29 + 5);
  for (guint i = 0; i < scene->items->len; i++)
    {
      const AtlasItem *item = &g_array_index (scene->items, AtlasItem, i);

      /* Series, then points, then events; never back. */
      g_assert_cmpint (item->kind, >=, stage);
      stage = item->kind;
      if (item->kind == ATLAS_ITEM_POINT)
        {
          if (g_strcmp0 (series, item->id) == 0)
            g_assert_cmpint (item->index, >, previous);
          series = item->id;
          previous = item->index;
        }
    }
  /* A point item has bounds even without a marker of its own. */
  for (guint i = 0; i < scene->items->len; i++)
    {
      AtlasRect bounds;
      g_assert_true (atlas_scene_item_bounds (scene, &g_array_index (scene->items, AtlasItem, i), &bounds));
    }
}

static void
test_describe (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL;
  const char *text;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  scene = layout_prices (dataset, &options, 1600, 900, FALSE);
  text = atlas_scene_describe (scene);
  g_assert_nonnull (strstr (text, "Dysprosium oxide, USD/kg, 2014–2025: from 395 to 300 (peak 410 in 2021)."));
  g_assert_nonnull (strstr (text, "Terbium oxide, USD/kg, 2014–2024: from 713 to 810 (peak 2,051 in 2022)."));
  g_assert_nonnull (strstr (text, "Terbium oxide, year-end range, USD/kg, 2011–2013: from 2,810 to 825 (peak 2,810 in Dec 2011)."));
}

static void
test_table (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  AtlasChartOptions options;
  g_autoptr(AtlasTable) all = NULL, zoomed = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen_range = FALSE, seen_estimate = FALSE;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  all = atlas_chart_table (dataset, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (all->columns, 0), ==, "Series");
  g_assert_cmpstr (g_ptr_array_index (all->columns, 2), ==, "Value");
  for (guint c = 2; c <= 4; c++)
    g_assert_cmpint (atlas_table_get_column_kind (all, c), ==, ATLAS_TABLE_COLUMN_NUMBER);
  g_assert_cmpint (atlas_table_get_column_kind (all, 5), ==, ATLAS_TABLE_COLUMN_TEXT);
  g_assert_cmpuint (all->rows->len, ==, 12 + 11 + 3 + 3);
  for (guint i = 0; i < all->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (all->rows, i);

      g_assert_cmpuint (row->len, ==, 8);
      g_assert_cmpstr (g_ptr_array_index (row, 7), !=, "");
      if (g_str_equal (g_ptr_array_index (row, 1), "2011-12") &&
          g_str_has_prefix (g_ptr_array_index (row, 0), "Terbium"))
        {
          seen_range = TRUE;
          g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "");
          g_assert_cmpstr (g_ptr_array_index (row, 3), ==, "2800");
          g_assert_cmpstr (g_ptr_array_index (row, 4), ==, "2820");
          g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "USD/kg");
        }
      if (g_str_equal (g_ptr_array_index (row, 1), "2025"))
        {
          seen_estimate = TRUE;
          g_assert_cmpstr (g_ptr_array_index (row, 2), ==, "300");
          g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "estimate");
          g_assert_nonnull (strstr (g_ptr_array_index (row, 7), "Derived values for tests"));
        }
    }
  g_assert_true (seen_range);
  g_assert_true (seen_estimate);

  options.from = date_of ("2020");
  options.to = date_of ("2021");
  zoomed = atlas_chart_table (dataset, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zoomed->rows->len, ==, 4);
}

static void
test_empty_range (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-basic.json");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.from = date_of ("1990");
  options.to = date_of ("1995");
  scene = layout_prices (dataset, &options, 800, 450, FALSE);
  g_assert_nonnull (find_text_containing (scene, "No prices in this range"));
  assert_texts_apart (scene);
}

/* ---- a million points ------------------------------------------------------ */

static AtlasDataset *
write_walk_dataset (const char *dir, const char *name, gsize n)
{
  g_autofree char *csv_name = g_strdup_printf ("%s.csv", name);
  g_autofree char *csv_path = g_build_filename (dir, csv_name, NULL);
  g_autofree char *json_path = g_build_filename (dir, "walk.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GString) csv = g_string_sized_new (n * 20 + 16);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  gint32 start = atlas_days_from_civil (1000, 1, 1);
  double value = 500;
  AtlasDataset *dataset;

  g_string_append (csv, "date,value\n");
  for (gsize i = 0; i < n; i++)
    {
      int y, m, d;

      atlas_civil_from_days (start + (gint32) i, &y, &m, &d);
      value = MAX (1.0, value + g_rand_double_range (rand, -2, 2));
      g_string_append_printf (csv, "%04d-%02d-%02d,%.2f\n", y, m, d, value);
    }
  g_assert_true (g_file_set_contents (csv_path, csv->str, (gssize) csv->len, NULL));
  json = g_strdup_printf ("{\"format\": \"rare-earth-atlas/1\", \"title\": \"Walk\", \"updated\": \"2026-01-13\","
                          " \"sources\": [{\"id\": \"s\", \"publisher\": \"Test\", \"title\": \"Walk\","
                          " \"date\": \"2026\", \"kind\": \"estimate\"}],"
                          " \"elements\": [{\"id\": \"Dy\", \"name\": \"Dysprosium\", \"group\": \"heavy\", \"number\": 66}],"
                          " \"prices\": [{\"id\": \"walk\", \"element\": \"Dy\", \"name\": \"Walk\", \"currency\": \"USD\","
                          " \"unit\": \"kg\", \"cite\": \"s\", \"points_csv\": \"%s\"}]}", csv_name);
  g_assert_true (g_file_set_contents (json_path, json, -1, NULL));
  dataset = atlas_dataset_load_file (json_path, 0, NULL, &error);
  g_assert_no_error (error);
  g_unlink (csv_path);
  g_unlink (json_path);
  return dataset;
}

/* CPU time of this thread in ms: other work on a shared machine (a
 * parallel build) does not count against the chart. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* Layout and drawing at 1600x900, the best of three runs, in ms. */
static double
time_layout_and_draw (AtlasDataset *dataset, gsize *line_vertices)
{
  double best = G_MAXDOUBLE;

  for (int run = 0; run < 3; run++)
    {
      AtlasChartOptions options;
      g_autoptr(AtlasScene) scene = NULL;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 900);
      cairo_t *cr = cairo_create (surface);
      double start = thread_cpu_ms ();

      atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
      scene = layout_prices (dataset, &options, 1600, 900, FALSE);
      atlas_scene_draw (scene, cr);
      cairo_surface_flush (surface);
      best = MIN (best, thread_cpu_ms () - start);
      *line_vertices = trace_of (scene, "walk")->line->len;
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  return best;
}

/* Strokes @n points given by @vertex as the scene strokes a series. */
static cairo_surface_t *
stroke_points (const AtlasScene *scene, const AtlasShape *line,
               const AtlasPriceVertex *(*vertex) (gpointer data, gsize k, AtlasPriceVertex *scratch),
               gpointer data, gsize n)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) scene->width,
                                                         (int) scene->height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, line->line_width);
  cairo_set_source_rgba (cr, line->stroke.red, line->stroke.green, line->stroke.blue, line->stroke.alpha);
  for (gsize k = 0; k < n; k++)
    {
      AtlasPriceVertex scratch;
      const AtlasPriceVertex *v = vertex (data, k, &scratch);
      cairo_line_to (cr, v->x, v->y);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static const AtlasPriceVertex *
kept_vertex (gpointer data, gsize k, AtlasPriceVertex *scratch)
{
  return &g_array_index ((GArray *) data, AtlasPriceVertex, k);
}

typedef struct {
  const AtlasScene      *scene;
  const AtlasPriceTrace *trace;
} EveryPoint;

/* Every visible point where the chart places it, between the same clipped
 * ends as the drawn line. */
static const AtlasPriceVertex *
every_vertex (gpointer data, gsize k, AtlasPriceVertex *scratch)
{
  EveryPoint *every = data;
  const AtlasPriceTrace *trace = every->trace;
  GArray *line = trace->line;
  gboolean left = g_array_index (line, AtlasPriceVertex, 0).clipped;
  const AtlasPricePoint *point;
  double value;

  if (left && k == 0)
    return &g_array_index (line, AtlasPriceVertex, 0);
  k -= left ? 1 : 0;
  if (trace->first + k >= trace->end)
    return &g_array_index (line, AtlasPriceVertex, line->len - 1);
  point = &trace->series->points[trace->first + k];
  g_assert_true (atlas_price_trace_shown (scene_data (every->scene), trace, trace->first + k, &value, NULL, NULL));
  scratch->x = atlas_price_data_point_x (scene_data (every->scene), point->day);
  scratch->y = atlas_price_data_value_to_y (scene_data (every->scene), value);
  return scratch;
}

/* The chart's M4-decimated line and a line through every visible point,
 * at the chart's own positions, draw the same pixels. */
static void
assert_same_picture_as_every_point (const AtlasScene *scene, const char *series_id)
{
  const AtlasPriceTrace *trace = trace_of (scene, series_id);
  const AtlasShape *line = find_series_shape (scene, series_id, FALSE);
  EveryPoint every = { scene, trace };
  gsize n_every = (trace->end - trace->first) + (g_array_index (trace->line, AtlasPriceVertex, 0).clipped ? 1 : 0) +
                  (g_array_index (trace->line, AtlasPriceVertex, trace->line->len - 1).clipped ? 1 : 0);
  cairo_surface_t *kept = stroke_points (scene, line, kept_vertex, trace->line, trace->line->len);
  cairo_surface_t *all = stroke_points (scene, line, every_vertex, &every, n_every);
  int stride = cairo_image_surface_get_stride (kept);
  const guint8 *a = cairo_image_surface_get_data (kept), *b = cairo_image_surface_get_data (all);
  guint differing = 0, max_channel = 0;

  for (int y = 0; y < (int) scene->height; y++)
    for (int x = 0; x < (int) scene->width * 4; x++)
      {
        guint d = (guint) ABS ((int) a[y * stride + x] - (int) b[y * stride + x]);
        max_channel = MAX (max_channel, d);
        differing += d > 0 && x % 4 == 0 ? 1 : 0;
      }
  g_test_message ("chart line of %s: %u kept vertices for %" G_GSIZE_FORMAT " points; %u pixels differ, "
                  "max channel difference %u", series_id, trace->line->len, n_every, differing, max_channel);
  g_assert_cmpuint (max_channel, <=, 4);
  g_assert_cmpuint (differing, <=, (guint) (scene->width * scene->height / 100000));
  cairo_surface_destroy (kept);
  cairo_surface_destroy (all);
}

static void
test_million_points (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-prices-XXXXXX", NULL);
  g_autoptr(AtlasDataset) small = write_walk_dataset (dir, "small", 3000);
  g_autoptr(AtlasDataset) large = write_walk_dataset (dir, "large", 1000000);
  gsize small_vertices, large_vertices;
  double small_ms = time_layout_and_draw (small, &small_vertices);
  double large_ms = time_layout_and_draw (large, &large_vertices);

  g_rmdir (dir);
  g_test_message ("layout and draw at 1600x900 (thread CPU time): 3,000 points %.1f ms (%" G_GSIZE_FORMAT " vertices), "
                  "1,000,000 points %.1f ms (%" G_GSIZE_FORMAT " vertices)",
                  small_ms, small_vertices, large_ms, large_vertices);
  /* M4 keeps at most four points a pixel column, and the two end columns
   * whole (a million days over ~1,500 columns: ~650 points each). */
  g_assert_cmpuint (large_vertices, <=, 4 * 1600 + 2 * 700);
  /* What remains per point is two passes of a few compares: a million
   * points cost about what a few thousand do, plus those passes. */
  g_assert_cmpfloat (large_ms, <, small_ms * 3 + 150);

  /* And they look the same as if every point were drawn, whole and zoomed
   * in (where the line is clipped at both edges). */
  {
    AtlasChartOptions options;
    g_autoptr(AtlasScene) whole = NULL, zoomed = NULL;

    atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
    whole = layout_prices (large, &options, 1600, 900, FALSE);
    assert_same_picture_as_every_point (whole, "walk");
    options.from = date_of ("2001-03-17");
    options.to = date_of ("2150-06-30");
    options.log_scale = TRUE;
    zoomed = layout_prices (large, &options, 1280, 720, TRUE);
    assert_same_picture_as_every_point (zoomed, "walk");
  }
}

/* ---- the value axis ------------------------------------------------------- */

static void
assert_ticks (const AtlasValueAxis *axis, const double *expected, guint n)
{
  g_assert_cmpuint (axis->ticks->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (axis->ticks, AtlasValueTick, i).value, expected[i],
                                    expected[i] * 1e-12 + 1e-12);
}

static void
test_value_axis (void)
{
  g_autoptr(AtlasValueAxis) linear = atlas_value_axis_new (0, 2820, FALSE, 8);
  g_autoptr(AtlasValueAxis) small = atlas_value_axis_new (0.12, 0.87, FALSE, 6);
  g_autoptr(AtlasValueAxis) log_125 = atlas_value_axis_new (179, 2820, TRUE, 8);
  g_autoptr(AtlasValueAxis) log_decades = atlas_value_axis_new (0.5, 4e6, TRUE, 6);
  g_autoptr(AtlasValueAxis) log_narrow = atlas_value_axis_new (410, 480, TRUE, 6);
  g_autoptr(AtlasValueAxis) flat = atlas_value_axis_new (805, 805, FALSE, 6);
  const double linear_ticks[] = { 0, 500, 1000, 1500, 2000, 2500, 3000 };
  const double small_ticks[] = { 0, 0.2, 0.4, 0.6, 0.8, 1.0 };
  const double log_ticks[] = { 200, 500, 1000, 2000 };

  /* Rounded out to whole steps of 1, 2 or 5 times a power of ten. */
  assert_ticks (linear, linear_ticks, G_N_ELEMENTS (linear_ticks));
  g_assert_cmpfloat (linear->max, ==, 3000);
  assert_ticks (small, small_ticks, G_N_ELEMENTS (small_ticks));
  g_assert_cmpstr (g_array_index (small->ticks, AtlasValueTick, 1).label, ==, "0.2");
  /* Log: 1, 2 and 5 times powers of ten (100 and 5,000 are too far out
   * to be worth reaching). */
  assert_ticks (log_125, log_ticks, G_N_ELEMENTS (log_ticks));
  g_assert_cmpstr (g_array_index (log_125->ticks, AtlasValueTick, 2).label, ==, "1,000");
  g_assert_cmpfloat_with_epsilon (atlas_value_axis_fraction (log_125, 1000) - atlas_value_axis_fraction (log_125, 100),
                                  atlas_value_axis_fraction (log_125, 10000) - atlas_value_axis_fraction (log_125, 1000),
                                  1e-12);
  /* Many decades: powers of ten only, at most as many as asked. */
  g_assert_cmpuint (log_decades->ticks->len, <=, 6);
  for (guint i = 0; i < log_decades->ticks->len; i++)
    {
      double v = g_array_index (log_decades->ticks, AtlasValueTick, i).value;
      g_assert_cmpfloat (fabs (log10 (v) - round (log10 (v))), <, 1e-9);
    }
  /* Less than a decade still gets several round ticks. */
  g_assert_cmpuint (log_narrow->ticks->len, >=, 2);
  for (guint i = 0; i < log_narrow->ticks->len; i++)
    {
      double v = g_array_index (log_narrow->ticks, AtlasValueTick, i).value;
      g_assert_cmpfloat (v, >=, log_narrow->min);
      g_assert_cmpfloat (v, <=, log_narrow->max);
    }
  /* A flat series gets room around its value. */
  g_assert_cmpfloat (flat->min, <, 805);
  g_assert_cmpfloat (flat->max, >, 805);
  g_assert_cmpfloat_with_epsilon (atlas_value_axis_value_at (log_125, atlas_value_axis_fraction (log_125, 777)), 777,
                                  1e-9);
}

static void
test_one_day_range (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("prices-daily.json");
  AtlasChartOptions options;
  g_autoptr(AtlasScene) scene = NULL;
  double day0, day1;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.from = date_of ("2024-07-04");
  options.to = date_of ("2024-07-04");
  scene = layout_prices (dataset, &options, 1024, 576, FALSE);
  g_assert_true (atlas_price_scene_get_range (scene, &day0, &day1));
  g_assert_cmpfloat (day0, ==, day_of ("2024-07-04"));
  g_assert_cmpfloat (day1, ==, day0 + 1);
  assert_texts_apart (scene);
}

/* ---- colours by element ------------------------------------------------ */

static double
hue_of (const AtlasColor *c)
{
  double max = MAX (c->red, MAX (c->green, c->blue)), min = MIN (c->red, MIN (c->green, c->blue));
  double d = max - min, h;

  if (d <= 0)
    return 0;
  if (max == c->red)
    h = fmod ((c->green - c->blue) / d, 6);
  else if (max == c->green)
    h = (c->blue - c->red) / d + 2;
  else
    h = (c->red - c->green) / d + 4;
  return fmod (h * 60 + 360, 360);
}

static double
hue_distance (const AtlasColor *a, const AtlasColor *b)
{
  double d = fabs (hue_of (a) - hue_of (b));

  return MIN (d, 360 - d);
}

static double
luma_of (const AtlasColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static gboolean
series_line_color (const AtlasScene *scene, const char *id, AtlasColor *out)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *s = &g_array_index (scene->shapes, AtlasShape, i);

      /* The line, or the legend's swatch of a series of one point. */
      if (s->kind != ATLAS_SHAPE_TEXT && s->item.kind == ATLAS_ITEM_SERIES && g_strcmp0 (s->item.id, id) == 0 &&
          (s->has_stroke || s->has_fill))
        {
          *out = s->has_stroke ? s->stroke : s->fill;
          return TRUE;
        }
    }
  return FALSE;
}

/* The prices of one element, whatever the measure, share a hue family and
 * differ in lightness; different elements differ in hue; every line stands
 * out from the background, in the light and the dark style. */
static void
test_colours_by_element (void)
{
  const char *root = g_getenv ("ATLAS_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root, "data", "rare-earths.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (path, 0, NULL, &error);
  static const char * const ids[] = {
    "dy-oxide-usgs", "tb-oxide-usgs", "dy-oxide-yearend", "tb-oxide-yearend",
    "dy-overseas-2025", "tb-overseas-2025", "nd-oxide-usgs", "eu-oxide-usgs", NULL,
  };

  g_assert_no_error (error);
  for (int dark = 0; dark <= 1; dark++)
    {
      AtlasChartOptions options;
      g_autoptr(AtlasScene) scene = NULL;
      AtlasColor colors[G_N_ELEMENTS (ids) - 1];
      const AtlasSeries *series[G_N_ELEMENTS (ids) - 1];
      double background = 0;

      atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
      options.series = ids;
      options.lang = "en";
      scene = layout_prices (dataset, &options, 1600, 900, dark);
      background = luma_of (&scene->background);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          series[i] = atlas_dataset_find_series (dataset, ids[i]);
          g_assert_nonnull (series[i]);
          g_assert_true (series_line_color (scene, ids[i], &colors[i]));
          g_test_message ("%s %s: #%02x%02x%02x", dark ? "dark" : "light", ids[i],
                          (int) (colors[i].red * 255), (int) (colors[i].green * 255), (int) (colors[i].blue * 255));
          g_assert_cmpfloat (fabs (luma_of (&colors[i]) - background), >, 0.25);
        }
      for (guint i = 0; ids[i] != NULL; i++)
        for (guint j = i + 1; ids[j] != NULL; j++)
          {
            double hue = hue_distance (&colors[i], &colors[j]);
            double lightness = fabs (luma_of (&colors[i]) - luma_of (&colors[j]));

            if (series[i]->element == series[j]->element)
              {
                if (hue > 25 || lightness < 0.1)
                  g_error ("%s and %s (same element) are %.0f° and %.2f apart", ids[i], ids[j], hue, lightness);
              }
            else if (hue < 30)
              g_error ("%s and %s (different elements) are only %.0f° apart", ids[i], ids[j], hue);
          }
    }
}

/* ---- any commodity: products and quantities ------------------------------ */

/* A series of a product (no element) is drawn by its name; quantities
 * (no currency) are drawn in their own unit, and never on the axis of a
 * price or of another unit: the footer names what was left out. */
static void
test_quantities_apart_from_prices (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_fixture ("series-any-commodity.json");
  g_autoptr(AtlasScene) product = NULL, mixed = NULL;
  g_autoptr(AtlasTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const char *product_only[] = { "magnet-price", NULL };
  const char *both[] = { "exports", "magnet-price", "exports-ga", "imports-kt", NULL };
  AtlasChartOptions options;

  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.series = product_only;
  product = layout_prices (dataset, &options, 1024, 576, FALSE);
  g_assert_nonnull (find_text_containing (product, "NdFeB magnets"));
  g_assert_nonnull (find_text_containing (product, "USD per kilogram"));

  options.series = both;
  mixed = layout_prices (dataset, &options, 1024, 576, FALSE);
  g_assert_cmpuint (scene_data (mixed)->traces->len, ==, 2);
  g_assert_cmpstr (trace_of (mixed, "exports")->series->unit, ==, "t");
  g_assert_cmpstr (trace_of (mixed, "exports-ga")->series->unit, ==, "t");
  g_assert_nonnull (find_text_containing (mixed, "In t"));
  g_assert_null (find_text_containing (mixed, "USD"));
  g_assert_nonnull (find_text_containing (mixed, "Not shown, measured in other units: NdFeB magnets and Imports."));

  /* The table holds what is drawn, in the quantity's unit. */
  table = atlas_chart_table (dataset, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 5);
  for (guint i = 0; i < table->rows->len; i++)
    g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (table->rows, i), 5), ==, "t");
}

/* The smallest and largest values a dataset may hold, and the largest a
 * unit or a currency can make of them, label their ticks apart: not every
 * one "0", not digits wider than the chart, and never from NaN. */
static void
test_value_axis_extremes (void)
{
  static const struct { double lo, hi; gboolean log; } cases[] = {
    { 1e-12, 3e-12, FALSE }, { 1e-12, 3e-12, TRUE }, { 2e-7, 4.5e-7, FALSE },
    { 1e-12, 1e15, TRUE }, { 1e15, 1e15, FALSE }, { 1e-30, 1e-30, TRUE }, { 1e18, 3e33, FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(AtlasValueAxis) axis = atlas_value_axis_new (cases[c].lo, cases[c].hi, cases[c].log, 8);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_true (isfinite (axis->min) && isfinite (axis->max) && axis->min < axis->max);
      g_assert_cmpuint (axis->ticks->len, >=, 2);
      for (guint i = 0; i < axis->ticks->len; i++)
        {
          const AtlasValueTick *tick = &g_array_index (axis->ticks, AtlasValueTick, i);

          g_test_message ("%g..%g: %s", cases[c].lo, cases[c].hi, tick->label);
          g_assert_true (isfinite (tick->value));
          g_assert_cmpuint (strlen (tick->label), <=, 20);
          g_assert_false (tick->value != 0 && g_str_equal (tick->label, "0"));
          g_assert_true (g_hash_table_add (seen, tick->label));
        }
    }
}

/* The bundled dataset's default prices draw eleven series, six of one
 * element: no two drawn in one colour, light or dark, while a series
 * drawn alone keeps its own. */
static void
test_series_colors_apart (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();

  for (int dark = 0; dark <= 1; dark++)
    {
      AtlasChartOptions options;
      g_autoptr(AtlasScene) scene = NULL;
      GPtrArray *traces;

      atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
      scene = layout_prices (dataset, &options, 1600, 900, dark);
      traces = scene_data (scene)->traces;
      g_assert_cmpuint (traces->len, >, 5);
      for (guint i = 0; i < traces->len; i++)
        for (guint j = 0; j < i; j++)
          {
            const AtlasPriceTrace *a = g_ptr_array_index (traces, i), *b = g_ptr_array_index (traces, j);

            g_assert_false (a->color.red == b->color.red && a->color.green == b->color.green &&
                            a->color.blue == b->color.blue);
          }
      for (guint i = 0; i < traces->len; i++)
        {
          const AtlasPriceTrace *trace = g_ptr_array_index (traces, i);
          const char *only[] = { trace->series->id, NULL };
          AtlasChartOptions alone;
          g_autoptr(AtlasScene) single = NULL;
          const AtlasPriceTrace *own;

          if (trace->shade >= ATLAS_STYLE_N_SHADES)
            continue;  /* shades repeat: moved only among others */
          atlas_chart_options_init (&alone, ATLAS_VIEW_PRICES);
          alone.series = only;
          single = layout_prices (dataset, &alone, 1600, 900, dark);
          own = trace_of (single, trace->series->id);
          g_assert_true (own->color.red == trace->color.red && own->color.blue == trace->color.blue);
        }
    }
}

/* A series quoted now as a range, now as one price: a band joins only
 * neighbouring ranges (2023-2024 here), a range alone (2021) is a bar at
 * its date, and nothing fills between a range and a single price (the
 * band once narrowed to nothing there, drawing triangles). */
static void
test_ranges_not_triangles (void)
{
  static const char json[] =
    "{\"format\": \"rare-earth-atlas/1\", \"title\": \"Ranges\", \"updated\": \"2026-01-01\","
    " \"sources\": [{\"id\": \"s\", \"publisher\": \"P\", \"title\": \"T\", \"date\": \"2025\", \"kind\": \"news\"}],"
    " \"prices\": [{\"id\": \"x\", \"name\": \"X oxide\", \"currency\": \"USD\", \"unit\": \"kg\", \"cite\": \"s\","
    "   \"points\": [[\"2020\", 100], [\"2021\", 150, 250], [\"2022\", 120], [\"2023\", 200, 300],"
    "               [\"2024\", 220, 320], [\"2025\", 230]]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_data (json, sizeof json - 1, "ranges.json", NULL, 0, NULL,
                                                             &error);
  g_autoptr(AtlasScene) scene = NULL;
  const char *only[] = { "x", NULL };
  const AtlasPriceTrace *trace;
  AtlasChartOptions options;
  double x[6];
  guint bars = 0, bands = 0;

  g_assert_no_error (error);
  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  options.series = only;
  scene = layout_prices (dataset, &options, 1600, 900, FALSE);
  trace = trace_of (scene, "x");
  g_assert_cmpuint (trace->line->len, ==, 6);
  for (guint i = 0; i < 6; i++)
    x[i] = g_array_index (trace->line, AtlasPriceVertex, i).x;
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      /* The translucent fills of the series: its bands and bars. */
      if (shape->kind != ATLAS_SHAPE_PATH || !shape->has_fill || shape->has_stroke || shape->fill.alpha >= 1 ||
          shape->item.kind != ATLAS_ITEM_SERIES || g_strcmp0 (shape->item.id, "x") != 0)
        continue;
      if (shape->bounds.width < 10)
        {
          /* A bar, about the 2021 point. */
          g_assert_cmpfloat (fabs (shape->bounds.x + shape->bounds.width / 2 - x[1]), <, 0.01);
          bars++;
        }
      else
        {
          /* The band from 2023 to 2024, and no wider. */
          g_assert_cmpfloat (fabs (shape->bounds.x - x[3]), <, 0.01);
          g_assert_cmpfloat (fabs (shape->bounds.x + shape->bounds.width - x[4]), <, 0.01);
          bands++;
        }
    }
  g_assert_cmpuint (bars, ==, 1);
  g_assert_cmpuint (bands, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/prices/default-series", test_default_series);
  g_test_add_func ("/prices/single-series-title", test_single_series_title);
  g_test_add_func ("/prices/errors", test_errors);
  g_test_add_func ("/prices/colours-by-element", test_colours_by_element);
  g_test_add_func ("/prices/texts-apart/basic", test_texts_apart_basic);
  g_test_add_func ("/prices/texts-apart/daily", test_texts_apart_daily);
  g_test_add_func ("/prices/texts-apart/bundled", test_texts_apart_bundled);
  g_test_add_func ("/prices/ticks-read", test_ticks_read);
  g_test_add_func ("/prices/log-scale", test_log_scale);
  g_test_add_func ("/prices/indexed", test_indexed);
  g_test_add_func ("/prices/indexed-bundled", test_indexed_bundled);
  g_test_add_func ("/prices/bands", test_bands);
  g_test_add_func ("/prices/conversion", test_conversion);
  g_test_add_func ("/prices/currency-without-rates", test_currency_without_rates);
  g_test_add_func ("/prices/hit-test-round-trip", test_hit_test_round_trip);
  g_test_add_func ("/prices/readings-and-positions", test_readings_and_positions);
  g_test_add_func ("/prices/events", test_events);
  g_test_add_func ("/prices/selection", test_selection);
  g_test_add_func ("/prices/selected-event-label", test_selected_event_label);
  g_test_add_func ("/prices/items-order", test_items_order);
  g_test_add_func ("/prices/describe", test_describe);
  g_test_add_func ("/prices/table", test_table);
  g_test_add_func ("/prices/empty-range", test_empty_range);
  g_test_add_func ("/prices/one-day-range", test_one_day_range);
  g_test_add_func ("/prices/value-axis", test_value_axis);
  g_test_add_func ("/prices/value-axis-extremes", test_value_axis_extremes);
  g_test_add_func ("/prices/million-points", test_million_points);
  g_test_add_func ("/prices/quantities-apart-from-prices", test_quantities_apart_from_prices);
  g_test_add_func ("/prices/series-colors-apart", test_series_colors_apart);
  g_test_add_func ("/prices/ranges-not-triangles", test_ranges_not_triangles);
  return g_test_run ();
}
