/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-share-chart.c: the Shares view: one 100 % stacked bar per metric, split by region, with its concentration. */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-annotations.h"
#include "atlas-callouts.h"
#include "atlas-chart-frame.h"
#include "atlas-format.h"
#include "atlas-label-placer.h"
#include "atlas-region-colors.h"
#include "atlas-scene-text.h"
#include "atlas-units.h"
#include "atlas-chart-private.h"
#include "atlas-share-concentration.h"

/* The part index that stands for the remainder to the whole ("Other"). */
#define OTHER_INDEX (-1)

/* The index of a bar's item (ATLAS_ITEM_SHARE) that stands for its grey
 * "Other (n)" block: what the app says of it is what it says of the bar,
 * which lists every part, but it is highlighted and dimmed with the grey
 * parts rather than with the bar's label and note. */
#define GROUP_INDEX (-2)

/* A remainder smaller than this fraction of the whole is rounding in the
 * dataset, not a share worth drawing. */
#define REMAINDER_EPSILON 1e-9

/* Parts smaller than this share of their bar are grouped into one grey
 * "Other (n)" segment with the remainder, when there are two or more: a
 * sliver of a percent can carry no label and, in a colour of its own, only
 * makes the legend longer and the palette harder to tell apart.  The
 * grouping depends on the data, not on the figure's size, so that every
 * size of a chart shows the same segments. */
#define SMALL_SHARE 0.025

/* One drawn segment of a bar, left to right. */
typedef struct {
  int      index;               /* the part, or OTHER_INDEX for the remainder */
  double   value;
  gboolean grouped;             /* in the grey "Other (n)" block */
} ShareSegment;

/* How a bar is drawn: its segments, and the grey block at its end. */
typedef struct {
  const AtlasShare *share;
  GArray           *segments;   /* ShareSegment */
  guint             n_grouped;  /* named parts in the block; 0: no block */
  guint             first_grey; /* index of the block's (or remainder's) first segment */
} SharePlan;

typedef struct {
  GPtrArray *bars;              /* const AtlasShare*, drawn top to bottom */
  GPtrArray *plans;             /* SharePlan*, one per bar */
  AtlasRegionColors *colors;    /* this figure's region colours */
  /* Legend keys (a region, or &other_key) in the order first drawn. */
  GPtrArray *drawn;
  /* Item key of each segment whose name no label gives -> legend key. */
  GHashTable *unnamed;
  gboolean   any_estimate;      /* a hatched segment is drawn */
} ShareSceneData;

/* The legend key of the grey segments: the remainder and small parts. */
static const char other_key[] = "other";

/* Where the rows go; computed once from the plot and the type sizes. */
typedef struct {
  double   label_size, small_size;
  double   label_line, small_line;
  double   label_x, label_width;
  double   bar_x, bar_width;
  double   bar_height;
  double   note_gap;            /* between a bar and its note below */
  double   pitch;               /* from one row's top to the next row's */
  double   top;
  gboolean notes_below;         /* else in a column right of the bars */
  gboolean years_only;          /* bar labels are years: the title has the metric */
  double   note_x, note_width;  /* the right column, when !notes_below */
} ShareGeometry;

/* ---- the bars of a group ---------------------------------------------- */

static gboolean
share_in_group (const AtlasShare *share, const char *group)
{
  if (share->group != NULL)
    return g_str_equal (share->group, group);
  return g_str_equal (share->id, group);
}

/* The entry that lists @alternative among its other figures. */
static const AtlasShare *
find_primary (AtlasDataset *dataset, const AtlasShare *alternative)
{
  GPtrArray *shares = atlas_dataset_get_shares (dataset);

  if (!alternative->is_alternative)
    return alternative;
  for (guint i = 0; i < shares->len; i++)
    {
      const AtlasShare *share = g_ptr_array_index (shares, i);

      if (share->alternatives != NULL && g_ptr_array_find (share->alternatives, alternative, NULL))
        return share;
    }
  return alternative;
}

/* The group to draw: @requested as a group id, or as the id of a share
 * (whose group, or whose own bar when ungrouped, is meant), else the first. */
static const char *
resolve_group (AtlasDataset *dataset, const char *requested, GError **error)
{
  const char * const *groups = atlas_dataset_get_share_groups (dataset);
  const AtlasShare *share;

  if (groups[0] == NULL)
    {
      g_set_error_literal (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_NOTHING,
                           _("The dataset has no shares to draw."));
      return NULL;
    }
  if (requested == NULL)
    requested = groups[0];

  share = atlas_dataset_find_share (dataset, requested);
  if (share != NULL && share->group == NULL)
    return find_primary (dataset, share)->id;
  if (g_strv_contains ((const char * const *) groups, requested))
    return requested;
  if (share != NULL)
    return share->group;

  g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID,
               _("Unknown share group “%s”"), requested);
  return NULL;
}

/* Shares of @group in file order; with @with_alternatives also the other
 * figures of its bars (an ungrouped bar's have ids of their own). */
static GPtrArray *
collect_group_shares (AtlasDataset *dataset, const char *group, gboolean with_alternatives)
{
  GPtrArray *shares = atlas_dataset_get_shares (dataset);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < shares->len; i++)
    {
      const AtlasShare *share = g_ptr_array_index (shares, i);

      if (!share->is_alternative ? share_in_group (share, group)
                                 : with_alternatives && share_in_group (find_primary (dataset, share), group))
        g_ptr_array_add (out, (gpointer) share);
    }
  return out;
}

static double
share_remainder (const AtlasShare *share)
{
  double remainder = share->total - share->parts_sum;

  return remainder > share->total * REMAINDER_EPSILON ? remainder : 0;
}

static guint
share_n_alternatives (const AtlasShare *share)
{
  return share->alternatives != NULL ? share->alternatives->len : 0;
}

static char *
share_label (const AtlasShare *share, const char *lang)
{
  return g_strdup_printf ("%s%s%d", atlas_text_get (share->metric, lang), atlas_punct_phrase_separator (),
                          share->year);
}

/* "92 %", and "< 0.1 %" rather than a "0 %" that is not zero. */
static char *
format_share (double fraction)
{
  if (fraction > 0 && fraction < 0.0005)
    return g_strdup ("< 0.1 %");
  return atlas_format_percent (fraction);
}

/* ---- colours ---------------------------------------------------------- */

static void
other_color (const AtlasStyle *style, AtlasColor *out)
{
  /* A neutral grey no region colour of the palette comes close to. */
  double level = style->dark ? 0.42 : 0.74;

  *out = (AtlasColor) { level, level, level, 1.0 };
}

/* ---- the plan of a bar: which segments, which grouped ------------------ */

static gboolean
part_is_small (const AtlasShare *share, const AtlasSharePart *part, const char * const *focus)
{
  /* What a slide is about keeps its own colour, however small. */
  if (focus != NULL && part->region != NULL && g_strv_contains (focus, part->region->id))
    return FALSE;
  return part->value > 0 && part->value < share->total * SMALL_SHARE;
}

static void
share_plan_free (SharePlan *plan)
{
  g_array_unref (plan->segments);
  g_free (plan);
}

static void
append_segment (SharePlan *plan, int index, double value, gboolean grouped)
{
  ShareSegment segment = { index, value, grouped };

  g_array_append_val (plan->segments, segment);
}

/* The parts in file order, then the small ones, then the remainder: the
 * grey block is one run at the bar's end, where "Other" always was. */
