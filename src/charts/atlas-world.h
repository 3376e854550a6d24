/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-world.h: the countries of the world map (data/world-110m.atlasgeo), projected once. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_WORLD_ERROR (atlas_world_error_quark ())
GQuark atlas_world_error_quark (void);

typedef enum {
  ATLAS_WORLD_ERROR_SYNTAX,     /* not an atlasgeo file, or a bad line */
} AtlasWorldError;

typedef struct {
  guint first, n;               /* points of the world, in drawing order */
} AtlasWorldRing;

typedef struct {
  char   *code;                 /* ISO 3166-1 alpha-2, "" when it has none */
  char   *name_en;
  char   *name_zh;              /* "" when the source had none */
  guint   first_ring, n_rings;  /* rings of the world; 0 rings for a point */
  gboolean is_point;            /* too small for 1:110m: only a place */
  double  x, y;                 /* a point's place; an outline's bounds' centre */
  double  min_x, min_y, max_x, max_y; /* bounds, in projected units */
} AtlasWorldCountry;

/* Points are projected with Equal Earth (atlas-projection.h) on the unit
 * sphere, y pointing south (down the page), so a map is one scale and
 * one translation away. */
typedef struct {
  GPtrArray *countries;         /* AtlasWorldCountry*, file order */
  GArray    *rings;             /* AtlasWorldRing */
  GArray    *points;            /* double x, y pairs */
  double     min_x, min_y, max_x, max_y;
  GHashTable *by_code;          /* code -> AtlasWorldCountry* (not owned) */
} AtlasWorld;

AtlasWorld *atlas_world_new_from_data (const char *data, gsize length, GError **error);
AtlasWorld *atlas_world_load          (const char *path, GError **error);
void        atlas_world_free          (AtlasWorld *world);

/* The world the map view draws, read once per process: $ATLAS_WORLD when
 * set (tests), else the source tree's data/world-110m.atlasgeo for a
 * program in its build tree, else the installed copy.  Owned by the
 * library; NULL with @error set when it cannot be read. */
const AtlasWorld *atlas_world_get_default (GError **error);

/* The country with ISO alpha-2 @code (any case), or NULL. */
const AtlasWorldCountry *atlas_world_find (const AtlasWorld *world, const char *code);
/* The name in @lang ("zh…": Chinese when known; NULL: the user's). */
const char *atlas_world_country_name (const AtlasWorldCountry *country, const char *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasWorld, atlas_world_free)

G_END_DECLS
