/* atlas-annotations.c: the written callouts of a slide and of the dataset, pinned where each chart says and placed clear of the rest. */
#include "atlas-annotations.h"

#include "atlas-callouts.h"
#include "atlas-chart-frame.h"

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

static guint
add_list (AtlasScene *scene, GPtrArray *annotations, const char *lang)
{
  double size = atlas_scene_font_size (scene, ATLAS_FONT_LABEL);
  guint lost = 0;

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      const AtlasAnnotation *a = g_ptr_array_index (annotations, i);
      AtlasCallout callout = { 0 };

      if (scene->klass->anchor == NULL || !scene->klass->anchor (scene, a, &callout.x, &callout.y))
        continue;
      callout.text = atlas_text_get (a->text, lang);
      callout.leader = a->arrow;
      callout.item = (AtlasItem) { ATLAS_ITEM_NONE, NULL, -1 };
      if (!atlas_scene_add_callout (scene, &callout, &scene->plot, size, size * 16))
        lost++;
    }
  return lost;
}

guint
atlas_chart_add_annotations (AtlasScene *scene, AtlasDataset *dataset, const AtlasChartOptions *options)
{
  const char *lang = options->lang != NULL ? options->lang : scene->style->lang;

  /* The slide's own first: they are what the slide is about. */
  return add_list (scene, options->annotations, lang) +
         add_list (scene, atlas_dataset_get_annotations (dataset), lang);
}
