/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-atomic-file.c: a file written completely or not at all, so a failed export never truncates or destroys the file it would replace. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-atomic-file.h"
#include "atlas-export.h"

struct _AtlasAtomicFile {
  char    *path;          /* as the caller named it, for messages */
  char    *target;        /* where the rename goes (a symlink's target) */
  char    *temp_path;     /* the temporary file beside it; NULL when direct */
  int      slot;          /* its place in temp_paths[], or -1 */
  gboolean direct;        /* the target is no regular file: written in place */
  int      fd;            /* -1 once closed */
  gboolean committed;
  GError  *write_error;   /* the first failure of a write, kept for commit */
};

/* The nearest of @folder and its parents that exists, or NULL. */
static char *
nearest_existing (const char *folder)
{
  g_autofree char *dir = g_strdup (folder);

  while (!g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      g_autofree char *parent = g_path_get_dirname (dir);

      if (g_strcmp0 (parent, dir) == 0)
        return NULL;
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
  return g_steal_pointer (&dir);
}

static void
set_errno_error (GError **error, const char *path, int saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *folder = g_path_get_dirname (path);

  /* ENOTDIR reads "Not a directory" without saying what is not: a plain
   * file where the path needs a folder. Name it. */
  if (saved_errno == ENOTDIR)
    {
      g_autofree char *blocker = nearest_existing (folder);

      if (blocker != NULL && !g_file_test (blocker, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *blocker_display = g_filename_display_name (blocker);

          g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                       _("Cannot write “%s”: “%s” is a file, not a folder"), display, blocker_display);
          return;
        }
    }

  /* ENOENT alone reads "No such file or directory", which sounds as if the
   * file to be written should already exist: name what is missing. */
  if (saved_errno == ENOENT && !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *folder_display = g_filename_display_name (folder);

      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: the folder “%s” does not exist"), display, folder_display);
      return;
    }
  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
               _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
}

/* Writing "through" a symlink must replace the file it points to, not the
 * link itself, or a user's link would silently turn into a plain file. */
static char *
resolve_target (const char *path)
{
  GStatBuf st;
  char *resolved;
  char *copy;

  if (g_lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
    return g_strdup (path);
  resolved = realpath (path, NULL);
  if (resolved == NULL)
    return g_strdup (path);
  /* realpath() allocates with malloc(); the rest of the file uses g_free(). */
  copy = g_strdup (resolved);
  free (resolved);
  return copy;
}

/* ".<basename>.XXXXXX", with the basename cut (at a character) so that the
 * name fits NAME_MAX however long the target's own name is. */
static char *
temp_template_for (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = NULL;
  gsize room = NAME_MAX - strlen (".") - strlen (".XXXXXX");

  if (strlen (base) > room)
    {
      const char *cut = base + room;

      /* Not inside a UTF-8 character, if the name is UTF-8 at all. */
      while (cut > base && ((guchar) *cut & 0xc0) == 0x80)
        cut--;
      base[cut - base] = '\0';
    }
  name = g_strdup_printf (".%s.XXXXXX", base);
  return g_build_filename (dir, name, NULL);
}

/* ---- signals ------------------------------------------------------------ */

/* The temporary files being written, for the signal handler to delete: an
 * interrupted export (Ctrl+C, a closed terminal, a stopped job) must not
 * leave one beside its target. Slots are claimed and cleared atomically;
 * the handler only reads them and calls unlink(), which is
 * async-signal-safe. */
#define MAX_TEMP_FILES 16
static char *temp_paths[MAX_TEMP_FILES];
static const int cleaned_signals[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction previous_actions[G_N_ELEMENTS (cleaned_signals)];

static void
remove_temp_files_on_signal (int signum)
{
  int saved_errno = errno;

  for (guint i = 0; i < MAX_TEMP_FILES; i++)
    {
      char *path = __atomic_load_n (&temp_paths[i], __ATOMIC_SEQ_CST);

      if (path != NULL)
        (void) unlink (path);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cleaned_signals); i++)
    {
      if (cleaned_signals[i] != signum)
        continue;
      /* Whoever handled the signal before still does; else it ends the
       * process as it would have without us. */
      if (!(previous_actions[i].sa_flags & SA_SIGINFO) &&
          previous_actions[i].sa_handler != SIG_DFL && previous_actions[i].sa_handler != SIG_IGN)
        {
          previous_actions[i].sa_handler (signum);
          errno = saved_errno;
          return;
        }
      if (previous_actions[i].sa_handler == SIG_IGN)
        {
          errno = saved_errno;
          return;
        }
      (void) sigaction (signum, &previous_actions[i], NULL);
      (void) raise (signum);
    }
  errno = saved_errno;
}

static void
install_signal_cleanup (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      for (guint i = 0; i < G_N_ELEMENTS (cleaned_signals); i++)
        {
          struct sigaction action = { 0 };

          action.sa_handler = remove_temp_files_on_signal;
          sigemptyset (&action.sa_mask);
          action.sa_flags = SA_RESTART;
          (void) sigaction (cleaned_signals[i], &action, &previous_actions[i]);
          /* A signal ignored before (nohup) stays ignored. */
          if (previous_actions[i].sa_handler == SIG_IGN && !(previous_actions[i].sa_flags & SA_SIGINFO))
            (void) sigaction (cleaned_signals[i], &previous_actions[i], NULL);
        }
      g_once_init_leave (&installed, 1);
    }
}

static int
register_temp_file (const char *path)
{
  for (int i = 0; i < MAX_TEMP_FILES; i++)
    {
      char *expected = NULL;
      char *copy = g_strdup (path);

      if (__atomic_compare_exchange_n (&temp_paths[i], &expected, copy, FALSE,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        return i;
      g_free (copy);
    }
  /* More exports at once than slots: that one is not cleaned on a signal. */
  return -1;
}

static void
unregister_temp_file (int slot)
{
  char *path;

  if (slot < 0)
    return;
  path = __atomic_exchange_n (&temp_paths[slot], NULL, __ATOMIC_SEQ_CST);
  g_free (path);
}

/* A replaced file keeps its permissions; a new one gets what any new file
 * gets (0666 less the umask, applied by open() in g_mkstemp_full). */
static gboolean
check_target (AtlasAtomicFile *file, gboolean *replacing, mode_t *mode, GError **error)
{
  GStatBuf st;

  *replacing = FALSE;
  if (g_stat (file->target, &st) != 0)
    return TRUE;
  if (S_ISDIR (st.st_mode))
    {
      set_errno_error (error, file->path, EISDIR);
      return FALSE;
    }
  /* A device, a FIFO or a socket is written to, never renamed over: it
   * would be replaced by a plain file, and a full device would report
   * success. */
  if (!S_ISREG (st.st_mode))
    {
      file->direct = TRUE;
      return TRUE;
    }
  *replacing = TRUE;
  *mode = st.st_mode & 07777;
  return TRUE;
}

AtlasAtomicFile *
atlas_atomic_file_new (const char *path, GError **error)
{
  g_autoptr(AtlasAtomicFile) file = g_new0 (AtlasAtomicFile, 1);
  gboolean replacing;
  mode_t mode = 0;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  file->fd = -1;
  file->slot = -1;
  file->path = g_strdup (path);
  file->target = resolve_target (path);
  if (!check_target (file, &replacing, &mode, error))
    return NULL;
  if (file->direct)
    {
      file->fd = g_open (file->target, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);
      if (file->fd < 0)
        {
          set_errno_error (error, file->path, errno);
          return NULL;
        }
      return g_steal_pointer (&file);
    }

  file->temp_path = temp_template_for (file->target);
  /* The signals wait while the file is created and registered, so that no
   * moment has a temporary file the handler does not know of. */
  {
    sigset_t cleaned, previous;
    int saved_errno;

    install_signal_cleanup ();
    sigemptyset (&cleaned);
    for (guint i = 0; i < G_N_ELEMENTS (cleaned_signals); i++)
      sigaddset (&cleaned, cleaned_signals[i]);
    pthread_sigmask (SIG_BLOCK, &cleaned, &previous);
    file->fd = g_mkstemp_full (file->temp_path, O_RDWR | O_CLOEXEC, 0666);
    saved_errno = errno;
    if (file->fd >= 0)
      file->slot = register_temp_file (file->temp_path);
    pthread_sigmask (SIG_SETMASK, &previous, NULL);
    if (file->fd < 0)
      {
        /* Nothing was created: do not let free() unlink a name we never owned. */
        g_clear_pointer (&file->temp_path, g_free);
        set_errno_error (error, file->path, saved_errno);
        return NULL;
      }
  }
  /* Failing to copy the mode (another owner's file) is not worth failing
   * the export for: the content is what the user asked for. */
  if (replacing && fchmod (file->fd, mode) != 0)
    g_debug ("could not keep the mode of %s: %s", file->path, g_strerror (errno));
  return g_steal_pointer (&file);
}

static gboolean
write_all (int fd, const guint8 *data, gsize length, int *saved_errno)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

gboolean
atlas_atomic_file_write (AtlasAtomicFile *file,
                         const void      *data,
                         gsize            length,
                         GError         **error)
{
  int saved_errno = 0;

  if (file->write_error != NULL)
    {
      g_propagate_error (error, g_error_copy (file->write_error));
      return FALSE;
    }
  if (file->fd < 0)
    {
      set_errno_error (error, file->path, EBADF);
      return FALSE;
    }
  if (!write_all (file->fd, data, length, &saved_errno))
    {
      set_errno_error (&file->write_error, file->path, saved_errno);
      g_propagate_error (error, g_error_copy (file->write_error));
      return FALSE;
    }
  return TRUE;
}

cairo_status_t
atlas_atomic_file_cairo_write (void                *closure,
                               const unsigned char *data,
                               unsigned int         length)
{
  AtlasAtomicFile *file = closure;

  if (!atlas_atomic_file_write (file, data, length, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

const GError *
atlas_atomic_file_get_error (const AtlasAtomicFile *file)
{
  return file->write_error;
}

/* Some file systems cannot sync a file (EINVAL): the data is then as safe
 * as that file system makes it, which is no reason to refuse the export. */
static gboolean
sync_file (int fd, int *saved_errno)
{
  if (fsync (fd) == 0 || errno == EINVAL || errno == ENOTSUP)
    return TRUE;
  *saved_errno = errno;
  return FALSE;
}

/* Best effort: makes the rename itself survive a crash. */
static void
sync_folder_of (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  (void) fsync (fd);
  (void) close (fd);
}

gboolean
atlas_atomic_file_commit (AtlasAtomicFile *file, GError **error)
{
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (!file->committed, FALSE);

  if (file->write_error != NULL)
    {
      g_propagate_error (error, g_error_copy (file->write_error));
      return FALSE;
    }
  if (file->fd < 0)
    {
      set_errno_error (error, file->path, EBADF);
      return FALSE;
    }
  if (!sync_file (file->fd, &saved_errno))
    {
      set_errno_error (error, file->path, saved_errno);
      return FALSE;
    }
  /* close() is where some file systems (NFS, quotas) report a full disk. */
  fd = file->fd;
  file->fd = -1;
  if (close (fd) != 0 && errno != EINTR)
    {
      set_errno_error (error, file->path, errno);
      return FALSE;
    }
  if (file->direct)
    {
      file->committed = TRUE;
      return TRUE;
    }
  if (g_rename (file->temp_path, file->target) != 0)
    {
      set_errno_error (error, file->path, errno);
      return FALSE;
    }
  file->committed = TRUE;
  /* Renamed: from now on that name is the target's, not ours to delete. */
  unregister_temp_file (file->slot);
  file->slot = -1;
  sync_folder_of (file->target);
  return TRUE;
}

void
atlas_atomic_file_free (AtlasAtomicFile *file)
{
  if (file == NULL)
    return;
  if (file->fd >= 0)
    (void) close (file->fd);
  if (!file->committed && file->temp_path != NULL)
    (void) g_unlink (file->temp_path);
  unregister_temp_file (file->slot);
  g_clear_error (&file->write_error);
  g_free (file->temp_path);
  g_free (file->target);
  g_free (file->path);
  g_free (file);
}

gboolean
atlas_atomic_file_set_contents (const char  *path,
                                const void  *data,
                                gsize        length,
                                GError     **error)
{
  g_autoptr(AtlasAtomicFile) file = atlas_atomic_file_new (path, error);

  if (file == NULL)
    return FALSE;
  if (!atlas_atomic_file_write (file, data, length, error))
    return FALSE;
  return atlas_atomic_file_commit (file, error);
}
