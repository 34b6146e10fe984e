/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The document flow in a real window (under Xvfb): the unsaved-changes
 * question before closing or opening another profile, the save the user
 * chooses there (to the document's file or through Save As), what happens
 * when that save is cancelled or fails, and files that are not local.
 *
 * The Save As dialog is GTK's own file chooser in this process (there is no
 * desktop portal in a test session): a test fills it in and answers it as
 * the user would.
 */
#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-application.h"
#include "sc-error.h"
#include "sc-main-window.h"
#include "sc-profile-editor.h"
#include "sc-save-changes-dialog.h"
#include "test-util.h"
#include "ui-test.h"

static ScApplication *app;


/* Clicks @button of the "Save Changes?" question of @win ("_Save",
 * "_Discard" or "_Cancel"): the question answers and closes. */
static void
answer_unsaved (ScMainWindow *win,
                const char   *button)
{
  GtkWindow *dialog = ui_test_unsaved_question (win);

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save Changes?");
  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  ui_test_answer (dialog, button);
  /* The answer may have closed the window. */
  if (win != NULL)
    {
      g_assert_null (ui_test_unsaved_question (win));
      g_object_remove_weak_pointer (G_OBJECT (win), (gpointer *) &win);
    }
}

static guint
n_questions_shown (void)
{
  g_autoptr(GPtrArray) shown = shown_toplevels (ADW_TYPE_MESSAGE_DIALOG);

  return shown->len;
}

static const ScProfile *
profile (ScMainWindow *win)
{
  return sc_document_get_profile (ui_test_document (win));
}

static gboolean
modified (ScMainWindow *win)
{
  return sc_document_get_modified (ui_test_document (win));
}

/* Types a monthly GMV into @win's profile editor: the document is modified. */
static void
edit_gmv (ScMainWindow *win,
          const char   *typed)
{
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, typed));
  iterate ();
  g_assert_true (modified (win));
}

static double
gmv_in_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) saved = sc_profile_load (path, &error);

  g_assert_no_error (error);
  return sc_profile_get_number (saved, SC_FIELD_MONTHLY_GMV, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces. */
static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static guint64
inode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_ino;
}

static gboolean
is_open (ScMainWindow *win)
{
  return g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), win) != NULL;
}

/*
 * "Save" in the question before opening another profile, for a document
 * that has a file: the file is replaced in one step (a new file renamed
 * over the old, nothing left beside it) and then the other profile opens.
 */
static void
test_save_then_open (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  g_autofree char *dir = g_dir_make_tmp ("shangce-document-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "client.shangce", NULL);
  g_autofree char *listing = NULL;
  guint64 old_inode;

  ui_test_save (win, dir, "client.shangce");
  g_assert_false (modified (win));
  old_inode = inode (path);
  edit_gmv (win, "234,567");
  g_assert_cmpfloat (gmv_in_file (path), !=, 234567);

  sc_main_window_open_example (win, "individual-apparel");
  iterate ();
  /* Nothing happens before the user answers. */
  g_assert_nonnull (ui_test_unsaved_question (win));
  g_assert_cmpfloat (sc_profile_get_number (profile (win), SC_FIELD_MONTHLY_GMV, 0), ==, 234567);

  answer_unsaved (win, "_Save");
  g_assert_null (save_as_dialog ());
  g_assert_cmpfloat (gmv_in_file (path), ==, 234567);
  g_assert_cmpuint (inode (path), !=, old_inode);
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "client.shangce");

  /* Then what the question held back: the other profile, unmodified. */
  g_assert_cmpstr (profile (win)->name.en, ==, "Individual apparel shop (mostly shelf sales)");
  g_assert_false (modified (win));
  g_assert_null (sc_document_get_file (ui_test_document (win)));

  ui_test_destroy_window (win);
  test_remove_tree (dir);
}

/*
 * "Save" in the question before closing, for a profile never saved: Save
 * As asks where, the profile is written there (with the extension added)
 * and then the window closes.
 */
