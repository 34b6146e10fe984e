/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-compare-report-private.h"

#include "sc-format.h"
#include "sc-text-width.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

const char *
sc_compare_money (char   *buf,
                  gsize   size,
                  double  value)
{
  if (!isfinite (value))
    return g_strlcpy (buf, "-", size), buf;
  if (fabs (value) < 0.005)
    value = 0;
  g_ascii_formatd (buf, size, "%.2f", value);
  return buf;
}

/* The rows of each platform; labels translated where shown. */
const ScCompareRow sc_compare_rows[SC_COMPARE_N_ROWS] = {
  { N_("Total value"), G_STRUCT_OFFSET (ScComparePlatform, total) },
  { N_("Money kept"), G_STRUCT_OFFSET (ScComparePlatform, kept) },
  { N_("Tied to the platform"), G_STRUCT_OFFSET (ScComparePlatform, tied) },
  { N_("Expected, not in force"), G_STRUCT_OFFSET (ScComparePlatform, expected) },
};

/* --- text ------------------------------------------------------------------ */

static char *
grouped_money (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char out[G_ASCII_DTOSTR_BUF_SIZE * 2];

  sc_compare_money (buf, sizeof buf, value);
  return g_strdup (sc_format_group (out, sizeof out, buf));
}

static char *
signed_money (double value)
{
  g_autofree char *g = grouped_money (value);

  return fabs (value) >= 0.005 && value > 0 ? g_strconcat ("+", g, NULL) : g_steal_pointer (&g);
}

static void
pad_right (GString    *out,
           const char *text,
           gsize       width)
{
  gsize w = sc_text_width (text);

  for (; w < width; w++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

static void
pad_left (GString    *out,
          const char *text,
          gsize       width)
{
  gsize w = sc_text_width (text);

  g_string_append (out, text);
  for (; w < width; w++)
    g_string_append_c (out, ' ');
}

static void
text_report (GString         *out,
             const ScCompare *c)
{
  const char *heads[] = { "A", "B", _("B − A") };
  gsize label_w = 0, col_w = 14;
  const char *letters[] = { "A", "B" };

  g_string_append_printf (out, "%s\n", _("Shangce: two scenarios side by side"));
  for (guint s = 0; s < SC_COMPARE_N; s++)
    {
      char d1[16], d2[16];

      g_string_append_printf (out, "%s: %s", letters[s], c->names[s]);
      if (c->files[s] != NULL)
        g_string_append_printf (out, " (%s)", c->files[s]);
      g_string_append (out, " — ");
      g_string_append_printf (out, _("Evaluation date %s, horizon %u months (to %s)"),
                              sc_day_format (c->as_of[s], d1), c->horizon_months[s],
                              sc_day_format (sc_day_add_months (c->as_of[s], c->horizon_months[s]) - 1, d2));
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "%s\n", _("Money in yuan over the horizon. Money kept: lower fees, cash, faster settlement; "
                                         "tied to the platform: ad credit, coupons, traffic."));
  g_string_append_c (out, '\n');

  for (guint r = 0; r < SC_COMPARE_N_ROWS; r++)
    label_w = MAX (label_w, sc_text_width (_(sc_compare_rows[r].label)) + 2);
  for (guint i = 0; i < c->platforms->len; i++)
    {
      const ScComparePlatform *p = g_ptr_array_index (c->platforms, i);

      label_w = MAX (label_w, sc_text_width (p->name));
      for (guint r = 0; r < SC_COMPARE_N_ROWS; r++)
        {
          g_autofree char *v = grouped_money (MAX (fabs (sc_compare_row_values (p, &sc_compare_rows[r])[0]), fabs (sc_compare_row_values (p, &sc_compare_rows[r])[1])));

          col_w = MAX (col_w, sc_text_width (v) + 3);
        }
    }

  pad_left (out, _("Platform"), label_w);
  for (guint h = 0; h < G_N_ELEMENTS (heads); h++)
    pad_right (out, heads[h], col_w);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < c->platforms->len; i++)
    {
      const ScComparePlatform *p = g_ptr_array_index (c->platforms, i);

      g_string_append_printf (out, "%s\n", p->name);
      for (guint r = 0; r < SC_COMPARE_N_ROWS; r++)
        {
          const double *v = sc_compare_row_values (p, &sc_compare_rows[r]);
          g_autofree char *a = grouped_money (v[0]);
          g_autofree char *b = grouped_money (v[1]);
          g_autofree char *d = signed_money (sc_compare_diff (v));
          g_autofree char *label = g_strconcat ("  ", _(sc_compare_rows[r].label), NULL);

          if (r == SC_COMPARE_N_ROWS - 1 && fabs (v[0]) < 0.005 && fabs (v[1]) < 0.005)
            continue;   /* nothing expected in either */
          pad_left (out, label, label_w);
          pad_right (out, a, col_w);
          pad_right (out, b, col_w);
          pad_right (out, d, col_w);
          g_string_append_c (out, '\n');
        }
    }

  g_string_append_c (out, '\n');
  if (c->changes->len == 0)
    g_string_append_printf (out, "%s\n", _("No measure changes status between the two scenarios."));
  else
    {
      g_string_append_printf (out, "%s\n", _("Measures that change status (A → B):"));
      for (guint i = 0; i < c->changes->len; i++)
        {
          const ScCompareChange *ch = g_ptr_array_index (c->changes, i);

          g_string_append_printf (out, "  %s · %s: %s → %s\n", ch->program_name, ch->measure_name,
                                  sc_measure_status_label (ch->status[0]), sc_measure_status_label (ch->status[1]));
        }
    }
}

/* --- CSV ------------------------------------------------------------------ */

static void
csv_values (GString      *out,
            const double *values)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  sc_csv_append_cell (out, sc_compare_money (buf, sizeof buf, values[0]), FALSE);
  sc_csv_append_cell (out, sc_compare_money (buf, sizeof buf, values[1]), FALSE);
  sc_csv_append_cell (out, sc_compare_money (buf, sizeof buf, sc_compare_diff (values)), FALSE);
}

