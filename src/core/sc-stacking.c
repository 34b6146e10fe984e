/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

/* Stacking groups, fee caps and expected measures kept apart. */

#include "sc-engine-private.h"

#include <math.h>
#include <string.h>

static void
zero_measure (Ctx         *ctx,
              MeasurePriv *mp)
{
  sc_engine_raw_detach (ctx, mp);
  memset (mp->pub.monthly, 0, sizeof (double) * ctx->n_months * SC_N_AMOUNTS);
  if (mp->fee_red != NULL)
    memset (mp->fee_red, 0, sizeof (double) * ctx->n_months * SC_N_FEES);
  memset (mp->pub.totals, 0, sizeof mp->pub.totals);
}

static ScStacking
group_mode (const ScProgram *program,
            const char      *group)
{
  for (guint i = 0; program->groups != NULL && i < program->groups->len; i++)
    {
      const ScStackGroup *g = g_ptr_array_index (program->groups, i);

      if (g_strcmp0 (g->id, group) == 0)
        return g->mode;
    }
  return SC_STACK_ADDITIVE;
}

/* Keeps one measure per exclusive / best-of group of @program. @first..@last index ctx measures. */
void
sc_stacking_resolve_groups (Ctx       *ctx,
                            GPtrArray *measures,
                            guint      first,
                            guint      last)
{
  for (guint i = first; i < last; i++)
    {
      MeasurePriv *mi = g_ptr_array_index (measures, i);
      const char *group = mi->pub.measure->group;
      ScStacking mode;
      MeasurePriv *winner = NULL;
      gboolean seen_before = FALSE;

      if (group == NULL)
        continue;
      for (guint j = first; j < i; j++)
        if (g_strcmp0 (((MeasurePriv *) g_ptr_array_index (measures, j))->pub.measure->group, group) == 0)
          seen_before = TRUE;
      if (seen_before)
        continue;
      mode = group_mode (mi->pub.program, group);
      if (mode == SC_STACK_ADDITIVE)
        continue;

      /* A measure in force is chosen before any expected one: what may never
       * come does not displace what is there. */
      for (guint pass = 0; pass < 2 && winner == NULL; pass++)
        for (guint j = i; j < last; j++)
          {
            MeasurePriv *mj = g_ptr_array_index (measures, j);

            if (g_strcmp0 (mj->pub.measure->group, group) != 0 || mj->pub.status != SC_MEASURE_ELIGIBLE
                || mj->pub.expected != (pass == 1))
              continue;
            if (winner == NULL)
              winner = mj;
            else if (mode == SC_STACK_BEST_OF
                     && mj->pub.totals[SC_AMOUNT_TOTAL_VALUE] > winner->pub.totals[SC_AMOUNT_TOTAL_VALUE] + EPSILON)
              winner = mj;
          }
      for (guint j = i; j < last; j++)
        {
          MeasurePriv *mj = g_ptr_array_index (measures, j);

          if (mj == winner || g_strcmp0 (mj->pub.measure->group, group) != 0
              || mj->pub.status != SC_MEASURE_ELIGIBLE)
            continue;
          mj->pub.cut_by_group = TRUE;
          zero_measure (ctx, mj);
          if (mj->pub.expected && !winner->pub.expected)
            add_reason (ctx, &mj->pub, SC_REASON_GROUP_IN_FORCE, &winner->pub.measure->title);
          else
            add_reason (ctx, &mj->pub, mode == SC_STACK_EXCLUSIVE ? SC_REASON_GROUP_EXCLUSIVE : SC_REASON_GROUP_BEST_OF,
                        &winner->pub.measure->title);
        }
    }
}

/* @from's measures grouped by platform, each group in @from's order, into
 * @to; @start[p] … @start[p + 1] is platform p's group. */
static void
group_by_platform (Ctx         *ctx,
                   GPtrArray   *from,
                   MeasurePriv **to,
                   guint       *start)
{
  guint n = ctx->platforms->len;
  g_autofree guint *next = g_new0 (guint, n + 1);

  memset (start, 0, sizeof (guint) * (n + 1));
  for (guint i = 0; i < from->len; i++)
    start[((MeasurePriv *) g_ptr_array_index (from, i))->platform + 1]++;
  for (guint p = 0; p < n; p++)
    start[p + 1] += start[p];
  memcpy (next, start, sizeof (guint) * (n + 1));
  for (guint i = 0; i < from->len; i++)
    {
      MeasurePriv *mp = g_ptr_array_index (from, i);

      to[next[mp->platform]++] = mp;
    }
}

