/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-export-dialog.h: the export dialog (format, size or preset, scale, theme), then a file chooser, then src/export. */
#pragma once

#include <gtk/gtk.h>

#include "atlas-export.h"
#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EXPORT_DIALOG (atlas_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ATLAS, EXPORT_DIALOG, GtkWindow)

/* Exports what @state shows now (copied: later edits do not change the
 * export); @window_style gives the window's theme and font; @selection
 * (or NULL) may be emphasised in the file. */
AtlasExportDialog *atlas_export_dialog_new        (GtkWindow         *parent,
                                                   AtlasDataset      *dataset,
                                                   AtlasViewState    *state,
                                                   const AtlasStyle  *window_style,
                                                   const AtlasItem   *selection);
void               atlas_export_dialog_set_format (AtlasExportDialog *self,
                                                   AtlasExportFormat  format);
AtlasExportFormat  atlas_export_dialog_get_format (AtlasExportDialog *self);
/* One of the presets when it matches, else a custom size. */
void               atlas_export_dialog_set_size   (AtlasExportDialog *self,
                                                   int                width,
                                                   int                height);
/* A document preset: @paper as atlas_page_size_from_name() names it ("a4",
 * "letter-landscape"). A PDF is then that page with the chart inside its
 * margins; other formats are the figure of the area inside them. FALSE
 * for a paper without a preset. */
gboolean           atlas_export_dialog_set_paper  (AtlasExportDialog *self,
                                                   const char        *paper);
/* What the dialog says it will write ("An image of 2400 × 1350 pixels."). */
const char        *atlas_export_dialog_get_summary (AtlasExportDialog *self);
void               atlas_export_dialog_set_scale  (AtlasExportDialog *self,
                                                   int                scale);
void               atlas_export_dialog_set_dark   (AtlasExportDialog *self,
                                                   gboolean           dark);
/* "rare-earth-atlas-prices.svg" and the like, for the file chooser. */
char              *atlas_export_dialog_suggest_name (AtlasExportDialog *self);
/* What the file chooser's Export does with the @file it chose: writes the
 * file the dialog describes there (the format's extension added when the
 * name has another), then closes the dialog; on failure the parent window
 * shows the error, the dialog stays open and returns FALSE. */
gboolean           atlas_export_dialog_export_to  (AtlasExportDialog *self,
                                                   GFile             *file);
/* Writes the file the dialog describes to @path; on failure @path is
 * untouched. */
gboolean           atlas_export_dialog_write      (AtlasExportDialog *self,
                                                   const char        *path,
                                                   GError           **error);

G_END_DECLS
