/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-price-scene.h: what a laid-out price chart tells the window: readings under the pointer, dates and x positions. */
#pragma once

#include "atlas-scene.h"

G_BEGIN_DECLS

/* The point of one series in force at a date (the latest at or before it),
 * as the chart shows it: converted and indexed when the chart is. */
typedef struct {
  const char *series_id;      /* owned by the dataset */
  const char *unit_label;     /* "USD/kg", or "index"; owned by the scene */
  AtlasColor  color;          /* the series' line colour */
  gsize       index;          /* point index in the series */
  gint32      day;            /* the point's date, days since 1970-01-01 */
  guint8      precision;      /* AtlasDatePrecision of the date as written */
  double      value;          /* as shown; a range's midpoint */
  double      low, high;      /* as shown; both == value unless is_range */
  gboolean    is_range;
  gboolean    estimate;
  double      x, y;           /* where the point is drawn */
} AtlasPriceReading;

/* TRUE when @scene is a price chart (the functions below return 0 or FALSE
 * for any other scene). */
gboolean atlas_price_scene_check      (const AtlasScene *scene);

/* For each drawn series in legend order, the point in force at the date
 * under @x; series with no point yet at that date are skipped.  Returns the
 * number written to @out (at most @max). */
guint    atlas_price_scene_readings   (const AtlasScene  *scene,
                                       double             x,
                                       AtlasPriceReading *out,
                                       guint              max);

/* The date at @x (days since 1970-01-01, fractional); always set, and
 * extrapolated outside the plot so the window can zoom about the pointer.
 * Returns whether @x lies over the plot. */
gboolean atlas_price_scene_x_to_day   (const AtlasScene *scene,
                                       double            x,
                                       double           *day);
double   atlas_price_scene_day_to_x   (const AtlasScene *scene,
                                       double            day);
/* The dates at the plot's left and right edges; the window zooms and pans
 * by asking for a new layout with options->from/to. */
gboolean atlas_price_scene_get_range  (const AtlasScene *scene,
                                       double           *day0,
                                       double           *day1);
/* The rectangle the series are drawn in (for a crosshair). */
gboolean atlas_price_scene_get_area   (const AtlasScene *scene,
                                       AtlasRect        *area);
/* The y of @value as shown on the chart's value axis. */
double   atlas_price_scene_value_to_y (const AtlasScene *scene,
                                       double            value);

G_END_DECLS
