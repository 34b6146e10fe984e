/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

/*
 * Vertical bars over categories, grouped or stacked, with their value
 * labels: stack totals and large values first, so collisions drop small ones.
 */

#include "config.h"

#include "sc-chart-layout-private.h"

#include "sc-chart-format.h"

#include <math.h>

void
sc_chart_layout_bars (ScChartLayoutCtx *c,
                      double            top,
                      double            bottom)
{
  const ScChartModel *m = c->model;
  ScChartLayout *out = c->out;
  guint n = m->categories->len, ns = m->series->len;
  double lo, hi, tick_w, value_h, cat_w, cat_h, left, right, band;
  double axis_h = sc_chart_line_height (c, SIZE_AXIS);
  g_autoptr(GPtrArray) cats = NULL;
  ScChartAxis a = { 0 };

  sc_chart_value_range (c, &lo, &hi);
  value_h = sc_chart_line_height (c, SIZE_VALUE) + 4 * c->u;
  top += axis_h + sc_chart_line_height (c, SIZE_TICK) / 2 + 6 * c->u;

  /* First pass for the tick width, then the real axis once the plot is known. */
  sc_chart_axis_fit (&a, lo, hi, bottom - top, value_h, value_h, 6);
  g_ptr_array_unref (sc_chart_tick_texts (c, &a, TRUE, &tick_w));
  left = c->margin + tick_w + 8 * c->u;
  right = out->width - c->margin;
  band = (right - left) / MAX (n, 1);

  cats = sc_chart_category_labels (c, SIZE_CATEGORY, FALSE, SC_CHART_INK_TEXT, band - 6 * c->u, 2,
                                   PANGO_ALIGN_CENTER, TRUE, &cat_w, &cat_h);

  out->plot = (ScChartRect) { left, top, right - left, bottom - cat_h - 8 * c->u - top };
  out->label_area = out->plot;
  sc_chart_value_axis (c, &a, lo, hi, value_h, value_h);

  for (guint i = 0; i < n; i++)
    {
      ScChartText *t = g_ptr_array_index (cats, i);

      sc_chart_text_place (t, left + band * i + (band - t->rect.width) / 2, out->plot.y + out->plot.height + 7 * c->u);
      sc_chart_text_add (c, t);
    }

  /* Bars, then their labels in priority order (stack totals and large values first). */
  {
    double group_w = MIN (band * 0.66, (m->stacked ? 1 : MAX (ns, 1)) * 96 * c->u);
    double gap = ns > 1 && !m->stacked ? MIN (3 * c->u, group_w / ns * 0.15) : 0;
    double bar_w = m->stacked ? group_w : (group_w - gap * (ns - 1)) / MAX (ns, 1);
    double zero = sc_chart_axis_map (&a, 0);
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    for (guint i = 0; i < n; i++)
      {
        double x0 = left + band * i + (band - group_w) / 2;
        double pos = 0, neg = 0;
        gboolean any_assumed = FALSE, any_up_to = FALSE;

        for (guint s = 0; s < ns; s++)
          {
            const ScChartSeries *series = g_ptr_array_index (m->series, s);
            double v = sc_chart_series_get (series, i);
            ScChartBar bar = { 0 };
            double y0, y1;

            if (!isfinite (v))
              continue;
            any_assumed |= sc_chart_series_is_assumed (series, i) && v != 0;
            any_up_to |= sc_chart_series_is_up_to (series, i) && v != 0;
            if (m->stacked)
              {
                if (v == 0)
                  continue;
                sc_chart_stack_value (&a, v, &pos, &neg, &y0, &y1);
                bar.rect = (ScChartRect) { x0, MIN (y0, y1), bar_w, fabs (y1 - y0) };
              }
            else
              {
                double bx = x0 + s * (bar_w + gap);

                y1 = sc_chart_axis_map (&a, v);
                bar.rect = (ScChartRect) { bx, MIN (zero, y1), bar_w, fabs (y1 - zero) };
              }
            sc_chart_add_bar (c, &bar, series, s, i);

            {
              g_autofree char *s_text = sc_chart_value_text (c, series, i);
              /* A word in place of a zero ("no current program") is a remark, not a value. */
              gboolean remark = v == 0 && sc_chart_series_get_label (series, i) != NULL;
              ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_VALUE, s_text, SIZE_VALUE, !m->stacked && !remark,
                                                  remark ? SC_CHART_INK_TEXT_SECONDARY : SC_CHART_INK_TEXT);

              t->series = s;
              t->point = i;
              t->align = PANGO_ALIGN_CENTER;
              if (m->stacked)
                {
                  ScChartRgb fill = sc_chart_palette_series (series->color, m->dark);

                  /* Inside its segment, or nowhere: the total carries the stack. */
                  t->on_fill = TRUE;
                  t->color = sc_chart_palette_text_on (fill);
                  sc_chart_text_place (t, bar.rect.x + (bar.rect.width - t->rect.width) / 2,
                                       bar.rect.y + (bar.rect.height - t->rect.height) / 2);
                  if (t->rect.width > bar.rect.width - 6 * c->u || t->rect.height > bar.rect.height - 2 * c->u)
                    t->visible = FALSE;
                }
              else
                sc_chart_text_place (t, bar.rect.x + (bar.rect.width - t->rect.width) / 2,
                                     v >= 0 ? bar.rect.y - 3 * c->u - t->rect.height : bar.rect.y + bar.rect.height + 3 * c->u);
              g_ptr_array_add (labels, t);
            }
          }

        if (m->stacked && (pos != 0 || neg != 0))
          {
            g_autofree char *num = sc_chart_format_number (pos + neg, m->lang, 3);
            /* A total with a maximum in it is a maximum too. */
            g_autofree char *s_text = g_strconcat (any_up_to ? "≤ " : "", num, any_assumed ? "*" : "", NULL);
            ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_VALUE, s_text, SIZE_VALUE, TRUE, SC_CHART_INK_TEXT);
            double y_top = sc_chart_axis_map (&a, pos), y_bottom = sc_chart_axis_map (&a, neg);

            t->point = i;
            t->align = PANGO_ALIGN_CENTER;
            if (pos + neg >= 0 || neg == 0)
              sc_chart_text_place (t, x0 + (bar_w - t->rect.width) / 2, y_top - 3 * c->u - t->rect.height);
            else
              sc_chart_text_place (t, x0 + (bar_w - t->rect.width) / 2, y_bottom + 3 * c->u);
            /* Totals go first: they win every collision. */
            g_ptr_array_insert (labels, 0, t);
          }
        else if (m->stacked && ns > 0)
          {
            /* Nothing to stack: say so at the zero line, or the empty slot
             * looks like missing data. The builder's word for the point
             * ("no current program") if it gave one, else "0". */
            const char *remark = NULL;
            g_autofree char *num = NULL;
            ScChartText *t;

            for (guint s = 0; s < ns && remark == NULL; s++)
              remark = sc_chart_series_get_label (g_ptr_array_index (m->series, s), i);
            if (remark == NULL)
              remark = num = sc_chart_format_number (0, m->lang, 3);
            t = sc_chart_text_new (c, SC_CHART_TEXT_VALUE, remark, SIZE_VALUE, FALSE, SC_CHART_INK_TEXT_SECONDARY);
            t->point = i;
            t->align = PANGO_ALIGN_CENTER;
            sc_chart_text_place (t, left + band * i + (band - t->rect.width) / 2, zero - 3 * c->u - t->rect.height);
            g_ptr_array_insert (labels, 0, t);
          }
      }

    /* Unstacked: bigger values first so the dropped ones are the small ones. */
    for (guint i = 0; i < labels->len; i++)
      sc_chart_text_add (c, g_ptr_array_index (labels, i));
  }
}
