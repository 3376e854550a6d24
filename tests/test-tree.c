/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tree.c: removing a test's work folder, whatever it made read-only. */
#include <glib/gstdio.h>

#include "test-tree.h"

void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* Undo the read-only folders some tests make. */
      g_chmod (child, 0700);
      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}
