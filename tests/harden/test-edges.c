/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-test"

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "harden-util.h"
#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-error.h"
#include "sc-field.h"
#include "sc-format.h"
#include "sc-profile.h"
#include "sc-report.h"

/*
 * Numbers and dates at the edges (issue 15, items 10 and 11): a profile
 * inside every field's bounds gives totals every report can print, every
 * formatter takes every double, and the horizon ends by 9999-12-31.
 */

static const double edge_values[] = {
  0.0, -0.0, 0.004, -0.004, 0.5, 1e15, 1e21, -1e21, 1e36, 1.622592768292136e36, -1e38, 1e300, -1e300,
  DBL_MAX, -DBL_MAX, DBL_MIN, 5e-324,
};

/* A JSON number (RFC 8259). */
static gboolean
is_json_number (const char *text)
{
  return g_regex_match_simple ("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$", text, 0, 0);
}

/* Every number token of @json outside strings is a JSON number. */
static void
assert_json_numbers (const char *json)
{
  gboolean in_string = FALSE;
  guint n = 0;

  for (const char *p = json; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }
      if (*p == '"')
        in_string = TRUE;
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          gsize len = strspn (p, "-+.0123456789eE");
          g_autofree char *token = g_strndup (p, len);

          if (!is_json_number (token))
            g_error ("not a JSON number: “%s” at offset %td", token, p - json);
          n++;
          p += len - 1;
        }
    }
  g_assert_cmpuint (n, >, 100);
}

static void
test_formatters (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (edge_values); i++)
    for (int sign = 0; sign < 2; sign++)
      {
        double v = sign ? -edge_values[i] : edge_values[i];
        char fixed[SC_FORMAT_FIXED_BUF], number[SC_FORMAT_FIXED_BUF], amount[64], value[SC_FORMAT_VALUE_BUF];
        char small[8];

        sc_format_fixed (fixed, sizeof fixed, v, 2);
        g_assert_true (is_json_number (fixed));
        g_assert_cmpfloat (fabs (g_ascii_strtod (fixed, NULL) - v), <=, fabs (v) * 1e-14 + 0.005);
        sc_format_number (number, sizeof number, v);
        g_assert_cmpfloat (fabs (g_ascii_strtod (number, NULL) - v), <=, fabs (v) * 1e-14 + 0.00005);
        sc_format_amount (amount, sizeof amount, v, 2);
        g_assert_cmpuint (strlen (amount), <, sizeof amount - 1);
        sc_format_money (small, sizeof small, v);
        g_assert_cmpuint (strlen (small), <, sizeof small);
        for (ScUnit u = SC_UNIT_PLAIN; u <= SC_UNIT_COUNT; u++)
          {
            sc_format_value (value, sizeof value, v, u, "things");
            g_assert_true (g_utf8_validate (value, -1, NULL));
          }
      }
  {
    const double special[] = { NAN, INFINITY, -INFINITY };

    for (guint i = 0; i < G_N_ELEMENTS (special); i++)
      {
        char fixed[SC_FORMAT_FIXED_BUF], amount[64], value[SC_FORMAT_VALUE_BUF];

        sc_format_fixed (fixed, sizeof fixed, special[i], 2);
        g_assert_true (g_str_equal (fixed, "nan") || g_str_equal (fixed, "inf") || g_str_equal (fixed, "-inf"));
        sc_format_amount (amount, sizeof amount, special[i], 2);
        for (ScUnit u = SC_UNIT_PLAIN; u <= SC_UNIT_COUNT; u++)
          sc_format_value (value, sizeof value, special[i], u, NULL);
      }
  }
}

static void
test_growth_at_bounds (void)
{
  g_autoptr(ScProfile) profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, NULL);
  g_autoptr(ScResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ScEngineOptions options = { .lang = "en" };
  ScCatalog *catalog = sc_catalog_new ();
  const ScFieldInfo *gmv = sc_field_info (SC_FIELD_MONTHLY_GMV);
  const ScFieldInfo *growth = sc_field_info (SC_FIELD_GMV_GROWTH);
  const ScReportFormat formats[] = { SC_REPORT_TEXT, SC_REPORT_CSV, SC_REPORT_JSON };

  sc_catalog_add_defaults (catalog);
  g_assert_nonnull (profile);
  g_assert_true (sc_profile_set_as_of (profile, sc_day_parse ("2026-01-01"), &error));
  g_assert_true (sc_profile_set_horizon (profile, SC_PROFILE_HORIZON_MAX, &error));
  g_assert_true (sc_profile_set_number (profile, SC_FIELD_MONTHLY_GMV, gmv->max, &error));
  g_assert_true (sc_profile_set_number (profile, SC_FIELD_GMV_GROWTH, growth->max, &error));
  g_assert_no_error (error);

  result = sc_engine_evaluate (catalog, profile, &options);
  for (guint i = 0; i < result->platforms->len; i++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, i);

      for (guint a = 0; a < SC_N_AMOUNTS; a++)
        {
          g_assert_true (isfinite (pr->totals[a]));
          /* At most the capped GMV of every month, times a few fees. */
          g_assert_cmpfloat (fabs (pr->totals[a]), <, gmv->max * SC_PROFILE_HORIZON_MAX * 100);
        }
    }
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GBytes) bytes = sc_report_build (catalog, profile, result, formats[f], "en");
      const char *text = g_bytes_get_data (bytes, NULL);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      if (formats[f] == SC_REPORT_JSON)
        assert_json_numbers (text);
    }
  g_clear_pointer (&result, sc_result_free);
  sc_catalog_free (catalog);
}

static void
test_last_day (void)
{
  g_autoptr(ScProfile) profile = sc_profile_new ();
  g_autoptr(GError) error = NULL;
  ScDay latest = sc_day_add_months (sc_day_parse ("9999-12-31"), -SC_PROFILE_HORIZON_MAX);
  char end[16];

  g_assert_false (sc_profile_set_as_of (profile, sc_day_parse ("9999-12-31"), &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "9999-12-31"));
  g_clear_error (&error);
  g_assert_false (sc_profile_set_as_of (profile, latest + 1, &error));
  g_clear_error (&error);

  g_assert_true (sc_profile_set_as_of (profile, latest, &error));
  g_assert_true (sc_profile_set_horizon (profile, SC_PROFILE_HORIZON_MAX, &error));
  g_assert_no_error (error);
  sc_day_format (sc_profile_get_horizon_end (profile), end);
  g_assert_cmpstr (end, <=, "9999-12-31");
  g_assert_cmpuint (strlen (end), ==, 10);
}

static void
test_last_day_file (void)
{
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "late.shangce", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) profile = NULL;
  const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"9999-12-31\">\n"
                    "</profile>\n";

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  profile = sc_profile_load (path, &error);
  g_assert_null (profile);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "9999-12-31"));
  harden_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/edges/formatters", test_formatters);
  g_test_add_func ("/edges/growth-at-bounds", test_growth_at_bounds);
  g_test_add_func ("/edges/last-day", test_last_day);
  g_test_add_func ("/edges/last-day-file", test_last_day_file);
  return g_test_run ();
}
