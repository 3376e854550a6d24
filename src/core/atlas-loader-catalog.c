/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-loader-catalog.c: the lists others refer to: sources, regions and elements. */
#include "atlas-dataset-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* ---- sources ---------------------------------------------------------- */

/* The program opens these links for the user, and a dataset may come from
 * anyone: only web addresses with a host pass. */
static gboolean
is_web_url (const char *url)
{
  const char *rest;
  gsize host_length;

  if (g_ascii_strncasecmp (url, "http://", 7) == 0)
    rest = url + 7;
  else if (g_ascii_strncasecmp (url, "https://", 8) == 0)
    rest = url + 8;
  else
    return FALSE;

  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return FALSE;

  /* The authority ends at the path, query or fragment; drop any user
   * information and port to see whether a host is left. */
  host_length = strcspn (rest, "/?#");
  for (gsize i = host_length; i > 0; i--)
    if (rest[i - 1] == '@')
      {
        rest += i;
        host_length -= i;
        break;
      }
  if (host_length == 0 || rest[0] == ':')
    return FALSE;

  return g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

static void
parse_source (AtlasLoaderContext *ctx,
              AtlasDataset       *self,
              JsonObject         *object,
              guint               index,
              gpointer            user_data)
{
  GHashTable *seen = user_data;
  AtlasSource *source = g_new0 (AtlasSource, 1);
  const char *id, *url, *kind;

  g_ptr_array_add (self->sources, source);

  id = atlas_loader_get_id (ctx, object, "id", TRUE);
  source->publisher = atlas_loader_get_text (ctx, object, "publisher", TRUE);
  source->title = atlas_loader_get_text (ctx, object, "title", TRUE);
  atlas_loader_get_date (ctx, object, "date", TRUE, &source->date);

  url = atlas_loader_get_string (ctx, object, "url", FALSE);
  if (url != NULL)
    {
      if (is_web_url (url))
        source->url = g_strdup (url);
      else
        {
          g_autofree char *quoted = atlas_loader_quote (url);

          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "url",
                                      _("invalid url %s (only http:// and https:// addresses with a host are allowed)"),
                                      quoted);
        }
    }

  kind = atlas_loader_get_string (ctx, object, "kind", TRUE);
  if (kind != NULL && !atlas_source_kind_from_string (kind, &source->kind))
    {
      g_autofree char *quoted = atlas_loader_quote (kind);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "kind",
                                  _("invalid kind %s (expected official, industry, news, analysis or estimate)"),
                                  quoted);
    }

  source->note = atlas_loader_get_text (ctx, object, "note", FALSE);

  if (id != NULL)
    {
      source->id = g_strdup (id);
      if (atlas_loader_check_unique (ctx, seen, "id", source->id, index))
        g_hash_table_insert (self->source_index, source->id, source);
    }
}

void
atlas_loader_parse_sources (AtlasLoaderContext *ctx,
                            AtlasDataset       *self,
                            JsonObject         *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  atlas_loader_foreach_item (ctx, self, root, "sources", FALSE, parse_source, seen);
}

/* ---- regions ---------------------------------------------------------- */

static gboolean
parse_color (const char *text,
             double     *red,
             double     *green,
             double     *blue)
{
  guint8 channels[3];

  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int high = g_ascii_xdigit_value (text[1 + 2 * i]);
      int low = g_ascii_xdigit_value (text[2 + 2 * i]);

      if (high < 0 || low < 0)
        return FALSE;
      channels[i] = (guint8) (high * 16 + low);
    }

  *red = channels[0] / 255.0;
  *green = channels[1] / 255.0;
  *blue = channels[2] / 255.0;
  return TRUE;
}

static void
parse_region (AtlasLoaderContext *ctx,
              AtlasDataset       *self,
              JsonObject         *object,
              guint               index,
              gpointer            user_data)
{
  GHashTable *seen = user_data;
  AtlasRegion *region = g_new0 (AtlasRegion, 1);
  const char *id, *color, *iso;

  g_ptr_array_add (self->regions, region);

  id = atlas_loader_get_id (ctx, object, "id", TRUE);
  region->name = atlas_loader_get_text (ctx, object, "name", TRUE);

  color = atlas_loader_get_string (ctx, object, "color", FALSE);
  if (color != NULL)
    {
      region->has_color = parse_color (color, &region->red, &region->green, &region->blue);
      if (!region->has_color)
        {
          g_autofree char *quoted = atlas_loader_quote (color);

          atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "color",
                                      _("invalid color %s (expected #rrggbb)"), quoted);
        }
    }

  /* A code for the map where the id is not one ("burma": "MM"). Any
   * text is kept: a code the map lacks (or "n/a") is listed beside the
   * map as unknown, never dropped or refused, since older files used
   * the member freely before the map read it. */
  iso = atlas_loader_get_string (ctx, object, "iso", FALSE);
  if (iso != NULL)
    region->iso = g_ascii_strup (iso, -1);

  if (id != NULL)
    {
      region->id = g_strdup (id);
      if (atlas_loader_check_unique (ctx, seen, "id", region->id, index))
        g_hash_table_insert (self->region_index, region->id, region);
    }
}

void
atlas_loader_parse_regions (AtlasLoaderContext *ctx,
                            AtlasDataset       *self,
                            JsonObject         *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  atlas_loader_foreach_item (ctx, self, root, "regions", FALSE, parse_region, seen);
}

/* ---- elements --------------------------------------------------------- */

static void
parse_element (AtlasLoaderContext *ctx,
               AtlasDataset       *self,
               JsonObject         *object,
               guint               index,
               gpointer            user_data)
{
  GHashTable *seen = user_data;
  AtlasElement *element = g_new0 (AtlasElement, 1);
  const char *id, *group;
  int number;

  g_ptr_array_add (self->elements, element);

  id = atlas_loader_get_id (ctx, object, "id", TRUE);
  element->name = atlas_loader_get_text (ctx, object, "name", TRUE);

  group = atlas_loader_get_string (ctx, object, "group", FALSE);
  if (group != NULL && !atlas_element_group_from_string (group, &element->group))
    {
      g_autofree char *quoted = atlas_loader_quote (group);

      atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "group",
                                  _("invalid group %s (expected light or heavy)"), quoted);
    }

  if (atlas_loader_get_int (ctx, object, "number", FALSE, &number))
    {
      if (number < 1 || number > 200)
        atlas_loader_report_member (ctx, ATLAS_DATASET_ERROR_INVALID, "number",
                                    _("invalid atomic number %d (expected an integer from 1 to 200)"),
                                    number);
      else
        element->number = number;
    }

  if (id != NULL)
    {
      element->id = g_strdup (id);
      if (atlas_loader_check_unique (ctx, seen, "id", element->id, index))
        g_hash_table_insert (self->element_index, element->id, element);
    }
}

void
atlas_loader_parse_elements (AtlasLoaderContext *ctx,
                             AtlasDataset       *self,
                             JsonObject         *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  atlas_loader_foreach_item (ctx, self, root, "elements", FALSE, parse_element, seen);
}
