/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-app.c: widget tests of the window under a (virtual) display: building, views, the view state and the controls bound to it, selection, errors, reload, export. */
#include "atlas-config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <adwaita.h>
#include <string.h>

#include "app-test-loop.h"
#include "app-test-widgets.h"
#include "atlas-app-enums.h"
#include "atlas-application.h"
#include "atlas-export-dialog.h"
#include "atlas-item-info.h"
#include "atlas-view-controls.h"
#include "atlas-view-state.h"
#include "atlas-window.h"

#define WAIT_MS 30000  /* a bound, not a pause: the sanitized build on a loaded machine is slow */

/* ---- helpers ------------------------------------------------------------- */

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "app", name, NULL);
}

static gboolean
not_loading (gpointer data)
{
  return !atlas_window_is_loading (ATLAS_WINDOW (data));
}

typedef struct {
  AtlasWindow *window;
  guint        generation;
} GenerationWait;

static gboolean
generation_passed (gpointer data)
{
  GenerationWait *wait = data;
  return atlas_window_get_generation (wait->window) > wait->generation;
}

static gboolean
has_last_error (gpointer data)
{
  return atlas_window_get_last_error (ATLAS_WINDOW (data)) != NULL;
}

static gboolean
has_notice (gpointer data)
{
  return atlas_window_get_notice (ATLAS_WINDOW (data)) != NULL;
}

static gboolean
has_no_notice (gpointer data)
{
  return atlas_window_get_notice (ATLAS_WINDOW (data)) == NULL;
}

/* A window on the fixture at @path, shown and drawn once (see
 * open_window_on()). */
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

static const char *
dataset_title (AtlasWindow *window)
{
  return atlas_text_get (atlas_dataset_get_title (atlas_window_get_dataset (window)), NULL);
}

static AtlasScene *
settled_scene (AtlasWindow *window)
{
  g_assert_true (wait_until (window_chart_drawn, window, WAIT_MS));
  return atlas_window_get_scene (window);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Replaces @path's contents: through a temporary file and a rename (as
 * editors and g_file_set_contents() do), or in place. */
static void
write_file (const char *path, const char *contents, gboolean by_rename)
{
  g_autoptr(GError) error = NULL;

  if (by_rename)
    {
      g_file_set_contents (path, contents, -1, &error);
      g_assert_no_error (error);
    }
  else
    {
      FILE *file = fopen (path, "w");

      g_assert_nonnull (file);
      g_assert_cmpint (fputs (contents, file), >=, 0);
      g_assert_cmpint (fclose (file), ==, 0);
    }
}

static char *
replace_all (const char *text, const char *from, const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);
  return g_strjoinv (to, parts);
}

/* ---- view state (no widgets) -------------------------------------------- */

/* Appends the name of each property notified, "a b c ". */
static void
log_notify_cb (GObject *object, GParamSpec *pspec, GString *log)
{
  g_string_append_printf (log, "%s ", pspec->name);
}

static void
test_view_state (void)
{
  g_autoptr(AtlasViewState) state = atlas_view_state_new (ATLAS_VIEW_PRICES);
  g_autoptr(AtlasViewState) copy = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *path = fixture ("small.json");
  g_autoptr(GError) error = NULL;
  const char *series[] = { "dy-oxide", "gone", NULL };
  const AtlasChartOptions *options;
  g_auto(GStrv) shown = NULL;
  g_autoptr(GString) notified = g_string_new (NULL);
  gint32 first, last;

  dataset = atlas_dataset_load_file (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (state, "notify", G_CALLBACK (log_notify_cb), notified);

  options = atlas_view_state_get_options (state);
  g_assert_cmpint (options->view, ==, ATLAS_VIEW_PRICES);
  g_assert_true (options->show_events);

  /* One notification per real change, none for a repeat. */
  atlas_view_state_set_log_scale (state, TRUE);
  atlas_view_state_set_log_scale (state, TRUE);
  g_assert_cmpstr (notified->str, ==, "log-scale ");
  g_assert_true (atlas_view_state_get_options (state)->log_scale);

  /* A batch is heard when it is done. */
  g_string_truncate (notified, 0);
  g_object_freeze_notify (G_OBJECT (state));
  atlas_view_state_set_currency (state, "CNY");
  atlas_view_state_set_series (state, series);
  g_assert_cmpstr (notified->str, ==, "");
  g_object_thaw_notify (G_OBJECT (state));
  g_assert_cmpuint (strlen (notified->str), ==, strlen ("currency series "));
  g_assert_nonnull (strstr (notified->str, "currency "));
  g_assert_nonnull (strstr (notified->str, "series "));
  options = atlas_view_state_get_options (state);
  g_assert_cmpstr (options->currency, ==, "CNY");
  g_assert_cmpstr (options->series[1], ==, "gone");

  /* The default series are the Dy and Tb ones; unknown ids go on reload. */
  copy = atlas_view_state_copy (state);
  atlas_view_state_set_series (copy, NULL);
  shown = atlas_view_state_dup_shown_series (copy, dataset);
  g_assert_cmpuint (g_strv_length (shown), ==, 2);
  g_assert_cmpstr (shown[0], ==, "dy-oxide");
  g_assert_cmpstr (shown[1], ==, "tb-oxide");
  g_assert_true (atlas_view_state_sanitize (state, dataset));
  options = atlas_view_state_get_options (state);
  g_assert_cmpuint (g_strv_length ((char **) options->series), ==, 1);
  g_assert_cmpstr (options->currency, ==, "CNY");
  g_assert_false (atlas_view_state_sanitize (state, dataset));

  /* Presets are relative to the last point of what is shown. */
  g_assert_true (atlas_view_state_get_data_extent (state, dataset, &first, &last));
  atlas_view_state_set_range_preset (state, ATLAS_RANGE_5_YEARS, dataset);
  options = atlas_view_state_get_options (state);
  g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_5_YEARS);
  g_assert_cmpint (options->from.year, ==, 2020);
  g_assert_false (atlas_date_is_set (&options->to));
  atlas_view_state_set_range_days (state, first, first + 400);
  g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_CUSTOM);
  atlas_view_state_set_range_preset (state, ATLAS_RANGE_ALL, dataset);
  g_assert_false (atlas_date_is_set (&atlas_view_state_get_options (state)->from));

  /* Node offsets belong to one diagram. */
  atlas_view_state_set_node_offset (state, "mine:CN", 0.12);
  atlas_view_state_set_node_offset (state, "mine:AU", -0.5);
  g_assert_true (atlas_view_state_has_node_offsets (state));
  g_assert_cmpfloat (atlas_view_state_get_node_offset (state, "mine:CN"), ==, 0.12);
  /* The options list them by id. */
  g_assert_cmpstrv (atlas_view_state_get_options (state)->offset_nodes,
                    ((const char * const[]) { "mine:AU", "mine:CN", NULL }));
  g_assert_cmpfloat (atlas_view_state_get_options (state)->node_offsets[0], ==, -0.5);
  g_assert_cmpfloat (atlas_view_state_get_options (state)->node_offsets[1], ==, 0.12);
  /* Not a number a layout could use: no drag. */
  atlas_view_state_set_node_offset (state, "mine:AU", NAN);
  g_assert_cmpfloat (atlas_view_state_get_node_offset (state, "mine:AU"), ==, 0);
  atlas_view_state_set_chain (state, "chain-a");
  g_assert_false (atlas_view_state_has_node_offsets (state));
  g_assert_null (atlas_view_state_get_options (state)->offset_nodes);
  g_assert_null (atlas_view_state_get_options (state)->node_offsets);
}

/* How many times @name is in @log. */
static guint
count_in_log (GString *log, const char *name)
{
  g_autofree char *word = g_strconcat (name, " ", NULL);
  guint n = 0;

  for (const char *at = log->str; (at = strstr (at, word)) != NULL; at += strlen (word))
    if (at == log->str || at[-1] == ' ')
      n++;
  return n;
}

/* A property is notified once when it changes and never for the value it
 * has; whatever a change implies (a preset, offsets) is notified with it. */
