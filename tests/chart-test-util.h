/* SPDX-License-Identifier: GPL-3.0-or-later */
/* chart-test-util.h: what the chart tests share: loading their datasets and reading texts back from a scene. */
#pragma once

#include "atlas-chart.h"

G_BEGIN_DECLS

/* tests/data/charts/@name, loaded; fails the test if it does not load. */
AtlasDataset *chart_test_load_fixture       (const char       *name);
/* The bundled dataset (where the tests' environment says it is), loaded;
 * fails the test if it does not load. */
AtlasDataset *chart_test_load_bundled       (void);
/* The scene's @i-th shape. */
const AtlasShape *chart_test_shape          (const AtlasScene *scene,
                                             guint             i);
/* Whether @scene draws a text that reads exactly @text. */
gboolean      chart_test_scene_has_text     (const AtlasScene *scene,
                                             const char       *text);
/* Whether @scene draws a text containing @needle. */
gboolean      chart_test_scene_contains_text (const AtlasScene *scene,
                                              const char       *needle);

G_END_DECLS
