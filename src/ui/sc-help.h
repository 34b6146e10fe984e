/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The address that shows the help page @page (a Mallard page id such as
 * "measures"; NULL for the index) in the interface's language: "help:" for
 * the help viewer when one handles that scheme (@have_viewer), otherwise
 * the HTML copy installed beside the program data, as a file:// URI, for
 * the web browser. NULL when neither exists. (transfer full)
 */
char     *sc_help_get_uri     (const char *page,
                               gboolean    have_viewer);

/* TRUE when an application handles help: URIs (Yelp, usually). */
gboolean  sc_help_have_viewer (void);

/* Shows help page @page for @parent: in the help viewer, else in the web
 * browser; when neither can, a dialog says where the help is. */
void      sc_help_show        (GtkWindow  *parent,
                               const char *page);

G_END_DECLS
