/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-item-info.c: turns a chart item back into the dataset's facts about it, with their sources. */
#include "atlas-chart-frame.h"
#include "atlas-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-format.h"
#include "atlas-event-kinds.h"
#include "atlas-item-info.h"
#include "atlas-share-concentration.h"
#include "atlas-units.h"

/* A node lists at most this many of its flows, largest first; the table
 * view has them all. */
#define MAX_LISTED_FLOWS 8

static void
fact_free (gpointer data)
{
  AtlasInfoFact *fact = data;

  g_free (fact->label);
  g_free (fact->value);
  g_free (fact);
}

static void
alternative_free (gpointer data)
{
  AtlasInfoAlternative *alt = data;

  g_free (alt->value);
  g_free (alt->detail);
  g_ptr_array_unref (alt->sources);
  g_free (alt);
}

static AtlasItemInfo *
info_new (const AtlasItem *item)
{
  AtlasItemInfo *info = g_new0 (AtlasItemInfo, 1);

  info->item = *item;
  info->facts = g_ptr_array_new_with_free_func (fact_free);
  info->notes = g_ptr_array_new_with_free_func (g_free);
  info->alternatives = g_ptr_array_new_with_free_func (alternative_free);
  info->sources = g_ptr_array_new ();
  return info;
}

/* Takes @value. */
static void
add_fact (AtlasItemInfo *info, const char *label, char *value)
{
  AtlasInfoFact *fact;

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return;
    }
  fact = g_new0 (AtlasInfoFact, 1);
  fact->label = g_strdup (label);
  fact->value = value;
  g_ptr_array_add (info->facts, fact);
}

static void
add_note (AtlasItemInfo *info, const AtlasText *note, const char *lang)
{
  const char *text = atlas_text_get (note, lang);

  if (text != NULL && *text != '\0')
    g_ptr_array_add (info->notes, g_strdup (text));
}

static char *
format_value (double value, const char *unit)
{
  g_autofree char *number = atlas_format_number (value, fabs (value) < 10 ? 2 : fabs (value) < 1000 ? 1 : 0);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, atlas_unit_label (unit));
}

static char *
format_share_of (double part, double whole, const char *of)
{
  g_autofree char *percent = NULL;

  if (!(whole > 0) || !isfinite (part))
    return NULL;
  percent = atlas_format_percent (part / whole);
  /* Translators: a share, e.g. "68 % of Mining" */
  return g_strdup_printf (_("%s of %s"), percent, of);
}

static char *
format_year (int year)
{
  return year > 0 ? g_strdup_printf ("%d", year) : NULL;
}

static char *
format_day (gint32 day, guint precision)
{
  AtlasDate date = atlas_date_from_days (day, precision);

  return atlas_date_to_string (&date);
}

static const AtlasChain *
resolve_chain (AtlasDataset *dataset, const char *id)
{
  GPtrArray *chains;

  if (id != NULL)
    return atlas_dataset_find_chain (dataset, id);
  chains = atlas_dataset_get_chains (dataset);
  return chains->len > 0 ? g_ptr_array_index (chains, 0) : NULL;
}

static const char *
node_label (const AtlasNode *node, const char *lang)
{
  return atlas_text_get (atlas_node_get_label (node), lang);
}

static const char *
stage_name (const AtlasChain *chain, guint stage, const char *lang)
{
  if (stage >= chain->stages->len)
    return "";
  return atlas_text_get (((const AtlasStage *) g_ptr_array_index (chain->stages, stage))->name, lang);
}

static AtlasCertainty
combine_certainty (guint n_estimates, guint n_figures)
{
  if (n_figures == 0 || n_estimates == 0)
    return ATLAS_CERTAINTY_REPORTED;
  return n_estimates == n_figures ? ATLAS_CERTAINTY_ESTIMATE : ATLAS_CERTAINTY_PARTLY;
}

static int
compare_links_by_value (gconstpointer a, gconstpointer b)
{
  const AtlasLink *la = *(const AtlasLink * const *) a;
  const AtlasLink *lb = *(const AtlasLink * const *) b;

  return (la->value < lb->value) - (la->value > lb->value);
}