static SharePlan *
plan_bar (const AtlasShare *share, const char * const *focus)
{
  SharePlan *plan = g_new0 (SharePlan, 1);
  double remainder = share_remainder (share);
  gboolean group;
  guint n_small = 0;

  plan->share = share;
  plan->segments = g_array_new (FALSE, FALSE, sizeof (ShareSegment));
  if (!(share->total > 0))
    return plan;
  for (guint i = 0; i < share->parts->len; i++)
    n_small += part_is_small (share, g_ptr_array_index (share->parts, i), focus) ? 1 : 0;
  /* One small part alone is drawn, and named outside the bar or in the
   * legend: "Other (1)" would hide a name to save nothing. */
  group = n_small >= 2;
  plan->n_grouped = group ? n_small : 0;
  for (guint i = 0; i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);

      if (part->value > 0 && !(group && part_is_small (share, part, focus)))
        append_segment (plan, (int) i, part->value, FALSE);
    }
  plan->first_grey = plan->segments->len;
  for (guint i = 0; group && i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);

      if (part_is_small (share, part, focus))
        append_segment (plan, (int) i, part->value, TRUE);
    }
  if (remainder > 0)
    append_segment (plan, OTHER_INDEX, remainder, group);
  return plan;
}

static const AtlasSharePart *
segment_part (const SharePlan *plan, const ShareSegment *segment)
{
  return segment->index >= 0 ? g_ptr_array_index (plan->share->parts, segment->index) : NULL;
}

/* The legend key of a segment: its region, or the grey of "Other". */
static gconstpointer
segment_key (const SharePlan *plan, const ShareSegment *segment)
{
  const AtlasSharePart *part = segment_part (plan, segment);

  if (part == NULL || segment->grouped)
    return other_key;
  return part->region;
}

/* Colours for this figure: regions that touch in any bar differ in hue
 * family, all of them and the grey of "Other" stay far apart, and each
 * region has one colour in every bar. */
static AtlasRegionColors *
assign_colors (const AtlasScene *scene, GPtrArray *plans)
{
  AtlasRegionColors *colors = atlas_region_colors_new (scene->style, scene->dataset);
  AtlasColor grey;

  other_color (scene->style, &grey);
  atlas_region_colors_reserve (colors, &grey);
  for (guint b = 0; b < plans->len; b++)
    {
      const SharePlan *plan = g_ptr_array_index (plans, b);
      const AtlasRegion *previous = NULL;

      for (guint i = 0; i < plan->first_grey; i++)
        {
          const ShareSegment *segment = &g_array_index (plan->segments, ShareSegment, i);
          const AtlasSharePart *part = segment_part (plan, segment);

          if (part == NULL || part->region == NULL)
            {
              previous = NULL;
              continue;
            }
          atlas_region_colors_add (colors, part->region, segment->value / plan->share->total);
          atlas_region_colors_touch (colors, previous, part->region);
          previous = part->region;
        }
    }
  atlas_region_colors_assign (colors);
  return colors;
}

static void
segment_color (const AtlasScene *scene, const SharePlan *plan, const ShareSegment *segment, AtlasColor *out)
{
  const ShareSceneData *data = scene->chart_data;
  const AtlasSharePart *part = segment_part (plan, segment);

  if (part == NULL || segment->grouped)
    other_color (scene->style, out);
  else if (part->region == NULL)
    *out = scene->style->muted;
  else
    atlas_region_colors_lookup (data->colors, part->region, out);
}

