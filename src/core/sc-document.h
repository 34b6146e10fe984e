/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-i18n.h"
#include "sc-profile.h"
#include "sc-range.h"
#include "sc-rule-check.h"

G_BEGIN_DECLS

/*
 * ScDocument: what the command line and a window work on, free of GTK.
 *
 * It owns the program catalog (and which programs are switched off), the
 * merchant profile, the file the profile lives in (its only record: a
 * GFile, NULL for a document never saved), the output language and the
 * evaluation options (date and horizon, which live in the profile).
 *
 * It produces the engine result, the rule check and the sensitivity sweep,
 * each computed on first use and kept until something they depend on
 * changes. Every profile edit goes through a setter here, records an undo
 * step and emits "changed"; nothing else writes ScProfile fields.
 *
 * Signals: "changed" (ScDocumentChange what) after every change, when the
 * computed result is already stale; "result-ready" when
 * sc_document_compute_result() made the result and rule check of the
 * latest state available again (views bind to it and read the getters
 * below); property notifications for "modified", "file", "can-undo",
 * "can-redo" and "lang".
 */

#define SC_TYPE_DOCUMENT (sc_document_get_type ())
G_DECLARE_FINAL_TYPE (ScDocument, sc_document, SC, DOCUMENT, GObject)

/* What a "changed" signal reports. Each invalidates the computed result. */
typedef enum
{
  SC_DOCUMENT_CHANGE_EDIT,      /* one profile field was edited */
  SC_DOCUMENT_CHANGE_PROFILE,   /* the whole profile was replaced (open, new, undo, redo) */
  SC_DOCUMENT_CHANGE_CATALOG,   /* program files were added */
  SC_DOCUMENT_CHANGE_PROGRAMS,  /* programs were switched on or off */
  SC_DOCUMENT_CHANGE_LANG,      /* the output language changed */
} ScDocumentChange;

/* Points of the sensitivity sweep (monthly GMV from a tenth to three times
 * the profile's, never past the field's bound). */
#define SC_DOCUMENT_SWEEP_POINTS 61

/* An empty catalog, a new empty profile, no file, the UI language. (transfer full) */
ScDocument        *sc_document_new                (void);

/* --- programs ---------------------------------------------------------------- */

/* (transfer none) */
ScCatalog         *sc_document_get_catalog        (ScDocument  *self);
/* Loads the bundled and the user's program files. */
void               sc_document_load_default_programs (ScDocument *self);
/* Adds a program file. Errors start with "FILE:LINE:COL: " and are also
 * kept in sc_catalog_get_errors(). */
gboolean           sc_document_add_program_file   (ScDocument  *self,
                                                   const char  *path,
                                                   ScOrigin     origin,
                                                   GError     **error);
gboolean           sc_document_is_program_enabled (ScDocument  *self,
                                                   const char  *program_id);
void               sc_document_set_program_enabled (ScDocument *self,
                                                    const char *program_id,
                                                    gboolean    enabled);
/* NULL-terminated ids switched off. (transfer none) */
const char *const *sc_document_get_disabled       (ScDocument  *self);
/* Replaces the whole list (NULL: none). */
void               sc_document_set_disabled       (ScDocument         *self,
                                                   const char * const *ids);

/* --- the profile and its file ---------------------------------------------- */

/* Read it freely; change it only with the setters below. (transfer none) */
const ScProfile   *sc_document_get_profile        (ScDocument  *self);
/* Makes @profile (transfer full) the document, kept in @file (NULL: never
 * saved, such as a new or example profile). Not modified; no undo history. */
void               sc_document_set_profile        (ScDocument  *self,
                                                   ScProfile   *profile,
                                                   GFile       *file);
/* Loads a profile document and makes it current. Only local files. */
gboolean           sc_document_open               (ScDocument  *self,
                                                   GFile       *file,
                                                   GError     **error);
/* Saves atomically to @file, which becomes the document's file. Keeps the
 * undo history: undoing back to this state makes the document unmodified. */
gboolean           sc_document_save               (ScDocument  *self,
                                                   GFile       *file,
                                                   GError     **error);
/* (transfer none) NULL for a document never saved. */
GFile             *sc_document_get_file           (ScDocument  *self);
/* TRUE when the profile differs from what its file (or, never saved, the
 * document as it was made) holds. */
gboolean           sc_document_get_modified       (ScDocument  *self);
/* Forgets the saved state: the document stays modified until saved (a
 * recovered copy of unsaved edits). */
void               sc_document_mark_unsaved       (ScDocument  *self);
/* Display title: the profile name in the document's language, else the file
 * name, else "Untitled profile". (transfer full) */
char              *sc_document_dup_title          (ScDocument  *self);

ScLang             sc_document_get_lang           (ScDocument  *self);
void               sc_document_set_lang           (ScDocument  *self,
                                                   ScLang       lang);

/* --- edits (each one undoable; the profile is unchanged on error) ----------- */

gboolean           sc_document_set_number         (ScDocument  *self,
                                                   ScField      field,
                                                   double       value,
                                                   GError     **error);
gboolean           sc_document_set_date           (ScDocument  *self,
                                                   ScField      field,
                                                   ScDay        day,
                                                   GError     **error);
gboolean           sc_document_set_choice         (ScDocument  *self,
                                                   ScField      field,
                                                   const char  *choice,
                                                   GError     **error);
gboolean           sc_document_set_bool           (ScDocument  *self,
                                                   ScField      field,
                                                   gboolean     value,
                                                   GError     **error);
