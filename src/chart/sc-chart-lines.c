/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

/*
 * Lines over categories (months) or over a numeric x axis (monthly GMV),
 * with end labels pushed apart and the crossovers the model names marked.
 */

#include "config.h"

#include "sc-chart-layout-private.h"

#include "sc-chart-format.h"

#include <math.h>

#define MAX_CROSSOVERS 8

void
sc_chart_layout_lines (ScChartLayoutCtx *c,
                       double            top,
                       double            bottom)
{
  const ScChartModel *m = c->model;
  ScChartLayout *out = c->out;
  guint n = sc_chart_model_n_points (m), ns = m->series->len;
  gboolean numeric = m->x_values->len > 0;
  double lo, hi, tick_w, end_w = 0, cat_h, left, right;
  double axis_h = sc_chart_line_height (c, SIZE_AXIS);
  double value_h = sc_chart_line_height (c, SIZE_VALUE);
  g_autoptr(GPtrArray) ends = g_ptr_array_new ();
  ScChartAxis a = { 0 }, xa = { 0 };

  sc_chart_value_range (c, &lo, &hi);
  top += axis_h + sc_chart_line_height (c, SIZE_TICK) / 2 + 6 * c->u;
  cat_h = sc_chart_line_height (c, SIZE_CATEGORY) + sc_chart_line_height (c, SIZE_TICK) / 2 + (numeric && m->x_axis != NULL ? axis_h + 4 * c->u : 0);

  /* End labels: "series value" at the last finite point, right of the plot. */
  for (guint s = 0; s < ns; s++)
    {
      const ScChartSeries *series = g_ptr_array_index (m->series, s);
      int last = -1;

      for (guint i = 0; i < n; i++)
        if (isfinite (sc_chart_series_get (series, i)))
          last = i;
      if (last < 0)
        continue;
      {
        g_autofree char *v = sc_chart_value_text (c, series, last);
        g_autofree char *str = g_strdup_printf ("%s %s", series->name, v);
        ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_VALUE, str, SIZE_VALUE, TRUE, SC_CHART_INK_TEXT);
        double max_w = out->width * 0.26;

        if (t->rect.width > max_w)
          sc_chart_text_fit (c, t, max_w, 1, PANGO_ALIGN_LEFT);
        t->series = s;
        t->point = last;
        t->on_fill = TRUE;   /* drawn in the series color */
        t->color = sc_chart_palette_series (series->color, m->dark);
        end_w = MAX (end_w, t->rect.width);
        g_ptr_array_add (ends, t);
      }
    }

  sc_chart_axis_fit (&a, lo, hi, bottom - top, 0, value_h / 2, 6);
  g_ptr_array_unref (sc_chart_tick_texts (c, &a, TRUE, &tick_w));
  left = c->margin + tick_w + 8 * c->u;
  right = out->width - c->margin - (end_w > 0 ? end_w + 8 * c->u : 0);
  out->plot = (ScChartRect) { left, top, MAX (right - left, 10), bottom - cat_h - 8 * c->u - top };
  out->label_area = (ScChartRect) { left, top - value_h / 2, out->width - c->margin - left, out->plot.height + value_h };
  tick_w = sc_chart_value_axis (c, &a, lo, hi, 0, value_h / 2);

  /* x positions */
  g_autofree double *xs = g_new0 (double, MAX (n, 1));
  if (numeric)
    {
      double xmin = G_MAXDOUBLE, xmax = -G_MAXDOUBLE;

      for (guint i = 0; i < n; i++)
        {
          double x = g_array_index (m->x_values, double, i);

          xmin = MIN (xmin, x);
          xmax = MAX (xmax, x);
        }
      if (xmax <= xmin)
        xmax = xmin + 1;
      xa.lo = xmin;
      xa.hi = xmax;
      xa.px0 = out->plot.x;
      xa.px1 = out->plot.x + out->plot.width;
      for (guint i = 0; i < n; i++)
        xs[i] = sc_chart_axis_map (&xa, g_array_index (m->x_values, double, i));

      {
        double first, step, last_right = -G_MAXDOUBLE;
        guint nt;
        guint max_ticks = CLAMP ((guint) (out->plot.width / (90 * c->type_scale)), 2, 10);

        sc_chart_nice_ticks (xmin, xmax, max_ticks, &first, &step, &nt);
        for (guint i = 0; i < nt; i++)
          {
            double v = first + step * i;
            double x;
            g_autofree char *s = NULL;
            ScChartText *t;

            if (v < xmin - step * 1e-6 || v > xmax + step * 1e-6)
              continue;
            x = sc_chart_axis_map (&xa, v);
            s = sc_chart_format_tick (v, MAX (fabs (xmin), fabs (xmax)), m->lang);
            t = sc_chart_text_new (c, SC_CHART_TEXT_TICK, s, SIZE_TICK, FALSE, SC_CHART_INK_TEXT_SECONDARY);
            sc_chart_text_place (t, CLAMP (x - t->rect.width / 2, out->plot.x - tick_w, out->width - c->margin - t->rect.width),
                                 out->plot.y + out->plot.height + MAX (6 * c->u, sc_chart_line_height (c, SIZE_TICK) / 2 + 2 * c->u));
            if (t->rect.x < last_right + 6 * c->u)
              {
                sc_chart_text_free (t);
                continue;
              }
            last_right = t->rect.x + t->rect.width;
            sc_chart_text_add (c, t);
            sc_chart_add_grid (c, x, out->plot.y, x, out->plot.y + out->plot.height, FALSE);
          }
        if (m->x_axis != NULL && *m->x_axis != '\0')
          {
            ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_AXIS_TITLE, m->x_axis, SIZE_AXIS, FALSE, SC_CHART_INK_TEXT_SECONDARY);

            if (t->rect.width > out->plot.width)
              sc_chart_text_fit (c, t, out->plot.width, 1, PANGO_ALIGN_LEFT);
            /* Under the tick labels, which sit as placed above. */
            sc_chart_text_place (t, out->plot.x + (out->plot.width - t->rect.width) / 2,
                                 out->plot.y + out->plot.height
                                 + MAX (6 * c->u, sc_chart_line_height (c, SIZE_TICK) / 2 + 2 * c->u)
                                 + sc_chart_line_height (c, SIZE_TICK) + 2 * c->u);
            sc_chart_text_add (c, t);
          }

        /* Where the profile stands (its monthly GMV): a rule, named at the
         * top of the plot, so the reader sees which part of the curve is
         * theirs. */
        if (isfinite (m->marker_x) && m->marker_x >= xmin && m->marker_x <= xmax)
          {
            double x = sc_chart_axis_map (&xa, m->marker_x);

            out->has_rule = TRUE;
            out->rule = (ScChartGridline) { x, out->plot.y, x, out->plot.y + out->plot.height, TRUE };
            if (m->marker_label != NULL)
              {
                ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_MARKER, m->marker_label, SIZE_TICK, TRUE, SC_CHART_INK_MARKER);

                sc_chart_text_place (t, CLAMP (x + 4 * c->u, out->plot.x, out->plot.x + out->plot.width - t->rect.width),
                                     out->plot.y + 2 * c->u);
                sc_chart_text_add (c, t);
              }
          }
      }
    }
  else
    {
      double inset = n > 1 ? 0 : out->plot.width / 2;
      double stepx = n > 1 ? out->plot.width / (n - 1) : 0;
      double max_w, max_h;
      guint every;
      g_autoptr(GPtrArray) cats = NULL;

      for (guint i = 0; i < n; i++)
        xs[i] = out->plot.x + inset + stepx * i;
      cats = sc_chart_category_labels (c, SIZE_TICK, FALSE, SC_CHART_INK_TEXT_SECONDARY, 120 * c->u, 1,
                                       PANGO_ALIGN_LEFT, FALSE, &max_w, &max_h);
      /* Thin the month labels so they never touch. */
      every = stepx > 0 ? (guint) ceil ((max_w + 10 * c->u) / stepx) : 1;
      every = MAX (every, 1);
      for (guint i = 0; i < n; i++)
        {
          ScChartText *t = g_ptr_array_index (cats, i);

          if (i % every != 0)
            {
              sc_chart_text_free (t);
              continue;
            }
          /* Low enough to clear the "0" tick beside the axis corner. */
          sc_chart_text_place (t, CLAMP (xs[i] - t->rect.width / 2, c->margin, out->width - c->margin - t->rect.width),
                               out->plot.y + out->plot.height + MAX (6 * c->u, sc_chart_line_height (c, SIZE_TICK) / 2 + 2 * c->u));
          sc_chart_text_add (c, t);
        }
    }

  for (guint s = 0; s < ns; s++)
    {
      const ScChartSeries *series = g_ptr_array_index (m->series, s);
      ScChartLine *line = g_new0 (ScChartLine, 1);

      line->series = s;
      line->color = series->color;
      line->points = g_array_sized_new (FALSE, FALSE, sizeof (ScChartPoint), n);
      line->dots = !numeric && n <= 24;
      for (guint i = 0; i < n; i++)
        {
          double v = sc_chart_series_get (series, i);
          ScChartPoint p = { xs[i], isfinite (v) ? sc_chart_axis_map (&a, v) : NAN };

          g_array_append_val (line->points, p);
        }
      /* A line that lies on an earlier one for most of its length (two
       * platforms both worth nothing, say) is dashed, so that the earlier
       * one shows through its gaps and neither hides the other. */
      for (guint e = 0; e < out->lines->len && !line->dashed; e++)
        {
          const ScChartLine *earlier = g_ptr_array_index (out->lines, e);
          guint same = 0, both = 0;

          for (guint i = 0; i < n; i++)
            {
              double y0 = g_array_index (earlier->points, ScChartPoint, i).y;
              double y1 = g_array_index (line->points, ScChartPoint, i).y;

              if (!isfinite (y0) || !isfinite (y1))
                continue;
              both++;
              same += fabs (y0 - y1) < 2 * c->u;
            }
          line->dashed = both > 0 && same * 2 >= both;
        }
      g_ptr_array_add (out->lines, line);
    }

  /* End labels: at their point's height, pushed apart, kept inside the plot's height. */
  {
    double gap = 2 * c->u;
    double min_y = out->label_area.y, max_y = out->label_area.y + out->label_area.height;

    for (guint i = 0; i < ends->len; i++)
      {
        ScChartText *t = g_ptr_array_index (ends, i);
        const ScChartSeries *series = g_ptr_array_index (m->series, t->series);
        double y = sc_chart_axis_map (&a, sc_chart_series_get (series, t->point));

        sc_chart_text_place (t, xs[t->point] + 8 * c->u, y - t->rect.height / 2);
      }
    /* sort by y */
    for (guint i = 1; i < ends->len; i++)
      for (guint j = i; j > 0; j--)
        {
          ScChartText *p = g_ptr_array_index (ends, j - 1), *q = g_ptr_array_index (ends, j);

          if (p->rect.y <= q->rect.y)
            break;
          ends->pdata[j - 1] = q;
          ends->pdata[j] = p;
        }
    for (int pass = 0; pass < 2; pass++)
      {
        for (guint i = 0; i < ends->len; i++)
          {
            ScChartText *t = g_ptr_array_index (ends, i);

            if (i > 0)
              {
                ScChartText *p = g_ptr_array_index (ends, i - 1);
                t->rect.y = MAX (t->rect.y, p->rect.y + p->rect.height + gap);
              }
          }
        for (int i = (int) ends->len - 1; i >= 0; i--)
          {
            ScChartText *t = g_ptr_array_index (ends, i);
            double limit = max_y;

            if (i + 1 < (int) ends->len)
              limit = ((ScChartText *) g_ptr_array_index (ends, i + 1))->rect.y - gap;
            t->rect.y = MIN (t->rect.y, limit - t->rect.height);
            t->rect.y = MAX (t->rect.y, min_y);
          }
      }
  }

  /* Where the leader changes: the builder found them (sc_sweep_crossovers()),
   * the layout only marks them. */
  for (guint k = 0; numeric && k < m->crossovers->len && k < MAX_CROSSOVERS; k++)
    {
      const ScChartCrossover *x = &g_array_index (m->crossovers, ScChartCrossover, k);
      ScChartMarker mk;
      g_autofree char *num = NULL;
      g_autofree char *str = NULL;
      ScChartText *t;

      if (!isfinite (x->x) || !isfinite (x->y) || x->x < xa.lo || x->x > xa.hi)
        continue;
      mk.x = sc_chart_axis_map (&xa, x->x);
      mk.y = sc_chart_axis_map (&a, x->y);
      mk.radius = 4.5 * c->u;
      g_array_append_val (out->markers, mk);

      num = sc_chart_format_number (x->x, m->lang, 2);
      str = g_strdup_printf ("≈ %s", num);
      t = sc_chart_text_new (c, SC_CHART_TEXT_MARKER, str, SIZE_VALUE, FALSE, SC_CHART_INK_MARKER);
      t->align = PANGO_ALIGN_CENTER;
      sc_chart_text_place (t, mk.x - t->rect.width / 2, mk.y - mk.radius - 4 * c->u - t->rect.height);
      if (t->rect.y < out->plot.y)
        sc_chart_text_place (t, mk.x - t->rect.width / 2, mk.y + mk.radius + 4 * c->u);
      t->rect.x = CLAMP (t->rect.x, out->plot.x, out->plot.x + out->plot.width - t->rect.width);
      g_ptr_array_add (ends, t);
    }

  for (guint i = 0; i < ends->len; i++)
    sc_chart_text_add (c, g_ptr_array_index (ends, i));
}
