/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-profile.h"
#include "sc-result.h"

G_BEGIN_DECLS

/**
 * ScSweep:
 * Each platform's score (sc_result_platform_score(), the number verdicts
 * rank by) at each point of a sweep.
 * @values: [platform * n_points + point]
 */
typedef struct
{
  ScField   field;
  guint     n_points;
  double   *points;
  guint     n_platforms;
  char    **platforms;    /* NULL-terminated, sorted like ScResult.platforms */
  double   *values;
  guint     n_evaluated;  /* points evaluated: fewer than n_points when thinned */
} ScSweep;

/* A sweep re-runs the engine per point: more points than this is a
 * programming error (charts use SC_CHART_SWEEP_POINTS), never user input. */
#define SC_ENGINE_SWEEP_MAX_POINTS 1000

/* A sweep's total work, in measure-months (the catalog's measures and
 * platforms, times the horizon's months, times the points evaluated): at
 * most this many, about half a second on a 2020 laptop core. A larger
 * catalog or a longer horizon evaluates fewer points, evenly spread and
 * always the first and last; the others are NAN, as a point that fails
 * validation. A sanity bound, not a policy number. */
#define SC_ENGINE_SWEEP_MAX_WORK 3000000

/*
 * Re-evaluates @profile with @field set to each of @points (no reasons, no
 * series). Points that fail validation give NAN; so do the points left out
 * to keep the work within SC_ENGINE_SWEEP_MAX_WORK. More than
 * SC_ENGINE_SWEEP_MAX_POINTS points is refused with a critical and NULL.
 * (transfer full)
 */
ScSweep          *sc_engine_sweep           (ScCatalog             *catalog,
                                             const ScProfile       *profile,
                                             ScField                field,
                                             const double          *points,
                                             guint                  n_points,
                                             const ScEngineOptions *options);
void              sc_sweep_free             (ScSweep               *sweep);
double            sc_sweep_get              (const ScSweep         *sweep,
                                             guint                  platform,
                                             guint                  point);

/**
 * ScSweepCrossover:
 * Where the leading platform of a sweep changes.
 * @at: the swept field's value where the two tie, interpolated linearly
 *   between the two sweep points around it
 * @before, @after: the platforms (indexes into ScSweep.platforms) leading
 *   just below and just above @at
 * @score: their score at @at (interpolated)
 */
typedef struct
{
  double at;
  guint  before;
  guint  after;
  double score;
} ScSweepCrossover;

/*
 * The points of @sweep where the leading platform changes, in increasing
 * order (ScSweepCrossover). The leader at a point is the platform with the
 * highest value there; a point where the top two tie leads to no one and
 * the change is placed where their difference reaches zero. Points that
 * are NAN are skipped. The values are sc_result_platform_score(), so the
 * crossovers rank platforms exactly as the verdicts do. Never NULL.
 * (transfer full)
 */
GArray           *sc_sweep_crossovers       (const ScSweep         *sweep);
/* The platform leading at the first evaluated point, or G_MAXUINT (none,
 * or a tie there). */
guint             sc_sweep_first_leader     (const ScSweep         *sweep);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSweep, sc_sweep_free)

G_END_DECLS
