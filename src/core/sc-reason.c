/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

/* Reasons as data: the table of kinds, recording, and writing them out. */

#include "sc-reason.h"

#include "sc-format.h"
#include "sc-i18n.h"
#include "sc-result.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Looked up through the evaluation's cache when there is one. */
#undef _
#define _(msgid) sc_format_gettext (msgid)

#define A(t) SC_REASON_ARG_##t

static const ScReasonInfo infos[SC_N_REASONS] = {
  /* Translators: a measure the source calls 预计 (expected); the day it is expected to start */
  [SC_REASON_EXPECTED_FROM] = { N_("Expected (预计) from %s, not yet in force"), FALSE, { A (DAY) } },
  [SC_REASON_EXPECTED] = { N_("Expected (预计), not yet in force"), FALSE, { 0 } },
  [SC_REASON_REPLACED] = { N_("Replaced by “%s” from %s"), FALSE, { A (TEXT), A (DAY) } },
  [SC_REASON_WINDOW_ENDED] = { N_("Window ended: last day %s, before the evaluation date %s"), FALSE, { A (DAY), A (DAY) } },
  [SC_REASON_WINDOW_AFTER_HORIZON] = { N_("Window starts %s, after the horizon ends (%s)"), FALSE, { A (DAY), A (DAY) } },
  [SC_REASON_END_ASSUMED_OPEN] = { N_("Counted to the end of the horizon: the source gives no end (assumed)"), FALSE, { 0 } },
  /* Translators: the last day of the measure's window */
  [SC_REASON_END_ASSUMED] = { N_("Counted until %s: the source does not give this end (assumed)"), FALSE, { A (DAY) } },
  [SC_REASON_NEEDS_INFO] = { N_("Needs information: %s"), FALSE, { A (FIELD) } },

  [SC_REASON_COND_LABEL] = { "%s", TRUE, { A (TEXT) } },
  /* "Shop experience score 4.3 < 4.4", "… Qianchuan·Chengfang 30% > 0%" */
  [SC_REASON_COND_COMPARE] = { "%s %s %s %s", TRUE, { A (LABEL), A (VALUE_VS), A (OP), A (VALUE) } },
  [SC_REASON_COND_CHOICE] = { N_("%s: %s"), FALSE, { A (LABEL), A (CHOICE) } },
  [SC_REASON_CHOICE_NOT] = { N_("%s: %s, not %s"), FALSE, { A (LABEL), A (CHOICE), A (CHOICES) } },
  /* Translators: condition, the profile's date, the window:
   * "First sale made: 2026-01-10, within 2026-01-01 onwards" */
  [SC_REASON_COND_DATE_IN] = { N_("%s: %s, within %s"), FALSE, { A (LABEL), A (DAY), A (WINDOW) } },
  [SC_REASON_COND_DATE_NOT_IN] = { N_("%s: %s, not within %s"), FALSE, { A (LABEL), A (DAY), A (WINDOW) } },

  [SC_REASON_COVER_OFF] = { N_("Return-shipping cover is off: no fee to waive"), FALSE, { 0 } },
  [SC_REASON_NO_BASELINE_ORDER_FEE] = { N_("No baseline fee per order for %s: nothing to waive"), FALSE, { A (PLATFORM) } },
  [SC_REASON_NO_BASELINE_FEE_WAIVE] = { N_("No baseline %s for %s: nothing to waive"), FALSE, { A (FEE), A (PLATFORM) } },
  /* Translators: days, the first day, the last day */
  [SC_REASON_DISCOUNT_DAYS] = { N_("Discount counted for %s days, %s – %s"), FALSE, { A (COUNT), A (DAY), A (DAY) } },
  [SC_REASON_COVER_ENDED] = { N_("Return-shipping cover on only until %s, before the evaluation date %s: no fee to waive"), FALSE, { A (DAY), A (DAY) } },
  /* Translators: the day the cover was turned on, the last day of the measure */
  [SC_REASON_COVER_AFTER_MEASURE] = { N_("Return-shipping cover starts on %s, after the measure ends on %s: no fee to waive"), FALSE, { A (DAY), A (DAY) } },
  [SC_REASON_COVER_AFTER_HORIZON] = { N_("Return-shipping cover starts on %s, after the horizon: no fee to waive"), FALSE, { A (DAY) } },
  /* Translators: the order cap (1,300), the evaluation date, a profile field */
  [SC_REASON_FREE_ORDERS_FROM_AS_OF_FIELD] = { N_("Assumes none of the %s free orders were used before %s, the evaluation date: the profile does not say when you enrolled (“%s”)"), FALSE, { A (COUNT), A (DAY), A (FIELD) } },
  /* Translators: the order cap (1,300), the evaluation date */
  [SC_REASON_FREE_ORDERS_FROM_AS_OF] = { N_("Assumes none of the %s free orders were used before %s, the evaluation date: the profile does not say when you enrolled"), FALSE, { A (COUNT), A (DAY) } },
  [SC_REASON_ORDERS_CAPPED] = { N_("Waived orders capped at %s"), FALSE, { A (COUNT) } },
  /* Translators: orders used, the order cap, the day counting started, the evaluation date:
   * "1,180 of the 1,300 free orders used from 2026-02-01 to the evaluation date 2026-04-01" */
  [SC_REASON_FREE_ORDERS_USED_PART] = { N_("%s of the %s free orders used from %s to the evaluation date %s"), FALSE, { A (COUNT), A (COUNT), A (DAY), A (DAY) } },
  /* Translators: orders spread over days are fractions, shown whole here;
   * then the fee per order in yuan */
  [SC_REASON_ORDERS_WAIVED] = { N_("%s orders waived at %s yuan each in the horizon"), FALSE, { A (COUNT), A (MONEY) } },
  /* Translators: last day of the free orders, the evaluation date */
  [SC_REASON_FREE_ORDERS_ENDED] = { N_("The free orders ended on %s, before the evaluation date %s"), FALSE, { A (DAY), A (DAY) } },
  /* Translators: the order cap, the evaluation date, the day counting started */
  [SC_REASON_FREE_ORDERS_USED_ALL] = { N_("All %s free orders were used before the evaluation date %s (counted from %s)"), FALSE, { A (COUNT), A (DAY), A (DAY) } },
  /* Translators: the days of the free orders, e.g. "2026-01-10 – 2026-01-16" */
  [SC_REASON_FREE_ORDERS_NONE] = { N_("No order in the horizon falls within the free-order days (%s)"), FALSE, { A (WINDOW) } },
  [SC_REASON_ORDERS_DISCOUNTED] = { N_("%s later orders with %s%% of the fee subsidised"), FALSE, { A (COUNT), A (PERCENT) } },
  /* Translators: a field and its share, the field it is part of and its share */
  [SC_REASON_SHARE_EXCEEDS] = { N_("“%s” (%s%%) cannot exceed “%s” (%s%%), which it is part of: counted as %s%%; correct the profile"), FALSE, { A (FIELD), A (PERCENT), A (FIELD), A (PERCENT), A (PERCENT) } },
  [SC_REASON_NO_BASELINE_FEE_REDUCE] = { N_("No baseline %s for %s: nothing to reduce"), FALSE, { A (FEE), A (PLATFORM) } },
  [SC_REASON_RATE] = { N_("Rate %s%% instead of %s%% on %s%% of GMV"), FALSE, { A (PERCENT), A (PERCENT), A (PERCENT) } },
  [SC_REASON_NO_BASELINE_COMMISSION] = { N_("No baseline commission for %s: nothing to waive"), FALSE, { A (PLATFORM) } },
  [SC_REASON_COMMISSION_WAIVED] = { N_("Commission of %s%% waived on %s%% of GMV"), FALSE, { A (PERCENT), A (PERCENT) } },
  [SC_REASON_NO_COST_OF_CAPITAL] = { N_("Cash-flow value not computed: set “%s” in the profile"), FALSE, { A (FIELD) } },
  [SC_REASON_NO_BASELINE_DEPOSIT] = { N_("No baseline deposit for %s"), FALSE, { A (PLATFORM) } },
  [SC_REASON_DEPOSIT] = { N_("Deposit %s instead of %s"), FALSE, { A (VALUE), A (VALUE) } },
  /* Translators: days, the first day, the last day */
  [SC_REASON_DEPOSIT_DAYS] = { N_("Lower deposit counted for %s days, %s – %s"), FALSE, { A (COUNT), A (DAY), A (DAY) } },
  [SC_REASON_NO_BASELINE_SETTLEMENT] = { N_("No baseline settlement days for %s"), FALSE, { A (PLATFORM) } },
  [SC_REASON_SETTLEMENT] = { N_("Settled after %s days instead of %s"), FALSE, { A (NUMBER), A (NUMBER) } },

  [SC_REASON_TRAFFIC_NOT_CONVERTED] = { N_("Traffic in %s is not converted to exposures: the data gives no exposures per unit"), FALSE, { A (TRAFFIC_UNIT) } },
  [SC_REASON_TRAFFIC_NOT_VALUED] = { N_("Traffic is not valued in yuan: set “%s” in the profile"), FALSE, { A (FIELD) } },
  [SC_REASON_PAID_OUTSIDE_WINDOW] = { N_("Paid on %s, outside the measure’s window: nothing counted"), FALSE, { A (DAY) } },
  /* Translators: payment day, evaluation date */
  [SC_REASON_PAID_BEFORE] = { N_("Paid on %s, before the evaluation date %s: already received, so not counted (the estimate covers what is still to come)"), FALSE, { A (DAY), A (DAY) } },
  [SC_REASON_PAID_OUTSIDE_HORIZON] = { N_("Paid on %s, outside the horizon: nothing counted"), FALSE, { A (DAY) } },
  /* Translators: "up to " or nothing, amount, kind (cash, ad credit…), payment day:
   * "up to 240 cash on 2026-01-15". "up to " keeps its trailing space. */
  [SC_REASON_GRANT_MONEY] = { N_("%s%s %s on %s"), FALSE, { A (MSGID), A (MONEY), A (BENEFIT), A (DAY) } },
  [SC_REASON_GRANT_TRAFFIC] = { N_("%s%s %s on %s"), FALSE, { A (MSGID), A (COUNT), A (TRAFFIC_UNIT), A (DAY) } },
  [SC_REASON_STARTS_OUTSIDE_WINDOW] = { N_("Starts on %s, outside the measure’s window: nothing counted"), FALSE, { A (DAY) } },
  [SC_REASON_TIER_BELOW] = { N_("T%u (%s): GMV since the start %s is below the first tier"), FALSE, { A (UINT), A (DAY), A (MONEY) } },
  [SC_REASON_TIER_NO_REWARD] = { N_("T%u (%s): tier %s reached but the data gives no reward for it"), FALSE, { A (UINT), A (DAY), A (MONEY) } },
  /* Translators: checkpoint day count and day, GMV since the start, tier threshold,
   * reward, evaluation date */
  [SC_REASON_TIER_PAID_BEFORE] = { N_("T%u (%s): GMV since the start %s ≥ %s → %s, paid before the evaluation date %s: already received, so not counted"), FALSE, { A (UINT), A (DAY), A (MONEY), A (MONEY), A (MONEY), A (DAY) } },
  [SC_REASON_TIER_REACHED] = { N_("T%u (%s): GMV since the start %s ≥ %s → %s%s"), FALSE, { A (UINT), A (DAY), A (MONEY), A (MONEY), A (MONEY), A (MSGID) } },
  /* Translators: checkpoint day count, the maximum over all checkpoints, the tier's reward */
  [SC_REASON_TIER_CAPPED] = { N_("T%u: the maximum of %s is reached, so %s of the tier’s %s is counted"), FALSE, { A (UINT), A (MONEY), A (MONEY), A (MONEY) } },
  /* Translators: checkpoint day count, its first and last day counted, the checkpoint day count again */
  [SC_REASON_TIER_DAYS] = { N_("T%u counts GMV from %s to %s (the start is day 1, the last day is day %u); the other checkpoints likewise"), FALSE, { A (UINT), A (DAY), A (DAY), A (UINT) } },
  [SC_REASON_RANK_OUTSIDE] = { N_("Expected rank %s is outside every rewarded top N"), FALSE, { A (NUMBER) } },
  [SC_REASON_RANK] = { N_("Expected rank %s within top %s → %s"), FALSE, { A (NUMBER), A (COUNT), A (MONEY) } },

  [SC_REASON_GROUP_IN_FORCE] = { N_("Not counted: “%s” is in force and counts instead (an expected measure does not displace one in force)"), FALSE, { A (TEXT) } },
  [SC_REASON_GROUP_EXCLUSIVE] = { N_("Not counted: “%s” counts instead (only one measure of this group applies)"), FALSE, { A (TEXT) } },
  [SC_REASON_GROUP_BEST_OF] = { N_("Not counted: “%s” is worth more (only the best measure of this group applies)"), FALSE, { A (TEXT) } },
  [SC_REASON_FEE_CAPPED] = { N_("Reduction cut so that %s does not go below zero"), FALSE, { A (FEE) } },
  [SC_REASON_EXPECTED_APART] = { N_("Its value is shown apart and left out of every total until it is in force"), FALSE, { 0 } },

  /* Translators: platform, fee, " / " and category (or nothing), value */
  [SC_REASON_NOTE_OVERRIDE] = { N_("%s %s%s%s: %s (your override)"), FALSE, { A (PLATFORM), A (FEE), A (STRING), A (CHOICE), A (VALUE) } },
  /* Translators: platform, fee, " / " and category (or nothing), value, note */
  [SC_REASON_NOTE_OVERRIDE_NOTED] = { N_("%s %s%s%s: %s (your override) — %s"), FALSE, { A (PLATFORM), A (FEE), A (STRING), A (CHOICE), A (VALUE), A (TEXT) } },
  /* Translators: platform, fee, " / " and category (or nothing), value, note */
  [SC_REASON_NOTE_BASELINE_ASSUMED] = { N_("%s %s%s%s: %s (assumed) — %s"), FALSE, { A (TEXT), A (FEE), A (STRING), A (CHOICE), A (VALUE), A (TEXT) } },
  /* Translators: measure title, what (e.g. "reward"), value, note:
   * "Leap gold plan: reward 500 yuan (assumed) — The article gives no reward…" */
  [SC_REASON_NOTE_NUMBER_ASSUMED] = { N_("%s: %s %s (assumed) — %s"), FALSE, { A (TEXT), A (MSGID), A (VALUE), A (TEXT) } },
  /* The condition as its reason shows it: "Has orders through Qianchuan·Chengfang >" */
  [SC_REASON_NOTE_THRESHOLD_ASSUMED] = { N_("%s: %s %s (assumed) — %s"), FALSE, { A (TEXT), A (LABEL_OP), A (VALUE), A (TEXT) } },
  /* Translators: measure or program title, note */
  [SC_REASON_NOTE_RUNS_OPEN] = { N_("%s: runs on to the end of the horizon, no end given (assumed) — %s"), FALSE, { A (TEXT), A (TEXT) } },
  /* Translators: measure or program title, the last day counted, note */
  [SC_REASON_NOTE_RUNS_UNTIL] = { N_("%s: runs until %s (assumed) — %s"), FALSE, { A (TEXT), A (DAY), A (TEXT) } },
  /* Translators: measure title, the order cap (1,300), the evaluation date, a profile field */
  [SC_REASON_NOTE_FREE_ORDERS_FIELD] = { N_("%s: the %s free orders counted from %s, the evaluation date (assumed) — the profile does not say when you enrolled (“%s”), so none are taken as used before"), FALSE, { A (TEXT), A (COUNT), A (DAY), A (FIELD) } },
  /* Translators: measure title, the order cap (1,300), the evaluation date */
  [SC_REASON_NOTE_FREE_ORDERS] = { N_("%s: the %s free orders counted from %s, the evaluation date (assumed) — the profile does not say when you enrolled, so none are taken as used before"), FALSE, { A (TEXT), A (COUNT), A (DAY) } },
  [SC_REASON_NOTE_PROFILE] = { N_("%s: %s (profile)"), FALSE, { A (FIELD), A (VALUE) } },
  /* Translators: profile field, value, note */
  [SC_REASON_NOTE_PROFILE_NOTED] = { N_("%s: %s (profile) — %s"), FALSE, { A (FIELD), A (VALUE), A (TEXT) } },
  /* Translators: profile field, the value used instead ("0%") */
  [SC_REASON_NOTE_NOT_GIVEN] = { N_("%s: not given, %s used"), FALSE, { A (FIELD), A (VALUE) } },

  [SC_REASON_WARN_NO_GMV] = { N_("Fees are not estimated: set “%s” in the profile"), FALSE, { A (FIELD) } },
  [SC_REASON_WARN_NO_ORDER_VALUE] = { N_("Per-order fees are not estimated: set “%s” in the profile"), FALSE, { A (FIELD) } },
  /* Translators: the loader's message, "file:line:col: …" */
  [SC_REASON_WARN_FILE_NOT_LOADED] = { N_("A program file was not loaded, so its programs are left out: %s"), FALSE, { A (STRING) } },
  [SC_REASON_WARN_NO_BASELINE] = { N_("No baseline fees for %s: its gross fees are shown as 0"), FALSE, { A (STRING) } },
};

