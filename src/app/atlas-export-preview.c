/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-export-preview.c: the export dialog's picture of what will be written: the figure, on its sheet of paper when it has one. */
#include "atlas-config.h"

#include "atlas-export-preview.h"

/* The preview's room: a 16:9 figure fills its width, an A4 page its height. */
#define PREVIEW_WIDTH  360
#define PREVIEW_HEIGHT 300

struct _AtlasExportPreview
{
  GtkWidget      parent_instance;

  AtlasScene    *scene;
  AtlasPageSize  page;
  gboolean       has_page;
};

G_DEFINE_FINAL_TYPE (AtlasExportPreview, atlas_export_preview, GTK_TYPE_WIDGET)

static void
sheet_size (AtlasExportPreview *self, double *width, double *height)
{
  *width = self->has_page ? self->page.width : self->scene->width;
  *height = self->has_page ? self->page.height : self->scene->height;
}

/* The figure (or its paper) scaled to fit the widget, centred, with a
 * thin outline so a light figure stands out from the dialog. */
static void
atlas_export_preview_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  AtlasExportPreview *self = ATLAS_EXPORT_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double sheet_width, sheet_height, zoom, x, y;
  cairo_t *cr;

  if (self->scene == NULL || width <= 2 || height <= 2)
    return;
  sheet_size (self, &sheet_width, &sheet_height);
  zoom = MIN ((width - 2) / sheet_width, (height - 2) / sheet_height);
  x = (width - sheet_width * zoom) / 2.0;
  y = (height - sheet_height * zoom) / 2.0;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, x, y);
  cairo_scale (cr, zoom, zoom);
  if (self->has_page)
    {
      /* Paper is white whatever the chart's theme: the margins print blank. */
      cairo_rectangle (cr, 0, 0, sheet_width, sheet_height);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      cairo_translate (cr, self->page.margin, self->page.margin);
    }
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->scene->width, self->scene->height);
  cairo_clip (cr);
  atlas_scene_draw (self->scene, cr);
  cairo_restore (cr);
  if (self->has_page)
    cairo_translate (cr, -self->page.margin, -self->page.margin);
  cairo_rectangle (cr, 0, 0, sheet_width, sheet_height);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1.0 / zoom);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
atlas_export_preview_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? PREVIEW_WIDTH : PREVIEW_HEIGHT;
}

static void
atlas_export_preview_finalize (GObject *object)
{
  AtlasExportPreview *self = ATLAS_EXPORT_PREVIEW (object);

  g_clear_pointer (&self->scene, atlas_scene_free);
  G_OBJECT_CLASS (atlas_export_preview_parent_class)->finalize (object);
}

static void
atlas_export_preview_class_init (AtlasExportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = atlas_export_preview_finalize;
  widget_class->snapshot = atlas_export_preview_snapshot;
  widget_class->measure = atlas_export_preview_measure;
  gtk_widget_class_set_css_name (widget_class, "atlasexportpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_export_preview_init (AtlasExportPreview *self)
{
}

GtkWidget *
atlas_export_preview_new (void)
{
  return g_object_new (ATLAS_TYPE_EXPORT_PREVIEW, NULL);
}

void
atlas_export_preview_set_figure (AtlasExportPreview  *self,
                                 AtlasScene          *scene,
                                 const AtlasPageSize *page)
{
  g_return_if_fail (ATLAS_IS_EXPORT_PREVIEW (self));

  g_clear_pointer (&self->scene, atlas_scene_free);
  self->scene = scene;
  self->has_page = page != NULL;
  if (page != NULL)
    self->page = *page;
  /* A screen reader hears what the picture shows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  scene != NULL ? atlas_scene_describe (scene) : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const AtlasScene *
atlas_export_preview_get_scene (AtlasExportPreview *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_PREVIEW (self), NULL);
  return self->scene;
}

const AtlasPageSize *
atlas_export_preview_get_page (AtlasExportPreview *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_PREVIEW (self), NULL);
  return self->has_page ? &self->page : NULL;
}
