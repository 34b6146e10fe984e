/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Crash recovery in the desktop application (under Xvfb): unsaved edits get
 * a recovery copy a moment after the last edit; saving, discarding, opening
 * another profile and closing remove it; a copy that a crashed session left
 * is offered at start-up and "Recover" brings the edits back, unsaved.
 *
 * XDG_STATE_HOME (where the copies live) is a fresh folder for this
 * process (ui_test_init()), emptied before each test.
 */
#define G_LOG_DOMAIN "test-recovery-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sc-application.h"
#include "ui-test.h"
#include "sc-main-window.h"
#include "sc-profile-editor.h"
#include "sc-recovery.h"
#include "test-util.h"

static ScApplication *app;

/* The copy must appear this long after the last edit, not sooner; a test
 * gives up waiting long after. */
#define DELAY_USEC   (2 * G_USEC_PER_SEC)
#define GIVE_UP_USEC (15 * G_USEC_PER_SEC)

static char *
copy_path (const char *id)
{
  g_autofree char *dir = sc_recovery_dir ();
  g_autofree char *name = g_strconcat (id, ".shangce", NULL);

  return g_build_filename (dir, name, NULL);
}

static gboolean
copy_exists (const char *id)
{
  g_autofree char *path = copy_path (id);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Runs the main loop until the copy of @id exists (or @give_up passes);
 * returns the monotonic time it was first seen, or 0. */
static gint64
wait_for_copy (const char *id,
               gint64      give_up)
{
  guint tick = g_timeout_add (20, ui_test_tick_cb, NULL);
  gint64 seen = 0;

  while (g_get_monotonic_time () < give_up)
    {
      if (copy_exists (id))
        {
          seen = g_get_monotonic_time ();
          break;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
  return seen;
}

/* Runs the main loop for @usec. */
static void
run_for (gint64 usec)
{
  guint tick = g_timeout_add (20, ui_test_tick_cb, NULL);
  gint64 end = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

static void
clear_state (void)
{
  g_autofree char *shangce = g_build_filename (g_get_user_state_dir (), "shangce", NULL);

  test_remove_tree (shangce);
}

static guint
n_copies (void)
{
  g_autoptr(GPtrArray) entries = sc_recovery_list ();

  return entries->len;
}

static void
close_all (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  iterate ();
}

static double
gmv (ScMainWindow *win)
{
  return sc_profile_get_number (sc_document_get_profile (ui_test_document (win)),
                                SC_FIELD_MONTHLY_GMV, 0);
}

/* A pid that no process has now: a child that has already exited. */
static pid_t
dead_pid (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

/*
 * Leaves a copy as a crashed session would: the bundled example with
 * monthly GMV @value, saved from @original (NULL: never saved), written by
 * a process that no longer runs, dated @age_seconds ago.
 */
static void
leave_crashed_copy (const char *id,
                    double      value,
                    const char *original,
                    int         age_seconds)
{
  g_autoptr(ScProfile) profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autofree char *dir = sc_recovery_dir ();
  g_autofree char *meta_name = g_strconcat (id, ".ini", NULL);
  g_autofree char *meta_path = g_build_filename (dir, meta_name, NULL);
  g_autofree char *doc_path = copy_path (id);
  g_autoptr(GFile) doc = g_file_new_for_path (doc_path);
  g_autoptr(GFileInfo) info = g_file_info_new ();
  gint64 when = g_get_real_time () / G_USEC_PER_SEC - age_seconds;

  g_assert_nonnull (profile);
  g_assert_true (sc_profile_set_number (profile, SC_FIELD_MONTHLY_GMV, value, NULL));
  g_assert_true (sc_recovery_save (profile, original, id, &error));
  g_assert_no_error (error);

  /* The writer is gone: its lock is free and its pid names no running process. */
  sc_recovery_release (id);
  g_assert_true (g_key_file_load_from_file (meta, meta_path, G_KEY_FILE_NONE, &error));
  g_key_file_set_int64 (meta, "Recovery", "Pid", dead_pid ());
  g_assert_true (g_key_file_save_to_file (meta, meta_path, &error));

  g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, (guint64) when);
  g_assert_true (g_file_set_attributes_from_info (doc, info, G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_edit_writes_copy (void)
{
  ScMainWindow *win;
  ScSession *session;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  const ScRecoveryEntry *entry;
  g_autoptr(ScProfile) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last_edit, seen;

  clear_state ();
  win = ui_test_open_window (app);
  session = sc_main_window_get_session (win);
  id = g_strdup (sc_session_get_recovery_id (session));
  g_assert_true (sc_recovery_id_is_valid (id));
  g_assert_false (copy_exists (id));

  /* Two edits a second apart: the copy waits for the pause after the last. */
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, "111,000"));
  iterate ();
  g_assert_false (copy_exists (id));
  run_for (G_USEC_PER_SEC);
  g_assert_false (copy_exists (id));
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, "234,567"));
  last_edit = g_get_monotonic_time ();
  seen = wait_for_copy (id, last_edit + GIVE_UP_USEC);
  g_assert_cmpint (seen, >, 0);
  g_assert_cmpint (seen - last_edit, >=, DELAY_USEC - G_USEC_PER_SEC / 10);

  /* It holds the last value typed, and as this process wrote it, it is in use. */
  entries = sc_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->id, ==, id);
  g_assert_true (entry->in_use);
  g_assert_null (entry->original);
  g_assert_cmpstr (entry->name, ==, sc_profile_get_name (sc_document_get_profile (sc_session_get_document (session)), sc_lang_current ()));
  copy = sc_recovery_load (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sc_profile_get_number (copy, SC_FIELD_MONTHLY_GMV, 0), ==, 234567);
  g_assert_true (sc_profile_equal (copy, sc_document_get_profile (sc_session_get_document (session))));

  ui_test_destroy_window (win);
  clear_state ();
}

static void
test_save_removes_copy (void)
{
  ScMainWindow *win;
  ScSession *session;
  g_autofree char *id = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shangce-recovery-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "client.shangce", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) entries = NULL;

  clear_state ();
  win = ui_test_open_window (app);
  session = sc_main_window_get_session (win);
  id = g_strdup (sc_session_get_recovery_id (session));

  g_assert_true (ui_test_enter (win, SC_FIELD_AD_SPEND, "7000"));
  g_assert_cmpint (wait_for_copy (id, g_get_monotonic_time () + GIVE_UP_USEC), >, 0);
  ui_test_save (win, dir, "client.shangce");
  g_assert_true (g_file_equal (sc_document_get_file (sc_session_get_document (session)), file));
  g_assert_false (sc_document_get_modified (sc_session_get_document (session)));
  g_assert_false (copy_exists (id));
  g_assert_cmpuint (n_copies (), ==, 0);

  /* The next edit's copy knows the file it belongs to. */
  g_assert_true (ui_test_enter (win, SC_FIELD_AD_SPEND, "8000"));
  g_assert_cmpint (wait_for_copy (id, g_get_monotonic_time () + GIVE_UP_USEC), >, 0);
  entries = sc_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((ScRecoveryEntry *) g_ptr_array_index (entries, 0))->original, ==, path);

  /* Saving before the timer fires leaves no copy behind either. */
  ui_test_save (win, dir, "client.shangce");
  g_assert_false (sc_document_get_modified (sc_session_get_document (session)));
  g_assert_false (copy_exists (id));
  g_assert_true (ui_test_enter (win, SC_FIELD_AD_SPEND, "9000"));
  ui_test_save (win, dir, "client.shangce");
  g_assert_false (sc_document_get_modified (sc_session_get_document (session)));
  run_for (DELAY_USEC + G_USEC_PER_SEC / 2);
  g_assert_false (copy_exists (id));

  ui_test_destroy_window (win);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_discard_and_replace_remove_copy (void)
{
  ScMainWindow *win;
  ScSession *session;
  g_autofree char *id = NULL;
  GtkWindow *dialog;

  clear_state ();
  win = ui_test_open_window (app);
  session = sc_main_window_get_session (win);
  id = g_strdup (sc_session_get_recovery_id (session));
  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);

  /* Opening another profile: "Discard" in the prompt removes the copy. */
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, "150000"));
  g_assert_cmpint (wait_for_copy (id, g_get_monotonic_time () + GIVE_UP_USEC), >, 0);
  sc_main_window_open_example (win, "individual-apparel");
  iterate ();
  dialog = ui_test_unsaved_question (win);
  g_assert_nonnull (dialog);
  ui_test_answer (dialog, "_Discard");
  g_assert_null (ui_test_unsaved_question (win));
  g_assert_false (sc_document_get_modified (sc_session_get_document (session)));
  g_assert_false (copy_exists (id));

  /* Closing the window after "Discard" removes it too. */
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, "160000"));
  g_assert_cmpint (wait_for_copy (id, g_get_monotonic_time () + GIVE_UP_USEC), >, 0);
  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  dialog = ui_test_unsaved_question (win);
  g_assert_nonnull (dialog);
  /* "Cancel" keeps the window, the changes and their copy. */
  ui_test_answer (dialog, "_Cancel");
  g_assert_nonnull (win);
  g_assert_null (ui_test_unsaved_question (win));
  g_assert_true (copy_exists (sc_session_get_recovery_id (sc_main_window_get_session (win))));
  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  ui_test_answer (ui_test_unsaved_question (win), "_Discard");
  g_assert_null (win);
  g_assert_cmpuint (n_copies (), ==, 0);
}

