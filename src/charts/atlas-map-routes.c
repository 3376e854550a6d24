/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-map-routes.c: a supply chain on the map: arcs between countries as wide as their tonnage, rings for flows within one. */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "atlas-annotations.h"
#include "atlas-chart-frame.h"
#include "atlas-format.h"
#include "atlas-label-placer.h"
#include "atlas-map-private.h"
#include "atlas-scene-text.h"
#include "atlas-units.h"

typedef struct {
  guint                    link;       /* index in the chain */
  const AtlasLink         *l;
  const AtlasWorldCountry *from, *to;  /* NULL when that end is not a country */
} Route;

typedef struct {
  const AtlasChain *chain;
  GArray           *routes;            /* Route, by value, largest first */
  double            max_value;         /* of the routes drawn */
  guint             n_unplaced;
  double            unplaced_value;
  gboolean          any_estimate;      /* among the routes drawn */
} Routes;

static const AtlasChain *
resolve_chain (AtlasDataset *dataset, const char *id, GError **error)
{
  GPtrArray *chains = atlas_dataset_get_chains (dataset);
  const AtlasChain *chain;

  if (id == NULL)
    {
      if (chains->len == 0)
        {
          g_set_error_literal (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_NOTHING,
                               _("The dataset has no supply chains to draw."));
          return NULL;
        }
      return g_ptr_array_index (chains, 0);
    }
  chain = atlas_dataset_find_chain (dataset, id);
  if (chain == NULL)
    g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID,
                 _("Unknown supply chain “%s”"), id);
  return chain;
}

static int
compare_routes (gconstpointer a, gconstpointer b)
{
  const Route *p = a, *q = b;

  return (p->l->value < q->l->value) - (p->l->value > q->l->value);
}

static void
routes_init (Routes *r, const AtlasChain *chain, const AtlasWorld *world)
{
  r->chain = chain;
  r->routes = g_array_new (FALSE, TRUE, sizeof (Route));
  for (guint i = 0; i < chain->links->len; i++)
    {
      const AtlasLink *l = g_ptr_array_index (chain->links, i);
      const AtlasNode *from = g_ptr_array_index (chain->nodes, l->from);
      const AtlasNode *to = g_ptr_array_index (chain->nodes, l->to);
      Route route = { i, l, NULL, NULL };

      atlas_map_match_region (world, from->region, &route.from);
      atlas_map_match_region (world, to->region, &route.to);
      g_array_append_val (r->routes, route);
      if (route.from != NULL && route.to != NULL && l->value > 0)
        {
          r->max_value = MAX (r->max_value, l->value);
          r->any_estimate |= l->estimate;
        }
      else
        {
          r->n_unplaced++;
          r->unplaced_value += l->value;
        }
    }
  g_array_sort (r->routes, compare_routes);
}

static gboolean
route_placed (const Route *route)
{
  return route->from != NULL && route->to != NULL && route->l->value > 0;
}

static char *
node_name (const AtlasChain *chain, guint index, const char *lang)
{
  const AtlasNode *node = g_ptr_array_index (chain->nodes, index);
  const AtlasStage *stage = g_ptr_array_index (chain->stages, node->stage);

  /* TRANSLATORS: a node and its stage, "China (Mining)" (zh: full-width brackets) */
  return g_strdup_printf (C_("node and its stage", "%s (%s)"), atlas_text_get (atlas_node_get_label (node), lang),
                          atlas_text_get (stage->name, lang));
}

static char *
route_label (const Routes *r, const Route *route, const char *lang)
{
  const AtlasNode *from = g_ptr_array_index (r->chain->nodes, route->l->from);
  const AtlasNode *to = g_ptr_array_index (r->chain->nodes, route->l->to);
  g_autofree char *value = atlas_format_number (route->l->value, 0);

  if (route->from != NULL && route->from == route->to)
    /* TRANSLATORS: a flow that stays in one country: "China: mining to refining: 240,000" */
    return g_strdup_printf (_("%s: %s to %s: %s"), atlas_text_get (atlas_node_get_label (from), lang),
                            atlas_text_get (((const AtlasStage *) g_ptr_array_index (r->chain->stages, from->stage))->name, lang),
                            atlas_text_get (((const AtlasStage *) g_ptr_array_index (r->chain->stages, to->stage))->name, lang),
                            value);
  /* TRANSLATORS: a flow between countries, "Myanmar → China: 31,000" */
  return g_strdup_printf (_("%s → %s: %s"), atlas_text_get (atlas_node_get_label (from), lang),
                          atlas_text_get (atlas_node_get_label (to), lang), value);
}

