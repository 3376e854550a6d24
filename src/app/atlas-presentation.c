/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-presentation.c: presentation mode: a full-screen window that steps through a briefing's slides, one chart at a time. */
#include "atlas-config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "atlas-scene-text.h"
#include "atlas-presentation.h"
#include "atlas-presenter-window.h"

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
  gboolean         overlay_visible;  /* N: the presenter overlay, one monitor */
  gboolean         notes_on_slide;   /* the note along the slide's bottom */
  gint64           clock_start;      /* monotonic time the clock counts from */
  guint            clock_id;
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

  /* The presenter's overlay (one monitor): note, next slide, clock. */
  GtkWidget       *overlay_box;
  GtkLabel        *overlay_clock;
  GtkLabel        *overlay_note;
  GtkLabel        *overlay_next;
  GtkCssProvider  *overlay_css;      /* its card in the charts' colours */

  /* The presenter's window on the other monitor, or NULL; weak. */
  GtkWidget       *presenter;
  GdkMonitor      *presenter_monitor;  /* where it goes, or NULL: one monitor */
};

G_DEFINE_FINAL_TYPE (AtlasPresentation, atlas_presentation, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* The monitors the slides and the presenter's window go to: with two or
 * more, the slides on the second (see atlas_presenter_pick_monitors()) and
 * the presenter's window on the first; with one, the slides on the
 * parent's (or the only) monitor and no presenter's window (*presenter
 * NULL). */
static void
find_monitors (GtkWindow   *parent,
               GdkMonitor **slides,
               GdkMonitor **presenter)
{
  GdkDisplay *display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent)) : gdk_display_get_default ();
  GdkSurface *surface = parent != NULL ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;
  GdkMonitor *current = NULL;
  GListModel *monitors;
  g_autofree GdkRectangle *geometries = NULL;
  guint n, slide_index, presenter_index;

  *slides = NULL;
  *presenter = NULL;
  if (display == NULL)
    return;
  monitors = gdk_display_get_monitors (display);
  n = g_list_model_get_n_items (monitors);
  geometries = g_new0 (GdkRectangle, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      gdk_monitor_get_geometry (monitor, &geometries[i]);
    }
  if (atlas_presenter_pick_monitors (geometries, n, &slide_index, &presenter_index))
    {
      *slides = g_list_model_get_item (monitors, slide_index);
      *presenter = g_list_model_get_item (monitors, presenter_index);
      return;
    }
  if (surface != NULL)
    current = gdk_display_get_monitor_at_surface (display, surface);
  if (current != NULL)
    *slides = g_object_ref (current);
  else if (n > 0)
    *slides = g_list_model_get_item (monitors, 0);
}

/* The overlay is a card in the charts' background (light or dark, which
 * the GTK theme may not be), opaque enough to read over a chart. */
static void
apply_overlay_colours (AtlasPresentation *self)
{
  const AtlasColor *bg = &self->style->background;
  const AtlasColor *fg = &self->style->muted;
  g_autofree char *css = NULL;
  char r[G_ASCII_DTOSTR_BUF_SIZE], g[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE];
  char fr[G_ASCII_DTOSTR_BUF_SIZE], fgc[G_ASCII_DTOSTR_BUF_SIZE], fb[G_ASCII_DTOSTR_BUF_SIZE];

  /* Numbers with a point whatever the locale: CSS reads no comma. */
  css = g_strdup_printf (".atlas-presenter-overlay { background-color: rgba(%s%%, %s%%, %s%%, 0.96); "
                         "border: 1px solid rgba(%s%%, %s%%, %s%%, 0.6); }",
                         g_ascii_formatd (r, sizeof r, "%.1f", bg->red * 100),
                         g_ascii_formatd (g, sizeof g, "%.1f", bg->green * 100),
                         g_ascii_formatd (b, sizeof b, "%.1f", bg->blue * 100),
                         g_ascii_formatd (fr, sizeof fr, "%.1f", fg->red * 100),
                         g_ascii_formatd (fgc, sizeof fgc, "%.1f", fg->green * 100),
                         g_ascii_formatd (fb, sizeof fb, "%.1f", fg->blue * 100));
  gtk_css_provider_load_from_data (self->overlay_css, css, -1);
}

