/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-report-xlsx.h"

#include "sc-compare.h"
#include "sc-document.h"
#include "sc-range.h"
#include "sc-report.h"
#include "sc-verdict.h"
#include "sc-xlsx.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* The platform's name as every report gives it: its baseline's, else its id. */
#define PLATFORM_NAME(pr, lang) ((pr)->baseline != NULL ? sc_text_get (&(pr)->baseline->name, (lang)) : (pr)->platform)

/* --- Summary ------------------------------------------------------------ */

/* The amounts after total, kept, tied and expected, as the text report lists them. */
static const ScAmount summary_amounts[] = {
  SC_AMOUNT_FEE_GROSS, SC_AMOUNT_FEE_REDUCTION, SC_AMOUNT_FEE_NET, SC_AMOUNT_CASH,
  SC_AMOUNT_AD_CREDIT, SC_AMOUNT_COUPON, SC_AMOUNT_TRAFFIC_EXPOSURES, SC_AMOUNT_TRAFFIC_VALUE,
  SC_AMOUNT_CASH_FLOW,
};

/* The first amount column of the Summary sheet. */
#define SUMMARY_COL_AMOUNTS 6
/* A chart's height in rows of the default height (288 px of 20). */
#define CHART_ROWS 16

static gboolean
is_count (ScAmount amount)
{
  return amount == SC_AMOUNT_TRAFFIC_UNITS || amount == SC_AMOUNT_TRAFFIC_EXPOSURES;
}

/* The Summary sheet's column of @amount. */
static guint
amount_column (ScAmount amount)
{
  for (guint a = 0; a < G_N_ELEMENTS (summary_amounts); a++)
    if (summary_amounts[a] == amount)
      return SUMMARY_COL_AMOUNTS + a;
  g_assert_not_reached ();
  return 0;
}

/* A value of a range driver: a date cell for a date (the last day counted,
 * as its text says), else a plain number in the assumption's own unit. */
static void
put_driver_value (ScXlsxSheet         *s,
                  guint                row,
                  guint                col,
                  const ScRangeDriver *d,
                  double               value)
{
  if (!isfinite (value))
    return;
  if (d->is_date)
    sc_xlsx_put_date (s, row, col, (ScDay) value - 1);
  else
    sc_xlsx_put_plain (s, row, col, value);
}

/* The verdict in words, how sure it is (issue 13 §3: robust, or the
 * assumptions that change the winner and where) and the monthly GMV at
 * which the leader changes (§4), from @row on. Returns the next free row. */
