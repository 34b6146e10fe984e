/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-result.h"

#include "sc-compare.h"
#include "sc-engine-private.h"
#include "sc-format.h"

#include <math.h>
#include <string.h>

/* --- names ---------------------------------------------------------------- */

static const char *const amount_names[SC_N_AMOUNTS] = {
  "fee-gross", "fee-reduction", "fee-net", "cash", "ad-credit", "coupon",
  "traffic-units", "traffic-exposures", "traffic-value", "cash-flow", "total-value",
};

static const char *const amount_labels[SC_N_AMOUNTS] = {
  N_("Fees before programs"), N_("Fee reduction"), N_("Fees after programs"), N_("Cash"),
  N_("Ad credit"), N_("Coupons"), N_("Traffic units"), N_("Exposures"), N_("Traffic value"),
  N_("Cash-flow value"), N_("Total value"),
};

static const char *const status_names[] = {
  "eligible", "not-eligible", "needs-info", "not-quantified",
};

static const char *const status_labels[] = {
  N_("Eligible"), N_("Not eligible"), N_("Needs information"), N_("Not quantified"),
};

const char *
sc_traffic_unit_label (const char *unit)
{
  if (g_strcmp0 (unit, "exposure") == 0)
    /* Translators: a count of traffic, "28,000 exposures" */
    return _("exposures");
  if (g_strcmp0 (unit, "traffic-coupon") == 0)
    /* Translators: a count of traffic, "4,600 traffic coupons" (流量券) */
    return _("traffic coupons");
  if (g_strcmp0 (unit, "traffic-unit") == 0)
    /* Translators: a count of traffic whose unit the source does not give, "28,000 units of traffic" (流量) */
    return _("units of traffic");
  return unit != NULL ? unit : "";
}

const char *
sc_amount_to_string (ScAmount amount)
{
  g_return_val_if_fail ((guint) amount < SC_N_AMOUNTS, NULL);
  return amount_names[amount];
}

