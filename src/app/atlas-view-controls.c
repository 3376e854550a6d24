/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-view-controls.c: the per-view controls; they edit the view's AtlasViewState and follow it when it changes elsewhere (zoom, reload, slides). */
#include "atlas-config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-accessible.h"
#include "atlas-app-enums.h"
#include "atlas-event-kinds.h"
#include "atlas-units.h"
#include "atlas-view-controls.h"

struct _AtlasViewControls
{
  GtkWidget       parent_instance;

  AtlasDataset   *dataset;
  AtlasViewState *state;
  /* A page is bound to the state while its view's state is shown: its
   * controls edit the state's properties and follow them (bindings), or
   * follow them through "notify" where a binding cannot say it. */
  GBindingGroup  *bindings[ATLAS_VIEW_N_VIEWS];
  GSignalGroup   *signals[ATLAS_VIEW_N_VIEWS];

  GPtrArray      *chain_ids;
  GPtrArray      *group_ids;
  GPtrArray      *map_ids;          /* "s" + a share's id, or "c" + a chain's */
  GPtrArray      *currency_ids;
  GPtrArray      *unit_ids;
  GPtrArray      *series_checks;
  GPtrArray      *kind_checks;
  GPtrArray      *region_checks;
  GPtrArray      *element_checks;

  GtkStack       *stack;
  GtkWidget      *pages[ATLAS_VIEW_N_VIEWS];  /* built on first show */
  GtkDropDown    *chain_dropdown;
  GtkMenuButton  *layout_button;
  GtkCheckButton *keep_order_check;
  GtkButton      *reset_nodes_button;
  GtkMenuButton  *series_button;
  GtkBox         *series_box;
  GtkToggleButton *linear_button;
  GtkToggleButton *log_button;
  GtkDropDown    *range_dropdown;
  GtkDropDown    *timeline_range_dropdown;
  GtkMenuButton  *indexed_button;
  GtkCheckButton *indexed_check;
  GtkEntry       *indexed_entry;
  GtkDropDown    *currency_dropdown;
  GtkDropDown    *unit_dropdown;
  GtkCheckButton *events_button;
  GtkDropDown    *group_dropdown;
  GtkDropDown    *map_dropdown;
  GtkMenuButton  *kinds_button;
  GtkBox         *kinds_box;
  GtkMenuButton  *regions_button;
  GtkBox         *regions_box;
  GtkMenuButton  *elements_button;
  GtkBox         *elements_box;
};

G_DEFINE_FINAL_TYPE (AtlasViewControls, atlas_view_controls, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The unit drop-down's entries: as quoted, then the mass units. */
static const char * const units[] = { NULL, "kg", "t", "lb" };

static void ensure_page (AtlasViewControls *self, AtlasView view);

static const char *
lang_of (AtlasViewControls *self)
{
  return self->state != NULL ? atlas_view_state_get_options (self->state)->lang : NULL;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The position of @id; the lists may hold NULL ("as quoted") entries. */
static gboolean
find_id (GPtrArray *ids, const char *id, guint *index)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      {
        if (index != NULL)
          *index = i;
        return TRUE;
      }
  return FALSE;
}

static guint
index_of (GPtrArray *ids, const char *id)
{
  guint index;

  return find_id (ids, id, &index) ? index : 0;
}

static const char *
id_at (GPtrArray *ids, guint index)
{
  return index < ids->len ? g_ptr_array_index (ids, index) : NULL;
}

/* Checked ids, or NULL when every box is checked ("no filter"). */
static GStrv
checked_ids (GPtrArray *checks, gboolean all_is_null)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean all = TRUE;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "atlas-id"));
      else
        all = FALSE;
    }
  if (all && all_is_null)
    return NULL;
  return g_strv_builder_end (builder);
}

static void
set_checks (GPtrArray *checks, const char * const *ids)
{
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "atlas-id");

      gtk_check_button_set_active (check, ids == NULL || g_strv_contains (ids, id));
    }
}

/* "All regions" when nothing is filtered out, else "3 regions". */
static void
update_filter_label (GtkMenuButton *button, GPtrArray *checks, const char * const *ids,
                     const char *all_label, const char *some_label)
{
  guint n = ids != NULL ? g_strv_length ((char **) ids) : 0;

  gtk_menu_button_set_label (button, ids == NULL || n == checks->len ? all_label : some_label);
}

static guint
count_ids (const char * const *ids)
{
  return ids != NULL ? g_strv_length ((char **) ids) : 0;
}

/* The state @view's page edits, borrowed; NULL while the page is not bound
 * to one (another view is shown, or its lists are being rebuilt). */
static AtlasViewState *
page_state (AtlasViewControls *self, AtlasView view)
{
  g_autoptr(GObject) source = g_binding_group_dup_source (self->bindings[view]);

  /* A bound page's state is the one shown, which self->state holds. */
  return source != NULL ? self->state : NULL;
}

