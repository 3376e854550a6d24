/* atlas-share-chart.c: the Shares view: one 100 % stacked bar per metric, split by region, with its concentration. */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-annotations.h"
#include "atlas-callouts.h"
#include "atlas-chart-frame.h"
#include "atlas-format.h"
#include "atlas-scene-text.h"
#include "atlas-units.h"
#include "atlas-chart-private.h"
#include "atlas-share-concentration.h"

/* The part index that stands for the remainder to the whole ("Other"). */
#define OTHER_INDEX (-1)

/* A remainder smaller than this fraction of the whole is rounding in the
 * dataset, not a share worth drawing. */
#define REMAINDER_EPSILON 1e-9

typedef struct {
  GPtrArray *bars;              /* const AtlasShare*, drawn top to bottom */
} ShareSceneData;

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

static void
part_color (const AtlasScene *scene, const AtlasShare *share, int index, AtlasColor *out)
{
  if (index == OTHER_INDEX)
    other_color (scene->style, out);
  else
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, index);
      atlas_style_region_color (scene->style, scene->dataset, part->region, out);
    }
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

/* The regions present, in order of first appearance, then "Other" and the
 * estimate swatch when any bar needs them. */
static GArray *
build_legend (const AtlasScene *scene, GPtrArray *bars)
{
  GArray *legend = g_array_new (FALSE, TRUE, sizeof (AtlasLegendEntry));
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  gboolean any_other = FALSE, any_estimate = FALSE;
  AtlasColor color;

  g_array_set_clear_func (legend, (GDestroyNotify) atlas_legend_entry_clear);
  for (guint b = 0; b < bars->len; b++)
    {
      const AtlasShare *share = g_ptr_array_index (bars, b);

      any_other |= share_remainder (share) > 0;
      for (guint i = 0; i < share->parts->len; i++)
        {
          const AtlasSharePart *part = g_ptr_array_index (share->parts, i);

          if (part->value <= 0)
            continue;
          any_estimate |= part->estimate;
          if (part->region == NULL || g_ptr_array_find (seen, part->region, NULL))
            continue;
          g_ptr_array_add (seen, (gpointer) part->region);
          atlas_style_region_color (scene->style, scene->dataset, part->region, &color);
          add_legend_entry (legend, atlas_text_get (part->region->name, scene->style->lang),
                            &color, FALSE);
        }
    }
  if (any_other)
    {
      other_color (scene->style, &color);
      add_legend_entry (legend, _("Other"), &color, FALSE);
    }
  if (any_estimate)
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

static void
layout_frame (AtlasScene *scene, const AtlasChartOptions *options, GPtrArray *bars)
{
  g_autofree char *title = share_chart_title (bars, scene->style->lang);
  g_autoptr(GPtrArray) sources = collect_sources (scene->dataset, bars);
  g_autoptr(GArray) legend = build_legend (scene, bars);
  AtlasFrameSpec spec = { 0 };

  spec.title = title;
  spec.subtitle = options->subtitle;
  spec.headline = options->title;
  spec.sources = sources;
  spec.legend = legend;
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

/* The share inside its segment: name over percentage, name and percentage
 * on one line, the percentage alone, or nothing, whichever fits first.
 * On a hatched (estimate) segment the text sits on a plate of the
 * background colour, since stripes behind letters make them hard to read. */
static void
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
    return;

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
}

static void
add_segment (AtlasScene          *scene,
             const ShareGeometry *g,
             const AtlasShare    *share,
             int                  index,
             double               x0,
             double               x1,
             double               y)
{
  AtlasItem item = { ATLAS_ITEM_SHARE_PART, share->id, index };
  AtlasRect rect = { x0, y, x1 - x0, g->bar_height };
  AtlasColor fill, ink;
  AtlasShape *shape;
  gboolean estimate = FALSE;
  const char *name;
  double value;

  if (index == OTHER_INDEX)
    {
      name = _("Other");
      value = share_remainder (share);
    }
  else
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, index);
      name = part->region != NULL ? atlas_text_get (part->region->name, scene->style->lang) : "";
      value = part->value;
      estimate = part->estimate;
    }

  part_color (scene, share, index, &fill);
  shape = atlas_scene_add_rect (scene, &rect, &fill, &item);
  shape->hatched = estimate;
  /* A hairline in the background colour keeps neighbours of similar
   * colour apart. */
  shape->has_stroke = TRUE;
  shape->stroke = scene->background;
  shape->line_width = MAX (1.0, g->small_size / 12.0);

  text_color_on (&fill, &ink);
  add_segment_label (scene, g, &rect, name, value / share->total, estimate, &ink, &item);
  atlas_scene_add_item (scene, &item);
}

