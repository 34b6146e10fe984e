/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The desktop application in a real window (under Xvfb): what a user sees
 * change when they edit, switch programs, add a broken file, export, save,
 * open and close. Widgets are driven through actions and the pages' public
 * functions rather than synthesized clicks.
 */
#define G_LOG_DOMAIN "test-app"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sc-application.h"
#include "ui-test.h"
#include "sc-chart-format.h"
#include "sc-chart-view.h"
#include "sc-export-dialog.h"
#include "sc-main-window.h"
#include "sc-measures-view.h"
#include "sc-overview-page.h"
#include "sc-profile-editor.h"
#include "sc-programs-view.h"
#include "sc-rule-check-view.h"

static ScApplication *app;

static ScOverviewPage *
overview (ScMainWindow *win)
{
  return SC_OVERVIEW_PAGE (sc_main_window_get_page (win, "overview"));
}

static const ScChartModel *
chart_model (ScMainWindow *win)
{
  return sc_chart_view_get_model (sc_overview_page_get_chart_view (overview (win)));
}

static char *
verdicts (ScMainWindow *win)
{
  g_auto(GStrv) lines = sc_overview_page_dup_verdicts (overview (win));
  return g_strjoinv ("\n", lines);
}

static const ScPlatformResult *
platform (ScMainWindow *win,
          const char   *id)
{
  const ScResult *result = sc_document_get_result (ui_test_document (win));
  const ScPlatformResult *p = sc_result_find_platform (result, id);

  g_assert_nonnull (p);
  return p;
}

static void
test_opens_with_example (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScDocument *document = ui_test_document (win);
  const ScProfile *profile = sc_document_get_profile (document);
  const ScChartModel *model;
  g_autofree char *lines = NULL;

  /* The bundled example, not an empty profile: numbers with no typing. */
  g_assert_cmpstr (profile->name.en, ==, "New enterprise apparel store (first sale January 2026)");
  g_assert_true (sc_profile_is_set (profile, SC_FIELD_MONTHLY_GMV));
  g_assert_false (sc_document_get_modified (document));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (win)), "New enterprise apparel store"));
  g_assert_cmpstr (sc_main_window_get_visible_page (win), ==, "overview");

  model = chart_model (win);
  g_assert_nonnull (model);
  g_assert_cmpint (model->kind, ==, SC_CHART_OVERVIEW);
  g_assert_cmpuint (model->categories->len, ==, 4);
  g_assert_false (sc_chart_model_is_empty (model));

  lines = verdicts (win);
  g_assert_nonnull (strstr (lines, "Kuaishou: about ¥"));
  g_assert_nonnull (strstr (lines, "Douyin: about ¥"));
  /* And, as a number, the monthly GMV at which the winner changes (issue 13),
   * where the sensitivity chart marks it: the example has Douyin overtake
   * Kuaishou. */
  {
    g_autoptr(GArray) crossovers = sc_sweep_crossovers (sc_document_get_sweep (document));
    g_autofree char *gmv = NULL;
    g_autofree char *expected = NULL;

    g_assert_cmpuint (crossovers->len, ==, 1);
    gmv = sc_chart_format_number (g_array_index (crossovers, ScSweepCrossover, 0).at, "en", 3);
    expected = g_strdup_printf ("\nDouyin leads above ¥%s a month of GMV (Kuaishou below)", gmv);
    g_assert_nonnull (strstr (lines, expected));
  }

  /* The measures table lists every measure of the programs switched on. */
  g_assert_cmpuint (g_list_model_get_n_items (ui_test_table_rows (sc_main_window_get_page (win, "measures"))),
                    ==, sc_document_get_result (document)->measures->len);
  ui_test_destroy_window (win);
}

static int
platform_index (const ScResult *result,
                const char     *id)
{
  for (guint i = 0; i < result->platforms->len; i++)
    if (g_str_equal (((ScPlatformResult *) g_ptr_array_index (result->platforms, i))->platform, id))
      return i;
  return -1;
}

