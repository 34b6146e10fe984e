/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

/*
 * Horizontal bars, one stacked row per category (measures, largest
 * first), with the category column on the left and one value per row.
 */

#include "config.h"

#include "sc-chart-layout-private.h"

#include "sc-chart-format.h"

#include <math.h>

void
sc_chart_layout_hbars (ScChartLayoutCtx *c,
                       double            top,
                       double            bottom)
{
  const ScChartModel *m = c->model;
  ScChartLayout *out = c->out;
  guint n = m->categories->len, ns = m->series->len;
  double lo, hi, label_col, label_h, value_w = 0, tick_h, row_h, cat_size, left, right, max_label;
  g_autoptr(GPtrArray) cats = NULL;
  g_autofree double *centres = g_new (double, MAX (n, 1));
  ScChartAxis a = { 0 };
  int max_lines;

  sc_chart_value_range (c, &lo, &hi);
  tick_h = sc_chart_line_height (c, SIZE_TICK);
  top += 4 * c->u;
  row_h = (bottom - tick_h - 8 * c->u - top) / MAX (n, 1);

  /* Category type shrinks with many rows; two lines only when they fit. */
  cat_size = SIZE_CATEGORY;
  while (cat_size > 7.5 / c->type_scale && sc_chart_line_height (c, cat_size) > row_h * 0.95)
    cat_size -= 0.5;
  max_lines = sc_chart_line_height (c, cat_size) * 2 <= row_h * 0.95 ? 2 : 1;
  max_label = MAX (80 * c->u, out->width * 0.36);

  cats = sc_chart_category_labels (c, cat_size, FALSE, SC_CHART_INK_TEXT, max_label, max_lines,
                                   PANGO_ALIGN_RIGHT, FALSE, &label_col, &label_h);

  /* Widest value label, reserved on the right (and left for negatives). */
  for (guint i = 0; i < n; i++)
    for (guint s = 0; s < ns; s++)
      {
        const ScChartSeries *series = g_ptr_array_index (m->series, s);
        g_autofree char *str = sc_chart_value_text (c, series, i);
        ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_VALUE, str, MIN (SIZE_VALUE, cat_size), FALSE, SC_CHART_INK_TEXT);

        value_w = MAX (value_w, t->rect.width);
        sc_chart_text_free (t);
      }

  left = c->margin + label_col + 10 * c->u;
  right = out->width - c->margin;
  out->plot = (ScChartRect) { left, top, right - left, row_h * n };
  out->label_area = out->plot;

  {
    double tick_room = 0;
    guint max_ticks;

    /* Tick labels are about as wide as value labels. */
    tick_room = value_w * 1.6;
    max_ticks = CLAMP ((guint) (out->plot.width / MAX (tick_room, 1)), 2, 8);
    sc_chart_axis_fit (&a, lo, hi, out->plot.width, value_w + 8 * c->u, value_w + 8 * c->u, max_ticks);
  }
  a.px0 = out->plot.x;
  a.px1 = out->plot.x + out->plot.width;

  for (guint i = 0; i < a.n; i++)
    {
      double v = a.first + a.step * i;
      double x = sc_chart_axis_map (&a, v);
      g_autofree char *s = sc_chart_format_tick (fabs (v) < a.step * 1e-6 ? 0 : v, MAX (fabs (a.lo), fabs (a.hi)), m->lang);
      ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_TICK, s, SIZE_TICK, FALSE, SC_CHART_INK_TEXT_SECONDARY);
      double tx = x - t->rect.width / 2;

      tx = CLAMP (tx, out->plot.x - 4 * c->u, out->width - c->margin - t->rect.width);
      sc_chart_text_place (t, tx, out->plot.y + out->plot.height + 6 * c->u);
      sc_chart_text_add (c, t);
      sc_chart_add_grid (c, x, out->plot.y, x, out->plot.y + out->plot.height, fabs (v) < a.step * 1e-6);
    }
  {
    ScChartText *t = sc_chart_axis_title (c, m->value_axis, 0, out->plot.y + out->plot.height + 6 * c->u);

    /* Unit at the bottom right, under the last tick's row would collide: put it top-right. */
    if (t != NULL)
      sc_chart_text_place (t, out->plot.x + out->plot.width - t->rect.width, out->plot.y - t->rect.height - 2 * c->u);
  }

  for (guint i = 0; i < n; i++)
    centres[i] = out->plot.y + row_h * (i + 0.5);
  sc_chart_category_column (c, cats, left - 10 * c->u, centres);

  {
    double thick = MIN (row_h * 0.68, 30 * c->u);
    double zero = sc_chart_axis_map (&a, 0);

    for (guint i = 0; i < n; i++)
      {
        double cy = out->plot.y + row_h * (i + 0.5);
        double pos = 0, neg = 0;

        for (guint s = 0; s < ns; s++)
          {
            const ScChartSeries *series = g_ptr_array_index (m->series, s);
            double v = sc_chart_series_get (series, i);
            ScChartBar bar = { 0 };
            double x0, x1;

            if (!isfinite (v) || v == 0)
              continue;
            sc_chart_stack_value (&a, v, &pos, &neg, &x0, &x1);
            bar.rect = (ScChartRect) { MIN (x0, x1), cy - thick / 2, fabs (x1 - x0), thick };
            sc_chart_add_bar (c, &bar, series, s, i);
          }
        (void) zero;

        {
          /* One label per row: the row's value (one series per row in practice). */
          double total = pos + neg;
          gboolean assumed = FALSE, up_to = FALSE;
          const char *custom = NULL;
          g_autofree char *num = NULL;
          g_autofree char *str = NULL;
          ScChartText *t;

          for (guint s = 0; s < ns; s++)
            {
              const ScChartSeries *series = g_ptr_array_index (m->series, s);

              if (sc_chart_series_get (series, i) != 0)
                {
                  assumed |= sc_chart_series_is_assumed (series, i);
                  up_to |= sc_chart_series_is_up_to (series, i);
                  if (custom == NULL)
                    custom = sc_chart_series_get_label (series, i);
                }
            }
          num = sc_chart_format_number (total, m->lang, 3);
          str = g_strconcat (up_to ? "≤ " : "", custom != NULL ? custom : num, assumed ? "*" : "", NULL);
          t = sc_chart_text_new (c, SC_CHART_TEXT_VALUE, str, MIN (SIZE_VALUE, cat_size), FALSE, SC_CHART_INK_TEXT);
          t->point = i;
          t->align = total >= 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
          if (total >= 0)
            sc_chart_text_place (t, sc_chart_axis_map (&a, pos) + 5 * c->u, cy - t->rect.height / 2);
          else
            sc_chart_text_place (t, sc_chart_axis_map (&a, neg) - 5 * c->u - t->rect.width, cy - t->rect.height / 2);
          sc_chart_text_add (c, t);
        }
      }
  }
}
