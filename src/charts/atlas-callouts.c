/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-callouts.c: places callouts over a finished figure, testing each candidate place against what is drawn. */
#include <math.h>

#include "atlas-callouts.h"
#include "atlas-scene-text.h"
#include "atlas-scene-private.h"

G_LOCK_DEFINE_STATIC (fill_test);

static gboolean
same_item (const AtlasItem *a, const AtlasItem *b)
{
  return a != NULL && b != NULL && a->kind != ATLAS_ITEM_NONE && a->kind == b->kind &&
         g_strcmp0 (a->id, b->id) == 0;
}

static gboolean
segment_meets_box (double x0, double y0, double x1, double y1, const AtlasRect *box)
{
  /* Liang-Barsky clipping: does any part of the segment lie in the box? */
  double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - box->x, box->x + box->width - x0, y0 - box->y, box->y + box->height - y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      double r = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, r);
      else
        t1 = MIN (t1, r);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

/* A stroked path (a price line, an event's rule, another leader) crosses
 * @box: its segments are tested one by one (curves by their end points,
 * which is close enough for a label's purposes). */
static gboolean
stroke_meets_box (const AtlasShape *shape, const AtlasRect *box)
{
  const cairo_path_t *path = shape->path;
  double half = MAX (shape->line_width, 1.0) / 2;
  AtlasRect grown = { box->x - half, box->y - half, box->width + 2 * half, box->height + 2 * half };
  double x = 0, y = 0, sx = 0, sy = 0;

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *d = &path->data[i];
      int last = d->header.length - 1;

      switch (d->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          x = sx = d[1].point.x;
          y = sy = d[1].point.y;
          break;
        case CAIRO_PATH_LINE_TO:
        case CAIRO_PATH_CURVE_TO:
          if (segment_meets_box (x, y, d[last].point.x, d[last].point.y, &grown))
            return TRUE;
          x = d[last].point.x;
          y = d[last].point.y;
          break;
        case CAIRO_PATH_CLOSE_PATH:
          if (segment_meets_box (x, y, sx, sy, &grown))
            return TRUE;
          x = sx;
          y = sy;
          break;
        default:
          break;
        }
    }
  return FALSE;
}

/* A filled path (a Sankey band) covers part of @box: nine points of the
 * box are asked of cairo. */
static gboolean
fill_meets_box (const AtlasShape *shape, const AtlasRect *box)
{
  static cairo_t *cr;
  static gsize initialized;
  gboolean inside = FALSE;

  /* One scratch context, as the scene's measuring one: a surface per test
   * was most of a crowded figure's callout search. */
  if (g_once_init_enter (&initialized))
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
      cr = cairo_create (surface);
      cairo_surface_destroy (surface);
      g_once_init_leave (&initialized, 1);
    }
  G_LOCK (fill_test);
  cairo_new_path (cr);
  cairo_append_path (cr, shape->path);
  for (int i = 0; i <= 2 && !inside; i++)
    for (int j = 0; j <= 2 && !inside; j++)
      inside = cairo_in_fill (cr, box->x + box->width * i / 2, box->y + box->height * j / 2);
  cairo_new_path (cr);
  G_UNLOCK (fill_test);
  return inside;
}

/* Texts and marks first: they are cheap to test and, near a busy point,
 * usually the reason a place is taken; paths only for places they leave. */
static gboolean
box_is_free (const AtlasScene *scene, const AtlasRect *box, const AtlasItem *item, gboolean over_fills)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind == ATLAS_SHAPE_PATH || !atlas_rect_intersects (&shape->bounds, box))
        continue;
      if (shape->kind == ATLAS_SHAPE_TEXT)
        return FALSE;
      /* Gridlines and backgrounds may lie under a callout; it may lie on
       * its own item's bar or node. */
      if (shape->item.kind != ATLAS_ITEM_NONE && !same_item (&shape->item, item))
        return FALSE;
    }
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind != ATLAS_SHAPE_PATH || shape->path == NULL || !atlas_rect_intersects (&shape->bounds, box))
        continue;
      /* Never across a line, its own included: a text across a line hides
       * where it goes.  Gridlines and axes (no item) may run under it. */
      if (shape->has_stroke && !shape->has_fill && shape->item.kind != ATLAS_ITEM_NONE &&
          stroke_meets_box (shape, box))
        return FALSE;
      if (!over_fills && shape->has_fill && shape->item.kind != ATLAS_ITEM_NONE && fill_meets_box (shape, box))
        return FALSE;
    }
  return TRUE;
}

