/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-sankey-chart.c: the Flows view: a supply chain drawn as a Sankey figure, with its table, description and JSON geometry. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "atlas-annotations.h"
#include "atlas-chart-frame.h"
#include "atlas-format.h"
#include "atlas-label-placer.h"
#include "atlas-scene-text.h"
#include "atlas-units.h"
#include "atlas-chart-private.h"
#include "atlas-sankey-json.h"
#include "atlas-sankey-layout.h"
#include "atlas-scene-private.h"

/* Bands are translucent so crossings stay legible; dark backgrounds need
 * a little more colour to read at all. */
#define BAND_ALPHA_LIGHT 0.42
#define BAND_ALPHA_DARK  0.55
/* How many nodes of a stage the description names before "and N more". */
#define DESCRIBE_MAX_NODES 6
/* How many of a column's longest labels are measured to size its gutter. */
#define WIDEST_MEASURED 12

/* ---- the scene's own data: hover and JSON need no new layout ----------- */

typedef struct {
  const AtlasChain  *chain;       /* owned by the scene's dataset */
  AtlasSankeyLayout *layout;
  /* Forward links (to a later stage) by source and by target, as rows. */
  guint             *out_start, *out_links;
  guint             *in_start, *in_links;
} SankeyData;

static void
sankey_data_free (gpointer data)
{
  SankeyData *self = data;

  atlas_sankey_layout_free (self->layout);
  g_free (self->out_start);
  g_free (self->out_links);
  g_free (self->in_start);
  g_free (self->in_links);
  g_free (self);
}

static gboolean
link_is_forward (const AtlasChain *chain, const AtlasLink *link)
{
  const AtlasNode *from = g_ptr_array_index (chain->nodes, link->from);
  const AtlasNode *to = g_ptr_array_index (chain->nodes, link->to);
  return to->stage > from->stage;
}

/* Rows of forward links keyed by their source (@by_target FALSE) or target. */
static void
index_forward_links (const AtlasChain *chain, gboolean by_target, guint **start_out, guint **links_out)
{
  guint n_nodes = chain->nodes->len;
  guint *start = g_new0 (guint, n_nodes + 1);
  guint *links = g_new0 (guint, MAX (chain->links->len, 1));
  g_autofree guint *fill = g_new0 (guint, n_nodes);

  for (guint l = 0; l < chain->links->len; l++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, l);
      if (link_is_forward (chain, link))
        start[(by_target ? link->to : link->from) + 1]++;
    }
  for (guint n = 0; n < n_nodes; n++)
    start[n + 1] += start[n];
  for (guint l = 0; l < chain->links->len; l++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, l);
      guint key = by_target ? link->to : link->from;
      if (link_is_forward (chain, link))
        links[start[key] + fill[key]++] = l;
    }
  *start_out = start;
  *links_out = links;
}

static SankeyData *
sankey_data_new (const AtlasChain *chain, AtlasSankeyLayout *layout)
{
  SankeyData *self = g_new0 (SankeyData, 1);

  self->chain = chain;
  self->layout = layout;
  index_forward_links (chain, FALSE, &self->out_start, &self->out_links);
  index_forward_links (chain, TRUE, &self->in_start, &self->in_links);
  return self;
}

/* ---- related items (hover and selection) -------------------------------- */

static AtlasItem
node_item (const AtlasChain *chain, guint node)
{
  const AtlasNode *n = g_ptr_array_index (chain->nodes, node);
  return (AtlasItem) { ATLAS_ITEM_NODE, n->id, (int) node };
}

static AtlasItem
link_item (const AtlasChain *chain, guint link)
{
  return (AtlasItem) { ATLAS_ITEM_LINK, chain->id, (int) link };
}

static void
add_item_key (GHashTable *set, AtlasItem item)
{
  g_hash_table_add (set, atlas_item_to_key (&item));
}

/* Whether every link of @node on the route's side (its inflows going
 * downstream, its outflows going upstream) joins it to the route: only
 * then is what passes on from it the route's own material. */
static gboolean
fed_only_by_route (const SankeyData *data, guint node, gboolean upstream, const gboolean *on_route)
{
  const guint *row_start = upstream ? data->out_start : data->in_start;
  const guint *row = upstream ? data->out_links : data->in_links;

  for (guint k = row_start[node]; k < row_start[node + 1]; k++)
    {
      const AtlasLink *link = g_ptr_array_index (data->chain->links, row[k]);

      if (!on_route[upstream ? link->to : link->from])
        return FALSE;
    }
  return TRUE;
}

/* Adds every node and link reached from the @starts against the flow
 * (@upstream) or along it.  Return flows are not followed: through a
 * recycling loop everything would be related to everything.  With
 * @route_only a node is passed through only while the material there is
 * the route's alone (fed_only_by_route()); the nodes where it mixes are
 * added, not followed. */
static void
walk_links (const SankeyData *data, const gboolean *starts, gboolean upstream, gboolean route_only, GHashTable *set)
{
  const AtlasChain *chain = data->chain;
  const guint *row_start = upstream ? data->in_start : data->out_start;
  const guint *row = upstream ? data->in_links : data->out_links;
  g_autofree gboolean *seen = g_memdup2 (starts, sizeof (gboolean) * MAX (chain->nodes->len, 1));
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < chain->nodes->len; i++)
    if (starts[i])
      g_array_append_val (queue, i);
  for (guint q = 0; q < queue->len; q++)
    {
      guint node = g_array_index (queue, guint, q);

      add_item_key (set, node_item (chain, node));
      for (guint k = row_start[node]; k < row_start[node + 1]; k++)
        {
          const AtlasLink *link = g_ptr_array_index (chain->links, row[k]);
          guint next = upstream ? link->from : link->to;

          add_item_key (set, link_item (chain, row[k]));
          if (route_only)
            add_item_key (set, node_item (chain, next));
          if (!seen[next] && (!route_only || fed_only_by_route (data, next, upstream, seen)))
            {
              seen[next] = TRUE;
              g_array_append_val (queue, next);
            }
        }
    }
}

static void
walk_flow (const SankeyData *data, guint start, gboolean upstream, GHashTable *set)
{
  g_autofree gboolean *starts = g_new0 (gboolean, MAX (data->chain->nodes->len, 1));

  starts[start] = TRUE;
  walk_links (data, starts, upstream, FALSE, set);
}

static void
sankey_collect_related (const AtlasScene *scene, const AtlasItem *item, GHashTable *set)
{
  const SankeyData *data = scene->chart_data;
  const AtlasChain *chain;

  if (data == NULL || item == NULL || item->index < 0)
    return;
  chain = data->chain;

  if (item->kind == ATLAS_ITEM_NODE && (guint) item->index < chain->nodes->len)
    {
      walk_flow (data, item->index, TRUE, set);
      walk_flow (data, item->index, FALSE, set);
      /* Its own return flows belong to it, though they are not followed. */
      for (guint l = 0; l < chain->links->len; l++)
        {
          const AtlasLink *link = g_ptr_array_index (chain->links, l);
          if (!link_is_forward (chain, link) && (link->from == (guint) item->index || link->to == (guint) item->index))
            add_item_key (set, link_item (chain, l));
        }
    }
  else if (item->kind == ATLAS_ITEM_LINK && g_strcmp0 (item->id, chain->id) == 0 &&
           (guint) item->index < chain->links->len)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, item->index);
      add_item_key (set, link_item (chain, item->index));
      walk_flow (data, link->from, TRUE, set);
      walk_flow (data, link->to, FALSE, set);
    }
}

static gboolean
sankey_anchor (const AtlasScene *scene, const AtlasAnnotation *annotation, double *x, double *y)
{
  const SankeyData *data = scene->chart_data;
  int node;

  if (data == NULL || annotation->kind != ATLAS_ANCHOR_NODE ||
      (annotation->chain != NULL && g_strcmp0 (annotation->chain, data->chain->id) != 0))
    return FALSE;
  node = atlas_chain_find_node (data->chain, annotation->node);
  if (node < 0)
    return FALSE;
  /* The middle of the node's right edge, where its flows leave. */
  *x = data->layout->nodes[node].box.x1;
  *y = (data->layout->nodes[node].box.y0 + data->layout->nodes[node].box.y1) / 2;
  return TRUE;
}

static const AtlasSceneClass sankey_scene_class = {
  .name = "flows",
  .collect_related = sankey_collect_related,
  .hit_test = NULL,
  .anchor = sankey_anchor,
};

/* ---- text ---------------------------------------------------------------- */

static char *
format_value (double value)
{
  return atlas_format_number (value, value >= 100 ? 0 : value >= 1 ? 1 : 2);
}

static const char *
node_name (const AtlasNode *node, const char *lang)
{
  const char *name = atlas_text_get (atlas_node_get_label (node), lang);
  return name != NULL ? name : node->id;
}

static const char *
stage_name (const AtlasChain *chain, guint stage, const char *lang)
{
  const AtlasStage *s = g_ptr_array_index (chain->stages, stage);
  const char *name = atlas_text_get (s->name, lang);
  return name != NULL ? name : s->id;
}

/* "270,000", or "in 244,030 / out 276,900" where a node gains or loses
 * material between its inflow and outflow. */
static char *
node_value_text (const AtlasNode *node)
{
  if (node->inflow > 0 && node->outflow > 0 && fabs (node->inflow - node->outflow) > 1e-9 * node->value)
    {
      g_autofree char *in = format_value (node->inflow);
      g_autofree char *out = format_value (node->outflow);
      /* TRANSLATORS: a node's inflow and outflow when they differ */
      return g_strdup_printf (_("in %s / out %s"), in, out);
    }
  return format_value (node->value);
}

