/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The vector exports as a reader of the file sees them: an SVG's words as
 * outlines drawn once and scaled per run (or as editable <text> with
 * --svg-text), a PDF's fonts embedded as subsets with its text selectable.
 */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart-samples.h"
#include "test-util.h"
#include "sc-chart-export.h"
#include "sc-chart-layout.h"

static char *tmpdir;

/* TRUE when @needle occurs in @size bytes of @data (which may hold NULs). */
static gboolean
bytes_contain (const char *data,
               gsize       size,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Appends the text of every @name element under @node to @out, one a line. */
static void
collect_elements (xmlNodePtr  node,
                  const char *name,
                  GString    *out,
                  guint      *count)
{
  for (xmlNodePtr n = node; n != NULL; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, name))
        {
          xmlChar *content = xmlNodeGetContent (n);

          g_string_append_printf (out, "%s\n", (const char *) content);
          xmlFree (content);
          (*count)++;
        }
      collect_elements (n->children, name, out, count);
    }
}

/*
 * --svg-text: the chart's words are <text> a slide program can edit, in the
 * font named, where the chart draws them, and no glyph is drawn as a shape;
 * the shapes are still there. A plain SVG draws its words as outlines.
 */
static void
test_cli_svg_text (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "text.svg", NULL);
  g_autofree char *plain = g_build_filename (tmpdir, "outlines.svg", NULL);
  g_autofree char *out = NULL, *err = NULL, *svg = NULL;
  const char *args[] = { "--export", path, "--svg-text", "--chart", "overview", "--size", "1600x900",
                         "--lang", "en", "--as-of", "2026-11-22", NULL };
  const char *plain_args[] = { "--export", plain, "--chart", "overview", "--size", "1600x900",
                               "--lang", "en", "--as-of", "2026-11-22", NULL };
  g_autoptr(ScChartModel) model = sample_cli_model (SC_CHART_OVERVIEW);
  g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, 1600, 900);
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GString) symbols = g_string_new (NULL);
  g_autoptr(GString) paths = g_string_new (NULL);
  const ScChartText *title = NULL;
  g_autofree char *title_at = NULL;
  guint n_texts = 0, n_symbols = 0, n_paths = 0;
  const char *at;
  xmlDocPtr doc;
  gsize len;

  g_assert_cmpint (test_run_shangce (args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (path, &svg, &len, NULL));
  doc = xmlReadMemory (svg, (int) len, path, NULL, XML_PARSE_NONET);
  if (doc == NULL)
    g_error ("%s is not well-formed XML", path);
  collect_elements (xmlDocGetRootElement (doc), "text", texts, &n_texts);
  collect_elements (xmlDocGetRootElement (doc), "symbol", symbols, &n_symbols);
  collect_elements (xmlDocGetRootElement (doc), "path", paths, &n_paths);
  xmlFreeDoc (doc);

  g_assert_cmpuint (n_symbols, ==, 0);
  g_assert_cmpuint (n_paths, >, 0);   /* the bars and lines */
  g_assert_nonnull (strstr (svg, "font-family=\"'Noto Sans CJK SC', sans-serif\""));
  g_assert_nonnull (strstr (texts->str, model->title));
  for (guint i = 0; i < model->categories->len; i++)
    g_assert_nonnull (strstr (texts->str, g_ptr_array_index (model->categories, i)));
  for (guint i = 0; i < layout->texts->len && title == NULL; i++)
    if (((const ScChartText *) g_ptr_array_index (layout->texts, i))->role == SC_CHART_TEXT_TITLE)
      title = g_ptr_array_index (layout->texts, i);
  if (title == NULL)
    g_error ("the overview has no title");
  /* The title's left edge where the chart draws it, in its size and weight. */
  title_at = g_strdup_printf ("<text x=\"%.7g\"", round ((title->rect.x - title->offset_x) * 100) / 100);
  at = strstr (svg, title_at);
  g_assert_nonnull (at);
  g_assert_nonnull (strstr (at, "font-weight=\"bold\""));

  g_clear_pointer (&svg, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_shangce (plain_args, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (plain, &svg, &len, NULL));
  g_assert_null (strstr (svg, "<text"));
  g_assert_nonnull (strstr (svg, "<symbol"));
}

typedef struct
{
  GHashTable *symbols;   /* id → use count */
  GPtrArray  *groups;    /* double[3] per text run: scale, x, y */
  GHashTable *scales;    /* symbol id → first scale it was used at */
  guint       reused;    /* symbols used at a second scale */
  guint       uses, texts;
} SvgWalk;

static void
walk_svg (xmlNodePtr node,
          SvgWalk   *w,
          double     scale)
{
  for (; node != NULL; node = node->next)
    {
      double child_scale = scale;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) node->name, "text"))
        w->texts++;
      if (g_str_equal ((const char *) node->name, "symbol"))
        {
          xmlChar *id = xmlGetProp (node, (const xmlChar *) "id");

          g_assert_nonnull (id);
          /* Each outline once, whatever the sizes it is drawn at. */
          g_assert_false (g_hash_table_contains (w->symbols, id));
          g_hash_table_insert (w->symbols, g_strdup ((const char *) id), GUINT_TO_POINTER (0));
          xmlFree (id);
        }
      else if (g_str_equal ((const char *) node->name, "g"))
        {
          xmlChar *transform = xmlGetProp (node, (const xmlChar *) "transform");
          double *g = g_new (double, 3), b, c;

          if (transform != NULL
              && sscanf ((const char *) transform, "matrix(%lf %lf %lf %lf %lf %lf)", &g[0], &b, &c, &g[0], &g[1], &g[2]) == 6)
            {
              g_assert_cmpfloat (b, ==, 0);
              g_assert_cmpfloat (c, ==, 0);
              child_scale = g[0];
              g_ptr_array_add (w->groups, g);
            }
          else
            g_free (g);
          xmlFree (transform);
        }
      else if (g_str_equal ((const char *) node->name, "use"))
        {
          xmlChar *href = xmlGetNsProp (node, (const xmlChar *) "href", (const xmlChar *) "http://www.w3.org/1999/xlink");
          double *first;

          g_assert_nonnull (href);
          g_assert_cmpint (href[0], ==, '#');
          w->uses++;
          first = g_hash_table_lookup (w->scales, href + 1);
          if (first == NULL)
            {
              first = g_new (double, 1);
              *first = child_scale;
              g_hash_table_insert (w->scales, g_strdup ((const char *) href + 1), first);
            }
          else if (fabs (*first - child_scale) > 1e-9 && *first > 0)
            {
              w->reused++;
              *first = -1;   /* counted once */
            }
          xmlFree (href);
        }
      walk_svg (node->children, w, child_scale);
    }
}

