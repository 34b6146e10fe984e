/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-engine"

#include "config.h"

#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-profile.h"

/*
 * Quality bars (PRODUCT.md): all bundled programs for one profile in
 * ≤ 100 µs; a 200-point GMV sweep in ≤ 20 ms. Prints the times; the bars
 * are reported, not asserted (machines differ).
 */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  ScEngineOptions with_reasons = { .lang = "zh" };
  ScEngineOptions live = { .lang = "zh", .no_reasons = TRUE, .no_series = TRUE };
  double points[200];
  const guint runs = 2000;
  gint64 t0, t1;
  double per_full, per_live, sweep_ms;

  sc_catalog_add_defaults (catalog);
  profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  if (profile == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* warm-up */
  for (guint i = 0; i < 50; i++)
    sc_result_free (sc_engine_evaluate (catalog, profile, &with_reasons));

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < runs; i++)
    sc_result_free (sc_engine_evaluate (catalog, profile, &with_reasons));
  t1 = g_get_monotonic_time ();
  per_full = (double) (t1 - t0) / runs;

  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < runs; i++)
    sc_result_free (sc_engine_evaluate (catalog, profile, &live));
  t1 = g_get_monotonic_time ();
  per_live = (double) (t1 - t0) / runs;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    points[i] = 1000.0 * (i + 1) * 5;
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < 10; i++)
    sc_sweep_free (sc_engine_sweep (catalog, profile, SC_FIELD_MONTHLY_GMV, points, G_N_ELEMENTS (points), NULL));
  t1 = g_get_monotonic_time ();
  sweep_ms = (double) (t1 - t0) / 10 / 1000.0;

  g_print ("programs: %u\n", sc_catalog_get_programs (catalog)->len);
  g_print ("evaluate, reasons and series: %.1f µs (bar 100 µs)%s\n", per_full, per_full <= 100 ? "" : "  OVER");
  g_print ("evaluate, numbers only:       %.1f µs\n", per_live);
  g_print ("200-point GMV sweep:          %.2f ms (bar 20 ms)%s\n", sweep_ms, sweep_ms <= 20 ? "" : "  OVER");
  return 0;
}
