/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

/*
 * Axes of a chart: the value range, ticks and gridlines, the value axis of
 * the vertical styles, the stacking of bars on an axis, and the column of
 * category labels that bars, horizontal bars, lines and Gantt rows share.
 */

#include "config.h"

#include "sc-chart-layout-private.h"

#include "sc-chart-format.h"

#include <math.h>


void
sc_chart_add_grid (ScChartLayoutCtx *c,
                   double            x1,
                   double            y1,
                   double            x2,
                   double            y2,
                   gboolean          strong)
{
  ScChartGridline g = { x1, y1, x2, y2, strong };

  g_array_append_val (c->out->grid, g);
}


/* Value range of the data: stacked sums or single values, always including 0. */
void
sc_chart_value_range (ScChartLayoutCtx *c,
                      double           *lo,
                      double           *hi)
{
  guint n = sc_chart_model_n_points (c->model);

  *lo = 0;
  *hi = 0;
  for (guint i = 0; i < n; i++)
    {
      double pos = 0, neg = 0;

      for (guint s = 0; s < c->model->series->len; s++)
        {
          double v = sc_chart_series_get (g_ptr_array_index (c->model->series, s), i);

          if (!isfinite (v))
            continue;
          if (c->model->stacked)
            {
              if (v > 0)
                pos += v;
              else
                neg += v;
            }
          else
            {
              pos = MAX (pos, v);
              neg = MIN (neg, v);
            }
        }
      *hi = MAX (*hi, pos);
      *lo = MIN (*lo, neg);
    }
}

/*
 * Stacks @v on the positive or negative side of a bar (@pos and @neg hold
 * the sums so far) and gives the pixel positions of its two ends on @a.
 */
void
sc_chart_stack_value (const ScChartAxis *a,
                      double             v,
                      double            *pos,
                      double            *neg,
                      double            *p0,
                      double            *p1)
{
  double base = v > 0 ? *pos : *neg;

  if (v > 0)
    *pos += v;
  else
    *neg += v;
  *p0 = sc_chart_axis_map (a, base);
  *p1 = sc_chart_axis_map (a, base + v);
}

/* Appends @bar, whose rect is set, as the bar of @series (number @s) at point @i. */
void
sc_chart_add_bar (ScChartLayoutCtx    *c,
                  ScChartBar          *bar,
                  const ScChartSeries *series,
                  guint                s,
                  guint                i)
{
  bar->series = s;
  bar->point = i;
  bar->color = series->color;
  bar->assumed = sc_chart_series_is_assumed (series, i);
  g_array_append_val (c->out->bars, *bar);
}

/*
 * Ticks for [lo, hi], widened so that @pad_hi / @pad_lo pixels stay free
 * beyond the data for value labels.
 */
void
sc_chart_axis_fit (ScChartAxis *a,
                   double       lo,
                   double       hi,
                   double       length,
                   double       pad_lo,
                   double       pad_hi,
                   guint        max_ticks)
{
  double span;

  if (hi == lo)
    hi = lo + 1;
  span = hi - lo;
  for (int i = 0; i < 4; i++)
    {
      double want_hi = hi + (hi > 0 ? span * pad_hi / MAX (length - pad_hi - pad_lo, 1) : 0);
      double want_lo = lo - (lo < 0 ? span * pad_lo / MAX (length - pad_hi - pad_lo, 1) : 0);

      sc_chart_nice_ticks (want_lo, want_hi, max_ticks, &a->first, &a->step, &a->n);
      a->lo = a->first;
      a->hi = a->first + a->step * (a->n - 1);
      if (a->hi >= want_hi - 1e-9 * fabs (want_hi) && a->lo <= want_lo + 1e-9 * fabs (want_lo))
        break;
      hi = MAX (hi, want_hi);
      lo = MIN (lo, want_lo);
    }
}

/* Tick labels of a value axis; returns the widest. */
GPtrArray *
sc_chart_tick_texts (ScChartLayoutCtx  *c,
                     const ScChartAxis *a,
                     gboolean           money,
                     double            *max_w)
{
  GPtrArray *ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_text_free);

  *max_w = 0;
  for (guint i = 0; i < a->n; i++)
    {
      double v = a->first + a->step * i;
      g_autofree char *s = NULL;
      ScChartText *t;

      if (fabs (v) < a->step * 1e-6)
        v = 0;
      s = sc_chart_format_tick (v, MAX (fabs (a->lo), fabs (a->hi)), c->model->lang);
      t = sc_chart_text_new (c, SC_CHART_TEXT_TICK, s, SIZE_TICK, FALSE, SC_CHART_INK_TEXT_SECONDARY);
      *max_w = MAX (*max_w, t->rect.width);
      g_ptr_array_add (ticks, t);
    }
  return ticks;
}


