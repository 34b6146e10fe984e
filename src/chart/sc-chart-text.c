/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

/*
 * Text of a chart: one Pango context for measuring and drawing, measuring,
 * fitting and placing labels, and dropping the value labels that collide.
 */

#include "config.h"

#include "sc-chart-layout-private.h"

#include "sc-chart-format.h"

#include <math.h>
#include <string.h>

/* --- geometry ----------------------------------------------------------- */

gboolean
sc_chart_rect_intersects (const ScChartRect *a,
                          const ScChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
sc_chart_rect_contains (const ScChartRect *outer,
                        const ScChartRect *inner,
                        double             slack)
{
  return inner->x >= outer->x - slack
         && inner->y >= outer->y - slack
         && inner->x + inner->width <= outer->x + outer->width + slack
         && inner->y + inner->height <= outer->y + outer->height + slack;
}

static ScChartRect
rect_inflate (const ScChartRect *r,
              double             d)
{
  return (ScChartRect) { r->x - d, r->y - d, r->width + 2 * d, r->height + 2 * d };
}

/* --- text --------------------------------------------------------------- */

/*
 * Measuring and drawing use one kind of context, made here, so they agree
 * on everything Pango picks and sizes fonts by: unhinted metrics (the
 * layout does not depend on the target or its scale), the chart's own
 * language (not the user's locale: other glyphs could be picked than the
 * ones measured), and no font options taken from a cairo surface (those
 * change Pango's font-set key, and every font set was sorted out of the
 * system's fonts a second time for drawing — measured, 5 ms of an export).
 */
PangoContext *
sc_chart_text_context_new (PangoFontMap *font_map,
                           const char   *lang)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_from_string (sc_chart_lang_is_zh (lang) ? "zh-cn" : "en"));
  cairo_font_options_destroy (options);
  return context;
}

static PangoFontDescription *
shared_font (void)
{
  static PangoFontDescription *font;

  static gsize done;

  if (g_once_init_enter (&done))
    {
      font = pango_font_description_from_string (SC_CHART_FONT_FAMILY);
      g_once_init_leave (&done, 1);
    }
  return font;
}

