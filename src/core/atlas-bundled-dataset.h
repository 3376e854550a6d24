/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-bundled-dataset.h: where the dataset that ships with the program is. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bundled dataset's path: $ATLAS_DATASET when set (the build tree's
 * devenv points it at the source tree's data/rare-earths.json, tests at a
 * fixture), else the installed copy under the package data folder. Never
 * NULL; the file may be missing, which loading the dataset reports with
 * the path. */
char *atlas_find_bundled_dataset (void);

G_END_DECLS
