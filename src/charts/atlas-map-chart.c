/* atlas-map-chart.c: the Map view: countries on an Equal Earth map, coloured by a share or joined by a chain's routes. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "atlas-map-private.h"

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

  /* The column takes what its longest lines need, up to a third. */
  gap = frame->label_size;
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

      cairo_move_to (cr, frame->ox + frame->scale * p[0], frame->oy + frame->scale * p[1]);
      for (guint i = 1; i < ring->n; i++)
        cairo_line_to (cr, frame->ox + frame->scale * p[2 * i], frame->oy + frame->scale * p[2 * i + 1]);
      cairo_close_path (cr);
    }
}

void
atlas_map_add_background (AtlasScene *scene, const AtlasMapFrame *frame,
                          GHashTable *drawn, gboolean hatched, const AtlasColor *fill)
{
  g_autoptr(cairo_t) cr = atlas_map_path_context ();
  AtlasShape shape = { 0 };
  double x0, y0, x1, y1;

  /* One shape for all of them: one hatching pass instead of 170, and one
   * stroke for the borders. */
  cairo_new_path (cr);
  for (guint i = 0; i < frame->world->countries->len; i++)
    {
      const AtlasWorldCountry *country = g_ptr_array_index (frame->world->countries, i);

      if (!g_hash_table_contains (drawn, country))
        atlas_map_trace_country (frame, cr, country);
    }
  cairo_path_extents (cr, &x0, &y0, &x1, &y1);
  shape.kind = ATLAS_SHAPE_PATH;
  shape.path = cairo_copy_path (cr);
  shape.bounds = (AtlasRect) { x0, y0, x1 - x0, y1 - y0 };
  shape.has_fill = TRUE;
  shape.fill = *fill;
  shape.hatched = hatched;
  shape.has_stroke = TRUE;
  shape.stroke = scene->background;
  shape.line_width = MAX (0.5, frame->scale * 0.002);
  atlas_scene_add_shape (scene, &shape);
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
