/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-price-chart.c: the prices view: which series, which dates, in what money; its figure texts, description and table. */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "atlas-annotations.h"
#include "atlas-chart-frame.h"
#include "atlas-format.h"
#include "atlas-scene-text.h"
#include "atlas-chart-private.h"
#include "atlas-price-layout-private.h"
#include "atlas-time-axis.h"
#include "atlas-units.h"

/* ---- options ------------------------------------------------------------- */

static gboolean
is_default_element (const AtlasSeries *series)
{
  /* The heavy rare earths a briefing on export controls is about. */
  return series->element != NULL && series->currency != NULL &&
         (g_strcmp0 (series->element->id, "Dy") == 0 || g_strcmp0 (series->element->id, "Tb") == 0);
}

/* Prices and quantities, or quantities in two units, never share an axis:
 * the first series chosen says what the chart measures. */
static gboolean
same_measure (const AtlasSeries *a, const AtlasSeries *b)
{
  if ((a->currency == NULL) != (b->currency == NULL))
    return FALSE;
  return a->currency != NULL || g_strcmp0 (a->unit, b->unit) == 0;
}

/* Moves the series that do not measure what the first does to @left_out. */
static void
keep_one_measure (GPtrArray *chosen, GPtrArray *left_out)
{
  const AtlasSeries *first = g_ptr_array_index (chosen, 0);
  guint kept = 1;

  for (guint i = 1; i < chosen->len; i++)
    {
      gpointer series = g_ptr_array_index (chosen, i);

      if (same_measure (first, series))
        chosen->pdata[kept++] = series;
      else
        g_ptr_array_add (left_out, series);
    }
  g_ptr_array_set_size (chosen, kept);
}

static GPtrArray *
resolve_series (AtlasDataset *dataset, const AtlasChartOptions *options, GPtrArray *left_out, GError **error)
{
  GPtrArray *all = atlas_dataset_get_series (dataset);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  if (all->len == 0)
    {
      g_set_error_literal (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_NOTHING,
                           _("The dataset has no price series"));
      return NULL;
    }
  if (options->series != NULL && options->series[0] != NULL)
    {
      for (guint i = 0; options->series[i] != NULL; i++)
        {
          const AtlasSeries *series = atlas_dataset_find_series (dataset, options->series[i]);

          if (series == NULL)
            {
              g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID,
                           _("Unknown price series “%s”"), options->series[i]);
              return NULL;
            }
          if (!g_ptr_array_find (chosen, series, NULL))
            g_ptr_array_add (chosen, (gpointer) series);
        }
      keep_one_measure (chosen, left_out);
      return g_steal_pointer (&chosen);
    }
  for (guint i = 0; i < all->len; i++)
    if (is_default_element (g_ptr_array_index (all, i)))
      g_ptr_array_add (chosen, g_ptr_array_index (all, i));
  if (chosen->len == 0)
    g_ptr_array_add (chosen, g_ptr_array_index (all, 0));
  return g_steal_pointer (&chosen);
}

static gboolean
is_currency_code (const char *code)
{
  return strlen (code) == 3 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) &&
         g_ascii_isupper (code[2]);
}

/* The last day a date given as "to" covers: "2025" runs to 31 December. */
static double
last_day_of (const AtlasDate *date)
{
  if (date->precision == ATLAS_DATE_YEAR)
    return atlas_days_from_civil (date->year + 1, 1, 1) - 1;
  if (date->precision == ATLAS_DATE_MONTH)
    return (date->month == 12 ? atlas_days_from_civil (date->year + 1, 1, 1)
                              : atlas_days_from_civil (date->year, date->month + 1, 1)) - 1;
  return date->day;
}

static gboolean
check_options (AtlasDataset *dataset, const AtlasChartOptions *options, GError **error)
{
  if (options->unit != NULL && atlas_mass_unit_in_kg (options->unit) == 0)
    {
      g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_BAD_OPTION,
                   _("Unknown mass unit “%s” (use kg, t or lb)"), options->unit);
      return FALSE;
    }
  if (options->currency != NULL && !is_currency_code (options->currency))
    {
      g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_BAD_OPTION,
                   _("“%s” is not a currency code such as USD"), options->currency);
      return FALSE;
    }
  if (atlas_date_is_set (&options->from) && atlas_date_is_set (&options->to) &&
      last_day_of (&options->to) < options->from.day)
    {
      g_set_error_literal (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_BAD_OPTION,
                           _("The date range ends before it starts"));
      return FALSE;
    }
  if (options->select != NULL && atlas_dataset_find_series (dataset, options->select) == NULL &&
      atlas_dataset_find_event (dataset, options->select) == NULL)
    {
      g_set_error (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_UNKNOWN_ID,
                   _("Unknown series or event “%s”"), options->select);
      return FALSE;
    }
  return TRUE;
}

