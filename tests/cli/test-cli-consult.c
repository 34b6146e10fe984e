/* SPDX-License-Identifier: GPL-3.0-or-later */
/* --compare, --chart scenarios and --batch through the real command line. */

#include "config.h"

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sc-catalog.h"
#include "sc-compare-report.h"
#include "sc-engine.h"
#include "sc-profile.h"
#include "sc-range.h"
#include "test-util.h"

#define run test_run_shangce

static char *
profile_path (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".shangce", NULL);

  return g_build_filename (g_getenv ("SHANGCE_DATA_DIR"), "profiles", name, NULL);
}

/* CSV lines without the BOM; no cell of these files holds a newline. */
static char **
csv_lines (const char *text)
{
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;
  return g_strsplit (text, "\r\n", -1);
}

/* The cells of one CSV line (RFC 4180 quoting, no newline in a cell). */
static char **
csv_cells (const char *line)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line;; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (cell, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if ((*p == ',' && !quoted) || *p == '\0')
        {
          g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (cell, *p);
    }
  g_ptr_array_add (cells, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&cells), FALSE);
}

static guint
column (char       **head,
        const char  *name)
{
  for (guint i = 0; head[i] != NULL; i++)
    if (g_str_equal (head[i], name))
      return i;
  g_error ("no column %s", name);
  return 0;
}

/* platform id → { total, kept } from a --report --format csv. */
static GHashTable *
report_totals (const char *profile)
{
  const char *args[] = { "--report", "--format", "csv", "--lang", "en", "--profile", profile, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) head = NULL;
  GHashTable *totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_cmpint (run (args, &out, NULL), ==, 0);
  lines = csv_lines (out);
  head = csv_cells (lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      double *v;

      if (!g_str_has_prefix (lines[i], "platform,"))
        continue;
      cells = csv_cells (lines[i]);
      v = g_new0 (double, 2);
      v[0] = g_ascii_strtod (cells[column (head, "total-value")], NULL);
      v[1] = g_ascii_strtod (cells[column (head, "fee-reduction")], NULL)
             + g_ascii_strtod (cells[column (head, "cash")], NULL)
             + g_ascii_strtod (cells[column (head, "cash-flow")], NULL);
      g_hash_table_insert (totals, g_strdup (cells[1]), v);
    }
  g_assert_cmpuint (g_hash_table_size (totals), >, 0);
  return totals;
}

static void
test_compare_matches_reports (void)
{
  g_autofree char *a = profile_path ("new-enterprise-apparel");
  g_autofree char *b = profile_path ("brand-merchant");
  g_autoptr(GHashTable) ta = report_totals (a);
  g_autoptr(GHashTable) tb = report_totals (b);
  const char *args[] = { "--compare", a, b, "--format", "csv", "--lang", "en", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) head = NULL;
  guint n_platforms = 0, n_changes = 0;

  g_assert_cmpint (run (args, &out, NULL), ==, 0);
  lines = csv_lines (out);
  head = csv_cells (lines[0]);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = csv_cells (lines[i]);

      if (g_str_equal (cells[0], "platform"))
        {
          const double *va = g_hash_table_lookup (ta, cells[1]);
          const double *vb = g_hash_table_lookup (tb, cells[1]);
          double total_a = g_ascii_strtod (cells[column (head, "total-a")], NULL);
          double total_b = g_ascii_strtod (cells[column (head, "total-b")], NULL);
          double diff = g_ascii_strtod (cells[column (head, "total-diff")], NULL);

          g_assert_nonnull (va);
          g_assert_nonnull (vb);
          g_assert_cmpfloat_with_epsilon (total_a, va[0], 0.005);
          g_assert_cmpfloat_with_epsilon (total_b, vb[0], 0.005);
          g_assert_cmpfloat_with_epsilon (diff, total_b - total_a, 0.011);
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[column (head, "kept-a")], NULL), va[1], 0.011);
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[column (head, "kept-b")], NULL), vb[1], 0.011);
          /* kept + tied = total */
          g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[column (head, "kept-b")], NULL)
                                          + g_ascii_strtod (cells[column (head, "tied-b")], NULL), total_b, 0.011);
          n_platforms++;
        }
      else if (g_str_equal (cells[0], "measure"))
        {
          g_assert_cmpstr (cells[column (head, "status-a")], !=, cells[column (head, "status-b")]);
          n_changes++;
        }
    }
  g_assert_cmpuint (n_platforms, ==, g_hash_table_size (ta));
  g_assert_cmpuint (n_changes, >, 0);
}

