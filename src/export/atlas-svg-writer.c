/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-svg-writer.c: a laid-out scene as SVG with real text, so designers can edit, search and restyle it. */
#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "atlas-scene-private.h"
#include "atlas-svg-writer.h"

/* The outline drawn around the selected item, as atlas-scene.c draws it. */
#define SELECTION_LINE_WIDTH 2.5

typedef struct {
  GString          *out;
  const AtlasScene *scene;
  char             *font_family;  /* the attribute's value, escaped */
  GHashTable       *ids;          /* group ids used so far */
  guint             n_clips;
} Writer;

/* ---- text and numbers -------------------------------------------------- */

/* XML 1.0 cannot hold most C0 control characters even as references, and
 * dataset text may contain them (JSON allows "\u0001"): they are dropped,
 * the rest escaped. */
static void
append_escaped (GString *out, const char *text, gssize length)
{
  g_autoptr(GString) clean = g_string_sized_new (length >= 0 ? (gsize) length : strlen (text));
  g_autofree char *escaped = NULL;
  const char *end = length >= 0 ? text + length : text + strlen (text);

  for (const char *p = text; p < end && *p != '\0'; p++)
    if ((guchar) *p >= 0x20 || *p == '\t')
      g_string_append_c (clean, *p);
  escaped = g_markup_escape_text (clean->str, (gssize) clean->len);
  g_string_append (out, escaped);
}

/* To a thousandth of a point, in the C locale whatever the user's. */
static void
append_number (GString *out, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (!isfinite (value))
    value = 0;
  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  /* "12.500" -> "12.5", "3.000" -> "3", "-0.000" -> "0". */
  end = buffer + strlen (buffer);
  while (end > buffer && end[-1] == '0')
    *--end = '\0';
  if (end > buffer && end[-1] == '.')
    *--end = '\0';
  if (strcmp (buffer, "-0") == 0 || *buffer == '\0')
    strcpy (buffer, "0");
  g_string_append (out, buffer);
}

static void
append_number_attribute (GString *out, const char *name, double value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_number (out, value);
  g_string_append_c (out, '"');
}

static guint
color_channel (double value)
{
  return (guint) CLAMP (lround (value * 255.0), 0, 255);
}

/* fill="#rrggbb" fill-opacity="0.5", the opacity left out when whole. */
static void
append_paint (GString *out, const char *property, const AtlasColor *color, double alpha)
{
  double opacity = CLAMP (color->alpha * alpha, 0.0, 1.0);

  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", property,
                          color_channel (color->red), color_channel (color->green),
                          color_channel (color->blue));
  if (opacity < 1.0)
    {
      g_autofree char *name = g_strdup_printf ("%s-opacity", property);
      append_number_attribute (out, name, opacity);
    }
}

/* The style's family first, then the generic one for a machine that lacks
 * it ("Sans" is a fontconfig alias, unknown to Illustrator). */
static char *
font_family_attribute (const AtlasStyle *style)
{
  const char *family = style != NULL && style->font_family != NULL ? style->font_family : "Sans";
  g_autoptr(GString) value = g_string_new ("'");

  /* Quoted, so a family with spaces or digits stays one name; a quote or
   * backslash in it would end the CSS string early. */
  for (const char *p = family; *p != '\0'; p++)
    if (*p != '\'' && *p != '\\')
      g_string_append_c (value, *p);
  g_string_append (value, "', sans-serif");
  return g_markup_escape_text (value->str, -1);
}

/* ---- geometry ---------------------------------------------------------- */

static void
append_path_data (GString *out, const cairo_path_t *path)
{
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];

      switch (data->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
        case CAIRO_PATH_LINE_TO:
          g_string_append_c (out, data->header.type == CAIRO_PATH_MOVE_TO ? 'M' : 'L');
          append_number (out, data[1].point.x);
          g_string_append_c (out, ' ');
          append_number (out, data[1].point.y);
          break;
        case CAIRO_PATH_CURVE_TO:
          g_string_append_c (out, 'C');
          for (int k = 1; k <= 3; k++)
            {
              if (k > 1)
                g_string_append_c (out, ' ');
              append_number (out, data[k].point.x);
              g_string_append_c (out, ' ');
              append_number (out, data[k].point.y);
            }
          break;
        case CAIRO_PATH_CLOSE_PATH:
          g_string_append_c (out, 'Z');
          break;
        default:
          break;
        }
    }
}

