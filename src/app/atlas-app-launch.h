/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-app-launch.h: what the command line hands to the window when it is not exporting. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *dataset_path;          /* NULL: the last or the bundled dataset */
  const char *view;                  /* "flows", "prices", ... or NULL */
  gboolean    quit_after_first_frame;
  gboolean    present;               /* start in presentation mode */
  const char *briefing;              /* with present: this briefing's id, or NULL */
} AtlasLaunchOptions;

/* Runs the GTK application; returns the process exit status. */
int atlas_app_run (const AtlasLaunchOptions *launch, int argc, char **argv);

G_END_DECLS
