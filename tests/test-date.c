/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-date.c: dates of three precisions and the civil calendar. */
#include <string.h>

#include "atlas-date.h"

static gboolean
parse (const char *text,
       AtlasDate  *out)
{
  return atlas_date_parse (text, strlen (text), out);
}

static void
test_parse_valid (void)
{
  struct {
    const char *text;
    AtlasDatePrecision precision;
    int year, month, mday;
  } cases[] = {
    { "2025", ATLAS_DATE_YEAR, 2025, 1, 1 },
    { "2025-07", ATLAS_DATE_MONTH, 2025, 7, 1 },
    { "2025-07-31", ATLAS_DATE_DAY, 2025, 7, 31 },
    { "2024-02-29", ATLAS_DATE_DAY, 2024, 2, 29 },
    { "2000-02-29", ATLAS_DATE_DAY, 2000, 2, 29 },
    { "0001-01-01", ATLAS_DATE_DAY, 1, 1, 1 },
    { "9999-12-31", ATLAS_DATE_DAY, 9999, 12, 31 },
    { "1969-12-31", ATLAS_DATE_DAY, 1969, 12, 31 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasDate date = { 0 };
      g_autofree char *back = NULL;

      g_assert_true (parse (cases[i].text, &date));
      g_assert_cmpint (date.precision, ==, cases[i].precision);
      g_assert_cmpint (date.year, ==, cases[i].year);
      g_assert_cmpint (date.month, ==, cases[i].month);
      g_assert_cmpint (date.mday, ==, cases[i].mday);
      g_assert_cmpint (date.day, ==, atlas_days_from_civil (cases[i].year, cases[i].month, cases[i].mday));
      g_assert_true (atlas_date_is_set (&date));

      back = atlas_date_to_string (&date);
      g_assert_cmpstr (back, ==, cases[i].text);
    }
}

static void
test_parse_invalid (void)
{
  const char *cases[] = {
    "2025-13", "2025-02-30", "25", "2025-7", "2023-02-29", "1900-02-29", "0000",
    "2025-00", "2025-01-00", "2025-04-31", "2025-1-01", "2025/01/01", "2025-01-01T00:00",
    " 2025", "2025 ", "", "abcd", "-025", "+2025", "20250", "2025-07-3", "2025-07-310",
    "２０２５",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasDate date = { 0 };

      if (parse (cases[i], &date))
        g_error ("\"%s\" was accepted", cases[i]);
      g_assert_false (atlas_date_is_set (&date));
    }

  /* The length is what counts, not a terminating NUL: a field of a CSV line. */
  {
    AtlasDate date;

    g_assert_true (atlas_date_parse ("2025-07-31,805", 10, &date));
    g_assert_cmpint (date.precision, ==, ATLAS_DATE_DAY);
    g_assert_true (atlas_date_parse ("2025-07-31,805", 7, &date));
    g_assert_cmpint (date.precision, ==, ATLAS_DATE_MONTH);
    g_assert_false (atlas_date_parse ("2025-07-31,805", 11, &date));
    g_assert_false (atlas_date_parse (NULL, 0, &date));
  }
}

static void
test_days (void)
{
  int year, month, mday;

  g_assert_cmpint (atlas_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (atlas_days_from_civil (1969, 12, 31), ==, -1);
  g_assert_cmpint (atlas_days_from_civil (2000, 3, 1), ==, 11017);
  g_assert_cmpint (atlas_days_from_civil (2025, 7, 31), ==, 20300);
  g_assert_cmpint (atlas_days_from_civil (1, 1, 1), ==, -719162);

  /* Agrees with GDate over four centuries, leap rules included. */
  for (gint32 day = atlas_days_from_civil (1899, 12, 25); day < atlas_days_from_civil (2301, 1, 7); day += 7)
    {
      g_autoptr(GDate) reference = g_date_new_julian ((guint32) (day + 719163));

      atlas_civil_from_days (day, &year, &month, &mday);
      g_assert_cmpint (year, ==, g_date_get_year (reference));
      g_assert_cmpint (month, ==, g_date_get_month (reference));
      g_assert_cmpint (mday, ==, g_date_get_day (reference));
      g_assert_cmpint (atlas_days_from_civil (year, month, mday), ==, day);
    }

  atlas_civil_from_days (-719162, &year, &month, &mday);
  g_assert_cmpint (year, ==, 1);
  g_assert_cmpint (month, ==, 1);
  g_assert_cmpint (mday, ==, 1);
}

static void
test_compare (void)
{
  AtlasDate year, month, day, later, unset = { 0 };
  g_autofree char *empty = atlas_date_to_string (&unset);

  g_assert_true (parse ("2025", &year));
  g_assert_true (parse ("2025-01", &month));
  g_assert_true (parse ("2025-01-01", &day));
  g_assert_true (parse ("2025-01-02", &later));

  /* The same first day: coarser first, so sorting is stable and readable. */
  g_assert_cmpint (year.day, ==, month.day);
  g_assert_cmpint (month.day, ==, day.day);
  g_assert_cmpint (atlas_date_compare (&year, &month), <, 0);
  g_assert_cmpint (atlas_date_compare (&month, &day), <, 0);
  g_assert_cmpint (atlas_date_compare (&day, &later), <, 0);
  g_assert_cmpint (atlas_date_compare (&later, &year), >, 0);
  g_assert_cmpint (atlas_date_compare (&day, &day), ==, 0);
  g_assert_cmpint (atlas_date_compare (&unset, &year), <, 0);
  g_assert_false (atlas_date_is_set (&unset));
  g_assert_false (atlas_date_is_set (NULL));
  g_assert_cmpstr (empty, ==, "");
}

/* How many dated items fall on or before a day: every day from before
 * the first to after the last, ties included, on structs and on a plain
 * array, against counting them one by one. */
static void
test_days_on_or_before (void)
{
  typedef struct { double rate; gint32 day; } Dated;
  const Dated dated[] = { { 1, 10 }, { 2, 10 }, { 3, 20 }, { 4, 35 } };
  const gint32 days[] = { -5, 0, 0, 7 };

  for (gint32 day = 0; day <= 40; day++)
    {
      gsize expected = 0;

      for (guint i = 0; i < G_N_ELEMENTS (dated); i++)
        expected += dated[i].day <= day;
      g_assert_cmpuint (atlas_days_on_or_before (dated, G_N_ELEMENTS (dated), sizeof (Dated),
                                                 G_STRUCT_OFFSET (Dated, day), day), ==, expected);
    }
  g_assert_cmpuint (atlas_days_on_or_before (days, G_N_ELEMENTS (days), sizeof (gint32), 0, -6), ==, 0);
  g_assert_cmpuint (atlas_days_on_or_before (days, G_N_ELEMENTS (days), sizeof (gint32), 0, 0), ==, 3);
  g_assert_cmpuint (atlas_days_on_or_before (days, G_N_ELEMENTS (days), sizeof (gint32), 0, 9), ==, 4);
  g_assert_cmpuint (atlas_days_on_or_before (days, 0, sizeof (gint32), 0, 9), ==, 0);
}

/* A day number's date, printed as precise as asked. */
static void
test_from_days (void)
{
  gint32 day = atlas_days_from_civil (2025, 7, 31);
  AtlasDate date = atlas_date_from_days (day, 0);
  g_autofree char *whole = atlas_date_to_string (&date);
  g_autofree char *month = NULL;

  g_assert_cmpint (date.day, ==, day);
  g_assert_cmpint (date.year, ==, 2025);
  g_assert_cmpint (date.month, ==, 7);
  g_assert_cmpint (date.mday, ==, 31);
  g_assert_cmpint (date.precision, ==, ATLAS_DATE_DAY);
  g_assert_cmpstr (whole, ==, "2025-07-31");
  date = atlas_date_from_days (atlas_days_from_civil (1969, 12, 1), ATLAS_DATE_MONTH);
  month = atlas_date_to_string (&date);
  g_assert_cmpstr (month, ==, "1969-12");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date/parse-valid", test_parse_valid);
  g_test_add_func ("/date/parse-invalid", test_parse_invalid);
  g_test_add_func ("/date/days", test_days);
  g_test_add_func ("/date/from-days", test_from_days);
  g_test_add_func ("/date/compare", test_compare);

  g_test_add_func ("/date/days-on-or-before", test_days_on_or_before);
  return g_test_run ();
}
