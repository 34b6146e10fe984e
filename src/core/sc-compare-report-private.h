/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-compare-report.h"

G_BEGIN_DECLS

/* What sc-compare-report.c (text, CSV, JSON) and sc-compare-report-xlsx.c
 * (the workbook, apart so that a program that writes no workbook links no
 * libxlsxwriter) share: the rows shown for each platform. */
typedef struct
{
  const char *label;    /* N_() */
  gsize       offset;   /* of the double[2] in ScComparePlatform */
} ScCompareRow;

#define SC_COMPARE_N_ROWS 4
extern const ScCompareRow sc_compare_rows[SC_COMPARE_N_ROWS];

static inline const double *
sc_compare_row_values (const ScComparePlatform *p,
                       const ScCompareRow      *row)
{
  return (const double *) ((const char *) p + row->offset);
}

G_END_DECLS
