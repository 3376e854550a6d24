/* atlas-bundled-dataset.c: finds the bundled dataset in the build tree, where it was installed, or where a test says. */
#include "atlas-config.h"

#include <glib/gstdio.h>

#include "atlas-bundled-dataset.h"

#define BUNDLED_DATASET_NAME "rare-earths.json"

/* An installed program must never read a source tree that happens to still
 * exist on the machine: only a program inside the build tree does. */
gboolean
atlas_running_from_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_root = g_strconcat (ATLAS_BUILD_ROOT, G_DIR_SEPARATOR_S, NULL);

  return exe != NULL && g_str_has_prefix (exe, build_root);
}

char *
atlas_find_bundled_dataset (void)
{
  const char *from_environment = g_getenv ("ATLAS_DATASET");

  if (from_environment != NULL && *from_environment != '\0')
    return g_strdup (from_environment);

  if (atlas_running_from_build_tree ())
    {
      g_autofree char *in_source = g_build_filename (SOURCE_DATADIR, BUNDLED_DATASET_NAME, NULL);

      if (g_file_test (in_source, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&in_source);
    }
  return g_build_filename (PKGDATADIR, BUNDLED_DATASET_NAME, NULL);
}
