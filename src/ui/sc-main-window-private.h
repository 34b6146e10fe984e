/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of ScMainWindow share: its struct and the helpers that
 * sc-main-window.c (title, documents, closing, pages),
 * sc-main-window-actions.c (undo, printing, every win.* action),
 * sc-main-window-files.c (the unsaved-changes question; one file chooser
 * at a time, an ScFileChooser) and sc-main-window-scenario.c (scenario B
 * beside the profile) call across. (The crash-recovery offer is the
 * application's: sc-recovery-offer.c.) */
#pragma once

#include <glib/gi18n.h>

#include "sc-main-window.h"
#include "sc-quick-start.h"
#include "sc-recovery.h"
#include "sc-report.h"
#include "sc-save-changes-dialog.h"

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
  ScDocument           *document;        /* the session's (profile A), borrowed */
  GSettings            *settings;
  GtkWidget            *editor;
  GtkWidget            *pages[5];
  AdwBin               *page_bins[5];
  /* What the question, or the save the user chose in it, holds back; NULL
   * when nothing waits. It belongs to this window and this one save. */
  Pending              *pending;
  /* The unsaved-changes question under way (sc-save-changes-dialog.c),
   * NULL when none: cancelling it closes the question. */
  GCancellable         *question;
  /* The document whose Save As the question opened, while it is shown. */
  ScSaveChangesDocument *question_save;
  gboolean              close_confirmed;
  /* The file chooser shown for this window, NULL when none. It is modal to
   * the window and goes with it. */
  FileRequest          *file_request;

  /* template */
  AdwToastOverlay      *toasts;
  AdwViewStack         *stack;
  AdwWindowTitle       *window_title;
  GtkWidget            *open_button;
  GtkWidget            *open_menu_button;
  GtkWidget            *menu_button;
  GtkStack             *editor_stack;    /* "editor" or "quick-start" */
  guint                 content_id;      /* builds the editor and first page after the first frame */
  ScQuickStart         *quick_start;     /* made on the first New */
  AdwToast             *undo_toast;      /* the "Changed X — Undo" shown, or NULL */
  char                 *undo_toasted;    /* the undo label it was shown for */
  GMenu                *examples_section;
  GMenu                *recent_section;

  /* scenario B (sc-main-window-scenario.c) */
  GtkWidget            *scenario_editor;    /* in editor_stack while there is one */
  GtkRevealer          *scenario_bar;       /* the A/B switch above the editor */
  GtkWidget            *scenario_a_button;
  GtkWidget            *scenario_b_button;
  GtkWindow            *scenario_dialog;    /* "Remove Scenario B?" while shown */
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
  { "scenarios", N_("Scenarios"), "view-dual-symbolic", "scenarios" },
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

/* sc-main-window-files.c: the unsaved-changes question. Runs @then now,
 * or after the user chose to save or discard the changes; when they cancel
 * or the save fails, @data is only let go of. A request made while the
 * question (or the save chosen in it) is under way takes the place of the
 * earlier one, which is dropped. */
void     sc_main_window_confirm_discard      (ScMainWindow     *self,
                                              Continuation      then,
                                              gpointer          data,
                                              GDestroyNotify    destroy);
/* The same before the window closes: one question names the profile and
 * an unsaved scenario B together. */
void     sc_main_window_confirm_close        (ScMainWindow     *self,
                                              Continuation      then);
/* Whether closing the window would lose changes (the profile's or
 * scenario B's). */
gboolean sc_main_window_has_unsaved          (ScMainWindow     *self);
/* Closes the question, if any, unanswered; what it held back is dropped. */
void     sc_main_window_drop_question        (ScMainWindow     *self);

/* sc-main-window.c: documents. */
void     sc_main_window_save_as              (ScMainWindow     *self,
                                              FileCallback      chosen);
gboolean sc_main_window_save_or_toast        (ScMainWindow     *self,
                                              GFile            *file);
/* Saves to @file chosen in Save As (NULL: cancelled), with the extension
 * added; a failure becomes a toast. TRUE when saved. */
gboolean sc_main_window_save_as_to           (ScMainWindow     *self,
                                              GFile            *file);
void     sc_main_window_save_as_chosen       (ScMainWindow     *self,
                                              GFile            *file);
void     sc_main_window_program_chosen       (ScMainWindow     *self,
                                              GFile            *file);

/* sc-main-window-actions.c: undo and redo, and the short start. */
void     sc_main_window_update_undo_actions  (ScMainWindow     *self);
void     sc_main_window_document_changed_cb  (ScDocument       *document,
                                              ScDocumentChange  what,
                                              ScMainWindow     *self);
void     sc_main_window_profile_replaced_cb  (ScMainWindow     *self);

/* sc-main-window-actions.c: exports. The report format a file name asks
 * for (.csv, .json, .xlsx; anything else text). */
ScReportFormat sc_main_window_report_format_for (const char *basename);
/* Asks where to export, offering the profile's title with @suffix. */
void     sc_main_window_ask_export           (ScMainWindow     *self,
                                              const char       *title,
                                              FileKind          kind,
                                              const char       *suffix,
                                              FileCallback      chosen);
/* Writes @file with @write and says so in a toast (@saved: a translated
 * message with one "%s" for the file name), or shows why it could not. */
void     sc_main_window_finish_export        (ScMainWindow     *self,
                                              GFile            *file,
                                              gboolean        (*write) (ScMainWindow *, GFile *, GError **),
                                              const char       *saved);

/* sc-main-window-scenario.c: scenario B beside the profile. */
void        sc_main_window_class_add_scenario_actions (GtkWidgetClass *widget_class);
void        sc_main_window_scenario_init             (ScMainWindow   *self);
/* The profile (A) was replaced, undone or redone: A's editor is shown. */
void        sc_main_window_scenario_profile_replaced (ScMainWindow   *self);
/* The document and the editor of the scenario the editor pane shows. (transfer none) */
ScDocument *sc_main_window_get_edited_document       (ScMainWindow   *self);
GtkWidget  *sc_main_window_get_edited_editor         (ScMainWindow   *self);
/* Scenario B, when there is one with unsaved changes. (transfer none) */
ScSession  *sc_main_window_get_unsaved_scenario      (ScMainWindow   *self);
/* "Save" for scenario B in the unsaved-changes question: to its file, else
 * through Save Scenario As; answers @document once. */
void        sc_main_window_question_save_scenario    (ScSaveChangesDocument *document,
                                                      gpointer               data);

G_END_DECLS
