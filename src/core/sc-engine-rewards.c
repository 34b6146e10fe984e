/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

/* Reward effects: grants, tiered rewards and ranks. */

#include "sc-engine-private.h"

#include <math.h>
#include <string.h>

/* Translators: before an amount, "up to 240 yuan in cash on 2026-01-10"; keep the trailing space */
#define UP_TO N_("up to ")

/* The unit of a grant's or reward's amount: yuan, or a count of traffic. */
static ScUnit
benefit_unit (const ScEffect *eff)
{
  return eff->benefit == SC_BENEFIT_TRAFFIC ? SC_UNIT_COUNT : SC_UNIT_YUAN;
}

/* The traffic unit whose label follows a count of traffic, else NULL. */
static const char *
benefit_noun (const ScEffect *eff)
{
  return eff->benefit == SC_BENEFIT_TRAFFIC ? (eff->unit ? eff->unit : "exposure") : NULL;
}

/* The tier of @eff reached first: the lowest threshold of a tiered effect,
 * the widest top N of a rank (the loader keeps them in that order). */
static const ScTier *
first_tier (const ScEffect *eff)
{
  return eff->tiers != NULL && eff->tiers->len > 0 ? g_ptr_array_index (eff->tiers, 0) : NULL;
}

/* The threshold of @tier decided what a checkpoint or a rank pays: its
 * basis is the measure's, and an assumed one is listed (yuan of GMV for a
 * tiered effect, a top N as a count for a rank). */
static void
note_threshold (Ctx             *ctx,
                ScMeasureResult *mr,
                const ScTier    *tier,
                ScUnit           unit)
{
  if (tier == NULL || !tier->threshold.set)
    return;
  mr->basis |= tier->threshold.basis;
  if (unit == SC_UNIT_COUNT)
    /* Translators: what an assumed number is: the top N a rank must be within, "rank tier, top 1,000" */
    sc_ctx_note_assumed (ctx, mr->measure, N_("rank tier, top"), &tier->threshold, SC_UNIT_COUNT, NULL);
  else
    /* Translators: what an assumed number is: the GMV a tier of rewards starts at */
    sc_ctx_note_assumed (ctx, mr->measure, N_("tier threshold"), &tier->threshold, unit, NULL);
}

/* Books one benefit of @amount (yuan or traffic units) on @day. */
static void
book_benefit (Ctx             *ctx,
              MeasurePriv     *mp,
              const ScEffect  *eff,
              ScDay            day,
              double           amount)
{
  ScMeasureResult *mr = &mp->pub;
  double *monthly = mr->monthly;

  switch (eff->benefit)
    {
    case SC_BENEFIT_CASH:
      book_day (ctx, monthly, SC_AMOUNT_CASH, day, amount);
      break;
    case SC_BENEFIT_AD_CREDIT:
      book_day (ctx, monthly, SC_AMOUNT_AD_CREDIT, day, amount);
      break;
    case SC_BENEFIT_COUPON:
      book_day (ctx, monthly, SC_AMOUNT_COUPON, day, amount);
      break;
    case SC_BENEFIT_TRAFFIC:
      {
        double per_unit = 1, exposures;
        gboolean known = TRUE;

        if (eff->unit != NULL && !g_str_equal (eff->unit, "exposure"))
          {
            if (eff->exposures_per_unit.set)
              {
                per_unit = sc_ctx_number (ctx, &eff->exposures_per_unit);
                mr->basis |= eff->exposures_per_unit.basis;
                /* Translators: what an assumed number is: exposures one traffic coupon (or unit of traffic) buys */
                sc_ctx_note_assumed (ctx, mr->measure, N_("exposures per unit"), &eff->exposures_per_unit,
                                     SC_UNIT_PLAIN, NULL);
              }
            else
              {
                known = FALSE;
                add_reason (ctx, mr, SC_REASON_TRAFFIC_NOT_CONVERTED, eff->unit);
              }
          }
        mr->traffic_unit = eff->unit ? eff->unit : "exposure";
        book_day (ctx, monthly, SC_AMOUNT_TRAFFIC_UNITS, day, amount);
        if (!known)
          break;
        exposures = amount * per_unit;
        book_day (ctx, monthly, SC_AMOUNT_TRAFFIC_EXPOSURES, day, exposures);
        if (ctx->have_ypk)
          {
            mr->basis |= SC_BASIS_PROFILE;
            book_day (ctx, monthly, SC_AMOUNT_TRAFFIC_VALUE, day, exposures * ctx->ypk / 1000.0);
          }
        else if (in_horizon (ctx, day))
          {
            add_reason (ctx, mr, SC_REASON_TRAFFIC_NOT_VALUED, SC_FIELD_YUAN_PER_1000_EXPOSURES);
            ctx_warning (ctx, SC_REASON_TRAFFIC_NOT_VALUED, SC_FIELD_YUAN_PER_1000_EXPOSURES);
          }
        break;
      }
    default:
      break;
    }
}

