/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sankey-layout.c: invariants of the Sankey layout on hand-made and random layered graphs. */
#include <math.h>

#include "atlas-dataset.h"
#include "atlas-sankey-layout.h"

#define EPS 1e-6

/* A graph the tests own: stages of nodes and links between them. */
typedef struct {
  guint                n_stages;
  GArray              *stages;   /* guint per node */
  GArray              *links;    /* AtlasSankeyLinkSpec */
  AtlasSankeyGraph     graph;
} TestGraph;

static TestGraph *
test_graph_new (guint n_stages)
{
  TestGraph *g = g_new0 (TestGraph, 1);
  g->n_stages = n_stages;
  g->stages = g_array_new (FALSE, FALSE, sizeof (guint));
  g->links = g_array_new (FALSE, FALSE, sizeof (AtlasSankeyLinkSpec));
  return g;
}

static void
test_graph_free (TestGraph *g)
{
  g_array_unref (g->stages);
  g_array_unref (g->links);
  g_free (g);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestGraph, test_graph_free)

static guint
add_node (TestGraph *g, guint stage)
{
  g_array_append_val (g->stages, stage);
  return g->stages->len - 1;
}

static void
add_link (TestGraph *g, guint from, guint to, double value)
{
  AtlasSankeyLinkSpec link = { from, to, value };
  g_array_append_val (g->links, link);
}

static const AtlasSankeyGraph *
test_graph_get (TestGraph *g)
{
  g->graph = (AtlasSankeyGraph) {
    .n_stages = g->n_stages,
    .n_nodes = g->stages->len,
    .node_stages = (const guint *) g->stages->data,
    .n_links = g->links->len,
    .links = (const AtlasSankeyLinkSpec *) g->links->data,
  };
  return &g->graph;
}

static guint
stage_of (TestGraph *g, guint node)
{
  return g_array_index (g->stages, guint, node);
}

/* A random layered graph: mostly adjacent-stage links, some that skip
 * stages and, when @returns, a few return flows. */
static TestGraph *
random_graph (GRand *rand, gboolean returns)
{
  guint n_stages = g_rand_int_range (rand, 2, 7);
  guint n_nodes = g_rand_int_range (rand, n_stages, 40);
  guint n_links = g_rand_int_range (rand, 1, 3 * n_nodes);
  TestGraph *g = test_graph_new (n_stages);

  for (guint i = 0; i < n_nodes; i++)
    add_node (g, i < n_stages ? i : (guint) g_rand_int_range (rand, 0, n_stages));

  for (guint l = 0; l < n_links; l++)
    {
      guint a = g_rand_int_range (rand, 0, n_nodes), z = g_rand_int_range (rand, 0, n_nodes);
      double value = g_rand_int_range (rand, 0, 10) == 0 ? 0 : g_rand_double_range (rand, 1, 500);

      if (stage_of (g, a) == stage_of (g, z))
        continue;
      if (stage_of (g, a) > stage_of (g, z) && !(returns && g_rand_int_range (rand, 0, 8) == 0))
        {
          guint t = a;
          a = z;
          z = t;
        }
      /* Keep most links short, as real supply chains do. */
      if (stage_of (g, z) > stage_of (g, a) + 1 && g_rand_boolean (rand))
        continue;
      add_link (g, a, z, value);
    }
  return g;
}

static void
options_for (AtlasSankeyOptions *opt, double width, double height)
{
  atlas_sankey_options_init (opt, 20, 30, width, height);
  opt->node_width = 10;
  opt->node_padding = 8;
  opt->gutter_left = 60;
  opt->gutter_right = 60;
}

/* ---- invariants ------------------------------------------------------- */

static void
assert_inside_plot (const AtlasSankeyLayout *lay, const AtlasSankeyOptions *opt)
{
  for (guint i = 0; i < lay->n_nodes; i++)
    {
      const AtlasSankeyBox *box = &lay->nodes[i].box;
      g_assert_cmpfloat (box->x0, >=, opt->x - EPS);
      g_assert_cmpfloat (box->x1, <=, opt->x + opt->width + EPS);
      g_assert_cmpfloat (box->y0, >=, opt->y - EPS);
      g_assert_cmpfloat (box->y1, <=, opt->y + opt->height + EPS);
      g_assert_cmpfloat (box->y1, >=, box->y0);
    }
}

static void
assert_no_overlap_in_stages (const AtlasSankeyLayout *lay)
{
  for (guint i = 0; i < lay->n_nodes; i++)
    for (guint j = 0; j < lay->n_nodes; j++)
      {
        const AtlasSankeyNodeBox *a = &lay->nodes[i], *b = &lay->nodes[j];
        if (i == j || a->stage != b->stage || a->rank > b->rank)
          continue;
        /* a is above b: it must end before b starts. */
        g_assert_cmpfloat (a->box.y1, <=, b->box.y0 + EPS);
      }
}

/* Bands at each side of each node: widths sum to the flow times the scale,
 * never exceed the node, stay inside it and do not overlap each other. */