ScChartText *
sc_chart_axis_title (ScChartLayoutCtx *c,
                     const char       *title,
                     double            x,
                     double            y_bottom)
{
  ScChartText *t;

  if (title == NULL || *title == '\0')
    return NULL;
  t = sc_chart_text_new (c, SC_CHART_TEXT_AXIS_TITLE, title, SIZE_AXIS, FALSE, SC_CHART_INK_TEXT_SECONDARY);
  if (t->rect.width > c->out->width - x - c->margin)
    sc_chart_text_fit (c, t, c->out->width - x - c->margin, 1, PANGO_ALIGN_LEFT);
  sc_chart_text_place (t, x, y_bottom - t->rect.height);
  return sc_chart_text_add (c, t);
}

/*
 * The value axis left of a vertical plot, once out->plot is known: refits
 * @a to the plot's height (keeping @pad_lo / @pad_hi pixels free beyond the
 * data), adds the axis title above the plot, then each tick label with its
 * gridline. Returns the width of the widest tick label.
 */
double
sc_chart_value_axis (ScChartLayoutCtx *c,
                     ScChartAxis      *a,
                     double            lo,
                     double            hi,
                     double            pad_lo,
                     double            pad_hi)
{
  ScChartLayout *out = c->out;
  guint max_ticks = CLAMP ((guint) (out->plot.height / (sc_chart_line_height (c, SIZE_TICK) * 2.6)), 2, 8);
  g_autoptr(GPtrArray) ticks = NULL;
  double tick_w;

  sc_chart_axis_fit (a, lo, hi, out->plot.height, pad_lo, pad_hi, max_ticks);
  ticks = sc_chart_tick_texts (c, a, TRUE, &tick_w);
  a->px0 = out->plot.y + out->plot.height;
  a->px1 = out->plot.y;

  sc_chart_axis_title (c, c->model->value_axis, c->margin, out->plot.y - sc_chart_line_height (c, SIZE_TICK) / 2 - 4 * c->u);

  for (guint i = 0; i < a->n; i++)
    {
      ScChartText *t = g_ptr_array_steal_index (ticks, 0);
      double v = a->first + a->step * i;
      double y = sc_chart_axis_map (a, v);

      sc_chart_text_place (t, out->plot.x - 8 * c->u - t->rect.width, y - t->rect.height / 2);
      sc_chart_text_add (c, t);
      sc_chart_add_grid (c, out->plot.x, y, out->plot.x + out->plot.width, y, fabs (v) < a->step * 1e-6);
    }
  return tick_w;
}

/*
 * The labels of the categories (platforms, measures, months), one per
 * point: at @base_size, wrapped to @max_width in at most @max_lines lines
 * and aligned @align — every label when @always_fit, else only those wider
 * than @max_width. @widest and @tallest get the largest measured size.
 * The array does not own the texts: each goes to the layout or is freed.
 */
GPtrArray *
sc_chart_category_labels (ScChartLayoutCtx *c,
                          double            base_size,
                          gboolean          bold,
                          ScChartInk        ink,
                          double            max_width,
                          int               max_lines,
                          int               align,
                          gboolean          always_fit,
                          double           *widest,
                          double           *tallest)
{
  GPtrArray *labels = g_ptr_array_new ();

  *widest = 0;
  *tallest = 0;
  for (guint i = 0; i < c->model->categories->len; i++)
    {
      ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_CATEGORY, g_ptr_array_index (c->model->categories, i),
                                          base_size, bold, ink);

      if (always_fit || t->rect.width > max_width)
        sc_chart_text_fit (c, t, max_width, max_lines, align);
      *widest = MAX (*widest, t->rect.width);
      *tallest = MAX (*tallest, t->rect.height);
      t->point = i;
      g_ptr_array_add (labels, t);
    }
  return labels;
}

void
sc_chart_category_column (ScChartLayoutCtx *c,
                          GPtrArray        *labels,
                          double            right,
                          const double     *centres)
{
  for (guint i = 0; i < labels->len; i++)
    {
      ScChartText *t = g_ptr_array_index (labels, i);

      sc_chart_text_place (t, right - t->rect.width, centres[i] - t->rect.height / 2);
      sc_chart_text_add (c, t);
    }
}
