/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefing-panel.h: the window's briefing panel: the dataset's briefings, their slides as a list, and the chosen slide's title and note. */
#pragma once

#include <gtk/gtk.h>

#include "atlas-briefing-editor.h"
#include "atlas-style.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_BRIEFING_PANEL (atlas_briefing_panel_get_type ())
G_DECLARE_FINAL_TYPE (AtlasBriefingPanel, atlas_briefing_panel, ATLAS, BRIEFING_PANEL, GtkBox)

/* The panel shows @editor and edits through it; its buttons name the
 * window's actions (win.add-slide, win.undo...). */
GtkWidget  *atlas_briefing_panel_new          (AtlasBriefingEditor *editor);
/* The language the titles and notes are shown and typed in. */
void        atlas_briefing_panel_set_lang     (AtlasBriefingPanel  *self,
                                               const char          *lang);
/* The slides' thumbnails are drawn in @style (a copy is kept); NULL: none. */
void        atlas_briefing_panel_set_style    (AtlasBriefingPanel  *self,
                                               const AtlasStyle    *style);
const char *atlas_briefing_panel_get_lang     (AtlasBriefingPanel  *self);
GtkListBox *atlas_briefing_panel_get_list     (AtlasBriefingPanel  *self);
GtkEditable *atlas_briefing_panel_get_title_entry (AtlasBriefingPanel *self);
/* The callout typed for win.add-callout. */
GtkEditable *atlas_briefing_panel_get_callout_entry (AtlasBriefingPanel *self);
GtkTextView *atlas_briefing_panel_get_note_view (AtlasBriefingPanel *self);
/* What the slide's row says: its title in @lang, else its view's name. */
char       *atlas_briefing_panel_dup_slide_label (const AtlasSlide *slide,
                                                  const char       *lang);

G_END_DECLS
