/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-view-state.h: what one view shows (an owning AtlasChartOptions), shared by the window, its controls and the chart widget. */
#pragma once

#include <glib-object.h>

#include "atlas-chart.h"

G_BEGIN_DECLS

/* Range presets of the price view; CUSTOM after zooming or panning. */
typedef enum {
  ATLAS_RANGE_ALL,
  ATLAS_RANGE_10_YEARS,
  ATLAS_RANGE_5_YEARS,
  ATLAS_RANGE_1_YEAR,
  ATLAS_RANGE_CUSTOM,
} AtlasRangePreset;

#define ATLAS_TYPE_VIEW_STATE (atlas_view_state_get_type ())
G_DECLARE_FINAL_TYPE (AtlasViewState, atlas_view_state, ATLAS, VIEW_STATE, GObject)

/* Each choice is a property ("chain", "series", "from", "log-scale",
 * "kinds"...; "view" is fixed at construction, "range-preset",
 * "node-offsets" and "has-node-offsets" are read-only), and "notify" is
 * emitted for a property only when its value really changed.  The typed
 * setters below are the same properties; several changes made between
 * g_object_freeze_notify() and g_object_thaw_notify() reach listeners
 * together.  Dates ("from", "to", "indexed") are written as in a dataset
 * ("2020", "2020-05", "2020-05-31"), NULL when unset. */
AtlasViewState          *atlas_view_state_new            (AtlasView view);
AtlasView                atlas_view_state_get_view       (AtlasViewState *self);
/* The options to lay out with; every pointer in them is owned by @self and
 * valid until the next setter call. */
const AtlasChartOptions *atlas_view_state_get_options    (AtlasViewState *self);
/* A copy for another view object (presentation mode, a second window). */
AtlasViewState          *atlas_view_state_copy           (AtlasViewState *self);

/* Takes over what a briefing slide chooses (the slide must be of this
 * view); what the slide leaves out goes back to the view's default. */
void        atlas_view_state_apply_slide    (AtlasViewState *self, const AtlasSlide *slide);
/* Drops ids @dataset does not know (after a reload); TRUE when any was dropped. */
gboolean    atlas_view_state_sanitize       (AtlasViewState *self, AtlasDataset *dataset);

void        atlas_view_state_set_lang       (AtlasViewState *self, const char *lang);
/* A headline replacing the chart's title (a slide's title), or NULL. */
void        atlas_view_state_set_title      (AtlasViewState *self, const char *title);
void        atlas_view_state_set_select     (AtlasViewState *self, const char *id);
/* What the view is about (a slide's focus) and its written callouts. */
void        atlas_view_state_set_focus      (AtlasViewState *self, const char * const *focus);
void        atlas_view_state_set_annotations (AtlasViewState *self, GPtrArray *annotations);

/* flows */
void        atlas_view_state_set_chain      (AtlasViewState *self, const char *chain);
void        atlas_view_state_set_keep_order (AtlasViewState *self, gboolean keep_order);
/* A dragged node's vertical offset, a fraction of the diagram's plot
 * height (down positive): the same arrangement at every figure size.
 * 0 (or a value that is not finite) undoes the drag. */
double      atlas_view_state_get_node_offset (AtlasViewState *self, const char *node);
void        atlas_view_state_set_node_offset (AtlasViewState *self, const char *node, double offset);
void        atlas_view_state_clear_node_offsets (AtlasViewState *self);
gboolean    atlas_view_state_has_node_offsets (AtlasViewState *self);

/* prices */
void        atlas_view_state_set_series     (AtlasViewState *self, const char * const *series);
/* The series the view draws: the chosen ones, else the engine's default
 * (the dysprosium and terbium series when present, else the first). */
GStrv       atlas_view_state_dup_shown_series (AtlasViewState *self, AtlasDataset *dataset);
/* @from/@to NULL or unset: open on that side. Sets the preset to CUSTOM. */
void        atlas_view_state_set_range      (AtlasViewState *self, const AtlasDate *from, const AtlasDate *to);
void        atlas_view_state_set_range_days (AtlasViewState *self, gint32 from, gint32 to);
/* Applies a preset relative to the last point of the shown series. */
void        atlas_view_state_set_range_preset (AtlasViewState *self, AtlasRangePreset preset, AtlasDataset *dataset);
AtlasRangePreset atlas_view_state_get_range_preset (AtlasViewState *self);
/* The first and last day of the shown series (the timeline: of the
 * dataset's events); FALSE when there are none. */
gboolean    atlas_view_state_get_data_extent (AtlasViewState *self, AtlasDataset *dataset, gint32 *first, gint32 *last);
void        atlas_view_state_set_log_scale  (AtlasViewState *self, gboolean log_scale);
/* NULL or unset: indexed mode off. */
void        atlas_view_state_set_indexed    (AtlasViewState *self, const AtlasDate *date);
void        atlas_view_state_set_currency   (AtlasViewState *self, const char *currency);
void        atlas_view_state_set_unit       (AtlasViewState *self, const char *unit);
void        atlas_view_state_set_show_events (AtlasViewState *self, gboolean show_events);

/* shares */
void        atlas_view_state_set_group      (AtlasViewState *self, const char *group);

/* timeline filters; NULL: everything */
void        atlas_view_state_set_kinds      (AtlasViewState *self, const char * const *kinds);
void        atlas_view_state_set_regions    (AtlasViewState *self, const char * const *regions);
void        atlas_view_state_set_elements   (AtlasViewState *self, const char * const *elements);

G_END_DECLS