static void
list_flows (AtlasItemInfo     *info,
            const AtlasChain  *chain,
            GPtrArray         *links,
            gboolean           outgoing,
            const char        *lang)
{
  g_ptr_array_sort (links, compare_links_by_value);
  for (guint i = 0; i < links->len && i < MAX_LISTED_FLOWS; i++)
    {
      const AtlasLink *link = g_ptr_array_index (links, i);
      const AtlasNode *other = g_ptr_array_index (chain->nodes, outgoing ? link->to : link->from);
      g_autofree char *label = NULL;
      char *value = format_value (link->value, chain->unit);

      /* Translators: a flow out of ("To …") or into ("From …") a node */
      label = g_strdup_printf (outgoing ? _("To %s") : _("From %s"), node_label (other, lang));
      if (link->estimate)
        {
          char *marked = g_strdup_printf (_("%s (estimate)"), value);
          g_free (value);
          value = marked;
        }
      add_fact (info, label, value);
    }
  if (links->len > MAX_LISTED_FLOWS)
    add_fact (info, outgoing ? _("Further flows out") : _("Further flows in"),
              g_strdup_printf (ngettext ("%u more (see the data table)",
                                         "%u more (see the data table)",
                                         links->len - MAX_LISTED_FLOWS),
                               links->len - MAX_LISTED_FLOWS));
}

static AtlasItemInfo *
node_info (AtlasDataset *dataset, const AtlasChartOptions *options, const AtlasItem *item, const char *lang)
{
  const AtlasChain *chain = resolve_chain (dataset, options != NULL ? options->chain : NULL);
  g_autoptr(GPtrArray) in = g_ptr_array_new ();
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  const AtlasNode *node;
  AtlasItemInfo *info;
  double stage_total = 0;
  guint n_estimates = 0;
  int index;

  if (chain == NULL)
    return NULL;
  index = item->index;
  if (index < 0 || (guint) index >= chain->nodes->len ||
      g_strcmp0 (((const AtlasNode *) g_ptr_array_index (chain->nodes, index))->id, item->id) != 0)
    index = atlas_chain_find_node (chain, item->id);
  if (index < 0)
    return NULL;
  node = g_ptr_array_index (chain->nodes, index);

  info = info_new (item);
  info->kind = g_strdup_printf (_("%s, node"), stage_name (chain, node->stage, lang));
  info->name = g_strdup (node_label (node, lang));
  info->value = format_value (node->value, chain->unit);
  for (guint i = 0; i < chain->nodes->len; i++)
    {
      const AtlasNode *other = g_ptr_array_index (chain->nodes, i);
      if (other->stage == node->stage)
        stage_total += other->value;
    }
  info->share = format_share_of (node->value, stage_total, stage_name (chain, node->stage, lang));
  info->when = format_year (chain->year);

  if (node->region != NULL && node->name != NULL)
    add_fact (info, _("Region"), g_strdup (atlas_text_get (node->region->name, lang)));
  add_fact (info, _("Diagram"), g_strdup (atlas_text_get (chain->title, lang)));
  /* A stage can lose or gain material: show both sums when they differ. */
  if (node->inflow > 0 && node->outflow > 0 &&
      fabs (node->inflow - node->outflow) > 1e-9 * MAX (1.0, node->value))
    {
      add_fact (info, _("Inflow"), format_value (node->inflow, chain->unit));
      add_fact (info, _("Outflow"), format_value (node->outflow, chain->unit));
    }
  if (atlas_chain_node_untraced (chain, node) != 0)
    {
      double untraced = atlas_chain_node_untraced (chain, node);

      add_fact (info, untraced < 0 ? _("Destination not traced") : _("Origin not traced"),
                format_value (fabs (untraced), chain->unit));
    }

  atlas_frame_add_cite (info->sources, dataset, (const char * const *) chain->cite);
  for (guint i = 0; i < chain->links->len; i++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, i);

      if (link->from != (guint) index && link->to != (guint) index)
        continue;
      g_ptr_array_add (link->from == (guint) index ? out : in, (gpointer) link);
      n_estimates += link->estimate ? 1 : 0;
      atlas_frame_add_cite (info->sources, dataset, atlas_cite_or (link->cite, chain->cite));
    }
  /* A node's value is the sum of its flows; estimated routes do not make
   * the volume itself an estimate, so say "partly" at most. */
  info->certainty = n_estimates > 0 ? ATLAS_CERTAINTY_PARTLY : ATLAS_CERTAINTY_REPORTED;
  list_flows (info, chain, in, FALSE, lang);
  list_flows (info, chain, out, TRUE, lang);
  return info;
}