static void
csv_report (GString         *out,
            const ScCompare *c)
{
  static const char *const head[] = {
    "row", "platform", "program", "measure", "name",
    "total-a", "total-b", "total-diff", "kept-a", "kept-b", "kept-diff",
    "tied-a", "tied-b", "tied-diff", "expected-a", "expected-b", "expected-diff",
    "status-a", "status-b",
  };

  g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    sc_csv_append_cell (out, head[i], i + 1 == G_N_ELEMENTS (head));
  for (guint s = 0; s < SC_COMPARE_N; s++)
    {
      sc_csv_append_cell (out, s == 0 ? "scenario-a" : "scenario-b", FALSE);
      for (guint i = 0; i < 3; i++)
        sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, c->names[s], FALSE);
      for (guint i = 0; i < 13; i++)
        sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", TRUE);
    }
  for (guint i = 0; i < c->platforms->len; i++)
    {
      const ScComparePlatform *p = g_ptr_array_index (c->platforms, i);

      sc_csv_append_cell (out, "platform", FALSE);
      sc_csv_append_cell (out, p->platform, FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, p->name, FALSE);
      csv_values (out, p->total);
      csv_values (out, p->kept);
      csv_values (out, p->tied);
      csv_values (out, p->expected);
      sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, "", TRUE);
    }
  for (guint i = 0; i < c->changes->len; i++)
    {
      const ScCompareChange *ch = g_ptr_array_index (c->changes, i);
      g_autofree char *name = g_strdup_printf ("%s · %s", ch->program_name, ch->measure_name);

      sc_csv_append_cell (out, "measure", FALSE);
      sc_csv_append_cell (out, ch->platform, FALSE);
      sc_csv_append_cell (out, ch->program_id, FALSE);
      sc_csv_append_cell (out, ch->measure_id, FALSE);
      sc_csv_append_cell (out, name, FALSE);
      for (guint k = 0; k < 12; k++)
        sc_csv_append_cell (out, "", FALSE);
      sc_csv_append_cell (out, sc_measure_status_to_string (ch->status[0]), FALSE);
      sc_csv_append_cell (out, sc_measure_status_to_string (ch->status[1]), TRUE);
    }
}

/* --- JSON ----------------------------------------------------------------- */

static void
json_key (GString    *out,
          const char *lead,
          const char *key)
{
  g_string_append (out, lead);
  sc_json_append_string (out, key);
  g_string_append_c (out, ':');
}

static void
json_values (GString      *out,
             const char   *key,
             const double *values)
{
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], d[G_ASCII_DTOSTR_BUF_SIZE];

  json_key (out, ",", key);
  g_string_append_printf (out, "{\"a\":%s,\"b\":%s,\"difference\":%s}",
                          sc_compare_money (a, sizeof a, values[0]), sc_compare_money (b, sizeof b, values[1]),
                          sc_compare_money (d, sizeof d, sc_compare_diff (values)));
}

static void
json_report (GString         *out,
             const ScCompare *c)
{
  g_string_append (out, "{\"scenarios\":[");
  for (guint s = 0; s < SC_COMPARE_N; s++)
    {
      char day[16];

      json_key (out, s == 0 ? "{" : ",{", "name");
      sc_json_append_string (out, c->names[s]);
      json_key (out, ",", "file");
      sc_json_append_string (out, c->files[s]);
      json_key (out, ",", "as-of");
      sc_json_append_string (out, sc_day_format (c->as_of[s], day));
      json_key (out, ",", "horizon-months");
      g_string_append_printf (out, "%u}", c->horizon_months[s]);
    }
  g_string_append (out, "],\"platforms\":[");
  for (guint i = 0; i < c->platforms->len; i++)
    {
      const ScComparePlatform *p = g_ptr_array_index (c->platforms, i);

      json_key (out, i == 0 ? "{" : ",{", "id");
      sc_json_append_string (out, p->platform);
      json_key (out, ",", "name");
      sc_json_append_string (out, p->name);
      json_values (out, "total-value", p->total);
      json_values (out, "kept", p->kept);
      json_values (out, "tied", p->tied);
      json_values (out, "expected", p->expected);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],\"changes\":[");
  for (guint i = 0; i < c->changes->len; i++)
    {
      const ScCompareChange *ch = g_ptr_array_index (c->changes, i);

      json_key (out, i == 0 ? "{" : ",{", "platform");
      sc_json_append_string (out, ch->platform);
      json_key (out, ",", "program");
      sc_json_append_string (out, ch->program_id);
      json_key (out, ",", "measure");
      sc_json_append_string (out, ch->measure_id);
      json_key (out, ",", "program-name");
      sc_json_append_string (out, ch->program_name);
      json_key (out, ",", "measure-name");
      sc_json_append_string (out, ch->measure_name);
      json_key (out, ",", "status-a");
      sc_json_append_string (out, sc_measure_status_to_string (ch->status[0]));
      json_key (out, ",", "status-b");
      sc_json_append_string (out, sc_measure_status_to_string (ch->status[1]));
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}

GBytes *
sc_compare_report_build (const ScCompare *compare,
                         ScReportFormat   format)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (compare != NULL, NULL);

  switch (format)
    {
    case SC_REPORT_CSV: csv_report (out, compare); break;
    case SC_REPORT_JSON: json_report (out, compare); break;
    case SC_REPORT_TEXT:
    default: text_report (out, compare); break;
    }
  return g_string_free_to_bytes (out);
}