/* The visible dates: as asked, else all the data with a little room so the
 * first and last points do not sit on the plot's edges. */
static void
choose_range (const AtlasChartOptions *options, GPtrArray *series, double *day0, double *day1)
{
  double first = G_MAXDOUBLE, last = -G_MAXDOUBLE, pad;

  for (guint i = 0; i < series->len; i++)
    {
      const AtlasSeries *s = g_ptr_array_index (series, i);

      if (s->n_points == 0)
        continue;
      first = MIN (first, s->points[0].day);
      last = MAX (last, s->points[s->n_points - 1].day);
    }
  if (first > last)
    first = last = atlas_days_from_civil (2000, 1, 1);
  pad = last > first ? MAX ((last - first) * 0.03, 1) : 182;

  *day0 = atlas_date_is_set (&options->from) ? options->from.day : first - pad;
  *day1 = atlas_date_is_set (&options->to) ? last_day_of (&options->to) : last + pad;
  if (*day1 > *day0)
    return;
  /* Both ends on one day: that day.  Only one end given, beyond the data:
   * a year from it. */
  if (atlas_date_is_set (&options->from) && atlas_date_is_set (&options->to))
    *day1 = *day0 + 1;
  else if (atlas_date_is_set (&options->from))
    *day1 = *day0 + 365;
  else
    *day0 = *day1 - 365;
}

/* The money and mass unit shown: as asked; when not asked, the first
 * series' (others are converted to it), except in indexed mode, where each
 * series is rebased in its own currency and nothing needs converting. */
static void
choose_currency (AtlasPriceLayout *layout, GPtrArray *series)
{
  const AtlasSeries *first = g_ptr_array_index (series, 0);
  const AtlasChartOptions *options = layout->options;

  layout->quantities = first->currency == NULL;
  /* Quantities are shown in their own unit: money and mass do not apply. */
  if (layout->quantities)
    {
      if (!layout->indexed)
        layout->unit = first->unit;
      return;
    }

  if (layout->indexed && options->currency == NULL && options->unit == NULL)
    return;
  layout->currency = options->currency != NULL ? options->currency : first->currency;
  layout->unit = options->unit != NULL ? options->unit : first->unit;
}

static void
layout_clear (AtlasPriceLayout *layout)
{
  g_clear_pointer (&layout->sources, g_ptr_array_unref);
  g_clear_pointer (&layout->other_measure, g_ptr_array_unref);
  g_clear_pointer (&layout->axis_label, g_free);
}

/* Everything before drawing, shared by the chart and its table. */
static AtlasScene *
prepare (AtlasPriceLayout        *layout,
         AtlasDataset            *dataset,
         const AtlasChartOptions *options,
         double                   width,
         double                   height,
         const AtlasStyle        *style,
         GError                 **error)
{
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(AtlasScene) scene = NULL;
  GPtrArray *all = atlas_dataset_get_series (dataset);
  AtlasPriceSceneData *data;

  g_autoptr(GPtrArray) other_measure = g_ptr_array_new ();

  series = resolve_series (dataset, options, other_measure, error);
  if (series == NULL || !check_options (dataset, options, error))
    return NULL;

  scene = atlas_scene_new (&atlas_price_scene_class, dataset, style, width, height);
  if (options->lang != NULL)
    scene->style->lang = options->lang;
  data = atlas_price_scene_data_new ();
  scene->chart_data = data;
  scene->chart_data_free = atlas_price_scene_data_free;

  *layout = (AtlasPriceLayout) { 0 };
  layout->dataset = dataset;
  layout->options = options;
  layout->scene = scene;
  layout->data = data;
  layout->lang = scene->style->lang;
  layout->indexed = atlas_date_is_set (&options->indexed);
  layout->index_day = options->indexed.day;
  layout->sources = g_ptr_array_new ();
  layout->other_measure = g_steal_pointer (&other_measure);
  if (options->select != NULL)
    layout->selected_event = atlas_dataset_find_event (dataset, options->select);
  choose_currency (layout, series);
  choose_range (options, series, &data->day0, &data->day1);
  atlas_price_collect_breaks (dataset, data->breaks);

  for (guint i = 0; i < series->len; i++)
    {
      const AtlasSeries *s = g_ptr_array_index (series, i);
      guint dataset_index = 0;
      AtlasPriceTrace *trace;

      g_ptr_array_find (all, s, &dataset_index);
      trace = atlas_price_trace_new (layout, s, dataset_index);
      trace->emphasised = options->select != NULL && g_strcmp0 (options->select, s->id) == 0;
      atlas_frame_add_cite (layout->sources, dataset, (const char * const *) s->cite);
      atlas_price_trace_measure (layout, trace);
      g_ptr_array_add (data->traces, trace);
    }
  atlas_price_traces_separate_colors (layout, data->traces);
  return g_steal_pointer (&scene);
}

/* ---- texts --------------------------------------------------------------- */

