/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-presenter.c: widget tests of the presenter's view: where the two windows go, the note kept off the projected slide, the overlay on one monitor, the clock, the keys in both windows and the slide list. */
#include "atlas-config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "app-test-loop.h"
#include "app-test-widgets.h"
#include "atlas-application.h"
#include "atlas-presentation.h"
#include "atlas-presenter-window.h"
#include "atlas-window.h"

#define WAIT_MS 30000  /* a bound, not a pause: the sanitized build on a loaded machine is slow */

/* ---- where the windows go, from a list of monitors ------------------------- */

/* Xvfb gives GTK 4.8 one GdkMonitor however it is started (two -screen
 * options are two X screens, +xinerama heads and RandR 1.5 monitors
 * without an output of their own are not listed), so the choice among
 * three and more monitors is tested on geometries, and two real ones
 * inside Weston (test_two_monitors). */
static void
test_pick_monitors (void)
{
  const GdkRectangle one[] = { { 0, 0, 1920, 1080 } };
  const GdkRectangle two[] = { { 0, 0, 1920, 1080 }, { 1920, 0, 1920, 1080 } };
  const GdkRectangle laptop_and_projector[] = { { 0, 0, 1366, 768 }, { 1366, 0, 1920, 1080 } };
  const GdkRectangle projector_smaller[] = { { 0, 0, 2560, 1600 }, { 2560, 0, 1024, 768 } };
  const GdkRectangle three[] = { { 0, 0, 1440, 900 }, { 1440, 0, 1280, 720 }, { 2720, 0, 3840, 2160 } };
  guint slides = G_MAXUINT, presenter = G_MAXUINT;

  /* One monitor: no presenter's window. */
  g_assert_false (atlas_presenter_pick_monitors (one, 1, &slides, &presenter));
  g_assert_false (atlas_presenter_pick_monitors (NULL, 0, &slides, &presenter));

  /* Two: the presenter on the first, the slides on the second, whatever
   * their sizes. */
  g_assert_true (atlas_presenter_pick_monitors (two, 2, &slides, &presenter));
  g_assert_cmpuint (presenter, ==, 0);
  g_assert_cmpuint (slides, ==, 1);
  g_assert_true (atlas_presenter_pick_monitors (laptop_and_projector, 2, &slides, &presenter));
  g_assert_cmpuint (presenter, ==, 0);
  g_assert_cmpuint (slides, ==, 1);
  g_assert_true (atlas_presenter_pick_monitors (projector_smaller, 2, &slides, &presenter));
  g_assert_cmpuint (presenter, ==, 0);
  g_assert_cmpuint (slides, ==, 1);

  /* Three: the slides on the largest after the first. */
  g_assert_true (atlas_presenter_pick_monitors (three, 3, &slides, &presenter));
  g_assert_cmpuint (presenter, ==, 0);
  g_assert_cmpuint (slides, ==, 2);
}

/* ---- helpers ----------------------------------------------------------------- */

