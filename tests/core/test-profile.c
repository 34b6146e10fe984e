/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include <glib/gstdio.h>

#include "engine-fixture.h"

/* Profiles: round trip, validation, hostile input, the bundled ones. */

static ScProfile *
full_profile (void)
{
  ScProfile *p = sc_profile_new ();
  g_autoptr(GError) error = NULL;

  sc_profile_set_name (p, "测试 <&>", "Test \"quoted\"");
  p->as_of = sc_day_parse ("2026-02-01");
  p->horizon_months = 24;
  for (guint i = 0; i < SC_N_FIELDS; i++)
    {
      const ScFieldInfo *info = sc_field_info ((ScField) i);

      switch (info->type)
        {
        case SC_FIELD_TYPE_NUMBER:
        case SC_FIELD_TYPE_MONEY:
        case SC_FIELD_TYPE_FRACTION:
          /* a value with no short decimal form, within the bounds */
          sc_profile_set_number (p, (ScField) i, info->min + (info->max - info->min) / 3.0, &error);
          break;
        case SC_FIELD_TYPE_DATE:
          sc_profile_set_date (p, (ScField) i, sc_day_parse ("2026-01-10") + i, &error);
          break;
        case SC_FIELD_TYPE_BOOL:
          sc_profile_set_bool (p, (ScField) i, i % 2, &error);
          break;
        case SC_FIELD_TYPE_CHOICE:
          sc_profile_set_choice (p, (ScField) i, info->choices[1], &error);
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_no_error (error);
    }
  sc_profile_set_note (p, SC_FIELD_COST_OF_CAPITAL, "zh", "假设 & 注释");
  sc_profile_set_note (p, SC_FIELD_COST_OF_CAPITAL, "en", "assumption");
  sc_profile_set_override (p, "kuaishou", SC_FEE_COMMISSION, "apparel", 0.045, &error);
  g_assert_no_error (error);
  sc_profile_set_override (p, "douyin", SC_FEE_SETTLEMENT_DAYS, NULL, 5, &error);
  g_assert_no_error (error);
  p->notes = g_strdup ("line one\nline two <b>");
  return p;
}

static void
test_profile_round_trip (void)
{
  g_autoptr(ScProfile) p = full_profile ();
  g_autoptr(ScProfile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shangce-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *xml1 = NULL, *xml2 = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "p.shangce", NULL);
  g_assert_true (sc_profile_save (p, path, &error));
  g_assert_no_error (error);
  back = sc_profile_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (sc_profile_equal (p, back));
  g_assert_cmpstr (back->path, ==, path);
  xml1 = sc_profile_to_xml (p);
  xml2 = sc_profile_to_xml (back);
  g_assert_cmpstr (xml1, ==, xml2);
  {
    g_autoptr(ScProfile) copy = sc_profile_copy (p);

    g_assert_true (sc_profile_equal (p, copy));
    sc_profile_unset (copy, SC_FIELD_SHOP_SCORE);
    g_assert_false (sc_profile_equal (p, copy));
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_profile_validation (void)
{
  const struct { const char *field, *value, *message; } cases[] = {
    { "monthly-gmv", "-5", "Monthly GMV cannot be negative" },
    { "monthly-gmv", "1e13", "Monthly GMV is too large" },
    { "monthly-gmv", "nan", "Monthly GMV must be a number" },
    { "monthly-gmv", "inf", "Monthly GMV must be a number" },
    { "monthly-gmv", "1e999", "Monthly GMV must be a finite number" },
    { "monthly-gmv", "80,000", "written with a dot" },
    { "return-rate", "5", "Return rate must be a fraction between 0 and 1" },
    { "shop-score", "7", "Shop experience score must be between 0 and 5, not 7" },
    { "shop-score", "-0.1", "between 0 and 5" },
    { "first-sale-date", "2026-02-30", "First sale date must be a date that exists" },
    { "first-sale-date", "2026/01/10", "YYYY-MM-DD" },
    { "store-type", "shop", "Store type must be one of individual, enterprise, flagship" },
    { "return-shipping-cover", "yes", "must be “true” or “false”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProfile) p = sc_profile_new ();
      ScField field;

      g_assert_true (sc_field_from_name (cases[i].field, &field));
      g_assert_false (sc_profile_validate_field (field, cases[i].value, &error));
      g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” for %s: message “%s” lacks “%s”", cases[i].value, cases[i].field,
                 error->message, cases[i].message);
      g_clear_error (&error);
      /* the setter refuses it and leaves the field unset */
      g_assert_false (sc_profile_set_from_string (p, field, cases[i].value, &error));
      g_assert_false (sc_profile_is_set (p, field));
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScProfile) p = sc_profile_new ();

    g_assert_false (sc_profile_set_number (p, SC_FIELD_MONTHLY_GMV, NAN, &error));
    g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
    g_clear_error (&error);
    g_assert_false (sc_profile_set_horizon (p, 121, &error));
    g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
    g_clear_error (&error);
    g_assert_false (sc_profile_set_override (p, "kuaishou", SC_FEE_COMMISSION, NULL, 1.5, &error));
    g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
  }
}

static void
test_profile_hostile (void)
{
  const struct { const char *name, *data, *message; } cases[] = {
    { "doctype.shangce",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\"><notes>&x;</notes></profile>",
      "doctype.shangce:" },
    { "malformed.shangce", "<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\"", "malformed.shangce:" },
    { "wrong-root.shangce", "<program-file xmlns=\"https://shangce.github.io/ns/program/1\" format=\"1\"/>",
      "wrong-root.shangce:1:" },
    { "negative.shangce",
      "<?xml version=\"1.0\"?>\n<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\">\n"
      "  <set field=\"monthly-gmv\" value=\"-80000\"/>\n</profile>\n",
      "negative.shangce:3:3: Monthly GMV cannot be negative" },
    { "score.shangce",
      "<?xml version=\"1.0\"?>\n<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\">\n"
      "  <set field=\"shop-score\" value=\"4.4\"/>\n  <set field=\"shop-score\" value=\"4.5\"/>\n</profile>\n",
      "score.shangce:4:3: field “shop-score” is set twice" },
    { "unknown.shangce",
      "<?xml version=\"1.0\"?>\n<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-01-01\">\n"
      "  <set field=\"favourite-colour\" value=\"red\"/>\n</profile>\n",
      "unknown.shangce:3:3: unknown field" },
    { "date.shangce",
      "<?xml version=\"1.0\"?>\n<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"1\" as-of=\"2026-02-30\"/>\n",
      "date.shangce:2:" },
    { "format.shangce",
      "<?xml version=\"1.0\"?>\n<profile xmlns=\"https://shangce.github.io/ns/profile/1\" format=\"2\" as-of=\"2026-01-01\"/>\n",
      "format.shangce:2:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProfile) p = sc_profile_load_from_data (cases[i].data, strlen (cases[i].data), cases[i].name, &error);

      g_assert_null (p);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SC_ERROR);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: message “%s” lacks “%s”", cases[i].name, error->message, cases[i].message);
      g_assert_null (strstr (error->message, "root:"));
    }
}

static void
test_bundled_profiles (void)
{
  g_auto(GStrv) ids = sc_profile_list_examples ();
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();

  sc_catalog_add_defaults (catalog);
  g_assert_cmpuint (g_strv_length (ids), >=, 4);
  g_assert_true (g_strv_contains ((const char *const *) ids, SC_PROFILE_DEFAULT_EXAMPLE));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProfile) p = sc_profile_load_example (ids[i], &error);
      g_autoptr(ScResult) r = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (p->name.zh);
      g_assert_nonnull (p->name.en);
      g_assert_true (sc_profile_is_set (p, SC_FIELD_COST_OF_CAPITAL));
      g_assert_true (sc_profile_is_set (p, SC_FIELD_YUAN_PER_1000_EXPOSURES));
      g_assert_nonnull (p->values[SC_FIELD_COST_OF_CAPITAL].note.zh);
      g_assert_nonnull (p->values[SC_FIELD_YUAN_PER_1000_EXPOSURES].note.en);
      /* What a yuan tied to the platform is worth: stated, with its reason. */
      g_assert_true (sc_profile_is_set (p, SC_FIELD_LOCKED_VALUE_WORTH));
      g_assert_nonnull (p->values[SC_FIELD_LOCKED_VALUE_WORTH].note.zh);
      g_assert_nonnull (p->values[SC_FIELD_LOCKED_VALUE_WORTH].note.en);
      /* Its notes in each language, neither language's text in the other's. */
      g_assert_true (g_str_has_prefix (sc_profile_get_notes_in (p, "en"), "Example: "));
      g_assert_true (g_str_has_prefix (sc_profile_get_notes_in (p, "zh"), "示例档案"));
      g_assert_null (strstr (sc_profile_get_notes_in (p, "zh"), "Example"));
      r = sc_engine_evaluate (catalog, p, NULL);
      g_assert_cmpuint (r->platforms->len, >, 0);
    }
}

