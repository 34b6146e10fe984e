/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-catalog.h"
#include "sc-engine.h"
#include "sc-profile.h"
#include "sc-range.h"
#include "sc-types.h"

G_BEGIN_DECLS

/*
 * The client report: a multi-page PDF a consultant hands to a client, drawn
 * with Cairo and Pango only. Cover, summary with the verdict in words and
 * the overview chart, the per-platform breakdown, the measures with the
 * basis of every number, the assumptions, the sources with the sentences
 * quoted, and an appendix of the measures that do not apply. Every number
 * and text comes from the engine result and the catalog.
 */

typedef enum
{
  SC_CLIENT_REPORT_A4,      /* "a4": A4 portrait, 595 × 842 pt */
  SC_CLIENT_REPORT_SLIDES,  /* "slides": 16:9 landscape, 960 × 540 pt */
} ScClientReportLayout;

/**
 * ScClientReportOptions:
 * @layout: the page format
 * @lang: "zh" or "en" for data texts and numbers; NULL = the result's.
 *   Built-in words come from gettext, so the process language should match.
 * @consultant: the consultant or firm preparing the report, or NULL
 * @logo_path: a PNG file shown on the cover, or NULL (SVG is refused:
 *   Shangce does not link librsvg)
 * @date: the report's date; SC_DAY_NONE = today
 * @ranges: the range analysis of the result (a document's
 *   sc_document_get_ranges()), used where sc_report_resolve_ranges()
 *   accepts it; NULL: the report works it out
 * Zero-initialised means A4, no consultant, no logo, today.
 */
typedef struct
{
  ScClientReportLayout  layout;
  const char           *lang;
  const char           *consultant;
  const char           *logo_path;
  ScDay                 date;
  const ScRangeAnalysis *ranges;
} ScClientReportOptions;

/* "a4" or "slides". */
gboolean  sc_client_report_layout_from_string (const char                  *name,
                                               ScClientReportLayout        *out);

/*
 * Renders the report of @result (computed from @profile over @catalog).
 * @options may be NULL. Fails with SC_ERROR_IO when the logo cannot be read
 * or the PDF cannot be drawn. (transfer full)
 */
GBytes   *sc_client_report_render             (const ScClientReportOptions *options,
                                               ScCatalog                   *catalog,
                                               const ScProfile             *profile,
                                               const ScResult              *result,
                                               GError                     **error);

/*
 * Renders like sc_client_report_render() and writes @path atomically (a
 * temporary file in the same folder, then rename).
 */
gboolean  sc_client_report_write              (const ScClientReportOptions *options,
                                               ScCatalog                   *catalog,
                                               const ScProfile             *profile,
                                               const ScResult              *result,
                                               const char                  *path,
                                               GError                     **error);

G_END_DECLS