static void
test_properties_notify (void)
{
  g_autoptr(AtlasViewState) prices = atlas_view_state_new (ATLAS_VIEW_PRICES);
  g_autoptr(AtlasViewState) flows = atlas_view_state_new (ATLAS_VIEW_FLOWS);
  g_autoptr(GString) log = g_string_new (NULL);
  const char *series[] = { "tb-oxide", NULL };
  g_autofree char *from = NULL;
  g_auto(GStrv) got_series = NULL;
  AtlasRangePreset preset;
  AtlasView view;

  g_object_get (prices, "view", &view, NULL);
  g_assert_cmpint (view, ==, ATLAS_VIEW_PRICES);
  g_signal_connect (prices, "notify", G_CALLBACK (log_notify_cb), log);

  g_object_set (prices, "log-scale", TRUE, NULL);
  g_object_set (prices, "log-scale", TRUE, NULL);
  atlas_view_state_set_log_scale (prices, TRUE);
  g_assert_cmpstr (log->str, ==, "log-scale ");
  g_assert_true (atlas_view_state_get_options (prices)->log_scale);

  g_string_truncate (log, 0);
  atlas_view_state_set_series (prices, series);
  g_object_set (prices, "series", series, NULL);
  g_assert_cmpstr (log->str, ==, "series ");
  g_object_get (prices, "series", &got_series, NULL);
  g_assert_true (g_strv_equal ((const char * const *) got_series, series));

  /* A date is written as in a dataset; setting one end makes the range custom. */
  g_string_truncate (log, 0);
  g_object_set (prices, "from", "2020", NULL);
  g_assert_cmpuint (count_in_log (log, "from"), ==, 1);
  g_assert_cmpuint (count_in_log (log, "range-preset"), ==, 1);
  g_assert_cmpuint (count_in_log (log, "to"), ==, 0);
  g_object_get (prices, "from", &from, "range-preset", &preset, NULL);
  g_assert_cmpstr (from, ==, "2020");
  g_assert_cmpint (preset, ==, ATLAS_RANGE_CUSTOM);
  g_assert_cmpint (atlas_view_state_get_options (prices)->from.year, ==, 2020);
  g_string_truncate (log, 0);
  g_object_set (prices, "from", "2020", NULL);
  g_assert_cmpstr (log->str, ==, "");

  /* Offsets: "node-offsets" on each change, "has-node-offsets" when they
   * come or go; another diagram drops them. */
  g_string_truncate (log, 0);
  g_signal_connect (flows, "notify", G_CALLBACK (log_notify_cb), log);
  atlas_view_state_set_node_offset (flows, "mine:CN", 0.12);
  g_assert_cmpuint (count_in_log (log, "node-offsets"), ==, 1);
  g_assert_cmpuint (count_in_log (log, "has-node-offsets"), ==, 1);
  g_string_truncate (log, 0);
  atlas_view_state_set_node_offset (flows, "mine:AU", 0.05);
  g_assert_cmpstr (log->str, ==, "node-offsets ");
  g_string_truncate (log, 0);
  atlas_view_state_set_chain (flows, "chain-b");
  g_assert_cmpuint (count_in_log (log, "chain"), ==, 1);
  g_assert_cmpuint (count_in_log (log, "has-node-offsets"), ==, 1);
  g_assert_false (atlas_view_state_has_node_offsets (flows));
}

/* A slide applied again changes nothing, so nobody hears of it. */
static void
test_slide_again_is_silent (void)
{
  g_autoptr(AtlasViewState) state = atlas_view_state_new (ATLAS_VIEW_PRICES);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new ();
  char *series[] = { (char *) "dy-oxide", NULL };
  AtlasSlide slide = { 0 };

  slide.view = ATLAS_VIEW_PRICES;
  slide.series = series;
  slide.scale = ATLAS_SCALE_LOG;
  slide.select = (char *) "dy-oxide";
  slide.annotations = annotations;
  g_assert_true (atlas_date_parse ("2018", 4, &slide.from));

  g_signal_connect (state, "notify", G_CALLBACK (log_notify_cb), log);
  atlas_view_state_set_unit (state, "kg");
  atlas_view_state_apply_slide (state, &slide);
  g_assert_cmpuint (count_in_log (log, "series"), ==, 1);
  g_assert_cmpuint (count_in_log (log, "from"), ==, 1);
  g_assert_cmpuint (count_in_log (log, "log-scale"), ==, 1);
  /* What the slide leaves out goes back to the view's default. */
  g_assert_null (atlas_view_state_get_options (state)->unit);
  g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_CUSTOM);

  g_string_truncate (log, 0);
  atlas_view_state_apply_slide (state, &slide);
  g_assert_cmpstr (log->str, ==, "");

  /* A slide's mass unit is the presentation's, as it is the PDF's. */
  slide.unit = (char *) "lb";
  atlas_view_state_apply_slide (state, &slide);
  g_assert_cmpstr (log->str, ==, "unit ");
  g_assert_cmpstr (atlas_view_state_get_options (state)->unit, ==, "lb");
}

/* ---- item info (what the sidebar and tooltips say) ----------------------- */

/* The sidebar names a selection's publishers, and those of the other
 * figures beside it, in the chart's language. */
static void
test_sidebar_publisher_language (void)
{
  static const char json[] =
    "{\"format\": \"rare-earth-atlas/1\", \"title\": \"t\", \"updated\": \"2026\","
    " \"sources\": ["
    "  {\"id\": \"r\", \"publisher\": {\"en\": \"Reuters\", \"zh\": \"路透社\"},"
    "   \"title\": \"Wire\", \"date\": \"2025\", \"kind\": \"news\"},"
    "  {\"id\": \"a\", \"publisher\": {\"en\": \"Associated Press\", \"zh\": \"美联社\"},"
    "   \"title\": \"Wire\", \"date\": \"2025\", \"kind\": \"news\"}],"
    " \"regions\": [{\"id\": \"CN\", \"name\": {\"en\": \"China\", \"zh\": \"中国\"}}],"
    " \"shares\": ["
    "  {\"id\": \"one\", \"metric\": \"m\", \"year\": 2024, \"unit\": \"%\", \"group\": \"g\", \"cite\": \"r\","
    "   \"parts\": [{\"region\": \"CN\", \"value\": 90}], \"total\": 100},"
    "  {\"id\": \"two\", \"metric\": \"m\", \"year\": 2024, \"unit\": \"%\", \"group\": \"g\", \"cite\": \"a\","
    "   \"parts\": [{\"region\": \"CN\", \"value\": 87}], \"total\": 100}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_data (json, sizeof json - 1, "sidebar.json",
                                                             NULL, 0, NULL, &error);
  AtlasSidebar *sidebar = ATLAS_SIDEBAR (g_object_ref_sink (atlas_sidebar_new ()));
  AtlasItem part = { ATLAS_ITEM_SHARE_PART, "one", 0 };

  g_assert_no_error (error);
  for (guint l = 0; l < 2; l++)
    {
      gboolean zh = l == 0;
      AtlasChartOptions options;
      g_autofree char *text = NULL;

      atlas_chart_options_init (&options, ATLAS_VIEW_SHARES);
      options.lang = zh ? "zh" : "en";
      atlas_sidebar_update (sidebar, dataset, &options, NULL, &part);
      text = atlas_sidebar_dup_text (sidebar);
      g_test_message ("%s", text);
      /* Its own source, then the other figure's. */
      g_assert_nonnull (strstr (text, zh ? "路透社" : "Reuters"));
      g_assert_nonnull (strstr (text, zh ? "美联社" : "Associated Press"));
      g_assert_null (strstr (text, zh ? "Reuters" : "路透社"));
      g_assert_null (strstr (text, zh ? "Associated Press" : "美联社"));
    }
  g_object_unref (sidebar);
}

