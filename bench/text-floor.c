/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench/text-floor.c: the floor under the export benchmark: a process that lays out and draws one line of text on a 1600x900 surface and writes nothing. */
#include <pango/pangocairo.h>

/* Everything an export pays before its chart: starting, loading cairo,
 * Pango and fontconfig, one font found and shaped, one image allocated.
 * Timed against gnuplot, it shows how much of the CSV target is left for
 * reading the points, the other labels, the line and the PNG. */
int
main (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1600, 900);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 16");
  int status;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "Dysprosium oxide, benchmark series", -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 40, 20);
  pango_cairo_show_layout (cr, layout);
  cairo_surface_flush (surface);
  status = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS ? 0 : 1;

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return status;
}
