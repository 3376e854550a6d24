/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-map-choropleth.c: the map coloured by one share bar, with its legend and what is not a country listed beside it. */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-annotations.h"
#include "atlas-chart-frame.h"
#include "atlas-format.h"
#include "atlas-map-private.h"
#include "atlas-scene-text.h"
#include "atlas-units.h"

/* The part index of the remainder to the whole, as in the shares view. */
#define OTHER_INDEX (-1)
#define REMAINDER_EPSILON 1e-9
/* Steps of the legend's colour bar: enough to read as continuous. */
#define LEGEND_STEPS 24

typedef struct {
  int                       index;    /* part index, or OTHER_INDEX */
  const char               *name;
  double                    value;
  AtlasMapPlace             place;
  const AtlasWorldCountry  *country;
  gboolean                  estimate;
} Entry;

typedef struct {
  const AtlasShare *share;
  GArray           *entries;          /* Entry, by value, largest first */
  double            lo, hi;           /* the colour scale's ends */
  gboolean          log_scale;
} Choropleth;

/* ---- which share --------------------------------------------------------- */

/* Of the bars of @first's group measuring what it measures (its metric),
 * none an alternative, the latest: a map asked for a group shows its first
 * measure as it stands now, not the first year the file happens to list. */
static const AtlasShare *
latest_like (GPtrArray *shares, const AtlasShare *first)
{
  const AtlasShare *latest = first;

  for (guint i = 0; i < shares->len; i++)
    {
      const AtlasShare *share = g_ptr_array_index (shares, i);

      if (!share->is_alternative && share->year > latest->year &&
          g_strcmp0 (share->group, first->group) == 0 && atlas_text_equal (share->metric, first->metric))
        latest = share;
    }
  return latest;
}

/* @requested as a share's id, or as a group's (the latest bar of its first
 * bar's measure; see latest_like()), else the first group's. */
static const AtlasShare *
resolve_share (AtlasDataset *dataset, const char *requested, GError **error)
{
  const char * const *groups = atlas_dataset_get_share_groups (dataset);
  GPtrArray *shares = atlas_dataset_get_shares (dataset);
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
  if (share != NULL && (share->group == NULL || !g_str_equal (share->group, requested)))
    return share;
  for (guint i = 0; i < shares->len; i++)
    {
      share = g_ptr_array_index (shares, i);
      if (!share->is_alternative &&
          g_strcmp0 (share->group != NULL ? share->group : share->id, requested) == 0)
        return share->group != NULL ? latest_like (shares, share) : share;
    }
  g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID,
               _("Unknown share group “%s”"), requested);
  return NULL;
}

/* The group or bar asked for; a slide may name the bar by selecting it. */
static const char *
requested_share (AtlasDataset *dataset, const AtlasChartOptions *options)
{
  if (options->group == NULL && options->select != NULL && atlas_dataset_find_share (dataset, options->select) != NULL)
    return options->select;
  return options->group;
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const Entry *p = a, *q = b;

  return (p->value < q->value) - (p->value > q->value);
}

