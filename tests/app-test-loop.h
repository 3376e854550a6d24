/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app-test-loop.h: running the main loop in widget tests until something holds. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*Condition) (gpointer data);

/* gtk_test_init() without its abort: g_test_init(), the C.UTF-8 locale
 * (messages in English whatever the machine's), and GTK; FALSE, having
 * said so, when there is no display: the test is then skipped (exit 77),
 * not failed. */
gboolean widget_test_init (int *argc, char ***argv);

/* Runs the main loop until @condition holds; FALSE after @timeout_ms. */
gboolean wait_until (Condition condition, gpointer data, guint timeout_ms);
/* Destroys @window and runs the main loop until it is finalized (its
 * disposal ends in idle callbacks), so the next test starts clean; FALSE
 * after @timeout_ms, as when something still holds it. */
gboolean destroy_window_and_wait (GtkWindow *window, guint timeout_ms);
/* Runs the main loop until it has nothing left to do now (idle callbacks,
 * events): for what follows a change at once, such as labels set from an
 * idle; a frame's layout is waited for with wait_until(). */
void     settle     (void);

G_END_DECLS
