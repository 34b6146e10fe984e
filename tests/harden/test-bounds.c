/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-test"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "harden-util.h"
#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-error.h"
#include "sc-program-reader.h"
#include "sc-profile.h"
#include "sc-xml.h"

/*
 * Resource bounds: whatever a file holds, refusing it takes bounded time and
 * memory and says which bound was broken. The loader's own tests cover the
 * in-memory program cases (8 MiB, depth, 200,000 elements, long text);
 * these cover files on disk of 100 MB and endless streams, profiles, the
 * per-file counts, the horizon, and the cost of the largest file accepted.
 */

#define SECONDS_MAX  (1.0 * SANITIZER_FACTOR)
#define RSS_MAX_MIB  200

#define PROFILE_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\">\n"

typedef gpointer (*LoadFile) (const char *path, GError **error);
typedef gpointer (*LoadMemory) (const char *data, gsize length, const char *name, GError **error);

static gpointer
load_program_file (const char *path, GError **error)
{
  return sc_program_reader_load_file (path, error);
}

static gpointer
load_profile_file (const char *path, GError **error)
{
  return sc_profile_load (path, error);
}

static gpointer
load_program_memory (const char *data, gsize length, const char *name, GError **error)
{
  return sc_program_reader_load_memory (data, length, name, error);
}

static gpointer
load_profile_memory (const char *data, gsize length, const char *name, GError **error)
{
  return sc_profile_load_from_data (data, length, name, error);
}

static const struct
{
  const char *kind;
  LoadFile    load_file;
  LoadMemory  load_memory;
  GDestroyNotify free;
} loaders[] = {
  { "program", load_program_file, load_program_memory, (GDestroyNotify) sc_program_file_free },
  { "profile", load_profile_file, load_profile_memory, (GDestroyNotify) sc_profile_free },
};

/* A 100 MB file on disk (sparse, so the test itself stays small) is
 * refused from its size, without reading it. */
static void
test_100mb_file (void)
{
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, PROFILE_HEAD, strlen (PROFILE_HEAD)), ==, (gssize) strlen (PROFILE_HEAD));
  g_assert_cmpint (ftruncate (fd, 100 * 1000 * 1000), ==, 0);
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (loaders); i++)
    {
      g_autoptr(GError) error = NULL;
      HardenBudget b = harden_budget_start ();
      gpointer loaded = loaders[i].load_file (path, &error);

      harden_budget_check (b, loaders[i].kind, SECONDS_MAX, RSS_MAX_MIB);
      g_assert_null (loaded);
      g_assert_error (error, SC_ERROR, SC_ERROR_TOO_LARGE);
      harden_assert_words (error->message, (const char *const[]) { path, ":1:1:", "MiB", "8", NULL });
    }
  harden_remove_tree (dir);
}

/* 100 MB already in memory (a drop, a paste) is refused from its length. */
static void
test_100mb_memory (void)
{
  gsize length = 100 * 1000 * 1000;
  g_autofree char *data = g_malloc (length);

  memset (data, ' ', length);
  memcpy (data, PROFILE_HEAD, strlen (PROFILE_HEAD));
  for (guint i = 0; i < G_N_ELEMENTS (loaders); i++)
    {
      g_autoptr(GError) error = NULL;
      HardenBudget b = harden_budget_start ();
      gpointer loaded = loaders[i].load_memory (data, length, "dropped.xml", &error);

      harden_budget_check (b, loaders[i].kind, SECONDS_MAX, RSS_MAX_MIB);
      g_assert_null (loaded);
      g_assert_error (error, SC_ERROR, SC_ERROR_TOO_LARGE);
      harden_assert_words (error->message, (const char *const[]) { "dropped.xml:1:1:", "MiB", NULL });
    }
}

/* Endless streams (a device, a pipe) have no size to check first: reading
 * stops at the cap. */
static void
test_endless_stream (void)
{
  static const char *const devices[] = { "/dev/zero", "/dev/urandom" };

  for (guint d = 0; d < G_N_ELEMENTS (devices); d++)
    for (guint i = 0; i < G_N_ELEMENTS (loaders); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *what = g_strdup_printf ("%s from %s", loaders[i].kind, devices[d]);
        HardenBudget b = harden_budget_start ();
        gpointer loaded = loaders[i].load_file (devices[d], &error);

        harden_budget_check (b, what, SECONDS_MAX, RSS_MAX_MIB);
        g_assert_null (loaded);
        g_assert_error (error, SC_ERROR, SC_ERROR_TOO_LARGE);
        harden_assert_words (error->message, (const char *const[]) { devices[d], ":1:1:", NULL });
      }
}

