/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window driven by real input under Xvfb (see ui-input.h): typing a
 * new name, turning the mouse wheel over the profile, and shortcuts. What
 * is checked is what a user would notice: the name in the saved file, byte
 * for byte in both languages; numbers that did not change by themselves;
 * a page that scrolled.
 *
 * Run once in English and once with SHANGCE_TEST_LANGUAGE=zh_CN, so that
 * each language's name is the one typed.
 */
#define G_LOG_DOMAIN "test-input"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-baselines-group.h"
#include "sc-i18n.h"
#include "sc-profile-editor.h"
#include "sc-quick-start.h"
#include "sc-session.h"
#include "ui-input.h"

static ScApplication *app;

typedef struct
{
  ScMainWindow *win;
  ScSession    *session;
  ScDocument   *document;  /* the session's */
  GtkWidget    *editor;
} Fixture;

/* One window for the whole run, as a user has: GTK 4.8 loses count of a
 * pressed pointer when a window is destroyed between real clicks. */
static ScMainWindow *shared_win;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  if (!ui_input_available ())
    {
      g_test_skip ("no X display or no xdotool");
      return;
    }
  if (shared_win == NULL)
    {
      shared_win = ui_test_open_window (app);
      gtk_window_set_default_size (GTK_WINDOW (shared_win), 1280, 900);
    }
  f->win = shared_win;
  f->session = sc_main_window_get_session (f->win);
  f->document = sc_session_get_document (f->session);
  f->editor = ui_test_editor (f->win);
  ui_input_settle (200);
  ui_input_focus_window (GTK_WIDGET (f->win));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
}

/* The AdwEntryRow titled "Name" of the profile editor. */
static GtkWidget *
name_entry (Fixture *f)
{
  GtkWidget *row = ui_input_find (f->editor, ADW_TYPE_ENTRY_ROW);

  g_assert_nonnull (row);
  return row;
}

/*
 * Select the whole name and type a new one, then add to it: the name in the
 * window's language changes, the other language's name stays byte for byte
 * (it used to be read from freed memory: garbage in the file, or a crash on
 * an invalid UTF-8 title). Both survive a save and a reopen.
 */
static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  gboolean zh = g_str_equal (sc_lang_current (), "zh");
  const char *typed = zh ? "张氏服饰 工厂店" : "Zhang Apparel Outlet";
  const ScProfile *profile;
  g_autofree char *other_before = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) reopened = NULL;
  g_autofree char *expected = NULL;
  const char *title;

  if (f->win == NULL)
    return;
  profile = sc_document_get_profile (f->document);
  other_before = g_strdup (zh ? profile->name.en : profile->name.zh);
  g_assert_nonnull (other_before);

  ui_input_move_to_center (name_entry (f));
  ui_input_click (1);
  ui_input_key ("ctrl+a");
  ui_input_type (typed);
  ui_input_key ("End");
  ui_input_type (" X");
  expected = g_strconcat (typed, " X", NULL);

  profile = sc_document_get_profile (f->document);
  g_assert_cmpstr (zh ? profile->name.zh : profile->name.en, ==, expected);
  g_assert_cmpstr (zh ? profile->name.en : profile->name.zh, ==, other_before);
  title = gtk_window_get_title (GTK_WINDOW (f->win));
  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_nonnull (strstr (title, expected));

  dir = g_dir_make_tmp ("shangce-input-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "renamed.shangce", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (sc_session_save (f->session, file, &error));
  g_assert_no_error (error);

  reopened = sc_profile_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (reopened->name.zh, strlen (reopened->name.zh),
                   zh ? expected : other_before, strlen (zh ? expected : other_before));
  g_assert_cmpmem (reopened->name.en, strlen (reopened->name.en),
                   zh ? other_before : expected, strlen (zh ? other_before : expected));
  test_remove_tree (dir);
}

/* The profile's notes are shown in full and edited by typing; they are
 * saved with the profile (the field existed in the file but the window
 * never showed it). */
