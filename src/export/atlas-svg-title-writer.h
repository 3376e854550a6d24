/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-svg-title-writer.h: passes cairo's SVG stream on, adding a <title> and <desc> to the root element. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* cairo 1.16's SVG surface cannot name its document, yet a <title> is what
 * screen readers announce and what search and file managers show.  This
 * filter sits between the surface and @sink, inserting the title (and a
 * description) right after the opening <svg ...> tag. */
typedef struct _AtlasSvgTitleWriter AtlasSvgTitleWriter;

/* @title and @description are plain text (escaped here); either may be NULL. */
AtlasSvgTitleWriter *atlas_svg_title_writer_new    (cairo_write_func_t  sink,
                                                    void               *sink_closure,
                                                    const char         *title,
                                                    const char         *description);
/* The cairo_write_func_t to give cairo, with the writer as closure. */
cairo_status_t       atlas_svg_title_writer_write  (void                *closure,
                                                    const unsigned char *data,
                                                    unsigned int         length);
/* Passes on whatever is still held back; call after the surface finished. */
cairo_status_t       atlas_svg_title_writer_flush  (AtlasSvgTitleWriter *writer);
void                 atlas_svg_title_writer_free   (AtlasSvgTitleWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSvgTitleWriter, atlas_svg_title_writer_free)

G_END_DECLS
