/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "sc-error.h"

G_BEGIN_DECLS

/*
 * Safe reading of untrusted XML, shared by program files and profiles.
 * See PLATFORM-NOTES.md: bytes are read by us with a size cap, any DOCTYPE
 * is refused before it is declared, no entity is ever expanded, no network,
 * no XInclude, line numbers beyond 65535 kept.
 */

#define SC_XML_MAX_BYTES     (8 * 1024 * 1024)
#define SC_XML_MAX_DEPTH     64
#define SC_XML_MAX_ELEMENTS  200000
#define SC_XML_MAX_TEXT      65536
/* Per start tag. libxml2 checks attributes and namespace declarations for
 * duplicates pairwise before any callback of ours runs (80,000 attributes
 * took 15 s), so these are counted in the raw bytes before parsing. No
 * element of a program file or profile has more than a dozen. */
#define SC_XML_MAX_ATTRIBUTES 256
#define SC_XML_MAX_NAMESPACES 32

/* Reads the bytes of @path, refusing a folder or more than SC_XML_MAX_BYTES;
 * NUL-terminated. Errors name "path:1:1: …". (transfer full) */
char     *sc_xml_read_bytes    (const char   *path,
                                gsize        *length,
                                GError      **error);
/* Reads and parses @path. Errors name "path:line:col: …". (transfer full) */
xmlDoc   *sc_xml_read_file     (const char   *path,
                                GError      **error);
/* Same for bytes already in memory; @display_name is used in messages. (transfer full) */
xmlDoc   *sc_xml_read_memory   (const char   *data,
                                gsize         length,
                                const char   *display_name,
                                GError      **error);
/* Line and column (in characters) of the '<' of an element read by
 * sc_xml_read_file/_memory; 0 when unknown. Lines are not capped at 65535. */
guint     sc_xml_node_line     (xmlNode      *node);
guint     sc_xml_node_column   (xmlNode      *node);

/* Sets libxml2 up once for the whole process (no external entity is ever
 * loaded); every entry point of the sc-xml*.c files calls it first. */
void      sc_xml_ensure_init   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
