/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-chart-model.h"
#include "sc-chart-view.h"
#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_OVERVIEW_PAGE (sc_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (ScOverviewPage, sc_overview_page, SC, OVERVIEW_PAGE, ScPage)

/*
 * ScOverviewPage: the comparison chart with a chart-kind switcher and the
 * verdict: which platform comes first and what the ranking is by, then one
 * line per platform in that order, and how sure that verdict is. Its tree
 * is a template (sc-overview-page.ui); it shows its "document"
 * (construct-only, ScPage) and follows its "result-ready". The chart
 * shown is its "kind" property (an ScChartKind before SC_CHART_SCENARIOS).
 */
/* With @settings (may be NULL), the page starts on the chart kind saved
 * there and saves the one the user chooses. */
GtkWidget    *sc_overview_page_new            (ScDocument     *document,
                                               GSettings      *settings);
ScChartKind   sc_overview_page_get_kind       (ScOverviewPage *self);
void          sc_overview_page_set_kind       (ScOverviewPage *self,
                                               ScChartKind     kind);
/* (transfer none) */
ScChartView  *sc_overview_page_get_chart_view (ScOverviewPage *self);
/* A new model of the current kind for the document's result, in @lang
 * ("zh"/"en"; NULL: the UI's). (transfer full) */
ScChartModel *sc_overview_page_build_model    (ScOverviewPage *self,
                                               const char     *lang);
/* The verdict lines shown: the headline, then one per platform, first
 * first, then where the leading platform changes with the monthly GMV.
 * (transfer full) */
char        **sc_overview_page_dup_verdicts   (ScOverviewPage *self);

G_END_DECLS