static void
assert_bands_stacked (const AtlasSankeyLayout *lay)
{
  for (guint n = 0; n < lay->n_nodes; n++)
    {
      const AtlasSankeyNodeBox *node = &lay->nodes[n];
      double height = node->box.y1 - node->box.y0;
      double out_sum = 0, in_sum = 0;
      g_autoptr(GArray) out_spans = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) in_spans = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint l = 0; l < lay->n_links; l++)
        {
          const AtlasSankeyBand *band = &lay->bands[l];
          g_assert_cmpfloat_with_epsilon (band->width, band->value * lay->scale, EPS);
          if (band->from == n)
            {
              out_sum += band->width;
              g_assert_cmpfloat_with_epsilon (band->source_y1 - band->source_y0, band->width, EPS);
              g_assert_cmpfloat (band->source_y0, >=, node->box.y0 - EPS);
              g_assert_cmpfloat (band->source_y1, <=, node->box.y1 + EPS);
              g_assert_cmpfloat_with_epsilon (band->source_x, node->box.x1, EPS);
              g_array_append_val (out_spans, band->source_y0);
              g_array_append_val (out_spans, band->source_y1);
            }
          if (band->to == n)
            {
              in_sum += band->width;
              g_assert_cmpfloat_with_epsilon (band->target_y1 - band->target_y0, band->width, EPS);
              g_assert_cmpfloat (band->target_y0, >=, node->box.y0 - EPS);
              g_assert_cmpfloat (band->target_y1, <=, node->box.y1 + EPS);
              g_assert_cmpfloat_with_epsilon (band->target_x, node->box.x0, EPS);
              g_array_append_val (in_spans, band->target_y0);
              g_array_append_val (in_spans, band->target_y1);
            }
        }

      g_assert_cmpfloat_with_epsilon (out_sum, node->outflow * lay->scale, 1e-6 * MAX (1, out_sum));
      g_assert_cmpfloat_with_epsilon (in_sum, node->inflow * lay->scale, 1e-6 * MAX (1, in_sum));
      g_assert_cmpfloat (out_sum, <=, height + EPS);
      g_assert_cmpfloat (in_sum, <=, height + EPS);

      for (int side = 0; side < 2; side++)
        {
          GArray *spans = side == 0 ? out_spans : in_spans;
          for (guint i = 0; i < spans->len; i += 2)
            for (guint j = i + 2; j < spans->len; j += 2)
              {
                double a0 = g_array_index (spans, double, i), a1 = g_array_index (spans, double, i + 1);
                double b0 = g_array_index (spans, double, j), b1 = g_array_index (spans, double, j + 1);
                g_assert_true (a1 <= b0 + EPS || b1 <= a0 + EPS);
              }
        }
    }
}

static double
next_hop_centre (const AtlasSankeyLayout *lay, const AtlasSankeyBand *band)
{
  if (band->n_waypoints > 0)
    return (band->waypoints[0].y0 + band->waypoints[0].y1) / 2;
  return (lay->nodes[band->to].box.y0 + lay->nodes[band->to].box.y1) / 2;
}

/* Bands leaving one node are stacked in the order of where they go next,
 * so they do not cross each other on the way (likewise entering). */
static void
assert_bands_do_not_self_cross (const AtlasSankeyLayout *lay)
{
  for (guint a = 0; a < lay->n_links; a++)
    for (guint b = 0; b < lay->n_links; b++)
      {
        const AtlasSankeyBand *p = &lay->bands[a], *q = &lay->bands[b];
        if (a == b || p->route == ATLAS_SANKEY_ROUTE_LOOP || q->route == ATLAS_SANKEY_ROUTE_LOOP)
          continue;
        if (p->from == q->from && p->source_y0 < q->source_y0)
          {
            double np = next_hop_centre (lay, p), nq = next_hop_centre (lay, q);
            g_assert_cmpfloat (np, <=, nq);
            if (np == nq && p->to == q->to && p->n_waypoints == 0 && q->n_waypoints == 0)
              g_assert_cmpfloat (p->target_y0, <, q->target_y0);
          }
        if (p->to == q->to && p->target_y0 < q->target_y0 && p->n_waypoints == 0 && q->n_waypoints == 0)
          {
            double pp = (lay->nodes[p->from].box.y0 + lay->nodes[p->from].box.y1) / 2;
            double pq = (lay->nodes[q->from].box.y0 + lay->nodes[q->from].box.y1) / 2;
            g_assert_cmpfloat (pp, <=, pq);
          }
      }
}

/* Samples the band across every column it passes and checks that its
 * vertical extent there misses every real node other than its ends. */
static void
assert_skips_clear_of_nodes (const AtlasSankeyLayout *lay)
{
  for (guint l = 0; l < lay->n_links; l++)
    {
      const AtlasSankeyBand *band = &lay->bands[l];
      if (band->route == ATLAS_SANKEY_ROUTE_LOOP)
        continue;
      for (guint n = 0; n < lay->n_nodes; n++)
        {
          const AtlasSankeyBox *box = &lay->nodes[n].box;
          if (n == band->from || n == band->to || box->x1 <= band->source_x || box->x0 >= band->target_x)
            continue;
          for (int k = 0; k <= 8; k++)
            {
              double x = box->x0 + (box->x1 - box->x0) * k / 8, y;
              g_assert_true (atlas_sankey_band_centre_at (band, x, &y));
              double top = y - band->width / 2, bottom = y + band->width / 2;
              if (band->width > 0)
                g_assert_true (bottom <= box->y0 + EPS || top >= box->y1 - EPS);
              else
                g_assert_true (y <= box->y0 + EPS || y >= box->y1 - EPS);
            }
        }
      if (band->route == ATLAS_SANKEY_ROUTE_SKIP)
        g_assert_cmpuint (band->n_waypoints, >, 0);
    }
}

