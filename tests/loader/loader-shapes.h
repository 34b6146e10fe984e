/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Program files whose cost once grew faster than their size (issue 15,
 * items 1-4), generated at any size @n so that tests and the benchmark need
 * no large committed files. Each returns the document. (transfer full)
 */

/* A root start tag with @n attributes besides its own. */
char *loader_shape_attributes       (guint n);
/* A root start tag declaring @n namespaces. */
char *loader_shape_namespaces       (guint n);
/* One measure whose quote of about 60 KB states @n numbers, each stated
 * once by a grant (@n ≤ 8,000): every number is looked for in the quote. */
char *loader_shape_stated_numbers   (guint n);
/* 1,000 sources and @n programs each listing all of them in sources="…":
 * 1,000 × @n look-ups of a source id (@n ≤ 200). */
char *loader_shape_source_cites     (guint n);

G_END_DECLS
