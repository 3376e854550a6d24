/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefing.c: copies of briefings and the edits the window makes to them. */
#include "atlas-briefing.h"

#include <string.h>

/* An id is short enough to read in a message and a file name. */
#define MAX_ID_STEM 48

AtlasAnnotation *
atlas_annotation_copy (const AtlasAnnotation *annotation)
{
  AtlasAnnotation *copy = g_memdup2 (annotation, sizeof *annotation);

  copy->series = g_strdup (annotation->series);
  copy->chain = g_strdup (annotation->chain);
  copy->node = g_strdup (annotation->node);
  copy->share = g_strdup (annotation->share);
  copy->region = g_strdup (annotation->region);
  copy->event = g_strdup (annotation->event);
  copy->text = atlas_text_copy (annotation->text);
  copy->unknown = g_strdup (annotation->unknown);
  return copy;
}

AtlasSlide *
atlas_slide_new (AtlasView view)
{
  AtlasSlide *slide = g_new0 (AtlasSlide, 1);

  slide->view = view;
  slide->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_annotation_free);
  return slide;
}

AtlasSlide *
atlas_slide_copy (const AtlasSlide *slide)
{
  AtlasSlide *copy = g_memdup2 (slide, sizeof *slide);

  copy->id = g_strdup (slide->id);
  copy->chain = g_strdup (slide->chain);
  copy->group = g_strdup (slide->group);
  copy->series = g_strdupv (slide->series);
  copy->currency = g_strdup (slide->currency);
  copy->unit = g_strdup (slide->unit);
  copy->node_offset_ids = g_strdupv (slide->node_offset_ids);
  copy->node_offsets = slide->node_offset_ids != NULL
                       ? g_memdup2 (slide->node_offsets, g_strv_length (slide->node_offset_ids) * sizeof (double))
                       : NULL;
  copy->select = g_strdup (slide->select);
  copy->kinds = g_strdupv (slide->kinds);
  copy->regions = g_strdupv (slide->regions);
  copy->elements = g_strdupv (slide->elements);
  copy->title = atlas_text_copy (slide->title);
  copy->note = atlas_text_copy (slide->note);
  copy->focus = g_strdupv (slide->focus);
  copy->unknown = g_strdup (slide->unknown);
  copy->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_annotation_free);
  for (guint i = 0; slide->annotations != NULL && i < slide->annotations->len; i++)
    g_ptr_array_add (copy->annotations, atlas_annotation_copy (g_ptr_array_index (slide->annotations, i)));
  return copy;
}

AtlasBriefing *
atlas_briefing_copy (const AtlasBriefing *briefing)
{
  AtlasBriefing *copy = g_new0 (AtlasBriefing, 1);

  copy->id = g_strdup (briefing->id);
  copy->title = atlas_text_copy (briefing->title);
  copy->unknown = g_strdup (briefing->unknown);
  copy->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_slide_free);
  for (guint i = 0; i < briefing->slides->len; i++)
    g_ptr_array_add (copy->slides, atlas_slide_copy (g_ptr_array_index (briefing->slides, i)));
  return copy;
}

GPtrArray *
atlas_briefings_copy (GPtrArray *briefings)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_briefing_free);

  for (guint i = 0; briefings != NULL && i < briefings->len; i++)
    g_ptr_array_add (copy, atlas_briefing_copy (g_ptr_array_index (briefings, i)));
  return copy;
}

const AtlasBriefing *
atlas_briefings_find (GPtrArray  *briefings,
                      const char *id)
{
  for (guint i = 0; i < briefings->len; i++)
    {
      const AtlasBriefing *briefing = g_ptr_array_index (briefings, i);

      if (g_strcmp0 (briefing->id, id) == 0)
        return briefing;
    }
  return NULL;
}

