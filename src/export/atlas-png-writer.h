/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-png-writer.h: an image surface to PNG, faster than cairo's own writer. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Writes @surface (an ARGB32 or RGB24 image surface) as a PNG through
 * @write, like cairo_surface_write_to_png_stream().  A surface whose every
 * pixel is opaque (a chart: the scene paints an opaque background) is
 * written as 8-bit RGB; any other as 8-bit RGBA, unpremultiplied.  Rows
 * are not filtered and zlib runs at a low level: charts are large flat
 * areas, which compress well without either, and encoding is most of the
 * time of an export.  For the same reason the rows are compressed in bands
 * on as many threads as there are processors (up to 8).
 *
 * Returns CAIRO_STATUS_SUCCESS, the first status @write returned other
 * than success (CAIRO_STATUS_WRITE_ERROR, in practice; nothing is written
 * after it), CAIRO_STATUS_INVALID_FORMAT for another kind of surface, or
 * CAIRO_STATUS_NO_MEMORY when zlib or a buffer cannot be had. */
cairo_status_t atlas_png_write_surface (cairo_surface_t    *surface,
                                        cairo_write_func_t  write,
                                        void               *closure);

/* The same with the rows cut into @n_bands bands (at most 8 and one a
 * row; 0: as atlas_png_write_surface() chooses), whatever the number of
 * processors: for tests. */
cairo_status_t atlas_png_write_surface_in_bands (cairo_surface_t    *surface,
                                                 guint               n_bands,
                                                 cairo_write_func_t  write,
                                                 void               *closure);

G_END_DECLS
