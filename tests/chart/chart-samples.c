/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "chart-samples.h"

#include "sc-catalog.h"
#include "sc-chart-drivers.h"
#include "sc-chart-from-result.h"
#include "sc-engine.h"
#include "sc-profile.h"

#include <math.h>

/* Made-up numbers for drawing tests only; no policy number comes from here. */

const char *
sample_variant_name (SampleVariant variant)
{
  static const char *const names[] = { "normal", "zeros", "one", "negative", "huge", "long-names", "many" };

  return names[variant];
}

static const char *
pick (const char *lang,
      const char *zh,
      const char *en)
{
  return g_str_equal (lang, "zh") ? zh : en;
}

static guint
add_platforms (ScChartModel *m,
               SampleVariant v,
               const char   *lang)
{
  static const char *const zh[] = { "快手", "抖音", "京东", "淘宝" };
  static const char *const en[] = { "Kuaishou", "Douyin", "JD", "Taobao" };
  guint n = v == SAMPLE_ONE ? 1 : (v == SAMPLE_NORMAL ? 2 : 4);

  for (guint i = 0; i < n; i++)
    {
      if (v == SAMPLE_LONG_NAMES)
        sc_chart_model_add_category (m, pick (lang, "快手电商商家扶持星耀计划二零二六年度完整版本名称示例很长很长",
                                              "Kuaishou Star Plan 2026 merchant support long"));
      else
        sc_chart_model_add_category (m, g_str_equal (lang, "zh") ? zh[i] : en[i]);
    }
  return n;
}

static double
scaled (SampleVariant v,
        double        x)
{
  switch (v)
    {
    case SAMPLE_ZEROS:
      return 0;
    case SAMPLE_HUGE:
      return x * 1e12 / 30000;
    case SAMPLE_NEGATIVE:
      return x - 16000;
    default:
      return x;
    }
}

static void
finish (ScChartModel *m,
        const char   *lang,
        const char   *title)
{
  sc_chart_model_set_title (m, title,
                            pick (lang, "新开企业店·服饰 · 评估日 2026-11-22 · 12 个月",
                                  "New enterprise store, apparel · as of 2026-11-22 · 12 months"));
  m->value_axis = g_strdup (pick (lang, "元", "yuan"));
  sc_chart_model_add_footnote (m, pick (lang, "数据：kuaishou.star-plan-2026 第1版；douyin.nine-measures-2026 第1版",
                                        "Data: kuaishou.star-plan-2026 r1; douyin.nine-measures-2026 r1"));
  sc_chart_model_add_assumption (m, pick (lang, "每千次曝光 20 元（假设）", "20 yuan per 1,000 exposures (assumed)"));
  m->profile_name = g_strdup (pick (lang, "示例商家", "Example merchant"));
  m->data_revision = g_strdup ("kuaishou.star-plan-2026 r1");
}

void
sample_analysis_free (ScRangeAnalysis *analysis)
{
  for (guint i = 0; i < analysis->drivers->len; i++)
    {
      ScRangeDriver *d = g_ptr_array_index (analysis->drivers, i);

      g_free (d->key);
      g_free (d->label);
      g_free (d->note);
      g_free (d->central_text);
      g_free (d->low_text);
      g_free (d->high_text);
      g_free (d->score_low);
      g_free (d->score_high);
      g_free (d->flip_text);
      g_free (d);
    }
  g_ptr_array_unref (analysis->drivers);
  g_free (analysis->lang);
  g_strfreev (analysis->platforms);
  g_free (analysis->central);
  g_free (analysis->low);
  g_free (analysis->high);
  g_free (analysis);
}

ScRangeDriver *
sample_driver_add (ScRangeAnalysis *analysis,
                   const char      *label,
                   double           diff_low,
                   double           diff_high,
                   const char      *low_text,
                   const char      *high_text)
{
  ScRangeDriver *d = g_new0 (ScRangeDriver, 1);

  d->key = g_strdup_printf ("sample:%u", analysis->drivers->len);
  d->label = g_strdup (label);
  d->low_text = g_strdup (low_text);
  d->high_text = g_strdup (high_text);
  d->diff_low = diff_low;
  d->diff_high = diff_high;
  d->flips = (diff_low < 0) != (diff_high < 0);
  d->flip_value = NAN;
  g_ptr_array_add (analysis->drivers, d);
  return d;
}

