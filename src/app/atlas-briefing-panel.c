/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-briefing-panel.c: the window's briefing panel: the dataset's briefings, their slides as a list, and the chosen slide's title and note. */
#include "atlas-config.h"

#include <glib/gi18n.h>

#include "atlas-accessible.h"
#include "atlas-briefing-panel.h"
#include "atlas-view-state.h"

/* A thumbnail is the slide's figure laid out at the deck's size and drawn
 * small, so it looks like the slide rather than a cramped chart. */
#define THUMB_LAYOUT_WIDTH  1600
#define THUMB_LAYOUT_HEIGHT 900
#define THUMB_WIDTH         128
#define THUMB_HEIGHT        72

/* The languages a title or note is typed in: the program's own. */
static const char * const languages[] = { "en", "zh", NULL };

struct _AtlasBriefingPanel
{
  GtkBox               parent_instance;

  AtlasBriefingEditor *editor;
  char                *lang;
  gboolean             syncing;     /* filling the widgets from the editor */

  GtkDropDown         *briefing_dropdown;
  GtkStringList       *briefing_names;
  GtkListBox          *list;
  GtkScrolledWindow   *scroller;
  guint                scroll_tick_id;
  GtkWidget           *empty_label;
  GtkWidget           *slide_box;
  GtkDropDown         *lang_dropdown;
  GtkEditable         *title_entry;
  GtkTextView         *note_view;
  GtkEditable         *callout_entry;

  AtlasStyle          *style;       /* NULL: no thumbnails */
  GHashTable          *thumbnails;  /* what a slide shows (thumbnail_key()) -> GdkTexture */
  AtlasDataset        *thumbnails_dataset;  /* what they were drawn from */
};

G_DEFINE_FINAL_TYPE (AtlasBriefingPanel, atlas_briefing_panel, GTK_TYPE_BOX)

char *
atlas_briefing_panel_dup_slide_label (const AtlasSlide *slide,
                                      const char       *lang)
{
  g_return_val_if_fail (slide != NULL, NULL);

  if (slide->title != NULL)
    return g_strdup (atlas_text_get (slide->title, lang));
  return g_strdup (atlas_view_label (slide->view));
}

/* ---- thumbnails ------------------------------------------------------------- */

static void
append_strv (GString *key, const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_string_append_printf (key, "%s,", strv[i]);
  g_string_append_c (key, '|');
}

/* Everything of a slide that its figure depends on, except its title
 * (the row says it): typing a title draws nothing again. */
static char *
thumbnail_key (const AtlasSlide *slide, const char *lang)
{
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%d|%s|%s|%s|%s|", slide->view, lang, slide->chain ? slide->chain : "",
                          slide->group ? slide->group : "", slide->select ? slide->select : "");
  append_strv (key, (const char * const *) slide->series);
  append_strv (key, (const char * const *) slide->kinds);
  append_strv (key, (const char * const *) slide->regions);
  append_strv (key, (const char * const *) slide->elements);
  append_strv (key, (const char * const *) slide->focus);
  g_string_append_printf (key, "%d|%d|%d|%d|%s|%s|%u", slide->from.day, slide->to.day, slide->scale,
                          slide->indexed.day, slide->currency ? slide->currency : "",
                          slide->unit ? slide->unit : "", slide->annotations->len);
  for (guint i = 0; i < slide->annotations->len; i++)
    {
      const AtlasAnnotation *annotation = g_ptr_array_index (slide->annotations, i);
      g_string_append_printf (key, "|%s", atlas_text_get (annotation->text, lang));
    }
  return g_string_free (key, FALSE);
}