static void
test_crashed_copy_recovered (void)
{
  ScMainWindow *win;
  ScSession *session;
  GtkWindow *dialog;
  g_autofree char *dir = g_dir_make_tmp ("shangce-recovery-XXXXXX", NULL);
  g_autofree char *original = g_build_filename (dir, "shop.shangce", NULL);
  g_autoptr(GFile) original_file = g_file_new_for_path (original);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) saved = NULL;
  g_autofree char *when = NULL;
  const char *body;

  clear_state ();
  leave_crashed_copy ("crashed-session", 345678, original, 90);
  entries = sc_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_false (((ScRecoveryEntry *) g_ptr_array_index (entries, 0))->in_use);
  saved = g_date_time_ref (((ScRecoveryEntry *) g_ptr_array_index (entries, 0))->saved);
  when = g_date_time_format (saved, "%Y-%m-%d %H:%M");

  /* The first window asks, naming the profile, its file and the time. */
  win = ui_test_open_window (app);
  session = sc_main_window_get_session (win);
  g_assert_cmpfloat (gmv (win), !=, 345678);
  dialog = ui_test_question (win, "recover");
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Recover Unsaved Changes?");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "New enterprise apparel store"));
  g_assert_nonnull (strstr (body, "shop.shangce"));
  g_assert_nonnull (strstr (body, when));
  g_assert_null (strstr (body, "more"));

  ui_test_answer (dialog, "_Recover");
  g_assert_null (ui_test_question (win, "recover"));

  /* The edits are back, unsaved, and "Save" writes to the original file. */
  g_assert_cmpfloat (gmv (win), ==, 345678);
  g_assert_true (sc_document_get_modified (sc_session_get_document (session)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (win)), "•"));
  g_assert_nonnull (sc_document_get_file (sc_session_get_document (session)));
  g_assert_true (g_file_equal (sc_document_get_file (sc_session_get_document (session)), original_file));
  g_assert_nonnull (ui_test_toast (win, "save the profile to keep them"));

  /* The window keeps its own copy now; the crashed one is gone. */
  g_assert_false (copy_exists ("crashed-session"));
  g_assert_true (copy_exists (sc_session_get_recovery_id (session)));

  gtk_widget_activate_action (GTK_WIDGET (win), "win.save", NULL);
  iterate ();
  g_assert_false (sc_document_get_modified (sc_session_get_document (session)));
  g_assert_cmpuint (n_copies (), ==, 0);
  {
    g_autoptr(ScProfile) reopened = sc_profile_load (original, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (sc_profile_get_number (reopened, SC_FIELD_MONTHLY_GMV, 0), ==, 345678);
  }

  ui_test_destroy_window (win);
  g_unlink (original);
  g_rmdir (dir);
}

