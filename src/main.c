/* main.c: the rare-earth-atlas program: sets up translations and hands over to the command line. */
#include "atlas-config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "atlas-command-line.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return atlas_command_line_run (argc, argv);
}
