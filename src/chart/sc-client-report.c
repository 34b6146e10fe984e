/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-client-report.h"
#include "sc-compare.h"
#include "sc-verdict.h"

#include "sc-chart-from-result.h"
#include "sc-chart-palette.h"
#include "sc-chart-drivers.h"
#include "sc-chart-format.h"
#include "sc-chart.h"
#include "sc-client-report-private.h"
#include "sc-document.h"
#include "sc-error.h"
#include "sc-file.h"
#include "sc-range.h"
#include "sc-report.h"
#include "sc-sweep.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define SOFTWARE "Shangce " PACKAGE_VERSION

typedef struct
{
  const ScClientReportOptions *options;
  ScCatalog                   *catalog;
  const ScProfile             *profile;
  const ScResult              *result;
  const char                  *lang;
  char                        *client;
  char                        *data_ids;     /* "program r2, …": what the numbers come from */
  char                        *data_digest;  /* a short name for @data_ids */
  cairo_surface_t             *logo;
  const ScRangeAnalysis       *ranges;       /* how sure the verdict is (issue 13 §3) */
  ScRangeAnalysis             *own_ranges;   /* @ranges when worked out here */
  GPtrArray                   *crossovers;   /* sentences: where the leader changes with the GMV */
  ScReportWriter               w;
} Report;

gboolean
sc_client_report_layout_from_string (const char           *name,
                                     ScClientReportLayout *out)
{
  if (g_strcmp0 (name, "a4") == 0)
    *out = SC_CLIENT_REPORT_A4;
  else if (g_strcmp0 (name, "slides") == 0)
    *out = SC_CLIENT_REPORT_SLIDES;
  else
    return FALSE;
  return TRUE;
}

/* --- numbers ------------------------------------------------------------ */

/* Whole units with thousands separators, never the locale's: "13,468". */
static char *
whole (double value)
{
  char digits[G_ASCII_DTOSTR_BUF_SIZE];
  GString *s = g_string_new (NULL);
  gsize n, i = 0;

  g_ascii_formatd (digits, sizeof digits, "%.0f", fabs (value));
  n = strlen (digits);
  if (value <= -0.5)
    g_string_append (s, "−");
  for (; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

/* "¥13,468", or "–" for nothing. */
static char *
yuan (double value)
{
  g_autofree char *number = NULL;

  if (!isfinite (value) || fabs (value) < 0.5)
    return g_strdup ("–");
  number = whole (value);
  return g_strdup_printf ("¥%s", number);
}

static const char *
platform_name (const Report *r,
               const char   *platform)
{
  const ScBaseline *baseline = sc_catalog_find_baseline (r->catalog, platform);

  return baseline != NULL ? sc_text_get (&baseline->name, r->lang) : platform;
}

/* Appends @item to a cell's list, one per line. */
static void
add_item (GString    *cell,
          const char *item)
{
  if (cell->len)
    g_string_append_c (cell, '\n');
  /* Translators: the bullet before each reason in the client report's
   * tables; the CJK middle dot is full-width, so English uses a dash */
  g_string_append (cell, _("– "));
  g_string_append (cell, item);
}

/* --- cover -------------------------------------------------------------- */

static void
cover (Report *r)
{
  ScReportWriter *w = &r->w;
  double body = sc_report_writer_body_width (w);
  double y = w->slides ? w->height * 0.24 : w->height * 0.30;
  char d1[16], d2[16], d3[16];
  g_autofree char *prepared_for = NULL;
  g_autofree char *period = NULL;
  g_autofree char *dated = NULL;
  ScDay date = r->options->date;

  sc_report_writer_new_page (w, FALSE);
  if (r->logo != NULL)
    {
      /* At most 160 × 64 points (at unit 1), top left; the title keeps clear of it. */
      double top = w->slides ? 40 : 56;
      double lw = cairo_image_surface_get_width (r->logo);
      double lh = cairo_image_surface_get_height (r->logo);
      double scale = MIN (160 * w->unit / lw, 64 * w->unit / lh);

      if (w->cr != NULL)
        {
          cairo_save (w->cr);
          cairo_translate (w->cr, w->margin, top);
          cairo_scale (w->cr, scale, scale);
          cairo_set_source_surface (w->cr, r->logo, 0, 0);
          cairo_paint (w->cr);
          cairo_restore (w->cr);
        }
      y = MAX (y, top + lh * scale + 48 * w->unit);
    }

  if (w->cr != NULL)
    {
      ScChartRgb accent = sc_chart_palette_series (0, FALSE);

      cairo_save (w->cr);
      cairo_set_source_rgb (w->cr, accent.r, accent.g, accent.b);
      cairo_rectangle (w->cr, w->margin, y - 18 * w->unit, 48 * w->unit, 5 * w->unit);
      cairo_fill (w->cr);
      cairo_restore (w->cr);
    }
  y += sc_report_writer_text_at (w, _("Platform support comparison"), SC_REPORT_STYLE_TITLE, w->margin, y, body,
                                 PANGO_ALIGN_LEFT, SC_CHART_INK_TEXT);
  y += 6 * w->unit;
  y += sc_report_writer_text_at (w, _("What each e-commerce platform’s merchant-support programs are worth to one merchant"),
                                 SC_REPORT_STYLE_BODY, w->margin, y, body, PANGO_ALIGN_LEFT,
                                 SC_CHART_INK_TEXT_SECONDARY);
  y += 28 * w->unit;

  /* Translators: on the client report's cover, before the client's name */
  prepared_for = g_strdup_printf (_("Prepared for %s"), r->client);
  y += sc_report_writer_text_at (w, prepared_for, SC_REPORT_STYLE_BIG, w->margin, y, body, PANGO_ALIGN_LEFT,
                                 SC_CHART_INK_TEXT);
  y += 4 * w->unit;
  if (r->options->consultant != NULL && *r->options->consultant != '\0')
    {
      /* Translators: on the client report's cover: the consultant or firm */
      g_autofree char *by = g_strdup_printf (_("Prepared by %s"), r->options->consultant);

      y += sc_report_writer_text_at (w, by, SC_REPORT_STYLE_BODY, w->margin, y, body, PANGO_ALIGN_LEFT,
                                     SC_CHART_INK_TEXT);
      y += 4 * w->unit;
    }
  y += 18 * w->unit;

  if (date == SC_DAY_NONE)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      date = sc_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now));
    }
  /* Translators: on the client report's cover */
  dated = g_strdup_printf (_("Report date: %s"), sc_day_format (date, d1));
  y += sc_report_writer_text_at (w, dated, SC_REPORT_STYLE_BODY, w->margin, y, body, PANGO_ALIGN_LEFT,
                                 SC_CHART_INK_TEXT_SECONDARY);
  y += 3 * w->unit;
  /* Translators: on the client report's cover: evaluation date, months, last day */
  period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Evaluation date %s, horizon %u month (to %s)",
                                         "Evaluation date %s, horizon %u months (to %s)", r->result->horizon_months),
                            sc_day_format (r->result->as_of, d2), r->result->horizon_months,
                            sc_day_format (r->result->horizon_end - 1, d3));
  sc_report_writer_text_at (w, period, SC_REPORT_STYLE_BODY, w->margin, y, body, PANGO_ALIGN_LEFT,
                            SC_CHART_INK_TEXT_SECONDARY);

  sc_report_writer_text_at (w, _("Estimates from the programs’ published rules and the merchant’s own figures. "
                                 "Every number names its basis; the assumptions and the sentences quoted from "
                                 "each source are listed at the end."),
                            SC_REPORT_STYLE_SMALL, w->margin, w->bottom - 24 * w->unit, body, PANGO_ALIGN_LEFT,
                            SC_CHART_INK_TEXT_SECONDARY);
}

