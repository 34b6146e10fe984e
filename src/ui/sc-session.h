/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-document.h"

G_BEGIN_DECLS

/*
 * ScSession: the plumbing one window adds around its ScDocument, which
 * holds the catalog, the profile, its file and the programs switched off
 * and computes the result. Everything that shows or edits the document
 * binds to the document itself (its getters, setters, "changed",
 * "result-ready" and property notifications); the session emits nothing
 * of its own but "notify::scenario". What it adds:
 *
 * - the recompute before the next frame: one sc_document_compute_result()
 *   for all the edits of a frame, at an idle priority just above GTK's
 *   redraw, so typing redraws once a frame (this is why it lives in ui:
 *   the frame clock is GTK's; the command line computes on demand);
 * - the crash-recovery copy of unsaved edits, written 2 s after the last
 *   one on a main-loop timer, removed when saved, replaced or closed;
 * - the application's settings: the defaults of a new profile and the
 *   programs switched off, kept for every window to come;
 * - scenario B, a second session whose catalog follows this one's.
 */

#define SC_TYPE_SESSION (sc_session_get_type ())
G_DECLARE_FINAL_TYPE (ScSession, sc_session, SC, SESSION, GObject)

/* A session with an empty catalog and a new profile. (transfer full) */
ScSession         *sc_session_new                 (void);

/* The document this window works on. (transfer none) */
ScDocument        *sc_session_get_document        (ScSession   *self);
/* Replaces the document. @file may be NULL (an unsaved or example profile).
 * Takes @profile (transfer full). Clears the modified flag. */
void               sc_session_set_profile         (ScSession   *self,
                                                   ScProfile   *profile,
                                                   GFile       *file);
/* A new profile with the user's default assumptions and today as evaluation date. (transfer full) */
ScProfile         *sc_session_new_profile         (ScSession   *self);

/* Loads a profile document and makes it current. */
gboolean           sc_session_open                (ScSession   *self,
                                                   GFile       *file,
                                                   GError     **error);
/* Saves the current profile atomically to @file and makes it the document's file. */
gboolean           sc_session_save                (ScSession   *self,
                                                   GFile       *file,
                                                   GError     **error);

/* Recomputes now if a recompute is pending (or always with @force). */
void               sc_session_recompute           (ScSession   *self,
                                                   gboolean     force);
/* Microseconds the last engine run took. */
gint64             sc_session_get_last_compute_usec (ScSession *self);

/*
 * Crash recovery (see sc-recovery.h). The session keeps a copy of unsaved
 * changes under its own id, written about 2 s after the last edit, and
 * removes it when the document is saved, replaced or the session ends.
 */
/* The id of this session's recovery copy. (transfer none) */
const char        *sc_session_get_recovery_id     (ScSession   *self);
/* Writes the recovery copy now if there are unsaved changes; TRUE when one
 * was written. A failure is logged (once until a write succeeds again). */
gboolean           sc_session_write_recovery      (ScSession   *self);
/* Removes this session's recovery copy and any pending write. */
void               sc_session_discard_recovery    (ScSession   *self);
/* Makes a recovered profile the document: takes @profile (transfer full);
 * @file is its original file or NULL. The document stays modified and its
 * copy is written at once under this session's id; TRUE when it was. */
gboolean           sc_session_recover             (ScSession   *self,
                                                   ScProfile   *profile,
                                                   GFile       *file);

/* The application's settings, or NULL when the schema is not installed. (transfer none) */
GSettings         *sc_session_get_settings        (ScSession   *self);

/*
 * Scenario B: a second scenario of the merchant beside this profile (A),
 * compared with it on the Scenarios page. It is a session of its own (its
 * document, file, undo history, recompute and recovery copy), so the
 * profile editor edits it as it edits A; its catalog follows A's: the same
 * program files and the same programs switched off. The "scenario"
 * property notifies when it appears or goes.
 */
/* The scenario session, or NULL when there is none. (transfer none) */
ScSession         *sc_session_get_scenario        (ScSession   *self);
/* Makes scenario B a copy of the current profile named "NAME — scenario B"
 * (in each language the name has), never saved and so modified; replaces
 * the scenario there was. (transfer none) */
ScSession         *sc_session_duplicate_scenario  (ScSession   *self);
/* Makes the profile document @file scenario B, as saved there; replaces
 * the scenario there was. Only local files. */
gboolean           sc_session_open_scenario       (ScSession   *self,
                                                   GFile       *file,
                                                   GError     **error);
/* Back to one profile: the scenario and its recovery copy go. */
void               sc_session_remove_scenario     (ScSession   *self);

G_END_DECLS
