/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SCAFFOLD: the loader work replaces this file. */
#include "config.h"
#include "sc-cli-private.h"

int
sc_cli_validate (ScCliOptions *options)
{
  g_printerr ("shangce: --validate is not built yet\n");
  return 2;
}

int
sc_cli_list_programs (ScCliOptions *options)
{
  g_printerr ("shangce: --list-programs is not built yet\n");
  return 2;
}
