/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-dataset-loader.c: turns the bytes of a dataset file into a validated AtlasDataset, or into errors. */
#include "atlas-dataset-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-json-guard-private.h"
#include "atlas-points-json-private.h"

static gboolean fast_points = TRUE;

void
atlas_loader_set_fast_points (gboolean enabled)
{
  fast_points = enabled;
}

guint
atlas_loader_foreach_item (AtlasLoaderContext  *ctx,
                           AtlasDataset        *self,
                           JsonObject          *parent,
                           const char          *member,
                           gboolean             required,
                           AtlasLoaderItemFunc  func,
                           gpointer             user_data)
{
  JsonArray *array = atlas_loader_get_array (ctx, parent, member, required);
  guint n;

  if (array == NULL)
    return 0;

  n = json_array_get_length (array);
  atlas_loader_push_member (ctx, member);
  for (guint i = 0; i < n && !atlas_loader_context_should_stop (ctx); i++)
    {
      JsonObject *object;

      atlas_loader_push_index (ctx, i);
      object = atlas_loader_object_from_node (ctx, json_array_get_element (array, i));
      if (object != NULL)
        func (ctx, self, object, i, user_data);
      atlas_loader_pop (ctx);
    }
  atlas_loader_pop (ctx);
  return n;
}

gboolean
atlas_loader_is_currency_code (const char *text)
{
  return text != NULL && strlen (text) == 3 &&
         g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]) && g_ascii_isupper (text[2]);
}

const char *
atlas_loader_get_currency (AtlasLoaderContext *ctx,
                           JsonObject         *object,
                           const char         *member,
                           gboolean            required)
{
  const char *code = atlas_loader_get_string (ctx, object, member, required);

  if (code != NULL && !atlas_loader_is_currency_code (code))
    {
      g_autofree char *quoted = atlas_loader_quote (code);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                  _("invalid currency %s (expected an ISO 4217 code of three uppercase letters, such as \"USD\")"),
                                  quoted);
      return NULL;
    }
  return code;
}

void
atlas_loader_report_not_positive (AtlasLoaderContext *ctx,
                                  const char         *member,
                                  double              value,
                                  gboolean            zero_allowed)
{
  g_autofree char *number = atlas_loader_format_number (value);

  if (zero_allowed)
    atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                _("must be >= 0, not %s"), number);
  else
    atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                _("must be > 0, not %s"), number);
}

/* json-glib's own messages ("<data>:3:5: Parse error: ...") only appear if
 * the guard let something through that json-glib still refuses. */
static char *
rephrase_json_glib_error (const char *display_name,
                          const char *message)
{
  const char *rest = message;
  const char *parse_error;

  if (g_str_has_prefix (rest, "<data>"))
    rest += strlen ("<data>");
  parse_error = strstr (rest, "Parse error: ");
  if (parse_error != NULL)
    {
      g_autofree char *location = g_strndup (rest, parse_error - rest);
      g_autofree char *detail = atlas_loader_escape (parse_error + strlen ("Parse error: "), -1);

      /* location is ":LINE:COL: " */
      /* Translators: the file name, ":LINE:COL: ", then what is wrong */
      return g_strdup_printf (_("%s%ssyntax error: %s"), display_name, location, detail);
    }
  else
    {
      g_autofree char *detail = atlas_loader_escape (message, -1);

      return g_strdup_printf (_("%s: syntax error: %s"), display_name, detail);
    }
}

static gboolean
check_format (AtlasLoaderContext *ctx,
              JsonObject         *root)
{
  JsonNode *node = json_object_get_member (root, "format");
  const char *format;

  if (node == NULL)
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_VERSION, "format",
                                  _("missing required member \"format\" (not a %s dataset?)"),
                                  ATLAS_DATASET_FORMAT);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_VERSION, "format",
                                  _("expected a string (\"%s\")"), ATLAS_DATASET_FORMAT);
      return FALSE;
    }

  format = json_node_get_string (node);
  if (!g_str_equal (format, ATLAS_DATASET_FORMAT))
    {
      g_autofree char *quoted = atlas_loader_quote (format);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_VERSION, "format",
                                  _("unsupported format %s (this program reads \"%s\")"),
                                  quoted, ATLAS_DATASET_FORMAT);
      return FALSE;
    }
  return TRUE;
}

/* A non-empty array in @member; wrong types are reported by the section. */
static gboolean
has_items (JsonObject *root,
           const char *member)
{
  JsonNode *node = json_object_get_member (root, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
         json_array_get_length (json_node_get_array (node)) > 0;
}

static void
load_root (AtlasLoaderContext *ctx,
           AtlasDataset       *self,
           JsonObject         *root)
{
  /* Another version of the format may mean anything: stop at once. */
  if (!check_format (ctx, root))
    return;

  self->title = atlas_loader_get_text (ctx, root, "title", TRUE);
  self->description = atlas_loader_get_text (ctx, root, "description", FALSE);
  atlas_loader_get_date (ctx, root, "updated", TRUE, &self->updated);

  if (!has_items (root, "supply_chains") && !has_items (root, "shares") &&
      !has_items (root, "prices"))
    atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                         _("nothing to draw: supply_chains, shares and prices are all empty or absent"));

  /* Order matters: each section checks its references against the ones
   * already loaded. */
  atlas_loader_parse_sources (ctx, self, root);
  atlas_loader_parse_regions (ctx, self, root);
  atlas_loader_parse_elements (ctx, self, root);
  atlas_loader_parse_chains (ctx, self, root);
  atlas_loader_parse_shares (ctx, self, root);
  atlas_loader_parse_prices (ctx, self, root);
  atlas_loader_parse_fx (ctx, self, root);
  atlas_loader_parse_events (ctx, self, root);
  atlas_loader_parse_annotations (ctx, self, root);
  atlas_loader_parse_briefings (ctx, self, root);
}

