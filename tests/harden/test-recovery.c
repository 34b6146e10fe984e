/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "harden-util.h"
#include "sc-error.h"
#include "sc-profile.h"
#include "sc-recovery.h"

/* The recovery copy of unsaved edits: what a crashed session leaves is
 * offered back whole, pointing at the file the user meant to save. */

static char *
recovery_file (const char *id,
               const char *suffix)
{
  g_autofree char *dir = sc_recovery_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static void
discard_all (void)
{
  g_autoptr(GPtrArray) entries = sc_recovery_list ();

  for (guint i = 0; i < entries->len; i++)
    g_assert_true (sc_recovery_discard (((ScRecoveryEntry *) entries->pdata[i])->id, NULL));
}

static void
set_mtime (const char *path,
           gint64      seconds_ago)
{
  struct utimbuf times;

  times.actime = times.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC - seconds_ago);
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
test_round_trip (void)
{
  g_autoptr(ScProfile) profile = harden_large_profile (3);
  g_autoptr(ScProfile) back = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = sc_recovery_new_id ();
  g_autofree char *dir = sc_recovery_dir ();
  g_autofree char *doc = recovery_file (id, ".shangce");
  const ScRecoveryEntry *entry;
  GStatBuf st;

  g_assert_true (sc_recovery_id_is_valid (id));
  profile->path = g_strdup ("/home/someone/客户/张三.shangce");
  g_assert_true (sc_recovery_save (profile, profile->path, id, &error));
  g_assert_no_error (error);

  /* Private to the user: edits may hold a client's numbers. */
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (doc, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  entries = sc_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_cmpstr (entry->id, ==, id);
  g_assert_cmpstr (entry->path, ==, doc);
  g_assert_cmpstr (entry->original, ==, "/home/someone/客户/张三.shangce");
  g_assert_cmpstr (entry->name, ==, sc_profile_get_name (profile, sc_lang_current ()));
  g_assert_nonnull (entry->saved);
  /* This process wrote it and is alive: another window owns it. */
  g_assert_true (entry->in_use);

  back = sc_recovery_load (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->original, ==, profile->path);
  g_assert_true (sc_profile_equal (back, profile));

  /* A second save replaces the copy, it does not add one. */
  sc_profile_set_name (profile, "改过的", "Edited");
  g_assert_true (sc_recovery_save (profile, profile->path, id, &error));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = sc_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&back, sc_profile_free);
  back = sc_recovery_load (entries->pdata[0], &error);
  g_assert_no_error (error);
  g_assert_true (sc_profile_equal (back, profile));

  g_assert_true (sc_recovery_discard (id, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (doc, G_FILE_TEST_EXISTS));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = sc_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
  /* Discarding twice is fine: the save that follows a discard may race it. */
  g_assert_true (sc_recovery_discard (id, &error));
  g_assert_no_error (error);
}

/* A never-saved document has no original file. */
static void
test_unsaved_document (void)
{
  g_autoptr(ScProfile) profile = sc_profile_new ();
  g_autoptr(ScProfile) back = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  sc_profile_set_name (profile, "新档案", "New profile");
  g_assert_true (sc_profile_set_as_of (profile, sc_day_from_ymd (2026, 11, 22), &error));
  g_assert_true (sc_recovery_save (profile, NULL, "unsaved", &error));
  g_assert_no_error (error);

  entries = sc_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_null (((ScRecoveryEntry *) entries->pdata[0])->original);
  back = sc_recovery_load (entries->pdata[0], &error);
  g_assert_no_error (error);
  g_assert_null (((ScRecoveryEntry *) entries->pdata[0])->original);
  discard_all ();
}

/* An id never names a path outside the recovery folder. */
static void
test_bad_ids (void)
{
  static const char *const bad[] = {
    "", "../escape", "a/b", "/etc/passwd", ".", "..", "x y", "名字", "a\\b",
    "0123456789012345678901234567890123456789012345678901234567890123456789",
  };
  g_autoptr(ScProfile) profile = harden_large_profile (4);
  g_autoptr(GPtrArray) entries = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sc_recovery_id_is_valid (bad[i]));
      g_assert_false (sc_recovery_save (profile, profile->path, bad[i], &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_USAGE);
      g_assert_nonnull (strstr (error->message, "recovery id"));
      g_clear_error (&error);
      g_assert_false (sc_recovery_discard (bad[i], &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_USAGE);
    }
  g_assert_false (sc_recovery_id_is_valid (NULL));
  g_assert_true (sc_recovery_id_is_valid ("0123456789012345678901234567890123456789012345678901234567890123"));
  g_assert_false (g_file_test ("escape.shangce", G_FILE_TEST_EXISTS));
  entries = sc_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
}

/* A copy that does not load offers nothing; temp files a killed writer
 * left are removed once stale, a live writer's are left alone. */
static void
test_list_skips_and_cleans (void)
{
  g_autoptr(ScProfile) profile = harden_large_profile (5);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = recovery_file ("broken", ".shangce");
  g_autofree char *stale = recovery_file ("good", ".shangce.Ab12Cd");
  g_autofree char *fresh = recovery_file ("good", ".shangce.Zz99Yy");
  g_autofree char *stale_ini = recovery_file ("good", ".ini.Qq11Ww");
  g_autofree char *other = recovery_file ("notes", ".txt");

  g_assert_true (sc_recovery_save (profile, profile->path, "good", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (broken, "<profile", -1, NULL));
  g_assert_true (g_file_set_contents (stale, "<half", -1, NULL));
  g_assert_true (g_file_set_contents (stale_ini, "[Rec", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "<half", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
  set_mtime (stale, 3600);
  set_mtime (stale_ini, 3600);

  entries = sc_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((ScRecoveryEntry *) entries->pdata[0])->id, ==, "good");
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_ini, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  /* Files that are not ours are never touched. */
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));

  g_unlink (fresh);
  g_unlink (other);
  g_unlink (broken);
  discard_all ();
}

/* Copies of a crashed process are offered (not in use), newest first. */
static void
test_crashed_writer (void)
{
  g_autoptr(ScProfile) older = harden_large_profile (6);
  g_autoptr(ScProfile) newer = harden_large_profile (7);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *old_doc = recovery_file ("older", ".shangce");
  int status;
  pid_t pid;

  /* Each copy written by a child that then dies, as a crash would. */
  for (guint i = 0; i < 2; i++)
    {
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        _exit (sc_recovery_save (i == 0 ? older : newer, NULL, i == 0 ? "older" : "newer", NULL) ? 0 : 1);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  set_mtime (old_doc, 600);

  entries = sc_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((ScRecoveryEntry *) entries->pdata[0])->id, ==, "newer");
  g_assert_cmpstr (((ScRecoveryEntry *) entries->pdata[1])->id, ==, "older");
  g_assert_false (((ScRecoveryEntry *) entries->pdata[0])->in_use);
  g_assert_false (((ScRecoveryEntry *) entries->pdata[1])->in_use);
  discard_all ();
}

/* A folder that cannot be created is an SC_ERROR_IO naming it (run in a
 * child: g_get_user_state_dir() is fixed once per process). */
static void
test_unwritable (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ScProfile) profile = harden_large_profile (8);
      g_autoptr(GError) error = NULL;

      g_assert_false (sc_recovery_save (profile, profile->path, "x", &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "not-a-folder"));
      return;
    }
  g_setenv ("SHANGCE_TEST_UNWRITABLE", "1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("SHANGCE_TEST_UNWRITABLE");
  g_test_trap_assert_passed ();
}

/* --- in a PID namespace (Flatpak) ----------------------------------------- */

/* The child side of test_pid_namespace(), in its own PID namespace where it
 * is pid 1, as every start of a Flatpak'd app gets the same pid. */
static int
namespace_child (const char *mode)
{
  g_autoptr(ScProfile) profile = harden_large_profile (8);

  if (g_str_equal (mode, "crash"))
    /* Saves and dies without discarding. */
    _exit (sc_recovery_save (profile, NULL, "in-namespace", NULL) ? 0 : 3);
  if (g_str_equal (mode, "hold"))
    {
      char c;

      if (!sc_recovery_save (profile, NULL, "held-in-namespace", NULL))
        return 3;
      /* Ready; holds the copy (its window open) until stdin closes. */
      if (write (STDOUT_FILENO, "r", 1) != 1)
        return 4;
      while (read (STDIN_FILENO, &c, 1) > 0)
        ;
      _exit (0);
    }
  if (g_str_equal (mode, "list"))
    {
      g_autoptr(GPtrArray) entries = sc_recovery_list ();

      for (guint i = 0; i < entries->len; i++)
        {
          const ScRecoveryEntry *e = entries->pdata[i];

          g_print ("%s=%s\n", e->id, e->in_use ? "in-use" : "offered");
        }
      return 0;
    }
  return 2;
}

static char **
namespace_argv (const char *self,
                const char *mode)
{
  g_autofree char *joined = g_strdup_printf ("unshare\x1f--pid\x1f--fork\x1f%s\x1f--namespace-child=%s", self, mode);

  return g_strsplit (joined, "\x1f", -1);
}

static gboolean
can_unshare (void)
{
  const char *argv[] = { "unshare", "--pid", "--fork", "true", NULL };
  int status = -1;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                       | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL)
         && g_spawn_check_wait_status (status, NULL);
}

