/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * ScFileChooser: asks the user for a file to open (one or more) or a place
 * to save, modal to a window, and answers once. The one place that knows
 * both GTK paths: GtkFileDialog from GTK 4.10 on, GtkFileChooserNative on
 * GTK 4.8 (a portal when there is one, else GTK's own dialog).
 *
 * Cancelling the cancellable closes the chooser unanswered; it then answers
 * G_IO_ERROR_CANCELLED, as it does when the user cancels.
 */

typedef enum
{
  SC_FILE_CHOOSER_OPEN,
  SC_FILE_CHOOSER_OPEN_MULTIPLE,
  SC_FILE_CHOOSER_SAVE,
} ScFileChooserMode;

#define SC_TYPE_FILE_CHOOSER (sc_file_chooser_get_type ())
G_DECLARE_FINAL_TYPE (ScFileChooser, sc_file_chooser, SC, FILE_CHOOSER, GObject)

ScFileChooser *sc_file_chooser_new              (ScFileChooserMode     mode,
                                                 const char           *title);
/* The accept button's label; default "_Open" or "_Save". */
void           sc_file_chooser_set_accept_label (ScFileChooser        *self,
                                                 const char           *label);
/* Adds a filter; the first is the one shown first. */
void           sc_file_chooser_add_filter       (ScFileChooser        *self,
                                                 GtkFileFilter        *filter);
/* The name a save offers. */
void           sc_file_chooser_set_initial_name (ScFileChooser        *self,
                                                 const char           *name);

void           sc_file_chooser_run_async        (ScFileChooser        *self,
                                                 GtkWindow            *parent,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* The files chosen (GFile, at least one), or NULL with the error
 * (G_IO_ERROR_CANCELLED when the user cancelled). (transfer full) */
GListModel    *sc_file_chooser_run_finish       (ScFileChooser        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
/* The window the chooser was shown for, or NULL once it has gone: what an
 * answer coming after its window was closed checks. The chooser holds no
 * reference to it (one would keep a window from being disposed, and so
 * from closing its chooser). (transfer full) */
GtkWindow     *sc_file_chooser_dup_parent       (ScFileChooser        *self);
/* Like sc_file_chooser_run_finish(), the first file. (transfer full) */
GFile         *sc_file_chooser_run_finish_file  (ScFileChooser        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
