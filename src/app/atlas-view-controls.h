/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-view-controls.h: the current view's controls, in the bar over the chart (diagram, series, scale, range, filters...). */
#pragma once

#include <gtk/gtk.h>

#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_VIEW_CONTROLS (atlas_view_controls_get_type ())
G_DECLARE_FINAL_TYPE (AtlasViewControls, atlas_view_controls, ATLAS, VIEW_CONTROLS, GtkWidget)

GtkWidget *atlas_view_controls_new         (void);
/* Fills the choices (diagrams, series, groups, currencies, filters). */
void       atlas_view_controls_set_dataset (AtlasViewControls *self,
                                            AtlasDataset      *dataset);
/* The "state" property: the controls of its view show and edit it. */
void       atlas_view_controls_set_state   (AtlasViewControls *self,
                                            AtlasViewState    *state);

G_END_DECLS
