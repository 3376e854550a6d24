/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-command-line-private.h: the parsed command line, shared by its parser and its export mode. */
#pragma once

#include "atlas-command-line.h"
#include "atlas-dataset.h"

G_BEGIN_DECLS

/* The options as typed: strings stay strings until validated, so every
 * bad value gets a message naming its option (and numbers are read the
 * same in every locale). */
typedef struct {
  /* exporting */
  char     *export_view;
  char     *output;               /* in the file name encoding */
  char     *size;
  char     *scale;
  char     *font_scale;
  char     *page;
  char     *theme;
  char     *lang;
  char     *chain;
  char     *series;
  char     *group;
  char     *from;
  char     *to;
  gboolean  log;
  char     *indexed;
  char     *currency;
  char     *unit;
  char     *select;
  char     *focus;
  char     *kinds;
  char     *briefing;
  /* the other modes */
  gboolean  check;
  gboolean  version;
  char     *view;
  gboolean  present;
  gboolean  quit_after_first_frame;
  char    **arguments;            /* [DATASET] */
} AtlasCommandLine;

/* The DATASET argument, or NULL for the bundled dataset. */
const char   *atlas_command_line_get_dataset_path (const AtlasCommandLine *command_line);

/* Prints "PROGRAM: OPTION=VALUE: REASON" and a pointer to --help on
 * stderr, and returns ATLAS_EXIT_USAGE.  @option and @value may be NULL. */
/* @text with its control characters written as \xHH, for the terminal. */
char         *atlas_command_line_printable (const char *text);
int           atlas_command_line_usage_error (const char *option,
                                              const char *value,
                                              const char *format,
                                              ...) G_GNUC_PRINTF (3, 4);

/* Loads the dataset at @path (NULL: the bundled one).  On failure prints
 * every problem found, each on its own line, and returns NULL. */
AtlasDataset *atlas_command_line_load_dataset (const char *path);

/* --export: validates the options, writes the file, returns the status. */
int           atlas_command_line_export (const AtlasCommandLine *command_line);

G_END_DECLS
