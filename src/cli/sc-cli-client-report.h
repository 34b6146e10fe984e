/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-cli-private.h"

G_BEGIN_DECLS

/* The options only --client-report reads; the rest are ScCliOptions. */
typedef struct
{
  char *path;         /* --client-report OUT.pdf */
  char *logo;         /* --logo FILE (PNG) */
  char *consultant;   /* --consultant NAME */
  char *layout;       /* --layout a4|slides */
} ScCliClientReport;

/* The option group filling @options; it lives as long as the context it is added to. (transfer full) */
GOptionGroup *sc_cli_client_report_group (ScCliClientReport *options);
void          sc_cli_client_report_clear (ScCliClientReport *options);
/* Writes the client report; returns the exit status (0, 1 invalid input, 2 usage). */
int           sc_cli_client_report       (ScCliOptions      *options,
                                          ScCliClientReport *report);

G_END_DECLS