static void
choropleth_init (Choropleth *c, const AtlasShare *share, const AtlasWorld *world, const char *lang)
{
  double remainder = share->total - share->parts_sum;

  c->share = share;
  c->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  for (guint i = 0; i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);
      Entry e = { (int) i, NULL, part->value, ATLAS_MAP_NOT_COUNTRY, NULL, part->estimate };

      e.place = atlas_map_match_region (world, part->region, &e.country);
      e.name = part->region != NULL ? atlas_text_get (part->region->name, lang) : "";
      g_array_append_val (c->entries, e);
    }
  if (remainder > share->total * REMAINDER_EPSILON)
    {
      Entry e = { OTHER_INDEX, _("Other"), remainder, ATLAS_MAP_NOT_COUNTRY, NULL, FALSE };
      g_array_append_val (c->entries, e);
    }
  g_array_sort (c->entries, compare_entries);

  /* The scale spans the countries' values.  Shares of mining run from a
   * few hundred tonnes to hundreds of thousands: on a linear scale every
   * country but China would be the palest colour, so a span of more than
   * twenty times is coloured by the logarithm. */
  c->lo = G_MAXDOUBLE;
  c->hi = 0;
  for (guint i = 0; i < c->entries->len; i++)
    {
      const Entry *e = &g_array_index (c->entries, Entry, i);

      if (e->place != ATLAS_MAP_COUNTRY || !(e->value > 0))
        continue;
      c->lo = MIN (c->lo, e->value);
      c->hi = MAX (c->hi, e->value);
    }
  if (c->hi == 0)
    c->lo = 0, c->hi = 1;
  c->log_scale = c->hi / c->lo > 20;
  if (!c->log_scale)
    c->lo = 0;
}

static void
choropleth_clear (Choropleth *c)
{
  g_clear_pointer (&c->entries, g_array_unref);
}

/* ---- colours ------------------------------------------------------------- */

/* Where @value falls on the scale, 0..1. */
static double
scale_position (const Choropleth *c, double value)
{
  double t;

  if (!(value > 0))
    return 0;
  if (c->log_scale)
    t = log (value / c->lo) / log (c->hi / c->lo);
  else
    t = (value - c->lo) / (c->hi - c->lo);
  return CLAMP (t, 0.0, 1.0);
}

/* A single-hue blue ramp: lightness alone carries the value, which every
 * kind of colour vision reads and which prints in grey.  Dark figures
 * run from dim to bright, as their readers expect more to be lighter. */
static void
ramp_color (const AtlasStyle *style, double t, AtlasColor *out)
{
  static const AtlasColor light_lo = { 0.74, 0.83, 0.93, 1 }, light_hi = { 0.03, 0.19, 0.42, 1 };
  static const AtlasColor dark_lo = { 0.16, 0.25, 0.38, 1 }, dark_hi = { 0.78, 0.89, 1.00, 1 };
  const AtlasColor *a = style->dark ? &dark_lo : &light_lo, *b = style->dark ? &dark_hi : &light_hi;

  *out = (AtlasColor) { a->red + (b->red - a->red) * t, a->green + (b->green - a->green) * t,
                        a->blue + (b->blue - a->blue) * t, 1 };
}

static void
no_data_color (const AtlasStyle *style, AtlasColor *out)
{
  double level = style->dark ? 0.45 : 0.70;

  *out = (AtlasColor) { level, level, level, 1 };
}

/* ---- the map ------------------------------------------------------------- */

