/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-event-kinds.h: the names of the kinds of events, as every chart, the sidebar and the controls write them. */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

/* "Policy", "Market"…, translated: a lane's name, a filter's label. */
const char *atlas_event_kind_label (AtlasEventKind kind);
/* "policy", "market"…, translated: the kind as a word in a sentence. */
const char *atlas_event_kind_word  (AtlasEventKind kind);

G_END_DECLS