static void
bind_page (AtlasViewControls *self, AtlasView view, AtlasViewState *state)
{
  g_signal_group_set_target (self->signals[view], state);
  g_binding_group_set_source (self->bindings[view], state);
}

/* ---- bindings: a drop-down's position is the id at that position -------- */

static gboolean
id_to_position (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      ids)
{
  g_value_set_uint (to, index_of (ids, g_value_get_string (from)));
  return TRUE;
}

static gboolean
position_to_id (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      ids)
{
  guint position = g_value_get_uint (from);

  if (position >= ((GPtrArray *) ids)->len)
    return FALSE;
  g_value_set_string (to, g_ptr_array_index ((GPtrArray *) ids, position));
  return TRUE;
}

/* The range drop-downs list the presets in their order, custom last. */
static gboolean
preset_to_position (GBinding     *binding,
                    const GValue *from,
                    GValue       *to,
                    gpointer      data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static void
bind_dropdown_to_ids (AtlasViewControls *self,
                      AtlasView          view,
                      const char        *property,
                      GtkDropDown       *dropdown,
                      GPtrArray         *ids)
{
  g_binding_group_bind_full (self->bindings[view], property, dropdown, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             id_to_position, position_to_id, ids, NULL);
}

/* ---- callbacks: widgets -> state ---------------------------------------- */

/* Each writes only what differs from the state, so a control the state
 * itself just set writes nothing back. */

static void
reset_nodes_clicked_cb (GtkButton         *button,
                        AtlasViewControls *self)
{
  AtlasViewState *state = page_state (self, ATLAS_VIEW_FLOWS);

  if (state == NULL)
    return;
  atlas_view_state_clear_node_offsets (state);
  gtk_menu_button_popdown (self->layout_button);
}

static void
series_toggled_cb (GtkCheckButton    *check,
                   AtlasViewControls *self)
{
  AtlasViewState *state = page_state (self, ATLAS_VIEW_PRICES);
  const char *id = g_object_get_data (G_OBJECT (check), "atlas-id");
  g_auto(GStrv) shown = NULL;
  g_auto(GStrv) ids = NULL;

  if (state == NULL || self->dataset == NULL)
    return;
  shown = atlas_view_state_dup_shown_series (state, self->dataset);
  if (gtk_check_button_get_active (check) == g_strv_contains ((const char * const *) shown, id))
    return;
  ids = checked_ids (self->series_checks, FALSE);
  /* A price chart of no series says nothing: keep the last one. */
  if (ids[0] == NULL)
    {
      gtk_check_button_set_active (check, TRUE);
      return;
    }
  atlas_view_state_set_series (state, (const char * const *) ids);
}

static void
range_selected_cb (GtkDropDown       *dropdown,
                   GParamSpec        *pspec,
                   AtlasViewControls *self)
{
  AtlasView view = dropdown == self->range_dropdown ? ATLAS_VIEW_PRICES : ATLAS_VIEW_TIMELINE;
  AtlasViewState *state = page_state (self, view);
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* The state's "range-preset" sets the drop-down (a binding); a preset
   * needs the data to apply, so the user's choice is applied here. */
  if (state == NULL || selected >= ATLAS_RANGE_CUSTOM || selected == atlas_view_state_get_range_preset (state))
    return;
  atlas_view_state_set_range_preset (state, (AtlasRangePreset) selected, self->dataset);
}

static gboolean
parse_entry_date (GtkEntry *entry, AtlasDate *date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return atlas_date_parse (stripped, strlen (stripped), date);
}

static void
apply_indexed (AtlasViewControls *self)
{
  AtlasViewState *state = page_state (self, ATLAS_VIEW_PRICES);
  AtlasDate date;
  gboolean valid;

  if (state == NULL)
    return;
  valid = parse_entry_date (self->indexed_entry, &date);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->indexed_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->indexed_entry), "error");

  if (!gtk_check_button_get_active (self->indexed_check))
    atlas_view_state_set_indexed (state, NULL);
  else if (valid)
    atlas_view_state_set_indexed (state, &date);
}

static void
indexed_toggled_cb (GtkCheckButton    *check,
                    AtlasViewControls *self)
{
  AtlasViewState *state = page_state (self, ATLAS_VIEW_PRICES);

  /* Switching it on with no date yet: rebase at the start of what is shown.
   * (The state never turns it on without a date: it writes the date first.) */
  if (state != NULL && gtk_check_button_get_active (check) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->indexed_entry)) == '\0' && self->dataset != NULL)
    {
      const AtlasChartOptions *options = atlas_view_state_get_options (state);
      gint32 first, last;
      g_autofree char *year = NULL;
      int y, m, d;

      if (atlas_date_is_set (&options->from))
        year = g_strdup_printf ("%d", options->from.year);
      else if (atlas_view_state_get_data_extent (state, self->dataset, &first, &last))
        {
          atlas_civil_from_days (first, &y, &m, &d);
          year = g_strdup_printf ("%d", y);
        }
      if (year != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->indexed_entry), year);
    }
  apply_indexed (self);
}

