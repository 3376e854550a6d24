/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-bad-datasets.c: every rule of the format, broken once, gives exactly its message and no dataset. */
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "atlas-dataset.h"

/* One change to tests/data/bad/base.json (a good dataset): the value at
 * @place, a path as the messages write it, becomes the JSON @json; NULL
 * removes it; a member the object lacks is added at its end. */
typedef struct {
  const char *place;
  const char *json;
} Edit;

#define MAX_EDITS 4

/* A broken rule and its message. With edits, the case is the base with
 * them made (loaded from memory under the name NAME.json); without, it is
 * the file tests/data/bad/NAME.json: a syntax error's line and column, the
 * file's encoding or a CSV file beside it are part of what it tests. */
typedef struct {
  const char *name;
  const char *message;           /* the exact first message */
  guint       n_messages;        /* 0: just that one; else with what follows from it */
  Edit        edits[MAX_EDITS];
} BadCase;

static const BadCase bad_cases[] = {
  { "annotation-place-missing",
    "annotation-place-missing.json: $.annotations[0].place.dy: missing required member \"dy\"", 0,
    { { "$.annotations", "[{\"at\": {\"event\": \"e1\"}, \"text\": \"x\", \"place\": {\"dx\": 0.1}}]" } } },
  { "annotation-place-object",
    "annotation-place-object.json: $.annotations[0].place: expected an object", 0,
    { { "$.annotations", "[{\"at\": {\"event\": \"e1\"}, \"text\": \"x\", \"place\": [0.1, 0.2]}]" } } },
  { "annotation-place-range",
    "annotation-place-range.json: $.briefings[0].slides[0].annotations[0].place.dy: -1.5 is outside -1 to 1 (a fraction of the plot's size)", 0,
    { { "$.briefings[0].slides[0].annotations",
        "[{\"at\": {\"event\": \"e1\"}, \"text\": \"x\", \"place\": {\"dx\": 1, \"dy\": -1.5}}]" } } },
  { "annotation-place-type",
    "annotation-place-type.json: $.annotations[0].place.dx: expected a number", 0,
    { { "$.annotations", "[{\"at\": {\"event\": \"e1\"}, \"text\": \"x\", \"place\": {\"dx\": \"0.1\", \"dy\": 0}}]" } } },
  { "chain-no-stages",
    "chain-no-stages.json: $.supply_chains[0].stages: a chain needs at least one stage", 4,
    { { "$.supply_chains[0].stages", "[]" } } },
  { "chain-year-type",
    "chain-year-type.json: $.supply_chains[0].year: expected a number", 0,
    { { "$.supply_chains[0].year", "\"2024\"" } } },
  { "cite-empty-array",
    "cite-empty-array.json: $.shares[0].cite: expected a source id or a non-empty array of source ids", 0,
    { { "$.shares[0].cite", "[]" } } },
  { "cite-unknown-in-array",
    "cite-unknown-in-array.json: $.supply_chains[0].links[1].cite[1]: unknown source \"nope\"", 0,
    { { "$.supply_chains[0].links[1].cite", "[\"s1\", \"nope\"]" } } },
  { "cite-unknown",
    "cite-unknown.json: $.supply_chains[0].cite: unknown source \"nope\"", 0,
    { { "$.supply_chains[0].cite", "\"nope\"" } } },
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
    "date-feb-30.json: $.sources[1].date: invalid date \"2025-02-30\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", 0,
    { { "$.sources[1].date", "\"2025-02-30\"" } } },
  { "date-month-13",
    "date-month-13.json: $.events[0].date: invalid date \"2025-13\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", 0,
    { { "$.events[0].date", "\"2025-13\"" } } },
  { "date-short-month",
    "date-short-month.json: $.updated: invalid date \"2025-7\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", 0,
    { { "$.updated", "\"2025-7\"" } } },
  { "date-two-digits",
    "date-two-digits.json: $.prices[0].points[0][0]: invalid date \"25\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", 0,
    { { "$.prices[0].points[0][0]", "\"25\"" } } },
  { "duplicate-member",
    "duplicate-member.json:5:3: syntax error: duplicate member \"updated\" in one object" },
  { "duplicate-member-escaped",
    "duplicate-member-escaped.json:26:7: syntax error: duplicate member \"n\\\\u0061me\" in one object" },
  { "element-group",
    "element-group.json: $.elements[0].group: invalid group \"medium\" (expected light or heavy)", 0,
    { { "$.elements[0].group", "\"medium\"" } } },
  { "element-number-fraction",
    "element-number-fraction.json: $.elements[0].number: expected an integer", 0,
    { { "$.elements[0].number", "66.5" } } },
  /* An integer, but not one an int holds: said so, not "expected an integer". */
  { "element-number-range",
    "element-number-range.json: $.elements[0].number: the integer 2147483648 is out of range (-2147483648 to 2147483647)", 0,
    { { "$.elements[0].number", "2147483648" },
      { "$.supply_chains[0].links[0].value", "5" } } },
  { "element-number",
    "element-number.json: $.elements[0].number: invalid atomic number 250 (expected an integer from 1 to 200)", 0,
    { { "$.elements[0].number", "250" } } },
  { "empty",
    "empty.json: empty file (expected a JSON object)" },
  { "event-kind",
    "event-kind.json: $.events[0].kind: invalid kind \"rumour\" (expected policy, market, project, conflict or other)", 0,
    { { "$.events[0].kind", "\"rumour\"" } } },
  { "event-unknown-element",
    "event-unknown-element.json: $.events[0].elements[1]: unknown element \"Zz\"", 0,
    { { "$.events[0].elements", "[\"Dy\", \"Zz\"]" } } },
  { "format-missing",
    "format-missing.json: $.format: missing required member \"format\" (not a rare-earth-atlas/1 dataset?)", 0,
    { { "$.format", NULL } } },
  { "format-version",
    "format-version.json: $.format: unsupported format \"rare-earth-atlas/2\" (this program reads \"rare-earth-atlas/1\")", 0,
    { { "$.format", "\"rare-earth-atlas/2\"" } } },
  { "fx-duplicate-date",
    "fx-duplicate-date.json: $.fx[0].rates[2]: duplicate date \"2025\" (also at $.fx[0].rates[0])", 0,
    { { "$.fx[0].rates", "[[\"2025\", 7.2], [\"2024\", 7.1], [\"2025\", 7.3]]" } } },
  { "fx-rate-zero",
    "fx-rate-zero.json: $.fx[0].rates[1][1]: must be > 0, not 0", 0,
    { { "$.fx[0].rates", "[[\"2024\", 7.1], [\"2025\", 0]]" } } },
  { "fx-same-currency",
    "fx-same-currency.json: $.fx[0].per: a currency cannot be quoted in itself (\"CNY\")", 0,
    { { "$.fx[0].per", "\"CNY\"" } } },
  { "hostile-string",
    "hostile-string.json: $.sources[0].kind: invalid kind \"x\\nfake.json: $: forged\\u2028line\\x1b[31m\" (expected official, industry, news, analysis or estimate)", 0,
    { { "$.sources[0].kind", "\"x\\nfake.json: $: forged\\u2028line\\u001b[31m\"" } } },
  { "huge-integer",
    "huge-integer.json:81:20: syntax error: integer too large (write it with an exponent, such as 1e20)" },
  /* Numbers the charts cannot draw: sums overflow, axes divide by zero. */
  { "huge-value",
    "huge-value.json: $.supply_chains[0].links[0].value: 1e+307 is outside the numbers a dataset may hold (zero, or 1e-12 to 1e15 either side of it)", 0,
    { { "$.supply_chains[0].links[0].value", "1e+307" } } },
  { "id-duplicate",
    "id-duplicate.json: $.regions[1].id: duplicate id \"CN\" (first at $.regions[0])", 3,
    { { "$.regions[1].id", "\"CN\"" } } },
  { "id-invalid",
    "id-invalid.json: $.regions[1].id: invalid id \"U S\" (use letters, digits, '-', '_', '.' and ':')", 3,
    { { "$.regions[1].id", "\"U S\"" } } },
  { "infinite-number",
    "infinite-number.json: $.supply_chains[0].links[0].value: not a finite number" },
  { "invalid-utf8",
    "invalid-utf8.json:3:17: invalid UTF-8 at byte offset 52" },
  { "item-not-object",
    "item-not-object.json: $.supply_chains[0].stages[0]: expected an object", 3,
    { { "$.supply_chains[0].stages", "[\"x\", {\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"b\", \"name\": \"B\"}]" },
      { "$.supply_chains[0].nodes", "[42, {\"id\": \"a:CN\", \"stage\": \"a\", \"region\": \"CN\"}, {\"id\": \"a:US\", \"stage\": \"a\", \"region\": \"US\"}, {\"id\": \"b:CN\", \"stage\": \"b\", \"region\": \"CN\"}]" },
      { "$.supply_chains[0].links", "[{\"from\": \"a:CN\", \"to\": \"b:CN\", \"value\": 10}, {\"from\": \"a:US\", \"to\": \"b:CN\", \"value\": 5}, {\"from\": \"a:US\", \"to\": \"a:CN\", \"value\": 1}]" } } },
  { "link-estimate-type",
    "link-estimate-type.json: $.supply_chains[0].links[0].estimate: expected true or false", 0,
    { { "$.supply_chains[0].links[0].estimate", "\"yes\"" } } },
  { "link-negative",
    "link-negative.json: $.supply_chains[0].links[1].value: must be >= 0, not -5", 0,
    { { "$.supply_chains[0].links[1].value", "-5" } } },
  { "link-no-cite",
    "link-no-cite.json: $.supply_chains[0].links[0].cite: missing required member \"cite\" (the chain has no cite of its own)", 2,
    { { "$.supply_chains[0].cite", NULL } } },
  { "link-same-stage",
    "link-same-stage.json: $.supply_chains[0].links[1]: link within one stage: \"a:US\" and \"a:CN\" are both in stage \"a\"", 0,
    { { "$.supply_chains[0].links[1].to", "\"a:CN\"" } } },
  { "link-self",
    "link-self.json: $.supply_chains[0].links[0]: link from node \"a:CN\" to itself", 0,
    { { "$.supply_chains[0].links[0].to", "\"a:CN\"" } } },
  { "link-unknown-node",
    "link-unknown-node.json: $.supply_chains[0].links[1].to: unknown node \"ref:XX\"" },
  { "link-value-type",
    "link-value-type.json: $.supply_chains[0].links[0].value: expected a number", 0,
    { { "$.supply_chains[0].links[0].value", "\"10\"" } } },
  { "node-duplicate",
    "node-duplicate.json: $.supply_chains[0].nodes[2].id: duplicate id \"a:CN\" (first at $.supply_chains[0].nodes[0])", 3,
    { { "$.supply_chains[0].nodes[2].id", "\"a:CN\"" } } },
  { "node-no-label",
    "node-no-label.json: $.supply_chains[0].nodes[0]: a node needs \"region\" or \"name\" (or both)", 0,
    { { "$.supply_chains[0].nodes[0].region", NULL } } },
  { "node-unknown-region",
    "node-unknown-region.json: $.supply_chains[0].nodes[1].region: unknown region \"XX\"", 0,
    { { "$.supply_chains[0].nodes[1].region", "\"XX\"" } } },
  { "node-unknown-stage",
    "node-unknown-stage.json: $.supply_chains[0].nodes[2].stage: unknown stage \"c\"", 0,
    { { "$.supply_chains[0].nodes[2].stage", "\"c\"" } } },
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
    "not-object.json: $: expected an object (a dataset is a JSON object)", 0,
    { { "$", "[1, 2, 3]" } } },
  { "nothing-to-draw",
    "nothing-to-draw.json: $: nothing to draw: supply_chains, shares and prices are all empty or absent", 0,
    { { "$.supply_chains", NULL },
      { "$.shares", NULL },
      { "$.prices", NULL },
      { "$.briefings", NULL } } },
  { "price-currency",
    "price-currency.json: $.prices[0].currency: invalid currency \"usd\" (expected an ISO 4217 code of three uppercase letters, such as \"USD\")", 0,
    { { "$.prices[0].currency", "\"usd\"" } } },
  { "price-duplicate-date",
    "price-duplicate-date.json: $.prices[0].points[2]: duplicate date \"2024\" (also at $.prices[0].points[0])", 0,
    { { "$.prices[0].points", "[[\"2024\", 300], [\"2025\", 800], [\"2024\", 310]]" } } },
  { "price-no-points",
    "price-no-points.json: $.prices[0]: a series needs \"points\" or \"points_csv\" (or both)", 0,
    { { "$.prices[0].points", NULL } } },
  { "price-object-both",
    "price-object-both.json: $.prices[0].points[1]: a point has either \"value\" or \"low\" and \"high\", not both", 0,
    { { "$.prices[0].points[1]", "{\"date\": \"2025\", \"value\": 5, \"low\": 4, \"high\": 6}" } } },
  { "price-point-shape",
    "price-point-shape.json: $.prices[0].points[1]: expected a point: [date, value], [date, low, high], or an object with \"date\" and \"value\" or \"low\" and \"high\"", 0,
    { { "$.prices[0].points[1]", "[\"2025\"]" } } },
  { "price-range-inverted",
    "price-range-inverted.json: $.prices[0].points[1]: low 500 is greater than high 300", 0,
    { { "$.prices[0].points[1]", "[\"2025\", 500, 300]" } } },
  { "price-same-day",
    "price-same-day.json: $.prices[0].points[2]: duplicate date \"2024-01-01\" (the same day as \"2024\" at $.prices[0].points[0])", 0,
    { { "$.prices[0].points", "[[\"2024\", 300], [\"2025\", 800], [\"2024-01-01\", 310]]" } } },
  { "price-unit",
    "price-unit.json: $.prices[0].unit: invalid unit \"g\" (expected kg, t or lb)", 0,
    { { "$.prices[0].unit", "\"g\"" } } },
  { "price-unknown-element",
    "price-unknown-element.json: $.prices[0].element: unknown element \"Xx\"", 0,
    { { "$.prices[0].element", "\"Xx\"" } } },
  { "price-zero",
    "price-zero.json: $.prices[0].points[1][1]: must be > 0, not 0", 0,
    { { "$.prices[0].points[1][1]", "0" } } },
  { "region-color",
    "region-color.json: $.regions[1].color: invalid color \"red\" (expected #rrggbb)", 0,
    { { "$.regions[1].color", "\"red\"" } } },
  { "several-problems",
    "several-problems.json: $.sources[0].kind: invalid kind \"blog\" (expected official, industry, news, analysis or estimate)", 4 },
  { "share-duplicate-region",
    "share-duplicate-region.json: $.shares[0].parts[1].region: region \"CN\" appears twice in one share (first at $.shares[0].parts[0])", 0,
    { { "$.shares[0].parts[1].region", "\"CN\"" } } },
  { "share-identical",
    "share-identical.json: $.shares[1]: same metric, year, group and sources as $.shares[0] (alternative figures need different sources)", 0,
    { { "$.shares", "[{\"id\": \"sh1\", \"metric\": \"Mining\", \"year\": 2024, \"unit\": \"%\", \"cite\": \"s1\", \"parts\": [{\"region\": \"CN\", \"value\": 70}, {\"region\": \"US\", \"value\": 10}], \"total\": 100}, {\"id\": \"sh2\", \"metric\": \"Mining\", \"year\": 2024, \"unit\": \"%\", \"cite\": \"s1\", \"parts\": [{\"region\": \"CN\", \"value\": 60}, {\"region\": \"US\", \"value\": 10}], \"total\": 100}]" } } },
  { "share-identical-alternatives",
    "share-identical-alternatives.json: $.shares[2]: same metric, year, group and sources as $.shares[1] (alternative figures need different sources)", 0,
    { { "$.shares", "[{\"id\": \"sh1\", \"metric\": \"Mining\", \"year\": 2024, \"unit\": \"%\", \"cite\": \"s1\", \"parts\": [{\"region\": \"CN\", \"value\": 70}, {\"region\": \"US\", \"value\": 10}], \"total\": 100}, {\"id\": \"alt1\", \"metric\": \"Mining\", \"year\": 2024, \"unit\": \"%\", \"cite\": \"s2\", \"parts\": [{\"region\": \"CN\", \"value\": 70}, {\"region\": \"US\", \"value\": 10}], \"total\": 100}, {\"id\": \"alt2\", \"metric\": \"Mining\", \"year\": 2024, \"unit\": \"%\", \"cite\": \"s2\", \"parts\": [{\"region\": \"CN\", \"value\": 70}, {\"region\": \"US\", \"value\": 10}], \"total\": 100}]" } } },
  { "share-negative",
    "share-negative.json: $.shares[0].parts[0].value: must be >= 0, not -1", 0,
    { { "$.shares[0].parts[0].value", "-1" } } },
  { "share-total-too-small",
    "share-total-too-small.json: $.shares[0].total: total 50 is less than the sum of the parts (80)", 0,
    { { "$.shares[0].total", "50" } } },
  { "share-unknown-region",
    "share-unknown-region.json: $.shares[0].parts[1].region: unknown region \"XX\"", 0,
    { { "$.shares[0].parts[1].region", "\"XX\"" } } },
  { "slide-date",
    "slide-date.json: $.briefings[0].slides[0].from: invalid date \"2025-13\" (expected YYYY, YYYY-MM or YYYY-MM-DD)", 0,
    { { "$.briefings[0].slides[0].view", "\"prices\"" },
      { "$.briefings[0].slides[0].chain", NULL },
      { "$.briefings[0].slides[0].from", "\"2025-13\"" } } },
  { "slide-from-after-to",
    "slide-from-after-to.json: $.briefings[0].slides[0].to: \"to\" (2020) is before \"from\" (2025)", 0,
    { { "$.briefings[0].slides[0].view", "\"prices\"" },
      { "$.briefings[0].slides[0].chain", NULL },
      { "$.briefings[0].slides[0].from", "\"2025\"" },
      { "$.briefings[0].slides[0].to", "\"2020\"" } } },
  { "slide-group",
    "slide-group.json: $.briefings[0].slides[0].group: unknown share or share group \"g9\"", 0,
    { { "$.briefings[0].slides[0].view", "\"shares\"" },
      { "$.briefings[0].slides[0].chain", NULL },
      { "$.briefings[0].slides[0].group", "\"g9\"" } } },
  { "slide-unit",
    "slide-unit.json: $.briefings[0].slides[0].unit: invalid unit \"oz\" (expected kg, t or lb)", 0,
    { { "$.briefings[0].slides[0].view", "\"prices\"" },
      { "$.briefings[0].slides[0].chain", NULL },
      { "$.briefings[0].slides[0].series", "[\"p1\"]" },
      { "$.briefings[0].slides[0].unit", "\"oz\"" } } },
  /* A slide's id is what the window keeps it by across saves. */
  { "slide-id-duplicate",
    "slide-id-duplicate.json: $.briefings[0].slides[1].id: duplicate id \"opening\" (first at $.briefings[0].slides[0])", 0,
    { { "$.briefings[0].slides", "[{\"id\": \"opening\", \"view\": \"flows\", \"chain\": \"c1\"}, {\"id\": \"opening\", \"view\": \"shares\"}]" } } },
  { "slide-kind",
    "slide-kind.json: $.briefings[0].slides[0].kinds[1]: unknown event kind \"gossip\"", 0,
    { { "$.briefings[0].slides[0].view", "\"timeline\"" },
      { "$.briefings[0].slides[0].chain", NULL },
      { "$.briefings[0].slides[0].kinds", "[\"policy\", \"gossip\"]" } } },
  /* --check passed it, then --export=briefing failed at the slide. */
  { "slide-nothing-to-draw",
    "slide-nothing-to-draw.json: $.briefings[0].slides[1]: a timeline slide needs events, and the dataset has none", 0,
    { { "$.supply_chains[0].links[0].value", "5" },
      { "$.events", NULL },
      { "$.briefings[0].slides", "[{\"view\": \"flows\", \"chain\": \"c1\"}, {\"view\": \"timeline\"}]" } } },
  { "slide-keep-order-type",
    "slide-keep-order-type.json: $.briefings[0].slides[0].keep_order: expected true or false", 0,
    { { "$.briefings[0].slides[0].keep_order", "\"yes\"" } } },
  { "slide-keep-order-view",
    "slide-keep-order-view.json: $.briefings[0].slides[0].keep_order: \"keep_order\" applies to flows slides only", 0,
    { { "$.briefings[0].slides[0].view", "\"prices\"" },
      { "$.briefings[0].slides[0].chain", NULL },
      { "$.briefings[0].slides[0].keep_order", "true" } } },
  { "slide-node-offset-node",
    "slide-node-offset-node.json: $.briefings[0].slides[0].node_offsets: unknown node \"x:CN\" in chain \"c1\"", 0,
    { { "$.briefings[0].slides[0].node_offsets", "{\"a:CN\": 0.1, \"x:CN\": 0.2}" } } },
  { "slide-node-offset-range",
    "slide-node-offset-range.json: $.briefings[0].slides[0].node_offsets.a:US: a node offset is a fraction of the diagram's height, from -1 to 1, not -1.5", 0,
    { { "$.briefings[0].slides[0].node_offsets", "{\"a:CN\": 1, \"a:US\": -1.5}" } } },
  { "slide-node-offset-type",
    "slide-node-offset-type.json: $.briefings[0].slides[0].node_offsets.a:CN: expected a number", 0,
    { { "$.briefings[0].slides[0].node_offsets", "{\"a:CN\": \"down\"}" } } },
  { "slide-node-offsets-object",
    "slide-node-offsets-object.json: $.briefings[0].slides[0].node_offsets: expected an object", 0,
    { { "$.briefings[0].slides[0].node_offsets", "[0.1]" } } },
  { "slide-node-offsets-view",
    "slide-node-offsets-view.json: $.briefings[0].slides[0].node_offsets: \"node_offsets\" applies to flows slides only", 0,
    { { "$.briefings[0].slides[0].view", "\"timeline\"" },
      { "$.briefings[0].slides[0].chain", NULL },
      { "$.briefings[0].slides[0].node_offsets", "{\"x:CN\": 5}" } } },
  { "slide-scale",
    "slide-scale.json: $.briefings[0].slides[0].scale: invalid scale \"logarithmic\" (expected linear or log)", 0,
    { { "$.briefings[0].slides[0].scale", "\"logarithmic\"" } } },
  { "slide-select-event",
    "slide-select-event.json: $.briefings[0].slides[0].select: unknown event \"p1\"", 0,
    { { "$.briefings[0].slides[0].view", "\"timeline\"" },
      { "$.briefings[0].slides[0].chain", NULL },
      { "$.briefings[0].slides[0].select", "\"p1\"" } } },
  { "slide-select-node",
    "slide-select-node.json: $.briefings[0].slides[0].select: unknown node \"b:US\" in chain \"c1\"", 0,
    { { "$.briefings[0].slides[0].select", "\"b:US\"" } } },
  { "slide-select-share",
    "slide-select-share.json: $.briefings[0].slides[0].select: unknown share \"sh9\"", 0,
    { { "$.briefings[0].slides[0].view", "\"shares\"" },
      { "$.briefings[0].slides[0].chain", NULL },
      { "$.briefings[0].slides[0].group", "\"sh1\"" },
      { "$.briefings[0].slides[0].select", "\"sh9\"" } } },
  { "slide-series",
    "slide-series.json: $.briefings[0].slides[0].series[1]: unknown series \"p9\"", 0,
    { { "$.briefings[0].slides[0].view", "\"prices\"" },
      { "$.briefings[0].slides[0].chain", NULL },
      { "$.briefings[0].slides[0].series", "[\"p1\", \"p9\"]" } } },
  { "slide-show-events-view",
    "slide-show-events-view.json: $.briefings[0].slides[0].show_events: \"show_events\" applies to prices slides only", 0,
    { { "$.briefings[0].slides[0].show_events", "false" } } },
  { "slide-unknown-chain",
    "slide-unknown-chain.json: $.briefings[0].slides[0].chain: unknown supply chain \"c9\"", 0,
    { { "$.briefings[0].slides[0].chain", "\"c9\"" } } },
  { "slide-view",
    "slide-view.json: $.briefings[0].slides[0].view: invalid view \"globe\" (expected flows, shares, prices, timeline or map)", 0,
    { { "$.briefings[0].slides[0].view", "\"globe\"" } } },
  { "source-kind",
    "source-kind.json: $.sources[0].kind: invalid kind \"blog\" (expected official, industry, news, analysis or estimate)", 0,
    { { "$.sources[0].kind", "\"blog\"" } } },
  { "source-missing-publisher",
    "source-missing-publisher.json: $.sources[1].publisher: missing required member \"publisher\"", 0,
    { { "$.sources[1].publisher", NULL } } },
  { "source-publisher-empty-object",
    "source-publisher-empty-object.json: $.sources[0].publisher: expected text (a string or an object of language tags to strings)", 0,
    { { "$.sources[0].publisher", "{}" } } },
  { "source-publisher-member-type",
    "source-publisher-member-type.json: $.sources[1].publisher: expected text (a string or an object of language tags to strings)", 0,
    { { "$.sources[1].publisher", "{\"en\": \"Q\", \"zh\": 5}" } } },
  { "source-publisher-type",
    "source-publisher-type.json: $.sources[0].publisher: expected text (a string or an object of language tags to strings)", 0,
    { { "$.sources[0].publisher", "[\"P\"]" } } },
  { "stage-duplicate",
    "stage-duplicate.json: $.supply_chains[0].stages[1].id: duplicate id \"a\" (first at $.supply_chains[0].stages[0])", 2,
    { { "$.supply_chains[0].stages[1].id", "\"a\"" } } },
  { "syntax-missing-comma",
    "syntax-missing-comma.json:4:3: syntax error: expected ',' or '}'" },
  { "text-empty-object",
    "text-empty-object.json: $.regions[1].name: expected text (a string or an object of language tags to strings)", 0,
    { { "$.regions[1].name.en", NULL } } },
  { "text-wrong-type",
    "text-wrong-type.json: $.regions[0].name: expected text (a string or an object of language tags to strings)", 0,
    { { "$.regions[0].name", "5" } } },
  { "tiny-price",
    "tiny-price.json: $.prices[0].points[0][1]: 4.94065645841247e-324 is outside the numbers a dataset may hold (zero, or 1e-12 to 1e15 either side of it)", 0,
    { { "$.supply_chains[0].links[0].value", "20" },
      { "$.prices[0].points[0][1]", "5e-324" } } },
  { "title-missing",
    "title-missing.json: $.title: missing required member \"title\"", 0,
    { { "$.title", NULL } } },
  { "trailing-data",
    "trailing-data.json:166:1: syntax error: expected the end of the file after the top-level value" },
  { "truncated",
    "truncated.json:78:3: syntax error: unexpected end of file (expected a value or ']')" },
  { "url-file",
    "url-file.json: $.sources[1].url: invalid url \"file:///etc/passwd\" (only http:// and https:// addresses with a host are allowed)", 0,
    { { "$.sources[1].url", "\"file:///etc/passwd\"" } } },
  { "url-javascript",
    "url-javascript.json: $.sources[1].url: invalid url \"javascript:alert(1)\" (only http:// and https:// addresses with a host are allowed)", 0,
    { { "$.sources[1].url", "\"javascript:alert(1)\"" } } },
  { "url-no-host",
    "url-no-host.json: $.sources[1].url: invalid url \"https:///path\" (only http:// and https:// addresses with a host are allowed)", 0,
    { { "$.sources[1].url", "\"https:///path\"" } } },
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

