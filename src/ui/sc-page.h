/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-session.h"

G_BEGIN_DECLS

/*
 * ScPage: what the result pages (measures, programs, rule check) share:
 * the window's session as a construct-only "session" property, set once
 * when the page is made. A page follows the session's signals from its
 * constructed().
 */
#define SC_TYPE_PAGE (sc_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (ScPage, sc_page, SC, PAGE, AdwBin)

struct _ScPageClass
{
  AdwBinClass parent_class;
};

/* (transfer none) */
ScSession *sc_page_get_session (ScPage *self);

G_END_DECLS