static guint
how_sure (ScXlsxSheet           *s,
          ScCatalog             *catalog,
          const ScResult        *result,
          const ScRangeAnalysis *ranges,
          const ScSweep         *sweep,
          guint                  row)
{
  ScXlsxBook *b = s->book;
  g_autoptr(ScVerdict) verdict = sc_verdict_new (result, b->lang, NULL);
  g_autofree char *sure = sc_range_describe_short (ranges, catalog);
  /* Translators: columns of the spreadsheet report's assumptions that can change the winner */
  const char *flip_heads[] = { _("Assumption that can change the winner"), C_("assumption", "Value"),
                               _("The winner changes at"), _("Low"), _("High") };
  /* Translators: columns of the spreadsheet report's monthly GMV where the leader changes */
  const char *gmv_heads[] = { _("Monthly GMV where the leader changes"), _("Leads above"), _("Leads below") };
  g_autoptr(GArray) crossovers = NULL;
  double widths[2] = { s->widths[0], s->widths[1] };

  /* Translators: a row head of the spreadsheet report's Summary */
  sc_xlsx_put_text (s, row, 0, _("Verdict"), b->head);
  sc_xlsx_put_text (s, row++, 1, verdict->words, NULL);
  /* Translators: a row head of the spreadsheet report's Summary: how sure the verdict is */
  sc_xlsx_put_text (s, row, 0, _("How sure"), b->head);
  sc_xlsx_put_text (s, row++, 1, sure, NULL);
  /* Translators: a row head of the spreadsheet report's Summary: the leader stays ahead
   * under every assumption in range, "Yes" or "No" */
  sc_xlsx_put_text (s, row, 0, _("Robust"), b->head);
  sc_xlsx_put_text (s, row++, 1, ranges->robust ? _("Yes") : _("No"), NULL);
  /* The sentences overflow their cells; the table below sets the widths. */
  s->widths[0] = widths[0];
  s->widths[1] = widths[1];

  if (!ranges->robust)
    {
      row++;
      for (guint c = 0; c < G_N_ELEMENTS (flip_heads); c++)
        sc_xlsx_put_text (s, row, c, flip_heads[c], b->head);
      row++;
      for (guint i = 0; i < ranges->drivers->len; i++)
        {
          const ScRangeDriver *d = g_ptr_array_index (ranges->drivers, i);

          if (!d->flips)
            continue;
          sc_xlsx_put_text (s, row, 0, d->label, NULL);
          put_driver_value (s, row, 1, d, d->central);
          put_driver_value (s, row, 2, d, d->flip_value);
          put_driver_value (s, row, 3, d, d->low);
          put_driver_value (s, row, 4, d, d->high);
          row++;
        }
    }

  if (sweep == NULL)
    return row + 1;
  crossovers = sc_sweep_crossovers (sweep);
  row++;
  if (crossovers->len == 0)
    {
      g_autoptr(GPtrArray) lines = sc_report_crossover_sentences (result, sweep, b->lang);

      sc_xlsx_put_text (s, row, 0, gmv_heads[0], b->head);
      if (lines->len > 0)
        sc_xlsx_put_text (s, row, 1, g_ptr_array_index (lines, 0), NULL);
      s->widths[1] = widths[1];
      return row + 2;
    }
  for (guint c = 0; c < G_N_ELEMENTS (gmv_heads); c++)
    sc_xlsx_put_text (s, row, c, gmv_heads[c], b->head);
  row++;
  for (guint k = 0; k < crossovers->len; k++, row++)
    {
      const ScSweepCrossover *x = &g_array_index (crossovers, ScSweepCrossover, k);
      const ScPlatformResult *after = sc_result_find_platform (result, sweep->platforms[x->after]);
      const ScPlatformResult *before = sc_result_find_platform (result, sweep->platforms[x->before]);

      sc_xlsx_put_number (s, row, 0, x->at, FALSE);
      sc_xlsx_put_text (s, row, 1, after != NULL ? PLATFORM_NAME (after, b->lang) : sweep->platforms[x->after], NULL);
      sc_xlsx_put_text (s, row, 2, before != NULL ? PLATFORM_NAME (before, b->lang) : sweep->platforms[x->before], NULL);
    }
  return row + 1;
}

