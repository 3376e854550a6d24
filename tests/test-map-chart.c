/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-map-chart.c: the Map view: Equal Earth, the world file, regions matched, colours, routes, texts apart, exports. */
#include "atlas-config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "atlas-chart.h"
#include "atlas-i18n.h"
#include "atlas-map-private.h"
#include "atlas-projection.h"
#include "atlas-world.h"
#include "chart-test-util.h"

/* ---- projection ------------------------------------------------------- */

static void
test_projection_round_trip (void)
{
  static const double points[][2] = {
    { 0, 0 }, { 116.4, 39.9 }, { -74.0, 40.7 }, { 151.2, -33.9 }, { 103.8, 1.35 },
    { -180, 0 }, { 180, 45 }, { 0, 89.999 }, { -45, -89.5 }, { 37.6, 55.75 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double x, y, lon = NAN, lat = NAN;

      atlas_equal_earth_forward (points[i][0], points[i][1], &x, &y);
      g_assert_true (atlas_equal_earth_inverse (x, y, &lon, &lat));
      g_assert_cmpfloat_with_epsilon (lon, points[i][0], 1e-7);
      g_assert_cmpfloat_with_epsilon (lat, points[i][1], 1e-7);
    }
  /* Outside the map: no point of the globe. */
  {
    double lon, lat;
    g_assert_false (atlas_equal_earth_inverse (0, 1.5, &lon, &lat));
    g_assert_false (atlas_equal_earth_inverse (2.8, 0, &lon, &lat));
  }
}

/* Published figures: the map's extent on the unit sphere (Šavrič,
 * Patterson and Jenny 2018: 2.7066 by 1.3173), and d3-geo's default
 * (scale 177.158, translate [480, 250]), whose equator reaches 959.5 px
 * of its 960-px frame.  And the property the view relies on: equal
 * areas on the globe are equal on the map. */
static void
test_projection_reference (void)
{
  double x, y, area_equator = 0;

  atlas_equal_earth_forward (180, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 2.706630, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-12);
  atlas_equal_earth_forward (0, 90, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, 1.317363, 1e-6);
  atlas_equal_earth_forward (180, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (480 + 177.158 * x, 959.5, 0.05);
  /* A cell 0.01° on a side near a latitude has the globe's area
   * cos φ dλ dφ; on the map, the Jacobian's determinant.  Their ratio
   * must not depend on the latitude. */
  for (double lat = 0; lat <= 80; lat += 20)
    {
      double d = 0.01, x0, y0, x1, y1, x2, y2, map_area, globe_area, ratio;

      atlas_equal_earth_forward (10, lat, &x0, &y0);
      atlas_equal_earth_forward (10 + d, lat, &x1, &y1);
      atlas_equal_earth_forward (10, lat + d, &x2, &y2);
      map_area = fabs ((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0));
      globe_area = cos ((lat + d / 2) * G_PI / 180) * d * d;
      ratio = map_area / globe_area;
      if (lat == 0)
        area_equator = ratio;
      g_assert_cmpfloat_with_epsilon (ratio / area_equator, 1.0, 1e-3);
    }
}

/* ---- the world file --------------------------------------------------- */

static void
test_world (void)
{
  g_autoptr(GError) error = NULL;
  const AtlasWorld *world = atlas_world_get_default (&error);
  g_autofree char *path = g_build_filename (g_getenv ("ATLAS_SOURCE_ROOT"), "data", "world-110m.atlasgeo", NULL);
  GStatBuf st;
  const AtlasWorldCountry *sg, *my;

  g_assert_no_error (error);
  g_assert_nonnull (world);
  g_assert_cmpuint (world->countries->len, >=, 170);
  /* Small enough to ship and to read at start-up. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 300 * 1024);
  g_assert_nonnull (atlas_world_find (world, "CN"));
  g_assert_nonnull (atlas_world_find (world, "us"));
  my = atlas_world_find (world, "MY");
  g_assert_nonnull (my);
  g_assert_false (my->is_point);
  /* Too small for 1:110m: a place, still findable. */
  sg = atlas_world_find (world, "SG");
  g_assert_nonnull (sg);
  g_assert_true (sg->is_point);
  g_assert_cmpstr (atlas_world_country_name (atlas_world_find (world, "CN"), "zh"), ==, "中国");
  g_assert_cmpstr (atlas_world_country_name (atlas_world_find (world, "CN"), "en"), ==, "China");
  /* No ring runs across the map from one edge to the other. */
  for (guint i = 0; i < world->countries->len; i++)
    {
      const AtlasWorldCountry *c = g_ptr_array_index (world->countries, i);
      if (g_strcmp0 (c->code, "RU") != 0 && g_strcmp0 (c->code, "FJ") != 0 && g_strcmp0 (c->code, "US") != 0)
        g_assert_cmpfloat (c->max_x - c->min_x, <, ATLAS_EQUAL_EARTH_MAX_X);
    }
}

static void
test_world_damaged (void)
{
  static const char *bad[] = {
    "",
    "ATLASGEO\t2\n",
    "ATLASGEO\t1\nQ\t100\nR\t0 0 1 0 0 1\n",
    "ATLASGEO\t1\nQ\t100\nC\tCN\t156\tChina\t中国\nR\t0 0 1 x 0 1\n",
    "ATLASGEO\t1\nQ\t100\nC\tCN\t156\tChina\t中国\n",
    "ATLASGEO\t1\nZ\t1\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasWorld) world = atlas_world_new_from_data (bad[i], strlen (bad[i]), &error);

      g_assert_null (world);
      g_assert_error (error, ATLAS_WORLD_ERROR, ATLAS_WORLD_ERROR_SYNTAX);
    }
}

/* ---- scenes ------------------------------------------------------------ */

static AtlasDataset *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load_file (path, 0, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static AtlasDataset *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", "map-regions.json", NULL);
  return load (path);
}

static AtlasScene *
layout_map (AtlasDataset *dataset, const char *group, const char *chain, const char *lang,
            double width, double height, gboolean dark)
{
  g_autoptr(AtlasStyle) style = atlas_style_new (dark);
  g_autoptr(GError) error = NULL;
  AtlasChartOptions options;
  AtlasScene *scene;

  atlas_chart_options_init (&options, ATLAS_VIEW_MAP);
  options.group = group;
  options.chain = chain;
  options.lang = lang;
  scene = atlas_chart_layout (dataset, &options, width, height, style, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);
  return scene;
}

static gboolean
scene_has_item (const AtlasScene *scene, AtlasItemKind kind, const char *id, int index)
{
  AtlasItem item = { kind, id, index };

  for (guint i = 0; i < scene->items->len; i++)
    if (atlas_item_equal (&g_array_index (scene->items, AtlasItem, i), &item))
      return TRUE;
  return FALSE;
}

/* A map asked for a group (or for nothing) shows the latest year of the
 * group's first measure, and a bar asked for by its id that very bar. */
static void
test_group_shows_latest (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();
  const char *groups[] = { "chain", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(AtlasScene) scene = layout_map (dataset, groups[i], NULL, "en", 1600, 900, FALSE);

      g_assert_true (scene_has_item (scene, ATLAS_ITEM_SHARE_PART, "reserves-2025", 0));
      g_assert_false (scene_has_item (scene, ATLAS_ITEM_SHARE_PART, "reserves-2024", 0));
    }
  {
    g_autoptr(AtlasScene) scene = layout_map (dataset, "reserves-2024", NULL, "en", 1600, 900, FALSE);

    g_assert_true (scene_has_item (scene, ATLAS_ITEM_SHARE_PART, "reserves-2024", 0));
  }
}

/* Every region the bundled dataset's shares and chains name is a country
 * of the map or plainly not one: no code goes unmatched. */
static void
test_bundled_regions_matched (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();
  GPtrArray *shares = atlas_dataset_get_shares (dataset);
  GPtrArray *regions = atlas_dataset_get_regions (dataset);
  const AtlasWorld *world = atlas_world_get_default (NULL);

  /* Every region the dataset defines is a country the map draws. */
  for (guint i = 0; i < regions->len; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (regions, i);
      const AtlasWorldCountry *country = NULL;

      if (atlas_map_match_region (world, region, &country) != ATLAS_MAP_COUNTRY)
        g_error ("region %s is not on the map", region->id);
      g_assert_cmpstr (country->code, ==, region->id);
    }

  for (guint s = 0; s < shares->len; s++)
    {
      const AtlasShare *share = g_ptr_array_index (shares, s);
      g_autoptr(AtlasTable) table = NULL;
      g_autoptr(AtlasScene) scene = NULL;
      AtlasChartOptions options;

      atlas_chart_options_init (&options, ATLAS_VIEW_MAP);
      options.group = share->id;
      options.lang = "en";
      table = atlas_chart_table (dataset, &options, NULL);
      g_assert_nonnull (table);
      g_assert_cmpuint (table->rows->len, >=, share->parts->len);
      for (guint r = 0; r < table->rows->len; r++)
        {
          GPtrArray *row = g_ptr_array_index (table->rows, r);
          const char *place = g_ptr_array_index (row, 4);

          if (g_strcmp0 (place, "code not on the map") == 0)
            g_error ("share %s: %s is not on the map", share->id, (const char *) g_ptr_array_index (row, 2));
        }
      /* Every part is something to point at, on the map or beside it. */
      scene = layout_map (dataset, share->id, NULL, "en", 1600, 900, FALSE);
      for (guint i = 0; i < share->parts->len; i++)
        g_assert_true (scene_has_item (scene, ATLAS_ITEM_SHARE_PART, share->id, (int) i));
    }
}

/* The fixture's regions: an "iso" member, the EU, an unknown code, a
 * non-country, a state too small for the outlines: each is drawn or
 * listed with its value, never dropped. */
static void
test_fixture_regions_listed (void)
{
  g_autoptr(AtlasDataset) dataset = load_fixture ();
  g_autoptr(AtlasScene) scene = layout_map (dataset, NULL, NULL, "en", 1600, 900, FALSE);
  const AtlasShare *share = atlas_dataset_find_share (dataset, "refining-2024");
  g_autoptr(AtlasTable) table = NULL;
  AtlasChartOptions options;
  AtlasItem hit;

  for (guint i = 0; i < share->parts->len; i++)
    g_assert_true (scene_has_item (scene, ATLAS_ITEM_SHARE_PART, share->id, (int) i));
  g_assert_true (scene_has_item (scene, ATLAS_ITEM_SHARE_PART, share->id, -1));  /* Other */
  g_assert_true (chart_test_scene_contains_text (scene, "Not on the map"));
  g_assert_true (chart_test_scene_contains_text (scene, "European Union"));
  g_assert_true (chart_test_scene_contains_text (scene, "Atlantis (code not on the map)"));
  g_assert_true (chart_test_scene_contains_text (scene, "refiner not reported"));
  g_assert_true (strstr (scene->description, "Atlantis") != NULL);
  g_assert_true (strstr (scene->description, "Myanmar (Burma)") != NULL);

  atlas_chart_options_init (&options, ATLAS_VIEW_MAP);
  options.lang = "en";
  table = atlas_chart_table (dataset, &options, NULL);
  g_assert_cmpuint (table->rows->len, ==, share->parts->len + 1);
  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);
      const char *name = g_ptr_array_index (row, 2), *code = g_ptr_array_index (row, 3);
      const char *place = g_ptr_array_index (row, 4);

      if (g_str_equal (name, "Myanmar (Burma)"))
        g_assert_cmpstr (code, ==, "MM");
      if (g_str_equal (name, "Atlantis"))
        g_assert_cmpstr (place, ==, "code not on the map");
      if (g_str_equal (name, "European Union"))
        g_assert_cmpstr (place, ==, "not a country");
      if (g_str_equal (name, "Singapore"))
        g_assert_cmpstr (place, ==, "yes");
      if (g_str_equal (name, "refiner not reported"))
        g_assert_cmpstr (place, ==, "not a country");
    }

  /* Small states take the pointer: Singapore at its place, at every size. */
  {
    double sizes[][2] = { { 640, 400 }, { 1600, 900 } };
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(AtlasScene) small = layout_map (dataset, NULL, NULL, "en", sizes[s][0], sizes[s][1], FALSE);
        AtlasItem sg = { ATLAS_ITEM_SHARE_PART, "refining-2024", 2 };
        const AtlasShape *target = NULL;

        for (guint i = 0; i < small->shapes->len; i++)
          {
            const AtlasShape *t = &g_array_index (small->shapes, AtlasShape, i);
            if (t->kind == ATLAS_SHAPE_RECT && t->hit && !t->has_fill && atlas_item_equal (&t->item, &sg))
              target = t;
          }
        g_assert_nonnull (target);
        g_assert_cmpfloat (target->bounds.width, >=, 14);
        g_assert_cmpfloat (target->bounds.height, >=, 14);
        g_assert_true (atlas_scene_hit_test (small, target->bounds.x + 1, target->bounds.y + 1, &hit));
        g_assert_true (atlas_item_equal (&hit, &sg));
      }
  }
}

