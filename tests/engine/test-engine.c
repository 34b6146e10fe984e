/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
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
 * Hand-worked cases on tests/data/engine/engine-basic.xml.
 *
 * Base profile: as-of 2026-01-01, horizon 3 months (Jan, Feb, Mar 2026),
 * monthly GMV 31,000 with no growth, so every month sells 31,000 and
 * January sells 1,000 a day; average order 100 yuan → 10 orders a day in
 * January, 930 orders over the horizon. First sale and first live on
 * 2026-01-01. Baseline "alpha": commission 5 %, return shipping 1.5 yuan an
 * order, deposit 2,000, settlement 10 days.
 */

static ScCatalog *fixture_catalog;

static ScCatalog *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "engine", "engine-basic.xml", NULL);
  g_autoptr(GError) error = NULL;
  ScCatalog *catalog = sc_catalog_new ();

  sc_catalog_add_file (catalog, path, SC_ORIGIN_COMMAND_LINE, &error);
  g_assert_no_error (error);
  return catalog;
}

static ScProfile *
base_profile (void)
{
  ScProfile *p = sc_profile_new ();
  const struct { const char *field, *value; } settings[] = {
    { "store-type", "enterprise" },
    { "category", "apparel" },
    { "first-sale-date", "2026-01-01" },
    { "first-live-date", "2026-01-01" },
    { "monthly-gmv", "31000" },
    { "gmv-growth", "0" },
    { "avg-order-value", "100" },
    { "content-share", "0.4" },
    { "share-qianchuan-chengfang", "0.5" },
    { "return-shipping-cover", "true" },
    { "live-hours-first-7d", "11" },
    { "shop-score", "4.5" },
    { "expected-rank", "800" },
    { "cost-of-capital", "0.06" },
    { "yuan-per-1000-exposures", "20" },
  };

  p->as_of = sc_day_parse ("2026-01-01");
  p->horizon_months = 3;
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      ScField field;
      g_autoptr(GError) error = NULL;

      g_assert_true (sc_field_from_name (settings[i].field, &field));
      sc_profile_set_from_string (p, field, settings[i].value, &error);
      g_assert_no_error (error);
    }
  return p;
}

static void
set (ScProfile  *p,
     const char *name,
     const char *value)
{
  ScField field;
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_field_from_name (name, &field));
  if (value == NULL)
    sc_profile_unset (p, field);
  else
    {
      sc_profile_set_from_string (p, field, value, &error);
      g_assert_no_error (error);
    }
}

static ScResult *
evaluate (const ScProfile *p)
{
  ScEngineOptions options = { .lang = "en" };

  return sc_engine_evaluate (fixture_catalog, p, &options);
}

static const ScMeasureResult *
measure (const ScResult *r,
         const char     *program,
         const char     *id)
{
  const ScMeasureResult *mr = sc_result_find_measure (r, program, id);

  g_assert_nonnull (mr);
  return mr;
}

