/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-error.h"

G_DEFINE_QUARK (sc-error-quark, sc_error)
