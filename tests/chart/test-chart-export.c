/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "chart-samples.h"
#include "test-util.h"
#include "sc-catalog.h"
#include "sc-chart-drivers.h"
#include "sc-chart-export.h"
#include "sc-chart-from-result.h"
#include "sc-chart-layout.h"
#include "sc-chart-palette.h"
#include "sc-engine.h"
#include "sc-profile.h"

static char *tmpdir;

/* --- pixels ------------------------------------------------------------- */

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *s = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  return s;
}

static ScChartRgb
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  unsigned char *data = cairo_image_surface_get_data (s);
  guint32 p = *(guint32 *) (data + (gsize) y * cairo_image_surface_get_stride (s) + (gsize) x * 4);

  return (ScChartRgb) { (p >> 16 & 0xff) / 255.0, (p >> 8 & 0xff) / 255.0, (p & 0xff) / 255.0 };
}

static gboolean
same_colour (ScChartRgb a,
             ScChartRgb b)
{
  return fabs (a.r - b.r) < 4 / 255.0 && fabs (a.g - b.g) < 4 / 255.0 && fabs (a.b - b.b) < 4 / 255.0;
}

/* Every bar of @layout shows its series colour at its centre in @png drawn at @scale. */
static void
assert_bars_coloured (const ScChartModel  *model,
                      const ScChartLayout *layout,
                      cairo_surface_t     *png,
                      double               scale)
{
  guint checked = 0;

  for (guint i = 0; i < layout->bars->len; i++)
    {
      const ScChartBar *b = &g_array_index (layout->bars, ScChartBar, i);
      ScChartRgb want = sc_chart_palette_series (b->color, model->dark);
      int x = (int) ((b->rect.x + b->rect.width / 2) * scale);
      int y = (int) ((b->rect.y + b->rect.height / 2) * scale);

      /* Skip slivers and bars carrying their value label in the middle. */
      if (b->rect.height < 6 || b->rect.width < 6)
        continue;
      y = (int) ((b->rect.y + 2) * scale);
      if (!same_colour (pixel (png, x, y), want))
        g_error ("bar %u (series %u) at %d,%d is not its colour", i, b->series, x, y);
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

static guint
count_colours (cairo_surface_t *s)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  unsigned char *data = cairo_image_surface_get_data (s);

  for (int y = 0; y < h; y += 3)
    for (int x = 0; x < w; x += 3)
      {
        guint32 p = *(guint32 *) (data + (gsize) y * cairo_image_surface_get_stride (s) + (gsize) x * 4);
        g_hash_table_add (seen, GUINT_TO_POINTER (p & 0xffffff));
      }
  return g_hash_table_size (seen);
}

/* --- in-process export --------------------------------------------------- */

static void
test_png_in_process (void)
{
  static const double scales[] = { 1, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(ScChartModel) model = sample_model (SC_CHART_OVERVIEW, SAMPLE_NORMAL, "zh");
      g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, 800, 450);
      g_autofree char *path = g_build_filename (tmpdir, "inproc.png", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *bytes = NULL;
      gsize len;
      cairo_surface_t *png;

      g_assert_true (sc_chart_export (model, path, SC_CHART_FORMAT_PNG, 800, 450, scales[i], &error));
      g_assert_no_error (error);
      png = load_png (path);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, 800 * scales[i]);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, 450 * scales[i]);
      assert_bars_coloured (model, layout, png, scales[i]);
      /* The corner is background. */
      g_assert_true (same_colour (pixel (png, 2, 2), sc_chart_palette_ink (SC_CHART_INK_BACKGROUND, FALSE)));
      cairo_surface_destroy (png);

      /* Metadata: Software in tEXt, the Chinese title in iTXt. */
      g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
      g_assert_nonnull (memmem (bytes, len, "tEXtSoftware\0Shangce " PACKAGE_VERSION, strlen ("tEXtSoftware") + 1 + strlen ("Shangce " PACKAGE_VERSION)));
      g_assert_nonnull (memmem (bytes, len, "iTXtTitle", 9));
      g_assert_nonnull (memmem (bytes, len, model->title, strlen (model->title)));
      g_assert_nonnull (memmem (bytes, len, "Data revision", 13));

      /* Resolution: a point is 1/72 inch, so office software places the
       * picture at 800 × 450 points whatever the scale (72 or 144 dpi). */
      {
        const guint8 *phys = memmem (bytes, len, "pHYs", 4);
        guint32 ppm_x, ppm_y, expected = (guint32) (72.0 * scales[i] / 0.0254 + 0.5);

        g_assert_nonnull (phys);
        ppm_x = (guint32) phys[4] << 24 | phys[5] << 16 | phys[6] << 8 | phys[7];
        ppm_y = (guint32) phys[8] << 24 | phys[9] << 16 | phys[10] << 8 | phys[11];
        g_assert_cmpuint (ppm_x, ==, expected);
        g_assert_cmpuint (ppm_y, ==, expected);
        g_assert_cmpuint (phys[12], ==, 1);  /* metre */
        g_assert_true ((const char *) phys < (const char *) memmem (bytes, len, "IDAT", 4));
      }
    }
}

