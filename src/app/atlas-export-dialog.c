/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-export-dialog.c: chooses how to export the chart, asks where, and writes through src/export. */
#include "atlas-config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "atlas-accessible.h"
#include "atlas-export-dialog.h"
#include "atlas-export-preview.h"
#include "atlas-item-info.h"
#include "atlas-window.h"

struct _AtlasExportDialog
{
  GtkWindow          parent_instance;

  AtlasDataset      *dataset;
  AtlasViewState    *state;         /* a copy, fixed when the dialog opened */
  AtlasStyle        *window_style;
  char              *selection_id;
  GArray            *formats;       /* AtlasExportFormat, in dropdown order */
  GtkFileChooserNative *chooser;    /* kept until its response */
  guint              preview_idle_id;

  GtkDropDown       *format_dropdown;
  GtkDropDown       *size_dropdown;
  GtkWidget         *custom_box;
  GtkSpinButton     *width_spin;
  GtkSpinButton     *height_spin;
  GtkWidget         *scale_label;
  GtkDropDown       *scale_dropdown;
  GtkDropDown       *theme_dropdown;
  GtkCheckButton    *emphasis_check;
  GtkLabel          *summary_label;
  GtkWidget         *export_button;
  AtlasExportPreview *preview;
};

/* What one export is: the request and what it points to. */
typedef struct {
  AtlasExportFormat   format;
  AtlasExportRequest  request;
  AtlasStyle         *style;
  AtlasViewState     *state;
  AtlasPageSize       page;
} PlannedExport;

static void
planned_export_clear (PlannedExport *plan)
{
  g_clear_pointer (&plan->style, atlas_style_free);
  g_clear_object (&plan->state);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlannedExport, planned_export_clear)

static void plan_export      (AtlasExportDialog *self, PlannedExport *plan);
static void schedule_preview (AtlasExportDialog *self);

G_DEFINE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, GTK_TYPE_WINDOW)

/* In the order of the size drop-down's items (ui/atlas-export-dialog.ui).
 * A document preset is a sheet of paper: a PDF is that page with the chart
 * inside its margins, any other format the figure of the area inside
 * them, in points, to place in a document at its printed size. */
static const struct {
  int         width, height;   /* when @paper is NULL */
  const char *paper;           /* atlas_page_size_from_name() */
  const char *paper_label;     /* for the summary */
} size_presets[] = {
  { 1600, 900, NULL, NULL },
  { 1920, 1080, NULL, NULL },
  { 1280, 720, NULL, NULL },
  /* Social media's 16:9 link previews and posts (Twitter/X, LinkedIn). */
  { 1200, 675, NULL, NULL },
  { 0, 0, "a4", N_("A4") },
  { 0, 0, "a4-landscape", N_("A4 landscape") },
  { 0, 0, "letter", N_("Letter") },
  { 0, 0, "letter-landscape", N_("Letter landscape") },
};

enum { SIZE_CUSTOM = G_N_ELEMENTS (size_presets) };
enum { THEME_LIGHT, THEME_DARK, THEME_WINDOW };

/* The folder of the last export, so a series of exports lands together. */
static GFile *last_folder;

static const char *
format_extension (AtlasExportFormat format)
{
  switch (format)
    {
    case ATLAS_EXPORT_PNG: return "png";
    case ATLAS_EXPORT_SVG: return "svg";
    case ATLAS_EXPORT_PDF: return "pdf";
    case ATLAS_EXPORT_CSV: return "csv";
    case ATLAS_EXPORT_JSON: return "json";
    default: return "";
    }
}

static const char *
format_label (AtlasExportFormat format)
{
  switch (format)
    {
    case ATLAS_EXPORT_PNG: return _("PNG image");
    case ATLAS_EXPORT_SVG: return _("SVG drawing");
    case ATLAS_EXPORT_PDF: return _("PDF document");
    case ATLAS_EXPORT_CSV: return _("CSV table (the data, with sources)");
    case ATLAS_EXPORT_JSON: return _("JSON layout of the diagram");
    default: return "";
    }
}

static gboolean
format_is_figure (AtlasExportFormat format)
{
  return format == ATLAS_EXPORT_PNG || format == ATLAS_EXPORT_SVG || format == ATLAS_EXPORT_PDF;
}

/* The paper of the chosen preset, or FALSE for a size in pixels/points. */
static gboolean
get_paper (AtlasExportDialog *self, AtlasPageSize *page, const char **label)
{
  guint selected = gtk_drop_down_get_selected (self->size_dropdown);

  if (selected >= SIZE_CUSTOM || size_presets[selected].paper == NULL)
    return FALSE;
  if (label != NULL)
    *label = _(size_presets[selected].paper_label);
  return atlas_page_size_from_name (size_presets[selected].paper, page);
}

