/* atlas-presentation.c: presentation mode: a full-screen window that steps through a briefing's slides, one chart at a time. */
#include "atlas-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "atlas-chart-frame.h"
#include "atlas-presentation.h"

/* The pointer hides after this long without moving. */
#define POINTER_IDLE_MS 2000
/* Motion smaller than this (pixels) is jitter, not a presenter moving it. */
#define POINTER_JITTER  2.0

/* The views in the order the window lists them: the slides of a deck
 * without a briefing. */
static const AtlasView view_order[] = {
  ATLAS_VIEW_FLOWS,
  ATLAS_VIEW_PRICES,
  ATLAS_VIEW_SHARES,
  ATLAS_VIEW_TIMELINE,
  ATLAS_VIEW_MAP,
};

typedef struct {
  AtlasViewState *state;      /* the slide's own options */
  char           *title;      /* NULL: the chart's title heads the slide */
  char           *note;       /* or NULL */
  AtlasItem       selection;  /* selected on arrival (a default deck's current view) */
  char           *selection_id;
} Slide;

struct _AtlasPresentation
{
  GtkWindow        parent_instance;

  AtlasDataset    *dataset;
  AtlasStyle      *style;
  GPtrArray       *slides;          /* Slide* */
  guint            position;
  gboolean         show_note;
  char            *counter;
  double           base_size;       /* the charts' label size at full screen */

  gboolean         pointer_hidden;
  gboolean         pointer_known;
  double           pointer_x, pointer_y;
  guint            pointer_timeout_id;

  AtlasChartView  *chart_view;
  GtkWidget       *note_box;
  GtkLabel        *note_label;
  GtkLabel        *counter_label;
};

G_DEFINE_FINAL_TYPE (AtlasPresentation, atlas_presentation, GTK_TYPE_WINDOW)

static void
slide_free (Slide *slide)
{
  g_clear_object (&slide->state);
  g_free (slide->title);
  g_free (slide->note);
  g_free (slide->selection_id);
  g_free (slide);
}

static Slide *
current_slide (AtlasPresentation *self)
{
  if (self->position >= self->slides->len)
    return NULL;
  return g_ptr_array_index (self->slides, self->position);
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* Dataset text in a label: plain text (never markup), in the chart's font
 * and colours, at a size that follows the screen rather than the theme. */
static void
set_label_font (GtkLabel         *label,
                const AtlasStyle *style,
                double            size,
                gboolean          bold,
                const AtlasColor *color)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_family_new (style->font_family != NULL ? style->font_family : "Sans"));
  pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) round (size * PANGO_SCALE)));
  pango_attr_list_insert (attrs, pango_attr_weight_new (bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL));
  pango_attr_list_insert (attrs, pango_attr_foreground_new ((guint16) round (color->red * 65535),
                                                            (guint16) round (color->green * 65535),
                                                            (guint16) round (color->blue * 65535)));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

/* The monitor the presentation goes to: the parent's, else the first. */
static GdkMonitor *
find_monitor (GtkWindow *parent)
{
  GdkDisplay *display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent)) : gdk_display_get_default ();
  GdkSurface *surface = parent != NULL ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;
  GdkMonitor *monitor = NULL;
  GListModel *monitors;

  if (display == NULL)
    return NULL;
  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (display, surface);
  if (monitor != NULL)
    return g_object_ref (monitor);
  monitors = gdk_display_get_monitors (display);
  return g_list_model_get_n_items (monitors) > 0 ? g_list_model_get_item (monitors, 0) : NULL;
}

/* The note and counter in the chart's font and colours, at base_size. */
static void
apply_label_fonts (AtlasPresentation *self)
{
  set_label_font (self->note_label, self->style, self->base_size * 0.9, FALSE, &self->style->foreground);
  set_label_font (self->counter_label, self->style, MAX (self->base_size * 0.85, 9.0), FALSE, &self->style->muted);
}

