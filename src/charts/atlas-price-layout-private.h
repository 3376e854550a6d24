/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-price-layout-private.h: the steps of laying out a price chart, shared by its source files. */
#pragma once

#include "atlas-chart.h"
#include "atlas-price-scene-private.h"

G_BEGIN_DECLS

/* Series with fewer shown points than this get a marker on every point. */
#define ATLAS_PRICE_MARKER_LIMIT 60
/* Series with at most this many shown points list them for the keyboard;
 * estimates are marked up to this many. */
#define ATLAS_PRICE_ITEM_LIMIT 500

/* Everything the steps of one layout share. */
typedef struct {
  AtlasDataset            *dataset;
  const AtlasChartOptions *options;
  AtlasScene              *scene;
  AtlasPriceSceneData     *data;
  const char              *lang;
  const char              *currency;     /* shown currency; NULL: each series' own */
  const char              *unit;         /* shown mass unit; NULL: each series' own */
  gboolean                 quantities;   /* the series count tonnes, say, not money */
  GPtrArray               *other_measure; /* const AtlasSeries* asked for but not drawn */
  gboolean                 indexed;
  gint32                   index_day;
  GPtrArray               *sources;      /* const AtlasSource* cited by what is drawn */
  const AtlasEvent        *selected_event;
  /* Series labelled at the ends of their lines instead of in a legend:
   * the width kept right of the plot for those labels (0: a legend). */
  double                   end_label_width;
  char                    *axis_label;   /* "USD/kg", "Index (= 100 at Jul 2025)" */
  double                   stroke;       /* line width of a series */
  gboolean                 any_band;
  gboolean                 any_estimate_marker;
} AtlasPriceLayout;

/* atlas-price-traces.c */
void             atlas_price_traces_separate_colors (AtlasPriceLayout *layout,
                                                     GPtrArray        *traces);
void             atlas_price_collect_breaks (AtlasDataset *dataset, GArray *breaks);
AtlasPriceTrace *atlas_price_trace_new      (AtlasPriceLayout   *layout,
                                             const AtlasSeries  *series,
                                             guint               dataset_index);
/* First pass over the visible points: counts, extremes, cited sources. */
void             atlas_price_trace_measure  (AtlasPriceLayout   *layout,
                                             AtlasPriceTrace    *trace);
/* Second pass, once the area and value axis are known: the M4-kept
 * vertices of the line and band, and the marked points. */
void             atlas_price_trace_decimate (AtlasPriceLayout   *layout,
                                             AtlasPriceTrace    *trace);

/* atlas-price-plot.c: axes, series, markers and events inside scene->plot. */
void             atlas_price_plot_layout    (AtlasPriceLayout   *layout);

/* An event the figure is about: selected, or in the slide's focus. */
gboolean         atlas_price_event_featured (const AtlasPriceLayout *layout,
                                             const AtlasEvent       *event);
/* Whether @id is in the options' focus. */
gboolean         atlas_price_in_focus       (const AtlasPriceLayout *layout,
                                             const char             *id);

/* atlas-price-chart.c */
/* A value as labels show it: "805", "2.35", "1,420". */
char            *atlas_price_format_value   (double value);

G_END_DECLS
