/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-hostile-inputs.c: huge, endless and pathological datasets, made here rather than committed, are rejected (or loaded) within bounded memory and time. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "atlas-dataset.h"

/* Under AddressSanitizer the address space is reserved by terabytes for
 * the shadow memory, so an address-space limit cannot be set: the memory
 * bound is then left to the plain build, and only the outcome is checked. */
#if defined(__SANITIZE_ADDRESS__)
#define ATLAS_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATLAS_UNDER_ASAN 1
#endif
#endif

#define MIB (1024 * 1024)

/* Sizes of the inputs that are parsed and loaded, not just rejected by the
 * first check: under AddressSanitizer, where every allocation records its
 * stack, a tenth (memory safety is what that build checks; the bounds are
 * the plain build's to prove). */
#ifdef ATLAS_UNDER_ASAN
#define SCALED(n) ((n) / 10)
#else
#define SCALED(n) (n)
#endif

/* A valid dataset, left open so that a case can add members and close it. */
static const char dataset_head[] =
  "{\"format\": \"rare-earth-atlas/1\", \"title\": \"t\", \"updated\": \"2025\", "
  "\"sources\": [{\"id\": \"s\", \"publisher\": \"p\", \"title\": \"t\", \"date\": \"2025\", \"kind\": \"official\"}], "
  "\"regions\": [{\"id\": \"CN\", \"name\": \"China\"}], "
  "\"elements\": [{\"id\": \"Dy\", \"name\": \"Dysprosium\", \"group\": \"heavy\", \"number\": 66}], "
  "\"shares\": [{\"id\": \"a\", \"metric\": \"m\", \"year\": 2024, \"unit\": \"%\", \"cite\": \"s\", "
  "\"parts\": [{\"region\": \"CN\", \"value\": 1}]}]";

/* ---- bounds ------------------------------------------------------------ */

#ifndef ATLAS_UNDER_ASAN
static gsize
current_address_space (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmSize:");
  if (line == NULL)
    return 0;
  return (gsize) g_ascii_strtoull (line + strlen ("VmSize:"), NULL, 10) * 1024;
}
#endif

/* From here on, this process may use at most @budget_mib more address
 * space: an allocation past it fails, and g_malloc() aborts the test. */
static void
limit_memory (gsize budget_mib)
{
#ifndef ATLAS_UNDER_ASAN
  gsize now = current_address_space ();
  struct rlimit limit;

  g_assert_cmpuint (now, >, 0);
  limit.rlim_cur = limit.rlim_max = now + budget_mib * MIB;
  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
  g_test_message ("address space limited to %" G_GSIZE_FORMAT " MiB (%" G_GSIZE_FORMAT " MiB more than now)",
                  (gsize) (limit.rlim_cur / MIB), budget_mib);
#else
  g_test_message ("under AddressSanitizer: no address-space limit (%" G_GSIZE_FORMAT " MiB budget)",
                  budget_mib);
#endif
}

/* Runs the current test again in a child, where it limits its memory: the
 * parent sees a clean pass, or a failure with the child's output; the
 * child is killed when it takes longer than @seconds, which is many times
 * what a linear loader needs even under sanitizers on a slow machine. */
