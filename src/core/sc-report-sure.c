/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How sure a report's verdict is, in text, CSV and JSON: the assumptions'
 * ranges and what each does to the lead (sc-range.h), and the monthly GMV
 * at which the leading platform changes (sc_sweep_crossovers()). The rest
 * of the report is sc-report.c.
 */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-report-private.h"

#include "sc-format.h"
#include "sc-range.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* --- how sure the verdict is (issue 13 §3) ------------------------------------------ */

/* @cached was made from @result: the same platforms with the same scores
 * at the central values. One made before an edit has other scores. */
static gboolean
ranges_match_result (const ScRangeAnalysis *cached,
                     const ScResult        *result)
{
  if (cached->n_platforms != result->platforms->len)
    return FALSE;
  for (guint i = 0; i < cached->n_platforms; i++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, i);
      double score = sc_result_platform_score (result, pr);

      if (g_strcmp0 (cached->platforms[i], pr->platform) != 0
          || !(cached->central[i] == score || (isnan (cached->central[i]) && isnan (score))))
        return FALSE;
    }
  return TRUE;
}

const ScRangeAnalysis *
sc_report_resolve_ranges (ScCatalog              *catalog,
                          const ScProfile        *profile,
                          const ScResult         *result,
                          const ScRangeAnalysis  *cached,
                          const char             *lang,
                          ScRangeAnalysis       **own)
{
  ScEngineOptions options = { 0 };

  g_return_val_if_fail (catalog != NULL && profile != NULL && result != NULL, NULL);
  g_return_val_if_fail (own != NULL && *own == NULL, NULL);

  if (lang == NULL)
    lang = result->lang;
  lang = g_str_has_prefix (lang, "zh") ? "zh" : "en";
  if (cached != NULL && g_strcmp0 (cached->lang, lang) == 0 && ranges_match_result (cached, result))
    return cached;
  options.lang = lang;
  options.disabled = (const char *const *) result->disabled;
  *own = sc_range_analyse (catalog, profile, result, &options);
  return *own;
}

void
sc_report_text_ranges (GString               *out,
                       ScCatalog             *catalog,
                       const ScResult        *result,
                       const ScRangeAnalysis *an,
                       const char            *lang)
{
  g_autofree char *summary = sc_range_describe (an, catalog);
  g_auto(GStrv) lines = g_strsplit (summary, "\n", -1);

  if (an->n_platforms < 2)
    return;
  g_string_append_printf (out, "\n%s\n", _("How sure"));
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "  %s\n", lines[i]);
  for (guint p = 0; p < an->n_platforms; p++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);
      g_autofree char *c = sc_report_money_grouped (an->central[p]);
      g_autofree char *lo = sc_report_money_grouped (an->low[p]);
      g_autofree char *hi = sc_report_money_grouped (an->high[p]);

      if (an->low[p] == 0 && an->high[p] == 0)
        continue;
      /* Translators: platform, its score, lowest and highest over the assumptions' ranges */
      g_string_append_printf (out, _("  %s: %s at the central values, %s to %s over the assumptions' ranges"),
                              sc_report_platform_name (pr, lang), c, lo, hi);
      g_string_append_c (out, '\n');
    }
}