static AtlasItemInfo *
link_info (AtlasDataset *dataset, const AtlasItem *item, const char *lang)
{
  const AtlasChain *chain = atlas_dataset_find_chain (dataset, item->id);
  const AtlasNode *from, *to;
  const AtlasLink *link;
  AtlasItemInfo *info;
  g_autofree char *of_output = NULL;

  if (chain == NULL || item->index < 0 || (guint) item->index >= chain->links->len)
    return NULL;
  link = g_ptr_array_index (chain->links, item->index);
  from = g_ptr_array_index (chain->nodes, link->from);
  to = g_ptr_array_index (chain->nodes, link->to);

  info = info_new (item);
  info->kind = g_strdup (from->stage > to->stage ? _("Return flow") : _("Flow"));
  info->name = g_strdup_printf ("%s → %s", node_label (from, lang), node_label (to, lang));
  info->value = format_value (link->value, chain->unit);
  /* Translators: "%s" is a node such as "China"; the whole reads
   * "28 % of all that leaves China" */
  of_output = g_strdup_printf (_("all that leaves %s"), node_label (from, lang));
  info->share = format_share_of (link->value, from->outflow, of_output);
  info->when = format_year (chain->year);
  info->certainty = link->estimate ? ATLAS_CERTAINTY_ESTIMATE : ATLAS_CERTAINTY_REPORTED;
  if (to->inflow > 0)
    {
      g_autofree char *of_input = g_strdup_printf (_("all that reaches %s"), node_label (to, lang));
      add_fact (info, _("Share of input"), format_share_of (link->value, to->inflow, of_input));
    }
  add_fact (info, _("From stage"), g_strdup (stage_name (chain, from->stage, lang)));
  add_fact (info, _("To stage"), g_strdup (stage_name (chain, to->stage, lang)));
  add_fact (info, _("Diagram"), g_strdup (atlas_text_get (chain->title, lang)));
  add_note (info, link->note, lang);
  atlas_frame_add_cite (info->sources, dataset, atlas_cite_or (link->cite, chain->cite));
  return info;
}

static char *
series_unit (const AtlasSeries *series)
{
  return atlas_price_unit_label (series->currency, series->unit);
}

static char *
point_value (const AtlasPricePoint *point, const char *unit)
{
  if (point->flags & ATLAS_POINT_RANGE)
    {
      g_autofree char *low = format_value (point->low, NULL);
      g_autofree char *high = format_value (point->high, unit);
      return g_strdup_printf ("%s–%s", low, high);
    }
  return format_value (point->value, unit);
}

static AtlasItemInfo *
series_info (AtlasDataset *dataset, const AtlasItem *item, const char *lang)
{
  const AtlasSeries *series = atlas_dataset_find_series (dataset, item->id);
  g_autofree char *unit = NULL;
  AtlasItemInfo *info;
  guint n_estimates = 0;

  if (series == NULL)
    return NULL;
  unit = series_unit (series);
  info = info_new (item);
  info->kind = g_strdup (_("Price series"));
  info->name = g_strdup (atlas_text_get (series->name, lang));
  if (series->n_points > 0)
    {
      const AtlasPricePoint *last = &series->points[series->n_points - 1];
      g_autofree char *first_day = format_day (series->points[0].day, series->points[0].precision);
      g_autofree char *last_day = format_day (last->day, last->precision);

      info->value = point_value (last, unit);
      info->when = g_strdup_printf ("%s – %s", first_day, last_day);
      add_fact (info, _("Latest"), g_strdup_printf ("%s (%s)", info->value, last_day));
    }
  if (series->element != NULL)
    add_fact (info, _("Element"), g_strdup (atlas_text_get (series->element->name, lang)));
  add_fact (info, _("Product"), g_strdup (atlas_text_get (series->product, lang)));
  add_fact (info, _("Purity"), g_strdup (atlas_text_get (series->purity, lang)));
  add_fact (info, _("Basis"), g_strdup (atlas_text_get (series->basis, lang)));
  add_fact (info, _("Frequency"), g_strdup (atlas_text_get (series->frequency, lang)));
  add_fact (info, _("Quoted in"), g_strdup (unit));
  add_fact (info, _("Points"), g_strdup_printf ("%" G_GSIZE_FORMAT, series->n_points));
  for (gsize i = 0; i < series->n_points; i++)
    n_estimates += (series->points[i].flags & ATLAS_POINT_ESTIMATE) ? 1 : 0;
  info->certainty = combine_certainty (n_estimates, (guint) MIN (series->n_points, G_MAXUINT));
  add_note (info, series->note, lang);
  atlas_frame_add_cite (info->sources, dataset, (const char * const *) series->cite);
  if (series->extras != NULL)
    for (guint i = 0; i < series->extras->len; i++)
      {
        const AtlasPointExtra *extra = &g_array_index (series->extras, AtlasPointExtra, i);
        atlas_frame_add_cite (info->sources, dataset, atlas_cite_or (extra->cite, series->cite));
      }
  return info;
}

