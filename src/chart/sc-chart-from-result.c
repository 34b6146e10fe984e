/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-from-result.h"
#include "sc-chart-drivers.h"

#include "sc-chart-format.h"
#include "sc-compare.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

typedef struct
{
  ScChartKind      kind;
  ScCatalog       *catalog;
  const ScProfile *profile;
  const ScResult  *result;
  const ScSweep   *sweep;
  const char      *lang;
  ScChartModel    *model;
} Build;

/* "快手" / "Kuaishou" from the platform's baseline, else its id. (transfer none) */
static const char *
platform_name (Build      *b,
               const char *platform)
{
  const ScBaseline *baseline = b->catalog != NULL ? sc_catalog_find_baseline (b->catalog, platform) : NULL;

  if (baseline != NULL && (baseline->name.zh != NULL || baseline->name.en != NULL))
    return sc_text_get (&baseline->name, b->lang);
  return platform;
}

/* TRUE when some program of @platform runs during the horizon (whatever it
 * is worth to this merchant): JD and Taobao in 2026 have none. */
static gboolean
has_current_program (Build      *b,
                     const char *platform)
{
  for (guint i = 0; i < b->result->programs->len; i++)
    {
      const ScProgramResult *pr = g_ptr_array_index (b->result->programs, i);
      ScDay end = b->result->horizon_end;

      if (g_strcmp0 (pr->program->platform, platform) != 0)
        continue;
      if (pr->active_until != SC_DAY_NONE)
        end = MIN (end, pr->active_until);
      if (end > b->result->as_of && sc_window_overlap (&pr->program->window, b->result->as_of, end) > 0)
        return TRUE;
    }
  return FALSE;
}

/* The word shown in place of a platform's empty bar, or NULL for "0". */
static const char *
empty_remark (Build      *b,
              const char *platform)
{
  if (has_current_program (b, platform))
    return NULL;
  /* TRANSLATORS: under a platform's empty bar in a chart: none of its
   * programs runs in the horizon, so the 0 is not missing data */
  return _("no current program");
}

/* Colour of a platform: its place among the result's platforms, the same in every chart. */
static guint
platform_color (Build      *b,
                const char *platform)
{
  for (guint i = 0; i < b->result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (b->result->platforms, i);

      if (g_strcmp0 (p->platform, platform) == 0)
        return i;
    }
  return b->result->platforms->len;
}

/* Basis bits of every counted measure of @platform that gives @amount. */
static guint
amount_basis (Build      *b,
              const char *platform,
              ScAmount    amount)
{
  guint basis = 0;

  for (guint i = 0; i < b->result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (b->result->measures, i);

      if (g_strcmp0 (mr->program->platform, platform) == 0 && mr->totals[amount] != 0)
        basis |= mr->basis;
    }
  return basis;
}

/* TRUE when a counted measure of @platform gives @amount as a maximum (至高). */
static gboolean
amount_up_to (Build      *b,
              const char *platform,
              ScAmount    amount)
{
  for (guint i = 0; i < b->result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (b->result->measures, i);

      if (mr->up_to && mr->totals[amount] != 0 && g_strcmp0 (mr->program->platform, platform) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Traffic is priced only through yuan per 1,000 exposures, cash flow through the cost of capital. */
static gboolean
amount_assumed (Build      *b,
                const char *platform,
                ScAmount    amount)
{
  if (amount == SC_AMOUNT_TRAFFIC_VALUE || amount == SC_AMOUNT_CASH_FLOW)
    return TRUE;
  return (amount_basis (b, platform, amount) & SC_BASIS_ASSUMED) != 0;
}

static void
set_titles (Build      *b,
            const char *title)
{
  char date[16];
  g_autofree char *subtitle = NULL;
  const char *name = b->profile != NULL ? sc_profile_get_name (b->profile, b->lang) : "";

  sc_day_format (b->result->as_of, date);
  if (*name != '\0')
    /* TRANSLATORS: chart subtitle: profile name, evaluation date, horizon in months */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · as of %s · %u month", "%s · as of %s · %u months",
                                             b->result->horizon_months),
                                name, date, b->result->horizon_months);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "As of %s · %u month", "As of %s · %u months",
                                             b->result->horizon_months),
                                date, b->result->horizon_months);
  sc_chart_model_set_title (b->model, title, subtitle);
  g_free (b->model->profile_name);
  b->model->profile_name = g_strdup (name);
}