static void
test_crashed_copy_discarded (void)
{
  ScMainWindow *win;
  GtkWindow *dialog;
  double example_gmv;

  clear_state ();
  leave_crashed_copy ("crashed-new", 98765, NULL, 30);

  win = ui_test_open_window (app);
  example_gmv = gmv (win);
  dialog = ui_test_question (win, "recover");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "new profile"));
  ui_test_answer (dialog, "_Discard");

  g_assert_null (ui_test_question (win, "recover"));
  g_assert_false (copy_exists ("crashed-new"));
  g_assert_cmpfloat (gmv (win), ==, example_gmv);
  g_assert_false (sc_document_get_modified (ui_test_document (win)));
  ui_test_destroy_window (win);

  /* Nothing is offered the next time. */
  win = ui_test_open_window (app);
  g_assert_null (ui_test_question (win, "recover"));
  ui_test_destroy_window (win);
}

static void
test_several_copies (void)
{
  ScMainWindow *win, *second = NULL;
  GtkWindow *dialog;

  clear_state ();
  leave_crashed_copy ("older", 200001, NULL, 600);
  leave_crashed_copy ("newer", 200002, NULL, 60);
  leave_crashed_copy ("oldest", 200003, NULL, 3600);

  /* Newest first, saying how many follow. */
  win = ui_test_open_window (app);
  dialog = ui_test_question (win, "recover");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "2 more copies are offered after this one."));
  ui_test_answer (dialog, "_Recover");
  g_assert_cmpfloat (gmv (win), ==, 200002);

  /* The next one goes to a new window: this one holds unsaved edits. */
  dialog = ui_test_question (win, "recover");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "1 more copy is offered after this one."));
  ui_test_answer (dialog, "_Recover");
  g_assert_cmpfloat (gmv (win), ==, 200002);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (SC_IS_MAIN_WINDOW (l->data) && l->data != (gpointer) win)
      {
        g_assert_null (second);
        second = l->data;
      }
  g_assert_nonnull (second);
  g_assert_cmpfloat (gmv (second), ==, 200001);
  g_assert_true (sc_document_get_modified (ui_test_document (second)));

  /* Escape decides nothing: the oldest stays for the next start. */
  dialog = ui_test_question (win, "recover");
  g_assert_nonnull (dialog);
  g_assert_null (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "more"));
  ui_test_answer (dialog, NULL);
  g_assert_null (ui_test_question (win, "recover"));
  g_assert_true (copy_exists ("oldest"));
  g_assert_false (copy_exists ("older"));
  g_assert_false (copy_exists ("newer"));

  close_all ();
  g_assert_cmpuint (n_copies (), ==, 1);
  clear_state ();
}

