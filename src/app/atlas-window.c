/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window.c: the main window: shows one dataset in five views with the details sidebar and the data table. */
#include "atlas-config.h"

#include <glib/gi18n.h>

#include "atlas-accessible.h"
#include "atlas-application.h"
#include "atlas-core-enums.h"
#include "atlas-window-private.h"

enum {
  PROP_0,
  PROP_VIEW,
  PROP_SHOW_SIDEBAR,
  PROP_SHOW_TABLE,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, GTK_TYPE_APPLICATION_WINDOW)

static AtlasViewState *
current_state (AtlasWindow *self)
{
  return self->states[self->view];
}

static void
update_sidebar (AtlasWindow *self)
{
  AtlasScene *scene = NULL;

  if (!self->show_sidebar)
    return;
  if (self->dataset != NULL)
    scene = atlas_chart_view_get_scene (self->chart_view);
  atlas_sidebar_update (self->sidebar, self->dataset,
                        atlas_view_state_get_options (current_state (self)),
                        scene, atlas_chart_view_get_selection (self->chart_view));
}

/* The table view is made when the table is first shown: most sessions
 * never open it, and the first frame need not build it. */
static void
ensure_table_view (AtlasWindow *self)
{
  if (self->table_view != NULL)
    return;
  self->table_view = ATLAS_TABLE_VIEW (atlas_table_view_new ());
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->table_view), "table");
  atlas_accessible_fix_names (GTK_WIDGET (self->table_view));
}

/* The table is built only while it is shown: a price table can be long. */
static void
refresh_table (AtlasWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AtlasTable *table = NULL;
  AtlasScene *scene;

  if (!self->show_table || self->dataset == NULL)
    {
      self->table_dirty = TRUE;
      return;
    }
  self->table_dirty = FALSE;
  table = atlas_chart_table (self->dataset, atlas_view_state_get_options (current_state (self)), &error);
  scene = atlas_chart_view_get_scene (self->chart_view);
  /* Translators: "Data: <chart title>" */
  title = g_strdup_printf (_("Data: %s"), scene != NULL && scene->title != NULL ? scene->title : atlas_view_label (self->view));
  ensure_table_view (self);
  atlas_table_view_set_table (self->table_view, table, title, error);
}

static void
update_content_page (AtlasWindow *self)
{
  const char *page = self->dataset == NULL ? "empty" : self->show_table ? "table" : "chart";
  gboolean first_chart = g_str_equal (page, "chart") &&
                         g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0;

  if (g_str_equal (page, "table"))
    ensure_table_view (self);
  gtk_stack_set_visible_child_name (self->content_stack, page);
  /* Keyboard users land in the chart (atlas_window_init()): while there
   * was none, the focus went to the first control that could take it. */
  if (first_chart)
    gtk_widget_grab_focus (GTK_WIDGET (self->chart_view));
}

void
atlas_window_update_actions (AtlasWindow *self)
{
  gboolean has_dataset = self->dataset != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload",
                                 has_dataset && atlas_dataset_get_path (self->dataset) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-briefing", has_dataset);
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_controls), has_dataset);
  gtk_widget_set_sensitive (self->view_switcher, has_dataset);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bottom_switcher), has_dataset);
}

static void
notice_dismissed_cb (AdwToast    *toast,
                     AtlasWindow *self)
{
  if (toast != self->notice)
    return;
  g_clear_object (&self->notice);
  g_clear_pointer (&self->notice_text, g_free);
}

/* libadwaita 1.2 parses a toast's title as Pango markup: a file's name
 * is escaped to stay text. */
