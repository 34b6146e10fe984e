/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-report-private.h"

#include "sc-compare.h"
#include "sc-format.h"
#include "sc-range.h"
#include "sc-rule-check.h"
#include "sc-text-width.h"
#include "sc-verdict.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Numbers are always formatted with g_ascii_formatd: never the user's LC_NUMERIC. */

gboolean
sc_report_format_from_string (const char     *name,
                              ScReportFormat *out)
{
  static const char *const names[] = { "text", "csv", "json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i], name) == 0)
      {
        *out = (ScReportFormat) i;
        return TRUE;
      }
  return FALSE;
}

char *
sc_report_data_revision (const ScResult  *result,
                         char           **digest)
{
  GString *ids = g_string_new (NULL);

  g_return_val_if_fail (result != NULL && digest != NULL, NULL);

  for (guint i = 0; i < result->programs->len; i++)
    {
      const ScProgram *program = ((const ScProgramResult *) g_ptr_array_index (result->programs, i))->program;

      g_string_append_printf (ids, "%s%s r%u", ids->len ? ", " : "", program->id, program->revision);
    }
  for (guint i = 0; i < result->platforms->len; i++)
    {
      const ScBaseline *baseline = ((const ScPlatformResult *) g_ptr_array_index (result->platforms, i))->baseline;

      if (baseline != NULL)
        g_string_append_printf (ids, "%s%s-baseline r%u", ids->len ? ", " : "", baseline->platform, baseline->revision);
    }
  *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, ids->str, -1);
  (*digest)[8] = '\0';
  return g_string_free (ids, FALSE);
}

const char *
sc_report_money (char   *buf,
                 gsize   size,
                 double  value)
{
  if (!isfinite (value))
    return g_strlcpy (buf, "-", size), buf;
  if (fabs (value) < 0.005)
    value = 0;
  /* A JSON and CSV number for every finite double: 1e300 is 1e+300. */
  return sc_format_fixed (buf, size, value, 2);
}

/* Thousands separators for the text report: 1,234,567.89 (money) or
 * 89,000 (@count: exposures, traffic units, whole). */
static char *
grouped (double   value,
         gboolean count)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char out[G_ASCII_DTOSTR_BUF_SIZE * 2];

  if (count && isfinite (value))
    {
      sc_format_fixed (buf, sizeof buf, value, 0);
      if (g_str_equal (buf, "-0"))
        g_strlcpy (buf, "0", sizeof buf);
    }
  else
    sc_report_money (buf, sizeof buf, value);
  return g_strdup (sc_format_group (out, sizeof out, buf));
}

char *
sc_report_money_grouped (double value)
{
  return grouped (value, FALSE);
}

/* Amounts in yuan are money; traffic is counted. */
static gboolean
is_count (ScAmount amount)
{
  return amount == SC_AMOUNT_TRAFFIC_UNITS || amount == SC_AMOUNT_TRAFFIC_EXPOSURES;
}

const ScBasis sc_report_basis_bits[SC_REPORT_N_BASIS_BITS] = {
  SC_BASIS_STATED, SC_BASIS_ASSUMED, SC_BASIS_PROFILE, SC_BASIS_EXPECTED
};

static char *
basis_text (guint basis)
{
  GString *s = g_string_new (NULL);
  const ScBasis *bits = sc_report_basis_bits;

  for (guint i = 0; i < SC_REPORT_N_BASIS_BITS; i++)
    if (basis & bits[i])
      {
        if (s->len)
          g_string_append_c (s, ' ');
        g_string_append (s, sc_basis_to_string (bits[i]));
      }
  return g_string_free (s, FALSE);
}

const char *
sc_report_platform_name (const ScPlatformResult *pr,
                         const char             *lang)
{
  if (pr->baseline != NULL)
    return sc_text_get (&pr->baseline->name, lang);
  return pr->platform;
}

static const ScPlatformResult *
platform_of (const ScResult  *result,
             const ScProgram *program)
{
  return sc_result_find_platform (result, program->platform);
}

