/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The monkey: random clicks, wheel turns, key presses and typing sent
 * through the X server to the real window (ui-input.h), from a fixed seed.
 * It fails on a crash or a critical warning (GTest makes them fatal), on a
 * profile that a turn of the wheel changed, on a window title that is not
 * valid UTF-8, and on a saved profile that is not valid UTF-8 or does not
 * open again.
 *
 *   SHANGCE_MONKEY_SEED    the seed (default 20261207); printed at start
 *   SHANGCE_MONKEY_EVENTS  how many events (default 120: the normal suite;
 *                          run a few thousand by hand)
 */
#define G_LOG_DOMAIN "test-monkey"

#include "config.h"

#include <string.h>

#include "sc-field.h"
#include "sc-session.h"
#include "ui-input.h"

static ScApplication *app;

/* Keys a user presses while working: moving, confirming, undoing, pages.
 * Not Ctrl+Q or Ctrl+W: the monkey would only end its own run. */
static const char *const keys[] = {
  "Tab", "shift+Tab", "Return", "space", "Escape", "Up", "Down", "Left", "Right",
  "BackSpace", "Delete", "Page_Down", "Page_Up", "Home", "End", "ctrl+a",
  "ctrl+z", "ctrl+shift+z", "alt+1", "alt+2", "alt+3", "alt+4", "F10",
};

static const char *const texts[] = {
  "12", "0", "-5", "1e15", "3.5", "abc", "张氏服饰", "快手 抖音", "99999999", "·", " ",
};

/* Closes every toplevel but @win (dialogs the monkey opened) as the
 * window manager's close button does: a close request, which a dialog
 * answers as its cancel. */
static void
close_other_windows (GtkWindow *win)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i - 1);

      if (w != win && gtk_widget_get_visible (GTK_WIDGET (w)))
        gtk_window_close (w);
    }
  iterate ();
}

static void
test_monkey (void)
{
  const char *seed_env = g_getenv ("SHANGCE_MONKEY_SEED");
  const char *events_env = g_getenv ("SHANGCE_MONKEY_EVENTS");
  guint32 seed = seed_env != NULL ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : 20261207;
  guint events = events_env != NULL ? (guint) g_ascii_strtoull (events_env, NULL, 10) : 120;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *dir = NULL, *path = NULL, *saved = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) reopened = NULL;
  ScMainWindow *win;
  ScSession *session;
  guint counts[4] = { 0 };

  if (!ui_input_available ())
    {
      g_test_skip ("no X display or no xdotool");
      return;
    }
  g_test_message ("seed %u, %u events", seed, events);
  win = ui_test_open_window (app);
  gtk_window_set_default_size (GTK_WINDOW (win), 1280, 900);
  session = sc_main_window_get_session (win);
  ui_input_settle (300);
  ui_input_focus_window (GTK_WIDGET (win));

  for (guint i = 0; i < events; i++)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (win));
      int height = gtk_widget_get_height (GTK_WIDGET (win));
      double x = g_rand_double_range (rand, 4, MAX (width - 4, 5));
      /* Below the header bar: its window buttons would close the window. */
      double y = g_rand_double_range (rand, 52, MAX (height - 4, 53));
      guint kind = g_rand_int_range (rand, 0, 100);

      if (kind < 30)
        {
          ui_input_move_to (GTK_WIDGET (win), x, y);
          ui_input_click (1);
          counts[0]++;
        }
      else if (kind < 55)
        {
          g_autoptr(ScProfile) before = NULL;
          gboolean modified;
          GtkWidget *focus;

          /* A switch flipped by the last key changes the profile when its
           * animation ends: let that happen before the wheel turns. */
          ui_input_settle (300);
          before = sc_profile_copy (sc_document_get_profile (sc_session_get_document (session)));
          modified = sc_document_get_modified (sc_session_get_document (session));
          focus = gtk_root_get_focus (GTK_ROOT (win));

          ui_input_move_to (GTK_WIDGET (win), x, y);
          ui_input_click (g_rand_boolean (rand) ? 4 : 5);
          /* The wheel changes a value only in the field that has the focus. */
          if (focus == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) == NULL)
            {
              if (!sc_profile_equal (before, sc_document_get_profile (sc_session_get_document (session))))
                {
                  const ScProfile *after = sc_document_get_profile (sc_session_get_document (session));
                  GtkWidget *under = gtk_widget_pick (GTK_WIDGET (win), x, y, GTK_PICK_DEFAULT);
                  GString *what = g_string_new (NULL);

                  for (guint f = 0; f < SC_N_FIELDS; f++)
                    if (before->values[f].set != after->values[f].set
                        || before->values[f].number != after->values[f].number
                        || before->values[f].date != after->values[f].date
                        || g_strcmp0 (before->values[f].choice, after->values[f].choice) != 0)
                      g_string_append_printf (what, " %s", sc_field_info (f)->name);
                  if (before->as_of != after->as_of || before->horizon_months != after->horizon_months)
                    g_string_append (what, " as-of/horizon");
                  g_error ("event %u (seed %u): the wheel at %.0f,%.0f over %s (focus %s) changed:%s",
                           i, seed, x, y, under ? G_OBJECT_TYPE_NAME (under) : "-",
                           focus ? G_OBJECT_TYPE_NAME (focus) : "-", what->str);
                }
              g_assert_cmpint (modified, ==, sc_document_get_modified (sc_session_get_document (session)));
            }
          counts[1]++;
        }
      else if (kind < 85)
        {
          ui_input_key (keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))]);
          counts[2]++;
        }
      else
        {
          ui_input_type (texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))]);
          counts[3]++;
        }
      close_other_windows (GTK_WINDOW (win));
      g_assert_true (g_utf8_validate (gtk_window_get_title (GTK_WINDOW (win)), -1, NULL));
    }
  g_test_message ("%u clicks, %u wheel turns, %u keys, %u texts", counts[0], counts[1], counts[2], counts[3]);

  /* Whatever the monkey did, the profile saves as valid UTF-8 and opens. */
  dir = g_dir_make_tmp ("shangce-monkey-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "monkey.shangce", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (sc_session_save (session, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, &error));
  g_assert_true (g_utf8_validate (saved, -1, NULL));
  reopened = sc_profile_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (sc_profile_equal (reopened, sc_document_get_profile (sc_session_get_document (session))));
  test_remove_tree (dir);
  ui_test_destroy_window (win);
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();
  g_test_add_func ("/monkey/random-input", test_monkey);
  return ui_test_run (app);
}
