/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-presentation.c: widget tests of presentation mode: a briefing's slides step by step, the keys, the note, the default deck, the chooser, the PDF, and the window as it was after Escape. */
#include "atlas-config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "app-test-loop.h"
#include "app-test-widgets.h"
#include "atlas-application.h"
#include "atlas-briefing-chooser.h"
#include "atlas-export.h"
#include "atlas-presentation.h"
#include "atlas-window.h"

#define WAIT_MS 30000  /* a bound, not a pause: under the sanitizers on a loaded machine a slide takes seconds */

/* ---- helpers ------------------------------------------------------------- */

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "app", name, NULL);
}

static gboolean
presentation_shown (gpointer data)
{
  return atlas_window_get_presentation (ATLAS_WINDOW (data)) != NULL;
}

static gboolean
presentation_gone (gpointer data)
{
  return atlas_window_get_presentation (ATLAS_WINDOW (data)) == NULL;
}

static gboolean
pointer_hidden (gpointer data)
{
  return atlas_presentation_get_pointer_hidden (ATLAS_PRESENTATION (data));
}

static AtlasWindow *
open_window (const char *path)
{
  return open_window_on (path, WAIT_MS);
}

static void
close_window (AtlasWindow *window)
{
  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
}

static char *
describe_date (const AtlasDate *date)
{
  return atlas_date_is_set (date) ? atlas_date_to_string (date) : g_strdup ("-");
}

static char *
describe_strv (const char * const *strv)
{
  return strv != NULL ? g_strjoinv (",", (char **) strv) : g_strdup ("-");
}

/* Everything a view's options say, as one line to compare. */
static char *
describe_options (const AtlasChartOptions *o)
{
  g_autofree char *from = describe_date (&o->from);
  g_autofree char *to = describe_date (&o->to);
  g_autofree char *indexed = describe_date (&o->indexed);
  g_autofree char *series = describe_strv (o->series);
  g_autofree char *kinds = describe_strv (o->kinds);
  g_autofree char *regions = describe_strv (o->regions);
  g_autofree char *elements = describe_strv (o->elements);

  return g_strdup_printf ("view=%d lang=%s subtitle=%s chain=%s keep_order=%d offsets=%u series=%s "
                          "from=%s to=%s log=%d indexed=%s currency=%s unit=%s events=%d group=%s "
                          "kinds=%s regions=%s elements=%s select=%s",
                          o->view, o->lang, o->subtitle, o->chain, o->keep_order,
                          o->offset_nodes != NULL ? g_strv_length ((char **) o->offset_nodes) : 0,
                          series, from, to, o->log_scale, indexed, o->currency, o->unit,
                          o->show_events, o->group, kinds, regions, elements, o->select);
}

static char *
describe_item (const AtlasItem *item)
{
  return g_strdup_printf ("%d:%s:%d", item->kind, item->id, item->kind == ATLAS_ITEM_NONE ? -1 : item->index);
}

/* The window as the user left it: view, each view's options, the chart's
 * state object, the selection, the panels. */
static char *
describe_window (AtlasWindow *window)
{
  GString *out = g_string_new (NULL);
  AtlasChartView *chart = atlas_window_get_chart_view (window);
  g_autofree char *selection = describe_item (atlas_window_get_selection (window));
  gboolean sidebar, table;

  g_object_get (window, "show-sidebar", &sidebar, "show-table", &table, NULL);
  g_string_append_printf (out, "view=%d sidebar=%d table=%d fullscreen=%d selection=%s chart-state-is-window's=%d\n",
                          atlas_window_get_view (window), sidebar, table,
                          gtk_window_is_fullscreen (GTK_WINDOW (window)), selection,
                          atlas_chart_view_get_state (chart) ==
                          atlas_window_get_view_state (window, atlas_window_get_view (window)));
  for (AtlasView view = 0; view < ATLAS_VIEW_N_VIEWS; view++)
    {
      g_autofree char *options = describe_options (atlas_view_state_get_options (atlas_window_get_view_state (window, view)));
      g_string_append_printf (out, "%s\n", options);
    }
  return g_string_free (out, FALSE);
}

/* Activates what @keyval does in the presentation, through the shortcut
 * it installed for it, before the chart (which takes arrows, Home, End
 * and Space itself): FALSE when no shortcut has that key. */
static gboolean
press_key (AtlasPresentation *presentation, guint keyval, GdkModifierType modifiers)
{
  return press_capture_shortcut (GTK_WIDGET (presentation), keyval, modifiers);
}

