/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-profile.h"
#include "sc-program.h"

G_BEGIN_DECLS

/*
 * Evaluates one condition tree against @profile with three-valued logic.
 * Returns 1 (holds), 0 (does not) or -1 (unknown: a field is unset).
 * When @reasons is non-NULL, appends char* reasons in @lang naming the
 * deciding values (or the missing fields when unknown).
 */
int               sc_engine_eval_condition  (const ScCond          *cond,
                                             const ScProfile       *profile,
                                             const char            *lang,
                                             GPtrArray             *reasons);

/* TRUE when @func holds for @cond or a condition below it (depth first). */
gboolean          sc_cond_any               (const ScCond          *cond,
                                             gboolean             (*func) (const ScCond *cond,
                                                                           gpointer      data),
                                             gpointer               data);

G_END_DECLS