static void
indexed_entry_changed_cb (GtkEditable       *editable,
                          AtlasViewControls *self)
{
  const char *text = gtk_editable_get_text (editable);

  /* Typing a complete date turns indexed mode on. */
  if (*text != '\0' && !gtk_check_button_get_active (self->indexed_check))
    {
      AtlasDate date;
      if (parse_entry_date (self->indexed_entry, &date))
        gtk_check_button_set_active (self->indexed_check, TRUE);
    }
  apply_indexed (self);
}

/* The entry of the share or chain the map shows (a group's first bar);
 * 0 when there is none. */
static guint
map_position (AtlasViewControls *self, const AtlasChartOptions *options)
{
  g_autofree char *key = NULL;

  if (options->group != NULL && self->dataset != NULL)
    {
      const AtlasShare *share = atlas_dataset_find_share (self->dataset, options->group);
      GPtrArray *shares = atlas_dataset_get_shares (self->dataset);

      for (guint i = 0; share == NULL && i < shares->len; i++)
        {
          const AtlasShare *s = g_ptr_array_index (shares, i);
          if (!s->is_alternative && g_strcmp0 (s->group, options->group) == 0)
            share = s;
        }
      if (share != NULL)
        key = g_strconcat ("s", share->id, NULL);
    }
  else if (options->chain != NULL)
    key = g_strconcat ("c", options->chain, NULL);
  return key != NULL ? index_of (self->map_ids, key) : 0;
}

static void
map_selected_cb (GtkDropDown       *dropdown,
                 GParamSpec        *pspec,
                 AtlasViewControls *self)
{
  AtlasViewState *state = page_state (self, ATLAS_VIEW_MAP);
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *key;

  if (state == NULL || selected == map_position (self, atlas_view_state_get_options (state)))
    return;
  key = id_at (self->map_ids, selected);
  if (key == NULL)
    return;
  /* A share colours the countries; a chain without one draws routes. */
  g_object_freeze_notify (G_OBJECT (state));
  atlas_view_state_set_chain (state, key[0] == 's' ? NULL : key + 1);
  atlas_view_state_set_group (state, key[0] == 's' ? key + 1 : NULL);
  g_object_thaw_notify (G_OBJECT (state));
}

/* The state's ids of the filter @checks belong to; NULL: everything. */
static const char * const *
filter_ids (AtlasViewControls *self, const AtlasChartOptions *options, GPtrArray *checks)
{
  if (checks == self->kind_checks)
    return options->kinds;
  if (checks == self->region_checks)
    return options->regions;
  return options->elements;
}

static void
filter_toggled_cb (GtkCheckButton    *check,
                   AtlasViewControls *self)
{
  AtlasViewState *state = page_state (self, ATLAS_VIEW_TIMELINE);
  GPtrArray *checks = g_object_get_data (G_OBJECT (check), "atlas-checks");
  const char *id = g_object_get_data (G_OBJECT (check), "atlas-id");
  const char * const *current;
  g_auto(GStrv) ids = NULL;

  if (state == NULL)
    return;
  current = filter_ids (self, atlas_view_state_get_options (state), checks);
  if (gtk_check_button_get_active (check) == (current == NULL || g_strv_contains (current, id)))
    return;
  ids = checked_ids (checks, TRUE);
  if (checks == self->kind_checks)
    atlas_view_state_set_kinds (state, (const char * const *) ids);
  else if (checks == self->region_checks)
    atlas_view_state_set_regions (state, (const char * const *) ids);
  else
    atlas_view_state_set_elements (state, (const char * const *) ids);
}

/* ---- building the choices ------------------------------------------------ */

static GtkWidget *
add_check (AtlasViewControls *self, GtkBox *box, GPtrArray *checks, const char *id,
           const char *label, const char *tooltip, GCallback callback)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *text = gtk_label_new (NULL);

  /* Dataset text: set as plain text on a label of our own. */
  gtk_label_set_text (GTK_LABEL (text), label);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), text);
  g_object_set_data_full (G_OBJECT (check), "atlas-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (check), "atlas-checks", checks);
  if (tooltip != NULL && *tooltip != '\0')
    gtk_widget_set_tooltip_text (check, tooltip);
  g_signal_connect (check, "toggled", callback, self);
  gtk_box_append (box, check);
  g_ptr_array_add (checks, check);
  return check;
}

static void
setup_short_label_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (data));
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (GPOINTER_TO_INT (data), 12));
  gtk_list_item_set_child (item, label);
}

static void
bind_short_label_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *text = gtk_string_object_get_string (string);
  GtkWidget *label = gtk_list_item_get_child (item);

  /* Dataset text: plain text. The full title shows on hover. */
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

