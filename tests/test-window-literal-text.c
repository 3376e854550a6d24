/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-literal-text.c: widget test: dataset text that looks like Pango markup or printf directives shows literally in the window (title, sidebar, tooltips, view controls, table). */
#include "atlas-config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "app-test-loop.h"
#include "app-test-widgets.h"
#include "atlas-item-info.h"
#include "atlas-sidebar.h"
#include "atlas-table-view.h"
#include "atlas-window.h"

#define WAIT_MS 30000  /* a bound, not a pause: the sanitized build on a loaded machine is slow */

/* Every label of the fixture is a tag letter followed by this: markup, an
 * XML entity and printf directives (tests/data/reliability/literal-text.json). */
#define LITERAL "<b>&amp;%s%n%x"

/* ---- helpers ------------------------------------------------------------- */

static guint
count (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

/* @text shows the fixture's labels as written: wherever a piece of the
 * literal appears, the whole literal is there. Markup parsed would drop
 * "<b>" and turn "&amp;" into "&"; a printf would eat "%s" and "%n" (or
 * crash). The app's own words never hold these pieces. */
static void
assert_literal (const char *where, const char *text)
{
  guint whole;

  if (text == NULL)
    return;
  whole = count (text, LITERAL);
  if (count (text, "<b>") != whole || count (text, "&amp;") != whole ||
      count (text, "%s") != whole || count (text, "%n") != whole)
    g_error ("%s shows dataset text changed: “%s”", where, text);
}

/* Checks the text of every label, tooltip and window title under @widget,
 * popovers included, and collects it into @seen. */
static void
check_widget_tree (GtkWidget *widget, GString *seen)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      assert_literal (G_OBJECT_TYPE_NAME (widget), text);
      g_string_append_printf (seen, "%s\n", text);
    }
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    {
      assert_literal ("a window title", gtk_window_get_title (GTK_WINDOW (widget)));
      g_string_append_printf (seen, "%s\n", gtk_window_get_title (GTK_WINDOW (widget)));
    }
  if (tooltip != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (tooltip, -1);

      assert_literal ("a tooltip", tooltip);
      /* Set as text: GTK keeps it as escaped markup. */
      g_assert_cmpstr (gtk_widget_get_tooltip_markup (widget), ==, escaped);
      g_string_append_printf (seen, "%s\n", tooltip);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget_tree (child, seen);
}

/* The chart's own tooltip handler, given a tooltip of GTK's: text taken
 * as markup would fail to parse (an unclosed <b>), and GTK's warning fails
 * the test. */
/* A mapped label with text under @widget: a cell the table has laid out. */
static gboolean
has_mapped_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_mapped_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
find_table (GtkWidget *widget, GtkWidget **out)
{
  if (ATLAS_IS_TABLE_VIEW (widget))
    {
      *out = widget;
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_table (child, out))
      return TRUE;
  return FALSE;
}

/* The data table is on screen with its cells. */
static gboolean
table_shown (gpointer data)
{
  GtkWidget *table = NULL;

  return find_table (GTK_WIDGET (data), &table) && gtk_widget_get_mapped (table) && has_mapped_text (table);
}

static gboolean
query_tooltip (AtlasChartView *chart, int x, int y, gboolean keyboard_mode)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (chart, "query-tooltip", x, y, keyboard_mode, tooltip, &shown);
  return shown;
}

/* The tooltip over @item, by pointer (the middle of its shapes) and by
 * keyboard (it selected): plain text, the item's summary. */