void
sc_report_csv_ranges (GString               *out,
                      const ScResult        *result,
                      const ScRangeAnalysis *an,
                      const char            *lang)
{
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE], b3[G_ASCII_DTOSTR_BUF_SIZE];

  /* level "range": a platform's score at the central values and its lowest
   * and highest over the ranges; level "driver": one assumption, in the
   * columns of a measure (id, label, status flips | holds; the values in
   * "reasons"). Amount columns stay empty. */
  for (guint p = 0; p < an->n_platforms; p++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);
      g_autofree char *text = g_strdup_printf ("central %s; low %s; high %s", sc_report_money (b1, sizeof b1, an->central[p]),
                                               sc_report_money (b2, sizeof b2, an->low[p]), sc_report_money (b3, sizeof b3, an->high[p]));

      sc_csv_append_cell (out, "range", FALSE);
      sc_csv_append_cell (out, pr->platform, FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, sc_report_platform_name (pr, lang), FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, p == an->leader ? (an->robust ? "leads" : "leads-not-robust") : "", FALSE);
      sc_report_csv_amounts (out, NULL, NULL, TRUE);
      for (guint k = 0; k < 4; k++)
        sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, text, FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_report_csv_kept_tied (out, result, NULL, NULL);
    }
  for (guint i = 0; i < an->drivers->len; i++)
    {
      const ScRangeDriver *d = g_ptr_array_index (an->drivers, i);
      g_autofree char *text = g_strdup_printf ("central %s; low %s; high %s; difference %s to %s%s%s", d->central_text,
                                               d->low_text, d->high_text, sc_report_money (b1, sizeof b1, d->diff_low),
                                               sc_report_money (b2, sizeof b2, d->diff_high), d->flips ? "; winner changes at " : "",
                                               d->flips ? d->flip_text : "");

      sc_csv_append_cell (out, "driver", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, d->key, FALSE);
      sc_csv_append_cell (out, d->label, FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, d->note ? d->note : "", FALSE);
      sc_csv_append_cell (out, d->flips ? "flips" : "holds", FALSE);
      sc_report_csv_amounts (out, NULL, NULL, TRUE);
      sc_csv_append_cell (out, sc_basis_to_string (SC_BASIS_ASSUMED), FALSE);
      for (guint k = 0; k < 3; k++)
        sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, text, FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_report_csv_kept_tied (out, result, NULL, NULL);
    }
}

/* A driver's value: a number as precise as it is (a rate of 0.039 is not
 * 0.04), or for an end the day it ends (exclusive). */
static void
json_driver_value (GString             *out,
                   const ScRangeDriver *d,
                   double               value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (d->is_date)
    sc_report_json_day (out, isnan (value) ? SC_DAY_NONE : (ScDay) value);
  else if (!isfinite (value))
    g_string_append (out, "null");
  else
    g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.10g", value));
}

