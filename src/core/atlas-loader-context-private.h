/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-loader-context-private.h: where the loader is in the JSON, and the problems it found there. */
#pragma once

#include <json-glib/json-glib.h>

#include "atlas-dataset.h"

G_BEGIN_DECLS

#define ATLAS_LOADER_MAX_PATH 32

typedef struct {
  const char *member;            /* a static member name, or NULL for an index */
  guint       index;
} AtlasPathSegment;

typedef struct {
  char             *display_name; /* the file's name, escaped for messages */
  char             *base_dir;     /* where points_csv paths resolve, or NULL */
  guint             max_messages;
  gboolean          collect;      /* FALSE: the first problem is enough */
  GPtrArray        *messages;     /* char* */
  AtlasDatasetError first_code;

  /* The JSON path as segments: formatting it costs only when reporting,
   * which matters when walking a million points. */
  AtlasPathSegment  path[ATLAS_LOADER_MAX_PATH];
  guint             depth;

  /* Bytes of points_csv files read so far: many series naming one large
   * file must not multiply it past ATLAS_DATASET_MAX_FILE_SIZE. */
  gsize             csv_bytes;

  /* The dataset's text after any byte-order mark (borrowed), and the
   * "points" arrays in it that are read from these bytes rather than from
   * json-glib's tree (AtlasJsonPointsSpan, by series; owned, or NULL). */
  const char       *json_text;
  GArray           *points_spans;
} AtlasLoaderContext;

AtlasLoaderContext *atlas_loader_context_new  (const char *display_name,
                                               const char *base_dir,
                                               guint       max_messages,
                                               gboolean    collect);
void      atlas_loader_context_free           (AtlasLoaderContext *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLoaderContext, atlas_loader_context_free)

gboolean  atlas_loader_context_failed         (const AtlasLoaderContext *ctx);
/* TRUE when no further problem would be recorded: walking on is wasted. */
gboolean  atlas_loader_context_should_stop    (const AtlasLoaderContext *ctx);
GError   *atlas_loader_context_to_error       (const AtlasLoaderContext *ctx);
char    **atlas_loader_context_steal_messages (AtlasLoaderContext *ctx);

void      atlas_loader_push_member            (AtlasLoaderContext *ctx,
                                               const char         *member);
void      atlas_loader_push_index             (AtlasLoaderContext *ctx,
                                               guint               index);
void      atlas_loader_pop                    (AtlasLoaderContext *ctx);
/* "$.supply_chains[0].links[17]" */
char     *atlas_loader_path                   (const AtlasLoaderContext *ctx);
/* The current path with its last index replaced by @index: the place of an
 * earlier item of the same list. */
char     *atlas_loader_sibling_path           (const AtlasLoaderContext *ctx,
                                               guint                     index);

/* Records a problem at the current path: "file.json: $.a[1]: message". */
void      atlas_loader_report                 (AtlasLoaderContext *ctx,
                                               AtlasDatasetError   code,
                                               const char         *format,
                                               ...) G_GNUC_PRINTF (3, 4);
/* The same at the current path's @member. */
void      atlas_loader_report_member          (AtlasLoaderContext *ctx,
                                               AtlasDatasetError   code,
                                               const char         *member,
                                               const char         *format,
                                               ...) G_GNUC_PRINTF (4, 5);
/* Records a message that carries its own place ("prices.csv:5: ..."). */
void      atlas_loader_report_message         (AtlasLoaderContext *ctx,
                                               AtlasDatasetError   code,
                                               char               *message);

/* Dataset strings in messages: control characters, quotes, backslashes and
 * invalid UTF-8 escaped, so that no dataset can forge a line of output. */
char     *atlas_loader_escape                 (const char *text,
                                               gssize      length);
/* The same, in double quotes and cut to a readable length. */
char     *atlas_loader_quote                  (const char *text);
char     *atlas_loader_quote_len              (const char *text,
                                               gsize       length);