static void
assert_loops_below (const AtlasSankeyLayout *lay, const AtlasSankeyOptions *opt, TestGraph *g)
{
  double lowest = opt->y;

  for (guint n = 0; n < lay->n_nodes; n++)
    lowest = MAX (lowest, lay->nodes[n].box.y1);

  for (guint l = 0; l < lay->n_links; l++)
    {
      const AtlasSankeyBand *band = &lay->bands[l];
      gboolean is_return = stage_of (g, band->to) < stage_of (g, band->from);
      double half = band->width / 2;

      g_assert_cmpint (band->route == ATLAS_SANKEY_ROUTE_LOOP, ==, is_return);
      if (!is_return)
        continue;
      g_assert_cmpfloat (band->loop.lane_y - half, >, lowest);
      g_assert_cmpfloat (band->loop.lane_y + half, <=, opt->y + opt->height + EPS);
      g_assert_cmpfloat (band->loop.out_x - half, >, band->source_x);
      g_assert_cmpfloat (band->loop.out_x + half, <=, opt->x + opt->width + EPS);
      g_assert_cmpfloat (band->loop.in_x + half, <, band->target_x);
      g_assert_cmpfloat (band->loop.in_x - half, >=, opt->x - EPS);
      g_assert_cmpfloat (band->loop.radius, >=, half);
      /* The loop's centre line ends where its band does. */
      double x, y;
      atlas_sankey_band_point (band, 0, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, band->source_x, EPS);
      g_assert_cmpfloat_with_epsilon (y, band->source_y0 + half, EPS);
      atlas_sankey_band_point (band, 1, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, band->target_x, EPS);
      g_assert_cmpfloat_with_epsilon (y, band->target_y0 + half, EPS);
      /* It runs along its lane, below everything. */
      double deepest = -G_MAXDOUBLE;
      for (int k = 0; k <= 200; k++)
        {
          atlas_sankey_band_point (band, k / 200.0, &x, &y);
          deepest = MAX (deepest, y);
          g_assert_cmpfloat (y, <=, band->loop.lane_y + EPS);
        }
      g_assert_cmpfloat_with_epsilon (deepest, band->loop.lane_y, EPS);
    }
}

static void
assert_layout_valid (const AtlasSankeyLayout *lay, const AtlasSankeyOptions *opt, TestGraph *g)
{
  assert_inside_plot (lay, opt);
  assert_no_overlap_in_stages (lay);
  assert_bands_stacked (lay);
  assert_bands_do_not_self_cross (lay);
  assert_skips_clear_of_nodes (lay);
  assert_loops_below (lay, opt, g);
}

/* ---- crossings, counted independently from the geometry --------------- */

typedef struct {
  int    left_id, right_id;      /* node index, or -(1 + unique waypoint id) */
  double left_y, right_y;
  double weight;
} Hop;

/* Each forward band as hops between adjacent columns, the ends identified
 * by the node or waypoint they pass and ordered by their centres; pairs of
 * hops cross when their ends are in opposite orders. O(H^2) on purpose. */
static double
brute_force_crossings (const AtlasSankeyLayout *lay)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  int waypoint_id = 0;
  double total = 0;

  for (guint c = 0; c < lay->n_stages; c++)
    g_ptr_array_add (columns, g_array_new (FALSE, FALSE, sizeof (Hop)));

  for (guint l = 0; l < lay->n_links; l++)
    {
      const AtlasSankeyBand *band = &lay->bands[l];
      const AtlasSankeyNodeBox *from = &lay->nodes[band->from], *to = &lay->nodes[band->to];
      int prev_id = band->from;
      double prev_y = (from->box.y0 + from->box.y1) / 2;

      if (band->route == ATLAS_SANKEY_ROUTE_LOOP)
        continue;
      for (guint k = 0; k <= band->n_waypoints; k++)
        {
          Hop hop = { prev_id, 0, prev_y, 0, band->value };
          if (k < band->n_waypoints)
            {
              hop.right_id = -(1 + waypoint_id++);
              hop.right_y = (band->waypoints[k].y0 + band->waypoints[k].y1) / 2;
            }
          else
            {
              hop.right_id = band->to;
              hop.right_y = (to->box.y0 + to->box.y1) / 2;
            }
          g_array_append_val (g_ptr_array_index (columns, from->stage + k), hop);
          prev_id = hop.right_id;
          prev_y = hop.right_y;
        }
    }

  for (guint c = 0; c < columns->len; c++)
    {
      GArray *hops = g_ptr_array_index (columns, c);
      for (guint i = 0; i < hops->len; i++)
        for (guint j = i + 1; j < hops->len; j++)
          {
            const Hop *a = &g_array_index (hops, Hop, i), *b = &g_array_index (hops, Hop, j);
            if (a->left_id == b->left_id || a->right_id == b->right_id)
              continue;
            if ((a->left_y - b->left_y) * (a->right_y - b->right_y) < 0)
              total += a->weight * b->weight;
          }
    }
  return total;
}

/* ---- tests -------------------------------------------------------------- */

/* Mining (3 regions) -> refining (2) -> magnets (2) -> uses (2), with one
 * mine selling straight to magnet makers (skipping refining) and magnet
 * scrap recycled back to refining. */