void
sc_report_json_ranges (GString               *out,
                       ScCatalog             *catalog,
                       const ScResult        *result,
                       const ScRangeAnalysis *an,
                       const char            *lang)
{
  g_autofree char *summary = sc_range_describe (an, catalog);

  g_string_append (out, ",\n\"ranges\":{");
  g_string_append_printf (out, "\"robust\":%s", an->robust ? "true" : "false");
  sc_report_json_member (out, ",", "leader", an->n_platforms > 0 ? an->platforms[an->leader] : NULL);
  sc_report_json_member (out, ",", "runner_up", an->runner_up != G_MAXUINT ? an->platforms[an->runner_up] : NULL);
  sc_report_json_member (out, ",", "summary", summary);
  g_string_append (out, ",\"platforms\":[");
  for (guint p = 0; p < an->n_platforms; p++)
    {
      sc_report_json_member (out, p ? ",{" : "{", "platform", an->platforms[p]);
      g_string_append (out, ",\"central\":");
      sc_report_json_number (out, an->central[p]);
      g_string_append (out, ",\"low\":");
      sc_report_json_number (out, an->low[p]);
      g_string_append (out, ",\"high\":");
      sc_report_json_number (out, an->high[p]);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"drivers\":[");
  for (guint i = 0; i < an->drivers->len; i++)
    {
      const ScRangeDriver *d = g_ptr_array_index (an->drivers, i);

      sc_report_json_member (out, i ? ",\n{" : "\n{", "key", d->key);
      sc_report_json_member (out, ",", "label", d->label);
      sc_report_json_member (out, ",", "note", d->note);
      g_string_append_printf (out, ",\"is_date\":%s,\"central\":", d->is_date ? "true" : "false");
      json_driver_value (out, d, d->central);
      g_string_append (out, ",\"low\":");
      json_driver_value (out, d, d->low);
      g_string_append (out, ",\"high\":");
      json_driver_value (out, d, d->high);
      sc_report_json_member (out, ",", "central_text", d->central_text);
      sc_report_json_member (out, ",", "low_text", d->low_text);
      sc_report_json_member (out, ",", "high_text", d->high_text);
      g_string_append (out, ",\"diff_low\":");
      sc_report_json_number (out, d->diff_low);
      g_string_append (out, ",\"diff_high\":");
      sc_report_json_number (out, d->diff_high);
      g_string_append_printf (out, ",\"flips\":%s,\"flip_value\":", d->flips ? "true" : "false");
      if (d->flips)
        json_driver_value (out, d, d->flip_value);
      else
        g_string_append (out, "null");
      sc_report_json_member (out, ",", "flip_text", d->flip_text);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
}

/* --- where the leader changes (sc_sweep_crossovers()) ------------------------ */

/* The name of platform @index of @sweep, as the result names it. */
static const char *
sweep_platform_name (const ScResult *result,
                     const ScSweep  *sweep,
                     guint           index,
                     const char     *lang)
{
  const ScPlatformResult *pr;

  if (index >= sweep->n_platforms)
    return "";
  pr = sc_result_find_platform (result, sweep->platforms[index]);
  return pr != NULL ? sc_report_platform_name (pr, lang) : sweep->platforms[index];
}

/* The first and last GMV the sweep evaluated. FALSE when it has none. */
static gboolean
sweep_range (const ScSweep *sweep,
             double        *from,
             double        *to)
{
  gboolean any = FALSE;

  for (guint i = 0; i < sweep->n_points; i++)
    if (sweep->n_platforms > 0 && isfinite (sc_sweep_get (sweep, 0, i)))
      {
        if (!any)
          *from = sweep->points[i];
        *to = sweep->points[i];
        any = TRUE;
      }
  return any;
}

/* A GMV of the sweep for a reader: three significant digits, grouped
 * ("63,100"): between two sweep points, more would be false precision. */
static char *
gmv_text (double gmv)
{
  char buf[SC_FORMAT_FIXED_BUF];
  double unit = gmv >= 1000 ? pow (10, floor (log10 (gmv)) - 2) : 1;

  return g_strdup (sc_format_amount (buf, sizeof buf, unit * round (gmv / unit), 0));
}

/* One sentence per change of leader, or one that says nobody overtakes.
 * (transfer full, element-type utf8) */
static GPtrArray *
crossover_sentences (const ScResult *result,
                     const ScSweep  *sweep,
                     GArray         *crossovers,
                     const char     *lang)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  double from = 0, to = 0;

  if (!sweep_range (sweep, &from, &to))
    return lines;
  for (guint k = 0; k < crossovers->len; k++)
    {
      const ScSweepCrossover *x = &g_array_index (crossovers, ScSweepCrossover, k);
      g_autofree char *gmv = gmv_text (x->at);

      /* Translators: where the leading platform changes with the monthly GMV:
       * "Douyin leads above a monthly GMV of about 63,100 yuan (Kuaishou below)" */
      g_ptr_array_add (lines, g_strdup_printf (_("%s leads above a monthly GMV of about %s yuan (%s below)"),
                                               sweep_platform_name (result, sweep, x->after, lang), gmv,
                                               sweep_platform_name (result, sweep, x->before, lang)));
    }
  if (crossovers->len == 0)
    {
      g_autofree char *lo = gmv_text (from);
      g_autofree char *hi = gmv_text (to);
      guint leader = sc_sweep_first_leader (sweep);

      if (leader != G_MAXUINT)
        /* Translators: no change of leader over the monthly GMVs tried:
         * "Kuaishou leads at every monthly GMV from 3,100 to 93,000 yuan" */
        g_ptr_array_add (lines, g_strdup_printf (_("%s leads at every monthly GMV from %s to %s yuan"),
                                                 sweep_platform_name (result, sweep, leader, lang), lo, hi));
      else
        g_ptr_array_add (lines, g_strdup_printf (_("No platform leads at any monthly GMV from %s to %s yuan"),
                                                 lo, hi));
    }
  return lines;
}

const ScRangeDriver *
sc_report_assumption_driver (const ScRangeAnalysis *analysis,
                             const char            *what,
                             const char            *note)
{
  const ScRangeDriver *found = NULL;

  if (analysis == NULL || note == NULL)
    return NULL;
  for (guint i = 0; i < analysis->drivers->len; i++)
    {
      const ScRangeDriver *d = g_ptr_array_index (analysis->drivers, i);

      if (g_strcmp0 (d->note, note) != 0)
        continue;
      if (found == NULL || (what != NULL && d->central_text != NULL && strstr (what, d->central_text) != NULL))
        found = d;
    }
  return found;
}

GPtrArray *
sc_report_crossover_sentences (const ScResult *result,
                               const ScSweep  *sweep,
                               const char     *lang)
{
  g_autoptr(GArray) crossovers = NULL;

  g_return_val_if_fail (result != NULL && sweep != NULL, NULL);
  crossovers = sc_sweep_crossovers (sweep);
  return crossover_sentences (result, sweep, crossovers, lang != NULL ? lang : result->lang);
}