static GdkTexture *
render_thumbnail (AtlasBriefingPanel *self, AtlasDataset *dataset, const AtlasSlide *slide)
{
  g_autoptr(AtlasViewState) state = atlas_view_state_new (slide->view);
  g_autoptr(GBytes) bytes = NULL;
  AtlasScene *scene;
  cairo_surface_t *surface;
  cairo_t *cr;
  GdkTexture *texture;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  atlas_view_state_set_lang (state, self->lang);
  atlas_view_state_apply_slide (state, slide);
  scene = atlas_chart_layout (dataset, atlas_view_state_get_options (state),
                              THUMB_LAYOUT_WIDTH, THUMB_LAYOUT_HEIGHT, self->style, NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, THUMB_WIDTH * scale, THUMB_HEIGHT * scale);
  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, self->style->background.red, self->style->background.green,
                         self->style->background.blue, 1.0);
  cairo_paint (cr);
  if (scene != NULL)
    {
      cairo_scale (cr, (double) THUMB_WIDTH * scale / THUMB_LAYOUT_WIDTH,
                   (double) THUMB_HEIGHT * scale / THUMB_LAYOUT_HEIGHT);
      atlas_scene_draw (scene, cr);
      atlas_scene_free (scene);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * THUMB_HEIGHT * scale);
  texture = gdk_memory_texture_new (THUMB_WIDTH * scale, THUMB_HEIGHT * scale, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static GtkWidget *
thumbnail_new (AtlasBriefingPanel *self, const AtlasSlide *slide)
{
  AtlasDataset *dataset = atlas_briefing_editor_get_dataset (self->editor);
  g_autofree char *key = NULL;
  GdkTexture *texture;
  GtkWidget *picture, *box;

  if (self->style == NULL || dataset == NULL)
    return NULL;
  key = thumbnail_key (slide, self->lang);
  texture = g_hash_table_lookup (self->thumbnails, key);
  if (texture == NULL)
    {
      texture = render_thumbnail (self, dataset, slide);
      g_hash_table_insert (self->thumbnails, g_steal_pointer (&key), texture);
    }
  picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
  gtk_widget_set_size_request (picture, THUMB_WIDTH, THUMB_HEIGHT);
  gtk_widget_add_css_class (picture, "atlas-slide-thumbnail");
  /* In a box of its own: a picture measured against a row made tall by a
   * long title would widen to keep its aspect ratio. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), picture);
  /* The row's label says what it shows. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return box;
}

/* ---- the list of slides -------------------------------------------------- */

static GtkWidget *
slide_row_new (AtlasBriefingPanel *self, const AtlasSlide *slide, guint index)
{
  g_autofree char *label = atlas_briefing_panel_dup_slide_label (slide, self->lang);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *title_label = gtk_label_new (NULL);
  GtkWidget *view_label = gtk_label_new (atlas_view_label (slide->view));
  GtkWidget *thumbnail;

  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (number_label), 2);
  gtk_label_set_xalign (GTK_LABEL (number_label), 1);
  /* A slide's title is dataset text: set as text, never markup. */
  gtk_label_set_text (GTK_LABEL (title_label), label);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (view_label), 0);
  gtk_widget_add_css_class (view_label, "dim-label");
  gtk_widget_add_css_class (view_label, "caption");
  gtk_box_append (GTK_BOX (text_box), title_label);
  gtk_box_append (GTK_BOX (text_box), view_label);
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), number_label);
  thumbnail = thumbnail_new (self, slide);
  if (thumbnail != NULL)
    gtk_box_append (GTK_BOX (box), thumbnail);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* A screen reader reads the list as the slides' titles. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (row), "atlas-slide-index", GINT_TO_POINTER (index));
  return row;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "atlas-slide-index"));

  return gdk_content_provider_new_typed (G_TYPE_INT, index);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               gpointer       data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       data)
{
  AtlasBriefingPanel *self = ATLAS_BRIEFING_PANEL (data);
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list, (int) y);
  int from = g_value_get_int (value);
  int to;

  if (row == NULL)
    {
      AtlasBriefing *briefing = atlas_briefing_editor_get_current_briefing (self->editor);
      if (briefing == NULL)
        return FALSE;
      to = (int) briefing->slides->len - 1;
    }
  else
    to = gtk_list_box_row_get_index (row);
  atlas_briefing_editor_move_slide (self->editor, from, to);
  return TRUE;
}