static double
luminance (const AtlasColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static int
compare_pairs (gconstpointer a, gconstpointer b)
{
  const double *p = a, *q = b;
  return (p[0] > q[0]) - (p[0] < q[0]);
}

/* Larger values are darker (light theme) or lighter (dark theme). */
static void
test_choropleth_monotone (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();
  const char *ids[] = { "mining-2024", "reserves-2024", "refining-2023" };

  for (guint d = 0; d < 2; d++)
    for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
      {
        g_autoptr(AtlasScene) scene = layout_map (dataset, ids[k], NULL, "en", 1600, 900, d == 1);
        const AtlasShare *share = atlas_dataset_find_share (dataset, ids[k]);
        g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (double) * 2);
        guint n = 0;

        /* Every mark of a country (its outline, a small one's ring), as
         * (value, luminance), then in value order. */
        for (guint i = 0; i < scene->shapes->len; i++)
          {
            const AtlasShape *s = &g_array_index (scene->shapes, AtlasShape, i);
            const AtlasSharePart *part;
            double pair[2];

            if (s->kind != ATLAS_SHAPE_PATH || s->item.kind != ATLAS_ITEM_SHARE_PART || s->item.index < 0)
              continue;
            part = g_ptr_array_index (share->parts, s->item.index);
            pair[0] = part->value;
            pair[1] = luminance (&s->fill);
            g_array_append_vals (pairs, pair, 1);
          }
        g_array_sort (pairs, compare_pairs);
        for (guint i = 1; i < pairs->len; i++)
          {
            const double *a = &g_array_index (pairs, double, 2 * (i - 1)), *b = &g_array_index (pairs, double, 2 * i);

            if (a[0] == b[0])
              g_assert_cmpfloat_with_epsilon (a[1], b[1], 1e-9);
            else if (d == 0)
              g_assert_cmpfloat (b[1], <, a[1]);
            else
              g_assert_cmpfloat (b[1], >, a[1]);
            n++;
          }
        g_assert_cmpuint (n, >=, 1);
      }
}

