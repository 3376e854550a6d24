/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-slide-capture.c: a briefing slide from what a view shows. */
#include "atlas-slide-capture.h"

#include "atlas-briefing.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasAnnotation, atlas_annotation_free)

/* Only the state's options are read: they are what the chart lays out,
 * so a slide made from them draws what the window drew. */
AtlasSlide *
atlas_slide_capture (AtlasViewState *state,
                     const char     *selection_id)
{
  const AtlasChartOptions *o;
  AtlasSlide *slide;

  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (state), NULL);

  o = atlas_view_state_get_options (state);
  slide = atlas_slide_new (o->view);
  slide->chain = g_strdup (o->chain);
  slide->group = g_strdup (o->group);
  slide->series = g_strdupv ((char **) o->series);
  /* A preset range ("10 years") is kept as the dates it showed: the
   * slide shows the same years after the data grows. "All" stays open. */
  if (atlas_view_state_get_range_preset (state) != ATLAS_RANGE_ALL)
    {
      slide->from = o->from;
      slide->to = o->to;
    }
  slide->scale = o->log_scale ? ATLAS_SCALE_LOG : ATLAS_SCALE_DEFAULT;
  slide->indexed = o->indexed;
  slide->currency = g_strdup (o->currency);
  slide->unit = g_strdup (o->unit);
  /* Each view's own switches only: the format has them for that view. */
  if (o->view == ATLAS_VIEW_PRICES)
    slide->hide_events = !o->show_events;
  if (o->view == ATLAS_VIEW_FLOWS)
    {
      slide->keep_order = o->keep_order;
      slide->node_offset_ids = g_strdupv ((char **) o->offset_nodes);
      if (o->offset_nodes != NULL)
        slide->node_offsets = g_memdup2 (o->node_offsets, g_strv_length ((char **) o->offset_nodes) * sizeof (double));
    }
  slide->select = g_strdup (selection_id != NULL ? selection_id : o->select);
  slide->kinds = g_strdupv ((char **) o->kinds);
  slide->regions = g_strdupv ((char **) o->regions);
  slide->elements = g_strdupv ((char **) o->elements);
  slide->focus = g_strdupv ((char **) o->focus);
  if (o->annotations != NULL)
    for (guint i = 0; i < o->annotations->len; i++)
      g_ptr_array_add (slide->annotations, atlas_annotation_copy (g_ptr_array_index (o->annotations, i)));
  return slide;
}

AtlasAnnotation *
atlas_annotation_for_item (AtlasDataset            *dataset,
                           const AtlasChartOptions *options,
                           const AtlasItem         *item,
                           const char              *lang,
                           const char              *text)
{
  g_autoptr(AtlasAnnotation) annotation = NULL;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (item != NULL && text != NULL, NULL);

  annotation = g_new0 (AtlasAnnotation, 1);
  annotation->arrow = TRUE;
  switch (item->kind)
    {
    case ATLAS_ITEM_NODE:
      annotation->kind = ATLAS_ANCHOR_NODE;
      annotation->node = g_strdup (item->id);
      annotation->chain = g_strdup (options->chain);
      break;
    case ATLAS_ITEM_POINT:
      {
        const AtlasSeries *series = atlas_dataset_find_series (dataset, item->id);
        const AtlasPricePoint *point;

        if (series == NULL || item->index < 0 || (gsize) item->index >= series->n_points)
          return NULL;
        point = &series->points[item->index];
        annotation->kind = ATLAS_ANCHOR_POINT;
        annotation->series = g_strdup (item->id);
        /* The date as precise as the point was written: it names the
         * point, and its price is the series' own there. */
        annotation->date = atlas_date_from_days (point->day, point->precision);
        break;
      }
    case ATLAS_ITEM_EVENT:
      annotation->kind = ATLAS_ANCHOR_EVENT;
      annotation->event = g_strdup (item->id);
      break;
    case ATLAS_ITEM_SHARE_PART:
      {
        const AtlasShare *share = atlas_dataset_find_share (dataset, item->id);
        const AtlasSharePart *part;

        if (share == NULL || item->index < 0 || (guint) item->index >= share->parts->len)
          return NULL;
        part = g_ptr_array_index (share->parts, item->index);
        annotation->kind = ATLAS_ANCHOR_PART;
        annotation->share = g_strdup (item->id);
        annotation->region = g_strdup (part->region->id);
        break;
      }
    case ATLAS_ITEM_NONE:
    case ATLAS_ITEM_LINK:
    case ATLAS_ITEM_SERIES:
    case ATLAS_ITEM_SHARE:
    default:
      return NULL;
    }
  annotation->text = atlas_text_with_language (NULL, lang, text);
  if (annotation->text == NULL)
    return NULL;
  return g_steal_pointer (&annotation);
}
