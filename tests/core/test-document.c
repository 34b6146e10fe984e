/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ScDocument: edits, undo and redo, the modified flag, the computed views. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "sc-document.h"
#include "sc-error.h"
#include "test-util.h"

typedef struct
{
  ScDocument *doc;
  guint       changes;
  guint       replaced;
  guint       modified_notes;
  guint       can_undo_notes;
  char       *dir;
} Fixture;

static void
changed_cb (ScDocument       *doc,
            ScDocumentChange  what,
            Fixture          *f)
{
  f->changes++;
  if (what == SC_DOCUMENT_CHANGE_PROFILE)
    f->replaced++;
}

static void
modified_cb (ScDocument *doc,
             GParamSpec *pspec,
             Fixture    *f)
{
  f->modified_notes++;
}

static void
can_undo_cb (ScDocument *doc,
             GParamSpec *pspec,
             Fixture    *f)
{
  f->can_undo_notes++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScProfile *profile;

  f->doc = sc_document_new ();
  sc_document_set_lang (f->doc, SC_LANG_EN);
  sc_document_load_default_programs (f->doc);
  profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_assert_no_error (error);
  sc_document_set_profile (f->doc, profile, NULL);
  f->dir = g_dir_make_tmp ("shangce-doc-XXXXXX", &error);
  g_assert_no_error (error);
  g_signal_connect (f->doc, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->doc, "notify::modified", G_CALLBACK (modified_cb), f);
  g_signal_connect (f->doc, "notify::can-undo", G_CALLBACK (can_undo_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->doc);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static double
gmv (Fixture *f)
{
  return sc_profile_get_number (sc_document_get_profile (f->doc), SC_FIELD_MONTHLY_GMV, -1);
}

static void
test_edit_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  double before = gmv (f);
  g_autoptr(GError) error = NULL;

  g_assert_false (sc_document_get_modified (f->doc));
  g_assert_false (sc_document_can_undo (f->doc));
  g_assert_null (sc_document_get_undo_label (f->doc));

  g_assert_true (sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, 123456, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (gmv (f), ==, 123456);
  g_assert_true (sc_document_get_modified (f->doc));
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (f->modified_notes, ==, 1);
  g_assert_cmpuint (f->can_undo_notes, ==, 1);
  g_assert_true (sc_document_can_undo (f->doc));
  g_assert_false (sc_document_can_redo (f->doc));
  g_assert_cmpstr (sc_document_get_undo_label (f->doc), ==, "Changed Monthly GMV");

  /* A value out of bounds changes nothing and records nothing. */
  g_assert_false (sc_document_set_number (f->doc, SC_FIELD_SHOP_SCORE, 7, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpstr (sc_document_get_undo_label (f->doc), ==, "Changed Monthly GMV");

  g_assert_true (sc_document_undo (f->doc));
  g_assert_cmpfloat (gmv (f), ==, before);
  g_assert_false (sc_document_get_modified (f->doc));
  g_assert_false (sc_document_can_undo (f->doc));
  g_assert_true (sc_document_can_redo (f->doc));
  g_assert_cmpstr (sc_document_get_redo_label (f->doc), ==, "Changed Monthly GMV");
  g_assert_cmpuint (f->replaced, ==, 1);

  g_assert_cmpuint (f->modified_notes, ==, 2);
  g_assert_cmpuint (f->can_undo_notes, ==, 2);

  g_assert_true (sc_document_redo (f->doc));
  g_assert_cmpfloat (gmv (f), ==, 123456);
  g_assert_true (sc_document_get_modified (f->doc));
  g_assert_cmpuint (f->modified_notes, ==, 3);
  g_assert_cmpuint (f->replaced, ==, 2);
  g_assert_false (sc_document_redo (f->doc));

  /* A new edit drops what could be redone. */
  g_assert_true (sc_document_undo (f->doc));
  sc_document_unset (f->doc, SC_FIELD_SHOP_SCORE);
  g_assert_false (sc_document_can_redo (f->doc));
  g_assert_cmpstr (sc_document_get_undo_label (f->doc), ==, "Cleared Shop experience score");
}

static void
test_typing_joins (Fixture       *f,
                   gconstpointer  data)
{
  double before = gmv (f);

  /* Typing "125" digit by digit: one step. */
  sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, 1, NULL);
  sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, 12, NULL);
  sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, 125, NULL);
  /* Another field is another step, and so is the first field again. */
  sc_document_set_number (f->doc, SC_FIELD_SHOP_SCORE, 4.2, NULL);
  sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, 126, NULL);

  g_assert_true (sc_document_undo (f->doc));
  g_assert_cmpfloat (gmv (f), ==, 125);
  g_assert_true (sc_document_undo (f->doc));
  g_assert_cmpfloat (sc_profile_get_number (sc_document_get_profile (f->doc), SC_FIELD_SHOP_SCORE, -1), !=, 4.2);
  g_assert_cmpfloat (gmv (f), ==, 125);
  g_assert_true (sc_document_undo (f->doc));
  g_assert_cmpfloat (gmv (f), ==, before);
  g_assert_false (sc_document_can_undo (f->doc));

  /* Closing the step keeps the next digit apart. */
  sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, 7, NULL);
  sc_document_close_undo_step (f->doc);
  sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, 70, NULL);
  g_assert_true (sc_document_undo (f->doc));
  g_assert_cmpfloat (gmv (f), ==, 7);
}

