/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

/*
 * The frame around a chart's plot: title, subtitle and legend at the top,
 * footnote and the assumptions note at the bottom, or the message that
 * takes the plot's place when there is nothing to draw.
 */

#include "config.h"

#include "sc-chart-layout-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Returns the y below the header; fills the legend. */
double
sc_chart_frame_header (ScChartLayoutCtx *c,
                       GArray           *entries)
{
  ScChartLayout *out = c->out;
  double x0 = c->margin, w = out->width - 2 * c->margin;
  double y = c->margin * 0.9;

  if (c->model->title != NULL && *c->model->title != '\0')
    {
      ScChartText *t = sc_chart_text_new_fitted (c, SC_CHART_TEXT_TITLE, c->model->title, SIZE_TITLE, TRUE,
                                                 SC_CHART_INK_TEXT, w, 1, PANGO_ALIGN_LEFT);

      sc_chart_text_place (t, x0, y);
      sc_chart_text_add (c, t);
      y += t->rect.height + 2 * c->u;
    }
  if (c->model->subtitle != NULL && *c->model->subtitle != '\0')
    {
      ScChartText *t = sc_chart_text_new_fitted (c, SC_CHART_TEXT_SUBTITLE, c->model->subtitle, SIZE_SUBTITLE, FALSE,
                                                 SC_CHART_INK_TEXT_SECONDARY, w, 2, PANGO_ALIGN_LEFT);

      sc_chart_text_place (t, x0, y);
      sc_chart_text_add (c, t);
      y += t->rect.height;
    }

  if (entries != NULL && entries->len > 0)
    {
      double row_h = sc_chart_line_height (c, SIZE_LEGEND);
      double sw = 11 * c->type_scale;
      double gap = 6 * c->type_scale;
      double spacing = 20 * c->type_scale;
      double x = x0;

      y += 10 * c->u;
      for (guint i = 0; i < entries->len; i++)
        {
          ScChartLegendEntry *e = &g_array_index (entries, ScChartLegendEntry, i);
          ScChartText *t = sc_chart_text_new (c, SC_CHART_TEXT_LEGEND, e->name, SIZE_LEGEND, FALSE, SC_CHART_INK_TEXT);
          ScChartLegendItem item = { 0 };
          double swatch_w = e->is_line ? sw * 1.8 : sw;
          double max_text = w - swatch_w - gap;

          if (t->rect.width > max_text)
            sc_chart_text_fit (c, t, max_text, 1, PANGO_ALIGN_LEFT);
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
          sc_chart_text_place (t, x + swatch_w + gap, y + (row_h - t->rect.height) / 2);
          sc_chart_text_add (c, t);
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

/* "* contains assumptions: a; b; …" with the first @n of them, then (when
 * @count_rest) how many more there are. */
static char *
assumptions_note_text (ScChartLayoutCtx *c,
                       guint             n,
                       gboolean          count_rest)
{
  guint total = c->model->assumptions->len;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  g_autofree char *note = NULL;

  /* Notes that end in a full stop would read "。；" once joined. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, strip_full_stop (g_ptr_array_index (c->model->assumptions, i)));
  if (n < total && count_rest)
    /* TRANSLATORS: the last item of a chart footnote's list of assumptions
     * when the rest does not fit; %u is how many are left out */
    g_ptr_array_add (items, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more in the report",
                                                          "and %u more in the report", total - n),
                                             total - n));
  g_ptr_array_add (items, NULL);
  joined = g_strjoinv (c->zh ? "；" : "; ", (char **) items->pdata);
  /* TRANSLATORS: footnote of a chart; %s lists the assumptions */
  note = g_strdup_printf (_("contains assumptions: %s"), joined);
  return g_strconcat ("* ", note, NULL);
}

/* The note naming the first @n assumptions, measured at @width over two lines. */
static ScChartText *
assumptions_note_with (ScChartLayoutCtx *c,
                       double            width,
                       guint             n)
{
  g_autofree char *marked = assumptions_note_text (c, n, TRUE);

  return sc_chart_text_new_fitted (c, SC_CHART_TEXT_FOOTNOTE, marked, SIZE_FOOTNOTE, FALSE, SC_CHART_INK_TEXT_SECONDARY,
                                   width, 2, PANGO_ALIGN_LEFT);
}

/*
 * Where the search for the count of notes starts: the notes' characters
 * (a Chinese one two cells wide) at the average cell width Pango measured
 * for the footnote's font, against a little more than its two lines (a
 * guess one too many costs the same two measures as the right one, one too
 * few costs three). A guess, never the answer: each count is measured.
 */
static guint
note_guess (ScChartLayoutCtx *c,
            double            width)
{
  guint total = c->model->assumptions->len;
  PangoFontDescription *desc = pango_font_description_from_string (SC_CHART_FONT_FAMILY);
  PangoFont *font;
  double cell = 0, used;
  guint n = 0;

  /* The size the text is laid out at (no other font to look up), scaled. */
  pango_font_description_set_absolute_size (desc, SC_CHART_TEXT_REF_SIZE * PANGO_SCALE);
  font = pango_context_load_font (c->context, desc);
  pango_font_description_free (desc);
  if (font != NULL)
    {
      PangoFontMetrics *metrics = pango_font_get_metrics (font, pango_context_get_language (c->context));

      cell = (double) pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE
             * (c->type_scale * SIZE_FOOTNOTE / SC_CHART_TEXT_REF_SIZE);
      pango_font_metrics_unref (metrics);
      g_object_unref (font);
    }
  if (!(cell > 0))
    return 1;
  while (n < total)
    {
      g_autofree char *text = assumptions_note_text (c, n + 1, TRUE);

      used = 0;
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        used += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      if (used * cell > 2.2 * width)
        break;
      n++;
    }
  return MAX (n, 1);
}

/*
 * The assumptions behind a chart's values, as many whole as fit in two
 * lines: a consultant's slide must not end in the middle of one ("…"). The
 * rest are counted and named in the report.
 *
 * The most that fit: the count that fits while one more does not, found by
 * measuring from a guess (note_guess()) up or down one at a time. The guess
 * is mostly right or one off, so two or three notes are measured instead of
 * the seven a doubling and binary search took for the overview (whose
 * longest probes were the longest texts): the footnote was three quarters
 * of the layout's time. The answer is the same as the search's, fits
 * growing no shorter with more notes.
 */
/*
 * A window lays the same note out again on every edit (only numbers
 * change): the count found last on this thread for the same assumptions,
 * width and type is tried first. It is only a hint, taken when that many
 * fit and one more does not: two measures instead of the search's six.
 */
static _Thread_local guint note_hint_key;
static _Thread_local guint note_hint_n;

static guint
note_hint_key_of (ScChartLayoutCtx *c,
                  double            width)
{
  guint key = g_str_hash (c->zh ? "zh" : "en");
  g_autofree char *sizes = g_strdup_printf ("%.3f %.3f %.3f", width, c->u, c->type_scale);

  key = key * 31 + g_str_hash (sizes);
  for (guint i = 0; i < c->model->assumptions->len; i++)
    key = key * 31 + g_str_hash (g_ptr_array_index (c->model->assumptions, i));
  return key;
}

/* Whether the note naming the first @n assumptions fits (no "…"); if so it
 * replaces *@fit, kept with its count in *@fit_n: the note chosen is then
 * one already measured, not measured again. */
static gboolean
note_fits (ScChartLayoutCtx  *c,
           double             width,
           guint              n,
           ScChartText      **fit,
           guint             *fit_n)
{
  ScChartText *t = assumptions_note_with (c, width, n);

  if (sc_chart_text_is_ellipsized (t))
    {
      sc_chart_text_free (t);
      return FALSE;
    }
  g_clear_pointer (fit, sc_chart_text_free);
  *fit = t;
  *fit_n = n;
  return TRUE;
}

static ScChartText *
assumptions_note (ScChartLayoutCtx *c,
                  double            width)
{
  guint total = c->model->assumptions->len;
  guint key = note_hint_key_of (c, width);
  ScChartText *fit = NULL;
  guint n, guess, fit_n = 0;

  /* A redraw at the same width usually names as many as the last one:
   * try that count first, checked by "that many fit, one more does not". */
  if (key == note_hint_key && note_hint_n < total)
    {
      if (note_fits (c, width, note_hint_n, &fit, &fit_n) && !note_fits (c, width, note_hint_n + 1, &fit, &fit_n))
        return fit;
    }
  note_hint_key = key;

  guess = n = MIN (note_guess (c, width), total);
  if (note_fits (c, width, n, &fit, &fit_n))
    while (n < total && note_fits (c, width, n + 1, &fit, &fit_n))
      n++;
  else
    /* None may fit: then the note names none and counts them all. */
    while (--n > 0 && !note_fits (c, width, n, &fit, &fit_n))
      ;
  g_debug ("the footnote names %u of %u assumptions (guessed %u)", n, total, guess);
  note_hint_n = n;
  if (fit != NULL && fit_n == n)
    return fit;
  g_clear_pointer (&fit, sc_chart_text_free);
  return assumptions_note_with (c, width, n);
}

/* Builds the footnote from the bottom up; returns the y above it. */
double
sc_chart_frame_footnote (ScChartLayoutCtx *c)
{
  ScChartLayout *out = c->out;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_text_free);
  double w = out->width - 2 * c->margin;
  double y, total = 0;

  if (c->model->show_footnote)
    for (guint i = 0; i < c->model->footnotes->len; i++)
      {
        ScChartText *t = sc_chart_text_new_fitted (c, SC_CHART_TEXT_FOOTNOTE, g_ptr_array_index (c->model->footnotes, i),
                                                   SIZE_FOOTNOTE, FALSE, SC_CHART_INK_TEXT_SECONDARY, w, 2, PANGO_ALIGN_LEFT);

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

          t = sc_chart_text_new_fitted (c, SC_CHART_TEXT_FOOTNOTE, note, SIZE_FOOTNOTE, FALSE, SC_CHART_INK_TEXT_SECONDARY,
                                        w, 2, PANGO_ALIGN_LEFT);
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
      sc_chart_text_place (t, c->margin, y);
      sc_chart_text_add (c, t);
      y += t->rect.height + 1 * c->u;
    }
  return out->height - c->margin * 0.8 - total - (total > 0 ? 10 * c->u : 0);
}

