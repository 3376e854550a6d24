/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-briefing-panel.c: widget tests of making a briefing in the window: slides from views drawn as the window drew them, edits with undo, saving into the dataset, conflicts, a read-only file, presenting and printing unsaved edits, closing with unsaved changes. */
#include "atlas-config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "app-test-loop.h"
#include "app-test-widgets.h"
#include "atlas-briefing.h"
#include "atlas-briefing-json.h"
#include "atlas-callouts.h"
#include "atlas-export-private.h"
#include "atlas-sankey-json.h"
#include "atlas-window-briefing.h"

#define WAIT_MS 30000  /* a bound, not a pause */

typedef struct {
  char        *dir;
  char        *path;
  GBytes      *original;
  AtlasWindow *window;
} Fixture;

/* ---- helpers ------------------------------------------------------------------ */

/* Drawn, at the chart's size now (the panel slides in over a few frames). */
static gboolean
chart_settled (gpointer data)
{
  AtlasChartView *chart = data;
  AtlasScene *scene = atlas_chart_view_get_scene (chart);

  return atlas_chart_view_has_drawn (chart) && scene != NULL &&
         (int) scene->width == gtk_widget_get_width (GTK_WIDGET (chart));
}

static gboolean
panel_revealed (gpointer data)
{
  GtkWidget *revealer = gtk_widget_get_ancestor (data, GTK_TYPE_REVEALER);

  return revealer != NULL && gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

typedef struct {
  AtlasWindow *window;
  const char  *json;     /* the scene wanted, or NULL: any */
  gboolean     equal;    /* the scene is @json (else: differs from it) */
} SceneWait;

static char *
dup_scene_json (AtlasWindow *window)
{
  AtlasScene *scene = atlas_window_get_scene (window);

  return scene != NULL ? atlas_export_scene_json (scene) : NULL;
}

static gboolean
scene_reached (gpointer data)
{
  SceneWait *wait = data;
  g_autofree char *json = NULL;

  if (!chart_settled (atlas_window_get_chart_view (wait->window)))
    return FALSE;
  json = dup_scene_json (wait->window);
  return json != NULL && (g_strcmp0 (json, wait->json) == 0) == wait->equal;
}

static void
wait_for_scene (AtlasWindow *window, const char *json, gboolean equal)
{
  SceneWait wait = { window, json, equal };

  if (!wait_until (scene_reached, &wait, WAIT_MS))
    {
      g_autofree char *now = dup_scene_json (window);
      AtlasChartView *chart = atlas_window_get_chart_view (window);

      g_test_message ("view %d, chart %d x %d, drawn %d, error %s", atlas_window_get_view (window),
                      gtk_widget_get_width (GTK_WIDGET (chart)), gtk_widget_get_height (GTK_WIDGET (chart)),
                      atlas_chart_view_has_drawn (chart),
                      atlas_chart_view_get_error (chart) != NULL ? atlas_chart_view_get_error (chart)->message : "none");
      g_error ("the window's scene %s the one wanted:\n%s\n---- wanted ----\n%s",
               equal ? "never became" : "never left", now, json);
    }
}

static gboolean scene_has_focus (gpointer data);

/* The view reset to its defaults is on screen: its scene is not the
 * slide's, or (where a focus changes only what recedes, which the JSON
 * does not show) it has lost the slide's focus. */
typedef struct {
  AtlasWindow *window;
  const char  *slide_json;
  gboolean     slide_has_focus;
} ResetWait;

static gboolean
reset_shown (gpointer data)
{
  ResetWait *wait = data;
  AtlasScene *scene;
  g_autofree char *json = NULL;

  if (!chart_settled (atlas_window_get_chart_view (wait->window)))
    return FALSE;
  scene = atlas_window_get_scene (wait->window);
  json = dup_scene_json (wait->window);
  return scene != NULL && (g_strcmp0 (json, wait->slide_json) != 0 ||
                           (wait->slide_has_focus && scene->focus == NULL));
}

static gboolean
scene_has_focus (gpointer data)
{
  AtlasWindow *window = data;
  AtlasScene *scene;

  if (!chart_settled (atlas_window_get_chart_view (window)))
    return FALSE;
  scene = atlas_window_get_scene (window);
  return scene != NULL && scene->focus != NULL;
}

static char *
briefings_json (GPtrArray *briefings)
{
  return atlas_briefings_to_json (briefings, "", "  ", "\n");
}

static GBytes *
read_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
write_file (const char *path, GBytes *bytes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

static gboolean
question_up (gpointer data)
{
  return atlas_window_get_briefing_question (ATLAS_WINDOW (data)) != NULL;
}

static void
answer (AtlasWindow *window, const char *response)
{
  GtkWindow *question;

  g_assert_true (wait_until (question_up, window, WAIT_MS));
  question = atlas_window_get_briefing_question (window);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), response);
  g_assert_null (atlas_window_get_briefing_question (window));
}

