/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-command-line.c: parses the command line before GTK exists and picks the mode: version, check, export or window. */
#include "atlas-config.h"

#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "atlas-app-launch.h"
#include "atlas-bundled-dataset.h"
#include "atlas-command-line-private.h"
#include "atlas-dataset-summary.h"
#include "atlas-window-module.h"

static void
atlas_command_line_clear (AtlasCommandLine *command_line)
{
  char **strings[] = {
    &command_line->export_view, &command_line->output, &command_line->size,
    &command_line->scale, &command_line->font_scale, &command_line->page, &command_line->theme, &command_line->lang,
    &command_line->chain, &command_line->series, &command_line->group,
    &command_line->from, &command_line->to, &command_line->indexed,
    &command_line->currency, &command_line->unit, &command_line->select, &command_line->focus,
    &command_line->kinds, &command_line->briefing, &command_line->view,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&command_line->arguments, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtlasCommandLine, atlas_command_line_clear)

/* ---- messages ---------------------------------------------------------- */

char *
atlas_command_line_printable (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

int
atlas_command_line_usage_error (const char *option,
                                const char *value,
                                const char *format,
                                ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* A value (a path) can hold anything: terminal escapes are shown, not
   * sent to the terminal. */
  {
    g_autofree char *printable_reason = atlas_command_line_printable (reason);
    g_autofree char *printable_value = value != NULL ? atlas_command_line_printable (value) : NULL;

    if (option != NULL && value != NULL)
      g_printerr ("%s: %s=%s: %s\n", g_get_prgname (), option, printable_value, printable_reason);
    else if (option != NULL)
      g_printerr ("%s: %s: %s\n", g_get_prgname (), option, printable_reason);
    else
      g_printerr ("%s: %s\n", g_get_prgname (), printable_reason);
  }
  g_printerr (_("Try “%s --help” for more information.\n"), g_get_prgname ());
  return ATLAS_EXIT_USAGE;
}

/* ---- the options ------------------------------------------------------- */

static GOptionContext *
create_option_context (AtlasCommandLine *cl)
{
  const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_STRING, &cl->export_view,
      N_("Write VIEW to a file instead of opening the window: flows, prices, shares, timeline, map, or briefing (a PDF deck, one page per slide)"), N_("VIEW") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &cl->output,
      N_("The file to write. Its extension picks the format: .png, .svg, .pdf, .csv (the data behind the chart, with a column of sources), .json (the figure as data: every text and mark with its box and role)"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &cl->size,
      N_("Figure size: pixels for PNG, points for SVG and PDF, 16 to 20000 each way (default 1600x900)"), N_("WxH") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &cl->scale,
      N_("PNG only: multiply the pixels by N, from 1 to 8 (1.5 and 2 suit high-resolution screens)"), N_("N") },
    { "font-scale", 0, 0, G_OPTION_ARG_STRING, &cl->font_scale,
      N_("Make the chart's text N times its usual size, from 0.5 to 3 (the layout makes room for it)"), N_("N") },
    { "page", 0, 0, G_OPTION_ARG_STRING, &cl->page,
      N_("PDF only (a chart or a briefing): print on this paper, a4, letter, a4-landscape or letter-landscape, with half-inch margins; the chart fills the area inside them (instead of --size)"), N_("PAPER") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &cl->theme,
      N_("light (default) or dark"), N_("THEME") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &cl->lang,
      N_("Language of the chart: its own words and the dataset's text, en or zh (default: the desktop's language)"), N_("LANG") },
    { "chain", 0, 0, G_OPTION_ARG_STRING, &cl->chain,
      N_("flows: the supply chain to draw (default: the dataset's first); map: draw this chain's routes"), N_("ID") },
    { "series", 0, 0, G_OPTION_ARG_STRING, &cl->series,
      N_("prices: the price series to draw, separated by commas (default: the dysprosium and terbium series when present)"), N_("ID,ID…") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &cl->group,
      N_("shares: the group of bars to draw (default: the first); map: colour the countries by this group's first bar, or by the bar with this id"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &cl->from,
      N_("prices, timeline: start of the time range, as YYYY, YYYY-MM or YYYY-MM-DD"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &cl->to,
      N_("prices, timeline: end of the time range"), N_("DATE") },
    { "log", 0, 0, G_OPTION_ARG_NONE, &cl->log,
      N_("prices: a logarithmic price axis"), NULL },
    { "indexed", 0, 0, G_OPTION_ARG_STRING, &cl->indexed,
      N_("prices: rebase every series to 100 at DATE; a series without a price at or near DATE is left out, and the footer names it"), N_("DATE") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &cl->currency,
      N_("prices: convert to this currency (ISO 4217, e.g. USD, CNY) with the dataset's exchange rates"), N_("CODE") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &cl->unit,
      N_("prices: per kg, t or lb"), N_("UNIT") },
    { "select", 0, 0, G_OPTION_ARG_STRING, &cl->select,
      N_("Draw this item selected: a node (flows), a series or an event (prices), a bar (shares), an event (timeline), a region (map)"), N_("ID") },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &cl->focus,
      N_("What the chart is about, separated by commas: regions, nodes, series, shares or events, drawn whole and labelled while the rest recedes"), N_("ID,ID…") },
    { "kinds", 0, 0, G_OPTION_ARG_STRING, &cl->kinds,
      N_("timeline: only events of these kinds, separated by commas: policy, market, project, conflict, other"), N_("K,K…") },
    { "briefing", 0, 0, G_OPTION_ARG_STRING, &cl->briefing,
      N_("briefing, --present: which of the dataset's briefings to write or present (default: its only one; a dataset without any gets one page per view)"), N_("ID") },
    { "check", 0, 0, G_OPTION_ARG_NONE, &cl->check,
      N_("Check the dataset and print a summary of it, or every problem found (up to 100)"), NULL },
    { "view", 0, 0, G_OPTION_ARG_STRING, &cl->view,
      N_("Window: open on this view (flows, prices, shares, timeline or map)"), N_("VIEW") },
    { "present", 0, 0, G_OPTION_ARG_NONE, &cl->present,
      N_("Window: start in presentation mode"), NULL },
    { "quit-after-first-frame", 0, 0, G_OPTION_ARG_NONE, &cl->quit_after_first_frame,
      N_("Window: quit once the first frame is drawn (for tests and start-up timing)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &cl->version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cl->arguments,
      NULL, NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("[DATASET]"));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Shows who mines, refines and buys rare earths, what they cost, and what happened when.\n"
      "DATASET is a dataset file (format rare-earth-atlas/1); without it the bundled dataset is used.\n"
      "Without --export or --check, the window opens."));
  g_option_context_set_description (context,
    _("Examples:\n"
      "  rare-earth-atlas --export=prices --output=dy-tb.svg\n"
      "  rare-earth-atlas my-data.json --export=flows --chain=ree-2024 --output=flows.png --scale=2\n"
      "  rare-earth-atlas --export=prices --series=dy-oxide-cn,tb-oxide-cn --from=2010 --log --output=prices.pdf\n"
      "  rare-earth-atlas --export=shares --group=refining --theme=dark --size=1200x800 --output=shares.png\n"
      "  rare-earth-atlas --export=timeline --kinds=policy,market --output=events.csv\n"
      "  rare-earth-atlas --export=briefing --briefing=minister-2026-01 --output=deck.pdf\n"
      "  rare-earth-atlas --export=shares --page=a4-landscape --output=shares.pdf\n"
      "  rare-earth-atlas --check my-data.json\n"
      "  rare-earth-atlas my-data.json --view=prices --present\n"
      "\n"
      "Exporting needs no display. A file is written completely or not at all:\n"
      "a failed export leaves an existing file as it was.\n"
      "\n"
      "Exit status: 0 done; 1 the dataset is invalid or unreadable; 2 a bad command\n"
      "line (an unknown option, value or id); 3 the output could not be written;\n"
      "4 the window could not be opened (its module is missing or broken).\n"));
  return context;
}

/* ---- which mode -------------------------------------------------------- */

typedef struct {
  const char *name;
  gboolean    given;
} GivenOption;

/* The first option of @options that was given, or NULL. */
static const char *
first_given (const GivenOption *options, guint n_options)
{
  for (guint i = 0; i < n_options; i++)
    if (options[i].given)
      return options[i].name;
  return NULL;
}

static const char *
first_export_option (const AtlasCommandLine *cl)
{
  const GivenOption options[] = {
    { "--output", cl->output != NULL }, { "--size", cl->size != NULL },
    { "--scale", cl->scale != NULL }, { "--font-scale", cl->font_scale != NULL },
    { "--page", cl->page != NULL },
    { "--theme", cl->theme != NULL },
    { "--lang", cl->lang != NULL }, { "--chain", cl->chain != NULL },
    { "--series", cl->series != NULL }, { "--group", cl->group != NULL },
    { "--from", cl->from != NULL }, { "--to", cl->to != NULL },
    { "--log", cl->log }, { "--indexed", cl->indexed != NULL },
    { "--currency", cl->currency != NULL }, { "--unit", cl->unit != NULL },
    { "--select", cl->select != NULL }, { "--kinds", cl->kinds != NULL },
    { "--focus", cl->focus != NULL }, { "--briefing", cl->briefing != NULL },
  };

  return first_given (options, G_N_ELEMENTS (options));
}

static const char *
first_window_option (const AtlasCommandLine *cl)
{
  const GivenOption options[] = {
    { "--view", cl->view != NULL },
    { "--present", cl->present },
    { "--quit-after-first-frame", cl->quit_after_first_frame },
  };

  return first_given (options, G_N_ELEMENTS (options));
}

const char *
atlas_command_line_get_dataset_path (const AtlasCommandLine *command_line)
{
  if (command_line->arguments == NULL)
    return NULL;
  return command_line->arguments[0];
}

/* ---- loading ----------------------------------------------------------- */

AtlasDataset *
atlas_command_line_load_dataset (const char *path)
{
  g_autofree char *bundled = NULL;
  g_auto(GStrv) messages = NULL;
  g_autoptr(GError) error = NULL;
  AtlasDataset *dataset;

  if (path == NULL)
    path = bundled = atlas_find_bundled_dataset ();
  dataset = atlas_dataset_load_file (path, ATLAS_DATASET_DEFAULT_MAX_MESSAGES, &messages, &error);
  if (dataset != NULL)
    return dataset;

  /* Messages name the file, the place and the rule; they are data, so they
   * are printed as such, never used as a format. */
  if (messages != NULL && messages[0] != NULL)
    for (guint i = 0; messages[i] != NULL; i++)
      g_printerr ("%s\n", messages[i]);
  else if (error != NULL)
    g_printerr ("%s\n", error->message);
  return NULL;
}

/* ---- the modes --------------------------------------------------------- */

static int
print_version (void)
{
  g_print ("rare-earth-atlas %s\n", PACKAGE_VERSION);
  return ATLAS_EXIT_OK;
}

static int
run_check (const AtlasCommandLine *cl)
{
  const char *other = cl->export_view != NULL ? "--export" : first_export_option (cl);
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autofree char *summary = NULL;

  if (other == NULL)
    other = first_window_option (cl);
  if (other != NULL)
    return atlas_command_line_usage_error (other, NULL, _("cannot be combined with --check"));

  dataset = atlas_command_line_load_dataset (atlas_command_line_get_dataset_path (cl));
  if (dataset == NULL)
    return ATLAS_EXIT_DATASET;
  summary = atlas_dataset_summarize (dataset);
  g_print ("%s", summary);
  if (!g_str_has_suffix (summary, "\n"))
    g_print ("\n");
  /* A summary nobody can read is no success (stdout on a full disk). */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr (_("%s: cannot write the summary: %s\n"), g_get_prgname (), g_strerror (errno));
      return ATLAS_EXIT_WRITE;
    }
  return ATLAS_EXIT_OK;
}

static int
run_window (const AtlasCommandLine *cl, const char *program)
{
  const char *export_option = first_export_option (cl);
  AtlasLaunchOptions launch = { 0 };
  AtlasView view;
  char *app_argv[] = { (char *) program, NULL };

  /* --briefing also picks what --present shows; the window checks the id
   * against the dataset it opens (which may be the remembered one). */
  if (g_strcmp0 (export_option, "--briefing") == 0 && !cl->present)
    return atlas_command_line_usage_error ("--briefing", NULL,
                                           _("only applies with --export=briefing or --present"));
  if (export_option != NULL && g_strcmp0 (export_option, "--briefing") != 0)
    return atlas_command_line_usage_error (export_option, NULL, _("only applies with --export"));
  if (cl->view != NULL && !atlas_view_from_string (cl->view, &view))
    return atlas_command_line_usage_error ("--view", cl->view,
                                           _("not a view: use flows, prices, shares, timeline or map"));

  launch.dataset_path = atlas_command_line_get_dataset_path (cl);
  launch.view = cl->view;
  launch.present = cl->present;
  launch.briefing = cl->briefing;
  launch.quit_after_first_frame = cl->quit_after_first_frame;
  /* Everything is parsed already: GApplication sees the program name only,
   * so it never rejects our options. */
  return atlas_window_module_run (&launch, 1, app_argv);
}

int
atlas_command_line_run (int argc, char **argv)
{
  g_auto(AtlasCommandLine) cl = { 0 };
  g_autoptr(GOptionContext) context = create_option_context (&cl);
  g_autoptr(GError) error = NULL;
  const char *program = argc > 0 ? argv[0] : "rare-earth-atlas";

  g_set_prgname ("rare-earth-atlas");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return atlas_command_line_usage_error (NULL, NULL, "%s", error->message);

  if (cl.version)
    return print_version ();
  if (cl.arguments != NULL && g_strv_length (cl.arguments) > 1)
    return atlas_command_line_usage_error (cl.arguments[1], NULL,
                                           _("only one DATASET may be given"));
  if (cl.check)
    return run_check (&cl);
  if (cl.export_view != NULL)
    {
      const char *window_option = first_window_option (&cl);

      if (window_option != NULL)
        return atlas_command_line_usage_error (window_option, NULL,
                                               _("only applies when opening the window, not with --export"));
      return atlas_command_line_export (&cl);
    }
  return run_window (&cl, program);
}
