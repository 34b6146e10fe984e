/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "harden-util.h"
#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-error.h"
#include "sc-program-reader.h"
#include "sc-profile.h"
#include "sc-sweep.h"

/*
 * Programs across many files and sweeps over many fee measures (issue 15,
 * items 5 and 6): the catalog holds at most SC_CATALOG_MAX_PROGRAMS and
 * says which file it refused; a sweep's work stays within
 * SC_ENGINE_SWEEP_MAX_WORK, its first and last points always evaluated;
 * replacements and fee caps over many platforms come out as over few.
 * tests/bench/bench-scale.c shows the growth.
 */

static ScProfile *
profile_of (guint horizon)
{
  g_autoptr(GError) error = NULL;
  ScProfile *profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);

  g_assert_no_error (error);
  g_assert_true (sc_profile_set_as_of (profile, sc_day_parse ("2026-01-01"), NULL));
  g_assert_true (sc_profile_set_horizon (profile, horizon, NULL));
  return profile;
}

static void
test_catalog_limit (void)
{
  g_autofree char *dir = harden_make_tmp_dir ();
  guint per_file = SC_PROGRAM_READER_MAX_PROGRAMS;
  guint fit = SC_CATALOG_MAX_PROGRAMS / per_file;
  ScCatalog *catalog = sc_catalog_new ();
  GPtrArray *errors;
  const GError *refused = NULL;
  g_autofree char *name = g_strdup_printf ("f%05u.xml", fit);

  harden_write_program_files (dir, fit + 2, per_file);
  sc_catalog_add_directory (catalog, dir, SC_ORIGIN_USER);
  g_assert_cmpuint (sc_catalog_get_programs (catalog)->len, ==, fit * per_file);
  g_assert_cmpuint (sc_catalog_get_programs (catalog)->len, <=, SC_CATALOG_MAX_PROGRAMS);

  /* Each file past the limit is refused whole, by name. */
  errors = sc_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 2);
  refused = g_ptr_array_index (errors, 0);
  g_assert_error (refused, SC_ERROR, SC_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (refused->message, name));
  g_assert_nonnull (strstr (refused->message, G_STRINGIFY (SC_CATALOG_MAX_PROGRAMS)));

  /* Look-ups by id still find every active program. */
  for (guint f = 0; f < fit; f += 7)
    {
      g_autofree char *id = g_strdup_printf ("p%u.%u", f, per_file - 1);

      g_assert_nonnull (sc_catalog_find_program (catalog, id));
    }
  sc_catalog_free (catalog);
  harden_remove_tree (dir);
}

/* Many platforms give what each gives alone: replacements (each program
 * counts until the next starts) and fee caps are worked per platform. */
static void
test_many_platforms_match_one (void)
{
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *one_dir = g_build_filename (dir, "one", NULL);
  g_autofree char *many_dir = g_build_filename (dir, "many", NULL);
  g_autoptr(ScProfile) profile = profile_of (12);
  ScEngineOptions options = { .lang = "en" };
  ScCatalog *one = sc_catalog_new (), *many = sc_catalog_new ();
  g_autoptr(ScResult) r1 = NULL, rn = NULL;

  g_assert_cmpint (g_mkdir (one_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (many_dir, 0700), ==, 0);
  harden_write_program_files (one_dir, 1, 40);
  harden_write_program_files (many_dir, 60, 40);
  sc_catalog_add_directory (one, one_dir, SC_ORIGIN_USER);
  sc_catalog_add_directory (many, many_dir, SC_ORIGIN_USER);
  r1 = sc_engine_evaluate (one, profile, &options);
  rn = sc_engine_evaluate (many, profile, &options);

  g_assert_cmpuint (rn->platforms->len, ==, 60);
  g_assert_cmpuint (rn->programs->len, ==, 60 * 40);
  for (guint p = 0; p < rn->platforms->len; p++)
    {
      const ScPlatformResult *a = g_ptr_array_index (r1->platforms, 0);
      const ScPlatformResult *b = g_ptr_array_index (rn->platforms, p);

      for (guint k = 0; k < SC_N_AMOUNTS; k++)
        g_assert_cmpfloat (a->totals[k], ==, b->totals[k]);
    }
  /* Every program but the last of each platform is replaced by the next. */
  {
    guint replaced1 = 0, replacedn = 0;

    for (guint i = 0; i < r1->programs->len; i++)
      replaced1 += ((ScProgramResult *) g_ptr_array_index (r1->programs, i))->active_until != SC_DAY_NONE;
    for (guint i = 0; i < rn->programs->len; i++)
      replacedn += ((ScProgramResult *) g_ptr_array_index (rn->programs, i))->active_until != SC_DAY_NONE;
    g_assert_cmpuint (replaced1, ==, 39);
    g_assert_cmpuint (replacedn, ==, 60 * 39);
  }
  g_clear_pointer (&r1, sc_result_free);
  g_clear_pointer (&rn, sc_result_free);
  sc_catalog_free (one);
  sc_catalog_free (many);
  harden_remove_tree (dir);
}

static void
test_sweep_bound (void)
{
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autoptr(ScProfile) small_profile = profile_of (12);
  g_autoptr(ScProfile) long_profile = profile_of (SC_PROFILE_HORIZON_MAX);
  ScEngineOptions options = { .lang = "en" };
  ScCatalog *catalog = sc_catalog_new ();
  double points[61];
  guint64 per_point;
  g_autoptr(ScSweep) small = NULL;
  g_autoptr(ScSweep) large = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    points[i] = 10000.0 * (i + 1);

  /* 100 platforms × 15 fee measures: a 12-month sweep is whole, a
   * 120-month one is thinned to the bound. */
  harden_write_program_files (dir, 100, 15);
  sc_catalog_add_directory (catalog, dir, SC_ORIGIN_USER);
  per_point = (100 * 15 * 2 + 100) * (guint64) SC_PROFILE_HORIZON_MAX;

  small = sc_engine_sweep (catalog, small_profile, SC_FIELD_MONTHLY_GMV, points, G_N_ELEMENTS (points), &options);
  g_assert_cmpuint (small->n_evaluated, ==, G_N_ELEMENTS (points));
  large = sc_engine_sweep (catalog, long_profile, SC_FIELD_MONTHLY_GMV, points, G_N_ELEMENTS (points), &options);
  g_test_message ("evaluated %u of %zu points", large->n_evaluated, G_N_ELEMENTS (points));
  g_assert_cmpuint (large->n_evaluated, <, G_N_ELEMENTS (points));
  g_assert_cmpuint (large->n_evaluated, >=, 2);
  g_assert_cmpuint (large->n_evaluated * per_point, <=, SC_ENGINE_SWEEP_MAX_WORK);
  g_assert_cmpuint (large->n_platforms, ==, 100);
  for (guint p = 0; p < large->n_platforms; p++)
    {
      guint finite = 0;

      g_assert_true (isfinite (sc_sweep_get (large, p, 0)));
      g_assert_true (isfinite (sc_sweep_get (large, p, G_N_ELEMENTS (points) - 1)));
      for (guint i = 0; i < G_N_ELEMENTS (points); i++)
        finite += isfinite (sc_sweep_get (large, p, i)) ? 1 : 0;
      g_assert_cmpuint (finite, ==, large->n_evaluated);
    }
  sc_catalog_free (catalog);
  harden_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scale/catalog-limit", test_catalog_limit);
  g_test_add_func ("/scale/many-platforms-match-one", test_many_platforms_match_one);
  g_test_add_func ("/scale/sweep-bound", test_sweep_bound);
  return g_test_run ();
}
