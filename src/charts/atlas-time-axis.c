/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-time-axis.c: choosing date ticks and their labels for a span of days and a width in pixels. */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-time-axis.h"

/* From fine to coarse; the finest whose labels fit is chosen.  These are
 * the steps people count time in, so the labels read as a calendar. */
static const AtlasTimeStep steps[] = {
  { ATLAS_TIME_UNIT_DAY, 1 },
  { ATLAS_TIME_UNIT_DAY, 2 },
  { ATLAS_TIME_UNIT_WEEK, 1 },
  { ATLAS_TIME_UNIT_HALF_MONTH, 1 },
  { ATLAS_TIME_UNIT_MONTH, 1 },
  { ATLAS_TIME_UNIT_MONTH, 3 },
  { ATLAS_TIME_UNIT_MONTH, 6 },
  { ATLAS_TIME_UNIT_YEAR, 1 },
  { ATLAS_TIME_UNIT_YEAR, 2 },
  { ATLAS_TIME_UNIT_YEAR, 5 },
  { ATLAS_TIME_UNIT_YEAR, 10 },
  { ATLAS_TIME_UNIT_YEAR, 20 },
  { ATLAS_TIME_UNIT_YEAR, 50 },
  { ATLAS_TIME_UNIT_YEAR, 100 },
  { ATLAS_TIME_UNIT_YEAR, 200 },
  { ATLAS_TIME_UNIT_YEAR, 500 },
  { ATLAS_TIME_UNIT_YEAR, 1000 },
};

/* A step with more ticks than this is never worth measuring: the labels of
 * a 100,000 pixel wide figure would not fit either. */
#define MAX_TICKS 4000

static const char * const month_abbreviations[] = {
  NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"),
  NC_("abbreviated month", "Mar"), NC_("abbreviated month", "Apr"),
  NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
  NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"),
  NC_("abbreviated month", "Sep"), NC_("abbreviated month", "Oct"),
  NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
};

static const char *
month_abbreviation (int month)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month",
                       month_abbreviations[CLAMP (month, 1, 12) - 1]);
}

/* Dates in words; the translators choose the order ("2025年7月31日"). */
static char *
format_month_year (int month, int year)
{
  /* TRANSLATORS: an abbreviated month and its year, as in "Jul 2025" */
  return g_strdup_printf (C_("month and year", "%s %d"), month_abbreviation (month), year);
}

static char *
format_day_month (int mday, int month)
{
  /* TRANSLATORS: a day and its abbreviated month, as in "31 Jul" */
  return g_strdup_printf (C_("day and month", "%d %s"), mday, month_abbreviation (month));
}

static char *
format_day_month_year (int mday, int month, int year)
{
  /* TRANSLATORS: a day, its abbreviated month and year, as in "31 Jul 2025" */
  return g_strdup_printf (C_("day, month and year", "%d %s %d"), mday, month_abbreviation (month), year);
}