/* The dataset as written at @path, which must load. */
static AtlasDataset *
load_saved (const char *path)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load_file (path, 0, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

/* The dataset of tests/data/app (no briefings of its own) in a folder of
 * the test's, shown in a window with the briefing panel open. */
static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *source = g_build_filename (g_getenv ("ATLAS_SOURCE_ROOT"), "tests", "data", "app",
                                              "small.json", NULL);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("atlas-briefing-panel-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "small.json", NULL);
  fixture->original = read_file (source);
  write_file (fixture->path, fixture->original);

  fixture->window = atlas_window_new (NULL);
  atlas_window_set_error_dialogs (fixture->window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (atlas_window_load_path (fixture->window, fixture->path, &error));
  g_assert_no_error (error);
  atlas_window_set_show_briefings (fixture->window, TRUE);
  g_assert_true (wait_until (panel_revealed, atlas_window_get_briefing_panel (fixture->window), WAIT_MS));
  g_assert_true (wait_until (chart_settled, atlas_window_get_chart_view (fixture->window), WAIT_MS));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.json", NULL);

  if (fixture->window != NULL)
    {
      AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (fixture->window);

      /* Closing asks about unsaved changes: this one is a test's. */
      atlas_briefing_editor_set_dataset (editor, atlas_briefing_editor_get_dataset (editor));
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  g_chmod (fixture->path, 0644);
  g_remove (fixture->path);
  g_remove (copy);
  g_rmdir (fixture->dir);
  g_bytes_unref (fixture->original);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Drags @node of the flows view down by @fraction of the diagram's
 * height, as the pointer would. */
static void
drag_node (AtlasWindow *window, const char *node, double fraction)
{
  AtlasChartView *chart = atlas_window_get_chart_view (window);
  AtlasScene *scene = atlas_window_get_scene (window);
  const AtlasSankeyLayout *layout = atlas_sankey_scene_get_layout (scene);
  GtkEventController *drag = find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_DRAG);
  int index = atlas_chain_find_node (atlas_dataset_find_chain (atlas_window_get_dataset (window), "chain-a"), node);
  const AtlasSankeyBox *box;
  double dy;

  g_assert_nonnull (layout);
  g_assert_nonnull (drag);
  g_assert_cmpint (index, >=, 0);
  box = &layout->nodes[index].box;
  dy = fraction * layout->plot_height;
  g_signal_emit_by_name (drag, "drag-begin", (box->x0 + box->x1) / 2, (box->y0 + box->y1) / 2);
  g_signal_emit_by_name (drag, "drag-update", 0.0, dy);
  g_signal_emit_by_name (drag, "drag-end", 0.0, dy);
}

/* Three slides from three views, each as the window showed it. */
static void
add_three_slides (Fixture *fixture, char *scenes[3])
{
  AtlasWindow *window = fixture->window;
  AtlasViewState *state;
  const char *series[] = { "dy-oxide", NULL };
  AtlasDate from, to;
  g_autofree char *before = NULL;

  /* Flows, a region in focus and a node selected in the chart; the
   * chain's own order kept and a node dragged down by 4 % of the diagram. */
  atlas_window_set_view (window, ATLAS_VIEW_FLOWS);
  state = atlas_window_get_view_state (window, ATLAS_VIEW_FLOWS);
  wait_for_scene (window, NULL, FALSE);
  atlas_view_state_set_focus (state, (const char *[]) { "MY", NULL });
  wait_for_scene (window, NULL, FALSE);
  g_assert_true (atlas_window_select_id (window, "mine:CN"));
  wait_for_scene (window, NULL, FALSE);
  before = dup_scene_json (window);
  atlas_view_state_set_keep_order (state, TRUE);
  wait_for_scene (window, before, FALSE);
  g_clear_pointer (&before, g_free);
  before = dup_scene_json (window);
  drag_node (window, "mag:JP", 0.04);
  g_assert_cmpfloat_with_epsilon (atlas_view_state_get_node_offset (state, "mag:JP"), 0.04, 1e-4);
  wait_for_scene (window, before, FALSE);
  scenes[0] = dup_scene_json (window);
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_m, GDK_CONTROL_MASK, NULL));

  /* Prices: one series, a range (with an event), log scale, yuan per tonne. */
  atlas_window_set_view (window, ATLAS_VIEW_PRICES);
  state = atlas_window_get_view_state (window, ATLAS_VIEW_PRICES);
  g_assert_true (atlas_date_parse ("2014", 4, &from));
  g_assert_true (atlas_date_parse ("2025-12", 7, &to));
  atlas_view_state_set_series (state, series);
  atlas_view_state_set_range (state, &from, &to);
  atlas_view_state_set_log_scale (state, TRUE);
  atlas_view_state_set_currency (state, "CNY");
  atlas_view_state_set_unit (state, "t");
  wait_for_scene (window, scenes[0], FALSE);
  /* The events hidden. */
  g_clear_pointer (&before, g_free);
  before = dup_scene_json (window);
  atlas_view_state_set_show_events (state, FALSE);
  wait_for_scene (window, before, FALSE);
  scenes[1] = dup_scene_json (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-slide", NULL);

  /* Shares, a small region in focus (its parts named). */
  atlas_window_set_view (window, ATLAS_VIEW_SHARES);
  state = atlas_window_get_view_state (window, ATLAS_VIEW_SHARES);
  wait_for_scene (window, scenes[1], FALSE);
  /* The focus is waited for until the scene has it: the view's first
   * scene, without it, may be laid out as soon as the view is switched to,
   * and where Malaysia's parts are labelled anyway the focus changes only
   * what recedes, which the scene's JSON does not show. */
  atlas_view_state_set_focus (state, (const char *[]) { "MY", NULL });
  g_assert_true (wait_until (scene_has_focus, window, WAIT_MS));
  scenes[2] = dup_scene_json (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-slide", NULL);
}

/* ---- tests ---------------------------------------------------------------------- */

/* A slide drawn on its own is the figure the window showed when it was
 * added; a dataset without briefings gets its first. */
static void
test_add_slides (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);
  char *scenes[3] = { NULL };
  AtlasBriefing *briefing;

  g_assert_cmpuint (atlas_briefing_editor_get_briefings (editor)->len, ==, 0);
  add_three_slides (fixture, scenes);

  g_assert_cmpuint (atlas_briefing_editor_get_briefings (editor)->len, ==, 1);
  briefing = atlas_briefing_editor_get_current_briefing (editor);
  g_assert_cmpstr (briefing->id, ==, "new-briefing");
  g_assert_cmpuint (briefing->slides->len, ==, 3);
  g_assert_cmpint (atlas_briefing_editor_get_selected_slide (editor), ==, 2);
  /* Ids unique, and the list shows the slides by name. */
  g_assert_cmpstr (((AtlasSlide *) g_ptr_array_index (briefing->slides, 0))->id, !=,
                   ((AtlasSlide *) g_ptr_array_index (briefing->slides, 1))->id);
  g_assert_nonnull (gtk_list_box_get_row_at_index (atlas_briefing_panel_get_list (panel), 2));
  g_assert_null (gtk_list_box_get_row_at_index (atlas_briefing_panel_get_list (panel), 3));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (atlas_briefing_panel_get_list (panel)), "Prices"));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  /* What a view's controls and a drag arranged is in its slide. */
  {
    const AtlasSlide *flows = g_ptr_array_index (briefing->slides, 0);
    const AtlasSlide *prices = g_ptr_array_index (briefing->slides, 1);

    g_assert_true (flows->keep_order);
    g_assert_cmpstrv (flows->node_offset_ids, ((const char * const[]) { "mag:JP", NULL }));
    g_assert_cmpfloat_with_epsilon (flows->node_offsets[0], 0.04, 1e-4);
    g_assert_false (flows->hide_events);
    g_assert_true (prices->hide_events);
    g_assert_false (prices->keep_order);
    g_assert_null (prices->node_offset_ids);
  }

  /* Each slide, applied to its view after the view was reset, lays out
   * the scene the window had. */
  for (guint i = 0; i < 3; i++)
    {
      const AtlasSlide *slide = g_ptr_array_index (briefing->slides, i);
      AtlasViewState *state = atlas_window_get_view_state (window, slide->view);
      g_autoptr(AtlasSlide) empty = atlas_slide_new (slide->view);

      atlas_window_set_view (window, slide->view);
      atlas_window_set_selection (window, NULL);
      /* The view's defaults: a slide that chooses nothing. */
      atlas_view_state_apply_slide (state, empty);
      {
        ResetWait reset = { window, scenes[i], slide->focus != NULL };

        g_assert_true (wait_until (reset_shown, &reset, WAIT_MS));
      }
      atlas_view_state_apply_slide (state, slide);
      wait_for_scene (window, scenes[i], TRUE);
      g_assert_true (scene_has_focus (window) == (slide->focus != NULL));
      g_free (scenes[i]);
    }
}

