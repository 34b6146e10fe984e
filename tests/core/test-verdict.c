/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "engine-fixture.h"
#include "sc-verdict.h"

/*
 * tests/data/engine/verdict.xml, worked by hand: Keep gives 1,000 cash
 * (kept); Tie gives 200 cash (kept) and 1,600 ad credit + 400 coupons
 * (2,000 tied to the platform). With w the cash worth of one tied yuan,
 * Tie ranks at 200 + 2,000 w and Keep at 1,000: Tie comes first once
 * w > 0.4.
 */

static ScCatalog *verdict_catalog;

static ScResult *
evaluate_worth (const char *worth)
{
  g_autoptr(ScProfile) p = base_profile ();
  ScEngineOptions options = { .lang = "en" };

  set (p, "locked-value-worth", worth);
  return sc_engine_evaluate (verdict_catalog, p, &options);
}

static const ScVerdictRank *
rank (const ScVerdict *v,
      guint            i)
{
  g_assert_cmpuint (i, <, v->ranks->len);
  return g_ptr_array_index (v->ranks, i);
}

static void
test_numbers (void)
{
  g_autoptr(ScResult) r = evaluate_worth ("0.5");
  g_autoptr(ScVerdict) v = sc_verdict_new (r, "en", NULL);
  const ScPlatformResult *keep = sc_result_find_platform (r, "keep");
  const ScPlatformResult *tie = sc_result_find_platform (r, "tie");

  /* Tie: 200 + 0.5 × 2,000 = 1,200 ahead of Keep's 1,000. */
  assert_money (sc_result_platform_score (r, keep), 1000);
  assert_money (sc_result_platform_score (r, tie), 1200);
  g_assert_cmpstr (rank (v, 0)->platform->platform, ==, "tie");
  assert_money (rank (v, 0)->kept, 200);
  assert_money (rank (v, 0)->tied, 2000);
  assert_money (rank (v, 0)->score, 1200);
  g_assert_cmpstr (rank (v, 1)->platform->platform, ==, "keep");
  assert_money (rank (v, 1)->kept, 1000);
  assert_money (rank (v, 1)->tied, 0);
  /* The total still adds face values; the ranking does not. */
  assert_money (tie->totals[SC_AMOUNT_TOTAL_VALUE], 2200);

  g_test_message ("%s", v->words);
  g_assert_cmpstr (v->basis, ==, "Ranked by money kept plus value tied to the platform at ¥0.50 per yuan (assumed).");
  g_assert_nonnull (strstr (v->words, "Tie is worth the most to this merchant: about ¥2,200, of which ¥200 is money "
                                      "the merchant keeps"));
  g_assert_nonnull (strstr (v->words, v->basis));
  g_assert_nonnull (strstr (v->words, "Keep follows with about ¥1,000, all of it kept."));
  g_assert_nonnull (strstr (v->words, "Counting only money the merchant keeps, Keep comes first with about ¥1,000."));
  g_assert_true (g_str_has_prefix (v->headline, "Tie comes first: ¥200 kept, ¥2,000 tied to the platform. Ranked by"));
}

/* The winner changes where 200 + 2,000 w = 1,000, at w = 0.4. */
static void
test_flip (void)
{
  const struct { const char *worth; const char *first; const char *runner_up; } cases[] = {
    { "0", "keep", "Tie follows: ¥200 kept and ¥2,000 tied to the platform, about ¥200 as ranked." },
    { "0.39", "keep", "Tie follows: ¥200 kept and ¥2,000 tied to the platform, about ¥980 as ranked." },
    { "0.41", "tie", "Keep follows with about ¥1,000, all of it kept." },
    { "1", "tie", "Keep follows with about ¥1,000, all of it kept." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScResult) r = evaluate_worth (cases[i].worth);
      g_autoptr(ScVerdict) v = sc_verdict_new (r, "en", NULL);

      g_test_message ("w = %s: %s", cases[i].worth, v->words);
      g_assert_cmpstr (rank (v, 0)->platform->platform, ==, cases[i].first);
      g_assert_nonnull (strstr (v->words, cases[i].runner_up));
      if (g_str_equal (cases[i].first, "keep"))
        {
          /* Who would lead at face value is said, not hidden. */
          g_assert_nonnull (strstr (v->words, "Counting value tied to the platform at face value, Tie would come "
                                              "first with about ¥2,200."));
          g_assert_null (strstr (v->words, "Counting only money"));
        }
      else
        g_assert_null (strstr (v->words, "at face value, Keep"));
    }
  {
    g_autoptr(ScResult) r = evaluate_worth ("0");
    g_autoptr(ScVerdict) v = sc_verdict_new (r, "en", NULL);

    g_assert_cmpstr (v->basis, ==, "Ranked by money kept alone: value tied to the platform counts for nothing (assumed).");
  }
  {
    g_autoptr(ScResult) r = evaluate_worth ("1");
    g_autoptr(ScVerdict) v = sc_verdict_new (r, "en", NULL);

    g_assert_true (g_str_has_prefix (v->basis, "Ranked by money kept plus value tied to the platform at face value"));
    assert_money (rank (v, 0)->score, 2200);
  }
}