static void
test_item_info (void)
{
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *path = fixture ("small.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasItemInfo) node = NULL;
  g_autoptr(AtlasItemInfo) link = NULL;
  g_autoptr(AtlasItemInfo) part = NULL;
  g_autoptr(AtlasItemInfo) point = NULL;
  g_autofree char *summary = NULL;
  AtlasChartOptions options;
  AtlasItem item;

  dataset = atlas_dataset_load_file (path, 0, NULL, &error);
  g_assert_no_error (error);
  atlas_chart_options_init (&options, ATLAS_VIEW_FLOWS);

  item = (AtlasItem) { ATLAS_ITEM_NODE, "mine:CN", 0 };
  node = atlas_item_info_new (dataset, &options, &item);
  g_assert_nonnull (node);
  g_assert_cmpstr (node->name, ==, "China");
  g_assert_cmpstr (node->value, ==, "270,000 t REO");
  g_assert_cmpstr (node->when, ==, "2024");
  /* 270,000 of 323,000 mined */
  g_assert_true (g_str_has_prefix (node->share, "84 %"));
  g_assert_cmpuint (node->sources->len, ==, 1);

  item = (AtlasItem) { ATLAS_ITEM_LINK, "chain-a", 1 };
  link = atlas_item_info_new (dataset, &options, &item);
  g_assert_nonnull (link);
  g_assert_cmpint (link->certainty, ==, ATLAS_CERTAINTY_ESTIMATE);
  g_assert_cmpuint (link->notes->len, ==, 1);
  g_assert_cmpstr (((const AtlasSource *) g_ptr_array_index (link->sources, 0))->id, ==, "est");

  /* Sources that disagree are shown side by side. */
  item = (AtlasItem) { ATLAS_ITEM_SHARE_PART, "refining-2024", 0 };
  part = atlas_item_info_new (dataset, &options, &item);
  g_assert_nonnull (part);
  g_assert_cmpuint (part->alternatives->len, ==, 1);
  g_assert_cmpstr (((AtlasInfoAlternative *) g_ptr_array_index (part->alternatives, 0))->value, ==, "87 %");

  item = (AtlasItem) { ATLAS_ITEM_POINT, "dy-oxide", 6 };
  point = atlas_item_info_new (dataset, &options, &item);
  g_assert_nonnull (point);
  g_assert_cmpstr (point->value, ==, "230–260 USD/kg");
  g_assert_cmpstr (point->when, ==, "2024-12");
  summary = atlas_item_info_summary (point);
  g_assert_true (strstr (summary, "Dysprosium oxide") != NULL);

  item = (AtlasItem) { ATLAS_ITEM_NODE, "no-such-node", 3 };
  g_assert_null (atlas_item_info_new (dataset, &options, &item));
}

/* ---- the window ---------------------------------------------------------- */

static gboolean
sidebar_has_chart_title (gpointer data)
{
  AtlasWindow *window = data;
  g_autofree char *text = atlas_sidebar_dup_text (atlas_window_get_sidebar (window));
  AtlasScene *scene = atlas_window_get_scene (window);

  return scene != NULL && strstr (text, scene->title) != NULL;
}

static void
test_window_builds (void)
{
  g_autofree char *path = fixture ("small.json");
  g_autofree char *bundled = atlas_app_find_bundled_dataset ();
  AtlasWindow *window = open_window (path);
  AtlasChartView *chart = atlas_window_get_chart_view (window);
  g_autofree char *text = NULL;

  g_assert_nonnull (atlas_window_get_dataset (window));
  g_assert_cmpuint (atlas_window_get_generation (window), ==, 1);
  g_assert_null (atlas_window_get_last_error (window));
  g_assert_cmpstr (dataset_title (window), ==, "App test atlas");
  /* Nothing selected: the sidebar shows the dataset. */
  g_assert_cmpstr (atlas_sidebar_get_heading (atlas_window_get_sidebar (window)), ==, "App test atlas");
  g_assert_true (atlas_chart_view_has_drawn (chart));
  /* ... and a summary of the chart shown, once it is drawn (a striped
   * development header bar made a fixed 50 ms too short). */
  g_assert_nonnull (atlas_window_get_scene (window));
  g_assert_true (wait_until (sidebar_has_chart_title, window, WAIT_MS));
  text = atlas_sidebar_dup_text (atlas_window_get_sidebar (window));
  g_assert_true (strstr (text, atlas_window_get_scene (window)->title) != NULL);
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)) == GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  /* A development build (-Dprofile=development) is striped; a release is not. */
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"), ==, DEVELOPMENT_PROFILE);
  close_window (window);

  /* The bundled dataset too, when it is there. */
  if (bundled != NULL)
    {
      window = open_window (bundled);
      g_assert_null (atlas_window_get_last_error (window));
      close_window (window);
    }
}

static void
test_switch_views (void)
{
  static const struct { const char *name; AtlasView view; } views[] = {
    { "prices", ATLAS_VIEW_PRICES },
    { "shares", ATLAS_VIEW_SHARES },
    { "timeline", ATLAS_VIEW_TIMELINE },
    { "map", ATLAS_VIEW_MAP },
    { "flows", ATLAS_VIEW_FLOWS },
  };
  g_autofree char *path = fixture ("small.json");
  AtlasWindow *window = open_window (path);
  AtlasChartView *chart = atlas_window_get_chart_view (window);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      AtlasScene *scene;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", views[i].name));
      g_assert_cmpint (atlas_window_get_view (window), ==, views[i].view);
      g_assert_true (atlas_chart_view_get_state (chart) == atlas_window_get_view_state (window, views[i].view));
      scene = settled_scene (window);
      if (scene == NULL)
        g_test_message ("%s: %s", views[i].name, atlas_chart_view_get_error (chart)->message);
      else
        g_assert_true (scene->title != NULL && *scene->title != '\0');
    }
  close_window (window);
}

static gboolean
controls_at_natural_width (gpointer data)
{
  GtkWidget *controls = data;
  int natural;

  gtk_widget_measure (controls, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return gtk_widget_get_width (controls) == natural;
}

/* Every view fits half of a full-HD screen, where a user puts the window
 * beside the document the briefing is written in (and so a 1024 px
 * screen): with each view's controls built, the window's minimum width is
 * at most 960 px.  The header bar centres its title widget, so what sits
 * beside the view switcher counts twice: the prices' controls there made
 * it 1,053 px. */
static void
test_window_fits_half_screen (void)
{
  static const char * const views[] = { "prices", "shares", "timeline", "flows" };
  g_autofree char *bundled = atlas_app_find_bundled_dataset ();
  g_autofree char *path = bundled != NULL ? g_strdup (bundled) : fixture ("small.json");
  AtlasWindow *window = open_window (path);
  GtkWidget *controls = find_widget_of_type (GTK_WIDGET (window), ATLAS_TYPE_VIEW_CONTROLS);

  g_assert_nonnull (controls);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      int minimum, natural;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", views[i]));
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("%s: the window is at least %d px wide", views[i], minimum);
      g_assert_cmpint (minimum, <=, 960);
      /* The controls keep their own width in the wide bar, not stretched
       * across it (the shares' one drop-down was), once the new view's
       * controls are laid out. */
      g_assert_true (wait_until (controls_at_natural_width, controls, WAIT_MS));
      gtk_widget_measure (controls, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (gtk_widget_get_parent (controls)), >, natural);
    }
  close_window (window);
}

/* The map: the switcher's fifth button, the keyboard moves between its
 * countries, and the sidebar shows the one selected. */
static void
test_map_view (void)
{
  g_autofree char *path = fixture ("small.json");
  AtlasWindow *window = open_window (path);
  AtlasSidebar *sidebar = atlas_window_get_sidebar (window);
  AtlasChartView *chart = atlas_window_get_chart_view (window);
  AtlasScene *scene;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "map"));
  g_assert_cmpint (atlas_window_get_view (window), ==, ATLAS_VIEW_MAP);
  scene = settled_scene (window);
  g_assert_nonnull (scene);
  g_assert_true (g_str_has_prefix (scene->description, "Map of "));
  g_assert_cmpuint (scene->items->len, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.select-next", NULL));
  g_assert_cmpint (atlas_window_get_selection (window)->kind, ==, ATLAS_ITEM_SHARE_PART);
  g_assert_true (atlas_item_equal (atlas_window_get_selection (window), &g_array_index (scene->items, AtlasItem, 0)));
  g_assert_cmpstr (atlas_sidebar_get_heading (sidebar), !=, "App test atlas");
  close_window (window);
}

