/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-text.c: localized text and its language fallback. */
#include <string.h>

#include "atlas-text.h"

static AtlasText *
make_text (const char *first_lang, ...)
{
  AtlasText *text = atlas_text_new ();
  const char *lang = first_lang;
  va_list args;

  va_start (args, first_lang);
  while (lang != NULL)
    {
      atlas_text_add (text, lang, va_arg (args, const char *));
      lang = va_arg (args, const char *);
    }
  va_end (args);
  return text;
}

static void
test_plain (void)
{
  g_autoptr(AtlasText) text = atlas_text_new_plain ("China");

  g_assert_cmpstr (atlas_text_get (text, "en"), ==, "China");
  g_assert_cmpstr (atlas_text_get (text, "zh"), ==, "China");
  g_assert_cmpstr (atlas_text_get (text, NULL), ==, "China");
  g_assert_cmpuint (atlas_text_n_languages (text), ==, 1);
  g_assert_null (atlas_text_get (NULL, "en"));
  g_assert_cmpuint (atlas_text_n_languages (NULL), ==, 0);
}

static void
test_fallback (void)
{
  g_autoptr(AtlasText) text = make_text ("fr", "Chine", "en", "China", "zh", "中国", NULL);
  g_autoptr(AtlasText) no_english = make_text ("ja", "日本", "fr", "Japon", NULL);

  g_assert_cmpstr (atlas_text_get (text, "zh"), ==, "中国");
  g_assert_cmpstr (atlas_text_get (text, "fr"), ==, "Chine");
  g_assert_cmpstr (atlas_text_get (text, "de"), ==, "China");          /* else en */
  g_assert_cmpstr (atlas_text_get (no_english, "de"), ==, "日本");     /* else the first */
  g_assert_cmpstr (atlas_text_get (no_english, "fr"), ==, "Japon");
  g_assert_cmpstr (atlas_text_get (text, ""), ==, "China");
}

static void
test_regional_tags (void)
{
  g_autoptr(AtlasText) plain_zh = make_text ("en", "Malaysia", "zh", "马来西亚", NULL);
  g_autoptr(AtlasText) hans = make_text ("en", "Malaysia", "zh-Hans", "马来西亚", NULL);
  g_autoptr(AtlasText) both = make_text ("en", "color", "zh-TW", "顏色", "zh-CN", "颜色", NULL);

  /* A locale asks for more than the dataset says, or the other way round. */
  g_assert_cmpstr (atlas_text_get (plain_zh, "zh_CN"), ==, "马来西亚");
  g_assert_cmpstr (atlas_text_get (plain_zh, "zh_CN.UTF-8"), ==, "马来西亚");
  g_assert_cmpstr (atlas_text_get (plain_zh, "zh-Hant-TW"), ==, "马来西亚");
  g_assert_cmpstr (atlas_text_get (hans, "zh"), ==, "马来西亚");
  g_assert_cmpstr (atlas_text_get (hans, "ZH"), ==, "马来西亚");
  /* The exact region wins over the first of the language. */
  g_assert_cmpstr (atlas_text_get (both, "zh_CN"), ==, "颜色");
  g_assert_cmpstr (atlas_text_get (both, "zh-tw"), ==, "顏色");
  g_assert_cmpstr (atlas_text_get (both, "zh"), ==, "顏色");
  g_assert_cmpstr (atlas_text_get (both, "en_GB.UTF-8@euro"), ==, "color");
}

static void
test_default_language (void)
{
  g_autoptr(AtlasText) text = make_text ("en", "China", "zh", "中国", NULL);

  atlas_text_set_default_language ("zh");
  g_assert_cmpstr (atlas_text_get_default_language (), ==, "zh");
  g_assert_cmpstr (atlas_text_get (text, NULL), ==, "中国");

  atlas_text_set_default_language ("zh_CN");
  g_assert_cmpstr (atlas_text_get (text, NULL), ==, "中国");

  /* Back to the locale's: the tests run with LC_ALL=C.UTF-8, which reads English. */
  atlas_text_set_default_language (NULL);
  if (g_str_has_prefix (g_get_language_names ()[0], "C"))
    g_assert_cmpstr (atlas_text_get_default_language (), ==, "en");
  g_assert_nonnull (atlas_text_get_default_language ());
  g_assert_cmpuint (strlen (atlas_text_get_default_language ()), >, 0);
}

static void
test_equal (void)
{
  g_autoptr(AtlasText) a = make_text ("en", "Mining", "zh", "开采", NULL);
  g_autoptr(AtlasText) b = make_text ("zh", "开采", "en", "Mining", NULL);
  g_autoptr(AtlasText) c = make_text ("en", "Mining", NULL);
  g_autoptr(AtlasText) d = atlas_text_new_plain ("Mining");
  g_autoptr(AtlasText) e = atlas_text_new_plain ("Mining");
  g_autoptr(AtlasText) f = make_text ("en", "Mining", "zh", "采矿", NULL);

  g_assert_true (atlas_text_equal (a, b));
  g_assert_true (atlas_text_equal (d, e));
  g_assert_true (atlas_text_equal (NULL, NULL));
  g_assert_false (atlas_text_equal (a, c));
  g_assert_false (atlas_text_equal (c, d));
  g_assert_false (atlas_text_equal (a, f));
  g_assert_false (atlas_text_equal (a, NULL));
}

/* An editor shows a language's own text; a plain string is English. */
static void
test_own (void)
{
  g_autoptr(AtlasText) plain = atlas_text_new_plain ("Mines");
  g_autoptr(AtlasText) both = atlas_text_new ();
  g_autoptr(AtlasText) chinese = atlas_text_new ();

  atlas_text_add (both, "en", "Mines");
  atlas_text_add (both, "zh", "矿山");
  atlas_text_add (chinese, "zh", "矿山");
  g_assert_cmpstr (atlas_text_get_own (plain, "en"), ==, "Mines");
  g_assert_null (atlas_text_get_own (plain, "zh"));
  g_assert_cmpstr (atlas_text_get_own (both, "zh"), ==, "矿山");
  g_assert_cmpstr (atlas_text_get_own (both, "en"), ==, "Mines");
  g_assert_null (atlas_text_get_own (chinese, "en"));
  g_assert_null (atlas_text_get_own (NULL, "en"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/text/plain", test_plain);
  g_test_add_func ("/text/fallback", test_fallback);
  g_test_add_func ("/text/regional-tags", test_regional_tags);
  g_test_add_func ("/text/default-language", test_default_language);
  g_test_add_func ("/text/equal", test_equal);
  g_test_add_func ("/text/own", test_own);

  return g_test_run ();
}
