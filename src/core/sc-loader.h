/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-program.h"

G_BEGIN_DECLS

/*
 * Loads one program file (docs/program-format.md): safe read (sc-xml.h),
 * the RELAX NG schema, then the checks a schema cannot make. On failure the
 * GError (SC_ERROR domain) holds one problem per line, each line
 * "file:line:column: what is wrong and what was expected".
 */

/* Counts one file may hold (SC_ERROR_TOO_LARGE beyond): far above any real
 * file, low enough that a hostile one loads in bounded time. */
#define SC_LOADER_MAX_SOURCES    1000
#define SC_LOADER_MAX_BASELINES  100
#define SC_LOADER_MAX_PROGRAMS   200
#define SC_LOADER_MAX_EXAMPLES   500
#define SC_LOADER_MAX_MEASURES   500   /* per program */

/* (transfer full) (nullable): NULL and @error set when the file is refused. */
ScProgramFile *sc_loader_load_file   (const char  *path,
                                      GError     **error);
/* Same for bytes in memory; @display_name names the file in messages. (transfer full) */
ScProgramFile *sc_loader_load_memory (const char  *data,
                                      gsize        length,
                                      const char  *display_name,
                                      GError     **error);

/* TRUE when @quote states @value in a form people write it: "240元",
 * "2.8万" for 28000, "0.6%" for 0.006, "7折"/"30%" for 0.30, "TOP20",
 * small Chinese numerals ("三天"), and round magnitudes with no count of their
 * own: "亿级" or "破亿" for 1亿, "百亿" for 100亿. @fraction also tries percent
 * and 折 forms. */
gboolean       sc_loader_quote_mentions (const char *quote,
                                         double      value,
                                         gboolean    fraction);

G_END_DECLS
