/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-json-guard.c: a strict, non-recursive JSON check (UTF-8, grammar, depth) before json-glib parses. */
#include "atlas-json-guard-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-dataset.h"
#include "atlas-loader-context-private.h"

/* Member names of an object are compared with each other while there are
 * few (dataset objects have a handful); past this many, through a hash
 * table, so that a hostile object with a million keys stays linear. Every
 * duplicate is found: json-glib would otherwise keep the last value, and
 * scan all the names before it for each repeat. */
#define MAX_KEYS_COMPARED 64

typedef enum {
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,   /* after '[' */
  EXPECT_KEY_OR_CLOSE,     /* after '{' */
  EXPECT_KEY,              /* after ',' in an object */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,
} GuardState;

typedef struct {
  const char *start;       /* the name as written, between its quotes */
  gsize       length;
  const char *name;        /* the name decoded: == start unless it has escapes */
  gsize       name_length;
} KeySpan;

typedef struct {
  const char *data;        /* the content, after any byte-order mark */
  const char *end;
  const char *display_name;
  GError    **error;
  guint       n_values;    /* json-glib spends about 100 bytes on each */
  guint       n_objects;   /* and about 440 on an object */
} Guard;

void
atlas_json_guard_locate (const char *data,
                         gsize       offset,
                         guint      *line,
                         guint      *column)
{
  const char *line_start = data;
  guint n_lines = 1;

  for (const char *p = data; p < data + offset; p++)
    if (*p == '\n')
      {
        n_lines++;
        line_start = p + 1;
      }

  *line = n_lines;
  /* Columns count characters; the bytes before @offset are valid UTF-8. */
  *column = (guint) g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

static gboolean fail (Guard *guard, const char *at, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Guard      *guard,
      const char *at,
      const char *format,
      ...)
{
  g_autofree char *text = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  atlas_json_guard_locate (guard->data, at - guard->data, &line, &column);
  g_set_error (guard->error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_SYNTAX,
               "%s:%u:%u: %s", guard->display_name, line, column, text);
  return FALSE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits at @p; -1 when they are not. */
static int
read_hex4 (const char *p,
           const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Scans the string whose opening quote is at *@pp; leaves *@pp after the
 * closing quote. */
/* U+FDD0..U+FDEF and the last two code points of every plane: valid
 * UTF-8 that cairo refuses to write into a PDF ("input string not valid
 * UTF-8"), so a dataset cannot hold them. */
static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

static gboolean
fail_noncharacter (Guard *guard, const char *p, gunichar c)
{
  return fail (guard, p, _("the Unicode non-character U+%04X is not allowed in a string"), (guint) c);
}

static gboolean
scan_string (Guard       *guard,
             const char **pp)
{
  const char *start = *pp;
  const char *p = start + 1;
  const char *end = guard->end;

  for (;;)
    {
      guchar c;

      /* The common case: plain characters, skipped without decisions
       * (Han and most scripts lead with bytes below 0xef, where no
       * non-character is). */
      while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20 && (guchar) *p < 0xef)
        p++;

      if (p >= end)
        return fail (guard, start, _("syntax error: unterminated string"));

      c = (guchar) *p;
      if (c == '"')
        break;
      if (c >= 0xef)
        {
          /* The file is valid UTF-8 (check_utf8() ran first). */
          gunichar u = g_utf8_get_char (p);

          if (is_noncharacter (u))
            return fail_noncharacter (guard, p, u);
          p = g_utf8_next_char (p);
          continue;
        }

      if (c < 0x20)
        return fail (guard, p, _("syntax error: control character in a string (write it as an escape such as \\n)"));

      /* A backslash. */
      if (p + 1 >= end)
        return fail (guard, start, _("syntax error: unterminated string"));

      switch (p[1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          p += 2;
          break;

        case 'u':
          {
            int unit = read_hex4 (p + 2, end);

            if (unit < 0)
              return fail (guard, p, _("syntax error: invalid \\u escape (expected four hex digits)"));
            if (unit == 0)
              return fail (guard, p, _("syntax error: \\u0000 is not allowed in a string"));
            if (unit >= 0xdc00 && unit <= 0xdfff)
              return fail (guard, p, _("syntax error: unpaired surrogate in a \\u escape"));
            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                int low = (end - p >= 12 && p[6] == '\\' && p[7] == 'u') ? read_hex4 (p + 8, end) : -1;

                if (low < 0xdc00 || low > 0xdfff)
                  return fail (guard, p, _("syntax error: unpaired surrogate in a \\u escape"));
                if (is_noncharacter (0x10000 + (((gunichar) unit - 0xd800) << 10) + ((gunichar) low - 0xdc00)))
                  return fail_noncharacter (guard, p, 0x10000 + (((gunichar) unit - 0xd800) << 10) +
                                                      ((gunichar) low - 0xdc00));
                p += 12;
              }
            else if (is_noncharacter ((gunichar) unit))
              return fail_noncharacter (guard, p, (gunichar) unit);
            else
              p += 6;
          }
          break;

        default:
          return fail (guard, p, _("syntax error: invalid escape in a string"));
        }
    }

  /* One long string costs json-glib a copy or two, and every chart that
   * shows it a layout of it: no dataset text needs this much. */
  if ((gsize) (p - start - 1) > ATLAS_DATASET_MAX_STRING)
    return fail (guard, start, _("a string longer than %u bytes (the longest a dataset may hold)"),
                 ATLAS_DATASET_MAX_STRING);

  *pp = p + 1;
  return TRUE;
}

static gboolean
is_delimiter (const char *p,
              const char *end)
{
  if (p >= end)
    return TRUE;
  /* A switch, not strchr(): this runs after every number of the file. */
  switch (*p)
    {
    case ' ': case '\t': case '\r': case '\n': case ',': case ']': case '}': case ':':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
scan_number (Guard       *guard,
             const char **pp)
{
  const char *start = *pp;
  const char *p = start;
  const char *end = guard->end;
  const char *digits;
  gboolean integer = TRUE;
  gsize n_digits;

  if (*p == '-')
    p++;
  digits = p;

  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    return fail (guard, start, _("syntax error: invalid number"));
  n_digits = p - digits;

  if (p < end && *p == '.')
    {
      integer = FALSE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail (guard, start, _("syntax error: invalid number"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail (guard, start, _("syntax error: invalid number"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (!is_delimiter (p, end))
    return fail (guard, start, _("syntax error: invalid number"));

  /* json-glib stores integers as gint64 and silently wraps larger ones. */
  if (integer)
    {
      const char *limit = *start == '-' ? "9223372036854775808" : "9223372036854775807";

      if (n_digits > 19 || (n_digits == 19 && memcmp (digits, limit, 19) > 0))
        return fail (guard, start, _("syntax error: integer too large (write it with an exponent, such as 1e20)"));
    }

  *pp = p;
  return TRUE;
}

static gboolean
scan_literal (Guard       *guard,
              const char **pp)
{
  static const char * const literals[] = { "true", "false", "null" };
  const char *p = *pp;

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if ((gsize) (guard->end - p) >= len && memcmp (p, literals[i], len) == 0 &&
          is_delimiter (p + len, guard->end))
        {
          *pp = p + len;
          return TRUE;
        }
    }
  return fail (guard, p, _("syntax error: expected a value"));
}

static const char *
expectation (GuardState state,
             char       container)
{
  switch (state)
    {
    case EXPECT_VALUE:
      return _("expected a value");
    case EXPECT_VALUE_OR_CLOSE:
      return _("expected a value or ']'");
    case EXPECT_KEY_OR_CLOSE:
      return _("expected a member name (a string) or '}'");
    case EXPECT_KEY:
      return _("expected a member name (a string)");
    case EXPECT_COLON:
      return _("expected ':'");
    case EXPECT_COMMA_OR_CLOSE:
      return container == '{' ? _("expected ',' or '}'") : _("expected ',' or ']'");
    case EXPECT_END:
    default:
      return _("expected the end of the file after the top-level value");
    }
}

static gboolean
check_utf8 (Guard      *guard,
            gsize       bom_length)
{
  const char *invalid;

  if (g_utf8_validate_len (guard->data, guard->end - guard->data, &invalid))
    return TRUE;

  /* %lu, not G_GSIZE_FORMAT: xgettext cannot read a macro inside a message. */
  if (*invalid == '\0')
    return fail (guard, invalid, _("NUL byte at byte offset %lu (not a text file)"),
                 (unsigned long) (invalid - guard->data) + bom_length);
  return fail (guard, invalid, _("invalid UTF-8 at byte offset %lu"),
               (unsigned long) (invalid - guard->data) + bom_length);
}

/* The name between @start and @end with its escapes decoded (they are
 * valid: scan_string() checked them), so that "a" and "\u0061" are found
 * to be the same member, as json-glib reads them. */
static char *
decode_name (const char *start,
             const char *end,
             gsize      *length)
{
  GString *name = g_string_sized_new (end - start);
  const char *p = start;

  while (p < end)
    {
      if (*p != '\\')
        {
          g_string_append_c (name, *p++);
          continue;
        }
      switch (p[1])
        {
        case 'b': g_string_append_c (name, '\b'); p += 2; break;
        case 'f': g_string_append_c (name, '\f'); p += 2; break;
        case 'n': g_string_append_c (name, '\n'); p += 2; break;
        case 'r': g_string_append_c (name, '\r'); p += 2; break;
        case 't': g_string_append_c (name, '\t'); p += 2; break;
        case 'u':
          {
            gunichar c = (gunichar) read_hex4 (p + 2, end);

            p += 6;
            if (c >= 0xd800 && c <= 0xdbff)
              {
                c = 0x10000 + ((c - 0xd800) << 10) + ((gunichar) read_hex4 (p + 2, end) - 0xdc00);
                p += 6;
              }
            g_string_append_unichar (name, c);
          }
          break;
        default:                /* '"', '\\', '/' */
          g_string_append_c (name, p[1]);
          p += 2;
          break;
        }
    }
  *length = name->len;
  return g_string_free (name, FALSE);
}

static guint
key_hash (gconstpointer key)
{
  const KeySpan *span = key;
  guint hash = 5381;

  for (gsize i = 0; i < span->name_length; i++)
    hash = hash * 33 + (guchar) span->name[i];
  return hash;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const KeySpan *x = a, *y = b;

  return x->name_length == y->name_length && memcmp (x->name, y->name, x->name_length) == 0;
}

/* Per open object: its keys, compared one by one or through @table. */
typedef struct {
  GArray     *keys;        /* KeySpan */
  GHashTable *table;       /* of KeySpan*, once there are many keys */
  GPtrArray  *names;       /* decoded names, owned */
} ObjectKeys;

/* Ready for the next object at the same level, keeping the allocations. */
static void
object_keys_reset (ObjectKeys *object)
{
  if (object->keys != NULL)
    g_array_set_size (object->keys, 0);
  g_clear_pointer (&object->table, g_hash_table_unref);
  if (object->names != NULL)
    g_ptr_array_set_size (object->names, 0);
}

/* One ObjectKeys per level of nesting. */
typedef struct {
  ObjectKeys *levels;
  guint       n_levels;
} KeyStack;

static void
key_stack_clear (KeyStack *stack)
{
  for (guint i = 0; i < stack->n_levels; i++)
    {
      g_clear_pointer (&stack->levels[i].keys, g_array_unref);
      g_clear_pointer (&stack->levels[i].table, g_hash_table_unref);
      g_clear_pointer (&stack->levels[i].names, g_ptr_array_unref);
    }
  g_clear_pointer (&stack->levels, g_free);
  stack->n_levels = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeyStack, key_stack_clear)

/* Adds the key between @start and @end to @object; FALSE when the object
 * has it already. */
static gboolean
object_keys_add (ObjectKeys *object,
                 const char *start,
                 const char *end)
{
  KeySpan span = { start, end - start, start, end - start };

  if (memchr (start, '\\', end - start) != NULL)
    {
      char *name = decode_name (start, end, &span.name_length);

      if (object->names == NULL)
        object->names = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (object->names, name);
      span.name = name;
    }

  if (object->keys == NULL)
    object->keys = g_array_new (FALSE, FALSE, sizeof (KeySpan));

  if (object->table != NULL)
    {
      KeySpan *copy;

      if (g_hash_table_contains (object->table, &span))
        return FALSE;
      copy = g_new (KeySpan, 1);
      *copy = span;
      g_hash_table_add (object->table, copy);
      return TRUE;
    }

  for (guint i = 0; i < object->keys->len; i++)
    if (key_equal (&g_array_index (object->keys, KeySpan, i), &span))
      return FALSE;
  g_array_append_val (object->keys, span);

  if (object->keys->len > MAX_KEYS_COMPARED)
    {
      object->table = g_hash_table_new_full (key_hash, key_equal, g_free, NULL);
      for (guint i = 0; i < object->keys->len; i++)
        {
          KeySpan *copy = g_new (KeySpan, 1);

          *copy = g_array_index (object->keys, KeySpan, i);
          g_hash_table_add (object->table, copy);
        }
    }
  return TRUE;
}

/* Whether the member name between @start and @end reads @name, as
 * json-glib reads it (escapes decoded). */
static gboolean
key_is (const char *start,
        const char *end,
        const char *name)
{
  gsize length = strlen (name);
  g_autofree char *decoded = NULL;

  if (memchr (start, '\\', end - start) == NULL)
    return (gsize) (end - start) == length && memcmp (start, name, length) == 0;

  decoded = decode_name (start, end, &length);
  return length == strlen (name) && memcmp (decoded, name, length) == 0;
}

/* Where the scan is relative to $.prices[*].points, for the loader's fast
 * path; three compares per value, on the depth the scan keeps anyway. */
typedef struct {
  GArray             *spans;        /* AtlasJsonPointsSpan, or NULL: not wanted */
  gboolean            key_prices;   /* the root member being read is "prices" */
  gboolean            in_prices;    /* inside the array $.prices */
  guint               n_series;     /* elements of $.prices begun */
  gboolean            key_points;   /* the series member being read is "points" */
  gboolean            in_points;    /* inside $.prices[n_series - 1].points */
  gboolean            all_arrays;   /* every element of it so far is an array */
  AtlasJsonPointsSpan span;
} PointsTracker;

gboolean
atlas_json_guard_check (const char  *data,
                        gsize        length,
                        const char  *display_name,
                        guint        max_depth,
                        gsize       *content_offset,
                        GError     **error)
{
  return atlas_json_guard_check_with_points (data, length, display_name, max_depth,
                                             content_offset, NULL, error);
}

gboolean
atlas_json_guard_check_with_points (const char  *data,
                                    gsize        length,
                                    const char  *display_name,
                                    guint        max_depth,
                                    gsize       *content_offset,
                                    GArray      *points_spans,
                                    GError     **error)
{
  Guard guard = { data, data + length, display_name, error, 0 };
  PointsTracker points = { points_spans };
  g_autofree char *stack = NULL;   /* '{' or '[' per open level */
  g_auto(KeyStack) objects = { NULL, 0 };
  GuardState state = EXPECT_VALUE;
  guint depth = 0;
  gsize bom_length = 0;
  const char *p;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    bom_length = 3;
  guard.data = data + bom_length;
  *content_offset = bom_length;

  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                      ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    {
      g_set_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_SYNTAX,
                   _("%s: the file is UTF-16, not UTF-8"), display_name);
      return FALSE;
    }

  if (!check_utf8 (&guard, bom_length))
    return FALSE;

  p = guard.data;
  while (p < guard.end && strchr (" \t\r\n", *p) != NULL)
    p++;
  if (p == guard.end)
    {
      g_set_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_SYNTAX,
                   _("%s: empty file (expected a JSON object)"), display_name);
      return FALSE;
    }

  stack = g_malloc (max_depth + 1);
  objects.levels = g_new0 (ObjectKeys, max_depth + 1);
  objects.n_levels = max_depth + 1;

  for (;;)
    {
      char c;

      while (p < guard.end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;

      if (p >= guard.end)
        {
          if (state == EXPECT_END)
            return TRUE;
          return fail (&guard, p, _("syntax error: unexpected end of file (%s)"),
                       expectation (state, depth > 0 ? stack[depth - 1] : 0));
        }

      c = *p;
      switch (state)
        {
        case EXPECT_END:
          return fail (&guard, p, _("syntax error: %s"), expectation (state, 0));

        case EXPECT_COLON:
          if (c != ':')
            return fail (&guard, p, _("syntax error: %s"), expectation (state, 0));
          p++;
          state = EXPECT_VALUE;
          continue;

        case EXPECT_KEY_OR_CLOSE:
        case EXPECT_KEY:
          if (c == '}' && state == EXPECT_KEY_OR_CLOSE)
            goto close;
          if (c != '"')
            return fail (&guard, p, _("syntax error: %s"), expectation (state, 0));
          {
            const char *key = p;

            if (!scan_string (&guard, &p))
              return FALSE;
            if (!object_keys_add (&objects.levels[depth - 1], key + 1, p - 1))
              {
                g_autofree char *quoted = atlas_loader_quote_len (key + 1, p - key - 2);

                return fail (&guard, key, _("syntax error: duplicate member %s in one object"),
                             quoted);
              }
            /* A member of the root, or of an object in $.prices. */
            if (points.spans != NULL && depth == 1)
              points.key_prices = key_is (key + 1, p - 1, "prices");
            else if (points.spans != NULL && depth == 3 && points.in_prices)
              points.key_points = key_is (key + 1, p - 1, "points");
          }
          state = EXPECT_COLON;
          continue;

        case EXPECT_COMMA_OR_CLOSE:
          if (c == ',')
            {
              p++;
              state = stack[depth - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
              continue;
            }
          if ((c == '}' && stack[depth - 1] == '{') || (c == ']' && stack[depth - 1] == '['))
            goto close;
          return fail (&guard, p, _("syntax error: %s"), expectation (state, stack[depth - 1]));

        case EXPECT_VALUE_OR_CLOSE:
          if (c == ']')
            goto close;
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
        default:
          break;
        }

      /* A value. */
      if (++guard.n_values > ATLAS_DATASET_MAX_VALUES)
        return fail (&guard, p, _("more than %u values (the most a dataset may hold; long price histories belong in a points_csv file)"),
                     ATLAS_DATASET_MAX_VALUES);
      if (points.in_prices)
        {
          if (depth == 2)
            {
              points.n_series++;
              points.key_points = FALSE;
            }
          else if (depth == 4 && points.in_points)
            {
              points.span.n_elements++;
              points.all_arrays &= c == '[';
            }
        }
      switch (c)
        {
        case '{':
        case '[':
          if (depth >= max_depth)
            return fail (&guard, p, _("nested deeper than %u levels"), max_depth);
          /* Objects within the value cap still cost gigabytes (5 million
           * empty ones, 2.2 GB): they have a cap of their own. */
          if (c == '{' && ++guard.n_objects > ATLAS_DATASET_MAX_OBJECTS)
            return fail (&guard, p, _("more than %u objects (the most a dataset may hold)"),
                         ATLAS_DATASET_MAX_OBJECTS);
          if (points.spans != NULL && c == '[')
            {
              if (depth == 1 && points.key_prices)
                points.in_prices = TRUE;
              else if (depth == 3 && points.in_prices && points.key_points && stack[2] == '{')
                {
                  points.in_points = TRUE;
                  points.all_arrays = TRUE;
                  points.span.series = points.n_series - 1;
                  points.span.n_elements = 0;
                  points.span.open = p - guard.data;
                }
            }
          stack[depth] = c;
          depth++;
          p++;
          state = c == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
          continue;

        case '"':
          if (!scan_string (&guard, &p))
            return FALSE;
          break;

        case '-': case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!scan_number (&guard, &p))
            return FALSE;
          break;

        case 't': case 'f': case 'n':
          if (!scan_literal (&guard, &p))
            return FALSE;
          break;

        default:
          return fail (&guard, p, _("syntax error: %s"), expectation (state, 0));
        }

      state = depth > 0 ? EXPECT_COMMA_OR_CLOSE : EXPECT_END;
      continue;

    close:
      depth--;
      object_keys_reset (&objects.levels[depth]);
      if (points.in_points && depth == 3)
        {
          points.in_points = FALSE;
          points.span.close = p - guard.data;
          if (points.all_arrays)
            g_array_append_val (points.spans, points.span);
        }
      else if (points.in_prices && depth == 1)
        points.in_prices = FALSE;
      p++;
      state = depth > 0 ? EXPECT_COMMA_OR_CLOSE : EXPECT_END;
    }
}
