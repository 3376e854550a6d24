/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefings-save.c: splices new briefings into a dataset's bytes and writes them in place of the file, if the file is still what was opened. */
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "atlas-atomic-file.h"
#include "atlas-briefing-json.h"
#include "atlas-briefings-save.h"
#include "atlas-json-span-private.h"

G_DEFINE_QUARK (atlas-save-error-quark, atlas_save_error)

/* The whitespace before @offset on its line, or NULL when something else
 * precedes it there (a file on one line). */
static char *
line_indent (const char *data,
             gsize       offset)
{
  gsize start = offset;

  while (start > 0 && data[start - 1] != '\n')
    {
      if (data[start - 1] != ' ' && data[start - 1] != '\t')
        return NULL;
      start--;
    }
  return g_strndup (data + start, offset - start);
}

/* The file's own line ending: a file written on Windows keeps "\r\n". */
static const char *
newline_of (const char *data,
            gsize       length)
{
  const char *lf = memchr (data, '\n', length);

  return lf != NULL && lf > data && lf[-1] == '\r' ? "\r\n" : "\n";
}

GBytes *
atlas_briefings_splice (GBytes     *contents,
                        GPtrArray  *briefings,
                        GError    **error)
{
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);
  const char *newline = newline_of (data, length);
  AtlasJsonSpan span;
  g_autofree char *indent = NULL;
  g_autofree char *json = NULL;
  GString *out;

  if (!atlas_json_find_member (data, length, "briefings", &span))
    {
      g_set_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_INVALID,
                   _("The file is not a JSON object (at byte %u): the briefings cannot be put into it"),
                   (guint) MIN (span.error_offset, G_MAXUINT));
      return NULL;
    }
  if (!span.found && briefings->len == 0)
    return g_bytes_ref (contents);

  /* A top-level member's indentation is one level of the file's own; a
   * file on one line gets two spaces a level from its first line break. */
  if (span.n_members == 0)
    indent = g_strdup ("  ");
  else if ((indent = line_indent (data, span.found ? span.key_start : span.last_key_start)) == NULL)
    indent = g_strdup ("");
  json = atlas_briefings_to_json (briefings, indent, *indent != '\0' ? indent : "  ", newline);

  out = g_string_sized_new (length + strlen (json) + 32);
  if (span.found)
    {
      g_string_append_len (out, data, span.value_start);
      g_string_append (out, json);
      g_string_append_len (out, data + span.value_end, length - span.value_end);
    }
  else
    {
      g_string_append_len (out, data, span.last_value_end);
      if (span.n_members > 0)
        g_string_append_c (out, ',');
      g_string_append (out, newline);
      g_string_append (out, indent);
      g_string_append (out, "\"briefings\": ");
      g_string_append (out, json);
      if (span.n_members == 0)
        g_string_append (out, newline);
      g_string_append_len (out, data + span.last_value_end, length - span.last_value_end);
    }
  return g_string_free_to_bytes (out);
}

/* Whether @path still holds @contents, byte for byte: sizes first, so a
 * file grown meanwhile is not read at all. */
static gboolean
check_unchanged (const char  *path,
                 GBytes      *contents,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *now = NULL;
  GStatBuf st;
  gsize length, now_length;
  const char *data = g_bytes_get_data (contents, &length);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_CHANGED_ON_DISK,
                     _("“%s” was deleted or moved since it was opened: write it again, or save a copy"),
                     display);
      else
        g_set_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_CHANGED_ON_DISK,
                     _("Cannot tell whether “%s” changed since it was opened: %s"),
                     display, g_strerror (saved_errno));
      return FALSE;
    }
  /* Reading a FIFO put there meanwhile would block; it is not the file. */
  if (!S_ISREG (st.st_mode) || (guint64) st.st_size != length ||
      !g_file_get_contents (path, &now, &now_length, NULL) ||
      now_length != length || memcmp (now, data, length) != 0)
    {
      g_set_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_CHANGED_ON_DISK,
                   _("“%s” changed on disk since it was opened: reload it, overwrite it, or save a copy"),
                   display);
      return FALSE;
    }
  return TRUE;
}

/* A file with no write permission for anyone is read-only even to root,
 * who could write it: the user said so with chmod. */
static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *folder_display = g_filename_display_name (folder);
  GStatBuf st;

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) &&
      ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
       (access (path, W_OK) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS))))
    {
      g_set_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_READ_ONLY,
                   _("“%s” is read-only: save a copy elsewhere with Save As"), display);
      return FALSE;
    }
  /* The new file is made beside the old one and renamed over it. */
  if (access (folder, W_OK | X_OK) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS))
    {
      g_set_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_READ_ONLY,
                   _("Cannot save “%s”: the folder “%s” is read-only; save a copy elsewhere with Save As"),
                   display, folder_display);
      return FALSE;
    }
  return TRUE;
}

AtlasDataset *
atlas_dataset_save_briefings (AtlasDataset    *dataset,
                              GPtrArray       *briefings,
                              const char      *path,
                              AtlasSaveFlags   flags,
                              GError         **error)
{
  GBytes *contents;
  g_autofree char *target = NULL;
  g_autoptr(GBytes) spliced = NULL;
  g_autoptr(AtlasDataset) saved = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (briefings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contents = atlas_dataset_get_contents (dataset);
  if (contents == NULL || atlas_dataset_get_path (dataset) == NULL)
    {
      g_set_error_literal (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_NO_FILE,
                           _("The dataset was not read from a file: there is no file to save its briefings into"));
      return NULL;
    }
  target = g_canonicalize_filename (path != NULL ? path : atlas_dataset_get_path (dataset), NULL);

  if (g_str_equal (target, atlas_dataset_get_path (dataset)) &&
      !(flags & ATLAS_SAVE_OVERWRITE) && !check_unchanged (target, contents, error))
    return NULL;
  if (!check_writable (target, error))
    return NULL;

  spliced = atlas_briefings_splice (contents, briefings, error);
  if (spliced == NULL)
    return NULL;

  /* Loaded where it will be, so that points_csv paths resolve from its
   * folder: a copy saved elsewhere without its CSV files is refused here. */
  saved = atlas_dataset_load_bytes (spliced, target, 1, NULL, &local_error);
  if (saved == NULL)
    {
      g_set_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_INVALID,
                   _("The briefings were not saved: %s"), local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (spliced, &length);
  if (!atlas_atomic_file_set_contents (target, data, length, &local_error))
    {
      /* Translators: %s says which file could not be written and why */
      g_set_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_WRITE,
                   _("%s (nothing on disk was changed)"), local_error->message);
      return NULL;
    }
  return g_steal_pointer (&saved);
}
