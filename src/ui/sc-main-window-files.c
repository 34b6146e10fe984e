/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-main-window-private.h"

#include <glib/gi18n.h>

#include "sc-a11y.h"
#include "sc-chart.h"
#include "sc-client-report.h"
#include "sc-error.h"
#include "sc-export-dialog.h"
#include "sc-file-chooser.h"
#include "sc-help.h"
#include "sc-measures-view.h"
#include "sc-overview-page.h"
#include "sc-profile-editor.h"
#include "sc-programs-view.h"
#include "sc-quick-start.h"
#include "sc-recovery.h"
#include "sc-report.h"
#include "sc-rule-check-view.h"

/* --- the unsaved-changes question ----------------------------------------- */

/* What was to follow the question: run @then when @go_on, and in either
 * case let go of @data. */
static void
continue_or_drop (ScMainWindow   *self,
                  gboolean        go_on,
                  Continuation    then,
                  gpointer        data,
                  GDestroyNotify  destroy)
{
  if (go_on && then != NULL)
    then (self, data);
  if (destroy != NULL && data != NULL)
    destroy (data);
}

/* Ends the wait of what the question held back: runs it when @go_on (the
 * changes were saved or discarded), else drops it (the user cancelled, or
 * the save failed: the window and its changes stay as they are). */
static void
finish_pending (ScMainWindow *self,
                gboolean      go_on)
{
  Pending *pending = g_steal_pointer (&self->pending);

  if (pending == NULL)
    return;
  continue_or_drop (self, go_on, pending->then, pending->data, pending->destroy);
  g_free (pending);
}

void
sc_main_window_drop_question (ScMainWindow *self)
{
  g_autoptr(GCancellable) question = g_steal_pointer (&self->question);

  /* Its answer, still to come, then finds a question no longer asked. */
  if (question != NULL)
    g_cancellable_cancel (question);
  finish_pending (self, FALSE);
}

/* The Save As that "Save" in the question opened, answered. */
static void
question_save_chosen (ScMainWindow *self,
                      GFile        *file)
{
  ScSaveChangesDocument *document = g_steal_pointer (&self->question_save);
  gboolean saved = sc_main_window_save_as_to (self, file);

  if (document != NULL)
    sc_save_changes_document_saved (document, saved);
  /* Dropped now, not when the question's answer comes: a window closed
   * while its Save As was shown asks again at once. */
  if (!saved)
    sc_main_window_drop_question (self);
}

/* "Save" in the question: to the document's file, else through Save As. */
static void
question_save (ScSaveChangesDocument *document,
               gpointer               data)
{
  ScMainWindow *self = data;
  GFile *file = sc_document_get_file (self->document);

  if (file != NULL)
    {
      sc_save_changes_document_saved (document, sc_main_window_save_or_toast (self, file));
      return;
    }
  self->question_save = document;
  sc_main_window_save_as (self, question_save_chosen);
}

static void
question_discard (gpointer data)
{
  ScMainWindow *self = data;

  sc_session_discard_recovery (self->session);
}

/* What the answer of a question comes back to: not a reference to the
 * window, which a reference would keep from closing while it asks. */
typedef struct
{
  GWeakRef      window;
  GCancellable *question;
} Asked;

static void
question_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Asked *asked = data;
  g_autoptr(ScMainWindow) self = g_weak_ref_get (&asked->window);
  g_autoptr(GCancellable) question = asked->question;
  gboolean go_on = sc_save_changes_dialog_run_finish (result, NULL);

  g_weak_ref_clear (&asked->window);
  g_free (asked);
  /* Dropped (the window closed, or the save failed) before this answer. */
  if (self == NULL || question != self->question)
    return;
  g_clear_object (&self->question);
  finish_pending (self, go_on);
}

static void
scenario_discard (gpointer data)
{
  ScSession *scenario = sc_main_window_get_unsaved_scenario (data);

  if (scenario != NULL)
    sc_session_discard_recovery (scenario);
}

gboolean
sc_main_window_has_unsaved (ScMainWindow *self)
{
  return sc_document_get_modified (self->document) || sc_main_window_get_unsaved_scenario (self) != NULL;
}

/* The question about the profile's changes and, with @with_scenario,
 * scenario B's: one question naming every unsaved document. */
static void
confirm (ScMainWindow   *self,
         gboolean        with_scenario,
         Continuation    then,
         gpointer        data,
         GDestroyNotify  destroy)
{
  gboolean asking = self->question != NULL;
  ScSession *scenario = with_scenario ? sc_main_window_get_unsaved_scenario (self) : NULL;
  g_autoptr(GPtrArray) documents = NULL;
  Asked *asked;

  if (!sc_document_get_modified (self->document) && scenario == NULL)
    {
      continue_or_drop (self, TRUE, then, data, destroy);
      return;
    }

  /* One question at a time, about what the user asked for last. */
  finish_pending (self, FALSE);
  self->pending = g_new0 (Pending, 1);
  self->pending->then = then;
  self->pending->data = data;
  self->pending->destroy = destroy;
  if (asking)
    return;

  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_save_changes_document_free);
  if (sc_document_get_modified (self->document))
    {
      g_autofree char *title = sc_document_dup_title (self->document);

      g_ptr_array_add (documents, sc_save_changes_document_new (title, question_save, question_discard,
                                                                self, NULL));
    }
  if (scenario != NULL)
    {
      g_autofree char *title = sc_document_dup_title (sc_session_get_document (scenario));

      g_ptr_array_add (documents, sc_save_changes_document_new (title, sc_main_window_question_save_scenario,
                                                                scenario_discard, self, NULL));
    }
  self->question = g_cancellable_new ();
  asked = g_new0 (Asked, 1);
  g_weak_ref_init (&asked->window, self);
  asked->question = g_object_ref (self->question);
  sc_save_changes_dialog_run_async (GTK_WINDOW (self), documents, self->question, question_done, asked);
}