static void
test_selection_updates_sidebar (void)
{
  g_autofree char *path = fixture ("small.json");
  AtlasWindow *window = open_window (path);
  AtlasSidebar *sidebar = atlas_window_get_sidebar (window);
  AtlasChartView *chart = atlas_window_get_chart_view (window);
  AtlasItem part = { ATLAS_ITEM_SHARE_PART, "refining-2024", 0 };
  g_autofree char *text = NULL;
  AtlasScene *scene;

  /* Flows: a node by id, as a briefing slide selects it. */
  scene = settled_scene (window);
  if (scene != NULL)
    {
      g_assert_true (atlas_window_select_id (window, "mine:CN"));
      g_assert_cmpint (atlas_window_get_selection (window)->kind, ==, ATLAS_ITEM_NODE);
      g_assert_cmpstr (atlas_sidebar_get_heading (sidebar), ==, "China");
    }

  /* The keyboard: the next item of the scene, then Escape. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "shares");
  scene = settled_scene (window);
  if (scene == NULL || scene->items->len == 0)
    {
      g_test_skip ("the shares chart has no items yet");
      close_window (window);
      return;
    }
  g_assert_cmpint (atlas_window_get_selection (window)->kind, ==, ATLAS_ITEM_NONE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.select-next", NULL));
  g_assert_true (atlas_item_equal (atlas_window_get_selection (window),
                                   &g_array_index (scene->items, AtlasItem, 0)));
  g_assert_cmpstr (atlas_sidebar_get_heading (sidebar), !=, "App test atlas");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.unselect", NULL));
  g_assert_cmpint (atlas_window_get_selection (window)->kind, ==, ATLAS_ITEM_NONE);
  g_assert_cmpstr (atlas_sidebar_get_heading (sidebar), ==, "App test atlas");

  /* A share part: its figure, and the other source's figure beside it. */
  atlas_window_set_selection (window, &part);
  g_assert_cmpstr (atlas_sidebar_get_heading (sidebar), ==, "China");
  text = atlas_sidebar_dup_text (sidebar);
  g_assert_true (strstr (text, "90.9 %") != NULL);
  g_assert_true (strstr (text, "87 %") != NULL);
  g_assert_true (strstr (text, "International Energy Agency") != NULL);
  g_assert_true (strstr (text, "Atlas team") != NULL);

  /* Enter opens the details even when they were hidden. */
  atlas_window_set_show_sidebar (window, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.activate", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar)));
  close_window (window);
}

static void
test_broken_dataset_keeps_old (void)
{
  g_autofree char *path = fixture ("small.json");
  g_autofree char *broken = fixture ("broken.json");
  g_autofree char *dir = g_dir_make_tmp ("atlas-app-XXXXXX", NULL);
  g_autofree char *syntax = g_build_filename (dir, "syntax.json", NULL);
  AtlasWindow *window = open_window (path);
  AtlasDataset *before = atlas_window_get_dataset (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels;

  /* With the dialog, as the user sees it. */
  atlas_window_set_error_dialogs (window, TRUE);
  n_toplevels = g_list_model_get_n_items (toplevels);
  g_assert_false (atlas_window_load_path (window, broken, &error));
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_INVALID);
  g_assert_true (atlas_window_get_dataset (window) == before);
  g_assert_cmpstr (dataset_title (window), ==, "App test atlas");
  g_assert_cmpuint (atlas_window_get_generation (window), ==, 1);
  /* It names the file, the place and the rule. */
  g_assert_true (strstr (atlas_window_get_last_error (window), "broken.json") != NULL);
  g_assert_true (strstr (atlas_window_get_last_error (window), "$.supply_chains[0].links[0].to") != NULL);
  g_assert_true (strstr (atlas_window_get_last_error (window), "unknown node") != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels + 1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && !found; i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
        if (ADW_IS_MESSAGE_DIALOG (toplevel))
          {
            gtk_window_destroy (toplevel);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
  atlas_window_set_error_dialogs (window, FALSE);

  /* Opened in the background (File > Open, a drop): the same. */
  atlas_window_clear_last_error (window);
  write_file (syntax, "{\"format\": \"rare-earth-atlas/1\",\n  \"title\": }", FALSE);
  file = g_file_new_for_path (syntax);
  atlas_window_open_file (window, file);
  g_assert_true (wait_until (not_loading, window, WAIT_MS));
  g_assert_nonnull (atlas_window_get_last_error (window));
  g_assert_true (strstr (atlas_window_get_last_error (window), "syntax.json:2:") != NULL);
  g_assert_true (atlas_window_get_dataset (window) == before);

  close_window (window);
  g_unlink (syntax);
  g_rmdir (dir);
}

static void
test_reload_on_change (void)
{
  g_autofree char *source = fixture ("small.json");
  g_autofree char *original = read_file (source);
  g_autofree char *dir = g_dir_make_tmp ("atlas-app-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "atlas.json", NULL);
  g_autofree char *edited = replace_all (original, "App test atlas", "Edited by rename");
  g_autofree char *edited2 = replace_all (original, "App test atlas", "Edited in place");
  AtlasWindow *window;
  GenerationWait wait;

  write_file (path, original, FALSE);
  window = open_window (path);
  wait.window = window;

  /* An editor's save: a new file renamed over the old one. */
  wait.generation = atlas_window_get_generation (window);
  write_file (path, edited, TRUE);
  g_assert_true (wait_until (generation_passed, &wait, WAIT_MS));
  g_assert_cmpstr (dataset_title (window), ==, "Edited by rename");
  g_assert_cmpstr (atlas_sidebar_get_heading (atlas_window_get_sidebar (window)), ==, "Edited by rename");
  /* The chart changed under the user's eyes: a toast says why. */
  g_assert_cmpstr (atlas_window_get_last_toast (window), ==, "Dataset reloaded");

  /* Written in place. */
  wait.generation = atlas_window_get_generation (window);
  write_file (path, edited2, FALSE);
  g_assert_true (wait_until (generation_passed, &wait, WAIT_MS));
  g_assert_cmpstr (dataset_title (window), ==, "Edited in place");

  /* Saved broken: an error, and the last good data stays. */
  wait.generation = atlas_window_get_generation (window);
  write_file (path, "{ \"format\": ", FALSE);
  g_assert_true (wait_until (has_last_error, window, WAIT_MS));
  g_assert_true (strstr (atlas_window_get_last_error (window), "atlas.json") != NULL);
  g_assert_cmpuint (atlas_window_get_generation (window), ==, wait.generation);
  g_assert_cmpstr (dataset_title (window), ==, "Edited in place");

  /* Deleted: a notice, the data stays; back again: reloaded. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (wait_until (has_notice, window, WAIT_MS));
  g_assert_cmpstr (dataset_title (window), ==, "Edited in place");
  wait.generation = atlas_window_get_generation (window);
  write_file (path, edited, TRUE);
  g_assert_true (wait_until (generation_passed, &wait, WAIT_MS));
  g_assert_cmpstr (dataset_title (window), ==, "Edited by rename");
  g_assert_true (wait_until (has_no_notice, window, WAIT_MS));

  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
file_starts_with (const char *path, const char *prefix, gsize length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return FALSE;
  return size >= length && memcmp (contents, prefix, length) == 0;
}

static void
test_export_dialog (void)
{
  static const struct { AtlasView view; AtlasExportFormat format; const char *name; const char *magic; } cases[] = {
    { ATLAS_VIEW_FLOWS, ATLAS_EXPORT_PNG, "flows.png", "\x89PNG" },
    { ATLAS_VIEW_FLOWS, ATLAS_EXPORT_SVG, "flows.svg", "<?xml" },
    { ATLAS_VIEW_FLOWS, ATLAS_EXPORT_JSON, "flows.json", "{" },
    { ATLAS_VIEW_SHARES, ATLAS_EXPORT_PDF, "shares.pdf", "%PDF" },
    { ATLAS_VIEW_PRICES, ATLAS_EXPORT_CSV, "prices.csv", "" },
  };
  g_autofree char *path = fixture ("small.json");
  g_autofree char *dir = g_dir_make_tmp ("atlas-app-XXXXXX", NULL);
  AtlasWindow *window = open_window (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr(GError) error = NULL;
      AtlasExportDialog *dialog;
      gboolean ok;

      atlas_window_set_view (window, cases[i].view);
      dialog = atlas_export_dialog_new (GTK_WINDOW (window), atlas_window_get_dataset (window),
                                        atlas_window_get_view_state (window, cases[i].view),
                                        atlas_window_get_style (window),
                                        atlas_window_get_selection (window));
      atlas_export_dialog_set_format (dialog, cases[i].format);
      g_assert_cmpint (atlas_export_dialog_get_format (dialog), ==, cases[i].format);
      atlas_export_dialog_set_size (dialog, 1280, 720);
      atlas_export_dialog_set_scale (dialog, 2);
      atlas_export_dialog_set_dark (dialog, TRUE);

      ok = atlas_export_dialog_write (dialog, out, &error);
      if (!ok && error != NULL && error->domain == ATLAS_CHART_ERROR)
        {
          /* A chart still being written: the failure leaves no file. */
          g_test_message ("%s: %s", cases[i].name, error->message);
          g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_true (file_starts_with (out, cases[i].magic, strlen (cases[i].magic)));
          g_unlink (out);
        }
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  /* A folder that does not exist: an error, nothing written. */
  {
    g_autofree char *out = g_build_filename (dir, "missing", "flows.svg", NULL);
    g_autoptr(GError) error = NULL;
    AtlasExportDialog *dialog;

    atlas_window_set_view (window, ATLAS_VIEW_FLOWS);
    dialog = atlas_export_dialog_new (GTK_WINDOW (window), atlas_window_get_dataset (window),
                                      atlas_window_get_view_state (window, ATLAS_VIEW_FLOWS),
                                      atlas_window_get_style (window), NULL);
    atlas_export_dialog_set_format (dialog, ATLAS_EXPORT_SVG);
    g_assert_false (atlas_export_dialog_write (dialog, out, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  close_window (window);
  g_rmdir (dir);
}

/* The user chose a place in the file chooser, and its folder was removed
 * before Export (another program, a USB stick pulled out): the window says
 * which file and that its folder does not exist; nothing is written, and
 * the dialog stays open for another try. */
static void
test_export_vanished_folder (void)
{
  g_autofree char *path = fixture ("small.json");
  g_autofree char *dir = g_dir_make_tmp ("atlas-app-XXXXXX", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone", NULL);
  /* Named without its extension, as a chooser may return it. */
  g_autofree char *chosen = g_build_filename (gone, "chart", NULL);
  g_autofree char *written = g_strconcat (chosen, ".png", NULL);
  g_autofree char *expected = g_strdup_printf ("The chart could not be exported: "
                                               "Cannot write “%s”: the folder “%s” does not exist", written, gone);
  g_autoptr(GFile) file = g_file_new_for_path (chosen);
  AtlasWindow *window = open_window (path);
  GListModel *toplevels = gtk_window_get_toplevels ();
  AtlasExportDialog *dialog;
  GtkWidget *message = NULL;
  g_autofree char *secondary = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_cmpint (g_mkdir (gone, 0700), ==, 0);
  g_assert_cmpint (g_rmdir (gone), ==, 0);

  dialog = atlas_export_dialog_new (GTK_WINDOW (window), atlas_window_get_dataset (window),
                                    atlas_window_get_view_state (window, ATLAS_VIEW_FLOWS),
                                    atlas_window_get_style (window), NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  atlas_export_dialog_set_format (dialog, ATLAS_EXPORT_PNG);
  gtk_window_present (GTK_WINDOW (dialog));

  /* As the user sees it: an error dialog. */
  atlas_window_set_error_dialogs (window, TRUE);
  g_assert_false (atlas_export_dialog_export_to (dialog, file));
  g_assert_cmpstr (atlas_window_get_last_error (window), ==, expected);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && message == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        message = GTK_WIDGET (toplevel);
    }
  g_assert_nonnull (message);
  /* The file's name is plain text in the dialog, never markup. */
  g_assert_false (adw_message_dialog_get_body_use_markup (ADW_MESSAGE_DIALOG (message)));
  g_object_get (message, "body", &secondary, NULL);
  g_assert_true (g_str_has_suffix (expected, secondary));
  gtk_window_destroy (GTK_WINDOW (message));
  atlas_window_set_error_dialogs (window, FALSE);

  /* Nothing written, no temporary file, no folder made; the dialog open. */
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));
  g_assert_nonnull (dialog);

  /* The folder back: the same Export writes the file and closes the dialog. */
  g_assert_cmpint (g_mkdir (gone, 0700), ==, 0);
  g_assert_true (atlas_export_dialog_export_to (dialog, file));
  g_assert_null (dialog);
  g_assert_true (file_starts_with (written, "\x89PNG", 4));
  /* ... and a toast says so, with a button that opens the file. */
  g_assert_cmpstr (atlas_window_get_last_toast (window), ==, "Exported to “chart.png”");

  close_window (window);
  g_unlink (written);
  g_rmdir (gone);
  g_rmdir (dir);
}

/* Whether a label under @widget shows @text. */
static gboolean
has_label (GtkWidget *widget, const char *text)
{
  return find_label_with_text (widget, text) != NULL;
}

typedef struct {
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  const LabelWait *wait = data;
  return has_label (wait->widget, wait->text);
}

/* The table view shows numbers as people read them; the CSV file holds
 * the same numbers plain, as spreadsheets in any locale read them. */
static void
test_table_numbers (void)
{
  g_autofree char *path = fixture ("small.json");
  g_autofree char *dir = g_dir_make_tmp ("atlas-app-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "flows.csv", NULL);
  AtlasWindow *window = open_window (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *stack;
  LabelWait value = { NULL, "270,000" }, share = { NULL, "100 %" };

  atlas_window_set_view (window, ATLAS_VIEW_FLOWS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL));
  stack = gtk_widget_get_ancestor (GTK_WIDGET (atlas_window_get_chart_view (window)), GTK_TYPE_STACK);
  value.widget = share.widget = gtk_stack_get_child_by_name (GTK_STACK (stack), "table");
  g_assert_nonnull (value.widget);
  g_assert_true (wait_until (label_shown, &value, 5000));
  g_assert_true (wait_until (label_shown, &share, 5000));
  g_assert_false (has_label (value.widget, "270000"));

  g_assert_true (atlas_window_export_table_csv (window, csv, &error));
  g_assert_no_error (error);
  contents = read_file (csv);
  g_assert_nonnull (strstr (contents, ",270000,100,"));
  g_unlink (csv);
  close_window (window);
  g_rmdir (dir);
}

static void
test_table_and_csv (void)
{
  g_autofree char *path = fixture ("small.json");
  g_autofree char *dir = g_dir_make_tmp ("atlas-app-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "shares.csv", NULL);
  AtlasWindow *window = open_window (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *table_view;

  atlas_window_set_view (window, ATLAS_VIEW_SHARES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL));
  table_view = gtk_widget_get_ancestor (GTK_WIDGET (atlas_window_get_chart_view (window)), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (table_view)), ==, "table");

  if (!atlas_window_export_table_csv (window, csv, &error))
    {
      g_test_message ("no table yet: %s", error->message);
      g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
    }
  else
    {
      contents = read_file (csv);
      g_assert_true (strstr (contents, "China") != NULL);
      g_unlink (csv);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (table_view)), ==, "chart");
  close_window (window);
  g_rmdir (dir);
}

static void
test_copy_image (void)
{
  g_autofree char *path = fixture ("small.json");
  AtlasWindow *window = open_window (path);
  g_autoptr(GError) error = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));

  g_assert_true (atlas_window_copy_image (window, &error));
  g_assert_no_error (error);
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));
  close_window (window);
}

static void
test_prices_zoom (void)
{
  g_autofree char *path = fixture ("small.json");
  AtlasWindow *window = open_window (path);
  AtlasChartView *chart = atlas_window_get_chart_view (window);
  AtlasViewState *state = atlas_window_get_view_state (window, ATLAS_VIEW_PRICES);

  atlas_window_set_view (window, ATLAS_VIEW_PRICES);
  if (settled_scene (window) == NULL)
    {
      g_test_skip ("the price chart is not available yet");
      close_window (window);
      return;
    }
  g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_ALL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom-in", NULL));
  g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_CUSTOM);
  g_assert_true (atlas_date_is_set (&atlas_view_state_get_options (state)->from));
  g_assert_nonnull (settled_scene (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.pan-left", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chart), "chart.zoom-reset", NULL));
  g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_ALL);
  g_assert_false (atlas_date_is_set (&atlas_view_state_get_options (state)->from));
  close_window (window);
}

typedef struct {
  guint paints;
} PaintCount;

static void
after_paint_cb (GdkFrameClock *clock, PaintCount *count)
{
  count->paints++;
}

static gboolean
painted_since (gpointer data)
{
  PaintCount *count = data;
  return count->paints > 0;
}

static GtkEventController *
find_motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }
  return NULL;
}

