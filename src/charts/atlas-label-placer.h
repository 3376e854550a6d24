/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-label-placer.h: keeps label boxes apart: each box taken is reserved, and one that overlaps a reserved box or leaves the bounds is refused. */
#pragma once

#include "atlas-scene.h"

G_BEGIN_DECLS

typedef struct _AtlasLabelPlacer AtlasLabelPlacer;

AtlasLabelPlacer *atlas_label_placer_new     (const AtlasRect *bounds);
void              atlas_label_placer_free    (AtlasLabelPlacer *placer);
/* Reserves @box if it is inside the bounds and free; returns whether it did. */
gboolean          atlas_label_placer_try     (AtlasLabelPlacer *placer, const AtlasRect *box);
/* Reserves @box unconditionally (an obstacle such as a node or a bar). */
void              atlas_label_placer_reserve (AtlasLabelPlacer *placer, const AtlasRect *box);
gboolean          atlas_label_placer_is_free (const AtlasLabelPlacer *placer, const AtlasRect *box);
/* Frees the room of a box reserved earlier, exactly as given then (a
 * label about to be moved); FALSE when no such box is reserved. */
gboolean          atlas_label_placer_release (AtlasLabelPlacer *placer, const AtlasRect *box);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLabelPlacer, atlas_label_placer_free)

G_END_DECLS