/* Reordering, duplicating, deleting and typing a note, each undone and
 * redone; the other language's note stays. */
static void
test_edit_undo (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);
  char *scenes[3] = { NULL };
  g_autofree char *added = NULL;
  g_autofree char *moved = NULL;
  AtlasBriefing *briefing;
  const AtlasSlide *slide;
  GtkTextBuffer *buffer;

  add_three_slides (fixture, scenes);
  for (guint i = 0; i < 3; i++)
    g_free (scenes[i]);
  added = briefings_json (atlas_briefing_editor_get_briefings (editor));

  /* Alt+Up moves the chosen (last) slide up. */
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_Up, GDK_ALT_MASK, NULL));
  briefing = atlas_briefing_editor_get_current_briefing (editor);
  g_assert_cmpint (((AtlasSlide *) g_ptr_array_index (briefing->slides, 1))->view, ==, ATLAS_VIEW_SHARES);
  g_assert_cmpint (atlas_briefing_editor_get_selected_slide (editor), ==, 1);
  moved = briefings_json (atlas_briefing_editor_get_briefings (editor));

  /* Duplicate, then delete the copy. */
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_d, GDK_CONTROL_MASK, NULL));
  briefing = atlas_briefing_editor_get_current_briefing (editor);
  g_assert_cmpuint (briefing->slides->len, ==, 4);
  g_assert_cmpstr (((AtlasSlide *) g_ptr_array_index (briefing->slides, 2))->id, ==, "slide-4");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-slide", NULL);
  briefing = atlas_briefing_editor_get_current_briefing (editor);
  g_assert_cmpuint (briefing->slides->len, ==, 3);

  /* A Chinese note, then an English one typed in the panel. */
  atlas_briefing_editor_set_slide_note (editor, 1, "zh", "中国精炼九成");
  atlas_briefing_panel_set_lang (panel, "en");
  /* The second row chosen in the list. */
  gtk_list_box_select_row (atlas_briefing_panel_get_list (panel),
                           gtk_list_box_get_row_at_index (atlas_briefing_panel_get_list (panel), 1));
  g_assert_cmpint (atlas_briefing_editor_get_selected_slide (editor), ==, 1);
  buffer = gtk_text_view_get_buffer (atlas_briefing_panel_get_note_view (panel));
  g_assert_cmpstr (gtk_editable_get_text (atlas_briefing_panel_get_title_entry (panel)), ==, "");
  gtk_text_buffer_insert_at_cursor (buffer, "China refines", -1);
  gtk_text_buffer_insert_at_cursor (buffer, " nine tenths", -1);
  gtk_editable_set_text (atlas_briefing_panel_get_title_entry (panel), "Nine tenths");
  slide = atlas_briefing_editor_get_slide (editor, 1);
  g_assert_cmpstr (atlas_text_get (slide->note, "en"), ==, "China refines nine tenths");
  g_assert_cmpstr (atlas_text_get (slide->note, "zh"), ==, "中国精炼九成");
  g_assert_cmpstr (atlas_text_get (slide->title, "en"), ==, "Nine tenths");
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (atlas_briefing_panel_get_list (panel)), "Nine tenths"));

  /* Ctrl+Z: the title, then the English note typed in one go; the
   * Chinese note stays until its own step is undone. */
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK, NULL));
  slide = atlas_briefing_editor_get_slide (editor, 1);
  g_assert_null (slide->title);
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK, NULL));
  slide = atlas_briefing_editor_get_slide (editor, 1);
  g_assert_false (atlas_text_has_language (slide->note, "en"));
  g_assert_cmpstr (atlas_text_get (slide->note, "zh"), ==, "中国精炼九成");
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "");
  }
  /* Undo the Chinese note, the delete, the duplicate: the moved list. */
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  {
    g_autofree char *now = briefings_json (atlas_briefing_editor_get_briefings (editor));
    g_assert_cmpstr (now, ==, moved);
  }
  /* And the move: the list as added. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  {
    g_autofree char *now = briefings_json (atlas_briefing_editor_get_briefings (editor));
    g_assert_cmpstr (now, ==, added);
  }
  /* Ctrl+Shift+Z redoes the move. */
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, NULL));
  {
    g_autofree char *now = briefings_json (atlas_briefing_editor_get_briefings (editor));
    g_assert_cmpstr (now, ==, moved);
  }
  /* Undo back to the dataset as opened: nothing unsaved. */
  while (atlas_briefing_editor_can_undo (editor))
    atlas_briefing_editor_undo (editor);
  g_assert_false (atlas_briefing_editor_is_dirty (editor));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
}