char *
atlas_price_format_value (double value)
{
  double magnitude = fabs (value);

  return atlas_format_number (value, magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3);
}

static const char *
unit_name (const char *unit)
{
  if (g_strcmp0 (unit, "kg") == 0)
    return _("kilogram");
  if (g_strcmp0 (unit, "t") == 0)
    return _("tonne");
  if (g_strcmp0 (unit, "lb") == 0)
    return _("pound");
  return unit;
}

static char *
index_date_text (const AtlasPriceLayout *layout)
{
  const AtlasDate *date = &layout->options->indexed;

  return atlas_time_format_day (date->day, date->precision);
}

/* "Dysprosium", "terbium": element names inside a sentence, in English,
 * are common nouns. */
static char *
element_in_sentence (const char *name, gboolean first)
{
  if (!first && g_ascii_isupper (name[0]) && g_ascii_islower (name[1]))
    {
      char *lower = g_strdup (name);
      lower[0] = g_ascii_tolower (lower[0]);
      return lower;
    }
  return g_strdup (name);
}

static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) out = g_string_new (g_ptr_array_index (names, 0));

  for (guint i = 1; i < names->len; i++)
    {
      if (i + 1 < names->len)
        g_string_append_printf (out, _(", %s"), (const char *) g_ptr_array_index (names, i));
      else
        g_string_append_printf (out, _(" and %s"), (const char *) g_ptr_array_index (names, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "Dysprosium and terbium oxide prices", from the series' elements and
 * their product when they share one; a single series goes by its name. */
/* The traces the chart draws: in indexed mode those with a base; all of
 * them when none has one (the title still says what was asked for). */
static GPtrArray *
drawn_traces (const AtlasPriceLayout *layout)
{
  GPtrArray *traces = layout->data->traces;
  GPtrArray *drawn = g_ptr_array_new ();

  for (guint i = 0; i < traces->len; i++)
    if (!((const AtlasPriceTrace *) g_ptr_array_index (traces, i))->no_base)
      g_ptr_array_add (drawn, g_ptr_array_index (traces, i));
  if (drawn->len == 0)
    for (guint i = 0; i < traces->len; i++)
      g_ptr_array_add (drawn, g_ptr_array_index (traces, i));
  return drawn;
}

static char *
compose_title (const AtlasPriceLayout *layout)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  const char *product = NULL;
  g_autofree char *joined = NULL;

  g_autoptr(GPtrArray) drawn = drawn_traces (layout);

  if (drawn->len == 1)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (drawn, 0);
      return g_strdup (atlas_text_get (trace->series->name, layout->lang));
    }
  for (guint i = 0; i < drawn->len; i++)
    {
      const AtlasSeries *series = ((const AtlasPriceTrace *) g_ptr_array_index (drawn, i))->series;
      const char *this_product = atlas_text_get (series->product, layout->lang);

      if (series->element == NULL)
        return g_strdup (layout->quantities ? _("Quantities") : _("Prices"));
      if (!g_ptr_array_find (elements, series->element, NULL))
        {
          g_ptr_array_add (elements, (gpointer) series->element);
          g_ptr_array_add (names, element_in_sentence (atlas_text_get (series->element->name, layout->lang),
                                                       names->len == 0));
        }
      if (i == 0)
        product = this_product;
      else if (g_strcmp0 (product, this_product) != 0)
        product = NULL;
    }
  joined = join_names (names);
  if (layout->quantities)
    /* TRANSLATORS: "Dysprosium and terbium quantities" */
    return g_strdup_printf (_("%s quantities"), joined);
  if (product != NULL)
    /* TRANSLATORS: elements, then their product: "Dysprosium and terbium oxide prices" */
    return g_strdup_printf (_("%s %s prices"), joined, product);
  /* TRANSLATORS: "Dysprosium and terbium prices" */
  return g_strdup_printf (_("%s prices"), joined);
}

static char *
money_per_unit (const char *currency, const char *unit)
{
  if (currency == NULL)
    /* TRANSLATORS: the unit of a chart of quantities, "In t" */
    return g_strdup_printf (_("In %s"), atlas_unit_label (unit));
  /* TRANSLATORS: a price unit, "USD per kilogram" */
  return g_strdup_printf (_("%s per %s"), atlas_currency_label (currency), unit_name (unit));
}

static char *
compose_subtitle (const AtlasPriceLayout *layout)
{
  g_autofree char *base = NULL;

  if (layout->options->subtitle != NULL)
    return g_strdup (layout->options->subtitle);
  if (layout->indexed)
    {
      g_autofree char *date = index_date_text (layout);
      base = g_strdup_printf (_("Index, each series = 100 at %s"), date);
    }
  else
    base = money_per_unit (layout->currency, layout->unit);
  if (layout->options->log_scale)
    return g_strdup_printf (_("%s, logarithmic scale"), base);
  return g_steal_pointer (&base);
}

static void
set_axis_labels (AtlasPriceLayout *layout)
{
  AtlasPriceSceneData *data = layout->data;

  if (layout->indexed)
    {
      g_autofree char *date = index_date_text (layout);
      layout->axis_label = g_strdup_printf (_("Index (= 100 at %s)"), date);
      data->unit_label = g_strdup (_("index"));
      return;
    }
  data->unit_label = atlas_price_unit_label (layout->currency, layout->unit);
  layout->axis_label = g_strdup (data->unit_label);
}

static gboolean
contains_casefolded (const char *haystack, const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

/* Appends @part unless the label already says it (names often include
 * their basis or frequency). */
static void
append_part (GString *label, const char *separator, const char *part)
{
  if (part == NULL || *part == '\0' || contains_casefolded (label->str, part))
    return;
  g_string_append (label, separator);
  g_string_append (label, part);
}

/* What the series is: "Dysprosium oxide 99.5 % · FOB China · annual
 * average".  @detail 3 says everything; lower values leave out, in turn,
 * the basis, the frequency and the purity, for legends that must be short. */
static char *
series_label (const AtlasSeries *series, const char *lang, int detail)
{
  GString *label = g_string_new (atlas_text_get (series->name, lang));

  /* "Dysprosium oxide 99.5 %", but "Dysprosium oxide, annual average
   * (USGS) · 99.5 %": a bare space only joins a bare name. */
  if (detail >= 1)
    append_part (label, strpbrk (label->str, ",()") != NULL ? " · " : " ",
                 atlas_text_get (series->purity, lang));
  if (detail >= 3)
    append_part (label, " · ", atlas_text_get (series->basis, lang));
  if (detail >= 2)
    append_part (label, " · ", atlas_text_get (series->frequency, lang));
  return g_string_free (label, FALSE);
}

static char *
fitting_series_label (AtlasScene *scene, const AtlasSeries *series, const char *lang, double max_width)
{
  double size = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);

  for (int detail = 3; detail > 0; detail--)
    {
      g_autofree char *label = series_label (series, lang, detail);
      double width;

      atlas_scene_measure_text (scene, label, size, FALSE, 0, &width, NULL);
      if (width <= max_width)
        return g_steal_pointer (&label);
    }
  return series_label (series, lang, 0);
}

/* A line that runs to (near) the right edge can be named where it ends;
 * one that stops early would need a leader across the plot: the legend
 * names it. */
static gboolean
ends_near_right_edge (const AtlasPriceLayout *layout, const AtlasPriceTrace *trace)
{
  const AtlasPriceSceneData *data = layout->data;
  double last = trace->series->points[trace->last_shown].day;

  return trace->n_shown > 0 && (last - data->day0) >= 0.85 * (data->day1 - data->day0);
}

/* Lines are labelled at their ends when there are few enough to label
 * there: a right margin as wide as the longest name needs (within a
 * quarter of the figure), if their labels, wrapped to it, fit down the
 * plot's height.  Otherwise (many series), the legend. */
static void
decide_end_labels (AtlasPriceLayout *layout)
{
  AtlasScene *scene = layout->scene;
  GPtrArray *traces = layout->data->traces;
  double size = atlas_scene_font_size (scene, ATLAS_FONT_SMALL);
  double widest = 0, total = 0, width, line_h;
  guint shown = 0;

  layout->end_label_width = 0;
  for (guint i = 0; i < traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (traces, i);
      double w;

      if (!ends_near_right_edge (layout, trace))
        continue;
      shown++;
      atlas_scene_measure_text (scene, atlas_text_get (trace->series->name, layout->lang), size, FALSE, 0, &w, NULL);
      widest = MAX (widest, w);
    }
  if (shown == 0 || shown > 6)
    return;
  width = CLAMP (widest + size, size * 7, MIN (scene->width * 0.25, size * 18));
  atlas_scene_measure_text (scene, "Ag", size, FALSE, 0, NULL, &line_h);
  for (guint i = 0; i < traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (traces, i);
      g_autofree char *text = NULL;
      double h;

      if (!ends_near_right_edge (layout, trace))
        continue;
      text = g_strdup_printf ("%s\n0", atlas_text_get (trace->series->name, layout->lang));
      atlas_scene_measure_text (scene, text, size, FALSE, width - size * 0.75, NULL, &h);
      total += h + line_h * 0.3;
    }
  if (total > scene->height * 0.55)
    return;
  layout->end_label_width = width;
  for (guint i = 0; i < traces->len; i++)
    {
      AtlasPriceTrace *trace = g_ptr_array_index (traces, i);
      trace->end_labelled = ends_near_right_edge (layout, trace);
    }
}

static GArray *
build_legend (AtlasPriceLayout *layout)
{
  AtlasScene *scene = layout->scene;
  GPtrArray *traces = layout->data->traces;
  GArray *legend = g_array_new (FALSE, TRUE, sizeof (AtlasLegendEntry));
  double margin = atlas_scene_font_size (scene, ATLAS_FONT_LABEL) * 1.2;
  double width = scene->width - 2 * margin;
  /* Several series share rows: half the width each keeps the legend to a
   * few lines even when a dataset's basis is a whole sentence. */
  double max_width = traces->len == 1 ? width * 0.9 : width * 0.45;

  g_array_set_clear_func (legend, (GDestroyNotify) atlas_legend_entry_clear);
  for (guint i = 0; i < traces->len; i++)
    {
      AtlasPriceTrace *trace = g_ptr_array_index (traces, i);
      AtlasLegendEntry entry = { 0 };

      /* Named at its line's end instead. */
      if (trace->end_labelled)
        continue;
      /* Left out of an indexed chart: the footer says so. */
      if (trace->no_base)
        continue;
      entry.label = fitting_series_label (scene, trace->series, layout->lang, max_width);
      entry.color = trace->color;
      entry.line = TRUE;
      entry.item = (AtlasItem) { ATLAS_ITEM_SERIES, trace->series->id, -1 };
      g_array_append_val (legend, entry);
    }
  return legend;
}

static gboolean
any_conversion (const AtlasPriceLayout *layout, gboolean *currency_changes)
{
  GPtrArray *traces = layout->data->traces;
  gboolean any = FALSE;

  *currency_changes = FALSE;
  for (guint i = 0; i < traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (traces, i);
      const AtlasSeries *series = trace->series;

      /* A series with no point shown (none in range, or none with a rate)
       * converted nothing the reader sees. */
      if (trace->n_shown == 0)
        continue;
      if (layout->currency != NULL && g_strcmp0 (layout->currency, series->currency) != 0)
        *currency_changes = any = TRUE;
      if (layout->unit != NULL && g_strcmp0 (layout->unit, series->unit) != 0)
        any = TRUE;
    }
  return any;
}

/* The exchange rates used are sources too. */
static void
cite_exchange_rates (AtlasPriceLayout *layout)
{
  GPtrArray *fx = atlas_dataset_get_fx (layout->dataset);
  GPtrArray *traces = layout->data->traces;

  for (guint i = 0; i < fx->len; i++)
    {
      const AtlasFx *entry = g_ptr_array_index (fx, i);
      gboolean used = g_strcmp0 (entry->currency, layout->currency) == 0 ||
                      g_strcmp0 (entry->per, layout->currency) == 0;

      for (guint t = 0; t < traces->len && !used; t++)
        {
          const AtlasSeries *series = ((const AtlasPriceTrace *) g_ptr_array_index (traces, t))->series;
          used = g_strcmp0 (entry->currency, series->currency) == 0 || g_strcmp0 (entry->per, series->currency) == 0;
        }
      if (used)
        atlas_frame_add_cite (layout->sources, layout->dataset, (const char * const *) entry->cite);
    }
}

static gsize
count_left_out (const AtlasPriceLayout *layout)
{
  gsize n = 0;

  for (guint i = 0; i < layout->data->traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (layout->data->traces, i);

      /* A series without an index base is named as a whole instead. */
      if (!trace->no_base)
        n += trace->n_left_out;
    }
  return n;
}

/* "Not drawn, with no price at or near 2014 to set to 100: A; B.", or
 * NULL when every series has its base. */
static char *
compose_no_base_sentence (const AtlasPriceLayout *layout)
{
  GPtrArray *traces = layout->data->traces;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *date = NULL;

  for (guint i = 0; i < traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (traces, i);

      if (!trace->no_base)
        continue;
      if (names->len > 0)
        g_string_append (names, atlas_punct_list_separator ());
      /* Series names are data: appended, never a format. */
      g_string_append (names, atlas_text_get (trace->series->name, layout->lang));
    }
  if (names->len == 0)
    return NULL;
  date = index_date_text (layout);
  /* TRANSLATORS: in an indexed price chart's footer: the index date, then
   * the names of the series left out, separated by semicolons */
  return g_strdup_printf (_("Not drawn, with no price at or near %s to set to 100: %s."), date, names->str);
}

/* What the reader must know to read the figure right: conversions, left-out
 * series and points, and what bands and hollow markers mean. */
static char *
compose_footer_note (AtlasPriceLayout *layout)
{
  g_autoptr(GString) note = g_string_new (NULL);
  gboolean currency_changes;
  gsize left_out = count_left_out (layout);
  g_autofree char *no_base = compose_no_base_sentence (layout);

  if (any_conversion (layout, &currency_changes))
    {
      g_autofree char *unit = atlas_price_unit_label (layout->currency, layout->unit);

      if (currency_changes)
        {
          g_string_append_printf (note, _("Converted to %s at the dataset’s exchange rates."), unit);
          cite_exchange_rates (layout);
        }
      else
        g_string_append_printf (note, _("Converted to %s."), unit);
    }
  if (no_base != NULL)
    atlas_append_sentence (note, no_base);
  if (left_out > 0)
    {
      g_autofree char *count = atlas_format_number ((double) left_out, 0);
      g_autofree char *sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s point without an exchange rate is not shown.",
                                                                "%s points without an exchange rate are not shown.",
                                                                left_out), count);
      atlas_append_sentence (note, sentence);
    }
  if (layout->other_measure->len > 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL, *sentence = NULL;

      for (guint i = 0; i < layout->other_measure->len; i++)
        g_ptr_array_add (names, (gpointer) atlas_text_get (((const AtlasSeries *)
                                                            g_ptr_array_index (layout->other_measure, i))->name,
                                                           layout->lang));
      joined = join_names (names);
      /* TRANSLATORS: %s lists series: prices and quantities are never drawn on one axis */
      sentence = g_strdup_printf (_("Not shown, measured in other units: %s."), joined);
      atlas_append_sentence (note, sentence);
    }
  if (layout->any_band)
    atlas_append_sentence (note, _("Bands: quoted low–high ranges."));
  if (layout->any_estimate_marker)
    atlas_append_sentence (note, _("Hollow markers: estimates."));
  if (note->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&note), FALSE);
}