/* Footnote: which program revisions the numbers come from, by the names a
 * reader knows; the file metadata keeps the ids. */
static void
add_footnote (Build    *b,
              gboolean  all_programs)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *line = NULL;

  for (guint i = 0; i < b->result->programs->len; i++)
    {
      const ScProgramResult *pr = g_ptr_array_index (b->result->programs, i);

      if (!all_programs && pr->totals[SC_AMOUNT_TOTAL_VALUE] == 0)
        continue;
      if (ids->len > 0)
        {
          g_string_append (ids, ", ");
          g_string_append (names, sc_lang_from_code (b->lang) == SC_LANG_ZH ? "、" : "; ");
        }
      g_string_append_printf (ids, "%s r%u", pr->program->id, pr->program->revision);
      /* TRANSLATORS: a program and its revision in a chart's footnote: "Star Plan 2026 (rev. 2)" */
      g_string_append_printf (names, _("%s (rev. %u)"), sc_text_get (&pr->program->name, b->lang),
                              pr->program->revision);
    }
  if (ids->len == 0)
    return;
  /* TRANSLATORS: chart footnote; %s lists programs with revisions, the second %s is the version */
  line = g_strdup_printf (_("Data: %s · Shangce %s"), names->str, PACKAGE_VERSION);
  sc_chart_model_add_footnote (b->model, line);
  g_free (b->model->data_revision);
  b->model->data_revision = g_strdup (ids->str);
}

/* Measures the sources call expected (预计) are worked out but never charted
 * with confirmed money: say how much is left out, so the chart does not
 * hide it either. */
static void
add_expected_note (Build *b)
{
  double expected = 0;
  g_autofree char *number = NULL;
  g_autofree char *line = NULL;

  for (guint i = 0; i < b->result->platforms->len; i++)
    expected += ((const ScPlatformResult *) g_ptr_array_index (b->result->platforms, i))->expected_totals[SC_AMOUNT_TOTAL_VALUE];
  if (!(expected > 0))
    return;
  number = sc_chart_format_number (expected, b->lang, 3);
  /* TRANSLATORS: chart footnote; %s is an amount such as "1,200" or "1.2万" */
  line = g_strdup_printf (_("Not counted: about ¥%s more from measures the sources call expected (预计), not yet in force"),
                          number);
  sc_chart_model_add_footnote (b->model, line);
}

/* Where the note of an assumption line starts: the engine writes
 * "what: value (basis) — note", the dash spaced in English and right
 * after the full-width "）" in Chinese. NULL when there is no note. */
static const char *
note_dash (const char *line)
{
  const char *spaced = strstr (line, " — ");
  const char *after_paren = strstr (line, "）— ");

  if (after_paren != NULL)
    after_paren += strlen ("）");
  if (spaced == NULL || (after_paren != NULL && after_paren < spaced))
    return after_paren;
  return spaced;
}

static void
add_assumptions (Build *b)
{
  for (guint i = 0; b->result->assumptions != NULL && i < b->result->assumptions->len; i++)
    {
      const char *line = g_ptr_array_index (b->result->assumptions, i);
      const char *dash = note_dash (line);
      g_autofree char *brief = dash != NULL ? g_strndup (line, dash - line) : g_strdup (line);

      /* The chart keeps "what = value"; the report carries each note in full. */
      sc_chart_model_add_assumption (b->model, brief);
    }
}

static void
platform_categories (Build *b)
{
  for (guint i = 0; i < b->result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (b->result->platforms, i);

      sc_chart_model_add_category (b->model, platform_name (b, p->platform));
    }
}

