/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chart-samples.h"
#include "sc-chart-format.h"
#include "sc-chart-layout.h"

/* --- numbers ------------------------------------------------------------ */

typedef struct
{
  double      value;
  const char *lang;
  const char *expected;
} FormatCase;

static void
test_format_numbers (void)
{
  static const FormatCase cases[] = {
    { 4600, "zh", "4,600" },
    { 28000, "zh", "2.8万" },
    { 28400, "zh", "2.84万" },
    { 120000000, "zh", "1.2亿" },
    { 1e12, "zh", "1万亿" },
    { -16000, "zh", "−1.6万" },
    { 0, "zh", "0" },
    { 28000, "en", "28k" },
    { 1200000, "en", "1.2M" },
    { 120000000, "en", "120M" },
    { 4600, "en", "4.6k" },
    { 999950, "en", "1M" },          /* rounds up into the next unit, never "1000k" */
    { 1e12, "en", "1T" },
    { 842, "en", "842" },
    { 0.5, "en", "0.5" },
    { NAN, "en", "–" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = sc_chart_format_number (cases[i].value, cases[i].lang, 3);

      g_test_message ("%g %s → %s", cases[i].value, cases[i].lang, s);
      g_assert_cmpstr (s, ==, cases[i].expected);
    }
}

static void
test_format_ticks (void)
{
  g_autofree char *a = sc_chart_format_tick (5000, 20000, "zh");
  g_autofree char *b = sc_chart_format_tick (250, 1000, "en");
  g_autofree char *c = sc_chart_format_tick (2500, 10000, "en");
  g_autofree char *d = sc_chart_format_tick (1000, 1000, "en");

  /* One unit along an axis that reaches two of it; plain numbers below. */
  g_assert_cmpstr (a, ==, "0.5万");
  g_assert_cmpstr (b, ==, "250");
  g_assert_cmpstr (c, ==, "2.5k");
  g_assert_cmpstr (d, ==, "1,000");
}

static void
test_nice_ticks (void)
{
  static const struct { double lo, hi; guint max; } cases[] = {
    { 0, 57700, 6 }, { 0, 1, 5 }, { -40400, 20000, 6 }, { 0, 1e12, 8 }, { 0, 0, 5 },
    { 3, 3, 4 }, { 0, 842, 2 }, { -5, -1, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double first, step, mant;
      guint n;

      sc_chart_nice_ticks (cases[i].lo, cases[i].hi, cases[i].max, &first, &step, &n);
      g_test_message ("[%g, %g] → %g + %g × %u", cases[i].lo, cases[i].hi, first, step, n);
      g_assert_cmpfloat (first, <=, cases[i].lo + 1e-9);
      g_assert_cmpfloat (first + step * (n - 1), >=, cases[i].hi - 1e-9);
      g_assert_cmpuint (n, >=, 2);
      g_assert_cmpuint (n - 1, <=, cases[i].max);
      mant = step / pow (10, floor (log10 (step)));
      g_assert_true (fabs (mant - 1) < 1e-9 || fabs (mant - 2) < 1e-9 || fabs (mant - 2.5) < 1e-9 || fabs (mant - 5) < 1e-9);
    }

  {
    double first, step;
    guint n;

    sc_chart_nice_ticks (0, 57700, 6, &first, &step, &n);
    g_assert_cmpfloat (first, ==, 0);
    g_assert_cmpfloat (step, ==, 10000);
    g_assert_cmpuint (n, ==, 7);
  }
}

/* --- layout invariants -------------------------------------------------- */

typedef struct
{
  ScChartKind   kind;
  SampleVariant variant;
  double        width, height;
  const char   *lang;
} LayoutCase;

static const char *
role_name (ScChartTextRole role)
{
  static const char *const names[] = { "title", "subtitle", "legend", "axis", "tick", "category", "value", "marker", "message", "footnote" };
  return names[role];
}

static void
check_layout (const ScChartModel  *model,
              const ScChartLayout *layout)
{
  ScChartRect canvas = { 0, 0, layout->width, layout->height };
  guint visible_values = 0;

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      if (!t->visible)
        continue;
      g_assert_cmpfloat (t->rect.width, >, 0);
      g_assert_cmpfloat (t->rect.height, >, 0);
      if (!sc_chart_rect_contains (&canvas, &t->rect, 0.5))
        g_error ("%s “%s” at %.1f,%.1f %.1f×%.1f leaves the %g×%g canvas", role_name (t->role), t->text,
                 t->rect.x, t->rect.y, t->rect.width, t->rect.height, layout->width, layout->height);
      if (t->role == SC_CHART_TEXT_VALUE)
        {
          visible_values++;
          if (!sc_chart_rect_contains (&layout->label_area, &t->rect, 0.5))
            g_error ("value “%s” leaves the plot", t->text);
        }
      for (guint j = 0; j < i; j++)
        {
          const ScChartText *o = g_ptr_array_index (layout->texts, j);

          if (o->visible && sc_chart_rect_intersects (&o->rect, &t->rect))
            g_error ("%s “%s” overlaps %s “%s”", role_name (t->role), t->text, role_name (o->role), o->text);
        }
    }

  if (!layout->empty)
    {
      g_assert_true (sc_chart_rect_contains (&canvas, &layout->plot, 0.5));
      g_assert_cmpfloat (layout->plot.height, >, 20);
      for (guint i = 0; i < layout->bars->len; i++)
        {
          const ScChartBar *b = &g_array_index (layout->bars, ScChartBar, i);

          g_assert_true (sc_chart_rect_contains (&layout->plot, &b->rect, 0.5));
        }
      for (guint i = 0; i < layout->spans->len; i++)
        g_assert_true (sc_chart_rect_contains (&layout->plot, &g_array_index (layout->spans, ScChartSpanBox, i).rect, 0.5));
      g_assert_true (layout->bars->len > 0 || layout->lines->len > 0 || layout->spans->len > 0);
    }
}

static void
test_layout_case (gconstpointer data)
{
  const LayoutCase *lc = data;
  g_autoptr(ScChartModel) model = sample_model (lc->kind, lc->variant, lc->lang);
  g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, lc->width, lc->height);
  gboolean has_message = FALSE, has_assumption_note = FALSE, has_title = FALSE;

  check_layout (model, layout);

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      has_message |= t->role == SC_CHART_TEXT_MESSAGE;
      has_title |= t->role == SC_CHART_TEXT_TITLE && t->visible;
      has_assumption_note |= t->role == SC_CHART_TEXT_FOOTNOTE && g_str_has_prefix (t->text, "* ");
    }
  g_assert_true (has_title);

  if (lc->variant == SAMPLE_ZEROS)
    {
      /* All zeros: a message, no empty axes. */
      g_assert_true (layout->empty);
      g_assert_true (has_message);
      g_assert_cmpuint (layout->bars->len, ==, 0);
    }
  else
    {
      g_assert_false (layout->empty);
      g_assert_false (has_message);
      /* Assumed values are marked, and the mark is explained. */
      g_assert_true (has_assumption_note == sc_chart_model_any_assumed (model));
    }
}

