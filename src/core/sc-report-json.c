/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The estimate report in JSON (docs/report-json.md): sc_report_json(), for
 * sc_report_build_with_sweep() in sc-report.c, and the JSON helpers every
 * report file shares. The text and CSV reports are sc-report.c.
 */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-report-private.h"

#include "sc-compare.h"
#include "sc-format.h"
#include "sc-range.h"
#include "sc-rule-check.h"
#include "sc-verdict.h"

#include <math.h>
#include <string.h>

/* Numbers are always formatted with g_ascii_formatd: never the user's LC_NUMERIC. */

/* --- JSON (docs/report-json.md) ------------------------------------------------------ */

void
sc_json_append_string (GString    *out,
                       const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

/* Appends @lead ("{", "," or ""), then "@key":@value with @value a JSON string. */
void
sc_report_json_member (GString    *out,
                       const char *lead,
                       const char *key,
                       const char *value)
{
  g_string_append (out, lead);
  sc_json_append_string (out, key);
  g_string_append_c (out, ':');
  sc_json_append_string (out, value);
}

void
sc_report_json_number (GString *out,
                       double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    g_string_append (out, "null");
  else
    g_string_append (out, sc_report_money (buf, sizeof buf, value));
}

static void
json_text (GString      *out,
           const ScText *text)
{
  sc_report_json_member (out, "{", "zh", text->zh);
  sc_report_json_member (out, ",", "en", text->en);
  g_string_append_c (out, '}');
}

void
sc_report_json_day (GString *out,
                    ScDay    day)
{
  char buf[16];

  if (day == SC_DAY_NONE)
    g_string_append (out, "null");
  else
    sc_json_append_string (out, sc_day_format (day, buf));
}

static void
json_amounts (GString      *out,
              const double *values)
{
  g_string_append_c (out, '{');
  for (guint a = 0; a < SC_N_AMOUNTS; a++)
    {
      if (a)
        g_string_append_c (out, ',');
      sc_json_append_string (out, sc_amount_to_string (a));
      g_string_append_c (out, ':');
      sc_report_json_number (out, values[a]);
    }
  g_string_append_c (out, '}');
}

static void
json_monthly (GString        *out,
              const ScResult *result,
              const double   *monthly,
              guint           n_months)
{
  g_string_append_c (out, '[');
  for (guint m = 0; monthly != NULL && m < n_months; m++)
    {
      if (m)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"start\":");
      sc_report_json_day (out, sc_day_add_months (result->as_of, (int) m));
      g_string_append (out, ",\"values\":");
      json_amounts (out, monthly + m * SC_N_AMOUNTS);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
json_basis (GString *out,
            guint    basis)
{
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint i = 0; i < SC_REPORT_N_BASIS_BITS; i++)
    if (basis & sc_report_basis_bits[i])
      {
        if (!first)
          g_string_append_c (out, ',');
        sc_json_append_string (out, sc_basis_to_string (sc_report_basis_bits[i]));
        first = FALSE;
      }
  g_string_append_c (out, ']');
}

static void
json_strings (GString   *out,
              GPtrArray *strings)
{
  g_string_append_c (out, '[');
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      sc_json_append_string (out, g_ptr_array_index (strings, i));
    }
  g_string_append_c (out, ']');
}

