/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "sc-program.h"
#include "sc-types.h"
#include "sc-xml-problems.h"

G_BEGIN_DECLS

/*
 * Reading elements of a document the safe reader (sc-xml.h) parsed and the
 * schema (sc-xml-schema.h) checked. Program files and profiles both read
 * through these, so each word means one thing in both:
 *
 * - An element is named by its namespace and local name: a reader asks for
 *   the elements of its own format's namespace and sees no other.
 * - White space around a value follows the kind of document, for attributes
 *   and texts alike: SC_XML_TRIM removes it at both ends, for documents
 *   people write by hand and indent (program files); SC_XML_VERBATIM keeps
 *   it, for documents the application writes (profiles), whose notes must
 *   read back as saved and whose values are exact (" 12" is not a horizon).
 * - An attribute is its value; absent is NULL, so absent and empty stay apart.
 * - A text is the element's own text: its text and CDATA children (no entity
 *   is ever expanded).
 * - xml:lang "zh", or "zh-…"/"zh_…" in any case ("zh-CN", "zh_Hans"), is
 *   Chinese; any other value, or none, is English.
 *
 * Helpers that judge a value report to an ScXmlProblems and go on, so that
 * one pass finds every problem of a file (up to SC_XML_MAX_PROBLEMS).
 */

typedef enum
{
  SC_XML_TRIM,
  SC_XML_VERBATIM,
} ScXmlSpace;

gboolean  sc_xml_is_element       (xmlNode        *node,
                                   const char     *ns,
                                   const char     *name);
/* The first child element @ns:@name of @node, or NULL. (transfer none) */
xmlNode  *sc_xml_first_child      (xmlNode        *node,
                                   const char     *ns,
                                   const char     *name);
/* The attribute @name (no namespace); NULL when absent. (transfer full) */
char     *sc_xml_attribute        (xmlNode        *node,
                                   const char     *name,
                                   ScXmlSpace      space);
/* The text of @node; "" when it has none. (transfer full) */
char     *sc_xml_text             (xmlNode        *node,
                                   ScXmlSpace      space);
/* Whether @lang (an xml:lang value, nullable) names Chinese. */
gboolean  sc_xml_lang_is_zh       (const char     *lang);
/* The slot of @text for the language of @node's xml:lang. (transfer none) */
char    **sc_xml_lang_slot        (xmlNode        *node,
                                   ScText         *text);
/* Reads @node's text into the language of its xml:lang in @text; a second
 * text in one language is a problem and the first is kept. */
void      sc_xml_read_lang_text   (ScXmlProblems  *problems,
                                   xmlNode        *node,
                                   ScXmlSpace      space,
                                   ScText         *text);
/* The day in attribute @name (trimmed); SC_DAY_NONE when absent or (with a
 * problem) not a real calendar day. */
ScDay     sc_xml_read_date        (ScXmlProblems  *problems,
                                   xmlNode        *node,
                                   const char     *name);
/* Parses all of @text as a decimal number: digits, sign, dot, exponent,
 * never the locale. FALSE for anything else ("1e", "0x10", " 1"). */
gboolean  sc_xml_parse_number     (const char     *text,
                                   double         *out);
/* @value (nullable) as a number; NAN when absent, NAN and a problem at @node
 * when it is not one. */
double    sc_xml_read_number      (ScXmlProblems  *problems,
                                   xmlNode        *node,
                                   const char     *value);
/* The value of @table named by attribute @name (trimmed), or @fallback when
 * absent or unknown (the schema refuses unknown names). */
guint     sc_xml_read_enum        (xmlNode           *node,
                                   const char        *name,
                                   const ScEnumTable *table,
                                   guint              fallback);

G_END_DECLS
