/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: runs the built rare-earth-atlas as a script would, with no display, and checks every file and every exit status.
 *
 * How the title is checked: the SVG for the <title> element the exporter
 * adds (the chart's title, XML-escaped; its <text> elements are checked by
 * test-svg-export.c), and the PDF, whose text cairo keeps as text, through
 * pdftotext.  Expected values (titles, CSV, flows JSON, page counts)
 * come from the chart engine itself, linked into this test, so the file must
 * match what the engine lays out for the same options. */
#include "atlas-config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "atlas-bundled-dataset.h"
#include "atlas-export.h"
#include "atlas-i18n.h"
#include "atlas-sankey-json.h"
#include "test-tree.h"

#define EXIT_OK      0
#define EXIT_DATASET 1
#define EXIT_USAGE   2
#define EXIT_WRITE   3
#define EXIT_WINDOW  4

static const char *binary;
static char *work_dir;          /* removed at the end */
static char *small_dataset;     /* a dataset written by this test */
static char *bad_dataset;       /* one that breaks several rules */

/* ---- running the program ----------------------------------------------- */

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Scripts and CI run without a display: so does every run here. */
static char **
environment_without_display (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  return envp;
}

/* A tiny file-size limit in the child: its writes fail past 512 bytes
 * (EFBIG), the same path through the code as a full disk. */
static void
limit_file_size_in_child (gpointer data)
{
  struct rlimit limit;

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = 512;
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* @extra_env: NULL, or NAME, VALUE, ..., NULL: set in the child. */
static void
run_with (Run                *run,
          gboolean            disk_full,
          const char * const *extra_env,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = environment_without_display ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, extra_env[i], extra_env[i + 1], TRUE);

  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                disk_full ? limit_file_size_in_child : NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("exit %d; stderr: %s", run->status, run->err);
}

static void
run_args (Run *run, const char * const *args)
{
  run_with (run, FALSE, NULL, args);
}

/* ---- files ------------------------------------------------------------- */

static char *
work_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

static gboolean
folder_has_temporary_files (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;
  gboolean found = FALSE;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    found |= name[0] == '.';
  g_dir_close (dir);
  return found;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      g_test_fail_printf ("%s", error->message);
      return g_strdup ("");
    }
  return text;
}

/* A program's output, or NULL (with the test skipped) when it is missing. */
static char *
tool_output (const char *tool, const char * const *args)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;

  if (program == NULL)
    {
      g_test_message ("%s is not installed: that check is left out", tool);
      return NULL;
    }
  g_ptr_array_add (argv, program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  return out;
}

/* ---- datasets ---------------------------------------------------------- */

/* Small enough to know every id; one of each thing a view draws. */
static const char small_dataset_json[] =
  "{\"format\": \"rare-earth-atlas/1\",\n"
  " \"title\": {\"en\": \"Small atlas\", \"zh\": \"小图集\"},\n"
  " \"updated\": \"2026-01-13\",\n"
  " \"sources\": [{\"id\": \"src\", \"publisher\": \"Publisher\", \"title\": \"=Report, \\\"quoted\\\"\",\n"
  "               \"date\": \"2025-01\", \"kind\": \"official\"}],\n"
  " \"regions\": [{\"id\": \"CN\", \"name\": {\"en\": \"China\", \"zh\": \"中国\"}},\n"
  "             {\"id\": \"JP\", \"name\": {\"en\": \"Japan\", \"zh\": \"日本\"}}],\n"
  " \"elements\": [{\"id\": \"Dy\", \"name\": \"Dysprosium\", \"group\": \"heavy\", \"number\": 66}],\n"
  " \"supply_chains\": [{\"id\": \"chain\", \"title\": \"Small chain\", \"year\": 2024, \"unit\": \"t\",\n"
  "   \"cite\": \"src\",\n"
  "   \"stages\": [{\"id\": \"mining\", \"name\": \"Mining\"}, {\"id\": \"use\", \"name\": \"Use\"}],\n"
  "   \"nodes\": [{\"id\": \"mine:CN\", \"stage\": \"mining\", \"region\": \"CN\"},\n"
  "             {\"id\": \"use:JP\", \"stage\": \"use\", \"region\": \"JP\"}],\n"
  "   \"links\": [{\"from\": \"mine:CN\", \"to\": \"use:JP\", \"value\": 1200}]}],\n"
  " \"shares\": [{\"id\": \"mining\", \"metric\": {\"en\": \"Mining\", \"zh\": \"开采\"}, \"year\": 2024,\n"
  "   \"unit\": \"%\", \"cite\": \"src\",\n"
  "   \"parts\": [{\"region\": \"CN\", \"value\": 70}, {\"region\": \"JP\", \"value\": 5}], \"total\": 100}],\n"
  " \"prices\": [{\"id\": \"dy\", \"element\": \"Dy\", \"name\": \"Dysprosium oxide\", \"currency\": \"USD\",\n"
  "   \"unit\": \"kg\", \"cite\": \"src\",\n"
  "   \"points\": [[\"2020\", 260], [\"2021\", 390], [\"2022\", 450], [\"2025-07-31\", 805]]}],\n"
  " \"events\": [{\"id\": \"controls\", \"date\": \"2025-04-04\", \"title\": \"Export controls\",\n"
  "   \"kind\": \"policy\", \"regions\": [\"CN\"], \"cite\": \"src\"}]\n"
  "}\n";

static const char bad_dataset_json[] =
  "{\"format\": \"rare-earth-atlas/1\", \"title\": \"Bad\", \"updated\": \"2026-01-13\",\n"
  " \"sources\": [{\"id\": \"s\", \"publisher\": \"P\", \"title\": \"T\", \"date\": \"2025\",\n"
  "               \"kind\": \"official\", \"url\": \"ftp://example.org/x\"}],\n"
  " \"regions\": [{\"id\": \"CN\", \"name\": \"China\"}],\n"
  " \"shares\": [{\"id\": \"a\", \"metric\": \"M\", \"year\": 2024, \"unit\": \"%\", \"cite\": \"nope\",\n"
  "              \"parts\": [{\"region\": \"XX\", \"value\": 1}]}]}\n";

typedef struct {
  const char *name;
  char       *path;     /* NULL: the bundled dataset, named by no argument */
  AtlasDataset *dataset;
} TestDataset;

static TestDataset datasets[3];

