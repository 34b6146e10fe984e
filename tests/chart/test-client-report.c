/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The client report, read back with a real PDF reader (poppler's pdfinfo
 * and pdftotext): pages, page size, metadata, the client's name, numbers
 * the engine computed, a quoted source sentence, the repeated header of a
 * continued table and the page numbering, for every bundled profile in both
 * languages and both layouts.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "sc-catalog.h"
#include "sc-client-report.h"
#include "sc-document.h"
#include "sc-engine.h"
#include "sc-error.h"
#include "sc-profile.h"

static char *tmpdir;

static const char *const profiles[] = {
  "brand-merchant", "individual-apparel", "industry-belt-factory", "new-enterprise-apparel",
};

typedef struct
{
  const char *profile;
  const char *lang;      /* --lang */
  const char *layout;    /* --layout */
} Case;

static gboolean
have_poppler (void)
{
  g_autofree char *info = g_find_program_in_path ("pdfinfo");
  g_autofree char *text = g_find_program_in_path ("pdftotext");

  return info != NULL && text != NULL;
}

/* Runs @argv with @env; returns its standard output, asserting success. */
static char *
run_ok (const char *const *argv,
        char             **env)
{
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* The value of "Key:" in pdfinfo's output. (transfer full) */
static char *
info_field (const char *info,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

/* @text without any white space, so that line breaks do not matter. */
static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* "¥1,469,984": whole yuan grouped by thousands, as the report's tables show it. */
static char *
table_yuan (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (value));
  GString *s = g_string_new ("¥");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

static ScProfile *
load_profile (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SHANGCE_DATA_DIR"), "profiles", name, NULL);
  g_autofree char *file = g_strconcat (path, ".shangce", NULL);
  g_autoptr(GError) error = NULL;
  ScProfile *profile = sc_profile_load (file, &error);

  g_assert_no_error (error);
  return profile;
}

static void
test_cli (gconstpointer data)
{
  const Case *c = data;
  gboolean zh = g_str_has_prefix (c->lang, "zh");
  const char *lang = zh ? "zh" : "en";
  g_autofree char *out = g_strdup_printf ("%s/%s-%s-%s.pdf", tmpdir, c->profile, c->lang, c->layout);
  g_autofree char *profile_path = g_strdup_printf ("%s/profiles/%s.shangce", g_getenv ("SHANGCE_DATA_DIR"), c->profile);
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = load_profile (c->profile);
  g_autoptr(ScResult) result = NULL;
  ScEngineOptions options = { .lang = lang };
  const char *consultant = zh ? "林氏咨询" : "Lin & Partners";
  g_autofree char *info = NULL, *text = NULL, *flat = NULL, *pages_s = NULL, *size = NULL;
  g_autofree char *title = NULL, *author = NULL, *numbering = NULL, *client = NULL, *number = NULL;
  g_autofree char *subject = NULL, *keywords = NULL;
  g_auto(GStrv) pages = NULL;
  const ScPlatformResult *best = NULL;
  const char *quote = NULL;
  const char *continued = zh ? "（续）" : "(continued)";
  gboolean repeated = FALSE;
  guint n_pages;

  if (!have_poppler ())
    {
      g_test_skip ("pdfinfo or pdftotext (poppler-utils) is not installed");
      return;
    }

  g_free (run_ok ((const char *const[]) { g_getenv ("SHANGCE_BIN"), "--client-report", out, "--profile", profile_path,
                                          "--lang", c->lang, "--layout", c->layout, "--consultant", consultant, NULL },
                  NULL));

  /* pdfinfo: pages, page size, metadata */
  info = run_ok ((const char *const[]) { "pdfinfo", "-enc", "UTF-8", out, NULL }, NULL);
  pages_s = info_field (info, "Pages");
  g_assert_nonnull (pages_s);
  n_pages = (guint) g_ascii_strtoull (pages_s, NULL, 10);
  g_assert_cmpuint (n_pages, >, 1);
  size = info_field (info, "Page size");
  if (g_str_equal (c->layout, "a4"))
    g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts"));
  else
    g_assert_true (g_str_has_prefix (size, "960 x 540 pts"));
  client = g_strdup (sc_profile_get_name (profile, lang));
  title = info_field (info, "Title");
  author = info_field (info, "Author");
  g_assert_nonnull (strstr (title, client));
  g_assert_cmpstr (author, ==, consultant);
  subject = info_field (info, "Subject");
  keywords = info_field (info, "Keywords");
  g_assert_nonnull (subject);
  g_assert_nonnull (keywords);

  /* pdftotext: what a reader can select and search */
  text = run_ok ((const char *const[]) { "pdftotext", "-enc", "UTF-8", out, "-", NULL }, NULL);
  flat = squeeze (text);
  {
    g_autofree char *flat_client = squeeze (client);

    g_assert_nonnull (strstr (flat, flat_client));
  }

  /* A number the engine computed: the largest platform total. */
  sc_catalog_add_defaults (catalog);
  result = sc_engine_evaluate (catalog, profile, &options);
  for (guint i = 0; i < result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (result->platforms, i);

      if (best == NULL || p->totals[SC_AMOUNT_TOTAL_VALUE] > best->totals[SC_AMOUNT_TOTAL_VALUE])
        best = p;
    }
  g_assert_nonnull (best);
  g_assert_cmpfloat (best->totals[SC_AMOUNT_TOTAL_VALUE], >, 0);
  number = table_yuan (best->totals[SC_AMOUNT_TOTAL_VALUE]);
  g_assert_nonnull (strstr (flat, number));

  /* A sentence quoted from a source, in Chinese, as the report cites it. */
  for (guint i = 0; i < result->measures->len && quote == NULL; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);

      if (mr->status == SC_MEASURE_ELIGIBLE && mr->measure->quote != NULL && *mr->measure->quote)
        quote = mr->measure->quote;
    }
  g_assert_nonnull (quote);
  {
    g_autofree char *flat_quote = squeeze (quote);

    g_assert_nonnull (strstr (flat, flat_quote));
  }

  /* Pages: "Page 2 of N", and a continued table repeats its header. */
  numbering = zh ? g_strdup_printf ("第 2 页，共 %u 页", n_pages) : g_strdup_printf ("Page 2 of %u", n_pages);
  g_assert_nonnull (strstr (text, numbering));
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 1; pages[i] != NULL; i++)
    {
      const char *header = zh ? "构成与适用理由" : "Made of, and why it applies";

      if (strstr (pages[i], continued) != NULL && strstr (pages[i], header) != NULL)
        repeated = TRUE;
      /* The running header names the client on every page but the cover. */
      if (*g_strstrip (pages[i]) != '\0')
        {
          g_autofree char *flat_page = squeeze (pages[i]);
          g_autofree char *flat_client = squeeze (client);

          g_assert_nonnull (strstr (flat_page, flat_client));
        }
    }
  g_assert_true (repeated);
}