gboolean
atlas_scene_box_is_free (const AtlasScene *scene, const AtlasRect *box, const AtlasItem *item)
{
  return box_is_free (scene, box, item, FALSE);
}

/* The end of the leader on the box: the nearest point of its edge. */
static void
nearest_point_on_box (const AtlasRect *box, double x, double y, double *out_x, double *out_y)
{
  *out_x = CLAMP (x, box->x, box->x + box->width);
  *out_y = CLAMP (y, box->y, box->y + box->height);
}

static gboolean
leader_is_free (const AtlasScene *scene, double x0, double y0, double x1, double y1)
{
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind == ATLAS_SHAPE_TEXT && segment_meets_box (x0, y0, x1, y1, &shape->bounds))
        return FALSE;
    }
  return TRUE;
}

static void
add_leader (AtlasScene *scene, const AtlasCallout *callout, const AtlasRect *box, double unit)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  AtlasShape line = { 0 }, dot = { 0 };
  double ex, ey, r = unit * 0.22;

  nearest_point_on_box (box, callout->x, callout->y, &ex, &ey);
  cairo_move_to (cr, ex, ey);
  cairo_line_to (cr, callout->x, callout->y);
  line.kind = ATLAS_SHAPE_PATH;
  line.item = callout->item;
  line.has_stroke = TRUE;
  line.stroke = callout->color != NULL ? *callout->color : scene->style->foreground;
  line.line_width = MAX (1.0, unit * 0.08);
  line.path = cairo_copy_path (cr);
  line.bounds = (AtlasRect) { MIN (ex, callout->x), MIN (ey, callout->y), fabs (ex - callout->x), fabs (ey - callout->y) };
  atlas_scene_add_shape (scene, &line);

  cairo_new_path (cr);
  cairo_arc (cr, callout->x, callout->y, r, 0, 2 * G_PI);
  dot.kind = ATLAS_SHAPE_PATH;
  dot.item = callout->item;
  dot.has_fill = TRUE;
  dot.fill = line.stroke;
  dot.path = cairo_copy_path (cr);
  dot.bounds = (AtlasRect) { callout->x - r, callout->y - r, 2 * r, 2 * r };
  atlas_scene_add_shape (scene, &dot);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
add_halo (AtlasScene *scene, const AtlasRect *box, double unit)
{
  double pad = unit * 0.25;
  AtlasRect halo = { box->x - pad, box->y - pad / 2, box->width + 2 * pad, box->height + pad };
  AtlasColor ground = scene->background;

  ground.alpha = 0.85;
  atlas_scene_add_rect (scene, &halo, &ground, NULL);
}

/* The callout's text in @box, with its halo when over filled areas and
 * its line when it stands apart from its point. */
static void
commit_callout (AtlasScene *scene, const AtlasCallout *callout, const AtlasRect *box, double font_size,
                gboolean with_leader, gboolean over_fills)
{
  AtlasShape shape = { 0 };
  double unit = font_size;

  if (with_leader)
    add_leader (scene, callout, box, unit);
  if (over_fills)
    add_halo (scene, box, unit);
  shape.kind = ATLAS_SHAPE_TEXT;
  shape.item = callout->item;
  shape.bounds = *box;
  shape.text = g_strdup (callout->text);
  shape.font_size = font_size;
  shape.bold = callout->bold;
  shape.wrap = TRUE;
  shape.has_fill = TRUE;
  shape.fill = callout->color != NULL ? *callout->color : scene->style->foreground;
  shape.role = ATLAS_ROLE_CALLOUT;
  atlas_scene_add_shape (scene, &shape);
}

