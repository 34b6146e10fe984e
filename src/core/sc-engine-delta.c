/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-engine.h"

#include "sc-engine-private.h"

#include <stddef.h>
#include <string.h>

/*
 * The engine's shortcut for the range analysis (sc-range.c): a platform's
 * totals with a few numbers moved, from a kept result (keep_raw), by
 * evaluating again only the measures those numbers can move.
 */

/*
 * The shortcut of the range analysis: numbers of one measure (or of one
 * program, for its window's end) moved, with nothing outside that measure's
 * stacking group (or that program) that could change: no expected measure
 * on the platform, and its fee reductions below the gross fees before and
 * after. Then the platform's totals change by exactly what those measures'
 * do, and only they are evaluated again (and their groups resolved).
 */
/* A delta's scratch: on the stack when small (a block of a kilobyte or
 * more made the allocator consolidate its free lists on every delta),
 * else in @heap (a g_autofree pointer of the caller). The analysis'
 * combined delta of a platform's dozen measures (23 kB) fits: from the
 * heap it came from the top, and its free could trim the top, the next
 * growing it again with a page fault per page. */
#define DELTA_STACK_MAX 32768
#define DELTA_ALLOC(size, heap) \
  ((size) <= DELTA_STACK_MAX ? g_alloca (size) : ((heap) = g_malloc (size)))

/* The kept context of @rp with @overrides, without reasons, into @c. */
static void
delta_ctx (Ctx                    *c,
           const ResultPriv       *rp,
           const ScEngineOverride *overrides,
           guint                   n_overrides)
{
  /* Not what only reasons use (the sources noted, at the end). */
  memcpy (c, rp->kept, offsetof (Ctx, n_noted));
  c->n_noted = 0;
  c->overrides = overrides;
  c->n_overrides = n_overrides;
  c->reasons = FALSE;
  c->used = NULL;
  c->empty = sc_ctx_empty_array ();
}

/*
 * The platform @p of @base with the raw measures @index (@n of them, in
 * raw order) evaluated again in @c (delta_ctx(): the overrides) where @moved says so (the
 * others, the rest of a group, taken as they were), the fees' gross
 * @gross (SC_N_FEES × n_months; the base's, or a moved baseline's, whose
 * rows of @gross_rows (1 << ScFee each) may differ from the base's): into
 * @out when neither before nor after does a reduction reach the gross and
 * no expected measure counts on the platform; else FALSE.
 */
