/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

/* Fee effects (order-fee waiver, fee rate, commission waiver, deposit,
 * settlement) and the gross fees of a platform. */

#include "sc-engine-private.h"

#include <math.h>
#include <string.h>

/* The return-shipping cover runs [start, end) (end SC_DAY_NONE = open):
 * from the day the profile says it was turned on, else from the first
 * sale (or as_of), for return-shipping-cover-days when given. */
static gboolean
cover_window (Ctx      *ctx,
              ScWindow *out)
{
  const ScProfile *p = ctx->profile;

  if (!sc_profile_get_bool (p, SC_FIELD_RETURN_COVER, FALSE))
    return FALSE;
  if (sc_profile_is_set (p, SC_FIELD_RETURN_COVER_SINCE))
    out->start = sc_profile_get_date (p, SC_FIELD_RETURN_COVER_SINCE);
  else
    out->start = ctx->first_sale != SC_DAY_NONE ? ctx->first_sale : ctx->as_of;
  out->end = SC_DAY_NONE;
  if (sc_profile_is_set (p, SC_FIELD_RETURN_COVER_DAYS))
    out->end = out->start + (ScDay) sc_profile_get_number (p, SC_FIELD_RETURN_COVER_DAYS, 0);
  return TRUE;
}

static double *
fee_red_of (Ctx         *ctx,
            MeasurePriv *mp,
            ScFee        fee)
{
  if (mp->fee_red == NULL)
    mp->fee_red = sc_ctx_new_fee_red (ctx);
  /* A delta looks only at the rows written (sc-engine-delta.c). */
  mp->fee_rows |= 1u << fee;
  return mp->fee_red + fee * ctx->n_months;
}

/* Orders (possibly fractional) sold in [d0, d1). */
static double
orders_between (Ctx   *ctx,
                ScDay  d0,
                ScDay  d1)
{
  return gmv_between (ctx, d0, d1) / ctx->aov;
}

