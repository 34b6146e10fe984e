/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The result pages of a real window under Xvfb, on the bundled example
 * profile: a bar segment's tooltip describes that segment; maxima keep
 * their "≤" in the chart's labels, totals and tooltips; chart type stays
 * legible at the default window size; the chart drop-down keeps its width;
 * the Rule Check page writes whole sentences; the Programs page names a
 * file that is not XML as such, lets the user remove it, and cites sources
 * by publisher, date and a link.
 */
#define G_LOG_DOMAIN "test-pages"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "sc-application.h"
#include "ui-test.h"
#include "sc-chart-view.h"
#include "sc-main-window.h"
#include "sc-overview-page.h"
#include "sc-rule-check-view.h"

static ScApplication *app;

/* The smallest type on screen that the chart must keep, in px. */
#define LEGIBLE_PX 11.0

static ScChartView *
show_chart (ScMainWindow *win,
            ScChartKind   kind)
{
  ScOverviewPage *page = SC_OVERVIEW_PAGE (sc_main_window_get_page (win, "overview"));

  sc_main_window_show_page (win, "overview");
  sc_overview_page_set_kind (page, kind);
  /* Another chart may ask for another height: let the frame clock lay
   * the window out again. */
  for (int i = 0; i < 10; i++)
    {
      iterate ();
      g_usleep (20000);
    }
  return sc_overview_page_get_chart_view (page);
}

static guint
category_index (const ScChartModel *model,
                const char         *name)
{
  for (guint i = 0; i < model->categories->len; i++)
    if (g_str_equal (g_ptr_array_index (model->categories, i), name))
      return i;
  g_test_message ("no category %s", name);
  g_assert_not_reached ();
}

static guint
series_index (const ScChartModel *model,
              const char         *name)
{
  for (guint i = 0; i < model->series->len; i++)
    if (g_str_equal (((const ScChartSeries *) g_ptr_array_index (model->series, i))->name, name))
      return i;
  g_test_message ("no series %s", name);
  g_assert_not_reached ();
}

/* The tooltip (markup) at the middle of bar @series of point @point. */
static char *
describe_bar (ScChartView *view,
              guint        series,
              guint        point)
{
  double zoom;
  const ScChartLayout *layout = sc_chart_view_get_layout (view, &zoom);

  g_assert_nonnull (layout);
  for (guint i = 0; i < layout->bars->len; i++)
    {
      const ScChartBar *bar = &g_array_index (layout->bars, ScChartBar, i);

      if (bar->series == series && bar->point == point)
        return sc_chart_view_describe_at (view, (bar->rect.x + bar->rect.width / 2) * zoom,
                                          (bar->rect.y + bar->rect.height / 2) * zoom);
    }
  g_test_message ("no bar of series %u at point %u", series, point);
  g_assert_not_reached ();
}

/* The first text of @role shown whose text starts with @prefix, or NULL. */
static const ScChartText *
find_text (const ScChartLayout *layout,
           ScChartTextRole      role,
           const char          *prefix)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      if (t->role == role && t->visible && g_str_has_prefix (t->text, prefix))
        return t;
    }
  return NULL;
}

/* Kuaishou's "Fees saved" segment lists what saves fees, not the ad
 * credit, coupons and traffic of the whole platform; its "Ad credit and
 * coupons" segment lists those, maxima marked. */
static void
test_segment_tooltip (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScChartView *view = show_chart (win, SC_CHART_OVERVIEW);
  guint kuaishou = category_index (sc_chart_view_get_model (view), "Kuaishou");
  g_autofree char *fees = describe_bar (view, 0, kuaishou);
  g_autofree char *subsidies = describe_bar (view, series_index (sc_chart_view_get_model (view),
                                                                  "Ad credit and coupons (tied to the platform)"),
                                             kuaishou);

  g_test_message ("fees: %s", fees);
  g_test_message ("subsidies: %s", subsidies);
  g_assert_nonnull (strstr (fees, "Fees saved: "));
  g_assert_nonnull (strstr (fees, "January first sale: up to 1,000 orders free"));
  g_assert_null (strstr (fees, "Leap gold plan"));
  g_assert_null (strstr (fees, "coupon pack"));
  g_assert_null (strstr (fees, "free traffic"));

  g_assert_nonnull (strstr (subsidies, "Ad credit and coupons (tied to the platform): up to "));
  g_assert_nonnull (strstr (subsidies, "Leap gold plan (T30/T60/T90): ≤ ¥2.5k"));
  g_assert_null (strstr (subsidies, "January first sale"));

  ui_test_destroy_window (win);
}