static AdwToast *
toast_new_for_text (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void
atlas_window_show_notice (AtlasWindow *self, const char *text)
{
  AdwToast *toast = toast_new_for_text (text);

  atlas_window_hide_notice (self);
  /* It stays while what it says holds (the file is still gone). */
  adw_toast_set_timeout (toast, 0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (notice_dismissed_cb), self);
  self->notice = g_object_ref (toast);
  self->notice_text = g_strdup (text);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
atlas_window_hide_notice (AtlasWindow *self)
{
  g_autoptr(AdwToast) notice = g_steal_pointer (&self->notice);

  g_clear_pointer (&self->notice_text, g_free);
  if (notice != NULL)
    {
      g_signal_handlers_disconnect_by_data (notice, self);
      adw_toast_dismiss (notice);
    }
}

/* One passing toast at a time: a file saved three times in a row says
 * "Dataset reloaded" once, and a new message replaces the one still up. */
static void
add_passing_toast (AtlasWindow *self, const char *text, AdwToast *toast)
{
  if (self->toast != NULL)
    {
      if (g_strcmp0 (self->last_toast, text) == 0 && adw_toast_get_action_name (toast) == NULL)
        {
          g_object_unref (toast);
          return;
        }
      adw_toast_dismiss (self->toast);
    }
  g_free (self->last_toast);
  self->last_toast = g_strdup (text);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
atlas_window_add_toast (AtlasWindow *self, const char *text)
{
  add_passing_toast (self, text, toast_new_for_text (text));
}

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_error_full (AtlasWindow *self, const char *primary, const char *secondary, char **details)
{
  GtkWidget *dialog;

  g_free (self->last_error);
  self->last_error = secondary != NULL ? g_strdup_printf ("%s: %s", primary, secondary) : g_strdup (primary);
  g_debug ("%s", self->last_error);

  if (!self->error_dialogs)
    return;
  /* One error at a time: a file saved broken twice replaces the first
   * message instead of stacking dialogs. */
  if (self->error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->error_dialog));

  /* Messages quote dataset text: heading and body are plain text (their
   * markup properties stay off), never markup. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), primary, secondary);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  if (details != NULL && details[0] != NULL && details[1] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", details);
      g_autofree char *title = g_strdup_printf (ngettext ("All %u problem", "All %u problems",
                                                          g_strv_length (details)),
                                                g_strv_length (details));
      GtkWidget *expander = gtk_expander_new (title);
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_expander_set_child (GTK_EXPANDER (expander), scroller);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), expander);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), NULL);
  self->error_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->error_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
atlas_window_report_load_error (AtlasWindow *self, const GError *error, char **messages)
{
  g_autofree char *secondary = NULL;

  /* At start-up nothing was open yet (the bundled dataset may follow):
   * then the message is the problem alone. */
  if (self->dataset != NULL)
    secondary = g_strdup_printf ("%s\n\n%s", error->message, _("The dataset that was open stays open."));
  else
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      secondary = g_strdup (error->message);
      /* Nothing to show: the window says why, not only the dialog. The
       * page's description is Pango markup in libadwaita 1.2. */
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->empty_page, _("The dataset could not be loaded"));
      adw_status_page_set_description (self->empty_page, escaped);
    }
  show_error_full (self, _("The dataset could not be loaded"), secondary, messages);
}

