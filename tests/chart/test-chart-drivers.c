/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The drivers chart's labels (issue 13): no value label on the central
 * rule or the tie line or on another text, and row labels that wrap
 * rather than lose their end; a program title cut short only past two
 * lines, and then said so.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chart-samples.h"
#include "sc-chart-drivers.h"
#include "sc-chart-layout.h"
#include "sc-chart-private.h"

/* The tie kept together: its spaces do not break (U+00A0). */
#define NBSP "\u00a0"

static const struct
{
  const char *en, *zh;
  double      low, high;
  const char *low_text, *high_text;
} rows[] = {
  /* Crosses the tie: its label at the low end would sit on the tie line. */
  { "January first sale: up to 1,000 orders free in 90 days, then 30% off: length of the discount",
    "1月首销：90天内最高免1000单，后续7折：折扣期长度", -2000, 4000, "355 days", "30 days" },
  /* Ends just past the tie: a wide label there would cover it. */
  { "Kuaishou: return-shipping fee", "快手：退货运费服务费", 800, 5000, "3 yuan per order", "0.5 yuan per order" },
  /* Ends on the central rule: its label must not touch the rule. */
  { "Nine merchant-support measures, 2026 upgrade: end of the window",
    "九大商家扶持政策（2026年升级方案）：截止日期", 500, 3000, "2026-06-30", "2026-12-31" },
  { "Leap gold plan (T30/T60/T90): tier 3 reward", "跃迁斗金计划（T30/T60/T90）：第3档奖励", 1200, 3400,
    "2,000 yuan", "500 yuan" },
  { "Cash value of ¥1 tied to the platform", "每1元限平台使用价值折合现金", 2600, 3300, "100%", "50%" },
  { "28,000 free traffic for 11 live hours in the first 7 days: exposures per unit",
    "首播7天开播满11小时得2.8万流量：每单位曝光次数", -400, 3500, "10", "1" },
};

/* Kuaishou 13,000 against Douyin 10,000: a lead of 3,000; the rows above. */
static ScRangeAnalysis *
crowded_analysis (const char *lang)
{
  ScRangeAnalysis *a = sample_analysis (lang, 13000, 10000);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      ScRangeDriver *d = sample_driver_add (a, g_str_equal (lang, "zh") ? rows[i].zh : rows[i].en, rows[i].low,
                                            rows[i].high, rows[i].low_text, rows[i].high_text);

      if (d->flips)
        d->flip_text = g_strdup ("259 days");
    }
  a->robust = FALSE;
  return a;
}

/* The x of the strong grid line (the tie, where 0 maps). */
static double
tie_x (const ScChartLayout *layout)
{
  for (guint i = 0; i < layout->grid->len; i++)
    {
      const ScChartGridline *g = &g_array_index (layout->grid, ScChartGridline, i);

      if (g->strong)
        return g->x1;
    }
  g_assert_not_reached ();
  return NAN;
}

static gboolean
crosses (const ScChartText *t,
         double             x)
{
  return x > t->rect.x - 1 && x < t->rect.x + t->rect.width + 1;
}

/* Whether @t, as the layout set it, lost its end to a "…". */
static gboolean
ellipsized (PangoLayout       *pl,
            const ScChartText *t)
{
  sc_chart_text_apply (pl, t);
  return pango_layout_is_ellipsized (pl);
}

