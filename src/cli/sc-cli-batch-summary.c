/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-cli-batch-private.h"
#include "sc-compare-report.h"
#include "sc-report.h"

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

const ClientPlatform *
sc_cli_batch_client_platform (const Client *c,
                              const char   *id)
{
  for (guint p = 0; c->platforms != NULL && p < c->platforms->len; p++)
    if (g_str_equal (g_array_index (c->platforms, ClientPlatform, p).platform, id))
      return &g_array_index (c->platforms, ClientPlatform, p);
  return NULL;
}

static const char *const value_kinds[] = { "total", "kept", "tied" };

double
sc_cli_batch_platform_value (const ClientPlatform *cp,
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
                                                  sc_cli_batch_platform_value (sc_cli_batch_client_platform (c, g_ptr_array_index (ids, p)), k)),
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
              const ClientPlatform *cp = sc_cli_batch_client_platform (c, g_ptr_array_index (ids, p));

              g_string_append (out, p == 0 ? "{\"id\":" : ",{\"id\":");
              sc_json_append_string (out, g_ptr_array_index (ids, p));
              for (guint k = 0; k < G_N_ELEMENTS (value_kinds); k++)
                g_string_append_printf (out, ",\"%s\":%s", value_kinds[k],
                                        sc_compare_money (buf, sizeof buf, sc_cli_batch_platform_value (cp, k)));
              g_string_append_c (out, '}');
            }
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}
