/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-map-chart.c: the Map view: countries on an Equal Earth map, coloured by a share or joined by a chain's routes. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "atlas-map-private.h"
#include "atlas-scene-private.h"
#include "atlas-scene-text.h"

/* ---- regions to countries ------------------------------------------------ */

/* Two-letter codes ISO reserves for what is not a country: a region with
 * such an id (the European Union) is listed, not reported unknown. */
static const char * const not_country_codes[] = { "EU", "EZ", "UN", NULL };

static gboolean
looks_like_code (const char *id)
{
  return id != NULL && strlen (id) == 2 && g_ascii_isupper (id[0]) && g_ascii_isupper (id[1]);
}

AtlasMapPlace
atlas_map_match_region (const AtlasWorld *world, const AtlasRegion *region, const AtlasWorldCountry **out)
{
  const char *code;

  *out = NULL;
  if (region == NULL)
    return ATLAS_MAP_NOT_COUNTRY;
  code = region->iso != NULL ? region->iso : region->id;
  /* An id is a code only as ISO writes it, in capitals: "na" is a
   * dataset's "not reported", not Namibia. */
  if (region->iso == NULL && !looks_like_code (code))
    return ATLAS_MAP_NOT_COUNTRY;
  if (g_strv_contains (not_country_codes, code))
    return ATLAS_MAP_NOT_COUNTRY;
  *out = atlas_world_find (world, code);
  if (*out != NULL)
    return ATLAS_MAP_COUNTRY;
  /* A code the dataset gave on purpose, or an id shaped like one, is a
   * country the map lacks: said so, not passed over as "not a country". */
  return region->iso != NULL || looks_like_code (region->id) ? ATLAS_MAP_UNKNOWN_CODE : ATLAS_MAP_NOT_COUNTRY;
}

const char *
atlas_map_attribution (void)
{
  return _("Map: Natural Earth (public domain), Equal Earth projection: areas are true to scale.");
}

/* ---- where the map goes -------------------------------------------------- */

void
atlas_map_frame_init (AtlasScene *scene, const AtlasWorld *world, AtlasMapFrame *frame)
{
  const AtlasRect *plot = &scene->plot;
  double world_w = world->max_x - world->min_x, world_h = world->max_y - world->min_y;
  double gap, side_w, room_w, room_h, lh;

  frame->world = world;
  frame->label_size = atlas_scene_font_size (scene, ATLAS_FONT_LABEL);
  frame->small_size = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  atlas_scene_measure_text (scene, "Ag", frame->small_size, FALSE, 0, NULL, &lh);
  frame->line = lh;
  /* A fingertip's width at the figure's scale, and never less than a
   * mouse can hit on a 640 px thumbnail. */
  frame->min_target = MAX (14.0, frame->label_size * 1.2);

  gap = frame->label_size;
  /* On a page taller than wide (A4 portrait, a phone) a column beside
   * the map would leave it a postage stamp: the lists go under it. */
  if (plot->width < plot->height * 1.3)
    {
      frame->scale = MIN (plot->width / world_w, plot->height * 0.6 / world_h);
      frame->map = (AtlasRect) { plot->x + (plot->width - world_w * frame->scale) / 2, plot->y,
                                 world_w * frame->scale, world_h * frame->scale };
      frame->ox = frame->map.x - world->min_x * frame->scale;
      frame->oy = frame->map.y - world->min_y * frame->scale;
      frame->side = (AtlasRect) { plot->x, frame->map.y + frame->map.height + gap,
                                  MIN (plot->width, 30 * frame->label_size), 0 };
      frame->side.height = plot->y + plot->height - frame->side.y;
      return;
    }
  /* The column takes what its longest lines need, up to a third. */
  side_w = CLAMP (plot->width * 0.26, MIN (150.0, plot->width * 0.4), plot->width * 0.34);
  room_w = plot->width - side_w - gap;
  room_h = plot->height;
  frame->scale = MIN (room_w / world_w, room_h / world_h);
  frame->map.width = world_w * frame->scale;
  frame->map.height = world_h * frame->scale;
  frame->map.x = plot->x;
  frame->map.y = plot->y + (room_h - frame->map.height) / 2;
  frame->ox = frame->map.x - world->min_x * frame->scale;
  frame->oy = frame->map.y - world->min_y * frame->scale;
  /* The column starts where the map ends: the map keeps its shape, and
   * what it leaves over goes to the lists. */
  frame->side = (AtlasRect) { frame->map.x + frame->map.width + gap, plot->y,
                              plot->x + plot->width - (frame->map.x + frame->map.width + gap), plot->height };
}

void
atlas_map_to_figure (const AtlasMapFrame *frame, double x, double y, double *fx, double *fy)
{
  *fx = frame->ox + frame->scale * x;
  *fy = frame->oy + frame->scale * y;
}

cairo_t *
atlas_map_path_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

