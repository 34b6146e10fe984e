/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-client-report-private.h"

#include "sc-chart-layout.h"
#include "sc-chart-private.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <string.h>

/* Page sizes in PDF points. */
#define A4_WIDTH       595.276
#define A4_HEIGHT      841.89
#define SLIDES_WIDTH   960.0
#define SLIDES_HEIGHT  540.0

static const struct
{
  double   size;    /* points at unit 1 */
  gboolean bold;
} styles[SC_REPORT_N_STYLES] = {
  [SC_REPORT_STYLE_BODY] = { 10, FALSE },
  [SC_REPORT_STYLE_SMALL] = { 8, FALSE },
  [SC_REPORT_STYLE_QUOTE] = { 9, FALSE },
  [SC_REPORT_STYLE_H2] = { 11.5, TRUE },
  [SC_REPORT_STYLE_H1] = { 17, TRUE },
  [SC_REPORT_STYLE_TITLE] = { 28, TRUE },
  [SC_REPORT_STYLE_BIG] = { 15, TRUE },
  [SC_REPORT_STYLE_TABLE] = { 8.5, FALSE },
  [SC_REPORT_STYLE_TABLE_BOLD] = { 8.5, TRUE },
  [SC_REPORT_STYLE_RUNNING] = { 7.5, FALSE },
};

void
sc_report_writer_init (ScReportWriter       *w,
                       ScClientReportLayout  layout,
                       const char           *lang)
{
  memset (w, 0, sizeof *w);
  w->slides = layout == SC_CLIENT_REPORT_SLIDES;
  if (w->slides)
    {
      w->width = SLIDES_WIDTH;
      w->height = SLIDES_HEIGHT;
      w->unit = 1.25;
      w->margin = 48;
      w->top = 58;
      w->bottom = SLIDES_HEIGHT - 40;
    }
  else
    {
      w->width = A4_WIDTH;
      w->height = A4_HEIGHT;
      w->unit = 1;
      w->margin = 56;
      w->top = 70;
      w->bottom = A4_HEIGHT - 58;
    }
  w->context = sc_chart_text_context_new (pango_cairo_font_map_get_default (), lang);
  w->pl = pango_layout_new (w->context);
  w->heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* The one family is a CJK font, whose quotes and apostrophes are
   * full-width: in English text ask for its proportional ones. */
  if (!sc_chart_lang_is_zh (lang))
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_font_features_new ("pwid"));
      pango_layout_set_attributes (w->pl, attrs);
      pango_attr_list_unref (attrs);
    }
}

void
sc_report_writer_clear (ScReportWriter *w)
{
  g_clear_object (&w->pl);
  g_clear_pointer (&w->heights, g_hash_table_unref);
  g_clear_object (&w->context);
  g_clear_pointer (&w->header_left, g_free);
  g_clear_pointer (&w->header_right, g_free);
  g_clear_pointer (&w->footer_left, g_free);
}

void
sc_report_writer_begin (ScReportWriter *w,
                        cairo_t        *cr,
                        guint           n_pages)
{
  w->cr = cr;
  w->n_pages = n_pages;
  w->page = 0;
  w->y = w->top;
  w->decorated = FALSE;
}

double
sc_report_writer_body_width (const ScReportWriter *w)
{
  return w->width - 2 * w->margin;
}

