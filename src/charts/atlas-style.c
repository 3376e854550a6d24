/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-style.c: light and dark chart styles and the colour-blind-safe region palette. */
#include <math.h>

#include "atlas-style.h"

/* Okabe and Ito's colour-blind-safe set, extended with Paul Tol's muted
 * scheme so a dataset with many regions still gets distinct colours. The
 * first entries go to the first regions of the file, which in practice are
 * the ones a briefing talks about most.  Each entry belongs to a hue family
 * (by its CIE LCh hue): two colours of one family side by side read as
 * shades of one thing, so a chart never puts them next to each other. */
static const struct {
  guint32        rgb;
  AtlasHueFamily family;
} palette[] = {
  { 0xD55E00, ATLAS_HUE_RED },      /* vermillion */
  { 0x0072B2, ATLAS_HUE_BLUE },     /* blue */
  { 0xE69F00, ATLAS_HUE_AMBER },    /* orange */
  { 0x009E73, ATLAS_HUE_GREEN },    /* bluish green */
  { 0xCC79A7, ATLAS_HUE_MAGENTA },  /* reddish purple */
  { 0x56B4E9, ATLAS_HUE_BLUE },     /* sky blue */
  { 0xF0E442, ATLAS_HUE_AMBER },    /* yellow */
  { 0x332288, ATLAS_HUE_BLUE },     /* indigo */
  { 0x117733, ATLAS_HUE_GREEN },    /* green */
  { 0x88CCEE, ATLAS_HUE_BLUE },     /* cyan */
  { 0xAA4499, ATLAS_HUE_MAGENTA },  /* purple */
  { 0x44AA99, ATLAS_HUE_GREEN },    /* teal */
  { 0x999933, ATLAS_HUE_AMBER },    /* olive */
  { 0x882255, ATLAS_HUE_MAGENTA },  /* wine */
  { 0xDDCC77, ATLAS_HUE_AMBER },    /* sand */
  { 0x661100, ATLAS_HUE_RED },      /* brown */
  { 0x6699CC, ATLAS_HUE_BLUE },     /* steel */
  { 0xAA4466, ATLAS_HUE_MAGENTA },  /* rose */
  { 0xEE8866, ATLAS_HUE_RED },      /* salmon */
  { 0x225555, ATLAS_HUE_GREEN },    /* dark teal */
  { 0xBBCC33, ATLAS_HUE_AMBER },    /* pear */
  { 0x4477AA, ATLAS_HUE_BLUE },     /* mid blue */
  { 0xFFAABB, ATLAS_HUE_MAGENTA },  /* pink */
  { 0x777777, ATLAS_HUE_NEUTRAL },  /* grey */
};

static AtlasColor
rgb (guint32 value, double alpha)
{
  AtlasColor c = {
    ((value >> 16) & 0xff) / 255.0,
    ((value >> 8) & 0xff) / 255.0,
    (value & 0xff) / 255.0,
    alpha,
  };
  return c;
}

AtlasStyle *
atlas_style_new (gboolean dark)
{
  AtlasStyle *style = g_new0 (AtlasStyle, 1);

  style->dark = dark;
  style->font_family = g_strdup ("Sans");
  style->font_scale = 1.0;
  if (dark)
    {
      style->background = rgb (0x1e1e1e, 1.0);
      style->foreground = rgb (0xf2f2f2, 1.0);
      style->muted = rgb (0xb0b0b0, 1.0);
      style->grid = rgb (0x4a4a4a, 1.0);
      style->accent = rgb (0x78aeed, 1.0);
    }
  else
    {
      style->background = rgb (0xffffff, 1.0);
      style->foreground = rgb (0x1a1a1a, 1.0);
      style->muted = rgb (0x5e5e5e, 1.0);
      style->grid = rgb (0xd8d8d8, 1.0);
      style->accent = rgb (0x1c71d8, 1.0);
    }
  return style;
}

AtlasStyle *
atlas_style_copy (const AtlasStyle *style)
{
  AtlasStyle *copy = g_new (AtlasStyle, 1);

  *copy = *style;
  copy->font_family = g_strdup (style->font_family);
  return copy;
}

void
atlas_style_free (AtlasStyle *style)
{
  if (style == NULL)
    return;
  g_free (style->font_family);
  g_free (style);
}

void
atlas_style_set_font_family (AtlasStyle *style, const char *family)
{
  g_free (style->font_family);
  style->font_family = g_strdup (family != NULL && *family != '\0' ? family : "Sans");
}

void
atlas_style_palette_color (const AtlasStyle *style, guint index, AtlasColor *out)
{
  double luma;

  *out = rgb (palette[index % G_N_ELEMENTS (palette)].rgb, 1.0);
  luma = 0.2126 * out->red + 0.7152 * out->green + 0.0722 * out->blue;
  /* The darkest entries vanish on a dark background and the palest (yellow,
   * sand, pink) on a white one: move them towards the middle. */
  if (style != NULL && style->dark && luma < 0.25)
    {
      out->red = out->red * 0.6 + 0.4;
      out->green = out->green * 0.6 + 0.4;
      out->blue = out->blue * 0.6 + 0.4;
    }
  else if ((style == NULL || !style->dark) && luma > 0.7)
    {
      out->red *= 0.8;
      out->green *= 0.8;
      out->blue *= 0.8;
    }
}