static void
append_rect_path_data (GString *out, const AtlasRect *r)
{
  g_string_append_c (out, 'M');
  append_number (out, r->x);
  g_string_append_c (out, ' ');
  append_number (out, r->y);
  g_string_append_c (out, 'H');
  append_number (out, r->x + r->width);
  g_string_append_c (out, 'V');
  append_number (out, r->y + r->height);
  g_string_append_c (out, 'H');
  append_number (out, r->x);
  g_string_append_c (out, 'Z');
}

/* The shape's outline as an element without its closing "/>": a <rect>
 * for a rect, a <path> for a path. */
static void
open_outline (GString *out, const AtlasShape *shape)
{
  if (shape->kind == ATLAS_SHAPE_PATH && shape->path != NULL)
    {
      g_string_append (out, "<path d=\"");
      append_path_data (out, shape->path);
      g_string_append_c (out, '"');
      return;
    }
  g_string_append (out, "<rect");
  append_number_attribute (out, "x", shape->bounds.x);
  append_number_attribute (out, "y", shape->bounds.y);
  append_number_attribute (out, "width", MAX (shape->bounds.width, 0));
  append_number_attribute (out, "height", MAX (shape->bounds.height, 0));
}

/* Estimates: the pale fill, then the diagonal lines clipped to the shape,
 * as atlas-scene.c draws them on PDF (real lines, sharp at any zoom). */
static void
write_hatching (Writer *w, const AtlasShape *shape, double alpha)
{
  GString *out = w->out;
  const AtlasRect *b = &shape->bounds;
  AtlasHatch hatch;
  guint clip = ++w->n_clips;

  atlas_scene_get_hatch (w->scene, &hatch);
  open_outline (out, shape);
  append_paint (out, "fill", &shape->fill, alpha * hatch.fill_alpha);
  g_string_append (out, "/>\n");

  g_string_append_printf (out, "<clipPath id=\"hatch-clip-%u\"><path d=\"", clip);
  if (shape->kind == ATLAS_SHAPE_PATH && shape->path != NULL)
    append_path_data (out, shape->path);
  else
    append_rect_path_data (out, b);
  g_string_append (out, "\"/></clipPath>\n<path d=\"");
  for (double d = -b->height; d < b->width && hatch.step > 0; d += hatch.step)
    {
      g_string_append_c (out, 'M');
      append_number (out, b->x + d);
      g_string_append_c (out, ' ');
      append_number (out, b->y + b->height);
      g_string_append_c (out, 'L');
      append_number (out, b->x + d + b->height);
      g_string_append_c (out, ' ');
      append_number (out, b->y);
    }
  g_string_append_printf (out, "\" fill=\"none\" clip-path=\"url(#hatch-clip-%u)\"", clip);
  append_paint (out, "stroke", &shape->fill, alpha);
  append_number_attribute (out, "stroke-width", hatch.line_width);
  g_string_append (out, "/>\n");
}

static void
write_outline_shape (Writer *w, const AtlasShape *shape, double alpha)
{
  GString *out = w->out;
  gboolean plain_fill = shape->has_fill && !shape->hatched;

  if (shape->has_fill && shape->hatched)
    write_hatching (w, shape, alpha);
  if (!plain_fill && !shape->has_stroke)
    return;

  /* One element for a fill and its stroke: cairo fills, then strokes on
   * top, which is what SVG's painting order does too. */
  open_outline (out, shape);
  if (plain_fill)
    append_paint (out, "fill", &shape->fill, alpha);
  else
    g_string_append (out, " fill=\"none\"");
  if (shape->has_stroke)
    {
      append_paint (out, "stroke", &shape->stroke, alpha);
      append_number_attribute (out, "stroke-width", shape->line_width > 0 ? shape->line_width : 1.0);
      if (shape->dash > 0)
        append_number_attribute (out, "stroke-dasharray", shape->dash);
    }
  g_string_append (out, "/>\n");
}

/* ---- text -------------------------------------------------------------- */

typedef struct {
  const char *start;   /* into the layout's text */
  gsize       length;  /* without trailing white space */
  double      x, y;    /* anchor point, baseline, in layout coordinates */
} Line;

