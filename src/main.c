/* SPDX-License-Identifier: GPL-3.0-or-later */
/* shangce: the command line, with no GTK in the process; anything else is
 * handed to the desktop application (app-main.c). */
#include "config.h"

#include "sc-cli.h"
#include "sc-i18n.h"

int
main (int   argc,
      char *argv[])
{
  sc_cli_prepare (argc, argv);
  sc_i18n_setup (argc, argv);
  if (sc_cli_wants_cli (argc, argv))
    return sc_cli_run (argc, argv);
  return sc_cli_exec_app (argc, argv);
}
