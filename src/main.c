/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the rare-earth-atlas program: sets up translations and hands over to the command line. */
#include "atlas-config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "atlas-command-line.h"
#include "atlas-i18n.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  /* The build tree's translations when run from there, else LOCALEDIR's. */
  atlas_i18n_init ();

  return atlas_command_line_run (argc, argv);
}
