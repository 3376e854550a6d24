/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-json-span.c: a small scanner over JSON text, for rewriting one member and no other byte. */
#include <string.h>

#include "atlas-json-span-private.h"

typedef struct {
  const char *data;
  gsize       length;
  gsize       pos;
} Scanner;

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length &&
         (s->data[s->pos] == ' ' || s->data[s->pos] == '\t' ||
          s->data[s->pos] == '\n' || s->data[s->pos] == '\r'))
    s->pos++;
}

/* Skips the string at s->pos; when @decoded is not NULL, appends its ASCII
 * characters (a key is compared with an ASCII name, so anything else
 * becomes a byte no name has). */
static gboolean
skip_string (Scanner *s,
             GString *decoded)
{
  if (s->pos >= s->length || s->data[s->pos] != '"')
    return FALSE;
  for (s->pos++; s->pos < s->length; s->pos++)
    {
      char c = s->data[s->pos];

      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c != '\\')
        {
          if (decoded != NULL)
            g_string_append_c (decoded, (guchar) c < 0x80 ? c : '\x7f');
          continue;
        }
      if (++s->pos >= s->length)
        return FALSE;
      c = s->data[s->pos];
      if (c == 'u')
        {
          int code = 0;

          if (s->pos + 4 >= s->length)
            return FALSE;
          for (int i = 1; i <= 4; i++)
            {
              int digit = g_ascii_xdigit_value (s->data[s->pos + i]);

              if (digit < 0)
                return FALSE;
              code = code * 16 + digit;
            }
          s->pos += 4;
          if (decoded != NULL)
            g_string_append_c (decoded, code > 0 && code < 0x80 ? (char) code : '\x7f');
        }
      else if (decoded != NULL)
        {
          const char *plain = strchr ("\"\\/", c);

          g_string_append_c (decoded, plain != NULL ? c : '\x7f');
        }
    }
  return FALSE;
}

/* Skips one value of any kind; nesting is counted, not recursed into, so a
 * deep file costs no stack. */
static gboolean
skip_value (Scanner *s)
{
  gsize depth = 0;

  if (s->pos >= s->length)
    return FALSE;
  do
    {
      char c;

      skip_space (s);
      if (s->pos >= s->length)
        return FALSE;
      c = s->data[s->pos];
      if (c == '"')
        {
          if (!skip_string (s, NULL))
            return FALSE;
        }
      else if (c == '{' || c == '[')
        {
          depth++;
          s->pos++;
        }
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            return FALSE;
          depth--;
          s->pos++;
        }
      else if (c == ',' || c == ':')
        {
          if (depth == 0)
            return FALSE;
          s->pos++;
        }
      else
        {
          gsize start = s->pos;

          /* A number, true, false or null: up to what ends it. */
          while (s->pos < s->length && strchr (",:]} \t\r\n\"{[", s->data[s->pos]) == NULL)
            s->pos++;
          if (s->pos == start)
            return FALSE;
        }
    }
  while (depth > 0);
  return TRUE;
}

gboolean
atlas_json_find_member (const char    *data,
                        gsize          length,
                        const char    *name,
                        AtlasJsonSpan *span)
{
  Scanner s = { data, length, 0 };
  g_autoptr(GString) key = g_string_new (NULL);

  memset (span, 0, sizeof *span);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    s.pos = 3;
  skip_space (&s);
  if (s.pos >= length || data[s.pos] != '{')
    goto fail;
  s.pos++;
  span->last_value_end = s.pos;

  for (;;)
    {
      gsize key_start;

      skip_space (&s);
      if (s.pos < length && data[s.pos] == '}' && span->n_members == 0)
        break;
      key_start = s.pos;
      g_string_truncate (key, 0);
      if (!skip_string (&s, key))
        goto fail;
      skip_space (&s);
      if (s.pos >= length || data[s.pos] != ':')
        goto fail;
      s.pos++;
      skip_space (&s);
      if (g_str_equal (key->str, name))
        {
          span->found = TRUE;
          span->key_start = key_start;
          span->value_start = s.pos;
        }
      if (!skip_value (&s))
        goto fail;
      if (span->found && span->key_start == key_start)
        span->value_end = s.pos;
      span->n_members++;
      span->last_key_start = key_start;
      span->last_value_end = s.pos;
      skip_space (&s);
      if (s.pos < length && data[s.pos] == ',')
        {
          s.pos++;
          continue;
        }
      if (s.pos < length && data[s.pos] == '}')
        break;
      goto fail;
    }
  return TRUE;

fail:
  span->error_offset = s.pos;
  return FALSE;
}
