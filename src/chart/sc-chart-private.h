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
/* Sets @pl up for @text exactly as the layout measured it. */
void  sc_chart_text_apply        (PangoLayout       *pl,
                                  const ScChartText *text);

G_END_DECLS