/* "China (Mining)": node names repeat across stages. */
static char *
node_full_name (const AtlasChain *chain, guint node, const char *lang)
{
  const AtlasNode *n = g_ptr_array_index (chain->nodes, node);
  /* TRANSLATORS: a node and its stage, "China (Mining)" (zh: full-width brackets) */
  return g_strdup_printf (C_("node and its stage", "%s (%s)"), node_name (n, lang), stage_name (chain, n->stage, lang));
}

static double
link_share_of_source (const AtlasChain *chain, const AtlasLink *link)
{
  const AtlasNode *from = g_ptr_array_index (chain->nodes, link->from);
  return from->outflow > 0 ? link->value / from->outflow : 0;
}

/* ---- building the figure -------------------------------------------------- */

typedef struct {
  AtlasScene        *scene;
  AtlasDataset      *dataset;
  const AtlasChain  *chain;
  const char        *lang;
  AtlasColor        *colors;        /* per node */
  double             name_size, value_size, header_size;
  double             name_line, value_line, header_line;   /* one line's height */
  double             gap;           /* between a node and its label */
  AtlasRect          area;          /* the columns' area, under the stage headers */
  double             header_wrap;   /* width stage headers wrap at */
  double             header_height; /* the band above the columns they take */
  const AtlasSankeyLayout *layout;
  AtlasLabelPlacer  *placer;
  const char        *footer_note;   /* names the nodes a first pass left unlabelled */
  gboolean          *focused;       /* per node: in the slide's focus (by id or region) */
  /* Per node, the gap its label keeps to when it can: from the node above
   * in its column (or the area's top) to the node below (or the bottom). */
  double            *gap_top, *gap_bottom;
  cairo_t           *path_cr;       /* builds paths; never drawn */
} Figure;

static void
figure_clear (Figure *f)
{
  g_free (f->colors);
  g_free (f->focused);
  g_free (f->gap_top);
  g_free (f->gap_bottom);
  g_clear_pointer (&f->placer, atlas_label_placer_free);
  g_clear_pointer (&f->path_cr, cairo_destroy);
}

static const AtlasNode *
chain_node (const AtlasChain *chain, guint index)
{
  return g_ptr_array_index (chain->nodes, index);
}

/* Region colours as everywhere in the app; nodes without a region take
 * palette colours that no region of this chain uses, so the legend never
 * seems to name them. */
static void
choose_node_colors (Figure *f)
{
  const AtlasChain *chain = f->chain;
  GPtrArray *regions = atlas_dataset_get_regions (f->dataset);
  guint n_palette = regions->len + chain->nodes->len + 1;
  g_autofree gboolean *used = g_new0 (gboolean, n_palette);
  guint next_free = 0;

  f->colors = g_new0 (AtlasColor, MAX (chain->nodes->len, 1));
  for (guint i = 0; i < chain->nodes->len; i++)
    {
      const AtlasNode *node = chain_node (chain, i);
      if (node->region == NULL)
        continue;
      atlas_style_region_color (f->scene->style, f->dataset, node->region, &f->colors[i]);
      for (guint p = 0; p < n_palette; p++)
        {
          AtlasColor c;
          atlas_style_palette_color (f->scene->style, p, &c);
          if (fabs (c.red - f->colors[i].red) + fabs (c.green - f->colors[i].green) +
              fabs (c.blue - f->colors[i].blue) < 0.02)
            used[p] = TRUE;
        }
    }

  for (guint i = 0; i < chain->nodes->len; i++)
    {
      if (chain_node (chain, i)->region != NULL)
        continue;
      while (next_free < n_palette && used[next_free])
        next_free++;
      if (next_free < n_palette)
        atlas_style_palette_color (f->scene->style, next_free++, &f->colors[i]);
      else
        f->colors[i] = f->scene->style->muted;
    }
}

static AtlasColor
band_color (const Figure *f, guint source)
{
  AtlasColor c = f->colors[source];
  c.alpha = f->scene->style->dark ? BAND_ALPHA_DARK : BAND_ALPHA_LIGHT;
  return c;
}

static gboolean
chain_has_estimates (const AtlasChain *chain)
{
  for (guint l = 0; l < chain->links->len; l++)
    if (((const AtlasLink *) g_ptr_array_index (chain->links, l))->estimate)
      return TRUE;
  return FALSE;
}

/* Regions in the dataset's order (the order colours are given in), each
 * once, then the estimate swatch when any flow is an estimate. */
static GArray *
build_legend (Figure *f)
{
  GArray *legend = g_array_new (FALSE, TRUE, sizeof (AtlasLegendEntry));
  GPtrArray *regions = atlas_dataset_get_regions (f->dataset);

  g_array_set_clear_func (legend, (GDestroyNotify) atlas_legend_entry_clear);
  for (guint r = 0; r < regions->len; r++)
    {
      const AtlasRegion *region = g_ptr_array_index (regions, r);
      for (guint i = 0; i < f->chain->nodes->len; i++)
        if (chain_node (f->chain, i)->region == region)
          {
            AtlasLegendEntry entry = { 0 };
            entry.label = g_strdup (atlas_text_get (region->name, f->lang));
            atlas_style_region_color (f->scene->style, f->dataset, region, &entry.color);
            entry.item = (AtlasItem) { ATLAS_ITEM_NONE, NULL, -1 };
            g_array_append_val (legend, entry);
            break;
          }
    }
  if (chain_has_estimates (f->chain))
    {
      AtlasLegendEntry entry = { 0 };
      entry.label = g_strdup (_("Estimate"));
      entry.color = f->scene->style->muted;
      entry.hatched = TRUE;
      entry.item = (AtlasItem) { ATLAS_ITEM_NONE, NULL, -1 };
      g_array_append_val (legend, entry);
    }
  return legend;
}

static void
layout_frame (Figure *f, const AtlasChartOptions *options)
{
  const AtlasChain *chain = f->chain;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GArray) legend = build_legend (f);
  g_autofree char *subtitle = NULL;
  AtlasFrameSpec spec = { 0 };

  atlas_frame_add_chain_cites (sources, f->dataset, chain);

  if (options->subtitle != NULL)
    subtitle = g_strdup (options->subtitle);
  else
    /* TRANSLATORS: the Flows figure's subtitle: unit and year, as in "Flows in t REO, 2024" */
    subtitle = g_strdup_printf (_("Flows in %s, %d"), atlas_unit_label (chain->unit), chain->year);

  spec.title = atlas_text_get (chain->title, f->lang);
  if (spec.title == NULL)
    spec.title = chain->id;
  spec.subtitle = subtitle;
  spec.headline = options->title;
  spec.sources = sources;
  spec.legend = legend;
  spec.footer_note = f->footer_note;
  atlas_chart_frame_layout (f->scene, &spec);
}

/* ---- label measuring ------------------------------------------------------ */

static double
text_width (const Figure *f, const char *text, double size)
{
  double w;
  atlas_scene_measure_text (f->scene, text, size, FALSE, 0, &w, NULL);
  return w;
}

static double
line_height (const AtlasScene *scene, double size)
{
  double h;
  atlas_scene_measure_text (scene, "Ag", size, FALSE, 0, NULL, &h);
  return h;
}

static int
compare_lengths_desc (gconstpointer pa, gconstpointer pb)
{
  const gsize *a = pa, *b = pb;   /* pairs: length, node */
  return a[0] != b[0] ? (a[0] > b[0] ? -1 : 1) : (a[1] < b[1] ? -1 : a[1] > b[1]);
}

/* The widest label of a stage's nodes, for the gutters beside the first
 * and last columns.  Measuring thousands of names would dominate a large
 * chain's layout: only the longest few (in characters) are measured,
 * which finds the widest in practice and can only err by a little. */
static double
widest_node_label (const Figure *f, guint stage)
{
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, 2 * sizeof (gsize));
  double widest = 0;

  for (gsize i = 0; i < f->chain->nodes->len; i++)
    {
      const AtlasNode *node = chain_node (f->chain, i);
      gsize pair[2] = { g_utf8_strlen (node_name (node, f->lang), -1), i };
      if (node->stage == stage)
        g_array_append_val (lengths, pair);
    }
  g_array_sort (lengths, compare_lengths_desc);

  for (guint k = 0; k < lengths->len && k < WIDEST_MEASURED; k++)
    {
      const AtlasNode *node = chain_node (f->chain, ((gsize *) lengths->data)[2 * k + 1]);
      g_autofree char *value = node_value_text (node);

      widest = MAX (widest, text_width (f, node_name (node, f->lang), f->name_size));
      widest = MAX (widest, text_width (f, value, f->value_size));
    }
  return widest;
}

/* Stage headers wrap at most of the distance between columns (what loops
 * and node widths take is not known yet), on at most two lines. */
static double
measure_stage_headers (Figure *f, double gutters)
{
  guint n = f->chain->stages->len;
  double line = f->header_line, tallest = line;
  double span = f->scene->plot.width - gutters;

  f->header_wrap = MAX ((n > 1 ? span / (n - 1) * 0.9 : f->scene->plot.width) - f->gap, 10);
  for (guint s = 0; s < n; s++)
    {
      double h;
      atlas_scene_measure_text (f->scene, stage_name (f->chain, s, f->lang), f->header_size, TRUE,
                                f->header_wrap, NULL, &h);
      tallest = MAX (tallest, MIN (h, 3 * line));
    }
  f->header_height = tallest;
  return tallest;
}

/* ---- layout ----------------------------------------------------------------- */

/* The user's drags (ids and offsets) as an array by node index; ids the
 * chain lacks are ignored. */
