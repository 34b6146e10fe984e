/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "sc-catalog.h"
#include "sc-chart-layout.h"
#include "sc-chart-model.h"
#include "sc-engine.h"
#include "sc-profile.h"

G_BEGIN_DECLS

/*
 * Shared by the fuzz targets, the corpus replayer and the hardening tests:
 * everything that turns a profile into numbers a user sees, with the checks
 * that must hold for any input (every number finite, every layout
 * coordinate finite).
 */

/* The libFuzzer entry point each target defines. */
int              LLVMFuzzerTestOneInput   (const uint8_t *data,
                                           size_t         size);

/* Once per process: SHANGCE_DATA_DIR (the source data/ when unset),
 * criticals and warnings fatal, the C.UTF-8 locale. */
void             sc_fuzz_init             (void);

/* The bundled programs, loaded once and kept for the process. (transfer none) */
ScCatalog       *sc_fuzz_bundled_catalog  (void);

/* Asserts that every number of @result is finite. */
void             sc_fuzz_check_result     (const ScResult      *result);
/* Asserts that every value, x value and span end of @model is finite. */
void             sc_fuzz_check_model      (const ScChartModel  *model);
/* Asserts that every coordinate of @layout is finite. */
void             sc_fuzz_check_layout     (const ScChartLayout *layout);

/*
 * Everything downstream of a profile: evaluate, the three reports in both
 * languages, every chart kind's model (sc_chart_model_from_result(), the
 * sensitivity sweep included), its layout and, when @render is TRUE, PNG
 * and SVG export of the overview to memory. Asserts the invariants
 * above. Skips profiles without an evaluation date (the UI and the CLI
 * refuse them before evaluating).
 */
void             sc_fuzz_exercise_profile (ScCatalog           *catalog,
                                           const ScProfile     *profile,
                                           gboolean             render);

G_END_DECLS
