/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The chart PNG encoder: what it writes must read back, through libpng
 * (via cairo), as exactly the pixels it was given, with its text chunks, and
 * be the same bytes however many threads compressed it.
 */
#define _GNU_SOURCE
#include "config.h"

#include <cairo.h>
#include <string.h>
#include <zlib.h>

#include "sc-png.h"

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         at;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *r = closure;

  if (r->at + length > r->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Deterministic noise with runs of flat colour, like a chart with text. */
static cairo_surface_t *
make_image (int     width,
            int     height,
            guint32 seed)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guint8 *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);
  guint32 x = seed * 2654435761u + 1;

  for (int row = 0; row < height; row++)
    for (int col = 0; col < width; col++)
      {
        guint32 *p = (guint32 *) (data + (gsize) row * stride) + col;

        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        *p = (col / 7 + row / 5) % 3 == 0 ? 0x00336699u : (x & 0x00ffffffu);
      }
  cairo_surface_mark_dirty (s);
  return s;
}

/* make_image() with rows that repeat the row above: runs of eleven, one
 * here and there, runs across the 1600×900 image's stripe boundaries
 * (every 109 rows), and the last rows, so the image ends in a repeat. */
static cairo_surface_t *
make_image_with_repeats (int     width,
                         int     height,
                         guint32 seed)
{
  cairo_surface_t *s = make_image (width, height, seed);
  guint8 *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  for (int row = 1; row < height; row++)
    if ((row / 11) % 3 == 1 || row % 97 == 0 || row % 109 >= 106 || row % 109 <= 1 || row >= height - 5)
      memcpy (data + (gsize) row * stride, data + (gsize) (row - 1) * stride, (gsize) width * 4);
  cairo_surface_mark_dirty (s);
  return s;
}

static GByteArray *
encode (cairo_surface_t *s,
        guint            threads,
        const ScPngText *texts,
        guint            n_texts)
{
  g_autoptr(GError) error = NULL;
  GByteArray *out = g_byte_array_new ();

  cairo_surface_flush (s);
  g_assert_true (sc_png_encode_rgb24 (cairo_image_surface_get_data (s),
                                      cairo_image_surface_get_width (s),
                                      cairo_image_surface_get_height (s),
                                      cairo_image_surface_get_stride (s),
                                      texts, n_texts, 0, threads, out, &error));
  g_assert_no_error (error);
  return out;
}

static void
assert_reads_back (cairo_surface_t *s,
                   GByteArray      *png)
{
  Reader r = { png->data, png->len, 0 };
  cairo_surface_t *back = cairo_image_surface_create_from_png_stream (read_bytes, &r);
  int w = cairo_image_surface_get_width (s);
  int h = cairo_image_surface_get_height (s);

  g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (back), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (back), ==, h);
  /* Opaque RGB reads back as RGB24: every pixel, bit for bit. */
  g_assert_cmpint (cairo_image_surface_get_format (back), ==, CAIRO_FORMAT_RGB24);
  for (int row = 0; row < h; row++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (s) + (gsize) row * cairo_image_surface_get_stride (s));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (back) + (gsize) row * cairo_image_surface_get_stride (back));

      for (int col = 0; col < w; col++)
        if ((a[col] & 0xffffff) != (b[col] & 0xffffff))
          g_error ("%d×%d: pixel (%d, %d) is %06x, wrote %06x", w, h, col, row,
                   b[col] & 0xffffff, a[col] & 0xffffff);
    }
  g_assert_cmpuint (r.at, ==, r.length);   /* nothing after IEND */
  cairo_surface_destroy (back);
}

