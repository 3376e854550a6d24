/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-scene.c: building, drawing and hit-testing scenes; the same code paints the window and every file. */
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "atlas-scene-text.h"
#include "atlas-scene-private.h"

/* Shapes whose item is not emphasised are drawn this faint while something
 * is hovered or selected, so the related path stands out; faint enough to
 * recede, not so faint that muted labels can no longer be read. */
#define MUTED_ALPHA 0.3

gboolean
atlas_item_equal (const AtlasItem *a, const AtlasItem *b)
{
  if (a->kind != b->kind || a->index != b->index)
    return FALSE;
  return g_strcmp0 (a->id, b->id) == 0;
}

const char *
atlas_item_kind_to_string (AtlasItemKind kind)
{
  switch (kind)
    {
    case ATLAS_ITEM_NODE: return "node";
    case ATLAS_ITEM_LINK: return "link";
    case ATLAS_ITEM_SERIES: return "series";
    case ATLAS_ITEM_POINT: return "point";
    case ATLAS_ITEM_EVENT: return "event";
    case ATLAS_ITEM_SHARE: return "share";
    case ATLAS_ITEM_SHARE_PART: return "part";
    case ATLAS_ITEM_NONE:
    default: return "none";
    }
}

char *
atlas_item_to_key (const AtlasItem *item)
{
  return g_strdup_printf ("%s:%s:%d", atlas_item_kind_to_string (item->kind),
                          item->id != NULL ? item->id : "", item->index);
}

void
atlas_item_set_add (GHashTable *set, AtlasItemKind kind, const char *id, int index)
{
  AtlasItem item = { kind, id, index };

  g_hash_table_add (set, atlas_item_to_key (&item));
}