/* The chosen row in sight once it has a place: rows made in this change
 * are allocated in a coming frame. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  AtlasBriefingPanel *self = ATLAS_BRIEFING_PANEL (data);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  graphene_rect_t bounds;
  double value, page;

  if (row == NULL)
    goto done;
  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), content, &bounds) || bounds.size.height <= 0)
    return G_SOURCE_CONTINUE;
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page);
done:
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
fill_list (AtlasBriefingPanel *self)
{
  AtlasBriefing *briefing = atlas_briefing_editor_get_current_briefing (self->editor);
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self->list)) ||
                       gtk_widget_get_focus_child (GTK_WIDGET (self->list)) != NULL;
  int selected = atlas_briefing_editor_get_selected_slide (self->editor);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  gtk_widget_set_visible (self->empty_label, briefing == NULL || briefing->slides->len == 0);
  if (briefing == NULL)
    return;
  for (guint i = 0; i < briefing->slides->len; i++)
    {
      GtkWidget *row = slide_row_new (self, g_ptr_array_index (briefing->slides, i), i);
      GtkDragSource *source = gtk_drag_source_new ();

      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
      g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
      gtk_list_box_append (self->list, row);
    }
  if (selected >= 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, selected);
      gtk_list_box_select_row (self->list, row);
      /* Alt+Up moved the row: the keyboard stays on it. */
      if (had_focus && row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      if (self->scroll_tick_id == 0)
        self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list), scroll_tick_cb, self, NULL);
    }
}

/* ---- the chosen slide's texts --------------------------------------------- */

static void
fill_slide (AtlasBriefingPanel *self)
{
  const AtlasSlide *slide = atlas_briefing_editor_get_slide (self->editor,
                                                             atlas_briefing_editor_get_selected_slide (self->editor));
  const char *title = NULL, *note = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *old_note = NULL;
  GtkTextIter start, end;

  gtk_widget_set_sensitive (self->slide_box, slide != NULL);
  if (slide != NULL)
    {
      /* Only the language's own text: the other language's stays as it is
       * and shows when that language is chosen. A plain string is English,
       * as the editor keeps it when the other language is typed. */
      title = atlas_text_get_own (slide->title, self->lang);
      note = atlas_text_get_own (slide->note, self->lang);
    }
  /* Unchanged text is not set again: the cursor stays where it is typed. */
  if (g_strcmp0 (gtk_editable_get_text (self->title_entry), title != NULL ? title : "") != 0)
    gtk_editable_set_text (self->title_entry, title != NULL ? title : "");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  old_note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (old_note, note != NULL ? note : "") != 0)
    gtk_text_buffer_set_text (buffer, note != NULL ? note : "", -1);
}

static void
fill_briefings (AtlasBriefingPanel *self)
{
  GPtrArray *briefings = atlas_briefing_editor_get_briefings (self->editor);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  int current = atlas_briefing_editor_get_current (self->editor);

  for (guint i = 0; i < briefings->len; i++)
    g_ptr_array_add (names, (gpointer) atlas_text_get (((AtlasBriefing *) g_ptr_array_index (briefings, i))->title,
                                                       self->lang));
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->briefing_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->briefing_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->briefing_dropdown, current >= 0 ? (guint) current : GTK_INVALID_LIST_POSITION);
  gtk_widget_set_sensitive (GTK_WIDGET (self->briefing_dropdown), briefings->len > 0);
}

static void
editor_changed_cb (AtlasBriefingEditor *editor,
                   AtlasBriefingPanel  *self)
{
  if (atlas_briefing_editor_get_dataset (editor) != self->thumbnails_dataset)
    {
      g_set_object (&self->thumbnails_dataset, atlas_briefing_editor_get_dataset (editor));
      g_hash_table_remove_all (self->thumbnails);
    }
  self->syncing = TRUE;
  fill_briefings (self);
  fill_list (self);
  fill_slide (self);
  self->syncing = FALSE;
}

