/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window-briefing.c: making a briefing in the window: its panel, adding the view as a slide, editing with undo, saving into the dataset. */
#include "atlas-config.h"

#include <glib/gi18n.h>

#include "atlas-briefing.h"
#include "atlas-slide-capture.h"
#include "atlas-window-briefing.h"
#include "atlas-window-private.h"

/* What a dirty window's title starts with, as GNOME's editors mark it. */
#define UNSAVED_MARK "• "

struct _AtlasWindowBriefing
{
  AtlasBriefingEditor  *editor;
  AtlasBriefingPanel   *panel;
  GtkRevealer          *revealer;
  GtkWidget            *toggle;
  GtkFileChooserNative *save_chooser;
  GtkWidget            *question;       /* weak */
  AtlasDataset         *saved;          /* the dataset our last save made; weak identity only */
  gboolean              close_after_save;
  GFile                *open_after_save;  /* the dataset to show once saved or discarded */
  gboolean              closing;        /* the user chose to discard */
  /* The copy of a slide's callouts the chart was given (a ref), and which
   * slide they are: while the chart still draws them, a drag on one is an
   * edit of that slide, and undo shows the slide's callouts again. */
  GPtrArray            *shown_annotations;
  int                   shown_briefing, shown_slide;
};

static AtlasWindowBriefing *
get_briefing (AtlasWindow *self)
{
  return self->briefing;
}

static const char *
current_lang (AtlasWindow *self)
{
  const char *lang = atlas_view_state_get_options (self->states[self->view])->lang;

  return lang != NULL ? lang : atlas_text_get_default_language ();
}

/* ---- title and actions ---------------------------------------------------- */

static void
update_title (AtlasWindow *self)
{
  AtlasWindowBriefing *b = get_briefing (self);
  g_autofree char *title = NULL;
  const char *base;

  if (self->dataset == NULL)
    return;
  base = atlas_text_get (atlas_dataset_get_title (self->dataset), NULL);
  title = atlas_briefing_editor_is_dirty (b->editor) ? g_strconcat (UNSAVED_MARK, base, NULL) : g_strdup (base);
  if (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (self)), title) != 0)
    gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_actions (AtlasWindow *self)
{
  AtlasWindowBriefing *b = get_briefing (self);
  AtlasBriefing *briefing = atlas_briefing_editor_get_current_briefing (b->editor);
  int slide = atlas_briefing_editor_get_selected_slide (b->editor);
  int n_slides = briefing != NULL ? (int) briefing->slides->len : 0;
  gboolean has_dataset = self->dataset != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.add-slide", has_dataset);
  gtk_widget_action_set_enabled (widget, "win.new-briefing", has_dataset);
  gtk_widget_action_set_enabled (widget, "win.save", has_dataset && atlas_briefing_editor_is_dirty (b->editor));
  gtk_widget_action_set_enabled (widget, "win.save-as", has_dataset);
  gtk_widget_action_set_enabled (widget, "win.undo", atlas_briefing_editor_can_undo (b->editor));
  gtk_widget_action_set_enabled (widget, "win.redo", atlas_briefing_editor_can_redo (b->editor));
  gtk_widget_action_set_enabled (widget, "win.move-slide-up", slide > 0);
  gtk_widget_action_set_enabled (widget, "win.move-slide-down", slide >= 0 && slide < n_slides - 1);
  gtk_widget_action_set_enabled (widget, "win.duplicate-slide", slide >= 0);
  gtk_widget_action_set_enabled (widget, "win.delete-slide", slide >= 0);
  gtk_widget_action_set_enabled (widget, "win.present-slide", has_dataset && n_slides > 0);
  gtk_widget_action_set_enabled (widget, "win.show-slide", has_dataset && slide >= 0);
  gtk_widget_action_set_enabled (widget, "win.add-callout", has_dataset && slide >= 0);
}

static void
editor_changed_cb (AtlasBriefingEditor *editor,
                   AtlasWindow         *self)
{
  update_title (self);
  update_actions (self);
}

/* A new dataset in the window. Edits not saved yet stay when it is the same
 * file again (reloaded because it changed on disk): the edits keep the
 * dataset they were made on, so saving them asks before overwriting what
 * changed. */
