/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sc-chart-fonts.h"
#include "sc-cli-client-report.h"
#include "sc-cli-export-private.h"
#include "sc-cli-private.h"
#include "sc-client-report.h"

GOptionGroup *
sc_cli_client_report_group (ScCliClientReport *options)
{
  const GOptionEntry entries[] = {
    { "client-report", 0, 0, G_OPTION_ARG_FILENAME, &options->path,
      N_("Write a client report (PDF) for the profile; with --batch, one per client and no FILE"), N_("FILE") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &options->logo, N_("Logo on the client report’s cover (PNG)"), N_("FILE") },
    { "consultant", 0, 0, G_OPTION_ARG_STRING, &options->consultant,
      N_("Consultant or firm named on the client report"), N_("NAME") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &options->layout, N_("Client report pages: a4 or slides"), N_("LAYOUT") },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("client-report", _("Client report options:"),
                                            _("Show the client report options"), NULL, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}

void
sc_cli_client_report_clear (ScCliClientReport *options)
{
  g_clear_pointer (&options->path, g_free);
  g_clear_pointer (&options->logo, g_free);
  g_clear_pointer (&options->consultant, g_free);
  g_clear_pointer (&options->layout, g_free);
}

/* The report's date: today, or SOURCE_DATE_EPOCH's day for reproducible builds. */
static ScDay
report_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) when = NULL;

  if (epoch != NULL && g_ascii_isdigit (*epoch))
    when = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (when == NULL)
    when = g_date_time_new_now_local ();
  return sc_day_from_ymd (g_date_time_get_year (when), g_date_time_get_month (when),
                          g_date_time_get_day_of_month (when));
}

int
sc_cli_client_report (ScCliOptions      *options,
                      ScCliClientReport *report)
{
  g_autoptr(ScDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ScClientReportOptions ro = { 0 };
  ScChartFontWarmup *fonts;
  ScLang lang;
  int status;

  if (*report->path == '\0')
    {
      g_printerr ("shangce: %s\n", _("--client-report needs a file name"));
      return 2;
    }
  if (report->layout != NULL && !sc_client_report_layout_from_string (report->layout, &ro.layout))
    {
      g_printerr ("shangce: ");
      g_printerr (_("--layout must be a4 or slides, not “%s”"), report->layout);
      g_printerr ("\n");
      return 2;
    }
  if (!sc_cli_chart_lang (options->lang, &lang))
    {
      g_printerr ("shangce: ");
      g_printerr (_("--lang must be zh_CN or en, not “%s”"), options->lang);
      g_printerr ("\n");
      return 2;
    }

  /* Fonts load on a second core while the programs load and evaluate. */
  fonts = sc_chart_fonts_warm_up (sc_lang_to_code (lang), 800, 450);
  document = sc_cli_open (options, lang, SC_CLI_OPEN_NEED_DAY, &status);
  if (document != NULL)
    sc_document_get_ranges (document);
  sc_chart_fonts_warm_up_finish (fonts);
  if (document == NULL)
    return status;

  ro.lang = sc_lang_to_code (lang);
  ro.consultant = report->consultant;
  ro.logo_path = report->logo;
  ro.date = report_date ();
  ro.ranges = sc_document_get_ranges (document);
  if (!sc_client_report_write (&ro, sc_document_get_catalog (document), sc_document_get_profile (document),
                               sc_document_get_result (document), report->path, &error))
    {
      g_printerr ("shangce: %s\n", error->message);
      return 1;
    }
  return 0;
}
