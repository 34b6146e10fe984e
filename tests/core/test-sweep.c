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
  /* The sweep at the profile's own GMV equals the full evaluation's
   * ranking number (money kept plus the worth of value tied to the
   * platform), which is what the sweep records. */
  assert_money (sc_sweep_get (s, 0, 2), sc_result_platform_score (r, sc_result_find_platform (r, "alpha")));
  g_assert_cmpfloat (sc_sweep_get (s, 0, 1), <, sc_sweep_get (s, 0, 2));
  /* A negative GMV is refused: NAN, not a number. */
  g_assert_true (isnan (sc_sweep_get (s, 0, 3)));
}

/* Kuaishou 9,000 + 0.05·x against Douyin 800 + 0.18·x: Douyin leads from
 * x = 8,200 / 0.13 ≈ 63,076.92 on, where both are worth 12,153.85. */
static void
test_crossover_linear (void)
{
  double points[12], values[24];
  g_autoptr(ScSweep) s = NULL;
  g_autoptr(GArray) x = NULL;
  const ScSweepCrossover *c;

  for (guint i = 0; i < 12; i++)
    {
      points[i] = 10000.0 * (i + 1);
      values[i] = 9000 + 0.05 * points[i];
      values[12 + i] = 800 + 0.18 * points[i];
    }
  s = hand_sweep (NULL, 2, 12, points, values);
  x = sc_sweep_crossovers (s);
  g_assert_cmpuint (x->len, ==, 1);
  c = &g_array_index (x, ScSweepCrossover, 0);
  g_assert_cmpfloat_with_epsilon (c->at, 8200 / 0.13, 0.01);
  g_assert_cmpuint (c->before, ==, 0);
  g_assert_cmpuint (c->after, ==, 1);
  g_assert_cmpfloat_with_epsilon (c->score, 9000 + 0.05 * 8200 / 0.13, 0.01);
  g_assert_cmpuint (sc_sweep_first_leader (s), ==, 0);
}

/* Three platforms: the lead passes four times, between sweep points as
 * the lines cross (not only where a point has a new leader), a tie at a
 * sweep point puts the change exactly there, and a point not evaluated is
 * stepped over. */
static void
test_crossover_three (void)
{
  static const double points[] = { 1, 2, 3, 4, 5, 6 };
  static const double values[] = {
    /* p0: level */                            10, 10, 10, 10, NAN, 10,
    /* p1: rises, ties p0 at 3, leads at 4 */   0, 5, 10, 20, NAN, 21,
    /* p2: ahead at 2 only, then again by 6 */  1, 12, 3, 4, NAN, 30,
  };
  g_autoptr(ScSweep) s = hand_sweep (NULL, 3, 6, points, values);
  g_autoptr(GArray) x = sc_sweep_crossovers (s);
  const ScSweepCrossover *c;

  g_assert_cmpuint (x->len, ==, 4);
  c = &g_array_index (x, ScSweepCrossover, 0);
  /* p0 − p2: 9 at 1, −2 at 2: ties at 1 + 9/11. */
  g_assert_cmpuint (c->before, ==, 0);
  g_assert_cmpuint (c->after, ==, 2);
  g_assert_cmpfloat_with_epsilon (c->at, 1 + 9.0 / 11, 1e-9);
  c = &g_array_index (x, ScSweepCrossover, 1);
  /* p2 − p0: 2 at 2, −7 at 3 (p0 and p1 tie at 10 there): 2 + 2/9. */
  g_assert_cmpuint (c->before, ==, 2);
  g_assert_cmpuint (c->after, ==, 0);
  g_assert_cmpfloat_with_epsilon (c->at, 2 + 2.0 / 9, 1e-9);
  c = &g_array_index (x, ScSweepCrossover, 2);
  /* p0 and p1 tie at 3 exactly: the change is there. */
  g_assert_cmpuint (c->before, ==, 0);
  g_assert_cmpuint (c->after, ==, 1);
  g_assert_cmpfloat_with_epsilon (c->at, 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->score, 10, 1e-9);
  c = &g_array_index (x, ScSweepCrossover, 3);
  /* 5 was not evaluated: p1 − p2 is 16 at 4, −9 at 6: 4 + 2·16/25. */
  g_assert_cmpuint (c->before, ==, 1);
  g_assert_cmpuint (c->after, ==, 2);
  g_assert_cmpfloat_with_epsilon (c->at, 4 + 2 * 16.0 / 25, 1e-9);
}

/* One leader throughout: no crossover. Two platforms that tie at the
 * start: the one that rises leads. Two the same all along: no leader. */
static void
test_crossover_none (void)
{
  static const double points[] = { 1, 2, 3 };
  static const double ahead[] = { 5, 6, 7, 1, 2, 3 };
  static const double tied[] = { 5, 6, 7, 5, 2, 3 };
  static const double same[] = { 5, 6, 7, 5, 6, 7 };
  g_autoptr(ScSweep) u = hand_sweep (NULL, 2, 3, points, same);
  g_autoptr(GArray) xu = sc_sweep_crossovers (u);
  g_autoptr(ScSweep) s = hand_sweep (NULL, 2, 3, points, ahead);
  g_autoptr(ScSweep) t = hand_sweep (NULL, 2, 3, points, tied);
  g_autoptr(GArray) xs = sc_sweep_crossovers (s);
  g_autoptr(GArray) xt = sc_sweep_crossovers (t);

  g_assert_cmpuint (xs->len, ==, 0);
  g_assert_cmpuint (sc_sweep_first_leader (s), ==, 0);
  g_assert_cmpuint (xt->len, ==, 0);
  g_assert_cmpuint (sc_sweep_first_leader (t), ==, 0);
  g_assert_cmpuint (xu->len, ==, 0);
  g_assert_cmpuint (sc_sweep_first_leader (u), ==, G_MAXUINT);
}

/* The sweep records the score verdicts rank by. */
static void
test_sweep_records_score (void)
{
  g_autoptr(ScProfile) p = base_profile ();
  double gmv = sc_profile_get_number (p, SC_FIELD_MONTHLY_GMV, NAN);
  g_autoptr(ScSweep) s = sc_engine_sweep (fixture_catalog, p, SC_FIELD_MONTHLY_GMV, &gmv, 1, NULL);
  g_autoptr(ScResult) r = evaluate (p);

  for (guint i = 0; i < s->n_platforms; i++)
    assert_money (sc_sweep_get (s, i, 0),
                  sc_result_platform_score (r, sc_result_find_platform (r, s->platforms[i])));
}

int
main (int   argc,
      char *argv[])
{
  engine_fixture_init (&argc, &argv);

  g_test_add_func ("/engine/sweep", test_sweep);
  g_test_add_func ("/engine/sweep/score", test_sweep_records_score);
  g_test_add_func ("/engine/sweep/crossover/linear", test_crossover_linear);
  g_test_add_func ("/engine/sweep/crossover/three", test_crossover_three);
  g_test_add_func ("/engine/sweep/crossover/none", test_crossover_none);

  return engine_fixture_run ();
}
