/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-profile.h"
#include "sc-range.h"
#include "sc-sweep.h"

G_BEGIN_DECLS

typedef enum
{
  SC_REPORT_TEXT,   /* side-by-side table per platform, measures, assumptions */
  SC_REPORT_CSV,    /* UTF-8 with BOM, CRLF, RFC 4180 quoting (Excel / WPS) */
  SC_REPORT_JSON,   /* docs/report-json.md */
  SC_REPORT_XLSX,   /* binary, written to a file: sc_report_write_xlsx() in
                     * sc-report-xlsx.h; sc_report_build() does not make it */
} ScReportFormat;

gboolean sc_report_format_from_string (const char     *name,
                                       ScReportFormat *out);

/*
 * Formats @result (computed from @profile over @catalog) in @lang ("zh" or
 * "en"; NULL = result->lang). Deterministic: numbers are formatted without
 * the locale. The rule check is included when the catalog has rules.
 * (transfer full)
 */
GBytes  *sc_report_build  (ScCatalog       *catalog,
                           const ScProfile *profile,
                           const ScResult  *result,
                           ScReportFormat   format,
                           const char      *lang);
/*
 * sc_report_build() with the monthly GMV at which the leading platform
 * changes (sc_sweep_crossovers() of @sweep), in every format. @sweep is
 * the profile's sweep over monthly GMV (sc_document_get_sweep() or
 * sc_sweep_over_monthly_gmv()); NULL leaves that part out. @ranges is the
 * range analysis of @result ("How sure"), e.g. sc_document_get_ranges():
 * used when sc_report_resolve_ranges() accepts it, else (and for NULL)
 * the report works it out itself; the report is the same either way.
 * (transfer full)
 */
GBytes  *sc_report_build_with_sweep (ScCatalog             *catalog,
                                     const ScProfile       *profile,
                                     const ScResult        *result,
                                     const ScSweep         *sweep,
                                     const ScRangeAnalysis *ranges,
                                     ScReportFormat         format,
                                     const char            *lang);

/*
 * The range analysis a report of @result in @lang ("zh" or "en"; NULL =
 * result->lang) rests on: @cached (a document's sc_document_get_ranges(),
 * or NULL) when its labels are in @lang and it was made from @result (the
 * same platforms with the same central scores), else one worked out here
 * with @result's programs left out as it left them, handed over in *@own
 * (which must be NULL; the caller frees it). A cached analysis in another
 * language or of an older result is never used. (transfer none)
 */
const ScRangeAnalysis *sc_report_resolve_ranges (ScCatalog              *catalog,
                                                 const ScProfile        *profile,
                                                 const ScResult         *result,
                                                 const ScRangeAnalysis  *cached,
                                                 const char             *lang,
                                                 ScRangeAnalysis       **own);

/* One sentence per monthly GMV of @sweep at which the leading platform
 * changes ("Douyin leads above a monthly GMV of about 44,100 yuan (Kuaishou
 * below)"), or one saying who leads throughout; empty when @sweep has no
 * point. The text report's section, for the other deliverables.
 * (transfer full, element-type utf8) */
GPtrArray *sc_report_crossover_sentences (const ScResult *result,
                                          const ScSweep  *sweep,
                                          const char     *lang);

/* The driver of @analysis (sc-range.h) for the assumption the engine wrote
 * as "@what — @note" in ScResult.assumptions, or NULL when it has none
 * (the assumption has no range, or moves neither of the leading two). The
 * note names the assumption; where several share it, the one whose value
 * text @what shows. */
const ScRangeDriver *sc_report_assumption_driver (const ScRangeAnalysis *analysis,
                                                  const char            *what,
                                                  const char            *note);

/* The programs and baselines @result's numbers come from, "program r2, …,
 * platform-baseline r1" (transfer full), and in *@digest a short name for
 * that list: the first 8 hex digits of its SHA-256 (transfer full). The
 * client report's footer and the CSV header block name the data alike. */
char    *sc_report_data_revision (const ScResult *result,
                                  char          **digest);

/* Appends @text as one CSV cell (RFC 4180 quoting) and "," or, when @last,
 * CRLF. A cell a spreadsheet would run as a formula (starting with = + - @,
 * tab or CR, and not simply a number) gets a leading ' so that it stays text.
 * Every CSV Shangce writes goes through it. */
void     sc_csv_append_cell   (GString        *out,
                               const char     *text,
                               gboolean        last);

/* Appends @text as a JSON string, escaped ("null" for NULL). */
void     sc_json_append_string (GString        *out,
                                const char     *text);

G_END_DECLS
