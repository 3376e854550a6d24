/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-projection.h: the Equal Earth map projection, forward and inverse, on the unit sphere. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Equal Earth (Šavrič, Patterson and Jenny, 2018) is equal-area: a
 * country's area on the map is proportional to its area on the globe, so a
 * choropleth does not make Russia or Greenland look weightier than they
 * are, as Mercator does; and unlike other equal-area projections its
 * straight parallels and rounded edges keep shapes familiar.
 *
 * Longitude and latitude in degrees; x grows east, y north, on a sphere
 * of radius 1 (the equator spans ±ATLAS_EQUAL_EARTH_MAX_X, the poles are
 * at ±ATLAS_EQUAL_EARTH_MAX_Y). */
#define ATLAS_EQUAL_EARTH_MAX_X 2.706629983696075
#define ATLAS_EQUAL_EARTH_MAX_Y 1.317362759157413

void     atlas_equal_earth_forward (double lon, double lat, double *x, double *y);
/* FALSE, leaving the outputs alone, for a point outside the map. */
gboolean atlas_equal_earth_inverse (double x, double y, double *lon, double *lat);

G_END_DECLS
