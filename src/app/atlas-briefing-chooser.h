/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefing-chooser.h: a small dialog that asks which of a dataset's briefings to present. */
#pragma once

#include <gtk/gtk.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_BRIEFING_CHOOSER (atlas_briefing_chooser_get_type ())
G_DECLARE_FINAL_TYPE (AtlasBriefingChooser, atlas_briefing_chooser, ATLAS, BRIEFING_CHOOSER, GtkWindow)

/* Lists @briefings (AtlasBriefing*; titles in @lang, NULL: the user's)
 * and a last choice of one slide per view.  Choosing emits
 * "chosen" (const char *briefing_id, NULL for one slide per view) and
 * closes the dialog; Cancel and Escape close it without a word. */
AtlasBriefingChooser *atlas_briefing_chooser_new (GtkWindow  *parent,
                                                  GPtrArray  *briefings,
                                                  const char *lang);

G_END_DECLS