static AtlasDataset *
load_or_null (const char *path)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  dataset = atlas_dataset_load_file (path, 0, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static void
set_up_datasets (void)
{
  g_autofree char *bundled = NULL;
  const char *source_root = g_getenv ("ATLAS_SOURCE_ROOT");

  /* The tests' environment points it at the source tree's copy. */
  bundled = atlas_find_bundled_dataset ();
  datasets[0] = (TestDataset) { "bundled", NULL, load_or_null (bundled) };
  datasets[1].name = "full";
  datasets[1].path = g_build_filename (source_root != NULL ? source_root : ".",
                                       "tests", "data", "good", "full.json", NULL);
  datasets[1].dataset = load_or_null (datasets[1].path);
  datasets[2] = (TestDataset) { "small", g_strdup (small_dataset), load_or_null (small_dataset) };
}

/* ---- what the engine itself makes -------------------------------------- */

static AtlasScene *
engine_scene (AtlasDataset *dataset, const AtlasChartOptions *options, double width, double height)
{
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  g_autoptr(GError) error = NULL;
  AtlasScene *scene = atlas_chart_layout (dataset, options, width, height, style, &error);

  if (scene == NULL)
    g_test_fail_printf ("the engine cannot lay out this chart: %s", error->message);
  return scene;
}

static char *
normalize_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- checks of each format --------------------------------------------- */

static void
read_png_size (const char *path, guint *width, guint *height)
{
  g_autofree guchar *data = NULL;
  gsize length;

  *width = *height = 0;
  if (!g_file_get_contents (path, (char **) &data, &length, NULL) || length <= 24)
    {
      g_test_fail_printf ("%s is no PNG", path);
      return;
    }
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  *width = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *height = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
}

static void
check_png (const char *path, guint width, guint height)
{
  guint w, h;

  read_png_size (path, &w, &h);
  g_assert_cmpuint (w, ==, width);
  g_assert_cmpuint (h, ==, height);
}

static void
check_svg (const char *path, const AtlasScene *scene)
{
  static const GMarkupParser parser = { 0 };
  g_autofree char *svg = read_file (path);
  g_autofree char *escaped = g_markup_escape_text (scene->title, -1);
  g_autofree char *title = g_strdup_printf ("<title>%s</title>", escaped);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  const char *xmllint_args[] = { "--noout", path, NULL };
  g_autofree char *xmllint = NULL;

  g_assert_true (g_markup_parse_context_parse (context, svg, -1, &error) &&
                 g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  xmllint = tool_output ("xmllint", xmllint_args);
  g_assert_nonnull (strstr (svg, title));
  g_assert_nonnull (strstr (svg, "width=\"1600pt\""));
}

/* The value of "Field:   value" in pdfinfo's output, spaces normalized. */
static char *
pdfinfo_field (const char *info, const char *field)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], field) && lines[i][strlen (field)] == ':')
      return normalize_space (lines[i] + strlen (field) + 1);
  return g_strdup ("");
}

static void
check_pdf_pages (const char *path, guint pages, const char *page_size)
{
  const char *args[] = { path, NULL };
  g_autofree char *info = tool_output ("pdfinfo", args);
  g_autofree char *expected = g_strdup_printf ("%u", pages);
  g_autofree char *got_pages = NULL;
  g_autofree char *got_size = NULL;

  if (info == NULL)
    return;
  got_pages = pdfinfo_field (info, "Pages");
  got_size = pdfinfo_field (info, "Page size");
  if (!g_str_equal (got_pages, expected) || !g_str_equal (got_size, page_size))
    g_test_fail_printf ("expected %u pages of %s: %s", pages, page_size, info);
}

/* cairo keeps PDF text as text: the title must be found by extraction. */
static void
check_pdf_has_text (const char *path, const char *text)
{
  const char *args[] = { path, "-", NULL };
  g_autofree char *extracted = tool_output ("pdftotext", args);
  g_autofree char *haystack = NULL;
  g_autofree char *needle = NULL;

  if (extracted == NULL)
    return;
  haystack = normalize_space (extracted);
  needle = normalize_space (text);
  if (strstr (haystack, needle) == NULL)
    g_test_fail_printf ("“%s” is not in the PDF's text: %s", needle, haystack);
}

/* RFC 4180 records, enough to count fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        g_ptr_array_add (record, g_string_free (g_steal_pointer (&field), FALSE)),
        field = g_string_new (NULL);
      else if (*p == '\r' && p[1] == '\n')
        {
          p++;
          g_ptr_array_add (record, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (field, *p);
    }
  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (record->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (record);
  return records;
}

/* A number field as a spreadsheet in any locale reads it: empty, or a
 * plain decimal ("-5", "44000000", "48.41") that C reads to its end.  A
 * grouped "44,000,000" or a "48.41 %" stops short and fails. */
static void
assert_plain_number_field (const char *field, const char *header)
{
  char *end = NULL;

  if (*field == '\0')
    return;
  g_ascii_strtod (field, &end);
  if (end == field || *end != '\0' || strspn (field, "-0123456789.") != strlen (field))
    g_test_fail_printf ("column \"%s\": \"%s\" is not a plain number", header, field);
}

/* Every number column of a CSV file holds plain numbers; returns how many
 * number columns @table has. */
static guint
check_csv_numbers (GPtrArray *records, const AtlasTable *table)
{
  GPtrArray *header = g_ptr_array_index (records, 0);
  guint n_numeric = 0;

  for (guint j = 0; j < header->len; j++)
    {
      if (atlas_table_get_column_kind (table, j) == ATLAS_TABLE_COLUMN_TEXT)
        continue;
      n_numeric++;
      for (guint i = 1; i < records->len; i++)
        {
          GPtrArray *record = g_ptr_array_index (records, i);

          assert_plain_number_field (g_ptr_array_index (record, j), g_ptr_array_index (header, j));
        }
    }
  return n_numeric;
}

static void
check_csv (const char *path, AtlasDataset *dataset, const AtlasChartOptions *options)
{
  g_autofree char *csv = read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasTable) table = atlas_chart_table (dataset, options, &error);
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *header;
  g_autofree char *last = NULL;

  if (table == NULL)
    {
      g_test_fail_printf ("the engine has no table: %s", error->message);
      return;
    }
  expected = atlas_table_to_csv (table);
  g_assert_cmpstr (csv, ==, expected);

  records = parse_csv (csv);
  if (records->len != table->rows->len + 1)
    {
      g_test_fail_printf ("%u records for %u rows", records->len, table->rows->len);
      return;
    }
  header = g_ptr_array_index (records, 0);
  g_assert_cmpuint (header->len, ==, table->columns->len);
  for (guint i = 1; i < records->len; i++)
    {
      GPtrArray *record = g_ptr_array_index (records, i);
      GPtrArray *row = g_ptr_array_index (table->rows, i - 1);

      if (record->len != header->len)
        {
          g_test_fail_printf ("record %u has %u fields, the header %u", i, record->len, header->len);
          return;
        }
      /* Values survive quoting: each field reads back as the engine's cell
       * (or as the cell with its formula-defusing quote). */
      for (guint j = 0; j < record->len; j++)
        {
          const char *got = g_ptr_array_index (record, j);
          const char *cell = g_ptr_array_index (row, j);

          g_assert_true (g_str_equal (got, cell) || (got[0] == '\'' && g_str_equal (got + 1, cell)));
        }
    }
  check_csv_numbers (records, table);
  /* The last column is always the sources. */
  last = g_ascii_strdown (g_ptr_array_index (header, header->len - 1), -1);
  g_assert_nonnull (strstr (last, "source"));
}

/* The scene as data: the same view, size, texts in drawing order with
 * their roles and boxes, and for flows the layout's own nodes and links. */
static void
check_scene_json (const char *path, const AtlasScene *scene)
{
  g_autofree char *json = read_file (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) flows = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_flows = atlas_sankey_scene_to_json (scene);
  JsonObject *root;
  JsonArray *texts;
  guint t = 0;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "view"), ==, scene->klass->name);
  g_assert_cmpfloat (json_object_get_double_member (root, "width"), ==, scene->width);
  g_assert_cmpfloat (json_object_get_double_member (root, "height"), ==, scene->height);
  texts = json_object_get_array_member (root, "texts");
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);
      JsonObject *text;

      if (shape->kind != ATLAS_SHAPE_TEXT)
        continue;
      g_assert_cmpuint (t, <, json_array_get_length (texts));
      text = json_array_get_object_element (texts, t++);
      g_assert_cmpstr (json_object_get_string_member (text, "text"), ==, shape->text);
      g_assert_cmpstr (json_object_get_string_member (text, "role"), ==, atlas_text_role_to_string (shape->role));
      g_assert_cmpfloat (fabs (json_object_get_double_member (text, "x") - shape->bounds.x), <=, 0.01);
      g_assert_cmpfloat (fabs (json_object_get_double_member (text, "font_size") - shape->font_size), <=, 0.01);
    }
  g_assert_cmpuint (t, ==, json_array_get_length (texts));
  g_assert_true (json_object_has_member (root, "marks"));
  if (expected_flows != NULL)
    {
      g_autoptr(JsonGenerator) a = json_generator_new (), b = json_generator_new ();
      g_autofree char *nodes = NULL, *expected_nodes = NULL;

      json_parser_load_from_data (flows, expected_flows, -1, &error);
      g_assert_no_error (error);
      json_generator_set_root (a, json_object_get_member (root, "nodes"));
      json_generator_set_root (b, json_object_get_member (json_node_get_object (json_parser_get_root (flows)), "nodes"));
      nodes = json_generator_to_data (a, NULL);
      expected_nodes = json_generator_to_data (b, NULL);
      g_assert_cmpstr (nodes, ==, expected_nodes);
    }
}

