/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-sankey-layout.h: the Sankey diagram as pure geometry (columns, node order, boxes, link bands, loops); no cairo, no Pango. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_SANKEY_LAYOUT_ERROR (atlas_sankey_layout_error_quark ())
GQuark atlas_sankey_layout_error_quark (void);

typedef enum {
  ATLAS_SANKEY_LAYOUT_ERROR_INVALID,   /* a link or node breaks the graph's rules */
} AtlasSankeyLayoutError;

/* ---- input ------------------------------------------------------------ */

typedef struct {
  guint  from;                  /* node index */
  guint  to;                    /* node index, in another stage */
  double value;                 /* >= 0, finite */
} AtlasSankeyLinkSpec;

/* A layered graph: nodes carry a stage (column) index; a link to a later
 * stage flows forward (possibly skipping stages), a link to an earlier
 * stage is a return flow drawn as a loop. */
typedef struct {
  guint                      n_stages;
  guint                      n_nodes;
  const guint               *node_stages;   /* n_nodes stage indices */
  guint                      n_links;
  const AtlasSankeyLinkSpec *links;         /* n_links */
} AtlasSankeyGraph;

typedef struct {
  /* The plot: everything (nodes, bands, loops) stays inside it. */
  double        x, y, width, height;
  double        node_width;
  double        node_padding;      /* vertical gap between nodes of a column */
  double        min_node_height;   /* keeps tiny nodes visible; 0: exact heights */
  /* Room kept free for labels left of the first and right of the last column. */
  double        gutter_left, gutter_right;
  gboolean      keep_order;        /* the dataset's node order, no reordering */
  /* n_nodes vertical offsets, or NULL: applied after relaxation, as a
   * user's drag; the column then makes room, keeping its order, inside the
   * plot.  Each is a fraction of the plot's height (down positive), so that
   * a drag keeps its place in a figure of any size. */
  const double *node_offsets;
  guint         order_iterations;  /* crossing-minimisation sweeps */
  guint         relax_iterations;  /* vertical relaxation passes */
} AtlasSankeyOptions;

/* Sensible defaults for a plot rectangle. */
void atlas_sankey_options_init (AtlasSankeyOptions *options,
                                double              x,
                                double              y,
                                double              width,
                                double              height);

/* ---- output ----------------------------------------------------------- */

typedef struct {
  double x0, y0, x1, y1;
} AtlasSankeyBox;

typedef struct {
  AtlasSankeyBox box;
  guint          stage;
  guint          rank;          /* position among the real nodes of its stage, top = 0 */
  double         inflow, outflow;
  double         value;         /* MAX (inflow, outflow) */
} AtlasSankeyNodeBox;

typedef enum {
  ATLAS_SANKEY_ROUTE_DIRECT,    /* to the next stage */
  ATLAS_SANKEY_ROUTE_SKIP,      /* over one or more stages, through waypoints */
  ATLAS_SANKEY_ROUTE_LOOP,      /* back to an earlier stage, around the bottom */
} AtlasSankeyRoute;

/* A return flow's centre line: right from the source to out_x, down to
 * lane_y, left to in_x, up to the target's band and right into it; each
 * corner rounded with @radius (>= half the band's width). */
typedef struct {
  double out_x;
  double in_x;
  double lane_y;
  double radius;
} AtlasSankeyLoop;

typedef struct {
  guint            from, to;
  double           value;
  double           width;       /* value * scale */
  AtlasSankeyRoute route;
  /* Where the band leaves the source (its right side) and enters the
   * target (its left side): x and the band's top and bottom. */
  double           source_x, source_y0, source_y1;
  double           target_x, target_y0, target_y1;
  /* SKIP: the band crosses each intermediate column straight through one
   * of these boxes (a virtual node kept in a gap between real nodes). */
  guint            n_waypoints;
  AtlasSankeyBox  *waypoints;
  AtlasSankeyLoop  loop;        /* LOOP only */
} AtlasSankeyBand;

typedef struct {
  guint               n_stages;
  double             *stage_x;          /* left edge of each column */
  double              node_width;
  /* Width taken by loop verticals beside each column (labels keep clear). */
  double             *stage_loop_left;
  double             *stage_loop_right;

  guint               n_nodes;
  AtlasSankeyNodeBox *nodes;
  guint               n_links;
  AtlasSankeyBand    *bands;

  /* Reading order: stage by stage, top to bottom; links by their source's
   * reading position, then top to bottom at the source. */
  guint              *node_order;
  guint              *link_order;

  double              scale;            /* pixels per unit of value */
  double              plot_height;      /* what node offsets are fractions of */
  double              columns_bottom;   /* nodes end above this */
  double              loop_top;         /* the band reserved for loops starts here */
  /* Weighted crossings (sum over crossing pairs of segments between adjacent
   * columns of the product of their values) of the dataset's own order and
   * of the order drawn. */
  double              initial_crossings;
  double              crossings;
} AtlasSankeyLayout;

/* Lays out @graph.  Fails with ATLAS_SANKEY_LAYOUT_ERROR_INVALID on a link
 * within one stage, a self link, an index out of range or a negative or
 * non-finite value. */
AtlasSankeyLayout *atlas_sankey_layout_new  (const AtlasSankeyGraph   *graph,
                                             const AtlasSankeyOptions *options,
                                             GError                  **error);
void               atlas_sankey_layout_free (AtlasSankeyLayout *layout);

/* A point of a band's centre line, @t from 0 (source) to 1 (target). */
void     atlas_sankey_band_point      (const AtlasSankeyBand *band,
                                       double                 t,
                                       double                *x,
                                       double                *y);
/* The centre of a DIRECT or SKIP band at @x between its source and target;
 * FALSE outside that range or for a LOOP. */
gboolean atlas_sankey_band_centre_at (const AtlasSankeyBand *band,
                                      double                 x,
                                      double                *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSankeyLayout, atlas_sankey_layout_free)

G_END_DECLS
