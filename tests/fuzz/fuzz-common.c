/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-fuzz"

#include "config.h"

#include "fuzz-common.h"

#include <locale.h>
#include <math.h>

#include "sc-chart-export.h"
#include "sc-chart-from-result.h"
#include "sc-report.h"

static ScCatalog *bundled;

void
sc_fuzz_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;
  if (g_getenv ("SHANGCE_DATA_DIR") == NULL)
    g_setenv ("SHANGCE_DATA_DIR", SC_FUZZ_DATA_DIR, TRUE);
  /* The user's own program folder must not change what a fuzz run sees. */
  if (g_getenv ("XDG_DATA_HOME") == NULL)
    g_setenv ("XDG_DATA_HOME", "/nonexistent-shangce-fuzz", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  /* A warning or critical on hostile input is a finding like a crash. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_once_init_leave (&done, 1);
}

ScCatalog *
sc_fuzz_bundled_catalog (void)
{
  sc_fuzz_init ();
  if (bundled == NULL)
    {
      g_autofree char *dir = g_build_filename (sc_data_dir (), "programs", NULL);

      bundled = sc_catalog_new ();
      sc_catalog_add_directory (bundled, dir, SC_ORIGIN_BUNDLED);
    }
  return bundled;
}

static void
check_numbers (const double *values,
               gsize         n,
               const char   *what)
{
  for (gsize i = 0; i < n; i++)
    if (!isfinite (values[i]))
      g_error ("%s[%" G_GSIZE_FORMAT "] is %g", what, i, values[i]);
}

void
sc_fuzz_check_result (const ScResult *result)
{
  for (guint i = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *m = g_ptr_array_index (result->measures, i);

      check_numbers (m->totals, SC_N_AMOUNTS, "measure totals");
      if (m->monthly != NULL)
        check_numbers (m->monthly, (gsize) m->n_months * SC_N_AMOUNTS, "measure monthly");
    }
  for (guint i = 0; i < result->programs->len; i++)
    {
      const ScProgramResult *p = g_ptr_array_index (result->programs, i);

      check_numbers (p->totals, SC_N_AMOUNTS, "program totals");
    }
  for (guint i = 0; i < result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (result->platforms, i);

      check_numbers (p->totals, SC_N_AMOUNTS, "platform totals");
      check_numbers (p->fee_gross, SC_N_FEES, "platform fee_gross");
      check_numbers (p->fee_reduction, SC_N_FEES, "platform fee_reduction");
      if (p->monthly != NULL)
        check_numbers (p->monthly, (gsize) p->n_months * SC_N_AMOUNTS, "platform monthly");
    }
}

void
sc_fuzz_check_model (const ScChartModel *model)
{
  for (guint i = 0; i < model->series->len; i++)
    {
      const ScChartSeries *s = g_ptr_array_index (model->series, i);

      for (guint j = 0; j < s->values->len; j++)
        {
          double v = g_array_index (s->values, double, j);

          if (!isfinite (v))
            g_error ("chart series %u point %u is %g", i, j, v);
        }
    }
  check_numbers ((const double *) (gpointer) model->x_values->data, model->x_values->len,
                 "chart x values");
  for (guint i = 0; i < model->spans->len; i++)
    {
      const ScChartSpan *span = g_ptr_array_index (model->spans, i);
      double ends[2] = { span->start, span->end };

      check_numbers (ends, 2, "chart span");
    }
}

static void
check_rect (const ScChartRect *r,
            const char        *what)
{
  double v[4] = { r->x, r->y, r->width, r->height };

  check_numbers (v, 4, what);
}

void
sc_fuzz_check_layout (const ScChartLayout *layout)
{
  double frame[3] = { layout->width, layout->height, layout->unit };

  check_numbers (frame, 3, "layout size");
  check_rect (&layout->plot, "layout plot");
  check_rect (&layout->label_area, "layout label area");
  for (guint i = 0; i < layout->grid->len; i++)
    {
      const ScChartGridline *g = &g_array_index (layout->grid, ScChartGridline, i);
      double v[4] = { g->x1, g->y1, g->x2, g->y2 };

      check_numbers (v, 4, "layout gridline");
    }
  for (guint i = 0; i < layout->bars->len; i++)
    check_rect (&g_array_index (layout->bars, ScChartBar, i).rect, "layout bar");
  for (guint i = 0; i < layout->lines->len; i++)
    {
      const ScChartLine *line = g_ptr_array_index (layout->lines, i);

      /* The layout would draw a NAN point as a gap, but nothing a user
       * enters may produce one: a gap would hide a value. */
      for (guint j = 0; j < line->points->len; j++)
        {
          const ScChartPoint *p = &g_array_index (line->points, ScChartPoint, j);

          if (!isfinite (p->x) || !isfinite (p->y))
            g_error ("layout line %u point %u is (%g, %g)", i, j, p->x, p->y);
        }
    }
  for (guint i = 0; i < layout->spans->len; i++)
    check_rect (&g_array_index (layout->spans, ScChartSpanBox, i).rect, "layout span");
  for (guint i = 0; i < layout->legend->len; i++)
    check_rect (&g_array_index (layout->legend, ScChartLegendItem, i).swatch, "layout legend");
  for (guint i = 0; i < layout->markers->len; i++)
    {
      const ScChartMarker *m = &g_array_index (layout->markers, ScChartMarker, i);
      double v[3] = { m->x, m->y, m->radius };

      check_numbers (v, 3, "layout marker");
    }
  if (layout->has_rule)
    {
      double v[4] = { layout->rule.x1, layout->rule.y1, layout->rule.x2, layout->rule.y2 };

      check_numbers (v, 4, "layout rule");
    }
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);
      double v[4] = { t->size, t->offset_x, t->offset_y, t->wrap_width };

      g_assert_nonnull (t->text);
      g_assert_true (g_utf8_validate (t->text, -1, NULL));
      check_rect (&t->rect, "layout text");
      check_numbers (v, 4, "layout text metrics");
    }
}