static void
test_gmv_changes_chart (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScDocument *document = ui_test_document (win);
  const ScChartSeries *fees;
  int ks = platform_index (sc_document_get_result (document), "kuaishou");
  double before_total = platform (win, "kuaishou")->totals[SC_AMOUNT_TOTAL_VALUE];
  double before_fees;
  g_autofree char *before_lines = verdicts (win);
  g_autofree char *after_lines = NULL;
  g_autoptr(ScProfile) copy = NULL;
  g_autoptr(ScResult) expected = NULL;
  ScEngineOptions options = { .disabled = sc_document_get_disabled (document), .lang = "en" };

  fees = g_ptr_array_index (chart_model (win)->series, 0);
  before_fees = sc_chart_series_get (fees, ks);
  g_assert_cmpfloat (before_fees, ==, platform (win, "kuaishou")->totals[SC_AMOUNT_FEE_REDUCTION]);

  /* Typed into the spin button as a user would, with a thousands separator. */
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, "200,000"));
  iterate ();
  g_assert_cmpfloat (sc_profile_get_number (sc_document_get_profile (document), SC_FIELD_MONTHLY_GMV, 0), ==, 200000);
  g_assert_true (sc_document_get_modified (document));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (win)), "•"));

  /* The chart shows what the engine gives for the new numbers. */
  copy = sc_profile_copy (sc_document_get_profile (document));
  expected = sc_engine_evaluate (sc_document_get_catalog (document), copy, &options);
  fees = g_ptr_array_index (chart_model (win)->series, 0);
  g_assert_cmpfloat (sc_chart_series_get (fees, ks), ==,
                     sc_result_find_platform (expected, "kuaishou")->totals[SC_AMOUNT_FEE_REDUCTION]);
  g_assert_cmpfloat (sc_chart_series_get (fees, ks), >, before_fees);
  g_assert_cmpfloat (platform (win, "kuaishou")->totals[SC_AMOUNT_TOTAL_VALUE], >, before_total);

  after_lines = verdicts (win);
  g_assert_cmpstr (after_lines, !=, before_lines);

  /* A value out of range is refused inline and the profile keeps its value. */
  g_assert_false (ui_test_enter (win, SC_FIELD_SHOP_SCORE, "7"));
  g_assert_nonnull (strstr (ui_test_field_message (win, SC_FIELD_SHOP_SCORE), "between 0 and 5"));
  g_assert_cmpfloat (sc_profile_get_number (sc_document_get_profile (document), SC_FIELD_SHOP_SCORE, 0), ==, 4.5);
  g_assert_true (ui_test_enter (win, SC_FIELD_SHOP_SCORE, "4.3"));
  g_assert_null (ui_test_field_message (win, SC_FIELD_SHOP_SCORE));

  /* "Not given" leaves the field out: measures naming it need information. */
  ui_test_set_given (win, SC_FIELD_SHOP_SCORE, FALSE);
  g_assert_false (sc_profile_is_set (sc_document_get_profile (document), SC_FIELD_SHOP_SCORE));

  ui_test_destroy_window (win);
}

static const ScProgramResult *
most_valuable_program (const ScResult *result)
{
  const ScProgramResult *best = NULL;

  for (guint i = 0; i < result->programs->len; i++)
    {
      const ScProgramResult *pr = g_ptr_array_index (result->programs, i);
      if (best == NULL || pr->totals[SC_AMOUNT_TOTAL_VALUE] > best->totals[SC_AMOUNT_TOTAL_VALUE])
        best = pr;
    }
  return best;
}