/* The slide on screen shows what @slide says: its view, chain or series,
 * range, scale, group, filters and selection. */
static void
check_slide (AtlasPresentation *presentation, AtlasWindow *window, const AtlasSlide *slide, guint index, guint n)
{
  AtlasChartView *chart = atlas_presentation_get_chart_view (presentation);
  AtlasViewState *state = atlas_presentation_get_state (presentation);
  const AtlasChartOptions *shown = atlas_view_state_get_options (state);
  AtlasChartOptions expected;
  g_autofree char *counter = g_strdup_printf ("%u / %u", index + 1, n);
  g_autofree char *expected_text = NULL;
  g_autofree char *shown_text = NULL;
  const AtlasItem *selection;
  AtlasScene *scene;

  g_test_message ("slide %u: %s", index + 1, atlas_text_get (slide->title, NULL));
  g_assert_cmpuint (atlas_presentation_get_position (presentation), ==, index);
  g_assert_cmpstr (atlas_presentation_get_counter (presentation), ==, counter);
  g_assert_cmpstr (atlas_presentation_get_title (presentation), ==, atlas_text_get (slide->title, NULL));
  g_assert_cmpstr (atlas_presentation_get_note (presentation), ==, atlas_text_get (slide->note, NULL));

  /* The slide's own options, never one of the window's. */
  g_assert_true (atlas_chart_view_get_state (chart) == state);
  for (AtlasView view = 0; view < ATLAS_VIEW_N_VIEWS; view++)
    g_assert_true (state != atlas_window_get_view_state (window, view));

  /* Every member a slide may set, as the briefing PDF reads it. */
  atlas_slide_get_options (slide, &expected);
  expected.lang = shown->lang;
  expected_text = describe_options (&expected);
  shown_text = describe_options (shown);
  g_assert_cmpstr (shown_text, ==, expected_text);
  g_assert_cmpint (shown->view, ==, slide->view);

  /* Drawn, with the slide's item selected and highlighted. */
  g_assert_true (wait_until (chart_drawn, chart, WAIT_MS));
  scene = atlas_chart_view_get_scene (chart);
  g_assert_nonnull (scene);
  g_assert_null (atlas_chart_view_get_error (chart));
  /* One title: the slide's heads the chart itself. */
  if (slide->title != NULL)
    g_assert_cmpstr (scene->title, ==, atlas_text_get (slide->title, NULL));
  selection = atlas_chart_view_get_selection (chart);
  if (slide->select != NULL)
    {
      g_assert_cmpstr (selection->id, ==, slide->select);
      g_assert_true (atlas_item_equal (&scene->selected, selection));
      g_assert_nonnull (scene->emphasis);
    }
  else
    g_assert_cmpint (selection->kind, ==, ATLAS_ITEM_NONE);
}

static gboolean
dataset_path_with_briefings (char **out)
{
  g_autofree char *bundled = atlas_app_find_bundled_dataset ();

  if (bundled == NULL)
    return FALSE;
  *out = g_steal_pointer (&bundled);
  return TRUE;
}

/* small.json with two briefings of its own ids. */
static char *
write_two_briefings (void)
{
  static const char briefings[] =
    ",\n  \"briefings\": [\n"
    "    {\"id\": \"first\", \"title\": \"First briefing\", \"slides\": [\n"
    "      {\"view\": \"flows\", \"chain\": \"chain-a\", \"select\": \"ref:CN\", \"title\": \"Refining\", \"note\": \"One\"},\n"
    "      {\"view\": \"shares\", \"group\": \"japan\"}]},\n"
    "    {\"id\": \"second\", \"title\": \"Second briefing\", \"slides\": [\n"
    "      {\"view\": \"prices\", \"series\": [\"nd-oxide\"], \"scale\": \"log\", \"title\": \"Neodymium\"},\n"
    "      {\"view\": \"timeline\", \"kinds\": [\"policy\"], \"select\": \"controls-2025\"},\n"
    "      {\"view\": \"shares\", \"group\": \"world-2024\"}]}\n"
    "  ]\n}\n";
  g_autofree char *source = fixture ("small.json");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-present-XXXXXX", &error);
  char *path;
  char *end;

  g_assert_no_error (error);
  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);
  end = strrchr (contents, '}');
  g_assert_nonnull (end);
  *end = '\0';
  g_strchomp (contents);
  path = g_build_filename (dir, "two-briefings.json", NULL);
  {
    g_autofree char *joined = g_strconcat (contents, briefings, NULL);
    g_file_set_contents (path, joined, -1, &error);
    g_assert_no_error (error);
  }
  return path;
}

