/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-test"

#include "config.h"

#include <string.h>

#include "harden-util.h"
#include "loader-shapes.h"
#include "sc-error.h"
#include "sc-profile.h"
#include "sc-program-reader.h"
#include "sc-xml.h"

/*
 * Valid-looking files whose cost once grew with the square of their size
 * (issue 15, items 1-4): each is generated here at the size that took
 * seconds to minutes, and must now be read or refused within the budget,
 * refusals naming file:line and the bound. tests/loader/bench-shapes shows
 * the growth across sizes.
 */

#define SECONDS_MAX  (1.0 * SANITIZER_FACTOR)
#define RSS_MAX_MIB  200

#define PROFILE_OPEN "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\""

static void
refuse_program (const char        *data,
                const char        *what,
                const char *const *words)
{
  HardenBudget b = harden_budget_start ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = sc_program_reader_load_memory (data, strlen (data), "shape.xml", &error);

  harden_budget_check (b, what, SECONDS_MAX, RSS_MAX_MIB);
  g_assert_null (file);
  g_assert_error (error, SC_ERROR, SC_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "shape.xml:2:1: "));
  harden_assert_words (error->message, words);
}

/* Item 1: libxml2 checks attributes pairwise before our handler runs. */
static void
test_attributes (void)
{
  g_autofree char *program = loader_shape_attributes (200000);
  g_autofree char *profile = NULL;
  g_autofree char *at_bound = loader_shape_attributes (SC_XML_MAX_ATTRIBUTES - 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) loaded = NULL;
  g_autoptr(ScProgramFile) file = NULL;
  GString *s = g_string_new (PROFILE_OPEN);

  refuse_program (program, "200,000 attributes", (const char *const[]) { "attributes", "256", NULL });

  /* Profiles go through the same reader. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (s, " a%u=\"x\"", i);
  g_string_append (s, "/>\n");
  profile = g_string_free (s, FALSE);
  loaded = sc_profile_load_from_data (profile, strlen (profile), "shape.shangce", &error);
  g_assert_null (loaded);
  g_assert_error (error, SC_ERROR, SC_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "shape.shangce:2:1: "));
  g_clear_error (&error);

  /* At the bound the count is no reason to refuse (the schema still is). */
  file = sc_program_reader_load_memory (at_bound, strlen (at_bound), "shape.xml", &error);
  g_assert_null (file);
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, "more than"));
}

/* Item 2: the same for namespace declarations. */
static void
test_namespaces (void)
{
  g_autofree char *program = loader_shape_namespaces (160000);
  g_autofree char *at_bound = loader_shape_namespaces (SC_XML_MAX_NAMESPACES - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = NULL;

  refuse_program (program, "160,000 namespace declarations", (const char *const[]) { "namespaces", "32", NULL });

  /* Up to the bound, declarations nothing uses are harmless. */
  file = sc_program_reader_load_memory (at_bound, strlen (at_bound), "shape.xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
}

/* Item 3: each stated number looked its quote through again. */
static void
test_stated_numbers (void)
{
  g_autofree char *data = loader_shape_stated_numbers (8000);
  HardenBudget b = harden_budget_start ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = sc_program_reader_load_memory (data, strlen (data), "shape.xml", &error);

  harden_budget_check (b, "8,000 stated numbers in a 60 KB quote", SECONDS_MAX, RSS_MAX_MIB);
  g_assert_no_error (error);
  g_assert_nonnull (file);
}

/* Item 4: every cited source id was a walk through the sources. Most of
 * the time left is libxml2 checking the lists against the schema. */
static void
test_source_cites (void)
{
  g_autofree char *data = loader_shape_source_cites (100);
  HardenBudget b = harden_budget_start ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = sc_program_reader_load_memory (data, strlen (data), "shape.xml", &error);

  harden_budget_check (b, "100 programs x 1,000 cited sources", 2 * SECONDS_MAX, RSS_MAX_MIB);
  g_assert_no_error (error);
  g_assert_cmpuint (file->programs->len, ==, 100);
  g_assert_nonnull (sc_program_file_find_source (file, "s999"));
}

/* Item 4: an id listed twice in one sources="…" is refused at its program. */
static void
test_source_listed_twice (void)
{
  g_autofree char *valid = loader_shape_source_cites (2);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = NULL;
  const char *second = strstr (strstr (valid, "<program ") + 1, "<program ");
  const char *list = strstr (second, "sources=\"") + strlen ("sources=\"");
  g_autofree char *head = g_strndup (valid, (gsize) (list - valid));
  g_autofree char *data = g_strconcat (head, "s0 s7 s0", strchr (list, '"'), NULL);
  g_autofree char *where = NULL;
  guint line = 1;

  for (const char *p = valid; p < second; p++)
    line += *p == '\n';
  where = g_strdup_printf ("shape.xml:%u:", line);
  file = sc_program_reader_load_memory (data, strlen (data), "shape.xml", &error);
  g_assert_null (file);
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  harden_assert_words (error->message, (const char *const[]) { where, "“s0” twice", "shape.p1", NULL });
  g_assert_null (strstr (error->message, "\n"));
}

static void
run_isolated (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      ((GTestFunc) data) ();
      return;
    }
  /* Alone in a process: its peak memory is its own. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/harden/quadratic/attributes", (gconstpointer) test_attributes, run_isolated);
  g_test_add_data_func ("/harden/quadratic/namespaces", (gconstpointer) test_namespaces, run_isolated);
  g_test_add_data_func ("/harden/quadratic/stated-numbers", (gconstpointer) test_stated_numbers, run_isolated);
  g_test_add_data_func ("/harden/quadratic/source-cites", (gconstpointer) test_source_cites, run_isolated);
  g_test_add_func ("/harden/quadratic/source-listed-twice", test_source_listed_twice);
  return g_test_run ();
}