static AtlasDataset *
load (AtlasLoaderContext *ctx,
      const char         *data,
      gsize               length)
{
  g_autoptr(AtlasDataset) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *blanked = NULL;
  const char *json;
  gsize json_length;
  gsize offset = 0;
  JsonNode *root;

  /* Before anything is parsed: the parse tree costs many times the file. */
  if (length > ATLAS_DATASET_MAX_FILE_SIZE)
    {
      atlas_loader_report_message (ctx, ATLAS_DATASET_ERROR_IO,
                                   g_strdup_printf (_("%s: the file is larger than %u MiB (the most a dataset may be)"),
                                                    ctx->display_name,
                                                    ATLAS_DATASET_MAX_FILE_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (fast_points)
    ctx->points_spans = g_array_new (FALSE, FALSE, sizeof (AtlasJsonPointsSpan));
  if (!atlas_json_guard_check_with_points (data, length, ctx->display_name, ATLAS_DATASET_MAX_DEPTH,
                                           &offset, ctx->points_spans, &local_error))
    {
      atlas_loader_report_message (ctx, local_error->code, g_strdup (local_error->message));
      return NULL;
    }

  /* The points arrays are read from these bytes (atlas-points-json.c);
   * json-glib gets them empty. */
  ctx->json_text = json = data + offset;
  json_length = length - offset;
  if (ctx->points_spans != NULL && ctx->points_spans->len > 0)
    json = blanked = atlas_points_json_blank (ctx->json_text, length - offset,
                                              ctx->points_spans, &json_length);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, json_length, &local_error))
    {
      atlas_loader_report_message (ctx, ATLAS_DATASET_ERROR_SYNTAX,
                                   rephrase_json_glib_error (ctx->display_name,
                                                             local_error->message));
      return NULL;
    }
  g_clear_pointer (&blanked, g_free);

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                           _("expected an object (a dataset is a JSON object)"));
      return NULL;
    }

  self = atlas_dataset_new_empty ();
  load_root (ctx, self, json_node_get_object (root));

  if (atlas_loader_context_failed (ctx))
    return NULL;

  /* The tree can be large (a million points): the parser goes now, with
   * this scope, and only the compact model stays. */
  return g_steal_pointer (&self);
}

static AtlasDataset *
finish (AtlasLoaderContext   *ctx,
        AtlasDataset         *dataset,
        char               ***messages,
        GError              **error)
{
  if (dataset == NULL)
    g_propagate_error (error, atlas_loader_context_to_error (ctx));
  if (messages != NULL)
    *messages = atlas_loader_context_steal_messages (ctx);
  return dataset;
}

AtlasDataset *
atlas_dataset_load_data (const char  *data,
                         gsize        length,
                         const char  *display_name,
                         const char  *base_dir,
                         guint        max_messages,
                         char      ***messages,
                         GError     **error)
{
  g_autoptr(AtlasLoaderContext) ctx = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (max_messages == 0)
    max_messages = ATLAS_DATASET_DEFAULT_MAX_MESSAGES;

  /* Without a caller for the other messages, the first problem is enough. */
  ctx = atlas_loader_context_new (display_name, base_dir, max_messages, messages != NULL);
  return finish (ctx, load (ctx, data != NULL ? data : "", length), messages, error);
}

AtlasDataset *
atlas_dataset_load_bytes (GBytes      *contents,
                          const char  *path,
                          guint        max_messages,
                          char      ***messages,
                          GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *base_dir = NULL;
  AtlasDataset *self;
  gsize length;
  const char *data;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  display_name = g_path_get_basename (absolute);
  base_dir = g_path_get_dirname (absolute);
  data = g_bytes_get_data (contents, &length);

  self = atlas_dataset_load_data (data, length, display_name, base_dir,
                                  max_messages, messages, error);
  if (self != NULL)
    {
      self->path = g_steal_pointer (&absolute);
      self->contents = g_bytes_ref (contents);
    }
  return self;
}

AtlasDataset *
atlas_dataset_load_file (const char  *path,
                         guint        max_messages,
                         char      ***messages,
                         GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean too_large;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);

  /* Bounded: a FIFO, a device or a huge file is refused before it can
   * block or fill the memory. */
  if (!atlas_loader_read_file (absolute, ATLAS_DATASET_MAX_FILE_SIZE, &contents, &length,
                               &too_large, &reason))
    {
      /* Named as given: "/dev/null", not "null". */
      g_autofree char *name = atlas_loader_escape (path, -1);
      g_autofree char *message = NULL;

      if (too_large)
        message = g_strdup_printf (_("%s: the file is larger than %u MiB (the most a dataset may be)"),
                                   name, ATLAS_DATASET_MAX_FILE_SIZE / (1024 * 1024));
      else
        message = g_strdup_printf (_("%s: cannot read the file: %s"), name, reason);

      if (messages != NULL)
        {
          *messages = g_new0 (char *, 2);
          (*messages)[0] = g_strdup (message);
        }
      g_set_error_literal (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_IO, message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return atlas_dataset_load_bytes (bytes, absolute, max_messages, messages, error);
}
