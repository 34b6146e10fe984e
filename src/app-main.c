/* SPDX-License-Identifier: GPL-3.0-or-later */
/* shangce-app: the desktop application, started by shangce (main.c). */
#include "config.h"

#include <gtk/gtk.h>

#include "sc-application.h"
#include "sc-i18n.h"

int
main (int   argc,
      char *argv[])
{
  sc_i18n_setup (argc, argv);
  /* gtk_init() would call setlocale (LC_ALL, "") again and undo the
   * messages locale chosen above. */
  gtk_disable_setlocale ();

  g_autoptr(ScApplication) app = sc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
