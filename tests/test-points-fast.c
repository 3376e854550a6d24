/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-points-fast.c: inline points read from the bytes give exactly what json-glib's tree gives: points, messages, places. */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "atlas-dataset-loader-private.h"
#include "atlas-decimal-private.h"
#include "atlas-json-guard-private.h"
#include "atlas-points-json-private.h"

/* ---- loading both ways and comparing ---------------------------------- */

typedef struct {
  AtlasDataset *dataset;
  GError       *error;
  char        **messages;         /* every message, collecting */
  AtlasDataset *first_dataset;    /* the same without collecting */
  GError       *first_error;
} Loaded;

static void
loaded_clear (Loaded *loaded)
{
  g_clear_object (&loaded->dataset);
  g_clear_error (&loaded->error);
  g_clear_pointer (&loaded->messages, g_strfreev);
  g_clear_object (&loaded->first_dataset);
  g_clear_error (&loaded->first_error);
}

static void
load_both_modes (const char *data,
                 gsize       length,
                 const char *name,
                 const char *base_dir,
                 guint       max_messages,
                 gboolean    fast,
                 Loaded     *out)
{
  atlas_loader_set_fast_points (fast);
  out->dataset = atlas_dataset_load_data (data, length, name, base_dir, max_messages,
                                          &out->messages, &out->error);
  out->first_dataset = atlas_dataset_load_data (data, length, name, base_dir, max_messages,
                                                NULL, &out->first_error);
  atlas_loader_set_fast_points (TRUE);
}

static void
assert_same_points (const AtlasSeries *a,
                    const AtlasSeries *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpuint (a->n_points, ==, b->n_points);
  g_assert_cmpint (a->has_ranges, ==, b->has_ranges);
  g_assert_cmpuint (a->extras->len, ==, b->extras->len);
  for (gsize i = 0; i < a->n_points; i++)
    {
      const AtlasPricePoint *p = &a->points[i];
      const AtlasPricePoint *q = &b->points[i];

      g_assert_cmpint (p->day, ==, q->day);
      g_assert_cmpuint (p->precision, ==, q->precision);
      g_assert_cmpuint (p->flags, ==, q->flags);
      g_assert_cmpuint (p->reserved, ==, q->reserved);
      g_assert_cmpint (p->extra, ==, q->extra);
      /* To the bit, not merely close. */
      g_assert_cmpmem (&p->value, sizeof p->value, &q->value, sizeof q->value);
      g_assert_cmpmem (&p->low, sizeof p->low, &q->low, sizeof q->low);
      g_assert_cmpmem (&p->high, sizeof p->high, &q->high, sizeof q->high);
    }
}

static void
assert_same_datasets (AtlasDataset *a,
                      AtlasDataset *b)
{
  GPtrArray *series_a, *series_b;

  g_assert_true ((a == NULL) == (b == NULL));
  if (a == NULL)
    return;
  series_a = atlas_dataset_get_series (a);
  series_b = atlas_dataset_get_series (b);
  g_assert_cmpuint (series_a->len, ==, series_b->len);
  for (guint i = 0; i < series_a->len; i++)
    assert_same_points (g_ptr_array_index (series_a, i), g_ptr_array_index (series_b, i));
}

static void
assert_same_errors (const GError *a,
                    const GError *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a == NULL)
    return;
  g_assert_cmpint (a->domain, ==, b->domain);
  g_assert_cmpint (a->code, ==, b->code);
  g_assert_cmpstr (a->message, ==, b->message);
}

/* Loads @data with the fast reader and through the tree, collecting every
 * message and stopping at the first, and asserts the same outcome; returns
 * the fast reader's dataset (or NULL) and its messages. */
static AtlasDataset *
assert_same_len (const char  *data,
                 gsize        length,
                 const char  *base_dir,
                 guint        max_messages,
                 char      ***messages)
{
  Loaded fast = { 0 }, tree = { 0 };
  AtlasDataset *dataset;

  load_both_modes (data, length, "points.json", base_dir, max_messages, TRUE, &fast);
  load_both_modes (data, length, "points.json", base_dir, max_messages, FALSE, &tree);

  assert_same_errors (fast.error, tree.error);
  assert_same_errors (fast.first_error, tree.first_error);
  g_assert_cmpstrv (fast.messages, tree.messages);
  assert_same_datasets (fast.dataset, tree.dataset);
  assert_same_datasets (fast.first_dataset, tree.first_dataset);

  dataset = g_steal_pointer (&fast.dataset);
  if (messages != NULL)
    *messages = g_steal_pointer (&fast.messages);
  loaded_clear (&fast);
  loaded_clear (&tree);
  return dataset;
}

