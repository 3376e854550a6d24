/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-scene.h: a laid-out chart as plain data, drawn on any cairo surface and hit-tested without a widget. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "atlas-dataset.h"
#include "atlas-style.h"

G_BEGIN_DECLS

/* What a drawn shape stands for in the dataset. */
typedef enum {
  ATLAS_ITEM_NONE,        /* decoration: axes, titles, gridlines */
  ATLAS_ITEM_NODE,        /* id: node id;   index: node index in the chain */
  ATLAS_ITEM_LINK,        /* id: chain id;  index: link index in the chain */
  ATLAS_ITEM_SERIES,      /* id: series id; index: -1 (the line, legend entry) */
  ATLAS_ITEM_POINT,       /* id: series id; index: point index in the series */
  ATLAS_ITEM_EVENT,       /* id: event id;  index: event index in the dataset */
  ATLAS_ITEM_SHARE,       /* id: share id;  index: -1 (the bar as a whole), or -2 for its
                           * grey block of small parts grouped as "Other (n)" */
  ATLAS_ITEM_SHARE_PART,  /* id: share id;  index: part index, or -1 for "Other" */
} AtlasItemKind;

typedef struct {
  AtlasItemKind kind;
  const char   *id;       /* owned by the dataset (or the scene); NULL for NONE */
  int           index;
} AtlasItem;

gboolean atlas_item_equal (const AtlasItem *a, const AtlasItem *b);
/* "node", "link", "series", "point", "event", "share", "part", "none". */
const char *atlas_item_kind_to_string (AtlasItemKind kind);
/* A stable key such as "node:ref:CN" or "link:ree-2024:3", for hash tables. */
char    *atlas_item_to_key (const AtlasItem *item);
/* Adds the key of the item (@kind, @id, @index) to @set, a set of keys
 * (collect_related(), a figure's focus). */
void     atlas_item_set_add (GHashTable *set, AtlasItemKind kind, const char *id, int index);

typedef struct {
  double x, y, width, height;
} AtlasRect;

gboolean atlas_rect_intersects (const AtlasRect *a, const AtlasRect *b);
gboolean atlas_rect_contains   (const AtlasRect *outer, const AtlasRect *inner);
gboolean atlas_rect_contains_point (const AtlasRect *r, double x, double y);

typedef enum {
  ATLAS_SHAPE_RECT,
  ATLAS_SHAPE_PATH,
  ATLAS_SHAPE_TEXT,
} AtlasShapeKind;

/* What a text is in the figure, for readers of the scene (its JSON, tests,
 * the SVG's groups): a label names or values a mark. */
typedef enum {
  ATLAS_ROLE_LABEL,
  ATLAS_ROLE_TITLE,
  ATLAS_ROLE_SUBTITLE,
  ATLAS_ROLE_HEADER,     /* a column's or lane's name */
  ATLAS_ROLE_AXIS,
  ATLAS_ROLE_LEGEND,
  ATLAS_ROLE_NOTE,       /* a message in the plot, a bar's note */
  ATLAS_ROLE_CALLOUT,    /* an annotation or a direct value label */
  ATLAS_ROLE_FOOTER,
} AtlasTextRole;

const char *atlas_text_role_to_string (AtlasTextRole role);

typedef enum {
  ATLAS_ALIGN_START,
  ATLAS_ALIGN_CENTER,
  ATLAS_ALIGN_END,
} AtlasAlign;

/* One thing to draw.  Shapes are drawn in array order (later ones on top)
 * and hit-tested in reverse. */
typedef struct {
  AtlasShapeKind kind;
  AtlasItem      item;
  gboolean       hit;          /* takes part in hit-testing */
  AtlasRect      bounds;       /* the rect itself; a path's or text's extents */

  gboolean       has_fill;
  AtlasColor     fill;
  gboolean       hatched;      /* fill drawn as diagonal hatching (estimates) */
  gboolean       has_stroke;
  AtlasColor     stroke;
  double         line_width;
  double         dash;         /* dash length; 0 for a solid line */
  /* Edges smoothed on cairo's coarse 4x4 grid rather than its finest:
   * for large areas of many thin parts (the map's land and its hatching)
   * it looks the same and rasterises in about half the time. */
  gboolean       coarse_edges;

  cairo_path_t  *path;         /* ATLAS_SHAPE_PATH; owned */

  /* ATLAS_SHAPE_TEXT: plain text (never markup), its top-left at bounds.x/y
   * (after alignment), wrapped at bounds.width when wrap is set. */
  char          *text;
  double         font_size;    /* in the figure's units (points = pixels at 1x) */
  gboolean       bold;
  gboolean       italic;
  gboolean       wrap;
  AtlasAlign     align;
  double         angle;        /* radians, rotation about the top-left corner */
  AtlasTextRole  role;
} AtlasShape;

typedef struct _AtlasScene AtlasScene;

/* A written callout as the figure placed it, for a window that lets it be
 * moved: which annotation its text is and what it points at. */
typedef struct {
  guint    shape;              /* index of its text in the scene's shapes */
  gboolean from_options;       /* one of the options' annotations (a slide's), else the dataset's */
  guint    index;              /* in that list */
  double   anchor_x, anchor_y; /* the point it is about */
  gboolean placed;             /* at its written place (else where the chart found room) */
} AtlasSceneCallout;