/* ---- every view in every format ---------------------------------------- */

typedef struct {
  const TestDataset *dataset;
  AtlasView          view;
  AtlasExportFormat  format;
} ExportCase;

static void
test_export_view (gconstpointer data)
{
  const ExportCase *c = data;
  const char *view = atlas_view_to_string (c->view);
  const char *extension = atlas_export_format_to_extension (c->format);
  g_autofree char *name = g_strdup_printf ("%s-%s.%s", c->dataset->name, view, extension);
  g_autofree char *output = work_path (name);
  g_autofree char *export_arg = g_strdup_printf ("--export=%s", view);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *args[] = { export_arg, output_arg, c->dataset->path, NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(AtlasScene) scene = NULL;
  AtlasChartOptions options;

  if (c->dataset->dataset == NULL)
    {
      g_test_skip ("dataset not present yet");
      return;
    }
  run_args (&run, args);
  if (run.status != EXIT_OK)
    {
      g_test_fail_printf ("exit %d: %s", run.status, run.err);
      return;
    }
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));

  atlas_chart_options_init (&options, c->view);
  switch (c->format)
    {
    case ATLAS_EXPORT_PNG:
      check_png (output, 1600, 900);
      break;
    case ATLAS_EXPORT_SVG:
      scene = engine_scene (c->dataset->dataset, &options, 1600, 900);
      if (scene != NULL)
        check_svg (output, scene);
      break;
    case ATLAS_EXPORT_PDF:
      scene = engine_scene (c->dataset->dataset, &options, 1600, 900);
      check_pdf_pages (output, 1, "1600 x 900 pts");
      if (scene != NULL)
        check_pdf_has_text (output, scene->title);
      break;
    case ATLAS_EXPORT_CSV:
      check_csv (output, c->dataset->dataset, &options);
      break;
    case ATLAS_EXPORT_JSON:
      scene = engine_scene (c->dataset->dataset, &options, 1600, 900);
      if (scene != NULL)
        check_scene_json (output, scene);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_false (folder_has_temporary_files (work_dir));
}

static void
add_export_tests (void)
{
  const AtlasView views[] = { ATLAS_VIEW_FLOWS, ATLAS_VIEW_PRICES, ATLAS_VIEW_SHARES, ATLAS_VIEW_TIMELINE };
  const AtlasExportFormat formats[] = { ATLAS_EXPORT_PNG, ATLAS_EXPORT_SVG, ATLAS_EXPORT_PDF,
                                        ATLAS_EXPORT_CSV, ATLAS_EXPORT_JSON };

  for (guint d = 0; d < G_N_ELEMENTS (datasets); d++)
    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          ExportCase *c;
          g_autofree char *path = NULL;

          c = g_new0 (ExportCase, 1);
          c->dataset = &datasets[d];
          c->view = views[v];
          c->format = formats[f];
          path = g_strdup_printf ("/cli/export/%s/%s/%s", datasets[d].name,
                                  atlas_view_to_string (views[v]),
                                  atlas_export_format_to_extension (formats[f]));
          g_test_add_data_func_full (path, c, test_export_view, g_free);
        }
}

/* ---- options that change the picture ----------------------------------- */

static void
test_png_size_and_scale (void)
{
  g_autofree char *output = work_path ("scaled.png");
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *args[] = { small_dataset, "--export=shares", output_arg, "--size=800x450", "--scale=1.5", NULL };
  const char *args2[] = { small_dataset, "--export=shares", output_arg, "--size=640X360", "--scale=2", NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };

  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  check_png (output, 1200, 675);
  run_args (&run2, args2);
  g_assert_cmpint (run2.status, ==, EXIT_OK);
  check_png (output, 1280, 720);
}

static void
test_dark_theme (void)
{
  g_autofree char *output = work_path ("dark.png");
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *args[] = { small_dataset, "--export=shares", output_arg, "--theme=dark", "--size=320x180", NULL };
  g_auto(Run) run = { 0 };
  cairo_surface_t *surface;
  guint32 corner;

  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  surface = cairo_image_surface_create_from_png (output);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_test_fail_printf ("%s: %s", output, cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return;
    }
  cairo_surface_flush (surface);
  corner = *(guint32 *) cairo_image_surface_get_data (surface);
  /* The background in the top-left corner is dark: each channel low. */
  g_assert_cmpuint ((corner >> 16) & 0xff, <, 0x40);
  g_assert_cmpuint ((corner >> 8) & 0xff, <, 0x40);
  g_assert_cmpuint (corner & 0xff, <, 0x40);
  cairo_surface_destroy (surface);
}

/* The title's type size in the scene JSON of @args' export. */
static double
exported_title_size (const char * const *args, const char *output)
{
  g_auto(Run) run = { 0 };
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *texts;

  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  json = read_file (output);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  texts = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "texts");
  for (guint i = 0; i < json_array_get_length (texts); i++)
    {
      JsonObject *text = json_array_get_object_element (texts, i);

      if (g_str_equal (json_object_get_string_member (text, "role"), "title"))
        return json_object_get_double_member (text, "font_size");
    }
  g_test_fail_printf ("%s: no title", output);
  return 0.0;
}

/* --font-scale makes the text larger, nothing else: without it an export
 * keeps the figure's own proportions. */
static void
test_font_scale (void)
{
  g_autofree char *output = work_path ("font-scale.json");
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *plain[] = { small_dataset, "--export=shares", output_arg, "--size=1600x900", NULL };
  const char *larger[] = { small_dataset, "--export=shares", output_arg, "--size=1600x900", "--font-scale=1.5", NULL };
  double plain_size = exported_title_size (plain, output);
  double larger_size = exported_title_size (larger, output);

  g_assert_cmpfloat (plain_size, >, 10.0);
  g_assert_cmpfloat (fabs (larger_size - plain_size * 1.5), <, 0.01);
}