/* Segments in file order, then the remainder; each edge is placed from the
 * running sum so the segments tile the bar exactly. */
static void
add_segments (AtlasScene *scene, const ShareGeometry *g, const AtlasShare *share, double y)
{
  double sum = 0, remainder = share_remainder (share);

  if (!(share->total > 0))
    return;
  for (guint i = 0; i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);
      double x0 = g->bar_x + g->bar_width * (sum / share->total);

      if (part->value <= 0)
        continue;
      sum += part->value;
      add_segment (scene, g, share, (int) i,
                   x0, g->bar_x + g->bar_width * (sum / share->total), y);
    }
  if (remainder > 0)
    add_segment (scene, g, share, OTHER_INDEX,
                 g->bar_x + g->bar_width * (sum / share->total), g->bar_x + g->bar_width, y);
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
add_bar (AtlasScene *scene, const ShareGeometry *g, const AtlasShare *share, guint row)
{
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
  add_segments (scene, g, share, top);
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

static void
add_key (GHashTable *set, AtlasItemKind kind, const char *id, int index)
{
  AtlasItem item = { kind, id, index };

  g_hash_table_add (set, atlas_item_to_key (&item));
}

static void
add_bar_parts (const AtlasShare *share, GHashTable *set)
{
  for (guint i = 0; i < share->parts->len; i++)
    add_key (set, ATLAS_ITEM_SHARE_PART, share->id, (int) i);
  if (share_remainder (share) > 0)
    add_key (set, ATLAS_ITEM_SHARE_PART, share->id, OTHER_INDEX);
}

/* A part is related to its bar and to the same region in every other bar
 * (hovering China lights China up everywhere); "Other" to every "Other". */
static void
share_collect_related (const AtlasScene *scene, const AtlasItem *item, GHashTable *set)
{
  const ShareSceneData *data = scene->chart_data;
  const AtlasShare *share = scene_find_bar (scene, item->id);
  const AtlasRegion *region = NULL;

  if (share == NULL)
    return;
  if (item->kind == ATLAS_ITEM_SHARE)
    {
      add_key (set, ATLAS_ITEM_SHARE, share->id, -1);
      add_bar_parts (share, set);
      return;
    }
  if (item->kind != ATLAS_ITEM_SHARE_PART)
    return;

  add_key (set, ATLAS_ITEM_SHARE, share->id, -1);
  if (item->index >= 0 && (guint) item->index < share->parts->len)
    region = ((const AtlasSharePart *) g_ptr_array_index (share->parts, item->index))->region;
  for (guint b = 0; b < data->bars->len; b++)
    {
      const AtlasShare *other = g_ptr_array_index (data->bars, b);

      if (item->index == OTHER_INDEX)
        {
          if (share_remainder (other) > 0)
            add_key (set, ATLAS_ITEM_SHARE_PART, other->id, OTHER_INDEX);
          continue;
        }
      for (guint i = 0; i < other->parts->len; i++)
        {
          const AtlasSharePart *part = g_ptr_array_index (other->parts, i);
          if (region != NULL && part->region == region)
            add_key (set, ATLAS_ITEM_SHARE_PART, other->id, (int) i);
        }
    }
  add_key (set, ATLAS_ITEM_SHARE_PART, share->id, item->index);
}

static void
share_scene_data_free (gpointer data)
{
  ShareSceneData *self = data;

  g_ptr_array_unref (self->bars);
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

              atlas_scene_add_callout (scene, &callout, &scene->plot, size, size * 12);
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
  const AtlasShare *selected = NULL;
  ShareSceneData *data;
  ShareGeometry geometry;
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

  scene = atlas_scene_new (&share_scene_class, dataset, style, width, height);
  data = g_new0 (ShareSceneData, 1);
  data->bars = g_ptr_array_ref (bars);
  scene->chart_data = data;
  scene->chart_data_free = share_scene_data_free;

  layout_frame (scene, options, bars);
  compute_geometry (scene, bars, &geometry);
  for (guint i = 0; i < bars->len; i++)
    add_bar (scene, &geometry, g_ptr_array_index (bars, i), i);

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
