/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-main-window.h"

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

typedef void (*Continuation) (ScMainWindow *self,
                              gpointer      data);

/* What the unsaved-changes question holds back (closing the window,
 * opening another profile, …) until the changes are saved or discarded. */
typedef struct
{
  Continuation   then;
  gpointer       data;
  GDestroyNotify destroy;
} Pending;

typedef struct _FileRequest FileRequest;

/* What a file chooser picks: the filter it shows. */
typedef enum
{
  FILE_KIND_PROFILE,
  FILE_KIND_PROGRAMS,  /* one or more */
  FILE_KIND_REPORT,
  FILE_KIND_PDF,
} FileKind;

struct _ScMainWindow
{
  AdwApplicationWindow  parent_instance;

  ScSession            *session;
  GSettings            *settings;
  GtkWidget            *editor;
  GtkWidget            *pages[4];
  AdwBin               *page_bins[4];
  char                 *last_toast;
  GtkWindow            *unsaved_dialog;
  /* What the question, or the save the user chose in it, holds back; NULL
   * when nothing waits. It belongs to this window and this one save. */
  Pending              *pending;
  gboolean              close_confirmed;
  /* The file chooser shown for this window, NULL when none. It is modal to
   * the window and goes with it. */
  FileRequest          *file_request;

  /* crash recovery: what a crashed session left, offered one at a time */
  GPtrArray            *recovery_entries;   /* ScRecoveryEntry*, newest first */
  GtkWindow            *recovery_dialog;
  guint                 recovery_offer_id;

  /* template */
  AdwToastOverlay      *toasts;
  AdwViewStack         *stack;
  AdwWindowTitle       *window_title;
  GtkWidget            *open_button;
  GtkWidget            *open_menu_button;
  GtkWidget            *menu_button;
  AdwBin               *editor_bin;
  GtkStack             *editor_stack;
  AdwToast             *undo_toast;      /* the "Changed X — Undo" shown, or NULL */
  char                 *undo_toasted;    /* the undo label it was shown for */    /* "editor" or "quick-start" */
  ScQuickStart         *quick_start;     /* made on the first New */
  GMenu                *examples_section;
  GMenu                *recent_section;
};

G_DEFINE_FINAL_TYPE (ScMainWindow, sc_main_window, ADW_TYPE_APPLICATION_WINDOW)

static const struct
{
  const char *name;
  const char *title;
  const char *icon;
  const char *help;
} page_info[] = {
  { "overview", N_("Overview"), "view-grid-symbolic", "overview" },
  { "measures", N_("Measures"), "view-list-symbolic", "measures" },
  { "programs", N_("Programs"), "folder-documents-symbolic", "programs" },
  { "rule-check", N_("Rule Check"), "security-high-symbolic", "rule-check" },
};

/* What was to follow a question or a save: run @then when @go_on, and
 * in either case let go of @data. */
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

/* --- title, toasts ----------------------------------------------------- */