static void
test_language (void)
{
  g_autofree char *output = work_path ("zh.svg");
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *args[] = { small_dataset, "--export=shares", output_arg, "--lang=zh", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(AtlasScene) scene = NULL;
  AtlasChartOptions options;

  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  atlas_chart_options_init (&options, ATLAS_VIEW_SHARES);
  options.lang = "zh";
  /* The chart's own words and punctuation in Chinese too, as the program
   * has them with --lang=zh; then back to English for the other tests
   * and the programs they start. */
  setlocale (LC_ALL, "");
  atlas_i18n_init ();
  atlas_i18n_set_language ("zh");
  scene = engine_scene (datasets[2].dataset, &options, 1600, 900);
  atlas_i18n_set_language ("en");
  g_unsetenv ("LANGUAGE");
  if (scene != NULL)
    check_svg (output, scene);
}

/* Each view's CSV of the bundled dataset, in each language, has its
 * numbers plain and its units in the headers: what a spreadsheet outside
 * English locales can read.  The number columns are counted, so that a
 * column turned back into formatted text is caught too. */
static void
test_csv_numbers (gconstpointer data)
{
  const char *lang = data;
  static const struct { AtlasView view; guint n_numeric; } views[] = {
    { ATLAS_VIEW_FLOWS, 2 },     /* value, share of the source's outflow */
    { ATLAS_VIEW_PRICES, 3 },    /* value, low, high */
    { ATLAS_VIEW_SHARES, 2 },    /* value, share of the whole */
    { ATLAS_VIEW_TIMELINE, 0 },
  };
  g_autofree char *lang_arg = g_strdup_printf ("--lang=%s", lang);

  if (datasets[0].dataset == NULL)
    {
      g_test_skip ("dataset not present yet");
      return;
    }
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      const char *view = atlas_view_to_string (views[v].view);
      g_autofree char *name = g_strdup_printf ("numbers-%s-%s.csv", lang, view);
      g_autofree char *output = work_path (name);
      g_autofree char *export_arg = g_strdup_printf ("--export=%s", view);
      g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
      const char *args[] = { export_arg, output_arg, lang_arg, NULL };
      g_auto(Run) run = { 0 };
      g_autoptr(AtlasTable) table = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *csv = NULL;
      g_autofree char *expected = NULL;
      AtlasChartOptions options;
      GPtrArray *header;

      run_args (&run, args);
      g_assert_cmpint (run.status, ==, EXIT_OK);
      csv = read_file (output);

      /* The engine's table in the same language, for its column kinds and
       * to check that the file is that table; then back to English for
       * the other tests, as test_language does. */
      atlas_chart_options_init (&options, views[v].view);
      options.lang = lang;
      setlocale (LC_ALL, "");
      atlas_i18n_init ();
      atlas_i18n_set_language (lang);
      table = atlas_chart_table (datasets[0].dataset, &options, &error);
      if (table != NULL)
        expected = atlas_table_to_csv (table);
      atlas_i18n_set_language ("en");
      g_unsetenv ("LANGUAGE");
      g_assert_no_error (error);
      g_assert_cmpstr (csv, ==, expected);

      records = parse_csv (csv);
      g_assert_cmpuint (records->len, >, 1);
      g_assert_cmpuint (check_csv_numbers (records, table), ==, views[v].n_numeric);
      /* A per cent column says so in its header, in either language. */
      header = g_ptr_array_index (records, 0);
      for (guint j = 0; j < header->len; j++)
        if (atlas_table_get_column_kind (table, j) == ATLAS_TABLE_COLUMN_PERCENT)
          g_assert_nonnull (strstr (g_ptr_array_index (header, j), "%"));
      /* The sources column names the flows' publisher (USGS, for the
       * mines) in the export's language, as it does the titles. */
      if (views[v].view == ATLAS_VIEW_FLOWS)
        {
          gboolean zh = g_str_equal (lang, "zh");

          g_assert_nonnull (strstr (csv, zh ? "美国地质调查局" : "U.S. Geological Survey"));
          g_assert_null (strstr (csv, zh ? "U.S. Geological Survey" : "美国地质调查局"));
        }
    }
}

