/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include <glib/gstdio.h>

#include "engine-fixture.h"

/* Assumptions the numbers rest on, in English and Chinese. */

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

/*
 * Every assumed number of tests/data/engine/assumed.xml that decides a counted
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
  g_autofree char *programs = g_test_build_filename (G_TEST_DIST, "data", "engine", "assumed.xml", NULL);
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

int
main (int   argc,
      char *argv[])
{
  engine_fixture_init (&argc, &argv);

  g_test_add_func ("/engine/assumption/exposures-per-unit", test_assumption_exposures_per_unit);
  g_test_add_func ("/engine/assumption/units", test_assumption_units);
  g_test_add_func ("/engine/assumption/units-zh", test_assumption_units_zh);
  g_test_add_func ("/engine/assumption/program-numbers", test_assumed_numbers);
  g_test_add_func ("/engine/assumption/program-numbers-zh", test_assumed_numbers_zh);

  return engine_fixture_run ();
}