static void
reset_empty_page (AtlasWindow *self)
{
  adw_status_page_set_icon_name (self->empty_page, "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (self->empty_page, self->empty_title);
  adw_status_page_set_description (self->empty_page, self->empty_description);
}

static char *
dup_font_family (void)
{
  return atlas_app_dup_font_family ();
}

/* Dark when the style manager says so (the app's Style menu against the
 * desktop's preference), or when GTK_THEME names a dark theme: libadwaita
 * 1.2 leaves GTK_THEME to GTK, which then draws every widget dark. */
static gboolean
want_dark (void)
{
  const char *theme = g_getenv ("GTK_THEME");

  if (theme != NULL && g_str_has_suffix (theme, ":dark"))
    return TRUE;
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
apply_style (AtlasWindow *self, gboolean dark)
{
  g_autofree char *family = dup_font_family ();

  atlas_style_free (self->style);
  self->style = atlas_style_new (dark);
  atlas_style_set_font_family (self->style, family);
  atlas_chart_view_set_style (self->chart_view, self->style);
  /* A running presentation switches to light or dark with the window. */
  if (self->presentation != NULL)
    atlas_presentation_set_style (ATLAS_PRESENTATION (self->presentation), self->style);
}

/* ---- callbacks ---------------------------------------------------------- */

static void
selection_changed_cb (AtlasChartView *chart_view,
                      AtlasWindow    *self)
{
  update_sidebar (self);
}

static void
scene_changed_cb (AtlasChartView *chart_view,
                  AtlasWindow    *self)
{
  update_sidebar (self);
  /* Once for a batch of state changes, with the new scene's title. */
  if (self->table_dirty)
    refresh_table (self);
}

static void
item_activated_cb (AtlasChartView *chart_view,
                   AtlasWindow    *self)
{
  /* Enter opens the details; the focus stays in the chart so the arrows
   * keep moving through the items. */
  atlas_window_set_show_sidebar (self, TRUE);
}

/* The table shows what the current view's state chooses: it is made
 * again when the chart has laid out the change (scene_changed_cb). */
static void
state_notify_cb (AtlasViewState *state,
                 GParamSpec     *pspec,
                 AtlasWindow    *self)
{
  self->table_dirty = TRUE;
}

static void
dark_changed_cb (AdwStyleManager *style_manager,
                 GParamSpec      *pspec,
                 AtlasWindow     *self)
{
  if (self->style->dark != want_dark ())
    apply_style (self, want_dark ());
}

/* Too narrow for the views' names in the header bar: the title there, and
 * the switcher at the bottom. */
static void
squeezed_cb (AdwSqueezer *squeezer,
             GParamSpec  *pspec,
             AtlasWindow *self)
{
  gtk_revealer_set_reveal_child (self->bottom_switcher,
                                 adw_squeezer_get_visible_child (squeezer) == GTK_WIDGET (self->window_title));
}

/* Folding closes the flap on its own (it is not locked): the details were
 * hidden by the width, not by the user, so the setting keeps its value. */
static void
reveal_flap_changed_cb (AdwFlap     *flap,
                        GParamSpec  *pspec,
                        AtlasWindow *self)
{
  gboolean show = adw_flap_get_reveal_flap (flap);

  if (self->show_sidebar == show)
    return;
  self->show_sidebar = show;
  if (self->settings != NULL && !adw_flap_get_folded (flap))
    g_settings_set_boolean (self->settings, "show-sidebar", show);
  update_sidebar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
font_name_changed_cb (GtkSettings *settings,
                      GParamSpec  *pspec,
                      AtlasWindow *self)
{
  apply_style (self, self->style->dark);
}

static void
after_paint_cb (GdkFrameClock *clock,
                AtlasWindow   *self)
{
  gboolean done;

  /* The frame must show what a normal start shows: the chart (or the
   * reason there is none), or the empty window when nothing could load. */
  done = !self->loading &&
         (self->dataset == NULL || self->show_table || atlas_chart_view_has_drawn (self->chart_view));
  if (!done)
    return;
  g_clear_signal_handler (&self->after_paint_id, clock);
  g_clear_object (&self->frame_clock);
  if (self->last_error != NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      g_printerr ("%s\n", self->last_error);
      if (ATLAS_IS_APPLICATION (app))
        atlas_application_set_exit_status (ATLAS_APPLICATION (app), 1);
    }
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
connect_after_paint (AtlasWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || self->after_paint_id != 0)
    return;
  self->frame_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The main menu's popover (a dozen items, each a widget) is built when the
 * menu first opens, by click, Space or F10, not with the window. */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  AtlasWindow *self = ATLAS_WINDOW (user_data);

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  gtk_menu_button_set_menu_model (button, self->primary_menu);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (button)),
                              atlas_window_create_text_size_row (self), "chart-text");
  atlas_accessible_fix_names (GTK_WIDGET (gtk_menu_button_get_popover (button)));
}

static void
realize_for_quit_cb (GtkWidget   *widget,
                     AtlasWindow *self)
{
  g_signal_handlers_disconnect_by_func (widget, realize_for_quit_cb, self);
  connect_after_paint (self);
}

/* ---- overrides ---------------------------------------------------------- */

/* Below this width the details fold over the chart instead of taking
 * 340 px beside it: a half-screen window (960 px) gives the chart its
 * width. libadwaita 1.2 has no breakpoints, so the window decides from its
 * own allocation; the flap then measures as folded, and the window can
 * shrink further. */
#define ATLAS_WINDOW_FOLD_WIDTH 1100

static void
atlas_window_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);

  adw_flap_set_fold_policy (self->flap, width < ATLAS_WINDOW_FOLD_WIDTH ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                                                        : ADW_FLAP_FOLD_POLICY_NEVER);
  GTK_WIDGET_CLASS (atlas_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  atlas_window_unwatch_file (self);
  if (self->notice != NULL)
    g_signal_handlers_disconnect_by_data (self->notice, self);
  g_clear_object (&self->notice);
  g_clear_weak_pointer (&self->toast);
  atlas_window_dispose_presentation (self);
  atlas_window_dispose_briefing (self);
  /* Destroying the window before its first frame was painted (quit after
   * the first frame) unrealizes it first, and the frame clock is disposed
   * with its surface, taking our handler with it: only a handler still
   * there can be disconnected. */
  if (self->frame_clock != NULL && self->after_paint_id != 0 &&
      g_signal_handler_is_connected (self->frame_clock, self->after_paint_id))
    g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->frame_clock);
  if (self->open_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->open_chooser, self);
      g_clear_object (&self->open_chooser);
    }
  if (self->csv_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->csv_chooser, self);
      g_clear_object (&self->csv_chooser);
    }
  g_signal_handlers_disconnect_by_data (gtk_widget_get_settings (GTK_WIDGET (self)), self);
  g_clear_object (&self->state_signals);
  for (guint i = 0; i < ATLAS_VIEW_N_VIEWS; i++)
    g_clear_object (&self->states[i]);
  g_clear_object (&self->dataset);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_finalize (GObject *object)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  g_clear_pointer (&self->style, atlas_style_free);
  g_free (self->last_error);
  g_free (self->notice_text);
  g_free (self->last_toast);
  g_free (self->empty_title);
  g_free (self->empty_description);
  G_OBJECT_CLASS (atlas_window_parent_class)->finalize (object);
}