static char *
repeat (const char *head,
        const char *unit,
        guint       n,
        const char *tail)
{
  GString *s = g_string_sized_new (strlen (head) + strlen (unit) * n + strlen (tail));

  g_string_append (s, head);
  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  g_string_append (s, tail);
  return g_string_free (s, FALSE);
}

typedef struct
{
  const char *name;
  char      *(*make) (void);
  guint       code;
  const char *words[4];
  glong       rss_max_mib;
} Hostile;

/* A million elements (4 MB) in a profile. */
static char *
make_profile_million (void)
{
  return repeat (PROFILE_HEAD, "<a/>", 1000000, "</profile>\n");
}

static char *
make_profile_deep (void)
{
  g_autofree char *open = repeat (PROFILE_HEAD, "<notes>", 100000, "");

  return repeat (open, "</notes>", 100000, "</profile>\n");
}

/* 1 MB of name: no text field needs more than 64 KiB. */
static char *
make_profile_long_name (void)
{
  return repeat (PROFILE_HEAD "<name xml:lang=\"en\">", "商策商策", 100000, "</name></profile>\n");
}

/* A profile whose monthly GMV is @digit written @n times. */
static char *
profile_with_gmv_digits (const char *digit,
                         guint       n)
{
  return repeat (PROFILE_HEAD "<set field=\"monthly-gmv\" value=\"", digit, n, "\"/></profile>\n");
}

static char *
make_profile_long_attribute (void)
{
  return profile_with_gmv_digits ("9", 200000);
}

/* 65 digits are within the reader's text cap; the schema caps values at 64 characters. */
static char *
make_profile_long_number (void)
{
  return profile_with_gmv_digits ("1", 65);
}

static char *
make_profile_many_overrides (void)
{
  GString *s = g_string_new (PROFILE_HEAD);

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (s, "<override platform=\"p%u\" fee=\"commission\" value=\"0.1\"/>\n", i);
  g_string_append (s, "</profile>\n");
  return g_string_free (s, FALSE);
}

static char *
make_profile_many_notes (void)
{
  return repeat (PROFILE_HEAD "<set field=\"shop-score\" value=\"4.5\">",
                 "<note xml:lang=\"en\">again</note>", 150000, "</set></profile>\n");
}

static const Hostile hostile_profiles[] = {
  { "million-elements", make_profile_million, SC_ERROR_TOO_LARGE, { "more than 200000 elements", NULL }, 200 },
  { "deep", make_profile_deep, SC_ERROR_TOO_LARGE, { "nested", "64", NULL }, 200 },
  { "long-name", make_profile_long_name, SC_ERROR_TOO_LARGE, { "longer than 65536", NULL }, 200 },
  { "long-attribute", make_profile_long_attribute, SC_ERROR_TOO_LARGE, { "65536", NULL }, 200 },
  { "long-number", make_profile_long_number, SC_ERROR_SCHEMA, { ":3:", "<set>", NULL }, 200 },
  { "many-overrides", make_profile_many_overrides, SC_ERROR_TOO_LARGE, { ":1003:", "at most 1000 overrides", NULL }, 400 },
  /* Accepted (the last note of a language wins), but in bounded time. */
  { "many-notes", make_profile_many_notes, G_MAXUINT, { NULL }, 400 },
};

static void
test_hostile_profile (gconstpointer data)
{
  const Hostile *h = data;
  g_autofree char *bytes = h->make ();
  g_autofree char *name = g_strdup_printf ("%s.shangce", h->name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) profile = NULL;
  HardenBudget b = harden_budget_start ();

  profile = sc_profile_load_from_data (bytes, strlen (bytes), name, &error);
  harden_budget_check (b, name, 2 * SECONDS_MAX, h->rss_max_mib);
  if (h->code == G_MAXUINT)
    {
      g_assert_no_error (error);
      g_assert_nonnull (profile);
      return;
    }
  g_assert_null (profile);
  g_assert_nonnull (error);
  g_test_message ("%.300s", error->message);
  g_assert_cmpint (error->code, ==, h->code);
  g_assert_true (g_str_has_prefix (error->message, name));
  harden_assert_words (error->message, h->words);
}

/* Per-file counts of program files: refused at the first element beyond,
 * in bounded time (duplicate-id checks are linear scans). */