static double *
node_offsets_by_index (const AtlasChain *chain, const AtlasChartOptions *options)
{
  double *offsets;

  if (options->offset_nodes == NULL || options->node_offsets == NULL)
    return NULL;
  offsets = g_new0 (double, MAX (chain->nodes->len, 1));
  for (guint i = 0; options->offset_nodes[i] != NULL; i++)
    {
      int node = atlas_chain_find_node (chain, options->offset_nodes[i]);

      if (node >= 0 && isfinite (options->node_offsets[i]))
        offsets[node] = options->node_offsets[i];
    }
  return offsets;
}

/* Room for the first and last columns' labels (at most a fifth of the plot
 * each) and for the stage headers; the columns get the rest of the plot. */
static void
measure_margins (Figure *f, double *gutter_left, double *gutter_right)
{
  const AtlasChain *chain = f->chain;
  double cap = f->scene->plot.width * 0.2, header_h;

  /* The pixel added is the slack names are drawn with (add_label_shapes). */
  *gutter_left = MIN (widest_node_label (f, 0) + 1, cap) + f->gap;
  *gutter_right = chain->stages->len > 1
                  ? MIN (widest_node_label (f, chain->stages->len - 1) + 1, cap) + f->gap : 0;
  header_h = measure_stage_headers (f, *gutter_left + *gutter_right);
  f->area = f->scene->plot;
  f->area.y += header_h + f->gap;
  f->area.height = MAX (f->area.height - header_h - f->gap, 1);
}

static AtlasSankeyLayout *
compute_layout (Figure *f, const AtlasChartOptions *options, GError **error)
{
  const AtlasChain *chain = f->chain;
  AtlasSankeyGraph graph;
  AtlasSankeyOptions opt;
  g_autofree guint *stages = g_new0 (guint, MAX (chain->nodes->len, 1));
  g_autofree AtlasSankeyLinkSpec *links = g_new0 (AtlasSankeyLinkSpec, MAX (chain->links->len, 1));
  g_autofree double *offsets = node_offsets_by_index (chain, options);
  g_autoptr(GError) local_error = NULL;
  double gutter_left, gutter_right;
  AtlasSankeyLayout *layout;

  for (guint i = 0; i < chain->nodes->len; i++)
    stages[i] = chain_node (chain, i)->stage;
  for (guint l = 0; l < chain->links->len; l++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, l);
      links[l] = (AtlasSankeyLinkSpec) { link->from, link->to, link->value };
    }
  graph = (AtlasSankeyGraph) { chain->stages->len, chain->nodes->len, stages, chain->links->len, links };

  measure_margins (f, &gutter_left, &gutter_right);
  atlas_sankey_options_init (&opt, f->area.x, f->area.y, f->area.width, f->area.height);
  /* Proportions that read at every size from a thumbnail to 4K. */
  opt.node_width = CLAMP (f->scene->width * 0.011, 6, 40);
  opt.node_padding = CLAMP (f->area.height * 0.03, 4, 40);
  opt.min_node_height = MAX (1.5, f->scene->height / 900);
  opt.gutter_left = gutter_left;
  opt.gutter_right = gutter_right;
  opt.keep_order = options->keep_order;
  opt.node_offsets = offsets;

  layout = atlas_sankey_layout_new (&graph, &opt, &local_error);
  if (layout == NULL)
    g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_BAD_OPTION,
                 _("supply chain \"%s\" cannot be laid out: %s"), chain->id, local_error->message);
  return layout;
}

/* ---- shapes ------------------------------------------------------------------ */

static AtlasRect
box_rect (const AtlasSankeyBox *box)
{
  return (AtlasRect) { box->x0, box->y0, box->x1 - box->x0, box->y1 - box->y0 };
}

/* A band's edges between columns: horizontal where they leave and arrive. */
static void
curve_between (cairo_t *cr, double xa, double ya, double xb, double yb)
{
  double xm = (xa + xb) / 2;
  cairo_curve_to (cr, xm, ya, xm, yb, xb, yb);
}

static void
trace_forward_band (cairo_t *cr, const AtlasSankeyBand *band)
{
  double x = band->source_x;

  cairo_move_to (cr, band->source_x, band->source_y0);
  for (guint k = 0; k < band->n_waypoints; k++)
    {
      const AtlasSankeyBox *w = &band->waypoints[k];
      curve_between (cr, x, k == 0 ? band->source_y0 : band->waypoints[k - 1].y0, w->x0, w->y0);
      cairo_line_to (cr, w->x1, w->y0);
      x = w->x1;
    }
  curve_between (cr, x, band->n_waypoints > 0 ? band->waypoints[band->n_waypoints - 1].y0 : band->source_y0,
                 band->target_x, band->target_y0);

  cairo_line_to (cr, band->target_x, band->target_y1);
  x = band->target_x;
  for (guint k = band->n_waypoints; k-- > 0;)
    {
      const AtlasSankeyBox *w = &band->waypoints[k];
      curve_between (cr, x, k + 1 == band->n_waypoints ? band->target_y1 : band->waypoints[k + 1].y1,
                     w->x1, w->y1);
      cairo_line_to (cr, w->x0, w->y1);
      x = w->x0;
    }
  curve_between (cr, x, band->n_waypoints > 0 ? band->waypoints[0].y1 : band->target_y1,
                 band->source_x, band->source_y1);
  cairo_close_path (cr);
}

/* A loop's outline: the centre line (right, down, left, up, right) offset
 * by half the band's width on both sides, each corner an arc about a
 * shared centre so the band keeps its width through the turns. */
static void
trace_loop_band (cairo_t *cr, const AtlasSankeyBand *band)
{
  const AtlasSankeyLoop *loop = &band->loop;
  double h = band->width / 2, r = loop->radius;
  double ys = (band->source_y0 + band->source_y1) / 2, yt = (band->target_y0 + band->target_y1) / 2;
  double lane = loop->lane_y;

  cairo_move_to (cr, band->source_x, ys - h);
  cairo_line_to (cr, loop->out_x - r, ys - h);
  cairo_arc (cr, loop->out_x - r, ys + r, r + h, -G_PI / 2, 0);
  cairo_line_to (cr, loop->out_x + h, lane - r);
  cairo_arc (cr, loop->out_x - r, lane - r, r + h, 0, G_PI / 2);
  cairo_line_to (cr, loop->in_x + r, lane + h);
  cairo_arc (cr, loop->in_x + r, lane - r, r + h, G_PI / 2, G_PI);
  cairo_line_to (cr, loop->in_x - h, yt + r);
  cairo_arc (cr, loop->in_x + r, yt + r, r + h, G_PI, 3 * G_PI / 2);
  cairo_line_to (cr, band->target_x, yt - h);

  cairo_line_to (cr, band->target_x, yt + h);
  cairo_line_to (cr, loop->in_x + r, yt + h);
  cairo_arc_negative (cr, loop->in_x + r, yt + r, r - h, 3 * G_PI / 2, G_PI);
  cairo_line_to (cr, loop->in_x + h, lane - r);
  cairo_arc_negative (cr, loop->in_x + r, lane - r, r - h, G_PI, G_PI / 2);
  cairo_line_to (cr, loop->out_x - r, lane - h);
  cairo_arc_negative (cr, loop->out_x - r, lane - r, r - h, G_PI / 2, 0);
  cairo_line_to (cr, loop->out_x - h, ys + r);
  cairo_arc_negative (cr, loop->out_x - r, ys + r, r - h, 0, -G_PI / 2);
  cairo_line_to (cr, band->source_x, ys + h);
  cairo_close_path (cr);
}

/* A band's extents without asking cairo (which would flatten every curve):
 * its curves are horizontal at both ends, so they stay within the heights
 * of the boxes they join. */
static void
band_bounds (const AtlasSankeyBand *band, double *x0, double *y0, double *x1, double *y1)
{
  if (band->route == ATLAS_SANKEY_ROUTE_LOOP)
    {
      double h = band->width / 2;
      *x0 = band->loop.in_x - h;
      *x1 = band->loop.out_x + h;
      *y0 = MIN (band->source_y0, band->target_y0);
      *y1 = band->loop.lane_y + h;
      return;
    }
  *x0 = band->source_x;
  *x1 = band->target_x;
  *y0 = MIN (band->source_y0, band->target_y0);
  *y1 = MAX (band->source_y1, band->target_y1);
  for (guint k = 0; k < band->n_waypoints; k++)
    {
      *y0 = MIN (*y0, band->waypoints[k].y0);
      *y1 = MAX (*y1, band->waypoints[k].y1);
    }
}

static void
add_band_shape (Figure *f, guint l)
{
  const AtlasSankeyBand *band = &f->layout->bands[l];
  const AtlasLink *link = g_ptr_array_index (f->chain->links, l);
  AtlasShape shape = { 0 };
  double x0, y0, x1, y1;

  cairo_new_path (f->path_cr);
  if (band->route == ATLAS_SANKEY_ROUTE_LOOP)
    trace_loop_band (f->path_cr, band);
  else
    trace_forward_band (f->path_cr, band);
  band_bounds (band, &x0, &y0, &x1, &y1);

  shape.kind = ATLAS_SHAPE_PATH;
  shape.item = link_item (f->chain, l);
  shape.hit = TRUE;
  shape.bounds = (AtlasRect) { x0, y0, x1 - x0, y1 - y0 };
  shape.has_fill = TRUE;
  shape.fill = band_color (f, band->from);
  shape.hatched = link->estimate;
  shape.path = cairo_copy_path (f->path_cr);
  cairo_new_path (f->path_cr);
  atlas_scene_add_shape (f->scene, &shape);
}

