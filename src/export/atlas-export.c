/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-export.c: one chart to PNG, SVG, PDF, CSV or JSON, drawn by the same scene code as the window. */
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "atlas-atomic-file.h"
#include "atlas-export-private.h"
#include "atlas-png-writer.h"
#include "atlas-svg-writer.h"

G_DEFINE_QUARK (atlas-export-error-quark, atlas_export_error)

static const struct {
  const char        *extension;
  AtlasExportFormat  format;
} formats[] = {
  { "png", ATLAS_EXPORT_PNG },
  { "svg", ATLAS_EXPORT_SVG },
  { "pdf", ATLAS_EXPORT_PDF },
  { "csv", ATLAS_EXPORT_CSV },
  { "json", ATLAS_EXPORT_JSON },
};

gboolean
atlas_export_format_from_path (const char        *path,
                               AtlasExportFormat *out,
                               GError           **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = NULL;
  const char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      if (g_ascii_strcasecmp (dot + 1, formats[i].extension) == 0)
        {
          *out = formats[i].format;
          return TRUE;
        }

  display = g_filename_display_name (path);
  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT,
               _("“%s” does not end in .png, .svg, .pdf, .csv or .json"), display);
  return FALSE;
}

const char *
atlas_export_format_to_extension (AtlasExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].extension;
  return NULL;
}

/* ---- shared with the briefing writer ---------------------------------- */

gboolean
atlas_export_check_cairo (cairo_status_t          status,
                          const AtlasAtomicFile  *file,
                          GError                **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (file != NULL && atlas_atomic_file_get_error (file) != NULL)
    {
      g_propagate_error (error, g_error_copy (atlas_atomic_file_get_error (file)));
      return FALSE;
    }
  if (status == CAIRO_STATUS_WRITE_ERROR)
    {
      g_set_error_literal (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE,
                           cairo_status_to_string (status));
      return FALSE;
    }
  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_CHART,
               _("The chart could not be drawn: %s"), cairo_status_to_string (status));
  return FALSE;
}

cairo_surface_t *
atlas_export_pdf_surface_new (AtlasAtomicFile *file,
                              double           width,
                              double           height,
                              const char      *title)
{
  cairo_surface_t *surface;

  surface = cairo_pdf_surface_create_for_stream (atlas_atomic_file_cairo_write, file, width, height);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rare Earth Atlas");
  return surface;
}

gboolean
atlas_export_finish_surface (cairo_surface_t        *surface,
                             const AtlasAtomicFile  *file,
                             GError                **error)
{
  if (!atlas_export_check_cairo (cairo_surface_status (surface), file, error))
    return FALSE;
  cairo_surface_finish (surface);
  return atlas_export_check_cairo (cairo_surface_status (surface), file, error);
}

/* ---- drawing a scene on each kind of surface -------------------------- */

static gboolean
draw_scene_on (const AtlasScene       *scene,
               cairo_surface_t        *surface,
               double                  scale,
               const AtlasAtomicFile  *file,
               GError                **error)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_scale (cr, scale, scale);
  atlas_scene_draw (scene, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  return atlas_export_check_cairo (status, file, error);
}

static int
png_pixels (double size, double scale)
{
  /* 1600 x 1.5 must be 2400, not 2401 through rounding noise. */
  return (int) ceil (size * scale - 1e-6);
}