/* The note and counter in the chart's font and colours, at base_size. */
static void
apply_label_fonts (AtlasPresentation *self)
{
  set_label_font (self->note_label, self->style, self->base_size * 0.9, FALSE, &self->style->foreground);
  set_label_font (self->counter_label, self->style, MAX (self->base_size * 0.85, 9.0), FALSE, &self->style->muted);
  set_label_font (self->overlay_clock, self->style, self->base_size * 1.2, TRUE, &self->style->foreground);
  set_label_font (self->overlay_note, self->style, self->base_size * 0.9, FALSE, &self->style->foreground);
  set_label_font (self->overlay_next, self->style, self->base_size * 0.8, FALSE, &self->style->muted);
  apply_overlay_colours (self);
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
  /* The overlay keeps to a third of the screen, so most of the chart
   * stays in view while the presenter reads. */
  gtk_widget_set_size_request (self->overlay_box, (int) round (width * 0.34), -1);
  gtk_widget_set_margin_end (self->overlay_box, margin);
  gtk_widget_set_margin_bottom (self->overlay_box, margin * 2);
  gtk_widget_set_margin_top (self->overlay_box, margin);
}

/* The overlay's clock, while it is shown. */
static void
update_clock (AtlasPresentation *self)
{
  g_autofree char *elapsed = NULL;

  if (!gtk_widget_get_visible (self->overlay_box))
    return;
  elapsed = atlas_presentation_format_elapsed (atlas_presentation_get_elapsed (self));
  gtk_label_set_text (self->overlay_clock, elapsed);
}

static gboolean
clock_tick_cb (gpointer data)
{
  update_clock (ATLAS_PRESENTATION (data));
  return G_SOURCE_CONTINUE;
}

/* The presenter's overlay: the note, the next slide and the clock. Its
 * labels hold the note only while it is shown, so nothing of the note is
 * on the projected window otherwise (not even for a screen reader). */
static void
update_overlay (AtlasPresentation *self)
{
  Slide *slide = current_slide (self);
  gboolean shown = self->overlay_visible && self->presenter == NULL;
  g_autofree char *next = NULL;

  gtk_widget_set_visible (self->overlay_box, shown);
  if (!shown)
    {
      gtk_label_set_text (self->overlay_note, "");
      gtk_label_set_text (self->overlay_next, "");
      return;
    }
  gtk_label_set_text (self->overlay_note, slide != NULL && slide->note != NULL ? slide->note : _("No speaker note."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->overlay_note), "dim-label");
  if (slide == NULL || slide->note == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->overlay_note), "dim-label");
  if (self->position + 1 < self->slides->len)
    {
      g_autofree char *title = atlas_presentation_dup_slide_title (self, self->position + 1);
      /* Translators: in the presenter's overlay, the title of the slide that comes next */
      next = g_strdup_printf (_("Next: %s"), title);
    }
  else
    next = g_strdup (_("Last slide"));
  gtk_label_set_text (self->overlay_next, next);
  update_clock (self);
}

static void
update_slide_text (AtlasPresentation *self)
{
  Slide *slide = current_slide (self);
  gboolean on_slide;

  g_free (self->counter);
  /* Translators: the slide counter of presentation mode, "3 / 8" */
  self->counter = g_strdup_printf (_("%u / %u"), self->position + 1, self->slides->len);
  gtk_label_set_text (self->counter_label, self->counter);

  /* The audience reads the note only when the presenter asked for it on
   * the slide (rehearsal, a printout); the label is empty otherwise. */
  on_slide = slide != NULL && slide->note != NULL && self->notes_on_slide;
  gtk_label_set_text (self->note_label, on_slide ? slide->note : "");
  gtk_widget_set_visible (self->note_box, on_slide);
  /* Alone, the counter keeps to the corner; beside a note it takes what
   * the note leaves. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->counter_label), !on_slide);
  update_overlay (self);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
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
    atlas_presentation_set_overlay_visible (self, !self->overlay_visible);
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
void
atlas_presentation_install_keys (GtkWidget *widget)
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
  gtk_widget_add_controller (widget, controller);
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
  AtlasPresentation *self = ATLAS_PRESENTATION (window);
  GtkWindow *parent = gtk_window_get_transient_for (window);

  /* Escape in either window ends both. */
  if (self->presenter != NULL)
    {
      GtkWidget *presenter = self->presenter;

      g_object_remove_weak_pointer (G_OBJECT (presenter), (gpointer *) &self->presenter);
      self->presenter = NULL;
      gtk_window_destroy (GTK_WINDOW (presenter));
    }
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
  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->presenter != NULL)
    {
      GtkWidget *presenter = self->presenter;

      g_object_remove_weak_pointer (G_OBJECT (presenter), (gpointer *) &self->presenter);
      self->presenter = NULL;
      gtk_window_destroy (GTK_WINDOW (presenter));
    }
  g_clear_object (&self->presenter_monitor);
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
  g_clear_object (&self->overlay_css);
  g_free (self->counter);
  G_OBJECT_CLASS (atlas_presentation_parent_class)->finalize (object);
}

