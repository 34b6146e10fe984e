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
 * A sample per script the chart's own words are in: Pango sorts the fonts
 * once per size for each script it itemises apart. Chinese charts show
 * Latin and digits too; English ones show Han only where a name is Chinese,
 * which then loads when laid out rather than costing every English chart
 * (measured: the Han sets doubled this thread's time). Measured, not drawn:
 * drawing would rasterise glyphs the chart may never use.
 */
#define SAMPLE_EN "Ag0"
#define SAMPLE_ZH "Ag0 快"

static gpointer
warm_up (gpointer data)
{
  ScChartFontWarmup *w = data;
  ScChartTextStyle styles[SC_CHART_N_TEXT_STYLES];
  guint n = sc_chart_layout_text_styles (w->width, w->height, styles);
  PangoContext *context;
  PangoLayout *pl;
  gint64 start = g_get_monotonic_time ();

  w->font_map = pango_cairo_font_map_new ();
  context = sc_chart_text_context_new (w->font_map, w->lang);
  pl = pango_layout_new (context);

  for (guint i = 0; i < n; i++)
    {
      ScChartText text = { .text = (char *) (sc_chart_lang_is_zh (w->lang) ? SAMPLE_ZH : SAMPLE_EN), .size = styles[i].size, .bold = styles[i].bold };
      PangoRectangle logical;

      sc_chart_text_apply (pl, &text);
      pango_layout_get_extents (pl, NULL, &logical);
      g_debug ("fonts for %g px%s ready after %.1f ms", styles[i].size, styles[i].bold ? " bold" : "",
               (g_get_monotonic_time () - start) / 1000.0);
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
