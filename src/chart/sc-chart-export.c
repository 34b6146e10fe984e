/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-export.h"

#include "sc-chart.h"
#include "sc-chart-private.h"
#include "sc-error.h"
#include "sc-file.h"
#include "sc-png.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>

#define SOFTWARE "Shangce " PACKAGE_VERSION

gboolean
sc_chart_format_from_path (const char    *path,
                           ScChartFormat *out)
{
  g_autofree char *lower = NULL;
  ScChartFormat format;

  if (path == NULL)
    return FALSE;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    format = SC_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = SC_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    format = SC_CHART_FORMAT_PDF;
  else
    return FALSE;
  if (out != NULL)
    *out = format;
  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* --- the pixels ----------------------------------------------------------- */

#if defined(__linux__) && defined(MADV_HUGEPAGE)
/*
 * A 1600×900 chart is 5.8 MB of pixels, and the first touch of each 4 KiB
 * page costs a fault: measured 4.7 ms of a 45 ms export on the Debian 12
 * build machine (1,400 faults; MAP_POPULATE alone still 3.4 ms). Asking for
 * transparent huge pages on a 2 MiB-aligned mapping makes it three faults:
 * 0.3–1.0 ms. Linux only; where huge pages are off the kernel ignores the
 * advice, and any failure falls back to cairo's own allocation.
 */
#define HUGE_PAGE (2u << 20)

typedef struct
{
  void  *start;
  gsize  length;
} Mapping;

static void
mapping_free (gpointer data)
{
  Mapping *m = data;

  munmap (m->start, m->length);
  g_free (m);
}

static const cairo_user_data_key_t mapping_key;

static cairo_surface_t *
image_surface_new (int width,
                   int height)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_RGB24, width);
  gsize size = (gsize) stride * (gsize) height;
  gsize span = (size + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
  cairo_surface_t *surface;
  Mapping *m;
  guint8 *pixels;
  void *start;

  if (stride <= 0 || size < HUGE_PAGE)
    return cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  start = mmap (NULL, span + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (start == MAP_FAILED)
    return cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  pixels = (guint8 *) (((guintptr) start + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1));
  madvise (pixels, span, MADV_HUGEPAGE);

  /* Fresh anonymous memory is zero, as cairo's own surfaces start. */
  surface = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_RGB24, width, height, stride);
  m = g_new (Mapping, 1);
  m->start = start;
  m->length = span + HUGE_PAGE;
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_surface_set_user_data (surface, &mapping_key, m, mapping_free) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      mapping_free (m);
      return cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
    }
  return surface;
}
#else
static cairo_surface_t *
image_surface_new (int width,
                   int height)
{
  return cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
}
#endif

/* --- PNG ---------------------------------------------------------------- */

static gboolean
encode_png (const ScChartModel  *model,
            cairo_surface_t     *surface,
            double               scale,
            GByteArray          *out,
            GError             **error)
{
  const ScPngText texts[] = {
    { "Title", model->title },
    { "Software", SOFTWARE },
    { "Profile", model->profile_name },
    { "Data revision", model->data_revision },
  };

  return sc_png_encode_rgb24 (cairo_image_surface_get_data (surface),
                              cairo_image_surface_get_width (surface),
                              cairo_image_surface_get_height (surface),
                              cairo_image_surface_get_stride (surface),
                              texts, G_N_ELEMENTS (texts),
                              /* A point is 1/72 inch: the pixels of one point at @scale. */
                              72.0 * scale, 0, out, error);
}

static gboolean
check_size (double   width,
            double   height,
            double   scale,
            GError **error)
{
  if (!(width >= SC_CHART_SIZE_MIN && width <= SC_CHART_SIZE_MAX
        && height >= SC_CHART_SIZE_MIN && height <= SC_CHART_SIZE_MAX))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   _("Chart size must be between %d and %d on each side, not %g×%g"),
                   SC_CHART_SIZE_MIN, SC_CHART_SIZE_MAX, width, height);
      return FALSE;
    }
  if (!(scale >= SC_CHART_SCALE_MIN && scale <= SC_CHART_SCALE_MAX))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_VALUE,
                   _("Scale must be between %g and %g, not %g"),
                   SC_CHART_SCALE_MIN, SC_CHART_SCALE_MAX, scale);
      return FALSE;
    }
  return TRUE;
}

