/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-fuzz"

#include "config.h"

#include "fuzz-common.h"

#include <locale.h>
#include <math.h>

#include "sc-chart-export.h"
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

          if (isinf (v))
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

      /* NAN points are documented gaps in a line; infinities are not. */
      for (guint j = 0; j < line->points->len; j++)
        {
          const ScChartPoint *p = &g_array_index (line->points, ScChartPoint, j);

          if (isinf (p->x) || isinf (p->y) || isnan (p->x) != isnan (p->y))
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

static double
subsidies (const double *totals)
{
  return totals[SC_AMOUNT_CASH] + totals[SC_AMOUNT_AD_CREDIT] + totals[SC_AMOUNT_COUPON];
}

GPtrArray *
sc_fuzz_build_models (const ScResult *result,
                      const ScSweep  *sweep,
                      const char     *lang)
{
  GPtrArray *models = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_model_free);
  ScChartModel *overview = sc_chart_model_new (SC_CHART_OVERVIEW);
  ScChartModel *cumulative = sc_chart_model_new (SC_CHART_CUMULATIVE);
  ScChartModel *measures = sc_chart_model_new (SC_CHART_MEASURES);
  ScChartSeries *fees, *subs, *traffic, *contribution;

  g_ptr_array_add (models, overview);
  g_ptr_array_add (models, cumulative);
  g_ptr_array_add (models, measures);

  sc_chart_model_set_lang (overview, lang);
  sc_chart_model_set_title (overview, "Overview", NULL);
  fees = sc_chart_model_add_series (overview, "Fees saved", 0);
  subs = sc_chart_model_add_series (overview, "Subsidies", 1);
  traffic = sc_chart_model_add_series (overview, "Traffic value", 2);
  sc_chart_model_set_lang (cumulative, lang);
  for (guint m = 0; m < result->horizon_months; m++)
    {
      g_autofree char *label = g_strdup_printf ("%u", m + 1);

      sc_chart_model_add_category (cumulative, label);
    }

  for (guint i = 0; i < result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (result->platforms, i);
      gboolean assumed = (p->basis & SC_BASIS_ASSUMED) != 0;
      ScChartSeries *line;
      double sum = 0;

      sc_chart_model_add_category (overview, p->platform);
      sc_chart_series_set (fees, i, p->totals[SC_AMOUNT_FEE_REDUCTION], assumed, NULL);
      sc_chart_series_set (subs, i, subsidies (p->totals), assumed, NULL);
      sc_chart_series_set (traffic, i, p->totals[SC_AMOUNT_TRAFFIC_VALUE], assumed, NULL);

      line = sc_chart_model_add_series (cumulative, p->platform, i);
      for (guint m = 0; m < result->horizon_months; m++)
        {
          sum += sc_result_month_value (p->monthly, p->n_months, m, SC_AMOUNT_TOTAL_VALUE);
          sc_chart_series_set (line, m, sum, assumed, NULL);
        }
    }

  sc_chart_model_set_lang (measures, lang);
  contribution = sc_chart_model_add_series (measures, "Value", 0);
  for (guint i = 0, n = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *m = g_ptr_array_index (result->measures, i);

      if (m->status != SC_MEASURE_ELIGIBLE || m->cut_by_group)
        continue;
      sc_chart_model_add_category (measures, m->measure->id);
      sc_chart_series_set (contribution, n++, m->totals[SC_AMOUNT_TOTAL_VALUE],
                           (m->basis & SC_BASIS_ASSUMED) != 0, NULL);
    }

  if (sweep != NULL)
    {
      ScChartModel *sensitivity = sc_chart_model_new (SC_CHART_SENSITIVITY);

      g_ptr_array_add (models, sensitivity);
      sc_chart_model_set_lang (sensitivity, lang);
      sensitivity->x_is_money = TRUE;
      g_array_append_vals (sensitivity->x_values, sweep->points, sweep->n_points);
      for (guint p = 0; p < sweep->n_platforms; p++)
        {
          ScChartSeries *s = sc_chart_model_add_series (sensitivity, sweep->platforms[p], p);

          for (guint k = 0; k < sweep->n_points; k++)
            sc_chart_series_set (s, k, sc_sweep_get (sweep, p, k), FALSE, NULL);
        }
    }
  return models;
}

void
sc_fuzz_exercise_profile (ScCatalog       *catalog,
                          const ScProfile *profile,
                          gboolean         render)
{
  static const char *const langs[] = { "zh", "en" };
  static const ScReportFormat formats[] = { SC_REPORT_TEXT, SC_REPORT_CSV, SC_REPORT_JSON };
  double gmv = sc_profile_get_number (profile, SC_FIELD_MONTHLY_GMV, 50000);
  double points[4] = { 0, gmv / 2, gmv, gmv * 2 };
  g_autoptr(ScSweep) sweep = NULL;

  if (profile->as_of == SC_DAY_NONE)
    return;

  sweep = sc_engine_sweep (catalog, profile, SC_FIELD_MONTHLY_GMV, points, G_N_ELEMENTS (points), NULL);
  g_assert_nonnull (sweep);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      ScEngineOptions options = { .lang = langs[l] };
      g_autoptr(ScResult) result = sc_engine_evaluate (catalog, profile, &options);
      g_autoptr(GPtrArray) models = NULL;

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

      models = sc_fuzz_build_models (result, sweep, langs[l]);
      for (guint i = 0; i < models->len; i++)
        {
          const ScChartModel *model = g_ptr_array_index (models, i);
          g_autoptr(ScChartLayout) layout = NULL;

          sc_fuzz_check_model (model);
          layout = sc_chart_layout_new (model, 480, 270);
          sc_fuzz_check_layout (layout);

          /* Drawing is the slow part: once per profile is enough. */
          if (render && l == 0 && i == 0)
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
