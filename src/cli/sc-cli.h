/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Language forced with --lang, found before gettext is set up; NULL if none. (transfer none) */
const char *sc_cli_prescan_lang (int argc, char **argv);

/* TRUE when argv asks for a command-line job (validate, report, export…) rather than the window. */
gboolean    sc_cli_wants_cli    (int argc, char **argv);

/* Locale and gettext set-up shared by both executables: --lang, LANGUAGE
 * under a C locale, SHANGCE_LOCALEDIR for uninstalled runs. */
void        sc_cli_setup_i18n   (int argc, char **argv);

/* Replaces this process with the desktop application (shangce-app);
 * returns only on failure, with the exit status to use. */
int         sc_cli_exec_app     (int argc, char **argv);

/* Runs the command-line job; returns the exit status. */
int         sc_cli_run          (int argc, char **argv);

G_END_DECLS
