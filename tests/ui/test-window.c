/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The application shell in a real window (under Xvfb): activation opens one
 * main window, every menu command and shortcut is an action, the about and
 * shortcuts windows open, the window size is kept in GSettings across
 * windows, and quitting closes everything.
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sc-application.h"
#include "ui-test.h"
#include "sc-help.h"
#include "sc-main-window.h"

static ScApplication *app;

static GSettings *
app_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  /* Start from the bundled example, whatever an earlier test saved. */
  g_settings_set_string (settings, "last-profile", "");
  return settings;
}

static ScMainWindow *
the_main_window (void)
{
  ScMainWindow *found = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (SC_IS_MAIN_WINDOW (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }
  return found;
}

/* A toplevel of @type other than the main windows, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static void
close_all (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  iterate ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static void
test_activate (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  ScMainWindow *win;
  const char *title;

  g_application_activate (G_APPLICATION (app));
  iterate ();
  win = the_main_window ();
  g_assert_nonnull (win);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (win)));
  /* Nothing to recover: no earlier test or run shares this process's
   * folders, whatever it left behind. */
  g_assert_null (ui_test_question (win, "recover"));

  /* "<profile> — Shangce": the example profile opened on first start. */
  title = gtk_window_get_title (GTK_WINDOW (win));
  g_assert_nonnull (title);
  g_assert_true (g_str_has_suffix (title, " — Shangce"));
  g_assert_nonnull (strstr (title, "New enterprise apparel store"));

  /* The four pages, Overview first. */
  g_assert_nonnull (sc_main_window_get_page (win, "overview"));
  g_assert_nonnull (sc_main_window_get_page (win, "measures"));
  g_assert_nonnull (sc_main_window_get_page (win, "programs"));
  g_assert_nonnull (sc_main_window_get_page (win, "rule-check"));
  g_assert_cmpstr (sc_main_window_get_visible_page (win), ==, "overview");

  /* Activating again (launching from the shell twice) raises the same window. */
  g_application_activate (G_APPLICATION (app));
  iterate ();
  g_assert_true (the_main_window () == win);

  close_all ();
}

static void
assert_accel (const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

/* Actions of the GActionMap (show-help-overlay) or installed on the class. */
static gboolean
window_has_action (ScMainWindow *win,
                   const char   *name)
{
  g_autofree char *full = g_strconcat ("win.", name, NULL);
  GType owner;
  const char *action_name;
  const GVariantType *param_type;
  const char *property_name;

  if (g_action_group_has_action (G_ACTION_GROUP (win), name))
    return TRUE;
  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (win), i, &owner, &action_name,
                                                     &param_type, &property_name); i++)
    if (g_str_equal (action_name, full))
      return TRUE;
  return FALSE;
}

static void
test_actions (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  const char *app_actions[] = { "quit", "about", "help", "shortcuts", "preferences" };
  const char *win_actions[] = { "help", "show-help-overlay", "new", "open", "save", "export" };
  ScMainWindow *win;

  for (guint i = 0; i < G_N_ELEMENTS (app_actions); i++)
    {
      g_test_message ("app.%s", app_actions[i]);
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), app_actions[i]));
      g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), app_actions[i]));
    }
  assert_accel ("app.quit", "<Control>q");
  /* GtkApplication binds Ctrl+? to the shortcuts window it loads from
   * the resource base path. */
  assert_accel ("win.show-help-overlay", "<Control>question");

  g_application_activate (G_APPLICATION (app));
  iterate ();
  win = the_main_window ();
  g_assert_nonnull (win);
  for (guint i = 0; i < G_N_ELEMENTS (win_actions); i++)
    {
      g_test_message ("win.%s", win_actions[i]);
      g_assert_true (window_has_action (win, win_actions[i]));
    }
  g_assert_false (window_has_action (win, "no-such-action"));
  close_all ();
}

static void
test_about (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  GtkWindow *about;

  g_application_activate (G_APPLICATION (app));
  iterate ();
  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  iterate ();
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==, "https://github.com/shangce/shangce");
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (the_main_window ()));
  gtk_window_destroy (about);
  close_all ();
}

static void
test_shortcuts (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  GtkWindow *shortcuts;

  g_application_activate (G_APPLICATION (app));
  iterate ();
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  iterate ();
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
  close_all ();
}

/*
 * Every entry of the Keyboard Shortcuts window shows keys: an entry that
 * names an action shows that action's accelerators, so the action must
 * exist and have some (nine entries showed none while their keys were class
 * key bindings the window cannot see).
 */