static void
test_program_switch (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScDocument *document = ui_test_document (win);
  ScProgramsView *programs = SC_PROGRAMS_VIEW (sc_main_window_get_page (win, "programs"));
  const ScProgramResult *best = most_valuable_program (sc_document_get_result (document));
  g_autofree char *id = NULL;
  g_autofree char *plat = NULL;
  double program_total, before;
  GtkSwitch *sw;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) disabled = NULL;
  const ScProgramResult *after;

  g_assert_nonnull (best);
  id = g_strdup (best->program->id);
  plat = g_strdup (best->program->platform);
  program_total = best->totals[SC_AMOUNT_TOTAL_VALUE];
  before = platform (win, plat)->totals[SC_AMOUNT_TOTAL_VALUE];
  sw = GTK_SWITCH (ui_test_find (GTK_WIDGET (programs), GTK_TYPE_SWITCH, id));

  g_assert_cmpfloat (program_total, >, 0);
  g_assert_nonnull (sw);
  g_assert_true (gtk_switch_get_active (sw));

  gtk_switch_set_active (sw, FALSE);
  iterate ();
  after = sc_result_find_program (sc_document_get_result (document), id);
  g_assert_true (after == NULL || after->totals[SC_AMOUNT_TOTAL_VALUE] == 0);
  g_assert_cmpfloat_with_epsilon (platform (win, plat)->totals[SC_AMOUNT_TOTAL_VALUE],
                                  before - program_total, 0.01);
  disabled = g_settings_get_strv (settings, "disabled-programs");
  g_assert_true (g_strv_contains ((const char * const *) disabled, id));

  /* Switching it back restores the total. */
  gtk_switch_set_active (GTK_SWITCH (ui_test_find (GTK_WIDGET (programs), GTK_TYPE_SWITCH, id)), TRUE);
  iterate ();
  g_assert_cmpfloat_with_epsilon (platform (win, plat)->totals[SC_AMOUNT_TOTAL_VALUE], before, 1e-6);
  ui_test_destroy_window (win);
}

static void
test_broken_program_toast (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", "broken-program.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GPtrArray *errors;
  const char *toast;

  sc_main_window_open_file (win, file);
  iterate ();
  toast = ui_test_toast (win, "broken-program.xml:7:");
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (toast, "broken-program.xml:7:"));

  errors = sc_catalog_get_errors (sc_document_get_catalog (ui_test_document (win)));
  g_assert_cmpuint (errors->len, ==, 1);
  ui_test_destroy_window (win);
}

static void
png_size (const char *path,
          guint      *width,
          guint      *height)
{
  g_autofree char *data = NULL;
  gsize length;
  const guchar *p;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data + 1, 3, "PNG", 3);
  p = (const guchar *) data + 16;
  *width = (p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
  *height = (p[4] << 24) | (p[5] << 16) | (p[6] << 8) | p[7];
}

