/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-presenter-window.c: the presenter's window of presentation mode, on the monitor the audience does not see: current and next slide, speaker note, clock, slide list. */
#include "atlas-config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-presenter-window.h"

struct _AtlasPresenterWindow
{
  GtkWindow          parent_instance;

  AtlasPresentation *presentation;   /* weak: it owns this window */
  guint              clock_id;
  guint              n_rows;

  AtlasChartView    *current_chart;
  AtlasChartView    *next_chart;
  GtkLabel          *next_title;
  GtkLabel          *note_label;
  GtkLabel          *clock_label;
  GtkLabel          *counter_label;
  GtkListBox        *slide_list;
};

G_DEFINE_FINAL_TYPE (AtlasPresenterWindow, atlas_presenter_window, GTK_TYPE_WINDOW)

gboolean
atlas_presenter_pick_monitors (const GdkRectangle *monitors,
                               guint               n,
                               guint              *slides,
                               guint              *presenter)
{
  guint best = G_MAXUINT;
  double best_area = -1;

  g_return_val_if_fail (slides != NULL && presenter != NULL, FALSE);

  if (n < 2 || monitors == NULL)
    return FALSE;
  /* The presenter's on the first, as the system lists them: the laptop's
   * own screen, usually. Not the window's monitor: a window dragged onto
   * the projector to show the app would put the notes before the room. */
  *presenter = 0;
  /* The audience's screen is the largest other (a projector or a wall
   * screen, rarely smaller than the laptop); equals: the first of them. */
  for (guint i = 1; i < n; i++)
    {
      double area = (double) monitors[i].width * monitors[i].height;

      if (area > best_area)
        {
          best = i;
          best_area = area;
        }
    }
  *slides = best;
  return TRUE;
}

/* ---- following the presentation ---------------------------------------- */

static void
update_clock (AtlasPresenterWindow *self)
{
  g_autofree char *elapsed = NULL;

  if (self->presentation == NULL)
    return;
  elapsed = atlas_presentation_format_elapsed (atlas_presentation_get_elapsed (self->presentation));
  gtk_label_set_text (self->clock_label, elapsed);
}

static gboolean
clock_tick_cb (gpointer data)
{
  update_clock (ATLAS_PRESENTER_WINDOW (data));
  return G_SOURCE_CONTINUE;
}

/* One row per slide: its number and title. Dataset text, so plain text. */
static void
fill_slide_list (AtlasPresenterWindow *self)
{
  guint n = atlas_presentation_get_n_slides (self->presentation);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slide_list))) != NULL)
    gtk_list_box_remove (self->slide_list, child);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = atlas_presentation_dup_slide_title (self->presentation, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *number_label = gtk_label_new (number);
      GtkWidget *title_label = gtk_label_new (title);

      gtk_widget_add_css_class (number_label, "dim-label");
      gtk_widget_add_css_class (number_label, "numeric");
      gtk_label_set_width_chars (GTK_LABEL (number_label), 2);
      gtk_label_set_xalign (GTK_LABEL (number_label), 1);
      gtk_label_set_xalign (GTK_LABEL (title_label), 0);
      gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (title_label, TRUE);
      gtk_box_append (GTK_BOX (row), number_label);
      gtk_box_append (GTK_BOX (row), title_label);
      gtk_widget_set_margin_top (row, 6);
      gtk_widget_set_margin_bottom (row, 6);
      gtk_widget_set_margin_start (row, 6);
      gtk_widget_set_margin_end (row, 6);
      gtk_list_box_append (self->slide_list, row);
    }
  self->n_rows = n;
}

static void
show_position (AtlasPresenterWindow *self)
{
  guint n, position;
  const char *note;
  GtkListBoxRow *row;

  if (self->presentation == NULL)
    return;
  n = atlas_presentation_get_n_slides (self->presentation);
  if (n == 0)
    return;
  if (n != self->n_rows)
    fill_slide_list (self);
  position = atlas_presentation_get_position (self->presentation);

  /* The current slide as the audience sees it, with its opening selection. */
  atlas_chart_view_set_state (self->current_chart, atlas_presentation_get_slide_state (self->presentation, position));
  if (atlas_presentation_get_slide_selection (self->presentation, position) != NULL)
    atlas_chart_view_set_selection (self->current_chart,
                                    atlas_presentation_get_slide_selection (self->presentation, position));

  if (position + 1 < n)
    {
      g_autofree char *title = atlas_presentation_dup_slide_title (self->presentation, position + 1);

      atlas_chart_view_set_state (self->next_chart, atlas_presentation_get_slide_state (self->presentation, position + 1));
      gtk_widget_set_visible (GTK_WIDGET (self->next_chart), TRUE);
      /* The chart's own title names it; the label only says the end. */
      gtk_label_set_text (self->next_title, title);
      gtk_widget_set_visible (GTK_WIDGET (self->next_title), FALSE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->next_chart), FALSE);
      gtk_label_set_text (self->next_title, _("End of the briefing"));
      gtk_widget_set_visible (GTK_WIDGET (self->next_title), TRUE);
    }

  note = atlas_presentation_get_slide_note (self->presentation, position);
  gtk_label_set_text (self->note_label, note != NULL ? note : _("No speaker note."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_label), "dim-label");
  if (note == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->note_label), "dim-label");
  gtk_label_set_text (self->counter_label, atlas_presentation_get_counter (self->presentation));

  row = gtk_list_box_get_row_at_index (self->slide_list, (int) position);
  if (row != NULL && gtk_list_box_get_selected_row (self->slide_list) != row)
    gtk_list_box_select_row (self->slide_list, row);
}

