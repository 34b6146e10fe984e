/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include "engine-fixture.h"

/* Stacking groups, caps, platform totals, expected measures, replaced and disabled programs. */

static void
test_commission_cap (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);
  const ScPlatformResult *alpha = sc_result_find_platform (r, "alpha");
  const ScMeasureResult *rate = measure (r, "alpha.test", "fee-rate");
  const ScMeasureResult *shelf = measure (r, "alpha.test", "shelf-waiver");

  /* Gross commission: 5 % × 93,000 = 4,650. */
  assert_money (alpha->fee_gross[SC_FEE_COMMISSION], 4650);
  /* Fee rate: (0.05 − 0.006) × 31,000 × 0.5 = 682 a month; shelf waiver:
   * 0.05 × 31,000 × (1 − 0.4) = 930 a month; 1,612 > 1,550, so both are
   * scaled to 1,550 a month: the commission never goes below zero. */
  assert_money (rate->totals[SC_AMOUNT_FEE_REDUCTION] + shelf->totals[SC_AMOUNT_FEE_REDUCTION], 4650);
  assert_money (rate->totals[SC_AMOUNT_FEE_REDUCTION], 4650 * 682.0 / 1612.0);
  g_assert_true (rate->cut_by_cap);
  g_assert_true (shelf->cut_by_cap);
  assert_money (alpha->fee_reduction[SC_FEE_COMMISSION], 4650);
  /* Net fees: 4,650 + 1,395 − 4,650 − 523.5 = 871.5 */
  assert_money (alpha->totals[SC_AMOUNT_FEE_NET], 871.5);
  for (guint m = 0; m < 3; m++)
    g_assert_cmpfloat (sc_result_month_value (alpha->monthly, alpha->n_months, m, SC_AMOUNT_FEE_NET), >=, -1e-9);

  /* Shelf-only store of 20 % content: 0.05 × 31,000 × 0.8 = 1,240 + 682 > 1,550 still capped;
   * with no qianchuan share the fee-rate gives 0 and the waiver alone is not capped. */
  set (p, "share-qianchuan-chengfang", "0");
  {
    g_autoptr(ScResult) r2 = evaluate (p);

    assert_money (measure (r2, "alpha.test", "shelf-waiver")->totals[SC_AMOUNT_FEE_REDUCTION], 2790);
    g_assert_false (measure (r2, "alpha.test", "shelf-waiver")->cut_by_cap);
  }
}

static void
test_exclusive_group (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);
  const ScPlatformResult *alpha = sc_result_find_platform (r, "alpha");

  /* Score 4.5: coupon A (first eligible) counts, B does not. */
  assert_money (measure (r, "alpha.test", "coupon-a")->totals[SC_AMOUNT_COUPON], 50);
  assert_money (measure (r, "alpha.test", "coupon-b")->totals[SC_AMOUNT_COUPON], 0);
  g_assert_true (measure (r, "alpha.test", "coupon-b")->cut_by_group);
  assert_money (alpha->totals[SC_AMOUNT_COUPON], 50);

  /* Score 4.39: A is not eligible, B counts: 70. */
  set (p, "shop-score", "4.39");
  {
    g_autoptr(ScResult) r2 = evaluate (p);

    assert_money (sc_result_find_platform (r2, "alpha")->totals[SC_AMOUNT_COUPON], 70);
    g_assert_false (measure (r2, "alpha.test", "coupon-b")->cut_by_group);
  }
}

