/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one table of chart kinds: names, labels, descriptions and styles. */
#include "config.h"

#include <locale.h>

#include "sc-chart-kind.h"
#include "sc-chart-model.h"

static void
test_kind_table (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);

  for (ScChartKind k = 0; k < SC_CHART_N_KINDS; k++)
    {
      const char *name = sc_chart_kind_to_string (k);
      const char *label = sc_chart_kind_label (k);
      g_autoptr(ScChartModel) model = sc_chart_model_new (k);
      ScChartKind back = SC_CHART_N_KINDS;

      g_assert_nonnull (name);
      g_assert_true (sc_chart_kind_from_string (name, &back));
      g_assert_cmpint (back, ==, k);
      g_assert_true (g_hash_table_add (names, (gpointer) name));

      /* Menus tell the kinds apart by their label alone. */
      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_true (g_hash_table_add (labels, (gpointer) label));
      g_assert_nonnull (sc_chart_kind_describe (k));
      g_assert_cmpstr (sc_chart_kind_describe (k), !=, "");

      g_assert_cmpint (model->style, ==, sc_chart_kind_style (k));
      g_assert_cmpint (model->stacked, ==, sc_chart_kind_stacked (k));
    }
  g_assert_cmpint (sc_chart_kind_style (SC_CHART_MEASURES), ==, SC_CHART_STYLE_HBARS);
  g_assert_cmpint (sc_chart_kind_style (SC_CHART_TIMELINE), ==, SC_CHART_STYLE_GANTT);
  /* The tornado of the range analysis: horizontal bars that start at the
   * central difference (unstacked), made from the ranges, not a result. */
  g_assert_cmpint (sc_chart_kind_style (SC_CHART_DRIVERS), ==, SC_CHART_STYLE_HBARS);
  g_assert_false (sc_chart_kind_stacked (SC_CHART_DRIVERS));
  g_assert_true (sc_chart_kind_from_string ("drivers", NULL));
  for (ScChartKind k = 0; k < SC_CHART_N_KINDS; k++)
    g_assert_cmpint (sc_chart_kind_needs_ranges (k), ==, k == SC_CHART_DRIVERS);
  /* The window lists the kinds before the two-scenario comparison. */
  g_assert_cmpint (SC_CHART_SCENARIOS, ==, SC_CHART_N_KINDS - 1);
  g_assert_false (sc_chart_kind_from_string ("pie", NULL));
  g_assert_false (sc_chart_kind_from_string (NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/kind/table", test_kind_table);
  return g_test_run ();
}