static void
get_size (AtlasExportDialog *self, int *width, int *height)
{
  guint selected = gtk_drop_down_get_selected (self->size_dropdown);
  AtlasPageSize page;

  if (get_paper (self, &page, NULL))
    {
      double inner_width, inner_height;

      /* Whole points: a PNG's pixels, and what the summary says. */
      atlas_page_size_get_inner (&page, &inner_width, &inner_height);
      *width = (int) floor (inner_width);
      *height = (int) floor (inner_height);
    }
  else if (selected < SIZE_CUSTOM)
    {
      *width = size_presets[selected].width;
      *height = size_presets[selected].height;
    }
  else
    {
      *width = gtk_spin_button_get_value_as_int (self->width_spin);
      *height = gtk_spin_button_get_value_as_int (self->height_spin);
    }
}

static int
get_scale (AtlasExportDialog *self)
{
  return gtk_drop_down_get_selected (self->scale_dropdown) == 1 ? 2 : 1;
}

static void
update_summary (AtlasExportDialog *self)
{
  AtlasExportFormat format = atlas_export_dialog_get_format (self);
  g_autofree char *summary = NULL;
  int width, height, scale = get_scale (self);
  gboolean figure = format_is_figure (format);
  AtlasPageSize page;
  const char *paper = NULL;
  gboolean on_paper = get_paper (self, &page, &paper);

  get_size (self, &width, &height);
  gtk_widget_set_visible (self->custom_box, gtk_drop_down_get_selected (self->size_dropdown) == SIZE_CUSTOM);
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_dropdown), figure || format == ATLAS_EXPORT_JSON);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_dropdown), format == ATLAS_EXPORT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->theme_dropdown), figure);
  gtk_widget_set_sensitive (GTK_WIDGET (self->emphasis_check), figure);

  if (format == ATLAS_EXPORT_PDF && on_paper)
    /* TRANSLATORS: %s is a paper: "A4", "Letter landscape" */
    summary = g_strdup_printf (_("%s paper, the chart inside half-inch margins; text stays text."), paper);
  else if (format == ATLAS_EXPORT_PNG)
    summary = g_strdup_printf (_("An image of %d × %d pixels."), width * scale, height * scale);
  else if (figure)
    summary = g_strdup_printf (_("A page of %d × %d points; text stays text."), width, height);
  else if (format == ATLAS_EXPORT_CSV)
    summary = g_strdup (_("The numbers behind the chart, one row per item, with their sources."));
  else
    summary = g_strdup_printf (_("The diagram’s layout at %d × %d, as arranged in the window."), width, height);
  gtk_label_set_text (self->summary_label, summary);
  schedule_preview (self);
}

/* The figure the export will draw, from the same request, so the preview
 * cannot differ from the file; a table has no figure. */
static gboolean
update_preview_idle (gpointer user_data)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (user_data);
  g_auto(PlannedExport) plan = { 0 };
  AtlasScene *scene = NULL;

  self->preview_idle_id = 0;
  plan_export (self, &plan);
  if (plan.format != ATLAS_EXPORT_CSV)
    scene = atlas_export_layout (&plan.request, NULL);
  atlas_export_preview_set_figure (self->preview, scene, plan.request.page);
  gtk_widget_set_visible (GTK_WIDGET (self->preview), scene != NULL);
  return G_SOURCE_REMOVE;
}

/* Laid out once the options stop changing (spin buttons change by the
 * key press), not once per change. */
static void
schedule_preview (AtlasExportDialog *self)
{
  if (self->preview_idle_id == 0)
    self->preview_idle_id = g_idle_add (update_preview_idle, self);
}

static void
option_changed_cb (GObject           *object,
                   GParamSpec        *pspec,
                   AtlasExportDialog *self)
{
  update_summary (self);
}

static void
spin_changed_cb (GtkSpinButton     *spin,
                 AtlasExportDialog *self)
{
  update_summary (self);
}

static char *
path_with_extension (const char *path, AtlasExportFormat format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *suffix = g_strconcat (".", format_extension (format), NULL);

  if (g_str_has_suffix (lower, suffix))
    return g_strdup (path);
  /* The chooser's name had no (or another) extension: the format chosen
   * here wins, and the file says what it is. */
  return g_strconcat (path, suffix, NULL);
}

