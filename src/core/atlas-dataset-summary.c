/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-dataset-summary.c: what a dataset holds, in a few lines for the command line. */
#include "atlas-dataset-summary.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-loader-context-private.h"

static void
append_chain (GString          *out,
              const AtlasChain *chain)
{
  g_autofree char *id = atlas_loader_escape (chain->id, -1);

  g_string_append_printf (out, "  %s: ", id);
  for (guint i = 0; i < chain->stages->len; i++)
    {
      const AtlasStage *stage = g_ptr_array_index (chain->stages, i);
      g_autofree char *stage_id = atlas_loader_escape (stage->id, -1);

      if (i > 0)
        g_string_append (out, " → ");
      g_string_append (out, stage_id);
    }
  {
    /* Each count agrees with its noun: "1 link", "2 links". */
    g_autofree char *nodes = g_strdup_printf (ngettext ("%u node", "%u nodes", chain->nodes->len),
                                              chain->nodes->len);
    g_autofree char *links = g_strdup_printf (ngettext ("%u link", "%u links", chain->links->len),
                                              chain->links->len);

    /* TRANSLATORS: after a chain's stages: " (3 nodes, 2 links)" */
    g_string_append_printf (out, _(" (%s, %s)\n"), nodes, links);
  }
}

/* Notes, not errors: a node whose flows the sources do not trace is drawn
 * with its difference labelled "not traced", but an author should know. */
static void
append_untraced (GString *out, const AtlasChain *chain)
{
  g_autofree char *chain_id = atlas_loader_escape (chain->id, -1);

  for (guint i = 0; i < chain->nodes->len; i++)
    {
      const AtlasNode *node = g_ptr_array_index (chain->nodes, i);
      double untraced = atlas_chain_node_untraced (chain, node);
      g_autofree char *node_id = NULL, *in = NULL, *outflow = NULL, *diff = NULL;

      if (untraced == 0)
        continue;
      node_id = atlas_loader_escape (node->id, -1);
      in = g_strdup_printf ("%.15g", node->inflow);
      outflow = g_strdup_printf ("%.15g", node->outflow);
      diff = g_strdup_printf ("%.15g", fabs (untraced));
      if (untraced < 0)
        /* TRANSLATORS: chain id, node id, inflow, outflow, difference, unit */
        g_string_append_printf (out, _("  note: %s: node %s receives %s but passes on %s: %s %s not traced onwards\n"),
                                chain_id, node_id, in, outflow, diff, chain->unit);
      else
        /* TRANSLATORS: chain id, node id, inflow, outflow, difference, unit */
        g_string_append_printf (out, _("  note: %s: node %s receives %s but passes on %s: %s %s of untraced origin\n"),
                                chain_id, node_id, in, outflow, diff, chain->unit);
    }
}

static void
append_prices (GString      *out,
               AtlasDataset *self)
{
  GPtrArray *series = atlas_dataset_get_series (self);
  gsize n_points = 0;
  const AtlasPricePoint *first = NULL, *last = NULL;

  for (guint i = 0; i < series->len; i++)
    {
      const AtlasSeries *s = g_ptr_array_index (series, i);

      n_points += s->n_points;
      if (s->n_points == 0)
        continue;
      if (first == NULL || s->points[0].day < first->day)
        first = &s->points[0];
      if (last == NULL || s->points[s->n_points - 1].day > last->day)
        last = &s->points[s->n_points - 1];
    }

  /* %lu, not G_GSIZE_FORMAT: xgettext cannot read a macro inside a message. */
  g_string_append_printf (out, _("Price series: %u (%lu points)"),
                          series->len, (unsigned long) n_points);
  if (first != NULL)
    {
      AtlasDate from, to;
      g_autofree char *from_text = NULL;
      g_autofree char *to_text = NULL;

      from = atlas_date_from_days (first->day, first->precision);
      to = atlas_date_from_days (last->day, last->precision);
      from_text = atlas_date_to_string (&from);
      to_text = atlas_date_to_string (&to);
      g_string_append_printf (out, _(", %s to %s"), from_text, to_text);
    }
  g_string_append_c (out, '\n');
}

char *
atlas_dataset_summarize (AtlasDataset *self)
{
  GString *out;
  GPtrArray *chains, *shares;
  g_autofree char *title = NULL;
  g_autofree char *updated = NULL;
  guint n_alternatives = 0, n_groups = 0;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  out = g_string_new (NULL);
  title = atlas_loader_escape (atlas_text_get (atlas_dataset_get_title (self), NULL), -1);
  updated = atlas_date_to_string (atlas_dataset_get_updated (self));
  g_string_append_printf (out, "%s\n", title);
  g_string_append_printf (out, _("Updated: %s\n"), updated);
  g_string_append_printf (out, _("Sources: %u, regions: %u, elements: %u\n"),
                          atlas_dataset_get_sources (self)->len,
                          atlas_dataset_get_regions (self)->len,
                          atlas_dataset_get_elements (self)->len);

  chains = atlas_dataset_get_chains (self);
  g_string_append_printf (out, _("Supply chains: %u\n"), chains->len);
  for (guint i = 0; i < chains->len; i++)
    append_chain (out, g_ptr_array_index (chains, i));
  for (guint i = 0; i < chains->len; i++)
    append_untraced (out, g_ptr_array_index (chains, i));

  shares = atlas_dataset_get_shares (self);
  for (guint i = 0; i < shares->len; i++)
    if (((const AtlasShare *) g_ptr_array_index (shares, i))->is_alternative)
      n_alternatives++;
  for (const char * const *g = atlas_dataset_get_share_groups (self); *g != NULL; g++)
    n_groups++;
  {
    g_autofree char *groups = g_strdup_printf (ngettext ("%u group", "%u groups", n_groups), n_groups);
    g_autofree char *figures = g_strdup_printf (ngettext ("%u alternative figure", "%u alternative figures",
                                                          n_alternatives), n_alternatives);

    /* TRANSLATORS: "Shares: 3 (1 group, 0 alternative figures)" */
    g_string_append_printf (out, _("Shares: %u (%s, %s)\n"), shares->len, groups, figures);
  }

  append_prices (out, self);
  g_string_append_printf (out, _("Exchange rates: %u\n"), atlas_dataset_get_fx (self)->len);
  g_string_append_printf (out, _("Events: %u\n"), atlas_dataset_get_events (self)->len);
  g_string_append_printf (out, _("Briefings: %u\n"), atlas_dataset_get_briefings (self)->len);

  return g_string_free (out, FALSE);
}
