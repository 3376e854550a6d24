/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-decimal-private.h: reads plain decimal numbers ("805", "260.67") exactly as strtod() does, without its cost. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prices are nearly always short decimals. Their digits as an integer m
 * (below 2^53 with at most 15 digits) and their power of ten (10^k with
 * k <= 15) are both exact doubles, so the one division m / 10^k is rounded
 * once, correctly: the same double that the correctly rounded strtod()
 * (glibc's, which json-glib and g_ascii_strtod() use) returns, bit for bit
 * (Clinger, "How to read floating point numbers accurately", 1990).
 *
 * Reads [0-9]+ or [0-9]+.[0-9]+ filling all of [@start, @end), at most 15
 * digits; returns FALSE for anything else (a sign, an exponent, more
 * digits), which the caller then reads with g_ascii_strtod(). */
static inline gboolean
atlas_decimal_parse_short (const char *start,
                           const char *end,
                           double     *out)
{
  static const double powers_of_ten[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  };
  const char *p = start;
  guint64 mantissa = 0;
  guint n_digits = 0;
  guint n_fraction = 0;

  while (p < end && *p >= '0' && *p <= '9')
    {
      mantissa = mantissa * 10 + (guint64) (*p - '0');
      n_digits++;
      p++;
    }
  if (n_digits == 0)
    return FALSE;

  if (p < end && *p == '.')
    {
      const char *fraction = ++p;

      while (p < end && *p >= '0' && *p <= '9')
        {
          mantissa = mantissa * 10 + (guint64) (*p - '0');
          p++;
        }
      n_fraction = (guint) (p - fraction);
      if (n_fraction == 0)
        return FALSE;
      n_digits += n_fraction;
    }

  /* 15 digits stay below 2^53. (Past 19 the mantissa wraps around, which
   * does not matter: more than 15 digits are refused.) */
  if (p != end || n_digits > 15)
    return FALSE;

  *out = (double) mantissa / powers_of_ten[n_fraction];
  return TRUE;
}

G_END_DECLS
