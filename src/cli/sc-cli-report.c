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
#include "sc-report-xlsx.h"

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

  if (g_strcmp0 (options->format, "xlsx") == 0)
    format = SC_REPORT_XLSX;
  else if (options->format != NULL && !sc_report_format_from_string (options->format, &format))
    {
      g_printerr ("shangce: %s\n", _("--format must be text, csv, json or xlsx"));
      return 2;
    }
  /* A workbook is binary: to a file only, never to a terminal or a pipe. */
  if (format == SC_REPORT_XLSX
      && (options->output == NULL || g_str_equal (options->output, "-") || is_terminal (options->output)))
    {
      g_printerr ("shangce: %s\n", _("--format xlsx needs a file to write: -o FILE.xlsx"));
      return 2;
    }
  document = sc_cli_open (options, lang, SC_CLI_OPEN_WARN, &status);
  if (document == NULL)
    return status;

  if (format == SC_REPORT_XLSX)
    {
      if (!sc_report_write_xlsx (sc_document_get_catalog (document), sc_document_get_profile (document),
                                 sc_document_get_result (document), sc_lang_to_code (lang),
                                 options->output, &error))
        {
          g_printerr ("shangce: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  bytes = sc_report_build_with_sweep (sc_document_get_catalog (document), sc_document_get_profile (document),
                                      sc_document_get_result (document), sc_document_get_sweep (document),
                                      format, sc_lang_to_code (lang));
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
