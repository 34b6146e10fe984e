/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the profile model (sc-profile.c) and its documents (sc-profile-io.c). */

/* Shortest text that reads back as the same double, never the locale. (transfer full) */
char *sc_profile_format_double (double value);

G_END_DECLS
