/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The catalog of program files (superseding, conflicts, folders, the
 * defaults) and the validate and list commands. */
#define G_LOG_DOMAIN "test-loader-catalog"

#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "loader-fixture.h"
#include "sc-catalog.h"
#include "sc-error.h"
#include "sc-program-reader.h"
#include "sc-quote.h"
#include "sc-xml.h"

static char *
catalog_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "loader", "catalog", name, NULL);
}

static void
test_catalog_supersede (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autofree char *v1 = catalog_fixture ("a-v1.xml");
  g_autofree char *v2 = catalog_fixture ("b-v2.xml");
  g_autoptr(GError) error = NULL;
  const ScProgram *active;
  GPtrArray *all;

  /* The newer revision wins whatever order the files come in. */
  g_assert_true (sc_catalog_add_file (catalog, v2, SC_ORIGIN_USER, &error));
  g_assert_true (sc_catalog_add_file (catalog, v1, SC_ORIGIN_BUNDLED, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (sc_catalog_get_programs (catalog)->len, ==, 1);
  active = sc_catalog_find_program (catalog, "test.cat");
  g_assert_nonnull (active);
  g_assert_cmpuint (active->revision, ==, 2);
  g_assert_false (sc_catalog_is_superseded (catalog, active));
  g_assert_cmpint (sc_catalog_get_origin (catalog, active), ==, SC_ORIGIN_USER);
  g_assert_cmpstr (sc_catalog_find_source (catalog, active, "s1")->publisher, ==, "Shangce tests");

  all = sc_catalog_get_all_programs (catalog);
  g_assert_cmpuint (all->len, ==, 2);
  for (guint i = 0; i < all->len; i++)
    {
      const ScProgram *p = g_ptr_array_index (all, i);
      g_assert_cmpint (sc_catalog_is_superseded (catalog, p), ==, p->revision == 1);
    }
  g_assert_cmpuint (sc_catalog_get_errors (catalog)->len, ==, 0);

  /* Loading the same file again changes nothing. */
  g_assert_true (sc_catalog_add_file (catalog, v2, SC_ORIGIN_COMMAND_LINE, NULL));
  g_assert_cmpuint (sc_catalog_get_all_programs (catalog)->len, ==, 2);
  g_assert_cmpuint (sc_catalog_get_errors (catalog)->len, ==, 0);
}

static void
test_catalog_conflict (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autofree char *v2 = catalog_fixture ("b-v2.xml");
  g_autofree char *clash = catalog_fixture ("c-conflict.xml");
  const GError *error;
  const ScProgram *active;

  g_assert_true (sc_catalog_add_file (catalog, v2, SC_ORIGIN_BUNDLED, NULL));
  sc_catalog_add_file (catalog, clash, SC_ORIGIN_USER, NULL);

  g_assert_cmpuint (sc_catalog_get_errors (catalog)->len, ==, 1);
  error = g_ptr_array_index (sc_catalog_get_errors (catalog), 0);
  g_assert_error ((GError *) error, SC_ERROR, SC_ERROR_CONFLICT);
  assert_message (error->message, clash, 7, (const char *const[]) { "test.cat", "revision 2", "b-v2.xml", NULL });

  /* The first one loaded stays. */
  active = sc_catalog_find_program (catalog, "test.cat");
  g_assert_cmpstr (sc_text_get (&active->name, "en"), ==, "Cat v2");
  g_assert_cmpuint (sc_catalog_get_all_programs (catalog)->len, ==, 1);
}

static void
test_catalog_directory (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "loader", "catalog", NULL);
  GPtrArray *errors, *programs;
  gboolean saw_bad = FALSE, saw_conflict = FALSE;

  sc_catalog_add_directory (catalog, dir, SC_ORIGIN_USER);
  sc_catalog_add_directory (catalog, "/nonexistent/shangce", SC_ORIGIN_USER);

  /* One bad file and one clash never stop the others. */
  programs = sc_catalog_get_programs (catalog);
  g_assert_cmpuint (programs->len, ==, 2);
  g_assert_nonnull (sc_catalog_find_program (catalog, "test.other"));
  g_assert_cmpuint (sc_catalog_find_program (catalog, "test.cat")->revision, ==, 2);
  /* Stable order: platform, then window start. */
  g_assert_cmpstr (((ScProgram *) g_ptr_array_index (programs, 0))->id, ==, "test.other");

  errors = sc_catalog_get_errors (catalog);
  g_assert_cmpuint (errors->len, ==, 2);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *e = g_ptr_array_index (errors, i);
      saw_bad |= e->code == SC_ERROR_MALFORMED && strstr (e->message, "d-bad.xml:") != NULL;
      saw_conflict |= e->code == SC_ERROR_CONFLICT && strstr (e->message, "c-conflict.xml:") != NULL;
    }
  g_assert_true (saw_bad);
  g_assert_true (saw_conflict);
}

static void
test_catalog_defaults (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autofree char *home = g_dir_make_tmp ("shangce-home-XXXXXX", NULL);

  /* An empty user directory: only the bundled programs. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  sc_catalog_add_defaults (catalog);
  if (sc_catalog_get_errors (catalog)->len > 0)
    g_test_message ("%s", ((GError *) g_ptr_array_index (sc_catalog_get_errors (catalog), 0))->message);
  g_assert_cmpuint (sc_catalog_get_errors (catalog)->len, ==, 0);
  g_assert_cmpuint (sc_catalog_get_programs (catalog)->len, >, 0);
  for (guint i = 0; i < sc_catalog_get_programs (catalog)->len; i++)
    g_assert_cmpint (sc_catalog_get_origin (catalog, g_ptr_array_index (sc_catalog_get_programs (catalog), i)), ==,
                     SC_ORIGIN_BUNDLED);
  g_rmdir (home);
}

/* A decimal comma in the user's locale must not change what the files
 * say: stated numbers are matched against quotes in C notation. */
static void
test_catalog_decimal_comma (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 is not installed (build-aux/test.sh generates it)");
      return;
    }
  sc_catalog_add_defaults (catalog);
  setlocale (LC_NUMERIC, saved);
  if (sc_catalog_get_errors (catalog)->len > 0)
    g_test_message ("%s", ((GError *) g_ptr_array_index (sc_catalog_get_errors (catalog), 0))->message);
  g_assert_cmpuint (sc_catalog_get_errors (catalog)->len, ==, 0);
  g_assert_nonnull (sc_catalog_find_program (catalog, "douyin.nine-measures-2026"));
}