static int
compare_band_width_desc (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const AtlasSankeyLayout *layout = data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;
  const AtlasSankeyBand *ba = &layout->bands[a], *bb = &layout->bands[b];
  gboolean loop_a = ba->route == ATLAS_SANKEY_ROUTE_LOOP, loop_b = bb->route == ATLAS_SANKEY_ROUTE_LOOP;

  if (loop_a != loop_b)
    return loop_a ? 1 : -1;
  if (ba->width != bb->width)
    return ba->width > bb->width ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* Wide bands first, so thin ones stay visible (and hoverable) on top;
 * loops last, as the format asks that they are never hidden. */
static void
add_band_shapes (Figure *f)
{
  guint n = f->layout->n_links;
  g_autofree guint *order = g_new0 (guint, MAX (n, 1));

  for (guint l = 0; l < n; l++)
    order[l] = l;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_band_width_desc, (gpointer) f->layout);
  for (guint i = 0; i < n; i++)
    add_band_shape (f, order[i]);
}

static void
add_node_shapes (Figure *f)
{
  for (guint i = 0; i < f->layout->n_nodes; i++)
    {
      AtlasRect rect = box_rect (&f->layout->nodes[i].box);
      AtlasItem item = node_item (f->chain, i);

      atlas_scene_add_rect (f->scene, &rect, &f->colors[i], &item);
      /* Labels keep clear of every node. */
      atlas_label_placer_reserve (f->placer, &rect);
    }
}

/* Loops run through the gutters and the bottom band: labels keep clear of
 * their five legs. */
static void
reserve_loops (Figure *f)
{
  for (guint l = 0; l < f->layout->n_links; l++)
    {
      const AtlasSankeyBand *band = &f->layout->bands[l];
      const AtlasSankeyLoop *loop = &band->loop;
      double h = band->width / 2, bottom = loop->lane_y + h;

      if (band->route != ATLAS_SANKEY_ROUTE_LOOP)
        continue;
      AtlasRect legs[] = {
        { band->source_x, band->source_y0, loop->out_x + h - band->source_x, band->width },
        { loop->out_x - h, band->source_y0, 2 * h, bottom - band->source_y0 },
        { loop->in_x - h, loop->lane_y - h, loop->out_x - loop->in_x + 2 * h, 2 * h },
        { loop->in_x - h, band->target_y0, 2 * h, bottom - band->target_y0 },
        { loop->in_x - h, band->target_y0, band->target_x - loop->in_x + h, band->width },
      };
      for (guint k = 0; k < G_N_ELEMENTS (legs); k++)
        atlas_label_placer_reserve (f->placer, &legs[k]);
    }
}

static AtlasShape *
add_plain_text (Figure *f, const char *text, const AtlasRect *box, double size, gboolean bold,
                gboolean wrap, AtlasAlign align, const AtlasColor *color, AtlasItem item)
{
  AtlasShape shape = { 0 };

  shape.kind = ATLAS_SHAPE_TEXT;
  shape.item = item;
  /* Labels stand for their item (they dim with it) but clicks go to the
   * shapes themselves, so a label over a band never steals its hover. */
  shape.hit = FALSE;
  shape.bounds = *box;
  shape.text = g_strdup (text);
  shape.font_size = size;
  shape.bold = bold;
  shape.wrap = wrap;
  shape.align = align;
  shape.has_fill = TRUE;
  shape.fill = *color;
  return atlas_scene_add_shape (f->scene, &shape);
}

/* ---- untraced flows -------------------------------------------------------- */

/* Where the sources do not trace a node's difference between what it
 * receives and what it passes on, the difference is drawn as a short
 * hatched stub on the side it is missing from, in the part of the node's
 * side that no band covers, and labelled: a chart that hid it would add up
 * where the data do not. */
typedef struct {
  guint     node;
  double    amount;      /* > 0 */
  gboolean  outgoing;    /* leaves on the right (destination not traced) */
  AtlasRect rect;
} UntracedStub;

/* The span of a node's side that its bands cover: [*top, *bottom]. */
static gboolean
banded_span (const Figure *f, guint node, gboolean outgoing, double *top, double *bottom)
{
  gboolean any = FALSE;

  for (guint l = 0; l < f->layout->n_links; l++)
    {
      const AtlasSankeyBand *band = &f->layout->bands[l];
      double y0 = outgoing ? band->source_y0 : band->target_y0;
      double y1 = outgoing ? band->source_y1 : band->target_y1;

      if ((outgoing ? band->from : band->to) != node)
        continue;
      *top = any ? MIN (*top, y0) : y0;
      *bottom = any ? MAX (*bottom, y1) : y1;
      any = TRUE;
    }
  return any;
}

static double
stub_length (const Figure *f)
{
  double column_gap = f->layout->n_stages > 1
                      ? f->layout->stage_x[1] - f->layout->stage_x[0] - f->layout->node_width
                      : f->area.width / 4;

  return CLAMP (column_gap * 0.22, 6, 60);
}

static gboolean
untraced_stub (const Figure *f, guint node, UntracedStub *out)
{
  const AtlasNode *n = chain_node (f->chain, node);
  const AtlasSankeyBox *box = &f->layout->nodes[node].box;
  double untraced = atlas_chain_node_untraced (f->chain, n);
  double top = 0, bottom = 0, height, y;

  if (untraced == 0)
    return FALSE;
  out->node = node;
  out->amount = fabs (untraced);
  out->outgoing = untraced < 0;
  height = MAX (out->amount * f->layout->scale, 1);
  if (!banded_span (f, node, out->outgoing, &top, &bottom))
    y = box->y0;
  else if (box->y1 - bottom >= top - box->y0)
    y = bottom;
  else
    y = top - height;
  y = CLAMP (y, box->y0, MAX (box->y0, box->y1 - height));
  out->rect = (AtlasRect) { out->outgoing ? box->x1 : box->x0 - stub_length (f), y, stub_length (f), height };
  return TRUE;
}

static char *
untraced_text (const Figure *f, const UntracedStub *stub, gboolean with_unit)
{
  g_autofree char *value = format_value (stub->amount);

  if (with_unit)
    /* TRANSLATORS: a flow the sources do not trace, "not traced: 36,820 t REO" */
    return g_strdup_printf (_("not traced: %s %s"), value, atlas_unit_label (f->chain->unit));
  return g_strdup_printf (_("not traced: %s"), value);
}

/* Beside the stub's free end, else above or below it. */
static void
label_untraced_stub (Figure *f, const UntracedStub *stub)
{
  double line = f->value_line, mid = stub->rect.y + stub->rect.height / 2;

  for (int with_unit = 1; with_unit >= 0; with_unit--)
    {
      g_autofree char *text = untraced_text (f, stub, with_unit);
      double w = text_width (f, text, f->value_size);
      double beside = stub->outgoing ? stub->rect.x + stub->rect.width + f->gap : stub->rect.x - f->gap - w;
      double end = stub->outgoing ? stub->rect.x : stub->rect.x + stub->rect.width - w;
      AtlasRect boxes[] = {
        { beside, mid - line / 2, w, line },
        { end, stub->rect.y + stub->rect.height + f->gap / 2, w, line },
        { end, stub->rect.y - f->gap / 2 - line, w, line },
      };

      for (guint k = 0; k < G_N_ELEMENTS (boxes); k++)
        if (atlas_label_placer_try (f->placer, &boxes[k]))
          {
            add_plain_text (f, text, &boxes[k], f->value_size, FALSE, FALSE, ATLAS_ALIGN_START,
                            &f->scene->style->foreground, node_item (f->chain, stub->node))->role = ATLAS_ROLE_NOTE;
            return;
          }
    }
}

static void
add_untraced_stubs (Figure *f, gboolean labels)
{
  for (guint i = 0; i < f->layout->n_nodes; i++)
    {
      UntracedStub stub;
      AtlasShape shape = { 0 };

      if (!untraced_stub (f, i, &stub))
        continue;
      if (labels)
        {
          label_untraced_stub (f, &stub);
          continue;
        }
      shape.kind = ATLAS_SHAPE_RECT;
      shape.item = node_item (f->chain, i);
      shape.hit = TRUE;
      shape.bounds = stub.rect;
      shape.has_fill = TRUE;
      shape.fill = f->scene->style->muted;
      shape.hatched = TRUE;
      shape.has_stroke = TRUE;
      shape.stroke = f->scene->style->muted;
      shape.line_width = 1;
      shape.dash = 3;
      atlas_scene_add_shape (f->scene, &shape);
      atlas_label_placer_reserve (f->placer, &stub.rect);
    }
}

static char *wrap_ellipsized (const Figure *f, const char *text, double size, gboolean bold,
                              double line, double width, guint lines);

/* Headers centred over their columns, wrapped as measured before the
 * layout; where the columns came out narrower, shortened to the lines
 * measured. */
static void
add_stage_headers (Figure *f)
{
  const AtlasRect *plot = &f->scene->plot;
  const AtlasSankeyLayout *layout = f->layout;
  double wrap = f->header_wrap;

  if (layout->n_stages > 1)
    wrap = MIN (wrap, layout->stage_x[1] - layout->stage_x[0] - f->gap);

  for (guint s = 0; s < f->chain->stages->len && s < layout->n_stages; s++)
    {
      const char *name = stage_name (f->chain, s, f->lang);
      double centre = layout->stage_x[s] + layout->node_width / 2;
      double w, h;
      g_autofree char *text = g_strdup (name);
      AtlasRect box;

      atlas_scene_measure_text (f->scene, text, f->header_size, TRUE, wrap, &w, &h);
      if (h > f->header_height + 0.5)
        {
          guint lines = MAX (1, (guint) floor (f->header_height / f->header_line + 0.05));

          g_free (text);
          text = wrap_ellipsized (f, name, f->header_size, TRUE, f->header_line, wrap, lines);
          if (text == NULL)
            continue;
          atlas_scene_measure_text (f->scene, text, f->header_size, TRUE, wrap, &w, &h);
        }
      else
        atlas_scene_measure_text (f->scene, text, f->header_size, TRUE,
                                  atlas_scene_balanced_wrap (f->scene, text, f->header_size, TRUE, wrap), &w, &h);
      /* One pixel of slack so the drawn text wraps exactly as measured. */
      box = (AtlasRect) { centre - (w + 1) / 2, plot->y, w + 1, h };
      box.x = CLAMP (box.x, plot->x, plot->x + plot->width - box.width);
      if (!atlas_label_placer_try (f->placer, &box))
        continue;
      add_plain_text (f, text, &box, f->header_size, TRUE, TRUE, ATLAS_ALIGN_CENTER,
                      &f->scene->style->foreground, (AtlasItem) { ATLAS_ITEM_NONE, NULL, -1 })->role = ATLAS_ROLE_HEADER;
    }
}

