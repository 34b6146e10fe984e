/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-model.h"

#include <math.h>

static void
sc_chart_series_free (ScChartSeries *series)
{
  g_free (series->name);
  g_array_unref (series->values);
  g_array_unref (series->assumed);
  g_ptr_array_unref (series->labels);
  g_array_unref (series->up_to);
  g_free (series);
}

static void
sc_chart_span_free (ScChartSpan *span)
{
  g_free (span->label);
  g_free (span);
}

ScChartModel *
sc_chart_model_new (ScChartKind kind)
{
  ScChartModel *model;

  g_return_val_if_fail (kind < SC_CHART_N_KINDS, NULL);

  model = g_new0 (ScChartModel, 1);
  model->kind = kind;
  model->style = sc_chart_kind_style (kind);
  model->stacked = sc_chart_kind_stacked (kind);
  model->lang = g_strdup ("en");
  model->categories = g_ptr_array_new_with_free_func (g_free);
  model->x_values = g_array_new (FALSE, TRUE, sizeof (double));
  model->series = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_series_free);
  model->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_chart_span_free);
  model->footnotes = g_ptr_array_new_with_free_func (g_free);
  model->assumptions = g_ptr_array_new_with_free_func (g_free);
  model->marker_x = NAN;
  model->crossovers = g_array_new (FALSE, FALSE, sizeof (ScChartCrossover));
  model->show_footnote = TRUE;
  return model;
}

void
sc_chart_model_free (ScChartModel *model)
{
  if (model == NULL)
    return;
  g_free (model->lang);
  g_free (model->title);
  g_free (model->subtitle);
  g_free (model->value_axis);
  g_free (model->x_axis);
  g_free (model->empty_message);
  g_ptr_array_unref (model->categories);
  g_array_unref (model->x_values);
  g_ptr_array_unref (model->series);
  g_ptr_array_unref (model->spans);
  g_free (model->marker_label);
  g_free (model->zero_label);
  g_array_unref (model->crossovers);
  g_ptr_array_unref (model->footnotes);
  g_ptr_array_unref (model->assumptions);
  g_free (model->profile_name);
  g_free (model->data_revision);
  g_free (model);
}

void
sc_chart_model_set_lang (ScChartModel *model,
                         const char   *lang)
{
  g_return_if_fail (model != NULL);
  g_free (model->lang);
  model->lang = g_strdup (lang != NULL && g_str_has_prefix (lang, "zh") ? "zh" : "en");
}

void
sc_chart_model_set_title (ScChartModel *model,
                          const char   *title,
                          const char   *subtitle)
{
  char *old_title, *old_subtitle;

  g_return_if_fail (model != NULL);
  /* Copy first: a caller may hand back the model's own strings. */
  old_title = model->title;
  old_subtitle = model->subtitle;
  model->title = g_strdup (title);
  model->subtitle = g_strdup (subtitle);
  g_free (old_title);
  g_free (old_subtitle);
}

void
sc_chart_model_add_category (ScChartModel *model,
                             const char   *label)
{
  g_return_if_fail (model != NULL);
  g_ptr_array_add (model->categories, g_strdup (label != NULL ? label : ""));
}

ScChartSeries *
sc_chart_model_add_series (ScChartModel *model,
                           const char   *name,
                           guint         color)
{
  ScChartSeries *series;
  guint n;

  g_return_val_if_fail (model != NULL, NULL);

  n = sc_chart_model_n_points (model);
  series = g_new0 (ScChartSeries, 1);
  series->name = g_strdup (name != NULL ? name : "");
  series->color = color;
  series->values = g_array_new (FALSE, TRUE, sizeof (double));
  series->assumed = g_array_new (FALSE, TRUE, sizeof (gboolean));
  series->labels = g_ptr_array_new_with_free_func (g_free);
  series->up_to = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (series->values, n);
  g_array_set_size (series->up_to, n);
  g_array_set_size (series->assumed, n);
  g_ptr_array_set_size (series->labels, n);
  g_ptr_array_add (model->series, series);
  return series;
}

void
sc_chart_series_set (ScChartSeries *series,
                     guint          index,
                     double         value,
                     gboolean       assumed,
                     const char    *label)
{
  g_return_if_fail (series != NULL);

  if (index >= series->values->len)
    {
      g_array_set_size (series->values, index + 1);
      g_array_set_size (series->assumed, index + 1);
      g_ptr_array_set_size (series->labels, index + 1);
      g_array_set_size (series->up_to, index + 1);
    }
  g_array_index (series->values, double, index) = value;
  g_array_index (series->assumed, gboolean, index) = assumed;
  g_free (g_ptr_array_index (series->labels, index));
  g_ptr_array_index (series->labels, index) = g_strdup (label);
}

double
sc_chart_series_get (const ScChartSeries *series,
                     guint                index)
{
  g_return_val_if_fail (series != NULL, 0);
  if (index >= series->values->len)
    return 0;
  return g_array_index (series->values, double, index);
}

