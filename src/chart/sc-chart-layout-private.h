/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the parts of the chart layout share: the context one layout is built
 * in, the type sizes, and the helpers of text (sc-chart-text.c), frame
 * (sc-chart-frame.c) and axes (sc-chart-axis.c) that each style
 * (sc-chart-bars.c, sc-chart-hbars.c, sc-chart-lines.c, sc-chart-gantt.c)
 * builds on. sc-chart-layout.c holds the entry point and picks the style.
 */

#include <pango/pangocairo.h>

#include "sc-chart-layout.h"
#include "sc-chart-private.h"

G_BEGIN_DECLS

/* Type sizes in px at 800×450; smaller canvases keep at least MIN_SCALE of them. */
#define SIZE_TITLE     20.0
#define SIZE_SUBTITLE  12.5
#define SIZE_LEGEND    12.5
#define SIZE_AXIS      11.5
#define SIZE_TICK      11.5
#define SIZE_CATEGORY  12.5
#define SIZE_VALUE     11.5
#define SIZE_FOOTNOTE  10.0
#define SIZE_MESSAGE   15.0
#define MIN_SCALE      0.72

/* One layout being built. */
typedef struct
{
  const ScChartModel *model;
  ScChartLayout      *out;
  PangoContext       *context;
  double              u;          /* unit */
  double              type_scale; /* unit for type, never below MIN_SCALE */
  double              margin;
  gboolean            zh;
  /* sc_chart_line_height() of the sizes asked so far: base size, height. */
  double              line_heights[8][2];
  guint               n_line_heights;
} ScChartLayoutCtx;

/* A style's layout of the plot between @top and @bottom (sc-chart-<style>.c). */
typedef void (*ScChartStyleLayout) (ScChartLayoutCtx *c,
                                    double            top,
                                    double            bottom);

void sc_chart_layout_bars  (ScChartLayoutCtx *c,
                            double            top,
                            double            bottom);
void sc_chart_layout_hbars (ScChartLayoutCtx *c,
                            double            top,
                            double            bottom);
void sc_chart_layout_lines (ScChartLayoutCtx *c,
                            double            top,
                            double            bottom);
void sc_chart_layout_gantt (ScChartLayoutCtx *c,
                            double            top,
                            double            bottom);

/* --- text: sc-chart-text.c --------------------------------------------- */

/* A measured, unplaced text at @base_size (scaled); not yet in the layout. (transfer full) */
ScChartText *sc_chart_text_new            (ScChartLayoutCtx    *c,
                                           ScChartTextRole      role,
                                           const char          *str,
                                           double               base_size,
                                           gboolean             bold,
                                           ScChartInk           ink);
/* The same, wrapped to @width as sc_chart_text_fit() does, measured once. (transfer full) */
ScChartText *sc_chart_text_new_fitted     (ScChartLayoutCtx    *c,
                                           ScChartTextRole      role,
                                           const char          *str,
                                           double               base_size,
                                           gboolean             bold,
                                           ScChartInk           ink,
                                           double               width,
                                           int                  max_lines,
                                           int                  align);
void         sc_chart_text_free           (ScChartText         *t);
/* Whether @t as last measured ends in "…" (its lines did not hold it). */
gboolean     sc_chart_text_is_ellipsized  (const ScChartText   *t);
/* Re-measures @t wrapped to @width, at most @max_lines lines, then "…". */
void         sc_chart_text_fit            (ScChartLayoutCtx    *c,
                                           ScChartText         *t,
                                           double               width,
                                           int                  max_lines,
                                           int                  align);
/* Re-measures @t at @size (already scaled). */
void         sc_chart_text_resize         (ScChartLayoutCtx    *c,
                                           ScChartText         *t,
                                           double               size);
/* Appends @t to the layout, which owns it from then on. (transfer none) */
ScChartText *sc_chart_text_add            (ScChartLayoutCtx    *c,
                                           ScChartText         *t);
/* Height of one line of text at @base_size. */
double       sc_chart_line_height         (ScChartLayoutCtx    *c,
                                           double               base_size);
/* The label of point @point of @series: its own word or the number, "*" when assumed. (transfer full) */
char        *sc_chart_value_text          (ScChartLayoutCtx    *c,
                                           const ScChartSeries *series,
                                           guint                point);
/* Drops (after one smaller try) value and marker labels that collide. */
void         sc_chart_resolve_collisions  (ScChartLayoutCtx    *c);

