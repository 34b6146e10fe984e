/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers that tests of more than one area share (GLib only). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path: a file, or a folder and everything in it. Links are
 * removed, never followed. Only for a test's own temporary files. */
void  test_remove_tree  (const char  *path);

/* Runs $SHANGCE_BIN with @args (NULL-terminated) and returns its exit
 * status (-1 when killed by a signal); @out and @err, when not NULL, get
 * what it wrote to standard output and error. */
int   test_run_shangce  (const char *const  *args,
                         char              **out,
                         char              **err);

G_END_DECLS