/* One series per amount (or per sum of amounts), one bar per platform. */
static void
amount_series (Build          *b,
               const char     *name,
               guint           color,
               const ScAmount *amounts,
               guint           n_amounts,
               gboolean        skip_if_zero)
{
  ScChartSeries *series;
  gboolean any = FALSE;

  for (guint i = 0; i < b->result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (b->result->platforms, i);

      for (guint a = 0; a < n_amounts; a++)
        any |= p->totals[amounts[a]] != 0;
    }
  if (skip_if_zero && !any)
    return;

  series = sc_chart_model_add_series (b->model, name, color);
  for (guint i = 0; i < b->result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (b->result->platforms, i);
      double sum = 0;
      gboolean assumed = FALSE, up_to = FALSE;

      for (guint a = 0; a < n_amounts; a++)
        {
          sum += p->totals[amounts[a]];
          if (p->totals[amounts[a]] != 0)
            {
              assumed |= amount_assumed (b, p->platform, amounts[a]);
              up_to |= amount_up_to (b, p->platform, amounts[a]);
            }
        }
      sc_chart_series_set (series, i, sum, assumed, sum == 0 ? empty_remark (b, p->platform) : NULL);
      sc_chart_series_set_up_to (series, i, up_to);
    }
}

/* The overview's segments: money the merchant keeps in strong colours at
 * the bottom of each bar, value tied to the platform in light ones on top,
 * told apart by colour (the palette index) wherever a segment is read. */
static const struct
{
  const char *name;
  guint       color;
  ScAmount    amounts[3];
  guint       n_amounts;
  gboolean    tied;
} overview_series[] = {
  { N_("Fees saved"), 0, { SC_AMOUNT_FEE_REDUCTION }, 1, FALSE },
  /* TRANSLATORS: a chart's legend: cash the programs pay the merchant */
  { N_("Cash"), 4, { SC_AMOUNT_CASH }, 1, FALSE },
  { N_("Cash-flow value"), 3, { SC_AMOUNT_CASH_FLOW }, 1, FALSE },
  /* TRANSLATORS: a chart's legend; lighter segments that can only be spent on the platform */
  { N_("Ad credit and coupons (tied to the platform)"), 5, { SC_AMOUNT_AD_CREDIT, SC_AMOUNT_COUPON }, 2, TRUE },
  /* TRANSLATORS: a chart's legend; lighter segments that can only be spent on the platform */
  { N_("Traffic value (tied to the platform)"), 1, { SC_AMOUNT_TRAFFIC_VALUE }, 1, TRUE },
};

guint
sc_chart_overview_series_amounts (const ScChartModel *model,
                                  guint               series,
                                  ScAmount            amounts[3])
{
  const ScChartSeries *s;

  g_return_val_if_fail (model != NULL, 0);

  if (model->kind != SC_CHART_OVERVIEW || series >= model->series->len)
    return 0;
  s = g_ptr_array_index (model->series, series);
  for (guint i = 0; i < G_N_ELEMENTS (overview_series); i++)
    if (overview_series[i].color == s->color)
      {
        memcpy (amounts, overview_series[i].amounts, sizeof overview_series[i].amounts);
        return overview_series[i].n_amounts;
      }
  return 0;
}

/* Says which segments are tied to the platform and what the verdict
 * counts one yuan of them as. */
static void
add_tied_note (Build *b)
{
  const ScResult *r = b->result;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *line = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < r->platforms->len; i++)
    any |= sc_totals_tied (((const ScPlatformResult *) g_ptr_array_index (r->platforms, i))->totals) > 0;
  if (!any)
    return;
  if (!r->locked_worth_set || r->locked_worth <= 0)
    /* TRANSLATORS: chart footnote on the overview's light segments */
    line = g_strdup (_("Light segments are tied to the platform (ad credit, coupons, traffic): the ranking counts "
                       "them for nothing"));
  else
    /* TRANSLATORS: chart footnote on the overview's light segments; %s is "0.50" */
    line = g_strdup_printf (_("Light segments are tied to the platform (ad credit, coupons, traffic): the ranking "
                              "counts them at ¥%s per yuan (assumed)"),
                            g_ascii_formatd (number, sizeof number, "%.2f", r->locked_worth));
  sc_chart_model_add_footnote (b->model, line);
}

static void
build_overview (Build *b)
{
  set_titles (b, _("What the programs are worth, by platform"));
  platform_categories (b);
  /* "Fees saved" always, so that an empty result still draws its bars. */
  for (guint i = 0; i < G_N_ELEMENTS (overview_series); i++)
    amount_series (b, _(overview_series[i].name), overview_series[i].color, overview_series[i].amounts,
                   overview_series[i].n_amounts, i > 0);
}

