/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench/bare-window.c: the yardstick of the start-up benchmark: a bare GTK 4 application window that quits after its first frame. */
#include <string.h>

#include <gtk/gtk.h>

/* With --furnished the window also shows what any real application window
 * shows: a header bar with one menu button (an icon) and one line of text.
 * Timed against the bare window, it tells how much of the start-up target
 * GTK itself spends on the first text and the first icon. */
static gboolean furnished;

/* The first frame has been painted (the window's frame clock is past its
 * paint phase): what rare-earth-atlas --quit-after-first-frame waits for. */
static void
after_paint_cb (GdkFrameClock  *clock,
                GtkApplication *app)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_application_quit (G_APPLICATION (app));
}

static void
realize_cb (GtkWidget      *window,
            GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
  gtk_widget_queue_draw (window);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  if (furnished)
    {
      GtkWidget *header = gtk_header_bar_new ();
      GtkWidget *menu = gtk_menu_button_new ();

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
      gtk_header_bar_pack_end (GTK_HEADER_BAR (header), menu);
      gtk_window_set_titlebar (GTK_WINDOW (window), header);
      gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Who mines, who refines, who makes magnets"));
    }
  g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("org.example.BareWindow", G_APPLICATION_DEFAULT_FLAGS);

  /* Taken off before GApplication parses the command line, which has no such option. */
  if (argc > 1 && strcmp (argv[1], "--furnished") == 0)
    {
      furnished = TRUE;
      argv[1] = argv[0];
      argc--;
      argv++;
    }
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
