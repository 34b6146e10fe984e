/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The summary of --batch as a workbook (sc-cli-batch-private.h); apart from
 * the CSV and JSON summaries so that `shangce` links no libxlsxwriter
 * (sc-cli-xlsx.h). */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-cli-batch-private.h"
#include "sc-xlsx.h"

/* The name of platform @id as the first client with it gives it. */
static const char *
platform_name (GPtrArray  *clients,
               const char *id)
{
  for (guint i = 0; i < clients->len; i++)
    {
      const ClientPlatform *cp = sc_cli_batch_client_platform (g_ptr_array_index (clients, i), id);

      if (cp != NULL)
        return cp->name;
    }
  return id;
}

gboolean
sc_cli_batch_summary_xlsx (GPtrArray   *clients,
                           GPtrArray   *ids,
                           const char  *lang,
                           const char  *path,
                           GError     **error)
{
  /* Translators: what each platform's three columns of the batch summary spreadsheet hold */
  const char *values[] = { _("Total value"), _("Money kept"), _("Tied to the platform") };
  const guint head_row = 3;
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  ScXlsxBook b;
  ScXlsxSheet s;
  guint col_tail;

  /* Translators: the title of the batch summary spreadsheet */
  if (!sc_xlsx_book_open (&b, lang, _("Shangce batch summary"), error))
    return FALSE;
  /* Translators: the sheet of the batch summary spreadsheet */
  sc_xlsx_sheet_open (&s, &b, _("Clients"));
  if (s.ws == NULL)
    return sc_xlsx_book_close (&b, path, error);
  /* The title and the note may overflow their cells. */
  sc_xlsx_put_text (&s, 0, 0, _("Shangce batch summary"), b.title);
  sc_xlsx_put_text (&s, 1, 0, _("One row per client. Money in yuan over each client’s horizon."), NULL);
  s.widths[0] = 0;

  /* Translators: columns of the batch summary spreadsheet */
  g_ptr_array_add (heads, g_strdup (_("Client")));
  g_ptr_array_add (heads, g_strdup (_("File")));
  g_ptr_array_add (heads, g_strdup (_("Status")));
  /* Translators: a column of the batch summary: the platform worth most to the client */
  g_ptr_array_add (heads, g_strdup (_("Worth most")));
  for (guint p = 0; p < ids->len; p++)
    for (guint k = 0; k < G_N_ELEMENTS (values); k++)
      /* Translators: a column of the batch summary: an amount (first %s) on a platform (second %s) */
      g_ptr_array_add (heads, g_strdup_printf (_("%s (%s)"), values[k],
                                               platform_name (clients, g_ptr_array_index (ids, p))));
  col_tail = heads->len;
  g_ptr_array_add (heads, g_strdup (_("Evaluation date")));
  g_ptr_array_add (heads, g_strdup (_("Horizon (months)")));
  /* Translators: a column of the batch summary: how many assumptions the numbers rest on */
  g_ptr_array_add (heads, g_strdup (_("Assumptions used")));
  g_ptr_array_add (heads, g_strdup (_("Assumptions")));
  /* Translators: a column of the batch summary: the leader stays ahead under every assumption in range */
  g_ptr_array_add (heads, g_strdup (_("Robust")));
  /* Translators: a column of the batch summary: the assumptions that can change the winner */
  g_ptr_array_add (heads, g_strdup (_("Can change the winner")));
  g_ptr_array_add (heads, g_strdup (_("Error")));
  sc_xlsx_put_header (&s, head_row, (const char *const *) heads->pdata, heads->len);

  for (guint i = 0; i < clients->len; i++)
    {
      const Client *c = g_ptr_array_index (clients, i);
      guint row = head_row + 1 + i;

      sc_xlsx_put_text (&s, row, 0, c->name, NULL);
      sc_xlsx_put_text (&s, row, 1, c->path, NULL);
      /* Translators: the status of a client in the batch summary */
      sc_xlsx_put_text (&s, row, 2, c->error != NULL ? _("Failed") : _("Done"), NULL);
      sc_xlsx_put_text (&s, row, 3, c->leading != NULL ? platform_name (clients, c->leading) : NULL, NULL);
      if (c->platforms != NULL)
        {
          for (guint p = 0; p < ids->len; p++)
            for (guint k = 0; k < G_N_ELEMENTS (values); k++)
              sc_xlsx_put_number (&s, row, 4 + p * G_N_ELEMENTS (values) + k,
                                  sc_cli_batch_platform_value (sc_cli_batch_client_platform (c, g_ptr_array_index (ids, p)), k), FALSE);
          sc_xlsx_put_date (&s, row, col_tail, c->as_of);
          sc_xlsx_put_plain (&s, row, col_tail + 1, c->horizon_months);
          sc_xlsx_put_plain (&s, row, col_tail + 2, c->n_assumptions);
          sc_xlsx_put_text (&s, row, col_tail + 3, c->assumptions, b.wrap);
          if (c->flip_labels != NULL)
            {
              g_autofree char *labels = g_strjoinv ("\n", c->flip_labels);

              sc_xlsx_put_text (&s, row, col_tail + 4, c->robust ? _("Yes") : _("No"), NULL);
              sc_xlsx_put_text (&s, row, col_tail + 5, labels, b.wrap);
            }
        }
      sc_xlsx_put_text (&s, row, col_tail + 6, c->error, b.wrap);
    }
  sc_xlsx_sheet_close (&s);
  return sc_xlsx_book_close (&b, path, error);
}
