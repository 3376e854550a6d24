/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench/sankey-bench.c: times atlas_sankey_layout_new() on seeded layered graphs and writes each graph, with the node positions it chose, for the d3-sankey side. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "atlas-sankey-layout.h"

/* The plot both layouts get (d3-sankey's extent is the same rectangle). */
#define PLOT_X       0.0
#define PLOT_Y       0.0
#define PLOT_WIDTH   1600.0
#define PLOT_HEIGHT  900.0

typedef struct {
  guint                n_stages;
  guint                n_nodes;
  guint               *stages;      /* per node, in dataset order */
  double              *positions;   /* per node: where it "belongs", 0..1 (hidden) */
  GArray              *links;       /* AtlasSankeyLinkSpec */
} Graph;

static void
graph_free (Graph *graph)
{
  g_free (graph->stages);
  g_free (graph->positions);
  g_array_unref (graph->links);
  g_free (graph);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Graph, graph_free)

/* How many stages a graph of @n_nodes gets: supply chains have a handful,
 * large graphs somewhat more. */
static guint
stages_for (guint n_nodes)
{
  if (n_nodes <= 10)
    return 3;
  if (n_nodes <= 50)
    return 4;
  if (n_nodes <= 100)
    return 5;
  if (n_nodes <= 500)
    return 6;
  if (n_nodes <= 1000)
    return 8;
  if (n_nodes <= 2000)
    return 10;
  return 12;
}

/* The node of @stage whose hidden position is nearest @position. */
static guint
nearest_in_stage (const Graph *graph,
                  GPtrArray  **by_stage,
                  guint        stage,
                  double       position)
{
  GPtrArray *nodes = by_stage[stage];
  guint best = GPOINTER_TO_UINT (g_ptr_array_index (nodes, 0));
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < nodes->len; i++)
    {
      guint node = GPOINTER_TO_UINT (g_ptr_array_index (nodes, i));
      double distance = fabs (graph->positions[node] - position);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = node;
        }
    }
  return best;
}

static gboolean
add_link (Graph      *graph,
          GHashTable *pairs,
          GRand      *rand,
          guint       from,
          guint       to)
{
  guint64 key = ((guint64) from << 32) | to;
  AtlasSankeyLinkSpec link;
  gint64 *stored;

  if (g_hash_table_contains (pairs, &key))
    return FALSE;
  stored = g_new (gint64, 1);
  *stored = (gint64) key;
  g_hash_table_add (pairs, stored);

  /* Flows spread over orders of magnitude, as trade does. */
  link.from = from;
  link.to = to;
  link.value = round (100 * exp (1.2 * (g_rand_double (rand) + g_rand_double (rand) +
                                        g_rand_double (rand) - 1.5) * 2)) + 1;
  g_array_append_val (graph->links, link);
  return TRUE;
}

/* A layered graph: links only between neighbouring stages (so both
 * layouts draw every link as one segment and crossings mean the same for
 * both), each node with at least one link, targets near their source's
 * hidden position (real flows have structure: a random bipartite graph is
 * all crossings whatever the order), nodes listed in random order. */