void
sc_eval_grant (Ctx            *ctx,
               MeasurePriv    *mp,
               const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  ScDay day = sc_ctx_anchor_day (ctx, mp, eff, NULL);

  if (day == SC_DAY_NONE || !eff->amount.set)
    return;
  if (eff->days.set)
    {
      day += (ScDay) MAX (0, sc_ctx_number (ctx, &eff->days));
      mr->basis |= eff->days.basis;
      /* Translators: what an assumed number is: the days from the anchor to the payment */
      sc_ctx_note_assumed (ctx, mr->measure, N_("payment delay"), &eff->days, SC_UNIT_DAYS, NULL);
    }
  mr->basis |= eff->amount.basis;
  /* Translators: what an assumed number is, shown as "title — amount 240 (assumed): note" */
  sc_ctx_note_assumed (ctx, mp->pub.measure, N_("amount"), &eff->amount, benefit_unit (eff), benefit_noun (eff));
  if (!sc_window_contains (&mp->window, day))
    {
      add_reason (ctx, mr, SC_REASON_PAID_OUTSIDE_WINDOW, day);
      return;
    }
  /* The estimate is of what is still to come: a grant paid before the
   * evaluation date has been received (or missed) already. */
  if (day < ctx->as_of)
    {
      add_reason (ctx, mr, SC_REASON_PAID_BEFORE, day, ctx->as_of);
      return;
    }
  if (!in_horizon (ctx, day))
    {
      add_reason (ctx, mr, SC_REASON_PAID_OUTSIDE_HORIZON, day);
      return;
    }
  book_benefit (ctx, mp, eff, day, sc_ctx_number (ctx, &eff->amount));
  if (eff->benefit == SC_BENEFIT_TRAFFIC)
    add_reason (ctx, mr, SC_REASON_GRANT_TRAFFIC, eff->up_to ? UP_TO : NULL, sc_ctx_number (ctx, &eff->amount),
                eff->unit, day);
  else
    add_reason (ctx, mr, SC_REASON_GRANT_MONEY, eff->up_to ? UP_TO : NULL, sc_ctx_number (ctx, &eff->amount),
                eff->benefit, day);
}

