/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-chart-kind.h"

G_BEGIN_DECLS

/*
 * The chart model: plain numbers and labels, already in the language of the
 * chart. Builders (sc-chart-from-result.h, or tests by hand) fill it; the
 * layout (sc-chart-layout.h) and the renderer (sc-chart.h) only read it.
 * Strings are copied in and owned by the model.
 */

/* Status of a timeline span; mirrors ScProgramStatus. */
typedef enum
{
  SC_CHART_SPAN_ANNOUNCED,
  SC_CHART_SPAN_EXPECTED,
  SC_CHART_SPAN_IN_FORCE,
  SC_CHART_SPAN_COMMENT_PERIOD,
  SC_CHART_SPAN_EXPIRED,
  SC_CHART_SPAN_N_STATUS
} ScChartSpanStatus;

/**
 * ScChartSeries:
 * One legend entry. @values has one double per category (bars, category
 * lines) or per x value (numeric lines). @assumed marks values that rest on
 * an assumption (a "*" is drawn after them and after the legend name).
 * @labels optionally replaces the value label of a point (e.g. "1.2万 元 ·
 * 300万次曝光"); NULL entries keep the formatted number. @up_to marks
 * values that are maxima (至高): "≤ " is drawn before them.
 */
typedef struct
{
  char      *name;
  guint      color;      /* palette index, see sc-chart-palette.h */
  GArray    *values;     /* double */
  GArray    *assumed;    /* gboolean, same length as @values */
  GPtrArray *labels;     /* char* or NULL, same length as @values */
  GArray    *up_to;      /* gboolean, same length as @values */
} ScChartSeries;

/**
 * ScChartSpan:
 * A program on the timeline: @row is the category (platform) index, @start
 * and @end are in x-axis units (fractional years); @open_end draws it to the
 * axis end with an arrow.
 */
typedef struct
{
  char              *label;
  guint              row;
  double             start;
  double             end;
  gboolean           open_end;
  ScChartSpanStatus  status;
  gboolean           assumed;
} ScChartSpan;

/**
 * ScChartCrossover:
 * Where the leading series of a numeric line chart changes
 * (sc_sweep_crossovers()): @x on the x axis, @y the value there.
 */
typedef struct
{
  double x;
  double y;
} ScChartCrossover;

typedef struct _ScChartModel ScChartModel;

/**
 * ScChartModel:
 * @lang: "zh" or "en": number formats and built-in words
 * @stacked: BARS: stack the series instead of grouping them
 * @categories: char*: platforms, measures or months
 * @x_values: LINES over a numeric axis (sensitivity): double per point; empty
 *   for lines over @categories
 * @x_min / @x_max: GANTT axis range (fractional years)
 * @marker_x: GANTT, LINES with x values and unstacked HBARS: a vertical
 *   rule when not NAN ("today" on the timeline, the profile's GMV on the
 *   sensitivity chart, the central difference on the drivers chart),
 *   labelled @marker_label
 * @bar_origin: unstacked HBARS: where every bar starts (0 unless set)
 * @zero_label: unstacked HBARS: the name of the zero line ("tie"), or NULL
 * @crossovers: ScChartCrossover: LINES with x values: marked and labelled
 *   with their x (the builder computes them; the layout only draws them)
 * @footnotes: char*: one line each (profile, date, data revisions)
 * @assumptions: char*: notes of the assumptions shown values rest on
 * @dark: draw with the dark palette
 * @hatch: add hatching to series fills (greyscale print)
 * @show_footnote: draw the footnote lines (the assumption note is drawn
 *   whenever a shown value is assumed)
 */
struct _ScChartModel
{
  ScChartKind   kind;
  ScChartStyle  style;
  char         *lang;
  gboolean      stacked;
  char         *title;
  char         *subtitle;
  char         *value_axis;     /* unit of the value axis, e.g. "元" / "yuan" */
  char         *x_axis;         /* title of a numeric x axis, or NULL */
  gboolean      x_is_money;     /* numeric x ticks formatted like money */
  char         *empty_message;  /* NULL: a built-in "no value in the horizon" */
  GPtrArray    *categories;
  GArray       *x_values;
  GPtrArray    *series;         /* ScChartSeries* */
  GPtrArray    *spans;          /* ScChartSpan* */
  double        x_min;
  double        x_max;
  double        marker_x;
  char         *marker_label;
  double        bar_origin;
  char         *zero_label;
  GArray       *crossovers;
  GPtrArray    *footnotes;
  GPtrArray    *assumptions;
  gboolean      show_footnote;
  gboolean      dark;
  gboolean      hatch;
  /* metadata for exported files */
  char         *profile_name;
  char         *data_revision;
};

/* A model of @kind with the kind's style, lang "en", nothing else. (transfer full) */
ScChartModel   *sc_chart_model_new            (ScChartKind         kind);
void            sc_chart_model_free           (ScChartModel       *model);

void            sc_chart_model_set_lang       (ScChartModel       *model,
                                               const char         *lang);
void            sc_chart_model_set_title      (ScChartModel       *model,
                                               const char         *title,
                                               const char         *subtitle);
void            sc_chart_model_add_category   (ScChartModel       *model,
                                               const char         *label);
/* Adds a series with one 0 per category (or per x value). (transfer none) */
ScChartSeries  *sc_chart_model_add_series     (ScChartModel       *model,
                                               const char         *name,
                                               guint               color);
/* Sets point @index of @series (grows the arrays as needed). @label may be NULL. */
void            sc_chart_series_set           (ScChartSeries      *series,
                                               guint               index,
                                               double              value,
                                               gboolean            assumed,
                                               const char         *label);
double          sc_chart_series_get           (const ScChartSeries *series,
                                               guint               index);
gboolean        sc_chart_series_is_assumed    (const ScChartSeries *series,
                                               guint               index);
/* (transfer none) NULL when the point keeps its number. */
const char     *sc_chart_series_get_label     (const ScChartSeries *series,
                                               guint               index);
/* TRUE when any value of @series rests on an assumption. */
gboolean        sc_chart_series_any_assumed   (const ScChartSeries *series);
/* Marks point @index of @series as a maximum ("up to"), or not. */
void            sc_chart_series_set_up_to     (ScChartSeries       *series,
                                               guint                index,
                                               gboolean             up_to);
gboolean        sc_chart_series_is_up_to      (const ScChartSeries *series,
                                               guint                index);
/* (transfer none) */
ScChartSpan    *sc_chart_model_add_span       (ScChartModel       *model,
                                               guint               row,
                                               const char         *label,
                                               double              start,
                                               double              end,
                                               ScChartSpanStatus   status);
void            sc_chart_model_add_crossover  (ScChartModel       *model,
                                               double              x,
                                               double              y);
void            sc_chart_model_add_footnote   (ScChartModel       *model,
                                               const char         *line);
/* Adds @note unless an equal note is there already. */
void            sc_chart_model_add_assumption (ScChartModel       *model,
                                               const char         *note);

/* Number of points: categories, or x values for numeric lines. */
guint           sc_chart_model_n_points       (const ScChartModel *model);
/* TRUE when there is nothing to draw (no points, or every value 0 / NAN, no spans). */
gboolean        sc_chart_model_is_empty       (const ScChartModel *model);
/* TRUE when any value or span shown rests on an assumption. */
gboolean        sc_chart_model_any_assumed    (const ScChartModel *model);
/* TRUE when some non-zero value of @model is a maximum. */
gboolean        sc_chart_model_any_up_to      (const ScChartModel *model);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScChartModel, sc_chart_model_free)

G_END_DECLS