/* Bands and estimate markers are only known once the plot is laid out, but
 * the frame must come first (it decides where the plot goes): look ahead. */
static void
predict_plot_notes (AtlasPriceLayout *layout)
{
  GPtrArray *traces = layout->data->traces;

  for (guint i = 0; i < traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (traces, i);

      if (trace->series->has_ranges && (trace->n_shown > 0 || (trace->has_left && trace->has_right)))
        layout->any_band = TRUE;
      if (trace->n_estimates > 0 && trace->n_estimates <= ATLAS_PRICE_ITEM_LIMIT)
        layout->any_estimate_marker = TRUE;
    }
}

static void
layout_frame (AtlasPriceLayout *layout)
{
  g_autofree char *title = compose_title (layout);
  g_autofree char *subtitle = compose_subtitle (layout);
  g_autofree char *note = NULL;
  g_autoptr(GArray) legend = NULL;
  AtlasFrameSpec spec = { 0 };

  decide_end_labels (layout);
  legend = build_legend (layout);
  predict_plot_notes (layout);
  note = compose_footer_note (layout);
  spec.title = title;
  spec.subtitle = subtitle;
  spec.headline = layout->options->title;
  spec.sources = layout->sources;
  spec.footer_note = note;
  spec.legend = legend;
  atlas_chart_frame_layout (layout->scene, &spec);
}

