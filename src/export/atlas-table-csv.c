/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-table-csv.c: a chart's data table as RFC 4180 CSV: numbers any locale reads, text never run as a formula. */
#include <string.h>

#include "atlas-export-private.h"

/* Text that reads as a number ("-12", "3.5", "-1.2e-3", "1,234.5", as a
 * region's note might say): spreadsheets take it for a value, not a
 * formula, so it needs no defusing and keeps its sign. */
static gboolean
cell_is_number (const char *cell)
{
  const char *p = cell;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p) || (*p == ',' && digits && g_ascii_isdigit (p[1])); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

/* Cells a spreadsheet would take for a formula (OWASP's list of leading
 * characters); dataset text comes from anyone, so it must stay text. */
static gboolean
cell_looks_like_formula (const char *cell)
{
  return cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL && !cell_is_number (cell);
}

/* What a number column holds ("-12", "3.5", or "" for none): exactly what
 * atlas_format_plain_number() writes and any spreadsheet reads as a value,
 * whatever its locale. */
static gboolean
cell_is_plain_number (const char *cell)
{
  const char *p = cell;

  if (*p == '\0')
    return TRUE;
  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static gboolean
cell_needs_quotes (const char *cell)
{
  return strpbrk (cell, ",\"\r\n") != NULL;
}

static void
append_cell (GString *out, const char *cell, AtlasTableColumnKind kind)
{
  g_autofree char *defused = NULL;

  if (cell == NULL)
    cell = "";
  /* A number is written as it is, its sign included ("-5" is minus five,
   * not a formula).  Anything else in a number column is a bug upstream,
   * and it is still written as text would be: never as a formula. */
  if (kind != ATLAS_TABLE_COLUMN_TEXT && cell_is_plain_number (cell))
    {
      g_string_append (out, cell);
      return;
    }
  if (cell_looks_like_formula (cell))
    cell = defused = g_strconcat ("'", cell, NULL);
  if (!cell_needs_quotes (cell))
    {
      g_string_append (out, cell);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* RFC 4180 ends every record, the last included, with CRLF.  Headers are
 * text: @table is NULL for them. */
static void
append_record (GString *out, GPtrArray *cells, const AtlasTable *table)
{
  for (guint i = 0; i < cells->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_cell (out, g_ptr_array_index (cells, i),
                   table != NULL ? atlas_table_get_column_kind (table, i) : ATLAS_TABLE_COLUMN_TEXT);
    }
  g_string_append (out, "\r\n");
}

char *
atlas_table_to_csv (const AtlasTable *table)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (table != NULL, NULL);

  append_record (out, table->columns, NULL);
  for (guint i = 0; i < table->rows->len; i++)
    append_record (out, g_ptr_array_index (table->rows, i), table);
  return g_string_free (out, FALSE);
}

/* ---- streamed into a file ----------------------------------------------- */

#define CSV_BUFFER_SIZE (64 * 1024)

typedef struct {
  AtlasAtomicFile *file;
  GString         *buffer;
  gboolean         header_written;
} CsvStream;

/* A failed write is kept by @file and reported by commit; the rows after
 * it are still made (cheaply) but no longer written. */
static void
csv_stream_flush (CsvStream *stream, gboolean all)
{
  if (stream->buffer->len == 0 || (!all && stream->buffer->len < CSV_BUFFER_SIZE))
    return;
  if (atlas_atomic_file_get_error (stream->file) == NULL)
    (void) atlas_atomic_file_write (stream->file, stream->buffer->str, stream->buffer->len, NULL);
  g_string_truncate (stream->buffer, 0);
}

static void
csv_stream_header (CsvStream *stream, const AtlasTable *table)
{
  if (stream->header_written)
    return;
  append_record (stream->buffer, table->columns, NULL);
  stream->header_written = TRUE;
}

static void
csv_stream_row (const AtlasTable *table, GPtrArray *cells, gpointer user_data)
{
  CsvStream *stream = user_data;

  csv_stream_header (stream, table);
  if (atlas_atomic_file_get_error (stream->file) != NULL)
    return;
  append_record (stream->buffer, cells, table);
  csv_stream_flush (stream, FALSE);
}

gboolean
atlas_table_write_csv (AtlasDataset            *dataset,
                       const AtlasChartOptions *options,
                       const char              *path,
                       GError                 **error)
{
  g_autoptr(AtlasAtomicFile) file = NULL;
  g_autoptr(AtlasTable) table = NULL;
  g_autoptr(GString) buffer = g_string_sized_new (CSV_BUFFER_SIZE + 4096);
  CsvStream stream = { NULL, buffer, FALSE };

  file = atlas_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  stream.file = file;
  table = atlas_chart_table_foreach_row (dataset, options, csv_stream_row, &stream, error);
  if (table == NULL)
    return FALSE;
  csv_stream_header (&stream, table);
  csv_stream_flush (&stream, TRUE);
  return atlas_atomic_file_commit (file, error);
}