static void
test_compare_with_itself (void)
{
  g_autofree char *a = profile_path ("industry-belt-factory");
  const char *csv[] = { "--compare", a, a, "--format", "csv", "--lang", "en", NULL };
  const char *text[] = { "--compare", a, a, "--lang", "en", NULL };
  const char *zh[] = { "--compare", a, a, "--lang", "zh_CN", NULL };
  g_autofree char *out = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *out_zh = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) head = NULL;

  g_assert_cmpint (run (csv, &out, NULL), ==, 0);
  lines = csv_lines (out);
  head = csv_cells (lines[0]);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = csv_cells (lines[i]);

      g_assert_cmpstr (cells[0], !=, "measure");
      if (g_str_equal (cells[0], "platform"))
        for (guint k = 0; head[k] != NULL; k++)
          if (g_str_has_suffix (head[k], "-diff"))
            g_assert_cmpstr (cells[k], ==, "0.00");
    }
  g_assert_cmpint (run (text, &out_text, NULL), ==, 0);
  g_assert_nonnull (strstr (out_text, "No measure changes status"));
  g_assert_cmpint (run (zh, &out_zh, NULL), ==, 0);
  g_assert_nonnull (strstr (out_zh, "快手"));
}

static void
test_compare_usage (void)
{
  g_autofree char *a = profile_path ("industry-belt-factory");
  const char *one[] = { "--compare", a, NULL };
  const char *fmt[] = { "--compare", a, a, "--format", "xml", NULL };

  g_assert_cmpint (run (one, NULL, NULL), ==, 2);
  g_assert_cmpint (run (fmt, NULL, NULL), ==, 2);
}

static guint
count_colours (cairo_surface_t *s)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  const unsigned char *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  for (int y = 0; y < cairo_image_surface_get_height (s); y += 3)
    for (int x = 0; x < cairo_image_surface_get_width (s); x += 3)
      g_hash_table_add (seen, GUINT_TO_POINTER (((const guint32 *) (data + y * stride))[x]));
  return g_hash_table_size (seen);
}

static void
test_scenarios_chart (void)
{
  g_autofree char *a = profile_path ("new-enterprise-apparel");
  g_autofree char *b = profile_path ("individual-apparel");
  g_autofree char *dir = g_dir_make_tmp ("shangce-scenarios-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "scenarios.png", NULL);
  const char *args[] = { "--export", png, "--chart", "scenarios", "--profile", a, "--profile", b,
                         "--size", "800x450", "--lang", "en", NULL };
  const char *one[] = { "--export", png, "--chart", "scenarios", "--profile", a, NULL };
  const char *twice[] = { "--export", png, "--chart", "overview", "--profile", a, "--profile", b, NULL };
  cairo_surface_t *s;

  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  s = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, 450);
  g_assert_cmpuint (count_colours (s), >, 8);
  cairo_surface_destroy (s);

  /* One profile: that scenario alone. */
  g_assert_cmpint (run (one, NULL, NULL), ==, 0);
  g_assert_cmpint (run (twice, NULL, NULL), ==, 2);
  test_remove_tree (dir);
}

/* A folder with the bundled profiles and one broken file. */
static char *
batch_input (void)
{
  g_autofree char *examples = g_build_filename (g_getenv ("SHANGCE_DATA_DIR"), "profiles", NULL);
  char *dir = g_dir_make_tmp ("shangce-batch-in-XXXXXX", NULL);
  g_autoptr(GDir) d = g_dir_open (examples, 0, NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.shangce", NULL);
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *from = g_build_filename (examples, entry, NULL);
      g_autofree char *to = g_build_filename (dir, entry, NULL);
      g_autofree char *text = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &text, &len, NULL));
      g_assert_true (g_file_set_contents (to, text, (gssize) len, NULL));
    }
  g_assert_true (g_file_set_contents (broken,
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\">\n"
                                      "  <set field=\"monthly-gmv\" value=\"lots\"/>\n"
                                      "</profile>\n", -1, NULL));
  return dir;
}

