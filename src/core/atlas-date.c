/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-date.c: parsing and calendar arithmetic for dataset dates. */
#include "atlas-date.h"

#include <string.h>

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, without tables or floating point. */
gint32
atlas_days_from_civil (int year,
                       int month,
                       int mday)
{
  int era, yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + mday - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return (gint32) (era * 146097 + doe - 719468);
}

void
atlas_civil_from_days (gint32  days,
                       int    *year,
                       int    *month,
                       int    *mday)
{
  gint64 z = (gint64) days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 d = doy - (153 * mp + 2) / 5 + 1;
  gint64 m = mp < 10 ? mp + 3 : mp - 9;
  gint64 y = yoe + era * 400 + (m <= 2);

  if (year != NULL)
    *year = (int) y;
  if (month != NULL)
    *month = (int) m;
  if (mday != NULL)
    *mday = (int) d;
}

static int
days_in_month (int year,
               int month)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && g_date_is_leap_year ((GDateYear) year))
    return 29;
  return days[month - 1];
}

/* Reads exactly @n ASCII digits; FALSE on anything else. */
static gboolean
read_digits (const char *text,
             int         n,
             int        *out)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (text[i] < '0' || text[i] > '9')
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Called once per price point (a million times for a long series), so it
 * works on the bytes as given, without copying or allocating. */
gboolean
atlas_date_parse (const char *text,
                  gsize       len,
                  AtlasDate  *out)
{
  int year, month = 1, mday = 1;
  AtlasDatePrecision precision;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  switch (len)
    {
    case 4:
      precision = ATLAS_DATE_YEAR;
      break;
    case 7:
      precision = ATLAS_DATE_MONTH;
      break;
    case 10:
      precision = ATLAS_DATE_DAY;
      break;
    default:
      return FALSE;
    }

  if (!read_digits (text, 4, &year) || year < 1)
    return FALSE;

  if (precision >= ATLAS_DATE_MONTH)
    {
      if (text[4] != '-' || !read_digits (text + 5, 2, &month) ||
          month < 1 || month > 12)
        return FALSE;
    }

  if (precision == ATLAS_DATE_DAY)
    {
      if (text[7] != '-' || !read_digits (text + 8, 2, &mday) ||
          mday < 1 || mday > days_in_month (year, month))
        return FALSE;
    }

  out->day = atlas_days_from_civil (year, month, mday);
  out->year = (gint16) year;
  out->month = (guint8) month;
  out->mday = (guint8) mday;
  out->precision = (guint8) precision;
  return TRUE;
}

gboolean
atlas_date_is_set (const AtlasDate *date)
{
  return date != NULL && date->precision != 0;
}

char *
atlas_date_to_string (const AtlasDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case ATLAS_DATE_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case ATLAS_DATE_MONTH:
      return g_strdup_printf ("%04d-%02u", date->year, date->month);
    case ATLAS_DATE_DAY:
      return g_strdup_printf ("%04d-%02u-%02u", date->year, date->month, date->mday);
    default:
      return g_strdup ("");
    }
}

/* Orders by the day on the time axis; at the same day the coarser date comes
 * first ("2025" before "2025-01" before "2025-01-01"). Unset dates sort first. */
AtlasDate
atlas_date_from_days (gint32 day, guint precision)
{
  int year, month, mday;

  atlas_civil_from_days (day, &year, &month, &mday);
  return (AtlasDate) { day, (gint16) year, (guint8) month, (guint8) mday,
                       (guint8) (precision != 0 ? precision : ATLAS_DATE_DAY) };
}

int
atlas_date_compare (const AtlasDate *a,
                    const AtlasDate *b)
{
  gboolean a_set = atlas_date_is_set (a);
  gboolean b_set = atlas_date_is_set (b);

  if (!a_set || !b_set)
    return (int) a_set - (int) b_set;
  if (a->day != b->day)
    return a->day < b->day ? -1 : 1;
  return (int) a->precision - (int) b->precision;
}

gsize
atlas_days_on_or_before (gconstpointer items,
                         gsize         n,
                         gsize         stride,
                         gsize         offset,
                         gint32        day)
{
  const guint8 *base = items;
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      gint32 mid_day;

      memcpy (&mid_day, base + mid * stride + offset, sizeof mid_day);
      if (mid_day <= day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}
