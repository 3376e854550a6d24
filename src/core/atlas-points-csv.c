/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-points-csv.c: a fast reader for the date,value / date,low,high CSV files of long price series. */
#include "atlas-points-csv-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-decimal-private.h"

/* ---- the point buffer ------------------------------------------------- */

void
atlas_point_buffer_reserve (AtlasPointBuffer *buffer,
                            gsize             n_more)
{
  gsize needed = buffer->n_points + n_more;

  if (needed <= buffer->allocated)
    return;

  buffer->allocated = MAX (needed, buffer->allocated * 2);
  buffer->points = g_renew (AtlasPricePoint, buffer->points, buffer->allocated);
  buffer->origins = g_renew (guint32, buffer->origins, buffer->allocated);
}

AtlasPricePoint *
atlas_point_buffer_append (AtlasPointBuffer *buffer,
                           guint32           origin)
{
  AtlasPricePoint *point;

  if (buffer->n_points == buffer->allocated)
    atlas_point_buffer_reserve (buffer, MAX (buffer->allocated, 16));

  point = &buffer->points[buffer->n_points];
  buffer->origins[buffer->n_points] = origin;
  buffer->n_points++;
  return point;
}

void
atlas_point_buffer_clear (AtlasPointBuffer *buffer)
{
  g_clear_pointer (&buffer->points, g_free);
  g_clear_pointer (&buffer->origins, g_free);
  buffer->n_points = buffer->n_inline = buffer->allocated = 0;
}

/* ---- where the file is ------------------------------------------------ */

/* FALSE when @relative climbs above its starting folder ("a/../../x"). */
static gboolean
stays_inside (const char *relative)
{
  g_auto(GStrv) components = g_strsplit (relative, "/", -1);
  int depth = 0;

  for (guint i = 0; components[i] != NULL; i++)
    {
      if (g_str_equal (components[i], ".."))
        {
          if (--depth < 0)
            return FALSE;
        }
      else if (*components[i] != '\0' && !g_str_equal (components[i], "."))
        depth++;
    }
  return TRUE;
}

char *
atlas_points_csv_resolve (AtlasLoaderContext *ctx,
                          const char         *relative)
{
  g_autofree char *quoted = atlas_loader_quote (relative);
  g_autofree char *joined = NULL;
  g_autofree char *real_base = NULL;
  g_autofree char *real_file = NULL;
  g_autofree char *base_prefix = NULL;

  if (ctx->base_dir == NULL)
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "points_csv",
                                  _("points_csv needs a dataset loaded from a file"));
      return NULL;
    }
  if (*relative == '\0')
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "points_csv",
                                  _("empty path"));
      return NULL;
    }
  if (g_path_is_absolute (relative) || relative[0] == '/' || relative[0] == '\\')
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "points_csv",
                                  _("path %s is absolute (it must be relative to the dataset's folder)"),
                                  quoted);
      return NULL;
    }
  /* A backslash is a separator on Windows, where the dataset may be read. */
  if (strchr (relative, '\\') != NULL || !stays_inside (relative))
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "points_csv",
                                  _("path %s leads outside the dataset's folder"), quoted);
      return NULL;
    }

  joined = g_build_filename (ctx->base_dir, relative, NULL);
  real_base = realpath (ctx->base_dir, NULL);
  real_file = realpath (joined, NULL);
  if (real_base == NULL || real_file == NULL)
    {
      int saved_errno = errno;

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_IO, "points_csv",
                                  _("cannot read %s: %s"), quoted, g_strerror (saved_errno));
      return NULL;
    }

  if (g_file_test (real_file, G_FILE_TEST_IS_DIR))
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "points_csv",
                                  _("path %s is a folder, not a CSV file"), quoted);
      return NULL;
    }

  /* Lexically inside is not enough: a symbolic link may point anywhere. */
  base_prefix = g_str_has_suffix (real_base, "/") ? g_strdup (real_base)
                                                  : g_strconcat (real_base, "/", NULL);
  if (!g_str_has_prefix (real_file, base_prefix))
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "points_csv",
                                  _("path %s leads outside the dataset's folder (through a symbolic link)"),
                                  quoted);
      return NULL;
    }

  return g_steal_pointer (&joined);
}

/* ---- reading ---------------------------------------------------------- */

typedef struct {
  AtlasLoaderContext *ctx;
  const char         *name;      /* escaped, for messages */
  guint               line;
} CsvReader;

