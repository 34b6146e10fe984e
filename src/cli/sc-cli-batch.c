/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "sc-chart-export.h"
#include "sc-chart-from-result.h"
#include "sc-cli-export-private.h"
#include "sc-cli-private.h"
#include "sc-client-report.h"
#include "sc-cli-batch-private.h"
#include "sc-chart-drivers.h"
#include "sc-compare-report.h"
#include "sc-cli-xlsx.h"
#include "sc-range.h"

/*
 * --batch: every profile is loaded, evaluated and written by a worker of a
 * thread pool. The catalog is loaded once, on this thread, and shared read
 * only: the engine is a pure function of (catalog, profile, options) and
 * catalog lookups never change it. Each worker has its own profile and
 * result. gettext is switched to --lang before the pool starts and back
 * after it ends, so no thread translates while the language changes.
 * Results land in an array by the profile's place on the command line (or
 * in the sorted folder), so the summary's order never depends on threads.
 */

typedef struct
{
  ScCliOptions         *options;
  ScCatalog            *catalog;
  ScLang                lang;
  ScReportFormat        format;
  ScChartKind          *kinds;
  guint                 n_kinds;
  double                width, height;
  GAsyncQueue          *done;
} Batch;

static void
client_free (Client *c)
{
  g_free (c->path);
  g_free (c->stem);
  g_free (c->name);
  g_free (c->error);
  g_free (c->leading);
  g_free (c->assumptions);
  g_strfreev (c->flip_keys);
  g_strfreev (c->flip_labels);
  if (c->platforms != NULL)
    {
      for (guint i = 0; i < c->platforms->len; i++)
        {
          g_free (g_array_index (c->platforms, ClientPlatform, i).platform);
          g_free (g_array_index (c->platforms, ClientPlatform, i).name);
        }
      g_array_unref (c->platforms);
    }
  g_free (c);
}

static const char *
format_extension (ScReportFormat format)
{
  switch (format)
    {
    case SC_REPORT_JSON: return "json";
    case SC_REPORT_TEXT: return "txt";
    case SC_REPORT_XLSX: return "xlsx";
    case SC_REPORT_CSV:
    default: return "csv";
    }
}

static gboolean
write_bytes (const char  *path,
             GBytes      *bytes,
             GError     **error)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  return g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static gboolean
write_outputs (Batch                 *batch,
               Client                *c,
               const ScProfile       *profile,
               const ScResult        *result,
               const ScRangeAnalysis *ranges,
               GError               **error)
{
  const char *lang = sc_lang_to_code (batch->lang);
  g_autofree char *name = g_strdup_printf ("%s.%s", c->stem, format_extension (batch->format));
  g_autofree char *path = g_build_filename (batch->options->out_dir, name, NULL);
  g_autoptr(ScSweep) report_sweep = NULL;
  g_autoptr(GBytes) report = NULL;

  if (batch->format == SC_REPORT_XLSX)
    {
      if (!sc_cli_xlsx->report (batch->catalog, profile, result, ranges, lang, path, error))
        return FALSE;
    }
  else
    {
      report_sweep = sc_sweep_over_monthly_gmv (batch->catalog, profile, NULL, lang);
      report = sc_report_build_with_sweep (batch->catalog, profile, result, report_sweep, ranges,
                                           batch->format, lang);
      if (batch->options->csv_header)
        {
          g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
          GBytes *table = report;

          sc_cli_csv_header_add_result (rows, "", profile, result);
          report = sc_cli_csv_with_header (table, _("Shangce estimate report"), rows, lang);
          g_bytes_unref (table);
        }
      if (!write_bytes (path, report, error))
        return FALSE;
    }
  if (batch->options->client_reports)
    {
      ScClientReportOptions ro = { .lang = lang, .ranges = ranges };
      g_autofree char *pdf_name = g_strdup_printf ("%s.pdf", c->stem);
      g_autofree char *pdf = g_build_filename (batch->options->out_dir, pdf_name, NULL);

      if (!sc_client_report_write (&ro, batch->catalog, profile, result, pdf, error))
        return FALSE;
    }
  for (guint k = 0; k < batch->n_kinds; k++)
    {
      g_autoptr(ScSweep) sweep = NULL;
      g_autoptr(ScChartModel) model = NULL;
      g_autofree char *png_name = g_strdup_printf ("%s-%s.png", c->stem, sc_chart_kind_to_string (batch->kinds[k]));
      g_autofree char *png = g_build_filename (batch->options->out_dir, png_name, NULL);

      if (batch->kinds[k] == SC_CHART_SENSITIVITY)
        sweep = sc_sweep_over_monthly_gmv (batch->catalog, profile, NULL, lang);
      if (batch->kinds[k] == SC_CHART_DRIVERS)
        model = sc_chart_model_drivers (batch->catalog, profile, result, ranges, lang);
      else
        model = sc_chart_model_from_result (batch->kinds[k], batch->catalog, profile, result, sweep, lang);
      if (!sc_chart_export (model, png, SC_CHART_FORMAT_PNG, batch->width, batch->height, 1.0, error))
        return FALSE;
    }
  return TRUE;
}