static void
dataset_changed_cb (AtlasWindow *self,
                    GParamSpec  *pspec,
                    gpointer     data)
{
  AtlasWindowBriefing *b = get_briefing (self);
  AtlasDataset *base;

  if (b == NULL)
    return;
  base = atlas_briefing_editor_get_dataset (b->editor);
  if (b->panel != NULL)
    atlas_briefing_panel_set_lang (b->panel, current_lang (self));
  if (self->dataset != NULL && self->dataset == b->saved)
    ;
  else if (self->dataset != NULL && base != NULL && atlas_briefing_editor_is_dirty (b->editor) &&
           g_strcmp0 (atlas_dataset_get_path (self->dataset), atlas_dataset_get_path (base)) == 0)
    ;
  else
    atlas_briefing_editor_set_dataset (b->editor, self->dataset);
  b->saved = NULL;
  update_title (self);
  update_actions (self);
}

/* ---- the panel -------------------------------------------------------------- */

/* The panel is made when first shown: most sessions never open it, and
 * the first frame need not build it. */
static void
ensure_panel (AtlasWindow *self)
{
  AtlasWindowBriefing *b = get_briefing (self);
  GtkWidget *box;

  if (b->panel != NULL)
    return;
  b->panel = ATLAS_BRIEFING_PANEL (atlas_briefing_panel_new (b->editor));
  gtk_widget_set_margin_top (GTK_WIDGET (b->panel), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (b->panel), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (b->panel), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (b->panel), 6);
  atlas_briefing_panel_set_style (b->panel, self->style);
  atlas_briefing_panel_set_lang (b->panel, current_lang (self));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (b->panel));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_revealer_set_child (b->revealer, box);
}

void
atlas_window_set_show_briefings (AtlasWindow *self,
                                 gboolean     show)
{
  AtlasWindowBriefing *b;

  g_return_if_fail (ATLAS_IS_WINDOW (self));

  b = get_briefing (self);
  if (show)
    ensure_panel (self);
  gtk_revealer_set_reveal_child (b->revealer, show);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (b->toggle), show);
}

gboolean
atlas_window_get_show_briefings (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (get_briefing (self)->revealer);
}

AtlasBriefingEditor *
atlas_window_get_briefing_editor (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return get_briefing (self)->editor;
}

AtlasBriefingPanel *
atlas_window_get_briefing_panel (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  ensure_panel (self);
  return get_briefing (self)->panel;
}

GtkWindow *
atlas_window_get_briefing_question (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return GTK_WINDOW (get_briefing (self)->question);
}

void
atlas_window_add_view_as_slide (AtlasWindow *self)
{
  AtlasWindowBriefing *b;
  const AtlasItem *selection;
  AtlasSlide *slide;

  g_return_if_fail (ATLAS_IS_WINDOW (self));

  b = get_briefing (self);
  if (self->dataset == NULL)
    return;
  selection = atlas_chart_view_get_selection (self->chart_view);
  slide = atlas_slide_capture (self->states[self->view], selection != NULL ? selection->id : NULL);
  atlas_briefing_editor_add_slide (b->editor, slide, current_lang (self), _("New Briefing"));
  /* The slide is where the user can see it was added. */
  atlas_window_set_show_briefings (self, TRUE);
}

/* The chart draws slide @index's callouts as they are now: a copy, as the
 * slide's list changes with the next edit and the state's must not change
 * under it. */
static void
show_slide_annotations (AtlasWindow *self, int index)
{
  AtlasWindowBriefing *b = get_briefing (self);
  const AtlasSlide *slide = atlas_briefing_editor_get_slide (b->editor, index);
  g_autoptr(GPtrArray) annotations = NULL;

  if (slide == NULL)
    return;
  annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_annotation_free);
  for (guint i = 0; i < slide->annotations->len; i++)
    g_ptr_array_add (annotations, atlas_annotation_copy (g_ptr_array_index (slide->annotations, i)));
  atlas_view_state_set_annotations (self->states[slide->view], annotations);
  g_clear_pointer (&b->shown_annotations, g_ptr_array_unref);
  b->shown_annotations = g_ptr_array_ref (annotations);
  b->shown_briefing = atlas_briefing_editor_get_current (b->editor);
  b->shown_slide = index;
}

/* Whether the chart draws slide @index's callouts as the window gave them
 * (not another slide's, nor ones the view got since). */