static double
luminance (const AtlasColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

/* Dark text on light fills, white on dark ones. */
static void
text_color_on (const AtlasColor *fill, AtlasColor *out)
{
  if (luminance (fill) > 0.45)
    *out = (AtlasColor) { 0.1, 0.1, 0.1, 1.0 };
  else
    *out = (AtlasColor) { 1.0, 1.0, 1.0, 1.0 };
}

/* ---- frame: title, legend, sources ------------------------------------ */

static void
year_span (GPtrArray *bars, int *first, int *last)
{
  *first = G_MAXINT;
  *last = G_MININT;
  for (guint i = 0; i < bars->len; i++)
    {
      const AtlasShare *share = g_ptr_array_index (bars, i);
      *first = MIN (*first, share->year);
      *last = MAX (*last, share->year);
    }
}

static gboolean
bars_share_one_metric (GPtrArray *bars)
{
  const AtlasShare *first = g_ptr_array_index (bars, 0);

  for (guint i = 1; i < bars->len; i++)
    {
      const AtlasShare *share = g_ptr_array_index (bars, i);
      if (!atlas_text_equal (share->metric, first->metric))
        return FALSE;
    }
  return TRUE;
}

/* The dataset has no titles for share groups: the bars' own metric says
 * what a lone bar or a series of years shows; several metrics get a
 * generic title with their years. */
static char *
share_chart_title (GPtrArray *bars, const char *lang)
{
  const AtlasShare *first = g_ptr_array_index (bars, 0);
  int from, to;

  year_span (bars, &from, &to);
  if (bars->len == 1)
    return share_label (first, lang);
  if (bars_share_one_metric (bars))
    return from == to ? share_label (first, lang)
                      : g_strdup_printf ("%s%s%d–%d", atlas_text_get (first->metric, lang),
                                         atlas_punct_phrase_separator (), from, to);
  if (from == to)
    /* TRANSLATORS: title of the shares chart; %d is a year */
    return g_strdup_printf (_("Shares by region, %d"), from);
  /* TRANSLATORS: title of the shares chart; %d–%d is a span of years */
  return g_strdup_printf (_("Shares by region, %d–%d"), from, to);
}

static void
add_legend_entry (GArray *legend, const char *label, const AtlasColor *color, gboolean hatched)
{
  AtlasLegendEntry entry = { 0 };

  entry.label = g_strdup (label);
  entry.color = *color;
  entry.hatched = hatched;
  entry.item = (AtlasItem) { ATLAS_ITEM_NONE, NULL, -1 };
  g_array_append_val (legend, entry);
}

/* The keys of what the plans draw, in order of first appearance, and
 * whether a hatched (estimate) segment is among them. */
static void
collect_drawn (ShareSceneData *data)
{
  for (guint b = 0; b < data->plans->len; b++)
    {
      const SharePlan *plan = g_ptr_array_index (data->plans, b);

      for (guint i = 0; i < plan->segments->len; i++)
        {
          const ShareSegment *segment = &g_array_index (plan->segments, ShareSegment, i);
          const AtlasSharePart *part = segment_part (plan, segment);
          gconstpointer key = segment_key (plan, segment);

          data->any_estimate |= part != NULL && part->estimate && !segment->grouped;
          if (key != NULL && !g_ptr_array_find (data->drawn, key, NULL))
            g_ptr_array_add (data->drawn, (gpointer) key);
        }
    }
  /* "Other" is the last segment of every bar: last in the legend too. */
  if (g_ptr_array_remove (data->drawn, (gpointer) other_key))
    g_ptr_array_add (data->drawn, (gpointer) other_key);
}

/* The regions drawn, in order of first appearance, then "Other" and the
 * estimate swatch when drawn; with @shown, only the keys in it (what no
 * label names). */
static GArray *
build_legend (const AtlasScene *scene, GHashTable *shown)
{
  const ShareSceneData *data = scene->chart_data;
  GArray *legend = g_array_new (FALSE, TRUE, sizeof (AtlasLegendEntry));
  AtlasColor color;

  g_array_set_clear_func (legend, (GDestroyNotify) atlas_legend_entry_clear);
  for (guint i = 0; i < data->drawn->len; i++)
    {
      gconstpointer key = g_ptr_array_index (data->drawn, i);
      const AtlasRegion *region = key != other_key ? key : NULL;

      if (shown != NULL && !g_hash_table_contains (shown, key))
        continue;
      if (region == NULL)
        {
          other_color (scene->style, &color);
          add_legend_entry (legend, _("Other"), &color, FALSE);
          continue;
        }
      atlas_region_colors_lookup (data->colors, region, &color);
      add_legend_entry (legend, atlas_text_get (region->name, scene->style->lang), &color, FALSE);
    }
  /* Hatching is a way of drawing, not a thing: no label could say it. */
  if (data->any_estimate)
    add_legend_entry (legend, _("Estimate"), &scene->style->muted, TRUE);
  return legend;
}

static GPtrArray *
collect_sources (AtlasDataset *dataset, GPtrArray *bars)
{
  GPtrArray *sources = g_ptr_array_new ();

  for (guint b = 0; b < bars->len; b++)
    atlas_frame_add_share_cites (sources, dataset, g_ptr_array_index (bars, b));
  return sources;
}

static gboolean
any_bar_states_hhi (GPtrArray *bars)
{
  for (guint i = 0; i < bars->len; i++)
    {
      AtlasShareConcentration c;

      if (atlas_share_concentration (g_ptr_array_index (bars, i), &c) &&
          (atlas_share_concentration_has_index (&c) || c.top_region == NULL))
        return TRUE;
    }
  return FALSE;
}

static void
layout_frame (AtlasScene *scene, const AtlasChartOptions *options, GPtrArray *bars, GHashTable *shown)
{
  g_autofree char *title = share_chart_title (bars, scene->style->lang);
  g_autoptr(GPtrArray) sources = collect_sources (scene->dataset, bars);
  g_autoptr(GArray) legend = build_legend (scene, shown);
  AtlasFrameSpec spec = { 0 };

  spec.title = title;
  spec.subtitle = options->subtitle;
  spec.headline = options->title;
  spec.sources = sources;
  spec.legend = legend->len > 0 ? legend : NULL;
  /* Explained where a note states it: not under "China / Other" bars. */
  if (any_bar_states_hhi (bars))
    spec.footer_note = _("HHI: Herfindahl–Hirschman index of the shares in percent "
                         "(10,000 when one region holds everything).");
  atlas_chart_frame_layout (scene, &spec);
}

/* ---- geometry --------------------------------------------------------- */

static double
line_height (const AtlasScene *scene, double size)
{
  double h;

  atlas_scene_measure_text (scene, "Ag", size, FALSE, 0, NULL, &h);
  return h;
}

static double
text_width (const AtlasScene *scene, const char *text, double size)
{
  double w;

  atlas_scene_measure_text (scene, text, size, FALSE, 0, &w, NULL);
  return w;
}

static double
widest_short_note (const AtlasScene *scene, GPtrArray *bars, double size)
{
  double widest = 0;

  for (guint i = 0; i < bars->len; i++)
    {
      AtlasShareConcentration c;
      g_autofree char *note = NULL;

      if (!atlas_share_concentration (g_ptr_array_index (bars, i), &c))
        continue;
      note = atlas_share_concentration_format (&c, ATLAS_CONCENTRATION_SHORT, scene->style->lang);
      widest = MAX (widest, text_width (scene, note, size));
    }
  return widest;
}

/* The height a row's label may use: beside the bar and its note. */
static double
row_label_height (const ShareGeometry *g)
{
  return g->notes_below ? g->bar_height + g->note_gap + g->small_line : g->bar_height;
}

/* Whether a bar is tall enough for a note beside it. */
static gboolean
note_fits_beside (const ShareGeometry *g)
{
  return g->small_line <= g->bar_height + g->label_line * 0.3;
}

/* The label of a bar: its metric and year, or just the year when every
 * bar has the same metric (the title says it then). */
static char *
bar_label (const ShareGeometry *g, const AtlasShare *share, const char *lang)
{
  if (g->years_only)
    return g_strdup_printf ("%d", share->year);
  return share_label (share, lang);
}

/* The narrowest label column, among a few, in which every label wraps
 * into the height its row offers; labels that still do not fit are
 * ellipsized later. */
static double
choose_label_width (const AtlasScene *scene, const ShareGeometry *g, GPtrArray *bars, double room)
{
  const AtlasRect *plot = &scene->plot;
  double widest = 0;
  static const double fractions[] = { 0.2, 0.25, 0.3 };

  for (guint i = 0; i < bars->len; i++)
    {
      g_autofree char *label = bar_label (g, g_ptr_array_index (bars, i), scene->style->lang);
      widest = MAX (widest, text_width (scene, label, g->label_size));
    }
  /* A pixel to spare, so that wrapping at the measured width cannot
   * break the widest label for want of a rounding error. */
  widest = ceil (widest) + 1;
  if (widest <= plot->width * fractions[0])
    return widest;
  for (guint f = 0; f < G_N_ELEMENTS (fractions); f++)
    {
      double width = plot->width * fractions[f];
      gboolean all_fit = TRUE;

      for (guint i = 0; i < bars->len && all_fit; i++)
        {
          g_autofree char *label = bar_label (g, g_ptr_array_index (bars, i), scene->style->lang);
          double h;

          atlas_scene_measure_text (scene, label, g->label_size, FALSE, width, NULL, &h);
          all_fit = h <= room;
        }
      if (all_fit)
        return width;
    }
  return plot->width * fractions[G_N_ELEMENTS (fractions) - 1];
}

/* Rows are a bar with its note under it while they fit; when the plot is
 * too short for that, the notes move to a column right of the bars. */
static void
compute_geometry (const AtlasScene *scene, GPtrArray *bars, ShareGeometry *g)
{
  const AtlasRect *plot = &scene->plot;
  double n = bars->len, col_gap, row_gap, extras, tallest, block, extra_gap;

  *g = (ShareGeometry) { 0 };
  g->years_only = bars->len > 1 && bars_share_one_metric (bars);
  g->label_size = atlas_scene_font_size (scene, ATLAS_FONT_LABEL);
  g->small_size = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  g->label_line = line_height (scene, g->label_size);
  g->small_line = line_height (scene, g->small_size);
  col_gap = g->label_size * 0.8;
  /* Tall enough for a region name over its percentage, and no fatter:
   * thick bars on a large screen look like blocks, not bars. */
  tallest = MAX (g->small_line * 2.6, g->label_line * 3.0);

  g->note_gap = g->small_line * 0.2;
  row_gap = g->label_line * 0.9;
  extras = g->note_gap + g->small_line + row_gap;
  g->bar_height = (plot->height + row_gap) / n - extras;
  g->notes_below = g->bar_height >= g->small_line + 4;
  if (!g->notes_below)
    {
      row_gap = g->label_line * 0.3;
      extras = row_gap;
      g->bar_height = MAX ((plot->height + row_gap) / n - extras, 2.0);
    }
  g->bar_height = MIN (g->bar_height, tallest);
  g->pitch = g->bar_height + extras;
  block = n * g->pitch - row_gap;
  /* A few bars in a large plot: some air between them, not a slab. */
  extra_gap = MIN (MAX (plot->height - block, 0) / n, g->bar_height * 0.9);
  g->pitch += extra_gap;
  /* The first bar sits under the legend and leftover height stays below
   * the last: the figure reads from the top, as a bar chart in a report
   * does, instead of floating in a band of empty space. */
  g->top = plot->y + MIN (MAX (plot->height - block - (n - 1) * extra_gap, 0), g->label_line * 0.5);

  /* Rows too thin for any label get no label column (nor note column):
   * the bars then take the width, and the pointer tells the rest. */
  g->label_x = plot->x;
  if (row_label_height (g) >= g->label_line)
    g->label_width = choose_label_width (scene, g, bars, row_label_height (g));
  else
    col_gap = 0;
  g->bar_x = plot->x + g->label_width + col_gap;
  g->bar_width = plot->x + plot->width - g->bar_x;
  if (!g->notes_below && note_fits_beside (g))
    {
      g->note_width = MIN (widest_short_note (scene, bars, g->small_size), plot->width * 0.3);
      g->note_x = plot->x + plot->width - g->note_width;
      g->bar_width = g->note_x - g->label_size * 0.8 - g->bar_x;
    }
}

static double
row_top (const ShareGeometry *g, guint row)
{
  return g->top + row * g->pitch;
}

/* ---- one bar ---------------------------------------------------------- */

static void
add_bar_label (AtlasScene *scene, const ShareGeometry *g, const AtlasShare *share, double top)
{
  g_autofree char *label = bar_label (g, share, scene->style->lang);
  AtlasItem item = { ATLAS_ITEM_SHARE, share->id, -1 };
  double room = row_label_height (g), h, y;
  AtlasShape shape = { 0 };

  atlas_scene_measure_text (scene, label, g->label_size, FALSE, g->label_width, NULL, &h);
  if (h > room)
    {
      /* Too many lines: one ellipsized line, if even that fits. */
      g_autofree char *shorter = NULL;

      if (g->label_line > room)
        return;
      shorter = atlas_scene_ellipsize (scene, label, g->label_size, FALSE, g->label_width);
      if (shorter == NULL)
        return;
      g_free (label);
      label = g_steal_pointer (&shorter);
      atlas_scene_measure_text (scene, label, g->label_size, FALSE, 0, NULL, &h);
      if (h > room)
        return;
    }

  /* Centred on the bar, but kept inside the row. */
  y = top + (g->bar_height - h) / 2;
  y = CLAMP (y, top, top + room - h);

  shape.kind = ATLAS_SHAPE_TEXT;
  shape.item = item;
  shape.hit = TRUE;
  shape.text = g_steal_pointer (&label);
  shape.font_size = g->label_size;
  shape.wrap = TRUE;
  shape.align = ATLAS_ALIGN_END;
  shape.bounds = (AtlasRect) { g->label_x, y, g->label_width, h };
  shape.has_fill = TRUE;
  shape.fill = scene->style->foreground;
  atlas_scene_add_shape (scene, &shape);
}

typedef enum {
  LABEL_NONE,
  LABEL_PERCENT,                /* the percentage alone: the name is elsewhere */
  LABEL_NAMED,
} SegmentLabel;

/* The share inside its segment: name over percentage, name and percentage
 * on one line, the percentage alone, or nothing, whichever fits first.
 * On a hatched (estimate) segment the text sits on a plate of the
 * background colour, since stripes behind letters make them hard to read. */
static SegmentLabel
add_segment_label (AtlasScene          *scene,
                   const ShareGeometry *g,
                   const AtlasRect     *segment,
                   const char          *name,
                   double               fraction,
                   gboolean             hatched,
                   const AtlasColor    *ink_on_fill,
                   const AtlasItem     *item)
{
  g_autofree char *percent = format_share (fraction);
  g_autofree char *both = g_strdup_printf ("%s %s", name, percent);
  double room = segment->width - g->small_size * 0.7;
  double cx = segment->x + segment->width / 2, cy = segment->y + segment->height / 2;
  double name_w, name_h, percent_w, percent_h, both_w, both_h;
  const char *lines[2] = { NULL, NULL };
  double widths[2] = { 0, 0 }, heights[2] = { 0, 0 }, block_w, block_h, y;
  AtlasColor ink;

  atlas_scene_measure_text (scene, name, g->small_size, FALSE, 0, &name_w, &name_h);
  atlas_scene_measure_text (scene, percent, g->small_size, FALSE, 0, &percent_w, &percent_h);
  atlas_scene_measure_text (scene, both, g->small_size, FALSE, 0, &both_w, &both_h);

  if (*name != '\0' && name_h + percent_h <= segment->height - 2 &&
      name_w <= room && percent_w <= room)
    {
      lines[0] = name, widths[0] = name_w, heights[0] = name_h;
      lines[1] = percent, widths[1] = percent_w, heights[1] = percent_h;
    }
  else if (*name != '\0' && both_w <= room && both_h <= segment->height)
    lines[0] = both, widths[0] = both_w, heights[0] = both_h;
  else if (percent_w <= room && percent_h <= segment->height)
    lines[0] = percent, widths[0] = percent_w, heights[0] = percent_h;
  else
    return LABEL_NONE;

  block_w = MAX (widths[0], widths[1]);
  block_h = heights[0] + heights[1];
  y = cy - block_h / 2;
  if (hatched)
    {
      double pad_x = g->small_size * 0.25, pad_y = MIN (2.0, (segment->height - block_h) / 2);
      AtlasRect plate = { cx - block_w / 2 - pad_x, y - pad_y, block_w + 2 * pad_x, block_h + 2 * pad_y };
      AtlasColor paper = scene->background;

      paper.alpha = 0.85;
      atlas_scene_add_rect (scene, &plate, &paper, item);
      ink = scene->style->foreground;
    }
  else
    ink = *ink_on_fill;
  for (guint i = 0; i < G_N_ELEMENTS (lines) && lines[i] != NULL; i++)
    {
      atlas_scene_add_text (scene, lines[i], cx, y, g->small_size, FALSE, ATLAS_ALIGN_CENTER, &ink, item);
      y += heights[i];
    }
  return lines[0] == percent ? LABEL_PERCENT : LABEL_NAMED;
}

/* A segment whose name did not fit inside it, to be named beside the bar
 * once every bar and note is drawn. */
typedef struct {
  AtlasRect segment;
  char     *text;               /* "Thailand 0.9 %" */
  AtlasItem item;               /* the label's item; its id is the share's */
  char     *key;                /* the segment's item key, for "unnamed" */
  gconstpointer legend_key;
} PendingLabel;

static void
pending_label_clear (PendingLabel *pending)
{
  g_free (pending->text);
  g_free (pending->key);
}

static void
add_pending (GArray *pending, const AtlasRect *segment, const char *name, double fraction, gboolean with_percent,
             const AtlasItem *label_item, const AtlasItem *segment_item, gconstpointer legend_key)
{
  g_autofree char *percent = NULL;
  PendingLabel label = { *segment, NULL, *label_item, NULL, legend_key };

  if (*name == '\0')
    return;
  percent = format_share (fraction);
  label.key = atlas_item_to_key (segment_item);
  label.text = with_percent ? g_strdup_printf (C_("region and share", "%s %s"), name, percent) : g_strdup (name);
  g_array_append_val (pending, label);
}

static void
add_segment (AtlasScene          *scene,
             const ShareGeometry *g,
             const SharePlan     *plan,
             const ShareSegment  *segment,
             double               x0,
             double               x1,
             double               y,
             GArray              *pending)
{
  const AtlasShare *share = plan->share;
  const AtlasSharePart *part = segment_part (plan, segment);
  AtlasItem item = { ATLAS_ITEM_SHARE_PART, share->id, segment->index };
  AtlasRect rect = { x0, y, x1 - x0, g->bar_height };
  gboolean estimate = part != NULL && part->estimate && !segment->grouped;
  AtlasColor fill, ink;
  AtlasShape *shape;
  const char *name;

  segment_color (scene, plan, segment, &fill);
  shape = atlas_scene_add_rect (scene, &rect, &fill, &item);
  shape->hatched = estimate;
  atlas_scene_add_item (scene, &item);
  /* The members of the grey block are still there to point at, one by
   * one, but read as one block: no hairlines between them, no labels. */
  if (segment->grouped)
    return;
  /* A hairline in the background colour keeps neighbours of similar
   * colour apart. */
  shape->has_stroke = TRUE;
  shape->stroke = scene->background;
  shape->line_width = MAX (1.0, g->small_size / 12.0);

  if (part == NULL)
    name = _("Other");
  else
    name = part->region != NULL ? atlas_text_get (part->region->name, scene->style->lang) : "";
  text_color_on (&fill, &ink);
  switch (add_segment_label (scene, g, &rect, name, segment->value / share->total, estimate, &ink, &item))
    {
    case LABEL_NONE:
      add_pending (pending, &rect, name, segment->value / share->total, TRUE, &item, &item, segment_key (plan, segment));
      break;
    case LABEL_PERCENT:
      /* The percentage is on the segment: beside it, the name alone. */
      add_pending (pending, &rect, name, segment->value / share->total, FALSE, &item, &item, segment_key (plan, segment));
      break;
    case LABEL_NAMED:
    default:
      break;
    }
}

/* "Other (8)": the grey block of small parts and the remainder.  Its label
 * stands for the bar, whose tooltip and sidebar list every part; the CSV
 * lists them as the dataset has them. */
static void
add_group_label (AtlasScene *scene, const ShareGeometry *g, const SharePlan *plan, double x0, double y,
                 GArray *pending)
{
  const AtlasShare *share = plan->share;
  AtlasItem bar = { ATLAS_ITEM_SHARE, share->id, GROUP_INDEX };
  const ShareSegment *first = &g_array_index (plan->segments, ShareSegment, plan->first_grey);
  AtlasItem member = { ATLAS_ITEM_SHARE_PART, share->id, first->index };
  AtlasRect rect = { x0, y, g->bar_x + g->bar_width - x0, g->bar_height };
  double value = 0;
  g_autofree char *name = NULL;
  AtlasColor grey, ink;
  SegmentLabel label;

  for (guint i = plan->first_grey; i < plan->segments->len; i++)
    value += g_array_index (plan->segments, ShareSegment, i).value;
  other_color (scene->style, &grey);
  /* TRANSLATORS: the grey segment of a bar that groups the small shares
   * of %u regions (and what no region is named for) */
  name = g_strdup_printf (C_("grouped regions", "Other (%u)"), plan->n_grouped);
  text_color_on (&grey, &ink);
  label = add_segment_label (scene, g, &rect, name, value / share->total, FALSE, &ink, &bar);
  if (label != LABEL_NAMED)
    add_pending (pending, &rect, name, value / share->total, label == LABEL_NONE, &bar, &member, other_key);
}

/* Segments as planned; each edge is placed from the running sum so the
 * segments tile the bar exactly. */
static void
add_segments (AtlasScene *scene, const ShareGeometry *g, const SharePlan *plan, double y, GArray *pending)
{
  const AtlasShare *share = plan->share;
  double sum = 0, block_x = 0;

  if (!(share->total > 0))
    return;
  for (guint i = 0; i < plan->segments->len; i++)
    {
      const ShareSegment *segment = &g_array_index (plan->segments, ShareSegment, i);
      double x0 = g->bar_x + g->bar_width * (sum / share->total);

      if (i == plan->first_grey && plan->n_grouped > 0)
        {
          AtlasItem bar = { ATLAS_ITEM_SHARE, share->id, GROUP_INDEX };
          AtlasRect block = { x0, y, g->bar_x + g->bar_width - x0, g->bar_height };
          AtlasColor grey;

          /* One grey under the members: their antialiased edges would
           * otherwise let the background through as faint seams. */
          block_x = x0;
          other_color (scene->style, &grey);
          atlas_scene_add_rect (scene, &block, &grey, &bar);
        }
      sum += segment->value;
      /* The last edge is the bar's end, whatever the rounding of the sum. */
      add_segment (scene, g, plan, segment, x0,
                   i + 1 == plan->segments->len ? g->bar_x + g->bar_width
                                                : g->bar_x + g->bar_width * (sum / share->total),
                   y, pending);
    }
  if (plan->n_grouped > 0)
    add_group_label (scene, g, plan, block_x, y, pending);
}

/* A short tick from the bar to a label beside it. */
static void
add_leader (AtlasScene *scene, const ShareGeometry *g, double x, double y0, double y1, const AtlasItem *item)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  AtlasShape line = { 0 };

  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
  line.kind = ATLAS_SHAPE_PATH;
  line.item = *item;
  line.has_stroke = TRUE;
  line.stroke = scene->style->muted;
  line.line_width = MAX (1.0, g->small_size / 14.0);
  line.path = cairo_copy_path (cr);
  line.bounds = (AtlasRect) { x, MIN (y0, y1), 0, fabs (y1 - y0) };
  atlas_scene_add_shape (scene, &line);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Names a segment too narrow for its name under or over the bar, on a
 * short tick from the segment's middle, where it covers no text and no
 * other mark; FALSE when there is no such place (the legend names it). */
static gboolean
add_outside_label (AtlasScene *scene, const ShareGeometry *g, const PendingLabel *pending)
{
  const AtlasRect *seg = &pending->segment;
  AtlasItem nothing = { ATLAS_ITEM_NONE, NULL, -1 };
  double tick = g->small_size * 0.35, w, h, cx = seg->x + seg->width / 2;
  double left = g->bar_x, right = scene->plot.x + scene->plot.width;

  atlas_scene_measure_text (scene, pending->text, g->small_size, FALSE, 0, &w, &h);
  w = ceil (w) + 1;
  for (int above = 0; above <= 1; above++)
    {
      double y = above ? seg->y - tick - h : seg->y + seg->height + tick;
      /* Centred on the tick, else ending or starting at it. */
      double xs[] = { cx - w / 2, cx - w + g->small_size * 0.3, cx - g->small_size * 0.3 };

      for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
        {
          AtlasRect box = { CLAMP (xs[i], left, right - w), y, w, h };
          AtlasShape *text;

          /* Some room either side, so that two names side by side do
           * not read as one ("Malaysia Other"). */
          AtlasRect room = { box.x - g->small_size * 0.6, box.y, w + g->small_size * 1.2, h };

          if (box.x > cx || box.x + w < cx || box.x < left || !atlas_rect_contains (&scene->plot, &box) ||
              !atlas_scene_box_is_free (scene, &room, &nothing))
            continue;
          add_leader (scene, g, cx, above ? seg->y : seg->y + seg->height,
                      above ? box.y + h : box.y, &pending->item);
          text = atlas_scene_add_text (scene, pending->text, box.x, box.y, g->small_size, FALSE,
                                       ATLAS_ALIGN_START, &scene->style->foreground, &pending->item);
          text->role = ATLAS_ROLE_CALLOUT;
          return TRUE;
        }
    }
  return FALSE;
}

static char *
alternatives_marker (guint n, gboolean compact)
{
  if (compact)
    return g_strdup_printf ("+%u", n);
  /* TRANSLATORS: a bar has figures from other sources, listed in the sidebar */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u other figure", "+%u other figures", n), n);
}

static char *
concentration_note (const AtlasScene *scene, const AtlasShare *share, AtlasConcentrationDetail detail)
{
  AtlasShareConcentration c;

  if (!atlas_share_concentration (share, &c))
    return g_strdup (_("No values"));
  return atlas_share_concentration_format (&c, detail, scene->style->lang);
}

/* The most detailed note (and marker) that fits @width; ellipsized last. */
static void
fit_note (const AtlasScene *scene, const ShareGeometry *g, const AtlasShare *share, double width,
          char **note_out, char **marker_out)
{
  guint n_alternatives = share_n_alternatives (share);
  double gap = g->small_size;

  for (int compact = 0; compact <= 1; compact++)
    for (int detail = ATLAS_CONCENTRATION_FULL; detail <= ATLAS_CONCENTRATION_MINIMAL; detail++)
      {
        g_autofree char *note = concentration_note (scene, share, detail);
        g_autofree char *marker = n_alternatives > 0 ? alternatives_marker (n_alternatives, compact) : NULL;
        double needed = text_width (scene, note, g->small_size);

        if (marker != NULL)
          needed += gap + text_width (scene, marker, g->small_size);
        if (needed <= width)
          {
            *note_out = g_steal_pointer (&note);
            *marker_out = g_steal_pointer (&marker);
            return;
          }
      }
  {
    g_autofree char *minimal = concentration_note (scene, share, ATLAS_CONCENTRATION_MINIMAL);
    *note_out = atlas_scene_ellipsize (scene, minimal, g->small_size, FALSE, width);
    *marker_out = NULL;
  }
}

static void
add_note (AtlasScene *scene, const ShareGeometry *g, const AtlasShare *share, double top)
{
  AtlasItem item = { ATLAS_ITEM_SHARE, share->id, -1 };
  g_autofree char *note = NULL, *marker = NULL;
  double x, width, y;

  if (g->notes_below)
    {
      x = g->bar_x;
      width = g->bar_width;
      y = top + g->bar_height + g->note_gap;
    }
  else
    {
      if (!note_fits_beside (g))
        return;
      x = g->note_x;
      width = g->note_width;
      y = top + (g->bar_height - g->small_line) / 2;
    }

  fit_note (scene, g, share, width, &note, &marker);
  if (note != NULL)
    atlas_scene_add_text (scene, note, x, y, g->small_size, FALSE, ATLAS_ALIGN_START,
                          &scene->style->muted, &item)->role = ATLAS_ROLE_NOTE;
  /* The other sources' figures themselves go to the sidebar; the bar only
   * says they exist, at its right end so it reads as "more". */
  if (marker != NULL)
    atlas_scene_add_text (scene, marker, x + width, y, g->small_size, FALSE, ATLAS_ALIGN_END,
                          &scene->style->foreground, &item)->role = ATLAS_ROLE_NOTE;
}

static void
add_bar (AtlasScene *scene, const ShareGeometry *g, const SharePlan *plan, guint row, GArray *pending)
{
  const AtlasShare *share = plan->share;
  AtlasItem item = { ATLAS_ITEM_SHARE, share->id, -1 };
  double top = row_top (g, row);
  AtlasRect rect = { g->bar_x, top, g->bar_width, g->bar_height };
  AtlasColor clear = scene->style->grid;
  AtlasShape *backdrop;

  /* An invisible backdrop stands for the bar as a whole: it catches the
   * pointer between segments and carries the selection outline. */
  clear.alpha = 0;
  backdrop = atlas_scene_add_rect (scene, &rect, &clear, &item);
  if (!(share->total > 0))
    {
      backdrop->has_stroke = TRUE;
      backdrop->stroke = scene->style->grid;
    }
  atlas_scene_add_item (scene, &item);

  add_bar_label (scene, g, share, top);
  add_segments (scene, g, plan, top, pending);
  add_note (scene, g, share, top);
}

/* ---- hover, selection, description ------------------------------------ */

static gboolean
part_has_label (const AtlasScene *scene, const char *share, int index)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind == ATLAS_SHAPE_TEXT && shape->item.kind == ATLAS_ITEM_SHARE_PART &&
          shape->item.index == index && g_strcmp0 (shape->item.id, share) == 0)
        return TRUE;
    }
  return FALSE;
}

