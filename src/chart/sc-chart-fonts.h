/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Loading the chart's fonts ahead, on another thread.
 *
 * A command-line export spends as long finding its fonts (fontconfig reads
 * its configuration, then sorts the system's fonts for every size and
 * weight) as loading the programs and estimating. Neither needs the other,
 * so the export starts this first and the fonts are ready — in a Pango font
 * map of their own — when the chart is laid out.
 *
 * Only for a thread that has not drawn text yet and will draw charts next:
 * _finish() makes the warmed font map that thread's default. Not for the
 * window, which has GTK's font map already.
 */
typedef struct _ScChartFontWarmup ScChartFontWarmup;

/* Makes the font map the next warm-up loads into, which has fontconfig
 * start reading its configuration (3–4 ms) on a thread of Pango's now:
 * for a caller that knows it will export before it has parsed what. */
void               sc_chart_fonts_prepare        (void);

/* Starts loading the fonts a @width × @height chart in @lang (zh…, else en)
 * uses: the same two (regular and bold) at any size, as the text is laid
 * out at one size and scaled. Never fails: without threads _finish() loads
 * them all. (transfer full) */
ScChartFontWarmup *sc_chart_fonts_warm_up        (const char        *lang,
                                                  double             width,
                                                  double             height);
/* Waits for the style being loaded, if any, loads those left on this
 * thread, then makes the font map this thread's default PangoCairo font
 * map. Releases @warmup; %NULL is allowed. */
void               sc_chart_fonts_warm_up_finish (ScChartFontWarmup *warmup);

G_END_DECLS