static void
test_round_trip (void)
{
  /* One stripe, several stripes, a tall thin image whose priming rows reach
   * far back, a single row, a single pixel. */
  static const int sizes[][2] = {
    { 1600, 900 }, { 640, 360 }, { 3, 9000 }, { 5000, 1 }, { 1, 1 }, { 1200, 2000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *s = make_image (sizes[i][0], sizes[i][1], i + 1);
      g_autoptr(GByteArray) png = encode (s, 0, NULL, 0);

      assert_reads_back (s, png);
      cairo_surface_destroy (s);
    }
}

/* Every width up to 40 pixels and around the 1600 of a chart: the pixels
 * are taken apart four at a time and the checksum summed 32 bytes at a
 * time (on processors that can), with the rest of a row or a buffer done
 * one by one; each read back exactly, libpng checking the adler32. */
static void
test_widths (void)
{
  for (int w = 1; w <= 1606; w = w < 40 ? w + 1 : w == 40 ? 1594 : w + 1)
    {
      cairo_surface_t *s = make_image (w, 7, (guint32) w);
      g_autoptr(GByteArray) png = encode (s, 0, NULL, 0);

      assert_reads_back (s, png);
      cairo_surface_destroy (s);
    }
}

/* Rows that repeat the row above are written apart from zlib, as the
 * filter "up" and copies of the byte before: every width's last copy, and
 * runs at the start and end of a stripe and of the image. */
static void
test_repeated_rows (void)
{
  static const int sizes[][2] = {
    { 1600, 900 }, { 1, 50 }, { 2, 30 }, { 86, 40 }, { 87, 40 }, { 173, 40 }, { 3, 9000 }, { 1200, 2000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *s = make_image_with_repeats (sizes[i][0], sizes[i][1], i + 11);
      g_autoptr(GByteArray) png = encode (s, 0, NULL, 0);
      g_autoptr(GByteArray) one = encode (s, 1, NULL, 0);
      g_autoptr(GByteArray) many = encode (s, 16, NULL, 0);

      assert_reads_back (s, png);
      g_assert_cmpmem (one->data, one->len, many->data, many->len);
      cairo_surface_destroy (s);
    }
}

static void
test_same_bytes_any_threads (void)
{
  cairo_surface_t *s = make_image (1600, 900, 7);
  g_autoptr(GByteArray) one = encode (s, 1, NULL, 0);
  g_autoptr(GByteArray) two = encode (s, 2, NULL, 0);
  g_autoptr(GByteArray) many = encode (s, 16, NULL, 0);

  g_assert_cmpmem (one->data, one->len, two->data, two->len);
  g_assert_cmpmem (one->data, one->len, many->data, many->len);
  cairo_surface_destroy (s);
}

/* A flat chart compresses: the stripes must not cost the compression ratio. */
static void
test_flat_image_is_small (void)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1600, 900);
  cairo_t *cr = cairo_create (s);
  g_autoptr(GByteArray) png = NULL;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (int i = 0; i < 5; i++)
    {
      cairo_set_source_rgb (cr, 0.2 * i, 0.5, 1 - 0.2 * i);
      cairo_rectangle (cr, 100 + 280 * i, 900 - 150 * (i + 1), 200, 150 * (i + 1));
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  png = encode (s, 0, NULL, 0);
  assert_reads_back (s, png);

  /* Against one zlib stream of the same rows at the same level. */
  {
    gsize row_bytes = 1 + 1600 * 3;
    g_autofree guint8 *raw = g_malloc (row_bytes * 900);
    uLongf single = compressBound (row_bytes * 900);
    g_autofree guint8 *packed = g_malloc (single);

    for (int y = 0; y < 900; y++)
      {
        const guint32 *src = (const guint32 *) (cairo_image_surface_get_data (s) + (gsize) y * cairo_image_surface_get_stride (s));
        guint8 *dst = raw + (gsize) y * row_bytes;

        *dst++ = 0;
        for (int x = 0; x < 1600; x++, dst += 3)
          dst[0] = src[x] >> 16, dst[1] = src[x] >> 8, dst[2] = src[x];
      }
    g_assert_cmpint (compress2 (packed, &single, raw, row_bytes * 900, 3), ==, Z_OK);
    g_test_message ("flat chart: %u bytes in stripes, %lu in one stream", png->len, (gulong) single);
    g_assert_cmpuint (png->len, <, single * 1.15 + 200);
    g_assert_cmpuint (png->len, <, row_bytes * 900 / 50);
  }
  cairo_surface_destroy (s);
}

static gboolean
has_chunk (GByteArray *png,
           const char *type,
           const char *body,
           gsize       body_len)
{
  gsize at = 8;

  while (at + 12 <= png->len)
    {
      guint32 n = (guint32) png->data[at] << 24 | png->data[at + 1] << 16 | png->data[at + 2] << 8 | png->data[at + 3];

      if (memcmp (png->data + at + 4, type, 4) == 0 && n == body_len
          && memcmp (png->data + at + 8, body, body_len) == 0)
        return TRUE;
      at += 12 + (gsize) n;
    }
  return FALSE;
}

static void
test_text_chunks (void)
{
  const ScPngText texts[] = {
    { "Software", "Shangce 1.0" },
    { "Title", "快手星耀计划" },
    { "Profile", "" },
    { "Data revision", NULL },
  };
  cairo_surface_t *s = make_image (20, 10, 3);
  g_autoptr(GByteArray) png = encode (s, 0, texts, G_N_ELEMENTS (texts));
  static const char software[] = "Software\0Shangce 1.0";
  static const char title[] = "Title\0\0\0\0\0快手星耀计划";

  g_assert_true (has_chunk (png, "tEXt", software, sizeof software - 1));
  g_assert_true (has_chunk (png, "iTXt", title, sizeof title - 1));
  g_assert_null (memmem (png->data, png->len, "Profile", 7));
  g_assert_null (memmem (png->data, png->len, "Data revision", 13));
  assert_reads_back (s, png);
  cairo_surface_destroy (s);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/png/round-trip", test_round_trip);
  g_test_add_func ("/chart/png/widths", test_widths);
  g_test_add_func ("/chart/png/repeated-rows", test_repeated_rows);
  g_test_add_func ("/chart/png/same-bytes-any-threads", test_same_bytes_any_threads);
  g_test_add_func ("/chart/png/flat-image-is-small", test_flat_image_is_small);
  g_test_add_func ("/chart/png/text-chunks", test_text_chunks);
  return g_test_run ();
}
