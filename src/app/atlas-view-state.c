/* atlas-view-state.c: the options of one view, owned, with one "changed" signal per edit. */
#include "atlas-view-state.h"

#include <string.h>

struct _AtlasViewState
{
  GObject parent_instance;

  AtlasChartOptions options;     /* points into the fields below */
  guint             update_depth;
  gboolean          pending_changed;
  AtlasRangePreset  range_preset;

  char       *lang;
  char       *title;
  char       *select;
  char       *chain;
  GHashTable *node_offsets;      /* node id -> double* */
  GStrv       series;
  char       *currency;
  char       *unit;
  char       *group;
  GStrv       kinds;
  GStrv       regions;
  GStrv       elements;
  GStrv       focus;
  GPtrArray  *annotations;       /* a slide's, referenced; or NULL */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasViewState, atlas_view_state, G_TYPE_OBJECT)

static gboolean
replace_str (char **slot, const char *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static gboolean
strv_equal0 (const char * const *a, const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal (a, b);
}

static gboolean
replace_strv (GStrv *slot, const char * const *value)
{
  if (strv_equal0 ((const char * const *) *slot, value))
    return FALSE;
  g_strfreev (*slot);
  *slot = g_strdupv ((char **) value);
  return TRUE;
}

/* The options struct borrows every string; refresh its pointers after any
 * field changed so it never points at freed memory. */
static void
sync_options (AtlasViewState *self)
{
  AtlasChartOptions *o = &self->options;

  o->lang = self->lang;
  o->title = self->title;
  o->select = self->select;
  o->chain = self->chain;
  o->node_offsets = g_hash_table_size (self->node_offsets) > 0 ? self->node_offsets : NULL;
  o->series = (const char * const *) self->series;
  o->currency = self->currency;
  o->unit = self->unit;
  o->group = self->group;
  o->kinds = (const char * const *) self->kinds;
  o->regions = (const char * const *) self->regions;
  o->elements = (const char * const *) self->elements;
  o->focus = (const char * const *) self->focus;
  o->annotations = self->annotations;
}

static void
emit_changed (AtlasViewState *self, gboolean changed)
{
  if (!changed)
    return;
  sync_options (self);
  if (self->update_depth > 0)
    {
      self->pending_changed = TRUE;
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
clear_fields (AtlasViewState *self)
{
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->select, g_free);
  g_clear_pointer (&self->chain, g_free);
  g_hash_table_remove_all (self->node_offsets);
  g_clear_pointer (&self->series, g_strfreev);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->kinds, g_strfreev);
  g_clear_pointer (&self->regions, g_strfreev);
  g_clear_pointer (&self->elements, g_strfreev);
  g_clear_pointer (&self->focus, g_strfreev);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
}

static gboolean
is_dysprosium_or_terbium (const AtlasSeries *series)
{
  return series->element != NULL &&
         (g_ascii_strcasecmp (series->element->id, "Dy") == 0 ||
          g_ascii_strcasecmp (series->element->id, "Tb") == 0);
}

static gint32
days_minus_years (gint32 day, int years)
{
  int y, m, d;

  atlas_civil_from_days (day, &y, &m, &d);
  /* 29 February minus a year lands on the 28th rather than March. */
  if (m == 2 && d == 29)
    d = 28;
  return atlas_days_from_civil (y - years, m, d);
}

static void
date_from_days (gint32 day, AtlasDate *out)
{
  int y, m, d;

  atlas_civil_from_days (day, &y, &m, &d);
  *out = (AtlasDate) { day, (gint16) y, (guint8) m, (guint8) d, ATLAS_DATE_DAY };
}

static void
atlas_view_state_finalize (GObject *object)
{
  AtlasViewState *self = ATLAS_VIEW_STATE (object);

  clear_fields (self);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->node_offsets, g_hash_table_unref);
  G_OBJECT_CLASS (atlas_view_state_parent_class)->finalize (object);
}

