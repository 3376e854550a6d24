/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-atomic-file.h: a file written completely or not at all (temporary file in the same folder, renamed into place). */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Writing goes to "<dir>/.<basename>.XXXXXX" beside @path (the basename
 * cut so the name fits NAME_MAX); only atlas_atomic_file_commit() renames
 * it over @path.  Freeing an uncommitted file deletes the temporary file,
 * so every early return is a clean abort, and SIGINT, SIGTERM and SIGHUP
 * delete it too before the process ends.  A @path (or a symlink's target)
 * that exists and is no regular file, such as a device or a FIFO, is
 * written to directly and never replaced.
 * Errors are in ATLAS_EXPORT_ERROR (ATLAS_EXPORT_ERROR_WRITE) and name the
 * path and the reason. */
typedef struct _AtlasAtomicFile AtlasAtomicFile;

AtlasAtomicFile *atlas_atomic_file_new    (const char       *path,
                                           GError          **error);
gboolean         atlas_atomic_file_write  (AtlasAtomicFile  *file,
                                           const void       *data,
                                           gsize             length,
                                           GError          **error);
/* Syncs, closes and renames into place. Fails (and deletes the temporary
 * file) when any earlier write failed, including writes through
 * atlas_atomic_file_cairo_write(). */
gboolean         atlas_atomic_file_commit (AtlasAtomicFile  *file,
                                           GError          **error);
/* Deletes the temporary file and frees @file (NULL is fine). */
void             atlas_atomic_file_free   (AtlasAtomicFile  *file);

/* A cairo_write_func_t whose closure is an AtlasAtomicFile: the first
 * failure is kept in the file and reported again by commit. */
cairo_status_t   atlas_atomic_file_cairo_write (void                *closure,
                                                const unsigned char *data,
                                                unsigned int         length);
/* The first write error kept by atlas_atomic_file_cairo_write(), or NULL. */
const GError    *atlas_atomic_file_get_error   (const AtlasAtomicFile *file);

/* The whole of @data into @path, atomically. */
gboolean         atlas_atomic_file_set_contents (const char  *path,
                                                 const void  *data,
                                                 gsize        length,
                                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasAtomicFile, atlas_atomic_file_free)

G_END_DECLS
