/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sc-chart-layout.h"

G_BEGIN_DECLS

/* A context for the chart's text on @font_map, the same for measuring and
 * drawing (never updated from a cairo_t: see sc-chart-text.c). @lang as
 * in ScChartModel. (transfer full) */
PangoContext *sc_chart_text_context_new (PangoFontMap      *font_map,
                                         const char        *lang);
/* TRUE when @lang (as in ScChartModel, or a locale name) is Chinese. */
static inline gboolean
sc_chart_lang_is_zh (const char *lang)
{
  return lang != NULL && g_str_has_prefix (lang, "zh");
}
/*
 * Every text is laid out at one size per weight, this one, and drawn scaled
 * to its own: Pango sorts the system's fonts with fontconfig once per font
 * description, size included (0.6–1 ms each, five sizes a chart), and with
 * unhinted metrics and unrounded positions a layout at any size is this one
 * scaled. Extents and positions of @text's layout times
 * sc_chart_text_scale() are the chart's.
 */
#define SC_CHART_TEXT_REF_SIZE 32.0

/* What sc_chart_line_height() measures a line of any text by: a digit, a
 * capital, a descender and a Han character, so that a line of Latin text
 * is as high as one with Chinese in it. The font warm-up
 * (sc-chart-fonts.c) loads the fonts it needs. */
#define SC_CHART_LINE_HEIGHT_SAMPLE "0Ag国"

static inline double
sc_chart_text_scale (const ScChartText *text)
{
  /* To the size a font description holds, whole Pango units, as the
   * text's own size would have been set. */
  return (double) (int) (text->size * PANGO_SCALE) / (SC_CHART_TEXT_REF_SIZE * PANGO_SCALE);
}

/* Sets @pl up for @text exactly as the layout measured it: at
 * SC_CHART_TEXT_REF_SIZE, wrapped to its width divided by its scale. */
void  sc_chart_text_apply        (PangoLayout       *pl,
                                  const ScChartText *text);
/* @text's Pango layout as the layout measured it, already laid out; else
 * @scratch set up by sc_chart_text_apply(). (transfer none) */
PangoLayout *sc_chart_text_layout (const ScChartText *text,
                                   PangoLayout       *scratch);

/*
 * The text of a layout for a PDF or an SVG, with each font cut down to the
 * glyphs the chart shows (sc-chart-subset.c). Made after the layout, before
 * the drawing; freed any time after. (transfer full)
 */
typedef struct _ScChartSubset ScChartSubset;

ScChartSubset *sc_chart_subset_new       (const ScChartModel  *model,
                                          const ScChartLayout *layout);
void           sc_chart_subset_free      (ScChartSubset       *subset);
/* Draws text @index of the layout with its top-left Pango origin at @x, @y,
 * in units of its layout (cairo scaled to the text's size by the caller);
 * FALSE when @subset has no such text. */
gboolean       sc_chart_subset_show_text (ScChartSubset       *subset,
                                          cairo_t             *cr,
                                          guint                index,
                                          double               x,
                                          double               y);
/* The visible text of @layout as an SVG group of <text> elements, one a
 * line, the font named (sc-chart-svg-text.c). (transfer full) */
char          *sc_chart_svg_text         (const ScChartModel  *model,
                                          const ScChartLayout *layout);
/*
 * The visible text of @layout as SVG outlines: a <defs> of each glyph's
 * outline once, in its font's units, then a group a run of <use> of them at
 * Pango's positions, scaled to the size (sc-chart-subset.c). Drawn over the
 * shapes, as the chart draws its text last. NULL when a text needs what
 * only cairo draws (a synthetic or slanted font, a missing glyph's box):
 * then draw through sc_chart_subset_new(). (transfer full, nullable)
 */
char          *sc_chart_svg_glyphs       (const ScChartModel  *model,
                                          const ScChartLayout *layout);
/* The colour @t is drawn in, as "#rrggbb" in @out. */
void           sc_chart_text_fill        (const ScChartLayout *layout,
                                          const ScChartText   *t,
                                          char                 out[8]);
/* sc_chart_draw_layout(), the text through @subset when not NULL. */
void           sc_chart_draw_layout_full (const ScChartModel  *model,
                                          const ScChartLayout *layout,
                                          cairo_t             *cr,
                                          ScChartSubset       *subset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartSubset, sc_chart_subset_free)

G_END_DECLS
