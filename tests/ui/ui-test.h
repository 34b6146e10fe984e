/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every test of the desktop application under Xvfb shares. */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sc-application.h"
#include "sc-field.h"
#include "sc-main-window.h"
#include "sc-profile-editor.h"
#include "test-util.h"

/* The folder of this test process that stands in for the user's state and
 * data folders (see ui_test_init()). */
static char *ui_test_home;

/*
 * Starts the main() of a UI test. Without a display to open windows on it
 * prints TAP's skip line and returns FALSE: main() then returns 0 (exit
 * code 77 would count as an error under TAP).
 *
 * Otherwise the process gets fresh folders of its own for the user's state
 * (recovery copies) and data (recent files, added programs), set before
 * anything reads them (GLib keeps the first answer): no window here is
 * offered what another test, or a run that crashed, left behind. Then the
 * process speaks English (or SHANGCE_TEST_LANGUAGE) and GTest starts.
 */
static inline gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  g_autofree char *state = NULL;
  g_autofree char *data = NULL;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  ui_test_home = g_dir_make_tmp ("shangce-ui-test-XXXXXX", NULL);
  g_assert_nonnull (ui_test_home);
  state = g_build_filename (ui_test_home, "state", NULL);
  data = g_build_filename (ui_test_home, "data", NULL);
  g_assert_cmpint (g_mkdir_with_parents (state, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  /* SHANGCE_TEST_LANGUAGE runs a test in another language (meson sets it). */
  g_setenv ("LANGUAGE", g_getenv ("SHANGCE_TEST_LANGUAGE") ? g_getenv ("SHANGCE_TEST_LANGUAGE") : "en", TRUE);
  g_test_init (argc, argv, NULL);
  return TRUE;
}

/* GTK 4.8 warns "Trying to snapshot … without a current allocation" when a
 * toast's button is drawn in the frame it is being unparented in (seen on
 * slow ASan runs only, after several toasts in a row). It is GTK's, not a
 * fault of the window: a test that makes toasts in a row lets that one
 * warning through and keeps every other warning fatal. */
static inline gboolean
ui_test_fatal_log_cb (const char     *domain,
                      GLogLevelFlags  level,
                      const char     *message,
                      gpointer        data)
{
  return !(g_strcmp0 (domain, "Gtk") == 0 && (level & G_LOG_LEVEL_WARNING)
           && strstr (message, "without a current allocation") != NULL);
}

static inline void
ui_test_allow_gtk_snapshot_warning (void)
{
  g_test_log_set_fatal_handler (ui_test_fatal_log_cb, NULL);
}

/* Removes the folders ui_test_init() made: at the end of main(). */
static inline void
ui_test_finish (void)
{
  test_remove_tree (ui_test_home);
  g_clear_pointer (&ui_test_home, g_free);
}

/* The end of a UI test's main(): runs the tests added, then lets go of
 * @application and the folders ui_test_init() made. */
static inline int
ui_test_run (ScApplication *application)
{
  int status = g_test_run ();

  g_object_unref (application);
  ui_test_finish ();
  return status;
}

/* Runs idle recomputes and redraws until nothing is pending. */
static inline void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Initialises GTK and libadwaita and registers a Shangce application.
 * Tests may run beside a real Shangce or each other: never become remote. */
static inline ScApplication *
ui_test_new_app (void)
{
  ScApplication *application;

  gtk_init ();
  adw_init ();
  application = sc_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));
  return application;
}

/* A main window of @application, shown, on the bundled example whatever an
 * earlier test saved, with every program switched on. */
static inline ScMainWindow *
ui_test_open_window (ScApplication *application)
{
  GSettings *settings = g_settings_new (APP_ID);
  ScMainWindow *win;

  g_settings_set_string (settings, "last-profile", "");
  g_settings_set_strv (settings, "disabled-programs", NULL);
  g_object_unref (settings);

  win = sc_main_window_new (application);
  gtk_window_present (GTK_WINDOW (win));
  iterate ();
  return win;
}

/* The document @win works on (profile A). (transfer none) */
static inline ScDocument *
ui_test_document (ScMainWindow *win)
{
  return sc_session_get_document (sc_main_window_get_session (win));
}

/* Destroys @win without asking about unsaved changes. */
static inline void
ui_test_destroy_window (ScMainWindow *win)
{
  gtk_window_destroy (GTK_WINDOW (win));
  iterate ();
}