/* ---- drawing ------------------------------------------------------------- */

/* A colour per stage the flow leaves, so that mining's routes read apart
 * from refining's. */
static void
stage_color (const AtlasScene *scene, guint stage, AtlasColor *out)
{
  atlas_style_palette_color (scene->style, stage, out);
}

/* Widths are proportional to tonnage: the largest route is this wide. */
static double
max_width (const AtlasMapFrame *frame)
{
  return CLAMP (frame->map.width * 0.025, 4.0, 80.0);
}

static double
route_width (const AtlasMapFrame *frame, const Routes *r, double value)
{
  return max_width (frame) * value / r->max_value;
}

/* A flow within one country: a ring whose area is proportional to it, as
 * an arc's width is (the widest arc is as wide as the largest ring's
 * radius). */
static double
ring_radius (const AtlasMapFrame *frame, const Routes *r, double value)
{
  return max_width (frame) * 1.2 * sqrt (value / r->max_value);
}

static void
add_route (AtlasScene *scene, const AtlasMapFrame *frame, cairo_t *cr, const Routes *r,
           const Route *route, GArray *items, GArray *places)
{
  const AtlasNode *from = g_ptr_array_index (r->chain->nodes, route->l->from);
  AtlasItem item = { ATLAS_ITEM_LINK, r->chain->id, (int) route->link };
  AtlasShape shape = { 0 };
  double x0, y0, x1, y1, ex0, ey0, ex1, ey1;
  AtlasColor color;

  stage_color (scene, from->stage, &color);
  atlas_map_to_figure (frame, route->from->x, route->from->y, &x0, &y0);
  atlas_map_to_figure (frame, route->to->x, route->to->y, &x1, &y1);
  cairo_new_path (cr);
  shape.kind = ATLAS_SHAPE_PATH;
  shape.item = item;
  shape.hit = TRUE;
  shape.has_stroke = TRUE;
  shape.stroke = color;
  shape.hatched = route->l->estimate;
  if (route->from == route->to)
    {
      double radius = MAX (ring_radius (frame, r, route->l->value), 2.0);

      cairo_arc (cr, x0, y0, radius, 0, 2 * G_PI);
      cairo_close_path (cr);
      shape.has_fill = TRUE;
      shape.fill = color;
      shape.fill.alpha = 0.25;
      shape.line_width = MAX (1.5, frame->small_size / 8);
      shape.dash = route->l->estimate ? shape.line_width * 3 : 0;
    }
  else
    {
      /* A quadratic curve bent to the left of its direction, so the two
       * ways between a pair of countries stay apart, drawn as the cubic
       * cairo takes (control points at two thirds towards the apex). */
      double dx = x1 - x0, dy = y1 - y0, bend = 0.22;
      double cx = (x0 + x1) / 2 + dy * bend, cy = (y0 + y1) / 2 - dx * bend;

      cairo_move_to (cr, x0, y0);
      cairo_curve_to (cr, x0 + 2.0 / 3 * (cx - x0), y0 + 2.0 / 3 * (cy - y0),
                      x1 + 2.0 / 3 * (cx - x1), y1 + 2.0 / 3 * (cy - y1), x1, y1);
      shape.line_width = route_width (frame, r, route->l->value);
      shape.dash = route->l->estimate ? MAX (shape.line_width * 2, 8.0) : 0;
    }
  cairo_path_extents (cr, &ex0, &ey0, &ex1, &ey1);
  shape.bounds = (AtlasRect) { ex0 - shape.line_width / 2, ey0 - shape.line_width / 2,
                               ex1 - ex0 + shape.line_width, ey1 - ey0 + shape.line_width };
  shape.path = cairo_copy_path (cr);
  /* An estimate is dashed rather than hatched: a line has no area to hatch. */
  shape.hatched = FALSE;
  atlas_scene_add_shape (scene, &shape);

  if (route->from != route->to)
    {
      /* An arrowhead at the curve's middle, along its tangent there (the
       * tangent of the quadratic at its middle is parallel to the chord). */
      double len = hypot (x1 - x0, y1 - y0), ux = (x1 - x0) / MAX (len, 1e-9), uy = (y1 - y0) / MAX (len, 1e-9);
      double mx = (x0 + x1) / 2 + (y1 - y0) * 0.11, my = (y0 + y1) / 2 - (x1 - x0) * 0.11;
      double size = MAX (shape.line_width * 1.6, frame->small_size * 0.7);
      AtlasShape head = { 0 };

      cairo_new_path (cr);
      cairo_move_to (cr, mx + ux * size * 0.6, my + uy * size * 0.6);
      cairo_line_to (cr, mx - ux * size * 0.4 - uy * size * 0.5, my - uy * size * 0.4 + ux * size * 0.5);
      cairo_line_to (cr, mx - ux * size * 0.4 + uy * size * 0.5, my - uy * size * 0.4 - ux * size * 0.5);
      cairo_close_path (cr);
      head.kind = ATLAS_SHAPE_PATH;
      head.path = cairo_copy_path (cr);
      head.bounds = (AtlasRect) { mx - size, my - size, 2 * size, 2 * size };
      head.item = item;
      head.hit = TRUE;
      head.has_fill = TRUE;
      head.fill = color;
      head.has_stroke = TRUE;
      head.stroke = scene->background;
      head.line_width = 1;
      atlas_scene_add_shape (scene, &head);
    }
  g_array_append_val (items, item);
  g_array_append_vals (places, (double[]) { x0, y0 }, 2);
}