/*
 * A plain SVG draws its words as outlines: each glyph's outline written
 * once in the font's units, a group per run of text scaled to its size and
 * placed where the layout put that text.
 */
static void
test_svg_outlines (void)
{
  g_autoptr(ScChartModel) model = sample_cli_model (SC_CHART_OVERVIEW);
  g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, 1600, 900);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sc_chart_render (model, SC_CHART_FORMAT_SVG, 1600, 900, 1, &error);
  SvgWalk w = {
    .symbols = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .groups = g_ptr_array_new_with_free_func (g_free),
    .scales = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
  };
  GHashTableIter iter;
  gpointer key;
  const char *data;
  gsize size;
  xmlDocPtr doc;
  double per_px = 0;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (data, (int) size, "chart.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  walk_svg (xmlDocGetRootElement (doc), &w, 0);
  xmlFreeDoc (doc);

  g_assert_cmpuint (w.texts, ==, 0);
  g_assert_cmpuint (g_hash_table_size (w.symbols), >, 20);
  /* Every glyph drawn is defined; the title, legend and footnote share letters at other sizes. */
  g_hash_table_iter_init (&iter, w.scales);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (w.symbols, key))
      g_error ("<use> of “%s”, which is not defined", (const char *) key);
  g_assert_cmpuint (w.reused, >, 5);
  g_assert_cmpuint (w.uses, >, 2 * g_hash_table_size (w.symbols));

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);
      gboolean found = FALSE;

      if (!t->visible)
        continue;
      for (guint k = 0; k < w.groups->len && !found; k++)
        {
          const double *g = g_ptr_array_index (w.groups, k);

          /* A run starts inside its text's box, on a baseline in it, at its size. */
          if (g[1] >= t->rect.x - 0.5 && g[1] <= t->rect.x + t->rect.width
              && g[2] > t->rect.y && g[2] < t->rect.y + t->rect.height)
            {
              if (per_px == 0)
                per_px = g[0] / t->size;
              found = fabs (g[0] / t->size - per_px) < 1e-6 * per_px;
            }
        }
      if (!found)
        g_error ("no run of glyphs for “%s” at %g,%g", t->text, t->rect.x, t->rect.y);
    }
  g_hash_table_unref (w.symbols);
  g_hash_table_unref (w.scales);
  g_ptr_array_unref (w.groups);
}

