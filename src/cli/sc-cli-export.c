/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-chart-export.h"
#include "sc-chart-fonts.h"
#include "sc-chart-from-result.h"
#include "sc-cli-export-private.h"
#include "sc-cli-private.h"

#define DEFAULT_WIDTH  1600
#define DEFAULT_HEIGHT 900

static void
usage_error (const char *message)
{
  g_printerr ("shangce: %s\n", message);
}

gboolean
sc_cli_chart_lang (const char *option,
                   ScLang     *lang)
{
  if (option == NULL)
    {
      *lang = sc_lang_detect ();
      return TRUE;
    }
  return sc_lang_parse (option, lang);
}

gboolean
sc_cli_parse_size (const char *text,
                   double     *width,
                   double     *height)
{
  char *end = NULL;
  const char *p = text;
  gint64 w, h;

  if (text == NULL)
    {
      *width = DEFAULT_WIDTH;
      *height = DEFAULT_HEIGHT;
      return TRUE;
    }
  if (!g_ascii_isdigit (*p))
    return FALSE;
  w = g_ascii_strtoll (p, &end, 10);
  if (end == p)
    return FALSE;
  if (*end == 'x' || *end == 'X')
    p = end + 1;
  else if (g_str_has_prefix (end, "×"))
    p = end + strlen ("×");
  else
    return FALSE;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  h = g_ascii_strtoll (p, &end, 10);
  if (*end != '\0')
    return FALSE;
  if (w < SC_CHART_SIZE_MIN || w > SC_CHART_SIZE_MAX || h < SC_CHART_SIZE_MIN || h > SC_CHART_SIZE_MAX)
    return FALSE;
  *width = (double) w;
  *height = (double) h;
  return TRUE;
}

static void
print_kinds (void)
{
  g_print ("%s\n", _("Chart kinds (--chart KIND):"));
  for (ScChartKind k = 0; k < SC_CHART_N_KINDS; k++)
    g_print ("  %-12s %s\n", sc_chart_kind_to_string (k), sc_chart_kind_describe (k));
}

/* Where an export's time goes: G_MESSAGES_DEBUG=shangce-cli. */
static void
lap (gint64     *since,
     const char *what)
{
  gint64 now = g_get_monotonic_time ();

  g_debug ("%s: %.1f ms", what, (now - *since) / 1000.0);
  *since = now;
}

int
sc_cli_export (ScCliOptions *options)
{
  g_autoptr(ScDocument) document = NULL;
  g_autoptr(ScChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  ScChartFontWarmup *fonts;
  gint64 start;
  ScChartKind kind = SC_CHART_OVERVIEW;
  ScChartFormat format;
  double width, height;
  ScLang lang;
  int status;

  if (g_strcmp0 (options->chart, "list") == 0)
    {
      print_kinds ();
      return 0;
    }
  if (options->chart != NULL && !sc_chart_kind_from_string (options->chart, &kind))
    {
      g_autofree char *msg = g_strdup_printf (_("unknown chart kind “%s” (see --chart list)"), options->chart);

      usage_error (msg);
      return 2;
    }
  if (options->export_path == NULL || *options->export_path == '\0')
    {
      usage_error (_("--export needs a file name ending in .png, .svg or .pdf"));
      return 2;
    }
  if (!sc_chart_format_from_path (options->export_path, &format))
    {
      g_autofree char *msg = g_strdup_printf (_("cannot tell the format of “%s”: use a name ending in .png, .svg or .pdf"),
                                              options->export_path);

      usage_error (msg);
      return 2;
    }
  if (options->svg_text)
    {
      if (format != SC_CHART_FORMAT_SVG)
        {
          usage_error (_("--svg-text needs a file name ending in .svg"));
          return 2;
        }
      format = SC_CHART_FORMAT_SVG_TEXT;
    }
  if (!sc_cli_parse_size (options->size, &width, &height))
    {
      g_autofree char *msg = g_strdup_printf (_("--size must be WIDTHxHEIGHT with each side from %d to %d, not “%s”"),
                                              SC_CHART_SIZE_MIN, SC_CHART_SIZE_MAX, options->size);

      usage_error (msg);
      return 2;
    }
  if (!(options->scale >= SC_CHART_SCALE_MIN && options->scale <= SC_CHART_SCALE_MAX))
    {
      g_autofree char *msg = g_strdup_printf (_("--scale must be from %g to %g, not %g"),
                                              SC_CHART_SCALE_MIN, SC_CHART_SCALE_MAX, options->scale);

      usage_error (msg);
      return 2;
    }
  if (!sc_cli_chart_lang (options->lang, &lang))
    {
      g_autofree char *msg = g_strdup_printf (_("--lang must be zh_CN or en, not “%s”"), options->lang);

      usage_error (msg);
      return 2;
    }

  /* Fonts load on a second core while the programs load and evaluate. */
  fonts = sc_chart_fonts_warm_up (sc_lang_to_code (lang), width, height);
  start = g_get_monotonic_time ();
  document = sc_cli_open (options, lang, SC_CLI_OPEN_NEED_DAY, &status);
  if (document != NULL)
    sc_document_get_result (document);
  lap (&start, "programs loaded and evaluated");
  /* The model needs no fonts: made while they finish loading. */
  if (document != NULL)
    {
      if (kind == SC_CHART_SCENARIOS)
        model = sc_cli_scenarios_model (options, document, lang, &status);
      else
        model = sc_chart_model_from_document (document, kind, lang);
    }
  lap (&start, "chart model made");
  sc_chart_fonts_warm_up_finish (fonts);
  lap (&start, "then waited for the fonts");
  if (model == NULL)
    return status;
  model->show_footnote = !options->no_footnote;
  /* A consultant's own words for a slide; the data lines stay in the footnote. */
  if (options->title != NULL || options->subtitle != NULL)
    sc_chart_model_set_title (model, options->title != NULL ? options->title : model->title,
                              options->subtitle != NULL ? options->subtitle : model->subtitle);
  if (!sc_chart_export (model, options->export_path, format, width, height, options->scale, &error))
    {
      g_printerr ("shangce: %s: %s\n", options->export_path, error->message);
      return 1;
    }
  lap (&start, "laid out, drawn, encoded and written");
  return 0;
}