static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) reopened = NULL;
  const ScProfile *profile;
  const char *lang;
  const char *other;

  if (f->win == NULL)
    return;
  profile = sc_document_get_profile (f->document);
  view = ui_input_find (f->editor, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* The example's notes in the window's language: the English window does
   * not show the Chinese ones. */
  lang = sc_lang_to_code (sc_document_get_lang (f->document));
  g_assert_cmpstr (shown, ==, sc_profile_get_notes_in (profile, lang) ? sc_profile_get_notes_in (profile, lang) : "");
  other = sc_profile_get_notes_in (profile, g_str_equal (lang, "zh") ? "en" : "zh");
  if (other != NULL)
    g_assert_cmpstr (shown, !=, other);

  ui_input_move_to_center (view);
  ui_input_click (1);
  ui_input_key ("ctrl+End");
  ui_input_type (" Met 3 May.");
  expected = g_strconcat (shown, " Met 3 May.", NULL);
  g_assert_cmpstr (sc_profile_get_notes_in (sc_document_get_profile (f->document), lang), ==, expected);
  /* The other language's notes are left as they were. */
  g_assert_cmpstr (sc_profile_get_notes_in (sc_document_get_profile (f->document), g_str_equal (lang, "zh") ? "en" : "zh"),
                   ==, other);
  g_assert_true (sc_document_get_modified (f->document));

  dir = g_dir_make_tmp ("shangce-input-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "notes.shangce", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (sc_session_save (f->session, file, &error));
  g_assert_no_error (error);
  reopened = sc_profile_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_profile_get_notes_in (reopened, lang), ==, expected);
  test_remove_tree (dir);
}

/* The scrolled window of the profile editor. */
static GtkAdjustment *
editor_vadjustment (Fixture *f)
{
  GtkWidget *scrolled = ui_input_find (f->editor, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/*
 * Turning the wheel with the pointer over a number scrolls the page and
 * changes nothing: the review saw rank 800 become 799 and live hours drop
 * from 12 to 8, which dropped a measure. Once the user clicked into the
 * field, the wheel is theirs and does change it.
 */
static void
test_wheel (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ScProfile) before = NULL;
  GtkWidget *row, *spin;
  GtkAdjustment *vadj;
  double scrolled_from, value;

  if (f->win == NULL)
    return;
  row = ui_test_field_row (f->win, SC_FIELD_LIVE_HOURS_FIRST_7D);
  spin = ui_input_find (row, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_true (sc_profile_is_set (sc_document_get_profile (f->document), SC_FIELD_LIVE_HOURS_FIRST_7D));

  /* Bring the field into view, in the upper part of the page, with
   * nothing focused. */
  gtk_window_set_focus (GTK_WINDOW (f->win), NULL);
  vadj = editor_vadjustment (f);
  {
    GtkWidget *scrolled = ui_input_find (f->editor, GTK_TYPE_SCROLLED_WINDOW);
    graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), at;

    g_assert_true (gtk_widget_compute_point (spin, scrolled, &top, &at));
    gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + at.y - 150);
    ui_input_settle (150);
  }
  value = gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin));
  before = sc_profile_copy (sc_document_get_profile (f->document));
  g_assert_false (sc_document_get_modified (f->document));

  scrolled_from = gtk_adjustment_get_value (vadj);
  ui_input_move_to_center (spin);
  for (int i = 0; i < 3; i++)
    ui_input_click (5);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, value);
  g_assert_true (sc_profile_equal (before, sc_document_get_profile (f->document)));
  g_assert_false (sc_document_get_modified (f->document));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, scrolled_from);

  /* Scroll back up over it: still nothing changes. */
  ui_input_move_to_center (spin);
  for (int i = 0; i < 3; i++)
    ui_input_click (4);
  g_assert_true (sc_profile_equal (before, sc_document_get_profile (f->document)));
  g_assert_false (sc_document_get_modified (f->document));

  /* Focused (the user tabbed or clicked into it), the wheel changes the
   * value on purpose. */
  gtk_widget_grab_focus (spin);
  /* The page may scroll the focused field into view: let it finish. */
  ui_input_settle (600);
  ui_input_move_to (spin, 8, gtk_widget_get_height (spin) / 2.0);
  g_assert_true (gtk_widget_get_state_flags (spin) & GTK_STATE_FLAG_FOCUS_WITHIN);
  ui_input_click (4);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), !=, value);
  g_assert_true (sc_document_get_modified (f->document));
}

