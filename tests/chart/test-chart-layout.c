/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "chart-samples.h"
#include "sc-catalog.h"
#include "sc-chart-format.h"
#include "sc-chart-from-result.h"
#include "sc-chart-layout.h"
#include "sc-chart-private.h"
#include "sc-engine.h"
#include "sc-profile.h"

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

/*
 * A text is drawn with the Pango layout it was measured with, already laid
 * out (shaping it again cost a tenth of an export); a text changed after it
 * was measured is set up afresh, so it never draws stale words or sizes.
 */
static void
test_layout_measured_reused (void)
{
  g_autoptr(ScChartModel) model = sample_model (SC_CHART_MEASURES, SAMPLE_LONG_NAMES, "zh");
  g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, 800, 450);
  PangoContext *context = sc_chart_text_context_new (pango_cairo_font_map_get_default (), model->lang);
  PangoLayout *scratch = pango_layout_new (context);
  guint wrapped = 0;

  for (guint i = 0; i < layout->texts->len; i++)
    {
      ScChartText *t = g_ptr_array_index (layout->texts, i);
      PangoLayout *pl = sc_chart_text_layout (t, scratch);
      PangoRectangle logical;

      g_assert_true (pl != scratch);
      g_assert_cmpstr (pango_layout_get_text (pl), ==, t->text);
      pango_layout_get_extents (pl, NULL, &logical);
      g_assert_cmpfloat_with_epsilon (logical.width * sc_chart_text_scale (t) / PANGO_SCALE, t->rect.width, 1e-9);
      if (t->wrap_width > 0)
        {
          g_assert_cmpint (pango_layout_get_width (pl), ==,
                           (int) (t->wrap_width / sc_chart_text_scale (t) * PANGO_SCALE));
          wrapped++;
        }
    }
  g_assert_cmpuint (wrapped, >, 0);

  {
    ScChartText *t = g_ptr_array_index (layout->texts, 0);
    PangoLayout *pl;

    t->size *= 2;
    pl = sc_chart_text_layout (t, scratch);
    g_assert_true (pl == scratch);
    g_assert_cmpint (pango_font_description_get_size (pango_layout_get_font_description (pl)), ==,
                     (int) (SC_CHART_TEXT_REF_SIZE * PANGO_SCALE));
    if (t->wrap_width > 0)
      g_assert_cmpint (pango_layout_get_width (pl), ==, (int) (t->wrap_width / sc_chart_text_scale (t) * PANGO_SCALE));
    t->size /= 2;
    g_free (t->text);
    t->text = g_strdup ("changed");
    g_assert_true (sc_chart_text_layout (t, scratch) == scratch);
    g_assert_cmpstr (pango_layout_get_text (scratch), ==, "changed");
  }
  g_object_unref (scratch);
  g_object_unref (context);
}

/*
 * Every text is laid out at one size per weight and scaled to its own
 * (sc-chart-private.h): that holds only while a layout at any size is the
 * reference one scaled. Each text of every kind, in both languages, laid
 * out at its own size as Pango would: the same lines, the same "…", the
 * same extents to a hundredth of a pixel.
 */
