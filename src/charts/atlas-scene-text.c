/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-scene-text.c: type sizes, and measuring, wrapping and shortening text in a scene's font (one measuring context and one cache of sizes for the whole program). */
#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "atlas-scene-private.h"
#include "atlas-scene-text.h"

/* One measuring context for the whole program: metrics are unhinted so a
 * layout measured here matches what PDF, SVG and PNG surfaces draw. */
cairo_t *
atlas_scene_measuring_context (void)
{
  static cairo_t *cr;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cr = cairo_create (surface);
      cairo_surface_destroy (surface);
      g_once_init_leave (&initialized, 1);
    }
  return cr;
}

static void
configure_pango_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
}

/* Relaxed atomics: layouts may be measured on more than one thread, and
 * only the totals matter. */
static guint64 layouts_created;
static guint64 chars_laid_out;
static guint64 comparisons;

void
atlas_scene_count_comparisons (guint64 n)
{
  __atomic_fetch_add (&comparisons, n, __ATOMIC_RELAXED);
}

guint64
atlas_scene_get_comparisons (void)
{
  return __atomic_load_n (&comparisons, __ATOMIC_RELAXED);
}

guint64
atlas_scene_get_layouts_created (void)
{
  return __atomic_load_n (&layouts_created, __ATOMIC_RELAXED);
}

guint64
atlas_scene_get_chars_laid_out (void)
{
  return __atomic_load_n (&chars_laid_out, __ATOMIC_RELAXED);
}

gsize
atlas_scene_text_prefix_bytes (const char *text, glong max_chars, glong *n_chars)
{
  const char *p = text;
  glong n = 0;

  while (*p != '\0' && n < max_chars)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  if (n_chars != NULL)
    *n_chars = n;
  return (gsize) (p - text);
}