static void
test_dark_and_hatch (void)
{
  g_autoptr(ScChartModel) model = sample_model (SC_CHART_SUBSIDIES, SAMPLE_NORMAL, "en");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "dark.png", NULL);
  g_autoptr(ScChartLayout) layout = NULL;
  cairo_surface_t *png;

  model->dark = TRUE;
  layout = sc_chart_layout_new (model, 800, 450);
  g_assert_true (sc_chart_export (model, path, SC_CHART_FORMAT_PNG, 800, 450, 1, &error));
  png = load_png (path);
  g_assert_true (same_colour (pixel (png, 2, 2), sc_chart_palette_ink (SC_CHART_INK_BACKGROUND, TRUE)));
  assert_bars_coloured (model, layout, png, 1);
  cairo_surface_destroy (png);
}

static void
test_bad_size (void)
{
  g_autoptr(ScChartModel) model = sample_model (SC_CHART_OVERVIEW, SAMPLE_NORMAL, "en");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "never.png", NULL);

  g_assert_false (sc_chart_export (model, path, SC_CHART_FORMAT_PNG, 50, 450, 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "50"));
  g_clear_error (&error);
  g_assert_false (sc_chart_export (model, path, SC_CHART_FORMAT_PNG, 800, 450, 8, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_greyscale_distinct (void)
{
  /* The first three series differ in lightness, so they stay apart in grey. */
  double l[3];

  for (guint i = 0; i < 3; i++)
    l[i] = sc_chart_palette_luminance (sc_chart_palette_series (i, FALSE));
  for (guint i = 0; i < 3; i++)
    for (guint j = i + 1; j < 3; j++)
      g_assert_cmpfloat (fabs (l[i] - l[j]), >, 0.1);
}

/* --- the real command line ---------------------------------------------- */

#define run test_run_shangce

/* A slide's own title and subtitle, from the command line: the PNG's Title
 * metadata is the title drawn. And handing the model its own strings back
 * is safe. */
static void
test_cli_title (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "titled.png", NULL);
  g_autofree char *out = NULL, *err = NULL, *bytes = NULL;
  const char *args[] = { "--export", path, "--chart", "overview", "--lang", "en",
                         "--title", "Where to sell in 2026", "--subtitle", "Zhang Apparel, Q3 review", NULL };
  g_autoptr(ScChartModel) model = sample_model (SC_CHART_OVERVIEW, SAMPLE_NORMAL, "en");
  g_autofree char *title = g_strdup (model->title);
  gsize len;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_nonnull (memmem (bytes, len, "Where to sell in 2026", strlen ("Where to sell in 2026")));

  sc_chart_model_set_title (model, model->title, model->subtitle);
  g_assert_cmpstr (model->title, ==, title);
}

typedef struct
{
  ScChartKind kind;
  const char *ext;
} CliCase;

/*
 * The timeline on a 16:9 slide: every program has its name in full, inside
 * its bar or beside it, in both languages (two Douyin programs showed as
 * "Nine merchant-sup…" and small bars had no name).
 */
static void
test_timeline_names_whole (void)
{
  static const char *const langs[] = { "en", "zh" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(ScCatalog) catalog = sc_catalog_new ();
      g_autoptr(ScProfile) profile = NULL;
      g_autoptr(ScResult) result = NULL;
      g_autoptr(ScChartModel) model = NULL;
      g_autoptr(ScChartLayout) layout = NULL;
      g_autoptr(GError) error = NULL;
      ScEngineOptions options = { .lang = langs[l] };

      sc_catalog_add_defaults (catalog);
      profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
      g_assert_no_error (error);
      result = sc_engine_evaluate (catalog, profile, &options);
      model = sc_chart_model_from_result (SC_CHART_TIMELINE, catalog, profile, result, NULL, langs[l]);
      g_assert_cmpuint (model->spans->len, >, 10);
      layout = sc_chart_layout_new (model, 960, 540);
      for (guint i = 0; i < model->spans->len; i++)
        {
          const ScChartSpan *sp = g_ptr_array_index (model->spans, i);
          const ScChartText *label = NULL;

          for (guint k = 0; k < layout->texts->len; k++)
            {
              const ScChartText *t = g_ptr_array_index (layout->texts, k);

              if (t->role == SC_CHART_TEXT_VALUE && t->point == (int) i)
                label = t;
            }
          g_test_message ("%s: %s", langs[l], sp->label);
          g_assert_nonnull (label);
          g_assert_true (label->visible);
          g_assert_cmpfloat (label->wrap_width, ==, 0);
          g_assert_true (g_str_has_prefix (label->text, sp->label));
          g_assert_cmpfloat (label->rect.x, >=, layout->plot.x - 1);
          g_assert_cmpfloat (label->rect.x + label->rect.width, <=, layout->plot.x + layout->plot.width + 1);
        }
    }
}

/* The drivers chart of a hand-made analysis: Kuaishou 13,000 against Douyin
 * 10,000 (a lead of 3,000); three assumptions given smallest swing first. */
static ScRangeAnalysis *
drivers_analysis (void)
{
  ScRangeAnalysis *a = sample_analysis ("en", 13000, 10000);

  sample_driver_add (a, "Small", 2500, 3500, "low s", "high s");             /* swing 1,000 */
  sample_driver_add (a, "Flips", -2000, 4000, "2026-03-31", "2026-12-31");   /* swing 6,000 */
  sample_driver_add (a, "Middle", 4500, 1500, "3%", "9%");                   /* swing 3,000 */
  a->robust = FALSE;
  return a;
}

/*
 * The tornado: a PNG of the size asked, not blank; one row per assumption,
 * largest swing first, each bar from the central difference to its ends;
 * the central verdict a rule, the tie line where 0 maps, both named.
 */
static void
test_drivers_chart (void)
{
  ScRangeAnalysis *analysis = drivers_analysis ();
  g_autoptr(ScChartModel) model = sc_chart_model_new_drivers (analysis, NULL, "en");
  g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, 800, 450);
  g_autofree char *path = g_build_filename (tmpdir, "drivers.png", NULL);
  g_autoptr(GError) error = NULL;
  /* The tie is kept on one line: no-break spaces. */
  static const char *const order[] = { "Flips (tie\u00a0at\u00a02026-06-30)", "Middle", "Small" };
  double x_central, x_zero, px_per_yuan;
  gboolean tie_line = FALSE, tie_named = FALSE, central_named = FALSE, axis_named = FALSE;
  cairo_surface_t *s;

  /* The analysis' own text for where the leading two tie. */
  ((ScRangeDriver *) g_ptr_array_index (analysis->drivers, 1))->flip_text = g_strdup ("2026-06-30");
  sc_chart_model_free (g_steal_pointer (&model));
  sc_chart_layout_free (g_steal_pointer (&layout));
  model = sc_chart_model_new_drivers (analysis, NULL, "en");
  layout = sc_chart_layout_new (model, 800, 450);

  g_assert_cmpint (model->kind, ==, SC_CHART_DRIVERS);
  g_assert_cmpuint (model->categories->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (g_ptr_array_index (model->categories, i), ==, order[i]);
  g_assert_cmpfloat (model->bar_origin, ==, 3000);
  g_assert_cmpfloat (model->marker_x, ==, 3000);

  /* Two bars a row (low, high), each with one end on the central rule. */
  g_assert_true (layout->has_rule);
  x_central = layout->rule.x1;
  g_assert_cmpuint (layout->bars->len, ==, 6);
  {
    double width[3] = { 0 };

    for (guint b = 0; b < layout->bars->len; b++)
      {
        const ScChartBar *bar = &g_array_index (layout->bars, ScChartBar, b);

        g_assert_true (fabs (bar->rect.x - x_central) < 0.5 || fabs (bar->rect.x + bar->rect.width - x_central) < 0.5);
        width[bar->point] += bar->rect.width;
        if (b > 0)
          g_assert_cmpfloat (bar->rect.y, >=, g_array_index (layout->bars, ScChartBar, b - 1).rect.y - 0.5);
      }
    /* Largest first: each row spans less than the one above it. */
    g_assert_cmpfloat (width[0], >, width[1]);
    g_assert_cmpfloat (width[1], >, width[2]);
    /* 6,000 yuan across the top row, 3,000 across the next: one scale. */
    g_assert_cmpfloat (fabs (width[0] / width[1] - 2), <, 0.01);
    px_per_yuan = width[0] / 6000;
  }
  /* The tie line: a strong grid line where 0 maps, 3,000 yuan left of the rule. */
  x_zero = x_central - 3000 * px_per_yuan;
  for (guint i = 0; i < layout->grid->len; i++)
    {
      const ScChartGridline *g = &g_array_index (layout->grid, ScChartGridline, i);

      tie_line |= g->strong && fabs (g->x1 - x_zero) < 0.5 && fabs (g->x2 - x_zero) < 0.5;
    }
  g_assert_true (tie_line);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      if (!t->visible)
        continue;
      if (t->role == SC_CHART_TEXT_MARKER && g_str_equal (t->text, "tie"))
        tie_named = t->rect.x + t->rect.width <= x_zero + 0.5 && t->rect.x + t->rect.width > x_zero - 10;
      central_named |= t->role == SC_CHART_TEXT_MARKER && g_str_equal (t->text, "kuaishou ahead by ¥3k (central)");
      axis_named |= t->role == SC_CHART_TEXT_AXIS_TITLE
                    && g_str_equal (t->text, "← douyin ahead · difference in yuan · kuaishou ahead →");
      /* The values at the bar ends are the assumption's own. */
      if (t->role == SC_CHART_TEXT_VALUE && t->point == 0)
        g_assert_true (g_str_equal (t->text, t->series == 0 ? "2026-03-31" : "2026-12-31"));
    }
  g_assert_true (tie_named);
  g_assert_true (central_named);
  g_assert_true (axis_named);

  g_assert_true (sc_chart_export (model, path, SC_CHART_FORMAT_PNG, 800, 450, 1.0, &error));
  g_assert_no_error (error);
  s = load_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (s), ==, 450);
  g_assert_cmpuint (count_colours (s), >, 8);
  assert_bars_coloured (model, layout, s, 1);
  cairo_surface_destroy (s);
  g_unlink (path);
  sample_analysis_free (analysis);
}