/* Numbers in messages, independent of the locale. */
char     *atlas_loader_format_number          (double      value);
/* Zero, or a magnitude within ATLAS_DATASET_MIN_MAGNITUDE and
 * ATLAS_DATASET_MAX_MAGNITUDE: what the charts draw without overflow. */
gboolean  atlas_loader_magnitude_allowed      (double      value);

gboolean  atlas_loader_is_valid_id            (const char *text);

/* Reads the whole of the regular file @path, at most @max_size bytes, into
 * @contents (NUL-terminated, g_free() it).  Never blocks on a FIFO or reads
 * a device forever: anything but a regular file is refused.  On failure
 * returns FALSE and sets @reason to why ("not a regular file", "Permission
 * denied", ...; g_free() it), or, when the file is larger than @max_size,
 * sets *@too_large to TRUE and @reason to NULL. */
gboolean  atlas_loader_read_file              (const char  *path,
                                               gsize        max_size,
                                               char       **contents,
                                               gsize       *length,
                                               gboolean    *too_large,
                                               char       **reason);

/* Typed members.  Each reports a missing required member or a wrong type at
 * the current path's @member and returns NULL / FALSE then. */
JsonNode   *atlas_loader_get_member  (AtlasLoaderContext *ctx, JsonObject *object,
                                      const char *member, gboolean required);
const char *atlas_loader_get_string  (AtlasLoaderContext *ctx, JsonObject *object,
                                      const char *member, gboolean required);
const char *atlas_loader_get_id      (AtlasLoaderContext *ctx, JsonObject *object,
                                      const char *member, gboolean required);
AtlasText  *atlas_loader_get_text    (AtlasLoaderContext *ctx, JsonObject *object,
                                      const char *member, gboolean required);
gboolean    atlas_loader_get_number  (AtlasLoaderContext *ctx, JsonObject *object,
                                      const char *member, gboolean required,
                                      double *out);
gboolean    atlas_loader_get_int     (AtlasLoaderContext *ctx, JsonObject *object,
                                      const char *member, gboolean required,
                                      int *out);
gboolean    atlas_loader_get_bool    (AtlasLoaderContext *ctx, JsonObject *object,
                                      const char *member, gboolean *out);
gboolean    atlas_loader_get_date    (AtlasLoaderContext *ctx, JsonObject *object,
                                      const char *member, gboolean required,
                                      AtlasDate *out);
JsonArray  *atlas_loader_get_array   (AtlasLoaderContext *ctx, JsonObject *object,
                                      const char *member, gboolean required);
/* An id or a non-empty array of ids, each a key of @index (NULL: any id),
 * e.g. a cite: what names the kind in messages ("source"). */
char      **atlas_loader_get_id_list (AtlasLoaderContext *ctx, JsonObject *object,
                                      const char *member, gboolean required,
                                      GHashTable *index, const char *what);

/* The same for a node at the current path. */
AtlasText  *atlas_loader_text_from_node   (AtlasLoaderContext *ctx, JsonNode *node);
gboolean    atlas_loader_number_from_node (AtlasLoaderContext *ctx, JsonNode *node,
                                           double *out);
gboolean    atlas_loader_date_from_node   (AtlasLoaderContext *ctx, JsonNode *node,
                                           AtlasDate *out);
JsonObject *atlas_loader_object_from_node (AtlasLoaderContext *ctx, JsonNode *node);

/* The members of @object not named in @known (NULL-terminated), as the
 * text of a JSON object, or NULL when there are none: a newer version's
 * members, kept so that saving briefings does not drop them. */
char       *atlas_loader_unknown_members  (JsonObject         *object,
                                           const char * const *known);

/* Ids unique within a list: @seen maps an id (borrowed) to its index + 1.
 * Reports "duplicate id" naming the earlier item and returns FALSE. */
gboolean    atlas_loader_check_unique     (AtlasLoaderContext *ctx,
                                           GHashTable         *seen,
                                           const char         *member,
                                           const char         *id,
                                           guint               index);

G_END_DECLS