#undef A

const ScReasonInfo *
sc_reason_info (ScReasonKind kind)
{
  g_return_val_if_fail ((guint) kind < SC_N_REASONS, NULL);
  return &infos[kind];
}

const char *
sc_reason_op_symbol (ScOp op)
{
  switch (op)
    {
    case SC_OP_EQ: return "=";
    case SC_OP_NE: return "≠";
    case SC_OP_LT: return "<";
    case SC_OP_LE: return "≤";
    case SC_OP_GT: return ">";
    case SC_OP_GE: return "≥";
    default: return "?";
    }
}

/* --- recording -------------------------------------------------------------- */

/*
 * @value (a choice of @field, as a profile holds it) as a string that
 * lasts: the profile may be changed or freed before the result is. The
 * field's own table has every valid choice; a bool's are "true" and
 * "false"; anything else is interned.
 */
static const char *
lasting_choice (ScField     field,
                const char *value)
{
  const char *const *choices = (guint) field < SC_N_FIELDS ? sc_field_info (field)->choices : NULL;

  if (value == NULL)
    return NULL;
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    if (strcmp (choices[i], value) == 0)
      return choices[i];
  if (strcmp (value, "true") == 0)
    return "true";
  if (strcmp (value, "false") == 0)
    return "false";
  return g_intern_string (value);
}

