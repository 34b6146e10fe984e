/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-drivers.h"

#include "sc-chart-format.h"
#include "sc-chart-from-result.h"
#include "sc-report.h"

#include <glib/gi18n.h>
#include <math.h>

/* Palette entries of the two ends: light for the low, dark for the high,
 * apart in greyscale too. */
#define COLOR_LOW  5
#define COLOR_HIGH 0

static const char *
platform_name (ScCatalog  *catalog,
               const char *platform,
               const char *lang)
{
  const ScBaseline *baseline = catalog != NULL ? sc_catalog_find_baseline (catalog, platform) : NULL;

  if (baseline != NULL && (baseline->name.zh != NULL || baseline->name.en != NULL))
    return sc_text_get (&baseline->name, lang);
  return platform;
}

static double
swing (const ScRangeDriver *driver)
{
  return fabs (driver->diff_high - driver->diff_low);
}

static int
by_swing (gconstpointer a,
          gconstpointer b)
{
  double sa = swing (*(const ScRangeDriver *const *) a);
  double sb = swing (*(const ScRangeDriver *const *) b);

  return (sa < sb) - (sa > sb);
}

/* Fills @model (titles and notes already set) with the rows of @analysis. */
static void
fill (ScChartModel          *model,
      const ScRangeAnalysis *analysis,
      ScCatalog             *catalog)
{
  const char *lang = model->lang;
  const char *leader, *runner_up;
  g_autoptr(GPtrArray) rows = NULL;
  ScChartSeries *low, *high;
  double central;
  guint shown;

  if (analysis == NULL)
    return;
  if (analysis->runner_up >= analysis->n_platforms || analysis->leader >= analysis->n_platforms)
    {
      g_free (model->empty_message);
      model->empty_message = g_strdup (_("Fewer than two platforms: there is no lead to change"));
      return;
    }
  leader = platform_name (catalog, analysis->platforms[analysis->leader], lang);
  runner_up = platform_name (catalog, analysis->platforms[analysis->runner_up], lang);
  central = analysis->central[analysis->leader] - analysis->central[analysis->runner_up];
  if (analysis->drivers == NULL || analysis->drivers->len == 0)
    {
      g_free (model->empty_message);
      /* TRANSLATORS: the drivers chart with nothing to draw; %s are two platforms */
      model->empty_message = g_strdup_printf (_("No assumption with a range moves the difference between %s and %s"),
                                              leader, runner_up);
      return;
    }

  /* Largest swing first (the analysis sorts them so; a stable sort keeps
   * its order of equal swings). */
  rows = g_ptr_array_copy (analysis->drivers, NULL, NULL);
  /* The copy takes the analysis' free function too: these rows are only
   * borrowed. */
  g_ptr_array_set_free_func (rows, NULL);
  g_ptr_array_sort (rows, by_swing);
  shown = MIN (rows->len, SC_CHART_DRIVERS_MAX_ROWS);

  g_free (model->empty_message);
  model->empty_message = NULL;
  for (guint i = 0; i < shown; i++)
    {
      const ScRangeDriver *d = g_ptr_array_index (rows, i);

      if (d->flips && d->flip_text != NULL)
        {
          /* TRANSLATORS: a row of the drivers chart: the assumption, then the
           * value at which the leading two tie ("… (tie at 2026-08-15)") */
          g_autofree char *label = g_strdup_printf (_("%s (tie at %s)"), d->label, d->flip_text);

          sc_chart_model_add_category (model, label);
        }
      else
        sc_chart_model_add_category (model, d->label);
    }
  /* TRANSLATORS: legend of the drivers chart: the bar with the assumption at the low end of its range */
  low = sc_chart_model_add_series (model, _("Assumption at its low"), COLOR_LOW);
  /* TRANSLATORS: legend of the drivers chart: the bar with the assumption at the high end of its range */
  high = sc_chart_model_add_series (model, _("Assumption at its high"), COLOR_HIGH);
  for (guint i = 0; i < shown; i++)
    {
      const ScRangeDriver *d = g_ptr_array_index (rows, i);

      sc_chart_series_set (low, i, d->diff_low, FALSE, d->low_text);
      sc_chart_series_set (high, i, d->diff_high, FALSE, d->high_text);
    }

  model->bar_origin = central;
  model->marker_x = central;
  {
    g_autofree char *number = sc_chart_format_number (fabs (central), lang, 3);

    g_free (model->marker_label);
    /* TRANSLATORS: names the drivers chart's line at the central values:
     * "Kuaishou ahead by ¥3,650 (central)" */
    model->marker_label = g_strdup_printf (_("%s ahead by ¥%s (central)"), central >= 0 ? leader : runner_up, number);
  }
  g_free (model->zero_label);
  /* TRANSLATORS: names the line where the two platforms' values are equal */
  model->zero_label = g_strdup (_("tie"));
  g_free (model->x_axis);
  /* TRANSLATORS: the drivers chart's axis: the runner-up ahead to the left,
   * the leader to the right: "← Douyin ahead · difference in yuan · Kuaishou ahead →" */
  model->x_axis = g_strdup_printf (_("← %s ahead · difference in yuan · %s ahead →"), runner_up, leader);
  g_clear_pointer (&model->value_axis, g_free);

  if (analysis->robust)
    {
      /* TRANSLATORS: drivers chart footnote */
      g_autofree char *line = g_strdup_printf (_("%s stays ahead under every assumption in range"), leader);

      sc_chart_model_add_footnote (model, line);
    }
  else
    sc_chart_model_add_footnote (model, _("A bar that crosses the tie line can change which platform leads"));
  if (rows->len > shown)
    {
      g_autofree char *line =
        /* TRANSLATORS: drivers chart footnote */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u assumption with a smaller swing is not shown",
                                      "%u assumptions with a smaller swing are not shown", rows->len - shown),
                         rows->len - shown);

      sc_chart_model_add_footnote (model, line);
    }
}

ScChartModel *
sc_chart_model_new_drivers (const ScRangeAnalysis *analysis,
                            ScCatalog             *catalog,
                            const char            *lang)
{
  ScChartModel *model = sc_chart_model_new (SC_CHART_DRIVERS);

  sc_chart_model_set_lang (model, lang != NULL ? lang : analysis != NULL ? analysis->lang : NULL);
  sc_chart_model_set_title (model, _("What could change the lead"), NULL);
  model->empty_message = g_strdup (_("The assumptions' ranges are not worked out for this estimate"));
  fill (model, analysis, catalog);
  return model;
}

ScChartModel *
sc_chart_model_from_ranges (ScCatalog             *catalog,
                            const ScProfile       *profile,
                            const ScResult        *result,
                            const ScRangeAnalysis *analysis,
                            const char            *lang)
{
  ScChartModel *model;

  g_return_val_if_fail (result != NULL, NULL);

  model = sc_chart_model_from_result (SC_CHART_DRIVERS, catalog, profile, result, NULL, lang);
  fill (model, analysis, catalog);
  return model;
}

ScChartModel *
sc_chart_model_drivers (ScCatalog             *catalog,
                        const ScProfile       *profile,
                        const ScResult        *result,
                        const ScRangeAnalysis *cached,
                        const char            *lang)
{
  g_autoptr(ScRangeAnalysis) own = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  if (lang == NULL)
    lang = result->lang;
  /* @cached in another language, or of an older result, is worked out again. */
  if (profile != NULL)
    cached = sc_report_resolve_ranges (catalog, profile, result, cached, lang, &own);
  return sc_chart_model_from_ranges (catalog, profile, result, cached, lang);
}
