/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart.h"

#include "sc-chart-palette.h"
#include "sc-chart-private.h"

#include <math.h>

static void
set_rgb (cairo_t    *cr,
         ScChartRgb  c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

static void
set_ink (cairo_t    *cr,
         ScChartInk  ink,
         gboolean    dark)
{
  set_rgb (cr, sc_chart_palette_ink (ink, dark));
}

/* Lines of 1 px land on pixel centres at scale 1. */
static double
crisp (double v,
       double width)
{
  double w = round (width);

  return ((int) w % 2 == 1) ? floor (v) + 0.5 : round (v);
}

static void
hatch_rect (cairo_t           *cr,
            const ScChartRect *r,
            ScChartHatch       hatch,
            ScChartRgb         fill,
            double             unit)
{
  double step = 6 * unit;
  ScChartRgb ink = sc_chart_palette_text_on (fill);

  if (hatch == SC_CHART_HATCH_NONE || r->width <= 0 || r->height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, ink.r, ink.g, ink.b, 0.55);
  cairo_set_line_width (cr, MAX (1, 1.2 * unit));
  switch (hatch)
    {
    case SC_CHART_HATCH_DIAGONAL:
    case SC_CHART_HATCH_CROSS:
      for (double d = -r->height; d < r->width; d += step)
        {
          cairo_move_to (cr, r->x + d, r->y + r->height);
          cairo_line_to (cr, r->x + d + r->height, r->y);
          if (hatch == SC_CHART_HATCH_CROSS)
            {
              cairo_move_to (cr, r->x + d, r->y);
              cairo_line_to (cr, r->x + d + r->height, r->y + r->height);
            }
        }
      cairo_stroke (cr);
      break;
    case SC_CHART_HATCH_HORIZONTAL:
      for (double y = r->y + step / 2; y < r->y + r->height; y += step)
        {
          cairo_move_to (cr, r->x, y);
          cairo_line_to (cr, r->x + r->width, y);
        }
      cairo_stroke (cr);
      break;
    case SC_CHART_HATCH_DOTS:
      for (double y = r->y + step / 2; y < r->y + r->height; y += step)
        for (double x = r->x + step / 2; x < r->x + r->width; x += step)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, 1.2 * unit, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;
    case SC_CHART_HATCH_NONE:
    default:
      break;
    }
  cairo_restore (cr);
}

static void
draw_text (cairo_t           *cr,
           PangoLayout       *pl,
           const ScChartText *t,
           gboolean           dark,
           ScChartSubset     *subset,
           guint              index)
{
  double x, y;

  if (!t->visible)
    return;
  if (t->on_fill)
    set_rgb (cr, t->color);
  else
    set_ink (cr, t->ink, dark);
  /* Laid out at the reference size: drawn from its origin, as cairo's
   * current point rounds it (24.8 fixed point), scaled to its own size. */
  cairo_move_to (cr, t->rect.x - t->offset_x, t->rect.y - t->offset_y);
  cairo_get_current_point (cr, &x, &y);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, sc_chart_text_scale (t), sc_chart_text_scale (t));
  if (!sc_chart_subset_show_text (subset, cr, index, 0, 0))
    {
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, sc_chart_text_layout (t, pl));
    }
  cairo_restore (cr);
}

/* Gantt bars: rounded, expected ones hollow (dashed), open ends faded to an arrow. */
static void
draw_span (cairo_t              *cr,
           const ScChartSpanBox *box,
           gboolean              dark,
           double                unit)
{
  const ScChartRect *r = &box->rect;
  ScChartRgb fill = sc_chart_palette_status (box->status, dark);
  double radius = MIN (r->height / 2, 4 * unit);

  cairo_new_path (cr);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 1.5 * G_PI);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, 1.5 * G_PI, 2 * G_PI);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, 0.5 * G_PI);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, 0.5 * G_PI, G_PI);
  cairo_close_path (cr);

  if (box->open_end)
    {
      cairo_pattern_t *p = cairo_pattern_create_linear (r->x, 0, r->x + r->width, 0);
      double fade = MAX (0, 1 - 40 * unit / MAX (r->width, 1));

      cairo_pattern_add_color_stop_rgba (p, 0, fill.r, fill.g, fill.b, 1);
      cairo_pattern_add_color_stop_rgba (p, fade, fill.r, fill.g, fill.b, 1);
      cairo_pattern_add_color_stop_rgba (p, 1, fill.r, fill.g, fill.b, 0.35);
      cairo_set_source (cr, p);
      cairo_pattern_destroy (p);
    }
  else
    set_rgb (cr, fill);
  cairo_fill_preserve (cr);

  if (box->status == SC_CHART_SPAN_EXPECTED || box->status == SC_CHART_SPAN_COMMENT_PERIOD)
    {
      double dash[] = { 4 * unit, 3 * unit };
      ScChartRgb edge = sc_chart_palette_text_on (fill);

      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgba (cr, edge.r, edge.g, edge.b, 0.6);
      cairo_set_line_width (cr, 1.2 * unit);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else
    cairo_new_path (cr);
}

