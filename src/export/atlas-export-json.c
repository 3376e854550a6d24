/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-export-json.c: a laid-out figure as JSON, the scene a chart draws, so a script or a test can read a figure without its pixels. */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "atlas-export-private.h"
#include "atlas-sankey-json.h"

/* Geometry to a hundredth of a unit: finer is noise of the arithmetic.
 * JSON has no NaN or infinity: a coordinate that is not finite is null. */
static void
add_number (JsonBuilder *builder, const char *member, double value)
{
  json_builder_set_member_name (builder, member);
  if (!isfinite (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, round (value * 100) / 100);
}

static void
add_box (JsonBuilder *builder, const AtlasRect *box)
{
  add_number (builder, "x", box->x);
  add_number (builder, "y", box->y);
  add_number (builder, "width", box->width);
  add_number (builder, "height", box->height);
}

static void
add_item (JsonBuilder *builder, const AtlasItem *item)
{
  if (item->kind == ATLAS_ITEM_NONE)
    return;
  json_builder_set_member_name (builder, "item");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, atlas_item_kind_to_string (item->kind));
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, item->id != NULL ? item->id : "");
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, item->index);
  json_builder_end_object (builder);
}

/* A text the program shortened ends in the ellipsis it added. */
static gboolean
is_shortened (const char *text)
{
  return g_str_has_suffix (text, "…");
}

static void
add_text (JsonBuilder *builder, const AtlasShape *shape)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, shape->text);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, atlas_text_role_to_string (shape->role));
  add_box (builder, &shape->bounds);
  add_number (builder, "font_size", shape->font_size);
  json_builder_set_member_name (builder, "bold");
  json_builder_add_boolean_value (builder, shape->bold);
  json_builder_set_member_name (builder, "shortened");
  json_builder_add_boolean_value (builder, is_shortened (shape->text));
  add_item (builder, &shape->item);
  json_builder_end_object (builder);
}

static void
add_mark (JsonBuilder *builder, const AtlasShape *shape)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, shape->kind == ATLAS_SHAPE_RECT ? "rect" : "path");
  add_box (builder, &shape->bounds);
  if (shape->hatched)
    {
      json_builder_set_member_name (builder, "hatched");
      json_builder_add_boolean_value (builder, TRUE);
    }
  add_item (builder, &shape->item);
  json_builder_end_object (builder);
}

static void
add_shapes (JsonBuilder *builder, const AtlasScene *scene, gboolean texts)
{
  json_builder_set_member_name (builder, texts ? "texts" : "marks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < scene->shapes->len; i++)
    {
      const AtlasShape *shape = &g_array_index (scene->shapes, AtlasShape, i);

      if ((shape->kind == ATLAS_SHAPE_TEXT) != texts)
        continue;
      if (texts)
        add_text (builder, shape);
      else
        add_mark (builder, shape);
    }
  json_builder_end_array (builder);
}

/* The flows' own layout members (nodes and links, d3-sankey's geometry),
 * as they were before the scene was written out whole. */
static void
add_flows_layout (JsonBuilder *builder, const AtlasScene *scene)
{
  g_autofree char *json = atlas_sankey_scene_to_json (scene);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *m = members; m != NULL; m = m->next)
    {
      json_builder_set_member_name (builder, m->data);
      json_builder_add_value (builder, json_node_copy (json_object_get_member (object, m->data)));
    }
}

char *
atlas_export_scene_json (const AtlasScene *scene)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  AtlasRect plot = scene->plot;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "view");
  json_builder_add_string_value (builder, scene->klass->name);
  add_number (builder, "width", scene->width);
  add_number (builder, "height", scene->height);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, scene->title != NULL ? scene->title : "");
  json_builder_set_member_name (builder, "plot");
  json_builder_begin_object (builder);
  add_box (builder, &plot);
  json_builder_end_object (builder);
  add_shapes (builder, scene, TRUE);
  add_shapes (builder, scene, FALSE);
  add_flows_layout (builder, scene);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
