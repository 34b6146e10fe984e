/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-layout.h"

#include "sc-chart-format.h"
#include "sc-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Type sizes in px at 800×450; smaller canvases keep at least MIN_SCALE of them. */
#define SIZE_TITLE     20.0
#define SIZE_SUBTITLE  12.5
#define SIZE_LEGEND    12.5
#define SIZE_AXIS      11.5
#define SIZE_TICK      11.5
#define SIZE_CATEGORY  12.5
#define SIZE_VALUE     11.5
#define SIZE_FOOTNOTE  10.0
#define SIZE_MESSAGE   15.0
#define MIN_SCALE      0.72
#define MAX_CROSSOVERS 8

typedef struct
{
  const ScChartModel *model;
  ScChartLayout      *out;
  PangoContext       *context;
  PangoLayout        *pl;
  PangoFontDescription *font;
  double              u;          /* unit */
  double              type_scale; /* unit for type, never below MIN_SCALE */
  double              margin;
  gboolean            zh;
} Ctx;

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

  pango_font_description_set_absolute_size (font, text->size * PANGO_SCALE);
  pango_font_description_set_weight (font, text->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pl, font);
  pango_font_description_free (font);

  pango_layout_set_text (pl, text->text, -1);
  if (text->wrap_width > 0)
    {
      pango_layout_set_width (pl, (int) (text->wrap_width * PANGO_SCALE));
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
type_size (Ctx   *c,
           double base)
{
  return base * c->type_scale;
}

/* The unit: 1 at 800×450, never below 0.5 or above 4. */
static double
layout_unit (double width,
             double height)
{
  return CLAMP (MIN (MAX (width, 1) / 800, MAX (height, 1) / 450), 0.5, 4);
}

guint
sc_chart_layout_text_styles (double           width,
                             double           height,
                             ScChartTextStyle styles[SC_CHART_N_TEXT_STYLES])
{
  /* Every size and weight text_new() is called with below, but for the
   * category and span labels a crowded chart shrinks further. */
  static const ScChartTextStyle base[] = {
    { SIZE_TITLE, TRUE },
    { SIZE_SUBTITLE, FALSE },   /* also SIZE_LEGEND, SIZE_CATEGORY */
    { SIZE_TICK, FALSE },       /* also SIZE_AXIS, SIZE_VALUE */
    { SIZE_VALUE, TRUE },
    { SIZE_FOOTNOTE, FALSE },
  };
  double type_scale = MAX (layout_unit (width, height), MIN_SCALE);

  G_STATIC_ASSERT (G_N_ELEMENTS (base) == SC_CHART_N_TEXT_STYLES);
  G_STATIC_ASSERT (SIZE_LEGEND == SIZE_SUBTITLE && SIZE_CATEGORY == SIZE_SUBTITLE);
  G_STATIC_ASSERT (SIZE_AXIS == SIZE_TICK && SIZE_VALUE == SIZE_TICK);
  for (guint i = 0; i < G_N_ELEMENTS (base); i++)
    styles[i] = (ScChartTextStyle) { base[i].size * type_scale, base[i].bold };
  return G_N_ELEMENTS (base);
}

static void
measure (Ctx         *c,
         ScChartText *t)
{
  PangoRectangle logical;

  sc_chart_text_apply (c->pl, t);
  pango_layout_get_extents (c->pl, NULL, &logical);
  t->offset_x = (double) logical.x / PANGO_SCALE;
  t->offset_y = (double) logical.y / PANGO_SCALE;
  t->rect.width = (double) logical.width / PANGO_SCALE;
  t->rect.height = (double) logical.height / PANGO_SCALE;
}

static void
text_free (ScChartText *t)
{
  g_free (t->text);
  g_free (t);
}

/* A measured, unplaced text; not yet in the layout. */
static ScChartText *
text_new (Ctx             *c,
          ScChartTextRole  role,
          const char      *str,
          double           base_size,
          gboolean         bold,
          ScChartInk       ink)
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
  measure (c, t);
  return t;
}

/* Re-measures @t wrapped to @width, at most @max_lines lines, then "…". */
static void
text_fit (Ctx         *c,
          ScChartText *t,
          double       width,
          int          max_lines,
          int          align)
{
  t->wrap_width = MAX (width, 1);
  t->max_lines = max_lines;
  t->align = align;
  measure (c, t);
}

static void
text_resize (Ctx         *c,
             ScChartText *t,
             double       size)
{
  t->size = size;
  measure (c, t);
}

static void
text_place (ScChartText *t,
            double       x,
            double       y)
{
  t->rect.x = x;
  t->rect.y = y;
}

static ScChartText *
text_add (Ctx         *c,
          ScChartText *t)
{
  g_ptr_array_add (c->out->texts, t);
  return t;
}

static double
line_height (Ctx   *c,
             double base_size)
{
  ScChartText *t = text_new (c, SC_CHART_TEXT_TICK, "0Ag国", base_size, FALSE, SC_CHART_INK_TEXT);
  double h = t->rect.height;

  text_free (t);
  return h;
}

/* --- value labels and collisions ---------------------------------------- */

static char *
format_value (Ctx                 *c,
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
static void
resolve_collisions (Ctx *c)
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

              text_resize (c, t, t->size * 0.85);
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

/* --- common frame: title, subtitle, legend, footnote ------------------- */

typedef struct
{
  char     *name;
  guint     color;
  gboolean  is_status;
  gboolean  is_line;
  guint     series;
} LegendEntry;

/* Returns the y below the header; fills the legend. */
static double
layout_header (Ctx    *c,
               GArray *entries)
{
  ScChartLayout *out = c->out;
  double x0 = c->margin, w = out->width - 2 * c->margin;
  double y = c->margin * 0.9;

  if (c->model->title != NULL && *c->model->title != '\0')
    {
      ScChartText *t = text_new (c, SC_CHART_TEXT_TITLE, c->model->title, SIZE_TITLE, TRUE, SC_CHART_INK_TEXT);

      text_fit (c, t, w, 1, PANGO_ALIGN_LEFT);
      text_place (t, x0, y);
      text_add (c, t);
      y += t->rect.height + 2 * c->u;
    }
  if (c->model->subtitle != NULL && *c->model->subtitle != '\0')
    {
      ScChartText *t = text_new (c, SC_CHART_TEXT_SUBTITLE, c->model->subtitle, SIZE_SUBTITLE, FALSE, SC_CHART_INK_TEXT_SECONDARY);

      text_fit (c, t, w, 2, PANGO_ALIGN_LEFT);
      text_place (t, x0, y);
      text_add (c, t);
      y += t->rect.height;
    }

  if (entries != NULL && entries->len > 0)
    {
      double row_h = line_height (c, SIZE_LEGEND);
      double sw = 11 * c->type_scale;
      double gap = 6 * c->type_scale;
      double spacing = 20 * c->type_scale;
      double x = x0;

      y += 10 * c->u;
      for (guint i = 0; i < entries->len; i++)
        {
          LegendEntry *e = &g_array_index (entries, LegendEntry, i);
          ScChartText *t = text_new (c, SC_CHART_TEXT_LEGEND, e->name, SIZE_LEGEND, FALSE, SC_CHART_INK_TEXT);
          ScChartLegendItem item = { 0 };
          double swatch_w = e->is_line ? sw * 1.8 : sw;
          double max_text = w - swatch_w - gap;

          if (t->rect.width > max_text)
            text_fit (c, t, max_text, 1, PANGO_ALIGN_LEFT);
          if (x > x0 && x + swatch_w + gap + t->rect.width > x0 + w)
            {
              x = x0;
              y += row_h * 1.25;
            }
          item.swatch = (ScChartRect) { x, y + (row_h - sw) / 2, swatch_w, sw };
          item.color = e->color;
          item.is_status = e->is_status;
          item.is_line = e->is_line;
          item.series = e->series;
          g_array_append_val (out->legend, item);
          text_place (t, x + swatch_w + gap, y + (row_h - t->rect.height) / 2);
          text_add (c, t);
          x += swatch_w + gap + t->rect.width + spacing;
        }
      y += row_h;
    }
  return y + 12 * c->u;
}

/* A copy of @text without a trailing full stop (。 . ； ;) or space. */
static char *
strip_full_stop (const char *text)
{
  static const char *const stops[] = { "。", ".", "；", ";", " " };
  char *copy = g_strdup (text);
  gsize len = strlen (copy);
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
        {
          gsize n = strlen (stops[i]);

          if (len >= n && memcmp (copy + len - n, stops[i], n) == 0)
            {
              len -= n;
              copy[len] = '\0';
              again = TRUE;
            }
        }
    }
  return copy;
}

