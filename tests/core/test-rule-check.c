/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include "engine-fixture.h"

/* The penalty-relief rule check. */

/*
 * Audit W3: the bundled rules are a 2023 draft for comment whose adoption
 * the source does not state. Checked in 2026 they answered "Relief
 * available"; now the check says they are a draft and that they give no
 * relief in force, and shows what they would say.
 */
static void
test_rule_check_draft (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) p = sc_profile_load_example ("industry-belt-factory", &error);

  g_assert_no_error (error);
  sc_catalog_add_defaults (catalog);
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "en");
    gboolean holds = FALSE;

    g_assert_cmpint (check->outcome, ==, SC_RELIEF_NOT_IN_FORCE);
    g_assert_true (has_line (check->reasons, "was a draft for comment from 2023-08-12 to 2023-08-18"));
    g_assert_true (has_line (check->reasons, "would apply"));
    for (guint i = 0; i < check->situations->len; i++)
      {
        const ScRuleSituation *s = g_ptr_array_index (check->situations, i);

        g_assert_false (s->in_force);
        holds |= s->status > 0;
      }
    g_assert_true (holds);
  }
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "zh_CN");

    g_assert_cmpint (check->outcome, ==, SC_RELIEF_NOT_IN_FORCE);
  }
}

/* The same rules as if they had been adopted and were in force from their
 * start, open-ended: the situations decide. */
static void
test_rule_check (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) p = sc_profile_load_example ("industry-belt-factory", &error);
  ScProgram *rules;
  ScDay as_of;

  g_assert_no_error (error);
  sc_catalog_add_defaults (catalog);
  rules = (ScProgram *) sc_catalog_find_program (catalog, "kuaishou.penalty-relief-2023");
  g_assert_nonnull (rules);
  rules->status = SC_STATUS_IN_FORCE;
  rules->window.end = SC_DAY_NONE;
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "en");

    /* Notice with 12 points (< 20), score 4.6 (≥ 4.4), 14 prior points (≥ 10): situation 1. */
    g_assert_cmpint (check->outcome, ==, SC_RELIEF_AVAILABLE);
    g_assert_cmpuint (check->reasons->len, >, 0);
  }
  /* Before the start: the rules have not started (it used to say that no
   * rules were loaded). */
  as_of = p->as_of;
  g_assert_true (sc_profile_set_as_of (p, rules->window.start - 1, NULL));
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "en");

    g_assert_cmpint (check->outcome, ==, SC_RELIEF_NOT_IN_FORCE);
    g_assert_true (has_line (check->reasons, "they have not started"));
  }
  g_assert_true (sc_profile_set_as_of (p, as_of, NULL));
  set (p, "violation-points", "20");
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "en");

    /* 20 points is not < 20: no situation holds. */
    g_assert_cmpint (check->outcome, ==, SC_RELIEF_NOT_AVAILABLE);
  }
  set (p, "violation-points", "19");
  set (p, "shop-score", NULL);
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "en");

    g_assert_cmpint (check->outcome, ==, SC_RELIEF_NEEDS_INFO);
  }
  set (p, "violation-role", "none");
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "en");

    g_assert_cmpint (check->outcome, ==, SC_RELIEF_NO_SCENARIO);
  }
}

int
main (int   argc,
      char *argv[])
{
  engine_fixture_init (&argc, &argv);

  g_test_add_func ("/engine/rule-check/draft", test_rule_check_draft);
  g_test_add_func ("/engine/rule-check", test_rule_check);

  return engine_fixture_run ();
}
