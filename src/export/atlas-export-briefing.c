/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-export-briefing.c: a whole briefing as a PDF deck, one page per slide: its title, its chart, its speaker note. */
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "atlas-scene-text.h"
#include "atlas-export-private.h"
#include "atlas-scene-private.h"

/* Without a briefing, the deck shows every view once, in the order the
 * window lists them. */
static const AtlasView default_deck[] = {
  ATLAS_VIEW_FLOWS,
  ATLAS_VIEW_PRICES,
  ATLAS_VIEW_SHARES,
  ATLAS_VIEW_TIMELINE,
  ATLAS_VIEW_MAP,
};

/* A speaker note may take at most this share of the page; the chart needs
 * the rest to stay readable. */
#define MAX_NOTE_FRACTION 0.3

void
atlas_slide_get_options (const AtlasSlide  *slide,
                         AtlasChartOptions *options)
{
  g_return_if_fail (slide != NULL && options != NULL);

  atlas_chart_options_init (options, slide->view);
  options->chain = slide->chain;
  options->group = slide->group;
  options->series = (const char * const *) slide->series;
  options->from = slide->from;
  options->to = slide->to;
  options->log_scale = slide->scale == ATLAS_SCALE_LOG;
  options->indexed = slide->indexed;
  options->currency = slide->currency;
  options->unit = slide->unit;
  options->show_events = !slide->hide_events;
  options->keep_order = slide->keep_order;
  options->offset_nodes = (const char * const *) slide->node_offset_ids;
  options->node_offsets = slide->node_offsets;
  options->select = slide->select;
  options->kinds = (const char * const *) slide->kinds;
  options->regions = (const char * const *) slide->regions;
  options->elements = (const char * const *) slide->elements;
  options->focus = (const char * const *) slide->focus;
  options->annotations = slide->annotations;
}

/* What one page shows. */
typedef struct {
  AtlasChartOptions options;
  const char       *note;    /* or NULL */
} AtlasPage;

typedef struct {
  AtlasScene *heading;       /* page background and speaker note */
  AtlasScene *chart;
  AtlasRect   chart_area;
} AtlasPageLayout;