/* Ctrl+S writes the briefings and nothing else; reopened, they are the
 * same; the window's watch does not reload its own save. */
static void
test_save_round_trip (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  char *scenes[3] = { NULL };
  g_autofree char *edited = NULL;
  g_autofree char *reopened_json = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(AtlasDataset) reopened = NULL;
  g_autoptr(GError) error = NULL;
  guint generation;

  add_three_slides (fixture, scenes);
  for (guint i = 0; i < 3; i++)
    g_free (scenes[i]);
  atlas_briefing_editor_set_slide_note (editor, 0, "en", "Where the ore goes");
  edited = briefings_json (atlas_briefing_editor_get_briefings (editor));

  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_s, GDK_CONTROL_MASK, NULL));
  g_assert_null (atlas_window_get_last_error (window));
  g_assert_false (atlas_briefing_editor_is_dirty (editor));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  generation = atlas_window_get_generation (window);

  /* Only the briefings changed: the file is the original with them put in. */
  saved = read_file (fixture->path);
  expected = atlas_briefings_splice (fixture->original, atlas_briefing_editor_get_briefings (editor), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (saved, expected));

  reopened = load_saved (fixture->path);
  reopened_json = briefings_json (atlas_dataset_get_briefings (reopened));
  g_assert_cmpstr (reopened_json, ==, edited);

  /* The file watch saw the save: the window kept its dataset (no reload,
   * no toast) and its edits' state. */
  atlas_briefing_editor_set_slide_note (editor, 1, "en", "after the save");
  g_assert_cmpuint (atlas_window_get_generation (window), ==, generation);
  g_assert_cmpstr (atlas_window_get_last_toast (window), !=, "Dataset reloaded");

  /* Save As: a copy with the new edit; the window then shows the copy. */
  {
    g_autofree char *copy = g_build_filename (fixture->dir, "copy.json", NULL);
    g_autoptr(AtlasDataset) copied = NULL;

    g_assert_true (atlas_window_save_briefings (window, copy, ATLAS_SAVE_NONE, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (atlas_dataset_get_path (atlas_window_get_dataset (window)), ==, copy);
    copied = load_saved (copy);
    g_assert_cmpuint (atlas_dataset_get_briefings (copied)->len, ==, 1);
  }
}

/* A file changed on disk is not overwritten without asking: Cancel keeps
 * the other program's file, Overwrite writes ours over it. */
static void
test_conflict (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(AtlasDataset) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GString *text;

  atlas_window_add_view_as_slide (window);
  g_assert_true (atlas_briefing_editor_is_dirty (editor));

  /* Another program adds a space at the end. */
  text = g_string_new_len (g_bytes_get_data (fixture->original, NULL), g_bytes_get_size (fixture->original));
  g_string_append (text, " ");
  changed = g_string_free_to_bytes (text);
  write_file (fixture->path, changed);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  answer (window, "cancel");
  now = read_file (fixture->path);
  g_assert_true (g_bytes_equal (now, changed));
  g_assert_true (atlas_briefing_editor_is_dirty (editor));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  answer (window, "overwrite");
  g_assert_false (atlas_briefing_editor_is_dirty (editor));
  reopened = load_saved (fixture->path);
  g_assert_cmpuint (atlas_dataset_get_briefings (reopened)->len, ==, 1);
}

/* A read-only file: saving says so and offers Save As; nothing is written
 * and the edit stays. */
static void
test_read_only (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  g_autoptr(GBytes) now = NULL;

  atlas_window_add_view_as_slide (window);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (wait_until (question_up, window, WAIT_MS));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (atlas_window_get_briefing_question (window))),
                   ==, "The File Cannot Be Written");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (atlas_window_get_briefing_question (window)),
                                                  "save-as"));
  answer (window, "cancel");
  now = read_file (fixture->path);
  g_assert_true (g_bytes_equal (now, fixture->original));
  g_assert_true (atlas_briefing_editor_is_dirty (editor));
}