static void
atlas_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_enum (value, self->view);
      break;
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AtlasWindow *self = ATLAS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      atlas_window_set_view (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_SIDEBAR:
      atlas_window_set_show_sidebar (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_TABLE:
      atlas_window_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  atlas_app_ensure_resources ();
  /* The template's Adw widgets and styles: AdwApplication does this at
   * start-up, but a window built without it (the widget tests) needs it
   * too. Idempotent. */
  adw_init ();
  g_type_ensure (ATLAS_TYPE_CHART_VIEW);
  g_type_ensure (ATLAS_TYPE_SIDEBAR);
  g_type_ensure (ATLAS_TYPE_VIEW_CONTROLS);

  object_class->dispose = atlas_window_dispose;
  object_class->finalize = atlas_window_finalize;
  object_class->get_property = atlas_window_get_property;
  object_class->set_property = atlas_window_set_property;
  widget_class->size_allocate = atlas_window_size_allocate;

  /* An enumeration (its nicks are the views' names): win.view and the
   * "last-view" setting both speak it. */
  properties[PROP_VIEW] =
    g_param_spec_enum ("view", NULL, NULL, ATLAS_TYPE_VIEW, ATLAS_VIEW_FLOWS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, ATLAS_TYPE_DATASET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rareearthatlas/RareEarthAtlas/ui/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, view_controls);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, bottom_switcher);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, sidebar);

  atlas_window_class_install_actions (widget_class);
  atlas_window_class_install_text_size_actions (widget_class);
  atlas_window_class_install_briefing_actions (widget_class);
}