GArray *
sc_reasons_new (guint reserved)
{
  return g_array_sized_new (FALSE, FALSE, sizeof (ScReason), reserved);
}

void
sc_reason_addv (GArray       *reasons,
                ScReasonKind  kind,
                va_list       va)
{
  const ScReasonInfo *info;
  ScReason *r;

  g_return_if_fail ((guint) kind < SC_N_REASONS);
  info = &infos[kind];
  g_array_set_size (reasons, reasons->len + 1);
  r = &g_array_index (reasons, ScReason, reasons->len - 1);
  r->kind = kind;
  r->owner = NULL;
  for (guint i = 0; i < SC_REASON_MAX_ARGS && info->args[i] != SC_REASON_ARG_NONE; i++)
    {
      ScReasonArg *a = &r->args[i];

      switch (info->args[i])
        {
        case SC_REASON_ARG_COUNT:
        case SC_REASON_ARG_MONEY:
        case SC_REASON_ARG_NUMBER:
        case SC_REASON_ARG_PERCENT:
          a->x = va_arg (va, double);
          break;
        case SC_REASON_ARG_VALUE:
          a->x = va_arg (va, double);
          a->i = va_arg (va, int);
          a->q = va_arg (va, const char *);
          break;
        case SC_REASON_ARG_VALUE_VS:
          a->x = va_arg (va, double);
          a->y = va_arg (va, double);
          a->i = va_arg (va, int);
          break;
        case SC_REASON_ARG_DAY:
        case SC_REASON_ARG_UINT:
          a->i = (gint) va_arg (va, guint);
          break;
        case SC_REASON_ARG_WINDOW:
          {
            ScWindow w = va_arg (va, ScWindow);

            a->i = (gint) w.start;
            a->y = w.end;
            break;
          }
        case SC_REASON_ARG_FIELD:
        case SC_REASON_ARG_FEE:
        case SC_REASON_ARG_BENEFIT:
        case SC_REASON_ARG_OP:
          a->i = va_arg (va, int);
          break;
        case SC_REASON_ARG_TEXT:
        case SC_REASON_ARG_STRING:
        case SC_REASON_ARG_MSGID:
        case SC_REASON_ARG_TRAFFIC_UNIT:
          a->p = va_arg (va, gconstpointer);
          break;
        case SC_REASON_ARG_CHOICE:
          {
            const char *value;

            a->i = va_arg (va, int);
            value = va_arg (va, const char *);
            a->p = lasting_choice ((ScField) a->i, value);
            break;
          }
        case SC_REASON_ARG_CHOICES:
          a->i = va_arg (va, int);
          a->p = va_arg (va, gconstpointer);
          break;
        case SC_REASON_ARG_LABEL:
          a->p = va_arg (va, gconstpointer);
          a->i = va_arg (va, int);
          break;
        case SC_REASON_ARG_LABEL_OP:
          a->p = va_arg (va, gconstpointer);
          a->i = va_arg (va, int);
          a->q = sc_reason_op_symbol ((ScOp) va_arg (va, int));
          break;
        case SC_REASON_ARG_PLATFORM:
          a->p = va_arg (va, gconstpointer);
          a->q = va_arg (va, gconstpointer);
          break;
        case SC_REASON_ARG_NONE:
        default:
          g_assert_not_reached ();
        }
    }
}

