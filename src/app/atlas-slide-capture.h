/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-slide-capture.h: a briefing slide from what a view shows, the inverse of atlas_view_state_apply_slide(). */
#pragma once

#include "atlas-view-state.h"

G_BEGIN_DECLS

/* A new slide (no id, no title) of @state's view with everything the slide
 * format can say about it: chain, group, series, range, scale, indexed
 * date, currency, unit, filters, focus and annotations, and as its select
 * @selection_id (the item selected in the chart) or else the state's own.
 * Applied to a fresh view state it lays out the same figure.
 * The format has no place for dragged node offsets, a kept node order or
 * hidden price events: those are not captured. */
AtlasSlide *atlas_slide_capture (AtlasViewState *state,
                                 const char     *selection_id);

/* A callout saying @text (in @lang) pinned to @item as the chart shows it
 * (a node, a price point, an event, a region's part of a bar), or NULL
 * when @item is none of these. */
AtlasAnnotation *atlas_annotation_for_item (AtlasDataset            *dataset,
                                            const AtlasChartOptions *options,
                                            const AtlasItem         *item,
                                            const char              *lang,
                                            const char              *text);

G_END_DECLS
