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
} ScSweep;

/* A sweep re-runs the engine per point: more points than this is a
 * programming error (charts use SC_CHART_SWEEP_POINTS), never user input. */
#define SC_ENGINE_SWEEP_MAX_POINTS 1000

/*
 * Re-evaluates @profile with @field set to each of @points (no reasons, no
 * series). Points that fail validation give NAN. More than
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
