/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-chart.h: what a chart shows (options) and the one entry point that lays out any view. */
#pragma once

#include "atlas-scene.h"
#include "atlas-style.h"

G_BEGIN_DECLS

#define ATLAS_CHART_ERROR (atlas_chart_error_quark ())
GQuark atlas_chart_error_quark (void);

typedef enum {
  ATLAS_CHART_ERROR_UNKNOWN_ID,   /* an option names an id the dataset lacks */
  ATLAS_CHART_ERROR_NOTHING,      /* the dataset has nothing for this view */
  ATLAS_CHART_ERROR_BAD_OPTION,   /* an option value out of range */
} AtlasChartError;

/* Everything the views, presentation mode and the command line can choose.
 * Ids are borrowed; NULL or unset means "the default" noted beside each. */
typedef struct {
  AtlasView    view;
  const char  *lang;            /* dataset text language; NULL: the user's */
  /* A headline that replaces the figure's title (a slide's title); the
   * chart's own title then opens the subtitle, so a slide has one title. */
  const char  *title;
  const char  *subtitle;        /* extra line under the title, or NULL */

  /* flows */
  const char  *chain;           /* NULL: the first chain */
  gboolean     keep_order;      /* keep the dataset's node order */
  /* Nodes the user dragged: their ids (NULL-terminated, or NULL) and as
   * many vertical offsets, each a fraction of the diagram's plot height
   * (down positive), so that a drag looks the same at every size. */
  const char * const *offset_nodes;
  const double       *node_offsets;

  /* prices */
  const char * const *series;   /* NULL: Dy and Tb series when present, else the first */
  AtlasDate    from, to;        /* visible range; unset: all */
  gboolean     log_scale;
  AtlasDate    indexed;         /* rebase each series to 100 here; unset: off */
  const char  *currency;        /* NULL: as quoted */
  const char  *unit;            /* mass unit; NULL: as quoted */
  gboolean     show_events;     /* annotate events (TRUE by default via init) */

  /* shares */
  const char  *group;           /* NULL: the first group */

  /* timeline filters; NULL: everything */
  const char * const *kinds;
  const char * const *regions;
  const char * const *elements;

  /* The item drawn selected and emphasised, by id: a node (flows), a series
   * or an event (prices), a share (shares), an event (timeline); or NULL. */
  const char  *select;

  /* What the figure is about (a slide's focus): ids of regions, nodes,
   * series, shares or events, drawn whole and labelled while the rest
   * recedes; NULL: nothing in particular. */
  const char * const *focus;
  /* Callouts to place (const AtlasAnnotation*, borrowed), besides the
   * dataset's own; NULL: only the dataset's. */
  GPtrArray   *annotations;
} AtlasChartOptions;

void        atlas_chart_options_init   (AtlasChartOptions *options, AtlasView view);

/* Lays out the chart for @options at @width x @height (figure units: pixels
 * at 1x, points in SVG and PDF).  Fails with ATLAS_CHART_ERROR when an
 * option names something the dataset lacks. */
AtlasScene *atlas_chart_layout         (AtlasDataset            *dataset,
                                        const AtlasChartOptions *options,
                                        double                   width,
                                        double                   height,
                                        const AtlasStyle        *style,
                                        GError                 **error);

/* What a table column holds.  A number cell is the number itself, plain
 * ("44000000", "-0.5", or "" for none: see atlas_format_plain_number()), so
 * that a CSV file can be read by a spreadsheet in any locale; the unit is
 * in the header or in a column of its own.  Only the table view dresses
 * numbers up for people (atlas_table_display_cell()). */
typedef enum {
  ATLAS_TABLE_COLUMN_TEXT,
  ATLAS_TABLE_COLUMN_NUMBER,
  ATLAS_TABLE_COLUMN_PERCENT,    /* a number of per cent: "48.41" is 48.41 % */
} AtlasTableColumnKind;

/* The data behind a chart, as a table (for the table view and CSV export).
 * Rows of strings; the last column is always the sources. */
typedef struct _AtlasTable AtlasTable;

/* Receives each row as it is made, its cells borrowed for the call; the
 * table's columns are all known by then. */
typedef void (*AtlasTableRowFunc) (const AtlasTable *table,
                                   GPtrArray        *cells,
                                   gpointer          user_data);

struct _AtlasTable {
  GPtrArray *columns;           /* char* headers */
  GArray    *kinds;             /* AtlasTableColumnKind, one per column */
  GPtrArray *rows;              /* GPtrArray* of char* cells; empty when streamed */
  AtlasTableRowFunc row_func;   /* set: rows go there and are not kept */
  gpointer   row_data;
};

AtlasTable *atlas_chart_table          (AtlasDataset            *dataset,
                                        const AtlasChartOptions *options,
                                        GError                 **error);
/* The same table, each row handed to @func as it is made and then freed,
 * so that a table of millions of rows never is in memory at once (a CSV
 * export streams it).  Returns the table's columns (no rows), or NULL. */
AtlasTable *atlas_chart_table_foreach_row (AtlasDataset            *dataset,
                                           const AtlasChartOptions *options,
                                           AtlasTableRowFunc        func,
                                           gpointer                 user_data,
                                           GError                 **error);

AtlasTable *atlas_table_new            (void);
void        atlas_table_add_column     (AtlasTable              *table,
                                        const char              *header,
                                        AtlasTableColumnKind     kind);
AtlasTableColumnKind
            atlas_table_get_column_kind (const AtlasTable       *table,
                                         guint                   column);
/* A cell as people read it: numbers with their digits grouped ("44,000,000")
 * and per cents with their sign ("48.41 %"); text as it is. */
char       *atlas_table_display_cell   (AtlasTableColumnKind     kind,
                                        const char              *cell);
void        atlas_table_free           (AtlasTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasTable, atlas_table_free)

/* The view's name as the window's view switcher writes it ("Flows",
 * "Prices"…), translated: for anything that names a view to a reader. */
const char *atlas_view_label (AtlasView view);

G_END_DECLS
