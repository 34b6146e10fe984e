/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sc-chart-layout.h"

G_BEGIN_DECLS

/* Same text settings for measuring and drawing: unhinted metrics, so the
 * layout does not depend on the target or its scale, and the chart's own
 * language (@lang as in ScChartModel), not the user's locale. */
void  sc_chart_configure_context (PangoContext      *context,
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