gboolean
atlas_rect_intersects (const AtlasRect *a, const AtlasRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
atlas_rect_contains (const AtlasRect *outer, const AtlasRect *inner)
{
  const double eps = 1e-6;

  return inner->x >= outer->x - eps && inner->y >= outer->y - eps &&
         inner->x + inner->width <= outer->x + outer->width + eps &&
         inner->y + inner->height <= outer->y + outer->height + eps;
}

gboolean
atlas_rect_contains_point (const AtlasRect *r, double x, double y)
{
  return x >= r->x && x <= r->x + r->width && y >= r->y && y <= r->y + r->height;
}

static void
shape_clear (gpointer data)
{
  AtlasShape *shape = data;

  g_clear_pointer (&shape->path, cairo_path_destroy);
  g_clear_pointer (&shape->text, g_free);
}

AtlasScene *
atlas_scene_new (const AtlasSceneClass *klass,
                 AtlasDataset          *dataset,
                 const AtlasStyle      *style,
                 double                 width,
                 double                 height)
{
  AtlasScene *scene = g_new0 (AtlasScene, 1);

  scene->klass = klass;
  scene->dataset = dataset != NULL ? g_object_ref (dataset) : NULL;
  scene->style = style != NULL ? atlas_style_copy (style) : atlas_style_new (FALSE);
  scene->width = width;
  scene->height = height;
  scene->background = scene->style->background;
  scene->shapes = g_array_new (FALSE, TRUE, sizeof (AtlasShape));
  g_array_set_clear_func (scene->shapes, shape_clear);
  scene->items = g_array_new (FALSE, TRUE, sizeof (AtlasItem));
  scene->callouts = g_array_new (FALSE, TRUE, sizeof (AtlasSceneCallout));
  scene->plot = (AtlasRect) { 0, 0, width, height };
  return scene;
}

void
atlas_scene_free (AtlasScene *scene)
{
  if (scene == NULL)
    return;
  if (scene->chart_data != NULL && scene->chart_data_free != NULL)
    scene->chart_data_free (scene->chart_data);
  g_clear_pointer (&scene->emphasis, g_hash_table_unref);
  g_clear_pointer (&scene->focus, g_hash_table_unref);
  g_array_unref (scene->shapes);
  g_array_unref (scene->items);
  g_array_unref (scene->callouts);
  g_free (scene->description);
  g_free (scene->title);
  atlas_style_free (scene->style);
  g_clear_object (&scene->dataset);
  g_free (scene);
}

const char *
atlas_text_role_to_string (AtlasTextRole role)
{
  static const char * const names[] = {
    "label", "title", "subtitle", "header", "axis", "legend", "note", "callout", "footer",
  };

  return (guint) role < G_N_ELEMENTS (names) ? names[role] : "label";
}

AtlasShape *
atlas_scene_add_shape (AtlasScene *scene, const AtlasShape *shape)
{
  g_array_append_vals (scene->shapes, shape, 1);
  return &g_array_index (scene->shapes, AtlasShape, scene->shapes->len - 1);
}

AtlasShape *
atlas_scene_add_rect (AtlasScene       *scene,
                      const AtlasRect  *rect,
                      const AtlasColor *fill,
                      const AtlasItem  *item)
{
  AtlasShape shape = { 0 };

  shape.kind = ATLAS_SHAPE_RECT;
  shape.bounds = *rect;
  if (fill != NULL)
    {
      shape.has_fill = TRUE;
      shape.fill = *fill;
    }
  if (item != NULL && item->kind != ATLAS_ITEM_NONE)
    {
      shape.item = *item;
      shape.hit = TRUE;
    }
  return atlas_scene_add_shape (scene, &shape);
}

AtlasShape *
atlas_scene_add_text (AtlasScene       *scene,
                      const char       *text,
                      double            x,
                      double            y,
                      double            font_size,
                      gboolean          bold,
                      AtlasAlign        align,
                      const AtlasColor *color,
                      const AtlasItem  *item)
{
  AtlasShape shape = { 0 };
  double width, height;

  atlas_scene_measure_text (scene, text, font_size, bold, 0, &width, &height);
  if (align == ATLAS_ALIGN_CENTER)
    x -= width / 2;
  else if (align == ATLAS_ALIGN_END)
    x -= width;

  shape.kind = ATLAS_SHAPE_TEXT;
  shape.text = g_strdup (text);
  shape.font_size = font_size;
  shape.bold = bold;
  shape.align = ATLAS_ALIGN_START;
  shape.bounds = (AtlasRect) { x, y, width, height };
  shape.has_fill = TRUE;
  shape.fill = color != NULL ? *color : scene->style->foreground;
  if (item != NULL && item->kind != ATLAS_ITEM_NONE)
    {
      shape.item = *item;
      shape.hit = TRUE;
    }
  return atlas_scene_add_shape (scene, &shape);
}

void
atlas_scene_add_item (AtlasScene *scene, const AtlasItem *item)
{
  g_array_append_vals (scene->items, item, 1);
}

static gboolean
shape_is_muted (const AtlasScene *scene, const AtlasShape *shape)
{
  g_autofree char *key = NULL;

  if (scene->emphasis == NULL || shape->item.kind == ATLAS_ITEM_NONE)
    return FALSE;
  key = atlas_item_to_key (&shape->item);
  if (g_hash_table_contains (scene->emphasis, key))
    return FALSE;
  /* A point's marker stands for its line: whole while its series is. */
  if (shape->item.kind == ATLAS_ITEM_POINT)
    {
      AtlasItem series = { ATLAS_ITEM_SERIES, shape->item.id, -1 };
      g_autofree char *series_key = atlas_item_to_key (&series);

      return !g_hash_table_contains (scene->emphasis, series_key);
    }
  return TRUE;
}

static double
linear_channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const AtlasColor *c)
{
  return 0.2126 * linear_channel (c->red) + 0.7152 * linear_channel (c->green) + 0.0722 * linear_channel (c->blue);
}

double
atlas_color_contrast (const AtlasColor *a, const AtlasColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static AtlasColor
blend (const AtlasColor *color, const AtlasColor *background, double keep)
{
  return (AtlasColor) { color->red * keep + background->red * (1 - keep),
                        color->green * keep + background->green * (1 - keep),
                        color->blue * keep + background->blue * (1 - keep), 1.0 };
}

/* Receding text fades toward the background, but no further than a 3:1
 * contrast (a little more, for rounding): it recedes and stays legible. */
void
atlas_scene_text_color (const AtlasScene *scene, const AtlasShape *shape, AtlasColor *out)
{
  AtlasColor full = blend (&shape->fill, &scene->background, shape->fill.alpha);

  *out = full;
  if (!shape_is_muted (scene, shape))
    return;
  /* A label made to stand on its mark (white on a bar) would vanish on
   * the faded mark, which is nearly the background: it takes the
   * figure's own ink instead. */
  if (atlas_color_contrast (&full, &scene->background) < 3.0)
    full = scene->style->foreground;
  for (double keep = MUTED_ALPHA; keep < 1.0; keep += 0.05)
    {
      AtlasColor faded = blend (&full, &scene->background, keep);

      if (atlas_color_contrast (&faded, &scene->background) >= 3.2)
        {
          *out = faded;
          return;
        }
    }
}

double
atlas_scene_shape_opacity (const AtlasScene *scene, const AtlasShape *shape)
{
  return shape_is_muted (scene, shape) ? MUTED_ALPHA : 1.0;
}

static void
set_source (cairo_t *cr, const AtlasColor *color, double alpha_factor)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha_factor);
}