/* Long dataset titles would widen the controls bar past small screens: the
 * button shows them shortened, the list in full. */
static void
use_short_button_label (GtkDropDown *dropdown, int max_chars)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_short_label_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_short_label_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_short_label_cb), GINT_TO_POINTER (80));
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_short_label_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

static void
set_dropdown_strings (GtkDropDown *dropdown, GPtrArray *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (labels, i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

static char *
series_tooltip (const AtlasSeries *series, const char *lang)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const AtlasText *parts[] = { series->product, series->purity, series->basis, series->frequency };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", atlas_text_get (parts[i], lang));
  g_autofree char *unit = atlas_price_unit_label (series->currency, series->unit);

  g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", unit);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The distinct metrics of a group's bars, "Reserves, Mine production, …",
 * short enough for the controls bar. */
static char *
group_label (AtlasDataset *dataset, const char *group, const char *lang)
{
  const guint max_chars = 60;
  GPtrArray *shares = atlas_dataset_get_shares (dataset);
  g_autoptr(GPtrArray) metrics = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < shares->len; i++)
    {
      const AtlasShare *share = g_ptr_array_index (shares, i);
      const char *metric = atlas_text_get (share->metric, lang);
      gboolean member = share->group != NULL ? g_str_equal (share->group, group) : g_str_equal (share->id, group);

      if (member && !g_ptr_array_find_with_equal_func (metrics, metric, g_str_equal, NULL))
        g_ptr_array_add (metrics, (gpointer) metric);
    }
  for (guint i = 0; i < metrics->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (metrics, i));
  if (out->len == 0)
    return g_strdup (group);
  if (g_utf8_strlen (out->str, -1) > max_chars)
    {
      g_autofree char *cut = g_utf8_substring (out->str, 0, max_chars - 1);
      return g_strconcat (g_strchomp (cut), "…", NULL);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_currency (GPtrArray *ids, GPtrArray *labels, const char *code)
{
  if (code == NULL || find_id (ids, code, NULL))
    return;
  g_ptr_array_add (ids, g_strdup (code));
  g_ptr_array_add (labels, g_strdup (code));
}

/* Empties the page's lists; the drop-downs keep their models, insensitive
 * while there is no dataset. */
static void
clear_choices (AtlasViewControls *self, AtlasView view)
{
  switch (view)
    {
    case ATLAS_VIEW_FLOWS:
      g_ptr_array_set_size (self->chain_ids, 0);
      break;
    case ATLAS_VIEW_PRICES:
      g_ptr_array_set_size (self->currency_ids, 0);
      g_ptr_array_set_size (self->series_checks, 0);
      clear_box (self->series_box);
      break;
    case ATLAS_VIEW_SHARES:
      g_ptr_array_set_size (self->group_ids, 0);
      break;
    case ATLAS_VIEW_MAP:
      g_ptr_array_set_size (self->map_ids, 0);
      break;
    case ATLAS_VIEW_TIMELINE:
      g_ptr_array_set_size (self->kind_checks, 0);
      g_ptr_array_set_size (self->region_checks, 0);
      g_ptr_array_set_size (self->element_checks, 0);
      clear_box (self->kinds_box);
      clear_box (self->regions_box);
      clear_box (self->elements_box);
      break;
    case ATLAS_VIEW_N_VIEWS:
    default:
      break;
    }
}

static void
fill_flows_choices (AtlasViewControls *self, const char *lang)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *list = atlas_dataset_get_chains (self->dataset);

  for (guint i = 0; i < list->len; i++)
    {
      const AtlasChain *chain = g_ptr_array_index (list, i);
      g_ptr_array_add (self->chain_ids, g_strdup (chain->id));
      g_ptr_array_add (labels, g_strdup (atlas_text_get (chain->title, lang)));
    }
  set_dropdown_strings (self->chain_dropdown, labels);
  gtk_widget_set_sensitive (GTK_WIDGET (self->chain_dropdown), list->len > 1);
}

static void
fill_prices_choices (AtlasViewControls *self, const char *lang)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *list;

  /* Currencies: as quoted, then every currency the exchange rates know. */
  g_ptr_array_add (self->currency_ids, NULL);
  g_ptr_array_add (labels, g_strdup (_("As quoted")));
  list = atlas_dataset_get_fx (self->dataset);
  for (guint i = 0; i < list->len; i++)
    {
      const AtlasFx *fx = g_ptr_array_index (list, i);
      add_currency (self->currency_ids, labels, fx->per);
      add_currency (self->currency_ids, labels, fx->currency);
    }
  set_dropdown_strings (self->currency_dropdown, labels);
  gtk_widget_set_visible (GTK_WIDGET (self->currency_dropdown), self->currency_ids->len > 1);

  list = atlas_dataset_get_series (self->dataset);
  for (guint i = 0; i < list->len; i++)
    {
      const AtlasSeries *series = g_ptr_array_index (list, i);
      g_autofree char *tooltip = series_tooltip (series, lang);

      add_check (self, self->series_box, self->series_checks, series->id,
                 atlas_text_get (series->name, lang), tooltip, G_CALLBACK (series_toggled_cb));
    }
}

static void
fill_shares_choices (AtlasViewControls *self, const char *lang)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char * const *groups = atlas_dataset_get_share_groups (self->dataset);

  /* Share groups have only an id: name them by the metrics they hold. */
  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      g_ptr_array_add (self->group_ids, g_strdup (groups[i]));
      g_ptr_array_add (labels, group_label (self->dataset, groups[i], lang));
    }
  set_dropdown_strings (self->group_dropdown, labels);
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_dropdown), self->group_ids->len > 1);
}

