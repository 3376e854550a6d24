/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window-present.c: the window's presentation mode (F5) and its briefing PDF (Export Briefing as PDF…). */
#include "atlas-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-briefing-chooser.h"
#include "atlas-export.h"
#include "atlas-window-briefing.h"
#include "atlas-window-private.h"

/* The briefing deck's page, in points: what --export=briefing writes
 * without --size. */
#define BRIEFING_PAGE_WIDTH  1600
#define BRIEFING_PAGE_HEIGHT 900

/* In the PDF file chooser, the choice of deck: a briefing by its index,
 * or every view once. */
#define CHOICE_BRIEFING  "briefing"
#define CHOICE_NOTES     "notes"
#define CHOICE_ALL_VIEWS "views"

static const char *
current_lang (AtlasWindow *self)
{
  return atlas_view_state_get_options (self->states[self->view])->lang;
}

/* The briefings as the panel shows them, saved or not: a briefing shown
 * or printed before saving has the edits the user sees. */
static GPtrArray *
edited_briefings (AtlasWindow *self)
{
  return atlas_briefing_editor_get_briefings (atlas_window_get_briefing_editor (self));
}

/* ---- presenting --------------------------------------------------------- */

static const AtlasBriefing *
find_edited_briefing (AtlasWindow *self, const char *id)
{
  GPtrArray *briefings = edited_briefings (self);

  for (guint i = 0; i < briefings->len; i++)
    if (g_strcmp0 (((const AtlasBriefing *) g_ptr_array_index (briefings, i))->id, id) == 0)
      return g_ptr_array_index (briefings, i);
  return NULL;
}

static void
briefing_chosen_cb (AtlasBriefingChooser *chooser,
                    const char           *briefing_id,
                    AtlasWindow          *self)
{
  const AtlasBriefing *briefing = NULL;

  if (self->dataset == NULL)
    return;
  if (briefing_id != NULL)
    {
      /* The file may have been reloaded while the dialog was open. */
      briefing = find_edited_briefing (self, briefing_id);
      if (briefing == NULL)
        {
          atlas_window_show_error (self, _("The briefing could not be presented"),
                                   _("The dataset no longer has it."));
          return;
        }
    }
  atlas_window_present_briefing (self, briefing);
}

void
atlas_window_start_presentation (AtlasWindow *self)
{
  GPtrArray *briefings;
  AtlasBriefingChooser *chooser;

  if (self->dataset == NULL)
    return;
  if (self->presentation != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presentation));
      return;
    }
  if (self->briefing_chooser != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->briefing_chooser));
      return;
    }

  briefings = edited_briefings (self);
  if (briefings->len <= 1)
    {
      atlas_window_present_briefing (self, briefings->len == 1 ? g_ptr_array_index (briefings, 0) : NULL);
      return;
    }

  chooser = atlas_briefing_chooser_new (GTK_WINDOW (self), briefings, current_lang (self));
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (briefing_chosen_cb), self, 0);
  self->briefing_chooser = GTK_WIDGET (chooser);
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &self->briefing_chooser);
  gtk_window_present (GTK_WINDOW (chooser));
}

AtlasPresentation *
atlas_window_present_briefing (AtlasWindow         *self,
                               const AtlasBriefing *briefing)
{
  AtlasPresentation *presentation;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  if (self->dataset == NULL)
    return NULL;
  if (self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presentation));

  /* Its own copies of the options: the window's views stay as they are. */
  presentation = atlas_presentation_new (GTK_WINDOW (self), self->dataset, self->style);
  if (briefing != NULL)
    atlas_presentation_load_briefing (presentation, briefing, current_lang (self));
  else
    atlas_presentation_load_views (presentation, self->states, self->view,
                                   atlas_chart_view_get_selection (self->chart_view));
  /* The note goes on the projected slide only when the presenter asked
   * for it there (rehearsing, or a screenshot to print). */
  atlas_presentation_set_notes_on_slide (presentation, g_settings_get_boolean (self->settings, "notes-on-slide"));
  self->presentation = GTK_WIDGET (presentation);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &self->presentation);
  atlas_presentation_start (presentation);
  return presentation;
}

