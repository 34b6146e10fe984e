/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

/*
 * Horizontal bars, one row per category, with the category column on the
 * left. Stacked (measures, largest first): the series add up from 0 and
 * the row has one value. Unstacked (the drivers tornado): every series'
 * bar starts at the model's @bar_origin and carries its own label at its
 * end, with the model's rule (@marker_x) and a named zero line.
 */

#include "config.h"

#include "sc-chart-layout-private.h"

#include "sc-chart-format.h"

#include <math.h>

/* The rule at the model's @marker_x and its name, and the name of the zero
 * line, in the line above the plot: each on the side away from the other
 * line, so that they do not meet. */
static void
lines_and_names (ScChartLayoutCtx  *c,
                 const ScChartAxis *a)
{
  const ScChartModel *m = c->model;
  ScChartLayout *out = c->out;
  double zero = sc_chart_axis_map (a, 0);
  double rule = isfinite (m->marker_x) ? sc_chart_axis_map (a, m->marker_x) : zero;
  double y = out->plot.y - sc_chart_line_height (c, SIZE_VALUE) - 3 * c->u;
  const struct { const char *text; double x; gboolean right; } names[] = {
    { m->marker_label, rule, rule >= zero },
    { m->zero_label, zero, rule < zero },
  };

  if (isfinite (m->marker_x))
    {
      out->has_rule = TRUE;
      out->rule = (ScChartGridline) { rule, out->plot.y - 2 * c->u, rule, out->plot.y + out->plot.height, TRUE };
    }
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      ScChartText *t;
      double x;

      if (names[k].text == NULL)
        continue;
      t = sc_chart_text_new (c, SC_CHART_TEXT_MARKER, names[k].text, SIZE_VALUE, k == 0,
                             k == 0 ? SC_CHART_INK_MARKER : SC_CHART_INK_TEXT_SECONDARY);
      x = names[k].right ? names[k].x + 4 * c->u : names[k].x - 4 * c->u - t->rect.width;
      sc_chart_text_place (t, CLAMP (x, c->margin, out->width - c->margin - t->rect.width), y);
      sc_chart_text_add (c, t);
    }
}

/* The left edge of a label @width wide that starts at @x (going right,
 * @rightwards) or ends at @x (going left), moved on past each of the
 * vertical @lines it would touch: a value label never sits on the rule or
 * the zero line. */
