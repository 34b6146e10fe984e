/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-chart-model.h"
#include "sc-engine.h"
#include "sc-profile.h"

G_BEGIN_DECLS

/*
 * Builds the model of chart @kind from an engine result: titles, units,
 * values with their assumption marks, the assumption notes and a footnote
 * with the data revisions. @catalog gives platform names, the timeline's
 * programs and, for SC_CHART_SENSITIVITY, the sweep (run here with
 * sc_engine_sweep over monthly GMV around the profile's). @lang is "zh" or
 * "en" (NULL: @result's). Built-in words come from gettext, so the process
 * language should match @lang. (transfer full)
 */
ScChartModel *sc_chart_model_from_result (ScChartKind      kind,
                                          ScCatalog       *catalog,
                                          const ScProfile *profile,
                                          const ScResult  *result,
                                          const char      *lang);

/* Rows of the measures chart before the rest is summed into one "other" row. */
#define SC_CHART_MEASURES_MAX_ROWS 12
/* Points of the sensitivity sweep. */
#define SC_CHART_SWEEP_POINTS 61

G_END_DECLS