static gboolean
has_reason (const ScMeasureResult *mr,
            const char            *text)
{
  for (guint i = 0; i < mr->reasons->len; i++)
    if (strstr (g_ptr_array_index (mr->reasons, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_reason (const ScMeasureResult *mr,
               const char            *text)
{
  if (!has_reason (mr, text))
    {
      for (guint i = 0; i < mr->reasons->len; i++)
        g_printerr ("reason: %s\n", (const char *) g_ptr_array_index (mr->reasons, i));
      g_error ("no reason contains “%s”", text);
    }
}

#define assert_money(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 0.005)

/* --- hand-worked values --------------------------------------------------- */

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
  g_assert_cmpstr (g_ptr_array_index (cash->reasons, 0), ==, "Expected (预计) from 2026-02-01, not yet in force");
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

/* --- thresholds --------------------------------------------------------- */

static void
test_threshold_live_hours (void)
{
  g_autoptr(ScProfile) p = base_profile ();

  set (p, "live-hours-first-7d", "10.9");
  {
    g_autoptr(ScResult) r = evaluate (p);
    const ScMeasureResult *mr = measure (r, "alpha.test", "live");

    g_assert_cmpint (mr->status, ==, SC_MEASURE_NOT_ELIGIBLE);
    assert_reason (mr, "Live hours in the first 7 days 10.9 < 11");
    assert_money (mr->totals[SC_AMOUNT_TRAFFIC_UNITS], 0);
  }
  set (p, "live-hours-first-7d", "11");
  {
    g_autoptr(ScResult) r = evaluate (p);
    const ScMeasureResult *mr = measure (r, "alpha.test", "live");

    g_assert_cmpint (mr->status, ==, SC_MEASURE_ELIGIBLE);
    assert_reason (mr, "Live hours in the first 7 days 11 ≥ 11");
  }
}

static void
test_threshold_shop_score (void)
{
  g_autoptr(ScProfile) p = base_profile ();

  set (p, "shop-score", "4.39");
  {
    g_autoptr(ScResult) r = evaluate (p);
    const ScMeasureResult *mr = measure (r, "alpha.test", "score");

    g_assert_cmpint (mr->status, ==, SC_MEASURE_NOT_ELIGIBLE);
    assert_reason (mr, "Shop experience score 4.39 < 4.4");
  }
  set (p, "shop-score", "4.4");
  {
    g_autoptr(ScResult) r = evaluate (p);
    const ScMeasureResult *mr = measure (r, "alpha.test", "score");

    g_assert_cmpint (mr->status, ==, SC_MEASURE_NOT_QUANTIFIED);
    g_assert_cmpuint (mr->texts->len, ==, 1);
  }
  set (p, "shop-score", NULL);
  {
    g_autoptr(ScResult) r = evaluate (p);
    const ScMeasureResult *mr = measure (r, "alpha.test", "score");

    g_assert_cmpint (mr->status, ==, SC_MEASURE_NEEDS_INFO);
    assert_reason (mr, "Shop experience score");
  }
}

static void
test_threshold_store_type (void)
{
  g_autoptr(ScProfile) p = base_profile ();

  set (p, "store-type", "individual");
  {
    g_autoptr(ScResult) r = evaluate (p);
    const ScMeasureResult *mr = measure (r, "alpha.test", "grant");

    g_assert_cmpint (mr->status, ==, SC_MEASURE_NOT_ELIGIBLE);
    assert_money (mr->totals[SC_AMOUNT_CASH], 0);
    assert_reason (mr, "Individual store");
  }
  set (p, "store-type", "enterprise");
  {
    g_autoptr(ScResult) r = evaluate (p);

    g_assert_cmpint (measure (r, "alpha.test", "grant")->status, ==, SC_MEASURE_ELIGIBLE);
  }
  set (p, "store-type", NULL);
  {
    g_autoptr(ScResult) r = evaluate (p);

    g_assert_cmpint (measure (r, "alpha.test", "grant")->status, ==, SC_MEASURE_NEEDS_INFO);
  }
}

static void
test_threshold_date_in (void)
{
  const struct { const char *day; ScMeasureStatus status; } cases[] = {
    { "2025-12-31", SC_MEASURE_NOT_ELIGIBLE },  /* a day before the start */
    { "2026-01-01", SC_MEASURE_ELIGIBLE },      /* on the start (inclusive) */
    { "2026-03-31", SC_MEASURE_ELIGIBLE },      /* a day before the end */
    { "2026-04-01", SC_MEASURE_NOT_ELIGIBLE },  /* on the end (exclusive) */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScProfile) p = base_profile ();
      g_autoptr(ScResult) r = NULL;

      set (p, "first-sale-date", cases[i].day);
      r = evaluate (p);
      g_assert_cmpint (measure (r, "alpha.test", "grant")->status, ==, cases[i].status);
    }
}

static void
test_threshold_program_window (void)
{
  /* beta.window runs [2026-01-01, 2026-07-01). Horizon: one month. */
  const struct { const char *as_of; ScMeasureStatus status; const char *reason; } cases[] = {
    { "2025-12-01", SC_MEASURE_NOT_ELIGIBLE, "Window starts 2026-01-01" }, /* horizon ends the day before the start */
    { "2025-12-02", SC_MEASURE_NOT_QUANTIFIED, NULL },                      /* horizon includes the start day */
    { "2026-06-30", SC_MEASURE_NOT_QUANTIFIED, NULL },                      /* last day of the window */
    { "2026-07-01", SC_MEASURE_NOT_ELIGIBLE, "Window ended: last day 2026-06-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScProfile) p = base_profile ();
      g_autoptr(ScResult) r = NULL;
      const ScMeasureResult *mr;

      p->as_of = sc_day_parse (cases[i].as_of);
      p->horizon_months = 1;
      r = evaluate (p);
      mr = measure (r, "beta.window", "right");
      g_assert_cmpint (mr->status, ==, cases[i].status);
      if (cases[i].reason)
        assert_reason (mr, cases[i].reason);
    }
}

static void
test_needs_info_anchor (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = NULL;

  set (p, "first-sale-date", NULL);
  r = evaluate (p);
  g_assert_cmpint (measure (r, "alpha.test", "grant")->status, ==, SC_MEASURE_NEEDS_INFO);
  assert_reason (measure (r, "alpha.test", "grant"), "First sale date");
  g_assert_cmpint (measure (r, "alpha.test", "tiered")->status, ==, SC_MEASURE_NEEDS_INFO);
}

/* --- determinism --------------------------------------------------------- */

static GBytes *
report_bytes (ScReportFormat format)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);

  return sc_report_build (fixture_catalog, p, r, format, "en");
}

static void
test_locale_determinism (void)
{
  const char *const locales[] = { "zh_CN.UTF-8", "de_DE.UTF-8" };
  g_autoptr(GBytes) text = NULL, csv = NULL, json = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  GString *skipped = g_string_new (NULL);

  setlocale (LC_ALL, "C.UTF-8");
  text = report_bytes (SC_REPORT_TEXT);
  csv = report_bytes (SC_REPORT_CSV);
  json = report_bytes (SC_REPORT_JSON);
  {
    g_autoptr(GBytes) again = report_bytes (SC_REPORT_JSON);

    g_assert_true (g_bytes_equal (json, again));
  }
  g_assert_nonnull (strstr (g_bytes_get_data (json, NULL), "\"fee-gross\":4650.00"));

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      if (setlocale (LC_ALL, locales[i]) == NULL)
        {
          g_string_append_printf (skipped, " %s", locales[i]);
          continue;
        }
      /* Only the numbers are under test: keep messages untranslated. */
      setlocale (LC_MESSAGES, "C.UTF-8");
      {
        g_autoptr(GBytes) t = report_bytes (SC_REPORT_TEXT);
        g_autoptr(GBytes) c = report_bytes (SC_REPORT_CSV);
        g_autoptr(GBytes) j = report_bytes (SC_REPORT_JSON);

        g_assert_true (g_bytes_equal (text, t));
        g_assert_true (g_bytes_equal (csv, c));
        g_assert_true (g_bytes_equal (json, j));
      }
    }
  setlocale (LC_ALL, saved);
  if (skipped->len > 0)
    {
      g_autofree char *msg = g_strdup_printf ("locale not installed:%s (generate with locale-gen)", skipped->str);

      g_test_skip (msg);
    }
  g_string_free (skipped, TRUE);
}

static void
test_csv_format (void)
{
  g_autoptr(GBytes) csv = report_bytes (SC_REPORT_CSV);
  gsize size;
  const char *data = g_bytes_get_data (csv, &size);

  /* UTF-8 BOM, CRLF line ends, no bare LF */
  g_assert_cmpuint (size, >, 3);
  g_assert_cmpint (memcmp (data, "\xEF\xBB\xBF", 3), ==, 0);
  g_assert_nonnull (strstr (data, "\r\n"));
  for (gsize i = 0; i < size; i++)
    if (data[i] == '\n')
      g_assert_cmpint (i > 0 && data[i - 1] == '\r', ==, TRUE);
  /* A reason with a comma is quoted (RFC 4180). */
  g_assert_nonnull (strstr (data, ",\"Rank, top N \"\"leaderboard\"\"\","));
}

/* Fields of one CSV line (RFC 4180: commas inside quotes do not count). */
static guint
csv_fields (const char *line)
{
  guint n = 1;
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0' && *p != '\r'; p++)
    if (*p == '"')
      quoted = !quoted;
    else if (*p == ',' && !quoted)
      n++;
  return n;
}

/*
 * The reports on the fixture (see test_expected for the numbers): the
 * program beta.expected lists its two headlines under its heading and
 * never as measures; its expected measures show their value marked as
 * expected, apart from the total, in text, CSV and JSON.
 */
static void
test_report_expected_and_headlines (void)
{
  g_autoptr(GBytes) text_bytes = report_bytes (SC_REPORT_TEXT);
  g_autoptr(GBytes) csv_bytes = report_bytes (SC_REPORT_CSV);
  g_autoptr(GBytes) json_bytes = report_bytes (SC_REPORT_JSON);
  const char *text = g_bytes_get_data (text_bytes, NULL);
  const char *csv = g_bytes_get_data (csv_bytes, NULL);
  const char *json = g_bytes_get_data (json_bytes, NULL);
  g_auto(GStrv) rows = g_strsplit (csv, "\n", -1);
  guint n_header, n_headline_rows = 0;

  /* Text: the table's totals leave the expected 4,475 out (Beta: 775 + 60)
   * and a row of its own shows it. */
  g_assert_nonnull (strstr (text, "Total value               6,590.51      835.00\n"));
  g_assert_nonnull (strstr (text, "Expected, not in force        0.00    4,475.00\n"));
  g_assert_nonnull (strstr (text, "[Beta] Beta with expected measures — Total value 60.00\n"
                                  "  Expected (预计), not in the total: 4,375.00\n"
                                  "  Platform-wide figures (all merchants together, never one merchant's value):\n"
                                  "    ≡ Platform total: over 32 billion yuan saved for merchants in a year\n"
                                  "    ≡ 1–2 million items made a day, all merchants together\n"
                                  "  ✓ Expected cash — Eligible (expected, not yet in force)\n"
                                  "      Cash (expected): 500.00\n"
                                  "      · Expected (预计) from 2026-02-01, not yet in force\n"));
  g_assert_nonnull (strstr (text, "      Fee reduction (expected): 3,875.00\n"));
  /* Expected and not counted (the one in force counts): one pair of brackets. */
  g_assert_nonnull (strstr (text, "  ✓ Expected promo coupon — Eligible (not counted; expected, not yet in force)\n"));
  g_assert_null (strstr (text, ") ("));
  /* A headline is no measure: never with a status mark. */
  g_assert_null (strstr (text, "✗ Platform total"));
  g_assert_null (strstr (text, "· Platform total"));
  /* Programs without expected value or headlines look as before. */
  g_assert_nonnull (strstr (text, "[Beta] Beta old — Total value 155.00\n  ✓ Old waiver"));

  /* CSV: new columns at the end, every row as wide as the header. */
  g_assert_true (g_str_has_suffix (rows[0], ",basis,up-to,cut-by-group,cut-by-cap,reasons,expected,expected-total-value,figures\r"));
  n_header = csv_fields (rows[0]);
  for (guint i = 1; rows[i] != NULL && *rows[i] != '\0'; i++)
    {
      g_assert_cmpuint (csv_fields (rows[i]), ==, n_header);
      if (g_str_has_prefix (rows[i], "headline,"))
        n_headline_rows++;
      if (g_str_has_prefix (rows[i], "measure,beta,beta.expected,Beta with expected measures,expected-cash,"))
        {
          /* its cash column (the 11th) is 0, its expected value at the end */
          g_auto(GStrv) f = g_strsplit (rows[i], ",", -1);

          g_assert_cmpstr (f[10], ==, "0.00");
          g_assert_true (g_str_has_suffix (rows[i], ",true,500.00,\r"));
        }
      if (g_str_has_prefix (rows[i], "measure,alpha,"))
        g_assert_true (g_str_has_suffix (rows[i], ",false,0.00,\r"));
    }
  g_assert_cmpuint (n_headline_rows, ==, 2);
  g_assert_nonnull (strstr (csv, "\r\nheadline,beta,beta.expected,Beta with expected measures,,"
                                 "Platform total: over 32 billion yuan saved for merchants in a year,,,,,,,,,,,,,,stated,,,,"));
  g_assert_nonnull (strstr (csv, ",,,1000000 item/day; 2000000 item/day\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nprogram,beta,beta.expected,Beta with expected measures,,,in-force,"));
  g_assert_nonnull (strstr (csv, ",,,,,4375.00,\r\n"));

  /* JSON: the old keys as they were, the new ones beside them. */
  g_assert_nonnull (strstr (json, "\"headlines\":[{\"text\":\"Platform total: over 32 billion yuan saved for merchants in a year\","
                                  "\"quote\":\"过去一年该平台累计为商家节省成本超过320亿元,每日生成100万—200万条素材\","
                                  "\"source\":\"t\",\"figures\":[{\"value\":32000000000.00,\"unit\":\"yuan\",\"per\":null}]},"));
  g_assert_nonnull (strstr (json, "{\"value\":2000000.00,\"unit\":\"item\",\"per\":\"day\"}"));
  g_assert_nonnull (strstr (json, "\"headlines\":[]"));
  g_assert_nonnull (strstr (json, "\"id\":\"expected-cash\",\"title\":\"Expected cash\",\"status\":\"eligible\","));
  g_assert_nonnull (strstr (json, "\"basis\":[\"stated\",\"expected\"],\"source\":\"t\",\"totals\":{\"fee-gross\":0.00,\"fee-reduction\":0.00,"
                                  "\"fee-net\":0.00,\"cash\":0.00,"));
  g_assert_nonnull (strstr (json, "\"policy_status\":\"expected\",\"expected\":true,\"expected_from\":\"2026-02-01\","
                                  "\"expected_totals\":{\"fee-gross\":0.00,\"fee-reduction\":0.00,\"fee-net\":0.00,\"cash\":500.00,"));
  g_assert_nonnull (strstr (json, "\"policy_status\":\"in-force\",\"expected\":false,\"expected_from\":null,"));
  g_assert_nonnull (strstr (json, "\"total-value\":4475.00}"));
}

/* Terminal columns: 汉字 and full-width punctuation take two, combining
 * marks none. The text table and --list-programs pad with these. */
static void
test_text_width (void)
{
  const struct { const char *text; gsize width; } cases[] = {
    { "", 0 },
    { "Total value", 11 },
    { "快手", 4 },
    { "（不计入）", 10 },
    { "淘宝天猫 25", 11 },
    { "e\xCC\x81", 1 },          /* e + combining acute accent */
    { "a\xE2\x80\x8B" "b", 2 },  /* zero-width space */
    { "9,823.05", 8 },
    { "\xFF" "ab", 3 },          /* not UTF-8: one column a byte */
  };
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpuint (sc_text_width (cases[i].text), ==, cases[i].width);
    }
  g_assert_cmpuint (sc_text_width (NULL), ==, 0);

  sc_text_pad (s, "快手", 6, TRUE);
  g_assert_cmpstr (s->str, ==, "  快手");
  g_string_truncate (s, 0);
  sc_text_pad (s, "快手", 6, FALSE);
  g_assert_cmpstr (s->str, ==, "快手  ");
  g_string_truncate (s, 0);
  /* Wider than the column: whole, never cut. */
  sc_text_pad (s, "淘宝天猫", 4, TRUE);
  g_assert_cmpstr (s->str, ==, "淘宝天猫");
}