/* --- summary ------------------------------------------------------------ */

/* The verdict in words: the same as the text report's and the window's. (transfer full) */
static char *
verdict (const Report *r)
{
  g_autoptr(ScVerdict) v = sc_verdict_new (r->result, r->lang, sc_chart_format_number);

  return g_strdup (v->words);
}

static gboolean
any_expected (const ScResult *result)
{
  for (guint i = 0; i < result->platforms->len; i++)
    if (((const ScPlatformResult *) g_ptr_array_index (result->platforms, i))->expected_totals[SC_AMOUNT_TOTAL_VALUE] > 0)
      return TRUE;
  return FALSE;
}

static void
draw_chart (Report    *r,
            ScChartKind kind,
            double     height)
{
  ScReportWriter *w = &r->w;
  double width = sc_report_writer_body_width (w);

  sc_report_writer_need (w, height);
  height = MIN (height, w->bottom - w->y);
  if (w->cr != NULL)
    {
      g_autoptr(ScChartModel) model = kind == SC_CHART_DRIVERS
        ? sc_chart_model_drivers (r->catalog, r->profile, r->result, r->ranges, r->lang)
        : sc_chart_model_from_result (kind, r->catalog, r->profile, r->result, NULL, r->lang);

      /* The running footer names the data; the chart keeps its assumption note. */
      model->show_footnote = FALSE;
      cairo_save (w->cr);
      cairo_translate (w->cr, w->margin, w->y);
      sc_chart_draw (model, w->cr, width, height);
      cairo_restore (w->cr);
    }
  w->y += height;
}