/* Something expected (预计) is kept apart in @values (expected totals). */
static gboolean
has_expected (const double *values)
{
  return fabs (values[SC_AMOUNT_TOTAL_VALUE]) >= 0.005 || fabs (values[SC_AMOUNT_TRAFFIC_UNITS]) >= 0.005;
}

/* "32000000000 yuan; 1000000 item/day": the figures of a headline as data. (transfer full) */
static char *
figures_text (const ScHeadline *headline)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < headline->figures->len; i++)
    {
      const ScFigure *figure = &g_array_index (headline->figures, ScFigure, i);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (s->len)
        g_string_append (s, "; ");
      g_string_append_printf (s, "%s %s", g_ascii_formatd (buf, sizeof buf, "%.10g", figure->value), figure->unit);
      if (figure->per != NULL)
        g_string_append_printf (s, "/%s", figure->per);
    }
  return g_string_free (s, FALSE);
}

/* --- text ------------------------------------------------------------------ */

static const ScAmount table_rows[] = {
  SC_AMOUNT_FEE_GROSS, SC_AMOUNT_FEE_REDUCTION, SC_AMOUNT_FEE_NET, SC_AMOUNT_CASH,
  SC_AMOUNT_AD_CREDIT, SC_AMOUNT_COUPON, SC_AMOUNT_TRAFFIC_EXPOSURES, SC_AMOUNT_TRAFFIC_VALUE,
  SC_AMOUNT_CASH_FLOW, SC_AMOUNT_TOTAL_VALUE,
};

/*
 * A program's status on the evaluation date: its declared status while the
 * day is in its window, else "not-started" or "ended". *@label (may be
 * NULL) gets the words for people: "In force", "Ended on 2023-08-18 (was:
 * Comment period)". (transfer none for the return)
 */
const char *
sc_report_status_on_date (const ScProgram *program,
                          ScDay            as_of,
                          char           **label)
{
  char d[16];

  if (program->window.start != SC_DAY_NONE && as_of < program->window.start)
    {
      if (label != NULL)
        /* Translators: a program's status on the evaluation date: its first day, its declared status */
        *label = g_strdup_printf (_("Not started: starts on %s (declared status: %s)"), sc_day_format (program->window.start, d),
                                  sc_program_status_label (program->status));
      return "not-started";
    }
  if (program->window.end != SC_DAY_NONE && as_of >= program->window.end)
    {
      if (label != NULL)
        /* Translators: a program's status on the evaluation date: its last day, its declared status */
        *label = g_strdup_printf (_("Ended on %s (declared status: %s)"), sc_day_format (program->window.end - 1, d),
                                  sc_program_status_label (program->status));
      return "ended";
    }
  if (label != NULL)
    *label = g_strdup (sc_program_status_label (program->status));
  return sc_program_status_to_string (program->status);
}

static const char *
status_mark (ScMeasureStatus status)
{
  switch (status)
    {
    case SC_MEASURE_ELIGIBLE: return "✓";
    case SC_MEASURE_NOT_ELIGIBLE: return "✗";
    case SC_MEASURE_NEEDS_INFO: return "?";
    case SC_MEASURE_NOT_QUANTIFIED: return "·";
    default: return " ";
    }
}

/* The rows under the amounts that split money kept from value tied to
 * the platform and give the number platforms are ranked by. */
enum { VALUE_ROW_KEPT, VALUE_ROW_TIED, VALUE_ROW_SCORE, N_VALUE_ROWS };

static const char *
value_row_label (guint row)
{
  switch (row)
    {
    case VALUE_ROW_KEPT: return _("Money kept");
    /* ad credit, coupons and traffic value at face value; the verdict says
     * what the ranking value counts them as */
    case VALUE_ROW_TIED: return _("Tied to the platform");
    default: return _("Ranking value");
    }
}