/*
 * Ctrl+N starts a new profile with the few questions that decide most of
 * the value, answered by typing; Continue puts the answers in the profile
 * and shows the full editor (a new profile used to open on about 25 rows
 * that each said "Not given").
 */
static void
test_quick_start (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *quick, *entry, *button;
  GtkWidget *spins[2];
  gboolean zh = g_str_equal (sc_lang_current (), "zh");
  const ScProfile *profile;

  if (f->win == NULL)
    return;
  /* Nothing unsaved, so that New asks no question. */
  dir = g_dir_make_tmp ("shangce-input-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "before-new.shangce", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (sc_session_save (f->session, file, &error));

  ui_input_key ("ctrl+n");
  quick = ui_input_find (GTK_WIDGET (f->win), SC_TYPE_QUICK_START);
  g_assert_nonnull (quick);
  g_assert_true (gtk_widget_get_mapped (quick));
  g_assert_false (gtk_widget_get_mapped (f->editor));

  entry = ui_input_find (quick, ADW_TYPE_ENTRY_ROW);
  ui_input_move_to_center (entry);
  ui_input_click (1);
  ui_input_type (zh ? "李宁工厂店" : "Li Ning Outlet");
  /* The two number rows, in order: GMV, then average order value. */
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new ();
    GtkWidget *stack[64];
    guint top = 0;

    stack[top++] = quick;
    while (top > 0)
      {
        GtkWidget *w = stack[--top];
        g_autoptr(GPtrArray) kids = g_ptr_array_new ();

        if (GTK_IS_SPIN_BUTTON (w))
          {
            g_ptr_array_add (found, w);
            continue;
          }
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (kids, c);
        for (guint i = kids->len; i > 0 && top < G_N_ELEMENTS (stack); i--)
          stack[top++] = g_ptr_array_index (kids, i - 1);
      }
    g_assert_cmpuint (found->len, ==, 2);
    spins[0] = g_ptr_array_index (found, 0);
    spins[1] = g_ptr_array_index (found, 1);
  }
  ui_input_move_to (spins[0], 10, gtk_widget_get_height (spins[0]) / 2.0);
  ui_input_click (1);
  ui_input_key ("ctrl+a");
  ui_input_type ("80000");
  ui_input_key ("Tab");
  ui_input_move_to (spins[1], 10, gtk_widget_get_height (spins[1]) / 2.0);
  ui_input_click (1);
  ui_input_key ("ctrl+a");
  ui_input_type ("160");
  ui_input_key ("Tab");

  button = ui_test_find_button (quick, "_Continue");
  g_assert_nonnull (button);
  ui_input_move_to_center (button);
  ui_input_click (1);

  profile = sc_document_get_profile (f->document);
  g_assert_cmpstr (sc_profile_get_name (profile, sc_lang_current ()), ==, zh ? "李宁工厂店" : "Li Ning Outlet");
  g_assert_cmpfloat (sc_profile_get_number (profile, SC_FIELD_MONTHLY_GMV, 0), ==, 80000);
  g_assert_cmpfloat (sc_profile_get_number (profile, SC_FIELD_AVG_ORDER_VALUE, 0), ==, 160);
  g_assert_false (sc_profile_is_set (profile, SC_FIELD_STORE_TYPE));
  g_assert_true (sc_document_get_modified (f->document));
  g_assert_true (gtk_widget_get_mapped (f->editor));
  test_remove_tree (dir);
}

