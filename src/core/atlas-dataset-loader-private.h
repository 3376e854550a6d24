/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-dataset-loader-private.h: the section parsers the loader calls, in dependency order. */
#pragma once

#include <json-glib/json-glib.h>

#include "atlas-dataset-private.h"
#include "atlas-loader-context-private.h"

G_BEGIN_DECLS

/* Called for each item of a list with the path at the item; @object is
 * NULL-free: items that are not objects are reported and skipped. */
typedef void (*AtlasLoaderItemFunc) (AtlasLoaderContext *ctx,
                                     AtlasDataset       *self,
                                     JsonObject         *object,
                                     guint               index,
                                     gpointer            user_data);

/* Walks the array @member of @parent (absent is an empty list unless
 * @required); returns the array's length (0 when absent or invalid). */
guint atlas_loader_foreach_item (AtlasLoaderContext  *ctx,
                                 AtlasDataset        *self,
                                 JsonObject          *parent,
                                 const char          *member,
                                 gboolean             required,
                                 AtlasLoaderItemFunc  func,
                                 gpointer             user_data);

/* Sections, each relying on the ones before it for its references. */
void atlas_loader_parse_sources   (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *root);
void atlas_loader_parse_regions   (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *root);
void atlas_loader_parse_elements  (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *root);
void atlas_loader_parse_chains    (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *root);
void atlas_loader_parse_shares    (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *root);
void atlas_loader_parse_prices    (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *root);
void atlas_loader_parse_fx        (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *root);
void atlas_loader_parse_events    (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *root);
void atlas_loader_parse_briefings (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *root);
/* The top-level "annotations", shown on every chart they fit. */
void atlas_loader_parse_annotations (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *root);

/* Every node id of every chain, as "chain\x1fnode" and as "\x1fnode" (in
 * any chain), for references from slides and annotations. */
GHashTable *atlas_loader_node_index_new (AtlasDataset *self);
gboolean    atlas_loader_node_index_has (GHashTable *index, const char *chain, const char *node);

/* A list of annotations at @member of @object (absent: empty). */
GPtrArray  *atlas_loader_get_annotations (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *object,
                                          const char *member, GHashTable *nodes);
/* "focus": ids of regions, nodes, series, shares or events. */
char      **atlas_loader_get_focus (AtlasLoaderContext *ctx, AtlasDataset *self, JsonObject *object,
                                    GHashTable *nodes);

/* "USD": three uppercase ASCII letters, the shape of an ISO 4217 code. */
gboolean atlas_loader_is_currency_code (const char *text);
/* Reads @member as a currency code, reporting a bad one. */
const char *atlas_loader_get_currency (AtlasLoaderContext *ctx,
                                       JsonObject         *object,
                                       const char         *member,
                                       gboolean            required);
/* The shared message for a value below its minimum. */
void atlas_loader_report_not_positive (AtlasLoaderContext *ctx,
                                       const char         *member,
                                       double              value,
                                       gboolean            zero_allowed);

/* For tests: FALSE reads every inline "points" array through json-glib's
 * tree, as the fast reader (atlas-points-json.c) must match; TRUE, the
 * default, reads them from the bytes. */
void atlas_loader_set_fast_points (gboolean enabled);

G_END_DECLS