static inline void
sc_chart_text_place (ScChartText *t,
                     double       x,
                     double       y)
{
  t->rect.x = x;
  t->rect.y = y;
}

/* --- frame: sc-chart-frame.c ------------------------------------------- */

/* A legend entry before it is laid out. */
typedef struct
{
  char     *name;
  guint     color;
  gboolean  is_status;
  gboolean  is_line;
  guint     series;
} ScChartLegendEntry;

/* The legend entries of the model: statuses used (Gantt) or named series. (transfer full) */
GArray *sc_chart_frame_legend          (ScChartLayoutCtx *c);
/* Title, subtitle and legend from the top; returns the y below them. */
double  sc_chart_frame_header          (ScChartLayoutCtx *c,
                                        GArray           *entries);
/* Footnote lines and the assumptions note from the bottom; returns the y above them. */
double  sc_chart_frame_footnote        (ScChartLayoutCtx *c);
/* "No value in the horizon" (or the model's word) in the middle of @area. */
void    sc_chart_frame_empty_message   (ScChartLayoutCtx *c,
                                        ScChartRect       area);

/* --- axes: sc-chart-axis.c --------------------------------------------- */

typedef struct
{
  double  lo, hi;       /* axis range */
  double  first, step;
  guint   n;
  double  px0, px1;     /* pixel positions of lo and hi */
} ScChartAxis;

static inline double
sc_chart_axis_map (const ScChartAxis *a,
                   double             v)
{
  if (a->hi == a->lo)
    return a->px0;
  return a->px0 + (v - a->lo) / (a->hi - a->lo) * (a->px1 - a->px0);
}

void        sc_chart_add_grid        (ScChartLayoutCtx    *c,
                                      double               x1,
                                      double               y1,
                                      double               x2,
                                      double               y2,
                                      gboolean             strong);
/* Value range of the data: stacked sums or single values, always including 0. */
void        sc_chart_value_range     (ScChartLayoutCtx    *c,
                                      double              *lo,
                                      double              *hi);
/* Stacks @v on @pos or @neg and gives the pixel positions of its two ends on @a. */
void        sc_chart_stack_value     (const ScChartAxis   *a,
                                      double               v,
                                      double              *pos,
                                      double              *neg,
                                      double              *p0,
                                      double              *p1);
/* Appends @bar, whose rect is set, as the bar of @series (number @s) at point @i. */
void        sc_chart_add_bar         (ScChartLayoutCtx    *c,
                                      ScChartBar          *bar,
                                      const ScChartSeries *series,
                                      guint                s,
                                      guint                i);
/* Ticks for [lo, hi], widened so that @pad_lo / @pad_hi pixels stay free. */
void        sc_chart_axis_fit        (ScChartAxis         *a,
                                      double               lo,
                                      double               hi,
                                      double               length,
                                      double               pad_lo,
                                      double               pad_hi,
                                      guint                max_ticks);
/* Measured tick labels of @a; sets the widest. (transfer full) */
GPtrArray  *sc_chart_tick_texts      (ScChartLayoutCtx    *c,
                                      const ScChartAxis   *a,
                                      gboolean             money,
                                      double              *max_w);
/* Adds @title (may be NULL) with its bottom at @y_bottom. (transfer none, nullable) */
ScChartText *sc_chart_axis_title     (ScChartLayoutCtx    *c,
                                      const char          *title,
                                      double               x,
                                      double               y_bottom);
/* The value axis left of a vertical plot; returns the widest tick label. */
double      sc_chart_value_axis      (ScChartLayoutCtx    *c,
                                      ScChartAxis         *a,
                                      double               lo,
                                      double               hi,
                                      double               pad_lo,
                                      double               pad_hi);
/* The measured category labels, one per category, point set, not placed;
 * the array (transfer container) does not free them. */
GPtrArray  *sc_chart_category_labels (ScChartLayoutCtx    *c,
                                      double               base_size,
                                      gboolean             bold,
                                      ScChartInk           ink,
                                      double               max_width,
                                      int                  max_lines,
                                      int                  align,
                                      gboolean             always_fit,
                                      double              *widest,
                                      double              *tallest);
/* Adds @labels as a column whose right edge is @right, each centred on its row's @centres. */
void        sc_chart_category_column (ScChartLayoutCtx    *c,
                                      GPtrArray           *labels,
                                      double               right,
                                      const double        *centres);

G_END_DECLS