/* The largest ring drawn at @country, 0 for none. */
static double
country_ring_radius (const AtlasMapFrame *frame, const Routes *r, const AtlasWorldCountry *country)
{
  double radius = 0;

  for (guint i = 0; i < r->routes->len; i++)
    {
      const Route *route = &g_array_index (r->routes, Route, i);
      if (route_placed (route) && route->from == country && route->to == country)
        radius = MAX (radius, MAX (ring_radius (frame, r, route->l->value), 2.0));
    }
  return radius;
}

/* The names of the countries on the routes, beside their place (and
 * clear of its ring), where they overlap no other name. */
static void
add_country_labels (AtlasScene *scene, const AtlasMapFrame *frame, const Routes *r)
{
  g_autoptr(AtlasLabelPlacer) placer = atlas_label_placer_new (&frame->map);
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
  const char *lang = scene->style->lang;

  for (guint i = 0; i < r->routes->len; i++)
    {
      const Route *route = &g_array_index (r->routes, Route, i);
      const AtlasWorldCountry *ends[2] = { route->from, route->to };

      if (!route_placed (route))
        continue;
      for (int e = 0; e < 2; e++)
        {
          const AtlasWorldCountry *country = ends[e];
          const AtlasNode *node = g_ptr_array_index (r->chain->nodes, e == 0 ? route->l->from : route->l->to);
          const char *name = atlas_text_get (node->region->name, lang);
          double x, y, w, h, gap = frame->small_size * 0.6 + country_ring_radius (frame, r, country);

          if (g_hash_table_contains (done, country))
            continue;
          g_hash_table_add (done, (gpointer) country);
          atlas_map_to_figure (frame, country->x, country->y, &x, &y);
          atlas_scene_measure_text (scene, name, frame->small_size, TRUE, 0, &w, &h);
          {
            AtlasRect tries[] = {
              { x - w / 2, y + gap, w, h }, { x - w / 2, y - gap - h, w, h },
              { x + gap, y - h / 2, w, h }, { x - gap - w, y - h / 2, w, h },
            };
            for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
              if (atlas_label_placer_try (placer, &tries[t]))
                {
                  atlas_scene_add_text (scene, name, tries[t].x, tries[t].y, frame->small_size, TRUE,
                                        ATLAS_ALIGN_START, &scene->style->foreground, NULL)->role = ATLAS_ROLE_LABEL;
                  break;
                }
          }
        }
    }
}

