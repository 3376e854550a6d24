/* atlas-scene-private.h: in-tree helpers of the chart engine (Pango layouts configured alike everywhere). */
#pragma once

#include <pango/pangocairo.h>

#include "atlas-scene.h"

G_BEGIN_DECLS

/* A layout of plain @text in the style's font, unhinted so that measuring
 * and drawing agree on every surface. @cr NULL measures. */
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