/* "Up to" amounts keep their "≤" on the bars, the totals, the tooltips
 * and the chart's text alternative, and a footnote says what it means. */
static void
test_maxima (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScChartView *view = show_chart (win, SC_CHART_OVERVIEW);
  const ScChartLayout *layout = sc_chart_view_get_layout (view, NULL);
  const ScChartModel *model = sc_chart_view_get_model (view);
  guint kuaishou = category_index (model, "Kuaishou");
  g_autofree char *summary = sc_chart_view_dup_summary (view);
  const ScChartText *total = NULL;

  /* The stack's total: a sum with a maximum in it. */
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      if (t->role == SC_CHART_TEXT_VALUE && t->series < 0 && t->point == (int) kuaishou)
        total = t;
    }
  g_assert_nonnull (total);
  g_assert_true (g_str_has_prefix (total->text, "≤ "));
  g_assert_nonnull (find_text (layout, SC_CHART_TEXT_FOOTNOTE, "≤ up to"));
  g_assert_nonnull (strstr (summary, "Ad credit and coupons (tied to the platform) up to "));
  /* The footnote names what the ranking counts a tied yuan as: the
   * example's 0.75. */
  {
    gboolean named = FALSE;

    for (guint i = 0; i < model->footnotes->len; i++)
      named |= g_str_equal (g_ptr_array_index (model->footnotes, i),
                            "Light segments are tied to the platform (ad credit, coupons, traffic): the ranking "
                            "counts them at ¥0.75 per yuan (assumed)");
    g_assert_true (named);
  }

  /* The verdict under the chart says how much of a total is maxima. */
  {
    g_auto(GStrv) verdicts = sc_overview_page_dup_verdicts (SC_OVERVIEW_PAGE (sc_main_window_get_page (win, "overview")));
    g_autofree char *all = g_strjoinv ("\n", verdicts);

    g_test_message ("%s", all);
    g_assert_nonnull (strstr (all, "Kuaishou: about ¥"));
    g_assert_nonnull (strstr (all, " are “up to” amounts"));
    /* The verdict's first line: the leader, its two parts, and what the
     * ranking is by, at the example's assumption; then platforms first first. */
    g_assert_true (g_str_has_prefix (verdicts[0], "Douyin comes first: about ¥"));
    g_assert_nonnull (strstr (verdicts[0], ", all of it money kept. "));
    g_assert_nonnull (strstr (verdicts[0], "Ranked by money kept plus value tied to the platform at ¥0.75 per yuan "
                                           "(assumed)."));
    g_assert_true (g_str_has_prefix (verdicts[1], "Douyin: about ¥"));
    g_assert_true (g_str_has_prefix (verdicts[2], "Kuaishou: about ¥"));
    g_assert_nonnull (strstr (verdicts[2], " tied to the platform), mostly "));
  }

  /* The measures chart: the leap gold plan's own bar. */
  view = show_chart (win, SC_CHART_MEASURES);
  model = sc_chart_view_get_model (view);
  {
    guint leap = category_index (model, "Leap gold plan (T30/T60/T90)");
    g_autofree char *tip = NULL;

    layout = sc_chart_view_get_layout (view, NULL);
    for (guint i = 0; i < layout->texts->len; i++)
      {
        const ScChartText *t = g_ptr_array_index (layout->texts, i);

        if (t->role == SC_CHART_TEXT_VALUE && t->point == (int) leap)
          g_assert_true (g_str_has_prefix (t->text, "≤ "));
      }
    for (guint i = 0; i < layout->bars->len; i++)
      {
        const ScChartBar *bar = &g_array_index (layout->bars, ScChartBar, i);

        if (bar->point == leap)
          tip = describe_bar (view, bar->series, leap);
      }
    g_assert_nonnull (tip);
    g_assert_nonnull (strstr (tip, ": up to "));
  }

  ui_test_destroy_window (win);
}

/* The text of every row of the Overview's "How sure" list, joined by
 * newlines, once the idle that fills it has run. (transfer full) */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