static void
add_side (AtlasScene *scene, const AtlasMapFrame *frame, const Routes *r)
{
  const AtlasStyle *style = scene->style;
  const char *lang = style->lang;
  double y = frame->side.y, bottom = frame->side.y + frame->side.height;
  g_autofree char *unit_line = NULL;
  g_autofree char *max_label = atlas_format_number (r->max_value, 0);
  AtlasColor color;
  guint shown = 0, placed = 0;

  /* TRANSLATORS: heading of the map's legend of routes; %s is the unit, "t REO" */
  unit_line = g_strdup_printf (_("Line width: %s"), r->chain->unit != NULL ? atlas_unit_label (r->chain->unit) : "");
  atlas_map_add_side_text (scene, frame, &y, unit_line, frame->small_size, TRUE, &style->foreground,
                           ATLAS_ROLE_LEGEND, NULL);
  /* The widest line, as a key to the others' widths. */
  {
    double band = MAX (frame->line, max_width (frame));
    AtlasRect bar = { frame->side.x, y + frame->line * 0.2 + (band - max_width (frame)) / 2,
                      MIN (frame->side.width * 0.3, frame->line * 3), max_width (frame) };

    atlas_scene_add_rect (scene, &bar, &style->muted, NULL);
    atlas_scene_add_text (scene, max_label, bar.x + bar.width + frame->small_size * 0.5,
                          y + frame->line * 0.2 + (band - frame->line) / 2, frame->small_size,
                          FALSE, ATLAS_ALIGN_START, &style->muted, NULL)->role = ATLAS_ROLE_LEGEND;
    y += band + frame->line * 0.5;
  }
  atlas_map_add_side_text (scene, frame, &y, _("A ring: a flow within one country, its area as the tonnage."),
                           frame->small_size, FALSE, &style->muted, ATLAS_ROLE_LEGEND, NULL);
  y += frame->line * 0.3;
  for (guint s = 0; s + 1 < r->chain->stages->len && y + frame->line <= bottom; s++)
    {
      const AtlasStage *stage = g_ptr_array_index (r->chain->stages, s);
      AtlasRect sw = { frame->side.x, y + frame->line * 0.35, frame->line * 1.4, frame->line * 0.3 };
      double text_x = sw.x + sw.width + frame->small_size * 0.5;
      g_autofree char *fitted = NULL;
      gboolean used = FALSE;

      for (guint i = 0; i < r->routes->len; i++)
        {
          const Route *route = &g_array_index (r->routes, Route, i);
          const AtlasNode *from = g_ptr_array_index (r->chain->nodes, route->l->from);
          used |= route_placed (route) && from->stage == s;
        }
      if (!used)
        continue;
      fitted = atlas_scene_ellipsize (scene, atlas_text_get (stage->name, lang), frame->small_size, FALSE,
                                      frame->side.x + frame->side.width - text_x);
      if (fitted == NULL)
        continue;
      stage_color (scene, s, &color);
      atlas_scene_add_rect (scene, &sw, &color, NULL);
      atlas_scene_add_text (scene, fitted, text_x, y, frame->small_size, FALSE, ATLAS_ALIGN_START,
                            &style->foreground, NULL)->role = ATLAS_ROLE_LEGEND;
      y += frame->line * 1.1;
    }
  if (r->any_estimate)
    atlas_map_add_side_text (scene, frame, &y, _("Dashed: an estimate."), frame->small_size, FALSE,
                             &style->muted, ATLAS_ROLE_LEGEND, NULL);
  y += frame->line * 0.4;

  /* The routes by size, as many as fit, then what is not on the map. */
  if (y + frame->line * 2 <= bottom)
    atlas_map_add_side_text (scene, frame, &y, _("Routes"), frame->small_size, TRUE, &style->foreground,
                             ATLAS_ROLE_HEADER, NULL);
  for (guint i = 0; i < r->routes->len; i++)
    {
      const Route *route = &g_array_index (r->routes, Route, i);
      AtlasItem item = { ATLAS_ITEM_LINK, r->chain->id, (int) route->link };
      g_autofree char *label = NULL, *fitted = NULL;

      if (!route_placed (route))
        continue;
      placed++;
      if (y + frame->line * 2.2 > bottom)
        continue;
      label = route_label (r, route, lang);
      fitted = atlas_scene_ellipsize (scene, label, frame->small_size, FALSE, frame->side.width);
      if (fitted == NULL)
        continue;
      atlas_scene_add_text (scene, fitted, frame->side.x, y, frame->small_size, FALSE, ATLAS_ALIGN_START,
                            &style->foreground, &item)->role = ATLAS_ROLE_LABEL;
      y += frame->line * 1.1;
      shown++;
    }
  if (shown < placed && y + frame->line <= bottom)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more in the table", "%u more in the table",
                                                         placed - shown), placed - shown);
      atlas_map_add_side_text (scene, frame, &y, more, frame->small_size, FALSE, &style->muted,
                               ATLAS_ROLE_NOTE, NULL);
    }
  if (r->n_unplaced > 0 && y + frame->line * 2 <= bottom)
    {
      g_autofree char *value = atlas_format_number (r->unplaced_value, 0);
      g_autofree char *note = g_strdup_printf (ngettext ("Not on the map: %u flow with an end that is not a country (%s), in the table.",
                                                         "Not on the map: %u flows with an end that is not a country (%s), in the table.",
                                                         r->n_unplaced),
                                               r->n_unplaced, value);
      y += frame->line * 0.3;
      atlas_map_add_side_text (scene, frame, &y, note, frame->small_size, FALSE, &style->muted,
                               ATLAS_ROLE_NOTE, NULL);
    }
}

