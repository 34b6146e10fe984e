/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-file-chooser.h"

#include <glib/gi18n.h>

struct _ScFileChooser
{
  GObject               parent_instance;

  ScFileChooserMode     mode;
  char                 *title;
  char                 *accept_label;
  char                 *initial_name;
  GListStore           *filters;   /* GtkFileFilter */
  GWeakRef              parent;

  /* The run under way, NULL when none. */
  GTask                *task;
#if !GTK_CHECK_VERSION (4, 10, 0)
  GtkFileChooserNative *native;
  gulong                cancelled_id;
#endif
};

G_DEFINE_FINAL_TYPE (ScFileChooser, sc_file_chooser, G_TYPE_OBJECT)

static void
sc_file_chooser_finalize (GObject *object)
{
  ScFileChooser *self = SC_FILE_CHOOSER (object);

  g_free (self->title);
  g_free (self->accept_label);
  g_free (self->initial_name);
  g_clear_object (&self->filters);
  g_weak_ref_clear (&self->parent);
  G_OBJECT_CLASS (sc_file_chooser_parent_class)->finalize (object);
}

static void
sc_file_chooser_class_init (ScFileChooserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_file_chooser_finalize;
}

static void
sc_file_chooser_init (ScFileChooser *self)
{
  self->filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_weak_ref_init (&self->parent, NULL);
}

ScFileChooser *
sc_file_chooser_new (ScFileChooserMode  mode,
                     const char        *title)
{
  ScFileChooser *self = g_object_new (SC_TYPE_FILE_CHOOSER, NULL);

  self->mode = mode;
  self->title = g_strdup (title);
  return self;
}

void
sc_file_chooser_set_accept_label (ScFileChooser *self,
                                  const char    *label)
{
  g_return_if_fail (SC_IS_FILE_CHOOSER (self));

  g_free (self->accept_label);
  self->accept_label = g_strdup (label);
}

void
sc_file_chooser_add_filter (ScFileChooser *self,
                            GtkFileFilter *filter)
{
  g_return_if_fail (SC_IS_FILE_CHOOSER (self));
  g_return_if_fail (GTK_IS_FILE_FILTER (filter));

  g_list_store_append (self->filters, filter);
}

void
sc_file_chooser_set_initial_name (ScFileChooser *self,
                                  const char    *name)
{
  g_return_if_fail (SC_IS_FILE_CHOOSER (self));

  g_free (self->initial_name);
  self->initial_name = g_strdup (name);
}

/* Answers the run: @files (NULL: the user cancelled, or @error). */
static void
answer (ScFileChooser *self,
        GListModel    *files,
        GError        *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (files != NULL && g_list_model_get_n_items (files) > 0)
    g_task_return_pointer (task, g_object_ref (files), g_object_unref);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
file_dialog_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  g_autoptr(ScFileChooser) self = data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  g_autoptr(GListModel) files = NULL;
  GError *error = NULL;

  if (self->mode == SC_FILE_CHOOSER_OPEN_MULTIPLE)
    files = gtk_file_dialog_open_multiple_finish (dialog, result, &error);
  else
    {
      g_autoptr(GFile) file = self->mode == SC_FILE_CHOOSER_SAVE
                              ? gtk_file_dialog_save_finish (dialog, result, &error)
                              : gtk_file_dialog_open_finish (dialog, result, &error);
      GListStore *store = g_list_store_new (G_TYPE_FILE);

      if (file != NULL)
        g_list_store_append (store, file);
      files = G_LIST_MODEL (store);
    }
  /* GTK says "dismissed" (by the user) or "cancelled" (by the
   * cancellable) where GIO says cancelled. */
  if (error != NULL && (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
                        || g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED)))
    g_clear_error (&error);
  answer (self, files, error);
}