static double
value_row_value (const ScResult         *result,
                 const ScPlatformResult *pr,
                 guint                   row)
{
  switch (row)
    {
    case VALUE_ROW_KEPT: return sc_totals_kept (pr->totals);
    case VALUE_ROW_TIED: return sc_totals_tied (pr->totals);
    default: return sc_result_platform_score (result, pr);
    }
}

static void
text_value_rows (GString        *out,
                 const ScResult *result,
                 gsize           label_w,
                 gsize           col_w)
{
  for (guint r = 0; r < N_VALUE_ROWS; r++)
    {
      sc_text_pad (out, value_row_label (r), label_w, FALSE);
      for (guint p = 0; p < result->platforms->len; p++)
        {
          g_autofree char *v = sc_report_money_grouped (value_row_value (result, g_ptr_array_index (result->platforms, p), r));

          sc_text_pad (out, v, col_w, TRUE);
        }
      g_string_append_c (out, '\n');
    }
}

/* The verdict, the same as the client report's and the window's. */
static void
text_verdict (GString        *out,
              const ScResult *result,
              const char     *lang)
{
  g_autoptr(ScVerdict) verdict = sc_verdict_new (result, lang, NULL);

  g_string_append_printf (out, "\n%s\n", _("Verdict"));
  g_string_append_printf (out, "  %s\n", verdict->words);
  for (guint i = 0; i < verdict->ranks->len; i++)
    {
      const ScVerdictRank *r = g_ptr_array_index (verdict->ranks, i);
      g_autofree char *k = sc_report_money_grouped (r->kept);
      g_autofree char *t = sc_report_money_grouped (r->tied);
      g_autofree char *v = sc_report_money_grouped (r->score);

      /* Translators: a line of the text report's verdict: place, platform,
       * ranking value, money kept, value tied to the platform */
      g_string_append_printf (out, _("  %u. %s: %s (kept %s, tied to the platform %s)"), i + 1, r->name, v, k, t);
      g_string_append_c (out, '\n');
    }
}

