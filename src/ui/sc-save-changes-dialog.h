/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * The unsaved-changes question: "Save Changes?" for one or more documents
 * with Cancel, Discard and Save. The caller says what each document is
 * called and how it is saved and discarded; the question answers once,
 * through sc_save_changes_dialog_run_finish():
 *
 * - TRUE: every document was saved, or the user chose to discard them;
 *   what waited on the question may go on.
 * - FALSE with G_IO_ERROR_CANCELLED: the user cancelled, or @cancellable
 *   was cancelled (the question then closes unanswered).
 * - FALSE with G_IO_ERROR_FAILED: a save failed or was cancelled (the save
 *   itself tells the user why); the documents after it were not saved.
 */

/* One document the question names. */
typedef struct _ScSaveChangesDocument ScSaveChangesDocument;

/* Saves @document's changes, now or later (a Save As may ask where first),
 * then calls sc_save_changes_document_saved() once. */
typedef void (*ScSaveChangesSaveFunc)    (ScSaveChangesDocument *document,
                                          gpointer               data);
/* Lets go of what the document kept of its changes (such as a recovery
 * copy) when the user discards them. */
typedef void (*ScSaveChangesDiscardFunc) (gpointer               data);

/* @title is the name shown; @save is called for "Save", @discard (may be
 * NULL) for "Discard"; @destroy frees @data with the document. */
ScSaveChangesDocument *sc_save_changes_document_new   (const char               *title,
                                                       ScSaveChangesSaveFunc     save,
                                                       ScSaveChangesDiscardFunc  discard,
                                                       gpointer                  data,
                                                       GDestroyNotify            destroy);
void                   sc_save_changes_document_free  (ScSaveChangesDocument    *document);
/* What the save of @document came to: TRUE when the changes were written.
 * Called once for each save asked for, also after the question has been
 * cancelled. */
void                   sc_save_changes_document_saved (ScSaveChangesDocument    *document,
                                                       gboolean                  saved);

/* Asks about @documents (ScSaveChangesDocument*, at least one; the
 * question takes a reference to the array and frees the documents with
 * it), modal to @parent. */
void     sc_save_changes_dialog_run_async  (GtkWindow            *parent,
                                            GPtrArray            *documents,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean sc_save_changes_dialog_run_finish (GAsyncResult         *result,
                                            GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSaveChangesDocument, sc_save_changes_document_free)

G_END_DECLS
