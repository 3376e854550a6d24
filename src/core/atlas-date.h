/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-date.h: dataset dates of three precisions ("2025", "2025-07", "2025-07-31"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ATLAS_DATE_YEAR  = 1,
  ATLAS_DATE_MONTH = 2,
  ATLAS_DATE_DAY   = 3,
} AtlasDatePrecision;

/* A calendar date placed at the first day of its precision.  @day is the
 * number of days since 1970-01-01 (proleptic Gregorian), which is what time
 * axes use; year, month and day are kept to show the date as written. */
typedef struct {
  gint32  day;
  gint16  year;
  guint8  month;      /* 1..12; 1 when the precision is a year */
  guint8  mday;       /* 1..31; 1 when the precision is coarser than a day */
  guint8  precision;  /* AtlasDatePrecision; 0 for an unset date */
} AtlasDate;

/* Parses the ISO 8601 forms above (years 1..9999) and rejects anything else
 * (wrong length, out-of-range month or day, 2023-02-29). */
gboolean  atlas_date_parse          (const char *text,
                                     gsize       len,
                                     AtlasDate  *out);
gboolean  atlas_date_is_set         (const AtlasDate *date);
/* "2025", "2025-07" or "2025-07-31", as precise as the date was given. */
char     *atlas_date_to_string      (const AtlasDate *date);
/* Days since 1970-01-01 of a calendar date (no validation). */
gint32    atlas_days_from_civil     (int year, int month, int mday);
void      atlas_civil_from_days     (gint32 days, int *year, int *month, int *mday);
/* The date that day number @day stands for, as precise as @precision
 * (ATLAS_DATE_DAY when 0): a point's or a day's date, ready to print. */
AtlasDate atlas_date_from_days      (gint32 day, guint precision);
int       atlas_date_compare        (const AtlasDate *a, const AtlasDate *b);

/* How many of the @n items at @items (each @stride bytes, with a gint32
 * day, days since 1970-01-01, @offset bytes in) fall on or before @day;
 * the items are in day order. The index of the first item after @day, and
 * so the one before it is the one in force on @day. */
gsize atlas_days_on_or_before (gconstpointer items,
                               gsize         n,
                               gsize         stride,
                               gsize         offset,
                               gint32        day);

G_END_DECLS
