/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-dataset.h: the immutable, validated dataset model every layer reads. */
#pragma once

#include <glib-object.h>

#include "atlas-date.h"
#include "atlas-text.h"

G_BEGIN_DECLS

#define ATLAS_DATASET_ERROR (atlas_dataset_error_quark ())
GQuark atlas_dataset_error_quark (void);

typedef enum {
  ATLAS_DATASET_ERROR_IO,       /* the file (or a points_csv file) cannot be read */
  ATLAS_DATASET_ERROR_SYNTAX,   /* not UTF-8, not JSON, too deep, bad CSV line */
  ATLAS_DATASET_ERROR_VERSION,  /* "format" is not rare-earth-atlas/1 */
  ATLAS_DATASET_ERROR_INVALID,  /* breaks a rule of the format */
} AtlasDatasetError;

#define ATLAS_DATASET_FORMAT "rare-earth-atlas/1"

/* What atlas_dataset_load_file() collects when @max_messages is 0. */
#define ATLAS_DATASET_DEFAULT_MAX_MESSAGES 100
/* Deepest nesting of arrays and objects a dataset may use. */
#define ATLAS_DATASET_MAX_DEPTH 64
/* Limits that bound the memory and time a hostile file can cost, far above
 * what any dataset needs: the bytes of a dataset file, and of all its
 * points_csv files together; the JSON values (numbers, strings, true, false,
 * null, arrays, objects) of a file (a million inline [date, low, high]
 * points fit); the bytes of one JSON string as written. */
#define ATLAS_DATASET_MAX_FILE_SIZE (256u * 1024 * 1024)
#define ATLAS_DATASET_MAX_VALUES    5000000u
/* Of those values, the objects ({...}): json-glib spends some 440 bytes on
 * each, four times a number's, so that five million empty objects are not
 * 2.2 GB. */
#define ATLAS_DATASET_MAX_OBJECTS   1000000u
#define ATLAS_DATASET_MAX_STRING    (1024u * 1024)
/* The magnitudes a number may have, besides zero: wide enough for any
 * tonnage, price or rate in any unit, narrow enough that sums, scales,
 * conversions and axes of them stay finite and exact enough to draw. */
/* The most points one series may have: the days of the years 1 to 9999
 * (a series has one point a day at most).  A points_csv file with more
 * rows must repeat a date, and is refused when it passes this, before its
 * rows cost more memory. */
#define ATLAS_SERIES_MAX_POINTS 3652059u
#define ATLAS_DATASET_MAX_MAGNITUDE 1e15
#define ATLAS_DATASET_MIN_MAGNITUDE 1e-12

/* A list of source ids (the nearest "cite"); NULL-terminated, never empty
 * when non-NULL. Items that have no cite of their own have NULL and inherit
 * their enclosing object's: use atlas_cite_or() to resolve. */
typedef char **AtlasCite;

static inline const char * const *
atlas_cite_or (char **own, char **enclosing)
{
  return (const char * const *) (own != NULL ? own : enclosing);
}

typedef enum {
  ATLAS_SOURCE_OFFICIAL,
  ATLAS_SOURCE_INDUSTRY,
  ATLAS_SOURCE_NEWS,
  ATLAS_SOURCE_ANALYSIS,
  ATLAS_SOURCE_ESTIMATE,
} AtlasSourceKind;

typedef struct {
  char            *id;
  AtlasText       *publisher;
  AtlasText       *title;
  AtlasDate        date;
  char            *url;         /* NULL or an http(s) URL */
  AtlasSourceKind  kind;
  AtlasText       *note;        /* optional */
} AtlasSource;

typedef struct {
  char      *id;
  AtlasText *name;
  gboolean   has_color;
  double     red, green, blue;  /* 0..1, when has_color */
  /* The ISO 3166-1 alpha-2 code the map draws it as, upper case; NULL:
   * the map tries the id itself. */
  char      *iso;
} AtlasRegion;

/* Light and heavy are rare-earth terms; another commodity's elements have
 * no group. */