/* The chart without its text, which is written apart. */
static void
draw_shapes (const ScChartModel *model,
             ScChartLayout      *layout,
             cairo_t            *cr)
{
  g_autoptr(GArray) hidden = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < layout->texts->len; i++)
    {
      ScChartText *t = g_ptr_array_index (layout->texts, i);

      if (t->visible)
        g_array_append_val (hidden, i);
      t->visible = FALSE;
    }
  sc_chart_draw_layout (model, layout, cr);
  for (guint i = 0; i < hidden->len; i++)
    ((ScChartText *) g_ptr_array_index (layout->texts, g_array_index (hidden, guint, i)))->visible = TRUE;
}

GBytes *
sc_chart_render (const ScChartModel  *model,
                 ScChartFormat        format,
                 double               width,
                 double               height,
                 double               scale,
                 GError             **error)
{
  g_autoptr(GByteArray) out = NULL;
  g_autofree char *svg_text = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format != SC_CHART_FORMAT_PNG)
    scale = 1;
  if (!check_size (width, height, scale, error))
    return NULL;

  out = g_byte_array_sized_new (format == SC_CHART_FORMAT_PNG ? 64 * 1024 : 256 * 1024);
  switch (format)
    {
    case SC_CHART_FORMAT_PNG:
      surface = image_surface_new ((int) ceil (width * scale), (int) ceil (height * scale));
      break;
    case SC_CHART_FORMAT_SVG:
    case SC_CHART_FORMAT_SVG_TEXT:
      surface = cairo_svg_surface_create_for_stream (append_bytes, out, width, height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case SC_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, out, width, height);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        {
          if (model->title != NULL)
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, model->title);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, SOFTWARE);
          if (model->profile_name != NULL)
            cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, model->profile_name);
        }
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot create the drawing surface: %s"),
                   cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  if (format == SC_CHART_FORMAT_PNG)
    cairo_scale (cr, scale, scale);
  if (format == SC_CHART_FORMAT_SVG_TEXT || format == SC_CHART_FORMAT_SVG)
    {
      /* cairo draws the shapes; the text is written after them, as words
       * (sc-chart-svg-text.c) or as outlines (sc_chart_svg_glyphs()). */
      g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, width, height);

      svg_text = format == SC_CHART_FORMAT_SVG_TEXT ? sc_chart_svg_text (model, layout)
                                                    : sc_chart_svg_glyphs (model, layout);
      if (svg_text != NULL)
        draw_shapes (model, layout, cr);
      else
        {
          g_autoptr(ScChartSubset) subset = sc_chart_subset_new (model, layout);

          sc_chart_draw_layout_full (model, layout, cr, subset);
        }
    }
  else if (format != SC_CHART_FORMAT_PNG)
    {
      /* Fonts prepared for the vector surface first: see sc-chart-subset.c. */
      g_autoptr(ScChartLayout) layout = sc_chart_layout_new (model, width, height);
      g_autoptr(ScChartSubset) subset = sc_chart_subset_new (model, layout);

      sc_chart_draw_layout_full (model, layout, cr, subset);
    }
  else
    sc_chart_draw (model, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (format != SC_CHART_FORMAT_PNG)
    cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot draw the chart: %s"),
                   cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return NULL;
    }

  if (svg_text != NULL)
    {
      /* Over the shapes, as the chart draws its text last. */
      const char *end = g_strrstr_len ((const char *) out->data, out->len, "</svg>");

      if (end == NULL)
        {
          g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot draw the chart: %s"),
                       cairo_status_to_string (CAIRO_STATUS_WRITE_ERROR));
          cairo_surface_destroy (surface);
          return NULL;
        }
      g_byte_array_set_size (out, (guint) (end - (const char *) out->data));
      g_byte_array_append (out, (const guint8 *) svg_text, (guint) strlen (svg_text));
      g_byte_array_append (out, (const guint8 *) "</svg>\n", 7);
    }
  if (format == SC_CHART_FORMAT_PNG && !encode_png (model, surface, scale, out, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
sc_chart_export (const ScChartModel  *model,
                 const char          *path,
                 ScChartFormat        format,
                 double               width,
                 double               height,
                 double               scale,
                 GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = sc_chart_render (model, format, width, height, scale, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  /* sc_file_write(): temp file in the same folder, then rename, so a
   * crash or a full disk never leaves a torn chart. No fsync: a chart can
   * be made again from the data, and syncing doubled the whole export's
   * wall time when replacing a file. */
  return sc_file_write (path, data, size, SC_FILE_PUBLIC, error);
}
