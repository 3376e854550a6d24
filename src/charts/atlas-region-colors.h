/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-region-colors.h: colours for the regions one chart draws side by side, told apart at a glance. */
#pragma once

#include "atlas-style.h"

G_BEGIN_DECLS

/* The regions of a figure and which of them touch (neighbouring segments
 * of a bar).  atlas_region_colors_assign() then gives each region a colour
 * of the palette such that touching regions are of different hue families
 * and every two colours (and the reserved ones, such as the grey of
 * "Other") are as far apart in CIE76 ΔE as the palette allows.  A region
 * keeps its usual colour (atlas_style_region_color()) where that fits, and
 * the regions with the most weight are served first: China keeps its
 * vermillion.  A dataset's own colour is never changed. */
typedef struct _AtlasRegionColors AtlasRegionColors;

AtlasRegionColors *atlas_region_colors_new      (const AtlasStyle *style, AtlasDataset *dataset);
void               atlas_region_colors_free     (AtlasRegionColors *colors);
/* Adds @region (or more @weight to it); regions are served by weight. */
void               atlas_region_colors_add      (AtlasRegionColors *colors, const AtlasRegion *region, double weight);
void               atlas_region_colors_touch    (AtlasRegionColors *colors, const AtlasRegion *a, const AtlasRegion *b);
/* A colour no region may come close to. */
void               atlas_region_colors_reserve  (AtlasRegionColors *colors, const AtlasColor *color);
void               atlas_region_colors_assign   (AtlasRegionColors *colors);
/* The colour assigned to @region; FALSE (and its usual colour) for a
 * region never added. */
gboolean           atlas_region_colors_lookup   (const AtlasRegionColors *colors, const AtlasRegion *region,
                                                 AtlasColor *out);
/* The smallest ΔE between two of the assigned colours, for tests. */
double             atlas_region_colors_min_distance (const AtlasRegionColors *colors);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasRegionColors, atlas_region_colors_free)

G_END_DECLS
