/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "sc-cli-private.h"
#include "sc-file.h"
#include "sc-report.h"
#include "sc-cli-xlsx.h"

/* "zh_CN", "zh" → Chinese; anything else English; NULL → the UI language. */
static ScLang
report_lang (const char *option)
{
  if (option == NULL)
    return sc_lang_detect ();
  return sc_lang_from_code (option);
}

/* TRUE when @path names a terminal (/dev/tty, /dev/stdout on a terminal):
 * opened, never written. */
static gboolean
is_terminal (const char *path)
{
  int fd = open (path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  gboolean tty = fd >= 0 && isatty (fd);

  if (fd >= 0)
    close (fd);
  return tty;
}

gboolean
sc_cli_parse_format (const char     *name,
                     ScReportFormat *format)
{
  if (name == NULL)
    return TRUE;
  if (g_str_equal (name, "xlsx"))
    {
      *format = SC_REPORT_XLSX;
      return TRUE;
    }
  return sc_report_format_from_string (name, format);
}

gboolean
sc_cli_xlsx_output_ok (const char *output)
{
  /* A workbook is binary: to a file only, never to a terminal or a pipe. */
  if (output == NULL || g_str_equal (output, "-") || is_terminal (output))
    {
      g_printerr ("shangce: %s\n", _("--format xlsx needs a file to write: -o FILE.xlsx"));
      return FALSE;
    }
  return TRUE;
}

int
sc_cli_report (ScCliOptions *options)
{
  g_autoptr(ScDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  ScReportFormat format = SC_REPORT_TEXT;
  ScLang lang = report_lang (options->lang);
  gconstpointer data;
  gsize size;
  int status;

  if (!sc_cli_parse_format (options->format, &format))
    {
      g_printerr ("shangce: %s\n", _("--format must be text, csv, json or xlsx"));
      return 2;
    }
  if ((format == SC_REPORT_XLSX && !sc_cli_xlsx_output_ok (options->output))
      || !sc_cli_csv_header_ok (options, format))
    return 2;
  document = sc_cli_open (options, lang, SC_CLI_OPEN_WARN, &status);
  if (document == NULL)
    return status;

  if (format == SC_REPORT_XLSX)
    {
      if (!sc_cli_xlsx->report (sc_document_get_catalog (document), sc_document_get_profile (document),
                                sc_document_get_result (document), sc_document_get_ranges (document),
                                sc_lang_to_code (lang), options->output, &error))
        {
          g_printerr ("shangce: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  bytes = sc_report_build_with_sweep (sc_document_get_catalog (document), sc_document_get_profile (document),
                                      sc_document_get_result (document), sc_document_get_sweep (document),
                                      sc_document_get_ranges (document), format, sc_lang_to_code (lang));
  if (options->csv_header)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      ScI18nSwitch *sw = sc_i18n_switch_begin (lang);
      GBytes *table = bytes;

      sc_cli_csv_header_add_result (rows, "", sc_document_get_profile (document), sc_document_get_result (document));
      bytes = sc_cli_csv_with_header (table, _("Shangce estimate report"), rows, sc_lang_to_code (lang));
      g_bytes_unref (table);
      sc_i18n_switch_end (sw);
    }
  data = g_bytes_get_data (bytes, &size);

  if (options->output != NULL && !g_str_equal (options->output, "-"))
    {
      if (!sc_file_write (options->output, data, size, SC_FILE_PRIVATE | SC_FILE_SYNC, &error))
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