void
sc_eval_order_fee_waiver (Ctx            *ctx,
                          MeasurePriv    *mp,
                          const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  const char *platform = mr->program->platform;
  ScWindow active = mp->window, waiver;
  double fee, cap, discount = 0;
  ScDay anchor, count_from, lo, hi;
  ScAnchor used;
  double waived_in = 0, discounted_in = 0;
  double *fr;

  if (!sc_ctx_need (ctx, mr, SC_FIELD_MONTHLY_GMV) || !sc_ctx_need (ctx, mr, SC_FIELD_AVG_ORDER_VALUE))
    return;
  mr->basis |= SC_BASIS_PROFILE;
  anchor = sc_ctx_anchor_day (ctx, mp, eff, &used);
  if (anchor == SC_DAY_NONE)
    return;

  if (eff->fee == SC_FEE_RETURN_SHIPPING)
    {
      ScWindow cover;

      if (!sc_ctx_need (ctx, mr, SC_FIELD_RETURN_COVER))
        return;
      if (!cover_window (ctx, &cover))
        {
          add_reason (ctx, mr, SC_REASON_COVER_OFF);
          return;
        }
      active = window_intersect (active, cover);
      if (!sc_ctx_baseline_value (ctx, platform, SC_FEE_RETURN_SHIPPING, &fee, &mr->basis))
        {
          add_reason (ctx, mr, SC_REASON_NO_BASELINE_ORDER_FEE, CTX_PLATFORM (ctx, platform));
          return;
        }
    }
  else
    {
      double rate;

      if (!sc_ctx_baseline_value (ctx, platform, eff->fee, &rate, &mr->basis))
        {
          add_reason (ctx, mr, SC_REASON_NO_BASELINE_FEE_WAIVE, eff->fee, CTX_PLATFORM (ctx, platform));
          return;
        }
      fee = rate * ctx->aov;
    }

  if (eff->discount_days.set)
    {
      /* The whole offer (free orders, then the discount) lasts this long. */
      ScWindow period = { anchor, anchor + (ScDay) MAX (0, sc_ctx_number (ctx, &eff->discount_days)) };

      active = window_intersect (active, period);
      mr->basis |= eff->discount_days.basis;
      /* Translators: what an assumed number is: how long the discount after the free orders lasts */
      sc_ctx_note_assumed (ctx, mr->measure, N_("discount period"), &eff->discount_days, SC_UNIT_DAYS, NULL);
      add_reason (ctx, mr, SC_REASON_DISCOUNT_DAYS, sc_ctx_number (ctx, &eff->discount_days),
                  period.start, period.end - 1);
    }
  cap = eff->max_orders.set ? sc_ctx_number (ctx, &eff->max_orders) : INFINITY;
  if (eff->max_orders.set)
    {
      mr->basis |= eff->max_orders.basis;
      /* Translators: what an assumed number is: how many orders the fee is waived for */
      sc_ctx_note_assumed (ctx, mr->measure, N_("free orders"), &eff->max_orders, SC_UNIT_COUNT, NULL);
    }
  if (eff->discount_after.set)
    {
      discount = sc_ctx_number (ctx, &eff->discount_after);
      mr->basis |= eff->discount_after.basis;
      /* Translators: the share of a per-order fee still subsidised after the free orders */
      sc_ctx_note_assumed (ctx, mr->measure, N_("discount after"), &eff->discount_after, SC_UNIT_PERCENT, NULL);
    }
  waiver.start = anchor;
  waiver.end = SC_DAY_NONE;
  if (eff->days.set)
    {
      waiver.end = anchor + (ScDay) MAX (0, sc_ctx_number (ctx, &eff->days));
      mr->basis |= eff->days.basis;
      /* Translators: what an assumed number is: how long the fee is waived for, from the anchor */
      sc_ctx_note_assumed (ctx, mr->measure, N_("waiver period"), &eff->days, SC_UNIT_DAYS, NULL);
    }
  waiver = window_intersect (waiver, active);

  if (!window_in_horizon (ctx, active, &lo, &hi))
    {
      /* The measure's window reaches into the horizon (eval_measure()
       * checked): the fee is not charged there, the cover is off. */
      if (active.end != SC_DAY_NONE && active.end <= ctx->as_of)
        add_reason (ctx, mr, SC_REASON_COVER_ENDED, active.end - 1, ctx->as_of);
      else if (mp->window.end != SC_DAY_NONE && active.start >= mp->window.end)
        add_reason (ctx, mr, SC_REASON_COVER_AFTER_MEASURE, active.start, mp->window.end - 1);
      else
        add_reason (ctx, mr, SC_REASON_COVER_AFTER_HORIZON, active.start);
      return;
    }
  fr = fee_red_of (ctx, mp, eff->fee);

  /*
   * The free orders are counted from @count_from: the anchor, or the later
   * start of the measure's window or of the cover (orders before either
   * cannot be free). A date of the profile (the first sale, the day the
   * cover was turned on…) says when they started: orders sold between it
   * and the evaluation date used them up, and only the part inside the
   * horizon is booked. The window start says only when enrolment opened,
   * not when this merchant enrolled, which the profile does not know;
   * counting the orders since then against the cap made the measure
   * "eligible, worth 0" for any evaluation date a few months into the
   * window. The estimate is of what is still to come, so such an allowance
   * is counted from the evaluation date, and the reasons say that it is an
   * assumption (and which field would replace it, when the effect falls
   * back on the window start for want of one).
   */
  count_from = waiver.start;
  if (used == SC_ANCHOR_WINDOW_START && anchor < ctx->as_of)
    {
      ScDay sold_from = active.start != SC_DAY_NONE ? MAX (anchor, active.start) : anchor;

      count_from = ctx->as_of;
      if (eff->max_orders.set && orders_between (ctx, sold_from, ctx->as_of) > EPSILON)
        {
          mr->basis |= SC_BASIS_ASSUMED;
          if (eff->anchor == SC_ANCHOR_FIELD)
            {
              add_reason (ctx, mr, SC_REASON_FREE_ORDERS_FROM_AS_OF_FIELD, cap, ctx->as_of, eff->anchor_field);
              ctx_assumption (ctx, SC_REASON_NOTE_FREE_ORDERS_FIELD, &mr->measure->title, cap, ctx->as_of,
                              eff->anchor_field);
            }
          else
            {
              add_reason (ctx, mr, SC_REASON_FREE_ORDERS_FROM_AS_OF, cap, ctx->as_of);
              ctx_assumption (ctx, SC_REASON_NOTE_FREE_ORDERS, &mr->measure->title, cap, ctx->as_of);
            }
        }
    }

  /* waived(d) = min(cap, orders in [count_from, d)) */
  for (guint m = month_of (ctx, lo); m < ctx->n_months && ctx->month_start[m] < hi; m++)
    {
      ScDay a = MAX (lo, ctx->month_start[m]), b = MIN (hi, ctx->month_start[m + 1]);
      double orders, waived = 0, v;

      if (b <= a)
        continue;
      orders = orders_between (ctx, a, b);
      {
        ScDay wa = MAX (a, waiver.start != SC_DAY_NONE ? waiver.start : a);
        ScDay wb = waiver.end != SC_DAY_NONE ? MIN (b, waiver.end) : b;

        if (wb > wa && waiver.start != SC_DAY_NONE)
          {
            double before = MIN (cap, orders_between (ctx, count_from, wa));
            double after = MIN (cap, orders_between (ctx, count_from, wb));

            waived = MAX (0, after - before);
          }
      }
      v = waived * fee + MAX (0, orders - waived) * discount * fee;
      waived_in += waived;
      discounted_in += MAX (0, orders - waived);
      mr->monthly[m * SC_N_AMOUNTS + SC_AMOUNT_FEE_REDUCTION] += v;
      fr[m] += v;
    }
  if (orders_between (ctx, count_from, waiver.end != SC_DAY_NONE ? waiver.end : hi) > cap + EPSILON)
    {
      mr->cut_by_cap = TRUE;
      add_reason (ctx, mr, SC_REASON_ORDERS_CAPPED, cap);
    }
  /* Part of the allowance used before the evaluation date (all of it is
   * explained below, when nothing is left). */
  if (eff->max_orders.set && count_from < ctx->as_of
      && (waiver.end == SC_DAY_NONE || waiver.end > ctx->as_of))
    {
      double used_before = orders_between (ctx, count_from, ctx->as_of);

      if (used_before > EPSILON && used_before < cap - EPSILON)
        add_reason (ctx, mr, SC_REASON_FREE_ORDERS_USED_PART, used_before, cap, count_from, ctx->as_of);
    }
  add_reason (ctx, mr, SC_REASON_ORDERS_WAIVED, waived_in, fee);
  /* None free in the horizon although the merchant sells: say why. */
  if (waived_in <= EPSILON && orders_between (ctx, lo, hi) > EPSILON)
    {
      if (waiver.end != SC_DAY_NONE && waiver.end <= ctx->as_of)
        add_reason (ctx, mr, SC_REASON_FREE_ORDERS_ENDED, waiver.end - 1, ctx->as_of);
      else if (count_from < ctx->as_of && orders_between (ctx, count_from, ctx->as_of) >= cap - EPSILON)
        add_reason (ctx, mr, SC_REASON_FREE_ORDERS_USED_ALL, cap, ctx->as_of, count_from);
      else
        add_reason (ctx, mr, SC_REASON_FREE_ORDERS_NONE, waiver);
    }
  if (discount > 0)
    add_reason (ctx, mr, SC_REASON_ORDERS_DISCOUNTED, discounted_in, discount);
}

