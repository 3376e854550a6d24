/* atlas-chart-table.c: the data behind a chart as rows of text, for the table view and CSV. */
#include <stdarg.h>

#include "atlas-chart-frame.h"
#include "atlas-chart-private.h"

static void
free_row (gpointer row)
{
  g_ptr_array_unref (row);
}

AtlasTable *
atlas_table_new (const char *first_column, ...)
{
  AtlasTable *table = g_new0 (AtlasTable, 1);
  va_list args;

  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func (free_row);
  va_start (args, first_column);
  for (const char *c = first_column; c != NULL; c = va_arg (args, const char *))
    g_ptr_array_add (table->columns, g_strdup (c));
  va_end (args);
  return table;
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
  g_ptr_array_add (table->rows, row);
}

void
atlas_table_free (AtlasTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->columns);
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
      g_string_append_printf (out, "%s%s%s", source->publisher, atlas_punct_label_separator (),
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
