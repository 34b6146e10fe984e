/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/*
 * RELAX NG validation with plain explanations: when libxml2's message only
 * says where, the document is walked again with a summary drawn from the
 * schema itself and each problem is worded as what was expected.
 */

/* Validates against a RELAX NG schema compiled into the core GResource
 * (e.g. "program.rng"); the first error names path:line:col and what was expected. */
gboolean  sc_xml_validate      (xmlDoc       *doc,
                                const char   *schema_name,
                                const char   *display_name,
                                GError      **error);

/* When @data is byte for byte a bundled program file this build validated
 * against program.rng, the schema's name, else NULL: sc_xml_read_memory()
 * keeps it in the document's _private, and sc_xml_validate() against that
 * schema then has nothing left to check. */
const char *sc_xml_schema_vouched (const char   *data,
                                   gsize         length);

G_END_DECLS
