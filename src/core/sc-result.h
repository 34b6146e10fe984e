/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-i18n.h"
#include "sc-program.h"
#include "sc-types.h"

G_BEGIN_DECLS

/*
 * What sc_engine_evaluate() gives: per measure, program, platform and month,
 * and the options it was computed with.
 */

typedef enum
{
  SC_MEASURE_ELIGIBLE,        /* "eligible" */
  SC_MEASURE_NOT_ELIGIBLE,    /* "not-eligible" */
  SC_MEASURE_NEEDS_INFO,      /* "needs-info": a condition names a field the profile leaves unset */
  SC_MEASURE_NOT_QUANTIFIED,  /* "not-quantified": rights and rule outcomes, listed not priced */
} ScMeasureStatus;

/**
 * ScAmount:
 * The kinds of number a result carries, per measure, program, platform and
 * month. All money is yuan over the horizon.
 */
typedef enum
{
  SC_AMOUNT_FEE_GROSS,          /* "fee-gross": fees before any program (platform level only) */
  SC_AMOUNT_FEE_REDUCTION,      /* "fee-reduction": fees the programs take off */
  SC_AMOUNT_FEE_NET,            /* "fee-net": gross − reduction (platform level only) */
  SC_AMOUNT_CASH,               /* "cash" */
  SC_AMOUNT_AD_CREDIT,          /* "ad-credit" */
  SC_AMOUNT_COUPON,             /* "coupon" */
  SC_AMOUNT_TRAFFIC_UNITS,      /* "traffic-units": in the measure's own unit (see traffic_unit) */
  SC_AMOUNT_TRAFFIC_EXPOSURES,  /* "traffic-exposures": units × exposures-per-unit */
  SC_AMOUNT_TRAFFIC_VALUE,      /* "traffic-value": exposures × yuan-per-1000-exposures / 1000 */
  SC_AMOUNT_CASH_FLOW,          /* "cash-flow": deposit and settlement timing at the cost of capital */
  SC_AMOUNT_TOTAL_VALUE,        /* "total-value": reduction + cash + ad credit + coupon + traffic value + cash flow */
  SC_N_AMOUNTS
} ScAmount;

/* "fee-gross" … (transfer none) */
const char *sc_amount_to_string   (ScAmount amount);
gboolean    sc_amount_from_string (const char *name, ScAmount *out);
/* Translated label, e.g. "Fee reduction" / "费用减免". (transfer none) */
const char *sc_amount_label       (ScAmount amount);
/* Translated plural name of a traffic unit for counts: "exposure" →
 * "exposures" / "曝光", "traffic-coupon" → "traffic coupons" / "流量券";
 * any other id as it is, NULL as "". (transfer none) */
const char *sc_traffic_unit_label (const char *unit);
/* "eligible" "not-eligible" "needs-info" "not-quantified" (transfer none) */
const char *sc_measure_status_to_string (ScMeasureStatus status);
/* Translated label. (transfer none) */
const char *sc_measure_status_label (ScMeasureStatus status);

/**
 * ScEngineOverride:
 * One assumed number of the catalog evaluated at another value: @number is
 * the `const ScNumber *` of a program's number, a <window-end> (@value a
 * day, exclusive) or a baseline fee's value.
 */
typedef struct
{
  gconstpointer number;
  double        value;
} ScEngineOverride;

/**
 * ScEngineOptions:
 * @disabled: NULL-terminated program ids left out, or NULL
 * @lang: "zh" or "en" for reasons; NULL = sc_lang_current()
 * @no_reasons: record no reasons, assumption notes or warnings, nor write
 *   their text (sweeps, live charts)
 * @no_series: skip the month-by-month series (only totals)
 * @overrides, @n_overrides: assumed numbers evaluated at other values (the
 *   range analysis, sc-range.h), or NULL
 * @only_platform: evaluate this platform's programs and fees only (the
 *   others' totals stay 0), or NULL for all
 * @keep_raw: keep each measure's own evaluation (before stacking and caps)
 *   in the result, for @reuse
 * @reuse, @dirty: a result of the same catalog and profile made with
 *   @keep_raw (and @overrides that touch only @dirty): every measure that is
 *   not @dirty (a ScMeasure, or a ScProgram for all its measures; a
 *   ScBaselineItem for the measures that read its fee) is taken from it
 *   instead of evaluated again (the range analysis)
 * Zero-initialised means the defaults.
 */
