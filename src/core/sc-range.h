/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-profile.h"
#include "sc-result.h"

G_BEGIN_DECLS

/*
 * How sure a verdict is (issue 13, section 3). Every assumed number a
 * result rests on (a program's basis="assumed" value, a baseline value, a
 * profile assumption) has a plausible low and high with a note. The
 * analysis moves each assumption to its low and its high, one at a time,
 * and records every platform's score (sc_result_platform_score()) there;
 * it also finds each platform's lowest and highest score over all
 * assumptions in range, and for each assumption that can change the
 * winner, the value at which the leading two tie.
 *
 * This header is the contract between the range analysis (sc-range.c),
 * the `drivers` chart and the views; sc-range.c owns the implementation.
 */

/**
 * ScRangeDriver:
 * One assumption and what it does to the verdict.
 * @key: stable id, e.g. "program:kuaishou-star-plan-2026/discount-30/window-end"
 *   or "profile:cost-of-capital" (not translated; used in JSON/CSV)
 * @label: what it is, in the analysis' language ("End of the 30% discount
 *   activity (assumed)")
 * @note: why this range (the file's or the profile's note), may be NULL
 * @central, @low, @high: the value and its plausible range, in the
 *   assumption's own unit (dates as ScDay); @is_date says which
 * @central_text, @low_text, @high_text: the same formatted in their unit
 *   ("2026-12-31", "6%", "¥0.50 per yuan")
 * @score_low, @score_high: n_platforms scores, in ScResult.platforms order,
 *   with this assumption at its low / high and every other at its centre
 * @diff_low, @diff_high: score(leader) − score(runner-up) at low / high
 *   (the leading two of the central result)
 * @flips: the winner changes somewhere within [low, high]
 * @flip_value: where the leading two tie (NAN when @flips is FALSE);
 *   @flip_text the same formatted, or NULL
 */
typedef struct
{
  char      *key;
  char      *label;
  char      *note;
  gboolean   is_date;
  double     central;
  double     low;
  double     high;
  char      *central_text;
  char      *low_text;
  char      *high_text;
  double    *score_low;
  double    *score_high;
  double     diff_low;
  double     diff_high;
  gboolean   flips;
  double     flip_value;
  char      *flip_text;
} ScRangeDriver;

/**
 * ScRangeAnalysis:
 * @n_platforms: as in the result it was made from; @platforms their ids
 *   (NULL-terminated, ScResult.platforms order)
 * @central: each platform's score at the central values
 * @low, @high: each platform's lowest and highest score over the
 *   assumptions' ranges
 * @leader, @runner_up: indexes of the leading two at the central values
 *   (@runner_up is G_MAXUINT with fewer than two platforms)
 * @robust: the leader stays ahead under every assumption in range
 * @drivers: ScRangeDriver*, largest swing (|diff_high − diff_low|) first;
 *   assumptions that move neither of the leading two are left out
 */
typedef struct
{
  char      *lang;
  guint      n_platforms;
  char     **platforms;
  double    *central;
  double    *low;
  double    *high;
  guint      leader;
  guint      runner_up;
  gboolean   robust;
  GPtrArray *drivers;
} ScRangeAnalysis;

ScRangeAnalysis *sc_range_analyse      (ScCatalog             *catalog,
                                        const ScProfile       *profile,
                                        const ScResult        *result,
                                        const ScEngineOptions *options);
void             sc_range_analysis_free (ScRangeAnalysis      *analysis);

/*
 * The verdict's robustness in one or two sentences, in the analysis'
 * language: "Kuaishou is ahead under every assumption in range." or the
 * assumptions that can change the winner and the value at which each does.
 * Platforms are named as @catalog's baselines name them (may be NULL: ids).
 * (transfer full)
 */
char            *sc_range_describe      (const ScRangeAnalysis *analysis,
                                        ScCatalog             *catalog);

/* The same in one sentence: the (at most three) assumptions that swing the
 * lead most and can change the winner, each with the value at which it
 * does. (transfer full) */
char            *sc_range_describe_short (const ScRangeAnalysis *analysis,
                                          ScCatalog             *catalog);

/*
 * Every assumed number of @catalog's programs and baselines that has no
 * plausible range, one line each: "FILE:LINE: warning: program:ID/MEASURE/
 * reward is assumed but has no plausible range; …" (`shangce --validate` prints them). Open
 * <window-end>s (no end to vary) are left out. (transfer full)
 */
GPtrArray       *sc_range_list_unranged (ScCatalog             *catalog);

/* For tests: FALSE moves every assumption by a full evaluation, without
 * the shortcuts (each must give the same analysis); TRUE by default. */
void             sc_range_set_shortcuts  (gboolean               enabled);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRangeAnalysis, sc_range_analysis_free)

G_END_DECLS
