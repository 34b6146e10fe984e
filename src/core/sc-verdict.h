/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-result.h"

G_BEGIN_DECLS

/*
 * The verdict: which platform comes first for this merchant, by
 * sc_result_platform_score() (money kept plus value tied to the platform
 * at the profile's "locked-value-worth"), and in words that name what it
 * ranks by and give money kept and value tied to the platform apart. The
 * text report, the client report and the window's Overview all take their
 * verdict from here, so the three agree.
 */

/* Formats @value as a rounded amount for sentences ("13,500", "1.35万")
 * with @digits significant digits; sc_chart_format_number() fits.
 * (transfer full) */
typedef char *(*ScVerdictFormat) (double      value,
                                  const char *lang,
                                  int         digits);

/**
 * ScVerdictRank:
 * @platform: (transfer none): the platform's result
 * @name: its name in the verdict's language (transfer none)
 * @kept: money the merchant keeps: fee reduction, cash, cash-flow value
 * @tied: value tied to the platform at face value: ad credit, coupons,
 *   traffic value
 * @score: @kept + worth × @tied, what the ranking uses
 */
typedef struct
{
  const ScPlatformResult *platform;
  const char             *name;
  double                  kept;
  double                  tied;
  double                  score;
} ScVerdictRank;

/**
 * ScVerdict:
 * @worth, @worth_set: the result's locked_worth
 * @ranks: ScVerdictRank*, best score first (equal scores: larger face
 *   value first, then platform id)
 * @face_leader: index in @ranks of the platform that would come first
 *   counting tied value one-for-one (total value)
 * @kept_leader: index in @ranks of the first by money kept alone
 * @basis: what the ranking is by, one sentence, e.g. "Ranked by money kept
 *   plus value tied to the platform at ¥0.50 per yuan (assumed)."
 * @headline: the leader and its two parts in one line, with the basis
 * @words: the verdict as a paragraph (client report, text report)
 */
typedef struct
{
  char      *lang;
  double     worth;
  gboolean   worth_set;
  GPtrArray *ranks;
  guint      face_leader;
  guint      kept_leader;
  char      *basis;
  char      *headline;
  char      *words;
} ScVerdict;

/* The verdict on @result in @lang ("zh" or "en"; NULL: the result's), its
 * words from the current message catalogue; @format rounds amounts in
 * sentences (NULL: whole yuan, grouped). (transfer full) */
ScVerdict *sc_verdict_new           (const ScResult  *result,
                                     const char      *lang,
                                     ScVerdictFormat  format);
/* One line for platform @rank of @verdict: "Douyin: about ¥9,820 in 12
 * months (¥8,000 kept, ¥1,820 tied to the platform), mostly fee savings",
 * with its maxima, expected value and measures that need information.
 * (transfer full) */
char      *sc_verdict_platform_line (const ScVerdict *verdict,
                                     const ScResult  *result,
                                     guint            rank);
void       sc_verdict_free          (ScVerdict       *verdict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScVerdict, sc_verdict_free)

G_END_DECLS
