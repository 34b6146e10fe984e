/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Measures page in a real window under Xvfb, on the bundled example
 * profile: the table fits the default window with nothing cut, a row opens
 * the measure's details (source sentence, reasons, link) and Copy puts the
 * whole text on the clipboard, also with real clicks and keys; every status
 * icon exists in the icon theme; the page binds to a bare document (no
 * window, no session) and redraws when its result is ready, not before.
 */
#define G_LOG_DOMAIN "test-measures"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sc-application.h"
#include "ui-test.h"
#include "sc-main-window.h"
#include "sc-measure-details.h"
#include "sc-measure-item.h"
#include "sc-measures-view.h"
#include "ui-input.h"

static ScApplication *app;

/* TRUE when a label below @widget shows exactly @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* Labels below @widget that are on screen: none may be cut with "…", and
 * none may reach past @edge's right side. */
static void
assert_labels_fit (GtkWidget *widget,
                   GtkWidget *edge,
                   guint     *n_checked)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    {
      graphene_rect_t bounds;

      g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (widget)), ==, PANGO_ELLIPSIZE_NONE);
      g_assert_true (gtk_widget_compute_bounds (widget, edge, &bounds));
      if (bounds.origin.x + bounds.size.width > gtk_widget_get_width (edge) + 0.5)
        g_test_message ("“%s” ends at %.0f of %d", gtk_label_get_text (GTK_LABEL (widget)),
                        bounds.origin.x + bounds.size.width, gtk_widget_get_width (edge));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (edge) + 0.5);
      (*n_checked)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_fit (child, edge, n_checked);
}

/* The open details window, or NULL. */
static ScMeasureDetails *
find_details (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SC_IS_MEASURE_DETAILS (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return SC_MEASURE_DETAILS (window);
    }
  return NULL;
}

/* At the default window size the table's columns all fit, the Status
 * column included, and no cell is cut with "…". */