static void
check_item_tooltip (AtlasWindow *window, const AtlasItem *item, const char *summary, GString *seen)
{
  AtlasChartView *chart = atlas_window_get_chart_view (window);
  AtlasScene *scene = atlas_chart_view_get_scene (chart);
  g_autofree char *by_keyboard = atlas_chart_view_dup_tooltip_text (chart, 0, 0, TRUE);
  AtlasRect bounds;

  g_assert_cmpstr (by_keyboard, ==, summary);
  g_assert_true (query_tooltip (chart, 0, 0, TRUE));
  if (scene != NULL && atlas_scene_item_bounds (scene, item, &bounds))
    {
      int x = (int) (bounds.x + bounds.width / 2), y = (int) (bounds.y + bounds.height / 2);
      g_autofree char *by_pointer = atlas_chart_view_dup_tooltip_text (chart, x, y, FALSE);

      assert_literal ("the chart's tooltip", by_pointer);
      g_assert_true (query_tooltip (chart, x, y, FALSE) == (by_pointer != NULL));
      if (by_pointer != NULL)
        g_string_append_printf (seen, "%s\n", by_pointer);
    }
}

/* ---- the test ------------------------------------------------------------ */

static void
test_literal_text (void)
{
  static const char *views[] = { "flows", "prices", "shares", "timeline" };
  /* The fixture's labels the window must show somewhere, by tag letter:
   * dataset title and description, chain, stages, nodes, regions, link
   * note, metric, notes of a part and a bar, series name, product and
   * basis, event title and detail, element, source publisher, title and
   * note. */
  static const char shown_tags[] = "ACGHKRULMQZVFBTDEPSO";
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "reliability", "literal-text.json", NULL);
  AtlasWindow *window = open_window_on (path, WAIT_MS);
  AtlasSidebar *sidebar = atlas_window_get_sidebar (window);
  g_autoptr(GString) seen = g_string_new (NULL);

  /* The window's title and the sidebar's heading: the dataset's title. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "A" LITERAL);
  g_assert_cmpstr (atlas_sidebar_get_heading (sidebar), ==, "A" LITERAL);
  check_widget_tree (GTK_WIDGET (window), seen);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      AtlasScene *scene;

      g_test_message ("view %s", views[v]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", views[v]));
      g_assert_true (wait_until (window_chart_drawn, window, WAIT_MS));
      scene = atlas_window_get_scene (window);
      g_assert_nonnull (scene);
      g_assert_cmpuint (scene->items->len, >, 0);
      check_widget_tree (GTK_WIDGET (window), seen);

      /* Each item selected: the sidebar's heading is its name as written,
       * the tooltip its summary, and every label shows the text intact. */
      for (guint i = 0; i < scene->items->len; i++)
        {
          AtlasItem item = g_array_index (atlas_window_get_scene (window)->items, AtlasItem, i);
          g_autofree char *item_id = g_strdup (item.id);
          g_autoptr(AtlasItemInfo) info = NULL;
          g_autofree char *summary = NULL;

          item.id = item_id;
          atlas_window_set_selection (window, &item);
          info = atlas_item_info_new (atlas_window_get_dataset (window),
                                      atlas_view_state_get_options (atlas_window_get_view_state (window, atlas_window_get_view (window))),
                                      &item);
          g_assert_nonnull (info);
          g_assert_cmpstr (atlas_sidebar_get_heading (sidebar), ==, info->name);
          assert_literal ("the sidebar's heading", info->name);
          summary = atlas_item_info_summary (info);
          settle ();
          check_widget_tree (GTK_WIDGET (window), seen);
          check_item_tooltip (window, &item, summary, seen);
        }
      atlas_window_set_selection (window, NULL);

      /* The data table: its title ("Data: <chart title>") and its cells. */
      atlas_window_set_show_table (window, TRUE);
      g_assert_true (wait_until (table_shown, window, WAIT_MS));
      check_widget_tree (GTK_WIDGET (window), seen);
      atlas_window_set_show_table (window, FALSE);
    }

  for (const char *tag = shown_tags; *tag != '\0'; tag++)
    {
      g_autofree char *label = g_strdup_printf ("%c%s", *tag, LITERAL);

      if (strstr (seen->str, label) == NULL)
        g_error ("“%s” is shown nowhere in the window", label);
    }
  /* The table's title quotes the chart's title. */
  g_assert_nonnull (strstr (seen->str, "Data: C" LITERAL));

  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
}

int
main (int argc, char **argv)
{
  if (!widget_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/app/window/literal-text", test_literal_text);
  return g_test_run ();
}
