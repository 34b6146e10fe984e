/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-chart-model.h"
#include "sc-chart-view.h"
#include "sc-session.h"

G_BEGIN_DECLS

#define SC_TYPE_OVERVIEW_PAGE (sc_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (ScOverviewPage, sc_overview_page, SC, OVERVIEW_PAGE, AdwBin)

/*
 * ScOverviewPage: the comparison chart with a chart-kind switcher and the
 * verdict: which platform comes first and what the ranking is by, then one
 * line per platform in that order.
 */
GtkWidget    *sc_overview_page_new            (ScSession      *session);
ScChartKind   sc_overview_page_get_kind       (ScOverviewPage *self);
void          sc_overview_page_set_kind       (ScOverviewPage *self,
                                               ScChartKind     kind);
/* (transfer none) */
ScChartView  *sc_overview_page_get_chart_view (ScOverviewPage *self);
/* A new model of the current kind for the session's result, in @lang
 * ("zh"/"en"; NULL: the UI's). (transfer full) */
ScChartModel *sc_overview_page_build_model    (ScOverviewPage *self,
                                               const char     *lang);
/* The verdict lines shown: the headline, then one per platform, first
 * first, then where the leading platform changes with the monthly GMV.
 * (transfer full) */
char        **sc_overview_page_dup_verdicts   (ScOverviewPage *self);

G_END_DECLS
