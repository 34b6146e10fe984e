/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-rule-check.h"

#include "sc-condition.h"

#include <glib/gi18n-lib.h>

/*
 * A penalty-relief rule is a measure with a rule-outcome effect whose
 * eligibility names the violation scenario (violation-role, -blocking,
 * -points …). A rule whose eligibility names violation-role is a
 * *situation* (relief for merchants or creators); the other violation rules
 * (e.g. "other penalties still apply", "relief withdrawn") are *notes*:
 * when they hold their text is added to the reasons. Other rule outcomes
 * (e.g. 快质造's "not admitted") are not part of this check: they show up as
 * measures in the estimate.
 */

static const char *const outcome_names[] = {
  "no-scenario", "available", "not-available", "needs-info", "not-in-force",
};

static const char *const outcome_labels[] = {
  N_("No violation in the profile"), N_("Relief available"), N_("Relief not available"),
  N_("Needs information"), N_("No rules in force"),
};

const char *
sc_relief_outcome_to_string (ScReliefOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < G_N_ELEMENTS (outcome_names), NULL);
  return outcome_names[outcome];
}

const char *
sc_relief_outcome_label (ScReliefOutcome outcome)
{
  g_return_val_if_fail ((guint) outcome < G_N_ELEMENTS (outcome_labels), NULL);
  return _(outcome_labels[outcome]);
}

static gboolean
is_violation_field (ScField field)
{
  return field == SC_FIELD_VIOLATION_ROLE || field == SC_FIELD_VIOLATION_BLOCKING
         || field == SC_FIELD_VIOLATION_UNINTENTIONAL
         || field == SC_FIELD_VIOLATION_POINTS || field == SC_FIELD_PRIOR_30D_POINTS
         || field == SC_FIELD_FIRST_SAME_RULE_30D || field == SC_FIELD_RELIEF_RELAPSE_30D
         || field == SC_FIELD_SERIOUS_VIOLATION;
}

/* @data: non-NULL when only the violation-role field counts. */
static gboolean
is_violation_leaf (const ScCond *cond,
                   gpointer      data)
{
  gboolean role_only = data != NULL;

  return (cond->kind == SC_COND_COMPARE || cond->kind == SC_COND_IS || cond->kind == SC_COND_DATE_IN)
         && (role_only ? cond->field == SC_FIELD_VIOLATION_ROLE : is_violation_field (cond->field));
}

/* @role_only: only the violation-role field counts. */
static gboolean
names_violation (const ScCond *cond,
                 gboolean      role_only)
{
  return sc_cond_any (cond, is_violation_leaf, role_only ? GINT_TO_POINTER (1) : NULL);
}

/*
 * Whether @program's rules bind on @as_of: in force (or announced) and
 * within its window. A comment-period draft never does, nor rules whose
 * window has ended or not started. *@why (may be NULL) gets the sentence
 * that says why not.
 */
static gboolean
program_in_force (const ScProgram *program,
                  ScDay            as_of,
                  const char      *lang,
                  char           **why)
{
  const char *name = sc_text_get (&program->name, lang);
  char a[16], b[16];

  if (program->status == SC_STATUS_COMMENT_PERIOD)
    {
      if (why == NULL)
        ;
      else if (program->window.end != SC_DAY_NONE)
        /* Translators: program name, first and last day of the comment period */
        *why = g_strdup_printf (_("“%s” was a draft for comment from %s to %s; the source does not say it was adopted, so the check cannot say relief is available"),
                                name, sc_day_format (program->window.start, a), sc_day_format (program->window.end - 1, b));
      else
        /* Translators: program name, first day of the comment period */
        *why = g_strdup_printf (_("“%s” is a draft for comment from %s; the source does not say it was adopted, so the check cannot say relief is available"),
                                name, sc_day_format (program->window.start, a));
      return FALSE;
    }
  if (as_of != SC_DAY_NONE && program->window.start != SC_DAY_NONE && program->window.start > as_of)
    {
      if (why != NULL)
        /* Translators: program name, its first day, the evaluation date */
        *why = g_strdup_printf (_("The rules of “%s” start on %s, after the evaluation date %s: they have not started"),
                                name, sc_day_format (program->window.start, a), sc_day_format (as_of, b));
      return FALSE;
    }
  if (as_of != SC_DAY_NONE && program->window.end != SC_DAY_NONE && program->window.end <= as_of)
    {
      if (why != NULL)
        /* Translators: program name, its last day, the evaluation date */
        *why = g_strdup_printf (_("The rules of “%s” ended on %s, before the evaluation date %s"),
                                name, sc_day_format (program->window.end - 1, a), sc_day_format (as_of, b));
      return FALSE;
    }
  if (program->status == SC_STATUS_EXPECTED || program->status == SC_STATUS_EXPIRED)
    {
      if (why != NULL)
        /* Translators: program name, its status ("expected", "expired") */
        *why = g_strdup_printf (_("The rules of “%s” are not in force (%s)"), name,
                                sc_program_status_label (program->status));
      return FALSE;
    }
  return TRUE;
}

