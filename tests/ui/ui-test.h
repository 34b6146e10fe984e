/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every test of the desktop application under Xvfb shares. */
#pragma once

#include <adwaita.h>

#include "sc-application.h"

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