void
sc_main_window_confirm_discard (ScMainWindow   *self,
                                Continuation    then,
                                gpointer        data,
                                GDestroyNotify  destroy)
{
  confirm (self, FALSE, then, data, destroy);
}

void
sc_main_window_confirm_close (ScMainWindow *self,
                              Continuation  then)
{
  confirm (self, TRUE, then, NULL, NULL);
}

/* --- file dialogs ---------------------------------------------------------- */

struct _FileRequest
{
  /* The window it asks for; NULL once it has been dropped, when its answer
   * (still to come) goes nowhere. */
  ScMainWindow  *self;
  FileCallback   callback;
  gboolean       save;
  GCancellable  *cancellable;
};

static void
file_request_free (FileRequest *req)
{
  g_clear_object (&req->cancellable);
  g_free (req);
}

/* Hands the files chosen in @req (NULL: none, the user cancelled) to its
 * callback: each of them, or for a save also the cancel. The request is
 * over: the window may ask again from inside the callback. */
static void
file_request_answer (FileRequest *req,
                     GListModel  *files)
{
  g_autoptr(ScMainWindow) self = g_object_ref (req->self);
  FileCallback callback = req->callback;
  gboolean save = req->save;
  guint n = files != NULL ? g_list_model_get_n_items (files) : 0;

  g_assert (self->file_request == req);
  self->file_request = NULL;
  file_request_free (req);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      callback (self, file);
    }
  if (n == 0 && save)
    callback (self, NULL);
}

/* Closes the file chooser shown for @self, if any, unanswered: a save that
 * waits on it is dropped, as if the user had cancelled it. So a window that
 * closes takes its chooser with it, and a place chosen later cannot save
 * or open anything for a window that is gone. */
void
sc_main_window_close_file_chooser (ScMainWindow *self)
{
  FileRequest *req = g_steal_pointer (&self->file_request);

  if (req == NULL)
    return;
  /* The chooser answers the cancel later (or now), to a request with no
   * window, which then only frees it. */
  req->self = NULL;
  g_cancellable_cancel (req->cancellable);
  if (req->save)
    req->callback (self, NULL);
}

static GtkFileFilter *
make_filter (FileKind kind)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (kind == FILE_KIND_PROGRAMS)
    {
      gtk_file_filter_set_name (filter, _("Program files"));
      gtk_file_filter_add_suffix (filter, "xml");
    }
  else if (kind == FILE_KIND_PDF)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else if (kind == FILE_KIND_REPORT)
    {
      gtk_file_filter_set_name (filter, _("Reports (text, CSV, JSON or spreadsheet)"));
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "json");
      gtk_file_filter_add_suffix (filter, "xlsx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Merchant profiles"));
      gtk_file_filter_add_mime_type (filter, SC_PROFILE_MIME_TYPE);
      gtk_file_filter_add_suffix (filter, "shangce");
    }
  return filter;
}

static void
file_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  FileRequest *req = data;
  g_autoptr(GListModel) files = sc_file_chooser_run_finish (SC_FILE_CHOOSER (source), result, NULL);

  /* Dropped: the window has gone or asked for another file since. */
  if (req->self == NULL)
    {
      file_request_free (req);
      return;
    }
  file_request_answer (req, files);
}

/* Shows a file chooser for @self, which then calls @callback (see
 * FileCallback). One at a time: one shown already is closed first. */
void
sc_main_window_choose_file (ScMainWindow *self,
                            const char   *title,
                            gboolean      save,
                            FileKind      kind,
                            const char   *initial_name,
                            FileCallback  callback)
{
  g_autoptr(ScFileChooser) chooser = NULL;
  g_autoptr(GtkFileFilter) filter = make_filter (kind);
  FileRequest *req;

  sc_main_window_close_file_chooser (self);
  req = g_new0 (FileRequest, 1);
  req->self = self;
  req->callback = callback;
  req->save = save;
  req->cancellable = g_cancellable_new ();
  self->file_request = req;

  chooser = sc_file_chooser_new (save ? SC_FILE_CHOOSER_SAVE
                                      : kind == FILE_KIND_PROGRAMS ? SC_FILE_CHOOSER_OPEN_MULTIPLE
                                                                   : SC_FILE_CHOOSER_OPEN,
                                 title);
  sc_file_chooser_add_filter (chooser, filter);
  if (initial_name != NULL)
    sc_file_chooser_set_initial_name (chooser, initial_name);
  sc_file_chooser_run_async (chooser, GTK_WINDOW (self), req->cancellable, file_chosen_cb, req);
}
