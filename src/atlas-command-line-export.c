/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-command-line-export.c: --export: every option value checked, then one chart, its data or a briefing written to a file. */
#include "atlas-config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-command-line-private.h"
#include "atlas-export.h"
#include "atlas-i18n.h"

#define DEFAULT_WIDTH   1600
#define DEFAULT_HEIGHT  900
#define MIN_SIDE        16
#define MAX_SIDE        20000
#define MIN_SCALE       1.0
#define MAX_SCALE       8.0
/* Text from half to three times its size: beyond, labels no longer fit
 * any figure. */
#define MIN_FONT_SCALE  0.5
#define MAX_FONT_SCALE  3.0

/* A view bit for "which views does this option apply to". */
#define VIEW_BIT(view) (1u << (view))
#define ALL_VIEWS      (VIEW_BIT (ATLAS_VIEW_N_VIEWS) - 1)

/* The validated request, ready for the export layer. */
typedef struct {
  gboolean           is_briefing;   /* --export=briefing */
  AtlasView          view;          /* the single view otherwise */
  AtlasExportFormat  format;
  double             width, height, scale, font_scale;
  gboolean           has_page;      /* --page: paper instead of --size */
  AtlasPageSize      page;
  gboolean           dark;
  char             **series;
  char             **focus;
  char             **kinds;
  AtlasDate          from, to, indexed;
} ExportPlan;

