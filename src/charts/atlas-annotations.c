/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-annotations.c: the written callouts of a slide and of the dataset, pinned where each chart says and placed clear of the rest. */
#include "atlas-annotations.h"

#include "atlas-callouts.h"
#include "atlas-scene-text.h"

gboolean
atlas_scene_anchor_at_mark (const AtlasScene *scene, AtlasItemKind kind, const char *id, int index,
                            double *x, double *y)
{
  AtlasRect box;

  if (!atlas_scene_mark_bounds (scene, kind, id, index, &box))
    return FALSE;
  *x = box.x + box.width / 2;
  *y = box.y + box.height / 2;
  return TRUE;
}

/* A callout stands for what it points at: it may lie on its own mark, and
 * it recedes with it when something else is in focus. */
static int
part_index (AtlasDataset *dataset, const AtlasAnnotation *a)
{
  const AtlasShare *share = atlas_dataset_find_share (dataset, a->share);

  for (guint i = 0; share != NULL && i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);

      if (part->region != NULL && g_strcmp0 (part->region->id, a->region) == 0)
        return (int) i;
    }
  return -1;
}

static AtlasItem
annotation_item (AtlasDataset *dataset, const AtlasAnnotation *a)
{
  switch (a->kind)
    {
    case ATLAS_ANCHOR_POINT: return (AtlasItem) { ATLAS_ITEM_SERIES, a->series, -1 };
    case ATLAS_ANCHOR_NODE: return (AtlasItem) { ATLAS_ITEM_NODE, a->node, -1 };
    case ATLAS_ANCHOR_PART: return (AtlasItem) { ATLAS_ITEM_SHARE_PART, a->share, part_index (dataset, a) };
    case ATLAS_ANCHOR_EVENT: return (AtlasItem) { ATLAS_ITEM_EVENT, a->event, -1 };
    default: return (AtlasItem) { ATLAS_ITEM_NONE, NULL, -1 };
    }
}

/* The item as the figure drew it (a node's or a part's index), so that
 * the callout recedes and returns with its mark. */
static AtlasItem
drawn_item (const AtlasScene *scene, AtlasItem item)
{
  for (guint i = 0; item.kind != ATLAS_ITEM_NONE && i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind != ATLAS_SHAPE_TEXT && shape->item.kind == item.kind &&
          g_strcmp0 (shape->item.id, item.id) == 0)
        return shape->item;
    }
  return item;
}

/* A figure reads a handful of callouts; each is tried in hundreds of places
 * against every shape, so a dataset of thousands would take minutes.  Past
 * this many, the rest are not placed. */
#define MAX_CALLOUTS 32

/* At the place written for it, at any of the widths the search tries. */
static gboolean
add_at_place (AtlasScene *scene, const AtlasAnnotation *a, const AtlasCallout *callout, double size, double small)
{
  const AtlasRect *plot = &scene->plot;
  double cx = callout->x + a->place_dx * plot->width;
  double cy = callout->y + a->place_dy * plot->height;

  return atlas_scene_add_callout_at (scene, callout, cx, cy, plot, size, size * 12) ||
         atlas_scene_add_callout_at (scene, callout, cx, cy, plot, size, size * 20) ||
         atlas_scene_add_callout_at (scene, callout, cx, cy, plot, size, size * 8) ||
         atlas_scene_add_callout_at (scene, callout, cx, cy, plot, small, small * 20);
}

static guint
add_list (AtlasScene *scene, GPtrArray *annotations, gboolean from_options, const char *lang, guint *placed)
{
  double size = atlas_scene_font_size (scene, ATLAS_FONT_LABEL);
  double small = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  guint lost = 0;

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      const AtlasAnnotation *a = g_ptr_array_index (annotations, i);
      AtlasCallout callout = { 0 };
      AtlasSceneCallout record = { 0 };

      if (scene->klass->anchor == NULL || !scene->klass->anchor (scene, a, &callout.x, &callout.y))
        continue;
      if (*placed >= MAX_CALLOUTS)
        {
          lost++;
          continue;
        }
      callout.text = atlas_text_get (a->text, lang);
      callout.leader = a->arrow;
      callout.item = annotation_item (scene->dataset, a);
      if (a->kind == ATLAS_ANCHOR_NODE || a->kind == ATLAS_ANCHOR_EVENT)
        callout.item = drawn_item (scene, callout.item);
      /* Where a hand put it, while it is free there; else, as any other,
       * where the search finds room: a place chosen at one size or in one
       * language never makes an overlap at another. */
      record.placed = a->has_place && add_at_place (scene, a, &callout, size, small);
      /* Twelve ems reads best; a crowded figure may have room only for a
       * longer, flatter text or a narrower, taller one. */
      if (!record.placed &&
          !atlas_scene_add_callout (scene, &callout, &scene->plot, size, size * 12) &&
          !atlas_scene_add_callout (scene, &callout, &scene->plot, size, size * 20) &&
          !atlas_scene_add_callout (scene, &callout, &scene->plot, size, size * 8) &&
          !atlas_scene_add_callout (scene, &callout, &scene->plot, small, small * 20))
        {
          lost++;
          continue;
        }
      ++*placed;
      record.shape = scene->shapes->len - 1;
      record.from_options = from_options;
      record.index = i;
      record.anchor_x = callout.x;
      record.anchor_y = callout.y;
      g_array_append_val (scene->callouts, record);
    }
  return lost;
}

guint
atlas_chart_add_annotations (AtlasScene *scene, AtlasDataset *dataset, const AtlasChartOptions *options)
{
  const char *lang = options->lang != NULL ? options->lang : scene->style->lang;

  guint placed = 0, lost;

  /* The slide's own first: they are what the slide is about. */
  lost = add_list (scene, options->annotations, TRUE, lang, &placed);
  return lost + add_list (scene, atlas_dataset_get_annotations (dataset), FALSE, lang, &placed);
}
