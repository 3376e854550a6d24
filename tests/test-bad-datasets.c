/* test-bad-datasets.c: every rule of the format, broken once, gives exactly its message and no dataset. */
#include <string.h>

#include "atlas-dataset.h"

typedef struct {
  const char *name;              /* tests/data/bad/NAME.json */
  const char *message;           /* the exact first message */
  guint       n_messages;        /* 0: just that one; else with what follows from it */
} BadCase;

static const BadCase bad_cases[] = {
  { "chain-no-stages",
    "chain-no-stages.json: $.supply_chains[0].stages: a chain needs at least one stage", 4 },
  { "chain-year-type",
    "chain-year-type.json: $.supply_chains[0].year: expected a number" },
  { "cite-empty-array",
    "cite-empty-array.json: $.shares[0].cite: expected a source id or a non-empty array of source ids" },
  { "cite-unknown-in-array",
    "cite-unknown-in-array.json: $.supply_chains[0].links[1].cite[1]: unknown source \"nope\"" },
  { "cite-unknown",
    "cite-unknown.json: $.supply_chains[0].cite: unknown source \"nope\"" },
  { "comment",
    "comment.json:4:3: syntax error: expected a member name (a string)" },
  { "csv-absolute",
    "csv-absolute.json: $.prices[0].points_csv: path \"/etc/passwd\" is absolute (it must be relative to the dataset's folder)" },
  { "csv-bad-header",
    "csv/bad-header.csv:1: expected the header row date,value or date,low,high" },
  { "csv-bad-line",
    "csv/bad-line.csv:4: expected 2 columns (date,value), found 1" },
  { "csv-duplicate-inline",
    "csv/dup-2025.csv:3: duplicate date \"2025\" (also at $.prices[0].points[1])" },
  { "csv-missing",
    "csv-missing.json: $.prices[0].points_csv: cannot read \"missing.csv\": No such file or directory" },
  { "csv-parent-nested",
    "csv-parent-nested.json: $.prices[0].points_csv: path \"sub/../../good/prices-small.csv\" leads outside the dataset's folder" },
  { "csv-parent",
    "csv-parent.json: $.prices[0].points_csv: path \"../good/prices-small.csv\" leads outside the dataset's folder" },
  { "date-feb-30",
    "date-feb-30.json: $.sources[1].date: invalid date \"2025-02-30\" (expected YYYY, YYYY-MM or YYYY-MM-DD)" },
  { "date-month-13",
    "date-month-13.json: $.events[0].date: invalid date \"2025-13\" (expected YYYY, YYYY-MM or YYYY-MM-DD)" },
  { "date-short-month",
    "date-short-month.json: $.updated: invalid date \"2025-7\" (expected YYYY, YYYY-MM or YYYY-MM-DD)" },
  { "date-two-digits",
    "date-two-digits.json: $.prices[0].points[0][0]: invalid date \"25\" (expected YYYY, YYYY-MM or YYYY-MM-DD)" },
  { "duplicate-member",
    "duplicate-member.json:5:3: syntax error: duplicate member \"updated\" in one object" },
  { "duplicate-member-escaped",
    "duplicate-member-escaped.json:26:7: syntax error: duplicate member \"n\\\\u0061me\" in one object" },
  { "element-group",
    "element-group.json: $.elements[0].group: invalid group \"medium\" (expected light or heavy)" },
  { "element-number-fraction",
    "element-number-fraction.json: $.elements[0].number: expected an integer" },
  /* An integer, but not one an int holds: said so, not "expected an integer". */
  { "element-number-range",
    "element-number-range.json: $.elements[0].number: the integer 2147483648 is out of range (-2147483648 to 2147483647)" },
  { "element-number",
    "element-number.json: $.elements[0].number: invalid atomic number 250 (expected an integer from 1 to 200)" },
  { "empty",
    "empty.json: empty file (expected a JSON object)" },
  { "event-kind",
    "event-kind.json: $.events[0].kind: invalid kind \"rumour\" (expected policy, market, project, conflict or other)" },
  { "event-unknown-element",
    "event-unknown-element.json: $.events[0].elements[1]: unknown element \"Zz\"" },
  { "format-missing",
    "format-missing.json: $.format: missing required member \"format\" (not a rare-earth-atlas/1 dataset?)" },
  { "format-version",
    "format-version.json: $.format: unsupported format \"rare-earth-atlas/2\" (this program reads \"rare-earth-atlas/1\")" },
  { "fx-duplicate-date",
    "fx-duplicate-date.json: $.fx[0].rates[2]: duplicate date \"2025\" (also at $.fx[0].rates[0])" },
  { "fx-rate-zero",
    "fx-rate-zero.json: $.fx[0].rates[1][1]: must be > 0, not 0" },
  { "fx-same-currency",
    "fx-same-currency.json: $.fx[0].per: a currency cannot be quoted in itself (\"CNY\")" },
  { "hostile-string",
    "hostile-string.json: $.sources[0].kind: invalid kind \"x\\nfake.json: $: forged\\u2028line\\x1b[31m\" (expected official, industry, news, analysis or estimate)" },
  { "huge-integer",
    "huge-integer.json:81:20: syntax error: integer too large (write it with an exponent, such as 1e20)" },
  /* Numbers the charts cannot draw: sums overflow, axes divide by zero. */
  { "huge-value",
    "huge-value.json: $.supply_chains[0].links[0].value: 1e+307 is outside the numbers a dataset may hold (zero, or 1e-12 to 1e15 either side of it)" },
  { "id-duplicate",
    "id-duplicate.json: $.regions[1].id: duplicate id \"CN\" (first at $.regions[0])", 3 },
  { "id-invalid",
    "id-invalid.json: $.regions[1].id: invalid id \"U S\" (use letters, digits, '-', '_', '.' and ':')", 3 },
  { "infinite-number",
    "infinite-number.json: $.supply_chains[0].links[0].value: not a finite number" },
  { "invalid-utf8",
    "invalid-utf8.json:3:17: invalid UTF-8 at byte offset 52" },
  { "item-not-object",
    "item-not-object.json: $.supply_chains[0].stages[0]: expected an object", 3 },
  { "link-estimate-type",
    "link-estimate-type.json: $.supply_chains[0].links[0].estimate: expected true or false" },
  { "link-negative",
    "link-negative.json: $.supply_chains[0].links[1].value: must be >= 0, not -5" },
  { "link-no-cite",
    "link-no-cite.json: $.supply_chains[0].links[0].cite: missing required member \"cite\" (the chain has no cite of its own)", 2 },
  { "link-same-stage",
    "link-same-stage.json: $.supply_chains[0].links[1]: link within one stage: \"a:US\" and \"a:CN\" are both in stage \"a\"" },
  { "link-self",
    "link-self.json: $.supply_chains[0].links[0]: link from node \"a:CN\" to itself" },
  { "link-unknown-node",
    "link-unknown-node.json: $.supply_chains[0].links[1].to: unknown node \"ref:XX\"" },
  { "link-value-type",
    "link-value-type.json: $.supply_chains[0].links[0].value: expected a number" },
  { "node-duplicate",
    "node-duplicate.json: $.supply_chains[0].nodes[2].id: duplicate id \"a:CN\" (first at $.supply_chains[0].nodes[0])", 3 },
  { "node-no-label",
    "node-no-label.json: $.supply_chains[0].nodes[0]: a node needs \"region\" or \"name\" (or both)" },
  { "node-unknown-region",
    "node-unknown-region.json: $.supply_chains[0].nodes[1].region: unknown region \"XX\"" },
  { "node-unknown-stage",
    "node-unknown-stage.json: $.supply_chains[0].nodes[2].stage: unknown stage \"c\"" },
  /* Valid UTF-8 that cairo will not write into a PDF: refused with its
   * place rather than failing every export of the view. */
  { "noncharacter-escaped",
    "noncharacter-escaped.json:25:21: the Unicode non-character U+FFFF is not allowed in a string" },
  { "noncharacter-plane",
    "noncharacter-plane.json:25:21: the Unicode non-character U+10FFFF is not allowed in a string" },
  { "noncharacter-raw",
    "noncharacter-raw.json:25:21: the Unicode non-character U+FDD0 is not allowed in a string" },
  { "not-json",
    "not-json.json:1:1: syntax error: expected a value" },
  { "not-object",
    "not-object.json: $: expected an object (a dataset is a JSON object)" },
  { "nothing-to-draw",
    "nothing-to-draw.json: $: nothing to draw: supply_chains, shares and prices are all empty or absent" },
  { "price-currency",
    "price-currency.json: $.prices[0].currency: invalid currency \"usd\" (expected an ISO 4217 code of three uppercase letters, such as \"USD\")" },
  { "price-duplicate-date",
    "price-duplicate-date.json: $.prices[0].points[2]: duplicate date \"2024\" (also at $.prices[0].points[0])" },
  { "price-no-points",
    "price-no-points.json: $.prices[0]: a series needs \"points\" or \"points_csv\" (or both)" },
  { "price-object-both",
    "price-object-both.json: $.prices[0].points[1]: a point has either \"value\" or \"low\" and \"high\", not both" },
  { "price-point-shape",
    "price-point-shape.json: $.prices[0].points[1]: expected a point: [date, value], [date, low, high], or an object with \"date\" and \"value\" or \"low\" and \"high\"" },
  { "price-range-inverted",
    "price-range-inverted.json: $.prices[0].points[1]: low 500 is greater than high 300" },
  { "price-same-day",
    "price-same-day.json: $.prices[0].points[2]: duplicate date \"2024-01-01\" (the same day as \"2024\" at $.prices[0].points[0])" },
  { "price-unit",
    "price-unit.json: $.prices[0].unit: invalid unit \"g\" (expected kg, t or lb)" },
  { "price-unknown-element",
    "price-unknown-element.json: $.prices[0].element: unknown element \"Xx\"" },
  { "price-zero",
    "price-zero.json: $.prices[0].points[1][1]: must be > 0, not 0" },
  { "region-color",
    "region-color.json: $.regions[1].color: invalid color \"red\" (expected #rrggbb)" },
  { "several-problems",
    "several-problems.json: $.sources[0].kind: invalid kind \"blog\" (expected official, industry, news, analysis or estimate)", 4 },
  { "share-duplicate-region",
    "share-duplicate-region.json: $.shares[0].parts[1].region: region \"CN\" appears twice in one share (first at $.shares[0].parts[0])" },
  { "share-identical",
    "share-identical.json: $.shares[1]: same metric, year, group and sources as $.shares[0] (alternative figures need different sources)" },
  { "share-identical-alternatives",
    "share-identical-alternatives.json: $.shares[2]: same metric, year, group and sources as $.shares[1] (alternative figures need different sources)" },
  { "share-negative",
    "share-negative.json: $.shares[0].parts[0].value: must be >= 0, not -1" },
  { "share-total-too-small",
    "share-total-too-small.json: $.shares[0].total: total 50 is less than the sum of the parts (80)" },
  { "share-unknown-region",
    "share-unknown-region.json: $.shares[0].parts[1].region: unknown region \"XX\"" },
  { "slide-date",
    "slide-date.json: $.briefings[0].slides[0].from: invalid date \"2025-13\" (expected YYYY, YYYY-MM or YYYY-MM-DD)" },
  { "slide-from-after-to",
    "slide-from-after-to.json: $.briefings[0].slides[0].to: \"to\" (2020) is before \"from\" (2025)" },
  { "slide-group",
    "slide-group.json: $.briefings[0].slides[0].group: unknown share or share group \"g9\"" },
  { "slide-unit",
    "slide-unit.json: $.briefings[0].slides[0].unit: invalid unit \"oz\" (expected kg, t or lb)" },
  /* A slide's id is what the window keeps it by across saves. */
  { "slide-id-duplicate",
    "slide-id-duplicate.json: $.briefings[0].slides[1].id: duplicate id \"opening\" (first at $.briefings[0].slides[0])" },
  { "slide-kind",
    "slide-kind.json: $.briefings[0].slides[0].kinds[1]: unknown event kind \"gossip\"" },
  /* --check passed it, then --export=briefing failed at the slide. */
  { "slide-nothing-to-draw",
    "slide-nothing-to-draw.json: $.briefings[0].slides[1]: a timeline slide needs events, and the dataset has none" },
  { "slide-scale",
    "slide-scale.json: $.briefings[0].slides[0].scale: invalid scale \"logarithmic\" (expected linear or log)" },
  { "slide-select-event",
    "slide-select-event.json: $.briefings[0].slides[0].select: unknown event \"p1\"" },
  { "slide-select-node",
    "slide-select-node.json: $.briefings[0].slides[0].select: unknown node \"b:US\" in chain \"c1\"" },
  { "slide-select-share",
    "slide-select-share.json: $.briefings[0].slides[0].select: unknown share \"sh9\"" },
  { "slide-series",
    "slide-series.json: $.briefings[0].slides[0].series[1]: unknown series \"p9\"" },
  { "slide-unknown-chain",
    "slide-unknown-chain.json: $.briefings[0].slides[0].chain: unknown supply chain \"c9\"" },
  { "slide-view",
    "slide-view.json: $.briefings[0].slides[0].view: invalid view \"globe\" (expected flows, shares, prices, timeline or map)" },
  { "source-kind",
    "source-kind.json: $.sources[0].kind: invalid kind \"blog\" (expected official, industry, news, analysis or estimate)" },
  { "source-missing-publisher",
    "source-missing-publisher.json: $.sources[1].publisher: missing required member \"publisher\"" },
  { "stage-duplicate",
    "stage-duplicate.json: $.supply_chains[0].stages[1].id: duplicate id \"a\" (first at $.supply_chains[0].stages[0])", 2 },
  { "syntax-missing-comma",
    "syntax-missing-comma.json:4:3: syntax error: expected ',' or '}'" },
  { "text-empty-object",
    "text-empty-object.json: $.regions[1].name: expected text (a string or an object of language tags to strings)" },
  { "text-wrong-type",
    "text-wrong-type.json: $.regions[0].name: expected text (a string or an object of language tags to strings)" },
  { "tiny-price",
    "tiny-price.json: $.prices[0].points[0][1]: 4.94065645841247e-324 is outside the numbers a dataset may hold (zero, or 1e-12 to 1e15 either side of it)" },
  { "title-missing",
    "title-missing.json: $.title: missing required member \"title\"" },
  { "trailing-data",
    "trailing-data.json:166:1: syntax error: expected the end of the file after the top-level value" },
  { "truncated",
    "truncated.json:78:3: syntax error: unexpected end of file (expected a value or ']')" },
  { "url-file",
    "url-file.json: $.sources[1].url: invalid url \"file:///etc/passwd\" (only http:// and https:// addresses with a host are allowed)" },
  { "url-javascript",
    "url-javascript.json: $.sources[1].url: invalid url \"javascript:alert(1)\" (only http:// and https:// addresses with a host are allowed)" },
  { "url-no-host",
    "url-no-host.json: $.sources[1].url: invalid url \"https:///path\" (only http:// and https:// addresses with a host are allowed)" },
  { "utf16",
    "utf16.json: the file is UTF-16, not UTF-8" },
};