static gboolean
run_bounded (guint seconds)
{
  if (g_test_subprocess ())
    return TRUE;
#ifdef ATLAS_UNDER_ASAN
  /* Every allocation is recorded with its stack: several times slower. */
  seconds *= 5;
#endif
  g_test_trap_subprocess (NULL, (guint64) seconds * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

static AtlasDataset *
load_string (const GString *text,
             char         **message)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;
  gint64 begin = g_get_monotonic_time ();

  dataset = atlas_dataset_load_data (text->str, text->len, "big.json", NULL, 0, NULL, &error);
  g_test_message ("%" G_GSIZE_FORMAT " bytes %s in %.2f s", text->len,
                  dataset != NULL ? "loaded" : "rejected",
                  (g_get_monotonic_time () - begin) / (double) G_USEC_PER_SEC);
  g_assert_true ((dataset == NULL) == (error != NULL));
  *message = error != NULL ? g_strdup (error->message) : NULL;
  return dataset;
}

/* ---- huge JSON --------------------------------------------------------- */

static void
test_huge_string (void)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  gsize string_at;

  if (!run_bounded (60))
    return;

  /* 50 MB in a member the format does not know (and so would ignore). */
  text = g_string_sized_new (51 * MIB);
  g_string_append (text, dataset_head);
  g_string_append (text, ", \"junk\": ");
  string_at = text->len;
  g_string_append_c (text, '"');
  for (gsize i = 0; i < 50 * 1000 * 1000 / 10; i++)
    g_string_append_len (text, "hostile!! ", 10);
  g_string_append (text, "\"}");

  /* json-glib alone would copy it twice. */
  limit_memory (64);
  dataset = load_string (text, &message);
  g_assert_null (dataset);
  expected = g_strdup_printf ("big.json:1:%" G_GSIZE_FORMAT ": a string longer than 1048576 bytes (the longest a dataset may hold)",
                              string_at + 1);
  g_assert_cmpstr (message, ==, expected);
}

static void
test_huge_array (void)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  gsize limit_at = 0;

  if (!run_bounded (60))
    return;

  /* Ten million small values of garbage: 20 MB of text that json-glib
   * would make into 800 MB of nodes. */
  text = g_string_sized_new (21 * MIB);
  g_string_append (text, dataset_head);
  g_string_append (text, ", \"junk\": [");
  for (guint i = 0; i < 10 * 1000 * 1000; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      /* The dataset has 32 values before "junk", and "junk" is the 33rd. */
      if (i == ATLAS_DATASET_MAX_VALUES - 33)
        limit_at = text->len;
      g_string_append_c (text, '0');
    }
  g_string_append (text, "]}");

  limit_memory (64);
  dataset = load_string (text, &message);
  g_assert_null (dataset);
  expected = g_strdup_printf ("big.json:1:%" G_GSIZE_FORMAT ": more than 5000000 values (the most a dataset may hold; long price histories belong in a points_csv file)",
                              limit_at + 1);
  g_assert_cmpstr (message, ==, expected);
}

static void
test_many_objects (void)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *message = NULL;

  if (!run_bounded (60))
    return;

  /* Empty objects cost json-glib the most (300 bytes for 3 of text): the
   * objects' own cap stops them, long before the values' would. */
  text = g_string_sized_new (30 * MIB);
  g_string_append (text, dataset_head);
  g_string_append (text, ", \"junk\": [");
  for (guint i = 0; i < 8 * 1000 * 1000; i++)
    g_string_append (text, i > 0 ? ",{}" : "{}");
  g_string_append (text, "]}");

  limit_memory (64);
  dataset = load_string (text, &message);
  g_assert_null (dataset);
  g_assert_true (g_str_has_prefix (message, "big.json:1:"));
  g_assert_nonnull (strstr (message, ": more than 1000000 objects"));
}

/* Fewer values than the cap, but objects, each nesting an empty one: they
 * cost json-glib four times a number (2.2 GB for five million). */
static void
test_many_nested_objects (void)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *message = NULL;

  if (!run_bounded (60))
    return;

  text = g_string_sized_new (20 * MIB);
  g_string_append (text, dataset_head);
  g_string_append (text, ", \"junk\": [");
  for (guint i = 0; i < 1200 * 1000; i++)
    g_string_append (text, i > 0 ? ",{\"a\":{}}" : "{\"a\":{}}");
  g_string_append (text, "]}");

  limit_memory (64);
  dataset = load_string (text, &message);
  g_assert_null (dataset);
  g_assert_true (g_str_has_prefix (message, "big.json:1:"));
  g_assert_nonnull (strstr (message, ": more than 1000000 objects (the most a dataset may hold)"));
}

/* The limits leave room for what the format promises: a million inline
 * points load, in memory proportional to them. */
