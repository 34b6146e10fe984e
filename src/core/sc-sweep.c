/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-sweep.h"

#include "sc-engine.h"

#include <math.h>
#include <string.h>

/* How many points a sweep over @catalog and @profile may evaluate. */
static guint
points_within_bound (ScCatalog       *catalog,
                     const ScProfile *profile)
{
  GPtrArray *programs = sc_catalog_get_programs (catalog);
  GPtrArray *baselines = sc_catalog_get_baselines (catalog);
  guint64 per_point = programs->len + (baselines != NULL ? baselines->len : 0);

  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);

      if (program->measures != NULL)
        per_point += program->measures->len;
    }
  per_point = MAX (per_point, 1) * MAX (profile->horizon_months, 1);
  return (guint) MIN (SC_ENGINE_SWEEP_MAX_WORK / per_point, G_MAXUINT);
}

ScSweep *
sc_engine_sweep (ScCatalog             *catalog,
                 const ScProfile       *profile,
                 ScField                field,
                 const double          *points,
                 guint                  n_points,
                 const ScEngineOptions *options)
{
  g_autoptr(ScProfile) copy = NULL;
  ScEngineOptions opts = { 0 };
  ScSweep *sweep;
  guint allowed;
  g_autofree gboolean *kept = NULL;

  g_return_val_if_fail (catalog != NULL && profile != NULL, NULL);
  g_return_val_if_fail (points != NULL || n_points == 0, NULL);
  g_return_val_if_fail (n_points <= SC_ENGINE_SWEEP_MAX_POINTS, NULL);

  if (options != NULL)
    opts = *options;
  opts.no_reasons = TRUE;
  opts.no_series = TRUE;
  copy = sc_profile_copy (profile);

  sweep = g_new0 (ScSweep, 1);
  sweep->field = field;
  sweep->n_points = n_points;
  sweep->points = g_memdup2 (points, sizeof (double) * n_points);
  /* Within the bound: the first, the last and an even spread between; one
   * point alone says nothing about a trend. */
  allowed = MIN (points_within_bound (catalog, profile), n_points);
  kept = g_new0 (gboolean, MAX (1, n_points));
  if (allowed == n_points)
    for (guint i = 0; i < n_points; i++)
      kept[i] = TRUE;
  else if (allowed >= 2)
    for (guint k = 0; k < allowed; k++)
      kept[(guint) (((guint64) k * (n_points - 1) + (allowed - 1) / 2) / (allowed - 1))] = TRUE;

  for (guint i = 0; i < n_points; i++)
    {
      g_autoptr(ScResult) result = NULL;

      if (!kept[i] || !sc_profile_set_number (copy, field, points[i], NULL))
        {
          if (sweep->values != NULL)
            for (guint p = 0; p < sweep->n_platforms; p++)
              sweep->values[p * n_points + i] = NAN;
          continue;
        }
      result = sc_engine_evaluate (catalog, copy, &opts);
      sweep->n_evaluated++;
      if (sweep->values == NULL)
        {
          sweep->n_platforms = result->platforms->len;
          sweep->platforms = g_new0 (char *, sweep->n_platforms + 1);
          for (guint p = 0; p < sweep->n_platforms; p++)
            sweep->platforms[p] = g_strdup (((ScPlatformResult *) g_ptr_array_index (result->platforms, p))->platform);
          sweep->values = g_new (double, MAX (1, sweep->n_platforms * n_points));
          for (guint k = 0; k < sweep->n_platforms * n_points; k++)
            sweep->values[k] = NAN;
        }
      /* The score, not a total of our own: when how the verdicts rank
       * changes (locked value weighed apart from cash, say), the sweep and
       * its crossovers follow in the same step. */
      for (guint p = 0; p < sweep->n_platforms && p < result->platforms->len; p++)
        sweep->values[p * n_points + i] =
          sc_result_platform_score (result, g_ptr_array_index (result->platforms, p));
    }
  if (sweep->platforms == NULL)
    sweep->platforms = g_new0 (char *, 1);
  return sweep;
}

void
sc_sweep_free (ScSweep *sweep)
{
  if (sweep == NULL)
    return;
  g_free (sweep->points);
  g_strfreev (sweep->platforms);
  g_free (sweep->values);
  g_free (sweep);
}

double
sc_sweep_get (const ScSweep *sweep,
              guint          platform,
              guint          point)
{
  g_return_val_if_fail (sweep != NULL, NAN);
  if (platform >= sweep->n_platforms || point >= sweep->n_points || sweep->values == NULL)
    return NAN;
  return sweep->values[platform * sweep->n_points + point];
}

/* Two scores closer than this (yuan) tie. */
#define TIE_YUAN 0.005

