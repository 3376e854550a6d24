/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window-module.c: finds and loads the window module, so that only opening a window loads GTK. */
#include "atlas-config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "atlas-data-path.h"
#include "atlas-command-line.h"
#include "atlas-window-module.h"

#define ATLAS_WINDOW_MODULE_NAME "atlas-window.so"

typedef int (*AtlasAppRunFunc) (const AtlasLaunchOptions *launch, int argc, char **argv);

/* $ATLAS_WINDOW_MODULE in the build tree (its devenv: the module built
 * beside the program, not an older installed one) and tests, else the
 * installed module. */
static char *
find_window_module (void)
{
  return atlas_data_path ("ATLAS_WINDOW_MODULE", ATLAS_WINDOW_MODULE_DIR G_DIR_SEPARATOR_S ATLAS_WINDOW_MODULE_NAME);
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