static gboolean
chart_shows_slide (AtlasWindow *self, int index)
{
  AtlasWindowBriefing *b = get_briefing (self);
  const AtlasSlide *slide = atlas_briefing_editor_get_slide (b->editor, index);
  GPtrArray *drawn;

  if (slide == NULL || slide->view != self->view || b->shown_annotations == NULL ||
      b->shown_briefing != atlas_briefing_editor_get_current (b->editor) || b->shown_slide != index)
    return FALSE;
  /* The state keeps no empty list. */
  drawn = atlas_view_state_get_options (self->states[self->view])->annotations;
  return drawn == b->shown_annotations || (drawn == NULL && b->shown_annotations->len == 0);
}

/* A callout dragged in the chart: when it is one of the slide being
 * edited, its new place is an edit of the slide (undone by Ctrl+Z, saved
 * by Ctrl+S); else the chart keeps it for the view alone. */
static gboolean
callout_moved_cb (AtlasChartView *chart_view,
                  guint           annotation,
                  double          dx,
                  double          dy,
                  AtlasWindow    *self)
{
  AtlasBriefingEditor *editor;
  int index;

  if (get_briefing (self) == NULL)
    return FALSE;
  editor = get_briefing (self)->editor;
  index = atlas_briefing_editor_get_selected_slide (editor);
  if (!chart_shows_slide (self, index))
    return FALSE;
  atlas_briefing_editor_place_annotation (editor, index, annotation, dx, dy);
  show_slide_annotations (self, index);
  return TRUE;
}

/* Undo and redo take the chart's callouts back with the slide's. */
static void
step_edit (AtlasWindow *self, gboolean undo)
{
  AtlasBriefingEditor *editor = get_briefing (self)->editor;
  int before = atlas_briefing_editor_get_selected_slide (editor);
  gboolean shown = chart_shows_slide (self, before);
  int after;

  if (undo)
    atlas_briefing_editor_undo (editor);
  else
    atlas_briefing_editor_redo (editor);
  after = atlas_briefing_editor_get_selected_slide (editor);
  if (shown && after == before)
    show_slide_annotations (self, after);
}

void
atlas_window_show_slide (AtlasWindow *self)
{
  AtlasBriefingEditor *editor;
  const AtlasSlide *slide;

  g_return_if_fail (ATLAS_IS_WINDOW (self));

  editor = get_briefing (self)->editor;
  slide = atlas_briefing_editor_get_slide (editor, atlas_briefing_editor_get_selected_slide (editor));
  if (slide == NULL || self->dataset == NULL)
    return;
  atlas_view_state_apply_slide (self->states[slide->view], slide);
  show_slide_annotations (self, atlas_briefing_editor_get_selected_slide (editor));
  atlas_window_set_view (self, slide->view);
}

gboolean
atlas_window_add_callout (AtlasWindow *self,
                          const char  *text)
{
  AtlasBriefingEditor *editor;
  const AtlasItem *item;
  const AtlasSlide *slide;
  AtlasAnnotation *annotation;
  int index;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  editor = get_briefing (self)->editor;
  index = atlas_briefing_editor_get_selected_slide (editor);
  slide = atlas_briefing_editor_get_slide (editor, index);
  item = atlas_chart_view_get_selection (self->chart_view);
  if (slide == NULL || self->dataset == NULL || text == NULL || text[0] == '\0')
    return FALSE;
  /* The callout belongs to the slide the chart shows. */
  if (slide->view != self->view)
    {
      atlas_window_add_toast (self, _("Show the slide in the window first (Enter on its row)."));
      return FALSE;
    }
  annotation = item != NULL ? atlas_annotation_for_item (self->dataset,
                                                         atlas_view_state_get_options (self->states[self->view]),
                                                         item, current_lang (self), text)
                            : NULL;
  if (annotation == NULL)
    {
      atlas_window_add_toast (self, _("Select a node, a price point, an event or a part of a bar first."));
      return FALSE;
    }
  atlas_briefing_editor_add_annotation (editor, index, annotation);
  /* Drawn at once, placed by the chart as on the slide. */
  show_slide_annotations (self, index);
  return TRUE;
}

/* ---- saving ------------------------------------------------------------------ */

static void show_save_as (AtlasWindow *self);

gboolean
atlas_window_save_briefings (AtlasWindow     *self,
                             const char      *path,
                             AtlasSaveFlags   flags,
                             GError         **error)
{
  AtlasWindowBriefing *b;
  g_autoptr(AtlasDataset) saved = NULL;
  AtlasDataset *base;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);

  b = get_briefing (self);
  base = atlas_briefing_editor_get_dataset (b->editor);
  if (base == NULL)
    {
      g_set_error_literal (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_NO_FILE, _("No dataset is open."));
      return FALSE;
    }
  saved = atlas_dataset_save_briefings (base, atlas_briefing_editor_get_briefings (b->editor), path, flags, error);
  if (saved == NULL)
    return FALSE;
  atlas_briefing_editor_mark_saved (b->editor, saved);
  /* The window shows the file as saved; its watch sees our own write, and
   * the reload finds the bytes it has (atlas-window-reload.c). */
  b->saved = saved;
  atlas_window_set_dataset (self, saved);
  return TRUE;
}