static void
measure_callout (AtlasScene *scene, const AtlasCallout *callout, double font_size, double max_width,
                 double *w, double *h)
{
  atlas_scene_measure_text (scene, callout->text, font_size, callout->bold, max_width, w, h);
  *w += 1;   /* drawn one pixel wider than measured, so it wraps as measured */
}

gboolean
atlas_scene_add_callout (AtlasScene         *scene,
                         const AtlasCallout *callout,
                         const AtlasRect    *bounds,
                         double              font_size,
                         double              max_width)
{
  /* Directions to try, nearest first: above right, above left, below
   * right, below left, right, left, straight above and below, then the
   * steep and shallow diagonals between them. */
  static const double dirs[][2] = {
    { 1, -1 }, { -1, -1 }, { 1, 1 }, { -1, 1 }, { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 },
    { 0.4, -1 }, { -0.4, -1 }, { 0.4, 1 }, { -0.4, 1 }, { 1, -0.4 }, { -1, -0.4 }, { 1, 0.4 }, { -1, 0.4 },
  };
  static const double distances[] = { 0.6, 1.6, 3.0, 5.0, 8.0, 12.0, 17.0 };
  double w, h, unit = font_size;

  measure_callout (scene, callout, font_size, max_width, &w, &h);
  /* Clear ground first; where flows or areas fill the plot (a Sankey
   * diagram has little else), over them, on a halo of the background. */
  for (int over_fills = 0; over_fills <= 1; over_fills++)
  for (guint d = 0; d < G_N_ELEMENTS (distances); d++)
    for (guint k = 0; k < G_N_ELEMENTS (dirs); k++)
      {
        double gap = distances[d] * unit;
        double dx = dirs[k][0], dy = dirs[k][1];
        double x = dx > 0 ? callout->x + gap * dx : dx < 0 ? callout->x + gap * dx - w : callout->x - w / 2;
        double y = dy > 0 ? callout->y + gap * dy : dy < 0 ? callout->y + gap * dy - h : callout->y - h / 2;
        AtlasRect box = { x, y, w, h };
        double ex, ey;

        if (!atlas_rect_contains (bounds, &box) || !box_is_free (scene, &box, &callout->item, over_fills))
          continue;
        nearest_point_on_box (&box, callout->x, callout->y, &ex, &ey);
        if (callout->leader && d > 0 && !leader_is_free (scene, ex, ey, callout->x, callout->y))
          continue;
        commit_callout (scene, callout, &box, font_size, callout->leader && d > 0, over_fills);
        return TRUE;
      }
  return FALSE;
}

gboolean
atlas_scene_add_callout_at (AtlasScene         *scene,
                            const AtlasCallout *callout,
                            double              centre_x,
                            double              centre_y,
                            const AtlasRect    *bounds,
                            double              font_size,
                            double              max_width)
{
  double w, h, ex, ey, unit = font_size;
  AtlasRect box;
  gboolean apart;

  measure_callout (scene, callout, font_size, max_width, &w, &h);
  box = (AtlasRect) { centre_x - w / 2, centre_y - h / 2, w, h };
  if (!atlas_rect_contains (bounds, &box))
    return FALSE;
  nearest_point_on_box (&box, callout->x, callout->y, &ex, &ey);
  /* Right beside its point (as near as the search's nearest ring), a text
   * needs no line to say what it is about. */
  apart = hypot (ex - callout->x, ey - callout->y) > unit;
  if (callout->leader && apart && !leader_is_free (scene, ex, ey, callout->x, callout->y))
    return FALSE;
  for (int over_fills = 0; over_fills <= 1; over_fills++)
    if (box_is_free (scene, &box, &callout->item, over_fills))
      {
        commit_callout (scene, callout, &box, font_size, callout->leader && apart, over_fills);
        return TRUE;
      }
  return FALSE;
}
