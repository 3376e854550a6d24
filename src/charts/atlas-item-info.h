/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-item-info.h: what a chart item stands for, as text for the sidebar, tooltips and screen readers. */
#pragma once

#include "atlas-chart.h"

G_BEGIN_DECLS

typedef enum {
  ATLAS_CERTAINTY_NONE,        /* not a figure (an event) */
  ATLAS_CERTAINTY_REPORTED,
  ATLAS_CERTAINTY_ESTIMATE,
  ATLAS_CERTAINTY_PARTLY,      /* some of the figures behind it are estimates */
} AtlasCertainty;

typedef struct {
  char *label;
  char *value;
} AtlasInfoFact;

/* Another source's figure for the same fact. */
typedef struct {
  char      *value;            /* "58 %" */
  char      *detail;           /* "2023, Refining" or NULL */
  GPtrArray *sources;          /* const AtlasSource* */
} AtlasInfoAlternative;

/* Every string is plain text (dataset text included): never markup. */
typedef struct {
  AtlasItem  item;             /* id owned by the dataset */
  char      *kind;             /* "Flow", "Price series", ... (translated) */
  char      *name;
  char      *value;            /* with its unit, or NULL */
  char      *share;            /* "68 % of Mining", or NULL */
  char      *when;             /* "2024", "2025-07-31", or NULL */
  AtlasCertainty certainty;
  GPtrArray *facts;            /* AtlasInfoFact*: further rows */
  GPtrArray *notes;            /* char* */
  GPtrArray *alternatives;     /* AtlasInfoAlternative* */
  GPtrArray *sources;          /* const AtlasSource*, deduplicated */
} AtlasItemInfo;

/* NULL when @item is NONE or names nothing in @dataset. */
AtlasItemInfo *atlas_item_info_new     (AtlasDataset            *dataset,
                                        const AtlasChartOptions *options,
                                        const AtlasItem         *item);
void           atlas_item_info_free    (AtlasItemInfo           *info);
/* One line: "China, Mining: 270,000 t REO (68 % of Mining), estimate". */
char          *atlas_item_info_summary (const AtlasItemInfo     *info);
/* "Estimate", "Reported", "Partly estimated", or NULL. */
const char    *atlas_certainty_to_label (AtlasCertainty certainty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasItemInfo, atlas_item_info_free)

G_END_DECLS
