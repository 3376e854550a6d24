/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c: atomic files, CSV quoting and formula defusing, the SVG title, scene export, slide options. */
#include "atlas-config.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "atlas-atomic-file.h"
#include "atlas-bundled-dataset.h"
#include "atlas-export.h"
#include "atlas-png-writer.h"
#include "atlas-svg-title-writer.h"
#include "test-tree.h"

/* ---- helpers ----------------------------------------------------------- */

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("atlas-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_chmod (fixture->dir, 0700);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted and joined with spaces: "a.txt b.txt". */
static char *
list_folder (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
write_text (const char *path, const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static mode_t
current_umask (void)
{
  mode_t mask = umask (022);

  umask (mask);
  return mask;
}

/* A file-size limit makes write() fail with EFBIG past @bytes: the same
 * path through the code as a full disk (ENOSPC), without needing one. */
typedef struct {
  struct rlimit saved;
} FileSizeLimit;

static void
limit_file_size (FileSizeLimit *limit, rlim_t bytes)
{
  struct rlimit small;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit->saved), ==, 0);
  small = limit->saved;
  small.rlim_cur = bytes;
  /* Without this the kernel kills the process (SIGXFSZ) instead of failing the write. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
}

static void
unlimit_file_size (FileSizeLimit *limit)
{
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit->saved), ==, 0);
}

/* ---- atomic files ------------------------------------------------------ */

static void
test_atomic_new_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  GStatBuf st;

  g_assert_true (atlas_atomic_file_set_contents (path, "hello\n", 6, &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "hello\n");
  /* A new file gets the mode any new file gets: 0666 less the umask. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~current_umask ());
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "out.txt");
}

static void
test_atomic_replace_keeps_mode (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  GStatBuf st;

  write_text (path, "old");
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (atlas_atomic_file_set_contents (path, "new", 3, &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "new");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "out.txt");
}

static void
test_atomic_abort_leaves_target (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  AtlasAtomicFile *file;

  write_text (path, "old");
  file = atlas_atomic_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_atomic_file_write (file, "half", 4, &error));
  /* The temporary file sits beside the target, hidden, until the end. */
  listing = list_folder (fixture->dir);
  g_assert_true (g_str_has_prefix (listing, ".out.txt."));
  g_clear_pointer (&listing, g_free);
  atlas_atomic_file_free (file);

  text = read_text (path);
  g_assert_cmpstr (text, ==, "old");
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "out.txt");
}

static void
assert_write_error_names (const GError *error, const char *path, int errno_value)
{
  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (errno_value)));
}

/* A missing folder is named as such, not as "No such file or directory",
 * which reads as if the file written should already exist. */
static void
assert_missing_folder_error (const GError *error, const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *expected = g_strdup_printf ("Cannot write “%s”: the folder “%s” does not exist", path, folder);

  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_atomic_missing_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_false (atlas_atomic_file_set_contents (path, "x", 1, &error));
  assert_missing_folder_error (error, path);
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_atomic_parent_is_a_file (Fixture *fixture, gconstpointer data)
{
  g_autofree char *parent = g_build_filename (fixture->dir, "plain", NULL);
  g_autofree char *path = g_build_filename (parent, "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_autofree char *expected = g_strdup_printf ("Cannot write “%s”: “%s” is a file, not a folder", path, parent);

  write_text (parent, "I am a file");
  g_assert_false (atlas_atomic_file_set_contents (path, "x", 1, &error));
  /* Names what is in the way, not just "Not a directory". */
  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==, expected);
  text = read_text (parent);
  g_assert_cmpstr (text, ==, "I am a file");
}

static void
test_atomic_target_is_a_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sub", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (atlas_atomic_file_set_contents (path, "x", 1, &error));
  assert_write_error_names (error, path, EISDIR);
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "sub");
}

static void
test_atomic_read_only_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;

  /* root writes anywhere: the other failure tests cover it. */
  if (geteuid () == 0)
    {
      g_test_skip ("root ignores folder permissions");
      return;
    }
  write_text (path, "old");
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  g_assert_false (atlas_atomic_file_set_contents (path, "new", 3, &error));
  assert_write_error_names (error, path, EACCES);
  g_chmod (fixture->dir, 0700);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "old");
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "out.txt");
}

