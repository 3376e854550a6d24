/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-points-csv-private.h: price points read from a series' points_csv file. */
#pragma once

#include "atlas-dataset.h"
#include "atlas-loader-context-private.h"

G_BEGIN_DECLS

/* Points of one series as they are read, with where each came from, so a
 * duplicate date can name both places after sorting. */
typedef struct {
  AtlasPricePoint *points;
  guint32         *origins;      /* index in "points", or line of the CSV */
  gsize            n_points;
  gsize            n_inline;     /* points[0 .. n_inline) came from "points" */
  gsize            allocated;
} AtlasPointBuffer;

void             atlas_point_buffer_reserve (AtlasPointBuffer *buffer,
                                             gsize             n_more);
AtlasPricePoint *atlas_point_buffer_append  (AtlasPointBuffer *buffer,
                                             guint32           origin);
void             atlas_point_buffer_clear   (AtlasPointBuffer *buffer);

/* Where @relative (a series' points_csv, at the current path) points to, or
 * NULL with the problem reported: it must be relative and stay inside
 * @ctx->base_dir, also after following symbolic links, and exist. */
char    *atlas_points_csv_resolve (AtlasLoaderContext *ctx,
                                   const char         *relative);

/* Appends the rows of the CSV at @path to @buffer.  Problems are reported
 * as "@relative:LINE: ...".  Returns FALSE when the file cannot be read or
 * has no valid header (no rows are read then). */
gboolean atlas_points_csv_read    (AtlasLoaderContext *ctx,
                                   const char         *path,
                                   const char         *relative,
                                   AtlasPointBuffer   *buffer);

G_END_DECLS
