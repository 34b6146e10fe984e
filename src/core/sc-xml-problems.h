/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "sc-error.h"

G_BEGIN_DECLS

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
/* Adds a problem at @line:@column (both from 1). */
void      sc_xml_problems_add_at     (ScXmlProblems  *problems,
                                      guint           line,
                                      guint           column,
                                      ScError         code,
                                      const char     *format,
                                      ...) G_GNUC_PRINTF (5, 6);
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

G_END_DECLS