static void report_line (CsvReader *reader, AtlasDatasetError code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
report_line (CsvReader         *reader,
             AtlasDatasetError  code,
             const char        *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (atlas_loader_context_should_stop (reader->ctx))
    return;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  atlas_loader_report_message (reader->ctx, code,
                               g_strdup_printf ("%s:%u: %s", reader->name, reader->line, text));
}

/* A field between @start and @end, without surrounding blanks or quotes. */
static void
trim_field (const char **start,
            const char **end)
{
  while (*start < *end && (**start == ' ' || **start == '\t'))
    (*start)++;
  while (*end > *start && ((*end)[-1] == ' ' || (*end)[-1] == '\t'))
    (*end)--;
  if (*end - *start >= 2 && **start == '"' && (*end)[-1] == '"')
    {
      (*start)++;
      (*end)--;
    }
}

static gboolean
header_is (const char *start,
           const char *end,
           const char *expected)
{
  /* Compare field by field so that "date, value" and "Date,Value" pass. */
  g_auto(GStrv) wanted = g_strsplit (expected, ",", -1);
  const char *p = start;

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      const char *comma = memchr (p, ',', end - p);
      const char *field_start = p;
      const char *field_end;

      if (comma == NULL)
        comma = end;
      if ((wanted[i + 1] == NULL) != (comma == end))
        return FALSE;

      /* Trimmed on a copy: the next field starts after the comma, not
       * after the trimmed text (which read '"date","value"' and
       * 'date ,value' as three fields). */
      field_end = comma;
      trim_field (&field_start, &field_end);
      if ((gsize) (field_end - field_start) != strlen (wanted[i]) ||
          g_ascii_strncasecmp (field_start, wanted[i], field_end - field_start) != 0)
        return FALSE;
      p = comma == end ? end : comma + 1;
    }
  return TRUE;
}

/* A price in [@start, @end): a plain decimal number, finite and > 0. */
static gboolean
read_price (CsvReader  *reader,
            const char *start,
            const char *end,
            const char *what,
            double     *out)
{
  char *parsed_end = NULL;
  double value;

  for (const char *p = start; p < end; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '+' && *p != 'e' && *p != 'E')
      goto invalid;
  if (start == end)
    goto invalid;

  /* Most prices are short decimals, read exactly without strtod(); the
   * buffer is NUL-terminated and the field ends at a character strtod()
   * stops at, so the others need no copy. */
  if (!atlas_decimal_parse_short (start, end, &value))
    {
      value = g_ascii_strtod (start, &parsed_end);
      if (parsed_end != end)
        goto invalid;
    }

  if (!isfinite (value))
    {
      g_autofree char *quoted = atlas_loader_quote_len (start, end - start);

      report_line (reader, ATLAS_DATASET_ERROR_INVALID, _("%s: not a finite number %s"), what, quoted);
      return FALSE;
    }
  if (value <= 0)
    {
      g_autofree char *number = atlas_loader_format_number (value);

      report_line (reader, ATLAS_DATASET_ERROR_INVALID, _("%s must be > 0, not %s"), what, number);
      return FALSE;
    }
  if (!atlas_loader_magnitude_allowed (value))
    {
      g_autofree char *number = atlas_loader_format_number (value);

      report_line (reader, ATLAS_DATASET_ERROR_INVALID,
                   _("%s: %s is outside the numbers a dataset may hold (1e-12 to 1e15)"), what, number);
      return FALSE;
    }

  *out = value;
  return TRUE;

invalid:
  {
    g_autofree char *quoted = atlas_loader_quote_len (start, end - start);

    report_line (reader, ATLAS_DATASET_ERROR_SYNTAX, _("%s: invalid number %s"), what, quoted);
  }
  return FALSE;
}

static void
read_row (CsvReader        *reader,
          const char       *start,
          const char       *end,
          guint             n_columns,
          AtlasPointBuffer *buffer)
{
  const char *fields[3][2];
  guint n_fields = 0;
  const char *p = start;
  AtlasDate date;
  AtlasPricePoint *point;
  double low, high;

  for (;;)
    {
      const char *comma = memchr (p, ',', end - p);
      const char *field_end = comma != NULL ? comma : end;

      if (n_fields < G_N_ELEMENTS (fields))
        {
          fields[n_fields][0] = p;
          fields[n_fields][1] = field_end;
          trim_field (&fields[n_fields][0], &fields[n_fields][1]);
        }
      n_fields++;
      if (comma == NULL)
        break;
      p = comma + 1;
    }

  if (n_fields != n_columns)
    {
      report_line (reader, ATLAS_DATASET_ERROR_SYNTAX,
                   n_columns == 2 ? _("expected 2 columns (date,value), found %u")
                                  : _("expected 3 columns (date,low,high), found %u"),
                   n_fields);
      return;
    }

  if (!atlas_date_parse (fields[0][0], fields[0][1] - fields[0][0], &date))
    {
      g_autofree char *quoted = atlas_loader_quote_len (fields[0][0], fields[0][1] - fields[0][0]);

      report_line (reader, ATLAS_DATASET_ERROR_INVALID,
                   _("invalid date %s (expected YYYY, YYYY-MM or YYYY-MM-DD)"), quoted);
      return;
    }

  if (n_columns == 2)
    {
      if (!read_price (reader, fields[1][0], fields[1][1], "value", &low))
        return;
      high = low;
    }
  else
    {
      gboolean ok = read_price (reader, fields[1][0], fields[1][1], "low", &low);

      if (!read_price (reader, fields[2][0], fields[2][1], "high", &high) || !ok)
        return;
      if (low > high)
        {
          g_autofree char *low_text = atlas_loader_format_number (low);
          g_autofree char *high_text = atlas_loader_format_number (high);

          report_line (reader, ATLAS_DATASET_ERROR_INVALID,
                       _("low %s is greater than high %s"), low_text, high_text);
          return;
        }
    }

  point = atlas_point_buffer_append (buffer, reader->line);
  point->day = date.day;
  point->precision = date.precision;
  point->flags = n_columns == 3 ? ATLAS_POINT_RANGE : 0;
  point->reserved = 0;
  point->extra = -1;
  point->low = low;
  point->high = high;
  point->value = n_columns == 3 ? low + (high - low) / 2 : low;
}

