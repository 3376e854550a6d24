/* atlas-presentation.h: presentation mode: a full-screen window that steps through a briefing's slides, one chart at a time. */
#pragma once

#include <gtk/gtk.h>

#include "atlas-chart-view.h"
#include "atlas-view-state.h"

G_BEGIN_DECLS

/* How much larger the charts' type is than the same figure in the window,
 * so titles and labels read from the back of a room. */
#define ATLAS_PRESENTATION_FONT_SCALE 1.6

#define ATLAS_TYPE_PRESENTATION (atlas_presentation_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPresentation, atlas_presentation, ATLAS, PRESENTATION, GtkWindow)

/* A presentation of @dataset drawn in @style (copied; its type is scaled
 * up), over @parent, which is presented again when the presentation ends.
 * Give it slides with one of the _load_ calls, then gtk_window_present(). */
AtlasPresentation *atlas_presentation_new        (GtkWindow           *parent,
                                                  AtlasDataset        *dataset,
                                                  const AtlasStyle    *style);
/* Draws the slides in @style (copied; its type is scaled up) from now on:
 * the window's light or dark, and its font, when they change. */
void               atlas_presentation_set_style  (AtlasPresentation   *self,
                                                  const AtlasStyle    *style);
const AtlasStyle  *atlas_presentation_get_style  (AtlasPresentation   *self);
/* One slide per slide of @briefing, each in a state of its own; @lang is
 * the dataset text language (NULL: the user's). Starts at the first. */
void               atlas_presentation_load_briefing (AtlasPresentation   *self,
                                                     const AtlasBriefing *briefing,
                                                     const char          *lang);
/* One slide per view the dataset has something for, each a copy of
 * @states[view] (ATLAS_VIEW_N_VIEWS of them, in AtlasView order); starts at
 * @current's slide, with @selection (or NULL) selected there. */
void               atlas_presentation_load_views (AtlasPresentation   *self,
                                                  AtlasViewState     **states,
                                                  AtlasView            current,
                                                  const AtlasItem     *selection);

guint              atlas_presentation_get_n_slides  (AtlasPresentation *self);
/* The slide shown, from 0. */
guint              atlas_presentation_get_position  (AtlasPresentation *self);
void               atlas_presentation_set_position  (AtlasPresentation *self,
                                                     guint              position);
/* The chart of the slide shown, and its own options (never the window's). */
AtlasChartView    *atlas_presentation_get_chart_view (AtlasPresentation *self);
AtlasViewState    *atlas_presentation_get_state     (AtlasPresentation *self);
/* The slide's title above the chart, or NULL when the chart's own title
 * heads the slide. */
const char        *atlas_presentation_get_title     (AtlasPresentation *self);
/* "3 / 8" */
const char        *atlas_presentation_get_counter   (AtlasPresentation *self);
/* The slide's speaker note, or NULL; shown along the bottom while
 * atlas_presentation_get_show_note() (N toggles it). */
const char        *atlas_presentation_get_note      (AtlasPresentation *self);
gboolean           atlas_presentation_get_show_note (AtlasPresentation *self);
void               atlas_presentation_set_show_note (AtlasPresentation *self,
                                                     gboolean           show);
/* Whether the pointer is hidden (after a while without moving). */
gboolean           atlas_presentation_get_pointer_hidden (AtlasPresentation *self);
/* The type size (pixels) of the slide title, for a check of legibility. */
double             atlas_presentation_get_title_size (AtlasPresentation *self);

G_END_DECLS
