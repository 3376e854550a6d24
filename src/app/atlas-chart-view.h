/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-chart-view.h: the chart widget: asks the engine for a scene at its size, paints, hovers, selects, zooms and drags. */
#pragma once

#include <gtk/gtk.h>

#include "atlas-chart.h"
#include "atlas-view-state.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CHART_VIEW (atlas_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (AtlasChartView, atlas_chart_view, ATLAS, CHART_VIEW, GtkWidget)

GtkWidget        *atlas_chart_view_new           (void);

AtlasDataset     *atlas_chart_view_get_dataset   (AtlasChartView   *self);
void              atlas_chart_view_set_dataset   (AtlasChartView   *self,
                                                  AtlasDataset     *dataset);
/* The options to draw; the widget lays out again when any of its
 * properties changes, and writes to it when the user zooms, pans or drags
 * a node. */
AtlasViewState   *atlas_chart_view_get_state     (AtlasChartView   *self);
void              atlas_chart_view_set_state     (AtlasChartView   *self,
                                                  AtlasViewState   *state);
const AtlasStyle *atlas_chart_view_get_style     (AtlasChartView   *self);
void              atlas_chart_view_set_style     (AtlasChartView   *self,
                                                  const AtlasStyle *style);

/* The scene at the widget's current size, laid out now if it is out of
 * date; NULL when there is no dataset, no size yet, or the layout failed
 * (see atlas_chart_view_get_error()). Owned by the widget. */
AtlasScene       *atlas_chart_view_get_scene     (AtlasChartView   *self);
const GError     *atlas_chart_view_get_error     (AtlasChartView   *self);

/* The selected item (kind NONE when none); its id lives as long as the
 * selection. */
const AtlasItem  *atlas_chart_view_get_selection (AtlasChartView   *self);
/* NULL or kind NONE clears. Emits "selection-changed" when it changed. */
void              atlas_chart_view_set_selection (AtlasChartView   *self,
                                                  const AtlasItem  *item);
/* Selects the first focusable item with @id (a node, series, event, share);
 * FALSE when the current scene has none. */
gboolean          atlas_chart_view_select_id     (AtlasChartView   *self,
                                                  const char       *id);
/* TRUE once a frame has painted a scene (or the reason there is none). */
gboolean          atlas_chart_view_has_drawn     (AtlasChartView   *self);

/* For tests and benchmarks: how many times the scene has been drawn into
 * the image the widget keeps between frames (hover moves that change no
 * emphasis paint that image again without drawing the scene). */
guint             atlas_chart_view_get_render_count (AtlasChartView *self);

/* The text the tooltip shows (as plain text) at (@x, @y), or for the
 * selection in keyboard mode; NULL when it shows none. */
char             *atlas_chart_view_dup_tooltip_text (AtlasChartView *self,
                                                     double          x,
                                                     double          y,
                                                     gboolean        keyboard_mode);
/* Prices and timeline: zoom the time axis by @factor (< 1 zooms in)
 * around @day (days since 1970-01-01). */
void              atlas_chart_view_zoom          (AtlasChartView   *self,
                                                  double            factor,
                                                  double            day);

/* The reader's chart text size, a factor on the figure's own type
 * (Ctrl+plus/minus in the window), between these two. */
#define ATLAS_CHART_VIEW_MIN_TEXT_SCALE 0.5
#define ATLAS_CHART_VIEW_MAX_TEXT_SCALE 3.0
double            atlas_chart_view_get_text_scale (AtlasChartView *self);
void              atlas_chart_view_set_text_scale (AtlasChartView *self,
                                                   double          text_scale);
/* TRUE: no chart text smaller than the desktop's body text, following the
 * desktop's font and text scaling. For the window; slides keep their type. */
gboolean          atlas_chart_view_get_desktop_text_floor (AtlasChartView *self);
void              atlas_chart_view_set_desktop_text_floor (AtlasChartView *self,
                                                           gboolean        desktop_text_floor);
/* TRUE: a drag on the text of one of the state's annotations (a slide's
 * callouts) moves it, and its new place goes into the state's annotations
 * on release ("callout-moved" first).  For the window; FALSE by default,
 * as slides shown for reading are not edited. */
gboolean          atlas_chart_view_get_callouts_movable (AtlasChartView *self);
void              atlas_chart_view_set_callouts_movable (AtlasChartView *self,
                                                         gboolean        movable);
G_END_DECLS
