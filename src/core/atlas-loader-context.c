/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-loader-context.c: problem collection with JSON paths, and typed access to JSON members. */
#include "atlas-loader-context-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Long dataset strings are cut in messages: the place is what matters. */
#define QUOTE_MAX_CHARS 80

AtlasLoaderContext *
atlas_loader_context_new (const char *display_name,
                          const char *base_dir,
                          guint       max_messages,
                          gboolean    collect)
{
  AtlasLoaderContext *ctx = g_new0 (AtlasLoaderContext, 1);

  ctx->display_name = atlas_loader_escape (display_name != NULL ? display_name : "<data>", -1);
  ctx->base_dir = g_strdup (base_dir);
  ctx->max_messages = MAX (max_messages, 1);
  ctx->collect = collect;
  ctx->messages = g_ptr_array_new_with_free_func (g_free);
  return ctx;
}

void
atlas_loader_context_free (AtlasLoaderContext *ctx)
{
  if (ctx == NULL)
    return;
  g_free (ctx->display_name);
  g_free (ctx->base_dir);
  g_ptr_array_unref (ctx->messages);
  g_clear_pointer (&ctx->points_spans, g_array_unref);
  g_free (ctx);
}

gboolean
atlas_loader_context_failed (const AtlasLoaderContext *ctx)
{
  return ctx->messages->len > 0;
}

gboolean
atlas_loader_context_should_stop (const AtlasLoaderContext *ctx)
{
  if (ctx->messages->len == 0)
    return FALSE;
  return !ctx->collect || ctx->messages->len >= ctx->max_messages;
}

GError *
atlas_loader_context_to_error (const AtlasLoaderContext *ctx)
{
  if (ctx->messages->len == 0)
    return NULL;
  return g_error_new_literal (ATLAS_DATASET_ERROR, ctx->first_code,
                              g_ptr_array_index (ctx->messages, 0));
}

char **
atlas_loader_context_steal_messages (AtlasLoaderContext *ctx)
{
  GPtrArray *messages = g_steal_pointer (&ctx->messages);

  ctx->messages = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_free_func (messages, NULL);
  g_ptr_array_add (messages, NULL);
  return (char **) g_ptr_array_free (messages, FALSE);
}

/* ---- the path --------------------------------------------------------- */

void
atlas_loader_push_member (AtlasLoaderContext *ctx,
                          const char         *member)
{
  /* The loader's own nesting is fixed and shallow; the guard is for bugs. */
  g_assert (ctx->depth < ATLAS_LOADER_MAX_PATH);
  ctx->path[ctx->depth].member = member;
  ctx->path[ctx->depth].index = 0;
  ctx->depth++;
}

void
atlas_loader_push_index (AtlasLoaderContext *ctx,
                         guint               index)
{
  g_assert (ctx->depth < ATLAS_LOADER_MAX_PATH);
  ctx->path[ctx->depth].member = NULL;
  ctx->path[ctx->depth].index = index;
  ctx->depth++;
}

void
atlas_loader_pop (AtlasLoaderContext *ctx)
{
  g_assert (ctx->depth > 0);
  ctx->depth--;
}

static void
append_path (GString                  *out,
             const AtlasLoaderContext *ctx,
             guint                     depth,
             gint64                    last_index)
{
  g_string_append_c (out, '$');
  for (guint i = 0; i < depth; i++)
    {
      const AtlasPathSegment *segment = &ctx->path[i];

      if (segment->member != NULL)
        g_string_append_printf (out, ".%s", segment->member);
      else if (i == depth - 1 && last_index >= 0)
        g_string_append_printf (out, "[%" G_GINT64_FORMAT "]", last_index);
      else
        g_string_append_printf (out, "[%u]", segment->index);
    }
}

char *
atlas_loader_path (const AtlasLoaderContext *ctx)
{
  GString *out = g_string_new (NULL);

  append_path (out, ctx, ctx->depth, -1);
  return g_string_free (out, FALSE);
}

char *
atlas_loader_sibling_path (const AtlasLoaderContext *ctx,
                           guint                     index)
{
  GString *out = g_string_new (NULL);
  guint depth = ctx->depth;

  /* The item's own members may be pushed: cut back to the list index. */
  while (depth > 0 && ctx->path[depth - 1].member != NULL)
    depth--;
  append_path (out, ctx, depth, index);
  return g_string_free (out, FALSE);
}

