/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-profile.h"
#include "sc-sweep.h"
#include "harden-util.h"
#include "test-util.h"

/*
 * Growth against input size (issue 15, items 5 and 6): FILES program files
 * of PROGRAMS programs each, every file its own platform with a baseline,
 * every program one fee measure (a commission rate) and, but the first,
 * replacing the one before it. For each size, in a child process of its
 * own: the time to load the catalog, to evaluate, and to run a sweep of
 * SWEEP_POINTS points, and the peak memory it added. Linear growth shows
 * as time and memory per program staying flat down the table; no timed
 * assertions (the machine is shared).
 *
 *   bench-scale [--quick]
 */

#define SWEEP_POINTS 61   /* as SC_DOCUMENT_SWEEP_POINTS */

static glong
peak_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static void
run_size (guint n_files,
          guint n_programs,
          guint horizon)
{
  g_autofree char *dir = g_dir_make_tmp ("shangce-bench-XXXXXX", NULL);
  ScCatalog *catalog;
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  ScEngineOptions options = { .lang = "en", .no_reasons = FALSE };
  ScResult *result;
  ScSweep *sweep;
  double points[SWEEP_POINTS];
  double t0, t_load, t_eval, t_sweep;
  glong rss0;
  guint n = n_files * n_programs, loaded, evaluated;

  harden_write_program_files (dir, n_files, n_programs);
  profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_assert_no_error (error);
  sc_profile_set_as_of (profile, sc_day_parse ("2026-01-01"), NULL);
  sc_profile_set_horizon (profile, horizon, NULL);
  for (guint i = 0; i < SWEEP_POINTS; i++)
    points[i] = 10000.0 * (i + 1);

  rss0 = peak_kib ();
  t0 = now ();
  catalog = sc_catalog_new ();
  sc_catalog_add_directory (catalog, dir, SC_ORIGIN_USER);
  t_load = now () - t0;
  /* Past SC_CATALOG_MAX_PROGRAMS whole files are refused. */
  g_assert_cmpuint (sc_catalog_get_programs (catalog)->len, ==, MIN (n, SC_CATALOG_MAX_PROGRAMS / n_programs * n_programs));

  t0 = now ();
  result = sc_engine_evaluate (catalog, profile, &options);
  t_eval = now () - t0;
  sc_result_free (result);

  options.no_reasons = TRUE;
  t0 = now ();
  sweep = sc_engine_sweep (catalog, profile, SC_FIELD_MONTHLY_GMV, points, SWEEP_POINTS, &options);
  t_sweep = now () - t0;
  g_assert_nonnull (sweep);
  evaluated = sweep->n_evaluated;
  sc_sweep_free (sweep);
  loaded = sc_catalog_get_programs (catalog)->len;

  g_print ("%5u %5u %6u %6u %4u | %7.3f %7.3f %7.3f %3u | %7.2f %9.3f | %6ld\n",
           n_files, n_programs, n, loaded, horizon, t_load, t_eval, t_sweep, evaluated,
           t_load / n * 1e6, t_sweep / MAX (evaluated, 1) / loaded / horizon * 1e9, (peak_kib () - rss0) / 1024);
  sc_catalog_free (catalog);
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  gboolean quick = argc > 1 && g_str_equal (argv[1], "--quick");
  static const guint sizes[][3] = {
    /* files, programs a file, horizon */
    { 10, 50, 12 }, { 20, 50, 12 }, { 40, 50, 12 }, { 25, 200, 12 }, { 50, 200, 12 }, { 50, 200, 120 },
    { 100, 200, 12 }, { 200, 200, 12 },
  };

  g_print ("# files: program files; progs: programs a file; asked: programs in the files;\n"
           "# loaded: programs kept (SC_CATALOG_MAX_PROGRAMS); months: horizon; pts: sweep points\n"
           "# evaluated of %d (SC_ENGINE_SWEEP_MAX_WORK); load us/p: load time a program asked;\n"
           "# sweep ns: sweep time a point, program and month; MiB: peak memory added\n", SWEEP_POINTS);
  g_print ("#files progs  asked loaded mths |  load s  eval s sweep s pts | load us/p  sweep ns | MiB\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      pid_t pid;
      int status;

      if (quick && sizes[i][0] * sizes[i][1] > 2000)
        break;
      /* A child per size: each peak is its own. */
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          run_size (sizes[i][0], sizes[i][1], sizes[i][2]);
          _exit (0);
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        return 1;
    }
  return 0;
}