static void
summary (ScXlsxBook            *b,
         ScCatalog             *catalog,
         const ScProfile       *profile,
         const ScResult        *result,
         const ScRangeAnalysis *ranges)
{
  enum { COL_TOTAL = 1, COL_KEPT, COL_TIED, COL_SCORE, COL_EXPECTED, COL_AMOUNTS };
  G_STATIC_ASSERT (COL_AMOUNTS == SUMMARY_COL_AMOUNTS);
  g_autoptr(ScSweep) sweep = sc_sweep_over_monthly_gmv (catalog, profile, (const char *const *) result->disabled,
                                                        b->lang);
  guint head_row;
  const char *heads[COL_AMOUNTS + G_N_ELEMENTS (summary_amounts)];
  guint n_platforms = result->platforms->len;
  ScXlsxSheet s;

  sc_xlsx_sheet_open (&s, b, _("Summary"));
  if (s.ws == NULL)
    return;
  /* The title and the note may overflow their cells. */
  sc_xlsx_put_text (&s, 0, 0, _("Shangce estimate report"), b->title);
  sc_xlsx_put_text (&s, 4, 0, _("Money in yuan over the horizon; exposures in counts."), NULL);
  {
    g_autoptr(ScVerdict) verdict = sc_verdict_new (result, b->lang, NULL);

    /* What the ranking value column is: it overflows its cell. */
    sc_xlsx_put_text (&s, 5, 0, verdict->basis, NULL);
  }
  s.widths[0] = 0;
  sc_xlsx_put_text (&s, 1, 0, _("Profile"), b->head);
  sc_xlsx_put_text (&s, 1, 1, sc_profile_get_name (profile, b->lang), NULL);
  s.widths[1] = 0;
  sc_xlsx_put_text (&s, 2, 0, _("Evaluation date"), b->head);
  sc_xlsx_put_date (&s, 2, 1, result->as_of);
  sc_xlsx_put_text (&s, 3, 0, _("Horizon (months)"), b->head);
  sc_xlsx_put_plain (&s, 3, 1, result->horizon_months);
  sc_xlsx_put_text (&s, 3, 2, _("Horizon ends"), b->head);
  sc_xlsx_put_date (&s, 3, 3, result->horizon_end - 1);
  head_row = how_sure (&s, catalog, result, ranges, sweep, 7);

  heads[0] = _("Platform");
  heads[COL_TOTAL] = sc_amount_label (SC_AMOUNT_TOTAL_VALUE);
  heads[COL_KEPT] = _("Money kept");
  heads[COL_TIED] = _("Tied to the platform");
  heads[COL_SCORE] = _("Ranking value");
  heads[COL_EXPECTED] = _("Expected, not in force");
  for (guint a = 0; a < G_N_ELEMENTS (summary_amounts); a++)
    heads[COL_AMOUNTS + a] = sc_amount_label (summary_amounts[a]);
  sc_xlsx_put_header (&s, head_row, heads, G_N_ELEMENTS (heads));

  for (guint p = 0; p < n_platforms; p++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);
      guint row = head_row + 1 + p;

      sc_xlsx_put_text (&s, row, 0, PLATFORM_NAME (pr, b->lang), NULL);
      sc_xlsx_put_number (&s, row, COL_TOTAL, pr->totals[SC_AMOUNT_TOTAL_VALUE], FALSE);
      sc_xlsx_put_number (&s, row, COL_KEPT, sc_totals_kept (pr->totals), FALSE);
      sc_xlsx_put_number (&s, row, COL_TIED, sc_totals_tied (pr->totals), FALSE);
      sc_xlsx_put_number (&s, row, COL_SCORE, sc_result_platform_score (result, pr), FALSE);
      sc_xlsx_put_number (&s, row, COL_EXPECTED, pr->expected_totals[SC_AMOUNT_TOTAL_VALUE], FALSE);
      for (guint a = 0; a < G_N_ELEMENTS (summary_amounts); a++)
        sc_xlsx_put_number (&s, row, COL_AMOUNTS + a, pr->totals[summary_amounts[a]], is_count (summary_amounts[a]));
    }

  if (n_platforms > 0)
    {
      const guint totals[] = { COL_KEPT, COL_TIED };
      guint amounts[SC_N_KEPT_AMOUNTS + SC_N_TIED_AMOUNTS];
      ScXlsxChart chart = {
        .type = LXW_CHART_COLUMN_STACKED, .head_row = head_row, .first_row = head_row + 1,
        .last_row = head_row + n_platforms, .category_col = 0, .cols = totals, .n_cols = G_N_ELEMENTS (totals),
        /* Translators: the title of the chart in the spreadsheet report */
        .title = _("Money kept and value tied to the platform"),
        /* Translators: the value axis of the spreadsheet report's chart */
        .axis = _("Yuan over the horizon"),
        .at_row = head_row + n_platforms + 2, .at_col = 0,
      };

      sc_xlsx_add_chart (&s, &chart);
      /* The same split amount by amount: the money kept, then the value tied. */
      for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
        amounts[i] = amount_column (i < SC_N_KEPT_AMOUNTS ? sc_kept_amounts[i] : sc_tied_amounts[i - SC_N_KEPT_AMOUNTS]);
      chart.cols = amounts;
      chart.n_cols = G_N_ELEMENTS (amounts);
      /* Translators: the title of the second chart in the spreadsheet report */
      chart.title = _("Each platform’s value, amount by amount");
      chart.at_row += CHART_ROWS;
      sc_xlsx_add_chart (&s, &chart);
    }
  sc_xlsx_sheet_close (&s);
}