static void
test_platform_totals (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);
  const ScPlatformResult *alpha = sc_result_find_platform (r, "alpha");
  double expected;

  /* reduction 4,650 + 523.5; cash 240 + 350 + 80; coupon 50; traffic 560;
   * cash flow 30 + 107.01 */
  expected = 4650 + 523.5 + 240 + 350 + 80 + 50 + 560 + 30 + 7 * 93000 * 0.06 / 365;
  assert_money (alpha->totals[SC_AMOUNT_TOTAL_VALUE], expected);
  assert_money (sc_result_find_program (r, "alpha.test")->totals[SC_AMOUNT_TOTAL_VALUE], expected);
  /* Platforms are sorted: alpha, beta. */
  g_assert_cmpuint (r->platforms->len, ==, 2);
  g_assert_cmpstr (((ScPlatformResult *) g_ptr_array_index (r->platforms, 0))->platform, ==, "alpha");
  g_assert_true (alpha->basis & SC_BASIS_ASSUMED);
}

/*
 * Expected (预计) measures, tests/data/engine/engine-basic.xml program
 * beta.expected and beta.expected-program, base profile (score 4.5):
 *
 * - expected-cash: 500 from its expected start 2026-02-01, booked in
 *   February: 500 expected, 0 in the totals.
 * - expected-waiver: all commission, 5 % × 31,000 = 1,550 a month, but only
 *   what the waivers in force leave of the fee: January 1,550 − 155
 *   (beta.old, 10 %) = 1,395; February and March 1,550 − 310 (beta.new,
 *   20 %) = 1,240 each: 3,875 expected; the platform's reduction stays 775.
 * - promo (exclusive): the expected 90 comes first in document order, yet
 *   the 60 in force counts; with a score of 4.39 the one in force does not
 *   apply and the expected 90 counts, as expected.
 * - beta.expected-program (status expected): its 100 on 2026-03-01 is
 *   expected without the measure saying so.
 */
