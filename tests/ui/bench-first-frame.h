/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What bench-ui's start-up comparison shares with bench-minimal: a child
 * process started by bench-ui prints the monotonic time of its first
 * painted frame ("first-frame USEC"), then of the first frame that shows
 * all of its content ("content-frame USEC", the same frame for a window
 * that makes everything before it), and leaves at once. The parent
 * measures from before the exec, dynamic linking included, for Shangce and
 * for a minimal libadwaita window alike.
 */
#pragma once

#include <gtk/gtk.h>
#include <stdio.h>
#include <unistd.h>

/* TRUE once @window shows all it has to show. */
typedef gboolean (*BenchContentShown) (GtkWidget *window);

static BenchContentShown bench_content_shown;

static void
bench_first_frame_painted_cb (GdkFrameClock *clock,
                              GtkWidget     *window)
{
  static gboolean first_done;
  gint64 now = g_get_monotonic_time ();

  if (!first_done)
    printf ("first-frame %" G_GINT64_FORMAT "\n", now);
  first_done = TRUE;
  if (bench_content_shown != NULL && !bench_content_shown (window))
    return;
  printf ("content-frame %" G_GINT64_FORMAT "\n", now);
  fflush (stdout);
  /* Nothing after that frame is measured: no teardown either. */
  _exit (0);
}

static void
bench_first_frame_realized_cb (GtkWidget *window,
                               gpointer   data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_first_frame_painted_cb), window);
}

static void
bench_first_frame_window_added_cb (GtkApplication *app,
                                   GtkWindow      *window,
                                   gpointer        data)
{
  g_signal_connect_after (window, "realize", G_CALLBACK (bench_first_frame_realized_cb), NULL);
}

/* Reports the first frame of @app's first window on stdout, and the first
 * for which @shown (NULL: any) says all content is there. */
static inline void
bench_first_frame_watch (GtkApplication    *app,
                         BenchContentShown  shown)
{
  bench_content_shown = shown;
  g_signal_connect (app, "window-added", G_CALLBACK (bench_first_frame_window_added_cb), NULL);
}
