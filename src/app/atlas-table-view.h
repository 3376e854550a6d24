/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-table-view.h: the data behind the current chart as a table (GtkColumnView over atlas_chart_table()). */
#pragma once

#include <gtk/gtk.h>

#include "atlas-chart.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TABLE_VIEW (atlas_table_view_get_type ())
G_DECLARE_FINAL_TYPE (AtlasTableView, atlas_table_view, ATLAS, TABLE_VIEW, GtkWidget)

GtkWidget  *atlas_table_view_new       (void);
/* Shows @table (taken over; NULL shows @error's message instead). */
void        atlas_table_view_set_table (AtlasTableView *self,
                                        AtlasTable     *table,
                                        const char     *title,
                                        const GError   *error);

G_END_DECLS
