/* SPDX-License-Identifier: GPL-3.0-or-later */
/* save-briefings-helper.c: saves a dataset's briefings with one more, as the window will; for tests/test-full-disk.sh.
 * Usage: save-briefings-helper DATASET. Exits 0 when saved, 3 when writing
 * failed (ATLAS_SAVE_ERROR_WRITE), 1 on any other error, with the message
 * on stderr. */
#include <locale.h>

#include "atlas-briefing.h"
#include "atlas-briefings-save.h"

int
main (int argc, char *argv[])
{
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasDataset) saved = NULL;
  g_autoptr(GPtrArray) briefings = NULL;
  g_autoptr(GError) error = NULL;
  const AtlasBriefing *first;
  AtlasBriefing *added;

  /* Messages in UTF-8, as the program prints them. */
  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s DATASET\n", argv[0]);
      return 2;
    }
  dataset = atlas_dataset_load_file (argv[1], 0, NULL, &error);
  if (dataset == NULL || atlas_dataset_get_briefings (dataset)->len == 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "no briefing to copy a slide from");
      return 1;
    }
  briefings = atlas_briefings_copy (atlas_dataset_get_briefings (dataset));
  first = g_ptr_array_index (briefings, 0);
  added = atlas_briefings_add (briefings, "en", "Added by the test");
  atlas_briefing_insert_slide (added, 0, atlas_slide_copy (g_ptr_array_index (first->slides, 0)));

  saved = atlas_dataset_save_briefings (dataset, briefings, NULL, ATLAS_SAVE_NONE, &error);
  if (saved == NULL)
    {
      g_printerr ("%s\n", error->message);
      return g_error_matches (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_WRITE) ? 3 : 1;
    }
  return 0;
}