/* One scenario: the profile's total per platform (sc_chart_model_from_scenarios() adds the others). */
static void
build_scenarios (Build *b)
{
  static const ScAmount total[] = { SC_AMOUNT_TOTAL_VALUE };
  const char *name = b->profile != NULL ? sc_profile_get_name (b->profile, b->lang) : "";

  set_titles (b, _("Total value per platform, scenario by scenario"));
  platform_categories (b);
  amount_series (b, *name != '\0' ? name : _("Scenario A"), 0, total, 1, FALSE);
}

static void
build_fees (Build *b)
{
  static const ScAmount gross[] = { SC_AMOUNT_FEE_GROSS };
  static const ScAmount net[] = { SC_AMOUNT_FEE_NET };

  set_titles (b, _("Platform fees before and after the programs"));
  platform_categories (b);
  amount_series (b, _("Fees before programs"), 0, gross, 1, FALSE);
  amount_series (b, _("Fees after programs"), 1, net, 1, FALSE);
  /* Gross and net fees rest on the platform baseline, every value of which is an assumption. */
  for (guint s = 0; s < b->model->series->len; s++)
    {
      ScChartSeries *series = g_ptr_array_index (b->model->series, s);

      for (guint i = 0; i < b->result->platforms->len; i++)
        {
          const ScPlatformResult *p = g_ptr_array_index (b->result->platforms, i);

          if (p->basis & SC_BASIS_ASSUMED)
            g_array_index (series->assumed, gboolean, i) = TRUE;
        }
    }
}

static void
build_subsidies (Build *b)
{
  static const ScAmount cash[] = { SC_AMOUNT_CASH };
  static const ScAmount credit[] = { SC_AMOUNT_AD_CREDIT };
  static const ScAmount coupon[] = { SC_AMOUNT_COUPON };

  set_titles (b, _("Subsidies by type"));
  platform_categories (b);
  amount_series (b, _("Cash"), 0, cash, 1, FALSE);
  amount_series (b, _("Ad credit"), 1, credit, 1, FALSE);
  amount_series (b, _("Coupons"), 2, coupon, 1, FALSE);
}

static void
build_traffic (Build *b)
{
  ScChartSeries *series;

  set_titles (b, _("Free traffic: value and exposures"));
  platform_categories (b);
  series = sc_chart_model_add_series (b->model, _("Traffic value"), 2);
  for (guint i = 0; i < b->result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (b->result->platforms, i);
      double value = p->totals[SC_AMOUNT_TRAFFIC_VALUE];
      double exposures = p->totals[SC_AMOUNT_TRAFFIC_EXPOSURES];
      g_autofree char *v = sc_chart_format_number (value, b->lang, 3);
      g_autofree char *e = sc_chart_format_number (exposures, b->lang, 3);
      g_autofree char *label = NULL;

      if (exposures > 0)
        /* TRANSLATORS: traffic chart bar label: value in yuan · number of exposures */
        label = g_strdup_printf (_("%s · %s exposures"), v, e);
      else if (value == 0)
        label = g_strdup (empty_remark (b, p->platform));
      sc_chart_series_set (series, i, value, value != 0, label);
      sc_chart_series_set_up_to (series, i, value != 0 && amount_up_to (b, p->platform, SC_AMOUNT_TRAFFIC_VALUE));
    }
  /* One unnamed series needs no legend; the title says what it is. */
  g_free (series->name);
  series->name = g_strdup ("");
}

typedef struct
{
  const ScMeasureResult *mr;
  double                 value;
} Row;

static int
row_compare (gconstpointer a,
             gconstpointer b)
{
  const Row *ra = a, *rb = b;

  if (fabs (ra->value) != fabs (rb->value))
    return fabs (ra->value) > fabs (rb->value) ? -1 : 1;
  return 0;
}

