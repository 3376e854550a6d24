/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-sankey-layout.c: orders, sizes and places the nodes and bands of a Sankey diagram (pure geometry). */
#include "atlas-sankey-layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (atlas-sankey-layout-error-quark, atlas_sankey_layout_error)

#define NO_NODE (-1)
#define DEFAULT_ORDER_ITERATIONS 12
#define DEFAULT_RELAX_ITERATIONS 8
#define TRANSPOSE_ROUNDS 8
#define STALE_ITERATIONS 3
#define SIFT_ROUNDS 3
#define POLISH_ROUNDS 1
/* Each perturbation costs about one more sifting of every column; four
 * try each kind once (down or up, barycentre or median).  More rarely
 * found anything better on the benchmark's graphs, and on large graphs
 * (columns whose squared lengths sum past the budget) the last two
 * rarely do: there two keep the layout fast. */
#define PERTURB_ROUNDS 4
#define PERTURB_ROUNDS_LARGE 2
#define PERTURB_LARGE_PAIRS 100000
/* Sifting costs len^2 per column: longer columns rely on sweeps and swaps. */
#define SIFT_MAX_COLUMN 1500

/* A column entry: a real node, or a virtual node that carries one long link
 * across an intermediate column so that ordering and stacking treat it like
 * any other box and the band passes between real nodes. */
typedef struct {
  int    node;          /* real node index, or NO_NODE */
  guint  link;          /* a virtual node's link */
  guint  column;
  double value;
  double y0, y1;
} Item;

/* One hop of a forward link, between items of adjacent columns. */
typedef struct {
  guint  left, right;
  guint  link;
  double value;
  double left_offset;   /* band top below the left item's top */
  double right_offset;  /* band top below the right item's top */
} Segment;

typedef struct {
  guint  pos;           /* the neighbour's position in its column */
  double weight;
} Neighbour;

typedef struct {
  guint  other;         /* the item at the other end */
  double weight;
} Edge;

typedef struct {
  double key;
  guint  tie;
  guint  id;
} Keyed;

typedef struct {
  const AtlasSankeyGraph *graph;
  AtlasSankeyOptions      opt;
  guint                   n_columns;

  Item    *items;
  guint    n_items;
  Segment *segments;
  guint    n_segments;
  guint   *link_first_item;     /* forward links: their first virtual item */
  guint   *link_first_segment;  /* forward links: their first segment */

  /* Adjacency (compressed rows): segments ending at / starting from an item,
   * and beside each the item at the segment's other end and its weight, kept
   * together because ordering reads them in its inner loops. */
  guint   *left_start, *left_segs;
  guint   *right_start, *right_segs;
  Edge    *left_edges, *right_edges;
  guint   *pos;                 /* each item's index in its column, top = 0 */

  guint  **columns;             /* item ids, top to bottom */
  guint   *column_len;
  guint   *column_seg_start;    /* segments between column c and c + 1 */
  guint   *column_segs;

  double  *inflow, *outflow;    /* per real node, all links */
  guint   *loops;               /* return links, innermost first */
  guint    n_loops;

  double   padding, min_height;
  double   scale;
  double   node_width;
  double   columns_top, columns_bottom;
  double   loop_top, loop_margin, lane_gap, loop_round;
  double  *stage_x, *loop_left, *loop_right;

  double   initial_crossings, crossings;
} Builder;

/* ---- validation ------------------------------------------------------- */