/* The save asked for on closing or opening another dataset did not
 * happen: the window stays as it is. */
static void
forget_pending (AtlasWindowBriefing *b)
{
  b->close_after_save = FALSE;
  g_clear_object (&b->open_after_save);
}

static void
question_done (AtlasWindow *self, GtkWidget *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Closes once the question that led here has finished answering: the
 * dialog still refers to its window while it emits "response". */
static void
close_soon (AtlasWindow *self)
{
  get_briefing (self)->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
saved_toast (AtlasWindow *self)
{
  AtlasWindowBriefing *b = get_briefing (self);
  g_autofree char *name = g_path_get_basename (atlas_dataset_get_path (self->dataset));
  g_autofree char *text = g_strdup_printf (_("Briefings saved in “%s”"), name);

  atlas_window_add_toast (self, text);
  if (b->close_after_save)
    close_soon (self);
  else if (b->open_after_save != NULL)
    {
      g_autoptr(GFile) file = g_steal_pointer (&b->open_after_save);
      atlas_window_open_file (self, file);
    }
}

static GtkWidget *
ask (AtlasWindow *self, const char *heading, const char *body)
{
  AtlasWindowBriefing *b = get_briefing (self);
  GtkWidget *dialog;

  if (b->question != NULL)
    gtk_window_destroy (GTK_WINDOW (b->question));
  /* Plain text: the body names a file. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&b->question, dialog);
  return dialog;
}

static void save_with (AtlasWindow *self, const char *path, AtlasSaveFlags flags);

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AtlasWindow      *self)
{
  AtlasWindowBriefing *b = get_briefing (self);

  question_done (self, GTK_WIDGET (dialog));
  if (g_str_equal (response, "overwrite"))
    save_with (self, NULL, ATLAS_SAVE_OVERWRITE);
  else if (g_str_equal (response, "save-as"))
    show_save_as (self);
  else if (g_str_equal (response, "reload"))
    {
      AtlasDataset *base = atlas_briefing_editor_get_dataset (b->editor);
      g_autofree char *path = g_strdup (atlas_dataset_get_path (base));

      /* The edits go: the file as it is now replaces them. */
      atlas_briefing_editor_set_dataset (b->editor, self->dataset);
      forget_pending (b);
      atlas_window_load_async (self, path, TRUE);
    }
  else
    forget_pending (b);
}

static void
read_only_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       AtlasWindow      *self)
{
  question_done (self, GTK_WIDGET (dialog));
  if (g_str_equal (response, "save-as"))
    show_save_as (self);
  else
    forget_pending (get_briefing (self));
}

