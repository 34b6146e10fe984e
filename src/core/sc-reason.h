/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-field.h"
#include "sc-program.h"
#include "sc-types.h"

G_BEGIN_DECLS

/*
 * Reasons as data. The engine records what decided a measure as a kind and
 * typed arguments (numbers with how they are shown, days, fields, fees,
 * bilingual texts of the program files…): no formatting, no gettext, only
 * a record appended to an array. The text is written from the records at
 * the edge, in either language: sc_reason_format() / sc_reasons_format().
 *
 * One table (sc_reason_info()) gives every kind its msgid and the types of
 * its arguments, in the order the msgid takes them; sc_reason_add() reads
 * its arguments by that table.
 */

/**
 * ScReasonArgType:
 * What an argument is, how sc_reason_add() takes it (after the kind) and
 * how it is written.
 */
typedef enum
{
  SC_REASON_ARG_NONE,
  SC_REASON_ARG_COUNT,        /* double: whole, grouped (1,300) */
  SC_REASON_ARG_MONEY,        /* double: yuan, up to 2 decimals, grouped */
  SC_REASON_ARG_NUMBER,       /* double: up to 4 decimals (4.3) */
  SC_REASON_ARG_PERCENT,      /* double: a fraction written as its percentage, without "%" (0.06 → 6) */
  SC_REASON_ARG_VALUE,        /* double, ScUnit, traffic unit id or NULL (its label follows a count) */
  SC_REASON_ARG_VALUE_VS,     /* double x, double t, ScUnit: x as a value, with the digits that tell it
                               * from t when rounding would show both alike (never "11 < 11") */
  SC_REASON_ARG_DAY,          /* ScDay */
  SC_REASON_ARG_WINDOW,       /* ScWindow: "2026-01-01 – 2026-03-31", "… onwards", "until …" */
  SC_REASON_ARG_UINT,         /* guint */
  SC_REASON_ARG_TEXT,         /* const ScText *: in the chosen language */
  SC_REASON_ARG_STRING,       /* const char *: as it is (a loader message, an id) */
  SC_REASON_ARG_MSGID,        /* const char *: a N_() msgid, translated; NULL writes nothing */
  SC_REASON_ARG_FIELD,        /* ScField: its label */
  SC_REASON_ARG_FEE,          /* ScFee: as a reader calls it */
  SC_REASON_ARG_CHOICE,       /* ScField, const char *value: the choice's label; NULL writes nothing */
  SC_REASON_ARG_CHOICES,      /* ScField, const char *const *values: their labels joined by " / " */
  SC_REASON_ARG_LABEL,        /* const ScText * or NULL, ScField: a condition's wording, else the field's label */
  SC_REASON_ARG_PLATFORM,     /* const ScText *name or NULL, const char *id: the name, else the id */
  SC_REASON_ARG_TRAFFIC_UNIT, /* const char *unit id: its plural label (sc_traffic_unit_label()) */
  SC_REASON_ARG_BENEFIT,      /* ScBenefit: "yuan in cash" … */
  SC_REASON_ARG_OP,           /* ScOp: "<", "≥" … */
  SC_REASON_ARG_LABEL_OP,     /* const ScText * or NULL, ScField, ScOp: "Shop experience score <" */
} ScReasonArgType;

#define SC_REASON_MAX_ARGS 6

/**
 * ScReasonKind:
 * Every sentence a reason can be. The msgid of each is in sc_reason_info().
 */