/* @node with the value at @place (the rest of a path: ".member", "[3]" and
 * so on, or "" for @node itself) replaced by a copy of @value, or removed
 * when @value is NULL; a new tree, @node untouched. NULL: removed. */
static JsonNode *
with_edit (JsonNode *node, const char *place, JsonNode *value)
{
  if (*place == '\0')
    return value != NULL ? json_node_copy (value) : NULL;

  if (*place == '.')
    {
      const char *end = place + 1 + strcspn (place + 1, ".[");
      g_autofree char *name = g_strndup (place + 1, end - place - 1);
      JsonObject *object = json_node_get_object (node);
      g_autoptr(JsonObject) copy = json_object_new ();
      g_autoptr(GList) members = NULL;
      JsonNode *result = json_node_new (JSON_NODE_OBJECT);

      g_assert_nonnull (object);
      members = json_object_get_members (object);
      for (GList *m = members; m != NULL; m = m->next)
        {
          JsonNode *child = json_object_get_member (object, m->data);
          JsonNode *edited = g_str_equal (m->data, name) ? with_edit (child, end, value) : json_node_copy (child);

          if (edited != NULL)
            json_object_set_member (copy, m->data, edited);
        }
      if (!json_object_has_member (object, name))
        {
          g_assert_cmpstr (end, ==, "");
          g_assert_nonnull (value);
          json_object_set_member (copy, name, json_node_copy (value));
        }
      json_node_set_object (result, copy);
      return result;
    }

  g_assert_cmpint (*place, ==, '[');
  {
    char *end = NULL;
    guint64 index = g_ascii_strtoull (place + 1, &end, 10);
    JsonArray *array = json_node_get_array (node);
    g_autoptr(JsonArray) copy = json_array_new ();
    JsonNode *result = json_node_new (JSON_NODE_ARRAY);

    g_assert_nonnull (array);
    g_assert_cmpint (*end, ==, ']');
    g_assert_cmpuint (index, <, json_array_get_length (array));
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *child = json_array_get_element (array, i);
        JsonNode *edited = i == index ? with_edit (child, end + 1, value) : json_node_copy (child);

        if (edited != NULL)
          json_array_add_element (copy, edited);
      }
    json_node_set_array (result, copy);
    return result;
  }
}

