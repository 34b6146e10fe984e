/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-cli-batch-private.h"
#include "sc-compare-report.h"
#include "sc-report.h"
#include "sc-xlsx.h"

/* The summary of --batch, in the format of the clients' reports. */

static int
by_id (gconstpointer a,
       gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
sc_cli_batch_platforms (GPtrArray *clients)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < clients->len; i++)
    {
      const Client *c = g_ptr_array_index (clients, i);

      for (guint p = 0; c->platforms != NULL && p < c->platforms->len; p++)
        {
          const char *id = g_array_index (c->platforms, ClientPlatform, p).platform;
          guint at;

          if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, &at))
            g_ptr_array_add (ids, (gpointer) id);
        }
    }
  g_ptr_array_sort (ids, by_id);
  return ids;
}

static const ClientPlatform *
client_platform (const Client *c,
                 const char   *id)
{
  for (guint p = 0; c->platforms != NULL && p < c->platforms->len; p++)
    if (g_str_equal (g_array_index (c->platforms, ClientPlatform, p).platform, id))
      return &g_array_index (c->platforms, ClientPlatform, p);
  return NULL;
}

static const char *const value_kinds[] = { "total", "kept", "tied" };

static double
platform_value (const ClientPlatform *cp,
                guint                 kind)
{
  return cp == NULL ? 0 : kind == 0 ? cp->total : kind == 1 ? cp->kept : cp->tied;
}

void
sc_cli_batch_summary_csv (GString   *out,
                          GPtrArray *clients,
                          GPtrArray *ids)
{
  static const char *const head[] = { "client", "file", "status", "leading-platform" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    sc_csv_append_cell (out, head[i], FALSE);
  for (guint p = 0; p < ids->len; p++)
    for (guint k = 0; k < G_N_ELEMENTS (value_kinds); k++)
      {
        g_autofree char *col = g_strdup_printf ("%s-%s", (char *) g_ptr_array_index (ids, p), value_kinds[k]);

        sc_csv_append_cell (out, col, FALSE);
      }
  sc_csv_append_cell (out, "assumptions", FALSE);
  sc_csv_append_cell (out, "robust", FALSE);
  sc_csv_append_cell (out, "flipped-by", FALSE);
  sc_csv_append_cell (out, "error", TRUE);
  for (guint i = 0; i < clients->len; i++)
    {
      const Client *c = g_ptr_array_index (clients, i);

      sc_csv_append_cell (out, c->name, FALSE);
      sc_csv_append_cell (out, c->path, FALSE);
      sc_csv_append_cell (out, c->error != NULL ? "error" : "ok", FALSE);
      sc_csv_append_cell (out, c->leading, FALSE);
      for (guint p = 0; p < ids->len; p++)
        for (guint k = 0; k < G_N_ELEMENTS (value_kinds); k++)
          sc_csv_append_cell (out, c->platforms == NULL ? ""
                              : sc_compare_money (buf, sizeof buf,
                                                  platform_value (client_platform (c, g_ptr_array_index (ids, p)), k)),
                              FALSE);
      g_snprintf (buf, sizeof buf, "%u", c->n_assumptions);
      sc_csv_append_cell (out, c->platforms == NULL ? "" : buf, FALSE);
      {
        /* The assumptions that can change the winner, by key, space-separated. */
        g_autofree char *keys = c->flip_keys != NULL ? g_strjoinv (" ", c->flip_keys) : NULL;

        sc_csv_append_cell (out, c->flip_keys == NULL ? "" : c->robust ? "yes" : "no", FALSE);
        sc_csv_append_cell (out, keys, FALSE);
      }
      sc_csv_append_cell (out, c->error, TRUE);
    }
}

void
sc_cli_batch_summary_json (GString   *out,
                           GPtrArray *clients,
                           GPtrArray *ids)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, "{\"clients\":[");
  for (guint i = 0; i < clients->len; i++)
    {
      const Client *c = g_ptr_array_index (clients, i);

      g_string_append (out, i == 0 ? "{\"client\":" : ",{\"client\":");
      sc_json_append_string (out, c->name);
      g_string_append (out, ",\"file\":");
      sc_json_append_string (out, c->path);
      g_string_append (out, ",\"leading-platform\":");
      sc_json_append_string (out, c->leading);
      g_string_append (out, ",\"error\":");
      sc_json_append_string (out, c->error);
      if (c->platforms != NULL)
        {
          g_string_append_printf (out, ",\"assumptions\":%u,\"robust\":%s,\"flipped-by\":[", c->n_assumptions,
                                  c->robust ? "true" : "false");
          for (guint k = 0; c->flip_keys != NULL && c->flip_keys[k] != NULL; k++)
            {
              g_string_append (out, k > 0 ? "," : "");
              sc_json_append_string (out, c->flip_keys[k]);
            }
          g_string_append (out, "],\"platforms\":[");
          for (guint p = 0; p < ids->len; p++)
            {
              const ClientPlatform *cp = client_platform (c, g_ptr_array_index (ids, p));

              g_string_append (out, p == 0 ? "{\"id\":" : ",{\"id\":");
              sc_json_append_string (out, g_ptr_array_index (ids, p));
              for (guint k = 0; k < G_N_ELEMENTS (value_kinds); k++)
                g_string_append_printf (out, ",\"%s\":%s", value_kinds[k],
                                        sc_compare_money (buf, sizeof buf, platform_value (cp, k)));
              g_string_append_c (out, '}');
            }
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}

/* The name of platform @id as the first client with it gives it. */
static const char *
platform_name (GPtrArray  *clients,
               const char *id)
{
  for (guint i = 0; i < clients->len; i++)
    {
      const ClientPlatform *cp = client_platform (g_ptr_array_index (clients, i), id);

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
                                  platform_value (client_platform (c, g_ptr_array_index (ids, p)), k), FALSE);
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
