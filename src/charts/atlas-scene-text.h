/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-scene-text.h: type sizes, and measuring, wrapping and shortening text in a scene's font. */
#pragma once

#include "atlas-scene.h"

G_BEGIN_DECLS

typedef enum {
  ATLAS_FONT_TITLE,
  ATLAS_FONT_SUBTITLE,
  ATLAS_FONT_LABEL,      /* node names, bar labels, legend */
  ATLAS_FONT_SMALL,      /* axis ticks, value labels, footer */
} AtlasFontRole;

/* The type size for @role in this scene: grows with the figure's size and
 * the style's font_scale, never below a readable minimum. */
double atlas_scene_font_size (const AtlasScene *scene, AtlasFontRole role);

/* The narrowest width at which @text still takes as many lines as at
 * @wrap_width: its lines come out even, and a wrapped name never leaves a
 * word, a closing bracket or a last Han character or two alone on its last
 * line ("(and other" / "products)", not "…(and other products" / ")"). */
double atlas_scene_balanced_wrap (const AtlasScene *scene,
                                  const char       *text,
                                  double            font_size,
                                  gboolean          bold,
                                  double            wrap_width);

/* Measures plain text (never markup) in the scene's font. With @wrap_width
 * > 0 the text is wrapped at that width. */
void   atlas_scene_measure_text (const AtlasScene *scene,
                                 const char       *text,
                                 double            font_size,
                                 gboolean          bold,
                                 double            wrap_width,
                                 double           *width,
                                 double           *height);

/* Adds plain @text wrapped at @width with its top-left at @x, @y; the
 * shape's height is what the wrapped text needs. */
AtlasShape *atlas_scene_add_wrapped_text (AtlasScene       *scene,
                                          const char       *text,
                                          double            x,
                                          double            y,
                                          double            width,
                                          double            font_size,
                                          gboolean          bold,
                                          const AtlasColor *color);

/* Shortens @text with an ellipsis so it fits @max_width; returns a new
 * string, or NULL when not even one character and the ellipsis fit. */
char  *atlas_scene_ellipsize (const AtlasScene *scene,
                              const char       *text,
                              double            font_size,
                              gboolean          bold,
                              double            max_width);

G_END_DECLS
