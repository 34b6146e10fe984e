/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-ui"

#include "config.h"

#include "sc-application.h"

#include <glib/gi18n.h>

#include "sc-preferences-window.h"
#include "sc-main-window.h"
#include "sc-recovery-offer.h"

struct _ScApplication
{
  AdwApplication   parent_instance;

  /* What a crashed session left, offered when the first window opens. */
  ScRecoveryOffer *recovery;
};

G_DEFINE_FINAL_TYPE (ScApplication, sc_application, ADW_TYPE_APPLICATION)

static ScMainWindow *
ensure_window (ScApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && SC_IS_MAIN_WINDOW (window))
    return SC_MAIN_WINDOW (window);
  return sc_main_window_new (self);
}

static void
sc_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ensure_window (SC_APPLICATION (app))));
}

static void
sc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  ScMainWindow *window = ensure_window (SC_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    sc_main_window_open_file (window, files[i]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
action_quit (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  /* Closing a window removes it from the application's list while we walk
   * it: walk a copy that holds its own references. */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (data)));

  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);

  /* Each window asks about its unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
action_about (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  const char *developers[] = { "Shangce contributors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));

  adw_show_about_window (parent,
                         "application-name", _("Shangce"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Shangce contributors"),
                         "developers", developers,
                         "website", "https://github.com/shangce/shangce",
                         "issue-url", "https://github.com/shangce/shangce/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Compare e-commerce platforms’ merchant-support programs for your own numbers"),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
action_preferences (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (data));
  GSettings *settings = parent && SC_IS_MAIN_WINDOW (parent)
                        ? sc_session_get_settings (sc_main_window_get_session (SC_MAIN_WINDOW (parent))) : NULL;

  gtk_window_present (GTK_WINDOW (sc_preferences_window_new (parent, settings)));
}

/* Help and the shortcuts window belong to a window: the app actions hand
 * over to the active one's. */
static void
activate_in_active_window (GApplication *app,
                           const char   *window_action)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), window_action, NULL);
}

static void
action_help (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  activate_in_active_window (data, "win.help");
}

static void
action_shortcuts (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  activate_in_active_window (data, "win.show-help-overlay");
}

static void
sc_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "quit", action_quit, NULL, NULL, NULL },
    { "about", action_about, NULL, NULL, NULL },
    { "preferences", action_preferences, NULL, NULL, NULL },
    { "help", action_help, NULL, NULL, NULL },
    { "shortcuts", action_shortcuts, NULL, NULL, NULL },
  };
  /* Every shortcut is an accelerator of its action, so that menus and the
   * Keyboard Shortcuts window show it (class key bindings stay invisible
   * to both). */
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.export-report", { "<Control><Shift>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.copy-chart", { "<Control><Shift>c", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.help", { "F1", NULL } },
    { "win.show-page::overview", { "<Alt>1", NULL } },
    { "win.show-page::measures", { "<Alt>2", NULL } },
    { "win.show-page::programs", { "<Alt>3", NULL } },
    { "win.show-page::rule-check", { "<Alt>4", NULL } },
    { "win.show-page::scenarios", { "<Alt>5", NULL } },
    { "win.duplicate-scenario", { "<Control>d", NULL } },
  };

  G_APPLICATION_CLASS (sc_application_parent_class)->startup (app);
  SC_APPLICATION (app)->recovery = sc_recovery_offer_new (GTK_APPLICATION (app));

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
sc_application_shutdown (GApplication *app)
{
  g_clear_pointer (&SC_APPLICATION (app)->recovery, sc_recovery_offer_free);
  G_APPLICATION_CLASS (sc_application_parent_class)->shutdown (app);
}

static void
sc_application_finalize (GObject *object)
{
  g_clear_pointer (&SC_APPLICATION (object)->recovery, sc_recovery_offer_free);
  G_OBJECT_CLASS (sc_application_parent_class)->finalize (object);
}

static void
sc_application_class_init (ScApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sc_application_finalize;
  app_class->shutdown = sc_application_shutdown;

  app_class->startup = sc_application_startup;
  app_class->activate = sc_application_activate;
  app_class->open = sc_application_open;
}

static void
sc_application_init (ScApplication *self)
{
}

ScApplication *
sc_application_new (void)
{
  return g_object_new (SC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
