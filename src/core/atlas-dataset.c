/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-dataset.c: the dataset object, its accessors, lookups and unit and currency conversion. */
#include "atlas-dataset-private.h"
#include "atlas-core-enums.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (atlas-dataset-error-quark, atlas_dataset_error)

G_DEFINE_FINAL_TYPE (AtlasDataset, atlas_dataset, G_TYPE_OBJECT)

/* ---- item destructors ------------------------------------------------- */

void
atlas_source_free (AtlasSource *source)
{
  if (source == NULL)
    return;
  g_free (source->id);
  atlas_text_free (source->publisher);
  atlas_text_free (source->title);
  g_free (source->url);
  atlas_text_free (source->note);
  g_free (source);
}

void
atlas_region_free (AtlasRegion *region)
{
  if (region == NULL)
    return;
  g_free (region->id);
  g_free (region->iso);
  atlas_text_free (region->name);
  g_free (region);
}

void
atlas_element_free (AtlasElement *element)
{
  if (element == NULL)
    return;
  g_free (element->id);
  atlas_text_free (element->name);
  g_free (element);
}

void
atlas_stage_free (AtlasStage *stage)
{
  if (stage == NULL)
    return;
  g_free (stage->id);
  atlas_text_free (stage->name);
  g_free (stage);
}

void
atlas_node_free (AtlasNode *node)
{
  if (node == NULL)
    return;
  g_free (node->id);
  atlas_text_free (node->name);
  g_free (node);
}

void
atlas_link_free (AtlasLink *link)
{
  if (link == NULL)
    return;
  g_strfreev (link->cite);
  atlas_text_free (link->note);
  g_free (link);
}

void
atlas_chain_free (AtlasChain *chain)
{
  if (chain == NULL)
    return;
  g_free (chain->id);
  atlas_text_free (chain->title);
  g_free (chain->unit);
  g_strfreev (chain->cite);
  g_clear_pointer (&chain->stages, g_ptr_array_unref);
  g_clear_pointer (&chain->nodes, g_ptr_array_unref);
  g_clear_pointer (&chain->links, g_ptr_array_unref);
  g_free (chain);
}

void
atlas_share_part_free (AtlasSharePart *part)
{
  if (part == NULL)
    return;
  g_strfreev (part->cite);
  atlas_text_free (part->note);
  g_free (part);
}

void
atlas_share_free (AtlasShare *share)
{
  if (share == NULL)
    return;
  g_free (share->id);
  atlas_text_free (share->metric);
  g_free (share->unit);
  g_strfreev (share->cite);
  g_free (share->group);
  g_clear_pointer (&share->parts, g_ptr_array_unref);
  atlas_text_free (share->note);
  g_clear_pointer (&share->alternatives, g_ptr_array_unref);
  g_free (share);
}

void
atlas_point_extra_clear (AtlasPointExtra *extra)
{
  g_clear_pointer (&extra->cite, g_strfreev);
  g_clear_pointer (&extra->note, atlas_text_free);
}

void
atlas_series_free (AtlasSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->id);
  atlas_text_free (series->name);
  atlas_text_free (series->product);
  atlas_text_free (series->purity);
  atlas_text_free (series->basis);
  atlas_text_free (series->frequency);
  g_free (series->currency);
  g_free (series->unit);
  g_strfreev (series->cite);
  atlas_text_free (series->note);
  g_free (series->points);
  g_clear_pointer (&series->extras, g_array_unref);
  g_free (series->points_csv);
  g_free (series);
}

void
atlas_fx_free (AtlasFx *fx)
{
  if (fx == NULL)
    return;
  g_free (fx->currency);
  g_free (fx->per);
  g_strfreev (fx->cite);
  g_clear_pointer (&fx->rates, g_array_unref);
  g_free (fx);
}

void
atlas_event_free (AtlasEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->id);
  atlas_text_free (event->title);
  atlas_text_free (event->detail);
  g_clear_pointer (&event->regions, g_ptr_array_unref);
  g_clear_pointer (&event->elements, g_ptr_array_unref);
  g_strfreev (event->cite);
  g_free (event);
}

void
atlas_slide_free (AtlasSlide *slide)
{
  if (slide == NULL)
    return;
  g_free (slide->id);
  g_free (slide->chain);
  g_free (slide->group);
  g_strfreev (slide->series);
  g_free (slide->currency);
  g_free (slide->unit);
  g_strfreev (slide->node_offset_ids);
  g_free (slide->node_offsets);
  g_free (slide->select);
  g_strfreev (slide->kinds);
  g_strfreev (slide->regions);
  g_strfreev (slide->elements);
  atlas_text_free (slide->title);
  atlas_text_free (slide->note);
  g_strfreev (slide->focus);
  g_clear_pointer (&slide->annotations, g_ptr_array_unref);
  g_free (slide->unknown);
  g_free (slide);
}

