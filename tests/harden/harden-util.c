/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-test"

#include "config.h"

#include "harden-util.h"

#include "test-util.h"

#include <string.h>
#include <sys/resource.h>

ScProfile *
harden_large_profile (guint variant)
{
  g_autoptr(ScProfile) profile = sc_profile_new ();
  static const char *const platforms[] = { "kuaishou", "douyin", "jd", "taobao" };
  g_autoptr(GString) zh = g_string_new (NULL);
  g_autoptr(GString) en = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name_zh = g_strdup_printf ("大档案 %u", variant);
  g_autofree char *name_en = g_strdup_printf ("Large profile %u", variant);

  sc_profile_set_name (profile, name_zh, name_en);
  g_assert_true (sc_profile_set_as_of (profile, sc_day_from_ymd (2026, 1, 1 + (int) (variant % 28)), &error));
  g_assert_true (sc_profile_set_horizon (profile, 12 + variant % 12, &error));

  for (guint i = 0; i < 300; i++)
    {
      g_string_append_printf (zh, "第%u版第%u行：假设说明，用于测试保存是否完整。", variant, i);
      g_string_append_printf (en, "Variant %u line %u: a note long enough to make saving take a while. ", variant, i);
    }

  for (guint f = 0; f < SC_N_FIELDS; f++)
    {
      const ScFieldInfo *info = sc_field_info ((ScField) f);

      switch (info->type)
        {
        case SC_FIELD_TYPE_NUMBER:
        case SC_FIELD_TYPE_MONEY:
        case SC_FIELD_TYPE_FRACTION:
          {
            /* A value inside the field's bounds that differs per variant. */
            double lo = info->min, hi = MIN (info->max, info->min + 1000);
            double v = lo + (hi - lo) * ((variant * 7 + f) % 10 + 1) / 11.0;

            g_assert_true (sc_profile_set_number (profile, (ScField) f, v, &error));
          }
          break;
        case SC_FIELD_TYPE_DATE:
          g_assert_true (sc_profile_set_date (profile, (ScField) f,
                                              sc_day_from_ymd (2025, 1 + (int) ((variant + f) % 12), 10), &error));
          break;
        case SC_FIELD_TYPE_BOOL:
          g_assert_true (sc_profile_set_bool (profile, (ScField) f, (variant + f) % 2, &error));
          break;
        case SC_FIELD_TYPE_CHOICE:
          {
            guint n = g_strv_length ((char **) info->choices);

            g_assert_true (sc_profile_set_choice (profile, (ScField) f,
                                                  info->choices[(variant + f) % n], &error));
          }
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_no_error (error);
      /* A few KB of note per field and language. */
      {
        g_autofree char *note_zh = g_utf8_substring (zh->str, f * 20, f * 20 + 1000);
        g_autofree char *note_en = g_utf8_substring (en->str, f * 20, f * 20 + 2000);

        sc_profile_set_note (profile, (ScField) f, "zh", note_zh);
        sc_profile_set_note (profile, (ScField) f, "en", note_en);
      }
    }

  for (guint p = 0; p < G_N_ELEMENTS (platforms); p++)
    {
      g_assert_true (sc_profile_set_override (profile, platforms[p], SC_FEE_COMMISSION, NULL,
                                              0.01 * (variant % 5 + p + 1), &error));
      g_assert_true (sc_profile_set_override (profile, platforms[p], SC_FEE_DEPOSIT, NULL,
                                              1000.0 * (variant + p + 1), &error));
    }

  g_free (profile->notes);
  profile->notes = g_strconcat (en->str, zh->str, NULL);
  return g_steal_pointer (&profile);
}

char *
harden_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("shangce-harden-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
harden_remove_tree (const char *dir)
{
  test_remove_tree (dir);
}

char *
harden_private_state_home (void)
{
  char *state;

  if (g_getenv ("SHANGCE_TEST_STATE") != NULL)
    state = g_strdup (g_getenv ("SHANGCE_TEST_STATE"));
  else
    {
      state = harden_make_tmp_dir ();
      g_setenv ("SHANGCE_TEST_STATE", state, TRUE);
    }
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  return state;
}

glong
harden_peak_rss_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

void
harden_assert_words (const char        *message,
                     const char *const *words)
{
  g_assert_nonnull (message);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (message, words[i]) == NULL)
      g_error ("message “%s” does not contain “%s”", message, words[i]);
}

HardenBudget
harden_budget_start (void)
{
  HardenBudget b = { g_get_monotonic_time (), harden_peak_rss_kib () };

  return b;
}

void
harden_budget_check (HardenBudget  b,
                     const char   *what,
                     double        seconds_max,
                     glong         rss_max_mib)
{
  double seconds = (g_get_monotonic_time () - b.start) / 1e6;
  glong grown = harden_peak_rss_kib () - b.rss;

  /* On stderr: the case runs in a subprocess whose stdout is not shown. */
  g_printerr ("# %s: %.3f s, peak RSS +%ld KiB\n", what, seconds, grown);
  g_assert_cmpfloat (seconds, <, seconds_max);
  g_assert_cmpint (grown, <, rss_max_mib * 1024 * SANITIZER_FACTOR);
}

void
harden_write_program_files (const char *dir,
                            guint       n_files,
                            guint       n_programs)
{
  for (guint f = 0; f < n_files; f++)
    {
      g_autoptr(GString) xml = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("f%05u.xml", f);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_string_append_printf (xml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<program-file xmlns=\"https://shangce.github.io/ns/program/1\" format=\"1\" license=\"CC0-1.0\">\n"
        "  <source id=\"t\" file=\"t.txt\" publisher=\"bench\" published=\"2026-01-01\"><title xml:lang=\"en\">T</title></source>\n"
        "  <baseline platform=\"plat%u\" revision=\"1\"><name xml:lang=\"en\">Platform %u</name>\n"
        "    <fee kind=\"commission\" value=\"0.05\" basis=\"assumed\"><note xml:lang=\"en\">n</note></fee>\n"
        "    <fee kind=\"return-shipping\" value=\"1.5\" basis=\"assumed\"><note xml:lang=\"en\">n</note></fee>\n"
        "  </baseline>\n", f, f);
      for (guint k = 0; k < n_programs; k++)
        {
          g_string_append_printf (xml,
            "  <program id=\"p%u.%u\" revision=\"1\" platform=\"plat%u\" status=\"in-force\" start=\"2026-01-%02u\" end=\"2027-01-01\" sources=\"t\"",
            f, k, f, 1 + k % 28);
          if (k > 0)
            g_string_append_printf (xml, " replaces=\"p%u.%u\"", f, k - 1);
          g_string_append_printf (xml, ">\n    <name xml:lang=\"en\">Program %u.%u</name>\n"
            "    <measure id=\"m\" source=\"t\"><title xml:lang=\"en\">Rate</title><quote>0.006</quote>\n"
            "      <window-end basis=\"stated\"/>\n"
            "      <effects><fee-rate fee=\"commission\"><rate value=\"0.006\"/></fee-rate></effects></measure>\n"
            "  </program>\n", f, k);
        }
      g_string_append (xml, "</program-file>\n");
      g_assert_true (g_file_set_contents (path, xml->str, (gssize) xml->len, NULL));
    }
}
