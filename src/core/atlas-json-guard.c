/* atlas-json-guard.c: a strict, non-recursive JSON check (UTF-8, grammar, depth) before json-glib parses. */
#include "atlas-json-guard-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atlas-dataset.h"
#include "atlas-loader-context-private.h"

/* Member names compared per object for duplicates: dataset objects have a
 * handful of members; a hostile object with thousands of keys must not make
 * the check quadratic, so keys past this many are not compared. */
#define MAX_KEYS_CHECKED 64

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
} KeySpan;

typedef struct {
  const char *data;        /* the content, after any byte-order mark */
  const char *end;
  const char *display_name;
  GError    **error;
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

      /* The common case: plain characters, skipped without decisions. */
      while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;

      if (p >= end)
        return fail (guard, start, _("syntax error: unterminated string"));

      c = (guchar) *p;
      if (c == '"')
        break;

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
                p += 12;
              }
            else
              p += 6;
          }
          break;

        default:
          return fail (guard, p, _("syntax error: invalid escape in a string"));
        }
    }

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

  if (*invalid == '\0')
    return fail (guard, invalid, _("NUL byte at byte offset %" G_GSIZE_FORMAT " (not a text file)"),
                 (gsize) (invalid - guard->data) + bom_length);
  return fail (guard, invalid, _("invalid UTF-8 at byte offset %" G_GSIZE_FORMAT),
               (gsize) (invalid - guard->data) + bom_length);
}

gboolean
atlas_json_guard_check (const char  *data,
                        gsize        length,
                        const char  *display_name,
                        guint        max_depth,
                        gsize       *content_offset,
                        GError     **error)
{
  Guard guard = { data, data + length, display_name, error };
  g_autofree char *stack = NULL;   /* '{' or '[' per open level */
  g_autofree guint *key_base = NULL; /* per level: first key of its object */
  g_autoptr(GArray) keys = NULL;
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
  key_base = g_new (guint, max_depth + 1);
  keys = g_array_new (FALSE, FALSE, sizeof (KeySpan));

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
            KeySpan span;
            guint n_keys;

            if (!scan_string (&guard, &p))
              return FALSE;
            span.start = key + 1;
            span.length = p - key - 2;
            n_keys = keys->len - key_base[depth - 1];
            for (guint i = key_base[depth - 1]; i < keys->len; i++)
              {
                const KeySpan *other = &g_array_index (keys, KeySpan, i);

                if (other->length == span.length &&
                    memcmp (other->start, span.start, span.length) == 0)
                  {
                    g_autofree char *quoted = atlas_loader_quote_len (span.start, span.length);

                    return fail (&guard, key, _("syntax error: duplicate member %s in one object"),
                                 quoted);
                  }
              }
            if (n_keys < MAX_KEYS_CHECKED)
              g_array_append_val (keys, span);
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
      switch (c)
        {
        case '{':
        case '[':
          if (depth >= max_depth)
            return fail (&guard, p, _("nested deeper than %u levels"), max_depth);
          stack[depth] = c;
          key_base[depth] = keys->len;
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
      g_array_set_size (keys, key_base[depth]);
      p++;
      state = depth > 0 ? EXPECT_COMMA_OR_CLOSE : EXPECT_END;
    }
}
