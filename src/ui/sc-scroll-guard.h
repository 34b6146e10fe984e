/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes the mouse wheel over @control scroll the page it sits in, unless
 * the control holds the keyboard focus: a value then changes only on
 * purpose (typing, the +/− buttons, or the wheel once the control was
 * clicked into). Use it on spin buttons, drop-downs, scales and calendars
 * that live in a scrolled page. */
void sc_scroll_guard_attach (GtkWidget *control);

/* The wheel never changes @control, focused or not: for a GtkCalendar,
 * whose wheel would change the month and with it the date chosen. */
void sc_scroll_guard_block  (GtkWidget *control);

G_END_DECLS
