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
      for (guint p = 0; p < sweep->n_platforms && p < result->platforms->len; p++)
        sweep->values[p * n_points + i] =
          ((ScPlatformResult *) g_ptr_array_index (result->platforms, p))->totals[SC_AMOUNT_TOTAL_VALUE];
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
