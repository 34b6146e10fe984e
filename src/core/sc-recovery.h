/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-profile.h"

G_BEGIN_DECLS

/*
 * Recovery copies of unsaved profile edits, so that a crash or a power cut
 * never costs the user their work.
 *
 * Each open document gets an id (sc_recovery_new_id()) for the life of the
 * window. While it has unsaved changes the application saves a copy now and
 * then (say 2 s after the last edit) with sc_recovery_save(); after a
 * successful save to the real file, or when the user discards the changes,
 * it calls sc_recovery_discard(). At start-up sc_recovery_list() gives what
 * a crashed session left behind, to offer it back.
 *
 * Files: $XDG_STATE_HOME/shangce/recovery/ID.shangce (an ordinary profile
 * document, written atomically), ID.ini (where the document was saved,
 * which process wrote it) and ID.lock, on which the writing process holds
 * an flock from its first save until it discards the copy or ends: a copy
 * whose lock is free was left by a crash, even inside a PID namespace. Both are written with a temporary file, fsync
 * and rename, so a kill at any moment leaves the previous copy whole.
 */

#define SC_RECOVERY_ID_MAX 64

/**
 * ScRecoveryEntry:
 * @id: the document id the copy was saved under
 * @path: the recovery copy (a profile document)
 * @original: the file the document was loaded from or last saved to, or
 *   NULL for a document never saved
 * @name: the profile's name in the UI language
 * @saved: when the copy was written (local time)
 * @in_use: a window of a running process owns it (it holds the flock on
 *   ID.lock; for copies of older versions without one, the process that
 *   wrote it is still running): do not offer it
 */
typedef struct
{
  char       *id;
  char       *path;
  char       *original;
  char       *name;
  GDateTime  *saved;
  gboolean    in_use;
} ScRecoveryEntry;

void              sc_recovery_entry_free (ScRecoveryEntry  *entry);

/* $XDG_STATE_HOME/shangce/recovery (not created). (transfer full) */
char             *sc_recovery_dir        (void);

/* A new random id, safe as a file name. (transfer full) */
char             *sc_recovery_new_id     (void);

/* TRUE when @id is 1–SC_RECOVERY_ID_MAX of [A-Za-z0-9_-]: ids never name
 * a path outside the recovery folder. */
gboolean          sc_recovery_id_is_valid (const char      *id);

/*
 * Writes a recovery copy of @profile under @id, replacing the previous copy
 * atomically; creates the folder (mode 0700). @original is the document's
 * file (NULL: never saved), kept as the entry's original. Fails with
 * SC_ERROR_IO or SC_ERROR_USAGE (bad id).
 */
gboolean          sc_recovery_save       (const ScProfile  *profile,
                                          const char       *original,
                                          const char       *id,
                                          GError          **error);

/*
 * Every recovery copy left, newest first (ScRecoveryEntry*). Copies that
 * do not load are skipped (they would offer nothing); stray temporary
 * files older than a minute are removed. A missing folder is an empty
 * list. (transfer full)
 */
GPtrArray        *sc_recovery_list       (void);

/* Loads a copy. Its document's file is @entry->original (or none), so
 * "Save" writes where the user meant. (transfer full) */
ScProfile        *sc_recovery_load       (const ScRecoveryEntry *entry,
                                          GError               **error);

/* Lets go of the lock this process holds on the copy of @id, leaving the
 * copy: from now on it is offered as a crashed session's would be. */
void              sc_recovery_release    (const char       *id);
/* Removes the copy of @id, its metadata and lock. A missing copy is not an error. */
gboolean          sc_recovery_discard    (const char       *id,
                                          GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRecoveryEntry, sc_recovery_entry_free)

G_END_DECLS
