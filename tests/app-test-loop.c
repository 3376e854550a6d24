/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app-test-loop.c: running the main loop in widget tests until something holds. */
#include "app-test-loop.h"

#include <locale.h>

gboolean
widget_test_init (int *argc, char ***argv)
{
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  if (!gtk_init_check ())
    {
      g_autofree char *name = g_path_get_basename (g_get_prgname ());

      g_printerr ("%s: no display (run the tests under xvfb-run): skipped\n", name);
      return FALSE;
    }
  return TRUE;
}

/* A timeout that keeps the loop iterating, so the deadline is checked even
 * when nothing else happens. */
static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
wait_until (Condition condition, gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wake = g_timeout_add (10, wake_cb, NULL);
  gboolean ok;

  while (!(ok = condition (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return ok;
}

static gboolean
object_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

gboolean
destroy_window_and_wait (GtkWindow *window, guint timeout_ms)
{
  gpointer alive = window;

  g_object_add_weak_pointer (G_OBJECT (window), &alive);
  gtk_window_destroy (window);
  if (wait_until (object_gone, &alive, timeout_ms))
    return TRUE;
  g_object_remove_weak_pointer (G_OBJECT (window), &alive);
  return FALSE;
}

void
settle (void)
{
  /* Bounded: a source that adds itself again forever would not end it. */
  for (guint i = 0; i < 10000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}