static void
update_title (ScMainWindow *self)
{
  g_autofree char *title = sc_session_dup_title (self->session);
  GFile *file = sc_session_get_file (self->session);
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *base = g_file_get_basename (file);
      subtitle = g_strdup (base ? base : path);
    }
  else
    subtitle = g_strdup (_("Not saved"));
  if (sc_session_get_modified (self->session))
    {
      g_autofree char *s = g_strdup_printf ("%s •", subtitle);
      g_free (subtitle);
      subtitle = g_steal_pointer (&s);
    }
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  window_title = g_strdup_printf ("%s%s — %s", sc_session_get_modified (self->session) ? "• " : "",
                                  title, _("Shangce"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
sc_main_window_toast (ScMainWindow *self,
                      const char   *message)
{
  AdwToast *toast;

  g_return_if_fail (SC_IS_MAIN_WINDOW (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  {
    /* Toast titles are markup in libadwaita 1.2; messages quote "<name>". */
    g_autofree char *escaped = g_markup_escape_text (message, -1);
    toast = adw_toast_new (escaped);
  }
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* --- undo and redo --------------------------------------------------------- */

static void
update_undo_actions (ScMainWindow *self)
{
  ScDocument *document = sc_session_get_document (self->session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", sc_document_can_undo (document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", sc_document_can_redo (document));
}

static void
undo_toast_dismissed_cb (AdwToast     *toast,
                         ScMainWindow *self)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

/* After an edit that starts a new undo step, "Changed X" with an Undo
 * button: a slip (a click on the wrong switch) is one click from undone.
 * Typing more into the same field joins its step and shows nothing new. */
static void
offer_undo (ScMainWindow *self)
{
  const char *label = sc_document_get_undo_label (sc_session_get_document (self->session));
  g_autofree char *escaped = NULL;

  if (label == NULL || g_strcmp0 (label, self->undo_toasted) == 0)
    return;
  g_free (self->undo_toasted);
  self->undo_toasted = g_strdup (label);
  escaped = g_markup_escape_text (label, -1);
  /* One toast at a time, retitled for each new step: dismissing one and
   * adding the next while it still animates upsets libadwaita 1.2. */
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, escaped);
      return;
    }
  self->undo_toast = adw_toast_new (escaped);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "win.undo");
  adw_toast_set_timeout (self->undo_toast, 5);
  g_signal_connect_object (self->undo_toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toasts, self->undo_toast);
}

static void
document_changed_cb (ScDocument       *document,
                     ScDocumentChange  what,
                     ScMainWindow     *self)
{
  if (what == SC_DOCUMENT_CHANGE_EDIT)
    offer_undo (self);
  else if (what == SC_DOCUMENT_CHANGE_PROFILE)
    g_clear_pointer (&self->undo_toasted, g_free);
}

static void
action_undo (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  ScDocument *document = sc_session_get_document (self->session);
  g_autofree char *label = g_strdup (sc_document_get_undo_label (document));

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  if (sc_document_undo (document) && label != NULL)
    {
      /* Translators: %s says what was undone, e.g. "Changed Monthly GMV". */
      g_autofree char *message = g_strdup_printf (_("Undone: %s"), label);
      sc_main_window_toast (self, message);
    }
}

static void
action_redo (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  ScDocument *document = sc_session_get_document (self->session);
  g_autofree char *label = g_strdup (sc_document_get_redo_label (document));

  if (sc_document_redo (document) && label != NULL)
    {
      /* Translators: %s says what was redone, e.g. "Changed Monthly GMV". */
      g_autofree char *message = g_strdup_printf (_("Redone: %s"), label);
      sc_main_window_toast (self, message);
    }
}

const char *
sc_main_window_get_last_toast (ScMainWindow *self)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), NULL);
  return self->last_toast;
}

/* --- recent profiles ----------------------------------------------------- */

static void
rebuild_recent (ScMainWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  for (GList *l = items; l != NULL && n < 6; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, SC_PROFILE_EXTENSION) || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
remember (ScMainWindow *self,
          GFile        *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .mime_type = (char *) SC_PROFILE_MIME_TYPE,
    .app_name = (char *) "Shangce",
    .app_exec = (char *) "shangce %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-profile", uri);
}

/* --- unsaved changes --------------------------------------------------- */

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

static void save_pending (ScMainWindow *self);

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ScMainWindow     *self)
{
  self->unsaved_dialog = NULL;
  if (g_str_equal (response, "save"))
    save_pending (self);
  else if (g_str_equal (response, "discard"))
    {
      sc_session_discard_recovery (self->session);
      finish_pending (self, TRUE);
    }
  else
    finish_pending (self, FALSE);
}

/* Runs @then now, or after the user chose to save or discard the changes;
 * when they cancel or the save fails, @data is only let go of. A request
 * made while the question (or the save chosen in it) is under way takes
 * the place of the earlier one, which is dropped: one question at a time,
 * about what the user asked for last. */
static void
confirm_discard (ScMainWindow   *self,
                 Continuation    then,
                 gpointer        data,
                 GDestroyNotify  destroy)
{
  gboolean asking = self->pending != NULL;
  GtkWidget *dialog;
  g_autofree char *title = NULL;

  if (!sc_session_get_modified (self->session))
    {
      continue_or_drop (self, TRUE, then, data, destroy);
      return;
    }

  finish_pending (self, FALSE);
  self->pending = g_new0 (Pending, 1);
  self->pending->then = then;
  self->pending->data = data;
  self->pending->destroy = destroy;
  if (asking)
    return;

  title = sc_session_dup_title (self->session);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes you don’t save are lost."),
                                  title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  self->unsaved_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWindow *
sc_main_window_get_unsaved_dialog (ScMainWindow *self)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), NULL);
  return self->unsaved_dialog;
}

/* --- file dialogs (GtkFileDialog on 4.10+, GtkFileChooserNative on 4.8) -- */