/* A dataset of series whose members follow "id" (text after it, with its
 * own braces: "points": [...] and so on), one series per argument. */
static char *
dataset_with_series (const char *first,
                     ...)
{
  GString *text = g_string_new (
    "{\"format\": \"rare-earth-atlas/1\", \"title\": \"t\", \"updated\": \"2026-01-01\",\n"
    " \"sources\": [{\"id\": \"s\", \"publisher\": \"p\", \"title\": \"t\", \"date\": \"2025\", \"kind\": \"news\"}],\n"
    " \"elements\": [{\"id\": \"Dy\", \"name\": \"Dy\", \"group\": \"heavy\", \"number\": 66}],\n"
    " \"prices\": [\n");
  va_list args;
  guint n = 0;

  va_start (args, first);
  for (const char *series = first; series != NULL; series = va_arg (args, const char *), n++)
    {
      if (n > 0)
        g_string_append (text, ",\n");
      /* A series that does not start with a brace is some other value. */
      if (series[0] != '{')
        g_string_append (text, series);
      else
        g_string_append_printf (text,
                                "  {\"id\": \"s%u\", \"element\": \"Dy\", \"name\": \"S\", \"currency\": \"USD\", "
                                "\"unit\": \"kg\", \"cite\": \"s\", %s",
                                n, series + 1);
    }
  va_end (args);
  g_string_append (text, "\n ]}\n");
  return g_string_free (text, FALSE);
}

static AtlasDataset *
assert_same (const char   *data,
             char       ***messages)
{
  return assert_same_len (data, strlen (data), NULL, 100, messages);
}

/* The number of points arrays the guard hands to the fast reader. */
static guint
count_spans (const char *data)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (AtlasJsonPointsSpan));
  g_autoptr(GError) error = NULL;
  gsize offset;

  g_assert_true (atlas_json_guard_check_with_points (data, strlen (data), "x.json", 64, &offset,
                                                     spans, &error));
  g_assert_no_error (error);
  return spans->len;
}

/* ---- good points ------------------------------------------------------ */

static void
test_good (void)
{
  static const char * const arrays[] = {
    "[[\"2025-01-01\", 805], [\"2025-01-02\", 810.5], [\"2025-01-03\", 0.25]]",
    "[[\"2024\", 440, 490], [\"2025-07\", 1, 1], [\"2023-12-31\", 0.5, 7.125]]",
    /* Out of order, every precision. */
    "[[\"2025\", 3], [\"2019-03\", 2], [\"2001-02-28\", 1], [\"2024-02-29\", 4]]",
    /* Numbers the short reader leaves to strtod(), and ones at its edge. */
    "[[\"2001\", 1e2], [\"2002\", 1.5E+3], [\"2003\", 0.000001], [\"2004\", 1e15],"
    " [\"2005\", 900719925474099.3], [\"2006\", 999999999999999.9], [\"2007\", 1e-12],"
    " [\"2008\", 123456789012345], [\"2009\", 12345678901234.5], [\"2010\", 123456789012345.67],"
    " [\"2011\", 0.30000000000000004], [\"2012\", 2.675], [\"2013\", 0.1], [\"2014\", 100000000000000000000e-20],"
    " [\"2015\", 999999999999999], [\"2016\", 0.000000000001000001], [\"2017\", 7E0], [\"2018\", 1.0]]",
    /* Blanks anywhere the grammar allows them. */
    "[ [ \"2025\" ,\r\n 5 ] ,\n\t[\"2026\",6,7]\n,[\"2027\"\n,\n8\n]\n]",
    /* An escaped date: read by the fallback, the same point. */
    "[[\"\\u0032025-01-01\", 5], [\"2025-01-02\", 6]]",
    /* Object points: the whole array goes through the tree. */
    "[[\"2025\", 5], {\"date\": \"2026\", \"value\": 6, \"note\": \"n\", \"estimate\": true}]",
    /* Past the magnitudes the format allows: rejected the same both ways. */
    "[[\"2001\", 1.7976931348623157e308], [\"2002\", 4.9e-324], [\"2003\", 9007199254740993],"
    " [\"2004\", 0.000000000000001], [\"2005\", 1000000000000000.2]]",
    "[]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      g_autofree char *member = g_strdup_printf ("{\"points\": %s}", arrays[i]);
      g_autofree char *data = dataset_with_series (member, NULL);
      g_autoptr(AtlasDataset) dataset = NULL;
      g_auto(GStrv) messages = NULL;

      g_test_message ("points: %s", arrays[i]);
      dataset = assert_same (data, &messages);
      /* The last two, and "[]" has no point: errors, the same both ways. */
      g_assert_true ((dataset != NULL) == (i < G_N_ELEMENTS (arrays) - 2));
    }
}

