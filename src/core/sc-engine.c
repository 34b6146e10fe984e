/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-engine.h"

#include "sc-engine-private.h"

#include <math.h>
#include <stddef.h>
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
  /* The shared empty array of results without reasons is never freed. */
  if (mp->pub.reasons_text != sc_ctx_empty_array ())
    g_clear_pointer (&mp->pub.reasons_text, g_ptr_array_unref);
  if (mp->pub.texts != sc_ctx_empty_array ())
    g_clear_pointer (&mp->pub.texts, g_ptr_array_unref);
  g_free (mp->fee_red);
}

static guint
platform_index (Ctx        *ctx,
                const char *platform)
{
  guint index;

  /* A program's measures, or a delta's, one after another: one lookup. */
  if (platform == ctx->last_platform)
    return ctx->last_platform_index;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->platform_of, platform));
  g_assert (index > 0);
  ctx->last_platform = platform;
  ctx->last_platform_index = index - 1;
  return index - 1;
}

/* A measure's reasons (their text is written at the end, from the
 * context's records) and texts: without reasons (sweeps, ranges) one
 * shared empty array, since allocating two per measure cost more than
 * evaluating it. */
static void
new_arrays (Ctx             *ctx,
            ScMeasureResult *mr)
{
  if (ctx->empty != NULL)
    {
      mr->reasons_text = ctx->empty;
      mr->texts = ctx->empty;
      return;
    }
  mr->texts = g_ptr_array_new ();
}

/* Evaluates @measure into @mp (zeroed), its series into @monthly (zeroed,
 * n_months × SC_N_AMOUNTS). */
void
sc_engine_eval_measure (Ctx             *ctx,
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

  ctx->program = program;

  mr->program = program;
  mr->measure = measure;
  mr->status = SC_MEASURE_ELIGIBLE;
  new_arrays (ctx, mr);
  mr->n_months = ctx->n_months;
  mr->monthly = monthly;
  mp->platform = platform_index (ctx, program->platform);

  if (measure->has_window)
    w = window_intersect (w, measure->window);
  /* An assumed end moved by the range analysis. */
  if (ctx->n_overrides > 0)
    {
      const ScNumber *end = sc_measure_window_end (program, measure);

      for (guint i = 0; end != NULL && i < ctx->n_overrides; i++)
        if (ctx->overrides[i].number == (gconstpointer) end)
          w.end = (ScDay) ctx->overrides[i].value;
    }
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
        add_reason (ctx, mr, SC_REASON_EXPECTED_FROM, w.start);
      else
        add_reason (ctx, mr, SC_REASON_EXPECTED);
    }

  if (!window_in_horizon (ctx, w, &lo, &hi))
    {
      mr->status = SC_MEASURE_NOT_ELIGIBLE;
      if (w.start != SC_DAY_NONE && w.end != SC_DAY_NONE && w.end <= w.start && replaced_by != NULL)
        add_reason (ctx, mr, SC_REASON_REPLACED, &replaced_by->name, active_until);
      else if (w.end != SC_DAY_NONE && w.end <= ctx->as_of)
        add_reason (ctx, mr, SC_REASON_WINDOW_ENDED, w.end - 1, ctx->as_of);
      else
        add_reason (ctx, mr, SC_REASON_WINDOW_AFTER_HORIZON, w.start, ctx->hend - 1);
      return;
    }

  if (measure->eligibility != NULL)
    {
      guint since = ctx->reasons ? ctx->records->len : 0;
      int r = ctx->elig_from != NULL && ctx->elig_from->elig != 0
              ? ctx->elig_from->elig - 2
              : sc_condition_eval (measure->eligibility, ctx->profile, ctx->reasons ? ctx->records : NULL);

      mp->elig = (gint8) (r + 2);

      if (ctx->reasons)
        sc_ctx_own_reasons (ctx, mr, since);

      mr->basis |= SC_BASIS_PROFILE;
      /* Which assumed thresholds decided (the basis and notes; evaluating
       * the condition's parts again): a delta (fee_red_pool set) keeps
       * numbers only, and its eligibility is the base's. */
      if (ctx->fee_red_pool == NULL)
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
          /* A delta (fee_red_pool set) keeps numbers only. */
          if (ctx->fee_red_pool != NULL)
            break;
          if (mr->texts == ctx->empty)
            mr->texts = g_ptr_array_new ();
          g_ptr_array_add (mr->texts, (gpointer) &eff->text);
          break;
        default:
          break;
        }
    }
  if (mr->status != SC_MEASURE_ELIGIBLE)
    memset (mr->monthly, 0, sizeof (double) * ctx->n_months * SC_N_AMOUNTS);
  else if (ctx->fee_red_pool == NULL)
    /* Its basis, reasons and notes only, which a delta (fee_red_pool
     * set) leaves to the base, as it does a condition's. */
    sc_ctx_note_window_end (ctx, mp);
  if (mr->status == SC_MEASURE_ELIGIBLE && !priced)
    mr->status = SC_MEASURE_NOT_QUANTIFIED;
}

