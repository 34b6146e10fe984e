/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-arena.h"
#include "sc-catalog.h"
#include "sc-condition.h"
#include "sc-example-check.h"
#include "sc-profile.h"
#include "sc-program.h"
#include "sc-result.h"
#include "sc-sweep.h"
#include "sc-types.h"

G_BEGIN_DECLS

/*
 * The estimate engine: a pure function of (catalog, profile, options).
 * No clock, no locale, no hash-table order in the output: the same inputs
 * give the same numbers and the same strings.
 *
 * Time: month m (0 ≤ m < horizon) is [as_of + m months, as_of + m+1 months).
 * GMV of month m = monthly-gmv × (1 + gmv-growth)^m, spread evenly over its
 * days; orders = GMV / avg-order-value. Only value that falls inside
 * [as_of, as_of + horizon) counts. See help/C/estimates.page for each kind
 * of measure.
 */

/*
 * Evaluates every active program of @catalog for @profile. @profile must
 * have as_of set. @options may be NULL. (transfer full)
 */
ScResult         *sc_engine_evaluate        (ScCatalog             *catalog,
                                             const ScProfile       *profile,
                                             const ScEngineOptions *options);
/*
 * The assumed numbers of the catalog @result used (const ScNumber*: a
 * program's number, a <window-end>, a baseline fee's value), in the order
 * first used; empty when it was evaluated without reasons. (transfer none)
 */
GPtrArray        *sc_engine_result_used     (const ScResult        *result);
/*
 * The programs whose measures were being evaluated when the numbers of
 * sc_engine_result_used() were first used (const ScProgram*, each once):
 * a program's own number is one of its programs', but a number used
 * otherwise (a baseline's gross fees) counts for none, so this may leave
 * out a number's program. (transfer none)
 */
GPtrArray        *sc_engine_result_used_programs (const ScResult  *result);
/*
 * Whether @result was made of @catalog and @profile with keep_raw, for
 * every platform and at the files' values (no overrides, no
 * only_platform): then it can be the base of sc_engine_evaluate_delta()
 * and the range analysis evaluates nothing again at the centre. Its
 * reasons and series do not matter.
 */
gboolean          sc_engine_result_is_base  (const ScResult        *result,
                                             ScCatalog             *catalog,
                                             const ScProfile       *profile);
/*
 * @base (made with keep_raw, of a profile still alive) with the numbers of
 * @overrides moved, all of @measure of @program (or, @measure NULL, of
 * @program itself): when only those measures and their stacking group can
 * change their platform's value (no expected measure counts on it, and its
 * fee reductions stay below the gross fees before and after), the
 * platform's result into @out (monthly NULL; strings point into @base) and
 * TRUE; else FALSE, and a full evaluation is needed.
 */
gboolean          sc_engine_evaluate_delta  (const ScResult         *base,
                                             const ScEngineOverride *overrides,
                                             guint                   n_overrides,
                                             const ScProgram        *program,
                                             const ScMeasure        *measure,
                                             ScPlatformResult       *out);
/*
 * The same for several numbers of @platform moved at once (@overrides):
 * @dirty lists what they belong to, each a ScMeasure, a ScProgram (all its
 * measures) or a ScBaselineItem of @platform's baseline (the measures that
 * read its fee; the gross fees are computed anew). Those measures and the
 * rest of their groups are evaluated again; TRUE and the platform's
 * result in @out when no reduction reaches its gross before or after and
 * no expected measure counts, else FALSE.
 */
gboolean          sc_engine_evaluate_delta_set (const ScResult         *base,
                                                const ScEngineOverride *overrides,
                                                guint                   n_overrides,
                                                const char             *platform,
                                                const gconstpointer    *dirty,
                                                guint                   n_dirty,
                                                ScPlatformResult       *out);
/*
 * The same found once for any values of the numbers of @dirty: what
 * moving them evaluates again (NULL when no shortcut can apply); then
 * sc_engine_delta_plan_run() for each set of @overrides of those numbers,
 * as sc_engine_evaluate_delta_set() would. @base must outlive the plan.
 */
typedef struct _ScDeltaPlan ScDeltaPlan;

ScDeltaPlan      *sc_engine_delta_plan_new  (const ScResult         *base,
                                             const char             *platform,
                                             const gconstpointer    *dirty,
                                             guint                   n_dirty);
gboolean          sc_engine_delta_plan_run  (const ScDeltaPlan      *plan,
                                             const ScEngineOverride *overrides,
                                             guint                   n_overrides,
                                             ScPlatformResult       *out);
void              sc_engine_delta_plan_free (ScDeltaPlan            *plan);
/* The base's platform result when running @plan, whatever the values, can
 * change only the gross and net fees of its platform (it evaluates no
 * measure again, and no reduction counts on the fees it moves, so none
 * can reach their gross): every other amount is the base's. Else NULL. */
const ScPlatformResult *sc_engine_delta_plan_only_gross (const ScDeltaPlan *plan);

/* A plan (sc_engine_delta_plan_new()) in @arena: never freed on its own. */
ScDeltaPlan      *sc_engine_delta_plan_new_in (ScArena             *arena,
                                               const ScResult      *base,
                                               const char          *platform,
                                               const gconstpointer *dirty,
                                               guint                n_dirty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScDeltaPlan, sc_engine_delta_plan_free)

G_END_DECLS
