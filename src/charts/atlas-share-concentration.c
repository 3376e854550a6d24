/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-share-concentration.c: the concentration figures a briefing asks of each share bar. */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-format.h"
#include "atlas-share-concentration.h"

/* Shares closer than this to each other (as fractions of the whole) are
 * treated as equal, so rounding in a dataset does not flip a "≥". */
#define SHARE_EPSILON 1e-9

typedef struct {
  const AtlasRegion *region;
  double             value;
} RegionTotal;

static int
compare_region_totals_descending (gconstpointer a, gconstpointer b)
{
  const RegionTotal *ra = a, *rb = b;

  return (ra->value < rb->value) - (ra->value > rb->value);
}

/* A region listed twice in one bar is still one region for concentration. */
static GArray *
sum_parts_by_region (const AtlasShare *share, double *unnamed)
{
  GArray *totals = g_array_new (FALSE, FALSE, sizeof (RegionTotal));

  *unnamed = 0;
  for (guint i = 0; i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);
      gboolean merged = FALSE;

      if (part->region == NULL)
        {
          *unnamed += part->value;
          continue;
        }
      for (guint j = 0; j < totals->len && !merged; j++)
        {
          RegionTotal *total = &g_array_index (totals, RegionTotal, j);

          if (total->region == part->region)
            {
              total->value += part->value;
              merged = TRUE;
            }
        }
      if (!merged && part->value > 0)
        g_array_append_val (totals, ((RegionTotal) { part->region, part->value }));
    }
  g_array_sort (totals, compare_region_totals_descending);
  return totals;
}

gboolean
atlas_share_concentration (const AtlasShare        *share,
                           AtlasShareConcentration *out)
{
  g_autoptr(GArray) totals = NULL;
  double whole = share->total, unnamed, third;
  gboolean has_other;

  *out = (AtlasShareConcentration) { 0 };
  if (!(whole > 0))
    return FALSE;

  totals = sum_parts_by_region (share, &unnamed);
  out->other_share = (MAX (whole - share->parts_sum, 0) + unnamed) / whole;
  out->n_regions = totals->len;
  for (guint i = 0; i < totals->len; i++)
    {
      const RegionTotal *total = &g_array_index (totals, RegionTotal, i);
      double fraction = total->value / whole;

      if (i == 0)
        {
          out->top_region = total->region;
          out->top_share = fraction;
        }
      if (i < 3)
        out->top3_share += fraction;
      out->hhi += (100 * fraction) * (100 * fraction);
    }

  /* An unnamed remainder could hide a region larger than a named one (the
   * figure is then a lower bound), or many small ones that add almost
   * nothing to the index; either way the named regions count for sure. */
  has_other = out->other_share > SHARE_EPSILON;
  third = totals->len >= 3 ? g_array_index (totals, RegionTotal, 2).value / whole : 0;
  out->hhi_is_lower_bound = has_other;
  out->top_is_lower_bound = has_other && out->other_share > out->top_share + SHARE_EPSILON;
  out->top3_is_lower_bound = has_other && out->other_share > third + SHARE_EPSILON;
  return TRUE;
}

static char *
format_share (double fraction, gboolean lower_bound)
{
  g_autofree char *percent = atlas_format_percent (fraction);

  return lower_bound ? g_strdup_printf ("≥ %s", percent) : g_steal_pointer (&percent);
}

static char *
format_hhi (const AtlasShareConcentration *c)
{
  /* A lower bound is rounded down so that "≥" stays true. */
  g_autofree char *number = atlas_format_number (c->hhi_is_lower_bound ? floor (c->hhi)
                                                                        : round (c->hhi), 0);

  if (c->hhi_is_lower_bound)
    /* TRANSLATORS: Herfindahl-Hirschman index, a lower bound; %s is a number like 8,470 */
    return g_strdup_printf (_("HHI ≥ %s"), number);
  /* TRANSLATORS: Herfindahl-Hirschman index; %s is a number like 8,500 */
  return g_strdup_printf (_("HHI %s"), number);
}

static char *
format_top (const AtlasShareConcentration *c, AtlasConcentrationDetail detail, const char *lang)
{
  const char *name = atlas_text_get (c->top_region->name, lang);
  g_autofree char *percent = atlas_format_percent (c->top_share);

  if (detail != ATLAS_CONCENTRATION_FULL)
    return g_strdup_printf ("%s %s", name, percent);
  if (c->top_is_lower_bound)
    /* TRANSLATORS: the largest region that the data names; "China 40 %" */
    return g_strdup_printf (_("Largest named: %s %s"), name, percent);
  /* TRANSLATORS: the region with the largest share; "China 92 %" */
  return g_strdup_printf (_("Top: %s %s"), name, percent);
}

static char *
format_top3 (const AtlasShareConcentration *c, AtlasConcentrationDetail detail)
{
  g_autofree char *share = format_share (c->top3_share, c->top3_is_lower_bound);

  if (detail == ATLAS_CONCENTRATION_FULL)
    /* TRANSLATORS: the three largest regions together; "98 %" */
    return g_strdup_printf (_("Top 3: %s"), share);
  /* TRANSLATORS: compact form of "Top 3: 98 %" */
  return g_strdup_printf (_("Top 3 %s"), share);
}

gboolean
atlas_share_concentration_has_index (const AtlasShareConcentration *concentration)
{
  /* A concentration index says something of three regions or more; of
   * "China / Other" or two regions it only restates the bar. */
  return concentration->n_regions >= 3;
}

char *
atlas_share_concentration_format (const AtlasShareConcentration *concentration,
                                  AtlasConcentrationDetail       detail,
                                  const char                    *lang)
{
  g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func (g_free);
  gboolean hhi_means_something = atlas_share_concentration_has_index (concentration);

  if (!hhi_means_something && detail == ATLAS_CONCENTRATION_MINIMAL)
    detail = ATLAS_CONCENTRATION_SHORT;
  if (concentration->top_region != NULL && detail != ATLAS_CONCENTRATION_MINIMAL)
    {
      g_ptr_array_add (pieces, format_top (concentration, detail, lang));
      /* Top 3 says nothing new of one region, nor of two that make up
       * the whole (100 %). */
      if (detail != ATLAS_CONCENTRATION_SHORT &&
          (concentration->n_regions > 2 ||
           (concentration->n_regions == 2 && concentration->top3_is_lower_bound)))
        g_ptr_array_add (pieces, format_top3 (concentration, detail));
    }
  if (hhi_means_something || pieces->len == 0)
    g_ptr_array_add (pieces, format_hhi (concentration));
  g_ptr_array_add (pieces, NULL);
  return g_strjoinv (" · ", (char **) pieces->pdata);
}