static void
append_shape_outline (cairo_t *cr, const AtlasShape *shape)
{
  if (shape->kind == ATLAS_SHAPE_PATH && shape->path != NULL)
    cairo_append_path (cr, shape->path);
  else
    cairo_rectangle (cr, shape->bounds.x, shape->bounds.y, shape->bounds.width, shape->bounds.height);
}

/* The hatching as a pattern that repeats every @step user units: one period
 * of the lines drawn at twice the device resolution, so that bilinear
 * sampling averages four tile pixels for each device pixel, as the
 * anti-aliasing of a line drawn in place would. Filling a shape with it
 * costs one pass over the shape's pixels, where stroking every line
 * through the shape's clip cost several times the rest of the chart. */
static cairo_pattern_t *
create_hatch_pattern (cairo_t *cr, const AtlasColor *color, double alpha,
                      double step, double line_width, double origin_x, double origin_y)
{
  double dx = step, dy = 0;
  cairo_surface_t *tile;
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;
  cairo_t *tile_cr;
  int size;

  cairo_user_to_device_distance (cr, &dx, &dy);
  size = MAX (2, (int) ceil (2 * hypot (dx, dy)));
  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  tile_cr = cairo_create (tile);
  cairo_scale (tile_cr, size / step, size / step);
  set_source (tile_cr, color, alpha);
  cairo_set_line_width (tile_cr, line_width);
  /* The line across the tile and the two that touch its corners, so the
   * anti-aliased edges continue across the seams. */
  for (int k = 0; k <= 2; k++)
    {
      cairo_move_to (tile_cr, (k - 2) * step, 2 * step);
      cairo_line_to (tile_cr, (k + 1) * step, -step);
    }
  cairo_stroke (tile_cr);
  cairo_destroy (tile_cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_BILINEAR);
  cairo_matrix_init_scale (&matrix, size / step, size / step);
  cairo_matrix_translate (&matrix, -origin_x, -origin_y);
  cairo_pattern_set_matrix (pattern, &matrix);
  return pattern;
}

/* Estimates are hatched: a pale fill crossed by diagonal lines in the
 * shape's colour, so they read as "less certain" in print and in greyscale.
 * The lines are x + y = bounds.x + bounds.y + k * step. */
void
atlas_scene_get_hatch (const AtlasScene *scene, AtlasHatch *out)
{
  /* The hatching grows with the type, so a 4K export is not a grey blur. */
  double unit = atlas_scene_font_size (scene, ATLAS_FONT_LABEL) / 15.0;

  out->step = 6.0 * unit;
  out->line_width = 1.5 * unit;
  out->fill_alpha = 0.35;
}