/* The button labelled @label (with its mnemonic) inside @widget, or NULL. */
static inline GtkWidget *
ui_test_find_button (GtkWidget  *widget,
                     const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget under @root (itself included) of @type, unless NULL
 * named @name (gtk_widget_set_name()) and with the style class
 * @css_class, depth first; or NULL. */
static inline GtkWidget *
ui_test_find_full (GtkWidget  *root,
                   GType       type,
                   const char *name,
                   const char *css_class)
{
  if (root == NULL)
    return NULL;
  if (g_type_is_a (G_OBJECT_TYPE (root), type)
      && (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0)
      && (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_full (child, type, name, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget under @root (itself included) of @type and, unless
 * @name is NULL, named @name, depth first; or NULL. */
static inline GtkWidget *
ui_test_find (GtkWidget  *root,
              GType       type,
              const char *name)
{
  return ui_test_find_full (root, type, name, NULL);
}

/* The profile editor @win's editor pane shows: scenario B's while the A/B
 * switch above it chooses B, else the profile's (also while the short
 * start covers it). The window makes its editors after its first frame:
 * this waits for them. */
static inline GtkWidget *
ui_test_editor (ScMainWindow *win)
{
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *editor, *shown;
  GtkStack *stack;

  while ((editor = ui_test_find (GTK_WIDGET (win), SC_TYPE_PROFILE_EDITOR, NULL)) == NULL
         && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (editor);
  /* The editors are pages of one stack, A's named "editor". */
  g_assert_true (GTK_IS_STACK (gtk_widget_get_parent (editor)));
  stack = GTK_STACK (gtk_widget_get_parent (editor));
  shown = gtk_stack_get_visible_child (stack);
  if (shown != NULL && SC_IS_PROFILE_EDITOR (shown))
    return shown;
  return gtk_stack_get_child_by_name (stack, "editor");
}

/* The row of @field in @win's profile editor, which names each row by its
 * field's XML name. The editor builds most rows after the first frame:
 * this waits for them. */
static inline GtkWidget *
ui_test_field_row (ScMainWindow *win,
                   ScField       field)
{
  GtkWidget *editor = ui_test_editor (win);
  const char *name = sc_field_info (field)->name;
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *row;

  while ((row = ui_test_find (editor, ADW_TYPE_ACTION_ROW, name)) == NULL
         && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (row);
  return row;
}

/* The message the row of @field shows for a value refused, or NULL: the
 * row is marked as an error and says why under its title. */
static inline const char *
ui_test_field_message (ScMainWindow *win,
                       ScField       field)
{
  GtkWidget *row = ui_test_field_row (win, field);

  return gtk_widget_has_css_class (row, "error") ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;
}

/* Ticks or clears the "given" box of @field's row, as a click would. */
static inline void
ui_test_set_given (ScMainWindow *win,
                   ScField       field,
                   gboolean      given)
{
  GtkWidget *check = ui_test_find (ui_test_field_row (win, field), GTK_TYPE_CHECK_BUTTON, NULL);

  g_assert_nonnull (check);
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) != given)
    gtk_widget_activate (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) == given);
}

static inline void
ui_test_day_selected_cb (GtkCalendar *calendar,
                         gboolean    *selected)
{
  *selected = TRUE;
}

/*
 * Enters @text in the row of @field of the editor shown, as a user would:
 * a number typed in the row's unit (percent for a fraction), "true" or
 * "false" set on its switch, a choice's value picked in its drop-down, a
 * date (YYYY-MM-DD) picked in its calendar. TRUE when the row takes it:
 * no message under its title and its "given" box ticked.
 */
static inline gboolean
ui_test_enter (ScMainWindow *win,
               ScField       field,
               const char   *text)
{
  GtkWidget *row = ui_test_field_row (win, field);
  const ScFieldInfo *info = sc_field_info (field);
  GtkWidget *given = ui_test_find (row, GTK_TYPE_CHECK_BUTTON, NULL);

  g_assert_nonnull (given);
  switch (info->type)
    {
    case SC_FIELD_TYPE_NUMBER:
    case SC_FIELD_TYPE_MONEY:
    case SC_FIELD_TYPE_FRACTION:
      {
        GtkWidget *spin = ui_test_find (row, GTK_TYPE_SPIN_BUTTON, NULL);

        g_assert_nonnull (spin);
        gtk_editable_set_text (GTK_EDITABLE (spin), text);
      }
      break;
    case SC_FIELD_TYPE_BOOL:
      {
        GtkWidget *sw = ui_test_find (row, GTK_TYPE_SWITCH, NULL);

        g_assert_nonnull (sw);
        if (!g_str_equal (text, "true") && !g_str_equal (text, "false"))
          return FALSE;
        /* Flipped twice: set even when it showed that value already. */
        gtk_switch_set_active (GTK_SWITCH (sw), !g_str_equal (text, "true"));
        gtk_switch_set_active (GTK_SWITCH (sw), g_str_equal (text, "true"));
      }
      break;
    case SC_FIELD_TYPE_CHOICE:
      {
        GtkWidget *dropdown = ui_test_find (row, GTK_TYPE_DROP_DOWN, NULL);
        guint i = 0;

        g_assert_nonnull (dropdown);
        while (info->choices[i] != NULL && !g_str_equal (info->choices[i], text))
          i++;
        if (info->choices[i] == NULL)
          return FALSE;
        /* Picking what it shows changes nothing: ticking "given" sets it. */
        if (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)) == i)
          ui_test_set_given (win, field, TRUE);
        else
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
      }
      break;
    case SC_FIELD_TYPE_DATE:
      {
        GtkWidget *calendar = ui_test_find (row, GTK_TYPE_CALENDAR, NULL);
        ScDay day = sc_day_parse (text);
        g_autoptr(GDateTime) date = NULL;
        gboolean selected = FALSE;
        gulong id;
        int y, m, d;

        g_assert_nonnull (calendar);
        if (day == SC_DAY_NONE)
          return FALSE;
        sc_day_to_ymd (day, &y, &m, &d);
        date = g_date_time_new_local (y, m, d, 0, 0, 0);
        /* A click on a day selects it and says so. */
        id = g_signal_connect (calendar, "day-selected", G_CALLBACK (ui_test_day_selected_cb), &selected);
        gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
        g_signal_handler_disconnect (calendar, id);
        if (!selected)
          g_signal_emit_by_name (calendar, "day-selected");
      }
      break;
    default:
      return FALSE;
    }
  return !gtk_widget_has_css_class (row, "error") && gtk_check_button_get_active (GTK_CHECK_BUTTON (given));
}

/* The status page under @page: its title and description are what it says. */
static inline AdwStatusPage *
ui_test_status_page (GtkWidget *page)
{
  GtkWidget *status = ui_test_find (page, ADW_TYPE_STATUS_PAGE, NULL);

  g_assert_nonnull (status);
  return ADW_STATUS_PAGE (status);
}

/* The rows a table under @page shows, after its filter and sort. */
static inline GListModel *
ui_test_table_rows (GtkWidget *page)
{
  GtkWidget *table = ui_test_find (page, GTK_TYPE_COLUMN_VIEW, NULL);

  g_assert_nonnull (table);
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
}

typedef struct
{
  const char *want;
  gboolean    changed;
} UiTestSearch;

static inline void
ui_test_search_changed_cb (GtkSearchEntry *entry,
                           UiTestSearch   *search)
{
  /* Replacing the text first empties the entry, and an empty entry says
   * "search changed" at once: only the search for @want counts. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), search->want) == 0)
    search->changed = TRUE;
}

/* Types @text into the search entry under @page and waits, as a user
 * would, until the entry says the search for @text changed. */
static inline void
ui_test_search (GtkWidget  *page,
                const char *text)
{
  GtkWidget *entry = ui_test_find (page, GTK_TYPE_SEARCH_ENTRY, NULL);
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  UiTestSearch search = { text, FALSE };
  gulong id;

  g_assert_nonnull (entry);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;
  id = g_signal_connect (entry, "search-changed", G_CALLBACK (ui_test_search_changed_cb), &search);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  while (!search.changed && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (entry, id);
  g_assert_true (search.changed);
}

/*
 * Answers the question @dialog as a user would: clicks its button labelled
 * @label ("_Save", "_Recover", …), or with @label NULL closes it as Escape
 * does. Either way the question must be gone afterwards, not merely have
 * emitted its answer.
 */
static inline void
ui_test_answer (GtkWindow  *dialog,
                const char *label)
{
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  if (label != NULL)
    {
      GtkWidget *button = ui_test_find_button (GTK_WIDGET (dialog), label);

      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
    }
  else
    gtk_window_close (dialog);
  iterate ();
  if (dialog != NULL)
    {
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    }
}

/* The question @win shows that offers the response @response ("save" for
 * "Save Changes?", "recover" for the crash-recovery offer), found among
 * the toplevels as a user sees it; NULL when none is shown. */
static inline GtkWindow *
ui_test_question (ScMainWindow *win,
                  const char   *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w))
          && gtk_window_get_transient_for (w) == GTK_WINDOW (win)
          && adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (w), response))
        {
          g_assert_null (found);
          found = w;
        }
    }
  return found;
}

