/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-price-scene-private.h: what a price chart's layout leaves in scene->chart_data for drawing, hit-testing and readings. */
#pragma once

#include <math.h>

#include "atlas-m4.h"
#include "atlas-price-scene.h"
#include "atlas-value-axis.h"

G_BEGIN_DECLS

/* A vertex of a drawn polyline: a kept point, or where the line to a point
 * outside the visible range meets the plot's edge. */
typedef struct {
  double x, y;
  gsize  index;               /* the point it stands for (the outside one when clipped) */
  gboolean clipped;
} AtlasPriceVertex;

/* One series as drawn. */
typedef struct {
  const AtlasSeries *series;
  guint       dataset_index;  /* position in the dataset: its palette colour */
  AtlasColor  color;
  guint       family, shade;  /* of atlas_style_family_color(): its element's hue, and which shade */
  gboolean    emphasised;     /* selected: drawn thicker, on top */
  gboolean    end_labelled;   /* named at its line's end, not in the legend */

  /* Shown value = quoted value * factor(day) * scale.  The conversion
   * factor only changes on the dates of the dataset's exchange rates, so it
   * is kept per interval between those dates (NaN: no rate) instead of per
   * point; NULL when the series is shown as quoted. */
  GArray     *segment_factors; /* double, one more than the scene's breaks */
  double      unit_factor;    /* used when segment_factors is NULL */
  double      scale;          /* 100 / base when indexed, else 1 */
  gboolean    no_base;        /* indexed, but no price at or near the base date:
                               * left out (scale is NaN), named in the footer */

  /* Points with day in [day0, day1] are [first, end); the nearest shown
   * points outside, when any, are where the line comes from and goes to. */
  gsize       first, end;
  gboolean    has_left, has_right;
  gsize       left, right;
  gsize       n_shown;        /* of those, with a rate */
  gsize       n_left_out;     /* of those, without */
  gsize       n_estimates;
  gsize       first_shown, last_shown, peak;   /* valid when n_shown > 0 */
  double      min_value, max_value;            /* shown, lows and highs included */

  GArray     *line;           /* AtlasPriceVertex, left to right */
  GArray     *band_high;      /* AtlasPriceVertex; NULL without ranges */
  GArray     *band_low;
  GArray     *markers;        /* gsize: points drawn with a marker */
} AtlasPriceTrace;

typedef struct {
  GPtrArray      *traces;     /* AtlasPriceTrace*, legend order */
  double          day0, day1; /* dates at the area's left and right edges */
  AtlasRect       area;       /* where series are drawn */
  /* x = day * x_per_day + x_at_day_zero: one expression for the M4
   * columns and the drawn positions, so both round alike. */
  double          x_per_day, x_at_day_zero;
  AtlasValueAxis *y_axis;
  GArray         *breaks;     /* gint32: dates of exchange rates, sorted, unique */
  char           *unit_label; /* "USD/kg" or "index" */
  GPtrArray      *events;     /* const AtlasEvent*, drawn, by date */
  GArray         *event_x;    /* double: x of each drawn event's line */
  double          hit_radius; /* how far from a line the pointer still hits it */
} AtlasPriceSceneData;

extern const AtlasSceneClass atlas_price_scene_class;

AtlasPriceSceneData *atlas_price_scene_data_new  (void);
void                 atlas_price_scene_data_free (gpointer data);
void                 atlas_price_trace_free      (gpointer trace);

/* The factor turning a quoted value at @day into the shown one (before the
 * indexing scale); FALSE when no exchange rate is known that day. */
gboolean atlas_price_trace_factor (const AtlasPriceSceneData *data,
                                   const AtlasPriceTrace     *trace,
                                   gint32                     day,
                                   double                    *factor);

/* Walks the conversion factors of a series in date order in O(1) a point. */
typedef struct {
  const AtlasPriceTrace *trace;
  const gint32          *breaks;
  guint                  n_breaks;
  guint                  segment;
} AtlasPriceFactorCursor;

void atlas_price_factor_cursor_init (AtlasPriceFactorCursor    *cursor,
                                     const AtlasPriceSceneData *data,
                                     const AtlasPriceTrace     *trace,
                                     gint32                     day);

static inline gboolean
atlas_price_factor_cursor_get (AtlasPriceFactorCursor *cursor, gint32 day, double *factor)
{
  const AtlasPriceTrace *trace = cursor->trace;

  if (trace->segment_factors == NULL)
    {
      *factor = trace->unit_factor;
      return TRUE;
    }
  while (cursor->segment < cursor->n_breaks && day >= cursor->breaks[cursor->segment])
    cursor->segment++;
  *factor = g_array_index (trace->segment_factors, double, cursor->segment);
  return !isnan (*factor);
}

/* Fixes the area and the dates at its edges. */
void   atlas_price_data_set_area   (AtlasPriceSceneData *data, const AtlasRect *area,
                                    double day0, double day1);

/* Where things are drawn (inline: called per point). */
static inline double
atlas_price_data_day_to_x (const AtlasPriceSceneData *data, double day)
{
  return day * data->x_per_day + data->x_at_day_zero;
}

/* A point is drawn at the centre of its pixel column, see
 * atlas_m4_column_center(). */
static inline double
atlas_price_data_point_x (const AtlasPriceSceneData *data, gint32 day)
{
  double x = atlas_m4_column_center (atlas_price_data_day_to_x (data, day), 1.0);

  return CLAMP (x, data->area.x, data->area.x + data->area.width);
}

double atlas_price_data_value_to_y (const AtlasPriceSceneData *data, double value);

/* The shown value, low and high of point @index; FALSE without a rate. */
gboolean atlas_price_trace_shown (const AtlasPriceSceneData *data,
                                  const AtlasPriceTrace     *trace,
                                  gsize                      index,
                                  double                    *value,
                                  double                    *low,
                                  double                    *high);

/* The latest shown point at or before @day (searching at most a bounded
 * number of points without a rate); FALSE when there is none. */
gboolean atlas_price_trace_in_force (const AtlasPriceSceneData *data,
                                     const AtlasPriceTrace     *trace,
                                     double                     day,
                                     gsize                     *index);

G_END_DECLS
