/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-profile.h"
#include "sc-range.h"

G_BEGIN_DECLS

/*
 * Writes @result (computed from @profile over @catalog) as an Excel
 * workbook to @path, in @lang ("zh" or "en"; NULL = result->lang): sheets
 * Summary (per platform: total, money kept, value tied to the platform,
 * expected, the amounts, and a native stacked column chart of kept and
 * tied), Measures, Assumptions and Sources. Numbers are number cells in
 * yuan, dates are dates, header rows are frozen; text is always written as
 * text, never as a formula. The file is private (client data) and written
 * through sc_file_write(). Free of GTK. @ranges is the range analysis of
 * @result (sc_document_get_ranges()), used as sc_report_build_with_sweep()
 * uses it; NULL works it out.
 */
gboolean sc_report_write_xlsx (ScCatalog             *catalog,
                               const ScProfile       *profile,
                               const ScResult        *result,
                               const ScRangeAnalysis *ranges,
                               const char            *lang,
                               const char            *path,
                               GError               **error);

G_END_DECLS
