/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "sc-application.h"
#include "sc-cli.h"

/* gettext ignores LANGUAGE while LC_MESSAGES is the C locale, so messages
 * in a chosen language also need a messages locale that is not C: the
 * language's own if it is installed, else any UTF-8 one that is. */
static void
set_messages_locale (const char *lang)
{
  g_autofree char *own = g_strconcat (lang, ".UTF-8", NULL);
  const char *candidates[] = { own, "C.UTF-8", "en_US.UTF-8", NULL };

  for (guint i = 0; candidates[i] != NULL; i++)
    if (setlocale (LC_MESSAGES, candidates[i]) != NULL)
      break;
}

/* --lang: the output language whatever the environment says. */
static void
force_language (const char *lang)
{
  g_autofree char *base = g_strdup (lang);
  char *dot = strchr (base, '.');

  if (dot != NULL)
    *dot = '\0';
  g_setenv ("LANGUAGE", base, TRUE);
  set_messages_locale (base);
}

/* LANGUAGE set with no LANG/LC_* (LANGUAGE=zh_CN shangce, or a session
 * whose locale is C): GLib and the program data already follow LANGUAGE,
 * so let gettext follow it too rather than mix Chinese data with English
 * messages. */
static void
honour_language_env (void)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *messages = setlocale (LC_MESSAGES, NULL);
  g_autofree char *first = NULL;
  char *dot;

  if (language == NULL || messages == NULL)
    return;
  if (!g_str_equal (messages, "C") && !g_str_equal (messages, "POSIX"))
    return;
  first = g_strndup (language, strcspn (language, ":"));
  dot = strchr (first, '.');
  if (dot != NULL)
    *dot = '\0';
  if (*first == '\0' || g_str_equal (first, "C") || g_str_equal (first, "POSIX"))
    return;
  set_messages_locale (first);
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
  else
    honour_language_env ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (sc_cli_wants_cli (argc, argv))
    return sc_cli_run (argc, argv);

  /* gtk_init() would call setlocale (LC_ALL, "") again and undo the
   * messages locale chosen above. */
  gtk_disable_setlocale ();
  g_autoptr(ScApplication) app = sc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