static gboolean
delta_platform (const ScResult         *base,
                Ctx                    *c,
                const guint            *index,
                const gboolean         *moved,
                guint                   n,
                guint                   p,
                const double           *gross,
                guint                   gross_rows,
                ScPlatformResult       *out)
{
  const ResultPriv *rp = (const ResultPriv *) base;
  g_autofree gpointer heap = NULL;
  gpointer block;
  gsize size;
  double *red, *series;
  MeasurePriv *news;
  GPtrArray resolved_storage, *resolved = &resolved_storage;
  gpointer *pdata;
  gboolean fits = TRUE;
  guint n_months = rp->kept->n_months;
  gsize len = (gsize) n_months * SC_N_AMOUNTS, n_red = (gsize) SC_N_FEES * n_months;

  /* An expected measure counts, or a cap cut (keep_counted()). */
  if (rp->kept->no_delta[p])
    return FALSE;
  /* One block for all of it: a delta is a few measures, and the allocator
   * cost as much as evaluating them. */
  size = sizeof (MeasurePriv) * MAX (1, n) + sizeof (gpointer) * MAX (1, n)
         + sizeof (double) * (n_red + (len + n_red) * MAX (1, n));
  block = DELTA_ALLOC (size, heap);
  news = block;
  pdata = (gpointer *) (news + MAX (1, n));
  red = (double *) (pdata + MAX (1, n));
  series = red + n_red;
  /* The measures' series, then their fee reductions (sc_ctx_new_fee_red(),
   * which zeroes each as it hands it out); only what is evaluated again is
   * zeroed here, the rest is copied whole (take_raw()). */
  c->fee_red_pool = series + len * MAX (1, n);
  /* A GPtrArray on the stack for sc_stacking_resolve_groups(), which
   * only reads it. */
  memset (&resolved_storage, 0, sizeof resolved_storage);
  resolved->pdata = pdata;
  for (guint s = 0; s < n; s++)
    {
      const MeasurePriv *old = &rp->raw[index[s]];
      const ScProgramResult *prr = g_ptr_array_index (base->programs, old->program);

      if (moved[s])
        {
          memset (&news[s], 0, sizeof news[s]);
          memset (series + s * len, 0, sizeof (double) * len);
          c->elig_from = old;
          /* Its platform as the base found it: no lookup by name. */
          c->last_platform = old->pub.program->platform;
          c->last_platform_index = old->platform;
          sc_engine_eval_measure (c, &news[s], series + s * len, old->pub.program, old->pub.measure, prr->active_until, NULL);
          c->elig_from = NULL;
          news[s].program = old->program;
          sc_engine_measure_totals (c, &news[s]);
        }
      else
        /* The rest of a group: as it was evaluated, for the group's
         * choice, which reads its totals; a delta reads no series. */
        sc_engine_take_raw (c, &news[s], series + s * len, old, FALSE);
      if (news[s].pub.expected && news[s].pub.status == SC_MEASURE_ELIGIBLE)
        fits = FALSE;
      pdata[resolved->len++] = &news[s];
    }
  /* Groups are a program's: each program's run on its own. */
  for (guint s = 0, first = 0; fits && s < n; s++)
    if (s + 1 == n || news[s + 1].pub.program != news[first].pub.program)
      {
        sc_stacking_resolve_groups (c, resolved, first, s + 1);
        first = s + 1;
      }

  /* Out with the measures as they counted, in with them as they count
   * now, and the test of the caps: a reduction that reaches the gross is
   * cut; none may now. None did before (keep_counted()): a fee none of
   * them reduces (a row none wrote, fee_rows) is as it was and passes,
   * unless its gross moved. Row by row, each month's sum in the same
   * order as a whole pass; without a branch per month. */
  if (fits)
    {
      guint rows = gross_rows;
      int over = 0;

      for (guint s = 0; s < n; s++)
        {
          const MeasurePriv *fin = g_ptr_array_index (base->measures, index[s]);

          if (fin->pub.status == SC_MEASURE_ELIGIBLE && !fin->pub.cut_by_group && fin->fee_red != NULL)
            rows |= fin->fee_rows;
          if (news[s].pub.status == SC_MEASURE_ELIGIBLE && !news[s].pub.cut_by_group && news[s].fee_red != NULL)
            rows |= news[s].fee_rows;
        }
      for (guint f = 0; f < SC_N_FEES; f++)
        {
          double *row = red + f * n_months;
          const double *cap = gross + f * n_months;

          if (!(rows & (1u << f)))
            continue;
          memcpy (row, rp->kept->counted_red + (gsize) p * n_red + f * n_months, sizeof (double) * n_months);
          for (guint s = 0; s < n; s++)
            {
              const MeasurePriv *fin = g_ptr_array_index (base->measures, index[s]);

              if (fin->pub.status == SC_MEASURE_ELIGIBLE && !fin->pub.cut_by_group && fin->fee_red != NULL
                  && (fin->fee_rows & (1u << f)))
                for (guint m = 0; m < n_months; m++)
                  row[m] -= fin->fee_red[f * n_months + m];
              if (news[s].pub.status == SC_MEASURE_ELIGIBLE && !news[s].pub.cut_by_group && news[s].fee_red != NULL
                  && (news[s].fee_rows & (1u << f)))
                for (guint m = 0; m < n_months; m++)
                  row[m] += news[s].fee_red[f * n_months + m];
            }
          for (guint m = 0; m < n_months; m++)
            over |= !(row[m] <= cap[m] + EPSILON) & !(row[m] <= 0);
        }
      fits = !over;
    }
  if (fits)
    {
      static const double zeros[SC_N_FEES * SC_PROFILE_HORIZON_MAX];
      double acc[SC_N_FEES];

      *out = *(const ScPlatformResult *) g_ptr_array_index (base->platforms, p);
      out->monthly = NULL;
      memcpy (acc, out->fee_reduction, sizeof acc);
      for (guint s = 0; s < n; s++)
        {
          const MeasurePriv *fin = g_ptr_array_index (base->measures, index[s]);
          const double *now = news[s].fee_red != NULL ? news[s].fee_red : zeros;
          const double *was = fin->fee_red != NULL ? fin->fee_red : zeros;
          guint rows = (now != zeros ? news[s].fee_rows : 0) | (was != zeros ? fin->fee_rows : 0);

          for (guint a = 0; a < SC_N_AMOUNTS; a++)
            if (a != SC_AMOUNT_FEE_GROSS && a != SC_AMOUNT_FEE_NET)
              out->totals[a] += news[s].pub.totals[a] - fin->pub.totals[a];
          /* Month by month for each fee, as before (each fee's sum in the
           * same order), one fee's months after another's; a row neither
           * wrote would add 0 − 0 (a sum from +0 is never −0). */
          for (guint f = 0; f < SC_N_FEES; f++)
            {
              double sum = acc[f];

              if (!(rows & (1u << f)))
                continue;
              for (guint m = 0; m < n_months; m++)
                sum += now[f * n_months + m] - was[f * n_months + m];
              acc[f] = sum;
            }
        }
      memcpy (out->fee_reduction, acc, sizeof acc);
      if (gross != rp->kept->gross[p])
        {
          /* A row that did not move sums as the base's did (from 0, month
           * by month): its fee_gross stands. */
          out->totals[SC_AMOUNT_FEE_GROSS] = 0;
          for (guint f = 0; f < SC_N_FEES; f++)
            {
              if (gross_rows & (1u << f))
                {
                  out->fee_gross[f] = 0;
                  for (guint m = 0; m < n_months; m++)
                    out->fee_gross[f] += gross[f * n_months + m];
                }
              out->totals[SC_AMOUNT_FEE_GROSS] += out->fee_gross[f];
            }
        }
      out->totals[SC_AMOUNT_FEE_NET] = out->totals[SC_AMOUNT_FEE_GROSS] - out->totals[SC_AMOUNT_FEE_REDUCTION];
    }
  /* Their fee reductions are in the block. */
  c->fee_red_pool = NULL;
  for (guint s = 0; s < n; s++)
    if (news[s].pub.texts != c->empty)
      g_ptr_array_unref (news[s].pub.texts);
  return fits;
}

