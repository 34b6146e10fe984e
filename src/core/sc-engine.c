/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-engine.h"

#include "sc-engine-private.h"

#include <math.h>
#include <string.h>

/*
 * How the engine reads the data (help/C/estimates.page says the same for users):
 *
 * - Sales: month m of the horizon is [as_of + m months, as_of + m+1 months);
 *   its GMV is monthly-gmv × (1 + gmv-growth)^m spread evenly over its days;
 *   there are no sales before the first-sale date when it is given. Days
 *   before as_of (needed for "GMV since the first sale" at T30 …) run at the
 *   month-0 rate, days after the horizon at the last month's rate.
 *   Orders = GMV / avg-order-value.
 * - Only value booked on a day inside [as_of, as_of + horizon) counts. An
 *   estimate is of what is still to come: a grant paid before as_of has been
 *   received already and is not counted (its reason says so).
 * - Anchors (day 0 of a grant, tiered reward or order-fee waiver): a date of
 *   the profile (first sale, entry, first live, or any date field named by
 *   anchor="field", with another anchor as its fallback when the profile
 *   leaves it empty) or the window start. A waiver's free orders are counted
 *   from a profile date even before as_of, but from a window start only
 *   from as_of on: the profile does not say when the merchant enrolled (see
 *   sc_eval_order_fee_waiver() and docs/program-format.md, "Anchors").
 * - A measure applies on the days of program window ∩ measure window, cut at
 *   the start of a program that replaces its program.
 * - Fees: the baseline (profile overrides first; a category row before the
 *   category-less row) gives gross commission = rate × GMV and return
 *   shipping = fee per order × orders while the cover is on (from
 *   return-shipping-since, else the first sale, else as_of, for
 *   return-shipping-cover-days days when given). Reductions of one fee in
 *   one month never exceed its gross: the counted measures are scaled down
 *   together (cut_by_cap).
 * - Stacking: additive groups count every measure; exclusive the first
 *   eligible in document order; best-of the eligible one worth most.
 * - Expected (预计) measures, by their own status or their program's, are
 *   evaluated like the others, but their value never mixes with confirmed
 *   money: it moves to expected_totals, out of every total (and so out of
 *   the charts). In a stacking group they count only when no confirmed
 *   measure of the group applies; their fee reductions are capped by what
 *   the confirmed ones leave of the fee.
 */

/* --- measures ------------------------------------------------------------------ */

/* ScResult.measures' free function: the MeasurePriv and its monthly series
 * live in blocks of the ResultPriv, freed with it. */
static void
measure_priv_clear (gpointer data)
{
  MeasurePriv *mp = data;

  if (mp == NULL)
    return;
  g_clear_pointer (&mp->pub.reasons, g_ptr_array_unref);
  g_clear_pointer (&mp->pub.texts, g_ptr_array_unref);
  g_free (mp->fee_red);
}

static guint
platform_index (Ctx        *ctx,
                const char *platform)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->platform_of, platform));

  g_assert (index > 0);
  return index - 1;
}

/* Evaluates @measure into @mp (zeroed), its series into @monthly (zeroed,
 * n_months × SC_N_AMOUNTS). */
