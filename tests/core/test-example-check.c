/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-error.h"

#include "engine-fixture.h"

/* The golden examples program files carry: every bundled one holds, and a
 * wrong one is reported by file and line, by the engine and by
 * shangce --validate. */

static void
check_example (gconstpointer data)
{
  const ScExample *example = data;
  g_autoptr(GError) error = NULL;

  if (!sc_engine_check_example (bundled_catalog, example, &error))
    g_test_fail_printf ("%s", error->message);
}

static char *
wrong_example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "engine", "wrong-example.xml", NULL);
}

/* tests/data/engine/wrong-example.xml: lines 33 and 35 are wrong, 34 right. */
static void
test_wrong_example (void)
{
  g_autofree char *path = wrong_example_path ();
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *line33 = g_strdup_printf ("%s:33: delta.wrong-example / grant cash: expected 300, got 240", path);
  g_autofree char *line35 = g_strdup_printf ("%s:35: delta.wrong-example / grant: expected status not-eligible, got eligible (240 yuan in cash on 2026-01-10)", path);
  g_autofree char *expected = g_strconcat (line33, "\n", line35, NULL);
  GPtrArray *examples;

  sc_catalog_add_file (catalog, path, SC_ORIGIN_COMMAND_LINE, &error);
  g_assert_no_error (error);
  examples = sc_catalog_get_examples (catalog);
  g_assert_cmpuint (examples->len, ==, 1);
  g_assert_false (sc_engine_check_example (catalog, g_ptr_array_index (examples, 0), &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

/* A data author runs shangce --validate: the example's failures come out
 * as file:line: error: message, and the exit status is 1. */
static void
test_validate_runs_examples (void)
{
  g_autofree char *path = wrong_example_path ();
  g_autofree char *exe = built_path ("src", "shangce", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *line33 = NULL, *line35 = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("shangce is not built");
      return;
    }
  env = g_environ_setenv (env, "LANGUAGE", "en", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, (char *[]) { exe, (char *) "--validate", path, NULL }, env, G_SPAWN_DEFAULT,
                NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  line33 = g_strdup_printf ("%s:33: error: delta.wrong-example / grant cash: expected 300, got 240\n", path);
  line35 = g_strdup_printf ("%s:35: error: delta.wrong-example / grant: expected status not-eligible", path);
  g_assert_nonnull (strstr (err, line33));
  g_assert_nonnull (strstr (err, line35));
  g_assert_null (strstr (err, ":34:"));
  g_assert_nonnull (strstr (err, "1 of 1 file has problems"));
}

/* A program file checked on its own borrows the bundled baselines for its
 * examples, so the Star Plan's return-shipping examples still hold. */
static void
test_validate_one_bundled_file (void)
{
  g_autofree char *exe = built_path ("src", "shangce", NULL);
  g_autofree char *path = g_build_filename (sc_data_dir (), "programs", "kuaishou-star-plan-2026.xml", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("shangce is not built");
      return;
    }
  g_spawn_sync (NULL, (char *[]) { exe, (char *) "--validate", path, NULL }, NULL, G_SPAWN_DEFAULT,
                NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("shangce --validate %s failed:\n%s", path, err);
}

int
main (int   argc,
      char *argv[])
{
  GPtrArray *examples;

  engine_fixture_init (&argc, &argv);

  g_test_add_func ("/engine/example-check/wrong", test_wrong_example);
  g_test_add_func ("/engine/example-check/validate", test_validate_runs_examples);
  g_test_add_func ("/engine/example-check/validate-one-file", test_validate_one_bundled_file);

  examples = sc_catalog_get_examples (bundled_catalog);
  for (guint i = 0; examples != NULL && i < examples->len; i++)
    {
      const ScExample *example = g_ptr_array_index (examples, i);
      g_autofree char *path = g_strdup_printf ("/engine/example/%s", example->id);

      g_test_add_data_func (path, example, check_example);
    }

  return engine_fixture_run ();
}
