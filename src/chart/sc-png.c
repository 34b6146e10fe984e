/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-chart"

#include "config.h"

#include "sc-png.h"

#include "sc-error.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <zlib.h>

/*
 * A PNG encoder for charts, written for export speed.
 *
 * cairo_surface_write_to_png lets libpng try every row filter at zlib level
 * 6, which costs twice the drawing. Measured on the overview chart, 1600×900,
 * thread CPU time of the encoder alone, best of 9, on the Debian 12 build
 * machine (libpng 1.6.39, zlib 1.2.13):
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
 * filter is 2.2× faster than level 6 with UP for 5.5 % more bytes — the
 * trade for a chart that goes on a slide.
 *
 * Then the rows are cut into stripes of about STRIPE_BYTES that compress on
 * all processors at once, the way pigz does: each stripe is a raw deflate
 * stream primed with the 32 KiB of rows before it (so matches across the cut
 * are still found), ended by a sync flush so the streams join into one; the
 * checksums combine with adler32_combine(). The stripes depend only on the
 * image size, so the file is the same bytes on one processor or sixteen.
 * Measured with tests/chart/bench-chart-warm on the same chart (nine
 * stripes), best of 15 batches on the two-processor build machine while
 * other builds ran: one thread 9.6 ms, two 5.6 ms; 94,645 bytes, no more
 * than the single stream libpng made of the same rows (95,991).
 *
 * More than half the rows of a chart repeat the row above (the overview:
 * 505 of 900, in 18 runs), and zlib spends as long on those as on any:
 * about 2 ns a byte however well they compress. So such a row skips zlib:
 * it is written with the filter "up", which makes it zeros, as a block of
 * deflate's fixed code of our own (a literal 2 and 0, then copies of the
 * byte before, 33 bytes a 1600-pixel row); zlib's stream around it ends on a
 * byte boundary (Z_SYNC_FLUSH) and the rows after start a new one. Which
 * rows repeat is decided for the whole image first, so the bytes stay the
 * same on any number of processors. Same machine and chart, tests/chart/
 * bench-chart-warm: one thread 8.9 → 5.2 ms CPU for 1 % more bytes
 * (101,747 → 102,772).
 */

#define ZLIB_LEVEL    3
#define STRIPE_BYTES  (512 * 1024)
#define MAX_STRIPES   64
#define BLOCK_ROWS    16
#define DICT_BYTES    32768
#define IDAT_MAX      (1024 * 1024)

typedef struct
{
  const guint8 *data;
  int           width;
  int           height;
  int           stride;
  gsize         row_bytes;    /* filter byte + 3 per pixel */
  int           stripe_rows;
  guint         n_stripes;
  const guint8 *repeat;       /* per row: TRUE to write it as a repeat (see below) */
  gint          next;         /* atomic: the next stripe to take */
  struct
  {
    guint8     *bytes;
    gsize       length;
    uLong       adler;
    gsize       raw_length;
    gboolean    failed;
  } stripe[MAX_STRIPES];
} Job;

/* --- the two loops over every byte, four pixels or 32 bytes at a time --- */

/*
 * After zlib itself, the encoder's time went to taking the pixels apart
 * (xRGB words to RGB bytes) and to adler32 (zlib 1.2.13's is a byte at a
 * time): 6.8 million instructions each of a 1600×900 overview's export,
 * together more than a tenth of the process's CPU. On x86-64 with SSSE3
 * (every x86-64 processor since 2008 but the first AMD ones) one shuffle
 * takes four pixels apart, and adler32 sums 32 bytes with two multiply-
 * adds; the same bytes and the same checksum as the plain loops below,
 * which every other processor runs.
 */
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_SSSE3_PATHS 1

static gboolean
have_ssse3 (void)
{
  static gsize done;
  static gboolean have;

  if (g_once_init_enter (&done))
    {
      __builtin_cpu_init ();
      have = __builtin_cpu_supports ("ssse3");
      g_once_init_leave (&done, 1);
    }
  return have;
}