typedef enum {
  ATLAS_ELEMENT_NO_GROUP,
  ATLAS_ELEMENT_LIGHT,
  ATLAS_ELEMENT_HEAVY,
} AtlasElementGroup;

typedef struct {
  char              *id;
  AtlasText         *name;
  AtlasElementGroup  group;      /* optional: ATLAS_ELEMENT_NO_GROUP */
  int                number;     /* optional: 0 */
} AtlasElement;

/* ---- supply chains ---------------------------------------------------- */

typedef struct {
  char      *id;
  AtlasText *name;
} AtlasStage;

typedef struct {
  char              *id;
  guint              stage;      /* index into the chain's stages */
  const AtlasRegion *region;     /* NULL when the node has only a name */
  AtlasText         *name;       /* NULL when the node has only a region */
  double             inflow;     /* sum of the values of links into it */
  double             outflow;    /* sum of the values of links out of it */
  double             value;      /* MAX (inflow, outflow) */
} AtlasNode;

typedef struct {
  guint      from;               /* index into the chain's nodes */
  guint      to;
  double     value;
  gboolean   estimate;
  AtlasCite  cite;               /* NULL: the chain's */
  AtlasText *note;
} AtlasLink;

typedef struct {
  char      *id;
  AtlasText *title;
  int        year;
  char      *unit;
  AtlasCite  cite;
  GPtrArray *stages;             /* AtlasStage*, in column order */
  GPtrArray *nodes;              /* AtlasNode*, in file order */
  GPtrArray *links;              /* AtlasLink*, in file order */
} AtlasChain;

/* ---- shares ----------------------------------------------------------- */

typedef struct {
  const AtlasRegion *region;
  double             value;
  gboolean           estimate;
  AtlasCite          cite;       /* NULL: the share's */
  AtlasText         *note;
} AtlasSharePart;

typedef struct {
  char       *id;
  AtlasText  *metric;
  int         year;
  char       *unit;
  AtlasCite   cite;
  char       *group;             /* NULL when ungrouped */
  GPtrArray  *parts;             /* AtlasSharePart*, in file order */
  gboolean    has_total;
  double      total;             /* the whole: "total", else the sum of parts */
  double      parts_sum;
  AtlasText  *note;
  /* Alternative figures for one fact: the first entry in file order with the
   * same metric, year and group is the primary; it lists the others here. */
  gboolean    is_alternative;    /* TRUE: drawn only beside its primary */
  GPtrArray  *alternatives;      /* const AtlasShare*, not owned; on primaries */
} AtlasShare;

/* ---- prices ----------------------------------------------------------- */

enum {
  ATLAS_POINT_RANGE    = 1 << 0, /* quoted as low-high; value is the midpoint */
  ATLAS_POINT_ESTIMATE = 1 << 1,
};

/* Compact, because a series may hold a million of them. */
typedef struct {
  gint32  day;                   /* days since 1970-01-01 (see AtlasDate) */
  guint8  precision;             /* AtlasDatePrecision of the date as written */
  guint8  flags;                 /* ATLAS_POINT_* */
  guint16 reserved;
  gint32  extra;                 /* index into the series' extras, or -1 */
  double  value;
  double  low, high;             /* both == value unless ATLAS_POINT_RANGE */
} AtlasPricePoint;

/* What a few points carry beyond their value (object-form points). */
typedef struct {
  AtlasCite  cite;               /* NULL: the series' */
  AtlasText *note;
} AtlasPointExtra;

/* A time series: prices (with a currency, per a mass unit) or quantities
 * (no currency; a unit of its own such as "t"), never drawn on one axis. */
typedef struct {
  char               *id;
  const AtlasElement *element;   /* optional: a series may be of a product */
  AtlasText          *name;
  AtlasText          *product;   /* optional */
  AtlasText          *purity;    /* optional */
  AtlasText          *basis;     /* optional */
  AtlasText          *frequency; /* optional */
  char               *currency;  /* ISO 4217, e.g. "USD"; NULL for quantities */
  char               *unit;      /* prices: per "kg", "t" or "lb"; quantities: e.g. "t" */
  AtlasCite           cite;
  AtlasText          *note;
  AtlasPricePoint    *points;    /* sorted by day, unique days */
  gsize               n_points;
  gboolean            has_ranges;
  GArray             *extras;    /* AtlasPointExtra */
  char               *points_csv; /* as written in the dataset, or NULL */
} AtlasSeries;

