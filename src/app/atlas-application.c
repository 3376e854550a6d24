/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-application.c: the AdwApplication: first window from the launch options, app actions, and the light/dark preference. */
#include "atlas-config.h"

#include <glib/gi18n.h>

#include "atlas-application.h"
#include "atlas-bundled-dataset.h"
#include "atlas-i18n.h"
#include "atlas-resources.h"
#include "atlas-window.h"

struct _AtlasApplication
{
  AdwApplication parent_instance;

  char          *launch_dataset;
  char          *launch_view;
  char          *launch_briefing;  /* --present --briefing=ID */
  gboolean       quit_after_first_frame;
  gboolean       present;

  GSettings     *settings;         /* NULL when the schema is not installed */
  int            exit_status;
};

G_DEFINE_FINAL_TYPE (AtlasApplication, atlas_application, ADW_TYPE_APPLICATION)

/* The style manager resolves the preference against the desktop's (through
 * the settings portal under Flatpak) and tells every window, which redraw
 * their charts when its "dark" changes. */
static void
apply_color_scheme (const char *style)
{
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (style, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (style, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

/* app.style is the "style" setting itself (g_settings_create_action): the
 * menu changes the setting, and any change of it (the menu, gsettings on
 * the command line) reaches the style manager here. */
static void
style_changed_cb (GSettings  *settings,
                  const char *key,
                  gpointer    data)
{
  g_autofree char *style = g_settings_get_string (settings, key);

  apply_color_scheme (style);
}


static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  GtkApplication *app = GTK_APPLICATION (data);
  const char *developers[] = { _("The Rare Earth Atlas contributors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Rare Earth Atlas"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("The global rare-earth supply chain, with a source for every number"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  GtkApplication *app = GTK_APPLICATION (data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing (rather than quitting outright) lets each window save its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static AtlasWindow *
create_window (AtlasApplication *self,
               const char       *path,
               const char       *view_name,
               gboolean          path_from_user)
{
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (self));
  g_autofree char *bundled = atlas_app_find_bundled_dataset ();
  gboolean loaded = FALSE;
  AtlasView view;

  if (view_name != NULL && atlas_view_from_string (view_name, &view))
    atlas_window_set_view (window, view);
  if (self->quit_after_first_frame)
    atlas_window_quit_after_first_frame (window);
  gtk_window_present (GTK_WINDOW (window));

  /* Loaded before the first frame, so the window never flashes empty. */
  if (path != NULL)
    loaded = atlas_window_load_path (window, path, NULL);
  if (!loaded && bundled != NULL && g_strcmp0 (path, bundled) != 0)
    {
      /* A broken or vanished last dataset must not leave an empty window.
       * A file named on the command line keeps its error on screen. */
      if (path != NULL && !path_from_user)
        atlas_window_clear_last_error (window);
      atlas_window_load_path (window, bundled, NULL);
    }
  return window;
}

static char *
remembered_dataset (AtlasApplication *self)
{
  g_autofree char *path = NULL;

  path = g_settings_get_string (self->settings, "last-dataset");
  if (path == NULL || *path == '\0' || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&path);
}

static void
atlas_application_startup (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(GAction) style = NULL;
  static const GActionEntry entries[] = {
    { "about", about_action_cb, NULL, NULL, NULL, { 0 } },
    { "quit", quit_action_cb, NULL, NULL, NULL, { 0 } },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  /* What GtkApplication sets when it finds gtk/help-overlay.ui. */
  static const char *help_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (atlas_application_parent_class)->startup (application);

  gtk_css_provider_load_from_resource (css, "/io/github/rareearthatlas/RareEarthAtlas/atlas.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);

  self->settings = atlas_app_create_settings ();
  style = g_settings_create_action (self->settings, "style");
  g_action_map_add_action (G_ACTION_MAP (self), style);
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (style_changed_cb), self, 0);
  style_changed_cb (self->settings, "style", self);
}

static void
atlas_application_activate (GApplication *application)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);
  g_autofree char *path = NULL;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  AtlasWindow *window;
  gboolean from_user;

  /* Activated again (a second launch): show what is there. */
  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  from_user = self->launch_dataset != NULL;
  path = from_user ? g_strdup (self->launch_dataset) : remembered_dataset (self);
  if (path == NULL)
    path = atlas_app_find_bundled_dataset ();
  window = create_window (self, path, self->launch_view, from_user);
  /* --present: straight into presentation mode, as F5 does (the window is
   * under it, and Escape leaves to it). Only the first window. */
  if (self->present)
    {
      self->present = FALSE;
      if (self->launch_briefing != NULL)
        atlas_window_present_briefing_id (window, self->launch_briefing);
      else
        gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
    }
}

static void
atlas_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  AtlasApplication *self = ATLAS_APPLICATION (application);

  /* Another launch named a dataset: a window of its own, so the analysis
   * open here is not replaced. */
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        create_window (self, path, NULL, TRUE);
    }
}

static void
atlas_application_dispose (GObject *object)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (atlas_application_parent_class)->dispose (object);
}

static void
atlas_application_finalize (GObject *object)
{
  AtlasApplication *self = ATLAS_APPLICATION (object);

  g_free (self->launch_dataset);
  g_free (self->launch_view);
  g_free (self->launch_briefing);
  G_OBJECT_CLASS (atlas_application_parent_class)->finalize (object);
}

static void
atlas_application_class_init (AtlasApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = atlas_application_dispose;
  object_class->finalize = atlas_application_finalize;
  app_class->startup = atlas_application_startup;
  app_class->activate = atlas_application_activate;
  app_class->open = atlas_application_open;
}

static void
atlas_application_init (AtlasApplication *self)
{
}

/* ---- public API --------------------------------------------------------- */

AtlasApplication *
atlas_application_new (const AtlasLaunchOptions *launch)
{
  AtlasApplication *self;
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  /* The templates must be known before any window is built. */
  atlas_app_ensure_resources ();

  /* A timing or smoke run must not hand its work to a running instance. */
  if (launch != NULL && launch->quit_after_first_frame)
    flags |= G_APPLICATION_NON_UNIQUE;

  self = g_object_new (ATLAS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags,
                       NULL);
  if (launch != NULL)
    {
      self->launch_dataset = g_strdup (launch->dataset_path);
      self->launch_view = g_strdup (launch->view);
      self->launch_briefing = g_strdup (launch->briefing);
      self->quit_after_first_frame = launch->quit_after_first_frame;
      self->present = launch->present;
    }
  return self;
}

void
atlas_application_set_exit_status (AtlasApplication *self,
                                   int               status)
{
  g_return_if_fail (ATLAS_IS_APPLICATION (self));
  self->exit_status = status;
}

void
atlas_app_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      atlas_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

GSettings *
atlas_app_create_settings (void)
{
  return g_settings_new (APP_ID);
}

/* Whether the settings schema is where GSettings looks: an installed app
 * has it, and `meson devenv`, build-aux/run and the tests point
 * GSETTINGS_SCHEMA_DIR at the build's. Without it g_settings_new() aborts. */
static gboolean
settings_schema_found (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL;
}

char *
atlas_app_find_bundled_dataset (void)
{
  /* The same file the command line uses ($ATLAS_DATASET, the source tree
   * from a build tree, else the installed copy). */
  g_autofree char *path = atlas_find_bundled_dataset ();

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&path);
}

char *
atlas_app_dup_font_family (void)
{
  g_autofree char *font_name = NULL;
  PangoFontDescription *font;
  char *family = NULL;
  GtkSettings *settings = gtk_settings_get_default ();

  if (settings != NULL)
    g_object_get (settings, "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      font = pango_font_description_from_string (font_name);
      if (pango_font_description_get_family (font) != NULL)
        family = g_strdup (pango_font_description_get_family (font));
      pango_font_description_free (font);
    }
  return family != NULL ? family : g_strdup ("Sans");
}

int
atlas_app_run (const AtlasLaunchOptions *launch,
               int                       argc,
               char                    **argv)
{
  g_autoptr(AtlasApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  char *args[2] = { argc > 0 && argv != NULL ? argv[0] : (char *) "rare-earth-atlas", NULL };
  int status;

  atlas_i18n_init ();

  if (!settings_schema_found ())
    {
      /* Translators: %s is the settings schema's id. */
      g_printerr (_("The settings schema %s is not installed: install the program, or run it from its build "
                    "with meson devenv or build-aux/run.\n"), APP_ID);
      return 4;
    }

  app = atlas_application_new (launch);

  /* A second launch hands its dataset to the running instance instead of
   * dropping it: the first instance opens it in a new window. */
  if (launch != NULL && !launch->quit_after_first_frame &&
      g_application_register (G_APPLICATION (app), NULL, &error) &&
      g_application_get_is_remote (G_APPLICATION (app)))
    {
      if (launch->dataset_path != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (launch->dataset_path);
          g_application_open (G_APPLICATION (app), &file, 1, "");
        }
      else
        g_application_activate (G_APPLICATION (app));
      return 0;
    }
  if (error != NULL)
    g_debug ("Cannot register the application: %s", error->message);

  /* The command line has been parsed already (see main.c): GApplication
   * gets the program name only, so it does not reject our options. */
  status = g_application_run (G_APPLICATION (app), 1, args);
  return status != 0 ? status : app->exit_status;
}
