/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Benchmark: the input shapes of issue 15, items 1-4, each at doubling
 * sizes, read as the app reads a program file. For each size it prints the
 * time, the peak memory of a fresh process, and the time per unit of size
 * relative to the smallest size: a column near 1 is linear growth, one
 * that doubles with each row is quadratic. Compare rows of one run; no
 * time is asserted here (tests/harden/test-quadratic.c bounds them).
 *
 * Usage: bench-shapes [SHAPE]   (attributes, namespaces, numbers, sources)
 */
#define G_LOG_DOMAIN "bench-shapes"

#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "loader-shapes.h"
#include "sc-program-reader.h"

typedef char *(*MakeShape) (guint n);

static const struct
{
  const char *name;
  const char *unit;
  MakeShape   make;
  guint       sizes[5];
} shapes[] = {
  { "attributes", "attributes on one tag", loader_shape_attributes, { 10000, 20000, 40000, 80000, 200000 } },
  { "namespaces", "namespace declarations", loader_shape_namespaces, { 10000, 20000, 40000, 80000, 160000 } },
  { "numbers", "stated numbers, one 60 KB quote", loader_shape_stated_numbers, { 500, 1000, 2000, 4000, 8000 } },
  { "sources", "programs × 1,000 cited sources", loader_shape_source_cites, { 12, 25, 50, 100, 200 } },
};

/* Reads @data in a fresh process; its time in seconds and peak RSS in KiB. */
static void
measure (const char *data,
         double     *seconds,
         glong      *rss_kib)
{
  int fds[2];
  pid_t pid;
  double result[2] = { 0, 0 };

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      gint64 t0 = g_get_monotonic_time ();
      ScProgramFile *file = sc_program_reader_load_memory (data, strlen (data), "shape.xml", NULL);
      struct rusage ru;

      result[0] = (g_get_monotonic_time () - t0) / 1e6;
      sc_program_file_free (file);
      getrusage (RUSAGE_SELF, &ru);
      result[1] = (double) ru.ru_maxrss;
      if (write (fds[1], result, sizeof result) != sizeof result)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], result, sizeof result) != sizeof result)
    g_error ("the measuring process failed");
  close (fds[0]);
  waitpid (pid, NULL, 0);
  *seconds = result[0];
  *rss_kib = (glong) result[1];
}

int
main (int    argc,
      char **argv)
{
  const char *only = argc > 1 ? argv[1] : NULL;

  setlocale (LC_ALL, "");
  for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
    {
      double first_per_unit = 0;

      if (only != NULL && g_strcmp0 (only, shapes[s].name) != 0)
        continue;
      g_print ("%s (%s)\n%10s %10s %10s %12s %14s\n", shapes[s].name, shapes[s].unit,
               "n", "bytes", "seconds", "peak MiB", "per n (×1st)");
      for (guint i = 0; i < G_N_ELEMENTS (shapes[s].sizes); i++)
        {
          guint n = shapes[s].sizes[i];
          g_autofree char *data = shapes[s].make (n);
          double seconds, per_unit;
          glong rss;

          measure (data, &seconds, &rss);
          per_unit = seconds / n;
          if (i == 0)
            first_per_unit = per_unit;
          g_print ("%10u %10zu %10.4f %12.1f %14.2f\n", n, strlen (data), seconds, rss / 1024.0,
                   first_per_unit > 0 ? per_unit / first_per_unit : 1.0);
        }
      g_print ("\n");
    }
  return 0;
}
