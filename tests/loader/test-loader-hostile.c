/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile and unreadable program files: each refused with a clear message
 * in bounded time and memory. */
#define G_LOG_DOMAIN "test-loader-hostile"

#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "loader-fixture.h"
#include "sc-catalog.h"
#include "sc-error.h"
#include "sc-program-reader.h"
#include "sc-quote.h"
#include "sc-xml.h"


static char *
make_quadratic (void)
{
  g_autofree char *value = repeat ("x", 50000);
  g_autofree char *refs = repeat ("&a;", 50000);
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE program-file [<!ENTITY a \"%s\">]>\n%s%s</program-file>\n",
                          value, ROOT, refs);
}

static char *
make_deep (void)
{
  g_autofree char *open = repeat ("<all>", 10000);
  g_autofree char *close = repeat ("</all>", 10000);
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n%s\n%s%s</program-file>\n", ROOT, open, close);
}

static char *
make_million (void)
{
  g_autofree char *many = repeat ("<a/>", 1000000);
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n%s\n%s</program-file>\n", ROOT, many);
}

static char *
make_large (void)
{
  /* Well-formed and harmless, only too big: > 8 MiB of comments. */
  g_autofree char *padding = repeat ("<!-- padding padding padding padding padding padding -->\n", 160000);
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n%s\n%s</program-file>\n", ROOT, padding);
}

static char *
make_long_text (void)
{
  g_autofree char *text = repeat ("长", 40000);
  return g_strdup_printf ("<?xml version=\"1.0\"?>\n%s\n<source id=\"s\" file=\"f\" publisher=\"p\" published=\"2026-01-01\"><title xml:lang=\"zh\">%s</title></source></program-file>\n",
                          ROOT, text);
}

static char *
make_invalid_utf8 (void)
{
  return g_strdup ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" ROOT "\n<!-- caf\xe9 au lait -->\n</program-file>\n");
}

static char *
make_gzip (void)
{
  g_autofree char *sample = read_fixture ("sample.xml");
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;
  char *data;

  g_output_stream_write_all (out, sample, strlen (sample), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write (memory, "", 1, NULL, NULL);   /* so the bytes can be handed on as one string */
  data = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory));
  return data;
}

static char *
make_fixture_xxe (void)
{
  return read_fixture ("xxe.xml");
}

static char *
make_fixture_laughs (void)
{
  return read_fixture ("billion-laughs.xml");
}

static char *
make_fixture_xinclude (void)
{
  return read_fixture ("xinclude.xml");
}

static char *
make_empty (void)
{
  return g_strdup ("");
}

static char *
make_public_doctype (void)
{
  return g_strdup ("<?xml version=\"1.0\"?>\n<!DOCTYPE program-file SYSTEM \"http://example.com/evil.dtd\">\n" ROOT "</program-file>\n");
}

typedef struct
{
  const char *name;
  char     *(*make) (void);
  gsize       length;     /* 0: strlen; for binary data, see make_gzip */
  ScError     code;
  guint       line;       /* 0: do not check */
  const char *words[3];
} Hostile;

static const Hostile hostile[] = {
  { "external-entity", make_fixture_xxe, 0, SC_ERROR_FORBIDDEN, 2, { "DOCTYPE", "not allowed" } },
  { "billion-laughs", make_fixture_laughs, 0, SC_ERROR_FORBIDDEN, 2, { "DOCTYPE", "not allowed" } },
  { "quadratic-blowup", make_quadratic, 0, SC_ERROR_FORBIDDEN, 2, { "DOCTYPE" } },
  { "external-dtd", make_public_doctype, 0, SC_ERROR_FORBIDDEN, 2, { "DOCTYPE" } },
  { "deep-nesting", make_deep, 0, SC_ERROR_TOO_LARGE, 3, { "nested", "64" } },
  { "million-elements", make_million, 0, SC_ERROR_TOO_LARGE, 3, { "more than 200000 elements" } },
  { "large-file", make_large, 0, SC_ERROR_TOO_LARGE, 1, { "MiB", "at most 8" } },
  { "long-text", make_long_text, 0, SC_ERROR_TOO_LARGE, 3, { "longer than 65536" } },
  { "invalid-utf8", make_invalid_utf8, 0, SC_ERROR_MALFORMED, 3, { "not valid UTF-8", "0xE9" } },
  { "xinclude", make_fixture_xinclude, 0, SC_ERROR_FORBIDDEN, 3, { "XInclude", "not allowed" } },
  { "gzip", make_gzip, 0, SC_ERROR_MALFORMED, 1, { "gzip", "decompress" } },
  { "empty", make_empty, 0, SC_ERROR_MALFORMED, 1, { "empty" } },
};

