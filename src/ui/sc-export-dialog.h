/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-chart-export.h"
#include "sc-chart-model.h"
#include "sc-session.h"

G_BEGIN_DECLS

#define SC_TYPE_EXPORT_DIALOG (sc_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScExportDialog, sc_export_dialog, SC, EXPORT_DIALOG, AdwWindow)

typedef enum
{
  SC_EXPORT_SIZE_SLIDE,      /* 1920 × 1080 (a full-HD screen) */
  SC_EXPORT_SIZE_1600,       /* 1600 × 900 */
  SC_EXPORT_SIZE_A4,         /* A4 landscape, 842 × 595 points */
  /* Slide sizes in points, as presentation software measures its pages
   * (13.33 × 7.5 in for 16:9): with the pixel scale at 2 the PNG is sharp
   * and, carrying its resolution, lands at exactly that size. */
  SC_EXPORT_SIZE_SLIDE_16_9, /* 960 × 540 */
  SC_EXPORT_SIZE_SLIDE_4_3,  /* 720 × 540 */
  SC_EXPORT_SIZE_HALF_SLIDE, /* 480 × 540: one half of a 16:9 slide */
  SC_EXPORT_SIZE_CUSTOM,
} ScExportSize;

/*
 * ScExportDialog: exports the chart of @kind to PNG, SVG or PDF with a size
 * preset or a custom size, a pixel scale (PNG), the chart language and the
 * footnote on or off, through the chart library's sc_chart_export().
 */
ScExportDialog *sc_export_dialog_new       (GtkWindow      *parent,
                                            ScSession      *session,
                                            ScChartKind     kind);
void            sc_export_dialog_set_format (ScExportDialog *self,
                                             ScChartFormat   format);
void            sc_export_dialog_set_size  (ScExportDialog *self,
                                            ScExportSize    preset,
                                            int             width,
                                            int             height);
void            sc_export_dialog_set_scale (ScExportDialog *self,
                                            double          scale);
/* The language of the exported chart. */
void            sc_export_dialog_set_lang  (ScExportDialog *self,
                                            ScLang          lang);
/* Writes the chart with the dialog's settings (what the Export button does
 * once a file is chosen). */
gboolean        sc_export_dialog_export_to (ScExportDialog *self,
                                            GFile          *file,
                                            GError        **error);

/*
 * Builds the chart model of @kind for @session in @lang, switching the
 * gettext language for the built-in words while it builds. (transfer full)
 */
ScChartModel   *sc_export_build_model      (ScSession      *session,
                                            ScChartKind     kind,
                                            ScLang          lang);

G_END_DECLS
