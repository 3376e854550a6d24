/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefing.h: briefings as the window edits them: deep copies, new ids, and small edits on a list the caller owns. */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* A dataset's briefings are immutable, like the rest of it. The window
 * edits a copy, atlas_briefings_copy (atlas_dataset_get_briefings (d)), and
 * undoes by keeping copies: a list is a few dozen slides of short strings,
 * so a copy per edit costs microseconds and makes every edit reversible
 * without an inverse for each operation. */

void             atlas_annotation_free  (AtlasAnnotation       *annotation);
void             atlas_slide_free       (AtlasSlide            *slide);
void             atlas_briefing_free    (AtlasBriefing         *briefing);

AtlasAnnotation *atlas_annotation_copy  (const AtlasAnnotation *annotation);
AtlasSlide      *atlas_slide_copy       (const AtlasSlide      *slide);
AtlasBriefing   *atlas_briefing_copy    (const AtlasBriefing   *briefing);
/* A new list (owning its briefings) holding copies of @briefings' items. */
GPtrArray       *atlas_briefings_copy   (GPtrArray             *briefings);

/* An empty slide of @view: no id yet, no annotations. */
AtlasSlide      *atlas_slide_new        (AtlasView              view);

/* An id for a new briefing, derived from @title (ASCII letters and digits
 * lowered, the rest "-"; "briefing" when nothing is left) and made unique
 * among @briefings' ids with "-2", "-3"... */
char            *atlas_briefings_make_id (GPtrArray            *briefings,
                                          const char           *title);
/* Appends a new briefing titled @title in @lang, with a new id and no
 * slides (the format needs one before it is saved), and returns it. */
AtlasBriefing   *atlas_briefings_add    (GPtrArray             *briefings,
                                         const char            *lang,
                                         const char            *title);
const AtlasBriefing *atlas_briefings_find (GPtrArray           *briefings,
                                           const char          *id);

/* "slide-N", the smallest N from the slide count + 1 up that no slide of
 * @briefing has. An id once given is never changed by these functions. */
char            *atlas_briefing_make_slide_id (const AtlasBriefing *briefing);
/* Index of the slide with @id, or -1. */
int              atlas_briefing_find_slide    (const AtlasBriefing *briefing,
                                               const char          *id);
/* Takes @slide and puts it at @position (clamped to the end); a slide
 * without an id, or with one already taken, gets a new one. */
void             atlas_briefing_insert_slide  (AtlasBriefing       *briefing,
                                               guint                position,
                                               AtlasSlide          *slide);
/* A copy of slide @index with a new id, right after it; returns it. */
AtlasSlide      *atlas_briefing_duplicate_slide (AtlasBriefing     *briefing,
                                                 guint              index);
/* Moves slide @from to index @to (both < the slide count). */
void             atlas_briefing_move_slide    (AtlasBriefing       *briefing,
                                               guint                from,
                                               guint                to);
void             atlas_briefing_remove_slide  (AtlasBriefing       *briefing,
                                               guint                index);

/* Set one language of a text, keeping the others (see
 * atlas_text_with_language(): NULL or "" removes that language). A
 * briefing's title keeps its last language: the format requires one. */
void             atlas_briefing_set_title     (AtlasBriefing       *briefing,
                                               const char          *lang,
                                               const char          *text);
void             atlas_slide_set_title        (AtlasSlide          *slide,
                                               const char          *lang,
                                               const char          *text);
void             atlas_slide_set_note         (AtlasSlide          *slide,
                                               const char          *lang,
                                               const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSlide, atlas_slide_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasBriefing, atlas_briefing_free)

G_END_DECLS