/* ---- what the user does ---------------------------------------------------- */

static void
row_selected_cb (GtkListBox         *list,
                 GtkListBoxRow      *row,
                 AtlasBriefingPanel *self)
{
  if (self->syncing || self->editor == NULL)
    return;
  atlas_briefing_editor_select_slide (self->editor, row != NULL ? gtk_list_box_row_get_index (row) : -1);
}

static void
briefing_chosen_cb (GtkDropDown        *dropdown,
                    GParamSpec         *pspec,
                    AtlasBriefingPanel *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || self->editor == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  atlas_briefing_editor_set_current (self->editor, (int) selected);
}

static void
lang_chosen_cb (GtkDropDown        *dropdown,
                GParamSpec         *pspec,
                AtlasBriefingPanel *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || selected >= G_N_ELEMENTS (languages) - 1)
    return;
  atlas_briefing_panel_set_lang (self, languages[selected]);
}

static void
title_changed_cb (GtkEditable        *entry,
                  AtlasBriefingPanel *self)
{
  if (self->syncing || self->editor == NULL)
    return;
  atlas_briefing_editor_set_slide_title (self->editor, atlas_briefing_editor_get_selected_slide (self->editor),
                                         self->lang, gtk_editable_get_text (entry));
}

static void
note_changed_cb (GtkTextBuffer      *buffer,
                 AtlasBriefingPanel *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing || self->editor == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  atlas_briefing_editor_set_slide_note (self->editor, atlas_briefing_editor_get_selected_slide (self->editor),
                                        self->lang, text);
}

static void
callout_activate_cb (AtlasBriefingPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-callout", NULL);
}

/* Enter or a double click on a row shows the slide in the window. */
static void
row_activated_cb (GtkListBox         *list,
                  GtkListBoxRow      *row,
                  AtlasBriefingPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-slide", NULL);
}

/* ---- building -------------------------------------------------------------- */