static void
test_layout_negative_baseline (void)
{
  g_autoptr(ScChartModel) model = sample_model (SC_CHART_FEES, SAMPLE_NEGATIVE, "en");
  g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, 800, 450);
  double zero_y = NAN;

  for (guint i = 0; i < layout->grid->len; i++)
    {
      const ScChartGridline *g = &g_array_index (layout->grid, ScChartGridline, i);

      if (g->strong)
        zero_y = g->y1;
    }
  g_assert_true (isfinite (zero_y));
  g_assert_cmpfloat (zero_y, >, layout->plot.y);
  g_assert_cmpfloat (zero_y, <, layout->plot.y + layout->plot.height);
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const ScChartBar *b = &g_array_index (layout->bars, ScChartBar, i);
      const ScChartSeries *s = g_ptr_array_index (model->series, b->series);
      double v = sc_chart_series_get (s, b->point);

      /* Every bar starts at zero and goes the way of its sign. */
      if (v < 0)
        g_assert_cmpfloat (fabs (b->rect.y - zero_y), <, 0.01);
      else
        g_assert_cmpfloat (fabs (b->rect.y + b->rect.height - zero_y), <, 0.01);
    }
}

static void
test_layout_bar_heights (void)
{
  g_autoptr(ScChartModel) model = sc_chart_model_new (SC_CHART_FEES);
  ScChartSeries *s;
  g_autoptr(ScChartLayout) layout = NULL;
  const ScChartBar *a, *b;

  sc_chart_model_add_category (model, "A");
  sc_chart_model_add_category (model, "B");
  s = sc_chart_model_add_series (model, "fees", 0);
  sc_chart_series_set (s, 0, 10000, FALSE, NULL);
  sc_chart_series_set (s, 1, 40000, FALSE, NULL);
  layout = sc_chart_layout_new (model, 800, 450);
  g_assert_cmpuint (layout->bars->len, ==, 2);
  a = &g_array_index (layout->bars, ScChartBar, 0);
  b = &g_array_index (layout->bars, ScChartBar, 1);
  /* Heights are proportional to values: 4× the value, 4× the height. */
  g_assert_cmpfloat (fabs (b->rect.height / a->rect.height - 4), <, 1e-6);
}

