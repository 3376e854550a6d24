/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window-actions.c: the window's actions and their shortcuts (open, reload, export, copy, CSV, views, panels). */
#include "atlas-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-atomic-file.h"
#include "atlas-export-dialog.h"
#include "atlas-export.h"
#include "atlas-window-private.h"

/* The Copy Image figure is drawn at twice the chart's size so it stays
 * sharp when pasted into slides. */
#define COPY_SCALE 2

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  AtlasWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      if (file != NULL)
        atlas_window_open_file (self, file);
    }
  g_clear_object (&self->open_chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  GtkFileFilter *filter;

  if (self->open_chooser != NULL)
    return;
  self->open_chooser = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->open_chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Datasets (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.JSON");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), filter);
  g_object_unref (filter);

  /* Start where the open dataset lives: the next edition is usually beside it. */
  if (self->dataset != NULL && atlas_dataset_get_path (self->dataset) != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (atlas_dataset_get_path (self->dataset));
      g_autoptr(GFile) folder = g_file_get_parent (file);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->open_chooser), folder, NULL);
    }
  g_signal_connect (self->open_chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_chooser));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  if (self->dataset != NULL && atlas_dataset_get_path (self->dataset) != NULL)
    atlas_window_load_async (self, atlas_dataset_get_path (self->dataset), TRUE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasExportDialog *dialog;

  if (self->dataset == NULL)
    return;
  dialog = atlas_export_dialog_new (GTK_WINDOW (self), self->dataset,
                                    self->states[self->view], self->style,
                                    atlas_chart_view_get_selection (self->chart_view));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!atlas_window_copy_image (self, &error))
    atlas_window_show_error (self, _("The chart could not be copied"), error->message);
}

static void
csv_response_cb (GtkNativeDialog *native,
                 int              response,
                 AtlasWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        atlas_window_show_error (self, _("The table could not be exported"), _("Only local files can be written."));
      else if (!atlas_window_export_table_csv (self, path, &error))
        atlas_window_show_error (self, _("The table could not be exported"), error->message);
      else
        atlas_window_show_exported (self, path);
    }
  g_clear_object (&self->csv_chooser);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autofree char *name = NULL;
  GtkFileFilter *filter;

  if (self->dataset == NULL || self->csv_chooser != NULL)
    return;
  self->csv_chooser = gtk_file_chooser_native_new (_("Export Table as CSV"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_SAVE,
                                                   _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->csv_chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV tables"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->csv_chooser), filter);
  g_object_unref (filter);
  name = g_strdup_printf ("rare-earth-atlas-%s.csv", atlas_view_to_string (self->view));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->csv_chooser), name);
  g_signal_connect (self->csv_chooser, "response", G_CALLBACK (csv_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->csv_chooser));
}

/* Presentation mode and the briefing PDF live in atlas-window-present.c. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  atlas_window_start_presentation (ATLAS_WINDOW (widget));
}

static void
export_briefing_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  atlas_window_choose_briefing_pdf (ATLAS_WINDOW (widget));
}

/* The shortcuts window is built on first use, not with every window as
 * GtkApplication does with gtk/help-overlay.ui: it is a window of its own
 * with a hundred widgets, built before the first frame for nothing. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/rareearthatlas/RareEarthAtlas/ui/atlas-shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* The "Open" button of an "Exported to …" toast. */
static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

void
atlas_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.export-briefing", NULL, export_briefing_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.show-table", "show-table");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.show-table", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.view", "s", "flows");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.view", "s", "prices");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.view", "s", "shares");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK, "win.view", "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

gboolean
atlas_window_export_table_csv (AtlasWindow  *self,
                               const char   *path,
                               GError      **error)
{
  AtlasExportRequest request = { 0 };

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->dataset == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No dataset is open."));
      return FALSE;
    }
  /* Streamed to the file as the command line writes it: a series of
   * millions of points is never a table in memory. */
  request.dataset = self->dataset;
  request.options = atlas_view_state_get_options (self->states[self->view]);
  request.style = self->style;
  return atlas_export_chart (&request, ATLAS_EXPORT_CSV, path, error);
}

gboolean
atlas_window_copy_image (AtlasWindow  *self,
                         GError      **error)
{
  AtlasExportRequest request = { 0 };
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  if (self->dataset == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No dataset is open."));
      return FALSE;
    }
  /* What is on screen, at the size it is on screen. */
  width = gtk_widget_get_width (GTK_WIDGET (self->chart_view));
  height = gtk_widget_get_height (GTK_WIDGET (self->chart_view));
  if (width < 320 || height < 180)
    width = 1600, height = 900;

  request.dataset = self->dataset;
  request.options = atlas_view_state_get_options (self->states[self->view]);
  request.style = self->style;
  request.width = width;
  request.height = height;
  request.scale = COPY_SCALE;
  png = atlas_export_chart_png (&request, error);
  if (png == NULL)
    return FALSE;
  texture = gdk_texture_new_from_bytes (png, error);
  if (texture == NULL)
    return FALSE;
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  return TRUE;
}
