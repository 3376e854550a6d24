/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-export-private.h: what the writers of single charts and of briefings share. */
#pragma once

#include <cairo.h>

#include "atlas-atomic-file.h"
#include "atlas-export.h"

G_BEGIN_DECLS

/* Turns a cairo status after drawing or finishing into a GError: a write
 * failure becomes ATLAS_EXPORT_ERROR_WRITE with @file's own message (path
 * and reason), anything else ATLAS_EXPORT_ERROR_CHART. */
gboolean atlas_export_check_cairo (cairo_status_t          status,
                                   const AtlasAtomicFile  *file,
                                   GError                **error);

/* A PDF surface writing into @file, titled for document viewers. */
cairo_surface_t *atlas_export_pdf_surface_new (AtlasAtomicFile *file,
                                               double           width,
                                               double           height,
                                               const char      *title);

/* Finishes @surface (the last bytes are written here) and checks it. */
gboolean atlas_export_finish_surface (cairo_surface_t        *surface,
                                      const AtlasAtomicFile  *file,
                                      GError                **error);

/* The figure as data (see atlas-export-json.c): every text and mark with
 * its box, role and item; a flows scene adds its layout's nodes and links. */
char    *atlas_export_scene_json (const AtlasScene *scene);

/* The data table of @options' view into @path as CSV (see
 * atlas_table_to_csv()), written while its rows are made: a table of
 * millions of rows costs a buffer, not its size in memory. */
gboolean atlas_table_write_csv (AtlasDataset            *dataset,
                                const AtlasChartOptions *options,
                                const char              *path,
                                GError                 **error);

G_END_DECLS
