/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-window-module.h: opens the window through the module that holds GTK, loaded only when needed. */
#pragma once

#include "atlas-app-launch.h"

G_BEGIN_DECLS

/* Loads the window module (from the build tree when the program runs from
 * there, else from the installed module folder) and runs the application.
 * Returns the process exit status; when the module cannot be loaded, says
 * so on stderr and returns ATLAS_EXIT_WINDOW. */
int atlas_window_module_run (const AtlasLaunchOptions *launch, int argc, char **argv);

G_END_DECLS
