/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Preferences window: the defaults of the user's own assumptions for new
 * profiles, among them the cash value of a yuan tied to the platform (the
 * share verdicts count of ad credit, coupons and traffic, issue 13), edited
 * as a percentage and given to the next new profile.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-preferences-window.h"
#include "sc-profile.h"
#include "sc-session.h"
#include "ui-test.h"

static ScApplication *app;

/* The row titled @title under @root, or NULL. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_locked_value_worth (void)
{
  GSettings *settings = g_settings_new (APP_ID);
  ScMainWindow *win = ui_test_open_window (app);
  GtkWidget *prefs = sc_preferences_window_new (GTK_WINDOW (win), settings);
  GtkWidget *row, *spin, *capital;
  g_autoptr(ScProfile) profile = NULL;

  g_settings_reset (settings, "locked-value-worth");
  gtk_window_present (GTK_WINDOW (prefs));
  iterate ();

  /* Beside cost of capital and the value of exposures, as an assumption. */
  capital = find_row (prefs, "Cost of capital");
  row = find_row (prefs, "Cash value of ¥1 tied to the platform");
  g_assert_nonnull (capital);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_parent (row) == gtk_widget_get_parent (capital));
  spin = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  g_assert_true (gtk_widget_is_sensitive (spin));

  /* The schema's default, 0.5, shown as 50 %. */
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 50, 1e-9);
  /* 80 % in the window is 0.8 in the settings, and the reverse. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 80);
  iterate ();
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "locked-value-worth"), 0.8, 1e-9);
  g_settings_set_double (settings, "locked-value-worth", 0.25);
  iterate ();
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 25, 1e-9);
  /* Never past the field's bounds: 0 to 100 %. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 150);
  iterate ();
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "locked-value-worth"), 1.0, 1e-9);

  /* The next new profile starts from it. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 70);
  iterate ();
  profile = sc_session_new_profile (sc_main_window_get_session (win));
  g_assert_cmpfloat_with_epsilon (sc_profile_get_number (profile, SC_FIELD_LOCKED_VALUE_WORTH, NAN), 0.7, 1e-9);

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "locked-value-worth");
  g_object_unref (settings);
  ui_test_destroy_window (win);
}

int
main (int    argc,
      char **argv)
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();
  g_test_add_func ("/preferences/locked-value-worth", test_locked_value_worth);
  return ui_test_run (app);
}
