/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app-test-widgets.h: finding widgets in a window's tree in widget tests, and waiting for a chart to draw. */
#pragma once

#include <gtk/gtk.h>

#include "atlas-chart-view.h"

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

/* Activates what @keyval with @modifiers does in @widget, through the
 * shortcuts its controllers hold (GTK has no public way to press a key);
 * FALSE when none takes it. @phase, when not NULL, tells the phase of the
 * controller that did. */
gboolean   press_shortcut         (GtkWidget *widget, guint keyval, GdkModifierType modifiers,
                                   GtkPropagationPhase *phase);

G_END_DECLS