static void
test_million_inline_points (void)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *message = NULL;
  const AtlasSeries *series;
  const guint n = SCALED (1000 * 1000);
  gint32 start = atlas_days_from_civil (1000, 1, 1);

  if (!run_bounded (120))
    return;

  text = g_string_sized_new (24 * MIB);
  g_string_append (text, dataset_head);
  g_string_append (text, ", \"prices\": [{\"id\": \"p\", \"element\": \"Dy\", \"name\": \"n\", "
                         "\"currency\": \"USD\", \"unit\": \"kg\", \"cite\": \"s\", \"points\": [");
  for (guint i = 0; i < n; i++)
    {
      int year, month, mday;

      atlas_civil_from_days (start + (gint32) i, &year, &month, &mday);
      g_string_append_printf (text, "%s[\"%04d-%02d-%02d\", %u]", i > 0 ? "," : "", year, month, mday, i + 1);
    }
  g_string_append (text, "]}]}");

  /* The parse tree is about 330 bytes a point, the model 40. */
  limit_memory (768);
  dataset = load_string (text, &message);
  g_assert_cmpstr (message, ==, NULL);
  series = atlas_dataset_find_series (dataset, "p");
  g_assert_cmpuint (series->n_points, ==, n);
  g_assert_cmpfloat (series->points[n - 1].value, ==, n);
}

static void
test_huge_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-hostile-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(AtlasDataset) dataset = NULL;
  int fd;

  g_assert_no_error (error);
  if (!run_bounded (30))
    goto out;

  /* 300 MB that take no space: a sparse file, refused by its size before
   * a byte of it is read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 300 * MIB), ==, 0);
  close (fd);

  limit_memory (64);
  dataset = atlas_dataset_load_file (path, 0, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO);
  {
    /* Named as given on the command line, not by its last component. */
    g_autofree char *expected = g_strdup_printf ("%s: the file is larger than 256 MiB (the most a dataset may be)", path);

    g_assert_cmpstr (error->message, ==, expected);
  }

out:
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_huge_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  gsize length = ATLAS_DATASET_MAX_FILE_SIZE + 1;
  char *data;

  /* Pages that are never touched cost nothing: the length alone must be
   * enough to refuse them. */
  data = mmap (NULL, length, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert_true (data != MAP_FAILED);
  dataset = atlas_dataset_load_data (data, length, "mem.json", NULL, 0, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "mem.json: the file is larger than 256 MiB (the most a dataset may be)");
  munmap (data, length);
}

/* ---- files that never end ---------------------------------------------- */

static void
test_not_regular_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-hostile-XXXXXX", &error);
  g_autofree char *fifo = g_build_filename (dir, "fifo.json", NULL);
  g_autofree char *csv_fifo = g_build_filename (dir, "prices.csv", NULL);
  g_autofree char *json = g_build_filename (dir, "atlas.json", NULL);
  g_autoptr(GString) text = g_string_new (dataset_head);

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (mkfifo (csv_fifo, 0600), ==, 0);
  g_string_append (text, ", \"prices\": [{\"id\": \"p\", \"element\": \"Dy\", \"name\": \"n\", "
                         "\"currency\": \"USD\", \"unit\": \"kg\", \"cite\": \"s\", \"points_csv\": \"prices.csv\"}]}");
  g_file_set_contents (json, text->str, text->len, &error);
  g_assert_no_error (error);

  /* A FIFO (say, from an unpacked archive) would block a plain open()
   * forever, waiting for a writer; a device would be read forever. */
  if (run_bounded (20))
    {
      g_autofree char *fifo_message = g_strdup_printf ("%s: cannot read the file: not a regular file", fifo);
      struct {
        const char *path;
        const char *message;
      } cases[] = {
        { fifo, fifo_message },
        { "/dev/zero", "/dev/zero: cannot read the file: not a regular file" },
        { "/dev/null", "/dev/null: cannot read the file: not a regular file" },
        { dir, NULL },
        { json, "atlas.json: $.prices[0].points_csv: cannot read \"prices.csv\": not a regular file" },
      };

      limit_memory (64);
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autoptr(GError) load_error = NULL;
          g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (cases[i].path, 0, NULL, &load_error);

          g_assert_null (dataset);
          g_assert_error (load_error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO);
          if (cases[i].message != NULL)
            g_assert_cmpstr (load_error->message, ==, cases[i].message);
          else
            g_assert_nonnull (strstr (load_error->message, ": cannot read the file: "));
        }
    }

  g_unlink (fifo);
  g_unlink (csv_fifo);
  g_unlink (json);
  g_rmdir (dir);
}