static char *
run_batch (const char *in,
           const char *jobs,
           char      **err,
           int        *status)
{
  g_autofree char *out = g_dir_make_tmp ("shangce-batch-out-XXXXXX", NULL);
  const char *args[] = { "--batch-dir", in, "--out", out, "--jobs", jobs, "--lang", "en", NULL };
  g_autofree char *summary_path = g_build_filename (out, "summary.csv", NULL);
  g_autofree char *stdout_text = NULL;
  char *summary = NULL;

  *status = run (args, &stdout_text, err);
  g_assert_cmpstr (stdout_text, ==, "");
  g_assert_true (g_file_get_contents (summary_path, &summary, NULL, NULL));
  {
    g_autofree char *examples = g_build_filename (g_getenv ("SHANGCE_DATA_DIR"), "profiles", NULL);
    g_autoptr(GDir) d = g_dir_open (examples, 0, NULL);
    const char *entry;

    while ((entry = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *stem = g_strndup (entry, strlen (entry) - strlen (".shangce"));
        g_autofree char *name = g_strconcat (stem, ".csv", NULL);
        g_autofree char *path = g_build_filename (out, name, NULL);

        g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      }
  }
  test_remove_tree (out);
  return summary;
}

static void
test_batch (void)
{
  g_autofree char *in = batch_input ();
  g_autofree char *err1 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *summary1 = NULL;
  g_autofree char *summary2 = NULL;
  g_autofree char *broken_at = g_strdup_printf ("%s/broken.shangce:3:", in);
  g_auto(GStrv) lines = NULL;
  int status;

  summary1 = run_batch (in, "1", &err1, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err1, broken_at));
  summary2 = run_batch (in, "2", &err2, &status);
  g_assert_cmpint (status, ==, 1);
  /* The same rows in the same order whatever the threads. */
  g_assert_cmpstr (summary1, ==, summary2);
  /* No progress line when stderr is not a terminal: only the error. */
  g_assert_null (strstr (err2, "profiles,"));

  lines = csv_lines (summary1);
  g_assert_true (g_str_has_prefix (lines[0], "client,file,status,leading-platform,"));
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5 + 1);   /* header, 4 examples + broken, "" */
  for (guint i = 1; i <= 5; i++)
    g_assert_true (strstr (lines[i], "broken.shangce") != NULL ? strstr (lines[i], ",error,") != NULL
                                                                : strstr (lines[i], ",ok,") != NULL);
  test_remove_tree (in);
}

/* --client-report is the batch flag's name in the issue; --client-reports
 * stays; a file name after it makes no sense in a batch. */
static void
test_batch_client_report_flag (void)
{
  g_autofree char *profile = profile_path ("individual-apparel");
  const char *spellings[] = { "--client-report", "--client-reports" };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *out = g_dir_make_tmp ("shangce-batch-pdf-XXXXXX", NULL);
      g_autofree char *pdf = g_build_filename (out, "individual-apparel.pdf", NULL);
      g_autofree char *csv = g_build_filename (out, "individual-apparel.csv", NULL);
      const char *args[] = { "--batch", profile, "--out", out, spellings[i], "--lang", "en", NULL };
      g_autofree char *data = NULL;
      gsize len = 0;

      g_assert_cmpint (run (args, NULL, NULL), ==, 0);
      g_assert_true (g_file_get_contents (pdf, &data, &len, NULL));
      g_assert_cmpuint (len, >, 1000);
      g_assert_cmpmem (data, 5, "%PDF-", 5);
      g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
      test_remove_tree (out);
    }
  {
    g_autofree char *out = g_dir_make_tmp ("shangce-batch-pdf-XXXXXX", NULL);
    const char *with_file[] = { "--batch", profile, "--out", out, "--client-report=x.pdf", NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run (with_file, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--client-report"));
    test_remove_tree (out);
  }
}

/* The "# key,value" rows of a --csv-header block, up to its empty line;
 * *table is set to what follows. */
static GHashTable *
csv_header_rows (const char  *text,
                 char       **title,
                 const char **table)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *end;

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF# "));
  end = strstr (text, "\r\n\r\n");
  g_assert_nonnull (end);
  *table = end + 4;
  {
    g_autofree char *block = g_strndup (text + 3, end - text - 3);
    g_auto(GStrv) lines = g_strsplit (block, "\r\n", -1);

    *title = g_strdup (lines[0] + 2);
    for (guint i = 1; lines[i] != NULL; i++)
      {
        g_auto(GStrv) cells = csv_cells (lines[i]);

        g_assert_cmpuint (g_strv_length (cells), ==, 2);
        g_assert_true (g_str_has_prefix (cells[0], "# "));
        g_hash_table_insert (rows, g_strdup (cells[0] + 2), g_strdup (cells[1]));
      }
  }
  return rows;
}

