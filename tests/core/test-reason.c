/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "sc-i18n.h"
#include "sc-reason.h"
#include "sc-result.h"

#include "engine-fixture.h"

/* sc-reason: reasons recorded as data, written in either language. */

/* The conversions of @format: %s and %u, not %%. */
static guint
count_conversions (const char *format)
{
  guint n = 0;

  for (const char *p = strchr (format, '%'); p != NULL; p = strchr (p, '%'))
    {
      if (p[1] == '%')
        p += 2;
      else
        {
          n++;
          p++;
        }
    }
  return n;
}

/* Every kind has a sentence that takes exactly the arguments the table
 * lists: a kind added without its msgid, or with one argument too many,
 * fails here rather than in a report. */
static void
test_table (void)
{
  for (guint k = 0; k < SC_N_REASONS; k++)
    {
      const ScReasonInfo *info = sc_reason_info (k);
      guint n = 0;

      g_assert_nonnull (info->msgid);
      while (n < SC_REASON_MAX_ARGS && info->args[n] != SC_REASON_ARG_NONE)
        n++;
      if (count_conversions (info->msgid) != n)
        g_error ("reason kind %u: “%s” takes %u arguments, the table lists %u",
                 k, info->msgid, count_conversions (info->msgid), n);
    }
}

/* Hand-made records, written as the engine wrote them before. */
static void
test_format (void)
{
  g_autoptr(GArray) reasons = sc_reasons_new (8);
  g_autoptr(GPtrArray) text = NULL;
  ScText title = { .zh = (char *) "新商家首单礼", .en = (char *) "First-order gift" };
  ScWindow w = { sc_day_from_ymd (2026, 1, 10), sc_day_from_ymd (2026, 1, 17) };

  sc_reason_add (reasons, SC_REASON_ORDERS_WAIVED, 1300.4, 1.5);
  sc_reason_add (reasons, SC_REASON_RATE, 0.02, 0.05, 0.3);
  sc_reason_add (reasons, SC_REASON_TIER_DAYS, 30u, sc_day_from_ymd (2026, 1, 1), sc_day_from_ymd (2026, 1, 30), 30u);
  sc_reason_add (reasons, SC_REASON_GROUP_EXCLUSIVE, &title);
  sc_reason_add (reasons, SC_REASON_FREE_ORDERS_NONE, w);
  /* Rounding would show both alike: the profile's value gets its digits. */
  sc_reason_add (reasons, SC_REASON_COND_COMPARE, NULL, SC_FIELD_MONTHLY_GMV, 10999.999, 11000.0, SC_UNIT_YUAN,
                 SC_OP_LT, 11000.0, SC_UNIT_YUAN, NULL);
  sc_reason_add (reasons, SC_REASON_GRANT_MONEY, "up to ", 240.0, SC_BENEFIT_CASH, sc_day_from_ymd (2026, 1, 15));
  text = sc_reasons_format ((const ScReason *) reasons->data, reasons->len, "en");
  g_assert_cmpuint (text->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (text, 0), ==, "1,300 orders waived at 1.5 yuan each in the horizon");
  g_assert_cmpstr (g_ptr_array_index (text, 1), ==, "Rate 2% instead of 5% on 30% of GMV");
  g_assert_cmpstr (g_ptr_array_index (text, 2), ==,
                   "T30 counts GMV from 2026-01-01 to 2026-01-30 (the start is day 1, the last day is day 30); "
                   "the other checkpoints likewise");
  g_assert_cmpstr (g_ptr_array_index (text, 3), ==,
                   "Not counted: “First-order gift” counts instead (only one measure of this group applies)");
  g_assert_cmpstr (g_ptr_array_index (text, 4), ==,
                   "No order in the horizon falls within the free-order days (2026-01-10 – 2026-01-16)");
  g_assert_true (g_str_has_suffix (g_ptr_array_index (text, 5), " 10999.999 < 11,000 yuan"));
  g_assert_cmpstr (g_ptr_array_index (text, 6), ==, "up to 240 yuan in cash on 2026-01-15");
  /* The program file's text follows the language asked for. */
  g_clear_pointer (&text, g_ptr_array_unref);
  text = sc_reasons_format ((const ScReason *) reasons->data, reasons->len, "zh");
  g_assert_nonnull (strstr (g_ptr_array_index (text, 3), "新商家首单礼"));
}

