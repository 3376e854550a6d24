/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-value-axis.c: round ticks for a value axis, linear or logarithmic. */
#include <math.h>

#include "atlas-format.h"
#include "atlas-value-axis.h"

/* Mantissas of log ticks, coarse to fine. */
static const double mantissas_125[] = { 1, 2, 5 };
static const double mantissas_fine[] = { 1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9 };

static void
tick_clear (gpointer data)
{
  AtlasValueTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

static GArray *
new_tick_array (void)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (AtlasValueTick));

  g_array_set_clear_func (ticks, tick_clear);
  return ticks;
}

/* A tick's label: grouped digits, but past six decimals (which would read
 * "0") or fifteen digits (wider than the chart), six significant digits
 * with an exponent: "2e-09", "1.5e+18". */
static char *
tick_label (double value, int decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value != 0 && isfinite (value) && (decimals > 6 || fabs (value) >= 1e15))
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
  return atlas_format_number (value, decimals);
}

static void
add_tick (GArray *ticks, double value, int decimals)
{
  AtlasValueTick tick = { value, tick_label (value, decimals) };

  g_array_append_val (ticks, tick);
}

/* Decimals a multiple of @step needs: 0 for 1, 2, 5, 10; 1 for 0.5. */
static int
decimals_for_step (double step)
{
  return MAX (0, (int) -floor (log10 (step) + 1e-9));
}

/* The next round step after @step in the 1, 2, 5, 10 sequence. */
static double
next_round_step (double step)
{
  double power = pow (10, floor (log10 (step) + 1e-9));
  double mantissa = step / power;

  if (mantissa < 1.5)
    return 2 * power;
  if (mantissa < 3.5)
    return 5 * power;
  return 10 * power;
}

static double
round_step_at_least (double raw)
{
  double power = pow (10, floor (log10 (raw)));
  double mantissa = raw / power;

  if (mantissa <= 1 + 1e-9)
    return power;
  if (mantissa <= 2 + 1e-9)
    return 2 * power;
  if (mantissa <= 5 + 1e-9)
    return 5 * power;
  return 10 * power;
}

/* Ticks every @step from @lo to @hi, both multiples of it. */
static void
add_linear_ticks (GArray *ticks, double lo, double hi, double step)
{
  gint64 first = (gint64) llround (lo / step), last = (gint64) llround (hi / step);
  int decimals = decimals_for_step (step);

  for (gint64 k = first; k <= last; k++)
    add_tick (ticks, (double) k * step, decimals);
}

static void
layout_linear (AtlasValueAxis *axis, double lo, double hi, guint max_ticks)
{
  double step = round_step_at_least ((hi - lo) / (max_ticks - 1));

  for (;;)
    {
      double first = floor (lo / step + 1e-9) * step;
      double last = ceil (hi / step - 1e-9) * step;

      if (llround ((last - first) / step) + 1 <= max_ticks)
        {
          axis->min = first;
          axis->max = last;
          add_linear_ticks (axis->ticks, first, last, step);
          return;
        }
      step = next_round_step (step);
    }
}


/* Ticks at m * 10^e for m in @mantissas and e a multiple of @decade_step,
 * inside [min, max]; only counted when @ticks is NULL. */
static guint
add_log_ticks (GArray *ticks, double min, double max, const double *mantissas, guint n_mantissas,
               int decade_step)
{
  int e0 = (int) floor (log10 (min)) - 1, e1 = (int) ceil (log10 (max)) + 1;
  guint n = 0;

  for (int e = e0; e <= e1; e++)
    {
      if (((e % decade_step) + decade_step) % decade_step != 0)
        continue;
      for (guint i = 0; i < n_mantissas; i++)
        {
          double value = mantissas[i] * pow (10, e);

          if (value < min * (1 - 1e-12) || value > max * (1 + 1e-12))
            continue;
          n++;
          if (ticks != NULL)
            add_tick (ticks, value, MAX (0, -e) + (mantissas[i] != floor (mantissas[i]) ? 1 : 0));
        }
    }
  return n;
}

static gboolean
try_log_ticks (AtlasValueAxis *axis, const double *mantissas, guint n_mantissas, int decade_step,
               guint least, guint max_ticks)
{
  guint n = add_log_ticks (NULL, axis->min, axis->max, mantissas, n_mantissas, decade_step);

  if (n < least || n > max_ticks)
    return FALSE;
  add_log_ticks (axis->ticks, axis->min, axis->max, mantissas, n_mantissas, decade_step);
  return TRUE;
}

/* Round values inside a domain narrower than any log tick set fits: a
 * linear step, still placed on the log scale. */