/* "* contains assumptions: a; b; …" with the first @n of them, then how many
 * more there are, measured at @width over two lines. */
static ScChartText *
assumptions_note_with (Ctx    *c,
                       double  width,
                       guint   n)
{
  guint total = c->model->assumptions->len;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *note = NULL;
  g_autofree char *marked = NULL;
  ScChartText *t;

  /* Notes that end in a full stop would read "。；" once joined. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, strip_full_stop (g_ptr_array_index (c->model->assumptions, i)));
  if (n < total)
    /* TRANSLATORS: the last item of a chart footnote's list of assumptions
     * when the rest does not fit; %u is how many are left out */
    g_ptr_array_add (items, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more in the report",
                                                          "and %u more in the report", total - n),
                                             total - n));
  g_ptr_array_add (items, NULL);
  joined = g_strjoinv (c->zh ? "；" : "; ", (char **) items->pdata);
  /* TRANSLATORS: footnote of a chart; %s lists the assumptions */
  note = g_strdup_printf (_("contains assumptions: %s"), joined);
  marked = g_strconcat ("* ", note, NULL);
  t = text_new (c, SC_CHART_TEXT_FOOTNOTE, marked, SIZE_FOOTNOTE, FALSE, SC_CHART_INK_TEXT_SECONDARY);
  text_fit (c, t, width, 2, PANGO_ALIGN_LEFT);
  return t;
}

/*
 * The assumptions behind a chart's values, as many whole as fit in two
 * lines: a consultant's slide must not end in the middle of one ("…"). The
 * rest are counted and named in the report.
 */
static ScChartText *
assumptions_note (Ctx    *c,
                  double  width)
{
  guint lo = 0, hi = c->model->assumptions->len;
  ScChartText *t = assumptions_note_with (c, width, hi);
  ScChartText *best = NULL;   /* the note naming @lo of them, once measured */

  if (!pango_layout_is_ellipsized (c->pl))
    return t;
  text_free (t);
  /* The most that fit: binary search over how many are named. */
  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      t = assumptions_note_with (c, width, mid);
      if (pango_layout_is_ellipsized (c->pl))
        {
          hi = mid - 1;
          text_free (t);
        }
      else
        {
          lo = mid;
          g_clear_pointer (&best, text_free);
          best = t;
        }
    }
  return best != NULL ? best : assumptions_note_with (c, width, 0);
}

/* Builds the footnote from the bottom up; returns the y above it. */
static double
layout_footnote (Ctx *c)
{
  ScChartLayout *out = c->out;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  double w = out->width - 2 * c->margin;
  double y, total = 0;

  if (c->model->show_footnote)
    for (guint i = 0; i < c->model->footnotes->len; i++)
      {
        ScChartText *t = text_new (c, SC_CHART_TEXT_FOOTNOTE, g_ptr_array_index (c->model->footnotes, i),
                                   SIZE_FOOTNOTE, FALSE, SC_CHART_INK_TEXT_SECONDARY);

        text_fit (c, t, w, 2, PANGO_ALIGN_LEFT);
        g_ptr_array_add (lines, t);
      }

  if (!sc_chart_model_is_empty (c->model) && sc_chart_model_any_assumed (c->model))
    {
      ScChartText *t;

      if (c->model->assumptions->len > 0)
        t = assumptions_note (c, w);
      else
        {
          g_autofree char *note = g_strconcat ("* ", _("contains assumptions (see the report for each note)"), NULL);

          t = text_new (c, SC_CHART_TEXT_FOOTNOTE, note, SIZE_FOOTNOTE, FALSE, SC_CHART_INK_TEXT_SECONDARY);
          text_fit (c, t, w, 2, PANGO_ALIGN_LEFT);
        }
      g_ptr_array_add (lines, t);
    }

  for (guint i = 0; i < lines->len; i++)
    total += ((ScChartText *) g_ptr_array_index (lines, i))->rect.height + 1 * c->u;

  y = out->height - c->margin * 0.8 - total;
  for (guint i = 0; i < lines->len; i++)
    {
      ScChartText *t = g_ptr_array_steal_index (lines, 0);

      i--;
      text_place (t, c->margin, y);
      text_add (c, t);
      y += t->rect.height + 1 * c->u;
    }
  return out->height - c->margin * 0.8 - total - (total > 0 ? 10 * c->u : 0);
}

static void
add_grid (Ctx     *c,
          double   x1,
          double   y1,
          double   x2,
          double   y2,
          gboolean strong)
{
  ScChartGridline g = { x1, y1, x2, y2, strong };

  g_array_append_val (c->out->grid, g);
}

static GArray *
series_legend (Ctx     *c,
               gboolean lines)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));

  for (guint s = 0; s < c->model->series->len; s++)
    {
      const ScChartSeries *series = g_ptr_array_index (c->model->series, s);
      LegendEntry e = { 0 };

      /* An unnamed series (the only one of its chart) has no entry: a lone
       * “*” would say nothing. The footnote still explains the mark. */
      if (series->name == NULL || *series->name == '\0')
        continue;
      e.name = g_strconcat (series->name, sc_chart_series_any_assumed (series) ? "*" : "", NULL);
      e.color = series->color;
      e.is_line = lines;
      e.series = s;
      g_array_append_val (entries, e);
    }
  return entries;
}

static void
legend_entry_clear (gpointer data)
{
  LegendEntry *e = data;

  g_free (e->name);
}

/* Value range of the data: stacked sums or single values, always including 0. */
static void
value_range (Ctx    *c,
             double *lo,
             double *hi)
{
  guint n = sc_chart_model_n_points (c->model);

  *lo = 0;
  *hi = 0;
  for (guint i = 0; i < n; i++)
    {
      double pos = 0, neg = 0;

      for (guint s = 0; s < c->model->series->len; s++)
        {
          double v = sc_chart_series_get (g_ptr_array_index (c->model->series, s), i);

          if (!isfinite (v))
            continue;
          if (c->model->stacked)
            {
              if (v > 0)
                pos += v;
              else
                neg += v;
            }
          else
            {
              pos = MAX (pos, v);
              neg = MIN (neg, v);
            }
        }
      *hi = MAX (*hi, pos);
      *lo = MIN (*lo, neg);
    }
}

typedef struct
{
  double  lo, hi;       /* axis range */
  double  first, step;
  guint   n;
  double  px0, px1;     /* pixel positions of lo and hi */
} Axis;

static double
axis_map (const Axis *a,
          double      v)
{
  if (a->hi == a->lo)
    return a->px0;
  return a->px0 + (v - a->lo) / (a->hi - a->lo) * (a->px1 - a->px0);
}

/*
 * Stacks @v on the positive or negative side of a bar (@pos and @neg hold
 * the sums so far) and gives the pixel positions of its two ends on @a.
 */