/*
 * Ctrl+Z undoes an edit and Shift+Ctrl+Z redoes it, pressed as keys while
 * the field still has the focus; undoing back to what was saved leaves
 * nothing unsaved. Each new edit offers "Changed …" with an Undo button.
 */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row, *spin;
  double before;

  if (f->win == NULL)
    return;
  dir = g_dir_make_tmp ("shangce-input-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "undo.shangce", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (sc_session_save (f->session, file, &error));
  g_assert_false (sc_document_get_modified (f->document));
  before = sc_profile_get_number (sc_document_get_profile (f->document), SC_FIELD_EXPECTED_RANK, -1);

  row = ui_test_field_row (f->win, SC_FIELD_EXPECTED_RANK);
  spin = ui_input_find (row, GTK_TYPE_SPIN_BUTTON);
  gtk_widget_grab_focus (spin);
  ui_input_settle (600);
  ui_input_key ("ctrl+a");
  ui_input_type ("77");
  ui_input_key ("Tab");
  g_assert_cmpfloat (sc_profile_get_number (sc_document_get_profile (f->document), SC_FIELD_EXPECTED_RANK, -1), ==, 77);
  g_assert_true (sc_document_get_modified (f->document));

  ui_input_key ("ctrl+z");
  g_assert_cmpfloat (sc_profile_get_number (sc_document_get_profile (f->document), SC_FIELD_EXPECTED_RANK, -1), ==, before);
  g_assert_false (sc_document_get_modified (f->document));
  /* The editor shows the value undone. */
  spin = ui_input_find (ui_test_field_row (f->win, SC_FIELD_EXPECTED_RANK),
                        GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, before);

  ui_input_key ("ctrl+shift+z");
  g_assert_cmpfloat (sc_profile_get_number (sc_document_get_profile (f->document), SC_FIELD_EXPECTED_RANK, -1), ==, 77);
  g_assert_true (sc_document_get_modified (f->document));
  test_remove_tree (dir);
}

static double
expected_rank (Fixture *f)
{
  return sc_profile_get_number (sc_document_get_profile (f->document), SC_FIELD_EXPECTED_RANK, -1);
}

/* Clicks into the expected-rank field, types @value over it and leaves with Tab. */
static void
type_expected_rank (Fixture *f,
                    double   value)
{
  GtkWidget *spin = ui_input_find (ui_test_field_row (f->win, SC_FIELD_EXPECTED_RANK), GTK_TYPE_SPIN_BUTTON);
  char text[32];

  gtk_widget_grab_focus (spin);
  ui_input_settle (400);
  ui_input_key ("ctrl+a");
  g_snprintf (text, sizeof text, "%g", value);
  ui_input_type (text);
  ui_input_key ("Tab");
  g_assert_cmpfloat (expected_rank (f), ==, value);
}

/*
 * Typing on in one field is one undo step; leaving the field and coming
 * back to change it again makes a second step, so Ctrl+Z takes back only
 * the second change.
 */
static void
test_undo_steps (Fixture       *f,
                 gconstpointer  data)
{
  double before;

  if (f->win == NULL)
    return;
  /* Values the field does not hold yet (earlier tests may have left one). */
  before = expected_rank (f);
  type_expected_rank (f, before + 3);
  /* Back to the same field, as a user returns to it. */
  type_expected_rank (f, before + 5);

  gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL);
  ui_input_settle (100);
  g_assert_cmpfloat (expected_rank (f), ==, before + 3);
  gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL);
  ui_input_settle (100);
  g_assert_cmpfloat (expected_rank (f), ==, before);
}

/*
 * Platform Fees: ticking "use my own value" beside a platform's assumed fee
 * and typing a value puts an override in the profile, which the estimate
 * uses; undo takes it out again.
 */
