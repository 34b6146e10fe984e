/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-scenarios.h"

#include "sc-chart-from-result.h"

#include <glib/gi18n.h>

ScChartModel *
sc_chart_model_from_scenarios (ScCatalog              *catalog,
                               const ScProfile *const *profiles,
                               const ScResult  *const *results,
                               guint                   n,
                               const char             *lang)
{
  ScChartModel *model;
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (n >= 1 && profiles != NULL && results != NULL, NULL);

  /* The first scenario gives the categories, titles and notes. */
  model = sc_chart_model_from_result (SC_CHART_SCENARIOS, catalog, profiles[0], results[0], NULL, lang);
  g_string_append (names, sc_profile_get_name (profiles[0], model->lang));
  for (guint s = 1; s < n; s++)
    {
      const char *name = sc_profile_get_name (profiles[s], model->lang);
      g_autofree char *fallback = g_strdup_printf (_("Scenario %c"), 'A' + (int) MIN (s, 25));
      ScChartSeries *series = sc_chart_model_add_series (model, *name != '\0' ? name : fallback, s);

      /* Translators: between the names of scenarios in a chart subtitle */
      g_string_append (names, _(" vs "));
      g_string_append (names, *name != '\0' ? name : fallback);
      for (guint i = 0; i < results[0]->platforms->len; i++)
        {
          const ScPlatformResult *p0 = g_ptr_array_index (results[0]->platforms, i);
          const ScPlatformResult *p = sc_result_find_platform (results[s], p0->platform);
          double value = p != NULL ? p->totals[SC_AMOUNT_TOTAL_VALUE] : 0;

          sc_chart_series_set (series, i, value, p != NULL && (p->basis & SC_BASIS_ASSUMED) != 0, NULL);
          sc_chart_series_set_up_to (series, i, p != NULL && p->up_to);
        }
    }
  if (n > 1)
    {
      g_autofree char *title = g_strdup (model->title);

      sc_chart_model_set_title (model, title, names->str);
    }
  return model;
}

ScChartModel *
sc_chart_model_from_documents (ScDocument *const *documents,
                               guint              n,
                               ScLang             lang)
{
  g_autofree const ScProfile **profiles = g_new0 (const ScProfile *, n);
  g_autofree const ScResult **results = g_new0 (const ScResult *, n);
  ScI18nSwitch *sw;
  ScChartModel *model;

  g_return_val_if_fail (n >= 1, NULL);

  for (guint s = 0; s < n; s++)
    {
      results[s] = sc_document_get_result (documents[s]);
      profiles[s] = sc_document_get_profile (documents[s]);
    }
  sw = sc_i18n_switch_begin (lang);
  model = sc_chart_model_from_scenarios (sc_document_get_catalog (documents[0]), profiles, results, n,
                                         sc_lang_to_code (lang));
  sc_i18n_switch_end (sw);
  return model;
}