static void
test_save_as_then_close (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  g_autofree char *dir = g_dir_make_tmp ("shangce-document-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "client.shangce", NULL);
  g_autofree char *listing = NULL;

  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  g_assert_null (sc_document_get_file (ui_test_document (win)));
  edit_gmv (win, "345,678");

  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  answer_unsaved (win, "_Save");
  /* Still open while the user picks a place. */
  g_assert_nonnull (win);
  g_assert_true (is_open (win));

  save_as_into (dir, "client");
  g_assert_cmpfloat (gmv_in_file (path), ==, 345678);
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "client.shangce");
  g_assert_null (win);

  test_remove_tree (dir);
}

/*
 * "Save" in the question, then Cancel in the Save As dialog: nothing is
 * written, the window stays with its unsaved changes, and what the question
 * held back is dropped — a later Save As, in another window or this one,
 * saves and does nothing else.
 */
static void
test_save_as_cancelled (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScMainWindow *other = ui_test_open_window (app);
  g_autofree char *dir = g_dir_make_tmp ("shangce-document-XXXXXX", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere.shangce", NULL);
  g_autofree char *path = g_build_filename (dir, "later.shangce", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.shangce", NULL);
  g_autoptr(GFile) path_file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) example = NULL;
  g_autofree char *listing = NULL;
  GFile *asked_for;

  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  g_object_add_weak_pointer (G_OBJECT (other), (gpointer *) &other);
  /* A profile the user will ask to open while the document has changes. */
  example = sc_profile_load_example ("individual-apparel", &error);
  g_assert_no_error (error);
  g_assert_true (sc_profile_save (example, elsewhere, &error));

  /* Closing: Save, then Cancel where to. */
  edit_gmv (win, "456,789");
  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  answer_unsaved (win, "_Save");
  g_assert_nonnull (save_as_dialog ());
  cancel_save_as ();
  g_assert_nonnull (win);
  g_assert_true (is_open (win));
  g_assert_true (modified (win));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (win)), "•"));
  g_assert_null (sc_document_get_file (ui_test_document (win)));
  g_assert_null (ui_test_unsaved_question (win));

  /* A later Save As in the other window saves there and nothing else. */
  edit_gmv (other, "111,111");
  gtk_widget_activate_action (GTK_WIDGET (other), "win.save-as", NULL);
  iterate ();
  save_as_into (dir, "other.shangce");
  g_assert_nonnull (other);
  g_assert_true (is_open (other));
  g_assert_false (modified (other));
  g_assert_true (g_file_equal (sc_document_get_file (ui_test_document (other)), other_file));
  g_assert_cmpfloat (gmv_in_file (other_path), ==, 111111);

  /* Opening another profile: Save, then Cancel where to. */
  asked_for = g_file_new_for_path (elsewhere);
  g_object_add_weak_pointer (G_OBJECT (asked_for), (gpointer *) &asked_for);
  sc_main_window_open_file (win, asked_for);
  g_object_unref (asked_for);
  iterate ();
  answer_unsaved (win, "_Save");
  cancel_save_as ();
  g_assert_true (modified (win));
  g_assert_cmpfloat (sc_profile_get_number (profile (win), SC_FIELD_MONTHLY_GMV, 0), ==, 456789);

  /* A later Save As in this window: saved, still open, still this profile. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.save-as", NULL);
  iterate ();
  save_as_into (dir, "later");
  g_assert_nonnull (win);
  g_assert_true (is_open (win));
  g_assert_false (modified (win));
  g_assert_true (g_file_equal (sc_document_get_file (ui_test_document (win)), path_file));
  g_assert_cmpfloat (sc_profile_get_number (profile (win), SC_FIELD_MONTHLY_GMV, 0), ==, 456789);
  g_assert_cmpfloat (gmv_in_file (path), ==, 456789);
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "elsewhere.shangce later.shangce other.shangce");

  /* Nothing holds on to the request to open that profile. */
  g_assert_null (asked_for);

  ui_test_destroy_window (other);
  ui_test_destroy_window (win);
  test_remove_tree (dir);
}

/*
 * A second request while the question is shown (two files opened at once
 * from the file manager): still one question, and its answer does what was
 * asked last; the first request is let go of and never done.
 */
