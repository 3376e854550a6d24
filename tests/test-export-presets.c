/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-presets.c: widget test: the export dialog's presets (slides, social media, A4 and Letter documents) write what their summary says. */
#include "atlas-config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "app-test-loop.h"
#include "app-test-widgets.h"
#include "atlas-export-dialog.h"
#include "atlas-export-preview.h"
#include "atlas-window.h"

#define WAIT_MS 30000  /* a bound, not a pause: the sanitized build on a loaded machine is slow */

static AtlasWindow *
open_window (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "app", "small.json", NULL);
  AtlasWindow *window = open_window_on (path, WAIT_MS);

  atlas_window_set_view (window, ATLAS_VIEW_SHARES);
  g_assert_true (wait_until (window_chart_drawn, window, WAIT_MS));
  return window;
}

static AtlasExportDialog *
new_dialog (AtlasWindow *window, AtlasExportFormat format)
{
  AtlasExportDialog *dialog;

  dialog = atlas_export_dialog_new (GTK_WINDOW (window), atlas_window_get_dataset (window),
                                    atlas_window_get_view_state (window, ATLAS_VIEW_SHARES),
                                    atlas_window_get_style (window), NULL);
  atlas_export_dialog_set_format (dialog, format);
  return dialog;
}

static void
png_size (const char *path, guint *width, guint *height)
{
  g_autofree guchar *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  *width = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *height = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
}

/* pdfinfo's "Page size:" value, "595.276 x 841.89 pts (A4)"; NULL (and a
 * message) without pdfinfo. */
