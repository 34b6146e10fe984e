/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers that tests of more than one area share (GLib only). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path: a file, or a folder and everything in it. Links are
 * removed, never followed. Only for a test's own temporary files. */
void  test_remove_tree  (const char  *path);

G_END_DECLS