static void
test_measures_fit (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  GtkWidget *view = sc_main_window_get_page (win, "measures");
  GtkWidget *scrolled, *columns;
  int width, height;
  guint n_checked = 0;

  gtk_window_get_default_size (GTK_WINDOW (win), &width, &height);
  g_test_message ("window %d×%d", width, height);
  g_assert_cmpint (width, <=, 1100);
  sc_main_window_show_page (win, "measures");
  iterate ();

  columns = ui_input_find (view, GTK_TYPE_COLUMN_VIEW);
  scrolled = gtk_widget_get_ancestor (columns, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  g_assert_nonnull (columns);
  ui_test_wait_laid_out (scrolled);
  /* No horizontal scrolling needed: the columns are as wide as the page. */
  g_assert_cmpint (gtk_widget_get_width (columns), <=, gtk_widget_get_width (scrolled));
  g_assert_true (shows_label (columns, "Status"));
  g_assert_true (shows_label (columns, "Eligible"));
  assert_labels_fit (columns, scrolled, &n_checked);
  g_assert_cmpuint (n_checked, >, 20);

  ui_test_destroy_window (win);
}

/* Enter or double-click on a row (the column view's "activate") opens the
 * measure's details; Copy copies all of it. */
static void
test_measures_details (void)
{
  ScMainWindow *win = ui_test_open_window (app);
  ScMeasuresView *view = SC_MEASURES_VIEW (sc_main_window_get_page (win, "measures"));
  GListModel *model = ui_test_table_rows (GTK_WIDGET (view));
  g_autoptr(ScMeasureItem) item = NULL;
  GValue value = G_VALUE_INIT;
  g_autofree char *text = NULL;
  g_autofree char *quoted = NULL;
  ScMeasureDetails *details;
  GdkContentProvider *content;
  const char *reasons, *quote, *url;

  sc_main_window_show_page (win, "measures");
  iterate ();
  g_assert_null (find_details ());
  ui_test_search (GTK_WIDGET (view), "Leap gold plan");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  reasons = sc_measure_item_get_text (item, SC_MEASURE_COLUMN_REASON);
  quote = sc_measure_item_get_detail (item, SC_MEASURE_DETAIL_QUOTE);
  url = sc_measure_item_get_detail (item, SC_MEASURE_DETAIL_URL);
  g_assert_cmpstr (reasons, !=, "");
  g_assert_nonnull (strstr (quote, "跃迁斗金计划"));

  g_signal_emit_by_name (ui_input_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW), "activate", 0);
  iterate ();
  details = find_details ();
  g_assert_nonnull (details);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (details)) == GTK_WINDOW (win));

  /* The window shows the title, the quoted sentence, the reasons and the link. */
  quoted = g_strdup_printf ("“%s”", quote);
  g_assert_true (shows_label (GTK_WIDGET (details), sc_measure_item_get_text (item, SC_MEASURE_COLUMN_MEASURE)));
  g_assert_true (shows_label (GTK_WIDGET (details), quoted));
  g_assert_true (shows_label (GTK_WIDGET (details), reasons));
  g_assert_true (shows_label (GTK_WIDGET (details), "Source sentence"));
  g_assert_true (shows_label (GTK_WIDGET (details), "Numbers and their basis"));
  if (*url != '\0')
    {
      GtkWidget *link = ui_input_find (GTK_WIDGET (details), GTK_TYPE_LINK_BUTTON);

      g_assert_true (gtk_widget_get_visible (link));
      g_assert_cmpstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), ==, url);
    }

  /* Copy, as the button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (details), "details.copy", NULL));
  iterate ();
  content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (details)));
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  text = sc_measure_details_dup_text (details);
  g_assert_cmpstr (g_value_get_string (&value), ==, text);
  g_assert_true (g_str_has_prefix (text, "Leap gold plan"));
  g_assert_nonnull (strstr (text, quoted));
  g_assert_nonnull (strstr (text, reasons));
  g_assert_nonnull (strstr (text, "≤ ¥"));
  g_value_unset (&value);
  /* The button says it worked. */
  g_assert_true (shows_label (GTK_WIDGET (details), "Copied"));

  /* Escape closes it. */
  gtk_widget_activate_action (GTK_WIDGET (details), "window.close", NULL);
  iterate ();
  g_assert_null (find_details ());

  /* The Details button opens the selected row's. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "measures.show-selected", NULL)
                  && find_details () != NULL);
  gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (ui_input_find (GTK_WIDGET (view),
                                                                                             GTK_TYPE_COLUMN_VIEW))),
                                   0, TRUE);
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "measures.show-selected", NULL));
  iterate ();
  details = find_details ();
  g_assert_nonnull (details);
  gtk_window_destroy (GTK_WINDOW (details));

  ui_test_destroy_window (win);
}

/* The mapped label below @widget that shows @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* With real input through the X server: a click selects a row and Enter
 * opens its details; Ctrl+C there copies them, Escape closes them; a
 * double-click opens another row's. */