/* A character no font has is drawn as Pango's box of its code, which only
 * cairo draws: the whole SVG then goes through cairo's glyphs, still every
 * word as outlines and no <text>. */
static void
test_svg_outlines_fallback (void)
{
  g_autoptr(ScChartModel) model = sample_cli_model (SC_CHART_OVERVIEW);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *svg = NULL;
  xmlDocPtr doc;
  gsize size;

  /* U+10FFFD: private use, in no font. */
  sc_chart_model_set_title (model, "Worth \xf4\x8f\xbf\xbd by platform", model->subtitle);
  bytes = sc_chart_render (model, SC_CHART_FORMAT_SVG, 1600, 900, 1, &error);
  g_assert_no_error (error);
  svg = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  doc = xmlReadMemory (svg, (int) size, "chart.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
  g_assert_null (strstr (svg, "<text"));
  g_assert_nonnull (strstr (svg, "<symbol"));
  g_assert_nonnull (strstr (svg, "<use xlink:href=\"#glyph"));
  /* cairo's glyph groups, not the scaled runs of sc_chart_svg_glyphs(). */
  g_assert_null (strstr (svg, "<g fill=\"#"));
}

/*
 * A PDF's fonts are cut to the chart's glyphs before cairo embeds them
 * (sc-chart-subset.c): Chinese text must still come out as text, every
 * font embedded as a CFF subset, and none drawn as a Type 3 bitmap font.
 */
static void
test_pdf_fonts (void)
{
  g_autoptr(ScChartModel) model = sample_model (SC_CHART_MEASURES, SAMPLE_NORMAL, "zh");
  g_autofree char *path = g_build_filename (tmpdir, "fonts-zh.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = sc_chart_render (model, SC_CHART_FORMAT_PDF, 800, 450, 1, &error);
  const char *pargs[] = { "pdftotext", path, "-", NULL };
  const char *data;
  gsize size;
  int status;

  g_assert_no_error (error);
  data = g_bytes_get_data (pdf, &size);
  g_assert_true (bytes_contain (data, size, "/FontFile3"));
  g_assert_true (bytes_contain (data, size, "/ToUnicode"));
  g_assert_false (bytes_contain (data, size, "/Type3"));
  g_assert_true (g_file_set_contents (path, data, size, NULL));
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) pargs, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, model->title));
  for (guint i = 0; i < model->categories->len; i++)
    {
      g_autofree char *first = g_utf8_substring (g_ptr_array_index (model->categories, i), 0, 2);

      /* Long names wrap or end in "…": their first characters are there. */
      if (strstr (text, first) == NULL)
        g_error ("“%s” is not in the PDF's text:\n%s", first, text);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("shangce-chart-vector-XXXXXX", NULL);

  g_test_add_func ("/chart/export/pdf-fonts", test_pdf_fonts);
  g_test_add_func ("/chart/export/svg-outlines", test_svg_outlines);
  g_test_add_func ("/chart/export/svg-outlines-fallback", test_svg_outlines_fallback);
  g_test_add_func ("/chart/cli/svg-text", test_cli_svg_text);

  ret = g_test_run ();
  if (ret == 0)
    test_remove_tree (tmpdir);
  g_free (tmpdir);
  return ret;
}
