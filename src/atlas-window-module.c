/* atlas-window-module.c: finds and loads the window module, so that only opening a window loads GTK. */
#include "atlas-config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "atlas-bundled-dataset.h"
#include "atlas-command-line.h"
#include "atlas-window-module.h"

#define ATLAS_WINDOW_MODULE_NAME "atlas-window.so"

typedef int (*AtlasAppRunFunc) (const AtlasLaunchOptions *launch, int argc, char **argv);

/* ATLAS_WINDOW_MODULE names the module outright (tests, relocated
 * installs). Otherwise a program run from its build tree must open the
 * module built beside it, not an older installed one. */
static char *
find_window_module (void)
{
  const char *from_environment = g_getenv ("ATLAS_WINDOW_MODULE");

  if (from_environment != NULL && *from_environment != '\0')
    return g_strdup (from_environment);
  if (atlas_running_from_build_tree ())
    return g_build_filename (ATLAS_WINDOW_MODULE_BUILD_DIR, ATLAS_WINDOW_MODULE_NAME, NULL);
  return g_build_filename (ATLAS_WINDOW_MODULE_DIR, ATLAS_WINDOW_MODULE_NAME, NULL);
}

int
atlas_window_module_run (const AtlasLaunchOptions *launch, int argc, char **argv)
{
  g_autofree char *path = find_window_module ();
  GModule *module;
  AtlasAppRunFunc app_run = NULL;

  /* Kept loaded for the life of the process: GTK and the types the module
   * registers cannot be unloaded. */
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, "atlas_app_run", (gpointer *) &app_run) ||
      app_run == NULL)
    {
      /* g_module_error() names the file and says what failed (missing,
       * unreadable, a library it needs). It is data, never a format. */
      g_printerr (_("%s: cannot open the window: %s\n"), g_get_prgname (), g_module_error ());
      g_printerr (_("Exporting and checking work without it; reinstall %s to open the window.\n"),
                  g_get_prgname ());
      return ATLAS_EXIT_WINDOW;
    }
  g_module_make_resident (module);
  return app_run (launch, argc, argv);
}