static GtkWidget *
action_button (const char *icon, const char *action, const char *tooltip, const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
build (AtlasBriefingPanel *self)
{
  GtkBox *box = GTK_BOX (self);
  GtkWidget *row, *scroller, *label, *note_scroller, *frame, *add;
  GtkDropTarget *target;
  GtkStringList *lang_names;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (box, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "atlas-briefing-panel");
  gtk_widget_set_size_request (GTK_WIDGET (self), 340, -1);

  /* Which briefing, and a new one. */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->briefing_names = gtk_string_list_new (NULL);
  self->briefing_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->briefing_names)), NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->briefing_dropdown), TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->briefing_dropdown), _("Briefing"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->briefing_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Briefing"), -1);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->briefing_dropdown));
  gtk_box_append (GTK_BOX (row), action_button ("list-add-symbolic", "win.new-briefing",
                                                _("New Briefing"), _("New Briefing")));
  gtk_box_append (box, row);

  /* The slides, and what can be done to them. */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  add = gtk_button_new_with_mnemonic (_("_Add View"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.add-slide");
  gtk_widget_set_tooltip_text (add, _("Add the current view as a slide (Ctrl+M)"));
  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_margin_end (add, 6);
  gtk_box_append (GTK_BOX (row), add);
  gtk_box_append (GTK_BOX (row), action_button ("go-up-symbolic", "win.move-slide-up",
                                                _("Move Slide Up (Alt+Up)"), _("Move Slide Up")));
  gtk_box_append (GTK_BOX (row), action_button ("go-down-symbolic", "win.move-slide-down",
                                                _("Move Slide Down (Alt+Down)"), _("Move Slide Down")));
  gtk_box_append (GTK_BOX (row), action_button ("edit-copy-symbolic", "win.duplicate-slide",
                                                _("Duplicate Slide (Ctrl+D)"), _("Duplicate Slide")));
  gtk_box_append (GTK_BOX (row), action_button ("user-trash-symbolic", "win.delete-slide",
                                                _("Delete Slide (Delete)"), _("Delete Slide")));
  label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), action_button ("media-playback-start-symbolic", "win.present-slide",
                                                _("Present from This Slide (F5)"), _("Present from This Slide")));
  gtk_box_append (box, row);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Slides"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  target = gtk_drop_target_new (G_TYPE_INT, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), GTK_EVENT_CONTROLLER (target));
  self->empty_label = gtk_label_new (_("No slides yet. Show what makes the point, then add the view with Ctrl+M."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->empty_label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_top (self->empty_label, 24);
  gtk_widget_set_margin_start (self->empty_label, 12);
  gtk_widget_set_margin_end (self->empty_label, 12);
  scroller = gtk_scrolled_window_new ();
  self->scroller = GTK_SCROLLED_WINDOW (scroller);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  {
    GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->list));
    gtk_box_append (GTK_BOX (inner), self->empty_label);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), inner);
  }
  gtk_box_append (box, scroller);

  /* The chosen slide's title and speaker note, in one language at a time. */
  self->slide_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = heading (_("Slide"));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), label);
  lang_names = gtk_string_list_new ((const char *[]) { _("English"), _("Chinese"), NULL });
  self->lang_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (lang_names), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->lang_dropdown), _("Language of the title and note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lang_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Language of the title and note"), -1);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->lang_dropdown));
  gtk_box_append (GTK_BOX (self->slide_box), row);

  label = gtk_label_new_with_mnemonic (_("_Title"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  self->title_entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->title_entry), _("The chart’s own title"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->title_entry));
  gtk_box_append (GTK_BOX (self->slide_box), label);
  gtk_box_append (GTK_BOX (self->slide_box), GTK_WIDGET (self->title_entry));

  label = gtk_label_new_with_mnemonic (_("Speaker _Note"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  self->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->note_view, FALSE);
  gtk_text_view_set_top_margin (self->note_view, 6);
  gtk_text_view_set_bottom_margin (self->note_view, 6);
  gtk_text_view_set_left_margin (self->note_view, 6);
  gtk_text_view_set_right_margin (self->note_view, 6);
  /* Named by its label (the mnemonic makes it its label): a name of its
   * own as well was read twice, "Speaker Note Speaker Note". */
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->note_view));
  note_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (note_scroller), GTK_WIDGET (self->note_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (note_scroller), 96);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (note_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), note_scroller);
  gtk_box_append (GTK_BOX (self->slide_box), label);
  gtk_box_append (GTK_BOX (self->slide_box), frame);

  /* A callout on what is selected in the chart (the slide shown there,
   * Enter on its row). */
  label = gtk_label_new_with_mnemonic (_("_Callout on the Selection"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (row, "linked");
  self->callout_entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->callout_entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->callout_entry), _("Select an item in the chart, then type"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->callout_entry));
  g_signal_connect_swapped (self->callout_entry, "activate", G_CALLBACK (callout_activate_cb), self);
  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.add-callout");
  gtk_widget_set_tooltip_text (add, _("Add Callout"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Callout"), -1);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->callout_entry));
  gtk_box_append (GTK_BOX (row), add);
  gtk_box_append (GTK_BOX (self->slide_box), label);
  gtk_box_append (GTK_BOX (self->slide_box), row);
  gtk_box_append (box, self->slide_box);

  g_signal_connect (self->briefing_dropdown, "notify::selected", G_CALLBACK (briefing_chosen_cb), self);
  g_signal_connect (self->lang_dropdown, "notify::selected", G_CALLBACK (lang_chosen_cb), self);
  g_signal_connect (self->title_entry, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->note_view), "changed", G_CALLBACK (note_changed_cb), self);
  /* Screen readers: GTK 4.8 misnames mnemonic buttons and drop-downs. */
  atlas_accessible_fix_names (GTK_WIDGET (self));
}