/* An arc's width is its tonnage times one factor for the whole map. */
static void
test_routes_proportional (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();
  const char *chains[] = { "ree-2024", "ree-2023" };

  for (guint c = 0; c < G_N_ELEMENTS (chains); c++)
    {
      g_autoptr(AtlasScene) scene = layout_map (dataset, NULL, chains[c], "en", 1600, 900, FALSE);
      const AtlasChain *chain = atlas_dataset_find_chain (dataset, chains[c]);
      double factor = 0;
      guint arcs = 0, rings = 0;

      g_assert_true (strstr (scene->description, "Myanmar") != NULL);
      for (guint i = 0; i < scene->shapes->len; i++)
        {
          const AtlasShape *s = &g_array_index (scene->shapes, AtlasShape, i);
          const AtlasLink *link;

          if (s->item.kind != ATLAS_ITEM_LINK || s->kind != ATLAS_SHAPE_PATH)
            continue;
          g_assert_true (scene_has_item (scene, ATLAS_ITEM_LINK, chain->id, s->item.index));
          link = g_ptr_array_index (chain->links, s->item.index);
          if (s->has_fill)
            {
              rings += s->fill.alpha < 1;
              continue;
            }
          if (factor == 0)
            factor = s->line_width / link->value;
          g_assert_cmpfloat_with_epsilon (s->line_width / link->value / factor, 1.0, 1e-9);
          arcs++;
        }
      g_assert_cmpuint (arcs, >=, 3);
      g_assert_cmpuint (rings, >=, 1);
    }
}

