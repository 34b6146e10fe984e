/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include "engine-fixture.h"

/* The penalty-relief rule check. */

static void
test_rule_check (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) p = sc_profile_load_example ("industry-belt-factory", &error);

  g_assert_no_error (error);
  sc_catalog_add_defaults (catalog);
  {
    g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, p, "en");

    /* Notice with 12 points (< 20), score 4.6 (≥ 4.4), 14 prior points (≥ 10): situation 1. */
    g_assert_cmpint (check->outcome, ==, SC_RELIEF_AVAILABLE);
    g_assert_cmpuint (check->reasons->len, >, 0);
  }
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

  g_test_add_func ("/engine/rule-check", test_rule_check);

  return engine_fixture_run ();
}