static void
atlas_page_layout_clear (AtlasPageLayout *layout)
{
  g_clear_pointer (&layout->heading, atlas_scene_free);
  g_clear_pointer (&layout->chart, atlas_scene_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtlasPageLayout, atlas_page_layout_clear)

/* The same margin as the chart frame's (one and a fifth label heights), so
 * the slide's title and note line up with the chart's title and footer. */
static double
page_margin (const AtlasScene *heading)
{
  return atlas_scene_font_size (heading, ATLAS_FONT_LABEL) * 1.2;
}

/* A long note is cut at a word with an ellipsis until it fits @max_height. */
static char *
fit_note (const AtlasScene *scene, const char *note, double font_size, double width, double max_height)
{
  g_autofree char *text = NULL;
  glong n_chars;
  gsize bytes = atlas_scene_text_prefix_bytes (note, ATLAS_SCENE_MAX_TEXT_CHARS, &n_chars);

  /* No more than is ever laid out: a megabyte-long note is cut at once. */
  if (note[bytes] != '\0')
    {
      g_autofree char *prefix = g_strndup (note, bytes);
      text = g_strconcat (g_strchomp (prefix), "…", NULL);
    }
  else
    text = g_strdup (note);

  for (;;)
    {
      double text_height;
      glong length;
      g_autofree char *shorter = NULL;

      atlas_scene_measure_text (scene, text, font_size, FALSE, width, NULL, &text_height);
      length = g_utf8_strlen (text, -1);
      if (text_height <= max_height || length <= 2)
        return g_steal_pointer (&text);
      shorter = g_utf8_substring (text, 0, MAX (1, length * 9 / 10 - 1));
      g_free (text);
      text = g_strconcat (g_strchomp (shorter), "…", NULL);
    }
}

/* Lays out the slide's note at the foot of the page and returns the room
 * left for the chart above it. */
static AtlasRect
layout_note_area (AtlasScene *heading, const AtlasPage *page)
{
  double width = heading->width, height = heading->height;
  double margin = page_margin (heading);
  double top = 0, bottom = height;

  if (page->note != NULL && *page->note != '\0')
    {
      double size = atlas_scene_font_size (heading, ATLAS_FONT_LABEL);
      double text_width = width - 2 * margin;
      g_autofree char *note = fit_note (heading, page->note, size, text_width,
                                        height * MAX_NOTE_FRACTION);
      double note_height;
      AtlasRect rule;

      atlas_scene_measure_text (heading, note, size, FALSE, text_width, NULL, &note_height);
      bottom = height - margin * 0.6 - note_height;
      atlas_scene_add_wrapped_text (heading, note, margin, bottom, text_width, size, FALSE,
                        &heading->style->muted);
      /* A rule keeps the note apart from the chart's footer above it. */
      bottom -= margin / 2;
      rule = (AtlasRect) { margin, bottom, width - 2 * margin, 1.0 };
      atlas_scene_add_rect (heading, &rule, &heading->style->grid, NULL);
      bottom -= margin / 4;
    }
  return (AtlasRect) { 0, top, width, MAX (bottom - top, 16.0) };
}

/* The size of what is drawn on each page: the request's figure, or the
 * area inside the paper's margins. */
static void
get_figure_size (const AtlasExportRequest *request, double *width, double *height)
{
  if (request->page != NULL)
    {
      atlas_page_size_get_inner (request->page, width, height);
      return;
    }
  *width = request->width;
  *height = request->height;
}

static gboolean
layout_page (const AtlasExportRequest *request,
             const AtlasStyle         *style,
             const AtlasPage          *page,
             AtlasPageLayout          *out,
             GError                  **error)
{
  double width, height;

  get_figure_size (request, &width, &height);
  out->heading = atlas_scene_new (NULL, request->dataset, style, width, height);
  out->chart_area = layout_note_area (out->heading, page);
  out->chart = atlas_chart_layout (request->dataset, &page->options,
                                   out->chart_area.width, out->chart_area.height, style, error);
  return out->chart != NULL;
}

static void
draw_page (const AtlasPageLayout *layout, cairo_t *cr)
{
  atlas_scene_draw (layout->heading, cr);
  cairo_save (cr);
  cairo_translate (cr, layout->chart_area.x, layout->chart_area.y);
  atlas_scene_draw (layout->chart, cr);
  cairo_restore (cr);
  cairo_show_page (cr);
}

/* The pages to print, in order. */
static GArray *
plan_pages (const AtlasExportRequest *request,
            const AtlasBriefing      *briefing,
            gboolean                  with_notes,
            const char               *lang)
{
  GArray *pages = g_array_new (FALSE, TRUE, sizeof (AtlasPage));

  if (briefing == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (default_deck); i++)
        {
          AtlasPage page = { 0 };

          page.options = *request->options;
          page.options.view = default_deck[i];
          /* A selection names an item of one view; on the others it would
           * be an unknown id. */
          page.options.select = NULL;
          g_array_append_val (pages, page);
        }
      return pages;
    }

  for (guint i = 0; i < briefing->slides->len; i++)
    {
      const AtlasSlide *slide = g_ptr_array_index (briefing->slides, i);
      AtlasPage page = { 0 };

      atlas_slide_get_options (slide, &page.options);
      page.options.lang = lang;
      /* The slide's title heads the chart's own frame, which then names
       * what it shows underneath: one title per page, not two. */
      page.options.title = atlas_text_get (slide->title, lang);
      page.note = with_notes ? atlas_text_get (slide->note, lang) : NULL;
      g_array_append_val (pages, page);
    }
  return pages;
}

/* The default deck leaves out a view the dataset has nothing for (a
 * dataset of prices only); a briefing's slides were checked at load. */
static gboolean
page_may_be_skipped (const AtlasBriefing *briefing, const GError *error)
{
  return briefing == NULL && g_error_matches (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_NOTHING);
}

static const char *
deck_title (const AtlasExportRequest *request, const AtlasBriefing *briefing, const char *lang)
{
  if (briefing != NULL && briefing->title != NULL)
    return atlas_text_get (briefing->title, lang);
  return atlas_text_get (atlas_dataset_get_title (request->dataset), lang);
}