static void
test_values (void)
{
  g_autofree char *data = dataset_with_series (
    "{\"points\": [[\"2001\", 0.1], [\"2002\", 2.675], [\"2003\", 1e2], [\"2004\", 5, 9],"
    " [\"2005\", 900719925474099.3]]}", NULL);
  g_autoptr(AtlasDataset) dataset = assert_same (data, NULL);
  const AtlasSeries *series = g_ptr_array_index (atlas_dataset_get_series (dataset), 0);

  g_assert_cmpuint (series->n_points, ==, 5);
  g_assert_cmpfloat (series->points[0].value, ==, 0.1);
  g_assert_cmpfloat (series->points[1].value, ==, 2.675);
  g_assert_cmpfloat (series->points[2].value, ==, 100);
  g_assert_cmpfloat (series->points[3].value, ==, 7);
  g_assert_cmpfloat (series->points[3].low, ==, 5);
  g_assert_cmpfloat (series->points[3].high, ==, 9);
  g_assert_cmpuint (series->points[3].flags, ==, ATLAS_POINT_RANGE);
  g_assert_cmpfloat (series->points[4].value, ==, 900719925474099.3);
  g_assert_true (series->has_ranges);
}

/* Which series each array belongs to, whatever comes between them. */
static void
test_series_indices (void)
{
  g_autofree char *data = dataset_with_series (
    "\"not a series\"",
    "{\"points\": [[\"2025\", 1]]}",
    "{\"points_csv\": \"x.csv\", \"note\": {\"points\": [[\"2025\", -1]]}}",
    "{\"points\": [[\"2025\", 1], {\"date\": \"2026\", \"value\": 0}]}",
    "{\"\\u0070oints\": [[\"2025\", 2], [\"2025\", 3]]}",
    "[[[\"2025\", 1]]]",
    "{\"points\": [[\"2024\", 0]]}",
    NULL);
  g_auto(GStrv) messages = NULL;
  g_autoptr(AtlasDataset) dataset = assert_same (data, &messages);

  g_assert_null (dataset);
  /* Only arrays of arrays at $.prices[N].points, escaped names too. */
  g_assert_cmpuint (count_spans (data), ==, 3);
  g_assert_cmpstrv (messages, ((const char * const[]) {
    "points.json: $.prices[0]: expected an object",
    "points.json: $.prices[2].note: expected text (a string or an object of language tags to strings)",
    "points.json: $.prices[2].points_csv: points_csv needs a dataset loaded from a file",
    "points.json: $.prices[3].points[1].value: must be > 0, not 0",
    "points.json: $.prices[4].points[1]: duplicate date \"2025\" (also at $.prices[4].points[0])",
    "points.json: $.prices[5]: expected an object",
    "points.json: $.prices[6].points[0][1]: must be > 0, not 0",
    NULL }));
}

/* ---- bad points ------------------------------------------------------- */