/* A window on the price view of small.json with its chart laid out, its
 * motion controller, and the painted frames counted. */
typedef struct {
  AtlasWindow        *window;
  AtlasChartView     *chart;
  GtkEventController *motion;
  AtlasScene         *scene;
  GdkFrameClock      *clock;
  PaintCount          count;
  gulong              handler;
} PricesChart;

/* FALSE (the test skipped, the window closed) when the chart has nothing
 * to hover. @p must stay where it is until close_prices_chart(). */
static gboolean
open_prices_chart (PricesChart *p)
{
  g_autofree char *path = fixture ("small.json");

  *p = (PricesChart) { 0 };
  p->window = open_window (path);
  p->chart = atlas_window_get_chart_view (p->window);
  p->motion = find_motion_controller (GTK_WIDGET (p->chart));
  atlas_window_set_view (p->window, ATLAS_VIEW_PRICES);
  p->scene = settled_scene (p->window);
  if (p->scene == NULL || p->scene->items->len == 0)
    {
      g_test_skip ("the price chart is not available yet");
      close_window (p->window);
      return FALSE;
    }
  g_assert_nonnull (p->motion);
  p->clock = gtk_widget_get_frame_clock (GTK_WIDGET (p->chart));
  g_assert_nonnull (p->clock);
  p->handler = g_signal_connect (p->clock, "after-paint", G_CALLBACK (after_paint_cb), &p->count);
  return TRUE;
}