static void
remove_with_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

static gboolean
is_button_for_action (GtkWidget *widget, gconstpointer action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The header bar offers what the app is for, one click away: a button
 * that presents the briefing (and one that opens a dataset). */
static void
test_header_bar_buttons (void)
{
  g_autofree char *path = NULL;
  GtkWidget *titlebar, *present, *open;
  AtlasWindow *window;

  if (!dataset_path_with_briefings (&path))
    {
      g_test_skip ("the bundled dataset is not there");
      return;
    }
  window = open_window (path);
  titlebar = gtk_window_get_titlebar (GTK_WINDOW (window));
  present = find_widget (titlebar, is_button_for_action, "win.present");
  open = find_widget (titlebar, is_button_for_action, "win.open");
  g_assert_nonnull (present);
  g_assert_nonnull (open);
  g_assert_true (gtk_widget_is_sensitive (open));
  g_assert_true (gtk_widget_is_sensitive (present));

  g_assert_null (atlas_window_get_presentation (window));
  /* A button activated from the keyboard clicks after a short press. */
  g_assert_true (gtk_widget_activate (present));
  g_assert_true (wait_until (presentation_shown, window, WAIT_MS));
  close_window (window);
}

/* ---- a briefing, slide by slide ------------------------------------------ */

static void
test_briefing (void)
{
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *during = NULL;
  const AtlasBriefing *briefing;
  AtlasPresentation *presentation;
  AtlasWindow *window;
  guint n;
  /* Each forward key in turn, so every one is exercised. */
  static const guint forward[] = { GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_Page_Down, GDK_KEY_space };
  static const guint backward[] = { GDK_KEY_Left, GDK_KEY_Up, GDK_KEY_Page_Up };

  if (!dataset_path_with_briefings (&path))
    {
      g_test_skip ("the bundled dataset is not there");
      return;
    }
  window = open_window (path);
  g_assert_cmpuint (atlas_dataset_get_briefings (atlas_window_get_dataset (window))->len, ==, 1);
  briefing = g_ptr_array_index (atlas_dataset_get_briefings (atlas_window_get_dataset (window)), 0);
  n = briefing->slides->len;
  g_assert_cmpuint (n, >=, 2);

  /* The user was somewhere of their own: prices on a log scale, from 2015,
   * a series selected, the table open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "prices"));
  {
    AtlasViewState *prices = atlas_window_get_view_state (window, ATLAS_VIEW_PRICES);
    AtlasDate from = { 0 };

    g_assert_true (atlas_date_parse ("2015", 4, &from));
    atlas_view_state_set_log_scale (prices, TRUE);
    atlas_view_state_set_range (prices, &from, NULL);
    g_assert_true (wait_until (chart_drawn, atlas_window_get_chart_view (window), WAIT_MS));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (atlas_window_get_chart_view (window)),
                                               "chart.select-next", NULL));
    g_assert_cmpint (atlas_window_get_selection (window)->kind, !=, ATLAS_ITEM_NONE);
  }
  atlas_window_set_show_table (window, TRUE);
  before = describe_window (window);

  /* F5 (the action it triggers): one briefing, so no question asked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_null (atlas_window_get_briefing_chooser (window));
  presentation = atlas_window_get_presentation (window);
  g_assert_nonnull (presentation);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (presentation)) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (presentation)));
  g_assert_cmpuint (atlas_presentation_get_n_slides (presentation), ==, n);
  /* No header bar or sidebar: a chart and text, full screen. */
  g_assert_null (gtk_window_get_titlebar (GTK_WINDOW (presentation)));
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (presentation)));
  g_assert_null (find_widget_of_type (GTK_WIDGET (presentation), GTK_TYPE_HEADER_BAR));
  g_assert_null (find_widget_of_type (GTK_WIDGET (presentation), ATLAS_TYPE_SIDEBAR));
  /* The type is scaled up for the room. */
  g_assert_cmpfloat (atlas_chart_view_get_style (atlas_presentation_get_chart_view (presentation))->font_scale,
                     >=, 1.5);
  g_assert_cmpfloat (atlas_presentation_get_title_size (presentation), >, 20);

  /* A second F5 brings the same presentation forward. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_true (atlas_window_get_presentation (window) == presentation);

  /* Forward through every slide, checking each. */
  for (guint i = 0; i < n; i++)
    {
      check_slide (presentation, window, g_ptr_array_index (briefing->slides, i), i, n);
      if (i + 1 < n)
        g_assert_true (press_key (presentation, forward[i % G_N_ELEMENTS (forward)], 0));
    }
  /* The last slide stays the last. */
  g_assert_true (press_key (presentation, GDK_KEY_Page_Down, 0));
  g_assert_cmpuint (atlas_presentation_get_position (presentation), ==, n - 1);

  /* Back, one key at a time. */
  for (guint i = 0; i < G_N_ELEMENTS (backward) && i + 1 < n; i++)
    {
      g_assert_true (press_key (presentation, backward[i], 0));
      check_slide (presentation, window, g_ptr_array_index (briefing->slides, n - 2 - i), n - 2 - i, n);
    }
  g_assert_true (press_key (presentation, GDK_KEY_Home, 0));
  check_slide (presentation, window, g_ptr_array_index (briefing->slides, 0), 0, n);
  g_assert_true (press_key (presentation, GDK_KEY_Page_Up, 0));
  g_assert_cmpuint (atlas_presentation_get_position (presentation), ==, 0);
  g_assert_true (press_key (presentation, GDK_KEY_End, 0));
  check_slide (presentation, window, g_ptr_array_index (briefing->slides, n - 1), n - 1, n);
  g_assert_true (press_key (presentation, GDK_KEY_Home, 0));

  /* N shows and hides the presenter's overlay (one monitor here), the
   * only place of the projected window the note ever is. */
  g_assert_nonnull (atlas_presentation_get_note (presentation));
  g_assert_false (atlas_presentation_get_overlay_visible (presentation));
  g_assert_false (atlas_presentation_get_notes_on_slide (presentation));
  g_assert_null (find_label_with_text (GTK_WIDGET (presentation), atlas_presentation_get_note (presentation)));
  g_assert_true (press_key (presentation, GDK_KEY_n, 0));
  g_assert_true (atlas_presentation_get_overlay_visible (presentation));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (presentation), atlas_presentation_get_note (presentation)));
  /* ... and it stays shown on the next slide, with that slide's note. */
  g_assert_true (press_key (presentation, GDK_KEY_Right, 0));
  g_assert_true (atlas_presentation_get_overlay_visible (presentation));
  if (atlas_presentation_get_note (presentation) != NULL)
    g_assert_nonnull (find_label_with_text (GTK_WIDGET (presentation), atlas_presentation_get_note (presentation)));
  g_assert_true (press_key (presentation, GDK_KEY_N, GDK_SHIFT_MASK));
  g_assert_false (atlas_presentation_get_overlay_visible (presentation));
  if (atlas_presentation_get_note (presentation) != NULL)
    g_assert_null (find_label_with_text (GTK_WIDGET (presentation), atlas_presentation_get_note (presentation)));

  /* A click in the presentation selects there, not in the window. */
  {
    AtlasChartView *chart = atlas_presentation_get_chart_view (presentation);
    AtlasScene *scene = atlas_chart_view_get_scene (chart);

    g_assert_nonnull (scene);
    g_assert_cmpuint (scene->items->len, >, 0);
    atlas_chart_view_set_selection (chart, &g_array_index (scene->items, AtlasItem, scene->items->len - 1));
  }

  /* The pointer hides when left alone. */
  g_assert_true (wait_until (pointer_hidden, presentation, 5000));

  /* Nothing of the window moved meanwhile. */
  during = describe_window (window);
  g_assert_cmpstr (during, ==, before);

  /* Escape leaves, back to the window as it was. */
  g_assert_true (press_key (presentation, GDK_KEY_Escape, 0));
  g_assert_true (wait_until (presentation_gone, window, WAIT_MS));
  after = describe_window (window);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  close_window (window);
}