static void
test_shortcuts_have_keys (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(GtkBuilder) builder = NULL;
  GSList *objects;
  ScMainWindow *win;
  guint n = 0;

  g_application_activate (G_APPLICATION (app));
  iterate ();
  win = the_main_window ();
  g_assert_nonnull (win);
  builder = gtk_builder_new_from_resource ("/io/github/shangce/Shangce/gtk/help-overlay.ui");
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL, *action = NULL, *accel = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &title, "action-name", &action, "accelerator", &accel, NULL);
      g_test_message ("%s: %s %s", title, action ? action : "-", accel ? accel : "-");
      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);
          const char *dot = strchr (action, '.');

          g_assert_nonnull (dot);
          g_assert_cmpuint (g_strv_length (accels), >, 0);
          if (g_str_has_prefix (action, "win."))
            g_assert_true (window_has_action (win, dot + 1));
          else
            g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), dot + 1));
        }
      else
        g_assert_true (accel != NULL && *accel != '\0');
      n++;
    }
  g_slist_free (objects);
  g_assert_cmpuint (n, >=, 18);
  close_all ();
}

/*
 * F1 on a machine without a help viewer: the help built as HTML opens in
 * the web browser, in the interface's language; with no browser either, a
 * dialog says where the help file is (it used to show only "Operation not
 * supported").
 */
static void
test_help_without_viewer (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autofree char *uri = sc_help_get_uri ("measures", FALSE);
  g_autofree char *index = sc_help_get_uri (NULL, FALSE);
  g_autofree char *viewer = sc_help_get_uri ("measures", TRUE);
  g_autofree char *path = NULL, *html = NULL;
  g_autoptr(GAppInfo) browser = g_app_info_get_default_for_type ("text/html", FALSE);
  ScMainWindow *win;
  GtkWindow *dialog;

  g_assert_cmpstr (viewer, ==, "help:shangce/measures");
  g_assert_nonnull (uri);
  g_assert_true (g_str_has_prefix (uri, "file://"));
  g_assert_true (g_str_has_suffix (uri, "/C/measures.html"));
  g_assert_true (g_str_has_suffix (index, "/C/index.html"));
  path = g_filename_from_uri (uri, NULL, NULL);
  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "Measures"));

  if (sc_help_have_viewer () || browser != NULL)
    {
      g_test_message ("a help viewer or browser is installed: not pressing F1 here");
      return;
    }
  g_application_activate (G_APPLICATION (app));
  iterate ();
  win = the_main_window ();
  gtk_widget_activate_action (GTK_WIDGET (win), "win.help", NULL);
  for (int i = 0; i < 200 && (dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL; i++)
    {
      iterate ();
      g_usleep (10000);
    }
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ".html"));
  gtk_window_destroy (dialog);
  close_all ();
}

static void
test_window_size_kept (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  ScMainWindow *win;
  int width, height;

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");

  /* The schema's default size on first start. */
  g_application_activate (G_APPLICATION (app));
  iterate ();
  win = the_main_window ();
  gtk_window_get_default_size (GTK_WINDOW (win), &width, &height);
  g_assert_cmpint (width, ==, g_settings_get_int (settings, "window-width"));
  g_assert_cmpint (height, ==, g_settings_get_int (settings, "window-height"));

  /* The user makes it smaller; closing keeps that size. */
  gtk_window_set_default_size (GTK_WINDOW (win), 900, 640);
  iterate ();
  close_all ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at that size. */
  g_application_activate (G_APPLICATION (app));
  iterate ();
  win = the_main_window ();
  gtk_window_get_default_size (GTK_WINDOW (win), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  /* And is drawn at it, give or take the client-side decorations. */
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (win)) - 900), <=, 32);
  g_assert_cmpint (ABS (gtk_widget_get_height (GTK_WIDGET (win)) - 640), <=, 32);
  close_all ();
}

static void
test_quit (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  GtkWidget *win;

  g_application_activate (G_APPLICATION (app));
  iterate ();
  win = GTK_WIDGET (the_main_window ());
  g_object_add_weak_pointer (G_OBJECT (win), (gpointer *) &win);

  /* Ctrl+Q with nothing unsaved: the window goes away and is freed. */
  g_assert_true (gtk_widget_activate_action (win, "app.quit", NULL));
  iterate ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_null (win);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;
  app = ui_test_new_app ();

  g_test_add_func ("/ui/shell/activate", test_activate);
  g_test_add_func ("/ui/shell/actions", test_actions);
  g_test_add_func ("/ui/shell/about", test_about);
  g_test_add_func ("/ui/shell/shortcuts", test_shortcuts);
  g_test_add_func ("/ui/shell/shortcuts-have-keys", test_shortcuts_have_keys);
  g_test_add_func ("/ui/shell/help-without-viewer", test_help_without_viewer);
  g_test_add_func ("/ui/shell/window-size-kept", test_window_size_kept);
  g_test_add_func ("/ui/shell/quit", test_quit);

  return ui_test_run (app);
}
