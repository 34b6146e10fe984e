/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-chart-model.h"

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

G_END_DECLS