how_sure_text (ScMainWindow *win)
{
  GtkWidget *page = sc_main_window_get_page (win, "overview");
  GtkWidget *heading = find_label (page, "How sure");
  GtkWidget *list;
  GString *text = g_string_new (NULL);
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, ui_test_tick_cb, NULL);

  /* The list follows its heading. */
  g_assert_nonnull (heading);
  list = gtk_widget_get_next_sibling (heading);
  g_assert_true (GTK_IS_LIST_BOX (list));
  while (gtk_widget_get_first_child (list) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)))));
  return g_string_free (text, FALSE);
}

/* The Overview says how sure its verdict is: the example's lead is not
 * robust, and the list names the 30% discount's undated activity period
 * with the length at which the winner changes. */
static void
test_how_sure (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  g_autofree char *text = how_sure_text (win);

  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Douyin is ahead at the central values, but the winner changes within "
                                         "the range of:\n"));
  g_assert_nonnull (strstr (text, "length of the discount: 90 days assumed; the winner changes at 259 days "
                                  "(range 30 days to 355 days)"));

  /* After an edit the list follows once typing pauses: at four times the
   * monthly GMV the discount no longer decides, and the words change. */
  {
    ScDocument *document = ui_test_document (win);
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
    guint tick = g_timeout_add (10, ui_test_tick_cb, NULL);
    g_autofree char *after = NULL;

    g_assert_true (sc_document_set_number (document, SC_FIELD_MONTHLY_GMV, 320000, NULL));
    do
      {
        g_main_context_iteration (NULL, TRUE);
        g_free (after);
        after = how_sure_text (win);
      }
    while (g_str_equal (after, text) && g_get_monotonic_time () < end);
    g_source_remove (tick);
    g_test_message ("%s", after);
    g_assert_cmpstr (after, !=, text);
  }
  ui_test_destroy_window (win);
}

/* At the default window size no chart text is below LEGIBLE_PX on screen
 * (the footnote was 7 px), and the chart keeps a plot. */
static void
test_legible (void)
{
  ScMainWindow *win = ui_test_open_window (app);

  for (ScChartKind kind = 0; kind < SC_CHART_SCENARIOS; kind++)
    {
      ScChartView *view = show_chart (win, kind);
      double zoom;
      const ScChartLayout *layout = sc_chart_view_get_layout (view, &zoom);
      guint n_footnotes = 0;

      g_assert_nonnull (layout);
      g_test_message ("%s: %d×%d, zoom %.2f", sc_chart_kind_label (kind), gtk_widget_get_width (GTK_WIDGET (view)),
                      gtk_widget_get_height (GTK_WIDGET (view)), zoom);
      /* A kind drawn from the range analysis says, without a plot, that the
       * ranges are not worked out while the window has none to give it. */
      if (sc_chart_kind_needs_ranges (kind) && layout->empty)
        continue;
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >=, 300);
      for (guint i = 0; i < layout->texts->len; i++)
        {
          const ScChartText *t = g_ptr_array_index (layout->texts, i);

          if (!t->visible)
            continue;
          if (t->role == SC_CHART_TEXT_FOOTNOTE)
            n_footnotes++;
          if (t->role == SC_CHART_TEXT_FOOTNOTE || t->role == SC_CHART_TEXT_TICK
              || t->role == SC_CHART_TEXT_LEGEND || t->role == SC_CHART_TEXT_TITLE)
            g_assert_cmpfloat (t->size * zoom, >=, LEGIBLE_PX - 0.01);
        }
      g_assert_cmpuint (n_footnotes, >, 0);
      g_assert_cmpfloat (layout->plot.height * zoom, >, 60);
    }

  /* The smallest window keeps a chart with a plot: the page scrolls. */
  gtk_window_set_default_size (GTK_WINDOW (win), 900, 625);
  iterate ();
  g_usleep (200000);
  iterate ();
  g_test_message ("window %d×%d", gtk_widget_get_width (GTK_WIDGET (win)), gtk_widget_get_height (GTK_WIDGET (win)));
  if (gtk_widget_get_height (GTK_WIDGET (win)) <= 625)
    {
      ScChartView *view = show_chart (win, SC_CHART_OVERVIEW);
      double zoom;
      const ScChartLayout *layout = sc_chart_view_get_layout (view, &zoom);

      g_test_message ("chart %d×%d, zoom %.2f, plot %.0f×%.0f", gtk_widget_get_width (GTK_WIDGET (view)),
                      gtk_widget_get_height (GTK_WIDGET (view)), zoom, layout->plot.width, layout->plot.height);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >=, 300);
      g_assert_cmpfloat (layout->plot.height * zoom, >, 60);
    }

  ui_test_destroy_window (win);
}