static gboolean
presentation_gone (gpointer data)
{
  return atlas_window_get_presentation (ATLAS_WINDOW (data)) == NULL;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static AtlasWindow *
open_bundled (void)
{
  g_autofree char *path = atlas_app_find_bundled_dataset ();

  return path != NULL ? open_window_on (path, WAIT_MS) : NULL;
}

/* A label that shows the note, or a part of it (a line of it, wrapped). */
static gboolean
label_shows_note (GtkWidget *widget, gconstpointer data)
{
  const char *note = data;
  const char *text;

  if (!GTK_IS_LABEL (widget))
    return FALSE;
  text = gtk_label_get_text (GTK_LABEL (widget));
  return text != NULL && *text != '\0' && (strstr (note, text) != NULL || strstr (text, note) != NULL) &&
         strlen (text) > 8;
}

/* Nothing in the projected window shows @note: no label holds it. */
static void
assert_note_not_projected (AtlasPresentation *presentation, const char *note)
{
  if (note == NULL)
    return;
  g_assert_null (find_widget (GTK_WIDGET (presentation), label_shows_note, note));
}

/* The index of the first slide with a note after @from, or -1. */
static int
slide_with_note (AtlasPresentation *presentation, guint from)
{
  for (guint i = from; i < atlas_presentation_get_n_slides (presentation); i++)
    if (atlas_presentation_get_slide_note (presentation, i) != NULL)
      return (int) i;
  return -1;
}

/* ---- two monitors: the presenter's window ------------------------------------ */

static void
test_presenter_window (void)
{
  AtlasWindow *window = open_bundled ();
  AtlasPresentation *presentation;
  AtlasPresenterWindow *presenter;
  GtkListBox *list;
  GtkListBoxRow *row;
  guint n;
  int noted;

  if (window == NULL)
    {
      g_test_skip ("the bundled dataset is not there");
      return;
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  presentation = atlas_window_get_presentation (window);
  g_assert_nonnull (presentation);
  n = atlas_presentation_get_n_slides (presentation);
  g_assert_cmpuint (n, >=, 3);

  /* Under Xvfb there is one monitor: F5 opened no presenter's window. */
  if (g_list_model_get_n_items (gdk_display_get_monitors (gdk_display_get_default ())) < 2)
    {
      g_assert_null (atlas_presentation_get_presenter_monitor (presentation));
      g_assert_null (atlas_presentation_get_presenter (presentation));
    }
  /* What F5 does with two: the presenter's window, here on the one. */
  presenter = ATLAS_PRESENTER_WINDOW (atlas_presentation_open_presenter (presentation, NULL));
  g_assert_nonnull (presenter);
  g_assert_true (GTK_WINDOW (presenter) == atlas_presentation_get_presenter (presentation));
  g_assert_true (atlas_presentation_open_presenter (presentation, NULL) == GTK_WINDOW (presenter));
  g_assert_true (wait_until (widget_mapped, presenter, WAIT_MS));

  /* It shows the current slide's note in large type, the current and the
   * next slide, and lists every slide by title. */
  noted = slide_with_note (presentation, 0);
  g_assert_cmpint (noted, >=, 0);
  atlas_presentation_set_position (presentation, (guint) noted);
  g_assert_cmpstr (gtk_label_get_text (atlas_presenter_window_get_note_label (presenter)), ==,
                   atlas_presentation_get_slide_note (presentation, (guint) noted));
  {
    PangoAttrList *attrs = gtk_label_get_attributes (atlas_presenter_window_get_note_label (presenter));
    g_autoptr(PangoAttrIterator) iter = pango_attr_list_get_iterator (attrs);
    PangoAttrSize *size = (PangoAttrSize *) pango_attr_iterator_get (iter, PANGO_ATTR_ABSOLUTE_SIZE);

    g_assert_nonnull (size);
    g_assert_cmpfloat (size->size / (double) PANGO_SCALE, >=, 18);
  }
  g_assert_true (atlas_chart_view_get_state (atlas_presenter_window_get_current_chart (presenter)) ==
                 atlas_presentation_get_slide_state (presentation, (guint) noted));
  if ((guint) noted + 1 < n)
    g_assert_true (atlas_chart_view_get_state (atlas_presenter_window_get_next_chart (presenter)) ==
                   atlas_presentation_get_slide_state (presentation, (guint) noted + 1));
  g_assert_true (wait_until (chart_drawn, atlas_presenter_window_get_current_chart (presenter), WAIT_MS));
  list = atlas_presenter_window_get_slide_list (presenter);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = atlas_presentation_dup_slide_title (presentation, i);

      row = gtk_list_box_get_row_at_index (list, (int) i);
      g_assert_nonnull (row);
      g_assert_nonnull (find_label_with_text (GTK_WIDGET (row), title));
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, (int) n));
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, noted));

  /* The projected window never holds the note, N or not. */
  assert_note_not_projected (presentation, atlas_presentation_get_note (presentation));
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presentation), GDK_KEY_n, 0));
  g_assert_false (atlas_presentation_get_overlay_visible (presentation));
  assert_note_not_projected (presentation, atlas_presentation_get_note (presentation));
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presenter), GDK_KEY_n, 0));
  g_assert_false (atlas_presentation_get_overlay_visible (presentation));
  assert_note_not_projected (presentation, atlas_presentation_get_note (presentation));

  /* The keys work in the presenter's window too, and both follow. */
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presenter), GDK_KEY_Home, 0));
  g_assert_cmpuint (atlas_presentation_get_position (presentation), ==, 0);
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presenter), GDK_KEY_Right, 0));
  g_assert_cmpuint (atlas_presentation_get_position (presentation), ==, 1);
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presenter), GDK_KEY_Page_Down, 0));
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presenter), GDK_KEY_space, 0));
  g_assert_cmpuint (atlas_presentation_get_position (presentation), ==, 3 < n ? 3 : n - 1);
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presenter), GDK_KEY_Page_Up, 0));
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presenter), GDK_KEY_Left, 0));
  g_assert_cmpuint (atlas_presentation_get_position (presentation), ==, 1);
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presenter), GDK_KEY_End, 0));
  g_assert_cmpuint (atlas_presentation_get_position (presentation), ==, n - 1);
  g_assert_cmpstr (gtk_label_get_text (atlas_presenter_window_get_note_label (presenter)), ==,
                   atlas_presentation_get_slide_note (presentation, n - 1) != NULL
                   ? atlas_presentation_get_slide_note (presentation, n - 1) : "No speaker note.");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (atlas_presenter_window_get_next_chart (presenter))));
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presentation), GDK_KEY_Home, 0));
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 0));
  assert_note_not_projected (presentation, atlas_presentation_get_note (presentation));

  /* A click on a slide in the list goes there. */
  row = gtk_list_box_get_row_at_index (list, (int) n - 2);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_cmpuint (atlas_presentation_get_position (presentation), ==, n - 2);
  g_assert_true (wait_until (chart_drawn, atlas_presentation_get_chart_view (presentation), WAIT_MS));
  g_assert_true (atlas_chart_view_get_state (atlas_presentation_get_chart_view (presentation)) ==
                 atlas_presentation_get_slide_state (presentation, n - 2));
  assert_note_not_projected (presentation, atlas_presentation_get_note (presentation));

  /* The clock runs from the start, shown as minutes and seconds, and
   * starts again at 00:00 when reset. */
  g_assert_cmpstr (gtk_label_get_text (atlas_presenter_window_get_clock_label (presenter)), !=, "");
  atlas_presentation_reset_clock (presentation);
  g_assert_cmpint (atlas_presentation_get_elapsed (presentation), ==, 0);
  {
    g_autofree char *zero = atlas_presentation_format_elapsed (0);
    g_autofree char *later = atlas_presentation_format_elapsed (65);
    g_autofree char *long_one = atlas_presentation_format_elapsed (3600 + 125);

    g_assert_cmpstr (zero, ==, "00:00");
    g_assert_cmpstr (later, ==, "01:05");
    g_assert_cmpstr (long_one, ==, "1:02:05");
  }

  /* Escape in the presenter's window ends both. */
  g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *) &presenter);
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presenter), GDK_KEY_Escape, 0));
  g_assert_true (wait_until (presentation_gone, window, WAIT_MS));
  settle ();
  g_assert_null (presenter);

  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
}

