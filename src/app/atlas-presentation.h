/* SPDX-License-Identifier: GPL-3.0-or-later */
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
AtlasDataset      *atlas_presentation_get_dataset (AtlasPresentation  *self);
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
/* The slide's speaker note, or NULL. The projected slide never shows it
 * unless atlas_presentation_set_notes_on_slide() asked for it there. */
const char        *atlas_presentation_get_note      (AtlasPresentation *self);
/* With one monitor, N shows the presenter's overlay in a corner: the note,
 * the next slide's title and the elapsed time; with the presenter's window
 * open it stays hidden (the note is there). */
gboolean           atlas_presentation_get_overlay_visible (AtlasPresentation *self);
void               atlas_presentation_set_overlay_visible (AtlasPresentation *self,
                                                           gboolean           visible);
/* The note along the bottom of the projected slide, for rehearsal or a
 * screenshot to print (the "notes-on-slide" setting). */
gboolean           atlas_presentation_get_notes_on_slide  (AtlasPresentation *self);
void               atlas_presentation_set_notes_on_slide  (AtlasPresentation *self,
                                                           gboolean           on_slide);
/* Whole seconds since the presentation started or its clock was reset. */
gint64             atlas_presentation_get_elapsed   (AtlasPresentation *self);
void               atlas_presentation_reset_clock   (AtlasPresentation *self);
/* "05:12", or "1:05:12" past an hour. */
char              *atlas_presentation_format_elapsed (gint64 seconds);

/* Slide @index (< n_slides): its own state, note (or NULL), title (the
 * slide's, else its view's name) and the selection it opens with (or NULL). */
AtlasViewState    *atlas_presentation_get_slide_state (AtlasPresentation *self,
                                                       guint              index);
const char        *atlas_presentation_get_slide_note  (AtlasPresentation *self,
                                                       guint              index);
char              *atlas_presentation_dup_slide_title (AtlasPresentation *self,
                                                       guint              index);
const AtlasItem   *atlas_presentation_get_slide_selection (AtlasPresentation *self,
                                                           guint              index);

/* Presents the slides, and with two monitors the presenter's window: the
 * slides on the second monitor, the presenter's window on the first. */
void               atlas_presentation_start         (AtlasPresentation *self);
/* The monitor chosen for the presenter's window, or NULL with one monitor. */
GdkMonitor        *atlas_presentation_get_presenter_monitor (AtlasPresentation *self);
/* Opens the presenter's window (full screen on @monitor, or a plain window
 * when NULL) and returns it; the same one when it is open. */
GtkWindow         *atlas_presentation_open_presenter (AtlasPresentation *self,
                                                      GdkMonitor        *monitor);
/* The presenter's window, or NULL. */
GtkWindow         *atlas_presentation_get_presenter (AtlasPresentation *self);
/* The presentation's keys (next, previous, first, last, N, Escape) on
 * @widget, in the capture phase, as named "presentation.*" actions. */
void               atlas_presentation_install_keys  (GtkWidget         *widget);
/* Whether the pointer is hidden (after a while without moving). */
gboolean           atlas_presentation_get_pointer_hidden (AtlasPresentation *self);
/* The type size (pixels) of the slide title, for a check of legibility. */
double             atlas_presentation_get_title_size (AtlasPresentation *self);

G_END_DECLS
