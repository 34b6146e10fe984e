/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "sc-chart-layout.h"

G_BEGIN_DECLS

/* Same text settings for measuring and drawing: unhinted metrics, so the
 * layout does not depend on the target or its scale. */
void  sc_chart_configure_context (PangoContext      *context);
/* Sets @pl up for @text exactly as the layout measured it. */
void  sc_chart_text_apply        (PangoLayout       *pl,
                                  const ScChartText *text);

G_END_DECLS
