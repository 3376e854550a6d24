/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app-test-widgets.c: finding widgets in a window's tree in widget tests, and waiting for a chart to draw. */
#include "app-test-loop.h"
#include "app-test-widgets.h"

GtkWidget *
find_widget (GtkWidget *root, WidgetMatch match, gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_label_with_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
find_label_with_text (GtkWidget *root, const char *text)
{
  return find_widget (root, is_label_with_text, text);
}

static gboolean
is_of_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) type);
}

GtkWidget *
find_widget_of_type (GtkWidget *root, GType type)
{
  return find_widget (root, is_of_type, &type);
}

GtkEventController *
find_controller (GtkWidget *widget, GType type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it */
    }
  return NULL;
}

gboolean
rendered_again (gpointer data)
{
  RenderWait *wait = data;

  return atlas_chart_view_get_render_count (wait->chart) > wait->renders;
}

gboolean
chart_drawn (gpointer chart)
{
  return atlas_chart_view_has_drawn (chart) &&
         (atlas_chart_view_get_scene (chart) != NULL || atlas_chart_view_get_error (chart) != NULL);
}

gboolean
window_chart_drawn (gpointer window)
{
  return chart_drawn (atlas_window_get_chart_view (ATLAS_WINDOW (window)));
}

AtlasWindow *
open_window_on (const char *path, guint timeout_ms)
{
  AtlasWindow *window = atlas_window_new (NULL);
  g_autoptr(GError) error = NULL;

  atlas_window_set_error_dialogs (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (atlas_window_load_path (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (wait_until (window_chart_drawn, window, timeout_ms));
  return window;
}

gboolean
press_shortcut (GtkWidget *widget, guint keyval, GdkModifierType modifiers, GtkPropagationPhase *phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != gdk_keyval_to_lower (keyval) ||
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != modifiers)
            continue;
          if (phase != NULL)
            *phase = gtk_event_controller_get_propagation_phase (controller);
          return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                               gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

gboolean
press_capture_shortcut (GtkWidget *widget, guint keyval, GdkModifierType modifiers)
{
  GtkPropagationPhase phase = GTK_PHASE_NONE;
  gboolean pressed = press_shortcut (widget, keyval, modifiers, &phase);

  if (pressed)
    g_assert_cmpint (phase, ==, GTK_PHASE_CAPTURE);
  return pressed;
}