static AtlasDatasetError
expected_code (const BadCase *bad)
{
  const char *place_end = strstr (bad->message, ": ");

  if (g_str_has_prefix (bad->name, "format-"))
    return ATLAS_DATASET_ERROR_VERSION;
  if (g_str_equal (bad->name, "csv-missing"))
    return ATLAS_DATASET_ERROR_IO;
  /* "file.json:LINE:COL: ..." and "file.csv:LINE: ..." carry a line number;
   * of those, only CSV values that parse but break a rule are INVALID. */
  if (place_end != NULL && memchr (bad->message, ':', place_end - bad->message) != NULL &&
      strstr (bad->message, ".json:") != NULL)
    return ATLAS_DATASET_ERROR_SYNTAX;
  if (g_str_equal (bad->name, "empty") || g_str_equal (bad->name, "utf16") ||
      g_str_equal (bad->name, "csv-bad-line") || g_str_equal (bad->name, "csv-bad-header"))
    return ATLAS_DATASET_ERROR_SYNTAX;
  return ATLAS_DATASET_ERROR_INVALID;
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *file = g_strconcat (bad->name, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", file, NULL);

  /* First problem only. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (path, 0, NULL, &error);

    g_assert_null (dataset);
    g_assert_nonnull (error);
    g_assert_true (error->domain == ATLAS_DATASET_ERROR);
    g_assert_cmpstr (error->message, ==, bad->message);
    g_assert_cmpint (error->code, ==, expected_code (bad));
  }

  /* Collecting every problem gives the same first one, and only the
   * consequences of the broken rule (a renamed id leaves references
   * dangling) besides it. */
  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) messages = NULL;
    g_autoptr(AtlasDataset) dataset = atlas_dataset_load_file (path, 100, &messages, &error);

    g_assert_null (dataset);
    g_assert_nonnull (messages);
    g_assert_cmpstr (messages[0], ==, bad->message);
    g_assert_cmpstr (error->message, ==, bad->message);
    for (guint i = 0; messages[i] != NULL; i++)
      {
        g_test_message ("message %u: %s", i, messages[i]);
        g_assert_null (strchr (messages[i], '\n'));
      }
    g_assert_cmpuint (g_strv_length (messages), ==, MAX (bad->n_messages, 1));
  }

  /* No message may span lines: dataset strings are escaped. */
  g_assert_null (strchr (bad->message, '\n'));
}

