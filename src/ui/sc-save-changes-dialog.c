/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-save-changes-dialog.h"

#include <glib/gi18n.h>

/* AdwMessageDialog is what libadwaita 1.2 has; from 1.6 on it is deprecated
 * for AdwAlertDialog, which is not a window. The question stays a window
 * (modal to its parent, found among the toplevels) on every version. */
#if ADW_CHECK_VERSION (1, 6, 0)
# define SC_BEGIN_MESSAGE_DIALOG G_GNUC_BEGIN_IGNORE_DEPRECATIONS
# define SC_END_MESSAGE_DIALOG   G_GNUC_END_IGNORE_DEPRECATIONS
#else
# define SC_BEGIN_MESSAGE_DIALOG
# define SC_END_MESSAGE_DIALOG
#endif

struct _ScSaveChangesDocument
{
  char                     *title;
  ScSaveChangesSaveFunc     save;
  ScSaveChangesDiscardFunc  discard;
  gpointer                  data;
  GDestroyNotify            destroy;
  /* The question while this document's save is under way, else NULL. */
  GTask                    *task;
};

ScSaveChangesDocument *
sc_save_changes_document_new (const char               *title,
                              ScSaveChangesSaveFunc     save,
                              ScSaveChangesDiscardFunc  discard,
                              gpointer                  data,
                              GDestroyNotify            destroy)
{
  ScSaveChangesDocument *document;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (save != NULL, NULL);

  document = g_new0 (ScSaveChangesDocument, 1);
  document->title = g_strdup (title);
  document->save = save;
  document->discard = discard;
  document->data = data;
  document->destroy = destroy;
  return document;
}

void
sc_save_changes_document_free (ScSaveChangesDocument *document)
{
  if (document == NULL)
    return;
  g_warn_if_fail (document->task == NULL);
  if (document->destroy != NULL && document->data != NULL)
    document->destroy (document->data);
  g_free (document->title);
  g_free (document);
}

/* One question, from the dialog to its answer. */
typedef struct
{
  GTask        *task;         /* weak: the task owns this */
  GPtrArray    *documents;    /* ScSaveChangesDocument* */
  GtkWindow    *dialog;       /* while shown */
  GCancellable *cancellable;
  gulong        cancelled_id;
  guint         next;         /* the next document to save */
  gboolean      returned;
} Run;

static void
run_free (gpointer data)
{
  Run *run = data;

  g_warn_if_fail (run->dialog == NULL);
  g_clear_pointer (&run->documents, g_ptr_array_unref);
  g_clear_object (&run->cancellable);
  g_free (run);
}

/* Gives the answer, once: closes the dialog if it is still shown and lets
 * go of the reference the question held. */
static void
run_return (Run    *run,
            GError *error)
{
  GTask *task = run->task;

  if (run->returned)
    {
      g_clear_error (&error);
      return;
    }
  run->returned = TRUE;
  if (run->cancelled_id != 0)
    g_clear_signal_handler (&run->cancelled_id, run->cancellable);
  if (run->dialog != NULL)
    {
      GtkWindow *dialog = g_steal_pointer (&run->dialog);

      g_signal_handlers_disconnect_by_data (dialog, run);
      gtk_window_destroy (dialog);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

/* Saves the documents one after another: a Save As of one is answered
 * before the next asks. */
static void
save_next (Run *run)
{
  ScSaveChangesDocument *document;

  if (run->returned)
    return;
  if (run->next == run->documents->len)
    {
      run_return (run, NULL);
      return;
    }
  document = g_ptr_array_index (run->documents, run->next++);
  document->task = g_object_ref (run->task);
  document->save (document, document->data);
}

void
sc_save_changes_document_saved (ScSaveChangesDocument *document,
                                gboolean               saved)
{
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (document != NULL);
  g_return_if_fail (document->task != NULL);

  task = g_steal_pointer (&document->task);
  run = g_task_get_task_data (task);
  if (saved)
    save_next (run);
  else
    run_return (run, g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "“%s” was not saved",
                                  document->title));
}

static void
response_cb (GtkWindow  *dialog,
             const char *response,
             Run        *run)
{
  /* The dialog closes itself after its answer. */
  g_signal_handlers_disconnect_by_data (dialog, run);
  run->dialog = NULL;
  if (g_str_equal (response, "save"))
    save_next (run);
  else if (g_str_equal (response, "discard"))
    {
      for (guint i = 0; i < run->documents->len; i++)
        {
          ScSaveChangesDocument *document = g_ptr_array_index (run->documents, i);

          if (document->discard != NULL)
            document->discard (document->data);
        }
      run_return (run, NULL);
    }
  else
    run_return (run, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
}

static void
cancelled_cb (GCancellable *cancellable,
              Run          *run)
{
  run_return (run, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
}

static GtkWindow *
make_dialog (GtkWindow *parent,
             GPtrArray *documents)
{
  GtkWidget *dialog;
  guint n = documents->len;

  SC_BEGIN_MESSAGE_DIALOG
  dialog = adw_message_dialog_new (parent, _("Save Changes?"), NULL);
  if (n == 1)
    {
      const ScSaveChangesDocument *document = g_ptr_array_index (documents, 0);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” has unsaved changes. Changes you don’t save are lost."),
                                      document->title);
    }
  else
    {
      g_autoptr(GString) body = g_string_new (_("These documents have unsaved changes. Changes you don’t save are lost."));

      g_string_append_c (body, '\n');
      for (guint i = 0; i < n; i++)
        {
          const ScSaveChangesDocument *document = g_ptr_array_index (documents, i);

          g_string_append_printf (body, "\n“%s”", document->title);
        }
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", n == 1 ? _("_Discard") : _("_Discard All"),
                                    "save", n == 1 ? _("_Save") : _("_Save All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  SC_END_MESSAGE_DIALOG
  return GTK_WINDOW (dialog);
}

void
sc_save_changes_dialog_run_async (GtkWindow           *parent,
                                  GPtrArray           *documents,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  Run *run;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (documents != NULL && documents->len > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* No source object: a reference to @parent would keep it from being
   * disposed (and the question from closing with it) while it asks. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_save_changes_dialog_run_async);
  run = g_new0 (Run, 1);
  run->task = task;
  run->documents = g_ptr_array_ref (documents);
  g_task_set_task_data (task, run, run_free);

  if (cancellable != NULL)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          run_return (run, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
          return;
        }
      run->cancellable = g_object_ref (cancellable);
      run->cancelled_id = g_signal_connect (cancellable, "cancelled", G_CALLBACK (cancelled_cb), run);
    }

  run->dialog = make_dialog (parent, documents);
  g_signal_connect (run->dialog, "response", G_CALLBACK (response_cb), run);
  gtk_window_present (run->dialog);
}

gboolean
sc_save_changes_dialog_run_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_save_changes_dialog_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
