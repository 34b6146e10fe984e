/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Numbers the way a reader of @lang expects them, locale-independent:
 * zh: 4,600  2.8万  1.2亿  1万亿;  en: 4,600  28k  1.2M  120M  1T.
 * @digits is the number of significant digits kept once a unit (万, k…)
 * is used; smaller numbers of 100 or more are shown whole. NAN gives "–".
 * (transfer full)
 */
char   *sc_chart_format_number (double      value,
                                const char *lang,
                                int         digits);

/*
 * An axis tick: like sc_chart_format_number() but every tick of an axis
 * whose largest magnitude is @max_abs uses the same unit (0.5万, 1万, 1.5万).
 * (transfer full)
 */
char   *sc_chart_format_tick   (double      value,
                                double      max_abs,
                                const char *lang);

/*
 * "Nice" axis ticks (1, 2, 2.5 or 5 × 10^n) covering [@lo, @hi] with at most
 * @max_ticks intervals. Writes the first tick, the step and the number of
 * ticks (≥ 2). @lo == @hi is widened around the value.
 */
void    sc_chart_nice_ticks    (double      lo,
                                double      hi,
                                guint       max_ticks,
                                double     *first,
                                double     *step,
                                guint      *n_ticks);

G_END_DECLS
