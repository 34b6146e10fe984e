/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-drivers.h"

#include "sc-chart-format.h"
#include "sc-chart-from-result.h"
#include "sc-report.h"
#include "sc-text-width.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Palette entries of the two ends: light for the low, dark for the high,
 * apart in greyscale too. */
#define COLOR_LOW  5
#define COLOR_HIGH 0

static const char *
platform_name (ScCatalog  *catalog,
               const char *platform,
               const char *lang)
{
  const ScBaseline *baseline = catalog != NULL ? sc_catalog_find_baseline (catalog, platform) : NULL;

  if (baseline != NULL && (baseline->name.zh != NULL || baseline->name.en != NULL))
    return sc_text_get (&baseline->name, lang);
  return platform;
}

/* Columns (sc_text_width(): a Chinese character takes two) a row label may
 * take: about what two lines of the category column hold on a 16:9 chart.
 * Longer labels are cut short in their program's title, never in the
 * assumption or where the leading two tie. */
#define LABEL_COLUMNS 120
/* What is left of a title cut short, at least. */
#define TITLE_MIN_COLUMNS 30

/* The first characters of @text that take at most @columns, cut after a
 * word where one ends near there, then "…". (transfer full) */
static char *
cut_short (const char *text,
           gsize       columns)
{
  const char *end = text, *word_end = NULL;
  gsize used = 0;
  GString *out;

  while (*end != '\0')
    {
      char one[8] = { 0 };
      gsize w;

      g_unichar_to_utf8 (g_utf8_get_char (end), one);
      w = sc_text_width (one);
      if (used + w > columns)
        break;
      used += w;
      end = g_utf8_next_char (end);
      if (*end == ' ')
        word_end = end;
    }
  /* A Latin word cut in two reads worse than a shorter title. */
  if (word_end != NULL && end > text && g_ascii_isalnum (end[0]) && g_ascii_isalnum (end[-1]) && end - word_end <= 12)
    end = word_end;
  out = g_string_new_len (text, end - text);
  /* No punctuation or space before the "…". */
  while (out->len > 0)
    {
      const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);

      if (last == NULL || g_utf8_strchr (" ,;:、，；：（(", -1, g_utf8_get_char (last)) == NULL)
        break;
      g_string_truncate (out, last - out->str);
    }
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

/* "@label (tie at @value)", the tie kept on one line when the label wraps
 * (its spaces no-break). (transfer full) */
static char *
with_tie (const char *label,
          const char *value)
{
  /* TRANSLATORS: a row of the drivers chart: the assumption, then the
   * value at which the leading two tie ("… (tie at 2026-08-15)") */
  g_autofree char *whole = g_strdup_printf (_("%s (tie at %s)"), label, value);
  g_autofree char *bare = g_strdup_printf (_("%s (tie at %s)"), "", value);
  GString *out;
  const char *tie = bare;

  /* A translation that puts the label last is left as it is. */
  if (!g_str_has_suffix (whole, bare))
    return g_steal_pointer (&whole);
  out = g_string_new_len (whole, strlen (whole) - strlen (bare));
  /* Not the space between the label and the tie: there it may wrap. */
  for (; *tie == ' '; tie++)
    g_string_append_c (out, ' ');
  for (; *tie != '\0'; tie++)
    {
      if (*tie == ' ')
        g_string_append (out, "\u00a0");
      else
        g_string_append_c (out, *tie);
    }
  return g_string_free (out, FALSE);
}

/* The row of @d: "Program: what (tie at …)", the program's title cut short
 * when the whole is longer than LABEL_COLUMNS; *@cut says so. (transfer full) */
