/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The compiled-in bundled files (sc-program-cache.h): each bundled file loads
 * from it exactly as through the real reader, field by field; any other
 * bytes, one byte changed, go through the real reader; a broken flat form
 * is refused, never half read. */
#define G_LOG_DOMAIN "test-program-cache"

#include "config.h"

#include <glib.h>
#include <string.h>

#include "sc-catalog.h"
#include "sc-program-cache.h"
#include "sc-program-reader.h"

typedef struct
{
  char  *path;
  char  *data;
  gsize  length;
} Bundled;

static void
bundled_free (Bundled *b)
{
  g_free (b->path);
  g_free (b->data);
  g_free (b);
}

/* Every bundled program file and its bytes. (transfer full) */
static GPtrArray *
bundled_files (void)
{
  g_autofree char *dir = g_build_filename (sc_data_dir (), "programs", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) bundled_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      {
        Bundled *b = g_new0 (Bundled, 1);

        b->path = g_build_filename (dir, name, NULL);
        g_assert_true (g_file_get_contents (b->path, &b->data, &b->length, NULL));
        g_ptr_array_add (files, b);
      }
  g_assert_cmpuint (files->len, >=, 7);
  return files;
}

/* The file the real reader makes of @data, the cache off. (transfer full) */
static ScProgramFile *
load_real (const char *data,
           gsize       length,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  ScProgramFile *file;

  g_setenv ("SHANGCE_NO_PROGRAM_CACHE", "1", TRUE);
  g_assert_null (sc_program_cache_lookup (data, length, path));
  file = sc_program_reader_load_memory (data, length, path, &error);
  g_unsetenv ("SHANGCE_NO_PROGRAM_CACHE");
  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static void
assert_same_file (const ScProgramFile *a,
                  const ScProgramFile *b)
{
  g_autoptr(GBytes) dump_a = sc_program_cache_dump (a);
  g_autoptr(GBytes) dump_b = sc_program_cache_dump (b);

  g_assert_cmpuint (g_bytes_get_size (dump_a), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (dump_a, NULL), g_bytes_get_size (dump_a),
                   g_bytes_get_data (dump_b, NULL), g_bytes_get_size (dump_b));
}

/* Every bundled file is in the cache and loads from it as the reader reads
 * it, every field, by memory and by path, path and origins its own. */
static void
test_same_as_reader (void)
{
  g_autoptr(GPtrArray) files = bundled_files ();

  for (guint i = 0; i < files->len; i++)
    {
      Bundled *b = g_ptr_array_index (files, i);
      g_autoptr(ScProgramFile) real = load_real (b->data, b->length, b->path);
      g_autoptr(ScProgramFile) cached = sc_program_cache_lookup (b->data, b->length, b->path);
      g_autoptr(ScProgramFile) by_path = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *unwalked = NULL;

      g_test_message ("%s", b->path);
      /* The walk knows every field that holds something: the dump below
       * compares them all. */
      g_assert_cmpstr (unwalked = sc_program_cache_unwalked (real), ==, NULL);
      g_assert_nonnull (cached);
      assert_same_file (real, cached);
      g_assert_cmpstr (cached->path, ==, b->path);
      for (guint p = 0; p < cached->programs->len; p++)
        g_assert_cmpstr (((ScProgram *) g_ptr_array_index (cached->programs, p))->origin, ==, b->path);

      by_path = sc_program_reader_load_file (b->path, &error);
      g_assert_no_error (error);
      assert_same_file (real, by_path);
    }
}

/* Two catalogs of the bundled folder, with and without the cache, give the
 * same programs in the same order, each cited measure resolved. */
static void
test_catalog (void)
{
  g_autofree char *dir = g_build_filename (sc_data_dir (), "programs", NULL);
  g_autoptr(ScCatalog) cached = sc_catalog_new ();
  g_autoptr(ScCatalog) real = sc_catalog_new ();
  GPtrArray *a, *b;

  sc_catalog_add_directory (cached, dir, SC_ORIGIN_BUNDLED);
  g_setenv ("SHANGCE_NO_PROGRAM_CACHE", "1", TRUE);
  sc_catalog_add_directory (real, dir, SC_ORIGIN_BUNDLED);
  g_unsetenv ("SHANGCE_NO_PROGRAM_CACHE");
  g_assert_cmpuint (sc_catalog_get_errors (cached)->len, ==, 0);
  g_assert_cmpuint (sc_catalog_get_errors (real)->len, ==, 0);
  a = sc_catalog_get_programs (cached);
  b = sc_catalog_get_programs (real);
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpuint (a->len, >, 5);
  for (guint i = 0; i < a->len; i++)
    {
      const ScProgram *pa = g_ptr_array_index (a, i), *pb = g_ptr_array_index (b, i);

      g_assert_cmpstr (pa->id, ==, pb->id);
      g_assert_cmpuint (pa->measures->len, ==, pb->measures->len);
      for (guint m = 0; m < pa->measures->len; m++)
        {
          const ScMeasure *ma = g_ptr_array_index (pa->measures, m);

          g_assert_nonnull (ma->source);
          g_assert_cmpstr (ma->source->id, ==, ma->source_id);
          g_assert_true (sc_catalog_find_source (cached, pa, ma->source_id) == ma->source);
        }
    }
  g_assert_cmpuint (sc_catalog_get_baselines (cached)->len, ==, sc_catalog_get_baselines (real)->len);
  g_assert_cmpuint (sc_catalog_get_examples (cached)->len, ==, sc_catalog_get_examples (real)->len);
}

static Bundled *
find_bundled (GPtrArray  *files,
              const char *name)
{
  for (guint i = 0; i < files->len; i++)
    if (g_str_has_suffix (((Bundled *) g_ptr_array_index (files, i))->path, name))
      return g_ptr_array_index (files, i);
  g_assert_not_reached ();
}

/* One byte changed, the length kept, is not the bundled file: the real
 * reader reads it, and what it says is what the bytes say. */
static void
test_changed_byte (void)
{
  g_autoptr(GPtrArray) files = bundled_files ();
  Bundled *b = find_bundled (files, "baselines.xml");
  const char *revision = strstr (b->data, "<baseline platform=\"kuaishou\" revision=\"2\">");
  g_autofree char *changed = g_memdup2 (b->data, b->length + 1);
  g_autoptr(ScProgramFile) cached = sc_program_cache_lookup (b->data, b->length, b->path);
  g_autoptr(ScProgramFile) file = NULL;
  g_autoptr(ScProgramFile) comment = NULL;
  g_autoptr(ScProgramFile) real = NULL;
  g_autoptr(GError) error = NULL;
  char *in_comment;
  gsize at;

  g_assert_nonnull (cached);
  g_assert_nonnull (revision);
  at = (gsize) (revision - b->data) + strlen ("<baseline platform=\"kuaishou\" revision=\"");
  g_assert_cmpint (changed[at], ==, '2');
  changed[at] = '3';
  g_assert_null (sc_program_cache_lookup (changed, b->length, b->path));
  file = sc_program_reader_load_memory (changed, b->length, b->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((ScBaseline *) g_ptr_array_index (cached->baselines, 0))->platform, ==, "kuaishou");
  g_assert_cmpuint (((ScBaseline *) g_ptr_array_index (cached->baselines, 0))->revision, ==, 2);
  g_assert_cmpstr (((ScBaseline *) g_ptr_array_index (file->baselines, 0))->platform, ==, "kuaishou");
  g_assert_cmpuint (((ScBaseline *) g_ptr_array_index (file->baselines, 0))->revision, ==, 3);

  /* A byte of a comment: not the bundled bytes either, the same model. */
  changed[at] = '2';
  in_comment = strstr (changed, "SPDX-License-Identifier");
  g_assert_nonnull (in_comment);
  in_comment[0] = 's';
  g_assert_null (sc_program_cache_lookup (changed, b->length, b->path));
  comment = sc_program_reader_load_memory (changed, b->length, b->path, &error);
  g_assert_no_error (error);
  assert_same_file (cached, comment);

  /* The bytes without their last one, or with one more. */
  g_assert_null (sc_program_cache_lookup (b->data, b->length - 1, b->path));
  changed = g_realloc (changed, b->length + 2);
  memcpy (changed, b->data, b->length);
  changed[b->length] = '\n';
  changed[b->length + 1] = '\0';
  g_assert_null (sc_program_cache_lookup (changed, b->length + 1, b->path));
  real = sc_program_reader_load_memory (changed, b->length + 1, b->path, &error);
  g_assert_no_error (error);
  assert_same_file (cached, real);
}

/* A flat form cut short or with a byte changed is refused whole or read
 * without harm (the sanitizers watch); the whole form reads back. */
static void
test_broken_form (void)
{
  g_autoptr(GPtrArray) files = bundled_files ();
  Bundled *b = find_bundled (files, "others-2022.xml");
  g_autoptr(ScProgramFile) real = load_real (b->data, b->length, b->path);
  g_autoptr(GBytes) form = sc_program_cache_serialize (real);
  gsize length;
  const guint8 *data = g_bytes_get_data (form, &length);
  g_autofree guint8 *copy = g_memdup2 (data, length);
  g_autoptr(ScProgramFile) whole = sc_program_cache_deserialize (data, length, b->path);

  g_assert_nonnull (whole);
  assert_same_file (real, whole);
  for (gsize cut = 0; cut < length; cut += cut < 4096 ? 1 : 997)
    g_assert_null (sc_program_cache_deserialize (data, cut, b->path));
  for (guint i = 0; i < 2000; i++)
    {
      gsize at = (gsize) g_test_rand_int_range (0, (gint32) length);
      guint8 was = copy[at];
      ScProgramFile *file;

      copy[at] = (guint8) g_test_rand_int_range (0, 256);
      file = sc_program_cache_deserialize (copy, length, b->path);
      sc_program_file_free (file);
      copy[at] = was;
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/program-cache/same-as-reader", test_same_as_reader);
  g_test_add_func ("/program-cache/catalog", test_catalog);
  g_test_add_func ("/program-cache/changed-byte", test_changed_byte);
  g_test_add_func ("/program-cache/broken-form", test_broken_form);
  return g_test_run ();
}
