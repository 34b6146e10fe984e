/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-chart-model.h"
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
/* --chart scenarios: @document is the last --profile, the first (when
 * there are two) is opened beside it; NULL with *status set when that
 * fails. (transfer full) */
ScChartModel    *sc_cli_scenarios_model (ScCliOptions *options,
                                         ScDocument   *document,
                                         ScLang        lang,
                                         int          *status);
G_END_DECLS