static const AtlasShare *
scene_find_bar (const AtlasScene *scene, const char *id)
{
  const ShareSceneData *data = scene->chart_data;

  for (guint i = 0; data != NULL && i < data->bars->len; i++)
    {
      const AtlasShare *share = g_ptr_array_index (data->bars, i);
      if (g_strcmp0 (share->id, id) == 0)
        return share;
    }
  return NULL;
}

static const SharePlan *
scene_find_plan (const AtlasScene *scene, const AtlasShare *share)
{
  const ShareSceneData *data = scene->chart_data;

  for (guint i = 0; data != NULL && i < data->plans->len; i++)
    {
      const SharePlan *plan = g_ptr_array_index (data->plans, i);
      if (plan->share == share)
        return plan;
    }
  return NULL;
}

static gboolean
part_is_grouped (const SharePlan *plan, int index)
{
  for (guint i = plan->first_grey; plan->n_grouped > 0 && i < plan->segments->len; i++)
    if (g_array_index (plan->segments, ShareSegment, i).index == index)
      return TRUE;
  return FALSE;
}

/* The grey block and its members. */
static void
add_group (const SharePlan *plan, GHashTable *set)
{
  if (plan == NULL || plan->n_grouped == 0)
    return;
  atlas_item_set_add (set, ATLAS_ITEM_SHARE, plan->share->id, GROUP_INDEX);
  for (guint i = plan->first_grey; i < plan->segments->len; i++)
    atlas_item_set_add (set, ATLAS_ITEM_SHARE_PART, plan->share->id, g_array_index (plan->segments, ShareSegment, i).index);
}

