/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atlas-format.h: numbers, percentages and punctuation as a chart writes them, in the language asked for. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Punctuation that joins the charts' own sentences and lists, in the
 * chart's language: a Chinese figure takes full-width marks (「；」「。」
 * 「：」「，」「、」), an English one ASCII marks and a space. */
const char *atlas_punct_list_separator   (void);   /* "; " between items of a list of phrases */
const char *atlas_punct_names_separator  (void);   /* ", " between names */
const char *atlas_punct_phrase_separator (void);   /* ", " between parts of one label */
const char *atlas_punct_label_separator  (void);   /* ": " after a label */
const char *atlas_punct_full_stop        (void);   /* "." ending a sentence */
/* Appends @sentence to @text, after a space unless @text is empty or ends
 * in a full-width mark (Chinese puts no space between sentences). */
void        atlas_append_sentence        (GString *text, const char *sentence);

/* Formats a number for a label: "270,000", "92.5", "0.13" (thousands
 * separated, at most @max_decimals decimals, trailing zeros dropped). */
char  *atlas_format_number (double value, int max_decimals);
/* Formats a number for a machine to read: "270000", "-92.5", "0.13"; a
 * decimal point whatever the locale, no grouping, no exponent, trailing
 * zeros dropped, "" when not finite.  A negative @max_decimals writes the
 * shortest text that reads back as the same double (a dataset's figure,
 * every digit of it and none invented: 0.1234567890123456, 1e23 as
 * "100000000000000000000000", 5e-324 with its 323 zeros); a figure the
 * chart computed is given its decimals, so arithmetic noise is left out. */
char  *atlas_format_plain_number (double value, int max_decimals);
/* The shortest text that reads back as @value, for JSON: "0.5", "1e+20",
 * "-3"; "null" when not finite, which JSON cannot write. */
char  *atlas_format_json_number (double value);
/* The decimals that show @digits significant digits of @value (0..40). */
int    atlas_decimals_for_digits (double value, int digits);
/* "-1234567.5" -> "-1,234,567.5": groups the integer digits of a plain number. */
char  *atlas_group_digits (const char *number);
/* "92 %" style share of a whole, from a fraction 0..1. */
char  *atlas_format_percent (double fraction);

G_END_DECLS
