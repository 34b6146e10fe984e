/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A PNG text chunk: tEXt when @value is ASCII, else iTXt (UTF-8). */
typedef struct
{
  const char *key;    /* 1–79 Latin letters, digits and spaces */
  const char *value;  /* UTF-8; NULL or "" is left out */
} ScPngText;

/*
 * Appends to @out an 8-bit RGB PNG of @width × @height pixels taken from
 * @data, rows @stride bytes apart, each pixel a native-endian 32-bit xRGB
 * word (cairo's CAIRO_FORMAT_RGB24), with @n_texts text chunks and, when
 * @pixels_per_inch > 0, its resolution (pHYs), so that office software
 * places it at the size it was drawn for.
 *
 * Compresses on at most @max_threads threads (0: one per processor). The
 * bytes depend only on the pixels and the texts, never on how many threads
 * compressed them (see sc-png.c for how).
 */
gboolean sc_png_encode_rgb24 (const guint8    *data,
                              int              width,
                              int              height,
                              int              stride,
                              const ScPngText *texts,
                              guint            n_texts,
                              double           pixels_per_inch,
                              guint            max_threads,
                              GByteArray      *out,
                              GError         **error);

G_END_DECLS