static void
test_layout_scaled_as_own_size (void)
{
  static const char *const langs[] = { "en", "zh" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (ScChartKind kind = SC_CHART_OVERVIEW; kind <= SC_CHART_TIMELINE; kind++)
      for (guint sz = 0; sz < 2; sz++)
        {
          g_autoptr(ScChartModel) model = sample_model (kind, SAMPLE_LONG_NAMES, langs[l]);
          g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, sz ? 1600 : 640, sz ? 900 : 360);
          PangoContext *context = sc_chart_text_context_new (pango_cairo_font_map_get_default (), model->lang);
          PangoLayout *own = pango_layout_new (context), *scratch = pango_layout_new (context);
          PangoFontDescription *font = pango_font_description_from_string (SC_CHART_FONT_FAMILY);

          for (guint i = 0; i < layout->texts->len; i++)
            {
              const ScChartText *t = g_ptr_array_index (layout->texts, i);
              PangoRectangle logical;

              sc_chart_text_apply (own, t);
              pango_font_description_set_absolute_size (font, t->size * PANGO_SCALE);
              pango_font_description_set_weight (font, t->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
              pango_layout_set_font_description (own, font);
              if (t->wrap_width > 0)
                pango_layout_set_width (own, (int) (t->wrap_width * PANGO_SCALE));
              pango_layout_get_extents (own, NULL, &logical);
              g_assert_cmpint (pango_layout_get_line_count (own), ==,
                               pango_layout_get_line_count (sc_chart_text_layout (t, scratch)));
              g_assert_cmpint (pango_layout_is_ellipsized (own), ==,
                               pango_layout_is_ellipsized (sc_chart_text_layout (t, scratch)));
              g_assert_cmpfloat_with_epsilon ((double) logical.width / PANGO_SCALE, t->rect.width, 0.01);
              g_assert_cmpfloat_with_epsilon ((double) logical.height / PANGO_SCALE, t->rect.height, 0.01);
              g_assert_cmpfloat_with_epsilon ((double) logical.x / PANGO_SCALE, t->offset_x, 0.01);
            }
          pango_font_description_free (font);
          g_object_unref (scratch);
          g_object_unref (own);
          g_object_unref (context);
        }
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

static const ScChartText *
find_text (const ScChartLayout *layout,
           ScChartTextRole      role,
           int                  point)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      if (t->role == role && (point < 0 || t->point == point))
        return t;
    }
  return NULL;
}

/* As find_text(), but the text must be there. */
static const ScChartText *
get_text (const ScChartLayout *layout,
          ScChartTextRole      role,
          int                  point)
{
  const ScChartText *t = find_text (layout, role, point);

  if (t == NULL)
    g_error ("no %s text for point %d", role_name (role), point);
  return t;
}

static const ScChartText *
assumption_note (const ScChartLayout *layout)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      if (t->role == SC_CHART_TEXT_FOOTNOTE && g_str_has_prefix (t->text, "* "))
        return t;
    }
  g_error ("no assumption note");
}

/* A chart's only series has no name (the traffic chart): no legend entry
 * that would read a lone "*", but the assumption is still explained. */
static void
test_layout_unnamed_series (void)
{
  g_autoptr(ScChartModel) model = sc_chart_model_new (SC_CHART_TRAFFIC);
  g_autoptr(ScChartLayout) layout = NULL;
  ScChartSeries *s;

  sc_chart_model_add_category (model, "A");
  sc_chart_model_add_category (model, "B");
  s = sc_chart_model_add_series (model, "", 2);
  sc_chart_series_set (s, 0, 1780, TRUE, NULL);
  sc_chart_series_set (s, 1, 0, FALSE, NULL);
  sc_chart_model_add_assumption (model, "Yuan per 1,000 exposures: 20 (profile)");
  layout = sc_chart_layout_new (model, 800, 450);
  check_layout (model, layout);

  g_assert_cmpuint (layout->legend->len, ==, 0);
  g_assert_null (find_text (layout, SC_CHART_TEXT_LEGEND, -1));
  g_assert_nonnull (strstr (assumption_note (layout)->text, "Yuan per 1,000 exposures: 20"));
}

