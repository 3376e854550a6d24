/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-loader.c: libFuzzer target feeding arbitrary bytes to the dataset loader, which must reject or load them without a crash, a leak or a hang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-dataset.h"
#include "atlas-dataset-summary.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  /* A critical or a warning is a bug the loader let through: make it a
   * crash the fuzzer reports, not a line nobody reads. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  return 0;
}

/* What the program does with a dataset that loaded: read every list the
 * charts read, and summarize it as --check does. */
static void
use_dataset (AtlasDataset *dataset)
{
  g_autofree char *summary = atlas_dataset_summarize (dataset);
  GPtrArray *series = atlas_dataset_get_series (dataset);
  GPtrArray *chains = atlas_dataset_get_chains (dataset);

  g_assert_nonnull (summary);
  for (guint i = 0; i < chains->len; i++)
    {
      const AtlasChain *chain = g_ptr_array_index (chains, i);

      for (guint n = 0; n < chain->nodes->len; n++)
        g_assert_nonnull (atlas_node_get_label (g_ptr_array_index (chain->nodes, n)));
    }
  for (guint i = 0; i < series->len; i++)
    {
      const AtlasSeries *s = g_ptr_array_index (series, i);
      double out;

      /* Sorted, unique days: the charts rely on it. */
      for (gsize p = 1; p < s->n_points; p++)
        g_assert_cmpint (s->points[p - 1].day, <, s->points[p].day);
      if (s->n_points > 0)
        (void) atlas_dataset_convert_price (dataset, s->points[0].value, s->points[0].day,
                                            s->currency, s->unit, "USD", "kg", &out);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* A copy of exactly @size bytes: the fuzzer's buffer is not NUL-terminated
   * and ASan catches any read past it. */
  char *copy = size > 0 ? g_memdup2 (data, size) : NULL;
  g_autofree char *first = NULL;

  /* First problem only, as the window loads. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasDataset) dataset = atlas_dataset_load_data (copy, size, "fuzz.json", NULL,
                                                               0, NULL, &error);

    g_assert_true ((dataset == NULL) != (error == NULL));
    if (error != NULL)
      {
        g_assert_true (error->domain == ATLAS_DATASET_ERROR);
        /* Messages name the file and never span lines. */
        g_assert_true (g_str_has_prefix (error->message, "fuzz.json"));
        g_assert_null (strchr (error->message, '\n'));
        first = g_strdup (error->message);
      }
    else
      use_dataset (dataset);
  }

  /* Every problem, as --check collects them. */
  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) messages = NULL;
    g_autoptr(AtlasDataset) dataset = atlas_dataset_load_data (copy, size, "fuzz.json", NULL,
                                                               100, &messages, &error);

    g_assert_nonnull (messages);
    g_assert_cmpuint (g_strv_length (messages), <=, 100);
    if (dataset == NULL)
      {
        g_assert_nonnull (messages[0]);
        g_assert_cmpstr (messages[0], ==, error->message);
        /* Collecting more problems never changes which one comes first. */
        g_assert_cmpstr (messages[0], ==, first);
      }
    else
      {
        g_assert_null (messages[0]);
        g_assert_null (first);
      }
    for (guint i = 0; messages[i] != NULL; i++)
      g_assert_null (strchr (messages[i], '\n'));
  }

  g_free (copy);
  return 0;
}
