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

/* Reads and parses @path. Errors name "path:line:col: …". (transfer full) */
xmlDoc   *sc_xml_read_file     (const char   *path,
                                GError      **error);
/* Same for bytes already in memory; @display_name is used in messages. (transfer full) */
xmlDoc   *sc_xml_read_memory   (const char   *data,
                                gsize         length,
                                const char   *display_name,
                                GError      **error);
/* Validates against a RELAX NG schema compiled into the core GResource
 * (e.g. "program.rng"); the first error names path:line:col and what was expected. */
gboolean  sc_xml_validate      (xmlDoc       *doc,
                                const char   *schema_name,
                                const char   *display_name,
                                GError      **error);

/* Line and column (in characters) of the '<' of an element read by
 * sc_xml_read_file/_memory; 0 when unknown. Lines are not capped at 65535. */
guint     sc_xml_node_line     (xmlNode      *node);
guint     sc_xml_node_column   (xmlNode      *node);

/*
 * The problems found in one file, as "file:line:col: message" lines: every
 * problem is counted, the first SC_XML_MAX_PROBLEMS are written out (enough
 * to fix a file in one pass without flooding a terminal), and a last line
 * says when there were more. The schema check and the program loader both
 * report this way.
 */
#define SC_XML_MAX_PROBLEMS 20

typedef struct
{
  const char *display_name;   /* the file as messages name it; not owned */
  GString    *messages;       /* one line per problem, joined by '\n' */
  guint       count;          /* every problem, also those not written out */
  ScError     code;           /* the code of the first problem */
} ScXmlProblems;

/* Starts an empty collection for the file @display_name. */
void      sc_xml_problems_init       (ScXmlProblems  *problems,
                                      const char     *display_name);
/* Adds a problem at the position of @node (see sc_xml_node_line()). */
void      sc_xml_problems_add        (ScXmlProblems  *problems,
                                      xmlNode        *node,
                                      ScError         code,
                                      const char     *format,
                                      ...) G_GNUC_PRINTF (4, 5);
void      sc_xml_problems_add_valist (ScXmlProblems  *problems,
                                      xmlNode        *node,
                                      ScError         code,
                                      const char     *format,
                                      va_list         args) G_GNUC_PRINTF (4, 0);
/* Ends the collection: TRUE when it is empty, else FALSE with @error set
 * to every line (code: the first problem's). Frees the messages. */
gboolean  sc_xml_problems_finish     (ScXmlProblems  *problems,
                                      GError        **error);
/* Ends the collection without reporting it. */
void      sc_xml_problems_clear      (ScXmlProblems  *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

G_END_DECLS