/* ---- description, items, selection -------------------------------------- */

static char *
years_of (const AtlasSeries *series, gsize first, gsize last)
{
  int y0, y1, m, d;

  atlas_civil_from_days (series->points[first].day, &y0, &m, &d);
  atlas_civil_from_days (series->points[last].day, &y1, &m, &d);
  if (y0 == y1)
    return g_strdup_printf ("%d", y0);
  return g_strdup_printf ("%d–%d", y0, y1);
}

static void
describe_trace (const AtlasPriceLayout *layout, const AtlasPriceTrace *trace, GString *out)
{
  const AtlasSeries *series = trace->series;
  const AtlasPriceSceneData *data = layout->data;
  const char *name = atlas_text_get (series->name, layout->lang);
  double first, last, peak;
  g_autofree char *years = NULL, *first_text = NULL, *last_text = NULL, *peak_text = NULL, *peak_date = NULL;

  /* Named with the reason where the footer's note is added. */
  if (trace->no_base)
    return;
  if (trace->n_shown == 0)
    {
      g_autofree char *sentence = g_strdup_printf (_("%s: no prices in this range."), name);
      atlas_append_sentence (out, sentence);
      return;
    }
  if (out->len > 0)
    atlas_append_sentence (out, "");
  atlas_price_trace_shown (data, trace, trace->first_shown, &first, NULL, NULL);
  atlas_price_trace_shown (data, trace, trace->last_shown, &last, NULL, NULL);
  atlas_price_trace_shown (data, trace, trace->peak, &peak, NULL, NULL);
  years = years_of (series, trace->first_shown, trace->last_shown);
  first_text = atlas_price_format_value (first);
  last_text = atlas_price_format_value (last);
  peak_text = atlas_price_format_value (peak);
  peak_date = atlas_time_format_day (series->points[trace->peak].day, series->points[trace->peak].precision);
  if (trace->n_shown == 1)
    /* TRANSLATORS: series name, unit, value, date: "Terbium oxide, USD/kg: 3,150 in Jul 2025." */
    g_string_append_printf (out, _("%s, %s: %s in %s."), name, data->unit_label, last_text, peak_date);
  else
    /* TRANSLATORS: "Dysprosium oxide, USD/kg, 2014–2025: from 395 to 805 (peak 805 in Jul 2025)." */
    g_string_append_printf (out, _("%s, %s, %s: from %s to %s (peak %s in %s)."), name, data->unit_label,
                            years, first_text, last_text, peak_text, peak_date);
}

