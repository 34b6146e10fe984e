/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-chart-model.h"
#include "sc-chart-palette.h"

G_BEGIN_DECLS

/*
 * Where everything of a chart goes at one size: a pure function of the model
 * and the size (text is measured with Pango, nothing is drawn). The renderer
 * draws exactly this; tests check it without pixels. Units are device-
 * independent pixels (PNG pixels at scale 1, points in PDF and SVG).
 */

typedef struct
{
  double x, y, width, height;
} ScChartRect;

typedef enum
{
  SC_CHART_TEXT_TITLE,
  SC_CHART_TEXT_SUBTITLE,
  SC_CHART_TEXT_LEGEND,
  SC_CHART_TEXT_AXIS_TITLE,
  SC_CHART_TEXT_TICK,
  SC_CHART_TEXT_CATEGORY,
  SC_CHART_TEXT_VALUE,      /* a value on or beside a bar, line end or span */
  SC_CHART_TEXT_MARKER,     /* crossover or "today" label */
  SC_CHART_TEXT_MESSAGE,    /* "no value in the horizon" */
  SC_CHART_TEXT_FOOTNOTE,
} ScChartTextRole;

/**
 * ScChartText:
 * One piece of text. @rect is its box (top-left and measured size). When
 * @wrap_width > 0 the renderer sets that width, @align and @max_lines
 * (wrapping, then "…"), exactly as the layout measured it.
 * @on_fill: drawn on a bar: use @color instead of @ink.
 * @series / @point: the value it labels, or -1.
 * @visible: FALSE when the layout dropped it (it would overlap or leave the
 *   plot); the value stays in the legend and the tooltip.
 */
/* A size (px) and weight text is set in. */
typedef struct
{
  double   size;
  gboolean bold;
} ScChartTextStyle;

#define SC_CHART_N_TEXT_STYLES 5

typedef struct
{
  char             *text;
  ScChartTextRole   role;
  double            size;
  gboolean          bold;
  ScChartRect       rect;
  double            offset_x;   /* rect.x − offset_x is where the Pango layout starts */
  double            offset_y;
  double            wrap_width;
  int               max_lines;
  int               align;      /* PangoAlignment */
  ScChartInk        ink;
  gboolean          on_fill;
  ScChartRgb        color;
  int               series;
  int               point;
  gboolean          visible;
  /*< private >*/
  gpointer          measured;   /* the Pango layout as last measured: sc_chart_text_layout() */
} ScChartText;

typedef struct
{
  ScChartRect  rect;
  guint        series;
  guint        point;
  guint        color;
  gboolean     assumed;
} ScChartBar;

typedef struct
{
  double x1, y1, x2, y2;
  gboolean strong;    /* the zero line */
} ScChartGridline;

typedef struct
{
  double x, y;
} ScChartPoint;

/* A polyline of one series; NAN points break it into pieces. */
typedef struct
{
  guint   series;
  guint   color;
  GArray *points;     /* ScChartPoint */
  gboolean dots;      /* draw a dot at each point */
  gboolean dashed;    /* lies on an earlier line: dashed, with no halo, so both show */
} ScChartLine;

typedef struct
{
  ScChartRect        rect;
  guint              span;
  ScChartSpanStatus  status;
  gboolean           open_end;
} ScChartSpanBox;

typedef struct
{
  ScChartRect  swatch;
  guint        color;      /* palette index, or status for GANTT */
  gboolean     is_status;
  gboolean     is_line;
  guint        series;
} ScChartLegendItem;

typedef struct
{
  double x, y, radius;
} ScChartMarker;

typedef struct _ScChartLayout ScChartLayout;

/**
 * ScChartLayout:
 * @unit: the scale of type and strokes at this size (1 at 800×450)
 * @plot: the data area (axes' inside)
 * @label_area: where value labels may go: @plot, widened to the right
 *   for line-end labels
 * @texts: ScChartText*, in drawing order and in priority order
 */
struct _ScChartLayout
{
  double        width;
  double        height;
  double        unit;
  gboolean      dark;
  gboolean      hatch;
  gboolean      empty;
  ScChartRect   plot;
  ScChartRect   label_area;
  GArray       *grid;          /* ScChartGridline */
  GArray       *bars;          /* ScChartBar */
  GPtrArray    *lines;         /* ScChartLine* */
  GArray       *spans;         /* ScChartSpanBox */
  GArray       *legend;        /* ScChartLegendItem */
  GArray       *markers;       /* ScChartMarker: crossovers */
  gboolean      has_rule;      /* the "today" line */
  ScChartGridline rule;
  GPtrArray    *texts;         /* ScChartText* */
};

/* Lays @model out on a @width × @height canvas. (transfer full) */
ScChartLayout *sc_chart_layout_new   (const ScChartModel *model,
                                      double              width,
                                      double              height);
void           sc_chart_layout_free  (ScChartLayout      *layout);
/* The sizes and weights nearly all text of a @width × @height chart is set
 * in (crowded category and span labels shrink below them); fills @styles
 * and returns how many. For loading the fonts before the model exists. */
guint          sc_chart_layout_text_styles (double           width,
                                            double           height,
                                            ScChartTextStyle styles[SC_CHART_N_TEXT_STYLES]);

/*
 * The family charts use: Noto Sans CJK SC has Latin, digits and Chinese of
 * one design, so a chart never mixes fonts within a label. For anything it
 * lacks (or on a machine without it) fontconfig appends the system's
 * sans-serif by itself. One family, not a list: Pango sorts the system's
 * fonts once per family list and once per family for each size, so
 * "Noto Sans CJK SC, Cantarell, sans-serif" cost twice the font look-ups
 * (10 ms of a 60 ms export, measured) for the same glyphs.
 */
#define SC_CHART_FONT_FAMILY "Noto Sans CJK SC"

gboolean       sc_chart_rect_intersects (const ScChartRect *a,
                                         const ScChartRect *b);
/* TRUE when @inner lies inside @outer (with @slack pixels of tolerance). */
gboolean       sc_chart_rect_contains   (const ScChartRect *outer,
                                         const ScChartRect *inner,
                                         double             slack);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartLayout, sc_chart_layout_free)

G_END_DECLS