/* --- Measures ----------------------------------------------------------- */

/* The amounts of one measure (platform-level fees left out). */
static const ScAmount measure_amounts[] = {
  SC_AMOUNT_TOTAL_VALUE, SC_AMOUNT_FEE_REDUCTION, SC_AMOUNT_CASH, SC_AMOUNT_AD_CREDIT,
  SC_AMOUNT_COUPON, SC_AMOUNT_TRAFFIC_UNITS, SC_AMOUNT_TRAFFIC_EXPOSURES, SC_AMOUNT_TRAFFIC_VALUE,
  SC_AMOUNT_CASH_FLOW,
};

/* The basis of a number in words, one per ScBasis bit in bit order: the
 * client report's msgids, so both say it alike. */
static const char *const basis_labels[] = {
  N_("stated in the source"), N_("assumed"), N_("from the profile"), N_("expected (预计)"),
};
G_STATIC_ASSERT (SC_BASIS_STATED == 1 << 0 && SC_BASIS_ASSUMED == 1 << 1 && SC_BASIS_PROFILE == 1 << 2
                 && SC_BASIS_EXPECTED == 1 << 3);

static char *
basis_words (guint basis)
{
  GString *s = g_string_new (NULL);

  for (guint bit = 0; bit < G_N_ELEMENTS (basis_labels); bit++)
    if (basis & (1u << bit))
      g_string_append_printf (s, "%s%s", s->len ? _(", ") : "", _(basis_labels[bit]));
  return g_string_free (s, FALSE);
}

