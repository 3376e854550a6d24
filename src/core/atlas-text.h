/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-text.h: localized text of a dataset ("China" or {"en": "China", "zh": "中国"}). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One piece of dataset text in one or more languages, in file order.
 * Immutable once built; strings are owned by the AtlasText. */
typedef struct _AtlasText AtlasText;

AtlasText  *atlas_text_new_plain        (const char *text);
AtlasText  *atlas_text_new              (void);
void        atlas_text_add              (AtlasText  *self,
                                         const char *lang,
                                         const char *text);
void        atlas_text_free             (AtlasText  *self);
/* A deep copy (NULL for NULL). */
AtlasText  *atlas_text_copy             (const AtlasText *self);
/* A copy of @self with @lang's member set to @text, the other languages
 * kept in their order (a new language goes last). A plain string becomes
 * the "en" member first: it was what every language fell back to, and "en"
 * is the format's fallback. @text NULL or "" removes @lang's member;
 * returns NULL when no member remains. @self may be NULL. */
AtlasText  *atlas_text_with_language    (const AtlasText *self,
                                         const char      *lang,
                                         const char      *text);

/* The text in @lang when present, else "en", else the first member.
 * @lang NULL means the user's language (see atlas_text_set_default_language()).
 * A plain string is returned for every language. Never NULL for a non-NULL
 * @self; NULL when @self is NULL so optional text can be passed straight. */
const char *atlas_text_get              (const AtlasText *self,
                                         const char      *lang);
guint       atlas_text_n_languages      (const AtlasText *self);
/* The @index-th member in file order: its text, and in @lang its tag, or
 * NULL for a plain string (which has no language of its own). */
const char *atlas_text_get_nth          (const AtlasText *self,
                                         guint            index,
                                         const char     **lang);
/* Whether the text was written in @lang itself (no fallback; a plain
 * string is in no language of its own). */
gboolean    atlas_text_has_language     (const AtlasText *self,
                                         const char      *lang);
/* What an editor shows for @lang: the text written in @lang, a plain
 * string counting as English (as atlas_text_with_language() takes it);
 * NULL when @lang has none of its own. */
const char *atlas_text_get_own          (const AtlasText *self,
                                         const char      *lang);
gboolean    atlas_text_equal            (const AtlasText *a,
                                         const AtlasText *b);
/* A hash consistent with atlas_text_equal() (for hash tables of texts). */
guint       atlas_text_hash             (const AtlasText *self);

/* The language used when a caller passes NULL: "en", "zh", ... Defaults to
 * the first of g_get_language_names() reduced to its language part. */
void        atlas_text_set_default_language (const char *lang);
const char *atlas_text_get_default_language (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasText, atlas_text_free)

G_END_DECLS