typedef struct
{
  const char *const      *disabled;
  const char             *lang;
  gboolean                no_reasons;
  gboolean                no_series;
  const ScEngineOverride *overrides;
  guint                   n_overrides;
  const char             *only_platform;
  gboolean                keep_raw;
  const struct _ScResult *reuse;
  gconstpointer           dirty;
} ScEngineOptions;

/**
 * ScMeasureResult:
 * One measure of one program for the profile.
 * @totals: per ScAmount over the horizon (FEE_GROSS / FEE_NET stay 0 here)
 * @monthly: @n_months × SC_N_AMOUNTS values, [m * SC_N_AMOUNTS + amount];
 *   NULL with ScEngineOptions.no_series
 * @reasons_text, @reasons_lang, @reasons_messages, @reasons_owner: private;
 *   the reasons as text are sc_measure_result_get_reasons()
 * @reason_data, @n_reason_data: what decided, as data (ScReason,
 *   sc-reason.h): kinds and typed arguments, for the text in either
 *   language (sc_measure_result_dup_reasons()); the result owns them;
 *   NULL and 0 without reasons
 * @texts: const ScText* of rights and rule outcomes (NOT_QUANTIFIED)
 * @basis: ScBasis bits of every number used (SC_BASIS_PROFILE included)
 * @up_to: some amount is a maximum (至高 / 最高)
 * @cut_by_group: eligible but not counted: another measure of its exclusive
 *   or best-of stacking group counted instead (totals are then 0)
 * @cut_by_cap: part of its fee reduction was cut so no fee goes below zero,
 *   or a max-total / max-orders cap was reached
 * @expected: the source calls the measure expected (预计), not yet in force
 *   (its own status or its program's); @basis then includes SC_BASIS_EXPECTED
 * @expected_from: the day it is expected to take effect: the start of its
 *   window (SC_DAY_NONE when not @expected)
 * @expected_totals: an expected measure's value, kept apart: its @totals and
 *   @monthly stay 0, and programs and platforms sum it into their own
 *   @expected_totals, never into their totals
 */
typedef struct
{
  const ScProgram  *program;
  const ScMeasure  *measure;
  ScMeasureStatus   status;
  GPtrArray        *reasons_text;   /* written on first need, or shared empty */
  const char       *reasons_lang;   /* the evaluation's: "zh" or "en" */
  ScLang            reasons_messages;   /* the messages' language then */
  gpointer          reasons_owner;      /* the result, which writes them all */
  const struct _ScReason *reason_data;
  guint             n_reason_data;
  GPtrArray        *texts;
  double            totals[SC_N_AMOUNTS];
  double           *monthly;
  guint             n_months;
  const char       *traffic_unit;   /* "exposure", "traffic-coupon" or NULL */
  guint             basis;
  gboolean          up_to;
  gboolean          cut_by_group;
  gboolean          cut_by_cap;
  gboolean          expected;
  ScDay             expected_from;
  double            expected_totals[SC_N_AMOUNTS];
} ScMeasureResult;

/**
 * ScProgramResult:
 * Sums of the counted measures of one program.
 * @active_until: when a later program replaces it, the replacing program's
 *   start (its measures count only before); SC_DAY_NONE otherwise
 * @expected_totals: sums of its counted expected measures, which @totals
 *   leave out
 * @n_expected: its expected measures that are eligible and counted
 */
typedef struct
{
  const ScProgram *program;
  double           totals[SC_N_AMOUNTS];
  guint            basis;
  gboolean         up_to;
  guint            n_eligible;
  guint            n_needs_info;
  ScDay            active_until;
  double           expected_totals[SC_N_AMOUNTS];
  guint            n_expected;
} ScProgramResult;

/**
 * ScPlatformResult:
 * One platform: gross fees from its baseline (profile overrides win),
 * reductions from programs (capped at the gross per fee and month),
 * subsidies and traffic.
 * @fee_gross / @fee_reduction: per ScFee (DEPOSIT and SETTLEMENT_DAYS stay 0;
 *   their value is cash flow)
 * @monthly: n_months × SC_N_AMOUNTS like ScMeasureResult.monthly
 * @has_baseline: FALSE when the catalog has no baseline for the platform
 *   (gross fees are then 0 and a warning says so)
 * @expected_totals: sums of the expected measures of its programs, which
 *   @totals, @fee_reduction and @monthly leave out
 */
typedef struct
{
  char            *platform;
  const ScBaseline *baseline;
  double           totals[SC_N_AMOUNTS];
  double           fee_gross[SC_N_FEES];
  double           fee_reduction[SC_N_FEES];
  double          *monthly;
  guint            n_months;
  guint            basis;
  gboolean         up_to;
  gboolean         has_baseline;
  double           expected_totals[SC_N_AMOUNTS];
} ScPlatformResult;