/* ---- reporting -------------------------------------------------------- */

void
atlas_loader_report_message (AtlasLoaderContext *ctx,
                             AtlasDatasetError   code,
                             char               *message)
{
  if (ctx->messages->len >= ctx->max_messages ||
      (!ctx->collect && ctx->messages->len > 0))
    {
      g_free (message);
      return;
    }

  if (ctx->messages->len == 0)
    ctx->first_code = code;
  g_ptr_array_add (ctx->messages, message);
}

static void report_at (AtlasLoaderContext *ctx, AtlasDatasetError code, const char *member,
                       const char *format, va_list args) G_GNUC_PRINTF (4, 0);

static void
report_at (AtlasLoaderContext *ctx,
           AtlasDatasetError   code,
           const char         *member,
           const char         *format,
           va_list             args)
{
  g_autofree char *text = NULL;
  GString *message;

  if (atlas_loader_context_should_stop (ctx))
    return;

  text = g_strdup_vprintf (format, args);
  message = g_string_new (ctx->display_name);
  g_string_append (message, ": ");
  append_path (message, ctx, ctx->depth, -1);
  if (member != NULL)
    g_string_append_printf (message, ".%s", member);
  g_string_append (message, ": ");
  g_string_append (message, text);

  atlas_loader_report_message (ctx, code, g_string_free (message, FALSE));
}

void
atlas_loader_report (AtlasLoaderContext *ctx,
                     AtlasDatasetError   code,
                     const char         *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  report_at (ctx, code, NULL, format, args);
  va_end (args);
}

void
atlas_loader_report_member (AtlasLoaderContext *ctx,
                            AtlasDatasetError   code,
                            const char         *member,
                            const char         *format,
                            ...)
{
  va_list args;

  va_start (args, format);
  report_at (ctx, code, member, format, args);
  va_end (args);
}

/* ---- quoting ---------------------------------------------------------- */

static gboolean
is_invisible_control (gunichar c)
{
  return (c >= 0x80 && c <= 0x9f) ||      /* C1 controls, NEL among them */
         c == 0x2028 || c == 0x2029 ||     /* line and paragraph separators */
         (c >= 0x202a && c <= 0x202e) ||   /* bidi embeddings and overrides */
         (c >= 0x2066 && c <= 0x2069) ||   /* bidi isolates */
         c == 0x200e || c == 0x200f ||     /* direction marks */
         c == 0xfeff;
}

static void
append_escaped (GString    *out,
                const char *text,
                gsize       length,
                gsize       max_chars)
{
  const char *p = text;
  const char *end = text + length;
  gsize n_chars = 0;

  while (p < end)
    {
      guchar c = (guchar) *p;

      if (max_chars > 0 && n_chars == max_chars)
        {
          g_string_append (out, "…");
          return;
        }
      n_chars++;

      if (c < 0x80)
        {
          switch (c)
            {
            case '"': g_string_append (out, "\\\""); break;
            case '\\': g_string_append (out, "\\\\"); break;
            case '\n': g_string_append (out, "\\n"); break;
            case '\r': g_string_append (out, "\\r"); break;
            case '\t': g_string_append (out, "\\t"); break;
            default:
              if (c < 0x20 || c == 0x7f)
                g_string_append_printf (out, "\\x%02x", c);
              else
                g_string_append_c (out, (char) c);
            }
          p++;
          continue;
        }

      {
        gunichar u = g_utf8_get_char_validated (p, end - p);

        if (u == (gunichar) -1 || u == (gunichar) -2)
          {
            g_string_append_printf (out, "\\x%02x", c);
            p++;
          }
        else
          {
            const char *next = g_utf8_next_char (p);

            if (is_invisible_control (u))
              g_string_append_printf (out, "\\u%04X", u);
            else
              g_string_append_len (out, p, next - p);
            p = next;
          }
      }
    }
}

char *
atlas_loader_escape (const char *text,
                     gssize      length)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (text);

  out = g_string_sized_new (length + 8);
  append_escaped (out, text, length, 0);
  return g_string_free (out, FALSE);
}

