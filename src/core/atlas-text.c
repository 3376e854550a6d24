/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-text.c: localized dataset text and the language fallback rules. */
#include "atlas-text.h"

#include <string.h>

typedef struct {
  char *lang;   /* NULL for a plain string, which serves every language */
  char *text;
} AtlasTextItem;

struct _AtlasText {
  guint          n_items;
  AtlasTextItem *items;
};

static char *default_language;
G_LOCK_DEFINE_STATIC (default_language);

AtlasText *
atlas_text_new (void)
{
  return g_new0 (AtlasText, 1);
}

AtlasText *
atlas_text_new_plain (const char *text)
{
  AtlasText *self = atlas_text_new ();

  atlas_text_add (self, NULL, text);
  return self;
}

void
atlas_text_add (AtlasText  *self,
                const char *lang,
                const char *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  /* Texts hold one to a few languages: growing one by one costs nothing. */
  self->items = g_renew (AtlasTextItem, self->items, self->n_items + 1);
  self->items[self->n_items].lang = g_strdup (lang);
  self->items[self->n_items].text = g_strdup (text);
  self->n_items++;
}

void
atlas_text_free (AtlasText *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_items; i++)
    {
      g_free (self->items[i].lang);
      g_free (self->items[i].text);
    }
  g_free (self->items);
  g_free (self);
}

AtlasText *
atlas_text_copy (const AtlasText *self)
{
  AtlasText *copy;

  if (self == NULL)
    return NULL;
  copy = atlas_text_new ();
  for (guint i = 0; i < self->n_items; i++)
    atlas_text_add (copy, self->items[i].lang, self->items[i].text);
  return copy;
}

AtlasText *
atlas_text_with_language (const AtlasText *self,
                          const char      *lang,
                          const char      *text)
{
  AtlasText *result;
  gboolean replaced = FALSE;
  gboolean removing = text == NULL || *text == '\0';

  g_return_val_if_fail (lang != NULL && *lang != '\0', NULL);

  result = atlas_text_new ();
  for (guint i = 0; self != NULL && i < self->n_items; i++)
    {
      const char *member = self->items[i].lang != NULL ? self->items[i].lang : "en";

      if (g_str_equal (member, lang))
        {
          if (!removing && !replaced)
            atlas_text_add (result, lang, text);
          replaced = TRUE;
        }
      else
        atlas_text_add (result, member, self->items[i].text);
    }
  if (!replaced && !removing)
    atlas_text_add (result, lang, text);

  if (result->n_items == 0)
    g_clear_pointer (&result, atlas_text_free);
  return result;
}

/* Length of the primary language subtag: "zh" in "zh-Hans", "zh_CN.UTF-8". */
static gsize
primary_subtag_length (const char *tag)
{
  return strcspn (tag, "-_.@");
}

/* Length of the tag without encoding or modifier ("zh_CN" in "zh_CN.UTF-8@x"). */
static gsize
tag_length (const char *tag)
{
  return strcspn (tag, ".@");
}

/* Language tags compare without case, and "_" (POSIX locales) equals "-" (BCP 47). */
static gboolean
tags_equal (const char *a, gsize a_len,
            const char *b, gsize b_len)
{
  if (a_len != b_len)
    return FALSE;

  for (gsize i = 0; i < a_len; i++)
    {
      char ca = a[i] == '_' ? '-' : g_ascii_tolower (a[i]);
      char cb = b[i] == '_' ? '-' : g_ascii_tolower (b[i]);

      if (ca != cb)
        return FALSE;
    }
  return TRUE;
}

/* The member for @lang: the exact tag first, then any member with the same
 * primary language, so "zh_CN" finds "zh" and "zh" finds "zh-Hans". */
static const AtlasTextItem *
find_language (const AtlasText *self,
               const char      *lang)
{
  gsize len = tag_length (lang);
  gsize primary = primary_subtag_length (lang);

  if (primary == 0)
    return NULL;

  for (guint i = 0; i < self->n_items; i++)
    {
      const char *member = self->items[i].lang;

      if (member != NULL && tags_equal (member, tag_length (member), lang, len))
        return &self->items[i];
    }

  for (guint i = 0; i < self->n_items; i++)
    {
      const char *member = self->items[i].lang;

      if (member != NULL &&
          tags_equal (member, primary_subtag_length (member), lang, primary))
        return &self->items[i];
    }

  return NULL;
}