static void
stack_value (const Axis *a,
             double      v,
             double     *pos,
             double     *neg,
             double     *p0,
             double     *p1)
{
  double base = v > 0 ? *pos : *neg;

  if (v > 0)
    *pos += v;
  else
    *neg += v;
  *p0 = axis_map (a, base);
  *p1 = axis_map (a, base + v);
}

/* Appends @bar, whose rect is set, as the bar of @series (number @s) at point @i. */
static void
add_bar (Ctx                 *c,
         ScChartBar          *bar,
         const ScChartSeries *series,
         guint                s,
         guint                i)
{
  bar->series = s;
  bar->point = i;
  bar->color = series->color;
  bar->assumed = sc_chart_series_is_assumed (series, i);
  g_array_append_val (c->out->bars, *bar);
}

/*
 * Ticks for [lo, hi], widened so that @pad_hi / @pad_lo pixels stay free
 * beyond the data for value labels.
 */
static void
axis_fit (Axis   *a,
          double  lo,
          double  hi,
          double  length,
          double  pad_lo,
          double  pad_hi,
          guint   max_ticks)
{
  double span;

  if (hi == lo)
    hi = lo + 1;
  span = hi - lo;
  for (int i = 0; i < 4; i++)
    {
      double want_hi = hi + (hi > 0 ? span * pad_hi / MAX (length - pad_hi - pad_lo, 1) : 0);
      double want_lo = lo - (lo < 0 ? span * pad_lo / MAX (length - pad_hi - pad_lo, 1) : 0);

      sc_chart_nice_ticks (want_lo, want_hi, max_ticks, &a->first, &a->step, &a->n);
      a->lo = a->first;
      a->hi = a->first + a->step * (a->n - 1);
      if (a->hi >= want_hi - 1e-9 * fabs (want_hi) && a->lo <= want_lo + 1e-9 * fabs (want_lo))
        break;
      hi = MAX (hi, want_hi);
      lo = MIN (lo, want_lo);
    }
}

/* Tick labels of a value axis; returns the widest. */
static GPtrArray *
tick_texts (Ctx        *c,
            const Axis *a,
            gboolean    money,
            double     *max_w)
{
  GPtrArray *ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);

  *max_w = 0;
  for (guint i = 0; i < a->n; i++)
    {
      double v = a->first + a->step * i;
      g_autofree char *s = NULL;
      ScChartText *t;

      if (fabs (v) < a->step * 1e-6)
        v = 0;
      s = sc_chart_format_tick (v, MAX (fabs (a->lo), fabs (a->hi)), c->model->lang);
      t = text_new (c, SC_CHART_TEXT_TICK, s, SIZE_TICK, FALSE, SC_CHART_INK_TEXT_SECONDARY);
      *max_w = MAX (*max_w, t->rect.width);
      g_ptr_array_add (ticks, t);
    }
  return ticks;
}

static void
empty_message (Ctx        *c,
               ScChartRect area)
{
  const char *msg = c->model->empty_message != NULL ? c->model->empty_message
                                                     : _("No value in the horizon");
  ScChartText *t = text_new (c, SC_CHART_TEXT_MESSAGE, msg, SIZE_MESSAGE, FALSE, SC_CHART_INK_TEXT_SECONDARY);

  text_fit (c, t, area.width * 0.9, 3, PANGO_ALIGN_CENTER);
  text_place (t, area.x + (area.width - t->rect.width) / 2, area.y + (area.height - t->rect.height) / 2);
  text_add (c, t);
  c->out->empty = TRUE;
}

static ScChartText *
axis_title (Ctx        *c,
            const char *title,
            double      x,
            double      y_bottom)
{
  ScChartText *t;

  if (title == NULL || *title == '\0')
    return NULL;
  t = text_new (c, SC_CHART_TEXT_AXIS_TITLE, title, SIZE_AXIS, FALSE, SC_CHART_INK_TEXT_SECONDARY);
  if (t->rect.width > c->out->width - x - c->margin)
    text_fit (c, t, c->out->width - x - c->margin, 1, PANGO_ALIGN_LEFT);
  text_place (t, x, y_bottom - t->rect.height);
  return text_add (c, t);
}

/*
 * The value axis left of a vertical plot, once out->plot is known: refits
 * @a to the plot's height (keeping @pad_lo / @pad_hi pixels free beyond the
 * data), adds the axis title above the plot, then each tick label with its
 * gridline. Returns the width of the widest tick label.
 */
static double
layout_value_axis (Ctx    *c,
                   Axis   *a,
                   double  lo,
                   double  hi,
                   double  pad_lo,
                   double  pad_hi)
{
  ScChartLayout *out = c->out;
  guint max_ticks = CLAMP ((guint) (out->plot.height / (line_height (c, SIZE_TICK) * 2.6)), 2, 8);
  g_autoptr(GPtrArray) ticks = NULL;
  double tick_w;

  axis_fit (a, lo, hi, out->plot.height, pad_lo, pad_hi, max_ticks);
  ticks = tick_texts (c, a, TRUE, &tick_w);
  a->px0 = out->plot.y + out->plot.height;
  a->px1 = out->plot.y;

  axis_title (c, c->model->value_axis, c->margin, out->plot.y - line_height (c, SIZE_TICK) / 2 - 4 * c->u);

  for (guint i = 0; i < a->n; i++)
    {
      ScChartText *t = g_ptr_array_steal_index (ticks, 0);
      double v = a->first + a->step * i;
      double y = axis_map (a, v);

      text_place (t, out->plot.x - 8 * c->u - t->rect.width, y - t->rect.height / 2);
      text_add (c, t);
      add_grid (c, out->plot.x, y, out->plot.x + out->plot.width, y, fabs (v) < a->step * 1e-6);
    }
  return tick_w;
}

/* --- vertical bars ------------------------------------------------------ */