static void
summary (Report *r)
{
  ScReportWriter *w = &r->w;
  g_autoptr(ScReportTable) table = sc_report_table_new ();
  g_autofree char *words = verdict (r);
  gboolean expected = any_expected (r->result), up_to = FALSE, assumed = FALSE;

  sc_report_writer_new_page (w, TRUE);
  sc_report_writer_heading (w, _("Summary"), 0);
  sc_report_writer_paragraph (w, words, SC_REPORT_STYLE_BODY, SC_CHART_INK_TEXT);
  {
    /* How sure the verdict is (issue 13 §3), in one sentence. */
    g_autofree char *sure = sc_range_describe_short (r->ranges, r->catalog);

    sc_report_writer_paragraph (w, sure, SC_REPORT_STYLE_BODY, SC_CHART_INK_TEXT);
  }
  /* Where the winner changes with the monthly GMV (issue 13 §4). */
  for (guint i = 0; r->crossovers != NULL && i < r->crossovers->len; i++)
    {
      /* Translators: a sentence of the client report's summary ending in a full stop */
      g_autofree char *line = g_strdup_printf (_("%s."), (const char *) g_ptr_array_index (r->crossovers, i));

      sc_report_writer_paragraph (w, line, SC_REPORT_STYLE_BODY, SC_CHART_INK_TEXT);
    }

  sc_report_table_add_column (table, _("Platform"), 1.6, FALSE);
  sc_report_table_add_column (table, sc_amount_label (SC_AMOUNT_TOTAL_VALUE), 1, TRUE);
  sc_report_table_add_column (table, _("Money kept"), 1, TRUE);
  sc_report_table_add_column (table, _("Tied to the platform"), 1, TRUE);
  /* Translators: a column: money kept plus value tied to the platform at
   * what one yuan of it is worth in cash, the number platforms are ranked by */
  sc_report_table_add_column (table, _("Ranking value"), 1, TRUE);
  if (expected)
    sc_report_table_add_column (table, _("Expected, not in force"), 1, TRUE);
  for (guint i = 0; i < r->result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (r->result->platforms, i);
      g_autofree char *total = yuan (p->totals[SC_AMOUNT_TOTAL_VALUE]);
      g_autofree char *k = yuan (sc_totals_kept (p->totals));
      g_autofree char *t = yuan (sc_totals_tied (p->totals));
      g_autofree char *score = yuan (sc_result_platform_score (r->result, p));
      g_autofree char *e = yuan (p->expected_totals[SC_AMOUNT_TOTAL_VALUE]);
      g_autofree char *name = g_strdup_printf ("%s%s", platform_name (r, p->platform),
                                               (p->basis & SC_BASIS_ASSUMED) ? " *" : "");
      const char *cells[] = { name, total, k, t, score, e, NULL };

      up_to |= p->up_to;
      assumed |= (p->basis & SC_BASIS_ASSUMED) != 0;
      sc_report_table_add_row (table, SC_REPORT_ROW_PLAIN, cells);
    }
  sc_report_writer_space (w, 4);
  sc_report_writer_table (w, table, NULL);

  if (assumed)
    sc_report_writer_paragraph (w, _("* Rests on assumptions: see Assumptions."), SC_REPORT_STYLE_SMALL,
                                SC_CHART_INK_TEXT_SECONDARY);
  if (up_to)
    sc_report_writer_paragraph (w, _("Some amounts are maxima (“up to”): the real amount may be lower."),
                                SC_REPORT_STYLE_SMALL, SC_CHART_INK_TEXT_SECONDARY);
  for (guint i = 0; i < r->result->warnings->len; i++)
    sc_report_writer_paragraph (w, g_ptr_array_index (r->result->warnings, i), SC_REPORT_STYLE_SMALL,
                                SC_CHART_INK_TEXT_SECONDARY);

  if (w->slides)
    {
      sc_report_writer_new_page (w, TRUE);
      draw_chart (r, SC_CHART_OVERVIEW, w->bottom - w->y);
    }
  else
    {
      sc_report_writer_space (w, 6);
      draw_chart (r, SC_CHART_OVERVIEW, sc_report_writer_body_width (w) * 9 / 16);
    }
}

/* When an assumption within its range can change the winner, the drivers
 * chart on a page of its own: which assumptions, and how far. */
static void
drivers (Report *r)
{
  ScReportWriter *w = &r->w;
  g_autofree char *sure = NULL;

  if (r->ranges == NULL || r->ranges->robust)
    return;
  sc_report_writer_new_page (w, TRUE);
  sc_report_writer_heading (w, _("What could change the verdict"), 0);
  /* A slide has room for the chart alone: its rows name where each
   * assumption ties the leading two. */
  if (w->slides)
    {
      draw_chart (r, SC_CHART_DRIVERS, w->bottom - w->y);
      return;
    }
  sure = sc_range_describe (r->ranges, r->catalog);
  sc_report_writer_paragraph (w, sure, SC_REPORT_STYLE_SMALL, SC_CHART_INK_TEXT_SECONDARY);
  sc_report_writer_space (w, 4);
  /* The rest of the page, up to a square: rows tall enough for a long
   * assumption's name on up to three lines. */
  draw_chart (r, SC_CHART_DRIVERS, MIN (w->bottom - w->y, sc_report_writer_body_width (w)));
}

/* --- sections ----------------------------------------------------------- */

/* Each section starts a page with its heading and a line on how to read it. */
static void
section (Report     *r,
         const char *title,
         const char *intro)
{
  ScReportWriter *w = &r->w;

  sc_report_writer_new_page (w, TRUE);
  sc_report_writer_heading (w, title, 80 * w->unit);
  if (intro != NULL)
    sc_report_writer_paragraph (w, intro, SC_REPORT_STYLE_SMALL, SC_CHART_INK_TEXT_SECONDARY);
}

