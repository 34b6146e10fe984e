/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The kinds of chart and the one table that describes them: the name the
 * command line takes, the short label of menus, the line of
 * `shangce --chart list`, the style a kind is drawn in and what it is made
 * from. SC_CHART_SCENARIOS stays last: the window lists the kinds before it.
 */

typedef enum
{
  SC_CHART_OVERVIEW,     /* "overview": fees saved, subsidies, traffic value per platform */
  SC_CHART_FEES,         /* "fees": gross vs net fees per platform */
  SC_CHART_SUBSIDIES,    /* "subsidies": cash / ad credit / coupon stacked per platform */
  SC_CHART_TRAFFIC,      /* "traffic": traffic value per platform, units in the labels */
  SC_CHART_MEASURES,     /* "measures": contribution of each measure, horizontal, sorted */
  SC_CHART_CUMULATIVE,   /* "cumulative": cumulative value by month per platform, lines */
  SC_CHART_SENSITIVITY,  /* "sensitivity": total value against monthly GMV, crossovers marked */
  SC_CHART_TIMELINE,     /* "timeline": programs by platform as Gantt bars with status */
  SC_CHART_DRIVERS,      /* "drivers": what each assumption's range does to the lead (sc-chart-drivers.h) */
  SC_CHART_SCENARIOS,    /* "scenarios": total value per platform, one bar per scenario (sc-chart-scenarios.h) */
  SC_CHART_N_KINDS
} ScChartKind;

/* The drawing a kind uses; the model says it so hand-made models can mix. */
typedef enum
{
  SC_CHART_STYLE_BARS,    /* vertical bars over categories (grouped or stacked) */
  SC_CHART_STYLE_HBARS,   /* horizontal bars, one row per category (stacked) */
  SC_CHART_STYLE_LINES,   /* lines over categories or over numeric x values */
  SC_CHART_STYLE_GANTT,   /* spans on a time axis, one row per category */
} ScChartStyle;

/* "overview" … (transfer none) */
const char     *sc_chart_kind_to_string       (ScChartKind         kind);
gboolean        sc_chart_kind_from_string     (const char         *name,
                                               ScChartKind        *out);
/* Translated short name of the kind, for menus. (transfer none) */
const char     *sc_chart_kind_label           (ScChartKind         kind);
/* One translated line describing the kind, for --chart list. (transfer none) */
const char     *sc_chart_kind_describe        (ScChartKind         kind);
/* The style the kind is drawn in. */
ScChartStyle    sc_chart_kind_style           (ScChartKind         kind);
/* TRUE when the kind stacks its series (BARS, HBARS). */
gboolean        sc_chart_kind_stacked         (ScChartKind         kind);
/* TRUE when the kind is drawn from the range analysis (sc-range.h), not
 * from a result alone: a caller without one skips it. */
gboolean        sc_chart_kind_needs_ranges    (ScChartKind         kind);

G_END_DECLS
