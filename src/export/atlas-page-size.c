/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-page-size.c: A4 and US Letter, portrait and landscape, with half-inch margins. */
#include "atlas-page-size.h"

/* ISO 216 A4 is 210 x 297 mm; a point is 1/72 inch, 25.4 mm. */
#define MM_TO_PT(mm) ((mm) / 25.4 * 72.0)

/* Half an inch: inside what office printers cannot reach, and what word
 * processors call "narrow" margins, so the chart keeps most of the sheet. */
#define MARGIN 36.0

static const AtlasPageSize pages[] = {
  { "a4", MM_TO_PT (210.0), MM_TO_PT (297.0), MARGIN },
  { "letter", 612.0, 792.0, MARGIN },
  { "a4-landscape", MM_TO_PT (297.0), MM_TO_PT (210.0), MARGIN },
  { "letter-landscape", 792.0, 612.0, MARGIN },
};

gboolean
atlas_page_size_from_name (const char    *name,
                           AtlasPageSize *out)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_ascii_strcasecmp (name, pages[i].name) == 0)
      {
        *out = pages[i];
        return TRUE;
      }
  return FALSE;
}

void
atlas_page_size_get_inner (const AtlasPageSize *page,
                           double              *width,
                           double              *height)
{
  *width = page->width - 2 * page->margin;
  *height = page->height - 2 * page->margin;
}