static AtlasItemInfo *
point_info (AtlasDataset *dataset, const AtlasChartOptions *options, const AtlasItem *item, const char *lang)
{
  const AtlasSeries *series = atlas_dataset_find_series (dataset, item->id);
  const AtlasPointExtra *extra = NULL;
  const AtlasPricePoint *point;
  g_autofree char *unit = NULL;
  AtlasItemInfo *info;

  if (series == NULL || item->index < 0 || (gsize) item->index >= series->n_points)
    return NULL;
  point = &series->points[item->index];
  if (point->extra >= 0 && series->extras != NULL && (guint) point->extra < series->extras->len)
    extra = &g_array_index (series->extras, AtlasPointExtra, point->extra);

  unit = series_unit (series);
  info = info_new (item);
  if (series->currency == NULL)
    info->kind = g_strdup ((point->flags & ATLAS_POINT_RANGE) ? _("Range") : _("Quantity"));
  else
    info->kind = g_strdup ((point->flags & ATLAS_POINT_RANGE) ? _("Price range") : _("Price"));
  info->name = g_strdup (atlas_text_get (series->name, lang));
  info->value = point_value (point, unit);
  info->when = format_day (point->day, point->precision);
  info->certainty = (point->flags & ATLAS_POINT_ESTIMATE) ? ATLAS_CERTAINTY_ESTIMATE : ATLAS_CERTAINTY_REPORTED;

  /* A quantity is never converted: money and mass units are for prices. */
  if (series->currency != NULL && options != NULL && (options->currency != NULL || options->unit != NULL))
    {
      const char *to_currency = options->currency != NULL ? options->currency : series->currency;
      const char *to_unit = options->unit != NULL ? options->unit : series->unit;
      double converted;

      if (atlas_dataset_convert_price (dataset, point->value, point->day, series->currency,
                                       series->unit, to_currency, to_unit, &converted))
        {
          g_autofree char *label = g_strdup_printf (_("In %s/%s"), to_currency, to_unit);
          add_fact (info, label, format_value (converted, NULL));
        }
      else
        add_fact (info, _("Conversion"), g_strdup (_("No exchange rate for this date")));
    }
  add_fact (info, _("Basis"), g_strdup (atlas_text_get (series->basis, lang)));
  add_fact (info, _("Frequency"), g_strdup (atlas_text_get (series->frequency, lang)));
  if (extra != NULL)
    add_note (info, extra->note, lang);
  atlas_frame_add_cite (info->sources, dataset,
                        atlas_cite_or (extra != NULL ? extra->cite : NULL, series->cite));
  return info;
}

static char *
join_names (GPtrArray *list, gboolean regions, const char *lang)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const AtlasText *name = regions ? ((const AtlasRegion *) g_ptr_array_index (list, i))->name
                                      : ((const AtlasElement *) g_ptr_array_index (list, i))->name;
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, atlas_text_get (name, lang));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static AtlasItemInfo *
event_info (AtlasDataset *dataset, const AtlasItem *item, const char *lang)
{
  const AtlasEvent *event = atlas_dataset_find_event (dataset, item->id);
  AtlasItemInfo *info;

  if (event == NULL)
    return NULL;
  info = info_new (item);
  /* Translators: "Policy event" */
  info->kind = g_strdup_printf (_("%s event"), atlas_event_kind_label (event->kind));
  info->name = g_strdup (atlas_text_get (event->title, lang));
  info->when = atlas_date_to_string (&event->date);
  info->certainty = ATLAS_CERTAINTY_NONE;
  add_fact (info, _("Regions"), join_names (event->regions, TRUE, lang));
  add_fact (info, _("Elements"), join_names (event->elements, FALSE, lang));
  add_note (info, event->detail, lang);
  atlas_frame_add_cite (info->sources, dataset, (const char * const *) event->cite);
  return info;
}