/* Called with each file chosen; for a save also with NULL when the user
 * cancelled, so that what waits on the save can be dropped. */
typedef void (*FileCallback) (ScMainWindow *self,
                              GFile        *file);

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
static void
close_file_chooser (ScMainWindow *self)
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
      gtk_file_filter_set_name (filter, _("Reports (text, CSV or JSON)"));
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "json");
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
static void
choose_file (ScMainWindow *self,
             const char   *title,
             gboolean      save,
             FileKind      kind,
             const char   *initial_name,
             FileCallback  callback)
{
  FileRequest *req;
  g_autoptr(GListModel) filters = make_filters (kind);
  gboolean programs = kind == FILE_KIND_PROGRAMS;

  close_file_chooser (self);
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

/* --- documents ----------------------------------------------------------- */

static void
open_now (ScMainWindow *self,
          gpointer      data)
{
  GFile *file = data;
  g_autoptr(GError) error = NULL;

  if (!sc_session_open (self->session, file, &error))
    {
      sc_main_window_toast (self, error->message);
      return;
    }
  remember (self, file);
  rebuild_recent (self);
}

void
sc_main_window_open_file (ScMainWindow *self,
                          GFile        *file)
{
  g_autofree char *base = NULL;

  g_return_if_fail (SC_IS_MAIN_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  base = g_file_get_basename (file);
  if (base != NULL && g_str_has_suffix (base, ".xml"))
    {
      sc_main_window_add_program_files (self, &file, 1);
      return;
    }
  confirm_discard (self, open_now, g_object_ref (file), g_object_unref);
}

static void
open_example_now (ScMainWindow *self,
                  gpointer      data)
{
  const char *id = data;
  g_autoptr(GError) error = NULL;
  ScProfile *profile = sc_profile_load_example (id, &error);

  if (profile == NULL)
    {
      sc_main_window_toast (self, error->message);
      return;
    }
  /* An example has no file: saving asks where, so the bundled file stays. */
  sc_session_set_profile (self->session, profile, NULL);
}

gboolean
sc_main_window_open_example (ScMainWindow *self,
                             const char   *id)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  confirm_discard (self, open_example_now, g_strdup (id), g_free);
  return TRUE;
}

gboolean
sc_main_window_save_to (ScMainWindow  *self,
                        GFile         *file,
                        GError       **error)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), FALSE);

  if (!sc_session_save (self->session, file, error))
    return FALSE;
  remember (self, file);
  rebuild_recent (self);
  return TRUE;
}

/* Saves to @file; a failure becomes a toast. TRUE when saved. */
static gboolean
save_or_toast (ScMainWindow *self,
               GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (sc_main_window_save_to (self, file, &error))
    return TRUE;
  sc_main_window_toast (self, error->message);
  return FALSE;
}

/* Saves to @file, chosen in the Save As dialog, or NULL when the user
 * cancelled it. TRUE when saved. */
static gboolean
save_as_to (ScMainWindow *self,
            GFile        *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) target = NULL;

  if (file == NULL)
    return FALSE;
  path = g_file_get_path (file);
  /* Keep the extension so the file manager knows the document. */
  if (path != NULL && !g_str_has_suffix (path, SC_PROFILE_EXTENSION))
    {
      g_autofree char *with = g_strconcat (path, SC_PROFILE_EXTENSION, NULL);
      target = g_file_new_for_path (with);
    }
  else
    target = g_object_ref (file);
  return save_or_toast (self, target);
}

static void
save_as_chosen (ScMainWindow *self,
                GFile        *file)
{
  save_as_to (self, file);
}

/* The Save As that "Save" in the unsaved-changes question opened: what the
 * question held back follows only when this save succeeds. */
static void
save_pending_chosen (ScMainWindow *self,
                     GFile        *file)
{
  finish_pending (self, save_as_to (self, file));
}

static void
save_as (ScMainWindow *self,
         FileCallback  chosen)
{
  g_autofree char *title = sc_session_dup_title (self->session);
  g_autofree char *name = g_strconcat (title, SC_PROFILE_EXTENSION, NULL);

  g_strdelimit (name, "/\\:", '-');
  choose_file (self, _("Save Profile"), TRUE, FILE_KIND_PROFILE, name, chosen);
}

/* "Save" in the unsaved-changes question: to the document's file, else
 * through Save As. */