static void
layout_bars (Ctx   *c,
             double top,
             double bottom)
{
  const ScChartModel *m = c->model;
  ScChartLayout *out = c->out;
  guint n = m->categories->len, ns = m->series->len;
  double lo, hi, tick_w, value_h, cat_h = 0, left, right, band;
  double axis_h = line_height (c, SIZE_AXIS);
  g_autoptr(GPtrArray) cats = g_ptr_array_new ();
  Axis a = { 0 };

  value_range (c, &lo, &hi);
  value_h = line_height (c, SIZE_VALUE) + 4 * c->u;
  top += axis_h + line_height (c, SIZE_TICK) / 2 + 6 * c->u;

  /* First pass for the tick width, then the real axis once the plot is known. */
  axis_fit (&a, lo, hi, bottom - top, value_h, value_h, 6);
  g_ptr_array_unref (tick_texts (c, &a, TRUE, &tick_w));
  left = c->margin + tick_w + 8 * c->u;
  right = out->width - c->margin;
  band = (right - left) / MAX (n, 1);

  for (guint i = 0; i < n; i++)
    {
      ScChartText *t = text_new (c, SC_CHART_TEXT_CATEGORY, g_ptr_array_index (m->categories, i),
                                 SIZE_CATEGORY, FALSE, SC_CHART_INK_TEXT);

      text_fit (c, t, band - 6 * c->u, 2, PANGO_ALIGN_CENTER);
      cat_h = MAX (cat_h, t->rect.height);
      t->point = i;
      g_ptr_array_add (cats, t);
    }

  out->plot = (ScChartRect) { left, top, right - left, bottom - cat_h - 8 * c->u - top };
  out->label_area = out->plot;
  layout_value_axis (c, &a, lo, hi, value_h, value_h);

  for (guint i = 0; i < n; i++)
    {
      ScChartText *t = g_ptr_array_index (cats, i);

      text_place (t, left + band * i + (band - t->rect.width) / 2, out->plot.y + out->plot.height + 7 * c->u);
      text_add (c, t);
    }

  /* Bars, then their labels in priority order (stack totals and large values first). */
  {
    double group_w = MIN (band * 0.66, (m->stacked ? 1 : MAX (ns, 1)) * 96 * c->u);
    double gap = ns > 1 && !m->stacked ? MIN (3 * c->u, group_w / ns * 0.15) : 0;
    double bar_w = m->stacked ? group_w : (group_w - gap * (ns - 1)) / MAX (ns, 1);
    double zero = axis_map (&a, 0);
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    for (guint i = 0; i < n; i++)
      {
        double x0 = left + band * i + (band - group_w) / 2;
        double pos = 0, neg = 0;
        gboolean any_assumed = FALSE, any_up_to = FALSE;

        for (guint s = 0; s < ns; s++)
          {
            const ScChartSeries *series = g_ptr_array_index (m->series, s);
            double v = sc_chart_series_get (series, i);
            ScChartBar bar = { 0 };
            double y0, y1;

            if (!isfinite (v))
              continue;
            any_assumed |= sc_chart_series_is_assumed (series, i) && v != 0;
            any_up_to |= sc_chart_series_is_up_to (series, i) && v != 0;
            if (m->stacked)
              {
                if (v == 0)
                  continue;
                stack_value (&a, v, &pos, &neg, &y0, &y1);
                bar.rect = (ScChartRect) { x0, MIN (y0, y1), bar_w, fabs (y1 - y0) };
              }
            else
              {
                double bx = x0 + s * (bar_w + gap);

                y1 = axis_map (&a, v);
                bar.rect = (ScChartRect) { bx, MIN (zero, y1), bar_w, fabs (y1 - zero) };
              }
            add_bar (c, &bar, series, s, i);

            {
              g_autofree char *s_text = format_value (c, series, i);
              /* A word in place of a zero ("no current program") is a remark, not a value. */
              gboolean remark = v == 0 && sc_chart_series_get_label (series, i) != NULL;
              ScChartText *t = text_new (c, SC_CHART_TEXT_VALUE, s_text, SIZE_VALUE, !m->stacked && !remark,
                                         remark ? SC_CHART_INK_TEXT_SECONDARY : SC_CHART_INK_TEXT);

              t->series = s;
              t->point = i;
              t->align = PANGO_ALIGN_CENTER;
              if (m->stacked)
                {
                  ScChartRgb fill = sc_chart_palette_series (series->color, m->dark);

                  /* Inside its segment, or nowhere: the total carries the stack. */
                  t->on_fill = TRUE;
                  t->colour = sc_chart_palette_text_on (fill);
                  text_place (t, bar.rect.x + (bar.rect.width - t->rect.width) / 2,
                              bar.rect.y + (bar.rect.height - t->rect.height) / 2);
                  if (t->rect.width > bar.rect.width - 6 * c->u || t->rect.height > bar.rect.height - 2 * c->u)
                    t->visible = FALSE;
                }
              else
                text_place (t, bar.rect.x + (bar.rect.width - t->rect.width) / 2,
                            v >= 0 ? bar.rect.y - 3 * c->u - t->rect.height : bar.rect.y + bar.rect.height + 3 * c->u);
              g_ptr_array_add (labels, t);
            }
          }

        if (m->stacked && (pos != 0 || neg != 0))
          {
            g_autofree char *num = sc_chart_format_number (pos + neg, m->lang, 3);
            /* A total with a maximum in it is a maximum too. */
            g_autofree char *s_text = g_strconcat (any_up_to ? "≤ " : "", num, any_assumed ? "*" : "", NULL);
            ScChartText *t = text_new (c, SC_CHART_TEXT_VALUE, s_text, SIZE_VALUE, TRUE, SC_CHART_INK_TEXT);
            double y_top = axis_map (&a, pos), y_bottom = axis_map (&a, neg);

            t->point = i;
            t->align = PANGO_ALIGN_CENTER;
            if (pos + neg >= 0 || neg == 0)
              text_place (t, x0 + (bar_w - t->rect.width) / 2, y_top - 3 * c->u - t->rect.height);
            else
              text_place (t, x0 + (bar_w - t->rect.width) / 2, y_bottom + 3 * c->u);
            /* Totals go first: they win every collision. */
            g_ptr_array_insert (labels, 0, t);
          }
        else if (m->stacked && ns > 0)
          {
            /* Nothing to stack: say so at the zero line, or the empty slot
             * looks like missing data. The builder's word for the point
             * ("no current program") if it gave one, else "0". */
            const char *remark = NULL;
            g_autofree char *num = NULL;
            ScChartText *t;

            for (guint s = 0; s < ns && remark == NULL; s++)
              remark = sc_chart_series_get_label (g_ptr_array_index (m->series, s), i);
            if (remark == NULL)
              remark = num = sc_chart_format_number (0, m->lang, 3);
            t = text_new (c, SC_CHART_TEXT_VALUE, remark, SIZE_VALUE, FALSE, SC_CHART_INK_TEXT_SECONDARY);
            t->point = i;
            t->align = PANGO_ALIGN_CENTER;
            text_place (t, left + band * i + (band - t->rect.width) / 2, zero - 3 * c->u - t->rect.height);
            g_ptr_array_insert (labels, 0, t);
          }
      }

    /* Unstacked: bigger values first so the dropped ones are the small ones. */
    for (guint i = 0; i < labels->len; i++)
      text_add (c, g_ptr_array_index (labels, i));
  }
}

/* --- horizontal bars ---------------------------------------------------- */

