/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-cli-private.h"
#include "sc-report.h"

/*
 * --csv-header: a few rows before a CSV's table that say what the file is
 * when it is opened alone (whose numbers, at which date, from which data,
 * by which Shangce). Each row's first cell starts with "#", so a reader
 * told to skip comment lines (pandas' comment="#", R's comment.char) reads
 * the table as before; an empty line ends the block. Every cell goes
 * through sc_csv_append_cell(), which keeps formula-like text as text.
 * Off by default: the table is the first line for existing consumers.
 */

#define BOM "\xEF\xBB\xBF"

/* "a1b2c3d4: program r2, …", as the client report's footer names the data. */
static char *
data_revision (const ScResult *result)
{
  g_autofree char *digest = NULL;
  g_autofree char *ids = sc_report_data_revision (result, &digest);

  return g_strdup_printf ("%s: %s", digest, ids);
}

gboolean
sc_cli_csv_header_ok (ScCliOptions   *options,
                      ScReportFormat  format)
{
  if (!options->csv_header || format == SC_REPORT_CSV)
    return TRUE;
  g_printerr ("shangce: %s\n", _("--csv-header goes with --format csv"));
  return FALSE;
}

void
sc_cli_csv_header_add_result (GPtrArray       *rows,
                              const char      *suffix,
                              const ScProfile *profile,
                              const ScResult  *result)
{
  char day[16];

  g_ptr_array_add (rows, g_strconcat ("# profile", suffix, NULL));
  g_ptr_array_add (rows, g_strdup (sc_profile_get_name (profile, result->lang)));
  g_ptr_array_add (rows, g_strconcat ("# as-of", suffix, NULL));
  g_ptr_array_add (rows, g_strdup (sc_day_format (result->as_of, day)));
  g_ptr_array_add (rows, g_strconcat ("# horizon-months", suffix, NULL));
  g_ptr_array_add (rows, g_strdup_printf ("%u", result->horizon_months));
  g_ptr_array_add (rows, g_strconcat ("# data-revision", suffix, NULL));
  g_ptr_array_add (rows, data_revision (result));
  /* What the numbers rest on, one row each, as "Assumptions used" lists
   * them: a CSV read alone still says which values were assumed. */
  for (guint i = 0; i < result->assumptions->len; i++)
    {
      g_ptr_array_add (rows, g_strconcat ("# assumption", suffix, NULL));
      g_ptr_array_add (rows, g_strdup (g_ptr_array_index (result->assumptions, i)));
    }
}

GBytes *
sc_cli_csv_with_header (GBytes     *csv,
                        const char *title,
                        GPtrArray  *rows,
                        const char *lang)
{
  GString *out = g_string_new (BOM);
  gsize size;
  const char *data = g_bytes_get_data (csv, &size);
  g_autofree char *first = g_strconcat ("# ", title, NULL);

  g_assert (rows->len % 2 == 0);
  sc_csv_append_cell (out, first, TRUE);
  for (guint i = 0; i < rows->len; i += 2)
    {
      sc_csv_append_cell (out, g_ptr_array_index (rows, i), FALSE);
      sc_csv_append_cell (out, g_ptr_array_index (rows, i + 1), TRUE);
    }
  sc_csv_append_cell (out, "# shangce-version", FALSE);
  sc_csv_append_cell (out, PACKAGE_VERSION, TRUE);
  sc_csv_append_cell (out, "# language", FALSE);
  sc_csv_append_cell (out, lang, TRUE);
  g_string_append (out, "\r\n");
  if (size >= strlen (BOM) && memcmp (data, BOM, strlen (BOM)) == 0)
    {
      data += strlen (BOM);
      size -= strlen (BOM);
    }
  g_string_append_len (out, data, (gssize) size);
  return g_string_free_to_bytes (out);
}
