/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefing-editor.c: the open dataset's briefings as the window edits them, with undo, redo and "unsaved". */
#include "atlas-briefing-editor.h"

#include "atlas-briefing.h"

/* Undo keeps whole copies of the list (see atlas-briefing.h): a state is
 * the list, what was chosen in it, and a number naming that state, so that
 * "unsaved" is "not the state that was saved", also after undoing back. */
typedef struct {
  GPtrArray *briefings;
  int        current;
  int        slide;
  guint      serial;
} Snapshot;

struct _AtlasBriefingEditor
{
  GObject       parent_instance;

  AtlasDataset *dataset;
  GPtrArray    *briefings;
  int           current;
  int           slide;
  guint         serial;        /* of the state shown */
  guint         next_serial;
  guint         saved_serial;
  GPtrArray    *undo;          /* Snapshot*, the latest last */
  GPtrArray    *redo;
  char         *merge_key;     /* what the latest edit typed into, or NULL */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasBriefingEditor, atlas_briefing_editor, G_TYPE_OBJECT)

static void
snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  g_ptr_array_unref (snapshot->briefings);
  g_free (snapshot);
}

static Snapshot *
take_snapshot (AtlasBriefingEditor *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->briefings = atlas_briefings_copy (self->briefings);
  snapshot->current = self->current;
  snapshot->slide = self->slide;
  snapshot->serial = self->serial;
  return snapshot;
}

static void
restore_snapshot (AtlasBriefingEditor *self, Snapshot *snapshot)
{
  g_ptr_array_unref (self->briefings);
  self->briefings = g_ptr_array_ref (snapshot->briefings);
  self->current = snapshot->current;
  self->slide = snapshot->slide;
  self->serial = snapshot->serial;
}

static void
emit_changed (AtlasBriefingEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Called before an edit: the state before it goes on the undo stack, unless
 * the edit continues the previous one (@merge_key the same). */
static void
begin_edit (AtlasBriefingEditor *self, const char *merge_key)
{
  if (merge_key == NULL || g_strcmp0 (merge_key, self->merge_key) != 0 || self->undo->len == 0)
    {
      g_ptr_array_add (self->undo, take_snapshot (self));
      self->serial = ++self->next_serial;
    }
  g_ptr_array_set_size (self->redo, 0);
  g_free (self->merge_key);
  self->merge_key = g_strdup (merge_key);
}

/* A briefing shown has its first slide chosen: its title and note are
 * there to edit, and F5 starts at the start. */
static int
first_slide (AtlasBriefingEditor *self)
{
  const AtlasBriefing *briefing;

  if (self->current < 0)
    return -1;
  briefing = g_ptr_array_index (self->briefings, self->current);
  return briefing->slides->len > 0 ? 0 : -1;
}

static void
atlas_briefing_editor_finalize (GObject *object)
{
  AtlasBriefingEditor *self = ATLAS_BRIEFING_EDITOR (object);

  g_clear_object (&self->dataset);
  g_ptr_array_unref (self->briefings);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self->merge_key);
  G_OBJECT_CLASS (atlas_briefing_editor_parent_class)->finalize (object);
}

static void
atlas_briefing_editor_class_init (AtlasBriefingEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_briefing_editor_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_briefing_editor_init (AtlasBriefingEditor *self)
{
  self->briefings = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_briefing_free);
  self->undo = g_ptr_array_new_with_free_func (snapshot_free);
  self->redo = g_ptr_array_new_with_free_func (snapshot_free);
  self->current = -1;
  self->slide = -1;
}

AtlasBriefingEditor *
atlas_briefing_editor_new (void)
{
  return g_object_new (ATLAS_TYPE_BRIEFING_EDITOR, NULL);
}

void
atlas_briefing_editor_set_dataset (AtlasBriefingEditor *self,
                                   AtlasDataset        *dataset)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));

  g_set_object (&self->dataset, dataset);
  g_ptr_array_unref (self->briefings);
  self->briefings = dataset != NULL
                    ? atlas_briefings_copy (atlas_dataset_get_briefings (dataset))
                    : g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_briefing_free);
  self->current = self->briefings->len > 0 ? 0 : -1;
  self->slide = first_slide (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_clear_pointer (&self->merge_key, g_free);
  self->serial = self->saved_serial = ++self->next_serial;
  emit_changed (self);
}

AtlasDataset *
atlas_briefing_editor_get_dataset (AtlasBriefingEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), NULL);
  return self->dataset;
}

GPtrArray *
atlas_briefing_editor_get_briefings (AtlasBriefingEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), NULL);
  return self->briefings;
}

void
atlas_briefing_editor_mark_saved (AtlasBriefingEditor *self,
                                  AtlasDataset        *saved)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));
  g_return_if_fail (ATLAS_IS_DATASET (saved));

  g_set_object (&self->dataset, saved);
  self->saved_serial = self->serial;
  /* Typing on after a save is a new step: undo goes back to the saved text. */
  g_clear_pointer (&self->merge_key, g_free);
  emit_changed (self);
}

