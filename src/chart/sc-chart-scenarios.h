/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-chart-model.h"
#include "sc-document.h"

G_BEGIN_DECLS

/*
 * The `scenarios` chart: per platform, one bar per scenario (its total
 * value), the scenarios named by their profiles. Platforms, footnote and
 * assumption notes come from the first scenario; a platform another
 * scenario lacks draws 0. @lang is "zh" or "en"; built-in words come from
 * gettext, so the process language should match. (transfer full)
 */
ScChartModel *sc_chart_model_from_scenarios (ScCatalog              *catalog,
                                             const ScProfile *const *profiles,
                                             const ScResult  *const *results,
                                             guint                   n,
                                             const char             *lang);

/* The same for @n documents (each computes its result if needed), with
 * gettext answering in @lang while it is built. (transfer full) */
ScChartModel *sc_chart_model_from_documents (ScDocument *const      *documents,
                                             guint                   n,
                                             ScLang                  lang);

G_END_DECLS