static char *
measure_notes (const ScMeasureResult *mr,
               const char            *lang)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (mr->expected)
    g_ptr_array_add (parts, g_strdup (_("Expected, not in force")));
  if (mr->cut_by_group)
    g_ptr_array_add (parts, g_strdup (_("not counted: another measure of its group counts instead")));
  if (mr->up_to)
    g_ptr_array_add (parts, g_strstrip (g_strdup (_("up to "))));
  {
    GPtrArray *lines = sc_measure_result_get_reasons (mr);

    for (guint r = 0; r < lines->len; r++)
      g_ptr_array_add (parts, g_strdup (g_ptr_array_index (lines, r)));
  }
  for (guint t = 0; t < mr->texts->len; t++)
    g_ptr_array_add (parts, g_strdup (sc_text_get (g_ptr_array_index (mr->texts, t), lang)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

static void
measures (ScXlsxBook     *b,
          const ScResult *result)
{
  enum { COL_PLATFORM, COL_PROGRAM, COL_MEASURE, COL_STATUS, COL_AMOUNTS };
  const guint col_unit = COL_AMOUNTS + G_N_ELEMENTS (measure_amounts);
  const char *heads[G_N_ELEMENTS (measure_amounts) + COL_AMOUNTS + 3];
  ScXlsxSheet s;

  sc_xlsx_sheet_open (&s, b, _("Measures"));
  if (s.ws == NULL)
    return;
  heads[COL_PLATFORM] = _("Platform");
  heads[COL_PROGRAM] = _("Program");
  heads[COL_MEASURE] = _("Measure");
  heads[COL_STATUS] = _("Status");
  for (guint a = 0; a < G_N_ELEMENTS (measure_amounts); a++)
    heads[COL_AMOUNTS + a] = sc_amount_label (measure_amounts[a]);
  /* Translators: a column of the spreadsheet report: what the traffic units
   * count (exposures, traffic coupons) */
  heads[col_unit] = _("Traffic counted in");
  heads[col_unit + 1] = _("Basis");
  heads[col_unit + 2] = _("Notes");
  sc_xlsx_put_header (&s, 0, heads, G_N_ELEMENTS (heads));

  for (guint i = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);
      const ScPlatformResult *pr = sc_result_find_platform (result, mr->program->platform);
      /* An expected (预计) measure's value is apart from every total, as in the text report. */
      const double *values = mr->expected ? mr->expected_totals : mr->totals;
      g_autofree char *basis = basis_words (mr->basis);
      g_autofree char *notes = measure_notes (mr, b->lang);
      guint row = i + 1;

      sc_xlsx_put_text (&s, row, COL_PLATFORM, pr != NULL ? PLATFORM_NAME (pr, b->lang) : mr->program->platform, NULL);
      sc_xlsx_put_text (&s, row, COL_PROGRAM, sc_text_get (&mr->program->name, b->lang), NULL);
      sc_xlsx_put_text (&s, row, COL_MEASURE, sc_text_get (&mr->measure->title, b->lang), NULL);
      sc_xlsx_put_text (&s, row, COL_STATUS, sc_measure_status_label (mr->status), NULL);
      for (guint a = 0; a < G_N_ELEMENTS (measure_amounts); a++)
        sc_xlsx_put_number (&s, row, COL_AMOUNTS + a, values[measure_amounts[a]], is_count (measure_amounts[a]));
      if (fabs (values[SC_AMOUNT_TRAFFIC_UNITS]) >= 0.005)
        sc_xlsx_put_text (&s, row, col_unit, sc_traffic_unit_label (mr->traffic_unit), NULL);
      sc_xlsx_put_text (&s, row, col_unit + 1, basis, NULL);
      sc_xlsx_put_text (&s, row, col_unit + 2, notes, b->wrap);
    }
  sc_xlsx_sheet_close (&s);
}

/* --- Assumptions -------------------------------------------------------- */

/* The engine writes "what: value (basis) — note", with a full-width colon
 * in Chinese and the dash right after "）". */
static void
split_assumption (const char  *line,
                  char       **what,
                  char       **value,
                  char       **note)
{
  const char *dash = strstr (line, "—");
  const char *colon = strstr (line, "：");
  const char *ascii = strstr (line, ": ");
  g_autofree char *head = NULL;

  head = dash != NULL ? g_strndup (line, dash - line) : g_strdup (line);
  *note = dash != NULL ? g_strstrip (g_strdup (dash + strlen ("—"))) : NULL;
  colon = strstr (head, "：");
  ascii = strstr (head, ": ");
  if (colon == NULL || (ascii != NULL && ascii < colon))
    colon = ascii;
  if (colon == NULL)
    {
      *what = g_strstrip (g_strdup (head));
      *value = NULL;
      return;
    }
  *what = g_strstrip (g_strndup (head, colon - head));
  *value = g_strstrip (g_strdup (colon + (g_str_has_prefix (colon, "：") ? strlen ("：") : 1)));
}

static void
assumptions (ScXlsxBook            *b,
             const ScResult        *result,
             const ScRangeAnalysis *ranges)
{
  /* Translators: columns of the spreadsheet report's assumptions */
  const char *heads[] = { _("Assumption"), C_("assumption", "Value"), _("Low"), _("High"), _("Note") };
  ScXlsxSheet s;

  sc_xlsx_sheet_open (&s, b, _("Assumptions"));
  if (s.ws == NULL)
    return;
  sc_xlsx_put_header (&s, 0, heads, G_N_ELEMENTS (heads));
  for (guint i = 0; i < result->assumptions->len; i++)
    {
      g_autofree char *what = NULL, *value = NULL, *note = NULL;

      split_assumption (g_ptr_array_index (result->assumptions, i), &what, &value, &note);
      sc_xlsx_put_text (&s, i + 1, 0, what, NULL);
      sc_xlsx_put_text (&s, i + 1, 1, value, NULL);
      {
        /* The plausible range, where the range analysis knows one. */
        g_autofree char *head = g_strdup_printf ("%s: %s", what, value != NULL ? value : "");
        const ScRangeDriver *d = sc_report_assumption_driver (ranges, head, note);

        if (d != NULL)
          {
            put_driver_value (&s, i + 1, 2, d, d->low);
            put_driver_value (&s, i + 1, 3, d, d->high);
          }
      }
      sc_xlsx_put_text (&s, i + 1, 4, note, b->wrap);
    }
  sc_xlsx_sheet_close (&s);
}

/* --- Sources ------------------------------------------------------------ */

typedef struct
{
  const ScSource *source;
  GString        *quotes;   /* “sentence” — measure, one a line */
  GHashTable     *seen;     /* the sentences already listed */
} SourceUse;

static void
source_use_free (gpointer data)
{
  SourceUse *use = data;

  g_string_free (use->quotes, TRUE);
  g_hash_table_unref (use->seen);
  g_free (use);
}

static void
sources (ScXlsxBook     *b,
         ScCatalog      *catalog,
         const ScResult *result)
{
  /* Translators: columns of the spreadsheet report's sources */
  const char *heads[] = { _("Title"), _("Publisher"), _("Date"), _("URL"), _("Quoted sentences") };
  g_autoptr(GPtrArray) uses = g_ptr_array_new_with_free_func (source_use_free);
  ScXlsxSheet s;

  for (guint i = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);
      const ScSource *source = sc_catalog_find_source (catalog, mr->program, mr->measure->source_id);
      const char *quote = mr->measure->quote;
      SourceUse *use = NULL;

      if (source == NULL)
        continue;
      for (guint u = 0; u < uses->len && use == NULL; u++)
        if (((SourceUse *) g_ptr_array_index (uses, u))->source == source)
          use = g_ptr_array_index (uses, u);
      if (use == NULL)
        {
          use = g_new0 (SourceUse, 1);
          use->source = source;
          use->quotes = g_string_new (NULL);
          use->seen = g_hash_table_new (g_str_hash, g_str_equal);
          g_ptr_array_add (uses, use);
        }
      if (quote == NULL || *quote == '\0' || g_hash_table_contains (use->seen, quote))
        continue;
      g_hash_table_add (use->seen, (gpointer) quote);
      if (use->quotes->len)
        g_string_append_c (use->quotes, '\n');
      g_string_append_printf (use->quotes, _("“%s” — %s"), quote, sc_text_get (&mr->measure->title, b->lang));
    }

  sc_xlsx_sheet_open (&s, b, _("Sources"));
  if (s.ws == NULL)
    return;
  sc_xlsx_put_header (&s, 0, heads, G_N_ELEMENTS (heads));
  for (guint i = 0; i < uses->len; i++)
    {
      const SourceUse *use = g_ptr_array_index (uses, i);

      sc_xlsx_put_text (&s, i + 1, 0, sc_text_get (&use->source->title, b->lang), NULL);
      sc_xlsx_put_text (&s, i + 1, 1, use->source->publisher, NULL);
      sc_xlsx_put_date (&s, i + 1, 2, use->source->published);
      /* Text, not a link: a file's URL is data, and a cell never runs it. */
      sc_xlsx_put_text (&s, i + 1, 3, use->source->url, NULL);
      sc_xlsx_put_text (&s, i + 1, 4, use->quotes->str, b->wrap);
    }
  sc_xlsx_sheet_close (&s);
}

/* --- the workbook ------------------------------------------------------- */

gboolean
sc_report_write_xlsx (ScCatalog             *catalog,
                      const ScProfile       *profile,
                      const ScResult        *result,
                      const ScRangeAnalysis *ranges,
                      const char            *lang,
                      const char            *path,
                      GError               **error)
{
  g_autofree char *title = NULL;
  g_autoptr(ScRangeAnalysis) own = NULL;
  ScXlsxBook b;

  g_return_val_if_fail (catalog != NULL && profile != NULL && result != NULL && path != NULL, FALSE);

  if (lang == NULL)
    lang = result->lang;
  lang = g_str_has_prefix (lang, "zh") ? "zh" : "en";
  title = g_strdup_printf ("%s — %s", _("Shangce estimate report"), sc_profile_get_name (profile, lang));
  if (!sc_xlsx_book_open (&b, lang, title, error))
    return FALSE;
  ranges = sc_report_resolve_ranges (catalog, profile, result, ranges, lang, &own);
  summary (&b, catalog, profile, result, ranges);
  measures (&b, result);
  assumptions (&b, result, ranges);
  sources (&b, catalog, result);
  return sc_xlsx_book_close (&b, path, error);
}
