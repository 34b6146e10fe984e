/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sc-application.h"
#include "sc-cli.h"

int
main (int   argc,
      char *argv[])
{
  const char *lang = sc_cli_prescan_lang (argc, argv);

  if (lang != NULL)
    g_setenv ("LANGUAGE", lang, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (sc_cli_wants_cli (argc, argv))
    return sc_cli_run (argc, argv);

  g_autoptr(ScApplication) app = sc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