/* What the drivers chart says when it has nothing to draw, and its frame
 * (titles, footnote) from a real result. */
static void
test_drivers_empty (void)
{
  ScRangeAnalysis *none = sample_analysis ("en", 13000, 10000);
  ScRangeAnalysis *alone = sample_analysis ("en", 13000, 10000);
  ScRangeAnalysis *analysis = drivers_analysis ();
  g_autoptr(ScChartModel) no_drivers = sc_chart_model_new_drivers (none, NULL, "en");
  g_autoptr(ScChartModel) one_platform = NULL;
  g_autoptr(ScChartModel) not_worked_out = sc_chart_model_new_drivers (NULL, NULL, "en");
  g_autoptr(ScChartModel) framed = NULL;
  g_autoptr(ScChartModel) unframed = NULL;

  alone->runner_up = G_MAXUINT;
  one_platform = sc_chart_model_new_drivers (alone, NULL, "en");
  g_assert_true (sc_chart_model_is_empty (no_drivers));
  g_assert_cmpstr (no_drivers->empty_message, ==, "No assumption with a range moves the difference between kuaishou and douyin");
  g_assert_true (sc_chart_model_is_empty (one_platform));
  g_assert_cmpstr (one_platform->empty_message, ==, "Fewer than two platforms: there is no lead to change");
  g_assert_true (sc_chart_model_is_empty (not_worked_out));
  g_assert_cmpstr (not_worked_out->empty_message, ==, "The assumptions' ranges are not worked out for this estimate");
  /* From a result without an analysis. */
  {
    g_autoptr(ScCatalog) catalog = sc_catalog_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(ScProfile) profile = NULL;
    g_autoptr(ScResult) result = NULL;
    ScEngineOptions options = { .lang = "en" };

    sc_catalog_add_defaults (catalog);
    profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
    g_assert_no_error (error);
    result = sc_engine_evaluate (catalog, profile, &options);
    unframed = sc_chart_model_from_result (SC_CHART_DRIVERS, catalog, profile, result, NULL, "en");
  }
  g_assert_true (sc_chart_model_is_empty (unframed));
  g_assert_cmpstr (unframed->empty_message, ==, not_worked_out->empty_message);
  g_assert_cmpuint (unframed->footnotes->len, >, 0);

  /* With a result: the profile in the subtitle, the data footnote, the rows. */
  {
    g_autoptr(ScCatalog) catalog = sc_catalog_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(ScProfile) profile = NULL;
    g_autoptr(ScResult) result = NULL;
    ScEngineOptions options = { .lang = "en" };

    sc_catalog_add_defaults (catalog);
    profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
    g_assert_no_error (error);
    result = sc_engine_evaluate (catalog, profile, &options);
    framed = sc_chart_model_from_ranges (catalog, profile, result, analysis, "en");
  }
  g_assert_false (sc_chart_model_is_empty (framed));
  g_assert_cmpuint (framed->categories->len, ==, 3);
  g_assert_true (g_str_has_prefix (framed->subtitle, "New enterprise apparel store"));
  g_assert_cmpstr (framed->x_axis, ==, "← Douyin ahead · difference in yuan · Kuaishou ahead →");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (framed->footnotes, 0), "Data: "));
  g_assert_cmpstr (g_ptr_array_index (framed->footnotes, framed->footnotes->len - 1), ==,
                   "A bar that crosses the tie line can change which platform leads");

  sample_analysis_free (none);
  sample_analysis_free (alone);
  sample_analysis_free (analysis);
}