/* Each line as Pango breaks it for the PNG and PDF, where its anchor is
 * and where its baseline is, so every renderer starts from the same
 * places even if its own text measuring differs slightly. */
static GArray *
break_lines (PangoLayout *layout, AtlasAlign anchor)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *layout_line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      Line line = { 0 };
      int visible_end = 0;

      line.start = text + layout_line->start_index;
      line.length = (gsize) layout_line->length;
      /* A line broken at a space keeps the space; a renderer would draw it
       * at the end anchor's side. */
      while (line.length > 0 && g_ascii_isspace (line.start[line.length - 1]))
        line.length--;
      if (line.length == 0)
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_line_index_to_x (layout_line, layout_line->start_index + (int) line.length,
                                    FALSE, &visible_end);
      line.x = (double) logical.x / PANGO_SCALE;
      if (anchor == ATLAS_ALIGN_CENTER)
        line.x += (double) visible_end / PANGO_SCALE / 2;
      else if (anchor == ATLAS_ALIGN_END)
        line.x += (double) visible_end / PANGO_SCALE;
      line.y = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

static void
write_text_shape (Writer *w, const AtlasShape *shape, double alpha)
{
  GString *out = w->out;
  const AtlasScene *scene = w->scene;
  /* Alignment only applies to wrapped text, as in atlas-scene.c: a single
   * line was placed by its measured width already. */
  AtlasAlign anchor = shape->wrap ? shape->align : ATLAS_ALIGN_START;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GArray) lines = NULL;
  double origin_x = shape->bounds.x, origin_y = shape->bounds.y;
  AtlasColor color;

  if (shape->text == NULL || *shape->text == '\0')
    return;
  layout = atlas_scene_create_layout (scene->style, NULL, shape->text, shape->font_size,
                                      shape->bold, shape->italic,
                                      shape->wrap ? shape->bounds.width : 0);
  if (anchor == ATLAS_ALIGN_CENTER)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (anchor == ATLAS_ALIGN_END)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  lines = break_lines (layout, anchor);
  if (lines->len == 0)
    return;

  /* The text's role as its class, so a designer can select every axis
   * label, every callout or the title at once. */
  g_string_append_printf (out, "<text class=\"%s\"", atlas_text_role_to_string (shape->role));
  if (shape->angle != 0)
    {
      /* Rotated about the text's top-left corner, as cairo does. */
      g_string_append (out, " transform=\"translate(");
      append_number (out, origin_x);
      g_string_append_c (out, ' ');
      append_number (out, origin_y);
      g_string_append (out, ") rotate(");
      append_number (out, shape->angle * 180.0 / G_PI);
      g_string_append (out, ")\"");
      origin_x = origin_y = 0;
    }
  if (lines->len == 1)
    {
      const Line *line = &g_array_index (lines, Line, 0);

      append_number_attribute (out, "x", origin_x + line->x);
      append_number_attribute (out, "y", origin_y + line->y);
    }
  g_string_append_printf (out, " font-family=\"%s\"", w->font_family);
  append_number_attribute (out, "font-size", MAX (shape->font_size, 1.0));
  if (shape->bold)
    g_string_append (out, " font-weight=\"bold\"");
  if (shape->italic)
    g_string_append (out, " font-style=\"italic\"");
  if (anchor == ATLAS_ALIGN_CENTER)
    g_string_append (out, " text-anchor=\"middle\"");
  else if (anchor == ATLAS_ALIGN_END)
    g_string_append (out, " text-anchor=\"end\"");
  /* Text is painted in its fill colour whether or not has_fill is set, as
   * atlas-scene.c does. */
  /* As the scene draws it: receding text keeps its 3:1 contrast. */
  atlas_scene_text_color (w->scene, shape, &color);
  append_paint (out, "fill", &color, 1.0);
  /* Spaces inside a label are kept as the PNG shows them. */
  g_string_append (out, " xml:space=\"preserve\">");

  if (lines->len == 1)
    {
      const Line *line = &g_array_index (lines, Line, 0);
      append_escaped (out, line->start, (gssize) line->length);
    }
  else
    for (guint i = 0; i < lines->len; i++)
      {
        const Line *line = &g_array_index (lines, Line, i);

        g_string_append (out, "<tspan");
        append_number_attribute (out, "x", origin_x + line->x);
        append_number_attribute (out, "y", origin_y + line->y);
        g_string_append_c (out, '>');
        append_escaped (out, line->start, (gssize) line->length);
        g_string_append (out, "</tspan>");
      }
  g_string_append (out, "</text>\n");
}

