/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-chart-model.h"

G_BEGIN_DECLS

typedef enum
{
  SC_CHART_FORMAT_PNG,
  SC_CHART_FORMAT_SVG,
  SC_CHART_FORMAT_PDF,
  SC_CHART_FORMAT_SVG_TEXT,   /* SVG with its text as <text>: editable, the font named, not embedded */
} ScChartFormat;

#define SC_CHART_SIZE_MIN   100
#define SC_CHART_SIZE_MAX   10000
#define SC_CHART_SCALE_MIN  1.0
#define SC_CHART_SCALE_MAX  4.0

/* The format named by @path's extension (.png, .svg, .pdf; any case). */
gboolean  sc_chart_format_from_path (const char          *path,
                                     ScChartFormat       *out);

/*
 * Renders @model at @width × @height (pixels at scale 1, points in SVG and
 * PDF). PNG: the image is @width × @scale by @height × @scale pixels, RGB,
 * zlib level 6 with the UP filter only, with tEXt/iTXt Title, Software,
 * Profile and Data revision. @scale is ignored for SVG and PDF.
 * Fails with SC_ERROR_VALUE for a size or scale out of range. (transfer full)
 */
GBytes   *sc_chart_render           (const ScChartModel  *model,
                                     ScChartFormat        format,
                                     double               width,
                                     double               height,
                                     double               scale,
                                     GError             **error);

/*
 * Renders like sc_chart_render() and writes @path atomically (a temporary
 * file in the same folder, then rename): a failure never leaves a torn file.
 */
gboolean  sc_chart_export           (const ScChartModel  *model,
                                     const char          *path,
                                     ScChartFormat        format,
                                     double               width,
                                     double               height,
                                     double               scale,
                                     GError             **error);

G_END_DECLS
