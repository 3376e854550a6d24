/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-briefings-save.c: briefings written back as the loader reads them, edited, and saved into their file with no other byte changed. */
#include "atlas-config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "atlas-briefing-json.h"
#include "atlas-briefing.h"
#include "atlas-briefings-save.h"
#include "atlas-export.h"
#include "atlas-json-span-private.h"
#include "test-tree.h"

/* ---- helpers ----------------------------------------------------------- */

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("atlas-briefings-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_chmod (fixture->dir, 0700);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
source_path (const char *first, ...)
{
  const char *root = g_getenv ("ATLAS_SOURCE_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* @path copied into @dir under @name. */
static char *
copy_into (const char *dir, const char *path, const char *name)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;
  char *copy = g_build_filename (dir, name, NULL);

  g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return copy;
}

static AtlasDataset *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load_file (path, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

/* The bundled dataset copied to atlas.json in the fixture's folder, and
 * opened from there. */
static AtlasDataset *
open_bundled_copy (Fixture *fixture, char **path)
{
  g_autofree char *bundled = source_path ("data", "rare-earths.json", NULL);

  *path = copy_into (fixture->dir, bundled, "atlas.json");
  return load (*path);
}

/* The names in @dir other than @expected: a temporary file left behind. */
static void
assert_only_file (const char *dir, const char *expected)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_strcmp0 (name, expected) != 0)
      g_error ("stray file %s in %s", name, dir);
}

static void
assert_bytes_equal (GBytes *a, GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

/* ---- field by field equality ----------------------------------------- */

static void
assert_text_equal (const AtlasText *a, const AtlasText *b)
{
  g_assert_cmpuint (atlas_text_n_languages (a), ==, atlas_text_n_languages (b));
  for (guint i = 0; i < atlas_text_n_languages (a); i++)
    {
      const char *lang_a, *lang_b;
      const char *text_a = atlas_text_get_nth (a, i, &lang_a);
      const char *text_b = atlas_text_get_nth (b, i, &lang_b);

      g_assert_cmpstr (lang_a, ==, lang_b);
      g_assert_cmpstr (text_a, ==, text_b);
    }
}

static void
assert_strv_equal (char **a, char **b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_true (g_strv_equal ((const char * const *) a, (const char * const *) b));
}

static void
assert_date_equal (const AtlasDate *a, const AtlasDate *b)
{
  g_autofree char *text_a = atlas_date_is_set (a) ? atlas_date_to_string (a) : NULL;
  g_autofree char *text_b = atlas_date_is_set (b) ? atlas_date_to_string (b) : NULL;

  g_assert_cmpstr (text_a, ==, text_b);
}

static void
assert_annotation_equal (const AtlasAnnotation *a, const AtlasAnnotation *b)
{
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpstr (a->series, ==, b->series);
  assert_date_equal (&a->date, &b->date);
  g_assert_cmpint (a->has_value, ==, b->has_value);
  g_assert_cmpfloat (a->value, ==, b->value);
  g_assert_cmpstr (a->chain, ==, b->chain);
  g_assert_cmpstr (a->node, ==, b->node);
  g_assert_cmpstr (a->share, ==, b->share);
  g_assert_cmpstr (a->region, ==, b->region);
  g_assert_cmpstr (a->event, ==, b->event);
  assert_text_equal (a->text, b->text);
  g_assert_cmpint (a->arrow, ==, b->arrow);
  g_assert_cmpint (a->has_place, ==, b->has_place);
  g_assert_cmpfloat (a->place_dx, ==, b->place_dx);
  g_assert_cmpfloat (a->place_dy, ==, b->place_dy);
  g_assert_cmpstr (a->unknown, ==, b->unknown);
}

static void
assert_slide_equal (const AtlasSlide *a, const AtlasSlide *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpint (a->view, ==, b->view);
  g_assert_cmpstr (a->chain, ==, b->chain);
  g_assert_cmpstr (a->group, ==, b->group);
  assert_strv_equal (a->series, b->series);
  assert_date_equal (&a->from, &b->from);
  assert_date_equal (&a->to, &b->to);
  g_assert_cmpint (a->scale, ==, b->scale);
  assert_date_equal (&a->indexed, &b->indexed);
  g_assert_cmpstr (a->currency, ==, b->currency);
  g_assert_cmpstr (a->unit, ==, b->unit);
  g_assert_cmpint (a->hide_events, ==, b->hide_events);
  g_assert_cmpint (a->keep_order, ==, b->keep_order);
  assert_strv_equal (a->node_offset_ids, b->node_offset_ids);
  for (guint i = 0; a->node_offset_ids != NULL && a->node_offset_ids[i] != NULL; i++)
    g_assert_cmpfloat (a->node_offsets[i], ==, b->node_offsets[i]);
  g_assert_cmpstr (a->select, ==, b->select);
  assert_strv_equal (a->kinds, b->kinds);
  assert_strv_equal (a->regions, b->regions);
  assert_strv_equal (a->elements, b->elements);
  assert_text_equal (a->title, b->title);
  assert_text_equal (a->note, b->note);
  assert_strv_equal (a->focus, b->focus);
  g_assert_cmpuint (a->annotations->len, ==, b->annotations->len);
  for (guint i = 0; i < a->annotations->len; i++)
    assert_annotation_equal (g_ptr_array_index (a->annotations, i), g_ptr_array_index (b->annotations, i));
  g_assert_cmpstr (a->unknown, ==, b->unknown);
}

static void
assert_briefings_equal (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const AtlasBriefing *x = g_ptr_array_index (a, i);
      const AtlasBriefing *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      assert_text_equal (x->title, y->title);
      g_assert_cmpstr (x->unknown, ==, y->unknown);
      g_assert_cmpuint (x->slides->len, ==, y->slides->len);
      for (guint s = 0; s < x->slides->len; s++)
        assert_slide_equal (g_ptr_array_index (x->slides, s), g_ptr_array_index (y->slides, s));
    }
}

/* ---- round trip -------------------------------------------------------- */

/* @briefings written into @dataset's file (read from @path) and that read
 * again: the same briefings. Returns the file written. */
static GBytes *
assert_reads_back (AtlasDataset *dataset, GPtrArray *briefings, const char *path)
{
  g_autoptr(GBytes) spliced = NULL;
  g_autoptr(AtlasDataset) again = NULL;
  g_autoptr(GError) error = NULL;

  spliced = atlas_briefings_splice (atlas_dataset_get_contents (dataset), briefings, &error);
  g_assert_no_error (error);
  again = atlas_dataset_load_bytes (spliced, path, 0, NULL, &error);
  g_assert_no_error (error);
  assert_briefings_equal (briefings, atlas_dataset_get_briefings (again));
  return g_steal_pointer (&spliced);
}

/* The bundled briefings come back as the very bytes of the file: the
 * writer's layout is the hand-written one, so saving an unchanged dataset
 * changes nothing, and an edit shows in a diff as itself. */
static void
test_round_trip_bundled (void)
{
  g_autofree char *path = source_path ("data", "rare-earths.json", NULL);
  g_autoptr(AtlasDataset) dataset = load (path);
  GBytes *contents = atlas_dataset_get_contents (dataset);
  gsize length;
  const char *data = g_bytes_get_data (contents, &length);
  AtlasJsonSpan span;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) spliced = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (atlas_dataset_get_briefings (dataset)->len, >, 0);
  g_assert_true (atlas_json_find_member (data, length, "briefings", &span));
  g_assert_true (span.found);

  json = atlas_briefings_to_json (atlas_dataset_get_briefings (dataset), "  ", "  ", "\n");
  g_assert_cmpmem (json, strlen (json), data + span.value_start, span.value_end - span.value_start);

  spliced = atlas_briefings_splice (contents, atlas_dataset_get_briefings (dataset), &error);
  g_assert_no_error (error);
  assert_bytes_equal (spliced, contents);
}