/* ---- node labels --------------------------------------------------------- */

typedef enum {
  LABEL_LEFT,
  LABEL_RIGHT,
} LabelSide;

/* One way of writing a node's label: a name (maybe on two lines) and an
 * optional value line below it. */
typedef struct {
  char   *name;
  double  name_w, name_h;
  char   *value;
  double  value_w, value_h;
} LabelText;

static void
label_text_clear (LabelText *t)
{
  g_free (t->name);
  g_free (t->value);
}

/* The longest prefix of @text (with "…") that wraps into @lines lines of
 * @line height at @width; NULL when not even one character fits. */
static char *
wrap_ellipsized (const Figure *f, const char *text, double size, gboolean bold, double line,
                 double width, guint lines)
{
  /* Past the characters ever laid out, a longer prefix measures the same. */
  glong n = g_utf8_strlen (text, -1), lo = 0, hi = MIN (n, ATLAS_SCENE_MAX_TEXT_CHARS);
  double h;

  atlas_scene_measure_text (f->scene, text, size, bold, width, NULL, &h);
  if (h <= lines * line * 1.1)
    return g_strdup (text);

  /* Binary search on the number of characters kept. */
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *prefix = g_utf8_substring (text, 0, mid);
      g_autofree char *candidate = g_strconcat (g_strchomp (prefix), "…", NULL);
      double w;

      atlas_scene_measure_text (f->scene, candidate, size, bold, width, &w, &h);
      if (h <= lines * line * 1.1 && w <= width)
        lo = mid;
      else
        hi = mid - 1;
    }
  if (lo == 0)
    return NULL;
  {
    g_autofree char *prefix = g_utf8_substring (text, 0, lo);
    return g_strconcat (g_strchomp (prefix), "…", NULL);
  }
}

/* A node's value as it fits @max_w: "in X / out Y", else the value alone.
 * Numbers are never cut short; NULL when neither fits. */
/* A focused node's value with its share of its stage: "13,130 · 3.8 % of
 * Separation and refining", what the slide says of the route. */
static char *
focused_value_text (const Figure *f, const AtlasNode *node)
{
  double total = 0;
  g_autofree char *value = format_value (node->value);
  g_autofree char *share = NULL;

  for (guint i = 0; i < f->chain->nodes->len; i++)
    {
      const AtlasNode *other = chain_node (f->chain, i);

      if (other->stage == node->stage)
        total += other->value;
    }
  if (!(total > 0))
    return NULL;
  share = atlas_format_percent (node->value / total);
  /* TRANSLATORS: a node's value and its share of its stage, "13,130 · 3.8 % of Separation and refining" */
  return g_strdup_printf (_("%s · %s of %s"), value, share, stage_name (f->chain, node->stage, f->lang));
}

static gboolean
node_is_focused (const Figure *f, const AtlasNode *node)
{
  for (guint i = 0; f->focused != NULL && i < f->chain->nodes->len; i++)
    if (chain_node (f->chain, i) == node)
      return f->focused[i];
  return FALSE;
}

static char *
fitting_value_text (const Figure *f, const AtlasNode *node, const char *prefix, double max_w, double *width)
{
  char *texts[3] = { node_is_focused (f, node) ? focused_value_text (f, node) : NULL, node_value_text (node),
                     format_value (node->value) };
  char *fitting = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts) && fitting == NULL; i++)
    {
      g_autofree char *line = NULL;

      if (texts[i] == NULL)
        continue;
      line = g_strconcat (prefix, texts[i], NULL);
      *width = text_width (f, line, f->value_size);
      if (*width <= max_w)
        fitting = g_steal_pointer (&line);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (texts[i]);
  return fitting;
}

/* Variant 0: the name (up to @name_lines lines, shortened with "…" if
 * need be) over its value; 1: name and value on one line, whole; 2: the
 * name alone on one line, shortened if need be. */
static gboolean
label_text_for (const Figure *f, const AtlasNode *node, guint variant, double max_w, guint name_lines,
                LabelText *out)
{
  const char *name = node_name (node, f->lang);

  /* Names are drawn one pixel wider than measured (see add_label_shapes). */
  max_w -= 1;
  *out = (LabelText) { 0 };
  switch (variant)
    {
    case 0:
      out->value = fitting_value_text (f, node, "", max_w, &out->value_w);
      out->name = wrap_ellipsized (f, name, f->name_size, FALSE, f->name_line, max_w, name_lines);
      if (out->name == NULL || out->value == NULL)
        return FALSE;
      out->value_h = f->value_line;
      atlas_scene_measure_text (f->scene, out->name, f->name_size, FALSE, max_w, &out->name_w, &out->name_h);
      return TRUE;

    case 1:
      {
        g_autofree char *prefix = g_strconcat (name, "  ", NULL);
        out->name = fitting_value_text (f, node, prefix, max_w, &out->name_w);
      }
      out->name_h = f->value_line;
      return out->name != NULL;

    default:
      out->name = atlas_scene_ellipsize (f->scene, name, f->value_size, FALSE, max_w);
      /* A name cut to a letter or two names nothing. */
      if (out->name == NULL || (strcmp (out->name, name) != 0 && g_utf8_strlen (out->name, -1) < 4))
        return FALSE;
      out->name_w = text_width (f, out->name, f->value_size);
      out->name_h = f->value_line;
      return TRUE;
    }
}

static void
add_label_shapes (Figure *f, guint node, const LabelText *t, const AtlasRect *box, LabelSide side)
{
  AtlasItem item = node_item (f->chain, node);
  AtlasAlign align = side == LABEL_LEFT ? ATLAS_ALIGN_END : ATLAS_ALIGN_START;
  double size = t->value != NULL ? f->name_size : f->value_size;
  /* One pixel of slack so the drawn text wraps exactly as measured. */
  AtlasRect name_box = { side == LABEL_LEFT ? box->x + box->width - t->name_w - 1 : box->x,
                         box->y, t->name_w + 1, t->name_h };

  add_plain_text (f, t->name, &name_box, size, FALSE, TRUE, align, &f->scene->style->foreground, item);
  if (t->value != NULL)
    {
      AtlasRect value_box = { side == LABEL_LEFT ? box->x + box->width - t->value_w : box->x,
                              box->y + t->name_h, t->value_w, t->value_h };
      add_plain_text (f, t->value, &value_box, f->value_size, FALSE, FALSE, ATLAS_ALIGN_START,
                      &f->scene->style->muted, item);
    }
}

/* Where a label may go beside a node: its anchor x and the room there. */
static gboolean
label_room (const Figure *f, guint node, LabelSide side, double *anchor, double *room)
{
  const AtlasSankeyLayout *layout = f->layout;
  const AtlasSankeyBox *box = &layout->nodes[node].box;
  guint stage = layout->nodes[node].stage;
  const AtlasRect *plot = &f->scene->plot;

  if (side == LABEL_LEFT)
    {
      double limit = stage == 0 ? plot->x : layout->stage_x[stage - 1] + layout->node_width + f->gap;
      *anchor = box->x0 - layout->stage_loop_left[stage] - f->gap;
      *room = *anchor - limit;
    }
  else
    {
      double limit = stage + 1 >= layout->n_stages ? plot->x + plot->width
                                                   : layout->stage_x[stage + 1] - f->gap;
      *anchor = box->x1 + layout->stage_loop_right[stage] + f->gap;
      *room = limit - *anchor;
    }
  return *room >= f->value_size * 2;
}

static const double label_shifts[] = { 0, -0.35, 0.35, -0.7, 0.7 };

/* Whether a label of height @h (and a few characters wide) has a free spot
 * beside the node: in a crowded column most nodes fail this, and finding
 * out costs no text measuring. */
static gboolean
label_may_fit (const Figure *f, const AtlasSankeyNodeBox *nb, LabelSide side, double anchor,
               double room, double h)
{
  double w = MIN (room, f->value_size * 2);
  double centre = (nb->box.y0 + nb->box.y1) / 2;

  for (guint s = 0; s < G_N_ELEMENTS (label_shifts); s++)
    {
      double y = centre - h / 2 + label_shifts[s] * h;
      AtlasRect box = { side == LABEL_LEFT ? anchor - w : anchor, y, w, h };

      if (y <= nb->box.y1 && y + h >= nb->box.y0 && atlas_label_placer_is_free (f->placer, &box))
        return TRUE;
    }
  return FALSE;
}

/* The gaps between each node's neighbours in its column, once per figure,
 * from the layout's reading order (stage by stage, top to bottom). */
