/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-time-axis.c: date ticks read as a calendar at every span, and their labels never overlap. */
#include <math.h>
#include <string.h>

#include "atlas-time-axis.h"

/* Labels measured as if every character were 7 pixels wide: the choice of
 * step depends on widths, and fixed widths keep the test independent of
 * the installed fonts. */
static double
measure_fixed (const char *text, gpointer user_data)
{
  return 7.0 * g_utf8_strlen (text, -1);
}

static gint32
day_of (const char *iso)
{
  AtlasDate date;

  g_assert_true (atlas_date_parse (iso, strlen (iso), &date));
  return date.day;
}

/* The checks every axis must pass. */
static void
assert_axis_reads (const AtlasTimeAxis *axis, double day0, double day1, double x0, double x1,
                   double label_min, double label_max, double min_gap)
{
  double right = -G_MAXDOUBLE;
  guint labels = 0;

  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const AtlasTimeTick *tick = &g_array_index (axis->ticks, AtlasTimeTick, i);

      g_assert_cmpfloat (tick->day, >=, day0);
      g_assert_cmpfloat (tick->day, <=, day1);
      g_assert_cmpfloat (tick->x, >=, x0 - 1e-6);
      g_assert_cmpfloat (tick->x, <=, x1 + 1e-6);
      if (i > 0)
        {
          const AtlasTimeTick *previous = &g_array_index (axis->ticks, AtlasTimeTick, i - 1);
          g_assert_cmpint (tick->day, >, previous->day);
          g_assert_cmpfloat (tick->x, >, previous->x);
        }
      /* On the calendar: months and years start on their first day, weeks
       * on Mondays, half months on the 1st or 16th. */
      {
        int year, month, mday;

        atlas_civil_from_days (tick->day, &year, &month, &mday);
        switch (axis->step.unit)
          {
          case ATLAS_TIME_UNIT_YEAR:
            g_assert_cmpint (month, ==, 1);
            g_assert_cmpint (mday, ==, 1);
            g_assert_cmpint (year % (int) axis->step.count, ==, 0);
            break;
          case ATLAS_TIME_UNIT_MONTH:
            g_assert_cmpint (mday, ==, 1);
            g_assert_cmpint ((month - 1) % (int) axis->step.count, ==, 0);
            break;
          case ATLAS_TIME_UNIT_HALF_MONTH:
            g_assert_true (mday == 1 || mday == 16);
            break;
          case ATLAS_TIME_UNIT_WEEK:
            g_assert_cmpint ((((tick->day + 3) % 7) + 7) % 7, ==, 0);
            break;
          case ATLAS_TIME_UNIT_DAY:
          default:
            break;
          }
      }
      if (tick->label == NULL)
        continue;
      labels++;
      /* Inside the bounds, centred on the tick, clear of the previous one. */
      g_assert_cmpfloat (tick->label_x, >=, label_min - 1e-6);
      g_assert_cmpfloat (tick->label_x + tick->label_width, <=, label_max + 1e-6);
      g_assert_cmpfloat (fabs (tick->label_x + tick->label_width / 2 - tick->x), <, 1e-6);
      g_assert_cmpfloat (tick->label_x, >=, right + min_gap - 1e-6);
      right = tick->label_x + tick->label_width;
    }
  g_assert_cmpuint (labels, >=, 1);
}

typedef struct {
  const char *from, *to;
} Span;

static const Span spans[] = {
  { "2025-07-30", "2025-08-02" },   /* days */
  { "2025-07-01", "2025-07-31" },   /* a month */
  { "2025-05-20", "2025-08-10" },   /* weeks */
  { "2025-01-01", "2025-09-30" },   /* months */
  { "2023-11-01", "2025-12-31" },   /* quarters */
  { "2011-12-01", "2025-12-31" },   /* years */
  { "1980-01-01", "2025-12-31" },   /* decades */
  { "1700-01-01", "2025-12-31" },   /* centuries */
  { "0001-01-01", "9999-12-31" },   /* everything a date may be */
};

static void
test_time_axis_every_span_reads (void)
{
  const double widths[] = { 120, 300, 640, 1600, 3840 };

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        double day0 = day_of (spans[s].from), day1 = day_of (spans[s].to);
        double x0 = 60, x1 = 60 + widths[w];
        g_autoptr(AtlasTimeAxis) axis = atlas_time_axis_new (day0, day1, x0, x1, 0, x1 + 20, 14, 40,
                                                             measure_fixed, NULL);

        assert_axis_reads (axis, day0, day1, x0, x1, 0, x1 + 20, 14);
        if (widths[w] >= 640)
          {
            guint labels = 0;
            for (guint i = 0; i < axis->ticks->len; i++)
              labels += g_array_index (axis->ticks, AtlasTimeTick, i).label != NULL;
            g_assert_cmpuint (labels, >=, 2);
          }
      }
}