static void
test_export_png (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScExportDialog *dialog = sc_export_dialog_new (GTK_WINDOW (win), sc_main_window_get_session (win),
                                                 SC_CHART_OVERVIEW);
  g_autofree char *dir = g_dir_make_tmp ("shangce-ui-XXXXXX", NULL);
  g_autofree char *custom = g_build_filename (dir, "custom.png", NULL);
  g_autofree char *slide = g_build_filename (dir, "slide.png", NULL);
  g_autoptr(GFile) custom_file = g_file_new_for_path (custom);
  g_autoptr(GFile) slide_file = g_file_new_for_path (slide);
  g_autoptr(GError) error = NULL;
  guint w, h;

  sc_export_dialog_set_format (dialog, SC_CHART_FORMAT_PNG);
  sc_export_dialog_set_size (dialog, SC_EXPORT_SIZE_CUSTOM, 640, 360);
  sc_export_dialog_set_scale (dialog, 2);
  sc_export_dialog_set_lang (dialog, SC_LANG_ZH);
  g_assert_true (sc_export_dialog_export_to (dialog, custom_file, &error));
  g_assert_no_error (error);
  png_size (custom, &w, &h);
  g_assert_cmpuint (w, ==, 1280);
  g_assert_cmpuint (h, ==, 720);

  sc_export_dialog_set_size (dialog, SC_EXPORT_SIZE_SLIDE, 0, 0);
  sc_export_dialog_set_scale (dialog, 1);
  g_assert_true (sc_export_dialog_export_to (dialog, slide_file, &error));
  png_size (slide, &w, &h);
  g_assert_cmpuint (w, ==, 1920);
  g_assert_cmpuint (h, ==, 1080);

  /* The consultant's own title goes on the slide (the PNG's Title is the
   * title drawn). */
  {
    GtkWidget *row = NULL;
    g_autofree char *bytes = NULL;
    gsize len;

    for (GtkWidget *node = GTK_WIDGET (dialog); node != NULL; )
      {
        /* depth-first walk for the first entry row: the title */
        if (ADW_IS_ENTRY_ROW (node))
          {
            row = node;
            break;
          }
        if (gtk_widget_get_first_child (node) != NULL)
          node = gtk_widget_get_first_child (node);
        else
          {
            while (node != NULL && gtk_widget_get_next_sibling (node) == NULL)
              node = gtk_widget_get_parent (node);
            if (node != NULL)
              node = gtk_widget_get_next_sibling (node);
          }
      }
    g_assert_nonnull (row);
    gtk_editable_set_text (GTK_EDITABLE (row), "Where to sell in 2026");
    g_assert_true (sc_export_dialog_export_to (dialog, slide_file, &error));
    g_assert_true (g_file_get_contents (slide, &bytes, &len, NULL));
    {
      const char *needle = "Where to sell in 2026";
      gboolean found = FALSE;

      /* The PNG holds NUL bytes: search it byte by byte. */
      for (gsize at = 0; !found && at + strlen (needle) <= len; at++)
        found = memcmp (bytes + at, needle, strlen (needle)) == 0;
      g_assert_true (found);
    }
    gtk_editable_set_text (GTK_EDITABLE (row), "");
  }

  /* A 16:9 slide is 960 × 540 points: at scale 2, a sharp 1920 × 1080 PNG. */
  sc_export_dialog_set_size (dialog, SC_EXPORT_SIZE_SLIDE_16_9, 0, 0);
  sc_export_dialog_set_scale (dialog, 2);
  g_assert_true (sc_export_dialog_export_to (dialog, slide_file, &error));
  png_size (slide, &w, &h);
  g_assert_cmpuint (w, ==, 1920);
  g_assert_cmpuint (h, ==, 1080);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unlink (custom);
  g_unlink (slide);
  g_rmdir (dir);
  ui_test_destroy_window (win);
}

/* The number of file choosers shown. */
static guint
n_file_choosers_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        n++;
    }
  return n;
}

/*
 * The main window goes (the application ends) while the export dialog asks
 * where to write the chart: the export dialog goes with it, and so does its
 * file chooser; nothing can be exported later for a window that is gone.
 */
static void
test_export_chooser_goes_with_window (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScExportDialog *dialog = sc_export_dialog_new (GTK_WINDOW (win), sc_main_window_get_session (win),
                                                 SC_CHART_OVERVIEW);
  GtkWidget *export;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  export = ui_test_find_button (GTK_WIDGET (dialog), "_Export…");
  g_assert_nonnull (export);
  g_signal_emit_by_name (export, "clicked");
  iterate ();
  g_assert_cmpuint (n_file_choosers_shown (), ==, 1);

  ui_test_destroy_window (win);
  g_assert_cmpuint (n_file_choosers_shown (), ==, 0);
  g_assert_null (dialog);
}

