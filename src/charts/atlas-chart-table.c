/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-chart-table.c: the data behind a chart as rows of text and plain numbers, for the table view and CSV. */
#include <stdarg.h>

#include "atlas-format.h"
#include "atlas-chart-private.h"

static void
free_row (gpointer row)
{
  g_ptr_array_unref (row);
}

/* The row function atlas_chart_table_foreach_row() hands to the next
 * table made on this thread (each view makes its own with
 * atlas_table_new()). */
typedef struct {
  AtlasTableRowFunc func;
  gpointer          data;
} PendingSink;

static GPrivate pending_sink;

AtlasTable *
atlas_table_new (void)
{
  AtlasTable *table = g_new0 (AtlasTable, 1);
  PendingSink *sink = g_private_get (&pending_sink);

  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->kinds = g_array_new (FALSE, FALSE, sizeof (AtlasTableColumnKind));
  table->rows = g_ptr_array_new_with_free_func (free_row);
  if (sink != NULL)
    {
      table->row_func = sink->func;
      table->row_data = sink->data;
      g_private_set (&pending_sink, NULL);
    }
  return table;
}

AtlasTable *
atlas_chart_table_foreach_row (AtlasDataset            *dataset,
                               const AtlasChartOptions *options,
                               AtlasTableRowFunc        func,
                               gpointer                 user_data,
                               GError                 **error)
{
  PendingSink sink = { func, user_data };
  AtlasTable *table;

  g_return_val_if_fail (func != NULL, NULL);

  g_private_set (&pending_sink, &sink);
  table = atlas_chart_table (dataset, options, error);
  g_private_set (&pending_sink, NULL);
  return table;
}

void
atlas_table_add_column (AtlasTable *table, const char *header, AtlasTableColumnKind kind)
{
  g_return_if_fail (table != NULL && header != NULL);
  /* Rows index columns by position: columns come first. */
  g_return_if_fail (table->rows->len == 0);

  g_ptr_array_add (table->columns, g_strdup (header));
  g_array_append_val (table->kinds, kind);
}

AtlasTableColumnKind
atlas_table_get_column_kind (const AtlasTable *table, guint column)
{
  g_return_val_if_fail (table != NULL, ATLAS_TABLE_COLUMN_TEXT);

  /* A table built without kinds (or a cell past the columns) is text:
   * text is what is never mistaken for a number. */
  if (table->kinds == NULL || column >= table->kinds->len)
    return ATLAS_TABLE_COLUMN_TEXT;
  return g_array_index (table->kinds, AtlasTableColumnKind, column);
}

char *
atlas_table_display_cell (AtlasTableColumnKind kind, const char *cell)
{
  g_autofree char *grouped = NULL;

  if (cell == NULL)
    return g_strdup ("");
  switch (kind)
    {
    case ATLAS_TABLE_COLUMN_NUMBER:
      return atlas_group_digits (cell);
    case ATLAS_TABLE_COLUMN_PERCENT:
      if (*cell == '\0')
        return g_strdup ("");
      grouped = atlas_group_digits (cell);
      return g_strdup_printf ("%s %%", grouped);
    case ATLAS_TABLE_COLUMN_TEXT:
    default:
      return g_strdup (cell);
    }
}

void
atlas_table_add_row (AtlasTable *table, char *first_cell, ...)
{
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  va_list args;

  va_start (args, first_cell);
  for (char *c = first_cell; c != NULL; c = va_arg (args, char *))
    g_ptr_array_add (row, c);
  va_end (args);
  /* Short rows are padded so every consumer can index every column. */
  while (row->len < table->columns->len)
    g_ptr_array_add (row, g_strdup (""));
  if (table->row_func != NULL)
    {
      table->row_func (table, row, table->row_data);
      g_ptr_array_unref (row);
      return;
    }
  g_ptr_array_add (table->rows, row);
}

char *
atlas_table_format_percent (double percent)
{
  return atlas_format_plain_number (percent, MAX (2, atlas_decimals_for_digits (percent, 2)));
}

void
atlas_table_free (AtlasTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->columns);
  g_clear_pointer (&table->kinds, g_array_unref);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

char *
atlas_table_format_cite (AtlasDataset *dataset, const char * const *cite, const char *lang)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (cite == NULL)
    return g_strdup ("");
  for (guint i = 0; cite[i] != NULL; i++)
    {
      const AtlasSource *source = atlas_dataset_find_source (dataset, cite[i]);

      if (i > 0)
        g_string_append (out, atlas_punct_list_separator ());
      if (source == NULL)
        {
          g_string_append (out, cite[i]);
          continue;
        }
      g_string_append_printf (out, "%s%s%s", atlas_text_get (source->publisher, lang), atlas_punct_label_separator (),
                              atlas_text_get (source->title, lang));
      if (source->date.precision != 0)
        {
          g_autofree char *date = atlas_date_to_string (&source->date);
          g_string_append_printf (out, " (%s)", date);
        }
      if (source->url != NULL)
        g_string_append_printf (out, " <%s>", source->url);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
