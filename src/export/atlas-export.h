/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-export.h: writing charts, their data and whole briefings to files, atomically. */
#pragma once

#include "atlas-chart.h"
#include "atlas-page-size.h"

G_BEGIN_DECLS

#define ATLAS_EXPORT_ERROR (atlas_export_error_quark ())
GQuark atlas_export_error_quark (void);

typedef enum {
  ATLAS_EXPORT_ERROR_FORMAT,   /* an unknown or unsuitable format/extension */
  ATLAS_EXPORT_ERROR_WRITE,    /* the file could not be written (folder, permission, disk) */
  ATLAS_EXPORT_ERROR_CHART,    /* the chart could not be drawn: cairo failed (see the message) */
  ATLAS_EXPORT_ERROR_SIZE,     /* the figure is too large for the format (PNG pixels) */
} AtlasExportError;

/* Errors of the chart layer (ATLAS_CHART_ERROR: an unknown id, nothing to
 * draw, an option out of range) are passed on unchanged by every function
 * below, so a caller can tell a wrong id from a file that cannot be written. */

/* The largest PNG side in pixels (cairo's image surfaces stop there). */
#define ATLAS_EXPORT_MAX_PIXELS 32767
/* ... and at most this many pixels in all (2^28: a 1 GiB image in memory,
 * 16384×16384 or 3.5 times 8K), since the sides alone allow 4 GiB. */
#define ATLAS_EXPORT_MAX_AREA   268435456.0

typedef enum {
  ATLAS_EXPORT_PNG,
  ATLAS_EXPORT_SVG,
  ATLAS_EXPORT_PDF,
  ATLAS_EXPORT_CSV,            /* the data behind the chart, with its sources */
  ATLAS_EXPORT_JSON,           /* flows only: the Sankey layout */
} AtlasExportFormat;

/* The format named by @path's extension (case-insensitive). */
gboolean    atlas_export_format_from_path (const char        *path,
                                           AtlasExportFormat *out,
                                           GError           **error);

/* What to draw and how big: @width x @height is the figure in pixels for PNG
 * at scale 1 and in points for SVG and PDF; @scale multiplies PNG pixels.
 * PDF only: with @page the pages are that paper and the figure is the
 * area inside its margins (@width and @height are not used); NULL keeps
 * pages the figure's size. */
typedef struct {
  AtlasDataset            *dataset;
  const AtlasChartOptions *options;
  const AtlasStyle        *style;
  double                   width, height;
  double                   scale;
  const AtlasPageSize     *page;
} AtlasExportRequest;

/* Writes the chart (or its data) to @path through a temporary file in the
 * same folder, renamed over @path only when complete: on any failure @path
 * is untouched and no temporary file is left. */
gboolean    atlas_export_chart       (const AtlasExportRequest *request,
                                      AtlasExportFormat         format,
                                      const char               *path,
                                      GError                  **error);

/* The figure atlas_export_chart() draws for @request (inside the page's
 * margins when it has a page), e.g. to preview an export; NULL with
 * @error set when the chart cannot be laid out. */
AtlasScene *atlas_export_layout      (const AtlasExportRequest *request,
                                      GError                  **error);

/* Writes an already laid-out scene (what the window shows, with its
 * selection and the nodes the user moved) as PNG, SVG, PDF or, for a flows
 * scene, JSON; @scale multiplies PNG pixels.  CSV needs chart options: use
 * atlas_export_chart(). */
gboolean    atlas_export_scene       (const AtlasScene         *scene,
                                      AtlasExportFormat         format,
                                      double                    scale,
                                      const char               *path,
                                      GError                  **error);

/* The lowercase extension of @format ("png", ...). */
const char *atlas_export_format_to_extension (AtlasExportFormat format);

/* A PNG of the chart in memory (for the clipboard). */
GBytes     *atlas_export_chart_png   (const AtlasExportRequest *request,
                                      GError                  **error);

/* One PDF page per slide of @briefing (NULL: one slide per view, with
 * @request->options as the settings of each view), each page with the
 * slide's title, its chart and, when @with_notes, its speaker note. */
gboolean    atlas_export_briefing_pdf (const AtlasExportRequest *request,
                                       const AtlasBriefing      *briefing,
                                       gboolean                  with_notes,
                                       const char               *path,
                                       GError                  **error);

/* Chart options for a slide (ids borrowed from the dataset/slide). */
void        atlas_slide_get_options   (const AtlasSlide  *slide,
                                       AtlasChartOptions *options);

/* CSV text of a table (RFC 4180 quoting; number columns hold plain
 * numbers, "-1234.5"; formula-looking text cells are prefixed with ' so
 * spreadsheets do not run dataset text). */
char       *atlas_table_to_csv        (const AtlasTable *table);

G_END_DECLS
