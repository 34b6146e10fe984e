/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-kind.h"

#include <glib/gi18n.h>

/* Every kind once, in menu order; the index is the kind. */
static const struct
{
  const char   *name;
  const char   *label;
  const char   *description;
  ScChartStyle  style;
  gboolean      stacked;
  gboolean      needs_ranges;
} kinds[] = {
  [SC_CHART_OVERVIEW] = { "overview", N_("Value per platform"),
    N_("Fees saved, subsidies and traffic value per platform (stacked bars)"),
    SC_CHART_STYLE_BARS, TRUE },
  [SC_CHART_FEES] = { "fees", N_("Fees before and after"),
    N_("Platform fees before and after the programs, per platform"),
    SC_CHART_STYLE_BARS, FALSE },
  [SC_CHART_SUBSIDIES] = { "subsidies", N_("Subsidies by type"),
    N_("Subsidies per platform, stacked by cash, ad credit and coupons"),
    SC_CHART_STYLE_BARS, TRUE },
  [SC_CHART_TRAFFIC] = { "traffic", N_("Traffic"),
    N_("Free traffic per platform: its value in yuan and its own units"),
    SC_CHART_STYLE_BARS, FALSE },
  [SC_CHART_MEASURES] = { "measures", N_("Contribution by measure"),
    N_("What each measure contributes, largest first (horizontal bars)"),
    SC_CHART_STYLE_HBARS, TRUE },
  [SC_CHART_CUMULATIVE] = { "cumulative", N_("Cumulative value by month"),
    N_("Cumulative value month by month per platform (lines)"),
    SC_CHART_STYLE_LINES, FALSE },
  [SC_CHART_SENSITIVITY] = { "sensitivity", N_("Sensitivity to monthly GMV"),
    N_("Total value against monthly GMV per platform, crossovers marked"),
    SC_CHART_STYLE_LINES, FALSE },
  [SC_CHART_TIMELINE] = { "timeline", N_("Program timeline"),
    N_("Programs 2022–2026 by platform as a timeline with their status"),
    SC_CHART_STYLE_GANTT, FALSE },
  [SC_CHART_DRIVERS] = { "drivers", N_("What could change the lead"),
    N_("For the leading two platforms, how far each assumption's range moves their difference, largest first"),
    SC_CHART_STYLE_HBARS, FALSE, TRUE },
  [SC_CHART_SCENARIOS] = { "scenarios", N_("Scenarios side by side"),
    N_("Total value per platform, one bar per scenario (two --profile files)"),
    SC_CHART_STYLE_BARS, FALSE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == SC_CHART_N_KINDS);

const char *
sc_chart_kind_to_string (ScChartKind kind)
{
  g_return_val_if_fail (kind < SC_CHART_N_KINDS, NULL);
  return kinds[kind].name;
}

gboolean
sc_chart_kind_from_string (const char  *name,
                           ScChartKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (name, kinds[i].name) == 0)
      {
        if (out != NULL)
          *out = (ScChartKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sc_chart_kind_label (ScChartKind kind)
{
  g_return_val_if_fail (kind < SC_CHART_N_KINDS, NULL);
  return _(kinds[kind].label);
}

const char *
sc_chart_kind_describe (ScChartKind kind)
{
  g_return_val_if_fail (kind < SC_CHART_N_KINDS, NULL);
  return _(kinds[kind].description);
}

ScChartStyle
sc_chart_kind_style (ScChartKind kind)
{
  g_return_val_if_fail (kind < SC_CHART_N_KINDS, SC_CHART_STYLE_BARS);
  return kinds[kind].style;
}

gboolean
sc_chart_kind_stacked (ScChartKind kind)
{
  g_return_val_if_fail (kind < SC_CHART_N_KINDS, FALSE);
  return kinds[kind].stacked;
}

gboolean
sc_chart_kind_needs_ranges (ScChartKind kind)
{
  g_return_val_if_fail (kind < SC_CHART_N_KINDS, FALSE);
  return kinds[kind].needs_ranges;
}