static const char *
region_label (const AtlasSharePart *part, const char *lang)
{
  return part != NULL && part->region != NULL ? atlas_text_get (part->region->name, lang) : _("Other");
}

static char *
describe_share_parts (const AtlasShare *share, const char *lang)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);
      g_autofree char *value = format_value (part->value, share->unit);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%s %s", region_label (part, lang), value);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_share_alternatives (AtlasItemInfo    *info,
                        AtlasDataset     *dataset,
                        const AtlasShare *share,
                        const AtlasRegion *region,
                        gboolean          whole_bar,
                        const char       *lang)
{
  if (share->alternatives == NULL)
    return;
  for (guint i = 0; i < share->alternatives->len; i++)
    {
      const AtlasShare *alt = g_ptr_array_index (share->alternatives, i);
      AtlasInfoAlternative *entry = g_new0 (AtlasInfoAlternative, 1);

      entry->sources = g_ptr_array_new ();
      atlas_frame_add_cite (entry->sources, dataset, (const char * const *) alt->cite);
      if (whole_bar)
        entry->value = describe_share_parts (alt, lang);
      else
        {
          const AtlasSharePart *match = NULL;

          for (guint j = 0; j < alt->parts->len && match == NULL; j++)
            {
              const AtlasSharePart *part = g_ptr_array_index (alt->parts, j);
              if (part->region == region)
                match = part;
            }
          if (match == NULL)
            entry->value = g_strdup (_("Not given"));
          else
            {
              g_autofree char *value = format_value (match->value, alt->unit);
              g_autofree char *percent = alt->total > 0 ? atlas_format_percent (match->value / alt->total) : NULL;

              /* The unit may differ between sources: show the share too. */
              if (percent != NULL && g_strcmp0 (alt->unit, "%") != 0)
                entry->value = g_strdup_printf ("%s (%s)", value, percent);
              else
                entry->value = g_steal_pointer (&value);
              atlas_frame_add_cite (entry->sources, dataset, atlas_cite_or (match->cite, alt->cite));
            }
        }
      if (alt->year > 0)
        entry->detail = g_strdup_printf ("%d", alt->year);
      if (alt->note != NULL)
        {
          char *detail = entry->detail != NULL
                         ? g_strdup_printf ("%s · %s", entry->detail, atlas_text_get (alt->note, lang))
                         : g_strdup (atlas_text_get (alt->note, lang));
          g_free (entry->detail);
          entry->detail = detail;
        }
      g_ptr_array_add (info->alternatives, entry);
    }
}

static AtlasItemInfo *
share_info (AtlasDataset *dataset, const AtlasItem *item, const char *lang)
{
  const AtlasShare *share = atlas_dataset_find_share (dataset, item->id);
  AtlasShareConcentration concentration;
  AtlasItemInfo *info;
  guint n_estimates = 0;

  if (share == NULL)
    return NULL;
  info = info_new (item);
  info->kind = g_strdup (_("Market shares"));
  info->name = g_strdup (atlas_text_get (share->metric, lang));
  info->value = format_value (share->total, share->unit);
  info->when = format_year (share->year);
  if (atlas_share_concentration (share, &concentration))
    add_fact (info, _("Concentration"),
              atlas_share_concentration_format (&concentration, ATLAS_CONCENTRATION_FULL, lang));
  for (guint i = 0; i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);
      g_autofree char *value = format_value (part->value, share->unit);
      g_autofree char *percent = share->total > 0 ? atlas_format_percent (part->value / share->total) : NULL;
      /* Values in tonnes say little alone: add their share of the whole. */
      char *text = percent != NULL && g_strcmp0 (share->unit, "%") != 0
                   ? g_strdup_printf ("%s (%s)", value, percent)
                   : g_strdup (value);

      if (part->estimate)
        {
          char *marked = g_strdup_printf (_("%s (estimate)"), text);
          g_free (text);
          text = marked;
        }
      add_fact (info, region_label (part, lang), text);
      n_estimates += part->estimate ? 1 : 0;
      atlas_frame_add_cite (info->sources, dataset, atlas_cite_or (part->cite, share->cite));
    }
  if (share->has_total && share->total > share->parts_sum)
    add_fact (info, _("Other"), format_value (share->total - share->parts_sum, share->unit));
  info->certainty = combine_certainty (n_estimates, share->parts->len);
  add_note (info, share->note, lang);
  atlas_frame_add_cite (info->sources, dataset, (const char * const *) share->cite);
  add_share_alternatives (info, dataset, share, NULL, TRUE, lang);
  return info;
}