static gboolean
share_of (Ctx             *ctx,
          ScMeasureResult *mr,
          ScField          field,
          ScField          whole,
          double          *share)
{
  if (field == SC_N_FIELDS || (guint) field > SC_N_FIELDS)
    {
      *share = 1;
      return TRUE;
    }
  if (!sc_ctx_need (ctx, mr, field))
    return FALSE;
  mr->basis |= SC_BASIS_PROFILE;
  *share = ctx->profile->values[field].number;
  /* A part larger than its whole (千川·乘方 orders above all content
   * orders) would reduce the same commission twice, once here and once by
   * a waiver on the rest: counted on the whole at most, and said. */
  {
    if ((guint) whole < SC_N_FIELDS && ctx->profile->values[whole].set
        && *share > ctx->profile->values[whole].number)
      {
        double limit = ctx->profile->values[whole].number;

        ctx_warning (ctx, SC_REASON_SHARE_EXCEEDS, field, *share, whole, limit, limit);
        add_reason (ctx, mr, SC_REASON_SHARE_EXCEEDS, field, *share, whole, limit, limit);
        *share = limit;
      }
  }
  return TRUE;
}

void
sc_eval_fee_rate (Ctx            *ctx,
                  MeasurePriv    *mp,
                  const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  double base, share, diff, total;
  ScDay lo, hi;

  if (!sc_ctx_need (ctx, mr, SC_FIELD_MONTHLY_GMV) || !share_of (ctx, mr, eff->share_field, eff->share_within, &share))
    return;
  mr->basis |= SC_BASIS_PROFILE;
  if (!sc_ctx_baseline_value (ctx, mr->program->platform, eff->fee, &base, &mr->basis))
    {
      add_reason (ctx, mr, SC_REASON_NO_BASELINE_FEE_REDUCE, eff->fee, CTX_PLATFORM (ctx, mr->program->platform));
      return;
    }
  if (!eff->rate.set)
    return;
  mr->basis |= eff->rate.basis;
  sc_ctx_note_assumed (ctx, mr->measure, N_("rate"), &eff->rate, SC_UNIT_PERCENT, NULL);
  diff = MAX (0, base - sc_ctx_number (ctx, &eff->rate));
  if (!window_in_horizon (ctx, mp->window, &lo, &hi))
    return;
  total = book_gmv (ctx, mr->monthly, fee_red_of (ctx, mp, eff->fee), SC_AMOUNT_FEE_REDUCTION,
                    lo, hi, diff * share);
  (void) total;
  add_reason (ctx, mr, SC_REASON_RATE, sc_ctx_number (ctx, &eff->rate), base, share);
}