static void
add_outline_entry (cairo_surface_t *surface, const AtlasPageLayout *layout, int page_number)
{
  const char *name = layout->chart->title;
  g_autofree char *link = g_strdup_printf ("page=%d", page_number);

  if (name != NULL)
    cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, link, 0);
}

static gboolean
check_page_size (const AtlasExportRequest *request, GError **error)
{
  double width, height;

  get_figure_size (request, &width, &height);
  if (width >= 16 && height >= 16 && isfinite (width) && isfinite (height))
    return TRUE;
  g_set_error (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_SIZE,
               _("A page of %g×%g points cannot be made"), width, height);
  return FALSE;
}

/* Lays out every page before the file is opened: a slide that cannot be
 * drawn fails the export without touching the disk. */
static GArray *
layout_deck (const AtlasExportRequest *request,
             const AtlasBriefing      *briefing,
             const AtlasStyle         *style,
             GArray                   *pages,
             GError                  **error)
{
  g_autoptr(GArray) layouts = g_array_new (FALSE, TRUE, sizeof (AtlasPageLayout));
  g_autoptr(GError) skipped = NULL;

  g_array_set_clear_func (layouts, (GDestroyNotify) atlas_page_layout_clear);
  for (guint i = 0; i < pages->len; i++)
    {
      g_auto(AtlasPageLayout) layout = { 0 };
      g_autoptr(GError) local_error = NULL;

      if (!layout_page (request, style, &g_array_index (pages, AtlasPage, i), &layout, &local_error))
        {
          if (!page_may_be_skipped (briefing, local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_clear_error (&skipped);
          skipped = g_steal_pointer (&local_error);
          continue;
        }
      g_array_append_val (layouts, layout);
      layout = (AtlasPageLayout) { 0 };
    }
  if (layouts->len == 0)
    {
      if (skipped != NULL)
        g_propagate_error (error, g_steal_pointer (&skipped));
      else
        g_set_error_literal (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_NOTHING,
                             _("The briefing has no slides"));
      return NULL;
    }
  return g_steal_pointer (&layouts);
}

/* @margin: where the figure starts on the page (0 without paper). */
static gboolean
write_deck (GArray *layouts, const char *title, double width, double height, double margin,
            AtlasAtomicFile *file, GError **error)
{
  cairo_surface_t *surface = atlas_export_pdf_surface_new (file, width, height, title);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  gboolean ok;

  cairo_translate (cr, margin, margin);
  for (guint i = 0; i < layouts->len; i++)
    {
      const AtlasPageLayout *layout = &g_array_index (layouts, AtlasPageLayout, i);

      add_outline_entry (surface, layout, (int) i + 1);
      draw_page (layout, cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  ok = atlas_export_check_cairo (status, file, error) &&
       atlas_export_finish_surface (surface, file, error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
atlas_export_briefing_pdf (const AtlasExportRequest *request,
                           const AtlasBriefing      *briefing,
                           gboolean                  with_notes,
                           const char               *path,
                           GError                  **error)
{
  g_autoptr(AtlasStyle) style = NULL;
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GArray) layouts = NULL;
  g_autoptr(AtlasAtomicFile) file = NULL;
  const char *lang;

  g_return_val_if_fail (request != NULL && request->dataset != NULL && request->options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_page_size (request, error))
    return FALSE;
  style = request->style != NULL ? atlas_style_copy (request->style) : atlas_style_new (FALSE);
  lang = request->options->lang != NULL ? request->options->lang : style->lang;
  style->lang = lang;

  pages = plan_pages (request, briefing, with_notes, lang);
  layouts = layout_deck (request, briefing, style, pages, error);
  if (layouts == NULL)
    return FALSE;

  file = atlas_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;
  if (!write_deck (layouts, deck_title (request, briefing, lang),
                   request->page != NULL ? request->page->width : request->width,
                   request->page != NULL ? request->page->height : request->height,
                   request->page != NULL ? request->page->margin : 0, file, error))
    return FALSE;
  return atlas_atomic_file_commit (file, error);
}
