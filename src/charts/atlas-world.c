/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-world.c: reads the map's country boundaries (the format is described in build-aux/make-world-geo.py). */
#include "atlas-config.h"

#include <errno.h>
#include <math.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-data-path.h"
#include "atlas-projection.h"
#include "atlas-text.h"
#include "atlas-world.h"

#define WORLD_FILE_NAME "world-110m.atlasgeo"

G_DEFINE_QUARK (atlas-world-error-quark, atlas_world_error)

static void
country_free (gpointer data)
{
  AtlasWorldCountry *country = data;

  g_free (country->code);
  g_free (country->name_en);
  g_free (country->name_zh);
  g_free (country);
}

void
atlas_world_free (AtlasWorld *world)
{
  if (world == NULL)
    return;
  g_clear_pointer (&world->by_code, g_hash_table_unref);
  g_ptr_array_unref (world->countries);
  g_array_unref (world->rings);
  g_array_unref (world->points);
  g_free (world);
}

static gboolean
fail (GError **error, guint line, const char *what)
{
  g_set_error (error, ATLAS_WORLD_ERROR, ATLAS_WORLD_ERROR_SYNTAX,
               /* TRANSLATORS: %u is a line number of the map's data file, %s what is wrong */
               _("the map's country boundaries are damaged: line %u: %s"), line, what);
  return FALSE;
}

/* Reads whitespace-separated integers; FALSE on anything else. */
static gboolean
parse_integers (const char *text, GArray *out)
{
  const char *p = text;

  g_array_set_size (out, 0);
  while (*p != '\0')
    {
      char *end;
      long value;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      errno = 0;
      value = strtol (p, &end, 10);
      if (end == p || errno != 0 || value < -100000000 || value > 100000000 || (*end != ' ' && *end != '\0'))
        return FALSE;
      {
        int v = (int) value;
        g_array_append_val (out, v);
      }
      p = end;
    }
  return TRUE;
}

static void
extend_bounds (AtlasWorldCountry *country, double x, double y)
{
  country->min_x = MIN (country->min_x, x);
  country->max_x = MAX (country->max_x, x);
  country->min_y = MIN (country->min_y, y);
  country->max_y = MAX (country->max_y, y);
}

static void
add_point (AtlasWorld *world, AtlasWorldCountry *country, double q, int lon, int lat)
{
  double xy[2];

  atlas_equal_earth_forward (CLAMP (lon / q, -180.0, 180.0), CLAMP (lat / q, -90.0, 90.0), &xy[0], &xy[1]);
  xy[1] = -xy[1];
  g_array_append_vals (world->points, xy, 2);
  extend_bounds (country, xy[0], xy[1]);
}

/* Where a country's marks and routes go: the centre of its largest
 * ring, since the centre of its bounds may lie in an ocean (France with
 * Guiana, the United States with Alaska). */
static void
set_anchor (const AtlasWorld *world, AtlasWorldCountry *country)
{
  double best = 0;

  for (guint r = 0; r < country->n_rings; r++)
    {
      const AtlasWorldRing *ring = &g_array_index (world->rings, AtlasWorldRing, country->first_ring + r);
      const double *p = &g_array_index (world->points, double, 2 * ring->first);
      double area = 0, cx = 0, cy = 0;

      for (guint i = 0; i < ring->n; i++)
        {
          guint j = (i + 1) % ring->n;
          double cross = p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];

          area += cross;
          cx += (p[2 * i] + p[2 * j]) * cross;
          cy += (p[2 * i + 1] + p[2 * j + 1]) * cross;
        }
      if (fabs (area) > best)
        {
          best = fabs (area);
          country->x = cx / (3 * area);
          country->y = cy / (3 * area);
        }
    }
}