static char *
list_in_namespace (const char *self)
{
  g_auto(GStrv) argv = namespace_argv (self, "list");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A copy left by a crash inside a PID namespace is offered by the next start
 * in one (the same pid), and a copy whose window is open is not. */
static void
test_pid_namespace (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *listed = NULL;
  g_autoptr(GError) error = NULL;
  GPid pid;
  int in_fd, out_fd, status;
  char c;

  if (!can_unshare ())
    {
      g_test_skip ("unshare --pid --fork is not available");
      return;
    }
  {
    g_auto(GStrv) argv = namespace_argv (self, "crash");

    g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  listed = list_in_namespace (self);
  g_assert_cmpstr (listed, ==, "in-namespace=offered\n");
  g_clear_pointer (&listed, g_free);

  {
    g_auto(GStrv) argv = namespace_argv (self, "hold");

    g_assert_true (g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                             NULL, NULL, &pid, &in_fd, &out_fd, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (read (out_fd, &c, 1), ==, 1);
  }
  listed = list_in_namespace (self);
  g_assert_nonnull (strstr (listed, "held-in-namespace=in-use\n"));
  g_assert_nonnull (strstr (listed, "in-namespace=offered\n"));
  g_clear_pointer (&listed, g_free);

  /* The window closes by a crash: the copy is offered. */
  close (in_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (out_fd);
  g_spawn_close_pid (pid);
  listed = list_in_namespace (self);
  g_assert_nonnull (strstr (listed, "held-in-namespace=offered\n"));
  discard_all ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;
  int status;

  if (argc == 2 && g_str_has_prefix (argv[1], "--namespace-child="))
    return namespace_child (argv[1] + strlen ("--namespace-child="));
  g_test_init (&argc, &argv, NULL);
  state = harden_private_state_home ();
  if (g_test_subprocess () && g_getenv ("SHANGCE_TEST_UNWRITABLE") != NULL)
    {
      /* A regular file where a folder should be: mkdir fails even as root. */
      g_autofree char *file = g_build_filename (state, "not-a-folder", NULL);
      g_autofree char *below = g_build_filename (file, "state", NULL);

      g_assert_true (g_file_set_contents (file, "", 0, NULL));
      g_setenv ("XDG_STATE_HOME", below, TRUE);
    }

  g_test_add_func ("/harden/recovery/round-trip", test_round_trip);
  g_test_add_func ("/harden/recovery/unsaved-document", test_unsaved_document);
  g_test_add_func ("/harden/recovery/bad-ids", test_bad_ids);
  g_test_add_func ("/harden/recovery/list-skips-and-cleans", test_list_skips_and_cleans);
  g_test_add_func ("/harden/recovery/crashed-writer", test_crashed_writer);
  g_test_add_func ("/harden/recovery/unwritable", test_unwritable);
  g_test_add_func ("/harden/recovery/pid-namespace", test_pid_namespace);

  status = g_test_run ();
  if (!g_test_subprocess ())
    harden_remove_tree (state);
  return status;
}