void               sc_document_unset              (ScDocument  *self,
                                                   ScField      field);
/* The name in @lang; the other language's name stays. @text may point into
 * the profile itself. */
void               sc_document_set_name           (ScDocument  *self,
                                                   ScLang       lang,
                                                   const char  *text);
/* The profile's free-text notes (those of the document's language when the
 * profile has notes per language); NULL clears. */
void               sc_document_set_notes          (ScDocument  *self,
                                                   const char  *text);
/* The note of @field in @lang; NULL clears. */
void               sc_document_set_note           (ScDocument  *self,
                                                   ScField      field,
                                                   ScLang       lang,
                                                   const char  *text);
/* The evaluation date and horizon (the --as-of and --horizon options). */
gboolean           sc_document_set_as_of          (ScDocument  *self,
                                                   ScDay        as_of,
                                                   GError     **error);
gboolean           sc_document_set_horizon        (ScDocument  *self,
                                                   guint        months,
                                                   GError     **error);
gboolean           sc_document_set_override       (ScDocument  *self,
                                                   const char  *platform,
                                                   ScFee        fee,
                                                   const char  *category,
                                                   double       value,
                                                   GError     **error);
gboolean           sc_document_remove_override    (ScDocument  *self,
                                                   const char  *platform,
                                                   ScFee        fee,
                                                   const char  *category);

/* --- undo and redo ------------------------------------------------------------ */

gboolean           sc_document_can_undo           (ScDocument  *self);
gboolean           sc_document_can_redo           (ScDocument  *self);
/* What undo / redo would change, e.g. "Changed Monthly GMV", in the UI
 * language; NULL when there is nothing. (transfer none) */
const char        *sc_document_get_undo_label     (ScDocument  *self);
const char        *sc_document_get_redo_label     (ScDocument  *self);
/* FALSE when there was nothing to undo / redo. */
gboolean           sc_document_undo               (ScDocument  *self);
gboolean           sc_document_redo               (ScDocument  *self);
/* The next edit starts a new undo step even if it edits the same field as
 * the last one (consecutive edits of one field otherwise join). */
void               sc_document_close_undo_step    (ScDocument  *self);

/* --- what the document produces --------------------------------------------- */

/* Computed on first use after a change. (transfer none) */
const ScResult    *sc_document_get_result         (ScDocument  *self);
const ScRuleCheck *sc_document_get_rule_check     (ScDocument  *self);
/* How sure the result's verdict is (sc_range_analyse() of the result). */
const ScRangeAnalysis *sc_document_get_ranges     (ScDocument  *self);
/* Total value per platform against monthly GMV; NULL when the profile has no
 * usable monthly GMV. (transfer none) */
const ScSweep     *sc_document_get_sweep          (ScDocument  *self);
/* TRUE when the result is up to date (nothing changed since computed). */
gboolean           sc_document_has_result         (ScDocument  *self);
/* Computes the result and rule check where stale, then emits
 * "result-ready". Whoever owns the document decides
 * when: a window after the edits of a frame, so views redraw once per frame
 * however many edits it held. */
void               sc_document_compute_result     (ScDocument  *self);

/* --- the sweep on a worker thread ---------------------------------------------
 *
 * A window must not compute the sweep on its main thread (at the catalog's
 * limits it takes half a second). sc_document_compute_sweep_async() computes
 * it on a worker thread from a private copy of the profile, the programs
 * switched off and the language; the worker reads the document's catalog,
 * which is safe because the catalog is never changed while a job runs
 * (adding program files waits for it first; lookups change nothing). At
 * most one job runs: requests made meanwhile wait for it, and an edit
 * during a job makes its result stale, so when it ends one more job runs
 * for the latest state and every waiting request gets that newer sweep.
 * The sweep is then cached as sc_document_get_sweep()'s.
 */

/* TRUE when sc_document_get_sweep() would answer without computing. */
gboolean           sc_document_has_sweep          (ScDocument          *self);
/* Calls @callback on this thread's main context once the sweep of the
 * document's latest state is cached. */
void               sc_document_compute_sweep_async (ScDocument         *self,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
/* TRUE when sc_document_get_sweep() now answers from the cache (with NULL
 * when the profile has no usable monthly GMV). FALSE with
 * G_IO_ERROR_CANCELLED when @cancellable was cancelled, or when the
 * document changed again before the callback ran (the change's own
 * request gets the newer sweep). */
gboolean           sc_document_compute_sweep_finish (ScDocument        *self,
                                                     GAsyncResult      *result,
                                                     GError           **error);
/* With @background, sc_document_get_sweep() never computes on the calling
 * thread either: it runs (or joins) the worker's job and waits for it. A
 * window sets this; the command line keeps computing in place. */
void               sc_document_set_sweep_in_background (ScDocument     *self,
                                                        gboolean        background);
/* The thread the last sweep was computed on, for tests and debugging: only
 * compared, never used. NULL before the first. */
gconstpointer      sc_document_get_sweep_thread   (ScDocument          *self);

/* The sweep of sc_document_get_sweep() for any catalog and profile, with the
 * programs @disabled (NULL: none) switched off. (transfer full) */
ScSweep           *sc_sweep_over_monthly_gmv      (ScCatalog          *catalog,
                                                   const ScProfile    *profile,
                                                   const char * const *disabled,
                                                   const char         *lang);

G_END_DECLS