/* Pixels from the first while four more and two after them are in the row:
 * the 16-byte store writes 4 bytes past the 12 it means, which the next
 * pixels' bytes then overwrite; never past the row. Returns where it
 * stopped. */
__attribute__ ((target ("ssse3"))) static int
convert_pixels_ssse3 (const guint32 *src,
                      int            width,
                      guint8        *dst)
{
  const __m128i order = _mm_setr_epi8 (2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  int x = 0;

  for (; x + 6 <= width; x += 4, dst += 12)
    _mm_storeu_si128 ((__m128i *) dst, _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (src + x)), order));
  return x;
}

#define ADLER_BASE 65521u
#define ADLER_NMAX 5552     /* zlib's: the most bytes before s2 must be reduced */

__attribute__ ((target ("ssse3"))) static uLong
adler32_ssse3 (uLong         adler,
               const guint8 *buf,
               gsize         len)
{
  const __m128i weights_lo = _mm_setr_epi8 (32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17);
  const __m128i weights_hi = _mm_setr_epi8 (16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
  const __m128i ones = _mm_set1_epi16 (1), zero = _mm_setzero_si128 ();
  guint64 s1 = adler & 0xffff, s2 = (adler >> 16) & 0xffff;

  while (len >= 32)
    {
      gsize chunks = MIN (len, (gsize) ADLER_NMAX) / 32;
      __m128i v_before = zero, v_s1 = zero, v_s2 = zero;
      guint32 lanes[4];

      /* Per 32 bytes b0..b31 after s1 = S: s2 += 32 S + Σ (32 − i) bi,
       * s1 += Σ bi. S is s1 at the block's start plus the bytes before. */
      s2 += s1 * chunks * 32;
      len -= chunks * 32;
      for (; chunks > 0; chunks--, buf += 32)
        {
          __m128i lo = _mm_loadu_si128 ((const __m128i *) buf);
          __m128i hi = _mm_loadu_si128 ((const __m128i *) (buf + 16));

          v_before = _mm_add_epi32 (v_before, v_s1);
          v_s1 = _mm_add_epi32 (v_s1, _mm_add_epi32 (_mm_sad_epu8 (lo, zero), _mm_sad_epu8 (hi, zero)));
          v_s2 = _mm_add_epi32 (v_s2, _mm_madd_epi16 (_mm_maddubs_epi16 (lo, weights_lo), ones));
          v_s2 = _mm_add_epi32 (v_s2, _mm_madd_epi16 (_mm_maddubs_epi16 (hi, weights_hi), ones));
        }
      _mm_storeu_si128 ((__m128i *) lanes, v_before);
      s2 += 32 * ((guint64) lanes[0] + lanes[1] + lanes[2] + lanes[3]);
      _mm_storeu_si128 ((__m128i *) lanes, v_s2);
      s2 += (guint64) lanes[0] + lanes[1] + lanes[2] + lanes[3];
      _mm_storeu_si128 ((__m128i *) lanes, v_s1);
      s1 += (guint64) lanes[0] + lanes[1] + lanes[2] + lanes[3];
      s1 %= ADLER_BASE;
      s2 %= ADLER_BASE;
    }
  for (; len > 0; len--)
    {
      s1 += *buf++;
      s2 += s1;
    }
  return (uLong) ((s2 % ADLER_BASE) << 16 | (s1 % ADLER_BASE));
}
#endif

/* adler32 (@adler, @buf, @len), as zlib's. */
static uLong
checksum (uLong         adler,
          const guint8 *buf,
          gsize         len)
{
#ifdef HAVE_SSSE3_PATHS
  if (have_ssse3 ())
    return adler32_ssse3 (adler, buf, len);
#endif
  return adler32 (adler, buf, (uInt) len);
}

/* One PNG row as the stream has it: filter type 0 (none), then RGB; or for
 * a repeated row, filter type 2 (up) and zeros. */
static void
convert_row (const Job *job,
             int        y,
             guint8    *dst)
{
  const guint32 *src = (const guint32 *) (job->data + (gsize) y * job->stride);
  int x = 0;

  if (job->repeat[y])
    {
      dst[0] = 2;
      memset (dst + 1, 0, job->row_bytes - 1);
      return;
    }
  *dst++ = 0;
#ifdef HAVE_SSSE3_PATHS
  if (have_ssse3 ())
    {
      x = convert_pixels_ssse3 (src, job->width, dst);
      dst += 3 * x;
    }
#endif
  for (; x < job->width; x++)
    {
      guint32 p = src[x];

      dst[0] = (guint8) (p >> 16);
      dst[1] = (guint8) (p >> 8);
      dst[2] = (guint8) p;
      dst += 3;
    }
}

/* --- repeated rows, written without zlib ------------------------------ */

typedef struct
{
  guint8  *out;
  guint64  bits;
  int      n;
} Bits;

/* @count bits of @value, least significant first, as deflate packs them. */
static inline void
put_bits (Bits    *b,
          guint32  value,
          int      count)
{
  b->bits |= (guint64) value << b->n;
  b->n += count;
  while (b->n >= 8)
    {
      *b->out++ = (guint8) b->bits;
      b->bits >>= 8;
      b->n -= 8;
    }
}

/* A Huffman code goes most significant bit first. */
static inline void
put_code (Bits    *b,
          guint32  code,
          int      length)
{
  guint32 reversed = 0;

  for (int i = 0; i < length; i++, code >>= 1)
    reversed = (reversed << 1) | (code & 1);
  put_bits (b, reversed, length);
}

/* Literal or end of block (0–256) in the fixed code of RFC 1951 3.2.6. */
static inline void
put_fixed_literal (Bits *b,
                   guint sym)
{
  if (sym < 144)
    put_code (b, 0x30 + sym, 8);
  else if (sym < 256)
    put_code (b, 0x190 + sym - 144, 9);
  else
    put_code (b, 0, 7);
}

/* A copy of @length (3–258) bytes from the byte before, in the fixed code. */
static void
put_fixed_copy_previous (Bits *b,
                         guint length)
{
  static const guint16 base[] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43,
                                  51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
  static const guint8 extra[] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3,
                                  3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
  guint i = G_N_ELEMENTS (base) - 1;
  guint sym;

  while (base[i] > length)
    i--;
  sym = 257 + i;
  if (sym < 280)
    put_code (b, sym - 256, 7);
  else
    put_code (b, 0xc0 + sym - 280, 8);
  put_bits (b, length - base[i], extra[i]);
  put_code (b, 0, 5);   /* distance code 0: one byte back */
}

/*
 * @n rows that repeat the row above, as one fixed-code deflate block: each
 * is the filter byte 2 (up) and zeros, a literal 2, a literal 0, then
 * copies of the byte before. Ends on a byte boundary, with an empty stored
 * block unless @final (as zlib's Z_SYNC_FLUSH does), so the next block may
 * be zlib's. Returns the end of what it wrote: at most 3 + n × (row_bytes
 * / 19 + 4) + 5 bytes.
 */
static guint8 *
write_repeats (const Job *job,
               guint      n,
               gboolean   final,
               guint8    *out)
{
  Bits b = { out, 0, 0 };

  put_bits (&b, final ? 1 : 0, 1);
  put_bits (&b, 1, 2);   /* fixed Huffman codes */
  for (guint r = 0; r < n; r++)
    {
      gsize left = job->row_bytes - 2;

      put_fixed_literal (&b, 2);
      put_fixed_literal (&b, 0);
      while (left > 0)
        {
          /* Never leave 1 or 2 bytes: a copy is at least 3. */
          gsize take = left <= 258 ? left : (left - 258 >= 3 ? 258 : left - 3);

          if (take >= 3)
            put_fixed_copy_previous (&b, (guint) take);
          else
            for (gsize i = 0; i < take; i++)
              put_fixed_literal (&b, 0);
          left -= take;
        }
    }
  put_fixed_literal (&b, 256);
  if (!final)
    {
      put_bits (&b, 0, 3);    /* not final, stored */
      if (b.n > 0)
        put_bits (&b, 0, 8 - b.n);
      put_bits (&b, 0x0000, 16);
      put_bits (&b, 0xffff, 16);
    }
  else if (b.n > 0)
    put_bits (&b, 0, 8 - b.n);
  return b.out;
}

/* adler32 of @n zero bytes: A stays 1, B adds it up @n times. */
static uLong
adler32_zeros (gsize n)
{
  return ((uLong) (n % 65521) << 16) | 1;
}

/* @z: a raw deflate stream of ours, reset (its buffers are kept). */
static gboolean
compress_stripe (Job      *job,
                 guint     s,
                 z_stream *z,
                 guint8   *buffer)
{
  int first = (int) s * job->stripe_rows;
  int end = MIN (first + job->stripe_rows, job->height);
  gboolean last = s + 1 == job->n_stripes;
  uLong adler = adler32 (0, Z_NULL, 0);
  gboolean zlib_pending = FALSE, restart = FALSE;
  gsize bound;
  int ret;

  if (deflateReset (z) != Z_OK)
    return FALSE;

  if (first > 0)
    {
      /* The rows just above, as the sequential encoder would remember them. */
      int k = (int) MIN ((gsize) first, (DICT_BYTES + job->row_bytes - 1) / job->row_bytes);
      gsize have = (gsize) k * job->row_bytes;
      gsize use = MIN (have, (gsize) DICT_BYTES);

      for (int i = 0; i < k; i++)
        convert_row (job, first - k + i, buffer + (gsize) i * job->row_bytes);
      deflateSetDictionary (z, buffer + have - use, (uInt) use);
    }

  /* zlib's part can be no longer than all rows through zlib; a repeat is
   * shorter than its row; each switch between the two costs a few bytes. */
  bound = deflateBound (z, (uLong) ((gsize) (end - first) * job->row_bytes)) + 64 + 16 * (gsize) (end - first);
  job->stripe[s].bytes = g_try_malloc (bound);
  if (job->stripe[s].bytes == NULL)
    return FALSE;
  z->next_out = job->stripe[s].bytes;
  z->avail_out = (uInt) bound;

  for (int y = first; y < end;)
    {
      int n = 0;

      if (job->repeat[y])
        {
          guint8 *start = z->next_out;

          while (y + n < end && job->repeat[y + n])
            n++;
          if (zlib_pending)
            {
              /* End zlib's block on a byte boundary. */
              z->avail_in = 0;
              if (deflate (z, Z_SYNC_FLUSH) == Z_STREAM_ERROR)
                return FALSE;
              zlib_pending = FALSE;
              start = z->next_out;
            }
          z->next_out = write_repeats (job, (guint) n, last && y + n >= end, start);
          z->avail_out -= (uInt) (z->next_out - start);
          for (int i = 0; i < n; i++)
            {
              static const guint8 up = 2;

              adler = adler32 (adler, &up, 1);
              adler = adler32_combine (adler, adler32_zeros (job->row_bytes - 1), (z_off_t) (job->row_bytes - 1));
            }
          /* zlib's next rows start a stream of their own: nothing of ours
           * is in its window, so it copies nothing from before. */
          restart = TRUE;
        }
      else
        {
          gsize len;
          gboolean final_block;

          while (n < BLOCK_ROWS && y + n < end && !job->repeat[y + n])
            n++;
          final_block = y + n >= end;
          if (restart && deflateReset (z) != Z_OK)
            return FALSE;
          restart = FALSE;
          len = (gsize) n * job->row_bytes;
          for (int i = 0; i < n; i++)
            convert_row (job, y + i, buffer + (gsize) i * job->row_bytes);
          adler = checksum (adler, buffer, len);
          z->next_in = buffer;
          z->avail_in = (uInt) len;
          ret = deflate (z, !final_block ? Z_NO_FLUSH : last ? Z_FINISH : Z_SYNC_FLUSH);
          if (ret == Z_STREAM_ERROR || z->avail_in != 0 || (final_block && last && ret != Z_STREAM_END))
            return FALSE;
          zlib_pending = !final_block;
        }
      y += n;
    }

  job->stripe[s].length = bound - z->avail_out;
  job->stripe[s].adler = adler;
  job->stripe[s].raw_length = (gsize) (end - first) * job->row_bytes;
  return TRUE;
}

static gpointer
compress_stripes (gpointer data)
{
  Job *job = data;
  gsize block = MAX ((gsize) BLOCK_ROWS, (DICT_BYTES + job->row_bytes - 1) / job->row_bytes + 1);
  guint8 *buffer = g_try_malloc (block * job->row_bytes);
  z_stream z = { 0 };
  gboolean ready = buffer != NULL
                   && deflateInit2 (&z, ZLIB_LEVEL, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  guint s;

  while ((s = (guint) g_atomic_int_add (&job->next, 1)) < job->n_stripes)
    if (!ready || !compress_stripe (job, s, &z, buffer))
      job->stripe[s].failed = TRUE;
  if (ready)
    deflateEnd (&z);
  g_free (buffer);
  return NULL;
}

static void
put_u32 (GByteArray *out,
         guint32     v)
{
  guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };

  g_byte_array_append (out, b, 4);
}

/* A chunk: length, type, data, CRC of type and data. */
static void
put_chunk (GByteArray   *out,
           const char   *type,
           const guint8 *data,
           gsize         length)
{
  uLong crc = crc32 (0, Z_NULL, 0);

  put_u32 (out, (guint32) length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, (guint) length);
  crc = crc32 (crc, (const Bytef *) type, 4);
  if (length > 0)
    crc = crc32 (crc, data, (uInt) length);
  put_u32 (out, (guint32) crc);
}

static gboolean
is_ascii (const char *s)
{
  for (; *s != '\0'; s++)
    if ((guchar) *s >= 0x80 || (guchar) *s < 0x20)
      return FALSE;
  return TRUE;
}

static void
put_text (GByteArray      *out,
          const ScPngText *text)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  static const guint8 zero[3] = { 0, 0, 0 };
  gboolean latin = is_ascii (text->value);

  g_byte_array_append (body, (const guint8 *) text->key, strlen (text->key));
  /* tEXt: key NUL text. iTXt: key NUL, not compressed (0, 0), empty
   * language tag NUL, empty translated key NUL, UTF-8 text. */
  g_byte_array_append (body, zero, latin ? 1 : 3);
  if (!latin)
    g_byte_array_append (body, zero, 2);
  g_byte_array_append (body, (const guint8 *) text->value, strlen (text->value));
  put_chunk (out, latin ? "tEXt" : "iTXt", body->data, body->len);
}

