/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-dataset-summary.h: a short human summary of a dataset, for rare-earth-atlas --check. */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* Several lines of text (each ending in "\n"): title, date, counts of every
 * list, the date span of the prices and the stages of each chain.  Dataset
 * strings in it are escaped, so it is safe to print.  Free with g_free(). */
char *atlas_dataset_summarize (AtlasDataset *self);

G_END_DECLS
