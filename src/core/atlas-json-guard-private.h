/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-json-guard-private.h: checks the raw bytes of a dataset before json-glib sees them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks that @data (after an optional byte-order mark, whose length is
 * stored in @content_offset) is non-empty UTF-8 holding exactly one strict
 * RFC 8259 JSON value nested at most @max_depth deep, with no duplicate
 * member names.
 *
 * json-glib 1.6 recurses once per level (a deep file overflows the stack)
 * and is lenient (comments, single quotes, trailing data, integers that
 * overflow to -1, "\u0000" cutting strings): this check runs without
 * recursion first, so json-glib only ever parses well-formed JSON.
 *
 * On failure sets ATLAS_DATASET_ERROR_SYNTAX with a message
 * "@display_name:LINE:COLUMN: ..." (@display_name already escaped). */
gboolean atlas_json_guard_check (const char  *data,
                                 gsize        length,
                                 const char  *display_name,
                                 guint        max_depth,
                                 gsize       *content_offset,
                                 GError     **error);

/* A "points" array of a price series ($.prices[SERIES].points) whose
 * elements are all arrays ([date, value] or [date, low, high], as far as
 * the grammar goes): the loader reads these straight from the bytes
 * instead of through json-glib's tree (atlas-points-json.c). */
typedef struct {
  guint series;                  /* index in $.prices */
  guint n_elements;
  gsize open;                    /* offset of its '[' after any byte-order mark */
  gsize close;                   /* offset of its ']' */
} AtlasJsonPointsSpan;

/* The same check, also appending to @points_spans (of AtlasJsonPointsSpan,
 * in file order) every such array; on failure @points_spans is partial. */
gboolean atlas_json_guard_check_with_points (const char  *data,
                                             gsize        length,
                                             const char  *display_name,
                                             guint        max_depth,
                                             gsize       *content_offset,
                                             GArray      *points_spans,
                                             GError     **error);

/* 1-based line and column (in characters) of @offset in @data. */
void     atlas_json_guard_locate (const char *data,
                                  gsize       offset,
                                  guint      *line,
                                  guint      *column);

G_END_DECLS