static void
test_second_request_while_asking (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  g_autofree char *dir = g_dir_make_tmp ("shangce-document-XXXXXX", NULL);
  g_autofree char *first_path = g_build_filename (dir, "first.shangce", NULL);
  g_autoptr(ScProfile) example = NULL;
  g_autoptr(GError) error = NULL;
  GFile *first;

  example = sc_profile_load_example ("individual-apparel", &error);
  g_assert_no_error (error);
  g_assert_true (sc_profile_save (example, first_path, &error));

  edit_gmv (win, "222,222");
  first = g_file_new_for_path (first_path);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  sc_main_window_open_file (win, first);
  g_object_unref (first);
  iterate ();
  g_assert_nonnull (first);
  g_assert_cmpuint (n_questions_shown (), ==, 1);

  sc_main_window_open_example (win, SC_PROFILE_DEFAULT_EXAMPLE);
  iterate ();
  g_assert_cmpuint (n_questions_shown (), ==, 1);
  g_assert_null (first);

  answer_unsaved (win, "_Discard");
  g_assert_cmpuint (n_questions_shown (), ==, 0);
  g_assert_false (modified (win));
  g_assert_null (sc_document_get_file (ui_test_document (win)));
  g_assert_cmpstr (profile (win)->name.en, ==, "New enterprise apparel store (first sale January 2026)");

  ui_test_destroy_window (win);
  test_remove_tree (dir);
}

/*
 * Profiles are read and written only as local files: a remote one is
 * refused with a message naming it, and the document stays as it was.
 */
static void
test_remote_files_refused (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScSession *session = sc_main_window_get_session (win);
  g_autoptr(GFile) remote = g_file_new_for_uri ("http://shop.example.com/zhang.shangce");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (profile (win)->name.en);

  /* Opening from the recent list, or a remote file handed to the
   * application (the file manager's "Open With"). */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.open-recent", "s",
                              "sftp://shop.example.com/clients/zhang.shangce");
  iterate ();
  g_assert_cmpstr (ui_test_toast (win, "sftp://"), ==,
                   "sftp://shop.example.com/clients/zhang.shangce: only local files can be opened");
  g_assert_cmpstr (profile (win)->name.en, ==, before);
  g_assert_false (modified (win));
  g_assert_null (sc_document_get_file (sc_session_get_document (session)));

  g_application_open (G_APPLICATION (app), &remote, 1, "");
  iterate ();
  g_assert_cmpstr (ui_test_toast (win, "http://"), ==,
                   "http://shop.example.com/zhang.shangce: only local files can be opened");
  g_assert_cmpstr (profile (win)->name.en, ==, before);

  /* Saving: GTK's own chooser offers remote folders only through GVfs,
   * which a test session lacks, so the document the window saves is asked
   * directly. */
  edit_gmv (win, "333,333");
  g_assert_false (sc_document_save (sc_session_get_document (session), remote, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "http://shop.example.com/zhang.shangce: only local files can be saved");
  g_assert_true (modified (win));
  g_assert_null (sc_document_get_file (sc_session_get_document (session)));

  ui_test_destroy_window (win);
}

/*
 * "Save" in the question before closing, and the save fails (the folder of
 * the document's file has gone): the message says why, and the window
 * stays open with its changes; asked again, it asks again.
 */
