/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-document.h"

G_BEGIN_DECLS

#define SC_TYPE_PROFILE_EDITOR (sc_profile_editor_get_type ())
G_DECLARE_FINAL_TYPE (ScProfileEditor, sc_profile_editor, SC, PROFILE_EDITOR, AdwBin)

/*
 * ScProfileEditor: every field of the merchant profile, grouped (profile,
 * store, sales, operations, factory, violation scenario, assumptions and
 * platform baselines), built from the field table of sc-field.h. Each field
 * can be "not given"; edits go straight into @document's profile (through
 * its setters), and the fields follow its "changed" (another profile, an
 * undo or redo, program files added).
 */
GtkWidget  *sc_profile_editor_new             (ScDocument      *document);

/* Shows the profile's values again after a change made around the editor. */
void       sc_profile_editor_reload (ScProfileEditor *self);

G_END_DECLS