static void
set_ink (cairo_t    *cr,
         ScChartInk  ink)
{
  ScChartRgb c = sc_chart_palette_ink (ink, FALSE);

  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

static void
prepare (ScReportWriter *w,
         const char     *text,
         ScReportStyle   style,
         double          width,
         PangoAlignment  align)
{
  PangoFontDescription *font = pango_font_description_from_string (SC_CHART_FONT_FAMILY);

  pango_font_description_set_absolute_size (font, styles[style].size * w->unit * PANGO_SCALE);
  pango_font_description_set_weight (font, styles[style].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (w->pl, font);
  pango_font_description_free (font);
  pango_layout_set_width (w->pl, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (w->pl, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (w->pl, align);
  pango_layout_set_spacing (w->pl, (int) (styles[style].size * w->unit * 0.2 * PANGO_SCALE));
  pango_layout_set_text (w->pl, text != NULL ? text : "", -1);
}

static double
layout_height (ScReportWriter *w)
{
  PangoRectangle logical;

  pango_layout_get_extents (w->pl, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* Both runs measure the same texts at the same widths: the drawing run
 * takes the heights the counting run found instead of shaping again. */
double
sc_report_writer_measure (ScReportWriter *w,
                          const char     *text,
                          ScReportStyle   style,
                          double          width)
{
  g_autofree char *key = g_strdup_printf ("%d %.3f %s", (int) style, width, text != NULL ? text : "");
  double *height = g_hash_table_lookup (w->heights, key);

  if (height == NULL)
    {
      height = g_new (double, 1);
      prepare (w, text, style, width, PANGO_ALIGN_LEFT);
      *height = layout_height (w);
      g_hash_table_insert (w->heights, g_steal_pointer (&key), height);
    }
  return *height;
}

double
sc_report_writer_text_at (ScReportWriter *w,
                          const char     *text,
                          ScReportStyle   style,
                          double          x,
                          double          y,
                          double          width,
                          PangoAlignment  align,
                          ScChartInk      ink)
{
  double height;

  /* Counting pages needs the height only, which alignment does not change. */
  if (w->cr == NULL)
    return sc_report_writer_measure (w, text, style, width);
  prepare (w, text, style, width, align);
  height = layout_height (w);
  cairo_save (w->cr);
  set_ink (w->cr, ink);
  cairo_move_to (w->cr, x, y);
  pango_cairo_show_layout (w->cr, w->pl);
  cairo_restore (w->cr);
  return height;
}

static void
rule (ScReportWriter *w,
      double          y,
      ScChartInk      ink,
      double          line_width)
{
  if (w->cr == NULL)
    return;
  cairo_save (w->cr);
  set_ink (w->cr, ink);
  cairo_set_line_width (w->cr, line_width);
  cairo_move_to (w->cr, w->margin, y);
  cairo_line_to (w->cr, w->width - w->margin, y);
  cairo_stroke (w->cr);
  cairo_restore (w->cr);
}

/* Running header (client, report) and footer (data, version, page). */
static void
decorate (ScReportWriter *w)
{
  double body = sc_report_writer_body_width (w);
  double head_y = w->top - 30 * w->unit;
  double foot_y = w->bottom + 16 * w->unit;
  g_autofree char *page = NULL;
  double h;

  h = sc_report_writer_text_at (w, w->header_left, SC_REPORT_STYLE_RUNNING, w->margin, head_y, body * 0.5,
                                PANGO_ALIGN_LEFT, SC_CHART_INK_TEXT_SECONDARY);
  sc_report_writer_text_at (w, w->header_right, SC_REPORT_STYLE_RUNNING, w->margin + body * 0.5, head_y,
                            body * 0.5, PANGO_ALIGN_RIGHT, SC_CHART_INK_TEXT_SECONDARY);
  rule (w, head_y + h + 4 * w->unit, SC_CHART_INK_GRID, 0.75);

  rule (w, foot_y - 5 * w->unit, SC_CHART_INK_GRID, 0.75);
  sc_report_writer_text_at (w, w->footer_left, SC_REPORT_STYLE_RUNNING, w->margin, foot_y, body * 0.75,
                            PANGO_ALIGN_LEFT, SC_CHART_INK_TEXT_SECONDARY);
  if (w->n_pages > 0)
    /* Translators: the page number in the client report's footer */
    page = g_strdup_printf (_("Page %u of %u"), w->page, w->n_pages);
  else
    page = g_strdup_printf (_("Page %u of %u"), w->page, w->page);
  sc_report_writer_text_at (w, page, SC_REPORT_STYLE_RUNNING, w->margin + body * 0.75, foot_y, body * 0.25,
                            PANGO_ALIGN_RIGHT, SC_CHART_INK_TEXT_SECONDARY);
}

void
sc_report_writer_new_page (ScReportWriter *w,
                           gboolean        decorated)
{
  if (w->page > 0 && w->cr != NULL)
    cairo_show_page (w->cr);
  w->page++;
  w->y = w->top;
  w->decorated = decorated;
  if (decorated)
    decorate (w);
}

void
sc_report_writer_need (ScReportWriter *w,
                       double          height)
{
  if (w->page == 0 || (w->y + height > w->bottom && w->y > w->top))
    sc_report_writer_new_page (w, TRUE);
}

void
sc_report_writer_space (ScReportWriter *w,
                        double          height)
{
  w->y = MIN (w->y + height * w->unit, w->bottom);
}

void
sc_report_writer_paragraph (ScReportWriter *w,
                            const char     *text,
                            ScReportStyle   style,
                            ScChartInk      ink)
{
  /* A quotation is set in, with a rule beside it. */
  double indent = style == SC_REPORT_STYLE_QUOTE ? 12 * w->unit : 0;
  double width = sc_report_writer_body_width (w) - indent;
  double height = sc_report_writer_measure (w, text, style, width);

  sc_report_writer_need (w, height);
  if (indent > 0 && w->cr != NULL)
    {
      ScChartRgb c = sc_chart_palette_ink (SC_CHART_INK_GRID, FALSE);

      cairo_save (w->cr);
      cairo_set_source_rgb (w->cr, c.r, c.g, c.b);
      cairo_rectangle (w->cr, w->margin + 2 * w->unit, w->y + 1, 2 * w->unit, height - 2);
      cairo_fill (w->cr);
      cairo_restore (w->cr);
    }
  w->y += sc_report_writer_text_at (w, text, style, w->margin + indent, w->y, width, PANGO_ALIGN_LEFT, ink);
  w->y += styles[style].size * w->unit * 0.6;
}

void
sc_report_writer_heading (ScReportWriter *w,
                          const char     *text,
                          double          keep)
{
  ScReportStyle style = SC_REPORT_STYLE_H1;
  double width = sc_report_writer_body_width (w);
  double h = sc_report_writer_measure (w, text, style, width);

  sc_report_writer_need (w, h + keep);
  if (w->y > w->top)
    w->y += 10 * w->unit;
  if (w->cr != NULL)
    {
      g_autofree char *dest = g_strdup_printf ("page=%u pos=[%g %g]", w->page, w->margin, w->y);

      cairo_pdf_surface_add_outline (cairo_get_target (w->cr), CAIRO_PDF_OUTLINE_ROOT, text, dest,
                                     CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }
  w->y += sc_report_writer_text_at (w, text, style, w->margin, w->y, width, PANGO_ALIGN_LEFT, SC_CHART_INK_TEXT);
  w->y += 8 * w->unit;
}

/* --- tables ------------------------------------------------------------- */

typedef struct
{
  ScReportRowFlags   flags;
  char             **cells;
} ScReportRow;

static void
row_free (gpointer data)
{
  ScReportRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

ScReportTable *
sc_report_table_new (void)
{
  ScReportTable *table = g_new0 (ScReportTable, 1);

  table->columns = g_array_new (FALSE, TRUE, sizeof (ScReportColumn));
  table->rows = g_ptr_array_new_with_free_func (row_free);
  return table;
}

void
sc_report_table_free (ScReportTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
sc_report_table_add_column (ScReportTable *table,
                            const char    *title,
                            double         weight,
                            gboolean       numeric)
{
  ScReportColumn column = { title, weight, numeric };

  g_array_append_val (table->columns, column);
}

void
sc_report_table_add_row (ScReportTable      *table,
                         ScReportRowFlags    flags,
                         const char *const  *cells)
{
  ScReportRow *row = g_new0 (ScReportRow, 1);
  guint n = table->columns->len;

  row->flags = flags;
  row->cells = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    row->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

typedef struct
{
  double  pad_x;
  double  pad_y;
  double *x;         /* left edge of each column */
  double *width;
} Grid;

static void
grid_init (ScReportWriter      *w,
           const ScReportTable *table,
           Grid                *g)
{
  double total = 0, body = sc_report_writer_body_width (w), x = w->margin;
  guint n = table->columns->len;

  g->pad_x = 4 * w->unit;
  g->pad_y = 3 * w->unit;
  g->x = g_new (double, n);
  g->width = g_new (double, n);
  for (guint i = 0; i < n; i++)
    total += g_array_index (table->columns, ScReportColumn, i).weight;
  for (guint i = 0; i < n; i++)
    {
      g->x[i] = x;
      g->width[i] = body * g_array_index (table->columns, ScReportColumn, i).weight / total;
      x += g->width[i];
    }
}

static void
grid_clear (Grid *g)
{
  g_free (g->x);
  g_free (g->width);
}

static void
fill_band (ScReportWriter *w,
           double          y,
           double          height,
           double          grey)
{
  if (w->cr == NULL)
    return;
  cairo_save (w->cr);
  cairo_set_source_rgb (w->cr, grey, grey, grey + 0.01);
  cairo_rectangle (w->cr, w->margin, y, sc_report_writer_body_width (w), height);
  cairo_fill (w->cr);
  cairo_restore (w->cr);
}

static ScReportStyle
row_style (ScReportRowFlags flags,
           gboolean         header)
{
  return header || (flags & (SC_REPORT_ROW_BOLD | SC_REPORT_ROW_GROUP)) ? SC_REPORT_STYLE_TABLE_BOLD
                                                                       : SC_REPORT_STYLE_TABLE;
}

/* The text width of cell @i: a group heading spans the table. */
static double
cell_width (const ScReportWriter *w,
            const Grid           *g,
            ScReportRowFlags      flags,
            guint                 i)
{
  return ((flags & SC_REPORT_ROW_GROUP) ? sc_report_writer_body_width (w) : g->width[i]) - 2 * g->pad_x;
}

/* The height of a row: each cell wrapped in its column, the tallest. */
static double
row_height (ScReportWriter      *w,
            const ScReportTable *table,
            const Grid          *g,
            const char *const   *cells,
            ScReportRowFlags     flags,
            gboolean             header)
{
  ScReportStyle style = row_style (flags, header);
  guint n = (flags & SC_REPORT_ROW_GROUP) ? 1 : table->columns->len;
  double height = 0;

  for (guint i = 0; i < n; i++)
    {
      double width = cell_width (w, g, flags, i);

      height = MAX (height, sc_report_writer_measure (w, cells[i], style, width));
    }
  return height + 2 * g->pad_y;
}

/* Draws a row of @height (from row_height()) at the cursor and moves down. */
static void
draw_row (ScReportWriter      *w,
          const ScReportTable *table,
          const Grid          *g,
          const char *const   *cells,
          ScReportRowFlags     flags,
          gboolean             header,
          gboolean             shade,
          double               height)
{
  ScReportStyle style = row_style (flags, header);
  guint n = (flags & SC_REPORT_ROW_GROUP) ? 1 : table->columns->len;

  /* Counting pages needs the heights only. */
  if (w->cr == NULL)
    {
      w->y += height;
      return;
    }
  if (header)
    fill_band (w, w->y, height, 0.90);
  else if (flags & SC_REPORT_ROW_GROUP)
    fill_band (w, w->y, height, 0.95);
  else if (shade)
    fill_band (w, w->y, height, 0.975);
  for (guint i = 0; i < n; i++)
    {
      const ScReportColumn *c = &g_array_index (table->columns, ScReportColumn, i);
      double width = cell_width (w, g, flags, i);

      sc_report_writer_text_at (w, cells[i], style, g->x[i] + g->pad_x, w->y + g->pad_y, width,
                                c->numeric && !(flags & SC_REPORT_ROW_GROUP) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT,
                                SC_CHART_INK_TEXT);
    }
  if (flags & SC_REPORT_ROW_BOLD)
    rule (w, w->y, SC_CHART_INK_AXIS, 0.75);
  w->y += height;
  rule (w, w->y, header ? SC_CHART_INK_AXIS : SC_CHART_INK_GRID, header ? 0.75 : 0.5);
}

void
sc_report_writer_table (ScReportWriter      *w,
                        const ScReportTable *table,
                        const char          *continued)
{
  g_autofree const char **titles = g_new0 (const char *, table->columns->len + 1);
  g_autofree double *heights = g_new0 (double, table->rows->len + 1);
  double header_h, all;
  Grid g;

  grid_init (w, table, &g);
  for (guint i = 0; i < table->columns->len; i++)
    titles[i] = g_array_index (table->columns, ScReportColumn, i).title;
  header_h = row_height (w, table, &g, titles, 0, TRUE);
  all = header_h;
  for (guint r = 0; r < table->rows->len; r++)
    {
      const ScReportRow *row = g_ptr_array_index (table->rows, r);

      heights[r] = row_height (w, table, &g, (const char *const *) row->cells, row->flags, FALSE);
      all += heights[r];
    }

  /* A table that fits on a page is not split, unless moving it would
   * leave more than half a page empty; a longer one starts here. */
  if (all <= w->bottom - w->top && w->bottom - w->y < (w->bottom - w->top) / 2)
    sc_report_writer_need (w, all);
  else
    sc_report_writer_need (w, header_h + heights[0]);
  draw_row (w, table, &g, titles, 0, TRUE, FALSE, header_h);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const ScReportRow *row = g_ptr_array_index (table->rows, r);
      double keep = heights[r];

      /* A group heading stays with its first row. */
      if ((row->flags & SC_REPORT_ROW_GROUP) && r + 1 < table->rows->len)
        keep += heights[r + 1];
      if (w->y + keep > w->bottom)
        {
          sc_report_writer_new_page (w, TRUE);
          if (continued != NULL)
            {
              w->y += sc_report_writer_text_at (w, continued, SC_REPORT_STYLE_H2, w->margin, w->y,
                                                sc_report_writer_body_width (w), PANGO_ALIGN_LEFT,
                                                SC_CHART_INK_TEXT_SECONDARY);
              w->y += 6 * w->unit;
            }
          draw_row (w, table, &g, titles, 0, TRUE, FALSE, header_h);
        }
      draw_row (w, table, &g, (const char *const *) row->cells, row->flags, FALSE, r % 2 == 1, heights[r]);
    }
  grid_clear (&g);
  w->y += 10 * w->unit;
}
