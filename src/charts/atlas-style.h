/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-style.h: colours, type and the region palette shared by every chart. */
#pragma once

#include <glib.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} AtlasColor;

/* Colours of one family read as shades of one hue (three blues, two
 * greens): a chart does not draw two of them side by side. */
typedef enum {
  ATLAS_HUE_NEUTRAL,   /* greys: "Other", missing values */
  ATLAS_HUE_RED,       /* vermillion, salmon, brown */
  ATLAS_HUE_AMBER,     /* orange, yellow, olive, sand, pear */
  ATLAS_HUE_GREEN,     /* greens and teals */
  ATLAS_HUE_BLUE,      /* blues, cyan, indigo */
  ATLAS_HUE_MAGENTA,   /* purples, wine, rose, pink */
} AtlasHueFamily;

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
/* The palette entry atlas_style_region_color() gives @region; -1 when it
 * has a colour of its own or is not in the dataset. */
int         atlas_style_region_palette_index (AtlasDataset *dataset, const AtlasRegion *region);
/* A palette colour by index (series lines, nodes without a region). */
void        atlas_style_palette_color (const AtlasStyle *style,
                                       guint             index,
                                       AtlasColor  *out);
/* The colour of member @shade (0, 1, 2, ...) of hue family @family: the
 * family's base hue from the colour-blind-safe palette, made darker or
 * lighter for each further member (lightness tells shades apart for every
 * kind of colour vision), and never so dark or light that it fades into
 * the style's background.  For series that belong together, such as the
 * prices of one element by different measures.  Shades repeat after
 * ATLAS_STYLE_N_SHADES; the later ones lie between earlier ones, closer
 * to them, so the first five are the most distinct. */
#define ATLAS_STYLE_N_SHADES 7
void atlas_style_family_color (const AtlasStyle *style, guint family, guint shade, AtlasColor *out);

/* The palette's length, and the hue family of its entry @index. */
guint          atlas_style_palette_size   (void);
AtlasHueFamily atlas_style_palette_family (guint index);
/* The hue family @color belongs to as drawn in @style: that of the nearest
 * palette colour, or neutral for a grey. */
AtlasHueFamily atlas_style_color_family   (const AtlasStyle *style, const AtlasColor *color);

/* CIE L*a*b* of an sRGB colour (D65), and the CIE76 colour difference: the
 * Euclidean distance in L*a*b*, where about 2.3 is just noticeable and
 * colours some 20 apart are told apart at a glance. */
void   atlas_color_to_lab  (const AtlasColor *color, double lab[3]);
double atlas_color_delta_e (const AtlasColor *a, const AtlasColor *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasStyle, atlas_style_free)

G_END_DECLS
