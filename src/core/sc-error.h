/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_ERROR (sc_error_quark ())

/**
 * ScError:
 * Errors a user can cause with a file or a number. The message of every
 * error about a file starts with "FILE:LINE:COLUMN: ".
 */
typedef enum
{
  SC_ERROR_IO,          /* cannot read or write the file */
  SC_ERROR_TOO_LARGE,   /* file, string, depth or count beyond a bound */
  SC_ERROR_MALFORMED,   /* not well-formed XML, bad UTF-8 */
  SC_ERROR_FORBIDDEN,   /* DOCTYPE, entity, XInclude, external reference */
  SC_ERROR_SCHEMA,      /* rejected by the RELAX NG schema */
  SC_ERROR_INVALID,     /* semantic check failed (ids, windows, ranges…) */
  SC_ERROR_CONFLICT,    /* two files give the same program and revision */
  SC_ERROR_VALUE,       /* a number or field value out of range */
  SC_ERROR_USAGE,       /* command-line misuse */
} ScError;

GQuark sc_error_quark (void);

G_END_DECLS