/* --- the library -------------------------------------------------------- */

typedef struct
{
  ScCatalog *catalog;
  ScProfile *profile;
  ScResult  *result;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->catalog = sc_catalog_new ();
  sc_catalog_add_defaults (f->catalog);
  f->profile = load_profile ("brand-merchant");
  f->result = sc_engine_evaluate (f->catalog, f->profile, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sc_result_free (f->result);
  sc_profile_free (f->profile);
  sc_catalog_free (f->catalog);
}

static char *
write_png_logo (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "logo.png", NULL);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 40);
  cairo_t *cr = cairo_create (s);

  cairo_set_source_rgb (cr, 0.1, 0.3, 0.6);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (s, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
  return g_steal_pointer (&path);
}

static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *logo = write_png_logo ();
  ScClientReportOptions options = { .layout = SC_CLIENT_REPORT_SLIDES, .lang = "en", .consultant = "A. Consultant",
                                    .logo_path = logo, .date = sc_day_from_ymd (2026, 3, 1) };
  g_autoptr(GBytes) first = NULL, second = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *bytes;

  first = sc_client_report_render (&options, f->catalog, f->profile, f->result, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (first, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (bytes, "%PDF-", 5) == 0);
  /* A report of a given date is the same file every time. */
  second = sc_client_report_render (&options, f->catalog, f->profile, f->result, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
  /* NULL options: A4, the result's language, no logo. */
  g_clear_pointer (&second, g_bytes_unref);
  second = sc_client_report_render (NULL, f->catalog, f->profile, f->result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
}

/* pdftotext of @bytes, without white space. (transfer full) */
static char *
pdf_flat_text (GBytes *bytes)
{
  g_autofree char *path = g_build_filename (tmpdir, "how-sure.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  text = run_ok ((const char *const[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL }, NULL);
  return squeeze (text);
}

/* Issue 13 in the client report: the new enterprise store's verdict is not
 * robust, so the summary names where the winner changes with the GMV, a
 * page shows the drivers, and the assumptions table gives the ranges. */
static void
test_how_sure (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = load_profile ("new-enterprise-apparel");
  g_autoptr(ScProfile) robust_profile = load_profile ("brand-merchant");
  ScEngineOptions o = { .lang = "en" };
  ScClientReportOptions options = { .lang = "en", .date = sc_day_from_ymd (2026, 3, 1) };
  g_autoptr(ScResult) result = NULL, robust_result = NULL;
  g_autoptr(ScRangeAnalysis) ranges = NULL;
  g_autoptr(ScSweep) sweep = NULL;
  g_autoptr(GArray) crossovers = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flat = NULL, *grouped = NULL, *sentence = NULL, *range = NULL, *flip = NULL;
  const ScRangeDriver *flipping = NULL;
  double at, unit;

  if (!have_poppler ())
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  sc_catalog_add_defaults (catalog);
  result = sc_engine_evaluate (catalog, profile, &o);
  pdf = sc_client_report_render (&options, catalog, profile, result, &error);
  g_assert_no_error (error);
  flat = pdf_flat_text (pdf);

  /* The crossover, to three significant digits as the text report gives it. */
  sweep = sc_sweep_over_monthly_gmv (catalog, profile, NULL, "en");
  crossovers = sc_sweep_crossovers (sweep);
  g_assert_cmpuint (crossovers->len, ==, 1);
  at = g_array_index (crossovers, ScSweepCrossover, 0).at;
  unit = pow (10, floor (log10 (at)) - 2);
  grouped = table_yuan (unit * round (at / unit));
  sentence = g_strdup_printf ("leadsaboveamonthlyGMVofabout%syuan", grouped + strlen ("¥"));
  g_assert_nonnull (strstr (flat, sentence));

  /* Not robust: the drivers page, with the value at which one flips it. */
  ranges = sc_range_analyse (catalog, profile, result, &o);
  g_assert_false (ranges->robust);
  for (guint i = 0; i < ranges->drivers->len && flipping == NULL; i++)
    if (((const ScRangeDriver *) g_ptr_array_index (ranges->drivers, i))->flips)
      flipping = g_ptr_array_index (ranges->drivers, i);
  g_assert_nonnull (flipping);
  g_assert_nonnull (strstr (flat, "Whatcouldchangetheverdict"));
  flip = squeeze (flipping->flip_text);
  g_assert_nonnull (strstr (flat, flip));
  /* The assumptions table's Range column: "3%–8%". */
  range = g_strdup_printf ("%s–%s", flipping->low_text, flipping->high_text);
  g_clear_pointer (&flip, g_free);
  flip = squeeze (range);
  g_assert_nonnull (strstr (flat, flip));

  /* A robust verdict gets no drivers page; the GMV sentence says who leads throughout. */
  robust_result = sc_engine_evaluate (catalog, robust_profile, &o);
  g_clear_pointer (&pdf, g_bytes_unref);
  g_clear_pointer (&flat, g_free);
  pdf = sc_client_report_render (&options, catalog, robust_profile, robust_result, &error);
  g_assert_no_error (error);
  flat = pdf_flat_text (pdf);
  g_assert_null (strstr (flat, "Whatcouldchangetheverdict"));
  g_assert_nonnull (strstr (flat, "isaheadundereveryassumptioninrange"));
  g_assert_nonnull (strstr (flat, "leadsateverymonthlyGMVfrom"));
}

static void
test_bad_logo (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *svg = g_build_filename (tmpdir, "logo.svg", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "no-such-logo.png", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "bad-logo.pdf", NULL);
  ScClientReportOptions options = { .logo_path = svg };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (svg, "<svg xmlns='http://www.w3.org/2000/svg'/>", -1, NULL));
  g_assert_false (sc_client_report_write (&options, f->catalog, f->profile, f->result, out, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "PNG"));
  g_clear_error (&error);

  options.logo_path = missing;
  g_assert_false (sc_client_report_write (&options, f->catalog, f->profile, f->result, out, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_IO);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_write_atomic (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (tmpdir, "atomic", NULL);
  g_autofree char *out = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (out, "old", -1, NULL));
  g_assert_true (sc_client_report_write (NULL, f->catalog, f->profile, f->result, out, &error));
  g_assert_no_error (error);
  g_assert_false (sc_client_report_write (NULL, f->catalog, f->profile, f->result, bad, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_IO);

  /* Only the report itself: no temporary file left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
}

static void
test_layout_names (void)
{
  ScClientReportLayout layout;

  g_assert_true (sc_client_report_layout_from_string ("a4", &layout));
  g_assert_cmpint (layout, ==, SC_CLIENT_REPORT_A4);
  g_assert_true (sc_client_report_layout_from_string ("slides", &layout));
  g_assert_cmpint (layout, ==, SC_CLIENT_REPORT_SLIDES);
  g_assert_false (sc_client_report_layout_from_string ("A5", &layout));
  g_assert_false (sc_client_report_layout_from_string (NULL, &layout));
}

/* Usage errors exit 2 and write nothing. */
static void
test_cli_usage (void)
{
  g_autofree char *out = g_build_filename (tmpdir, "usage.pdf", NULL);
  const char *const bad[][6] = {
    { "--layout", "A5", NULL },
    { "--lang", "fr", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_ptr_array_add (argv, (char *) g_getenv ("SHANGCE_BIN"));
      g_ptr_array_add (argv, (char *) "--client-report");
      g_ptr_array_add (argv, out);
      for (guint j = 0; bad[i][j] != NULL; j++)
        g_ptr_array_add (argv, (char *) bad[i][j]);
      g_ptr_array_add (argv, NULL);
      g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                                   NULL, &status, &error));
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 2);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  static const char *const langs[] = { "en", "zh_CN" };
  static const char *const layouts[] = { "a4", "slides" };
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("shangce-client-report-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  for (guint p = 0; p < G_N_ELEMENTS (profiles); p++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint y = 0; y < G_N_ELEMENTS (layouts); y++)
        {
          Case *c = g_new0 (Case, 1);
          g_autofree char *path = g_strdup_printf ("/client-report/cli/%s/%s/%s", profiles[p], langs[l], layouts[y]);

          c->profile = profiles[p];
          c->lang = langs[l];
          c->layout = layouts[y];
          g_ptr_array_add (cases, c);
          g_test_add_data_func (path, c, test_cli);
        }
  g_test_add_func ("/client-report/cli/usage", test_cli_usage);
  g_test_add_func ("/client-report/layout-names", test_layout_names);
  g_test_add_func ("/client-report/how-sure", test_how_sure);
  g_test_add ("/client-report/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/client-report/bad-logo", Fixture, NULL, fixture_set_up, test_bad_logo, fixture_tear_down);
  g_test_add ("/client-report/write-atomic", Fixture, NULL, fixture_set_up, test_write_atomic, fixture_tear_down);

  status = g_test_run ();
  remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