/* The base dataset with @bad's edits made, as JSON text. */
static char *
edited_base (const BadCase *bad, gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "base.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_copy (json_parser_get_root (parser));
  for (guint i = 0; i < MAX_EDITS && bad->edits[i].place != NULL; i++)
    {
      const Edit *edit = &bad->edits[i];
      g_autoptr(JsonNode) value = NULL;
      JsonNode *edited;

      g_assert_true (g_str_has_prefix (edit->place, "$"));
      if (edit->json != NULL)
        {
          value = json_from_string (edit->json, &error);
          g_assert_no_error (error);
        }
      edited = with_edit (root, edit->place + 1, value);
      json_node_unref (root);
      root = edited;
    }
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  json_node_unref (root);
  return json_generator_to_data (generator, length);
}

/* @bad's dataset loaded (the file, or the edited base under its name),
 * collecting up to @max_messages problems. */
static AtlasDataset *
load_bad (const BadCase *bad, guint max_messages, char ***messages, GError **error)
{
  g_autofree char *file = g_strconcat (bad->name, ".json", NULL);
  g_autofree char *text = NULL;
  gsize length;

  if (bad->edits[0].place == NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", file, NULL);

      return atlas_dataset_load_file (path, max_messages, messages, error);
    }
  text = edited_base (bad, &length);
  return atlas_dataset_load_data (text, length, file, NULL, max_messages, messages, error);
}

/* The base the edited cases break is itself good: each message comes from
 * its edit alone. */
static void
test_base_is_good (void)
{
  static const BadCase unedited = { "base", NULL, 0, { { "$.title", "\"Base\"" } } };
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasDataset) dataset = load_bad (&unedited, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;

  /* First problem only. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AtlasDataset) dataset = load_bad (bad, 0, NULL, &error);

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
    g_autoptr(AtlasDataset) dataset = load_bad (bad, 100, &messages, &error);

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
  g_test_add_func ("/bad-datasets/base-is-good", test_base_is_good);
  g_test_add_func ("/bad-datasets/generated/deep-nesting", test_deep_nesting);
  g_test_add_func ("/bad-datasets/generated/bytes", test_bytes);
  g_test_add_func ("/bad-datasets/generated/long-string-is-cut", test_long_string_is_cut);

  return g_test_run ();
}
