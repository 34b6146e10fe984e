/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-document.h"

G_BEGIN_DECLS

#define SC_TYPE_QUICK_START (sc_quick_start_get_type ())
G_DECLARE_FINAL_TYPE (ScQuickStart, sc_quick_start, SC, QUICK_START, AdwBin)

/*
 * ScQuickStart: the few questions that decide most of what the programs are
 * worth (name, store type, category, first sale date, monthly GMV, average
 * order value), shown for a new profile before its full editor. It emits
 * "done" with TRUE when the user continues with the answers, FALSE when they
 * chose to see every field instead.
 */
GtkWidget *sc_quick_start_new   (void);

/* Forgets earlier answers: empty name, nothing chosen. */
void       sc_quick_start_reset (ScQuickStart *self);

/* Puts each answer given into @document (each an undoable edit). */
void       sc_quick_start_apply (ScQuickStart *self,
                                 ScDocument   *document);

G_END_DECLS
