/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-timeline-scene.h: what a laid-out timeline tells the window: its time axis, so the window can zoom and pan it. */
#pragma once

#include "atlas-scene.h"

G_BEGIN_DECLS

/* TRUE when @scene is a timeline (the functions below return FALSE for
 * any other scene). */
gboolean atlas_timeline_scene_check    (const AtlasScene *scene);
/* The days at the axis' left and right ends (days since 1970-01-01) and
 * where they are drawn; FALSE when no axis was drawn (no event in range).
 * The window zooms and pans by asking for a new layout with
 * options->from/to. */
gboolean atlas_timeline_scene_get_axis (const AtlasScene *scene,
                                        double           *day0,
                                        double           *day1,
                                        double           *x0,
                                        double           *x1);
/* The date at @x (fractional days), extrapolated outside the axis so the
 * window can zoom about the pointer; FALSE when no axis was drawn. */
gboolean atlas_timeline_scene_x_to_day (const AtlasScene *scene,
                                        double            x,
                                        double           *day);

/* The "+7" count of events with no label of their own at (@x, @y): the
 * days of its first and last events and how many it counts; FALSE when
 * there is none there. The window zooms there when it is clicked. */
gboolean atlas_timeline_scene_cluster_at (const AtlasScene *scene,
                                          double            x,
                                          double            y,
                                          double           *first_day,
                                          double           *last_day,
                                          guint            *n);
G_END_DECLS