static void
save_pending (ScMainWindow *self)
{
  GFile *file = sc_session_get_file (self->session);

  if (file != NULL)
    finish_pending (self, save_or_toast (self, file));
  else
    save_as (self, save_pending_chosen);
}

/* --- programs -------------------------------------------------------------- */

void
sc_main_window_add_program_files (ScMainWindow  *self,
                                  GFile        **files,
                                  guint          n_files)
{
  g_return_if_fail (SC_IS_MAIN_WINDOW (self));

  sc_programs_view_add_files (SC_PROGRAMS_VIEW (sc_main_window_get_page (self, "programs")),
                              files, n_files);
}

static void
program_chosen (ScMainWindow *self,
                GFile        *file)
{
  sc_main_window_add_program_files (self, &file, 1);
  sc_main_window_show_page (self, "programs");
}

/* --- printing ------------------------------------------------------------ */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              ScMainWindow      *self)
{
  ScOverviewPage *overview = SC_OVERVIEW_PAGE (sc_main_window_get_page (self, "overview"));
  g_autoptr(ScChartModel) model = sc_overview_page_build_model (overview, NULL);

  if (model == NULL)
    return;
  model->dark = FALSE;
  model->show_footnote = TRUE;
  sc_chart_draw (model, gtk_print_context_get_cairo_context (context),
                 gtk_print_context_get_width (context),
                 gtk_print_context_get_height (context));
}

/* --- actions ------------------------------------------------------------- */

static void
quick_start_done_cb (ScMainWindow *self,
                     gboolean      apply)
{
  if (apply)
    {
      sc_quick_start_apply (self->quick_start, sc_session_get_document (self->session));
      sc_profile_editor_reload (SC_PROFILE_EDITOR (self->editor));
    }
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
}

/* Another profile took the place of the new one: its editor shows. */
static void
profile_replaced_cb (ScMainWindow *self)
{
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
}