static TestGraph *
chain_graph (gboolean with_skip, gboolean with_loop)
{
  TestGraph *g = test_graph_new (4);
  guint mine_cn = add_node (g, 0), mine_us = add_node (g, 0), mine_au = add_node (g, 0);
  guint ref_cn = add_node (g, 1), ref_my = add_node (g, 1);
  guint mag_cn = add_node (g, 2), mag_jp = add_node (g, 2);
  guint use_ev = add_node (g, 3), use_wind = add_node (g, 3);

  add_link (g, mine_cn, ref_cn, 270000);
  add_link (g, mine_us, ref_cn, 40000);
  add_link (g, mine_au, ref_my, 12000);
  add_link (g, ref_cn, mag_cn, 250000);
  add_link (g, ref_cn, mag_jp, 30000);
  add_link (g, ref_my, mag_jp, 10000);
  add_link (g, mag_cn, use_ev, 150000);
  add_link (g, mag_cn, use_wind, 80000);
  add_link (g, mag_jp, use_ev, 35000);
  if (with_skip)
    {
      add_link (g, mine_au, mag_jp, 2000);
      add_link (g, mine_us, use_wind, 5000);
    }
  if (with_loop)
    {
      add_link (g, use_ev, ref_cn, 8000);
      add_link (g, mag_jp, ref_my, 1500);
    }
  return g;
}

static void
test_chain_invariants (void)
{
  for (int variant = 0; variant < 4; variant++)
    for (int keep = 0; keep < 2; keep++)
      {
        g_autoptr(TestGraph) g = chain_graph (variant & 1, variant & 2);
        AtlasSankeyOptions opt;
        g_autoptr(GError) error = NULL;

        options_for (&opt, 800, 400);
        opt.keep_order = keep;
        g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, &error);
        g_assert_no_error (error);
        g_assert_nonnull (lay);
        g_assert_cmpfloat (lay->scale, >, 0);
        assert_layout_valid (lay, &opt, g);
        g_assert_cmpfloat_with_epsilon (lay->crossings, brute_force_crossings (lay), 1e-6 * MAX (1, lay->crossings));
      }
}

static void
test_skip_links_use_waypoints (void)
{
  g_autoptr(TestGraph) g = chain_graph (TRUE, FALSE);
  AtlasSankeyOptions opt;

  options_for (&opt, 900, 500);
  g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, NULL);
  g_assert_nonnull (lay);

  /* mine_au -> mag_jp skips refining; mine_us -> use_wind skips two stages. */
  const AtlasSankeyBand *one = &lay->bands[9], *two = &lay->bands[10];
  g_assert_cmpint (one->route, ==, ATLAS_SANKEY_ROUTE_SKIP);
  g_assert_cmpuint (one->n_waypoints, ==, 1);
  g_assert_cmpint (two->route, ==, ATLAS_SANKEY_ROUTE_SKIP);
  g_assert_cmpuint (two->n_waypoints, ==, 2);
  for (guint k = 0; k < two->n_waypoints; k++)
    {
      const AtlasSankeyBox *w = &two->waypoints[k];
      g_assert_cmpfloat_with_epsilon (w->y1 - w->y0, two->width, EPS);
      g_assert_cmpfloat_with_epsilon (w->x0, lay->stage_x[1 + k], EPS);
      /* The waypoint lies in a gap: it overlaps no real node's box. */
      for (guint n = 0; n < lay->n_nodes; n++)
        if (lay->nodes[n].stage == 1 + k)
          g_assert_true (w->y1 <= lay->nodes[n].box.y0 + EPS || w->y0 >= lay->nodes[n].box.y1 - EPS);
    }
  assert_skips_clear_of_nodes (lay);
}

static void
test_loops_for_return_flows (void)
{
  g_autoptr(TestGraph) g = chain_graph (TRUE, TRUE);
  AtlasSankeyOptions opt;

  options_for (&opt, 900, 500);
  g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, NULL);
  g_assert_nonnull (lay);
  g_assert_cmpint (lay->bands[11].route, ==, ATLAS_SANKEY_ROUTE_LOOP);
  g_assert_cmpint (lay->bands[12].route, ==, ATLAS_SANKEY_ROUTE_LOOP);
  g_assert_cmpfloat (lay->loop_top, >=, lay->columns_bottom);
  g_assert_cmpfloat (lay->bands[11].width, >, 0);
  assert_loops_below (lay, &opt, g);

  /* Nested: the loop in the lower lane reaches further out on both sides
   * when the two share a column, and lanes do not overlap. */
  const AtlasSankeyBand *a = &lay->bands[11], *b = &lay->bands[12];
  double gap = fabs (a->loop.lane_y - b->loop.lane_y);
  g_assert_cmpfloat (gap, >=, (a->width + b->width) / 2);
}

/* Two crossed links untangle to none by swapping one column. */
static void
test_obvious_untangling (void)
{
  g_autoptr(TestGraph) g = test_graph_new (3);
  guint a = add_node (g, 0), b = add_node (g, 0);
  guint c = add_node (g, 1), d = add_node (g, 1);
  guint e = add_node (g, 2), f = add_node (g, 2);
  AtlasSankeyOptions opt;

  add_link (g, a, d, 10);
  add_link (g, b, c, 20);
  add_link (g, d, f, 10);
  add_link (g, c, e, 20);
  options_for (&opt, 600, 300);

  opt.keep_order = TRUE;
  g_autoptr(AtlasSankeyLayout) kept = atlas_sankey_layout_new (test_graph_get (g), &opt, NULL);
  opt.keep_order = FALSE;
  g_autoptr(AtlasSankeyLayout) ordered = atlas_sankey_layout_new (test_graph_get (g), &opt, NULL);

  g_assert_cmpfloat_with_epsilon (brute_force_crossings (kept), 200, EPS);
  g_assert_cmpfloat_with_epsilon (kept->crossings, 200, EPS);
  g_assert_cmpfloat_with_epsilon (ordered->initial_crossings, 200, EPS);
  g_assert_cmpfloat (brute_force_crossings (ordered), <, brute_force_crossings (kept));
  g_assert_cmpfloat (brute_force_crossings (ordered), ==, 0);
  g_assert_cmpfloat (ordered->crossings, ==, 0);
}

