/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefing-json.c: writes briefings in the format and the layout of a hand-written dataset. */
#include "atlas-briefing-json.h"

#include <json-glib/json-glib.h>

typedef struct {
  GString    *out;
  const char *indent;
  const char *unit;
  const char *newline;
} Writer;

/* NULL (an anchor an editor left without its id) is written as null, for
 * the loader to refuse with its place rather than this to crash. */
static void
write_string (GString    *out,
              const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          /* UTF-8 stays as it is: the file is read by people too. */
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest form that reads back as the same double: 850, not 850.0 or
 * 850.00000000000000. */
static void
write_number (GString *out,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", digits);

      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

static void
write_text (GString         *out,
            const AtlasText *text)
{
  const char *lang;
  const char *first = atlas_text_get_nth (text, 0, &lang);

  if (atlas_text_n_languages (text) == 1 && lang == NULL)
    {
      write_string (out, first);
      return;
    }
  g_string_append_c (out, '{');
  for (guint i = 0; i < atlas_text_n_languages (text); i++)
    {
      const char *value = atlas_text_get_nth (text, i, &lang);

      if (i > 0)
        g_string_append (out, ", ");
      write_string (out, lang != NULL ? lang : "en");
      g_string_append (out, ": ");
      write_string (out, value);
    }
  g_string_append_c (out, '}');
}

static void
write_id_list (GString          *out,
               const char * const *ids)
{
  g_string_append_c (out, '[');
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      write_string (out, ids[i]);
    }
  g_string_append_c (out, ']');
}

static void
new_line (Writer *w,
          guint   depth)
{
  g_string_append (w->out, w->newline);
  g_string_append (w->out, w->indent);
  for (guint i = 0; i < depth; i++)
    g_string_append (w->out, w->unit);
}

/* Starts member @name of an object whose members are at @depth; @first
 * tells whether a comma goes before it. */
static void
member (Writer     *w,
        guint       depth,
        gboolean   *first,
        const char *name)
{
  if (!*first)
    g_string_append_c (w->out, ',');
  *first = FALSE;
  new_line (w, depth);
  write_string (w->out, name);
  g_string_append (w->out, ": ");
}

static void
string_member (Writer *w, guint depth, gboolean *first, const char *name, const char *value)
{
  if (value == NULL)
    return;
  member (w, depth, first, name);
  write_string (w->out, value);
}

static void
date_member (Writer *w, guint depth, gboolean *first, const char *name, const AtlasDate *date)
{
  g_autofree char *text = NULL;

  if (!atlas_date_is_set (date))
    return;
  text = atlas_date_to_string (date);
  string_member (w, depth, first, name, text);
}

static void
list_member (Writer *w, guint depth, gboolean *first, const char *name, char **ids)
{
  if (ids == NULL)
    return;
  member (w, depth, first, name);
  write_id_list (w->out, (const char * const *) ids);
}

static void
text_member (Writer *w, guint depth, gboolean *first, const char *name, const AtlasText *text)
{
  if (text == NULL || atlas_text_n_languages (text) == 0)
    return;
  member (w, depth, first, name);
  write_text (w->out, text);
}

/* Members a newer version wrote, one a line as json-glib writes them. */
static void
unknown_members (Writer     *w,
                 guint       depth,
                 gboolean   *first,
                 const char *unknown)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *object;

  if (unknown == NULL || (node = json_from_string (unknown, NULL)) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *value = json_to_string (json_object_get_member (object, l->data), FALSE);

      member (w, depth, first, l->data);
      g_string_append (w->out, value);
    }
}

/* A view's switch, written only when it is not the default. */
static void
bool_member (Writer *w, guint depth, gboolean *first, const char *name, gboolean value, gboolean fallback)
{
  if (!value == !fallback)
    return;
  member (w, depth, first, name);
  g_string_append (w->out, value ? "true" : "false");
}

/* On one line, in the order they were read: {"mine:CN": 0.1, "ref:MY": -0.05}. */
static void
node_offsets_member (Writer *w, guint depth, gboolean *first, char **ids, const double *offsets)
{
  if (ids == NULL || ids[0] == NULL)
    return;
  member (w, depth, first, "node_offsets");
  g_string_append_c (w->out, '{');
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (w->out, ", ");
      write_string (w->out, ids[i]);
      g_string_append (w->out, ": ");
      write_number (w->out, offsets[i]);
    }
  g_string_append_c (w->out, '}');
}

/* "at" on one line, as an anchor reads: {"series": "x", "date": "2025-05"}. */
static void
write_anchor (GString               *out,
              const AtlasAnnotation *a)
{
  g_autofree char *date = NULL;

  g_string_append_c (out, '{');
  switch (a->kind)
    {
    case ATLAS_ANCHOR_POINT:
      date = atlas_date_to_string (&a->date);
      g_string_append (out, "\"series\": ");
      write_string (out, a->series);
      g_string_append (out, ", \"date\": ");
      write_string (out, date);
      if (a->has_value)
        {
          g_string_append (out, ", \"value\": ");
          write_number (out, a->value);
        }
      break;
    case ATLAS_ANCHOR_NODE:
      g_string_append (out, "\"node\": ");
      write_string (out, a->node);
      if (a->chain != NULL)
        {
          g_string_append (out, ", \"chain\": ");
          write_string (out, a->chain);
        }
      break;
    case ATLAS_ANCHOR_PART:
      g_string_append (out, "\"share\": ");
      write_string (out, a->share);
      g_string_append (out, ", \"region\": ");
      write_string (out, a->region);
      break;
    case ATLAS_ANCHOR_EVENT:
    default:
      g_string_append (out, "\"event\": ");
      write_string (out, a->event);
      break;
    }
  g_string_append_c (out, '}');
}