static void
new_now (ScMainWindow *self,
         gpointer      data)
{
  sc_session_set_profile (self->session, sc_session_new_profile (self->session), NULL);
  /* A new profile starts with the few questions that matter most; the
   * full editor is one click away. */
  if (self->quick_start == NULL)
    {
      self->quick_start = SC_QUICK_START (sc_quick_start_new ());
      g_signal_connect_object (self->quick_start, "done", G_CALLBACK (quick_start_done_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->editor_stack, GTK_WIDGET (self->quick_start), "quick-start");
    }
  sc_quick_start_reset (self->quick_start);
  gtk_stack_set_visible_child_name (self->editor_stack, "quick-start");
}

static void
action_new (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  confirm_discard (SC_MAIN_WINDOW (widget), new_now, NULL, NULL);
}

static void
open_chosen (ScMainWindow *self,
             GFile        *file)
{
  sc_main_window_open_file (self, file);
}

static void
action_open (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  choose_file (SC_MAIN_WINDOW (widget), _("Open Profile"), FALSE, FILE_KIND_PROFILE, NULL, open_chosen);
}

static void
action_open_example (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  sc_main_window_open_example (SC_MAIN_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
action_open_recent (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  sc_main_window_open_file (SC_MAIN_WINDOW (widget), file);
}

static void
action_save (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  GFile *file = sc_session_get_file (self->session);

  if (file != NULL)
    save_or_toast (self, file);
  else
    save_as (self, save_as_chosen);
}

static void
action_save_as (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  save_as (SC_MAIN_WINDOW (widget), save_as_chosen);
}

static void
action_export (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  ScOverviewPage *overview = SC_OVERVIEW_PAGE (sc_main_window_get_page (self, "overview"));
  ScExportDialog *dialog = sc_export_dialog_new (GTK_WINDOW (self), self->session,
                                                 sc_overview_page_get_kind (overview));

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The report's format from the name the user chose: .csv, .json, else text. */
static ScReportFormat
report_format_for (const char *basename)
{
  if (basename != NULL && g_str_has_suffix (basename, ".csv"))
    return SC_REPORT_CSV;
  if (basename != NULL && g_str_has_suffix (basename, ".json"))
    return SC_REPORT_JSON;
  return SC_REPORT_TEXT;
}

gboolean
sc_main_window_export_report (ScMainWindow  *self,
                              GFile         *file,
                              GError       **error)
{
  g_autofree char *basename = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const ScResult *result;

  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  result = sc_session_get_result (self->session);
  if (result == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_VALUE,
                           _("There is no estimate to report yet"));
      return FALSE;
    }
  basename = g_file_get_basename (file);
  bytes = sc_report_build (sc_session_get_catalog (self->session),
                           sc_session_get_profile (self->session),
                           result, report_format_for (basename), sc_lang_current ());
  /* Replaced whole or not at all, keeping an existing file's permissions. */
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL, error);
}

static void
report_chosen (ScMainWindow *self,
               GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (file == NULL)
    return;
  if (!sc_main_window_export_report (self, file, &error))
    {
      sc_main_window_toast (self, error->message);
      return;
    }
  name = g_file_get_basename (file);
  /* Translators: %s is the file name of the report. */
  message = g_strdup_printf (_("Report saved as “%s”"), name);
  sc_main_window_toast (self, message);
}

static void
action_export_report (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  g_autofree char *title = sc_session_dup_title (self->session);
  g_autofree char *initial = g_strconcat (title, ".txt", NULL);

  g_strdelimit (initial, "/\\:", '-');
  choose_file (self, _("Export Report"), TRUE, FILE_KIND_REPORT, initial, report_chosen);
}

gboolean
sc_main_window_export_client_report (ScMainWindow  *self,
                                     GFile         *file,
                                     GError       **error)
{
  ScClientReportOptions options = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *consultant = NULL, *logo = NULL, *layout = NULL;
  const ScResult *result;

  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  result = sc_session_get_result (self->session);
  path = g_file_get_path (file);
  if (result == NULL || path == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_VALUE,
                           result == NULL ? _("There is no estimate to report yet")
                                          : _("Only local files can be saved"));
      return FALSE;
    }
  if (self->settings != NULL)
    {
      consultant = g_settings_get_string (self->settings, "consultant-name");
      logo = g_settings_get_string (self->settings, "consultant-logo");
      layout = g_settings_get_string (self->settings, "client-report-layout");
      sc_client_report_layout_from_string (layout, &options.layout);
    }
  options.consultant = consultant != NULL && *consultant != '\0' ? consultant : NULL;
  options.logo_path = logo != NULL && *logo != '\0' ? logo : NULL;
  options.lang = sc_lang_current ();
  options.date = SC_DAY_NONE;
  return sc_client_report_write (&options, sc_session_get_catalog (self->session),
                                 sc_session_get_profile (self->session), result, path, error);
}

static void
client_report_chosen (ScMainWindow *self,
                      GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (file == NULL)
    return;
  if (!sc_main_window_export_client_report (self, file, &error))
    {
      sc_main_window_toast (self, error->message);
      return;
    }
  name = g_file_get_basename (file);
  /* Translators: %s is the file name of the client report. */
  message = g_strdup_printf (_("Client report saved as “%s”"), name);
  sc_main_window_toast (self, message);
}

static void
action_export_client_report (GtkWidget  *widget,
                             const char *name,
                             GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  g_autofree char *title = sc_session_dup_title (self->session);
  g_autofree char *initial = g_strconcat (title, ".pdf", NULL);

  g_strdelimit (initial, "/\\:", '-');
  choose_file (self, _("Export Client Report"), TRUE, FILE_KIND_PDF, initial, client_report_chosen);
}

static void
action_copy_chart (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  ScOverviewPage *overview = SC_OVERVIEW_PAGE (sc_main_window_get_page (self, "overview"));
  g_autoptr(GdkTexture) texture = sc_chart_view_render_texture (sc_overview_page_get_chart_view (overview));

  if (texture == NULL)
    return;
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  sc_main_window_toast (self, _("Chart copied"));
}

static void
action_print (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Shangce chart"));
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sc_main_window_toast (self, error->message);
}

static void
action_add_programs (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  choose_file (SC_MAIN_WINDOW (widget), _("Add Program Files"), FALSE, FILE_KIND_PROGRAMS, NULL, program_chosen);
}

static void
action_toast (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  sc_main_window_toast (SC_MAIN_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
action_show_page (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  sc_main_window_show_page (SC_MAIN_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
action_search (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);

  sc_main_window_show_page (self, "measures");
  sc_measures_view_focus_search (SC_MEASURES_VIEW (sc_main_window_get_page (self, "measures")));
}

static void
action_help (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  ScMainWindow *self = SC_MAIN_WINDOW (widget);
  const char *page = sc_main_window_get_visible_page (self);
  const char *help = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (page_info); i++)
    if (g_strcmp0 (page, page_info[i].name) == 0)
      help = page_info[i].help;
  sc_help_show (GTK_WINDOW (self), help);
}

/* --- close ------------------------------------------------------------------ */

static gboolean
close_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
close_now (ScMainWindow *self,
           gpointer      data)
{
  self->close_confirmed = TRUE;
  /* Not from inside the dialog's response: closing destroys the dialog too. */
  g_idle_add (close_idle, g_object_ref (self));
}

static void
save_window_state (ScMainWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
sc_main_window_close_request (GtkWindow *window)
{
  ScMainWindow *self = SC_MAIN_WINDOW (window);

  /* Its file chooser goes first: a Save As not yet answered is dropped
   * (with unsaved changes, the question below asks again), and nothing is
   * saved later for a window that has gone. */
  close_file_chooser (self);
  if (!self->close_confirmed && sc_session_get_modified (self->session))
    {
      confirm_discard (self, close_now, NULL, NULL);
      return TRUE;
    }
  save_window_state (self);
  sc_session_discard_recovery (self->session);
  return GTK_WINDOW_CLASS (sc_main_window_parent_class)->close_request (window);
}

/* --- crash recovery ---------------------------------------------------------- */

static void offer_next_recovery (ScMainWindow *self);

static gboolean
offer_recovery_idle (gpointer data)
{
  ScMainWindow *self = data;

  self->recovery_offer_id = 0;
  offer_next_recovery (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_recovery_offer (ScMainWindow *self)
{
  /* From the main loop: after the window is shown and not from inside
   * another dialog's response. */
  if (self->recovery_offer_id == 0)
    self->recovery_offer_id = g_idle_add (offer_recovery_idle, self);
}

/* The window that takes a recovered document: this one while its own
 * document has no unsaved changes (as at start-up), else a new one. */
static ScMainWindow *
recovery_target (ScMainWindow *self)
{
  ScMainWindow *target;

  if (!sc_session_get_modified (self->session))
    return self;
  target = sc_main_window_new (SC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  gtk_window_present (GTK_WINDOW (target));
  return target;
}

static void
recover_entry (ScMainWindow          *self,
               const ScRecoveryEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) discard_error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  ScProfile *profile = sc_recovery_load (entry, &error);
  ScMainWindow *target;

  if (profile == NULL)
    {
      sc_main_window_toast (self, error->message);
      return;
    }
  if (entry->original != NULL)
    file = g_file_new_for_path (entry->original);
  target = recovery_target (self);
  /* The old copy goes only once the window holds its own: a crash right
   * now still leaves one of them. */
  if (sc_session_recover (target->session, profile, file)
      && !sc_recovery_discard (entry->id, &discard_error))
    g_warning ("%s", discard_error->message);

  title = sc_session_dup_title (target->session);
  /* Translators: %s is the profile's name. */
  message = g_strdup_printf (_("Recovered the unsaved changes to “%s”: save the profile to keep them"),
                             title);
  sc_main_window_toast (target, message);
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ScMainWindow     *self)
{
  g_autoptr(ScRecoveryEntry) entry = NULL;

  self->recovery_dialog = NULL;
  if (self->recovery_entries == NULL || self->recovery_entries->len == 0)
    return;
  entry = g_ptr_array_steal_index (self->recovery_entries, 0);

  if (g_str_equal (response, "recover"))
    recover_entry (self, entry);
  else if (g_str_equal (response, "discard"))
    {
      g_autoptr(GError) error = NULL;

      if (!sc_recovery_discard (entry->id, &error))
        sc_main_window_toast (self, error->message);
    }
  /* Otherwise (Escape) the copy stays and is offered at the next start. */
  schedule_recovery_offer (self);
}

static void
offer_next_recovery (ScMainWindow *self)
{
  const ScRecoveryEntry *entry;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint more;

  if (self->recovery_dialog != NULL || self->recovery_entries == NULL
      || self->recovery_entries->len == 0)
    return;
  entry = g_ptr_array_index (self->recovery_entries, 0);
  more = self->recovery_entries->len - 1;

  if (entry->name != NULL && *entry->name != '\0')
    name = g_strdup (entry->name);
  else if (entry->original != NULL)
    name = g_path_get_basename (entry->original);
  else
    name = g_strdup (_("Untitled profile"));
  /* ISO order reads the same in every language the app speaks. */
  when = g_date_time_format (entry->saved, "%Y-%m-%d %H:%M");

  if (entry->original != NULL)
    {
      g_autofree char *file = g_path_get_basename (entry->original);
      /* Translators: “%1$s” is the profile's name, %2$s its file name,
       * %3$s the date and time the copy was written. */
      g_string_append_printf (body, _("Shangce closed before the changes to “%1$s” (%2$s) were saved. A copy from %3$s was kept."),
                              name, file, when);
    }
  else
    /* Translators: “%1$s” is the profile's name, %2$s the date and time
     * the copy was written. */
    g_string_append_printf (body, _("Shangce closed before the new profile “%1$s” was saved. A copy from %2$s was kept."),
                            name, when);
  if (more > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u more copy is offered after this one.",
                                                 "%u more copies are offered after this one.",
                                                 more),
                              more);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Recover Unsaved Changes?"),
                                                       body->str));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  /* Escape decides nothing: the copy is kept for next time. */
  adw_message_dialog_set_close_response (dialog, "later");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  self->recovery_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sc_main_window_offer_recovery (ScMainWindow *self)
{
  GPtrArray *all;

  g_return_if_fail (SC_IS_MAIN_WINDOW (self));

  if (self->recovery_entries != NULL && self->recovery_entries->len > 0)
    return;
  g_clear_pointer (&self->recovery_entries, g_ptr_array_unref);
  all = sc_recovery_list ();
  /* Copies of a running instance's windows are theirs, not left over. */
  for (guint i = all->len; i > 0; i--)
    if (((ScRecoveryEntry *) g_ptr_array_index (all, i - 1))->in_use)
      g_ptr_array_remove_index (all, i - 1);
  self->recovery_entries = all;
  schedule_recovery_offer (self);
}

GtkWindow *
sc_main_window_get_recovery_dialog (ScMainWindow *self)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), NULL);
  return self->recovery_dialog;
}

static gboolean
is_first_window (ScMainWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    if (l->data != (gpointer) self && SC_IS_MAIN_WINDOW (l->data))
      return FALSE;
  return TRUE;
}

/* --- pages ------------------------------------------------------------------ */

static GtkWidget *
ensure_page (ScMainWindow *self,
             guint         i)
{
  /* Pages other than the overview are built when first shown: start-up
   * only pays for what the first frame shows. */
  if (self->pages[i] == NULL)
    {
      switch (i)
        {
        case 0: self->pages[i] = sc_overview_page_new (self->session); break;
        case 1: self->pages[i] = sc_measures_view_new (self->session); break;
        case 2: self->pages[i] = sc_programs_view_new (self->session); break;
        case 3: self->pages[i] = sc_rule_check_view_new (self->session); break;
        default: g_assert_not_reached ();
        }
      adw_bin_set_child (self->page_bins[i], self->pages[i]);
    }
  return self->pages[i];
}

GtkWidget *
sc_main_window_get_page (ScMainWindow *self,
                         const char   *name)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (page_info); i++)
    if (g_strcmp0 (name, page_info[i].name) == 0)
      return ensure_page (self, i);
  return NULL;
}

