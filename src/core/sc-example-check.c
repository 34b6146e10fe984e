/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-example-check.h"

#include "sc-engine-private.h"
#include "sc-error.h"

#include <math.h>
#include <string.h>

gboolean
sc_engine_check_example (ScCatalog        *catalog,
                         const ScExample  *example,
                         GError          **error)
{
  g_autoptr(ScProfile) profile = sc_profile_new ();
  g_autoptr(ScResult) result = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  ScEngineOptions options = { .lang = "en" };
  const char *origin = example->origin ? example->origin : "example";

  g_return_val_if_fail (catalog != NULL && example != NULL, FALSE);

  if (example->horizon_months >= 1 && example->horizon_months <= SC_PROFILE_HORIZON_MAX)
    sc_profile_set_horizon (profile, example->horizon_months, NULL);
  if (!sc_profile_set_as_of (profile, example->as_of, NULL))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID, _("%s:%u: example “%s” has no as-of date"),
                   origin, example->line, example->id);
      return FALSE;
    }
  for (guint i = 0; example->settings != NULL && i < example->settings->len; i++)
    {
      const ScExampleSetting *s = &g_array_index (example->settings, ScExampleSetting, i);
      g_autoptr(GError) local = NULL;

      if (!sc_profile_set_from_string (profile, s->field, s->value, &local))
        g_string_append_printf (failures, "%s:%u: %s\n", origin, example->line, local->message);
    }

  result = sc_engine_evaluate (catalog, profile, &options);
  for (guint i = 0; example->expects != NULL && i < example->expects->len; i++)
    {
      const ScExampleExpect *e = g_ptr_array_index (example->expects, i);
      const ScMeasureResult *mr = NULL;
      const ScProgramResult *pr = NULL;
      const double *totals;
      ScAmount amount;
      char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE];

      if (e->measure_id != NULL)
        {
          mr = sc_result_find_measure (result, e->program_id, e->measure_id);
          if (mr == NULL)
            {
              g_string_append_printf (failures, _("%s:%u: %s / %s is not in the result (program disabled, superseded or missing)\n"),
                                      origin, e->line, e->program_id, e->measure_id);
              continue;
            }
        }
      else
        {
          pr = sc_result_find_program (result, e->program_id);
          if (pr == NULL)
            {
              g_string_append_printf (failures, _("%s:%u: program %s is not in the result\n"),
                                      origin, e->line, e->program_id);
              continue;
            }
        }

      if (e->status != NULL || g_strcmp0 (e->what, "status") == 0)
        {
          if (mr == NULL)
            {
              g_string_append_printf (failures, _("%s:%u: a status expectation needs a measure\n"), origin, e->line);
              continue;
            }
          if (g_strcmp0 (sc_measure_status_to_string (mr->status), e->status) != 0)
            {
              GPtrArray *reasons = sc_measure_result_get_reasons (mr);
              g_autoptr(GString) why = g_string_new (NULL);

              for (guint r = 0; r < reasons->len; r++)
                g_string_append_printf (why, "%s%s", r > 0 ? "; " : "", (const char *) g_ptr_array_index (reasons, r));
              g_string_append_printf (failures, _("%s:%u: %s / %s: expected status %s, got %s (%s)\n"),
                                      origin, e->line, e->program_id, e->measure_id, e->status,
                                      sc_measure_status_to_string (mr->status), why->str);
            }
          continue;
        }
      if (!sc_amount_from_string (e->what, &amount))
        {
          g_string_append_printf (failures, _("%s:%u: unknown result category “%s”\n"), origin, e->line,
                                  e->what ? e->what : "");
          continue;
        }
      /* An expected measure's value is in its expected totals. */
      totals = mr ? (mr->expected ? mr->expected_totals : mr->totals) : pr->totals;
      if (!(fabs (totals[amount] - e->value) <= e->tolerance + EPSILON))
        g_string_append_printf (failures, _("%s:%u: %s / %s %s: expected %s, got %s\n"),
                                origin, e->line, e->program_id, e->measure_id ? e->measure_id : _("(program)"),
                                e->what, sc_format_number (b1, sizeof b1, e->value), sc_format_number (b2, sizeof b2, totals[amount]));
    }

  if (failures->len > 0)
    {
      g_string_truncate (failures, failures->len - 1);
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID, failures->str);
      return FALSE;
    }
  return TRUE;
}
