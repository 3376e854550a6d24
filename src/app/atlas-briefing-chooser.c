/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefing-chooser.c: a small dialog that asks which of a dataset's briefings to present. */
#include "atlas-config.h"

#include <glib/gi18n.h>

#include "atlas-accessible.h"
#include "atlas-briefing-chooser.h"

struct _AtlasBriefingChooser
{
  GtkWindow   parent_instance;

  GtkListBox *list;
};

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasBriefingChooser, atlas_briefing_chooser, GTK_TYPE_WINDOW)

/* Each row keeps the id of its briefing; the last row has none. */
#define ROW_BRIEFING_ID "atlas-briefing-id"

static GtkWidget *
make_row (const char *title, const char *detail, const char *briefing_id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  /* Dataset text: plain text, never markup. */
  gtk_label_set_text (GTK_LABEL (heading), title);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_text (GTK_LABEL (subtitle), detail);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), ROW_BRIEFING_ID, g_strdup (briefing_id), g_free);
  return row;
}

static void
choose_row (AtlasBriefingChooser *self, GtkListBoxRow *row)
{
  g_autofree char *id = NULL;

  if (row == NULL)
    return;
  /* The dialog is gone before the presentation starts, so the full-screen
   * window is not stacked under it. */
  id = g_strdup (g_object_get_data (G_OBJECT (row), ROW_BRIEFING_ID));
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[CHOSEN], 0, id);
  g_object_unref (self);
}

static void
row_activated_cb (GtkListBox           *list,
                  GtkListBoxRow        *row,
                  AtlasBriefingChooser *self)
{
  choose_row (self, row);
}

static void
present_clicked_cb (GtkButton            *button,
                    AtlasBriefingChooser *self)
{
  choose_row (self, gtk_list_box_get_selected_row (self->list));
}

static void
cancel_clicked_cb (GtkButton            *button,
                   AtlasBriefingChooser *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
atlas_briefing_chooser_class_init (AtlasBriefingChooserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * AtlasBriefingChooser::chosen:
   * @briefing_id: (nullable): the briefing, or NULL for one slide per view
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_briefing_chooser_init (AtlasBriefingChooser *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *present = gtk_button_new_with_mnemonic (_("_Present"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (_("This dataset has several briefings. Which one do you want to present?"));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Choose a Briefing"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 460, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), present);
  gtk_widget_add_css_class (present, "suggested-action");
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect (present, "clicked", G_CALLBACK (present_clicked_cb), self);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "rich-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "frame");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Briefings"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_box_append (GTK_BOX (box), scroller);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_window_set_child (GTK_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), present);
  /* Screen readers: GTK 4.8 misnames mnemonic buttons. */
  atlas_accessible_fix_names (GTK_WIDGET (self));
}

AtlasBriefingChooser *
atlas_briefing_chooser_new (GtkWindow  *parent,
                            GPtrArray  *briefings,
                            const char *lang)
{
  AtlasBriefingChooser *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (briefings != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_BRIEFING_CHOOSER, "transient-for", parent, NULL);
  for (guint i = 0; i < briefings->len; i++)
    {
      const AtlasBriefing *briefing = g_ptr_array_index (briefings, i);
      const char *title = atlas_text_get (briefing->title, lang);
      g_autofree char *detail = g_strdup_printf (ngettext ("%u slide", "%u slides", briefing->slides->len),
                                                 briefing->slides->len);

      gtk_list_box_append (self->list, make_row (title != NULL ? title : briefing->id, detail, briefing->id));
    }
  gtk_list_box_append (self->list, make_row (_("Each view once"),
                                             _("One slide per view, with the window’s current settings"),
                                             NULL));
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
  return self;
}