static void
chooser_response_cb (GtkNativeDialog   *native,
                     int                response,
                     AtlasExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  /* Held: a written export destroys the dialog, and so its chooser. */
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  atlas_export_dialog_export_to (self, file);
}

static void
export_clicked_cb (GtkButton         *button,
                   AtlasExportDialog *self)
{
  AtlasExportFormat format = atlas_export_dialog_get_format (self);
  g_autofree char *name = atlas_export_dialog_suggest_name (self);
  g_autofree char *pattern = g_strconcat ("*.", format_extension (format), NULL);
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, format_label (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (last_folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), last_folder, NULL);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
atlas_export_dialog_dispose (GObject *object)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_idle_id, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->dataset);
  g_clear_object (&self->state);
  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->dispose (object);
}

static void
atlas_export_dialog_finalize (GObject *object)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (object);

  g_clear_pointer (&self->window_style, atlas_style_free);
  g_free (self->selection_id);
  g_array_unref (self->formats);
  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->finalize (object);
}

static void
atlas_export_dialog_class_init (AtlasExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_export_dialog_dispose;
  object_class->finalize = atlas_export_dialog_finalize;

  g_type_ensure (ATLAS_TYPE_EXPORT_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rareearthatlas/RareEarthAtlas/ui/atlas-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, size_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, custom_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, scale_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, scale_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, theme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, emphasis_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, preview);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_export_dialog_init (AtlasExportDialog *self)
{
  self->formats = g_array_new (FALSE, FALSE, sizeof (AtlasExportFormat));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Screen readers: GTK 4.8 misnames mnemonic buttons and drop-downs. */
  atlas_accessible_fix_names (GTK_WIDGET (self));

  g_signal_connect (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  g_signal_connect (self->format_dropdown, "notify::selected", G_CALLBACK (option_changed_cb), self);
  g_signal_connect (self->size_dropdown, "notify::selected", G_CALLBACK (option_changed_cb), self);
  g_signal_connect (self->scale_dropdown, "notify::selected", G_CALLBACK (option_changed_cb), self);
  g_signal_connect (self->width_spin, "value-changed", G_CALLBACK (spin_changed_cb), self);
  g_signal_connect (self->height_spin, "value-changed", G_CALLBACK (spin_changed_cb), self);
  g_signal_connect_swapped (self->theme_dropdown, "notify::selected", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->emphasis_check, "toggled", G_CALLBACK (schedule_preview), self);
}

AtlasExportDialog *
atlas_export_dialog_new (GtkWindow        *parent,
                         AtlasDataset     *dataset,
                         AtlasViewState   *state,
                         const AtlasStyle *window_style,
                         const AtlasItem  *selection)
{
  static const AtlasExportFormat all_formats[] = {
    ATLAS_EXPORT_PNG, ATLAS_EXPORT_SVG, ATLAS_EXPORT_PDF, ATLAS_EXPORT_CSV, ATLAS_EXPORT_JSON,
  };
  AtlasExportDialog *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (ATLAS_IS_VIEW_STATE (state), NULL);
  g_return_val_if_fail (window_style != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->dataset = g_object_ref (dataset);
  self->state = atlas_view_state_copy (state);
  self->window_style = atlas_style_copy (window_style);

  for (guint i = 0; i < G_N_ELEMENTS (all_formats); i++)
    {
      /* The layout file exists for the Sankey diagram only. */
      if (all_formats[i] == ATLAS_EXPORT_JSON && atlas_view_state_get_view (state) != ATLAS_VIEW_FLOWS)
        continue;
      g_array_append_val (self->formats, all_formats[i]);
      gtk_string_list_append (labels, format_label (all_formats[i]));
    }
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->theme_dropdown, THEME_WINDOW);

  if (selection != NULL && selection->kind != ATLAS_ITEM_NONE && selection->id != NULL)
    {
      g_autoptr(AtlasItemInfo) info = atlas_item_info_new (dataset, atlas_view_state_get_options (state), selection);
      g_autofree char *label = g_strdup_printf (_("Emphasize the selection (%s)"),
                                                info != NULL && info->name != NULL ? info->name : selection->id);

      self->selection_id = g_strdup (selection->id);
      gtk_check_button_set_label (self->emphasis_check, label);
      gtk_widget_set_visible (GTK_WIDGET (self->emphasis_check), TRUE);
    }
  update_summary (self);
  return self;
}

void
atlas_export_dialog_set_format (AtlasExportDialog *self,
                                AtlasExportFormat  format)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->formats->len; i++)
    if (g_array_index (self->formats, AtlasExportFormat, i) == format)
      gtk_drop_down_set_selected (self->format_dropdown, i);
}

