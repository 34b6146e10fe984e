/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SCAFFOLD: the chart work replaces this file. */
#include "config.h"
int sc_chart_scaffold (void);
int sc_chart_scaffold (void) { return 0; }
