/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-program.h"

G_BEGIN_DECLS

/*
 * The bundled program files as this very build read them, compiled in.
 *
 * At build time gen-program-cache.c loads every bundled file with the real
 * reader (safe parse, schema, every check) and stores each file's exact
 * bytes beside a flat form of the ScProgramFile it made. At run time a
 * file whose bytes are identical to one stored (same length, memcmp) is
 * rebuilt from the flat form, skipping the parse, the schema and the
 * checks that those bytes already passed: 0.3 ms instead of 6 ms for the
 * seven bundled files. Any other bytes, one byte changed, a user's file,
 * go through the real reader as always. The key is the bytes themselves,
 * not a digest of them, and the flat form comes from the same sources as
 * the program it is compiled into, so it can be neither stale nor forged
 * by a colliding file.
 *
 * SHANGCE_NO_PROGRAM_CACHE=1 in the environment turns the cache off (for
 * comparing both paths).
 */

/* The file the real reader made of exactly @data at build time, with @path
 * as its path and origin; NULL when no bundled file had these bytes or the
 * cache is off. (transfer full) (nullable) */
ScProgramFile *sc_program_cache_lookup      (const char          *data,
                                             gsize                length,
                                             const char          *path);

/* The flat form of @file (everything but its path and the origins, which
 * are the path). (transfer full) */
GBytes        *sc_program_cache_serialize   (const ScProgramFile *file);
/* @file back from sc_program_cache_serialize(), @path as its path; NULL
 * when @data is not exactly one whole flat form. (transfer full) (nullable) */
ScProgramFile *sc_program_cache_deserialize (const guint8        *data,
                                             gsize                length,
                                             const char          *path);
/* A deep dump of every field of @file, its path, origins and the source
 * each citation resolved to included: equal dumps, equal files. For tests. (transfer full) */
GBytes        *sc_program_cache_dump        (const ScProgramFile *file);
/* What the walk behind the flat form and the dump passes by in @file: each
 * struct (at its byte offset) with a byte not zero outside every field the
 * walk knows, one per line; NULL when it walks every byte that holds
 * something. For tests: a field forgotten in the walk shows. (transfer full) */
char          *sc_program_cache_unwalked    (const ScProgramFile *file);

/* The build's blob: "SCPCACHE", version, count, then per file the length of
 * its bytes, the length of its flat form, the bytes, the flat form. Defined
 * by the generated sc-program-cache-blob.c (empty in the generator). */
#define SC_PROGRAM_CACHE_MAGIC   "SCPCACHE"
#define SC_PROGRAM_CACHE_VERSION 0x53430001u

extern const guint8 sc_program_cache_blob[];
extern const gsize  sc_program_cache_blob_size;

G_END_DECLS
