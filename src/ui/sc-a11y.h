/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Work-arounds for names that GTK 4.8 gives controls in the accessibility
 * tree (tests/ui/check-a11y.py walks it and fails on each of these):
 *
 * sc_a11y_set_name(): the inner button of a GtkDropDown or of a
 *   GtkMenuButton that opens a popover (not a menu model) is named after
 *   its class ("GtkToggleButton"); it gets @label, the control's own name.
 * sc_a11y_name_inner_button(): the same for a control that a mnemonic label
 *   names already ("_Chart"): only its inner button gets @label, or the
 *   control would be read "Chart Chart".
 * sc_a11y_fix_mnemonic(): a button with a mnemonic label ("_Open") is named
 *   both by the raw label and by its child label ("_Open Open"); the raw
 *   one goes.
 */
void sc_a11y_set_name       (GtkWidget  *control,
                             const char *label);
void sc_a11y_name_inner_button (GtkWidget  *control,
                                const char *label);
void sc_a11y_fix_mnemonic   (GtkWidget  *button);

G_END_DECLS
