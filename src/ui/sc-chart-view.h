/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sc-chart-layout.h"
#include "sc-chart-model.h"

G_BEGIN_DECLS

#define SC_TYPE_CHART_VIEW (sc_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (ScChartView, sc_chart_view, SC, CHART_VIEW, GtkWidget)

/*
 * Extra tooltip lines for point @point of series @series (what the value is
 * made of). Returns NULL for none. (transfer full)
 */
typedef char *(*ScChartViewDetailFunc) (ScChartView        *view,
                                        const ScChartModel *model,
                                        guint               series,
                                        guint               point,
                                        gpointer            user_data);

GtkWidget          *sc_chart_view_new              (void);
/* Takes @model (transfer full); NULL shows nothing. */
void                sc_chart_view_set_model        (ScChartView          *self,
                                                    ScChartModel         *model);
/* (transfer none) */
const ScChartModel *sc_chart_view_get_model        (ScChartView          *self);
/* The layout drawn at the widget's size, or NULL without a model; @zoom
 * (may be NULL) gets the screen pixels per layout pixel: the layout is
 * made smaller and drawn zoomed where its type would be too small to read.
 * (transfer none) */
const ScChartLayout *sc_chart_view_get_layout      (ScChartView          *self,
                                                    double               *zoom);
void                sc_chart_view_set_detail_func  (ScChartView          *self,
                                                    ScChartViewDetailFunc func,
                                                    gpointer              user_data,
                                                    GDestroyNotify        destroy);
/* The tooltip text at widget coordinates (@x, @y), or NULL. (transfer full) */
char               *sc_chart_view_describe_at      (ScChartView          *self,
                                                    double                x,
                                                    double                y);
/* A plain-text summary of every value, as given to assistive technology. (transfer full) */
char               *sc_chart_view_dup_summary      (ScChartView          *self);
/* Renders the chart at the widget's size and scale factor. (transfer full) */
GdkTexture         *sc_chart_view_render_texture   (ScChartView          *self);
/* Number of draws so far (benchmarks and tests). */
guint               sc_chart_view_get_draw_count   (ScChartView          *self);

G_END_DECLS