void
sc_eval_commission_waiver (Ctx            *ctx,
                           MeasurePriv    *mp,
                           const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  double base, scene_share = 1, share = 1;
  ScDay lo, hi;

  if (!sc_ctx_need (ctx, mr, SC_FIELD_MONTHLY_GMV))
    return;
  if (eff->categories != NULL)
    {
      const char *category;
      gboolean listed = FALSE;

      if (!sc_ctx_need (ctx, mr, SC_FIELD_CATEGORY))
        return;
      category = sc_profile_get_choice (ctx->profile, SC_FIELD_CATEGORY);
      for (guint i = 0; eff->categories[i] != NULL; i++)
        if (g_str_equal (eff->categories[i], category))
          listed = TRUE;
      if (!listed)
        {
          mr->status = SC_MEASURE_NOT_ELIGIBLE;
          add_reason (ctx, mr, SC_REASON_CHOICE_NOT, NULL, SC_FIELD_CATEGORY, SC_FIELD_CATEGORY, category,
                      SC_FIELD_CATEGORY, eff->categories);
          return;
        }
    }
  if (g_strcmp0 (eff->scene, "shelf") == 0 || g_strcmp0 (eff->scene, "content") == 0)
    {
      if (!sc_ctx_need (ctx, mr, SC_FIELD_CONTENT_SHARE))
        return;
      scene_share = ctx->profile->values[SC_FIELD_CONTENT_SHARE].number;
      if (g_str_equal (eff->scene, "shelf"))
        scene_share = 1 - scene_share;
    }
  mr->basis |= SC_BASIS_PROFILE;
  if (eff->share.set)
    {
      share = sc_ctx_number (ctx, &eff->share);
      mr->basis |= eff->share.basis;
      sc_ctx_note_assumed (ctx, mr->measure, N_("share waived"), &eff->share, SC_UNIT_PERCENT, NULL);
    }
  if (!sc_ctx_baseline_value (ctx, mr->program->platform, SC_FEE_COMMISSION, &base, &mr->basis))
    {
      add_reason (ctx, mr, SC_REASON_NO_BASELINE_COMMISSION, CTX_PLATFORM (ctx, mr->program->platform));
      return;
    }
  if (!window_in_horizon (ctx, mp->window, &lo, &hi))
    return;
  book_gmv (ctx, mr->monthly, fee_red_of (ctx, mp, SC_FEE_COMMISSION), SC_AMOUNT_FEE_REDUCTION,
            lo, hi, base * scene_share * share);
  add_reason (ctx, mr, SC_REASON_COMMISSION_WAIVED, base, scene_share * share);
}

