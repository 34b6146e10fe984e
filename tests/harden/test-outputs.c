/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-test"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harden-util.h"
#include "sc-file.h"
#include "sc-profile.h"

/*
 * Output targets (issue 15, items 8 and 9): every writer goes through
 * sc_file_write(), which writes into a target that is not a regular file,
 * keeps an existing file's mode and links, makes client data private and
 * takes any legal file name; and output lost on a full disk fails the
 * command.
 */

static const char payload[] = "report,1\n";

static mode_t
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static char *
slurp (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_new_file_modes (void)
{
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *private_path = g_build_filename (dir, "client.txt", NULL);
  g_autofree char *public_path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old = umask (022);

  g_assert_true (sc_file_write (private_path, payload, strlen (payload), SC_FILE_PRIVATE, &error));
  g_assert_no_error (error);
  g_assert_true (sc_file_write (public_path, payload, strlen (payload), SC_FILE_PUBLIC, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (private_path), ==, 0600);
  g_assert_cmpint (mode_of (public_path), ==, 0644);
  umask (old);
  harden_remove_tree (dir);
}

static void
test_keeps_mode_and_links (void)
{
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *other = g_build_filename (dir, "second-name.csv", NULL);
  g_autofree char *symlink_path = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (chmod (path, 0640), ==, 0);
  g_assert_true (sc_file_write (path, payload, strlen (payload), SC_FILE_PUBLIC | SC_FILE_SYNC, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (path), ==, 0640);

  /* A second name sees the new content. */
  g_assert_cmpint (link (path, other), ==, 0);
  g_assert_true (sc_file_write (path, "v2", 2, SC_FILE_PRIVATE, &error));
  g_assert_no_error (error);
  text = slurp (other);
  g_assert_cmpstr (text, ==, "v2");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (g_unlink (other), ==, 0);

  /* A symbolic link stays a link to the new content. */
  g_assert_cmpint (symlink ("report.csv", symlink_path), ==, 0);
  g_assert_true (sc_file_write (symlink_path, "v3", 2, SC_FILE_PRIVATE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (symlink_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  text = slurp (path);
  g_assert_cmpstr (text, ==, "v3");
  g_assert_cmpint (mode_of (path), ==, 0640);
  harden_remove_tree (dir);
}

static void
test_long_name (void)
{
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *name = g_strnfill (248, 'a');
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_file_write (path, payload, strlen (payload), SC_FILE_PRIVATE, &error));
  g_assert_no_error (error);
  /* Twice: replacing needs the temporary name too. */
  g_assert_true (sc_file_write (path, payload, strlen (payload), SC_FILE_PRIVATE, &error));
  g_assert_no_error (error);
  text = slurp (path);
  g_assert_cmpstr (text, ==, payload);
  harden_remove_tree (dir);
}

static gpointer
read_fifo (gpointer data)
{
  char *text = NULL;

  g_file_get_contents (data, &text, NULL, NULL);
  return text;
}

static void
test_special_targets (void)
{
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GThread *reader;
  struct stat st;

  g_assert_true (sc_file_write ("/dev/null", payload, strlen (payload), SC_FILE_PRIVATE | SC_FILE_SYNC, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_thread_new ("fifo-reader", read_fifo, fifo);
  g_assert_true (sc_file_write (fifo, payload, strlen (payload), SC_FILE_PRIVATE | SC_FILE_SYNC, &error));
  g_assert_no_error (error);
  text = g_thread_join (reader);
  g_assert_cmpstr (text, ==, payload);
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  /* Nothing left behind. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
  harden_remove_tree (dir);
}

static void
test_profile_private (void)
{
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "client.shangce", NULL);
  g_autoptr(ScProfile) profile = harden_large_profile (1);
  g_autoptr(GError) error = NULL;
  mode_t old = umask (022);

  g_assert_true (sc_profile_save (profile, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (path), ==, 0600);
  g_assert_cmpint (chmod (path, 0640), ==, 0);
  g_assert_true (sc_profile_save (profile, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (path), ==, 0640);
  umask (old);
  harden_remove_tree (dir);
}

/* Runs the command line through sh with @redirect; returns the exit status. */
static int
run_cli (const char  *args,
         const char  *redirect,
         char       **out,
         char       **err)
{
  const char *bin = g_getenv ("SHANGCE_BIN");
  g_autofree char *script = g_strdup_printf ("exec \"$0\" %s %s", args, redirect);
  const char *argv[] = { "/bin/sh", "-c", script, bin, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static void
test_cli_full_disk (void)
{
  static const char *const commands[] = {
    "--version", "--chart list", "--list-programs", "--report --as-of 2026-01-01",
    "--report --as-of 2026-01-01 --format json", "--validate", "--help", NULL,
  };

  if (g_getenv ("SHANGCE_BIN") == NULL || !g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("SHANGCE_BIN is not set or there is no /dev/full");
      return;
    }
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *ok_err = NULL;
      int ok_status = run_cli (commands[i], "> /dev/null", NULL, &ok_err);
      int status = run_cli (commands[i], "> /dev/full", NULL, &err);

      g_test_message ("%s: %d / %d: %s", commands[i], ok_status, status, err);
      if (g_str_equal (commands[i], "--validate"))
        continue;  /* nothing to validate: usage, not output */
      g_assert_cmpint (ok_status, ==, 0);
      g_assert_cmpint (status, ==, 1);
      g_assert_nonnull (strstr (err, "standard output"));
    }
}

static void
test_cli_dev_stdout (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.txt", NULL);
  g_autofree char *redirect = g_strdup_printf ("> '%s'", path);
  g_autofree char *text = NULL;

  if (g_getenv ("SHANGCE_BIN") == NULL)
    {
      g_test_skip ("SHANGCE_BIN is not set");
      return;
    }
  g_assert_cmpint (run_cli ("--report --as-of 2026-01-01 -o /dev/stdout", "", &out, &err), ==, 0);
  g_assert_cmpuint (strlen (out), >, 100);
  g_assert_cmpint (run_cli ("--report --as-of 2026-01-01 -o /dev/stdout", redirect, NULL, NULL), ==, 0);
  text = slurp (path);
  g_assert_cmpstr (text, ==, out);
  harden_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  state = harden_private_state_home ();
  g_test_add_func ("/outputs/new-file-modes", test_new_file_modes);
  g_test_add_func ("/outputs/keeps-mode-and-links", test_keeps_mode_and_links);
  g_test_add_func ("/outputs/long-name", test_long_name);
  g_test_add_func ("/outputs/special-targets", test_special_targets);
  g_test_add_func ("/outputs/profile-private", test_profile_private);
  g_test_add_func ("/outputs/cli-full-disk", test_cli_full_disk);
  g_test_add_func ("/outputs/cli-dev-stdout", test_cli_dev_stdout);
  status = g_test_run ();
  if (!g_test_subprocess ())
    harden_remove_tree (state);
  return status;
}