/* Whether moving @program's own number (its <window-end>) can move
 * @measure: the measure runs to it. */
static gboolean
runs_to_program_end (const ScProgram *program,
                     const ScMeasure *measure)
{
  return sc_measure_window_end (program, measure) == &program->window_end;
}

gboolean
sc_engine_evaluate_delta (const ScResult         *base,
                          const ScEngineOverride *overrides,
                          guint                   n_overrides,
                          const ScProgram        *program,
                          const ScMeasure        *measure,
                          ScPlatformResult       *out)
{
  const ResultPriv *rp = (const ResultPriv *) base;
  g_autofree guint *index = NULL;
  g_autofree gboolean *moved = NULL;
  guint p = G_MAXUINT, n = 0;
  Ctx c;

  g_return_val_if_fail (base != NULL && program != NULL && out != NULL, FALSE);

  if (rp->kept == NULL || rp->raw == NULL)
    return FALSE;

  /* The measures evaluated again: @measure and the rest of its group, or
   * what runs to @program's end; measures without a value left out. */
  index = g_new (guint, MAX (1, rp->n_raw));
  moved = g_new (gboolean, MAX (1, rp->n_raw));
  for (guint i = 0; i < rp->n_raw; i++)
    {
      const RawInfo *ri = &rp->raw_info[i];
      const ScMeasure *m = ri->measure;

      if (ri->program != program)
        continue;
      if (measure != NULL && m != measure && (measure->group == NULL || g_strcmp0 (ri->group, measure->group) != 0))
        continue;
      p = ri->platform;
      if (!ri->priced)
        continue;
      moved[n] = measure != NULL ? m == measure : runs_to_program_end (program, m);
      index[n++] = i;
    }
  if (p == G_MAXUINT)
    return FALSE;
  delta_ctx (&c, rp, overrides, n_overrides);
  return delta_platform (base, &c, index, moved, n, p, rp->kept->gross[p], 0, out);
}

/* 1 << the fee of each of @dirty that is an item of @b (may be NULL). */
static guint
dirty_fee_bits (const ScBaseline     *b,
                const gconstpointer  *dirty,
                guint                 n_dirty)
{
  guint bits = 0;

  for (guint k = 0; b != NULL && b->items != NULL && k < b->items->len; k++)
    for (guint d = 0; d < n_dirty; d++)
      if (dirty[d] == g_ptr_array_index (b->items, k))
        bits |= 1u << ((const ScBaselineItem *) dirty[d])->fee;
  return bits;
}

/* Whether @mp is one of @dirty, of a program of @dirty, or read a fee of
 * @fee_bits; *@moves whether the moved numbers can move it (a program's
 * own number, its end, moves only what runs to it). */
static gboolean
raw_is_dirty (const RawInfo       *ri,
              guint                fee_bits,
              const gconstpointer *dirty,
              guint                n_dirty,
              gboolean            *moves)
{
  gconstpointer measure = ri->measure, program = ri->program;
  gboolean hit = FALSE, m = (ri->fees_read & fee_bits) != 0;

  /* In locals: through @moves, every step stored and loaded it again. */
  for (guint d = 0; d < n_dirty && !m; d++)
    if (dirty[d] == measure)
      hit = m = TRUE;
    else if (dirty[d] == program)
      {
        hit = TRUE;
        m = runs_to_program_end (ri->program, ri->measure);
      }
  *moves = m;
  return hit || m;
}

