/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include "engine-fixture.h"

/* Fee effects: order-fee waivers, cash flow, return-shipping cover. */

static void
test_order_waiver_best_of (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);
  const ScMeasureResult *w7 = measure (r, "alpha.test", "waiver-7d");
  const ScMeasureResult *w90 = measure (r, "alpha.test", "waiver-90d");
  const ScPlatformResult *alpha = sc_result_find_platform (r, "alpha");

  /* 7 days: 70 orders waived × 1.5 = 105; the other 860 orders of the
   * horizon at 30 %: 860 × 0.3 × 1.5 = 387; total 492 — but it is cut by
   * the best-of group, so it counts 0. */
  g_assert_true (w7->cut_by_group);
  assert_money (w7->totals[SC_AMOUNT_FEE_REDUCTION], 0);
  /* 90 days, capped at 100 orders: 100 × 1.5 = 150; the 830 later orders:
   * 830 × 0.3 × 1.5 = 373.5; total 523.5 (not 930 × 1.5 = 1,395). */
  g_assert_false (w90->cut_by_group);
  g_assert_true (w90->cut_by_cap);
  assert_money (w90->totals[SC_AMOUNT_FEE_REDUCTION], 523.5);
  assert_reason (w90, "capped at 100");

  /* Gross return-shipping fee: 930 orders × 1.5 = 1,395; counted once. */
  assert_money (alpha->fee_gross[SC_FEE_RETURN_SHIPPING], 1395);
  assert_money (alpha->fee_reduction[SC_FEE_RETURN_SHIPPING], 523.5);
}

static void
test_order_waiver_best_of_flips (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = NULL;

  /* 100 yuan a day in January = 1 order a day: 7 days waive 7 orders.
   * Monthly GMV 3,100 → 93 orders over the horizon.
   * 7d: 7 × 1.5 + 86 × 0.45 = 10.5 + 38.7 = 49.2
   * 90d: 93 orders ≤ 100 cap, all waived: 93 × 1.5 = 139.5 → 90d still wins,
   * and now no cap is hit. */
  set (p, "monthly-gmv", "3100");
  r = evaluate (p);
  g_assert_false (measure (r, "alpha.test", "waiver-90d")->cut_by_cap);
  assert_money (measure (r, "alpha.test", "waiver-90d")->totals[SC_AMOUNT_FEE_REDUCTION], 139.5);
  g_assert_true (measure (r, "alpha.test", "waiver-7d")->cut_by_group);

  /* Cover off: nothing to waive and no gross fee. */
  set (p, "return-shipping-cover", "false");
  {
    g_autoptr(ScResult) r2 = evaluate (p);

    g_assert_cmpint (measure (r2, "alpha.test", "waiver-90d")->status, ==, SC_MEASURE_NOT_ELIGIBLE);
    assert_money (sc_result_find_platform (r2, "alpha")->fee_gross[SC_FEE_RETURN_SHIPPING], 0);
  }
}

static void
test_cash_flow (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);

  /* Deposit 2,000 → 0 for 3 months at 6 %: 2,000 × 0.06 × 3 / 12 = 30 */
  assert_money (measure (r, "alpha.test", "deposit")->totals[SC_AMOUNT_CASH_FLOW], 30);
  /* Settlement 10 → 3 days: 7 × 93,000 × 0.06 / 365 = 107.01 */
  assert_money (measure (r, "alpha.test", "settlement")->totals[SC_AMOUNT_CASH_FLOW], 7 * 93000 * 0.06 / 365);
}

/*
 * 举措二 (a): up to 1,300 return-shipping orders free, no day limit, from
 * the window start 2026-01-01. An individual store selling since 2025
 * (none of the January first-sale variants applies): 30,000 yuan a month
 * at 50 yuan an order = 600 orders every month, no growth; Kuaishou's
 * baseline fee is 1.5 yuan an order. The 1,300 orders go 600 + 600 + 100:
 * 900, 900 and 150 yuan in months 0, 1 and 2, 1,950 in all.
 */
static ScProfile *
return_shipping_profile (const char *as_of)
{
  ScProfile *p = star_profile (as_of);

  set (p, "store-type", "individual");
  set (p, "first-sale-date", "2025-09-10");
  set (p, "monthly-gmv", "30000");
  set (p, "avg-order-value", "50");
  set (p, "return-shipping-cover", "true");
  /* "2026年报名": the waiver needs enrolment in 2026 (audit W4). */
  set (p, "return-shipping-enrolled-2026", "true");
  return p;
}