/* A point every platform has a value at. */
static gboolean
evaluated (const ScSweep *sweep,
           guint          point)
{
  for (guint p = 0; p < sweep->n_platforms; p++)
    if (!isfinite (sc_sweep_get (sweep, p, point)))
      return FALSE;
  return sweep->n_platforms > 0;
}

/* The next evaluated point after @point, or n_points. */
static guint
next_evaluated (const ScSweep *sweep,
                guint          point)
{
  guint j = point + 1;

  while (j < sweep->n_points && !evaluated (sweep, j))
    j++;
  return j;
}

/* Who leads from point @i on towards point @j: the highest value at @i,
 * between values that tie the one that rises faster; G_MAXUINT when the
 * top two tie at both points (no one leads). */
static guint
leader_from (const ScSweep *sweep,
             guint          i,
             guint          j)
{
  guint best = G_MAXUINT;
  gboolean tied = FALSE;

  for (guint p = 0; p < sweep->n_platforms; p++)
    {
      double v = sc_sweep_get (sweep, p, i), b, slope, best_slope;

      if (best == G_MAXUINT)
        {
          best = p;
          continue;
        }
      b = sc_sweep_get (sweep, best, i);
      slope = j < sweep->n_points ? sc_sweep_get (sweep, p, j) - v : 0;
      best_slope = j < sweep->n_points ? sc_sweep_get (sweep, best, j) - b : 0;
      if (v > b + TIE_YUAN || (v >= b - TIE_YUAN && slope > best_slope + TIE_YUAN))
        {
          best = p;
          tied = FALSE;
        }
      else if (v >= b - TIE_YUAN && slope >= best_slope - TIE_YUAN)
        tied = TRUE;
    }
  return tied ? G_MAXUINT : best;
}

guint
sc_sweep_first_leader (const ScSweep *sweep)
{
  guint i = 0;

  g_return_val_if_fail (sweep != NULL, G_MAXUINT);

  while (i < sweep->n_points && !evaluated (sweep, i))
    i++;
  if (i >= sweep->n_points)
    return G_MAXUINT;
  return leader_from (sweep, i, next_evaluated (sweep, i));
}

/* Adds the change from @before to @after at @at, unless it undoes the
 * change just before at the same place (two lines that touch). */
static void
add_crossover (GArray           *out,
               ScSweepCrossover *x)
{
  if (out->len > 0)
    {
      const ScSweepCrossover *last = &g_array_index (out, ScSweepCrossover, out->len - 1);

      if (last->before == x->after && fabs (last->at - x->at) <= 1e-9 * MAX (1, fabs (x->at)))
        {
          g_array_set_size (out, out->len - 1);
          return;
        }
    }
  g_array_append_val (out, *x);
}

GArray *
sc_sweep_crossovers (const ScSweep *sweep)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (ScSweepCrossover));
  guint i = 0, leader = G_MAXUINT;

  g_return_val_if_fail (sweep != NULL, out);

  while (i < sweep->n_points && !evaluated (sweep, i))
    i++;
  /* Between two evaluated points every score is a straight line, as the
   * chart draws it: follow the top of those lines (the upper envelope),
   * one overtaking at a time. Only a line that rises faster than the
   * leader's can overtake it, so each step makes progress. */
  for (guint j = next_evaluated (sweep, i); j < sweep->n_points; i = j, j = next_evaluated (sweep, j))
    {
      double t = 0, span = sweep->points[j] - sweep->points[i];

      if (leader == G_MAXUINT)
        leader = leader_from (sweep, i, j);
      if (leader == G_MAXUINT)
        continue;
      for (;;)
        {
          double lead0 = sc_sweep_get (sweep, leader, i);
          double lead_slope = sc_sweep_get (sweep, leader, j) - lead0;
          double best_t = G_MAXDOUBLE, best_slope = 0;
          guint best = G_MAXUINT;
          ScSweepCrossover x;

          for (guint q = 0; q < sweep->n_platforms; q++)
            {
              double q0 = sc_sweep_get (sweep, q, i);
              double dq = (sc_sweep_get (sweep, q, j) - q0) - lead_slope;
              double tq;

              if (q == leader || !(dq > 0))
                continue;
              tq = MAX ((lead0 - q0) / dq, t);
              if (tq > 1 || tq > best_t || (tq == best_t && dq <= best_slope))
                continue;
              best = q;
              best_t = tq;
              best_slope = dq;
            }
          if (best == G_MAXUINT)
            break;
          x.at = sweep->points[i] + best_t * span;
          x.before = leader;
          x.after = best;
          x.score = sc_sweep_get (sweep, best, i)
                    + best_t * (sc_sweep_get (sweep, best, j) - sc_sweep_get (sweep, best, i));
          add_crossover (out, &x);
          leader = best;
          t = best_t;
        }
    }
  return out;
}