static void
test_expected (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);
  const ScMeasureResult *cash = measure (r, "beta.expected", "expected-cash");
  const ScMeasureResult *waiver = measure (r, "beta.expected", "expected-waiver");
  const ScMeasureResult *promo_e = measure (r, "beta.expected", "promo-expected");
  const ScMeasureResult *promo_c = measure (r, "beta.expected", "promo-confirmed");
  const ScMeasureResult *program_cash = measure (r, "beta.expected-program", "cash");
  const ScProgramResult *prog = sc_result_find_program (r, "beta.expected");
  const ScPlatformResult *beta = sc_result_find_platform (r, "beta");

  /* Evaluated and eligible, flagged, its value apart. */
  g_assert_cmpint (cash->status, ==, SC_MEASURE_ELIGIBLE);
  g_assert_true (cash->expected);
  g_assert_true (cash->basis & SC_BASIS_EXPECTED);
  g_assert_cmpuint (cash->expected_from, ==, sc_day_parse ("2026-02-01"));
  assert_money (cash->expected_totals[SC_AMOUNT_CASH], 500);
  assert_money (cash->expected_totals[SC_AMOUNT_TOTAL_VALUE], 500);
  assert_money (cash->totals[SC_AMOUNT_CASH], 0);
  assert_money (cash->totals[SC_AMOUNT_TOTAL_VALUE], 0);
  for (guint m = 0; m < 3; m++)
    assert_money (sc_result_month_value (cash->monthly, cash->n_months, m, SC_AMOUNT_CASH), 0);
  g_assert_cmpstr (g_ptr_array_index (sc_measure_result_get_reasons (cash), 0), ==, "Expected (预计) from 2026-02-01, not yet in force");
  assert_reason (cash, "left out of every total");

  /* Capped by what the waivers in force leave of the commission. */
  g_assert_cmpuint (waiver->expected_from, ==, sc_day_parse ("2026-01-01"));
  assert_money (waiver->expected_totals[SC_AMOUNT_FEE_REDUCTION], 3875);
  g_assert_true (waiver->cut_by_cap);
  assert_money (beta->fee_reduction[SC_FEE_COMMISSION], 775);
  assert_money (beta->totals[SC_AMOUNT_FEE_REDUCTION], 775);
  assert_money (beta->totals[SC_AMOUNT_FEE_NET], 4650 - 775);

  /* The measure in force wins its group. */
  g_assert_false (promo_c->cut_by_group);
  assert_money (promo_c->totals[SC_AMOUNT_COUPON], 60);
  g_assert_true (promo_e->cut_by_group);
  assert_money (promo_e->expected_totals[SC_AMOUNT_COUPON], 0);
  assert_reason (promo_e, "is in force and counts instead");

  /* A measure of an expected program is expected. */
  g_assert_true (program_cash->expected);
  assert_money (program_cash->expected_totals[SC_AMOUNT_CASH], 100);
  assert_money (sc_result_find_program (r, "beta.expected-program")->totals[SC_AMOUNT_TOTAL_VALUE], 0);
  assert_money (sc_result_find_program (r, "beta.expected-program")->expected_totals[SC_AMOUNT_CASH], 100);

  /* Programs and platforms: confirmed totals, expected apart. */
  assert_money (prog->totals[SC_AMOUNT_TOTAL_VALUE], 60);
  assert_money (prog->expected_totals[SC_AMOUNT_CASH], 500);
  assert_money (prog->expected_totals[SC_AMOUNT_FEE_REDUCTION], 3875);
  assert_money (prog->expected_totals[SC_AMOUNT_TOTAL_VALUE], 4375);
  g_assert_cmpuint (prog->n_expected, ==, 2);
  g_assert_false (prog->basis & SC_BASIS_EXPECTED);
  /* beta: 155 + 620 of waivers in force and the 60 coupon */
  assert_money (beta->totals[SC_AMOUNT_TOTAL_VALUE], 775 + 60);
  assert_money (beta->totals[SC_AMOUNT_CASH], 0);
  assert_money (beta->expected_totals[SC_AMOUNT_CASH], 600);
  assert_money (beta->expected_totals[SC_AMOUNT_TOTAL_VALUE], 600 + 3875);
  g_assert_false (beta->basis & SC_BASIS_EXPECTED);
  for (guint m = 0; m < 3; m++)
    assert_money (sc_result_month_value (beta->monthly, beta->n_months, m, SC_AMOUNT_CASH), 0);

  /* No measure in force applies: the expected one counts, as expected. */
  set (p, "shop-score", "4.39");
  {
    g_autoptr(ScResult) r2 = evaluate (p);
    const ScMeasureResult *e2 = measure (r2, "beta.expected", "promo-expected");

    g_assert_false (e2->cut_by_group);
    assert_money (e2->expected_totals[SC_AMOUNT_COUPON], 90);
    assert_money (e2->totals[SC_AMOUNT_COUPON], 0);
    assert_money (sc_result_find_platform (r2, "beta")->totals[SC_AMOUNT_COUPON], 0);
    assert_money (sc_result_find_platform (r2, "beta")->expected_totals[SC_AMOUNT_COUPON], 90);
  }

  /* Without reasons (sweeps, live charts) the numbers are the same. */
  {
    ScEngineOptions options = { .lang = "en", .no_reasons = TRUE, .no_series = TRUE };
    g_autoptr(ScResult) r3 = sc_engine_evaluate (fixture_catalog, p, &options);

    assert_money (sc_result_find_platform (r3, "beta")->expected_totals[SC_AMOUNT_TOTAL_VALUE], 600 + 3875 + 90);
    assert_money (sc_result_find_platform (r3, "beta")->totals[SC_AMOUNT_TOTAL_VALUE], 775);
  }
}