static AtlasItemInfo *
share_part_info (AtlasDataset *dataset, const AtlasItem *item, const char *lang)
{
  const AtlasShare *share = atlas_dataset_find_share (dataset, item->id);
  const AtlasSharePart *part = NULL;
  AtlasItemInfo *info;
  double value;

  if (share == NULL)
    return NULL;
  if (item->index >= 0)
    {
      if ((guint) item->index >= share->parts->len)
        return NULL;
      part = g_ptr_array_index (share->parts, item->index);
      value = part->value;
    }
  else
    value = share->total - share->parts_sum;  /* "Other" */

  info = info_new (item);
  info->kind = g_strdup (atlas_text_get (share->metric, lang));
  info->name = g_strdup (region_label (part, lang));
  info->value = format_value (value, share->unit);
  /* A value in percent of a whole of 100 is its own share: say it once. */
  if (!(g_strcmp0 (share->unit, "%") == 0 && fabs (share->total - 100) < 1e-9))
    info->share = format_share_of (value, share->total, atlas_text_get (share->metric, lang));
  info->when = format_year (share->year);
  info->certainty = part != NULL && part->estimate ? ATLAS_CERTAINTY_ESTIMATE : ATLAS_CERTAINTY_REPORTED;
  if (part == NULL)
    add_fact (info, _("Meaning"), g_strdup (_("The part of the whole not attributed to a named region")));
  if (part != NULL)
    add_note (info, part->note, lang);
  add_note (info, share->note, lang);
  atlas_frame_add_cite (info->sources, dataset,
                        atlas_cite_or (part != NULL ? part->cite : NULL, share->cite));
  if (part != NULL)
    add_share_alternatives (info, dataset, share, part->region, FALSE, lang);
  return info;
}

AtlasItemInfo *
atlas_item_info_new (AtlasDataset            *dataset,
                     const AtlasChartOptions *options,
                     const AtlasItem         *item)
{
  const char *lang = options != NULL ? options->lang : NULL;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  if (item == NULL || item->id == NULL)
    return NULL;
  switch (item->kind)
    {
    case ATLAS_ITEM_NODE: return node_info (dataset, options, item, lang);
    case ATLAS_ITEM_LINK: return link_info (dataset, item, lang);
    case ATLAS_ITEM_SERIES: return series_info (dataset, item, lang);
    case ATLAS_ITEM_POINT: return point_info (dataset, options, item, lang);
    case ATLAS_ITEM_EVENT: return event_info (dataset, item, lang);
    case ATLAS_ITEM_SHARE: return share_info (dataset, item, lang);
    case ATLAS_ITEM_SHARE_PART: return share_part_info (dataset, item, lang);
    case ATLAS_ITEM_NONE:
    default:
      return NULL;
    }
}

void
atlas_item_info_free (AtlasItemInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->kind);
  g_free (info->name);
  g_free (info->value);
  g_free (info->share);
  g_free (info->when);
  g_ptr_array_unref (info->facts);
  g_ptr_array_unref (info->notes);
  g_ptr_array_unref (info->alternatives);
  g_ptr_array_unref (info->sources);
  g_free (info);
}

const char *
atlas_certainty_to_label (AtlasCertainty certainty)
{
  switch (certainty)
    {
    case ATLAS_CERTAINTY_REPORTED: return _("Reported");
    case ATLAS_CERTAINTY_ESTIMATE: return _("Estimate");
    case ATLAS_CERTAINTY_PARTLY: return _("Partly estimated");
    case ATLAS_CERTAINTY_NONE:
    default: return NULL;
    }
}

char *
atlas_item_info_summary (const AtlasItemInfo *info)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (info != NULL, NULL);

  g_string_append (out, info->name != NULL ? info->name : "");
  if (info->value != NULL)
    g_string_append_printf (out, ": %s", info->value);
  if (info->share != NULL)
    g_string_append_printf (out, " (%s)", info->share);
  if (info->when != NULL)
    g_string_append_printf (out, ", %s", info->when);
  if (info->certainty == ATLAS_CERTAINTY_ESTIMATE || info->certainty == ATLAS_CERTAINTY_PARTLY)
    g_string_append_printf (out, ", %s", atlas_certainty_to_label (info->certainty));
  return g_string_free (g_steal_pointer (&out), FALSE);
}
