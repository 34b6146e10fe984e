/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sc-chart-export.h"
#include "sc-file.h"
#include "sc-chart-fonts.h"
#include "sc-chart-from-result.h"
#include "sc-cli-export-private.h"
#include "sc-cli-private.h"
#include "sc-report.h"

/*
 * No display: write the text report and the overview chart of the chosen
 * profile (the bundled example by default) into a folder and say where.
 * The folder is -o DIR, else $XDG_CACHE_HOME/shangce: output that can be
 * made again from the data belongs in the cache, not next to the user's files.
 */
int
sc_cli_headless (ScCliOptions *options)
{
  g_autoptr(ScDocument) document = NULL;
  g_autoptr(ScChartModel) model = NULL;
  g_autoptr(GBytes) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *chart_path = NULL;
  ScLang lang;
  ScChartFontWarmup *fonts;
  double width, height;
  gconstpointer data;
  gsize size;
  int status;

  if (!sc_cli_chart_lang (options->lang, &lang))
    {
      g_printerr ("shangce: ");
      g_printerr (_("--lang must be zh_CN or en, not “%s”"), options->lang);
      g_printerr ("\n");
      return 2;
    }
  if (!sc_cli_parse_size (options->size, &width, &height))
    {
      g_printerr ("shangce: ");
      g_printerr (_("--size must be WIDTHxHEIGHT with each side from %d to %d, not “%s”"),
                  SC_CHART_SIZE_MIN, SC_CHART_SIZE_MAX, options->size);
      g_printerr ("\n");
      return 2;
    }
  if (!(options->scale >= SC_CHART_SCALE_MIN && options->scale <= SC_CHART_SCALE_MAX))
    {
      g_printerr ("shangce: ");
      g_printerr (_("--scale must be from %g to %g, not %g"), SC_CHART_SCALE_MIN, SC_CHART_SCALE_MAX, options->scale);
      g_printerr ("\n");
      return 2;
    }

  /* As --export does: the fonts load while the programs load and evaluate. */
  fonts = sc_chart_fonts_warm_up (sc_lang_to_code (lang), width, height);
  document = sc_cli_open (options, lang, SC_CLI_OPEN_NEED_DAY, &status);
  if (document != NULL)
    sc_document_get_result (document);
  sc_chart_fonts_warm_up_finish (fonts);
  if (document == NULL)
    return status;

  dir = options->output != NULL ? g_strdup (options->output)
                                : g_build_filename (g_get_user_cache_dir (), "shangce", NULL);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_printerr ("shangce: %s: %s\n", dir, g_strerror (saved));
      return 1;
    }

  report_path = g_build_filename (dir, "report.txt", NULL);
  chart_path = g_build_filename (dir, "overview.png", NULL);

  report = sc_report_build_with_sweep (sc_document_get_catalog (document), sc_document_get_profile (document),
                                       sc_document_get_result (document), sc_document_get_sweep (document),
                                       sc_document_get_ranges (document), SC_REPORT_TEXT, sc_lang_to_code (lang));
  data = g_bytes_get_data (report, &size);
  if (!sc_file_write (report_path, data, size, SC_FILE_PRIVATE | SC_FILE_SYNC, &error))
    {
      g_printerr ("shangce: %s\n", error->message);
      return 1;
    }

  model = sc_chart_model_from_document (document, SC_CHART_OVERVIEW, lang);
  model->show_footnote = !options->no_footnote;
  if (!sc_chart_export (model, chart_path, SC_CHART_FORMAT_PNG, width, height, options->scale, &error))
    {
      g_printerr ("shangce: %s: %s\n", chart_path, error->message);
      return 1;
    }

  g_print (_("Profile: %s\n"), sc_profile_get_name (sc_document_get_profile (document), sc_lang_to_code (lang)));
  g_print (_("Report: %s\n"), report_path);
  g_print (_("Chart:  %s\n"), chart_path);
  return 0;
}