static void
test_failed_save_keeps_window (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  g_autofree char *dir = g_dir_make_tmp ("shangce-document-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "client.shangce", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  ui_test_save (win, dir, "client.shangce");
  g_assert_true (g_file_equal (sc_document_get_file (ui_test_document (win)), file));
  edit_gmv (win, "444,444");
  test_remove_tree (dir);

  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  answer_unsaved (win, "_Save");
  g_assert_nonnull (win);
  g_assert_true (is_open (win));
  g_assert_nonnull (ui_test_toast (win, "No such file or directory"));
  g_assert_true (modified (win));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  g_assert_nonnull (ui_test_unsaved_question (win));
  answer_unsaved (win, "_Discard");
  g_assert_null (win);
}

/* The number of file choosers shown, whatever they are for. */
static guint
n_file_choosers_shown (void)
{
  g_autoptr(GPtrArray) shown = shown_toplevels (GTK_TYPE_FILE_CHOOSER_DIALOG);

  return shown->len;
}

/*
 * The window is closed (its close button, Alt+F4, Ctrl+Q) while its Save As
 * dialog is shown. The dialog is modal to the window and goes with it: with
 * nothing unsaved the window closes and is freed, and no file is written
 * later; with unsaved changes the Save As is dropped and the question asks
 * first, as for any close.
 */
static void
test_close_during_save_as (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  g_autofree char *dir = g_dir_make_tmp ("shangce-document-XXXXXX", NULL);
  g_autofree char *listing = NULL;

  /* Nothing unsaved: a Save As to make a copy, then the window is closed. */
  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  g_assert_false (modified (win));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.save-as", NULL);
  iterate ();
  g_assert_nonnull (save_as_dialog ());
  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  g_assert_null (save_as_dialog ());
  g_assert_null (win);

  /* Unsaved changes: the Save As goes, and the question takes its place. */
  win = ui_test_open_window (app);
  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  edit_gmv (win, "555,555");
  gtk_widget_activate_action (GTK_WIDGET (win), "win.save-as", NULL);
  iterate ();
  g_assert_nonnull (save_as_dialog ());
  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  g_assert_null (save_as_dialog ());
  g_assert_cmpuint (n_questions_shown (), ==, 1);
  g_assert_true (is_open (win));
  g_assert_true (modified (win));
  answer_unsaved (win, "_Discard");
  g_assert_null (win);
  g_assert_cmpuint (n_file_choosers_shown (), ==, 0);

  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "");
  test_remove_tree (dir);
}

/*
 * Closing, "Save" in the question, and while Save As asks where, the window
 * is closed again: that Save As goes, and the question asks again. Its
 * Cancel keeps the window and the changes; the close asked for before is
 * not done after a later save.
 */
static void
test_close_during_save_as_asked (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  g_autofree char *dir = g_dir_make_tmp ("shangce-document-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "client.shangce", NULL);
  g_autofree char *listing = NULL;

  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  edit_gmv (win, "666,666");
  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  answer_unsaved (win, "_Save");
  g_assert_nonnull (save_as_dialog ());

  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  g_assert_null (save_as_dialog ());
  g_assert_cmpuint (n_questions_shown (), ==, 1);
  g_assert_nonnull (ui_test_unsaved_question (win));
  g_assert_true (is_open (win));
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "");

  answer_unsaved (win, "_Cancel");
  g_assert_nonnull (win);
  g_assert_true (is_open (win));
  g_assert_true (modified (win));
  g_assert_cmpuint (n_file_choosers_shown (), ==, 0);

  /* A later Save As saves, and the window stays. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.save-as", NULL);
  iterate ();
  save_as_into (dir, "client");
  g_assert_cmpfloat (gmv_in_file (path), ==, 666666);
  iterate ();
  g_assert_nonnull (win);
  g_assert_true (is_open (win));
  g_assert_false (modified (win));

  g_object_remove_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  ui_test_destroy_window (win);
  test_remove_tree (dir);
}

/*
 * The window is destroyed (as when the application ends) while one of its
 * file choosers is shown: the chooser goes with it and the window is freed.
 */
static void
test_destroy_during_save_as (void)
{
  const char *actions[] = { "win.save-as", "win.open", "win.add-programs" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      ScMainWindow *win = ui_test_open_window (app);

      g_test_message ("%s", actions[i]);
      g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
      edit_gmv (win, "777,777");
      gtk_widget_activate_action (GTK_WIDGET (win), actions[i], NULL);
      iterate ();
      g_assert_cmpuint (n_file_choosers_shown (), ==, 1);
      ui_test_destroy_window (win);
      g_assert_cmpuint (n_file_choosers_shown (), ==, 0);
      g_assert_null (win);
    }
}

/*
 * The window is destroyed (as when the application ends) while it asks
 * about its unsaved changes: the question goes with it, the window is
 * freed, and nothing is saved.
 */
static void
test_destroy_while_asking (void)
{
  ScMainWindow *win = ui_test_open_window (app);

  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  edit_gmv (win, "888,888");
  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  g_assert_nonnull (ui_test_unsaved_question (win));
  ui_test_destroy_window (win);
  g_assert_null (win);
  g_assert_cmpuint (n_questions_shown (), ==, 0);
}

/* --- the question on its own, for more than one document ---------------- */

typedef struct
{
  GString  *log;        /* "save A", "discard B", … in order */
  gboolean  fail;       /* its save fails */
  char      name;
} Doc;

static void
doc_save (ScSaveChangesDocument *document,
          gpointer               data)
{
  Doc *doc = data;

  g_string_append_printf (doc->log, "save %c;", doc->name);
  sc_save_changes_document_saved (document, !doc->fail);
}

static void
doc_discard (gpointer data)
{
  Doc *doc = data;

  g_string_append_printf (doc->log, "discard %c;", doc->name);
}

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  GError **error = data;

  if (sc_save_changes_dialog_run_finish (result, error))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "went on");
}