static void
notes_on_slide_changed_cb (GSettings   *settings,
                           const char  *key,
                           AtlasWindow *self)
{
  if (self->presentation != NULL)
    atlas_presentation_set_notes_on_slide (ATLAS_PRESENTATION (self->presentation),
                                           g_settings_get_boolean (settings, key));
}

void
atlas_window_init_present_settings (AtlasWindow *self)
{
  g_autoptr(GAction) action = NULL;

  action = g_settings_create_action (self->settings, "notes-on-slide");
  g_action_map_add_action (G_ACTION_MAP (self), action);
  g_signal_connect_object (self->settings, "changed::notes-on-slide",
                           G_CALLBACK (notes_on_slide_changed_cb), self, 0);
}

/* --present --briefing=ID. An id the dataset lacks is said in a message
 * that lists the ids it has, and the window stays as it is. */
AtlasPresentation *
atlas_window_present_briefing_id (AtlasWindow *self,
                                  const char  *briefing_id)
{
  const AtlasBriefing *briefing;
  g_autofree char *ids = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (briefing_id != NULL, NULL);

  if (self->dataset == NULL)
    return NULL;
  briefing = atlas_dataset_find_briefing (self->dataset, briefing_id);
  if (briefing != NULL)
    return atlas_window_present_briefing (self, briefing);

  ids = atlas_dataset_join_briefing_ids (self->dataset);
  primary = g_strdup_printf (_("There is no briefing “%s”"), briefing_id);
  if (*ids == '\0')
    secondary = g_strdup (_("The dataset has no briefings."));
  else
    secondary = g_strdup_printf (_("The dataset’s briefings: %s."), ids);
  atlas_window_show_error (self, primary, secondary);
  return NULL;
}

AtlasPresentation *
atlas_window_get_presentation (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->presentation != NULL ? ATLAS_PRESENTATION (self->presentation) : NULL;
}

GtkWindow *
atlas_window_get_briefing_chooser (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->briefing_chooser != NULL ? GTK_WINDOW (self->briefing_chooser) : NULL;
}

/* ---- the briefing as a PDF ---------------------------------------------- */

gboolean
atlas_window_export_briefing_pdf (AtlasWindow          *self,
                                  const AtlasBriefing  *briefing,
                                  gboolean              with_notes,
                                  const char           *path,
                                  GError              **error)
{
  AtlasExportRequest request = { 0 };

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->dataset == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No dataset is open."));
      return FALSE;
    }
  /* The same deck as --export=briefing, in the window's light or dark. */
  request.dataset = self->dataset;
  request.options = atlas_view_state_get_options (self->states[self->view]);
  request.style = self->style;
  request.width = BRIEFING_PAGE_WIDTH;
  request.height = BRIEFING_PAGE_HEIGHT;
  request.scale = 1;
  return atlas_export_briefing_pdf (&request, briefing, with_notes, path, error);
}

gboolean
atlas_window_export_edited_briefing_pdf (AtlasWindow  *self,
                                         int           index,
                                         gboolean      with_notes,
                                         const char   *path,
                                         GError      **error)
{
  GPtrArray *briefings;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  briefings = edited_briefings (self);
  if (index >= 0 && (guint) index >= briefings->len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The briefing is no longer there."));
      return FALSE;
    }
  return atlas_window_export_briefing_pdf (self, index >= 0 ? g_ptr_array_index (briefings, index) : NULL,
                                           with_notes, path, error);
}

/* A file name from a dataset's id: letters, digits, '-' and '_' only. */
static char *
file_name_for (const char *id)
{
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = id; p != NULL && *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '-');
  if (name->len == 0)
    g_string_append (name, "briefing");
  g_string_append (name, ".pdf");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
