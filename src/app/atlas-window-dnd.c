/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window-dnd.c: opening a dataset by dropping a .json file on the window. */
#include "atlas-config.h"

#include <glib/gi18n.h>

#include "atlas-window-private.h"

static gboolean
has_json_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".json");
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AtlasWindow   *self)
{
  GFile *file = NULL;
  GSList *files = NULL;
  gboolean opened = FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      files = gdk_file_list_get_files (g_value_get_boxed (value));
      file = files != NULL ? files->data : NULL;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    goto out;
  if (!has_json_name (file))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *detail = g_strdup_printf (_("“%s” is not a .json dataset."), name);

      atlas_window_show_error (self, _("The dataset could not be loaded"), detail);
      goto out;
    }
  /* One window shows one dataset: the first file wins. */
  atlas_window_open_file (self, file);
  opened = TRUE;

out:
  g_slist_free (files);
  return opened;
}

void
atlas_window_init_dnd (AtlasWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (target, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (self->content_box, GTK_EVENT_CONTROLLER (target));
}
