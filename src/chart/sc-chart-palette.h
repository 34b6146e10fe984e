/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-chart-model.h"

G_BEGIN_DECLS

/*
 * The one color table of every chart. Series colors follow Paul Tol's
 * color-blind-safe schemes, ordered so that neighbouring series also differ
 * in lightness (they stay apart in greyscale); hatching patterns cover the
 * rest when printing in grey.
 */

typedef struct
{
  double r, g, b;
} ScChartRgb;

typedef enum
{
  SC_CHART_INK_BACKGROUND,
  SC_CHART_INK_TEXT,           /* title, labels */
  SC_CHART_INK_TEXT_SECONDARY, /* subtitle, ticks, footnote */
  SC_CHART_INK_GRID,           /* light gridlines */
  SC_CHART_INK_AXIS,           /* zero line, axis */
  SC_CHART_INK_MARKER,         /* "today", crossovers */
  SC_CHART_N_INKS
} ScChartInk;

typedef enum
{
  SC_CHART_HATCH_NONE,
  SC_CHART_HATCH_DIAGONAL,
  SC_CHART_HATCH_CROSS,
  SC_CHART_HATCH_DOTS,
  SC_CHART_HATCH_HORIZONTAL,
} ScChartHatch;

ScChartRgb    sc_chart_palette_series    (guint              index,
                                          gboolean           dark);
ScChartRgb    sc_chart_palette_status    (ScChartSpanStatus  status,
                                          gboolean           dark);
ScChartRgb    sc_chart_palette_ink       (ScChartInk         ink,
                                          gboolean           dark);
ScChartHatch  sc_chart_palette_hatch     (guint              index);
/* Black or white, whichever reads better on @fill. */
ScChartRgb    sc_chart_palette_text_on   (ScChartRgb         fill);
/* WCAG relative luminance 0–1. */
double        sc_chart_palette_luminance (ScChartRgb         color);

G_END_DECLS
