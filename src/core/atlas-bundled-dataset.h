/* atlas-bundled-dataset.h: where the dataset that ships with the program is. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bundled dataset's path: $ATLAS_DATASET when set (tests point it at a
 * fixture), else the source tree's data/rare-earths.json when this program
 * runs from its build tree (so a developer sees their edits), else the
 * installed copy under the package data folder.  Never NULL; the file may
 * be missing, which loading the dataset reports with the path. */
char *atlas_find_bundled_dataset (void);

/* TRUE when this program is the one in its build tree (not an installed
 * copy): it then reads the source tree's dataset and the build tree's
 * translations. */
gboolean atlas_running_from_build_tree (void);

G_END_DECLS