/* Every bar that is not another's alternative, then every chain's routes. */
static void
fill_map_choices (AtlasViewControls *self, const char *lang)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *list = atlas_dataset_get_shares (self->dataset);

  for (guint i = 0; i < list->len; i++)
    {
      const AtlasShare *share = g_ptr_array_index (list, i);

      if (share->is_alternative)
        continue;
      g_ptr_array_add (self->map_ids, g_strconcat ("s", share->id, NULL));
      g_ptr_array_add (labels, g_strdup_printf ("%s, %d", atlas_text_get (share->metric, lang), share->year));
    }
  list = atlas_dataset_get_chains (self->dataset);
  for (guint i = 0; i < list->len; i++)
    {
      const AtlasChain *chain = g_ptr_array_index (list, i);

      g_ptr_array_add (self->map_ids, g_strconcat ("c", chain->id, NULL));
      /* TRANSLATORS: a choice of the map: the routes of a supply chain, "Routes: Rare-earth supply chain, 2024" */
      g_ptr_array_add (labels, g_strdup_printf (_("Routes: %s"), atlas_text_get (chain->title, lang)));
    }
  set_dropdown_strings (self->map_dropdown, labels);
  gtk_widget_set_sensitive (GTK_WIDGET (self->map_dropdown), self->map_ids->len > 1);
}

static void
fill_timeline_choices (AtlasViewControls *self, const char *lang)
{
  GPtrArray *list;

  for (guint k = 0; k < ATLAS_EVENT_N_KINDS; k++)
    add_check (self, self->kinds_box, self->kind_checks, atlas_event_kind_to_string (k),
               atlas_event_kind_label (k), NULL, G_CALLBACK (filter_toggled_cb));
  list = atlas_dataset_get_regions (self->dataset);
  for (guint i = 0; i < list->len; i++)
    {
      const AtlasRegion *region = g_ptr_array_index (list, i);
      add_check (self, self->regions_box, self->region_checks, region->id,
                 atlas_text_get (region->name, lang), NULL, G_CALLBACK (filter_toggled_cb));
    }
  list = atlas_dataset_get_elements (self->dataset);
  for (guint i = 0; i < list->len; i++)
    {
      const AtlasElement *element = g_ptr_array_index (list, i);
      add_check (self, self->elements_box, self->element_checks, element->id,
                 atlas_text_get (element->name, lang), NULL, G_CALLBACK (filter_toggled_cb));
    }
}

/* Fills the page's lists from the dataset; with none, they stay empty. */
static void
fill_choices (AtlasViewControls *self, AtlasView view)
{
  const char *lang = lang_of (self);
  g_autoptr(GObject) state = NULL;

  if (self->pages[view] == NULL)
    return;
  /* A new model moves a drop-down's selection, which is no choice of the
   * user's: the page lets go of its state while its lists are rebuilt,
   * and binding it again sets every control as the state says. */
  state = g_binding_group_dup_source (self->bindings[view]);
  bind_page (self, view, NULL);
  clear_choices (self, view);
  if (self->dataset != NULL)
    switch (view)
      {
      case ATLAS_VIEW_FLOWS: fill_flows_choices (self, lang); break;
      case ATLAS_VIEW_PRICES: fill_prices_choices (self, lang); break;
      case ATLAS_VIEW_SHARES: fill_shares_choices (self, lang); break;
      case ATLAS_VIEW_TIMELINE: fill_timeline_choices (self, lang); break;
      case ATLAS_VIEW_MAP: fill_map_choices (self, lang); break;
      case ATLAS_VIEW_N_VIEWS:
      default: break;
      }
  bind_page (self, view, ATLAS_VIEW_STATE (state));
}

/* ---- state -> widgets, where a binding cannot say it -------------------- */

/* These run when a page is bound to a state and when the state's property
 * changes; a control set to the value it has emits nothing. */

static void
sync_series (AtlasViewControls *self)
{
  g_auto(GStrv) shown = NULL;

  if (self->dataset == NULL)
    return;
  shown = atlas_view_state_dup_shown_series (self->state, self->dataset);
  set_checks (self->series_checks, (const char * const *) shown);
}