static void
test_save_open_roundtrip (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScDocument *document = ui_test_document (win);
  g_autofree char *dir = g_dir_make_tmp ("shangce-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "client.shangce", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScProfile) saved = NULL;

  /* Every kind of control: number, percentage, choice, bool, date, unset, override. */
  g_assert_true (ui_test_enter (win, SC_FIELD_MONTHLY_GMV, "123456.5"));
  g_assert_true (ui_test_enter (win, SC_FIELD_RETURN_RATE, "12.5"));
  g_assert_true (ui_test_enter (win, SC_FIELD_CATEGORY, "shoes"));
  g_assert_true (ui_test_enter (win, SC_FIELD_INDUSTRY_BELT, "true"));
  g_assert_true (ui_test_enter (win, SC_FIELD_FIRST_SALE_DATE, "2026-02-14"));
  ui_test_set_given (win, SC_FIELD_EXPECTED_RANK, FALSE);
  g_assert_true (sc_document_set_override (document, "douyin",
                                           SC_FEE_COMMISSION, NULL, 0.03, NULL));
  iterate ();
  g_assert_cmpfloat (sc_profile_get_number (sc_document_get_profile (document), SC_FIELD_RETURN_RATE, 0), ==, 0.125);

  ui_test_save (win, dir, "client.shangce");
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_false (sc_document_get_modified (document));
  saved = sc_profile_copy (sc_document_get_profile (document));

  /* Open something else, then the saved file again. */
  sc_main_window_open_example (win, "individual-apparel");
  iterate ();
  g_assert_false (sc_profile_equal (saved, sc_document_get_profile (document)));
  sc_main_window_open_file (win, file);
  iterate ();
  g_assert_true (sc_profile_equal (saved, sc_document_get_profile (document)));
  g_assert_false (sc_profile_is_set (sc_document_get_profile (document), SC_FIELD_EXPECTED_RANK));
  g_assert_true (g_file_equal (sc_document_get_file (document), file));

  g_unlink (path);
  g_rmdir (dir);
  ui_test_destroy_window (win);
}

static void
test_close_asks (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  GtkWindow *dialog;

  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);
  g_assert_true (ui_test_enter (win, SC_FIELD_AD_SPEND, "9000"));
  iterate ();

  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  g_assert_nonnull (win);
  dialog = ui_test_unsaved_question (win);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));

  /* Cancel keeps the window and the changes. */
  ui_test_answer (dialog, "_Cancel");
  g_assert_nonnull (win);
  g_assert_null (ui_test_unsaved_question (win));
  g_assert_true (sc_document_get_modified (ui_test_document (win)));

  gtk_window_close (GTK_WINDOW (win));
  iterate ();
  dialog = ui_test_unsaved_question (win);
  g_assert_nonnull (dialog);
  ui_test_answer (dialog, "_Discard");
  g_assert_null (win);
}

static void
test_rule_check (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScRuleCheckView *view = SC_RULE_CHECK_VIEW (sc_main_window_get_page (win, "rule-check"));
  g_autofree char *before = g_strdup (adw_status_page_get_title (ui_test_status_page (GTK_WIDGET (view))));

  g_assert_cmpstr (before, ==, sc_relief_outcome_label (SC_RELIEF_NO_SCENARIO));
  g_assert_true (ui_test_enter (win, SC_FIELD_VIOLATION_ROLE, "merchant"));
  g_assert_true (ui_test_enter (win, SC_FIELD_VIOLATION_BLOCKING, "true"));
  iterate ();
  g_assert_cmpstr (adw_status_page_get_title (ui_test_status_page (GTK_WIDGET (view))), ==,
                   sc_relief_outcome_label (sc_document_get_rule_check (ui_test_document (win))->outcome));
  g_assert_cmpstr (adw_status_page_get_title (ui_test_status_page (GTK_WIDGET (view))), !=, before);

  sc_main_window_show_page (win, "rule-check");
  g_assert_cmpstr (sc_main_window_get_visible_page (win), ==, "rule-check");
  ui_test_destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();

  g_test_add_func ("/ui/window/opens-with-example", test_opens_with_example);
  g_test_add_func ("/ui/editor/gmv-changes-chart", test_gmv_changes_chart);
  g_test_add_func ("/ui/programs/switch-off", test_program_switch);
  g_test_add_func ("/ui/programs/broken-file-toast", test_broken_program_toast);
  g_test_add_func ("/ui/export/png-size", test_export_png);
  g_test_add_func ("/ui/export/chooser-goes-with-window", test_export_chooser_goes_with_window);
  g_test_add_func ("/ui/document/save-open", test_save_open_roundtrip);
  g_test_add_func ("/ui/document/close-asks", test_close_asks);
  g_test_add_func ("/ui/rule-check/outcome", test_rule_check);

  return ui_test_run (app);
}
