/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tree.h: removing a test's work folder, whatever it made read-only. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and all below it, making each folder writable first (tests
 * make read-only folders to see writes fail). */
void remove_tree (const char *path);

G_END_DECLS