/* Many series naming one large CSV file would read it (and keep its
 * points) once each: the files of a dataset share one budget. */
static void
test_csv_budget (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-hostile-XXXXXX", &error);
  g_autofree char *csv = g_build_filename (dir, "prices.csv", NULL);
  g_autofree char *json = g_build_filename (dir, "atlas.json", NULL);
  g_autoptr(GString) text = g_string_new (dataset_head);
  g_autoptr(GString) rows = g_string_new ("date,value\n2020,1\n");
  const guint n_series = 200;
  gsize fits;

  g_assert_no_error (error);
  /* 2 MiB, mostly blank lines, which hold no row. */
  while (rows->len < 2 * MIB)
    g_string_append_c (rows, '\n');
  g_file_set_contents (csv, rows->str, rows->len, &error);
  g_assert_no_error (error);
  fits = ATLAS_DATASET_MAX_FILE_SIZE / rows->len;

  g_string_append (text, ", \"prices\": [");
  for (guint i = 0; i < n_series; i++)
    g_string_append_printf (text, "%s{\"id\": \"p%u\", \"element\": \"Dy\", \"name\": \"n\", \"currency\": \"USD\", "
                                  "\"unit\": \"kg\", \"cite\": \"s\", \"points_csv\": \"prices.csv\"}",
                            i > 0 ? "," : "", i);
  g_string_append (text, "]}");
  g_file_set_contents (json, text->str, text->len, &error);
  g_assert_no_error (error);

  if (run_bounded (60))
    {
      g_autoptr(AtlasDataset) dataset = NULL;
      g_autofree char *expected = NULL;

      limit_memory (128);
      dataset = atlas_dataset_load_file (json, 0, NULL, &error);
      g_assert_null (dataset);
      g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO);
      expected = g_strdup_printf ("atlas.json: $.prices[%" G_GSIZE_FORMAT "].points_csv: cannot read \"prices.csv\": "
                                  "the points_csv files of the dataset add up to more than 256 MiB (the most they may be)",
                                  fits);
      g_assert_cmpstr (error->message, ==, expected);
    }

  g_unlink (csv);
  g_unlink (json);
  g_rmdir (dir);
}

/* 64 MiB of one repeated row, within the 256 MiB a dataset's CSV files may
 * have: nine million points, all on one day. They cost 900 MB read,
 * sorted and compared before the duplicates were found; a series cannot
 * have more points than days, so reading stops there. */
static void
test_csv_repeated_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-hostile-XXXXXX", &error);
  g_autofree char *csv = g_build_filename (dir, "prices.csv", NULL);
  g_autofree char *json = g_build_filename (dir, "atlas.json", NULL);
  g_autoptr(GString) text = g_string_new (dataset_head);
  g_autoptr(GString) rows = g_string_sized_new (SCALED (64 * MIB) + 64);
  gboolean over_cap;

  g_assert_no_error (error);
  g_string_append (rows, "date,value\n");
  while (rows->len < SCALED (64 * MIB))
    g_string_append (rows, "2025,1\n");
  over_cap = (rows->len - strlen ("date,value\n")) / strlen ("2025,1\n") > ATLAS_SERIES_MAX_POINTS;
  g_file_set_contents (csv, rows->str, rows->len, &error);
  g_assert_no_error (error);
  g_string_append (text, ", \"prices\": [{\"id\": \"p\", \"element\": \"Dy\", \"name\": \"n\", \"currency\": \"USD\", "
                         "\"unit\": \"kg\", \"cite\": \"s\", \"points_csv\": \"prices.csv\"}]}");
  g_file_set_contents (json, text->str, text->len, &error);
  g_assert_no_error (error);
  /* The child needs the memory, not a copy of the file. */
  g_string_free (g_steal_pointer (&rows), TRUE);

  if (run_bounded (120))
    {
      g_autoptr(AtlasDataset) dataset = NULL;

      /* The file (64 MiB), the points up to the cap (160 MB) and room. */
      limit_memory (400);
      dataset = atlas_dataset_load_file (json, 0, NULL, &error);
      g_assert_null (dataset);
      g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_INVALID);
      if (over_cap)
        g_assert_cmpstr (error->message, ==,
                         "prices.csv:3652061: more points than there are days in the years 1 to 9999 (3652059): some date repeats");
    }

  g_unlink (csv);
  g_unlink (json);
  g_rmdir (dir);
}

