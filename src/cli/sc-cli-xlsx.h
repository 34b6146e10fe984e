/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-compare.h"
#include "sc-range.h"
#include "sc-result.h"

G_BEGIN_DECLS

/*
 * The workbook writers of the command line, reached through this table.
 *
 * libxlsxwriter brings libminizip and libcrypto with it, and loading the
 * three costs about a millisecond of every start-up, a tenth of a chart
 * export. So `shangce` is linked with sc-cli-xlsx-off.c (no writers, and
 * so none of those libraries) and, given --format xlsx, hands the whole
 * command to its twin `shangce-xlsx` (libexec), the same program linked
 * with sc-cli-xlsx-on.c. Every other command runs without them.
 */
typedef struct
{
  gboolean (*report)        (ScCatalog             *catalog,
                             const ScProfile       *profile,
                             const ScResult        *result,
                             const ScRangeAnalysis *ranges,
                             const char            *lang,
                             const char            *path,
                             GError               **error);
  gboolean (*compare)       (const ScCompare       *compare,
                             const char            *path,
                             GError               **error);
  /* sc_cli_batch_summary_xlsx() */
  gboolean (*batch_summary) (GPtrArray             *clients,
                             GPtrArray             *ids,
                             const char            *lang,
                             const char            *path,
                             GError               **error);
} ScCliXlsx;

/* The writers, or NULL in a program linked without them. */
extern const ScCliXlsx *const sc_cli_xlsx;

/* Runs the command line again in the twin that has the writers; returns
 * only when that fails (1, with the reason on stderr). */
int sc_cli_exec_xlsx (int    argc,
                      char **argv);

G_END_DECLS
