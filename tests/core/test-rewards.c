/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include "engine-fixture.h"

/* Reward effects: grants, traffic, tiered rewards, ranks, the Star Plan coupon. */

static void
test_grant (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);
  const ScMeasureResult *mr = measure (r, "alpha.test", "grant");

  g_assert_cmpint (mr->status, ==, SC_MEASURE_ELIGIBLE);
  /* 240 cash on the first-sale day 2026-01-01, inside the horizon */
  assert_money (mr->totals[SC_AMOUNT_CASH], 240);
  assert_money (sc_result_month_value (mr->monthly, mr->n_months, 0, SC_AMOUNT_CASH), 240);
  g_assert_true (mr->up_to);
  g_assert_true (mr->basis & SC_BASIS_STATED);
  g_assert_true (mr->basis & SC_BASIS_PROFILE);
}

static void
test_traffic (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);
  const ScMeasureResult *mr = measure (r, "alpha.test", "live");

  g_assert_cmpint (mr->status, ==, SC_MEASURE_ELIGIBLE);
  assert_money (mr->totals[SC_AMOUNT_TRAFFIC_UNITS], 28000);
  assert_money (mr->totals[SC_AMOUNT_TRAFFIC_EXPOSURES], 28000);
  /* 28,000 exposures × 20 yuan / 1,000 = 560 */
  assert_money (mr->totals[SC_AMOUNT_TRAFFIC_VALUE], 560);
  g_assert_cmpstr (mr->traffic_unit, ==, "exposure");

  /* Without the assumption the traffic is counted but not valued. */
  set (p, "yuan-per-1000-exposures", NULL);
  {
    g_autoptr(ScResult) r2 = evaluate (p);
    const ScMeasureResult *m2 = measure (r2, "alpha.test", "live");

    assert_money (m2->totals[SC_AMOUNT_TRAFFIC_UNITS], 28000);
    assert_money (m2->totals[SC_AMOUNT_TRAFFIC_VALUE], 0);
    g_assert_cmpuint (r2->warnings->len, >, 0);
  }
}

static void
test_tiered (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);
  const ScMeasureResult *mr = measure (r, "alpha.test", "tiered");

  /* T30 = 2026-01-31: GMV of [01-01, 01-31) = 30 × 1,000 = 30,000 ≥ 20,000 → 100.
   * T60 = 2026-03-02: 31,000 + 31,000 + 1,000 = 63,000 ≥ 50,000 → 300, but
   * the 350 cap leaves 250. */
  assert_money (mr->totals[SC_AMOUNT_CASH], 350);
  assert_money (sc_result_month_value (mr->monthly, 3, 0, SC_AMOUNT_CASH), 100);
  assert_money (sc_result_month_value (mr->monthly, 3, 2, SC_AMOUNT_CASH), 250);
  g_assert_true (mr->cut_by_cap);

  /* 19,000 a month: T30 = 30 × 612.90 = 18,387 < 20,000 → nothing;
   * T60 = 19,000 + 19,000 + 612.90 = 38,613 ≥ 20,000 → 100. */
  set (p, "monthly-gmv", "19000");
  {
    g_autoptr(ScResult) r2 = evaluate (p);

    assert_money (measure (r2, "alpha.test", "tiered")->totals[SC_AMOUNT_CASH], 100);
  }
}

/*
 * A checkpoint before the evaluation date was paid already: not counted,
 * and its reason says so as a grant's does, not "outside the horizon".
 * From 2026-02-01 the days before it sell at February's rate, 31,000 / 28
 * = 1,107.14 a day. T30 = 2026-01-31: 30 × 1,107.14 = 33,214.29 ≥ 20,000
 * → 100, before 02-01. T60 = 2026-03-02: 31 × 1,107.14 + 31,000 (February)
 * + 1,000 (March 1st) = 66,321.43 ≥ 50,000 → 300, of which the 350 cap
 * leaves 250 after the T30 reward: booked in March, month 1.
 */
static void
test_tiered_before_as_of (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = NULL;
  const ScMeasureResult *mr;

  p->as_of = sc_day_parse ("2026-02-01");
  r = evaluate (p);
  mr = measure (r, "alpha.test", "tiered");
  g_assert_cmpint (mr->status, ==, SC_MEASURE_ELIGIBLE);
  assert_money (mr->totals[SC_AMOUNT_CASH], 250);
  assert_money (sc_result_month_value (mr->monthly, 3, 0, SC_AMOUNT_CASH), 0);
  assert_money (sc_result_month_value (mr->monthly, 3, 1, SC_AMOUNT_CASH), 250);
  assert_reason (mr, "T30 (2026-01-31): GMV since the start 33,214.29 ≥ 20,000 → 100, paid before the evaluation "
                     "date 2026-02-01: already received, so not counted");
  assert_reason (mr, "T60 (2026-03-02): GMV since the start 66,321.43 ≥ 50,000 → 250");
  g_assert_false (has_reason (mr, "outside the horizon"));

  /* A checkpoint after the horizon is still outside it: from 2026-01-01
   * over one month (1,000 a day, also after the horizon), T60 =
   * 2026-03-02 sees 31,000 + 29 × 1,000 = 60,000 and is not counted. */
  p->as_of = sc_day_parse ("2026-01-01");
  p->horizon_months = 1;
  {
    g_autoptr(ScResult) r2 = evaluate (p);
    const ScMeasureResult *mr2 = measure (r2, "alpha.test", "tiered");

    assert_money (mr2->totals[SC_AMOUNT_CASH], 100);
    assert_reason (mr2, "T60 (2026-03-02): GMV since the start 60,000 ≥ 50,000 → 250 (outside the horizon)");
    g_assert_false (has_reason (mr2, "before the evaluation date"));
  }
}