static void
add_country (AtlasScene *scene, const AtlasMapFrame *frame, cairo_t *cr, const Choropleth *c,
             const Entry *e, gboolean rings, GArray *items, GArray *places)
{
  AtlasItem item = { ATLAS_ITEM_SHARE_PART, c->share->id, e->index };
  const AtlasWorldCountry *country = e->country;
  AtlasShape shape = { 0 };
  AtlasColor fill;
  double x, y, x0, y0, x1, y1;

  ramp_color (scene->style, scale_position (c, e->value), &fill);
  atlas_map_to_figure (frame, country->x, country->y, &x, &y);
  x0 = country->min_x * frame->scale + frame->ox;
  x1 = country->max_x * frame->scale + frame->ox;
  y0 = country->min_y * frame->scale + frame->oy;
  y1 = country->max_y * frame->scale + frame->oy;
  if (!rings && !country->is_point)
    {
      cairo_new_path (cr);
      atlas_map_trace_country (frame, cr, country);
      cairo_path_extents (cr, &x0, &y0, &x1, &y1);
      shape.kind = ATLAS_SHAPE_PATH;
      shape.path = cairo_copy_path (cr);
      shape.bounds = (AtlasRect) { x0, y0, x1 - x0, y1 - y0 };
      shape.item = item;
      shape.hit = TRUE;
      shape.has_fill = TRUE;
      shape.fill = fill;
      shape.hatched = e->estimate;
      shape.has_stroke = TRUE;
      shape.stroke = scene->background;
      shape.line_width = MAX (0.5, frame->scale * 0.002);
      shape.coarse_edges = TRUE;
      atlas_scene_add_shape (scene, &shape);
    }
  if (!rings)
    return;

  /* Too small to point at (Malaysia on a thumbnail, Singapore anywhere):
   * a ring of the minimum target's size marks it and takes the pointer. */
  if (x1 - x0 < frame->min_target && y1 - y0 < frame->min_target)
    {
      AtlasShape ring = { 0 };
      double r = frame->min_target / 2;

      cairo_new_path (cr);
      cairo_arc (cr, x, y, r * 0.6, 0, 2 * G_PI);
      ring.kind = ATLAS_SHAPE_PATH;
      ring.path = cairo_copy_path (cr);
      ring.bounds = (AtlasRect) { x - r, y - r, 2 * r, 2 * r };
      ring.item = item;
      ring.hit = TRUE;
      ring.has_fill = TRUE;
      ring.fill = fill;
      ring.has_stroke = TRUE;
      ring.stroke = scene->style->foreground;
      ring.line_width = MAX (1.0, frame->small_size / 10);
      atlas_scene_add_shape (scene, &ring);
      /* The pointer's target is the whole square around the ring: drawn
       * as nothing, hit as the country. */
      {
        AtlasShape target = { 0 };

        target.kind = ATLAS_SHAPE_RECT;
        target.bounds = ring.bounds;
        target.item = item;
        target.hit = TRUE;
        atlas_scene_add_shape (scene, &target);
      }
    }
  g_array_append_val (items, item);
  g_array_append_vals (places, (double[]) { x, y }, 2);
}

/* ---- the column: legend and lists ---------------------------------------- */

/* A tick's value to two significant digits: "440,000", not "444,972". */
static char *
format_tick (double value)
{
  double magnitude;

  if (!(value > 0))
    return atlas_format_number (value, 0);
  magnitude = pow (10, floor (log10 (value)) - 1);
  value = round (value / magnitude) * magnitude;
  return atlas_format_number (value, MAX (0, MIN (6, atlas_decimals_for_digits (value, 2))));
}