/* Every slide member of every fixture with briefings survives a save and
 * a strict load, members this version does not know included. */
static void
test_round_trip_fixtures (void)
{
  const char *fixtures[][2] = {
    { "good", "full.json" },
    { "charts", "story.json" },
    { "reliability", "literal-text.json" },
  };
  gboolean unknown_seen = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = source_path ("tests", "data", fixtures[i][0], fixtures[i][1], NULL);
      g_autoptr(AtlasDataset) dataset = load (path);
      g_autoptr(GBytes) spliced = NULL;
      GPtrArray *briefings = atlas_dataset_get_briefings (dataset);

      g_test_message ("%s", path);
      g_assert_cmpuint (briefings->len, >, 0);
      spliced = assert_reads_back (dataset, briefings, path);

      for (guint b = 0; b < briefings->len; b++)
        {
          const AtlasBriefing *briefing = g_ptr_array_index (briefings, b);

          for (guint s = 0; s < briefing->slides->len; s++)
            {
              const AtlasSlide *slide = g_ptr_array_index (briefing->slides, s);

              if (slide->unknown != NULL)
                {
                  g_assert_cmpstr (slide->unknown, ==, "{\"transition\":\"fade\"}");
                  unknown_seen = TRUE;
                }
            }
        }
    }
  g_assert_true (unknown_seen);
}

/* Texts with every character JSON escapes, numbers that need 17 digits,
 * an anchor of each kind: what a hand-written file seldom has. */
