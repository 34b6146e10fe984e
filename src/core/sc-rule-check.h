/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-profile.h"

G_BEGIN_DECLS

/*
 * The penalty-relief rule check (阻断减免): for the profile's violation
 * scenario, which situation of which rule applies, what replaces what, or
 * why relief is not available. The rules are program measures with a
 * rule-outcome effect; their eligibility (thresholds included) comes from
 * the data, never from C.
 */

typedef enum
{
  SC_RELIEF_NO_SCENARIO,     /* the profile has no violation (violation-role none/unset and no rule applies) */
  SC_RELIEF_AVAILABLE,       /* at least one situation holds */
  SC_RELIEF_NOT_AVAILABLE,   /* every situation fails */
  SC_RELIEF_NEEDS_INFO,      /* no situation holds for sure, one could with more information */
  SC_RELIEF_NOT_IN_FORCE,    /* rules are loaded but none binds on the evaluation date (a draft
                              * for comment, not started, ended): never "available" */
} ScReliefOutcome;

/**
 * ScRuleSituation:
 * One rule-outcome measure checked against the profile.
 * @status: 1 holds, 0 fails, -1 unknown
 * @reasons: char* in the chosen language
 * @replaces: the blocking measure it replaces (e.g. "全部商品下架"), or NULL
 * @text: the first replacement listed (transfer none); a rule may list several, see the measure
 * @in_force: its program binds on the evaluation date (in force, within its
 *   window, not a draft); only such situations decide the outcome
 */
typedef struct
{
  const ScProgram *program;
  const ScMeasure *measure;
  int              status;
  GPtrArray       *reasons;
  const char      *replaces;
  const ScText    *text;
  gboolean         in_force;
} ScRuleSituation;

typedef struct
{
  ScReliefOutcome  outcome;
  GPtrArray       *situations;   /* ScRuleSituation*, catalog then document order */
  GPtrArray       *reasons;      /* char*: the summary, in the chosen language */
} ScRuleCheck;

/* @lang NULL = sc_lang_current(). Every rule is checked, but only those whose
 * program binds on the profile's as-of date (in force, in its window, not a
 * draft) can make relief available; the others' reasons say why they do
 * not. (transfer full) */
ScRuleCheck *sc_rule_check      (ScCatalog       *catalog,
                                 const ScProfile *profile,
                                 const char      *lang);
void         sc_rule_check_free (ScRuleCheck     *check);

/* "no-scenario" "available" "not-available" "needs-info" "not-in-force" (transfer none) */
const char  *sc_relief_outcome_to_string (ScReliefOutcome outcome);
/* Translated. (transfer none) */
const char  *sc_relief_outcome_label     (ScReliefOutcome outcome);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRuleCheck, sc_rule_check_free)

G_END_DECLS
