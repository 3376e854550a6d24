/* atlas-chart-frame.c: the parts of a briefing figure every chart shares: titles, legend, sources footer, type sizes. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-chart-frame.h"
#include "atlas-scene-private.h"

double
atlas_scene_font_size (const AtlasScene *scene, AtlasFontRole role)
{
  /* Type grows with the figure's area so a 4K export is not a postage
   * stamp, but never below what can be read on a 640x360 thumbnail. */
  double base = CLAMP (sqrt (scene->width * scene->height) / 1200.0 * 15.0, 10.0, 48.0);
  double scale = scene->style->font_scale > 0 ? scene->style->font_scale : 1.0;
  double size;

  switch (role)
    {
    case ATLAS_FONT_TITLE: size = base * 1.6; break;
    case ATLAS_FONT_SUBTITLE: size = base * 1.1; break;
    case ATLAS_FONT_SMALL: size = base * 0.85; break;
    case ATLAS_FONT_LABEL:
    default: size = base; break;
    }
  /* The window's floor (its own body text) comes before the reader's
   * zoom, so Ctrl+minus can still make a crowded chart smaller. */
  size = MAX (size, scene->style->min_font_px) * scale;
  return role == ATLAS_FONT_SMALL ? MAX (size, 9.0) : size;
}

char *
atlas_scene_ellipsize (const AtlasScene *scene,
                       const char       *text,
                       double            font_size,
                       gboolean          bold,
                       double            max_width)
{
  glong n_chars, fits = 0, too_long;
  double width;
  char *best = NULL;

  /* No glyph is narrower than a twentieth of an em, so more characters
   * than this cannot fit: the rest of a long text is never laid out. */
  glong cap = (glong) CLAMP (max_width / (MAX (font_size, 1.0) * 0.05), 0.0,
                             (double) ATLAS_SCENE_MAX_TEXT_CHARS) + 1;

  atlas_scene_text_prefix_bytes (text, cap + 1, &n_chars);
  if (n_chars <= cap)
    {
      atlas_scene_measure_text (scene, text, font_size, bold, 0, &width, NULL);
      if (width <= max_width)
        return g_strdup (text);
    }

  /* The longest prefix that fits with "…", by bisection: a handful of
   * measurements rather than one per character. */
  too_long = MIN (n_chars, cap);
  while (too_long - fits > 1)
    {
      glong middle = fits + (too_long - fits) / 2;
      g_autofree char *prefix = g_strndup (text, atlas_scene_text_prefix_bytes (text, middle, NULL));
      g_autofree char *candidate = g_strconcat (g_strchomp (prefix), "…", NULL);

      atlas_scene_measure_text (scene, candidate, font_size, bold, 0, &width, NULL);
      if (width <= max_width)
        {
          fits = middle;
          g_free (best);
          best = g_steal_pointer (&candidate);
        }
      else
        too_long = middle;
    }
  return best;
}

AtlasShape *
atlas_scene_add_wrapped_text (AtlasScene       *scene,
                              const char       *text,
                              double            x,
                              double            y,
                              double            width,
                              double            font_size,
                              gboolean          bold,
                              const AtlasColor *color)
{
  AtlasShape shape = { 0 };
  double w, h;

  atlas_scene_measure_text (scene, text, font_size, bold, width, &w, &h);
  shape.kind = ATLAS_SHAPE_TEXT;
  shape.text = g_strdup (text);
  shape.font_size = font_size;
  shape.bold = bold;
  shape.wrap = TRUE;
  shape.bounds = (AtlasRect) { x, y, width, h };
  shape.has_fill = TRUE;
  shape.fill = *color;
  return atlas_scene_add_shape (scene, &shape);
}

/* ---- punctuation ------------------------------------------------------- */

const char *
atlas_punct_list_separator (void)
{
  /* TRANSLATORS: between the items of a list of phrases in a chart's footer or
   * description, as in "Sources: USGS; IEA" (zh: a full-width semicolon) */
  return C_("list separator", "; ");
}

const char *
atlas_punct_names_separator (void)
{
  /* TRANSLATORS: between names in a list, as in "China, Japan" (zh: 、) */
  return C_("names separator", ", ");
}