/* ---- quadratic traps ----------------------------------------------------- */

/* A hundred thousand figures for one fact, each from its own source: every
 * one is checked against the others, which must not mean every pair. */
static void
test_many_alternatives (void)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *message = NULL;
  const guint n = SCALED (100 * 1000);
  const AtlasShare *primary;
  g_autofree char *expected = NULL;
  gsize without_repeat;

  if (!run_bounded (60))
    return;

  text = g_string_new ("{\"format\": \"rare-earth-atlas/1\", \"title\": \"t\", \"updated\": \"2025\", "
                       "\"regions\": [{\"id\": \"CN\", \"name\": \"China\"}], \"sources\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"id\": \"s%u\", \"publisher\": \"p\", \"title\": \"t\", \"date\": \"2025\", \"kind\": \"news\"}",
                            i > 0 ? "," : "", i);
  g_string_append (text, "], \"shares\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"id\": \"a%u\", \"metric\": {\"en\": \"Mining\", \"zh\": \"开采\"}, \"year\": 2024, "
                                  "\"unit\": \"%%\", \"cite\": \"s%u\", \"parts\": [{\"region\": \"CN\", \"value\": %u}]}",
                            i > 0 ? "," : "", i, i, i % 100);
  /* And one that repeats the sources of the last: the check still works. */
  without_repeat = text->len;
  g_string_append_printf (text, ",{\"id\": \"dup\", \"metric\": {\"zh\": \"开采\", \"en\": \"Mining\"}, \"year\": 2024, "
                                "\"unit\": \"%%\", \"cite\": \"s%u\", \"parts\": [{\"region\": \"CN\", \"value\": 1}]}]}",
                          n - 1);

  limit_memory (1024);
  dataset = load_string (text, &message);
  g_assert_null (dataset);
  expected = g_strdup_printf ("big.json: $.shares[%u]: same metric, year, group and sources as $.shares[%u] "
                              "(alternative figures need different sources)", n, n - 1);
  g_assert_cmpstr (message, ==, expected);

  /* Without the repeat, all but the first are its alternatives. */
  g_string_truncate (text, without_repeat);
  g_string_append (text, "]}");
  g_clear_pointer (&message, g_free);
  dataset = load_string (text, &message);
  g_assert_cmpstr (message, ==, NULL);
  primary = atlas_dataset_find_share (dataset, "a0");
  g_assert_cmpuint (primary->alternatives->len, ==, n - 1);
}

/* Slides that select nodes of large chains, and texts with thousands of
 * languages compared with each other. */