/* ---- two real monitors (tests/test-two-monitors.sh) ---------------------------- */

typedef struct {
  GtkWindow  *window;
  GdkMonitor *monitor;
} OnMonitor;

/* @window is shown full screen, and the compositor has put it on @monitor. */
static gboolean
fullscreen_on (gpointer data)
{
  OnMonitor *on = data;
  GdkSurface *surface;

  if (!gtk_widget_get_mapped (GTK_WIDGET (on->window)) || !gtk_window_is_fullscreen (on->window))
    return FALSE;
  surface = gtk_native_get_surface (GTK_NATIVE (on->window));
  return surface != NULL &&
         gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (on->window)), surface) == on->monitor;
}

/* With two monitors (Weston's two outputs, as a laptop and a projector),
 * F5 alone puts the slides full screen on one and the presenter's window
 * on the other, and the note only on the presenter's. */
static void
test_two_monitors (void)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  AtlasWindow *window;
  AtlasPresentation *presentation;
  GtkWindow *presenter;
  GdkMonitor *presenter_monitor;
  g_autoptr(GdkMonitor) first = NULL;
  g_autoptr(GdkMonitor) second = NULL;
  OnMonitor slides_on, presenter_on;
  int noted;

  g_assert_cmpuint (g_list_model_get_n_items (monitors), ==, 2);
  first = g_list_model_get_item (monitors, 0);
  second = g_list_model_get_item (monitors, 1);
  window = open_bundled ();
  g_assert_nonnull (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  presentation = atlas_window_get_presentation (window);
  g_assert_nonnull (presentation);
  presenter_monitor = atlas_presentation_get_presenter_monitor (presentation);
  g_assert_nonnull (presenter_monitor);
  presenter = atlas_presentation_get_presenter (presentation);
  g_assert_nonnull (presenter);

  /* Two monitors of one size: the slides go to the second (the projector,
   * as a laptop lists its own screen first), the presenter's to the first. */
  g_assert_true (presenter_monitor == first);
  slides_on = (OnMonitor) { GTK_WINDOW (presentation), second };
  presenter_on = (OnMonitor) { presenter, first };
  g_assert_true (wait_until (fullscreen_on, &slides_on, WAIT_MS));
  g_assert_true (wait_until (fullscreen_on, &presenter_on, WAIT_MS));

  noted = slide_with_note (presentation, 0);
  g_assert_cmpint (noted, >=, 0);
  atlas_presentation_set_position (presentation, (guint) noted);
  g_assert_cmpstr (gtk_label_get_text (atlas_presenter_window_get_note_label (ATLAS_PRESENTER_WINDOW (presenter))), ==,
                   atlas_presentation_get_slide_note (presentation, (guint) noted));
  assert_note_not_projected (presentation, atlas_presentation_get_slide_note (presentation, (guint) noted));
  g_assert_true (wait_until (chart_drawn, atlas_presentation_get_chart_view (presentation), WAIT_MS));

  g_assert_true (press_capture_shortcut (GTK_WIDGET (presenter), GDK_KEY_Escape, 0));
  g_assert_true (wait_until (presentation_gone, window, WAIT_MS));
  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
}

