/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Scenario B in a real window (under Xvfb): Duplicate as Scenario makes an
 * unsaved copy named "… — scenario B"; the editor edits it with its own
 * undo; the Scenarios page shows the numbers sc_compare_documents() gives
 * for the same two profiles computed apart from the window, and the
 * `scenarios` chart; Save Scenario As writes B alone (A stays as it is)
 * and Open as Scenario reads it back;
 * closing asks about an unsaved B; removing it returns to one profile.
 */
#include "config.h"

#include <math.h>

#include "ui-test.h"

#include "sc-chart-view.h"
#include "sc-compare.h"
#include "sc-compare-report.h"
#include "sc-export-dialog.h"
#include "sc-format.h"
#include "sc-main-window.h"
#include "sc-profile-editor.h"
#include "sc-session.h"

static ScApplication *app;

/* Is @win still one of the application's windows? */
static gboolean
is_open (ScMainWindow *win)
{
  return g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), win) != NULL;
}

/* B's monthly GMV: four times the example's 80,000 yuan. */
#define B_GMV 320000.0

/* The first widget of @type inside @widget (itself included), or NULL. */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The A/B switch above the editor: the toggle button of @target ("a" or
 * "b") as the user sees it; NULL when the bar is hidden. */
static GtkToggleButton *
switch_button (ScMainWindow *win,
               const char   *target)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (win));
  GtkWidget *bar;

  /* Depth-first through the window to the buttons of "win.scenario". */
  while (button != NULL)
    {
      GVariant *t = GTK_IS_TOGGLE_BUTTON (button)
                    ? gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)) : NULL;

      if (t != NULL && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "win.scenario") == 0
          && g_strcmp0 (g_variant_get_string (t, NULL), target) == 0)
        break;
      if (gtk_widget_get_first_child (button) != NULL)
        button = gtk_widget_get_first_child (button);
      else
        {
          while (button != NULL && gtk_widget_get_next_sibling (button) == NULL)
            button = button == GTK_WIDGET (win) ? NULL : gtk_widget_get_parent (button);
          if (button == GTK_WIDGET (win))
            button = NULL;
          if (button != NULL)
            button = gtk_widget_get_next_sibling (button);
        }
    }
  g_assert_nonnull (button);
  bar = gtk_widget_get_ancestor (button, GTK_TYPE_REVEALER);
  g_assert_nonnull (bar);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (bar)) ? GTK_TOGGLE_BUTTON (button) : NULL;
}

/* "empty" or "compare": what the Scenarios page shows. */
static const char *
page_state (ScMainWindow *win)
{
  GtkWidget *page = sc_main_window_get_page (win, "scenarios");

  return gtk_stack_get_visible_child_name (GTK_STACK (find_widget (page, GTK_TYPE_STACK)));
}

static const char *
grid_text (GtkGrid *grid,
           int      column,
           int      row)
{
  GtkWidget *child = gtk_grid_get_child_at (grid, column, row);

  g_assert_true (GTK_IS_LABEL (child));
  return gtk_label_get_text (GTK_LABEL (child));
}

/* The row of the grid whose first cell reads @name, or -1. */
static int
find_row (GtkGrid    *grid,
          const char *name)
{
  for (int row = 0; row < 200; row++)
    {
      GtkWidget *child = gtk_grid_get_child_at (grid, 0, row);

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), name) == 0)
        return row;
    }
  return -1;
}

/* A cell reads the amount (two decimals at most, thousands grouped), with
 * "≤ " exactly when it is a maximum. */
static void
assert_money_cell (const char *text,
                   double      value,
                   gboolean    up_to)
{
  char buf[64];
  g_autofree char *money = g_strdup_printf ("¥%s", sc_format_money (buf, sizeof buf, value));

  g_assert_nonnull (strstr (text, money));
  g_assert_true (g_str_has_prefix (text, "≤ ") == up_to);
}

static void
assert_diff_cell (const char *text,
                  double      diff)
{
  char buf[64];
  g_autofree char *expected = NULL;

  if (fabs (diff) < 0.005)
    expected = g_strdup ("¥0");
  else
    expected = g_strdup_printf ("%s¥%s", diff > 0 ? "+" : "−", sc_format_money (buf, sizeof buf, fabs (diff)));
  g_assert_cmpstr (text, ==, expected);
}

