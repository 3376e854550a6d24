/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-sidebar.h: the details sidebar: the selection's figures, notes, alternative figures and sources, or the dataset's overview. */
#pragma once

#include <gtk/gtk.h>

#include "atlas-chart.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SIDEBAR (atlas_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (AtlasSidebar, atlas_sidebar, ATLAS, SIDEBAR, GtkWidget)

GtkWidget  *atlas_sidebar_new         (void);
/* Shows @selection's details, or with nothing selected (NULL or kind NONE)
 * the dataset's title, date and a summary of @scene (which may be NULL). */
void        atlas_sidebar_update      (AtlasSidebar            *self,
                                       AtlasDataset            *dataset,
                                       const AtlasChartOptions *options,
                                       const AtlasScene        *scene,
                                       const AtlasItem         *selection);
/* The heading shown (the selection's name or the dataset's title). */
const char *atlas_sidebar_get_heading (AtlasSidebar            *self);
/* Every text shown, one label a line (for tests and copying). */
char       *atlas_sidebar_dup_text    (AtlasSidebar            *self);

G_END_DECLS