void
atlas_map_trace_country (const AtlasMapFrame *frame, cairo_t *cr, const AtlasWorldCountry *country)
{
  const AtlasWorld *world = frame->world;

  for (guint r = 0; r < country->n_rings; r++)
    {
      const AtlasWorldRing *ring = &g_array_index (world->rings, AtlasWorldRing, country->first_ring + r);
      const double *p = &g_array_index (world->points, double, 2 * ring->first);

      double lx = frame->ox + frame->scale * p[0], ly = frame->oy + frame->scale * p[1];

      cairo_move_to (cr, lx, ly);
      /* Points closer than a pixel to the last one drawn change nothing
       * a reader sees, and cost the rasteriser as much as any. */
      for (guint i = 1; i < ring->n; i++)
        {
          double x = frame->ox + frame->scale * p[2 * i], y = frame->oy + frame->scale * p[2 * i + 1];

          if (fabs (x - lx) + fabs (y - ly) < 0.8 && i + 1 < ring->n)
            continue;
          cairo_line_to (cr, x, y);
          lx = x;
          ly = y;
        }
      cairo_close_path (cr);
    }
}

/* The hatching of the land without data, as lines cut where they leave
 * it: x + y = c every step, crossed with every edge of every ring.
 * Filling the land with the scene's hatch pattern would sample the
 * pattern over every pixel of the map's box, which at full HD took
 * longer than the rest of the figure; a few hundred short lines cost
 * little to stroke, and a vector file keeps them as lines. */
static void
trace_hatching (const AtlasMapFrame *frame, cairo_t *cr, GPtrArray *countries, double step,
                double line_width, double c0, double c1)
{
  double half = line_width / 2 / G_SQRT2;
  guint n_lines = (guint) ceil ((c1 - c0) / step) + 1;
  g_autoptr(GPtrArray) crossings = g_ptr_array_new_full (n_lines, (GDestroyNotify) g_array_unref);
  const AtlasWorld *world = frame->world;

  for (guint k = 0; k < n_lines; k++)
    g_ptr_array_add (crossings, g_array_new (FALSE, FALSE, sizeof (double)));
  for (guint i = 0; i < countries->len; i++)
    {
      const AtlasWorldCountry *country = g_ptr_array_index (countries, i);

      for (guint r = 0; r < country->n_rings; r++)
        {
          const AtlasWorldRing *ring = &g_array_index (world->rings, AtlasWorldRing, country->first_ring + r);
          const double *p = &g_array_index (world->points, double, 2 * ring->first);

          for (guint e = 0; e < ring->n; e++)
            {
              guint f = (e + 1) % ring->n;
              double x0 = frame->ox + frame->scale * p[2 * e], y0 = frame->oy + frame->scale * p[2 * e + 1];
              double x1 = frame->ox + frame->scale * p[2 * f], y1 = frame->oy + frame->scale * p[2 * f + 1];
              double s0 = x0 + y0, s1 = x1 + y1, lo = MIN (s0, s1), hi = MAX (s0, s1);
              /* Lines with lo <= c < hi: each crossing counted once where
               * two edges meet at a vertex. */
              for (double k = ceil ((lo - c0) / step); k < n_lines && c0 + k * step < hi; k++)
                {
                  double c = c0 + k * step, t, x;

                  if (k < 0 || c < lo)
                    continue;
                  t = (c - s0) / (s1 - s0);
                  x = x0 + t * (x1 - x0);
                  g_array_append_val (g_ptr_array_index (crossings, (guint) k), x);
                }
            }
        }
    }
  /* Inside between the first and second crossing, the third and fourth,
   * and so on (even-odd, as the land is filled); where two countries
   * share a border, its two crossings close one stretch and open the
   * next at the same place. */
  for (guint k = 0; k < n_lines; k++)
    {
      GArray *xs = g_ptr_array_index (crossings, k);
      double c = c0 + k * step;

      g_array_sort (xs, (GCompareFunc) atlas_map_compare_doubles);
      for (guint i = 0; i + 1 < xs->len; i += 2)
        {
          double xa = g_array_index (xs, double, i), xb = g_array_index (xs, double, i + 1);

          if (xb - xa < 0.5)
            continue;
          /* Each line as a thin parallelogram to fill: cairo fills
           * faster than it strokes. */
          cairo_move_to (cr, xa - half, c - xa - half);
          cairo_line_to (cr, xb - half, c - xb - half);
          cairo_line_to (cr, xb + half, c - xb + half);
          cairo_line_to (cr, xa + half, c - xa + half);
          cairo_close_path (cr);
        }
    }
}

int
atlas_map_compare_doubles (const double *a, const double *b)
{
  return (*a > *b) - (*a < *b);
}

