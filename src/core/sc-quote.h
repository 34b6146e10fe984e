/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * "Does the source sentence state this number?" A program file may state a
 * number only where its quote says it; this answers for every form people
 * write a number in: "240元", "2.8万" for 28000, "0.6%" for 0.006, "7折" or
 * "30%" for 0.30, "TOP20", small Chinese numerals ("三天"), and round
 * magnitudes with no count of their own ("亿级" or "破亿" for 1亿, "百亿" for
 * 100亿).
 *
 * A quote is normalised (full-width digits, thousands separators) and
 * indexed once; each number is then a few hash look-ups, however long the
 * quote and however many numbers cite it.
 */
typedef struct _ScQuote ScQuote;

/* Normalises and indexes @quote (UTF-8). (transfer full) */
ScQuote  *sc_quote_new      (const char *quote);
void      sc_quote_free     (ScQuote    *quote);

/* TRUE when @quote states @value; @fraction also tries percent and 折 forms
 * (values up to 1 always do). */
gboolean  sc_quote_mentions (ScQuote    *quote,
                             double      value,
                             gboolean    fraction);

/* The same for a quote used once. */
gboolean  sc_quote_text_mentions (const char *quote,
                                  double      value,
                                  gboolean    fraction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScQuote, sc_quote_free)

G_END_DECLS