static gboolean
parse_lines (AtlasWorld *world, char **lines, GError **error)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));
  AtlasWorldCountry *country = NULL;
  double q = 0;

  if (lines[0] == NULL || !g_str_equal (lines[0], "ATLASGEO\t1"))
    return fail (error, 1, _("not a map file of this program"));
  for (guint n = 1; lines[n] != NULL; n++)
    {
      const char *line = lines[n];
      g_auto(GStrv) fields = NULL;

      if (*line == '\0' || *line == '#')
        continue;
      fields = g_strsplit (line, "\t", -1);
      if (g_str_equal (fields[0], "Q") && g_strv_length (fields) == 2)
        {
          q = g_ascii_strtod (fields[1], NULL);
          if (!(q >= 1 && q <= 1e6))
            return fail (error, n + 1, _("bad quantisation"));
        }
      else if (g_str_equal (fields[0], "C") && g_strv_length (fields) == 5)
        {
          if (!g_utf8_validate (line, -1, NULL))
            return fail (error, n + 1, _("not UTF-8"));
          country = g_new0 (AtlasWorldCountry, 1);
          country->code = g_ascii_strup (fields[1], -1);
          country->name_en = g_strdup (fields[3]);
          country->name_zh = g_strdup (fields[4]);
          country->first_ring = world->rings->len;
          country->min_x = country->min_y = G_MAXDOUBLE;
          country->max_x = country->max_y = -G_MAXDOUBLE;
          g_ptr_array_add (world->countries, country);
          if (*country->code != '\0' && !g_hash_table_contains (world->by_code, country->code))
            g_hash_table_insert (world->by_code, country->code, country);
        }
      else if ((g_str_equal (fields[0], "R") || g_str_equal (fields[0], "P")) && g_strv_length (fields) == 2)
        {
          gboolean point = g_str_equal (fields[0], "P");
          AtlasWorldRing ring;
          int lon = 0, lat = 0;

          if (country == NULL || q == 0)
            return fail (error, n + 1, _("a shape before its country"));
          if (!parse_integers (fields[1], numbers) || numbers->len % 2 != 0
              || numbers->len < (point ? 2u : 6u) || (point && numbers->len != 2))
            return fail (error, n + 1, _("bad coordinates"));
          if (point)
            {
              double x, y;
              atlas_equal_earth_forward (CLAMP (g_array_index (numbers, int, 0) / q, -180.0, 180.0),
                                         CLAMP (g_array_index (numbers, int, 1) / q, -90.0, 90.0), &x, &y);
              country->is_point = TRUE;
              extend_bounds (country, x, -y);
              continue;
            }
          ring.first = world->points->len / 2;
          ring.n = numbers->len / 2;
          for (guint i = 0; i < numbers->len; i += 2)
            {
              lon += g_array_index (numbers, int, i);
              lat += g_array_index (numbers, int, i + 1);
              add_point (world, country, q, lon, lat);
            }
          g_array_append_val (world->rings, ring);
          country->n_rings++;
        }
      else
        return fail (error, n + 1, _("unknown record"));
    }
  if (world->countries->len == 0)
    return fail (error, 1, _("no countries"));
  world->min_x = world->min_y = G_MAXDOUBLE;
  world->max_x = world->max_y = -G_MAXDOUBLE;
  for (guint i = 0; i < world->countries->len; i++)
    {
      AtlasWorldCountry *c = g_ptr_array_index (world->countries, i);

      if (c->min_x > c->max_x)
        return fail (error, 1, _("a country without a shape"));
      c->x = (c->min_x + c->max_x) / 2;
      c->y = (c->min_y + c->max_y) / 2;
      set_anchor (world, c);
      world->min_x = MIN (world->min_x, c->min_x);
      world->max_x = MAX (world->max_x, c->max_x);
      world->min_y = MIN (world->min_y, c->min_y);
      world->max_y = MAX (world->max_y, c->max_y);
    }
  return TRUE;
}

AtlasWorld *
atlas_world_new_from_data (const char *data, gsize length, GError **error)
{
  g_autoptr(AtlasWorld) world = g_new0 (AtlasWorld, 1);
  g_autofree char *text = g_strndup (data, length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  world->countries = g_ptr_array_new_with_free_func (country_free);
  world->rings = g_array_new (FALSE, FALSE, sizeof (AtlasWorldRing));
  world->points = g_array_new (FALSE, FALSE, sizeof (double));
  world->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  if (!parse_lines (world, lines, error))
    return NULL;
  return g_steal_pointer (&world);
}

AtlasWorld *
atlas_world_load (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  GError *inner = NULL;
  AtlasWorld *world;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  world = atlas_world_new_from_data (contents, length, &inner);
  if (world == NULL)
    {
      g_propagate_prefixed_error (error, inner, "%s: ", path);
      return NULL;
    }
  return world;
}

/* $ATLAS_WORLD in the build tree (its devenv) and tests, else the
 * installed copy. */
static char *
find_world_file (void)
{
  return atlas_data_path ("ATLAS_WORLD", PKGDATADIR G_DIR_SEPARATOR_S WORLD_FILE_NAME);
}

const AtlasWorld *
atlas_world_get_default (GError **error)
{
  static GMutex lock;
  static AtlasWorld *world;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  /* A failure is not remembered: a file put in place later is read. */
  if (world == NULL)
    {
      g_autofree char *path = find_world_file ();
      world = atlas_world_load (path, error);
    }
  return world;
}

const AtlasWorldCountry *
atlas_world_find (const AtlasWorld *world, const char *code)
{
  g_autofree char *upper = NULL;

  if (code == NULL || *code == '\0')
    return NULL;
  upper = g_ascii_strup (code, -1);
  return g_hash_table_lookup (world->by_code, upper);
}

const char *
atlas_world_country_name (const AtlasWorldCountry *country, const char *lang)
{
  if (lang == NULL)
    lang = atlas_text_get_default_language ();
  if (lang != NULL && g_ascii_strncasecmp (lang, "zh", 2) == 0 && *country->name_zh != '\0')
    return country->name_zh;
  return country->name_en;
}