/* Moves the pointer to (@x, @y) through the chart's own motion controller
 * and waits for the frame it asks for to be painted. */
static void
hover_at (PricesChart *p, double x, double y)
{
  p->count.paints = 0;
  g_signal_emit_by_name (p->motion, "motion", x, y);
  g_assert_true (wait_until (painted_since, &p->count, WAIT_MS));
}

static void
close_prices_chart (PricesChart *p)
{
  g_signal_handler_disconnect (p->clock, p->handler);
  close_window (p->window);
}

/* Hover over the price chart paints the kept image of the scene and the
 * crosshair over it: the scene is drawn again only when what it shows
 * changes (here a selection), not on every pointer move. */
static void
test_prices_hover_keeps_render (void)
{
  PricesChart p;
  double xs[6], ys[6];
  guint n = 0, renders;
  AtlasScene *scene;
  AtlasChartView *chart;

  if (!open_prices_chart (&p))
    return;
  scene = p.scene;
  chart = p.chart;

  /* Places in the plot over no item: moving between them changes no
   * emphasis, only the crosshair. */
  for (int j = 1; j < 10 && n < G_N_ELEMENTS (xs); j++)
    for (int i = 1; i < 20 && n < G_N_ELEMENTS (xs); i++)
      {
        double x = scene->plot.x + scene->plot.width * i / 20.0;
        double y = scene->plot.y + scene->plot.height * j / 10.0;
        AtlasItem item;

        if (!atlas_scene_hit_test (scene, x, y, &item))
          {
            xs[n] = x;
            ys[n] = y;
            n++;
          }
      }
  g_assert_cmpuint (n, >=, 3);

  hover_at (&p, xs[0], ys[0]);
  renders = atlas_chart_view_get_render_count (chart);
  g_assert_cmpuint (renders, >, 0);
  for (guint i = 1; i < n; i++)
    {
      hover_at (&p, xs[i], ys[i]);
      g_assert_cmpuint (atlas_chart_view_get_render_count (chart), ==, renders);
    }
  /* No layout either. */
  g_assert_true (atlas_chart_view_get_scene (chart) == scene);

  /* A selection changes what is drawn: the scene is drawn again, once. */
  atlas_chart_view_set_selection (chart, &g_array_index (scene->items, AtlasItem, 0));
  p.count.paints = 0;
  g_assert_true (wait_until (painted_since, &p.count, WAIT_MS));
  g_assert_cmpuint (atlas_chart_view_get_render_count (chart), ==, renders + 1);
  renders = atlas_chart_view_get_render_count (chart);
  for (guint i = 0; i < n; i++)
    hover_at (&p, xs[i], ys[i]);
  g_assert_cmpuint (atlas_chart_view_get_render_count (chart), ==, renders);

  close_prices_chart (&p);
}

static gboolean
is_menu_button_with_tooltip (GtkWidget *widget, gconstpointer tooltip)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The prices' options button says "Indexed at DATE" only while the prices
 * are indexed; otherwise it does not claim indexing. */
static void
test_prices_options_label (void)
{
  g_autofree char *path = fixture ("small.json");
  AtlasWindow *window = open_window (path);
  AtlasViewState *state = atlas_window_get_view_state (window, ATLAS_VIEW_PRICES);
  AtlasDate date = { 0 };
  GtkMenuButton *button;

  atlas_window_set_view (window, ATLAS_VIEW_PRICES);
  g_assert_nonnull (settled_scene (window));
  button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window), is_menu_button_with_tooltip,
                                         "Indexed mode, price unit and events"));
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Options");

  g_assert_true (atlas_date_parse ("2020-01-01", 10, &date));
  atlas_view_state_set_indexed (state, &date);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Indexed at 2020-01-01");
  atlas_view_state_set_indexed (state, NULL);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Options");
  close_window (window);
}

/* The largest node of @node's tree that paints a picture (a cairo or a
 * texture node): in the chart's frame, the kept image of the scene. */
static GskRenderNode *
find_image_node (GskRenderNode *node)
{
  GskRenderNode *best = NULL;
  graphene_rect_t bounds, best_bounds;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CAIRO_NODE:
    case GSK_TEXTURE_NODE:
      return node;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        {
          GskRenderNode *found = find_image_node (gsk_container_node_get_child (node, i));

          if (found == NULL)
            continue;
          gsk_render_node_get_bounds (found, &bounds);
          if (best == NULL || bounds.size.width * bounds.size.height > best_bounds.size.width * best_bounds.size.height)
            {
              best = found;
              best_bounds = bounds;
            }
        }
      return best;
    case GSK_TRANSFORM_NODE:
      return find_image_node (gsk_transform_node_get_child (node));
    default:
      return NULL;
    }
}

/* The chart's own drawing of a frame, as GTK asks for it. */
static GskRenderNode *
snapshot_chart (AtlasChartView *chart)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (chart)->snapshot (GTK_WIDGET (chart), snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* A place on a price line whose hover emphasises the line, or FALSE. */
static gboolean
find_place_on_line (AtlasScene *scene, double *x, double *y)
{
  for (double py = scene->plot.y; py < scene->plot.y + scene->plot.height; py += 1)
    for (double px = scene->plot.x + scene->plot.width / 4; px < scene->plot.x + scene->plot.width * 3 / 4; px += 7)
      {
        AtlasItem item;

        if (atlas_scene_hit_test (scene, px, py, &item) &&
            (item.kind == ATLAS_ITEM_SERIES || item.kind == ATLAS_ITEM_POINT))
          {
            *x = px;
            *y = py;
            return TRUE;
          }
      }
  return FALSE;
}

/* Moving the pointer paints the same node of the kept image in every
 * frame (so GTK repaints only the crosshair's pixels), and leaving a line
 * it emphasised goes back to the image without emphasis, not drawn again. */
static void
test_prices_hover_reuses_image (void)
{
  PricesChart p;
  AtlasScene *scene;
  AtlasChartView *chart;
  double empty_x = -1, empty_y = -1, line_x = 0, line_y = 0;
  guint renders;

  if (!open_prices_chart (&p))
    return;
  scene = p.scene;
  chart = p.chart;
  for (int i = 1; i < 20 && empty_x < 0; i++)
    {
      AtlasItem item;
      double x = scene->plot.x + scene->plot.width * i / 20.0, y = scene->plot.y + 2;

      if (!atlas_scene_hit_test (scene, x, y, &item))
        empty_x = x, empty_y = y;
    }
  g_assert_cmpfloat (empty_x, >=, 0);
  g_assert_true (find_place_on_line (scene, &line_x, &line_y));

  hover_at (&p, empty_x, empty_y);
  {
    g_autoptr(GskRenderNode) first = snapshot_chart (chart);
    g_autoptr(GskRenderNode) second = NULL;

    hover_at (&p, empty_x + 5, empty_y + 3);
    second = snapshot_chart (chart);
    g_assert_nonnull (find_image_node (first));
    g_assert_true (find_image_node (first) == find_image_node (second));
  }

  renders = atlas_chart_view_get_render_count (chart);
  hover_at (&p, line_x, line_y);
  g_assert_cmpuint (atlas_chart_view_get_render_count (chart), ==, renders + 1);
  hover_at (&p, empty_x, empty_y);
  hover_at (&p, line_x, line_y);
  hover_at (&p, empty_x, empty_y);
  g_assert_cmpuint (atlas_chart_view_get_render_count (chart), ==, renders + 1);

  close_prices_chart (&p);
}

/* ---- libadwaita: the folding sidebar and the style manager ------------- */

typedef struct {
  AtlasWindow *window;
  int          width;
  int          sidebar;  /* the width the chart leaves beside it */
} WidthWait;

static gboolean
window_has_width (gpointer data)
{
  WidthWait *wait = data;
  AtlasChartView *chart = atlas_window_get_chart_view (wait->window);
  int width = gtk_widget_get_width (GTK_WIDGET (wait->window));

  /* The window's size counts its decorations, its widget does not. */
  return width <= wait->width && width >= wait->width - 40 &&
         atlas_chart_view_has_drawn (chart) && gtk_widget_get_width (GTK_WIDGET (chart)) == width - wait->sidebar;
}

static gboolean
show_sidebar (AtlasWindow *window)
{
  gboolean show;

  g_object_get (window, "show-sidebar", &show, NULL);
  return show;
}

static gboolean
flap_revealed (gpointer data)
{
  return adw_flap_get_reveal_progress (ADW_FLAP (data)) == 1.0;
}

static gboolean
bottom_switcher_shown (gpointer data)
{
  GtkWidget *bar = find_widget_of_type (GTK_WIDGET (data), GTK_TYPE_ACTION_BAR);

  return bar != NULL && gtk_widget_get_mapped (bar) &&
         gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_parent (bar)));
}

