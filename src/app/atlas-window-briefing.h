/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window-briefing.h: making a briefing in the window: its panel, adding the view as a slide, editing with undo, saving into the dataset. */
#pragma once

#include "atlas-briefing-editor.h"
#include "atlas-briefing-panel.h"
#include "atlas-briefings-save.h"
#include "atlas-window.h"

G_BEGIN_DECLS

AtlasBriefingEditor *atlas_window_get_briefing_editor (AtlasWindow *self);
AtlasBriefingPanel  *atlas_window_get_briefing_panel  (AtlasWindow *self);
void                 atlas_window_set_show_briefings  (AtlasWindow *self,
                                                       gboolean     show);
gboolean             atlas_window_get_show_briefings  (AtlasWindow *self);
/* win.add-slide (Ctrl+M): the current view, as the window shows it, as a
 * slide after the chosen one (a dataset without briefings gets its first). */
void                 atlas_window_add_view_as_slide   (AtlasWindow *self);
/* win.show-slide (Enter on a row): the chosen slide in its view. */
void                 atlas_window_show_slide          (AtlasWindow *self);
/* win.add-callout: @text pinned to what is selected in the chart, added
 * to the chosen slide (which the chart must show) and drawn at once;
 * FALSE (saying why in a toast) when nothing fit is selected. */
gboolean             atlas_window_add_callout         (AtlasWindow *self,
                                                       const char  *text);
/* Saves the edited briefings into the dataset's file (@path NULL) or into
 * @path, asking nothing: what win.save and win.save-as do once the user
 * has answered. On success the window shows the saved dataset. */
gboolean             atlas_window_save_briefings      (AtlasWindow    *self,
                                                       const char     *path,
                                                       AtlasSaveFlags  flags,
                                                       GError        **error);
/* The question up (the file changed on disk, it cannot be written, close
 * with unsaved changes), or NULL: tests answer it with
 * adw_message_dialog_response(). */
GtkWindow           *atlas_window_get_briefing_question (AtlasWindow *self);

G_END_DECLS
