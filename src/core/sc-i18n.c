/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-i18n.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sc-types.h"

gboolean
sc_lang_parse (const char *text,
               ScLang     *out)
{
  if (text == NULL)
    return FALSE;
  if (g_str_has_prefix (text, "zh"))
    *out = SC_LANG_ZH;
  else if (g_str_has_prefix (text, "en") || g_str_equal (text, "C"))
    *out = SC_LANG_EN;
  else
    return FALSE;
  return TRUE;
}

ScLang
sc_lang_from_code (const char *text)
{
  ScLang lang = SC_LANG_EN;

  if (text != NULL && g_str_has_prefix (text, "zh"))
    lang = SC_LANG_ZH;
  return lang;
}

const char *
sc_lang_to_code (ScLang lang)
{
  return lang == SC_LANG_ZH ? "zh" : "en";
}

const char *
sc_lang_to_locale (ScLang lang)
{
  return lang == SC_LANG_ZH ? "zh_CN" : "en";
}

ScLang
sc_lang_detect (void)
{
  return sc_lang_from_code (sc_lang_current ());
}

/* --- set-up -------------------------------------------------------------- */

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
  g_autofree char *base = NULL;
  ScLang known;
  char *dot;

  /* "zh" names the language; its catalogue is zh_CN's, which gettext
   * would not find under "zh". */
  base = sc_lang_parse (lang, &known) ? g_strdup (sc_lang_to_locale (known)) : g_strdup (lang);
  dot = strchr (base, '.');
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

const char *
sc_i18n_prescan_lang (int    argc,
                      char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--lang") && i + 1 < argc)
        return argv[i + 1];
      if (g_str_has_prefix (argv[i], "--lang="))
        return argv[i] + strlen ("--lang=");
    }
  return NULL;
}

void
sc_i18n_setup (int    argc,
               char **argv)
{
  const char *lang = sc_i18n_prescan_lang (argc, argv);
  const char *localedir = g_getenv ("SHANGCE_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (lang != NULL)
    force_language (lang);
  else
    honour_language_env ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* --- switching for one piece of output -------------------------------------- */

struct _ScI18nSwitch
{
  char *saved;   /* LANGUAGE before, or NULL when it was unset */
};

/* glibc's gettext caches translations per language; this counter tells it
 * that the language changed. */
extern int _nl_msg_cat_cntr;

ScI18nSwitch *
sc_i18n_switch_begin (ScLang lang)
{
  ScI18nSwitch *sw;

  if (lang == sc_lang_detect ())
    return NULL;
  sw = g_new0 (ScI18nSwitch, 1);
  sw->saved = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", sc_lang_to_locale (lang), TRUE);
  ++_nl_msg_cat_cntr;
  return sw;
}

void
sc_i18n_switch_end (ScI18nSwitch *sw)
{
  if (sw == NULL)
    return;
  if (sw->saved != NULL)
    g_setenv ("LANGUAGE", sw->saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
  g_free (sw->saved);
  g_free (sw);
}