/* What a chart kind adds to the generic scene (see atlas-chart.c). */
typedef struct {
  const char *name;
  /* Items related to @item, for highlighting (Sankey: all up- and
   * downstream nodes and links). Adds keys (atlas_item_to_key) to @set. */
  void     (*collect_related) (const AtlasScene *scene, const AtlasItem *item, GHashTable *set);
  /* Optional special hit-test (prices: nearest point at the pointer's date).
   * Return FALSE to fall back to the shapes. */
  gboolean (*hit_test)        (const AtlasScene *scene, double x, double y, AtlasItem *out);
  /* Where @annotation points in this figure; FALSE when it is not about
   * anything the figure draws (see atlas-annotations.c). */
  gboolean (*anchor)          (const AtlasScene *scene, const AtlasAnnotation *annotation,
                               double *x, double *y);
} AtlasSceneClass;

struct _AtlasScene {
  const AtlasSceneClass *klass;
  AtlasDataset *dataset;        /* ref held */
  AtlasStyle   *style;          /* copy owned by the scene */
  double        width, height;
  AtlasColor    background;
  GArray       *shapes;         /* AtlasShape */
  AtlasRect     plot;           /* the plotting area inside the frame */
  char         *description;    /* plain language, for screen readers */
  char         *title;          /* the figure's title as drawn */
  /* Focusable items in reading order, for keyboard navigation. */
  GArray       *items;          /* AtlasItem */
  /* Set by the caller for hover or selection; draw() mutes what is not related. */
  GHashTable   *emphasis;       /* item keys; NULL for none */
  /* What the figure is about (a slide's focus) and what is related to it:
   * the emphasis whenever nothing is hovered or selected; NULL for none. */
  GHashTable   *focus;
  AtlasItem     selected;       /* drawn with an outline; kind NONE for none */
  GArray       *callouts;       /* AtlasSceneCallout, in the order placed */
  gpointer      chart_data;     /* chart-specific, freed with chart_data_free */
  GDestroyNotify chart_data_free;
};

AtlasScene *atlas_scene_new    (const AtlasSceneClass *klass,
                                AtlasDataset          *dataset,
                                const AtlasStyle      *style,
                                double                 width,
                                double                 height);
void        atlas_scene_free   (AtlasScene *scene);

/* Appends a shape (copied; path and text are taken over) and returns it. */
AtlasShape *atlas_scene_add_shape (AtlasScene *scene, const AtlasShape *shape);
AtlasShape *atlas_scene_add_rect  (AtlasScene *scene, const AtlasRect *rect,
                                   const AtlasColor *fill, const AtlasItem *item);
/* Measures the text with Pango (the scene's style gives the font family)
 * and adds it with its top at @y, aligned on @x as @align says. */
AtlasShape *atlas_scene_add_text  (AtlasScene *scene, const char *text,
                                   double x, double y, double font_size,
                                   gboolean bold, AtlasAlign align,
                                   const AtlasColor *color, const AtlasItem *item);
void        atlas_scene_add_item  (AtlasScene *scene, const AtlasItem *item);

void        atlas_scene_draw      (const AtlasScene *scene, cairo_t *cr);
/* What atlas_scene_draw() multiplies @shape's colours' alpha by: less than
 * 1 when something else is emphasised.  For writers that draw a scene
 * without cairo (SVG with real text). */
double      atlas_scene_shape_opacity (const AtlasScene *scene, const AtlasShape *shape);
gboolean    atlas_scene_hit_test  (const AtlasScene *scene, double x, double y, AtlasItem *out);
/* The union of the bounds of the marks (not texts) whose item is of @kind
 * and @id (any index when @index < 0); FALSE if none. */
gboolean    atlas_scene_mark_bounds (const AtlasScene *scene, AtlasItemKind kind, const char *id,
                                     int index, AtlasRect *out);
/* The union of the bounds of the shapes standing for @item; FALSE if none. */
gboolean    atlas_scene_item_bounds (const AtlasScene *scene, const AtlasItem *item, AtlasRect *out);
const char *atlas_scene_describe  (const AtlasScene *scene);
/* The written callout whose text is at (@x, @y), topmost first; NULL if none. */
const AtlasSceneCallout *atlas_scene_callout_at (const AtlasScene *scene, double x, double y);

/* Hover and selection: emphasise @item and what is related to it (NULL or
 * kind NONE clears). Cheap: no layout is redone. */
void        atlas_scene_set_highlight (AtlasScene *scene, const AtlasItem *item);
void        atlas_scene_set_selected  (AtlasScene *scene, const AtlasItem *item);
/* The figure's focus: @items and what is related to each stay whole while
 * the rest recedes, until a hover or selection takes over, and again once
 * it is cleared.  @n 0 clears the focus. */
void        atlas_scene_set_focus     (AtlasScene *scene, const AtlasItem *items, guint n);
/* The same with the set of item keys already made (taken over; NULL
 * clears), for a chart whose focus is not "everything related". */
void        atlas_scene_set_focus_keys (AtlasScene *scene, GHashTable *keys);
/* The colour a text shape is drawn in, muted or not: a muted text keeps a
 * contrast of at least 3:1 with the background (WCAG's large-text floor). */
void        atlas_scene_text_color    (const AtlasScene *scene, const AtlasShape *shape, AtlasColor *out);
/* WCAG contrast ratio of two opaque colours, 1 to 21. */
double      atlas_color_contrast      (const AtlasColor *a, const AtlasColor *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasScene, atlas_scene_free)

G_END_DECLS
