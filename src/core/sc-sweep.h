/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-profile.h"
#include "sc-result.h"

G_BEGIN_DECLS

/**
 * ScSweep:
 * Total value (SC_AMOUNT_TOTAL_VALUE) per platform at each point of a sweep.
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSweep, sc_sweep_free)

G_END_DECLS
