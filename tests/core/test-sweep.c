/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include "engine-fixture.h"

/* Sweeps over a profile field. */

static void
test_sweep (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  const double points[] = { 0, 3100, 31000, -1 };
  g_autoptr(ScSweep) s = sc_engine_sweep (fixture_catalog, p, SC_FIELD_MONTHLY_GMV, points, 4, NULL);
  g_autoptr(ScResult) r = evaluate (p);

  g_assert_cmpuint (s->n_platforms, ==, 2);
  g_assert_cmpstr (s->platforms[0], ==, "alpha");
  /* The sweep at the profile's own GMV equals the full evaluation. */
  assert_money (sc_sweep_get (s, 0, 2), sc_result_find_platform (r, "alpha")->totals[SC_AMOUNT_TOTAL_VALUE]);
  g_assert_cmpfloat (sc_sweep_get (s, 0, 1), <, sc_sweep_get (s, 0, 2));
  /* A negative GMV is refused: NAN, not a number. */
  g_assert_true (isnan (sc_sweep_get (s, 0, 3)));
}

int
main (int   argc,
      char *argv[])
{
  engine_fixture_init (&argc, &argv);

  g_test_add_func ("/engine/sweep", test_sweep);

  return engine_fixture_run ();
}