static gboolean
bottom_switcher_hidden (gpointer data)
{
  GtkWidget *bar = find_widget_of_type (GTK_WIDGET (data), GTK_TYPE_ACTION_BAR);

  return bar != NULL && !gtk_widget_get_mapped (bar);
}

static AdwFlap *
window_flap (AtlasWindow *window)
{
  AdwFlap *flap = ADW_FLAP (find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_FLAP));

  g_assert_nonnull (flap);
  return flap;
}

/* Wide, the details sit beside the chart; at half a full-HD screen (960)
 * and narrower (700) they fold: hidden, the chart takes the window's
 * width, and shown they lie over the chart instead of narrowing it. */
static void
test_sidebar_folds (void)
{
  g_autofree char *path = fixture ("small.json");
  AtlasWindow *window = open_window (path);
  AtlasChartView *chart = atlas_window_get_chart_view (window);
  AdwFlap *flap = window_flap (window);
  static const int narrow[] = { 960, 700 };
  WidthWait wait = { window, 1280, 340 };

  g_assert_true (wait_until (window_has_width, &wait, WAIT_MS));
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (show_sidebar (window));

  for (guint i = 0; i < G_N_ELEMENTS (narrow); i++)
    {
      int chart_width;

      /* Folding hides the details (animated): the chart gets the width. */
      wait.width = narrow[i];
      wait.sidebar = 0;
      gtk_window_set_default_size (GTK_WINDOW (window), narrow[i], 700);
      g_assert_true (wait_until (window_has_width, &wait, WAIT_MS));
      g_test_message ("%d px: chart %d px wide", narrow[i], gtk_widget_get_width (GTK_WIDGET (chart)));
      g_assert_true (adw_flap_get_folded (flap));
      g_assert_false (show_sidebar (window));
      chart_width = gtk_widget_get_width (GTK_WIDGET (chart));
      /* At 700 px the views' names leave the header bar for a bar at the
       * bottom; at 960 they stay at the top. */
      g_assert_true (wait_until (narrow[i] < 960 ? bottom_switcher_shown : bottom_switcher_hidden, window, WAIT_MS));

      /* Shown again (F9, Enter on an item): over the chart, which keeps its width. */
      atlas_window_set_show_sidebar (window, TRUE);
      g_assert_true (adw_flap_get_reveal_flap (flap));
      g_assert_true (wait_until (flap_revealed, flap, WAIT_MS));
      g_assert_true (wait_until (window_has_width, &wait, WAIT_MS));
      g_assert_true (adw_flap_get_folded (flap));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), ==, chart_width);
      atlas_window_set_show_sidebar (window, FALSE);
    }
  close_window (window);
}

/* The charts follow the style manager: the app's Style menu, the desktop's
 * preference (which the style manager reads, through the portal when
 * sandboxed) and a dark GTK_THEME all give the dark chart style. */
static void
test_style_follows_style_manager (void)
{
  g_autofree char *path = fixture ("small.json");
  AdwStyleManager *manager = adw_style_manager_get_default ();
  AtlasWindow *window = open_window (path);

  g_assert_false (atlas_window_get_style (window)->dark);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  g_assert_true (atlas_window_get_style (window)->dark);
  g_assert_true (atlas_chart_view_get_style (atlas_window_get_chart_view (window))->dark);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (atlas_window_get_style (window)->dark);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  close_window (window);

  /* GTK_THEME=Adwaita:dark darkens GTK's widgets without telling the
   * style manager: the charts are dark too. */
  g_setenv ("GTK_THEME", "Adwaita:dark", TRUE);
  window = open_window (path);
  g_assert_false (adw_style_manager_get_dark (manager));
  g_assert_true (atlas_window_get_style (window)->dark);
  close_window (window);
  g_unsetenv ("GTK_THEME");
}

/* With nothing open the window shows a status page; when the dataset it
 * was to show fails, the page says so (the file's name in the message is
 * text, not markup), and a good dataset brings the chart. */
static void
test_status_page (void)
{
  g_autofree char *path = fixture ("small.json");
  g_autofree char *broken = fixture ("broken.json");
  AtlasWindow *window = atlas_window_new (NULL);
  AdwStatusPage *page;
  g_autoptr(GError) error = NULL;

  atlas_window_set_error_dialogs (window, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  page = ADW_STATUS_PAGE (find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page)) && gtk_widget_get_child_visible (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Dataset Open");

  g_assert_false (atlas_window_load_path (window, broken, &error));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "The dataset could not be loaded");
  g_assert_true (strstr (adw_status_page_get_description (page), "broken.json") != NULL);
  g_assert_true (strstr (adw_status_page_get_description (page), "unknown node") != NULL);

  g_assert_true (atlas_window_load_path (window, path, NULL));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Dataset Open");
  g_assert_false (gtk_widget_get_child_visible (GTK_WIDGET (page)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window's size, maximized state and view are settings bound to its
 * properties: read when it opens, written as they change, and another
 * window's changes do not move it. */
static void
test_settings_bound (void)
{
  g_autoptr(GSettings) settings = atlas_app_create_settings ();
  g_autofree char *view = NULL;
  AtlasWindow *first;
  AtlasWindow *second;
  int width, height;

  g_assert_nonnull (settings);
  g_settings_set_string (settings, "last-view", "timeline");
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);

  first = atlas_window_new (NULL);
  g_assert_cmpint (atlas_window_get_view (first), ==, ATLAS_VIEW_TIMELINE);
  gtk_window_get_default_size (GTK_WINDOW (first), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "win.view", "s", "shares"));
  view = g_settings_get_string (settings, "last-view");
  g_assert_cmpstr (view, ==, "shares");
  /* The property is the enumeration itself, not a name parsed back. */
  {
    AtlasView value;

    g_object_get (first, "view", &value, NULL);
    g_assert_cmpint (value, ==, ATLAS_VIEW_SHARES);
  }
  gtk_window_set_default_size (GTK_WINDOW (first), 1100, 750);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 750);

  /* A second window opens as the first was left; its changes stay its own. */
  second = atlas_window_new (NULL);
  g_assert_cmpint (atlas_window_get_view (second), ==, ATLAS_VIEW_SHARES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.view", "s", "map"));
  g_assert_cmpint (atlas_window_get_view (first), ==, ATLAS_VIEW_SHARES);

  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (first));
  g_settings_reset (settings, "last-view");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* ---- the controls bound to the view state ------------------------------- */

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The control of the shown view's page with @tooltip; the controls' other
 * pages are in the tree too, hidden. */
static GtkWidget *
control (AtlasWindow *window, const char *tooltip)
{
  GtkWidget *controls = find_widget_of_type (GTK_WIDGET (window), ATLAS_TYPE_VIEW_CONTROLS);
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_first_child (controls)));
  GtkWidget *found = find_widget (page, has_tooltip, tooltip);

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_check_for (GtkWidget *widget, gconstpointer id)
{
  return GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "atlas-id"), id) == 0;
}

/* A check of a list in a popover (series, filters), by the id it stands for. */
static GtkCheckButton *
check_for (GtkMenuButton *button, const char *id)
{
  GtkWidget *found = find_widget (GTK_WIDGET (gtk_menu_button_get_popover (button)), is_check_for, id);

  g_assert_nonnull (found);
  return GTK_CHECK_BUTTON (found);
}

