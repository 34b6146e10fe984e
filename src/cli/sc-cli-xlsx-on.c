/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workbook writers, for `shangce-xlsx` and the window (sc-cli-xlsx.h). */
#include "config.h"

#include "sc-cli-batch-private.h"
#include "sc-cli-xlsx.h"
#include "sc-compare-report.h"
#include "sc-report-xlsx.h"

static const ScCliXlsx writers = {
  .report = sc_report_write_xlsx,
  .compare = sc_compare_report_write_xlsx,
  .batch_summary = sc_cli_batch_summary_xlsx,
};

const ScCliXlsx *const sc_cli_xlsx = &writers;
