/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-points-json.c: reads the [date, value] points of a series straight from the dataset's bytes (see the header for why). */
#include "atlas-points-json-private.h"

#include <math.h>
#include <string.h>

#include "atlas-decimal-private.h"

const AtlasJsonPointsSpan *
atlas_points_json_find (const AtlasLoaderContext *ctx,
                        guint                     series)
{
  const GArray *spans = ctx->points_spans;
  guint low = 0, high;

  if (spans == NULL)
    return NULL;

  /* In file order, so by series: a binary search. */
  high = spans->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const AtlasJsonPointsSpan *span = &g_array_index (spans, AtlasJsonPointsSpan, middle);

      if (span->series == series)
        return span;
      if (span->series < series)
        low = middle + 1;
      else
        high = middle;
    }
  return NULL;
}

/* ---- the fast reader ---------------------------------------------------- */

/* The text is JSON the guard accepted: every token is complete before
 * @end (the array's ']'), so these skip without bounds checks beyond it. */
static inline const char *
skip_blanks (const char *p,
             const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

/* The end of the array or object opening at @p. */
static const char *
skip_container (const char *p,
                const char *end)
{
  guint depth = 0;

  do
    {
      switch (*p)
        {
        case '"':
          for (p++; *p != '"'; p++)
            if (*p == '\\')
              p++;
          break;
        case '[': case '{':
          depth++;
          break;
        case ']': case '}':
          depth--;
          break;
        default:
          break;
        }
      p++;
    }
  while (depth > 0 && p < end);
  return p;
}

/* A price: a number, finite and > 0, read as json-glib reads it (to the
 * same double: see atlas-decimal-private.h); leaves *@pp after it. */
static inline gboolean
read_price (const char **pp,
            const char  *end,
            double      *out)
{
  const char *start = *pp;
  const char *p = start;
  double value;

  while (p < end && ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E' ||
                     *p == '+' || *p == '-'))
    p++;
  /* Not a number, or a negative one: the fallback says what is wrong. */
  if (p == start || *start == '-')
    return FALSE;

  if (!atlas_decimal_parse_short (start, p, &value))
    {
      char *parsed_end = NULL;

      value = g_ascii_strtod (start, &parsed_end);
      if (parsed_end != p)
        return FALSE;
    }
  if (!isfinite (value) || !(value > 0) || !atlas_loader_magnitude_allowed (value))
    return FALSE;

  *out = value;
  *pp = p;
  return TRUE;
}

/* The element at *@pp (its '['), when it is a valid point of the simple
 * form; leaves *@pp after it.  FALSE, leaving *@pp, for anything else. */
static inline gboolean
read_simple_point (const char      **pp,
                   const char       *end,
                   AtlasPricePoint  *point)
{
  const char *p = *pp + 1;
  const char *date_start;
  AtlasDate date;
  double low, high;
  gboolean range = FALSE;

  if (**pp != '[')
    return FALSE;
  p = skip_blanks (p, end);
  if (*p != '"')
    return FALSE;
  date_start = ++p;
  while (p < end && *p != '"' && *p != '\\')
    p++;
  if (*p != '"' || !atlas_date_parse (date_start, p - date_start, &date))
    return FALSE;

  p = skip_blanks (p + 1, end);
  if (*p != ',')
    return FALSE;
  p = skip_blanks (p + 1, end);
  if (!read_price (&p, end, &low))
    return FALSE;
  high = low;

  p = skip_blanks (p, end);
  if (*p == ',')
    {
      p = skip_blanks (p + 1, end);
      if (!read_price (&p, end, &high) || low > high)
        return FALSE;
      range = TRUE;
      p = skip_blanks (p, end);
    }
  if (*p != ']')
    return FALSE;

  /* As parse_point() in atlas-loader-prices.c fills it. */
  point->day = date.day;
  point->precision = date.precision;
  point->flags = range ? ATLAS_POINT_RANGE : 0;
  point->reserved = 0;
  point->extra = -1;
  point->low = low;
  point->high = high;
  point->value = range ? low + (high - low) / 2 : low;

  *pp = p + 1;
  return TRUE;
}

void
atlas_points_json_read (AtlasLoaderContext        *ctx,
                        const AtlasJsonPointsSpan *span,
                        AtlasPointBuffer          *buffer,
                        AtlasPointsJsonFallback    fallback,
                        gpointer                   user_data,
                        gsize                     *n_fast)
{
  const char *p = ctx->json_text + span->open + 1;
  const char *end = ctx->json_text + span->close;

  *n_fast = 0;
  atlas_point_buffer_reserve (buffer, span->n_elements);

  for (guint i = 0; i < span->n_elements && !atlas_loader_context_should_stop (ctx); i++)
    {
      AtlasPricePoint *point = &buffer->points[buffer->n_points];
      const char *element;

      p = skip_blanks (p, end);
      if (*p == ',')
        p = skip_blanks (p + 1, end);
      element = p;

      /* Parse in place: the slot is only kept when the point is valid. */
      if (read_simple_point (&p, end, point))
        {
          buffer->origins[buffer->n_points++] = i;
          (*n_fast)++;
          continue;
        }

      p = skip_container (element, end);
      atlas_loader_push_index (ctx, i);
      if (fallback (ctx, element, p - element, point, user_data))
        buffer->origins[buffer->n_points++] = i;
      atlas_loader_pop (ctx);
    }
}

/* ---- the text json-glib reads ----------------------------------------- */

char *
atlas_points_json_blank (const char   *text,
                         gsize         length,
                         const GArray *spans,
                         gsize        *blanked_length)
{
  g_autofree gsize *newlines = g_new (gsize, spans->len);
  g_autofree gsize *tails = g_new (gsize, spans->len);
  gsize size = length;
  gsize from = 0;
  char *blanked, *out;

  /* First the size: per span, its newlines and the bytes after the last. */
  for (guint i = 0; i < spans->len; i++)
    {
      const AtlasJsonPointsSpan *span = &g_array_index (spans, AtlasJsonPointsSpan, i);
      const char *inside = text + span->open + 1;
      const char *end = text + span->close;
      const char *line = inside;
      const char *newline;

      newlines[i] = 0;
      while ((newline = memchr (line, '\n', end - line)) != NULL)
        {
          newlines[i]++;
          line = newline + 1;
        }
      tails[i] = end - line;
      size -= (end - inside) - newlines[i] - tails[i];
    }

  blanked = out = g_malloc (size + 1);
  for (guint i = 0; i < spans->len; i++)
    {
      const AtlasJsonPointsSpan *span = &g_array_index (spans, AtlasJsonPointsSpan, i);

      memcpy (out, text + from, span->open + 1 - from);
      out += span->open + 1 - from;
      memset (out, '\n', newlines[i]);
      out += newlines[i];
      memset (out, ' ', tails[i]);
      out += tails[i];
      from = span->close;
    }
  memcpy (out, text + from, length - from);
  out += length - from;
  *out = '\0';

  *blanked_length = size;
  return blanked;
}