static void
situation_free (gpointer data)
{
  ScRuleSituation *s = data;

  g_ptr_array_unref (s->reasons);
  g_free (s);
}

ScRuleCheck *
sc_rule_check (ScCatalog       *catalog,
               const ScProfile *profile,
               const char      *lang)
{
  ScRuleCheck *check;
  GPtrArray *programs;
  const char *role;
  gboolean any_true = FALSE, any_unknown = FALSE, any_true_elsewhere = FALSE;
  guint n_in_force = 0;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) not_in_force = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (catalog != NULL && profile != NULL, NULL);

  if (lang == NULL)
    lang = sc_lang_current ();
  check = g_new0 (ScRuleCheck, 1);
  check->situations = g_ptr_array_new_with_free_func (situation_free);
  check->reasons = g_ptr_array_new_with_free_func (g_free);

  programs = sc_catalog_get_programs (catalog);
  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);
      char *why = NULL;
      gboolean in_force = program_in_force (program, profile->as_of, lang, &why);
      gboolean has_rules = FALSE;

      for (guint k = 0; program->measures != NULL && k < program->measures->len; k++)
        {
          const ScMeasure *measure = g_ptr_array_index (program->measures, k);
          const ScEffect *outcome = NULL;
          ScRuleSituation *s;

          for (guint e = 0; measure->effects != NULL && e < measure->effects->len; e++)
            {
              const ScEffect *eff = g_ptr_array_index (measure->effects, e);

              if (eff->kind == SC_EFFECT_RULE_OUTCOME && outcome == NULL)
                outcome = eff;
            }
          if (outcome == NULL || !names_violation (measure->eligibility, FALSE))
            continue;
          if (!names_violation (measure->eligibility, TRUE))
            {
              if (in_force && sc_engine_eval_condition (measure->eligibility, profile, lang, NULL) > 0)
                g_ptr_array_add (notes, g_strdup_printf (_("%s: %s"), sc_text_get (&measure->title, lang),
                                                         sc_text_get (&outcome->text, lang)));
              continue;
            }

          s = g_new0 (ScRuleSituation, 1);
          s->program = program;
          s->measure = measure;
          s->reasons = g_ptr_array_new_with_free_func (g_free);
          s->replaces = outcome->replaces;
          s->text = &outcome->text;
          s->in_force = in_force;
          s->status = sc_engine_eval_condition (measure->eligibility, profile, lang, s->reasons);
          g_ptr_array_add (check->situations, s);
          has_rules = TRUE;
          if (!in_force)
            {
              any_true_elsewhere |= s->status > 0;
              continue;
            }
          n_in_force++;
          if (s->status > 0)
            any_true = TRUE;
          else if (s->status < 0)
            any_unknown = TRUE;
        }
      if (has_rules && why != NULL)
        g_ptr_array_add (not_in_force, g_steal_pointer (&why));
      g_free (why);
    }

  role = sc_profile_get_choice (profile, SC_FIELD_VIOLATION_ROLE);
  if (check->situations->len == 0 || g_strcmp0 (role, "none") == 0
      || (role == NULL && !any_true && !any_true_elsewhere))
    {
      check->outcome = SC_RELIEF_NO_SCENARIO;
      if (check->situations->len == 0)
        g_ptr_array_add (check->reasons, g_strdup (_("No penalty-relief rules are loaded")));
      else if (role == NULL)
        g_ptr_array_add (check->reasons, g_strdup_printf (_("Set “%s” to check a violation notice"),
                                                          _(sc_field_info (SC_FIELD_VIOLATION_ROLE)->label)));
      else
        g_ptr_array_add (check->reasons, g_strdup (_("The profile has no violation notice")));
      return check;
    }

  /* Rules that do not bind on the evaluation date (a draft, not yet
   * started, ended) never answer "available": the check says why, and
   * what they would say. */
  if (n_in_force == 0)
    {
      check->outcome = SC_RELIEF_NOT_IN_FORCE;
      for (guint i = 0; i < not_in_force->len; i++)
        g_ptr_array_add (check->reasons, g_strdup (g_ptr_array_index (not_in_force, i)));
      for (guint i = 0; i < check->situations->len; i++)
        {
          const ScRuleSituation *s = g_ptr_array_index (check->situations, i);

          if (s->status > 0)
            /* Translators: situation title, what it replaces, by what */
            g_ptr_array_add (check->reasons,
                             s->replaces != NULL
                             ? g_strdup_printf (_("Under these rules %s would apply (“%s” replaced — %s); that is not relief in force"),
                                                sc_text_get (&s->measure->title, lang), s->replaces, sc_text_get (s->text, lang))
                             : g_strdup_printf (_("Under these rules %s would apply (%s); that is not relief in force"),
                                                sc_text_get (&s->measure->title, lang), sc_text_get (s->text, lang)));
        }
      return check;
    }

  if (any_true)
    check->outcome = SC_RELIEF_AVAILABLE;
  else if (any_unknown)
    check->outcome = SC_RELIEF_NEEDS_INFO;
  else
    check->outcome = SC_RELIEF_NOT_AVAILABLE;

  for (guint i = 0; i < check->situations->len; i++)
    {
      const ScRuleSituation *s = g_ptr_array_index (check->situations, i);
      const char *title = sc_text_get (&s->measure->title, lang);

      if (!s->in_force)
        continue;
      if (check->outcome == SC_RELIEF_AVAILABLE && s->status > 0)
        {
          g_autoptr(GString) all = g_string_new (NULL);

          /* A rule may list several replacements ("one or more of …"). */
          for (guint e = 0; e < s->measure->effects->len; e++)
            {
              const ScEffect *eff = g_ptr_array_index (s->measure->effects, e);

              if (eff->kind != SC_EFFECT_RULE_OUTCOME)
                continue;
              if (all->len)
                g_string_append (all, " / ");
              g_string_append (all, sc_text_get (&eff->text, lang));
            }
          if (s->replaces != NULL)
            g_ptr_array_add (check->reasons, g_strdup_printf (_("%s applies: “%s” is replaced — %s"), title,
                                                              s->replaces, all->str));
          else
            g_ptr_array_add (check->reasons, g_strdup_printf (_("%s applies: %s"), title, all->str));
        }
      else if (check->outcome == SC_RELIEF_NEEDS_INFO && s->status < 0)
        {
          g_autofree char *why = NULL;

          g_ptr_array_add (s->reasons, NULL);
          why = g_strjoinv ("; ", (char **) s->reasons->pdata);
          g_ptr_array_remove_index (s->reasons, s->reasons->len - 1);
          g_ptr_array_add (check->reasons, g_strdup_printf (_("%s: %s"), title, why));
        }
      else if (check->outcome == SC_RELIEF_NOT_AVAILABLE)
        {
          g_autofree char *why = NULL;

          g_ptr_array_add (s->reasons, NULL);
          why = g_strjoinv ("; ", (char **) s->reasons->pdata);
          g_ptr_array_remove_index (s->reasons, s->reasons->len - 1);
          g_ptr_array_add (check->reasons, g_strdup_printf (_("%s does not apply: %s"), title, why));
        }
    }
  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (check->reasons, g_strdup (g_ptr_array_index (notes, i)));
  for (guint i = 0; i < not_in_force->len; i++)
    g_ptr_array_add (check->reasons, g_strdup (g_ptr_array_index (not_in_force, i)));
  return check;
}

void
sc_rule_check_free (ScRuleCheck *check)
{
  if (check == NULL)
    return;
  g_ptr_array_unref (check->situations);
  g_ptr_array_unref (check->reasons);
  g_free (check);
}
