/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Time per client report: the whole PDF (laid out twice — once to count the
 * pages — with the overview chart drawn in) for each bundled profile, A4 and
 * slides, in process, fonts already loaded. Prints the best and the median
 * batch (bench-timing.h), then the whole command line once per layout.
 *
 * Usage: bench-client-report [BATCHES] (SHANGCE_DATA_DIR must be set)
 */
#include "config.h"

#include <stdlib.h>

#include "sc-catalog.h"
#include "sc-client-report.h"
#include "sc-engine.h"
#include "sc-profile.h"

#include "../bench-timing.h"

#define PER_BATCH 2

typedef struct
{
  ScClientReportOptions  options;
  ScCatalog             *catalog;
  ScProfile             *profile;
  ScResult              *result;
  gsize                  size;
  guint                  pages;
} Call;

static void
render_once (gpointer data)
{
  Call *call = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sc_client_report_render (&call->options, call->catalog, call->profile, call->result,
                                                     &error);

  if (bytes == NULL)
    g_error ("%s", error->message);
  call->size = g_bytes_get_size (bytes);
}

int
main (int    argc,
      char **argv)
{
  static const char *const profiles[] = {
    "brand-merchant", "individual-apparel", "industry-belt-factory", "new-enterprise-apparel",
  };
  static const char *const layouts[] = { "a4", "slides" };
  guint batches = argc > 1 ? (guint) atoi (argv[1]) : 5;
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  double sum = 0;
  guint n = 0;

  if (batches == 0)
    batches = 5;
  sc_catalog_add_defaults (catalog);
  for (guint p = 0; p < G_N_ELEMENTS (profiles); p++)
    for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
      {
        g_autofree char *path = g_strdup_printf ("%s/profiles/%s.shangce", g_getenv ("SHANGCE_DATA_DIR"), profiles[p]);
        g_autoptr(GError) error = NULL;
        g_autoptr(ScProfile) profile = sc_profile_load (path, &error);
        g_autoptr(ScResult) result = NULL;
        Call call = { 0 };
        BenchTiming t;

        if (profile == NULL)
          g_error ("%s", error->message);
        result = sc_engine_evaluate (catalog, profile, NULL);
        call.catalog = catalog;
        call.profile = profile;
        call.result = result;
        call.options.lang = "en";
        call.options.date = sc_day_from_ymd (2026, 3, 1);
        sc_client_report_layout_from_string (layouts[l], &call.options.layout);
        render_once (&call);   /* fonts and glyphs loaded before timing */
        t = bench_run_batches (render_once, &call, batches, PER_BATCH);
        g_print ("client report %-24s %-6s best %7.1f ms, median %7.1f ms wall; CPU best %7.1f ms; %5.0f KiB\n",
                 profiles[p], layouts[l], t.wall_best / 1000, t.wall_median / 1000, t.cpu_best / 1000,
                 call.size / 1024.0);
        sum += t.wall_median;
        n++;
      }
  g_print ("client report: %.1f ms per PDF (mean of the medians, %u reports)\n", sum / n / 1000, n);
  return 0;
}
