/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-program.h"

G_BEGIN_DECLS

/* The namespace of program files (docs/program-format.md). */
#define SC_PROGRAM_NS "https://shangce.github.io/ns/program/1"

/*
 * Reads one program file (docs/program-format.md): safe read (sc-xml.h),
 * the RELAX NG schema, then the checks a schema cannot make. On failure the
 * GError (SC_ERROR domain) holds one problem per line, each line
 * "file:line:column: what is wrong and what was expected".
 */

/* Counts one file may hold (SC_ERROR_TOO_LARGE beyond): far above any real
 * file, low enough that a hostile one loads in bounded time. */
#define SC_PROGRAM_READER_MAX_SOURCES    1000
#define SC_PROGRAM_READER_MAX_BASELINES  100
#define SC_PROGRAM_READER_MAX_PROGRAMS   200
#define SC_PROGRAM_READER_MAX_EXAMPLES   500
#define SC_PROGRAM_READER_MAX_MEASURES   500   /* per program */

/* (transfer full) (nullable): NULL and @error set when the file is refused. */
ScProgramFile *sc_program_reader_load_file   (const char  *path,
                                              GError     **error);
/* Same for bytes in memory; @display_name names the file in messages. (transfer full) */
ScProgramFile *sc_program_reader_load_memory (const char  *data,
                                              gsize        length,
                                              const char  *display_name,
                                              GError     **error);

G_END_DECLS