static void
test_replaces (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);

  /* beta.old counts until beta.new starts (2026-02-01): 0.05 × 31,000 × 0.1 = 155;
   * beta.new from February: 0.05 × 62,000 × 0.2 = 620. */
  assert_money (measure (r, "beta.old", "waiver")->totals[SC_AMOUNT_FEE_REDUCTION], 155);
  assert_money (measure (r, "beta.new", "waiver")->totals[SC_AMOUNT_FEE_REDUCTION], 620);
  assert_money (sc_result_find_platform (r, "beta")->totals[SC_AMOUNT_FEE_REDUCTION], 775);
  g_assert_cmpuint (sc_result_find_program (r, "beta.old")->active_until, ==, sc_day_parse ("2026-02-01"));

  /* Evaluated after the new program started, the old one no longer applies. */
  p->as_of = sc_day_parse ("2026-02-01");
  {
    g_autoptr(ScResult) r2 = evaluate (p);
    const ScMeasureResult *old = measure (r2, "beta.old", "waiver");

    g_assert_cmpint (old->status, ==, SC_MEASURE_NOT_ELIGIBLE);
    assert_money (old->totals[SC_AMOUNT_FEE_REDUCTION], 0);
  }
}

static void
test_disabled (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  const char *const disabled[] = { "alpha.test", NULL };
  ScEngineOptions options = { .lang = "en", .disabled = disabled };
  g_autoptr(ScResult) r = sc_engine_evaluate (fixture_catalog, p, &options);

  g_assert_null (sc_result_find_program (r, "alpha.test"));
  assert_money (sc_result_find_platform (r, "alpha")->totals[SC_AMOUNT_TOTAL_VALUE], 0);
  /* Gross fees do not depend on programs. */
  assert_money (sc_result_find_platform (r, "alpha")->fee_gross[SC_FEE_COMMISSION], 4650);
}

/*
 * 举措一 (b): the Star Plan's deposit discount for 优质企业店 is 预计2026年3月
 * 生效 (status="expected", start 2026-03-01). An enterprise store sees it
 * listed (a right, not priced) and told it is expected from 2026-03-01;
 * an individual store is not eligible but is told the same first.
 */
static void
test_expected_star_plan_deposit (void)
{
  g_autoptr(ScProfile) p = star_profile ("2026-01-01");
  g_autoptr(ScResult) r = NULL;
  const ScMeasureResult *mr;

  set (p, "store-type", "enterprise");
  r = evaluate_bundled (p);
  mr = measure (r, STAR, "m1-quality-enterprise-deposit");
  g_assert_cmpint (mr->status, ==, SC_MEASURE_NOT_QUANTIFIED);
  g_assert_true (mr->expected);
  g_assert_cmpuint (mr->expected_from, ==, sc_day_parse ("2026-03-01"));
  g_assert_cmpstr (g_ptr_array_index (sc_measure_result_get_reasons (mr), 0), ==, "Expected (预计) from 2026-03-01, not yet in force");
  g_assert_cmpuint (mr->texts->len, ==, 1);
  /* Nothing else of the Star Plan is expected. */
  for (guint i = 0; i < r->measures->len; i++)
    {
      const ScMeasureResult *other = g_ptr_array_index (r->measures, i);

      if (other->program == mr->program && other != mr)
        g_assert_false (other->expected);
    }

  set (p, "store-type", "individual");
  {
    g_autoptr(ScResult) r2 = evaluate_bundled (p);
    const ScMeasureResult *m2 = measure (r2, STAR, "m1-quality-enterprise-deposit");

    g_assert_cmpint (m2->status, ==, SC_MEASURE_NOT_ELIGIBLE);
    g_assert_true (m2->expected);
    g_assert_cmpstr (g_ptr_array_index (sc_measure_result_get_reasons (m2), 0), ==, "Expected (预计) from 2026-03-01, not yet in force");
  }
}

int
main (int   argc,
      char *argv[])
{
  engine_fixture_init (&argc, &argv);

  g_test_add_func ("/engine/cap/commission", test_commission_cap);
  g_test_add_func ("/engine/group/exclusive", test_exclusive_group);
  g_test_add_func ("/engine/totals", test_platform_totals);
  g_test_add_func ("/engine/replaces", test_replaces);
  g_test_add_func ("/engine/expected", test_expected);
  g_test_add_func ("/engine/disabled", test_disabled);
  g_test_add_func ("/engine/expected/star-plan-deposit", test_expected_star_plan_deposit);

  return engine_fixture_run ();
}