/* --- breakdown ---------------------------------------------------------- */

static void
amount_row (Report           *r,
            ScReportTable    *table,
            const char       *label,
            ScReportRowFlags  flags,
            double          (*value) (const double *totals),
            ScAmount          amount,
            gboolean          expected)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cells, g_strdup (label));
  for (guint i = 0; i < r->result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (r->result->platforms, i);
      const double *totals = expected ? p->expected_totals : p->totals;
      double v = value != NULL ? value (totals) : totals[amount];

      if (amount == SC_AMOUNT_TRAFFIC_EXPOSURES && value == NULL)
        g_ptr_array_add (cells, fabs (v) >= 0.5 ? whole (v) : g_strdup ("–"));
      else
        g_ptr_array_add (cells, yuan (v));
    }
  g_ptr_array_add (cells, NULL);
  sc_report_table_add_row (table, flags, (const char *const *) cells->pdata);
}

static void
group_row (Report        *r,
           ScReportTable *table,
           const char    *label)
{
  g_autofree const char **cells = g_new0 (const char *, r->result->platforms->len + 2);

  cells[0] = label;
  sc_report_table_add_row (table, SC_REPORT_ROW_GROUP, cells);
}

static void
breakdown (Report *r)
{
  ScReportWriter *w = &r->w;
  g_autoptr(ScReportTable) table = sc_report_table_new ();

  section (r, _("Breakdown by platform"),
           _("Money the merchant keeps — lower fees, cash and the value of faster settlement "
             "or a lower deposit — is shown apart from value that can only be spent on the "
             "platform itself: ad credit, coupons and free traffic. Yuan over the horizon; "
             "exposures are counts."));

  sc_report_table_add_column (table, "", 2.2, FALSE);
  for (guint i = 0; i < r->result->platforms->len; i++)
    sc_report_table_add_column (table,
                                platform_name (r, ((const ScPlatformResult *) g_ptr_array_index (r->result->platforms, i))->platform),
                                1, TRUE);

  group_row (r, table, _("Fees"));
  amount_row (r, table, sc_amount_label (SC_AMOUNT_FEE_GROSS), 0, NULL, SC_AMOUNT_FEE_GROSS, FALSE);
  amount_row (r, table, sc_amount_label (SC_AMOUNT_FEE_NET), 0, NULL, SC_AMOUNT_FEE_NET, FALSE);
  group_row (r, table, _("Money the merchant keeps"));
  for (guint i = 0; i < SC_N_KEPT_AMOUNTS; i++)
    amount_row (r, table, sc_amount_label (sc_kept_amounts[i]), 0, NULL, sc_kept_amounts[i], FALSE);
  amount_row (r, table, _("Kept in total"), SC_REPORT_ROW_BOLD, sc_totals_kept, 0, FALSE);
  group_row (r, table, _("Value tied to the platform"));
  for (guint i = 0; i < SC_N_TIED_AMOUNTS; i++)
    amount_row (r, table, sc_amount_label (sc_tied_amounts[i]), 0, NULL, sc_tied_amounts[i], FALSE);
  amount_row (r, table, _("Tied in total"), SC_REPORT_ROW_BOLD, sc_totals_tied, 0, FALSE);
  amount_row (r, table, sc_amount_label (SC_AMOUNT_TRAFFIC_EXPOSURES), 0, NULL, SC_AMOUNT_TRAFFIC_EXPOSURES, FALSE);
  amount_row (r, table, sc_amount_label (SC_AMOUNT_TOTAL_VALUE), SC_REPORT_ROW_BOLD, NULL, SC_AMOUNT_TOTAL_VALUE, FALSE);
  if (any_expected (r->result))
    amount_row (r, table, _("Expected, not in force"), 0, NULL, SC_AMOUNT_TOTAL_VALUE, TRUE);
  sc_report_writer_table (w, table, _("Breakdown by platform (continued)"));
}

/* --- measures ----------------------------------------------------------- */

