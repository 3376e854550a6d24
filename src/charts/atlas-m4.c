/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-m4.c: M4 decimation of polylines and bands per pixel column. */
#include "atlas-m4.h"

void
atlas_m4_begin (AtlasM4 *m4,
                double   columns_per_unit,
                GArray  *out)
{
  g_return_if_fail (out != NULL && g_array_get_element_size (out) == sizeof (gsize));
  g_return_if_fail (columns_per_unit > 0);

  *m4 = (AtlasM4) { 0 };
  m4->out = out;
  m4->columns_per_unit = columns_per_unit;
}

void
atlas_m4_flush_column (AtlasM4 *m4)
{
  gsize kept[4] = { m4->first, m4->low, m4->high, m4->last };

  /* The polyline must visit the four in the order of the data, or the
   * segments joining them would cross the column differently. */
  for (guint i = 1; i < 4; i++)
    for (guint j = i; j > 0 && kept[j - 1] > kept[j]; j--)
      {
        gsize swap = kept[j];
        kept[j] = kept[j - 1];
        kept[j - 1] = swap;
      }
  for (guint i = 0; i < 4; i++)
    if (i == 0 || kept[i] != kept[i - 1])
      g_array_append_val (m4->out, kept[i]);
  m4->open = FALSE;
}

void
atlas_m4_end (AtlasM4 *m4)
{
  if (m4->open)
    atlas_m4_flush_column (m4);
}

void
atlas_m4_band_begin (AtlasM4Band *band,
                     double       columns_per_unit,
                     GArray      *low_out,
                     GArray      *high_out)
{
  atlas_m4_begin (&band->low, columns_per_unit, low_out);
  atlas_m4_begin (&band->high, columns_per_unit, high_out);
}

void
atlas_m4_band_end (AtlasM4Band *band)
{
  atlas_m4_end (&band->low);
  atlas_m4_end (&band->high);
}

GArray *
atlas_m4_decimate (const double *xs,
                   const double *ys,
                   gsize         n,
                   double        columns_per_unit)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gsize));
  AtlasM4 m4;

  atlas_m4_begin (&m4, columns_per_unit, out);
  for (gsize i = 0; i < n; i++)
    atlas_m4_add (&m4, i, xs[i], ys[i]);
  atlas_m4_end (&m4);
  return out;
}