/* F5 in the panel presents the edited briefing from the chosen slide,
 * titles as edited. */
static void
test_present_from_slide (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);
  char *scenes[3] = { NULL };
  AtlasPresentation *presentation;

  add_three_slides (fixture, scenes);
  for (guint i = 0; i < 3; i++)
    g_free (scenes[i]);
  atlas_briefing_editor_set_slide_title (editor, 1, "en", "Prices, as edited");
  gtk_list_box_select_row (atlas_briefing_panel_get_list (panel),
                           gtk_list_box_get_row_at_index (atlas_briefing_panel_get_list (panel), 1));
  g_assert_true (press_shortcut (GTK_WIDGET (panel), GDK_KEY_F5, 0, NULL));
  presentation = atlas_window_get_presentation (window);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (atlas_presentation_get_n_slides (presentation), ==, 3);
  g_assert_cmpuint (atlas_presentation_get_position (presentation), ==, 1);
  g_assert_cmpstr (atlas_presentation_get_title (presentation), ==, "Prices, as edited");
  gtk_window_destroy (GTK_WINDOW (presentation));
}

/* F5 in the window presents the briefings as edited too: a briefing not
 * yet saved, titled as typed. */
static void
test_present_unsaved (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  AtlasPresentation *presentation;

  atlas_window_add_view_as_slide (window);
  atlas_briefing_editor_set_slide_title (editor, 0, "en", "Not saved yet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  presentation = atlas_window_get_presentation (window);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (atlas_presentation_get_n_slides (presentation), ==, 1);
  g_assert_cmpstr (atlas_presentation_get_title (presentation), ==, "Not saved yet");
  gtk_window_destroy (GTK_WINDOW (presentation));
}

static gboolean
shows_path (gpointer data)
{
  AtlasWindow *window = ((gpointer *) data)[0];
  const char *path = ((gpointer *) data)[1];

  return !atlas_window_is_loading (window) &&
         g_strcmp0 (atlas_dataset_get_path (atlas_window_get_dataset (window)), path) == 0;
}

/* Opening another dataset over unsaved briefings asks first: Cancel keeps
 * the edits and the dataset, Discard opens the other one. */
static void
test_open_asks (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  gpointer wait[2] = { window, copy };

  write_file (copy, fixture->original);
  atlas_window_add_view_as_slide (window);
  atlas_window_open_file (window, file);
  answer (window, "cancel");
  g_assert_false (atlas_window_is_loading (window));
  g_assert_cmpstr (atlas_dataset_get_path (atlas_window_get_dataset (window)), ==, fixture->path);
  g_assert_true (atlas_briefing_editor_is_dirty (editor));

  atlas_window_open_file (window, file);
  answer (window, "discard");
  g_assert_true (wait_until (shows_path, wait, WAIT_MS));
  g_assert_false (atlas_briefing_editor_is_dirty (editor));
  g_assert_cmpuint (atlas_briefing_editor_get_briefings (editor)->len, ==, 0);
}

static gboolean
scene_has_text (gpointer data)
{
  AtlasWindow *window = ((gpointer *) data)[0];
  const char *text = ((gpointer *) data)[1];
  g_autofree char *json = dup_scene_json (window);

  return json != NULL && strstr (json, text) != NULL;
}

/* A callout typed on what is selected in the chart: stored in the slide in
 * the format's annotation, drawn at once by the chart, saved, undone. */
static void
test_annotate (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);
  g_autoptr(AtlasDataset) reopened = NULL;
  g_autoptr(GError) error = NULL;
  const AtlasAnnotation *annotation;
  const AtlasBriefing *briefing;
  const AtlasSlide *slide;
  gpointer wait[2] = { window, "Mines in China" };

  atlas_window_set_view (window, ATLAS_VIEW_FLOWS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-slide", NULL);
  g_assert_true (atlas_window_select_id (window, "mine:CN"));
  gtk_editable_set_text (atlas_briefing_panel_get_callout_entry (panel), "Mines in China");
  gtk_widget_activate_action (GTK_WIDGET (panel), "win.add-callout", NULL);
  g_assert_cmpstr (gtk_editable_get_text (atlas_briefing_panel_get_callout_entry (panel)), ==, "");

  slide = atlas_briefing_editor_get_slide (editor, 0);
  g_assert_cmpuint (slide->annotations->len, ==, 1);
  annotation = g_ptr_array_index (slide->annotations, 0);
  g_assert_cmpint (annotation->kind, ==, ATLAS_ANCHOR_NODE);
  g_assert_cmpstr (annotation->node, ==, "mine:CN");
  g_assert_cmpstr (atlas_text_get (annotation->text, "en"), ==, "Mines in China");
  g_assert_true (wait_until (scene_has_text, wait, WAIT_MS));

  g_assert_true (atlas_window_save_briefings (window, NULL, ATLAS_SAVE_NONE, &error));
  g_assert_no_error (error);
  reopened = load_saved (fixture->path);
  briefing = g_ptr_array_index (atlas_dataset_get_briefings (reopened), 0);
  slide = g_ptr_array_index (briefing->slides, 0);
  g_assert_cmpuint (slide->annotations->len, ==, 1);
  annotation = g_ptr_array_index (slide->annotations, 0);
  g_assert_cmpstr (annotation->node, ==, "mine:CN");

  atlas_briefing_editor_undo (editor);
  g_assert_cmpuint (atlas_briefing_editor_get_slide (editor, 0)->annotations->len, ==, 0);
}


/* ---- moving a callout ------------------------------------------------------- */

/* The chart's callout of the slide's first annotation, as drawn now. */
static const AtlasSceneCallout *
slide_callout (AtlasScene *scene)
{
  for (guint i = 0; scene != NULL && i < scene->callouts->len; i++)
    {
      const AtlasSceneCallout *callout = &g_array_index (scene->callouts, AtlasSceneCallout, i);

      if (callout->from_options && callout->index == 0)
        return callout;
    }
  return NULL;
}

static void
text_centre (AtlasScene *scene, const AtlasSceneCallout *callout, double *x, double *y)
{
  const AtlasShape *text = &g_array_index (scene->shapes, AtlasShape, callout->shape);

  *x = text->bounds.x + text->bounds.width / 2;
  *y = text->bounds.y + text->bounds.height / 2;
}

/* Whether a segment runs through a text other than @own (sampled: what
 * the chart's own test would refuse a leader for). */
static gboolean
segment_meets_text (AtlasScene *scene, const AtlasShape *own, double x0, double y0, double x1, double y1)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape == own || shape->kind != ATLAS_SHAPE_TEXT)
        continue;
      for (int k = 0; k <= 64; k++)
        if (atlas_rect_contains_point (&shape->bounds, x0 + (x1 - x0) * k / 64, y0 + (y1 - y0) * k / 64))
          return TRUE;
    }
  return FALSE;
}