void
atlas_map_add_background (AtlasScene *scene, const AtlasMapFrame *frame,
                          GHashTable *drawn, gboolean hatched, const AtlasColor *fill)
{
  g_autoptr(cairo_t) cr = atlas_map_path_context ();
  g_autoptr(GPtrArray) countries = g_ptr_array_new ();
  AtlasShape shape = { 0 };
  AtlasHatch hatch;
  double x0, y0, x1, y1;

  /* One shape for all of them, filled without borders: stroking 170
   * outlines of the whole world cost more than all else the map draws,
   * and the land without data needs no borders to be read. */
  atlas_scene_get_hatch (scene, &hatch);
  cairo_new_path (cr);
  for (guint i = 0; i < frame->world->countries->len; i++)
    {
      const AtlasWorldCountry *country = g_ptr_array_index (frame->world->countries, i);

      if (!g_hash_table_contains (drawn, country) && !country->is_point)
        {
          atlas_map_trace_country (frame, cr, country);
          g_ptr_array_add (countries, (gpointer) country);
        }
    }
  cairo_path_extents (cr, &x0, &y0, &x1, &y1);
  shape.kind = ATLAS_SHAPE_PATH;
  shape.path = cairo_copy_path (cr);
  shape.bounds = (AtlasRect) { x0, y0, x1 - x0, y1 - y0 };
  shape.has_fill = TRUE;
  shape.fill = *fill;
  shape.coarse_edges = TRUE;
  if (hatched)
    shape.fill.alpha *= hatch.fill_alpha;
  atlas_scene_add_shape (scene, &shape);
  if (!hatched || countries->len == 0)
    return;

  {
    AtlasShape lines = { 0 };

    cairo_new_path (cr);
    trace_hatching (frame, cr, countries, hatch.step, hatch.line_width,
                    floor ((x0 + y0) / hatch.step) * hatch.step, x1 + y1);
    lines.kind = ATLAS_SHAPE_PATH;
    lines.path = cairo_copy_path (cr);
    lines.bounds = shape.bounds;
    lines.has_fill = TRUE;
    lines.fill = *fill;
    lines.coarse_edges = TRUE;
    atlas_scene_add_shape (scene, &lines);
  }
}

AtlasShape *
atlas_map_add_side_text (AtlasScene *scene, const AtlasMapFrame *frame, double *y,
                         const char *text, double size, gboolean bold,
                         const AtlasColor *color, AtlasTextRole role, const AtlasItem *item)
{
  AtlasShape *shape = atlas_scene_add_wrapped_text (scene, text, frame->side.x, *y, frame->side.width,
                                                    size, bold, color);

  shape->role = role;
  if (item != NULL && item->kind != ATLAS_ITEM_NONE)
    {
      shape->item = *item;
      shape->hit = TRUE;
    }
  *y += shape->bounds.height;
  return shape;
}

typedef struct {
  AtlasItem item;
  double    x, y;
  double    band;
} Placed;

static int
compare_placed (gconstpointer a, gconstpointer b)
{
  const Placed *p = a, *q = b;
  double band_p = floor (p->y / p->band), band_q = floor (q->y / q->band);

  if (band_p != band_q)
    return band_p < band_q ? -1 : 1;
  return (p->x > q->x) - (p->x < q->x);
}

void
atlas_map_sort_reading_order (GArray *items, GArray *places, double band)
{
  g_autoptr(GArray) placed = g_array_sized_new (FALSE, FALSE, sizeof (Placed), items->len);

  for (guint i = 0; i < items->len; i++)
    {
      const double *xy = &g_array_index (places, double, 2 * i);
      Placed p = { g_array_index (items, AtlasItem, i), xy[0], xy[1], MAX (band, 1.0) };

      g_array_append_val (placed, p);
    }
  g_array_sort (placed, compare_placed);
  for (guint i = 0; i < items->len; i++)
    g_array_index (items, AtlasItem, i) = g_array_index (placed, Placed, i).item;
}

/* ---- entry points -------------------------------------------------------- */

/* The choropleth unless a chain is asked for without a share: a group (or
 * a share's id) colours the countries, a chain draws its routes. */
static gboolean
wants_routes (const AtlasChartOptions *options, AtlasDataset *dataset)
{
  if (options->group != NULL)
    return FALSE;
  if (options->chain != NULL)
    return TRUE;
  return atlas_dataset_get_share_groups (dataset)[0] == NULL && atlas_dataset_get_chains (dataset)->len > 0;
}

AtlasScene *
atlas_map_chart_layout (AtlasDataset *dataset, const AtlasChartOptions *options,
                        double width, double height, const AtlasStyle *style, GError **error)
{
  const AtlasWorld *world = atlas_world_get_default (error);

  if (world == NULL)
    return NULL;
  if (wants_routes (options, dataset))
    return atlas_map_routes_layout (dataset, options, world, width, height, style, error);
  return atlas_map_choropleth_layout (dataset, options, world, width, height, style, error);
}

AtlasTable *
atlas_map_chart_table (AtlasDataset *dataset, const AtlasChartOptions *options, GError **error)
{
  const AtlasWorld *world = atlas_world_get_default (error);

  if (world == NULL)
    return NULL;
  if (wants_routes (options, dataset))
    return atlas_map_routes_table (dataset, options, world, error);
  return atlas_map_choropleth_table (dataset, options, world, error);
}