static void
position_changed_cb (GObject              *presentation,
                     GParamSpec           *pspec,
                     AtlasPresenterWindow *self)
{
  show_position (self);
}

static void
row_activated_cb (GtkListBox           *list,
                  GtkListBoxRow        *row,
                  AtlasPresenterWindow *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->presentation != NULL && index >= 0 &&
      (guint) index < atlas_presentation_get_n_slides (self->presentation))
    atlas_presentation_set_position (self->presentation, (guint) index);
}

static void
reset_clicked_cb (GtkButton            *button,
                  AtlasPresenterWindow *self)
{
  if (self->presentation == NULL)
    return;
  atlas_presentation_reset_clock (self->presentation);
  update_clock (self);
}

/* ---- actions: the presentation's keys work here too ---------------------- */

static void
forward_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AtlasPresenterWindow *self = ATLAS_PRESENTER_WINDOW (widget);

  if (self->presentation != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->presentation), action_name, NULL);
}

/* ---- overrides ---------------------------------------------------------- */

static gboolean
atlas_presenter_window_close_request (GtkWindow *window)
{
  AtlasPresenterWindow *self = ATLAS_PRESENTER_WINDOW (window);

  /* Closing the presenter's window ends the presentation; the
   * presentation destroys this window as it goes. */
  if (self->presentation != NULL)
    {
      gtk_window_close (GTK_WINDOW (self->presentation));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (atlas_presenter_window_parent_class)->close_request (window);
}

static void
atlas_presenter_window_dispose (GObject *object)
{
  AtlasPresenterWindow *self = ATLAS_PRESENTER_WINDOW (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->presentation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->presentation, self);
      g_object_remove_weak_pointer (G_OBJECT (self->presentation), (gpointer *) &self->presentation);
      self->presentation = NULL;
    }
  G_OBJECT_CLASS (atlas_presenter_window_parent_class)->dispose (object);
}

static void
atlas_presenter_window_class_init (AtlasPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *const actions[] = {
    "presentation.next", "presentation.previous", "presentation.first",
    "presentation.last", "presentation.toggle-note", "presentation.leave",
  };

  object_class->dispose = atlas_presenter_window_dispose;
  window_class->close_request = atlas_presenter_window_close_request;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, forward_action_cb);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static AtlasChartView *
small_chart (void)
{
  AtlasChartView *chart = ATLAS_CHART_VIEW (atlas_chart_view_new ());

  /* A picture of the slide: the keys and the pointer belong to the
   * presentation. */
  gtk_widget_set_focusable (GTK_WIDGET (chart), FALSE);
  gtk_widget_set_can_target (GTK_WIDGET (chart), FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (chart), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (chart), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (chart), "atlas-presenter-slide");
  return chart;
}

static void
atlas_presenter_window_init (AtlasPresenterWindow *self)
{
  GtkWidget *root, *left, *right, *top, *reset, *scrolled, *list_scrolled, *spacer;

  gtk_widget_add_css_class (GTK_WIDGET (self), "atlas-presenter");
  gtk_window_set_title (GTK_WINDOW (self), _("Presenter View"));

  root = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_widget_set_margin_top (root, 18);
  gtk_widget_set_margin_bottom (root, 18);
  gtk_widget_set_margin_start (root, 18);
  gtk_widget_set_margin_end (root, 18);

  /* Left: the clock, the current slide, the note. */
  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_hexpand (left, TRUE);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->clock_label = GTK_LABEL (gtk_label_new ("00:00"));
  gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "atlas-presenter-clock");
  gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "numeric");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->clock_label));
  reset = gtk_button_new_with_mnemonic (_("_Reset Clock"));
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_set_focusable (reset, FALSE);
  g_signal_connect (reset, "clicked", G_CALLBACK (reset_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), reset);
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (top), spacer);
  self->counter_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "atlas-presenter-counter");
  gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "numeric");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->counter_label));
  gtk_box_append (GTK_BOX (left), top);

  self->current_chart = small_chart ();
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->current_chart));

  /* The note in type a presenter reads at a glance, scrolled if long. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->note_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->note_label, TRUE);
  gtk_label_set_wrap_mode (self->note_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->note_label, 0);
  gtk_label_set_yalign (self->note_label, 0);
  gtk_label_set_selectable (self->note_label, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_label), "atlas-presenter-note");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->note_label));
  gtk_box_append (GTK_BOX (left), scrolled);

  /* Right: the next slide, then every slide by title. */
  right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (right), heading (_("Next")));
  self->next_chart = small_chart ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->next_chart), FALSE);
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->next_chart));
  self->next_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->next_title, 0);
  gtk_label_set_wrap (self->next_title, TRUE);
  gtk_label_set_wrap_mode (self->next_title, PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->next_title));
  gtk_box_append (GTK_BOX (right), heading (_("Slides")));
  list_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (list_scrolled, TRUE);
  self->slide_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->slide_list, GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (self->slide_list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->slide_list), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->slide_list), "navigation-sidebar");
  g_signal_connect (self->slide_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scrolled), GTK_WIDGET (self->slide_list));
  gtk_box_append (GTK_BOX (right), list_scrolled);

  gtk_box_append (GTK_BOX (root), left);
  gtk_box_append (GTK_BOX (root), right);
  gtk_window_set_child (GTK_WINDOW (self), root);

  atlas_presentation_install_keys (GTK_WIDGET (self));
}

