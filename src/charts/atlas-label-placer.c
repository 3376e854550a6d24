/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-label-placer.c: keeps label boxes apart so no two labels of a figure overlap. */
#include "atlas-label-placer.h"
#include "atlas-scene-private.h"

struct _AtlasLabelPlacer {
  AtlasRect bounds;
  GArray   *taken;   /* AtlasRect */
};

AtlasLabelPlacer *
atlas_label_placer_new (const AtlasRect *bounds)
{
  AtlasLabelPlacer *placer = g_new0 (AtlasLabelPlacer, 1);

  placer->bounds = *bounds;
  placer->taken = g_array_new (FALSE, FALSE, sizeof (AtlasRect));
  return placer;
}

void
atlas_label_placer_free (AtlasLabelPlacer *placer)
{
  if (placer == NULL)
    return;
  g_array_unref (placer->taken);
  g_free (placer);
}

gboolean
atlas_label_placer_is_free (const AtlasLabelPlacer *placer, const AtlasRect *box)
{
  if (!atlas_rect_contains (&placer->bounds, box))
    return FALSE;
  /* A figure has at most a few hundred labels: a linear scan is cheaper
   * than keeping a spatial index up to date. */
  atlas_scene_count_comparisons (placer->taken->len);
  for (guint i = 0; i < placer->taken->len; i++)
    if (atlas_rect_intersects (&g_array_index (placer->taken, AtlasRect, i), box))
      return FALSE;
  return TRUE;
}

gboolean
atlas_label_placer_try (AtlasLabelPlacer *placer, const AtlasRect *box)
{
  if (!atlas_label_placer_is_free (placer, box))
    return FALSE;
  g_array_append_vals (placer->taken, box, 1);
  return TRUE;
}

void
atlas_label_placer_reserve (AtlasLabelPlacer *placer, const AtlasRect *box)
{
  g_array_append_vals (placer->taken, box, 1);
}

gboolean
atlas_label_placer_release (AtlasLabelPlacer *placer, const AtlasRect *box)
{
  /* The latest match: the box a caller reserved last is the one it moves. */
  for (guint i = placer->taken->len; i-- > 0;)
    {
      const AtlasRect *taken = &g_array_index (placer->taken, AtlasRect, i);

      if (taken->x == box->x && taken->y == box->y && taken->width == box->width &&
          taken->height == box->height)
        {
          g_array_remove_index (placer->taken, i);
          return TRUE;
        }
    }
  return FALSE;
}
