/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-sidebar.c: the details sidebar; every dataset string is set as plain text, never as markup. */
#include "atlas-config.h"

#include <glib/gi18n.h>

#include "atlas-format.h"
#include "atlas-item-info.h"
#include "atlas-sidebar.h"

struct _AtlasSidebar
{
  GtkWidget  parent_instance;

  GtkWidget *scroller;
  GtkWidget *box;
  char      *heading;
};

G_DEFINE_FINAL_TYPE (AtlasSidebar, atlas_sidebar, GTK_TYPE_WIDGET)

/* A wrapping label without width-chars finds its minimum width by laying
 * its text out at width 0, one character a line, which for the dataset's
 * description costs more than the rest of the sidebar. The sidebar's own
 * width request (340 px) decides its width anyway: a floor of a few words
 * changes nothing on screen. */
#define WRAP_WIDTH_CHARS 12

static GtkWidget *
add_label (AtlasSidebar *self, const char *text, const char *css_class)
{
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return NULL;
  label = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), WRAP_WIDTH_CHARS);
  /* Analysts copy figures into their notes. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  /* GTK 4.8: a selectable label answers Tab even when not focusable, and
   * leaves the focus where it was, so Tab could never leave the chart. */
  gtk_widget_set_can_focus (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self->box), label);
  return label;
}

static void
add_section (AtlasSidebar *self, const char *title)
{
  add_label (self, title, "atlas-sidebar-section");
}

static void
add_fact (AtlasSidebar *self, GtkWidget *grid, int row, const char *label_text, const char *value_text)
{
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (value), value_text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Long row names ("To Oxides and compounds for other uses") wrap in a
   * narrow column so the figures keep the room. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (value), WRAP_WIDTH_CHARS);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_focusable (value, FALSE);
  gtk_widget_set_can_focus (value, FALSE);   /* as in add_label() */
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), value, 1, row, 1, 1);
}