static void
build_measures (Build *b)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  guint n_platforms = b->result->platforms->len;
  guint shown;

  set_titles (b, _("What each measure contributes"));
  for (guint i = 0; i < n_platforms; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (b->result->platforms, i);

      sc_chart_model_add_series (b->model, platform_name (b, p->platform), platform_color (b, p->platform));
    }
  for (guint i = 0; i < b->result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (b->result->measures, i);
      Row row = { mr, mr->totals[SC_AMOUNT_TOTAL_VALUE] };

      if (row.value != 0 && isfinite (row.value))
        g_array_append_val (rows, row);
    }
  /* Stable: equal values keep catalog order. */
  g_array_sort (rows, row_compare);

  shown = rows->len > SC_CHART_MEASURES_MAX_ROWS ? SC_CHART_MEASURES_MAX_ROWS - 1 : rows->len;
  for (guint r = 0; r < shown; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      guint p = platform_color (b, row->mr->program->platform);
      gboolean assumed = (row->mr->basis & SC_BASIS_ASSUMED) != 0
                         || row->mr->totals[SC_AMOUNT_TRAFFIC_VALUE] != 0
                         || row->mr->totals[SC_AMOUNT_CASH_FLOW] != 0;

      sc_chart_model_add_category (b->model, sc_text_get (&row->mr->measure->title, b->lang));
      for (guint s = 0; s < n_platforms; s++)
        {
          sc_chart_series_set (g_ptr_array_index (b->model->series, s), r,
                               s == p ? row->value : 0, s == p && assumed, NULL);
          sc_chart_series_set_up_to (g_ptr_array_index (b->model->series, s), r, s == p && row->mr->up_to);
        }
    }
  if (shown < rows->len)
    {
      guint rest = rows->len - shown;
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other measure", "%u other measures", rest), rest);

      sc_chart_model_add_category (b->model, label);
      for (guint s = 0; s < n_platforms; s++)
        sc_chart_series_set (g_ptr_array_index (b->model->series, s), shown, 0, FALSE, NULL);
      for (guint r = shown; r < rows->len; r++)
        {
          const Row *row = &g_array_index (rows, Row, r);
          guint p = platform_color (b, row->mr->program->platform);
          ScChartSeries *series = g_ptr_array_index (b->model->series, MIN (p, n_platforms - 1));

          sc_chart_series_set (series, shown, sc_chart_series_get (series, shown) + row->value,
                               sc_chart_series_is_assumed (series, shown) || (row->mr->basis & SC_BASIS_ASSUMED), NULL);
          if (row->mr->up_to)
            sc_chart_series_set_up_to (series, shown, TRUE);
        }
    }

  /* Platforms with no measure shown stay out of the legend. */
  for (guint s = b->model->series->len; s-- > 0;)
    {
      ScChartSeries *series = g_ptr_array_index (b->model->series, s);
      gboolean any = FALSE;

      for (guint i = 0; i < series->values->len && !any; i++)
        any = sc_chart_series_get (series, i) != 0;
      if (!any)
        g_ptr_array_remove_index (b->model->series, s);
    }
}

static void
build_cumulative (Build *b)
{
  guint n = b->result->horizon_months;

  set_titles (b, _("Cumulative value by month"));
  for (guint m = 0; m < n; m++)
    {
      ScDay end = sc_day_add_months (b->result->as_of, (int) m);
      int y, mo, d;
      g_autofree char *label = NULL;

      sc_day_to_ymd (end, &y, &mo, &d);
      label = g_strdup_printf ("%04d-%02d", y, mo);
      sc_chart_model_add_category (b->model, label);
    }
  for (guint i = 0; i < b->result->platforms->len; i++)
    {
      const ScPlatformResult *p = g_ptr_array_index (b->result->platforms, i);
      ScChartSeries *series = sc_chart_model_add_series (b->model, platform_name (b, p->platform), platform_color (b, p->platform));
      gboolean assumed = (p->basis & SC_BASIS_ASSUMED) != 0 || p->totals[SC_AMOUNT_TRAFFIC_VALUE] != 0;
      double sum = 0;

      for (guint m = 0; m < n; m++)
        {
          sum += sc_result_month_value (p->monthly, p->n_months, m, SC_AMOUNT_TOTAL_VALUE);
          sc_chart_series_set (series, m, sum, assumed && sum != 0, NULL);
          sc_chart_series_set_up_to (series, m, p->up_to && sum != 0);
        }
    }
}