static void
atlas_briefing_panel_dispose (GObject *object)
{
  AtlasBriefingPanel *self = ATLAS_BRIEFING_PANEL (object);

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  g_clear_object (&self->briefing_names);
  g_clear_object (&self->thumbnails_dataset);
  G_OBJECT_CLASS (atlas_briefing_panel_parent_class)->dispose (object);
}

static void
atlas_briefing_panel_finalize (GObject *object)
{
  AtlasBriefingPanel *self = ATLAS_BRIEFING_PANEL (object);

  g_free (self->lang);
  g_clear_pointer (&self->style, atlas_style_free);
  g_hash_table_unref (self->thumbnails);
  G_OBJECT_CLASS (atlas_briefing_panel_parent_class)->finalize (object);
}

static void
atlas_briefing_panel_class_init (AtlasBriefingPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_briefing_panel_dispose;
  object_class->finalize = atlas_briefing_panel_finalize;
  gtk_widget_class_set_css_name (widget_class, "briefingpanel");
  /* Keys of the list, where the slides are: the window's actions. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-slide", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present-slide", NULL);
}

static void
atlas_briefing_panel_init (AtlasBriefingPanel *self)
{
  self->lang = g_strdup (atlas_text_get_default_language ());
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  build (self);
}

GtkWidget *
atlas_briefing_panel_new (AtlasBriefingEditor *editor)
{
  AtlasBriefingPanel *self;

  g_return_val_if_fail (ATLAS_IS_BRIEFING_EDITOR (editor), NULL);

  self = g_object_new (ATLAS_TYPE_BRIEFING_PANEL, NULL);
  self->editor = g_object_ref (editor);
  g_signal_connect (editor, "changed", G_CALLBACK (editor_changed_cb), self);
  atlas_briefing_panel_set_lang (self, self->lang);
  return GTK_WIDGET (self);
}

void
atlas_briefing_panel_set_lang (AtlasBriefingPanel *self,
                               const char         *lang)
{
  g_autofree char *copy = g_strdup (lang != NULL ? lang : atlas_text_get_default_language ());

  g_return_if_fail (ATLAS_IS_BRIEFING_PANEL (self));

  g_free (self->lang);
  self->lang = g_steal_pointer (&copy);
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->lang_dropdown, g_str_equal (self->lang, "zh") ? 1 : 0);
  self->syncing = FALSE;
  if (self->editor != NULL)
    editor_changed_cb (self->editor, self);
}

void
atlas_briefing_panel_set_style (AtlasBriefingPanel *self,
                                const AtlasStyle   *style)
{
  g_return_if_fail (ATLAS_IS_BRIEFING_PANEL (self));

  g_clear_pointer (&self->style, atlas_style_free);
  self->style = style != NULL ? atlas_style_copy (style) : NULL;
  g_hash_table_remove_all (self->thumbnails);
  if (self->editor != NULL)
    editor_changed_cb (self->editor, self);
}

const char *
atlas_briefing_panel_get_lang (AtlasBriefingPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_PANEL (self), NULL);
  return self->lang;
}

GtkListBox *
atlas_briefing_panel_get_list (AtlasBriefingPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_PANEL (self), NULL);
  return self->list;
}

GtkEditable *
atlas_briefing_panel_get_title_entry (AtlasBriefingPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_PANEL (self), NULL);
  return self->title_entry;
}

GtkEditable *
atlas_briefing_panel_get_callout_entry (AtlasBriefingPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_PANEL (self), NULL);
  return self->callout_entry;
}

GtkTextView *
atlas_briefing_panel_get_note_view (AtlasBriefingPanel *self)
{
  g_return_val_if_fail (ATLAS_IS_BRIEFING_PANEL (self), NULL);
  return self->note_view;
}
