/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefings-save.h: saving edited briefings into their dataset file, changing no other byte of it. */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_SAVE_ERROR (atlas_save_error_quark ())
GQuark atlas_save_error_quark (void);

typedef enum {
  ATLAS_SAVE_ERROR_CHANGED_ON_DISK, /* the file differs from what was opened, or is gone */
  ATLAS_SAVE_ERROR_READ_ONLY,       /* the file or its folder cannot be written: save a copy */
  ATLAS_SAVE_ERROR_NO_FILE,         /* the dataset was not read from a file */
  ATLAS_SAVE_ERROR_INVALID,         /* the result would not load (the loader's message) */
  ATLAS_SAVE_ERROR_WRITE,           /* writing failed (disk full, folder gone); the old file is whole */
} AtlasSaveError;

typedef enum {
  ATLAS_SAVE_NONE      = 0,
  /* Write even when the file changed on disk or is gone (the user chose
   * to overwrite): the result is the file as opened with the new briefings. */
  ATLAS_SAVE_OVERWRITE = 1 << 0,
} AtlasSaveFlags;

/* The bytes of @contents (a dataset file) with the value of its top-level
 * "briefings" member replaced by @briefings (AtlasBriefing*), every other
 * byte as it was. A file without the member gets it after its last member,
 * indented like that member, unless @briefings is empty (then nothing
 * changes). Fails (ATLAS_SAVE_ERROR_INVALID) only when @contents is not a
 * JSON object. */
GBytes       *atlas_briefings_splice        (GBytes         *contents,
                                             GPtrArray      *briefings,
                                             GError        **error);

/* Saves @briefings into the file @dataset was loaded from (@path NULL) or,
 * for Save As, into @path, atomically (atlas-atomic-file.h): the file is
 * the one @dataset was loaded from with only its briefings changed. Refuses
 *  - when saving in place and the file changed on disk or is gone since it
 *    was opened (CHANGED_ON_DISK), unless @flags has ATLAS_SAVE_OVERWRITE;
 *  - when the file has no write permission, or its folder cannot be written
 *    (READ_ONLY);
 *  - when the result would not load (INVALID: a briefing without a slide,
 *    a points_csv file missing beside @path), checked with the strict loader
 *    before anything is written.
 * When writing fails the file on disk is as it was (WRITE). Returns the
 * dataset the written bytes load as, whose contents and path are what the
 * next save compares with, or NULL with @error set. */
AtlasDataset *atlas_dataset_save_briefings  (AtlasDataset   *dataset,
                                             GPtrArray      *briefings,
                                             const char     *path,
                                             AtlasSaveFlags  flags,
                                             GError        **error);

G_END_DECLS