char *
atlas_loader_quote_len (const char *text,
                        gsize       length)
{
  GString *out = g_string_sized_new (MIN (length, 100) + 8);

  g_string_append_c (out, '"');
  if (text != NULL)
    append_escaped (out, text, length, QUOTE_MAX_CHARS);
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

char *
atlas_loader_quote (const char *text)
{
  return atlas_loader_quote_len (text, text != NULL ? strlen (text) : 0);
}

gboolean
atlas_loader_magnitude_allowed (double value)
{
  double magnitude = fabs (value);

  return magnitude == 0 ||
         (magnitude >= ATLAS_DATASET_MIN_MAGNITUDE && magnitude <= ATLAS_DATASET_MAX_MAGNITUDE);
}

char *
atlas_loader_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isinf (value))
    return g_strdup (value > 0 ? "inf" : "-inf");
  if (isnan (value))
    return g_strdup ("nan");

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  return g_strdup (buffer);
}

gboolean
atlas_loader_is_valid_id (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.' && *p != ':')
      return FALSE;
  return TRUE;
}

/* ---- typed members ---------------------------------------------------- */

JsonNode *
atlas_loader_get_member (AtlasLoaderContext *ctx,
                         JsonObject         *object,
                         const char         *member,
                         gboolean            required)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                _("missing required member \"%s\""), member);
  return node;
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

const char *
atlas_loader_get_string (AtlasLoaderContext *ctx,
                         JsonObject         *object,
                         const char         *member,
                         gboolean            required)
{
  JsonNode *node = atlas_loader_get_member (ctx, object, member, required);

  if (node == NULL)
    return NULL;
  if (!node_is_string (node))
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                  _("expected a string"));
      return NULL;
    }
  return json_node_get_string (node);
}

const char *
atlas_loader_get_id (AtlasLoaderContext *ctx,
                     JsonObject         *object,
                     const char         *member,
                     gboolean            required)
{
  const char *id = atlas_loader_get_string (ctx, object, member, required);

  if (id != NULL && !atlas_loader_is_valid_id (id))
    {
      g_autofree char *quoted = atlas_loader_quote (id);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                  _("invalid id %s (use letters, digits, '-', '_', '.' and ':')"),
                                  quoted);
      return NULL;
    }
  return id;
}

AtlasText *
atlas_loader_text_from_node (AtlasLoaderContext *ctx,
                             JsonNode           *node)
{
  g_autoptr(AtlasText) text = NULL;

  if (node_is_string (node))
    return atlas_text_new_plain (json_node_get_string (node));

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      text = atlas_text_new ();
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *lang = l->data;
          JsonNode *value = json_object_get_member (object, lang);

          if (*lang == '\0' || !node_is_string (value))
            {
              g_clear_pointer (&text, atlas_text_free);
              break;
            }
          atlas_text_add (text, lang, json_node_get_string (value));
        }
      if (text != NULL && atlas_text_n_languages (text) > 0)
        return g_steal_pointer (&text);
    }

  atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                       _("expected text (a string or an object of language tags to strings)"));
  return NULL;
}

AtlasText *
atlas_loader_get_text (AtlasLoaderContext *ctx,
                       JsonObject         *object,
                       const char         *member,
                       gboolean            required)
{
  JsonNode *node = atlas_loader_get_member (ctx, object, member, required);
  AtlasText *text;

  if (node == NULL)
    return NULL;

  atlas_loader_push_member (ctx, member);
  text = atlas_loader_text_from_node (ctx, node);
  atlas_loader_pop (ctx);
  return text;
}

gboolean
atlas_loader_number_from_node (AtlasLoaderContext *ctx,
                               JsonNode           *node,
                               double             *out)
{
  double value;

  if (!node_is_number (node))
    {
      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID, _("expected a number"));
      return FALSE;
    }

  /* json-glib reads 1e999 as infinity: the format allows finite numbers only. */
  value = json_node_get_double (node);
  if (!isfinite (value))
    {
      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID, _("not a finite number"));
      return FALSE;
    }
  if (!atlas_loader_magnitude_allowed (value))
    {
      g_autofree char *number = atlas_loader_format_number (value);

      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                           _("%s is outside the numbers a dataset may hold (zero, or 1e-12 to 1e15 either side of it)"),
                           number);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
atlas_loader_get_number (AtlasLoaderContext *ctx,
                         JsonObject         *object,
                         const char         *member,
                         gboolean            required,
                         double             *out)
{
  JsonNode *node = atlas_loader_get_member (ctx, object, member, required);
  gboolean ok;

  if (node == NULL)
    return FALSE;

  atlas_loader_push_member (ctx, member);
  ok = atlas_loader_number_from_node (ctx, node, out);
  atlas_loader_pop (ctx);
  return ok;
}