static gboolean
need_coc (Ctx             *ctx,
          ScMeasureResult *mr)
{
  if (ctx->have_coc)
    {
      mr->basis |= SC_BASIS_PROFILE;
      return TRUE;
    }
  add_reason (ctx, mr, SC_REASON_NO_COST_OF_CAPITAL, SC_FIELD_COST_OF_CAPITAL);
  ctx_warning (ctx, SC_REASON_NO_COST_OF_CAPITAL, SC_FIELD_COST_OF_CAPITAL);
  return FALSE;
}

void
sc_eval_deposit (Ctx            *ctx,
                 MeasurePriv    *mp,
                 const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  double base, diff;
  ScDay lo, hi;
  ScWindow period = mp->window;

  if (!eff->deposit.set)
    return;
  if (!sc_ctx_baseline_value (ctx, mr->program->platform, SC_FEE_DEPOSIT, &base, &mr->basis))
    {
      add_reason (ctx, mr, SC_REASON_NO_BASELINE_DEPOSIT, CTX_PLATFORM (ctx, mr->program->platform));
      return;
    }
  mr->basis |= eff->deposit.basis;
  sc_ctx_note_assumed (ctx, mr->measure, N_("deposit"), &eff->deposit, SC_UNIT_YUAN, NULL);
  diff = MAX (0, base - sc_ctx_number (ctx, &eff->deposit));
  add_reason (ctx, mr, SC_REASON_DEPOSIT, sc_ctx_number (ctx, &eff->deposit), SC_UNIT_YUAN, NULL,
              base, SC_UNIT_YUAN, NULL);
  if (eff->days.set)
    {
      /* The lower deposit lasts a period from the anchor (a trial period). */
      ScDay anchor = sc_ctx_anchor_day (ctx, mp, eff, NULL);

      if (anchor == SC_DAY_NONE)
        return;
      period.start = anchor;
      period.end = anchor + (ScDay) MAX (0, sc_ctx_number (ctx, &eff->days));
      mr->basis |= eff->days.basis;
      /* Translators: what an assumed number is: how long a lower deposit lasts (a trial period) */
      sc_ctx_note_assumed (ctx, mr->measure, N_("deposit period"), &eff->days, SC_UNIT_DAYS, NULL);
      add_reason (ctx, mr, SC_REASON_DEPOSIT_DAYS, sc_ctx_number (ctx, &eff->days), period.start, period.end - 1);
      period = window_intersect (period, mp->window);
    }
  if (!need_coc (ctx, mr) || !window_in_horizon (ctx, period, &lo, &hi))
    return;
  for (guint m = month_of (ctx, lo); m < ctx->n_months && ctx->month_start[m] < hi; m++)
    {
      ScDay a = MAX (lo, ctx->month_start[m]), b = MIN (hi, ctx->month_start[m + 1]);
      double len = ctx->month_start[m + 1] - ctx->month_start[m];

      if (b > a)
        mr->monthly[m * SC_N_AMOUNTS + SC_AMOUNT_CASH_FLOW] += diff * ctx->coc / 12.0 * (b - a) / len;
    }
}

