/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-view-state.c: the options of one view, owned, as properties that notify when they change. */
#include "atlas-view-state.h"

#include "atlas-app-enums.h"
#include "atlas-core-enums.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct _AtlasViewState
{
  GObject parent_instance;

  AtlasChartOptions options;     /* points into the fields below */
  AtlasRangePreset  range_preset;

  char       *lang;
  char       *title;
  char       *select;
  char       *chain;
  /* node id -> double*, a fraction of the diagram's plot height; the
   * options read it as the two lists below, sorted by id. */
  GHashTable *node_offsets;
  GStrv       offset_nodes;
  double     *offset_values;
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
  PROP_0,
  PROP_VIEW,
  PROP_LANG,
  PROP_TITLE,
  PROP_SELECT,
  PROP_FOCUS,
  PROP_ANNOTATIONS,
  PROP_CHAIN,
  PROP_KEEP_ORDER,
  PROP_NODE_OFFSETS,
  PROP_HAS_NODE_OFFSETS,
  PROP_SERIES,
  PROP_FROM,
  PROP_TO,
  PROP_RANGE_PRESET,
  PROP_LOG_SCALE,
  PROP_INDEXED,
  PROP_CURRENCY,
  PROP_UNIT,
  PROP_SHOW_EVENTS,
  PROP_GROUP,
  PROP_KINDS,
  PROP_REGIONS,
  PROP_ELEMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  o->offset_nodes = (const char * const *) self->offset_nodes;
  o->node_offsets = self->offset_values;
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

/* Called after @prop's field changed (never for a repeat): the options
 * point at the new value before any listener reads them. */
static void
notify_prop (AtlasViewState *self, guint prop)
{
  sync_options (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_str_prop (AtlasViewState *self, char **slot, const char *value, guint prop)
{
  if (replace_str (slot, value))
    notify_prop (self, prop);
}

static void
set_strv_prop (AtlasViewState *self, GStrv *slot, const char * const *value, guint prop)
{
  if (replace_strv (slot, value))
    notify_prop (self, prop);
}

static void
set_bool_prop (AtlasViewState *self, gboolean *slot, gboolean value, guint prop)
{
  value = !!value;
  if (*slot == value)
    return;
  *slot = value;
  notify_prop (self, prop);
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, so that a slide captured from the same drags lists them the
 * same way every time. */
static void
rebuild_offset_lists (AtlasViewState *self)
{
  g_autofree gpointer *keys = NULL;
  guint n;

  g_clear_pointer (&self->offset_nodes, g_strfreev);
  g_clear_pointer (&self->offset_values, g_free);
  if (g_hash_table_size (self->node_offsets) == 0)
    return;
  keys = g_hash_table_get_keys_as_array (self->node_offsets, &n);
  qsort (keys, n, sizeof *keys, compare_ids);
  self->offset_nodes = g_new0 (char *, n + 1);
  self->offset_values = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      self->offset_nodes[i] = g_strdup (keys[i]);
      self->offset_values[i] = *(const double *) g_hash_table_lookup (self->node_offsets, keys[i]);
    }
}

/* The offsets changed; "has-node-offsets" too when they came or went. */
static void
notify_node_offsets (AtlasViewState *self, gboolean had_offsets)
{
  rebuild_offset_lists (self);
  g_object_freeze_notify (G_OBJECT (self));
  notify_prop (self, PROP_NODE_OFFSETS);
  if (had_offsets != (g_hash_table_size (self->node_offsets) > 0))
    notify_prop (self, PROP_HAS_NODE_OFFSETS);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_range_preset (AtlasViewState *self, AtlasRangePreset preset)
{
  if (self->range_preset == preset)
    return;
  self->range_preset = preset;
  notify_prop (self, PROP_RANGE_PRESET);
}

static char *
dup_date_string (const AtlasDate *date)
{
  return atlas_date_is_set (date) ? atlas_date_to_string (date) : NULL;
}

/* NULL or a date as a dataset writes it; anything else is unset too. */
static AtlasDate
date_from_string (const char *text)
{
  AtlasDate date = { 0 };

  if (text != NULL && !atlas_date_parse (text, strlen (text), &date))
    date = (AtlasDate) { 0 };
  return date;
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
atlas_view_state_finalize (GObject *object)
{
  AtlasViewState *self = ATLAS_VIEW_STATE (object);

  g_free (self->lang);
  g_free (self->title);
  g_free (self->select);
  g_free (self->chain);
  g_hash_table_unref (self->node_offsets);
  g_strfreev (self->offset_nodes);
  g_free (self->offset_values);
  g_strfreev (self->series);
  g_free (self->currency);
  g_free (self->unit);
  g_free (self->group);
  g_strfreev (self->kinds);
  g_strfreev (self->regions);
  g_strfreev (self->elements);
  g_strfreev (self->focus);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  G_OBJECT_CLASS (atlas_view_state_parent_class)->finalize (object);
}

static void
atlas_view_state_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasViewState *self = ATLAS_VIEW_STATE (object);
  const AtlasChartOptions *o = &self->options;

  switch (prop_id)
    {
    case PROP_VIEW: g_value_set_enum (value, o->view); break;
    case PROP_LANG: g_value_set_string (value, self->lang); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SELECT: g_value_set_string (value, self->select); break;
    case PROP_FOCUS: g_value_set_boxed (value, self->focus); break;
    case PROP_ANNOTATIONS: g_value_set_boxed (value, self->annotations); break;
    case PROP_CHAIN: g_value_set_string (value, self->chain); break;
    case PROP_KEEP_ORDER: g_value_set_boolean (value, o->keep_order); break;
    case PROP_NODE_OFFSETS:
      g_value_set_boxed (value, g_hash_table_size (self->node_offsets) > 0 ? self->node_offsets : NULL);
      break;
    case PROP_HAS_NODE_OFFSETS: g_value_set_boolean (value, o->node_offsets != NULL); break;
    case PROP_SERIES: g_value_set_boxed (value, self->series); break;
    case PROP_FROM: g_value_take_string (value, dup_date_string (&o->from)); break;
    case PROP_TO: g_value_take_string (value, dup_date_string (&o->to)); break;
    case PROP_RANGE_PRESET: g_value_set_enum (value, self->range_preset); break;
    case PROP_LOG_SCALE: g_value_set_boolean (value, o->log_scale); break;
    case PROP_INDEXED: g_value_take_string (value, dup_date_string (&o->indexed)); break;
    case PROP_CURRENCY: g_value_set_string (value, self->currency); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_SHOW_EVENTS: g_value_set_boolean (value, o->show_events); break;
    case PROP_GROUP: g_value_set_string (value, self->group); break;
    case PROP_KINDS: g_value_set_boxed (value, self->kinds); break;
    case PROP_REGIONS: g_value_set_boxed (value, self->regions); break;
    case PROP_ELEMENTS: g_value_set_boxed (value, self->elements); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_view_state_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasViewState *self = ATLAS_VIEW_STATE (object);
  AtlasDate date;

  switch (prop_id)
    {
    case PROP_VIEW:
      atlas_chart_options_init (&self->options, g_value_get_enum (value));
      sync_options (self);
      break;
    case PROP_LANG: atlas_view_state_set_lang (self, g_value_get_string (value)); break;
    case PROP_TITLE: atlas_view_state_set_title (self, g_value_get_string (value)); break;
    case PROP_SELECT: atlas_view_state_set_select (self, g_value_get_string (value)); break;
    case PROP_FOCUS: atlas_view_state_set_focus (self, g_value_get_boxed (value)); break;
    case PROP_ANNOTATIONS: atlas_view_state_set_annotations (self, g_value_get_boxed (value)); break;
    case PROP_CHAIN: atlas_view_state_set_chain (self, g_value_get_string (value)); break;
    case PROP_KEEP_ORDER: atlas_view_state_set_keep_order (self, g_value_get_boolean (value)); break;
    case PROP_SERIES: atlas_view_state_set_series (self, g_value_get_boxed (value)); break;
    case PROP_FROM:
      date = date_from_string (g_value_get_string (value));
      atlas_view_state_set_range (self, &date, &self->options.to);
      break;
    case PROP_TO:
      date = date_from_string (g_value_get_string (value));
      atlas_view_state_set_range (self, &self->options.from, &date);
      break;
    case PROP_LOG_SCALE: atlas_view_state_set_log_scale (self, g_value_get_boolean (value)); break;
    case PROP_INDEXED:
      date = date_from_string (g_value_get_string (value));
      atlas_view_state_set_indexed (self, &date);
      break;
    case PROP_CURRENCY: atlas_view_state_set_currency (self, g_value_get_string (value)); break;
    case PROP_UNIT: atlas_view_state_set_unit (self, g_value_get_string (value)); break;
    case PROP_SHOW_EVENTS: atlas_view_state_set_show_events (self, g_value_get_boolean (value)); break;
    case PROP_GROUP: atlas_view_state_set_group (self, g_value_get_string (value)); break;
    case PROP_KINDS: atlas_view_state_set_kinds (self, g_value_get_boxed (value)); break;
    case PROP_REGIONS: atlas_view_state_set_regions (self, g_value_get_boxed (value)); break;
    case PROP_ELEMENTS: atlas_view_state_set_elements (self, g_value_get_boxed (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_view_state_class_init (AtlasViewStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_view_state_finalize;
  object_class->get_property = atlas_view_state_get_property;
  object_class->set_property = atlas_view_state_set_property;

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  properties[PROP_VIEW] =
    g_param_spec_enum ("view", NULL, NULL, ATLAS_TYPE_VIEW, ATLAS_VIEW_FLOWS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Dataset text language; NULL: the user's. */
  properties[PROP_LANG] = g_param_spec_string ("lang", NULL, NULL, NULL, RW);
  /* A headline replacing the chart's title (a slide's title). */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RW);
  /* The id of the item drawn selected. */
  properties[PROP_SELECT] = g_param_spec_string ("select", NULL, NULL, NULL, RW);
  properties[PROP_FOCUS] = g_param_spec_boxed ("focus", NULL, NULL, G_TYPE_STRV, RW);
  /* A slide's callouts (const AtlasAnnotation*), shared with the slide. */
  properties[PROP_ANNOTATIONS] = g_param_spec_boxed ("annotations", NULL, NULL, G_TYPE_PTR_ARRAY, RW);
  properties[PROP_CHAIN] = g_param_spec_string ("chain", NULL, NULL, NULL, RW);
  properties[PROP_KEEP_ORDER] = g_param_spec_boolean ("keep-order", NULL, NULL, FALSE, RW);
  /* Node id -> double* dragged offset; NULL when none was dragged.  Written
   * through atlas_view_state_set_node_offset(). */
  properties[PROP_NODE_OFFSETS] = g_param_spec_boxed ("node-offsets", NULL, NULL, G_TYPE_HASH_TABLE, RO);
  properties[PROP_HAS_NODE_OFFSETS] = g_param_spec_boolean ("has-node-offsets", NULL, NULL, FALSE, RO);
  properties[PROP_SERIES] = g_param_spec_boxed ("series", NULL, NULL, G_TYPE_STRV, RW);
  properties[PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, RW);
  properties[PROP_TO] = g_param_spec_string ("to", NULL, NULL, NULL, RW);
  /* Applied with atlas_view_state_set_range_preset(), which needs the data. */
  properties[PROP_RANGE_PRESET] =
    g_param_spec_enum ("range-preset", NULL, NULL, ATLAS_TYPE_RANGE_PRESET, ATLAS_RANGE_ALL, RO);
  properties[PROP_LOG_SCALE] = g_param_spec_boolean ("log-scale", NULL, NULL, FALSE, RW);
  properties[PROP_INDEXED] = g_param_spec_string ("indexed", NULL, NULL, NULL, RW);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, RW);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, RW);
  properties[PROP_SHOW_EVENTS] = g_param_spec_boolean ("show-events", NULL, NULL, TRUE, RW);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, RW);
  properties[PROP_KINDS] = g_param_spec_boxed ("kinds", NULL, NULL, G_TYPE_STRV, RW);
  properties[PROP_REGIONS] = g_param_spec_boxed ("regions", NULL, NULL, G_TYPE_STRV, RW);
  properties[PROP_ELEMENTS] = g_param_spec_boxed ("elements", NULL, NULL, G_TYPE_STRV, RW);
#undef RW
#undef RO
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  return g_object_new (ATLAS_TYPE_VIEW_STATE, "view", view, NULL);
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
  rebuild_offset_lists (copy);
  sync_options (copy);
  return copy;
}

void
atlas_view_state_apply_slide (AtlasViewState *self, const AtlasSlide *slide)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  g_return_if_fail (slide != NULL);

  /* Every choice is written, so one the slide leaves out is the view's
   * default, and one it keeps is not notified. */
  g_object_freeze_notify (G_OBJECT (self));
  atlas_view_state_set_title (self, NULL);
  atlas_view_state_set_chain (self, slide->chain);
  atlas_view_state_clear_node_offsets (self);
  for (guint i = 0; slide->node_offset_ids != NULL && slide->node_offset_ids[i] != NULL; i++)
    atlas_view_state_set_node_offset (self, slide->node_offset_ids[i], slide->node_offsets[i]);
  atlas_view_state_set_keep_order (self, slide->keep_order);
  atlas_view_state_set_group (self, slide->group);
  atlas_view_state_set_series (self, (const char * const *) slide->series);
  atlas_view_state_set_range (self, &slide->from, &slide->to);
  set_range_preset (self, atlas_date_is_set (&slide->from) || atlas_date_is_set (&slide->to)
                            ? ATLAS_RANGE_CUSTOM : ATLAS_RANGE_ALL);
  atlas_view_state_set_log_scale (self, slide->scale == ATLAS_SCALE_LOG);
  atlas_view_state_set_indexed (self, &slide->indexed);
  atlas_view_state_set_currency (self, slide->currency);
  atlas_view_state_set_unit (self, slide->unit);
  atlas_view_state_set_show_events (self, !slide->hide_events);
  atlas_view_state_set_select (self, slide->select);
  atlas_view_state_set_kinds (self, (const char * const *) slide->kinds);
  atlas_view_state_set_regions (self, (const char * const *) slide->regions);
  atlas_view_state_set_elements (self, (const char * const *) slide->elements);
  atlas_view_state_set_focus (self, (const char * const *) slide->focus);
  atlas_view_state_set_annotations (self, slide->annotations);
  g_object_thaw_notify (G_OBJECT (self));
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

/* The known ids of @ids, or NULL when all are known (nothing to drop).
 * *@empty is set when none is known. */
static GStrv
known_ids (const char * const *ids, AtlasDataset *dataset, IdCheck check, gboolean *empty)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean dropped = FALSE;
  GStrv known;

  if (ids == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (check (dataset, ids[i]))
        g_strv_builder_add (builder, ids[i]);
      else
        dropped = TRUE;
    }
  if (!dropped)
    return NULL;
  known = g_strv_builder_end (builder);
  *empty = known[0] == NULL;
  return known;
}

/* Keeps the known ids of property @prop; FALSE when all were known. An
 * empty list is NULL ("the default") when @empty_is_null. */
static gboolean
filter_ids (AtlasViewState *self, GStrv *slot, guint prop, AtlasDataset *dataset, IdCheck check,
            gboolean empty_is_null)
{
  gboolean empty = FALSE;
  GStrv known = known_ids ((const char * const *) *slot, dataset, check, &empty);

  if (known == NULL)
    return FALSE;
  if (empty && empty_is_null)
    g_clear_pointer (&known, g_strfreev);
  g_strfreev (*slot);
  *slot = known;
  notify_prop (self, prop);
  return TRUE;
}

gboolean
atlas_view_state_sanitize (AtlasViewState *self, AtlasDataset *dataset)
{
  gboolean dropped = FALSE;
  const AtlasChain *chain;

  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->chain != NULL && atlas_dataset_find_chain (dataset, self->chain) == NULL)
    {
      atlas_view_state_set_chain (self, NULL);
      dropped = TRUE;
    }

  /* Offsets of nodes the chain no longer has would only confuse the layout. */
  chain = atlas_dataset_find_chain (dataset, self->chain != NULL ? self->chain : first_chain_id (dataset));
  if (g_hash_table_size (self->node_offsets) > 0)
    {
      GHashTableIter iter;
      gpointer key;
      gboolean removed = FALSE;

      g_hash_table_iter_init (&iter, self->node_offsets);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (chain == NULL || atlas_chain_find_node (chain, key) < 0)
          {
            g_hash_table_iter_remove (&iter);
            removed = TRUE;
          }
      if (removed)
        notify_node_offsets (self, TRUE);
      dropped |= removed;
    }

  dropped |= filter_ids (self, &self->series, PROP_SERIES, dataset, check_series, TRUE);
  if (self->currency != NULL && !currency_known (dataset, self->currency))
    {
      atlas_view_state_set_currency (self, NULL);
      dropped = TRUE;
    }

  if (self->group != NULL)
    {
      const char * const *groups = atlas_dataset_get_share_groups (dataset);
      /* The map also takes a bar's own id. */
      if ((groups == NULL || !g_strv_contains (groups, self->group)) &&
          (self->options.view != ATLAS_VIEW_MAP || atlas_dataset_find_share (dataset, self->group) == NULL))
        {
          atlas_view_state_set_group (self, NULL);
          dropped = TRUE;
        }
    }

  dropped |= filter_ids (self, &self->kinds, PROP_KINDS, dataset, check_kind, FALSE);
  dropped |= filter_ids (self, &self->regions, PROP_REGIONS, dataset, check_region, FALSE);
  dropped |= filter_ids (self, &self->elements, PROP_ELEMENTS, dataset, check_element, FALSE);

  /* A selection by id is only a wish; the chart widget drops unknown ones. */
  g_object_thaw_notify (G_OBJECT (self));
  return dropped;
}

void
atlas_view_state_set_lang (AtlasViewState *self, const char *lang)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  set_str_prop (self, &self->lang, lang, PROP_LANG);
}

void
atlas_view_state_set_title (AtlasViewState *self, const char *title)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  set_str_prop (self, &self->title, title, PROP_TITLE);
}

void
atlas_view_state_set_focus (AtlasViewState *self, const char * const *focus)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  set_strv_prop (self, &self->focus, focus, PROP_FOCUS);
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
  notify_prop (self, PROP_ANNOTATIONS);
}

void
atlas_view_state_set_select (AtlasViewState *self, const char *id)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  set_str_prop (self, &self->select, id, PROP_SELECT);
}