/* A long link through a column of three nodes: ordering must route it
 * through a gap and the crossings it adds are counted. */
static void
test_long_link_crossings_counted (void)
{
  g_autoptr(TestGraph) g = test_graph_new (3);
  guint top = add_node (g, 0), bottom = add_node (g, 0);
  guint m0 = add_node (g, 1), m1 = add_node (g, 1), m2 = add_node (g, 1);
  guint end0 = add_node (g, 2), end1 = add_node (g, 2);
  AtlasSankeyOptions opt;

  add_link (g, top, m0, 5);
  add_link (g, top, m1, 5);
  add_link (g, bottom, m2, 5);
  add_link (g, m0, end0, 5);
  add_link (g, m1, end0, 5);
  add_link (g, m2, end1, 5);
  add_link (g, bottom, end0, 3);   /* skips the middle column */
  options_for (&opt, 600, 300);

  g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, NULL);
  g_assert_nonnull (lay);
  g_assert_cmpfloat_with_epsilon (lay->crossings, brute_force_crossings (lay), EPS);
  assert_skips_clear_of_nodes (lay);
}

static void
test_random_graphs (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  double sum_kept = 0, sum_ordered = 0;
  guint fewer = 0, n_graphs = 200;

  for (guint i = 0; i < n_graphs; i++)
    {
      g_autoptr(TestGraph) g = random_graph (rand, i % 3 == 0);
      AtlasSankeyOptions opt;
      double width = g_rand_double_range (rand, 300, 2000), height = g_rand_double_range (rand, 150, 1200);
      g_autoptr(GError) error = NULL;

      options_for (&opt, width, height);
      opt.min_node_height = i % 2 ? 2 : 0;
      opt.keep_order = TRUE;
      g_autoptr(AtlasSankeyLayout) kept = atlas_sankey_layout_new (test_graph_get (g), &opt, &error);
      g_assert_no_error (error);
      opt.keep_order = FALSE;
      g_autoptr(AtlasSankeyLayout) ordered = atlas_sankey_layout_new (test_graph_get (g), &opt, &error);
      g_assert_no_error (error);

      assert_layout_valid (kept, &opt, g);
      assert_layout_valid (ordered, &opt, g);

      double c_kept = brute_force_crossings (kept), c_ordered = brute_force_crossings (ordered);
      g_assert_cmpfloat_with_epsilon (kept->crossings, c_kept, 1e-6 * MAX (1, c_kept));
      g_assert_cmpfloat_with_epsilon (ordered->crossings, c_ordered, 1e-6 * MAX (1, c_ordered));
      g_assert_cmpfloat (c_ordered, <=, c_kept * (1 + 1e-9));
      sum_kept += c_kept;
      sum_ordered += c_ordered;
      fewer += c_ordered < c_kept;
    }
  g_test_message ("random graphs: weighted crossings %.4g in dataset order, %.4g ordered "
                  "(%.1f %%), fewer on %u of %u graphs",
                  sum_kept, sum_ordered, 100 * sum_ordered / MAX (sum_kept, 1), fewer, n_graphs);
  g_assert_cmpfloat (sum_ordered, <, sum_kept);
}

/* A layered graph with structure, like a supply chain's: each node has a
 * hidden height, most links join nodes of neighbouring stages at similar
 * heights and a fifth go anywhere; integer values over two orders of
 * magnitude keep the crossing sums exact.  Listed in random order. */
static TestGraph *
structured_graph (GRand *rand, guint n_nodes, guint n_stages)
{
  TestGraph *g = test_graph_new (n_stages);
  g_autofree double *height = g_new (double, n_nodes);

  for (guint i = 0; i < n_nodes; i++)
    {
      add_node (g, i < n_stages ? i : (guint) g_rand_int_range (rand, 0, n_stages));
      height[i] = g_rand_double (rand);
    }
  for (guint l = 0; l < 3 * n_nodes; l++)
    {
      guint a = g_rand_int_range (rand, 0, n_nodes), best = G_MAXUINT;
      double reach = g_rand_double (rand) < 0.8 ? 0.15 : 1, target, distance = G_MAXDOUBLE;

      if (stage_of (g, a) + 1 == n_stages)
        continue;
      target = height[a] + g_rand_double_range (rand, -reach, reach);
      for (guint z = 0; z < n_nodes; z++)
        if (stage_of (g, z) == stage_of (g, a) + 1 && fabs (height[z] - target) < distance)
          {
            distance = fabs (height[z] - target);
            best = z;
          }
      add_link (g, a, best, round (exp (g_rand_double_range (rand, 0, 4.6))));
    }
  return g;
}

/* The ordering must not get worse than it was when this test was written:
 * the total weighted crossings of seeded structured graphs is recorded
 * (exact: integer values).  Before perturbed restarts followed the
 * sifting, the same graphs summed ORDERING_BEFORE_PERTURBING, so a change
 * that loses what they gain fails here.  A change that finds fewer
 * crossings lowers the record. */