/* ------------------------------------------------------------------ */
/* The command line                                                    */
/* ------------------------------------------------------------------ */

static char *
shangce_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "shangce", NULL);
}

static int
run (const char *const *argv,
     char              **out,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_validate (void)
{
  g_autofree char *exe = shangce_path ();
  g_autofree char *good = fixture_path ("sample.xml");
  g_autofree char *bad = catalog_fixture ("d-bad.xml");
  g_autofree char *out = NULL, *err = NULL, *expected = NULL;

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("shangce is not built");
      return;
    }

  g_assert_cmpint (run ((const char *const[]) { exe, "--validate", good, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "valid"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run ((const char *const[]) { exe, "--validate", good, bad, NULL }, &out, &err), ==, 1);
  expected = g_strdup_printf ("%s:5:1: error: ", bad);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, expected));
  g_assert_nonnull (strstr (err, "1 of 2 files"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run ((const char *const[]) { exe, "--validate", NULL }, &out, &err), ==, 2);
}

static void
test_cli_list (void)
{
  g_autofree char *exe = shangce_path ();
  g_autofree char *v1 = catalog_fixture ("a-v1.xml");
  g_autofree char *v2 = catalog_fixture ("b-v2.xml");
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean saw_v1 = FALSE, saw_v2 = FALSE;

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("shangce is not built");
      return;
    }

  g_assert_cmpint (run ((const char *const[]) { exe, "--list-programs", "--no-bundled", "--programs", v1,
                                                "--programs", v2, NULL }, &out, &err), ==, 0);
  g_test_message ("%s", out);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "test.cat ") && strstr (lines[i], "Cat v1") != NULL)
        {
          saw_v1 = TRUE;
          g_assert_nonnull (strstr (lines[i], "superseded by revision 2"));
          g_assert_nonnull (strstr (lines[i], "command line"));
        }
      if (g_str_has_prefix (lines[i], "test.cat ") && strstr (lines[i], "Cat v2") != NULL)
        {
          saw_v2 = TRUE;
          g_assert_null (strstr (lines[i], "superseded"));
          g_assert_nonnull (strstr (lines[i], "2026-02-01 – open"));
        }
    }
  g_assert_true (saw_v1);
  g_assert_true (saw_v2);
}

/* Display columns (as a terminal draws them) where each run of
 * non-space text in @line starts: wide characters take two columns.
 * Counted here independently of the program's own helper. */
static GArray *
token_starts (const char *line)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint col = 0;
  gboolean prev_space = TRUE;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && prev_space)
        g_array_append_val (starts, col);
      prev_space = c == ' ';
      col += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }
  return starts;
}

static gboolean
has_start (GArray *starts,
           guint   col)
{
  for (guint i = 0; i < starts->len; i++)
    if (g_array_index (starts, guint, i) == col)
      return TRUE;
  return FALSE;
}

/* With Chinese program names (two columns per character) every column
 * after NAME still starts where its heading does. */
static void
test_cli_list_wide (void)
{
  g_autofree char *exe = shangce_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) heading = NULL;
  guint n_rows = 0, n_wide = 0;

  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("shangce is not built");
      return;
    }

  g_assert_cmpint (run ((const char *const[]) { exe, "--list-programs", "--lang", "zh_CN", NULL }, &out, &err), ==, 0);
  g_test_message ("%s", out);
  lines = g_strsplit (out, "\n", -1);
  heading = token_starts (lines[0]);
  /* ID NAME PLATFORM REV STATUS WINDOW MEASURES ORIGIN, one word each */
  g_assert_cmpuint (heading->len, ==, 8);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_autoptr(GArray) starts = token_starts (lines[i]);

      n_rows++;
      if (g_utf8_strlen (lines[i], -1) != (glong) strlen (lines[i]))
        n_wide++;
      /* PLATFORM, REV, STATUS, WINDOW: each row has a value starting there. */
      for (guint c = 2; c <= 5; c++)
        if (!has_start (starts, g_array_index (heading, guint, c)))
          g_test_fail_printf ("column %u does not start at display column %u in “%s”", c,
                              g_array_index (heading, guint, c), lines[i]);
    }
  g_assert_cmpuint (n_rows, >, 5);
  /* The bundled programs have Chinese names: the case under test did occur. */
  g_assert_cmpuint (n_wide, >, 5);
}


int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/loader/catalog/supersede", test_catalog_supersede);
  g_test_add_func ("/loader/catalog/conflict", test_catalog_conflict);
  g_test_add_func ("/loader/catalog/directory", test_catalog_directory);
  g_test_add_func ("/loader/catalog/defaults", test_catalog_defaults);
  g_test_add_func ("/loader/catalog/decimal-comma", test_catalog_decimal_comma);
  g_test_add_func ("/loader/cli/validate", test_cli_validate);
  g_test_add_func ("/loader/cli/list-programs", test_cli_list);
  g_test_add_func ("/loader/cli/list-programs-wide", test_cli_list_wide);
  return g_test_run ();
}