/* ---- one monitor: the overlay, and the note on the slide when asked ----------- */

static void
test_overlay_and_notes_on_slide (void)
{
  AtlasWindow *window = open_bundled ();
  AtlasPresentation *presentation;
  const char *note;
  int noted;

  if (window == NULL)
    {
      g_test_skip ("the bundled dataset is not there");
      return;
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  presentation = atlas_window_get_presentation (window);
  noted = slide_with_note (presentation, 0);
  g_assert_cmpint (noted, >=, 0);
  atlas_presentation_set_position (presentation, (guint) noted);
  note = atlas_presentation_get_note (presentation);
  g_assert_nonnull (note);
  g_assert_null (atlas_presentation_get_presenter (presentation));

  /* By default the audience does not see the note. */
  g_assert_false (atlas_presentation_get_notes_on_slide (presentation));
  g_assert_false (atlas_presentation_get_overlay_visible (presentation));
  assert_note_not_projected (presentation, note);

  /* N: the presenter's overlay, with the note, the next slide and the
   * clock; N again hides it. */
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presentation), GDK_KEY_n, 0));
  g_assert_true (atlas_presentation_get_overlay_visible (presentation));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (presentation), note));
  if ((guint) noted + 1 < atlas_presentation_get_n_slides (presentation))
    {
      g_autofree char *title = atlas_presentation_dup_slide_title (presentation, (guint) noted + 1);
      g_autofree char *next = g_strdup_printf ("Next: %s", title);

      g_assert_nonnull (find_label_with_text (GTK_WIDGET (presentation), next));
    }
  atlas_presentation_reset_clock (presentation);
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (presentation), "00:00"));
  g_assert_true (press_capture_shortcut (GTK_WIDGET (presentation), GDK_KEY_n, 0));
  g_assert_false (atlas_presentation_get_overlay_visible (presentation));
  assert_note_not_projected (presentation, note);

  /* The "notes on the slide" setting (a check box in the menu) puts the
   * note along the bottom of the slide, and takes it away again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.notes-on-slide", NULL));
  g_assert_true (atlas_presentation_get_notes_on_slide (presentation));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (presentation), note));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.notes-on-slide", NULL));
  g_assert_false (atlas_presentation_get_notes_on_slide (presentation));
  assert_note_not_projected (presentation, note);

  g_assert_true (press_capture_shortcut (GTK_WIDGET (presentation), GDK_KEY_Escape, 0));
  g_assert_true (wait_until (presentation_gone, window, WAIT_MS));
  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
}

int
main (int argc, char **argv)
{
  if (!widget_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/presenter/pick-monitors", test_pick_monitors);
  g_test_add_func ("/presenter/window", test_presenter_window);
  g_test_add_func ("/presenter/overlay-and-notes-on-slide", test_overlay_and_notes_on_slide);
  /* Only where two monitors are made for it (tests/test-two-monitors.sh):
   * under Xvfb alone GTK sees one. */
  if (g_getenv ("ATLAS_TEST_TWO_MONITORS") != NULL)
    g_test_add_func ("/presenter/two-monitors", test_two_monitors);
  return g_test_run ();
}
