/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-svg-writer.h: a laid-out scene as an SVG document whose text is real <text>, grouped by item. */
#pragma once

#include <glib.h>

#include "atlas-scene.h"

G_BEGIN_DECLS

/* The whole SVG document of @scene, as atlas_scene_draw() paints it: its
 * size in points (1 figure unit = 1 pt, like PDF), a <title> and <desc>
 * for screen readers and file managers, every text as a <text> element
 * (one <tspan> a line, broken where Pango breaks it for the PNG) so it
 * stays editable and searchable, rects and paths as such, and the shapes
 * standing for one dataset item in a <g id="KEY"> (atlas_item_to_key()).
 * Cannot fail: the document is built in memory. */
char *atlas_svg_writer_render (const AtlasScene *scene,
                               gsize            *length);

G_END_DECLS