/* The "Save Changes?" question of @win, or NULL. */
static inline GtkWindow *
ui_test_unsaved_question (ScMainWindow *win)
{
  return ui_test_question (win, "save");
}

/* --- GTK's own file chooser, answered as a user would (tests that save) --- */

/* How long a test waits for a dialog to answer before it fails. */
#define UI_TEST_DIALOG_USEC (10 * G_USEC_PER_SEC)

static inline gboolean
ui_test_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @widget has been laid out (a width above 0)
 * and stays so for a frame, or five seconds have passed: a page shown
 * under load may take more than one frame to get its size. */
static inline void
ui_test_wait_laid_out (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, ui_test_tick_cb, NULL);

  while ((gtk_widget_get_width (widget) <= 0 || !gtk_widget_get_mapped (widget)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  iterate ();
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

/* The visible toplevels of @type (transfer container). */
static inline GPtrArray *
shown_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        g_ptr_array_add (found, w);
    }
  return found;
}

/* The file chooser that Save As shows, or NULL when none is shown. */
static inline GtkFileChooser *
save_as_dialog (void)
{
  g_autoptr(GPtrArray) shown = shown_toplevels (GTK_TYPE_FILE_CHOOSER_DIALOG);

  g_assert_cmpuint (shown->len, <=, 1);
  if (shown->len == 0)
    return NULL;
  g_assert_cmpint (gtk_file_chooser_get_action (g_ptr_array_index (shown, 0)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);
  return g_ptr_array_index (shown, 0);
}

/* Answers the Save As dialog and runs the main loop until it has gone: the
 * chooser checks the name it was given before it answers. */
static inline void
answer_save_as (GtkFileChooser *chooser,
                int             response)
{
  guint tick = g_timeout_add (20, ui_test_tick_cb, NULL);
  gint64 give_up = g_get_monotonic_time () + UI_TEST_DIALOG_USEC;

  gtk_dialog_response (GTK_DIALOG (chooser), response);
  while (save_as_dialog () != NULL && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_assert_null (save_as_dialog ());
  iterate ();
}

/* Types @name into the Save As dialog, in folder @dir, and presses Save. */
static inline void
save_as_into (const char *dir,
              const char *name)
{
  GtkFileChooser *chooser = save_as_dialog ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, name);
  answer_save_as (chooser, GTK_RESPONSE_ACCEPT);
}

static inline void
cancel_save_as (void)
{
  GtkFileChooser *chooser = save_as_dialog ();

  g_assert_nonnull (chooser);
  answer_save_as (chooser, GTK_RESPONSE_CANCEL);
}

/* Saves @win's profile as a user does, with Save: to its file, or, for a
 * profile never saved, through the Save As dialog answered with @name in
 * @dir. */
static inline void
ui_test_save (ScMainWindow *win,
              const char   *dir,
              const char   *name)
{
  gtk_widget_activate_action (GTK_WIDGET (win), "win.save", NULL);
  iterate ();
  if (save_as_dialog () != NULL)
    save_as_into (dir, name);
}

/* --- toasts, read as a user reads them --------------------------------- */

/* Closes @toast with its @close button once it has come up, and waits
 * until it has gone from the screen. libadwaita 1.2 frees a toast that
 * goes before it has finished coming up (0.3 s, 0.5 s after another) and
 * then reads it: a user's click is never that quick, a test's would be. */
static inline void
ui_test_close_toast (GtkWidget *toast,
                     GtkWidget *close)
{
  gint64 shown = g_get_monotonic_time () + 600 * 1000;
  gint64 give_up = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, ui_test_tick_cb, NULL);

  while (g_get_monotonic_time () < shown)
    g_main_context_iteration (NULL, TRUE);
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &toast);
  g_signal_emit_by_name (close, "clicked");
  while (toast != NULL && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  if (toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &toast);
  g_assert_null (toast);
  iterate ();
}