/* No two texts overlap and none leaves the figure, at three sizes and a
 * portrait page, in
 * both languages, for both kinds of map. */
static void
test_texts_apart (void)
{
  g_autoptr(AtlasDataset) bundled = chart_test_load_bundled ();
  g_autoptr(AtlasDataset) fixture = load_fixture ();
  static const double sizes[][2] = { { 640, 400 }, { 1600, 900 }, { 3840, 2160 }, { 595, 842 } };
  static const char *langs[] = { "en", "zh" };
  struct { AtlasDataset *dataset; const char *group, *chain; } cases[] = {
    { bundled, "mining-2024", NULL }, { bundled, "reserves-2024", NULL }, { bundled, NULL, "ree-2024" },
    { fixture, NULL, NULL }, { fixture, NULL, "chain" },
  };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      atlas_i18n_set_language (langs[l]);
      for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
        for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
          {
            g_autoptr(AtlasScene) scene = layout_map (cases[c].dataset, cases[c].group, cases[c].chain, langs[l],
                                                      sizes[z][0], sizes[z][1], FALSE);
            GPtrArray *texts = g_ptr_array_new ();

            for (guint i = 0; i < scene->shapes->len; i++)
              {
                AtlasShape *s = &g_array_index (scene->shapes, AtlasShape, i);
                if (s->kind == ATLAS_SHAPE_TEXT)
                  g_ptr_array_add (texts, s);
              }
            for (guint i = 0; i < texts->len; i++)
              {
                const AtlasShape *a = g_ptr_array_index (texts, i);
                AtlasRect figure = { -0.5, -0.5, scene->width + 1, scene->height + 1 };

                if (!atlas_rect_contains (&figure, &a->bounds))
                  g_error ("%s %gx%g: “%s” leaves the figure", langs[l], sizes[z][0], sizes[z][1], a->text);
                /* The footer credits the boundaries, once. */
                if (a->role == ATLAS_ROLE_FOOTER)
                  {
                    const char *first = strstr (a->text, "Natural Earth");
                    g_assert_nonnull (first);
                    g_assert_null (strstr (first + 1, "Natural Earth"));
                  }
                for (guint j = i + 1; j < texts->len; j++)
                  {
                    const AtlasShape *b = g_ptr_array_index (texts, j);
                    if (atlas_rect_intersects (&a->bounds, &b->bounds))
                      g_error ("%s %gx%g case %u: “%s” overlaps “%s”", langs[l], sizes[z][0], sizes[z][1], c,
                               a->text, b->text);
                  }
              }
            g_ptr_array_unref (texts);
          }
    }
  atlas_i18n_set_language ("en");
}

