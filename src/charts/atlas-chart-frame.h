/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-chart-frame.h: the frame every chart shares: the title, subtitle, legend and sources footer around the plot. */
#pragma once

#include "atlas-chart.h"
#include "atlas-scene.h"

G_BEGIN_DECLS

typedef struct {
  char       *label;
  AtlasColor  color;
  gboolean    hatched;     /* an estimate swatch */
  gboolean    line;        /* a line swatch (price series) instead of a box */
  AtlasItem   item;        /* what clicking the entry selects; NONE for none */
} AtlasLegendEntry;

typedef struct {
  const char *title;        /* plain text; required */
  const char *headline;     /* options->title: replaces @title, which moves to the subtitle */
  const char *subtitle;     /* or NULL */
  GPtrArray  *sources;      /* const AtlasSource* cited by what is drawn, deduplicated */
  const char *footer_note;  /* extra footer sentence (e.g. points left out), or NULL */
  GArray     *legend;       /* AtlasLegendEntry, or NULL for no legend */
} AtlasFrameSpec;

/* Adds the title, subtitle, legend (a wrapping row under the titles) and
 * the footer ("Sources: ...; Data: <dataset date>") to @scene, and sets
 * scene->plot to the area left for the plot, with a margin.  Sets
 * scene->title.  Long footers wrap, then are ellipsized; they never
 * overlap the plot. */
void   atlas_chart_frame_layout (AtlasScene *scene, const AtlasFrameSpec *spec);

/* Helpers for building a frame spec: adds @cite's sources to @sources
 * (a GPtrArray of const AtlasSource*), skipping ones already there. */
void   atlas_frame_add_cite (GPtrArray *sources, AtlasDataset *dataset, const char * const *cite);
/* The sources a share bar draws on (its own and its parts'), and those of
 * a supply chain (its own and its links'), added as atlas_frame_add_cite(). */
void   atlas_frame_add_share_cites (GPtrArray *sources, AtlasDataset *dataset, const AtlasShare *share);
void   atlas_frame_add_chain_cites (GPtrArray *sources, AtlasDataset *dataset, const AtlasChain *chain);
void   atlas_legend_entry_clear (AtlasLegendEntry *entry);

G_END_DECLS