gboolean
atlas_briefing_editor_is_dirty (AtlasBriefingEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), FALSE);
  return self->serial != self->saved_serial;
}

int
atlas_briefing_editor_get_current (AtlasBriefingEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), -1);
  return self->current;
}

void
atlas_briefing_editor_set_current (AtlasBriefingEditor *self,
                                   int                  index)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));

  if (index < -1 || index >= (int) self->briefings->len || index == self->current)
    return;
  self->current = index;
  self->slide = first_slide (self);
  g_clear_pointer (&self->merge_key, g_free);
  emit_changed (self);
}

AtlasBriefing *
atlas_briefing_editor_get_current_briefing (AtlasBriefingEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), NULL);
  return self->current >= 0 ? g_ptr_array_index (self->briefings, self->current) : NULL;
}

int
atlas_briefing_editor_get_selected_slide (AtlasBriefingEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), -1);
  return self->slide;
}

void
atlas_briefing_editor_select_slide (AtlasBriefingEditor *self,
                                    int                  index)
{
  AtlasBriefing *briefing;

  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));

  briefing = atlas_briefing_editor_get_current_briefing (self);
  if (briefing == NULL || index < -1 || index >= (int) briefing->slides->len || index == self->slide)
    return;
  self->slide = index;
  g_clear_pointer (&self->merge_key, g_free);
  emit_changed (self);
}

const AtlasSlide *
atlas_briefing_editor_get_slide (AtlasBriefingEditor *self,
                                 int                  index)
{
  AtlasBriefing *briefing;

  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), NULL);

  briefing = atlas_briefing_editor_get_current_briefing (self);
  if (briefing == NULL || index < 0 || index >= (int) briefing->slides->len)
    return NULL;
  return g_ptr_array_index (briefing->slides, index);
}

void
atlas_briefing_editor_new_briefing (AtlasBriefingEditor *self,
                                    const char          *lang,
                                    const char          *title)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));
  g_return_if_fail (title != NULL);

  begin_edit (self, NULL);
  atlas_briefings_add (self->briefings, lang, title);
  self->current = (int) self->briefings->len - 1;
  self->slide = -1;
  emit_changed (self);
}

void
atlas_briefing_editor_add_slide (AtlasBriefingEditor *self,
                                 AtlasSlide          *slide,
                                 const char          *lang,
                                 const char          *new_title)
{
  AtlasBriefing *briefing;
  guint position;

  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));
  g_return_if_fail (slide != NULL);

  begin_edit (self, NULL);
  if (self->current < 0)
    {
      atlas_briefings_add (self->briefings, lang, new_title);
      self->current = (int) self->briefings->len - 1;
      self->slide = -1;
    }
  briefing = g_ptr_array_index (self->briefings, self->current);
  position = self->slide >= 0 ? (guint) self->slide + 1 : briefing->slides->len;
  atlas_briefing_insert_slide (briefing, position, slide);
  self->slide = (int) MIN (position, briefing->slides->len - 1);
  emit_changed (self);
}

static AtlasBriefing *
briefing_with_slide (AtlasBriefingEditor *self, int index)
{
  AtlasBriefing *briefing = atlas_briefing_editor_get_current_briefing (self);

  if (briefing == NULL || index < 0 || index >= (int) briefing->slides->len)
    return NULL;
  return briefing;
}

void
atlas_briefing_editor_move_slide (AtlasBriefingEditor *self,
                                  int                  from,
                                  int                  to)
{
  AtlasBriefing *briefing;

  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));

  briefing = briefing_with_slide (self, from);
  if (briefing == NULL || to < 0 || to >= (int) briefing->slides->len || to == from)
    return;
  begin_edit (self, NULL);
  briefing = briefing_with_slide (self, from);
  atlas_briefing_move_slide (briefing, from, to);
  self->slide = to;
  emit_changed (self);
}

void
atlas_briefing_editor_duplicate_slide (AtlasBriefingEditor *self,
                                       int                  index)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));

  if (briefing_with_slide (self, index) == NULL)
    return;
  begin_edit (self, NULL);
  atlas_briefing_duplicate_slide (briefing_with_slide (self, index), index);
  self->slide = index + 1;
  emit_changed (self);
}

void
atlas_briefing_editor_remove_slide (AtlasBriefingEditor *self,
                                    int                  index)
{
  AtlasBriefing *briefing;

  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));

  if (briefing_with_slide (self, index) == NULL)
    return;
  begin_edit (self, NULL);
  briefing = briefing_with_slide (self, index);
  atlas_briefing_remove_slide (briefing, index);
  self->slide = MIN (index, (int) briefing->slides->len - 1);
  emit_changed (self);
}

typedef enum { TEXT_TITLE, TEXT_NOTE } SlideText;

