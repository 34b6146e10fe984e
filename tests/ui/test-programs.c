/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the Programs and Measures pages say about a program's platform-wide
 * figures and about measures the source calls expected (预计), in a real
 * window under Xvfb, on the bundled example profile (an enterprise apparel
 * store): a program's headline is shown in its details and is no measure;
 * an expected measure carries a visible badge and says from when.
 */
#define G_LOG_DOMAIN "test-programs"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sc-application.h"
#include "ui-test.h"
#include "sc-main-window.h"
#include "sc-measure-item.h"
#include "sc-measures-view.h"
#include "sc-programs-view.h"

static ScApplication *app;

/* Every widget of @type below @widget whose @get text equals @text (or, with
 * @prefix, starts with it), appended to @found. */
static void
collect (GtkWidget   *widget,
         GType        type,
         const char *(*get) (GtkWidget *),
         const char  *text,
         gboolean     prefix,
         GPtrArray   *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      const char *got = get (widget);

      if (got != NULL && (prefix ? g_str_has_prefix (got, text) : g_str_equal (got, text)))
        g_ptr_array_add (found, widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, get, text, prefix, found);
}

static const char *
row_title (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
label_text (GtkWidget *label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The one row of @type titled @title below @widget. */
static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, row_title, title, FALSE, found);
  if (found->len != 1)
    g_test_message ("%u rows titled “%s”", found->len, title);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

/* How many "Expected" badges below @widget are on screen; each must be a badge. */
static guint
n_expected_badges_shown (GtkWidget *widget)
{
  g_autoptr(GPtrArray) badges = g_ptr_array_new ();
  guint n = 0;

  collect (widget, GTK_TYPE_LABEL, label_text, "Expected", FALSE, badges);
  for (guint i = 0; i < badges->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (badges, i)))
      {
        g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (badges, i), "status-badge"));
        n++;
      }
  return n;
}

/* The badges of n_expected_badges_shown() once the table has been laid
 * out: a busy machine may take more than one frame to map new rows, so this
 * runs the main loop until @want are shown or five seconds have passed. */
static guint
wait_badges (GtkWidget *widget,
             guint      want)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, ui_test_tick_cb, NULL);
  guint n;

  while ((n = n_expected_badges_shown (widget)) != want && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return n;
}

/* Douyin's 2025 nine measures: "over 32 billion yuan saved" is a figure of
 * the whole platform, listed with the program's summary, not a measure the
 * merchant missed. */
static void
test_programs_headline (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  GtkWidget *page = sc_main_window_get_page (win, "programs");
  GtkWidget *expander, *headline;
  g_autoptr(GPtrArray) old_measure = g_ptr_array_new ();
  const char *subtitle;

  sc_main_window_show_page (win, "programs");
  iterate ();
  g_assert_cmpstr (sc_main_window_get_visible_page (win), ==, "programs");

  expander = find_row (page, ADW_TYPE_EXPANDER_ROW, "Nine merchant-support measures (2025)");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  iterate ();

  headline = find_row (expander, ADW_TYPE_ACTION_ROW,
                       "Over 32 billion yuan of costs saved for merchants in one year by these measures "
                       "(all merchants together)");
  /* The expander's revealer maps its rows when its animation has run: give
   * it the frames a busy machine needs. */
  for (int i = 0; i < 200 && !gtk_widget_get_mapped (headline); i++)
    {
      iterate ();
      g_usleep (10000);
    }
  g_assert_true (gtk_widget_get_mapped (headline));
  g_assert_true (gtk_widget_has_css_class (headline, "headline"));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (headline));
  g_assert_true (g_str_has_prefix (subtitle, "Platform-wide figure, all merchants together, never one merchant's value: “"));
  g_assert_nonnull (strstr (subtitle, "累计为商家节省成本超过320亿元"));

  /* What the merchant may get follows it; the old fake measure is gone. */
  find_row (expander, ADW_TYPE_ACTION_ROW, "Commission waived on product-card (shelf) orders");
  collect (page, ADW_TYPE_ACTION_ROW, row_title, "Over 32 billion yuan saved", TRUE, old_measure);
  g_assert_cmpuint (old_measure->len, ==, 0);

  ui_test_destroy_window (win);
}

/* The Star Plan's 优质企业店 deposit discount is expected from 2026-03-01:
 * the Programs page badges it among the plan's measures, and the Measures
 * page shows the badge in its status cell and says from when. */
static void
test_measures_expected (void)
{
  static const char *const deposit = "Deposit discount for quality enterprise stores (expected March 2026)";
  ScMainWindow *win = ui_test_open_window (app);
  ScMeasuresView *view = SC_MEASURES_VIEW (sc_main_window_get_page (win, "measures"));
  GtkWidget *programs = sc_main_window_get_page (win, "programs");
  GListModel *model = ui_test_table_rows (GTK_WIDGET (view));
  g_autoptr(ScMeasureItem) item = NULL;
  GtkWidget *expander;

  /* Programs page: a badge beside the measure, none beside its neighbours. */
  sc_main_window_show_page (win, "programs");
  iterate ();
  expander = find_row (programs, ADW_TYPE_EXPANDER_ROW, "Star Plan 2026");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  iterate ();
  g_assert_cmpuint (n_expected_badges_shown (find_row (expander, ADW_TYPE_ACTION_ROW, deposit)), ==, 1);
  g_assert_cmpuint (n_expected_badges_shown (find_row (expander, ADW_TYPE_ACTION_ROW,
                                                       "First-sale cash back and traffic pack for new merchants")), ==, 0);

  /* Measures page, narrowed to the deposit measure as a user would search. */
  sc_main_window_show_page (win, "measures");
  iterate ();
  ui_test_search (GTK_WIDGET (view), "Deposit discount for quality");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  g_assert_true (sc_measure_item_get_expected (item));
  g_assert_cmpint (sc_measure_item_get_status (item), ==, SC_MEASURE_NOT_QUANTIFIED);
  g_assert_cmpstr (sc_measure_item_get_text (item, SC_MEASURE_COLUMN_STATUS), ==,
                   "Not quantified (expected from 2026-03-01, not yet in force)");
  g_assert_true (g_str_has_prefix (sc_measure_item_get_text (item, SC_MEASURE_COLUMN_REASON),
                                   "Expected (预计) from 2026-03-01, not yet in force"));

  /* The badge is drawn in the row's status cell. */
  g_assert_cmpuint (wait_badges (GTK_WIDGET (view), 1), ==, 1);

  /* A measure in force shows no such badge. */
  ui_test_search (GTK_WIDGET (view), "First-sale cash back and traffic pack");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpuint (wait_badges (GTK_WIDGET (view), 0), ==, 0);

  ui_test_destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();

  g_test_add_func ("/ui/programs/headline", test_programs_headline);
  g_test_add_func ("/ui/measures/expected", test_measures_expected);

  return ui_test_run (app);
}
