/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Desktop benchmarks (meson benchmark, under Xvfb): start-up to the first
 * frame of the window against a minimal libadwaita window started in the
 * same run (aim ≤ 2×), and an edit of the monthly GMV to the chart redrawn
 * with the new numbers (aim ≤ 8 ms of work, so that a slower machine still
 * makes the frame). Prints times; never fails on a slow machine.
 *
 * The start-up comparison runs whole processes, alternately: this program
 * with --first-frame (Shangce as shangce-app starts it) and bench-minimal
 * (an AdwApplicationWindow with a header bar and a label). Each prints the
 * time of its first painted frame (bench-first-frame.h); the figure is from
 * before the exec to that frame, medians of BENCH_UI_RUNS runs each
 * (default 15).
 *
 * Start-up is split into its phases, so that the toolkit's own start
 * (gtk_init, adw_init: the reference, measured in the same run) stands
 * beside ours (the application, the window, the first frame). Under Xvfb
 * there is no desktop portal: libadwaita would wait for one to be started
 * and fail, so the portal is switched off (ADW_DISABLE_PORTAL) — a desktop
 * session answers in a few milliseconds. The application's D-Bus
 * registration is its own phase; when there is no session bus at all, the
 * application registers without one rather than GLib spending 110–150 ms
 * starting a bus for it.
 */
#define G_LOG_DOMAIN "bench-ui"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-first-frame.h"
#include "sc-application.h"
#include "sc-chart-view.h"
#include "sc-i18n.h"
#include "sc-main-window.h"
#include "sc-overview-page.h"
#include "ui-test.h"

static gint64 first_frame_at;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
ms_since (gint64 t)
{
  return (g_get_monotonic_time () - t) / 1000.0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  if (first_frame_at == 0)
    first_frame_at = g_get_monotonic_time ();
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* A chart view under @widget that has drawn. */
static gboolean
chart_drawn (GtkWidget *widget)
{
  if (SC_IS_CHART_VIEW (widget) && sc_chart_view_get_draw_count (SC_CHART_VIEW (widget)) > 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (chart_drawn (child))
      return TRUE;
  return FALSE;
}

/* --first-frame: Shangce's window as src/app-main.c starts it. */
static int
first_frame_main (void)
{
  char *argv[] = { (char *) "shangce-app", NULL };
  g_autoptr(ScApplication) app = NULL;

  sc_i18n_setup (1, argv);
  gtk_disable_setlocale ();
  app = sc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  bench_first_frame_watch (GTK_APPLICATION (app), chart_drawn);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* Milliseconds from before starting @argv to its first frame and to its
 * frame with all content; FALSE when it did not report them. */
static gboolean
child_first_frame_ms (char   **argv,
                      double  *first,
                      double  *content)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  const char *line1, *line2;
  gint64 at1, at2;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, NULL, &error))
    {
      g_printerr ("bench-ui: %s: %s\n", argv[0], error->message);
      return FALSE;
    }
  line1 = out != NULL ? strstr (out, "first-frame ") : NULL;
  line2 = out != NULL ? strstr (out, "content-frame ") : NULL;
  if (line1 == NULL || sscanf (line1, "first-frame %" G_GINT64_FORMAT, &at1) != 1
      || line2 == NULL || sscanf (line2, "content-frame %" G_GINT64_FORMAT, &at2) != 1)
    return FALSE;
  *first = (at1 - t0) / 1000.0;
  *content = (at2 - t0) / 1000.0;
  return TRUE;
}

static int compare_doubles (const void *a, const void *b);

/* Shangce's first frame against the minimal window's, whole processes
 * started alternately; prints the medians and their ratio. */
static void
compare_start_up (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : g_strdup (".");
  g_autofree char *minimal = g_build_filename (dir, "bench-minimal", NULL);
  char *ours_argv[] = { self, (char *) "--first-frame", NULL };
  char *minimal_argv[] = { minimal, NULL };
  int runs = g_getenv ("BENCH_UI_RUNS") ? MAX (1, atoi (g_getenv ("BENCH_UI_RUNS"))) : 15;
  g_autofree double *ours = g_new (double, runs);
  g_autofree double *ours_content = g_new (double, runs);
  g_autofree double *ref = g_new (double, runs);
  double ref_content, ratio;

  if (self == NULL)
    return;
  for (int i = 0; i < runs; i++)
    if (!child_first_frame_ms (ours_argv, &ours[i], &ours_content[i])
        || !child_first_frame_ms (minimal_argv, &ref[i], &ref_content))
      {
        g_print ("bench-ui: a start-up run reported no first frame; comparison skipped\n");
        return;
      }
  qsort (ours, runs, sizeof (double), compare_doubles);
  qsort (ours_content, runs, sizeof (double), compare_doubles);
  qsort (ref, runs, sizeof (double), compare_doubles);
  ratio = ours[runs / 2] / ref[runs / 2];
  g_print ("start-up to first frame, whole process, medians of %d alternating runs: Shangce %.1f ms, "
           "minimal libadwaita window %.1f ms: %.2f× (aim ≤ 2×: %s)\n",
           runs, ours[runs / 2], ref[runs / 2], ratio, ratio <= 2 ? "met" : "OVER");
  g_print ("  Shangce's frame with the editor and the chart drawn: %.1f ms (%.2f× the minimal window's first)\n",
           ours_content[runs / 2], ours_content[runs / 2] / ref[runs / 2]);
}