static void
test_round_trip_hard_values (void)
{
  g_autofree char *path = source_path ("tests", "data", "charts", "story.json", NULL);
  g_autoptr(AtlasDataset) dataset = load (path);
  g_autoptr(GPtrArray) briefings = atlas_briefings_copy (atlas_dataset_get_briefings (dataset));
  AtlasBriefing *briefing = g_ptr_array_index (briefings, 0);
  g_autoptr(GBytes) spliced = NULL;
  gboolean value_seen = FALSE;

  atlas_briefing_set_title (briefing, "zh", "引号\"、反斜杠\\、制表\t、换行\n、控制\x01、斜杠/");
  for (guint s = 0; s < briefing->slides->len; s++)
    {
      AtlasSlide *slide = g_ptr_array_index (briefing->slides, s);

      for (guint a = 0; a < slide->annotations->len; a++)
        {
          AtlasAnnotation *annotation = g_ptr_array_index (slide->annotations, a);

          if (annotation->kind == ATLAS_ANCHOR_POINT)
            {
              g_free (slide->unit);
              slide->unit = g_strdup ("t");
              annotation->has_value = TRUE;
              annotation->value = 0.1 + 0.2;
              value_seen = TRUE;
            }
          /* A place dragged to: any fraction, either way. */
          annotation->has_place = TRUE;
          annotation->place_dx = (0.1 + 0.2) / 3;
          annotation->place_dy = -1.0 / 3;
        }
    }
  g_assert_true (value_seen);

  spliced = assert_reads_back (dataset, briefings, path);
  g_assert_nonnull (strstr (g_bytes_get_data (spliced, NULL), "\"unit\": \"t\""));
  g_assert_nonnull (strstr (g_bytes_get_data (spliced, NULL), "\"place\": {\"dx\": 0.10000000000000002, \"dy\": -0.3333333333333333}"));

  /* A slide's unit is what its exported chart is drawn in. */
  for (guint s = 0; s < briefing->slides->len; s++)
    {
      const AtlasSlide *slide = g_ptr_array_index (briefing->slides, s);
      AtlasChartOptions options;

      atlas_slide_get_options (slide, &options);
      g_assert_cmpstr (options.unit, ==, slide->unit);
    }
}

/* A view's arrangement is written where the format's order puts it, one
 * member a line, the offsets on one line in the order they were read, and
 * only when it is not the default; it reads back the same. */
static void
test_round_trip_view_switches (void)
{
  g_autofree char *path = source_path ("tests", "data", "good", "full.json", NULL);
  g_autoptr(AtlasDataset) dataset = load (path);
  g_autoptr(GPtrArray) briefings = atlas_briefings_copy (atlas_dataset_get_briefings (dataset));
  AtlasBriefing *briefing = g_ptr_array_index (briefings, 0);
  AtlasSlide *flows = g_ptr_array_index (briefing->slides, 1);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) spliced = NULL;

  json = atlas_briefings_to_json (briefings, "", "  ", "\n");
  g_assert_nonnull (strstr (json,
                            "      {\n"
                            "        \"view\": \"flows\",\n"
                            "        \"chain\": \"ree-2024\",\n"
                            "        \"keep_order\": true,\n"
                            "        \"node_offsets\": {\"ref:MY\": 0.05, \"mag:JP\": -0.02},\n"
                            "        \"select\": \"ref:CN\"\n"
                            "      }"));
  g_assert_nonnull (strstr (json,
                            "      {\n"
                            "        \"view\": \"prices\",\n"
                            "        \"series\": [\"nd-ranges\"],\n"
                            "        \"show_events\": false,\n"
                            "        \"select\": \"nd-ranges\"\n"
                            "      }"));
  /* Defaults are not written. */
  g_assert_null (strstr (json, "\"show_events\": true"));
  g_assert_null (strstr (json, "\"keep_order\": false"));

  /* An offset that needs all 17 digits reads back as the same double. */
  flows->node_offsets[0] = 0.1 + 0.2;
  spliced = assert_reads_back (dataset, briefings, path);
}

/* ---- editing ----------------------------------------------------------- */

