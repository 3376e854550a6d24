/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-sankey-json.h: a laid-out Flows figure as JSON geometry, for tests and the command line. */
#pragma once

#include "atlas-scene.h"
#include "atlas-sankey-layout.h"

G_BEGIN_DECLS

/* The node rectangles and link bands of a Sankey scene in the figure's
 * coordinates:
 *   {"nodes":[{"id","x0","y0","x1","y1"}],
 *    "links":[{"from","to","value","y0","y1","width"}]}
 * where a link's y0 and y1 are the vertical centres of its band where it
 * leaves its source and where it enters its target (d3-sankey's
 * convention).  Nodes and links in the chain's order.  NULL when @scene is
 * not a Flows scene. */
char *atlas_sankey_scene_to_json (const AtlasScene *scene);

/* The layout a Flows scene was drawn from (owned by the scene), or NULL
 * when @scene is not a Flows scene.  Node and link indices are the
 * chain's. */
const AtlasSankeyLayout *atlas_sankey_scene_get_layout (const AtlasScene *scene);

G_END_DECLS
