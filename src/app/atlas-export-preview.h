/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-export-preview.h: the export dialog's picture of what will be written: the figure, on its sheet of paper when it has one. */
#pragma once

#include <gtk/gtk.h>

#include "atlas-page-size.h"
#include "atlas-scene.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EXPORT_PREVIEW (atlas_export_preview_get_type ())
G_DECLARE_FINAL_TYPE (AtlasExportPreview, atlas_export_preview, ATLAS, EXPORT_PREVIEW, GtkWidget)

GtkWidget           *atlas_export_preview_new       (void);
/* Shows @scene (taken over; NULL shows nothing), inside the margins of
 * @page when it is not NULL. */
void                 atlas_export_preview_set_figure (AtlasExportPreview  *self,
                                                      AtlasScene          *scene,
                                                      const AtlasPageSize *page);
/* What is shown, for tests: the figure and its paper (NULL for none). */
const AtlasScene    *atlas_export_preview_get_scene  (AtlasExportPreview  *self);
const AtlasPageSize *atlas_export_preview_get_page   (AtlasExportPreview  *self);

G_END_DECLS
