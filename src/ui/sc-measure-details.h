/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-measure-item.h"

G_BEGIN_DECLS

#define SC_TYPE_MEASURE_DETAILS (sc_measure_details_get_type ())
G_DECLARE_FINAL_TYPE (ScMeasureDetails, sc_measure_details, SC, MEASURE_DETAILS, AdwWindow)

/*
 * ScMeasureDetails: everything known about one measure, in full: title,
 * program and platform, summary, status and why, value and value by
 * category, the basis of each number, the quoted source sentence and the
 * source with a link. Its Copy button (action details.copy, Ctrl+C) puts
 * the whole text on the clipboard.
 */
ScMeasureDetails *sc_measure_details_new      (GtkWindow        *parent,
                                               ScMeasureItem    *item);
/* The whole text the Copy button copies. (transfer full) */
char             *sc_measure_details_dup_text (ScMeasureDetails *self);

G_END_DECLS