/*
 * The title of the toast @win shows that contains @part, or NULL when none
 * does. Toasts show one at a time: those shown before it are closed with
 * their close button, as a user reading them in turn would.
 */
static inline const char *
ui_test_toast (ScMainWindow *win,
               const char   *part)
{
  GtkWidget *overlay = ui_test_find (GTK_WIDGET (win), ADW_TYPE_TOAST_OVERLAY, NULL);

  g_assert_nonnull (overlay);
  for (guint closed = 0;; closed++)
    {
      GtkWidget *toast = NULL, *title, *close;

      /* The one shown is the last child; those going away take no input. */
      for (GtkWidget *child = gtk_widget_get_last_child (overlay); child != NULL && toast == NULL;
           child = gtk_widget_get_prev_sibling (child))
        if (child != adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay)) && gtk_widget_get_can_target (child))
          toast = child;
      if (toast == NULL)
        return NULL;
      title = ui_test_find_full (toast, GTK_TYPE_LABEL, NULL, "heading");
      g_assert_nonnull (title);
      if (strstr (gtk_label_get_text (GTK_LABEL (title)), part) != NULL)
        return gtk_label_get_text (GTK_LABEL (title));
      close = ui_test_find_full (toast, GTK_TYPE_BUTTON, NULL, "circular");
      g_assert_nonnull (close);
      g_assert_cmpuint (closed, <, 100);
      ui_test_close_toast (toast, close);
    }
}