/* Type sizes from the screen's size, by the rule the charts use (see
 * atlas_scene_font_size()), so the note and counter keep their proportions
 * to the chart on any projector. */
static void
apply_sizes (AtlasPresentation *self, int width, int height)
{
  double base = CLAMP (sqrt ((double) width * height) / 1200.0 * 15.0, 10.0, 48.0) * self->style->font_scale;
  int margin = (int) round (base * 1.2);

  self->base_size = base;
  apply_label_fonts (self);

  gtk_widget_set_margin_start (self->note_box, margin);
  gtk_widget_set_margin_end (self->note_box, margin);
  gtk_widget_set_margin_bottom (self->note_box, (int) round (margin * 0.5));
  gtk_widget_set_margin_top (GTK_WIDGET (self->note_label), (int) round (margin * 0.4));
  gtk_widget_set_margin_end (GTK_WIDGET (self->counter_label), margin);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->counter_label), (int) round (margin * 0.5));
}

static void
update_slide_text (AtlasPresentation *self)
{
  Slide *slide = current_slide (self);
  gboolean has_note;

  g_free (self->counter);
  /* Translators: the slide counter of presentation mode, "3 / 8" */
  self->counter = g_strdup_printf (_("%u / %u"), self->position + 1, self->slides->len);
  gtk_label_set_text (self->counter_label, self->counter);


  has_note = slide != NULL && slide->note != NULL;
  gtk_label_set_text (self->note_label, has_note ? slide->note : "");
  gtk_widget_set_visible (self->note_box, has_note && self->show_note);
  /* Alone, the counter keeps to the corner; beside a note it takes what
   * the note leaves. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->counter_label), !(has_note && self->show_note));
}

/* The window's title names the slide, for the window list and screen
 * readers; the chart's own title when the slide has none. */
static void
update_window_title (AtlasPresentation *self)
{
  Slide *slide = current_slide (self);
  AtlasScene *scene = atlas_chart_view_get_scene (self->chart_view);
  const char *name = slide != NULL && slide->title != NULL ? slide->title
                     : scene != NULL && scene->title != NULL ? scene->title : _("Presentation");
  /* Translators: the presentation window's title: slide title, then "3 / 8" */
  g_autofree char *title = g_strdup_printf (_("%s (%s)"), name, self->counter != NULL ? self->counter : "");

  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
show_slide (AtlasPresentation *self)
{
  Slide *slide = current_slide (self);

  if (slide == NULL)
    return;
  /* The chart view adopts the state's own selection (the slide's "select")
   * at its next layout; a default deck's slide carries the window's. */
  atlas_chart_view_set_state (self->chart_view, slide->state);
  if (slide->selection.kind != ATLAS_ITEM_NONE)
    atlas_chart_view_set_selection (self->chart_view, &slide->selection);
  update_slide_text (self);
  update_window_title (self);
  /* A tooltip of the last slide must not stay over this one; under a
   * hidden pointer none is asked for. */
  if (!self->pointer_hidden && gtk_widget_get_can_target (GTK_WIDGET (self->chart_view)))
    gtk_widget_trigger_tooltip_query (GTK_WIDGET (self->chart_view));
}

/* ---- the pointer -------------------------------------------------------- */

static void
set_pointer_hidden (AtlasPresentation *self, gboolean hidden)
{
  if (self->pointer_hidden == hidden)
    return;
  self->pointer_hidden = hidden;
  if (hidden)
    {
      /* The chart sets its own cursor (a hand over a node): hide both. */
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self->chart_view), "none");
    }
  else
    {
      /* The chart picks its cursor again at its next motion. */
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
      gtk_widget_set_cursor (GTK_WIDGET (self->chart_view), NULL);
    }
}

