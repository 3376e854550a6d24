/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefing-json.h: briefings written back as the JSON the loader reads. */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* The JSON array of @briefings (AtlasBriefing*), in the layout of the
 * bundled dataset: one member a line down to slides and annotations; texts,
 * id lists and an annotation's "at" on one line; members in a fixed order.
 * The array starts where it is put (after "briefings": ); its lines are
 * indented by @indent (the indentation of the "briefings" member) plus
 * @unit per level, and end with @newline. Loading the result gives the
 * same briefings: every member a slide, annotation or text has is written,
 * and nothing the loader would not read. */
char *atlas_briefings_to_json (GPtrArray  *briefings,
                               const char *indent,
                               const char *unit,
                               const char *newline);

G_END_DECLS
