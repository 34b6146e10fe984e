/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sc-catalog.h"
#include "sc-cli-private.h"
#include "sc-engine.h"
#include "sc-error.h"
#include "sc-profile.h"
#include "sc-report.h"

/* "zh_CN", "zh" → "zh"; "en…" → "en"; NULL → the UI language. */
static const char *
report_lang (const char *option)
{
  if (option == NULL)
    return sc_lang_current ();
  return g_str_has_prefix (option, "zh") ? "zh" : "en";
}

int
sc_cli_report (ScCliOptions *options)
{
  g_autoptr(ScCatalog) catalog = NULL;
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(ScResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ScEngineOptions engine_options = { 0 };
  ScReportFormat format = SC_REPORT_TEXT;
  const char *lang = report_lang (options->lang);
  gconstpointer data;
  gsize size;
  int status;

  if (options->format != NULL && !sc_report_format_from_string (options->format, &format))
    {
      g_printerr ("shangce: %s\n", _("--format must be text, csv or json"));
      return 2;
    }
  if (!sc_cli_load (options, TRUE, &catalog, &profile, &status))
    return status;

  engine_options.lang = lang;
  result = sc_engine_evaluate (catalog, profile, &engine_options);
  bytes = sc_report_build (catalog, profile, result, format, lang);
  data = g_bytes_get_data (bytes, &size);

  if (options->output != NULL && !g_str_equal (options->output, "-"))
    {
      if (!g_file_set_contents_full (options->output, data, (gssize) size,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
        {
          g_printerr ("shangce: %s\n", error->message);
          return 1;
        }
      return 0;
    }
  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      g_printerr ("shangce: %s\n", _("cannot write the report to standard output"));
      return 1;
    }
  return 0;
}