/* Display columns where each run of non-space text ends, counted here
 * without the program's helper. */
static GArray *
token_ends (const char *line)
{
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (guint));
  guint col = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      col += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
      if (c != ' ' && (*next == ' ' || *next == '\0'))
        g_array_append_val (ends, col);
    }
  return ends;
}

/* The side-by-side table in Chinese: platform names (抖音, 淘宝天猫) and
 * the numbers under them end in the same terminal column. */
static void
test_text_table_zh (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) p = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_autoptr(ScResult) r = NULL;
  g_autoptr(GBytes) text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) heading = NULL;
  ScEngineOptions options = { .lang = "zh" };
  guint first = 0, n_platforms, n_rows = 0;

  g_assert_no_error (error);
  sc_catalog_add_defaults (catalog);
  r = sc_engine_evaluate (catalog, p, &options);
  n_platforms = r->platforms->len;
  g_assert_cmpuint (n_platforms, >=, 2);
  text = sc_report_build (catalog, p, r, SC_REPORT_TEXT, "zh");
  lines = g_strsplit (g_bytes_get_data (text, NULL), "\n", -1);

  /* The heading is the first line after the first blank line. */
  while (lines[first] != NULL && *lines[first] != '\0')
    first++;
  g_assert_nonnull (lines[first]);
  first++;
  g_test_message ("%s", lines[first]);
  g_assert_nonnull (strstr (lines[first], "抖音"));
  heading = token_ends (lines[first]);
  g_assert_cmpuint (heading->len, ==, n_platforms);
  for (guint i = first + 1; lines[i] != NULL && g_ascii_isdigit (lines[i][strlen (lines[i]) - 1]); i++)
    {
      g_autoptr(GArray) ends = token_ends (lines[i]);

      g_test_message ("%s", lines[i]);
      n_rows++;
      g_assert_cmpuint (ends->len, >=, n_platforms);
      for (guint c = 0; c < n_platforms; c++)
        g_assert_cmpuint (g_array_index (ends, guint, ends->len - n_platforms + c), ==,
                          g_array_index (heading, guint, c));
    }
  g_assert_cmpuint (n_rows, >=, 8);
}

/* The assumption a user's own fee makes names the platform as the report
 * does (its baseline's name in the result's language), never its id. */
static void
test_override_names_platform (void)
{
  const struct { const char *lang, *name; } cases[] = { { "en", "Alpha" }, { "zh", "阿尔法" } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScProfile) p = base_profile ();
      g_autoptr(ScResult) r = NULL;
      g_autoptr(GError) error = NULL;
      ScEngineOptions options = { .lang = cases[i].lang };
      gboolean found = FALSE;

      sc_profile_set_override (p, "alpha", SC_FEE_COMMISSION, NULL, 0.04, &error);
      g_assert_no_error (error);
      r = sc_engine_evaluate (fixture_catalog, p, &options);
      for (guint a = 0; a < r->assumptions->len; a++)
        {
          const char *line = g_ptr_array_index (r->assumptions, a);

          g_test_message ("%s", line);
          g_assert_false (g_str_has_prefix (line, "alpha "));
          /* The rate reads as a percentage: 0.04 → 4%. */
          if (g_str_has_prefix (line, cases[i].name) && strstr (line, "commission: 4% (your override)") != NULL)
            found = TRUE;
        }
      g_assert_true (found);
    }
}

