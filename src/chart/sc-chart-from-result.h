/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-chart-model.h"
#include "sc-document.h"
#include "sc-engine.h"
#include "sc-profile.h"

G_BEGIN_DECLS

/*
 * Builds the model of chart @kind from an engine result: titles, units,
 * values with their assumption marks, the assumption notes and a footnote
 * with the data revisions. @catalog gives platform names and the timeline's
 * programs. @sweep is what SC_CHART_SENSITIVITY draws (sc_document_get_sweep()
 * or sc_sweep_over_monthly_gmv(); NULL draws no line), unused by other kinds.
 * @lang is "zh" or "en" (NULL: @result's). Built-in words come from gettext,
 * so the process language should match @lang. (transfer full)
 */
ScChartModel *sc_chart_model_from_result (ScChartKind      kind,
                                          ScCatalog       *catalog,
                                          const ScProfile *profile,
                                          const ScResult  *result,
                                          const ScSweep   *sweep,
                                          const char      *lang);

/* The model of chart @kind for @document in @lang, with gettext answering in
 * @lang while it is built; computes the document's result (and, for
 * SC_CHART_SENSITIVITY, its sweep) when not up to date. (transfer full) */
ScChartModel *sc_chart_model_from_document (ScDocument  *document,
                                            ScChartKind  kind,
                                            ScLang       lang);

/* The result amounts (at most 3) that segment @series of overview model
 * @model adds up, written to @amounts; returns their number, 0 when
 * @model is no overview or has no such series. */
guint         sc_chart_overview_series_amounts (const ScChartModel *model,
                                                guint               series,
                                                ScAmount            amounts[3]);

/* Rows of the measures chart before the rest is summed into one "other" row. */
#define SC_CHART_MEASURES_MAX_ROWS 12
/* Points of the sensitivity sweep. */
#define SC_CHART_SWEEP_POINTS SC_DOCUMENT_SWEEP_POINTS

G_END_DECLS
