/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-projection.c: the Equal Earth projection, after Šavrič, Patterson and Jenny (2018). */
#include <math.h>

#include "atlas-projection.h"

/* The polynomial coefficients of the paper (its equations 1 and 2). */
#define A1 1.340264
#define A2 (-0.081106)
#define A3 0.000893
#define A4 0.003796
#define M  (sqrt (3.0) / 2.0)

#define DEG (G_PI / 180.0)

/* The parametric latitude θ with sin θ = (√3/2) sin φ, then
 *   x = λ cos θ / ((√3/2) (A1 + 3 A2 θ² + θ⁶ (7 A3 + 9 A4 θ²)))
 *   y = θ (A1 + A2 θ² + θ⁶ (A3 + A4 θ²)). */
void
atlas_equal_earth_forward (double lon, double lat, double *x, double *y)
{
  double theta = asin (M * sin (lat * DEG));
  double t2 = theta * theta, t6 = t2 * t2 * t2;

  *x = lon * DEG * cos (theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  *y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
}

/* y is a polynomial in θ alone: Newton's method finds θ (it converges in
 * a few steps from θ = y, as y/θ stays near A1), then λ follows. */
gboolean
atlas_equal_earth_inverse (double x, double y, double *lon, double *lat)
{
  double theta = y, t2 = 0, t6 = 0, derivative = A1, lambda;

  if (!isfinite (x) || !isfinite (y) || fabs (y) > ATLAS_EQUAL_EARTH_MAX_Y + 1e-9)
    return FALSE;
  for (int i = 0; i < 20; i++)
    {
      double delta;

      t2 = theta * theta;
      t6 = t2 * t2 * t2;
      derivative = A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
      delta = (theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y) / derivative;
      theta -= delta;
      if (fabs (delta) < 1e-12)
        break;
    }
  t2 = theta * theta;
  t6 = t2 * t2 * t2;
  derivative = A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2);
  lambda = M * x * derivative / cos (theta);
  if (!(fabs (lambda) <= G_PI + 1e-9))
    return FALSE;
  *lon = lambda / DEG;
  *lat = asin (CLAMP (sin (theta) / M, -1.0, 1.0)) / DEG;
  return TRUE;
}