static char *
describe (const AtlasPriceLayout *layout)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_events = layout->data->events->len;

  g_autofree char *no_base = compose_no_base_sentence (layout);

  for (guint i = 0; i < layout->data->traces->len; i++)
    describe_trace (layout, g_ptr_array_index (layout->data->traces, i), out);
  if (no_base != NULL)
    atlas_append_sentence (out, no_base);
  if (n_events > 0)
    {
      g_autofree char *sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event is marked.",
                                                                "%u events are marked.", n_events),
                                                   n_events);
      atlas_append_sentence (out, sentence);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Reading order for the keyboard: the series as in the legend, then their
 * points by date (when few enough to step through), then the events. */
static void
add_items (AtlasPriceLayout *layout)
{
  AtlasPriceSceneData *data = layout->data;
  GPtrArray *events = atlas_dataset_get_events (layout->dataset);

  for (guint i = 0; i < data->traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (data->traces, i);
      AtlasItem item = { ATLAS_ITEM_SERIES, trace->series->id, -1 };

      /* Nothing of it is drawn to step to. */
      if (trace->no_base)
        continue;
      atlas_scene_add_item (layout->scene, &item);
    }
  for (guint i = 0; i < data->traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (data->traces, i);

      if (trace->n_shown > ATLAS_PRICE_ITEM_LIMIT)
        continue;
      for (gsize p = trace->first; p < trace->end; p++)
        {
          AtlasItem item = { ATLAS_ITEM_POINT, trace->series->id, (int) p };

          if (atlas_price_trace_shown (data, trace, p, NULL, NULL, NULL) && !isnan (trace->scale))
            atlas_scene_add_item (layout->scene, &item);
        }
    }
  for (guint i = 0; i < data->events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (data->events, i);
      guint index = 0;
      AtlasItem item;

      g_ptr_array_find (events, event, &index);
      item = (AtlasItem) { ATLAS_ITEM_EVENT, event->id, (int) index };
      atlas_scene_add_item (layout->scene, &item);
    }
}