#define ORDERING_RECORD 8422238.0
#define ORDERING_BEFORE_PERTURBING 8858168.0

static void
test_ordering_record (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  double total = 0;

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(TestGraph) g = structured_graph (rand, 40 + 20 * i, 4 + i % 3);
      AtlasSankeyOptions opt;
      g_autoptr(GError) error = NULL;

      options_for (&opt, 1600, 900);
      g_autoptr(AtlasSankeyLayout) layout = atlas_sankey_layout_new (test_graph_get (g), &opt, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (layout->crossings, <=, layout->initial_crossings);
      total += layout->crossings;
    }
  g_test_message ("structured graphs: %.17g weighted crossings (record %.17g, before perturbing %.17g)",
                  total, ORDERING_RECORD, ORDERING_BEFORE_PERTURBING);
  g_assert_cmpfloat (total, <=, ORDERING_RECORD);
}

/* Weighted crossings of a three-column graph for given positions, counted
 * directly: two links between the same columns cross when their ends are
 * in opposite order at the two sides. */
static double
brute_crossings (const AtlasSankeyGraph *graph, const guint *position)
{
  double total = 0;

  for (guint a = 0; a < graph->n_links; a++)
    for (guint b = a + 1; b < graph->n_links; b++)
      {
        const AtlasSankeyLinkSpec *la = &graph->links[a], *lb = &graph->links[b];
        int from = (int) position[la->from] - (int) position[lb->from];
        int to = (int) position[la->to] - (int) position[lb->to];

        if (graph->node_stages[la->from] == graph->node_stages[lb->from] &&
            ((from < 0 && to > 0) || (from > 0 && to < 0)))
          total += la->value * lb->value;
      }
  return total;
}

/* Tries every order of @stage's nodes, recursing into the next stage, and
 * returns the fewest weighted crossings found. */
static double
brute_minimum (const AtlasSankeyGraph *graph, guint *position, guint stage)
{
  g_autofree guint *order = NULL;
  guint n = 0;
  double best = G_MAXDOUBLE;

  if (stage == graph->n_stages)
    return brute_crossings (graph, position);
  order = g_new (guint, graph->n_nodes);
  for (guint i = 0; i < graph->n_nodes; i++)
    if (graph->node_stages[i] == stage)
      order[n++] = i;
  /* Heap's algorithm over the stage's nodes. */
  {
    g_autofree guint *c = g_new0 (guint, n);
    guint i = 0;

    for (guint k = 0; k < n; k++)
      position[order[k]] = k;
    best = MIN (best, brute_minimum (graph, position, stage + 1));
    while (i < n)
      {
        if (c[i] < i)
          {
            guint j = i % 2 == 0 ? 0 : c[i], t = order[j];
            order[j] = order[i];
            order[i] = t;
            for (guint k = 0; k < n; k++)
              position[order[k]] = k;
            best = MIN (best, brute_minimum (graph, position, stage + 1));
            c[i]++;
            i = 0;
          }
        else
          c[i++] = 0;
      }
  }
  return best;
}

/* On graphs small enough to try every order, the layout finds the fewest
 * weighted crossings (or comes very close), whatever the dataset order. */
static void
test_near_optimal_on_small_graphs (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint optimal = 0, graphs = 40;

  for (guint i = 0; i < graphs; i++)
    {
      g_autoptr(TestGraph) g = test_graph_new (3);
      guint n_nodes = 0, stage_start[4];
      AtlasSankeyOptions opt;
      g_autoptr(GError) error = NULL;
      g_autofree guint *position = NULL;
      double best;

      for (guint s = 0; s < 3; s++)
        {
          guint count = g_rand_int_range (rand, 2, 5);
          stage_start[s] = n_nodes;
          for (guint k = 0; k < count; k++, n_nodes++)
            add_node (g, s);
        }
      stage_start[3] = n_nodes;
      for (guint s = 0; s < 2; s++)
        for (guint a = stage_start[s]; a < stage_start[s + 1]; a++)
          for (guint z = stage_start[s + 1]; z < stage_start[s + 2]; z++)
            if (g_rand_int_range (rand, 0, 3) == 0)
              add_link (g, a, z, g_rand_double_range (rand, 1, 100));

      position = g_new0 (guint, n_nodes);
      best = brute_minimum (test_graph_get (g), position, 0);

      options_for (&opt, 1200, 800);
      g_autoptr(AtlasSankeyLayout) layout = atlas_sankey_layout_new (test_graph_get (g), &opt, &error);
      g_assert_no_error (error);
      /* Never worse than a tenth above the optimum (tiny graphs leave no
       * room for a near miss to hide); usually exactly optimal. */
      g_assert_cmpfloat (layout->crossings, <=, best * 1.1 + 1e-6);
      optimal += layout->crossings <= best * (1 + 1e-9) + 1e-9;
    }
  g_test_message ("optimal on %u of %u graphs", optimal, graphs);
  g_assert_cmpuint (optimal, >=, graphs * 9 / 10);
}

static void
test_keep_order (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(TestGraph) g = random_graph (rand, TRUE);
      AtlasSankeyOptions opt;

      options_for (&opt, 800, 500);
      opt.keep_order = TRUE;
      g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, NULL);
      g_assert_nonnull (lay);
      for (guint a = 0; a < lay->n_nodes; a++)
        for (guint b = a + 1; b < lay->n_nodes; b++)
          if (lay->nodes[a].stage == lay->nodes[b].stage)
            {
              g_assert_cmpuint (lay->nodes[a].rank, <, lay->nodes[b].rank);
              g_assert_cmpfloat (lay->nodes[a].box.y1, <=, lay->nodes[b].box.y0 + EPS);
            }
    }
}