static void
layout_hbars (Ctx   *c,
              double top,
              double bottom)
{
  const ScChartModel *m = c->model;
  ScChartLayout *out = c->out;
  guint n = m->categories->len, ns = m->series->len;
  double lo, hi, label_col = 0, value_w = 0, tick_h, row_h, cat_size, left, right, max_label;
  g_autoptr(GPtrArray) cats = g_ptr_array_new ();
  Axis a = { 0 };
  int max_lines;

  value_range (c, &lo, &hi);
  tick_h = line_height (c, SIZE_TICK);
  top += 4 * c->u;
  row_h = (bottom - tick_h - 8 * c->u - top) / MAX (n, 1);

  /* Category type shrinks with many rows; two lines only when they fit. */
  cat_size = SIZE_CATEGORY;
  while (cat_size > 7.5 / c->type_scale && line_height (c, cat_size) > row_h * 0.95)
    cat_size -= 0.5;
  max_lines = line_height (c, cat_size) * 2 <= row_h * 0.95 ? 2 : 1;
  max_label = MAX (80 * c->u, out->width * 0.36);

  for (guint i = 0; i < n; i++)
    {
      ScChartText *t = text_new (c, SC_CHART_TEXT_CATEGORY, g_ptr_array_index (m->categories, i),
                                 cat_size, FALSE, SC_CHART_INK_TEXT);

      if (t->rect.width > max_label)
        text_fit (c, t, max_label, max_lines, PANGO_ALIGN_RIGHT);
      label_col = MAX (label_col, t->rect.width);
      t->point = i;
      g_ptr_array_add (cats, t);
    }

  /* Widest value label, reserved on the right (and left for negatives). */
  for (guint i = 0; i < n; i++)
    for (guint s = 0; s < ns; s++)
      {
        const ScChartSeries *series = g_ptr_array_index (m->series, s);
        g_autofree char *str = format_value (c, series, i);
        ScChartText *t = text_new (c, SC_CHART_TEXT_VALUE, str, MIN (SIZE_VALUE, cat_size), FALSE, SC_CHART_INK_TEXT);

        value_w = MAX (value_w, t->rect.width);
        text_free (t);
      }

  left = c->margin + label_col + 10 * c->u;
  right = out->width - c->margin;
  out->plot = (ScChartRect) { left, top, right - left, row_h * n };
  out->label_area = out->plot;

  {
    double tick_room = 0;
    guint max_ticks;

    /* Tick labels are about as wide as value labels. */
    tick_room = value_w * 1.6;
    max_ticks = CLAMP ((guint) (out->plot.width / MAX (tick_room, 1)), 2, 8);
    axis_fit (&a, lo, hi, out->plot.width, value_w + 8 * c->u, value_w + 8 * c->u, max_ticks);
  }
  a.px0 = out->plot.x;
  a.px1 = out->plot.x + out->plot.width;

  for (guint i = 0; i < a.n; i++)
    {
      double v = a.first + a.step * i;
      double x = axis_map (&a, v);
      g_autofree char *s = sc_chart_format_tick (fabs (v) < a.step * 1e-6 ? 0 : v, MAX (fabs (a.lo), fabs (a.hi)), m->lang);
      ScChartText *t = text_new (c, SC_CHART_TEXT_TICK, s, SIZE_TICK, FALSE, SC_CHART_INK_TEXT_SECONDARY);
      double tx = x - t->rect.width / 2;

      tx = CLAMP (tx, out->plot.x - 4 * c->u, out->width - c->margin - t->rect.width);
      text_place (t, tx, out->plot.y + out->plot.height + 6 * c->u);
      text_add (c, t);
      add_grid (c, x, out->plot.y, x, out->plot.y + out->plot.height, fabs (v) < a.step * 1e-6);
    }
  {
    ScChartText *t = axis_title (c, m->value_axis, 0, out->plot.y + out->plot.height + 6 * c->u);

    /* Unit at the bottom right, under the last tick's row would collide: put it top-right. */
    if (t != NULL)
      text_place (t, out->plot.x + out->plot.width - t->rect.width, out->plot.y - t->rect.height - 2 * c->u);
  }

  for (guint i = 0; i < n; i++)
    {
      ScChartText *t = g_ptr_array_index (cats, i);
      double cy = out->plot.y + row_h * (i + 0.5);

      text_place (t, left - 10 * c->u - t->rect.width, cy - t->rect.height / 2);
      text_add (c, t);
    }

  {
    double thick = MIN (row_h * 0.68, 30 * c->u);
    double zero = axis_map (&a, 0);

    for (guint i = 0; i < n; i++)
      {
        double cy = out->plot.y + row_h * (i + 0.5);
        double pos = 0, neg = 0;

        for (guint s = 0; s < ns; s++)
          {
            const ScChartSeries *series = g_ptr_array_index (m->series, s);
            double v = sc_chart_series_get (series, i);
            ScChartBar bar = { 0 };
            double x0, x1;

            if (!isfinite (v) || v == 0)
              continue;
            stack_value (&a, v, &pos, &neg, &x0, &x1);
            bar.rect = (ScChartRect) { MIN (x0, x1), cy - thick / 2, fabs (x1 - x0), thick };
            add_bar (c, &bar, series, s, i);
          }
        (void) zero;

        {
          /* One label per row: the row's value (one series per row in practice). */
          double total = pos + neg;
          gboolean assumed = FALSE, up_to = FALSE;
          const char *custom = NULL;
          g_autofree char *num = NULL;
          g_autofree char *str = NULL;
          ScChartText *t;

          for (guint s = 0; s < ns; s++)
            {
              const ScChartSeries *series = g_ptr_array_index (m->series, s);

              if (sc_chart_series_get (series, i) != 0)
                {
                  assumed |= sc_chart_series_is_assumed (series, i);
                  up_to |= sc_chart_series_is_up_to (series, i);
                  if (custom == NULL)
                    custom = sc_chart_series_get_label (series, i);
                }
            }
          num = sc_chart_format_number (total, m->lang, 3);
          str = g_strconcat (up_to ? "≤ " : "", custom != NULL ? custom : num, assumed ? "*" : "", NULL);
          t = text_new (c, SC_CHART_TEXT_VALUE, str, MIN (SIZE_VALUE, cat_size), FALSE, SC_CHART_INK_TEXT);
          t->point = i;
          t->align = total >= 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
          if (total >= 0)
            text_place (t, axis_map (&a, pos) + 5 * c->u, cy - t->rect.height / 2);
          else
            text_place (t, axis_map (&a, neg) - 5 * c->u - t->rect.width, cy - t->rect.height / 2);
          text_add (c, t);
        }
      }
  }
}

/* --- lines -------------------------------------------------------------- */