static void
test_bad (void)
{
  static const struct {
    const char *points;
    const char *message;          /* the first; the others must match too */
  } cases[] = {
    { "[[\"2025-02-30\", 5]]",
      "points.json: $.prices[0].points[0][0]: invalid date \"2025-02-30\" (expected YYYY, YYYY-MM or YYYY-MM-DD)" },
    { "[[\"25\", 5]]",
      "points.json: $.prices[0].points[0][0]: invalid date \"25\" (expected YYYY, YYYY-MM or YYYY-MM-DD)" },
    { "[[\"２０２５\", 5]]",
      "points.json: $.prices[0].points[0][0]: invalid date \"２０２５\" (expected YYYY, YYYY-MM or YYYY-MM-DD)" },
    { "[[\"2025\", 0]]", "points.json: $.prices[0].points[0][1]: must be > 0, not 0" },
    { "[[\"2025\", -0.0]]", "points.json: $.prices[0].points[0][1]: must be > 0, not -0" },
    { "[[\"2025\", -3]]", "points.json: $.prices[0].points[0][1]: must be > 0, not -3" },
    { "[[\"2025\", 1e-400]]", "points.json: $.prices[0].points[0][1]: must be > 0, not 0" },
    { "[[\"2025\", 1e999]]", "points.json: $.prices[0].points[0][1]: not a finite number" },
    { "[[\"2025\", -1e999]]", "points.json: $.prices[0].points[0][1]: not a finite number" },
    { "[[\"2025\", 5, 4]]", "points.json: $.prices[0].points[0]: low 5 is greater than high 4" },
    { "[[\"2025\", 5, 0]]", "points.json: $.prices[0].points[0][2]: must be > 0, not 0" },
    { "[[\"2025\"]]",
      "points.json: $.prices[0].points[0]: expected a point: [date, value], [date, low, high], or an object with \"date\" and \"value\" or \"low\" and \"high\"" },
    { "[[\"2025\", 1, 2, 3]]",
      "points.json: $.prices[0].points[0]: expected a point: [date, value], [date, low, high], or an object with \"date\" and \"value\" or \"low\" and \"high\"" },
    { "[[]]",
      "points.json: $.prices[0].points[0]: expected a point: [date, value], [date, low, high], or an object with \"date\" and \"value\" or \"low\" and \"high\"" },
    { "[[2025, 5]]",
      "points.json: $.prices[0].points[0][0]: expected a date (a string \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")" },
    { "[[\"2025\", \"5\"]]", "points.json: $.prices[0].points[0][1]: expected a number" },
    { "[[\"2025\", null]]", "points.json: $.prices[0].points[0][1]: expected a number" },
    { "[[\"2025\", true]]", "points.json: $.prices[0].points[0][1]: expected a number" },
    { "[[\"2025\", [5]]]", "points.json: $.prices[0].points[0][1]: expected a number" },
    { "[[\"2025\", {\"v\": \"]\"}]]", "points.json: $.prices[0].points[0][1]: expected a number" },
    { "[[\"2025\", 1], [\"2025\", 2]]",
      "points.json: $.prices[0].points[1]: duplicate date \"2025\" (also at $.prices[0].points[0])" },
    { "[[\"2025\", 1], [\"2025-01-01\", 2]]",
      "points.json: $.prices[0].points[1]: duplicate date \"2025-01-01\" (the same day as \"2025\" at $.prices[0].points[0])" },
    /* Errors in several points, then a good one: all named, in order. */
    { "[[\"2025\", 0], [\"x\", 1], [\"2026\", 2], [\"2027\", 3, 1], \"2028\"]",
      "points.json: $.prices[0].points[0][1]: must be > 0, not 0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *member = g_strdup_printf ("{\"points\": %s}", cases[i].points);
      g_autofree char *data = dataset_with_series (member, NULL);
      g_autoptr(AtlasDataset) dataset = NULL;
      g_auto(GStrv) messages = NULL;

      g_test_message ("points: %s", cases[i].points);
      dataset = assert_same (data, &messages);
      g_assert_null (dataset);
      g_assert_nonnull (messages[0]);
      g_assert_cmpstr (messages[0], ==, cases[i].message);
    }
}

/* Array points carry no cite: the series must have one. */
static void
test_missing_cite (void)
{
  const char *data =
    "{\"format\": \"rare-earth-atlas/1\", \"title\": \"t\", \"updated\": \"2026-01-01\",\n"
    " \"sources\": [{\"id\": \"s\", \"publisher\": \"p\", \"title\": \"t\", \"date\": \"2025\", \"kind\": \"news\"}],\n"
    " \"elements\": [{\"id\": \"Dy\", \"name\": \"Dy\", \"group\": \"heavy\", \"number\": 66}],\n"
    " \"prices\": [{\"id\": \"a\", \"element\": \"Dy\", \"name\": \"A\", \"currency\": \"USD\", \"unit\": \"kg\",\n"
    "              \"points\": [[\"2025\", 1]]},\n"
    "             {\"id\": \"b\", \"element\": \"Dy\", \"name\": \"B\", \"currency\": \"USD\", \"unit\": \"kg\",\n"
    "              \"points\": [[\"2025\", 0]]}]}\n";
  g_auto(GStrv) messages = NULL;
  g_autoptr(AtlasDataset) dataset = assert_same (data, &messages);

  g_assert_null (dataset);
  g_assert_cmpstrv (messages, ((const char * const[]) {
    "points.json: $.prices[0].cite: missing required member \"cite\" (some points have no cite of their own)",
    "points.json: $.prices[1].points[0][1]: must be > 0, not 0",
    NULL }));
}

/* Many points, some of them bad, in every form: the same points, the same
 * messages up to the limit, and the same first one alone. */
static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  for (guint round = 0; round < 6; round++)
    {
      GString *points = g_string_new ("{\"points\": [");
      guint n = round < 3 ? 5000 : 200;
      g_autofree char *data = NULL;
      g_autofree char *member = NULL;
      g_autoptr(AtlasDataset) dataset = NULL;
      g_auto(GStrv) messages = NULL;

      for (guint i = 0; i < n; i++)
        {
          guint day = g_rand_int_range (rand, 0, 3000);
          int year = 2000 + day / 365, month = 1 + (day / 28) % 12, mday = 1 + day % 28;
          double value = g_rand_double_range (rand, 0.001, 5000);
          guint form = g_rand_int_range (rand, 0, round < 3 ? 12 : 40);

          if (i > 0)
            g_string_append (points, g_rand_boolean (rand) ? ",\n   " : ", ");
          switch (form)
            {
            case 0:
              g_string_append_printf (points, "[\"%04d\", %.17g]", year, value);
              break;
            case 1:
              g_string_append_printf (points, "[\"%04d-%02d\", %.3f, %.3f]", year, month, value, value * 1.1);
              break;
            case 2:
              g_string_append_printf (points, "[\"%04d-%02d-%02d\", %de-%d]", year, month, mday,
                                      g_rand_int_range (rand, 1, 99999), g_rand_int_range (rand, 0, 9));
              break;
            case 3:           /* bad only in the later rounds' mix */
              g_string_append_printf (points, "[\"%04d-%02d-%02d\", %.2f, %.2f]", year, month, mday,
                                      value, round < 3 ? value : value / 2);
              break;
            case 4:
              if (round >= 3)
                {
                  g_string_append_printf (points, "[\"%04d-13\", 1]", year);
                  break;
                }
              G_GNUC_FALLTHROUGH;
            default:
              g_string_append_printf (points, "[\"%04d-%02d-%02d\", %.2f]", year, month, mday, value);
              break;
            }
        }
      g_string_append (points, "]}");
      member = g_string_free (points, FALSE);
      data = dataset_with_series (member, NULL);
      /* Duplicate dates are likely: their messages must match too. */
      dataset = assert_same_len (data, strlen (data), NULL, 100, &messages);
      g_assert_true (dataset != NULL || messages[0] != NULL);
    }
}