static void
atlas_window_init (AtlasWindow *self)
{
  const GSettingsBindFlags settings_flags = G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES;
  GtkSettings *gtk_settings;

  self->view = ATLAS_VIEW_FLOWS;
  self->show_sidebar = TRUE;
  self->error_dialogs = TRUE;
  self->style = atlas_style_new (FALSE);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* A development build's header bar is striped (Adwaita's "devel" style),
   * so it is not mistaken for the installed app. */
  if (DEVELOPMENT_PROFILE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  self->empty_title = g_strdup (adw_status_page_get_title (self->empty_page));
  self->empty_description = g_strdup (adw_status_page_get_description (self->empty_page));
  /* Screen readers: GTK 4.8 misnames mnemonic buttons and drop-downs. */
  atlas_accessible_fix_names (GTK_WIDGET (self));

  for (guint i = 0; i < ATLAS_VIEW_N_VIEWS; i++)
    self->states[i] = atlas_view_state_new ((AtlasView) i);
  /* The chart view shows the current view's state; the controls and the
   * table follow it there. */
  self->state_signals = g_signal_group_new (ATLAS_TYPE_VIEW_STATE);
  g_signal_group_connect (self->state_signals, "notify", G_CALLBACK (state_notify_cb), self);
  g_object_bind_property (self->chart_view, "state", self->state_signals, "target", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->chart_view, "state", self->view_controls, "state", G_BINDING_SYNC_CREATE);
  atlas_chart_view_set_state (self->chart_view, self->states[self->view]);

  g_signal_connect (self->chart_view, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (self->chart_view, "scene-changed", G_CALLBACK (scene_changed_cb), self);
  g_signal_connect (self->chart_view, "item-activated", G_CALLBACK (item_activated_cb), self);
  g_signal_connect (self->flap, "notify::reveal-flap", G_CALLBACK (reveal_flap_changed_cb), self);
  g_signal_connect (self->title_squeezer, "notify::visible-child", G_CALLBACK (squeezed_cb), self);
  g_object_bind_property (self, "title", self->window_title, "title", G_BINDING_SYNC_CREATE);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu_cb, self, NULL);

  gtk_settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_signal_connect (gtk_settings, "notify::gtk-font-name", G_CALLBACK (font_name_changed_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
  apply_style (self, want_dark ());

  atlas_window_init_dnd (self);
  atlas_window_init_briefing (self);

  /* Remembered between runs: read once (another window's changes do not
   * move this one), and written as they change. GTK keeps the default size
   * at the last size the window had neither maximized nor full screen. */
  self->settings = atlas_app_create_settings ();
  g_settings_bind (self->settings, "window-width", self, "default-width", settings_flags);
  g_settings_bind (self->settings, "window-height", self, "default-height", settings_flags);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", settings_flags);
  g_settings_bind (self->settings, "last-view", self, "view", settings_flags);
  /* The chart's text is never smaller than the window's own, and as large
   * as the reader last made it. */
  atlas_chart_view_set_desktop_text_floor (self->chart_view, TRUE);
  g_settings_bind (self->settings, "chart-text-scale", self->chart_view, "text-scale", settings_flags);
  /* Read only: folding hides the details without the user asking, which
   * must not be remembered (see reveal_flap_changed_cb). */
  atlas_window_set_show_sidebar (self, g_settings_get_boolean (self->settings, "show-sidebar"));
  atlas_window_init_present_settings (self);
  atlas_window_init_text_size (self);

  /* Keyboard users land in the chart: the arrows move through its items. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->chart_view));

  update_content_page (self);
  atlas_window_update_actions (self);
  update_sidebar (self);
}

/* ---- public API --------------------------------------------------------- */

AtlasWindow *
atlas_window_new (GtkApplication *application)
{
  return g_object_new (ATLAS_TYPE_WINDOW, "application", application, NULL);
}

AtlasDataset *
atlas_window_get_dataset (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->dataset;
}

void
atlas_window_set_dataset (AtlasWindow  *self,
                          AtlasDataset *dataset)
{
  const char *path;
  g_autofree char *bundled = NULL;

  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (dataset == NULL || ATLAS_IS_DATASET (dataset));

  g_set_object (&self->dataset, dataset);
  self->generation++;
  reset_empty_page (self);

  /* Choices the new data no longer has (a renamed series, a removed
   * diagram) fall back to the view's defaults. */
  if (dataset != NULL)
    for (guint i = 0; i < ATLAS_VIEW_N_VIEWS; i++)
      atlas_view_state_sanitize (self->states[i], dataset);

  atlas_view_controls_set_dataset (self->view_controls, dataset);
  atlas_chart_view_set_dataset (self->chart_view, dataset);

  path = dataset != NULL ? atlas_dataset_get_path (dataset) : NULL;
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      atlas_window_watch_file (self, file);
    }
  else
    atlas_window_unwatch_file (self);

  if (dataset != NULL)
    gtk_window_set_title (GTK_WINDOW (self), atlas_text_get (atlas_dataset_get_title (dataset), NULL));
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Rare Earth Atlas"));

  /* The bundled dataset is the default anyway: remember only the user's. */
  if (path != NULL)
    {
      bundled = atlas_app_find_bundled_dataset ();
      g_settings_set_string (self->settings, "last-dataset",
                             bundled != NULL && g_str_equal (bundled, path) ? "" : path);
    }

  update_content_page (self);
  atlas_window_update_actions (self);
  refresh_table (self);
  update_sidebar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

gboolean
atlas_window_load_path (AtlasWindow  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) messages = NULL;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dataset = atlas_dataset_load_file (path, 0, &messages, &local_error);
  if (dataset == NULL)
    {
      atlas_window_report_load_error (self, local_error, messages);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  atlas_window_hide_notice (self);
  atlas_window_set_dataset (self, dataset);
  return TRUE;
}

void
atlas_window_open_file (AtlasWindow *self,
                        GFile       *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Unsaved briefings are asked about first; the answer opens it again. */
  if (!atlas_window_briefings_may_close (self, file))
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      atlas_window_show_error (self, _("The dataset could not be loaded"), uri);
      return;
    }
  atlas_window_load_async (self, path, FALSE);
}

gboolean
atlas_window_is_loading (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return self->loading;
}

guint
atlas_window_get_generation (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), 0);
  return self->generation;
}