static void
test_node_offsets (void)
{
  g_autoptr(TestGraph) g = chain_graph (TRUE, FALSE);
  const AtlasSankeyGraph *graph = test_graph_get (g);
  g_autofree double *offsets = g_new0 (double, graph->n_nodes);
  AtlasSankeyOptions opt;
  const guint use_ev = 7, use_wind = 8;   /* the end-use column has room to spare */

  options_for (&opt, 900, 600);
  g_autoptr(AtlasSankeyLayout) before = atlas_sankey_layout_new (graph, &opt, NULL);
  opt.node_offsets = offsets;

  /* Dragged down by 5% of the plot: it moves (collisions may take some back). */
  for (guint n = 0; n < graph->n_nodes; n++)
    offsets[n] = n == use_ev ? 0.05 : 0;
  g_autoptr(AtlasSankeyLayout) down = atlas_sankey_layout_new (graph, &opt, NULL);
  g_assert_cmpfloat (down->nodes[use_ev].box.y0, >, before->nodes[use_ev].box.y0 + 1);
  assert_layout_valid (down, &opt, g);

  /* Dragged up: it moves up. */
  for (guint n = 0; n < graph->n_nodes; n++)
    offsets[n] = n == use_wind ? -0.05 : 0;
  g_autoptr(AtlasSankeyLayout) up = atlas_sankey_layout_new (graph, &opt, NULL);
  g_assert_cmpfloat (up->nodes[use_wind].box.y0, <, before->nodes[use_wind].box.y0 - 1);
  assert_layout_valid (up, &opt, g);

  /* Far beyond the plot: clamped inside it, order kept. */
  for (guint n = 0; n < graph->n_nodes; n++)
    offsets[n] = n == use_ev ? 1e4 : 0;
  g_autoptr(AtlasSankeyLayout) far = atlas_sankey_layout_new (graph, &opt, NULL);
  g_assert_cmpuint (far->nodes[use_ev].rank, ==, before->nodes[use_ev].rank);
  g_assert_cmpfloat (far->nodes[use_ev].box.y0, >, before->nodes[use_ev].box.y0 + 1);
  assert_layout_valid (far, &opt, g);
}

static void
test_invalid_graphs (void)
{
  struct {
    guint from, to;
    double value;
  } bad[] = {
    { 0, 0, 1 },        /* to itself */
    { 0, 1, 1 },        /* within one stage */
    { 0, 9, 1 },        /* out of range */
    { 0, 2, -1 },       /* negative */
    { 0, 2, NAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(TestGraph) g = test_graph_new (2);
      AtlasSankeyOptions opt;
      g_autoptr(GError) error = NULL;

      add_node (g, 0);
      add_node (g, 0);
      add_node (g, 1);
      add_link (g, bad[i].from, bad[i].to, bad[i].value);
      options_for (&opt, 600, 300);
      g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, &error);
      g_assert_null (lay);
      g_assert_error (error, ATLAS_SANKEY_LAYOUT_ERROR, ATLAS_SANKEY_LAYOUT_ERROR_INVALID);
    }

  g_autoptr(TestGraph) g = test_graph_new (1);
  AtlasSankeyOptions opt;
  g_autoptr(GError) error = NULL;
  add_node (g, 3);
  options_for (&opt, 600, 300);
  g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, &error);
  g_assert_null (lay);
  g_assert_error (error, ATLAS_SANKEY_LAYOUT_ERROR, ATLAS_SANKEY_LAYOUT_ERROR_INVALID);
}

/* Degenerate inputs still give a valid layout: no links, zero values, a
 * single stage, a plot too small for the padding. */
static void
test_degenerate_graphs (void)
{
  AtlasSankeyOptions opt;

  {
    g_autoptr(TestGraph) g = test_graph_new (1);
    add_node (g, 0);
    add_node (g, 0);
    options_for (&opt, 300, 200);
    opt.min_node_height = 3;
    g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, NULL);
    g_assert_nonnull (lay);
    assert_layout_valid (lay, &opt, g);
  }
  {
    g_autoptr(TestGraph) g = test_graph_new (3);
    guint a = add_node (g, 0), b = add_node (g, 2);
    add_link (g, a, b, 0);
    options_for (&opt, 300, 200);
    g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, NULL);
    g_assert_nonnull (lay);
    assert_layout_valid (lay, &opt, g);
  }
  {
    g_autoptr(TestGraph) g = test_graph_new (2);
    for (guint i = 0; i < 100; i++)
      add_link (g, add_node (g, 0), add_node (g, 1), 1 + i);
    options_for (&opt, 300, 60);
    g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, NULL);
    g_assert_nonnull (lay);
    assert_layout_valid (lay, &opt, g);
  }
}

static TestGraph *
graph_from_chain (const AtlasChain *chain)
{
  TestGraph *g = test_graph_new (chain->stages->len);

  for (guint i = 0; i < chain->nodes->len; i++)
    add_node (g, ((const AtlasNode *) g_ptr_array_index (chain->nodes, i))->stage);
  for (guint l = 0; l < chain->links->len; l++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, l);
      add_link (g, link->from, link->to, link->value);
    }
  return g;
}

