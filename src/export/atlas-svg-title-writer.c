/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-svg-title-writer.c: adds a <title> and <desc> to cairo's SVG output while it streams to the file. */
#include <string.h>

#include "atlas-svg-title-writer.h"

/* cairo writes the root tag within its first few hundred bytes; if it has
 * not appeared after this much, the stream is not what we expect and is
 * passed on untouched rather than held in memory. */
#define MAX_HELD_BACK (64 * 1024)

struct _AtlasSvgTitleWriter {
  cairo_write_func_t sink;
  void              *sink_closure;
  char              *insertion;   /* "<title>…</title><desc>…</desc>" */
  GByteArray        *held;        /* bytes before the end of the root tag */
  gboolean           passing;     /* the root tag went by: pass straight on */
};

/* XML 1.0 cannot hold most C0 control characters even as references, and
 * dataset text may contain them (JSON allows "\u0001"): drop them. */
static char *
strip_control_characters (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        continue;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
append_element (GString *out, const char *name, const char *text)
{
  g_autofree char *clean = NULL;
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  clean = strip_control_characters (text);
  escaped = g_markup_escape_text (clean, -1);
  g_string_append_printf (out, "\n<%s>%s</%s>", name, escaped, name);
}

AtlasSvgTitleWriter *
atlas_svg_title_writer_new (cairo_write_func_t  sink,
                            void               *sink_closure,
                            const char         *title,
                            const char         *description)
{
  AtlasSvgTitleWriter *writer = g_new0 (AtlasSvgTitleWriter, 1);
  GString *insertion = g_string_new (NULL);

  writer->sink = sink;
  writer->sink_closure = sink_closure;
  append_element (insertion, "title", title);
  append_element (insertion, "desc", description);
  writer->insertion = g_string_free (insertion, FALSE);
  writer->held = g_byte_array_new ();
  return writer;
}

/* The offset just past the '>' closing the root <svg ...> tag, or -1. */
static gssize
find_root_tag_end (const GByteArray *held)
{
  const char *data = (const char *) held->data;
  gsize length = held->len;

  for (gsize i = 0; i + 4 < length; i++)
    {
      if (memcmp (data + i, "<svg", 4) != 0 || !g_ascii_isspace (data[i + 4]))
        continue;
      for (gsize j = i + 4; j < length; j++)
        if (data[j] == '>')
          return (gssize) j + 1;
      return -1;
    }
  return -1;
}

static cairo_status_t
pass_on (AtlasSvgTitleWriter *writer, const void *data, gsize length)
{
  if (length == 0)
    return CAIRO_STATUS_SUCCESS;
  return writer->sink (writer->sink_closure, data, (unsigned int) length);
}

static cairo_status_t
release_held (AtlasSvgTitleWriter *writer, gssize split)
{
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  g_autoptr(GByteArray) held = g_steal_pointer (&writer->held);

  writer->held = g_byte_array_new ();
  writer->passing = TRUE;
  if (split < 0)
    return pass_on (writer, held->data, held->len);

  status = pass_on (writer, held->data, (gsize) split);
  if (status == CAIRO_STATUS_SUCCESS)
    status = pass_on (writer, writer->insertion, strlen (writer->insertion));
  if (status == CAIRO_STATUS_SUCCESS)
    status = pass_on (writer, held->data + split, held->len - (gsize) split);
  return status;
}

cairo_status_t
atlas_svg_title_writer_write (void                *closure,
                              const unsigned char *data,
                              unsigned int         length)
{
  AtlasSvgTitleWriter *writer = closure;
  gssize split;

  if (writer->passing)
    return pass_on (writer, data, length);

  g_byte_array_append (writer->held, data, length);
  split = find_root_tag_end (writer->held);
  if (split >= 0)
    return release_held (writer, split);
  if (writer->held->len > MAX_HELD_BACK)
    return release_held (writer, -1);
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t
atlas_svg_title_writer_flush (AtlasSvgTitleWriter *writer)
{
  if (writer->passing)
    return CAIRO_STATUS_SUCCESS;
  return release_held (writer, -1);
}

void
atlas_svg_title_writer_free (AtlasSvgTitleWriter *writer)
{
  if (writer == NULL)
    return;
  g_byte_array_unref (writer->held);
  g_free (writer->insertion);
  g_free (writer);
}