void
sc_report_text_crossovers (GString        *out,
                           const ScResult *result,
                           const ScSweep  *sweep,
                           const char     *lang)
{
  g_autoptr(GArray) crossovers = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *lo = NULL, *hi = NULL;
  double from = 0, to = 0;

  if (sweep == NULL || !sweep_range (sweep, &from, &to))
    return;
  crossovers = sc_sweep_crossovers (sweep);
  lines = crossover_sentences (result, sweep, crossovers, lang);
  lo = gmv_text (from);
  hi = gmv_text (to);
  g_string_append_printf (out, "\n%s\n", _("Where the leading platform changes"));
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "  %s\n", (const char *) g_ptr_array_index (lines, i));
  g_string_append (out, "  ");
  /* Translators: under "Where the leading platform changes" in the text report */
  g_string_append_printf (out, _("(monthly GMV tried from %s to %s yuan, everything else as in the profile)"), lo, hi);
  g_string_append_c (out, '\n');
}

/* Rows of level "crossover": the platform leading above in "platform",
 * the one below in "measure-id", the sentence in "measure", the GMV in
 * "figures"; with no change, one row naming the leader. */
void
sc_report_csv_crossovers (GString        *out,
                          const ScResult *result,
                          const ScSweep  *sweep,
                          const char     *lang)
{
  g_autoptr(GArray) crossovers = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (sweep == NULL)
    return;
  crossovers = sc_sweep_crossovers (sweep);
  lines = crossover_sentences (result, sweep, crossovers, lang);
  for (guint k = 0; k < lines->len; k++)
    {
      const ScSweepCrossover *x = k < crossovers->len ? &g_array_index (crossovers, ScSweepCrossover, k) : NULL;
      guint leader = x != NULL ? x->after : sc_sweep_first_leader (sweep);
      g_autofree char *figures = x != NULL ? g_strdup_printf ("%s yuan/month", sc_report_money (buf, sizeof buf, x->at)) : NULL;

      sc_csv_append_cell (out, "crossover", FALSE);
      sc_csv_append_cell (out, leader < sweep->n_platforms ? sweep->platforms[leader] : "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, x != NULL ? sweep->platforms[x->before] : "", FALSE);
      sc_csv_append_cell (out, g_ptr_array_index (lines, k), FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_report_csv_amounts (out, NULL, NULL, TRUE);
      /* basis … expected-total-value: nothing of a merchant's amounts */
      for (guint c = 0; c < 7; c++)
        sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, figures != NULL ? figures : "", FALSE);
      sc_report_csv_kept_tied (out, result, NULL, NULL);
    }
}

/* "gmv_crossovers" (docs/report-json.md): null without a sweep. */
void
sc_report_json_crossovers (GString       *out,
                           const ScSweep *sweep)
{
  g_autoptr(GArray) crossovers = NULL;
  double from = 0, to = 0;
  guint leader;

  g_string_append (out, ",\n\"gmv_crossovers\":");
  if (sweep == NULL || !sweep_range (sweep, &from, &to))
    {
      g_string_append (out, "null");
      return;
    }
  crossovers = sc_sweep_crossovers (sweep);
  leader = sc_sweep_first_leader (sweep);
  g_string_append (out, "{\"from\":");
  sc_report_json_number (out, from);
  g_string_append (out, ",\"to\":");
  sc_report_json_number (out, to);
  sc_report_json_member (out, ",", "leader_at_from", leader < sweep->n_platforms ? sweep->platforms[leader] : NULL);
  g_string_append (out, ",\"crossovers\":[");
  for (guint k = 0; k < crossovers->len; k++)
    {
      const ScSweepCrossover *x = &g_array_index (crossovers, ScSweepCrossover, k);

      g_string_append (out, k ? "," : "");
      g_string_append (out, "{\"monthly_gmv\":");
      sc_report_json_number (out, x->at);
      sc_report_json_member (out, ",", "before", sweep->platforms[x->before]);
      sc_report_json_member (out, ",", "after", sweep->platforms[x->after]);
      g_string_append (out, ",\"score\":");
      sc_report_json_number (out, x->score);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
}

