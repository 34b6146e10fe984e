/* SPDX-License-Identifier: GPL-3.0-or-later */
/* No workbook writers: `shangce` hands --format xlsx to shangce-xlsx (sc-cli-xlsx.h). */
#include "config.h"

#include "sc-cli-xlsx.h"

const ScCliXlsx *const sc_cli_xlsx = NULL;