static void
visible_page_cb (ScMainWindow *self)
{
  sc_main_window_get_page (self, sc_main_window_get_visible_page (self));
}

void
sc_main_window_show_page (ScMainWindow *self,
                          const char   *name)
{
  g_return_if_fail (SC_IS_MAIN_WINDOW (self));

  if (sc_main_window_get_page (self, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
sc_main_window_get_visible_page (ScMainWindow *self)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

GtkWidget *
sc_main_window_get_editor (ScMainWindow *self)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), NULL);
  return self->editor;
}

ScSession *
sc_main_window_get_session (ScMainWindow *self)
{
  g_return_val_if_fail (SC_IS_MAIN_WINDOW (self), NULL);
  return self->session;
}

static void
build_examples_menu (ScMainWindow *self)
{
  g_auto(GStrv) ids = sc_profile_list_examples ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProfile) profile = sc_profile_load_example (ids[i], &error);
      g_autoptr(GMenuItem) item = NULL;

      if (profile == NULL)
        continue;
      item = g_menu_item_new (sc_profile_get_name (profile, sc_lang_current ()), NULL);
      g_menu_item_set_action_and_target (item, "win.open-example", "s", ids[i]);
      g_menu_append_item (self->examples_section, item);
    }
}

/* The last profile, else the default example, else the first, else a new one. */
static void
open_initial_profile (ScMainWindow *self)
{
  g_auto(GStrv) ids = sc_profile_list_examples ();
  const char *example = NULL;

  if (self->settings != NULL)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "last-profile");
      if (uri != NULL && *uri != '\0')
        {
          g_autoptr(GFile) file = g_file_new_for_uri (uri);
          if (g_file_query_exists (file, NULL) && sc_session_open (self->session, file, NULL))
            return;
        }
    }
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], SC_PROFILE_DEFAULT_EXAMPLE))
      example = ids[i];
  if (example == NULL)
    example = ids[0];
  if (example != NULL)
    open_example_now (self, (gpointer) example);
}

