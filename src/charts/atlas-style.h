/* atlas-style.h: colours, type and the region palette shared by every chart. */
#pragma once

#include <glib.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} AtlasColor;

typedef struct {
  gboolean        dark;
  char           *font_family;   /* "Sans" unless the desktop says otherwise */
  double          font_scale;    /* 1.0; presentation mode uses more */
  /* No text smaller than this many px before font_scale (0: no floor).
   * The window sets its own body text size here, so chart text is never
   * smaller than the text around it. */
  double          min_font_px;
  const char     *lang;          /* dataset text language; NULL: the user's */
  AtlasColor background;
  AtlasColor foreground;    /* titles, labels */
  AtlasColor muted;         /* footers, axis labels */
  AtlasColor grid;          /* gridlines, axes */
  AtlasColor accent;        /* selection outline */
} AtlasStyle;

/* Light or dark defaults. The returned style is newly allocated. */
AtlasStyle *atlas_style_new       (gboolean dark);
AtlasStyle *atlas_style_copy      (const AtlasStyle *style);
void        atlas_style_free      (AtlasStyle *style);
void        atlas_style_set_font_family (AtlasStyle *style, const char *family);

/* The colour of a region: the dataset's when it has one, else a colour of
 * a colour-blind-safe palette chosen by the region's position in the
 * dataset's list, so a region has the same colour in every chart. */
void        atlas_style_region_color (const AtlasStyle  *style,
                                      AtlasDataset      *dataset,
                                      const AtlasRegion *region,
                                      AtlasColor   *out);
/* A palette colour by index (series lines, nodes without a region). */
void        atlas_style_palette_color (const AtlasStyle *style,
                                       guint             index,
                                       AtlasColor  *out);
/* The colour of member @shade (0, 1, 2, ...) of hue family @family: the
 * family's base hue from the colour-blind-safe palette, made darker or
 * lighter for each further member (lightness tells shades apart for every
 * kind of colour vision), and never so dark or light that it fades into
 * the style's background.  For series that belong together, such as the
 * prices of one element by different measures. */
void atlas_style_family_color (const AtlasStyle *style, guint family, guint shade, AtlasColor *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasStyle, atlas_style_free)

G_END_DECLS
