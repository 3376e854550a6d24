/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-i18n.c: where the translations are, and switching the language of an export. */
#include "atlas-config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "atlas-data-path.h"
#include "atlas-i18n.h"
#include "atlas-text.h"

const char *
atlas_i18n_get_locale_dir (void)
{
  static char *locale_dir;

  if (g_once_init_enter (&locale_dir))
    {
      /* In the build tree $ATLAS_LOCALEDIR is <build>/po, where Meson
       * compiles the catalogues in the layout bindtextdomain() reads. */
      g_once_init_leave (&locale_dir, atlas_data_path ("ATLAS_LOCALEDIR", LOCALEDIR));
    }
  return locale_dir;
}

void
atlas_i18n_init (void)
{
  bindtextdomain (GETTEXT_PACKAGE, atlas_i18n_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* GLib decides once, at the first g_dgettext() (what _() is in the
   * charts, core and export code), whether to translate at all: asked when
   * the program's domain is already the default one and has no catalogue
   * for the start-up locale (C.UTF-8, say), it would never translate again,
   * not even after --lang=zh. Asked while the default domain is still
   * "messages", it always translates. */
  (void) g_dgettext (GETTEXT_PACKAGE, "");
  textdomain (GETTEXT_PACKAGE);
}

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX");
}

void
atlas_i18n_set_language (const char *lang)
{
  g_return_if_fail (lang != NULL);

  /* The dataset's text: {"en": ..., "zh": ...} with its fallback to "en". */
  atlas_text_set_default_language (lang);

  /* The program's words: gettext takes the catalogue from LANGUAGE before
   * LC_ALL, LC_MESSAGES and LANG, so no zh_CN locale has to be generated.
   * Setting the locale again makes gettext drop what it had looked up. */
  g_setenv ("LANGUAGE", g_str_equal (lang, "zh") ? "zh_CN:zh" : lang, TRUE);
  setlocale (LC_MESSAGES, "");
  /* But glibc ignores LANGUAGE while LC_MESSAGES is the C (POSIX) locale,
   * as it is with LANG unset or LANG=C. C.UTF-8 comes with glibc itself
   * (Debian's libc-bin), so it is there on a fresh machine where no locale
   * was generated, and under it LANGUAGE counts. */
  if (is_c_locale (setlocale (LC_MESSAGES, NULL)) && setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
    setlocale (LC_MESSAGES, "C.utf8");
}