static void
add_bar_parts (const AtlasScene *scene, const AtlasShare *share, GHashTable *set)
{
  for (guint i = 0; i < share->parts->len; i++)
    atlas_item_set_add (set, ATLAS_ITEM_SHARE_PART, share->id, (int) i);
  if (share_remainder (share) > 0)
    atlas_item_set_add (set, ATLAS_ITEM_SHARE_PART, share->id, OTHER_INDEX);
  add_group (scene_find_plan (scene, share), set);
}

/* A part is related to its bar and to the same region in every other bar
 * (hovering China lights China up everywhere); "Other" to every "Other",
 * grouped or not; a grey block to its members. */
static void
share_collect_related (const AtlasScene *scene, const AtlasItem *item, GHashTable *set)
{
  const ShareSceneData *data = scene->chart_data;
  const AtlasShare *share = scene_find_bar (scene, item->id);
  const SharePlan *plan;
  const AtlasRegion *region = NULL;

  if (share == NULL)
    return;
  plan = scene_find_plan (scene, share);
  if (item->kind == ATLAS_ITEM_SHARE && item->index == GROUP_INDEX)
    {
      atlas_item_set_add (set, ATLAS_ITEM_SHARE, share->id, -1);
      add_group (plan, set);
      return;
    }
  if (item->kind == ATLAS_ITEM_SHARE)
    {
      atlas_item_set_add (set, ATLAS_ITEM_SHARE, share->id, -1);
      add_bar_parts (scene, share, set);
      return;
    }
  if (item->kind != ATLAS_ITEM_SHARE_PART)
    return;

  atlas_item_set_add (set, ATLAS_ITEM_SHARE, share->id, -1);
  if (plan != NULL && part_is_grouped (plan, item->index))
    atlas_item_set_add (set, ATLAS_ITEM_SHARE, share->id, GROUP_INDEX);
  if (item->index >= 0 && (guint) item->index < share->parts->len)
    region = ((const AtlasSharePart *) g_ptr_array_index (share->parts, item->index))->region;
  for (guint b = 0; b < data->bars->len; b++)
    {
      const AtlasShare *other = g_ptr_array_index (data->bars, b);

      if (item->index == OTHER_INDEX)
        {
          if (share_remainder (other) > 0)
            atlas_item_set_add (set, ATLAS_ITEM_SHARE_PART, other->id, OTHER_INDEX);
          add_group (g_ptr_array_index (data->plans, b), set);
          continue;
        }
      for (guint i = 0; i < other->parts->len; i++)
        {
          const AtlasSharePart *part = g_ptr_array_index (other->parts, i);
          if (region != NULL && part->region == region)
            atlas_item_set_add (set, ATLAS_ITEM_SHARE_PART, other->id, (int) i);
        }
    }
  atlas_item_set_add (set, ATLAS_ITEM_SHARE_PART, share->id, item->index);
}

