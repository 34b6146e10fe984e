/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_RULE_CHECK_VIEW (sc_rule_check_view_get_type ())
G_DECLARE_FINAL_TYPE (ScRuleCheckView, sc_rule_check_view, SC, RULE_CHECK_VIEW, ScPage)

/*
 * ScRuleCheckView: the penalty-relief rules (阻断减免) for the profile's
 * violation scenario — the outcome, each situation with why it holds or
 * not, and what replaces the blocking measure. Its tree is a template
 * (sc-rule-check-view.ui); it shows its "document" (construct-only, ScPage)
 * and follows its "result-ready".
 */
GtkWidget  *sc_rule_check_view_new         (ScDocument      *document);

G_END_DECLS
