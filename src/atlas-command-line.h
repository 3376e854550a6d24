/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-command-line.h: the rare-earth-atlas command line: export, check, version, or open the window. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The program's exit statuses; scripts rely on them. */
typedef enum {
  ATLAS_EXIT_OK      = 0,   /* done */
  ATLAS_EXIT_DATASET = 1,   /* the dataset is invalid or unreadable */
  ATLAS_EXIT_USAGE   = 2,   /* a bad command line (option, value, unknown id) */
  ATLAS_EXIT_WRITE   = 3,   /* the output could not be written */
  ATLAS_EXIT_WINDOW  = 4,   /* the window module could not be loaded */
} AtlasExitStatus;

/* Parses @argv with GOptionContext before anything touches GTK, so that
 * exporting and checking work without a display; only opening the window
 * loads the window module and calls its atlas_app_run().  Returns the process exit status. */
int atlas_command_line_run (int argc, char **argv);

G_END_DECLS