void
sc_reason_add (GArray       *reasons,
               ScReasonKind  kind,
               ...)
{
  va_list va;

  va_start (va, kind);
  sc_reason_addv (reasons, kind, va);
  va_end (va);
}

/* --- writing ------------------------------------------------------------------ */

static const char *
benefit_label (ScBenefit benefit)
{
  switch (benefit)
    {
    /* Translators: after an amount in yuan, "up to 240 yuan in cash on 2026-01-10" */
    case SC_BENEFIT_CASH: return _("yuan in cash");
    case SC_BENEFIT_AD_CREDIT: return _("yuan in ad credit");
    case SC_BENEFIT_COUPON: return _("yuan in coupons");
    case SC_BENEFIT_TRAFFIC: return _("traffic units");
    default: return "";
    }
}

/* x as the profile's value compared with t: never "11 < 11". */
static const char *
format_value_vs (char           *buf,
                 gsize           size,
                 const ScReasonArg *a)
{
  char bt[SC_FORMAT_VALUE_BUF];
  ScUnit unit = (ScUnit) a->i;

  sc_format_value (buf, size, a->x, unit, NULL);
  sc_format_value (bt, sizeof bt, a->y, unit, NULL);
  /* When rounding hides the difference, the profile's value is written
   * with the digits that show it. */
  if (a->x != a->y && g_str_equal (buf, bt))
    {
      g_ascii_formatd (buf, size - 1, "%.12g", unit == SC_UNIT_PERCENT ? a->x * 100 : a->x);
      if (unit == SC_UNIT_PERCENT)
        g_strlcat (buf, "%", size);
    }
  return buf;
}

