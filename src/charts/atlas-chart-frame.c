/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-chart-frame.c: the frame every chart shares: the title, subtitle, legend and sources footer around the plot. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-chart-frame.h"
#include "atlas-format.h"
#include "atlas-scene-text.h"
#include "atlas-scene-private.h"

static char *
describe_source_short (const AtlasSource *source, const char *lang)
{
  const char *publisher = atlas_text_get (source->publisher, lang);
  const char *title = atlas_text_get (source->title, lang);

  if (source->date.precision != 0)
    /* TRANSLATORS: a source in a chart's footer: publisher, title and year */
    return g_strdup_printf (C_("source in a footer", "%s, %s (%d)"), publisher, title,
                            source->date.year);
  return g_strdup_printf ("%s%s%s", publisher, atlas_punct_phrase_separator (), title);
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
          /* The list names each publisher once, as the chart's language
           * spells it. */
          const char *publisher = atlas_text_get (source->publisher, scene->style->lang);

          if (detailed)
            {
              g_autofree char *one = describe_source_short (source, scene->style->lang);
              if (i > 0)
                g_string_append (text, atlas_punct_list_separator ());
              g_string_append (text, one);
            }
          else if (!g_ptr_array_find_with_equal_func (publishers, publisher, g_str_equal, NULL))
            {
              if (publishers->len > 0 && publishers->len < max_publishers)
                g_string_append (text, atlas_punct_list_separator ());
              if (publishers->len < max_publishers)
                g_string_append (text, publisher);
              g_ptr_array_add (publishers, (gpointer) publisher);
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

/* The height of @text wrapped at @width; when that is more than
 * @max_height, possibly only some height more than @max_height.  Wrapped,
 * more text never takes fewer lines than its beginning does, so a long
 * footer (fifty sources, each with its title: thousands of characters) is
 * found too tall from its first four lines' worth of characters, at an
 * average of half an em each, without shaping the rest: that took a
 * quarter of a timeline's zoom step, whose footer names the sources of the
 * events in view (so a step seldom finds it measured before). */
static double
footer_height (AtlasScene *scene, const char *text, double size, double width, double max_height)
{
  glong probe = (glong) ceil (4 * width / (MAX (size, 1.0) * 0.5));
  gsize bytes = atlas_scene_text_prefix_bytes (text, probe, NULL);
  double h;

  if (text[bytes] != '\0')
    {
      g_autofree char *beginning = g_strndup (text, bytes);

      atlas_scene_measure_text (scene, beginning, size, FALSE, width, NULL, &h);
      if (h > max_height)
        return h;
    }
  atlas_scene_measure_text (scene, text, size, FALSE, width, NULL, &h);
  return h;
}

static double
layout_footer (AtlasScene *scene, const AtlasFrameSpec *spec, double margin)
{
  double size = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  double width = scene->width - 2 * margin;
  double line_h, h, tall, most;
  g_autofree char *text = NULL;

  atlas_scene_measure_text (scene, "Ag", size, FALSE, 0, NULL, &line_h);
  tall = line_h * 3.2;
  text = footer_text (scene, spec, TRUE, G_MAXUINT);
  h = footer_height (scene, text, size, width, tall);
  for (guint max_publishers = G_MAXUINT; h > tall && max_publishers > 0;
       max_publishers = max_publishers == G_MAXUINT ? 4 : max_publishers - 1)
    {
      g_free (text);
      text = footer_text (scene, spec, FALSE, max_publishers);
      h = footer_height (scene, text, size, width, tall);
    }
  /* What is left is the dataset's date and the chart's own note, such as
   * the names of nodes too small for a label: it may take more lines, up to
   * a fifth of the figure, rather than be cut. Measured again against that
   * bound: a height found too tall above is only that of its beginning. */
  most = MAX (tall, scene->height * 0.2);
  if (h > tall)
    h = footer_height (scene, text, size, width, most);
  if (h > most)
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