static void
atlas_presentation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasPresentation *self = ATLAS_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_presentation_class_init (AtlasPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = atlas_presentation_dispose;
  object_class->finalize = atlas_presentation_finalize;
  object_class->get_property = atlas_presentation_get_property;

  /* The slide shown: the presenter's window follows it. */
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
  GtkWidget *box, *bottom, *overlay;
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

  /* The presenter's overlay, in the corner above the counter; the pointer
   * passes through it to the chart. */
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), box);
  self->overlay_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->overlay_box, "atlas-presenter-overlay");
  self->overlay_css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->overlay_box),
                                  GTK_STYLE_PROVIDER (self->overlay_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_set_halign (self->overlay_box, GTK_ALIGN_END);
  gtk_widget_set_valign (self->overlay_box, GTK_ALIGN_END);
  gtk_widget_set_can_target (self->overlay_box, FALSE);
  self->overlay_clock = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->overlay_clock, 0);
  self->overlay_note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->overlay_note, TRUE);
  gtk_label_set_wrap_mode (self->overlay_note, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->overlay_note, 0);
  gtk_label_set_max_width_chars (self->overlay_note, 40);
  self->overlay_next = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->overlay_next, TRUE);
  gtk_label_set_wrap_mode (self->overlay_next, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->overlay_next, 0);
  gtk_label_set_max_width_chars (self->overlay_next, 40);
  gtk_box_append (GTK_BOX (self->overlay_box), GTK_WIDGET (self->overlay_clock));
  gtk_box_append (GTK_BOX (self->overlay_box), GTK_WIDGET (self->overlay_note));
  gtk_box_append (GTK_BOX (self->overlay_box), GTK_WIDGET (self->overlay_next));
  gtk_widget_set_visible (self->overlay_box, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->overlay_box);

  gtk_window_set_child (GTK_WINDOW (self), overlay);

  /* The clock runs from the start of the presentation. */
  self->clock_start = g_get_monotonic_time ();
  self->clock_id = g_timeout_add_seconds (1, clock_tick_cb, self);

  atlas_presentation_install_keys (GTK_WIDGET (self));
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
  g_autoptr(GdkMonitor) presenter_monitor = NULL;
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
  find_monitors (parent, &monitor, &presenter_monitor);
  self->presenter_monitor = g_steal_pointer (&presenter_monitor);
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
  if (self->presenter != NULL)
    atlas_presenter_window_set_style (ATLAS_PRESENTER_WINDOW (self->presenter), self->style);
  /* The background around the chart is painted in snapshot(). */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const AtlasStyle *
atlas_presentation_get_style (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  return self->style;
}

AtlasDataset *
atlas_presentation_get_dataset (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  return self->dataset;
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
      atlas_view_state_set_lang (slide->state, lang);
      atlas_view_state_apply_slide (slide->state, source);
      slide->title = dup_nonempty (atlas_text_get (source->title, lang));
      /* The slide's title heads the chart's own frame, as on the PDF page. */
      atlas_view_state_set_title (slide->state, slide->title);
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
atlas_presentation_get_overlay_visible (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);
  return self->overlay_visible && self->presenter == NULL;
}

