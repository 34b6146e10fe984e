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

static void
print_catalog_errors (ScCatalog *catalog)
{
  GPtrArray *errors = sc_catalog_get_errors (catalog);

  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      const GError *e = g_ptr_array_index (errors, i);

      g_printerr ("shangce: %s %s\n", _("warning:"), e->message);
    }
}

int
sc_cli_report (ScCliOptions *options)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(ScResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ScEngineOptions engine_options = { 0 };
  ScReportFormat format = SC_REPORT_TEXT;
  const char *lang = report_lang (options->lang);
  gconstpointer data;
  gsize size;

  if (options->format != NULL && !sc_report_format_from_string (options->format, &format))
    {
      g_printerr ("shangce: %s\n", _("--format must be text, csv or json"));
      return 2;
    }
  if (options->horizon != 0 && (options->horizon < 1 || options->horizon > SC_PROFILE_HORIZON_MAX))
    {
      g_printerr ("shangce: ");
      g_printerr (_("--horizon must be between 1 and %d months"), SC_PROFILE_HORIZON_MAX);
      g_printerr ("\n");
      return 2;
    }
  if (options->as_of != NULL && sc_day_parse (options->as_of) == SC_DAY_NONE)
    {
      g_printerr ("shangce: ");
      g_printerr (_("--as-of must be a date written YYYY-MM-DD, not “%s”"), options->as_of);
      g_printerr ("\n");
      return 2;
    }

  if (!options->no_bundled)
    sc_catalog_add_defaults (catalog);
  for (guint i = 0; options->programs != NULL && options->programs[i] != NULL; i++)
    {
      g_autoptr(GError) local = NULL;

      if (!sc_catalog_add_file (catalog, options->programs[i], SC_ORIGIN_COMMAND_LINE, &local))
        {
          g_printerr ("%s\n", local->message);
          return 1;
        }
    }
  if (!options->no_bundled)
    print_catalog_errors (catalog);

  if (options->profile != NULL)
    profile = sc_profile_load (options->profile, &error);
  else
    profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  if (profile == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (options->as_of != NULL)
    profile->as_of = sc_day_parse (options->as_of);
  if (options->horizon != 0)
    profile->horizon_months = (guint) options->horizon;

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