/* Counts read as counts: traffic in its unit's name, no “.00” on
 * exposures; money grouped; reasons in yuan and percent. */
static void
test_text_report_units (void)
{
  g_autoptr(GBytes) bytes = report_bytes (SC_REPORT_TEXT);
  const char *text = g_bytes_get_data (bytes, NULL);

  g_test_message ("%s", text);
  /* "live": 28,000 exposures (tests/data/engine/engine-basic.xml) */
  g_assert_nonnull (strstr (text, "Traffic units: 28,000 exposures\n"));
  g_assert_nonnull (strstr (text, "Exposures: 28,000\n"));
  g_assert_null (strstr (text, "28000.00"));
  g_assert_null (strstr (text, " exposure\n"));
  /* The table: exposures whole, money with two decimals. */
  g_assert_nonnull (strstr (text, "Exposures  "));
  g_assert_null (strstr (text, "28,000.00"));
  g_assert_nonnull (strstr (text, "560.00"));
  /* Program headings without the raw id. */
  g_assert_nonnull (strstr (text, "[Alpha] Alpha test program — Total value "));
  g_assert_null (strstr (text, "(alpha.test)"));
  /* Grant reasons say what the amount is in. */
  g_assert_nonnull (strstr (text, "up to 240 yuan in cash on 2026-01-01"));
  g_assert_nonnull (strstr (text, "28,000 exposures on 2026-01-01"));
}

static char *
built_path (const char *first,
            ...)
{
  g_autofree char *tail = NULL;
  va_list ap;

  va_start (ap, first);
  tail = g_build_filename_valist (first, &ap);
  va_end (ap);
  return g_test_build_filename (G_TEST_BUILT, "..", tail, NULL);
}

/* The report in Chinese, as a client reads it: full-width parentheses,
 * 流量券 rather than “traffic-coupon”, whole exposure counts. */
static void
test_cli_report_zh (void)
{
  g_autofree char *exe = built_path ("src", "shangce", NULL);
  g_autofree char *localedir = built_path ("po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", "shangce.mo", NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE) || !g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("shangce or its zh_CN catalogue is not built");
      return;
    }
  env = g_environ_setenv (env, "SHANGCE_LOCALEDIR", localedir, TRUE);
  g_spawn_sync (NULL, (char *[]) { exe, (char *) "--report", (char *) "--lang", (char *) "zh_CN", NULL }, env,
                G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_test_message ("%s", out);

  /* Star Plan 2026: two return-shipping waivers not counted (best-of group). */
  g_assert_nonnull (strstr (out, "符合条件（不计入）"));
  g_assert_null (strstr (out, "(不计入)"));
  /* 4,600 traffic coupons and 28,000 exposures, in words. */
  g_assert_nonnull (strstr (out, "流量单位：4,600 流量券"));
  g_assert_nonnull (strstr (out, "次曝光"));
  g_assert_null (strstr (out, "traffic-coupon"));
  g_assert_null (strstr (out, " exposure\n"));
  /* Exposures are a count: 89,000 in the table, never 89,000.00. */
  g_assert_null (strstr (out, "89,000.00"));
  g_assert_nonnull (strstr (out, "89,000"));
  /* Headings in Chinese brackets, without the program id. */
  g_assert_nonnull (strstr (out, "【快手】星耀计划"));
  g_assert_null (strstr (out, "(kuaishou.star-plan-2026)"));
  /* Assumptions name platforms, not ids. */
  g_assert_null (strstr (out, "  - kuaishou "));
  /* The expected deposit discount and the platform-wide figures, in Chinese. */
  g_assert_nonnull (strstr (out, "未量化（预计，尚未生效）\n      · 预计自 2026-03-01 起生效，尚未生效\n"));
  g_assert_nonnull (strstr (out, "  平台整体数据（全体商家合计，并非单个商家可得）：\n"
                                 "    ≡ 过去一年各项举措累计为商家节省成本超过320亿元（全平台商家合计）\n"));
  g_assert_null (strstr (out, "Expected"));
}

/* Every assumed number behind a shown value is listed with its note: the
 * exposures one Star Plan traffic coupon buys (10, assumed) included. */
static void
test_assumption_exposures_per_unit (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) p = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_autoptr(ScResult) r = NULL;
  ScEngineOptions options = { .lang = "en" };
  const ScMeasureResult *mr = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  sc_catalog_add_defaults (catalog);
  r = sc_engine_evaluate (catalog, p, &options);
  /* The measure that grants traffic coupons (新入驻首销返现与流量包). */
  for (guint i = 0; i < r->measures->len && mr == NULL; i++)
    {
      const ScMeasureResult *m = g_ptr_array_index (r->measures, i);

      if (g_strcmp0 (m->traffic_unit, "traffic-coupon") == 0)
        mr = m;
    }
  if (mr == NULL)
    g_error ("no measure grants traffic coupons to the example profile");
  g_assert_true (mr->basis & SC_BASIS_ASSUMED);
  for (guint i = 0; i < r->assumptions->len; i++)
    {
      const char *line = g_ptr_array_index (r->assumptions, i);

      if (g_str_has_prefix (line, sc_text_get (&mr->measure->title, "en"))
          && strstr (line, "exposures per unit 10 (assumed) — ") != NULL)
        found = TRUE;
    }
  g_assert_true (found);
}

/* --- profiles ----------------------------------------------------------- */

