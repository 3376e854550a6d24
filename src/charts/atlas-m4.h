/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-m4.h: M4 decimation, which keeps per pixel column only the points a polyline needs to look the same. */
#pragma once

#include <math.h>

#include <glib.h>

G_BEGIN_DECLS

/* M4 (Jugel et al., "M4: a visualization-oriented time series data
 * aggregation", VLDB 2014): of the points falling into one pixel column, a
 * polyline only shows the first, the last, the lowest and the highest; the
 * rest lie on segments already drawn between those four.  Feeding the
 * points in x order to an AtlasM4 collects the indices of those kept points
 * (ascending, without duplicates) into a GArray of gsize.
 *
 * The state is a plain struct so it lives on the stack and the per-point
 * call below stays inline: a million points cost a million compares and no
 * allocation. */
typedef struct {
  GArray  *out;               /* gsize indices, appended */
  double   columns_per_unit;  /* columns per unit of x (per pixel: 1; finer: 2, 4) */
  gint64   column;            /* the column being collected */
  gboolean open;              /* a column is being collected */
  gsize    first, last, low, high;
  double   low_y, high_y;
} AtlasM4;

void atlas_m4_begin (AtlasM4 *m4,
                     double   columns_per_unit,
                     GArray  *out);
/* Ends the last column; @m4 can then be dropped. */
void atlas_m4_end   (AtlasM4 *m4);

/* Where a point is drawn: at the centre of its column.  Then all points of
 * a column lie on one vertical line, the stroke of the full polyline there
 * is the segment from the column's lowest to its highest point, and the
 * kept four draw exactly the same pixels, antialiased and at any line
 * width (without this, sub-pixel x of the dropped points shows on the
 * stroke's edges).  Moving a point by at most half a column is invisible.
 * One exception: a polyline stroked with flat (butt) ends that ends on its
 * column's extreme shows the round joins of dropped points next to it past
 * that end; keep the first and last column whole (the price chart does). */
static inline double
atlas_m4_column_center (double x, double columns_per_unit)
{
  return (floor (x * columns_per_unit) + 0.5) / columns_per_unit;
}

/* Internal: writes the kept indices of the finished column. */
void atlas_m4_flush_column (AtlasM4 *m4);

/* Adds point @index at (@x, @y).  Calls must come in non-decreasing x and
 * increasing index; @x is in figure units (pixels at 1x), so that columns
 * line up with the pixels a rasterizer fills.  Draw the kept points at
 * atlas_m4_column_center() of their x. */
static inline void
atlas_m4_add (AtlasM4 *m4, gsize index, double x, double y)
{
  gint64 column = (gint64) floor (x * m4->columns_per_unit);

  if (G_UNLIKELY (!m4->open || column != m4->column))
    {
      if (m4->open)
        atlas_m4_flush_column (m4);
      m4->open = TRUE;
      m4->column = column;
      m4->first = m4->last = m4->low = m4->high = index;
      m4->low_y = m4->high_y = y;
      return;
    }
  m4->last = index;
  if (y < m4->low_y)
    {
      m4->low_y = y;
      m4->low = index;
    }
  else if (y > m4->high_y)
    {
      m4->high_y = y;
      m4->high = index;
    }
}

/* A price quoted as a range is a band between its low and high edges: each
 * edge is a polyline of its own, so each gets its own M4. The band is then
 * the high edge forward and the low edge backward. */
typedef struct {
  AtlasM4 low;
  AtlasM4 high;
} AtlasM4Band;

void atlas_m4_band_begin (AtlasM4Band *band,
                          double       columns_per_unit,
                          GArray      *low_out,
                          GArray      *high_out);
void atlas_m4_band_end   (AtlasM4Band *band);

static inline void
atlas_m4_band_add (AtlasM4Band *band, gsize index, double x, double low, double high)
{
  atlas_m4_add (&band->low, index, x, low);
  atlas_m4_add (&band->high, index, x, high);
}

/* Convenience for whole arrays: decimates @n points (@xs non-decreasing)
 * and returns the kept indices as a new GArray of gsize. */
GArray *atlas_m4_decimate (const double *xs,
                           const double *ys,
                           gsize         n,
                           double        columns_per_unit);

G_END_DECLS
