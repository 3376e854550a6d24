/* atlas-style.c: light and dark chart styles and the colour-blind-safe region palette. */
#include "atlas-style.h"

/* Okabe and Ito's colour-blind-safe set, extended with Paul Tol's muted
 * scheme so a dataset with many regions still gets distinct colours. The
 * first entries go to the first regions of the file, which in practice are
 * the ones a briefing talks about most. */
static const guint32 palette_rgb[] = {
  0xD55E00, /* vermillion */
  0x0072B2, /* blue */
  0xE69F00, /* orange */
  0x009E73, /* bluish green */
  0xCC79A7, /* reddish purple */
  0x56B4E9, /* sky blue */
  0xF0E442, /* yellow */
  0x332288, /* indigo */
  0x117733, /* green */
  0x88CCEE, /* cyan */
  0xAA4499, /* purple */
  0x44AA99, /* teal */
  0x999933, /* olive */
  0x882255, /* wine */
  0xDDCC77, /* sand */
  0x661100, /* brown */
  0x6699CC, /* steel */
  0xAA4466, /* rose */
  0xEE8866, /* salmon */
  0x225555, /* dark teal */
  0xBBCC33, /* pear */
  0x4477AA, /* mid blue */
  0xFFAABB, /* pink */
  0x777777, /* grey */
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

  *out = rgb (palette_rgb[index % G_N_ELEMENTS (palette_rgb)], 1.0);
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

void
atlas_style_region_color (const AtlasStyle  *style,
                          AtlasDataset      *dataset,
                          const AtlasRegion *region,
                          AtlasColor        *out)
{
  GPtrArray *regions;

  if (region == NULL)
    {
      *out = style != NULL ? style->muted : rgb (0x808080, 1.0);
      return;
    }
  if (region->has_color)
    {
      out->red = region->red;
      out->green = region->green;
      out->blue = region->blue;
      out->alpha = 1.0;
      return;
    }

  /* The palette index is the region's position among the regions without a
   * colour of their own, so dataset colours do not shift the others. */
  regions = atlas_dataset_get_regions (dataset);
  for (guint i = 0, n = 0; i < regions->len; i++)
    {
      const AtlasRegion *r = g_ptr_array_index (regions, i);

      if (r == region)
        {
          atlas_style_palette_color (style, n, out);
          return;
        }
      if (!r->has_color)
        n++;
    }
  *out = style != NULL ? style->muted : rgb (0x808080, 1.0);
}