static void
text_report (GString               *out,
             ScCatalog             *catalog,
             const ScProfile       *profile,
             const ScResult        *result,
             const ScSweep         *sweep,
             const ScRangeAnalysis *ranges,
             const char            *lang)
{
  char d1[16], d2[16];
  gsize label_w = 0, col_w = 12;
  g_autoptr(ScRuleCheck) check = NULL;
  gboolean any_expected = FALSE;
  const char *expected_label;

  g_string_append_printf (out, "%s\n", _("Shangce estimate report"));
  /* Translators: "label: value", a line of the text report */
  g_string_append_printf (out, _("%s: %s"), _("Profile"), sc_profile_get_name (profile, lang));
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Evaluation date %s, horizon %u months (to %s)"),
                          sc_day_format (result->as_of, d1), result->horizon_months,
                          sc_day_format (result->horizon_end - 1, d2));
  g_string_append (out, "\n");
  g_string_append_printf (out, "%s\n\n", _("Money in yuan over the horizon; exposures in counts."));

  /* Side-by-side table, one column per platform. */
  for (guint r = 0; r < G_N_ELEMENTS (table_rows); r++)
    label_w = MAX (label_w, sc_text_width (sc_amount_label (table_rows[r])));
  for (guint r = 0; r < N_VALUE_ROWS; r++)
    label_w = MAX (label_w, sc_text_width (value_row_label (r)));
  for (guint p = 0; p < result->platforms->len; p++)
    col_w = MAX (col_w, sc_text_width (sc_report_platform_name (g_ptr_array_index (result->platforms, p), lang)) + 2);
  for (guint p = 0; p < result->platforms->len; p++)
    for (guint r = 0; r < G_N_ELEMENTS (table_rows); r++)
      {
        const ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);
        g_autofree char *v = grouped (pr->totals[table_rows[r]], is_count (table_rows[r]));

        col_w = MAX (col_w, sc_text_width (v) + 2);
      }

  for (guint p = 0; p < result->platforms->len; p++)
    any_expected |= has_expected (((ScPlatformResult *) g_ptr_array_index (result->platforms, p))->expected_totals);
  /* Translators: a row of the text report's table: the value of measures the
   * sources call 预计, which the totals above leave out */
  expected_label = _("Expected, not in force");
  if (any_expected)
    {
      label_w = MAX (label_w, sc_text_width (expected_label));
      for (guint p = 0; p < result->platforms->len; p++)
        {
          const ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);
          g_autofree char *v = grouped (pr->expected_totals[SC_AMOUNT_TOTAL_VALUE], FALSE);

          col_w = MAX (col_w, sc_text_width (v) + 2);
        }
    }

  sc_text_pad (out, "", label_w, FALSE);
  for (guint p = 0; p < result->platforms->len; p++)
    sc_text_pad (out, sc_report_platform_name (g_ptr_array_index (result->platforms, p), lang), col_w, TRUE);
  g_string_append_c (out, '\n');
  for (guint r = 0; r < G_N_ELEMENTS (table_rows); r++)
    {
      sc_text_pad (out, sc_amount_label (table_rows[r]), label_w, FALSE);
      for (guint p = 0; p < result->platforms->len; p++)
        {
          const ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);
          g_autofree char *v = grouped (pr->totals[table_rows[r]], is_count (table_rows[r]));

          sc_text_pad (out, v, col_w, TRUE);
        }
      g_string_append_c (out, '\n');
    }
  if (any_expected)
    {
      sc_text_pad (out, expected_label, label_w, FALSE);
      for (guint p = 0; p < result->platforms->len; p++)
        {
          const ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);
          g_autofree char *v = grouped (pr->expected_totals[SC_AMOUNT_TOTAL_VALUE], FALSE);

          sc_text_pad (out, v, col_w, TRUE);
        }
      g_string_append_c (out, '\n');
    }
  text_value_rows (out, result, label_w, col_w);
  {
    gboolean any_up_to = FALSE, any_assumed = FALSE;

    for (guint p = 0; p < result->platforms->len; p++)
      {
        const ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);

        any_up_to |= pr->up_to;
        any_assumed |= (pr->basis & SC_BASIS_ASSUMED) != 0;
      }
    if (any_expected)
      g_string_append_printf (out, "%s\n",
                              _("Expected (预计) measures are not in force yet: their value is shown apart and is in no total."));
    if (any_up_to)
      g_string_append_printf (out, "%s\n", _("Some amounts are maxima (“up to”): the real amount may be lower."));
    if (any_assumed)
      g_string_append_printf (out, "%s\n", _("Contains assumptions: see the list at the end."));
  }

  text_verdict (out, result, lang);
  sc_report_text_crossovers (out, result, sweep, lang);

  /* Measures, program by program. */
  g_string_append_printf (out, "\n%s\n", _("Measures"));
  for (guint i = 0; i < result->programs->len; i++)
    {
      const ScProgramResult *prr = g_ptr_array_index (result->programs, i);
      const ScPlatformResult *pr = platform_of (result, prr->program);
      g_autofree char *total = sc_report_money_grouped (prr->totals[SC_AMOUNT_TOTAL_VALUE]);

      g_string_append_c (out, '\n');
      /* Translators: a program's heading in the text report: platform, program,
       * "Total value", amount: "[Kuaishou] Star Plan 2026 — Total value 13,468.06" */
      g_string_append_printf (out, _("[%s] %s — %s %s"), pr ? sc_report_platform_name (pr, lang) : prr->program->platform,
                              sc_text_get (&prr->program->name, lang),
                              sc_amount_label (SC_AMOUNT_TOTAL_VALUE), total);
      g_string_append_c (out, '\n');
      if (has_expected (prr->expected_totals))
        {
          g_autofree char *expected = sc_report_money_grouped (prr->expected_totals[SC_AMOUNT_TOTAL_VALUE]);

          g_string_append (out, "  ");
          /* Translators: under a program's heading in the text report: the value of its
           * 预计 measures, which its total leaves out */
          g_string_append_printf (out, _("Expected (预计), not in the total: %s"), expected);
          g_string_append_c (out, '\n');
        }
      if (prr->program->headlines->len > 0)
        {
          g_string_append_printf (out, "  %s\n",
                                  _("Platform-wide figures (all merchants together, never one merchant's value):"));
          for (guint h = 0; h < prr->program->headlines->len; h++)
            {
              const ScHeadline *headline = g_ptr_array_index (prr->program->headlines, h);

              g_string_append_printf (out, "    ≡ %s\n", sc_text_get (&headline->text, lang));
            }
        }
      for (guint k = 0; k < result->measures->len; k++)
        {
          const ScMeasureResult *mr = g_ptr_array_index (result->measures, k);
          const double *values = mr->expected ? mr->expected_totals : mr->totals;

          if (mr->program != prr->program)
            continue;
          g_string_append_printf (out, "  %s %s — %s", status_mark (mr->status),
                                  sc_text_get (&mr->measure->title, lang),
                                  sc_measure_status_label (mr->status));
          /* One pair of brackets, however many notes. */
          if (mr->cut_by_group && mr->expected)
            /* Translators: after "Eligible": the two notes below in one pair of brackets.
             * The parentheses and the leading space are yours to change (full-width in Chinese). */
            g_string_append (out, _(" (not counted; expected, not yet in force)"));
          else if (mr->cut_by_group)
            /* Translators: after "Eligible": another measure of its group counts instead.
             * The parentheses and the leading space are yours to change (full-width in Chinese). */
            g_string_append (out, _(" (not counted)"));
          else if (mr->expected)
            /* Translators: after a measure's status: the source calls it 预计.
             * The parentheses and the leading space are yours to change (full-width in Chinese). */
            g_string_append (out, _(" (expected, not yet in force)"));
          g_string_append_c (out, '\n');
          for (guint a = 0; a < SC_N_AMOUNTS; a++)
            {
              g_autofree char *number = grouped (values[a], is_count (a));
              g_autofree char *value = NULL;

              if (a == SC_AMOUNT_TOTAL_VALUE || fabs (values[a]) < 0.005)
                continue;
              if (a == SC_AMOUNT_TRAFFIC_UNITS)
                /* Translators: a count and its unit, "4,600 traffic coupons", "28,000 exposures" */
                value = g_strdup_printf (_("%s %s"), number, sc_traffic_unit_label (mr->traffic_unit));
              else
                value = g_strdup_printf ("%s%s",
                                         mr->up_to && a != SC_AMOUNT_TRAFFIC_EXPOSURES ? _("up to ") : "",
                                         number);
              g_string_append (out, "      ");
              if (mr->expected)
                /* Translators: an amount of a 预计 measure: "Cash (expected): 500.00" */
                g_string_append_printf (out, _("%s (expected): %s"), sc_amount_label (a), value);
              else
                g_string_append_printf (out, _("%s: %s"), sc_amount_label (a), value);
              g_string_append_c (out, '\n');
            }
          {
            GPtrArray *lines = sc_measure_result_get_reasons (mr);

            for (guint r = 0; r < lines->len; r++)
              g_string_append_printf (out, "      · %s\n", (const char *) g_ptr_array_index (lines, r));
          }
          for (guint t = 0; t < mr->texts->len; t++)
            g_string_append_printf (out, "      · %s\n", sc_text_get (g_ptr_array_index (mr->texts, t), lang));
        }
      /* Last in the program's block: its status on the evaluation date,
       * which the declared one (an expired or draft program…) may not be. */
      {
        g_autofree char *state = NULL;
        char d[16];

        sc_report_status_on_date (prr->program, result->as_of, &state);
        /* Translators: at the end of a program's block: the evaluation date, the program's status on it */
        g_string_append_printf (out, _("  Status on %s: %s"), sc_day_format (result->as_of, d), state);
        g_string_append_c (out, '\n');
      }
    }

  check = sc_rule_check (catalog, profile, lang);
  if (check->situations->len > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("%s: %s"), _("Rule check (penalty relief)"),
                              sc_relief_outcome_label (check->outcome));
      g_string_append_c (out, '\n');
      for (guint i = 0; i < check->reasons->len; i++)
        g_string_append_printf (out, "  · %s\n", (const char *) g_ptr_array_index (check->reasons, i));
    }

  sc_report_text_ranges (out, catalog, result, ranges, lang);

  if (result->assumptions->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Assumptions used"));
      for (guint i = 0; i < result->assumptions->len; i++)
        g_string_append_printf (out, "  - %s\n", (const char *) g_ptr_array_index (result->assumptions, i));
    }
  if (result->warnings->len > 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Warnings"));
      for (guint i = 0; i < result->warnings->len; i++)
        g_string_append_printf (out, "  ! %s\n", (const char *) g_ptr_array_index (result->warnings, i));
    }
}

