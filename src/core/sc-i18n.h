/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Language: one value, one module. Shangce speaks Chinese (zh_CN) and
 * English. The process sets its locale and message catalogue once
 * (sc_i18n_setup()); output in the other language, such as an export in
 * English from a Chinese window, switches the catalogue for a moment with
 * sc_i18n_switch_begin()/_end(), and nowhere else.
 */

typedef enum
{
  SC_LANG_ZH,
  SC_LANG_EN,
} ScLang;

/* "zh_CN", "zh", "zh_TW.UTF-8" → ZH; "en", "en_GB", "C" → EN; anything else
 * (NULL, "", "fr") FALSE with *out unchanged. */
gboolean     sc_lang_parse        (const char *text,
                                   ScLang     *out);
/* Like sc_lang_parse(), but anything not Chinese is English. */
ScLang       sc_lang_from_code    (const char *text);
/* The code data, engine, report and chart take: "zh" or "en". (transfer none) */
const char  *sc_lang_to_code      (ScLang      lang);
/* The locale name: "zh_CN" or "en". (transfer none) */
const char  *sc_lang_to_locale    (ScLang      lang);
/* The language of this process's user interface, from the environment
 * (LANGUAGE, LC_ALL, LC_MESSAGES, LANG). */
ScLang       sc_lang_detect       (void);

/* The language forced with --lang (--lang X or --lang=X) in @argv, found
 * before gettext is set up; NULL if none. (transfer none) */
const char  *sc_i18n_prescan_lang (int          argc,
                                   char       **argv);
/* Locale and gettext set-up shared by both executables: --lang in @argv,
 * LANGUAGE under a C locale, SHANGCE_LOCALEDIR for uninstalled runs. */
void         sc_i18n_setup        (int          argc,
                                   char       **argv);

/* What sc_i18n_switch_begin() changed, to put back. */
typedef struct _ScI18nSwitch ScI18nSwitch;

/* Makes gettext answer in @lang until sc_i18n_switch_end(); NULL (nothing
 * to undo) when @lang is already the process's language. Not thread-safe:
 * call from the main thread with no other thread translating. */
ScI18nSwitch *sc_i18n_switch_begin (ScLang        lang);
/* Puts the language back; NULL does nothing. */
void          sc_i18n_switch_end   (ScI18nSwitch *sw);

G_END_DECLS