static char *
program_with (guint sources,
              guint programs,
              guint measures,
              guint examples)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<program-file xmlns=\"https://shangce.github.io/ns/program/1\" format=\"1\" license=\"CC0-1.0\">\n");

  for (guint i = 0; i < sources; i++)
    g_string_append_printf (s, "<source id=\"s%u\" file=\"f\" publisher=\"p\" published=\"2026-01-24\">"
                               "<title xml:lang=\"en\">t</title></source>\n", i);
  for (guint p = 0; p < programs; p++)
    {
      g_string_append_printf (s, "<program id=\"x.p%u\" revision=\"1\" platform=\"kuaishou\" status=\"announced\" "
                                 "start=\"2026-01-01\" end=\"2027-01-01\" sources=\"s0\"><name xml:lang=\"en\">P</name>\n", p);
      for (guint m = 0; m < measures; m++)
        g_string_append_printf (s, "<measure id=\"m%u\" source=\"s0\"><title xml:lang=\"en\">Cash</title>"
                                   "<quote>单商最高得240元现金</quote><effects><grant benefit=\"cash\" anchor=\"first-sale\" up-to=\"true\">"
                                   "<amount value=\"240\"/></grant></effects></measure>\n", m);
      g_string_append (s, "</program>\n");
    }
  for (guint e = 0; e < examples; e++)
    g_string_append_printf (s, "<example id=\"e%u\" as-of=\"2026-02-01\" horizon=\"12\"><title xml:lang=\"en\">e</title>"
                               "<set field=\"store-type\" value=\"enterprise\"/>"
                               "<expect program=\"x.p0\" measure=\"m0\" status=\"not-eligible\"/></example>\n", e);
  g_string_append (s, "</program-file>\n");
  return g_string_free (s, FALSE);
}

