/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window-reload.c: loading datasets in a thread, and reloading the open file when it changes on disk. */
#include "atlas-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-window-private.h"

/* Editors write in bursts (truncate, write, rename): wait for quiet. */
#define RELOAD_DELAY_MS 300

typedef struct {
  char          *path;
  gboolean       reload;
  AtlasDataset  *dataset;
  char         **messages;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_free (load->path);
  g_clear_object (&load->dataset);
  g_strfreev (load->messages);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;

  /* The dataset is immutable once built, so handing it to the main
   * thread is safe. */
  load->dataset = atlas_dataset_load_file (load->path, 0, &load->messages, &error);
  if (load->dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (source);
  LoadData *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* A newer load, or the window's dispose, cancelled this one: drop it
   * (the window may be disposed; the task kept it alive). */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  self->loading = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      atlas_window_report_load_error (self, error, load->messages);
      return;
    }
  if (!self->file_missing)
    atlas_window_hide_notice (self);
  atlas_window_set_dataset (self, load->dataset);
  /* A reload changes the chart under the user's eyes: say why. */
  if (load->reload)
    atlas_window_add_toast (self, _("Dataset reloaded"));
}

void
atlas_window_load_async (AtlasWindow *self,
                         const char  *path,
                         gboolean     reload)
{
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  load = g_new0 (LoadData, 1);
  load->path = g_strdup (path);
  load->reload = reload;
  self->loading = TRUE;

  task = g_task_new (self, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, atlas_window_load_async);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* Whether the file at @path holds the very bytes of the dataset shown. */
static gboolean
file_is_loaded (AtlasWindow *self, const char *path)
{
  g_autofree char *contents = NULL;
  GBytes *loaded;
  gsize length;

  if (self->dataset == NULL || (loaded = atlas_dataset_get_contents (self->dataset)) == NULL ||
      g_strcmp0 (atlas_dataset_get_path (self->dataset), path) != 0 ||
      !g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length == g_bytes_get_size (loaded) && memcmp (contents, g_bytes_get_data (loaded, NULL), length) == 0;
}

static gboolean
reload_timeout_cb (gpointer data)
{
  AtlasWindow *self = data;
  g_autofree char *path = NULL;

  self->reload_timeout_id = 0;
  if (self->watched_file == NULL)
    return G_SOURCE_REMOVE;
  path = g_file_get_path (self->watched_file);

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* Deleted or moved away: keep showing what was loaded, and reload if
       * a file of that name comes back (an editor's save-by-rename). */
      if (!self->file_missing)
        {
          g_autofree char *name = g_file_get_basename (self->watched_file);
          g_autofree char *text = g_strdup_printf (_("“%s” was deleted or moved. The window keeps the data loaded before, "
                                                     "and reloads it if the file comes back."), name);
          self->file_missing = TRUE;
          atlas_window_show_notice (self, text);
        }
      return G_SOURCE_REMOVE;
    }

  if (self->file_missing)
    {
      self->file_missing = FALSE;
      atlas_window_hide_notice (self);
    }
  /* The window's own save wrote what it shows: nothing to reload. */
  if (file_is_loaded (self, path))
    return G_SOURCE_REMOVE;
  atlas_window_load_async (self, path, TRUE);
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    AtlasWindow       *self)
{
  gboolean ours;

  if (self->watched_file == NULL)
    return;
  /* The folder is watched, so that a file replaced by rename (other_file
   * is ours) or deleted and created again is still followed. */
  ours = g_file_equal (file, self->watched_file) ||
         (other_file != NULL && g_file_equal (other_file, self->watched_file));
  if (!ours)
    return;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      return;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }

  g_clear_handle_id (&self->reload_timeout_id, g_source_remove);
  self->reload_timeout_id = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

void
atlas_window_watch_file (AtlasWindow *self,
                         GFile       *file)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  if (self->watched_file != NULL && g_file_equal (self->watched_file, file))
    return;
  atlas_window_unwatch_file (self);

  folder = g_file_get_parent (file);
  if (folder != NULL)
    self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Cannot watch the dataset's folder (%s); watching the file alone",
               error != NULL ? error->message : "no folder");
      g_clear_error (&error);
      self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
    }
  if (self->monitor == NULL)
    {
      g_debug ("Cannot watch the dataset: %s", error->message);
      return;
    }
  self->watched_file = g_object_ref (file);
  self->file_missing = FALSE;
  g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

void
atlas_window_unwatch_file (AtlasWindow *self)
{
  g_clear_handle_id (&self->reload_timeout_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_object (&self->watched_file);
  if (self->file_missing)
    {
      self->file_missing = FALSE;
      atlas_window_hide_notice (self);
    }
}