static void
check_return_shipping_1300 (const ScMeasureResult *mr)
{
  g_assert_cmpint (mr->status, ==, SC_MEASURE_ELIGIBLE);
  g_assert_false (mr->cut_by_group);
  assert_money (month_of_measure (mr, 0, SC_AMOUNT_FEE_REDUCTION), 900);
  assert_money (month_of_measure (mr, 1, SC_AMOUNT_FEE_REDUCTION), 900);
  assert_money (month_of_measure (mr, 2, SC_AMOUNT_FEE_REDUCTION), 150);
  assert_money (month_of_measure (mr, 3, SC_AMOUNT_FEE_REDUCTION), 0);
  assert_money (mr->totals[SC_AMOUNT_FEE_REDUCTION], 1950);
  g_assert_true (mr->cut_by_cap);
  assert_reason (mr, "1,300 orders waived at 1.5 yuan each");
}

static void
test_return_shipping_allowance (void)
{
  /* From the window start: nothing is assumed. */
  {
    g_autoptr(ScProfile) p = return_shipping_profile ("2026-01-01");
    g_autoptr(ScResult) r = evaluate_bundled (p);
    const ScMeasureResult *mr = measure (r, STAR, "m2-return-shipping-2026");

    check_return_shipping_1300 (mr);
    g_assert_false (has_reason (mr, "Assumes none"));
    g_assert_cmpint (measure (r, STAR, "m2-return-shipping-jan-7d")->status, ==, SC_MEASURE_NOT_ELIGIBLE);
  }

  /* From 2026-06-01: the orders are counted from the evaluation date (they
   * used to be counted from 2026-01-01, all 1,300 gone by the end of
   * March: "eligible, 0"), and the reasons and the assumptions say so. */
  {
    g_autoptr(ScProfile) p = return_shipping_profile ("2026-06-01");
    g_autoptr(ScResult) r = evaluate_bundled (p);
    const ScMeasureResult *mr = measure (r, STAR, "m2-return-shipping-2026");

    check_return_shipping_1300 (mr);
    assert_reason (mr, "Assumes none of the 1,300 free orders were used before 2026-06-01");
    g_assert_true (mr->basis & SC_BASIS_ASSUMED);
    g_assert_true (has_line (r->assumptions, "counted from 2026-06-01"));
  }

  /* A first sale after the evaluation date leaves nothing to assume: no
   * order could have used the allowance before. */
  {
    g_autoptr(ScProfile) p = return_shipping_profile ("2026-06-01");
    g_autoptr(ScResult) r = NULL;

    set (p, "first-sale-date", "2026-07-01");
    r = evaluate_bundled (p);
    g_assert_false (has_reason (measure (r, STAR, "m2-return-shipping-2026"), "Assumes none"));
    assert_money (measure (r, STAR, "m2-return-shipping-2026")->totals[SC_AMOUNT_FEE_REDUCTION], 1950);
  }
}

/*
 * Waivers counted from a date of the profile keep counting from it, and an
 * eligible waiver worth nothing in the horizon says why. A January first
 * sale (2026-01-10), 80,000 yuan a month at 80 yuan = 1,000 orders a month,
 * evaluated from 2026-03-01.
 */
static void
test_waiver_zero_explained (void)
{
  g_autoptr(ScProfile) p = star_profile ("2026-03-01");
  g_autoptr(ScResult) r = NULL;

  set (p, "store-type", "enterprise");
  set (p, "first-sale-date", "2026-01-10");
  set (p, "monthly-gmv", "80000");
  set (p, "avg-order-value", "80");
  set (p, "return-shipping-cover", "true");
  set (p, "return-shipping-cover-days", "365");
  set (p, "return-shipping-enrolled-2026", "true");
  r = evaluate_bundled (p);
  /* 7 free days from 2026-01-10: over before March. */
  assert_reason (measure (r, STAR, "m2-return-shipping-jan-7d"), "The free orders ended on 2026-01-16, before the evaluation date 2026-03-01");
  /* 90 days, 1,000 orders: used up by about 2026-02-10, before March. */
  assert_reason (measure (r, STAR, "m2-return-shipping-jan-90d"), "All 1,000 free orders were used before the evaluation date 2026-03-01 (counted from 2026-01-10)");

  /* The cover kept on only 10 days (to 2026-01-19): nothing to waive in
   * the horizon, and the 1,300-order measure says so. */
  set (p, "return-shipping-cover-days", "10");
  {
    g_autoptr(ScResult) r2 = evaluate_bundled (p);
    const ScMeasureResult *mr = measure (r2, STAR, "m2-return-shipping-2026");

    g_assert_cmpint (mr->status, ==, SC_MEASURE_ELIGIBLE);
    assert_money (mr->totals[SC_AMOUNT_FEE_REDUCTION], 0);
    assert_reason (mr, "Return-shipping cover on only until 2026-01-19, before the evaluation date 2026-03-01");
  }
}