gboolean
sc_chart_series_is_assumed (const ScChartSeries *series,
                            guint                index)
{
  g_return_val_if_fail (series != NULL, FALSE);
  if (index >= series->assumed->len)
    return FALSE;
  return g_array_index (series->assumed, gboolean, index);
}

const char *
sc_chart_series_get_label (const ScChartSeries *series,
                           guint                index)
{
  g_return_val_if_fail (series != NULL, NULL);
  if (index >= series->labels->len)
    return NULL;
  return g_ptr_array_index (series->labels, index);
}

void
sc_chart_series_set_up_to (ScChartSeries *series,
                           guint          index,
                           gboolean       up_to)
{
  g_return_if_fail (series != NULL);
  if (index >= series->up_to->len)
    g_array_set_size (series->up_to, index + 1);
  g_array_index (series->up_to, gboolean, index) = up_to;
}

gboolean
sc_chart_series_is_up_to (const ScChartSeries *series,
                          guint                index)
{
  g_return_val_if_fail (series != NULL, FALSE);
  if (index >= series->up_to->len)
    return FALSE;
  return g_array_index (series->up_to, gboolean, index);
}

gboolean
sc_chart_series_any_assumed (const ScChartSeries *series)
{
  for (guint i = 0; i < series->assumed->len; i++)
    if (g_array_index (series->assumed, gboolean, i)
        && sc_chart_series_get (series, i) != 0)
      return TRUE;
  return FALSE;
}

ScChartSpan *
sc_chart_model_add_span (ScChartModel      *model,
                         guint              row,
                         const char        *label,
                         double             start,
                         double             end,
                         ScChartSpanStatus  status)
{
  ScChartSpan *span;

  g_return_val_if_fail (model != NULL, NULL);

  span = g_new0 (ScChartSpan, 1);
  span->row = row;
  span->label = g_strdup (label != NULL ? label : "");
  span->start = start;
  span->end = end;
  span->status = status;
  g_ptr_array_add (model->spans, span);
  return span;
}

void
sc_chart_model_add_crossover (ScChartModel *model,
                              double        x,
                              double        y)
{
  ScChartCrossover crossover = { x, y };

  g_return_if_fail (model != NULL);
  g_array_append_val (model->crossovers, crossover);
}

void
sc_chart_model_add_footnote (ScChartModel *model,
                             const char   *line)
{
  g_return_if_fail (model != NULL);
  if (line != NULL && *line != '\0')
    g_ptr_array_add (model->footnotes, g_strdup (line));
}

void
sc_chart_model_add_assumption (ScChartModel *model,
                               const char   *note)
{
  g_return_if_fail (model != NULL);
  if (note == NULL || *note == '\0')
    return;
  for (guint i = 0; i < model->assumptions->len; i++)
    if (g_str_equal (g_ptr_array_index (model->assumptions, i), note))
      return;
  g_ptr_array_add (model->assumptions, g_strdup (note));
}

guint
sc_chart_model_n_points (const ScChartModel *model)
{
  if (model->style == SC_CHART_STYLE_LINES && model->x_values->len > 0)
    return model->x_values->len;
  return model->categories->len;
}

gboolean
sc_chart_model_is_empty (const ScChartModel *model)
{
  guint n;

  g_return_val_if_fail (model != NULL, TRUE);

  if (model->style == SC_CHART_STYLE_GANTT)
    return model->spans->len == 0 || model->categories->len == 0;

  n = sc_chart_model_n_points (model);
  if (n == 0)
    return TRUE;
  for (guint s = 0; s < model->series->len; s++)
    {
      const ScChartSeries *series = g_ptr_array_index (model->series, s);

      for (guint i = 0; i < n; i++)
        {
          double v = sc_chart_series_get (series, i);

          if (isfinite (v) && v != 0)
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
sc_chart_model_any_up_to (const ScChartModel *model)
{
  g_return_val_if_fail (model != NULL, FALSE);
  for (guint s = 0; s < model->series->len; s++)
    {
      const ScChartSeries *series = g_ptr_array_index (model->series, s);

      for (guint i = 0; i < series->up_to->len; i++)
        if (g_array_index (series->up_to, gboolean, i) && sc_chart_series_get (series, i) != 0)
          return TRUE;
    }
  return FALSE;
}

gboolean
sc_chart_model_any_assumed (const ScChartModel *model)
{
  g_return_val_if_fail (model != NULL, FALSE);

  for (guint s = 0; s < model->series->len; s++)
    if (sc_chart_series_any_assumed (g_ptr_array_index (model->series, s)))
      return TRUE;
  for (guint i = 0; i < model->spans->len; i++)
    if (((const ScChartSpan *) g_ptr_array_index (model->spans, i))->assumed)
      return TRUE;
  return FALSE;
}