static void
atlas_view_state_class_init (AtlasViewStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_view_state_finalize;

  /**
   * AtlasViewState::changed:
   *
   * Something the chart depends on changed: lay it out again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
atlas_view_state_init (AtlasViewState *self)
{
  self->node_offsets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  atlas_chart_options_init (&self->options, ATLAS_VIEW_FLOWS);
}

AtlasViewState *
atlas_view_state_new (AtlasView view)
{
  AtlasViewState *self = g_object_new (ATLAS_TYPE_VIEW_STATE, NULL);

  atlas_chart_options_init (&self->options, view);
  sync_options (self);
  return self;
}

AtlasView
atlas_view_state_get_view (AtlasViewState *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), ATLAS_VIEW_FLOWS);
  return self->options.view;
}

const AtlasChartOptions *
atlas_view_state_get_options (AtlasViewState *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), NULL);
  return &self->options;
}

AtlasViewState *
atlas_view_state_copy (AtlasViewState *self)
{
  AtlasViewState *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), NULL);

  copy = atlas_view_state_new (self->options.view);
  copy->options = self->options;
  copy->range_preset = self->range_preset;
  copy->lang = g_strdup (self->lang);
  copy->title = g_strdup (self->title);
  copy->select = g_strdup (self->select);
  copy->chain = g_strdup (self->chain);
  copy->series = g_strdupv (self->series);
  copy->currency = g_strdup (self->currency);
  copy->unit = g_strdup (self->unit);
  copy->group = g_strdup (self->group);
  copy->kinds = g_strdupv (self->kinds);
  copy->regions = g_strdupv (self->regions);
  copy->elements = g_strdupv (self->elements);
  copy->focus = g_strdupv (self->focus);
  copy->annotations = self->annotations != NULL ? g_ptr_array_ref (self->annotations) : NULL;
  g_hash_table_iter_init (&iter, self->node_offsets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->node_offsets, g_strdup (key), g_memdup2 (value, sizeof (double)));
  sync_options (copy);
  return copy;
}

void
atlas_view_state_begin_update (AtlasViewState *self)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  self->update_depth++;
}

void
atlas_view_state_end_update (AtlasViewState *self)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  g_return_if_fail (self->update_depth > 0);

  if (--self->update_depth == 0 && self->pending_changed)
    {
      self->pending_changed = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

void
atlas_view_state_reset (AtlasViewState *self)
{
  AtlasView view;

  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  view = self->options.view;
  clear_fields (self);
  atlas_chart_options_init (&self->options, view);
  self->range_preset = ATLAS_RANGE_ALL;
  emit_changed (self, TRUE);
}

void
atlas_view_state_apply_slide (AtlasViewState *self, const AtlasSlide *slide)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  g_return_if_fail (slide != NULL);

  atlas_view_state_begin_update (self);
  atlas_view_state_reset (self);
  atlas_view_state_set_chain (self, slide->chain);
  atlas_view_state_set_group (self, slide->group);
  atlas_view_state_set_series (self, (const char * const *) slide->series);
  atlas_view_state_set_range (self, &slide->from, &slide->to);
  if (!atlas_date_is_set (&slide->from) && !atlas_date_is_set (&slide->to))
    self->range_preset = ATLAS_RANGE_ALL;
  if (slide->scale != ATLAS_SCALE_DEFAULT)
    atlas_view_state_set_log_scale (self, slide->scale == ATLAS_SCALE_LOG);
  atlas_view_state_set_indexed (self, &slide->indexed);
  atlas_view_state_set_currency (self, slide->currency);
  atlas_view_state_set_unit (self, slide->unit);
  atlas_view_state_set_select (self, slide->select);
  atlas_view_state_set_kinds (self, (const char * const *) slide->kinds);
  atlas_view_state_set_regions (self, (const char * const *) slide->regions);
  atlas_view_state_set_elements (self, (const char * const *) slide->elements);
  atlas_view_state_set_focus (self, (const char * const *) slide->focus);
  atlas_view_state_set_annotations (self, slide->annotations);
  atlas_view_state_end_update (self);
}

static const char *
first_chain_id (AtlasDataset *dataset)
{
  GPtrArray *chains = atlas_dataset_get_chains (dataset);

  return chains->len > 0 ? ((const AtlasChain *) g_ptr_array_index (chains, 0))->id : NULL;
}

static gboolean
currency_known (AtlasDataset *dataset, const char *currency)
{
  GPtrArray *fx = atlas_dataset_get_fx (dataset);
  GPtrArray *series = atlas_dataset_get_series (dataset);

  for (guint i = 0; i < fx->len; i++)
    {
      const AtlasFx *f = g_ptr_array_index (fx, i);
      if (g_strcmp0 (f->currency, currency) == 0 || g_strcmp0 (f->per, currency) == 0)
        return TRUE;
    }
  for (guint i = 0; i < series->len; i++)
    {
      const AtlasSeries *s = g_ptr_array_index (series, i);
      if (g_strcmp0 (s->currency, currency) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef gboolean (*IdCheck) (AtlasDataset *dataset, const char *id);

static gboolean
check_series (AtlasDataset *dataset, const char *id)
{
  return atlas_dataset_find_series (dataset, id) != NULL;
}

static gboolean
check_region (AtlasDataset *dataset, const char *id)
{
  return atlas_dataset_find_region (dataset, id) != NULL;
}

static gboolean
check_element (AtlasDataset *dataset, const char *id)
{
  return atlas_dataset_find_element (dataset, id) != NULL;
}

static gboolean
check_kind (AtlasDataset *dataset, const char *id)
{
  AtlasEventKind kind;
  return atlas_event_kind_from_string (id, &kind);
}

/* Keeps the known ids of @slot; FALSE when all were known. */
static gboolean
filter_strv (GStrv *slot, AtlasDataset *dataset, IdCheck check, gboolean empty_is_null)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean dropped = FALSE;

  if (*slot == NULL)
    return FALSE;
  builder = g_strv_builder_new ();
  for (guint i = 0; (*slot)[i] != NULL; i++)
    {
      if (check (dataset, (*slot)[i]))
        g_strv_builder_add (builder, (*slot)[i]);
      else
        dropped = TRUE;
    }
  if (!dropped)
    return FALSE;
  g_strfreev (*slot);
  *slot = g_strv_builder_end (builder);
  if (empty_is_null && (*slot)[0] == NULL)
    g_clear_pointer (slot, g_strfreev);
  return TRUE;
}

