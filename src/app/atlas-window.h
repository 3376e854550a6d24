/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window.h: the main window: one dataset, four views, the details sidebar; what presentation mode and tests drive. */
#pragma once

#include <gtk/gtk.h>

#include "atlas-chart-view.h"
#include "atlas-presentation.h"
#include "atlas-sidebar.h"
#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())
G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, GtkApplicationWindow)

AtlasWindow      *atlas_window_new              (GtkApplication *application);

/* ---- the dataset ---- */
AtlasDataset     *atlas_window_get_dataset      (AtlasWindow    *self);
/* Shows @dataset (with its file watched when it has a path). */
void              atlas_window_set_dataset      (AtlasWindow    *self,
                                                 AtlasDataset   *dataset);
/* Loads @path now.  On failure the error is reported (dialog and
 * atlas_window_get_last_error()), the open dataset stays, and FALSE is
 * returned with @error set. */
gboolean          atlas_window_load_path        (AtlasWindow    *self,
                                                 const char     *path,
                                                 GError        **error);
/* Loads @file in a thread (for Open and drag and drop); errors as above. */
void              atlas_window_open_file        (AtlasWindow    *self,
                                                 GFile          *file);
gboolean          atlas_window_is_loading       (AtlasWindow    *self);
/* Counts the datasets shown so far (a reload adds one): tests wait on it. */
guint             atlas_window_get_generation   (AtlasWindow    *self);

/* ---- what is shown ---- */
AtlasView         atlas_window_get_view         (AtlasWindow    *self);
void              atlas_window_set_view         (AtlasWindow    *self,
                                                 AtlasView       view);
/* The options of @view, owned by the window: edit them with the
 * atlas_view_state_set_*() calls and the chart follows. */
AtlasViewState   *atlas_window_get_view_state   (AtlasWindow    *self,
                                                 AtlasView       view);
AtlasChartView   *atlas_window_get_chart_view   (AtlasWindow    *self);
/* The current view's scene at the chart's size (NULL: none yet or failed). */
AtlasScene       *atlas_window_get_scene        (AtlasWindow    *self);
const AtlasItem  *atlas_window_get_selection    (AtlasWindow    *self);
void              atlas_window_set_selection    (AtlasWindow    *self,
                                                 const AtlasItem *item);
gboolean          atlas_window_select_id        (AtlasWindow    *self,
                                                 const char     *id);
AtlasSidebar     *atlas_window_get_sidebar      (AtlasWindow    *self);
/* The style the charts are drawn with: dark as the style manager (or a
 * dark GTK_THEME) says, in the desktop font. */
const AtlasStyle *atlas_window_get_style        (AtlasWindow    *self);
void              atlas_window_set_show_sidebar (AtlasWindow    *self,
                                                 gboolean        show);
void              atlas_window_set_show_table   (AtlasWindow    *self,
                                                 gboolean        show);

/* The notice that stays until what it says no longer holds (a deleted
 * file), or NULL. */
const char       *atlas_window_get_notice       (AtlasWindow    *self);

/* A toast saying @path was written, with a button that opens it. */
void              atlas_window_show_exported    (AtlasWindow    *self,
                                                 const char     *path);
/* What the latest passing toast said ("Dataset reloaded"…), or NULL. */
const char       *atlas_window_get_last_toast   (AtlasWindow    *self);

/* ---- errors ---- */
/* Records "primary: secondary" as the last error and, unless disabled,
 * shows it in a message dialog (plain text, never markup). */
void              atlas_window_show_error       (AtlasWindow    *self,
                                                 const char     *primary,
                                                 const char     *secondary);
const char       *atlas_window_get_last_error   (AtlasWindow    *self);
void              atlas_window_clear_last_error (AtlasWindow    *self);
/* Tests turn the dialogs off; errors are still recorded. */
void              atlas_window_set_error_dialogs (AtlasWindow   *self,
                                                 gboolean        enabled);

/* ---- exports (what the dialogs' responses call) ---- */
gboolean          atlas_window_export_table_csv (AtlasWindow    *self,
                                                 const char     *path,
                                                 GError        **error);
/* Puts a PNG of the chart on the clipboard. */
gboolean          atlas_window_copy_image       (AtlasWindow    *self,
                                                 GError        **error);
/* Writes @briefing (NULL: one page per view, with the current view's
 * settings) as a PDF deck, as --export=briefing does: one 1600x900 page per
 * slide with its title, chart and, when @with_notes, its speaker note. */
gboolean          atlas_window_export_briefing_pdf (AtlasWindow         *self,
                                                    const AtlasBriefing *briefing,
                                                    gboolean             with_notes,
                                                    const char          *path,
                                                    GError             **error);
/* What Export Briefing as PDF… writes once its file is chosen: briefing
 * @index of the briefings as edited in the window, saved or not (-1: one
 * page per view). */
gboolean          atlas_window_export_edited_briefing_pdf (AtlasWindow  *self,
                                                           int           index,
                                                           gboolean      with_notes,
                                                           const char   *path,
                                                           GError      **error);

/* ---- presentation mode ---- */
/* Presents @briefing (NULL: one slide per view, with the window's settings
 * and selection) full screen over the window, whose own views stay as they
 * are; Escape comes back to them.  NULL when no dataset is open. */
AtlasPresentation *atlas_window_present_briefing (AtlasWindow         *self,
                                                  const AtlasBriefing *briefing);
/* Presents the briefing with that id; when the dataset has none such, shows
 * an error naming the ids it has and returns NULL. */
AtlasPresentation *atlas_window_present_briefing_id (AtlasWindow      *self,
                                                     const char       *briefing_id);
/* The running presentation, or NULL. */
AtlasPresentation *atlas_window_get_presentation (AtlasWindow         *self);
/* The dialog asking which briefing to present (win.present on a dataset
 * with several), or NULL. */
GtkWindow         *atlas_window_get_briefing_chooser (AtlasWindow     *self);

/* Quits the application right after the first frame that shows the chart
 * (or the reason there is none) has been painted. */
void              atlas_window_quit_after_first_frame (AtlasWindow *self);

G_END_DECLS