typedef struct {
  gint32 day;
  double rate;                   /* units of currency for one unit of per */
} AtlasFxRate;

typedef struct {
  char      *currency;
  char      *per;
  AtlasCite  cite;
  GArray    *rates;              /* AtlasFxRate, sorted by day */
} AtlasFx;

/* ---- events and briefings --------------------------------------------- */

typedef enum {
  ATLAS_EVENT_POLICY,
  ATLAS_EVENT_MARKET,
  ATLAS_EVENT_PROJECT,
  ATLAS_EVENT_CONFLICT,
  ATLAS_EVENT_OTHER,
  ATLAS_EVENT_N_KINDS /*< skip >*/
} AtlasEventKind;

typedef struct {
  char       *id;
  AtlasDate   date;
  AtlasText  *title;
  AtlasText  *detail;            /* optional */
  AtlasEventKind kind;
  GPtrArray  *regions;           /* const AtlasRegion* */
  GPtrArray  *elements;          /* const AtlasElement* */
  AtlasCite   cite;
} AtlasEvent;

typedef enum {
  ATLAS_VIEW_FLOWS,
  ATLAS_VIEW_SHARES,
  ATLAS_VIEW_PRICES,
  ATLAS_VIEW_TIMELINE,
  ATLAS_VIEW_MAP,
  ATLAS_VIEW_N_VIEWS /*< skip >*/
} AtlasView;

typedef enum {
  ATLAS_SCALE_DEFAULT,           /* not given: the view's own choice */
  ATLAS_SCALE_LINEAR,
  ATLAS_SCALE_LOG,
} AtlasScale;

/* What an annotation is pinned to. */
typedef enum {
  ATLAS_ANCHOR_POINT,            /* prices: a series at a date (and value) */
  ATLAS_ANCHOR_NODE,             /* flows: a node */
  ATLAS_ANCHOR_PART,             /* shares: a region's part of a bar */
  ATLAS_ANCHOR_EVENT,            /* timeline and prices: an event */
} AtlasAnchorKind;

/* A written callout: a text pinned to something a chart draws, placed by
 * the chart where it overlaps nothing, with a line to what it is about. */
typedef struct {
  AtlasAnchorKind kind;
  char       *series;            /* POINT */
  AtlasDate   date;              /* POINT */
  gboolean    has_value;         /* POINT: pinned to this value, else the series' at the date */
  double      value;
  char       *chain;             /* NODE: NULL for any chain with the node */
  char       *node;              /* NODE */
  char       *share;             /* PART */
  char       *region;            /* PART */
  char       *event;             /* EVENT */
  AtlasText  *text;
  gboolean    arrow;             /* draw a line to the anchor (default) */
  /* Where the text goes when it is free there (moved by hand): its box's
   * centre from the anchor, as fractions of the plot's width and height,
   * so the place means the same at any size; else the chart finds one. */
  gboolean    has_place;
  double      place_dx, place_dy;  /* -1 to 1 each */
  char       *unknown;           /* see AtlasSlide */
} AtlasAnnotation;