static const char *
selected_text (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* The prices' controls show what the state says, the state takes what the
 * user picks, and neither echoes the other. */
static void
test_prices_controls_bound (void)
{
  g_autofree char *path = fixture ("small.json");
  AtlasWindow *window = open_window (path);
  AtlasViewState *state = atlas_window_get_view_state (window, ATLAS_VIEW_PRICES);
  g_autoptr(GString) log = g_string_new (NULL);
  const char *dy[] = { "dy-oxide", NULL };
  const char *tb[] = { "tb-oxide", NULL };
  GtkToggleButton *linear, *log_button;
  GtkDropDown *currency;
  GtkMenuButton *series;

  atlas_window_set_view (window, ATLAS_VIEW_PRICES);
  g_assert_true (wait_until (window_chart_drawn, window, WAIT_MS));
  linear = GTK_TOGGLE_BUTTON (control (window, "Linear price scale"));
  log_button = GTK_TOGGLE_BUTTON (control (window, "Logarithmic price scale"));
  currency = GTK_DROP_DOWN (control (window, "Currency"));
  series = GTK_MENU_BUTTON (control (window, "Price series shown"));
  g_signal_connect (state, "notify", G_CALLBACK (log_notify_cb), log);

  /* The scale: both ways. */
  g_assert_true (gtk_toggle_button_get_active (linear));
  g_object_set (state, "log-scale", TRUE, NULL);
  g_assert_true (gtk_toggle_button_get_active (log_button));
  g_assert_false (gtk_toggle_button_get_active (linear));
  gtk_toggle_button_set_active (linear, TRUE);
  g_assert_false (atlas_view_state_get_options (state)->log_scale);
  g_assert_false (gtk_toggle_button_get_active (log_button));
  g_assert_cmpstr (log->str, ==, "log-scale log-scale ");

  /* The currency: an id in the state, a position in the drop-down. */
  g_string_truncate (log, 0);
  atlas_view_state_set_currency (state, "CNY");
  g_assert_cmpstr (selected_text (currency), ==, "CNY");
  gtk_drop_down_set_selected (currency, 0);
  g_assert_null (atlas_view_state_get_options (state)->currency);
  g_assert_cmpstr (log->str, ==, "currency currency ");

  /* The series checks follow the state without writing back a list half
   * updated; a check the user ticks adds its series. */
  g_string_truncate (log, 0);
  atlas_view_state_set_series (state, dy);
  atlas_view_state_set_series (state, tb);
  g_assert_false (gtk_check_button_get_active (check_for (series, "dy-oxide")));
  g_assert_true (gtk_check_button_get_active (check_for (series, "tb-oxide")));
  g_assert_true (g_strv_equal (atlas_view_state_get_options (state)->series, tb));
  g_assert_cmpstr (log->str, ==, "series series ");
  gtk_check_button_set_active (check_for (series, "nd-oxide"), TRUE);
  g_assert_cmpuint (g_strv_length ((char **) atlas_view_state_get_options (state)->series), ==, 2);
  g_assert_true (g_strv_contains (atlas_view_state_get_options (state)->series, "nd-oxide"));

  /* The same data again (a reload) refills the lists: the choices stay. */
  atlas_view_state_set_currency (state, "CNY");
  g_string_truncate (log, 0);
  atlas_window_set_dataset (window, atlas_window_get_dataset (window));
  g_assert_cmpstr (log->str, ==, "");
  g_assert_cmpstr (atlas_view_state_get_options (state)->currency, ==, "CNY");
  g_assert_cmpstr (selected_text (currency), ==, "CNY");

  close_window (window);
}

/* Runs what is ready to run, without waiting for anything. */
static void
run_pending (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* A batch of changes (a slide, a preset) is drawn once: the chart hears
 * each property, and lays out at the next frame; the controls follow
 * without writing anything back. */
static void
test_batch_draws_once (void)
{
  g_autofree char *path = fixture ("small.json");
  AtlasWindow *window = open_window (path);
  AtlasViewState *state = atlas_window_get_view_state (window, ATLAS_VIEW_PRICES);
  AtlasChartView *chart = atlas_window_get_chart_view (window);
  const char *nd[] = { "nd-oxide", NULL };
  RenderWait wait = { chart, 0 };
  guint scene_changes = 0;

  atlas_window_set_view (window, ATLAS_VIEW_PRICES);
  g_assert_true (wait_until (window_chart_drawn, window, WAIT_MS));
  run_pending ();
  wait.renders = atlas_chart_view_get_render_count (chart);
  g_signal_connect_swapped (chart, "scene-changed", G_CALLBACK (count_signal), &scene_changes);

  g_object_freeze_notify (G_OBJECT (state));
  atlas_view_state_set_series (state, nd);
  atlas_view_state_set_log_scale (state, TRUE);
  atlas_view_state_set_currency (state, "CNY");
  g_object_set (state, "from", "2019", NULL);
  g_object_thaw_notify (G_OBJECT (state));
  g_assert_true (wait_until (rendered_again, &wait, WAIT_MS));
  run_pending ();
  g_assert_cmpuint (atlas_chart_view_get_render_count (chart), ==, wait.renders + 1);
  /* Listeners (sidebar, table, accessibility) hear of the new scene once. */
  g_assert_cmpuint (scene_changes, ==, 1);
  g_signal_handlers_disconnect_by_func (chart, count_signal, &scene_changes);
  g_assert_true (g_strv_equal (atlas_view_state_get_options (state)->series, nd));
  g_assert_cmpint (atlas_view_state_get_range_preset (state), ==, ATLAS_RANGE_CUSTOM);

  close_window (window);
}

/* The timeline's filters and the map's drop-down, both ways. */
static void
test_filters_and_map_bound (void)
{
  g_autofree char *path = fixture ("small.json");
  AtlasWindow *window = open_window (path);
  AtlasViewState *timeline = atlas_window_get_view_state (window, ATLAS_VIEW_TIMELINE);
  AtlasViewState *map = atlas_window_get_view_state (window, ATLAS_VIEW_MAP);
  const char *policy[] = { "policy", NULL };
  const AtlasChartOptions *options;
  GtkMenuButton *kinds;
  GtkDropDown *dropdown;

  atlas_window_set_view (window, ATLAS_VIEW_TIMELINE);
  kinds = GTK_MENU_BUTTON (control (window, "Filter events by kind"));
  atlas_view_state_set_kinds (timeline, policy);
  g_assert_cmpstr (gtk_menu_button_get_label (kinds), ==, "1 kind");
  g_assert_true (gtk_check_button_get_active (check_for (kinds, "policy")));
  g_assert_false (gtk_check_button_get_active (check_for (kinds, "market")));
  gtk_check_button_set_active (check_for (kinds, "market"), TRUE);
  options = atlas_view_state_get_options (timeline);
  g_assert_cmpuint (g_strv_length ((char **) options->kinds), ==, 2);
  g_assert_true (g_strv_contains (options->kinds, "market"));
  g_assert_cmpstr (gtk_menu_button_get_label (kinds), ==, "2 kinds");

  atlas_window_set_view (window, ATLAS_VIEW_MAP);
  dropdown = GTK_DROP_DOWN (control (window, "What the map shows: a share by country, or a supply chain's routes"));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpstr (atlas_view_state_get_options (map)->group, ==, "refining-2024");
  atlas_view_state_set_group (map, "jp-2023");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2);

  close_window (window);
}

int
main (int argc, char **argv)
{
  if (!widget_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/app/view-state", test_view_state);
  g_test_add_func ("/app/view-state/properties-notify", test_properties_notify);
  g_test_add_func ("/app/view-state/slide-again-is-silent", test_slide_again_is_silent);
  g_test_add_func ("/app/item-info", test_item_info);
  g_test_add_func ("/app/sidebar/publisher-language", test_sidebar_publisher_language);
  g_test_add_func ("/app/window/builds", test_window_builds);
  g_test_add_func ("/app/window/switch-views", test_switch_views);
  g_test_add_func ("/app/window/map-view", test_map_view);
  g_test_add_func ("/app/window/fits-half-screen", test_window_fits_half_screen);
  g_test_add_func ("/app/window/sidebar-folds", test_sidebar_folds);
  g_test_add_func ("/app/window/style-follows-style-manager", test_style_follows_style_manager);
  g_test_add_func ("/app/window/settings-bound", test_settings_bound);
  g_test_add_func ("/app/window/status-page", test_status_page);
  g_test_add_func ("/app/window/selection-updates-sidebar", test_selection_updates_sidebar);
  g_test_add_func ("/app/window/broken-dataset-keeps-old", test_broken_dataset_keeps_old);
  g_test_add_func ("/app/window/reload-on-change", test_reload_on_change);
  g_test_add_func ("/app/window/table-and-csv", test_table_and_csv);
  g_test_add_func ("/app/window/table-numbers", test_table_numbers);
  g_test_add_func ("/app/export/dialog-write", test_export_dialog);
  g_test_add_func ("/app/export/vanished-folder", test_export_vanished_folder);
  g_test_add_func ("/app/export/copy-image", test_copy_image);
  g_test_add_func ("/app/chart/prices-zoom", test_prices_zoom);
  g_test_add_func ("/app/chart/prices-options-label", test_prices_options_label);
  g_test_add_func ("/app/chart/prices-hover-keeps-render", test_prices_hover_keeps_render);
  g_test_add_func ("/app/chart/prices-hover-reuses-image", test_prices_hover_reuses_image);
  g_test_add_func ("/app/controls/prices-bound", test_prices_controls_bound);
  g_test_add_func ("/app/controls/batch-draws-once", test_batch_draws_once);
  g_test_add_func ("/app/controls/filters-and-map-bound", test_filters_and_map_bound);
  return g_test_run ();
}