/* Argument @a of type @type as text: into @buf, or a string that outlives
 * the call, or a new one into *@owned. */
static const char *
format_arg (ScReasonArgType    type,
            const ScReasonArg *a,
            const char        *lang,
            char              *buf,
            gsize              size,
            char             **owned)
{
  switch (type)
    {
    case SC_REASON_ARG_COUNT:
      return sc_format_count (buf, size, a->x);
    case SC_REASON_ARG_MONEY:
      return sc_format_money (buf, size, a->x);
    case SC_REASON_ARG_NUMBER:
      return sc_format_number (buf, size, a->x);
    case SC_REASON_ARG_PERCENT:
      return sc_format_number (buf, size, a->x * 100);
    case SC_REASON_ARG_VALUE:
      return sc_format_value (buf, size, a->x, (ScUnit) a->i,
                              a->q != NULL ? sc_traffic_unit_label (a->q) : NULL);
    case SC_REASON_ARG_VALUE_VS:
      return format_value_vs (buf, size, a);
    case SC_REASON_ARG_DAY:
      return sc_day_format ((ScDay) a->i, buf);
    case SC_REASON_ARG_WINDOW:
      {
        ScWindow w = { (ScDay) a->i, (ScDay) a->y };
        const char *s = sc_format_window_into (buf, size, w);

        return s != NULL ? s : (*owned = sc_format_window (w));
      }
    case SC_REASON_ARG_UINT:
      {
        guint u = (guint) a->i;
        char *d = buf + size - 1;

        *d = '\0';
        do
          {
            *--d = (char) ('0' + u % 10);
            u /= 10;
          }
        while (u > 0);
        return d;
      }
    case SC_REASON_ARG_TEXT:
      return sc_text_get (a->p, lang);
    case SC_REASON_ARG_STRING:
      return a->p;
    case SC_REASON_ARG_MSGID:
      return a->p != NULL ? _(a->p) : "";
    case SC_REASON_ARG_FIELD:
      return sc_format_field_label ((ScField) a->i);
    case SC_REASON_ARG_FEE:
      return sc_format_fee_label ((ScFee) a->i);
    case SC_REASON_ARG_CHOICE:
      return a->p != NULL ? sc_format_choice_label ((ScField) a->i, a->p) : "";
    case SC_REASON_ARG_CHOICES:
      {
        const char *s = sc_format_choices_into (buf, size, (ScField) a->i, a->p);

        return s != NULL ? s : (*owned = sc_format_choices ((ScField) a->i, a->p));
      }
    case SC_REASON_ARG_LABEL:
      return a->p != NULL ? sc_text_get (a->p, lang) : sc_format_field_label ((ScField) a->i);
    case SC_REASON_ARG_LABEL_OP:
      return *owned = g_strconcat (a->p != NULL ? sc_text_get (a->p, lang) : sc_format_field_label ((ScField) a->i),
                                   " ", (const char *) a->q, NULL);
    case SC_REASON_ARG_PLATFORM:
      {
        const char *name = a->p != NULL ? sc_text_get (a->p, lang) : NULL;

        return name != NULL && *name != '\0' ? name : a->q;
      }
    case SC_REASON_ARG_TRAFFIC_UNIT:
      return sc_traffic_unit_label (a->p);
    case SC_REASON_ARG_BENEFIT:
      return benefit_label ((ScBenefit) a->i);
    case SC_REASON_ARG_OP:
      return sc_reason_op_symbol ((ScOp) a->i);
    case SC_REASON_ARG_NONE:
    default:
      return "";
    }
}