static void
test_hostile (gconstpointer data)
{
  const Hostile *h = data;
  g_autofree char *bytes = h->make ();
  gsize length = strlen (bytes);
  g_autofree char *name = g_strdup_printf ("%s.xml", h->name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = NULL;
  gint64 start;
  double seconds;

  if (h->make == make_gzip)
    length = 20;   /* enough of the header; the rest is never read */

  start = g_get_monotonic_time ();
  file = sc_program_reader_load_memory (bytes, length, name, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  g_assert_null (file);
  g_assert_nonnull (error);
  g_test_message ("%s (%.3f s)", error->message, seconds);
  g_assert_cmpint (error->code, ==, h->code);
  assert_message (error->message, name, h->line, h->words);
  /* Bounded time: an expanded entity bomb takes many seconds; a refusal
   * takes milliseconds. The bound is loose so slow machines (valgrind) pass. */
  g_assert_cmpfloat (seconds, <, 5.0);
}

/* The size cap holds on files too, without reading them whole. */
static void
test_large_file_on_disk (void)
{
  g_autofree char *bytes = make_large ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = NULL;
  int fd;

  g_assert_cmpuint (strlen (bytes), >, SC_XML_MAX_BYTES);
  fd = g_file_open_tmp ("shangce-large-XXXXXX.xml", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, bytes, -1, &error);
  g_assert_no_error (error);

  file = sc_program_reader_load_file (path, &error);
  g_assert_null (file);
  g_assert_error (error, SC_ERROR, SC_ERROR_TOO_LARGE);
  assert_message (error->message, path, 1, (const char *const[]) { "MiB", NULL });
  g_unlink (path);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = sc_program_reader_load_file ("/nonexistent/shangce/program.xml", &error);

  g_assert_null (file);
  g_assert_error (error, SC_ERROR, SC_ERROR_IO);
  assert_message (error->message, "/nonexistent/shangce/program.xml", 1, (const char *const[]) { "cannot open", NULL });
}

/* Several problems in one file are all reported, each on its own line. */
static void
test_several_problems (void)
{
  g_autofree char *sample = read_fixture ("sample.xml");
  g_autofree char *a = replace_once (sample, "<amount value=\"240\"/>", "<amount value=\"250\"/>");
  g_autofree char *b = replace_once (a, "<measure id=\"m4-rank\" source=\"s000\">", "<measure id=\"m4-rank\" source=\"s404\">");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProgramFile) file = sc_program_reader_load_memory (b, strlen (b), "two.xml", &error);

  g_assert_null (file);
  assert_message (error->message, "two.xml", line_of (b, "<amount value=\"250\""), (const char *const[]) { "250", NULL });
  assert_message (error->message, "two.xml", line_of (b, "s404"), (const char *const[]) { "s404", NULL });
}

/* Columns count characters, not bytes, and lines pass 65535. */

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *test = g_strdup_printf ("/loader/hostile/%s", hostile[i].name);
      g_test_add_data_func (test, &hostile[i], test_hostile);
    }
  g_test_add_func ("/loader/hostile/large-file-on-disk", test_large_file_on_disk);
  g_test_add_func ("/loader/missing-file", test_missing_file);
  g_test_add_func ("/loader/several-problems", test_several_problems);
  return g_test_run ();
}