/* ---- no briefing: one slide per view ------------------------------------- */

static guint
views_with_content (AtlasDataset *dataset)
{
  guint n = 0;

  for (AtlasView view = 0; view < ATLAS_VIEW_N_VIEWS; view++)
    {
      g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
      g_autoptr(AtlasScene) scene = NULL;
      AtlasChartOptions options;

      atlas_chart_options_init (&options, view);
      scene = atlas_chart_layout (dataset, &options, 1600, 600, style, NULL);
      n += scene != NULL;
    }
  return n;
}

static void
test_views_deck (void)
{
  static const AtlasView order[] = { ATLAS_VIEW_FLOWS, ATLAS_VIEW_PRICES, ATLAS_VIEW_SHARES, ATLAS_VIEW_TIMELINE, ATLAS_VIEW_MAP };
  g_autofree char *path = fixture ("small.json");
  AtlasWindow *window = open_window (path);
  AtlasChartView *window_chart = atlas_window_get_chart_view (window);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AtlasPresentation *presentation;
  AtlasItem selected;
  g_autofree char *selected_id = NULL;
  guint n;

  g_assert_cmpuint (atlas_dataset_get_briefings (atlas_window_get_dataset (window))->len, ==, 0);
  /* The user's settings: flows in the dataset's order, prices on a log
   * scale, the shares view shown with a bar part selected. */
  atlas_view_state_set_keep_order (atlas_window_get_view_state (window, ATLAS_VIEW_FLOWS), TRUE);
  atlas_view_state_set_log_scale (atlas_window_get_view_state (window, ATLAS_VIEW_PRICES), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "shares"));
  g_assert_true (wait_until (chart_drawn, window_chart, WAIT_MS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window_chart), "chart.select-next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window_chart), "chart.select-next", NULL));
  selected = *atlas_window_get_selection (window);
  selected_id = g_strdup (selected.id);
  selected.id = selected_id;
  g_assert_cmpint (selected.kind, !=, ATLAS_ITEM_NONE);
  before = describe_window (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_null (atlas_window_get_briefing_chooser (window));
  presentation = atlas_window_get_presentation (window);
  g_assert_nonnull (presentation);
  n = atlas_presentation_get_n_slides (presentation);
  g_assert_cmpuint (n, ==, views_with_content (atlas_window_get_dataset (window)));

  /* It starts on the view the user was looking at, with their selection. */
  g_assert_cmpint (atlas_view_state_get_view (atlas_presentation_get_state (presentation)), ==, ATLAS_VIEW_SHARES);
  g_assert_true (wait_until (chart_drawn, atlas_presentation_get_chart_view (presentation), WAIT_MS));
  g_assert_true (atlas_item_equal (atlas_chart_view_get_selection (atlas_presentation_get_chart_view (presentation)),
                                   &selected));

  /* One slide per view, in the window's order, each a copy of its settings;
   * the chart's own title heads it. */
  g_assert_true (press_key (presentation, GDK_KEY_Home, 0));
  for (guint i = 0, slide = 0; i < G_N_ELEMENTS (order) && slide < n; i++)
    {
      AtlasViewState *state = atlas_presentation_get_state (presentation);
      AtlasViewState *window_state = atlas_window_get_view_state (window, order[i]);
      g_autofree char *shown = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *counter = g_strdup_printf ("%u / %u", slide + 1, n);

      if (atlas_view_state_get_view (state) != order[i])
        continue;  /* a view the dataset has nothing for */
      g_assert_true (state != window_state);
      shown = describe_options (atlas_view_state_get_options (state));
      expected = describe_options (atlas_view_state_get_options (window_state));
      g_assert_cmpstr (shown, ==, expected);
      g_assert_null (atlas_presentation_get_title (presentation));
      g_assert_null (atlas_presentation_get_note (presentation));
      g_assert_cmpstr (atlas_presentation_get_counter (presentation), ==, counter);
      g_assert_true (wait_until (chart_drawn, atlas_presentation_get_chart_view (presentation), WAIT_MS));
      g_assert_nonnull (atlas_chart_view_get_scene (atlas_presentation_get_chart_view (presentation)));
      if (order[i] == ATLAS_VIEW_PRICES)
        {
          g_assert_true (atlas_view_state_get_options (state)->log_scale);
          /* Zooming in the presentation changes its copy only. */
          atlas_view_state_set_log_scale (state, FALSE);
          g_assert_true (atlas_view_state_get_options (window_state)->log_scale);
        }
      if (order[i] == ATLAS_VIEW_FLOWS)
        g_assert_true (atlas_view_state_get_options (state)->keep_order);
      slide++;
      g_assert_true (press_key (presentation, GDK_KEY_Right, 0));
    }

  /* Leaving by closing the window (a window manager's close) restores too. */
  gtk_window_close (GTK_WINDOW (presentation));
  g_assert_true (wait_until (presentation_gone, window, WAIT_MS));
  after = describe_window (window);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (atlas_item_equal (atlas_window_get_selection (window), &selected));
  close_window (window);
}

/* ---- several briefings: the chooser -------------------------------------- */

static void
test_chooser (void)
{
  g_autofree char *path = write_two_briefings ();
  AtlasWindow *window = open_window (path);
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  const AtlasBriefing *second = atlas_dataset_find_briefing (dataset, "second");
  AtlasPresentation *presentation;
  GtkWindow *chooser;
  GtkListBox *list;

  g_assert_cmpuint (atlas_dataset_get_briefings (dataset)->len, ==, 2);
  g_assert_nonnull (second);

  /* F5 asks which; nothing is presented yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  chooser = atlas_window_get_briefing_chooser (window);
  g_assert_nonnull (chooser);
  g_assert_true (ATLAS_IS_BRIEFING_CHOOSER (chooser));
  g_assert_true (gtk_window_get_modal (chooser));
  g_assert_null (atlas_window_get_presentation (window));
  list = GTK_LIST_BOX (find_widget_of_type (GTK_WIDGET (chooser), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  /* Two briefings and "each view once". */
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 2));
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));

  /* Choosing the second row presents the second briefing. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1))));
  settle ();
  g_assert_null (atlas_window_get_briefing_chooser (window));
  presentation = atlas_window_get_presentation (window);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (atlas_presentation_get_n_slides (presentation), ==, second->slides->len);
  for (guint i = 0; i < second->slides->len; i++)
    {
      check_slide (presentation, window, g_ptr_array_index (second->slides, i), i, second->slides->len);
      press_key (presentation, GDK_KEY_Right, 0);
    }
  g_assert_true (press_key (presentation, GDK_KEY_Escape, 0));
  g_assert_true (wait_until (presentation_gone, window, WAIT_MS));

  /* Escape in the chooser presents nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  chooser = atlas_window_get_briefing_chooser (window);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "window.close", NULL));
  settle ();
  g_assert_null (atlas_window_get_briefing_chooser (window));
  g_assert_null (atlas_window_get_presentation (window));

  /* The last row: one slide per view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  chooser = atlas_window_get_briefing_chooser (window);
  list = GTK_LIST_BOX (find_widget_of_type (GTK_WIDGET (chooser), GTK_TYPE_LIST_BOX));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2))));
  settle ();
  presentation = atlas_window_get_presentation (window);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (atlas_presentation_get_n_slides (presentation), ==, views_with_content (dataset));
  g_assert_null (atlas_presentation_get_title (presentation));

  /* Closing the window takes its presentation along. */
  close_window (window);
  remove_with_dir (path);
}