static gboolean
link_activate_cb (GtkLinkButton *button,
                  gpointer       data)
{
  const char *uri = gtk_link_button_get_uri (button);
  const char *scheme = g_uri_peek_scheme (uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  /* A dataset may come from anyone: only web links are opened. */
  if (scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https")))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

static const char *
source_kind_label (AtlasSourceKind kind)
{
  switch (kind)
    {
    case ATLAS_SOURCE_OFFICIAL: return _("Official");
    case ATLAS_SOURCE_INDUSTRY: return _("Industry");
    case ATLAS_SOURCE_NEWS: return _("News");
    case ATLAS_SOURCE_ANALYSIS: return _("Analysis");
    case ATLAS_SOURCE_ESTIMATE:
    default: return _("Estimate");
    }
}

static void
add_source (AtlasSidebar *self, const AtlasSource *source, const char *lang)
{
  g_autofree char *date = atlas_date_is_set (&source->date) ? atlas_date_to_string (&source->date) : NULL;
  g_autofree char *meta = date != NULL
                          ? g_strdup_printf ("%s · %s", date, source_kind_label (source->kind))
                          : g_strdup (source_kind_label (source->kind));
  const char *scheme = source->url != NULL ? g_uri_peek_scheme (source->url) : NULL;

  add_label (self, atlas_text_get (source->publisher, lang), "atlas-source-publisher");
  add_label (self, atlas_text_get (source->title, lang), NULL);
  add_label (self, meta, "dim-label");
  add_label (self, atlas_text_get (source->note, lang), "atlas-note");
  if (scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https")))
    {
      GtkWidget *link = gtk_link_button_new_with_label (source->url, _("Open source"));

      gtk_widget_set_halign (link, GTK_ALIGN_START);
      gtk_widget_add_css_class (link, "atlas-source-link");
      /* The tooltip shows where the link goes before it is followed. */
      gtk_widget_set_tooltip_text (link, source->url);
      g_signal_connect (link, "activate-link", G_CALLBACK (link_activate_cb), NULL);
      gtk_box_append (GTK_BOX (self->box), link);
    }
}

static void
add_sources (AtlasSidebar *self, GPtrArray *sources, const char *lang)
{
  if (sources == NULL || sources->len == 0)
    return;
  add_section (self, ngettext ("Source", "Sources", sources->len));
  for (guint i = 0; i < sources->len; i++)
    add_source (self, g_ptr_array_index (sources, i), lang);
}

static void
clear (AtlasSidebar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
}

static void
set_heading (AtlasSidebar *self, const char *heading)
{
  g_free (self->heading);
  self->heading = g_strdup (heading);
  add_label (self, heading, "atlas-sidebar-heading");
}

static void
show_item (AtlasSidebar *self, AtlasDataset *dataset, const AtlasItemInfo *info, const char *lang)
{
  const char *certainty = atlas_certainty_to_label (info->certainty);
  g_autofree char *when = NULL;

  add_label (self, info->kind, "atlas-sidebar-kind");
  set_heading (self, info->name);
  add_label (self, info->value, "atlas-sidebar-value");
  add_label (self, info->share, NULL);
  if (info->when != NULL && certainty != NULL)
    when = g_strdup_printf ("%s · %s", info->when, certainty);
  else
    when = g_strdup (info->when != NULL ? info->when : certainty);
  add_label (self, when, info->certainty == ATLAS_CERTAINTY_ESTIMATE || info->certainty == ATLAS_CERTAINTY_PARTLY
                         ? "atlas-estimate" : "dim-label");

  if (info->facts->len > 0)
    {
      GtkWidget *grid = gtk_grid_new ();

      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
      gtk_widget_add_css_class (grid, "atlas-facts");
      for (guint i = 0; i < info->facts->len; i++)
        {
          const AtlasInfoFact *fact = g_ptr_array_index (info->facts, i);
          add_fact (self, grid, (int) i, fact->label, fact->value);
        }
      gtk_box_append (GTK_BOX (self->box), grid);
    }

  if (info->notes->len > 0)
    {
      add_section (self, ngettext ("Note", "Notes", info->notes->len));
      for (guint i = 0; i < info->notes->len; i++)
        add_label (self, g_ptr_array_index (info->notes, i), "atlas-note");
    }

  /* Sources disagree: show every figure with its source, never one alone. */
  if (info->alternatives->len > 0)
    {
      add_section (self, _("Other sources give"));
      for (guint i = 0; i < info->alternatives->len; i++)
        {
          const AtlasInfoAlternative *alt = g_ptr_array_index (info->alternatives, i);
          g_autoptr(GString) cited = g_string_new (NULL);

          add_label (self, alt->value, "atlas-alternative-value");
          add_label (self, alt->detail, "dim-label");
          for (guint j = 0; j < alt->sources->len; j++)
            {
              const AtlasSource *source = g_ptr_array_index (alt->sources, j);
              /* A Chinese publisher takes a full-width colon, as in the table. */
              g_string_append_printf (cited, "%s%s%s%s", j > 0 ? "\n" : "", atlas_text_get (source->publisher, lang),
                                      atlas_punct_label_separator (), atlas_text_get (source->title, lang));
            }
          add_label (self, cited->str, "atlas-note");
        }
    }

  add_sources (self, info->sources, lang);
}

static void
show_overview (AtlasSidebar *self, AtlasDataset *dataset, const AtlasScene *scene, const char *lang)
{
  const AtlasDate *updated = atlas_dataset_get_updated (dataset);
  g_autofree char *date = NULL;
  g_autofree char *counts = NULL;

  add_label (self, _("Dataset"), "atlas-sidebar-kind");
  set_heading (self, atlas_text_get (atlas_dataset_get_title (dataset), lang));
  if (updated != NULL && atlas_date_is_set (updated))
    {
      g_autofree char *text = atlas_date_to_string (updated);
      /* Translators: the dataset's date */
      date = g_strdup_printf (_("Updated %s"), text);
    }
  add_label (self, date, "dim-label");
  counts = g_strdup_printf (_("%u sources · %u diagrams · %u share bars · %u price series · %u events"),
                            atlas_dataset_get_sources (dataset)->len,
                            atlas_dataset_get_chains (dataset)->len,
                            atlas_dataset_get_shares (dataset)->len,
                            atlas_dataset_get_series (dataset)->len,
                            atlas_dataset_get_events (dataset)->len);
  add_label (self, counts, "dim-label");

  add_section (self, _("This chart"));
  if (scene != NULL)
    {
      add_label (self, scene->title, "atlas-sidebar-chart-title");
      add_label (self, atlas_scene_describe (scene), NULL);
    }
  else
    add_label (self, _("No chart is shown."), "dim-label");
  add_label (self, _("Select an item in the chart, or press Tab and the arrow keys, to see its figures and sources."),
             "dim-label");
  /* The description can be long: after the chart's summary. */
  if (atlas_dataset_get_description (dataset) != NULL)
    {
      add_section (self, _("About this dataset"));
      add_label (self, atlas_text_get (atlas_dataset_get_description (dataset), lang), NULL);
    }
  if (atlas_dataset_get_path (dataset) != NULL)
    {
      add_section (self, _("File"));
      add_label (self, atlas_dataset_get_path (dataset), "atlas-note");
    }
}

static void
atlas_sidebar_dispose (GObject *object)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  G_OBJECT_CLASS (atlas_sidebar_parent_class)->dispose (object);
}

static void
atlas_sidebar_finalize (GObject *object)
{
  AtlasSidebar *self = ATLAS_SIDEBAR (object);

  g_free (self->heading);
  G_OBJECT_CLASS (atlas_sidebar_parent_class)->finalize (object);
}

static void
atlas_sidebar_class_init (AtlasSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_sidebar_dispose;
  object_class->finalize = atlas_sidebar_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlassidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_sidebar_init (AtlasSidebar *self)
{
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->box, "atlas-sidebar-content");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Details"),
                                  -1);
}

GtkWidget *
atlas_sidebar_new (void)
{
  return g_object_new (ATLAS_TYPE_SIDEBAR, NULL);
}

void
atlas_sidebar_update (AtlasSidebar            *self,
                      AtlasDataset            *dataset,
                      const AtlasChartOptions *options,
                      const AtlasScene        *scene,
                      const AtlasItem         *selection)
{
  g_autoptr(AtlasItemInfo) info = NULL;
  const char *lang = options != NULL ? options->lang : NULL;

  g_return_if_fail (ATLAS_IS_SIDEBAR (self));

  clear (self);
  g_clear_pointer (&self->heading, g_free);
  if (dataset == NULL)
    {
      set_heading (self, _("No dataset"));
      add_label (self, _("Open a dataset with Ctrl+O or drop a .json file on the window."), "dim-label");
      return;
    }
  if (selection != NULL && selection->kind != ATLAS_ITEM_NONE)
    info = atlas_item_info_new (dataset, options, selection);
  if (info != NULL)
    show_item (self, dataset, info, lang);
  else
    show_overview (self, dataset, scene, lang);
}

const char *
atlas_sidebar_get_heading (AtlasSidebar *self)
{
  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), NULL);
  return self->heading;
}

static void
collect_text (GtkWidget *widget, GString *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      else
        collect_text (child, out);
    }
}

char *
atlas_sidebar_dup_text (AtlasSidebar *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_SIDEBAR (self), NULL);
  collect_text (self->box, out);
  return g_string_free (out, FALSE);
}