static void
test_view_options (void)
{
  const char *cases[][6] = {
    { "--export=flows", "--chain=chain", "--select=mine:CN", NULL },
    { "--export=prices", "--series=dy", "--from=2020", "--to=2025-12", "--log", NULL },
    { "--export=prices", "--indexed=2021", "--unit=t", NULL },
    { "--export=shares", "--select=mining", NULL },
    { "--export=timeline", "--kinds=policy,market", "--from=2024", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *output = work_path ("options.png");
      g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(Run) run = { 0 };

      g_ptr_array_add (args, small_dataset);
      g_ptr_array_add (args, output_arg);
      for (guint j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (args, (char *) cases[i][j]);
      g_ptr_array_add (args, NULL);
      run_args (&run, (const char * const *) args->pdata);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, EXIT_OK);
      check_png (output, 1600, 900);
    }
}

/* ---- briefings ---------------------------------------------------------- */

/* The pages a default deck has: one per view the dataset can draw. */
static guint
default_deck_pages (AtlasDataset *dataset)
{
  guint pages = 0;

  for (AtlasView view = 0; view < ATLAS_VIEW_N_VIEWS; view++)
    {
      g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
      g_autoptr(AtlasScene) scene = NULL;
      AtlasChartOptions options;

      atlas_chart_options_init (&options, view);
      scene = atlas_chart_layout (dataset, &options, 1600, 600, style, NULL);
      pages += scene != NULL;
    }
  return pages;
}

static void
check_briefing (const TestDataset *dataset, const char *briefing_id, guint expected_pages)
{
  g_autofree char *name = g_strdup_printf ("%s-briefing.pdf", dataset->name);
  g_autofree char *output = work_path (name);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  g_autofree char *briefing_arg = briefing_id != NULL ? g_strdup_printf ("--briefing=%s", briefing_id) : NULL;
  const char *args[] = { "--export=briefing", output_arg,
                         briefing_arg != NULL ? briefing_arg : "--size=1600x900",
                         dataset->path, NULL };
  g_auto(Run) run = { 0 };

  run_args (&run, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, EXIT_OK);
  check_pdf_pages (output, expected_pages, "1600 x 900 pts");
}

static void
test_briefing_of_dataset (gconstpointer data)
{
  const TestDataset *dataset = data;
  GPtrArray *briefings;
  const AtlasBriefing *briefing;

  if (dataset->dataset == NULL)
    {
      g_test_skip ("dataset not present yet");
      return;
    }
  briefings = atlas_dataset_get_briefings (dataset->dataset);
  if (briefings->len == 0)
    {
      check_briefing (dataset, NULL, default_deck_pages (dataset->dataset));
      return;
    }
  briefing = g_ptr_array_index (briefings, 0);
  check_briefing (dataset, briefing->id, briefing->slides->len);
  /* With a single briefing, it is the one written without --briefing. */
  if (briefings->len == 1)
    check_briefing (dataset, NULL, briefing->slides->len);
}

/* A slide's title heads its page, so it can be found in the PDF's text. */
static void
test_briefing_slide_titles (void)
{
  const TestDataset *dataset = &datasets[0];
  g_autofree char *output = work_path ("titles.pdf");
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *args[] = { "--export=briefing", output_arg, NULL };
  g_auto(Run) run = { 0 };
  const AtlasBriefing *briefing;

  if (dataset->dataset == NULL || atlas_dataset_get_briefings (dataset->dataset)->len != 1)
    {
      g_test_skip ("needs the bundled dataset with one briefing");
      return;
    }
  briefing = g_ptr_array_index (atlas_dataset_get_briefings (dataset->dataset), 0);
  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  for (guint i = 0; i < briefing->slides->len; i++)
    {
      const AtlasSlide *slide = g_ptr_array_index (briefing->slides, i);

      if (slide->title != NULL)
        check_pdf_has_text (output, atlas_text_get (slide->title, NULL));
    }
}

/* ---- check, version, help ---------------------------------------------- */

static void
test_version (void)
{
  const char *args[] = { "--version", NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *expected = g_strdup_printf ("rare-earth-atlas %s\n", PACKAGE_VERSION);

  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_help (void)
{
  const char *args[] = { "--help", NULL };
  const char *options[] = { "--export", "--output", "--size", "--scale", "--theme", "--lang",
                            "--chain", "--series", "--group", "--from", "--to", "--log",
                            "--indexed", "--currency", "--unit", "--select", "--kinds",
                            "--briefing", "--check", "--version", "--view", "--present",
                            "--quit-after-first-frame", "Examples", "Exit status" };
  g_auto(Run) run = { 0 };

  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (strstr (run.out, options[i]) == NULL)
      g_test_fail_printf ("--help does not mention %s", options[i]);
}

static void
test_check_good (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    {
      const char *args[] = { "--check", datasets[i].path, NULL };
      g_auto(Run) run = { 0 };

      if (datasets[i].dataset == NULL)
        continue;
      run_args (&run, args);
      g_assert_cmpint (run.status, ==, EXIT_OK);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpuint (strlen (run.out), >, 0);
    }
}

static void
test_check_bad (void)
{
  const char *args[] = { "--check", bad_dataset, NULL };
  g_autofree char *never = work_path ("never.png");
  g_autofree char *never_arg = g_strdup_printf ("--output=%s", never);
  const char *export_args[] = { bad_dataset, "--export=shares", never_arg, NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) export_run = { 0 };
  g_auto(GStrv) lines = NULL;
  guint n_lines = 0;

  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_DATASET);
  /* Every problem, one per line, each naming the file. */
  lines = g_strsplit (run.err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_assert_nonnull (strstr (lines[i], "bad.json"));
      n_lines++;
    }
  g_assert_cmpuint (n_lines, >=, 2);

  /* Exporting from it fails the same way, and writes nothing. */
  run_args (&export_run, export_args);
  g_assert_cmpint (export_run.status, ==, EXIT_DATASET);
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
}

static void
test_check_unreadable (void)
{
  g_autofree char *missing = work_path ("no-such-dataset.json");
  const char *args[] = { "--check", missing, NULL };
  g_auto(Run) run = { 0 };

  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_DATASET);
  g_assert_nonnull (strstr (run.err, "no-such-dataset.json"));
}

/* ---- bad command lines --------------------------------------------------- */

typedef struct {
  const char *name;
  const char *args[8];
  const char *in_stderr;    /* the option or id the message must name */
} UsageCase;

/* "@small" is the test's dataset; "@out.EXT" a file in the work folder. */
static const UsageCase usage_cases[] = {
  { "unknown-view", { "@small", "--export=maps", "--output=@out.png" }, "--export" },
  { "no-output", { "@small", "--export=shares" }, "--output" },
  { "unknown-extension", { "@small", "--export=shares", "--output=@out.gif" }, "--output" },
  { "json-not-briefing", { "@small", "--export=briefing", "--output=@out.json" }, "--output" },
  { "briefing-not-pdf", { "@small", "--export=briefing", "--output=@out.png" }, "--output" },
  { "size-small", { "@small", "--export=shares", "--output=@out.png", "--size=10x10" }, "--size" },
  { "size-large", { "@small", "--export=shares", "--output=@out.png", "--size=20001x900" }, "--size" },
  { "size-garbled", { "@small", "--export=shares", "--output=@out.png", "--size=1600by900" }, "--size" },
  { "size-half", { "@small", "--export=shares", "--output=@out.png", "--size=1600x" }, "--size" },
  { "scale-large", { "@small", "--export=shares", "--output=@out.png", "--scale=9" }, "--scale" },
  /* An empty list is not the default list; numbers are decimal. */
  { "series-empty", { "@small", "--export=prices", "--output=@out.csv", "--series=" }, "an empty item" },
  { "scale-hex", { "@small", "--export=shares", "--output=@out.png", "--scale=0x2" }, "--scale=0x2" },
  { "scale-inf", { "@small", "--export=shares", "--output=@out.png", "--scale=infinity" }, "--scale" },
  /* Each side fits, the area does not: 4.2 GB of pixels, then 1.07 GB. */
  { "area-large", { "@small", "--export=shares", "--output=@out.png", "--size=20000x20000", "--scale=1.638" },
    "million pixels in all" },
  { "area-just-over", { "@small", "--export=shares", "--output=@out.png", "--size=16400x16400" },
    "million pixels in all" },
  { "scale-small", { "@small", "--export=shares", "--output=@out.png", "--scale=0.5" }, "--scale" },
  { "scale-text", { "@small", "--export=shares", "--output=@out.png", "--scale=two" }, "--scale" },
  { "scale-svg", { "@small", "--export=shares", "--output=@out.svg", "--scale=2" }, "--scale" },
  { "font-scale-large", { "@small", "--export=shares", "--output=@out.png", "--font-scale=4" }, "--font-scale" },
  { "font-scale-text", { "@small", "--export=shares", "--output=@out.svg", "--font-scale=big" }, "--font-scale" },
  { "theme", { "@small", "--export=shares", "--output=@out.png", "--theme=purple" }, "--theme" },
  { "lang", { "@small", "--export=shares", "--output=@out.png", "--lang=fr" }, "--lang" },
  { "unit", { "@small", "--export=prices", "--output=@out.png", "--unit=oz" }, "--unit" },
  { "currency", { "@small", "--export=prices", "--output=@out.png", "--currency=dollars" }, "--currency" },
  { "date", { "@small", "--export=prices", "--output=@out.png", "--from=2023-02-29" }, "--from" },
  { "date-order", { "@small", "--export=prices", "--output=@out.png", "--from=2025", "--to=2020" }, "--to" },
  { "indexed-date", { "@small", "--export=prices", "--output=@out.png", "--indexed=soon" }, "--indexed" },
  { "kind", { "@small", "--export=timeline", "--output=@out.png", "--kinds=policy,gossip" }, "gossip" },
  { "empty-list", { "@small", "--export=prices", "--output=@out.png", "--series=dy,,tb" }, "--series" },
  { "option-for-other-view", { "@small", "--export=prices", "--output=@out.png", "--chain=chain" }, "--chain" },
  { "briefing-option", { "@small", "--export=shares", "--output=@out.png", "--briefing=x" }, "--briefing" },
  { "unknown-chain", { "@small", "--export=flows", "--output=@out.png", "--chain=nowhere" }, "nowhere" },
  { "unknown-series", { "@small", "--export=prices", "--output=@out.png", "--series=dy,unobtainium" }, "unobtainium" },
  { "unknown-group", { "@small", "--export=shares", "--output=@out.png", "--group=nogroup" }, "nogroup" },
  { "unknown-select", { "@small", "--export=shares", "--output=@out.png", "--select=nothing-here" }, "nothing-here" },
  { "unknown-briefing", { "@small", "--export=briefing", "--output=@out.pdf", "--briefing=nobrief" }, "nobrief" },
  { "unknown-option", { "@small", "--export=shares", "--output=@out.png", "--colour=red" }, "--colour" },
  { "missing-value", { "@small", "--export" }, "--export" },
  { "two-datasets", { "@small", "@small", "--export=shares", "--output=@out.png" }, "DATASET" },
  { "check-and-export", { "--check", "--export=shares", "--output=@out.png" }, "--check" },
  { "output-without-export", { "@small", "--output=@out.png" }, "--output" },
  { "window-option-with-export", { "@small", "--export=shares", "--output=@out.png", "--present" }, "--present" },
  { "window-unknown-view", { "@small", "--view=maps" }, "--view" },
  { "window-briefing-without-present", { "@small", "--briefing=x" }, "--present" },
  { "window-present-with-export-option", { "@small", "--present", "--briefing=x", "--theme=dark" }, "--theme" },
};

static char *
expand_argument (const char *arg, const char *out_base)
{
  const char *at = strchr (arg, '@');

  if (g_str_equal (arg, "@small"))
    return g_strdup (small_dataset);
  if (at != NULL && g_str_has_prefix (at, "@out"))
    return g_strdup_printf ("%.*s%s%s", (int) (at - arg), arg, out_base, at + 4);
  return g_strdup (arg);
}

static void
test_usage_error (gconstpointer data)
{
  const UsageCase *c = data;
  g_autofree char *out_base = work_path ("usage-output");
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_auto(Run) run = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (c->args) && c->args[i] != NULL; i++)
    g_ptr_array_add (args, expand_argument (c->args[i], out_base));
  g_ptr_array_add (args, NULL);
  run_args (&run, (const char * const *) args->pdata);

  g_assert_cmpint (run.status, ==, EXIT_USAGE);
  g_assert_cmpstr (run.out, ==, "");
  if (strstr (run.err, c->in_stderr) == NULL)
    g_test_fail_printf ("the message does not name “%s”: %s", c->in_stderr, run.err);
  g_assert_nonnull (strstr (run.err, "--help"));
  g_assert_false (folder_has_temporary_files (work_dir));
  {
    g_autofree char *png = g_strconcat (out_base, ".png", NULL);

    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  }
}