static gboolean
pointer_idle_cb (gpointer data)
{
  AtlasPresentation *self = data;

  self->pointer_timeout_id = 0;
  set_pointer_hidden (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
restart_pointer_timeout (AtlasPresentation *self)
{
  g_clear_handle_id (&self->pointer_timeout_id, g_source_remove);
  self->pointer_timeout_id = g_timeout_add (POINTER_IDLE_MS, pointer_idle_cb, self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AtlasPresentation        *self)
{
  /* A window mapped or a slide changed under a still pointer can report
   * motion too: only a real move shows the pointer. */
  if (self->pointer_known && fabs (x - self->pointer_x) < POINTER_JITTER && fabs (y - self->pointer_y) < POINTER_JITTER)
    return;
  /* The chart answers the pointer (hover, tooltips, clicks) once it has
   * really moved, so a slide does not open with whatever lay under the
   * pointer highlighted. */
  if (self->pointer_known)
    gtk_widget_set_can_target (GTK_WIDGET (self->chart_view), TRUE);
  self->pointer_known = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  set_pointer_hidden (self, FALSE);
  restart_pointer_timeout (self);
}

/* ---- actions ------------------------------------------------------------ */

static void
presentation_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AtlasPresentation *self = ATLAS_PRESENTATION (widget);
  guint n = self->slides->len;

  if (g_str_equal (action_name, "presentation.next"))
    {
      if (self->position + 1 < n)
        atlas_presentation_set_position (self, self->position + 1);
    }
  else if (g_str_equal (action_name, "presentation.previous"))
    {
      if (self->position > 0)
        atlas_presentation_set_position (self, self->position - 1);
    }
  else if (g_str_equal (action_name, "presentation.first"))
    atlas_presentation_set_position (self, 0);
  else if (g_str_equal (action_name, "presentation.last"))
    {
      if (n > 0)
        atlas_presentation_set_position (self, n - 1);
    }
  else if (g_str_equal (action_name, "presentation.toggle-note"))
    atlas_presentation_set_show_note (self, !self->show_note);
  else if (g_str_equal (action_name, "presentation.leave"))
    gtk_window_close (GTK_WINDOW (self));
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action)));
}

/* The keys reach the presentation before the chart, which would otherwise
 * take the arrows, Home, End, Space and Escape for moving its selection. */
