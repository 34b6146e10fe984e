/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sc-cli-export-private.h"
#include "sc-cli-private.h"
#include "sc-cli-xlsx.h"
#include "sc-chart-scenarios.h"
#include "sc-compare-report.h"

gboolean
sc_cli_write_output (const char  *path,
                     GBytes      *bytes)
{
  g_autoptr(GError) error = NULL;
  gconstpointer data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  if (path != NULL && !g_str_equal (path, "-"))
    {
      if (!g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
        {
          g_printerr ("shangce: %s\n", error->message);
          return FALSE;
        }
      return TRUE;
    }
  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      g_printerr ("shangce: %s\n", _("cannot write the report to standard output"));
      return FALSE;
    }
  return TRUE;
}

ScDocument *
sc_cli_open_profile (ScCliOptions   *options,
                     const char     *profile,
                     ScLang          lang,
                     ScCliOpenFlags  flags,
                     int            *status)
{
  ScCliOptions one = *options;

  one.profile = (char *) profile;
  return sc_cli_open (&one, lang, flags, status);
}

int
sc_cli_compare (ScCliOptions *options)
{
  g_autoptr(ScDocument) a = NULL;
  g_autoptr(ScDocument) b = NULL;
  g_autoptr(ScCompare) compare = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean written = FALSE;
  ScReportFormat format = SC_REPORT_TEXT;
  ScI18nSwitch *sw;
  ScLang lang;
  int status;

  if (options->files == NULL || g_strv_length (options->files) != 2)
    {
      g_printerr ("shangce: %s\n", _("--compare needs two profile files: shangce --compare A.shangce B.shangce"));
      return 2;
    }
  if (!sc_cli_parse_format (options->format, &format))
    {
      g_printerr ("shangce: %s\n", _("--format must be text, csv, json or xlsx"));
      return 2;
    }
  if ((format == SC_REPORT_XLSX && !sc_cli_xlsx_output_ok (options->output))
      || !sc_cli_csv_header_ok (options, format))
    return 2;
  if (!sc_cli_chart_lang (options->lang, &lang))
    {
      g_printerr ("shangce: ");
      g_printerr (_("--lang must be zh_CN or en, not “%s”"), options->lang);
      g_printerr ("\n");
      return 2;
    }
  a = sc_cli_open_profile (options, options->files[0], lang, SC_CLI_OPEN_WARN | SC_CLI_OPEN_NEED_DAY, &status);
  if (a == NULL)
    return status;
  b = sc_cli_open_profile (options, options->files[1], lang, SC_CLI_OPEN_NEED_DAY, &status);
  if (b == NULL)
    return status;

  compare = sc_compare_documents (a, b);
  sw = sc_i18n_switch_begin (lang);
  if (format == SC_REPORT_XLSX)
    written = sc_cli_xlsx->compare (compare, options->output, &error);
  else
    bytes = sc_compare_report_build (compare, format);
  if (options->csv_header)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      GBytes *table = bytes;

      sc_cli_csv_header_add_result (rows, "-a", sc_document_get_profile (a), sc_document_get_result (a));
      sc_cli_csv_header_add_result (rows, "-b", sc_document_get_profile (b), sc_document_get_result (b));
      bytes = sc_cli_csv_with_header (table, _("Shangce: two scenarios side by side"), rows, sc_lang_to_code (lang));
      g_bytes_unref (table);
    }
  sc_i18n_switch_end (sw);
  if (format == SC_REPORT_XLSX)
    {
      if (!written)
        g_printerr ("shangce: %s\n", error->message);
      return written ? 0 : 1;
    }
  return sc_cli_write_output (options->output, bytes) ? 0 : 1;
}

ScChartModel *
sc_cli_scenarios_model (ScCliOptions *options,
                        ScDocument   *document,
                        ScLang        lang,
                        int          *status)
{
  g_autoptr(ScDocument) first = NULL;
  ScDocument *documents[SC_COMPARE_N];

  /* One profile (or the default example): that scenario alone. */
  if (options->profiles == NULL || g_strv_length (options->profiles) < SC_COMPARE_N)
    return sc_chart_model_from_documents (&document, 1, lang);
  first = sc_cli_open_profile (options, options->profiles[0], lang, SC_CLI_OPEN_NEED_DAY, status);
  if (first == NULL)
    return NULL;
  documents[0] = first;
  documents[1] = document;
  return sc_chart_model_from_documents (documents, SC_COMPARE_N, lang);
}