/* ---- what an export loads ------------------------------------------------ */

/* Exporting and checking must not load GTK (the window module holds it):
 * the dynamic loader's own log of the files it opens says whether it did. */
static void
test_export_loads_no_gtk (void)
{
  g_autofree char *output = work_path ("no-gtk.png");
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *export_args[] = { small_dataset, "--export=flows", output_arg, NULL };
  const char *check_args[] = { "--check", small_dataset, NULL };
  const char *env[] = { "LD_DEBUG", "files", NULL };
  const char * const *cases[] = { export_args, check_args };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_with (&run, FALSE, env, cases[i]);
      g_assert_cmpint (run.status, ==, EXIT_OK);
      /* The log is there (so its silence about GTK means something)... */
      g_assert_nonnull (strstr (run.err, "file=libglib-2.0.so"));
      /* ...and names neither GTK nor the window module. */
      g_assert_null (strstr (run.err, "libgtk-4.so"));
      g_assert_null (strstr (run.err, "atlas-window.so"));
    }
}

/* Without its window module the program still says what is wrong, and
 * which file, instead of crashing; exporting goes on working. */
static void
test_window_module_missing (void)
{
  g_autofree char *module = work_path ("no-such-dir/atlas-window.so");
  const char *env[] = { "ATLAS_WINDOW_MODULE", module, NULL };
  const char *window_args[] = { small_dataset, NULL };
  g_autofree char *output = work_path ("without-module.svg");
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *export_args[] = { small_dataset, "--export=shares", output_arg, NULL };
  g_auto(Run) window = { 0 };
  g_auto(Run) export = { 0 };

  run_with (&window, FALSE, env, window_args);
  g_assert_cmpint (window.status, ==, EXIT_WINDOW);
  g_assert_nonnull (strstr (window.err, "cannot open the window"));
  g_assert_nonnull (strstr (window.err, module));

  run_with (&export, FALSE, env, export_args);
  g_assert_cmpint (export.status, ==, EXIT_OK);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
}

/* ---- files that cannot be written ---------------------------------------- */

static void
test_output_missing_folder (void)
{
  g_autofree char *output = g_build_filename (work_dir, "no-such-folder", "out.png", NULL);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *args[] = { small_dataset, "--export=shares", output_arg, NULL };
  g_autofree char *folder = g_path_get_dirname (output);
  g_autofree char *expected = g_strdup_printf ("rare-earth-atlas: Cannot write “%s”: the folder “%s” does not exist\n",
                                               output, folder);
  g_auto(Run) run = { 0 };

  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_WRITE);
  /* The whole message: the file, and that its folder is what is missing. */
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_false (folder_has_temporary_files (work_dir));
}

static void
test_output_parent_is_a_file (void)
{
  g_autofree char *parent = work_path ("plain-file");
  g_autofree char *output = g_build_filename (parent, "out.pdf", NULL);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *args[] = { small_dataset, "--export=shares", output_arg, NULL };
  g_auto(Run) run = { 0 };

  g_autofree char *expected = g_strdup_printf ("“%s” is a file, not a folder", parent);

  g_assert_true (g_file_set_contents (parent, "plain", -1, NULL));
  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_WRITE);
  g_assert_nonnull (strstr (run.err, output));
  /* It names what is in the way, not "Not a directory". */
  g_assert_nonnull (strstr (run.err, expected));
}

static void
test_output_read_only_folder (void)
{
  g_autofree char *folder = work_path ("read-only");
  g_autofree char *output = g_build_filename (folder, "out.csv", NULL);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *args[] = { small_dataset, "--export=shares", output_arg, NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores folder permissions; the disk-full test covers a failed write");
      return;
    }
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (output, "old", -1, NULL));
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  run_args (&run, args);
  g_chmod (folder, 0700);
  g_assert_cmpint (run.status, ==, EXIT_WRITE);
  g_assert_nonnull (strstr (run.err, output));
  text = read_file (output);
  g_assert_cmpstr (text, ==, "old");
  g_assert_false (folder_has_temporary_files (folder));
}

/* An existing file survives a failed write (here: the disk fills up midway)
 * and a failure before writing (an unknown id), byte for byte. */
static void
test_output_survives_failure (void)
{
  g_autofree char *folder = work_path ("survivor");
  g_autofree char *old = g_strnfill (100, 'o');
  const char *formats[] = { "png", "svg", "pdf", "csv" };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("chart.%s", formats[i]);
      g_autofree char *output = g_build_filename (folder, name, NULL);
      g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
      const char *full_args[] = { small_dataset, "--export=timeline", output_arg, "--size=3000x2000", NULL };
      const char *bad_id_args[] = { small_dataset, "--export=timeline", output_arg, "--select=nobody", NULL };
      g_auto(Run) full = { 0 };
      g_auto(Run) bad_id = { 0 };
      g_autofree char *after_full = NULL;
      g_autofree char *after_bad_id = NULL;

      g_assert_true (g_file_set_contents (output, old, -1, NULL));
      /* CSV has no size: a dataset whose table passes 512 bytes would be
       * needed; the other three are always larger. */
      if (!g_str_equal (formats[i], "csv"))
        {
          run_with (&full, TRUE, NULL, full_args);
          g_assert_cmpint (full.status, ==, EXIT_WRITE);
          g_assert_nonnull (strstr (full.err, output));
          after_full = read_file (output);
          g_assert_cmpstr (after_full, ==, old);
          g_assert_false (folder_has_temporary_files (folder));
        }

      run_args (&bad_id, bad_id_args);
      g_assert_cmpint (bad_id.status, ==, EXIT_USAGE);
      after_bad_id = read_file (output);
      g_assert_cmpstr (after_bad_id, ==, old);
      g_assert_false (folder_has_temporary_files (folder));
    }
}