char *
sc_reason_format (const ScReason *reason,
                  const char     *lang)
{
  const ScReasonInfo *info;
  /* Big enough for nearly any list of choices or window (else allocated). */
  char bufs[SC_REASON_MAX_ARGS][256];
  char *owned[SC_REASON_MAX_ARGS] = { NULL };
  const char *strings[SC_REASON_MAX_ARGS];
  guint n = 0;
  char *out;

  g_return_val_if_fail (reason != NULL && (guint) reason->kind < SC_N_REASONS, NULL);
  info = &infos[reason->kind];
  for (; n < SC_REASON_MAX_ARGS && info->args[n] != SC_REASON_ARG_NONE; n++)
    strings[n] = format_arg (info->args[n], &reason->args[n], lang, bufs[n], sizeof bufs[n], &owned[n]);
  out = sc_format_printf_strings (info->literal ? info->msgid : _(info->msgid), strings, n);
  for (guint i = 0; i < n; i++)
    g_free (owned[i]);
  return out;
}

GPtrArray *
sc_reasons_format (const ScReason *reasons,
                   guint           n,
                   const char     *lang)
{
  GPtrArray *out = g_ptr_array_new_full (n, g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, sc_reason_format (&reasons[i], lang));
  return out;
}

/* Appends @line (taking it) unless @lines has it already. A few dozen lines
 * are compared directly (cheaper than hashing long notes); past that a set
 * in *@seen, made on first need, keeps it linear. */
