/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-units.c: the units and currencies the program knows, translated; any other is shown as written. */
#include <glib/gi18n-lib.h>

#include "atlas-units.h"

typedef struct {
  const char *code;
  const char *label;   /* N_(): translated when shown */
} UnitName;

static const UnitName units[] = {
  /* TRANSLATORS: tonnes of rare-earth oxide equivalent, the unit of most
   * rare-earth statistics; Chinese official sources write 吨（稀土氧化物） */
  { "t REO", NC_("unit", "t REO") },
  { "kt REO", NC_("unit", "kt REO") },
  { "t", NC_("unit", "t") },
  { "kt", NC_("unit", "kt") },
  { "kg", NC_("unit", "kg") },
  { "lb", NC_("unit", "lb") },
  { "%", NC_("unit", "%") },
};

static const UnitName currencies[] = {
  { "USD", NC_("currency", "USD") },
  { "CNY", NC_("currency", "CNY") },
  { "EUR", NC_("currency", "EUR") },
  { "JPY", NC_("currency", "JPY") },
};

static const char *
lookup (const UnitName *names, guint n, const char *context, const char *code)
{
  if (code == NULL)
    return "";
  for (guint i = 0; i < n; i++)
    if (g_str_equal (names[i].code, code))
      return g_dpgettext2 (GETTEXT_PACKAGE, context, names[i].label);
  return code;
}

const char *
atlas_unit_label (const char *unit)
{
  return lookup (units, G_N_ELEMENTS (units), "unit", unit);
}

const char *
atlas_currency_label (const char *currency)
{
  return lookup (currencies, G_N_ELEMENTS (currencies), "currency", currency);
}

char *
atlas_price_unit_label (const char *currency, const char *unit)
{
  if (currency == NULL)
    return g_strdup (atlas_unit_label (unit));
  /* TRANSLATORS: a price unit: currency per mass unit, "USD/kg" */
  return g_strdup_printf (C_("price unit", "%s/%s"), atlas_currency_label (currency), atlas_unit_label (unit));
}