gboolean
atlas_view_state_sanitize (AtlasViewState *self, AtlasDataset *dataset)
{
  gboolean dropped = FALSE;
  const AtlasChain *chain;

  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), FALSE);

  if (self->chain != NULL && atlas_dataset_find_chain (dataset, self->chain) == NULL)
    dropped |= replace_str (&self->chain, NULL);

  /* Offsets of nodes the chain no longer has would only confuse the layout. */
  chain = atlas_dataset_find_chain (dataset, self->chain != NULL ? self->chain : first_chain_id (dataset));
  if (g_hash_table_size (self->node_offsets) > 0)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->node_offsets);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (chain == NULL || atlas_chain_find_node (chain, key) < 0)
          {
            g_hash_table_iter_remove (&iter);
            dropped = TRUE;
          }
    }

  dropped |= filter_strv (&self->series, dataset, check_series, TRUE);
  if (self->currency != NULL && !currency_known (dataset, self->currency))
    dropped |= replace_str (&self->currency, NULL);

  if (self->group != NULL)
    {
      const char * const *groups = atlas_dataset_get_share_groups (dataset);
      /* The map also takes a bar's own id. */
      if ((groups == NULL || !g_strv_contains (groups, self->group)) &&
          (self->options.view != ATLAS_VIEW_MAP || atlas_dataset_find_share (dataset, self->group) == NULL))
        dropped |= replace_str (&self->group, NULL);
    }

  dropped |= filter_strv (&self->kinds, dataset, check_kind, FALSE);
  dropped |= filter_strv (&self->regions, dataset, check_region, FALSE);
  dropped |= filter_strv (&self->elements, dataset, check_element, FALSE);

  /* A selection by id is only a wish; the chart widget drops unknown ones. */
  emit_changed (self, dropped);
  return dropped;
}

void
atlas_view_state_set_lang (AtlasViewState *self, const char *lang)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, replace_str (&self->lang, lang));
}

void
atlas_view_state_set_title (AtlasViewState *self, const char *title)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, replace_str (&self->title, title));
}

void
atlas_view_state_set_focus (AtlasViewState *self, const char * const *focus)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, replace_strv (&self->focus, focus));
}

/* A slide's annotations: the array is referenced, so they outlive a
 * reload of the dataset they came from. */