/* Sizes from the screen the presenter reads: the note large enough to
 * read at arm's length, the charts in proportion to the slide's. */
static void
apply_sizes (AtlasPresenterWindow *self, int width, int height)
{
  double note_size = CLAMP (height / 1080.0 * 30.0, 18.0, 48.0);
  double clock_size = note_size * 1.4;
  int side = (int) round (width * 0.3);
  PangoAttrList *attrs;

  gtk_widget_set_size_request (GTK_WIDGET (self->current_chart), -1, (int) round (height * 0.45));
  gtk_widget_set_size_request (gtk_widget_get_parent (GTK_WIDGET (self->next_title)), side, -1);
  gtk_widget_set_size_request (GTK_WIDGET (self->next_chart), side, (int) round (side * 9.0 / 16.0));

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) round (note_size * PANGO_SCALE)));
  gtk_label_set_attributes (self->note_label, attrs);
  pango_attr_list_unref (attrs);

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) round (clock_size * PANGO_SCALE)));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (self->clock_label, attrs);
  gtk_label_set_attributes (self->counter_label, attrs);
  pango_attr_list_unref (attrs);

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) round (note_size * 0.8 * PANGO_SCALE)));
  gtk_label_set_attributes (self->next_title, attrs);
  pango_attr_list_unref (attrs);
}

AtlasPresenterWindow *
atlas_presenter_window_new (AtlasPresentation *presentation,
                            GdkMonitor        *monitor)
{
  AtlasPresenterWindow *self;
  GdkRectangle geometry = { 0, 0, 1280, 800 };
  GtkWindow *parent;

  g_return_val_if_fail (ATLAS_IS_PRESENTATION (presentation), NULL);
  g_return_val_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor), NULL);

  self = g_object_new (ATLAS_TYPE_PRESENTER_WINDOW, NULL);
  self->presentation = presentation;
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &self->presentation);
  parent = gtk_window_get_transient_for (GTK_WINDOW (presentation));
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));

  if (monitor != NULL)
    gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
  apply_sizes (self, geometry.width, geometry.height);
  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);

  atlas_presenter_window_set_style (self, atlas_presentation_get_style (presentation));
  atlas_chart_view_set_dataset (self->current_chart, atlas_presentation_get_dataset (presentation));
  atlas_chart_view_set_dataset (self->next_chart, atlas_presentation_get_dataset (presentation));
  g_signal_connect (presentation, "notify::position", G_CALLBACK (position_changed_cb), self);
  show_position (self);
  update_clock (self);
  self->clock_id = g_timeout_add_seconds (1, clock_tick_cb, self);
  return self;
}

void
atlas_presenter_window_set_style (AtlasPresenterWindow *self,
                                  const AtlasStyle     *style)
{
  g_return_if_fail (ATLAS_IS_PRESENTER_WINDOW (self));
  g_return_if_fail (style != NULL);

  /* The slides as the audience sees them: the same colours and type. */
  atlas_chart_view_set_style (self->current_chart, style);
  atlas_chart_view_set_style (self->next_chart, style);
}

AtlasPresentation *
atlas_presenter_window_get_presentation (AtlasPresenterWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER_WINDOW (self), NULL);
  return self->presentation;
}

AtlasChartView *
atlas_presenter_window_get_current_chart (AtlasPresenterWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER_WINDOW (self), NULL);
  return self->current_chart;
}

AtlasChartView *
atlas_presenter_window_get_next_chart (AtlasPresenterWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER_WINDOW (self), NULL);
  return self->next_chart;
}

GtkLabel *
atlas_presenter_window_get_note_label (AtlasPresenterWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER_WINDOW (self), NULL);
  return self->note_label;
}

GtkLabel *
atlas_presenter_window_get_clock_label (AtlasPresenterWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER_WINDOW (self), NULL);
  return self->clock_label;
}

GtkListBox *
atlas_presenter_window_get_slide_list (AtlasPresenterWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTER_WINDOW (self), NULL);
  return self->slide_list;
}