/* Every fixture of the test suite, good or bad, loads the same both ways. */
static void
test_fixtures (void)
{
  static const char * const folders[] = { "good", "bad", "app" };

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", folders[f], NULL);
      g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      g_assert_nonnull (listing);
      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *path = NULL;
          g_autofree char *contents = NULL;
          g_autoptr(AtlasDataset) dataset = NULL;
          gsize length;

          if (!g_str_has_suffix (name, ".json"))
            continue;
          path = g_build_filename (dir, name, NULL);
          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          g_test_message ("fixture %s/%s", folders[f], name);
          dataset = assert_same_len (contents, length, dir, 100, NULL);
        }
    }
}

/* The short reader (also used for points_csv) against strtod(), bit for
 * bit, on decimals of every length it takes and some it refuses. */
static void
test_decimals (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1123);
  static const char * const refused[] = {
    "", ".", "1.", ".5", "-1", "+1", "1e5", "1234567890123456", "1.234567890123456", "1,5", "0x10",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      double value;

      g_assert_false (atlas_decimal_parse_short (refused[i], refused[i] + strlen (refused[i]), &value));
    }

  for (guint i = 0; i < 200000; i++)
    {
      char text[32];
      guint n_digits = g_rand_int_range (rand, 1, 16);
      guint point = g_rand_int_range (rand, 0, n_digits);   /* digits before the point; 0: none */
      guint length = 0;
      double fast = 0, slow;
      char *end = NULL;

      for (guint d = 0; d < n_digits; d++)
        {
          if (point > 0 && d == point)
            text[length++] = '.';
          text[length++] = (char) ('0' + g_rand_int_range (rand, 0, 10));
        }
      text[length] = '\0';

      g_assert_true (atlas_decimal_parse_short (text, text + length, &fast));
      slow = g_ascii_strtod (text, &end);
      g_assert_true (end == text + length);
      if (memcmp (&fast, &slow, sizeof fast) != 0)
        g_error ("%s: %.17g, strtod %.17g", text, fast, slow);
    }
}

