/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Columns @text takes on a terminal: East Asian wide characters (汉字,
 * full-width punctuation) take two, combining marks and other zero-width
 * characters none, everything else one. Bytes that are not UTF-8 count one
 * each. NULL is 0 columns.
 */
gsize  sc_text_width  (const char *text);

/*
 * Appends @text (NULL = "") to @out and spaces up to @width columns as
 * sc_text_width() counts them: after the text, or before it when
 * @align_right. Text wider than @width is appended whole.
 */
void   sc_text_pad    (GString    *out,
                       const char *text,
                       gsize       width,
                       gboolean    align_right);

G_END_DECLS