static char *
pdf_page_size (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { program, path, NULL };
  int status;

  if (program == NULL)
    {
      g_test_message ("pdfinfo is not installed: the page size is not checked");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Page size:"))
      return g_strdup (g_strstrip (lines[i] + strlen ("Page size:")));
  return g_strdup ("");
}

static void
check_png (AtlasWindow *window, const char *dir, int width, int height, int scale,
           const char *paper, guint want_width, guint want_height)
{
  g_autofree char *out = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *summary = g_strdup_printf ("An image of %u × %u pixels.", want_width, want_height);
  g_autoptr(GError) error = NULL;
  AtlasExportDialog *dialog = new_dialog (window, ATLAS_EXPORT_PNG);
  guint w, h;

  if (paper != NULL)
    g_assert_true (atlas_export_dialog_set_paper (dialog, paper));
  else
    atlas_export_dialog_set_size (dialog, width, height);
  atlas_export_dialog_set_scale (dialog, scale);
  g_assert_cmpstr (atlas_export_dialog_get_summary (dialog), ==, summary);
  g_assert_true (atlas_export_dialog_write (dialog, out, &error));
  g_assert_no_error (error);
  png_size (out, &w, &h);
  g_assert_cmpuint (w, ==, want_width);
  g_assert_cmpuint (h, ==, want_height);
  g_unlink (out);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
check_pdf_paper (AtlasWindow *window, const char *dir, const char *paper,
                 const char *summary, const char *want_size)
{
  g_autofree char *out = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  AtlasExportDialog *dialog = new_dialog (window, ATLAS_EXPORT_PDF);
  g_autofree char *size = NULL;

  g_assert_true (atlas_export_dialog_set_paper (dialog, paper));
  g_assert_cmpstr (atlas_export_dialog_get_summary (dialog), ==, summary);
  g_assert_true (atlas_export_dialog_write (dialog, out, &error));
  g_assert_no_error (error);
  size = pdf_page_size (out);
  if (size != NULL)
    g_assert_true (g_str_has_prefix (size, want_size));
  g_unlink (out);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_presets (void)
{
  AtlasWindow *window = open_window ();
  g_autofree char *dir = g_dir_make_tmp ("atlas-presets-XXXXXX", NULL);
  AtlasExportDialog *dialog;

  /* Slides and social media: pixels as named, times the scale. */
  check_png (window, dir, 1920, 1080, 1, NULL, 1920, 1080);
  check_png (window, dir, 1200, 675, 2, NULL, 2400, 1350);
  /* A document: the area inside an A4 page's half-inch margins, in points
   * (595.3 - 72 by 841.9 - 72), twice as many pixels at 2x. */
  check_png (window, dir, 0, 0, 2, "a4", 1046, 1538);
  /* A PDF is the page itself. */
  check_pdf_paper (window, dir, "a4", "A4 paper, the chart inside half-inch margins; text stays text.",
                   "595.276 x 841.89");
  check_pdf_paper (window, dir, "letter-landscape",
                   "Letter landscape paper, the chart inside half-inch margins; text stays text.",
                   "792 x 612");

  /* No preset for other papers; a custom size is still a custom size. */
  dialog = new_dialog (window, ATLAS_EXPORT_SVG);
  g_assert_false (atlas_export_dialog_set_paper (dialog, "a5"));
  atlas_export_dialog_set_size (dialog, 1000, 500);
  g_assert_cmpstr (atlas_export_dialog_get_summary (dialog), ==, "A page of 1000 × 500 points; text stays text.");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
  g_rmdir (dir);
}

/* The dialog's preview once it shows a figure of @width x @height. */
typedef struct {
  AtlasExportPreview *preview;
  double              width, height;
  gboolean            dark;
} PreviewWait;

static gboolean
preview_shows (gpointer data)
{
  PreviewWait *wait = data;
  const AtlasScene *scene = atlas_export_preview_get_scene (wait->preview);

  return scene != NULL && fabs (scene->width - wait->width) < 1e-6 && fabs (scene->height - wait->height) < 1e-6 &&
         scene->style->dark == wait->dark && gtk_widget_get_visible (GTK_WIDGET (wait->preview));
}

static void
wait_for_preview (AtlasExportPreview *preview, double width, double height, gboolean dark)
{
  PreviewWait wait = { preview, width, height, dark };

  g_assert_true (wait_until (preview_shows, &wait, WAIT_MS));
}

static gboolean
preview_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

static char *
read_bytes (const char *path, gsize *length)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  return data;
}

/* The preview is the file: the figure it shows, written as PNG, is the
 * very PNG the dialog writes; it follows the size, paper and theme, and
 * a table has none. */
static void
test_preview (void)
{
  AtlasWindow *window = open_window ();
  g_autofree char *dir = g_dir_make_tmp ("atlas-preview-XXXXXX", NULL);
  g_autofree char *from_dialog = g_build_filename (dir, "dialog.png", NULL);
  g_autofree char *from_preview = g_build_filename (dir, "preview.png", NULL);
  g_autofree char *dialog_bytes = NULL, *preview_bytes = NULL;
  g_autoptr(GError) error = NULL;
  AtlasExportDialog *dialog = new_dialog (window, ATLAS_EXPORT_PNG);
  AtlasExportPreview *preview;
  const AtlasPageSize *page;
  gsize dialog_length, preview_length;

  gtk_window_present (GTK_WINDOW (dialog));
  preview = ATLAS_EXPORT_PREVIEW (find_widget_of_type (GTK_WIDGET (dialog), ATLAS_TYPE_EXPORT_PREVIEW));
  g_assert_nonnull (preview);
  atlas_export_dialog_set_dark (dialog, FALSE);
  atlas_export_dialog_set_size (dialog, 1200, 675);
  wait_for_preview (preview, 1200, 675, FALSE);
  g_assert_null (atlas_export_preview_get_page (preview));

  g_assert_true (atlas_export_dialog_write (dialog, from_dialog, &error));
  g_assert_no_error (error);
  g_assert_true (atlas_export_scene (atlas_export_preview_get_scene (preview), ATLAS_EXPORT_PNG, 1,
                                     from_preview, &error));
  g_assert_no_error (error);
  dialog_bytes = read_bytes (from_dialog, &dialog_length);
  preview_bytes = read_bytes (from_preview, &preview_length);
  g_assert_cmpmem (dialog_bytes, dialog_length, preview_bytes, preview_length);

  /* A PDF on A4: the sheet, the figure inside its margins. */
  atlas_export_dialog_set_format (dialog, ATLAS_EXPORT_PDF);
  g_assert_true (atlas_export_dialog_set_paper (dialog, "a4"));
  {
    AtlasPageSize a4;
    double inner_width, inner_height;

    g_assert_true (atlas_page_size_from_name ("a4", &a4));
    atlas_page_size_get_inner (&a4, &inner_width, &inner_height);
    wait_for_preview (preview, inner_width, inner_height, FALSE);
  }
  page = atlas_export_preview_get_page (preview);
  g_assert_nonnull (page);
  g_assert_cmpstr (page->name, ==, "a4");

  atlas_export_dialog_set_dark (dialog, TRUE);
  atlas_export_dialog_set_format (dialog, ATLAS_EXPORT_SVG);
  atlas_export_dialog_set_size (dialog, 1600, 900);
  wait_for_preview (preview, 1600, 900, TRUE);
  g_assert_null (atlas_export_preview_get_page (preview));

  atlas_export_dialog_set_format (dialog, ATLAS_EXPORT_CSV);
  g_assert_true (wait_until (preview_hidden, preview, WAIT_MS));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (destroy_window_and_wait (GTK_WINDOW (window), WAIT_MS));
  g_unlink (from_dialog);
  g_unlink (from_preview);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  if (!widget_test_init (&argc, &argv))
    return 77;
  g_test_add_func ("/app/export/presets", test_presets);
  g_test_add_func ("/app/export/preview", test_preview);
  return g_test_run ();
}
