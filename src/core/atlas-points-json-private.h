/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-points-json-private.h: a series' inline "points" read straight from the dataset's bytes, not from json-glib's tree. */
#pragma once

#include "atlas-json-guard-private.h"
#include "atlas-loader-context-private.h"
#include "atlas-points-csv-private.h"

G_BEGIN_DECLS

/* json-glib builds a tree node of about a hundred bytes for every value:
 * a million inline [date, value] points cost three million of them, most
 * of the loading time and memory. The guard has checked the grammar of the
 * whole text and found where the points arrays lie (AtlasJsonPointsSpan);
 * json-glib is handed a copy with their insides blanked, and the points are
 * read here, from the original bytes.
 *
 * Only points whose reading is certain are read here: ["DATE", PRICE] or
 * ["DATE", LOW, HIGH], the date a string without escapes, each price a
 * number, the point valid (a real date, prices finite and > 0, low <=
 * high). Any other element, and so every invalid one, is handed to the
 * caller's @fallback, which reads it with json-glib like any other point:
 * the one place that decides what is wrong with a point and says so. The
 * result, points and messages, is that of the tree, to the bit. */

/* Reads the element @index (@length bytes of JSON at @element) into
 * @point with the path at the element; returns whether it is valid. */
typedef gboolean (*AtlasPointsJsonFallback) (AtlasLoaderContext *ctx,
                                             const char         *element,
                                             gsize               length,
                                             AtlasPricePoint    *point,
                                             gpointer            user_data);

/* The span of $.prices[@series].points, or NULL when that array (absent,
 * or holding objects) is left to json-glib. */
const AtlasJsonPointsSpan *atlas_points_json_find (const AtlasLoaderContext *ctx,
                                                   guint                     series);

/* Appends the valid points of @span to @buffer, each with its index in
 * the array as its origin, stopping when @ctx says so.  The path must be
 * at "points".  *@n_fast counts the points read without @fallback. */
void  atlas_points_json_read  (AtlasLoaderContext        *ctx,
                               const AtlasJsonPointsSpan *span,
                               AtlasPointBuffer          *buffer,
                               AtlasPointsJsonFallback    fallback,
                               gpointer                   user_data,
                               gsize                     *n_fast);

/* A copy of the @length bytes of @text (NUL-terminated, g_free() it) in
 * which the inside of every span of @spans is blank: its newlines kept,
 * then as many spaces as it had bytes after its last newline.  So every
 * byte outside the spans keeps its line and its column, and a message
 * json-glib gives about it stays right, while json-glib skips a newline
 * per point rather than a whole point. */
char *atlas_points_json_blank (const char   *text,
                               gsize         length,
                               const GArray *spans,
                               gsize        *blanked_length);

G_END_DECLS
