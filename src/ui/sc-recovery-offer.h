/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The application's offer of what a crashed session left: the recovery
 * copies of unsaved changes (sc-recovery.h) that no running window owns.
 * When the application's first main window opens (at start-up, or again
 * after every window was closed) they are offered in it, one question at
 * a time, newest first. "Recover" loads a copy into that window, or into a
 * new one when it holds unsaved changes; "Discard" deletes the copy;
 * Escape keeps it for the next start. Closing the window ends the offer.
 */
typedef struct _ScRecoveryOffer ScRecoveryOffer;

/* Watches @application's windows (not a reference: the application owns
 * the offer). */
ScRecoveryOffer *sc_recovery_offer_new  (GtkApplication  *application);
void             sc_recovery_offer_free (ScRecoveryOffer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRecoveryOffer, sc_recovery_offer_free)

G_END_DECLS