const char *
atlas_punct_phrase_separator (void)
{
  /* TRANSLATORS: between the parts of one label, as in "Mining, 2024" or
   * "USGS, Mineral Commodity Summaries" (zh: a full-width comma) */
  return C_("phrase separator", ", ");
}

const char *
atlas_punct_label_separator (void)
{
  /* TRANSLATORS: after a label that introduces what follows, as in
   * "Mining: China 69 %" (zh: a full-width colon, no space) */
  return C_("label separator", ": ");
}

const char *
atlas_punct_full_stop (void)
{
  /* TRANSLATORS: ends a sentence of a chart's footer or description (zh: 。) */
  return C_("full stop", ".");
}

void
atlas_append_sentence (GString *text, const char *sentence)
{
  if (text->len > 0 && (guchar) text->str[text->len - 1] < 0x80 && text->str[text->len - 1] != ' ')
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

static char *
describe_source_short (const AtlasSource *source, const char *lang)
{
  const char *title = atlas_text_get (source->title, lang);

  if (source->date.precision != 0)
    /* TRANSLATORS: a source in a chart's footer: publisher, title and year */
    return g_strdup_printf (C_("source in a footer", "%s, %s (%d)"), source->publisher, title,
                            source->date.year);
  return g_strdup_printf ("%s%s%s", source->publisher, atlas_punct_phrase_separator (), title);
}

/* The footer in decreasing detail; the first that fits in three lines wins:
 * each source (@detailed), each publisher, then the first @max_publishers
 * publishers and how many more there are (the sidebar and the table name
 * them all), so that the footer's note is never cut for a list of names. */
static char *
footer_text (AtlasScene *scene, const AtlasFrameSpec *spec, gboolean detailed, guint max_publishers)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const AtlasDate *updated = atlas_dataset_get_updated (scene->dataset);
  g_autoptr(GPtrArray) publishers = g_ptr_array_new ();

  if (spec->sources != NULL && spec->sources->len > 0)
    {
      g_string_append (text, spec->sources->len == 1 ? _("Source: ") : _("Sources: "));
      for (guint i = 0; i < spec->sources->len; i++)
        {
          const AtlasSource *source = g_ptr_array_index (spec->sources, i);

          if (detailed)
            {
              g_autofree char *one = describe_source_short (source, scene->style->lang);
              if (i > 0)
                g_string_append (text, atlas_punct_list_separator ());
              g_string_append (text, one);
            }
          else if (!g_ptr_array_find_with_equal_func (publishers, source->publisher, g_str_equal, NULL))
            {
              if (publishers->len > 0 && publishers->len < max_publishers)
                g_string_append (text, atlas_punct_list_separator ());
              if (publishers->len < max_publishers)
                g_string_append (text, source->publisher);
              g_ptr_array_add (publishers, source->publisher);
            }
        }
      if (!detailed && publishers->len > max_publishers)
        {
          guint more = publishers->len - max_publishers;

          g_string_append (text, atlas_punct_list_separator ());
          /* TRANSLATORS: ends a shortened list of sources' publishers */
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", more), more);
        }
      g_string_append (text, atlas_punct_full_stop ());
    }
  if (updated != NULL && updated->precision != 0)
    {
      g_autofree char *date = atlas_date_to_string (updated);
      /* TRANSLATORS: %s is the dataset's date, as in 2026-01-13 */
      g_autofree char *sentence = g_strdup_printf (_("Data as of %s."), date);
      atlas_append_sentence (text, sentence);
    }
  if (spec->footer_note != NULL)
    atlas_append_sentence (text, spec->footer_note);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static double
layout_footer (AtlasScene *scene, const AtlasFrameSpec *spec, double margin)
{
  double size = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  double width = scene->width - 2 * margin;
  double line_h, h;
  g_autofree char *text = NULL;

  atlas_scene_measure_text (scene, "Ag", size, FALSE, 0, NULL, &line_h);
  text = footer_text (scene, spec, TRUE, G_MAXUINT);
  atlas_scene_measure_text (scene, text, size, FALSE, width, NULL, &h);
  for (guint max_publishers = G_MAXUINT; h > line_h * 3.2 && max_publishers > 0;
       max_publishers = max_publishers == G_MAXUINT ? 4 : max_publishers - 1)
    {
      g_free (text);
      text = footer_text (scene, spec, FALSE, max_publishers);
      atlas_scene_measure_text (scene, text, size, FALSE, width, NULL, &h);
    }
  /* What is left is the dataset's date and the chart's own note, such as
   * the names of nodes too small for a label: it may take more lines, up to
   * a fifth of the figure, rather than be cut. */
  if (h > line_h * 3.2 && h <= MAX (line_h * 3.2, scene->height * 0.2))
    ;
  else if (h > line_h * 3.2)
    {
      char *shorter = atlas_scene_ellipsize (scene, text, size, FALSE, width);
      g_free (text);
      text = shorter != NULL ? shorter : g_strdup ("");
      h = line_h;
    }
  atlas_scene_add_wrapped_text (scene, text, margin, scene->height - margin * 0.6 - h, width,
                    size, FALSE, &scene->style->muted)->role = ATLAS_ROLE_FOOTER;
  return scene->height - margin * 0.6 - h;
}

/* "+7 more" ending a legend cut short: the entries left out are listed by
 * the sidebar and the table. */
static void
add_legend_rest (AtlasScene *scene, guint n, double x, double y, double size)
{
  /* TRANSLATORS: ends a legend too long for the figure: how many entries it leaves out */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", n), n);

  atlas_scene_add_text (scene, text, x, y, size, FALSE, ATLAS_ALIGN_START,
                        &scene->style->muted, NULL)->role = ATLAS_ROLE_LEGEND;
}

/* The legend as wrapping rows, at most @max_rows of them: a figure whose
 * type is large for its size (a small window with large text) keeps room
 * for its plot, and says how many entries it left out. */
static double
layout_legend (AtlasScene *scene, GArray *legend, double x0, double y, double width, guint max_rows)
{
  double size = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  double swatch = size * 0.9, gap = size * 0.4, spacing = size * 1.2;
  double line_h, x = x0, rest_w;
  guint row = 1;

  atlas_scene_measure_text (scene, "Ag", size, FALSE, 0, NULL, &line_h);
  atlas_scene_measure_text (scene, "+99 more", size, FALSE, 0, &rest_w, NULL);
  for (guint i = 0; i < legend->len; i++)
    {
      const AtlasLegendEntry *entry = &g_array_index (legend, AtlasLegendEntry, i);
      g_autofree char *label = NULL;
      double w;
      AtlasShape *box;
      AtlasRect swatch_rect;

      label = atlas_scene_ellipsize (scene, entry->label, size, FALSE, width - swatch - gap);
      if (label == NULL)
        continue;
      atlas_scene_measure_text (scene, label, size, FALSE, 0, &w, NULL);
      /* On the last row, an entry that leaves no room for "+N more"
       * after it (unless it is the last) is the first one left out. */
      if (row == max_rows && i + 1 < legend->len &&
          x + swatch + gap + w + spacing + rest_w > x0 + width)
        {
          add_legend_rest (scene, legend->len - i, x, y, size);
          break;
        }
      if (x > x0 && x + swatch + gap + w > x0 + width)
        {
          x = x0;
          y += line_h * 1.25;
          row++;
        }
      if (entry->line)
        swatch_rect = (AtlasRect) { x, y + line_h / 2 - size * 0.12, swatch * 1.4, size * 0.24 };
      else
        swatch_rect = (AtlasRect) { x, y + (line_h - swatch) / 2, swatch, swatch };
      box = atlas_scene_add_rect (scene, &swatch_rect, &entry->color, &entry->item);
      box->hatched = entry->hatched;
      atlas_scene_add_text (scene, label, swatch_rect.x + swatch_rect.width + gap, y, size, FALSE,
                            ATLAS_ALIGN_START, &scene->style->foreground, &entry->item)->role = ATLAS_ROLE_LEGEND;
      x = swatch_rect.x + swatch_rect.width + gap + w + spacing;
    }
  return y + line_h;
}

void
atlas_chart_frame_layout (AtlasScene *scene, const AtlasFrameSpec *spec)
{
  double margin = atlas_scene_font_size (scene, ATLAS_FONT_LABEL) * 1.2;
  double width = scene->width - 2 * margin;
  double y = margin * 0.8, footer_top;
  const char *title_text = spec->title, *subtitle_text = spec->subtitle;
  g_autofree char *demoted = NULL;
  AtlasShape *title;

  /* A headline (a slide's message) leads; what the chart shows follows it. */
  if (spec->headline != NULL && *spec->headline != '\0')
    {
      title_text = spec->headline;
      demoted = subtitle_text != NULL && *subtitle_text != '\0'
                ? g_strdup_printf ("%s · %s", spec->title, subtitle_text)
                : g_strdup (spec->title);
      subtitle_text = demoted;
    }

  g_free (scene->title);
  scene->title = g_strdup (title_text);
  title = atlas_scene_add_wrapped_text (scene, title_text, margin, y, width,
                            atlas_scene_font_size (scene, ATLAS_FONT_TITLE), TRUE,
                            &scene->style->foreground);
  title->role = ATLAS_ROLE_TITLE;
  y += title->bounds.height;
  if (subtitle_text != NULL && *subtitle_text != '\0')
    {
      AtlasShape *sub = atlas_scene_add_wrapped_text (scene, subtitle_text, margin, y + margin * 0.15, width,
                                          atlas_scene_font_size (scene, ATLAS_FONT_SUBTITLE), FALSE,
                                          &scene->style->muted);
      sub->role = ATLAS_ROLE_SUBTITLE;
      y = sub->bounds.y + sub->bounds.height;
    }
  if (spec->legend != NULL && spec->legend->len > 0)
    {
      double line_h;
      guint max_rows;

      /* A fifth of the figure at most, and one row at least. */
      atlas_scene_measure_text (scene, "Ag", atlas_scene_font_size (scene, ATLAS_FONT_SMALL), FALSE, 0,
                                NULL, &line_h);
      max_rows = (guint) MAX (1.0, floor ((scene->height * 0.2 - line_h) / (line_h * 1.25)) + 1);
      y = layout_legend (scene, spec->legend, margin, y + margin * 0.5, width, max_rows);
    }

  footer_top = layout_footer (scene, spec, margin);
  scene->plot = (AtlasRect) {
    margin, y + margin * 0.7, width, MAX (footer_top - margin * 0.7 - (y + margin * 0.7), 1.0)
  };
}

void
atlas_frame_add_cite (GPtrArray *sources, AtlasDataset *dataset, const char * const *cite)
{
  if (cite == NULL)
    return;
  for (guint i = 0; cite[i] != NULL; i++)
    {
      const AtlasSource *source = atlas_dataset_find_source (dataset, cite[i]);

      if (source != NULL && !g_ptr_array_find (sources, source, NULL))
        g_ptr_array_add (sources, (gpointer) source);
    }
}

void
atlas_frame_add_share_cites (GPtrArray *sources, AtlasDataset *dataset, const AtlasShare *share)
{
  atlas_frame_add_cite (sources, dataset, (const char * const *) share->cite);
  for (guint i = 0; i < share->parts->len; i++)
    {
      const AtlasSharePart *part = g_ptr_array_index (share->parts, i);
      atlas_frame_add_cite (sources, dataset, atlas_cite_or (part->cite, share->cite));
    }
}

void
atlas_frame_add_chain_cites (GPtrArray *sources, AtlasDataset *dataset, const AtlasChain *chain)
{
  atlas_frame_add_cite (sources, dataset, (const char * const *) chain->cite);
  for (guint i = 0; i < chain->links->len; i++)
    {
      const AtlasLink *link = g_ptr_array_index (chain->links, i);
      atlas_frame_add_cite (sources, dataset, atlas_cite_or (link->cite, chain->cite));
    }
}

void
atlas_legend_entry_clear (AtlasLegendEntry *entry)
{
  g_clear_pointer (&entry->label, g_free);
}

/* The largest number of decimals worth printing: a double holds about 16
 * significant digits, so a tiny value needs many, a sane one few. */
#define MAX_PLAIN_DECIMALS 40

int
atlas_decimals_for_digits (double value, int digits)
{
  if (value == 0 || !isfinite (value))
    return 0;
  return CLAMP (digits - 1 - (int) floor (log10 (fabs (value))), 0, MAX_PLAIN_DECIMALS);
}

/* The fewest significant digits (1 to 17) whose "%e" text reads back as
 * @value, written into @buffer ("1.2345e-05"), locale-independent. */
static void
shortest_exponent_text (double value, char *buffer, gsize size)
{
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[16];

      g_snprintf (format, sizeof format, "%%.%de", digits - 1);
      g_ascii_formatd (buffer, size, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        return;
    }
}

/* The shortest digits of finite @value, written out in full: no exponent,
 * however large or small (at most 309 digits before the point, 340 after). */
static char *
shortest_plain_text (double value)
{
  char buffer[64];
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *e;
  int exponent, point;

  if (value == 0)
    return g_strdup ("0");
  shortest_exponent_text (fabs (value), buffer, sizeof buffer);
  e = strchr (buffer, 'e');
  g_assert (e != NULL);
  for (const char *p = buffer; p < e; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  while (digits->len > 1 && digits->str[digits->len - 1] == '0')
    g_string_truncate (digits, digits->len - 1);
  exponent = atoi (e + 1);
  point = exponent + 1;   /* digits before the decimal point */

  if (value < 0)
    g_string_append_c (out, '-');
  if (point <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -point; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits->str);
    }
  else if ((gsize) point >= digits->len)
    {
      g_string_append (out, digits->str);
      for (gsize i = digits->len; i < (gsize) point; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      g_string_append_len (out, digits->str, point);
      g_string_append_c (out, '.');
      g_string_append (out, digits->str + point);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
atlas_format_json_number (double value)
{
  char buffer[64];

  if (!isfinite (value))
    return g_strdup ("null");
  if (value == 0)
    return g_strdup ("0");
  shortest_exponent_text (value, buffer, sizeof buffer);
  /* Written as "%g" would write those digits: "0.5", "1e+20", "1e-300". */
  {
    int digits = 0;

    for (const char *p = buffer; *p != '\0' && *p != 'e'; p++)
      digits += g_ascii_isdigit (*p) != 0;
    g_snprintf (buffer, sizeof buffer, "%%.%dg", digits);
    {
      char text[64];

      g_ascii_formatd (text, sizeof text, buffer, value);
      return g_strdup (text);
    }
  }
}

char *
atlas_format_plain_number (double value, int max_decimals)
{
  /* Room for the integer digits of any double (up to 309) and the decimals. */
  char format[16], buffer[400];
  char *end;

  if (!isfinite (value))
    return g_strdup ("");
  if (max_decimals < 0)
    return shortest_plain_text (value);
  /* g_ascii_formatd: a file or a label must not change with LC_NUMERIC. */
  g_snprintf (format, sizeof format, "%%.%df", CLAMP (max_decimals, 0, MAX_PLAIN_DECIMALS));
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));

  if (strchr (buffer, '.') != NULL)
    {
      for (end = buffer + strlen (buffer) - 1; *end == '0'; end--)
        *end = '\0';
      if (*end == '.')
        *end = '\0';
    }
  /* A negative value that rounds to zero is zero, not "-0". */
  if (value < 0 && !g_str_equal (buffer, "0"))
    return g_strconcat ("-", buffer, NULL);
  return g_strdup (buffer);
}

char *
atlas_group_digits (const char *number)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = number;
  gsize n;

  if (*p == '-' || *p == '+')
    g_string_append_c (out, *p++);
  n = strspn (p, "0123456789");
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, p[i]);
    }
  g_string_append (out, p + n);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
atlas_format_number (double value, int max_decimals)
{
  g_autofree char *plain = NULL;

  if (!isfinite (value))
    return g_strdup ("–");
  plain = atlas_format_plain_number (value, CLAMP (max_decimals, 0, 6));
  return atlas_group_digits (plain);
}

char *
atlas_format_percent (double fraction)
{
  double percent = fraction * 100.0;
  g_autofree char *number = atlas_format_number (percent, fabs (percent) < 10 ? 1 : 0);

  return g_strdup_printf ("%s %%", number);
}