static void
share_scene_data_free (gpointer data)
{
  ShareSceneData *self = data;

  g_ptr_array_unref (self->bars);
  g_ptr_array_unref (self->plans);
  g_ptr_array_unref (self->drawn);
  g_hash_table_unref (self->unnamed);
  atlas_region_colors_free (self->colors);
  g_free (self);
}

static int
part_of_region (const AtlasShare *share, const char *region)
{
  for (guint i = 0; i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);

      if (part->region != NULL && g_strcmp0 (part->region->id, region) == 0)
        return (int) i;
    }
  return -2;
}

/* A part's annotation points at the top of its segment. */
static gboolean
share_anchor (const AtlasScene *scene, const AtlasAnnotation *annotation, double *x, double *y)
{
  const AtlasShare *share;
  AtlasRect box;
  int index;

  if (annotation->kind != ATLAS_ANCHOR_PART)
    return FALSE;
  share = scene_find_bar (scene, annotation->share);
  if (share == NULL)
    return FALSE;
  index = part_of_region (share, annotation->region);
  if (index < 0 || !atlas_scene_mark_bounds (scene, ATLAS_ITEM_SHARE_PART, share->id, index, &box))
    return FALSE;
  *x = box.x + box.width / 2;
  *y = box.y;
  return TRUE;
}