/* Keyboard order: every item once, and the countries west to east
 * within a band, as a reader scans the map. */
static void
test_items_and_description (void)
{
  g_autoptr(AtlasDataset) dataset = chart_test_load_bundled ();
  g_autoptr(AtlasScene) scene = layout_map (dataset, "mining-2024", NULL, "en", 1600, 900, FALSE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (scene->items->len, >=, 10);
  for (guint i = 0; i < scene->items->len; i++)
    {
      char *key = atlas_item_to_key (&g_array_index (scene->items, AtlasItem, i));
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, key);
    }
  g_assert_true (g_str_has_prefix (scene->description, "Map of "));
  g_assert_true (strstr (scene->description, "China") != NULL);
  g_assert_true (chart_test_scene_contains_text (scene, "Natural Earth"));
}

/* ---- the command line ---------------------------------------------------- */

static void
test_cli_exports (void)
{
  g_autofree char *program = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "src", "rare-earth-atlas", NULL);
  g_autofree char *dir = g_dir_make_tmp ("atlas-map-XXXXXX", NULL);
  static const char *formats[] = { "png", "svg", "pdf", "csv", "json" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint routes = 0; routes < 2; routes++)
      {
        g_autofree char *out = g_strdup_printf ("%s/map-%u.%s", dir, routes, formats[i]);
        g_autofree char *out_arg = g_strconcat ("--output=", out, NULL);
        const char *argv[] = { program, "--export=map", out_arg, routes ? "--chain=ree-2024" : "--group=mining-2024",
                               "--lang=zh", NULL };
        g_autofree char *err = NULL, *contents = NULL;
        g_autoptr(GError) error = NULL;
        int status = 0;
        gsize length;

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                     NULL, &err, &status, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (err, ==, "");
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 100);
        if (g_str_equal (formats[i], "json"))
          g_assert_true (strstr (contents, "\"view\" : \"map\"") != NULL);
        if (g_str_equal (formats[i], "csv"))
          g_assert_true (strstr (contents, routes ? "缅甸" : "中国") != NULL);
        g_unlink (out);
      }
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  atlas_i18n_init ();
  atlas_i18n_set_language ("en");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/map/projection/round-trip", test_projection_round_trip);
  g_test_add_func ("/map/projection/reference", test_projection_reference);
  g_test_add_func ("/map/world/read", test_world);
  g_test_add_func ("/map/world/damaged", test_world_damaged);
  g_test_add_func ("/map/regions/bundled", test_bundled_regions_matched);
  g_test_add_func ("/map/regions/fixture", test_fixture_regions_listed);
  g_test_add_func ("/map/choropleth/monotone", test_choropleth_monotone);
  g_test_add_func ("/map/routes/proportional", test_routes_proportional);
  g_test_add_func ("/map/texts-apart", test_texts_apart);
  g_test_add_func ("/map/items", test_items_and_description);
  g_test_add_func ("/map/group-shows-latest", test_group_shows_latest);
  g_test_add_func ("/map/cli", test_cli_exports);
  return g_test_run ();
}
