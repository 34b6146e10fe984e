/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The reference for bench-ui's start-up figure: the least a libadwaita
 * application shows, an AdwApplicationWindow with a header bar and a label,
 * started the way Shangce's window is (not unique, no portal). Built from
 * the tree only for the benchmark; it prints when its first frame is
 * painted (bench-first-frame.h) and exits.
 */
#include "config.h"

#include <adwaita.h>

#include "bench-first-frame.h"

static void
activate_cb (GApplication *app,
             gpointer      data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Hello"));
  gtk_widget_set_vexpand (gtk_widget_get_last_child (box), TRUE);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.shangce.BenchMinimal", G_APPLICATION_NON_UNIQUE);

  bench_first_frame_watch (GTK_APPLICATION (app), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