typedef enum
{
  /* the measure as a whole (sc-engine.c, sc-engine-context.c) */
  SC_REASON_EXPECTED_FROM,
  SC_REASON_EXPECTED,
  SC_REASON_REPLACED,
  SC_REASON_WINDOW_ENDED,
  SC_REASON_WINDOW_AFTER_HORIZON,
  SC_REASON_END_ASSUMED_OPEN,
  SC_REASON_END_ASSUMED,
  SC_REASON_NEEDS_INFO,
  /* conditions (sc-condition.c) */
  SC_REASON_COND_LABEL,
  SC_REASON_COND_COMPARE,
  SC_REASON_COND_CHOICE,
  SC_REASON_CHOICE_NOT,
  SC_REASON_COND_DATE_IN,
  SC_REASON_COND_DATE_NOT_IN,
  /* fees (sc-engine-fees.c) */
  SC_REASON_COVER_OFF,
  SC_REASON_NO_BASELINE_ORDER_FEE,
  SC_REASON_NO_BASELINE_FEE_WAIVE,
  SC_REASON_DISCOUNT_DAYS,
  SC_REASON_COVER_ENDED,
  SC_REASON_COVER_AFTER_MEASURE,
  SC_REASON_COVER_AFTER_HORIZON,
  SC_REASON_FREE_ORDERS_FROM_AS_OF_FIELD,
  SC_REASON_FREE_ORDERS_FROM_AS_OF,
  SC_REASON_ORDERS_CAPPED,
  SC_REASON_FREE_ORDERS_USED_PART,
  SC_REASON_ORDERS_WAIVED,
  SC_REASON_FREE_ORDERS_ENDED,
  SC_REASON_FREE_ORDERS_USED_ALL,
  SC_REASON_FREE_ORDERS_NONE,
  SC_REASON_ORDERS_DISCOUNTED,
  SC_REASON_SHARE_EXCEEDS,
  SC_REASON_NO_BASELINE_FEE_REDUCE,
  SC_REASON_RATE,
  SC_REASON_NO_BASELINE_COMMISSION,
  SC_REASON_COMMISSION_WAIVED,
  SC_REASON_NO_COST_OF_CAPITAL,
  SC_REASON_NO_BASELINE_DEPOSIT,
  SC_REASON_DEPOSIT,
  SC_REASON_DEPOSIT_DAYS,
  SC_REASON_NO_BASELINE_SETTLEMENT,
  SC_REASON_SETTLEMENT,
  /* rewards (sc-engine-rewards.c) */
  SC_REASON_TRAFFIC_NOT_CONVERTED,
  SC_REASON_TRAFFIC_NOT_VALUED,
  SC_REASON_PAID_OUTSIDE_WINDOW,
  SC_REASON_PAID_BEFORE,
  SC_REASON_PAID_OUTSIDE_HORIZON,
  SC_REASON_GRANT_MONEY,
  SC_REASON_GRANT_TRAFFIC,
  SC_REASON_STARTS_OUTSIDE_WINDOW,
  SC_REASON_TIER_BELOW,
  SC_REASON_TIER_NO_REWARD,
  SC_REASON_TIER_PAID_BEFORE,
  SC_REASON_TIER_REACHED,
  SC_REASON_TIER_CAPPED,
  SC_REASON_TIER_DAYS,
  SC_REASON_RANK_OUTSIDE,
  SC_REASON_RANK,
  /* stacking and caps (sc-stacking.c) */
  SC_REASON_GROUP_IN_FORCE,
  SC_REASON_GROUP_EXCLUSIVE,
  SC_REASON_GROUP_BEST_OF,
  SC_REASON_FEE_CAPPED,
  SC_REASON_EXPECTED_APART,
  /* assumption notes (ScResult.assumptions) */
  SC_REASON_NOTE_OVERRIDE,
  SC_REASON_NOTE_OVERRIDE_NOTED,
  SC_REASON_NOTE_BASELINE_ASSUMED,
  SC_REASON_NOTE_NUMBER_ASSUMED,
  SC_REASON_NOTE_THRESHOLD_ASSUMED,
  SC_REASON_NOTE_RUNS_OPEN,
  SC_REASON_NOTE_RUNS_UNTIL,
  SC_REASON_NOTE_FREE_ORDERS_FIELD,
  SC_REASON_NOTE_FREE_ORDERS,
  SC_REASON_NOTE_PROFILE,
  SC_REASON_NOTE_PROFILE_NOTED,
  SC_REASON_NOTE_NOT_GIVEN,
  /* warnings (ScResult.warnings; a few reasons are warnings too) */
  SC_REASON_WARN_NO_GMV,
  SC_REASON_WARN_NO_ORDER_VALUE,
  SC_REASON_WARN_FILE_NOT_LOADED,
  SC_REASON_WARN_NO_BASELINE,
  SC_N_REASONS
} ScReasonKind;

/**
 * ScReasonInfo:
 * @msgid: the sentence, with one conversion per argument (%s, %u; a
 *   translation may reorder them with %1$s …)
 * @literal: @msgid is not translated ("%s %s %s %s")
 * @args: the arguments' types, SC_REASON_ARG_NONE after the last
 */
typedef struct
{
  const char      *msgid;
  gboolean         literal;
  ScReasonArgType  args[SC_REASON_MAX_ARGS];
} ScReasonInfo;

const ScReasonInfo *sc_reason_info (ScReasonKind kind);

/* One argument as recorded; which members mean what depends on its type. */
typedef struct
{
  union { double x; gconstpointer p; };
  union { double y; gconstpointer q; };
  gint i;
} ScReasonArg;

/**
 * ScReason:
 * One reason: its kind and arguments (sc_reason_info() (@kind)->args).
 * Texts, strings and values it points to are the catalog's (or static):
 * a reason lives as long as the result, which lives no longer than the
 * catalog. @owner is the engine's: the measure it was recorded for while
 * the evaluation runs (one array holds them all until its end).
 */
typedef struct _ScReason
{
  ScReasonKind  kind;
  gconstpointer owner;
  ScReasonArg   args[SC_REASON_MAX_ARGS];
} ScReason;

/* A new array of ScReason. (transfer full) */
GArray *sc_reasons_new     (guint         reserved);
/* Appends a reason of @kind to @reasons, its arguments after @kind as
 * sc_reason_info (@kind)->args lists them. Copies nothing but the record. */
void    sc_reason_add      (GArray       *reasons,
                            ScReasonKind  kind,
                            ...);
void    sc_reason_addv     (GArray       *reasons,
                            ScReasonKind  kind,
                            va_list       va);

/*
 * The text of @reason: texts of the program files in @lang ("zh" or "en"),
 * msgids through gettext as it stands (the caller sets the language of
 * the messages: the engine writes its result's in the process's, and
 * sc_reasons_format_in() switches). (transfer full)
 */
char      *sc_reason_format    (const ScReason *reason,
                                const char     *lang);
/* The @n reasons from @reasons (may be NULL when @n is 0) as
 * sc_reason_format() writes them. (transfer full) */
GPtrArray *sc_reasons_format   (const ScReason *reasons,
                                guint           n,
                                const char     *lang);
/* sc_reasons_format() without repeats: a line written before is left out
 * (the assumption and warning notes). (transfer full) */
GPtrArray *sc_reasons_format_unique (const ScReason *reasons,
                                     guint           n,
                                     const char     *lang);
/* sc_reasons_format() (or, @unique, sc_reasons_format_unique()) with the
 * messages switched to @lang for the time it takes
 * (sc_i18n_switch_begin(): main thread only). (transfer full) */
GPtrArray *sc_reasons_format_in (const ScReason *reasons,
                                 guint           n,
                                 const char     *lang,
                                 gboolean        unique);

/* "<", "≥" … of @op. (transfer none) */
const char *sc_reason_op_symbol (ScOp op);

G_END_DECLS