void
atlas_view_state_set_annotations (AtlasViewState *self, GPtrArray *annotations)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (annotations != NULL && annotations->len == 0)
    annotations = NULL;
  if (annotations == self->annotations)
    return;
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  self->annotations = annotations != NULL ? g_ptr_array_ref (annotations) : NULL;
  emit_changed (self, TRUE);
}

void
atlas_view_state_set_select (AtlasViewState *self, const char *id)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, replace_str (&self->select, id));
}

void
atlas_view_state_set_chain (AtlasViewState *self, const char *chain)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (g_strcmp0 (self->chain, chain) == 0)
    return;
  /* Offsets belong to the nodes of one diagram. */
  g_hash_table_remove_all (self->node_offsets);
  emit_changed (self, replace_str (&self->chain, chain));
}

void
atlas_view_state_set_keep_order (AtlasViewState *self, gboolean keep_order)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  keep_order = !!keep_order;
  if (self->options.keep_order == keep_order)
    return;
  self->options.keep_order = keep_order;
  emit_changed (self, TRUE);
}

double
atlas_view_state_get_node_offset (AtlasViewState *self, const char *node)
{
  const double *offset;

  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), 0);

  offset = g_hash_table_lookup (self->node_offsets, node);
  return offset != NULL ? *offset : 0;
}

void
atlas_view_state_set_node_offset (AtlasViewState *self, const char *node, double offset)
{
  double *slot;

  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  g_return_if_fail (node != NULL);

  slot = g_hash_table_lookup (self->node_offsets, node);
  if (slot != NULL && *slot == offset)
    return;
  if (slot == NULL && offset == 0)
    return;
  if (offset == 0)
    g_hash_table_remove (self->node_offsets, node);
  else if (slot != NULL)
    *slot = offset;
  else
    g_hash_table_insert (self->node_offsets, g_strdup (node), g_memdup2 (&offset, sizeof offset));
  emit_changed (self, TRUE);
}

void
atlas_view_state_clear_node_offsets (AtlasViewState *self)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (g_hash_table_size (self->node_offsets) == 0)
    return;
  g_hash_table_remove_all (self->node_offsets);
  emit_changed (self, TRUE);
}

gboolean
atlas_view_state_has_node_offsets (AtlasViewState *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), FALSE);
  return g_hash_table_size (self->node_offsets) > 0;
}

void
atlas_view_state_scale_node_offsets (AtlasViewState *self, double factor)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (factor == 1 || !(factor > 0) || g_hash_table_size (self->node_offsets) == 0)
    return;
  g_hash_table_iter_init (&iter, self->node_offsets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    *(double *) value *= factor;
  emit_changed (self, TRUE);
}

void
atlas_view_state_set_series (AtlasViewState *self, const char * const *series)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, replace_strv (&self->series, series));
}

GStrv
atlas_view_state_dup_shown_series (AtlasViewState *self, AtlasDataset *dataset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *all;

  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  if (self->series != NULL)
    return g_strdupv (self->series);

  all = atlas_dataset_get_series (dataset);
  for (guint i = 0; i < all->len; i++)
    {
      const AtlasSeries *series = g_ptr_array_index (all, i);
      if (is_dysprosium_or_terbium (series))
        g_strv_builder_add (builder, series->id);
    }
  {
    GStrv shown = g_strv_builder_end (builder);
    if (shown[0] == NULL && all->len > 0)
      {
        g_strfreev (shown);
        shown = g_new0 (char *, 2);
        shown[0] = g_strdup (((const AtlasSeries *) g_ptr_array_index (all, 0))->id);
      }
    return shown;
  }
}

