/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Files that are not files (issue 15, item 7): a FIFO, or a link to
 * /dev/stdin, in the user's program folder made every command and the
 * window's start block in open(). Folder scans now skip and report anything
 * that is not a regular file; a pipe the user names on the command line
 * still works.
 */
#define G_LOG_DOMAIN "test-special-files"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harden-util.h"

/* Runs `sh -c SCRIPT` with $SHANGCE as the binary and XDG_DATA_HOME=@home,
 * giving up after 20 s (a blocked read used to hang forever). */
static int
run_shell (const char  *home,
           const char  *script,
           char       **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = g_strconcat ("XDG_DATA_HOME=", home, NULL);
  g_autofree char *bin = g_strconcat ("SHANGCE=", g_getenv ("SHANGCE_BIN"), NULL);
  const char *argv[] = { "env", xdg, bin, "timeout", "20", "sh", "-c", script, NULL };
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_fifo_in_program_folder (void)
{
  g_autofree char *home = harden_make_tmp_dir ();
  g_autofree char *programs = g_build_filename (home, "shangce", "programs", NULL);
  g_autofree char *fifo = g_build_filename (programs, "fifo.xml", NULL);
  g_autofree char *link = g_build_filename (programs, "stdin.xml", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (g_mkdir_with_parents (programs, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/stdin", link), ==, 0);

  /* Exit 124 would be timeout's: the command hung. Standard input is a pipe
   * that never brings anything (a FIFO open for reading and writing), as a
   * terminal nobody types into. */
  /* Exit 1: files of the user's that did not load are errors, as a broken
   * one is; not 124, a hang. */
  g_assert_cmpint (run_shell (home, "cd \"$XDG_DATA_HOME\" && mkfifo idle && exec 3<>idle && \"$SHANGCE\" --list-programs <&3",
                              &err), ==, 1);
  g_assert_nonnull (strstr (err, "fifo.xml:1:1"));
  g_assert_nonnull (strstr (err, "stdin.xml:1:1"));
  g_assert_nonnull (strstr (err, "not a regular file"));
  harden_remove_tree (home);
}

static void
test_pipe_named_on_command_line (void)
{
  g_autofree char *home = harden_make_tmp_dir ();
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "..", "data", "programs", "baselines.xml", NULL);
  g_autofree char *script = NULL;
  g_autofree char *err = NULL;

  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_free (file);
      file = g_build_filename (g_getenv ("SHANGCE_DATA_DIR"), "programs", "baselines.xml", NULL);
    }
  /* --validate reads the pipe the shell gives it, as <(cat f) does. */
  script = g_strdup_printf ("cat '%s' | \"$SHANGCE\" --validate /dev/stdin", file);
  g_assert_cmpint (run_shell (home, script, &err), ==, 0);
  harden_remove_tree (home);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/harden/special-files/fifo-in-program-folder", test_fifo_in_program_folder);
  g_test_add_func ("/harden/special-files/pipe-on-command-line", test_pipe_named_on_command_line);
  return g_test_run ();
}