static double
clear_of_lines (double        x,
                double        width,
                gboolean      rightwards,
                const double *lines,
                guint         n_lines,
                double        gap)
{
  double left = rightwards ? x : x - width;

  /* Twice: moving past one line may reach the other. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < n_lines; k++)
      if (isfinite (lines[k]) && lines[k] > left - gap && lines[k] < left + width + gap)
        left = rightwards ? lines[k] + gap : lines[k] - gap - width;
  return left;
}

/* Row @i of an unstacked chart, centred on @cy: each series' bar from the
 * origin to its value, the longest first so that a shorter one on the
 * same side stays in sight, each labelled at its end, clear of the rule
 * and the zero line. */
static void
unstacked_row (ScChartLayoutCtx  *c,
               const ScChartAxis *a,
               guint              i,
               double             cy,
               double             thick,
               double             label_size)
{
  const ScChartModel *m = c->model;
  guint ns = m->series->len;
  double origin = sc_chart_axis_map (a, m->bar_origin);
  const double lines[] = { isfinite (m->marker_x) ? sc_chart_axis_map (a, m->marker_x) : NAN,
                           a->lo <= 0 && a->hi >= 0 ? sc_chart_axis_map (a, 0) : NAN };
  g_autofree guint *order = g_new (guint, MAX (ns, 1));

  for (guint s = 0; s < ns; s++)
    order[s] = s;
  for (guint s = 1; s < ns; s++)
    for (guint k = s; k > 0; k--)
      {
        double p = fabs (sc_chart_series_get (g_ptr_array_index (m->series, order[k - 1]), i) - m->bar_origin);
        double q = fabs (sc_chart_series_get (g_ptr_array_index (m->series, order[k]), i) - m->bar_origin);
        guint tmp;

        if (!(q > p))
          break;
        tmp = order[k - 1];
        order[k - 1] = order[k];
        order[k] = tmp;
      }

  for (guint k = 0; k < ns; k++)
    {
      const ScChartSeries *series = g_ptr_array_index (m->series, order[k]);
      double v = sc_chart_series_get (series, i);
      double end;
      ScChartBar bar = { 0 };
      g_autofree char *str = NULL;
      ScChartText *t;

      if (!isfinite (v))
        continue;
      end = sc_chart_axis_map (a, v);
      bar.rect = (ScChartRect) { MIN (origin, end), cy - thick / 2, fabs (end - origin), thick };
      sc_chart_add_bar (c, &bar, series, order[k], i);

      str = sc_chart_value_text (c, series, i);
      t = sc_chart_text_new (c, SC_CHART_TEXT_VALUE, str, label_size, FALSE, SC_CHART_INK_TEXT);
      t->series = order[k];
      t->point = i;
      t->align = v >= m->bar_origin ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
      sc_chart_text_place (t, clear_of_lines (v >= m->bar_origin ? end + 5 * c->u : end - 5 * c->u, t->rect.width,
                                              v >= m->bar_origin, lines, G_N_ELEMENTS (lines), 4 * c->u),
                           cy - t->rect.height / 2);
      sc_chart_text_add (c, t);
    }
}

/* The lines the longest category label takes at @size, wrapped to @width. */
static int
lines_needed (ScChartLayoutCtx *c,
              double            size,
              double            width)
{
  double line = sc_chart_line_height (c, size);
  int most = 1;

  for (guint i = 0; i < c->model->categories->len; i++)
    {
      ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_CATEGORY, g_ptr_array_index (c->model->categories, i),
                                          size, FALSE, SC_CHART_INK_TEXT);

      if (t->rect.width > width)
        {
          sc_chart_text_fit (c, t, width, 10, PANGO_ALIGN_RIGHT);
          most = MAX (most, (int) floor (t->rect.height / line + 0.5));
        }
      sc_chart_text_free (t);
    }
  return most;
}

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
  if (!m->stacked)
    {
      lo = MIN (lo, m->bar_origin);
      hi = MAX (hi, m->bar_origin);
      if (isfinite (m->marker_x))
        {
          lo = MIN (lo, m->marker_x);
          hi = MAX (hi, m->marker_x);
        }
    }
  tick_h = sc_chart_line_height (c, SIZE_TICK);
  top += 4 * c->u;
  /* A line above the plot for the rule's and the zero line's names. */
  if (m->marker_label != NULL || m->zero_label != NULL)
    top += sc_chart_line_height (c, SIZE_VALUE) + 4 * c->u;
  /* A line below the ticks for the axis title. */
  if (m->x_axis != NULL && *m->x_axis != '\0')
    bottom -= sc_chart_line_height (c, SIZE_AXIS) + 4 * c->u;
  row_h = (bottom - tick_h - 8 * c->u - top) / MAX (n, 1);

  /* Category type shrinks with many rows; two lines only when they fit. */
  cat_size = SIZE_CATEGORY;
  while (cat_size > 7.5 / c->type_scale && sc_chart_line_height (c, cat_size) > row_h * 0.95)
    cat_size -= 0.5;
  max_lines = sc_chart_line_height (c, cat_size) * 2 <= row_h * 0.95 ? 2 : 1;
  max_label = MAX (80 * c->u, out->width * 0.36);
  /* Unstacked (the drivers tornado): labels wrap to as many lines as
   * they need (three at most), in the largest type at which those lines
   * fit the row, rather than lose their end; where none does, in the
   * smallest type, on as many lines as the row holds. */
  if (!m->stacked)
    for (double size = cat_size; size > 8.5 / c->type_scale - 0.01; size -= 0.5)
      {
        int room = MIN (3, (int) (row_h * 0.95 / sc_chart_line_height (c, size)));
        int need = lines_needed (c, size, max_label);

        if (room >= 1 && (need <= room || size - 0.5 <= 8.5 / c->type_scale - 0.01))
          {
            cat_size = size;
            max_lines = MIN (need, room);
            break;
          }
      }

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
    double tick_room;
    guint max_ticks;
    g_autofree char *widest = sc_chart_format_tick (-MAX (fabs (lo), fabs (hi)), MAX (fabs (lo), fabs (hi)), m->lang);
    ScChartText *probe = sc_chart_text_new (c, SC_CHART_TEXT_TICK, widest, SIZE_TICK, FALSE, SC_CHART_INK_TEXT_SECONDARY);

    /* Room for a tick label and a gap as wide again: value labels (dates,
     * "3 yuan per order") say nothing about how wide the ticks are, and
     * spacing ticks by them left the axis twice as long as the bars. */
    tick_room = probe->rect.width * 2;
    sc_chart_text_free (probe);
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
  if (m->x_axis != NULL && *m->x_axis != '\0')
    {
      ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_AXIS_TITLE, m->x_axis, SIZE_AXIS, FALSE, SC_CHART_INK_TEXT_SECONDARY);

      if (t->rect.width > out->plot.width)
        sc_chart_text_fit (c, t, out->plot.width, 1, PANGO_ALIGN_CENTER);
      sc_chart_text_place (t, out->plot.x + (out->plot.width - t->rect.width) / 2,
                           out->plot.y + out->plot.height + 6 * c->u + tick_h + 4 * c->u);
      sc_chart_text_add (c, t);
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

  if (!m->stacked)
    {
      lines_and_names (c, &a);
      for (guint i = 0; i < n; i++)
        unstacked_row (c, &a, i, out->plot.y + row_h * (i + 0.5), MIN (row_h * 0.68, 30 * c->u),
                       MIN (SIZE_VALUE, cat_size));
      return;
    }

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