static char *
row_label (const ScRangeDriver *d,
           gboolean            *cut)
{
  g_autofree char *separator = g_strdup_printf (_("%s: %s"), "", "");
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *shorter = NULL;
  const char *what = NULL;
  gsize room;

  for (const char *at = strstr (d->label, separator); *separator != '\0' && at != NULL; at = strstr (at + 1, separator))
    what = at;
  label = d->flips && d->flip_text != NULL ? with_tie (d->label, d->flip_text) : g_strdup (d->label);
  if (sc_text_width (label) <= LABEL_COLUMNS || what == NULL || what == d->label)
    return g_steal_pointer (&label);

  /* Cut the program's title (before the last separator), keep the rest. */
  title = g_strndup (d->label, what - d->label);
  room = sc_text_width (label) - sc_text_width (title) + sc_text_width ("…");
  room = room + TITLE_MIN_COLUMNS <= LABEL_COLUMNS ? LABEL_COLUMNS - room : TITLE_MIN_COLUMNS;
  if (room >= sc_text_width (title))
    return g_steal_pointer (&label);
  shorter = cut_short (title, room);
  g_free (label);
  label = g_strconcat (shorter, what, NULL);
  *cut = TRUE;
  if (d->flips && d->flip_text != NULL)
    {
      g_autofree char *whole = g_steal_pointer (&label);

      label = with_tie (whole, d->flip_text);
    }
  return g_steal_pointer (&label);
}

static double
swing (const ScRangeDriver *driver)
{
  return fabs (driver->diff_high - driver->diff_low);
}

static int
by_swing (gconstpointer a,
          gconstpointer b)
{
  double sa = swing (*(const ScRangeDriver *const *) a);
  double sb = swing (*(const ScRangeDriver *const *) b);

  return (sa < sb) - (sa > sb);
}

/* Fills @model (titles and notes already set) with the rows of @analysis. */
static void
fill (ScChartModel          *model,
      const ScRangeAnalysis *analysis,
      ScCatalog             *catalog)
{
  const char *lang = model->lang;
  const char *leader, *runner_up;
  g_autoptr(GPtrArray) rows = NULL;
  ScChartSeries *low, *high;
  double central;
  guint shown;
  gboolean cut = FALSE;

  if (analysis == NULL)
    return;
  if (analysis->runner_up >= analysis->n_platforms || analysis->leader >= analysis->n_platforms)
    {
      g_free (model->empty_message);
      model->empty_message = g_strdup (_("Fewer than two platforms: there is no lead to change"));
      return;
    }
  leader = platform_name (catalog, analysis->platforms[analysis->leader], lang);
  runner_up = platform_name (catalog, analysis->platforms[analysis->runner_up], lang);
  central = analysis->central[analysis->leader] - analysis->central[analysis->runner_up];
  if (analysis->drivers == NULL || analysis->drivers->len == 0)
    {
      g_free (model->empty_message);
      /* TRANSLATORS: the drivers chart with nothing to draw; %s are two platforms */
      model->empty_message = g_strdup_printf (_("No assumption with a range moves the difference between %s and %s"),
                                              leader, runner_up);
      return;
    }

  /* Largest swing first (the analysis sorts them so; a stable sort keeps
   * its order of equal swings). */
  rows = g_ptr_array_copy (analysis->drivers, NULL, NULL);
  /* The copy takes the analysis' free function too: these rows are only
   * borrowed. */
  g_ptr_array_set_free_func (rows, NULL);
  g_ptr_array_sort (rows, by_swing);
  shown = MIN (rows->len, SC_CHART_DRIVERS_MAX_ROWS);

  g_free (model->empty_message);
  model->empty_message = NULL;
  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *label = row_label (g_ptr_array_index (rows, i), &cut);

      sc_chart_model_add_category (model, label);
    }
  /* TRANSLATORS: legend of the drivers chart: the bar with the assumption at the low end of its range */
  low = sc_chart_model_add_series (model, _("Assumption at its low"), COLOR_LOW);
  /* TRANSLATORS: legend of the drivers chart: the bar with the assumption at the high end of its range */
  high = sc_chart_model_add_series (model, _("Assumption at its high"), COLOR_HIGH);
  for (guint i = 0; i < shown; i++)
    {
      const ScRangeDriver *d = g_ptr_array_index (rows, i);

      sc_chart_series_set (low, i, d->diff_low, FALSE, d->low_text);
      sc_chart_series_set (high, i, d->diff_high, FALSE, d->high_text);
    }

  model->bar_origin = central;
  model->marker_x = central;
  {
    g_autofree char *number = sc_chart_format_number (fabs (central), lang, 3);

    g_free (model->marker_label);
    /* TRANSLATORS: names the drivers chart's line at the central values:
     * "Kuaishou ahead by ¥3,650 (central)" */
    model->marker_label = g_strdup_printf (_("%s ahead by ¥%s (central)"), central >= 0 ? leader : runner_up, number);
  }
  g_free (model->zero_label);
  /* TRANSLATORS: names the line where the two platforms' values are equal */
  model->zero_label = g_strdup (_("tie"));
  g_free (model->x_axis);
  /* TRANSLATORS: the drivers chart's axis: the runner-up ahead to the left,
   * the leader to the right: "← Douyin ahead · difference in yuan · Kuaishou ahead →" */
  model->x_axis = g_strdup_printf (_("← %s ahead · difference in yuan · %s ahead →"), runner_up, leader);
  g_clear_pointer (&model->value_axis, g_free);

  if (analysis->robust)
    {
      /* TRANSLATORS: drivers chart footnote */
      g_autofree char *line = g_strdup_printf (_("%s stays ahead under every assumption in range"), leader);

      sc_chart_model_add_footnote (model, line);
    }
  else
    sc_chart_model_add_footnote (model, _("A bar that crosses the tie line can change which platform leads"));
  if (rows->len > shown)
    {
      g_autofree char *line =
        /* TRANSLATORS: drivers chart footnote */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u assumption with a smaller swing is not shown",
                                      "%u assumptions with a smaller swing are not shown", rows->len - shown),
                         rows->len - shown);

      sc_chart_model_add_footnote (model, line);
    }
  if (cut)
    /* TRANSLATORS: drivers chart footnote: row labels whose program title was cut short */
    sc_chart_model_add_footnote (model, _("Program titles cut short with “…” are given in full in the report"));
}