AtlasExportFormat
atlas_export_dialog_get_format (AtlasExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), ATLAS_EXPORT_PNG);

  selected = gtk_drop_down_get_selected (self->format_dropdown);
  if (selected >= self->formats->len)
    return ATLAS_EXPORT_PNG;
  return g_array_index (self->formats, AtlasExportFormat, selected);
}

void
atlas_export_dialog_set_size (AtlasExportDialog *self,
                              int                width,
                              int                height)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    if (size_presets[i].paper == NULL && size_presets[i].width == width && size_presets[i].height == height)
      {
        gtk_drop_down_set_selected (self->size_dropdown, i);
        return;
      }
  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
  gtk_drop_down_set_selected (self->size_dropdown, SIZE_CUSTOM);
}

gboolean
atlas_export_dialog_set_paper (AtlasExportDialog *self,
                               const char        *paper)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    if (g_strcmp0 (size_presets[i].paper, paper) == 0)
      {
        gtk_drop_down_set_selected (self->size_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

const char *
atlas_export_dialog_get_summary (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

void
atlas_export_dialog_set_scale (AtlasExportDialog *self,
                               int                scale)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->scale_dropdown, scale >= 2 ? 1 : 0);
}

void
atlas_export_dialog_set_dark (AtlasExportDialog *self,
                              gboolean           dark)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->theme_dropdown, dark ? THEME_DARK : THEME_LIGHT);
}

char *
atlas_export_dialog_suggest_name (AtlasExportDialog *self)
{
  const AtlasChartOptions *options;
  const char *what = NULL;

  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), NULL);

  options = atlas_view_state_get_options (self->state);
  if (options->view == ATLAS_VIEW_FLOWS)
    what = options->chain;
  else if (options->view == ATLAS_VIEW_SHARES)
    what = options->group;
  return g_strdup_printf ("rare-earth-atlas-%s%s%s.%s",
                          atlas_view_to_string (options->view),
                          what != NULL ? "-" : "", what != NULL ? what : "",
                          format_extension (atlas_export_dialog_get_format (self)));
}

gboolean
atlas_export_dialog_export_to (AtlasExportDialog *self,
                               GFile             *file)
{
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  chosen = file != NULL ? g_file_get_path (file) : NULL;
  if (chosen == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only local files can be written."));
    }
  else
    {
      path = path_with_extension (chosen, atlas_export_dialog_get_format (self));
      g_clear_object (&last_folder);
      last_folder = g_file_get_parent (file);
      atlas_export_dialog_write (self, path, &error);
    }

  if (error != NULL)
    {
      /* The dialog stays open so the user can try another place or format. */
      if (ATLAS_IS_WINDOW (parent))
        atlas_window_show_error (ATLAS_WINDOW (parent), _("The chart could not be exported"), error->message);
      return FALSE;
    }
  if (ATLAS_IS_WINDOW (parent))
    atlas_window_show_exported (ATLAS_WINDOW (parent), path);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* Everything the export of the dialog's choices needs, as the dialog
 * shows them now. */
static void
plan_export (AtlasExportDialog *self, PlannedExport *plan)
{
  guint theme = gtk_drop_down_get_selected (self->theme_dropdown);
  int width, height;

  plan->format = atlas_export_dialog_get_format (self);
  plan->style = atlas_style_new (theme == THEME_WINDOW ? self->window_style->dark : theme == THEME_DARK);
  atlas_style_set_font_family (plan->style, self->window_style->font_family);

  /* Emphasis is a per-export choice: it goes into a copy of the options. */
  plan->state = atlas_view_state_copy (self->state);
  if (self->selection_id != NULL && gtk_check_button_get_active (self->emphasis_check))
    atlas_view_state_set_select (plan->state, self->selection_id);

  get_size (self, &width, &height);
  plan->request.dataset = self->dataset;
  plan->request.options = atlas_view_state_get_options (plan->state);
  plan->request.style = plan->style;
  plan->request.width = width;
  plan->request.height = height;
  plan->request.scale = plan->format == ATLAS_EXPORT_PNG ? get_scale (self) : 1;
  if (plan->format == ATLAS_EXPORT_PDF && get_paper (self, &plan->page, NULL))
    plan->request.page = &plan->page;
}

gboolean
atlas_export_dialog_write (AtlasExportDialog *self,
                           const char        *path,
                           GError           **error)
{
  g_auto(PlannedExport) plan = { 0 };

  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  plan_export (self, &plan);
  return atlas_export_chart (&plan.request, plan.format, path, error);
}