/* Runs the question about documents A and B on @win, answered with
 * @button (NULL: @cancel is cancelled instead); what the documents saw is
 * in @log; the answer's error, or G_IO_ERROR_EXISTS when it said go on. */
static GError *
ask_two (ScMainWindow *win,
         GString      *log,
         gboolean      a_fails,
         const char   *button)
{
  Doc a = { log, a_fails, 'A' }, b = { log, FALSE, 'B' };
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_save_changes_document_free);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  GError *answer = NULL;
  GtkWindow *dialog;

  g_ptr_array_add (documents, sc_save_changes_document_new ("A", doc_save, doc_discard, &a, NULL));
  g_ptr_array_add (documents, sc_save_changes_document_new ("B", doc_save, doc_discard, &b, NULL));
  sc_save_changes_dialog_run_async (GTK_WINDOW (win), documents, cancel, run_done, &answer);
  iterate ();
  dialog = ui_test_unsaved_question (win);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "“A”\n“B”"));
  if (button != NULL)
    ui_test_answer (dialog, button);
  else
    {
      g_cancellable_cancel (cancel);
      iterate ();
    }
  g_assert_null (ui_test_unsaved_question (win));
  g_assert_nonnull (answer);
  return answer;
}

/*
 * The question about two documents: "Save All" saves both in order and
 * says go on; a failed save stops there (the next is not saved) and says
 * not to; "Discard All" discards both; Cancel and a cancelled question say
 * cancelled and touch neither.
 */
static void
test_question_two_documents (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  error = ask_two (win, log, FALSE, "_Save All");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpstr (log->str, ==, "save A;save B;");
  g_clear_error (&error);
  g_string_truncate (log, 0);

  error = ask_two (win, log, TRUE, "_Save All");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpstr (log->str, ==, "save A;");
  g_clear_error (&error);
  g_string_truncate (log, 0);

  error = ask_two (win, log, FALSE, "_Discard All");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpstr (log->str, ==, "discard A;discard B;");
  g_clear_error (&error);
  g_string_truncate (log, 0);

  error = ask_two (win, log, FALSE, "_Cancel");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  error = ask_two (win, log, FALSE, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (log->str, ==, "");

  ui_test_destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();

  g_test_add_func ("/ui/document/save-then-open", test_save_then_open);
  g_test_add_func ("/ui/document/save-as-then-close", test_save_as_then_close);
  g_test_add_func ("/ui/document/save-as-cancelled", test_save_as_cancelled);
  g_test_add_func ("/ui/document/second-request-while-asking", test_second_request_while_asking);
  g_test_add_func ("/ui/document/failed-save-keeps-window", test_failed_save_keeps_window);
  g_test_add_func ("/ui/document/remote-files-refused", test_remote_files_refused);
  g_test_add_func ("/ui/document/close-during-save-as", test_close_during_save_as);
  g_test_add_func ("/ui/document/destroy-while-asking", test_destroy_while_asking);
  g_test_add_func ("/ui/document/question-two-documents", test_question_two_documents);
  g_test_add_func ("/ui/document/close-during-save-as-asked", test_close_during_save_as_asked);
  g_test_add_func ("/ui/document/destroy-during-save-as", test_destroy_during_save_as);

  return ui_test_run (app);
}