static void
find_label_gaps (Figure *f)
{
  const AtlasSankeyLayout *layout = f->layout;
  const guint *order = layout->node_order;
  guint n = layout->n_nodes;

  f->gap_top = g_new (double, MAX (n, 1));
  f->gap_bottom = g_new (double, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    {
      guint node = order[k], stage = layout->nodes[node].stage;

      f->gap_top[node] = k > 0 && layout->nodes[order[k - 1]].stage == stage
                         ? layout->nodes[order[k - 1]].box.y1 : f->area.y;
      f->gap_bottom[node] = k + 1 < n && layout->nodes[order[k + 1]].stage == stage
                            ? layout->nodes[order[k + 1]].box.y0 : f->area.y + f->area.height;
    }
}

/* Where a label of height @h beside @node stays off its neighbours' flows:
 * inside the gap between the nodes above and below it in its column, as
 * near its centre as that allows. FALSE when the gap is lower than @h. */
static gboolean
label_y_between_neighbours (const Figure *f, guint node, double h, double *y)
{
  const AtlasSankeyNodeBox *nb = &f->layout->nodes[node];
  double top = f->gap_top[node], bottom = f->gap_bottom[node];

  if (bottom - top < h)
    return FALSE;
  *y = CLAMP ((nb->box.y0 + nb->box.y1) / 2 - h / 2, top, bottom - h);
  return TRUE;
}

/* How many lines a node's name may take over its value: two, or as many
 * as the node is tall (up to four), so that a long name beside a tall node
 * is read whole ("Magnets: electric vehicles, wind power, electronics,
 * medical equipment (MRI), aerospace and defence") and a short node's
 * label stays beside it. */
static guint
name_lines_beside (const Figure *f, const AtlasSankeyNodeBox *nb)
{
  double lines = floor ((nb->box.y1 - nb->box.y0) / f->name_line) + 1;

  return (guint) CLAMP (lines, 2, 4);
}

/* Places @t beside @node, its top at @y, when nothing else is there. */
static gboolean
try_label_at (Figure *f, guint node, const LabelText *t, LabelSide side, double anchor, double y)
{
  double w = MAX (t->name_w + 1, t->value_w), h = t->name_h + t->value_h;
  AtlasRect box = { side == LABEL_LEFT ? anchor - w : anchor, y, w, h };

  if (!atlas_label_placer_try (f->placer, &box))
    return FALSE;
  add_label_shapes (f, node, t, &box, side);
  return TRUE;
}

/* Tries the label's variants, each first where it covers no neighbour's
 * flows, then at a few heights around the node's centre, keeping it beside
 * the node; the first free spot wins. */
static gboolean
place_node_label (Figure *f, guint node, LabelSide side)
{
  const AtlasSankeyNodeBox *nb = &f->layout->nodes[node];
  double anchor, room, centre = (nb->box.y0 + nb->box.y1) / 2;

  if (!label_room (f, node, side, &anchor, &room))
    return FALSE;
  /* No room for one line: none for two either (and the one-line variants
   * would be tested against the same boxes again). */
  if (!label_may_fit (f, nb, side, anchor, room, f->value_line))
    return FALSE;

  for (guint variant = 0; variant < 3; variant++)
    {
      LabelText t;
      double h;

      if (variant == 0 && !label_may_fit (f, nb, side, anchor, room, f->name_line + f->value_line))
        continue;
      if (!label_text_for (f, chain_node (f->chain, node), variant, room, name_lines_beside (f, nb), &t))
        {
          label_text_clear (&t);
          continue;
        }
      h = t.name_h + t.value_h;
      for (guint s = 0; s <= G_N_ELEMENTS (label_shifts); s++)
        {
          double y;

          if (s == 0)
            {
              if (!label_y_between_neighbours (f, node, h, &y))
                continue;
            }
          else
            y = centre - h / 2 + label_shifts[s - 1] * h;

          /* Still beside its node: the label overlaps the node's height. */
          if (y > nb->box.y1 || y + h < nb->box.y0)
            continue;
          if (try_label_at (f, node, &t, side, anchor, y))
            {
              label_text_clear (&t);
              return TRUE;
            }
        }
      label_text_clear (&t);
    }
  return FALSE;
}

/* Whether @node's forward flows, taken together, end higher than they
 * start: leaving the node, they turn upwards. */
static gboolean
own_flows_rise (const Figure *f, guint node)
{
  const AtlasSankeyLayout *layout = f->layout;
  double climb = 0;

  for (guint l = 0; l < layout->n_links; l++)
    {
      const AtlasSankeyBand *band = &layout->bands[l];

      if (band->from == node && band->route != ATLAS_SANKEY_ROUTE_LOOP)
        climb += band->width * ((band->source_y0 + band->source_y1) - (band->target_y0 + band->target_y1));
    }
  return climb > 0;
}

/* The last resort for a first-column node whose left is taken: on its
 * right, where its own flows leave, inside the gap between its column
 * neighbours (so over no other node's flows), just below the node when its
 * flows rise and just above when they fall, so that they run along the
 * label's edge rather than through its text. */
static gboolean
place_node_label_right_of_first_column (Figure *f, guint node)
{
  const AtlasSankeyNodeBox *nb = &f->layout->nodes[node];
  gboolean rising = own_flows_rise (f, node);
  double anchor, room;

  if (!label_room (f, node, LABEL_RIGHT, &anchor, &room))
    return FALSE;
  for (guint variant = 0; variant < 3; variant++)
    {
      LabelText t;
      double h, below, above;

      if (!label_text_for (f, chain_node (f->chain, node), variant, room, name_lines_beside (f, nb), &t))
        {
          label_text_clear (&t);
          continue;
        }
      h = t.name_h + t.value_h;
      below = nb->box.y1 + 1;
      above = nb->box.y0 - 1 - h;
      for (guint k = 0; k < 2; k++)
        {
          double y = (k == 0) == rising ? below : above;

          if (y < f->gap_top[node] || y + h > f->gap_bottom[node])
            continue;
          if (try_label_at (f, node, &t, LABEL_RIGHT, anchor, y))
            {
              label_text_clear (&t);
              return TRUE;
            }
        }
      label_text_clear (&t);
    }
  return FALSE;
}

static int
compare_nodes_by_value_desc (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const AtlasChain *chain = data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;
  double va = chain_node (chain, a)->value, vb = chain_node (chain, b)->value;

  if (va != vb)
    return va > vb ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* Large nodes are labelled first: when space runs out the small ones go.
 * First column: labels on the left, else just off the node on its right;
 * others on the right, else the left. */
static void
add_node_labels (Figure *f)
{
  guint n = f->chain->nodes->len;
  g_autofree guint *order = g_new0 (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_nodes_by_value_desc, (gpointer) f->chain);
  find_label_gaps (f);

  for (guint i = 0; i < n; i++)
    {
      guint node = order[i];
      if (f->layout->nodes[node].stage == 0 && f->layout->n_stages > 1)
        {
          if (!place_node_label (f, node, LABEL_LEFT))
            place_node_label_right_of_first_column (f, node);
        }
      else if (!place_node_label (f, node, LABEL_RIGHT))
        place_node_label (f, node, LABEL_LEFT);
    }
}

/* ---- link labels --------------------------------------------------------- */

/* The label sits inside the band: its box must stay between the band's
 * edges at both its ends (a little tolerance for the font's leading). */
static gboolean
box_inside_band (const AtlasSankeyBand *band, const AtlasRect *box)
{
  double slack = box->height * 0.15;

  for (int k = 0; k <= 2; k++)
    {
      double x = box->x + box->width * k / 2, y;
      if (!atlas_sankey_band_centre_at (band, x, &y))
        return FALSE;
      if (box->y + slack < y - band->width / 2 || box->y + box->height - slack > y + band->width / 2)
        return FALSE;
    }
  return TRUE;
}

static char *
link_label_text (const Figure *f, const AtlasLink *link, guint variant)
{
  g_autofree char *value = format_value (link->value);
  g_autofree char *share = atlas_format_percent (link_share_of_source (f->chain, link));

  switch (variant)
    {
    case 0: return g_strdup_printf ("%s %s · %s", value, atlas_unit_label (f->chain->unit), share);
    case 1: return g_strdup_printf ("%s · %s", value, share);
    default: return g_strdup (share);
    }
}

static gboolean
place_link_label (Figure *f, guint l)
{
  const AtlasSankeyBand *band = &f->layout->bands[l];
  const AtlasLink *link = g_ptr_array_index (f->chain->links, l);
  static const double along[] = { 0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8 };
  double line = f->value_line;

  if (band->width < line * 0.8)
    return FALSE;

  for (guint variant = 0; variant < 3; variant++)
    {
      g_autofree char *text = link_label_text (f, link, variant);
      double w = text_width (f, text, f->value_size);

      for (guint k = 0; k < G_N_ELEMENTS (along); k++)
        {
          double x, y;
          AtlasRect box;

          if (band->route == ATLAS_SANKEY_ROUTE_LOOP)
            {
              /* On the run below the diagram, the loop's flat part. */
              x = band->loop.in_x + (band->loop.out_x - band->loop.in_x) * along[k];
              y = band->loop.lane_y;
              box = (AtlasRect) { x - w / 2, y - line / 2, w, line };
              if (box.x < band->loop.in_x + band->loop.radius ||
                  box.x + w > band->loop.out_x - band->loop.radius)
                continue;
            }
          else
            {
              atlas_sankey_band_point (band, along[k], &x, &y);
              box = (AtlasRect) { x - w / 2, y - line / 2, w, line };
              if (!box_inside_band (band, &box))
                continue;
            }
          if (atlas_label_placer_try (f->placer, &box))
            {
              add_plain_text (f, text, &box, f->value_size, FALSE, FALSE, ATLAS_ALIGN_START,
                              &f->scene->style->foreground, link_item (f->chain, l));
              return TRUE;
            }
        }
    }
  return FALSE;
}

static int
compare_links_by_value_desc (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const AtlasChain *chain = data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;
  const AtlasLink *la = g_ptr_array_index (chain->links, a), *lb = g_ptr_array_index (chain->links, b);

  if (la->value != lb->value)
    return la->value > lb->value ? -1 : 1;
  return a < b ? -1 : a > b;
}

static void
add_link_labels (Figure *f)
{
  guint n = f->chain->links->len;
  g_autofree guint *order = g_new0 (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_links_by_value_desc, (gpointer) f->chain);
  for (guint i = 0; i < n; i++)
    place_link_label (f, order[i]);
}

/* ---- reading order and description ------------------------------------- */

static void
add_items (Figure *f)
{
  for (guint i = 0; i < f->layout->n_nodes; i++)
    {
      AtlasItem item = node_item (f->chain, f->layout->node_order[i]);
      atlas_scene_add_item (f->scene, &item);
    }
  for (guint i = 0; i < f->layout->n_links; i++)
    {
      AtlasItem item = link_item (f->chain, f->layout->link_order[i]);
      atlas_scene_add_item (f->scene, &item);
    }
}

static void
describe_stage (const Figure *f, guint stage, GString *out)
{
  const AtlasChain *chain = f->chain;
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint shown;

  for (guint i = 0; i < chain->nodes->len; i++)
    if (chain_node (chain, i)->stage == stage)
      g_array_append_val (nodes, i);
  if (nodes->len == 0)
    return;
  g_array_sort_with_data (nodes, compare_nodes_by_value_desc, (gpointer) chain);

  atlas_append_sentence (out, stage_name (chain, stage, f->lang));
  g_string_append (out, atlas_punct_label_separator ());
  shown = MIN (nodes->len, DESCRIBE_MAX_NODES);
  for (guint k = 0; k < shown; k++)
    {
      const AtlasNode *node = chain_node (chain, g_array_index (nodes, guint, k));
      g_autofree char *value = format_value (node->value);
      g_string_append (out, k > 0 ? atlas_punct_phrase_separator () : "");
      g_string_append_printf (out, C_("region and share", "%s %s"), node_name (node, f->lang), value);
    }
  if (nodes->len > shown)
    /* TRANSLATORS: after a list of the largest nodes of a stage */
    g_string_append_printf (out, _(", and %u more"), nodes->len - shown);
  g_string_append (out, atlas_punct_list_separator ());
}

/* "Rare-earth supply chain, 2024, in t REO. Mining: China 270,000, ...;
 * ... Largest flow: ..." — for screen readers and the sidebar. */
static char *
describe_chain (const Figure *f)
{
  const AtlasChain *chain = f->chain;
  GString *out = g_string_new (NULL);
  const char *title = atlas_text_get (chain->title, f->lang);
  guint largest = G_MAXUINT, n_estimates = 0;

  /* TRANSLATORS: the start of the Flows figure's description: title, then unit */
  g_string_append_printf (out, _("%s, in %s:"), title != NULL ? title : chain->id, atlas_unit_label (chain->unit));
  for (guint s = 0; s < chain->stages->len; s++)
    describe_stage (f, s, out);
  if (g_str_has_suffix (out->str, atlas_punct_list_separator ()))
    g_string_truncate (out, out->len - strlen (atlas_punct_list_separator ()));
  g_string_append (out, atlas_punct_full_stop ());

  for (guint l = 0; l < chain->links->len; l++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, l);
      n_estimates += link->estimate;
      if (largest == G_MAXUINT || link->value > ((const AtlasLink *) g_ptr_array_index (chain->links, largest))->value)
        largest = l;
    }
  if (largest != G_MAXUINT)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, largest);
      g_autofree char *from = node_full_name (chain, link->from, f->lang);
      g_autofree char *to = node_full_name (chain, link->to, f->lang);
      g_autofree char *value = format_value (link->value);
      g_autofree char *share = atlas_format_percent (link_share_of_source (chain, link));
      /* TRANSLATORS: from, to, value, unit, share of the source's outflow */
      g_autofree char *sentence = g_strdup_printf (_("Largest flow: %s to %s, %s %s (%s of its source's outflow)."),
                                                   from, to, value, atlas_unit_label (chain->unit), share);
      atlas_append_sentence (out, sentence);
    }
  if (n_estimates > 0)
    {
      g_autofree char *sentence = g_strdup_printf (_("%u of %u flows are estimates."), n_estimates,
                                                   chain->links->len);
      atlas_append_sentence (out, sentence);
    }
  return g_string_free (out, FALSE);
}