/* Spacing as the price chart asks for it: labels two ems apart, ticks six
 * and a half (with 7 pixel characters, a 12 pixel font). */
static AtlasTimeAxis *
axis_for (const char *from, const char *to, double width)
{
  return atlas_time_axis_new (day_of (from), day_of (to), 0, width, 0, width, 24, 80, measure_fixed, NULL);
}

/* The step follows the span: finer as the span shrinks, never finer than
 * the labels allow. */
static void
test_time_axis_step_follows_span (void)
{
  g_autoptr(AtlasTimeAxis) years = axis_for ("2011-12-01", "2025-12-31", 1600);
  g_autoptr(AtlasTimeAxis) narrow_years = axis_for ("2011-12-01", "2025-12-31", 400);
  g_autoptr(AtlasTimeAxis) months = axis_for ("2025-01-01", "2025-12-31", 1600);
  g_autoptr(AtlasTimeAxis) days = axis_for ("2025-07-01", "2025-07-12", 1600);
  g_autoptr(AtlasTimeAxis) decades = axis_for ("1900-01-01", "2025-12-31", 1600);

  g_assert_cmpint (years->step.unit, ==, ATLAS_TIME_UNIT_YEAR);
  g_assert_cmpuint (years->step.count, ==, 1);
  g_assert_cmpint (narrow_years->step.unit, ==, ATLAS_TIME_UNIT_YEAR);
  g_assert_cmpuint (narrow_years->step.count, >, 1);
  g_assert_cmpint (months->step.unit, ==, ATLAS_TIME_UNIT_MONTH);
  g_assert_cmpuint (months->step.count, ==, 1);
  g_assert_cmpint (days->step.unit, ==, ATLAS_TIME_UNIT_DAY);
  g_assert_cmpint (decades->step.unit, ==, ATLAS_TIME_UNIT_YEAR);
  g_assert_cmpuint (decades->step.count, >=, 5);
}

static const char *
label_at (const AtlasTimeAxis *axis, const char *iso)
{
  gint32 day = day_of (iso);

  for (guint i = 0; i < axis->ticks->len; i++)
    if (g_array_index (axis->ticks, AtlasTimeTick, i).day == day)
      return g_array_index (axis->ticks, AtlasTimeTick, i).label;
  return NULL;
}

/* Labels say what changed: the first gives the year, later ones only the
 * month until the year turns, which is labelled with the year alone. */
static void
test_time_axis_labels (void)
{
  /* Each range starts a little before its first tick, whose label would
   * otherwise stick out of the axis and be dropped. */
  g_autoptr(AtlasTimeAxis) months = axis_for ("2024-09-20", "2025-03-31", 900);
  g_autoptr(AtlasTimeAxis) days = axis_for ("2025-12-27", "2026-01-05", 1600);
  g_autoptr(AtlasTimeAxis) years = axis_for ("2011-06-01", "2025-12-31", 1600);

  g_assert_cmpstr (label_at (months, "2024-10-01"), ==, "Oct 2024");
  g_assert_cmpstr (label_at (months, "2024-11-01"), ==, "Nov");
  g_assert_cmpstr (label_at (months, "2025-01-01"), ==, "2025");
  g_assert_cmpstr (label_at (months, "2025-02-01"), ==, "Feb");
  g_assert_cmpstr (label_at (days, "2025-12-28"), ==, "28 Dec 2025");
  g_assert_cmpstr (label_at (days, "2025-12-29"), ==, "29 Dec");
  g_assert_cmpstr (label_at (days, "2026-01-01"), ==, "1 Jan 2026");
  g_assert_cmpstr (label_at (days, "2026-01-02"), ==, "2 Jan");
  g_assert_cmpstr (label_at (years, "2012-01-01"), ==, "2012");
  g_assert_cmpstr (label_at (years, "2025-01-01"), ==, "2025");
}

/* A label that would leave the bounds is dropped, its tick kept. */
static void
test_time_axis_drops_labels_outside (void)
{
  double day0 = day_of ("2012-01-01"), day1 = day_of ("2016-01-01");
  g_autoptr(AtlasTimeAxis) axis = atlas_time_axis_new (day0, day1, 0, 800, 0, 800, 14, 60, measure_fixed, NULL);
  const AtlasTimeTick *first = &g_array_index (axis->ticks, AtlasTimeTick, 0);
  const AtlasTimeTick *last = &g_array_index (axis->ticks, AtlasTimeTick, axis->ticks->len - 1);

  g_assert_cmpint (first->day, ==, day0);
  g_assert_null (first->label);
  g_assert_cmpint (last->day, ==, day1);
  g_assert_null (last->label);
  g_assert_cmpstr (label_at (axis, "2013-01-01"), ==, "2013");
}

