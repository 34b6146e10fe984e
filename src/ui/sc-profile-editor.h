/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-session.h"

G_BEGIN_DECLS

#define SC_TYPE_PROFILE_EDITOR (sc_profile_editor_get_type ())
G_DECLARE_FINAL_TYPE (ScProfileEditor, sc_profile_editor, SC, PROFILE_EDITOR, AdwBin)

/*
 * ScProfileEditor: every field of the merchant profile, grouped (profile,
 * store, sales, operations, factory, violation scenario, assumptions and
 * platform baselines), built from the field table of sc-field.h. Each field
 * can be "not given"; edits go straight into the session's profile.
 */
GtkWidget  *sc_profile_editor_new             (ScSession       *session);

/* Shows the profile's values again after a change made around the editor. */
void       sc_profile_editor_reload (ScProfileEditor *self);

G_END_DECLS