static void
build_sensitivity (Build *b)
{
  const ScSweep *sweep = b->sweep;
  double gmv = b->profile != NULL ? sc_profile_get_number (b->profile, SC_FIELD_MONTHLY_GMV, NAN) : NAN;

  set_titles (b, _("Total value against monthly GMV"));
  b->model->x_axis = g_strdup (_("Monthly GMV (yuan)"));
  b->model->x_is_money = TRUE;
  if (!isfinite (gmv) || gmv <= 0 || b->catalog == NULL || b->profile == NULL)
    {
      b->model->empty_message = g_strdup (_("Enter the monthly GMV to see how the value changes with it"));
      return;
    }
  if (sweep == NULL)
    return;
  {
    g_autofree char *number = sc_chart_format_number (gmv, b->model->lang, 3);

    b->model->marker_x = gmv;
    /* Translators: marks the profile's own monthly GMV on the sensitivity chart */
    b->model->marker_label = g_strdup_printf (_("Your GMV %s"), number);
  }
  for (guint i = 0; i < sweep->n_points; i++)
    g_array_append_val (b->model->x_values, sweep->points[i]);
  for (guint p = 0; p < sweep->n_platforms; p++)
    {
      ScChartSeries *series = sc_chart_model_add_series (b->model, platform_name (b, sweep->platforms[p]),
                                                         platform_color (b, sweep->platforms[p]));
      const ScPlatformResult *pr = sc_result_find_platform (b->result, sweep->platforms[p]);
      gboolean assumed = pr == NULL || (pr->basis & SC_BASIS_ASSUMED) != 0 || pr->totals[SC_AMOUNT_TRAFFIC_VALUE] != 0;

      for (guint i = 0; i < sweep->n_points; i++)
        {
          double v = sc_sweep_get (sweep, p, i);

          sc_chart_series_set (series, i, v, assumed && v != 0, NULL);
        }
    }
  {
    g_autoptr(GArray) crossovers = sc_sweep_crossovers (sweep);

    for (guint k = 0; k < crossovers->len; k++)
      {
        const ScSweepCrossover *x = &g_array_index (crossovers, ScSweepCrossover, k);

        sc_chart_model_add_crossover (b->model, x->at, x->score);
      }
  }
}

/* The frame of the drivers chart; its rows come from the range analysis
 * (sc_chart_model_from_ranges() in sc-chart-drivers.c), which a result
 * alone does not hold. */
static void
build_drivers (Build *b)
{
  set_titles (b, _("What could change the lead"));
  b->model->empty_message = g_strdup (_("The assumptions' ranges are not worked out for this estimate"));
}

static double
day_to_year (ScDay day)
{
  int y, m, d;
  GDate date;
  double days_in_year;

  sc_day_to_ymd (day, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  days_in_year = g_date_is_leap_year ((GDateYear) y) ? 366 : 365;
  return y + (g_date_get_day_of_year (&date) - 1) / days_in_year;
}

static void
build_timeline (Build *b)
{
  GPtrArray *programs = b->catalog != NULL ? sc_catalog_get_programs (b->catalog) : NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  double x_min = G_MAXDOUBLE, x_max = -G_MAXDOUBLE, as_of = day_to_year (b->result->as_of);

  set_titles (b, _("Support programs by platform"));
  if (programs == NULL)
    return;

  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);

      if (program->window.start == SC_DAY_NONE)
        continue;
      x_min = MIN (x_min, day_to_year (program->window.start));
      if (program->window.end != SC_DAY_NONE)
        x_max = MAX (x_max, day_to_year (program->window.end));
    }
  if (x_min == G_MAXDOUBLE)
    return;
  x_min = floor (x_min);
  x_max = ceil (MAX (x_max, as_of + 0.05));
  b->model->x_min = x_min;
  b->model->x_max = x_max;
  b->model->marker_x = as_of;
  b->model->marker_label = g_strdup (_("As of"));

  for (guint i = 0; i < programs->len; i++)
    {
      const ScProgram *program = g_ptr_array_index (programs, i);
      ScChartSpanStatus status;
      ScChartSpan *span;
      guint row;
      double end;

      if (program->window.start == SC_DAY_NONE)
        continue;
      for (row = 0; row < rows->len; row++)
        if (g_str_equal (g_ptr_array_index (rows, row), program->platform))
          break;
      if (row == rows->len)
        {
          g_ptr_array_add (rows, program->platform);
          sc_chart_model_add_category (b->model, platform_name (b, program->platform));
        }
      switch (program->status)
        {
        case SC_STATUS_ANNOUNCED: status = SC_CHART_SPAN_ANNOUNCED; break;
        case SC_STATUS_EXPECTED: status = SC_CHART_SPAN_EXPECTED; break;
        case SC_STATUS_COMMENT_PERIOD: status = SC_CHART_SPAN_COMMENT_PERIOD; break;
        case SC_STATUS_EXPIRED: status = SC_CHART_SPAN_EXPIRED; break;
        case SC_STATUS_IN_FORCE:
        default: status = SC_CHART_SPAN_IN_FORCE; break;
        }
      end = program->window.end != SC_DAY_NONE ? day_to_year (program->window.end) : x_max;
      span = sc_chart_model_add_span (b->model, row, sc_text_get (&program->name, b->lang),
                                      day_to_year (program->window.start), end, status);
      span->open_end = program->window.end == SC_DAY_NONE;
    }
}

