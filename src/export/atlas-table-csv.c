/* atlas-table-csv.c: a chart's data table as RFC 4180 CSV that spreadsheets open without running dataset text. */
#include <string.h>

#include "atlas-export.h"

/* A plain decimal number ("-12", "3.5", "-1.2e-3", "1,234.5"): spreadsheets
 * read it as a value, so it needs no defusing and must keep its sign. */
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

static gboolean
cell_needs_quotes (const char *cell)
{
  return strpbrk (cell, ",\"\r\n") != NULL;
}

static void
append_cell (GString *out, const char *cell)
{
  g_autofree char *defused = NULL;

  if (cell == NULL)
    cell = "";
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

/* RFC 4180 ends every record, the last included, with CRLF. */
static void
append_record (GString *out, GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_cell (out, g_ptr_array_index (cells, i));
    }
  g_string_append (out, "\r\n");
}

char *
atlas_table_to_csv (const AtlasTable *table)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (table != NULL, NULL);

  append_record (out, table->columns);
  for (guint i = 0; i < table->rows->len; i++)
    append_record (out, g_ptr_array_index (table->rows, i));
  return g_string_free (out, FALSE);
}