static void
show (ScFileChooser *self,
      GtkWindow     *parent,
      GCancellable  *cancellable)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, self->title);
  if (self->accept_label != NULL)
    gtk_file_dialog_set_accept_label (dialog, self->accept_label);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filters)) > 0)
    {
      g_autoptr(GtkFileFilter) first = g_list_model_get_item (G_LIST_MODEL (self->filters), 0);

      gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (self->filters));
      gtk_file_dialog_set_default_filter (dialog, first);
    }
  if (self->initial_name != NULL)
    gtk_file_dialog_set_initial_name (dialog, self->initial_name);
  switch (self->mode)
    {
    case SC_FILE_CHOOSER_SAVE:
      gtk_file_dialog_save (dialog, parent, cancellable, file_dialog_done, g_object_ref (self));
      break;
    case SC_FILE_CHOOSER_OPEN_MULTIPLE:
      gtk_file_dialog_open_multiple (dialog, parent, cancellable, file_dialog_done, g_object_ref (self));
      break;
    case SC_FILE_CHOOSER_OPEN:
    default:
      gtk_file_dialog_open (dialog, parent, cancellable, file_dialog_done, g_object_ref (self));
      break;
    }
}

#else /* GTK 4.8 */

/* Closes the native dialog, unanswered if it has not answered. */
static void
close_native (ScFileChooser *self)
{
  g_autoptr(GtkFileChooserNative) native = g_steal_pointer (&self->native);
  GCancellable *cancellable = self->task != NULL ? g_task_get_cancellable (self->task) : NULL;

  if (self->cancelled_id != 0)
    g_clear_signal_handler (&self->cancelled_id, cancellable);
  if (native == NULL)
    return;
  g_signal_handlers_disconnect_by_data (native, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
}

static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    ScFileChooser   *self)
{
  g_autoptr(ScFileChooser) keep = g_object_ref (self);
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
  close_native (self);
  answer (self, files, NULL);
}

static void
cancelled_cb (GCancellable  *cancellable,
              ScFileChooser *self)
{
  g_autoptr(ScFileChooser) keep = g_object_ref (self);

  close_native (self);
  answer (self, NULL, NULL);
}

static void
show (ScFileChooser *self,
      GtkWindow     *parent,
      GCancellable  *cancellable)
{
  gboolean save = self->mode == SC_FILE_CHOOSER_SAVE;
  const char *accept = self->accept_label != NULL ? self->accept_label
                                                  : save ? _("_Save") : _("_Open");
  guint n_filters = g_list_model_get_n_items (G_LIST_MODEL (self->filters));

  self->native = gtk_file_chooser_native_new (self->title, parent,
                                              save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                   : GTK_FILE_CHOOSER_ACTION_OPEN,
                                              accept, _("_Cancel"));
  for (guint i = 0; i < n_filters; i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (self->filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->native), filter);
    }
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->native),
                                        self->mode == SC_FILE_CHOOSER_OPEN_MULTIPLE);
  if (save && self->initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->native), self->initial_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->native), TRUE);
  g_signal_connect (self->native, "response", G_CALLBACK (native_response_cb), self);
  if (cancellable != NULL)
    self->cancelled_id = g_signal_connect (cancellable, "cancelled", G_CALLBACK (cancelled_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->native));
}

#endif

void
sc_file_chooser_run_async (ScFileChooser       *self,
                           GtkWindow           *parent,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (SC_IS_FILE_CHOOSER (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, sc_file_chooser_run_async);
  g_weak_ref_set (&self->parent, parent);
  if (g_cancellable_is_cancelled (cancellable))
    {
      answer (self, NULL, NULL);
      return;
    }
  show (self, parent, cancellable);
}

GListModel *
sc_file_chooser_run_finish (ScFileChooser  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (SC_IS_FILE_CHOOSER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GtkWindow *
sc_file_chooser_dup_parent (ScFileChooser *self)
{
  g_return_val_if_fail (SC_IS_FILE_CHOOSER (self), NULL);

  return g_weak_ref_get (&self->parent);
}

GFile *
sc_file_chooser_run_finish_file (ScFileChooser  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_autoptr(GListModel) files = sc_file_chooser_run_finish (self, result, error);

  return files != NULL ? g_list_model_get_item (files, 0) : NULL;
}