static char *
basis_words (guint basis)
{
  static const struct { ScBasis bit; const char *label; } words[] = {
    /* Translators: the basis of a number in the client report */
    { SC_BASIS_STATED, N_("stated in the source") },
    { SC_BASIS_ASSUMED, N_("assumed") },
    { SC_BASIS_PROFILE, N_("from the profile") },
    { SC_BASIS_EXPECTED, N_("expected (预计)") },
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (basis & words[i].bit)
      {
        if (s->len)
          g_string_append (s, "\n");
        g_string_append (s, _(words[i].label));
      }
  return g_string_free (s, FALSE);
}

/* The amounts a measure is made of, its reasons and its texts, one per line. */
static char *
measure_details (const Report          *r,
                 const ScMeasureResult *mr)
{
  const double *values = mr->expected ? mr->expected_totals : mr->totals;
  GString *s = g_string_new (NULL);

  for (guint a = 0; a < SC_N_AMOUNTS; a++)
    {
      g_autofree char *number = NULL;

      if (a == SC_AMOUNT_TOTAL_VALUE || a == SC_AMOUNT_TRAFFIC_EXPOSURES || fabs (values[a]) < 0.5)
        continue;
      if (s->len)
        g_string_append_c (s, '\n');
      if (a == SC_AMOUNT_TRAFFIC_UNITS)
        {
          number = whole (values[a]);
          /* Translators: a count and its unit, "4,600 traffic coupons", "28,000 exposures" */
          g_string_append_printf (s, _("%s %s"), number, sc_traffic_unit_label (mr->traffic_unit));
        }
      else
        {
          number = yuan (values[a]);
          g_string_append_printf (s, _("%s: %s"), sc_amount_label (a), number);
        }
    }
  {
    GPtrArray *lines = sc_measure_result_get_reasons (mr);

    for (guint i = 0; i < lines->len; i++)
      add_item (s, g_ptr_array_index (lines, i));
  }
  for (guint i = 0; i < mr->texts->len; i++)
    {
      const char *text = sc_text_get (g_ptr_array_index (mr->texts, i), r->lang);

      /* A right often reads as its title: say it once. */
      if (g_strcmp0 (text, sc_text_get (&mr->measure->title, r->lang)) != 0)
        add_item (s, text);
    }
  return g_string_free (s, FALSE);
}

static char *
measure_value (const ScMeasureResult *mr)
{
  g_autofree char *number = NULL;

  if (mr->status == SC_MEASURE_NOT_QUANTIFIED)
    return g_strdup (sc_measure_status_label (mr->status));
  if (mr->cut_by_group)
    return g_strdup (_("not counted: another measure of its group counts instead"));
  number = yuan (mr->expected ? mr->expected_totals[SC_AMOUNT_TOTAL_VALUE] : mr->totals[SC_AMOUNT_TOTAL_VALUE]);
  if (mr->expected)
    /* Translators: the value of a measure the source calls 预计 */
    return g_strdup_printf (_("%s (expected, in no total)"), number);
  if (mr->up_to)
    return g_strdup_printf ("%s%s", _("up to "), number);
  return g_steal_pointer (&number);
}

static gboolean
applies (const ScMeasureResult *mr)
{
  return mr->status == SC_MEASURE_ELIGIBLE || mr->status == SC_MEASURE_NOT_QUANTIFIED;
}

static char *
program_heading (const Report          *r,
                 const ScProgramResult *prr)
{
  g_autofree char *total = yuan (prr->totals[SC_AMOUNT_TOTAL_VALUE]);

  /* Translators: a program's row in the client report's measures table:
   * platform, program, "Total value", amount */
  return g_strdup_printf (_("[%s] %s — %s %s"), platform_name (r, prr->program->platform),
                          sc_text_get (&prr->program->name, r->lang), sc_amount_label (SC_AMOUNT_TOTAL_VALUE), total);
}

static void
measures (Report *r)
{
  ScReportWriter *w = &r->w;
  g_autoptr(ScReportTable) table = sc_report_table_new ();

  section (r, _("Measures that apply"),
           _("Each measure of each program the merchant qualifies for, what it is worth over "
             "the horizon, what that is made of and why it applies, and where each number "
             "comes from: stated in the source, assumed, or from the profile."));
  sc_report_table_add_column (table, _("Measure"), 2.2, FALSE);
  sc_report_table_add_column (table, _("Value"), 1.2, TRUE);
  sc_report_table_add_column (table, _("Made of, and why it applies"), 3.2, FALSE);
  sc_report_table_add_column (table, _("Basis"), 1.2, FALSE);

  for (guint p = 0; p < r->result->programs->len; p++)
    {
      const ScProgramResult *prr = g_ptr_array_index (r->result->programs, p);
      gboolean first = TRUE;

      for (guint i = 0; i < r->result->measures->len; i++)
        {
          const ScMeasureResult *mr = g_ptr_array_index (r->result->measures, i);
          g_autofree char *value = NULL;
          g_autofree char *details = NULL;
          g_autofree char *basis = NULL;

          if (mr->program != prr->program || !applies (mr))
            continue;
          if (first)
            {
              g_autofree char *heading = program_heading (r, prr);
              const char *cells[] = { heading, NULL, NULL, NULL };

              sc_report_table_add_row (table, SC_REPORT_ROW_GROUP, cells);
              first = FALSE;
            }
          value = measure_value (mr);
          details = measure_details (r, mr);
          basis = basis_words (mr->basis);
          {
            const char *cells[] = { sc_text_get (&mr->measure->title, r->lang), value, details, basis };

            sc_report_table_add_row (table, SC_REPORT_ROW_PLAIN, cells);
          }
        }
    }
  if (table->rows->len == 0)
    sc_report_writer_paragraph (w, _("No measure applies to this merchant."), SC_REPORT_STYLE_BODY, SC_CHART_INK_TEXT);
  else
    sc_report_writer_table (w, table, _("Measures that apply (continued)"));
}

/* --- assumptions -------------------------------------------------------- */

/* The engine writes "what: value (basis) — note": the dash spaced in
 * English, right after "）" in Chinese. Splits off the note, or NULL. */
static char *
split_note (const char  *line,
            char       **note)
{
  const char *dash = strstr (line, "—");

  while (dash != NULL && dash > line && dash[-1] != ' '
         && !(dash - line >= (int) strlen ("）") && strncmp (dash - strlen ("）"), "）", strlen ("）")) == 0))
    dash = strstr (dash + strlen ("—"), "—");
  if (dash == NULL || dash == line)
    {
      *note = NULL;
      return g_strdup (line);
    }
  *note = g_strstrip (g_strdup (dash + strlen ("—")));
  return g_strstrip (g_strndup (line, dash - line));
}

/* The plausible range of the assumption the engine wrote as @what with
 * @note, "2%–8%", from the range analysis; NULL when it has none. */
static char *
assumption_range (const Report *r,
                  const char   *what,
                  const char   *note)
{
  const ScRangeDriver *found = sc_report_assumption_driver (r->ranges, what, note);

  if (found == NULL)
    return NULL;
  /* Translators: an assumption's plausible range, low to high: "2%–8%" */
  return g_strdup_printf (_("%s–%s"), found->low_text, found->high_text);
}

static void
assumptions (Report *r)
{
  ScReportWriter *w = &r->w;
  g_autoptr(ScReportTable) table = sc_report_table_new ();

  section (r, _("Assumptions"),
           _("The numbers rest on these values. Where the merchant knows better, change them "
             "in the profile and the estimate follows."));
  sc_report_table_add_column (table, _("Assumption and value"), 1.3, FALSE);
  /* Translators: a column of the client report's assumptions: low–high */
  sc_report_table_add_column (table, _("Range"), 0.6, FALSE);
  sc_report_table_add_column (table, _("Note"), 1.5, FALSE);
  for (guint i = 0; i < r->result->assumptions->len; i++)
    {
      g_autofree char *note = NULL;
      g_autofree char *what = split_note (g_ptr_array_index (r->result->assumptions, i), &note);
      g_autofree char *range = assumption_range (r, what, note);
      const char *cells[] = { what, range != NULL ? range : "", note };

      sc_report_table_add_row (table, SC_REPORT_ROW_PLAIN, cells);
    }
  if (table->rows->len == 0)
    sc_report_writer_paragraph (w, _("The estimate rests on no assumption."), SC_REPORT_STYLE_BODY, SC_CHART_INK_TEXT);
  else
    sc_report_writer_table (w, table, _("Assumptions (continued)"));
}

/* --- sources ------------------------------------------------------------ */

typedef struct
{
  const ScSource *source;
  GPtrArray      *quotes;   /* const char*: the sentences quoted, in first use order */
  GPtrArray      *uses;     /* GString*: per quote, what it is quoted for */
} SourceUse;

static void
source_use_free (gpointer data)
{
  SourceUse *use = data;

  g_ptr_array_unref (use->quotes);
  g_ptr_array_unref (use->uses);
  g_free (use);
}

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Files @quote under its source; a sentence quoted for several measures is
 * listed once, naming them all. */
static void
add_quote (Report          *r,
           GPtrArray       *uses,
           const ScProgram *program,
           const char      *source_id,
           const char      *quote,
           const char      *what)
{
  const ScSource *source = sc_catalog_find_source (r->catalog, program, source_id);
  SourceUse *use = NULL;
  guint index;

  if (source == NULL || quote == NULL || *quote == '\0')
    return;
  for (guint i = 0; i < uses->len && use == NULL; i++)
    if (((SourceUse *) g_ptr_array_index (uses, i))->source == source)
      use = g_ptr_array_index (uses, i);
  if (use == NULL)
    {
      use = g_new0 (SourceUse, 1);
      use->source = source;
      use->quotes = g_ptr_array_new ();
      use->uses = g_ptr_array_new_with_free_func (free_gstring);
      g_ptr_array_add (uses, use);
    }
  if (g_ptr_array_find_with_equal_func (use->quotes, quote, g_str_equal, &index))
    {
      GString *whats = g_ptr_array_index (use->uses, index);

      g_string_append (whats, _(", "));
      g_string_append (whats, what);
      return;
    }
  g_ptr_array_add (use->quotes, (gpointer) quote);
  g_ptr_array_add (use->uses, g_string_new (what));
}

static void
sources (Report *r)
{
  ScReportWriter *w = &r->w;
  g_autoptr(GPtrArray) uses = g_ptr_array_new_with_free_func (source_use_free);
  g_autofree char *data = NULL;

  for (guint i = 0; i < r->result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (r->result->measures, i);

      if (!applies (mr))
        continue;
      add_quote (r, uses, mr->program, mr->measure->source_id, mr->measure->quote,
                 sc_text_get (&mr->measure->title, r->lang));
    }
  section (r, _("Sources"),
           _("The published documents the programs are read from, with the sentences each "
             "number is taken from, in the original Chinese."));
  for (guint i = 0; i < uses->len; i++)
    {
      const SourceUse *use = g_ptr_array_index (uses, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, sc_text_get (&use->source->title, r->lang));
      GString *where = g_string_new (NULL);
      char day[16];

      if (use->source->publisher != NULL)
        g_string_append (where, use->source->publisher);
      if (use->source->published != SC_DAY_NONE)
        g_string_append_printf (where, "%s%s", where->len ? " · " : "", sc_day_format (use->source->published, day));
      if (use->source->url != NULL)
        g_string_append_printf (where, "%s%s", where->len ? " · " : "", use->source->url);

      sc_report_writer_need (w, 60 * w->unit);
      sc_report_writer_paragraph (w, title, SC_REPORT_STYLE_H2, SC_CHART_INK_TEXT);
      w->y -= 4 * w->unit;
      sc_report_writer_paragraph (w, where->str, SC_REPORT_STYLE_SMALL, SC_CHART_INK_TEXT_SECONDARY);
      g_string_free (where, TRUE);
      for (guint q = 0; q < use->quotes->len; q++)
        {
          /* Translators: a sentence quoted from a source, then what it is quoted for */
          g_autofree char *line = g_strdup_printf (_("“%s” — %s"), (const char *) g_ptr_array_index (use->quotes, q),
                                                   ((GString *) g_ptr_array_index (use->uses, q))->str);

          sc_report_writer_paragraph (w, line, SC_REPORT_STYLE_QUOTE, SC_CHART_INK_TEXT);
        }
      sc_report_writer_space (w, 4);
    }

  /* Translators: which program revisions the numbers come from, named by a short checksum */
  data = g_strdup_printf (_("Data revision %s: %s. Made with Shangce %s."), r->data_digest, r->data_ids,
                          PACKAGE_VERSION);
  sc_report_writer_space (w, 6);
  sc_report_writer_paragraph (w, data, SC_REPORT_STYLE_SMALL, SC_CHART_INK_TEXT_SECONDARY);
}

/* --- appendix ----------------------------------------------------------- */

static void
appendix (Report *r)
{
  ScReportWriter *w = &r->w;
  g_autoptr(ScReportTable) table = sc_report_table_new ();
  const ScProgram *program = NULL;

  sc_report_table_add_column (table, _("Measure"), 2, FALSE);
  sc_report_table_add_column (table, _("Status"), 1, FALSE);
  sc_report_table_add_column (table, _("Reasons"), 3.6, FALSE);
  for (guint i = 0; i < r->result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (r->result->measures, i);
      g_autoptr(GString) reasons = NULL;

      if (applies (mr))
        continue;
      if (mr->program != program)
        {
          g_autofree char *heading = g_strdup_printf ("[%s] %s", platform_name (r, mr->program->platform),
                                                      sc_text_get (&mr->program->name, r->lang));
          const char *cells[] = { heading, NULL, NULL };

          sc_report_table_add_row (table, SC_REPORT_ROW_GROUP, cells);
          program = mr->program;
        }
      reasons = g_string_new (NULL);
      {
        GPtrArray *lines = sc_measure_result_get_reasons (mr);

        for (guint k = 0; k < lines->len; k++)
          add_item (reasons, g_ptr_array_index (lines, k));
      }
      {
        const char *cells[] = { sc_text_get (&mr->measure->title, r->lang), sc_measure_status_label (mr->status),
                                reasons->str };

        sc_report_table_add_row (table, SC_REPORT_ROW_PLAIN, cells);
      }
    }

  if (table->rows->len == 0)
    {
      section (r, _("Appendix: measures that do not apply"), NULL);
      sc_report_writer_paragraph (w, _("Every measure applies to this merchant."), SC_REPORT_STYLE_BODY,
                                  SC_CHART_INK_TEXT);
      return;
    }
  section (r, _("Appendix: measures that do not apply"),
           _("Measures the merchant does not qualify for, or that need information the "
             "profile does not give, with the reasons."));
  sc_report_writer_table (w, table, _("Appendix: measures that do not apply (continued)"));
}

/* --- the document ------------------------------------------------------- */

static void
run (Report *r)
{
  cover (r);
  summary (r);
  drivers (r);
  breakdown (r);
  measures (r);
  assumptions (r);
  sources (r);
  appendix (r);
}

static void
data_revision (Report *r)
{
  r->data_ids = sc_report_data_revision (r->result, &r->data_digest);
}

static gboolean
load_logo (Report      *r,
           GError     **error)
{
  const char *path = r->options->logo_path;
  g_autofree char *lower = NULL;
  cairo_status_t status;

  if (path == NULL || *path == '\0')
    return TRUE;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".svg") || g_str_has_suffix (lower, ".svgz"))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO,
                   _("%s: a logo must be a PNG file (SVG logos need librsvg, which Shangce does not use)"), path);
      return FALSE;
    }
  r->logo = cairo_image_surface_create_from_png (path);
  status = cairo_surface_status (r->logo);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("%s: cannot read the logo as a PNG file: %s"), path,
                   cairo_status_to_string (status));
      g_clear_pointer (&r->logo, cairo_surface_destroy);
      return FALSE;
    }
  return TRUE;
}