/* How sure the client's verdict is (issue 13 §3): robust, or which
 * assumptions within their range change the winner. */
static void
summarise_ranges (Client                *c,
                  const ScRangeAnalysis *ranges)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  c->robust = ranges->robust;
  for (guint i = 0; i < ranges->drivers->len; i++)
    {
      const ScRangeDriver *d = g_ptr_array_index (ranges->drivers, i);

      if (!d->flips)
        continue;
      g_strv_builder_add (keys, d->key);
      /* Translators: an assumption that can change the winner and the value
       * at which it does, in the batch summary: "Douyin: commission (at 3.3%)" */
      {
        g_autofree char *label = g_strdup_printf (_("%s (at %s)"), d->label, d->flip_text ? d->flip_text : "?");

        g_strv_builder_add (labels, label);
      }
    }
  c->flip_keys = g_strv_builder_end (keys);
  c->flip_labels = g_strv_builder_end (labels);
}

static void
summarise (Client         *c,
           const ScResult *result,
           const char     *lang)
{
  const ScPlatformResult *best = NULL;

  c->platforms = g_array_new (FALSE, TRUE, sizeof (ClientPlatform));
  for (guint i = 0; i < result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (result->platforms, i);
      ClientPlatform cp = {
        g_strdup (p->platform),
        g_strdup (p->baseline != NULL ? sc_text_get (&p->baseline->name, lang) : p->platform),
        p->totals[SC_AMOUNT_TOTAL_VALUE], sc_totals_kept (p->totals), sc_totals_tied (p->totals),
      };

      g_array_append_val (c->platforms, cp);
      /* The verdict's ranking (sc-verdict.h), not the face-value total. */
      if (sc_result_platform_score (result, p) >= 0.5
          && (best == NULL || sc_result_platform_score (result, p) > sc_result_platform_score (result, best)))
        best = p;
    }
  c->leading = best != NULL ? g_strdup (best->platform) : NULL;
  c->n_assumptions = result->assumptions->len;
  {
    GString *lines = g_string_new (NULL);

    for (guint i = 0; i < result->assumptions->len; i++)
      g_string_append_printf (lines, "%s%s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (result->assumptions, i));
    c->assumptions = g_string_free (lines, FALSE);
  }
  c->as_of = result->as_of;
  c->horizon_months = result->horizon_months;
}

static void
evaluate_one (Batch  *batch,
              Client *c)
{
  ScCliOptions *o = batch->options;
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(ScResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRangeAnalysis) ranges = NULL;
  /* keep_raw: the range analysis below starts from this result. */
  ScEngineOptions engine = { .lang = sc_lang_to_code (batch->lang), .keep_raw = TRUE };

  profile = sc_profile_load (c->path, &error);
  if (profile != NULL && o->as_of != NULL)
    sc_profile_set_as_of (profile, sc_day_parse (o->as_of), NULL);
  if (profile != NULL && o->horizon != 0)
    sc_profile_set_horizon (profile, (guint) o->horizon, NULL);
  if (profile == NULL)
    {
      c->error = g_strdup (error->message);
      return;
    }
  c->name = g_strdup (sc_profile_get_name (profile, engine.lang));
  if (profile->as_of == SC_DAY_NONE)
    {
      c->error = g_strdup_printf ("%s: %s", c->path, _("the profile has no evaluation date: give one with --as-of YYYY-MM-DD"));
      return;
    }
  result = sc_engine_evaluate (batch->catalog, profile, &engine);
  summarise (c, result, engine.lang);
  /* One analysis for the summary and every output of this client. */
  {
    ScEngineOptions options = { .lang = engine.lang, .disabled = (const char *const *) result->disabled };

    ranges = sc_range_analyse (batch->catalog, profile, result, &options);
  }
  summarise_ranges (c, ranges);
  if (!write_outputs (batch, c, profile, result, ranges, &error))
    c->error = g_strdup_printf ("%s: %s", c->path, error->message);
}

static void
worker (gpointer data,
        gpointer user_data)
{
  Batch *batch = user_data;
  Client *c = data;

  evaluate_one (batch, c);
  g_async_queue_push (batch->done, c);
}

static int
by_string (gconstpointer a,
           gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The profiles named on the command line, or the *.shangce files of --batch-dir, sorted. */
static GPtrArray *
list_profiles (ScCliOptions  *o,
               GError       **error)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  for (guint i = 0; o->files != NULL && o->files[i] != NULL; i++)
    g_ptr_array_add (paths, g_strdup (o->files[i]));
  if (o->batch_dir == NULL)
    return paths;
  dir = g_dir_open (o->batch_dir, 0, error);
  if (dir == NULL)
    {
      g_ptr_array_unref (paths);
      return NULL;
    }
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

    while ((entry = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (entry, ".shangce"))
        g_ptr_array_add (found, g_build_filename (o->batch_dir, entry, NULL));
    g_ptr_array_sort (found, by_string);
    for (guint i = 0; i < found->len; i++)
      g_ptr_array_add (paths, g_strdup (g_ptr_array_index (found, i)));
  }
  return paths;
}

/* "shop" for shop.shangce; "shop-2" for the second shop.shangce. */
static char *
unique_stem (GHashTable *taken,
             const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = g_str_has_suffix (base, ".shangce") ? strrchr (base, '.') : NULL;
  char *stem;

  if (dot != NULL && dot != base)
    *dot = '\0';
  if (g_str_equal (base, "summary"))
    stem = g_strdup ("summary-1");
  else
    stem = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (taken, stem); n++)
    {
      g_free (stem);
      stem = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (taken, stem);
  return g_strdup (stem);
}

static int
check_options (ScCliOptions   *o,
               Batch          *batch,
               GArray         *kinds)
{
  if (o->out_dir == NULL || *o->out_dir == '\0')
    {
      g_printerr ("shangce: %s\n", _("--batch needs a folder for its files: --out DIR"));
      return 2;
    }
  batch->format = SC_REPORT_CSV;
  if (!sc_cli_parse_format (o->format, &batch->format) || batch->format == SC_REPORT_TEXT)
    {
      g_printerr ("shangce: %s\n", _("--format of --batch must be csv, json or xlsx"));
      return 2;
    }
  if (!sc_cli_csv_header_ok (o, batch->format))
    return 2;
  if (!sc_cli_chart_lang (o->lang, &batch->lang))
    {
      g_printerr ("shangce: ");
      g_printerr (_("--lang must be zh_CN or en, not “%s”"), o->lang);
      g_printerr ("\n");
      return 2;
    }
  if (!sc_cli_parse_size (o->size, &batch->width, &batch->height))
    {
      g_printerr ("shangce: ");
      g_printerr (_("--size must be WIDTHxHEIGHT with each side from %d to %d, not “%s”"),
                  SC_CHART_SIZE_MIN, SC_CHART_SIZE_MAX, o->size);
      g_printerr ("\n");
      return 2;
    }
  for (guint i = 0; o->charts != NULL && o->charts[i] != NULL; i++)
    {
      ScChartKind kind;

      if (!sc_chart_kind_from_string (o->charts[i], &kind) || kind == SC_CHART_SCENARIOS)
        {
          g_printerr ("shangce: ");
          g_printerr (_("unknown chart kind “%s” (see --chart list)"), o->charts[i]);
          g_printerr ("\n");
          return 2;
        }
      g_array_append_val (kinds, kind);
    }
  if (o->jobs < 0)
    {
      g_printerr ("shangce: %s\n", _("--jobs must be 1 or more"));
      return 2;
    }
  return 0;
}

int
sc_cli_batch (ScCliOptions *o)
{
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (ScChartKind));
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func ((GDestroyNotify) client_free);
  g_autoptr(GHashTable) stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ScDocument) document = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *summary_name = NULL;
  g_autofree char *summary_path = NULL;
  Batch batch = { .options = o };
  GThreadPool *pool;
  ScI18nSwitch *sw;
  gboolean progress = isatty (STDERR_FILENO);
  gboolean written = FALSE;
  guint n_failed = 0;
  int status;

  status = check_options (o, &batch, kinds);
  if (status != 0)
    return status;
  batch.kinds = (ScChartKind *) (gpointer) kinds->data;
  batch.n_kinds = kinds->len;
  paths = list_profiles (o, &error);
  if (paths == NULL)
    {
      g_printerr ("shangce: %s\n", error->message);
      return 1;
    }
  if (paths->len == 0)
    {
      g_printerr ("shangce: %s\n", _("--batch needs profile files, or a folder with --batch-dir"));
      return 2;
    }
  if (g_mkdir_with_parents (o->out_dir, 0755) != 0)
    {
      g_printerr ("shangce: %s: %s\n", o->out_dir, g_strerror (errno));
      return 1;
    }

  /* The catalog, once; the profile of this document is not used. */
  document = sc_cli_open (o, batch.lang, SC_CLI_OPEN_WARN, &status);
  if (document == NULL)
    return status;
  batch.catalog = sc_document_get_catalog (document);
  batch.done = g_async_queue_new ();

  for (guint i = 0; i < paths->len; i++)
    {
      Client *c = g_new0 (Client, 1);

      c->index = i;
      c->path = g_strdup (g_ptr_array_index (paths, i));
      c->stem = unique_stem (stems, c->path);
      g_ptr_array_add (clients, c);
    }

  sw = sc_i18n_switch_begin (batch.lang);
  pool = g_thread_pool_new (worker, &batch, o->jobs > 0 ? o->jobs : (int) g_get_num_processors (), TRUE, NULL);
  for (guint i = 0; i < clients->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (clients, i), NULL);
  for (guint done = 1; done <= clients->len; done++)
    {
      Client *c = g_async_queue_pop (batch.done);

      if (c->error != NULL)
        {
          n_failed++;
          g_printerr ("%s%s\n", progress ? "\r\033[K" : "", c->error);
        }
      if (progress)
        {
          g_printerr ("\r");
          /* Translators: the progress line of --batch on a terminal */
          g_printerr (_("%u of %u profiles, %u failed"), done, clients->len, n_failed);
        }
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  if (progress)
    g_printerr ("\n");

  summary_name = g_strdup_printf ("summary.%s", format_extension (batch.format));
  summary_path = g_build_filename (o->out_dir, summary_name, NULL);
  ids = sc_cli_batch_platforms (clients);
  if (batch.format == SC_REPORT_XLSX)
    written = sc_cli_xlsx->batch_summary (clients, ids, sc_lang_to_code (batch.lang), summary_path, &error);
  else if (batch.format == SC_REPORT_JSON)
    sc_cli_batch_summary_json (summary, clients, ids);
  else
    sc_cli_batch_summary_csv (summary, clients, ids);
  if (batch.format == SC_REPORT_CSV && o->csv_header)
    {
      /* What the file is when opened alone: the run, not one client. */
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GBytes) table = g_string_free_to_bytes (g_steal_pointer (&summary));
      g_autoptr(GBytes) headed = NULL;

      g_ptr_array_add (rows, g_strdup ("# clients"));
      g_ptr_array_add (rows, g_strdup_printf ("%u", clients->len));
      g_ptr_array_add (rows, g_strdup ("# failed"));
      g_ptr_array_add (rows, g_strdup_printf ("%u", n_failed));
      if (o->as_of != NULL)
        {
          g_ptr_array_add (rows, g_strdup ("# as-of"));
          g_ptr_array_add (rows, g_strdup (o->as_of));
        }
      if (o->horizon != 0)
        {
          g_ptr_array_add (rows, g_strdup ("# horizon-months"));
          g_ptr_array_add (rows, g_strdup_printf ("%d", (int) o->horizon));
        }
      headed = sc_cli_csv_with_header (table, _("Shangce batch summary"), rows, sc_lang_to_code (batch.lang));
      summary = g_string_new_len (g_bytes_get_data (headed, NULL), (gssize) g_bytes_get_size (headed));
    }
  sc_i18n_switch_end (sw);
  g_async_queue_unref (batch.done);

  if (batch.format == SC_REPORT_XLSX)
    {
      if (!written)
        g_printerr ("shangce: %s\n", error->message);
      return !written || n_failed > 0 ? 1 : 0;
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&summary));
  if (!sc_cli_write_output (summary_path, bytes))
    return 1;
  return n_failed > 0 ? 1 : 0;
}