static void
install_shortcuts (AtlasPresentation *self)
{
  static const struct { guint keyval; GdkModifierType modifiers; const char *action; } keys[] = {
    /* Forward; a presenter's clicker sends Page Down and Page Up. */
    { GDK_KEY_Right, 0, "presentation.next" },
    { GDK_KEY_Down, 0, "presentation.next" },
    { GDK_KEY_Page_Down, 0, "presentation.next" },
    { GDK_KEY_space, 0, "presentation.next" },
    { GDK_KEY_KP_Right, 0, "presentation.next" },
    { GDK_KEY_KP_Down, 0, "presentation.next" },
    { GDK_KEY_KP_Page_Down, 0, "presentation.next" },
    /* Back */
    { GDK_KEY_Left, 0, "presentation.previous" },
    { GDK_KEY_Up, 0, "presentation.previous" },
    { GDK_KEY_Page_Up, 0, "presentation.previous" },
    { GDK_KEY_BackSpace, 0, "presentation.previous" },
    { GDK_KEY_KP_Left, 0, "presentation.previous" },
    { GDK_KEY_KP_Up, 0, "presentation.previous" },
    { GDK_KEY_KP_Page_Up, 0, "presentation.previous" },
    /* The ends */
    { GDK_KEY_Home, 0, "presentation.first" },
    { GDK_KEY_KP_Home, 0, "presentation.first" },
    { GDK_KEY_End, 0, "presentation.last" },
    { GDK_KEY_KP_End, 0, "presentation.last" },
    /* The speaker note, and leaving */
    { GDK_KEY_n, 0, "presentation.toggle-note" },
    { GDK_KEY_N, GDK_SHIFT_MASK, "presentation.toggle-note" },
    { GDK_KEY_Escape, 0, "presentation.leave" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "atlas-presentation-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), keys[i].keyval, keys[i].modifiers, keys[i].action);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ---- callbacks ---------------------------------------------------------- */

/* The note and counter line up with the chart's frame (its margin follows
 * the chart's own type size). */
static void
align_with_chart (AtlasPresentation *self, AtlasScene *scene)
{
  int margin = (int) round (atlas_scene_font_size (scene, ATLAS_FONT_LABEL) * 1.2);

  /* A pixel either way is not worth a new layout (nor a loop of them). */
  if (abs (margin - gtk_widget_get_margin_start (self->note_box)) <= 1)
    return;
  gtk_widget_set_margin_start (self->note_box, margin);
  gtk_widget_set_margin_end (self->note_box, margin);
  gtk_widget_set_margin_end (GTK_WIDGET (self->counter_label), margin);
}

static void
scene_changed_cb (AtlasChartView    *chart_view,
                  AtlasPresentation *self)
{
  AtlasScene *scene = atlas_chart_view_get_scene (chart_view);

  if (scene != NULL)
    align_with_chart (self, scene);
  update_window_title (self);
}

/* ---- overrides ---------------------------------------------------------- */

static gboolean
atlas_presentation_close_request (GtkWindow *window)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);

  /* Back to the window as the user left it: its views were never touched. */
  if (parent != NULL)
    gtk_window_present (parent);
  return GTK_WINDOW_CLASS (atlas_presentation_parent_class)->close_request (window);
}

/* The slide's background is the charts' own, light or dark, edge to edge. */
static void
atlas_presentation_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  AtlasPresentation *self = ATLAS_PRESENTATION (widget);
  const AtlasColor *bg = &self->style->background;
  GdkRGBA color = { (float) bg->red, (float) bg->green, (float) bg->blue, 1.0f };

  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget)));
  GTK_WIDGET_CLASS (atlas_presentation_parent_class)->snapshot (widget, snapshot);
}

static void
atlas_presentation_dispose (GObject *object)
{
  AtlasPresentation *self = ATLAS_PRESENTATION (object);

  g_clear_handle_id (&self->pointer_timeout_id, g_source_remove);
  if (self->chart_view != NULL)
    g_signal_handlers_disconnect_by_data (self->chart_view, self);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_object (&self->dataset);
  G_OBJECT_CLASS (atlas_presentation_parent_class)->dispose (object);
}

static void
atlas_presentation_finalize (GObject *object)
{
  AtlasPresentation *self = ATLAS_PRESENTATION (object);

  g_clear_pointer (&self->style, atlas_style_free);
  g_free (self->counter);
  G_OBJECT_CLASS (atlas_presentation_parent_class)->finalize (object);
}

static void
atlas_presentation_class_init (AtlasPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = atlas_presentation_dispose;
  object_class->finalize = atlas_presentation_finalize;
  widget_class->snapshot = atlas_presentation_snapshot;
  window_class->close_request = atlas_presentation_close_request;

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, presentation_action_cb);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, presentation_action_cb);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, presentation_action_cb);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, presentation_action_cb);
  gtk_widget_class_install_action (widget_class, "presentation.toggle-note", NULL, presentation_action_cb);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, presentation_action_cb);
}