static void
test_save_keeps_history (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "client.shangce", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScDocument) other = sc_document_new ();

  sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, 1000, NULL);
  g_assert_true (sc_document_save (f->doc, file, &error));
  g_assert_no_error (error);
  g_assert_true (sc_document_get_file (f->doc) == file);
  g_assert_false (sc_document_get_modified (f->doc));
  g_assert_true (sc_document_can_undo (f->doc));

  /* Typing on after a save is a new step: undoing it is the saved state. */
  sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, 2000, NULL);
  g_assert_true (sc_document_get_modified (f->doc));
  g_assert_true (sc_document_undo (f->doc));
  g_assert_cmpfloat (gmv (f), ==, 1000);
  g_assert_false (sc_document_get_modified (f->doc));
  /* Further back than the save: modified again. */
  g_assert_true (sc_document_undo (f->doc));
  g_assert_true (sc_document_get_modified (f->doc));
  g_assert_true (sc_document_redo (f->doc));
  g_assert_false (sc_document_get_modified (f->doc));

  /* The file holds what was saved. */
  g_assert_true (sc_document_open (other, file, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (sc_profile_get_number (sc_document_get_profile (other), SC_FIELD_MONTHLY_GMV, -1), ==, 1000);
  g_assert_false (sc_document_get_modified (other));
  g_assert_false (sc_document_can_undo (other));

  /* A recovered copy stays modified until saved. */
  sc_document_mark_unsaved (other);
  g_assert_true (sc_document_get_modified (other));
}

static void
test_name_aliasing (Fixture       *f,
                    gconstpointer  data)
{
  const ScProfile *p = sc_document_get_profile (f->doc);
  g_autofree char *zh = g_strdup (p->name.zh);

  /* Given the profile's own strings: the setter copies before it frees. */
  sc_document_set_name (f->doc, SC_LANG_EN, p->name.en);
  sc_document_set_name (f->doc, SC_LANG_ZH, p->name.zh);
  g_assert_cmpstr (p->name.zh, ==, zh);
  sc_document_set_name (f->doc, SC_LANG_EN, "Client X");
  g_assert_cmpstr (p->name.en, ==, "Client X");
  g_assert_cmpstr (p->name.zh, ==, zh);
  g_assert_cmpstr (sc_document_get_undo_label (f->doc), ==, "Renamed the profile");
  g_assert_true (g_utf8_validate (p->name.zh, -1, NULL));
}

static void
test_results_cached (Fixture       *f,
                     gconstpointer  data)
{
  const ScResult *r1 = sc_document_get_result (f->doc);
  const ScSweep *sweep;

  g_assert_nonnull (r1);
  g_assert_true (sc_document_get_result (f->doc) == r1);
  g_assert_true (sc_document_has_result (f->doc));
  g_assert_nonnull (sc_document_get_rule_check (f->doc));
  sweep = sc_document_get_sweep (f->doc);
  g_assert_nonnull (sweep);
  g_assert_cmpuint (sweep->n_points, ==, SC_DOCUMENT_SWEEP_POINTS);
  g_assert_true (sc_document_get_sweep (f->doc) == sweep);

  /* An edit invalidates them. */
  sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, 500000, NULL);
  g_assert_false (sc_document_has_result (f->doc));
  g_assert_nonnull (sc_document_get_result (f->doc));

  /* Switching a program off changes the result, not the profile's history. */
  sc_document_set_program_enabled (f->doc, "kuaishou.star-plan-2026", FALSE);
  g_assert_false (sc_document_is_program_enabled (f->doc, "kuaishou.star-plan-2026"));
  g_assert_cmpstr (sc_document_get_disabled (f->doc)[0], ==, "kuaishou.star-plan-2026");
  g_assert_false (sc_document_has_result (f->doc));
  g_assert_cmpstr (sc_document_get_undo_label (f->doc), ==, "Changed Monthly GMV");

  /* No monthly GMV, no sweep. */
  sc_document_unset (f->doc, SC_FIELD_MONTHLY_GMV);
  g_assert_null (sc_document_get_sweep (f->doc));
}

