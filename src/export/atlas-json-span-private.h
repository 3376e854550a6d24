/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-json-span-private.h: where a top-level member of a JSON object lies in its bytes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Byte offsets into the text of a JSON object. */
typedef struct {
  gboolean found;          /* the member is there */
  gsize    key_start;      /* its opening quote */
  gsize    value_start;    /* the first byte of its value */
  gsize    value_end;      /* one past the last byte of its value */
  /* Of the object: one past the last member's value (or past the opening
   * brace when it has none), and the key of that member (0 for none). */
  gsize    last_value_end;
  gsize    last_key_start;
  gsize    n_members;
  gsize    error_offset;   /* where the text stopped being JSON */
} AtlasJsonSpan;

/* Scans @data (a JSON object, maybe after a UTF-8 byte-order mark) for its
 * top-level member @name, counting strings (with escapes), nesting and
 * scalars, without building a tree: json-glib gives no byte offsets.
 * Returns FALSE, with span->error_offset, on text that is not a JSON
 * object (the strict loader checks the rest of the grammar). */
gboolean atlas_json_find_member (const char    *data,
                                 gsize          length,
                                 const char    *name,
                                 AtlasJsonSpan *span);

G_END_DECLS