/* A shift of the callout's text to a place free in @scene and clear of
 * where it is now: where the chart will keep it. */
static gboolean
free_shift (AtlasScene *scene, const AtlasSceneCallout *callout, double *shift_x, double *shift_y)
{
  const AtlasShape *text = &g_array_index (scene->shapes, AtlasShape, callout->shape);
  const AtlasRect *plot = &scene->plot;

  for (int r = 2; r <= 8; r++)
    for (int k = 0; k < 16; k++)
      {
        double dx = cos (k * G_PI / 8) * r * plot->width / 20;
        double dy = sin (k * G_PI / 8) * r * plot->height / 20;
        AtlasRect box = { text->bounds.x + dx, text->bounds.y + dy, text->bounds.width, text->bounds.height };
        double ex = CLAMP (callout->anchor_x, box.x, box.x + box.width);
        double ey = CLAMP (callout->anchor_y, box.y, box.y + box.height);

        if (!atlas_rect_contains (plot, &box) || atlas_rect_intersects (&box, &text->bounds) ||
            !atlas_scene_box_is_free (scene, &box, &text->item) ||
            segment_meets_text (scene, text, ex, ey, callout->anchor_x, callout->anchor_y))
          continue;
        *shift_x = dx;
        *shift_y = dy;
        return TRUE;
      }
  return FALSE;
}

typedef struct {
  AtlasWindow *window;
  double       dx, dy;   /* where the text's centre should be, from its anchor, in fractions of the plot */
} CalloutWait;

static gboolean
callout_at_place (gpointer data)
{
  CalloutWait *wait = data;
  AtlasScene *scene;
  const AtlasSceneCallout *callout;
  double x, y;

  if (!chart_settled (atlas_window_get_chart_view (wait->window)))
    return FALSE;
  scene = atlas_window_get_scene (wait->window);
  callout = slide_callout (scene);
  if (callout == NULL)
    return FALSE;
  text_centre (scene, callout, &x, &y);
  return fabs (x - (callout->anchor_x + wait->dx * scene->plot.width)) < 0.5 &&
         fabs (y - (callout->anchor_y + wait->dy * scene->plot.height)) < 0.5;
}

static void
drag (AtlasWindow *window, double x, double y, double dx, double dy)
{
  GtkEventController *gesture = find_controller (GTK_WIDGET (atlas_window_get_chart_view (window)),
                                                 GTK_TYPE_GESTURE_DRAG);

  g_assert_nonnull (gesture);
  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (gesture, "drag-update", dx, dy);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
}

/* A flows slide with a callout "Mines in China" typed on China's mines,
 * drawn: what the callout tests move. */
static void
add_slide_with_callout (AtlasWindow *window)
{
  AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);
  gpointer wait[2] = { window, "Mines in China" };

  atlas_window_set_view (window, ATLAS_VIEW_FLOWS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-slide", NULL);
  g_assert_true (atlas_window_select_id (window, "mine:CN"));
  gtk_editable_set_text (atlas_briefing_panel_get_callout_entry (panel), "Mines in China");
  gtk_widget_activate_action (GTK_WIDGET (panel), "win.add-callout", NULL);
  g_assert_true (wait_until (scene_has_text, wait, WAIT_MS));
  g_assert_true (wait_until (chart_settled, atlas_window_get_chart_view (window), WAIT_MS));
}

