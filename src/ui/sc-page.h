/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-document.h"

G_BEGIN_DECLS

/*
 * ScPage: what the result pages (measures, programs, rule check) share:
 * the document they show, a construct-only "document" property set once
 * when the page is made. A page binds to it from its constructed(): it
 * redraws on the document's "result-ready" (after the edits of a frame)
 * or "changed", reading the document's getters; it is never pushed to.
 */
#define SC_TYPE_PAGE (sc_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (ScPage, sc_page, SC, PAGE, AdwBin)

struct _ScPageClass
{
  AdwBinClass parent_class;
};

/* (transfer none) */
ScDocument *sc_page_get_document (ScPage *self);

G_END_DECLS
