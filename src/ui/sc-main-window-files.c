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
#include "sc-help.h"
#include "sc-measures-view.h"
#include "sc-overview-page.h"
#include "sc-profile-editor.h"
#include "sc-programs-view.h"
#include "sc-quick-start.h"
#include "sc-recovery.h"
#include "sc-report.h"
#include "sc-rule-check-view.h"

/* --- file dialogs (GtkFileDialog on 4.10+, GtkFileChooserNative on 4.8) -- */


struct _FileRequest
{
  /* The window it asks for; NULL once it has been dropped, when its answer
   * (still to come from GtkFileDialog) goes nowhere. */
  ScMainWindow         *self;
  FileCallback          callback;
  gboolean              save;
  gboolean              multiple;
#if GTK_CHECK_VERSION (4, 10, 0)
  GCancellable         *cancellable;
#else
  GtkFileChooserNative *native;
#endif
};

static void
file_request_free (FileRequest *req)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_clear_object (&req->cancellable);
#else
  if (req->native != NULL)
    {
      g_signal_handlers_disconnect_by_data (req->native, req);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (req->native));
      g_clear_object (&req->native);
    }
#endif
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
  FileCallback callback;
  gboolean save;

  if (req == NULL)
    return;
  callback = req->callback;
  save = req->save;
  req->self = NULL;
#if GTK_CHECK_VERSION (4, 10, 0)
  /* The dialog answers the cancel later (or now), to a request with no
   * window, which then only frees it. */
  g_cancellable_cancel (req->cancellable);
#else
  file_request_free (req);
#endif
  if (save)
    callback (self, NULL);
}

static GListModel *
make_filters (FileKind kind)
{
  GListStore *store = g_list_store_new (GTK_TYPE_FILE_FILTER);
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
  g_list_store_append (store, filter);
  g_object_unref (filter);
  return G_LIST_MODEL (store);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
file_dialog_done (GObject      *source,
                  GAsyncResult *res,
                  gpointer      data)
{
  FileRequest *req = data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  g_autoptr(GListModel) files = NULL;

  if (req->multiple)
    files = gtk_file_dialog_open_multiple_finish (dialog, res, NULL);
  else
    {
      g_autoptr(GFile) file = req->save ? gtk_file_dialog_save_finish (dialog, res, NULL)
                                        : gtk_file_dialog_open_finish (dialog, res, NULL);
      GListStore *store = g_list_store_new (G_TYPE_FILE);

      if (file != NULL)
        g_list_store_append (store, file);
      files = G_LIST_MODEL (store);
    }
  /* Dropped: the window has gone or asked for another file since. */
  if (req->self == NULL)
    {
      file_request_free (req);
      return;
    }
  file_request_answer (req, files);
}
#else
static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    FileRequest     *req)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
  file_request_answer (req, files);
}
#endif

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
  FileRequest *req;
  g_autoptr(GListModel) filters = make_filters (kind);
  gboolean programs = kind == FILE_KIND_PROGRAMS;

  sc_main_window_close_file_chooser (self);
  req = g_new0 (FileRequest, 1);
  req->self = self;
  req->callback = callback;
  req->save = save;
  req->multiple = programs;
  self->file_request = req;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    req->cancellable = g_cancellable_new ();
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_filters (dialog, filters);
    if (initial_name != NULL)
      gtk_file_dialog_set_initial_name (dialog, initial_name);
    if (save)
      gtk_file_dialog_save (dialog, GTK_WINDOW (self), req->cancellable, file_dialog_done, req);
    else if (programs)
      gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), req->cancellable, file_dialog_done, req);
    else
      gtk_file_dialog_open (dialog, GTK_WINDOW (self), req->cancellable, file_dialog_done, req);
  }
#else
  {
    GtkFileFilter *filter = g_list_model_get_item (filters, 0);

    req->native = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                               save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                    : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               save ? _("_Save") : _("_Open"), _("_Cancel"));
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (req->native), filter);
    g_object_unref (filter);
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (req->native), programs);
    if (initial_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (req->native), initial_name);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (req->native), TRUE);
    g_signal_connect (req->native, "response", G_CALLBACK (native_response_cb), req);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (req->native));
  }
#endif
}