/* Notes that end in a full stop are joined without "。；" / ".;". */
static void
test_layout_footnote_stops (void)
{
  const struct { const char *lang, *a, *b, *joined, *bad; } cases[] = {
    { "zh", "年化资金成本：0.06（档案）。", "流量券：10（假设值）。", "年化资金成本：0.06（档案）；流量券：10（假设值）", "。；" },
    { "en", "Cost of capital: 0.06 (profile).", "Exposures per unit: 10 (assumed).", "Cost of capital: 0.06 (profile); Exposures per unit: 10 (assumed)", ".;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScChartModel) model = sc_chart_model_new (SC_CHART_FEES);
      g_autoptr(ScChartLayout) layout = NULL;
      const ScChartText *note;
      ScChartSeries *s;

      sc_chart_model_set_lang (model, cases[i].lang);
      sc_chart_model_add_category (model, "A");
      s = sc_chart_model_add_series (model, "fees", 0);
      sc_chart_series_set (s, 0, 100, TRUE, NULL);
      sc_chart_model_add_assumption (model, cases[i].a);
      sc_chart_model_add_assumption (model, cases[i].b);
      layout = sc_chart_layout_new (model, 1600, 900);
      note = assumption_note (layout);
      g_test_message ("%s", note->text);
      g_assert_nonnull (strstr (note->text, cases[i].joined));
      g_assert_null (strstr (note->text, cases[i].bad));
    }
}

/* More assumptions than two lines hold: as many as fit are named whole and
 * the rest counted — never cut off in the middle by "…". */
static void
test_layout_footnote_overflow (void)
{
  static const double widths[] = { 800, 1600 };

  for (guint k = 0; k < G_N_ELEMENTS (widths); k++)
    for (guint count = 1; count <= 24; count += 23)
      {
        g_autoptr(ScChartModel) model = sc_chart_model_new (SC_CHART_FEES);
        g_autoptr(ScChartLayout) layout = NULL;
        const ScChartText *note;
        guint named = 0;
        ScChartSeries *s;

        sc_chart_model_add_category (model, "A");
        s = sc_chart_model_add_series (model, "fees", 0);
        sc_chart_series_set (s, 0, 100, TRUE, NULL);
        for (guint i = 0; i < count; i++)
          {
            g_autofree char *a = g_strdup_printf ("Platform %u return-shipping fee: 1.5 yuan per order (assumed)", i);

            sc_chart_model_add_assumption (model, a);
          }
        layout = sc_chart_layout_new (model, widths[k], widths[k] * 9 / 16);
        check_layout (model, layout);
        note = assumption_note (layout);
        g_test_message ("%g px, %u: %s", widths[k], count, note->text);
        g_assert_null (strstr (note->text, "…"));
        for (guint i = 0; i < count; i++)
          {
            g_autofree char *a = g_strdup_printf ("Platform %u return-shipping fee: 1.5 yuan per order (assumed)", i);

            named += strstr (note->text, a) != NULL;
          }
        if (count == 1)
          g_assert_cmpuint (named, ==, 1);
        else
          {
            g_autofree char *more = g_strdup_printf ("; and %u more in the report", count - named);

            g_assert_cmpuint (named, >=, 1);
            g_assert_cmpuint (named, <, count);
            g_assert_true (g_str_has_suffix (note->text, more));
          }
      }
}

/* The note names as many as fit: the next count, measured as the layout
 * measures it, would need a third line. Notes of uneven lengths, so the
 * first guess at the count is off. */
static void
test_layout_footnote_most (void)
{
  PangoContext *context = sc_chart_text_context_new (pango_cairo_font_map_get_default (), "en");
  PangoLayout *pl = pango_layout_new (context);

  for (double width = 500; width <= 2000; width += 150)
    {
      g_autoptr(ScChartModel) model = sc_chart_model_new (SC_CHART_FEES);
      g_autoptr(ScChartLayout) layout = NULL;
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) next = g_string_new ("* contains assumptions: ");
      const ScChartText *note;
      ScChartText probe;
      guint named = 0;
      ScChartSeries *s;

      sc_chart_model_add_category (model, "A");
      s = sc_chart_model_add_series (model, "fees", 0);
      sc_chart_series_set (s, 0, 100, TRUE, NULL);
      for (guint i = 0; i < 24; i++)
        {
          char *a = g_strdup_printf ("Platform %u fee%s: %u.5 yuan (assumed)", i,
                                     i % 3 == 0 ? " for returns shipped back by the buyer" : "", i * 7);

          sc_chart_model_add_assumption (model, a);
          g_ptr_array_add (notes, a);
        }
      layout = sc_chart_layout_new (model, width, width * 9 / 16);
      note = assumption_note (layout);
      g_assert_null (strstr (note->text, "…"));
      while (named < notes->len && strstr (note->text, g_ptr_array_index (notes, named)) != NULL)
        named++;
      g_assert_cmpuint (named, >=, 1);
      g_assert_cmpuint (named, <, notes->len);
      for (guint i = 0; i <= named; i++)
        g_string_append_printf (next, "%s; ", (const char *) g_ptr_array_index (notes, i));
      g_string_append_printf (next, "and %u more in the report", notes->len - named - 1);

      probe = *note;
      probe.text = next->str;
      probe.measured = NULL;
      sc_chart_text_apply (pl, &probe);
      g_test_message ("%g px: %u named", width, named);
      g_assert_true (pango_layout_is_ellipsized (pl));
    }
  g_object_unref (pl);
  g_object_unref (context);
}