static void
add_legend (AtlasScene *scene, const AtlasMapFrame *frame, const Choropleth *c, double *y)
{
  const AtlasStyle *style = scene->style;
  const char *unit = c->share->unit != NULL ? atlas_unit_label (c->share->unit) : "";
  double bar_h = frame->line * 0.8, step = frame->side.width / LEGEND_STEPS;
  double ticks[3] = { c->lo, 0, c->hi };
  AtlasAlign aligns[3] = { ATLAS_ALIGN_START, ATLAS_ALIGN_CENTER, ATLAS_ALIGN_END };
  double right_edge = frame->side.x;
  AtlasColor swatch;

  atlas_map_add_side_text (scene, frame, y, unit, frame->small_size, TRUE, &style->foreground,
                           ATLAS_ROLE_LEGEND, NULL);
  *y += frame->line * 0.2;
  for (int i = 0; i < LEGEND_STEPS; i++)
    {
      AtlasRect r = { frame->side.x + i * step, *y, step + 0.5, bar_h };

      ramp_color (style, (i + 0.5) / LEGEND_STEPS, &swatch);
      atlas_scene_add_rect (scene, &r, &swatch, NULL);
    }
  *y += bar_h + frame->line * 0.1;

  /* Both ends, and the middle of the scale where it fits between them. */
  ticks[1] = c->log_scale ? sqrt (c->lo * c->hi) : (c->lo + c->hi) / 2;
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *label = format_tick (ticks[i]);
      double x = i == 0 ? frame->side.x : i == 1 ? frame->side.x + frame->side.width / 2
                                                 : frame->side.x + frame->side.width;
      double w, h;

      if (c->hi == c->lo && i > 0)
        break;
      atlas_scene_measure_text (scene, label, frame->small_size, FALSE, 0, &w, &h);
      if (i == 1 && (x - w / 2 < right_edge + frame->small_size ||
                     x + w / 2 > frame->side.x + frame->side.width - frame->side.width / 4))
        continue;
      if (i == 2 && x - w < right_edge + frame->small_size / 2)
        continue;
      atlas_scene_add_text (scene, label, x, *y, frame->small_size, FALSE, aligns[i],
                            &style->muted, NULL)->role = ATLAS_ROLE_LEGEND;
      right_edge = i == 0 ? x + w : i == 1 ? x + w / 2 : x;
    }
  *y += frame->line * 1.3;

  /* The hatched swatch and its words. */
  {
    AtlasRect r = { frame->side.x, *y, frame->line * 1.4, frame->line * 0.9 };
    AtlasShape *box;
    AtlasColor grey;
    double after = *y;

    no_data_color (style, &grey);
    box = atlas_scene_add_rect (scene, &r, &grey, NULL);
    box->hatched = TRUE;
    atlas_scene_add_text (scene, _("No data"), r.x + r.width + frame->small_size * 0.5, *y - frame->line * 0.05,
                          frame->small_size, FALSE, ATLAS_ALIGN_START, &style->muted, NULL)->role = ATLAS_ROLE_LEGEND;
    *y = after + frame->line * 1.5;
  }
}

static char *
entry_label (const Choropleth *c, const Entry *e)
{
  g_autofree char *value = atlas_format_number (e->value, atlas_decimals_for_digits (e->value, 3) > 0 ? 2 : 0);
  double fraction = c->share->total > 0 ? e->value / c->share->total : 0;
  /* "< 0.1 %" rather than a "0 %" that is not zero, as the shares view says. */
  g_autofree char *percent = fraction > 0 && fraction < 0.0005 ? g_strdup ("< 0.1 %") : atlas_format_percent (fraction);
  const char *name = e->name;
  g_autofree char *unknown = NULL;

  if (e->place == ATLAS_MAP_UNKNOWN_CODE)
    /* TRANSLATORS: a region whose ISO code is not on the map: "Atlantis (code XA not on the map)" */
    name = unknown = g_strdup_printf (_("%s (code not on the map)"), e->name);
  /* Percent of the whole only where the unit is not itself a per cent. */
  if (c->share->unit != NULL && g_str_equal (c->share->unit, "%"))
    return g_strdup_printf ("%s%s%s %%", name, atlas_punct_label_separator (), value);
  /* TRANSLATORS: a country's line beside the map: name, separator, value, share of the whole */
  return g_strdup_printf (C_("map list", "%s%s%s (%s)"), name, atlas_punct_label_separator (), value, percent);
}

/* One line of a list: a swatch and the name with its value, ellipsized
 * to the column; FALSE when the column has no room left for it. */
static gboolean
add_list_line (AtlasScene *scene, const AtlasMapFrame *frame, const Choropleth *c, const Entry *e,
               double *y, double bottom)
{
  AtlasItem item = { ATLAS_ITEM_SHARE_PART, c->share->id, e->index };
  double sw = frame->line * 0.8, text_x = frame->side.x + sw + frame->small_size * 0.5;
  g_autofree char *label = entry_label (c, e);
  g_autofree char *fitted = NULL;
  AtlasRect r = { frame->side.x, *y + frame->line * 0.1, sw, sw };
  AtlasColor fill;
  AtlasShape *box, *text;

  if (*y + frame->line > bottom)
    return FALSE;
  fitted = atlas_scene_ellipsize (scene, label, frame->small_size, FALSE,
                                  frame->side.x + frame->side.width - text_x);
  if (fitted == NULL)
    return FALSE;
  if (e->place == ATLAS_MAP_COUNTRY)
    ramp_color (scene->style, scale_position (c, e->value), &fill);
  else
    fill = scene->background;
  box = atlas_scene_add_rect (scene, &r, &fill, &item);
  box->has_stroke = e->place != ATLAS_MAP_COUNTRY;
  box->stroke = scene->style->muted;
  box->line_width = 1;
  box->hatched = e->estimate;
  text = atlas_scene_add_text (scene, fitted, text_x, *y, frame->small_size, FALSE, ATLAS_ALIGN_START,
                               &scene->style->foreground, &item);
  text->role = ATLAS_ROLE_LABEL;
  *y += frame->line * 1.15;
  return TRUE;
}