static void
test_options (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const ScProfile *p = sc_document_get_profile (f->doc);
  ScDay day = sc_day_parse ("2026-03-01");

  g_assert_true (sc_document_set_as_of (f->doc, day, &error));
  g_assert_cmpuint (p->as_of, ==, day);
  g_assert_cmpuint (sc_document_get_result (f->doc)->as_of, ==, day);
  g_assert_false (sc_document_set_horizon (f->doc, 0, &error));
  g_assert_error (error, SC_ERROR, SC_ERROR_VALUE);
  g_assert_true (sc_document_set_horizon (f->doc, 6, NULL));
  g_assert_cmpuint (p->horizon_months, ==, 6);
  g_assert_cmpstr (sc_document_get_undo_label (f->doc), ==, "Changed the horizon");
  g_assert_true (sc_document_undo (f->doc));
  g_assert_cmpstr (sc_document_get_undo_label (f->doc), ==, "Changed the evaluation date");

  g_assert_true (sc_document_set_override (f->doc, "douyin", SC_FEE_COMMISSION, NULL, 0.03, NULL));
  g_assert_nonnull (sc_profile_find_override (sc_document_get_profile (f->doc), "douyin", SC_FEE_COMMISSION, NULL));
  g_assert_true (sc_document_remove_override (f->doc, "douyin", SC_FEE_COMMISSION, NULL));
  g_assert_false (sc_document_remove_override (f->doc, "douyin", SC_FEE_COMMISSION, NULL));
  g_assert_true (sc_document_undo (f->doc));
  g_assert_nonnull (sc_profile_find_override (sc_document_get_profile (f->doc), "douyin", SC_FEE_COMMISSION, NULL));

  sc_document_set_notes (f->doc, "Client since 2024");
  sc_document_set_notes (f->doc, "Client since 2024; wants Douyin first");
  g_assert_cmpstr (sc_document_get_profile (f->doc)->notes, ==, "Client since 2024; wants Douyin first");
  g_assert_cmpstr (sc_document_get_undo_label (f->doc), ==, "Changed the profile’s notes");
  g_assert_true (sc_document_undo (f->doc));
  g_assert_cmpstr (sc_document_get_profile (f->doc)->notes, !=, "Client since 2024");

  sc_document_set_note (f->doc, SC_FIELD_MONTHLY_GMV, SC_LANG_ZH, "估计");
  g_assert_cmpstr (sc_document_get_profile (f->doc)->values[SC_FIELD_MONTHLY_GMV].note.zh, ==, "估计");
  g_assert_cmpstr (sc_document_get_undo_label (f->doc), ==, "Changed the note on Monthly GMV");
}

static void
test_lang (void)
{
  ScLang lang = SC_LANG_EN;

  g_assert_true (sc_lang_parse ("zh_CN", &lang));
  g_assert_cmpint (lang, ==, SC_LANG_ZH);
  g_assert_true (sc_lang_parse ("en", &lang));
  g_assert_cmpint (lang, ==, SC_LANG_EN);
  g_assert_true (sc_lang_parse ("zh_TW.UTF-8", &lang));
  g_assert_cmpint (lang, ==, SC_LANG_ZH);
  g_assert_true (sc_lang_parse ("C", &lang));
  g_assert_cmpint (lang, ==, SC_LANG_EN);
  g_assert_false (sc_lang_parse ("fr", &lang));
  g_assert_false (sc_lang_parse (NULL, &lang));
  g_assert_cmpint (lang, ==, SC_LANG_EN);
  g_assert_cmpint (sc_lang_from_code ("fr"), ==, SC_LANG_EN);
  g_assert_cmpstr (sc_lang_to_code (SC_LANG_ZH), ==, "zh");
  g_assert_cmpstr (sc_lang_to_locale (SC_LANG_ZH), ==, "zh_CN");
  g_assert_cmpstr (sc_lang_to_code (SC_LANG_EN), ==, "en");
  /* LC_ALL=C.UTF-8 in the suite: English. */
  g_assert_cmpint (sc_lang_detect (), ==, SC_LANG_EN);

  {
    g_auto(GStrv) argv = g_strsplit ("shangce --report --lang=zh_CN", " ", -1);
    g_auto(GStrv) argv2 = g_strsplit ("shangce --lang en", " ", -1);

    g_assert_cmpstr (sc_i18n_prescan_lang (3, argv), ==, "zh_CN");
    g_assert_cmpstr (sc_i18n_prescan_lang (3, argv2), ==, "en");
    g_assert_null (sc_i18n_prescan_lang (2, argv));
  }
  /* Switching to the language in use changes nothing. */
  g_assert_null (sc_i18n_switch_begin (sc_lang_detect ()));
  sc_i18n_switch_end (NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/document/edit-and-undo", Fixture, NULL, fixture_set_up, test_edit_and_undo, fixture_tear_down);
  g_test_add ("/document/typing-joins", Fixture, NULL, fixture_set_up, test_typing_joins, fixture_tear_down);
  g_test_add ("/document/save-keeps-history", Fixture, NULL, fixture_set_up, test_save_keeps_history, fixture_tear_down);
  g_test_add ("/document/name-aliasing", Fixture, NULL, fixture_set_up, test_name_aliasing, fixture_tear_down);
  g_test_add ("/document/results-cached", Fixture, NULL, fixture_set_up, test_results_cached, fixture_tear_down);
  g_test_add ("/document/options", Fixture, NULL, fixture_set_up, test_options, fixture_tear_down);
  g_test_add_func ("/document/lang", test_lang);
  return g_test_run ();
}