static void
test_fee_override (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *group, *expander, *check, *spin;
  const ScProfileOverride *ov;
  const ScProfile *profile;

  if (f->win == NULL)
    return;
  group = ui_input_find (f->editor, SC_TYPE_BASELINES_GROUP);
  g_assert_nonnull (group);
  expander = ui_input_find (group, ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  ui_input_settle (300);
  check = ui_input_find (expander, GTK_TYPE_CHECK_BUTTON);
  spin = ui_input_find (expander, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (check);
  g_assert_nonnull (spin);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  gtk_widget_grab_focus (spin);
  ui_input_settle (600);
  ui_input_key ("ctrl+a");
  ui_input_type ("3.5");
  ui_input_key ("Tab");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  profile = sc_document_get_profile (f->document);
  g_assert_cmpuint (profile->overrides->len, ==, 1);
  ov = g_ptr_array_index (profile->overrides, 0);
  g_assert_cmpfloat (fabs (ov->value - (ov->fee == SC_FEE_COMMISSION || ov->fee == SC_FEE_PROMOTION ? 0.035 : 3.5)), <, 1e-9);

  gtk_widget_activate_action (GTK_WIDGET (f->win), "win.undo", NULL);
  ui_input_settle (100);
  g_assert_cmpuint (sc_document_get_profile (f->document)->overrides->len, ==, 0);
}

typedef struct
{
  GtkWindow *win;
  gboolean   seen;
} CloseDialog;

/* Closes the first dialog over @data's window (then stops). */
static gboolean
close_print_dialog_cb (gpointer data)
{
  CloseDialog *close = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint k = 0; k < g_list_model_get_n_items (toplevels); k++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, k);

      if (w != close->win && gtk_widget_get_visible (GTK_WIDGET (w))
          && gtk_window_get_transient_for (w) == close->win)
        {
          close->seen = TRUE;
          gtk_window_close (w);
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

/*
 * The keys of the Keyboard Shortcuts window, pressed: Alt+2 and Alt+1 move
 * between pages, Ctrl+F puts the cursor in the measures' search, Shift+
 * Ctrl+C copies the chart; and the actions without keys (an example from
 * the Open menu, a toast, printing) run.
 */
static void
test_shortcut_keys (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *focus;
  GdkContentFormats *formats;
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (f->win == NULL)
    return;
  /* Nothing unsaved, so that opening an example asks no question. */
  dir = g_dir_make_tmp ("shangce-input-XXXXXX", &error);
  path = g_build_filename (dir, "keys.shangce", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (sc_session_save (f->session, file, &error));

  ui_input_key ("alt+2");
  g_assert_cmpstr (sc_main_window_get_visible_page (f->win), ==, "measures");
  ui_input_key ("alt+1");
  g_assert_cmpstr (sc_main_window_get_visible_page (f->win), ==, "overview");

  ui_input_key ("ctrl+f");
  g_assert_cmpstr (sc_main_window_get_visible_page (f->win), ==, "measures");
  focus = gtk_root_get_focus (GTK_ROOT (f->win));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  ui_input_key ("alt+1");

  ui_input_key ("ctrl+shift+c");
  formats = gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (f->win)));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  g_assert_cmpstr (ui_test_toast (f->win, "Chart"), ==, "Chart copied");

  gtk_widget_activate_action (GTK_WIDGET (f->win), "win.open-example", "s", "individual-apparel");
  ui_input_settle (100);
  g_assert_null (sc_document_get_file (f->document));
  g_assert_cmpstr (sc_profile_get_name (sc_document_get_profile (f->document), "en"), !=, "");

  gtk_widget_activate_action (GTK_WIDGET (f->win), "win.toast", "s", "Hello");
  g_assert_cmpstr (ui_test_toast (f->win, "Hello"), ==, "Hello");

  /* Printing runs the print dialog in a loop of its own: answer it from
   * inside that loop, as a user pressing Cancel would. */
  {
    CloseDialog close = { GTK_WINDOW (f->win), FALSE };
    guint id = g_timeout_add (50, close_print_dialog_cb, &close);

    gtk_widget_activate_action (GTK_WIDGET (f->win), "win.print", NULL);
    for (int i = 0; i < 200 && !close.seen; i++)
      ui_input_settle (10);
    if (!close.seen)
      g_source_remove (id);
    g_assert_true (close.seen);
  }
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();
  g_test_add ("/input/rename", Fixture, NULL, fixture_set_up, test_rename, fixture_tear_down);
  g_test_add ("/input/notes", Fixture, NULL, fixture_set_up, test_notes, fixture_tear_down);
  g_test_add ("/input/wheel", Fixture, NULL, fixture_set_up, test_wheel, fixture_tear_down);
  g_test_add ("/input/undo", Fixture, NULL, fixture_set_up, test_undo, fixture_tear_down);
  g_test_add ("/input/undo-steps", Fixture, NULL, fixture_set_up, test_undo_steps, fixture_tear_down);
  g_test_add ("/input/fee-override", Fixture, NULL, fixture_set_up, test_fee_override, fixture_tear_down);
  g_test_add ("/input/shortcut-keys", Fixture, NULL, fixture_set_up, test_shortcut_keys, fixture_tear_down);
  g_test_add ("/input/quick-start", Fixture, NULL, fixture_set_up, test_quick_start, fixture_tear_down);
  status = g_test_run ();
  if (shared_win != NULL)
    ui_test_destroy_window (shared_win);
  g_object_unref (app);
  ui_test_finish ();
  return status;
}
