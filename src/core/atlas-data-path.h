/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-data-path.h: where an installed file is, unless the environment names another (the build tree, tests). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* $@variable when it is set and not empty, else @installed (a path under
 * the configured prefix). An installed program finds its files from its
 * prefix only; `meson devenv`, build-aux/run and the tests set the
 * variables to the build's and source tree's copies (see meson.build). */
char *atlas_data_path (const char *variable, const char *installed);

G_END_DECLS
