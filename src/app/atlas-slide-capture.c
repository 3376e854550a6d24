/* atlas-slide-capture.c: a briefing slide from what a view shows. */
#include "atlas-slide-capture.h"

#include "atlas-briefing.h"

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