/* One slide; every id in it is checked against the dataset at load time. */
typedef struct {
  /* Optional, unique within its briefing: what the program gives a slide
   * it makes, so a slide keeps its name across saves and edits. */
  char       *id;
  AtlasView   view;
  char       *chain;             /* flows */
  char       *group;             /* shares */
  char      **series;            /* prices; NULL-terminated or NULL */
  AtlasDate   from, to;          /* prices and timeline; unset when absent */
  AtlasScale  scale;
  AtlasDate   indexed;           /* prices: rebase to 100 at this date; unset */
  char       *currency;          /* prices: show in this currency, or NULL */
  char       *unit;              /* prices: per this mass unit (kg, t, lb), or NULL */
  gboolean    hide_events;       /* prices: "show_events": false */
  gboolean    keep_order;        /* flows: the dataset's node order, not the tidiest */
  /* flows: the nodes the user dragged (NULL-terminated, or NULL) and as
   * many vertical offsets, each a fraction of the diagram's plot height,
   * down positive, within -1 and 1. */
  char      **node_offset_ids;
  double     *node_offsets;
  char       *select;            /* id of the item to select, or NULL */
  char      **kinds;             /* timeline filters, NULL-terminated or NULL */
  char      **regions;
  char      **elements;
  AtlasText  *title;
  AtlasText  *note;
  /* What the slide is about, drawn whole and labelled while the rest
   * recedes: ids of regions, nodes, series, shares or events. */
  char      **focus;             /* NULL-terminated or NULL */
  GPtrArray  *annotations;       /* AtlasAnnotation*; never NULL */
  /* Members this version does not read (a newer one's), as the text of a
   * JSON object, or NULL: saving writes them back rather than drop them. */
  char       *unknown;
} AtlasSlide;

typedef struct {
  char       *id;
  AtlasText  *title;
  GPtrArray  *slides;            /* AtlasSlide* */
  char       *unknown;           /* see AtlasSlide */
} AtlasBriefing;

/* ---- the dataset ------------------------------------------------------ */

#define ATLAS_TYPE_DATASET (atlas_dataset_get_type ())
G_DECLARE_FINAL_TYPE (AtlasDataset, atlas_dataset, ATLAS, DATASET, GObject)

/* Loads and validates a dataset.  On failure returns NULL and sets @error to
 * the first problem ("file.json: $.links[3].to: unknown node \"x\"" or
 * "file.json:12:7: ..."); when @messages is not NULL it also receives every
 * problem found, up to @max_messages (0: ATLAS_DATASET_DEFAULT_MAX_MESSAGES),
 * as a NULL-terminated array (empty on success; free with g_strfreev()). */
AtlasDataset *atlas_dataset_load_file (const char  *path,
                                       guint        max_messages,
                                       char      ***messages,
                                       GError     **error);
/* The same from memory. @display_name names the file in messages; @base_dir
 * is where points_csv paths are resolved (NULL: points_csv is an error). */
AtlasDataset *atlas_dataset_load_data (const char  *data,
                                       gsize        length,
                                       const char  *display_name,
                                       const char  *base_dir,
                                       guint        max_messages,
                                       char      ***messages,
                                       GError     **error);

/* The same from bytes read from @path (which names the file in messages
 * and is where points_csv paths are resolved); the dataset keeps @contents. */
AtlasDataset *atlas_dataset_load_bytes (GBytes      *contents,
                                        const char  *path,
                                        guint        max_messages,
                                        char      ***messages,
                                        GError     **error);

const char   *atlas_dataset_get_path        (AtlasDataset *self); /* or NULL */
/* The bytes of the file as they were loaded, for saving the briefings into
 * them (atlas-briefings-save.h) and for telling whether the file changed
 * on disk since; NULL for a dataset loaded from memory. A dataset keeps
 * them for its lifetime: a file costs its size again, small beside the
 * model it is loaded into. */
GBytes       *atlas_dataset_get_contents    (AtlasDataset *self);
const AtlasText *atlas_dataset_get_title    (AtlasDataset *self);
const AtlasText *atlas_dataset_get_description (AtlasDataset *self);
const AtlasDate *atlas_dataset_get_updated  (AtlasDataset *self);

/* The lists, in file order (element types as named). Never NULL. */
GPtrArray    *atlas_dataset_get_sources     (AtlasDataset *self); /* AtlasSource* */
GPtrArray    *atlas_dataset_get_regions     (AtlasDataset *self); /* AtlasRegion* */
/* Annotations shown on every chart they fit (AtlasAnnotation*). */
GPtrArray    *atlas_dataset_get_annotations (AtlasDataset *self);
GPtrArray    *atlas_dataset_get_elements    (AtlasDataset *self); /* AtlasElement* */
GPtrArray    *atlas_dataset_get_chains      (AtlasDataset *self); /* AtlasChain* */
GPtrArray    *atlas_dataset_get_shares      (AtlasDataset *self); /* AtlasShare* */
GPtrArray    *atlas_dataset_get_series      (AtlasDataset *self); /* AtlasSeries* */
GPtrArray    *atlas_dataset_get_fx          (AtlasDataset *self); /* AtlasFx* */
GPtrArray    *atlas_dataset_get_events      (AtlasDataset *self); /* AtlasEvent*, sorted by date */
GPtrArray    *atlas_dataset_get_briefings   (AtlasDataset *self); /* AtlasBriefing* */