gboolean
sc_amount_from_string (const char *name,
                       ScAmount   *out)
{
  for (guint i = 0; i < SC_N_AMOUNTS; i++)
    if (g_strcmp0 (amount_names[i], name) == 0)
      {
        if (out)
          *out = (ScAmount) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sc_amount_label (ScAmount amount)
{
  g_return_val_if_fail ((guint) amount < SC_N_AMOUNTS, NULL);
  return _(amount_labels[amount]);
}

const char *
sc_measure_status_to_string (ScMeasureStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

const char *
sc_measure_status_label (ScMeasureStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_labels), NULL);
  return _(status_labels[status]);
}

void
sc_result_free (ScResult *result)
{
  ResultPriv *rp = (ResultPriv *) result;

  if (result == NULL)
    return;
  g_free (result->lang);
  g_strfreev (result->disabled);
  g_ptr_array_unref (result->measures);
  g_ptr_array_unref (result->programs);
  g_ptr_array_unref (result->platforms);
  g_ptr_array_unref (result->assumptions);
  g_ptr_array_unref (result->warnings);
  g_clear_pointer (&rp->used, g_ptr_array_unref);
  g_clear_pointer (&rp->used_programs, g_ptr_array_unref);
  for (guint i = 0; rp->raw != NULL && i < rp->n_raw; i++)
    if (rp->raw[i].raw_owned)
      {
        g_free (rp->raw[i].pub.monthly);
        g_free (rp->raw[i].fee_red);
      }
  g_free (rp->raw);
  g_free (rp->raw_start);
  if (rp->kept != NULL)
    {
      sc_ctx_clear (rp->kept);
      g_free (rp->kept);
    }
  g_free (rp->measures);
  g_free (rp->reasons);
  g_clear_pointer (&rp->texts, g_ptr_array_unref);
  g_free (rp->platforms);
  g_free (rp->series);
  g_free (rp);
}

const ScMeasureResult *
sc_result_find_measure (const ScResult *result,
                        const char     *program_id,
                        const char     *measure_id)
{
  g_return_val_if_fail (result != NULL, NULL);
  for (guint i = 0; i < result->measures->len; i++)
    {
      const ScMeasureResult *mr = g_ptr_array_index (result->measures, i);

      if (g_strcmp0 (mr->program->id, program_id) == 0 && g_strcmp0 (mr->measure->id, measure_id) == 0)
        return mr;
    }
  return NULL;
}

const ScProgramResult *
sc_result_find_program (const ScResult *result,
                        const char     *program_id)
{
  g_return_val_if_fail (result != NULL, NULL);
  for (guint i = 0; i < result->programs->len; i++)
    {
      const ScProgramResult *pr = g_ptr_array_index (result->programs, i);

      if (g_strcmp0 (pr->program->id, program_id) == 0)
        return pr;
    }
  return NULL;
}

const ScPlatformResult *
sc_result_find_platform (const ScResult *result,
                         const char     *platform)
{
  g_return_val_if_fail (result != NULL, NULL);
  for (guint i = 0; i < result->platforms->len; i++)
    {
      const ScPlatformResult *pr = g_ptr_array_index (result->platforms, i);

      if (g_strcmp0 (pr->platform, platform) == 0)
        return pr;
    }
  return NULL;
}

double
sc_result_month_value (const double *monthly,
                       guint         n_months,
                       guint         month,
                       ScAmount      amount)
{
  if (monthly == NULL || month >= n_months || (guint) amount >= SC_N_AMOUNTS)
    return 0;
  return monthly[month * SC_N_AMOUNTS + amount];
}

double
sc_result_platform_score (const ScResult         *result,
                          const ScPlatformResult *platform)
{
  g_return_val_if_fail (result != NULL, 0);
  g_return_val_if_fail (platform != NULL, 0);

  return sc_totals_kept (platform->totals) + result->locked_worth * sc_totals_tied (platform->totals);
}

/* Writes the reasons of @measure unless another thread just did. */
static void
write_reasons (ScMeasureResult *measure)
{
  GPtrArray *reasons;

  if (g_atomic_pointer_get (&measure->reasons_text) != NULL)
    return;
  reasons = sc_reasons_format (measure->reason_data, measure->n_reason_data,
                               measure->reasons_lang != NULL ? measure->reasons_lang : "en");
  /* Two threads may write them at once: the first to finish is kept. */
  if (!g_atomic_pointer_compare_and_exchange (&measure->reasons_text, NULL, reasons))
    g_ptr_array_unref (reasons);
}

GPtrArray *
sc_measure_result_get_reasons (const ScMeasureResult *measure)
{
  ScMeasureResult *m = (ScMeasureResult *) measure;
  const ResultPriv *owner = measure != NULL ? measure->reasons_owner : NULL;
  ScFormatCache tr, *saved_tr;
  ScI18nSwitch *sw = NULL;
  GPtrArray *reasons;

  g_return_val_if_fail (measure != NULL, NULL);
  reasons = g_atomic_pointer_get (&m->reasons_text);
  if (reasons != NULL)
    return reasons;

  /* Evaluated inside sc_i18n_switch_begin() (a report in the other
   * language): its messages again, for the time it takes. */
  if (measure->reasons_lang != NULL && sc_lang_detect () != measure->reasons_messages)
    sw = sc_i18n_switch_begin (measure->reasons_messages);
  saved_tr = sc_format_cache_get ();
  memset (&tr, 0, sizeof tr);
  sc_format_cache_set (&tr);
  if (owner != NULL)
    for (guint i = 0; i < owner->pub.measures->len; i++)
      write_reasons (g_ptr_array_index (owner->pub.measures, i));
  else
    write_reasons (m);
  sc_format_cache_set (saved_tr);
  sc_i18n_switch_end (sw);
  return g_atomic_pointer_get (&m->reasons_text);
}

GPtrArray *
sc_measure_result_dup_reasons (const ScMeasureResult *measure,
                               const char            *lang)
{
  g_return_val_if_fail (measure != NULL, NULL);
  return sc_reasons_format_in (measure->reason_data, measure->n_reason_data, lang, FALSE);
}

GPtrArray *
sc_result_dup_assumptions (const ScResult *result,
                           const char     *lang)
{
  g_return_val_if_fail (result != NULL, NULL);
  return sc_reasons_format_in (result->assumption_data, result->n_assumption_data, lang, TRUE);
}

GPtrArray *
sc_result_dup_warnings (const ScResult *result,
                        const char     *lang)
{
  g_return_val_if_fail (result != NULL, NULL);
  return sc_reasons_format_in (result->warning_data, result->n_warning_data, lang, TRUE);
}