static void
atlas_presentation_init (AtlasPresentation *self)
{
  GtkWidget *box, *bottom;
  GtkEventController *motion;

  self->slides = g_ptr_array_new_with_free_func ((GDestroyNotify) slide_free);
  self->style = atlas_style_new (FALSE);

  gtk_widget_add_css_class (GTK_WIDGET (self), "atlas-presentation");
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->chart_view = ATLAS_CHART_VIEW (atlas_chart_view_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->chart_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart_view), TRUE);
  /* The keys step through slides, so the chart takes no focus (and shows
   * no focus ring); see motion_cb() for the pointer. */
  gtk_widget_set_focusable (GTK_WIDGET (self->chart_view), FALSE);
  gtk_widget_set_can_target (GTK_WIDGET (self->chart_view), FALSE);
  g_signal_connect (self->chart_view, "scene-changed", G_CALLBACK (scene_changed_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chart_view));

  /* The speaker note along the bottom, the counter in the corner. */
  bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  self->note_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (self->note_box, TRUE);
  gtk_widget_add_css_class (self->note_box, "atlas-presentation-note");
  self->note_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->note_label, TRUE);
  gtk_label_set_wrap_mode (self->note_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->note_label, 0);
  gtk_box_append (GTK_BOX (self->note_box), GTK_WIDGET (self->note_label));
  gtk_widget_set_visible (self->note_box, FALSE);
  gtk_box_append (GTK_BOX (bottom), self->note_box);

  self->counter_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->counter_label), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->counter_label), GTK_ALIGN_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->counter_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "atlas-presentation-counter");
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->counter_label));
  gtk_box_append (GTK_BOX (box), bottom);

  gtk_window_set_child (GTK_WINDOW (self), box);

  install_shortcuts (self);
  motion = gtk_event_controller_motion_new ();
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  /* Hidden from the start until the presenter moves it. */
  restart_pointer_timeout (self);
}

/* ---- public API --------------------------------------------------------- */

AtlasPresentation *
atlas_presentation_new (GtkWindow        *parent,
                        AtlasDataset     *dataset,
                        const AtlasStyle *style)
{
  AtlasPresentation *self;
  g_autoptr(GdkMonitor) monitor = NULL;
  GdkRectangle geometry = { 0, 0, 1920, 1080 };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_PRESENTATION, NULL);
  self->dataset = g_object_ref (dataset);
  atlas_style_free (self->style);
  self->style = atlas_style_copy (style);
  self->style->font_scale = ATLAS_PRESENTATION_FONT_SCALE;

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }

  /* The size of the screen before the window manager makes it full screen
   * (and when there is none to do it). */
  monitor = find_monitor (parent);
  if (monitor != NULL)
    gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
  apply_sizes (self, geometry.width, geometry.height);
  if (monitor != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));

  atlas_chart_view_set_style (self->chart_view, self->style);
  atlas_chart_view_set_dataset (self->chart_view, dataset);
  return self;
}

void
atlas_presentation_set_style (AtlasPresentation *self,
                              const AtlasStyle  *style)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));
  g_return_if_fail (style != NULL);

  /* The type stays scaled up for the room; colours and font follow. */
  atlas_style_free (self->style);
  self->style = atlas_style_copy (style);
  self->style->font_scale = ATLAS_PRESENTATION_FONT_SCALE;
  apply_label_fonts (self);
  atlas_chart_view_set_style (self->chart_view, self->style);
  /* The background around the chart is painted in snapshot(). */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const AtlasStyle *
atlas_presentation_get_style (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  return self->style;
}

void
atlas_presentation_load_briefing (AtlasPresentation   *self,
                                  const AtlasBriefing *briefing,
                                  const char          *lang)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));
  g_return_if_fail (briefing != NULL);

  g_ptr_array_set_size (self->slides, 0);
  for (guint i = 0; i < briefing->slides->len; i++)
    {
      const AtlasSlide *source = g_ptr_array_index (briefing->slides, i);
      Slide *slide = g_new0 (Slide, 1);

      slide->state = atlas_view_state_new (source->view);
      atlas_view_state_begin_update (slide->state);
      atlas_view_state_set_lang (slide->state, lang);
      atlas_view_state_apply_slide (slide->state, source);
      slide->title = dup_nonempty (atlas_text_get (source->title, lang));
      /* The slide's title heads the chart's own frame, as on the PDF page. */
      atlas_view_state_set_title (slide->state, slide->title);
      atlas_view_state_end_update (slide->state);
      slide->note = dup_nonempty (atlas_text_get (source->note, lang));
      slide->selection = (AtlasItem) { ATLAS_ITEM_NONE, NULL, -1 };
      g_ptr_array_add (self->slides, slide);
    }
  self->position = 0;
  show_slide (self);
}

