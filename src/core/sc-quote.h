/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * "Does the source sentence state this number?" A program file may state a
 * number only where its quote says it.
 */

/* TRUE when @quote states @value in a form people write it: "240元",
 * "2.8万" for 28000, "0.6%" for 0.006, "7折"/"30%" for 0.30, "TOP20",
 * small Chinese numerals ("三天"), and round magnitudes with no count of their
 * own: "亿级" or "破亿" for 1亿, "百亿" for 100亿. @fraction also tries percent
 * and 折 forms. */
gboolean  sc_quote_text_mentions (const char *quote,
                                  double      value,
                                  gboolean    fraction);

G_END_DECLS
