/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-fonts.h"

#include "sc-chart-layout.h"
#include "sc-chart-private.h"

#include <pango/pangocairo.h>

struct _ScChartFontWarmup
{
  GThread      *thread;
  PangoFontMap *font_map;
  char         *lang;
  double        width;
  double        height;
};

/*
 * One sample per script a chart shows: Latin and digits, and Han for
 * Chinese labels (which itemise apart, with font sets of their own, even in
 * an English chart naming a Chinese program). Measured, not drawn: drawing
 * would rasterise glyphs the chart may never use, on the critical path
 * (measured: it made this thread 40 % slower than the whole evaluation).
 */
#define SAMPLE "Ag0 快"

static gpointer
warm_up (gpointer data)
{
  ScChartFontWarmup *w = data;
  ScChartTextStyle styles[SC_CHART_N_TEXT_STYLES];
  guint n = sc_chart_layout_text_styles (w->width, w->height, styles);
  PangoContext *context;
  PangoLayout *pl;

  w->font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (w->font_map);
  sc_chart_configure_context (context, w->lang);
  pl = pango_layout_new (context);

  for (guint i = 0; i < n; i++)
    {
      ScChartText text = { .text = (char *) SAMPLE, .size = styles[i].size, .bold = styles[i].bold };
      PangoRectangle logical;

      sc_chart_text_apply (pl, &text);
      pango_layout_get_extents (pl, NULL, &logical);
    }
  g_object_unref (pl);
  g_object_unref (context);
  return NULL;
}

ScChartFontWarmup *
sc_chart_fonts_warm_up (const char *lang,
                        double      width,
                        double      height)
{
  ScChartFontWarmup *w = g_new0 (ScChartFontWarmup, 1);

  w->lang = g_strdup (lang);
  w->width = width;
  w->height = height;
  w->thread = g_thread_try_new ("shangce-fonts", warm_up, w, NULL);
  return w;
}

void
sc_chart_fonts_warm_up_finish (ScChartFontWarmup *w)
{
  if (w == NULL)
    return;
  if (w->thread != NULL)
    g_thread_join (w->thread);
  if (w->font_map != NULL)
    {
      pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (w->font_map));
      g_object_unref (w->font_map);
    }
  g_free (w->lang);
  g_free (w);
}