static ScProfile *
full_profile (void)
{
  ScProfile *p = sc_profile_new ();
  g_autoptr(GError) error = NULL;

  sc_profile_set_name (p, "测试 <&>", "Test \"quoted\"");
  p->as_of = sc_day_parse ("2026-02-01");
  p->horizon_months = 24;
  for (guint i = 0; i < SC_N_FIELDS; i++)
    {
      const ScFieldInfo *info = sc_field_info ((ScField) i);

      switch (info->type)
        {
        case SC_FIELD_TYPE_NUMBER:
        case SC_FIELD_TYPE_MONEY:
        case SC_FIELD_TYPE_FRACTION:
          /* a value with no short decimal form, within the bounds */
          sc_profile_set_number (p, (ScField) i, info->min + (info->max - info->min) / 3.0, &error);
          break;
        case SC_FIELD_TYPE_DATE:
          sc_profile_set_date (p, (ScField) i, sc_day_parse ("2026-01-10") + i, &error);
          break;
        case SC_FIELD_TYPE_BOOL:
          sc_profile_set_bool (p, (ScField) i, i % 2, &error);
          break;
        case SC_FIELD_TYPE_CHOICE:
          sc_profile_set_choice (p, (ScField) i, info->choices[1], &error);
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_no_error (error);
    }
  sc_profile_set_note (p, SC_FIELD_COST_OF_CAPITAL, "zh", "假设 & 注释");
  sc_profile_set_note (p, SC_FIELD_COST_OF_CAPITAL, "en", "assumption");
  sc_profile_set_override (p, "kuaishou", SC_FEE_COMMISSION, "apparel", 0.045, &error);
  g_assert_no_error (error);
  sc_profile_set_override (p, "douyin", SC_FEE_SETTLEMENT_DAYS, NULL, 5, &error);
  g_assert_no_error (error);
  p->notes = g_strdup ("line one\nline two <b>");
  return p;
}

static void
test_profile_round_trip (void)
{
  g_autoptr(ScProfile) p = full_profile ();
  g_autoptr(ScProfile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shangce-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *xml1 = NULL, *xml2 = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "p.shangce", NULL);
  g_assert_true (sc_profile_save (p, path, &error));
  g_assert_no_error (error);
  back = sc_profile_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (sc_profile_equal (p, back));
  g_assert_cmpstr (back->path, ==, path);
  xml1 = sc_profile_to_xml (p);
  xml2 = sc_profile_to_xml (back);
  g_assert_cmpstr (xml1, ==, xml2);
  {
    g_autoptr(ScProfile) copy = sc_profile_copy (p);

    g_assert_true (sc_profile_equal (p, copy));
    sc_profile_unset (copy, SC_FIELD_SHOP_SCORE);
    g_assert_false (sc_profile_equal (p, copy));
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_profile_validation (void)
{
  const struct { const char *field, *value, *message; } cases[] = {
    { "monthly-gmv", "-5", "Monthly GMV cannot be negative" },
    { "monthly-gmv", "1e13", "Monthly GMV is too large" },
    { "monthly-gmv", "nan", "Monthly GMV must be a number" },
    { "monthly-gmv", "inf", "Monthly GMV must be a number" },
    { "monthly-gmv", "1e999", "Monthly GMV must be a finite number" },
    { "monthly-gmv", "80,000", "written with a dot" },
    { "return-rate", "5", "Return rate must be a fraction between 0 and 1" },
    { "shop-score", "7", "Shop experience score must be between 0 and 5, not 7" },
    { "shop-score", "-0.1", "between 0 and 5" },
    { "first-sale-date", "2026-02-30", "First sale date must be a date that exists" },
    { "first-sale-date", "2026/01/10", "YYYY-MM-DD" },
    { "store-type", "shop", "Store type must be one of individual, enterprise, flagship" },
    { "return-shipping-cover", "yes", "must be “true” or “false”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProfile) p = sc_profile_new ();
      ScField field;

      g_assert_true (sc_field_from_name (cases[i].field, &field));
      g_assert_false (sc_profile_validate_field (field, cases[i].value, &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” for %s: message “%s” lacks “%s”", cases[i].value, cases[i].field,
                 error->message, cases[i].message);
      g_clear_error (&error);
      /* the setter refuses it and leaves the field unset */
      g_assert_false (sc_profile_set_from_string (p, field, cases[i].value, &error));
      g_assert_false (sc_profile_is_set (p, field));
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScProfile) p = sc_profile_new ();

    g_assert_false (sc_profile_set_number (p, SC_FIELD_MONTHLY_GMV, NAN, &error));
    g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
    g_clear_error (&error);
    g_assert_false (sc_profile_set_horizon (p, 121, &error));
    g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
    g_clear_error (&error);
    g_assert_false (sc_profile_set_override (p, "kuaishou", SC_FEE_COMMISSION, NULL, 1.5, &error));
    g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
  }
}

static void
test_profile_hostile (void)
{
  const struct { const char *name, *data, *message; } cases[] = {
    { "doctype.shangce",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\"><notes>&x;</notes></profile>",
      "doctype.shangce:" },
    { "malformed.shangce", "<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\"", "malformed.shangce:" },
    { "wrong-root.shangce", "<program-file xmlns=\"https://shangce.github.io/ns/program/1\" format=\"1\"/>",
      "wrong-root.shangce:1:" },
    { "negative.shangce",
      "<?xml version=\"1.0\"?>\n<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\">\n"
      "  <set field=\"monthly-gmv\" value=\"-80000\"/>\n</profile>\n",
      "negative.shangce:3:3: Monthly GMV cannot be negative" },
    { "score.shangce",
      "<?xml version=\"1.0\"?>\n<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\">\n"
      "  <set field=\"shop-score\" value=\"4.4\"/>\n  <set field=\"shop-score\" value=\"4.5\"/>\n</profile>\n",
      "score.shangce:4:3: field “shop-score” is set twice" },
    { "unknown.shangce",
      "<?xml version=\"1.0\"?>\n<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\">\n"
      "  <set field=\"favourite-colour\" value=\"red\"/>\n</profile>\n",
      "unknown.shangce:3:3: unknown field" },
    { "date.shangce",
      "<?xml version=\"1.0\"?>\n<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-02-30\"/>\n",
      "date.shangce:2:" },
    { "format.shangce",
      "<?xml version=\"1.0\"?>\n<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"2\" as-of=\"2026-01-01\"/>\n",
      "format.shangce:2:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProfile) p = sc_profile_load_from_data (cases[i].data, strlen (cases[i].data), cases[i].name, &error);

      g_assert_null (p);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SC_ERROR);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: message “%s” lacks “%s”", cases[i].name, error->message, cases[i].message);
      g_assert_null (strstr (error->message, "root:"));
    }
}

static void
test_bundled_profiles (void)
{
  g_auto(GStrv) ids = sc_profile_list_examples ();
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();

  sc_catalog_add_defaults (catalog);
  g_assert_cmpuint (g_strv_length (ids), >=, 4);
  g_assert_true (g_strv_contains ((const char *const *) ids, SC_PROFILE_DEFAULT_EXAMPLE));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProfile) p = sc_profile_load_example (ids[i], &error);
      g_autoptr(ScResult) r = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (p->name.zh);
      g_assert_nonnull (p->name.en);
      g_assert_true (sc_profile_is_set (p, SC_FIELD_COST_OF_CAPITAL));
      g_assert_true (sc_profile_is_set (p, SC_FIELD_YUAN_PER_1000_EXPOSURES));
      g_assert_nonnull (p->values[SC_FIELD_COST_OF_CAPITAL].note.zh);
      g_assert_nonnull (p->values[SC_FIELD_YUAN_PER_1000_EXPOSURES].note.en);
      r = sc_engine_evaluate (catalog, p, NULL);
      g_assert_cmpuint (r->platforms->len, >, 0);
    }
}

static void
test_rule_check (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) p = sc_profile_load_example ("industry-belt-factory", &error);

  g_assert_no_error (error);
  sc_catalog_add_defaults (catalog);
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "en");

    /* Notice with 12 points (< 20), score 4.6 (≥ 4.4), 14 prior points (≥ 10): situation 1. */
    g_assert_cmpint (check->outcome, ==, SC_RELIEF_AVAILABLE);
    g_assert_cmpuint (check->reasons->len, >, 0);
  }
  set (p, "violation-points", "20");
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "en");

    /* 20 points is not < 20: no situation holds. */
    g_assert_cmpint (check->outcome, ==, SC_RELIEF_NOT_AVAILABLE);
  }
  set (p, "violation-points", "19");
  set (p, "shop-score", NULL);
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "en");

    g_assert_cmpint (check->outcome, ==, SC_RELIEF_NEEDS_INFO);
  }
  set (p, "violation-role", "none");
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "en");

    g_assert_cmpint (check->outcome, ==, SC_RELIEF_NO_SCENARIO);
  }
}