/*
 * The sensitivity chart marks where the leader changes exactly where the
 * core says (sc_sweep_crossovers(), which the reports print): one
 * computation, so chart and report cannot disagree.
 */
static void
test_sensitivity_crossovers (void)
{
  g_autoptr(ScSweep) sweep = NULL;
  g_autoptr(ScChartModel) model = sample_cli_model_full (SC_CHART_SENSITIVITY, &sweep);
  g_autoptr(GArray) crossovers = sc_sweep_crossovers (sweep);
  g_autoptr(ScChartLayout) layout = NULL;

  g_test_message ("%u crossovers", crossovers->len);
  g_assert_cmpuint (model->crossovers->len, ==, crossovers->len);
  for (guint k = 0; k < crossovers->len; k++)
    {
      g_assert_cmpfloat (g_array_index (model->crossovers, ScChartCrossover, k).x, ==,
                         g_array_index (crossovers, ScSweepCrossover, k).at);
      g_assert_cmpfloat (g_array_index (model->crossovers, ScChartCrossover, k).y, ==,
                         g_array_index (crossovers, ScSweepCrossover, k).score);
    }
  layout = sc_chart_layout_new (model, 960, 540);
  g_assert_cmpuint (layout->markers->len, ==, MIN (crossovers->len, 8));
}

