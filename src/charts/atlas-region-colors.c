/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-region-colors.c: a search for region colours that differ in hue family where regions touch
 * and stay far apart in CIE76 ΔE everywhere in the figure. */
#include <math.h>
#include <string.h>

#include "atlas-region-colors.h"

/* The distances tried, strictest first: about 25 tells colours apart at a
 * glance, 15 still beside a legend swatch.  A figure with more regions
 * than the palette can keep that far apart gets the best of the lower
 * ones, and families still differ where regions touch. */
static const double thresholds[] = { 30, 25, 20, 15, 10, 0 };

/* How much further apart two colours of one hue family must be. */
#define SAME_FAMILY_EXTRA 15.0

/* Steps of the search per threshold: a figure has a dozen regions at
 * most, and a failing threshold should be given up on quickly. */
#define SEARCH_BUDGET 3000

typedef struct {
  const AtlasRegion *region;
  double             weight;
  guint              order;       /* first added first, among equal weights */
  int                palette;     /* the entry assigned; -1 for a dataset colour */
  AtlasColor         color;
  double             lab[3];
  AtlasHueFamily     family;
} Entry;

struct _AtlasRegionColors {
  AtlasStyle   *style;
  AtlasDataset *dataset;
  GArray       *entries;          /* Entry */
  GArray       *touching;         /* pairs of const AtlasRegion* */
  GArray       *reserved;         /* AtlasColor */
  guint8       *touches;          /* n × n, built by assign() */
  gboolean      assigned;
  /* The palette as this style draws it. */
  AtlasColor   *candidates;
  double      (*candidate_lab)[3];
  guint         n_candidates;
  int           budget;
};

AtlasRegionColors *
atlas_region_colors_new (const AtlasStyle *style, AtlasDataset *dataset)
{
  AtlasRegionColors *self = g_new0 (AtlasRegionColors, 1);

  self->style = atlas_style_copy (style);
  self->dataset = g_object_ref (dataset);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  self->touching = g_array_new (FALSE, FALSE, sizeof (gpointer));
  self->reserved = g_array_new (FALSE, FALSE, sizeof (AtlasColor));
  self->n_candidates = atlas_style_palette_size ();
  self->candidates = g_new (AtlasColor, self->n_candidates);
  self->candidate_lab = g_malloc_n (self->n_candidates, sizeof *self->candidate_lab);
  for (guint i = 0; i < self->n_candidates; i++)
    {
      atlas_style_palette_color (style, i, &self->candidates[i]);
      atlas_color_to_lab (&self->candidates[i], self->candidate_lab[i]);
    }
  return self;
}

void
atlas_region_colors_free (AtlasRegionColors *self)
{
  if (self == NULL)
    return;
  atlas_style_free (self->style);
  g_object_unref (self->dataset);
  g_array_unref (self->entries);
  g_array_unref (self->touching);
  g_array_unref (self->reserved);
  g_free (self->touches);
  g_free (self->candidates);
  g_free (self->candidate_lab);
  g_free (self);
}

static int
find_entry (const AtlasRegionColors *self, const AtlasRegion *region)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, Entry, i).region == region)
      return (int) i;
  return -1;
}

void
atlas_region_colors_add (AtlasRegionColors *self, const AtlasRegion *region, double weight)
{
  int index;

  g_return_if_fail (!self->assigned);
  if (region == NULL)
    return;
  index = find_entry (self, region);
  if (index < 0)
    {
      Entry entry = { 0 };

      entry.region = region;
      entry.order = self->entries->len;
      entry.palette = -1;

      g_array_append_val (self->entries, entry);
      index = (int) self->entries->len - 1;
    }
  g_array_index (self->entries, Entry, index).weight += weight;
}

void
atlas_region_colors_touch (AtlasRegionColors *self, const AtlasRegion *a, const AtlasRegion *b)
{
  g_return_if_fail (!self->assigned);
  if (a == NULL || b == NULL || a == b)
    return;
  atlas_region_colors_add (self, a, 0);
  atlas_region_colors_add (self, b, 0);
  /* Kept as regions until assign(): entries are sorted there. */
  g_array_append_val (self->touching, a);
  g_array_append_val (self->touching, b);
}

void
atlas_region_colors_reserve (AtlasRegionColors *self, const AtlasColor *color)
{
  g_array_append_val (self->reserved, *color);
}

