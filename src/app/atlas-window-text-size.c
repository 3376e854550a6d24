/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window-text-size.c: the size of the chart's text in the window: Ctrl+plus, Ctrl+minus, Ctrl+0 and the main menu's row. */
#include "atlas-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-window-private.h"

/* The sizes the keys step through: fine steps near the figure's own type,
 * where a reader adjusts, coarser ones further away. */
static const double text_scales[] = { 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0 };

static double
next_text_scale (double current, int direction)
{
  const double slack = 1e-6;

  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (text_scales); i++)
        if (text_scales[i] > current + slack)
          return text_scales[i];
      return text_scales[G_N_ELEMENTS (text_scales) - 1];
    }
  for (guint i = G_N_ELEMENTS (text_scales); i > 0; i--)
    if (text_scales[i - 1] < current - slack)
      return text_scales[i - 1];
  return text_scales[0];
}

static void
text_size_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  double scale = atlas_chart_view_get_text_scale (self->chart_view);

  if (g_str_equal (action_name, "win.text-larger"))
    scale = next_text_scale (scale, +1);
  else if (g_str_equal (action_name, "win.text-smaller"))
    scale = next_text_scale (scale, -1);
  else
    scale = 1.0;
  /* The setting follows through its binding. */
  atlas_chart_view_set_text_scale (self->chart_view, scale);
}

static void
update_text_size_actions (AtlasWindow *self)
{
  double scale = atlas_chart_view_get_text_scale (self->chart_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-larger",
                                 scale < ATLAS_CHART_VIEW_MAX_TEXT_SCALE - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.text-smaller",
                                 scale > ATLAS_CHART_VIEW_MIN_TEXT_SCALE + 1e-6);
}

static void
text_scale_changed_cb (AtlasChartView *chart_view,
                       GParamSpec     *pspec,
                       AtlasWindow    *self)
{
  update_text_size_actions (self);
}

static gboolean
percent_from_scale (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      user_data)
{
  /* Translators: the size of the chart's text against its normal size,
   * on the button that resets it, e.g. "125%". */
  g_value_take_string (to, g_strdup_printf (_("%d%%"), (int) round (g_value_get_double (from) * 100.0)));
  return TRUE;
}

static GtkWidget *
text_size_button (const char *icon_name,
                  const char *action_name,
                  const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  return button;
}

GtkWidget *
atlas_window_create_text_size_row (AtlasWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *reset = gtk_button_new ();

  /* As GNOME Text Editor's zoom row: the section's heading names it,
   * the percentage between the buttons resets it. */
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (box), text_size_button ("zoom-out-symbolic", "win.text-smaller",
                                                   _("Smaller Chart Text")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reset), "win.text-reset");
  gtk_widget_set_tooltip_text (reset, _("Normal Chart Text"));
  gtk_widget_add_css_class (reset, "flat");
  g_object_bind_property_full (self->chart_view, "text-scale", reset, "label", G_BINDING_SYNC_CREATE,
                               percent_from_scale, NULL, NULL, NULL);
  gtk_box_append (GTK_BOX (box), reset);
  gtk_box_append (GTK_BOX (box), text_size_button ("zoom-in-symbolic", "win.text-larger",
                                                   _("Larger Chart Text")));
  return box;
}

void
atlas_window_init_text_size (AtlasWindow *self)
{
  g_signal_connect_object (self->chart_view, "notify::text-scale",
                           G_CALLBACK (text_scale_changed_cb), self, 0);
  update_text_size_actions (self);
}

void
atlas_window_class_install_text_size_actions (GtkWidgetClass *widget_class)
{
  const guint keys_larger[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  const guint keys_smaller[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };
  const guint keys_reset[] = { GDK_KEY_0, GDK_KEY_KP_0 };

  gtk_widget_class_install_action (widget_class, "win.text-larger", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.text-smaller", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "win.text-reset", NULL, text_size_action);
  for (guint i = 0; i < G_N_ELEMENTS (keys_larger); i++)
    gtk_widget_class_add_binding_action (widget_class, keys_larger[i], GDK_CONTROL_MASK, "win.text-larger", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (keys_smaller); i++)
    gtk_widget_class_add_binding_action (widget_class, keys_smaller[i], GDK_CONTROL_MASK, "win.text-smaller", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (keys_reset); i++)
    gtk_widget_class_add_binding_action (widget_class, keys_reset[i], GDK_CONTROL_MASK, "win.text-reset", NULL);
}