static void
test_edit (void)
{
  g_autofree char *path = source_path ("data", "rare-earths.json", NULL);
  g_autoptr(AtlasDataset) dataset = load (path);
  g_autoptr(GPtrArray) briefings = atlas_briefings_copy (atlas_dataset_get_briefings (dataset));
  g_autoptr(GPtrArray) snapshot = NULL;
  AtlasBriefing *first = g_ptr_array_index (briefings, 0);
  AtlasBriefing *added, *again, *chinese;
  AtlasSlide *slide, *copy;
  guint n_slides = first->slides->len;
  g_autofree char *expected_id = g_strdup_printf ("slide-%u", n_slides + 1);
  g_autofree char *copy_id = NULL;

  /* Ids from titles, unique, and ASCII even for a title that is not. */
  added = atlas_briefings_add (briefings, "en", "Japan & Rare Earths, 2027!");
  g_assert_cmpstr (added->id, ==, "japan-rare-earths-2027");
  again = atlas_briefings_add (briefings, "en", "Japan & Rare Earths, 2027!");
  g_assert_cmpstr (again->id, ==, "japan-rare-earths-2027-2");
  chinese = atlas_briefings_add (briefings, "zh", "日本与稀土");
  g_assert_cmpstr (chinese->id, ==, "briefing");
  g_assert_cmpstr (atlas_text_get (chinese->title, "zh"), ==, "日本与稀土");
  g_assert_true (atlas_briefings_find (briefings, "briefing") == chinese);

  /* A slide gets an id no other slide of its briefing has. */
  slide = atlas_slide_new (ATLAS_VIEW_SHARES);
  slide->group = g_strdup ("chain");
  atlas_briefing_insert_slide (first, 0, slide);
  g_assert_cmpstr (slide->id, ==, expected_id);
  copy = atlas_briefing_duplicate_slide (first, 0);
  g_assert_true (g_ptr_array_index (first->slides, 1) == copy);
  g_assert_cmpstr (copy->id, !=, slide->id);
  g_assert_cmpstr (copy->group, ==, "chain");
  g_assert_cmpint (atlas_briefing_find_slide (first, copy->id), ==, 1);

  /* Moves and deletions keep every other slide and its id. */
  atlas_briefing_move_slide (first, 0, first->slides->len - 1);
  g_assert_true (g_ptr_array_index (first->slides, first->slides->len - 1) == slide);
  g_assert_true (g_ptr_array_index (first->slides, 0) == copy);
  snapshot = atlas_briefings_copy (briefings);
  copy_id = g_strdup (copy->id);
  atlas_briefing_remove_slide (first, 0);
  g_assert_cmpint (atlas_briefing_find_slide (first, copy_id), ==, -1);
  g_assert_cmpuint (first->slides->len, ==, n_slides + 1);
  /* The copy taken before is the undo: untouched by the edit. */
  g_assert_cmpuint (((AtlasBriefing *) g_ptr_array_index (snapshot, 0))->slides->len, ==, n_slides + 2);

  /* One language set, the other kept. */
  slide = g_ptr_array_index (first->slides, 0);
  atlas_slide_set_title (slide, "en", "New title");
  g_assert_cmpstr (atlas_text_get (slide->title, "en"), ==, "New title");
  g_assert_cmpstr (atlas_text_get (slide->title, "zh"), ==, "中国主导每一个环节：开采、冶炼分离和磁体");
  atlas_slide_set_note (slide, "zh", "");
  g_assert_false (atlas_text_has_language (slide->note, "zh"));
  g_assert_true (atlas_text_has_language (slide->note, "en"));
  atlas_slide_set_note (slide, "en", NULL);
  g_assert_null (slide->note);
  atlas_slide_set_note (slide, "zh", "只有中文");
  g_assert_cmpstr (atlas_text_get (slide->note, "en"), ==, "只有中文");
  /* A briefing's title keeps its last language: the format needs one. */
  atlas_briefing_set_title (chinese, "zh", NULL);
  g_assert_cmpstr (atlas_text_get (chinese->title, "zh"), ==, "日本与稀土");
}

/* A plain string is what every language falls back to; setting one
 * language makes it the "en" member. */
static void
test_text_with_language (void)
{
  g_autoptr(AtlasText) plain = atlas_text_new_plain ("Plain");
  g_autoptr(AtlasText) both = atlas_text_with_language (plain, "zh", "中文");
  g_autoptr(AtlasText) replaced = atlas_text_with_language (both, "en", "English");
  const char *lang;

  g_assert_cmpuint (atlas_text_n_languages (both), ==, 2);
  g_assert_cmpstr (atlas_text_get_nth (both, 0, &lang), ==, "Plain");
  g_assert_cmpstr (lang, ==, "en");
  g_assert_cmpstr (atlas_text_get_nth (replaced, 0, &lang), ==, "English");
  g_assert_cmpstr (atlas_text_get_nth (replaced, 1, &lang), ==, "中文");
  g_assert_cmpstr (lang, ==, "zh");
  g_assert_null (atlas_text_with_language (plain, "en", ""));
}

/* ---- saving ------------------------------------------------------------ */

