/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-data-path.c: where an installed file is, unless the environment names another (the build tree, tests). */
#include "atlas-config.h"

#include "atlas-data-path.h"

char *
atlas_data_path (const char *variable, const char *installed)
{
  const char *from_environment;

  g_return_val_if_fail (variable != NULL && installed != NULL, NULL);

  from_environment = g_getenv (variable);
  if (from_environment != NULL && *from_environment != '\0')
    return g_strdup (from_environment);
  return g_strdup (installed);
}
