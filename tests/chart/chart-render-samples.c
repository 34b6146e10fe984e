/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes every sample chart to a folder, for looking at them. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "chart-samples.h"
#include "sc-chart-export.h"

int
main (int   argc,
      char *argv[])
{
  const char *dir = argc > 1 ? argv[1] : ".";
  double w = argc > 2 ? atof (argv[2]) : 800, h = argc > 3 ? atof (argv[3]) : 450;
  double scale = argc > 4 ? atof (argv[4]) : 1;
  const char *only = argc > 5 ? argv[5] : NULL;

  setlocale (LC_ALL, "");
  for (ScChartKind k = 0; k < SC_CHART_N_KINDS; k++)
    for (SampleVariant v = 0; v < N_SAMPLES; v++)
      for (int l = 0; l < 2; l++)
        {
          const char *lang = l ? "zh" : "en";
          g_autoptr(ScChartModel) m = sample_model (k, v, lang);
          g_autofree char *name = g_strdup_printf ("%s-%s-%s.png", sc_chart_kind_to_string (k), sample_variant_name (v), lang);
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autoptr(GError) error = NULL;

          if (only != NULL && !g_str_has_prefix (name, only))
            continue;
          if (!sc_chart_export (m, path, SC_CHART_FORMAT_PNG, w, h, scale, &error))
            g_printerr ("%s: %s\n", name, error->message);
        }
  return 0;
}