/* The sensitivity chart's model once it shows lines for a monthly GMV of
 * @gmv (the rule at the profile's own GMV), waiting for the worker thread
 * that computes its sweep. */
static const ScChartModel *
wait_for_sensitivity (ScChartView *view,
                      double       gmv)
{
  for (int i = 0; i < 500; i++)
    {
      const ScChartModel *model = sc_chart_view_get_model (view);

      if (model != NULL && model->kind == SC_CHART_SENSITIVITY && model->x_values->len > 0
          && model->marker_x == gmv)
        return model;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_test_message ("no sensitivity chart for %g", gmv);
  g_assert_not_reached ();
}

/* The window computes the sensitivity sweep on a worker thread, never on
 * its main thread; an edit while it is computed gives the newer sweep;
 * a window closed while a sweep runs goes cleanly (ASan in CI). */
static void
test_sensitivity_off_main (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScDocument *doc = ui_test_document (win);
  double gmv = sc_profile_get_number (sc_document_get_profile (doc), SC_FIELD_MONTHLY_GMV, NAN);
  ScChartView *view;
  const ScChartModel *model;

  g_assert_true (isfinite (gmv));
  view = show_chart (win, SC_CHART_SENSITIVITY);
  model = wait_for_sensitivity (view, gmv);
  g_assert_cmpuint (model->series->len, >, 1);
  g_assert_nonnull (sc_document_get_sweep_thread (doc));
  g_assert_true (sc_document_get_sweep_thread (doc) != (gconstpointer) g_thread_self ());

  /* Two edits in a row, the second while the first one's sweep runs: the
   * chart ends with the second. */
  g_assert_true (sc_document_set_number (doc, SC_FIELD_MONTHLY_GMV, gmv * 2, NULL));
  g_main_context_iteration (NULL, FALSE);
  g_assert_true (sc_document_set_number (doc, SC_FIELD_MONTHLY_GMV, gmv * 3, NULL));
  model = wait_for_sensitivity (view, gmv * 3);
  g_assert_cmpfloat (g_array_index (model->x_values, double, 0), ==, gmv * 3 * 0.1);
  g_assert_true (sc_document_get_sweep_thread (doc) != (gconstpointer) g_thread_self ());

  /* Closed while a sweep is computed. */
  g_assert_true (sc_document_set_number (doc, SC_FIELD_MONTHLY_GMV, gmv, NULL));
  sc_session_recompute (sc_main_window_get_session (win), FALSE);
  g_assert_false (sc_document_has_sweep (doc));
  ui_test_destroy_window (win);
  for (int i = 0; i < 20; i++)
    {
      iterate ();
      g_usleep (10000);
    }
}

/* Choosing another chart does not move the drop-down's arrow. */
static void
test_dropdown_width (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  GtkWidget *page = sc_main_window_get_page (win, "overview");
  GtkWidget *dropdown = NULL;
  int width = -1;

  for (GtkWidget *w = GTK_WIDGET (sc_overview_page_get_chart_view (SC_OVERVIEW_PAGE (page)));
       w != NULL && dropdown == NULL; w = gtk_widget_get_parent (w))
    for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && dropdown == NULL;
         c = gtk_widget_get_next_sibling (c))
      for (GtkWidget *d = gtk_widget_get_first_child (c); d != NULL; d = gtk_widget_get_next_sibling (d))
        if (GTK_IS_DROP_DOWN (d))
          dropdown = d;
  g_assert_nonnull (dropdown);

  /* The window offers every kind but the two-scenario comparison, last in
   * the table (it needs a second profile). */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))), ==, SC_CHART_SCENARIOS);
  for (ScChartKind kind = 0; kind < SC_CHART_SCENARIOS; kind++)
    {
      show_chart (win, kind);
      g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, kind);
      if (width < 0)
        width = gtk_widget_get_width (dropdown);
      g_assert_cmpint (gtk_widget_get_width (dropdown), ==, width);
    }

  ui_test_destroy_window (win);
}

