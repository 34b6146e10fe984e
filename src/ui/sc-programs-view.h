/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_PROGRAMS_VIEW (sc_programs_view_get_type ())
G_DECLARE_FINAL_TYPE (ScProgramsView, sc_programs_view, SC, PROGRAMS_VIEW, ScPage)

/*
 * ScProgramsView: the loaded programs by platform and year, each with a
 * status badge, a switch to include it, and its window, sources and
 * measures; files that did not load, with file and line. Program files
 * dropped on the page are added; results are reported through the
 * "win.toast" action when the window has one. Its page is a template
 * (sc-programs-view.ui); it shows its "document" (construct-only, ScPage)
 * and rebuilds when the document's catalog changes. The window's session
 * keeps the programs switched off in the settings.
 */
GtkWidget *sc_programs_view_new       (ScDocument     *document);
/* Adds program files as if dropped; returns the number that loaded. */
guint      sc_programs_view_add_files (ScProgramsView *self,
                                       GFile         **files,
                                       guint           n_files);

G_END_DECLS
