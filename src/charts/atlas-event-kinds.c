/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-event-kinds.c: the names of the kinds of events, as every chart, the sidebar and the controls write them. */
#include <glib/gi18n-lib.h>

#include "atlas-event-kinds.h"

static const char * const labels[ATLAS_EVENT_N_KINDS] = {
  N_("Policy"), N_("Market"), N_("Project"), N_("Conflict"), N_("Other"),
};
static const char * const words[ATLAS_EVENT_N_KINDS] = {
  N_("policy"), N_("market"), N_("project"), N_("conflict"), N_("other"),
};

const char *
atlas_event_kind_label (AtlasEventKind kind)
{
  return _(labels[(guint) kind < ATLAS_EVENT_N_KINDS ? kind : ATLAS_EVENT_OTHER]);
}

const char *
atlas_event_kind_word (AtlasEventKind kind)
{
  return _(words[(guint) kind < ATLAS_EVENT_N_KINDS ? kind : ATLAS_EVENT_OTHER]);
}