/* --- CSV (RFC 4180, UTF-8 with BOM, CRLF) ------------------------------------------ */

/* A cell a spreadsheet would run as a formula: it starts with = + - @, a
 * tab or a carriage return, and is not simply a number (our own amounts
 * are negative numbers and stay numbers). */
static gboolean
csv_looks_like_formula (const char *text)
{
  char *end = NULL;

  if (strchr ("=+-@\t\r", text[0]) == NULL || text[0] == '\0')
    return FALSE;
  if (g_ascii_isdigit (text[1]) || text[1] == '.')
    {
      g_ascii_strtod (text, &end);
      if (end != NULL && *end == '\0')
        return FALSE;
    }
  return TRUE;
}

void
sc_csv_append_cell (GString    *out,
                    const char *text,
                    gboolean    last)
{
  gboolean formula;

  if (text == NULL)
    text = "";
  /* Formula injection: a program file's name or title such as
   * =HYPERLINK(…) would run when the client opens the CSV. A leading ' makes
   * it text in Excel and LibreOffice. */
  formula = csv_looks_like_formula (text);
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    {
      if (formula)
        g_string_append_c (out, '\'');
      g_string_append (out, text);
    }
  g_string_append (out, last ? "\r\n" : ",");
}

/* The amount columns, one per amount with the traffic unit after the
 * traffic units: their names when @totals is NULL (the header), else
 * @totals and @unit; all empty with @empty (a row of no amounts). Header
 * and rows thus cannot fall out of step. */