/* A document on the bundled example with every program, computed apart
 * from any window. */
static ScDocument *
example_document (double monthly_gmv)
{
  ScDocument *document = sc_document_new ();
  g_autoptr(GError) error = NULL;
  ScProfile *profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);

  g_assert_no_error (error);
  sc_document_set_lang (document, SC_LANG_EN);
  sc_document_load_default_programs (document);
  sc_document_set_profile (document, profile, NULL);
  g_assert_true (sc_document_set_number (document, SC_FIELD_MONTHLY_GMV, monthly_gmv, NULL));
  return document;
}

static const ScPlatformResult *
find_platform (const ScResult *result,
               const char     *platform)
{
  for (guint i = 0; i < result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (result->platforms, i);

      if (g_str_equal (p->platform, platform))
        return p;
    }
  g_assert_not_reached ();
}

/* Chooses @path in the Open dialog shown (GTK's own, in this process) and
 * presses Open, then runs the main loop until the dialog has gone. */
static void
open_in_chooser (const char *path)
{
  g_autoptr(GPtrArray) shown = shown_toplevels (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;
  gint64 give_up = g_get_monotonic_time () + UI_TEST_DIALOG_USEC;
  guint tick;

  g_assert_cmpuint (shown->len, ==, 1);
  chooser = g_ptr_array_index (shown, 0);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_true (gtk_file_chooser_set_file (chooser, file, &error));
  g_assert_no_error (error);
  tick = g_timeout_add (20, ui_test_tick_cb, NULL);
  /* The chooser selects the file once it has read the folder. */
  for (;;)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

      if ((chosen != NULL && g_file_equal (chosen, file)) || g_get_monotonic_time () > give_up)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  while (chooser != NULL && gtk_widget_get_visible (GTK_WIDGET (chooser)) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  if (chooser != NULL)
    {
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));
      g_object_remove_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
    }
  iterate ();
}

/* The "B" cell of @name's total value on the Scenarios page. */
static const char *
total_b_text (ScMainWindow *win,
              const char   *name)
{
  GtkGrid *table = GTK_GRID (find_widget (sc_main_window_get_page (win, "scenarios"), GTK_TYPE_GRID));
  int r = find_row (table, name);

  g_assert_cmpint (r, >, 0);
  return grid_text (table, 2, r + 1);
}

static double
gmv_of (ScSession *session)
{
  return sc_profile_get_number (sc_document_get_profile (sc_session_get_document (session)), SC_FIELD_MONTHLY_GMV, 0);
}

