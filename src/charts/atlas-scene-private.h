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

G_END_DECLS