/* A stacked chart whose category has nothing to stack says so at the zero
 * line: the builder's word if it gave one, else "0"; never an empty slot. */
static void
test_layout_empty_stack (void)
{
  g_autoptr(ScChartModel) model = sc_chart_model_new (SC_CHART_OVERVIEW);
  g_autoptr(ScChartLayout) layout = NULL;
  ScChartSeries *fees, *cash;
  const ScChartText *t;

  g_assert_true (model->stacked);
  sc_chart_model_add_category (model, "Douyin");
  sc_chart_model_add_category (model, "Kuaishou");
  sc_chart_model_add_category (model, "JD");
  fees = sc_chart_model_add_series (model, "Fees saved", 0);
  cash = sc_chart_model_add_series (model, "Subsidies", 1);
  sc_chart_series_set (fees, 0, 0, FALSE, NULL);
  sc_chart_series_set (cash, 0, 0, FALSE, NULL);
  sc_chart_series_set (fees, 1, 9000, FALSE, NULL);
  sc_chart_series_set (cash, 1, 3000, FALSE, NULL);
  sc_chart_series_set (fees, 2, 0, FALSE, "no current program");
  sc_chart_series_set (cash, 2, 0, FALSE, "no current program");
  layout = sc_chart_layout_new (model, 800, 450);
  check_layout (model, layout);

  t = get_text (layout, SC_CHART_TEXT_VALUE, 0);
  g_assert_cmpstr (t->text, ==, "0");
  g_assert_true (t->visible);
  g_assert_cmpint (t->ink, ==, SC_CHART_INK_TEXT_SECONDARY);
  t = get_text (layout, SC_CHART_TEXT_VALUE, 2);
  g_assert_cmpstr (t->text, ==, "no current program");
  g_assert_true (t->visible);
  /* It sits just above the zero line, over its own category. */
  g_assert_cmpfloat (t->rect.y + t->rect.height, <=, layout->plot.y + layout->plot.height);
  g_assert_cmpfloat (t->rect.y + t->rect.height, >, layout->plot.y + layout->plot.height - 20);
  g_assert_cmpfloat (t->rect.x, >, layout->plot.x + layout->plot.width * 2 / 3);
}

/* Messages from the built zh_CN catalogue (the Chinese engine writes
 * "（假设值）— note" with no space before the dash). FALSE when the
 * catalogue is not built. */
static gboolean
use_zh_messages (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_message ("%s is not built: Chinese messages not checked", mo);
      return FALSE;
    }
  /* LANGUAGE only when the zh_CN locale is not installed. */
  if (setlocale (LC_MESSAGES, "zh_CN.UTF-8") == NULL)
    {
      if (setlocale (LC_MESSAGES, "C.UTF-8") == NULL)
        return FALSE;
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return g_str_equal (g_dgettext (GETTEXT_PACKAGE, "no current program"), "无在期政策");
}