static void
sync_indexed (AtlasViewControls *self)
{
  const AtlasChartOptions *options = atlas_view_state_get_options (self->state);

  if (atlas_date_is_set (&options->indexed))
    {
      g_autofree char *date = atlas_date_to_string (&options->indexed);
      g_autofree char *label = g_strdup_printf (_("Indexed at %s"), date);

      /* The date first: checking the box would apply the date it finds. */
      gtk_editable_set_text (GTK_EDITABLE (self->indexed_entry), date);
      gtk_widget_remove_css_class (GTK_WIDGET (self->indexed_entry), "error");
      gtk_menu_button_set_label (self->indexed_button, label);
    }
  else
    /* The button's popover holds the unit and the events too: named after
     * indexing only when the prices are indexed, so it never claims a mode
     * that is off. */
    gtk_menu_button_set_label (self->indexed_button, _("Options"));
  gtk_check_button_set_active (self->indexed_check, atlas_date_is_set (&options->indexed));
}

static void
sync_prices (AtlasViewControls *self)
{
  sync_series (self);
  sync_indexed (self);
}

static void
sync_map (AtlasViewControls *self)
{
  gtk_drop_down_set_selected (self->map_dropdown, map_position (self, atlas_view_state_get_options (self->state)));
}

static void
sync_filters (AtlasViewControls *self)
{
  const AtlasChartOptions *options = atlas_view_state_get_options (self->state);
  g_autofree char *kinds = g_strdup_printf (ngettext ("%u kind", "%u kinds", count_ids (options->kinds)),
                                            count_ids (options->kinds));
  g_autofree char *regions = g_strdup_printf (ngettext ("%u region", "%u regions", count_ids (options->regions)),
                                              count_ids (options->regions));
  g_autofree char *elements = g_strdup_printf (ngettext ("%u element", "%u elements", count_ids (options->elements)),
                                               count_ids (options->elements));

  set_checks (self->kind_checks, options->kinds);
  set_checks (self->region_checks, options->regions);
  set_checks (self->element_checks, options->elements);
  update_filter_label (self->kinds_button, self->kind_checks, options->kinds, _("All kinds"), kinds);
  update_filter_label (self->regions_button, self->region_checks, options->regions, _("All regions"), regions);
  update_filter_label (self->elements_button, self->element_checks, options->elements, _("All elements"), elements);
}

/* ---- pages --------------------------------------------------------------- */

/* The top-level object of each view's page in the resource. */
static const char * const page_ids[ATLAS_VIEW_N_VIEWS] = {
  [ATLAS_VIEW_FLOWS] = "flows_page",
  [ATLAS_VIEW_PRICES] = "prices_page",
  [ATLAS_VIEW_SHARES] = "group_dropdown",
  [ATLAS_VIEW_TIMELINE] = "timeline_page",
  [ATLAS_VIEW_MAP] = "map_dropdown",
};

#define GET(builder, type, id) type (gtk_builder_get_object ((builder), (id)))

