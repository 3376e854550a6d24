/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-chart-private.h: the per-view layouts and tables that atlas-chart.c dispatches to. */
#pragma once

#include "atlas-chart.h"

G_BEGIN_DECLS

AtlasScene *atlas_sankey_chart_layout   (AtlasDataset *dataset, const AtlasChartOptions *options,
                                         double width, double height, const AtlasStyle *style,
                                         GError **error);
AtlasScene *atlas_price_chart_layout    (AtlasDataset *dataset, const AtlasChartOptions *options,
                                         double width, double height, const AtlasStyle *style,
                                         GError **error);
AtlasScene *atlas_share_chart_layout    (AtlasDataset *dataset, const AtlasChartOptions *options,
                                         double width, double height, const AtlasStyle *style,
                                         GError **error);
AtlasScene *atlas_timeline_chart_layout (AtlasDataset *dataset, const AtlasChartOptions *options,
                                         double width, double height, const AtlasStyle *style,
                                         GError **error);

AtlasTable *atlas_sankey_chart_table    (AtlasDataset *dataset, const AtlasChartOptions *options, GError **error);
AtlasTable *atlas_price_chart_table     (AtlasDataset *dataset, const AtlasChartOptions *options, GError **error);
AtlasTable *atlas_share_chart_table     (AtlasDataset *dataset, const AtlasChartOptions *options, GError **error);
AtlasTable *atlas_timeline_chart_table  (AtlasDataset *dataset, const AtlasChartOptions *options, GError **error);
/* The map: a share's choropleth (options->group: a group or a share id),
 * or a chain's routes (options->chain without a group). */
AtlasScene *atlas_map_chart_layout      (AtlasDataset *dataset, const AtlasChartOptions *options,
                                         double width, double height, const AtlasStyle *style,
                                         GError **error);
AtlasTable *atlas_map_chart_table       (AtlasDataset *dataset, const AtlasChartOptions *options, GError **error);

/* Table building helpers. */
/* Appends a row; takes ownership of the NULL-terminated cells (g_free'd). */
void        atlas_table_add_row    (AtlasTable *table, char *first_cell, ...) G_GNUC_NULL_TERMINATED;
/* A derived per cent for a PERCENT cell: to hundredths ("48.41"), or to
 * two significant digits when smaller ("0.005"), so no share reads 0. */
char       *atlas_table_format_percent (double percent);
/* "USGS: Mineral Commodity Summaries 2025 (2025-01-31); ..." for a cite. */
char       *atlas_table_format_cite (AtlasDataset *dataset, const char * const *cite, const char *lang);

G_END_DECLS
