/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-document.h"

G_BEGIN_DECLS

#define SC_TYPE_BASELINES_GROUP (sc_baselines_group_get_type ())
G_DECLARE_FINAL_TYPE (ScBaselinesGroup, sc_baselines_group, SC, BASELINES_GROUP, AdwPreferencesGroup)

/*
 * ScBaselinesGroup: the profile editor's "Platform Fees": one expander per
 * platform with its ordinary fees (assumptions, each with its note), where
 * the user may put their own value in place of any one. Edits go through
 * @document.
 */
GtkWidget *sc_baselines_group_new     (ScDocument       *document);
/* Makes the platforms' rows again: after the catalog, the category or the
 * whole profile changed. */
void       sc_baselines_group_rebuild (ScBaselinesGroup *self);

/* The subtitle of an assumption's row, as markup: @note after the word
 * "Assumption" in bold, its badge (a note that starts with the word has it
 * made bold). (transfer full) */
char      *sc_assumption_subtitle     (const char       *note);

G_END_DECLS
