/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-map-private.h: what the map's two kinds, choropleth and routes, share. */
#pragma once

#include "atlas-chart-private.h"
#include "atlas-world.h"

G_BEGIN_DECLS

/* GTK defines this; the charts layer does not see GTK. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* How a dataset's region is placed on the map. */
typedef enum {
  ATLAS_MAP_COUNTRY,        /* a country of the map */
  ATLAS_MAP_NOT_COUNTRY,    /* "Other", "EU", a node without a region */
  ATLAS_MAP_UNKNOWN_CODE,   /* looks like an ISO code the map does not have */
} AtlasMapPlace;

/* The region's country: its "iso" member, else its id as an ISO 3166-1
 * alpha-2 code.  NULL @region (a node with only a name) is not a country. */
AtlasMapPlace atlas_map_match_region (const AtlasWorld *world, const AtlasRegion *region,
                                      const AtlasWorldCountry **out);

/* Where the map goes in the plot and how the world's projected units
 * become the figure's. */
typedef struct {
  const AtlasWorld *world;
  AtlasRect map;            /* the world's box, fitted */
  AtlasRect side;           /* the column beside it: legend and lists */
  double    scale, ox, oy;  /* figure = o + scale * world */
  double    min_target;     /* the smallest thing a pointer must hit */
  double    label_size, small_size, line;
} AtlasMapFrame;

void     atlas_map_frame_init   (AtlasScene *scene, const AtlasWorld *world, AtlasMapFrame *frame);
void     atlas_map_to_figure    (const AtlasMapFrame *frame, double x, double y, double *fx, double *fy);
/* A country's outline as a path in figure units (@cr traces it; the
 * caller copies it). */
void     atlas_map_trace_country (const AtlasMapFrame *frame, cairo_t *cr, const AtlasWorldCountry *country);
/* A 1x1 context for tracing paths to copy into shapes. */
cairo_t *atlas_map_path_context (void);
/* Adds the countries for which @is_drawn returns FALSE as one shape: the
 * land that carries no data; hatched ("no data") or plain. */
void     atlas_map_add_background (AtlasScene *scene, const AtlasMapFrame *frame,
                                   GHashTable *drawn, gboolean hatched, const AtlasColor *fill);
/* For g_array_sort() of doubles. */
int      atlas_map_compare_doubles (const double *a, const double *b);
/* Adds a text in the side column at *y, wrapped to it, and moves *y down. */
AtlasShape *atlas_map_add_side_text (AtlasScene *scene, const AtlasMapFrame *frame, double *y,
                                     const char *text, double size, gboolean bold,
                                     const AtlasColor *color, AtlasTextRole role, const AtlasItem *item);
/* Orders items by where they are: in bands of the map's height, west to
 * east, as a reader scans a map.  @keys: double[2] per item (x, y). */
void     atlas_map_sort_reading_order (GArray *items, GArray *places, double band);

/* The two kinds.  @group NULL: the first group. */
AtlasScene *atlas_map_choropleth_layout (AtlasDataset *dataset, const AtlasChartOptions *options,
                                         const AtlasWorld *world, double width, double height,
                                         const AtlasStyle *style, GError **error);
AtlasTable *atlas_map_choropleth_table  (AtlasDataset *dataset, const AtlasChartOptions *options,
                                         const AtlasWorld *world, GError **error);
AtlasScene *atlas_map_routes_layout     (AtlasDataset *dataset, const AtlasChartOptions *options,
                                         const AtlasWorld *world, double width, double height,
                                         const AtlasStyle *style, GError **error);
AtlasTable *atlas_map_routes_table      (AtlasDataset *dataset, const AtlasChartOptions *options,
                                         const AtlasWorld *world, GError **error);

/* The footer's credit for the boundaries and the projection. */
const char *atlas_map_attribution (void);

G_END_DECLS