static void
layout_lines (Ctx   *c,
              double top,
              double bottom)
{
  const ScChartModel *m = c->model;
  ScChartLayout *out = c->out;
  guint n = sc_chart_model_n_points (m), ns = m->series->len;
  gboolean numeric = m->x_values->len > 0;
  double lo, hi, tick_w, end_w = 0, cat_h, left, right;
  double axis_h = line_height (c, SIZE_AXIS);
  double value_h = line_height (c, SIZE_VALUE);
  g_autoptr(GPtrArray) ends = g_ptr_array_new ();
  Axis a = { 0 }, xa = { 0 };

  value_range (c, &lo, &hi);
  top += axis_h + line_height (c, SIZE_TICK) / 2 + 6 * c->u;
  cat_h = line_height (c, SIZE_CATEGORY) + line_height (c, SIZE_TICK) / 2 + (numeric && m->x_axis != NULL ? axis_h + 4 * c->u : 0);

  /* End labels: "series value" at the last finite point, right of the plot. */
  for (guint s = 0; s < ns; s++)
    {
      const ScChartSeries *series = g_ptr_array_index (m->series, s);
      int last = -1;

      for (guint i = 0; i < n; i++)
        if (isfinite (sc_chart_series_get (series, i)))
          last = i;
      if (last < 0)
        continue;
      {
        g_autofree char *v = format_value (c, series, last);
        g_autofree char *str = g_strdup_printf ("%s %s", series->name, v);
        ScChartText *t = text_new (c, SC_CHART_TEXT_VALUE, str, SIZE_VALUE, TRUE, SC_CHART_INK_TEXT);
        double max_w = out->width * 0.26;

        if (t->rect.width > max_w)
          text_fit (c, t, max_w, 1, PANGO_ALIGN_LEFT);
        t->series = s;
        t->point = last;
        t->on_fill = TRUE;   /* drawn in the series colour */
        t->colour = sc_chart_palette_series (series->color, m->dark);
        end_w = MAX (end_w, t->rect.width);
        g_ptr_array_add (ends, t);
      }
    }

  axis_fit (&a, lo, hi, bottom - top, 0, value_h / 2, 6);
  g_ptr_array_unref (tick_texts (c, &a, TRUE, &tick_w));
  left = c->margin + tick_w + 8 * c->u;
  right = out->width - c->margin - (end_w > 0 ? end_w + 8 * c->u : 0);
  out->plot = (ScChartRect) { left, top, MAX (right - left, 10), bottom - cat_h - 8 * c->u - top };
  out->label_area = (ScChartRect) { left, top - value_h / 2, out->width - c->margin - left, out->plot.height + value_h };
  tick_w = layout_value_axis (c, &a, lo, hi, 0, value_h / 2);

  /* x positions */
  g_autofree double *xs = g_new0 (double, MAX (n, 1));
  if (numeric)
    {
      double xmin = G_MAXDOUBLE, xmax = -G_MAXDOUBLE;

      for (guint i = 0; i < n; i++)
        {
          double x = g_array_index (m->x_values, double, i);

          xmin = MIN (xmin, x);
          xmax = MAX (xmax, x);
        }
      if (xmax <= xmin)
        xmax = xmin + 1;
      xa.lo = xmin;
      xa.hi = xmax;
      xa.px0 = out->plot.x;
      xa.px1 = out->plot.x + out->plot.width;
      for (guint i = 0; i < n; i++)
        xs[i] = axis_map (&xa, g_array_index (m->x_values, double, i));

      {
        double first, step, last_right = -G_MAXDOUBLE;
        guint nt;
        guint max_ticks = CLAMP ((guint) (out->plot.width / (90 * c->type_scale)), 2, 10);

        sc_chart_nice_ticks (xmin, xmax, max_ticks, &first, &step, &nt);
        for (guint i = 0; i < nt; i++)
          {
            double v = first + step * i;
            double x;
            g_autofree char *s = NULL;
            ScChartText *t;

            if (v < xmin - step * 1e-6 || v > xmax + step * 1e-6)
              continue;
            x = axis_map (&xa, v);
            s = sc_chart_format_tick (v, MAX (fabs (xmin), fabs (xmax)), m->lang);
            t = text_new (c, SC_CHART_TEXT_TICK, s, SIZE_TICK, FALSE, SC_CHART_INK_TEXT_SECONDARY);
            text_place (t, CLAMP (x - t->rect.width / 2, out->plot.x - tick_w, out->width - c->margin - t->rect.width),
                        out->plot.y + out->plot.height + MAX (6 * c->u, line_height (c, SIZE_TICK) / 2 + 2 * c->u));
            if (t->rect.x < last_right + 6 * c->u)
              {
                text_free (t);
                continue;
              }
            last_right = t->rect.x + t->rect.width;
            text_add (c, t);
            add_grid (c, x, out->plot.y, x, out->plot.y + out->plot.height, FALSE);
          }
        if (m->x_axis != NULL && *m->x_axis != '\0')
          {
            ScChartText *t = text_new (c, SC_CHART_TEXT_AXIS_TITLE, m->x_axis, SIZE_AXIS, FALSE, SC_CHART_INK_TEXT_SECONDARY);

            if (t->rect.width > out->plot.width)
              text_fit (c, t, out->plot.width, 1, PANGO_ALIGN_LEFT);
            text_place (t, out->plot.x + (out->plot.width - t->rect.width) / 2,
                        out->plot.y + out->plot.height + 6 * c->u + line_height (c, SIZE_TICK) + 2 * c->u);
            text_add (c, t);
          }
      }
    }
  else
    {
      double inset = n > 1 ? 0 : out->plot.width / 2;
      double stepx = n > 1 ? out->plot.width / (n - 1) : 0;
      double max_w = 0;
      guint every;
      g_autoptr(GPtrArray) cats = g_ptr_array_new ();

      for (guint i = 0; i < n; i++)
        xs[i] = out->plot.x + inset + stepx * i;
      for (guint i = 0; i < n; i++)
        {
          ScChartText *t = text_new (c, SC_CHART_TEXT_CATEGORY, g_ptr_array_index (m->categories, i),
                                     SIZE_TICK, FALSE, SC_CHART_INK_TEXT_SECONDARY);

          if (t->rect.width > 120 * c->u)
            text_fit (c, t, 120 * c->u, 1, PANGO_ALIGN_LEFT);
          max_w = MAX (max_w, t->rect.width);
          g_ptr_array_add (cats, t);
        }
      /* Thin the month labels so they never touch. */
      every = stepx > 0 ? (guint) ceil ((max_w + 10 * c->u) / stepx) : 1;
      every = MAX (every, 1);
      for (guint i = 0; i < n; i++)
        {
          ScChartText *t = g_ptr_array_index (cats, i);

          if (i % every != 0)
            {
              text_free (t);
              continue;
            }
          /* Low enough to clear the "0" tick beside the axis corner. */
          text_place (t, CLAMP (xs[i] - t->rect.width / 2, c->margin, out->width - c->margin - t->rect.width),
                      out->plot.y + out->plot.height + MAX (6 * c->u, line_height (c, SIZE_TICK) / 2 + 2 * c->u));
          t->point = i;
          text_add (c, t);
        }
    }

  for (guint s = 0; s < ns; s++)
    {
      const ScChartSeries *series = g_ptr_array_index (m->series, s);
      ScChartLine *line = g_new0 (ScChartLine, 1);

      line->series = s;
      line->color = series->color;
      line->points = g_array_sized_new (FALSE, FALSE, sizeof (ScChartPoint), n);
      line->dots = !numeric && n <= 24;
      for (guint i = 0; i < n; i++)
        {
          double v = sc_chart_series_get (series, i);
          ScChartPoint p = { xs[i], isfinite (v) ? axis_map (&a, v) : NAN };

          g_array_append_val (line->points, p);
        }
      g_ptr_array_add (out->lines, line);
    }

  /* End labels: at their point's height, pushed apart, kept inside the plot's height. */
  {
    double gap = 2 * c->u;
    double min_y = out->label_area.y, max_y = out->label_area.y + out->label_area.height;

    for (guint i = 0; i < ends->len; i++)
      {
        ScChartText *t = g_ptr_array_index (ends, i);
        const ScChartSeries *series = g_ptr_array_index (m->series, t->series);
        double y = axis_map (&a, sc_chart_series_get (series, t->point));

        text_place (t, xs[t->point] + 8 * c->u, y - t->rect.height / 2);
      }
    /* sort by y */
    for (guint i = 1; i < ends->len; i++)
      for (guint j = i; j > 0; j--)
        {
          ScChartText *p = g_ptr_array_index (ends, j - 1), *q = g_ptr_array_index (ends, j);

          if (p->rect.y <= q->rect.y)
            break;
          ends->pdata[j - 1] = q;
          ends->pdata[j] = p;
        }
    for (int pass = 0; pass < 2; pass++)
      {
        for (guint i = 0; i < ends->len; i++)
          {
            ScChartText *t = g_ptr_array_index (ends, i);

            if (i > 0)
              {
                ScChartText *p = g_ptr_array_index (ends, i - 1);
                t->rect.y = MAX (t->rect.y, p->rect.y + p->rect.height + gap);
              }
          }
        for (int i = (int) ends->len - 1; i >= 0; i--)
          {
            ScChartText *t = g_ptr_array_index (ends, i);
            double limit = max_y;

            if (i + 1 < (int) ends->len)
              limit = ((ScChartText *) g_ptr_array_index (ends, i + 1))->rect.y - gap;
            t->rect.y = MIN (t->rect.y, limit - t->rect.height);
            t->rect.y = MAX (t->rect.y, min_y);
          }
      }
  }

  /* Crossovers between every pair of series. */
  if (m->mark_crossovers && ns > 1)
    {
      guint found = 0;

      for (guint s1 = 0; s1 < ns && found < MAX_CROSSOVERS; s1++)
        for (guint s2 = s1 + 1; s2 < ns && found < MAX_CROSSOVERS; s2++)
          for (guint i = 0; i + 1 < n && found < MAX_CROSSOVERS; i++)
            {
              const ScChartSeries *p = g_ptr_array_index (m->series, s1), *q = g_ptr_array_index (m->series, s2);
              double d0 = sc_chart_series_get (p, i) - sc_chart_series_get (q, i);
              double d1 = sc_chart_series_get (p, i + 1) - sc_chart_series_get (q, i + 1);
              double f, xv, yv;
              ScChartMarker mk;
              g_autofree char *num = NULL;
              g_autofree char *str = NULL;
              ScChartText *t;

              if (!isfinite (d0) || !isfinite (d1) || !((d0 < 0 && d1 > 0) || (d0 > 0 && d1 < 0)))
                continue;
              f = d0 / (d0 - d1);
              xv = numeric ? g_array_index (m->x_values, double, i)
                               + f * (g_array_index (m->x_values, double, i + 1) - g_array_index (m->x_values, double, i))
                           : i + f;
              yv = sc_chart_series_get (p, i) + f * (sc_chart_series_get (p, i + 1) - sc_chart_series_get (p, i));
              mk.x = xs[i] + f * (xs[i + 1] - xs[i]);
              mk.y = axis_map (&a, yv);
              mk.radius = 4.5 * c->u;
              g_array_append_val (out->markers, mk);
              found++;

              num = numeric ? sc_chart_format_number (xv, m->lang, 2) : g_strdup (g_ptr_array_index (m->categories, i + 1));
              str = g_strdup_printf ("≈ %s", num);
              t = text_new (c, SC_CHART_TEXT_MARKER, str, SIZE_VALUE, FALSE, SC_CHART_INK_MARKER);
              t->align = PANGO_ALIGN_CENTER;
              text_place (t, mk.x - t->rect.width / 2, mk.y - mk.radius - 4 * c->u - t->rect.height);
              if (t->rect.y < out->plot.y)
                text_place (t, mk.x - t->rect.width / 2, mk.y + mk.radius + 4 * c->u);
              t->rect.x = CLAMP (t->rect.x, out->plot.x, out->plot.x + out->plot.width - t->rect.width);
              g_ptr_array_add (ends, t);
            }
    }

  for (guint i = 0; i < ends->len; i++)
    text_add (c, g_ptr_array_index (ends, i));
}

