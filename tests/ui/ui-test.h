/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every test of the desktop application under Xvfb shares. */
#pragma once

#include <adwaita.h>

#include "sc-application.h"
#include "sc-main-window.h"

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

/* Destroys @win without asking about unsaved changes. */
static inline void
ui_test_destroy_window (ScMainWindow *win)
{
  gtk_window_destroy (GTK_WINDOW (win));
  iterate ();
}
