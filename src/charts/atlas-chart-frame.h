/* atlas-chart-frame.h: what every chart shares: type sizes, text measuring, the figure's
 * title, subtitle, legend and sources footer, and a placer that keeps labels apart. */
#pragma once

#include "atlas-chart.h"
#include "atlas-scene.h"

G_BEGIN_DECLS

typedef enum {
  ATLAS_FONT_TITLE,
  ATLAS_FONT_SUBTITLE,
  ATLAS_FONT_LABEL,      /* node names, bar labels, legend */
  ATLAS_FONT_SMALL,      /* axis ticks, value labels, footer */
} AtlasFontRole;

/* The type size for @role in this scene: grows with the figure's size and
 * the style's font_scale, never below a readable minimum. */
double atlas_scene_font_size (const AtlasScene *scene, AtlasFontRole role);

/* Measures plain text (never markup) in the scene's font. With @wrap_width
 * > 0 the text is wrapped at that width. */
/* The narrowest width at which @text still takes as many lines as at
 * @wrap_width: its lines come out even, and a wrapped name never leaves a
 * word, a closing bracket or a last Han character or two alone on its last
 * line ("(and other" / "products)", not "…(and other products" / ")"). */
double atlas_scene_balanced_wrap (const AtlasScene *scene,
                                  const char       *text,
                                  double            font_size,
                                  gboolean          bold,
                                  double            wrap_width);

void   atlas_scene_measure_text (const AtlasScene *scene,
                                 const char       *text,
                                 double            font_size,
                                 gboolean          bold,
                                 double            wrap_width,
                                 double           *width,
                                 double           *height);

/* Adds plain @text wrapped at @width with its top-left at @x, @y; the
 * shape's height is what the wrapped text needs. */
AtlasShape *atlas_scene_add_wrapped_text (AtlasScene       *scene,
                                          const char       *text,
                                          double            x,
                                          double            y,
                                          double            width,
                                          double            font_size,
                                          gboolean          bold,
                                          const AtlasColor *color);

/* Shortens @text with an ellipsis so it fits @max_width; returns a new
 * string, or NULL when not even one character and the ellipsis fit. */
char  *atlas_scene_ellipsize (const AtlasScene *scene,
                              const char       *text,
                              double            font_size,
                              gboolean          bold,
                              double            max_width);

typedef struct {
  char       *label;
  AtlasColor  color;
  gboolean    hatched;     /* an estimate swatch */
  gboolean    line;        /* a line swatch (price series) instead of a box */
  AtlasItem   item;        /* what clicking the entry selects; NONE for none */
} AtlasLegendEntry;

typedef struct {
  const char *title;        /* plain text; required */
  const char *headline;     /* options->title: replaces @title, which moves to the subtitle */
  const char *subtitle;     /* or NULL */
  GPtrArray  *sources;      /* const AtlasSource* cited by what is drawn, deduplicated */
  const char *footer_note;  /* extra footer sentence (e.g. points left out), or NULL */
  GArray     *legend;       /* AtlasLegendEntry, or NULL for no legend */
} AtlasFrameSpec;

/* Adds the title, subtitle, legend (a wrapping row under the titles) and
 * the footer ("Sources: ...; Data: <dataset date>") to @scene, and sets
 * scene->plot to the area left for the plot, with a margin.  Sets
 * scene->title.  Long footers wrap, then are ellipsized; they never
 * overlap the plot. */
void   atlas_chart_frame_layout (AtlasScene *scene, const AtlasFrameSpec *spec);

/* Helpers for building a frame spec: adds @cite's sources to @sources
 * (a GPtrArray of const AtlasSource*), skipping ones already there. */
void   atlas_frame_add_cite (GPtrArray *sources, AtlasDataset *dataset, const char * const *cite);
/* The sources a share bar draws on (its own and its parts'), and those of
 * a supply chain (its own and its links'), added as atlas_frame_add_cite(). */
void   atlas_frame_add_share_cites (GPtrArray *sources, AtlasDataset *dataset, const AtlasShare *share);
void   atlas_frame_add_chain_cites (GPtrArray *sources, AtlasDataset *dataset, const AtlasChain *chain);
void   atlas_legend_entry_clear (AtlasLegendEntry *entry);

/* Keeps label boxes apart: each accepted box is reserved, and a box that
 * overlaps a reserved one or leaves the bounds is refused. */
typedef struct _AtlasLabelPlacer AtlasLabelPlacer;

AtlasLabelPlacer *atlas_label_placer_new     (const AtlasRect *bounds);
void              atlas_label_placer_free    (AtlasLabelPlacer *placer);
/* Reserves @box if it is inside the bounds and free; returns whether it did. */
gboolean          atlas_label_placer_try     (AtlasLabelPlacer *placer, const AtlasRect *box);
/* Reserves @box unconditionally (an obstacle such as a node or a bar). */
void              atlas_label_placer_reserve (AtlasLabelPlacer *placer, const AtlasRect *box);
gboolean          atlas_label_placer_is_free (const AtlasLabelPlacer *placer, const AtlasRect *box);
/* Frees the room of a box reserved earlier, exactly as given then (a
 * label about to be moved); FALSE when no such box is reserved. */
gboolean          atlas_label_placer_release (AtlasLabelPlacer *placer, const AtlasRect *box);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasLabelPlacer, atlas_label_placer_free)

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
