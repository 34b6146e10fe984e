/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "engine-fixture.h"

ScCatalog *fixture_catalog;
ScCatalog *bundled_catalog;

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

ScProfile *
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

void
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

ScResult *
evaluate (const ScProfile *p)
{
  ScEngineOptions options = { .lang = "en" };

  return sc_engine_evaluate (fixture_catalog, p, &options);
}

const ScMeasureResult *
measure (const ScResult *r,
         const char     *program,
         const char     *id)
{
  const ScMeasureResult *mr = sc_result_find_measure (r, program, id);

  g_assert_nonnull (mr);
  return mr;
}

gboolean
has_reason (const ScMeasureResult *mr,
            const char            *text)
{
  GPtrArray *lines = sc_measure_result_get_reasons (mr);

  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), text) != NULL)
      return TRUE;
  return FALSE;
}

void
assert_reason (const ScMeasureResult *mr,
               const char            *text)
{
  if (!has_reason (mr, text))
    {
      for (guint i = 0; i < sc_measure_result_get_reasons (mr)->len; i++)
        g_printerr ("reason: %s\n", (const char *) g_ptr_array_index (sc_measure_result_get_reasons (mr), i));
      g_error ("no reason contains “%s”", text);
    }
}

char *
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

ScProfile *
star_profile (const char *as_of)
{
  ScProfile *p = sc_profile_new ();

  p->as_of = sc_day_parse (as_of);
  p->horizon_months = 12;
  return p;
}

ScResult *
evaluate_bundled (const ScProfile *p)
{
  ScEngineOptions options = { .lang = "en" };

  return sc_engine_evaluate (bundled_catalog, p, &options);
}

double
month_of_measure (const ScMeasureResult *mr,
                  guint                  month,
                  ScAmount               amount)
{
  return sc_result_month_value (mr->monthly, mr->n_months, month, amount);
}

gboolean
has_line (GPtrArray  *lines,
          const char *text)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), text) != NULL)
      return TRUE;
  return FALSE;
}

void
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
 * The Chinese report of `shangce --report --lang zh_CN @args…` under
 * LC_ALL C.UTF-8, zh_CN.UTF-8 and de_DE.UTF-8 (those installed): each run
 * must contain every line of @expected and print the same bytes. NULL
 * (the test skipped) when shangce or its catalogue is not built.
 */
char *
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

ScSweep *
hand_sweep (const char *const *platforms,
            guint              n_platforms,
            guint              n_points,
            const double      *points,
            const double      *values)
{
  ScSweep *s = g_new0 (ScSweep, 1);

  s->field = SC_FIELD_MONTHLY_GMV;
  s->n_points = n_points;
  s->points = g_memdup2 (points, sizeof (double) * n_points);
  s->n_platforms = n_platforms;
  s->platforms = g_new0 (char *, n_platforms + 1);
  for (guint p = 0; p < n_platforms; p++)
    s->platforms[p] = platforms != NULL ? g_strdup (platforms[p]) : g_strdup_printf ("p%u", p);
  s->values = g_memdup2 (values, sizeof (double) * n_platforms * n_points);
  s->n_evaluated = n_points;
  return s;
}

ScCatalog *
load_assumed_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "engine", "assumed.xml", NULL);
  g_autoptr(GError) error = NULL;
  ScCatalog *catalog = sc_catalog_new ();

  sc_catalog_add_file (catalog, path, SC_ORIGIN_COMMAND_LINE, &error);
  g_assert_no_error (error);
  return catalog;
}

guint
count_lines (GPtrArray  *lines,
             const char *text)
{
  guint n = 0;

  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), text) != NULL)
      n++;
  return n;
}

void
engine_fixture_init (int    *argc,
                     char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);

  fixture_catalog = load_fixture ();
  bundled_catalog = sc_catalog_new ();
  sc_catalog_add_defaults (bundled_catalog);
}

int
engine_fixture_run (void)
{
  int status = g_test_run ();

  g_clear_pointer (&fixture_catalog, sc_catalog_free);
  g_clear_pointer (&bundled_catalog, sc_catalog_free);
  return status;
}