gboolean
atlas_view_state_get_data_extent (AtlasViewState *self,
                                  AtlasDataset   *dataset,
                                  gint32         *first,
                                  gint32         *last)
{
  g_auto(GStrv) shown = NULL;
  gboolean any = FALSE;
  gint32 lo = G_MAXINT32, hi = G_MININT32;

  /* The timeline's range presets and zoom run over its events' dates. */
  if (self->options.view == ATLAS_VIEW_TIMELINE)
    {
      GPtrArray *events = atlas_dataset_get_events (dataset);

      for (guint i = 0; i < events->len; i++)
        {
          const AtlasEvent *event = g_ptr_array_index (events, i);

          lo = MIN (lo, event->date.day);
          hi = MAX (hi, event->date.day);
          any = TRUE;
        }
      if (any)
        {
          *first = lo;
          *last = hi;
        }
      return any;
    }

  shown = atlas_view_state_dup_shown_series (self, dataset);
  for (guint i = 0; shown != NULL && shown[i] != NULL; i++)
    {
      const AtlasSeries *series = atlas_dataset_find_series (dataset, shown[i]);

      if (series == NULL || series->n_points == 0)
        continue;
      lo = MIN (lo, series->points[0].day);
      hi = MAX (hi, series->points[series->n_points - 1].day);
      any = TRUE;
    }
  if (any)
    {
      *first = lo;
      *last = hi;
    }
  return any;
}

static gboolean
set_date (AtlasDate *slot, const AtlasDate *value)
{
  AtlasDate unset = { 0 };

  if (value == NULL || !atlas_date_is_set (value))
    value = &unset;
  if (memcmp (slot, value, sizeof *slot) == 0)
    return FALSE;
  *slot = *value;
  return TRUE;
}

void
atlas_view_state_set_range (AtlasViewState  *self,
                            const AtlasDate *from,
                            const AtlasDate *to)
{
  gboolean changed;

  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  changed = set_date (&self->options.from, from);
  changed |= set_date (&self->options.to, to);
  if (changed)
    self->range_preset = ATLAS_RANGE_CUSTOM;
  emit_changed (self, changed);
}

void
atlas_view_state_set_range_days (AtlasViewState *self, gint32 from, gint32 to)
{
  AtlasDate a, b;

  date_from_days (MIN (from, to), &a);
  date_from_days (MAX (from, to), &b);
  atlas_view_state_set_range (self, &a, &b);
}

void
atlas_view_state_set_range_preset (AtlasViewState   *self,
                                   AtlasRangePreset  preset,
                                   AtlasDataset     *dataset)
{
  static const int years[] = { 0, 10, 5, 1 };
  gint32 first, last;
  AtlasDate from;

  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (preset == ATLAS_RANGE_CUSTOM)
    return;
  atlas_view_state_begin_update (self);
  if (preset == ATLAS_RANGE_ALL || dataset == NULL ||
      !atlas_view_state_get_data_extent (self, dataset, &first, &last))
    atlas_view_state_set_range (self, NULL, NULL);
  else
    {
      date_from_days (MAX (first, days_minus_years (last, years[preset])), &from);
      atlas_view_state_set_range (self, &from, NULL);
    }
  self->range_preset = preset;
  atlas_view_state_end_update (self);
}

AtlasRangePreset
atlas_view_state_get_range_preset (AtlasViewState *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), ATLAS_RANGE_ALL);
  return self->range_preset;
}

void
atlas_view_state_set_log_scale (AtlasViewState *self, gboolean log_scale)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  log_scale = !!log_scale;
  if (self->options.log_scale == log_scale)
    return;
  self->options.log_scale = log_scale;
  emit_changed (self, TRUE);
}

void
atlas_view_state_set_indexed (AtlasViewState *self, const AtlasDate *date)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, set_date (&self->options.indexed, date));
}

void
atlas_view_state_set_currency (AtlasViewState *self, const char *currency)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, replace_str (&self->currency, currency));
}

void
atlas_view_state_set_unit (AtlasViewState *self, const char *unit)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, replace_str (&self->unit, unit));
}

void
atlas_view_state_set_show_events (AtlasViewState *self, gboolean show_events)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  show_events = !!show_events;
  if (self->options.show_events == show_events)
    return;
  self->options.show_events = show_events;
  emit_changed (self, TRUE);
}

void
atlas_view_state_set_group (AtlasViewState *self, const char *group)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, replace_str (&self->group, group));
}

void
atlas_view_state_set_kinds (AtlasViewState *self, const char * const *kinds)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, replace_strv (&self->kinds, kinds));
}

void
atlas_view_state_set_regions (AtlasViewState *self, const char * const *regions)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, replace_strv (&self->regions, regions));
}

void
atlas_view_state_set_elements (AtlasViewState *self, const char * const *elements)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  emit_changed (self, replace_strv (&self->elements, elements));
}
