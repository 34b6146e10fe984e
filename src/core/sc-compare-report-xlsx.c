/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The comparison of two scenarios as a workbook (sc-compare-report.h). */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-compare-report-private.h"

#include "sc-xlsx.h"

#include <glib/gi18n-lib.h>

static const char *
platform_name (const ScCompare *c,
               const char      *id)
{
  for (guint i = 0; i < c->platforms->len; i++)
    {
      const ScComparePlatform *p = g_ptr_array_index (c->platforms, i);

      if (g_str_equal (p->platform, id))
        return p->name;
    }
  return id;
}

static void
xlsx_scenarios (ScXlsxBook      *b,
                const ScCompare *c)
{
  /* Translators: columns of the comparison spreadsheet's list of the two scenarios */
  const char *scenario_heads[] = { _("Scenario"), _("Profile"), _("Evaluation date"), _("Horizon (months)"), _("File") };
  const char *letters[] = { "A", "B", _("B − A") };
  const guint head_row = 5;
  const guint n_cols = 1 + SC_COMPARE_N_ROWS * G_N_ELEMENTS (letters);
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  ScXlsxSheet s;

  /* Translators: the first sheet of the comparison spreadsheet */
  sc_xlsx_sheet_open (&s, b, _("Scenarios"));
  if (s.ws == NULL)
    return;
  /* The title and the note may overflow their cells. */
  sc_xlsx_put_text (&s, 0, 0, _("Shangce: two scenarios side by side"), b->title);
  sc_xlsx_put_text (&s, 4, 0, _("Money in yuan over the horizon. Money kept: lower fees, cash, faster settlement; "
                                "tied to the platform: ad credit, coupons, traffic."), NULL);
  s.widths[0] = 0;
  for (guint h = 0; h < G_N_ELEMENTS (scenario_heads); h++)
    sc_xlsx_put_text (&s, 1, h, scenario_heads[h], b->head);
  for (guint i = 0; i < SC_COMPARE_N; i++)
    {
      sc_xlsx_put_text (&s, 2 + i, 0, letters[i], NULL);
      sc_xlsx_put_text (&s, 2 + i, 1, c->names[i], NULL);
      sc_xlsx_put_date (&s, 2 + i, 2, c->as_of[i]);
      sc_xlsx_put_plain (&s, 2 + i, 3, c->horizon_months[i]);
      sc_xlsx_put_text (&s, 2 + i, 4, c->files[i], NULL);
    }

  g_ptr_array_add (heads, g_strdup (_("Platform")));
  for (guint r = 0; r < SC_COMPARE_N_ROWS; r++)
    for (guint l = 0; l < G_N_ELEMENTS (letters); l++)
      /* Translators: a column of the comparison spreadsheet: an amount (first %s)
       * in scenario A, in B, or the difference B − A (second %s) */
      g_ptr_array_add (heads, g_strdup_printf (_("%s (%s)"), _(sc_compare_rows[r].label), letters[l]));
  g_assert (heads->len == n_cols);
  sc_xlsx_put_header (&s, head_row, (const char *const *) heads->pdata, heads->len);
  for (guint i = 0; i < c->platforms->len; i++)
    {
      const ScComparePlatform *p = g_ptr_array_index (c->platforms, i);
      guint row = head_row + 1 + i;

      sc_xlsx_put_text (&s, row, 0, p->name, NULL);
      for (guint r = 0; r < SC_COMPARE_N_ROWS; r++)
        {
          const double *v = sc_compare_row_values (p, &sc_compare_rows[r]);
          guint col = 1 + r * G_N_ELEMENTS (letters);

          sc_xlsx_put_number (&s, row, col, v[0], FALSE);
          sc_xlsx_put_number (&s, row, col + 1, v[1], FALSE);
          sc_xlsx_put_number (&s, row, col + 2, sc_compare_diff (v), FALSE);
        }
    }
  if (c->platforms->len > 0)
    {
      const guint totals[] = { 1, 2 };   /* Total value (A), (B) */
      const ScXlsxChart chart = {
        .type = LXW_CHART_COLUMN, .head_row = head_row, .first_row = head_row + 1,
        .last_row = head_row + c->platforms->len, .category_col = 0,
        .cols = totals, .n_cols = G_N_ELEMENTS (totals),
        /* Translators: the title of the comparison spreadsheet's chart */
        .title = _("Total value in each scenario"),
        .axis = _("Yuan over the horizon"),
        .at_row = head_row + c->platforms->len + 2, .at_col = 0,
      };

      sc_xlsx_add_chart (&s, &chart);
    }
  sc_xlsx_sheet_close (&s);
}

static void
xlsx_changes (ScXlsxBook      *b,
              const ScCompare *c)
{
  /* Translators: columns of the comparison spreadsheet's measures that change status */
  const char *heads[] = { _("Platform"), _("Program"), _("Measure"), _("Status in A"), _("Status in B") };
  ScXlsxSheet s;

  /* Translators: the second sheet of the comparison spreadsheet */
  sc_xlsx_sheet_open (&s, b, _("Changed measures"));
  if (s.ws == NULL)
    return;
  sc_xlsx_put_header (&s, 0, heads, G_N_ELEMENTS (heads));
  for (guint i = 0; i < c->changes->len; i++)
    {
      const ScCompareChange *ch = g_ptr_array_index (c->changes, i);

      sc_xlsx_put_text (&s, i + 1, 0, platform_name (c, ch->platform), NULL);
      sc_xlsx_put_text (&s, i + 1, 1, ch->program_name, NULL);
      sc_xlsx_put_text (&s, i + 1, 2, ch->measure_name, NULL);
      sc_xlsx_put_text (&s, i + 1, 3, sc_measure_status_label (ch->status[0]), NULL);
      sc_xlsx_put_text (&s, i + 1, 4, sc_measure_status_label (ch->status[1]), NULL);
    }
  sc_xlsx_sheet_close (&s);
}

gboolean
sc_compare_report_write_xlsx (const ScCompare  *compare,
                              const char       *path,
                              GError          **error)
{
  g_autofree char *title = NULL;
  ScXlsxBook b;

  g_return_val_if_fail (compare != NULL && path != NULL, FALSE);

  title = g_strdup_printf ("%s — %s / %s", _("Shangce: two scenarios side by side"), compare->names[0],
                           compare->names[1]);
  if (!sc_xlsx_book_open (&b, compare->lang, title, error))
    return FALSE;
  xlsx_scenarios (&b, compare);
  xlsx_changes (&b, compare);
  return sc_xlsx_book_close (&b, path, error);
}