/* ---- hover, description -------------------------------------------------- */

/* A route is related to its two nodes, and so to every route through them. */
static void
routes_collect_related (const AtlasScene *scene, const AtlasItem *item, GHashTable *set)
{
  const AtlasChain *chain = atlas_dataset_find_chain (scene->dataset, item->id);

  g_hash_table_add (set, atlas_item_to_key (item));
  if (chain == NULL || item->kind != ATLAS_ITEM_LINK || item->index < 0 || (guint) item->index >= chain->links->len)
    return;
  {
    const AtlasLink *l = g_ptr_array_index (chain->links, item->index);
    for (int e = 0; e < 2; e++)
      {
        guint index = e == 0 ? l->from : l->to;
        const AtlasNode *node = g_ptr_array_index (chain->nodes, index);
        AtlasItem n = { ATLAS_ITEM_NODE, node->id, (int) index };
        g_hash_table_add (set, atlas_item_to_key (&n));
      }
  }
}

/* A node's annotation points at the middle of the routes through it. */
static gboolean
routes_anchor (const AtlasScene *scene, const AtlasAnnotation *annotation, double *x, double *y)
{
  return annotation->kind == ATLAS_ANCHOR_NODE &&
         atlas_scene_anchor_at_mark (scene, ATLAS_ITEM_NODE, annotation->node, -1, x, y);
}

static const AtlasSceneClass routes_scene_class = {
  "map",
  routes_collect_related,
  NULL,
  routes_anchor,
};

/* The routes through a focused node or region stay whole. */
static void
apply_focus (AtlasScene *scene, const AtlasChain *chain, const char * const *focus)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (AtlasItem));

  for (guint l = 0; focus != NULL && l < chain->links->len; l++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, l);
      AtlasItem item = { ATLAS_ITEM_LINK, chain->id, (int) l };

      for (int e = 0; e < 2; e++)
        {
          const AtlasNode *node = g_ptr_array_index (chain->nodes, e == 0 ? link->from : link->to);

          if ((node->id != NULL && g_strv_contains (focus, node->id)) ||
              (node->region != NULL && g_strv_contains (focus, node->region->id)))
            {
              g_array_append_val (items, item);
              break;
            }
        }
    }
  atlas_scene_set_focus (scene, (const AtlasItem *) (gpointer) items->data, items->len);
}

