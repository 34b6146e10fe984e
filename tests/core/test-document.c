/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ScDocument: edits, undo and redo, the modified flag, the computed views. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

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
  guint       results_ready;
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
result_ready_cb (ScDocument *doc,
                 Fixture    *f)
{
  /* Views read the getters here: the result is already cached. */
  g_assert_true (sc_document_has_result (doc));
  f->results_ready++;
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
  g_signal_connect (f->doc, "result-ready", G_CALLBACK (result_ready_cb), f);
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

/* "result-ready" comes when the owner asks for the result, never from an
 * edit or a getter: a window computes once for all the edits of a frame. */
static void
test_result_ready (Fixture       *f,
                   gconstpointer  data)
{
  const ScResult *result;
  const ScRuleCheck *check;

  sc_document_get_result (f->doc);
  sc_document_get_rule_check (f->doc);
  g_assert_cmpuint (f->results_ready, ==, 0);

  g_assert_true (sc_document_set_horizon (f->doc, 7, NULL));
  g_assert_true (sc_document_set_horizon (f->doc, 5, NULL));
  g_assert_cmpuint (f->results_ready, ==, 0);
  g_assert_false (sc_document_has_result (f->doc));

  sc_document_compute_result (f->doc);
  g_assert_cmpuint (f->results_ready, ==, 1);
  result = sc_document_get_result (f->doc);
  check = sc_document_get_rule_check (f->doc);
  /* The latest state's, kept: reading it again computes nothing. */
  g_assert_cmpuint (result->horizon_months, ==, 5);
  sc_document_compute_result (f->doc);
  g_assert_cmpuint (f->results_ready, ==, 2);
  g_assert_true (sc_document_get_result (f->doc) == result);
  g_assert_true (sc_document_get_rule_check (f->doc) == check);
}

/* --- the sweep on a worker thread --- */

typedef struct
{
  guint    calls;
  gboolean ready;
  GError  *error;
} SweepWait;

static void
sweep_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  SweepWait *w = data;

  w->calls++;
  w->ready = sc_document_compute_sweep_finish (SC_DOCUMENT (source), result, &w->error);
}

/* Runs the main loop until every request in @waits was answered, then
 * until the document's jobs have let go of it. */
static void
wait_for_sweeps (SweepWait *waits,
                 guint      n)
{
  for (guint i = 0; i < n; i++)
    while (waits[i].calls == 0)
      g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until the worker's jobs have let go of @doc: a job's
 * end is handled on this thread just after the worker hands it over. */
static void
wait_for_jobs (ScDocument *doc)
{
  for (int i = 0; i < 10000 && G_OBJECT (doc)->ref_count > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (G_OBJECT (doc)->ref_count, ==, 1);
}

/* The sweep of @doc's profile with monthly GMV @value, computed here. */
static ScSweep *
sweep_at (ScDocument *doc,
          double      value)
{
  g_autoptr(ScProfile) copy = sc_profile_copy (sc_document_get_profile (doc));

  g_assert_true (sc_profile_set_number (copy, SC_FIELD_MONTHLY_GMV, value, NULL));
  return sc_sweep_over_monthly_gmv (sc_document_get_catalog (doc), copy, sc_document_get_disabled (doc), "en");
}

static void
assert_same_sweep (const ScSweep *a,
                   const ScSweep *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->n_points, ==, b->n_points);
  g_assert_cmpuint (a->n_platforms, ==, b->n_platforms);
  g_assert_cmpuint (a->n_platforms, >, 1);
  for (guint i = 0; i < a->n_points; i++)
    g_assert_cmpfloat (a->points[i], ==, b->points[i]);
  for (guint p = 0; p < a->n_platforms; p++)
    {
      g_assert_cmpstr (a->platforms[p], ==, b->platforms[p]);
      for (guint i = 0; i < a->n_points; i++)
        g_assert_cmpfloat (sc_sweep_get (a, p, i), ==, sc_sweep_get (b, p, i));
    }
}

static void
test_sweep_async (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ScSweep) expected = sweep_at (f->doc, gmv (f));
  SweepWait waits[2] = { 0 };

  g_assert_false (sc_document_has_sweep (f->doc));
  g_assert_null (sc_document_get_sweep_thread (f->doc));
  /* Two requests share one job; neither answers before the main loop runs. */
  sc_document_compute_sweep_async (f->doc, NULL, sweep_ready_cb, &waits[0]);
  sc_document_compute_sweep_async (f->doc, NULL, sweep_ready_cb, &waits[1]);
  g_assert_cmpuint (waits[0].calls + waits[1].calls, ==, 0);
  wait_for_sweeps (waits, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_no_error (waits[i].error);
      g_assert_true (waits[i].ready);
      g_assert_cmpuint (waits[i].calls, ==, 1);
    }
  /* Computed on another thread, the same numbers as here, then cached. */
  g_assert_true (sc_document_has_sweep (f->doc));
  g_assert_nonnull (sc_document_get_sweep_thread (f->doc));
  g_assert_true (sc_document_get_sweep_thread (f->doc) != (gconstpointer) g_thread_self ());
  assert_same_sweep (sc_document_get_sweep (f->doc), expected);

  /* Cached: a request is answered from the cache. */
  memset (waits, 0, sizeof waits);
  sc_document_compute_sweep_async (f->doc, NULL, sweep_ready_cb, &waits[0]);
  wait_for_sweeps (waits, 1);
  g_assert_true (waits[0].ready);
}

/* An edit while the sweep is computed: the request gets the sweep of the
 * edited profile, never the one the job started with. */
