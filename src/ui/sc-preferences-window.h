/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_PREFERENCES_WINDOW (sc_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ScPreferencesWindow, sc_preferences_window, SC, PREFERENCES_WINDOW, AdwPreferencesWindow)

/*
 * ScPreferencesWindow: defaults of the two assumptions for new profiles
 * (GSettings yuan-per-1000-exposures and cost-of-capital) and the style.
 * @settings may be NULL when the schema is not installed: the rows are
 * then insensitive.
 */
GtkWidget *sc_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
