/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Benchmark: load and validate every bundled program file, as the app does
 * at start-up, N times; print the mean per full load beside two baselines
 * on the same bytes: libxml2's plain xmlReadMemory (no schema, no checks)
 * and our safe reader alone. The bundled files load from the compiled-in
 * cache (sc-program-cache.h); the same load through the real reader, the
 * cache off, is measured beside. Goal: a full load ≤ 20 ms.
 */
#define G_LOG_DOMAIN "bench-load"

#include "config.h"

#include <glib.h>
#include <libxml/parser.h>
#include <locale.h>
#include <stdlib.h>

#include "sc-catalog.h"
#include "sc-xml.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = g_build_filename (sc_data_dir (), "programs", NULL);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  int n = argc > 1 ? atoi (argv[1]) : 200;
  const char *name;
  double t0, cold, full, uncached, plain, safe;
  gsize bytes = 0;

  setlocale (LC_ALL, "");
  if (d == NULL || n <= 0)
    {
      g_printerr ("bench-load: no bundled programs in %s\n", dir);
      return 1;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        char *data = NULL;
        gsize length = 0;

        if (g_file_get_contents (path, &data, &length, NULL))
          {
            g_ptr_array_add (contents, data);
            g_array_append_val (lengths, length);
            bytes += length;
          }
      }

  /* First load of the process (a file that is not cached would compile the schema too). */
  t0 = now_ms ();
  {
    g_autoptr(ScCatalog) catalog = sc_catalog_new ();
    sc_catalog_add_directory (catalog, dir, SC_ORIGIN_BUNDLED);
    if (sc_catalog_get_errors (catalog)->len > 0)
      {
        g_printerr ("bench-load: the bundled files do not load: %s\n",
                    ((GError *) g_ptr_array_index (sc_catalog_get_errors (catalog), 0))->message);
        return 1;
      }
  }
  cold = now_ms () - t0;

  t0 = now_ms ();
  for (int i = 0; i < n; i++)
    {
      g_autoptr(ScCatalog) catalog = sc_catalog_new ();
      sc_catalog_add_directory (catalog, dir, SC_ORIGIN_BUNDLED);
    }
  full = (now_ms () - t0) / n;

  g_setenv ("SHANGCE_NO_PROGRAM_CACHE", "1", TRUE);
  t0 = now_ms ();
  for (int i = 0; i < n; i++)
    {
      g_autoptr(ScCatalog) catalog = sc_catalog_new ();
      sc_catalog_add_directory (catalog, dir, SC_ORIGIN_BUNDLED);
    }
  uncached = (now_ms () - t0) / n;
  g_unsetenv ("SHANGCE_NO_PROGRAM_CACHE");

  t0 = now_ms ();
  for (int i = 0; i < n; i++)
    for (guint f = 0; f < contents->len; f++)
      xmlFreeDoc (xmlReadMemory (g_ptr_array_index (contents, f), (int) g_array_index (lengths, gsize, f),
                                 "bench.xml", NULL, XML_PARSE_NONET));
  plain = (now_ms () - t0) / n;

  t0 = now_ms ();
  for (int i = 0; i < n; i++)
    for (guint f = 0; f < contents->len; f++)
      xmlFreeDoc (sc_xml_read_memory (g_ptr_array_index (contents, f), g_array_index (lengths, gsize, f),
                                      "bench.xml", NULL));
  safe = (now_ms () - t0) / n;

  g_print ("bundled program files: %u (%" G_GSIZE_FORMAT " bytes), %d runs\n", contents->len, bytes, n);
  g_print ("full load (read, cache or parse+schema+checks, catalog): %.3f ms mean (goal ≤ 20 ms) %s\n",
           full, full <= 20.0 ? "OK" : "SLOW");
  g_print ("the same through the real reader (cache off):    %.3f ms mean (%.1f×)\n", uncached, uncached / full);
  g_print ("first load of the process:                       %.3f ms\n", cold);
  g_print ("baseline: plain xmlReadMemory, no schema:         %.3f ms mean\n", plain);
  g_print ("safe reader alone (sc_xml_read_memory):          %.3f ms mean\n", safe);
  return 0;
}
