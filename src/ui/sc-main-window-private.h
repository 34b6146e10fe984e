/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of ScMainWindow share: its struct and the helpers that
 * sc-main-window.c (title, documents, closing, pages),
 * sc-main-window-actions.c (undo, printing, every win.* action),
 * sc-main-window-files.c (the file chooser on GTK 4.8 and 4.10) and
 * sc-main-window-recovery.c (the crash-recovery offer) call across. */
#pragma once

#include <glib/gi18n.h>

#include "sc-main-window.h"
#include "sc-quick-start.h"
#include "sc-recovery.h"

G_BEGIN_DECLS

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
  GtkStack             *editor_stack;    /* "editor" or "quick-start" */
  guint                 content_id;      /* builds the editor and first page after the first frame */
  ScQuickStart         *quick_start;     /* made on the first New */
  AdwToast             *undo_toast;      /* the "Changed X — Undo" shown, or NULL */
  char                 *undo_toasted;    /* the undo label it was shown for */
  GMenu                *examples_section;
  GMenu                *recent_section;
};

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

/* sc-main-window-actions.c: installs every win.* action on the class. */
void sc_main_window_class_add_actions (GtkWidgetClass *widget_class);

/* Called with each file chosen; for a save also with NULL when the user
 * cancelled, so that what waits on the save can be dropped. */
typedef void (*FileCallback) (ScMainWindow *self,
                              GFile        *file);

/* sc-main-window-files.c: shows a file chooser for @self, which then calls
 * @callback; one at a time (one shown already is closed first). */
void     sc_main_window_choose_file          (ScMainWindow     *self,
                                              const char       *title,
                                              gboolean          save,
                                              FileKind          kind,
                                              const char       *initial_name,
                                              FileCallback      callback);
void     sc_main_window_close_file_chooser   (ScMainWindow     *self);

/* sc-main-window.c: documents and the unsaved-changes question. */
void     sc_main_window_confirm_discard      (ScMainWindow     *self,
                                              Continuation      then,
                                              gpointer          data,
                                              GDestroyNotify    destroy);
void     sc_main_window_save_as              (ScMainWindow     *self,
                                              FileCallback      chosen);
gboolean sc_main_window_save_or_toast        (ScMainWindow     *self,
                                              GFile            *file);
void     sc_main_window_save_as_chosen       (ScMainWindow     *self,
                                              GFile            *file);
void     sc_main_window_program_chosen       (ScMainWindow     *self,
                                              GFile            *file);

/* sc-main-window-recovery.c */
gboolean sc_main_window_is_first_window      (ScMainWindow     *self);

/* sc-main-window-actions.c: undo and redo, and the short start. */
void     sc_main_window_update_undo_actions  (ScMainWindow     *self);
void     sc_main_window_document_changed_cb  (ScDocument       *document,
                                              ScDocumentChange  what,
                                              ScMainWindow     *self);
void     sc_main_window_profile_replaced_cb  (ScMainWindow     *self);

G_END_DECLS
