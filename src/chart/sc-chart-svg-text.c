/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

/*
 * The text of a chart as SVG <text> elements, for an SVG whose words stay
 * words: a slide program can edit them, and the font is named, not
 * embedded (`shangce --export chart.svg --svg-text`). The shapes are
 * cairo's SVG as usual; this writes each visible text of the layout, line
 * by line as Pango broke and shortened it ("…"), at the baseline and left
 * edge Pango gave the line, in the size, weight and colour the chart draws
 * it with. A program without the font puts its own sans-serif there, so
 * the words may run a little longer or shorter than in the chart.
 */

#include "config.h"

#include "sc-chart-private.h"

#include <math.h>
#include <pango/pangocairo.h>

static void
append_number (GString *out,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double hundredths = round (v * 100) / 100;

  /* Hundredths of a pixel are more than any viewer shows; never "-0". */
  g_ascii_formatd (buf, sizeof buf, "%.7g", hundredths == 0 ? 0 : hundredths);
  g_string_append (out, buf);
}

/* The characters of @line as drawn: an ellipsis run shows "…" for the
 * text it stands for; a line break is not drawn. (transfer full) */
static char *
line_text (PangoLayoutLine *line,
           const char      *text)
{
  GString *out = g_string_new (NULL);

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        g_string_append (out, "…");
      else
        g_string_append_len (out, text + run->item->offset, run->item->length);
    }
  while (out->len > 0 && (out->str[out->len - 1] == '\n' || out->str[out->len - 1] == '\r'))
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

void
sc_chart_text_fill (const ScChartLayout *layout,
                    const ScChartText   *t,
                    char                 out[8])
{
  /* As sc-chart.c's draw_text() colours it. */
  ScChartRgb color = t->on_fill ? t->color : sc_chart_palette_ink (t->ink, layout->dark);

  g_snprintf (out, 8, "#%02x%02x%02x", (int) round (CLAMP (color.r, 0, 1) * 255),
              (int) round (CLAMP (color.g, 0, 1) * 255), (int) round (CLAMP (color.b, 0, 1) * 255));
}

static void
append_text (GString             *out,
             PangoLayout         *pl,
             const ScChartLayout *layout,
             const ScChartText   *t)
{
  PangoLayoutIter *iter = pango_layout_get_iter (pl);
  const char *text = pango_layout_get_text (pl);
  double x0 = t->rect.x - t->offset_x, y0 = t->rect.y - t->offset_y;
  double scale = sc_chart_text_scale (t) / PANGO_SCALE;
  char fill[8];

  sc_chart_text_fill (layout, t, fill);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autofree char *words = line_text (line, text);
      g_autofree char *escaped = NULL;
      PangoRectangle logical;

      if (*words == '\0')
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      escaped = g_markup_escape_text (words, -1);
      g_string_append (out, "<text x=\"");
      append_number (out, x0 + logical.x * scale);
      g_string_append (out, "\" y=\"");
      append_number (out, y0 + pango_layout_iter_get_baseline (iter) * scale);
      g_string_append (out, "\" font-size=\"");
      append_number (out, t->size);
      g_string_append_printf (out, "px\"%s fill=\"%s\">%s</text>\n",
                              t->bold ? " font-weight=\"bold\"" : "", fill, escaped);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

char *
sc_chart_svg_text (const ScChartModel  *model,
                   const ScChartLayout *layout)
{
  PangoContext *context = sc_chart_text_context_new (pango_cairo_font_map_get_default (), model->lang);
  PangoLayout *pl = pango_layout_new (context);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "<g font-family=\"'%s', sans-serif\" xml:lang=\"%s\" xml:space=\"preserve\">\n",
                          SC_CHART_FONT_FAMILY, sc_chart_lang_is_zh (model->lang) ? "zh-CN" : "en");
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const ScChartText *t = g_ptr_array_index (layout->texts, i);

      if (!t->visible)
        continue;
      append_text (out, sc_chart_text_layout (t, pl), layout, t);
    }
  g_string_append (out, "</g>\n");
  g_object_unref (pl);
  g_object_unref (context);
  return g_string_free (out, FALSE);
}
