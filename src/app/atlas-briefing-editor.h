/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefing-editor.h: the open dataset's briefings as the window edits them, with undo, redo and "unsaved". */
#pragma once

#include <glib-object.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_BRIEFING_EDITOR (atlas_briefing_editor_get_type ())
G_DECLARE_FINAL_TYPE (AtlasBriefingEditor, atlas_briefing_editor, ATLAS, BRIEFING_EDITOR, GObject)

/* "changed" is emitted after every edit, undo, redo, save and new dataset,
 * and when the chosen briefing or slide changes. */
AtlasBriefingEditor *atlas_briefing_editor_new          (void);

/* Starts over from @dataset's briefings: nothing to undo, nothing unsaved. */
void                 atlas_briefing_editor_set_dataset  (AtlasBriefingEditor *self,
                                                         AtlasDataset        *dataset);
/* The dataset the edits were made on (what a save compares the file with). */
AtlasDataset        *atlas_briefing_editor_get_dataset  (AtlasBriefingEditor *self);
/* The edited list (AtlasBriefing*), owned by the editor. */
GPtrArray           *atlas_briefing_editor_get_briefings (AtlasBriefingEditor *self);
/* After a save: @saved is the new base, and what is shown is saved. */
void                 atlas_briefing_editor_mark_saved   (AtlasBriefingEditor *self,
                                                         AtlasDataset        *saved);
gboolean             atlas_briefing_editor_is_dirty     (AtlasBriefingEditor *self);

/* The briefing shown (-1: none) and its chosen slide (-1: none). */
int                  atlas_briefing_editor_get_current  (AtlasBriefingEditor *self);
void                 atlas_briefing_editor_set_current  (AtlasBriefingEditor *self,
                                                         int                  index);
AtlasBriefing       *atlas_briefing_editor_get_current_briefing (AtlasBriefingEditor *self);
int                  atlas_briefing_editor_get_selected_slide (AtlasBriefingEditor *self);
void                 atlas_briefing_editor_select_slide (AtlasBriefingEditor *self,
                                                         int                  index);
const AtlasSlide    *atlas_briefing_editor_get_slide    (AtlasBriefingEditor *self,
                                                         int                  index);

/* ---- edits, each one step of undo ---- */
/* A new briefing titled @title in @lang, made the current one. */
void                 atlas_briefing_editor_new_briefing (AtlasBriefingEditor *self,
                                                         const char          *lang,
                                                         const char          *title);
/* Takes @slide and puts it after the chosen slide of the current briefing
 * (a dataset without briefings gets its first, titled @new_title in
 * @lang), then chooses it. */
void                 atlas_briefing_editor_add_slide    (AtlasBriefingEditor *self,
                                                         AtlasSlide          *slide,
                                                         const char          *lang,
                                                         const char          *new_title);
void                 atlas_briefing_editor_move_slide   (AtlasBriefingEditor *self,
                                                         int                  from,
                                                         int                  to);
void                 atlas_briefing_editor_duplicate_slide (AtlasBriefingEditor *self,
                                                         int                  index);
void                 atlas_briefing_editor_remove_slide (AtlasBriefingEditor *self,
                                                         int                  index);
/* Typing: consecutive changes of the same text are one step of undo. */
void                 atlas_briefing_editor_set_slide_title (AtlasBriefingEditor *self,
                                                         int                  index,
                                                         const char          *lang,
                                                         const char          *text);
void                 atlas_briefing_editor_set_slide_note (AtlasBriefingEditor *self,
                                                         int                  index,
                                                         const char          *lang,
                                                         const char          *text);
void                 atlas_briefing_editor_set_briefing_title (AtlasBriefingEditor *self,
                                                         const char          *lang,
                                                         const char          *text);

/* Takes @annotation and adds it to slide @index's callouts. */
void                 atlas_briefing_editor_add_annotation (AtlasBriefingEditor *self,
                                                         int                  index,
                                                         AtlasAnnotation     *annotation);
/* Puts callout @annotation of slide @index at @dx, @dy (fractions of the
 * plot from what it points at, see AtlasAnnotation): one step of undo. */
void                 atlas_briefing_editor_place_annotation (AtlasBriefingEditor *self,
                                                           int                  index,
                                                           guint                annotation,
                                                           double               dx,
                                                           double               dy);

gboolean             atlas_briefing_editor_can_undo     (AtlasBriefingEditor *self);
gboolean             atlas_briefing_editor_can_redo     (AtlasBriefingEditor *self);
void                 atlas_briefing_editor_undo         (AtlasBriefingEditor *self);
void                 atlas_briefing_editor_redo         (AtlasBriefingEditor *self);

G_END_DECLS