static void
set_metadata (Report          *r,
              cairo_surface_t *surface)
{
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(GString) keywords = g_string_new (NULL);
  char day[16];

  /* Translators: the client report's PDF title: the client's name */
  title = g_strdup_printf (_("%s — platform support comparison"), r->client);
  /* Translators: the client report's PDF subject: evaluation date, months */
  subject = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Merchant-support programs of e-commerce platforms, as of %s over %u month",
                                          "Merchant-support programs of e-commerce platforms, as of %s over %u months",
                                          r->result->horizon_months),
                             sc_day_format (r->result->as_of, day), r->result->horizon_months);
  for (guint i = 0; i < r->result->platforms->len; i++)
    g_string_append_printf (keywords, "%s, ",
                            platform_name (r, ((const ScPlatformResult *) g_ptr_array_index (r->result->platforms, i))->platform));
  g_string_append (keywords, "Shangce");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  r->options->consultant != NULL && *r->options->consultant != '\0'
                                  ? r->options->consultant : SOFTWARE);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, SOFTWARE);
  /* Custom keys arrived in cairo 1.18; Debian 12 has 1.16. */
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 18, 0)
  cairo_pdf_surface_set_custom_metadata (surface, "DataRevision", r->data_ids);
#endif
  if (r->options->date != SC_DAY_NONE)
    {
      g_autofree char *stamp = g_strdup_printf ("%sT00:00:00Z", sc_day_format (r->options->date, day));

      /* A report of a given date is the same file every time. */
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
    }
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
report_clear (Report *r)
{
  sc_report_writer_clear (&r->w);
  g_clear_pointer (&r->client, g_free);
  g_clear_pointer (&r->data_ids, g_free);
  g_clear_pointer (&r->data_digest, g_free);
  g_clear_pointer (&r->logo, cairo_surface_destroy);
  g_clear_pointer (&r->own_ranges, sc_range_analysis_free);
  g_clear_pointer (&r->crossovers, g_ptr_array_unref);
}