static gboolean
check_png_size (double width, double height, double scale, GError **error)
{
  if (!(scale > 0 && isfinite (scale)))
    {
      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_SIZE,
                   _("A PNG cannot be drawn at scale %g"), scale);
      return FALSE;
    }
  if (!(width * scale >= 1 && height * scale >= 1 &&
        width * scale <= ATLAS_EXPORT_MAX_PIXELS && height * scale <= ATLAS_EXPORT_MAX_PIXELS))
    {
      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_SIZE,
                   _("A PNG of %g×%g pixels cannot be made (at most %d each way)"),
                   width * scale, height * scale, ATLAS_EXPORT_MAX_PIXELS);
      return FALSE;
    }
  if (png_pixels (width, scale) * (double) png_pixels (height, scale) > ATLAS_EXPORT_MAX_AREA)
    {
      g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_SIZE,
                   _("A PNG of %g×%g pixels cannot be made (at most %g million pixels in all)"),
                   width * scale, height * scale, ATLAS_EXPORT_MAX_AREA / 1e6);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_png (const AtlasScene       *scene,
           double                  scale,
           cairo_write_func_t      write,
           void                   *closure,
           const AtlasAtomicFile  *file,
           GError                **error)
{
  cairo_surface_t *surface;
  gboolean ok;

  if (!check_png_size (scene->width, scene->height, scale, error))
    return FALSE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        png_pixels (scene->width, scale),
                                        png_pixels (scene->height, scale));
  ok = atlas_export_check_cairo (cairo_surface_status (surface), file, error) &&
       draw_scene_on (scene, surface, scale, file, error) &&
       atlas_export_check_cairo (atlas_png_write_surface (surface, write, closure), file, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* Not through cairo's SVG surface, which turns every glyph into a path:
 * designers edit and search the text of an exported chart. */
static gboolean
write_svg (const AtlasScene *scene, AtlasAtomicFile *file, GError **error)
{
  g_autofree char *svg = NULL;
  gsize length = 0;

  svg = atlas_svg_writer_render (scene, &length);
  return atlas_atomic_file_write (file, svg, length, error);
}

/* @page NULL: a page the figure's size; else the figure sits inside the
 * paper's margins (the margins are left as paper). */
static gboolean
write_pdf (const AtlasScene *scene, const AtlasPageSize *page, AtlasAtomicFile *file, GError **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  surface = atlas_export_pdf_surface_new (file, page != NULL ? page->width : scene->width,
                                          page != NULL ? page->height : scene->height, scene->title);
  cr = cairo_create (surface);
  if (page != NULL)
    cairo_translate (cr, page->margin, page->margin);
  atlas_scene_draw (scene, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  ok = atlas_export_check_cairo (status, file, error) &&
       atlas_export_finish_surface (surface, file, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
write_scene (const AtlasScene   *scene,
             AtlasExportFormat   format,
             double              scale,
             AtlasAtomicFile    *file,
             GError            **error)
{
  switch (format)
    {
    case ATLAS_EXPORT_PNG:
      return write_png (scene, scale, atlas_atomic_file_cairo_write, file, file, error);
    case ATLAS_EXPORT_SVG:
      return write_svg (scene, file, error);
    case ATLAS_EXPORT_PDF:
      return write_pdf (scene, NULL, file, error);
    case ATLAS_EXPORT_JSON:
    case ATLAS_EXPORT_CSV:
    default:
      break;
    }
  /* JSON and CSV are text made before any file is opened. */
  g_return_val_if_reached (FALSE);
}

/* Checks that need no file come first, so a doomed export never creates
 * (and then deletes) a temporary file beside the user's. */
static gboolean
check_scene_format (const AtlasScene *scene, AtlasExportFormat format, double scale, GError **error)
{
  if (format == ATLAS_EXPORT_CSV)
    {
      g_set_error_literal (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT,
                           _("A drawn chart cannot be saved as CSV; export its data table instead"));
      return FALSE;
    }
  if (format == ATLAS_EXPORT_PNG)
    return check_png_size (scene->width, scene->height, scale, error);
  return TRUE;
}

gboolean
atlas_export_scene (const AtlasScene   *scene,
                    AtlasExportFormat   format,
                    double              scale,
                    const char         *path,
                    GError            **error)
{
  g_autoptr(AtlasAtomicFile) file = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_scene_format (scene, format, scale, error))
    return FALSE;
  /* JSON is made before the file is opened for the same reason. */
  if (format == ATLAS_EXPORT_JSON)
    {
      json = atlas_export_scene_json (scene);
      return atlas_atomic_file_set_contents (path, json, strlen (json), error);
    }

  file = atlas_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  if (!write_scene (scene, format, scale, file, error))
    return FALSE;
  return atlas_atomic_file_commit (file, error);
}

/* ---- from a request ---------------------------------------------------- */

AtlasScene *
atlas_export_layout (const AtlasExportRequest *request, GError **error)
{
  double width, height;

  g_return_val_if_fail (request != NULL && request->dataset != NULL && request->options != NULL, NULL);

  /* A chart on a sheet of paper is laid out in the area inside the
   * margins, in points, so its type has the size it has on screen at 1x. */
  width = request->width;
  height = request->height;
  if (request->page != NULL)
    atlas_page_size_get_inner (request->page, &width, &height);
  return atlas_chart_layout (request->dataset, request->options, width, height, request->style, error);
}

static gboolean
export_pdf_on_page (const AtlasExportRequest *request, const char *path, GError **error)
{
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(AtlasAtomicFile) file = NULL;

  scene = atlas_export_layout (request, error);
  if (scene == NULL)
    return FALSE;
  file = atlas_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  if (!write_pdf (scene, request->page, file, error))
    return FALSE;
  return atlas_atomic_file_commit (file, error);
}

static gboolean
export_table (const AtlasExportRequest *request, const char *path, GError **error)
{
  /* Streamed: a few million price points never are a table in memory. */
  return atlas_table_write_csv (request->dataset, request->options, path, error);
}

gboolean
atlas_export_chart (const AtlasExportRequest *request,
                    AtlasExportFormat         format,
                    const char               *path,
                    GError                  **error)
{
  g_autoptr(AtlasScene) scene = NULL;

  g_return_val_if_fail (request != NULL && request->dataset != NULL && request->options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == ATLAS_EXPORT_CSV)
    return export_table (request, path, error);
  if (request->page != NULL && format != ATLAS_EXPORT_PDF)
    {
      g_set_error_literal (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT,
                           _("A paper size only applies to PDF"));
      return FALSE;
    }
  if (request->page != NULL)
    return export_pdf_on_page (request, path, error);
  if (format == ATLAS_EXPORT_PNG &&
      !check_png_size (request->width, request->height, request->scale, error))
    return FALSE;

  scene = atlas_export_layout (request, error);
  if (scene == NULL)
    return FALSE;
  return atlas_export_scene (scene, format, request->scale, path, error);
}

static cairo_status_t
append_to_byte_array (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
atlas_export_chart_png (const AtlasExportRequest *request,
                        GError                  **error)
{
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(GByteArray) png = NULL;

  g_return_val_if_fail (request != NULL && request->dataset != NULL && request->options != NULL, NULL);

  if (!check_png_size (request->width, request->height, request->scale, error))
    return NULL;
  scene = atlas_export_layout (request, error);
  if (scene == NULL)
    return NULL;
  png = g_byte_array_new ();
  if (!write_png (scene, request->scale, append_to_byte_array, png, NULL, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}