static gint64
floor_div (gint64 a, gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static gint32
ceil_to_days (const AtlasTimeStep *step, gint32 day)
{
  gint64 c = step->count;

  return (gint32) (floor_div ((gint64) day + c - 1, c) * c);
}

static gint32
ceil_to_monday (gint32 day)
{
  /* 1970-01-01 was a Thursday: (day + 3) mod 7 counts from Monday. */
  gint32 weekday = (gint32) ((((gint64) day + 3) % 7 + 7) % 7);

  return weekday == 0 ? day : day + (7 - weekday);
}

static gint32
ceil_to_half_month (gint32 day)
{
  int year, month, mday;

  atlas_civil_from_days (day, &year, &month, &mday);
  if (mday == 1 || mday == 16)
    return day;
  if (mday < 16)
    return atlas_days_from_civil (year, month, 16);
  return month == 12 ? atlas_days_from_civil (year + 1, 1, 1)
                     : atlas_days_from_civil (year, month + 1, 1);
}

static gint32
ceil_to_months (const AtlasTimeStep *step, gint32 day)
{
  int year, month, mday;
  gint64 index;

  atlas_civil_from_days (day, &year, &month, &mday);
  /* Months since year 0; steps divide 12, so quarters start in January. */
  index = (gint64) year * 12 + (month - 1) + (mday > 1 ? 1 : 0);
  index = floor_div (index + step->count - 1, step->count) * step->count;
  return atlas_days_from_civil ((int) floor_div (index, 12), (int) (index - floor_div (index, 12) * 12) + 1, 1);
}

static gint32
ceil_to_years (const AtlasTimeStep *step, gint32 day)
{
  int year, month, mday;
  gint64 first;

  atlas_civil_from_days (day, &year, &month, &mday);
  first = year + ((month > 1 || mday > 1) ? 1 : 0);
  first = floor_div (first + step->count - 1, step->count) * step->count;
  return atlas_days_from_civil ((int) first, 1, 1);
}

gint32
atlas_time_step_ceil (const AtlasTimeStep *step, gint32 day)
{
  switch (step->unit)
    {
    case ATLAS_TIME_UNIT_DAY: return ceil_to_days (step, day);
    case ATLAS_TIME_UNIT_WEEK: return ceil_to_monday (day);
    case ATLAS_TIME_UNIT_HALF_MONTH: return ceil_to_half_month (day);
    case ATLAS_TIME_UNIT_MONTH: return ceil_to_months (step, day);
    case ATLAS_TIME_UNIT_YEAR:
    default: return ceil_to_years (step, day);
    }
}

gint32
atlas_time_step_next (const AtlasTimeStep *step, gint32 day)
{
  return atlas_time_step_ceil (step, day + 1);
}

static double
step_length_in_days (const AtlasTimeStep *step)
{
  switch (step->unit)
    {
    case ATLAS_TIME_UNIT_DAY: return step->count;
    case ATLAS_TIME_UNIT_WEEK: return 7.0 * step->count;
    case ATLAS_TIME_UNIT_HALF_MONTH: return 15.2;
    case ATLAS_TIME_UNIT_MONTH: return 30.44 * step->count;
    case ATLAS_TIME_UNIT_YEAR:
    default: return 365.25 * step->count;
    }
}

char *
atlas_time_format_day (gint32 day, AtlasDatePrecision precision)
{
  int year, month, mday;

  atlas_civil_from_days (day, &year, &month, &mday);
  switch (precision)
    {
    case ATLAS_DATE_YEAR:
      return g_strdup_printf ("%d", year);
    case ATLAS_DATE_MONTH:
      return format_month_year (month, year);
    case ATLAS_DATE_DAY:
    default:
      return format_day_month_year (mday, month, year);
    }
}

/* Labels say only what changed since the previous label: the year once
 * per year ("2025", "Apr", "Jul"), the month with each day ("31 Jul"),
 * and the first label says everything so the axis can be read from it. */
static char *
tick_label (const AtlasTimeStep *step, gint32 day, gboolean first, int previous_year)
{
  int year, month, mday;
  gboolean new_year;

  atlas_civil_from_days (day, &year, &month, &mday);
  new_year = first || year != previous_year;
  switch (step->unit)
    {
    case ATLAS_TIME_UNIT_YEAR:
      return g_strdup_printf ("%d", year);
    case ATLAS_TIME_UNIT_MONTH:
      if (month == 1)
        return g_strdup_printf ("%d", year);
      if (new_year)
        return format_month_year (month, year);
      return g_strdup (month_abbreviation (month));
    case ATLAS_TIME_UNIT_DAY:
    case ATLAS_TIME_UNIT_WEEK:
    case ATLAS_TIME_UNIT_HALF_MONTH:
    default:
      if (new_year)
        return format_day_month_year (mday, month, year);
      return format_day_month (mday, month);
    }
}

static void
tick_clear (gpointer data)
{
  AtlasTimeTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

static GArray *
new_tick_array (void)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (AtlasTimeTick));

  g_array_set_clear_func (ticks, tick_clear);
  return ticks;
}

typedef struct {
  double               day0, day1, x0, x1;
  double               label_min, label_max, min_gap;
  AtlasTimeMeasureFunc measure;
  gpointer             user_data;
} AxisRequest;

static double
day_to_x (const AxisRequest *request, double day)
{
  return request->x0 + (day - request->day0) / (request->day1 - request->day0) * (request->x1 - request->x0);
}

static guint
estimated_tick_count (const AxisRequest *request, const AtlasTimeStep *step)
{
  double n = (request->day1 - request->day0) / step_length_in_days (step) + 2;

  return n > MAX_TICKS ? MAX_TICKS + 1 : (guint) n;
}

/* Every tick of @step in the range, labelled; labels that would leave the
 * bounds are dropped (so the next one restates the year). */