/*
 * The application offers the copies in its first window. That window is
 * closed while it asks: the question goes with it, the copy stays, and the
 * next first window asks again; a second window beside it never asks.
 */
static void
test_offer_goes_with_window (void)
{
  ScMainWindow *win, *other;
  g_autoptr(GPtrArray) shown = NULL;

  clear_state ();
  leave_crashed_copy ("left-behind", 123456, NULL, 120);

  win = ui_test_open_window (app);
  g_assert_nonnull (ui_test_question (win, "recover"));
  ui_test_destroy_window (win);
  shown = shown_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (shown->len, ==, 0);
  g_assert_true (copy_exists ("left-behind"));

  win = ui_test_open_window (app);
  other = ui_test_open_window (app);
  g_assert_nonnull (ui_test_question (win, "recover"));
  g_assert_null (ui_test_question (other, "recover"));
  ui_test_answer (ui_test_question (win, "recover"), NULL);
  g_assert_null (ui_test_question (win, "recover"));
  g_assert_true (copy_exists ("left-behind"));

  close_all ();
  clear_state ();
}

static void
test_running_copy_not_offered (void)
{
  g_autoptr(ScProfile) profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, NULL);
  g_autoptr(GError) error = NULL;
  ScMainWindow *win;

  /* Another window of a running instance (here: this process) owns it. */
  clear_state ();
  g_assert_true (sc_recovery_save (profile, profile->path, "running-window", &error));
  g_assert_no_error (error);
  win = ui_test_open_window (app);
  g_assert_null (ui_test_question (win, "recover"));
  ui_test_destroy_window (win);
  g_assert_true (copy_exists ("running-window"));
  clear_state ();
}

static void
test_write_failure_warns_once (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_state_dir (), "shangce", NULL);
  ScMainWindow *win;
  g_autofree char *id = NULL;

  /* A file where the folder should be: every write fails. */
  clear_state ();
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  win = ui_test_open_window (app);
  id = g_strdup (sc_session_get_recovery_id (sc_main_window_get_session (win)));

  g_test_expect_message ("shangce-ui", G_LOG_LEVEL_WARNING,
                         "Could not write the recovery copy of unsaved changes: *");
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, "120000"));
  run_for (DELAY_USEC + G_USEC_PER_SEC / 2);
  g_test_assert_expected_messages ();

  /* Typing on: no second warning (it would abort the test), no dialog. */
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, "130000"));
  run_for (DELAY_USEC + G_USEC_PER_SEC / 2);
  g_assert_null (ui_test_unsaved_question (win));
  g_assert_null (ui_test_question (win, "recover"));
  g_assert_cmpfloat (gmv (win), ==, 130000);
  g_assert_false (copy_exists (id));

  /* The folder comes back: the next edit is kept again. */
  g_unlink (blocker);
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, "140000"));
  g_assert_cmpint (wait_for_copy (id, g_get_monotonic_time () + GIVE_UP_USEC), >, 0);

  ui_test_destroy_window (win);
  g_assert_false (copy_exists (id));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();

  g_test_add_func ("/ui/recovery/edit-writes-copy", test_edit_writes_copy);
  g_test_add_func ("/ui/recovery/save-removes-copy", test_save_removes_copy);
  g_test_add_func ("/ui/recovery/discard-removes-copy", test_discard_and_replace_remove_copy);
  g_test_add_func ("/ui/recovery/crashed-copy-recovered", test_crashed_copy_recovered);
  g_test_add_func ("/ui/recovery/crashed-copy-discarded", test_crashed_copy_discarded);
  g_test_add_func ("/ui/recovery/several-copies", test_several_copies);
  g_test_add_func ("/ui/recovery/offer-goes-with-window", test_offer_goes_with_window);
  g_test_add_func ("/ui/recovery/running-copy-not-offered", test_running_copy_not_offered);
  g_test_add_func ("/ui/recovery/write-failure-warns-once", test_write_failure_warns_once);

  return ui_test_run (app);
}