static void
json_headlines (GString         *out,
                const ScProgram *program,
                const char      *lang)
{
  g_string_append_c (out, '[');
  for (guint h = 0; h < program->headlines->len; h++)
    {
      const ScHeadline *headline = g_ptr_array_index (program->headlines, h);

      if (h)
        g_string_append_c (out, ',');
      sc_report_json_member (out, "{", "text", sc_text_get (&headline->text, lang));
      sc_report_json_member (out, ",", "quote", headline->quote);
      sc_report_json_member (out, ",", "source", headline->source_id);
      g_string_append (out, ",\"figures\":[");
      for (guint f = 0; f < headline->figures->len; f++)
        {
          const ScFigure *figure = &g_array_index (headline->figures, ScFigure, f);

          if (f)
            g_string_append_c (out, ',');
          g_string_append (out, "{\"value\":");
          sc_report_json_number (out, figure->value);
          sc_report_json_member (out, ",", "unit", figure->unit);
          sc_report_json_member (out, ",", "per", figure->per);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
    }
  g_string_append_c (out, ']');
}

/* "verdict": what the ranking is by, the order and the words. */
static void
json_verdict (GString        *out,
              const ScResult *result,
              const char     *lang)
{
  g_autoptr(ScVerdict) verdict = sc_verdict_new (result, lang, NULL);

  g_string_append (out, ",\n\"verdict\":{\"locked_value_worth\":");
  if (verdict->worth_set)
    sc_report_json_number (out, verdict->worth);
  else
    g_string_append (out, "null");
  sc_report_json_member (out, ",", "basis", verdict->basis);
  sc_report_json_member (out, ",", "words", verdict->words);
  g_string_append (out, ",\"order\":[");
  for (guint i = 0; i < verdict->ranks->len; i++)
    {
      if (i)
        g_string_append_c (out, ',');
      sc_json_append_string (out, ((const ScVerdictRank *) g_ptr_array_index (verdict->ranks, i))->platform->platform);
    }
  g_string_append (out, "]}");
}

void
sc_report_json (GString               *out,
             ScCatalog             *catalog,
             const ScProfile       *profile,
             const ScResult        *result,
             const ScSweep         *sweep,
             const ScRangeAnalysis *ranges,
             const char            *lang)
{
  g_autoptr(ScRuleCheck) check = sc_rule_check (catalog, profile, lang);

  g_string_append (out, "{\n\"format\":1,\n\"generator\":");
  sc_json_append_string (out, "shangce " PACKAGE_VERSION);
  g_string_append (out, ",\n\"lang\":");
  sc_json_append_string (out, lang);

  /* profile */
  g_string_append (out, ",\n\"profile\":{\"name\":");
  json_text (out, &profile->name);
  g_string_append (out, ",\"as_of\":");
  sc_report_json_day (out, result->as_of);
  g_string_append_printf (out, ",\"horizon_months\":%u,\"horizon_end\":", result->horizon_months);
  sc_report_json_day (out, result->horizon_end);
  g_string_append (out, ",\"fields\":{");
  {
    gboolean first = TRUE;

    for (guint f = 0; f < SC_N_FIELDS; f++)
      {
        g_autofree char *v = sc_profile_format_value (profile, (ScField) f);

        if (v == NULL)
          continue;
        sc_report_json_member (out, first ? "" : ",", sc_field_info ((ScField) f)->name, v);
        first = FALSE;
      }
  }
  g_string_append (out, "}}");

  /* platforms */
  g_string_append (out, ",\n\"platforms\":[");
  for (guint p = 0; p < result->platforms->len; p++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, p);

      g_string_append (out, p ? ",\n" : "\n");
      sc_report_json_member (out, "{", "platform", pr->platform);
      sc_report_json_member (out, ",", "name", sc_report_platform_name (pr, lang));
      g_string_append_printf (out, ",\"has_baseline\":%s,\"up_to\":%s,\"basis\":",
                              pr->has_baseline ? "true" : "false", pr->up_to ? "true" : "false");
      json_basis (out, pr->basis);
      g_string_append (out, ",\"totals\":");
      json_amounts (out, pr->totals);
      g_string_append (out, ",\"fees\":{");
      for (guint f = 0; f < SC_N_FEES; f++)
        {
          if (f)
            g_string_append_c (out, ',');
          sc_json_append_string (out, sc_fee_to_string ((ScFee) f));
          g_string_append (out, ":{\"gross\":");
          sc_report_json_number (out, pr->fee_gross[f]);
          g_string_append (out, ",\"reduction\":");
          sc_report_json_number (out, pr->fee_reduction[f]);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "},\"monthly\":");
      json_monthly (out, result, pr->monthly, pr->n_months);
      g_string_append (out, ",\"expected_totals\":");
      json_amounts (out, pr->expected_totals);
      g_string_append (out, ",\"kept\":");
      sc_report_json_number (out, sc_totals_kept (pr->totals));
      g_string_append (out, ",\"tied\":");
      sc_report_json_number (out, sc_totals_tied (pr->totals));
      g_string_append (out, ",\"score\":");
      sc_report_json_number (out, sc_result_platform_score (result, pr));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");
  json_verdict (out, result, lang);

  /* programs */
  g_string_append (out, ",\n\"programs\":[");
  for (guint i = 0; i < result->programs->len; i++)
    {
      const ScProgramResult *prr = g_ptr_array_index (result->programs, i);

      g_string_append (out, i ? ",\n" : "\n");
      sc_report_json_member (out, "{", "id", prr->program->id);
      g_string_append_printf (out, ",\"revision\":%u,\"platform\":", prr->program->revision);
      sc_json_append_string (out, prr->program->platform);
      sc_report_json_member (out, ",", "name", sc_text_get (&prr->program->name, lang));
      sc_report_json_member (out, ",", "status", sc_program_status_to_string (prr->program->status));
      sc_report_json_member (out, ",", "status_on_date", sc_report_status_on_date (prr->program, result->as_of, NULL));
      g_string_append (out, ",\"start\":");
      sc_report_json_day (out, prr->program->window.start);
      g_string_append (out, ",\"end\":");
      sc_report_json_day (out, prr->program->window.end);
      g_string_append (out, ",\"active_until\":");
      sc_report_json_day (out, prr->active_until);
      g_string_append_printf (out, ",\"up_to\":%s,\"basis\":", prr->up_to ? "true" : "false");
      json_basis (out, prr->basis);
      g_string_append (out, ",\"totals\":");
      json_amounts (out, prr->totals);
      g_string_append (out, ",\"expected_totals\":");
      json_amounts (out, prr->expected_totals);
      g_string_append (out, ",\"headlines\":");
      json_headlines (out, prr->program, lang);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");

  /* measures */
  g_string_append (out, ",\n\"measures\":[");
  for (guint i = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);

      g_string_append (out, i ? ",\n" : "\n");
      sc_report_json_member (out, "{", "program", mr->program->id);
      sc_report_json_member (out, ",", "id", mr->measure->id);
      sc_report_json_member (out, ",", "title", sc_text_get (&mr->measure->title, lang));
      sc_report_json_member (out, ",", "status", sc_measure_status_to_string (mr->status));
      g_string_append (out, ",\"reasons\":");
      json_strings (out, sc_measure_result_get_reasons (mr));
      g_string_append (out, ",\"texts\":[");
      for (guint t = 0; t < mr->texts->len; t++)
        {
          if (t)
            g_string_append_c (out, ',');
          sc_json_append_string (out, sc_text_get (g_ptr_array_index (mr->texts, t), lang));
        }
      g_string_append (out, "],\"traffic_unit\":");
      sc_json_append_string (out, mr->traffic_unit);
      g_string_append_printf (out, ",\"up_to\":%s,\"cut_by_group\":%s,\"cut_by_cap\":%s,\"basis\":",
                              mr->up_to ? "true" : "false", mr->cut_by_group ? "true" : "false",
                              mr->cut_by_cap ? "true" : "false");
      json_basis (out, mr->basis);
      sc_report_json_member (out, ",", "source", mr->measure->source_id);
      g_string_append (out, ",\"totals\":");
      json_amounts (out, mr->totals);
      g_string_append (out, ",\"monthly\":");
      if (fabs (mr->totals[SC_AMOUNT_TOTAL_VALUE]) > 0.005 || fabs (mr->totals[SC_AMOUNT_TRAFFIC_UNITS]) > 0.005)
        json_monthly (out, result, mr->monthly, mr->n_months);
      else
        g_string_append (out, "[]");
      sc_report_json_member (out, ",", "policy_status", sc_program_status_to_string (mr->measure->status));
      g_string_append_printf (out, ",\"expected\":%s,\"expected_from\":", mr->expected ? "true" : "false");
      sc_report_json_day (out, mr->expected_from);
      g_string_append (out, ",\"expected_totals\":");
      json_amounts (out, mr->expected_totals);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");

  /* rule check */
  g_string_append (out, ",\n\"rule_check\":{\"outcome\":");
  sc_json_append_string (out, sc_relief_outcome_to_string (check->outcome));
  g_string_append (out, ",\"reasons\":");
  json_strings (out, check->reasons);
  g_string_append (out, ",\"situations\":[");
  for (guint i = 0; i < check->situations->len; i++)
    {
      const ScRuleSituation *s = g_ptr_array_index (check->situations, i);

      if (i)
        g_string_append_c (out, ',');
      sc_report_json_member (out, "{", "program", s->program->id);
      sc_report_json_member (out, ",", "measure", s->measure->id);
      g_string_append (out, ",\"holds\":");
      g_string_append (out, s->status > 0 ? "true" : s->status == 0 ? "false" : "null");
      g_string_append (out, s->in_force ? ",\"in_force\":true" : ",\"in_force\":false");
      sc_report_json_member (out, ",", "replaces", s->replaces);
      sc_report_json_member (out, ",", "outcome", s->text ? sc_text_get (s->text, lang) : NULL);
      g_string_append (out, ",\"reasons\":");
      json_strings (out, s->reasons);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");

  sc_report_json_crossovers (out, sweep);

  sc_report_json_ranges (out, catalog, result, ranges, lang);
  g_string_append (out, ",\n\"assumptions\":");
  json_strings (out, result->assumptions);
  g_string_append (out, ",\n\"warnings\":");
  json_strings (out, result->warnings);
  g_string_append (out, "\n}\n");
}