/* A callout dragged on the chart stays where it was let go: its place in
 * the slide's annotation, the chart drawing it there, one step of undo,
 * saved into the file and read back. */
static void
test_move_callout (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  const AtlasSceneCallout *callout;
  const AtlasAnnotation *annotation;
  g_autoptr(AtlasDataset) reopened = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  AtlasScene *scene;
  CalloutWait moved = { window, 0, 0 }, before = { window, 0, 0 };
  double x, y, shift_x = 0, shift_y = 0;

  add_slide_with_callout (window);
  g_assert_false (((AtlasAnnotation *) g_ptr_array_index (atlas_briefing_editor_get_slide (editor, 0)->annotations, 0))->has_place);

  /* Where the chart put it, and a free place to take it to. */
  scene = atlas_window_get_scene (window);
  callout = slide_callout (scene);
  g_assert_nonnull (callout);
  text_centre (scene, callout, &x, &y);
  before.dx = (x - callout->anchor_x) / scene->plot.width;
  before.dy = (y - callout->anchor_y) / scene->plot.height;
  g_assert_true (free_shift (scene, callout, &shift_x, &shift_y));
  moved.dx = round ((x + shift_x - callout->anchor_x) / scene->plot.width * 1000) / 1000;
  moved.dy = round ((y + shift_y - callout->anchor_y) / scene->plot.height * 1000) / 1000;

  drag (window, x, y, shift_x, shift_y);
  annotation = g_ptr_array_index (atlas_briefing_editor_get_slide (editor, 0)->annotations, 0);
  g_assert_true (annotation->has_place);
  g_assert_cmpfloat_with_epsilon (annotation->place_dx, moved.dx, 1e-9);
  g_assert_cmpfloat_with_epsilon (annotation->place_dy, moved.dy, 1e-9);
  g_assert_true (atlas_briefing_editor_is_dirty (editor));
  g_assert_true (wait_until (callout_at_place, &moved, WAIT_MS));
  g_assert_true (slide_callout (atlas_window_get_scene (window))->placed);

  /* One Ctrl+Z takes the whole drag back, on the slide and on the chart. */
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK, NULL));
  annotation = g_ptr_array_index (atlas_briefing_editor_get_slide (editor, 0)->annotations, 0);
  g_assert_false (annotation->has_place);
  g_assert_cmpuint (atlas_briefing_editor_get_slide (editor, 0)->annotations->len, ==, 1);
  g_assert_true (wait_until (callout_at_place, &before, WAIT_MS));

  /* Redone and saved: the file has the place, and reads back with it. */
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, NULL));
  g_assert_true (wait_until (callout_at_place, &moved, WAIT_MS));
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_s, GDK_CONTROL_MASK, NULL));
  g_assert_null (atlas_window_get_last_error (window));
  g_assert_false (atlas_briefing_editor_is_dirty (editor));
  saved = read_file (fixture->path);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "\"place\": {\"dx\": "));
  reopened = load_saved (fixture->path);
  annotation = g_ptr_array_index (((const AtlasSlide *) g_ptr_array_index (
    ((const AtlasBriefing *) g_ptr_array_index (atlas_dataset_get_briefings (reopened), 0))->slides, 0))->annotations, 0);
  g_assert_true (annotation->has_place);
  g_assert_cmpfloat (annotation->place_dx, ==, moved.dx);
  g_assert_cmpfloat (annotation->place_dy, ==, moved.dy);
}

/* Alt and an arrow move by keyboard what a drag moves: the selection's
 * callout a step further (one edit, undone by Ctrl+Z), or a selected node
 * half a step up or down; with neither, Alt+Up is the window's again. */
static void
test_nudge (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  GtkWidget *chart = GTK_WIDGET (atlas_window_get_chart_view (window));
  AtlasViewState *state = atlas_window_get_view_state (window, ATLAS_VIEW_FLOWS);
  const AtlasSceneCallout *callout;
  const AtlasAnnotation *annotation;
  AtlasScene *scene;
  CalloutWait nudged = { window, 0, 0 };
  double x, y;

  add_slide_with_callout (window);

  scene = atlas_window_get_scene (window);
  callout = slide_callout (scene);
  g_assert_nonnull (callout);
  text_centre (scene, callout, &x, &y);
  nudged.dx = round (((x - callout->anchor_x) / scene->plot.width + 0.02) * 1000) / 1000;
  nudged.dy = round ((y - callout->anchor_y) / scene->plot.height * 1000) / 1000;
  g_assert_true (press_shortcut (chart, GDK_KEY_Right, GDK_ALT_MASK, NULL));
  annotation = g_ptr_array_index (atlas_briefing_editor_get_slide (editor, 0)->annotations, 0);
  g_assert_true (annotation->has_place);
  g_assert_cmpfloat_with_epsilon (annotation->place_dx, nudged.dx, 1e-9);
  g_assert_cmpfloat_with_epsilon (annotation->place_dy, nudged.dy, 1e-9);
  g_assert_true (press_shortcut (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK, NULL));
  annotation = g_ptr_array_index (atlas_briefing_editor_get_slide (editor, 0)->annotations, 0);
  g_assert_false (annotation->has_place);

  /* A node without a callout of its own moves itself. */
  g_assert_true (atlas_window_select_id (window, "mag:JP"));
  g_assert_true (wait_until (chart_settled, chart, WAIT_MS));
  g_assert_cmpfloat (atlas_view_state_get_node_offset (state, "mag:JP"), ==, 0);
  g_assert_true (press_shortcut (chart, GDK_KEY_Down, GDK_ALT_MASK, NULL));
  g_assert_cmpfloat_with_epsilon (atlas_view_state_get_node_offset (state, "mag:JP"), 0.01, 1e-9);
  g_assert_true (press_shortcut (chart, GDK_KEY_Up, GDK_ALT_MASK, NULL));
  g_assert_cmpfloat_with_epsilon (atlas_view_state_get_node_offset (state, "mag:JP"), 0, 1e-9);

  /* Nothing selected: the chart leaves Alt+Up to the window. */
  g_assert_true (press_shortcut (chart, GDK_KEY_Escape, 0, NULL));
  g_assert_false (press_shortcut (chart, GDK_KEY_Up, GDK_ALT_MASK, NULL));
}