/* The series and events a slide is about stay whole; the rest recedes. */
static void
apply_focus (AtlasPriceLayout *layout)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (AtlasItem));
  GPtrArray *events = atlas_dataset_get_events (layout->dataset);

  for (guint i = 0; i < layout->data->traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (layout->data->traces, i);
      AtlasItem item = { ATLAS_ITEM_SERIES, trace->series->id, -1 };

      if (atlas_price_in_focus (layout, trace->series->id))
        g_array_append_val (items, item);
    }
  for (guint i = 0; i < layout->data->events->len; i++)
    {
      const AtlasEvent *event = g_ptr_array_index (layout->data->events, i);
      guint index = 0;
      AtlasItem item;

      if (!atlas_price_in_focus (layout, event->id))
        continue;
      g_ptr_array_find (events, event, &index);
      item = (AtlasItem) { ATLAS_ITEM_EVENT, event->id, (int) index };
      g_array_append_val (items, item);
    }
  atlas_scene_set_focus (layout->scene, (const AtlasItem *) (gpointer) items->data, items->len);
}

/* A selected series is emphasised (the others muted); a selected event is
 * drawn in the accent colour without muting the prices it annotates, since
 * a briefing slide that points at an event is still about the prices. */
static void
apply_selection (AtlasPriceLayout *layout)
{
  const char *select = layout->options->select;
  GPtrArray *events = atlas_dataset_get_events (layout->dataset);

  if (select == NULL)
    return;
  for (guint i = 0; i < layout->data->traces->len; i++)
    {
      const AtlasPriceTrace *trace = g_ptr_array_index (layout->data->traces, i);
      AtlasItem item = { ATLAS_ITEM_SERIES, trace->series->id, -1 };

      if (trace->emphasised)
        {
          atlas_scene_set_selected (layout->scene, &item);
          atlas_scene_set_highlight (layout->scene, &item);
          return;
        }
    }
  if (layout->selected_event != NULL && g_ptr_array_find (layout->data->events, layout->selected_event, NULL))
    {
      guint index = 0;
      AtlasItem item;

      g_ptr_array_find (events, layout->selected_event, &index);
      item = (AtlasItem) { ATLAS_ITEM_EVENT, layout->selected_event->id, (int) index };
      atlas_scene_set_selected (layout->scene, &item);
    }
}