ScRangeAnalysis *
sample_analysis (const char *lang,
                 double      leader,
                 double      runner_up)
{
  ScRangeAnalysis *a = g_new0 (ScRangeAnalysis, 1);
  const char *const platforms[] = { "douyin", "kuaishou", NULL };

  a->lang = g_strdup (lang);
  a->n_platforms = 2;
  a->platforms = g_strdupv ((char **) platforms);
  a->central = g_new0 (double, 2);
  a->low = g_new0 (double, 2);
  a->high = g_new0 (double, 2);
  /* Kuaishou leads. */
  a->central[1] = leader;
  a->central[0] = runner_up;
  a->leader = 1;
  a->runner_up = 0;
  a->robust = TRUE;
  a->drivers = g_ptr_array_new ();
  return a;
}

/* The drivers chart of a made-up analysis: Kuaishou 13,468 against Douyin
 * 9,823 at the centre, a difference of 3,645. */
static ScChartModel *
sample_drivers (SampleVariant v,
                const char   *lang)
{
  ScRangeAnalysis *a = sample_analysis (lang, scaled (v, 13468), scaled (v, 9823));
  double c = a->central[1] - a->central[0];
  guint n = v == SAMPLE_ONE ? 1 : v == SAMPLE_MANY ? 30 : 5;
  ScChartModel *m;

  for (guint i = 0; i < n; i++)
    {
      /* Swings of 6,582, 3,000, 1,500 … halving; one (the first) crosses the tie. */
      double half = (i == 0 ? 6582 : 3000.0 / (1 << MIN (i - 1, 20))) * (v == SAMPLE_HUGE ? 1e12 / 30000 : 1);
      g_autofree char *label = NULL;

      if (v == SAMPLE_ZEROS)
        half = 0;
      if (v == SAMPLE_LONG_NAMES)
        label = g_strdup (pick (lang, "快手电商商家扶持星耀计划二零二六年度三折活动期的结束日期（假设）很长很长",
                                "End of the Kuaishou Star Plan 2026 thirty-percent discount activity period (assumed)"));
      else if (i == 0)
        label = g_strdup (pick (lang, "三折活动期结束（假设）", "End of the 30% discount activity (assumed)"));
      else
        label = g_str_equal (lang, "zh") ? g_strdup_printf ("假设 %u", i + 1) : g_strdup_printf ("Assumption %u", i + 1);
      sample_driver_add (a, label, i == 0 ? c - half : c + half * 0.6, i == 0 ? c + half * 0.2 : c - half * 0.4,
                         i == 0 ? "2026-03-31" : "3%", i == 0 ? "2026-12-31" : "9%");
    }
  a->robust = v == SAMPLE_ZEROS;
  m = sc_chart_model_new_drivers (a, NULL, lang);
  sample_analysis_free (a);
  return m;
}

