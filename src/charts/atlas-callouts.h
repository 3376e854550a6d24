/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-callouts.h: texts pinned to a point of a figure, placed where they cover nothing, with a line to the point. */
#pragma once

#include "atlas-scene.h"

G_BEGIN_DECLS

typedef struct {
  double           x, y;       /* the point it is about, in figure units */
  const char      *text;       /* plain text (never markup) */
  AtlasItem        item;       /* what it stands for (dims with it) */
  gboolean         leader;     /* a line from the text to the point */
  gboolean         bold;
  const AtlasColor *color;     /* NULL: the style's foreground */
} AtlasCallout;

/* Adds @callout near its point, inside @bounds, where its text overlaps no
 * other text, no mark of another item and no line, trying nearer places
 * first; with a leader line when it is not right beside the point.  The
 * text wraps at @max_width.  FALSE when no place is free (nothing added);
 * else its text is the last shape added. */
gboolean atlas_scene_add_callout (AtlasScene         *scene,
                                  const AtlasCallout *callout,
                                  const AtlasRect    *bounds,
                                  double              font_size,
                                  double              max_width);

/* Adds @callout with its text centred on (@centre_x, @centre_y), where a
 * hand put it, if the text there lies inside @bounds and overlaps what
 * atlas_scene_add_callout() would not let it; FALSE otherwise (nothing
 * added: the caller places it itself).  On success, as there, the text is
 * the last shape added. */
gboolean atlas_scene_add_callout_at (AtlasScene         *scene,
                                     const AtlasCallout *callout,
                                     double              centre_x,
                                     double              centre_y,
                                     const AtlasRect    *bounds,
                                     double              font_size,
                                     double              max_width);

/* Whether @box overlaps a text, a mark not of @item, or a drawn line of
 * @scene (for anyone placing a label late, over a finished figure). */
gboolean atlas_scene_box_is_free (const AtlasScene *scene,
                                  const AtlasRect  *box,
                                  const AtlasItem  *item);

G_END_DECLS
