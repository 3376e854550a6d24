/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-units.h: units and currencies as a reader of the chart's language writes them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A dataset's unit in the chart's language: "t REO" reads
 * "吨（稀土氧化物）" in Chinese.  A unit the program does not know is
 * shown as the dataset wrote it. */
const char *atlas_unit_label     (const char *unit);

/* A currency code in the chart's language: "USD", or "美元" in Chinese. */
const char *atlas_currency_label (const char *currency);

/* A price's unit, "USD/kg" ("美元/千克"); a quantity's (@currency NULL),
 * its own unit.  Free with g_free(). */
char       *atlas_price_unit_label (const char *currency, const char *unit);

G_END_DECLS
