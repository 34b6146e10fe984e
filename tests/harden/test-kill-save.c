/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-test"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harden-util.h"
#include "sc-profile.h"
#include "sc-recovery.h"

/*
 * Nothing the user saved is ever lost or half-written. A child process
 * saves a large profile in a loop through the real save API, alternating
 * two versions; the parent SIGKILLs it at a random moment, then checks that
 * the file on disk is byte for byte either the old or the new version and
 * loads as that profile. Stray temporary files a kill leaves behind are
 * counted and removed, as the application does.
 */

#define KILL_ROUNDS_PROFILE  200
#define KILL_ROUNDS_RECOVERY 100

typedef gboolean (*SaveFunc) (const ScProfile *profile,
                              const char      *where,
                              GError         **error);

static gboolean
save_profile (const ScProfile *profile,
              const char      *where,
              GError         **error)
{
  return sc_profile_save ((ScProfile *) profile, where, error);
}

static gboolean
save_recovery (const ScProfile *profile,
               const char      *where,
               GError         **error)
{
  return sc_recovery_save (profile, profile->path, where, error);
}

/* Saves @a and @b alternately forever; never returns. */
static G_GNUC_NORETURN void
child_save_loop (SaveFunc         save,
                 const ScProfile *a,
                 const ScProfile *b,
                 const char      *where)
{
  for (guint i = 0;; i++)
    {
      if (!save (i % 2 == 0 ? b : a, where, NULL))
        _exit (3);
    }
}

/* Removes NAME.XXXXXX temp files next to @file; returns how many. */
static guint
remove_stray_temps (const char *file)
{
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *base = g_path_get_basename (file);
  g_autofree char *prefix = g_strconcat (base, ".", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_assert_cmpint (g_unlink (path), ==, 0);
        n++;
      }
  return n;
}

typedef struct
{
  guint seen_a;
  guint seen_b;
  guint strays;
} Tally;

static void
check_file (const char      *path,
            const char      *xml_a,
            const char      *xml_b,
            const ScProfile *a,
            const ScProfile *b,
            Tally           *tally)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) loaded = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  if (g_str_equal (contents, xml_a))
    tally->seen_a++;
  else if (g_str_equal (contents, xml_b))
    tally->seen_b++;
  else
    g_error ("%s is neither version after a kill (%" G_GSIZE_FORMAT " bytes)", path, length);

  loaded = sc_profile_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (sc_profile_equal (loaded, a) || sc_profile_equal (loaded, b));
}

static gint64
time_one_save (SaveFunc         save,
               const ScProfile *profile,
               const char      *where)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (save (profile, where, &error));
  g_assert_no_error (error);
  return g_get_monotonic_time () - start;
}

static void
run_kills (SaveFunc    save,
           const char *where,
           const char *file,
           guint       rounds)
{
  g_autoptr(ScProfile) a = harden_large_profile (1);
  g_autoptr(ScProfile) b = harden_large_profile (2);
  g_autofree char *xml_a = sc_profile_to_xml (a);
  g_autofree char *xml_b = sc_profile_to_xml (b);
  Tally tally = { 0 };
  gint64 save_us;

  g_assert_cmpuint (strlen (xml_a), >, 100000);
  g_assert_false (sc_profile_equal (a, b));

  /* The old version is on disk before the first child starts. */
  save_us = time_one_save (save, b, where);
  save_us = MAX (save_us, time_one_save (save, a, where));
  g_test_message ("one save of %" G_GSIZE_FORMAT " bytes takes %" G_GINT64_FORMAT " µs",
                  strlen (xml_a), save_us);

  for (guint round = 0; round < rounds; round++)
    {
      /* Kill anywhere from before the first write to a few saves in, so
       * that kills land in every step of a save. */
      gint64 delay = g_test_rand_int_range (0, (gint32) MIN (4 * save_us + 2000, 200000));
      int status;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        child_save_loop (save, a, b, where);

      g_usleep ((gulong) delay);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* Killed, not failed: a save error would have exited with 3. */
      g_assert_true (WIFSIGNALED (status));

      check_file (file, xml_a, xml_b, a, b, &tally);
      tally.strays += remove_stray_temps (file);
    }

  g_test_message ("%u rounds: old/new version %u/%u times, %u stray temp files removed",
                  rounds, tally.seen_a, tally.seen_b, tally.strays);
  /* Both versions were seen: the children did replace the file while
   * being killed, so the check above was not vacuous. */
  g_assert_cmpuint (tally.seen_a, >, 0);
  g_assert_cmpuint (tally.seen_b, >, 0);
}

static void
test_kill_profile_save (void)
{
  g_autofree char *dir = harden_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "client.shangce", NULL);

  run_kills (save_profile, path, path, KILL_ROUNDS_PROFILE);
  harden_remove_tree (dir);
}

static void
test_kill_recovery_save (void)
{
  g_autofree char *recovery = sc_recovery_dir ();
  g_autofree char *path = g_build_filename (recovery, "kill-test.shangce", NULL);
  g_autoptr(GPtrArray) entries = NULL;

  run_kills (save_recovery, "kill-test", path, KILL_ROUNDS_RECOVERY);

  /* The copy a crash left is offered and loads. */
  entries = sc_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((ScRecoveryEntry *) entries->pdata[0])->id, ==, "kill-test");
  g_assert_true (sc_recovery_discard ("kill-test", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  state = harden_private_state_home ();

  g_test_add_func ("/harden/kill-save/profile", test_kill_profile_save);
  g_test_add_func ("/harden/kill-save/recovery", test_kill_recovery_save);

  status = g_test_run ();
  if (!g_test_subprocess ())
    harden_remove_tree (state);
  return status;
}
