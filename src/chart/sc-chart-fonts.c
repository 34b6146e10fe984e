/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-fonts.h"

#include "sc-chart-layout.h"
#include "sc-chart-private.h"

#include <pango/pangocairo.h>

/*
 * The styles load one at a time, on the thread while the caller loads the
 * programs, then on the caller once it calls _finish(): it waits for the
 * style in hand, if any, and loads the rest itself rather than wait for the
 * thread to be woken for each. On a loaded two-core machine a thread could
 * start 1–4 ms after it was made (measured with tests/chart/bench-vector.py
 * while other builds ran), and the fonts are what the export waits for.
 * The font map itself is made by the caller: Pango starts reading
 * fontconfig's configuration (3 ms) on a thread of its own right then.
 */
struct _ScChartFontWarmup
{
  gint             ref;        /* atomic: the caller's and the thread's */
  GMutex           lock;
  GCond            idle;
  gboolean         stopped;    /* the caller has taken the font map over */
  gboolean         busy;       /* the thread is loading a style */
  guint            next;       /* the next style to load */
  guint            n_styles;
  ScChartTextStyle styles[SC_CHART_N_TEXT_STYLES];
  PangoFontMap    *font_map;
  char            *lang;
  gint64           start;
};

/*
 * A sample per script the chart's own words are in: Pango sorts the fonts
 * once per size for each script it itemises apart. Chinese charts show
 * Latin and digits too. English ones show Han in bold only where a name is
 * Chinese, which then loads when laid out rather than costing every
 * English chart; but every chart measures its line height by a sample with
 * Han in it (SC_CHART_LINE_HEIGHT_SAMPLE), in the regular weight, so that
 * set is loaded here, not by the layout (measured with
 * tests/chart/bench-vector.py: an SVG export 0.18 ms sooner). Measured,
 * not drawn: drawing would rasterise glyphs the chart may never use.
 */
#define SAMPLE_EN_BOLD "Ag0"
#define SAMPLE_ZH "Ag0 快"

/* Made by sc_chart_fonts_prepare(), taken by the next warm-up. */
static PangoFontMap *prepared_font_map;

void
sc_chart_fonts_prepare (void)
{
  if (prepared_font_map == NULL)
    prepared_font_map = pango_cairo_font_map_new ();
}

static void
warmup_unref (ScChartFontWarmup *w)
{
  if (!g_atomic_int_dec_and_test (&w->ref))
    return;
  g_object_unref (w->font_map);
  g_free (w->lang);
  g_mutex_clear (&w->lock);
  g_cond_clear (&w->idle);
  g_free (w);
}

/* Loads style @i into the font map: its fonts, their metrics, a sample's glyphs. */
static void
warm_style (ScChartFontWarmup *w,
            guint              i)
{
  PangoContext *context = sc_chart_text_context_new (w->font_map, w->lang);
  PangoLayout *pl = pango_layout_new (context);
  const char *sample = sc_chart_lang_is_zh (w->lang) ? SAMPLE_ZH
                       : w->styles[i].bold ? SAMPLE_EN_BOLD : SC_CHART_LINE_HEIGHT_SAMPLE;
  ScChartText text = { .text = (char *) sample, .size = w->styles[i].size, .bold = w->styles[i].bold };
  PangoRectangle logical;

  sc_chart_text_apply (pl, &text);
  pango_layout_get_extents (pl, NULL, &logical);
  g_object_unref (pl);
  g_object_unref (context);
  g_debug ("fonts for %g px%s ready after %.1f ms", w->styles[i].size, w->styles[i].bold ? " bold" : "",
           (g_get_monotonic_time () - w->start) / 1000.0);
}

static gpointer
warm_up (gpointer data)
{
  ScChartFontWarmup *w = data;

  g_mutex_lock (&w->lock);
  while (!w->stopped && w->next < w->n_styles)
    {
      guint i = w->next++;

      w->busy = TRUE;
      g_mutex_unlock (&w->lock);
      warm_style (w, i);
      g_mutex_lock (&w->lock);
      w->busy = FALSE;
      g_cond_signal (&w->idle);
    }
  g_mutex_unlock (&w->lock);
  warmup_unref (w);
  return NULL;
}

ScChartFontWarmup *
sc_chart_fonts_warm_up (const char *lang,
                        double      width,
                        double      height)
{
  ScChartFontWarmup *w = g_new0 (ScChartFontWarmup, 1);
  GThread *thread;

  g_mutex_init (&w->lock);
  g_cond_init (&w->idle);
  w->ref = 2;
  w->lang = g_strdup (lang);
  w->start = g_get_monotonic_time ();
  /* Every text is laid out at one size in each weight (sc-chart-private.h):
   * those two are the fonts to load, whatever the chart's size. */
  w->n_styles = 2;
  w->styles[0] = (ScChartTextStyle) { SC_CHART_TEXT_REF_SIZE, FALSE };
  w->styles[1] = (ScChartTextStyle) { SC_CHART_TEXT_REF_SIZE, TRUE };
  w->font_map = prepared_font_map != NULL ? g_steal_pointer (&prepared_font_map)
                                           : pango_cairo_font_map_new ();
  /* Not joined: _finish() waits for the style in hand, never for the
   * thread to be scheduled; the last of the two to let go frees @w. */
  thread = g_thread_try_new ("shangce-fonts", warm_up, w, NULL);
  if (thread != NULL)
    g_thread_unref (thread);
  else
    w->ref = 1;
  return w;
}

void
sc_chart_fonts_warm_up_finish (ScChartFontWarmup *w)
{
  guint from;

  if (w == NULL)
    return;
  g_mutex_lock (&w->lock);
  w->stopped = TRUE;
  while (w->busy)
    g_cond_wait (&w->idle, &w->lock);
  from = w->next;
  w->next = w->n_styles;
  g_mutex_unlock (&w->lock);

  /* The thread touches the font map no more: the rest load here. */
  for (guint i = from; i < w->n_styles; i++)
    warm_style (w, i);
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (w->font_map));
  warmup_unref (w);
}
