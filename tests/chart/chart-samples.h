/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-chart-model.h"
#include "sc-range.h"
#include "sc-sweep.h"

G_BEGIN_DECLS

/* Hand-made models for tests: every kind, plus degenerate data. */
typedef enum
{
  SAMPLE_NORMAL,
  SAMPLE_ZEROS,        /* every value 0 */
  SAMPLE_ONE,          /* one platform / one point */
  SAMPLE_NEGATIVE,     /* negative values */
  SAMPLE_HUGE,         /* 1e12 */
  SAMPLE_LONG_NAMES,   /* 40-character names */
  SAMPLE_MANY,         /* 30 measures / programs / points */
  N_SAMPLES
} SampleVariant;

const char   *sample_variant_name (SampleVariant variant);
/* @lang "zh" or "en". (transfer full) */
ScChartModel *sample_model        (ScChartKind   kind,
                                   SampleVariant variant,
                                   const char   *lang);

/* A range analysis made by hand for the drivers chart: two platforms,
 * "douyin" (0) and "kuaishou" (1), Kuaishou leading with @leader against
 * @runner_up, no driver yet. Freed with sample_analysis_free() (the
 * library's own free lives with sc_range_analyse()). (transfer full) */
ScRangeAnalysis *sample_analysis      (const char      *lang,
                                       double           leader,
                                       double           runner_up);
void             sample_analysis_free (ScRangeAnalysis *analysis);
/* Appends a driver that moves the difference to @diff_low / @diff_high. (transfer none) */
ScRangeDriver   *sample_driver_add    (ScRangeAnalysis *analysis,
                                       const char      *label,
                                       double           diff_low,
                                       double           diff_high,
                                       const char      *low_text,
                                       const char      *high_text);

/* The model `shangce --export` builds of the bundled example profile
 * (English, as of 2026-11-22), rebuilt to know where the bars are; with
 * @sweep_out, the sweep it drew (sensitivity only). (transfer full) */
ScChartModel    *sample_cli_model_full (ScChartKind   kind,
                                        ScSweep     **sweep_out);
ScChartModel    *sample_cli_model      (ScChartKind   kind);

G_END_DECLS
