/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-cli-private.h"
#include "sc-engine.h"
#include "sc-profile.h"

G_BEGIN_DECLS

/* Shared by --export and --headless: one evaluation of the chosen profile. */
typedef struct
{
  ScCatalog *catalog;
  ScProfile *profile;
  ScResult  *result;
} ScCliEvaluation;

/* "zh" / "en" for --lang (NULL option: the UI language); NULL when unknown. */
const char      *sc_cli_chart_lang      (const char   *option);
/* Parses "WxH" (or W×H); NULL gives the default size. */
gboolean         sc_cli_parse_size      (const char   *text,
                                         double       *width,
                                         double       *height);
/* Loads programs and the profile, evaluates. NULL with *status set on error (message printed). */
ScCliEvaluation *sc_cli_evaluate        (ScCliOptions *options,
                                         const char   *lang,
                                         int          *status);
void             sc_cli_evaluation_free (ScCliEvaluation *ev);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCliEvaluation, sc_cli_evaluation_free)

G_END_DECLS