static void
test_csv_header (void)
{
  g_autofree char *profile = profile_path ("individual-apparel");
  g_autofree char *dir = g_dir_make_tmp ("shangce-csv-header-XXXXXX", NULL);
  g_autofree char *hostile = g_build_filename (dir, "hostile.shangce", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *plain = NULL, *headed = NULL, *title = NULL, *compared = NULL, *title2 = NULL;
  g_autofree char *named = NULL, *title3 = NULL;
  const char *plain_args[] = { "--report", "--format", "csv", "--profile", profile, "--lang", "en", NULL };
  const char *headed_args[] = { "--report", "--format", "csv", "--csv-header", "--profile", profile, "--lang", "en", NULL };
  const char *compare_args[] = { "--compare", profile, hostile, "--format", "csv", "--csv-header", "--lang", "zh_CN", NULL };
  const char *hostile_args[] = { "--report", "--format", "csv", "--csv-header", "--profile", hostile, "--lang", "en", NULL };
  const char *json_args[] = { "--report", "--format", "json", "--csv-header", "--profile", profile, NULL };
  const char *text_args[] = { "--compare", profile, profile, "--csv-header", NULL };
  const char *xlsx_args[] = { "--compare", profile, profile, "--format", "xlsx", NULL };
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GHashTable) rows2 = NULL;
  g_autoptr(GHashTable) rows3 = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *table;
  const char *revision;

  /* Off by default: the table comes first, as before. */
  g_assert_cmpint (run (plain_args, &plain, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (plain, "\xEF\xBB\xBF" "level,platform,"));
  g_assert_cmpint (run (headed_args, &headed, NULL), ==, 0);
  rows = csv_header_rows (headed, &title, &table);
  g_assert_cmpstr (title, ==, "Shangce estimate report");
  g_assert_cmpstr (g_hash_table_lookup (rows, "profile"), ==, "Individual apparel shop (mostly shelf sales)");
  g_assert_cmpstr (g_hash_table_lookup (rows, "as-of"), ==, "2026-01-01");
  g_assert_cmpstr (g_hash_table_lookup (rows, "horizon-months"), ==, "12");
  g_assert_cmpstr (g_hash_table_lookup (rows, "shangce-version"), ==, PACKAGE_VERSION);
  g_assert_cmpstr (g_hash_table_lookup (rows, "language"), ==, "en");
  /* A short checksum, then the programs the numbers come from. */
  revision = g_hash_table_lookup (rows, "data-revision");
  g_assert_nonnull (revision);
  g_assert_cmpuint (strspn (revision, "0123456789abcdef"), ==, 8);
  g_assert_nonnull (strstr (revision, "-baseline r"));
  /* What the numbers rest on: one row per assumption, as the report lists them. */
  g_assert_nonnull (strstr (headed, "\r\n# assumption,\"Cost of capital per year: 6% (profile)"));
  g_assert_nonnull (strstr (headed, "\r\n# assumption,\"Douyin commission / Apparel: 5% (assumed)"));
  /* The table after the block is the plain report's, byte for byte. */
  g_assert_cmpstr (table, ==, plain + 3);
  /* The client report's footer names the same data revision. */
  if (pdftotext != NULL)
    {
      g_autofree char *pdf = g_build_filename (dir, "client.pdf", NULL);
      g_autofree char *digest = g_strndup (revision, 8);
      g_autofree char *text = NULL;
      const char *report_args[] = { "--client-report", pdf, "--profile", profile, "--lang", "en", NULL };
      const char *argv[] = { "pdftotext", pdf, "-", NULL };

      g_assert_cmpint (run (report_args, NULL, NULL), ==, 0);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &text, NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, digest));
    }

  /* A name that a spreadsheet would run stays text in the block. */
  g_assert_true (g_file_get_contents (profile, &xml, NULL, NULL));
  {
    g_autoptr(GString) edited = g_string_new (xml);

    g_string_replace (edited, "Individual apparel shop (mostly shelf sales)", "=HYPERLINK(\"http://x.example\")", 1);
    g_string_replace (edited, "个人店（女装，货架为主）", "@SUM(A1:A9)", 1);
    g_assert_true (g_file_set_contents (hostile, edited->str, -1, NULL));
  }
  g_assert_cmpint (run (hostile_args, &named, NULL), ==, 0);
  rows3 = csv_header_rows (named, &title3, &table);
  g_assert_cmpstr (g_hash_table_lookup (rows3, "profile"), ==, "'=HYPERLINK(\"http://x.example\")");

  /* --compare: both scenarios, in the chosen language. */
  g_assert_cmpint (run (compare_args, &compared, NULL), ==, 0);
  rows2 = csv_header_rows (compared, &title2, &table);
  g_assert_cmpstr (g_hash_table_lookup (rows2, "profile-a"), ==, "个人店（女装，货架为主）");
  g_assert_cmpstr (g_hash_table_lookup (rows2, "profile-b"), ==, "'@SUM(A1:A9)");
  g_assert_cmpstr (g_hash_table_lookup (rows2, "as-of-b"), ==, "2026-01-01");
  g_assert_cmpstr (g_hash_table_lookup (rows2, "language"), ==, "zh");
  g_assert_true (g_str_has_prefix (table, "row,platform,"));

  /* Only with CSV; a workbook only to a file. */
  g_assert_cmpint (run (json_args, NULL, NULL), ==, 2);
  g_assert_cmpint (run (text_args, NULL, NULL), ==, 2);
  g_assert_cmpint (run (xlsx_args, NULL, NULL), ==, 2);
  test_remove_tree (dir);
}