/* --- Gantt -------------------------------------------------------------- */

static void
layout_gantt (Ctx   *c,
              double top,
              double bottom)
{
  const ScChartModel *m = c->model;
  ScChartLayout *out = c->out;
  guint n_rows = m->categories->len, n_spans = m->spans->len;
  double x_min = m->x_min, x_max = m->x_max, label_col = 0, tick_h, left, right;
  g_autofree guint *lane = g_new0 (guint, MAX (n_spans, 1));
  g_autofree guint *row_lanes = g_new0 (guint, MAX (n_rows, 1));
  g_autofree double *row_y = g_new0 (double, MAX (n_rows, 1) + 1);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint total_lanes = 0;
  double lane_h, bar_h, span_size;
  Axis xa = { 0 };

  if (!(x_max > x_min))
    {
      x_min = G_MAXDOUBLE;
      x_max = -G_MAXDOUBLE;
      for (guint i = 0; i < n_spans; i++)
        {
          const ScChartSpan *sp = g_ptr_array_index (m->spans, i);
          x_min = MIN (x_min, floor (sp->start));
          x_max = MAX (x_max, ceil (sp->end));
        }
      if (!(x_max > x_min))
        x_max = x_min + 1;
    }

  tick_h = line_height (c, SIZE_TICK);
  top += (m->marker_label != NULL ? line_height (c, SIZE_VALUE) + 6 * c->u : 4 * c->u);

  for (guint r = 0; r < n_rows; r++)
    {
      ScChartText *t = text_new (c, SC_CHART_TEXT_CATEGORY, g_ptr_array_index (m->categories, r),
                                 SIZE_CATEGORY, TRUE, SC_CHART_INK_TEXT);

      if (t->rect.width > out->width * 0.22)
        text_fit (c, t, out->width * 0.22, 2, PANGO_ALIGN_RIGHT);
      label_col = MAX (label_col, t->rect.width);
      t->point = r;
      g_ptr_array_add (rows, t);
    }
  left = c->margin + label_col + 12 * c->u;
  right = out->width - c->margin;
  xa.lo = x_min;
  xa.hi = x_max;
  xa.px0 = left;
  xa.px1 = right;

  /* Lanes: spans of a row that overlap (with a small gap) go on separate lanes. */
  {
    double gap_units = (x_max - x_min) * 3 * c->u / MAX (right - left, 1);
    g_autofree guint *order = g_new0 (guint, MAX (n_spans, 1));
    g_autoptr(GArray) lane_end = g_array_new (FALSE, TRUE, sizeof (double));

    for (guint i = 0; i < n_spans; i++)
      order[i] = i;
    /* by start (stable insertion sort: spans are few) */
    for (guint i = 1; i < n_spans; i++)
      for (guint j = i; j > 0; j--)
        {
          const ScChartSpan *p = g_ptr_array_index (m->spans, order[j - 1]);
          const ScChartSpan *q = g_ptr_array_index (m->spans, order[j]);

          if (p->start <= q->start)
            break;
          guint tmp = order[j - 1];
          order[j - 1] = order[j];
          order[j] = tmp;
        }
    for (guint r = 0; r < n_rows; r++)
      {
        g_array_set_size (lane_end, 0);
        for (guint k = 0; k < n_spans; k++)
          {
            const ScChartSpan *sp = g_ptr_array_index (m->spans, order[k]);
            double end = sp->open_end ? x_max : sp->end;
            guint l;

            if (sp->row != r)
              continue;
            for (l = 0; l < lane_end->len; l++)
              if (g_array_index (lane_end, double, l) <= sp->start)
                break;
            if (l == lane_end->len)
              g_array_set_size (lane_end, l + 1);
            g_array_index (lane_end, double, l) = end + gap_units;
            lane[order[k]] = l;
          }
        row_lanes[r] = MAX (lane_end->len, 1);
        total_lanes += row_lanes[r];
      }
  }

  {
    double avail = bottom - tick_h - 10 * c->u - top;
    double row_pad = 0.5;   /* lanes of padding per row */

    lane_h = avail / MAX (total_lanes + row_pad * n_rows, 1);
    bar_h = MIN (lane_h * 0.74, 26 * c->u);
    span_size = SIZE_VALUE;
    while (span_size > 7.0 / c->type_scale && line_height (c, span_size) > bar_h - 1)
      span_size -= 0.5;
    out->plot = (ScChartRect) { left, top, right - left, avail };
    out->label_area = out->plot;

    row_y[0] = top;
    for (guint r = 0; r < n_rows; r++)
      row_y[r + 1] = row_y[r] + lane_h * (row_lanes[r] + row_pad);
  }

  /* Year ticks: boundaries as gridlines, the year's label centred in its span. */
  {
    int y0 = (int) ceil (x_min - 1e-9), y1 = (int) floor (x_max + 1e-9);

    for (int y = y0; y <= y1; y++)
      add_grid (c, axis_map (&xa, y), out->plot.y, axis_map (&xa, y), out->plot.y + out->plot.height, FALSE);
    for (int y = (int) floor (x_min); y < (int) ceil (x_max); y++)
      {
        double a0 = MAX (x_min, y), a1 = MIN (x_max, y + 1.0);
        g_autofree char *s = g_strdup_printf ("%d", y);
        ScChartText *t;

        if (axis_map (&xa, a1) - axis_map (&xa, a0) < 30 * c->u)
          continue;
        t = text_new (c, SC_CHART_TEXT_TICK, s, SIZE_TICK, FALSE, SC_CHART_INK_TEXT_SECONDARY);
        text_place (t, axis_map (&xa, (a0 + a1) / 2) - t->rect.width / 2, out->plot.y + out->plot.height + 6 * c->u);
        text_add (c, t);
      }
  }

  for (guint r = 0; r < n_rows; r++)
    {
      ScChartText *t = g_ptr_array_index (rows, r);

      text_place (t, left - 12 * c->u - t->rect.width, (row_y[r] + row_y[r + 1]) / 2 - t->rect.height / 2);
      text_add (c, t);
      if (r > 0)
        add_grid (c, c->margin, row_y[r], right, row_y[r], FALSE);
    }

  if (isfinite (m->marker_x) && m->marker_x >= x_min && m->marker_x <= x_max)
    {
      double x = axis_map (&xa, m->marker_x);

      out->has_rule = TRUE;
      out->rule = (ScChartGridline) { x, out->plot.y, x, out->plot.y + out->plot.height, TRUE };
      if (m->marker_label != NULL)
        {
          ScChartText *t = text_new (c, SC_CHART_TEXT_MARKER, m->marker_label, SIZE_VALUE, TRUE, SC_CHART_INK_MARKER);

          text_place (t, CLAMP (x - t->rect.width / 2, left, right - t->rect.width), out->plot.y - t->rect.height - 3 * c->u);
          text_add (c, t);
        }
    }

  /* Bars, then labels: inside when they fit, else after the bar when the lane is free. */
  for (guint i = 0; i < n_spans; i++)
    {
      const ScChartSpan *sp = g_ptr_array_index (m->spans, i);
      ScChartSpanBox box = { 0 };
      double x0, x1, cy;

      if (sp->row >= n_rows)
        continue;
      x0 = axis_map (&xa, CLAMP (sp->start, x_min, x_max));
      x1 = axis_map (&xa, sp->open_end ? x_max : CLAMP (sp->end, x_min, x_max));
      if (x1 - x0 < 2 * c->u)
        x1 = x0 + 2 * c->u;
      cy = row_y[sp->row] + lane_h * (0.25 + lane[i] + 0.5);
      box.rect = (ScChartRect) { x0, cy - bar_h / 2, x1 - x0, bar_h };
      box.span = i;
      box.status = sp->status;
      box.open_end = sp->open_end;
      g_array_append_val (out->spans, box);
    }
  for (guint i = 0; i < out->spans->len; i++)
    {
      const ScChartSpanBox *box = &g_array_index (out->spans, ScChartSpanBox, i);
      const ScChartSpan *sp = g_ptr_array_index (m->spans, box->span);
      g_autofree char *str = g_strconcat (sp->label, sp->assumed ? "*" : "", NULL);
      ScChartText *t = text_new (c, SC_CHART_TEXT_VALUE, str, span_size, FALSE, SC_CHART_INK_TEXT);
      double pad = 6 * c->u;
      double free_right = out->plot.x + out->plot.width;

      t->point = box->span;
      t->align = PANGO_ALIGN_LEFT;
      for (guint j = 0; j < out->spans->len; j++)
        {
          const ScChartSpanBox *o = &g_array_index (out->spans, ScChartSpanBox, j);

          if (j != i && fabs (o->rect.y - box->rect.y) < 0.5 && o->rect.x >= box->rect.x + box->rect.width - 0.5)
            free_right = MIN (free_right, o->rect.x - pad);
        }

      if (t->rect.width <= box->rect.width - 2 * pad || box->rect.width - 2 * pad >= 60 * c->u)
        {
          ScChartRgb fill = sc_chart_palette_status (sp->status, m->dark);

          if (t->rect.width > box->rect.width - 2 * pad)
            text_fit (c, t, box->rect.width - 2 * pad, 1, PANGO_ALIGN_LEFT);
          t->on_fill = TRUE;
          t->colour = sc_chart_palette_text_on (fill);
          text_place (t, box->rect.x + pad, box->rect.y + (box->rect.height - t->rect.height) / 2);
        }
      else
        {
          double avail = free_right - (box->rect.x + box->rect.width + pad * 0.7);

          if (t->rect.width > avail && avail >= 60 * c->u)
            text_fit (c, t, avail, 1, PANGO_ALIGN_LEFT);
          text_place (t, box->rect.x + box->rect.width + pad * 0.7, box->rect.y + (box->rect.height - t->rect.height) / 2);
          if (t->rect.width > avail)
            t->visible = FALSE;
        }
      text_add (c, t);
    }
}

