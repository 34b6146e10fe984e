/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <math.h>
#include <string.h>

#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-error.h"
#include "sc-profile.h"
#include "sc-report.h"
#include "sc-rule-check.h"
#include "sc-text-width.h"

/*
 * What the engine's tests (tests/core/test-*.c) share.
 *
 * Hand-worked cases on tests/data/engine/engine-basic.xml (fixture_catalog).
 *
 * Base profile: as-of 2026-01-01, horizon 3 months (Jan, Feb, Mar 2026),
 * monthly GMV 31,000 with no growth, so every month sells 31,000 and
 * January sells 1,000 a day; average order 100 yuan → 10 orders a day in
 * January, 930 orders over the horizon. First sale and first live on
 * 2026-01-01. Baseline "alpha": commission 5 %, return shipping 1.5 yuan an
 * order, deposit 2,000, settlement 10 days.
 *
 * bundled_catalog holds the bundled programs (sc_catalog_add_defaults()).
 */

extern ScCatalog *fixture_catalog;
extern ScCatalog *bundled_catalog;

#define assert_money(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 0.005)

#define STAR "kuaishou.star-plan-2026"

/* setlocale, g_test_init and both catalogs; then the test file adds its
 * cases and returns engine_fixture_run(), which frees them. */
void        engine_fixture_init  (int    *argc,
                                  char ***argv);
int         engine_fixture_run   (void);

/* The base profile above. (transfer full) */
ScProfile  *base_profile         (void);
/* Sets field @name from its file text, or unsets it when @value is NULL. */
void        set                  (ScProfile  *p,
                                  const char *name,
                                  const char *value);
/* Evaluates @p on fixture_catalog, reasons in English. (transfer full) */
ScResult   *evaluate             (const ScProfile *p);
/* The measure, asserted to be there. (transfer none) */
const ScMeasureResult *measure   (const ScResult *r,
                                  const char     *program,
                                  const char     *id);
gboolean    has_reason           (const ScMeasureResult *mr,
                                  const char            *text);
void        assert_reason        (const ScMeasureResult *mr,
                                  const char            *text);
/* A path in the build tree: built_path ("src", "shangce", NULL). (transfer full) */
char       *built_path           (const char *first,
                                  ...) G_GNUC_NULL_TERMINATED;

/* An empty profile as of @as_of over 12 months. (transfer full) */
ScProfile  *star_profile         (const char *as_of);
/* Evaluates @p on bundled_catalog, reasons in English. (transfer full) */
ScResult   *evaluate_bundled     (const ScProfile *p);
double      month_of_measure     (const ScMeasureResult *mr,
                                  guint                  month,
                                  ScAmount               amount);

/* Whether a line of @lines contains @text; how many do. */
gboolean    has_line             (GPtrArray  *lines,
                                  const char *text);
void        assert_line          (GPtrArray  *lines,
                                  const char *text);
guint       count_lines          (GPtrArray  *lines,
                                  const char *text);

/* The report of shangce --report @args --lang zh_CN in several locales,
 * each containing every line of @expected and all the same; NULL when the
 * test was skipped. (transfer full) */
char       *report_zh_every_locale (const char *const *args,
                                    const char *const *expected,
                                    gsize              n_expected);
/* A sweep over monthly GMV made by hand: @values is [platform][point],
 * @platforms their ids (NULL: "p0", "p1" …). (transfer full) */
ScSweep    *hand_sweep           (const char *const *platforms,
                                  guint              n_platforms,
                                  guint              n_points,
                                  const double      *points,
                                  const double      *values);
/* tests/data/engine/assumed.xml (transfer full) */
ScCatalog  *load_assumed_fixture (void);