/* ---- the briefing as a PDF, from the window ------------------------------ */

static void
check_pdf (const char *path, guint pages)
{
  g_autofree char *contents = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, path, NULL };
      g_autofree char *out = NULL;
      const char *line;
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
      g_assert_no_error (error);
      line = strstr (out, "\nPages:");
      g_assert_nonnull (line);
      g_assert_cmpuint (g_ascii_strtoull (g_strchug ((char *) line + strlen ("\nPages:")), NULL, 10), ==, pages);
      g_assert_nonnull (strstr (out, "1600 x 900 pts"));
    }
}

static void
test_export_briefing_pdf (void)
{
  g_autofree char *path = write_two_briefings ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  AtlasWindow *window = open_window (path);
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  const AtlasBriefing *first = atlas_dataset_find_briefing (dataset, "first");
  g_autoptr(GError) error = NULL;

  /* In the menu, enabled with a dataset. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "flows"));
  g_assert_true (atlas_window_export_briefing_pdf (window, first, TRUE, pdf, &error));
  g_assert_no_error (error);
  check_pdf (pdf, first->slides->len);
  g_remove (pdf);

  /* No briefing: one page per view. */
  g_assert_true (atlas_window_export_briefing_pdf (window, NULL, FALSE, pdf, &error));
  g_assert_no_error (error);
  check_pdf (pdf, views_with_content (dataset));
  g_remove (pdf);

  /* A folder that is not there: an error, and no file. */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "deck.pdf", NULL);
    g_assert_false (atlas_window_export_briefing_pdf (window, first, TRUE, bad, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
  close_window (window);
  remove_with_dir (path);
}

/* ---- light and dark while presenting ------------------------------------- */

/* The colour of @widget's pixel at (@x, @y) as it paints now, 0xRRGGBB. */
static guint32
painted_pixel (GtkWidget *widget, int x, int y)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint8 *pixels = NULL;
  const guint8 *p;

  g_assert_cmpint (width, >, x);
  g_assert_cmpint (height, >, y);
  /* What the next frame shows: the widget's own snapshot, its children's
   * drawn as GTK draws them. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4);
  gdk_texture_download (texture, pixels, (gsize) gdk_texture_get_width (texture) * 4);
  /* Cairo's ARGB32 in memory: B, G, R, A on little-endian machines. */
  p = pixels + ((gsize) y * gdk_texture_get_width (texture) + x) * 4;
  return (guint32) GUINT32_FROM_LE (*(const guint32 *) p) & 0xffffff;
}

