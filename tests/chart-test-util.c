/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart-test-util.c: what the chart tests share: loading their datasets and reading texts back from a scene. */
#include <string.h>

#include "atlas-bundled-dataset.h"
#include "chart-test-util.h"

static AtlasDataset *
load_or_fail (const char *path)
{
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset = atlas_dataset_load_file (path, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

AtlasDataset *
chart_test_load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", name, NULL);

  return load_or_fail (path);
}

AtlasDataset *
chart_test_load_bundled (void)
{
  g_autofree char *path = atlas_find_bundled_dataset ();

  return load_or_fail (path);
}

const AtlasShape *
chart_test_shape (const AtlasScene *scene, guint i)
{
  g_assert_cmpuint (i, <, scene->shapes->len);
  return &g_array_index (scene->shapes, AtlasShape, i);
}

gboolean
chart_test_scene_has_text (const AtlasScene *scene, const char *text)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = chart_test_shape (scene, i);

      if (shape->kind == ATLAS_SHAPE_TEXT && g_strcmp0 (shape->text, text) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
chart_test_scene_contains_text (const AtlasScene *scene, const char *needle)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = chart_test_shape (scene, i);

      if (shape->kind == ATLAS_SHAPE_TEXT && strstr (shape->text, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}
