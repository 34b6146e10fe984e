/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-report.h"
#include "sc-sweep.h"

G_BEGIN_DECLS

/*
 * Shared by the report's files: sc-report.c (the estimate in text and
 * CSV), sc-report-json.c (in JSON) and sc-report-sure.c (how sure the
 * verdict is: the assumptions' ranges and where the leading platform
 * changes with the monthly GMV).
 */

/* sc-report.c: the basis bits a report names, in this order. */
#define SC_REPORT_N_BASIS_BITS 4
extern const ScBasis sc_report_basis_bits[SC_REPORT_N_BASIS_BITS];

/* sc-report.c: a program's status on @as_of, "in-force", "not-started",
 * "ended"…; *@label (may be NULL) the words for people. (transfer none
 * for the return) */
const char *sc_report_status_on_date (const ScProgram        *program,
                                      ScDay                   as_of,
                                      char                  **label);
/* sc-report-json.c: the JSON report (docs/report-json.md). */
void        sc_report_json           (GString                *out,
                                      ScCatalog              *catalog,
                                      const ScProfile        *profile,
                                      const ScResult         *result,
                                      const ScSweep          *sweep,
                                      const ScRangeAnalysis  *ranges,
                                      const char             *lang);

/* "12345.60": two decimals, never the locale's. (transfer none: @buf) */
const char *sc_report_money          (char                   *buf,
                                      gsize                   size,
                                      double                  value);
/* "12,345.60" (transfer full) */
char       *sc_report_money_grouped  (double                  value);
/* The platform's name as every report gives it. (transfer none) */
const char *sc_report_platform_name  (const ScPlatformResult *pr,
                                      const char             *lang);
void        sc_report_json_member    (GString                *out,
                                      const char             *lead,
                                      const char             *key,
                                      const char             *value);
void        sc_report_json_number    (GString                *out,
                                      double                  value);
void        sc_report_json_day       (GString                *out,
                                      ScDay                   day);
/* The amount columns of a CSV row; @empty leaves them empty. */
void        sc_report_csv_amounts    (GString                *out,
                                      const double           *totals,
                                      const char             *unit,
                                      gboolean                empty);
/* The kept / tied / worth / ranking columns that end every CSV row. */
void        sc_report_csv_kept_tied  (GString                *out,
                                      const ScResult         *result,
                                      const ScPlatformResult *pr,
                                      const double           *totals);

/* sc-report-sure.c: "How sure" (issue 13 §3) in each format, from @an
 * (sc_report_resolve_ranges() of the report's result and language). */
void        sc_report_text_ranges    (GString                *out,
                                      ScCatalog              *catalog,
                                      const ScResult         *result,
                                      const ScRangeAnalysis  *an,
                                      const char             *lang);
void        sc_report_csv_ranges     (GString                *out,
                                      const ScResult         *result,
                                      const ScRangeAnalysis  *an,
                                      const char             *lang);
void        sc_report_json_ranges    (GString                *out,
                                      ScCatalog              *catalog,
                                      const ScResult         *result,
                                      const ScRangeAnalysis  *an,
                                      const char             *lang);
/* Where the leading platform changes with the monthly GMV; nothing (JSON:
 * null) without @sweep. */
void        sc_report_text_crossovers (GString               *out,
                                       const ScResult        *result,
                                       const ScSweep         *sweep,
                                       const char            *lang);
void        sc_report_csv_crossovers (GString                *out,
                                      const ScResult         *result,
                                      const ScSweep          *sweep,
                                      const char             *lang);
void        sc_report_json_crossovers (GString               *out,
                                       const ScSweep         *sweep);

G_END_DECLS