static AtlasSlide *
new_prices_slide (void)
{
  AtlasSlide *slide = atlas_slide_new (ATLAS_VIEW_PRICES);
  AtlasAnnotation *annotation = g_new0 (AtlasAnnotation, 1);
  const char *series[] = { "dy-overseas-2025", NULL };
  const char *focus[] = { "dy-overseas-2025", NULL };

  slide->series = g_strdupv ((char **) series);
  slide->focus = g_strdupv ((char **) focus);
  atlas_date_parse ("2025-01", 7, &slide->from);
  atlas_date_parse ("2026-01", 7, &slide->to);
  slide->scale = ATLAS_SCALE_LOG;
  slide->currency = g_strdup ("EUR");
  atlas_slide_set_title (slide, "en", "Dysprosium in Europe");
  atlas_slide_set_title (slide, "zh", "欧洲的镝");
  atlas_slide_set_note (slide, "en", "Said aloud.");
  annotation->kind = ATLAS_ANCHOR_POINT;
  annotation->series = g_strdup ("dy-overseas-2025");
  atlas_date_parse ("2025-05-01", 10, &annotation->date);
  annotation->text = atlas_text_new_plain ("Peak");
  annotation->arrow = FALSE;
  g_ptr_array_add (slide->annotations, annotation);
  return slide;
}

/* Only the value of "briefings" changes; the rest of the file is the same
 * bytes, and the result passes the strict loader with the new slide. */
static void
test_save_changes_only_briefings (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(AtlasDataset) dataset = open_bundled_copy (fixture, &path);
  g_autoptr(GPtrArray) briefings = atlas_briefings_copy (atlas_dataset_get_briefings (dataset));
  GBytes *before = atlas_dataset_get_contents (dataset);
  g_autoptr(AtlasDataset) saved = NULL;
  g_autoptr(AtlasDataset) reloaded = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  AtlasJsonSpan old_span, new_span;
  const char *old_data, *new_data;
  gsize old_length, new_length;
  AtlasBriefing *briefing;
  AtlasSlide *slide = new_prices_slide ();
  const AtlasBriefing *found;
  struct stat st;

  g_chmod (path, 0640);
  briefing = atlas_briefings_add (briefings, "en", "Second briefing");
  atlas_briefing_insert_slide (briefing, 0, slide);
  atlas_briefing_set_title (briefing, "zh", "第二个简报");

  saved = atlas_dataset_save_briefings (dataset, briefings, NULL, ATLAS_SAVE_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  assert_only_file (fixture->dir, "atlas.json");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  after = read_bytes (path);
  assert_bytes_equal (after, atlas_dataset_get_contents (saved));
  old_data = g_bytes_get_data (before, &old_length);
  new_data = g_bytes_get_data (after, &new_length);
  g_assert_true (atlas_json_find_member (old_data, old_length, "briefings", &old_span));
  g_assert_true (atlas_json_find_member (new_data, new_length, "briefings", &new_span));
  g_assert_cmpuint (new_span.value_start, ==, old_span.value_start);
  g_assert_cmpmem (new_data, new_span.value_start, old_data, old_span.value_start);
  g_assert_cmpmem (new_data + new_span.value_end, new_length - new_span.value_end,
                   old_data + old_span.value_end, old_length - old_span.value_end);
  /* The old briefing's bytes are unchanged too: the new one follows it. */
  g_assert_cmpmem (new_data + new_span.value_start, old_span.value_end - old_span.value_start - 4,
                   old_data + old_span.value_start, old_span.value_end - old_span.value_start - 4);

  reloaded = load (path);
  assert_briefings_equal (briefings, atlas_dataset_get_briefings (reloaded));
  found = atlas_dataset_find_briefing (reloaded, "second-briefing");
  g_assert_nonnull (found);
  slide = g_ptr_array_index (found->slides, 0);
  g_assert_cmpstr (slide->id, ==, "slide-1");
  g_assert_cmpstr (atlas_text_get (slide->title, "zh"), ==, "欧洲的镝");
  g_assert_false (((AtlasAnnotation *) g_ptr_array_index (slide->annotations, 0))->arrow);

  /* The ids stay what they are through another round. */
  {
    g_autoptr(GPtrArray) more = atlas_briefings_copy (atlas_dataset_get_briefings (reloaded));
    g_autoptr(AtlasDataset) third = NULL;
    AtlasBriefing *second = (AtlasBriefing *) atlas_briefings_find (more, "second-briefing");

    atlas_briefing_duplicate_slide (second, 0);
    third = atlas_dataset_save_briefings (reloaded, more, NULL, ATLAS_SAVE_NONE, &error);
    g_assert_no_error (error);
    second = (AtlasBriefing *) atlas_dataset_find_briefing (third, "second-briefing");
    g_assert_cmpstr (((AtlasSlide *) g_ptr_array_index (second->slides, 0))->id, ==, "slide-1");
    g_assert_cmpstr (((AtlasSlide *) g_ptr_array_index (second->slides, 1))->id, ==, "slide-2");
  }
}

/* A file without briefings gets them after its last member, indented as
 * that member is, with its own line endings; nothing before moves. */
static void
test_save_first_briefing (Fixture *fixture, gconstpointer data)
{
  static const char original[] =
    "{\r\n"
    "    \"format\": \"rare-earth-atlas/1\",\r\n"
    "    \"title\": \"Tiny\", \"updated\": \"2026-01\",\r\n"
    "    \"sources\": [{\"id\": \"s\", \"publisher\": \"P\", \"title\": \"T\", \"date\": \"2025\", \"kind\": \"news\"}],\r\n"
    "    \"regions\": [{\"id\": \"CN\", \"name\": \"China\"}],\r\n"
    "    \"shares\": [{\"id\": \"mining\", \"metric\": \"Mining\", \"year\": 2025, \"unit\": \"%\", \"cite\": \"s\",\r\n"
    "                \"parts\": [{\"region\": \"CN\", \"value\": 69.0}], \"total\": 100.00}]\r\n"
    "}\r\n";
  static const char expected_tail[] =
    ",\r\n"
    "    \"briefings\": [\r\n"
    "        {\r\n"
    "            \"id\": \"first\",\r\n"
    "            \"title\": {\"en\": \"First\"},\r\n"
    "            \"slides\": [\r\n"
    "                {\r\n"
    "                    \"id\": \"slide-1\",\r\n"
    "                    \"view\": \"shares\",\r\n"
    "                    \"select\": \"mining\"\r\n"
    "                }\r\n"
    "            ]\r\n"
    "        }\r\n"
    "    ]\r\n"
    "}\r\n";
  g_autofree char *path = g_build_filename (fixture->dir, "tiny.json", NULL);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasDataset) saved = NULL;
  g_autoptr(GPtrArray) briefings = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *close = strrchr (original, '}');
  AtlasSlide *slide = atlas_slide_new (ATLAS_VIEW_SHARES);
  AtlasBriefing *briefing;
  g_autofree char *head = NULL;
  g_autofree char *expected = NULL;

  g_file_set_contents (path, original, -1, &error);
  g_assert_no_error (error);
  dataset = load (path);
  g_assert_cmpuint (atlas_dataset_get_briefings (dataset)->len, ==, 0);

  /* No briefings and none to add: the file is left as it is. */
  briefings = atlas_briefings_copy (atlas_dataset_get_briefings (dataset));
  after = atlas_briefings_splice (atlas_dataset_get_contents (dataset), briefings, &error);
  g_assert_no_error (error);
  assert_bytes_equal (after, atlas_dataset_get_contents (dataset));
  g_clear_pointer (&after, g_bytes_unref);

  briefing = atlas_briefings_add (briefings, "en", "First");
  slide->select = g_strdup ("mining");
  atlas_briefing_insert_slide (briefing, 0, slide);
  saved = atlas_dataset_save_briefings (dataset, briefings, NULL, ATLAS_SAVE_NONE, &error);
  g_assert_no_error (error);

  after = read_bytes (path);
  /* "...\"total\": 100.00}]" then the new member, the brace and the end. */
  head = g_strndup (original, close - original - 2);
  expected = g_strconcat (head, expected_tail, NULL);
  g_assert_cmpstr (g_bytes_get_data (after, NULL), ==, expected);
  g_assert_cmpuint (atlas_dataset_get_briefings (saved)->len, ==, 1);
}