static int
by_weight (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static double
lab_distance (const double a[3], const double b[3])
{
  return sqrt ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

/* Whether entry @k may take @color of @family, given entries 0..k-1. */
static gboolean
fits (const AtlasRegionColors *self, guint k, int palette, const double lab[3], AtlasHueFamily family,
      double threshold)
{
  guint n = self->entries->len;

  for (guint j = 0; j < k; j++)
    {
      const Entry *other = &g_array_index (self->entries, Entry, j);

      if (palette >= 0 && other->palette == palette)
        return FALSE;
      if (self->touches[k * n + j] && family == other->family && family != ATLAS_HUE_NEUTRAL)
        return FALSE;
      /* Two of one family, even apart, are told apart by more than hue:
       * lightness, which every kind of colour vision sees. */
      if (lab_distance (lab, other->lab) < threshold + (family == other->family ? SAME_FAMILY_EXTRA : 0))
        return FALSE;
    }
  for (guint r = 0; r < self->reserved->len; r++)
    {
      double reserved[3];

      atlas_color_to_lab (&g_array_index (self->reserved, AtlasColor, r), reserved);
      if (lab_distance (lab, reserved) < threshold)
        return FALSE;
    }
  return TRUE;
}

static gboolean
search (AtlasRegionColors *self, guint k, double threshold, gboolean families)
{
  Entry *entry;
  int preferred;

  if (k == self->entries->len)
    return TRUE;
  if (self->budget-- <= 0)
    return FALSE;
  entry = &g_array_index (self->entries, Entry, k);
  if (entry->region->has_color)
    {
      /* The dataset's choice stands; only the others make room for it. */
      entry->palette = -1;
      atlas_style_region_color (self->style, self->dataset, entry->region, &entry->color);
      entry->family = atlas_style_color_family (self->style, &entry->color);
      atlas_color_to_lab (&entry->color, entry->lab);
      return search (self, k + 1, threshold, families);
    }
  preferred = atlas_style_region_palette_index (self->dataset, entry->region);
  /* Its usual colour first, then the palette in order (most distinct first). */
  for (int c = -1; c < (int) self->n_candidates; c++)
    {
      int palette = c < 0 ? preferred : c;
      AtlasHueFamily family;

      if (palette < 0 || (c >= 0 && c == preferred))
        continue;
      family = atlas_style_palette_family ((guint) palette);
      if (family == ATLAS_HUE_NEUTRAL)
        continue;   /* grey is "Other"'s */
      if (!fits (self, k, palette, self->candidate_lab[palette], families ? family : ATLAS_HUE_NEUTRAL, threshold))
        continue;
      entry->palette = palette;
      entry->color = self->candidates[palette];
      memcpy (entry->lab, self->candidate_lab[palette], sizeof entry->lab);
      entry->family = family;
      if (search (self, k + 1, threshold, families))
        return TRUE;
      if (self->budget <= 0)
        break;
    }
  entry->palette = -1;
  return FALSE;
}

void
atlas_region_colors_assign (AtlasRegionColors *self)
{
  guint n = self->entries->len;

  g_return_if_fail (!self->assigned);
  self->assigned = TRUE;
  g_array_sort (self->entries, by_weight);
  self->touches = g_new0 (guint8, MAX (n * n, 1));
  for (guint i = 0; i + 1 < self->touching->len; i += 2)
    {
      int a = find_entry (self, g_array_index (self->touching, const AtlasRegion *, i));
      int b = find_entry (self, g_array_index (self->touching, const AtlasRegion *, i + 1));

      self->touches[a * n + b] = self->touches[b * n + a] = 1;
    }
  for (int families = 1; families >= 0; families--)
    for (guint t = 0; t < G_N_ELEMENTS (thresholds); t++)
      {
        self->budget = SEARCH_BUDGET;
        if (search (self, 0, thresholds[t], families))
          return;
      }
  /* More regions than the palette has colours: their usual ones. */
  for (guint i = 0; i < n; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      atlas_style_region_color (self->style, self->dataset, entry->region, &entry->color);
      entry->family = atlas_style_color_family (self->style, &entry->color);
    }
}

gboolean
atlas_region_colors_lookup (const AtlasRegionColors *self, const AtlasRegion *region, AtlasColor *out)
{
  int index = find_entry (self, region);

  if (index < 0 || !self->assigned)
    {
      atlas_style_region_color (self->style, self->dataset, region, out);
      return FALSE;
    }
  *out = g_array_index (self->entries, Entry, index).color;
  return TRUE;
}

double
atlas_region_colors_min_distance (const AtlasRegionColors *self)
{
  double least = G_MAXDOUBLE;

  for (guint i = 0; i < self->entries->len; i++)
    for (guint j = i + 1; j < self->entries->len; j++)
      least = MIN (least, atlas_color_delta_e (&g_array_index (self->entries, Entry, i).color,
                                               &g_array_index (self->entries, Entry, j).color));
  return least;
}