static char *
describe (const Routes *r, const char *lang)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean first = TRUE;

  /* TRANSLATORS: opens the spoken description of the map of routes; %s: the chain's title, then its unit */
  g_string_append_printf (text, _("Map of the routes of %s, in %s"), atlas_text_get (r->chain->title, lang),
                          r->chain->unit != NULL ? atlas_unit_label (r->chain->unit) : "");
  g_string_append (text, atlas_punct_label_separator ());
  for (guint i = 0; i < r->routes->len; i++)
    {
      const Route *route = &g_array_index (r->routes, Route, i);
      g_autofree char *label = NULL;

      if (!route_placed (route))
        continue;
      label = route_label (r, route, lang);
      g_string_append (text, first ? "" : atlas_punct_list_separator ());
      g_string_append (text, label);
      first = FALSE;
    }
  g_string_append (text, atlas_punct_full_stop ());
  if (r->n_unplaced > 0)
    {
      g_autofree char *value = atlas_format_number (r->unplaced_value, 0);
      g_autofree char *note = g_strdup_printf (ngettext ("Not on the map: %u flow with an end that is not a country (%s), in the table.",
                                                         "Not on the map: %u flows with an end that is not a country (%s), in the table.",
                                                         r->n_unplaced),
                                               r->n_unplaced, value);
      atlas_append_sentence (text, note);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GPtrArray *
collect_sources (AtlasDataset *dataset, const AtlasChain *chain)
{
  GPtrArray *sources = g_ptr_array_new ();

  atlas_frame_add_chain_cites (sources, dataset, chain);
  return sources;
}

AtlasScene *
atlas_map_routes_layout (AtlasDataset *dataset, const AtlasChartOptions *options,
                         const AtlasWorld *world, double width, double height,
                         const AtlasStyle *style, GError **error)
{
  g_autoptr(AtlasScene) scene = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GHashTable) drawn = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (AtlasItem));
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(cairo_t) cr = atlas_map_path_context ();
  const AtlasChain *chain = resolve_chain (dataset, options->chain, error);
  Routes r = { 0 };
  AtlasMapFrame frame;
  AtlasFrameSpec spec = { 0 };
  AtlasColor land;

  if (chain == NULL)
    return NULL;
  scene = atlas_scene_new (&routes_scene_class, dataset, style, width, height);
  routes_init (&r, chain, world);
  if (r.max_value == 0)
    r.max_value = 1;

  sources = collect_sources (dataset, chain);
  spec.title = atlas_text_get (chain->title, scene->style->lang);
  spec.headline = options->title;
  spec.subtitle = options->subtitle;
  spec.sources = sources;
  spec.footer_note = atlas_map_attribution ();
  atlas_chart_frame_layout (scene, &spec);
  atlas_map_frame_init (scene, world, &frame);

  /* The land is a quiet ground for the routes: no country carries a
   * value of its own here. */
  land = scene->style->dark ? (AtlasColor) { 0.25, 0.27, 0.30, 1 } : (AtlasColor) { 0.88, 0.89, 0.90, 1 };
  atlas_map_add_background (scene, &frame, drawn, FALSE, &land);

  /* Largest first, so the thin routes lie on top and stay visible. */
  for (guint i = 0; i < r.routes->len; i++)
    {
      const Route *route = &g_array_index (r.routes, Route, i);
      if (route_placed (route))
        add_route (scene, &frame, cr, &r, route, items, places);
    }
  add_country_labels (scene, &frame, &r);
  atlas_map_sort_reading_order (items, places, frame.map.height / 6);
  for (guint i = 0; i < items->len; i++)
    atlas_scene_add_item (scene, &g_array_index (items, AtlasItem, i));
  add_side (scene, &frame, &r);

  scene->description = describe (&r, scene->style->lang);
  apply_focus (scene, chain, options->focus);
  atlas_chart_add_annotations (scene, dataset, options);
  g_array_unref (r.routes);
  return g_steal_pointer (&scene);
}

AtlasTable *
atlas_map_routes_table (AtlasDataset *dataset, const AtlasChartOptions *options,
                        const AtlasWorld *world, GError **error)
{
  const AtlasChain *chain = resolve_chain (dataset, options->chain, error);
  AtlasTable *table;
  Routes r = { 0 };

  if (chain == NULL)
    return NULL;
  routes_init (&r, chain, world);
  table = atlas_table_new ();
  atlas_table_add_column (table, _("From"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("From (ISO code)"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("To"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("To (ISO code)"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("On the map"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Value"), ATLAS_TABLE_COLUMN_NUMBER);
  atlas_table_add_column (table, _("Unit"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Estimate"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Sources"), ATLAS_TABLE_COLUMN_TEXT);
  for (guint i = 0; i < r.routes->len; i++)
    {
      const Route *route = &g_array_index (r.routes, Route, i);
      const char *place = !route_placed (route) ? _("no: an end is not a country")
                          : route->from == route->to ? _("ring: within one country") : _("arc");

      atlas_table_add_row (table,
                           node_name (chain, route->l->from, options->lang),
                           g_strdup (route->from != NULL ? route->from->code : ""),
                           node_name (chain, route->l->to, options->lang),
                           g_strdup (route->to != NULL ? route->to->code : ""),
                           g_strdup (place),
                           atlas_format_plain_number (route->l->value, -1),
                           g_strdup (chain->unit != NULL ? atlas_unit_label (chain->unit) : ""),
                           g_strdup (route->l->estimate ? _("yes") : _("no")),
                           atlas_table_format_cite (dataset, atlas_cite_or (route->l->cite, chain->cite), options->lang),
                           NULL);
    }
  g_array_unref (r.routes);
  return table;
}