static void
test_rank (void)
{
  const struct { const char *rank; double cash; } cases[] = {
    { "1", 400 }, { "100", 400 }, { "101", 200 }, { "600", 200 },
    { "601", 80 }, { "1000", 80 }, { "1001", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScProfile) p = base_profile ();
      g_autoptr(ScResult) r = NULL;

      set (p, "expected-rank", cases[i].rank);
      r = evaluate (p);
      assert_money (measure (r, "alpha.test", "rank")->totals[SC_AMOUNT_CASH], cases[i].cash);
    }
}

/* The Jinniu coupon measure for a merchant who became a Jinniu customer on
 * @jinniu_since (NULL: not given), evaluated from @as_of over 12 months. */
static const ScMeasureResult *
jinniu_coupon (const char  *as_of,
               const char  *jinniu_since,
               ScResult   **result)
{
  g_autoptr(ScProfile) p = star_profile (as_of);

  if (jinniu_since != NULL)
    set (p, "jinniu-since", jinniu_since);
  *result = evaluate_bundled (p);
  return measure (*result, STAR, "m4-jinniu-coupon");
}

/*
 * 举措四 (d): the 666-yuan coupon pack for a merchant who became a Jinniu
 * customer on 2026-03-01 is booked in the month that holds 2026-03-01, never
 * on the window start 2026-01-01.
 */
static void
test_jinniu_coupon_month (void)
{
  g_autoptr(ScResult) mid_january = NULL, january = NULL, after = NULL, unknown = NULL;
  const ScMeasureResult *mr;

  /* From 2026-01-15: month 0 is [01-15, 02-15), month 1 [02-15, 03-15)
   * holds 2026-03-01: 666 there, nothing in months 0 and 2. */
  mr = jinniu_coupon ("2026-01-15", "2026-03-01", &mid_january);
  g_assert_cmpint (mr->status, ==, SC_MEASURE_ELIGIBLE);
  assert_money (mr->totals[SC_AMOUNT_COUPON], 666);
  assert_money (month_of_measure (mr, 0, SC_AMOUNT_COUPON), 0);
  assert_money (month_of_measure (mr, 1, SC_AMOUNT_COUPON), 666);
  assert_money (month_of_measure (mr, 2, SC_AMOUNT_COUPON), 0);
  assert_reason (mr, "666 yuan in coupons on 2026-03-01");
  /* The platform's month series carries it in the same month. */
  assert_money (sc_result_month_value (sc_result_find_platform (mid_january, "kuaishou")->monthly, 12, 1,
                                       SC_AMOUNT_COUPON), 666);

  /* From 2026-01-01 (calendar months): March is month 2. The year's total
   * is the 666 it always was; only the month moved (it was January). */
  mr = jinniu_coupon ("2026-01-01", "2026-03-01", &january);
  assert_money (mr->totals[SC_AMOUNT_COUPON], 666);
  assert_money (mr->totals[SC_AMOUNT_TOTAL_VALUE], 666);
  assert_money (month_of_measure (mr, 0, SC_AMOUNT_COUPON), 0);
  assert_money (month_of_measure (mr, 1, SC_AMOUNT_COUPON), 0);
  assert_money (month_of_measure (mr, 2, SC_AMOUNT_COUPON), 666);

  /* From 2026-03-15, after the merchant became a customer: the coupon has
   * been received already. Still eligible, 0 still to come, and the reason
   * says why. */
  mr = jinniu_coupon ("2026-03-15", "2026-03-01", &after);
  g_assert_cmpint (mr->status, ==, SC_MEASURE_ELIGIBLE);
  assert_money (mr->totals[SC_AMOUNT_COUPON], 0);
  assert_reason (mr, "Paid on 2026-03-01, before the evaluation date 2026-03-15: already received");
  assert_reason (mr, "what is still to come");

  /* No Jinniu date: needs information, as the eligibility already said. */
  mr = jinniu_coupon ("2026-01-01", NULL, &unknown);
  g_assert_cmpint (mr->status, ==, SC_MEASURE_NEEDS_INFO);
}

int
main (int   argc,
      char *argv[])
{
  engine_fixture_init (&argc, &argv);

  g_test_add_func ("/engine/grant", test_grant);
  g_test_add_func ("/engine/traffic", test_traffic);
  g_test_add_func ("/engine/tiered", test_tiered);
  g_test_add_func ("/engine/tiered/before-as-of", test_tiered_before_as_of);
  g_test_add_func ("/engine/rank", test_rank);
  g_test_add_func ("/engine/anchor/field-jinniu-coupon", test_jinniu_coupon_month);

  return engine_fixture_run ();
}
