/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SCAFFOLD: the engine work replaces this file. */
#include "config.h"
#include "sc-cli-private.h"

int
sc_cli_report (ScCliOptions *options)
{
  g_printerr ("shangce: --report is not built yet\n");
  return 2;
}