static void
fill_hatched (const AtlasScene *scene, cairo_t *cr, const AtlasShape *shape, double alpha)
{
  const AtlasRect *b = &shape->bounds;
  AtlasHatch hatch;
  double step;

  atlas_scene_get_hatch (scene, &hatch);
  step = hatch.step;
  append_shape_outline (cr, shape);
  set_source (cr, &shape->fill, alpha * hatch.fill_alpha);
  cairo_fill (cr);

  /* Pixels (the window, PNG) are filled with a repeating tile; vector files
   * keep real lines, sharp at any zoom, and their viewers clip for free. */
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      cairo_pattern_t *pattern = create_hatch_pattern (cr, &shape->fill, alpha, step, hatch.line_width,
                                                       b->x, b->y);

      cairo_set_source (cr, pattern);
      cairo_pattern_destroy (pattern);
      append_shape_outline (cr, shape);
      cairo_fill (cr);
      return;
    }

  cairo_save (cr);
  append_shape_outline (cr, shape);
  cairo_clip (cr);
  set_source (cr, &shape->fill, alpha);
  cairo_set_line_width (cr, hatch.line_width);
  for (double d = -b->height; d < b->width; d += step)
    {
      cairo_move_to (cr, b->x + d, b->y + b->height);
      cairo_line_to (cr, b->x + d + b->height, b->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_text_shape (const AtlasScene *scene, cairo_t *cr, const AtlasShape *shape)
{
  g_autoptr(PangoLayout) layout = NULL;
  AtlasColor color;

  layout = atlas_scene_create_layout (scene->style, cr, shape->text, shape->font_size,
                                      shape->bold, shape->italic,
                                      shape->wrap ? shape->bounds.width : 0);
  if (shape->wrap && shape->align == ATLAS_ALIGN_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (shape->wrap && shape->align == ATLAS_ALIGN_END)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_save (cr);
  cairo_move_to (cr, shape->bounds.x, shape->bounds.y);
  if (shape->angle != 0)
    cairo_rotate (cr, shape->angle);
  atlas_scene_text_color (scene, shape, &color);
  set_source (cr, &color, 1.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
add_related (AtlasScene *scene, GHashTable *set, const AtlasItem *item)
{
  g_hash_table_add (set, atlas_item_to_key (item));
  if (scene->klass != NULL && scene->klass->collect_related != NULL)
    scene->klass->collect_related (scene, item, set);
}

static GHashTable *
copy_set (GHashTable *set)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy, g_strdup (key));
  return copy;
}

void
atlas_scene_set_focus_keys (AtlasScene *scene, GHashTable *keys)
{
  g_clear_pointer (&scene->focus, g_hash_table_unref);
  if (keys != NULL && g_hash_table_size (keys) > 0)
    scene->focus = keys;
  else if (keys != NULL)
    g_hash_table_unref (keys);
  atlas_scene_set_highlight (scene, NULL);
}

void
atlas_scene_set_focus (AtlasScene *scene, const AtlasItem *items, guint n)
{
  g_clear_pointer (&scene->focus, g_hash_table_unref);
  if (n > 0)
    {
      scene->focus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < n; i++)
        add_related (scene, scene->focus, &items[i]);
    }
  atlas_scene_set_highlight (scene, NULL);
}

static void
draw_shape (const AtlasScene *scene, cairo_t *cr, const AtlasShape *shape)
{
  double alpha = atlas_scene_shape_opacity (scene, shape);
  cairo_antialias_t antialias = cairo_get_antialias (cr);

  if (shape->kind == ATLAS_SHAPE_TEXT)
    {
      draw_text_shape (scene, cr, shape);
      return;
    }

  if (shape->coarse_edges)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  if (shape->has_fill && shape->hatched)
    fill_hatched (scene, cr, shape, alpha);
  else if (shape->has_fill)
    {
      append_shape_outline (cr, shape);
      set_source (cr, &shape->fill, alpha);
      cairo_fill (cr);
    }

  if (shape->has_stroke)
    {
      append_shape_outline (cr, shape);
      set_source (cr, &shape->stroke, alpha);
      cairo_set_line_width (cr, shape->line_width > 0 ? shape->line_width : 1.0);
      if (shape->dash > 0)
        cairo_set_dash (cr, &shape->dash, 1, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_set_antialias (cr, antialias);
}

static void
draw_selection_outline (const AtlasScene *scene, cairo_t *cr)
{
  if (scene->selected.kind == ATLAS_ITEM_NONE)
    return;

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind == ATLAS_SHAPE_TEXT || !shape->has_fill ||
          !atlas_item_equal (&shape->item, &scene->selected))
        continue;
      append_shape_outline (cr, shape);
      set_source (cr, &scene->style->accent, 1.0);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
}

void
atlas_scene_draw (const AtlasScene *scene, cairo_t *cr)
{
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_source (cr, &scene->background, 1.0);
  cairo_rectangle (cr, 0, 0, scene->width, scene->height);
  cairo_fill (cr);

  for (guint i = 0; i < scene->shapes->len; i++)
    draw_shape (scene, cr, &g_array_index (scene->shapes, AtlasShape, i));
  draw_selection_outline (scene, cr);
  cairo_restore (cr);
}

static gboolean
shape_contains (const AtlasShape *shape, double x, double y)
{
  cairo_t *cr;
  gboolean inside;

  if (shape->kind != ATLAS_SHAPE_PATH || shape->path == NULL)
    return atlas_rect_contains_point (&shape->bounds, x, y);
  if (!atlas_rect_contains_point (&shape->bounds, x, y))
    return FALSE;

  cr = atlas_scene_measuring_context ();
  cairo_new_path (cr);
  cairo_append_path (cr, shape->path);
  inside = shape->has_fill ? cairo_in_fill (cr, x, y) : FALSE;
  if (!inside && shape->has_stroke)
    {
      /* Thin lines are hard to hit: allow a few pixels either side. */
      cairo_set_line_width (cr, MAX (shape->line_width, 1.0) + 6.0);
      inside = cairo_in_stroke (cr, x, y);
    }
  cairo_new_path (cr);
  return inside;
}

gboolean
atlas_scene_hit_test (const AtlasScene *scene, double x, double y, AtlasItem *out)
{
  AtlasItem found = { ATLAS_ITEM_NONE, NULL, -1 };

  if (scene->klass != NULL && scene->klass->hit_test != NULL &&
      scene->klass->hit_test (scene, x, y, &found))
    {
      *out = found;
      return TRUE;
    }

  for (guint i = scene->shapes->len; i-- > 0;)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->hit && shape_contains (shape, x, y))
        {
          *out = shape->item;
          return TRUE;
        }
    }
  *out = found;
  return FALSE;
}

gboolean
atlas_scene_mark_bounds (const AtlasScene *scene, AtlasItemKind kind, const char *id, int index, AtlasRect *out)
{
  gboolean any = FALSE;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);
      const AtlasRect *b = &shape->bounds;

      if (shape->kind == ATLAS_SHAPE_TEXT || shape->item.kind != kind || g_strcmp0 (shape->item.id, id) != 0 ||
          (index >= 0 && shape->item.index != index))
        continue;
      x0 = any ? MIN (x0, b->x) : b->x;
      y0 = any ? MIN (y0, b->y) : b->y;
      x1 = any ? MAX (x1, b->x + b->width) : b->x + b->width;
      y1 = any ? MAX (y1, b->y + b->height) : b->y + b->height;
      any = TRUE;
    }
  if (any)
    *out = (AtlasRect) { x0, y0, x1 - x0, y1 - y0 };
  return any;
}