/*
 * The sensitivity chart on a slide: a rule where the profile stands (its
 * monthly GMV), the x axis named, and two platforms worth the same (JD and
 * Taobao, both nothing) both visible: the later one dashed.
 */
static void
test_sensitivity_for_slides (void)
{
  g_autoptr(ScChartModel) model = sample_cli_model (SC_CHART_SENSITIVITY);
  g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, 960, 540);
  gboolean marker_named = FALSE, axis_named = FALSE;
  guint dashed = 0;

  g_assert_true (isfinite (model->marker_x));
  g_assert_true (layout->has_rule);
  g_assert_cmpfloat (layout->rule.x1, >, layout->plot.x);
  g_assert_cmpfloat (layout->rule.x1, <, layout->plot.x + layout->plot.width);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      marker_named |= t->visible && t->role == SC_CHART_TEXT_MARKER && g_str_has_prefix (t->text, "Your GMV");
      axis_named |= t->visible && t->role == SC_CHART_TEXT_AXIS_TITLE && g_str_equal (t->text, "Monthly GMV (yuan)");
    }
  g_assert_true (marker_named);
  g_assert_true (axis_named);
  for (guint i = 0; i < layout->lines->len; i++)
    dashed += ((const ScChartLine *) g_ptr_array_index (layout->lines, i))->dashed;
  /* JD and Taobao & Tmall are both 0 in the bundled data: one of them dashed. */
  g_assert_cmpuint (dashed, ==, 1);
}