GBytes *
sc_client_report_render (const ScClientReportOptions *options,
                         ScCatalog                   *catalog,
                         const ScProfile             *profile,
                         const ScResult              *result,
                         GError                     **error)
{
  static const ScClientReportOptions defaults = { 0 };
  Report r = { 0 };
  g_autoptr(GByteArray) out = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (catalog != NULL && profile != NULL && result != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.options = options != NULL ? options : &defaults;
  r.catalog = catalog;
  r.profile = profile;
  r.result = result;
  r.lang = r.options->lang != NULL ? r.options->lang : result->lang;
  r.lang = g_str_has_prefix (r.lang, "zh") ? "zh" : "en";
  r.client = g_strdup (sc_profile_get_name (profile, r.lang));
  if (*r.client == '\0')
    {
      g_free (r.client);
      r.client = g_strdup (_("Unnamed merchant"));
    }
  if (!load_logo (&r, error))
    {
      report_clear (&r);
      return NULL;
    }
  data_revision (&r);
  {
    g_autoptr(ScSweep) sweep = sc_sweep_over_monthly_gmv (catalog, profile, (const char *const *) result->disabled,
                                                          r.lang);

    r.ranges = sc_report_resolve_ranges (catalog, profile, result, r.options->ranges, r.lang, &r.own_ranges);
    if (sweep != NULL)
      r.crossovers = sc_report_crossover_sentences (result, sweep, r.lang);
  }
  sc_report_writer_init (&r.w, r.options->layout, r.lang);
  r.w.header_left = g_strdup (r.client);
  r.w.header_right = g_strdup (_("Platform support comparison"));
  /* Translators: the client report's footer: data revision, version */
  r.w.footer_left = g_strdup_printf (_("Data revision %s · Shangce %s"), r.data_digest, PACKAGE_VERSION);

  /* First count the pages, then draw knowing how many there are. */
  sc_report_writer_begin (&r.w, NULL, 0);
  run (&r);
  n_pages = r.w.page;

  out = g_byte_array_sized_new (256 * 1024);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, out, r.w.width, r.w.height);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      set_metadata (&r, surface);
      cr = cairo_create (surface);
      sc_report_writer_begin (&r.w, cr, n_pages);
      run (&r);
      g_warn_if_fail (r.w.page == n_pages);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  report_clear (&r);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot draw the client report: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
sc_client_report_write (const ScClientReportOptions *options,
                        ScCatalog                   *catalog,
                        const ScProfile             *profile,
                        const ScResult              *result,
                        const char                  *path,
                        GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = sc_client_report_render (options, catalog, profile, result, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  /* A temporary file beside @path, then rename: never a torn report. It
   * names the client and their figures: private. */
  return sc_file_write (path, data, size, SC_FILE_PRIVATE | SC_FILE_SYNC, error);
}