static void
sc_main_window_dispose (GObject *object)
{
  ScMainWindow *self = SC_MAIN_WINDOW (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_handle_id (&self->recovery_offer_id, g_source_remove);
  g_clear_pointer (&self->recovery_entries, g_ptr_array_unref);
  /* The question goes with the window, and what it held back is not done
   * for a window that is gone. */
  g_clear_pointer (&self->unsaved_dialog, gtk_window_destroy);
  close_file_chooser (self);
  finish_pending (self, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_MAIN_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->undo_toasted, g_free);

  G_OBJECT_CLASS (sc_main_window_parent_class)->dispose (object);
}

static void
sc_main_window_class_init (ScMainWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sc_main_window_dispose;
  window_class->close_request = sc_main_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sc-main-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, open_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, examples_section);
  gtk_widget_class_bind_template_child (widget_class, ScMainWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-example", "s", action_open_example);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_redo);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, action_export_report);
  gtk_widget_class_install_action (widget_class, "win.export-client-report", NULL, action_export_client_report);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, action_copy_chart);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "win.add-programs", NULL, action_add_programs);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", action_toast);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", action_show_page);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, action_help);

}

/* A menu button's tooltip would be drawn over its open menu (squeezed to
 * one character a line at the screen's edge): no tooltip while it is open. */