/* Notes per language: editing one language's keeps the other's; a profile
 * with notes in no language keeps one text for both; both survive a save. */
static void
test_profile_notes_per_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) p = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_autoptr(ScProfile) plain = sc_profile_new ();
  g_autoptr(ScProfile) back = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *xml = NULL;

  g_assert_no_error (error);
  zh = g_strdup (sc_profile_get_notes_in (p, "zh"));
  sc_profile_set_notes_in (p, "en", "Met the owner on 3 May.");
  g_assert_cmpstr (sc_profile_get_notes_in (p, "en"), ==, "Met the owner on 3 May.");
  g_assert_cmpstr (sc_profile_get_notes_in (p, "zh"), ==, zh);
  g_assert_null (sc_profile_get_notes (p));
  xml = sc_profile_to_xml (p);
  back = sc_profile_load_from_data (xml, strlen (xml), "notes.shangce", &error);
  g_assert_no_error (error);
  g_assert_true (sc_profile_equal (p, back));

  sc_profile_set_notes_in (plain, "zh", "只写一次");
  g_assert_cmpstr (sc_profile_get_notes (plain), ==, "只写一次");
  g_assert_cmpstr (sc_profile_get_notes_in (plain, "en"), ==, "只写一次");
  /* Safe when given its own text. */
  sc_profile_set_notes_in (p, "en", sc_profile_get_notes_in (p, "en"));
  g_assert_cmpstr (sc_profile_get_notes_in (p, "en"), ==, "Met the owner on 3 May.");
}

int
main (int   argc,
      char *argv[])
{
  engine_fixture_init (&argc, &argv);

  g_test_add_func ("/engine/profile/round-trip", test_profile_round_trip);
  g_test_add_func ("/engine/profile/validation", test_profile_validation);
  g_test_add_func ("/engine/profile/hostile", test_profile_hostile);
  g_test_add_func ("/engine/profile/bundled", test_bundled_profiles);
  g_test_add_func ("/engine/profile/notes-per-language", test_profile_notes_per_language);

  return engine_fixture_run ();
}