void
atlas_presentation_set_overlay_visible (AtlasPresentation *self,
                                        gboolean           visible)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  /* With the presenter's window the note is there, never on the slides. */
  self->overlay_visible = !!visible && self->presenter == NULL;
  update_overlay (self);
}

gboolean
atlas_presentation_get_notes_on_slide (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), FALSE);
  return self->notes_on_slide;
}

void
atlas_presentation_set_notes_on_slide (AtlasPresentation *self,
                                       gboolean           on_slide)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  self->notes_on_slide = !!on_slide;
  update_slide_text (self);
}

gint64
atlas_presentation_get_elapsed (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), 0);
  return (g_get_monotonic_time () - self->clock_start) / G_USEC_PER_SEC;
}

void
atlas_presentation_reset_clock (AtlasPresentation *self)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  self->clock_start = g_get_monotonic_time ();
  /* Ticks from the reset, so the clock turns on whole seconds after it. */
  g_clear_handle_id (&self->clock_id, g_source_remove);
  self->clock_id = g_timeout_add_seconds (1, clock_tick_cb, self);
  update_clock (self);
}

char *
atlas_presentation_format_elapsed (gint64 seconds)
{
  seconds = MAX (seconds, 0);
  if (seconds >= 3600)
    /* Translators: elapsed time in presentation mode: hours, minutes, seconds */
    return g_strdup_printf (_("%d:%02d:%02d"), (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
  /* Translators: elapsed time in presentation mode: minutes, seconds */
  return g_strdup_printf (_("%02d:%02d"), (int) (seconds / 60), (int) (seconds % 60));
}

AtlasViewState *
atlas_presentation_get_slide_state (AtlasPresentation *self,
                                    guint              index)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (index < self->slides->len, NULL);
  return ((Slide *) g_ptr_array_index (self->slides, index))->state;
}

const char *
atlas_presentation_get_slide_note (AtlasPresentation *self,
                                   guint              index)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (index < self->slides->len, NULL);
  return ((Slide *) g_ptr_array_index (self->slides, index))->note;
}

char *
atlas_presentation_dup_slide_title (AtlasPresentation *self,
                                    guint              index)
{
  Slide *slide;

  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (index < self->slides->len, NULL);
  slide = g_ptr_array_index (self->slides, index);
  if (slide->title != NULL)
    return g_strdup (slide->title);
  return g_strdup (atlas_view_label (atlas_view_state_get_view (slide->state)));
}

const AtlasItem *
atlas_presentation_get_slide_selection (AtlasPresentation *self,
                                        guint              index)
{
  Slide *slide;

  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (index < self->slides->len, NULL);
  slide = g_ptr_array_index (self->slides, index);
  return slide->selection.kind != ATLAS_ITEM_NONE ? &slide->selection : NULL;
}

GdkMonitor *
atlas_presentation_get_presenter_monitor (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  return self->presenter_monitor;
}

GtkWindow *
atlas_presentation_get_presenter (AtlasPresentation *self)
{
  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  return self->presenter != NULL ? GTK_WINDOW (self->presenter) : NULL;
}

GtkWindow *
atlas_presentation_open_presenter (AtlasPresentation *self,
                                   GdkMonitor        *monitor)
{
  AtlasPresenterWindow *presenter;

  g_return_val_if_fail (ATLAS_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (monitor == NULL || GDK_IS_MONITOR (monitor), NULL);

  if (self->presenter != NULL)
    return GTK_WINDOW (self->presenter);
  presenter = atlas_presenter_window_new (self, monitor);
  self->presenter = GTK_WIDGET (presenter);
  g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *) &self->presenter);
  /* The overlay's note moves to the presenter's window. */
  self->overlay_visible = FALSE;
  update_overlay (self);
  gtk_window_present (GTK_WINDOW (presenter));
  return GTK_WINDOW (presenter);
}

void
atlas_presentation_start (AtlasPresentation *self)
{
  g_return_if_fail (ATLAS_IS_PRESENTATION (self));

  gtk_window_present (GTK_WINDOW (self));
  if (self->presenter_monitor != NULL)
    atlas_presentation_open_presenter (self, self->presenter_monitor);
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