/* ---- entry points -------------------------------------------------------- */

/* Without a chain id the diagram is the first that holds the node to
 * select (a slide may name only the node), else the first of the file. */
static const AtlasChain *
find_chain (AtlasDataset *dataset, const char *id, const char *select, GError **error)
{
  GPtrArray *chains = atlas_dataset_get_chains (dataset);
  const AtlasChain *chain;

  if (id == NULL)
    {
      if (chains->len == 0)
        {
          g_set_error_literal (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_NOTHING,
                               _("the dataset has no supply chain to draw"));
          return NULL;
        }
      for (guint i = 0; select != NULL && i < chains->len; i++)
        if (atlas_chain_find_node (g_ptr_array_index (chains, i), select) >= 0)
          return g_ptr_array_index (chains, i);
      return g_ptr_array_index (chains, 0);
    }
  chain = atlas_dataset_find_chain (dataset, id);
  if (chain == NULL)
    g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID,
                 _("unknown supply chain \"%s\""), id);
  return chain;
}

static gboolean
find_selected_node (const AtlasChain *chain, const char *select, int *node, GError **error)
{
  *node = -1;
  if (select == NULL)
    return TRUE;
  *node = atlas_chain_find_node (chain, select);
  if (*node < 0)
    {
      g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID,
                   _("supply chain \"%s\" has no node \"%s\""), chain->id, select);
      return FALSE;
    }
  return TRUE;
}

/* The nodes a slide's focus names: by their id, or by their region (a
 * region's whole route through the chain). */
static void
find_focused_nodes (Figure *f, const char * const *focus)
{
  guint n = f->chain->nodes->len;

  if (focus == NULL || focus[0] == NULL)
    return;
  f->focused = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const AtlasNode *node = chain_node (f->chain, i);

      f->focused[i] = (node->id != NULL && g_strv_contains (focus, node->id)) ||
                      (node->region != NULL && g_strv_contains (focus, node->region->id));
    }
}

/* The route of the focused nodes: their own flows and the nodes at their
 * other ends, followed on only while the material is the route's alone.
 * A region's ore that joins China's at a refinery lights the refinery, not
 * everything China's refinery makes. */
static void
apply_focus (Figure *f)
{
  const SankeyData *data = f->scene->chart_data;
  GHashTable *set;

  if (f->focused == NULL)
    return;
  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk_links (data, f->focused, TRUE, TRUE, set);
  walk_links (data, f->focused, FALSE, TRUE, set);
  atlas_scene_set_focus_keys (f->scene, set);
}

static AtlasScene *
layout_pass (AtlasDataset            *dataset,
             const AtlasChartOptions *options,
             const AtlasChain        *chain,
             int                      selected,
             double                   width,
             double                   height,
             const AtlasStyle        *style,
             const char              *footer_note,
             GError                 **error)
{
  g_autoptr(AtlasScene) scene = NULL;
  Figure f = { 0 };
  AtlasSankeyLayout *layout;

  scene = atlas_scene_new (&sankey_scene_class, dataset, style, width, height);
  f.scene = scene;
  f.dataset = dataset;
  f.chain = chain;
  f.footer_note = footer_note;
  f.lang = options->lang != NULL ? options->lang : scene->style->lang;
  f.name_size = atlas_scene_font_size (scene, ATLAS_FONT_LABEL);
  f.value_size = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  f.header_size = atlas_scene_font_size (scene, ATLAS_FONT_LABEL);
  f.name_line = line_height (scene, f.name_size);
  f.value_line = line_height (scene, f.value_size);
  f.header_line = line_height (scene, f.header_size);
  f.gap = f.value_size * 0.5;

  choose_node_colors (&f);
  find_focused_nodes (&f, options->focus);
  layout_frame (&f, options);
  layout = compute_layout (&f, options, error);
  if (layout == NULL)
    {
      figure_clear (&f);
      return NULL;
    }
  scene->chart_data = sankey_data_new (chain, layout);
  scene->chart_data_free = sankey_data_free;
  f.layout = layout;

  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
    f.path_cr = cairo_create (surface);
    cairo_surface_destroy (surface);
  }
  f.placer = atlas_label_placer_new (&scene->plot);

  add_band_shapes (&f);
  add_node_shapes (&f);
  add_untraced_stubs (&f, FALSE);
  reserve_loops (&f);
  add_stage_headers (&f);
  add_node_labels (&f);
  add_untraced_stubs (&f, TRUE);
  add_link_labels (&f);
  add_items (&f);
  scene->description = describe_chain (&f);

  apply_focus (&f);
  if (selected >= 0)
    {
      AtlasItem item = node_item (chain, selected);
      atlas_scene_set_selected (scene, &item);
      atlas_scene_set_highlight (scene, &item);
    }
  atlas_chart_add_annotations (scene, dataset, options);

  figure_clear (&f);
  return g_steal_pointer (&scene);
}

/* Which nodes the figure names with a label of their own, in one pass over
 * its shapes (a figure of thousands of nodes has tens of thousands). */
static gboolean *
labelled_nodes (const AtlasScene *scene, guint n_nodes)
{
  gboolean *labelled = g_new0 (gboolean, MAX (n_nodes, 1));

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind == ATLAS_SHAPE_TEXT && shape->item.kind == ATLAS_ITEM_NODE &&
          shape->role == ATLAS_ROLE_LABEL && shape->item.index >= 0 && (guint) shape->item.index < n_nodes)
        labelled[shape->item.index] = TRUE;
    }
  return labelled;
}

/* Adds to @unlabelled (node indices, kept in reading order) what @scene
 * leaves without a label; @listed marks what is in it already.  TRUE when
 * it added any. */