static gboolean
try_linear_ticks_on_log (AtlasValueAxis *axis, guint max_ticks)
{
  double step = round_step_at_least ((axis->max - axis->min) / MAX (max_ticks - 1, 1));

  for (int attempt = 0; attempt < 8; attempt++, step = next_round_step (step))
    {
      double first = ceil (axis->min / step - 1e-9) * step;
      double last = floor (axis->max / step + 1e-9) * step;
      gint64 n = llround ((last - first) / step) + 1;

      if (n >= 2 && n <= max_ticks)
        {
          add_linear_ticks (axis->ticks, first, last, step);
          return TRUE;
        }
    }
  return FALSE;
}

/* The nearest 1, 2 or 5 times a power of ten at or below (above) @value. */
static double
round_125_down (double value)
{
  double power = pow (10, floor (log10 (value) + 1e-12));

  for (int i = G_N_ELEMENTS (mantissas_125) - 1; i >= 0; i--)
    if (mantissas_125[i] * power <= value * (1 + 1e-12))
      return mantissas_125[i] * power;
  return power;
}

static double
round_125_up (double value)
{
  double power = pow (10, floor (log10 (value) - 1e-12));

  for (guint i = 0; i < G_N_ELEMENTS (mantissas_125); i++)
    if (mantissas_125[i] * power >= value * (1 - 1e-12))
      return mantissas_125[i] * power;
  return 10 * power;
}

static void
layout_log (AtlasValueAxis *axis, double lo, double hi, guint max_ticks)
{
  double l0 = log10 (lo), l1 = log10 (hi);
  double pad = MAX ((l1 - l0) * 0.04, 0.01);
  double below = round_125_down (lo), above = round_125_up (hi);

  axis->min = pow (10, l0 - pad);
  axis->max = pow (10, l1 + pad);
  /* Like a linear axis rounded out to whole steps, a log axis reaches the
   * round value just beyond the data when it is near, so the lowest and
   * highest lines have a labelled value to be read against. */
  if (lo / below <= 1.5)
    axis->min = MIN (axis->min, below);
  if (above / hi <= 1.5)
    axis->max = MAX (axis->max, above);

  if (try_log_ticks (axis, mantissas_125, 3, 1, 3, max_ticks))
    return;
  /* Many decades: powers of ten, every second or third one if need be. */
  if (add_log_ticks (NULL, axis->min, axis->max, mantissas_125, 3, 1) > max_ticks)
    {
      for (int decade_step = 1; decade_step <= 64; decade_step *= 2)
        if (try_log_ticks (axis, mantissas_125, 1, decade_step, 2, max_ticks))
          return;
    }
  /* Less than a decade: finer mantissas, then round linear steps. */
  if (try_log_ticks (axis, mantissas_fine, G_N_ELEMENTS (mantissas_fine), 1, 3, max_ticks))
    return;
  if (try_log_ticks (axis, mantissas_125, 3, 1, 2, max_ticks))
    return;
  if (try_linear_ticks_on_log (axis, max_ticks))
    return;
  add_log_ticks (axis->ticks, axis->min, axis->max, mantissas_125, 3, 1);
}

AtlasValueAxis *
atlas_value_axis_new (double   data_min,
                      double   data_max,
                      gboolean log,
                      guint    max_ticks)
{
  AtlasValueAxis *axis = g_new0 (AtlasValueAxis, 1);

  axis->log = log;
  axis->ticks = new_tick_array ();
  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (data_min) || !isfinite (data_max) || data_min > data_max)
    data_min = data_max = log ? 1 : 0;
  if (log && data_min <= 0)
    {
      /* Prices are positive; anything else cannot sit on a log scale. */
      data_min = data_max > 0 ? data_max / 10 : 1;
      data_max = MAX (data_max, data_min * 10);
    }

  if (data_max - data_min <= fabs (data_max) * 1e-9)
    {
      /* A flat series still needs an axis around its value. */
      if (log)
        {
          data_min /= 2;
          data_max *= 2;
        }
      else
        {
          double half = data_max != 0 ? fabs (data_max) * 0.1 : 1;
          data_min -= half;
          data_max += half;
        }
    }

  if (log)
    layout_log (axis, data_min, data_max, max_ticks);
  else
    layout_linear (axis, data_min, data_max, max_ticks);
  return axis;
}

void
atlas_value_axis_free (AtlasValueAxis *axis)
{
  if (axis == NULL)
    return;
  g_clear_pointer (&axis->ticks, g_array_unref);
  g_free (axis);
}

double
atlas_value_axis_fraction (const AtlasValueAxis *axis, double value)
{
  if (axis->log)
    return (log10 (value) - log10 (axis->min)) / (log10 (axis->max) - log10 (axis->min));
  return (value - axis->min) / (axis->max - axis->min);
}

double
atlas_value_axis_value_at (const AtlasValueAxis *axis, double fraction)
{
  if (axis->log)
    return pow (10, log10 (axis->min) + fraction * (log10 (axis->max) - log10 (axis->min)));
  return axis->min + fraction * (axis->max - axis->min);
}