static void
test_layout_crossover (void)
{
  g_autoptr(ScChartModel) model = sample_model (SC_CHART_SENSITIVITY, SAMPLE_NORMAL, "en");
  g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, 800, 450);
  gboolean found = FALSE;

  /* Kuaishou 9,000 + 0.05·x meets Douyin 800 + 0.18·x at x = 8,200 / 0.13 ≈ 63,077. */
  g_assert_cmpuint (layout->markers->len, ==, 1);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      if (t->role == SC_CHART_TEXT_MARKER && t->visible)
        {
          g_assert_cmpstr (t->text, ==, "≈ 63k");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_layout_assumption_mark (void)
{
  g_autoptr(ScChartModel) model = sample_model (SC_CHART_OVERVIEW, SAMPLE_NORMAL, "en");
  g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, 1600, 900);
  gboolean legend_marked = FALSE, value_marked = FALSE;

  /* Series 2 (traffic) is assumed in the sample: its legend entry and values carry "*". */
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      if (t->role == SC_CHART_TEXT_LEGEND && g_str_equal (t->text, "Traffic value*"))
        legend_marked = TRUE;
      if (t->role == SC_CHART_TEXT_LEGEND && g_str_equal (t->text, "Fees saved*"))
        g_error ("series without assumptions marked");
      if (t->role == SC_CHART_TEXT_VALUE && t->series == 2 && g_str_has_suffix (t->text, "*"))
        value_marked = TRUE;
    }
  g_assert_true (legend_marked);
  g_assert_true (value_marked);
}

static void
test_layout_long_name (void)
{
  g_autoptr(ScChartModel) model = sample_model (SC_CHART_MEASURES, SAMPLE_LONG_NAMES, "zh");
  g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, 800, 450);

  /* The 40-character names are wrapped/ellipsized to at most 36 % of the width. */
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      if (t->role == SC_CHART_TEXT_CATEGORY)
        {
          g_assert_cmpfloat (t->wrap_width, >, 0);
          g_assert_cmpfloat (t->rect.width, <=, 800 * 0.36 + 0.5);
        }
    }
}

static void
test_layout_deterministic (void)
{
  g_autoptr(ScChartModel) model = sample_model (SC_CHART_TIMELINE, SAMPLE_MANY, "zh");
  g_autoptr(ScChartLayout) a = sc_chart_layout_new (model, 800, 450);
  g_autoptr(ScChartLayout) b = sc_chart_layout_new (model, 800, 450);

  g_assert_cmpuint (a->texts->len, ==, b->texts->len);
  for (guint i = 0; i < a->texts->len; i++)
    {
      const ScChartText *ta = g_ptr_array_index (a->texts, i), *tb = g_ptr_array_index (b->texts, i);

      g_assert_cmpstr (ta->text, ==, tb->text);
      g_assert_cmpmem (&ta->rect, sizeof ta->rect, &tb->rect, sizeof tb->rect);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const double sizes[][2] = { { 800, 450 }, { 1600, 900 }, { 400, 300 } };
  static const char *const langs[] = { "zh", "en" };
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/format/numbers", test_format_numbers);
  g_test_add_func ("/chart/format/ticks", test_format_ticks);
  g_test_add_func ("/chart/format/nice-ticks", test_nice_ticks);
  g_test_add_func ("/chart/layout/negative-baseline", test_layout_negative_baseline);
  g_test_add_func ("/chart/layout/bar-heights", test_layout_bar_heights);
  g_test_add_func ("/chart/layout/crossover", test_layout_crossover);
  g_test_add_func ("/chart/layout/assumption-mark", test_layout_assumption_mark);
  g_test_add_func ("/chart/layout/long-name", test_layout_long_name);
  g_test_add_func ("/chart/layout/deterministic", test_layout_deterministic);

  for (ScChartKind k = 0; k < SC_CHART_N_KINDS; k++)
    for (SampleVariant v = 0; v < N_SAMPLES; v++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
          {
            LayoutCase *lc = g_new0 (LayoutCase, 1);
            g_autofree char *path = NULL;

            lc->kind = k;
            lc->variant = v;
            lc->width = sizes[s][0];
            lc->height = sizes[s][1];
            lc->lang = langs[l];
            g_ptr_array_add (cases, lc);
            path = g_strdup_printf ("/chart/layout/%s/%s/%gx%g/%s", sc_chart_kind_to_string (k),
                                    sample_variant_name (v), lc->width, lc->height, lc->lang);
            g_test_add_data_func (path, lc, test_layout_case);
          }

  return g_test_run ();
}