/* The keys of the assumptions that can change @id's winner evaluated on
 * 2026-03-01, space-separated, as the range analysis gives them. (transfer full) */
static char *
flipping_keys (const char *id,
               gboolean   *robust)
{
  g_autofree char *path = profile_path (id);
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = sc_profile_load (path, NULL);
  ScEngineOptions o = { .lang = "en" };
  g_autoptr(ScResult) result = NULL;
  g_autoptr(ScRangeAnalysis) ranges = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);

  g_assert_nonnull (profile);
  g_assert_true (sc_profile_set_as_of (profile, sc_day_parse ("2026-03-01"), NULL));
  sc_catalog_add_defaults (catalog);
  result = sc_engine_evaluate (catalog, profile, &o);
  ranges = sc_range_analyse (catalog, profile, result, &o);
  for (guint i = 0; i < ranges->drivers->len; i++)
    {
      const ScRangeDriver *d = g_ptr_array_index (ranges->drivers, i);

      if (d->flips)
        g_string_append_printf (keys, "%s%s", keys->len > 0 ? " " : "", d->key);
    }
  *robust = ranges->robust;
  return g_strdup (keys->str);
}

/* --batch --csv-header: summary.csv says what run it is, and each client's
 * row says whether its verdict is robust and which assumptions flip it. */