gboolean
atlas_scene_item_bounds (const AtlasScene *scene, const AtlasItem *item, AtlasRect *out)
{
  gboolean any = FALSE;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);
      const AtlasRect *b = &shape->bounds;

      if (!atlas_item_equal (&shape->item, item))
        continue;
      if (!any)
        {
          x0 = b->x, y0 = b->y, x1 = b->x + b->width, y1 = b->y + b->height;
          any = TRUE;
          continue;
        }
      x0 = MIN (x0, b->x);
      y0 = MIN (y0, b->y);
      x1 = MAX (x1, b->x + b->width);
      y1 = MAX (y1, b->y + b->height);
    }
  if (any)
    *out = (AtlasRect) { x0, y0, x1 - x0, y1 - y0 };
  return any;
}

const char *
atlas_scene_describe (const AtlasScene *scene)
{
  return scene->description != NULL ? scene->description : "";
}

void
atlas_scene_set_highlight (AtlasScene *scene, const AtlasItem *item)
{
  g_clear_pointer (&scene->emphasis, g_hash_table_unref);
  if (item == NULL || item->kind == ATLAS_ITEM_NONE)
    {
      if (scene->focus != NULL)
        scene->emphasis = copy_set (scene->focus);
      return;
    }

  scene->emphasis = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_related (scene, scene->emphasis, item);
}

void
atlas_scene_set_selected (AtlasScene *scene, const AtlasItem *item)
{
  if (item == NULL)
    scene->selected = (AtlasItem) { ATLAS_ITEM_NONE, NULL, -1 };
  else
    scene->selected = *item;
}

const AtlasSceneCallout *
atlas_scene_callout_at (const AtlasScene *scene, double x, double y)
{
  for (guint i = scene->callouts->len; i-- > 0;)
    {
      const AtlasSceneCallout *callout = &g_array_index (scene->callouts, AtlasSceneCallout, i);
      const AtlasShape *text = &g_array_index (scene->shapes, AtlasShape, callout->shape);

      if (atlas_rect_contains_point (&text->bounds, x, y))
        return callout;
    }
  return NULL;
}
