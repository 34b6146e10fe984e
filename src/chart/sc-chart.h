/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "sc-chart-layout.h"
#include "sc-chart-model.h"

G_BEGIN_DECLS

/*
 * Draws @model on @cr over a @width × @height area at the current origin.
 * The one renderer behind the widget, PNG, SVG, PDF and printing: it knows
 * nothing of the target. @cr's state is saved and restored.
 */
void  sc_chart_draw         (const ScChartModel  *model,
                             cairo_t             *cr,
                             double               width,
                             double               height);

/* Draws a layout already computed for @model (the widget keeps one per size). */
void  sc_chart_draw_layout  (const ScChartModel  *model,
                             const ScChartLayout *layout,
                             cairo_t             *cr);

G_END_DECLS