/* The folder disappears between opening and committing: the rename fails
 * and is reported, not ignored. */
static void
test_atomic_folder_vanished (Fixture *fixture, gconstpointer data)
{
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *path = g_build_filename (sub, "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasAtomicFile) file = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  file = atlas_atomic_file_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_atomic_file_write (file, "x", 1, &error));
  remove_tree (sub);
  g_assert_false (atlas_atomic_file_commit (file, &error));
  assert_missing_folder_error (error, path);
  g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));
}

static void
test_atomic_write_fails (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.txt", NULL);
  g_autofree char *big = g_strnfill (64 * 1024, 'x');
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *listing = NULL;
  FileSizeLimit limit;
  gboolean ok;

  write_text (path, "old");
  limit_file_size (&limit, 4096);
  ok = atlas_atomic_file_set_contents (path, big, strlen (big), &error);
  unlimit_file_size (&limit);

  g_assert_false (ok);
  assert_write_error_names (error, path, EFBIG);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "old");
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "out.txt");
}

/* Writing through a symlink replaces the file it points to; the link stays. */
static void
test_atomic_symlink (Fixture *fixture, gconstpointer data)
{
  g_autofree char *real = g_build_filename (fixture->dir, "real.txt", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  write_text (real, "old");
  g_assert_cmpint (symlink ("real.txt", link), ==, 0);
  g_assert_true (atlas_atomic_file_set_contents (link, "new", 3, &error));
  g_assert_no_error (error);
  text = read_text (real);
  g_assert_cmpstr (text, ==, "new");
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
}

/* ---- CSV --------------------------------------------------------------- */

/* A table of @header columns, all text unless @kinds gives each one's. */
static AtlasTable *
table_of (const char * const *header, const AtlasTableColumnKind *kinds,
          const char * const *cells, guint n_cells)
{
  AtlasTable *table = atlas_table_new ();
  guint width = g_strv_length ((char **) header);

  for (guint i = 0; i < width; i++)
    atlas_table_add_column (table, header[i], kinds != NULL ? kinds[i] : ATLAS_TABLE_COLUMN_TEXT);
  for (guint i = 0; i < n_cells; i += width)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (guint j = 0; j < width; j++)
        g_ptr_array_add (row, g_strdup (cells[i + j]));
      g_ptr_array_add (table->rows, row);
    }
  return table;
}

static char *
csv_of_one_cell (const char *cell)
{
  const char *header[] = { "h", NULL };
  const char *cells[] = { cell };
  g_autoptr(AtlasTable) table = table_of (header, NULL, cells, 1);
  g_autofree char *csv = atlas_table_to_csv (table);

  g_assert_true (g_str_has_prefix (csv, "h\r\n"));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  return g_strndup (csv + 3, strlen (csv) - 5);
}

static void
assert_cell (const char *cell, const char *expected)
{
  g_autofree char *got = csv_of_one_cell (cell);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_csv_quoting (void)
{
  const char *header[] = { "Region", "Value", "Sources", NULL };
  const char *cells[] = {
    "China", "270,000", "USGS: \"MCS\" 2025",
    "Japan", "", "line one\nline two",
  };
  g_autoptr(AtlasTable) table = table_of (header, NULL, cells, G_N_ELEMENTS (cells));
  g_autofree char *csv = atlas_table_to_csv (table);

  g_assert_cmpstr (csv, ==,
                   "Region,Value,Sources\r\n"
                   "China,\"270,000\",\"USGS: \"\"MCS\"\" 2025\"\r\n"
                   "Japan,,\"line one\nline two\"\r\n");
  assert_cell ("plain", "plain");
  assert_cell ("", "");
  assert_cell ("a\rb", "\"a\rb\"");
  assert_cell ("中国", "中国");
}

static void
test_csv_defuses_formulas (void)
{
  assert_cell ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"");
  assert_cell ("=1+1", "'=1+1");
  assert_cell ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0");
  assert_cell ("-2+3", "'-2+3");
  assert_cell ("@SUM(A1)", "'@SUM(A1)");
  assert_cell ("\tx", "'\tx");
  assert_cell ("\rx", "\"'\rx\"");
  assert_cell ("-", "'-");
  assert_cell ("-inf", "'-inf");
  /* A plain number keeps its sign so it stays a number. */
  assert_cell ("-12", "-12");
  assert_cell ("-3.5", "-3.5");
  assert_cell ("+5", "+5");
  assert_cell ("-1.2e-3", "-1.2e-3");
  assert_cell ("-.5", "-.5");
  assert_cell ("-1,234.5", "\"-1,234.5\"");
  /* Formula characters elsewhere are harmless. */
  assert_cell ("a=b", "a=b");
  assert_cell ("2010-09", "2010-09");
}

