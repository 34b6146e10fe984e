/* SPDX-License-Identifier: GPL-3.0-or-later */
/* No compiled-in program files: what gen-program-cache links, as it makes them. */

#include "config.h"

#include "sc-program-cache.h"

const guint8 sc_program_cache_blob[1] = { 0 };
const gsize  sc_program_cache_blob_size = 0;
