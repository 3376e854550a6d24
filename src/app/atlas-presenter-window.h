/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-presenter-window.h: the presenter's window of presentation mode, on the monitor the audience does not see: current and next slide, speaker note, clock, slide list. */
#pragma once

#include <gtk/gtk.h>

#include "atlas-presentation.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PRESENTER_WINDOW (atlas_presenter_window_get_type ())
G_DECLARE_FINAL_TYPE (AtlasPresenterWindow, atlas_presenter_window, ATLAS, PRESENTER_WINDOW, GtkWindow)

/* Picks, from @n monitor geometries (in the display's order), where the
 * slides and the presenter's window go: with two or more, the presenter
 * on the first and the slides on the largest of the others (the
 * projector; the first of equals). FALSE with fewer than two: no
 * presenter's window. */
gboolean               atlas_presenter_pick_monitors (const GdkRectangle *monitors,
                                                      guint               n,
                                                      guint              *slides,
                                                      guint              *presenter);

/* A presenter's window following @presentation (which owns it: it closes
 * with the presentation), full screen on @monitor, or a plain window when
 * NULL. */
AtlasPresenterWindow  *atlas_presenter_window_new     (AtlasPresentation *presentation,
                                                       GdkMonitor        *monitor);
/* The slides' colours and type (the presentation's style). */
void                   atlas_presenter_window_set_style (AtlasPresenterWindow *self,
                                                         const AtlasStyle     *style);
AtlasPresentation     *atlas_presenter_window_get_presentation (AtlasPresenterWindow *self);
/* Its parts, for tests: the current and next slides' charts, the note,
 * the clock and the slide list (one row per slide). */
AtlasChartView        *atlas_presenter_window_get_current_chart (AtlasPresenterWindow *self);
AtlasChartView        *atlas_presenter_window_get_next_chart    (AtlasPresenterWindow *self);
GtkLabel              *atlas_presenter_window_get_note_label    (AtlasPresenterWindow *self);
GtkLabel              *atlas_presenter_window_get_clock_label   (AtlasPresenterWindow *self);
GtkListBox            *atlas_presenter_window_get_slide_list    (AtlasPresenterWindow *self);

G_END_DECLS
