/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-points-csv.c: libFuzzer target feeding arbitrary bytes to the points_csv reader, as the CSV file beside a fixed dataset. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "atlas-dataset.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Two series read the same file: once as the only points, once merged
 * with inline points, so duplicates across both are exercised too. */
static const char dataset_json[] =
  "{\"format\": \"rare-earth-atlas/1\", \"title\": \"fuzz\", \"updated\": \"2025\",\n"
  " \"sources\": [{\"id\": \"s\", \"publisher\": \"p\", \"title\": \"t\", \"date\": \"2025\", \"kind\": \"official\"}],\n"
  " \"elements\": [{\"id\": \"Dy\", \"name\": \"Dysprosium\", \"group\": \"heavy\", \"number\": 66}],\n"
  " \"prices\": [\n"
  "  {\"id\": \"a\", \"element\": \"Dy\", \"name\": \"a\", \"currency\": \"USD\", \"unit\": \"kg\",\n"
  "   \"cite\": \"s\", \"points_csv\": \"prices.csv\"},\n"
  "  {\"id\": \"b\", \"element\": \"Dy\", \"name\": \"b\", \"currency\": \"USD\", \"unit\": \"kg\",\n"
  "   \"cite\": \"s\", \"points\": [[\"2024\", 1], [\"2025-07-31\", 2, 3]], \"points_csv\": \"./prices.csv\"}\n"
  " ]}\n";

static char *dataset_path;
static char *csv_path;

static void
remove_folder (void)
{
  g_autofree char *dir = g_path_get_dirname (dataset_path);

  g_unlink (csv_path);
  g_unlink (dataset_path);
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-fuzz-csv-XXXXXX", &error);

  g_assert_no_error (error);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  dataset_path = g_build_filename (dir, "fuzz.json", NULL);
  csv_path = g_build_filename (dir, "prices.csv", NULL);
  g_file_set_contents (dataset_path, dataset_json, -1, &error);
  g_assert_no_error (error);
  atexit (remove_folder);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) write_error = NULL;
  g_auto(GStrv) messages = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;

  /* In place, without the fsync of g_file_set_contents(): a hundred times
   * more inputs per second. */
  if (!g_file_set_contents_full (csv_path, (const char *) data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0644, &write_error))
    g_error ("cannot write %s: %s", csv_path, write_error->message);

  dataset = atlas_dataset_load_file (dataset_path, 100, &messages, &error);
  g_assert_true ((dataset == NULL) != (error == NULL));
  g_assert_nonnull (messages);
  if (dataset == NULL)
    {
      g_assert_cmpstr (messages[0], ==, error->message);
      g_assert_true (g_str_has_prefix (error->message, "prices.csv:") ||
                     g_str_has_prefix (error->message, "./prices.csv:") ||
                     g_str_has_prefix (error->message, "fuzz.json: "));
    }
  else
    {
      const AtlasSeries *a = atlas_dataset_find_series (dataset, "a");
      const AtlasSeries *b = atlas_dataset_find_series (dataset, "b");

      g_assert_null (messages[0]);
      g_assert_cmpuint (b->n_points, ==, a->n_points + 2);
      for (gsize p = 1; p < b->n_points; p++)
        g_assert_cmpint (b->points[p - 1].day, <, b->points[p].day);
    }
  for (guint i = 0; messages[i] != NULL; i++)
    g_assert_null (strchr (messages[i], '\n'));
  return 0;
}
