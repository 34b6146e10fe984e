/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-chart-export.h"

#include "sc-chart.h"
#include "sc-error.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <png.h>
#include <setjmp.h>
#include <string.h>

#define SOFTWARE "Shangce " PACKAGE_VERSION

static mode_t
current_umask (void)
{
  static mode_t mask;
  static gsize done;

  /* umask() both reads and sets: read it once, early, and put it back. */
  if (g_once_init_enter (&done))
    {
      mask = umask (022);
      umask (mask);
      g_once_init_leave (&done, 1);
    }
  return mask;
}

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

/* --- PNG ---------------------------------------------------------------- */

typedef struct
{
  GByteArray *out;
  char        message[200];
} PngState;

static void
png_write_cb (png_structp  png,
              png_bytep    data,
              png_size_t   length)
{
  PngState *state = png_get_io_ptr (png);

  g_byte_array_append (state->out, data, length);
}

static void
png_flush_cb (png_structp png)
{
}

static void
png_error_cb (png_structp     png,
              png_const_charp message)
{
  PngState *state = png_get_error_ptr (png);

  g_strlcpy (state->message, message, sizeof state->message);
  png_longjmp (png, 1);
}

static void
png_warning_cb (png_structp     png,
                png_const_charp message)
{
}

static void
add_text (png_textp   texts,
          int        *n,
          const char *key,
          const char *value,
          gboolean    utf8)
{
  if (value == NULL || *value == '\0')
    return;
  texts[*n].compression = utf8 ? PNG_ITXT_COMPRESSION_NONE : PNG_TEXT_COMPRESSION_NONE;
  texts[*n].key = (png_charp) key;
  texts[*n].text = (png_charp) value;
  texts[*n].text_length = utf8 ? 0 : strlen (value);
  texts[*n].itxt_length = utf8 ? strlen (value) : 0;
  texts[*n].lang = NULL;
  texts[*n].lang_key = NULL;
  (*n)++;
}

/*
 * Encodes an opaque RGB24 surface ourselves: cairo_surface_write_to_png lets
 * libpng try every row filter at zlib level 6, which costs twice the drawing.
 *
 * Chosen by measurement (overview chart, 1600×900, thread CPU time of the
 * encoder alone, best of 9, on the Debian 12 build machine; libpng 1.6.39,
 * zlib 1.2.13):
 *
 *   filter  level   bytes     ms        filter  level   bytes     ms
 *   all       6    90,978   35.6        none      1    101,659    8.7
 *   up        6    90,943   20.3        none      2     99,599    8.8
 *   up        4    93,542   18.2        none      3     95,991    9.2
 *   up        3   107,362   11.7        none      4     82,103   15.8
 *   up        1   111,773   11.3        none      6     77,872   18.6
 *
 * Charts are flat colour: without a filter, deflate finds the row above as
 * a match by itself, and levels 1–3 use zlib's fast matcher. Level 3 with no
 * filter is 2.2× faster than level 6 with UP for 5.5 % more bytes (at
 * --scale 2: 32 ms instead of 75 ms, 250 KB instead of 199 KB) — the trade
 * for a chart that goes on a slide. Converting the pixels in one pass of our
 * own instead of libpng's two transforms (filler, BGR) saves another 9 %.
 */
#define PNG_ZLIB_LEVEL 3
static gboolean
encode_png (const ScChartModel  *model,
            cairo_surface_t     *surface,
            GByteArray          *out,
            GError             **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data = cairo_image_surface_get_data (surface);
  PngState state = { out, "" };
  png_structp png;
  png_infop info;
  png_text texts[4];
  int n_texts = 0;
  g_autofree png_bytep row = NULL;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &state, png_error_cb, png_warning_cb);
  if (png == NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_IO, _("Cannot start the PNG encoder"));
      return FALSE;
    }
  info = png_create_info_struct (png);
  row = g_malloc ((gsize) width * 3);

  if (setjmp (png_jmpbuf (png)))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot encode the PNG image: %s"), state.message);
      png_destroy_write_struct (&png, &info);
      return FALSE;
    }

  png_set_write_fn (png, &state, png_write_cb, png_flush_cb);
  png_set_compression_level (png, PNG_ZLIB_LEVEL);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR (png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);

  add_text (texts, &n_texts, "Title", model->title, TRUE);
  add_text (texts, &n_texts, "Software", SOFTWARE, FALSE);
  add_text (texts, &n_texts, "Profile", model->profile_name, TRUE);
  add_text (texts, &n_texts, "Data revision", model->data_revision, TRUE);
  if (n_texts > 0)
    png_set_text (png, info, texts, n_texts);

  png_write_info (png, info);
  /* Cairo keeps a native-endian 32-bit xRGB word per pixel: RGB bytes for PNG. */
  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (data + (gsize) y * stride);
      png_bytep dst = row;

      for (int x = 0; x < width; x++)
        {
          guint32 p = src[x];

          dst[0] = (png_byte) (p >> 16);
          dst[1] = (png_byte) (p >> 8);
          dst[2] = (png_byte) p;
          dst += 3;
        }
      png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return TRUE;
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

GBytes *
sc_chart_render (const ScChartModel  *model,
                 ScChartFormat        format,
                 double               width,
                 double               height,
                 double               scale,
                 GError             **error)
{
  g_autoptr(GByteArray) out = NULL;
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
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                            (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      break;
    case SC_CHART_FORMAT_SVG:
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

  if (format == SC_CHART_FORMAT_PNG && !encode_png (model, surface, out, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/*
 * Temp file in the same folder, then rename: a crash or a full disk never
 * leaves a torn chart. No fsync: a chart can be made again from the data,
 * and syncing doubled the whole export's wall time when replacing a file.
 */
static gboolean
write_atomically (const char  *path,
                  const char  *data,
                  gsize        size,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  gsize done = 0;
  int fd, saved;

  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666 & ~current_umask ());
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  while (done < size)
    {
      gssize n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved = errno;
          close (fd);
          g_unlink (tmpl);
          g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot write “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
      done += (gsize) n;
    }
  if (close (fd) != 0 || g_rename (tmpl, path) != 0)
    {
      saved = errno;
      g_unlink (tmpl);
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
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
  return write_atomically (path, data, size, error);
}