gboolean
sc_png_encode_rgb24 (const guint8    *data,
                     int              width,
                     int              height,
                     int              stride,
                     const ScPngText *texts,
                     guint            n_texts,
                     double           pixels_per_inch,
                     guint            max_threads,
                     GByteArray      *out,
                     GError         **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* zlib header: deflate, 32 KiB window, "fast" level, no dictionary. */
  static const guint8 zlib_header[2] = { 0x78, 0x5e };
  g_autofree Job *job = NULL;
  g_autoptr(GByteArray) idat = NULL;
  g_autofree guint8 *repeat = NULL;
  GThread *threads[MAX_STRIPES] = { NULL };
  guint n_threads;
  guint8 ihdr[13];
  uLong adler = adler32 (0, Z_NULL, 0);
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL && out != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && stride >= width * 4, FALSE);

  job = g_new0 (Job, 1);
  job->data = data;
  job->width = width;
  job->height = height;
  job->stride = stride;
  job->row_bytes = 1 + (gsize) width * 3;
  job->stripe_rows = (int) MAX ((gsize) 1, STRIPE_BYTES / job->row_bytes);
  job->stripe_rows = MAX (job->stripe_rows, (height + MAX_STRIPES - 1) / MAX_STRIPES);
  job->n_stripes = (guint) ((height + job->stripe_rows - 1) / job->stripe_rows);

  /* Which rows repeat the row above (a chart has long runs of them: the
   * background, the bars), decided for the whole image before the stripes
   * so that each stripe primes its stream with the very bytes written. */
  repeat = g_malloc0 ((gsize) height);
  for (int y = 1; y < height; y++)
    repeat[y] = memcmp (data + (gsize) y * stride, data + (gsize) (y - 1) * stride, (gsize) width * 4) == 0;
  job->repeat = repeat;

  /* This thread compresses too; the others only if there are processors. */
  n_threads = MIN (job->n_stripes, max_threads > 0 ? max_threads : (guint) MAX (g_get_num_processors (), 1));
  for (guint i = 1; i < n_threads; i++)
    threads[i] = g_thread_try_new ("shangce-png", compress_stripes, job, NULL);
  compress_stripes (job);
  for (guint i = 1; i < n_threads; i++)
    if (threads[i] != NULL)
      g_thread_join (threads[i]);

  idat = g_byte_array_sized_new (64 * 1024);
  g_byte_array_append (idat, zlib_header, 2);
  for (guint s = 0; s < job->n_stripes; s++)
    {
      ok = ok && !job->stripe[s].failed && job->stripe[s].bytes != NULL;
      if (ok)
        {
          g_byte_array_append (idat, job->stripe[s].bytes, (guint) job->stripe[s].length);
          adler = adler32_combine (adler, job->stripe[s].adler, (z_off_t) job->stripe[s].raw_length);
        }
      g_free (job->stripe[s].bytes);
    }
  if (!ok)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot encode the PNG image: %s"),
                   g_strerror (ENOMEM));
      return FALSE;
    }
  put_u32 (idat, (guint32) adler);

  g_byte_array_append (out, signature, sizeof signature);
  ihdr[0] = width >> 24; ihdr[1] = width >> 16; ihdr[2] = width >> 8; ihdr[3] = width;
  ihdr[4] = height >> 24; ihdr[5] = height >> 16; ihdr[6] = height >> 8; ihdr[7] = height;
  ihdr[8] = 8;    /* bits per sample */
  ihdr[9] = 2;    /* RGB */
  ihdr[10] = 0;   /* deflate */
  ihdr[11] = 0;   /* adaptive filtering (each row names its filter) */
  ihdr[12] = 0;   /* not interlaced */
  put_chunk (out, "IHDR", ihdr, sizeof ihdr);
  if (pixels_per_inch > 0 && pixels_per_inch < 1e6)
    {
      /* pHYs: pixels per metre on each axis, unit 1 (metre). */
      guint32 ppm = (guint32) (pixels_per_inch / 0.0254 + 0.5);
      guint8 phys[9] = { ppm >> 24, ppm >> 16, ppm >> 8, ppm, ppm >> 24, ppm >> 16, ppm >> 8, ppm, 1 };

      put_chunk (out, "pHYs", phys, sizeof phys);
    }
  for (guint i = 0; i < n_texts; i++)
    if (texts[i].value != NULL && texts[i].value[0] != '\0')
      put_text (out, &texts[i]);
  for (gsize at = 0; at < idat->len; at += IDAT_MAX)
    put_chunk (out, "IDAT", idat->data + at, MIN ((gsize) IDAT_MAX, idat->len - at));
  put_chunk (out, "IEND", NULL, 0);
  return TRUE;
}