static const AtlasSceneClass share_scene_class = {
  "shares",
  share_collect_related,
  NULL,
  share_anchor,
};

/* The parts of the regions a slide is about (and the bars it names) stay
 * whole; the rest recedes.  A focused part too narrow for its label gets
 * one outside the bar, so what the slide is about is always named. */
static void
apply_focus (AtlasScene *scene, GPtrArray *bars, const AtlasChartOptions *options)
{
  const char * const *focus = options->focus;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (AtlasItem));
  double size = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  const char *lang = scene->style->lang;

  if (focus == NULL)
    return;
  for (guint b = 0; b < bars->len; b++)
    {
      const AtlasShare *share = g_ptr_array_index (bars, b);

      if (g_strv_contains (focus, share->id))
        {
          AtlasItem item = { ATLAS_ITEM_SHARE, share->id, -1 };
          g_array_append_val (items, item);
        }
      for (guint i = 0; i < share->parts->len; i++)
        {
          const AtlasSharePart *part = g_ptr_array_index (share->parts, i);
          AtlasItem item = { ATLAS_ITEM_SHARE_PART, share->id, (int) i };
          AtlasRect box;

          if (part->region == NULL || !g_strv_contains (focus, part->region->id))
            continue;
          g_array_append_val (items, item);
          if (!part_has_label (scene, share->id, (int) i) && share->total > 0 &&
              atlas_scene_mark_bounds (scene, ATLAS_ITEM_SHARE_PART, share->id, (int) i, &box))
            {
              g_autofree char *percent = format_share (part->value / share->total);
              g_autofree char *text = g_strdup_printf (C_("region and share", "%s %s"),
                                                       atlas_text_get (part->region->name, lang), percent);
              AtlasCallout callout = { box.x + box.width / 2, box.y + box.height / 2, text, item, TRUE, FALSE, NULL };

              if (atlas_scene_add_callout (scene, &callout, &scene->plot, size, size * 12))
                {
                  g_autofree char *key = atlas_item_to_key (&item);
                  g_hash_table_remove (((ShareSceneData *) scene->chart_data)->unnamed, key);
                }
            }
        }
    }
  atlas_scene_set_focus (scene, (const AtlasItem *) (gpointer) items->data, items->len);
}

/* "Refining, 2023: China 92 %, Malaysia 5 %, others 3 %. Mining, 2024: ..." */
static char *
describe_bars (GPtrArray *bars, const char *lang)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint b = 0; b < bars->len; b++)
    {
      const AtlasShare *share = g_ptr_array_index (bars, b);
      g_autofree char *label = share_label (share, lang);
      double remainder = share_remainder (share);
      gboolean first = TRUE;

      if (b > 0)
        atlas_append_sentence (text, "");
      g_string_append_printf (text, "%s%s", label, atlas_punct_label_separator ());
      for (guint i = 0; share->total > 0 && i < share->parts->len; i++)
        {
          const AtlasSharePart *part = g_ptr_array_index (share->parts, i);
          g_autofree char *percent = NULL;

          if (part->value <= 0 || part->region == NULL)
            continue;
          percent = format_share (part->value / share->total);
          /* TRANSLATORS: a region and its share, as in "China 92 %" */
          g_string_append (text, first ? "" : atlas_punct_phrase_separator ());
          g_string_append_printf (text, C_("region and share", "%s %s"),
                                  atlas_text_get (part->region->name, lang), percent);
          first = FALSE;
        }
      if (remainder > 0)
        {
          g_autofree char *percent = format_share (remainder / share->total);
          /* TRANSLATORS: "others 3 %", the remainder of a bar in a spoken description */
          g_string_append (text, first ? "" : atlas_punct_phrase_separator ());
          g_string_append_printf (text, C_("region and share", "%s %s"), _("others"), percent);
          first = FALSE;
        }
      if (first)
        g_string_append (text, _("no values"));
      g_string_append (text, atlas_punct_full_stop ());
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The bar @id names (an alternative selects its primary), or NULL when the
 * share exists but is not drawn here.  FALSE only for an unknown id. */
static gboolean
resolve_selection (AtlasDataset *dataset, GPtrArray *bars, const char *id,
                   const AtlasShare **out, GError **error)
{
  const AtlasShare *share;

  *out = NULL;
  if (id == NULL)
    return TRUE;
  share = atlas_dataset_find_share (dataset, id);
  if (share == NULL)
    {
      g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID,
                   _("Unknown share “%s”"), id);
      return FALSE;
    }
  share = find_primary (dataset, share);
  if (g_ptr_array_find (bars, share, NULL))
    *out = share;
  return TRUE;
}

/* ---- entry points ----------------------------------------------------- */