/* ---- the text json-glib reads ----------------------------------------- */

static void
line_and_column (const char *text,
                 gsize       offset,
                 guint      *line,
                 guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        (*column)++;
    }
}

/* What the inside of @span becomes: its newlines, then its last line as
 * spaces; returns how many bytes shorter that is. */
static gsize
bytes_removed (const char                *data,
               const AtlasJsonPointsSpan *span)
{
  const char *inside = data + span->open + 1;
  const char *end = data + span->close;
  const char *last_line = inside;
  gsize n_newlines = 0;

  for (const char *c = inside; c < end; c++)
    if (*c == '\n')
      {
        n_newlines++;
        last_line = c + 1;
      }
  return (gsize) (end - inside) - n_newlines - (gsize) (end - last_line);
}

static void
test_blank (void)
{
  g_autofree char *data = dataset_with_series (
    "{\"points\": [[\"2025\", 1],\n  [\"2026\", 2],\r\n  [\"2027\", 3]  ], \"note\": \"after\"}",
    "{\"points\": [[\"2025\", 1], [\"2026\", 2]], \"note\": \"same line\"}",
    "{\"points\": [\n[\"2025\", 1]\n]}",
    NULL);
  gsize length = strlen (data);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (AtlasJsonPointsSpan));
  g_autoptr(GError) error = NULL;
  g_autofree char *blanked = NULL;
  gsize offset, blanked_length, removed = 0, from = 0;

  g_assert_true (atlas_json_guard_check_with_points (data, length, "x.json", 64, &offset,
                                                     spans, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 3);
  blanked = atlas_points_json_blank (data, length, spans, &blanked_length);
  g_assert_cmpuint (strlen (blanked), ==, blanked_length);

  /* Every byte outside the spans' insides is kept, at its line and column;
   * the insides hold only newlines and spaces. */
  for (guint i = 0; i <= spans->len; i++)
    {
      const AtlasJsonPointsSpan *span = i < spans->len ? &g_array_index (spans, AtlasJsonPointsSpan, i)
                                                       : NULL;
      gsize to = span != NULL ? span->open + 1 : length;

      for (gsize o = from; o < to; o++)
        {
          guint line, column, blanked_line, blanked_column;

          g_assert_cmpint (data[o], ==, blanked[o - removed]);
          line_and_column (data, o, &line, &column);
          line_and_column (blanked, o - removed, &blanked_line, &blanked_column);
          g_assert_cmpuint (line, ==, blanked_line);
          g_assert_cmpuint (column, ==, blanked_column);
        }
      if (span == NULL)
        break;

      g_assert_cmpint (data[span->open], ==, '[');
      g_assert_cmpint (data[span->close], ==, ']');
      for (gsize b = span->open + 1 - removed; b < span->close - removed - bytes_removed (data, span); b++)
        g_assert_true (blanked[b] == '\n' || blanked[b] == ' ');
      removed += bytes_removed (data, span);
      from = span->close;
    }
  g_assert_cmpuint (length - removed, ==, blanked_length);

  /* And the document reads the same. */
  {
    g_autoptr(AtlasDataset) dataset = assert_same (data, NULL);

    g_assert_nonnull (dataset);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/points-fast/good", test_good);
  g_test_add_func ("/points-fast/values", test_values);
  g_test_add_func ("/points-fast/series-indices", test_series_indices);
  g_test_add_func ("/points-fast/bad", test_bad);
  g_test_add_func ("/points-fast/missing-cite", test_missing_cite);
  g_test_add_func ("/points-fast/random", test_random);
  g_test_add_func ("/points-fast/fixtures", test_fixtures);
  g_test_add_func ("/points-fast/decimals", test_decimals);
  g_test_add_func ("/points-fast/blank", test_blank);

  return g_test_run ();
}
