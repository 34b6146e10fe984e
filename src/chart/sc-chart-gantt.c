/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

/*
 * The timeline: programs as spans on a year axis, one row per platform,
 * the "today" rule, and every span labelled in full: inside its bar when
 * the name fits, else beside it. Lanes are packed by what each span takes
 * with its label, so a label never has to be cut (a slide showed two
 * Douyin programs both as "Nine merchant-sup…", and small bars with no
 * name at all).
 */

#include "config.h"

#include "sc-chart-layout-private.h"

#include "sc-chart-format.h"

#include <math.h>

/* Places @t inside @box, in the ink that reads on the bar's colour. */
static void
label_inside (ScChartLayoutCtx     *c,
              ScChartText          *t,
              const ScChartSpanBox *box,
              const ScChartSpan    *sp,
              double                pad)
{
  ScChartRgb fill = sc_chart_palette_status (sp->status, c->model->dark);

  t->on_fill = TRUE;
  t->color = sc_chart_palette_text_on (fill);
  sc_chart_text_place (t, box->rect.x + pad, box->rect.y + (box->rect.height - t->rect.height) / 2);
}

void
sc_chart_layout_gantt (ScChartLayoutCtx *c,
                       double            top,
                       double            bottom)
{
  const ScChartModel *m = c->model;
  ScChartLayout *out = c->out;
  guint n_rows = m->categories->len, n_spans = m->spans->len;
  double x_min = m->x_min, x_max = m->x_max, label_col, label_h, tick_h, left, right;
  g_autofree guint *lane = g_new0 (guint, MAX (n_spans, 1));
  g_autofree guint *row_lanes = g_new0 (guint, MAX (n_rows, 1));
  g_autofree double *row_y = g_new0 (double, MAX (n_rows, 1) + 1);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree double *centres = g_new (double, MAX (n_rows, 1));
  g_autofree double *extent_start = g_new0 (double, MAX (n_spans, 1));
  g_autofree double *extent_end = g_new0 (double, MAX (n_spans, 1));
  guint total_lanes = 0;
  double lane_h, bar_h, span_size;
  ScChartAxis xa = { 0 };

  if (!(x_max > x_min))
    {
      x_min = G_MAXDOUBLE;
      x_max = -G_MAXDOUBLE;
      for (guint i = 0; i < n_spans; i++)
        {
          const ScChartSpan *sp = g_ptr_array_index (m->spans, i);
          x_min = MIN (x_min, floor (sp->start));
          x_max = MAX (x_max, ceil (sp->end));
        }
      if (!(x_max > x_min))
        x_max = x_min + 1;
    }

  tick_h = sc_chart_line_height (c, SIZE_TICK);
  top += (m->marker_label != NULL ? sc_chart_line_height (c, SIZE_VALUE) + 6 * c->u : 4 * c->u);

  rows = sc_chart_category_labels (c, SIZE_CATEGORY, TRUE, SC_CHART_INK_TEXT, out->width * 0.22, 2,
                                   PANGO_ALIGN_RIGHT, FALSE, &label_col, &label_h);
  left = c->margin + label_col + 12 * c->u;
  right = out->width - c->margin;
  xa.lo = x_min;
  xa.hi = x_max;
  xa.px0 = left;
  xa.px1 = right;

  /* What each span takes on its lane, in axis units: its bar, and its label
   * (measured at the largest size it may get) inside the bar when it fits,
   * else after the bar, or before it when the chart ends first. */
  {
    double units_per_px = (x_max - x_min) / MAX (right - left, 1);
    double pad = 6 * c->u;

    for (guint i = 0; i < n_spans; i++)
      {
        const ScChartSpan *sp = g_ptr_array_index (m->spans, i);
        g_autofree char *str = g_strconcat (sp->label, sp->assumed ? "*" : "", NULL);
        ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_VALUE, str, SIZE_VALUE, FALSE, SC_CHART_INK_TEXT);
        double x0 = CLAMP (sp->start, x_min, x_max);
        double x1 = sp->open_end ? x_max : CLAMP (sp->end, x_min, x_max);
        double label_units = (t->rect.width + 2 * pad) * units_per_px;

        x1 = MAX (x1, x0 + 2 * c->u * units_per_px);
        extent_start[i] = x0;
        extent_end[i] = x1;
        if (label_units > x1 - x0)
          {
            if (x1 + label_units <= x_max)
              extent_end[i] = x1 + label_units;
            else
              extent_start[i] = MAX (x_min, x0 - label_units);
          }
        sc_chart_text_free (t);
      }
  }

  /* Lanes: spans of a row whose extents overlap (with a small gap) go on
   * separate lanes. */
  {
    double gap_units = (x_max - x_min) * 3 * c->u / MAX (right - left, 1);
    g_autofree guint *order = g_new0 (guint, MAX (n_spans, 1));
    g_autoptr(GArray) lane_end = g_array_new (FALSE, TRUE, sizeof (double));

    for (guint i = 0; i < n_spans; i++)
      order[i] = i;
    /* by start (stable insertion sort: spans are few) */
    for (guint i = 1; i < n_spans; i++)
      for (guint j = i; j > 0; j--)
        {
          const ScChartSpan *p = g_ptr_array_index (m->spans, order[j - 1]);
          const ScChartSpan *q = g_ptr_array_index (m->spans, order[j]);

          if (p->start <= q->start)
            break;
          guint tmp = order[j - 1];
          order[j - 1] = order[j];
          order[j] = tmp;
        }
    for (guint r = 0; r < n_rows; r++)
      {
        g_array_set_size (lane_end, 0);
        for (guint k = 0; k < n_spans; k++)
          {
            const ScChartSpan *sp = g_ptr_array_index (m->spans, order[k]);
            guint l;

            if (sp->row != r)
              continue;
            for (l = 0; l < lane_end->len; l++)
              if (g_array_index (lane_end, double, l) <= extent_start[order[k]])
                break;
            if (l == lane_end->len)
              g_array_set_size (lane_end, l + 1);
            g_array_index (lane_end, double, l) = extent_end[order[k]] + gap_units;
            lane[order[k]] = l;
          }
        row_lanes[r] = MAX (lane_end->len, 1);
        total_lanes += row_lanes[r];
      }
  }

  {
    double avail = bottom - tick_h - 10 * c->u - top;
    double row_pad = 0.5;   /* lanes of padding per row */

    lane_h = avail / MAX (total_lanes + row_pad * n_rows, 1);
    bar_h = MIN (lane_h * 0.74, 26 * c->u);
    span_size = SIZE_VALUE;
    /* Labels beside their bar may use the whole lane; one inside its bar
     * must also fit its height (see below). */
    while (span_size > 7.0 / c->type_scale && sc_chart_line_height (c, span_size) > lane_h - 1)
      span_size -= 0.5;
    /* A bar is as tall as a line of its label, so that a name inside its
     * bar has the size of one beside its bar. */
    bar_h = MAX (bar_h, MIN (sc_chart_line_height (c, span_size) + 2 * c->u, lane_h * 0.92));
    out->plot = (ScChartRect) { left, top, right - left, avail };
    out->label_area = out->plot;

    row_y[0] = top;
    for (guint r = 0; r < n_rows; r++)
      row_y[r + 1] = row_y[r] + lane_h * (row_lanes[r] + row_pad);
  }

  /* Year ticks: boundaries as gridlines, the year's label centred in its span. */
  {
    int y0 = (int) ceil (x_min - 1e-9), y1 = (int) floor (x_max + 1e-9);

    for (int y = y0; y <= y1; y++)
      sc_chart_add_grid (c, sc_chart_axis_map (&xa, y), out->plot.y, sc_chart_axis_map (&xa, y), out->plot.y + out->plot.height, FALSE);
    for (int y = (int) floor (x_min); y < (int) ceil (x_max); y++)
      {
        double a0 = MAX (x_min, y), a1 = MIN (x_max, y + 1.0);
        g_autofree char *s = g_strdup_printf ("%d", y);
        ScChartText *t;

        if (sc_chart_axis_map (&xa, a1) - sc_chart_axis_map (&xa, a0) < 30 * c->u)
          continue;
        t = sc_chart_text_new (c, SC_CHART_TEXT_TICK, s, SIZE_TICK, FALSE, SC_CHART_INK_TEXT_SECONDARY);
        sc_chart_text_place (t, sc_chart_axis_map (&xa, (a0 + a1) / 2) - t->rect.width / 2, out->plot.y + out->plot.height + 6 * c->u);
        sc_chart_text_add (c, t);
      }
  }

  for (guint r = 0; r < n_rows; r++)
    {
      centres[r] = (row_y[r] + row_y[r + 1]) / 2;
      if (r > 0)
        sc_chart_add_grid (c, c->margin, row_y[r], right, row_y[r], FALSE);
    }
  sc_chart_category_column (c, rows, left - 12 * c->u, centres);

  if (isfinite (m->marker_x) && m->marker_x >= x_min && m->marker_x <= x_max)
    {
      double x = sc_chart_axis_map (&xa, m->marker_x);

      out->has_rule = TRUE;
      out->rule = (ScChartGridline) { x, out->plot.y, x, out->plot.y + out->plot.height, TRUE };
      if (m->marker_label != NULL)
        {
          ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_MARKER, m->marker_label, SIZE_VALUE, TRUE, SC_CHART_INK_MARKER);

          sc_chart_text_place (t, CLAMP (x - t->rect.width / 2, left, right - t->rect.width), out->plot.y - t->rect.height - 3 * c->u);
          sc_chart_text_add (c, t);
        }
    }

  /* Bars, then labels: inside when they fit, else after the bar when the lane is free. */
  for (guint i = 0; i < n_spans; i++)
    {
      const ScChartSpan *sp = g_ptr_array_index (m->spans, i);
      ScChartSpanBox box = { 0 };
      double x0, x1, cy;

      if (sp->row >= n_rows)
        continue;
      x0 = sc_chart_axis_map (&xa, CLAMP (sp->start, x_min, x_max));
      x1 = sc_chart_axis_map (&xa, sp->open_end ? x_max : CLAMP (sp->end, x_min, x_max));
      if (x1 - x0 < 2 * c->u)
        x1 = x0 + 2 * c->u;
      cy = row_y[sp->row] + lane_h * (0.25 + lane[i] + 0.5);
      box.rect = (ScChartRect) { x0, cy - bar_h / 2, x1 - x0, bar_h };
      box.span = i;
      box.status = sp->status;
      box.open_end = sp->open_end;
      g_array_append_val (out->spans, box);
    }
  for (guint i = 0; i < out->spans->len; i++)
    {
      const ScChartSpanBox *box = &g_array_index (out->spans, ScChartSpanBox, i);
      const ScChartSpan *sp = g_ptr_array_index (m->spans, box->span);
      g_autofree char *str = g_strconcat (sp->label, sp->assumed ? "*" : "", NULL);
      ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_VALUE, str, span_size, FALSE, SC_CHART_INK_TEXT);
      double pad = 6 * c->u;
      double free_right = out->plot.x + out->plot.width;

      t->point = box->span;
      t->align = PANGO_ALIGN_LEFT;
      for (guint j = 0; j < out->spans->len; j++)
        {
          const ScChartSpanBox *o = &g_array_index (out->spans, ScChartSpanBox, j);

          if (j != i && fabs (o->rect.y - box->rect.y) < 0.5 && o->rect.x >= box->rect.x + box->rect.width - 0.5)
            free_right = MIN (free_right, o->rect.x - pad);
        }

      double after = box->rect.x + box->rect.width + pad * 0.7;
      double free_left = out->plot.x;
      double cy = box->rect.y + box->rect.height / 2;
      gboolean fits_inside = t->rect.width <= box->rect.width - 2 * pad;

      for (guint j = 0; j < out->spans->len; j++)
        {
          const ScChartSpanBox *o = &g_array_index (out->spans, ScChartSpanBox, j);

          if (j != i && fabs (o->rect.y - box->rect.y) < 0.5 && o->rect.x + o->rect.width <= box->rect.x + 0.5)
            free_left = MAX (free_left, o->rect.x + o->rect.width + pad);
        }

      /* Inside the bar when the name fits (the lanes reserved no room
       * beside it then); else beside it, after or before, where the lanes
       * reserved room; only a chart far too small for its names cuts one. */
      if (fits_inside)
        {
          double size = t->size;

          while (size > 7.0 && t->rect.height > box->rect.height)
            {
              size -= 0.5;
              sc_chart_text_resize (c, t, size);
            }
          label_inside (c, t, box, sp, pad);
        }
      else if (t->rect.width <= free_right - after)
        sc_chart_text_place (t, after, cy - t->rect.height / 2);
      else if (t->rect.width <= box->rect.x - pad * 0.7 - free_left)
        {
          t->align = PANGO_ALIGN_RIGHT;
          sc_chart_text_place (t, box->rect.x - pad * 0.7 - t->rect.width, cy - t->rect.height / 2);
        }
      else
        {
          sc_chart_text_fit (c, t, MAX (free_right - after, 20 * c->u), 1, PANGO_ALIGN_LEFT);
          sc_chart_text_place (t, after, cy - t->rect.height / 2);
        }
      sc_chart_text_add (c, t);
    }
}