/* The figure, its legend listing @shown (every region drawn when NULL). */
static AtlasScene *
build_scene (AtlasDataset            *dataset,
             const AtlasChartOptions *options,
             double                   width,
             double                   height,
             const AtlasStyle        *style,
             GPtrArray               *bars,
             const AtlasShare        *selected,
             GHashTable              *shown)
{
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingLabel));
  ShareSceneData *data;
  ShareGeometry geometry;

  g_array_set_clear_func (pending, (GDestroyNotify) pending_label_clear);
  scene = atlas_scene_new (&share_scene_class, dataset, style, width, height);
  data = g_new0 (ShareSceneData, 1);
  data->bars = g_ptr_array_ref (bars);
  data->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) share_plan_free);
  data->drawn = g_ptr_array_new ();
  data->unnamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scene->chart_data = data;
  scene->chart_data_free = share_scene_data_free;
  for (guint i = 0; i < bars->len; i++)
    g_ptr_array_add (data->plans, plan_bar (g_ptr_array_index (bars, i), options->focus));
  data->colors = assign_colors (scene, data->plans);
  collect_drawn (data);

  layout_frame (scene, options, bars, shown);
  compute_geometry (scene, bars, &geometry);
  for (guint i = 0; i < bars->len; i++)
    add_bar (scene, &geometry, g_ptr_array_index (data->plans, i), i, pending);
  /* Beside the bars once all of them and their notes are drawn, so that a
   * name placed there never takes a note's or another bar's room. */
  for (guint i = 0; i < pending->len; i++)
    {
      const PendingLabel *label = &g_array_index (pending, PendingLabel, i);

      if (!add_outside_label (scene, &geometry, label))
        g_hash_table_insert (data->unnamed, g_strdup (label->key), (gpointer) label->legend_key);
    }

  scene->description = describe_bars (bars, scene->style->lang);
  apply_focus (scene, bars, options);
  if (selected != NULL)
    {
      AtlasItem item = { ATLAS_ITEM_SHARE, selected->id, -1 };
      atlas_scene_set_selected (scene, &item);
      atlas_scene_set_highlight (scene, &item);
    }
  atlas_chart_add_annotations (scene, dataset, options);
  return g_steal_pointer (&scene);
}

/* The legend keys @scene still needs: what no label of it names. */
static GHashTable *
legend_needed (const AtlasScene *scene)
{
  const ShareSceneData *data = scene->chart_data;
  GHashTable *needed = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, data->unnamed);
  while (g_hash_table_iter_next (&iter, NULL, &key))
    g_hash_table_add (needed, key);
  return needed;
}

static gboolean
keys_within (GHashTable *keys, GHashTable *within)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (within, key))
      return FALSE;
  return TRUE;
}

AtlasScene *
atlas_share_chart_layout (AtlasDataset            *dataset,
                          const AtlasChartOptions *options,
                          double                   width,
                          double                   height,
                          const AtlasStyle        *style,
                          GError                 **error)
{
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(GPtrArray) bars = NULL;
  g_autoptr(GHashTable) shown = NULL;
  const AtlasShare *selected = NULL;
  const char *group;

  group = resolve_group (dataset, options->group, error);
  if (group == NULL)
    return NULL;
  bars = collect_group_shares (dataset, group, FALSE);
  if (bars->len == 0)
    {
      g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_NOTHING,
                   _("The share group “%s” has nothing to draw."), group);
      return NULL;
    }
  if (!resolve_selection (dataset, bars, options->select, &selected, error))
    return NULL;

  /* Direct labels before the legend: laid out with every region in the
   * legend first, then again with only those no label names.  A shorter
   * legend leaves taller bars, which name more, so this settles in a pass
   * or two; a pass whose labels name less than its legend needs is not
   * taken, and the figure keeps a legend listing a little too much rather
   * than one that leaves a region unnamed. */
  scene = build_scene (dataset, options, width, height, style, bars, selected, NULL);
  for (guint pass = 0; pass < 3; pass++)
    {
      g_autoptr(GHashTable) needed = legend_needed (scene);
      g_autoptr(GHashTable) still = NULL;
      g_autoptr(AtlasScene) next = NULL;

      if (shown != NULL && g_hash_table_size (needed) == g_hash_table_size (shown) && keys_within (needed, shown))
        break;
      next = build_scene (dataset, options, width, height, style, bars, selected, needed);
      still = legend_needed (next);
      if (!keys_within (still, needed))
        break;
      g_clear_pointer (&shown, g_hash_table_unref);
      shown = g_steal_pointer (&needed);
      g_clear_pointer (&scene, atlas_scene_free);
      scene = g_steal_pointer (&next);
    }
  return g_steal_pointer (&scene);
}

static char *
primary_id_of (AtlasDataset *dataset, const AtlasShare *share)
{
  return share->is_alternative ? g_strdup (find_primary (dataset, share)->id) : g_strdup ("");
}

static void
add_table_row (AtlasTable   *table,
               AtlasDataset *dataset,
               const AtlasShare *share,
               const char   *region,
               double        value,
               int           decimals,
               gboolean      estimate,
               const char * const *cite,
               const char   *lang)
{
  atlas_table_add_row (table,
                       g_strdup (atlas_text_get (share->metric, lang)),
                       g_strdup_printf ("%d", share->year),
                       g_strdup (region),
                       atlas_format_plain_number (value, decimals),
                       g_strdup (share->unit != NULL ? atlas_unit_label (share->unit) : ""),
                       atlas_table_format_percent (share->total > 0 ? 100 * value / share->total : NAN),
                       g_strdup (estimate ? _("yes") : _("no")),
                       primary_id_of (dataset, share),
                       atlas_table_format_cite (dataset, cite, lang),
                       NULL);
}

AtlasTable *
atlas_share_chart_table (AtlasDataset            *dataset,
                         const AtlasChartOptions *options,
                         GError                 **error)
{
  g_autoptr(GPtrArray) shares = NULL;
  AtlasTable *table;
  const char *group;

  group = resolve_group (dataset, options->group, error);
  if (group == NULL)
    return NULL;
  shares = collect_group_shares (dataset, group, TRUE);

  /* A year is a label: grouped as a number it would read "2,024".  Bars
   * of one group can have different units, so the unit has a column. */
  table = atlas_table_new ();
  atlas_table_add_column (table, _("Metric"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Year"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Region"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Value"), ATLAS_TABLE_COLUMN_NUMBER);
  atlas_table_add_column (table, _("Unit"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Share of whole (%)"), ATLAS_TABLE_COLUMN_PERCENT);
  atlas_table_add_column (table, _("Estimate"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Alternative of"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Sources"), ATLAS_TABLE_COLUMN_TEXT);
  for (guint s = 0; s < shares->len; s++)
    {
      const AtlasShare *share = g_ptr_array_index (shares, s);
      double remainder = share_remainder (share);

      for (guint i = 0; i < share->parts->len; i++)
        {
          const AtlasSharePart *part = g_ptr_array_index (share->parts, i);

          add_table_row (table, dataset, share,
                         part->region != NULL ? atlas_text_get (part->region->name, options->lang) : "",
                         part->value, -1, part->estimate,
                         atlas_cite_or (part->cite, share->cite), options->lang);
        }
      /* The remainder is a difference of figures: kept to the 15 digits
       * of the total, it drops the noise of the subtraction (a "5000" is
       * not "4999.999999999999") and keeps every digit the figures have. */
      if (remainder > 0)
        add_table_row (table, dataset, share, _("Other"), remainder,
                       atlas_decimals_for_digits (share->total, 15), FALSE,
                       (const char * const *) share->cite, options->lang);
    }
  return table;
}