/* A number column is written as the plain numbers it holds, the sign of
 * a negative one included: a spreadsheet reads them as values in any
 * locale, and "-5" is minus five, not a formula. */
static void
test_csv_numbers (void)
{
  const char *header[] = { "Region", "Value (t REO)", "Share of whole (%)", NULL };
  const AtlasTableColumnKind kinds[] = {
    ATLAS_TABLE_COLUMN_TEXT, ATLAS_TABLE_COLUMN_NUMBER, ATLAS_TABLE_COLUMN_PERCENT,
  };
  const char *cells[] = {
    "China", "44000000", "48.41",
    "Stock change", "-5", "-0.5",
    "Japan", "", "",
    /* Nothing else belongs in a number column; if it gets there, it is
     * written as text would be: never as a formula, never split. */
    "-1", "=1+1", "1,234",
  };
  g_autoptr(AtlasTable) table = table_of (header, kinds, cells, G_N_ELEMENTS (cells));
  g_autofree char *csv = atlas_table_to_csv (table);

  g_assert_cmpstr (csv, ==,
                   "Region,Value (t REO),Share of whole (%)\r\n"
                   "China,44000000,48.41\r\n"
                   "Stock change,-5,-0.5\r\n"
                   "Japan,,\r\n"
                   "-1,'=1+1,\"1,234\"\r\n");
}

static void
test_csv_defuses_header (void)
{
  const char *header[] = { "=evil", "ok", NULL };
  g_autoptr(AtlasTable) table = table_of (header, NULL, NULL, 0);
  g_autofree char *csv = atlas_table_to_csv (table);

  g_assert_cmpstr (csv, ==, "'=evil,ok\r\n");
}

/* ---- the SVG title ----------------------------------------------------- */

