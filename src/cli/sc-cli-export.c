/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SCAFFOLD: the chart work replaces this file. */
#include "config.h"
#include "sc-cli-private.h"

int
sc_cli_export (ScCliOptions *options)
{
  g_printerr ("shangce: --export is not built yet\n");
  return 2;
}

int
sc_cli_headless (ScCliOptions *options)
{
  g_printerr ("shangce: no display, and the headless report is not built yet\n");
  return 2;
}