static void
test_cli_export (gconstpointer data)
{
  const CliCase *cc = data;
  g_autofree char *name = g_strdup_printf ("cli-%s.%s", sc_chart_kind_to_string (cc->kind), cc->ext);
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autofree char *out = NULL, *err = NULL;
  gboolean png = g_str_equal (cc->ext, "png");
  const char *args[] = { "--export", path, "--chart", sc_chart_kind_to_string (cc->kind),
                         "--size", "800x450", "--scale", png ? "2" : "1", "--lang", "en",
                         "--as-of", "2026-11-22", NULL };
  int status = run (args, &out, &err);

  if (status != 0)
    g_error ("exit %d: %s", status, err);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  if (png)
    {
      cairo_surface_t *s = load_png (path);
      g_autoptr(ScChartModel) model = sample_cli_model (cc->kind);
      g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, 800, 450);

      g_assert_cmpint (cairo_image_surface_get_width (s), ==, 1600);
      g_assert_cmpint (cairo_image_surface_get_height (s), ==, 900);
      g_assert_cmpuint (count_colours (s), >, 8);   /* not blank */
      if (layout->bars->len > 0)
        assert_bars_coloured (model, layout, s, 2);
      cairo_surface_destroy (s);
    }
  else if (g_str_equal (cc->ext, "svg"))
    {
      g_autofree char *svg = NULL;
      gsize len;
      xmlDocPtr doc;

      g_assert_true (g_file_get_contents (path, &svg, &len, NULL));
      doc = xmlReadMemory (svg, (int) len, path, NULL, XML_PARSE_NONET);
      if (doc == NULL)
        g_error ("%s is not well-formed XML: %s", path, xmlGetLastError () ? xmlGetLastError ()->message : "?");
      g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "svg");
      xmlFreeDoc (doc);
    }
  else
    {
      g_autofree char *text = NULL;
      g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
      const char *pargs[] = { "pdftotext", path, "-", NULL };
      int pstatus;

      if (pdftotext == NULL)
        {
          g_test_skip ("pdftotext is not installed");
          return;
        }
      g_assert_true (g_spawn_sync (NULL, (char **) pargs, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &text, NULL, &pstatus, NULL));
      {
        g_autoptr(ScChartModel) model = sample_cli_model (cc->kind);

        /* Text stays text: the title and platform names can be selected and searched. */
        g_assert_nonnull (strstr (text, model->title));
        if (sc_chart_model_is_empty (model))
          g_assert_nonnull (strstr (text, model->empty_message != NULL ? model->empty_message : "No value in the horizon"));
        else
          {
            g_assert_nonnull (strstr (text, "Kuaishou"));
            g_assert_nonnull (strstr (text, "Douyin"));
          }
      }
    }
}

/*
 * The command line loads its fonts ahead on another thread, into a font map
 * of its own: the chart must come out the same, byte for byte, as one drawn
 * here with the default font map.
 */
static void
test_cli_same_as_in_process (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "cli-same.png", NULL);
  g_autofree char *out = NULL, *err = NULL, *cli_bytes = NULL;
  g_autoptr(ScChartModel) model = sample_cli_model (SC_CHART_OVERVIEW);
  g_autoptr(GBytes) here = NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--export", path, "--chart", "overview", "--size", "1600x900",
                         "--lang", "en", "--as-of", "2026-11-22", NULL };
  gsize len;
  int status = run (args, &out, &err);

  if (status != 0)
    g_error ("exit %d: %s", status, err);
  g_assert_true (g_file_get_contents (path, &cli_bytes, &len, NULL));
  here = sc_chart_render (model, SC_CHART_FORMAT_PNG, 1600, 900, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (cli_bytes, len, g_bytes_get_data (here, NULL), g_bytes_get_size (here));
}

