/* app-test-loop.h: running the main loop in widget tests until something holds. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; FALSE after @timeout_ms. */
gboolean wait_until (Condition condition, gpointer data, guint timeout_ms);
/* Runs the main loop for @ms milliseconds. */
void     spin       (guint ms);

G_END_DECLS