void
sc_fuzz_exercise_profile (ScCatalog       *catalog,
                          const ScProfile *profile,
                          gboolean         render)
{
  static const char *const langs[] = { "zh", "en" };
  static const ScReportFormat formats[] = { SC_REPORT_TEXT, SC_REPORT_CSV, SC_REPORT_JSON };

  if (profile->as_of == SC_DAY_NONE)
    return;

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      ScEngineOptions options = { .lang = langs[l] };
      g_autoptr(ScResult) result = sc_engine_evaluate (catalog, profile, &options);

      g_assert_nonnull (result);
      sc_fuzz_check_result (result);

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autoptr(GBytes) bytes = sc_report_build (catalog, profile, result, formats[f], langs[l]);
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);

          g_assert_nonnull (bytes);
          g_assert_true (g_utf8_validate (data, (gssize) size, NULL));
        }

      /* The sweep behind the sensitivity chart is the slow part: one
       * language is enough for it. */
      for (guint k = 0; k < SC_CHART_N_KINDS; k++)
        {
          g_autoptr(ScChartModel) model = NULL;
          g_autoptr(ScChartLayout) layout = NULL;
          g_autoptr(ScSweep) sweep = NULL;

          if (k == SC_CHART_SENSITIVITY && l > 0)
            continue;
          if (k == SC_CHART_SENSITIVITY)
            sweep = sc_sweep_over_monthly_gmv (catalog, profile, NULL, langs[l]);
          model = sc_chart_model_from_result ((ScChartKind) k, catalog, profile, result, sweep, langs[l]);
          g_assert_nonnull (model);
          sc_fuzz_check_model (model);
          layout = sc_chart_layout_new (model, 480, 270);
          sc_fuzz_check_layout (layout);

          /* Drawing costs milliseconds: the overview in one language. */
          if (render && l == 0 && k == SC_CHART_OVERVIEW)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(GBytes) png = sc_chart_render (model, SC_CHART_FORMAT_PNG, 320, 180, 1, &error);
              g_autoptr(GBytes) svg = NULL;

              g_assert_no_error (error);
              g_assert_nonnull (png);
              svg = sc_chart_render (model, SC_CHART_FORMAT_SVG, 320, 180, 1, &error);
              g_assert_no_error (error);
              g_assert_nonnull (svg);
            }
        }
    }
}
