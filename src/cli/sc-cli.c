/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sc-chart-fonts.h"
#include "sc-cli-client-report.h"
#include "sc-cli-private.h"
#include "sc-cli-xlsx.h"

static const char *const cli_flags[] = {
  "--validate", "--list-programs", "--report", "--export", "--chart", "--headless", "--version", "--client-report",
  "--compare", "--batch", "--batch-dir", "--help", "-h", "-?", NULL
};

/* The commands that draw a chart in this process (sc_chart_fonts_warm_up). */
static const char *const chart_flags[] = { "--export", "--headless", "--client-report", NULL };
/* Batches draw on threads of their own. */
static const char *const batch_flags[] = { "--batch", "--batch-dir", NULL };

static gboolean
has_flag (int                argc,
          char             **argv,
          const char *const *flags)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      for (guint j = 0; flags[j] != NULL; j++)
        if (g_str_equal (argv[i], flags[j]) || (g_str_has_prefix (argv[i], flags[j]) && argv[i][strlen (flags[j])] == '='))
          return TRUE;
    }
  return FALSE;
}

gboolean
sc_cli_wants_cli (int    argc,
                  char **argv)
{
  return has_flag (argc, argv, cli_flags);
}

void
sc_cli_prepare (int    argc,
                char **argv)
{
  if (has_flag (argc, argv, chart_flags) && !has_flag (argc, argv, batch_flags))
    sc_chart_fonts_prepare ();
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

ScDocument *
sc_cli_open (ScCliOptions   *options,
             ScLang          lang,
             ScCliOpenFlags  flags,
             int            *status)
{
  g_autoptr(ScDocument) document = NULL;
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  *status = 2;
  if (options->horizon != 0 && (options->horizon < 1 || options->horizon > SC_PROFILE_HORIZON_MAX))
    {
      g_printerr ("shangce: ");
      g_printerr (_("--horizon must be between 1 and %d months"), SC_PROFILE_HORIZON_MAX);
      g_printerr ("\n");
      return NULL;
    }
  if (options->as_of != NULL && sc_day_parse (options->as_of) == SC_DAY_NONE)
    {
      g_printerr ("shangce: ");
      g_printerr (_("--as-of must be a date written YYYY-MM-DD, not “%s”"), options->as_of);
      g_printerr ("\n");
      return NULL;
    }

  *status = 1;
  document = sc_document_new ();
  sc_document_set_lang (document, lang);
  if (!options->no_bundled)
    sc_document_load_default_programs (document);
  for (guint i = 0; options->programs != NULL && options->programs[i] != NULL; i++)
    if (!sc_document_add_program_file (document, options->programs[i], SC_ORIGIN_COMMAND_LINE, &error))
      {
        g_printerr ("%s\n", error->message);
        return NULL;
      }
  if ((flags & SC_CLI_OPEN_WARN) != 0 && !options->no_bundled)
    print_catalog_errors (sc_document_get_catalog (document));

  if (options->profile != NULL)
    profile = sc_profile_load (options->profile, &error);
  else
    profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  if (profile == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  sc_document_set_profile (document, g_steal_pointer (&profile), NULL);
  if (options->as_of != NULL && !sc_document_set_as_of (document, sc_day_parse (options->as_of), &error))
    {
      g_printerr ("shangce: --as-of: %s\n", error->message);
      *status = 2;
      return NULL;
    }
  if (options->horizon != 0)
    sc_document_set_horizon (document, (guint) options->horizon, NULL);
  if ((flags & SC_CLI_OPEN_NEED_DAY) != 0 && sc_document_get_profile (document)->as_of == SC_DAY_NONE)
    {
      g_printerr ("shangce: %s\n", _("the profile has no evaluation date: give one with --as-of YYYY-MM-DD"));
      *status = 2;
      return NULL;
    }

  *status = 0;
  return g_steal_pointer (&document);
}

static gboolean stdout_checked;

/* Output lost on the way (a full disk, a closed pipe) is a failure even
 * when every write looked fine: stdio buffers, so the error may only show
 * when the buffer is flushed. */
static gboolean
stdout_lost (void)
{
  stdout_checked = TRUE;
  if (fflush (stdout) == 0 && !ferror (stdout))
    return FALSE;
  g_printerr ("shangce: %s\n", _("cannot write to standard output"));
  return TRUE;
}

/* --help and --help-all print and exit() inside GLib's option parser. */
static void
check_stdout_at_exit (void)
{
  if (!stdout_checked && stdout_lost ())
    _exit (1);
}

static void
sc_cli_options_clear (ScCliOptions *o)
{
  g_clear_pointer (&o->files, g_strfreev);
  g_clear_pointer (&o->programs, g_strfreev);
  g_clear_pointer (&o->profile, g_free);
  g_clear_pointer (&o->profiles, g_strfreev);
  g_clear_pointer (&o->charts, g_strfreev);
  g_clear_pointer (&o->batch_dir, g_free);
  g_clear_pointer (&o->out_dir, g_free);
  g_clear_pointer (&o->as_of, g_free);
  g_clear_pointer (&o->format, g_free);
  g_clear_pointer (&o->output, g_free);
  g_clear_pointer (&o->export_path, g_free);
  g_clear_pointer (&o->chart, g_free);
  g_clear_pointer (&o->size, g_free);
  g_clear_pointer (&o->lang, g_free);
  g_clear_pointer (&o->title, g_free);
  g_clear_pointer (&o->subtitle, g_free);
}

/* The spelling of the batch flag: with --batch or --batch-dir, a
 * bare --client-report (which otherwise names one PDF) means
 * --client-reports, a PDF for each client in --out. FALSE, saying why,
 * when it is given a file there. */
static gboolean
batch_client_report_flag (int    argc,
                          char **argv)
{
  gboolean batch = FALSE;

  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    if (g_str_equal (argv[i], "--batch") || g_str_equal (argv[i], "--batch-dir")
        || g_str_has_prefix (argv[i], "--batch-dir="))
      batch = TRUE;
  for (int i = 1; batch && i < argc && !g_str_equal (argv[i], "--"); i++)
    if (g_str_equal (argv[i], "--client-report"))
      argv[i] = (char *) "--client-reports";
    else if (g_str_has_prefix (argv[i], "--client-report="))
      {
        g_printerr ("shangce: %s\n", _("with --batch, --client-report takes no file: "
                                       "each client’s PDF goes to the --out folder"));
        return FALSE;
      }
  return TRUE;
}

int
sc_cli_run (int    argc,
            char **argv)
{
  ScCliOptions o = { 0 };
  ScCliClientReport client_report = { 0 };
  gboolean validate = FALSE, list = FALSE, report = FALSE, headless = FALSE, version = FALSE;
  gboolean compare = FALSE, batch = FALSE;
  g_autoptr(GError) error = NULL;
  /* The command line as given, for the twin: parsing rearranges argv. */
  int given_argc = argc;
  g_autofree char **given_argv = g_memdup2 (argv, sizeof (char *) * (gsize) (argc + 1));
  int status;

  o.scale = 1.0;

  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate, N_("Check program files and report errors as file:line:col"), NULL },
    { "list-programs", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the programs that would load"), NULL },
    { "report", 0, 0, G_OPTION_ARG_NONE, &report, N_("Print the estimate for a profile"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &o.export_path, N_("Export a chart to a PNG, SVG or PDF file"), N_("FILE") },
    { "headless", 0, 0, G_OPTION_ARG_NONE, &headless, N_("Write the report and overview chart of an example without a display"), NULL },
    { "profile", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.profiles, N_("Merchant profile to evaluate (twice with --chart scenarios)"), N_("FILE") },
    { "programs", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.programs, N_("Also load this program file (repeatable)"), N_("FILE") },
    { "no-bundled", 0, 0, G_OPTION_ARG_NONE, &o.no_bundled, N_("Do not load the bundled and user program files"), NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &o.as_of, N_("Evaluation date"), N_("YYYY-MM-DD") },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &o.horizon, N_("Horizon in months"), N_("MONTHS") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format, N_("Report format: text, csv, json or xlsx"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { "chart", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.charts, N_("Chart kind to export, or “list” (repeatable with --batch)"), N_("KIND") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size, N_("Chart size in points"), N_("WxH") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &o.scale, N_("Pixel scale for PNG (1–4)"), N_("N") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, N_("Language of the output: zh_CN or en"), N_("LANG") },
    { "no-footnote", 0, 0, G_OPTION_ARG_NONE, &o.no_footnote, N_("Leave the footnote off exported charts"), NULL },
    { "svg-text", 0, 0, G_OPTION_ARG_NONE, &o.svg_text, N_("Write an SVG chart's text as text to edit, its font named, not embedded"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, N_("Title of the exported chart instead of its own"), N_("TEXT") },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &o.subtitle, N_("Subtitle of the exported chart instead of its own"), N_("TEXT") },
    { "compare", 0, 0, G_OPTION_ARG_NONE, &compare, N_("Compare two profiles side by side: --compare A.shangce B.shangce"), NULL },
    { "batch", 0, 0, G_OPTION_ARG_NONE, &batch, N_("Evaluate every profile named after the options, with --out"), NULL },
    { "batch-dir", 0, 0, G_OPTION_ARG_FILENAME, &o.batch_dir, N_("Evaluate every profile (*.shangce) in DIR, with --out"), N_("DIR") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &o.out_dir, N_("Folder for the batch summary and each client's files"), N_("DIR") },
    { "client-reports", 0, 0, G_OPTION_ARG_NONE, &o.client_reports, N_("Also write each client’s PDF report (--batch; --client-report there too)"), NULL },
    { "csv-header", 0, 0, G_OPTION_ARG_NONE, &o.csv_header,
      N_("Begin a CSV with rows saying what it is: profile, dates, data revision, version"), NULL },
    { "jobs", 0, 0, G_OPTION_ARG_INT, &o.jobs, N_("Threads for --batch (default: every core)"), N_("N") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_set_summary (context, _("Compare e-commerce support programs for one merchant.\n"
                                          "Without an option below, Shangce opens its window."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, sc_cli_client_report_group (&client_report));
  atexit (check_stdout_at_exit);
  if (!batch_client_report_flag (argc, argv))
    {
      sc_cli_options_clear (&o);
      sc_cli_client_report_clear (&client_report);
      return 2;
    }
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("shangce: %s\n", error->message);
      sc_cli_options_clear (&o);
      sc_cli_client_report_clear (&client_report);
      return 2;
    }

  /* --profile and --chart are repeatable only where a run takes several. */
  if (o.profiles != NULL && o.profiles[0] != NULL)
    o.profile = g_strdup (o.profiles[g_strv_length (o.profiles) - 1]);
  if (o.charts != NULL && o.charts[0] != NULL)
    o.chart = g_strdup (o.charts[g_strv_length (o.charts) - 1]);
  if ((o.profiles != NULL && g_strv_length (o.profiles) > 1 && g_strcmp0 (o.chart, "scenarios") != 0)
      || (o.charts != NULL && g_strv_length (o.charts) > 1 && !batch && o.batch_dir == NULL))
    {
      g_printerr ("shangce: %s\n", _("--profile can be given twice only with --chart scenarios, "
                                     "and --chart more than once only with --batch"));
      sc_cli_options_clear (&o);
      sc_cli_client_report_clear (&client_report);
      return 2;
    }

  /* The workbook writers live in the twin (sc-cli-xlsx.h). */
  if (sc_cli_xlsx == NULL && g_strcmp0 (o.format, "xlsx") == 0 && !version)
    {
      sc_cli_options_clear (&o);
      sc_cli_client_report_clear (&client_report);
      return sc_cli_exec_xlsx (given_argc, given_argv);
    }

  if (version)
    {
      g_print ("shangce %s\n", PACKAGE_VERSION);
      status = 0;
    }
  else if (validate)
    status = sc_cli_validate (&o);
  else if (list)
    status = sc_cli_list_programs (&o);
  else if (compare)
    status = sc_cli_compare (&o);
  else if (batch || o.batch_dir != NULL)
    status = sc_cli_batch (&o);
  else if (client_report.path != NULL)
    status = sc_cli_client_report (&o, &client_report);
  else if (report)
    status = sc_cli_report (&o);
  else if (o.export_path != NULL || g_strcmp0 (o.chart, "list") == 0)
    status = sc_cli_export (&o);
  else if (headless)
    status = sc_cli_headless (&o);
  else
    {
      g_printerr ("shangce: %s\n", _("nothing to do"));
      status = 2;
    }

  sc_cli_options_clear (&o);
  sc_cli_client_report_clear (&client_report);

  if (stdout_lost () && status == 0)
    status = 1;
  return status;
}

/* Replaces this process with the program @name found beside this one (a
 * build tree) or where it is installed (libexec), given this command line. */
static int
exec_beside (const char  *name,
             int          argc,
             char       **argv)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : NULL;
  g_autofree char *beside = dir != NULL ? g_build_filename (dir, name, NULL) : NULL;
  g_autofree char *installed = g_build_filename (LIBEXECDIR, name, NULL);
  const char *program = beside != NULL && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE) ? beside : installed;
  g_autofree char **args = g_new0 (char *, argc + 1);
  int saved;

  args[0] = (char *) program;
  for (int i = 1; i < argc; i++)
    args[i] = argv[i];
  execv (program, args);
  saved = errno;
  g_printerr ("shangce: %s: %s\n", program, g_strerror (saved));
  return 1;
}

/* The window lives in a second executable so that the command line never
 * pays for loading and relocating GTK and libadwaita (about 15 ms a run). */
int
sc_cli_exec_app (int    argc,
                 char **argv)
{
  return exec_beside ("shangce-app", argc, argv);
}

int
sc_cli_exec_xlsx (int    argc,
                  char **argv)
{
  return exec_beside ("shangce-xlsx", argc, argv);
}