/* Left out, tied value counts for nothing, and the assumption list and
 * the verdict both say so; set, the list gives the value and its note. */
static void
test_assumption_listed (void)
{
  g_autoptr(ScResult) unset = evaluate_worth (NULL);
  g_autoptr(ScVerdict) v = sc_verdict_new (unset, "en", NULL);
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) noted = NULL;
  ScEngineOptions options = { .lang = "en" };

  assert_line (unset->assumptions, "Cash value of ¥1 tied to the platform: not given, 0% used");
  g_assert_false (unset->locked_worth_set);
  g_assert_cmpstr (rank (v, 0)->platform->platform, ==, "keep");
  g_assert_true (g_str_has_prefix (v->basis, "Ranked by money kept alone: the profile does not say"));

  set (p, "locked-value-worth", "0.25");
  sc_profile_set_note (p, SC_FIELD_LOCKED_VALUE_WORTH, "en", "would not spend it all on ads");
  noted = sc_engine_evaluate (verdict_catalog, p, &options);
  assert_line (noted->assumptions,
               "Cash value of ¥1 tied to the platform: 25% (profile) — would not spend it all on ads");
  assert_money (sc_result_platform_score (noted, sc_result_find_platform (noted, "tie")), 700);
}

/* Every report format carries kept, tied, the worth and the ranking value. */
static void
test_reports (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = NULL;
  g_autoptr(GBytes) text = NULL, csv = NULL, json = NULL;
  ScEngineOptions options = { .lang = "en" };
  const char *t, *c, *j;

  set (p, "locked-value-worth", "0.5");
  r = sc_engine_evaluate (verdict_catalog, p, &options);
  text = sc_report_build (verdict_catalog, p, r, SC_REPORT_TEXT, "en");
  csv = sc_report_build (verdict_catalog, p, r, SC_REPORT_CSV, "en");
  json = sc_report_build (verdict_catalog, p, r, SC_REPORT_JSON, "en");
  t = g_bytes_get_data (text, NULL);
  c = g_bytes_get_data (csv, NULL);
  j = g_bytes_get_data (json, NULL);
  g_test_message ("%s", t);

  g_assert_nonnull (strstr (t, "\nMoney kept "));
  g_assert_nonnull (strstr (t, "\nRanking value "));
  g_assert_nonnull (strstr (t, "\nVerdict\n"));
  g_assert_nonnull (strstr (t, "  1. Tie: 1,200.00 (kept 200.00, tied to the platform 2,000.00)\n"
                               "  2. Keep: 1,000.00 (kept 1,000.00, tied to the platform 0.00)\n"));
  g_assert_nonnull (strstr (c, "\r\nplatform,tie,,Tie,"));
  g_assert_nonnull (strstr (c, ",200.00,2000.00,0.50,1200.00\r\n"));
  g_assert_nonnull (strstr (c, ",1000.00,0.00,0.50,1000.00\r\n"));
  g_assert_nonnull (strstr (j, "\"kept\":200.00,\"tied\":2000.00,\"score\":1200.00}"));
  g_assert_nonnull (strstr (j, "\"verdict\":{\"locked_value_worth\":0.50,\"basis\":\"Ranked by money kept plus value "
                               "tied to the platform at ¥0.50 per yuan (assumed).\""));
  g_assert_nonnull (strstr (j, "\"order\":[\"tie\",\"keep\"]}"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  engine_fixture_init (&argc, &argv);
  path = g_test_build_filename (G_TEST_DIST, "data", "engine", "verdict.xml", NULL);
  verdict_catalog = sc_catalog_new ();
  sc_catalog_add_file (verdict_catalog, path, SC_ORIGIN_COMMAND_LINE, &error);
  g_assert_no_error (error);

  g_test_add_func ("/verdict/numbers", test_numbers);
  g_test_add_func ("/verdict/flip", test_flip);
  g_test_add_func ("/verdict/assumption-listed", test_assumption_listed);
  g_test_add_func ("/verdict/reports", test_reports);
  status = engine_fixture_run ();
  g_clear_pointer (&verdict_catalog, sc_catalog_free);
  return status;
}
