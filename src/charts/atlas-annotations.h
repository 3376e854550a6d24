/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-annotations.h: a figure's written callouts, the slide's and the dataset's, placed by the chart that draws it. */
#pragma once

#include "atlas-chart.h"

G_BEGIN_DECLS

/* Places every annotation of @options and of the dataset that this figure
 * can point at (a price annotation on a price chart, a node's on the flows
 * of its chain, …).  Returns how many could not be placed. */
guint atlas_chart_add_annotations (AtlasScene *scene, AtlasDataset *dataset, const AtlasChartOptions *options);

/* The centre of the marks standing for an item of @kind and @id: the
 * anchor most charts use. */
gboolean atlas_scene_anchor_at_mark (const AtlasScene *scene, AtlasItemKind kind, const char *id, int index,
                                     double *x, double *y);

G_END_DECLS