/* A file changed on disk after it was opened is not overwritten unless
 * the user says so; a deleted one is not silently made again. */
static void
test_save_conflict (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(AtlasDataset) dataset = open_bundled_copy (fixture, &path);
  g_autoptr(GPtrArray) briefings = atlas_briefings_copy (atlas_dataset_get_briefings (dataset));
  g_autoptr(AtlasDataset) saved = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  gsize length;
  const char *opened = g_bytes_get_data (atlas_dataset_get_contents (dataset), &length);

  atlas_briefings_add (briefings, "en", "Mine");
  atlas_briefing_insert_slide (g_ptr_array_index (briefings, briefings->len - 1), 0, new_prices_slide ());

  /* Same size, one byte different: what a size-and-date check could miss
   * when the change lands in the same second. */
  edited = g_memdup2 (opened, length);
  g_assert_cmpint (edited[1], ==, '\n');
  edited[1] = ' ';
  g_assert_true (g_file_set_contents (path, edited, length, NULL));
  changed = read_bytes (path);

  saved = atlas_dataset_save_briefings (dataset, briefings, NULL, ATLAS_SAVE_NONE, &error);
  g_assert_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_CHANGED_ON_DISK);
  g_test_message ("%s", error->message);
  g_assert_null (saved);
  g_assert_nonnull (strstr (error->message, "atlas.json"));
  now = read_bytes (path);
  assert_bytes_equal (now, changed);
  g_clear_pointer (&now, g_bytes_unref);
  g_clear_error (&error);

  /* Overwriting writes the file as opened with the new briefings. */
  saved = atlas_dataset_save_briefings (dataset, briefings, NULL, ATLAS_SAVE_OVERWRITE, &error);
  g_assert_no_error (error);
  now = read_bytes (path);
  assert_bytes_equal (now, atlas_dataset_get_contents (saved));
  g_assert_nonnull (atlas_dataset_find_briefing (saved, "mine"));
  g_clear_pointer (&now, g_bytes_unref);

  /* Deleted since: refused as well, and then written again on request. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  {
    g_autoptr(AtlasDataset) again = atlas_dataset_save_briefings (saved, briefings, NULL, ATLAS_SAVE_NONE, &error);

    g_assert_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_CHANGED_ON_DISK);

    g_test_message ("%s", error->message);
    g_assert_null (again);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
    again = atlas_dataset_save_briefings (saved, briefings, NULL, ATLAS_SAVE_OVERWRITE, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
}

/* A file without write permission is read-only to everyone, root
 * included (root could write it, but the user said no with chmod), so this
 * part runs everywhere. A read-only folder stops only other users: as root
 * (CI may run so) that part is skipped, and the folder that vanished below
 * covers a failing write for root too. */