static gboolean
zh_catalogue_ready (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR) || setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
    return FALSE;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_unsetenv ("LANGUAGE");
  return TRUE;
}

/* @profile evaluated in @lang with the messages in @lang, as a report in
 * @lang is. (transfer full) */
static ScResult *
evaluate_in (const ScProfile *profile,
             const char      *lang)
{
  ScEngineOptions options = { .lang = lang };
  ScI18nSwitch *sw = sc_i18n_switch_begin (sc_lang_from_code (lang));
  ScResult *r = sc_engine_evaluate (bundled_catalog, profile, &options);

  sc_i18n_switch_end (sw);
  return r;
}

static gboolean
has_han (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x4e00 && c <= 0x9fff)
        return TRUE;
    }
  return FALSE;
}

/* Asserts the reasons of @from, written in @lang, are those of @in (evaluated
 * in @lang); returns how many there are and, in *@han, how many have Chinese. */
static guint
assert_same_reasons (const ScResult *from,
                     const ScResult *in,
                     const char     *lang,
                     guint          *han)
{
  guint n = 0;

  g_assert_cmpuint (from->measures->len, ==, in->measures->len);
  for (guint i = 0; i < from->measures->len; i++)
    {
      const ScMeasureResult *a = g_ptr_array_index (from->measures, i);
      const ScMeasureResult *b = g_ptr_array_index (in->measures, i);
      g_autoptr(GPtrArray) written = sc_measure_result_dup_reasons (a, lang);

      g_assert_true (a->measure == b->measure);
      g_assert_cmpuint (written->len, ==, sc_measure_result_get_reasons (b)->len);
      for (guint k = 0; k < written->len; k++)
        {
          g_assert_cmpstr (g_ptr_array_index (written, k), ==, g_ptr_array_index (sc_measure_result_get_reasons (b), k));
          *han += has_han (g_ptr_array_index (written, k));
        }
      n += written->len;
    }
  return n;
}

static void
assert_same_lines (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

/*
 * One evaluation, its reasons in the other language: the same text an
 * evaluation in that language gives, for every bundled profile, both ways;
 * and its assumption notes and warnings.
 */
static void
test_other_language (void)
{
  g_auto(GStrv) ids = sc_profile_list_examples ();

  if (!zh_catalogue_ready ())
    {
      g_test_skip ("no zh_CN catalogue built, or no C.UTF-8 locale");
      return;
    }
  g_assert_nonnull (ids);
  g_assert_cmpuint (g_strv_length (ids), >=, 4);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProfile) profile = sc_profile_load_example (ids[i], &error);
      g_autoptr(ScResult) en = NULL, zh = NULL;
      guint n, han_zh = 0, han_en = 0;

      g_assert_no_error (error);
      en = evaluate_in (profile, "en");
      zh = evaluate_in (profile, "zh");
      n = assert_same_reasons (en, zh, "zh", &han_zh);
      g_assert_cmpuint (n, ==, assert_same_reasons (zh, en, "en", &han_en));
      /* The assumption notes and the warnings likewise. */
      {
        g_autoptr(GPtrArray) a_zh = sc_result_dup_assumptions (en, "zh");
        g_autoptr(GPtrArray) a_en = sc_result_dup_assumptions (zh, "en");
        g_autoptr(GPtrArray) w_zh = sc_result_dup_warnings (en, "zh");
        g_autoptr(GPtrArray) w_en = sc_result_dup_warnings (zh, "en");

        g_assert_cmpuint (zh->assumptions->len, >, 3);
        assert_same_lines (a_zh, zh->assumptions);
        assert_same_lines (a_en, en->assumptions);
        assert_same_lines (w_zh, zh->warnings);
        assert_same_lines (w_en, en->warnings);
        g_assert_true (has_han (g_ptr_array_index (a_zh, 0)));
      }
      g_test_message ("%s: %u reasons, %u of them with Chinese in zh, %u in en", ids[i], n, han_zh, han_en);
      /* Not two empty or untranslated lists compared. */
      g_assert_cmpuint (n, >, 20);
      g_assert_cmpuint (han_zh, >, n / 2);
      g_assert_cmpuint (han_en, <, han_zh);
    }
  /* A warning, in the other language. */
  {
    g_autoptr(ScProfile) profile = sc_profile_load_example (ids[0], NULL);
    g_autoptr(ScResult) en = NULL, zh = NULL;
    g_autoptr(GPtrArray) w_zh = NULL;

    set (profile, "monthly-gmv", NULL);
    en = evaluate_in (profile, "en");
    zh = evaluate_in (profile, "zh");
    w_zh = sc_result_dup_warnings (en, "zh");
    g_assert_cmpuint (zh->warnings->len, >=, 1);
    assert_same_lines (w_zh, zh->warnings);
    g_assert_true (has_han (g_ptr_array_index (w_zh, 0)));
    g_assert_false (has_han (g_ptr_array_index (en->warnings, 0)));
  }
}