static gsize
count_lines (const char *p,
             const char *end)
{
  gsize n = 1;

  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      n++;
      p++;
    }
  return n;
}

gboolean
atlas_points_csv_read (AtlasLoaderContext *ctx,
                       const char         *path,
                       const char         *relative,
                       AtlasPointBuffer   *buffer)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = atlas_loader_escape (relative, -1);
  g_autofree char *reason = NULL;
  CsvReader reader = { ctx, name, 1 };
  const char *p, *end, *line_end;
  gboolean too_large;
  guint n_columns;
  gsize length;

  /* Every series may name a CSV file, the same one or a FIFO: the files
   * of one dataset share one budget, and only regular files are read. */
  if (!atlas_loader_read_file (path, ATLAS_DATASET_MAX_FILE_SIZE - ctx->csv_bytes,
                               &contents, &length, &too_large, &reason))
    {
      g_autofree char *quoted = atlas_loader_quote (relative);

      if (too_large)
        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_IO, "points_csv",
                                    _("cannot read %s: the points_csv files of the dataset add up to more than %u MiB (the most they may be)"),
                                    quoted, ATLAS_DATASET_MAX_FILE_SIZE / (1024 * 1024));
      else
        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_IO, "points_csv",
                                    _("cannot read %s: %s"), quoted, reason);
      return FALSE;
    }
  ctx->csv_bytes += length;

  p = contents;
  end = contents + length;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  line_end = memchr (p, '\n', end - p);
  if (line_end == NULL)
    line_end = end;
  {
    const char *header_end = line_end > p && line_end[-1] == '\r' ? line_end - 1 : line_end;

    if (header_is (p, header_end, "date,value"))
      n_columns = 2;
    else if (header_is (p, header_end, "date,low,high"))
      n_columns = 3;
    else
      {
        report_line (&reader, ATLAS_DATASET_ERROR_SYNTAX,
                     _("expected the header row date,value or date,low,high"));
        return FALSE;
      }
  }

  /* One allocation for the whole file: a million rows must not mean a
   * million reallocations. A row takes at least 7 bytes ("2025,1" and its
   * newline), so a file of blank lines does not reserve 40 bytes each. */
  atlas_point_buffer_reserve (buffer, MIN (MIN (count_lines (p, end), (gsize) (end - p) / 7 + 1),
                                           ATLAS_SERIES_MAX_POINTS + 1 - MIN (buffer->n_points,
                                                                              ATLAS_SERIES_MAX_POINTS)));

  p = line_end < end ? line_end + 1 : end;
  while (p < end && !atlas_loader_context_should_stop (ctx))
    {
      const char *row_end;

      reader.line++;
      line_end = memchr (p, '\n', end - p);
      if (line_end == NULL)
        line_end = end;
      row_end = line_end > p && line_end[-1] == '\r' ? line_end - 1 : line_end;

      /* Blank lines (a trailing newline, a spacer) hold no row. */
      {
        const char *q = p;

        while (q < row_end && (*q == ' ' || *q == '\t'))
          q++;
        if (q < row_end)
          read_row (&reader, p, row_end, n_columns, buffer);
      }
      /* Past one point a day, some date repeats: said at once, and the
       * points dropped, rather than read, sorted and compared in
       * gigabytes (256 MiB of "2025,1" rows is 38 million points). */
      if (buffer->n_points > ATLAS_SERIES_MAX_POINTS)
        {
          report_line (&reader, ATLAS_DATASET_ERROR_INVALID,
                       _("more points than there are days in the years 1 to 9999 (%u): some date repeats"),
                       ATLAS_SERIES_MAX_POINTS);
          atlas_point_buffer_clear (buffer);
          return FALSE;
        }

      p = line_end + 1;
    }

  return TRUE;
}