void
sc_chart_text_apply (PangoLayout       *pl,
                     const ScChartText *text)
{
  PangoFontDescription *font = pango_font_description_copy_static (shared_font ());

  pango_font_description_set_absolute_size (font, SC_CHART_TEXT_REF_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (font, text->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pl, font);
  pango_font_description_free (font);

  pango_layout_set_text (pl, text->text, -1);
  if (text->wrap_width > 0)
    {
      pango_layout_set_width (pl, (int) (text->wrap_width / sc_chart_text_scale (text) * PANGO_SCALE));
      pango_layout_set_wrap (pl, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (pl, text->max_lines > 0 ? -text->max_lines : -1);
      pango_layout_set_alignment (pl, (PangoAlignment) text->align);
    }
  else
    {
      pango_layout_set_width (pl, -1);
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (pl, -1);
      pango_layout_set_alignment (pl, PANGO_ALIGN_LEFT);
    }
}

static double
type_size (ScChartLayoutCtx *c,
           double            base)
{
  return base * c->type_scale;
}


/*
 * Each text keeps the Pango layout it was measured with, and what it was
 * set up from: drawing it again (each frame in the window, then the PNG,
 * the PDF or the SVG) would itemise and shape every text a second time.
 */
typedef struct
{
  PangoLayout *pl;
  char        *text;
  double       size, wrap_width;
  gboolean     bold;
  int          max_lines, align;
} Measured;

static void
measured_free (Measured *m)
{
  g_object_unref (m->pl);
  g_free (m->text);
  g_free (m);
}

static gboolean
measured_matches (const Measured    *m,
                  const ScChartText *t)
{
  return m->size == t->size && m->bold == t->bold && m->wrap_width == t->wrap_width
         && (t->wrap_width <= 0 || (m->max_lines == t->max_lines && m->align == t->align))
         && g_strcmp0 (m->text, t->text) == 0;
}

PangoLayout *
sc_chart_text_layout (const ScChartText *t,
                      PangoLayout       *scratch)
{
  const Measured *m = t->measured;

  if (m != NULL && measured_matches (m, t))
    return m->pl;
  sc_chart_text_apply (scratch, t);
  return scratch;
}

gboolean
sc_chart_text_is_ellipsized (const ScChartText *t)
{
  const Measured *m = t->measured;

  return m != NULL && pango_layout_is_ellipsized (m->pl);
}

static void
measure (ScChartLayoutCtx *c,
         ScChartText      *t)
{
  Measured *m = t->measured;
  PangoRectangle logical;
  double scale = sc_chart_text_scale (t) / PANGO_SCALE;

  if (m == NULL)
    {
      t->measured = m = g_new0 (Measured, 1);
      m->pl = pango_layout_new (c->context);
    }
  if (!measured_matches (m, t) || m->text == NULL)
    {
      sc_chart_text_apply (m->pl, t);
      g_free (m->text);
      m->text = g_strdup (t->text);
      m->size = t->size;
      m->bold = t->bold;
      m->wrap_width = t->wrap_width;
      m->max_lines = t->max_lines;
      m->align = t->align;
    }
  pango_layout_get_extents (m->pl, NULL, &logical);
  t->offset_x = logical.x * scale;
  t->offset_y = logical.y * scale;
  t->rect.width = logical.width * scale;
  t->rect.height = logical.height * scale;
}

void
sc_chart_text_free (ScChartText *t)
{
  if (t->measured != NULL)
    measured_free (t->measured);
  g_free (t->text);
  g_free (t);
}

/* An unmeasured, unplaced text. */
static ScChartText *
text_alloc (ScChartLayoutCtx *c,
            ScChartTextRole   role,
            const char       *str,
            double            base_size,
            gboolean          bold,
            ScChartInk        ink)
{
  ScChartText *t = g_new0 (ScChartText, 1);

  t->text = g_strdup (str != NULL ? str : "");
  t->role = role;
  t->size = type_size (c, base_size);
  t->bold = bold;
  t->ink = ink;
  t->series = -1;
  t->point = -1;
  t->visible = TRUE;
  t->align = PANGO_ALIGN_LEFT;
  return t;
}

/* A measured, unplaced text; not yet in the layout. */
ScChartText *
sc_chart_text_new (ScChartLayoutCtx *c,
                   ScChartTextRole   role,
                   const char       *str,
                   double            base_size,
                   gboolean          bold,
                   ScChartInk        ink)
{
  ScChartText *t = text_alloc (c, role, str, base_size, bold, ink);

  measure (c, t);
  return t;
}

/* sc_chart_text_new() then sc_chart_text_fit(), measured once: the long
 * footnotes cost as much to measure unwrapped as wrapped. */
ScChartText *
sc_chart_text_new_fitted (ScChartLayoutCtx *c,
                          ScChartTextRole   role,
                          const char       *str,
                          double            base_size,
                          gboolean          bold,
                          ScChartInk        ink,
                          double            width,
                          int               max_lines,
                          int               align)
{
  ScChartText *t = text_alloc (c, role, str, base_size, bold, ink);

  sc_chart_text_fit (c, t, width, max_lines, align);
  return t;
}

/* Re-measures @t wrapped to @width, at most @max_lines lines, then "…". */
void
sc_chart_text_fit (ScChartLayoutCtx *c,
                   ScChartText      *t,
                   double            width,
                   int               max_lines,
                   int               align)
{
  t->wrap_width = MAX (width, 1);
  t->max_lines = max_lines;
  t->align = align;
  measure (c, t);
}

void
sc_chart_text_resize (ScChartLayoutCtx *c,
                      ScChartText      *t,
                      double            size)
{
  t->size = size;
  measure (c, t);
}

ScChartText *
sc_chart_text_add (ScChartLayoutCtx *c,
                   ScChartText      *t)
{
  g_ptr_array_add (c->out->texts, t);
  return t;
}

/* Asked for the same few sizes again and again (eight times, two sizes, for
 * the overview): measured once a size. */
double
sc_chart_line_height (ScChartLayoutCtx *c,
                      double            base_size)
{
  ScChartText *t;
  double h;

  for (guint i = 0; i < c->n_line_heights; i++)
    if (c->line_heights[i][0] == base_size)
      return c->line_heights[i][1];
  t = sc_chart_text_new (c, SC_CHART_TEXT_TICK, SC_CHART_LINE_HEIGHT_SAMPLE, base_size, FALSE, SC_CHART_INK_TEXT);
  h = t->rect.height;
  sc_chart_text_free (t);
  if (c->n_line_heights < G_N_ELEMENTS (c->line_heights))
    {
      c->line_heights[c->n_line_heights][0] = base_size;
      c->line_heights[c->n_line_heights][1] = h;
      c->n_line_heights++;
    }
  return h;
}

/* --- value labels and collisions ---------------------------------------- */

char *
sc_chart_value_text (ScChartLayoutCtx    *c,
                     const ScChartSeries *series,
                     guint                point)
{
  const char *custom = sc_chart_series_get_label (series, point);
  g_autofree char *num = NULL;
  gboolean assumed = sc_chart_series_is_assumed (series, point);
  /* A maximum (至高) keeps its "≤", as on the Measures page. */
  const char *up_to = sc_chart_series_is_up_to (series, point) ? "≤ " : "";

  if (custom != NULL)
    return g_strconcat (up_to, custom, assumed ? "*" : "", NULL);
  num = sc_chart_format_number (sc_chart_series_get (series, point), c->model->lang, 3);
  return g_strconcat (up_to, num, assumed ? "*" : "", NULL);
}

/*
 * Drops value and marker labels that would leave their area or overlap a
 * label kept before them (texts earlier in the array win) or a bar that is
 * not theirs; each first tries a smaller size.
 */
void
sc_chart_resolve_collisions (ScChartLayoutCtx *c)
{
  ScChartLayout *out = c->out;

  for (guint i = 0; i < out->texts->len; i++)
    {
      ScChartText *t = g_ptr_array_index (out->texts, i);
      gboolean is_value = t->role == SC_CHART_TEXT_VALUE || t->role == SC_CHART_TEXT_MARKER;
      ScChartRect canvas = { 0, 0, out->width, out->height };

      if (!t->visible)
        continue;

      for (int attempt = 0; attempt < 2; attempt++)
        {
          gboolean ok = sc_chart_rect_contains (&canvas, &t->rect, 0.01);

          if (ok && is_value && t->role == SC_CHART_TEXT_VALUE)
            ok = sc_chart_rect_contains (&out->label_area, &t->rect, 0.01);

          for (guint j = 0; ok && j < i; j++)
            {
              ScChartText *o = g_ptr_array_index (out->texts, j);
              ScChartRect pad = rect_inflate (&o->rect, 1.0 * c->u);

              if (o->visible && sc_chart_rect_intersects (&pad, &t->rect))
                ok = FALSE;
            }

          if (ok && is_value && !t->on_fill)
            for (guint b = 0; ok && b < out->bars->len; b++)
              {
                const ScChartBar *bar = &g_array_index (out->bars, ScChartBar, b);

                if ((int) bar->series == t->series && (int) bar->point == t->point)
                  continue;
                /* Stacked labels sit on their own stack, not on a bar of it. */
                if (c->model->stacked && (int) bar->point == t->point && t->series < 0)
                  continue;
                if (sc_chart_rect_intersects (&bar->rect, &t->rect))
                  ok = FALSE;
              }

          if (ok)
            break;

          if (attempt == 0 && is_value)
            {
              /* Shrink around the same anchor point (centre of the box). */
              double cx = t->rect.x + t->rect.width / 2;
              double cy = t->rect.y + t->rect.height / 2;
              double bottom = t->rect.y + t->rect.height;
              double left = t->rect.x;
              double right = t->rect.x + t->rect.width;

              sc_chart_text_resize (c, t, t->size * 0.85);
              if (t->align == PANGO_ALIGN_CENTER || c->model->style == SC_CHART_STYLE_BARS)
                {
                  t->rect.x = cx - t->rect.width / 2;
                  /* keep labels above bars touching the bar */
                  t->rect.y = (t->point >= 0 && c->model->style == SC_CHART_STYLE_BARS && !t->on_fill)
                              ? (t->rect.y < cy ? bottom - t->rect.height : t->rect.y)
                              : cy - t->rect.height / 2;
                }
              else if (t->align == PANGO_ALIGN_RIGHT)
                {
                  t->rect.x = right - t->rect.width;
                  t->rect.y = cy - t->rect.height / 2;
                }
              else
                {
                  t->rect.x = left;
                  t->rect.y = cy - t->rect.height / 2;
                }
              continue;
            }
          t->visible = FALSE;
          break;
        }
    }
}