gboolean
atlas_loader_get_int (AtlasLoaderContext *ctx,
                      JsonObject         *object,
                      const char         *member,
                      gboolean            required,
                      int                *out)
{
  double value;

  if (!atlas_loader_get_number (ctx, object, member, required, &value))
    return FALSE;

  /* 2024.0 is an integer too; the range keeps the cast defined. */
  if (value != floor (value))
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                  _("expected an integer"));
      return FALSE;
    }
  if (value < G_MININT || value > G_MAXINT)
    {
      g_autofree char *number = atlas_loader_format_number (value);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                  _("the integer %s is out of range (%d to %d)"), number, G_MININT, G_MAXINT);
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

gboolean
atlas_loader_get_bool (AtlasLoaderContext *ctx,
                       JsonObject         *object,
                       const char         *member,
                       gboolean           *out)
{
  JsonNode *node = atlas_loader_get_member (ctx, object, member, FALSE);

  *out = FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                  _("expected true or false"));
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
atlas_loader_date_from_node (AtlasLoaderContext *ctx,
                             JsonNode           *node,
                             AtlasDate          *out)
{
  const char *text;

  if (!node_is_string (node))
    {
      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                           _("expected a date (a string \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")"));
      return FALSE;
    }

  text = json_node_get_string (node);
  if (!atlas_date_parse (text, strlen (text), out))
    {
      g_autofree char *quoted = atlas_loader_quote (text);

      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                           _("invalid date %s (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
                           quoted);
      return FALSE;
    }
  return TRUE;
}

gboolean
atlas_loader_get_date (AtlasLoaderContext *ctx,
                       JsonObject         *object,
                       const char         *member,
                       gboolean            required,
                       AtlasDate          *out)
{
  JsonNode *node = atlas_loader_get_member (ctx, object, member, required);
  gboolean ok;

  if (node == NULL)
    return FALSE;

  atlas_loader_push_member (ctx, member);
  ok = atlas_loader_date_from_node (ctx, node, out);
  atlas_loader_pop (ctx);
  return ok;
}

JsonObject *
atlas_loader_object_from_node (AtlasLoaderContext *ctx,
                               JsonNode           *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID, _("expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
atlas_loader_get_array (AtlasLoaderContext *ctx,
                        JsonObject         *object,
                        const char         *member,
                        gboolean            required)
{
  JsonNode *node = atlas_loader_get_member (ctx, object, member, required);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                  _("expected an array"));
      return NULL;
    }
  return json_node_get_array (node);
}

/* The kind of id a list holds (what callers pass: "source", "series",
 * "region", "element", "event kind") in the user's language. The events'
 * loader translates the same way: g_dpgettext2 (..., "kind of id", what). */
static const char *
id_kind_name (const char *what)
{
  if (g_str_equal (what, "source"))
    return C_("kind of id", "source");
  if (g_str_equal (what, "series"))
    return C_("kind of id", "series");
  if (g_str_equal (what, "region"))
    return C_("kind of id", "region");
  if (g_str_equal (what, "element"))
    return C_("kind of id", "element");
  if (g_str_equal (what, "event kind"))
    return C_("kind of id", "event kind");
  return what;
}

/* Checks one id of a list; @node is at the current path. */
static gboolean
check_listed_id (AtlasLoaderContext *ctx,
                 JsonNode           *node,
                 GHashTable         *index,
                 const char         *what)
{
  const char *id;

  what = id_kind_name (what);

  if (!node_is_string (node))
    {
      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                           _("expected a %s id (a string)"), what);
      return FALSE;
    }

  id = json_node_get_string (node);
  if (index != NULL ? !g_hash_table_contains (index, id) : !atlas_loader_is_valid_id (id))
    {
      g_autofree char *quoted = atlas_loader_quote (id);

      if (index != NULL)
        atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID, _("unknown %s %s"), what, quoted);
      else
        atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                             _("invalid id %s (use letters, digits, '-', '_', '.' and ':')"),
                             quoted);
      return FALSE;
    }
  return TRUE;
}