static Graph *
graph_new (guint n_nodes,
           guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Graph *graph = g_new0 (Graph, 1);
  GPtrArray **by_stage;
  guint64 possible = 0;
  guint n_links;

  graph->n_nodes = n_nodes;
  graph->n_stages = stages_for (n_nodes);
  graph->stages = g_new (guint, n_nodes);
  graph->positions = g_new (double, n_nodes);
  graph->links = g_array_new (FALSE, FALSE, sizeof (AtlasSankeyLinkSpec));

  by_stage = g_new0 (GPtrArray *, graph->n_stages);
  for (guint s = 0; s < graph->n_stages; s++)
    by_stage[s] = g_ptr_array_new ();
  for (guint i = 0; i < n_nodes; i++)
    {
      /* A random stage and place: the dataset's order says nothing. */
      graph->stages[i] = g_rand_int_range (rand, 0, graph->n_stages);
      graph->positions[i] = g_rand_double (rand);
    }
  /* Every stage needs nodes: the first n_stages nodes take one each. */
  for (guint s = 0; s < graph->n_stages && s < n_nodes; s++)
    graph->stages[s] = s;
  for (guint i = 0; i < n_nodes; i++)
    g_ptr_array_add (by_stage[graph->stages[i]], GUINT_TO_POINTER (i));

  for (guint s = 0; s + 1 < graph->n_stages; s++)
    possible += (guint64) by_stage[s]->len * by_stage[s + 1]->len;
  n_links = (guint) MIN ((guint64) 3 * n_nodes, possible * 6 / 10);

  /* Everything connected: an input for every node after the first stage,
   * an output for every node before the last. */
  for (guint s = 1; s < graph->n_stages; s++)
    for (guint i = 0; i < by_stage[s]->len; i++)
      {
        guint node = GPOINTER_TO_UINT (g_ptr_array_index (by_stage[s], i));

        add_link (graph, pairs, rand, nearest_in_stage (graph, by_stage, s - 1, graph->positions[node]), node);
      }
  for (guint s = 0; s + 1 < graph->n_stages; s++)
    for (guint i = 0; i < by_stage[s]->len; i++)
      {
        guint node = GPOINTER_TO_UINT (g_ptr_array_index (by_stage[s], i));
        double spread = g_rand_double_range (rand, -0.1, 0.1);

        add_link (graph, pairs, rand, node,
                  nearest_in_stage (graph, by_stage, s + 1, graph->positions[node] + spread));
      }
  for (guint attempts = 0; graph->links->len < n_links && attempts < 100 * n_links; attempts++)
    {
      guint s = g_rand_int_range (rand, 0, graph->n_stages - 1);
      GPtrArray *sources = by_stage[s];
      guint from = GPOINTER_TO_UINT (g_ptr_array_index (sources, g_rand_int_range (rand, 0, sources->len)));
      /* Mostly near, sometimes anywhere. */
      double spread = g_rand_double (rand) < 0.8 ? g_rand_double_range (rand, -0.15, 0.15)
                                                 : g_rand_double_range (rand, -1, 1);

      add_link (graph, pairs, rand, from,
                nearest_in_stage (graph, by_stage, s + 1, graph->positions[from] + spread));
    }

  for (guint s = 0; s < graph->n_stages; s++)
    g_ptr_array_unref (by_stage[s]);
  g_free (by_stage);
  return graph;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static AtlasSankeyLayout *
lay_out (const Graph *graph,
         GError     **error)
{
  AtlasSankeyGraph input = {
    graph->n_stages, graph->n_nodes, graph->stages,
    graph->links->len, (const AtlasSankeyLinkSpec *) graph->links->data,
  };
  AtlasSankeyOptions options;

  atlas_sankey_options_init (&options, PLOT_X, PLOT_Y, PLOT_WIDTH, PLOT_HEIGHT);
  return atlas_sankey_layout_new (&input, &options, error);
}

/* The graph and the node boxes atlas chose, as JSON for sankey-d3.cjs. */
static void
write_graph (const char              *path,
             const Graph             *graph,
             const AtlasSankeyLayout *layout,
             guint                    seed,
             double                   median_ms)
{
  AtlasSankeyOptions options;
  GString *out = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  atlas_sankey_options_init (&options, PLOT_X, PLOT_Y, PLOT_WIDTH, PLOT_HEIGHT);
  g_string_append_printf (out, "{\"seed\": %u, \"n_stages\": %u,\n", seed, graph->n_stages);
  g_string_append_printf (out, " \"extent\": [[%g, %g], [%g, %g]], \"node_width\": %g, \"node_padding\": %g,\n",
                          PLOT_X, PLOT_Y, PLOT_X + PLOT_WIDTH, PLOT_Y + PLOT_HEIGHT,
                          options.node_width, options.node_padding);
  g_string_append_printf (out, " \"atlas_ms\": %s,\n", g_ascii_dtostr (number, sizeof number, median_ms));
  g_string_append (out, " \"nodes\": [");
  for (guint i = 0; i < graph->n_nodes; i++)
    g_string_append_printf (out, "%s{\"id\": %u, \"stage\": %u}", i > 0 ? ", " : "", i, graph->stages[i]);
  g_string_append (out, "],\n \"links\": [");
  for (guint i = 0; i < graph->links->len; i++)
    {
      const AtlasSankeyLinkSpec *link = &g_array_index (graph->links, AtlasSankeyLinkSpec, i);

      g_string_append_printf (out, "%s{\"source\": %u, \"target\": %u, \"value\": %s}", i > 0 ? ",\n   " : "",
                              link->from, link->to, g_ascii_dtostr (number, sizeof number, link->value));
    }
  /* Each node's vertical centre as drawn: the order the counter reads. */
  g_string_append (out, "],\n \"atlas_y\": [");
  for (guint i = 0; i < graph->n_nodes; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "",
                            g_ascii_dtostr (number, sizeof number,
                                            (layout->nodes[i].box.y0 + layout->nodes[i].box.y1) / 2));
  /* Where the generator placed each node: an order that is known to be
   * good (not necessarily the best), for reference. */
  g_string_append (out, "],\n \"planted_y\": [");
  for (guint i = 0; i < graph->n_nodes; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "",
                            g_ascii_dtostr (number, sizeof number, graph->positions[i]));
  g_string_append_printf (out, "],\n \"atlas_own_crossings\": %s",
                          g_ascii_dtostr (number, sizeof number, layout->crossings));
  g_string_append_printf (out, ",\n \"atlas_initial_crossings\": %s}\n",
                          g_ascii_dtostr (number, sizeof number, layout->initial_crossings));

  if (!g_file_set_contents (path, out->str, out->len, NULL))
    g_error ("cannot write %s", path);
  g_string_free (out, TRUE);
}

/* sankey-bench OUTDIR SEED N... : for each N, a graph of N nodes. */
int
main (int argc, char **argv)
{
  const char *outdir;
  guint seed;

  if (argc < 4)
    {
      fprintf (stderr, "usage: %s OUTDIR SEED N...\n", argv[0]);
      return 2;
    }
  outdir = argv[1];
  seed = (guint) atoi (argv[2]);
  g_mkdir_with_parents (outdir, 0755);

  printf ("nodes\tlinks\tstages\truns\tmedian_ms\tmin_ms\tmax_ms\tcrossings\n");
  for (int a = 3; a < argc; a++)
    {
      guint n_nodes = (guint) atoi (argv[a]);
      g_autoptr(Graph) graph = graph_new (n_nodes, seed + n_nodes);
      g_autoptr(AtlasSankeyLayout) layout = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      /* Enough runs for a stable median, in about a second at most. */
      guint runs = n_nodes <= 100 ? 51 : n_nodes <= 1000 ? 21 : 7;
      double *ms = g_new (double, runs);

      for (guint r = 0; r < runs; r++)
        {
          gint64 start = g_get_monotonic_time ();

          g_clear_pointer (&layout, atlas_sankey_layout_free);
          layout = lay_out (graph, &error);
          ms[r] = (g_get_monotonic_time () - start) / 1000.0;
          if (layout == NULL)
            g_error ("%u nodes: %s", n_nodes, error->message);
        }
      qsort (ms, runs, sizeof (double), compare_doubles);
      printf ("%u\t%u\t%u\t%u\t%.3f\t%.3f\t%.3f\t%.4e\n", n_nodes, graph->links->len, graph->n_stages, runs,
              ms[runs / 2], ms[0], ms[runs - 1], layout->crossings);
      fflush (stdout);

      path = g_strdup_printf ("%s/graph-%u.json", outdir, n_nodes);
      write_graph (path, graph, layout, seed + n_nodes, ms[runs / 2]);
      g_free (ms);
    }
  return 0;
}