void
sc_report_csv_amounts (GString      *out,
                       const double *totals,
                       const char   *unit,
                       gboolean      empty)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint a = 0; a < SC_N_AMOUNTS; a++)
    {
      sc_csv_append_cell (out, empty ? "" : totals != NULL ? sc_report_money (buf, sizeof buf, totals[a]) : sc_amount_to_string (a), FALSE);
      if (a == SC_AMOUNT_TRAFFIC_UNITS)
        sc_csv_append_cell (out, empty ? "" : totals != NULL ? unit : "traffic-unit", FALSE);
    }
}

static char *
join_reasons (GPtrArray  *reasons,
              GPtrArray  *texts,
              const char *lang)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; reasons != NULL && i < reasons->len; i++)
    {
      if (s->len)
        g_string_append (s, "; ");
      g_string_append (s, g_ptr_array_index (reasons, i));
    }
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      if (s->len)
        g_string_append (s, "; ");
      g_string_append (s, sc_text_get (g_ptr_array_index (texts, i), lang));
    }
  return g_string_free (s, FALSE);
}

/* The last cells of a row: money kept and value tied to the platform of
 * @totals (empty when NULL), and for platform @pr the worth of a tied yuan
 * and the ranking value. Ends the row. */
void
sc_report_csv_kept_tied (GString                *out,
                         const ScResult         *result,
                         const ScPlatformResult *pr,
                         const double           *totals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  sc_csv_append_cell (out, totals != NULL ? sc_report_money (buf, sizeof buf, sc_totals_kept (totals)) : "", FALSE);
  sc_csv_append_cell (out, totals != NULL ? sc_report_money (buf, sizeof buf, sc_totals_tied (totals)) : "", FALSE);
  sc_csv_append_cell (out, pr != NULL && result->locked_worth_set ? sc_report_money (buf, sizeof buf, result->locked_worth) : "",
                      FALSE);
  sc_csv_append_cell (out, pr != NULL ? sc_report_money (buf, sizeof buf, sc_result_platform_score (result, pr)) : "", TRUE);
}