/* --- entry point -------------------------------------------------------- */

static void
line_free (gpointer data)
{
  ScChartLine *line = data;

  g_array_unref (line->points);
  g_free (line);
}

ScChartLayout *
sc_chart_layout_new (const ScChartModel *model,
                     double              width,
                     double              height)
{
  ScChartLayout *out;
  Ctx c = { 0 };
  g_autoptr(GArray) entries = NULL;
  double top, bottom;

  g_return_val_if_fail (model != NULL, NULL);

  out = g_new0 (ScChartLayout, 1);
  out->width = MAX (width, 1);
  out->height = MAX (height, 1);
  out->dark = model->dark;
  out->hatch = model->hatch;
  out->grid = g_array_new (FALSE, FALSE, sizeof (ScChartGridline));
  out->bars = g_array_new (FALSE, FALSE, sizeof (ScChartBar));
  out->lines = g_ptr_array_new_with_free_func (line_free);
  out->spans = g_array_new (FALSE, FALSE, sizeof (ScChartSpanBox));
  out->legend = g_array_new (FALSE, FALSE, sizeof (ScChartLegendItem));
  out->markers = g_array_new (FALSE, FALSE, sizeof (ScChartMarker));
  out->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);

  c.model = model;
  c.out = out;
  c.u = layout_unit (out->width, out->height);
  c.type_scale = MAX (c.u, MIN_SCALE);
  c.margin = MAX (22 * c.u, 10);
  c.zh = sc_chart_lang_is_zh (model->lang);
  out->unit = c.u;
  c.context = sc_chart_text_context_new (pango_cairo_font_map_get_default (), model->lang);
  c.pl = pango_layout_new (c.context);

  if (!sc_chart_model_is_empty (model))
    {
      if (model->style == SC_CHART_STYLE_GANTT)
        {
          entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
          g_array_set_clear_func (entries, legend_entry_clear);
          for (guint s = 0; s < SC_CHART_SPAN_N_STATUS; s++)
            {
              static const char *const names[] = {
                [SC_CHART_SPAN_ANNOUNCED] = N_("Announced"),
                [SC_CHART_SPAN_EXPECTED] = N_("Expected"),
                [SC_CHART_SPAN_IN_FORCE] = N_("In force"),
                [SC_CHART_SPAN_COMMENT_PERIOD] = N_("Comment period"),
                [SC_CHART_SPAN_EXPIRED] = N_("Expired"),
              };
              static const ScChartSpanStatus order[] = {
                SC_CHART_SPAN_IN_FORCE, SC_CHART_SPAN_ANNOUNCED, SC_CHART_SPAN_EXPECTED,
                SC_CHART_SPAN_COMMENT_PERIOD, SC_CHART_SPAN_EXPIRED,
              };
              gboolean used = FALSE;

              for (guint i = 0; i < model->spans->len && !used; i++)
                used = ((const ScChartSpan *) g_ptr_array_index (model->spans, i))->status == order[s];
              if (used)
                {
                  LegendEntry e = { g_strdup (_(names[order[s]])), order[s], TRUE, FALSE, 0 };

                  g_array_append_val (entries, e);
                }
            }
        }
      else
        {
          entries = series_legend (&c, model->style == SC_CHART_STYLE_LINES);
          g_array_set_clear_func (entries, legend_entry_clear);
          /* A single unnamed series needs no legend. */
          if (entries->len == 1 && *((LegendEntry *) entries->data)->name == '\0')
            g_array_set_size (entries, 0);
        }
    }

  top = layout_header (&c, entries);
  bottom = layout_footnote (&c);

  if (sc_chart_model_is_empty (model) || bottom - top < 40 * c.u)
    empty_message (&c, (ScChartRect) { c.margin, top, out->width - 2 * c.margin, MAX (bottom - top, 1) });
  else
    switch (model->style)
      {
      case SC_CHART_STYLE_BARS:
        layout_bars (&c, top, bottom);
        break;
      case SC_CHART_STYLE_HBARS:
        layout_hbars (&c, top, bottom);
        break;
      case SC_CHART_STYLE_LINES:
        layout_lines (&c, top, bottom);
        break;
      case SC_CHART_STYLE_GANTT:
        layout_gantt (&c, top, bottom);
        break;
      default:
        g_assert_not_reached ();
      }

  resolve_collisions (&c);

  g_object_unref (c.pl);
  g_object_unref (c.context);
  return out;
}

void
sc_chart_layout_free (ScChartLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->grid);
  g_array_unref (layout->bars);
  g_ptr_array_unref (layout->lines);
  g_array_unref (layout->spans);
  g_array_unref (layout->legend);
  g_array_unref (layout->markers);
  g_ptr_array_unref (layout->texts);
  g_free (layout);
}