ScChartModel *
sc_chart_model_from_result (ScChartKind      kind,
                            ScCatalog       *catalog,
                            const ScProfile *profile,
                            const ScResult  *result,
                            const ScSweep   *sweep,
                            const char      *lang)
{
  Build b = { 0 };

  g_return_val_if_fail (kind < SC_CHART_N_KINDS, NULL);
  g_return_val_if_fail (result != NULL, NULL);

  b.kind = kind;
  b.catalog = catalog;
  b.profile = profile;
  b.result = result;
  b.sweep = sweep;
  b.lang = lang != NULL ? lang : (result->lang != NULL ? result->lang : "en");
  b.model = sc_chart_model_new (kind);
  sc_chart_model_set_lang (b.model, b.lang);
  b.model->value_axis = g_strdup (kind == SC_CHART_TIMELINE ? NULL : _("yuan"));

  switch (kind)
    {
    case SC_CHART_OVERVIEW: build_overview (&b); break;
    case SC_CHART_FEES: build_fees (&b); break;
    case SC_CHART_SUBSIDIES: build_subsidies (&b); break;
    case SC_CHART_TRAFFIC: build_traffic (&b); break;
    case SC_CHART_MEASURES: build_measures (&b); break;
    case SC_CHART_CUMULATIVE: build_cumulative (&b); break;
    case SC_CHART_SENSITIVITY: build_sensitivity (&b); break;
    case SC_CHART_TIMELINE: build_timeline (&b); break;
    case SC_CHART_DRIVERS: build_drivers (&b); break;
    case SC_CHART_SCENARIOS: build_scenarios (&b); break;
    case SC_CHART_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  add_footnote (&b, kind == SC_CHART_TIMELINE);
  if (kind == SC_CHART_OVERVIEW)
    add_tied_note (&b);
  if (sc_chart_model_any_up_to (b.model))
    /* TRANSLATORS: chart footnote explaining the "≤" before some values */
    sc_chart_model_add_footnote (b.model, _("≤ up to: a maximum the program promises (至高); the amount may be less"));
  if (kind != SC_CHART_TIMELINE)
    {
      add_expected_note (&b);
      add_assumptions (&b);
    }
  return b.model;
}

ScChartModel *
sc_chart_model_from_document (ScDocument  *document,
                              ScChartKind  kind,
                              ScLang       lang)
{
  const ScResult *result;
  const ScSweep *sweep;
  const ScRangeAnalysis *ranges;
  ScI18nSwitch *sw;
  ScChartModel *model;

  g_return_val_if_fail (SC_IS_DOCUMENT (document), NULL);

  result = sc_document_get_result (document);
  /* Before the switch: a window's sweep runs on a worker thread, which
   * must not be translating while the language changes. */
  sweep = kind == SC_CHART_SENSITIVITY ? sc_document_get_sweep (document) : NULL;
  ranges = kind == SC_CHART_DRIVERS ? sc_document_get_ranges (document) : NULL;
  /* Built-in words come from gettext: answer in @lang for this model. */
  sw = sc_i18n_switch_begin (lang);
  if (kind == SC_CHART_DRIVERS)
    model = sc_chart_model_drivers (sc_document_get_catalog (document), sc_document_get_profile (document),
                                    result, ranges, sc_lang_to_code (lang));
  else
    model = sc_chart_model_from_result (kind, sc_document_get_catalog (document),
                                        sc_document_get_profile (document), result, sweep,
                                        sc_lang_to_code (lang));
  sc_i18n_switch_end (sw);
  return model;
}