/* Strokes the gridlines that are @strong (or not), each on whole pixels. */
static void
stroke_gridlines (cairo_t             *cr,
                  const ScChartLayout *layout,
                  gboolean             strong,
                  double               hair)
{
  for (guint i = 0; i < layout->grid->len; i++)
    {
      const ScChartGridline *g = &g_array_index (layout->grid, ScChartGridline, i);

      if (!g->strong != !strong)
        continue;
      if (g->y1 == g->y2)
        {
          cairo_move_to (cr, g->x1, crisp (g->y1, hair));
          cairo_line_to (cr, g->x2, crisp (g->y2, hair));
        }
      else
        {
          cairo_move_to (cr, crisp (g->x1, hair), g->y1);
          cairo_line_to (cr, crisp (g->x2, hair), g->y2);
        }
    }
  cairo_stroke (cr);
}

void
sc_chart_draw_layout (const ScChartModel  *model,
                      const ScChartLayout *layout,
                      cairo_t             *cr)
{
  sc_chart_draw_layout_full (model, layout, cr, NULL);
}

void
sc_chart_draw_layout_full (const ScChartModel  *model,
                           const ScChartLayout *layout,
                           cairo_t             *cr,
                           ScChartSubset       *subset)
{
  gboolean dark = layout->dark;
  double u = layout->unit;
  double hair = MAX (1.0, round (u));
  PangoContext *context;
  PangoLayout *pl;

  g_return_if_fail (model != NULL && layout != NULL && cr != NULL);

  cairo_save (cr);

  set_ink (cr, SC_CHART_INK_BACKGROUND, dark);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  /* Gridlines first, light; the zero line after the bars. */
  cairo_set_line_width (cr, hair);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  set_ink (cr, SC_CHART_INK_GRID, dark);
  stroke_gridlines (cr, layout, FALSE, hair);

  for (guint i = 0; i < layout->bars->len; i++)
    {
      const ScChartBar *b = &g_array_index (layout->bars, ScChartBar, i);
      ScChartRgb fill = sc_chart_palette_series (b->color, dark);

      set_rgb (cr, fill);
      cairo_rectangle (cr, b->rect.x, b->rect.y, b->rect.width, b->rect.height);
      cairo_fill (cr);
      if (layout->hatch)
        hatch_rect (cr, &b->rect, sc_chart_palette_hatch (b->color), fill, u);
    }
  /* A hairline of background between stacked segments keeps them apart in grey. */
  if (model->stacked && layout->bars->len > 1)
    {
      set_ink (cr, SC_CHART_INK_BACKGROUND, dark);
      cairo_set_line_width (cr, MAX (1, 1.2 * u));
      for (guint i = 0; i < layout->bars->len; i++)
        {
          const ScChartBar *b = &g_array_index (layout->bars, ScChartBar, i);

          cairo_rectangle (cr, b->rect.x, b->rect.y, b->rect.width, b->rect.height);
        }
      cairo_stroke (cr);
    }

  for (guint i = 0; i < layout->spans->len; i++)
    draw_span (cr, &g_array_index (layout->spans, ScChartSpanBox, i), dark, u);

  set_ink (cr, SC_CHART_INK_AXIS, dark);
  cairo_set_line_width (cr, hair);
  stroke_gridlines (cr, layout, TRUE, hair);

  /* Lines over the grid, with a halo so crossings stay readable. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < layout->lines->len; i++)
    {
      const ScChartLine *line = g_ptr_array_index (layout->lines, i);
      ScChartRgb color = sc_chart_palette_series (line->color, dark);
      gboolean pen_down = FALSE;

      cairo_new_path (cr);
      for (guint k = 0; k < line->points->len; k++)
        {
          const ScChartPoint *p = &g_array_index (line->points, ScChartPoint, k);

          if (!isfinite (p->y))
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, p->x, p->y);
          else
            cairo_move_to (cr, p->x, p->y);
          pen_down = TRUE;
        }
      if (!line->dashed)
        {
          set_ink (cr, SC_CHART_INK_BACKGROUND, dark);
          cairo_set_line_width (cr, 5.5 * u);
          cairo_stroke_preserve (cr);
        }
      else
        {
          double dash[] = { 7 * u, 6 * u };

          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        }
      set_rgb (cr, color);
      cairo_set_line_width (cr, 2.6 * u);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (line->dots)
        for (guint k = 0; k < line->points->len; k++)
          {
            const ScChartPoint *p = &g_array_index (line->points, ScChartPoint, k);

            if (!isfinite (p->y))
              continue;
            cairo_new_sub_path (cr);
            cairo_arc (cr, p->x, p->y, 3.2 * u, 0, 2 * G_PI);
            set_rgb (cr, color);
            cairo_fill_preserve (cr);
            set_ink (cr, SC_CHART_INK_BACKGROUND, dark);
            cairo_set_line_width (cr, 1.2 * u);
            cairo_stroke (cr);
          }
    }

  for (guint i = 0; i < layout->markers->len; i++)
    {
      const ScChartMarker *mk = &g_array_index (layout->markers, ScChartMarker, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, mk->x, mk->y, mk->radius, 0, 2 * G_PI);
      set_ink (cr, SC_CHART_INK_BACKGROUND, dark);
      cairo_fill_preserve (cr);
      set_ink (cr, SC_CHART_INK_MARKER, dark);
      cairo_set_line_width (cr, 2 * u);
      cairo_stroke (cr);
    }

  if (layout->has_rule)
    {
      double dash[] = { 5 * u, 4 * u };

      set_ink (cr, SC_CHART_INK_MARKER, dark);
      cairo_set_line_width (cr, 1.5 * u);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, layout->rule.x1, layout->rule.y1);
      cairo_line_to (cr, layout->rule.x2, layout->rule.y2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const ScChartLegendItem *it = &g_array_index (layout->legend, ScChartLegendItem, i);
      ScChartRgb color = it->is_status ? sc_chart_palette_status (it->color, dark)
                                        : sc_chart_palette_series (it->color, dark);
      const ScChartRect *r = &it->swatch;

      set_rgb (cr, color);
      if (it->is_line)
        {
          cairo_set_line_width (cr, 2.6 * u);
          cairo_move_to (cr, r->x, r->y + r->height / 2);
          cairo_line_to (cr, r->x + r->width, r->y + r->height / 2);
          cairo_stroke (cr);
        }
      else
        {
          double rad = 2 * u;

          cairo_new_sub_path (cr);
          cairo_arc (cr, r->x + r->width - rad, r->y + rad, rad, -G_PI / 2, 0);
          cairo_arc (cr, r->x + r->width - rad, r->y + r->height - rad, rad, 0, G_PI / 2);
          cairo_arc (cr, r->x + rad, r->y + r->height - rad, rad, G_PI / 2, G_PI);
          cairo_arc (cr, r->x + rad, r->y + rad, rad, G_PI, 1.5 * G_PI);
          cairo_close_path (cr);
          cairo_fill (cr);
          if (layout->hatch && !it->is_status)
            hatch_rect (cr, r, sc_chart_palette_hatch (it->color), color, u);
        }
    }

  /* Not pango_cairo_create_layout (cr): the text is drawn exactly as it was
   * measured, and cairo scales the glyphs with the target. */
  context = sc_chart_text_context_new (pango_cairo_font_map_get_default (), model->lang);
  pl = pango_layout_new (context);
  g_object_unref (context);
  for (guint i = 0; i < layout->texts->len; i++)
    draw_text (cr, pl, g_ptr_array_index (layout->texts, i), dark, subset, i);
  g_object_unref (pl);

  cairo_restore (cr);
}

void
sc_chart_draw (const ScChartModel *model,
               cairo_t            *cr,
               double              width,
               double              height)
{
  g_autoptr(ScChartLayout) layout = NULL;

  g_return_if_fail (model != NULL && cr != NULL);

  layout = sc_chart_layout_new (model, width, height);
  sc_chart_draw_layout (model, layout, cr);
}