static void
test_many_nodes_and_languages (void)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *message = NULL;
  const guint n_nodes = SCALED (50 * 1000), n_slides = SCALED (50 * 1000);
  const guint n_languages = SCALED (200 * 1000);

  if (!run_bounded (60))
    return;

  text = g_string_new (dataset_head);
  g_string_append (text, ", \"supply_chains\": [{\"id\": \"c\", \"title\": \"c\", \"year\": 2024, \"unit\": \"t\", \"cite\": \"s\", "
                         "\"stages\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"name\": \"B\"}], \"nodes\": [");
  for (guint i = 0; i < n_nodes; i++)
    g_string_append_printf (text, "%s{\"id\": \"n%u\", \"stage\": \"%s\", \"name\": \"x\"}",
                            i > 0 ? "," : "", i, i % 2 ? "b" : "a");
  g_string_append (text, "], \"links\": [{\"from\": \"n0\", \"to\": \"n1\", \"value\": 1}]}], "
                         "\"briefings\": [{\"id\": \"b\", \"title\": \"b\", \"slides\": [");
  for (guint i = 0; i < n_slides; i++)
    g_string_append_printf (text, "%s{\"view\": \"flows\", %s\"select\": \"n%u\"}",
                            i > 0 ? "," : "", i % 2 ? "\"chain\": \"c\", " : "", n_nodes - 1 - i % n_nodes);
  g_string_append (text, "]}]");

  /* Two shares of one metric in two hundred thousand languages. */
  {
    /* Replace the one share with two whose metrics are huge texts, the
     * second listing its languages in the opposite order. */
    g_autoptr(GString) metric_up = g_string_new ("{");
    g_autoptr(GString) metric_down = g_string_new ("{");
    const char *shares_at = strstr (text->str, "\"shares\": [");
    const char *shares_end = strstr (shares_at, "]}]") + 3;
    g_autofree char *shares = NULL;

    for (guint i = 0; i < n_languages; i++)
      {
        g_string_append_printf (metric_up, "%s\"l%u\": \"m\"", i > 0 ? "," : "", i);
        g_string_append_printf (metric_down, "%s\"l%u\": \"m\"", i > 0 ? "," : "", n_languages - 1 - i);
      }
    g_string_append_c (metric_up, '}');
    g_string_append_c (metric_down, '}');
    shares = g_strdup_printf ("\"shares\": [{\"id\": \"a\", \"metric\": %s, \"year\": 2024, \"unit\": \"%%\", \"cite\": \"s\", "
                              "\"parts\": [{\"region\": \"CN\", \"value\": 1}]}, "
                              "{\"id\": \"b\", \"metric\": %s, \"year\": 2024, \"unit\": \"%%\", \"cite\": \"s\", "
                              "\"parts\": [{\"region\": \"CN\", \"value\": 2}]}]",
                              metric_up->str, metric_down->str);
    g_string_erase (text, shares_at - text->str, shares_end - shares_at);
    g_string_insert (text, shares_at - text->str, shares);
  }
  g_string_append (text, "}");

  limit_memory (1024);
  dataset = load_string (text, &message);
  g_assert_null (dataset);
  /* Found equal despite the order, and so the same fact from one source. */
  g_assert_cmpstr (message, ==, "big.json: $.shares[1]: same metric, year, group and sources as $.shares[0] "
                                "(alternative figures need different sources)");
}

/* Every repeated member name is found, however many come before it and
 * however it is written: json-glib would keep the last value, after
 * scanning every name before it for each repeat. */
static void
test_wide_object (void)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  const guint n = SCALED (1000 * 1000);
  gsize repeat_at;

  if (!run_bounded (60))
    return;

  text = g_string_new (dataset_head);
  g_string_append (text, ", \"junk\": {");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s\"k%u\": 0", i > 0 ? ", " : "", i);
  g_string_append (text, ", ");
  repeat_at = text->len;
  /* The last key again, with its k escaped. */
  g_string_append_printf (text, "\"\\u006b%u\": 1}}", n - 1);

  limit_memory (512);
  dataset = load_string (text, &message);
  g_assert_null (dataset);
  expected = g_strdup_printf ("big.json:1:%" G_GSIZE_FORMAT ": syntax error: duplicate member \"\\\\u006b%u\" in one object",
                              repeat_at + 1, n - 1);
  g_assert_cmpstr (message, ==, expected);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/huge-string", test_huge_string);
  g_test_add_func ("/hostile/huge-array", test_huge_array);
  g_test_add_func ("/hostile/many-objects", test_many_objects);
  g_test_add_func ("/hostile/many-nested-objects", test_many_nested_objects);
  g_test_add_func ("/hostile/million-inline-points", test_million_inline_points);
  g_test_add_func ("/hostile/huge-file", test_huge_file);
  g_test_add_func ("/hostile/huge-data", test_huge_data);
  g_test_add_func ("/hostile/not-regular-files", test_not_regular_files);
  g_test_add_func ("/hostile/csv-budget", test_csv_budget);
  g_test_add_func ("/hostile/csv-repeated-rows", test_csv_repeated_rows);
  g_test_add_func ("/hostile/wide-object", test_wide_object);
  g_test_add_func ("/hostile/many-alternatives", test_many_alternatives);
  g_test_add_func ("/hostile/many-nodes-and-languages", test_many_nodes_and_languages);

  return g_test_run ();
}