/* ---- the document ------------------------------------------------------ */

/* An id made of the characters XML names allow: the item's key, with a
 * number added when the item's shapes come in more than one run. */
static char *
unique_group_id (Writer *w, const AtlasItem *item)
{
  g_autofree char *key = atlas_item_to_key (item);
  char *id;

  for (char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.' && *p != ':')
      *p = '_';
  id = g_strdup (key);
  for (guint n = 2; g_hash_table_contains (w->ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s.%u", key, n);
    }
  g_hash_table_add (w->ids, g_strdup (id));
  return id;
}

static void
write_shape (Writer *w, const AtlasShape *shape)
{
  double alpha = atlas_scene_shape_opacity (w->scene, shape);

  if (shape->kind == ATLAS_SHAPE_TEXT)
    write_text_shape (w, shape, alpha);
  else
    write_outline_shape (w, shape, alpha);
}

/* The selected item's outline goes over everything, as on screen. */
static void
write_selection_outline (Writer *w)
{
  const AtlasScene *scene = w->scene;
  gboolean any = FALSE;

  if (scene->selected.kind == ATLAS_ITEM_NONE)
    return;
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (shape->kind == ATLAS_SHAPE_TEXT || !shape->has_fill ||
          !atlas_item_equal (&shape->item, &scene->selected))
        continue;
      if (!any)
        g_string_append (w->out, "<g id=\"selection\">\n");
      any = TRUE;
      open_outline (w->out, shape);
      g_string_append (w->out, " fill=\"none\"");
      append_paint (w->out, "stroke", &scene->style->accent, 1.0);
      append_number_attribute (w->out, "stroke-width", SELECTION_LINE_WIDTH);
      g_string_append (w->out, "/>\n");
    }
  if (any)
    g_string_append (w->out, "</g>\n");
}

static void
write_element (GString *out, const char *name, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append_printf (out, "<%s>", name);
  append_escaped (out, text, -1);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
write_document (Writer *w)
{
  const AtlasScene *scene = w->scene;
  GString *out = w->out;
  const AtlasItem *group = NULL;

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  /* Points, like PDF, so a 1600x900 figure is the same size in both. */
  g_string_append (out, " width=\"");
  append_number (out, scene->width);
  g_string_append (out, "pt\" height=\"");
  append_number (out, scene->height);
  g_string_append (out, "pt\" viewBox=\"0 0 ");
  append_number (out, scene->width);
  g_string_append_c (out, ' ');
  append_number (out, scene->height);
  /* Corners as cairo joins them in atlas_scene_draw(). */
  g_string_append (out, "\" stroke-linejoin=\"round\">\n");
  write_element (out, "title", scene->title);
  write_element (out, "desc", atlas_scene_describe (scene));

  g_string_append (out, "<rect id=\"background\" x=\"0\" y=\"0\"");
  append_number_attribute (out, "width", scene->width);
  append_number_attribute (out, "height", scene->height);
  append_paint (out, "fill", &scene->background, 1.0);
  g_string_append (out, "/>\n");

  /* Consecutive shapes of one item share a group; the order of the
   * shapes, which is the order they are painted in, never changes. */
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if (group != NULL && !atlas_item_equal (group, &shape->item))
        {
          g_string_append (out, "</g>\n");
          group = NULL;
        }
      if (group == NULL && shape->item.kind != ATLAS_ITEM_NONE)
        {
          g_autofree char *id = unique_group_id (w, &shape->item);

          g_string_append_printf (out, "<g id=\"%s\">\n", id);
          group = &shape->item;
        }
      write_shape (w, shape);
    }
  if (group != NULL)
    g_string_append (out, "</g>\n");
  write_selection_outline (w);
  g_string_append (out, "</svg>\n");
}

char *
atlas_svg_writer_render (const AtlasScene *scene,
                         gsize            *length)
{
  Writer w = { 0 };

  g_return_val_if_fail (scene != NULL, NULL);

  w.out = g_string_sized_new (64 * 1024);
  w.scene = scene;
  w.font_family = font_family_attribute (scene->style);
  w.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  write_document (&w);
  g_hash_table_unref (w.ids);
  g_free (w.font_family);
  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}