static void
test_measures_details_input (void)
{
  ScMainWindow *win;
  ScMeasuresView *view;
  GListModel *model;
  g_autoptr(ScMeasureItem) first = NULL;
  g_autoptr(ScMeasureItem) second = NULL;
  ScMeasureDetails *details;
  GdkClipboard *clipboard;
  GValue value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  if (!ui_input_available ())
    {
      g_test_skip ("no X display or no xdotool");
      return;
    }
  win = ui_test_open_window (app);
  view = SC_MEASURES_VIEW (sc_main_window_get_page (win, "measures"));
  model = ui_test_table_rows (GTK_WIDGET (view));
  sc_main_window_show_page (win, "measures");
  ui_input_settle (200);
  ui_input_focus_window (GTK_WIDGET (win));
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);

  ui_input_move_to_center (find_label (GTK_WIDGET (view), sc_measure_item_get_text (first, SC_MEASURE_COLUMN_MEASURE)));
  ui_input_click (1);
  ui_input_key ("Return");
  ui_input_settle (200);
  details = find_details ();
  g_assert_nonnull (details);
  g_assert_true (shows_label (GTK_WIDGET (details), sc_measure_item_get_text (first, SC_MEASURE_COLUMN_MEASURE)));

  ui_input_focus_window (GTK_WIDGET (details));
  ui_input_key ("ctrl+c");
  ui_input_settle (100);
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (details));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_nonnull (gdk_clipboard_get_content (clipboard));
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, NULL));
  text = sc_measure_details_dup_text (details);
  g_assert_cmpstr (g_value_get_string (&value), ==, text);
  g_value_unset (&value);

  ui_input_key ("Escape");
  ui_input_settle (200);
  g_assert_null (find_details ());

  ui_input_focus_window (GTK_WIDGET (win));
  ui_input_move_to_center (find_label (GTK_WIDGET (view), sc_measure_item_get_text (second, SC_MEASURE_COLUMN_MEASURE)));
  {
    const char *args[] = { "click", "--repeat", "2", "--delay", "60", "1", NULL };
    ui_input_xdotool (args);
  }
  ui_input_settle (200);
  details = find_details ();
  g_assert_nonnull (details);
  g_assert_true (shows_label (GTK_WIDGET (details), sc_measure_item_get_text (second, SC_MEASURE_COLUMN_MEASURE)));
  gtk_window_destroy (GTK_WINDOW (details));

  ui_test_destroy_window (win);
}

/* Every status has an icon the theme has; "needs information" is not the
 * question mark in a diamond that reads as a missing glyph (issue 11). */
static void
test_measures_icons (void)
{
  GtkIconTheme *theme;

  gtk_init ();
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  for (ScMeasureStatus s = SC_MEASURE_ELIGIBLE; s <= SC_MEASURE_NOT_QUANTIFIED; s++)
    {
      const char *name = sc_measure_status_icon (s);

      g_test_message ("%s: %s", sc_measure_status_label (s), name);
      g_assert_true (gtk_icon_theme_has_icon (theme, name));
    }
  g_assert_cmpstr (sc_measure_status_icon (SC_MEASURE_NEEDS_INFO), !=, "dialog-question-symbolic");
}

/* The page shows its "document" and follows it alone: edits wait for the
 * result of the frame ("result-ready"), then the rows are the new result's. */
static void
test_measures_bind_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScDocument) doc = sc_document_new ();
  const ScResult *result;
  GtkWidget *window, *view;
  GListModel *rows;
  const char *program_id;
  guint before;

  sc_document_load_default_programs (doc);
  sc_document_set_profile (doc, sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error), NULL);
  g_assert_no_error (error);
  sc_document_compute_result (doc);

  window = gtk_window_new ();
  view = sc_measures_view_new (doc);
  g_assert_true (sc_page_get_document (SC_PAGE (view)) == doc);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  result = sc_document_get_result (doc);
  rows = ui_test_table_rows (view);
  before = result->measures->len;
  g_assert_cmpuint (before, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, before);

  program_id = ((const ScMeasureResult *) g_ptr_array_index (result->measures, 0))->program->id;
  sc_document_set_program_enabled (doc, program_id, FALSE);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, before);

  sc_document_compute_result (doc);
  iterate ();
  result = sc_document_get_result (doc);
  g_assert_cmpuint (result->measures->len, <, before);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, result->measures->len);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();

  g_test_add_func ("/ui/measures/fit", test_measures_fit);
  g_test_add_func ("/ui/measures/details", test_measures_details);
  g_test_add_func ("/ui/measures/details-input", test_measures_details_input);
  g_test_add_func ("/ui/measures/icons", test_measures_icons);
  g_test_add_func ("/ui/measures/bind-document", test_measures_bind_document);

  return ui_test_run (app);
}