static void
export_plan_clear (ExportPlan *plan)
{
  g_clear_pointer (&plan->series, g_strfreev);
  g_clear_pointer (&plan->focus, g_strfreev);
  g_clear_pointer (&plan->kinds, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportPlan, export_plan_clear)

/* Every check below prints its own message and returns FALSE; the caller
 * then exits with ATLAS_EXIT_USAGE. */
#define USAGE_FAILS(...) (atlas_command_line_usage_error (__VA_ARGS__), FALSE)

/* ---- single values ----------------------------------------------------- */

static gboolean
parse_view (const char *text, ExportPlan *plan)
{
  if (g_strcmp0 (text, "briefing") == 0)
    {
      plan->is_briefing = TRUE;
      return TRUE;
    }
  if (atlas_view_from_string (text, &plan->view))
    return TRUE;
  return USAGE_FAILS ("--export", text,
                      _("not a view: use flows, prices, shares, timeline, map or briefing"));
}

/* A whole decimal number, read the same in every locale. */
static gboolean
parse_number (const char *text, double *out)
{
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  /* Decimal only: strtod() also reads "0x2" (hex), "inf" and "nan". */
  if (text[strspn (text, "0123456789.eE+-")] != '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
parse_side (const char *text, double *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, MIN_SIDE, MAX_SIDE, &value, NULL))
    return FALSE;
  *out = (double) value;
  return TRUE;
}

static gboolean
parse_size (const char *text, ExportPlan *plan)
{
  g_auto(GStrv) sides = NULL;

  plan->width = DEFAULT_WIDTH;
  plan->height = DEFAULT_HEIGHT;
  if (text == NULL)
    return TRUE;
  sides = g_strsplit_set (text, "xX", -1);
  if (g_strv_length (sides) == 2 && parse_side (sides[0], &plan->width) &&
      parse_side (sides[1], &plan->height))
    return TRUE;
  return USAGE_FAILS ("--size", text,
                      _("expected WIDTHxHEIGHT with whole numbers from %d to %d, such as 1600x900"),
                      MIN_SIDE, MAX_SIDE);
}

static gboolean
parse_scale (const char *text, ExportPlan *plan)
{
  plan->scale = 1.0;
  if (text == NULL)
    return TRUE;
  if (plan->format != ATLAS_EXPORT_PNG)
    return USAGE_FAILS ("--scale", text, _("only applies to PNG output"));
  if (parse_number (text, &plan->scale) && plan->scale >= MIN_SCALE && plan->scale <= MAX_SCALE)
    return TRUE;
  return USAGE_FAILS ("--scale", text, _("expected a number from %g to %g, such as 2 or 1.5"),
                      MIN_SCALE, MAX_SCALE);
}

static gboolean
parse_font_scale (const char *text, ExportPlan *plan)
{
  plan->font_scale = 1.0;
  if (text == NULL)
    return TRUE;
  if (parse_number (text, &plan->font_scale) &&
      plan->font_scale >= MIN_FONT_SCALE && plan->font_scale <= MAX_FONT_SCALE)
    return TRUE;
  return USAGE_FAILS ("--font-scale", text, _("expected a number from %g to %g, such as 1.5"),
                      MIN_FONT_SCALE, MAX_FONT_SCALE);
}

/* After parse_size(): the paper sets the figure's size, so --size with it
 * would be silently ignored. */
static gboolean
parse_page (const AtlasCommandLine *cl, ExportPlan *plan)
{
  plan->has_page = FALSE;
  if (cl->page == NULL)
    return TRUE;
  if (plan->format != ATLAS_EXPORT_PDF)
    return USAGE_FAILS ("--page", cl->page, _("only applies to PDF output"));
  if (cl->size != NULL)
    return USAGE_FAILS ("--size", cl->size, _("cannot be combined with --page: the paper sets the size"));
  if (!atlas_page_size_from_name (cl->page, &plan->page))
    return USAGE_FAILS ("--page", cl->page, _("expected a4, letter, a4-landscape or letter-landscape"));
  plan->has_page = TRUE;
  return TRUE;
}

static gboolean
parse_theme (const char *text, ExportPlan *plan)
{
  plan->dark = FALSE;
  if (text == NULL || g_str_equal (text, "light"))
    return TRUE;
  if (g_str_equal (text, "dark"))
    {
      plan->dark = TRUE;
      return TRUE;
    }
  return USAGE_FAILS ("--theme", text, _("expected light or dark"));
}

static gboolean
check_lang (const char *text)
{
  if (text == NULL || g_str_equal (text, "en") || g_str_equal (text, "zh"))
    return TRUE;
  return USAGE_FAILS ("--lang", text, _("expected en or zh"));
}

static gboolean
check_unit (const char *text)
{
  if (text == NULL || atlas_mass_unit_in_kg (text) > 0)
    return TRUE;
  return USAGE_FAILS ("--unit", text, _("expected kg, t or lb"));
}

static gboolean
check_currency (const char *text)
{
  if (text == NULL)
    return TRUE;
  if (strlen (text) == 3 && g_ascii_isupper (text[0]) && g_ascii_isupper (text[1]) &&
      g_ascii_isupper (text[2]))
    return TRUE;
  return USAGE_FAILS ("--currency", text, _("expected an ISO 4217 code such as USD or CNY"));
}

static gboolean
parse_date (const char *option, const char *text, AtlasDate *out)
{
  *out = (AtlasDate) { 0 };
  if (text == NULL || atlas_date_parse (text, strlen (text), out))
    return TRUE;
  return USAGE_FAILS (option, text, _("expected a date as YYYY, YYYY-MM or YYYY-MM-DD"));
}

static gboolean
parse_dates (const AtlasCommandLine *cl, ExportPlan *plan)
{
  if (!parse_date ("--from", cl->from, &plan->from) ||
      !parse_date ("--to", cl->to, &plan->to) ||
      !parse_date ("--indexed", cl->indexed, &plan->indexed))
    return FALSE;
  if (atlas_date_is_set (&plan->from) && atlas_date_is_set (&plan->to) &&
      atlas_date_compare (&plan->from, &plan->to) > 0)
    return USAGE_FAILS ("--to", cl->to, _("comes before --from=%s"), cl->from);
  return TRUE;
}

/* "a,b , c" -> {"a", "b", "c"}; an empty item is a typo, not a wish. */
static gboolean
parse_list (const char *option, const char *text, char ***out)
{
  g_auto(GStrv) items = NULL;

  *out = NULL;
  if (text == NULL)
    return TRUE;
  /* g_strsplit() makes no item of "": an empty list, not a default. */
  if (*text == '\0')
    return USAGE_FAILS (option, text, _("an empty item in the list"));
  items = g_strsplit (text, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    if (*g_strstrip (items[i]) == '\0')
      return USAGE_FAILS (option, text, _("an empty item in the list"));
  *out = g_steal_pointer (&items);
  return TRUE;
}

static gboolean
parse_kinds (const char *text, ExportPlan *plan)
{
  if (!parse_list ("--kinds", text, &plan->kinds))
    return FALSE;
  for (guint i = 0; plan->kinds != NULL && plan->kinds[i] != NULL; i++)
    {
      AtlasEventKind kind;

      if (!atlas_event_kind_from_string (plan->kinds[i], &kind))
        return USAGE_FAILS ("--kinds", text,
                            _("“%s” is not a kind of event: use policy, market, project, conflict or other"),
                            plan->kinds[i]);
    }
  return TRUE;
}

/* ---- the output and its format ------------------------------------------ */

static gboolean
parse_output (const AtlasCommandLine *cl, ExportPlan *plan)
{
  g_autoptr(GError) error = NULL;

  if (cl->output == NULL)
    return USAGE_FAILS ("--export", cl->export_view, _("needs --output=FILE"));
  if (!atlas_export_format_from_path (cl->output, &plan->format, &error))
    return USAGE_FAILS ("--output", cl->output, "%s", error->message);
  if (plan->is_briefing && plan->format != ATLAS_EXPORT_PDF)
    return USAGE_FAILS ("--output", cl->output, _("a briefing is written as PDF only (.pdf)"));
  return TRUE;
}

/* ---- which options fit which view -------------------------------------- */

typedef struct {
  const char *name;
  gboolean    given;
  guint       views;   /* VIEW_BIT mask */
} ViewOption;

typedef struct {
  const char *name;
  gboolean    given;
} GivenOption;

/* An option that the chosen view ignores is almost always a mistake in a
 * script (--series on flows); saying so beats a silently different chart. */
static gboolean
check_options_fit_view (const AtlasCommandLine *cl, const ExportPlan *plan)
{
  const guint prices = VIEW_BIT (ATLAS_VIEW_PRICES);
  const ViewOption options[] = {
    { "--chain", cl->chain != NULL, VIEW_BIT (ATLAS_VIEW_FLOWS) | VIEW_BIT (ATLAS_VIEW_MAP) },
    { "--group", cl->group != NULL, VIEW_BIT (ATLAS_VIEW_SHARES) | VIEW_BIT (ATLAS_VIEW_MAP) },
    { "--series", cl->series != NULL, prices },
    { "--log", cl->log, prices },
    { "--indexed", cl->indexed != NULL, prices },
    { "--currency", cl->currency != NULL, prices },
    { "--unit", cl->unit != NULL, prices },
    { "--from", cl->from != NULL, prices | VIEW_BIT (ATLAS_VIEW_TIMELINE) },
    { "--to", cl->to != NULL, prices | VIEW_BIT (ATLAS_VIEW_TIMELINE) },
    { "--kinds", cl->kinds != NULL, VIEW_BIT (ATLAS_VIEW_TIMELINE) },
    { "--select", cl->select != NULL, ALL_VIEWS },
    { "--focus", cl->focus != NULL, ALL_VIEWS },
  };

  if (plan->is_briefing)
    {
      /* A selection names an item of one view; the deck shows them all. */
      if (cl->select != NULL)
        return USAGE_FAILS ("--select", cl->select, _("does not apply to --export=briefing"));
      if (cl->focus != NULL)
        return USAGE_FAILS ("--focus", cl->focus, _("does not apply to --export=briefing"));
      return TRUE;
    }
  if (cl->briefing != NULL)
    return USAGE_FAILS ("--briefing", cl->briefing, _("only applies with --export=briefing"));
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (options[i].given && (options[i].views & VIEW_BIT (plan->view)) == 0)
      return USAGE_FAILS (options[i].name, NULL, _("does not apply to --export=%s"),
                          atlas_view_to_string (plan->view));
  return TRUE;
}

static gboolean
make_plan (const AtlasCommandLine *cl, ExportPlan *plan)
{
  return parse_view (cl->export_view, plan) &&
         parse_output (cl, plan) &&
         parse_size (cl->size, plan) &&
         parse_scale (cl->scale, plan) &&
         parse_font_scale (cl->font_scale, plan) &&
         parse_page (cl, plan) &&
         parse_theme (cl->theme, plan) &&
         check_lang (cl->lang) &&
         check_unit (cl->unit) &&
         check_currency (cl->currency) &&
         parse_dates (cl, plan) &&
         parse_list ("--series", cl->series, &plan->series) &&
         parse_list ("--focus", cl->focus, &plan->focus) &&
         parse_kinds (cl->kinds, plan) &&
         check_options_fit_view (cl, plan);
}

/* ---- language ----------------------------------------------------------- */

/* Dataset text follows --lang through the options and the default
 * language; the chart's own words (axis names, "Sources:") follow gettext,
 * switched by atlas_i18n_set_language() even where the only locale is
 * C.UTF-8. */
static void
apply_language (const char *lang)
{
  if (lang == NULL)
    return;
  atlas_i18n_set_language (lang);
}

/* ---- briefings ---------------------------------------------------------- */

/* --briefing, else the dataset's only briefing, else NULL (one page per
 * view).  FALSE when the choice is wrong or ambiguous. */
static gboolean
choose_briefing (const AtlasCommandLine *cl, AtlasDataset *dataset, const AtlasBriefing **out)
{
  GPtrArray *briefings = atlas_dataset_get_briefings (dataset);
  g_autofree char *ids = atlas_dataset_join_briefing_ids (dataset);

  *out = NULL;
  if (cl->briefing != NULL)
    {
      *out = atlas_dataset_find_briefing (dataset, cl->briefing);
      if (*out != NULL)
        return TRUE;
      if (briefings->len == 0)
        return USAGE_FAILS ("--briefing", cl->briefing, _("the dataset has no briefings"));
      return USAGE_FAILS ("--briefing", cl->briefing, _("no such briefing; the dataset has: %s"), ids);
    }
  if (briefings->len == 1)
    *out = g_ptr_array_index (briefings, 0);
  else if (briefings->len > 1)
    return USAGE_FAILS ("--export", "briefing",
                        _("the dataset has several briefings: choose one with --briefing=ID (%s)"), ids);
  return TRUE;
}

/* A dataset's briefing chooses what each slide shows; view options would
 * be silently ignored, so they are refused. */
static gboolean
check_options_fit_briefing (const AtlasCommandLine *cl, const AtlasBriefing *briefing)
{
  const GivenOption options[] = {
    { "--chain", cl->chain != NULL }, { "--group", cl->group != NULL },
    { "--series", cl->series != NULL }, { "--log", cl->log },
    { "--indexed", cl->indexed != NULL }, { "--currency", cl->currency != NULL },
    { "--unit", cl->unit != NULL }, { "--from", cl->from != NULL },
    { "--to", cl->to != NULL }, { "--kinds", cl->kinds != NULL },
  };

  if (briefing == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (options[i].given)
      return USAGE_FAILS (options[i].name, NULL,
                          _("does not apply to briefing “%s”: its slides choose what they show"),
                          briefing->id);
  return TRUE;
}

/* ---- writing ------------------------------------------------------------ */

static void
fill_options (const AtlasCommandLine *cl, const ExportPlan *plan, AtlasChartOptions *options)
{
  atlas_chart_options_init (options, plan->is_briefing ? ATLAS_VIEW_FLOWS : plan->view);
  options->lang = cl->lang;
  options->chain = cl->chain;
  options->group = cl->group;
  options->series = (const char * const *) plan->series;
  options->from = plan->from;
  options->to = plan->to;
  options->log_scale = cl->log;
  options->indexed = plan->indexed;
  options->currency = cl->currency;
  options->unit = cl->unit;
  options->kinds = (const char * const *) plan->kinds;
  options->select = cl->select;
  options->focus = (const char * const *) plan->focus;
}

/* A data table reads only what it lists, so an id that only the drawing
 * uses (--select) would pass unnoticed; laying the chart out checks every
 * id the same way for CSV as for a picture. */
static gboolean
check_ids_like_the_chart (const AtlasExportRequest *request, AtlasExportFormat format, GError **error)
{
  g_autoptr(AtlasScene) scene = NULL;

  if (format != ATLAS_EXPORT_CSV)
    return TRUE;
  scene = atlas_chart_layout (request->dataset, request->options,
                              request->width, request->height, request->style, error);
  return scene != NULL;
}

/* Errors about what was asked for (an unknown id, a view the dataset has
 * nothing for, a format or size that cannot be) are the command line's;
 * the rest is about writing the file. */
static int
exit_status_for (const GError *error)
{
  if (error->domain == ATLAS_CHART_ERROR)
    return ATLAS_EXIT_USAGE;
  if (g_error_matches (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_FORMAT) ||
      g_error_matches (error, ATLAS_EXPORT_ERROR, ATLAS_EXPORT_ERROR_SIZE))
    return ATLAS_EXIT_USAGE;
  return ATLAS_EXIT_WRITE;
}

static int
report_export_error (const AtlasCommandLine *cl, const GError *error)
{
  int status = exit_status_for (error);

  if (status == ATLAS_EXIT_USAGE)
    return atlas_command_line_usage_error ("--export", cl->export_view, "%s", error->message);
  /* The message names the file and the reason (missing folder, no
   * permission, disk full). */
  {
    g_autofree char *printable = atlas_command_line_printable (error->message);

    g_printerr ("%s: %s\n", g_get_prgname (), printable);
  }
  return status;
}

/* TRUE when @a and @b are one file, however each is spelled (links, "..",
 * other names): by device and inode.  FALSE when either does not exist. */
static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* An export over its own input would destroy the dataset (or one of its
 * points_csv files) with exit 0: refused, naming both. */
static gboolean
check_output_is_no_input (const AtlasCommandLine *cl, AtlasDataset *dataset)
{
  const char *dataset_path = atlas_dataset_get_path (dataset);
  GPtrArray *series = atlas_dataset_get_series (dataset);
  g_autofree char *folder = NULL;

  if (dataset_path == NULL)
    return TRUE;
  if (same_file (cl->output, dataset_path))
    return USAGE_FAILS ("--output", cl->output, _("is the dataset file “%s”: an export never overwrites its input"),
                        dataset_path);
  folder = g_path_get_dirname (dataset_path);
  for (guint i = 0; series != NULL && i < series->len; i++)
    {
      const AtlasSeries *s = g_ptr_array_index (series, i);
      g_autofree char *csv = NULL;

      if (s->points_csv == NULL)
        continue;
      csv = g_build_filename (folder, s->points_csv, NULL);
      if (same_file (cl->output, csv))
        return USAGE_FAILS ("--output", cl->output,
                            _("is the points_csv file “%s” of the dataset: an export never overwrites its input"),
                            csv);
    }
  return TRUE;
}

int
atlas_command_line_export (const AtlasCommandLine *cl)
{
  g_auto(ExportPlan) plan = { 0 };
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasStyle) style = NULL;
  g_autoptr(GError) error = NULL;
  const AtlasBriefing *briefing = NULL;
  AtlasChartOptions options;
  AtlasExportRequest request = { 0 };
  gboolean written;

  if (!make_plan (cl, &plan))
    return ATLAS_EXIT_USAGE;

  dataset = atlas_command_line_load_dataset (atlas_command_line_get_dataset_path (cl));
  if (dataset == NULL)
    return ATLAS_EXIT_DATASET;
  if (!check_output_is_no_input (cl, dataset))
    return ATLAS_EXIT_USAGE;
  if (plan.is_briefing &&
      !(choose_briefing (cl, dataset, &briefing) && check_options_fit_briefing (cl, briefing)))
    return ATLAS_EXIT_USAGE;

  apply_language (cl->lang);
  style = atlas_style_new (plan.dark);
  style->lang = cl->lang;
  style->font_scale = plan.font_scale;
  fill_options (cl, &plan, &options);

  request.dataset = dataset;
  request.options = &options;
  request.style = style;
  request.width = plan.width;
  request.height = plan.height;
  request.scale = plan.scale;
  request.page = plan.has_page ? &plan.page : NULL;

  if (plan.is_briefing)
    written = atlas_export_briefing_pdf (&request, briefing, TRUE, cl->output, &error);
  else
    written = check_ids_like_the_chart (&request, plan.format, &error) &&
              atlas_export_chart (&request, plan.format, cl->output, &error);
  if (!written)
    return report_export_error (cl, error);
  return ATLAS_EXIT_OK;
}