static double
series_sum (const ScChartModel *model,
            const char         *name)
{
  double sum = 0;

  for (guint i = 0; i < model->series->len; i++)
    {
      const ScChartSeries *series = g_ptr_array_index (model->series, i);

      if (g_strcmp0 (series->name, name) != 0)
        continue;
      for (guint j = 0; j < series->values->len; j++)
        sum += g_array_index (series->values, double, j);
    }
  return sum;
}

/* A program switched off in the window must be left out of the sensitivity
 * sweep too, not only of the result the other charts show. */
static void
test_sensitivity_honours_disabled (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(ScResult) all = NULL;
  g_autoptr(ScResult) some = NULL;
  g_autoptr(ScSweep) sweep_all = NULL;
  g_autoptr(ScSweep) sweep_some = NULL;
  g_autoptr(ScChartModel) with = NULL;
  g_autoptr(ScChartModel) without = NULL;
  g_autoptr(GError) error = NULL;
  const char *const disabled[] = { "kuaishou.star-plan-2026", NULL };
  ScEngineOptions options = { .lang = "en" };

  sc_catalog_add_defaults (catalog);
  profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_assert_no_error (error);
  all = sc_engine_evaluate (catalog, profile, &options);
  options.disabled = disabled;
  some = sc_engine_evaluate (catalog, profile, &options);
  sweep_all = sc_sweep_over_monthly_gmv (catalog, profile, NULL, "en");
  sweep_some = sc_sweep_over_monthly_gmv (catalog, profile, disabled, "en");
  with = sc_chart_model_from_result (SC_CHART_SENSITIVITY, catalog, profile, all, sweep_all, "en");
  without = sc_chart_model_from_result (SC_CHART_SENSITIVITY, catalog, profile, some, sweep_some, "en");

  g_assert_cmpfloat (series_sum (with, "Kuaishou"), >, 0);
  g_assert_cmpfloat (series_sum (without, "Kuaishou"), <, series_sum (with, "Kuaishou"));
  /* Douyin is untouched by switching a Kuaishou program off. */
  g_assert_cmpfloat_with_epsilon (series_sum (without, "Douyin"), series_sum (with, "Douyin"), 1e-6);
}

static void
test_cli_usage_errors (void)
{
  static const struct { const char *args[8]; const char *says; } cases[] = {
    { { "--export", "x.png", "--size", "10x10", NULL }, "--size" },
    { { "--export", "x.png", "--size", "800by450", NULL }, "--size" },
    { { "--export", "x.png", "--scale", "5", NULL }, "--scale" },
    { { "--export", "x.png", "--chart", "pie", NULL }, "pie" },
    { { "--export", "x.jpg", NULL }, "x.jpg" },
    { { "--export", "x.png", "--lang", "fr", NULL }, "--lang" },
    { { "--export", "x.png", "--svg-text", NULL }, "--svg-text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      int status = run (cases[i].args, &out, &err);

      g_test_message ("%s → %d %s", cases[i].args[1], status, err);
      g_assert_cmpint (status, ==, 2);
      g_assert_nonnull (strstr (err, cases[i].says));
    }
}

static void
test_cli_list (void)
{
  const char *args[] = { "--export", "unused.png", "--chart", "list", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  for (ScChartKind k = 0; k < SC_CHART_N_KINDS; k++)
    g_assert_nonnull (strstr (out, sc_chart_kind_to_string (k)));
  g_assert_false (g_file_test ("unused.png", G_FILE_TEST_EXISTS));
}

static void
test_cli_unwritable (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "no-such-dir", "x.png", NULL);
  const char *args[] = { "--export", path, "--as-of", "2026-11-22", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "x.png"));
}

