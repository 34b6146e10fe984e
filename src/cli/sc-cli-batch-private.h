/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-types.h"

G_BEGIN_DECLS

/* What --batch keeps of each client for the summary (sc-cli-batch.c
 * fills it, sc-cli-batch-summary.c writes it). */

typedef struct
{
  char   *platform;
  char   *name;           /* in --lang */
  double  total;
  double  kept;
  double  tied;
} ClientPlatform;

typedef struct
{
  guint    index;
  char    *path;
  char    *stem;          /* OUT/STEM.csv, STEM.pdf, STEM-KIND.png */
  char    *name;
  char    *error;         /* NULL when every output was written */
  char    *leading;       /* the platform the verdict ranks first, NULL when none is worth anything */
  GArray  *platforms;     /* ClientPlatform, by platform id */
  guint    n_assumptions;
  char    *assumptions;   /* one a line */
  ScDay    as_of;
  guint    horizon_months;
  gboolean robust;        /* the leader stays ahead under every assumption in range */
  GStrv    flip_keys;     /* the assumptions (ScRangeDriver keys) that can change the winner */
  GStrv    flip_labels;   /* the same in --lang, "label (at value)" */
} Client;

/* Every platform id any client has, sorted. (transfer container: the ids are the clients') */
GPtrArray *sc_cli_batch_platforms       (GPtrArray   *clients);
/* Client @c's numbers on platform @id, or NULL when it has none. */
const ClientPlatform *sc_cli_batch_client_platform (const Client         *c,
                                                    const char           *id);
/* Total (@kind 0), money kept (1) or value tied to the platform (2); 0 for NULL. */
double     sc_cli_batch_platform_value  (const ClientPlatform *cp,
                                         guint                 kind);
/* The summary, one row per client: CSV (with BOM, CRLF) or JSON. */
void       sc_cli_batch_summary_csv     (GString     *out,
                                         GPtrArray   *clients,
                                         GPtrArray   *ids);
void       sc_cli_batch_summary_json    (GString     *out,
                                         GPtrArray   *clients,
                                         GPtrArray   *ids);
/* The same as a workbook at @path (0600); words from gettext in @lang's
 * language, which the caller has switched to. */
gboolean   sc_cli_batch_summary_xlsx    (GPtrArray   *clients,
                                         GPtrArray   *ids,
                                         const char  *lang,
                                         const char  *path,
                                         GError     **error);

G_END_DECLS