void
sc_eval_settlement (Ctx            *ctx,
                    MeasurePriv    *mp,
                    const ScEffect *eff)
{
  ScMeasureResult *mr = &mp->pub;
  double base, diff;
  ScDay lo, hi;

  if (!eff->settlement_days.set || !sc_ctx_need (ctx, mr, SC_FIELD_MONTHLY_GMV))
    return;
  if (!sc_ctx_baseline_value (ctx, mr->program->platform, SC_FEE_SETTLEMENT_DAYS, &base, &mr->basis))
    {
      add_reason (ctx, mr, SC_REASON_NO_BASELINE_SETTLEMENT, CTX_PLATFORM (ctx, mr->program->platform));
      return;
    }
  mr->basis |= eff->settlement_days.basis | SC_BASIS_PROFILE;
  sc_ctx_note_assumed (ctx, mr->measure, N_("settlement days"), &eff->settlement_days, SC_UNIT_DAYS, NULL);
  diff = MAX (0, base - sc_ctx_number (ctx, &eff->settlement_days));
  add_reason (ctx, mr, SC_REASON_SETTLEMENT, sc_ctx_number (ctx, &eff->settlement_days), base);
  if (!need_coc (ctx, mr) || !window_in_horizon (ctx, mp->window, &lo, &hi))
    return;
  /* Each day's GMV is available diff days earlier: worth diff × GMV × rate / 365. */
  book_gmv (ctx, mr->monthly, NULL, SC_AMOUNT_CASH_FLOW, lo, hi, diff * ctx->coc / 365.0);
}

/* --- platform fees -------------------------------------------------------------- */

void
sc_fees_platform_gross (Ctx        *ctx,
                        guint       index,
                        const char *platform,
                        guint       fees)
{
  double *gross = ctx->gross[index];
  double rate, per_order;
  guint basis = 0;

  if (!ctx->have_gmv)
    return;
  if ((fees & (1u << SC_FEE_COMMISSION)) && sc_ctx_baseline_value (ctx, platform, SC_FEE_COMMISSION, &rate, &basis)
      && rate > 0)
    {
      double *row = gross + SC_FEE_COMMISSION * ctx->n_months;

      for (guint m = 0; m < ctx->n_months; m++)
        row[m] = rate * gmv_between (ctx, ctx->month_start[m], ctx->month_start[m + 1]);
    }
  /* The promotion fee is left out of the gross: it follows the merchant's
   * own ad choices (the profile's ad spend), not an ordinary platform fee,
   * and no profile field says which GMV was promoted on each platform. */
  if ((fees & (1u << SC_FEE_RETURN_SHIPPING)) && ctx->have_aov
      && sc_ctx_baseline_value (ctx, platform, SC_FEE_RETURN_SHIPPING, &per_order, &basis))
    {
      ScWindow cover;
      double *row = gross + SC_FEE_RETURN_SHIPPING * ctx->n_months;

      if (cover_window (ctx, &cover))
        for (guint m = 0; m < ctx->n_months; m++)
          {
            ScWindow month = { ctx->month_start[m], ctx->month_start[m + 1] };
            ScWindow on = window_intersect (month, cover);

            if (on.end > on.start)
              row[m] = per_order * gmv_between (ctx, on.start, on.end) / ctx->aov;
          }
    }
  ctx->platform_basis[index] |= basis | SC_BASIS_PROFILE;
}
