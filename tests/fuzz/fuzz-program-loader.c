/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-fuzz"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "fuzz-common.h"
#include "sc-catalog.h"
#include "sc-error.h"
#include "sc-program-reader.h"
#include "sc-profile.h"
#include "sc-program.h"

/*
 * Program files come from anywhere: any bytes must give a program or an
 * SC_ERROR whose message names the file, never a crash, a hang or
 * unbounded memory. A file that loads is then evaluated beside the bundled
 * programs for the default example profile, through reports and charts:
 * a hostile number that passes the loader must not reach a chart as an
 * infinity.
 */

static void
evaluate_with (const uint8_t *data,
               size_t         size)
{
  g_autofree char *path = g_strdup_printf ("%s/shangce-fuzz-%d.xml", g_get_tmp_dir (), (int) getpid ());
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *programs = g_build_filename (sc_data_dir (), "programs", NULL);

  if (!g_file_set_contents (path, (const char *) data, (gssize) size, &error))
    g_error ("%s", error->message);
  sc_catalog_add_directory (catalog, programs, SC_ORIGIN_BUNDLED);
  /* A conflict with a bundled program is an error here, not a crash. */
  sc_catalog_add_file (catalog, path, SC_ORIGIN_COMMAND_LINE, NULL);
  g_unlink (path);

  profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_assert_no_error (error);
  sc_fuzz_exercise_profile (catalog, profile, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  ScProgramFile *file;

  sc_fuzz_init ();
  file = sc_program_reader_load_memory ((const char *) data, size, "fuzz.xml", &error);
  if (file == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == SC_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.xml"));
      return 0;
    }

  g_assert_no_error (error);
  sc_program_file_free (file);
  evaluate_with (data, size);
  return 0;
}