/* One of 64 bits for @pointer: a filter of a set of pointers that a
 * pointer not in the set mostly misses. Only how fast a plan is made
 * depends on the addresses, not what it holds. */
static inline guint64
dirty_bit (gconstpointer pointer)
{
  return G_GUINT64_CONSTANT (1) << (((guint64) (guintptr) pointer * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 58);
}

struct _ScDeltaPlan
{
  const ScResult *base;
  const char     *platform;
  guint           p;
  guint           bits;      /* 1 << the fee of each moved baseline value */
  guint           n;         /* measures evaluated again or taken as they were */
  guint          *index;     /* n, in raw order */
  gboolean       *moved;     /* n: evaluated again (else the rest of a group) */
};

ScDeltaPlan *
sc_engine_delta_plan_new (const ScResult      *base,
                          const char          *platform,
                          const gconstpointer *dirty,
                          guint                n_dirty)
{
  return sc_engine_delta_plan_new_in (NULL, base, platform, dirty, n_dirty);
}

ScDeltaPlan *
sc_engine_delta_plan_new_in (ScArena             *arena,
                             const ScResult      *base,
                             const char          *platform,
                             const gconstpointer *dirty,
                             guint                n_dirty)
{
  gsize plan_size;
  const ResultPriv *rp = (const ResultPriv *) base;
  g_autofree guint *heap = NULL;
  gboolean *is_dirty;
  const guint *order;
  guint *hits;
  ScDeltaPlan *plan;
  guint p, n_p, n = 0, n_hit = 0, n_moved = 0, bits, lo = 0, hi = 0;
  guint64 filter = 0;

  g_return_val_if_fail (base != NULL && platform != NULL, NULL);

  if (rp->kept == NULL || rp->raw == NULL)
    return NULL;
  p = GPOINTER_TO_UINT (g_hash_table_lookup (rp->kept->platform_of, platform));
  if (p-- == 0 || p >= base->platforms->len)
    return NULL;
  /* The platform's baseline as the base found it: no lookup by name. */
  bits = dirty_fee_bits (((const ScPlatformResult *) g_ptr_array_index (base->platforms, p))->baseline, dirty, n_dirty);

  /* What the moved numbers can move (evaluated again), and the rest of
   * its group (as it was); measures without a value left out. Only the
   * platform's measures are looked at, in raw order (raw_order). */
  order = rp->raw_order + rp->raw_start[p];
  n_p = rp->raw_start[p + 1] - rp->raw_start[p];
  for (guint d = 0; d < n_dirty; d++)
    filter |= dirty_bit (dirty[d]);
  is_dirty = DELTA_ALLOC ((sizeof (gboolean) + sizeof (guint)) * MAX (1, n_p), heap);
  hits = (guint *) (is_dirty + MAX (1, n_p));
  for (guint r = 0; r < n_p; r++)
    {
      const RawInfo *ri = &rp->raw_info[order[r]];
      gboolean moves;

      is_dirty[r] = FALSE;
      /* Only a measure or program of @dirty, or a measure reading a moved
       * fee, can be hit: the rest of the platform's measures turned away
       * before the test against each of @dirty (a dozen in the analysis'
       * combined deltas). The filter only skips; what passes is tested. */
      if (!(ri->fees_read & bits) && !(filter & (dirty_bit (ri->measure) | dirty_bit (ri->program))))
        continue;
      if (!raw_is_dirty (ri, bits, dirty, n_dirty, &moves))
        continue;
      n_hit++;
      if (!moves)
        continue;
      is_dirty[r] = TRUE;
      if (n_moved == 0)
        lo = r;
      hi = r + 1;
      hits[n_moved++] = order[r];
    }
  if (n_hit == 0 && bits == 0)
    return NULL;
  /* What is taken is evaluated again or of the group, so of the program,
   * of one evaluated again; a program's measures follow one another in
   * raw order: only from the first of the first one's program to the last
   * of the last one's are looked at again. */
  while (lo > 0 && n_moved > 0 && rp->raw_info[order[lo - 1]].program == rp->raw_info[hits[0]].program)
    lo--;
  while (hi < n_p && n_moved > 0 && rp->raw_info[order[hi]].program == rp->raw_info[hits[n_moved - 1]].program)
    hi++;
  plan_size = sizeof (ScDeltaPlan) + (sizeof (guint) + sizeof (gboolean)) * MAX (1, n_p);
  plan = arena != NULL ? sc_arena_alloc (arena, plan_size) : g_malloc (plan_size);
  plan->index = (guint *) (plan + 1);
  plan->moved = (gboolean *) (plan->index + MAX (1, n_p));
  for (guint r = lo; r < hi; r++)
    {
      const RawInfo *ri = &rp->raw_info[order[r]];
      gboolean take = is_dirty[r];

      if (!ri->priced)
        continue;
      /* Only the few evaluated again can draw in the rest of their group. */
      for (guint h = 0; h < n_moved && !take && ri->group != NULL; h++)
        take = rp->raw_info[hits[h]].program == ri->program
               && g_strcmp0 (rp->raw_info[hits[h]].group, ri->group) == 0;
      if (take)
        {
          plan->moved[n] = is_dirty[r];
          plan->index[n++] = order[r];
        }
    }
  plan->base = base;
  plan->platform = g_ptr_array_index (rp->kept->platforms, p);
  plan->p = p;
  plan->bits = bits;
  plan->n = n;
  return plan;
}

void
sc_engine_delta_plan_free (ScDeltaPlan *plan)
{
  g_free (plan);
}

const ScPlatformResult *
sc_engine_delta_plan_only_gross (const ScDeltaPlan *plan)
{
  const ResultPriv *rp;
  const double *counted;
  guint n_months;

  g_return_val_if_fail (plan != NULL, NULL);

  rp = (const ResultPriv *) plan->base;
  if (plan->n > 0 || rp->kept->no_delta[plan->p])
    return NULL;
  /* Then delta_platform() tests only these rows, which pass. */
  n_months = rp->kept->n_months;
  counted = rp->kept->counted_red + (gsize) plan->p * SC_N_FEES * n_months;
  for (guint f = 0; f < SC_N_FEES; f++)
    for (guint m = 0; (plan->bits & (1u << f)) && m < n_months; m++)
      if (!(counted[f * n_months + m] <= 0))
        return NULL;
  return g_ptr_array_index (plan->base->platforms, plan->p);
}

gboolean
sc_engine_delta_plan_run (const ScDeltaPlan      *plan,
                          const ScEngineOverride *overrides,
                          guint                   n_overrides,
                          ScPlatformResult       *out)
{
  const ResultPriv *rp;
  double *gross;
  guint *basis;
  Ctx c;

  g_return_val_if_fail (plan != NULL && out != NULL, FALSE);

  rp = (const ResultPriv *) plan->base;
  delta_ctx (&c, rp, overrides, n_overrides);
  if (plan->bits == 0)
    return delta_platform (plan->base, &c, plan->index, plan->moved, plan->n, plan->p, rp->kept->gross[plan->p], 0,
                           out);

  /* The gross fees with the baseline moved, apart from the base's (no
   * measure reads them): those of the fees moved worked out again, the
   * others as the base's (the same inputs, the same sums). */
  gross = g_newa (double, SC_N_FEES * c.n_months);
  memcpy (gross, rp->kept->gross[plan->p], sizeof (double) * SC_N_FEES * c.n_months);
  for (guint f = 0; f < SC_N_FEES; f++)
    if (plan->bits & (1u << f))
      memset (gross + f * c.n_months, 0, sizeof (double) * c.n_months);
  basis = g_newa (guint, c.platforms->len);
  memset (basis, 0, sizeof (guint) * c.platforms->len);
  c.gross = g_newa (double *, c.platforms->len);
  memcpy (c.gross, rp->kept->gross, sizeof (double *) * c.platforms->len);
  c.gross[plan->p] = gross;
  c.platform_basis = basis;
  sc_fees_platform_gross (&c, plan->p, plan->platform, plan->bits);
  return delta_platform (plan->base, &c, plan->index, plan->moved, plan->n, plan->p, gross, plan->bits, out);
}

gboolean
sc_engine_evaluate_delta_set (const ScResult         *base,
                              const ScEngineOverride *overrides,
                              guint                   n_overrides,
                              const char             *platform,
                              const gconstpointer    *dirty,
                              guint                   n_dirty,
                              ScPlatformResult       *out)
{
  g_autoptr(ScDeltaPlan) plan = NULL;

  g_return_val_if_fail (base != NULL && platform != NULL && out != NULL, FALSE);

  plan = sc_engine_delta_plan_new (base, platform, dirty, n_dirty);
  return plan != NULL && sc_engine_delta_plan_run (plan, overrides, n_overrides, out);
}
