/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-program.h"

G_BEGIN_DECLS

typedef enum
{
  SC_ORIGIN_BUNDLED,       /* shipped in PKGDATADIR/programs (or $SHANGCE_DATA_DIR/programs) */
  SC_ORIGIN_USER,          /* $XDG_DATA_HOME/shangce/programs */
  SC_ORIGIN_COMMAND_LINE,  /* named on the command line or added in the UI */
} ScOrigin;

/**
 * ScCatalog:
 * Every program, baseline and example loaded from any number of files.
 * One bad file never stops the others: its error is kept and the rest load.
 * A higher revision of the same program id supersedes a lower one; the same
 * id and revision from two files is a conflict, reported as an error (the
 * first one loaded stays).
 */
typedef struct _ScCatalog ScCatalog;

/* All files of a catalog together hold at most this many programs (the
 * loader allows SC_LOADER_MAX_PROGRAMS in one file): a file that would
 * pass it is refused whole, with an error naming it. A sanity bound, not a
 * policy number: it keeps loading, a report and a sweep well under a
 * second (tests/bench/bench-scale.c). */
#define SC_CATALOG_MAX_PROGRAMS 10000

ScCatalog        *sc_catalog_new               (void);
void              sc_catalog_free              (ScCatalog *catalog);

/* Loads one file. On failure returns FALSE, sets @error and also keeps a copy in the catalog's errors. */
gboolean          sc_catalog_add_file          (ScCatalog   *catalog,
                                                const char  *path,
                                                ScOrigin     origin,
                                                GError     **error);
/* Loads every *.xml in @dir (sorted by name); a missing dir is not an error. */
void              sc_catalog_add_directory     (ScCatalog   *catalog,
                                                const char  *dir,
                                                ScOrigin     origin);
/* Bundled programs, then the user's directory. */
void              sc_catalog_add_defaults      (ScCatalog   *catalog);

/* Active programs (superseded revisions left out), in a stable order: platform, window start, id. (transfer none) */
GPtrArray        *sc_catalog_get_programs      (ScCatalog   *catalog);
/* Every program including superseded ones (transfer none). */
GPtrArray        *sc_catalog_get_all_programs  (ScCatalog   *catalog);
const ScProgram  *sc_catalog_find_program      (ScCatalog   *catalog,
                                                const char  *id);
gboolean          sc_catalog_is_superseded     (ScCatalog       *catalog,
                                                const ScProgram *program);
ScOrigin          sc_catalog_get_origin        (ScCatalog       *catalog,
                                                const ScProgram *program);
const ScSource   *sc_catalog_find_source       (ScCatalog       *catalog,
                                                const ScProgram *program,
                                                const char      *source_id);
const ScBaseline *sc_catalog_find_baseline     (ScCatalog   *catalog,
                                                const char  *platform);
/* Baselines ordered by platform (transfer none). */
GPtrArray        *sc_catalog_get_baselines     (ScCatalog   *catalog);
/* ScExample* from every file (transfer none). */
GPtrArray        *sc_catalog_get_examples      (ScCatalog   *catalog);
/* GError* with "file:line:col: message" messages (transfer none). */
GPtrArray        *sc_catalog_get_errors        (ScCatalog   *catalog);

/* The directory bundled data is read from: $SHANGCE_DATA_DIR or PKGDATADIR. (transfer none) */
const char       *sc_data_dir                  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCatalog, sc_catalog_free)

G_END_DECLS
