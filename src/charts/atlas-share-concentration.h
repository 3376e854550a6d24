/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-share-concentration.h: how concentrated one share bar is (top region, top three, Herfindahl-Hirschman index). */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* Shares are fractions of the bar's whole (0..1).  When the bar has a
 * remainder not attributed to any region ("Other"), the figures count the
 * named regions only; the *_lower_bound flags then say which of them could
 * be larger in truth (the remainder might be one big region, or many). */
typedef struct {
  const AtlasRegion *top_region;   /* the largest named region; NULL when none */
  double             top_share;
  double             top3_share;   /* the three largest named regions together */
  double             hhi;          /* sum of squared shares in percent, 0..10,000 */
  double             other_share;  /* the remainder, 0 when every part is named */
  guint              n_regions;    /* distinct named regions with a value > 0 */
  gboolean           top_is_lower_bound;
  gboolean           top3_is_lower_bound;
  gboolean           hhi_is_lower_bound;
} AtlasShareConcentration;

/* Computes @share's concentration, adding up parts that name the same
 * region.  Returns FALSE (and zeroes @out) when the share's whole is 0. */
gboolean atlas_share_concentration (const AtlasShare        *share,
                                    AtlasShareConcentration *out);

typedef enum {
  ATLAS_CONCENTRATION_FULL,     /* "Top: China 92 % · Top 3: 98 % · HHI 8,500" */
  ATLAS_CONCENTRATION_COMPACT,  /* "China 92 % · Top 3 98 % · HHI 8,500" */
  ATLAS_CONCENTRATION_SHORT,    /* "China 92 % · HHI 8,500" */
  ATLAS_CONCENTRATION_MINIMAL,  /* "HHI 8,500" */
} AtlasConcentrationDetail;

/* Whether the HHI means something here (three regions or more), so that a
 * label states it; a bar with no named region states it alone. */
gboolean atlas_share_concentration_has_index (const AtlasShareConcentration *concentration);

/* The concentration as a label (a lower bound is written "≥"); region names
 * in @lang.  Returns a new string. */
char    *atlas_share_concentration_format (const AtlasShareConcentration *concentration,
                                           AtlasConcentrationDetail       detail,
                                           const char                    *lang);

G_END_DECLS
