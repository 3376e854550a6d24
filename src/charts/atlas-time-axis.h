/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-time-axis.h: date ticks that read naturally at every span, with labels that never overlap. */
#pragma once

#include <glib.h>

#include "atlas-date.h"

G_BEGIN_DECLS

/* The calendar unit ticks fall on.  Weeks start on Mondays; half months on
 * the 1st and the 16th; months, quarters and half years on their first
 * day; years on multiples of the step (2020, 2025, 2030 for 5 years). */
typedef enum {
  ATLAS_TIME_UNIT_DAY,
  ATLAS_TIME_UNIT_WEEK,
  ATLAS_TIME_UNIT_HALF_MONTH,
  ATLAS_TIME_UNIT_MONTH,
  ATLAS_TIME_UNIT_YEAR,
} AtlasTimeUnit;

typedef struct {
  AtlasTimeUnit unit;
  guint         count;    /* 1, 2 days; 1 week; 1, 3, 6 months; 1, 2, 5, 10 ... years */
} AtlasTimeStep;

typedef struct {
  gint32  day;            /* days since 1970-01-01 */
  double  x;
  char   *label;          /* NULL when the label would leave the bounds */
  double  label_x;        /* the label's left edge (centred on x) */
  double  label_width;
} AtlasTimeTick;

typedef struct {
  AtlasTimeStep step;
  GArray       *ticks;    /* AtlasTimeTick, in date order */
} AtlasTimeAxis;

/* Width of @text in the axis's font. */
typedef double (*AtlasTimeMeasureFunc) (const char *text, gpointer user_data);

/* Chooses the finest step whose ticks are on average at least
 * @min_spacing apart and whose labels fit: days [@day0, @day1] map to
 * [@x0, @x1]; labels are centred under their tick, at least @min_gap apart,
 * and inside [@label_min, @label_max] (a label that would leave it is
 * dropped, its tick kept).  Never returns overlapping labels: when nothing
 * fits, labels are thinned. */
AtlasTimeAxis *atlas_time_axis_new  (double               day0,
                                     double               day1,
                                     double               x0,
                                     double               x1,
                                     double               label_min,
                                     double               label_max,
                                     double               min_gap,
                                     double               min_spacing,
                                     AtlasTimeMeasureFunc measure,
                                     gpointer             user_data);
void           atlas_time_axis_free (AtlasTimeAxis *axis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTimeAxis, atlas_time_axis_free)

/* A date as a reader says it, at its precision: "2025", "Jul 2025",
 * "31 Jul 2025". */
char *atlas_time_format_day (gint32 day, AtlasDatePrecision precision);

/* The first tick of @step at or after @day, and the one after @day. */
gint32 atlas_time_step_ceil (const AtlasTimeStep *step, gint32 day);
gint32 atlas_time_step_next (const AtlasTimeStep *step, gint32 day);

G_END_DECLS