AtlasScene *
atlas_price_chart_layout (AtlasDataset            *dataset,
                          const AtlasChartOptions *options,
                          double                   width,
                          double                   height,
                          const AtlasStyle        *style,
                          GError                 **error)
{
  AtlasPriceLayout layout;
  g_autoptr(AtlasScene) scene = NULL;

  scene = prepare (&layout, dataset, options, width, height, style, error);
  if (scene == NULL)
    return NULL;
  set_axis_labels (&layout);
  layout_frame (&layout);
  atlas_price_plot_layout (&layout);
  add_items (&layout);
  apply_focus (&layout);
  apply_selection (&layout);
  atlas_chart_add_annotations (scene, dataset, options);
  scene->description = describe (&layout);
  layout_clear (&layout);
  return g_steal_pointer (&scene);
}

/* ---- table --------------------------------------------------------------- */

/* A figure shown as quoted is the dataset's own: every digit of it.  A
 * converted or indexed one is a product of rates: enough digits to keep
 * what the data say, at least two decimals and four significant digits
 * for small values, not the noise of the arithmetic. */
static char *
format_table_value (double value, double quoted)
{
  double magnitude = fabs (value);
  int decimals = magnitude > 0 ? 3 - (int) floor (log10 (magnitude)) : 2;

  if (value == quoted)
    return atlas_format_plain_number (value, -1);
  return atlas_format_plain_number (value, CLAMP (decimals, 2, 6));
}

static char *
format_point_date (const AtlasPricePoint *point)
{
  AtlasDate date = { 0 };
  int year, month, mday;

  atlas_civil_from_days (point->day, &year, &month, &mday);
  date.day = point->day;
  date.year = (gint16) year;
  date.month = (guint8) month;
  date.mday = (guint8) mday;
  date.precision = point->precision;
  return atlas_date_to_string (&date);
}

static char *
point_sources (AtlasDataset *dataset, const AtlasSeries *series, const AtlasPricePoint *point,
               const char *lang, const char *series_sources)
{
  if (point->extra >= 0 && series->extras != NULL && (guint) point->extra < series->extras->len)
    {
      const AtlasPointExtra *extra = &g_array_index (series->extras, AtlasPointExtra, point->extra);

      if (extra->cite != NULL)
        return atlas_table_format_cite (dataset, (const char * const *) extra->cite, lang);
    }
  return g_strdup (series_sources);
}

static void
add_table_rows (AtlasPriceLayout *layout, const AtlasPriceTrace *trace, AtlasTable *table)
{
  const AtlasSeries *series = trace->series;
  const char *name = atlas_text_get (series->name, layout->lang);
  g_autofree char *series_sources = atlas_table_format_cite (layout->dataset, (const char * const *) series->cite,
                                                             layout->lang);

  for (gsize i = trace->first; i < trace->end; i++)
    {
      const AtlasPricePoint *point = &series->points[i];
      gboolean range = (point->flags & ATLAS_POINT_RANGE) != 0;
      double value, low, high;

      if (isnan (trace->scale) || !atlas_price_trace_shown (layout->data, trace, i, &value, &low, &high))
        continue;
      atlas_table_add_row (table,
                           g_strdup (name),
                           format_point_date (point),
                           range ? g_strdup ("") : format_table_value (value, point->value),
                           range ? format_table_value (low, point->low) : g_strdup (""),
                           range ? format_table_value (high, point->high) : g_strdup (""),
                           g_strdup (layout->indexed ? layout->axis_label : layout->data->unit_label),
                           g_strdup ((point->flags & ATLAS_POINT_ESTIMATE) ? _("estimate") : ""),
                           point_sources (layout->dataset, series, point, layout->lang, series_sources),
                           NULL);
    }
}

AtlasTable *
atlas_price_chart_table (AtlasDataset *dataset, const AtlasChartOptions *options, GError **error)
{
  AtlasPriceLayout layout;
  g_autoptr(AtlasScene) scene = NULL;
  AtlasTable *table;

  /* The table holds what the chart draws: the same series, dates and
   * money, so it is prepared the same way (the scene is never drawn). */
  scene = prepare (&layout, dataset, options, 640, 360, NULL, error);
  if (scene == NULL)
    return NULL;
  set_axis_labels (&layout);
  table = atlas_table_new ();
  atlas_table_add_column (table, _("Series"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Date"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Value"), ATLAS_TABLE_COLUMN_NUMBER);
  atlas_table_add_column (table, _("Low"), ATLAS_TABLE_COLUMN_NUMBER);
  atlas_table_add_column (table, _("High"), ATLAS_TABLE_COLUMN_NUMBER);
  atlas_table_add_column (table, _("Unit"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Estimate"), ATLAS_TABLE_COLUMN_TEXT);
  atlas_table_add_column (table, _("Sources"), ATLAS_TABLE_COLUMN_TEXT);
  for (guint i = 0; i < layout.data->traces->len; i++)
    add_table_rows (&layout, g_ptr_array_index (layout.data->traces, i), table);
  layout_clear (&layout);
  return table;
}
