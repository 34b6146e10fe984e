/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sc-application.h"
#include "sc-cli.h"

/* gettext ignores LANGUAGE while LC_MESSAGES is the C locale, so a forced
 * language also needs a messages locale that is not C: the language's own
 * if it is installed, else any UTF-8 one that is. */
static void
force_language (const char *lang)
{
  g_autofree char *base = g_strdup (lang);
  char *dot = strchr (base, '.');
  const char *candidates[4];

  if (dot != NULL)
    *dot = '\0';
  g_setenv ("LANGUAGE", base, TRUE);

  g_autofree char *own = g_strconcat (base, ".UTF-8", NULL);
  candidates[0] = own;
  candidates[1] = "C.UTF-8";
  candidates[2] = "en_US.UTF-8";
  candidates[3] = NULL;
  for (guint i = 0; candidates[i] != NULL; i++)
    if (setlocale (LC_MESSAGES, candidates[i]) != NULL)
      break;
}

int
main (int   argc,
      char *argv[])
{
  const char *lang = sc_cli_prescan_lang (argc, argv);
  const char *localedir = g_getenv ("SHANGCE_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (lang != NULL)
    force_language (lang);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (sc_cli_wants_cli (argc, argv))
    return sc_cli_run (argc, argv);

  g_autoptr(ScApplication) app = sc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