static void
test_program_counts (void)
{
  static const struct
  {
    guint sources, programs, measures, examples;
    const char *words[3];
  } cases[] = {
    { 60000, 1, 1, 0, { "more than 1000 <source>", NULL } },
    { 1, 5000, 1, 0, { "more than 200 <program>", NULL } },
    { 1, 1, 20000, 0, { "more than 500 measures", NULL } },
    { 1, 1, 1, 20000, { "more than 500 <example>", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bytes = program_with (cases[i].sources, cases[i].programs, cases[i].measures, cases[i].examples);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProgramFile) file = NULL;
      HardenBudget b = harden_budget_start ();

      g_assert_cmpuint (strlen (bytes), <=, SC_XML_MAX_BYTES);
      file = sc_program_reader_load_memory (bytes, strlen (bytes), "counts.xml", &error);
      harden_budget_check (b, cases[i].words[0], 5 * SECONDS_MAX, 2 * RSS_MAX_MIB);
      g_assert_null (file);
      g_assert_error (error, SC_ERROR, SC_ERROR_TOO_LARGE);
      g_assert_true (g_str_has_prefix (error->message, "counts.xml:"));
      harden_assert_words (error->message, cases[i].words);
    }
}

/* The largest file accepted still loads and evaluates in bounded time:
 * 200 programs of 30 measures fill most of the 8 MiB. */
static void
test_largest_accepted (void)
{
  g_autofree char *bytes = program_with (1, 200, 30, 0);
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "largest.xml", NULL);
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(ScResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HardenBudget b;

  g_test_message ("%" G_GSIZE_FORMAT " bytes", strlen (bytes));
  g_assert_true (g_file_set_contents (path, bytes, -1, &error));
  profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_assert_no_error (error);

  b = harden_budget_start ();
  g_assert_true (sc_catalog_add_file (catalog, path, SC_ORIGIN_USER, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_catalog_get_programs (catalog)->len, ==, 200);
  result = sc_engine_evaluate (catalog, profile, NULL);
  g_assert_cmpuint (result->measures->len, ==, 200 * 30);
  harden_budget_check (b, "load and evaluate 6000 measures", 10 * SECONDS_MAX, RSS_MAX_MIB);
  harden_remove_tree (dir);
}

/* The horizon is capped, in files and through the API, with the bound in the message. */
static void
test_horizon (void)
{
  static const char *const bad[] = { "0", "121", "1200", "4294967297", "-1", "1e3", "12.5", "", " 12", "0x10", "NaN" };
  g_autoptr(ScProfile) profile = sc_profile_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *doc = g_strdup_printf ("<?xml version=\"1.0\"?>\n<profile xmlns=\"https://shangce.github.io/ns/profile/1\" "
                                              "format=\"1\" as-of=\"2026-01-01\" horizon=\"%s\"/>\n", bad[i]);
      g_autoptr(ScProfile) loaded = sc_profile_load_from_data (doc, strlen (doc), "horizon.shangce", &error);

      g_assert_null (loaded);
      g_assert_nonnull (error);
      g_test_message ("horizon=\"%s\": %s", bad[i], error->message);
      g_assert_true (g_str_has_prefix (error->message, "horizon.shangce:2:"));
      g_assert_nonnull (strstr (error->message, "horizon"));
      g_clear_error (&error);
    }

  g_assert_false (sc_profile_set_horizon (profile, SC_PROFILE_HORIZON_MAX + 1, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
  harden_assert_words (error->message, (const char *const[]) { "120", NULL });
  g_clear_error (&error);
  g_assert_false (sc_profile_set_horizon (profile, G_MAXUINT, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_false (sc_profile_set_horizon (profile, 0, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (profile->horizon_months, ==, SC_PROFILE_HORIZON_DEFAULT);
  g_assert_true (sc_profile_set_horizon (profile, SC_PROFILE_HORIZON_MAX, &error));
}

/* The longest horizon with the largest sensible profile stays cheap:
 * the bound is what keeps a sweep per frame possible. */
static void
test_longest_horizon_sweep (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = harden_large_profile (9);
  g_autoptr(ScSweep) sweep = NULL;
  g_autoptr(GError) error = NULL;
  double points[61];
  HardenBudget b;

  sc_catalog_add_defaults (catalog);
  g_assert_true (sc_profile_set_horizon (profile, SC_PROFILE_HORIZON_MAX, &error));
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    points[i] = 5000.0 * i;
  b = harden_budget_start ();
  sweep = sc_engine_sweep (catalog, profile, SC_FIELD_MONTHLY_GMV, points, G_N_ELEMENTS (points), NULL);
  harden_budget_check (b, "61-point sweep over 120 months", 10 * SECONDS_MAX, RSS_MAX_MIB);
  g_assert_cmpuint (sweep->n_points, ==, G_N_ELEMENTS (points));
}

/* Sweeps are sized by code, not by users: beyond the cap is a programming
 * error that says so, instead of minutes of work. The cap itself is cheap. */
static void
test_sweep_size (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, NULL);
  g_autofree double *points = g_new0 (double, SC_ENGINE_SWEEP_MAX_POINTS + 1);

  sc_catalog_add_defaults (catalog);
  for (guint i = 0; i <= SC_ENGINE_SWEEP_MAX_POINTS; i++)
    points[i] = 100.0 * i;

  if (g_test_subprocess ())
    {
      g_autoptr(ScSweep) sweep = sc_engine_sweep (catalog, profile, SC_FIELD_MONTHLY_GMV, points,
                                                  SC_ENGINE_SWEEP_MAX_POINTS + 1, NULL);

      g_assert_null (sweep);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*SC_ENGINE_SWEEP_MAX_POINTS*");

  {
    HardenBudget b = harden_budget_start ();
    g_autoptr(ScSweep) sweep = sc_engine_sweep (catalog, profile, SC_FIELD_MONTHLY_GMV, points,
                                                SC_ENGINE_SWEEP_MAX_POINTS, NULL);

    harden_budget_check (b, "sweep of the largest size", 10 * SECONDS_MAX, RSS_MAX_MIB);
    g_assert_cmpuint (sweep->n_points, ==, SC_ENGINE_SWEEP_MAX_POINTS);
  }
}

/* Peak RSS only grows: each case runs in a fresh process of its own, so a
 * case that allocates (the 100 MB buffer) cannot hide another's growth. */
typedef struct
{
  const char     *path;
  GTestDataFunc   func;
  gconstpointer   data;
} Isolated;

static void
run_isolated (gconstpointer user_data)
{
  const Isolated *c = user_data;

  if (g_test_subprocess ())
    {
      c->func (c->data);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Freed after the run: g_test keeps pointers to the cases and paths. */
static GPtrArray *allocations;

static void
add_isolated (const char    *path,
              GTestDataFunc  func,
              gconstpointer  data)
{
  Isolated *c = g_new0 (Isolated, 1);

  c->path = path;
  c->func = func;
  c->data = data;
  g_ptr_array_add (allocations, c);
  g_test_add_data_func (path, c, run_isolated);
}

static void
call_plain (gconstpointer data)
{
  ((GTestFunc) data) ();
}

#define ADD(path, func) add_isolated ((path), call_plain, (gconstpointer) (func))

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  allocations = g_ptr_array_new_with_free_func (g_free);

  ADD ("/harden/bounds/100mb-file", test_100mb_file);
  ADD ("/harden/bounds/100mb-memory", test_100mb_memory);
  ADD ("/harden/bounds/endless-stream", test_endless_stream);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_profiles); i++)
    {
      char *path = g_strdup_printf ("/harden/bounds/profile/%s", hostile_profiles[i].name);

      g_ptr_array_add (allocations, path);
      add_isolated (path, test_hostile_profile, &hostile_profiles[i]);
    }
  ADD ("/harden/bounds/program-counts", test_program_counts);
  ADD ("/harden/bounds/largest-accepted", test_largest_accepted);
  ADD ("/harden/bounds/horizon", test_horizon);
  ADD ("/harden/bounds/longest-horizon-sweep", test_longest_horizon_sweep);
  g_test_add_func ("/harden/bounds/sweep-size", test_sweep_size);

  status = g_test_run ();
  g_ptr_array_unref (allocations);
  return status;
}
