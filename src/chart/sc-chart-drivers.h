/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-chart-model.h"
#include "sc-range.h"

G_BEGIN_DECLS

/* Rows of the drivers chart, few enough for each label to take two lines;
 * smaller swings are counted in a footnote. */
#define SC_CHART_DRIVERS_MAX_ROWS 8

/*
 * The `drivers` chart, a tornado: for the leading two platforms of
 * @analysis, one row per assumption, largest swing first, with a bar from
 * their difference with the assumption at its low to the difference at its
 * high, around the central difference (a rule naming the central verdict),
 * and the tie (a difference of 0) named. Values in yuan, positive where
 * the leader stays ahead. Row labels and the values at the bar ends are
 * the analysis' own texts; platform names come from @catalog's baselines
 * (NULL: their ids). @lang is "zh" or "en" (NULL: the analysis'); built-in
 * words come from gettext, so the process language should match. An
 * analysis with no driver, or fewer than two platforms, gives a chart that
 * says so. (transfer full)
 */
ScChartModel *sc_chart_model_new_drivers (const ScRangeAnalysis *analysis,
                                          ScCatalog             *catalog,
                                          const char            *lang);

/*
 * The same with the titles, footnote and assumption notes
 * sc_chart_model_from_result() gives @result. @analysis is
 * sc_range_analyse() of the same catalog, profile and result; NULL gives a
 * chart that says the ranges are not worked out. (transfer full)
 */
ScChartModel *sc_chart_model_from_ranges (ScCatalog             *catalog,
                                          const ScProfile       *profile,
                                          const ScResult        *result,
                                          const ScRangeAnalysis *analysis,
                                          const char            *lang);

/*
 * The drivers chart of @result: @cached (a document's analysis, or NULL)
 * when it is in @lang and of @result (sc_report_resolve_ranges()), else an
 * analysis worked out here with the result's programs left out as it left
 * them. (transfer full)
 */
ScChartModel *sc_chart_model_drivers     (ScCatalog             *catalog,
                                          const ScProfile       *profile,
                                          const ScResult        *result,
                                          const ScRangeAnalysis *cached,
                                          const char            *lang);

G_END_DECLS