/* Exporting replaces an existing file and keeps its permissions. */
static void
test_output_replaces (void)
{
  g_autofree char *output = work_path ("replace.csv");
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  const char *args[] = { small_dataset, "--export=shares", output_arg, NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (output, "old", -1, NULL));
  g_assert_cmpint (g_chmod (output, 0604), ==, 0);
  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  text = read_file (output);
  g_assert_cmpstr (text, !=, "old");
  g_assert_cmpint (g_stat (output, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0604);
}

/* ---- outputs that are no regular file, long names, signals, inputs ---- */

static gpointer
read_fifo (gpointer path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* A device or a FIFO, named directly or through a symlink, is written to,
 * never replaced by a plain file; a full device is a failure (exit 3). */
static void
test_output_not_regular (void)
{
  g_autofree char *full = work_path ("full.png");
  g_autofree char *full_arg = g_strdup_printf ("--output=%s", full);
  g_autofree char *fifo = work_path ("fifo.svg");
  g_autofree char *fifo_arg = g_strdup_printf ("--output=%s", fifo);
  const char *full_args[] = { small_dataset, "--export=flows", full_arg, NULL };
  const char *fifo_args[] = { small_dataset, "--export=flows", fifo_arg, NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) fifo_run = { 0 };
  g_autofree char *link = NULL;
  g_autofree char *svg = NULL;
  GThread *reader;
  GStatBuf st;

  /* Root could rename over /dev/full itself if the bug came back (it did,
   * once, while this test was checked against the old code): as root the
   * device is a node of our own, the same device in the work folder. */
  {
    g_autofree char *node = work_path ("full-device");
    const char *device = "/dev/full";
    GStatBuf dev_st;

    if (geteuid () == 0)
      {
        g_assert_cmpint (g_stat ("/dev/full", &dev_st), ==, 0);
        if (mknod (node, S_IFCHR | 0666, dev_st.st_rdev) == 0)
          device = node;
        else
          device = NULL;
      }
    if (device != NULL)
      {
        g_assert_cmpint (symlink (device, full), ==, 0);
        run_args (&run, full_args);
        g_assert_cmpint (run.status, ==, EXIT_WRITE);
        g_assert_nonnull (strstr (run.err, g_strerror (ENOSPC)));
        link = g_file_read_link (full, NULL);
        g_assert_cmpstr (link, ==, device);
        g_assert_cmpint (g_stat (device, &st), ==, 0);
        g_assert_true (S_ISCHR (st.st_mode));
      }
    else
      g_test_message ("root without mknod: the full-device case is left out");
    g_unlink (node);
  }

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("fifo-reader", read_fifo, fifo);
  run_args (&fifo_run, fifo_args);
  svg = g_thread_join (reader);
  g_assert_cmpint (fifo_run.status, ==, EXIT_OK);
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_false (folder_has_temporary_files (work_dir));
  g_unlink (full);
  g_unlink (fifo);
}

/* A name of NAME_MAX bytes is legal: the temporary name beside it must
 * fit too. */
static void
test_output_longest_name (void)
{
  for (gsize length = 247; length <= 255; length += 4)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      g_autofree char *output = NULL;
      g_autofree char *output_arg = NULL;
      g_auto(Run) run = { 0 };

      while (name->len < length - strlen (".csv"))
        g_string_append (name, name->len % 3 == 0 ? "é" : "n");
      g_string_truncate (name, length - strlen (".csv"));
      /* Keep it valid UTF-8: a cut "é" becomes an "e". */
      if (!g_utf8_validate (name->str, -1, NULL))
        name->str[name->len - 1] = 'e';
      g_string_append (name, ".csv");
      g_assert_cmpuint (name->len, ==, length);
      output = work_path (name->str);
      output_arg = g_strdup_printf ("--output=%s", output);
      {
        const char *args[] = { small_dataset, "--export=shares", output_arg, NULL };

        run_args (&run, args);
      }
      g_assert_cmpint (run.status, ==, EXIT_OK);
      g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
      g_assert_false (folder_has_temporary_files (work_dir));
      g_unlink (output);
    }
}

/* SIGINT, SIGTERM and SIGHUP during an export end it without leaving the
 * temporary file behind. */
/* One export interrupted by @signal once its temporary file exists; FALSE
 * when the export was done before the signal could reach it (a fast or a
 * very loaded moment), to be tried again. */
static gboolean
interrupt_export (int signal_number, const char *folder, const char *output)
{
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  /* Big enough that drawing and compressing it takes a while (a second or
   * so; the temporary file is there from the start). */
  const char *argv[] = { binary, small_dataset, "--export=flows", output_arg, "--size=8000x8000", NULL };
  g_auto(GStrv) envp = environment_without_display ();
  g_autoptr(GError) error = NULL;
  GPid pid;
  int wait_status = 0;
  gboolean seen = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  /* Wait for the temporary file, then interrupt. */
  for (guint tries = 0; tries < 20000 && !seen; tries++)
    {
      seen = folder_has_temporary_files (folder);
      if (!seen && waitpid (pid, &wait_status, WNOHANG) == pid)
        {
          g_spawn_close_pid (pid);
          return FALSE;
        }
      if (!seen)
        g_usleep (1000);
    }
  g_assert_true (seen);
  g_assert_cmpint (kill (pid, signal_number), ==, 0);
  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_test_message ("signal %d: %s %d", signal_number, WIFSIGNALED (wait_status) ? "killed by" : "exit",
                  WIFSIGNALED (wait_status) ? WTERMSIG (wait_status) : WEXITSTATUS (wait_status));
  if (!WIFSIGNALED (wait_status) && WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0)
    return FALSE;
  g_assert_true (WIFSIGNALED (wait_status));
  g_assert_cmpint (WTERMSIG (wait_status), ==, signal_number);
  g_assert_false (folder_has_temporary_files (folder));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  return TRUE;
}

static void
test_output_signal_cleans_up (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autofree char *folder = work_path ("signalled");
      g_autofree char *output = g_build_filename (folder, "big.png", NULL);
      gboolean interrupted = FALSE;

      /* A finished export proves nothing either way: try again. */
      for (guint attempt = 0; attempt < 5 && !interrupted; attempt++)
        {
          interrupted = interrupt_export (signals[i], folder, output);
          remove_tree (folder);
        }
      g_assert_true (interrupted);
    }
}

/* --output naming the dataset or one of its points_csv files, however
 * spelled, is refused (exit 2) with both names, and the input stays. */
static void
test_output_is_input (void)
{
  g_autofree char *folder = work_path ("inputs");
  g_autofree char *dataset = g_build_filename (folder, "data.json", NULL);
  g_autofree char *csv = g_build_filename (folder, "points.csv", NULL);
  g_autofree char *link = g_build_filename (folder, "link.csv", NULL);
  g_autofree char *dotted = g_build_filename (folder, "..", "inputs", "data.json", NULL);
  static const char csv_text[] = "date,value\n2024,5\n2025,6\n";
  g_autofree char *json = NULL;
  const char *outputs[2];

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  json = g_strdup (small_dataset_json);
  /* The small dataset's series, from a CSV file as well. */
  {
    const char *at = strstr (json, "\"points\": [");
    g_autofree char *head = g_strndup (json, at - json);

    g_free (json);
    json = g_strconcat (head, "\"points_csv\": \"points.csv\"}]}\n", NULL);
  }
  g_assert_true (g_file_set_contents (dataset, json, -1, NULL));
  g_assert_true (g_file_set_contents (csv, csv_text, -1, NULL));
  g_assert_cmpint (symlink ("points.csv", link), ==, 0);
  outputs[0] = dotted;
  outputs[1] = link;
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *output_arg = g_strdup_printf ("--output=%s", outputs[i]);
      const char *view = i == 0 ? "--export=flows" : "--export=prices";
      const char *args[] = { dataset, view, output_arg, NULL };
      g_auto(Run) run = { 0 };
      g_autofree char *json_after = NULL;
      g_autofree char *csv_after = NULL;

      /* Each output is valid for its view (JSON for flows, CSV for
       * prices): only the file it names is wrong. */
      run_args (&run, args);
      g_assert_cmpint (run.status, ==, EXIT_USAGE);
      g_assert_nonnull (strstr (run.err, outputs[i]));
      g_assert_nonnull (strstr (run.err, i == 0 ? dataset : csv));
      json_after = read_file (dataset);
      csv_after = read_file (csv);
      g_assert_cmpstr (json_after, ==, json);
      g_assert_cmpstr (csv_after, ==, csv_text);
    }
  remove_tree (folder);
}

/* ---- a long CSV export is streamed -------------------------------------- */

#if defined(__SANITIZE_ADDRESS__)
#define ATLAS_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATLAS_UNDER_ASAN 1
#endif
#endif

/* Half a million points to CSV: the table is written as its rows are made,
 * so the program's peak memory is its dataset's and a buffer's, not the
 * table's (some 300 MB when it was built whole first). */
