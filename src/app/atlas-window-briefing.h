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