/**
 * ScResult:
 * @measures: ScMeasureResult*, programs in catalog order, measures in
 *   document order
 * @programs: ScProgramResult*, catalog order
 * @platforms: ScPlatformResult*, sorted by platform id
 * @assumptions: char*, one line per assumption the numbers rest on
 *   (profile assumptions, baseline values and assumed program numbers used),
 *   in the evaluation's language
 * @warnings: char*, e.g. a missing baseline or an unset cost of capital
 * @assumption_data, @warning_data (@n_assumption_data, @n_warning_data):
 *   the same as data (ScReason, sc-reason.h), for the lines in either
 *   language (sc_result_dup_assumptions(), sc_result_dup_warnings()); a
 *   line that two of them write alike is listed once
 * @disabled: the program ids left out (a copy of the options'), or NULL, so
 *   that views derived from this result (sweeps, charts) leave out the same
 * @locked_worth: what one yuan of value tied to the platform (ad credit,
 *   coupons, traffic value) is worth to the merchant in cash, 0–1: the
 *   profile's "locked-value-worth", 0 when @locked_worth_set is FALSE
 */
typedef struct _ScResult
{
  ScDay       as_of;
  ScDay       horizon_end;
  guint       horizon_months;
  char       *lang;
  char      **disabled;
  GPtrArray  *measures;
  GPtrArray  *programs;
  GPtrArray  *platforms;
  GPtrArray  *assumptions;
  GPtrArray  *warnings;
  const struct _ScReason *assumption_data;
  guint       n_assumption_data;
  const struct _ScReason *warning_data;
  guint       n_warning_data;
  double      locked_worth;
  gboolean    locked_worth_set;
} ScResult;

void              sc_result_free            (ScResult              *result);

/* (transfer none) NULL when not found. */
const ScMeasureResult  *sc_result_find_measure  (const ScResult *result,
                                                 const char     *program_id,
                                                 const char     *measure_id);
const ScProgramResult  *sc_result_find_program  (const ScResult *result,
                                                 const char     *program_id);
const ScPlatformResult *sc_result_find_platform (const ScResult *result,
                                                 const char     *platform);
/* The number verdicts rank platform @platform of @result by: one value per
 * platform, higher is better. Every ranking (verdicts, ranges, crossovers,
 * charts that order platforms) goes through this one function, so that
 * how value tied to the platform is weighed is decided in one place:
 * money kept (sc_totals_kept()) + @result's locked_worth × value tied to
 * the platform at face value (sc_totals_tied()). */
double            sc_result_platform_score  (const ScResult        *result,
                                             const ScPlatformResult *platform);
/* The reasons of @measure as text (char*), e.g. "店铺体验分 4.3 < 4.4":
 * the very lines the evaluation would have written, in its language and
 * with the messages it had. The evaluation keeps them as data
 * (@reason_data); they are written out on the first call and kept, since
 * a window shows the reasons of the few measures on screen and most
 * evaluations (one per edit) are never shown line by line. The first call
 * writes those of every measure of the result at once, as the evaluation
 * did, sharing its look-ups of translations. Any thread
 * whose messages are still the evaluation's; another language's messages
 * are switched to for the time it takes, on the main thread only.
 * (transfer none) */
GPtrArray        *sc_measure_result_get_reasons (const ScMeasureResult *measure);
/* The reasons of @measure in @lang ("zh" or "en"), written from its
 * reason_data without evaluating again: the messages switch to @lang for
 * the time it takes (main thread only). Equal to the reasons of an
 * evaluation in @lang. (transfer full) */
GPtrArray        *sc_measure_result_dup_reasons (const ScMeasureResult *measure,
                                                 const char            *lang);
/* The assumptions and the warnings of @result in @lang, written from their
 * data like sc_measure_result_dup_reasons(). (transfer full) */
GPtrArray        *sc_result_dup_assumptions     (const ScResult        *result,
                                                 const char            *lang);
GPtrArray        *sc_result_dup_warnings        (const ScResult        *result,
                                                 const char            *lang);
/* Month @month of @amount in a monthly series (0 when @monthly is NULL). */
double            sc_result_month_value     (const double          *monthly,
                                             guint                  n_months,
                                             guint                  month,
                                             ScAmount               amount);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScResult, sc_result_free)

G_END_DECLS
