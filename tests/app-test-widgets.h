/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app-test-widgets.h: finding widgets in a window's tree in widget tests, and waiting for a chart to draw. */
#pragma once

#include <gtk/gtk.h>

#include "atlas-chart-view.h"
#include "atlas-window.h"

G_BEGIN_DECLS

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

/* The first widget under @root, itself included, depth first, that
 * @match accepts with @data; NULL when none does. */
GtkWidget *find_widget            (GtkWidget *root, WidgetMatch match, gconstpointer data);
/* The first label under @root that shows exactly @text. */
GtkWidget *find_label_with_text   (GtkWidget *root, const char *text);
/* The first widget under @root, itself included, of @type or a subtype. */
GtkWidget *find_widget_of_type    (GtkWidget *root, GType type);
/* @widget's first event controller of @type or a subtype, or NULL (the
 * widget keeps it). */
GtkEventController *find_controller (GtkWidget *widget, GType type);

/* A condition for wait_until(): @chart has drawn its scene again since it
 * had drawn it @renders times. */
typedef struct {
  AtlasChartView *chart;
  guint           renders;
} RenderWait;

gboolean   rendered_again         (gpointer data);

/* Conditions for wait_until(): @chart (an AtlasChartView), or the chart
 * of @window (an AtlasWindow), has drawn, a scene or an error. */
gboolean   chart_drawn            (gpointer chart);
gboolean   window_chart_drawn     (gpointer window);

/* A window on the dataset at @path, at a laptop's size, error dialogs off
 * (errors are checked through atlas_window_get_last_error()), shown and
 * its chart drawn once, waiting at most @timeout_ms. */
AtlasWindow *open_window_on       (const char *path, guint timeout_ms);

/* Activates what @keyval with @modifiers does in @widget, through the
 * shortcuts its controllers hold (GTK has no public way to press a key);
 * FALSE when none takes it. @phase, when not NULL, tells the phase of the
 * controller that did. */
gboolean   press_shortcut         (GtkWidget *widget, guint keyval, GdkModifierType modifiers,
                                   GtkPropagationPhase *phase);
/* The same for a key @widget must catch before its focused child does (a
 * presentation's arrows before the chart's): asserts the shortcut that
 * took it is in the capture phase. */
gboolean   press_capture_shortcut (GtkWidget *widget, guint keyval, GdkModifierType modifiers);

G_END_DECLS