static void
test_labels_clear (void)
{
  static const char *const langs[] = { "en", "zh" };
  static const double sizes[][2] = { { 800, 450 }, { 1600, 900 }, { 960, 540 }, { 640, 480 } };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        ScRangeAnalysis *analysis = crowded_analysis (langs[l]);
        g_autoptr(ScChartModel) model = sc_chart_model_new_drivers (analysis, NULL, langs[l]);
        g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, sizes[s][0], sizes[s][1]);
        PangoContext *context = sc_chart_text_context_new (pango_cairo_font_map_get_default (), langs[l]);
        PangoLayout *pl = pango_layout_new (context);
        double rule, tie;
        guint values = 0, categories = 0, wrapped = 0;

        g_test_message ("%s at %g×%g", langs[l], sizes[s][0], sizes[s][1]);
        g_assert_true (layout->has_rule);
        rule = layout->rule.x1;
        tie = tie_x (layout);
        /* The rows are such that some label would land on each line. */
        g_assert_cmpfloat (fabs (rule - tie), >, 20);

        for (guint i = 0; i < layout->texts->len; i++)
          {
            const ScChartText *t = g_ptr_array_index (layout->texts, i);

            if (!t->visible)
              continue;
            if (t->role == SC_CHART_TEXT_VALUE)
              {
                values++;
                if (crosses (t, rule) || crosses (t, tie))
                  g_error ("value “%s” at %.1f–%.1f is on the rule (%.1f) or the tie line (%.1f)", t->text,
                           t->rect.x, t->rect.x + t->rect.width, rule, tie);
              }
            if (t->role == SC_CHART_TEXT_CATEGORY)
              {
                categories++;
                if (ellipsized (pl, t))
                  g_error ("row label “%s” is cut short", t->text);
                if (t->wrap_width > 0)
                  {
                    sc_chart_text_apply (pl, t);
                    wrapped += pango_layout_get_line_count (pl) > 1;
                  }
              }
            for (guint j = 0; j < i; j++)
              {
                const ScChartText *o = g_ptr_array_index (layout->texts, j);

                if (o->visible && sc_chart_rect_intersects (&o->rect, &t->rect))
                  g_error ("“%s” overlaps “%s”", t->text, o->text);
              }
          }
        /* Every bar keeps its label: none was dropped to make room. */
        g_assert_cmpuint (values, ==, 2 * G_N_ELEMENTS (rows));
        g_assert_cmpuint (categories, ==, G_N_ELEMENTS (rows));
        /* The long English names take two lines on a 16:9 chart. */
        if (g_str_equal (langs[l], "en") && sizes[s][0] / sizes[s][1] > 1.7)
          g_assert_cmpuint (wrapped, >, 0);
        g_object_unref (pl);
        g_object_unref (context);
        sample_analysis_free (analysis);
      }
}

/* Past two lines, a row label keeps the assumption and where the leading
 * two tie whole and cuts its program's title short; the footnote says the
 * report has it in full. */
static void
test_long_title_cut (void)
{
  ScRangeAnalysis *analysis = sample_analysis ("en", 13000, 10000);
  g_autoptr(ScChartModel) model = NULL;
  const char *label;
  gboolean said = FALSE;
  ScRangeDriver *d;

  d = sample_driver_add (analysis,
                         "January first sale: up to 1,000 orders free in 90 days, then 30 percent off for the rest of "
                         "the activity period, for new merchants who open a store before the end of January: "
                         "length of the discount", -2000, 4000, "355 days", "30 days");
  d->flip_text = g_strdup ("259 days");
  sample_driver_add (analysis, "Douyin: commission / Apparel", 1000, 4000, "3%", "8%");
  model = sc_chart_model_new_drivers (analysis, NULL, "en");

  label = g_ptr_array_index (model->categories, 0);
  g_assert_true (g_str_has_prefix (label, "January first sale: up to 1,000 orders free"));
  g_assert_true (g_str_has_suffix (label, "…: length of the discount (tie" NBSP "at" NBSP "259" NBSP "days)"));
  /* Cut after a whole word, with no comma before the "…". */
  g_assert_null (strstr (label, ",…"));
  g_assert_null (strstr (label, " …"));
  g_assert_cmpuint (g_utf8_strlen (label, -1), <=, 120);
  /* A short one stays whole. */
  g_assert_cmpstr (g_ptr_array_index (model->categories, 1), ==, "Douyin: commission / Apparel");
  for (guint i = 0; i < model->footnotes->len; i++)
    said |= g_str_equal (g_ptr_array_index (model->footnotes, i),
                         "Program titles cut short with “…” are given in full in the report");
  g_assert_true (said);
  sample_analysis_free (analysis);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/drivers/labels-clear", test_labels_clear);
  g_test_add_func ("/chart/drivers/long-title-cut", test_long_title_cut);

  return g_test_run ();
}