static void
menu_popover_visible_cb (GtkWidget  *popover,
                         GParamSpec *pspec,
                         GtkWidget  *button)
{
  gtk_widget_set_has_tooltip (button, !gtk_widget_get_visible (popover));
}

static void
hide_tooltip_while_open (GtkWidget *menu_button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));

  if (popover != NULL)
    g_signal_connect_object (popover, "notify::visible", G_CALLBACK (menu_popover_visible_cb),
                             menu_button, 0);
}

static void
sc_main_window_init (ScMainWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sc_a11y_fix_mnemonic (self->open_button);
  hide_tooltip_while_open (self->open_menu_button);
  hide_tooltip_while_open (self->menu_button);
}

ScMainWindow *
sc_main_window_new (ScApplication *application)
{
  ScMainWindow *self = g_object_new (SC_TYPE_MAIN_WINDOW, "application", application, NULL);
  const char *start_page = g_getenv ("SHANGCE_START_PAGE");

  self->session = sc_session_new ();
  {
    ScDocument *document = sc_session_get_document (self->session);

    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, 0);
    g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
    update_undo_actions (self);
  }
  self->settings = sc_session_get_settings (self->session)
                   ? g_object_ref (sc_session_get_settings (self->session)) : NULL;
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  self->editor = sc_profile_editor_new (self->session);
  self->editor_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->editor_stack, self->editor, "editor");
  adw_bin_set_child (self->editor_bin, GTK_WIDGET (self->editor_stack));
  g_signal_connect_object (self->session, "profile-replaced", G_CALLBACK (profile_replaced_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Merchant profile"), -1);

  for (guint i = 0; i < G_N_ELEMENTS (page_info); i++)
    {
      self->page_bins[i] = ADW_BIN (adw_bin_new ());
      adw_view_stack_add_titled_with_icon (self->stack, GTK_WIDGET (self->page_bins[i]), page_info[i].name,
                                           _(page_info[i].title), page_info[i].icon);
    }
  ensure_page (self, 0);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_page_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->session, "notify::modified", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::file", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "profile-replaced", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "result-changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  sc_session_load_default_programs (self->session);
  build_examples_menu (self);
  rebuild_recent (self);
  open_initial_profile (self);
  /* The first frame shows numbers, not an empty chart. */
  sc_session_recompute (self->session, FALSE);
  update_title (self);

  if (start_page != NULL)
    sc_main_window_show_page (self, start_page);
  /* At start-up, what a crash left behind is offered back. */
  if (is_first_window (self))
    sc_main_window_offer_recovery (self);
  return self;
}