static void
use_english_messages (void)
{
  if (g_getenv ("LANGUAGE") != NULL)
    g_unsetenv ("LANGUAGE");
  setlocale (LC_MESSAGES, "C.UTF-8");
}

static guint
category_index (const ScChartModel *model,
                const char         *name)
{
  for (guint i = 0; i < model->categories->len; i++)
    if (g_str_equal (g_ptr_array_index (model->categories, i), name))
      return i;
  g_error ("no category %s", name);
}

static gboolean
has_footnote (const ScChartModel *model,
              const char         *part)
{
  for (guint i = 0; i < model->footnotes->len; i++)
    if (strstr (g_ptr_array_index (model->footnotes, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/* Value of measures the sources call expected (预计) never joins the bars,
 * but the chart says how much is left out (the engine's fixture has 500
 * expected cash from February and an expected commission waiver). */
static void
test_from_result_expected_note (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "engine", "engine-basic.xml", NULL);
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScCatalog) bundled = sc_catalog_new ();
  g_autoptr(ScProfile) profile = sc_profile_new ();
  g_autoptr(GError) error = NULL;
  ScEngineOptions options = { .lang = "en" };
  g_autoptr(ScResult) result = NULL;
  g_autoptr(ScResult) bundled_result = NULL;
  g_autoptr(ScChartModel) overview = NULL;
  g_autoptr(ScChartModel) measures = NULL;
  g_autoptr(ScChartModel) timeline = NULL;
  g_autoptr(ScChartModel) plain = NULL;
  g_autofree char *number = NULL;
  g_autofree char *expected_line = NULL;
  double expected = 0;

  sc_catalog_add_file (catalog, path, SC_ORIGIN_COMMAND_LINE, &error);
  g_assert_no_error (error);
  profile->as_of = sc_day_parse ("2026-01-01");
  profile->horizon_months = 3;
  result = sc_engine_evaluate (catalog, profile, &options);
  for (guint i = 0; i < result->platforms->len; i++)
    expected += ((const ScPlatformResult *) g_ptr_array_index (result->platforms, i))->expected_totals[SC_AMOUNT_TOTAL_VALUE];
  g_assert_cmpfloat (expected, >=, 500);   /* at least the expected cash */

  number = sc_chart_format_number (expected, "en", 3);
  expected_line = g_strdup_printf ("Not counted: about ¥%s more from measures the sources call expected", number);
  overview = sc_chart_model_from_result (SC_CHART_OVERVIEW, catalog, profile, result, NULL, "en");
  measures = sc_chart_model_from_result (SC_CHART_MEASURES, catalog, profile, result, NULL, "en");
  timeline = sc_chart_model_from_result (SC_CHART_TIMELINE, catalog, profile, result, NULL, "en");
  g_test_message ("expected %.2f: %s", expected, expected_line);
  g_assert_true (has_footnote (overview, expected_line));
  g_assert_true (has_footnote (measures, expected_line));
  g_assert_false (has_footnote (timeline, "Not counted"));

  /* Nothing expected carries a value in the bundled example: no such line. */
  sc_catalog_add_defaults (bundled);
  g_clear_pointer (&profile, sc_profile_free);
  profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_assert_no_error (error);
  bundled_result = sc_engine_evaluate (bundled, profile, &options);
  plain = sc_chart_model_from_result (SC_CHART_OVERVIEW, bundled, profile, bundled_result, NULL, "en");
  g_assert_false (has_footnote (plain, "Not counted"));
}

/* The bundled example in 2026: JD and Taobao have no program in force, so
 * their empty bars say so; Douyin has one, worth 0 in subsidies: "0". The
 * chart's assumption notes keep "what: value" and leave the note to the
 * report, in both languages. */
static void
test_from_result_empty_platforms (void)
{
  const char *const langs[] = { "en", "zh" };
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);

  g_assert_no_error (error);
  sc_catalog_add_defaults (catalog);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      gboolean zh = g_str_equal (langs[l], "zh") && use_zh_messages ();
      const char *none = zh ? "无在期政策" : "no current program";
      ScEngineOptions options = { .lang = langs[l] };
      g_autoptr(ScResult) result = sc_engine_evaluate (catalog, profile, &options);
      g_autoptr(ScChartModel) overview = sc_chart_model_from_result (SC_CHART_OVERVIEW, catalog, profile, result, NULL, langs[l]);
      g_autoptr(ScChartModel) subsidies = sc_chart_model_from_result (SC_CHART_SUBSIDIES, catalog, profile, result, NULL, langs[l]);
      g_autoptr(ScChartModel) traffic = sc_chart_model_from_result (SC_CHART_TRAFFIC, catalog, profile, result, NULL, langs[l]);
      g_autoptr(ScChartLayout) layout = NULL;
      const char *jd = g_str_equal (langs[l], "zh") ? "京东" : "JD";
      const char *douyin = g_str_equal (langs[l], "zh") ? "抖音" : "Douyin";
      ScChartSeries *first = g_ptr_array_index (overview->series, 0);

      g_assert_cmpfloat (sc_chart_series_get (first, category_index (overview, jd)), ==, 0);
      g_assert_cmpstr (sc_chart_series_get_label (first, category_index (overview, jd)), ==, none);
      first = g_ptr_array_index (subsidies->series, 0);
      g_assert_null (sc_chart_series_get_label (first, category_index (subsidies, douyin)));
      g_assert_cmpstr (sc_chart_series_get_label (g_ptr_array_index (traffic->series, 0), category_index (traffic, jd)),
                       ==, none);

      layout = sc_chart_layout_new (overview, 1600, 900);
      check_layout (overview, layout);
      g_assert_cmpstr (get_text (layout, SC_CHART_TEXT_VALUE, (int) category_index (overview, jd))->text, ==, none);

      g_assert_cmpuint (overview->assumptions->len, >, 3);
      for (guint i = 0; i < overview->assumptions->len; i++)
        {
          const char *a = g_ptr_array_index (overview->assumptions, i);

          g_test_message ("%s", a);
          g_assert_null (strstr (a, "—"));
        }
      /* The data line names programs as a reader knows them; the file
       * metadata keeps the ids. */
      {
        const char *data = g_ptr_array_index (overview->footnotes, 0);
        const char *star = zh ? "星耀计划（2026）第5版" : "Star Plan 2026 (rev. 5)";

        g_test_message ("%s", data);
        g_assert_nonnull (strstr (data, g_str_equal (langs[l], "zh") && !zh ? "星耀计划（2026） (rev. 5)" : star));
        g_assert_null (strstr (data, "kuaishou.star-plan-2026"));
        g_assert_nonnull (strstr (overview->data_revision, "kuaishou.star-plan-2026 r5"));
      }
      if (zh)
        use_english_messages ();
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
  g_test_add_func ("/chart/layout/measured-reused", test_layout_measured_reused);
  g_test_add_func ("/chart/layout/scaled-as-own-size", test_layout_scaled_as_own_size);
  g_test_add_func ("/chart/layout/footnote-most", test_layout_footnote_most);
  g_test_add_func ("/chart/layout/deterministic", test_layout_deterministic);
  g_test_add_func ("/chart/layout/unnamed-series", test_layout_unnamed_series);
  g_test_add_func ("/chart/layout/footnote-stops", test_layout_footnote_stops);
  g_test_add_func ("/chart/layout/footnote-overflow", test_layout_footnote_overflow);
  g_test_add_func ("/chart/layout/empty-stack", test_layout_empty_stack);
  g_test_add_func ("/chart/from-result/empty-platforms", test_from_result_empty_platforms);
  g_test_add_func ("/chart/from-result/expected-note", test_from_result_expected_note);

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