static void
save_with (AtlasWindow *self, const char *path, AtlasSaveFlags flags)
{
  AtlasWindowBriefing *b = get_briefing (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  const char *file_path;
  GtkWidget *dialog;

  if (atlas_window_save_briefings (self, path, flags, &error))
    {
      saved_toast (self);
      return;
    }
  file_path = path != NULL ? path : atlas_dataset_get_path (atlas_briefing_editor_get_dataset (b->editor));
  name = file_path != NULL ? g_path_get_basename (file_path) : g_strdup ("");
  if (g_error_matches (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_NO_FILE))
    {
      show_save_as (self);
      return;
    }
  if (g_error_matches (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_CHANGED_ON_DISK))
    {
      body = g_strdup_printf (_("“%s” was changed by another program since it was opened. "
                                "Saving here would replace those changes."), name);
      dialog = ask (self, _("The File Changed on Disk"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "reload", _("_Reload"),
                                        "save-as", _("Save _As…"),
                                        "overwrite", _("_Overwrite"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (g_error_matches (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_READ_ONLY))
    {
      body = g_strdup_printf (_("“%s” or its folder cannot be written. Save a copy elsewhere."), name);
      dialog = ask (self, _("The File Cannot Be Written"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (read_only_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  forget_pending (b);
  body = g_strdup_printf ("%s\n\n%s", error->message, _("The changes stay in the window."));
  atlas_window_show_error (self, _("The briefings could not be saved"), body);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     AtlasWindow     *self)
{
  AtlasWindowBriefing *b = get_briefing (self);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  g_clear_object (&b->save_chooser);
  if (path == NULL)
    {
      forget_pending (b);
      return;
    }
  save_with (self, path, ATLAS_SAVE_NONE);
}

static void
show_save_as (AtlasWindow *self)
{
  AtlasWindowBriefing *b = get_briefing (self);
  AtlasDataset *base = atlas_briefing_editor_get_dataset (b->editor);
  const char *path = base != NULL ? atlas_dataset_get_path (base) : NULL;
  GtkFileFilter *filter;

  if (base == NULL)
    return;
  if (b->save_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (b->save_chooser));
      return;
    }
  b->save_chooser = gtk_file_chooser_native_new (_("Save Dataset As"), GTK_WINDOW (self),
                                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (b->save_chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Datasets (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (b->save_chooser), filter);
  g_object_unref (filter);
  if (path != NULL)
    {
      g_autofree char *name = g_path_get_basename (path);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (b->save_chooser), name);
    }
  g_signal_connect (b->save_chooser, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (b->save_chooser));
}

/* ---- closing with unsaved changes ---------------------------------------------- */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   AtlasWindow      *self)
{
  AtlasWindowBriefing *b = get_briefing (self);

  question_done (self, GTK_WIDGET (dialog));
  if (g_str_equal (response, "discard") && b->open_after_save != NULL)
    {
      g_autoptr(GFile) file = g_steal_pointer (&b->open_after_save);

      /* Back to what was saved: nothing left to ask about. */
      atlas_briefing_editor_set_dataset (b->editor, atlas_briefing_editor_get_dataset (b->editor));
      atlas_window_open_file (self, file);
    }
  else if (g_str_equal (response, "discard"))
    close_soon (self);
  else if (g_str_equal (response, "save"))
    {
      b->close_after_save = b->open_after_save == NULL;
      save_with (self, NULL, ATLAS_SAVE_NONE);
    }
  else
    g_clear_object (&b->open_after_save);
}

static void
ask_to_save (AtlasWindow *self, const char *body)
{
  GtkWidget *dialog = ask (self, _("Save the Briefings?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
close_request_cb (GtkWindow *window,
                  gpointer   data)
{
  AtlasWindow *self = ATLAS_WINDOW (window);
  AtlasWindowBriefing *b = get_briefing (self);

  if (b == NULL || b->closing || !atlas_briefing_editor_is_dirty (b->editor))
    return FALSE;
  g_clear_object (&b->open_after_save);
  ask_to_save (self, _("The briefings were changed and not saved. Unsaved changes are lost when the window closes."));
  return TRUE;
}

gboolean
atlas_window_briefings_may_close (AtlasWindow *self,
                                  GFile       *file)
{
  AtlasWindowBriefing *b = get_briefing (self);

  if (b == NULL || !atlas_briefing_editor_is_dirty (b->editor))
    return TRUE;
  g_set_object (&b->open_after_save, file);
  ask_to_save (self, _("The briefings were changed and not saved. Unsaved changes are lost when another dataset opens."));
  return FALSE;
}

/* ---- actions ------------------------------------------------------------------- */

static void
briefing_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasBriefingEditor *editor = get_briefing (self)->editor;
  int slide = atlas_briefing_editor_get_selected_slide (editor);

  if (g_str_equal (action_name, "win.add-slide"))
    atlas_window_add_view_as_slide (self);
  else if (g_str_equal (action_name, "win.new-briefing"))
    {
      atlas_briefing_editor_new_briefing (editor, current_lang (self), _("New Briefing"));
      atlas_window_set_show_briefings (self, TRUE);
    }
  else if (g_str_equal (action_name, "win.undo"))
    step_edit (self, TRUE);
  else if (g_str_equal (action_name, "win.redo"))
    step_edit (self, FALSE);
  else if (g_str_equal (action_name, "win.move-slide-up"))
    atlas_briefing_editor_move_slide (editor, slide, slide - 1);
  else if (g_str_equal (action_name, "win.move-slide-down"))
    atlas_briefing_editor_move_slide (editor, slide, slide + 1);
  else if (g_str_equal (action_name, "win.duplicate-slide"))
    atlas_briefing_editor_duplicate_slide (editor, slide);
  else if (g_str_equal (action_name, "win.delete-slide"))
    atlas_briefing_editor_remove_slide (editor, slide);
  else if (g_str_equal (action_name, "win.save"))
    save_with (self, NULL, ATLAS_SAVE_NONE);
  else if (g_str_equal (action_name, "win.save-as"))
    show_save_as (self);
  else if (g_str_equal (action_name, "win.present-slide"))
    {
      AtlasBriefing *briefing = atlas_briefing_editor_get_current_briefing (editor);
      AtlasPresentation *presentation;

      if (briefing == NULL || briefing->slides->len == 0)
        return;
      presentation = atlas_window_present_briefing (self, briefing);
      if (presentation != NULL && slide > 0)
        atlas_presentation_set_position (presentation, (guint) slide);
    }
  else if (g_str_equal (action_name, "win.show-slide"))
    atlas_window_show_slide (self);
  else if (g_str_equal (action_name, "win.add-callout"))
    {
      GtkEditable *entry = atlas_briefing_panel_get_callout_entry (atlas_window_get_briefing_panel (self));
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

      if (atlas_window_add_callout (self, text))
        gtk_editable_set_text (entry, "");
    }
  else if (g_str_equal (action_name, "win.show-briefings"))
    atlas_window_set_show_briefings (self, !atlas_window_get_show_briefings (self));
}

void
atlas_window_class_install_briefing_actions (GtkWidgetClass *widget_class)
{
  static const char * const names[] = {
    "win.add-slide", "win.new-briefing", "win.undo", "win.redo", "win.move-slide-up",
    "win.move-slide-down", "win.duplicate-slide", "win.delete-slide", "win.save", "win.save-as",
    "win.present-slide", "win.show-briefings", "win.show-slide", "win.add-callout",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_class_install_action (widget_class, names[i], NULL, briefing_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.add-slide", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "win.show-briefings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.move-slide-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.move-slide-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.duplicate-slide", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
}

/* After the window's own handler (connected first) made its new style. */
static void
dark_changed_cb (AdwStyleManager *style_manager,
                 GParamSpec      *pspec,
                 AtlasWindow     *self)
{
  if (self->briefing != NULL && self->briefing->panel != NULL)
    atlas_briefing_panel_set_style (self->briefing->panel, self->style);
}

static void
toggle_cb (GtkToggleButton *toggle,
           AtlasWindow     *self)
{
  atlas_window_set_show_briefings (self, gtk_toggle_button_get_active (toggle));
}

void
atlas_window_init_briefing (AtlasWindow *self)
{
  AtlasWindowBriefing *b = g_new0 (AtlasWindowBriefing, 1);

  self->briefing = b;
  b->editor = atlas_briefing_editor_new ();

  /* Left of the chart, as the slides come before the view they are made
   * of; the details stay on the right. */
  b->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (b->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_RIGHT);
  gtk_box_prepend (GTK_BOX (self->content_box), GTK_WIDGET (b->revealer));

  b->toggle = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (b->toggle), "view-list-symbolic");
  gtk_widget_set_tooltip_text (b->toggle, _("Briefings (Ctrl+B)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (b->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Briefings"), -1);
  g_signal_connect (b->toggle, "toggled", G_CALLBACK (toggle_cb), self);
  gtk_header_bar_pack_start (self->header_bar, b->toggle);

  g_signal_connect (b->editor, "changed", G_CALLBACK (editor_changed_cb), self);
  /* A slide's callouts are moved on the chart: dragged by their text, or
   * with Alt and the arrows once their item is selected. */
  atlas_chart_view_set_callouts_movable (self->chart_view, TRUE);
  g_signal_connect (self->chart_view, "callout-moved", G_CALLBACK (callout_moved_cb), self);
  g_signal_connect (self, "notify::dataset", G_CALLBACK (dataset_changed_cb), NULL);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_AFTER);
  update_actions (self);
}

void
atlas_window_dispose_briefing (AtlasWindow *self)
{
  AtlasWindowBriefing *b = self->briefing;

  if (b == NULL)
    return;
  self->briefing = NULL;
  if (b->save_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (b->save_chooser, self);
      g_clear_object (&b->save_chooser);
    }
  if (b->question != NULL)
    gtk_window_destroy (GTK_WINDOW (b->question));
  g_clear_weak_pointer (&b->question);
  g_clear_object (&b->open_after_save);
  g_clear_pointer (&b->shown_annotations, g_ptr_array_unref);
  g_signal_handlers_disconnect_by_data (b->editor, self);
  g_clear_object (&b->editor);
  g_free (b);
}
