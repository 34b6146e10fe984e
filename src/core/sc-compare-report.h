/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-compare.h"
#include "sc-report.h"

G_BEGIN_DECLS

/*
 * Formats a comparison of two scenarios as text (a table per platform:
 * total, money kept, tied to the platform; A, B and B − A; then the
 * measures that change status), CSV (UTF-8 with BOM, CRLF, one row per
 * platform and per change) or JSON. Words come from gettext: the caller
 * makes it answer in @compare's language. Deterministic. (transfer full)
 */
GBytes *sc_compare_report_build (const ScCompare *compare,
                                 ScReportFormat   format);

/*
 * Writes @compare as an Excel workbook to @path (0600, through
 * sc_file_write()): a Scenarios sheet with the two profiles, each
 * platform's total, money kept, value tied and expected value in A, in B
 * and B − A as yuan number cells, and a native column chart of the totals;
 * a Changed measures sheet. Text is always text, never a formula. Words
 * come from gettext, as for sc_compare_report_build().
 */
gboolean sc_compare_report_write_xlsx (const ScCompare  *compare,
                                       const char       *path,
                                       GError          **error);

/* CSV cells: sc_csv_append_cell() in sc-report.h. */
/* JSON strings: sc_json_append_string() in sc-report.h. */
/* "12345.60" with two decimals, never the locale's. (transfer none: @buf) */
const char *sc_compare_money    (char       *buf,
                                 gsize       size,
                                 double      value);

G_END_DECLS