/* Scales down reductions of one fee in one month to its gross: those of the
 * measures in force, or (@expected) those of the expected measures to what
 * the measures in force leave of it. */
void
sc_stacking_apply_caps (Ctx       *ctx,
                        GPtrArray *all,
                        gboolean   expected)
{
  /* Only measures that reduce a fee take part: keeps this cheap for sweeps. */
  g_autoptr(GPtrArray) measures = g_ptr_array_new ();
  g_autoptr(GPtrArray) in_force = g_ptr_array_new ();
  g_autofree MeasurePriv **by_platform = NULL, **force_by_platform = NULL;
  g_autofree guint *start = NULL, *force_start = NULL;

  for (guint i = 0; i < all->len; i++)
    {
      MeasurePriv *mp = g_ptr_array_index (all, i);

      if (mp->fee_red != NULL && mp->pub.status == SC_MEASURE_ELIGIBLE && !mp->pub.cut_by_group)
        g_ptr_array_add (mp->pub.expected == expected ? measures : in_force, mp);
    }
  if (measures->len == 0)
    return;

  /* Grouped by platform first: each fee and month of a platform walks that
   * platform's measures only, so the work is fees × months × measures, not
   * that times the platforms. The order within a platform, and so every
   * sum, is unchanged. */
  by_platform = g_new (MeasurePriv *, measures->len);
  start = g_new (guint, ctx->platforms->len + 1);
  group_by_platform (ctx, measures, by_platform, start);
  force_by_platform = g_new (MeasurePriv *, MAX (1, in_force->len));
  force_start = g_new (guint, ctx->platforms->len + 1);
  group_by_platform (ctx, in_force, force_by_platform, force_start);

  for (guint p = 0; p < ctx->platforms->len; p++)
    for (guint f = 0; f < SC_N_FEES && start[p] < start[p + 1]; f++)
      for (guint m = 0; m < ctx->n_months; m++)
        {
          double sum = 0, gross = ctx->gross[p][f * ctx->n_months + m], scale;

          for (guint i = force_start[p]; expected && i < force_start[p + 1]; i++)
            gross -= force_by_platform[i]->fee_red[f * ctx->n_months + m];
          gross = MAX (gross, 0);
          for (guint i = start[p]; i < start[p + 1]; i++)
            sum += by_platform[i]->fee_red[f * ctx->n_months + m];
          if (sum <= gross + EPSILON || sum <= 0)
            continue;
          scale = gross / sum;
          for (guint i = start[p]; i < start[p + 1]; i++)
            {
              MeasurePriv *mp = by_platform[i];
              double *fr, cut;

              fr = &mp->fee_red[f * ctx->n_months + m];
              if (*fr <= 0)
                continue;
              sc_engine_raw_detach (ctx, mp);
              cut = *fr * (1 - scale);
              *fr -= cut;
              mp->pub.monthly[m * SC_N_AMOUNTS + SC_AMOUNT_FEE_REDUCTION] -= cut;
              if (!mp->pub.cut_by_cap)
                add_reason (ctx, &mp->pub, SC_REASON_FEE_CAPPED, (ScFee) f);
              mp->pub.cut_by_cap = TRUE;
            }
        }
}

/* Moves the value of the expected measure @mp out of its totals and series
 * into its own expected totals and those of its program and platform. */
void
sc_stacking_keep_expected_apart (Ctx              *ctx,
                                 MeasurePriv      *mp,
                                 ScProgramResult  *prr,
                                 ScPlatformResult *pr)
{
  ScMeasureResult *mr = &mp->pub;

  memcpy (mr->expected_totals, mr->totals, sizeof mr->totals);
  for (guint a = 0; a < SC_N_AMOUNTS; a++)
    {
      prr->expected_totals[a] += mr->totals[a];
      pr->expected_totals[a] += mr->totals[a];
    }
  prr->n_expected++;
  if (fabs (mr->totals[SC_AMOUNT_TOTAL_VALUE]) > EPSILON || fabs (mr->totals[SC_AMOUNT_TRAFFIC_UNITS]) > EPSILON)
    add_reason (ctx, mr, SC_REASON_EXPECTED_APART);
  zero_measure (ctx, mp);
}