char **
atlas_loader_get_id_list (AtlasLoaderContext *ctx,
                          JsonObject         *object,
                          const char         *member,
                          gboolean            required,
                          GHashTable         *index,
                          const char         *what)
{
  JsonNode *node = atlas_loader_get_member (ctx, object, member, required);
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean ok = TRUE;

  if (node == NULL)
    return NULL;

  atlas_loader_push_member (ctx, member);

  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      builder = g_strv_builder_new ();
      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          atlas_loader_push_index (ctx, i);
          if (check_listed_id (ctx, item, index, what))
            g_strv_builder_add (builder, json_node_get_string (item));
          else
            ok = FALSE;
          atlas_loader_pop (ctx);
        }
    }
  else if (node_is_string (node))
    {
      builder = g_strv_builder_new ();
      if (check_listed_id (ctx, node, index, what))
        g_strv_builder_add (builder, json_node_get_string (node));
      else
        ok = FALSE;
    }
  else
    {
      atlas_loader_report (ctx, ATLAS_DATASET_ERROR_INVALID,
                           _("expected a %s id or a non-empty array of %s ids"),
                           id_kind_name (what), id_kind_name (what));
      ok = FALSE;
    }

  atlas_loader_pop (ctx);

  if (!ok)
    return NULL;
  return g_strv_builder_end (builder);
}

char *
atlas_loader_unknown_members (JsonObject         *object,
                              const char * const *known)
{
  g_autoptr(JsonObject) unknown = NULL;
  g_autoptr(JsonNode) node = NULL;
  /* In file order (json_object_iter_init() is in hash order). */
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strv_contains (known, name))
        continue;
      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, name, json_node_copy (json_object_get_member (object, name)));
    }
  if (unknown == NULL)
    return NULL;
  node = json_node_init_object (json_node_alloc (), unknown);
  return json_to_string (node, FALSE);
}

gboolean
atlas_loader_check_unique (AtlasLoaderContext *ctx,
                           GHashTable         *seen,
                           const char         *member,
                           const char         *id,
                           guint               index)
{
  gpointer earlier = g_hash_table_lookup (seen, id);

  if (earlier != NULL)
    {
      g_autofree char *quoted = atlas_loader_quote (id);
      g_autofree char *first = atlas_loader_sibling_path (ctx, GPOINTER_TO_UINT (earlier) - 1);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, member,
                                  _("duplicate id %s (first at %s)"), quoted, first);
      return FALSE;
    }

  g_hash_table_insert (seen, (gpointer) id, GUINT_TO_POINTER (index + 1));
  return TRUE;
}

/* ---- reading files ---------------------------------------------------- */

gboolean
atlas_loader_read_file (const char  *path,
                        gsize        max_size,
                        char       **contents,
                        gsize       *length,
                        gboolean    *too_large,
                        char       **reason)
{
  g_autofree char *buffer = NULL;
  gsize size = 0, allocated;
  struct stat st;
  int fd;

  *contents = NULL;
  *length = 0;
  *too_large = FALSE;
  *reason = NULL;

  /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
   * writer that never comes. It changes nothing for a regular file. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      *reason = g_strdup (g_strerror (errno));
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    {
      *reason = g_strdup (g_strerror (errno));
      close (fd);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      *reason = g_strdup (S_ISDIR (st.st_mode) ? g_strerror (EISDIR) : _("not a regular file"));
      close (fd);
      return FALSE;
    }
  if ((guint64) st.st_size > max_size)
    {
      *too_large = TRUE;
      close (fd);
      return FALSE;
    }

  /* The size may change while reading: read to the end, never past the
   * limit. */
  allocated = (gsize) st.st_size + 1;
  buffer = g_malloc (allocated);
  for (;;)
    {
      gssize n;

      if (size + 1 == allocated)
        {
          if (size >= max_size)
            {
              char probe;

              /* Exactly at the limit: fine unless there is more. */
              do
                n = read (fd, &probe, 1);
              while (n < 0 && errno == EINTR);
              if (n == 0)
                break;
              close (fd);
              if (n < 0)
                {
                  *reason = g_strdup (g_strerror (errno));
                  return FALSE;
                }
              *too_large = TRUE;
              return FALSE;
            }
          allocated = MIN (MAX (allocated * 2, (gsize) 4096), max_size + 1);
          buffer = g_realloc (buffer, allocated);
        }
      n = read (fd, buffer + size, allocated - 1 - size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *reason = g_strdup (g_strerror (errno));
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      size += (gsize) n;
    }
  close (fd);

  buffer[size] = '\0';
  *contents = g_steal_pointer (&buffer);
  *length = size;
  return TRUE;
}