static void
eval_measure (Ctx             *ctx,
              MeasurePriv     *mp,
              double          *monthly,
              const ScProgram *program,
              const ScMeasure *measure,
              ScDay            active_until,
              const ScProgram *replaced_by)
{
  ScMeasureResult *mr = &mp->pub;
  ScWindow w = program->window, cut = { SC_DAY_NONE, active_until };
  ScDay lo, hi;
  gboolean priced = FALSE;
  char b1[16], b2[16];

  mr->program = program;
  mr->measure = measure;
  mr->status = SC_MEASURE_ELIGIBLE;
  mr->reasons = g_ptr_array_new_with_free_func (g_free);
  mr->texts = g_ptr_array_new ();
  mr->n_months = ctx->n_months;
  mr->monthly = monthly;
  mp->platform = platform_index (ctx, program->platform);

  if (measure->has_window)
    w = window_intersect (w, measure->window);
  if (active_until != SC_DAY_NONE)
    w = window_intersect (w, cut);
  mp->window = w;

  /* Said first: everything below is about a measure not yet in force. */
  if (measure->status == SC_STATUS_EXPECTED)
    {
      mr->expected = TRUE;
      mr->expected_from = w.start;
      mr->basis |= SC_BASIS_EXPECTED;
      if (w.start != SC_DAY_NONE)
        /* Translators: a measure the source calls 预计 (expected); the day it is expected to start */
        add_reason (ctx, mr, _("Expected (预计) from %s, not yet in force"), sc_day_format (w.start, b1));
      else
        add_reason (ctx, mr, _("Expected (预计), not yet in force"));
    }

  if (!window_in_horizon (ctx, w, &lo, &hi))
    {
      mr->status = SC_MEASURE_NOT_ELIGIBLE;
      if (w.start != SC_DAY_NONE && w.end != SC_DAY_NONE && w.end <= w.start && replaced_by != NULL)
        add_reason (ctx, mr, _("Replaced by “%s” from %s"), sc_text_get (&replaced_by->name, ctx->lang),
                    sc_day_format (active_until, b1));
      else if (w.end != SC_DAY_NONE && w.end <= ctx->as_of)
        add_reason (ctx, mr, _("Window ended: last day %s, before the evaluation date %s"),
                    sc_day_format (w.end - 1, b1), sc_day_format (ctx->as_of, b2));
      else
        add_reason (ctx, mr, _("Window starts %s, after the horizon ends (%s)"),
                    sc_day_format (w.start, b1), sc_day_format (ctx->hend - 1, b2));
      return;
    }

  if (measure->eligibility != NULL)
    {
      int r = sc_condition_eval (measure->eligibility, ctx->profile, ctx->lang,
                                 ctx->reasons ? mr->reasons : NULL);

      mr->basis |= SC_BASIS_PROFILE;
      sc_condition_note_assumed (ctx, mr, measure->eligibility, r);
      if (r == 0)
        {
          mr->status = SC_MEASURE_NOT_ELIGIBLE;
          return;
        }
      if (r < 0)
        {
          mr->status = SC_MEASURE_NEEDS_INFO;
          return;
        }
    }

  for (guint i = 0; measure->effects != NULL && i < measure->effects->len; i++)
    {
      const ScEffect *eff = g_ptr_array_index (measure->effects, i);

      if (eff->up_to)
        mr->up_to = TRUE;
      switch (eff->kind)
        {
        case SC_EFFECT_GRANT: priced = TRUE; sc_eval_grant (ctx, mp, eff); break;
        case SC_EFFECT_TIERED: priced = TRUE; sc_eval_tiered (ctx, mp, eff); break;
        case SC_EFFECT_RANK: priced = TRUE; sc_eval_rank (ctx, mp, eff); break;
        case SC_EFFECT_ORDER_FEE_WAIVER: priced = TRUE; sc_eval_order_fee_waiver (ctx, mp, eff); break;
        case SC_EFFECT_FEE_RATE: priced = TRUE; sc_eval_fee_rate (ctx, mp, eff); break;
        case SC_EFFECT_COMMISSION_WAIVER: priced = TRUE; sc_eval_commission_waiver (ctx, mp, eff); break;
        case SC_EFFECT_DEPOSIT: priced = TRUE; sc_eval_deposit (ctx, mp, eff); break;
        case SC_EFFECT_SETTLEMENT: priced = TRUE; sc_eval_settlement (ctx, mp, eff); break;
        case SC_EFFECT_RIGHT:
        case SC_EFFECT_RULE_OUTCOME:
          g_ptr_array_add (mr->texts, (gpointer) &eff->text);
          break;
        default:
          break;
        }
    }
  if (mr->status != SC_MEASURE_ELIGIBLE)
    memset (mr->monthly, 0, sizeof (double) * ctx->n_months * SC_N_AMOUNTS);
  else
    sc_ctx_note_window_end (ctx, mp);
  if (mr->status == SC_MEASURE_ELIGIBLE && !priced)
    mr->status = SC_MEASURE_NOT_QUANTIFIED;
}

static double
month_value (const double *row)
{
  return row[SC_AMOUNT_FEE_REDUCTION] + row[SC_AMOUNT_CASH] + row[SC_AMOUNT_AD_CREDIT]
         + row[SC_AMOUNT_COUPON] + row[SC_AMOUNT_TRAFFIC_VALUE] + row[SC_AMOUNT_CASH_FLOW];
}

static void
measure_totals (Ctx         *ctx,
                MeasurePriv *mp)
{
  ScMeasureResult *mr = &mp->pub;

  memset (mr->totals, 0, sizeof mr->totals);
  if (mr->status != SC_MEASURE_ELIGIBLE || mr->cut_by_group)
    return;
  for (guint m = 0; m < ctx->n_months; m++)
    {
      double *row = mr->monthly + m * SC_N_AMOUNTS;

      row[SC_AMOUNT_TOTAL_VALUE] = month_value (row);
      for (guint a = 0; a < SC_N_AMOUNTS; a++)
        mr->totals[a] += row[a];
    }
}