briefing_pdf_response_cb (GtkNativeDialog *native,
                          int              response,
                          AtlasWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->dataset != NULL)
    {
      GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      GPtrArray *briefings = edited_briefings (self);
      const char *deck = gtk_file_chooser_get_choice (chooser, CHOICE_BRIEFING);
      const char *notes = gtk_file_chooser_get_choice (chooser, CHOICE_NOTES);
      int index = -1;
      g_autoptr(GError) error = NULL;

      if (deck != NULL && g_str_has_prefix (deck, CHOICE_BRIEFING))
        index = (int) MIN (g_ascii_strtoull (deck + strlen (CHOICE_BRIEFING), NULL, 10), G_MAXINT);
      else if (deck == NULL && briefings->len == 1)
        index = 0;

      if (path == NULL)
        atlas_window_show_error (self, _("The briefing could not be exported"), _("Only local files can be written."));
      else if (!atlas_window_export_edited_briefing_pdf (self, index, g_strcmp0 (notes, "false") != 0, path, &error))
        atlas_window_show_error (self, _("The briefing could not be exported"), error->message);
      else
        atlas_window_show_exported (self, path);
    }
  g_clear_object (&self->briefing_chooser_native);
}

void
atlas_window_choose_briefing_pdf (AtlasWindow *self)
{
  GtkFileChooser *chooser;
  GtkFileFilter *filter;
  GPtrArray *briefings;
  g_autofree char *name = NULL;

  if (self->dataset == NULL || self->briefing_chooser_native != NULL)
    return;
  self->briefing_chooser_native = gtk_file_chooser_native_new (_("Export Briefing as PDF"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->briefing_chooser_native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->briefing_chooser_native), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_filter_add_pattern (filter, "*.PDF");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);

  /* Several briefings: which one, as presentation mode asks. */
  briefings = edited_briefings (self);
  if (briefings->len > 1)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < briefings->len; i++)
        {
          const AtlasBriefing *briefing = g_ptr_array_index (briefings, i);
          const char *title = atlas_text_get (briefing->title, current_lang (self));

          g_ptr_array_add (ids, g_strdup_printf ("%s%u", CHOICE_BRIEFING, i));
          g_ptr_array_add (labels, g_strdup (title != NULL ? title : briefing->id));
        }
      g_ptr_array_add (ids, g_strdup (CHOICE_ALL_VIEWS));
      g_ptr_array_add (labels, g_strdup (_("Each view once")));
      g_ptr_array_add (ids, NULL);
      g_ptr_array_add (labels, NULL);
      gtk_file_chooser_add_choice (chooser, CHOICE_BRIEFING, _("Briefing"),
                                   (const char **) ids->pdata, (const char **) labels->pdata);
      gtk_file_chooser_set_choice (chooser, CHOICE_BRIEFING, g_ptr_array_index (ids, 0));
    }
  gtk_file_chooser_add_choice (chooser, CHOICE_NOTES, _("Include the speaker notes"), NULL, NULL);
  gtk_file_chooser_set_choice (chooser, CHOICE_NOTES, "true");

  if (briefings->len == 1)
    name = file_name_for (((const AtlasBriefing *) g_ptr_array_index (briefings, 0))->id);
  else
    name = g_strdup ("rare-earth-atlas-briefing.pdf");
  gtk_file_chooser_set_current_name (chooser, name);
  g_signal_connect (self->briefing_chooser_native, "response", G_CALLBACK (briefing_pdf_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->briefing_chooser_native));
}

/* ---- teardown ----------------------------------------------------------- */

void
atlas_window_dispose_presentation (AtlasWindow *self)
{
  if (self->briefing_chooser_native != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->briefing_chooser_native, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->briefing_chooser_native));
      g_clear_object (&self->briefing_chooser_native);
    }
  if (self->briefing_chooser != NULL)
    {
      GtkWidget *chooser = self->briefing_chooser;

      g_object_remove_weak_pointer (G_OBJECT (chooser), (gpointer *) &self->briefing_chooser);
      self->briefing_chooser = NULL;
      gtk_window_destroy (GTK_WINDOW (chooser));
    }
  if (self->presentation != NULL)
    {
      GtkWidget *presentation = self->presentation;

      g_object_remove_weak_pointer (G_OBJECT (presentation), (gpointer *) &self->presentation);
      self->presentation = NULL;
      gtk_window_destroy (GTK_WINDOW (presentation));
    }
}