/* The text of a PDF, or NULL (the test skipped) without pdftotext. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (tool == NULL)
    {
      g_test_skip ("pdftotext not found (poppler-utils)");
      return NULL;
    }
  argv[0] = tool;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Export Briefing as PDF prints the briefings as edited in the panel,
 * before they are saved; the file keeps what was saved. */
static void
test_export_unsaved (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  AtlasBriefingEditor *editor = atlas_window_get_briefing_editor (window);
  AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);
  g_autofree char *pdf = g_build_filename (fixture->dir, "deck.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(AtlasDataset) reopened = NULL;
  g_autoptr(GError) error = NULL;
  const AtlasBriefing *briefing;

  atlas_window_add_view_as_slide (window);
  atlas_briefing_editor_set_slide_title (editor, 0, "en", "Where the ore goes");
  g_assert_true (atlas_window_save_briefings (window, NULL, ATLAS_SAVE_NONE, &error));
  g_assert_no_error (error);

  /* Typed in the panel, not saved. */
  gtk_editable_set_text (atlas_briefing_panel_get_title_entry (panel), "Who refines the ore");
  g_assert_true (atlas_briefing_editor_is_dirty (editor));

  g_assert_true (atlas_window_export_edited_briefing_pdf (window, 0, TRUE, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_remove (pdf);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "Who refines the ore"));
  g_assert_null (strstr (text, "Where the ore goes"));

  reopened = load_saved (fixture->path);
  briefing = g_ptr_array_index (atlas_dataset_get_briefings (reopened), 0);
  g_assert_cmpstr (atlas_text_get (((const AtlasSlide *) g_ptr_array_index (briefing->slides, 0))->title, "en"),
                   ==, "Where the ore goes");

  /* A briefing the list no longer has is an error, not another deck. */
  g_assert_false (atlas_window_export_edited_briefing_pdf (window, 1, TRUE, pdf, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
window_destroyed_cb (GtkWidget *widget, gpointer data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Closing with unsaved changes asks; Cancel keeps the window, Discard
 * closes it. */
static void
test_close_asks (Fixture *fixture, gconstpointer data)
{
  AtlasWindow *window = fixture->window;
  gboolean destroyed = FALSE;

  atlas_window_add_view_as_slide (window);
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroyed_cb), &destroyed);
  gtk_window_close (GTK_WINDOW (window));
  answer (window, "cancel");
  g_assert_false (destroyed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_close (GTK_WINDOW (window));
  answer (window, "discard");
  g_assert_true (wait_until (flag_set, &destroyed, WAIT_MS));
  fixture->window = NULL;
}

int
main (int argc, char **argv)
{
  if (!widget_test_init (&argc, &argv))
    return 77;
  adw_init ();

  g_test_add ("/briefing-panel/add-slides", Fixture, NULL, fixture_set_up, test_add_slides, fixture_tear_down);
  g_test_add ("/briefing-panel/edit-undo", Fixture, NULL, fixture_set_up, test_edit_undo, fixture_tear_down);
  g_test_add ("/briefing-panel/save-round-trip", Fixture, NULL, fixture_set_up, test_save_round_trip, fixture_tear_down);
  g_test_add ("/briefing-panel/conflict", Fixture, NULL, fixture_set_up, test_conflict, fixture_tear_down);
  g_test_add ("/briefing-panel/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/briefing-panel/present-from-slide", Fixture, NULL, fixture_set_up, test_present_from_slide,
              fixture_tear_down);
  g_test_add ("/briefing-panel/present-unsaved", Fixture, NULL, fixture_set_up, test_present_unsaved,
              fixture_tear_down);
  g_test_add ("/briefing-panel/open-asks", Fixture, NULL, fixture_set_up, test_open_asks, fixture_tear_down);
  g_test_add ("/briefing-panel/annotate", Fixture, NULL, fixture_set_up, test_annotate, fixture_tear_down);
  g_test_add ("/briefing-panel/move-callout", Fixture, NULL, fixture_set_up, test_move_callout, fixture_tear_down);
  g_test_add ("/briefing-panel/nudge", Fixture, NULL, fixture_set_up, test_nudge, fixture_tear_down);
  g_test_add ("/briefing-panel/export-unsaved", Fixture, NULL, fixture_set_up, test_export_unsaved, fixture_tear_down);
  g_test_add ("/briefing-panel/close-asks", Fixture, NULL, fixture_set_up, test_close_asks, fixture_tear_down);
  return g_test_run ();
}