void
sc_eval_tiered (Ctx            *ctx,
                MeasurePriv    *mp,
                const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  ScDay anchor;
  double paid = 0, cap = eff->max_total.set ? sc_ctx_number (ctx, &eff->max_total) : INFINITY;

  if (!sc_ctx_need (ctx, mr, SC_FIELD_MONTHLY_GMV))
    return;
  anchor = sc_ctx_anchor_day (ctx, mp, eff, NULL);
  if (anchor == SC_DAY_NONE)
    return;
  mr->basis |= SC_BASIS_PROFILE;
  if (eff->max_total.set)
    {
      mr->basis |= eff->max_total.basis;
      sc_ctx_note_assumed (ctx, mr->measure, N_("maximum"), &eff->max_total, benefit_unit (eff), benefit_noun (eff));
    }
  if (!sc_window_contains (&mp->window, anchor))
    {
      add_reason (ctx, mr, SC_REASON_STARTS_OUTSIDE_WINDOW, anchor);
      return;
    }
  for (guint c = 0; eff->checkpoints != NULL && c < eff->checkpoints->len; c++)
    {
      guint offset = g_array_index (eff->checkpoints, guint, c);
      ScDay day = anchor + offset;
      double gmv = gmv_between (ctx, anchor, day);
      const ScTier *best = NULL;
      double reward;

      for (guint t = 0; eff->tiers != NULL && t < eff->tiers->len; t++)
        {
          const ScTier *tier = g_ptr_array_index (eff->tiers, t);

          if (tier->threshold.set && gmv + EPSILON >= sc_ctx_number (ctx, &tier->threshold))
            best = tier;
        }
      if (best == NULL)
        {
          /* The first tier's threshold is what made this checkpoint pay nothing. */
          note_threshold (ctx, mr, first_tier (eff), SC_UNIT_YUAN);
          add_reason (ctx, mr, SC_REASON_TIER_BELOW, offset, day, gmv);
          continue;
        }
      note_threshold (ctx, mr, best, SC_UNIT_YUAN);
      if (!best->reward.set)
        {
          add_reason (ctx, mr, SC_REASON_TIER_NO_REWARD, offset, day, sc_ctx_number (ctx, &best->threshold));
          continue;
        }
      mr->basis |= best->reward.basis;
      sc_ctx_note_assumed (ctx, mr->measure, N_("reward"), &best->reward, benefit_unit (eff), benefit_noun (eff));
      reward = MIN (sc_ctx_number (ctx, &best->reward), MAX (0, cap - paid));
      if (reward < sc_ctx_number (ctx, &best->reward))
        mr->cut_by_cap = TRUE;
      paid += reward;
      /* As for grants: a checkpoint before the evaluation date has been
       * paid already (it still counts towards the maximum). */
      if (day < ctx->as_of)
        {
          add_reason (ctx, mr, SC_REASON_TIER_PAID_BEFORE, offset, day, gmv, sc_ctx_number (ctx, &best->threshold),
                      reward, ctx->as_of);
          continue;
        }
      if (in_horizon (ctx, day))
        book_benefit (ctx, mp, eff, day, reward);
      add_reason (ctx, mr, SC_REASON_TIER_REACHED, offset, day, gmv, sc_ctx_number (ctx, &best->threshold), reward,
                  in_horizon (ctx, day) ? NULL : N_(" (outside the horizon)"));
      if (reward < sc_ctx_number (ctx, &best->reward))
        add_reason (ctx, mr, SC_REASON_TIER_CAPPED, offset, cap, reward, sc_ctx_number (ctx, &best->reward));
    }
  /* Which days a checkpoint's GMV covers: from the start (day 1) to the
   * day before the checkpoint's date. */
  if (eff->checkpoints != NULL && eff->checkpoints->len > 0)
    {
      guint first = g_array_index (eff->checkpoints, guint, 0);

      add_reason (ctx, mr, SC_REASON_TIER_DAYS, first, anchor, anchor + (ScDay) first - 1, first);
    }
}

void
sc_eval_rank (Ctx            *ctx,
              MeasurePriv    *mp,
              const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  const ScTier *best = NULL;
  double rank, reward;
  ScDay lo, hi;

  ScField field = (guint) eff->rank_field < SC_N_FIELDS ? eff->rank_field : SC_FIELD_EXPECTED_RANK;

  if (!sc_ctx_need (ctx, mr, field))
    return;
  mr->basis |= SC_BASIS_PROFILE;
  rank = ctx->profile->values[field].number;
  for (guint t = 0; eff->tiers != NULL && t < eff->tiers->len; t++)
    {
      const ScTier *tier = g_ptr_array_index (eff->tiers, t);

      if (tier->threshold.set && rank <= sc_ctx_number (ctx, &tier->threshold)
          && (best == NULL || sc_ctx_number (ctx, &tier->threshold) < sc_ctx_number (ctx, &best->threshold)))
        best = tier;
    }
  if (best == NULL)
    {
      /* The widest top N is what left the rank without a reward. */
      note_threshold (ctx, mr, first_tier (eff), SC_UNIT_COUNT);
      add_reason (ctx, mr, SC_REASON_RANK_OUTSIDE, rank);
      return;
    }
  note_threshold (ctx, mr, best, SC_UNIT_COUNT);
  if (!best->reward.set)
    return;
  mr->basis |= best->reward.basis;
  sc_ctx_note_assumed (ctx, mr->measure, N_("reward"), &best->reward, benefit_unit (eff), benefit_noun (eff));
  reward = sc_ctx_number (ctx, &best->reward);
  /* As for tiered rewards, a maximum bounds the value whether or not it cuts it. */
  if (eff->max_total.set)
    {
      mr->basis |= eff->max_total.basis;
      sc_ctx_note_assumed (ctx, mr->measure, N_("maximum"), &eff->max_total, benefit_unit (eff), benefit_noun (eff));
    }
  if (eff->max_total.set && reward > sc_ctx_number (ctx, &eff->max_total))
    {
      reward = sc_ctx_number (ctx, &eff->max_total);
      mr->cut_by_cap = TRUE;
    }
  /* Booked on the first day of the window inside the horizon. */
  if (!window_in_horizon (ctx, mp->window, &lo, &hi))
    return;
  book_benefit (ctx, mp, eff, lo, reward);
  add_reason (ctx, mr, SC_REASON_RANK, rank, sc_ctx_number (ctx, &best->threshold), reward);
}
