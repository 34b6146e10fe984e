/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-cli-private.h"

G_BEGIN_DECLS

/* The language of --lang for charts (NULL option: the UI language); FALSE
 * when the option names neither Chinese nor English. */
gboolean         sc_cli_chart_lang      (const char   *option,
                                         ScLang       *lang);
/* Parses "WxH" (or W×H); NULL gives the default size. */
gboolean         sc_cli_parse_size      (const char   *text,
                                         double       *width,
                                         double       *height);
G_END_DECLS