const char *
atlas_text_get (const AtlasText *self,
                const char      *lang)
{
  const AtlasTextItem *item;

  if (self == NULL || self->n_items == 0)
    return NULL;

  /* A plain string has no language: it is the text in every language. */
  if (self->n_items == 1)
    return self->items[0].text;

  if (lang == NULL)
    lang = atlas_text_get_default_language ();

  item = find_language (self, lang);
  if (item == NULL)
    item = find_language (self, "en");
  if (item == NULL)
    item = &self->items[0];

  return item->text;
}

guint
atlas_text_n_languages (const AtlasText *self)
{
  return self != NULL ? self->n_items : 0;
}

const char *
atlas_text_get_nth (const AtlasText *self,
                    guint            index,
                    const char     **lang)
{
  g_return_val_if_fail (self != NULL && index < self->n_items, NULL);

  if (lang != NULL)
    *lang = self->items[index].lang;
  return self->items[index].text;
}

static const AtlasTextItem *
find_exact (const AtlasText *self,
            const char      *lang)
{
  for (guint i = 0; i < self->n_items; i++)
    if (g_strcmp0 (self->items[i].lang, lang) == 0)
      return &self->items[i];
  return NULL;
}

gboolean
atlas_text_has_language (const AtlasText *self,
                         const char      *lang)
{
  return self != NULL && lang != NULL && find_exact (self, lang) != NULL;
}

const char *
atlas_text_get_own (const AtlasText *self,
                    const char      *lang)
{
  const char *tag = NULL, *text;

  if (atlas_text_has_language (self, lang))
    return atlas_text_get (self, lang);
  if (self == NULL || lang == NULL || atlas_text_n_languages (self) != 1)
    return NULL;
  text = atlas_text_get_nth (self, 0, &tag);
  return tag == NULL && strcmp (lang, "en") == 0 ? text : NULL;
}

/* Equal when both hold the same strings under the same language tags, in any
 * order; a plain string equals only a plain string. */
gboolean
atlas_text_equal (const AtlasText *a,
                  const AtlasText *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->n_items != b->n_items)
    return FALSE;

  /* A hostile file may give a text thousands of languages: past a few,
   * pairing them by scanning would be quadratic. */
  if (a->n_items > 16)
    {
      g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < b->n_items; i++)
        if (b->items[i].lang != NULL)
          g_hash_table_insert (texts, b->items[i].lang, b->items[i].text);
      for (guint i = 0; i < a->n_items; i++)
        {
          const char *other = a->items[i].lang != NULL ? g_hash_table_lookup (texts, a->items[i].lang)
                                                       : NULL;

          if (other == NULL || strcmp (other, a->items[i].text) != 0)
            return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; i < a->n_items; i++)
    {
      const AtlasTextItem *other = find_exact (b, a->items[i].lang);

      if (other == NULL || strcmp (other->text, a->items[i].text) != 0)
        return FALSE;
    }
  return TRUE;
}

guint
atlas_text_hash (const AtlasText *self)
{
  guint hash = 0;

  if (self == NULL)
    return 0;
  /* A sum: equal texts may list their languages in any order. */
  for (guint i = 0; i < self->n_items; i++)
    hash += (self->items[i].lang != NULL ? g_str_hash (self->items[i].lang) * 31 : 0) +
            g_str_hash (self->items[i].text);
  return hash;
}

/* "zh_CN.UTF-8" -> "zh"; the C and POSIX locales read English. */
static char *
language_from_locale (const char *locale)
{
  gsize len;

  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX") ||
      g_str_has_prefix (locale, "C."))
    return g_strdup ("en");

  len = primary_subtag_length (locale);
  if (len == 0)
    return g_strdup ("en");

  return g_ascii_strdown (locale, len);
}

void
atlas_text_set_default_language (const char *lang)
{
  G_LOCK (default_language);
  g_free (default_language);
  default_language = lang != NULL ? g_strdup (lang) : NULL;
  G_UNLOCK (default_language);
}

const char *
atlas_text_get_default_language (void)
{
  const char *result;

  G_LOCK (default_language);
  if (default_language == NULL)
    default_language = language_from_locale (g_get_language_names ()[0]);
  /* The string lives until the next set_default_language(), which callers
   * only do at startup or in tests. */
  result = default_language;
  G_UNLOCK (default_language);

  return result;
}