static gboolean
is_disabled (const ScEngineOptions *options,
             const char            *id)
{
  if (options == NULL || options->disabled == NULL)
    return FALSE;
  return g_strv_contains (options->disabled, id);
}

static void
platform_result_clear (gpointer data)
{
  ScPlatformResult *pr = data;

  g_free (pr->platform);
}

ScResult *
sc_engine_evaluate (ScCatalog             *catalog,
                    const ScProfile       *profile,
                    const ScEngineOptions *options)
{
  Ctx ctx = { 0 };
  ResultPriv *rp;
  ScResult *result;
  GPtrArray *programs;
  g_autoptr(GHashTable) replacer = NULL;   /* replaced id → the program replacing it */
  ScFormatCache tr, *saved_tr = sc_format_cache_get ();
  guint n_measures = 0, n_series;
  gsize series_len;

  g_return_val_if_fail (catalog != NULL, NULL);
  g_return_val_if_fail (profile != NULL && profile->as_of != SC_DAY_NONE, NULL);
  g_return_val_if_fail (profile->horizon_months >= 1 && profile->horizon_months <= SC_PROFILE_HORIZON_MAX, NULL);

  /* Without reasons there is next to nothing to translate. */
  if (!(options != NULL && options->no_reasons))
    {
      memset (&tr, 0, sizeof tr);
      sc_format_cache_set (&tr);
    }
  sc_ctx_setup (&ctx, catalog, profile, options);
  programs = sc_catalog_get_programs (catalog);

  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);

      if (!is_disabled (options, program->id) && program->measures != NULL)
        n_measures += program->measures->len;
    }
  series_len = (gsize) ctx.n_months * SC_N_AMOUNTS;
  n_series = n_measures + ctx.platforms->len;
  rp = g_new0 (ResultPriv, 1);
  rp->measures = g_new0 (MeasurePriv, MAX (1, n_measures));
  rp->platforms = g_new0 (ScPlatformResult, MAX (1, ctx.platforms->len));
  rp->series = g_new0 (double, MAX (1, series_len * n_series));
  result = &rp->pub;
  result->as_of = ctx.as_of;
  result->horizon_end = ctx.hend;
  result->horizon_months = ctx.n_months;
  result->lang = g_strdup (ctx.lang);
  result->disabled = options != NULL ? g_strdupv ((char **) options->disabled) : NULL;
  /* Unset, value tied to the platform counts for nothing in the ranking;
   * the assumption list says so. */
  result->locked_worth_set = sc_profile_is_set (profile, SC_FIELD_LOCKED_VALUE_WORTH);
  result->locked_worth = sc_profile_get_number (profile, SC_FIELD_LOCKED_VALUE_WORTH, 0);
  result->measures = g_ptr_array_new_full (n_measures, measure_priv_clear);
  result->programs = g_ptr_array_new_with_free_func (g_free);
  result->platforms = g_ptr_array_new_full (ctx.platforms->len, platform_result_clear);

  for (guint i = 0; i < ctx.platforms->len; i++)
    sc_fees_platform_gross (&ctx, i, g_ptr_array_index (ctx.platforms, i));

  /* Which program replaces which: the one that starts first, once for all
   * programs (a scan per program was quadratic in the catalog). */
  replacer = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint j = 0; j < programs->len; j++)
    {
      const ScProgram *other = g_ptr_array_index (programs, j);
      const ScProgram *known;

      if (other->replaces == NULL || other->window.start == SC_DAY_NONE
          || g_strcmp0 (other->replaces, other->id) == 0)
        continue;
      known = g_hash_table_lookup (replacer, other->replaces);
      if (known == NULL || other->window.start < known->window.start)
        g_hash_table_insert (replacer, other->replaces, (gpointer) other);
    }

  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);
      const ScProgram *replaced_by = NULL;
      ScProgramResult *prr;
      ScDay until = SC_DAY_NONE;
      guint first = result->measures->len;

      if (is_disabled (options, program->id))
        continue;
      /* A program counts only until a program that replaces it starts. */
      replaced_by = g_hash_table_lookup (replacer, program->id);
      if (replaced_by != NULL)
        until = replaced_by->window.start;

      prr = g_new0 (ScProgramResult, 1);
      prr->program = program;
      prr->active_until = until;
      g_ptr_array_add (result->programs, prr);

      for (guint k = 0; program->measures != NULL && k < program->measures->len; k++)
        {
          guint index = result->measures->len;
          MeasurePriv *mp = &rp->measures[index];

          g_assert (index < n_measures);
          eval_measure (&ctx, mp, rp->series + index * series_len, program,
                        g_ptr_array_index (program->measures, k), until, replaced_by);
          mp->program = result->programs->len - 1;
          measure_totals (&ctx, mp);
          g_ptr_array_add (result->measures, mp);
        }
      sc_stacking_resolve_groups (&ctx, result->measures, first, result->measures->len);
    }

  sc_stacking_apply_caps (&ctx, result->measures, FALSE);
  sc_stacking_apply_caps (&ctx, result->measures, TRUE);

  /* Totals: measures, then programs, then platforms. */
  for (guint p = 0; p < ctx.platforms->len; p++)
    {
      ScPlatformResult *pr = &rp->platforms[p];
      const char *platform = g_ptr_array_index (ctx.platforms, p);

      pr->platform = g_strdup (platform);
      pr->baseline = sc_catalog_find_baseline (catalog, platform);
      pr->has_baseline = pr->baseline != NULL;
      pr->n_months = ctx.n_months;
      pr->monthly = rp->series + (n_measures + p) * series_len;
      pr->basis = ctx.platform_basis[p];
      for (guint f = 0; f < SC_N_FEES; f++)
        for (guint m = 0; m < ctx.n_months; m++)
          {
            double g = ctx.gross[p][f * ctx.n_months + m];

            pr->fee_gross[f] += g;
            pr->monthly[m * SC_N_AMOUNTS + SC_AMOUNT_FEE_GROSS] += g;
          }
      if (!pr->has_baseline)
        ctx_warning (&ctx, _("No baseline fees for %s: its gross fees are shown as 0"), platform);
      g_ptr_array_add (result->platforms, pr);
    }

  for (guint i = 0; i < result->measures->len; i++)
    {
      MeasurePriv *mp = g_ptr_array_index (result->measures, i);
      ScMeasureResult *mr = &mp->pub;
      ScPlatformResult *pr = g_ptr_array_index (result->platforms, mp->platform);
      ScProgramResult *prr = g_ptr_array_index (result->programs, mp->program);

      measure_totals (&ctx, mp);
      g_assert (prr->program == mr->program);

      if (mr->status == SC_MEASURE_ELIGIBLE)
        prr->n_eligible++;
      else if (mr->status == SC_MEASURE_NEEDS_INFO)
        prr->n_needs_info++;
      if (mr->status != SC_MEASURE_ELIGIBLE || mr->cut_by_group)
        continue;
      if (mr->expected)
        {
          sc_stacking_keep_expected_apart (&ctx, mp, prr, pr);
          continue;
        }
      prr->basis |= mr->basis;
      pr->basis |= mr->basis;
      prr->up_to |= mr->up_to;
      pr->up_to |= mr->up_to;
      for (guint a = 0; a < SC_N_AMOUNTS; a++)
        prr->totals[a] += mr->totals[a];
      for (guint m = 0; m < ctx.n_months; m++)
        for (guint a = 0; a < SC_N_AMOUNTS; a++)
          if (a != SC_AMOUNT_FEE_GROSS && a != SC_AMOUNT_FEE_NET)
            pr->monthly[m * SC_N_AMOUNTS + a] += mr->monthly[m * SC_N_AMOUNTS + a];
      if (mp->fee_red != NULL)
        for (guint f = 0; f < SC_N_FEES; f++)
          for (guint m = 0; m < ctx.n_months; m++)
            pr->fee_reduction[f] += mp->fee_red[f * ctx.n_months + m];
    }

  for (guint p = 0; p < result->platforms->len; p++)
    {
      ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);

      for (guint m = 0; m < ctx.n_months; m++)
        {
          double *row = pr->monthly + m * SC_N_AMOUNTS;

          row[SC_AMOUNT_FEE_NET] = row[SC_AMOUNT_FEE_GROSS] - row[SC_AMOUNT_FEE_REDUCTION];
          row[SC_AMOUNT_TOTAL_VALUE] = month_value (row);
          for (guint a = 0; a < SC_N_AMOUNTS; a++)
            pr->totals[a] += row[a];
        }
      if (!ctx.series)
        pr->monthly = NULL;
    }

  if (!ctx.series)
    {
      for (guint i = 0; i < result->measures->len; i++)
        ((MeasurePriv *) g_ptr_array_index (result->measures, i))->pub.monthly = NULL;
      g_clear_pointer (&rp->series, g_free);
    }

  result->assumptions = g_steal_pointer (&ctx.assumptions);
  result->warnings = g_steal_pointer (&ctx.warnings);
  sc_ctx_clear (&ctx);
  sc_format_cache_set (saved_tr);
  return result;
}