static void
add_lists (AtlasScene *scene, const AtlasMapFrame *frame, const Choropleth *c, double y)
{
  double bottom = frame->side.y + frame->side.height;
  guint left_out = 0, n_lines = 0;

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean header = FALSE;

      for (guint i = 0; i < c->entries->len; i++)
        {
          const Entry *e = &g_array_index (c->entries, Entry, i);

          if ((pass == 0) != (e->place == ATLAS_MAP_COUNTRY))
            continue;
          if (!header)
            {
              if (y + frame->line * 2.2 > bottom)
                {
                  left_out++;
                  continue;
                }
              if (n_lines > 0)
                y += frame->line * 0.4;
              atlas_map_add_side_text (scene, frame, &y, pass == 0 ? _("Countries") : _("Not on the map"),
                                       frame->small_size, TRUE, &scene->style->foreground,
                                       ATLAS_ROLE_HEADER, NULL);
              header = TRUE;
            }
          /* Keep a line for saying what did not fit. */
          if (!add_list_line (scene, frame, c, e, &y, bottom - (i + 1 < c->entries->len ? frame->line : 0)))
            left_out++;
          else
            n_lines++;
        }
    }
  if (left_out > 0)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more in the table", "%u more in the table", left_out),
                                               left_out);
      if (y + frame->line <= bottom)
        atlas_map_add_side_text (scene, frame, &y, more, frame->small_size, FALSE, &scene->style->muted,
                                 ATLAS_ROLE_NOTE, NULL);
    }
}

/* ---- hover, description, the frame --------------------------------------- */

static void
choropleth_collect_related (const AtlasScene *scene, const AtlasItem *item, GHashTable *set)
{
  g_hash_table_add (set, atlas_item_to_key (item));
}

/* A part's annotation points at the middle of its country. */
static gboolean
choropleth_anchor (const AtlasScene *scene, const AtlasAnnotation *annotation, double *x, double *y)
{
  const AtlasShare *share;

  if (annotation->kind != ATLAS_ANCHOR_PART)
    return FALSE;
  share = atlas_dataset_find_share (scene->dataset, annotation->share);
  for (guint i = 0; share != NULL && i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);

      if (part->region != NULL && g_strcmp0 (part->region->id, annotation->region) == 0)
        return atlas_scene_anchor_at_mark (scene, ATLAS_ITEM_SHARE_PART, share->id, (int) i, x, y);
    }
  return FALSE;
}

static const AtlasSceneClass choropleth_scene_class = {
  "map",
  choropleth_collect_related,
  NULL,
  choropleth_anchor,
};

/* The countries a slide is about stay whole; the rest recede. */
static void
apply_focus (AtlasScene *scene, const AtlasShare *share, const char * const *focus)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (AtlasItem));

  for (guint i = 0; focus != NULL && i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);
      AtlasItem item = { ATLAS_ITEM_SHARE_PART, share->id, (int) i };

      if (part->region != NULL && g_strv_contains (focus, part->region->id))
        g_array_append_val (items, item);
    }
  atlas_scene_set_focus (scene, (const AtlasItem *) (gpointer) items->data, items->len);
}

