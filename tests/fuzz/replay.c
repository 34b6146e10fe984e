/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-fuzz"

#include "config.h"

#include <glib.h>

#include "fuzz-common.h"

/*
 * Replays a fuzz target's corpus with a plain main(), so that the normal
 * build (gcc, no libFuzzer) runs every past finding as part of
 * `meson test`. Arguments are corpus directories or single files; each file
 * becomes one test case, /fuzz/TARGET/FILE.
 *
 *   replay-report --tap tests/fuzz/corpus/report
 *   replay-report crash-1234          (reproduce one input)
 */

static void
replay_one (gconstpointer user_data)
{
  const char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree guint8 *exact = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  /* libFuzzer hands the target exactly @length bytes with no terminating
   * zero: do the same so an over-read shows under ASan and valgrind. */
  exact = g_memdup2 (contents, length);
  LLVMFuzzerTestOneInput (exact, length);
}

static void
add_file (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s", SC_FUZZ_TARGET, base);

  g_test_add_data_func_full (test_path, g_strdup (path), replay_one, g_free);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static guint
add_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      add_file (path);
      return 1;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    g_error ("cannot open the corpus %s", path);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    add_file (g_ptr_array_index (names, i));
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  g_test_init (&argc, &argv, NULL);
  sc_fuzz_init ();

  for (int i = 1; i < argc; i++)
    n += add_path (argv[i]);
  if (n == 0)
    g_error ("no corpus file given");

  return g_test_run ();
}
