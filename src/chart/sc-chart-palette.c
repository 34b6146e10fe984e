/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-palette.h"

#include <math.h>

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/*
 * Paul Tol's high-contrast trio first (dark blue, yellow, rose: three
 * clearly different greys), then his muted scheme; the dark variants are
 * the lighter members of his medium-contrast pairs so bars stay visible on
 * a dark background.
 */
static const ScChartRgb series_light[] = {
  RGB (0x004488), RGB (0xDDAA33), RGB (0xBB5566), RGB (0x44AA99),
  RGB (0x882255), RGB (0x88CCEE), RGB (0x117733), RGB (0x999933),
};
static const ScChartRgb series_dark[] = {
  RGB (0x6699CC), RGB (0xEECC66), RGB (0xEE99AA), RGB (0x44AA99),
  RGB (0xCC6677), RGB (0x88CCEE), RGB (0x55AA66), RGB (0xDDCC77),
};
static const ScChartHatch series_hatch[] = {
  SC_CHART_HATCH_NONE, SC_CHART_HATCH_DIAGONAL, SC_CHART_HATCH_DOTS, SC_CHART_HATCH_CROSS,
  SC_CHART_HATCH_HORIZONTAL, SC_CHART_HATCH_NONE, SC_CHART_HATCH_DIAGONAL, SC_CHART_HATCH_DOTS,
};

G_STATIC_ASSERT (G_N_ELEMENTS (series_light) == G_N_ELEMENTS (series_dark));
G_STATIC_ASSERT (G_N_ELEMENTS (series_light) == G_N_ELEMENTS (series_hatch));

/* In force strongest, expired faded: status reads as lightness too. */
static const ScChartRgb status_light[SC_CHART_SPAN_N_STATUS] = {
  [SC_CHART_SPAN_ANNOUNCED] = RGB (0x6699CC),
  [SC_CHART_SPAN_EXPECTED] = RGB (0xDDAA33),
  [SC_CHART_SPAN_IN_FORCE] = RGB (0x004488),
  [SC_CHART_SPAN_COMMENT_PERIOD] = RGB (0xBB5566),
  [SC_CHART_SPAN_EXPIRED] = RGB (0xBBBBBB),
};
static const ScChartRgb status_dark[SC_CHART_SPAN_N_STATUS] = {
  [SC_CHART_SPAN_ANNOUNCED] = RGB (0x88CCEE),
  [SC_CHART_SPAN_EXPECTED] = RGB (0xEECC66),
  [SC_CHART_SPAN_IN_FORCE] = RGB (0x6699CC),
  [SC_CHART_SPAN_COMMENT_PERIOD] = RGB (0xEE99AA),
  [SC_CHART_SPAN_EXPIRED] = RGB (0x666666),
};

static const ScChartRgb ink_light[SC_CHART_N_INKS] = {
  [SC_CHART_INK_BACKGROUND] = RGB (0xFFFFFF),
  [SC_CHART_INK_TEXT] = RGB (0x1F2328),
  [SC_CHART_INK_TEXT_SECONDARY] = RGB (0x5E6470),
  [SC_CHART_INK_GRID] = RGB (0xE6E8EB),
  [SC_CHART_INK_AXIS] = RGB (0x8C9199),
  [SC_CHART_INK_MARKER] = RGB (0xCC3311),
};
static const ScChartRgb ink_dark[SC_CHART_N_INKS] = {
  [SC_CHART_INK_BACKGROUND] = RGB (0x1E1E1E),
  [SC_CHART_INK_TEXT] = RGB (0xEDEDED),
  [SC_CHART_INK_TEXT_SECONDARY] = RGB (0xA8ACB3),
  [SC_CHART_INK_GRID] = RGB (0x34373C),
  [SC_CHART_INK_AXIS] = RGB (0x7A7F87),
  [SC_CHART_INK_MARKER] = RGB (0xFF7755),
};


ScChartRgb
sc_chart_palette_series (guint    index,
                         gboolean dark)
{
  index %= G_N_ELEMENTS (series_light);
  return dark ? series_dark[index] : series_light[index];
}

ScChartRgb
sc_chart_palette_status (ScChartSpanStatus status,
                         gboolean          dark)
{
  if (status >= SC_CHART_SPAN_N_STATUS)
    status = SC_CHART_SPAN_IN_FORCE;
  return dark ? status_dark[status] : status_light[status];
}

ScChartRgb
sc_chart_palette_ink (ScChartInk ink,
                      gboolean   dark)
{
  g_return_val_if_fail (ink < SC_CHART_N_INKS, ink_light[SC_CHART_INK_TEXT]);
  return dark ? ink_dark[ink] : ink_light[ink];
}

ScChartHatch
sc_chart_palette_hatch (guint index)
{
  return series_hatch[index % G_N_ELEMENTS (series_hatch)];
}

static double
channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
sc_chart_palette_luminance (ScChartRgb color)
{
  return 0.2126 * channel (color.r) + 0.7152 * channel (color.g) + 0.0722 * channel (color.b);
}

ScChartRgb
sc_chart_palette_text_on (ScChartRgb fill)
{
  static const ScChartRgb black = RGB (0x1F2328), white = RGB (0xFFFFFF);
  double l = sc_chart_palette_luminance (fill);

  /* Contrast ratio against each, pick the larger. */
  return (l + 0.05) / (0.0144 + 0.05) > (1.05) / (l + 0.05) ? black : white;
}