/*
 * return-shipping-since: the day the merchant turned the cover on. The
 * 1,300 free orders of the Star Plan count from it, and the orders sold
 * from then to the evaluation date use them up; nothing is assumed. The
 * store of return_shipping_profile() sells 600 orders a month at 1.5 yuan
 * of fee each; before the evaluation date at the first horizon month's
 * daily rate. Without the date: as before (from the evaluation date, an
 * assumption that names the field).
 */
static void
test_return_shipping_since (void)
{
  static const struct
  {
    const char *as_of, *since;
    double      months[4];   /* fee reduction in horizon months 0–3 */
    double      total;
    double      gross;       /* Kuaishou's return-shipping fee over the horizon */
    const char *reason;
  } cases[] = {
    /* April's 600 / 30 = 20 orders a day: February and March (59 days)
     * used 1,180, the 120 left go in April: 120 × 1.5 = 180. */
    { "2026-04-01", "2026-02-01", { 180, 0, 0, 0 }, 180, 10800,
      "1,180 of the 1,300 free orders used from 2026-02-01 to the evaluation date 2026-04-01" },
    /* March used 31 × 20 = 620, 680 left: April's 600 (900), May's first 80 (120). */
    { "2026-04-01", "2026-03-01", { 900, 120, 0, 0 }, 1020, 10800,
      "620 of the 1,300 free orders used from 2026-03-01 to the evaluation date 2026-04-01" },
    /* On before the program: only orders from its start count. January
     * and February, 59 days at March's 600 / 31 a day, used 1,141.94;
     * 158.06 left, all in March. */
    { "2026-03-01", "2025-11-01", { (1300 - 59 * 600 / 31.0) * 1.5, 0, 0, 0 }, (1300 - 59 * 600 / 31.0) * 1.5, 10800,
      "1,142 of the 1,300 free orders used from 2026-01-01 to the evaluation date 2026-03-01" },
    /* To be turned on in July: no cover, no fee, nothing free in June;
     * then 600 + 600 + 100 free orders. The gross fee counts 11 months of
     * 600 orders (9,900), not 12. */
    { "2026-06-01", "2026-07-01", { 0, 900, 900, 150 }, 1950, 9900, "1,300 orders waived at 1.5 yuan each" },
    /* To be turned on after the program ends: nothing to waive, and why. */
    { "2026-06-01", "2027-02-01", { 0, 0, 0, 0 }, 0, 4 * 900,
      "Return-shipping cover starts on 2027-02-01, after the measure ends on 2026-12-31" },
    /* Not given: counted from the evaluation date. */
    { "2026-04-01", NULL, { 900, 900, 150, 0 }, 1950, 10800,
      "Assumes none of the 1,300 free orders were used before 2026-04-01, the evaluation date: "
      "the profile does not say when you enrolled (“Return-shipping cover on since”)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScProfile) p = return_shipping_profile (cases[i].as_of);
      g_autoptr(ScResult) r = NULL;
      const ScMeasureResult *mr;

      g_test_message ("as of %s, cover on since %s", cases[i].as_of, cases[i].since);
      set (p, "return-shipping-since", cases[i].since);
      r = evaluate_bundled (p);
      mr = measure (r, STAR, "m2-return-shipping-2026");
      g_assert_cmpint (mr->status, ==, SC_MEASURE_ELIGIBLE);
      for (guint m = 0; m < G_N_ELEMENTS (cases[i].months); m++)
        assert_money (month_of_measure (mr, m, SC_AMOUNT_FEE_REDUCTION), cases[i].months[m]);
      assert_money (mr->totals[SC_AMOUNT_FEE_REDUCTION], cases[i].total);
      assert_money (sc_result_find_platform (r, "kuaishou")->fee_gross[SC_FEE_RETURN_SHIPPING], cases[i].gross);
      assert_reason (mr, cases[i].reason);
      /* The assumption is made, and listed, only without the date. */
      g_assert_cmpint (has_reason (mr, "Assumes none"), ==, cases[i].since == NULL);
      g_assert_cmpint (has_line (r->assumptions, "the 1,300 free orders counted from"), ==, cases[i].since == NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  engine_fixture_init (&argc, &argv);

  g_test_add_func ("/engine/order-waiver/best-of", test_order_waiver_best_of);
  g_test_add_func ("/engine/order-waiver/below-cap", test_order_waiver_best_of_flips);
  g_test_add_func ("/engine/cash-flow", test_cash_flow);
  g_test_add_func ("/engine/order-waiver/window-start-from-as-of", test_return_shipping_allowance);
  g_test_add_func ("/engine/order-waiver/zero-explained", test_waiver_zero_explained);
  g_test_add_func ("/engine/order-waiver/return-shipping-since", test_return_shipping_since);

  return engine_fixture_run ();
}