static void
csv_report (GString         *out,
            const ScProfile *profile,
            const ScResult  *result,
            const ScSweep   *sweep,
            const char      *lang)
{
  static const char *const head[] = {
    "level", "platform", "program-id", "program", "measure-id", "measure", "status",
  };
  /* New columns go at the end: a reader that finds columns by name or by
   * position keeps working. */
  static const char *const tail[] = {
    "basis", "up-to", "cut-by-group", "cut-by-cap", "reasons", "expected", "expected-total-value", "figures",
    "kept", "tied", "locked-value-worth", "ranking-value",
  };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    sc_csv_append_cell (out, head[i], FALSE);
  sc_report_csv_amounts (out, NULL, NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (tail); i++)
    sc_csv_append_cell (out, tail[i], i + 1 == G_N_ELEMENTS (tail));

  for (guint p = 0; p < result->platforms->len; p++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);
      g_autofree char *basis = basis_text (pr->basis);
      g_autofree char *warn = join_reasons (NULL, NULL, lang);

      sc_csv_append_cell (out, "platform", FALSE);
      sc_csv_append_cell (out, pr->platform, FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, sc_report_platform_name (pr, lang), FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_report_csv_amounts (out, pr->totals, "", FALSE);
      sc_csv_append_cell (out, basis, FALSE);
      sc_csv_append_cell (out, pr->up_to ? "true" : "false", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, warn, FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, sc_report_money (buf, sizeof buf, pr->expected_totals[SC_AMOUNT_TOTAL_VALUE]), FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_report_csv_kept_tied (out, result, pr, pr->totals);
    }
  for (guint i = 0; i < result->programs->len; i++)
    {
      const ScProgramResult *prr = g_ptr_array_index (result->programs, i);
      g_autofree char *basis = basis_text (prr->basis);

      sc_csv_append_cell (out, "program", FALSE);
      sc_csv_append_cell (out, prr->program->platform, FALSE);
      sc_csv_append_cell (out, prr->program->id, FALSE);
      sc_csv_append_cell (out, sc_text_get (&prr->program->name, lang), FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, sc_program_status_to_string (prr->program->status), FALSE);
      sc_report_csv_amounts (out, prr->totals, "", FALSE);
      sc_csv_append_cell (out, basis, FALSE);
      sc_csv_append_cell (out, prr->up_to ? "true" : "false", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, sc_report_money (buf, sizeof buf, prr->expected_totals[SC_AMOUNT_TOTAL_VALUE]), FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_report_csv_kept_tied (out, result, NULL, prr->totals);
    }
  /* Headlines: platform-wide figures, no amount of any merchant (empty
   * amount columns), their quote in "reasons", their numbers in "figures". */
  for (guint i = 0; i < result->programs->len; i++)
    {
      const ScProgram *program = ((ScProgramResult *) g_ptr_array_index (result->programs, i))->program;

      for (guint h = 0; h < program->headlines->len; h++)
        {
          const ScHeadline *headline = g_ptr_array_index (program->headlines, h);
          g_autofree char *figures = figures_text (headline);

          sc_csv_append_cell (out, "headline", FALSE);
          sc_csv_append_cell (out, program->platform, FALSE);
          sc_csv_append_cell (out, program->id, FALSE);
          sc_csv_append_cell (out, sc_text_get (&program->name, lang), FALSE);
          sc_csv_append_cell (out, "", FALSE);
          sc_csv_append_cell (out, sc_text_get (&headline->text, lang), FALSE);
          sc_csv_append_cell (out, "", FALSE);
          sc_report_csv_amounts (out, NULL, NULL, TRUE);
          sc_csv_append_cell (out, sc_basis_to_string (SC_BASIS_STATED), FALSE);
          sc_csv_append_cell (out, "", FALSE);
          sc_csv_append_cell (out, "", FALSE);
          sc_csv_append_cell (out, "", FALSE);
          sc_csv_append_cell (out, headline->quote, FALSE);
          sc_csv_append_cell (out, "", FALSE);
          sc_csv_append_cell (out, "", FALSE);
          sc_csv_append_cell (out, figures, FALSE);
          sc_report_csv_kept_tied (out, result, NULL, NULL);
        }
    }
  for (guint i = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);
      g_autofree char *basis = basis_text (mr->basis);
      g_autofree char *reasons = join_reasons (sc_measure_result_get_reasons (mr), mr->texts, lang);

      sc_csv_append_cell (out, "measure", FALSE);
      sc_csv_append_cell (out, mr->program->platform, FALSE);
      sc_csv_append_cell (out, mr->program->id, FALSE);
      sc_csv_append_cell (out, sc_text_get (&mr->program->name, lang), FALSE);
      sc_csv_append_cell (out, mr->measure->id, FALSE);
      sc_csv_append_cell (out, sc_text_get (&mr->measure->title, lang), FALSE);
      sc_csv_append_cell (out, sc_measure_status_to_string (mr->status), FALSE);
      sc_report_csv_amounts (out, mr->totals, mr->traffic_unit ? mr->traffic_unit : "", FALSE);
      sc_csv_append_cell (out, basis, FALSE);
      sc_csv_append_cell (out, mr->up_to ? "true" : "false", FALSE);
      sc_csv_append_cell (out, mr->cut_by_group ? "true" : "false", FALSE);
      sc_csv_append_cell (out, mr->cut_by_cap ? "true" : "false", FALSE);
      sc_csv_append_cell (out, reasons, FALSE);
      sc_csv_append_cell (out, mr->expected ? "true" : "false", FALSE);
      sc_csv_append_cell (out, sc_report_money (buf, sizeof buf, mr->expected_totals[SC_AMOUNT_TOTAL_VALUE]), FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_report_csv_kept_tied (out, result, NULL, mr->totals);
    }
  sc_report_csv_crossovers (out, result, sweep, lang);
  (void) profile;
}

GBytes *
sc_report_build (ScCatalog       *catalog,
                 const ScProfile *profile,
                 const ScResult  *result,
                 ScReportFormat   format,
                 const char      *lang)
{
  return sc_report_build_with_sweep (catalog, profile, result, NULL, NULL, format, lang);
}

GBytes *
sc_report_build_with_sweep (ScCatalog             *catalog,
                            const ScProfile       *profile,
                            const ScResult        *result,
                            const ScSweep         *sweep,
                            const ScRangeAnalysis *ranges,
                            ScReportFormat         format,
                            const char            *lang)
{
  g_autoptr(ScRangeAnalysis) own = NULL;
  GString *out;

  g_return_val_if_fail (catalog != NULL && profile != NULL && result != NULL, NULL);

  if (lang == NULL)
    lang = result->lang;
  lang = g_str_has_prefix (lang, "zh") ? "zh" : "en";
  /* Every format has "How sure": one analysis, the caller's where it fits. */
  ranges = sc_report_resolve_ranges (catalog, profile, result, ranges, lang, &own);
  out = g_string_new (NULL);
  switch (format)
    {
    case SC_REPORT_CSV:
      csv_report (out, profile, result, sweep, lang);
      sc_report_csv_ranges (out, result, ranges, lang);
      break;
    case SC_REPORT_JSON:
      sc_report_json (out, catalog, profile, result, sweep, ranges, lang);
      break;
    case SC_REPORT_TEXT:
    default:
      text_report (out, catalog, profile, result, sweep, ranges, lang);
      break;
    }
  return g_string_free_to_bytes (out);
}
