/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-value-axis.h: a value axis, linear or logarithmic, with round ticks (1-2-5 on a log scale). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double  value;
  char   *label;              /* "1,000", "0.5" */
} AtlasValueTick;

typedef struct {
  gboolean  log;
  double    min, max;         /* the domain drawn: the data, rounded out */
  GArray   *ticks;            /* AtlasValueTick, ascending, inside [min, max] */
} AtlasValueAxis;

/* An axis for data in [@data_min, @data_max] with at most @max_ticks ticks
 * (at least 2).  A linear axis is rounded out to whole steps of 1, 2 or 5
 * times a power of ten; a logarithmic one (positive data only) is padded a
 * little and ticked at 1, 2, 5 times powers of ten, at powers of ten alone
 * when that is too many, and more finely when the data span less than a
 * decade. */
AtlasValueAxis *atlas_value_axis_new      (double   data_min,
                                           double   data_max,
                                           gboolean log,
                                           guint    max_ticks);
void            atlas_value_axis_free     (AtlasValueAxis *axis);
/* Where @value lies: 0 at min, 1 at max (outside when outside). */
double          atlas_value_axis_fraction (const AtlasValueAxis *axis,
                                           double                value);
/* The inverse of atlas_value_axis_fraction(). */
double          atlas_value_axis_value_at (const AtlasValueAxis *axis,
                                           double                fraction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasValueAxis, atlas_value_axis_free)

G_END_DECLS
