/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-table-view.c: a read-only GtkColumnView of the chart's table, with the CSV export button. */
#include "atlas-config.h"

#include <glib/gi18n.h>

#include "atlas-table-view.h"

/* One row of the table as an item of the list model. */
#define ATLAS_TYPE_TABLE_ROW (atlas_table_row_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTableRow, atlas_table_row, ATLAS, TABLE_ROW, GObject)

struct _AtlasTableRow
{
  GObject    parent_instance;
  GPtrArray *cells;              /* char*, a ref of the table's row */
};

G_DEFINE_FINAL_TYPE (AtlasTableRow, atlas_table_row, G_TYPE_OBJECT)

static void
atlas_table_row_finalize (GObject *object)
{
  g_clear_pointer (&ATLAS_TABLE_ROW (object)->cells, g_ptr_array_unref);
  G_OBJECT_CLASS (atlas_table_row_parent_class)->finalize (object);
}

static void
atlas_table_row_class_init (AtlasTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_table_row_finalize;
}

static void
atlas_table_row_init (AtlasTableRow *self)
{
}

/* The rows as a list model that makes row objects only when asked: a
 * price table may have a million rows, and the view shows a screenful. */
#define ATLAS_TYPE_TABLE_MODEL (atlas_table_model_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTableModel, atlas_table_model, ATLAS, TABLE_MODEL, GObject)

struct _AtlasTableModel
{
  GObject    parent_instance;
  GPtrArray *rows;               /* GPtrArray* of char*, or NULL */
};

static GType
atlas_table_model_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_TABLE_ROW;
}

static guint
atlas_table_model_get_n_items (GListModel *model)
{
  AtlasTableModel *self = ATLAS_TABLE_MODEL (model);
  return self->rows != NULL ? self->rows->len : 0;
}

static gpointer
atlas_table_model_get_item (GListModel *model, guint position)
{
  AtlasTableModel *self = ATLAS_TABLE_MODEL (model);
  AtlasTableRow *row;

  if (self->rows == NULL || position >= self->rows->len)
    return NULL;
  row = g_object_new (ATLAS_TYPE_TABLE_ROW, NULL);
  row->cells = g_ptr_array_ref (g_ptr_array_index (self->rows, position));
  return row;
}

static void
atlas_table_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_table_model_get_item_type;
  iface->get_n_items = atlas_table_model_get_n_items;
  iface->get_item = atlas_table_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasTableModel, atlas_table_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, atlas_table_model_list_model_init))

static void
atlas_table_model_finalize (GObject *object)
{
  g_clear_pointer (&ATLAS_TABLE_MODEL (object)->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (atlas_table_model_parent_class)->finalize (object);
}

static void
atlas_table_model_class_init (AtlasTableModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_table_model_finalize;
}

static void
atlas_table_model_init (AtlasTableModel *self)
{
}

static void
atlas_table_model_set_rows (AtlasTableModel *self, GPtrArray *rows)
{
  guint removed = atlas_table_model_get_n_items (G_LIST_MODEL (self));

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = rows != NULL ? g_ptr_array_ref (rows) : NULL;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed,
                              atlas_table_model_get_n_items (G_LIST_MODEL (self)));
}

struct _AtlasTableView
{
  GtkWidget      parent_instance;

  AtlasTable    *table;
  AtlasTableModel *rows;

  GtkWidget     *box;
  GtkWidget     *title_label;
  GtkWidget     *status_label;
  GtkWidget     *scroller;
  GtkColumnView *column_view;
};

G_DEFINE_FINAL_TYPE (AtlasTableView, atlas_table_view, GTK_TYPE_WIDGET)

/* What one column's factory needs to show its cells. */
typedef struct {
  guint                column;
  AtlasTableColumnKind kind;
} ColumnData;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  const ColumnData *column = data;
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = column->kind != ATLAS_TABLE_COLUMN_TEXT;

  /* Numbers align on the right, so their digits line up down a column. */
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  const ColumnData *column = data;
  AtlasTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *cell = column->column < row->cells->len ? g_ptr_array_index (row->cells, column->column) : "";
  /* The table holds plain numbers for the CSV file; people read them
   * grouped, per cents with their sign. */
  g_autofree char *text = atlas_table_display_cell (column->kind, cell);

  /* Cells are dataset text: plain, never markup. The full text shows on
   * hover where a long cell is cut. */
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, g_utf8_strlen (text, -1) > 40 ? text : NULL);
}

static void
remove_columns (AtlasTableView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
atlas_table_view_dispose (GObject *object)
{
  AtlasTableView *self = ATLAS_TABLE_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->table, atlas_table_free);
  G_OBJECT_CLASS (atlas_table_view_parent_class)->dispose (object);
}

static void
atlas_table_view_class_init (AtlasTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_table_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlastable");
}

static void
atlas_table_view_init (AtlasTableView *self)
{
  GtkWidget *bar, *button;
  GtkNoSelection *selection;

  self->rows = g_object_new (ATLAS_TYPE_TABLE_MODEL, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (bar, "atlas-table-bar");
  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->title_label, TRUE);
  gtk_widget_add_css_class (self->title_label, "heading");
  gtk_box_append (GTK_BOX (bar), self->title_label);
  button = gtk_button_new_with_mnemonic (_("Export _CSV…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.export-csv");
  gtk_widget_set_tooltip_text (button, _("Save this table as a CSV file, with its sources"));
  gtk_box_append (GTK_BOX (bar), button);
  gtk_box_append (GTK_BOX (self->box), bar);

  self->status_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status_label), TRUE);
  gtk_widget_add_css_class (self->status_label, "dim-label");
  gtk_widget_set_vexpand (self->status_label, TRUE);
  gtk_widget_set_visible (self->status_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->status_label);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Data table"),
                                  -1);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->scroller);
}

GtkWidget *
atlas_table_view_new (void)
{
  return g_object_new (ATLAS_TYPE_TABLE_VIEW, NULL);
}

void
atlas_table_view_set_table (AtlasTableView *self,
                            AtlasTable     *table,
                            const char     *title,
                            const GError   *error)
{
  g_return_if_fail (ATLAS_IS_TABLE_VIEW (self));

  remove_columns (self);
  atlas_table_model_set_rows (self->rows, NULL);
  g_clear_pointer (&self->table, atlas_table_free);
  self->table = table;

  gtk_label_set_text (GTK_LABEL (self->title_label), title != NULL ? title : "");
  gtk_widget_set_visible (self->scroller, table != NULL);
  gtk_widget_set_visible (self->status_label, table == NULL);
  if (table == NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", _("There is no table for this chart."),
                                               error != NULL ? error->message : "");
      gtk_label_set_text (GTK_LABEL (self->status_label), text);
      return;
    }

  for (guint c = 0; c < table->columns->len; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      ColumnData *data = g_new (ColumnData, 1);

      data->column = c;
      data->kind = atlas_table_get_column_kind (table, c);
      /* The factory owns its column's data: both go when the column does. */
      g_object_set_data_full (G_OBJECT (factory), "atlas-column-data", data, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), data);
      column = gtk_column_view_column_new (g_ptr_array_index (table->columns, c), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* The last column is the sources: it takes the room left. */
      gtk_column_view_column_set_expand (column, c + 1 == table->columns->len);
      gtk_column_view_append_column (self->column_view, column);
    }
  atlas_table_model_set_rows (self->rows, table->rows);
}