ScChartModel *
sc_chart_model_new_drivers (const ScRangeAnalysis *analysis,
                            ScCatalog             *catalog,
                            const char            *lang)
{
  ScChartModel *model = sc_chart_model_new (SC_CHART_DRIVERS);

  sc_chart_model_set_lang (model, lang != NULL ? lang : analysis != NULL ? analysis->lang : NULL);
  sc_chart_model_set_title (model, _("What could change the lead"), NULL);
  model->empty_message = g_strdup (_("The assumptions' ranges are not worked out for this estimate"));
  fill (model, analysis, catalog);
  return model;
}

ScChartModel *
sc_chart_model_from_ranges (ScCatalog             *catalog,
                            const ScProfile       *profile,
                            const ScResult        *result,
                            const ScRangeAnalysis *analysis,
                            const char            *lang)
{
  ScChartModel *model;

  g_return_val_if_fail (result != NULL, NULL);

  model = sc_chart_model_from_result (SC_CHART_DRIVERS, catalog, profile, result, NULL, lang);
  fill (model, analysis, catalog);
  return model;
}

ScChartModel *
sc_chart_model_drivers (ScCatalog             *catalog,
                        const ScProfile       *profile,
                        const ScResult        *result,
                        const ScRangeAnalysis *cached,
                        const char            *lang)
{
  g_autoptr(ScRangeAnalysis) own = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  if (lang == NULL)
    lang = result->lang;
  /* @cached in another language, or of an older result, is worked out again. */
  if (profile != NULL)
    cached = sc_report_resolve_ranges (catalog, profile, result, cached, lang, &own);
  return sc_chart_model_from_ranges (catalog, profile, result, cached, lang);
}
