/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Warm in-process export of the overview chart (1600×900 PNG) of the bundled
 * example (aim ≤ 15 ms, PRODUCT.md), split into its parts: the layout, the
 * drawing and the PNG encoding (ours on one thread and on every processor).
 * The reference, measured in the same run, is cairo's own encoder
 * (cairo_surface_write_to_png_stream) on the same pixels. The machine may be shared: each figure is the best and the median
 * of several batches, in wall-clock and in this thread's CPU time.
 *
 *   bench-chart-warm [--dump | BATCHES]
 *
 * With --dump, prints the chart's data as TSV instead, so other tools can
 * draw the same bars (bench-export.sh).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sc-catalog.h"
#include "sc-chart.h"
#include "sc-chart-export.h"
#include "sc-chart-from-result.h"
#include "sc-chart-layout.h"
#include "sc-engine.h"
#include "sc-png.h"
#include "sc-profile.h"

#include "../bench-timing.h"

#define WIDTH 1600
#define HEIGHT 900
#define PER_BATCH 5

typedef struct
{
  double wall_best, wall_median;   /* ms per call */
  double cpu_best, cpu_median;
} Timing;

typedef struct
{
  ScChartModel    *model;
  cairo_surface_t *surface;   /* drawn once, for the encoders */
  gsize            bytes;
} Bench;

typedef struct
{
  void  (*func) (Bench *);
  Bench  *bench;
} Call;

static void
call_once (gpointer data)
{
  Call *call = data;

  call->func (call->bench);
}

static Timing
run_batches (void   (*func) (Bench *),
             Bench   *b,
             guint    batches)
{
  Call call = { func, b };
  BenchTiming t = bench_run_batches (call_once, &call, batches, PER_BATCH);

  return (Timing) { t.wall_best / 1000, t.wall_median / 1000, t.cpu_best / 1000, t.cpu_median / 1000 };
}

static void
bench_layout (Bench *b)
{
  sc_chart_layout_free (sc_chart_layout_new (b->model, WIDTH, HEIGHT));
}

static void
bench_draw (Bench *b)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  sc_chart_draw (b->model, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

static void
bench_export (Bench *b)
{
  GBytes *png = sc_chart_render (b->model, SC_CHART_FORMAT_PNG, WIDTH, HEIGHT, 1, NULL);

  b->bytes = g_bytes_get_size (png);
  g_bytes_unref (png);
}

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static gsize cairo_bytes;
static gsize own_bytes;

static void
encode_own (Bench *b,
            guint  threads)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new (128 * 1024);

  sc_png_encode_rgb24 (cairo_image_surface_get_data (b->surface),
                       cairo_image_surface_get_width (b->surface),
                       cairo_image_surface_get_height (b->surface),
                       cairo_image_surface_get_stride (b->surface),
                       NULL, 0, 0, threads, out, NULL);
  own_bytes = out->len;
}

static void
bench_own_png_1 (Bench *b)
{
  encode_own (b, 1);
}

static void
bench_own_png_all (Bench *b)
{
  encode_own (b, 0);
}

static void
bench_cairo_png (Bench *b)
{
  cairo_bytes = 0;
  cairo_surface_write_to_png_stream (b->surface, count_bytes, &cairo_bytes);
}

static void
print_timing (const char *what,
              Timing      t,
              double      bar)
{
  g_print ("%-40s best %6.2f ms, median %6.2f ms wall; CPU best %6.2f, median %6.2f",
           what, t.wall_best, t.wall_median, t.cpu_best, t.cpu_median);
  if (bar > 0)
    g_print ("  (aim ≤ %g ms: %s)", bar, t.wall_best <= bar ? "met" : "OVER");
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(ScResult) result = NULL;
  g_autoptr(ScChartModel) model = NULL;
  g_autoptr(GError) error = NULL;
  ScEngineOptions options = { .lang = "en" };
  gboolean dump = argc > 1 && g_str_equal (argv[1], "--dump");
  guint batches = argc > 1 && !dump ? (guint) MAX (1, atoi (argv[1])) : 9;
  Bench b = { 0 };
  Timing t_layout, t_draw, t_export, t_cairo, t_own_1, t_own_all;
  cairo_t *cr;

  setlocale (LC_ALL, "");
  sc_catalog_add_defaults (catalog);
  profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  if (profile == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (profile->as_of == SC_DAY_NONE)
    profile->as_of = sc_day_parse ("2026-11-22");
  result = sc_engine_evaluate (catalog, profile, &options);
  model = sc_chart_model_from_result (SC_CHART_OVERVIEW, catalog, profile, result, NULL, "en");

  if (dump)
    {
      printf ("platform");
      for (guint s = 0; s < model->series->len; s++)
        printf ("\t%s", ((ScChartSeries *) g_ptr_array_index (model->series, s))->name);
      printf ("\n");
      for (guint i = 0; i < model->categories->len; i++)
        {
          printf ("%s", (const char *) g_ptr_array_index (model->categories, i));
          for (guint s = 0; s < model->series->len; s++)
            printf ("\t%.2f", sc_chart_series_get (g_ptr_array_index (model->series, s), i));
          printf ("\n");
        }
      printf ("#title\t%s\n#subtitle\t%s\n", model->title, model->subtitle);
      return 0;
    }

  b.model = model;
  b.surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cr = cairo_create (b.surface);
  sc_chart_draw (model, cr, WIDTH, HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (b.surface);

  /* Warm up fonts and caches once. */
  bench_export (&b);

  t_layout = run_batches (bench_layout, &b, batches);
  t_draw = run_batches (bench_draw, &b, batches);
  t_export = run_batches (bench_export, &b, batches);
  t_cairo = run_batches (bench_cairo_png, &b, batches);
  t_own_1 = run_batches (bench_own_png_1, &b, batches);
  t_own_all = run_batches (bench_own_png_all, &b, batches);
  cairo_surface_destroy (b.surface);

  print_timing ("warm layout only:", t_layout, 0);
  print_timing ("warm layout and drawing:", t_draw, 0);
  print_timing ("warm PNG 1600x900 export (all of it):", t_export, 15);
  g_print ("  PNG: %" G_GSIZE_FORMAT " bytes\n", b.bytes);
  print_timing ("our PNG encoder alone, one thread:", t_own_1, 0);
  g_print ("  PNG: %" G_GSIZE_FORMAT " bytes\n", own_bytes);
  print_timing ("our PNG encoder alone, every processor:", t_own_all, 0);
  print_timing ("reference: cairo's PNG encoder alone:", t_cairo, 0);
  g_print ("  cairo's PNG: %" G_GSIZE_FORMAT " bytes\n", cairo_bytes);
  return 0;
}