void
atlas_annotation_free (AtlasAnnotation *annotation)
{
  if (annotation == NULL)
    return;
  g_free (annotation->series);
  g_free (annotation->chain);
  g_free (annotation->node);
  g_free (annotation->share);
  g_free (annotation->region);
  g_free (annotation->event);
  atlas_text_free (annotation->text);
  g_free (annotation->unknown);
  g_free (annotation);
}

void
atlas_briefing_free (AtlasBriefing *briefing)
{
  if (briefing == NULL)
    return;
  g_free (briefing->id);
  atlas_text_free (briefing->title);
  g_free (briefing->unknown);
  g_clear_pointer (&briefing->slides, g_ptr_array_unref);
  g_free (briefing);
}

/* ---- the object ------------------------------------------------------- */

static void
atlas_dataset_finalize (GObject *object)
{
  AtlasDataset *self = ATLAS_DATASET (object);

  /* Indexes borrow ids from the items: drop them before the lists. */
  g_clear_pointer (&self->source_index, g_hash_table_unref);
  g_clear_pointer (&self->region_index, g_hash_table_unref);
  g_clear_pointer (&self->element_index, g_hash_table_unref);
  g_clear_pointer (&self->chain_index, g_hash_table_unref);
  g_clear_pointer (&self->share_index, g_hash_table_unref);
  g_clear_pointer (&self->series_index, g_hash_table_unref);
  g_clear_pointer (&self->event_index, g_hash_table_unref);
  g_clear_pointer (&self->briefing_index, g_hash_table_unref);
  g_clear_pointer (&self->share_group_index, g_hash_table_unref);
  g_clear_pointer (&self->share_groups, g_strfreev);

  g_clear_pointer (&self->briefings, g_ptr_array_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->fx, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->shares, g_ptr_array_unref);
  g_clear_pointer (&self->chains, g_ptr_array_unref);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  g_clear_pointer (&self->title, atlas_text_free);
  g_clear_pointer (&self->description, atlas_text_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->contents, g_bytes_unref);

  G_OBJECT_CLASS (atlas_dataset_parent_class)->finalize (object);
}

static void
atlas_dataset_class_init (AtlasDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_dataset_finalize;
}

static void
atlas_dataset_init (AtlasDataset *self)
{
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_source_free);
  self->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_region_free);
  self->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_element_free);
  self->chains = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_chain_free);
  self->shares = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_share_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_series_free);
  self->fx = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_fx_free);
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_event_free);
  self->briefings = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_briefing_free);
  self->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_annotation_free);

  self->source_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->region_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->element_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->chain_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->share_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->series_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->briefing_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->share_group_index = g_hash_table_new (g_str_hash, g_str_equal);
}

AtlasDataset *
atlas_dataset_new_empty (void)
{
  return g_object_new (ATLAS_TYPE_DATASET, NULL);
}

/* ---- accessors -------------------------------------------------------- */

const char *
atlas_dataset_get_path (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return self->path;
}

GBytes *
atlas_dataset_get_contents (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return self->contents;
}

const AtlasText *
atlas_dataset_get_title (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return self->title;
}

const AtlasText *
atlas_dataset_get_description (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return self->description;
}

const AtlasDate *
atlas_dataset_get_updated (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  return &self->updated;
}

#define DEFINE_LIST_GETTER(name, field)                    \
  GPtrArray *                                              \
  atlas_dataset_get_##name (AtlasDataset *self)            \
  {                                                        \
    g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);  \
    return self->field;                                    \
  }

DEFINE_LIST_GETTER (sources, sources)
DEFINE_LIST_GETTER (regions, regions)
DEFINE_LIST_GETTER (elements, elements)
DEFINE_LIST_GETTER (chains, chains)
DEFINE_LIST_GETTER (shares, shares)
DEFINE_LIST_GETTER (series, series)
DEFINE_LIST_GETTER (fx, fx)
DEFINE_LIST_GETTER (events, events)
DEFINE_LIST_GETTER (briefings, briefings)
DEFINE_LIST_GETTER (annotations, annotations)

#define DEFINE_FINDER(Type, name, index)                               \
  const Type *                                                         \
  atlas_dataset_find_##name (AtlasDataset *self, const char *id)       \
  {                                                                    \
    g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);              \
    if (id == NULL)                                                    \
      return NULL;                                                     \
    return g_hash_table_lookup (self->index, id);                      \
  }

