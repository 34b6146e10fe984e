/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Warm in-process export of the overview chart (1600×900 PNG) of the bundled
 * example. With --dump, prints the chart's data as TSV instead, so other
 * tools can draw the same bars (bench-export.sh).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "sc-catalog.h"
#include "sc-chart-export.h"
#include "sc-chart-from-result.h"
#include "sc-chart-layout.h"
#include "sc-engine.h"
#include "sc-profile.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(ScResult) result = NULL;
  g_autoptr(ScChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  ScEngineOptions options = { .lang = "en" };
  gboolean dump = argc > 1 && g_str_equal (argv[1], "--dump");
  const int runs = 50;
  gint64 t0, t_layout = 0, t_png = 0;
  gsize bytes = 0;

  setlocale (LC_ALL, "");
  sc_catalog_add_defaults (catalog);
  profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  if (profile == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (profile->as_of == SC_DAY_NONE)
    profile->as_of = sc_day_parse ("2026-11-22");
  result = sc_engine_evaluate (catalog, profile, &options);
  model = sc_chart_model_from_result (SC_CHART_OVERVIEW, catalog, profile, result, "en");

  if (dump)
    {
      printf ("platform");
      for (guint s = 0; s < model->series->len; s++)
        printf ("\t%s", ((ScChartSeries *) g_ptr_array_index (model->series, s))->name);
      printf ("\n");
      for (guint i = 0; i < model->categories->len; i++)
        {
          printf ("%s", (const char *) g_ptr_array_index (model->categories, i));
          for (guint s = 0; s < model->series->len; s++)
            printf ("\t%.2f", sc_chart_series_get (g_ptr_array_index (model->series, s), i));
          printf ("\n");
        }
      printf ("#title\t%s\n#subtitle\t%s\n", model->title, model->subtitle);
      return 0;
    }

  /* Warm up fonts and caches once. */
  g_bytes_unref (sc_chart_render (model, SC_CHART_FORMAT_PNG, 1600, 900, 1, NULL));

  for (int i = 0; i < runs; i++)
    {
      ScChartLayout *layout;

      t0 = g_get_monotonic_time ();
      layout = sc_chart_layout_new (model, 1600, 900);
      t_layout += g_get_monotonic_time () - t0;
      sc_chart_layout_free (layout);

      t0 = g_get_monotonic_time ();
      {
        GBytes *png = sc_chart_render (model, SC_CHART_FORMAT_PNG, 1600, 900, 1, NULL);

        bytes = g_bytes_get_size (png);
        g_bytes_unref (png);
      }
      t_png += g_get_monotonic_time () - t0;
    }
  printf ("warm layout only:        %6.2f ms\n", t_layout / 1000.0 / runs);
  printf ("warm PNG 1600x900 export: %6.2f ms (%zu bytes)\n", t_png / 1000.0 / runs, bytes);
  return 0;
}