/* The notes of the profile the assumptions show are the result's: written
 * after the profile is gone, in the other language too. */
static void
test_outlives_profile (void)
{
  g_autoptr(GError) error = NULL;
  ScProfile *profile = sc_profile_load_example ("brand-merchant", &error);
  ScEngineOptions options = { .lang = "en" };
  g_autoptr(ScResult) r = NULL;
  g_autoptr(GPtrArray) again = NULL;

  g_assert_no_error (error);
  r = sc_engine_evaluate (bundled_catalog, profile, &options);
  /* Its cost of capital comes with a note. */
  g_assert_true (has_line (r->assumptions, "a small-business loan rate"));
  sc_profile_free (profile);
  again = sc_result_dup_assumptions (r, "en");
  assert_same_lines (again, r->assumptions);
  if (zh_catalogue_ready ())
    {
      g_autoptr(GPtrArray) zh = sc_result_dup_assumptions (r, "zh");

      g_assert_true (has_line (zh, "经营贷利率水平"));
    }
}

/* Written on first need: from several threads at once, every measure's
 * lines are written once and all callers get those, equal to what the
 * other language's evaluation written back gives (test_other_language). */
static gpointer
read_all_reasons (gpointer data)
{
  const ScResult *r = data;
  GPtrArray *seen = g_ptr_array_new ();

  for (guint i = r->measures->len; i-- > 0;)
    g_ptr_array_add (seen, sc_measure_result_get_reasons (g_ptr_array_index (r->measures, i)));
  return seen;
}

static void
test_written_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) profile = sc_profile_load_example ("new-enterprise-apparel", &error);
  ScEngineOptions options = { .lang = "en" };
  g_autoptr(ScResult) r = NULL;
  GThread *threads[4];
  GPtrArray *seen[G_N_ELEMENTS (threads)];
  guint n_lines = 0;

  g_assert_no_error (error);
  r = sc_engine_evaluate (bundled_catalog, profile, &options);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("reasons", read_all_reasons, r);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    seen[t] = g_thread_join (threads[t]);
  for (guint i = 0; i < r->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (r->measures, i);
      GPtrArray *lines = sc_measure_result_get_reasons (mr);
      g_autoptr(GPtrArray) again = sc_measure_result_dup_reasons (mr, "en");

      for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
        g_assert_true (g_ptr_array_index (seen[t], r->measures->len - 1 - i) == lines);
      assert_same_lines (again, lines);
      n_lines += lines->len;
    }
  /* The apparel store's measures say why, e.g. a window that ended. */
  g_assert_cmpuint (n_lines, >, r->measures->len);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_ptr_array_unref (seen[t]);
}

int
main (int   argc,
      char *argv[])
{
  engine_fixture_init (&argc, &argv);
  g_test_add_func ("/reason/table", test_table);
  g_test_add_func ("/reason/format", test_format);
  g_test_add_func ("/reason/other-language", test_other_language);
  g_test_add_func ("/reason/outlives-profile", test_outlives_profile);
  g_test_add_func ("/reason/written-once", test_written_once);
  return engine_fixture_run ();
}