static void
test_duplicate_edit_compare_save (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScSession *session = sc_main_window_get_session (win);
  GtkWidget *editor_a = ui_test_editor (win);
  g_autofree char *name_a = g_strdup (sc_profile_get_name (sc_document_get_profile (sc_session_get_document (session)), "en"));
  g_autofree char *name_b = g_strdup_printf ("%s — scenario B", name_a);
  g_autofree char *dir = g_build_filename (ui_test_home, "scenarios", NULL);
  g_autofree char *path = g_build_filename (dir, "scenario-b.shangce", NULL);
  g_autoptr(ScDocument) a = example_document (80000);
  g_autoptr(ScDocument) b = example_document (B_GMV);
  g_autoptr(ScCompare) expected = NULL;
  g_autoptr(ScProfile) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  const ScChartModel *model;
  ScSession *scenario;
  GtkGrid *table;
  GtkWidget *page, *row;
  guint n_rows = 0, n_differ = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpfloat (gmv_of (session), ==, 80000);

  /* Without a scenario the page offers to make one. */
  sc_main_window_show_page (win, "scenarios");
  g_assert_cmpstr (page_state (win), ==, "empty");
  g_assert_null (sc_session_get_scenario (session));
  g_assert_null (switch_button (win, "a"));

  gtk_widget_activate_action (GTK_WIDGET (win), "win.duplicate-scenario", NULL);
  iterate ();
  scenario = sc_session_get_scenario (session);
  g_assert_nonnull (scenario);
  g_assert_cmpstr (sc_profile_get_name (sc_document_get_profile (sc_session_get_document (scenario)), "en"), ==, name_b);
  g_assert_true (sc_document_get_modified (sc_session_get_document (scenario)));
  g_assert_null (sc_document_get_file (sc_session_get_document (scenario)));
  g_assert_false (sc_document_get_modified (sc_session_get_document (session)));
  g_assert_cmpstr (sc_main_window_get_visible_page (win), ==, "scenarios");
  g_assert_cmpstr (page_state (win), ==, "compare");
  /* The switch above the editor shows, on B, marked unsaved. */
  g_assert_nonnull (switch_button (win, "b"));
  g_assert_true (gtk_toggle_button_get_active (switch_button (win, "b")));
  g_assert_false (gtk_toggle_button_get_active (switch_button (win, "a")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (switch_button (win, "b"))), ==, "Scenario B •");

  /* The editor now edits B; A keeps its GMV. */
  g_assert_true (ui_test_editor (win) != editor_a);
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, "320,000"));
  iterate ();
  g_assert_cmpfloat (gmv_of (scenario), ==, B_GMV);
  g_assert_cmpfloat (gmv_of (session), ==, 80000);

  /* The table: what sc_compare_documents() says of the same two profiles. */
  sc_document_set_name (b, SC_LANG_EN, name_b);
  expected = sc_compare_documents (a, b);
  page = sc_main_window_get_page (win, "scenarios");
  table = GTK_GRID (find_widget (page, GTK_TYPE_GRID));
  g_assert_cmpuint (expected->platforms->len, >, 0);
  for (guint i = 0; i < expected->platforms->len; i++)
    {
      const ScComparePlatform *p = g_ptr_array_index (expected->platforms, i);
      const ScPlatformResult *pa = find_platform (sc_document_get_result (a), p->platform);
      const ScPlatformResult *pb = find_platform (sc_document_get_result (b), p->platform);
      int r = find_row (table, p->name);

      g_assert_cmpint (r, >, 0);
      g_assert_cmpstr (grid_text (table, 0, r + 1), ==, "Total value");
      assert_money_cell (grid_text (table, 1, r + 1), p->total[0], pa->up_to);
      assert_money_cell (grid_text (table, 2, r + 1), p->total[1], pb->up_to);
      assert_diff_cell (grid_text (table, 3, r + 1), sc_compare_diff (p->total));
      g_assert_cmpstr (grid_text (table, 0, r + 2), ==, "Money kept");
      assert_diff_cell (grid_text (table, 3, r + 2), sc_compare_diff (p->kept));
      g_assert_cmpstr (grid_text (table, 0, r + 3), ==, "Tied to the platform");
      assert_diff_cell (grid_text (table, 3, r + 3), sc_compare_diff (p->tied));
      if (fabs (sc_compare_diff (p->total)) >= 0.005)
        n_differ++;
    }
  /* Four times the GMV changes what some platform is worth. */
  g_assert_cmpuint (n_differ, >, 0);

  /* The measures whose status differs, one row each. */
  for (row = gtk_widget_get_first_child (find_widget (page, GTK_TYPE_LIST_BOX)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, MAX (expected->changes->len, 1));

  /* The chart: one series per scenario, B's total as the table's. */
  model = sc_chart_view_get_model (SC_CHART_VIEW (find_widget (page, SC_TYPE_CHART_VIEW)));
  g_assert_nonnull (model);
  g_assert_cmpint (model->kind, ==, SC_CHART_SCENARIOS);
  g_assert_cmpuint (model->series->len, ==, SC_COMPARE_N);
  {
    const ScChartSeries *series_b = g_ptr_array_index (model->series, 1);
    double sum_chart = 0, sum_table = 0;

    for (guint i = 0; i < series_b->values->len; i++)
      sum_chart += g_array_index (series_b->values, double, i);
    for (guint i = 0; i < expected->platforms->len; i++)
      sum_table += ((ScComparePlatform *) g_ptr_array_index (expected->platforms, i))->total[1];
    g_assert_cmpfloat_with_epsilon (sum_chart, sum_table, 0.01);
  }

  /* Undo belongs to the scenario edited: B's GMV goes back, A is untouched. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  iterate ();
  g_assert_cmpfloat (gmv_of (scenario), ==, 80000);
  g_assert_true (g_str_has_prefix (ui_test_toast (win, "Undone: "), "Undone: "));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.redo", NULL);
  iterate ();
  g_assert_cmpfloat (gmv_of (scenario), ==, B_GMV);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.scenario", "s", "a");
  iterate ();
  g_assert_true (ui_test_editor (win) == editor_a);
  g_assert_true (gtk_toggle_button_get_active (switch_button (win, "a")));
  gtk_widget_activate_action (GTK_WIDGET (win), "win.undo", NULL);
  iterate ();
  g_assert_cmpfloat (gmv_of (scenario), ==, B_GMV);
  g_assert_false (sc_document_get_modified (sc_session_get_document (session)));

  /* Export Comparison writes what the page shows: the CSV's Douyin row
   * has B's total, computed independently. */
  {
    g_autofree char *csv_path = g_build_filename (dir, "compare.csv", NULL);
    g_autofree char *csv = NULL;
    g_autoptr(ScCompare) check = sc_compare_documents (sc_session_get_document (session),
                                                       sc_session_get_document (scenario));
    char money[G_ASCII_DTOSTR_BUF_SIZE];
    const ScComparePlatform *douyin = NULL;

    for (guint i = 0; i < check->platforms->len; i++)
      if (g_str_equal (((ScComparePlatform *) g_ptr_array_index (check->platforms, i))->platform, "douyin"))
        douyin = g_ptr_array_index (check->platforms, i);
    g_assert_nonnull (douyin);
    gtk_widget_activate_action (GTK_WIDGET (win), "win.export-comparison", NULL);
    iterate ();
    save_as_into (dir, "compare.csv");
    iterate ();
    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
    g_assert_nonnull (strstr (csv, sc_compare_money (money, sizeof money, douyin->total[1])));
    g_assert_true (g_str_has_prefix (ui_test_toast (win, "Comparison saved as "), "Comparison saved as "));
  }

  /* Export Chart from the Scenarios page exports that page's chart: both
   * scenarios, as a PNG that is not blank. */
  {
    g_autofree char *png_path = g_build_filename (dir, "scenarios.png", NULL);
    g_autoptr(GPtrArray) dialogs = NULL;
    g_autoptr(GError) export_error = NULL;
    g_autoptr(GFile) png = g_file_new_for_path (png_path);
    g_autoptr(ScChartModel) exported = sc_export_build_model (session, SC_CHART_SCENARIOS, SC_LANG_EN);
    ScExportDialog *dialog;
    cairo_surface_t *surface;

    g_assert_nonnull (exported);
    g_assert_cmpuint (exported->series->len, ==, 2);
    sc_main_window_show_page (win, "scenarios");
    iterate ();
    gtk_widget_activate_action (GTK_WIDGET (win), "win.export", NULL);
    iterate ();
    dialogs = shown_toplevels (SC_TYPE_EXPORT_DIALOG);
    g_assert_cmpuint (dialogs->len, ==, 1);
    dialog = g_ptr_array_index (dialogs, 0);
    sc_export_dialog_set_format (dialog, SC_CHART_FORMAT_PNG);
    g_assert_true (sc_export_dialog_export_to (dialog, png, &export_error));
    g_assert_no_error (export_error);
    gtk_window_destroy (GTK_WINDOW (dialog));
    surface = cairo_image_surface_create_from_png (png_path);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (surface), >, 100);
    cairo_surface_destroy (surface);
  }

  /* Save Scenario As writes B alone; A stays as it is. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.save-scenario-as", NULL);
  iterate ();
  save_as_into (dir, "scenario-b");
  g_assert_false (sc_document_get_modified (sc_session_get_document (scenario)));
  g_assert_nonnull (sc_document_get_file (sc_session_get_document (scenario)));
  g_assert_null (sc_document_get_file (sc_session_get_document (session)));
  reloaded = sc_profile_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sc_profile_get_number (reloaded, SC_FIELD_MONTHLY_GMV, 0), ==, B_GMV);
  g_assert_cmpstr (sc_profile_get_name (reloaded, "en"), ==, name_b);
  g_assert_true (sc_profile_equal (reloaded, sc_document_get_profile (sc_session_get_document (scenario))));

  /* Saved, it goes without a question: back to one profile. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.remove-scenario", NULL);
  iterate ();
  g_assert_null (ui_test_question (win, "remove"));
  g_assert_null (sc_session_get_scenario (session));
  g_assert_cmpstr (page_state (win), ==, "empty");
  g_assert_true (ui_test_editor (win) == editor_a);
  g_assert_null (switch_button (win, "a"));

  /* The saved file opens again as scenario B, as saved, with the same
   * numbers: the largest difference of the first comparison is back. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.open-scenario", NULL);
  iterate ();
  open_in_chooser (path);
  scenario = sc_session_get_scenario (session);
  g_assert_nonnull (scenario);
  g_assert_false (sc_document_get_modified (sc_session_get_document (scenario)));
  g_assert_cmpfloat (gmv_of (scenario), ==, B_GMV);
  g_assert_cmpstr (page_state (win), ==, "compare");
  for (guint i = 0; i < expected->platforms->len; i++)
    {
      const ScComparePlatform *p = g_ptr_array_index (expected->platforms, i);
      const ScPlatformResult *pb = find_platform (sc_document_get_result (b), p->platform);

      assert_money_cell (total_b_text (win, p->name), p->total[1], pb->up_to);
    }

  ui_test_destroy_window (win);
}

/* An unsaved scenario B is named in the unsaved-changes question before
 * the window closes: Cancel keeps both; Discard lets the window close (the
 * profile has no changes, so B is the only document named). */