static void
test_sweep_edit_midway (Fixture       *f,
                        gconstpointer  data)
{
  double before = gmv (f);
  g_autoptr(ScSweep) expected = sweep_at (f->doc, before * 2);
  g_autoptr(ScSweep) old = sweep_at (f->doc, before);
  SweepWait wait = { 0 };

  sc_document_compute_sweep_async (f->doc, NULL, sweep_ready_cb, &wait);
  /* The job started with @before; the profile changes under it. */
  g_assert_true (sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, before * 2, NULL));
  g_assert_false (sc_document_has_sweep (f->doc));
  wait_for_sweeps (&wait, 1);
  g_assert_no_error (wait.error);
  g_assert_cmpuint (wait.calls, ==, 1);
  g_assert_true (wait.ready);
  assert_same_sweep (sc_document_get_sweep (f->doc), expected);
  g_assert_cmpfloat (sc_document_get_sweep (f->doc)->points[0], !=, old->points[0]);

  /* Switching a program off midway: the newer sweep leaves it out. */
  memset (&wait, 0, sizeof wait);
  sc_document_compute_sweep_async (f->doc, NULL, sweep_ready_cb, &wait);
  sc_document_set_program_enabled (f->doc, "kuaishou.star-plan-2026", FALSE);
  g_clear_pointer (&expected, sc_sweep_free);
  expected = sweep_at (f->doc, before * 2);
  wait_for_sweeps (&wait, 1);
  g_assert_true (wait.ready);
  assert_same_sweep (sc_document_get_sweep (f->doc), expected);
}

/* A cancelled request says so, and the document still caches the sweep. */
static void
test_sweep_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  SweepWait wait = { 0 };

  sc_document_compute_sweep_async (f->doc, cancellable, sweep_ready_cb, &wait);
  g_cancellable_cancel (cancellable);
  wait_for_sweeps (&wait, 1);
  g_assert_false (wait.ready);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);
  g_assert_true (sc_document_has_sweep (f->doc));
}

/* Adding program files waits for a running job (it reads the catalog);
 * in the background mode a window uses, even the plain getter computes on
 * a worker thread. */
static void
test_sweep_background (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.xml", NULL);
  SweepWait wait = { 0 };
  g_autoptr(ScSweep) expected = NULL;
  const ScSweep *sweep;

  sc_document_set_sweep_in_background (f->doc, TRUE);
  sc_document_compute_sweep_async (f->doc, NULL, sweep_ready_cb, &wait);
  g_assert_false (sc_document_add_program_file (f->doc, missing, SC_ORIGIN_COMMAND_LINE, NULL));
  wait_for_sweeps (&wait, 1);
  g_assert_true (wait.ready);

  g_assert_true (sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, gmv (f) + 1000, NULL));
  expected = sweep_at (f->doc, gmv (f));
  sweep = sc_document_get_sweep (f->doc);
  assert_same_sweep (sweep, expected);
  g_assert_true (sc_document_get_sweep_thread (f->doc) != (gconstpointer) g_thread_self ());
  g_assert_true (sc_document_get_sweep (f->doc) == sweep);
  wait_for_jobs (f->doc);

  /* The command line's way: computed in place. */
  sc_document_set_sweep_in_background (f->doc, FALSE);
  g_assert_true (sc_document_set_number (f->doc, SC_FIELD_MONTHLY_GMV, gmv (f) + 1000, NULL));
  g_assert_nonnull (sc_document_get_sweep (f->doc));
  g_assert_true (sc_document_get_sweep_thread (f->doc) == (gconstpointer) g_thread_self ());
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
  /* The notes of the document's language (the example has notes per
   * language): the other language's stay. */
  {
    const char *lang = sc_lang_to_code (sc_document_get_lang (f->doc));
    const char *other = g_str_equal (lang, "zh") ? "en" : "zh";
    g_autofree char *other_notes = NULL;

    g_assert_cmpstr (sc_profile_get_notes_in (sc_document_get_profile (f->doc), lang), ==,
                     "Client since 2024; wants Douyin first");
    other_notes = g_strdup (sc_profile_get_notes_in (sc_document_get_profile (f->doc), other));
    g_assert_cmpstr (other_notes, !=, "Client since 2024; wants Douyin first");
    g_assert_cmpstr (sc_document_get_undo_label (f->doc), ==, "Changed the profile’s notes");
    g_assert_true (sc_document_undo (f->doc));
    g_assert_cmpstr (sc_profile_get_notes_in (sc_document_get_profile (f->doc), lang), !=, "Client since 2024");
    g_assert_cmpstr (sc_profile_get_notes_in (sc_document_get_profile (f->doc), other), ==, other_notes);
  }

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
  g_test_add ("/document/result-ready", Fixture, NULL, fixture_set_up, test_result_ready, fixture_tear_down);
  g_test_add ("/document/options", Fixture, NULL, fixture_set_up, test_options, fixture_tear_down);
  g_test_add ("/document/sweep-async", Fixture, NULL, fixture_set_up, test_sweep_async, fixture_tear_down);
  g_test_add ("/document/sweep-edit-midway", Fixture, NULL, fixture_set_up, test_sweep_edit_midway, fixture_tear_down);
  g_test_add ("/document/sweep-cancelled", Fixture, NULL, fixture_set_up, test_sweep_cancelled, fixture_tear_down);
  g_test_add ("/document/sweep-background", Fixture, NULL, fixture_set_up, test_sweep_background, fixture_tear_down);
  g_test_add_func ("/document/lang", test_lang);
  return g_test_run ();
}