static GArray *
series_legend (ScChartLayoutCtx *c,
               gboolean          lines)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (ScChartLegendEntry));

  for (guint s = 0; s < c->model->series->len; s++)
    {
      const ScChartSeries *series = g_ptr_array_index (c->model->series, s);
      ScChartLegendEntry e = { 0 };

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
  ScChartLegendEntry *e = data;

  g_free (e->name);
}

/* The statuses the spans use, in the order a reader meets them. */
static GArray *
status_legend (ScChartLayoutCtx *c)
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
  const ScChartModel *model = c->model;
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (ScChartLegendEntry));

  G_STATIC_ASSERT (G_N_ELEMENTS (order) == SC_CHART_SPAN_N_STATUS);
  for (guint s = 0; s < SC_CHART_SPAN_N_STATUS; s++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < model->spans->len && !used; i++)
        used = ((const ScChartSpan *) g_ptr_array_index (model->spans, i))->status == order[s];
      if (used)
        {
          ScChartLegendEntry e = { g_strdup (_(names[order[s]])), order[s], TRUE, FALSE, 0 };

          g_array_append_val (entries, e);
        }
    }
  return entries;
}

GArray *
sc_chart_frame_legend (ScChartLayoutCtx *c)
{
  GArray *entries;

  if (sc_chart_model_is_empty (c->model))
    return NULL;
  if (c->model->style == SC_CHART_STYLE_GANTT)
    entries = status_legend (c);
  else
    entries = series_legend (c, c->model->style == SC_CHART_STYLE_LINES);
  g_array_set_clear_func (entries, legend_entry_clear);
  return entries;
}


void
sc_chart_frame_empty_message (ScChartLayoutCtx *c,
                              ScChartRect       area)
{
  const char *msg = c->model->empty_message != NULL ? c->model->empty_message
                                                     : _("No value in the horizon");
  ScChartText *t = sc_chart_text_new_fitted (c, SC_CHART_TEXT_MESSAGE, msg, SIZE_MESSAGE, FALSE, SC_CHART_INK_TEXT_SECONDARY,
                                             area.width * 0.9, 3, PANGO_ALIGN_CENTER);
  sc_chart_text_place (t, area.x + (area.width - t->rect.width) / 2, area.y + (area.height - t->rect.height) / 2);
  sc_chart_text_add (c, t);
  c->out->empty = TRUE;
}