static gboolean
collect_unlabelled (const AtlasScene *scene, GArray *unlabelled, gboolean *listed)
{
  const AtlasSankeyLayout *layout = ((const SankeyData *) scene->chart_data)->layout;
  g_autofree gboolean *labelled = labelled_nodes (scene, layout->n_nodes);
  gboolean added = FALSE;

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      guint node = layout->node_order[i];

      if (!listed[node] && !labelled[node])
        {
          g_array_append_val (unlabelled, node);
          listed[node] = TRUE;
          added = TRUE;
        }
    }
  return added;
}

/* Past this many, the list gives names only, by stage: a figure that
 * leaves that many nodes unlabelled is small for its type (a narrow
 * window with large text), and the values are a hover away. */
#define MAX_UNLABELLED_WITH_VALUES 4

/* "Mining: Thailand, Madagascar; End use: Polishing" */
static void
append_names_by_stage (GString *list, const AtlasChain *chain, GArray *unlabelled, const char *lang)
{
  for (guint stage = 0; stage < chain->stages->len; stage++)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint k = 0; k < unlabelled->len; k++)
        {
          const AtlasNode *node = chain_node (chain, g_array_index (unlabelled, guint, k));

          if (node->stage != stage)
            continue;
          if (names->len > 0)
            g_string_append (names, atlas_punct_names_separator ());
          g_string_append (names, node_name (node, lang));
        }
      if (names->len == 0)
        continue;
      if (list->len > 0)
        g_string_append (list, atlas_punct_list_separator ());
      g_string_append_printf (list, "%s%s%s", stage_name (chain, stage, lang), atlas_punct_label_separator (),
                              names->str);
    }
}

/* "Not labelled: Thailand (mining) 13,000; Madagascar (mining) 2,000." */
static char *
unlabelled_note (const AtlasChain *chain, GArray *unlabelled, const char *lang)
{
  g_autoptr(GString) list = g_string_new (NULL);

  if (unlabelled->len > MAX_UNLABELLED_WITH_VALUES)
    {
      append_names_by_stage (list, chain, unlabelled, lang);
      /* TRANSLATORS: the nodes too small to carry a label, listed */
      return g_strdup_printf (_("Not labelled: %s."), list->str);
    }
  for (guint k = 0; k < unlabelled->len; k++)
    {
      guint node = g_array_index (unlabelled, guint, k);
      g_autofree char *name = node_full_name (chain, node, lang);
      g_autofree char *value = node_value_text (chain_node (chain, node));

      if (k > 0)
        g_string_append (list, atlas_punct_list_separator ());
      g_string_append_printf (list, "%s %s", name, value);
    }
  /* TRANSLATORS: the nodes too small to carry a label, listed */
  return g_strdup_printf (_("Not labelled: %s."), list->str);
}

/* Every node is named: one too small for a label of its own is listed in
 * the footer.  The footer's line takes room from the plot, so the figure is
 * laid out again (at most twice more) until the list names all it must. */
AtlasScene *
atlas_sankey_chart_layout (AtlasDataset            *dataset,
                           const AtlasChartOptions *options,
                           double                   width,
                           double                   height,
                           const AtlasStyle        *style,
                           GError                 **error)
{
  const AtlasChain *chain;
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(GArray) unlabelled = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *listed = NULL;
  int selected;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  chain = find_chain (dataset, options->chain, options->select, error);
  if (chain == NULL || !find_selected_node (chain, options->select, &selected, error))
    return NULL;
  if (chain->nodes->len == 0)
    {
      g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_NOTHING,
                   _("supply chain \"%s\" has no nodes"), chain->id);
      return NULL;
    }

  listed = g_new0 (gboolean, MAX (chain->nodes->len, 1));
  scene = layout_pass (dataset, options, chain, selected, width, height, style, NULL, error);
  for (guint pass = 0; scene != NULL && pass < 2 && collect_unlabelled (scene, unlabelled, listed); pass++)
    {
      g_autofree char *note = unlabelled_note (chain, unlabelled, options->lang != NULL ? options->lang
                                                                                        : scene->style->lang);

      g_clear_pointer (&scene, atlas_scene_free);
      scene = layout_pass (dataset, options, chain, selected, width, height, style, note, error);
    }
  return g_steal_pointer (&scene);
}

/* A difference the sources do not trace is a row too, so that the table
 * adds up as the chart does: from the node to "(not traced)", or back. */
static void
add_untraced_rows (AtlasDataset *dataset, const AtlasChain *chain, const char *lang, AtlasTable *table)
{
  for (guint i = 0; i < chain->nodes->len; i++)
    {
      double untraced = atlas_chain_node_untraced (chain, chain_node (chain, i));
      char *node = NULL;

      if (untraced == 0)
        continue;
      node = node_full_name (chain, i, lang);
      atlas_table_add_row (table,
                           untraced < 0 ? node : g_strdup (_("(not traced)")),
                           untraced < 0 ? g_strdup (_("(not traced)")) : node,
                           atlas_format_plain_number (fabs (untraced), -1),
                           g_strdup (""),
                           g_strdup (""),
                           g_strdup (untraced < 0 ? _("The sources do not say where this goes.")
                                                  : _("The sources do not say where this comes from.")),
                           atlas_table_format_cite (dataset, (const char * const *) chain->cite, lang),
                           NULL);
    }
}

AtlasTable *
atlas_sankey_chart_table (AtlasDataset            *dataset,
                          const AtlasChartOptions *options,
                          GError                 **error)
{
  const AtlasChain *chain;
  const char *lang;
  g_autofree char *value_header = NULL;
  AtlasTable *table;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  chain = find_chain (dataset, options->chain, options->select, error);
  if (chain == NULL)
    return NULL;
  lang = options->lang;

  /* TRANSLATORS: a table column: the flow's value in its unit, as in "Value (t REO)" */
  value_header = g_strdup_printf (_("Value (%s)"), atlas_unit_label (chain->unit));
  table = atlas_table_new ();
  atlas_table_add_column (table, _("From"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("To"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, value_header, ATLAS_TABLE_COLUMN_NUMBER);
  atlas_table_add_column (table, _("Share of source's outflow (%)"), ATLAS_TABLE_COLUMN_PERCENT);
  atlas_table_add_column (table, _("Estimate"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, C_("table column", "Note"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Sources"), ATLAS_TABLE_COLUMN_TEXT);
  for (guint l = 0; l < chain->links->len; l++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, l);
      const char * const *cite = atlas_cite_or (link->cite, chain->cite);

      atlas_table_add_row (table,
                           node_full_name (chain, link->from, lang),
                           node_full_name (chain, link->to, lang),
                           /* The dataset's figure as written; the share
                            * is derived, rounded where it stops meaning
                            * anything to a reader. */
                           atlas_format_plain_number (link->value, -1),
                           atlas_table_format_percent (100 * link_share_of_source (chain, link)),
                           g_strdup (link->estimate ? _("yes") : ""),
                           g_strdup (link->note != NULL ? atlas_text_get (link->note, lang) : ""),
                           atlas_table_format_cite (dataset, cite, lang),
                           NULL);
    }
  add_untraced_rows (dataset, chain, lang, table);
  return table;
}

/* ---- geometry as JSON -------------------------------------------------------- */

const AtlasSankeyLayout *
atlas_sankey_scene_get_layout (const AtlasScene *scene)
{
  g_return_val_if_fail (scene != NULL, NULL);

  if (scene->klass != &sankey_scene_class || scene->chart_data == NULL)
    return NULL;
  return ((const SankeyData *) scene->chart_data)->layout;
}

/* A JSON string: ids are plain, but written escaped all the same. */
static void
append_json_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_json_member (GString *out, const char *name, double value, gboolean last)
{
  g_autofree char *number = atlas_format_json_number (value);

  g_string_append_printf (out, "\"%s\":%s%s", name, number, last ? "" : ",");
}

/* Written by hand rather than with JsonGenerator, which writes a double
 * as "%.17g" and adds ".0" when it sees no point: 1e+20.0, -nan.0. */
char *
atlas_sankey_scene_to_json (const AtlasScene *scene)
{
  const AtlasSankeyLayout *layout = atlas_sankey_scene_get_layout (scene);
  const AtlasChain *chain;
  GString *out;

  if (layout == NULL)
    return NULL;
  chain = ((const SankeyData *) scene->chart_data)->chain;

  out = g_string_new ("{\"nodes\":[");
  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const AtlasSankeyBox *box = &layout->nodes[i].box;

      g_string_append (out, i > 0 ? ",{\"id\":" : "{\"id\":");
      append_json_string (out, chain_node (chain, i)->id);
      g_string_append_c (out, ',');
      append_json_member (out, "x0", box->x0, FALSE);
      append_json_member (out, "y0", box->y0, FALSE);
      append_json_member (out, "x1", box->x1, FALSE);
      append_json_member (out, "y1", box->y1, TRUE);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"links\":[");
  for (guint l = 0; l < layout->n_links; l++)
    {
      const AtlasSankeyBand *band = &layout->bands[l];

      g_string_append (out, l > 0 ? ",{\"from\":" : "{\"from\":");
      append_json_string (out, chain_node (chain, band->from)->id);
      g_string_append (out, ",\"to\":");
      append_json_string (out, chain_node (chain, band->to)->id);
      g_string_append_c (out, ',');
      append_json_member (out, "value", band->value, FALSE);
      append_json_member (out, "y0", (band->source_y0 + band->source_y1) / 2, FALSE);
      append_json_member (out, "y1", (band->target_y0 + band->target_y1) / 2, FALSE);
      append_json_member (out, "width", band->width, TRUE);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  return g_string_free (out, FALSE);
}