AtlasView
atlas_window_get_view (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), ATLAS_VIEW_FLOWS);
  return self->view;
}

void
atlas_window_set_view (AtlasWindow *self,
                       AtlasView    view)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (view < ATLAS_VIEW_N_VIEWS);

  if (self->view == view)
    return;
  self->view = view;
  atlas_chart_view_set_state (self->chart_view, self->states[view]);
  refresh_table (self);
  update_sidebar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

AtlasViewState *
atlas_window_get_view_state (AtlasWindow *self,
                             AtlasView    view)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (view < ATLAS_VIEW_N_VIEWS, NULL);
  return self->states[view];
}

AtlasChartView *
atlas_window_get_chart_view (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->chart_view;
}

AtlasScene *
atlas_window_get_scene (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return atlas_chart_view_get_scene (self->chart_view);
}

const AtlasItem *
atlas_window_get_selection (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return atlas_chart_view_get_selection (self->chart_view);
}

void
atlas_window_set_selection (AtlasWindow     *self,
                            const AtlasItem *item)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  atlas_chart_view_set_selection (self->chart_view, item);
}

gboolean
atlas_window_select_id (AtlasWindow *self,
                        const char  *id)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), FALSE);
  return atlas_chart_view_select_id (self->chart_view, id);
}

AtlasSidebar *
atlas_window_get_sidebar (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->sidebar;
}

const AtlasStyle *
atlas_window_get_style (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->style;
}

void
atlas_window_set_show_sidebar (AtlasWindow *self,
                               gboolean     show)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  show = !!show;
  if (self->show_sidebar == show)
    return;
  /* Over the chart when folded; reveal_flap_changed_cb does the rest. */
  adw_flap_set_reveal_flap (self->flap, show);
}

void
atlas_window_set_show_table (AtlasWindow *self,
                             gboolean     show)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  show = !!show;
  if (self->show_table == show)
    return;
  self->show_table = show;
  if (show)
    refresh_table (self);
  update_content_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

void
atlas_window_show_error (AtlasWindow *self,
                         const char  *primary,
                         const char  *secondary)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (primary != NULL);
  show_error_full (self, primary, secondary, NULL);
}

const char *
atlas_window_get_notice (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->notice_text;
}

void
atlas_window_show_exported (AtlasWindow *self,
                            const char  *path)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  name = g_path_get_basename (path);
  text = g_strdup_printf (_("Exported to “%s”"), name);
  uri = g_filename_to_uri (path, NULL, NULL);
  toast = toast_new_for_text (text);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  add_passing_toast (self, text, toast);
}

const char *
atlas_window_get_last_toast (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->last_toast;
}

const char *
atlas_window_get_last_error (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);
  return self->last_error;
}

void
atlas_window_clear_last_error (AtlasWindow *self)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  g_clear_pointer (&self->last_error, g_free);
}

void
atlas_window_set_error_dialogs (AtlasWindow *self,
                                gboolean     enabled)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));
  self->error_dialogs = !!enabled;
}

void
atlas_window_quit_after_first_frame (AtlasWindow *self)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    connect_after_paint (self);
  else
    g_signal_connect_after (self, "realize", G_CALLBACK (realize_for_quit_cb), self);
}