ScChartModel *
sample_model (ScChartKind   kind,
              SampleVariant v,
              const char   *lang)
{
  ScChartModel *m = sc_chart_model_new (kind);
  guint n;

  sc_chart_model_set_lang (m, lang);

  switch (kind)
    {
    case SC_CHART_OVERVIEW:
    case SC_CHART_SCENARIOS:
    case SC_CHART_SUBSIDIES:
    case SC_CHART_FEES:
    case SC_CHART_TRAFFIC:
      {
        static const double base[3][4] = {
          { 28400, 9200, 4600, 1200 },
          { 20000, 36000, 0, 8000 },
          { 6000, 12500, 3000, 2500 },
        };
        const char *names_zh[3], *names_en[3];
        guint ns = 3;

        n = add_platforms (m, v, lang);
        if (kind == SC_CHART_OVERVIEW)
          {
            names_zh[0] = "费用节省"; names_en[0] = "Fees saved";
            names_zh[1] = "补贴"; names_en[1] = "Subsidies";
            names_zh[2] = "流量价值"; names_en[2] = "Traffic value";
          }
        else if (kind == SC_CHART_SUBSIDIES)
          {
            names_zh[0] = "现金"; names_en[0] = "Cash";
            names_zh[1] = "广告金"; names_en[1] = "Ad credit";
            names_zh[2] = "优惠券"; names_en[2] = "Coupons";
          }
        else if (kind == SC_CHART_FEES)
          {
            names_zh[0] = "扶持前费用"; names_en[0] = "Fees before";
            names_zh[1] = "扶持后费用"; names_en[1] = "Fees after";
            ns = 2;
          }
        else
          {
            names_zh[0] = "流量价值"; names_en[0] = "Traffic value";
            ns = 1;
          }
        for (guint s = 0; s < ns; s++)
          {
            ScChartSeries *series = sc_chart_model_add_series (m, pick (lang, names_zh[s], names_en[s]), s);

            for (guint i = 0; i < n; i++)
              {
                double value = scaled (v, base[s][i % 4] * (kind == SC_CHART_FEES ? 3 - s * 1.6 : 1));
                g_autofree char *label = NULL;

                if (kind == SC_CHART_TRAFFIC && v == SAMPLE_NORMAL)
                  label = g_str_equal (lang, "zh")
                            ? g_strdup_printf ("%.1f万 · %d万次曝光", value / 1e4, (int) (value / 200))
                            : g_strdup_printf ("%.1fk · %dk exposures", value / 1e3, (int) (value / 20));
                sc_chart_series_set (series, i, value, s == 2 || kind == SC_CHART_TRAFFIC, label);
              }
          }
        finish (m, lang, kind == SC_CHART_OVERVIEW ? pick (lang, "各平台扶持价值", "Support value by platform")
                         : kind == SC_CHART_FEES ? pick (lang, "扶持前后的平台费用", "Platform fees before and after")
                         : kind == SC_CHART_SUBSIDIES ? pick (lang, "补贴构成", "Subsidies by type")
                         : pick (lang, "免费流量", "Free traffic"));
        break;
      }

    case SC_CHART_MEASURES:
      {
        guint count = v == SAMPLE_MANY ? 30 : v == SAMPLE_ONE ? 1 : 8;
        ScChartSeries *ks = sc_chart_model_add_series (m, pick (lang, "快手", "Kuaishou"), 0);
        ScChartSeries *dy = sc_chart_model_add_series (m, pick (lang, "抖音", "Douyin"), 1);

        for (guint i = 0; i < count; i++)
          {
            g_autofree char *name = NULL;
            double value = scaled (v, 24000.0 / (i + 1));

            if (v == SAMPLE_LONG_NAMES)
              name = g_strdup (pick (lang, "新商家入驻首月动销即享至高一万元现金奖励与磁力金牛广告金双重激励计划措施",
                                     "First-sale cash reward and Jinniu ad credit, up to"));
            else
              name = g_str_equal (lang, "zh") ? g_strdup_printf ("措施 %u：新商首销奖励", i + 1)
                                              : g_strdup_printf ("Measure %u: first-sale reward", i + 1);
            sc_chart_model_add_category (m, name);
            sc_chart_series_set (i % 2 ? dy : ks, i, value, i == 2, NULL);
            sc_chart_series_set (i % 2 ? ks : dy, i, 0, FALSE, NULL);
          }
        finish (m, lang, pick (lang, "各项措施的贡献", "What each measure contributes"));
        break;
      }

    case SC_CHART_CUMULATIVE:
    case SC_CHART_SENSITIVITY:
      {
        guint points = v == SAMPLE_ONE ? 1 : v == SAMPLE_MANY ? 30 : 12;
        guint ns = v == SAMPLE_ONE ? 1 : 2;

        for (guint i = 0; i < points; i++)
          {
            if (kind == SC_CHART_CUMULATIVE)
              {
                g_autofree char *label = g_str_equal (lang, "zh") ? g_strdup_printf ("%u月", i % 12 + 1)
                                                                  : g_strdup_printf ("2027-%02u", i % 12 + 1);
                sc_chart_model_add_category (m, label);
              }
            else
              {
                double x = 10000.0 * (i + 1);
                g_array_append_val (m->x_values, x);
              }
          }
        for (guint s = 0; s < ns; s++)
          {
            ScChartSeries *series = sc_chart_model_add_series (m, pick (lang, s ? "抖音" : "快手", s ? "Douyin" : "Kuaishou"), s);

            for (guint i = 0; i < points; i++)
              {
                double value = kind == SC_CHART_CUMULATIVE
                                 ? (s ? 3000.0 * (i + 1) : 8000 + 1200.0 * (i + 1))
                                 : (s ? 800 + 0.18 * 10000 * (i + 1) : 9000 + 0.05 * 10000 * (i + 1));
                sc_chart_series_set (series, i, scaled (v, value), s == 1, NULL);
              }
          }
        if (kind == SC_CHART_SENSITIVITY)
          {
            /* Where the lines cross (the builder takes it from sc_sweep_crossovers()). */
            if (ns > 1 && v != SAMPLE_ZEROS)
              sc_chart_model_add_crossover (m, 8200 / 0.13, scaled (v, 9000 + 0.05 * 8200 / 0.13));
            m->x_axis = g_strdup (pick (lang, "月 GMV（元）", "Monthly GMV (yuan)"));
            m->x_is_money = TRUE;
          }
        finish (m, lang, kind == SC_CHART_CUMULATIVE ? pick (lang, "累计价值（按月）", "Cumulative value by month")
                                                     : pick (lang, "总价值随月 GMV 的变化", "Total value against monthly GMV"));
        break;
      }

    case SC_CHART_TIMELINE:
      {
        guint rows = add_platforms (m, v == SAMPLE_NORMAL ? SAMPLE_HUGE : v, lang);
        guint count = v == SAMPLE_MANY ? 30 : v == SAMPLE_ONE ? 1 : 7;

        m->x_min = 2022;
        m->x_max = 2027;
        m->marker_x = 2026 + 325.0 / 365;
        m->marker_label = g_strdup (pick (lang, "评估日", "As of"));
        if (v == SAMPLE_ZEROS)
          count = 0;
        for (guint i = 0; i < count; i++)
          {
            g_autofree char *label = NULL;
            double start = 2022 + fmod (i * 0.73, 4.5);
            ScChartSpan *span;

            if (v == SAMPLE_LONG_NAMES)
              label = g_strdup (pick (lang, "快手电商商家扶持星耀计划二零二六年度完整版本名称示例很长很长",
                                      "Kuaishou Star Plan 2026 merchant support long"));
            else
              label = g_str_equal (lang, "zh") ? g_strdup_printf ("项目 %u", i + 1)
                                               : g_strdup_printf ("Program %u", i + 1);
            span = sc_chart_model_add_span (m, i % rows, label, start, start + 0.4 + (i % 3) * 0.3,
                                            (ScChartSpanStatus) (i % SC_CHART_SPAN_N_STATUS));
            span->open_end = i == 4;
            span->assumed = i == 1;
          }
        finish (m, lang, pick (lang, "各平台扶持计划时间线", "Support programs by platform"));
        break;
      }

    case SC_CHART_DRIVERS:
      sc_chart_model_free (m);
      return sample_drivers (v, lang);

    case SC_CHART_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  return m;
}

/* --- the command line's model ---------------------------------------------- */

ScChartModel *
sample_cli_model_full (ScChartKind  kind,
                       ScSweep    **sweep_out)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(ScResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ScEngineOptions options = { .lang = "en" };
  g_autoptr(ScSweep) sweep = NULL;
  ScChartModel *model;

  sc_catalog_add_defaults (catalog);
  profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_assert_no_error (error);
  profile->as_of = sc_day_parse ("2026-11-22");

  result = sc_engine_evaluate (catalog, profile, &options);
  if (kind == SC_CHART_SENSITIVITY)
    sweep = sc_sweep_over_monthly_gmv (catalog, profile, NULL, "en");
  if (kind == SC_CHART_DRIVERS)
    model = sc_chart_model_drivers (catalog, profile, result, NULL, "en");
  else
    model = sc_chart_model_from_result (kind, catalog, profile, result, sweep, "en");
  if (sweep_out != NULL)
    *sweep_out = g_steal_pointer (&sweep);
  return model;
}

ScChartModel *
sample_cli_model (ScChartKind kind)
{
  return sample_cli_model_full (kind, NULL);
}
