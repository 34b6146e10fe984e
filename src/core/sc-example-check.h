/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"

G_BEGIN_DECLS

/*
 * Checks one example of a program file (sc_catalog_get_examples()): builds
 * its profile, evaluates and compares every expectation. On mismatch returns
 * FALSE with one "origin:line: …" line per failed expectation in @error.
 */
gboolean          sc_engine_check_example   (ScCatalog             *catalog,
                                             const ScExample       *example,
                                             GError               **error);

G_END_DECLS