static cairo_status_t
append_to_string (void *closure, const unsigned char *data, unsigned int length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static char *
filter_svg (const char *input, gsize chunk, const char *title, const char *description)
{
  GString *out = g_string_new (NULL);
  g_autoptr(AtlasSvgTitleWriter) writer = atlas_svg_title_writer_new (append_to_string, out,
                                                                      title, description);
  gsize length = strlen (input);

  for (gsize i = 0; i < length; i += chunk)
    g_assert_cmpint (atlas_svg_title_writer_write (writer, (const guchar *) input + i,
                                                   (unsigned int) MIN (chunk, length - i)),
                     ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (atlas_svg_title_writer_flush (writer), ==, CAIRO_STATUS_SUCCESS);
  return g_string_free (out, FALSE);
}

static void
test_svg_title (void)
{
  const char *svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10pt\" height=\"10pt\">\n"
                    "<g/>\n</svg>\n";
  const char *expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10pt\" height=\"10pt\">\n"
                         "<title>Dy &amp; Tb &lt;prices&gt;</title>\n"
                         "<desc>Two lines</desc>\n"
                         "<g/>\n</svg>\n";

  /* However cairo cuts its stream, the title lands in the same place. */
  for (gsize chunk = 1; chunk <= strlen (svg); chunk += 7)
    {
      g_autofree char *out = filter_svg (svg, chunk, "Dy & Tb <prices>\x01", "Two lines");

      g_assert_cmpstr (out, ==, expected);
    }
}

static void
test_svg_title_without_root (void)
{
  g_autofree char *out = filter_svg ("not svg at all", 3, "T", NULL);

  g_assert_cmpstr (out, ==, "not svg at all");
}

/* ---- exporting a scene ------------------------------------------------- */

static AtlasScene *
small_scene (void)
{
  static const AtlasSceneClass klass = { "test", NULL, NULL };
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  AtlasScene *scene = atlas_scene_new (&klass, NULL, style, 200, 100);
  AtlasRect rect = { 10, 10, 50, 50 };

  atlas_scene_add_rect (scene, &rect, &style->accent, NULL);
  atlas_scene_add_text (scene, "Hello", 70, 10, 14, TRUE, ATLAS_ALIGN_START, NULL, NULL);
  scene->title = g_strdup ("Rare & earths");
  scene->description = g_strdup ("A test figure");
  return scene;
}

static void
read_png_size (const char *path, guint *width, guint *height)
{
  g_autofree guchar *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  *width = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *height = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
}

static void
test_export_scene_png (Fixture *fixture, gconstpointer data)
{
  g_autoptr(AtlasScene) scene = small_scene ();
  g_autofree char *path = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  guint width, height;

  g_assert_true (atlas_export_scene (scene, ATLAS_EXPORT_PNG, 1.5, path, &error));
  g_assert_no_error (error);
  read_png_size (path, &width, &height);
  g_assert_cmpuint (width, ==, 300);
  g_assert_cmpuint (height, ==, 150);
}

/* The scene as write_png() draws it, at @scale. */
static cairo_surface_t *
render_scene (const AtlasScene *scene, double scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (scene->width * scale - 1e-6),
                                        (int) ceil (scene->height * scale - 1e-6));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  atlas_scene_draw (scene, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface, int x, int y)
{
  const guchar *row = cairo_image_surface_get_data (surface) +
                      (gsize) y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[x];
}

/* The PNG written decodes to the very pixels drawn: opaque, so written
 * without alpha, and compared exactly at a few hundred places (a grid over
 * the whole figure and every pixel of a line through the rectangle and the
 * text, so that not only background is compared). */
static void
assert_png_matches_scene (cairo_surface_t *decoded, const AtlasScene *scene, double scale)
{
  cairo_surface_t *drawn = render_scene (scene, scale);
  int width = cairo_image_surface_get_width (drawn);
  int height = cairo_image_surface_get_height (drawn);
  guint32 background = pixel_at (drawn, 0, 0);
  guint compared = 0, not_background = 0;

  g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_format (decoded), ==, CAIRO_FORMAT_RGB24);
  g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, height);
  cairo_surface_flush (decoded);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 want, got;

        if (!((x % 13 == 0 && y % 11 == 0) || y == (int) (25 * scale)))
          continue;
        want = pixel_at (drawn, x, y);
        got = pixel_at (decoded, x, y);
        g_assert_cmphex (want >> 24, ==, 0xff);
        g_assert_cmphex (got & 0xffffff, ==, want & 0xffffff);
        compared++;
        if (want != background)
          not_background++;
      }
  g_assert_cmpuint (compared, >=, 300);
  g_assert_cmpuint (not_background, >=, 50);
  cairo_surface_destroy (drawn);
}