void
atlas_view_state_set_chain (AtlasViewState *self, const char *chain)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (g_strcmp0 (self->chain, chain) == 0)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  /* Offsets belong to the nodes of one diagram. */
  atlas_view_state_clear_node_offsets (self);
  set_str_prop (self, &self->chain, chain, PROP_CHAIN);
  g_object_thaw_notify (G_OBJECT (self));
}

void
atlas_view_state_set_keep_order (AtlasViewState *self, gboolean keep_order)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  set_bool_prop (self, &self->options.keep_order, keep_order, PROP_KEEP_ORDER);
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
  gboolean had_offsets;

  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  g_return_if_fail (node != NULL);

  if (!isfinite (offset))
    offset = 0;
  had_offsets = g_hash_table_size (self->node_offsets) > 0;
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
  notify_node_offsets (self, had_offsets);
}

void
atlas_view_state_clear_node_offsets (AtlasViewState *self)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  if (g_hash_table_size (self->node_offsets) == 0)
    return;
  g_hash_table_remove_all (self->node_offsets);
  notify_node_offsets (self, TRUE);
}

gboolean
atlas_view_state_has_node_offsets (AtlasViewState *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (self), FALSE);
  return g_hash_table_size (self->node_offsets) > 0;
}

void
atlas_view_state_set_series (AtlasViewState *self, const char * const *series)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  set_strv_prop (self, &self->series, series, PROP_SERIES);
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
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (set_date (&self->options.from, from))
    {
      notify_prop (self, PROP_FROM);
      set_range_preset (self, ATLAS_RANGE_CUSTOM);
    }
  if (set_date (&self->options.to, to))
    {
      notify_prop (self, PROP_TO);
      set_range_preset (self, ATLAS_RANGE_CUSTOM);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
atlas_view_state_set_range_days (AtlasViewState *self, gint32 from, gint32 to)
{
  AtlasDate a, b;

  a = atlas_date_from_days (MIN (from, to), ATLAS_DATE_DAY);
  b = atlas_date_from_days (MAX (from, to), ATLAS_DATE_DAY);
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
  g_object_freeze_notify (G_OBJECT (self));
  if (preset == ATLAS_RANGE_ALL || dataset == NULL ||
      !atlas_view_state_get_data_extent (self, dataset, &first, &last))
    atlas_view_state_set_range (self, NULL, NULL);
  else
    {
      from = atlas_date_from_days (MAX (first, days_minus_years (last, years[preset])), ATLAS_DATE_DAY);
      atlas_view_state_set_range (self, &from, NULL);
    }
  set_range_preset (self, preset);
  g_object_thaw_notify (G_OBJECT (self));
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

  set_bool_prop (self, &self->options.log_scale, log_scale, PROP_LOG_SCALE);
}

void
atlas_view_state_set_indexed (AtlasViewState *self, const AtlasDate *date)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  if (set_date (&self->options.indexed, date))
    notify_prop (self, PROP_INDEXED);
}

void
atlas_view_state_set_currency (AtlasViewState *self, const char *currency)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  set_str_prop (self, &self->currency, currency, PROP_CURRENCY);
}

void
atlas_view_state_set_unit (AtlasViewState *self, const char *unit)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  set_str_prop (self, &self->unit, unit, PROP_UNIT);
}

void
atlas_view_state_set_show_events (AtlasViewState *self, gboolean show_events)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));

  set_bool_prop (self, &self->options.show_events, show_events, PROP_SHOW_EVENTS);
}

void
atlas_view_state_set_group (AtlasViewState *self, const char *group)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  set_str_prop (self, &self->group, group, PROP_GROUP);
}

void
atlas_view_state_set_kinds (AtlasViewState *self, const char * const *kinds)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  set_strv_prop (self, &self->kinds, kinds, PROP_KINDS);
}

void
atlas_view_state_set_regions (AtlasViewState *self, const char * const *regions)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  set_strv_prop (self, &self->regions, regions, PROP_REGIONS);
}

void
atlas_view_state_set_elements (AtlasViewState *self, const char * const *elements)
{
  g_return_if_fail (ATLAS_IS_VIEW_STATE (self));
  set_strv_prop (self, &self->elements, elements, PROP_ELEMENTS);
}
