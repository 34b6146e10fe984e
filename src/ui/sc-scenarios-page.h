/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_SCENARIOS_PAGE (sc_scenarios_page_get_type ())
G_DECLARE_FINAL_TYPE (ScScenariosPage, sc_scenarios_page, SC, SCENARIOS_PAGE, ScPage)

/*
 * ScScenariosPage: the profile (scenario A) and its scenario B side by
 * side: the `scenarios` chart, each platform's total value, money kept and
 * value tied to the platform in A and B with B − A (as sc_compare_documents()
 * computes them), and the measures whose status differs. It follows both
 * scenarios as they are edited; without a scenario it offers to make one.
 * Its tree is a template (sc-scenarios-page.ui); A is its "document"
 * (construct-only, ScPage), B its "scenario-document" (NULL when there is
 * none), and it follows each one's "result-ready", "modified" and "file".
 */
GtkWidget *sc_scenarios_page_new (ScDocument *document);

G_END_DECLS
