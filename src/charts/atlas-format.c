/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-format.c: numbers, percentages and punctuation as a chart writes them, in the language asked for. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-format.h"

/* ---- punctuation ------------------------------------------------------- */

const char *
atlas_punct_list_separator (void)
{
  /* TRANSLATORS: between the items of a list of phrases in a chart's footer or
   * description, as in "Sources: USGS; IEA" (zh: a full-width semicolon) */
  return C_("list separator", "; ");
}

const char *
atlas_punct_names_separator (void)
{
  /* TRANSLATORS: between names in a list, as in "China, Japan" (zh: 、) */
  return C_("names separator", ", ");
}

const char *
atlas_punct_phrase_separator (void)
{
  /* TRANSLATORS: between the parts of one label, as in "Mining, 2024" or
   * "USGS, Mineral Commodity Summaries" (zh: a full-width comma) */
  return C_("phrase separator", ", ");
}

const char *
atlas_punct_label_separator (void)
{
  /* TRANSLATORS: after a label that introduces what follows, as in
   * "Mining: China 69 %" (zh: a full-width colon, no space) */
  return C_("label separator", ": ");
}

const char *
atlas_punct_full_stop (void)
{
  /* TRANSLATORS: ends a sentence of a chart's footer or description (zh: 。) */
  return C_("full stop", ".");
}

void
atlas_append_sentence (GString *text, const char *sentence)
{
  if (text->len > 0 && (guchar) text->str[text->len - 1] < 0x80 && text->str[text->len - 1] != ' ')
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

/* ---- numbers ----------------------------------------------------------- */

/* The largest number of decimals worth printing: a double holds about 16
 * significant digits, so a tiny value needs many, a sane one few. */
#define MAX_PLAIN_DECIMALS 40

int
atlas_decimals_for_digits (double value, int digits)
{
  if (value == 0 || !isfinite (value))
    return 0;
  return CLAMP (digits - 1 - (int) floor (log10 (fabs (value))), 0, MAX_PLAIN_DECIMALS);
}

/* The fewest significant digits (1 to 17) whose "%e" text reads back as
 * @value, written into @buffer ("1.2345e-05"), locale-independent. */
static void
shortest_exponent_text (double value, char *buffer, gsize size)
{
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[16];

      g_snprintf (format, sizeof format, "%%.%de", digits - 1);
      g_ascii_formatd (buffer, size, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return;
    }
}

/* The shortest digits of finite @value, written out in full: no exponent,
 * however large or small (at most 309 digits before the point, 340 after). */
static char *
shortest_plain_text (double value)
{
  char buffer[64];
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *e;
  int exponent, point;

  if (value == 0)
    return g_strdup ("0");
  shortest_exponent_text (fabs (value), buffer, sizeof buffer);
  e = strchr (buffer, 'e');
  g_assert (e != NULL);
  for (const char *p = buffer; p < e; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  while (digits->len > 1 && digits->str[digits->len - 1] == '0')
    g_string_truncate (digits, digits->len - 1);
  exponent = atoi (e + 1);
  point = exponent + 1;   /* digits before the decimal point */

  if (value < 0)
    g_string_append_c (out, '-');
  if (point <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -point; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits->str);
    }
  else if ((gsize) point >= digits->len)
    {
      g_string_append (out, digits->str);
      for (gsize i = digits->len; i < (gsize) point; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      g_string_append_len (out, digits->str, point);
      g_string_append_c (out, '.');
      g_string_append (out, digits->str + point);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
atlas_format_json_number (double value)
{
  char buffer[64];

  if (!isfinite (value))
    return g_strdup ("null");
  if (value == 0)
    return g_strdup ("0");
  shortest_exponent_text (value, buffer, sizeof buffer);
  /* Written as "%g" would write those digits: "0.5", "1e+20", "1e-300". */
  {
    int digits = 0;

    for (const char *p = buffer; *p != '\0' && *p != 'e'; p++)
      digits += g_ascii_isdigit (*p) != 0;
    g_snprintf (buffer, sizeof buffer, "%%.%dg", digits);
    {
      char text[64];

      g_ascii_formatd (text, sizeof text, buffer, value);
      return g_strdup (text);
    }
  }
}

char *
atlas_format_plain_number (double value, int max_decimals)
{
  /* Room for the integer digits of any double (up to 309) and the decimals. */
  char format[16], buffer[400];
  char *end;

  if (!isfinite (value))
    return g_strdup ("");
  if (max_decimals < 0)
    return shortest_plain_text (value);
  /* g_ascii_formatd: a file or a label must not change with LC_NUMERIC. */
  g_snprintf (format, sizeof format, "%%.%df", CLAMP (max_decimals, 0, MAX_PLAIN_DECIMALS));
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));

  if (strchr (buffer, '.') != NULL)
    {
      for (end = buffer + strlen (buffer) - 1; *end == '0'; end--)
        *end = '\0';
      if (*end == '.')
        *end = '\0';
    }
  /* A negative value that rounds to zero is zero, not "-0". */
  if (value < 0 && !g_str_equal (buffer, "0"))
    return g_strconcat ("-", buffer, NULL);
  return g_strdup (buffer);
}

char *
atlas_group_digits (const char *number)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = number;
  gsize n;

  if (*p == '-' || *p == '+')
    g_string_append_c (out, *p++);
  n = strspn (p, "0123456789");
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, p[i]);
    }
  g_string_append (out, p + n);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
atlas_format_number (double value, int max_decimals)
{
  g_autofree char *plain = NULL;

  if (!isfinite (value))
    return g_strdup ("–");
  plain = atlas_format_plain_number (value, CLAMP (max_decimals, 0, 6));
  return atlas_group_digits (plain);
}

char *
atlas_format_percent (double fraction)
{
  double percent = fraction * 100.0;
  g_autofree char *number = atlas_format_number (percent, fabs (percent) < 10 ? 1 : 0);

  return g_strdup_printf ("%s %%", number);
}
