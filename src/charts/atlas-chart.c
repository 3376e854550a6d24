/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-chart.c: chart options and the single entry point that lays out any view. */
#include "atlas-chart-private.h"

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (atlas-chart-error-quark, atlas_chart_error)

void
atlas_chart_options_init (AtlasChartOptions *options, AtlasView view)
{
  *options = (AtlasChartOptions) { 0 };
  options->view = view;
  options->show_events = TRUE;
}

static gboolean
dataset_knows (AtlasDataset *dataset, const char *id)
{
  GPtrArray *chains = atlas_dataset_get_chains (dataset);

  if (atlas_dataset_find_region (dataset, id) != NULL || atlas_dataset_find_series (dataset, id) != NULL ||
      atlas_dataset_find_share (dataset, id) != NULL || atlas_dataset_find_event (dataset, id) != NULL)
    return TRUE;
  for (guint i = 0; i < chains->len; i++)
    if (atlas_chain_find_node (g_ptr_array_index (chains, i), id) >= 0)
      return TRUE;
  return FALSE;
}

/* A focus may name what this view does not draw (a region absent from a
 * chain), but never what the dataset lacks: that is a typing mistake. */
static gboolean
check_focus (AtlasDataset *dataset, const char * const *focus, GError **error)
{
  for (guint i = 0; focus != NULL && focus[i] != NULL; i++)
    if (!dataset_knows (dataset, focus[i]))
      {
        g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID,
                     _("Unknown region, node, series, share or event “%s”"), focus[i]);
        return FALSE;
      }
  return TRUE;
}

AtlasScene *
atlas_chart_layout (AtlasDataset            *dataset,
                    const AtlasChartOptions *options,
                    double                   width,
                    double                   height,
                    const AtlasStyle        *style,
                    GError                 **error)
{
  g_autoptr(AtlasStyle) owned_style = NULL;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!(width >= 16 && height >= 16 && width <= 100000 && height <= 100000))
    {
      g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_BAD_OPTION,
                   _("a figure of %g×%g cannot be drawn (16 to 100000 each way)"), width, height);
      return NULL;
    }
  if (!check_focus (dataset, options->focus, error))
    return NULL;
  /* The style carries the language so every text lookup below agrees. */
  owned_style = style != NULL ? atlas_style_copy (style) : atlas_style_new (FALSE);
  if (options->lang != NULL)
    owned_style->lang = options->lang;

  switch (options->view)
    {
    case ATLAS_VIEW_FLOWS:
      return atlas_sankey_chart_layout (dataset, options, width, height, owned_style, error);
    case ATLAS_VIEW_PRICES:
      return atlas_price_chart_layout (dataset, options, width, height, owned_style, error);
    case ATLAS_VIEW_SHARES:
      return atlas_share_chart_layout (dataset, options, width, height, owned_style, error);
    case ATLAS_VIEW_TIMELINE:
      return atlas_timeline_chart_layout (dataset, options, width, height, owned_style, error);
    case ATLAS_VIEW_MAP:
      return atlas_map_chart_layout (dataset, options, width, height, owned_style, error);
    case ATLAS_VIEW_N_VIEWS:
    default:
      break;
    }
  g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_BAD_OPTION, "unknown view %d", options->view);
  return NULL;
}

AtlasTable *
atlas_chart_table (AtlasDataset            *dataset,
                   const AtlasChartOptions *options,
                   GError                 **error)
{
  switch (options->view)
    {
    case ATLAS_VIEW_FLOWS:
      return atlas_sankey_chart_table (dataset, options, error);
    case ATLAS_VIEW_PRICES:
      return atlas_price_chart_table (dataset, options, error);
    case ATLAS_VIEW_SHARES:
      return atlas_share_chart_table (dataset, options, error);
    case ATLAS_VIEW_TIMELINE:
      return atlas_timeline_chart_table (dataset, options, error);
    case ATLAS_VIEW_MAP:
      return atlas_map_chart_table (dataset, options, error);
    case ATLAS_VIEW_N_VIEWS:
    default:
      break;
    }
  g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_BAD_OPTION, "unknown view %d", options->view);
  return NULL;
}

const char *
atlas_view_label (AtlasView view)
{
  switch (view)
    {
    case ATLAS_VIEW_FLOWS: return _("Flows");
    case ATLAS_VIEW_PRICES: return _("Prices");
    case ATLAS_VIEW_SHARES: return _("Shares");
    case ATLAS_VIEW_TIMELINE: return _("Timeline");
    case ATLAS_VIEW_MAP: return _("Map");
    case ATLAS_VIEW_N_VIEWS:
    default: return "";
    }
}