/* Lookups by id; NULL when absent. */
const AtlasSource   *atlas_dataset_find_source   (AtlasDataset *self, const char *id);
const AtlasRegion   *atlas_dataset_find_region   (AtlasDataset *self, const char *id);
const AtlasElement  *atlas_dataset_find_element  (AtlasDataset *self, const char *id);
const AtlasChain    *atlas_dataset_find_chain    (AtlasDataset *self, const char *id);
const AtlasShare    *atlas_dataset_find_share    (AtlasDataset *self, const char *id);
const AtlasSeries   *atlas_dataset_find_series   (AtlasDataset *self, const char *id);
const AtlasEvent    *atlas_dataset_find_event    (AtlasDataset *self, const char *id);
const AtlasBriefing *atlas_dataset_find_briefing (AtlasDataset *self, const char *id);
/* The briefings' ids in file order, "a, b" ("" for none), for messages
 * that say which ids there are. */
char                *atlas_dataset_join_briefing_ids (AtlasDataset *self);
/* The node of @chain with @id, or -1. */
int                  atlas_chain_find_node       (const AtlasChain *chain, const char *id);

/* Share groups in file order of first appearance (NULL-terminated, owned by
 * the dataset; ungrouped shares are reported under their own id). */
const char * const  *atlas_dataset_get_share_groups (AtlasDataset *self);

/* Converts @value, quoted in @from_currency per @from_unit at @day, to
 * @to_currency per @to_unit using the dataset's fx (the rate in force is the
 * latest at or before @day; a rate may be used inverted).  Returns FALSE,
 * leaving @out untouched, when no rate is known for that day.  NULL
 * currencies or units mean "unchanged". */
gboolean atlas_dataset_convert_price (AtlasDataset *self,
                                      double        value,
                                      gint32        day,
                                      const char   *from_currency,
                                      const char   *from_unit,
                                      const char   *to_currency,
                                      const char   *to_unit,
                                      double       *out);

/* Mass units: how many kilograms one @unit weighs (kg 1, t 1000,
 * lb 0.45359237); 0 for an unknown unit. */
double atlas_mass_unit_in_kg (const char *unit);

/* Names for enum values as written in the format ("policy", "flows", ...). */
const char *atlas_event_kind_to_string  (AtlasEventKind kind);
gboolean    atlas_event_kind_from_string (const char *text, AtlasEventKind *out);
const char *atlas_view_to_string        (AtlasView view);
gboolean    atlas_view_from_string      (const char *text, AtlasView *out);
const char *atlas_source_kind_to_string (AtlasSourceKind kind);
gboolean    atlas_source_kind_from_string (const char *text, AtlasSourceKind *out);
const char *atlas_element_group_to_string (AtlasElementGroup group);
gboolean    atlas_element_group_from_string (const char *text, AtlasElementGroup *out);
const char *atlas_scale_to_string       (AtlasScale scale); /* NULL for DEFAULT */

/* The label of a node as the format defines it: its name, else its region's. */
const AtlasText *atlas_node_get_label (const AtlasNode *node);

/* A node between the first and last stage passes on what it receives.
 * Where the sources do not trace a flow it does not: this is what it
 * passes on less what it receives (negative: material whose destination
 * is not traced; positive: material whose origin is not), or 0 when the
 * two agree within 0.5 % or the node is in the first or last stage. */
#define ATLAS_UNTRACED_TOLERANCE 0.005
double atlas_chain_node_untraced (const AtlasChain *chain, const AtlasNode *node);

G_END_DECLS