static void
write_annotations (Writer    *w,
                   guint      depth,
                   GPtrArray *annotations)
{
  g_string_append_c (w->out, '[');
  for (guint i = 0; i < annotations->len; i++)
    {
      const AtlasAnnotation *a = g_ptr_array_index (annotations, i);
      gboolean first = TRUE;

      if (i > 0)
        g_string_append_c (w->out, ',');
      new_line (w, depth + 1);
      g_string_append_c (w->out, '{');
      member (w, depth + 2, &first, "at");
      write_anchor (w->out, a);
      text_member (w, depth + 2, &first, "text", a->text);
      /* A line to the anchor is the default. */
      if (!a->arrow)
        {
          member (w, depth + 2, &first, "arrow");
          g_string_append (w->out, "false");
        }
      /* Where it was moved to, on one line as "at" is. */
      if (a->has_place)
        {
          member (w, depth + 2, &first, "place");
          g_string_append (w->out, "{\"dx\": ");
          write_number (w->out, a->place_dx);
          g_string_append (w->out, ", \"dy\": ");
          write_number (w->out, a->place_dy);
          g_string_append_c (w->out, '}');
        }
      unknown_members (w, depth + 2, &first, a->unknown);
      new_line (w, depth + 1);
      g_string_append_c (w->out, '}');
    }
  if (annotations->len > 0)
    new_line (w, depth);
  g_string_append_c (w->out, ']');
}

/* Members in the order a slide reads: what it shows, what it filters,
 * what it stresses, then its words. */
static void
write_slide (Writer           *w,
             guint             depth,
             const AtlasSlide *slide)
{
  gboolean first = TRUE;

  g_string_append_c (w->out, '{');
  string_member (w, depth + 1, &first, "id", slide->id);
  string_member (w, depth + 1, &first, "view", atlas_view_to_string (slide->view));
  string_member (w, depth + 1, &first, "chain", slide->chain);
  string_member (w, depth + 1, &first, "group", slide->group);
  list_member (w, depth + 1, &first, "series", slide->series);
  list_member (w, depth + 1, &first, "kinds", slide->kinds);
  list_member (w, depth + 1, &first, "regions", slide->regions);
  list_member (w, depth + 1, &first, "elements", slide->elements);
  date_member (w, depth + 1, &first, "from", &slide->from);
  date_member (w, depth + 1, &first, "to", &slide->to);
  string_member (w, depth + 1, &first, "scale", atlas_scale_to_string (slide->scale));
  date_member (w, depth + 1, &first, "indexed", &slide->indexed);
  string_member (w, depth + 1, &first, "currency", slide->currency);
  string_member (w, depth + 1, &first, "unit", slide->unit);
  bool_member (w, depth + 1, &first, "show_events", !slide->hide_events, TRUE);
  bool_member (w, depth + 1, &first, "keep_order", slide->keep_order, FALSE);
  node_offsets_member (w, depth + 1, &first, slide->node_offset_ids, slide->node_offsets);
  string_member (w, depth + 1, &first, "select", slide->select);
  list_member (w, depth + 1, &first, "focus", slide->focus);
  if (slide->annotations != NULL && slide->annotations->len > 0)
    {
      member (w, depth + 1, &first, "annotations");
      write_annotations (w, depth + 1, slide->annotations);
    }
  text_member (w, depth + 1, &first, "title", slide->title);
  text_member (w, depth + 1, &first, "note", slide->note);
  unknown_members (w, depth + 1, &first, slide->unknown);
  new_line (w, depth);
  g_string_append_c (w->out, '}');
}

static void
write_briefing (Writer              *w,
                guint                depth,
                const AtlasBriefing *briefing)
{
  gboolean first = TRUE;

  g_string_append_c (w->out, '{');
  string_member (w, depth + 1, &first, "id", briefing->id);
  text_member (w, depth + 1, &first, "title", briefing->title);
  member (w, depth + 1, &first, "slides");
  g_string_append_c (w->out, '[');
  for (guint i = 0; i < briefing->slides->len; i++)
    {
      if (i > 0)
        g_string_append_c (w->out, ',');
      new_line (w, depth + 2);
      write_slide (w, depth + 2, g_ptr_array_index (briefing->slides, i));
    }
  if (briefing->slides->len > 0)
    new_line (w, depth + 1);
  g_string_append_c (w->out, ']');
  unknown_members (w, depth + 1, &first, briefing->unknown);
  new_line (w, depth);
  g_string_append_c (w->out, '}');
}

char *
atlas_briefings_to_json (GPtrArray  *briefings,
                         const char *indent,
                         const char *unit,
                         const char *newline)
{
  Writer w = { g_string_new ("["), indent, unit, newline };

  for (guint i = 0; i < briefings->len; i++)
    {
      if (i > 0)
        g_string_append_c (w.out, ',');
      new_line (&w, 1);
      write_briefing (&w, 1, g_ptr_array_index (briefings, i));
    }
  if (briefings->len > 0)
    new_line (&w, 0);
  g_string_append_c (w.out, ']');
  return g_string_free (w.out, FALSE);
}