static void
test_save_read_only (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr(AtlasDataset) dataset = open_bundled_copy (fixture, &path);
  g_autoptr(GPtrArray) briefings = atlas_briefings_copy (atlas_dataset_get_briefings (dataset));
  g_autoptr(AtlasDataset) saved = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;

  atlas_briefing_remove_slide (g_ptr_array_index (briefings, 0), 0);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  saved = atlas_dataset_save_briefings (dataset, briefings, NULL, ATLAS_SAVE_NONE, &error);
  g_assert_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_assert_null (saved);
  g_assert_nonnull (strstr (error->message, "atlas.json"));
  now = read_bytes (path);
  assert_bytes_equal (now, atlas_dataset_get_contents (dataset));
  assert_only_file (fixture->dir, "atlas.json");
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  if (geteuid () == 0)
    {
      g_test_message ("a read-only folder does not stop root: that part is skipped");
      return;
    }
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  saved = atlas_dataset_save_briefings (dataset, briefings, NULL, ATLAS_SAVE_NONE, &error);
  g_assert_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_assert_null (saved);
  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  assert_only_file (fixture->dir, "atlas.json");
}

/* Writing into a folder that is gone fails with the file named, and
 * leaves nothing behind; this holds for root as for anyone. */
static void
test_save_vanished_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *bundled = source_path ("data", "rare-earths.json", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "gone", NULL);
  g_autofree char *path = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(GPtrArray) briefings = NULL;
  g_autoptr(AtlasDataset) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  path = copy_into (folder, bundled, "atlas.json");
  dataset = load (path);
  briefings = atlas_briefings_copy (atlas_dataset_get_briefings (dataset));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);

  saved = atlas_dataset_save_briefings (dataset, briefings, NULL, ATLAS_SAVE_OVERWRITE, &error);
  g_assert_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_null (saved);
  g_assert_nonnull (strstr (error->message, "atlas.json"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* What would not load is not written: a briefing without slides, or a
 * copy saved away from the CSV files its series read. */
static void
test_save_invalid (Fixture *fixture, gconstpointer data)
{
  g_autofree char *bundled = source_path ("data", "rare-earths.json", NULL);
  g_autofree char *path = copy_into (fixture->dir, bundled, "atlas.json");
  g_autofree char *full = source_path ("tests", "data", "good", "full.json", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "full-copy.json", NULL);
  g_autoptr(AtlasDataset) dataset = load (path);
  g_autoptr(AtlasDataset) full_dataset = load (full);
  g_autoptr(GPtrArray) briefings = atlas_briefings_copy (atlas_dataset_get_briefings (dataset));
  g_autoptr(AtlasDataset) saved = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;

  atlas_briefings_add (briefings, "en", "Empty");
  saved = atlas_dataset_save_briefings (dataset, briefings, NULL, ATLAS_SAVE_NONE, &error);
  g_assert_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "atlas.json"));
  g_assert_nonnull (strstr (error->message, "slides"));
  now = read_bytes (path);
  assert_bytes_equal (now, atlas_dataset_get_contents (dataset));
  g_clear_error (&error);

  /* An annotation left half made: refused with its place. */
  {
    AtlasSlide *slide = atlas_slide_new (ATLAS_VIEW_PRICES);
    AtlasAnnotation *annotation = g_new0 (AtlasAnnotation, 1);

    annotation->kind = ATLAS_ANCHOR_POINT;
    g_ptr_array_add (slide->annotations, annotation);
    atlas_briefing_insert_slide (g_ptr_array_index (briefings, briefings->len - 1), 0, slide);
    saved = atlas_dataset_save_briefings (dataset, briefings, NULL, ATLAS_SAVE_NONE, &error);
    g_assert_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_INVALID);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "annotations[0]"));
    g_clear_error (&error);
  }

  saved = atlas_dataset_save_briefings (full_dataset, atlas_dataset_get_briefings (full_dataset), copy,
                                        ATLAS_SAVE_NONE, &error);
  g_assert_error (error, ATLAS_SAVE_ERROR, ATLAS_SAVE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "prices-small.csv"));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  assert_only_file (fixture->dir, "atlas.json");
}

