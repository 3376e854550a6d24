/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-i18n.h: where the translations are, and switching the language of an export. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Binds the program's text domain to its translations and makes it the
 * default domain. Call once, right after setlocale (LC_ALL, ""), before any
 * text is translated. A program in its build tree reads the build tree's
 * compiled catalogues (<build>/po/LANG/LC_MESSAGES), an installed one those
 * under LOCALEDIR. */
void        atlas_i18n_init           (void);

/* The folder the text domain is bound to (see atlas_i18n_init()). */
const char *atlas_i18n_get_locale_dir (void);

/* Makes everything translated from now on, the chart's own words included,
 * and the dataset's text (atlas_text_set_default_language()) follow @lang
 * ("en", "zh"), whatever the user's locale: for --lang of an export.
 * Works on a machine whose only locales are C and C.UTF-8. */
void        atlas_i18n_set_language   (const char *lang);

G_END_DECLS
