/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SCAFFOLD: the application-shell work replaces this file. */
#include "config.h"

#include "sc-application.h"

struct _ScApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ScApplication, sc_application, ADW_TYPE_APPLICATION)

static void
sc_application_activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
}

static void
sc_application_class_init (ScApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = sc_application_activate;
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
                       NULL);
}