static void
test_cli_headless (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "headless", NULL);
  g_autofree char *report = g_build_filename (dir, "report.txt", NULL);
  g_autofree char *chart = g_build_filename (dir, "overview.png", NULL);
  const char *args[] = { "--headless", "-o", dir, "--lang", "en", "--as-of", "2026-11-22", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = run (args, &out, &err);

  if (status != 0)
    g_error ("exit %d: %s", status, err);
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (chart, G_FILE_TEST_IS_REGULAR));
  /* It says where the files are. */
  g_assert_nonnull (strstr (out, report));
  g_assert_nonnull (strstr (out, chart));
}

/* The drivers chart of a real estimate (the path of `--chart drivers`, the
 * window and batch): the example's lead is not robust, so it has rows,
 * largest swing first, and an analysis cached in another language is not
 * reused for a chart in this one. */
static void
test_drivers_bundled (void)
{
  g_autoptr(ScCatalog) catalog = sc_catalog_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProfile) profile = NULL;
  g_autoptr(ScResult) result = NULL;
  g_autoptr(ScRangeAnalysis) zh = NULL;
  g_autoptr(ScChartModel) model = NULL;
  g_autoptr(ScChartModel) from_zh = NULL;
  ScEngineOptions options = { .lang = "en" };
  ScEngineOptions zh_options = { .lang = "zh" };

  sc_catalog_add_defaults (catalog);
  profile = sc_profile_load_example (SC_PROFILE_DEFAULT_EXAMPLE, &error);
  g_assert_no_error (error);
  result = sc_engine_evaluate (catalog, profile, &options);
  model = sc_chart_model_drivers (catalog, profile, result, NULL, "en");
  g_assert_false (sc_chart_model_is_empty (model));
  g_assert_cmpuint (model->categories->len, >=, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (model->categories, 0), "Douyin: commission"));

  zh = sc_range_analyse (catalog, profile, result, &zh_options);
  from_zh = sc_chart_model_drivers (catalog, profile, result, zh, "en");
  g_assert_cmpuint (from_zh->categories->len, ==, model->categories->len);
  for (guint i = 0; i < model->categories->len; i++)
    g_assert_cmpstr (g_ptr_array_index (from_zh->categories, i), ==, g_ptr_array_index (model->categories, i));
}

int
main (int   argc,
      char *argv[])
{
  static const char *const exts[] = { "png", "svg", "pdf" };
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("shangce-chart-XXXXXX", NULL);

  g_test_add_func ("/chart/export/png-in-process", test_png_in_process);
  g_test_add_func ("/chart/export/cli-same-as-in-process", test_cli_same_as_in_process);
  g_test_add_func ("/chart/export/dark", test_dark_and_hatch);
  g_test_add_func ("/chart/export/bad-size", test_bad_size);
  g_test_add_func ("/chart/palette/greyscale", test_greyscale_distinct);
  g_test_add_func ("/chart/sensitivity/disabled-programs", test_sensitivity_honours_disabled);
  g_test_add_func ("/chart/cli/usage-errors", test_cli_usage_errors);
  g_test_add_func ("/chart/cli/list", test_cli_list);
  g_test_add_func ("/chart/cli/title", test_cli_title);
  g_test_add_func ("/chart/timeline/names-whole", test_timeline_names_whole);
  g_test_add_func ("/chart/sensitivity/for-slides", test_sensitivity_for_slides);
  g_test_add_func ("/chart/sensitivity/crossovers", test_sensitivity_crossovers);
  g_test_add_func ("/chart/drivers/tornado", test_drivers_chart);
  g_test_add_func ("/chart/drivers/empty", test_drivers_empty);
  g_test_add_func ("/chart/drivers/bundled", test_drivers_bundled);
  g_test_add_func ("/chart/cli/unwritable", test_cli_unwritable);
  g_test_add_func ("/chart/cli/headless", test_cli_headless);
  for (ScChartKind k = 0; k < SC_CHART_N_KINDS; k++)
    for (guint e = 0; e < G_N_ELEMENTS (exts); e++)
      {
        CliCase *cc = g_new0 (CliCase, 1);
        g_autofree char *path = NULL;

        cc->kind = k;
        cc->ext = exts[e];
        g_ptr_array_add (cases, cc);
        path = g_strdup_printf ("/chart/cli/%s/%s", sc_chart_kind_to_string (k), exts[e]);
        g_test_add_data_func (path, cc, test_cli_export);
      }

  ret = g_test_run ();
  if (ret == 0)
    test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