static GArray *
make_ticks (const AxisRequest *request, const AtlasTimeStep *step)
{
  GArray *ticks = new_tick_array ();
  gint32 first = (gint32) ceil (request->day0);
  gint32 last = (gint32) floor (request->day1);
  gboolean any_label = FALSE;
  int previous_year = 0;

  for (gint32 day = atlas_time_step_ceil (step, first); day <= last && ticks->len <= MAX_TICKS;
       day = atlas_time_step_next (step, day))
    {
      AtlasTimeTick tick = { day, day_to_x (request, day), NULL, 0, 0 };
      g_autofree char *label = tick_label (step, day, !any_label, previous_year);
      double width = request->measure (label, request->user_data);
      int year, month, mday;

      tick.label_x = tick.x - width / 2;
      tick.label_width = width;
      if (tick.label_x >= request->label_min && tick.label_x + width <= request->label_max)
        {
          tick.label = g_steal_pointer (&label);
          atlas_civil_from_days (day, &year, &month, &mday);
          previous_year = year;
          any_label = TRUE;
        }
      g_array_append_val (ticks, tick);
    }
  return ticks;
}

static guint
count_labels (GArray *ticks)
{
  guint n = 0;

  for (guint i = 0; i < ticks->len; i++)
    if (g_array_index (ticks, AtlasTimeTick, i).label != NULL)
      n++;
  return n;
}

static gboolean
labels_fit (const AxisRequest *request, GArray *ticks)
{
  double right = -G_MAXDOUBLE;

  for (guint i = 0; i < ticks->len; i++)
    {
      const AtlasTimeTick *tick = &g_array_index (ticks, AtlasTimeTick, i);

      if (tick->label == NULL)
        continue;
      if (tick->label_x < right + request->min_gap)
        return FALSE;
      right = tick->label_x + tick->label_width;
    }
  return TRUE;
}

/* The last resort for a figure too narrow for any step: keep each label
 * that clears the previous kept one. */
static void
thin_labels (const AxisRequest *request, GArray *ticks)
{
  double right = -G_MAXDOUBLE;

  for (guint i = 0; i < ticks->len; i++)
    {
      AtlasTimeTick *tick = &g_array_index (ticks, AtlasTimeTick, i);

      if (tick->label == NULL)
        continue;
      if (tick->label_x < right + request->min_gap)
        g_clear_pointer (&tick->label, g_free);
      else
        right = tick->label_x + tick->label_width;
    }
}

AtlasTimeAxis *
atlas_time_axis_new (double               day0,
                     double               day1,
                     double               x0,
                     double               x1,
                     double               label_min,
                     double               label_max,
                     double               min_gap,
                     double               min_spacing,
                     AtlasTimeMeasureFunc measure,
                     gpointer             user_data)
{
  AxisRequest request = { day0, day1, x0, x1, label_min, label_max, min_gap, measure, user_data };
  AtlasTimeAxis *axis;
  g_autoptr(GArray) single = NULL;

  g_return_val_if_fail (measure != NULL, NULL);
  axis = g_new0 (AtlasTimeAxis, 1);
  if (!(day1 > day0) || !(x1 > x0))
    {
      axis->step = steps[0];
      axis->ticks = new_tick_array ();
      return axis;
    }

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GArray) ticks = NULL;
      guint n_labels;

      /* Too many ticks for the width: every label needs its gap at least,
       * and ticks closer than @min_spacing read as a ruler. */
      if (estimated_tick_count (&request, &steps[i]) * min_gap > (x1 - x0) + min_gap ||
          step_length_in_days (&steps[i]) * (x1 - x0) / (day1 - day0) < min_spacing)
        continue;
      ticks = make_ticks (&request, &steps[i]);
      if (!labels_fit (&request, ticks))
        continue;
      n_labels = count_labels (ticks);
      if (n_labels >= 2)
        {
          axis->step = steps[i];
          axis->ticks = g_steal_pointer (&ticks);
          return axis;
        }
      /* One label tells little; a coarser step may still give two. */
      if (n_labels == 1 && single == NULL)
        {
          single = g_steal_pointer (&ticks);
          axis->step = steps[i];
        }
    }

  if (single != NULL)
    {
      axis->ticks = g_steal_pointer (&single);
      return axis;
    }
  /* Nothing fits: the coarsest step that keeps a label once thinned. */
  for (guint i = G_N_ELEMENTS (steps); i-- > 0;)
    {
      /* More ticks than pixels is never the answer (and costly to measure). */
      if (estimated_tick_count (&request, &steps[i]) > x1 - x0 + 2)
        continue;
      axis->step = steps[i];
      axis->ticks = make_ticks (&request, &axis->step);
      thin_labels (&request, axis->ticks);
      if (count_labels (axis->ticks) > 0)
        return axis;
      g_clear_pointer (&axis->ticks, g_array_unref);
    }
  axis->step = steps[G_N_ELEMENTS (steps) - 1];
  axis->ticks = new_tick_array ();
  return axis;
}

void
atlas_time_axis_free (AtlasTimeAxis *axis)
{
  if (axis == NULL)
    return;
  g_clear_pointer (&axis->ticks, g_array_unref);
  g_free (axis);
}