static void
test_deep_nesting (void)
{
  const gsize depth = 100000;
  g_autofree char *data = g_malloc (2 * depth);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;

  /* Deep enough to overflow a recursive parser's stack. */
  memset (data, '[', depth);
  memset (data + depth, ']', depth);
  dataset = atlas_dataset_load_data (data, 2 * depth, "deep.json", NULL, 0, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "deep.json:1:65: nested deeper than 64 levels");

  /* Objects count too, and brackets inside strings do not. */
  {
    g_autoptr(GString) text = g_string_new ("{\"a\": \"[[[[{{{{\", \"b\": ");
    g_autoptr(GError) object_error = NULL;
    g_autoptr(AtlasDataset) none = NULL;

    for (guint i = 0; i < 70; i++)
      g_string_append (text, "{\"k\":");
    none = atlas_dataset_load_data (text->str, text->len, "deep.json", NULL, 0, NULL, &object_error);
    g_assert_null (none);
    g_assert_cmpstr (object_error->message, ==, "deep.json:1:339: nested deeper than 64 levels");
  }
}

static void
test_bytes (void)
{
  struct {
    const char *data;
    gsize length;
    const char *message;
  } cases[] = {
    { "{\"format\": \"x\0y\"}", 17, "mem.json:1:14: NUL byte at byte offset 13 (not a text file)" },
    { "\xEF\xBB\xBF", 3, "mem.json: empty file (expected a JSON object)" },
    { " \n\t ", 4, "mem.json: empty file (expected a JSON object)" },
    { "{\"a\": \"\xC3\x28\"}", 10, "mem.json:1:8: invalid UTF-8 at byte offset 7" },
    { "\xEF\xBB\xBF{\n\"a\": \xE4\xB8\xAD}", 13, "mem.json:2:6: syntax error: expected a value" },
    { "{\"a\": \"\\ud800\"}", 15, "mem.json:1:8: syntax error: unpaired surrogate in a \\u escape" },
    { "{\"a\": \"\\u0000\"}", 15, "mem.json:1:8: syntax error: \\u0000 is not allowed in a string" },
    { "{\"a\": \"x\ty\"}", 12, "mem.json:1:9: syntax error: control character in a string (write it as an escape such as \\n)" },
    { "{\"a\": 01}", 9, "mem.json:1:7: syntax error: invalid number" },
    { "{\"a\": .5}", 9, "mem.json:1:7: syntax error: expected a value" },
    { "{\"a\": [1,]}", 11, "mem.json:1:10: syntax error: expected a value" },
    { "{\"a\": 1,}", 9, "mem.json:1:9: syntax error: expected a member name (a string)" },
    { "{'a': 1}", 8, "mem.json:1:2: syntax error: expected a member name (a string) or '}'" },
    { "{\"a\" 1}", 7, "mem.json:1:6: syntax error: expected ':'" },
    { "{\"a\": tru}", 10, "mem.json:1:7: syntax error: expected a value" },
    { "{\"a\": \"abc", 10, "mem.json:1:7: syntax error: unterminated string" },
    { "[1, 2", 5, "mem.json:1:6: syntax error: unexpected end of file (expected ',' or ']')" },
    { "\"just a string\"", 15, "mem.json: $: expected an object (a dataset is a JSON object)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasDataset) dataset = atlas_dataset_load_data (cases[i].data, cases[i].length,
                                                                 "mem.json", NULL, 0, NULL, &error);

      g_assert_null (dataset);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_long_string_is_cut (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "é");
  g_string_append (text, "\"}");

  dataset = atlas_dataset_load_data (text->str, text->len, "long.json", NULL, 0, NULL, &error);
  g_assert_error (error, ATLAS_DATASET_ERROR, ATLAS_DATASET_ERROR_VERSION);
  g_assert_true (g_str_has_prefix (error->message, "long.json: $.format: unsupported format \"ééé"));
  g_assert_nonnull (strstr (error->message, "é…\" (this program reads \"rare-earth-atlas/1\")"));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 200);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/bad-datasets/", bad_cases[i].name, NULL);

      g_test_add_data_func (test_path, &bad_cases[i], test_bad_file);
    }
  g_test_add_func ("/bad-datasets/generated/deep-nesting", test_deep_nesting);
  g_test_add_func ("/bad-datasets/generated/bytes", test_bytes);
  g_test_add_func ("/bad-datasets/generated/long-string-is-cut", test_long_string_is_cut);

  return g_test_run ();
}