static void
set_slide_text (AtlasBriefingEditor *self, int index, SlideText which, const char *lang, const char *text)
{
  g_autofree char *key = NULL;
  AtlasBriefing *briefing = briefing_with_slide (self, index);
  AtlasSlide *slide;
  AtlasText *old;

  if (briefing == NULL)
    return;
  slide = g_ptr_array_index (briefing->slides, index);
  old = which == TEXT_TITLE ? slide->title : slide->note;
  /* Nothing typed (the entry was filled from the slide): no step of undo. */
  if (g_strcmp0 (atlas_text_has_language (old, lang) ? atlas_text_get (old, lang) : NULL,
                 text != NULL && text[0] != '\0' ? text : NULL) == 0)
    return;
  key = g_strdup_printf ("%s:%s:%s:%d", which == TEXT_TITLE ? "title" : "note",
                         lang != NULL ? lang : "", slide->id != NULL ? slide->id : "", self->current);
  begin_edit (self, key);
  /* The undo copy took the list; the slide is the same object still. */
  if (which == TEXT_TITLE)
    atlas_slide_set_title (slide, lang, text);
  else
    atlas_slide_set_note (slide, lang, text);
  emit_changed (self);
}

void
atlas_briefing_editor_set_slide_title (AtlasBriefingEditor *self,
                                       int                  index,
                                       const char          *lang,
                                       const char          *text)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));
  set_slide_text (self, index, TEXT_TITLE, lang, text);
}

void
atlas_briefing_editor_set_slide_note (AtlasBriefingEditor *self,
                                      int                  index,
                                      const char          *lang,
                                      const char          *text)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));
  set_slide_text (self, index, TEXT_NOTE, lang, text);
}

void
atlas_briefing_editor_set_briefing_title (AtlasBriefingEditor *self,
                                          const char          *lang,
                                          const char          *text)
{
  g_autofree char *key = NULL;
  AtlasBriefing *briefing;

  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));

  briefing = atlas_briefing_editor_get_current_briefing (self);
  if (briefing == NULL || text == NULL || text[0] == '\0' ||
      (atlas_text_has_language (briefing->title, lang) &&
       g_strcmp0 (atlas_text_get (briefing->title, lang), text) == 0))
    return;
  key = g_strdup_printf ("briefing-title:%s:%d", lang != NULL ? lang : "", self->current);
  begin_edit (self, key);
  atlas_briefing_set_title (atlas_briefing_editor_get_current_briefing (self), lang, text);
  emit_changed (self);
}

void
atlas_briefing_editor_add_annotation (AtlasBriefingEditor *self,
                                      int                  index,
                                      AtlasAnnotation     *annotation)
{
  AtlasSlide *slide;

  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));
  g_return_if_fail (annotation != NULL);

  if (briefing_with_slide (self, index) == NULL)
    {
      atlas_annotation_free (annotation);
      return;
    }
  begin_edit (self, NULL);
  slide = g_ptr_array_index (briefing_with_slide (self, index)->slides, index);
  g_ptr_array_add (slide->annotations, annotation);
  emit_changed (self);
}

void
atlas_briefing_editor_place_annotation (AtlasBriefingEditor *self,
                                        int                  index,
                                        guint                annotation,
                                        double               dx,
                                        double               dy)
{
  AtlasBriefing *briefing;
  AtlasSlide *slide;
  AtlasAnnotation *a;

  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));

  briefing = briefing_with_slide (self, index);
  if (briefing == NULL)
    return;
  slide = g_ptr_array_index (briefing->slides, index);
  if (annotation >= slide->annotations->len)
    return;
  a = g_ptr_array_index (slide->annotations, annotation);
  if (a->has_place && a->place_dx == dx && a->place_dy == dy)
    return;
  /* Each drag is a step of its own: undo puts back one move at a time. */
  begin_edit (self, NULL);
  /* The undo copy took the list; the annotation is the same object still,
   * changed where it is (a view may hold the slide's list, and its ids). */
  a->has_place = TRUE;
  a->place_dx = dx;
  a->place_dy = dy;
  emit_changed (self);
}

gboolean
atlas_briefing_editor_can_undo (AtlasBriefingEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), FALSE);
  return self->undo->len > 0;
}

gboolean
atlas_briefing_editor_can_redo (AtlasBriefingEditor *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (self), FALSE);
  return self->redo->len > 0;
}

static void
step (AtlasBriefingEditor *self, GPtrArray *from, GPtrArray *to)
{
  Snapshot *snapshot;

  if (from->len == 0)
    return;
  g_ptr_array_add (to, take_snapshot (self));
  snapshot = g_ptr_array_steal_index (from, from->len - 1);
  restore_snapshot (self, snapshot);
  snapshot_free (snapshot);
  g_clear_pointer (&self->merge_key, g_free);
  emit_changed (self);
}

void
atlas_briefing_editor_undo (AtlasBriefingEditor *self)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));
  step (self, self->undo, self->redo);
}

void
atlas_briefing_editor_redo (AtlasBriefingEditor *self)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_EDITOR (self));
  step (self, self->redo, self->undo);
}