static void
test_csv_streams (void)
{
  g_autofree char *folder = work_path ("stream");
  g_autofree char *dataset = g_build_filename (folder, "big.json", NULL);
  g_autofree char *csv = g_build_filename (folder, "points.csv", NULL);
  g_autofree char *output = g_build_filename (folder, "out.csv", NULL);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  g_autoptr(GString) points = g_string_new ("date,value\n");
  const char *argv[] = { binary, dataset, "--export=prices", output_arg, NULL };
  g_auto(GStrv) envp = environment_without_display ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_utc (1000, 1, 1, 0, 0, 0);
  const guint n = 500000;
  struct rusage usage;
  int wait_status = 0;
  GPid pid;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

      g_string_append_printf (points, "%s,%u.5\n", date, 100 + i % 1000);
      g_date_time_unref (day);
      day = g_steal_pointer (&next);
    }
  g_assert_true (g_file_set_contents (csv, points->str, points->len, NULL));
  g_assert_true (g_file_set_contents (dataset,
    "{\"format\": \"rare-earth-atlas/1\", \"title\": \"t\", \"updated\": \"2025\","
    " \"sources\": [{\"id\": \"s\", \"publisher\": \"p\", \"title\": \"t\", \"date\": \"2025\", \"kind\": \"official\"}],"
    " \"elements\": [{\"id\": \"Dy\", \"name\": \"Dysprosium\", \"group\": \"heavy\", \"number\": 66}],"
    " \"prices\": [{\"id\": \"p\", \"element\": \"Dy\", \"name\": \"P\", \"currency\": \"USD\", \"unit\": \"kg\","
    " \"cite\": \"s\", \"points_csv\": \"points.csv\"}]}", -1, NULL));

  g_assert_true (g_spawn_async (NULL, (char **) argv, envp,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wait4 (pid, &wait_status, 0, &usage), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == EXIT_OK);
  {
    g_autofree char *text = read_file (output);
    guint lines = 0;

    for (const char *p = text; *p != '\0'; p++)
      lines += *p == '\n';
    g_assert_cmpuint (lines, ==, n + 1);
  }
  g_test_message ("peak resident memory: %ld KiB", usage.ru_maxrss);
#ifndef ATLAS_UNDER_ASAN
  g_assert_cmpint (usage.ru_maxrss, <, 150 * 1024);
#endif
  remove_tree (folder);
}

/* ---- small things ---------------------------------------------------- */

/* --check into a full stdout fails (exit 3); its counts agree with their
 * nouns ("1 link"). */
static void
test_check_summary_written (void)
{
  g_autofree char *command = g_strdup_printf ("'%s' --check '%s' > /dev/full", binary, small_dataset);
  const char *args[] = { "--check", small_dataset, NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_OK);
  g_assert_nonnull (strstr (run.out, "(2 nodes, 1 link)"));

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_message ("no /dev/full: that check is left out");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char *[]) { "/bin/sh", "-c", command, NULL }, NULL,
                               G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, EXIT_WRITE);
  g_assert_nonnull (strstr (err, g_strerror (ENOSPC)));
}

/* A control character in --output is shown as \xHH, never sent raw to the
 * terminal (an escape sequence could rewrite what the user sees). */
static void
test_output_control_characters (void)
{
  g_autofree char *folder = work_path ("no\033[31mfolder");
  g_autofree char *output = g_build_filename (folder, "x\ty.png", NULL);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", output);
  g_autofree char *bad_arg = g_strdup_printf ("--output=%s.gif", output);
  const char *args[] = { small_dataset, "--export=shares", output_arg, NULL };
  const char *bad_args[] = { small_dataset, "--export=shares", bad_arg, NULL };
  g_auto(Run) run = { 0 };
  g_auto(Run) bad_run = { 0 };

  run_args (&run, args);
  g_assert_cmpint (run.status, ==, EXIT_WRITE);
  g_assert_null (strchr (run.err, '\033'));
  g_assert_null (strchr (run.err, '\t'));
  g_assert_nonnull (strstr (run.err, "no\\x1b[31mfolder"));
  run_args (&bad_run, bad_args);
  g_assert_cmpint (bad_run.status, ==, EXIT_USAGE);
  g_assert_null (strchr (bad_run.err, '\033'));
  g_assert_nonnull (strstr (bad_run.err, "x\\x09y.png"));
}

/* ---- setup --------------------------------------------------------------- */

static void
write_datasets (void)
{
  g_autoptr(GError) error = NULL;

  small_dataset = work_path ("small.json");
  bad_dataset = work_path ("bad.json");
  g_file_set_contents (small_dataset, small_dataset_json, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad_dataset, bad_dataset_json, -1, &error);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* One failing case (a view still missing) must not hide the others. */
  g_test_set_nonfatal_assertions ();

  binary = g_getenv ("ATLAS_BINARY");
  if (binary == NULL)
    {
      g_printerr ("ATLAS_BINARY must name the rare-earth-atlas program to test\n");
      return 1;
    }
  work_dir = g_dir_make_tmp ("atlas-cli-XXXXXX", &error);
  g_assert_no_error (error);
  write_datasets ();
  set_up_datasets ();

  add_export_tests ();
  g_test_add_func ("/cli/png-size-and-scale", test_png_size_and_scale);
  g_test_add_func ("/cli/dark-theme", test_dark_theme);
  g_test_add_func ("/cli/language", test_language);
  g_test_add_func ("/cli/font-scale", test_font_scale);
  g_test_add_data_func ("/cli/csv-numbers/en", "en", test_csv_numbers);
  g_test_add_data_func ("/cli/csv-numbers/zh", "zh", test_csv_numbers);
  g_test_add_func ("/cli/view-options", test_view_options);
  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/briefing/%s", datasets[i].name);

      g_test_add_data_func (path, &datasets[i], test_briefing_of_dataset);
    }
  g_test_add_func ("/cli/briefing/slide-titles", test_briefing_slide_titles);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/check/good", test_check_good);
  g_test_add_func ("/cli/check/bad", test_check_bad);
  g_test_add_func ("/cli/check/unreadable", test_check_unreadable);
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/usage/%s", usage_cases[i].name);

      g_test_add_data_func (path, &usage_cases[i], test_usage_error);
    }
  g_test_add_func ("/cli/export-loads-no-gtk", test_export_loads_no_gtk);
  g_test_add_func ("/cli/window-module-missing", test_window_module_missing);
  g_test_add_func ("/cli/output/missing-folder", test_output_missing_folder);
  g_test_add_func ("/cli/output/parent-is-a-file", test_output_parent_is_a_file);
  g_test_add_func ("/cli/output/read-only-folder", test_output_read_only_folder);
  g_test_add_func ("/cli/output/survives-failure", test_output_survives_failure);
  g_test_add_func ("/cli/output/replaces", test_output_replaces);
  g_test_add_func ("/cli/csv-streams", test_csv_streams);
  g_test_add_func ("/cli/check/summary-written", test_check_summary_written);
  g_test_add_func ("/cli/output/control-characters", test_output_control_characters);
  g_test_add_func ("/cli/output/not-regular", test_output_not_regular);
  g_test_add_func ("/cli/output/longest-name", test_output_longest_name);
  g_test_add_func ("/cli/output/signal-cleans-up", test_output_signal_cleans_up);
  g_test_add_func ("/cli/output/is-input", test_output_is_input);

  status = g_test_run ();

  remove_tree (work_dir);
  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    {
      g_clear_object (&datasets[i].dataset);
      g_free (datasets[i].path);
    }
  g_free (small_dataset);
  g_free (bad_dataset);
  g_free (work_dir);
  return status;
}