/* The chains of the test fixtures and of the bundled dataset, at sizes from
 * a thumbnail to a 4K export, in both orders. */
static void
test_fixture_invariants (void)
{
  const char *root = g_getenv ("ATLAS_SOURCE_ROOT");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  static const double sizes[][2] = { { 500, 220 }, { 1400, 650 }, { 3600, 1800 } };

  g_ptr_array_add (paths, g_test_build_filename (G_TEST_DIST, "data", "charts", "sankey-skip.json", NULL));
  g_ptr_array_add (paths, g_test_build_filename (G_TEST_DIST, "data", "charts", "sankey-loop.json", NULL));
  if (root != NULL)
    {
      char *bundled = g_build_filename (root, "data", "rare-earths.json", NULL);
      if (g_file_test (bundled, G_FILE_TEST_EXISTS))
        g_ptr_array_add (paths, bundled);
      else
        g_free (bundled);
    }

  for (guint p = 0; p < paths->len; p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (g_ptr_array_index (paths, p), 0, NULL, &error);
      GPtrArray *chains;

      g_assert_no_error (error);
      chains = atlas_dataset_get_chains (dataset);
      g_assert_cmpuint (chains->len, >, 0);
      for (guint c = 0; c < chains->len; c++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          for (int keep = 0; keep < 2; keep++)
            {
              g_autoptr(TestGraph) g = graph_from_chain (g_ptr_array_index (chains, c));
              AtlasSankeyOptions opt;

              options_for (&opt, sizes[s][0], sizes[s][1]);
              opt.keep_order = keep;
              opt.min_node_height = 1.5;
              g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, &error);
              g_assert_no_error (error);
              assert_layout_valid (lay, &opt, g);
              g_assert_cmpfloat_with_epsilon (lay->crossings, brute_force_crossings (lay),
                                              1e-6 * MAX (1, lay->crossings));
              g_assert_cmpfloat (lay->crossings, <=, lay->initial_crossings);
            }
    }
}

/* The size the benchmark uses, checked for validity only (no timing). */
static void
test_large_graph (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1000);
  g_autoptr(TestGraph) g = test_graph_new (6);
  AtlasSankeyOptions opt;

  for (guint i = 0; i < 1000; i++)
    add_node (g, i % 6);
  while (g->links->len < 3000)
    {
      guint a = g_rand_int_range (rand, 0, 1000), z = g_rand_int_range (rand, 0, 1000);
      if (stage_of (g, a) < stage_of (g, z))
        add_link (g, a, z, g_rand_double_range (rand, 1, 100));
    }
  options_for (&opt, 3000, 20000);
  g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, NULL);
  g_assert_nonnull (lay);
  g_assert_cmpfloat (lay->crossings, <, lay->initial_crossings);
  assert_inside_plot (lay, &opt);
  assert_bands_stacked (lay);
}

static void
test_reading_order (void)
{
  g_autoptr(TestGraph) g = chain_graph (TRUE, TRUE);
  AtlasSankeyOptions opt;

  options_for (&opt, 900, 500);
  g_autoptr(AtlasSankeyLayout) lay = atlas_sankey_layout_new (test_graph_get (g), &opt, NULL);
  for (guint i = 1; i < lay->n_nodes; i++)
    {
      const AtlasSankeyNodeBox *a = &lay->nodes[lay->node_order[i - 1]], *b = &lay->nodes[lay->node_order[i]];
      g_assert_true (a->stage < b->stage || (a->stage == b->stage && a->box.y0 < b->box.y0));
    }
  for (guint i = 1; i < lay->n_links; i++)
    {
      const AtlasSankeyBand *a = &lay->bands[lay->link_order[i - 1]], *b = &lay->bands[lay->link_order[i]];
      const AtlasSankeyNodeBox *na = &lay->nodes[a->from], *nb = &lay->nodes[b->from];
      g_assert_true (na->stage < nb->stage || (na->stage == nb->stage && na->box.y0 <= nb->box.y0));
      if (a->from == b->from)
        g_assert_cmpfloat (a->source_y0, <=, b->source_y0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sankey-layout/chain-invariants", test_chain_invariants);
  g_test_add_func ("/sankey-layout/fixture-invariants", test_fixture_invariants);
  g_test_add_func ("/sankey-layout/skip-links-use-waypoints", test_skip_links_use_waypoints);
  g_test_add_func ("/sankey-layout/loops-for-return-flows", test_loops_for_return_flows);
  g_test_add_func ("/sankey-layout/obvious-untangling", test_obvious_untangling);
  g_test_add_func ("/sankey-layout/long-link-crossings-counted", test_long_link_crossings_counted);
  g_test_add_func ("/sankey-layout/random-graphs", test_random_graphs);
  g_test_add_func ("/sankey-layout/near-optimal-on-small-graphs", test_near_optimal_on_small_graphs);
  g_test_add_func ("/sankey-layout/ordering-record", test_ordering_record);
  g_test_add_func ("/sankey-layout/keep-order", test_keep_order);
  g_test_add_func ("/sankey-layout/node-offsets", test_node_offsets);
  g_test_add_func ("/sankey-layout/invalid-graphs", test_invalid_graphs);
  g_test_add_func ("/sankey-layout/degenerate-graphs", test_degenerate_graphs);
  g_test_add_func ("/sankey-layout/large-graph", test_large_graph);
  g_test_add_func ("/sankey-layout/reading-order", test_reading_order);

  return g_test_run ();
}