/* Too narrow for any step: labels are thinned, never overlapped. */
static void
test_time_axis_too_narrow (void)
{
  double day0 = day_of ("2000-01-01"), day1 = day_of ("2025-12-31");
  g_autoptr(AtlasTimeAxis) axis = atlas_time_axis_new (day0, day1, 0, 30, -10, 40, 14, 60, measure_fixed, NULL);

  assert_axis_reads (axis, day0, day1, 0, 30, -10, 40, 14);
}

static void
test_time_axis_degenerate (void)
{
  g_autoptr(AtlasTimeAxis) empty = atlas_time_axis_new (100, 100, 0, 500, 0, 500, 14, 60, measure_fixed, NULL);
  g_autoptr(AtlasTimeAxis) inside_a_day = atlas_time_axis_new (100.2, 100.8, 0, 500, 0, 500, 14, 60,
                                                               measure_fixed, NULL);

  g_assert_cmpuint (empty->ticks->len, ==, 0);
  g_assert_cmpuint (inside_a_day->ticks->len, ==, 0);
}

static void
test_time_step_arithmetic (void)
{
  AtlasTimeStep week = { ATLAS_TIME_UNIT_WEEK, 1 };
  AtlasTimeStep half = { ATLAS_TIME_UNIT_HALF_MONTH, 1 };
  AtlasTimeStep quarter = { ATLAS_TIME_UNIT_MONTH, 3 };
  AtlasTimeStep five_years = { ATLAS_TIME_UNIT_YEAR, 5 };
  AtlasTimeStep two_days = { ATLAS_TIME_UNIT_DAY, 2 };

  /* 2025-07-31 is a Thursday; the next Monday is 4 August. */
  g_assert_cmpint (atlas_time_step_ceil (&week, day_of ("2025-07-31")), ==, day_of ("2025-08-04"));
  g_assert_cmpint (atlas_time_step_ceil (&week, day_of ("2025-08-04")), ==, day_of ("2025-08-04"));
  g_assert_cmpint (atlas_time_step_next (&half, day_of ("2024-02-16")), ==, day_of ("2024-03-01"));
  g_assert_cmpint (atlas_time_step_ceil (&half, day_of ("2024-02-02")), ==, day_of ("2024-02-16"));
  g_assert_cmpint (atlas_time_step_ceil (&quarter, day_of ("2025-02-15")), ==, day_of ("2025-04-01"));
  g_assert_cmpint (atlas_time_step_next (&quarter, day_of ("2025-10-01")), ==, day_of ("2026-01-01"));
  g_assert_cmpint (atlas_time_step_ceil (&five_years, day_of ("2021-03-01")), ==, day_of ("2025-01-01"));
  g_assert_cmpint (atlas_time_step_ceil (&five_years, day_of ("2025-01-01")), ==, day_of ("2025-01-01"));
  /* Before 1970 too (negative days). */
  g_assert_cmpint (atlas_time_step_ceil (&week, day_of ("1969-12-31")), ==, day_of ("1970-01-05"));
  g_assert_cmpint (atlas_time_step_ceil (&two_days, -3), ==, -2);
}

static void
test_time_format_day (void)
{
  g_autofree char *year = atlas_time_format_day (day_of ("2025-07-31"), ATLAS_DATE_YEAR);
  g_autofree char *month = atlas_time_format_day (day_of ("2025-07-31"), ATLAS_DATE_MONTH);
  g_autofree char *day = atlas_time_format_day (day_of ("2025-07-31"), ATLAS_DATE_DAY);

  g_assert_cmpstr (year, ==, "2025");
  g_assert_cmpstr (month, ==, "Jul 2025");
  g_assert_cmpstr (day, ==, "31 Jul 2025");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/time-axis/every-span-reads", test_time_axis_every_span_reads);
  g_test_add_func ("/time-axis/step-follows-span", test_time_axis_step_follows_span);
  g_test_add_func ("/time-axis/labels", test_time_axis_labels);
  g_test_add_func ("/time-axis/drops-labels-outside", test_time_axis_drops_labels_outside);
  g_test_add_func ("/time-axis/too-narrow", test_time_axis_too_narrow);
  g_test_add_func ("/time-axis/degenerate", test_time_axis_degenerate);
  g_test_add_func ("/time-axis/step-arithmetic", test_time_step_arithmetic);
  g_test_add_func ("/time-axis/format-day", test_time_format_day);
  return g_test_run ();
}