DEFINE_FINDER (AtlasSource, source, source_index)
DEFINE_FINDER (AtlasRegion, region, region_index)
DEFINE_FINDER (AtlasElement, element, element_index)
DEFINE_FINDER (AtlasChain, chain, chain_index)
DEFINE_FINDER (AtlasShare, share, share_index)
DEFINE_FINDER (AtlasSeries, series, series_index)
DEFINE_FINDER (AtlasEvent, event, event_index)
DEFINE_FINDER (AtlasBriefing, briefing, briefing_index)

char *
atlas_dataset_join_briefing_ids (AtlasDataset *self)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  for (guint i = 0; i < self->briefings->len; i++)
    {
      const AtlasBriefing *briefing = g_ptr_array_index (self->briefings, i);

      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, briefing->id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

int
atlas_chain_find_node (const AtlasChain *chain,
                       const char       *id)
{
  g_return_val_if_fail (chain != NULL, -1);

  if (id == NULL)
    return -1;

  /* Chains hold tens of nodes: a scan beats keeping a table per chain. */
  for (guint i = 0; i < chain->nodes->len; i++)
    {
      const AtlasNode *node = g_ptr_array_index (chain->nodes, i);

      if (g_strcmp0 (node->id, id) == 0)
        return (int) i;
    }
  return -1;
}

const char * const *
atlas_dataset_get_share_groups (AtlasDataset *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  if (self->share_groups == NULL)
    return empty;
  return (const char * const *) self->share_groups;
}

/* ---- units and currencies --------------------------------------------- */

double
atlas_mass_unit_in_kg (const char *unit)
{
  if (unit == NULL)
    return 0;
  if (g_str_equal (unit, "kg"))
    return 1;
  if (g_str_equal (unit, "t"))
    return 1000;
  if (g_str_equal (unit, "lb"))
    return 0.45359237;
  return 0;
}

gboolean
atlas_fx_rate_at (const AtlasFx *fx,
                  gint32         day,
                  double        *rate)
{
  const AtlasFxRate *rates;
  gsize lo;

  if (fx->rates == NULL || fx->rates->len == 0)
    return FALSE;

  rates = (const AtlasFxRate *) (gpointer) fx->rates->data;
  /* The first rate after @day; the one before it is in force. */
  lo = atlas_days_on_or_before (rates, fx->rates->len, sizeof (AtlasFxRate), G_STRUCT_OFFSET (AtlasFxRate, day), day);

  if (lo == 0)
    return FALSE;

  *rate = rates[lo - 1].rate;
  return TRUE;
}

/* How many units of @to one unit of @from is worth at @day, from one fx entry
 * given either way round. */
static gboolean
direct_factor (AtlasDataset *self,
               const char   *from,
               const char   *to,
               gint32        day,
               double       *factor)
{
  for (guint i = 0; i < self->fx->len; i++)
    {
      const AtlasFx *fx = g_ptr_array_index (self->fx, i);
      double rate;

      if (g_str_equal (fx->currency, to) && g_str_equal (fx->per, from) &&
          atlas_fx_rate_at (fx, day, &rate))
        {
          *factor = rate;
          return TRUE;
        }
      if (g_str_equal (fx->currency, from) && g_str_equal (fx->per, to) &&
          atlas_fx_rate_at (fx, day, &rate))
        {
          *factor = 1.0 / rate;
          return TRUE;
        }
    }
  return FALSE;
}

/* Datasets usually quote every currency against one (USD): allow one step
 * through a currency both sides are quoted against. */
static gboolean
currency_factor (AtlasDataset *self,
                 const char   *from,
                 const char   *to,
                 gint32        day,
                 double       *factor)
{
  if (direct_factor (self, from, to, day, factor))
    return TRUE;

  for (guint i = 0; i < self->fx->len; i++)
    {
      const AtlasFx *fx = g_ptr_array_index (self->fx, i);
      const char *middles[2] = { fx->currency, fx->per };

      for (guint m = 0; m < G_N_ELEMENTS (middles); m++)
        {
          double first, second;

          if (g_str_equal (middles[m], from) || g_str_equal (middles[m], to))
            continue;
          if (direct_factor (self, from, middles[m], day, &first) &&
              direct_factor (self, middles[m], to, day, &second))
            {
              *factor = first * second;
              return TRUE;
            }
        }
    }
  return FALSE;
}

gboolean
atlas_dataset_convert_price (AtlasDataset *self,
                             double        value,
                             gint32        day,
                             const char   *from_currency,
                             const char   *from_unit,
                             const char   *to_currency,
                             const char   *to_unit,
                             double       *out)
{
  double result = value;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (from_currency != NULL && to_currency != NULL &&
      !g_str_equal (from_currency, to_currency))
    {
      double factor;

      if (!currency_factor (self, from_currency, to_currency, day, &factor))
        return FALSE;
      result *= factor;
    }

  if (from_unit != NULL && to_unit != NULL && !g_str_equal (from_unit, to_unit))
    {
      double from_kg = atlas_mass_unit_in_kg (from_unit);
      double to_kg = atlas_mass_unit_in_kg (to_unit);

      if (from_kg == 0 || to_kg == 0)
        return FALSE;
      /* A price per kg is 1000 times smaller than the same price per t. */
      result *= to_kg / from_kg;
    }

  *out = result;
  return TRUE;
}

/* ---- enumerations ----------------------------------------------------- */

/* The names are the value nicks of the enumerations' GTypes
 * (atlas-core-enums.c, made by glib-mkenums from atlas-dataset.h). */
static const char *
enum_to_string (GType type, int value)
{
  /* The class of a static type, and the nicks in it, last as long as the
   * program: the nick outlives this reference. */
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

static gboolean
enum_from_string (GType type, const char *text, int *out)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = text != NULL ? g_enum_get_value_by_nick (klass, text) : NULL;

  if (found == NULL)
    return FALSE;
  if (out != NULL)
    *out = found->value;
  return TRUE;
}

const char *
atlas_event_kind_to_string (AtlasEventKind kind)
{
  return enum_to_string (ATLAS_TYPE_EVENT_KIND, kind);
}

gboolean
atlas_event_kind_from_string (const char     *text,
                              AtlasEventKind *out)
{
  int value;

  if (!enum_from_string (ATLAS_TYPE_EVENT_KIND, text, &value))
    return FALSE;
  if (out != NULL)
    *out = (AtlasEventKind) value;
  return TRUE;
}

const char *
atlas_view_to_string (AtlasView view)
{
  return enum_to_string (ATLAS_TYPE_VIEW, view);
}

gboolean
atlas_view_from_string (const char *text,
                        AtlasView  *out)
{
  int value;

  if (!enum_from_string (ATLAS_TYPE_VIEW, text, &value))
    return FALSE;
  if (out != NULL)
    *out = (AtlasView) value;
  return TRUE;
}

const char *
atlas_source_kind_to_string (AtlasSourceKind kind)
{
  return enum_to_string (ATLAS_TYPE_SOURCE_KIND, kind);
}

gboolean
atlas_source_kind_from_string (const char      *text,
                               AtlasSourceKind *out)
{
  int value;

  if (!enum_from_string (ATLAS_TYPE_SOURCE_KIND, text, &value))
    return FALSE;
  if (out != NULL)
    *out = (AtlasSourceKind) value;
  return TRUE;
}

const AtlasText *
atlas_node_get_label (const AtlasNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  if (node->name != NULL)
    return node->name;
  if (node->region != NULL)
    return node->region->name;
  return NULL;
}

double
atlas_chain_node_untraced (const AtlasChain *chain, const AtlasNode *node)
{
  double difference;

  g_return_val_if_fail (chain != NULL && node != NULL, 0);

  if (node->stage == 0 || node->stage + 1 >= chain->stages->len)
    return 0;
  difference = node->outflow - node->inflow;
  if (!(fabs (difference) > ATLAS_UNTRACED_TOLERANCE * node->value))
    return 0;
  return difference;
}

/* "light" or "heavy"; an element without a group has no name. */
const char *
atlas_element_group_to_string (AtlasElementGroup group)
{
  if (group == ATLAS_ELEMENT_NO_GROUP)
    return NULL;
  return enum_to_string (ATLAS_TYPE_ELEMENT_GROUP, group);
}

gboolean
atlas_element_group_from_string (const char        *text,
                                 AtlasElementGroup *out)
{
  int value;

  if (!enum_from_string (ATLAS_TYPE_ELEMENT_GROUP, text, &value) || value == ATLAS_ELEMENT_NO_GROUP)
    return FALSE;
  if (out != NULL)
    *out = (AtlasElementGroup) value;
  return TRUE;
}

const char *
atlas_scale_to_string (AtlasScale scale)
{
  /* The default is no choice, and has no name. */
  if (scale == ATLAS_SCALE_DEFAULT)
    return NULL;
  return enum_to_string (ATLAS_TYPE_SCALE, scale);
}
