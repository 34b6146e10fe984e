/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "sc-format.h"
#include "sc-i18n.h"
#include "sc-types.h"

#include "engine-fixture.h"

/* sc-format: numbers and dates as readers see them, never the locale. */

/* sc_format_gettext() as one evaluation sees it: through a fresh cache. */
static const char *
evaluation_gettext (const char *msgid)
{
  ScFormatCache cache;
  const char *str;

  memset (&cache, 0, sizeof cache);
  sc_format_cache_set (&cache);
  str = sc_format_gettext (msgid);
  sc_format_cache_set (NULL);
  return str;
}

/*
 * A thread keeps its translations from one evaluation to the next; a
 * language switched in between (sc_i18n_switch_begin(), as the window and
 * the command line do) must still show in the next evaluation's words.
 */
static void
test_translations_follow_the_language (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  static const char msgid[] = "no current program";
  ScI18nSwitch *sw;

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR) || setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN catalogue built, or no C.UTF-8 locale");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_unsetenv ("LANGUAGE");

  g_assert_cmpstr (evaluation_gettext (msgid), ==, "no current program");
  sw = sc_i18n_switch_begin (SC_LANG_ZH);
  g_assert_cmpstr (evaluation_gettext (msgid), ==, "无在期政策");
  sc_i18n_switch_end (sw);
  g_assert_cmpstr (evaluation_gettext (msgid), ==, "no current program");
  sw = sc_i18n_switch_begin (SC_LANG_ZH);
  g_assert_cmpstr (evaluation_gettext (msgid), ==, "无在期政策");
  sc_i18n_switch_end (sw);
}

static void
test_group (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "0", "0" }, { "999", "999" }, { "1000", "1,000" }, { "-1000", "-1,000" },
    { "1234567.89", "1,234,567.89" }, { "-50000.00", "-50,000.00" }, { "100000", "100,000" },
    { "12.5", "12.5" },
  };
  char buf[64], small[6];

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (sc_format_group (buf, sizeof buf, cases[i].in), ==, cases[i].out);
  /* Cut to the buffer like g_strlcpy, never past it. */
  g_assert_cmpstr (sc_format_group (small, sizeof small, "1234567"), ==, "1,234");
}

static void
test_trim_zeros (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "80000.0000", "80000" }, { "4.3000", "4.3" }, { "0.0060", "0.006" }, { "100", "100" },
    { "10.50", "10.5" }, { "0.0", "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buf[32];

      g_strlcpy (buf, cases[i].in, sizeof buf);
      sc_format_trim_zeros (buf);
      g_assert_cmpstr (buf, ==, cases[i].out);
    }
}

static void
test_number (void)
{
  char buf[64];

  g_assert_cmpstr (sc_format_number (buf, sizeof buf, 4.3), ==, "4.3");
  g_assert_cmpstr (sc_format_number (buf, sizeof buf, 80000), ==, "80000");
  g_assert_cmpstr (sc_format_number (buf, sizeof buf, 0.006), ==, "0.006");
  g_assert_cmpstr (sc_format_number (buf, sizeof buf, -0.00001), ==, "0");
  g_assert_cmpstr (sc_format_number (buf, sizeof buf, 1e15), ==, "1000000000000000");
  g_assert_cmpstr (sc_format_amount (buf, sizeof buf, 80774.194, 2), ==, "80,774.19");
  g_assert_cmpstr (sc_format_amount (buf, sizeof buf, -1234.5, 2), ==, "-1,234.5");
  g_assert_cmpstr (sc_format_count (buf, sizeof buf, 28000.4), ==, "28,000");
  g_assert_cmpstr (sc_format_money (buf, sizeof buf, 1.5), ==, "1.5");
  g_assert_cmpstr (sc_format_money (buf, sizeof buf, 2e15), ==, "2,000,000,000,000,000");
  g_assert_cmpstr (sc_format_value (buf, sizeof buf, 0.06, SC_UNIT_PERCENT, NULL), ==, "6%");
  g_assert_cmpstr (sc_format_value (buf, sizeof buf, 1300, SC_UNIT_COUNT, NULL), ==, "1,300");
}

/* Every day from 1900 to 2100 formats as GDate says, and so do the ends. */
static void
test_day (void)
{
  ScDay first = sc_day_from_ymd (1900, 1, 1), last = sc_day_from_ymd (2100, 12, 31);
  char buf[16], want[16];

  for (ScDay d = first; d <= last; d++)
    {
      int y, m, dd;

      sc_day_to_ymd (d, &y, &m, &dd);
      g_snprintf (want, sizeof want, "%04d-%02d-%02d", y, m, dd);
      g_assert_cmpstr (sc_day_format (d, buf), ==, want);
    }
  g_assert_cmpstr (sc_day_format (sc_day_from_ymd (1, 1, 1), buf), ==, "0001-01-01");
  g_assert_cmpstr (sc_day_format (sc_day_from_ymd (9999, 12, 31), buf), ==, "9999-12-31");
  g_assert_cmpstr (sc_day_format (SC_DAY_NONE, buf), ==, "");
}

static void
test_window (void)
{
  ScWindow both = { sc_day_parse ("2026-01-01"), sc_day_parse ("2026-04-01") };
  ScWindow open_end = { sc_day_parse ("2026-01-01"), SC_DAY_NONE };
  g_autofree char *a = sc_format_window (both);
  g_autofree char *b = sc_format_window (open_end);

  g_assert_cmpstr (a, ==, "2026-01-01 – 2026-03-31");
  g_assert_cmpstr (b, ==, "2026-01-01 onwards");
}

static void
test_printf (void)
{
  g_autofree char *a = sc_format_strdup_printf ("%s has %u%% of %s", "alpha", 5u, "GMV");
  g_autofree char *b = sc_format_strdup_printf ("%2$s before %1$s, %2$s again", "one", "two");
  g_autofree char *c = sc_format_strdup_printf ("%.2f", 1.5);

  g_assert_cmpstr (a, ==, "alpha has 5% of GMV");
  g_assert_cmpstr (b, ==, "two before one, two again");
  g_assert_cmpstr (c, ==, "1.50");
}

int
main (int   argc,
      char *argv[])
{
  engine_fixture_init (&argc, &argv);

  g_test_add_func ("/engine/format/translations-follow-the-language", test_translations_follow_the_language);
  g_test_add_func ("/engine/format/group", test_group);
  g_test_add_func ("/engine/format/trim-zeros", test_trim_zeros);
  g_test_add_func ("/engine/format/number", test_number);
  g_test_add_func ("/engine/format/day", test_day);
  g_test_add_func ("/engine/format/window", test_window);
  g_test_add_func ("/engine/format/printf", test_printf);

  return engine_fixture_run ();
}
