/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-scene-private.h: in-tree helpers of the chart engine (Pango layouts configured alike everywhere). */
#pragma once

#include <pango/pangocairo.h>

#include "atlas-scene.h"

G_BEGIN_DECLS

/* The most characters of one text ever given to Pango.  A dataset may hold
 * a megabyte of text in one name; no figure (20,000 units wide at most,
 * type of 9 units at least) shows more than this on a line, and shaping
 * all of it for every measurement is what made long names hang. */
#define ATLAS_SCENE_MAX_TEXT_CHARS 4096

/* The program's one scratch cairo context (unhinted metrics, so text
 * measured with it matches what PDF, SVG and PNG draw), for measuring text
 * and hit-testing paths; not for drawing. */
cairo_t     *atlas_scene_measuring_context (void);
/* The number of bytes of @text's first @max_chars characters (all of it
 * when shorter), and in @n_chars how many characters that is. */
gsize        atlas_scene_text_prefix_bytes (const char *text,
                                            glong       max_chars,
                                            glong      *n_chars);

/* Work done on text since the program started: layouts created and
 * characters laid out.  Tests bound it; nothing else reads it. */
guint64      atlas_scene_get_layouts_created  (void);
guint64      atlas_scene_get_chars_laid_out   (void);
/* Comparisons of one placed thing with another (label boxes, marker
 * rows), counted where a crowd could make them quadratic. */
void         atlas_scene_count_comparisons    (guint64 n);
guint64      atlas_scene_get_comparisons      (void);

/* Empties the program's cache of measured text sizes (see
 * atlas_scene_measure_text()), so that the next layout measures every text
 * anew: for benchmarks of a figure laid out for the first time. */
void         atlas_scene_forget_text_sizes    (void);

/* A layout of plain @text in the style's font, unhinted so that measuring
 * and drawing agree on every surface. @cr NULL measures.  Only the first
 * ATLAS_SCENE_MAX_TEXT_CHARS characters are laid out. */
PangoLayout *atlas_scene_create_layout (const AtlasStyle *style,
                                        cairo_t          *cr,
                                        const char       *text,
                                        double            font_size,
                                        gboolean          bold,
                                        gboolean          italic,
                                        double            wrap_width);

/* How estimates are hatched (see fill_hatched() in atlas-scene.c): a pale
 * fill of the shape's colour at @fill_alpha, crossed by lines of slope -1
 * (x + y = bounds.x + bounds.y + k * step) @line_width wide, clipped to
 * the shape.  Writers that do not draw through cairo use the same numbers. */
typedef struct {
  double step;
  double line_width;
  double fill_alpha;
} AtlasHatch;

void atlas_scene_get_hatch (const AtlasScene *scene, AtlasHatch *out);

G_END_DECLS