static guint32
color_to_rgb (const AtlasColor *color)
{
  return (guint32) round (color->red * 255) << 16 | (guint32) round (color->green * 255) << 8 |
         (guint32) round (color->blue * 255);
}

/* The slide and what surrounds it are drawn in @dark's colours: the
 * chart's scene, its pixels, the background around it and the counter. */
static void
check_presentation_style (AtlasPresentation *presentation, gboolean dark)
{
  AtlasChartView *chart = atlas_presentation_get_chart_view (presentation);
  g_autoptr(AtlasStyle) expected = atlas_style_new (dark);
  AtlasScene *scene;
  PangoAttrList *attrs;
  PangoAttrIterator *iter;
  PangoAttrColor *foreground;

  g_assert_cmpint (atlas_presentation_get_style (presentation)->dark, ==, dark);
  g_assert_cmpfloat (atlas_presentation_get_style (presentation)->font_scale, ==, ATLAS_PRESENTATION_FONT_SCALE);
  g_assert_true (wait_until (chart_drawn, chart, WAIT_MS));
  scene = atlas_chart_view_get_scene (chart);
  g_assert_nonnull (scene);
  g_assert_cmpint (scene->style->dark, ==, dark);
  g_assert_cmphex (color_to_rgb (&scene->background), ==, color_to_rgb (&expected->background));
  /* A corner of the chart (its frame's margin; the chart fills the top
   * of the window) and of the window below it. */
  g_assert_cmphex (painted_pixel (GTK_WIDGET (presentation), 2, 2), ==, color_to_rgb (&expected->background));
  g_assert_cmphex (painted_pixel (GTK_WIDGET (presentation), 1, gtk_widget_get_height (GTK_WIDGET (presentation)) - 2),
                   ==, color_to_rgb (&expected->background));

  /* The counter, in the chart's muted colour. */
  attrs = gtk_label_get_attributes (GTK_LABEL (find_label_with_text (GTK_WIDGET (presentation),
                                                                     atlas_presentation_get_counter (presentation))));
  g_assert_nonnull (attrs);
  iter = pango_attr_list_get_iterator (attrs);
  foreground = (PangoAttrColor *) pango_attr_iterator_get (iter, PANGO_ATTR_FOREGROUND);
  g_assert_nonnull (foreground);
  g_assert_cmphex ((guint32) (foreground->color.red >> 8) << 16 | (guint32) (foreground->color.green >> 8) << 8 |
                   (guint32) (foreground->color.blue >> 8), ==, color_to_rgb (&expected->muted));
  pango_attr_iterator_destroy (iter);
}

