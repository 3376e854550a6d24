/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app-test-widgets.c: finding widgets in a window's tree in widget tests, and waiting for a chart to draw. */
#include "app-test-widgets.h"

GtkWidget *
find_widget (GtkWidget *root, WidgetMatch match, gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_label_with_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
find_label_with_text (GtkWidget *root, const char *text)
{
  return find_widget (root, is_label_with_text, text);
}

static gboolean
is_of_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

GtkWidget *
find_widget_of_type (GtkWidget *root, GType type)
{
  return find_widget (root, is_of_type, &type);
}

gboolean
rendered_again (gpointer data)
{
  RenderWait *wait = data;

  return atlas_chart_view_get_render_count (wait->chart) > wait->renders;
}