PangoLayout *
atlas_scene_create_layout (const AtlasStyle *style,
                           cairo_t          *cr,
                           const char       *text,
                           double            font_size,
                           gboolean          bold,
                           gboolean          italic,
                           double            wrap_width)
{
  PangoLayout *layout;
  PangoFontDescription *font;

  layout = pango_cairo_create_layout (cr != NULL ? cr : atlas_scene_measuring_context ());
  configure_pango_context (pango_layout_get_context (layout));
  pango_layout_context_changed (layout);

  font = pango_font_description_new ();
  pango_font_description_set_family (font, style != NULL && style->font_family != NULL
                                           ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, MAX (font_size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* Dataset text is data: set as plain text, never parsed as markup. */
  {
    glong n_chars;
    gsize bytes = atlas_scene_text_prefix_bytes (text, ATLAS_SCENE_MAX_TEXT_CHARS, &n_chars);

    pango_layout_set_text (layout, text, (int) bytes);
    __atomic_fetch_add (&layouts_created, 1, __ATOMIC_RELAXED);
    __atomic_fetch_add (&chars_laid_out, (guint64) n_chars, __ATOMIC_RELAXED);
  }
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

double
atlas_scene_balanced_wrap (const AtlasScene *scene, const char *text, double font_size, gboolean bold,
                           double wrap_width)
{
  double h, line, lo = wrap_width * 0.3, hi = wrap_width;

  atlas_scene_measure_text (scene, text, font_size, bold, wrap_width, NULL, &h);
  atlas_scene_measure_text (scene, "Ag", font_size, bold, 0, NULL, &line);
  if (h <= line * 1.5)
    return wrap_width;
  /* Ten halvings: within a thousandth of the width, a fraction of a letter. */
  for (guint i = 0; i < 10; i++)
    {
      double mid = (lo + hi) / 2, hm;

      atlas_scene_measure_text (scene, text, font_size, bold, mid, NULL, &hm);
      if (hm > h + 0.5)
        lo = mid;
      else
        hi = mid;
    }
  return hi;
}

/* Measured sizes, shared by every scene of the program:
 * "family|size|bold|wrap|text" -> double[2].  A layout measures many texts
 * more than once while it tries placements (value labels, the widest label
 * of a column, the footer), and the next layout of the same figure (a zoom
 * step, a slide shown again, the window redrawn at the same size) measures
 * most of them again: shaping them was more than half of a timeline's
 * layout, and a slide shown again is laid out in about half the time.  A
 * text's size depends on nothing else (the measuring context is the same
 * for all: unhinted, see atlas_scene_measuring_context()), so a size found once holds
 * for the life of the program. */
static GMutex text_sizes_lock;
static GHashTable *text_sizes;
static gsize text_sizes_bytes;

/* What the keys may hold before the cache starts again from empty: some
 * tens of thousands of labels, a few megabytes, where a figure measures a
 * few hundred texts. */
#define TEXT_SIZES_MAX_BYTES (8 * 1024 * 1024)

void
atlas_scene_forget_text_sizes (void)
{
  g_mutex_lock (&text_sizes_lock);
  g_clear_pointer (&text_sizes, g_hash_table_unref);
  text_sizes_bytes = 0;
  g_mutex_unlock (&text_sizes_lock);
}

void
atlas_scene_measure_text (const AtlasScene *scene,
                          const char       *text,
                          double            font_size,
                          gboolean          bold,
                          double            wrap_width,
                          double           *width,
                          double           *height)
{
  /* Keyed by what is laid out, so a megabyte-long name is not copied
   * into the cache whole. */
  gsize bytes = atlas_scene_text_prefix_bytes (text, ATLAS_SCENE_MAX_TEXT_CHARS, NULL);
  const char *family = scene->style->font_family != NULL ? scene->style->font_family : "";
  g_autofree char *key = g_strdup_printf ("%s|%a|%d|%a|%.*s", family, font_size, bold, wrap_width,
                                          (int) bytes, text);
  double size[2];
  gboolean found = FALSE;

  g_mutex_lock (&text_sizes_lock);
  if (text_sizes != NULL)
    {
      const double *cached = g_hash_table_lookup (text_sizes, key);

      if (cached != NULL)
        {
          size[0] = cached[0];
          size[1] = cached[1];
          found = TRUE;
        }
    }
  g_mutex_unlock (&text_sizes_lock);

  if (!found)
    {
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;
      gsize key_bytes = strlen (key) + 1;

      /* Measured outside the lock: another thread may measure the same
       * text meanwhile, and finds the same size. */
      layout = atlas_scene_create_layout (scene->style, NULL, text, font_size, bold, FALSE, wrap_width);
      pango_layout_get_extents (layout, NULL, &logical);
      size[0] = (double) logical.width / PANGO_SCALE;
      size[1] = (double) logical.height / PANGO_SCALE;

      g_mutex_lock (&text_sizes_lock);
      if (text_sizes == NULL || text_sizes_bytes + key_bytes > TEXT_SIZES_MAX_BYTES)
        {
          g_clear_pointer (&text_sizes, g_hash_table_unref);
          text_sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          text_sizes_bytes = 0;
        }
      if (!g_hash_table_contains (text_sizes, key))
        {
          g_hash_table_insert (text_sizes, g_steal_pointer (&key), g_memdup2 (size, sizeof size));
          text_sizes_bytes += key_bytes;
        }
      g_mutex_unlock (&text_sizes_lock);
    }
  if (width != NULL)
    *width = size[0];
  if (height != NULL)
    *height = size[1];
}

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
  double width, fits_width = 0, too_long_width;
  char *best = NULL;

  /* No glyph is narrower than a twentieth of an em, so more characters
   * than this cannot fit: the rest of a long text is never laid out. */
  glong cap = (glong) CLAMP (max_width / (MAX (font_size, 1.0) * 0.05), 0.0,
                             (double) ATLAS_SCENE_MAX_TEXT_CHARS) + 1;

  atlas_scene_text_prefix_bytes (text, cap + 1, &n_chars);
  too_long = MIN (n_chars, cap);
  /* Unknown unless measured: as wide as the bound it cannot fit then. */
  too_long_width = max_width * 2;
  if (n_chars <= cap)
    {
      atlas_scene_measure_text (scene, text, font_size, bold, 0, &width, NULL);
      if (width <= max_width)
        return g_strdup (text);
      too_long_width = width;
    }

  /* The longest prefix that fits with "…".  A text is about as wide per
   * character all along, so the length is first guessed from the widths
   * measured at the two ends of what is still open (a guess from the
   * whole text's width is seldom more than a character or two off); every
   * other try halves what is open, so a text of uneven widths still takes
   * no more tries than bisection twice over.  Either way the answer is the
   * same longest prefix: a handful of measurements, not one per character. */
  for (guint round = 0; too_long - fits > 1; round++)
    {
      glong middle;
      g_autofree char *prefix = NULL;
      g_autofree char *candidate = NULL;

      if (round % 2 == 0 && too_long_width > fits_width)
        middle = fits + (glong) floor ((too_long - fits) * (max_width - fits_width)
                                       / (too_long_width - fits_width));
      else
        middle = fits + (too_long - fits) / 2;
      middle = CLAMP (middle, fits + 1, too_long - 1);
      prefix = g_strndup (text, atlas_scene_text_prefix_bytes (text, middle, NULL));
      candidate = g_strconcat (g_strchomp (prefix), "…", NULL);
      atlas_scene_measure_text (scene, candidate, font_size, bold, 0, &width, NULL);
      if (width <= max_width)
        {
          fits = middle;
          fits_width = width;
          g_free (best);
          best = g_steal_pointer (&candidate);
        }
      else
        {
          too_long = middle;
          too_long_width = width;
        }
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