static void
test_export_scene_png_pixels (Fixture *fixture, gconstpointer data)
{
  const gboolean dark_styles[] = { FALSE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (dark_styles); i++)
    {
      g_autoptr(AtlasScene) scene = small_scene ();
      g_autofree char *path = g_build_filename (fixture->dir, "chart.png", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree guchar *bytes = NULL;
      gsize length;
      cairo_surface_t *decoded;

      if (dark_styles[i])
        scene->background = (AtlasColor) { 0.1, 0.2, 0.3, 1.0 };
      g_assert_true (atlas_export_scene (scene, ATLAS_EXPORT_PNG, 1.5, path, &error));
      g_assert_no_error (error);
      /* Colour type 2: RGB, no alpha channel. */
      g_assert_true (g_file_get_contents (path, (char **) &bytes, &length, NULL));
      g_assert_cmpuint (length, >, 25);
      g_assert_cmpuint (bytes[24], ==, 8);
      g_assert_cmpuint (bytes[25], ==, 2);
      decoded = cairo_image_surface_create_from_png (path);
      assert_png_matches_scene (decoded, scene, 1.5);
      cairo_surface_destroy (decoded);
    }
}

static cairo_status_t
read_from_bytes (void *closure, unsigned char *data, unsigned int length)
{
  GBytes **rest = closure;
  gsize size;
  const guchar *bytes = g_bytes_get_data (*rest, &size);
  GBytes *tail;

  if (length > size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, bytes, length);
  tail = g_bytes_new_from_bytes (*rest, length, size - length);
  g_bytes_unref (*rest);
  *rest = tail;
  return CAIRO_STATUS_SUCCESS;
}

/* The clipboard's PNG comes from the same encoder, into memory. */
static void
test_export_chart_png_bytes (void)
{
  g_autofree char *path = atlas_find_bundled_dataset ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (path, 0, NULL, &error);
  g_autoptr(AtlasStyle) style = atlas_style_new (FALSE);
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(GBytes) png = NULL;
  AtlasExportRequest request = { 0 };
  AtlasChartOptions options;
  GBytes *rest;
  cairo_surface_t *decoded;

  g_assert_no_error (error);
  atlas_chart_options_init (&options, ATLAS_VIEW_PRICES);
  request.dataset = dataset;
  request.options = &options;
  request.style = style;
  request.width = 640;
  request.height = 360;
  request.scale = 1.0;
  png = atlas_export_chart_png (&request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (png);

  rest = g_bytes_ref (png);
  decoded = cairo_image_surface_create_from_png_stream (read_from_bytes, &rest);
  g_bytes_unref (rest);
  scene = atlas_chart_layout (dataset, &options, 640, 360, style, &error);
  g_assert_no_error (error);
  assert_png_matches_scene (decoded, scene, 1.0);
  cairo_surface_destroy (decoded);
}

/* A scene whose background is not opaque keeps its alpha: RGBA,
 * unpremultiplied, which cairo premultiplies again on reading (exact to
 * within the rounding of that round trip). */
static void
test_export_scene_png_translucent (Fixture *fixture, gconstpointer data)
{
  g_autoptr(AtlasScene) scene = small_scene ();
  g_autofree char *path = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree guchar *bytes = NULL;
  gsize length;
  cairo_surface_t *decoded, *drawn;
  int width, height;

  scene->background = (AtlasColor) { 1.0, 1.0, 1.0, 0.5 };
  g_assert_true (atlas_export_scene (scene, ATLAS_EXPORT_PNG, 1.0, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, (char **) &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 25);
  g_assert_cmpuint (bytes[25], ==, 6);

  decoded = cairo_image_surface_create_from_png (path);
  drawn = render_scene (scene, 1.0);
  width = cairo_image_surface_get_width (drawn);
  height = cairo_image_surface_get_height (drawn);
  g_assert_cmpint (cairo_image_surface_get_format (decoded), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, height);
  cairo_surface_flush (decoded);
  g_assert_cmphex (pixel_at (drawn, 0, 0) >> 24, ==, 0x80);
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 7)
      {
        guint32 want = pixel_at (drawn, x, y), got = pixel_at (decoded, x, y);

        g_assert_cmphex (got >> 24, ==, want >> 24);
        for (int shift = 0; shift < 24; shift += 8)
          g_assert_cmpint (ABS ((int) ((got >> shift) & 0xff) - (int) ((want >> shift) & 0xff)), <=, 1);
      }
  cairo_surface_destroy (drawn);
  cairo_surface_destroy (decoded);
}

static cairo_status_t
append_to_byte_array (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A picture no two rows of which are alike, with or without alpha. */
static cairo_surface_t *
noisy_surface (int width, int height, gboolean opaque)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  guint32 state = 12345;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (cairo_image_surface_get_data (surface) +
                                  y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < width; x++)
        {
          guint32 alpha, rgb;

          state = state * 1664525u + 1013904223u;
          alpha = opaque ? 0xff : (state >> 24) | 1;
          rgb = (state >> 8) & 0xffffff;
          /* Premultiplied: no channel above alpha. */
          row[x] = alpha << 24 |
                   MIN ((rgb >> 16) & 0xff, alpha) << 16 |
                   MIN ((rgb >> 8) & 0xff, alpha) << 8 |
                   MIN (rgb & 0xff, alpha);
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The rows may be compressed in 1 to 8 bands, on as many threads; every
 * cut must decode to the same pixels (opaque: exactly; with alpha: within
 * the rounding of unpremultiplying and premultiplying again), and a
 * single row works too. */
static void
test_png_bands (void)
{
  const struct { int width, height; gboolean opaque; } sizes[] = {
    { 301, 257, TRUE }, { 64, 130, FALSE }, { 17, 1, TRUE }, { 1, 9, FALSE },
  };
  const guint band_counts[] = { 1, 2, 3, 7, 8 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *source = noisy_surface (sizes[s].width, sizes[s].height, sizes[s].opaque);

      for (guint b = 0; b < G_N_ELEMENTS (band_counts); b++)
        {
          g_autoptr(GByteArray) png = g_byte_array_new ();
          g_autoptr(GBytes) bytes = NULL;
          GBytes *rest;
          cairo_surface_t *decoded;

          g_assert_cmpint (atlas_png_write_surface_in_bands (source, band_counts[b], append_to_byte_array, png),
                           ==, CAIRO_STATUS_SUCCESS);
          bytes = g_byte_array_free_to_bytes (g_steal_pointer (&png));
          rest = g_bytes_ref (bytes);
          decoded = cairo_image_surface_create_from_png_stream (read_from_bytes, &rest);
          g_bytes_unref (rest);
          g_assert_cmpint (cairo_surface_status (decoded), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (decoded), ==, sizes[s].width);
          g_assert_cmpint (cairo_image_surface_get_height (decoded), ==, sizes[s].height);
          cairo_surface_flush (decoded);
          for (int y = 0; y < sizes[s].height; y++)
            for (int x = 0; x < sizes[s].width; x++)
              {
                guint32 want = pixel_at (source, x, y), got = pixel_at (decoded, x, y);

                if (sizes[s].opaque)
                  {
                    g_assert_cmphex (got | 0xff000000u, ==, want);
                    continue;
                  }
                g_assert_cmphex (got >> 24, ==, want >> 24);
                /* Unpremultiplied to 8 bits and back: off by at most
                 * 255 / alpha / 2 + 1 on the way. */
                for (int shift = 0; shift < 24; shift += 8)
                  g_assert_cmpint (ABS ((int) ((got >> shift) & 0xff) - (int) ((want >> shift) & 0xff)), <=,
                                   1 + (int) (want >> 24 > 0 ? 128 / (want >> 24) : 0));
              }
          cairo_surface_destroy (decoded);
        }
      cairo_surface_destroy (source);
    }
}

static void
parse_markup_or_fail (const char *text)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, text, -1, &error) &&
                 g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

static void
test_export_scene_svg (Fixture *fixture, gconstpointer data)
{
  g_autoptr(AtlasScene) scene = small_scene ();
  g_autofree char *path = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;

  g_assert_true (atlas_export_scene (scene, ATLAS_EXPORT_SVG, 1.0, path, &error));
  g_assert_no_error (error);
  svg = read_text (path);
  parse_markup_or_fail (svg);
  g_assert_nonnull (strstr (svg, "width=\"200pt\""));
  g_assert_nonnull (strstr (svg, "<title>Rare &amp; earths</title>"));
  g_assert_nonnull (strstr (svg, "<desc>A test figure</desc>"));
}

static void
test_export_scene_pdf (Fixture *fixture, gconstpointer data)
{
  g_autoptr(AtlasScene) scene = small_scene ();
  g_autofree char *path = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  gsize length;

  g_assert_true (atlas_export_scene (scene, ATLAS_EXPORT_PDF, 1.0, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  /* Complete: cairo ends the file with its trailer only once finished. */
  g_assert_cmpuint (length, >, 6);
  g_assert_cmpmem (pdf + length - 6, 6, "%%EOF\n", 6);
}

static void
test_export_scene_refuses (Fixture *fixture, gconstpointer data)
{
  g_autoptr(AtlasScene) scene = small_scene ();
  g_autofree char *path = g_build_filename (fixture->dir, "chart.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_false (atlas_export_scene (scene, ATLAS_EXPORT_CSV, 1.0, path, &error));
  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  /* cairo's image surfaces end at 32767 pixels. */
  g_assert_false (atlas_export_scene (scene, ATLAS_EXPORT_PNG, 200.0, path, &error));
  g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_SIZE);

  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "");
}

/* cairo reports a failing write function as a status; it must come back as
 * a write error naming the file, with the old file intact. */
static void
test_export_scene_write_error (Fixture *fixture, gconstpointer data)
{
  const AtlasExportFormat formats[] = { ATLAS_EXPORT_PNG, ATLAS_EXPORT_SVG, ATLAS_EXPORT_PDF };
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(AtlasScene) scene = small_scene ();
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *listing = NULL;
      FileSizeLimit limit;
      gboolean ok;

      write_text (path, "old");
      limit_file_size (&limit, 64);
      ok = atlas_export_scene (scene, formats[i], 4.0, path, &error);
      unlimit_file_size (&limit);

      g_assert_false (ok);
      assert_write_error_names (error, path, EFBIG);
      text = read_text (path);
      g_assert_cmpstr (text, ==, "old");
      listing = list_folder (fixture->dir);
      g_assert_nonnull (strstr (listing, names[i]));
      g_assert_null (strstr (listing, ".chart"));
    }
}

static void
test_format_from_path (void)
{
  const struct { const char *path; AtlasExportFormat format; } good[] = {
    { "a.png", ATLAS_EXPORT_PNG }, { "/x/y/Chart.SVG", ATLAS_EXPORT_SVG },
    { "deck.pdf", ATLAS_EXPORT_PDF }, { "data.Csv", ATLAS_EXPORT_CSV },
    { "flows.json", ATLAS_EXPORT_JSON }, { "my.chart.png", ATLAS_EXPORT_PNG },
  };
  const char *bad[] = { "a.gif", "png", ".png", "noext", "dir.png/file", "a.png.bak" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      AtlasExportFormat format = -1;
      g_autoptr(GError) error = NULL;

      g_assert_true (atlas_export_format_from_path (good[i].path, &format, &error));
      g_assert_no_error (error);
      g_assert_cmpint (format, ==, good[i].format);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      AtlasExportFormat format;
      g_autoptr(GError) error = NULL;

      g_assert_false (atlas_export_format_from_path (bad[i], &format, &error));
      g_assert_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT);
    }
  g_assert_cmpstr (atlas_export_format_to_extension (ATLAS_EXPORT_SVG), ==, "svg");
}

/* ---- slides and the bundled dataset ------------------------------------ */

static void
test_slide_options (void)
{
  char *series[] = { "dy", "tb", NULL };
  char *kinds[] = { "policy", NULL };
  AtlasSlide slide = { 0 };
  AtlasChartOptions options;

  slide.view = ATLAS_VIEW_PRICES;
  slide.series = series;
  g_assert_true (atlas_date_parse ("2010", 4, &slide.from));
  g_assert_true (atlas_date_parse ("2025-12", 7, &slide.to));
  slide.scale = ATLAS_SCALE_LOG;
  slide.currency = "CNY";
  slide.select = "cn-controls";
  slide.kinds = kinds;
  slide.chain = "ree-2024";
  slide.group = "chain-2024";

  atlas_slide_get_options (&slide, &options);
  g_assert_cmpint (options.view, ==, ATLAS_VIEW_PRICES);
  g_assert_true (options.series == (const char * const *) series);
  g_assert_cmpint (options.from.year, ==, 2010);
  g_assert_cmpint (options.to.month, ==, 12);
  g_assert_true (options.log_scale);
  g_assert_false (atlas_date_is_set (&options.indexed));
  g_assert_cmpstr (options.currency, ==, "CNY");
  g_assert_cmpstr (options.select, ==, "cn-controls");
  g_assert_true (options.kinds == (const char * const *) kinds);
  g_assert_cmpstr (options.chain, ==, "ree-2024");
  g_assert_cmpstr (options.group, ==, "chain-2024");
  /* What the slide does not choose keeps the views' defaults. */
  g_assert_true (options.show_events);
  g_assert_null (options.lang);
  g_assert_null (options.unit);

  slide.scale = ATLAS_SCALE_DEFAULT;
  atlas_slide_get_options (&slide, &options);
  g_assert_false (options.log_scale);
}

static void
test_bundled_dataset (void)
{
  g_autofree char *found = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("ATLAS_DATASET"));

  /* Without the variable, only the installed copy: never a source tree
   * that happens to be on the machine. */
  g_unsetenv ("ATLAS_DATASET");
  found = atlas_find_bundled_dataset ();
  g_assert_cmpstr (found, ==, PKGDATADIR G_DIR_SEPARATOR_S "rare-earths.json");

  g_setenv ("ATLAS_DATASET", "/somewhere/test.json", TRUE);
  chosen = atlas_find_bundled_dataset ();
  g_assert_cmpstr (chosen, ==, "/somewhere/test.json");
  if (saved != NULL)
    g_setenv ("ATLAS_DATASET", saved, TRUE);
  else
    g_unsetenv ("ATLAS_DATASET");
}

#define ADD_FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD_FIXTURE_TEST ("/atomic/new-file", test_atomic_new_file);
  ADD_FIXTURE_TEST ("/atomic/replace-keeps-mode", test_atomic_replace_keeps_mode);
  ADD_FIXTURE_TEST ("/atomic/abort-leaves-target", test_atomic_abort_leaves_target);
  ADD_FIXTURE_TEST ("/atomic/missing-folder", test_atomic_missing_folder);
  ADD_FIXTURE_TEST ("/atomic/parent-is-a-file", test_atomic_parent_is_a_file);
  ADD_FIXTURE_TEST ("/atomic/target-is-a-folder", test_atomic_target_is_a_folder);
  ADD_FIXTURE_TEST ("/atomic/read-only-folder", test_atomic_read_only_folder);
  ADD_FIXTURE_TEST ("/atomic/folder-vanished", test_atomic_folder_vanished);
  ADD_FIXTURE_TEST ("/atomic/write-fails", test_atomic_write_fails);
  ADD_FIXTURE_TEST ("/atomic/symlink", test_atomic_symlink);
  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/defuses-formulas", test_csv_defuses_formulas);
  g_test_add_func ("/csv/defuses-header", test_csv_defuses_header);
  g_test_add_func ("/csv/numbers", test_csv_numbers);
  g_test_add_func ("/svg-title/inserted", test_svg_title);
  g_test_add_func ("/svg-title/without-root", test_svg_title_without_root);
  ADD_FIXTURE_TEST ("/scene/png", test_export_scene_png);
  ADD_FIXTURE_TEST ("/scene/png-pixels", test_export_scene_png_pixels);
  ADD_FIXTURE_TEST ("/scene/png-translucent", test_export_scene_png_translucent);
  g_test_add_func ("/chart/png-bytes", test_export_chart_png_bytes);
  g_test_add_func ("/png/bands", test_png_bands);
  ADD_FIXTURE_TEST ("/scene/svg", test_export_scene_svg);
  ADD_FIXTURE_TEST ("/scene/pdf", test_export_scene_pdf);
  ADD_FIXTURE_TEST ("/scene/refuses", test_export_scene_refuses);
  ADD_FIXTURE_TEST ("/scene/write-error", test_export_scene_write_error);
  g_test_add_func ("/format/from-path", test_format_from_path);
  g_test_add_func ("/slide/options", test_slide_options);
  g_test_add_func ("/bundled-dataset", test_bundled_dataset);

  return g_test_run ();
}