/* The Rule Check page's text under its outcome is made of sentences. */
static void
test_rule_check_sentences (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScRuleCheckView *view = SC_RULE_CHECK_VIEW (sc_main_window_get_page (win, "rule-check"));
  g_auto(GStrv) lines = NULL;

  sc_main_window_show_page (win, "rule-check");
  iterate ();
  g_test_message ("%s", adw_status_page_get_description (ui_test_status_page (GTK_WIDGET (view))));
  g_assert_cmpstr (adw_status_page_get_title (ui_test_status_page (GTK_WIDGET (view))), ==, "No violation in the profile");
  lines = g_strsplit (adw_status_page_get_description (ui_test_status_page (GTK_WIDGET (view))), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[0], ==, "The profile has no violation notice.");
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_str_has_suffix (lines[i], "."));

  ui_test_destroy_window (win);
}

/* The first widget below @widget that @match accepts, or NULL. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  prefix)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_visible (widget)
         && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix);
}

static gboolean
is_remove_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "programs.remove-error") == 0;
}

static gboolean
is_link (GtkWidget     *widget,
         gconstpointer  data)
{
  return GTK_IS_LINK_BUTTON (widget);
}

/* A plain-text file added as a program says it is not XML, with its line,
 * and the user can take it off the list. */
static void
test_programs_not_xml (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  GtkWidget *page = sc_main_window_get_page (win, "programs");
  g_autofree char *path = g_build_filename (ui_test_home, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *prefix = g_strdup_printf ("%s:1:1: ", path);
  GtkWidget *row, *remove_button;
  const char *title;

  g_assert_true (g_file_set_contents (path, "Call the Kuaishou manager on Monday.\nAsk about the deposit.\n", -1, NULL));
  sc_main_window_show_page (win, "programs");
  sc_main_window_add_program_files (win, &file, 1);
  iterate ();

  row = find_widget (page, is_row_titled, prefix);
  g_assert_nonnull (row);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_test_message ("%s", title);
  g_assert_nonnull (strstr (title, "not an XML file"));
  g_assert_null (strstr (title, "empty"));
  g_assert_nonnull (ui_test_toast (win, "not an XML file"));

  remove_button = find_widget (row, is_remove_button, NULL);
  g_assert_nonnull (remove_button);
  g_signal_emit_by_name (remove_button, "clicked");
  iterate ();
  g_assert_null (find_widget (page, is_row_titled, prefix));
  g_assert_null (find_widget (page, is_row_titled, "Files That Did Not Load"));

  g_assert_cmpint (g_remove (path), ==, 0);
  ui_test_destroy_window (win);
}

/* A source shows its publisher, date and a link to its address, not the
 * name of the file its text was copied into. */
static void
test_programs_sources (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  GtkWidget *page = sc_main_window_get_page (win, "programs");
  GtkWidget *expander, *source, *link;
  const char *subtitle;

  sc_main_window_show_page (win, "programs");
  iterate ();
  expander = find_widget (page, is_row_titled, "Nine merchant-support measures, 2026 upgrade");
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  iterate ();
  source = find_widget (expander, is_row_titled, "Source: ");
  g_assert_nonnull (source);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (source));
  g_test_message ("%s", subtitle);
  g_assert_null (strstr (subtitle, ".txt"));
  g_assert_nonnull (strstr (subtitle, "2026-01-08"));
  link = find_widget (source, is_link, NULL);
  g_assert_nonnull (link);
  g_assert_cmpstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), ==,
                   "https://www.chinanews.com/cj/2026/01-08/10548441.shtml");

  /* A source with no address recorded says so. */
  expander = find_widget (page, is_row_titled, "Star Plan 2026");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  iterate ();
  source = find_widget (expander, is_row_titled, "Source: ");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (source));
  g_assert_null (strstr (subtitle, ".txt"));
  g_assert_nonnull (strstr (subtitle, "no web address recorded"));

  ui_test_destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();

  g_test_add_func ("/ui/chart/segment-tooltip", test_segment_tooltip);
  g_test_add_func ("/ui/chart/maxima", test_maxima);
  g_test_add_func ("/ui/chart/legible", test_legible);
  g_test_add_func ("/ui/overview/how-sure", test_how_sure);
  g_test_add_func ("/ui/overview/dropdown-width", test_dropdown_width);
  g_test_add_func ("/ui/chart/sensitivity-off-main", test_sensitivity_off_main);
  g_test_add_func ("/ui/rule-check/sentences", test_rule_check_sentences);
  g_test_add_func ("/ui/programs/not-xml", test_programs_not_xml);
  g_test_add_func ("/ui/programs/sources", test_programs_sources);

  return ui_test_run (app);
}
