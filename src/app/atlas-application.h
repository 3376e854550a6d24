/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-application.h: the AdwApplication: windows, app actions, the light/dark style and where the bundled dataset lives. */
#pragma once

#include <adwaita.h>

#include "atlas-app-launch.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_APPLICATION (atlas_application_get_type ())
G_DECLARE_FINAL_TYPE (AtlasApplication, atlas_application, ATLAS, APPLICATION, AdwApplication)

/* @launch (copied; NULL for defaults) says what the first window shows. */
AtlasApplication *atlas_application_new       (const AtlasLaunchOptions *launch);
/* The exit status atlas_app_run() returns (1 after a failed start with
 * --quit-after-first-frame). */
void              atlas_application_set_exit_status (AtlasApplication *self,
                                                     int               status);

/* Registers the window templates, menus and CSS (once). */
void              atlas_app_ensure_resources  (void);
/* The app's settings (the schema must be installed, or GSETTINGS_SCHEMA_DIR
 * point at the build's: atlas_app_run() checks). */
GSettings        *atlas_app_create_settings   (void);
/* The bundled dataset's path (installed, else in the source tree), or NULL. */
char             *atlas_app_find_bundled_dataset (void);
/* The chart font: the family of the desktop's interface font. */
char             *atlas_app_dup_font_family   (void);

G_END_DECLS
