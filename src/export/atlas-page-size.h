/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-page-size.h: paper sizes for PDF exports: the page, its margins and the figure inside them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A sheet of paper in points (1/72 inch), with the same margin on every
 * side; the chart is laid out in the area inside the margins, so its
 * figure units are points on paper and its type keeps its printed size. */
typedef struct {
  const char *name;       /* "a4", "letter-landscape", ... */
  double      width;
  double      height;
  double      margin;
} AtlasPageSize;

/* The paper named @name: a4, letter, a4-landscape or letter-landscape
 * (case-insensitive); FALSE for any other name. */
gboolean    atlas_page_size_from_name (const char    *name,
                                       AtlasPageSize *out);
/* The area inside the margins, where the figure goes. */
void        atlas_page_size_get_inner (const AtlasPageSize *page,
                                       double              *width,
                                       double              *height);

G_END_DECLS