static void
test_sweep (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  const double points[] = { 0, 3100, 31000, -1 };
  g_autoptr(ScSweep) s = sc_engine_sweep (fixture_catalog, p, SC_FIELD_MONTHLY_GMV, points, 4, NULL);
  g_autoptr(ScResult) r = evaluate (p);

  g_assert_cmpuint (s->n_platforms, ==, 2);
  g_assert_cmpstr (s->platforms[0], ==, "alpha");
  /* The sweep at the profile's own GMV equals the full evaluation. */
  assert_money (sc_sweep_get (s, 0, 2), sc_result_find_platform (r, "alpha")->totals[SC_AMOUNT_TOTAL_VALUE]);
  g_assert_cmpfloat (sc_sweep_get (s, 0, 1), <, sc_sweep_get (s, 0, 2));
  /* A negative GMV is refused: NAN, not a number. */
  g_assert_true (isnan (sc_sweep_get (s, 0, 3)));
}

/* --- examples in the bundled catalog ------------------------------------------- */

static ScCatalog *bundled_catalog;

/* --- timing of the Star Plan's coupon and free orders (bundled data) ----------- */

#define STAR "kuaishou.star-plan-2026"

static ScProfile *
star_profile (const char *as_of)
{
  ScProfile *p = sc_profile_new ();

  p->as_of = sc_day_parse (as_of);
  p->horizon_months = 12;
  return p;
}

static ScResult *
evaluate_bundled (const ScProfile *p)
{
  ScEngineOptions options = { .lang = "en" };

  return sc_engine_evaluate (bundled_catalog, p, &options);
}

static double
month_of_measure (const ScMeasureResult *mr,
                  guint                  month,
                  ScAmount               amount)
{
  return sc_result_month_value (mr->monthly, mr->n_months, month, amount);
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
  g_assert_cmpstr (g_ptr_array_index (mr->reasons, 0), ==, "Expected (预计) from 2026-03-01, not yet in force");
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
    g_assert_cmpstr (g_ptr_array_index (m2->reasons, 0), ==, "Expected (预计) from 2026-03-01, not yet in force");
  }
}

/*
 * Platform totals are headlines, not measures: the 2025 nine measures'
 * "over 32 billion yuan saved" is listed under the program's heading of the
 * report, and no measure says the merchant missed it.
 */
static void
test_bundled_headlines_report (void)
{
  g_autoptr(ScProfile) p = star_profile ("2025-04-01");
  g_autoptr(ScResult) r = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *text;

  set (p, "store-type", "enterprise");
  set (p, "category", "apparel");
  set (p, "monthly-gmv", "80000");
  r = evaluate_bundled (p);
  g_assert_null (sc_result_find_measure (r, "douyin.nine-measures-2025", "m0-total-savings"));
  bytes = sc_report_build (bundled_catalog, p, r, SC_REPORT_TEXT, "en");
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (text, "[Douyin] Nine merchant-support measures (2025) — Total value "));
  g_assert_nonnull (strstr (text, "  Platform-wide figures (all merchants together, never one merchant's value):\n"
                                  "    ≡ Over 32 billion yuan of costs saved for merchants in one year by these measures (all merchants together)\n"));
  g_assert_null (strstr (text, "Over 32 billion yuan saved across all merchants"));
  g_assert_null (strstr (text, "Platform total: over 32 billion"));
  g_assert_nonnull (strstr (text, "    ≡ A coupon subsidy plan of ten billion yuan"));
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

static gboolean
has_line (GPtrArray  *lines,
          const char *text)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), text) != NULL)
      return TRUE;
  return FALSE;
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

static void
assert_line (GPtrArray  *lines,
             const char *text)
{
  if (!has_line (lines, text))
    {
      for (guint i = 0; i < lines->len; i++)
        g_printerr ("line: %s\n", (const char *) g_ptr_array_index (lines, i));
      g_error ("no line contains “%s”", text);
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

/*
 * Assumption lines show values in their units, as a consultant reads
 * them: the file's 0.06 is "6%", money carries "yuan", days "days". The
 * bundled example profile sets cost of capital 0.06, growth 0.05, 20 yuan
 * per 1,000 exposures and a Qianchuan·Chengfang share of 0.05;
 * baselines.xml assumes Kuaishou's apparel commission 0.05, JD's 0.08, 1.5
 * yuan a return-shipping order, a 2,000-yuan Kuaishou deposit and Douyin
 * settlement after 7 days; the Leap gold plan's T60 reward (1,000) is
 * assumed.
 */
static void
test_assumption_units (void)
{
  static const char *const expected[] = {
    "Cost of capital per year: 6% (profile) — Assumption: 6% a year, roughly a small-business loan rate; change it to your own.",
    "Yuan per 1,000 exposures: 20 yuan (profile) — Assumption: 1,000 exposures",
    "Monthly GMV growth: 5% (profile) — Assumption: a new store grows 5% a month",
    "Kuaishou commission / Apparel: 5% (assumed) — ",
    "JD commission / Apparel: 8% (assumed) — ",
    "Kuaishou return-shipping fee: 1.5 yuan per order (assumed) — ",
    "Kuaishou deposit: 2,000 yuan (assumed) — ",
    "Douyin settlement days: 7 days (assumed) — ",
    "Leap gold plan (T30/T60/T90): reward 1,000 yuan (assumed) — ",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) p = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_autoptr(ScResult) r = NULL;

  g_assert_no_error (error);
  r = evaluate_bundled (p);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_line (r->assumptions, expected[i]);
  for (guint i = 0; i < r->assumptions->len; i++)
    {
      const char *line = g_ptr_array_index (r->assumptions, i);

      /* No raw fraction before the basis: "0.06 (profile)", "0.05 (assumed)". */
      g_assert_null (strstr (line, "0.06 ("));
      g_assert_null (strstr (line, "0.05 ("));
    }

  /* A fraction compared in a condition, a baseline amount in a reason. */
  assert_reason (measure (r, "douyin.nine-measures-2026", "m1-qianchuan-fee"),
                 "Has orders through Qianchuan·Chengfang 5% > 0%");
  assert_reason (measure (r, STAR, "m1-zero-deposit"), "Deposit 0 yuan instead of 2,000 yuan");

  /* The user's own values, in the same units; growth not given is 0%. */
  set (p, "cost-of-capital", "0.055");
  set (p, "gmv-growth", NULL);
  sc_profile_set_override (p, "kuaishou", SC_FEE_COMMISSION, "apparel", 0.045, &error);
  g_assert_no_error (error);
  sc_profile_set_override (p, "kuaishou", SC_FEE_RETURN_SHIPPING, NULL, 2, &error);
  g_assert_no_error (error);
  sc_profile_set_override (p, "douyin", SC_FEE_SETTLEMENT_DAYS, NULL, 5, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ScResult) r2 = evaluate_bundled (p);

    assert_line (r2->assumptions, "Cost of capital per year: 5.5% (profile) — ");
    assert_line (r2->assumptions, "Monthly GMV growth: not given, 0% used");
    assert_line (r2->assumptions, "Kuaishou commission / Apparel: 4.5% (your override)");
    assert_line (r2->assumptions, "Kuaishou return-shipping fee: 2 yuan per order (your override)");
    assert_line (r2->assumptions, "Douyin settlement days: 5 days (your override)");
  }
}

/*
 * The Chinese report of `shangce --report --lang zh_CN @args…` under
 * LC_ALL C.UTF-8, zh_CN.UTF-8 and de_DE.UTF-8 (those installed): each run
 * must contain every line of @expected and print the same bytes. NULL
 * (the test skipped) when shangce or its catalogue is not built.
 */
static char *
report_zh_every_locale (const char *const *args,
                        const char *const *expected,
                        gsize              n_expected)
{
  const char *const locales[] = { "C.UTF-8", "zh_CN.UTF-8", "de_DE.UTF-8" };
  g_autofree char *exe = built_path ("src", "shangce", NULL);
  g_autofree char *localedir = built_path ("po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", "shangce.mo", NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  char *first = NULL;

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE) || !g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("shangce or its zh_CN catalogue is not built");
      return NULL;
    }
  g_strv_builder_add_many (builder, exe, "--report", NULL);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_strv_builder_add (builder, args[i]);
  g_strv_builder_add_many (builder, "--lang", "zh_CN", NULL);
  argv = g_strv_builder_end (builder);
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_auto(GStrv) env = g_get_environ ();
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      if (i > 0 && setlocale (LC_ALL, locales[i]) == NULL)
        {
          g_test_message ("locale %s not installed: skipped", locales[i]);
          continue;
        }
      setlocale (LC_ALL, "C.UTF-8");
      env = g_environ_setenv (env, "SHANGCE_LOCALEDIR", localedir, TRUE);
      env = g_environ_setenv (env, "LC_ALL", locales[i], TRUE);
      g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("shangce failed: %s", err);
      for (gsize k = 0; k < n_expected; k++)
        if (strstr (out, expected[k]) == NULL)
          g_error ("LC_ALL=%s: the report has no “%s”:\n%s", locales[i], expected[k], out);
      if (first == NULL)
        first = g_steal_pointer (&out);
      else
        g_assert_cmpstr (out, ==, first);
    }
  return first;
}