/* Save As writes a copy and leaves the original as it was. */
static void
test_save_as (Fixture *fixture, gconstpointer data)
{
  g_autofree char *bundled = source_path ("data", "rare-earths.json", NULL);
  g_autofree char *path = copy_into (fixture->dir, bundled, "atlas.json");
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.json", NULL);
  g_autoptr(AtlasDataset) dataset = load (path);
  g_autoptr(GPtrArray) briefings = atlas_briefings_copy (atlas_dataset_get_briefings (dataset));
  g_autoptr(AtlasDataset) saved = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;

  atlas_briefing_remove_slide (g_ptr_array_index (briefings, 0), 0);
  /* Even when the original was read-only or changed: the copy is new. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  saved = atlas_dataset_save_briefings (dataset, briefings, copy, ATLAS_SAVE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_dataset_get_path (saved), ==, copy);
  now = read_bytes (path);
  assert_bytes_equal (now, atlas_dataset_get_contents (dataset));
  g_clear_pointer (&now, g_bytes_unref);
  now = read_bytes (copy);
  assert_bytes_equal (now, atlas_dataset_get_contents (saved));
}

/* The scanner finds a member whatever its strings and nesting hold. */
static void
test_span_scanner (void)
{
  static const char text[] =
    "\xef\xbb\xbf { \"a\\\"briefings\": \"}]\\\\\", \"x\": [{\"briefings\": 1}, \"\\u0062\"],"
    " \"brief\\u0069ngs\" : [ [] , {\"k\": \"v\"} ] , \"n\": -1.5e3 }";
  static const char *broken[] = { "", "[]", "{\"a\": 1", "{\"a\" 1}", "{\"a\": \"x}", "{\"a\": ]}", "{\"a\": 1,}" };
  AtlasJsonSpan span;

  g_assert_true (atlas_json_find_member (text, strlen (text), "briefings", &span));
  g_assert_true (span.found);
  g_assert_cmpmem (text + span.value_start, span.value_end - span.value_start,
                   "[ [] , {\"k\": \"v\"} ]", strlen ("[ [] , {\"k\": \"v\"} ]"));
  g_assert_cmpuint (span.n_members, ==, 4);
  g_assert_cmpstr (text + span.last_value_end, ==, " }");

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    g_assert_false (atlas_json_find_member (broken[i], strlen (broken[i]), "briefings", &span));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/briefings/round-trip/bundled", test_round_trip_bundled);
  g_test_add_func ("/briefings/round-trip/fixtures", test_round_trip_fixtures);
  g_test_add_func ("/briefings/round-trip/hard-values", test_round_trip_hard_values);
  g_test_add_func ("/briefings/round-trip/view-switches", test_round_trip_view_switches);
  g_test_add_func ("/briefings/edit", test_edit);
  g_test_add_func ("/briefings/text-with-language", test_text_with_language);
  g_test_add_func ("/briefings/span-scanner", test_span_scanner);
  g_test_add ("/briefings/save/only-briefings-change", Fixture, NULL, fixture_set_up,
              test_save_changes_only_briefings, fixture_tear_down);
  g_test_add ("/briefings/save/first-briefing", Fixture, NULL, fixture_set_up,
              test_save_first_briefing, fixture_tear_down);
  g_test_add ("/briefings/save/conflict", Fixture, NULL, fixture_set_up,
              test_save_conflict, fixture_tear_down);
  g_test_add ("/briefings/save/read-only", Fixture, NULL, fixture_set_up,
              test_save_read_only, fixture_tear_down);
  g_test_add ("/briefings/save/vanished-folder", Fixture, NULL, fixture_set_up,
              test_save_vanished_folder, fixture_tear_down);
  g_test_add ("/briefings/save/invalid", Fixture, NULL, fixture_set_up,
              test_save_invalid, fixture_tear_down);
  g_test_add ("/briefings/save/save-as", Fixture, NULL, fixture_set_up,
              test_save_as, fixture_tear_down);

  return g_test_run ();
}