/* "Japan & rare earths, 2026" -> "japan-rare-earths-2026". */
static char *
slug (const char *title)
{
  GString *stem = g_string_new (NULL);

  for (const char *p = title != NULL ? title : ""; *p != '\0' && stem->len < MAX_ID_STEM; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (stem, g_ascii_tolower (*p));
      else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  /* A title in Chinese, say, leaves nothing ASCII to name it by. */
  if (stem->len == 0)
    g_string_assign (stem, "briefing");
  return g_string_free (stem, FALSE);
}

char *
atlas_briefings_make_id (GPtrArray  *briefings,
                         const char *title)
{
  g_autofree char *stem = slug (title);
  char *id = g_strdup (stem);

  for (guint n = 2; atlas_briefings_find (briefings, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", stem, n);
    }
  return id;
}

AtlasBriefing *
atlas_briefings_add (GPtrArray  *briefings,
                     const char *lang,
                     const char *title)
{
  AtlasBriefing *briefing;

  g_return_val_if_fail (title != NULL && *title != '\0', NULL);

  briefing = g_new0 (AtlasBriefing, 1);
  briefing->id = atlas_briefings_make_id (briefings, title);
  briefing->title = atlas_text_with_language (NULL, lang, title);
  briefing->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_slide_free);
  g_ptr_array_add (briefings, briefing);
  return briefing;
}

int
atlas_briefing_find_slide (const AtlasBriefing *briefing,
                           const char          *id)
{
  for (guint i = 0; id != NULL && i < briefing->slides->len; i++)
    {
      const AtlasSlide *slide = g_ptr_array_index (briefing->slides, i);

      if (g_strcmp0 (slide->id, id) == 0)
        return (int) i;
    }
  return -1;
}

char *
atlas_briefing_make_slide_id (const AtlasBriefing *briefing)
{
  char *id = NULL;

  /* Counting from the slide count keeps a new slide from taking the name
   * of one just deleted, which an undo could bring back. */
  for (guint n = briefing->slides->len + 1; id == NULL || atlas_briefing_find_slide (briefing, id) >= 0; n++)
    {
      g_free (id);
      id = g_strdup_printf ("slide-%u", n);
    }
  return id;
}

void
atlas_briefing_insert_slide (AtlasBriefing *briefing,
                             guint          position,
                             AtlasSlide    *slide)
{
  g_return_if_fail (slide != NULL);

  if (slide->id == NULL || atlas_briefing_find_slide (briefing, slide->id) >= 0)
    {
      g_free (slide->id);
      slide->id = atlas_briefing_make_slide_id (briefing);
    }
  if (slide->annotations == NULL)
    slide->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_annotation_free);
  g_ptr_array_insert (briefing->slides, (int) MIN (position, briefing->slides->len), slide);
}

AtlasSlide *
atlas_briefing_duplicate_slide (AtlasBriefing *briefing,
                                guint          index)
{
  AtlasSlide *copy;

  g_return_val_if_fail (index < briefing->slides->len, NULL);

  copy = atlas_slide_copy (g_ptr_array_index (briefing->slides, index));
  g_clear_pointer (&copy->id, g_free);
  atlas_briefing_insert_slide (briefing, index + 1, copy);
  return copy;
}

void
atlas_briefing_move_slide (AtlasBriefing *briefing,
                           guint          from,
                           guint          to)
{
  AtlasSlide *slide;

  g_return_if_fail (from < briefing->slides->len && to < briefing->slides->len);

  slide = g_ptr_array_steal_index (briefing->slides, from);
  g_ptr_array_insert (briefing->slides, (int) to, slide);
}

void
atlas_briefing_remove_slide (AtlasBriefing *briefing,
                             guint          index)
{
  g_return_if_fail (index < briefing->slides->len);

  g_ptr_array_remove_index (briefing->slides, index);
}

static void
set_text (AtlasText  **text,
          const char  *lang,
          const char  *value)
{
  AtlasText *changed = atlas_text_with_language (*text, lang, value);

  atlas_text_free (*text);
  *text = changed;
}

void
atlas_briefing_set_title (AtlasBriefing *briefing,
                          const char    *lang,
                          const char    *text)
{
  AtlasText *changed = atlas_text_with_language (briefing->title, lang, text);

  if (changed == NULL)
    return;
  atlas_text_free (briefing->title);
  briefing->title = changed;
}

void
atlas_slide_set_title (AtlasSlide *slide,
                       const char *lang,
                       const char *text)
{
  set_text (&slide->title, lang, text);
}

void
atlas_slide_set_note (AtlasSlide *slide,
                      const char *lang,
                      const char *text)
{
  set_text (&slide->note, lang, text);
}