static void
add_line (GPtrArray   *lines,
          GHashTable **seen,
          char        *line)
{
  if (*seen == NULL && lines->len >= 32)
    {
      *seen = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < lines->len; i++)
        g_hash_table_add (*seen, g_ptr_array_index (lines, i));
    }
  if (*seen != NULL ? g_hash_table_contains (*seen, line) : g_ptr_array_find_with_equal_func (lines, line, g_str_equal, NULL))
    {
      g_free (line);
      return;
    }
  if (*seen != NULL)
    g_hash_table_add (*seen, line);
  g_ptr_array_add (lines, line);
}

GPtrArray *
sc_reasons_format_unique (const ScReason *reasons,
                          guint           n,
                          const char     *lang)
{
  GPtrArray *out = g_ptr_array_new_full (n, g_free);
  g_autoptr(GHashTable) seen = NULL;

  for (guint i = 0; i < n; i++)
    add_line (out, &seen, sc_reason_format (&reasons[i], lang));
  return out;
}

GPtrArray *
sc_reasons_format_in (const ScReason *reasons,
                      guint           n,
                      const char     *lang,
                      gboolean        unique)
{
  ScI18nSwitch *sw = sc_i18n_switch_begin (sc_lang_from_code (lang));
  const char *code = sc_lang_to_code (sc_lang_from_code (lang));
  GPtrArray *out = unique ? sc_reasons_format_unique (reasons, n, code) : sc_reasons_format (reasons, n, code);

  sc_i18n_switch_end (sw);
  return out;
}
