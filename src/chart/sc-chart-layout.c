/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

/*
 * The entry point of the chart layout: the frame first (header from the
 * top, footnote from the bottom), then the plot between them in the
 * model's style, then the value labels that collide are dropped. Each part
 * lives in its own file, see sc-chart-layout-private.h.
 */

#include "config.h"

#include "sc-chart-layout-private.h"

/* How each style lays out its plot. */
static const ScChartStyleLayout style_layouts[] = {
  [SC_CHART_STYLE_BARS] = sc_chart_layout_bars,
  [SC_CHART_STYLE_HBARS] = sc_chart_layout_hbars,
  [SC_CHART_STYLE_LINES] = sc_chart_layout_lines,
  [SC_CHART_STYLE_GANTT] = sc_chart_layout_gantt,
};

/* The unit: 1 at 800×450, never below 0.5 or above 4. */
static double
layout_unit (double width,
             double height)
{
  return CLAMP (MIN (MAX (width, 1) / 800, MAX (height, 1) / 450), 0.5, 4);
}

guint
sc_chart_layout_text_styles (double           width,
                             double           height,
                             ScChartTextStyle styles[SC_CHART_N_TEXT_STYLES])
{
  /* Every size and weight the layouts call sc_chart_text_new() with, but for the
   * category and span labels a crowded chart shrinks further. */
  static const ScChartTextStyle base[] = {
    { SIZE_TITLE, TRUE },
    { SIZE_SUBTITLE, FALSE },   /* also SIZE_LEGEND, SIZE_CATEGORY */
    { SIZE_TICK, FALSE },       /* also SIZE_AXIS, SIZE_VALUE */
    { SIZE_VALUE, TRUE },
    { SIZE_FOOTNOTE, FALSE },
  };
  double type_scale = MAX (layout_unit (width, height), MIN_SCALE);

  G_STATIC_ASSERT (G_N_ELEMENTS (base) == SC_CHART_N_TEXT_STYLES);
  G_STATIC_ASSERT (SIZE_LEGEND == SIZE_SUBTITLE && SIZE_CATEGORY == SIZE_SUBTITLE);
  G_STATIC_ASSERT (SIZE_AXIS == SIZE_TICK && SIZE_VALUE == SIZE_TICK);
  for (guint i = 0; i < G_N_ELEMENTS (base); i++)
    styles[i] = (ScChartTextStyle) { base[i].size * type_scale, base[i].bold };
  return G_N_ELEMENTS (base);
}

static void
line_free (gpointer data)
{
  ScChartLine *line = data;

  g_array_unref (line->points);
  g_free (line);
}

ScChartLayout *
sc_chart_layout_new (const ScChartModel *model,
                     double              width,
                     double              height)
{
  ScChartLayout *out;
  ScChartLayoutCtx c = { 0 };
  g_autoptr(GArray) entries = NULL;
  double top, bottom;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail ((guint) model->style < G_N_ELEMENTS (style_layouts), NULL);

  out = g_new0 (ScChartLayout, 1);
  out->width = MAX (width, 1);
  out->height = MAX (height, 1);
  out->dark = model->dark;
  out->hatch = model->hatch;
  out->grid = g_array_new (FALSE, FALSE, sizeof (ScChartGridline));
  out->bars = g_array_new (FALSE, FALSE, sizeof (ScChartBar));
  out->lines = g_ptr_array_new_with_free_func (line_free);
  out->spans = g_array_new (FALSE, FALSE, sizeof (ScChartSpanBox));
  out->legend = g_array_new (FALSE, FALSE, sizeof (ScChartLegendItem));
  out->markers = g_array_new (FALSE, FALSE, sizeof (ScChartMarker));
  out->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_text_free);

  c.model = model;
  c.out = out;
  c.u = layout_unit (out->width, out->height);
  c.type_scale = MAX (c.u, MIN_SCALE);
  c.margin = MAX (22 * c.u, 10);
  c.zh = sc_chart_lang_is_zh (model->lang);
  out->unit = c.u;
  c.context = sc_chart_text_context_new (pango_cairo_font_map_get_default (), model->lang);

  entries = sc_chart_frame_legend (&c);
  top = sc_chart_frame_header (&c, entries);
  bottom = sc_chart_frame_footnote (&c);

  if (sc_chart_model_is_empty (model) || bottom - top < 40 * c.u)
    sc_chart_frame_empty_message (&c, (ScChartRect) { c.margin, top, out->width - 2 * c.margin, MAX (bottom - top, 1) });
  else
    style_layouts[model->style] (&c, top, bottom);

  sc_chart_resolve_collisions (&c);

  g_object_unref (c.context);
  return out;
}

void
sc_chart_layout_free (ScChartLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->grid);
  g_array_unref (layout->bars);
  g_ptr_array_unref (layout->lines);
  g_array_unref (layout->spans);
  g_array_unref (layout->legend);
  g_array_unref (layout->markers);
  g_ptr_array_unref (layout->texts);
  g_free (layout);
}