/* Whether @measure has an effect with a value. One without (rights, rule
 * outcomes) is never eligible with a value (NOT_QUANTIFIED at best): it
 * never counts, nor wins or loses a group, so a delta leaves it out. */
static gboolean
measure_priced (const ScMeasure *measure)
{
  for (guint i = 0; measure->effects != NULL && i < measure->effects->len; i++)
    switch (((const ScEffect *) g_ptr_array_index (measure->effects, i))->kind)
      {
      case SC_EFFECT_GRANT:
      case SC_EFFECT_TIERED:
      case SC_EFFECT_RANK:
      case SC_EFFECT_ORDER_FEE_WAIVER:
      case SC_EFFECT_FEE_RATE:
      case SC_EFFECT_COMMISSION_WAIVER:
      case SC_EFFECT_DEPOSIT:
      case SC_EFFECT_SETTLEMENT:
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

/*
 * Keeps @mp as evaluated, before stacking, as raw measure @index. Its
 * series and fee reductions are @mp's own until stacking changes them
 * (sc_engine_raw_detach()): most measures it never touches, and copying
 * every series made a kept evaluation's memory half as large again (a
 * block the allocator gave back to the system and paged in afresh on every
 * evaluation).
 */
static void
keep_raw (Ctx         *ctx,
          ResultPriv  *rp,
          guint        index,
          MeasurePriv *mp)
{
  MeasurePriv *raw = &rp->raw[index];

  *raw = *mp;
  rp->raw_info[index] = (RawInfo) { mp->pub.program, mp->pub.measure, mp->pub.measure->group, mp->platform,
                                    mp->fees_read, measure_priced (mp->pub.measure) };
  raw->pub.reasons_text = NULL;
  raw->pub.reason_data = NULL;
  raw->pub.n_reason_data = 0;
  raw->pub.texts = NULL;
  mp->raw = raw;
}

void
sc_engine_raw_detach_real (Ctx         *ctx,
                           MeasurePriv *mp)
{
  MeasurePriv *raw = mp->raw;

  raw->pub.monthly = g_memdup2 (mp->pub.monthly, sizeof (double) * ctx->n_months * SC_N_AMOUNTS);
  raw->fee_red = mp->fee_red != NULL ? g_memdup2 (mp->fee_red, sizeof (double) * SC_N_FEES * ctx->n_months) : NULL;
  raw->raw_owned = TRUE;
  mp->raw = NULL;
}

/* @mp (zeroed) as @raw was evaluated, its series into @monthly. */
void
sc_engine_take_raw (Ctx               *ctx,
                    MeasurePriv       *mp,
                    double            *monthly,
                    const MeasurePriv *raw,
                    gboolean           series)
{
  *mp = *raw;
  mp->raw = NULL;
  mp->raw_owned = FALSE;
  new_arrays (ctx, &mp->pub);
  mp->pub.monthly = monthly;
  if (series)
    memcpy (monthly, raw->pub.monthly, sizeof (double) * ctx->n_months * SC_N_AMOUNTS);
  mp->fee_red = NULL;
  if (raw->fee_red != NULL)
    mp->fee_red = memcpy (sc_ctx_new_fee_red (ctx), raw->fee_red, sizeof (double) * SC_N_FEES * ctx->n_months);
}

static double
month_value (const double *row)
{
  return row[SC_AMOUNT_FEE_REDUCTION] + row[SC_AMOUNT_CASH] + row[SC_AMOUNT_AD_CREDIT]
         + row[SC_AMOUNT_COUPON] + row[SC_AMOUNT_TRAFFIC_VALUE] + row[SC_AMOUNT_CASH_FLOW];
}

void
sc_engine_measure_totals (Ctx         *ctx,
                          MeasurePriv *mp)
{
  ScMeasureResult *mr = &mp->pub;

  double totals[SC_N_AMOUNTS] = { 0 };   /* in registers: the series cannot alias it */

  if (mr->status == SC_MEASURE_ELIGIBLE && !mr->cut_by_group)
    for (guint m = 0; m < ctx->n_months; m++)
      {
        double *row = mr->monthly + m * SC_N_AMOUNTS;

        row[SC_AMOUNT_TOTAL_VALUE] = month_value (row);
        /* Unrolled, the sums stay in registers (a loop kept them in
         * memory, every month a chain of loads and stores through them). */
#pragma GCC unroll 16
        for (guint a = 0; a < SC_N_AMOUNTS; a++)
          totals[a] += row[a];
      }
  memcpy (mr->totals, totals, sizeof totals);
}

/* 1 << the fee of @dirty when it is a baseline item of @catalog, else 0. */
static guint
baseline_item_fee (ScCatalog     *catalog,
                   gconstpointer  dirty)
{
  GPtrArray *baselines = sc_catalog_get_baselines (catalog);

  for (guint i = 0; dirty != NULL && baselines != NULL && i < baselines->len; i++)
    {
      const ScBaseline *b = g_ptr_array_index (baselines, i);

      for (guint k = 0; b->items != NULL && k < b->items->len; k++)
        if (g_ptr_array_index (b->items, k) == dirty)
          return 1u << ((const ScBaselineItem *) dirty)->fee;
    }
  return 0;
}

/* Each platform's counted reductions, fee by fee and month by month, and
 * whether no delta can stand for it: an expected measure counts on it, or
 * a reduction reaches the gross (a cap cut it); once, for the deltas, into
 * ctx->counted_red and ctx->no_delta (zeroed). */
static void
keep_counted (Ctx      *ctx,
              ScResult *result)
{
  gsize len = (gsize) SC_N_FEES * ctx->n_months;

  for (guint i = 0; i < result->measures->len; i++)
    {
      const MeasurePriv *fin = g_ptr_array_index (result->measures, i);
      double *red = ctx->counted_red + fin->platform * len;

      if (fin->pub.status != SC_MEASURE_ELIGIBLE || fin->pub.cut_by_group)
        continue;
      if (fin->pub.expected)
        ctx->no_delta[fin->platform] = TRUE;
      for (gsize k = 0; fin->fee_red != NULL && k < len; k++)
        red[k] += fin->fee_red[k];
    }
  for (guint p = 0; p < ctx->platforms->len; p++)
    {
      const double *red = ctx->counted_red + p * len, *gross = ctx->gross[p];
      int over = 0;

      for (gsize k = 0; gross != NULL && k < len; k++)
        over |= !(red[k] <= gross[k] + EPSILON || red[k] <= 0);
      if (over)
        ctx->no_delta[p] = TRUE;
    }
}

/* The raw measures platform by platform, each platform's in raw order:
 * raw_order[raw_start[p]] … raw_order[raw_start[p + 1] - 1] are p's. */
static void
keep_raw_order (Ctx        *ctx,
                ResultPriv *rp)
{
  guint n = ctx->platforms->len;
  g_autofree guint *next = g_new (guint, n + 1);

  rp->raw_start = g_new0 (guint, n + 1 + MAX (1, rp->n_raw));
  rp->raw_order = rp->raw_start + n + 1;
  for (guint i = 0; i < rp->n_raw; i++)
    rp->raw_start[rp->raw_info[i].platform + 1]++;
  for (guint p = 0; p < n; p++)
    rp->raw_start[p + 1] += rp->raw_start[p];
  memcpy (next, rp->raw_start, sizeof (guint) * (n + 1));
  for (guint i = 0; i < rp->n_raw; i++)
    rp->raw_order[next[rp->raw_info[i].platform]++] = i;
}

/* Which block of the result a record goes to: its measure's index, then
 * the assumption notes, then the warnings. */
static guint
record_block (const ResultPriv *rp,
              const ScReason   *r)
{
  guint n = rp->pub.measures->len;

  if (r->owner == SC_CTX_ASSUMPTIONS)
    return n;
  if (r->owner == SC_CTX_WARNINGS)
    return n + 1;
  return (guint) ((const MeasurePriv *) r->owner - rp->measures);
}

/*
 * The edge: the records of the evaluation become the result's, block by
 * block (each measure's, the assumption notes', the warnings', each in the
 * order it was recorded), and their text in the evaluation's language the
 * measures' reasons and the result's assumptions and warnings (a line
 * written alike twice listed once). The records are put in order where
 * they are (most are already: stacking and notes add to earlier blocks),
 * not copied: a second large block per evaluation was measurably slower.
 */
static void
write_reasons (Ctx        *ctx,
               ResultPriv *rp)
{
  ScResult *result = &rp->pub;
  GPtrArray *measures = result->measures;
  guint n_blocks = measures->len + 2;
  ScReason *r;
  guint n;
  ScLang messages;
  g_autofree guint *next = NULL, *size = NULL, *to = NULL;

  if (!ctx->reasons)
    {
      result->assumptions = g_ptr_array_new_with_free_func (g_free);
      result->warnings = g_ptr_array_new_with_free_func (g_free);
      return;
    }
  r = (ScReason *) ctx->records->data;
  n = ctx->records->len;
  messages = sc_lang_detect ();
  next = g_new0 (guint, n_blocks + 1);
  size = g_new (guint, n_blocks);
  to = g_new (guint, MAX (1, n));
  for (guint i = 0; i < n; i++)
    next[record_block (rp, &r[i]) + 1]++;
  for (guint b = 0; b < n_blocks; b++)
    {
      size[b] = next[b + 1];
      next[b + 1] += next[b];
    }
  for (guint i = 0; i < n; i++)
    to[i] = next[record_block (rp, &r[i])]++;
  /* Each cycle of the permutation in turn. */
  for (guint i = 0; i < n; i++)
    while (to[i] != i)
      {
        guint j = to[i], tj = to[j];
        ScReason tmp = r[j];

        r[j] = r[i];
        r[i] = tmp;
        to[j] = j;
        to[i] = tj;
      }
  rp->reasons = (ScReason *) g_array_free (g_steal_pointer (&ctx->records), FALSE);
  rp->texts = g_steal_pointer (&ctx->texts);
  for (guint b = 0, at = 0; b < measures->len; at += size[b], b++)
    {
      ScMeasureResult *mr = g_ptr_array_index (measures, b);

      mr->n_reason_data = size[b];
      mr->reason_data = size[b] > 0 ? rp->reasons + at : NULL;
      /* Written as text on first need: sc_measure_result_get_reasons(). */
      mr->reasons_lang = ctx->lang;
      mr->reasons_messages = messages;
      mr->reasons_owner = rp;
    }
  result->n_assumption_data = size[measures->len];
  result->assumption_data = rp->reasons + n - size[measures->len + 1] - size[measures->len];
  result->n_warning_data = size[measures->len + 1];
  result->warning_data = rp->reasons + n - size[measures->len + 1];
  result->assumptions = sc_reasons_format_unique (result->assumption_data, result->n_assumption_data, ctx->lang);
  result->warnings = sc_reasons_format_unique (result->warning_data, result->n_warning_data, ctx->lang);
}

/* Left out: disabled, or of another platform than the only one asked for. */
static gboolean
is_disabled (const ScEngineOptions *options,
             const ScProgram       *program)
{
  if (options == NULL)
    return FALSE;
  if (options->only_platform != NULL && g_strcmp0 (options->only_platform, program->platform) != 0)
    return TRUE;
  return options->disabled != NULL && g_strv_contains (options->disabled, program->id);
}

static void
platform_result_clear (gpointer data)
{
  ScPlatformResult *pr = data;

  g_free (pr->platform);
}

GPtrArray *
sc_engine_result_used (const ScResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return ((const ResultPriv *) result)->used;
}

GPtrArray *
sc_engine_result_used_programs (const ScResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return ((const ResultPriv *) result)->used_programs;
}

gboolean
sc_engine_result_is_base (const ScResult  *result,
                          ScCatalog       *catalog,
                          const ScProfile *profile)
{
  const ResultPriv *rp = (const ResultPriv *) result;

  g_return_val_if_fail (result != NULL, FALSE);
  return rp->kept != NULL && rp->raw != NULL && rp->plain && rp->kept->catalog == catalog
         && rp->kept->profile == profile;
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
  const ResultPriv *reuse = NULL;
  guint reused = 0, dirty_fees = 0;
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

      if (!is_disabled (options, program) && program->measures != NULL)
        n_measures += program->measures->len;
    }
  series_len = (gsize) ctx.n_months * SC_N_AMOUNTS;
  n_series = n_measures + ctx.platforms->len;
  rp = g_new0 (ResultPriv, 1);
  rp->measures = g_new0 (MeasurePriv, MAX (1, n_measures));
  if (options != NULL && options->keep_raw)
    {
      rp->n_raw = n_measures;
      /* The compact copy the deltas scan follows the raw measures; each
       * evaluated is written whole (keep_raw()), the rest zeroed at the
       * end. */
      rp->raw = g_malloc ((sizeof (MeasurePriv) + sizeof (RawInfo)) * MAX (1, n_measures));
      rp->raw_info = (RawInfo *) (rp->raw + MAX (1, n_measures));
      /* Here, not at the end (keep_counted()): a block this large, asked
       * for after the evaluation freed its small ones, had the allocator
       * consolidate them all first. */
      ctx.counted_red = g_new0 (double, MAX (1, (gsize) SC_N_FEES * ctx.n_months * ctx.platforms->len));
      ctx.no_delta = g_new0 (gboolean, MAX (1, ctx.platforms->len));
    }
  if (options != NULL && options->reuse != NULL && ((const ResultPriv *) options->reuse)->raw != NULL
      && options->reuse->horizon_months == ctx.n_months)
    {
      reuse = (const ResultPriv *) options->reuse;
      dirty_fees = baseline_item_fee (catalog, options->dirty);
    }
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
    if (ctx.only_platform == NULL || g_str_equal (ctx.only_platform, g_ptr_array_index (ctx.platforms, i)))
      sc_fees_platform_gross (&ctx, i, g_ptr_array_index (ctx.platforms, i), ~0u);

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

      if (is_disabled (options, program))
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
          const ScMeasure *measure = g_ptr_array_index (program->measures, k);
          const MeasurePriv *raw = NULL;

          g_assert (index < n_measures);
          if (reuse != NULL && options->dirty != (gconstpointer) measure && options->dirty != (gconstpointer) program)
            {
              /* Both went through the catalog in the same order, the
               * earlier one perhaps through more platforms. */
              while (reused < reuse->n_raw && reuse->raw[reused].pub.measure != measure)
                reused++;
              if (reused < reuse->n_raw)
                raw = &reuse->raw[reused];
            }
          /* A baseline fee moved: what read it is evaluated again. */
          if (raw != NULL && (raw->fees_read & dirty_fees) != 0)
            raw = NULL;
          if (raw != NULL)
            sc_engine_take_raw (&ctx, mp, rp->series + index * series_len, raw, TRUE);
          else
            {
              ctx.fees_read = 0;
              sc_engine_eval_measure (&ctx, mp, rp->series + index * series_len, program, measure, until, replaced_by);
              mp->fees_read = ctx.fees_read;
              sc_engine_measure_totals (&ctx, mp);
            }
          mp->program = result->programs->len - 1;
          if (rp->raw != NULL)
            keep_raw (&ctx, rp, index, mp);
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
        ctx_warning (&ctx, SC_REASON_WARN_NO_BASELINE, platform);
      g_ptr_array_add (result->platforms, pr);
    }

  for (guint i = 0; i < result->measures->len; i++)
    {
      MeasurePriv *mp = g_ptr_array_index (result->measures, i);
      ScMeasureResult *mr = &mp->pub;
      ScPlatformResult *pr = g_ptr_array_index (result->platforms, mp->platform);
      ScProgramResult *prr = g_ptr_array_index (result->programs, mp->program);

      sc_engine_measure_totals (&ctx, mp);
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
      /* The raw measures (keep_raw) may still hold series in it. */
      if (rp->raw == NULL)
        g_clear_pointer (&rp->series, g_free);
    }

  write_reasons (&ctx, rp);
  rp->used = ctx.used != NULL ? g_steal_pointer (&ctx.used) : g_ptr_array_new ();
  rp->used_programs = ctx.used_programs != NULL ? g_steal_pointer (&ctx.used_programs) : g_ptr_array_new ();
  if (rp->raw != NULL)
    {
      /* Raw measures of programs not evaluated (another platform only) stay zeroed. */
      memset (rp->raw + result->measures->len, 0, sizeof (MeasurePriv) * (rp->n_raw - result->measures->len));
      memset (rp->raw_info + result->measures->len, 0, sizeof (RawInfo) * (rp->n_raw - result->measures->len));
      /* For sc_engine_evaluate_delta(): the sales curve and gross fees. */
      ctx.overrides = NULL;
      ctx.n_overrides = 0;
      keep_counted (&ctx, result);
      keep_raw_order (&ctx, rp);
      rp->kept = g_memdup2 (&ctx, sizeof ctx);
      rp->plain = options->n_overrides == 0 && options->only_platform == NULL;
    }
  else
    sc_ctx_clear (&ctx);
  sc_format_cache_set (saved_tr);
  return result;
}
