/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_MEASURES_VIEW (sc_measures_view_get_type ())
G_DECLARE_FINAL_TYPE (ScMeasuresView, sc_measures_view, SC, MEASURES_VIEW, ScPage)

/*
 * ScMeasuresView: every measure of the programs switched on, in a sortable
 * and filterable table: platform, program, measure, status, why, value,
 * value by category, basis and the source sentence. Its tree is a template
 * (sc-measures-view.ui; the columns are added in code); it shows its
 * "document" (construct-only, ScPage) and follows its "result-ready".
 */
GtkWidget  *sc_measures_view_new           (ScDocument     *document);
/* Focuses the search entry. */
void        sc_measures_view_focus_search  (ScMeasuresView *self);

G_END_DECLS