static void
test_follows_style (void)
{
  g_autofree char *path = fixture ("small.json");
  AtlasLaunchOptions launch = { 0 };
  g_autoptr(AtlasApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  AtlasWindow *window = NULL;
  AtlasPresentation *presentation;
  RenderWait wait;

  /* As the user runs it: the application's Style menu drives the window,
   * which drives the presentation. */
  launch.dataset_path = path;
  /* Not unique: the test must not hand its work to a running instance. */
  launch.quit_after_first_frame = TRUE;
  app = atlas_application_new (&launch);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (app), "style", g_variant_new_string ("light"));
  g_application_activate (G_APPLICATION (app));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (ATLAS_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  g_assert_true (wait_until (chart_drawn, atlas_window_get_chart_view (window), WAIT_MS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  presentation = atlas_window_get_presentation (window);
  g_assert_nonnull (presentation);
  check_presentation_style (presentation, FALSE);

  /* Dark while presenting: the slide draws again, dark. */
  wait.chart = atlas_presentation_get_chart_view (presentation);
  wait.renders = atlas_chart_view_get_render_count (wait.chart);
  g_action_group_activate_action (G_ACTION_GROUP (app), "style", g_variant_new_string ("dark"));
  g_assert_true (atlas_window_get_style (window)->dark);
  /* The menu's choice is the "style" setting (g_settings_create_action). */
  {
    g_autoptr(GSettings) settings = atlas_app_create_settings ();
    g_autofree char *style = g_settings_get_string (settings, "style");

    g_assert_cmpstr (style, ==, "dark");
  }
  g_assert_true (wait_until (rendered_again, &wait, WAIT_MS));
  check_presentation_style (presentation, TRUE);

  /* On the next slide too (each slide's chart is the same widget, but a
   * slide shown later must not bring the old style back). */
  wait.renders = atlas_chart_view_get_render_count (wait.chart);
  g_assert_true (press_key (presentation, GDK_KEY_Right, 0));
  g_assert_true (wait_until (rendered_again, &wait, WAIT_MS));
  check_presentation_style (presentation, TRUE);

  /* And back to light. */
  wait.renders = atlas_chart_view_get_render_count (wait.chart);
  g_action_group_activate_action (G_ACTION_GROUP (app), "style", g_variant_new_string ("light"));
  g_assert_true (wait_until (rendered_again, &wait, WAIT_MS));
  check_presentation_style (presentation, FALSE);

  /* About is libadwaita's about window, over the app's active window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *about = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && about == NULL; i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
        if (ADW_IS_ABOUT_WINDOW (toplevel))
          about = toplevel;
      }
    g_assert_nonnull (about);
    g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Rare Earth Atlas");
    g_assert_nonnull (gtk_window_get_transient_for (about));
    gtk_window_destroy (about);
  }

  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
}

/* ---- --present ------------------------------------------------------------ */

/* Activates an application started with @launch (made not unique, so the
 * test never hands its work to a running instance) and returns its window. */
static AtlasWindow *
activate_launch (AtlasLaunchOptions *launch, AtlasApplication **app)
{
  g_autoptr(GError) error = NULL;
  AtlasWindow *window = NULL;

  launch->quit_after_first_frame = TRUE;
  *app = atlas_application_new (launch);
  g_assert_true (g_application_register (G_APPLICATION (*app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (*app));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (*app)); l != NULL; l = l->next)
    if (ATLAS_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  return window;
}

static void
test_launch_present (void)
{
  g_autofree char *bundled = atlas_app_find_bundled_dataset ();
  AtlasLaunchOptions launch = { 0 };
  g_autoptr(AtlasApplication) app = NULL;
  AtlasWindow *window;

  if (bundled == NULL)
    {
      g_test_skip ("the bundled dataset is not there");
      return;
    }
  /* The bundled dataset has one briefing: --present starts it at once. */
  launch.dataset_path = bundled;
  launch.present = TRUE;
  window = activate_launch (&launch, &app);
  g_assert_nonnull (atlas_window_get_presentation (window));
  g_assert_cmpuint (atlas_presentation_get_n_slides (atlas_window_get_presentation (window)), ==,
                    ((const AtlasBriefing *) g_ptr_array_index (
                       atlas_dataset_get_briefings (atlas_window_get_dataset (window)), 0))->slides->len);
  /* The window's first frame (it asks the application to quit then; no
   * main loop of the application's runs here). */
  g_assert_true (wait_until (chart_drawn, atlas_window_get_chart_view (window), WAIT_MS));
  settle ();
  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
}

/* --present --briefing=ID: that briefing, not the chooser; an id the
 * dataset lacks leaves the window as it was, with a message naming the
 * ids it has. */
static void
test_launch_present_briefing (void)
{
  g_autofree char *path = write_two_briefings ();
  const struct { const char *id; guint n_slides; } cases[] = {
    { "second", 3 }, { "first", 2 }, { "third", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasLaunchOptions launch = { 0 };
      g_autoptr(AtlasApplication) app = NULL;
      AtlasWindow *window;
      AtlasPresentation *presentation;

      launch.dataset_path = path;
      launch.present = TRUE;
      launch.briefing = cases[i].id;
      window = activate_launch (&launch, &app);
      atlas_window_set_error_dialogs (window, FALSE);
      presentation = atlas_window_get_presentation (window);
      g_assert_null (atlas_window_get_briefing_chooser (window));
      if (cases[i].n_slides == 0)
        {
          const char *error = atlas_window_get_last_error (window);

          g_assert_null (presentation);
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error, "“third”"));
          g_assert_nonnull (strstr (error, "first, second"));
        }
      else
        {
          g_assert_nonnull (presentation);
          g_assert_cmpuint (atlas_presentation_get_n_slides (presentation), ==, cases[i].n_slides);
        }
      settle ();
      g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
    }
  remove_with_dir (path);
}

int
main (int argc, char **argv)
{
  if (!widget_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/presentation/header-bar-buttons", test_header_bar_buttons);
  g_test_add_func ("/presentation/briefing", test_briefing);
  g_test_add_func ("/presentation/views-deck", test_views_deck);
  g_test_add_func ("/presentation/chooser", test_chooser);
  g_test_add_func ("/presentation/export-briefing-pdf", test_export_briefing_pdf);
  g_test_add_func ("/presentation/follows-style", test_follows_style);
  g_test_add_func ("/presentation/launch-present", test_launch_present);
  g_test_add_func ("/presentation/launch-present-briefing", test_launch_present_briefing);
  return g_test_run ();
}