/* The same lines in Chinese, and byte for byte the same whatever the
 * locale's numbers look like (de_DE writes 0,06): "6%" in Chinese too,
 * 元 after money, 天 after days. Through the command line, as a user runs it. */
static void
test_assumption_units_zh (void)
{
  static const char *const expected[] = {
    "  - 年化资金成本：6%（档案）— 假设：小商家资金成本年化6%",
    "  - 每千次曝光价值（元）：20 元（档案）— ",
    "  - 月 GMV 增长率：5%（档案）— ",
    "  - 快手 佣金 / 服饰：5%（假设值）— ",
    "  - 快手 退货运费服务费：每单 1.5 元（假设值）— ",
    "  - 快手 保证金：2,000 元（假设值）— ",
    "  - 抖音 结算账期：7 天（假设值）— ",
    "  - 跃迁斗金计划（T30/T60/T90）：奖励 1,000 元（假设值）— ",
    "      · 使用千川·乘方产生订单 5% > 0%\n",
  };
  g_free (report_zh_every_locale (NULL, expected, G_N_ELEMENTS (expected)));
}

/* --- assumed numbers of a program file ------------------------------------ */

static ScCatalog *
load_assumed_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "engine", "assumed.xml", NULL);
  g_autoptr(GError) error = NULL;
  ScCatalog *catalog = sc_catalog_new ();

  sc_catalog_add_file (catalog, path, SC_ORIGIN_COMMAND_LINE, &error);
  g_assert_no_error (error);
  return catalog;
}

static guint
count_lines (GPtrArray  *lines,
             const char *text)
{
  guint n = 0;

  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), text) != NULL)
      n++;
  return n;
}

/*
 * Every assumed number of tests/engine/assumed.xml that decides a counted
 * or shown value is listed once with its note, and none other. Base
 * profile (31,000 a month, 1,000 a day in January, first sale 2026-01-01,
 * 10 orders a day, shop score 4.5, rank 800, enterprise):
 * - Delayed cash: 100 paid 14 (assumed) days after the first sale, on 2026-01-15.
 * - Tier reward: T30 30,000 and T60 31,000 + 31,000 + 1,000 = 63,000 both
 *   reach the assumed 25,000 tier (300 each, 600), never the 90,000 one.
 * - High tiers: 30,000 < the assumed 500,000: nothing, because of it.
 * - Rank reward: 800 is in the assumed top 1,000 (200), not the top 100;
 *   the assumed maximum 150 cuts it to 150.
 * - Assumed waiver: 10 (assumed) days × 10 orders = 100, capped at the
 *   assumed 50 free orders × 1.5 = 75.
 * - Score cash: eligible because 4.5 ≥ the assumed 4.2.
 * - Either cash: eligible as an enterprise; its assumed bar 4.9 decided nothing.
 * - Individual cash: not eligible, its assumed 777 never used.
 * - Best small: its assumed 10 lost to 40, and still decided the group.
 */
