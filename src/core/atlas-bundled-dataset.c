/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-bundled-dataset.c: where the dataset that ships with the program is: installed, or where the environment says. */
#include "atlas-config.h"

#include "atlas-bundled-dataset.h"
#include "atlas-data-path.h"

char *
atlas_find_bundled_dataset (void)
{
  return atlas_data_path ("ATLAS_DATASET", PKGDATADIR G_DIR_SEPARATOR_S "rare-earths.json");
}