static void
connect_page (AtlasViewControls *self, AtlasView view, GtkBuilder *builder)
{
  GBindingGroup *bindings = self->bindings[view];
  GSignalGroup *signals = self->signals[view];

  switch (view)
    {
    case ATLAS_VIEW_FLOWS:
      self->chain_dropdown = GET (builder, GTK_DROP_DOWN, "chain_dropdown");
      self->layout_button = GET (builder, GTK_MENU_BUTTON, "layout_button");
      self->keep_order_check = GET (builder, GTK_CHECK_BUTTON, "keep_order_check");
      self->reset_nodes_button = GET (builder, GTK_BUTTON, "reset_nodes_button");
      use_short_button_label (self->chain_dropdown, 48);
      bind_dropdown_to_ids (self, view, "chain", self->chain_dropdown, self->chain_ids);
      g_binding_group_bind (bindings, "keep-order", self->keep_order_check, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_binding_group_bind (bindings, "has-node-offsets", self->reset_nodes_button, "sensitive",
                            G_BINDING_SYNC_CREATE);
      g_signal_connect (self->reset_nodes_button, "clicked", G_CALLBACK (reset_nodes_clicked_cb), self);
      break;
    case ATLAS_VIEW_PRICES:
      self->series_button = GET (builder, GTK_MENU_BUTTON, "series_button");
      self->series_box = GET (builder, GTK_BOX, "series_box");
      self->linear_button = GET (builder, GTK_TOGGLE_BUTTON, "linear_button");
      self->log_button = GET (builder, GTK_TOGGLE_BUTTON, "log_button");
      self->range_dropdown = GET (builder, GTK_DROP_DOWN, "range_dropdown");
      self->indexed_button = GET (builder, GTK_MENU_BUTTON, "indexed_button");
      self->indexed_check = GET (builder, GTK_CHECK_BUTTON, "indexed_check");
      self->indexed_entry = GET (builder, GTK_ENTRY, "indexed_entry");
      self->currency_dropdown = GET (builder, GTK_DROP_DOWN, "currency_dropdown");
      self->unit_dropdown = GET (builder, GTK_DROP_DOWN, "unit_dropdown");
      self->events_button = GET (builder, GTK_CHECK_BUTTON, "events_button");
      /* The two buttons are a group: pressing one releases the other, so
       * the log one alone writes the scale. */
      g_binding_group_bind (bindings, "log-scale", self->log_button, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_binding_group_bind (bindings, "log-scale", self->linear_button, "active",
                            G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
      g_binding_group_bind_full (bindings, "range-preset", self->range_dropdown, "selected",
                                 G_BINDING_SYNC_CREATE, preset_to_position, NULL, NULL, NULL);
      bind_dropdown_to_ids (self, view, "currency", self->currency_dropdown, self->currency_ids);
      bind_dropdown_to_ids (self, view, "unit", self->unit_dropdown, self->unit_ids);
      g_binding_group_bind (bindings, "show-events", self->events_button, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_signal_connect_swapped (signals, "bind", G_CALLBACK (sync_prices), self);
      g_signal_group_connect_swapped (signals, "notify::series", G_CALLBACK (sync_series), self);
      g_signal_group_connect_swapped (signals, "notify::indexed", G_CALLBACK (sync_indexed), self);
      g_signal_connect (self->range_dropdown, "notify::selected", G_CALLBACK (range_selected_cb), self);
      g_signal_connect (self->indexed_check, "toggled", G_CALLBACK (indexed_toggled_cb), self);
      g_signal_connect (self->indexed_entry, "changed", G_CALLBACK (indexed_entry_changed_cb), self);
      break;
    case ATLAS_VIEW_SHARES:
      self->group_dropdown = GET (builder, GTK_DROP_DOWN, "group_dropdown");
      use_short_button_label (self->group_dropdown, 48);
      bind_dropdown_to_ids (self, view, "group", self->group_dropdown, self->group_ids);
      break;
    case ATLAS_VIEW_TIMELINE:
      self->kinds_button = GET (builder, GTK_MENU_BUTTON, "kinds_button");
      self->kinds_box = GET (builder, GTK_BOX, "kinds_box");
      self->regions_button = GET (builder, GTK_MENU_BUTTON, "regions_button");
      self->regions_box = GET (builder, GTK_BOX, "regions_box");
      self->elements_button = GET (builder, GTK_MENU_BUTTON, "elements_button");
      self->elements_box = GET (builder, GTK_BOX, "elements_box");
      /* The same presets as the prices', over the events' dates; zooming
       * or panning the chart makes it a custom range. */
      self->timeline_range_dropdown = GET (builder, GTK_DROP_DOWN, "timeline_range_dropdown");
      g_binding_group_bind_full (bindings, "range-preset", self->timeline_range_dropdown, "selected",
                                 G_BINDING_SYNC_CREATE, preset_to_position, NULL, NULL, NULL);
      g_signal_connect_swapped (signals, "bind", G_CALLBACK (sync_filters), self);
      g_signal_group_connect_swapped (signals, "notify::kinds", G_CALLBACK (sync_filters), self);
      g_signal_group_connect_swapped (signals, "notify::regions", G_CALLBACK (sync_filters), self);
      g_signal_group_connect_swapped (signals, "notify::elements", G_CALLBACK (sync_filters), self);
      g_signal_connect (self->timeline_range_dropdown, "notify::selected", G_CALLBACK (range_selected_cb), self);
      break;
    case ATLAS_VIEW_MAP:
      self->map_dropdown = GET (builder, GTK_DROP_DOWN, "map_dropdown");
      use_short_button_label (self->map_dropdown, 48);
      g_signal_connect_swapped (signals, "bind", G_CALLBACK (sync_map), self);
      g_signal_group_connect_swapped (signals, "notify::chain", G_CALLBACK (sync_map), self);
      g_signal_group_connect_swapped (signals, "notify::group", G_CALLBACK (sync_map), self);
      g_signal_connect (self->map_dropdown, "notify::selected", G_CALLBACK (map_selected_cb), self);
      break;
    case ATLAS_VIEW_N_VIEWS:
    default:
      g_assert_not_reached ();
    }
}

#undef GET

/* A view's controls are built when the view is first shown: the first
 * frame then builds, styles and measures one page of four (a dozen
 * drop-downs, popovers and check lists fewer). */
static void
ensure_page (AtlasViewControls *self, AtlasView view)
{
  const char *objects[] = { page_ids[view], NULL };
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (self->pages[view] != NULL)
    return;
  builder = gtk_builder_new ();
  if (!gtk_builder_add_objects_from_resource (builder, "/io/github/rareearthatlas/RareEarthAtlas/ui/atlas-view-controls.ui",
                                              objects, &error))
    g_error ("The view controls could not be built: %s", error->message);  /* our own resource */
  self->pages[view] = GTK_WIDGET (gtk_builder_get_object (builder, page_ids[view]));
  gtk_stack_add_named (self->stack, self->pages[view], atlas_view_to_string (view));
  connect_page (self, view, builder);
  /* Screen readers: GTK 4.8 misnames mnemonic check buttons and drop-downs. */
  atlas_accessible_fix_names (self->pages[view]);
  fill_choices (self, view);
}

/* ---- GObject ------------------------------------------------------------ */

static void
atlas_view_controls_dispose (GObject *object)
{
  AtlasViewControls *self = ATLAS_VIEW_CONTROLS (object);

  for (guint view = 0; view < ATLAS_VIEW_N_VIEWS; view++)
    {
      g_clear_object (&self->bindings[view]);
      g_clear_object (&self->signals[view]);
    }
  g_clear_object (&self->state);
  g_clear_object (&self->dataset);
  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }
  G_OBJECT_CLASS (atlas_view_controls_parent_class)->dispose (object);
}

static void
atlas_view_controls_finalize (GObject *object)
{
  AtlasViewControls *self = ATLAS_VIEW_CONTROLS (object);

  g_ptr_array_unref (self->chain_ids);
  g_ptr_array_unref (self->group_ids);
  g_ptr_array_unref (self->map_ids);
  g_ptr_array_unref (self->currency_ids);
  g_ptr_array_unref (self->unit_ids);
  g_ptr_array_unref (self->series_checks);
  g_ptr_array_unref (self->kind_checks);
  g_ptr_array_unref (self->region_checks);
  g_ptr_array_unref (self->element_checks);
  G_OBJECT_CLASS (atlas_view_controls_parent_class)->finalize (object);
}

static void
atlas_view_controls_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtlasViewControls *self = ATLAS_VIEW_CONTROLS (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_view_controls_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtlasViewControls *self = ATLAS_VIEW_CONTROLS (object);

  switch (prop_id)
    {
    case PROP_STATE:
      atlas_view_controls_set_state (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_view_controls_class_init (AtlasViewControlsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_view_controls_dispose;
  object_class->finalize = atlas_view_controls_finalize;
  object_class->get_property = atlas_view_controls_get_property;
  object_class->set_property = atlas_view_controls_set_property;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* The state the controls show and edit; its view picks the page. */
  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL, ATLAS_TYPE_VIEW_STATE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_view_controls_init (AtlasViewControls *self)
{
  self->chain_ids = g_ptr_array_new_with_free_func (g_free);
  self->group_ids = g_ptr_array_new_with_free_func (g_free);
  self->map_ids = g_ptr_array_new_with_free_func (g_free);
  self->currency_ids = g_ptr_array_new_with_free_func (g_free);
  self->unit_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    g_ptr_array_add (self->unit_ids, g_strdup (units[i]));
  self->series_checks = g_ptr_array_new ();
  self->kind_checks = g_ptr_array_new ();
  self->region_checks = g_ptr_array_new ();
  self->element_checks = g_ptr_array_new ();
  for (guint view = 0; view < ATLAS_VIEW_N_VIEWS; view++)
    {
      self->bindings[view] = g_binding_group_new ();
      self->signals[view] = g_signal_group_new (ATLAS_TYPE_VIEW_STATE);
    }

  /* Sized by the page shown, so a view's controls bar is as it would be alone. */
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}

/* ---- public API --------------------------------------------------------- */

GtkWidget *
atlas_view_controls_new (void)
{
  return g_object_new (ATLAS_TYPE_VIEW_CONTROLS, NULL);
}

void
atlas_view_controls_set_dataset (AtlasViewControls *self,
                                 AtlasDataset      *dataset)
{
  g_return_if_fail (ATLAS_IS_VIEW_CONTROLS (self));

  g_set_object (&self->dataset, dataset);
  for (guint view = 0; view < ATLAS_VIEW_N_VIEWS; view++)
    fill_choices (self, (AtlasView) view);
}

void
atlas_view_controls_set_state (AtlasViewControls *self,
                               AtlasViewState    *state)
{
  AtlasView view = ATLAS_VIEW_N_VIEWS;

  g_return_if_fail (ATLAS_IS_VIEW_CONTROLS (self));
  g_return_if_fail (state == NULL || ATLAS_IS_VIEW_STATE (state));

  if (!g_set_object (&self->state, state))
    return;
  /* Only the shown view's page edits a state: the others let go of theirs
   * and are set as their state says when it is shown again. */
  if (state != NULL)
    view = atlas_view_state_get_view (state);
  for (guint v = 0; v < ATLAS_VIEW_N_VIEWS; v++)
    if (v != view)
      bind_page (self, (AtlasView) v, NULL);
  if (state != NULL)
    {
      ensure_page (self, view);
      bind_page (self, view, state);
      gtk_stack_set_visible_child (self->stack, self->pages[view]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}
