/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv asks for a command-line job (validate, report, export…) rather than the window. */
gboolean    sc_cli_wants_cli    (int argc, char **argv);

/* Starts, before anything else, what the command in argv will wait for:
 * for one that draws a chart here, fontconfig's start (3–4 ms, on a thread
 * of Pango's; sc_chart_fonts_prepare()). Options are parsed later. */
void        sc_cli_prepare      (int argc, char **argv);

/* Replaces this process with the desktop application (shangce-app);
 * returns only on failure, with the exit status to use. */
int         sc_cli_exec_app     (int argc, char **argv);

/* Runs the command-line job; returns the exit status. */
int         sc_cli_run          (int argc, char **argv);

G_END_DECLS