static void
test_batch_csv_header (void)
{
  g_autofree char *in = batch_input ();
  g_autofree char *out = g_dir_make_tmp ("shangce-batch-header-XXXXXX", NULL);
  g_autofree char *plain_out = g_dir_make_tmp ("shangce-batch-plain-XXXXXX", NULL);
  g_autofree char *summary_path = g_build_filename (out, "summary.csv", NULL);
  g_autofree char *plain_path = g_build_filename (plain_out, "summary.csv", NULL);
  g_autofree char *summary = NULL, *plain = NULL, *title = NULL;
  const char *args[] = { "--batch-dir", in, "--out", out, "--csv-header", "--as-of", "2026-03-01", "--lang", "en", NULL };
  const char *plain_args[] = { "--batch-dir", in, "--out", plain_out, "--as-of", "2026-03-01", "--lang", "en", NULL };
  g_autoptr(GHashTable) rows = NULL;
  g_auto(GStrv) lines = NULL, head = NULL;
  const char *table;
  guint col_robust = G_MAXUINT, col_flips = G_MAXUINT, checked = 0;

  g_assert_cmpint (run (args, NULL, NULL), ==, 1);
  g_assert_true (g_file_get_contents (summary_path, &summary, NULL, NULL));
  rows = csv_header_rows (summary, &title, &table);
  g_assert_cmpstr (title, ==, "Shangce batch summary");
  g_assert_cmpstr (g_hash_table_lookup (rows, "clients"), ==, "5");
  g_assert_cmpstr (g_hash_table_lookup (rows, "failed"), ==, "1");
  g_assert_cmpstr (g_hash_table_lookup (rows, "as-of"), ==, "2026-03-01");
  g_assert_cmpstr (g_hash_table_lookup (rows, "shangce-version"), ==, PACKAGE_VERSION);
  g_assert_cmpstr (g_hash_table_lookup (rows, "language"), ==, "en");
  /* The table after the block is the summary without it, byte for byte. */
  g_assert_cmpint (run (plain_args, NULL, NULL), ==, 1);
  g_assert_true (g_file_get_contents (plain_path, &plain, NULL, NULL));
  g_assert_cmpstr (table, ==, plain + 3);

  lines = csv_lines (plain);
  head = csv_cells (lines[0]);
  for (guint c = 0; head[c] != NULL; c++)
    {
      if (g_str_equal (head[c], "robust"))
        col_robust = c;
      if (g_str_equal (head[c], "flipped-by"))
        col_flips = c;
    }
  g_assert_cmpuint (col_robust, <, g_strv_length (head));
  g_assert_cmpuint (col_flips, ==, col_robust + 1);
  for (guint i = 1; lines[i] != NULL && *lines[i]; i++)
    {
      g_auto(GStrv) cells = csv_cells (lines[i]);
      g_autofree char *stem = g_path_get_basename (cells[1]);

      *strrchr (stem, '.') = '\0';
      if (g_str_equal (stem, "broken"))
        {
          g_assert_cmpstr (cells[col_robust], ==, "");
          continue;
        }
      {
        g_autofree char *keys = NULL;
        gboolean robust;

        keys = flipping_keys (stem, &robust);
        g_assert_cmpstr (cells[col_robust], ==, robust ? "yes" : "no");
        g_assert_cmpstr (cells[col_flips], ==, keys);
        if (g_str_equal (stem, "new-enterprise-apparel"))
          {
            g_assert_false (robust);
            g_assert_nonnull (strstr (keys, "program:douyin.nine-measures-2026/window-end"));
          }
        checked++;
      }
    }
  g_assert_cmpuint (checked, ==, 4);
  test_remove_tree (out);
  test_remove_tree (plain_out);
  test_remove_tree (in);
}

static void
test_csv_cells (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "=1+2", "'=1+2," }, { "+cmd", "'+cmd," }, { "-2+3", "'-2+3," }, { "@SUM(A1)", "'@SUM(A1)," },
    { "\tx", "'\tx," }, { "\rx", "\"'\rx\"," }, { "-12.50", "-12.50," }, { "a,b", "\"a,b\"," },
    { "say \"hi\"", "\"say \"\"hi\"\"\"," }, { "", "," }, { "快手", "快手," },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      sc_csv_append_cell (out, cases[i].in, FALSE);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/compare/matches-reports", test_compare_matches_reports);
  g_test_add_func ("/cli/compare/itself", test_compare_with_itself);
  g_test_add_func ("/cli/compare/usage", test_compare_usage);
  g_test_add_func ("/cli/compare/scenarios-chart", test_scenarios_chart);
  g_test_add_func ("/cli/batch/broken-and-order", test_batch);
  g_test_add_func ("/cli/batch/client-report-flag", test_batch_client_report_flag);
  g_test_add_func ("/cli/csv/formula-cells", test_csv_cells);
  g_test_add_func ("/cli/csv/header", test_csv_header);
  g_test_add_func ("/cli/batch/csv-header-and-ranges", test_batch_csv_header);
  return g_test_run ();
}
