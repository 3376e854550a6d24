/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-chart-text-size.c: widget tests of the chart's type in the window: never smaller than the desktop's body text, following the desktop's text scaling, and Ctrl+plus/minus/0 remembered. */
#include "atlas-config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "app-test-loop.h"
#include "app-test-widgets.h"
#include "atlas-application.h"
#include "atlas-window.h"

#define WAIT_MS 30000  /* a bound, not a pause: the sanitized build on a loaded machine is slow */

/* The desktop's body text in px, as GTK gives it to the window's labels. */
static double
body_text_px (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

  return pango_font_description_get_size_is_absolute (font)
         ? size : size * pango_cairo_context_get_resolution (context) / 72.0;
}

static gboolean
has_action (GtkWidget *widget, gconstpointer name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}

static gboolean
is_main_menu (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0;
}

typedef struct {
  double smallest, title;
  guint  n_texts;
} TextSizes;

static gboolean
read_text_sizes (AtlasWindow *window, TextSizes *sizes)
{
  AtlasChartView *chart = atlas_window_get_chart_view (window);
  AtlasScene *scene;

  if (!atlas_chart_view_has_drawn (chart) || (scene = atlas_chart_view_get_scene (chart)) == NULL)
    return FALSE;
  *sizes = (TextSizes) { G_MAXDOUBLE, 0.0, 0 };
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind != ATLAS_SHAPE_TEXT)
        continue;
      sizes->n_texts++;
      sizes->smallest = MIN (sizes->smallest, shape->font_size);
      if (shape->role == ATLAS_ROLE_TITLE)
        sizes->title = MAX (sizes->title, shape->font_size);
    }
  return sizes->n_texts > 0;
}

typedef struct {
  AtlasWindow *window;
  double       at_least;  /* the smallest text is this large */
  double       title;     /* 0, or the title is this large */
} SizesWait;

static gboolean
sizes_reached (gpointer data)
{
  SizesWait *wait = data;
  TextSizes sizes;

  if (!read_text_sizes (wait->window, &sizes))
    return FALSE;
  if (wait->title > 0)
    return fabs (sizes.title - wait->title) < 0.01;
  return sizes.smallest >= wait->at_least - 0.01;
}

static void
wait_for_sizes (AtlasWindow *window, double at_least, double title, TextSizes *out)
{
  SizesWait wait = { window, at_least, title };

  if (!wait_until (sizes_reached, &wait, WAIT_MS))
    {
      TextSizes sizes = { 0 };

      read_text_sizes (window, &sizes);
      g_error ("chart text: smallest %.2f px (wanted >= %.2f), title %.2f px (wanted %.2f)",
               sizes.smallest, at_least, sizes.title, title);
    }
  g_assert_true (read_text_sizes (window, out));
  g_test_message ("chart text: smallest %.2f px, title %.2f px, %u texts", out->smallest, out->title, out->n_texts);
}

static AtlasWindow *
open_window (const char *path)
{
  AtlasWindow *window = atlas_window_new (NULL);
  g_autoptr(GError) error = NULL;

  atlas_window_set_error_dialogs (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (atlas_window_load_path (window, path, &error));
  g_assert_no_error (error);
  return window;
}

static void
test_chart_text_size (void)
{
  g_autofree char *path = atlas_app_find_bundled_dataset ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkSettings *desktop = gtk_settings_get_default ();
  AtlasWindow *window;
  AtlasChartView *chart;
  TextSizes normal, scaled, larger, reset;
  double body;
  int dpi;

  if (path == NULL)
    {
      g_test_skip ("the bundled dataset is not there");
      return;
    }
  g_settings_reset (settings, "chart-text-scale");
  window = open_window (path);
  chart = atlas_window_get_chart_view (window);

  /* Every view's text at least the window's own (the figure's rule alone
   * gives 10-11 px labels and 9-10 px footers at this size). */
  body = body_text_px (GTK_WIDGET (window));
  g_test_message ("desktop body text: %.2f px", body);
  g_assert_cmpfloat (body, >, 9.0);
  for (AtlasView view = 0; view < ATLAS_VIEW_N_VIEWS; view++)
    {
      atlas_window_set_view (window, view);
      wait_for_sizes (window, body, 0, &normal);
    }
  atlas_window_set_view (window, ATLAS_VIEW_FLOWS);
  wait_for_sizes (window, body, 0, &normal);

  /* The desktop's text scaling (GNOME's "Large Text" is 1.25) moves the
   * floor with it, without a restart. */
  g_object_get (desktop, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (desktop, "gtk-xft-dpi", (int) (96 * 1024 * 1.5), NULL);
  g_assert_cmpfloat (body_text_px (GTK_WIDGET (window)), >, body * 1.4);
  wait_for_sizes (window, body_text_px (GTK_WIDGET (window)), 0, &scaled);
  g_assert_cmpfloat (scaled.smallest, >, normal.smallest * 1.3);
  g_object_set (desktop, "gtk-xft-dpi", dpi, NULL);
  wait_for_sizes (window, body, 0, &normal);
  g_assert_cmpfloat (fabs (normal.smallest - body), <, 0.5);

  /* Ctrl+plus: every text one step larger, remembered in the settings. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.text-larger", NULL));
  g_assert_cmpfloat (atlas_chart_view_get_text_scale (chart), ==, 1.1);
  wait_for_sizes (window, 0, normal.title * 1.1, &larger);
  g_assert_cmpfloat (larger.smallest, >, normal.smallest * 1.05);
  g_assert_cmpfloat (g_settings_get_double (settings, "chart-text-scale"), ==, 1.1);

  /* Ctrl+0 goes back; Ctrl+minus stops at the smallest size, where the
   * action turns off. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.text-reset", NULL));
  wait_for_sizes (window, 0, normal.title, &reset);
  g_assert_cmpfloat (g_settings_get_double (settings, "chart-text-scale"), ==, 1.0);
  for (int i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.text-smaller", NULL);
  g_assert_cmpfloat (atlas_chart_view_get_text_scale (chart), ==, ATLAS_CHART_VIEW_MIN_TEXT_SCALE);
  {
    GtkMenuButton *menu = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window), is_main_menu, NULL));
    GtkWidget *smaller, *larger_button, *percent;

    /* The main menu's row says so: "−" off, "+" on, "50%". */
    GtkWidget *popover;

    gtk_menu_button_popup (menu);
    popover = GTK_WIDGET (gtk_menu_button_get_popover (menu));
    g_assert_nonnull (popover);
    smaller = find_widget (popover, has_action, "win.text-smaller");
    larger_button = find_widget (popover, has_action, "win.text-larger");
    percent = find_widget (popover, has_action, "win.text-reset");
    g_assert_nonnull (smaller);
    g_assert_nonnull (larger_button);
    g_assert_nonnull (percent);
    g_assert_false (gtk_widget_get_sensitive (smaller));
    g_assert_true (gtk_widget_get_sensitive (larger_button));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (percent)), ==, "50%");
    gtk_menu_button_popdown (menu);
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* A new window starts at the size the reader chose last. */
  g_settings_set_double (settings, "chart-text-scale", 1.5);
  window = open_window (path);
  chart = atlas_window_get_chart_view (window);
  g_assert_cmpfloat (atlas_chart_view_get_text_scale (chart), ==, 1.5);
  wait_for_sizes (window, 0, normal.title * 1.5, &larger);
  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
  g_settings_reset (settings, "chart-text-scale");
}

int
main (int argc, char **argv)
{
  if (!widget_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/chart-text-size/window", test_chart_text_size);
  return g_test_run ();
}
