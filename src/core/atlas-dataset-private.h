/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-dataset-private.h: the dataset's fields and item destructors, for the loader only. */
#pragma once

#include "atlas-briefing.h"
#include "atlas-dataset.h"

G_BEGIN_DECLS

struct _AtlasDataset
{
  GObject     parent_instance;

  char       *path;
  GBytes     *contents;          /* the file's bytes, when read from one */
  AtlasText  *title;
  AtlasText  *description;
  AtlasDate   updated;

  GPtrArray  *sources;
  GPtrArray  *regions;
  GPtrArray  *elements;
  GPtrArray  *chains;
  GPtrArray  *shares;
  GPtrArray  *series;
  GPtrArray  *fx;
  GPtrArray  *events;
  GPtrArray  *briefings;
  GPtrArray  *annotations;

  /* id -> item, borrowing the item's id; filled by the loader as it goes so
   * that later sections can check their references. */
  GHashTable *source_index;
  GHashTable *region_index;
  GHashTable *element_index;
  GHashTable *chain_index;
  GHashTable *share_index;
  GHashTable *series_index;
  GHashTable *event_index;
  GHashTable *briefing_index;
  /* share group (or ungrouped share id) -> first AtlasShare of it */
  GHashTable *share_group_index;

  char      **share_groups;
};

/* An empty dataset whose lists and indexes exist, for the loader to fill. */
AtlasDataset *atlas_dataset_new_empty (void);

void atlas_source_free   (AtlasSource   *source);
void atlas_region_free   (AtlasRegion   *region);
void atlas_element_free  (AtlasElement  *element);
void atlas_stage_free    (AtlasStage    *stage);
void atlas_node_free     (AtlasNode     *node);
void atlas_link_free     (AtlasLink     *link);
void atlas_chain_free    (AtlasChain    *chain);
void atlas_share_part_free (AtlasSharePart *part);
void atlas_share_free    (AtlasShare    *share);
void atlas_point_extra_clear (AtlasPointExtra *extra);
void atlas_series_free   (AtlasSeries   *series);
void atlas_fx_free       (AtlasFx       *fx);
void atlas_event_free    (AtlasEvent    *event);

/* The rate of @fx in force at @day (the latest at or before it). */
gboolean atlas_fx_rate_at (const AtlasFx *fx,
                           gint32         day,
                           double        *rate);

G_END_DECLS