/* Whether the dataset has anything for @state's view (a dataset of prices
 * only has no flows), by the rule the briefing PDF uses. */
static gboolean
view_has_content (AtlasPresentation *self, AtlasViewState *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasScene) scene = NULL;

  scene = atlas_chart_layout (self->dataset, atlas_view_state_get_options (state), 1600, 600, self->style, &error);
  return scene != NULL || !g_error_matches (error, ATLAS_CHART_ERROR, ATLAS_CHART_ERROR_NOTHING);
}

void
atlas_presentation_load_views (AtlasPresentation  *self,
                               AtlasViewState    **states,
                               AtlasView           current,
                               const AtlasItem    *selection)
{
  guint start = 0;

  g_return_if_fail (ATLAS_IS_PRESENTATION (self));
  g_return_if_fail (states != NULL);

  g_ptr_array_set_size (self->slides, 0);
  for (guint i = 0; i < G_N_ELEMENTS (view_order); i++)
    {
      AtlasView view = view_order[i];
      Slide *slide;

      if (!ATLAS_IS_VIEW_STATE (states[view]))
        continue;
      slide = g_new0 (Slide, 1);
      slide->state = atlas_view_state_copy (states[view]);
      slide->selection = (AtlasItem) { ATLAS_ITEM_NONE, NULL, -1 };
      if (view == current)
        {
          /* What the user has selected there, not what a slide once chose. */
          atlas_view_state_set_select (slide->state, NULL);
          if (selection != NULL && selection->kind != ATLAS_ITEM_NONE)
            {
              slide->selection = *selection;
              slide->selection_id = g_strdup (selection->id);
              slide->selection.id = slide->selection_id;
            }
        }
      else if (!view_has_content (self, slide->state))
        {
          slide_free (slide);
          continue;
        }
      if (view == current)
        start = self->slides->len;
      g_ptr_array_add (self->slides, slide);
    }
  self->position = start;
  show_slide (self);
}

guint
atlas_presentation_get_n_slides (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), 0);
  return self->slides->len;
}

guint
atlas_presentation_get_position (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), 0);
  return self->position;
}

void
atlas_presentation_set_position (AtlasPresentation *self,
                                 guint              position)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));
  g_return_if_fail (position < self->slides->len);

  if (position == self->position && atlas_chart_view_get_state (self->chart_view) == current_slide (self)->state)
    return;
  self->position = position;
  show_slide (self);
}

AtlasChartView *
atlas_presentation_get_chart_view (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  return self->chart_view;
}

AtlasViewState *
atlas_presentation_get_state (AtlasPresentation *self)
{
  Slide *slide;

  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  slide = current_slide (self);
  return slide != NULL ? slide->state : NULL;
}

const char *
atlas_presentation_get_title (AtlasPresentation *self)
{
  Slide *slide;

  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  slide = current_slide (self);
  return slide != NULL ? slide->title : NULL;
}

const char *
atlas_presentation_get_counter (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  return self->counter;
}

const char *
atlas_presentation_get_note (AtlasPresentation *self)
{
  Slide *slide;

  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  slide = current_slide (self);
  return slide != NULL ? slide->note : NULL;
}

gboolean
atlas_presentation_get_show_note (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);
  return self->show_note;
}

void
atlas_presentation_set_show_note (AtlasPresentation *self,
                                  gboolean           show)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  self->show_note = !!show;
  update_slide_text (self);
}

gboolean
atlas_presentation_get_pointer_hidden (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);
  return self->pointer_hidden;
}

double
atlas_presentation_get_title_size (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), 0);
  /* The slide's title is the chart's headline, in the chart's title type
   * (atlas_scene_font_size(): 1.6 label heights). */
  return self->base_size * 1.6;
}