int
atlas_style_region_palette_index (AtlasDataset *dataset, const AtlasRegion *region)
{
  GPtrArray *regions = atlas_dataset_get_regions (dataset);

  if (region == NULL || region->has_color)
    return -1;
  /* The palette index is the region's position among the regions without a
   * colour of their own, so dataset colours do not shift the others. */
  for (guint i = 0, n = 0; i < regions->len; i++)
    {
      const AtlasRegion *r = g_ptr_array_index (regions, i);

      if (r == region)
        return (int) (n % G_N_ELEMENTS (palette));
      if (!r->has_color)
        n++;
    }
  return -1;
}

void
atlas_style_region_color (const AtlasStyle  *style,
                          AtlasDataset      *dataset,
                          const AtlasRegion *region,
                          AtlasColor        *out)
{
  int index;

  if (region != NULL && region->has_color)
    {
      out->red = region->red;
      out->green = region->green;
      out->blue = region->blue;
      out->alpha = 1.0;
      return;
    }
  index = atlas_style_region_palette_index (dataset, region);
  if (index < 0)
    {
      *out = style != NULL ? style->muted : rgb (0x808080, 1.0);
      return;
    }
  atlas_style_palette_color (style, (guint) index, out);
}

/* Hues far apart from one another, so that a family's lighter and darker
 * members still belong to it and to no other: Okabe and Ito's vermillion,
 * blue, bluish green and reddish purple first (orange and sky blue would be
 * taken for shades of vermillion and blue), then the darker ones of Tol's
 * muted scheme. */
static const guint32 family_rgb[] = {
  0xD55E00, /* vermillion */
  0x0072B2, /* blue */
  0x009E73, /* bluish green */
  0xCC79A7, /* reddish purple */
  0xE69F00, /* orange */
  0x332288, /* indigo */
  0x999933, /* olive */
  0x882255, /* wine */
};

/* Towards black (@amount < 0) or white (@amount > 0). */
static void
shade_toward (AtlasColor *c, double amount)
{
  double target = amount > 0 ? 1.0 : 0.0, t = fabs (amount);

  c->red += (target - c->red) * t;
  c->green += (target - c->green) * t;
  c->blue += (target - c->blue) * t;
}

void
atlas_style_family_color (const AtlasStyle *style, guint family, guint shade, AtlasColor *out)
{
  /* Towards white when positive, black when negative.  First the base,
   * then a shade away from the background; on white the next may be
   * lighter, but on the dark theme a darker shade of blue or wine sinks
   * into the background, so there the shades go lighter twice first. */
  static const double light_steps[ATLAS_STYLE_N_SHADES] = { 0.0, -0.45, 0.4, -0.7, 0.6, -0.22, 0.2 };
  static const double dark_steps[ATLAS_STYLE_N_SHADES] = { 0.0, 0.4, 0.7, -0.25, 0.85, 0.2, 0.55 };
  gboolean dark = style != NULL && style->dark;
  double step = dark ? dark_steps[shade % G_N_ELEMENTS (dark_steps)]
                     : light_steps[shade % G_N_ELEMENTS (light_steps)];
  double luma;

  *out = rgb (family_rgb[family % G_N_ELEMENTS (family_rgb)], 1.0);
  luma = 0.2126 * out->red + 0.7152 * out->green + 0.0722 * out->blue;
  /* A dark base (indigo, wine) first comes up to where it reads on the
   * dark theme, as the region palette does. */
  if (dark && luma < 0.25)
    shade_toward (out, 0.4);
  shade_toward (out, step);
}

guint
atlas_style_palette_size (void)
{
  return G_N_ELEMENTS (palette);
}

AtlasHueFamily
atlas_style_palette_family (guint index)
{
  return palette[index % G_N_ELEMENTS (palette)].family;
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16) / 116;
}

void
atlas_color_to_lab (const AtlasColor *color, double lab[3])
{
  double r = linear (color->red), g = linear (color->green), b = linear (color->blue);
  /* sRGB to XYZ, relative to the D65 white. */
  double fx = lab_f ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  double fy = lab_f (0.2126 * r + 0.7152 * g + 0.0722 * b);
  double fz = lab_f ((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);

  lab[0] = 116 * fy - 16;
  lab[1] = 500 * (fx - fy);
  lab[2] = 200 * (fy - fz);
}

double
atlas_color_delta_e (const AtlasColor *a, const AtlasColor *b)
{
  double la[3], lb[3];

  atlas_color_to_lab (a, la);
  atlas_color_to_lab (b, lb);
  return sqrt ((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) +
               (la[2] - lb[2]) * (la[2] - lb[2]));
}

/* Below this chroma a colour reads as grey whatever its hue. */
#define NEUTRAL_CHROMA 12.0

AtlasHueFamily
atlas_style_color_family (const AtlasStyle *style, const AtlasColor *color)
{
  AtlasHueFamily family = ATLAS_HUE_NEUTRAL;
  double lab[3], best = G_MAXDOUBLE;

  atlas_color_to_lab (color, lab);
  if (hypot (lab[1], lab[2]) < NEUTRAL_CHROMA)
    return ATLAS_HUE_NEUTRAL;
  /* The family of the nearest palette colour as this style draws it, so
   * a dataset's own colour is judged as the palette's are. */
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      AtlasColor entry;
      double distance;

      if (palette[i].family == ATLAS_HUE_NEUTRAL)
        continue;
      atlas_style_palette_color (style, i, &entry);
      distance = atlas_color_delta_e (color, &entry);
      if (distance < best)
        {
          best = distance;
          family = palette[i].family;
        }
    }
  return family;
}