int
main (int   argc,
      char *argv[])
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(ScApplication) app = NULL;
  ScMainWindow *win;
  ScChartView *chart;
  GtkWidget *gmv_entry;
  enum { N_EDITS = 60 };
  double edit_ms[N_EDITS], edit_cpu_ms[N_EDITS], compute_us = 0;
  /* Edits made before measuring, to profile the edit path under perf. */
  int warm = g_getenv ("BENCH_UI_WARM") ? atoi (g_getenv ("BENCH_UI_WARM")) : 0;
  guint next_frame = 0;
  GdkFrameClock *clock;
  double t_gtk, t_adw, t_app, t_window, t_present;
  gint64 t;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-ui: no display, skipped\n");
      return 0;
    }

  if (argc > 1 && g_str_equal (argv[1], "--first-frame"))
    return first_frame_main ();
  /* Messages in UTF-8, as gtk_init() would set later. */
  setlocale (LC_ALL, "");

  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", FALSE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      /* Not GLib autolaunching a bus for the registration: time ours. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
      g_print ("bench-ui: no session bus; the application registers without D-Bus\n");
    }
  t = g_get_monotonic_time ();
  gtk_init ();
  t_gtk = ms_since (t);
  /* With this process connected the X server does not reset between the
   * runs (each leaves as its first frame is painted). Not counted. */
  t = g_get_monotonic_time ();
  compare_start_up ();
  start += g_get_monotonic_time () - t;
  t = g_get_monotonic_time ();
  adw_init ();
  t_adw = ms_since (t);
  t = g_get_monotonic_time ();
  app = sc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  t_app = ms_since (t);

  t = g_get_monotonic_time ();
  win = sc_main_window_new (app);
  t_window = ms_since (t);
  t = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (win));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (win)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  while (first_frame_at == 0)
    g_main_context_iteration (NULL, TRUE);
  t_present = (first_frame_at - t) / 1000.0;
  g_print ("in this process, start-up to first frame: %.1f ms\n", (first_frame_at - start) / 1000.0);
  g_print ("  toolkit: gtk_init %.1f ms, adw_init %.1f ms\n", t_gtk, t_adw);
  g_print ("  ours: application and D-Bus registration %.1f ms, window (catalog, profile, engine; "
           "the editor and the overview follow the first frame) %.1f ms, present to first frame "
           "(style, layout, drawing) %.1f ms\n",
           t_app, t_window, t_present);

  chart = sc_overview_page_get_chart_view (SC_OVERVIEW_PAGE (sc_main_window_get_page (win, "overview")));
  /* The monthly GMV's entry in the editor, where the user types. */
  gmv_entry = ui_test_find (ui_test_field_row (win, SC_FIELD_MONTHLY_GMV), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (gmv_entry);
  /* Let the first layout settle. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  /*
   * The wall time from an edit to the redrawn chart includes waiting for the
   * frame clock's next tick (GTK paints at the display's rate, 60 Hz under
   * Xvfb): with any amount of work under a frame it is about 16.7 ms. So the
   * aim is read as "redrawn in the next frame", and the work itself is the
   * thread's CPU time from the edit to the end of the frame that shows it.
   */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (win));
  for (int i = 0; i < warm; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", 50000 + 1000 * (i % 60));
      guint draws = sc_chart_view_get_draw_count (chart);
      gtk_editable_set_text (GTK_EDITABLE (gmv_entry), text);
      while (sc_chart_view_get_draw_count (chart) == draws)
        g_main_context_iteration (NULL, TRUE);
    }
  for (int i = 0; i < N_EDITS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", 50000 + 1000 * i);
      guint draws = sc_chart_view_get_draw_count (chart);
      gint64 frame0 = gdk_frame_clock_get_frame_counter (clock);
      gint64 t0 = g_get_monotonic_time ();
      double c0 = thread_cpu_ms ();

      gtk_editable_set_text (GTK_EDITABLE (gmv_entry), text);
      while (sc_chart_view_get_draw_count (chart) == draws)
        g_main_context_iteration (NULL, TRUE);
      edit_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
      edit_cpu_ms[i] = thread_cpu_ms () - c0;
      if (gdk_frame_clock_get_frame_counter (clock) - frame0 <= 1)
        next_frame++;
      compute_us += sc_session_get_last_compute_usec (sc_main_window_get_session (win));
    }
  qsort (edit_ms, N_EDITS, sizeof (double), compare_doubles);
  qsort (edit_cpu_ms, N_EDITS, sizeof (double), compare_doubles);
  /* The reference: one frame at 60 Hz (16.7 ms), which the work must fit
   * in; the aim, 8 ms, leaves room for a machine half as fast. */
  g_print ("edit to redrawn chart: in the next frame after %u of %d edits; work (CPU) median %.2f ms "
           "(%.2f× a 60 Hz frame), 90th percentile %.2f ms, max %.2f ms (aim ≤ 8 ms median: %s)\n",
           next_frame, N_EDITS, edit_cpu_ms[N_EDITS / 2], edit_cpu_ms[N_EDITS / 2] / (1000.0 / 60),
           edit_cpu_ms[N_EDITS * 9 / 10], edit_cpu_ms[N_EDITS - 1], edit_cpu_ms[N_EDITS / 2] <= 8 ? "met" : "OVER");
  g_print ("  wall, waiting for the frame clock included: median %.2f ms, 90th percentile %.2f ms, max %.2f ms\n",
           edit_ms[N_EDITS / 2], edit_ms[N_EDITS * 9 / 10], edit_ms[N_EDITS - 1]);
  g_print ("  of which engine and rule check: %.0f µs on average\n", compute_us / N_EDITS);

  gtk_window_destroy (GTK_WINDOW (win));
  return 0;
}