static char *
share_title (const AtlasShare *share, const char *lang)
{
  return g_strdup_printf ("%s%s%d", atlas_text_get (share->metric, lang), atlas_punct_phrase_separator (),
                          share->year);
}

/* "Map of Mine production, 2024, in t REO: China 270,000 (69 %), ...
 * No data for the other countries. Not on the map: Other 20,000." */
static char *
describe (const Choropleth *c, const char *lang)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = share_title (c->share, lang);
  const char *unit = c->share->unit != NULL ? atlas_unit_label (c->share->unit) : "";

  /* TRANSLATORS: opens the spoken description of the map; %s: what it shows, then its unit */
  g_string_append_printf (text, _("Map of %s, in %s"), title, unit);
  g_string_append (text, atlas_punct_label_separator ());
  for (int pass = 0; pass < 2; pass++)
    {
      gboolean first = TRUE;

      for (guint i = 0; i < c->entries->len; i++)
        {
          const Entry *e = &g_array_index (c->entries, Entry, i);
          g_autofree char *label = NULL;

          if ((pass == 0) != (e->place == ATLAS_MAP_COUNTRY))
            continue;
          if (first && pass == 1)
            {
              atlas_append_sentence (text, _("Not on the map"));
              g_string_append (text, atlas_punct_label_separator ());
            }
          label = entry_label (c, e);
          g_string_append (text, first ? "" : atlas_punct_phrase_separator ());
          g_string_append (text, label);
          first = FALSE;
        }
      if (!first)
        g_string_append (text, atlas_punct_full_stop ());
      if (pass == 0)
        atlas_append_sentence (text, _("Other countries have no data."));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GPtrArray *
collect_sources (AtlasDataset *dataset, const AtlasShare *share)
{
  GPtrArray *sources = g_ptr_array_new ();

  atlas_frame_add_share_cites (sources, dataset, share);
  return sources;
}

AtlasScene *
atlas_map_choropleth_layout (AtlasDataset *dataset, const AtlasChartOptions *options,
                             const AtlasWorld *world, double width, double height,
                             const AtlasStyle *style, GError **error)
{
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GHashTable) drawn = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (AtlasItem));
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(cairo_t) cr = atlas_map_path_context ();
  g_autofree char *title = NULL;
  const AtlasShare *share;
  Choropleth c = { 0 };
  AtlasMapFrame frame;
  AtlasFrameSpec spec = { 0 };
  AtlasColor grey;
  double y;

  share = resolve_share (dataset, requested_share (dataset, options), error);
  if (share == NULL)
    return NULL;
  scene = atlas_scene_new (&choropleth_scene_class, dataset, style, width, height);
  choropleth_init (&c, share, world, scene->style->lang);

  title = share_title (share, scene->style->lang);
  sources = collect_sources (dataset, share);
  spec.title = title;
  spec.headline = options->title;
  spec.subtitle = options->subtitle;
  spec.sources = sources;
  spec.footer_note = atlas_map_attribution ();
  atlas_chart_frame_layout (scene, &spec);
  atlas_map_frame_init (scene, world, &frame);

  for (guint i = 0; i < c.entries->len; i++)
    {
      const Entry *e = &g_array_index (c.entries, Entry, i);
      if (e->place == ATLAS_MAP_COUNTRY)
        g_hash_table_add (drawn, (gpointer) e->country);
    }
  no_data_color (scene->style, &grey);
  atlas_map_add_background (scene, &frame, drawn, TRUE, &grey);
  /* The rings of small countries after every outline, so that no
   * neighbour covers them. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < c.entries->len; i++)
      {
        const Entry *e = &g_array_index (c.entries, Entry, i);
        if (e->place == ATLAS_MAP_COUNTRY)
          add_country (scene, &frame, cr, &c, e, pass == 1, items, places);
      }
  atlas_map_sort_reading_order (items, places, frame.map.height / 6);
  for (guint i = 0; i < items->len; i++)
    atlas_scene_add_item (scene, &g_array_index (items, AtlasItem, i));
  for (guint i = 0; i < c.entries->len; i++)
    {
      const Entry *e = &g_array_index (c.entries, Entry, i);
      AtlasItem item = { ATLAS_ITEM_SHARE_PART, share->id, e->index };

      if (e->place != ATLAS_MAP_COUNTRY)
        atlas_scene_add_item (scene, &item);
    }

  y = frame.side.y;
  add_legend (scene, &frame, &c, &y);
  add_lists (scene, &frame, &c, y);

  scene->description = describe (&c, scene->style->lang);
  apply_focus (scene, share, options->focus);
  if (options->select != NULL)
    {
      for (guint i = 0; i < c.entries->len; i++)
        {
          const Entry *e = &g_array_index (c.entries, Entry, i);
          const AtlasSharePart *part = e->index >= 0 ? g_ptr_array_index (share->parts, e->index) : NULL;

          if (part != NULL && part->region != NULL && g_str_equal (part->region->id, options->select))
            {
              AtlasItem item = { ATLAS_ITEM_SHARE_PART, share->id, e->index };
              atlas_scene_set_selected (scene, &item);
              atlas_scene_set_highlight (scene, &item);
            }
        }
    }
  atlas_chart_add_annotations (scene, dataset, options);
  choropleth_clear (&c);
  return g_steal_pointer (&scene);
}

AtlasTable *
atlas_map_choropleth_table (AtlasDataset *dataset, const AtlasChartOptions *options,
                            const AtlasWorld *world, GError **error)
{
  const AtlasShare *share = resolve_share (dataset, requested_share (dataset, options), error);
  AtlasTable *table;
  Choropleth c = { 0 };

  if (share == NULL)
    return NULL;
  choropleth_init (&c, share, world, options->lang);
  table = atlas_table_new ();
  atlas_table_add_column (table, _("Metric"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Year"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Region"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("ISO code"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("On the map"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Value"), ATLAS_TABLE_COLUMN_NUMBER);
  atlas_table_add_column (table, _("Unit"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Share of whole (%)"), ATLAS_TABLE_COLUMN_PERCENT);
  atlas_table_add_column (table, _("Estimate"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Sources"), ATLAS_TABLE_COLUMN_TEXT);
  for (guint i = 0; i < c.entries->len; i++)
    {
      const Entry *e = &g_array_index (c.entries, Entry, i);
      const AtlasSharePart *part = e->index >= 0 ? g_ptr_array_index (share->parts, e->index) : NULL;
      const char *place = e->place == ATLAS_MAP_COUNTRY ? _("yes")
                          : e->place == ATLAS_MAP_UNKNOWN_CODE ? _("code not on the map")
                          : _("not a country");
      const char *code = e->country != NULL ? e->country->code
                         : part != NULL && part->region != NULL && part->region->iso != NULL ? part->region->iso : "";

      atlas_table_add_row (table,
                           g_strdup (atlas_text_get (share->metric, options->lang)),
                           g_strdup_printf ("%d", share->year),
                           g_strdup (e->name),
                           g_strdup (code),
                           g_strdup (place),
                           atlas_format_plain_number (e->value, part != NULL ? -1 : atlas_decimals_for_digits (share->total, 15)),
                           g_strdup (share->unit != NULL ? atlas_unit_label (share->unit) : ""),
                           atlas_table_format_percent (share->total > 0 ? 100 * e->value / share->total : NAN),
                           g_strdup (e->estimate ? _("yes") : _("no")),
                           atlas_table_format_cite (dataset, part != NULL ? atlas_cite_or (part->cite, share->cite)
                                                                          : (const char * const *) share->cite,
                                                    options->lang),
                           NULL);
    }
  choropleth_clear (&c);
  return table;
}