static gboolean
validate_graph (const AtlasSankeyGraph *graph, GError **error)
{
  for (guint i = 0; i < graph->n_nodes; i++)
    if (graph->node_stages[i] >= graph->n_stages)
      {
        g_set_error (error, ATLAS_SANKEY_LAYOUT_ERROR, ATLAS_SANKEY_LAYOUT_ERROR_INVALID,
                     "node %u: stage %u out of range (%u stages)",
                     i, graph->node_stages[i], graph->n_stages);
        return FALSE;
      }

  for (guint i = 0; i < graph->n_links; i++)
    {
      const AtlasSankeyLinkSpec *link = &graph->links[i];

      if (link->from >= graph->n_nodes || link->to >= graph->n_nodes)
        {
          g_set_error (error, ATLAS_SANKEY_LAYOUT_ERROR, ATLAS_SANKEY_LAYOUT_ERROR_INVALID,
                       "link %u: node index out of range (%u nodes)", i, graph->n_nodes);
          return FALSE;
        }
      if (link->from == link->to)
        {
          g_set_error (error, ATLAS_SANKEY_LAYOUT_ERROR, ATLAS_SANKEY_LAYOUT_ERROR_INVALID,
                       "link %u: links node %u to itself", i, link->from);
          return FALSE;
        }
      if (graph->node_stages[link->from] == graph->node_stages[link->to])
        {
          g_set_error (error, ATLAS_SANKEY_LAYOUT_ERROR, ATLAS_SANKEY_LAYOUT_ERROR_INVALID,
                       "link %u: both ends are in stage %u", i, graph->node_stages[link->from]);
          return FALSE;
        }
      if (!isfinite (link->value) || link->value < 0)
        {
          g_set_error (error, ATLAS_SANKEY_LAYOUT_ERROR, ATLAS_SANKEY_LAYOUT_ERROR_INVALID,
                       "link %u: value must be finite and >= 0", i);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- the graph as columns of items ------------------------------------- */

static guint
stage_of (const Builder *b, guint node)
{
  return b->graph->node_stages[node];
}

static gboolean
link_is_return (const Builder *b, guint link)
{
  const AtlasSankeyLinkSpec *spec = &b->graph->links[link];
  return stage_of (b, spec->to) < stage_of (b, spec->from);
}

static gboolean
item_is_real (const Item *item)
{
  return item->node != NO_NODE;
}

static void
build_items_and_segments (Builder *b)
{
  const AtlasSankeyGraph *g = b->graph;
  guint n_items = g->n_nodes, n_segments = 0;

  b->inflow = g_new0 (double, g->n_nodes);
  b->outflow = g_new0 (double, g->n_nodes);
  b->link_first_item = g_new0 (guint, g->n_links);
  b->link_first_segment = g_new0 (guint, g->n_links);
  b->loops = g_new0 (guint, g->n_links);

  for (guint l = 0; l < g->n_links; l++)
    {
      const AtlasSankeyLinkSpec *spec = &g->links[l];
      b->outflow[spec->from] += spec->value;
      b->inflow[spec->to] += spec->value;
      if (link_is_return (b, l))
        {
          b->loops[b->n_loops++] = l;
          continue;
        }
      guint span = stage_of (b, spec->to) - stage_of (b, spec->from);
      n_items += span - 1;
      n_segments += span;
    }

  b->items = g_new0 (Item, n_items);
  b->segments = g_new0 (Segment, n_segments);

  for (guint i = 0; i < g->n_nodes; i++)
    b->items[i] = (Item) { .node = (int) i, .column = stage_of (b, i),
                           .value = MAX (b->inflow[i], b->outflow[i]) };
  b->n_items = g->n_nodes;

  for (guint l = 0; l < g->n_links; l++)
    {
      const AtlasSankeyLinkSpec *spec = &g->links[l];
      if (link_is_return (b, l))
        continue;

      guint from_stage = stage_of (b, spec->from);
      guint span = stage_of (b, spec->to) - from_stage;

      b->link_first_item[l] = b->n_items;
      b->link_first_segment[l] = b->n_segments;
      for (guint k = 1; k < span; k++)
        b->items[b->n_items++] = (Item) { .node = NO_NODE, .link = l,
                                          .column = from_stage + k, .value = spec->value };
      for (guint k = 0; k < span; k++)
        {
          guint first = b->link_first_item[l];
          Segment *seg = &b->segments[b->n_segments++];
          seg->left = k == 0 ? spec->from : first + k - 1;
          seg->right = k == span - 1 ? spec->to : first + k;
          seg->link = l;
          seg->value = spec->value;
        }
    }
}

/* Compressed adjacency rows: start[i]..start[i+1] index into list. */
static void
build_rows (guint n_rows, guint n_entries, const guint *row_of_entry,
            guint **start_out, guint **list_out)
{
  guint *start = g_new0 (guint, n_rows + 1);
  guint *list = g_new0 (guint, MAX (n_entries, 1));
  g_autofree guint *fill = g_new0 (guint, n_rows);

  for (guint e = 0; e < n_entries; e++)
    start[row_of_entry[e] + 1]++;
  for (guint r = 0; r < n_rows; r++)
    start[r + 1] += start[r];
  for (guint e = 0; e < n_entries; e++)
    {
      guint r = row_of_entry[e];
      list[start[r] + fill[r]++] = e;
    }
  *start_out = start;
  *list_out = list;
}

static void
build_adjacency (Builder *b)
{
  g_autofree guint *rows = g_new0 (guint, MAX (b->n_segments, 1));

  for (guint s = 0; s < b->n_segments; s++)
    rows[s] = b->segments[s].right;
  build_rows (b->n_items, b->n_segments, rows, &b->left_start, &b->left_segs);

  for (guint s = 0; s < b->n_segments; s++)
    rows[s] = b->segments[s].left;
  build_rows (b->n_items, b->n_segments, rows, &b->right_start, &b->right_segs);

  b->left_edges = g_new (Edge, MAX (b->n_segments, 1));
  b->right_edges = g_new (Edge, MAX (b->n_segments, 1));
  for (guint k = 0; k < b->n_segments; k++)
    {
      const Segment *seg = &b->segments[b->left_segs[k]];
      b->left_edges[k] = (Edge) { seg->left, seg->value };
      seg = &b->segments[b->right_segs[k]];
      b->right_edges[k] = (Edge) { seg->right, seg->value };
    }

  for (guint s = 0; s < b->n_segments; s++)
    rows[s] = b->items[b->segments[s].left].column;
  build_rows (b->n_columns, b->n_segments, rows, &b->column_seg_start, &b->column_segs);
}

static int
compare_keyed (const void *pa, const void *pb)
{
  const Keyed *a = pa, *b = pb;
  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return a->tie < b->tie ? -1 : a->tie > b->tie;
}

static void
insertion_sort_keyed (Keyed *keyed, guint n)
{
  for (guint i = 1; i < n; i++)
    {
      Keyed k = keyed[i];
      guint j = i;
      while (j > 0 && compare_keyed (&keyed[j - 1], &k) > 0)
        {
          keyed[j] = keyed[j - 1];
          j--;
        }
      keyed[j] = k;
    }
}

static void
merge_sort_keyed (Keyed *keyed, Keyed *scratch, guint n)
{
  guint half = n / 2, i = 0, j = half, k = 0;

  if (n <= 24)
    {
      insertion_sort_keyed (keyed, n);
      return;
    }
  merge_sort_keyed (keyed, scratch, half);
  merge_sort_keyed (keyed + half, scratch, n - half);
  while (i < half && j < n)
    scratch[k++] = compare_keyed (&keyed[j], &keyed[i]) < 0 ? keyed[j++] : keyed[i++];
  while (i < half)
    scratch[k++] = keyed[i++];
  memcpy (keyed, scratch, sizeof (Keyed) * k);
}

/* Sorting runs in the inner loops of ordering and stacking: most rows are
 * a handful of entries (insertion sort), columns can be thousands (a merge
 * sort whose comparisons inline, unlike qsort's). */
static void
sort_keyed (Keyed *keyed, guint n)
{
  if (n <= 24)
    {
      insertion_sort_keyed (keyed, n);
      return;
    }
  g_autofree Keyed *scratch = g_new (Keyed, n);
  merge_sort_keyed (keyed, scratch, n);
}

static void
set_column_from_keyed (Builder *b, guint c, const Keyed *keyed)
{
  for (guint i = 0; i < b->column_len[c]; i++)
    {
      b->columns[c][i] = keyed[i].id;
      b->pos[keyed[i].id] = i;
    }
}

/* The dataset's order: real nodes in file order; a virtual node sits where
 * a straight line from its link's source to its target would cross the
 * column, in relative terms. */
static void
build_initial_order (Builder *b)
{
  const AtlasSankeyGraph *g = b->graph;
  g_autofree guint *n_real = g_new0 (guint, b->n_columns);
  g_autofree double *fraction = g_new0 (double, g->n_nodes);
  g_autofree guint *fill = g_new0 (guint, b->n_columns);

  b->pos = g_new0 (guint, MAX (b->n_items, 1));
  b->columns = g_new0 (guint *, b->n_columns);
  b->column_len = g_new0 (guint, b->n_columns);
  for (guint i = 0; i < b->n_items; i++)
    b->column_len[b->items[i].column]++;
  for (guint c = 0; c < b->n_columns; c++)
    b->columns[c] = g_new0 (guint, MAX (b->column_len[c], 1));

  for (guint i = 0; i < g->n_nodes; i++)
    fraction[i] = n_real[stage_of (b, i)]++;
  for (guint i = 0; i < g->n_nodes; i++)
    fraction[i] = (fraction[i] + 1) / (n_real[stage_of (b, i)] + 1);

  g_autofree Keyed *keyed = g_new0 (Keyed, MAX (b->n_items, 1));
  g_autofree guint *start = g_new0 (guint, b->n_columns + 1);
  for (guint c = 0; c < b->n_columns; c++)
    start[c + 1] = start[c] + b->column_len[c];

  for (guint i = 0; i < b->n_items; i++)
    {
      const Item *item = &b->items[i];
      double key;

      if (item_is_real (item))
        key = fraction[item->node];
      else
        {
          const AtlasSankeyLinkSpec *spec = &g->links[item->link];
          double from_col = stage_of (b, spec->from), to_col = stage_of (b, spec->to);
          double t = (item->column - from_col) / (to_col - from_col);
          key = fraction[spec->from] + (fraction[spec->to] - fraction[spec->from]) * t;
        }
      keyed[start[item->column] + fill[item->column]++] = (Keyed) { key, i, i };
    }

  for (guint c = 0; c < b->n_columns; c++)
    {
      sort_keyed (keyed + start[c], b->column_len[c]);
      set_column_from_keyed (b, c, keyed + start[c]);
    }
}

/* ---- weighted crossings ------------------------------------------------ */

static guint
neighbours_of (const Builder *b, guint item, gboolean left, Neighbour *out)
{
  const guint *start = left ? b->left_start : b->right_start;
  const Edge *edges = left ? b->left_edges : b->right_edges;
  guint n = 0;

  for (guint k = start[item]; k < start[item + 1]; k++)
    out[n++] = (Neighbour) { b->pos[edges[k].other], edges[k].weight };
  return n;
}

/* Two hops between the same columns cross when their ends are in opposite
 * orders.  Walking the left column top-down with a Fenwick tree over right
 * positions sums, for each hop, the weight of the hops from higher items
 * that end lower: O(E log V).  An item's own hops are queried before any
 * of them is inserted, since hops sharing an end never cross. */
static double
count_crossings_between (const Builder *b, guint c, Neighbour *row, double *tree)
{
  guint size = b->column_len[c + 1];
  double total = 0, crossings = 0;

  if (b->column_seg_start[c + 1] - b->column_seg_start[c] < 2)
    return 0;
  memset (tree, 0, sizeof (double) * (size + 1));

  for (guint i = 0; i < b->column_len[c]; i++)
    {
      guint n = neighbours_of (b, b->columns[c][i], FALSE, row);

      for (guint h = 0; h < n; h++)
        {
          double at_or_above = 0;
          for (guint k = row[h].pos + 1; k > 0; k -= k & -k)
            at_or_above += tree[k];
          crossings += row[h].weight * MAX (total - at_or_above, 0);
        }
      for (guint h = 0; h < n; h++)
        {
          for (guint k = row[h].pos + 1; k <= size; k += k & -k)
            tree[k] += row[h].weight;
          total += row[h].weight;
        }
    }
  return crossings;
}

static double
count_all_crossings (const Builder *b)
{
  guint max_len = 1;
  for (guint c = 0; c < b->n_columns; c++)
    max_len = MAX (max_len, b->column_len[c]);
  g_autofree Neighbour *row = g_new (Neighbour, MAX (b->n_segments, 1));
  g_autofree double *tree = g_new (double, max_len + 1);
  double total = 0;

  for (guint c = 0; c + 1 < b->n_columns; c++)
    total += count_crossings_between (b, c, row, tree);
  return total;
}

/* ---- crossing minimisation -------------------------------------------- */

static int
compare_neighbour_pos (const void *pa, const void *pb)
{
  const Neighbour *a = pa, *b = pb;
  return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static void
sort_neighbours (Neighbour *nb, guint n)
{
  if (n > 24)
    {
      qsort (nb, n, sizeof (Neighbour), compare_neighbour_pos);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      Neighbour k = nb[i];
      guint j = i;
      while (j > 0 && nb[j - 1].pos > k.pos)
        {
          nb[j] = nb[j - 1];
          j--;
        }
      nb[j] = k;
    }
}

/* Where an item would like to be, as a fraction of the neighbouring
 * column: the weighted barycentre or weighted median of its neighbours.
 * Zero-valued links still pull a little so they do not float at random. */
static gboolean
neighbour_key (Neighbour *nb, guint n, guint other_len, gboolean median, double *key)
{
  double total = 0;

  if (n == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      nb[i].weight = MAX (nb[i].weight, 1e-9);
      total += nb[i].weight;
    }

  if (!median)
    {
      double sum = 0;
      for (guint i = 0; i < n; i++)
        sum += nb[i].weight * (nb[i].pos + 0.5);
      *key = sum / total / other_len;
      return TRUE;
    }

  sort_neighbours (nb, n);
  double acc = 0;
  for (guint i = 0; i < n; i++)
    {
      acc += nb[i].weight;
      if (acc >= total / 2)
        {
          double pos = nb[i].pos + 0.5;
          /* Exactly half the weight above: the median lies between two. */
          if (fabs (acc - total / 2) < 1e-12 * total && i + 1 < n)
            pos = (pos + nb[i + 1].pos + 0.5) / 2;
          *key = pos / other_len;
          return TRUE;
        }
    }
  *key = (nb[n - 1].pos + 0.5) / other_len;
  return TRUE;
}

static void
order_column_by_neighbours (Builder *b, guint c, gboolean left, gboolean median,
                            Keyed *keyed, Neighbour *nb)
{
  guint len = b->column_len[c];
  guint other = left ? c - 1 : c + 1;

  for (guint i = 0; i < len; i++)
    {
      guint item = b->columns[c][i];
      guint n = neighbours_of (b, item, left, nb);
      double key;

      if (!neighbour_key (nb, n, MAX (b->column_len[other], 1), median, &key))
        key = (i + 0.5) / len;
      keyed[i] = (Keyed) { key, i, item };
    }
  sort_keyed (keyed, len);
  set_column_from_keyed (b, c, keyed);
}

/* Weighted crossings between the hops of u and v on one side, with u above
 * v (@above) and with v above u (@below): one merge of the sorted lists
 * finds both, since every pair either crosses one way, the other, or
 * shares its end. */
static void
pair_crossings (const Neighbour *nu, guint lu, const Neighbour *nv, guint lv,
                double *above, double *below)
{
  double lower = 0, lower_or_same = 0, total_v = 0;
  guint j = 0, k = 0;

  for (guint i = 0; i < lv; i++)
    total_v += nv[i].weight;
  for (guint i = 0; i < lu; i++)
    {
      while (j < lv && nv[j].pos < nu[i].pos)
        lower += nv[j++].weight;
      if (k < j)
        {
          k = j;
          lower_or_same = lower;
        }
      while (k < lv && nv[k].pos <= nu[i].pos)
        lower_or_same += nv[k++].weight;
      *above += nu[i].weight * lower;
      *below += nu[i].weight * (total_v - lower_or_same);
    }
}

static double
side_total (const Neighbour *hops, guint n)
{
  double total = 0;

  for (guint i = 0; i < n; i++)
    total += hops[i].weight;
  return total;
}

typedef struct {
  Neighbour *lists;     /* per slot: left neighbours then right neighbours */
  guint     *left_at, *left_n, *right_at, *right_n;
  guint     *slot;      /* slot of the item at each position */
} TransposeScratch;

static void
collect_sorted_neighbours (Builder *b, guint c, TransposeScratch *ts)
{
  guint at = 0;

  for (guint i = 0; i < b->column_len[c]; i++)
    {
      guint item = b->columns[c][i];

      ts->slot[i] = i;
      ts->left_at[i] = at;
      ts->left_n[i] = c > 0 ? neighbours_of (b, item, TRUE, ts->lists + at) : 0;
      sort_neighbours (ts->lists + at, ts->left_n[i]);
      at += ts->left_n[i];
      ts->right_at[i] = at;
      ts->right_n[i] = c + 1 < b->n_columns ? neighbours_of (b, item, FALSE, ts->lists + at) : 0;
      sort_neighbours (ts->lists + at, ts->right_n[i]);
      at += ts->right_n[i];
    }
}

static void
slots_crossings (const TransposeScratch *ts, guint su, guint sv, double *keep, double *swap)
{
  *keep = *swap = 0;
  pair_crossings (ts->lists + ts->left_at[su], ts->left_n[su],
                  ts->lists + ts->left_at[sv], ts->left_n[sv], keep, swap);
  pair_crossings (ts->lists + ts->right_at[su], ts->right_n[su],
                  ts->lists + ts->right_at[sv], ts->right_n[sv], keep, swap);
}

/* Swaps neighbours of column c while a swap removes weighted crossings with
 * the columns on both sides (the transpose heuristic).  Only hops of the
 * two swapped items change, so each test costs their degrees. */
static gboolean
transpose_column (Builder *b, guint c, guint passes, TransposeScratch *ts)
{
  guint len = b->column_len[c];
  gboolean any = FALSE;
  g_autofree guint *initial = NULL;

  if (len < 2)
    return FALSE;
  collect_sorted_neighbours (b, c, ts);
  initial = g_memdup2 (b->columns[c], sizeof (guint) * len);

  for (guint pass = 0; pass < passes; pass++)
    {
      gboolean swapped = FALSE;
      for (guint i = 0; i + 1 < len; i++)
        {
          guint su = ts->slot[i], sv = ts->slot[i + 1];
          double keep, swap;

          slots_crossings (ts, su, sv, &keep, &swap);

          if (swap < keep - 1e-9 * MAX (keep, 1))
            {
              ts->slot[i] = sv;
              ts->slot[i + 1] = su;
              swapped = TRUE;
            }
        }
      if (!swapped)
        break;
      any = TRUE;
    }

  for (guint i = 0; i < len; i++)
    {
      guint item = initial[ts->slot[i]];
      b->columns[c][i] = item;
      b->pos[item] = i;
    }
  return any;
}

/* Repeats the swaps over all columns until none helps (or @rounds times,
 * each column up to @rounds passes); a column whose
 * neighbourhood did not change since its last fruitless pass is skipped. */
static void
transpose_all (Builder *b, guint rounds, TransposeScratch *ts)
{
  g_autofree gboolean *changed = g_new (gboolean, b->n_columns);
  g_autofree gboolean *changed_now = g_new0 (gboolean, b->n_columns);

  for (guint c = 0; c < b->n_columns; c++)
    changed[c] = TRUE;

  for (guint round = 0; round < rounds; round++)
    {
      gboolean any = FALSE;
      for (guint c = 0; c < b->n_columns; c++)
        {
          gboolean stale = !changed[c]
                           && (c == 0 || (!changed[c - 1] && !changed_now[c - 1]))
                           && (c + 1 == b->n_columns || !changed[c + 1]);
          changed_now[c] = !stale && transpose_column (b, c, rounds, ts);
          any |= changed_now[c];
        }
      if (!any)
        break;
      memcpy (changed, changed_now, sizeof (gboolean) * b->n_columns);
    }
}

static void
save_order (const Builder *b, guint *pos)
{
  for (guint i = 0; i < b->n_items; i++)
    pos[i] = b->pos[i];
}

static void
restore_order (Builder *b, const guint *pos)
{
  for (guint i = 0; i < b->n_items; i++)
    {
      b->pos[i] = pos[i];
      b->columns[b->items[i].column][pos[i]] = i;
    }
}

static gboolean
keep_if_better (Builder *b, double *best, guint *best_pos)
{
  double now = count_all_crossings (b);

  /* Ignore improvements lost in rounding: they only cost iterations. */
  if (now < *best * (1 - 1e-9))
    {
      *best = now;
      save_order (b, best_pos);
      return TRUE;
    }
  return FALSE;
}

/* ---- sifting -------------------------------------------------------------- */

/* Sifting moves one item at a time to the best place in its column.  The
 * crossings between two items' hops depend only on the neighbouring
 * columns, so one matrix per column prices every position of every item
 * in O(len) each.  Only the difference between the two orders of a pair
 * matters for choosing a place, so the matrix holds just that:
 * lean[u * len + v] is the weighted crossings of u's and v's hops with u
 * above v minus those with v above u (antisymmetric; u and v index the
 * column as it was when the matrix was made).  Sifting u reads row u
 * only, front to back. */
typedef struct {
  double *lean;         /* len x len, the column being sifted */
  double *side_lean;    /* per position of a neighbouring column */
  /* Per item of the column, on one side: its hops' weight, and where the
   * first and last of them end (kept apart so the pair loop reads them
   * in a row). */
  double *totals;
  guint  *first, *last;
} SiftScratch;

/* Adds one side's pair differences.  For a hop of v ending at q, u above v
 * costs u's weight ending below q and v above u costs u's weight ending
 * above q: one table per u, side_lean[q] = below - above, makes each pair
 * cost v's degree.  When u's hops all end above v's (or all below), the
 * sum is known without reading them; with mostly short links that is
 * most pairs. */
/* side_lean[q] for @u: its hops' weight ending below position q minus
 * that ending above q. */
static void
fill_side_lean (const Neighbour *hu, guint n, double total, guint other_len, double *side_lean)
{
  double above = 0;
  guint h = 0;

  for (guint q = 0; q < other_len; q++)
    {
      double at_q = 0;

      while (h < n && hu[h].pos == q)
        at_q += hu[h++].weight;
      side_lean[q] = (total - above - at_q) - above;
      above += at_q;
    }
}

static void
add_side_to_lean_matrix (const Neighbour *lists, const guint *at, const guint *n,
                         guint len, guint other_len, SiftScratch *ss)
{
  double *side_lean = ss->side_lean, *lean = ss->lean, *totals = ss->totals;
  guint *first = ss->first, *last = ss->last;

  for (guint u = 0; u < len; u++)
    {
      totals[u] = side_total (lists + at[u], n[u]);
      /* No hops: an empty span that overlaps nothing and adds zero. */
      first[u] = n[u] > 0 ? lists[at[u]].pos : G_MAXUINT;
      last[u] = n[u] > 0 ? lists[at[u] + n[u] - 1].pos : 0;
    }

  for (guint u = 0; u < len; u++)
    {
      double *row = lean + (gsize) u * len;

      if (n[u] == 0)
        continue;
      fill_side_lean (lists + at[u], n[u], totals[u], other_len, side_lean);
      for (guint v = u + 1; v < len; v++)
        {
          double d = 0;

          if (last[u] < first[v])
            d = -totals[u] * totals[v];
          else if (first[u] > last[v])
            d = totals[u] * totals[v];
          else
            for (guint k = at[v]; k < at[v] + n[v]; k++)
              d += lists[k].weight * side_lean[lists[k].pos];
          row[v] += d;
          lean[(gsize) v * len + u] -= d;
        }
    }
}

static void
fill_lean_matrix (Builder *b, guint c, TransposeScratch *ts, SiftScratch *ss)
{
  guint len = b->column_len[c];

  collect_sorted_neighbours (b, c, ts);
  memset (ss->lean, 0, sizeof (double) * len * len);
  if (c > 0)
    add_side_to_lean_matrix (ts->lists, ts->left_at, ts->left_n, len, b->column_len[c - 1], ss);
  if (c + 1 < b->n_columns)
    add_side_to_lean_matrix (ts->lists, ts->right_at, ts->right_n, len, b->column_len[c + 1], ss);
}

/* Takes @u out of @order (len - 1 others remain) and puts it back where it
 * crosses least, staying put unless a place is strictly better.  Costs are
 * relative to u at the top: each step down puts u below one more item. */
static gboolean
sift_one (const double *lean, guint len, guint *order, guint u)
{
  const double *row = lean + (gsize) u * len;
  guint from = 0, best_at = 0;
  double cost = 0, best = 0, here = 0, scale = 0;

  while (order[from] != u)
    from++;
  memmove (order + from, order + from + 1, sizeof (guint) * (len - 1 - from));

  for (guint k = 0; k + 1 < len; k++)
    {
      cost -= row[order[k]];
      scale += fabs (row[order[k]]);
      if (k + 1 == from)
        here = cost;
      if (cost < best)
        {
          best = cost;
          best_at = k + 1;
        }
    }
  /* Ignore gains lost in rounding: they would only move items back and forth. */
  if (!(best < here - 1e-12 * MAX (scale, 1)))
    best_at = from;
  memmove (order + best_at + 1, order + best_at, sizeof (guint) * (len - 1 - best_at));
  order[best_at] = u;
  return best_at != from;
}

static int
compare_keyed_descending (const void *pa, const void *pb)
{
  return compare_keyed (pb, pa);
}

/* Sifts every item of column c once, heaviest first (heavy items decide
 * most crossings, so they choose their place before the light ones). */
static gboolean
sift_column (Builder *b, guint c, TransposeScratch *ts, SiftScratch *ss, Keyed *keyed)
{
  guint len = b->column_len[c];
  gboolean moved = FALSE;
  g_autofree guint *initial = NULL;
  g_autofree guint *order = NULL;

  if (len < 3 || len > SIFT_MAX_COLUMN)
    return FALSE;
  initial = g_memdup2 (b->columns[c], sizeof (guint) * len);
  order = g_new (guint, len);
  fill_lean_matrix (b, c, ts, ss);

  for (guint i = 0; i < len; i++)
    {
      order[i] = i;
      keyed[i] = (Keyed) { b->items[initial[i]].value, len - i, i };
    }
  qsort (keyed, len, sizeof (Keyed), compare_keyed_descending);
  for (guint i = 0; i < len; i++)
    moved |= sift_one (ss->lean, len, order, keyed[i].id);

  for (guint i = 0; i < len; i++)
    {
      guint item = initial[order[i]];
      b->columns[c][i] = item;
      b->pos[item] = i;
    }
  return moved;
}

/* Sifts the columns left to right, repeatedly while something moves.  No
 * move adds crossings, so this only ever improves an order.  A column is
 * sifted again only once a neighbouring column moved: until then its best
 * places stay the same. */
static void
sift_all (Builder *b, TransposeScratch *ts, SiftScratch *ss, Keyed *keyed)
{
  g_autofree gboolean *dirty = g_new (gboolean, b->n_columns);

  for (guint c = 0; c < b->n_columns; c++)
    dirty[c] = TRUE;
  for (guint round = 0; round < SIFT_ROUNDS; round++)
    {
      gboolean moved = FALSE;
      for (guint c = 0; c < b->n_columns; c++)
        {
          if (!dirty[c])
            continue;
          dirty[c] = FALSE;
          if (!sift_column (b, c, ts, ss, keyed))
            continue;
          moved = TRUE;
          if (c > 0)
            dirty[c - 1] = TRUE;
          if (c + 1 < b->n_columns)
            dirty[c + 1] = TRUE;
        }
      if (!moved)
        break;
    }
}

/* ---- starting orders --------------------------------------------------- */

static void
reverse_columns (Builder *b)
{
  for (guint c = 0; c < b->n_columns; c++)
    {
      guint len = b->column_len[c];
      for (guint i = 0; i < len; i++)
        {
          guint item = b->columns[c][len - 1 - i];
          b->pos[item] = i;
        }
    }
  for (guint i = 0; i < b->n_items; i++)
    b->columns[b->items[i].column][b->pos[i]] = i;
}

/* Orders each column by when a breadth-first walk of the graph (both
 * directions, starting from the first column's items top-down) reaches
 * its items: connected items end up at similar heights, whatever order
 * the dataset lists them in. */
static void
order_breadth_first (Builder *b)
{
  g_autofree guint *queue = g_new (guint, MAX (b->n_items, 1));
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (b->n_items, 1));
  g_autofree guint *fill = g_new0 (guint, b->n_columns);
  guint head = 0, tail = 0;

  for (guint c = 0; c < b->n_columns; c++)
    for (guint i = 0; i < b->column_len[c]; i++)
      {
        guint root = b->columns[c][i];
        if (seen[root])
          continue;
        seen[root] = TRUE;
        queue[tail++] = root;
        while (head < tail)
          {
            guint item = queue[head++];
            for (guint k = b->left_start[item]; k < b->left_start[item + 1]; k++)
              if (!seen[b->left_edges[k].other])
                {
                  seen[b->left_edges[k].other] = TRUE;
                  queue[tail++] = b->left_edges[k].other;
                }
            for (guint k = b->right_start[item]; k < b->right_start[item + 1]; k++)
              if (!seen[b->right_edges[k].other])
                {
                  seen[b->right_edges[k].other] = TRUE;
                  queue[tail++] = b->right_edges[k].other;
                }
          }
      }
  for (guint q = 0; q < tail; q++)
    {
      guint item = queue[q], c = b->items[item].column;
      b->pos[item] = fill[c];
      b->columns[c][fill[c]++] = item;
    }
}

/* ---- the search ------------------------------------------------------------ */

/* Sweeps down and up the columns ordering each by the weighted barycentre
 * (even iterations) or median (odd ones) of its neighbours, then improves
 * by adjacent swaps; keeps the best order seen (in @best / @best_pos) and
 * stops once a few iterations in a row found nothing better. */
static void
sweep_from_current_order (Builder *b, double *best, guint *best_pos,
                          Keyed *keyed, Neighbour *nb, TransposeScratch *ts)
{
  guint stale = 0;

  for (guint it = 0; it < b->opt.order_iterations && *best > 0 && stale < STALE_ITERATIONS; it++)
    {
      gboolean median = it % 2 == 1, improved = FALSE;

      for (guint c = 1; c < b->n_columns; c++)
        order_column_by_neighbours (b, c, TRUE, median, keyed, nb);
      transpose_all (b, 1, ts);
      improved |= keep_if_better (b, best, best_pos);

      for (guint c = b->n_columns; c-- > 1;)
        order_column_by_neighbours (b, c - 1, FALSE, median, keyed, nb);
      transpose_all (b, 1, ts);
      improved |= keep_if_better (b, best, best_pos);

      stale = improved ? 0 : stale + 1;
    }
}

/* Sweeps only polish lightly (one pass of swaps each, which keeps them
 * cheap); an order worth it then gets sifting and swaps until they stop
 * helping. */
static void
polish (Builder *b, double *best, guint *best_pos, Keyed *keyed,
        TransposeScratch *ts, SiftScratch *ss)
{
  if (*best <= 0)
    return;
  for (guint round = 0; round < POLISH_ROUNDS; round++)
    {
      sift_all (b, ts, ss, keyed);
      transpose_all (b, TRANSPOSE_ROUNDS, ts);
      if (!keep_if_better (b, best, best_pos))
        break;
    }
}

typedef enum {
  START_DATASET,
  START_REVERSED,
  START_BREADTH_FIRST,
  N_STARTS
} Start;

/* The orders tried and the scratch space every step of the search shares. */
typedef struct {
  double            best;
  guint            *best_pos;
  guint            *trial_pos;
  guint            *dataset_pos;
  Keyed            *keyed;
  Neighbour        *nb;
  TransposeScratch  ts;
  SiftScratch       ss;
} Search;

static void
search_init (Search *s, Builder *b)
{
  guint n_items = MAX (b->n_items, 1), max_len = 1, max_sifted = 1;

  for (guint c = 0; c < b->n_columns; c++)
    {
      max_len = MAX (max_len, b->column_len[c]);
      if (b->column_len[c] <= SIFT_MAX_COLUMN)
        max_sifted = MAX (max_sifted, b->column_len[c]);
    }
  s->best = b->initial_crossings;
  s->best_pos = g_new (guint, n_items);
  s->trial_pos = g_new (guint, n_items);
  s->dataset_pos = g_new (guint, n_items);
  s->keyed = g_new (Keyed, n_items);
  s->nb = g_new (Neighbour, MAX (b->n_segments, 1));
  s->ts = (TransposeScratch) {
    .lists = g_new (Neighbour, MAX (2 * b->n_segments, 1)),
    .left_at = g_new (guint, n_items),
    .left_n = g_new (guint, n_items),
    .right_at = g_new (guint, n_items),
    .right_n = g_new (guint, n_items),
    .slot = g_new (guint, n_items),
  };
  s->ss = (SiftScratch) {
    .lean = g_new (double, (gsize) max_sifted * max_sifted),
    .side_lean = g_new (double, max_len + 1),
    .totals = g_new (double, max_sifted),
    .first = g_new (guint, max_sifted),
    .last = g_new (guint, max_sifted),
  };
  save_order (b, s->best_pos);
  save_order (b, s->dataset_pos);
}

static void
search_clear (Search *s)
{
  g_free (s->best_pos);
  g_free (s->trial_pos);
  g_free (s->dataset_pos);
  g_free (s->keyed);
  g_free (s->nb);
  g_free (s->ts.lists);
  g_free (s->ts.left_at);
  g_free (s->ts.left_n);
  g_free (s->ts.right_at);
  g_free (s->ts.right_n);
  g_free (s->ts.slot);
  g_free (s->ss.lean);
  g_free (s->ss.side_lean);
  g_free (s->ss.totals);
  g_free (s->ss.first);
  g_free (s->ss.last);
}

/* Keeps the trial order if it beats the best so far. */
static void
search_offer (Search *s, Builder *b, double trial)
{
  if (trial < s->best)
    {
      s->best = trial;
      memcpy (s->best_pos, s->trial_pos, sizeof (guint) * b->n_items);
    }
}

/* Sweeps settle in a local optimum that depends on where they start: each
 * start is swept (cheap), and the best of them goes on to sifting. */
static void
search_starts (Search *s, Builder *b)
{
  for (Start start = 0; start < N_STARTS && s->best > 0; start++)
    {
      double trial;

      restore_order (b, s->dataset_pos);
      if (start == START_REVERSED)
        reverse_columns (b);
      else if (start == START_BREADTH_FIRST)
        order_breadth_first (b);
      trial = count_all_crossings (b);
      save_order (b, s->trial_pos);
      sweep_from_current_order (b, &trial, s->trial_pos, s->keyed, s->nb, &s->ts);
      search_offer (s, b, trial);
    }
}

/* Sifting ends in a local optimum of single moves.  One sweep from there
 * (down or up, barycentre or median) moves many items at once, and sifting
 * from the result often lands in a better optimum. */
static void
search_perturbed (Search *s, Builder *b, guint round)
{
  double trial = G_MAXDOUBLE;
  gboolean median = round % 2 == 1;

  restore_order (b, s->best_pos);
  if (round % 4 < 2)
    for (guint c = 1; c < b->n_columns; c++)
      order_column_by_neighbours (b, c, TRUE, median, s->keyed, s->nb);
  else
    for (guint c = b->n_columns; c-- > 1;)
      order_column_by_neighbours (b, c - 1, FALSE, median, s->keyed, s->nb);
  transpose_all (b, 1, &s->ts);
  save_order (b, s->trial_pos);
  polish (b, &trial, s->trial_pos, s->keyed, &s->ts, &s->ss);
  search_offer (s, b, trial);
}

static guint
perturb_rounds (const Builder *b)
{
  guint64 pairs = 0;

  for (guint c = 0; c < b->n_columns; c++)
    if (b->column_len[c] <= SIFT_MAX_COLUMN)
      pairs += (guint64) b->column_len[c] * b->column_len[c];
  return pairs > PERTURB_LARGE_PAIRS ? PERTURB_ROUNDS_LARGE : PERTURB_ROUNDS;
}

/* The best order found is kept (the dataset's order included, so the
 * result is never worse than it). */
static void
minimise_crossings (Builder *b)
{
  Search s;
  guint rounds = perturb_rounds (b);

  search_init (&s, b);
  search_starts (&s, b);
  if (s.best > 0)
    {
      restore_order (b, s.best_pos);
      polish (b, &s.best, s.best_pos, s.keyed, &s.ts, &s.ss);
    }
  for (guint round = 0; round < rounds && s.best > 0; round++)
    search_perturbed (&s, b, round);
  restore_order (b, s.best_pos);
  b->crossings = s.best;
  search_clear (&s);
}

/* ---- vertical scale ------------------------------------------------------ */

/* Real nodes keep the full padding apart; a band passing between them needs
 * less room, and bands passing side by side less still. */
static double
gap_between (const Builder *b, const Item *above, const Item *below)
{
  gboolean real_above = item_is_real (above), real_below = item_is_real (below);

  if (real_above && real_below)
    return b->padding;
  if (real_above || real_below)
    return b->padding * 0.5;
  return b->padding * 0.2;
}

static double
item_height (const Builder *b, const Item *item)
{
  double h = item->value * b->scale;
  return item_is_real (item) ? MAX (h, b->min_height) : h;
}

/* Fixed vertical room a column needs besides its values. */
static double
column_fixed_room (const Builder *b, guint c)
{
  double room = 0;

  for (guint i = 0; i < b->column_len[c]; i++)
    {
      const Item *item = &b->items[b->columns[c][i]];
      if (item_is_real (item))
        room += b->min_height;
      if (i + 1 < b->column_len[c])
        room += gap_between (b, item, &b->items[b->columns[c][i + 1]]);
    }
  return room;
}

static double
loops_value (const Builder *b)
{
  double sum = 0;
  for (guint i = 0; i < b->n_loops; i++)
    sum += b->graph->links[b->loops[i]].value;
  return sum;
}

/* The scale that lets the fullest column, plus the loop lanes below all
 * columns, fit the plot's height.  Padding shrinks when gaps alone would
 * take most of the height (a thousand nodes in a small figure). */
static void
choose_scale (Builder *b)
{
  double loops = loops_value (b);
  double fixed_loop_room, available, max_room = 0, scale = G_MAXDOUBLE;
  g_autofree double *room = g_new0 (double, b->n_columns);
  g_autofree double *sum = g_new0 (double, b->n_columns);

  b->loop_round = CLAMP (b->padding / 2, 2, 8);
  b->loop_margin = b->n_loops > 0 ? 2 * b->loop_round + 2 : 0;
  b->lane_gap = MAX (1.5, b->padding * 0.25);
  fixed_loop_room = b->n_loops > 0 ? b->loop_margin + b->n_loops * b->lane_gap : 0;
  available = b->opt.height - fixed_loop_room;

  for (guint c = 0; c < b->n_columns; c++)
    {
      room[c] = column_fixed_room (b, c);
      max_room = MAX (max_room, room[c]);
      for (guint i = 0; i < b->column_len[c]; i++)
        sum[c] += b->items[b->columns[c][i]].value;
    }

  if (max_room > 0.6 * available && max_room > 0)
    {
      double shrink = MAX (0.6 * available, 0) / max_room;
      b->padding *= shrink;
      b->min_height *= shrink;
      for (guint c = 0; c < b->n_columns; c++)
        room[c] *= shrink;
    }

  for (guint c = 0; c < b->n_columns; c++)
    if (sum[c] + loops > 0)
      scale = MIN (scale, (available - room[c]) / (sum[c] + loops));
  b->scale = scale == G_MAXDOUBLE ? 0 : MAX (scale, 0);

  b->columns_top = b->opt.y;
  b->columns_bottom = b->opt.y + b->opt.height;
  if (b->n_loops > 0)
    b->columns_bottom -= fixed_loop_room + loops * b->scale;
  b->loop_top = b->columns_bottom + b->loop_margin;
}

/* ---- horizontal placement -------------------------------------------- */

static double
loop_width (const Builder *b, guint loop)
{
  return b->graph->links[b->loops[loop]].value * b->scale;
}

static double
loop_inset (const Builder *b)
{
  return b->loop_round + 1;
}

/* Room taken beside each column by the verticals of loops leaving it (on
 * its right) and entering it (on its left). */
static void
measure_loop_room (Builder *b)
{
  b->loop_left = g_new0 (double, b->n_columns);
  b->loop_right = g_new0 (double, b->n_columns);

  for (guint i = 0; i < b->n_loops; i++)
    {
      const AtlasSankeyLinkSpec *spec = &b->graph->links[b->loops[i]];
      guint out_col = stage_of (b, spec->from), in_col = stage_of (b, spec->to);

      if (b->loop_right[out_col] == 0)
        b->loop_right[out_col] = loop_inset (b);
      if (b->loop_left[in_col] == 0)
        b->loop_left[in_col] = loop_inset (b);
      b->loop_right[out_col] += loop_width (b, i) + b->lane_gap;
      b->loop_left[in_col] += loop_width (b, i) + b->lane_gap;
    }
}

static void
place_columns (Builder *b)
{
  guint n = b->n_columns;
  double gutter_left = MAX (b->opt.gutter_left, 0), gutter_right = MAX (b->opt.gutter_right, 0);
  double loops_room = b->loop_left[0] + b->loop_right[n - 1];
  double left, right, step;

  /* Gutters never squeeze the columns out of the plot. */
  if (gutter_left + gutter_right + loops_room > 0.8 * b->opt.width)
    {
      double fit = MAX (0.8 * b->opt.width - loops_room, 0) / MAX (gutter_left + gutter_right, 1e-9);
      gutter_left *= MIN (fit, 1);
      gutter_right *= MIN (fit, 1);
    }
  left = b->opt.x + gutter_left + b->loop_left[0];
  right = b->opt.x + b->opt.width - gutter_right - b->loop_right[n - 1];
  right = MAX (right, left);

  b->node_width = MAX (MIN (b->opt.node_width, (right - left) / MAX (2 * n - 1, 1)), 0.5);
  b->stage_x = g_new0 (double, n);
  step = n > 1 ? (right - left - b->node_width) / (n - 1) : 0;
  for (guint c = 0; c < n; c++)
    b->stage_x[c] = n > 1 ? left + c * step : (left + right - b->node_width) / 2;
}

/* ---- vertical placement ------------------------------------------------ */

static void
shift_item (Item *item, double dy)
{
  item->y0 += dy;
  item->y1 += dy;
}

/* Stacks a column top-down with its gaps and spreads the room left over
 * evenly above, between and below the items. */
static void
place_column_initially (Builder *b, guint c)
{
  guint len = b->column_len[c];
  double y = b->columns_top, spare;

  for (guint i = 0; i < len; i++)
    {
      Item *item = &b->items[b->columns[c][i]];
      item->y0 = y;
      item->y1 = y + item_height (b, item);
      if (i + 1 < len)
        y = item->y1 + gap_between (b, item, &b->items[b->columns[c][i + 1]]);
    }
  if (len == 0)
    return;

  spare = b->columns_bottom - b->items[b->columns[c][len - 1]].y1;
  if (spare > 0)
    for (guint i = 0; i < len; i++)
      shift_item (&b->items[b->columns[c][i]], spare * (i + 1) / (len + 1));
}

/* Pushes overlapping items apart without changing their order, then pulls
 * the column back inside its bounds from the bottom and the top. */
static void
resolve_collisions (Builder *b, guint c)
{
  guint len = b->column_len[c];
  double y;

  if (len == 0)
    return;

  y = b->columns_top;
  for (guint i = 0; i < len; i++)
    {
      Item *item = &b->items[b->columns[c][i]];
      if (item->y0 < y)
        shift_item (item, y - item->y0);
      if (i + 1 < len)
        y = item->y1 + gap_between (b, item, &b->items[b->columns[c][i + 1]]);
    }

  y = b->columns_bottom;
  for (guint i = len; i-- > 0;)
    {
      Item *item = &b->items[b->columns[c][i]];
      if (item->y1 > y)
        shift_item (item, y - item->y1);
      if (i > 0)
        y = item->y0 - gap_between (b, &b->items[b->columns[c][i - 1]], item);
    }

  /* Rounding can leave the top item a hair above the plot. */
  Item *top = &b->items[b->columns[c][0]];
  if (top->y0 < b->columns_top)
    shift_item (top, b->columns_top - top->y0);
}

/* Stacks the hops at each side of every item, ordered by the other end's
 * height so that bands leaving or entering one box never cross each other. */
static void
stack_bands (Builder *b, Keyed *keyed)
{
  for (guint i = 0; i < b->n_items; i++)
    {
      for (int side = 0; side < 2; side++)
        {
          gboolean left = side == 0;
          const guint *start = left ? b->left_start : b->right_start;
          const guint *segs = left ? b->left_segs : b->right_segs;
          guint n = 0;
          double offset = 0;

          for (guint k = start[i]; k < start[i + 1]; k++)
            {
              const Segment *seg = &b->segments[segs[k]];
              const Item *other = &b->items[left ? seg->left : seg->right];
              keyed[n++] = (Keyed) { (other->y0 + other->y1) / 2, seg->link, segs[k] };
            }
          sort_keyed (keyed, n);
          for (guint k = 0; k < n; k++)
            {
              Segment *seg = &b->segments[keyed[k].id];
              if (left)
                seg->right_offset = offset;
              else
                seg->left_offset = offset;
              offset += seg->value * b->scale;
            }
        }
    }
}

/* Moves each item of a column toward the height at which its bands from
 * the previous (or next) column would run level, weighted by value. */
static void
relax_column (Builder *b, guint c, gboolean from_left, double alpha)
{
  for (guint i = 0; i < b->column_len[c]; i++)
    {
      guint id = b->columns[c][i];
      Item *item = &b->items[id];
      const guint *start = from_left ? b->left_start : b->right_start;
      const guint *segs = from_left ? b->left_segs : b->right_segs;
      double sum = 0, weight = 0;

      for (guint k = start[id]; k < start[id + 1]; k++)
        {
          const Segment *seg = &b->segments[segs[k]];
          const Item *other = &b->items[from_left ? seg->left : seg->right];
          double level = from_left ? other->y0 + seg->left_offset - seg->right_offset
                                   : other->y0 + seg->right_offset - seg->left_offset;
          sum += level * seg->value;
          weight += seg->value;
        }
      if (weight > 0)
        shift_item (item, (sum / weight - item->y0) * alpha);
    }
  resolve_collisions (b, c);
}

static void
relax (Builder *b, Keyed *keyed)
{
  guint iterations = b->opt.relax_iterations;

  stack_bands (b, keyed);
  for (guint it = 0; it < iterations; it++)
    {
      double alpha = 1.0 - 0.5 * it / iterations;

      for (guint c = b->n_columns; c-- > 1;)
        relax_column (b, c - 1, FALSE, alpha);
      stack_bands (b, keyed);
      for (guint c = 1; c < b->n_columns; c++)
        relax_column (b, c, TRUE, alpha);
      stack_bands (b, keyed);
    }
}

static void
apply_node_offsets (Builder *b, Keyed *keyed)
{
  if (b->opt.node_offsets == NULL)
    return;
  for (guint i = 0; i < b->graph->n_nodes; i++)
    if (isfinite (b->opt.node_offsets[i]))
      shift_item (&b->items[i], b->opt.node_offsets[i] * b->opt.height);
  for (guint c = 0; c < b->n_columns; c++)
    resolve_collisions (b, c);
  stack_bands (b, keyed);
}

/* ---- loops --------------------------------------------------------------- */

static double
item_centre (const Item *item)
{
  return (item->y0 + item->y1) / 2;
}

static int
compare_loops (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const Builder *b = data;
  const AtlasSankeyLinkSpec *a = &b->graph->links[*(const guint *) pa];
  const AtlasSankeyLinkSpec *z = &b->graph->links[*(const guint *) pb];
  guint span_a = stage_of (b, a->from) - stage_of (b, a->to);
  guint span_z = stage_of (b, z->from) - stage_of (b, z->to);
  double low_a = item_centre (&b->items[a->from]) + item_centre (&b->items[a->to]);
  double low_z = item_centre (&b->items[z->from]) + item_centre (&b->items[z->to]);

  if (span_a != span_z)
    return span_a < span_z ? -1 : 1;
  if (low_a != low_z)
    return low_a > low_z ? -1 : 1;
  return *(const guint *) pa < *(const guint *) pb ? -1 : 1;
}

/* Innermost first: short loops, and loops between lower nodes, run closest
 * to the diagram so that nested loops do not cross each other. */
static void
sort_loops (Builder *b)
{
  g_qsort_with_data (b->loops, (gint) b->n_loops, sizeof (guint), compare_loops, b);
}

/* ---- output ------------------------------------------------------------ */

static void
fill_nodes (const Builder *b, AtlasSankeyLayout *layout)
{
  for (guint c = 0; c < b->n_columns; c++)
    {
      guint rank = 0;
      for (guint i = 0; i < b->column_len[c]; i++)
        {
          const Item *item = &b->items[b->columns[c][i]];
          AtlasSankeyNodeBox *node;

          if (!item_is_real (item))
            continue;
          node = &layout->nodes[item->node];
          node->box = (AtlasSankeyBox) { b->stage_x[c], item->y0,
                                         b->stage_x[c] + b->node_width, item->y1 };
          node->stage = c;
          node->rank = rank++;
          node->inflow = b->inflow[item->node];
          node->outflow = b->outflow[item->node];
          node->value = item->value;
        }
    }
}

static void
fill_forward_band (const Builder *b, guint l, AtlasSankeyBand *band,
                   double *used_right, double *used_left)
{
  const AtlasSankeyLinkSpec *spec = &b->graph->links[l];
  guint span = stage_of (b, spec->to) - stage_of (b, spec->from);
  const Segment *first = &b->segments[b->link_first_segment[l]];
  const Segment *last = first + span - 1;

  band->route = span > 1 ? ATLAS_SANKEY_ROUTE_SKIP : ATLAS_SANKEY_ROUTE_DIRECT;
  band->source_x = b->stage_x[stage_of (b, spec->from)] + b->node_width;
  band->source_y0 = b->items[spec->from].y0 + first->left_offset;
  band->source_y1 = band->source_y0 + band->width;
  band->target_x = b->stage_x[stage_of (b, spec->to)];
  band->target_y0 = b->items[spec->to].y0 + last->right_offset;
  band->target_y1 = band->target_y0 + band->width;
  used_right[spec->from] = MAX (used_right[spec->from], first->left_offset + band->width);
  used_left[spec->to] = MAX (used_left[spec->to], last->right_offset + band->width);

  band->n_waypoints = span - 1;
  band->waypoints = span > 1 ? g_new0 (AtlasSankeyBox, span - 1) : NULL;
  for (guint k = 0; k + 1 < span; k++)
    {
      const Item *item = &b->items[b->link_first_item[l] + k];
      double x = b->stage_x[item->column];
      band->waypoints[k] = (AtlasSankeyBox) { x, item->y0, x + b->node_width, item->y1 };
    }
}

/* Loops leave below the forward bands at the source and enter below them
 * at the target, outer loops above inner ones, which nests them. */
static void
fill_loop_bands (const Builder *b, AtlasSankeyLayout *layout,
                 double *used_right, double *used_left)
{
  g_autofree double *out_room = g_new0 (double, b->n_columns);
  g_autofree double *in_room = g_new0 (double, b->n_columns);
  double lane = b->loop_top;

  for (guint i = b->n_loops; i-- > 0;)
    {
      guint l = b->loops[i];
      const AtlasSankeyLinkSpec *spec = &b->graph->links[l];
      AtlasSankeyBand *band = &layout->bands[l];

      band->source_y0 = b->items[spec->from].y0 + used_right[spec->from];
      band->source_y1 = band->source_y0 + band->width;
      band->target_y0 = b->items[spec->to].y0 + used_left[spec->to];
      band->target_y1 = band->target_y0 + band->width;
      used_right[spec->from] += band->width;
      used_left[spec->to] += band->width;
    }

  for (guint i = 0; i < b->n_loops; i++)
    {
      guint l = b->loops[i];
      const AtlasSankeyLinkSpec *spec = &b->graph->links[l];
      AtlasSankeyBand *band = &layout->bands[l];
      guint out_col = stage_of (b, spec->from), in_col = stage_of (b, spec->to);
      double half = band->width / 2;

      band->route = ATLAS_SANKEY_ROUTE_LOOP;
      band->source_x = b->stage_x[out_col] + b->node_width;
      band->target_x = b->stage_x[in_col];
      band->loop.radius = half + b->loop_round;
      band->loop.lane_y = lane + half;
      band->loop.out_x = band->source_x + loop_inset (b) + out_room[out_col] + half;
      band->loop.in_x = band->target_x - loop_inset (b) - in_room[in_col] - half;
      lane += band->width + b->lane_gap;
      out_room[out_col] += band->width + b->lane_gap;
      in_room[in_col] += band->width + b->lane_gap;
    }
}

static int
compare_reading_nodes (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const AtlasSankeyLayout *layout = data;
  const AtlasSankeyNodeBox *a = &layout->nodes[*(const guint *) pa];
  const AtlasSankeyNodeBox *z = &layout->nodes[*(const guint *) pb];

  if (a->stage != z->stage)
    return a->stage < z->stage ? -1 : 1;
  return a->rank < z->rank ? -1 : a->rank > z->rank;
}

typedef struct {
  const AtlasSankeyLayout *layout;
  const guint             *reading;   /* node -> reading position */
} LinkReading;

static int
compare_reading_links (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const LinkReading *r = data;
  guint la = *(const guint *) pa, lz = *(const guint *) pb;
  const AtlasSankeyBand *a = &r->layout->bands[la], *z = &r->layout->bands[lz];

  if (r->reading[a->from] != r->reading[z->from])
    return r->reading[a->from] < r->reading[z->from] ? -1 : 1;
  if (a->source_y0 != z->source_y0)
    return a->source_y0 < z->source_y0 ? -1 : 1;
  return la < lz ? -1 : la > lz;
}

static void
fill_reading_order (AtlasSankeyLayout *layout)
{
  g_autofree guint *reading = g_new0 (guint, MAX (layout->n_nodes, 1));
  LinkReading link_reading = { layout, reading };

  layout->node_order = g_new0 (guint, MAX (layout->n_nodes, 1));
  for (guint i = 0; i < layout->n_nodes; i++)
    layout->node_order[i] = i;
  g_qsort_with_data (layout->node_order, (gint) layout->n_nodes, sizeof (guint),
                     compare_reading_nodes, layout);
  for (guint i = 0; i < layout->n_nodes; i++)
    reading[layout->node_order[i]] = i;

  layout->link_order = g_new0 (guint, MAX (layout->n_links, 1));
  for (guint l = 0; l < layout->n_links; l++)
    layout->link_order[l] = l;
  g_qsort_with_data (layout->link_order, (gint) layout->n_links, sizeof (guint),
                     compare_reading_links, &link_reading);
}

static AtlasSankeyLayout *
build_output (Builder *b)
{
  const AtlasSankeyGraph *g = b->graph;
  AtlasSankeyLayout *layout = g_new0 (AtlasSankeyLayout, 1);
  g_autofree double *used_right = g_new0 (double, MAX (g->n_nodes, 1));
  g_autofree double *used_left = g_new0 (double, MAX (g->n_nodes, 1));

  layout->n_stages = b->n_columns;
  layout->stage_x = g_memdup2 (b->stage_x, sizeof (double) * b->n_columns);
  layout->stage_loop_left = g_memdup2 (b->loop_left, sizeof (double) * b->n_columns);
  layout->stage_loop_right = g_memdup2 (b->loop_right, sizeof (double) * b->n_columns);
  layout->node_width = b->node_width;
  layout->scale = b->scale;
  layout->plot_height = b->opt.height;
  layout->columns_bottom = b->columns_bottom;
  layout->loop_top = b->n_loops > 0 ? b->loop_top : b->opt.y + b->opt.height;
  layout->initial_crossings = b->initial_crossings;
  layout->crossings = b->crossings;

  layout->n_nodes = g->n_nodes;
  layout->nodes = g_new0 (AtlasSankeyNodeBox, MAX (g->n_nodes, 1));
  fill_nodes (b, layout);

  layout->n_links = g->n_links;
  layout->bands = g_new0 (AtlasSankeyBand, MAX (g->n_links, 1));
  for (guint l = 0; l < g->n_links; l++)
    {
      AtlasSankeyBand *band = &layout->bands[l];
      band->from = g->links[l].from;
      band->to = g->links[l].to;
      band->value = g->links[l].value;
      band->width = band->value * b->scale;
      if (!link_is_return (b, l))
        fill_forward_band (b, l, band, used_right, used_left);
    }
  fill_loop_bands (b, layout, used_right, used_left);
  fill_reading_order (layout);
  return layout;
}

static void
builder_clear (Builder *b)
{
  g_free (b->items);
  g_free (b->segments);
  g_free (b->link_first_item);
  g_free (b->link_first_segment);
  g_free (b->left_start);
  g_free (b->left_segs);
  g_free (b->right_start);
  g_free (b->right_segs);
  g_free (b->left_edges);
  g_free (b->right_edges);
  g_free (b->pos);
  for (guint c = 0; c < b->n_columns && b->columns != NULL; c++)
    g_free (b->columns[c]);
  g_free (b->columns);
  g_free (b->column_len);
  g_free (b->column_seg_start);
  g_free (b->column_segs);
  g_free (b->inflow);
  g_free (b->outflow);
  g_free (b->loops);
  g_free (b->stage_x);
  g_free (b->loop_left);
  g_free (b->loop_right);
}

/* ---- public API ----------------------------------------------------------- */

void
atlas_sankey_options_init (AtlasSankeyOptions *options,
                           double              x,
                           double              y,
                           double              width,
                           double              height)
{
  g_return_if_fail (options != NULL);

  *options = (AtlasSankeyOptions) {
    .x = x, .y = y, .width = width, .height = height,
    .node_width = 12,
    .node_padding = 10,
    .min_node_height = 0,
    .order_iterations = DEFAULT_ORDER_ITERATIONS,
    .relax_iterations = DEFAULT_RELAX_ITERATIONS,
  };
}

AtlasSankeyLayout *
atlas_sankey_layout_new (const AtlasSankeyGraph   *graph,
                         const AtlasSankeyOptions *options,
                         GError                  **error)
{
  Builder b = { 0 };
  AtlasSankeyLayout *layout;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!validate_graph (graph, error))
    return NULL;

  b.graph = graph;
  b.opt = *options;
  b.n_columns = MAX (graph->n_stages, 1);
  b.padding = MAX (options->node_padding, 0);
  b.min_height = MAX (options->min_node_height, 0);

  build_items_and_segments (&b);
  build_adjacency (&b);
  build_initial_order (&b);
  b.initial_crossings = b.crossings = count_all_crossings (&b);
  if (!options->keep_order)
    minimise_crossings (&b);

  choose_scale (&b);
  measure_loop_room (&b);
  place_columns (&b);

  {
    g_autofree Keyed *keyed = g_new (Keyed, MAX (b.n_segments, 1));
    for (guint c = 0; c < b.n_columns; c++)
      place_column_initially (&b, c);
    relax (&b, keyed);
    apply_node_offsets (&b, keyed);
  }
  sort_loops (&b);

  layout = build_output (&b);
  builder_clear (&b);
  return layout;
}

void
atlas_sankey_layout_free (AtlasSankeyLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint l = 0; l < layout->n_links; l++)
    g_free (layout->bands[l].waypoints);
  g_free (layout->bands);
  g_free (layout->nodes);
  g_free (layout->stage_x);
  g_free (layout->stage_loop_left);
  g_free (layout->stage_loop_right);
  g_free (layout->node_order);
  g_free (layout->link_order);
  g_free (layout);
}

/* ---- band geometry -------------------------------------------------------- */

/* Between columns a band's edges are cubic curves with both control points
 * at the middle x (horizontal at both ends): x(s) and y(s) share the same
 * smoothstep-like shape, and x is monotonic in s. */
static double
curve_y_at (double xa, double ya, double xb, double yb, double x)
{
  double lo = 0, hi = 1, d = xb - xa;

  if (d <= 0)
    return yb;
  for (int i = 0; i < 40; i++)
    {
      double s = (lo + hi) / 2;
      double xs = xa + d * (1.5 * s - 1.5 * s * s + s * s * s);
      if (xs < x)
        lo = s;
      else
        hi = s;
    }
  double s = (lo + hi) / 2;
  return ya + (yb - ya) * (3 * s * s - 2 * s * s * s);
}

gboolean
atlas_sankey_band_centre_at (const AtlasSankeyBand *band,
                             double                 x,
                             double                *y)
{
  double half, xa, ya;

  g_return_val_if_fail (band != NULL, FALSE);

  if (band->route == ATLAS_SANKEY_ROUTE_LOOP || x < band->source_x || x > band->target_x)
    return FALSE;

  half = band->width / 2;
  xa = band->source_x;
  ya = band->source_y0 + half;
  for (guint k = 0; k < band->n_waypoints; k++)
    {
      const AtlasSankeyBox *w = &band->waypoints[k];
      double yw = w->y0 + half;

      if (x <= w->x0)
        {
          *y = curve_y_at (xa, ya, w->x0, yw, x);
          return TRUE;
        }
      if (x <= w->x1)
        {
          *y = yw;
          return TRUE;
        }
      xa = w->x1;
      ya = yw;
    }
  *y = curve_y_at (xa, ya, band->target_x, band->target_y0 + half, x);
  return TRUE;
}

void
atlas_sankey_band_point (const AtlasSankeyBand *band,
                         double                 t,
                         double                *x,
                         double                *y)
{
  g_return_if_fail (band != NULL);

  t = CLAMP (t, 0, 1);
  if (band->route != ATLAS_SANKEY_ROUTE_LOOP)
    {
      *x = band->source_x + t * (band->target_x - band->source_x);
      if (!atlas_sankey_band_centre_at (band, *x, y))
        *y = band->source_y0 + band->width / 2;
      return;
    }

  /* A loop's centre line as its five straight legs, by length. */
  double ys = (band->source_y0 + band->source_y1) / 2;
  double yt = (band->target_y0 + band->target_y1) / 2;
  const AtlasSankeyLoop *loop = &band->loop;
  double px[6] = { band->source_x, loop->out_x, loop->out_x, loop->in_x, loop->in_x, band->target_x };
  double py[6] = { ys, ys, loop->lane_y, loop->lane_y, yt, yt };
  double length[5], total = 0, want;

  for (int i = 0; i < 5; i++)
    total += length[i] = fabs (px[i + 1] - px[i]) + fabs (py[i + 1] - py[i]);
  want = t * total;
  for (int i = 0; i < 5; i++)
    {
      if (want <= length[i] || i == 4)
        {
          double f = length[i] > 0 ? MIN (want / length[i], 1) : 0;
          *x = px[i] + (px[i + 1] - px[i]) * f;
          *y = py[i] + (py[i + 1] - py[i]) * f;
          return;
        }
      want -= length[i];
    }
}
