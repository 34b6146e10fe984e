/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Language forced with --lang, found before gettext is set up; NULL if none. (transfer none) */
const char *sc_cli_prescan_lang (int argc, char **argv);

/* TRUE when argv asks for a command-line job (validate, report, export…) rather than the window. */
gboolean    sc_cli_wants_cli    (int argc, char **argv);

/* Runs the command-line job; returns the exit status. */
int         sc_cli_run          (int argc, char **argv);

G_END_DECLS
