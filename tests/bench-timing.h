/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Timing shared by the in-process benchmarks: a function is run in batches
 * and the best and median batch are kept, in wall-clock time and in the
 * thread's CPU time, so that a shared, busy machine still gives a steady
 * figure (the best batch) beside a typical one (the median).
 */
#pragma once

#include <glib.h>
#include <stdlib.h>
#include <time.h>

typedef struct
{
  double wall_best, wall_median;   /* µs per call */
  double cpu_best, cpu_median;
} BenchTiming;

typedef void (*BenchFunc) (gpointer data);

static inline double
bench_thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Runs @func @per_batch times in each of @batches batches. */
static inline BenchTiming
bench_run_batches (BenchFunc func,
                   gpointer  data,
                   guint     batches,
                   guint     per_batch)
{
  g_autofree double *wall = g_new (double, batches);
  g_autofree double *cpu = g_new (double, batches);
  BenchTiming t;

  for (guint b = 0; b < batches; b++)
    {
      gint64 w0 = g_get_monotonic_time ();
      double c0 = bench_thread_cpu_us ();

      for (guint i = 0; i < per_batch; i++)
        func (data);
      wall[b] = (double) (g_get_monotonic_time () - w0) / per_batch;
      cpu[b] = (bench_thread_cpu_us () - c0) / per_batch;
    }
  qsort (wall, batches, sizeof (double), bench_compare_doubles);
  qsort (cpu, batches, sizeof (double), bench_compare_doubles);
  t.wall_best = wall[0];
  t.wall_median = wall[batches / 2];
  t.cpu_best = cpu[0];
  t.cpu_median = cpu[batches / 2];
  return t;
}