static void
test_close_asks_about_scenario (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScSession *session = sc_main_window_get_session (win);

  gtk_widget_activate_action (GTK_WIDGET (win), "win.duplicate-scenario", NULL);
  iterate ();
  g_assert_nonnull (sc_session_get_scenario (session));

  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  g_assert_true (is_open (win));
  {
    GtkWindow *question = ui_test_unsaved_question (win);
    g_autofree char *title = sc_document_dup_title (sc_session_get_document (sc_session_get_scenario (session)));

    g_assert_nonnull (question);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==, "Save Changes?");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), title));
    ui_test_answer (question, "_Cancel");
  }
  g_assert_true (is_open (win));
  g_assert_nonnull (sc_session_get_scenario (session));

  /* Removing an unsaved scenario asks too; Cancel keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (win), "win.remove-scenario", NULL);
  iterate ();
  ui_test_answer (ui_test_question (win, "remove"), "_Cancel");
  g_assert_nonnull (sc_session_get_scenario (session));

  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  ui_test_answer (ui_test_unsaved_question (win), "_Discard");
  iterate ();
  g_assert_false (is_open (win));
}

/* With both the profile and scenario B changed, closing asks once and names
 * both; Discard closes the window. */
static void
test_close_names_both (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScSession *session = sc_main_window_get_session (win);
  g_autofree char *title_a = NULL;
  g_autofree char *title_b = NULL;
  GtkWindow *question;
  const char *body;

  gtk_widget_activate_action (GTK_WIDGET (win), "win.duplicate-scenario", NULL);
  iterate ();
  g_assert_true (sc_document_set_number (sc_session_get_document (session), SC_FIELD_MONTHLY_GMV, 90000, NULL));
  iterate ();
  title_a = sc_document_dup_title (sc_session_get_document (session));
  title_b = sc_document_dup_title (sc_session_get_document (sc_session_get_scenario (session)));

  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  g_assert_true (is_open (win));
  question = ui_test_unsaved_question (win);
  g_assert_nonnull (question);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question));
  g_assert_nonnull (strstr (body, title_a));
  g_assert_nonnull (strstr (body, title_b));
  ui_test_answer (question, "_Discard All");
  iterate ();
  g_assert_false (is_open (win));
}

/* "Save" in that question saves B through Save As, then the window closes. */
static void
test_close_saves_scenario (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  g_autofree char *dir = g_build_filename (ui_test_home, "close", NULL);
  g_autofree char *path = g_build_filename (dir, "b.shangce", NULL);
  g_autoptr(ScProfile) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (win), "win.duplicate-scenario", NULL);
  iterate ();
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, "320000"));
  iterate ();
  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  ui_test_answer (ui_test_unsaved_question (win), "_Save");
  save_as_into (dir, "b");
  iterate ();
  g_assert_false (is_open (win));
  saved = sc_profile_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sc_profile_get_number (saved, SC_FIELD_MONTHLY_GMV, 0), ==, B_GMV);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();
  g_test_add_func ("/ui/scenarios/duplicate-edit-compare-save", test_duplicate_edit_compare_save);
  g_test_add_func ("/ui/scenarios/close-asks", test_close_asks_about_scenario);
  g_test_add_func ("/ui/scenarios/close-saves", test_close_saves_scenario);
  g_test_add_func ("/ui/scenarios/close-names-both", test_close_names_both);
  return ui_test_run (app);
}