static void
test_assumed_numbers (void)
{
  static const char *const listed[] = {
    "Delayed cash: payment delay 14 days (assumed) — test: assumed paid 14 days after the first sale",
    "Tier reward: tier threshold 25,000 yuan (assumed) — test: first threshold assumed",
    "High tiers: tier threshold 500,000 yuan (assumed) — test: high threshold assumed",
    "Rank reward: rank tier, top 1,000 (assumed) — test: top 1,000 assumed",
    "Rank reward: maximum 150 yuan (assumed) — test: cap assumed",
    "Assumed waiver: free orders 50 (assumed) — test: 50 orders assumed",
    "Assumed waiver: waiver period 10 days (assumed) — test: 10 days assumed",
    "Score cash: Shop experience score ≥ 4.2 (assumed) — test: score bar assumed",
    "Best small: amount 10 yuan (assumed) — test: loser amount assumed",
  };
  static const char *const unused[] = {
    "second threshold", "top 100", "undecisive", "never used",
  };
  static const char *const assumed_ids[] = {
    "delayed-grant", "tiers", "high-tiers", "rank", "waiver", "score-cash", "best-small",
  };
  g_autoptr(ScCatalog) catalog = load_assumed_fixture ();
  g_autoptr(ScProfile) p = base_profile ();
  ScEngineOptions options = { .lang = "en" };
  g_autoptr(ScResult) r = sc_engine_evaluate (catalog, p, &options);
  const char *program = "gamma.assumed";

  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    {
      g_test_message ("%s", listed[i]);
      g_assert_cmpuint (count_lines (r->assumptions, listed[i]), ==, 1);
      /* The whole line, not a longer one. */
      g_assert_true (g_ptr_array_find_with_equal_func (r->assumptions, listed[i], g_str_equal, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (unused); i++)
    g_assert_cmpuint (count_lines (r->assumptions, unused[i]), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (assumed_ids); i++)
    {
      g_test_message ("%s", assumed_ids[i]);
      g_assert_true (measure (r, program, assumed_ids[i])->basis & SC_BASIS_ASSUMED);
    }
  g_assert_false (measure (r, program, "either-cash")->basis & SC_BASIS_ASSUMED);

  /* The values the listed numbers gave. */
  assert_money (measure (r, program, "delayed-grant")->totals[SC_AMOUNT_CASH], 100);
  assert_reason (measure (r, program, "delayed-grant"), "on 2026-01-15");
  assert_money (measure (r, program, "tiers")->totals[SC_AMOUNT_CASH], 600);
  assert_money (measure (r, program, "high-tiers")->totals[SC_AMOUNT_CASH], 0);
  assert_money (measure (r, program, "rank")->totals[SC_AMOUNT_CASH], 150);
  assert_money (measure (r, program, "waiver")->totals[SC_AMOUNT_FEE_REDUCTION], 75);
  g_assert_cmpint (measure (r, program, "score-cash")->status, ==, SC_MEASURE_ELIGIBLE);
  g_assert_cmpint (measure (r, program, "either-cash")->status, ==, SC_MEASURE_ELIGIBLE);
  g_assert_cmpint (measure (r, program, "individual-cash")->status, ==, SC_MEASURE_NOT_ELIGIBLE);
  g_assert_true (measure (r, program, "best-small")->cut_by_group);

  /* Without reasons (a sweep) the numbers and their basis are the same. */
  {
    ScEngineOptions quiet = { .lang = "en", .no_reasons = TRUE };
    g_autoptr(ScResult) q = sc_engine_evaluate (catalog, p, &quiet);

    for (guint i = 0; i < G_N_ELEMENTS (assumed_ids); i++)
      g_assert_cmpuint (measure (q, program, assumed_ids[i])->basis, ==, measure (r, program, assumed_ids[i])->basis);
  }
}

/* The same lines in Chinese through the command line, byte for byte the
 * same under any locale; and one pair of brackets after a status that is
 * both not counted and expected (Best expected loses to Best large, in force). */
static void
test_assumed_numbers_zh (void)
{
  static const char *const expected[] = {
    "  - 延迟现金：发放延迟 14 天（假设值）— 测试：假设首销后14天发放\n",
    "  - 阶梯奖励：档位门槛 25,000 元（假设值）— 测试：首档门槛假设\n",
    "  - High tiers：档位门槛 500,000 元（假设值）— test: high threshold assumed\n",
    "  - Rank reward：排名档位 前 1,000（假设值）— test: top 1,000 assumed\n",
    "  - Rank reward：上限 150 元（假设值）— test: cap assumed\n",
    "  - Assumed waiver：免单单数 50（假设值）— test: 50 orders assumed\n",
    "  - Assumed waiver：免单期限 10 天（假设值）— test: 10 days assumed\n",
    "  - Score cash：店铺体验分 ≥ 4.2（假设值）— test: score bar assumed\n",
    "  - Best small：金额 10 元（假设值）— test: loser amount assumed\n",
    "  ✓ 预计大额 — 符合条件（不计入；预计，尚未生效）\n",
    "  ✓ Best small — 符合条件（不计入）\n",
  };
  g_autofree char *programs = g_test_build_filename (G_TEST_DIST, "engine", "assumed.xml", NULL);
  g_autofree char *dir = NULL, *profile_path = NULL, *programs_arg = NULL, *profile_arg = NULL;
  g_autofree char *out = NULL;
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(GError) error = NULL;

  dir = g_dir_make_tmp ("test-engine-XXXXXX", &error);
  g_assert_no_error (error);
  profile_path = g_build_filename (dir, "base.shangce", NULL);
  g_assert_true (sc_profile_save (p, profile_path, &error));
  g_assert_no_error (error);
  programs_arg = g_strconcat ("--programs=", programs, NULL);
  profile_arg = g_strconcat ("--profile=", profile_path, NULL);
  out = report_zh_every_locale ((const char *const[]) { "--no-bundled", programs_arg, profile_arg, NULL },
                                expected, G_N_ELEMENTS (expected));
  g_unlink (profile_path);
  g_rmdir (dir);
  if (out == NULL)
    return;
  /* Never two pairs of brackets in a row. */
  g_assert_null (strstr (out, "）（"));
  g_assert_null (strstr (out, ") ("));
}

static void
check_example (gconstpointer data)
{
  const ScExample *example = data;
  g_autoptr(GError) error = NULL;

  if (!sc_engine_check_example (bundled_catalog, example, &error))
    g_test_fail_printf ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  GPtrArray *examples;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  fixture_catalog = load_fixture ();
  bundled_catalog = sc_catalog_new ();
  sc_catalog_add_defaults (bundled_catalog);

  g_test_add_func ("/engine/grant", test_grant);
  g_test_add_func ("/engine/traffic", test_traffic);
  g_test_add_func ("/engine/order-waiver/best-of", test_order_waiver_best_of);
  g_test_add_func ("/engine/order-waiver/below-cap", test_order_waiver_best_of_flips);
  g_test_add_func ("/engine/cap/commission", test_commission_cap);
  g_test_add_func ("/engine/tiered", test_tiered);
  g_test_add_func ("/engine/tiered/before-as-of", test_tiered_before_as_of);
  g_test_add_func ("/engine/rank", test_rank);
  g_test_add_func ("/engine/cash-flow", test_cash_flow);
  g_test_add_func ("/engine/group/exclusive", test_exclusive_group);
  g_test_add_func ("/engine/totals", test_platform_totals);
  g_test_add_func ("/engine/replaces", test_replaces);
  g_test_add_func ("/engine/expected", test_expected);
  g_test_add_func ("/engine/disabled", test_disabled);
  g_test_add_func ("/engine/threshold/live-hours", test_threshold_live_hours);
  g_test_add_func ("/engine/threshold/shop-score", test_threshold_shop_score);
  g_test_add_func ("/engine/threshold/store-type", test_threshold_store_type);
  g_test_add_func ("/engine/threshold/date-in", test_threshold_date_in);
  g_test_add_func ("/engine/threshold/program-window", test_threshold_program_window);
  g_test_add_func ("/engine/needs-info/anchor", test_needs_info_anchor);
  g_test_add_func ("/engine/report/locale", test_locale_determinism);
  g_test_add_func ("/engine/report/csv", test_csv_format);
  g_test_add_func ("/engine/report/expected-and-headlines", test_report_expected_and_headlines);
  g_test_add_func ("/engine/report/text-width", test_text_width);
  g_test_add_func ("/engine/report/text-table-zh", test_text_table_zh);
  g_test_add_func ("/engine/report/units", test_text_report_units);
  g_test_add_func ("/engine/report/cli-zh", test_cli_report_zh);
  g_test_add_func ("/engine/override-names-platform", test_override_names_platform);
  g_test_add_func ("/engine/assumption/exposures-per-unit", test_assumption_exposures_per_unit);
  g_test_add_func ("/engine/assumption/units", test_assumption_units);
  g_test_add_func ("/engine/assumption/units-zh", test_assumption_units_zh);
  g_test_add_func ("/engine/assumption/program-numbers", test_assumed_numbers);
  g_test_add_func ("/engine/assumption/program-numbers-zh", test_assumed_numbers_zh);
  g_test_add_func ("/engine/profile/round-trip", test_profile_round_trip);
  g_test_add_func ("/engine/profile/validation", test_profile_validation);
  g_test_add_func ("/engine/profile/hostile", test_profile_hostile);
  g_test_add_func ("/engine/profile/bundled", test_bundled_profiles);
  g_test_add_func ("/engine/rule-check", test_rule_check);
  g_test_add_func ("/engine/sweep", test_sweep);
  g_test_add_func ("/engine/anchor/field-jinniu-coupon", test_jinniu_coupon_month);
  g_test_add_func ("/engine/expected/star-plan-deposit", test_expected_star_plan_deposit);
  g_test_add_func ("/engine/report/headlines-bundled", test_bundled_headlines_report);
  g_test_add_func ("/engine/order-waiver/window-start-from-as-of", test_return_shipping_allowance);
  g_test_add_func ("/engine/order-waiver/zero-explained", test_waiver_zero_explained);
  g_test_add_func ("/engine/order-waiver/return-shipping-since", test_return_shipping_since);

  examples = sc_catalog_get_examples (bundled_catalog);
  for (guint i = 0; examples != NULL && i < examples->len; i++)
    {
      const ScExample *example = g_ptr_array_index (examples, i);
      g_autofree char *path = g_strdup_printf ("/engine/example/%s", example->id);

      g_test_add_data_func (path, example, check_example);
    }

  status = g_test_run ();
  sc_catalog_free (fixture_catalog);
  sc_catalog_free (bundled_catalog);
  return status;
}
