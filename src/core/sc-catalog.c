/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-catalog.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "sc-error.h"
#include "sc-file.h"
#include "sc-program-reader.h"

typedef struct
{
  ScProgramFile *file;
  ScOrigin       origin;
  char          *key;      /* canonical path: the same file is loaded once */
} Entry;

/*
 * Every look-up is a hash: loading F files of P programs costs O(F·P), not
 * O((F·P)²). What depends on all files (the order, the active revisions,
 * the baselines' order) is worked out once, when first asked for after a
 * file was added, not after every file.
 */
struct _ScCatalog
{
  GPtrArray  *entries;        /* Entry* */
  GHashTable *entry_keys;     /* Entry.key set (the entries own them) */
  GHashTable *program_entry;  /* ScProgram* → Entry* */
  GHashTable *by_revision;    /* "id\nrevision" (owned) → ScProgram* */
  GPtrArray  *all_programs;   /* ScProgram*, sorted */
  GPtrArray  *programs;       /* active ScProgram*, sorted */
  GHashTable *active;         /* id → the active ScProgram* */
  GHashTable *superseded;     /* ScProgram* set */
  GHashTable *baseline_of;    /* platform → ScBaseline* with the highest revision */
  GPtrArray  *baselines;      /* ScBaseline*, active, sorted by platform */
  GPtrArray  *examples;       /* ScExample* */
  GPtrArray  *errors;         /* GError* */
  gint        dirty;          /* a file was added since the last rebuild() (atomic) */
  GMutex      rebuilding;
};

static void
entry_free (Entry *entry)
{
  sc_program_file_free (entry->file);
  g_free (entry->key);
  g_free (entry);
}

/**
 * sc_catalog_new:
 *
 * Returns: (transfer full): an empty catalog.
 */
ScCatalog *
sc_catalog_new (void)
{
  ScCatalog *catalog = g_new0 (ScCatalog, 1);

  catalog->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  catalog->entry_keys = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->program_entry = g_hash_table_new (NULL, NULL);
  catalog->by_revision = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  catalog->all_programs = g_ptr_array_new ();
  catalog->programs = g_ptr_array_new ();
  catalog->active = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->superseded = g_hash_table_new (NULL, NULL);
  catalog->baseline_of = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->baselines = g_ptr_array_new ();
  catalog->examples = g_ptr_array_new ();
  catalog->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_mutex_init (&catalog->rebuilding);
  return catalog;
}

void
sc_catalog_free (ScCatalog *catalog)
{
  if (catalog == NULL)
    return;
  g_ptr_array_unref (catalog->all_programs);
  g_ptr_array_unref (catalog->programs);
  g_ptr_array_unref (catalog->baselines);
  g_ptr_array_unref (catalog->examples);
  g_hash_table_unref (catalog->entry_keys);
  g_hash_table_unref (catalog->program_entry);
  g_hash_table_unref (catalog->by_revision);
  g_hash_table_unref (catalog->active);
  g_hash_table_unref (catalog->superseded);
  g_hash_table_unref (catalog->baseline_of);
  g_ptr_array_unref (catalog->errors);
  g_ptr_array_unref (catalog->entries);
  g_mutex_clear (&catalog->rebuilding);
  g_free (catalog);
}

static int
compare_programs (gconstpointer a,
                  gconstpointer b)
{
  const ScProgram *pa = *(const ScProgram *const *) a;
  const ScProgram *pb = *(const ScProgram *const *) b;
  int c;

  if ((c = g_strcmp0 (pa->platform, pb->platform)) != 0)
    return c;
  if (pa->window.start != pb->window.start)
    return pa->window.start < pb->window.start ? -1 : 1;
  if ((c = g_strcmp0 (pa->id, pb->id)) != 0)
    return c;
  return pa->revision < pb->revision ? -1 : pa->revision > pb->revision ? 1 : 0;
}

static int
compare_baselines (gconstpointer a,
                   gconstpointer b)
{
  const ScBaseline *ba = *(const ScBaseline *const *) a;
  const ScBaseline *bb = *(const ScBaseline *const *) b;

  return g_strcmp0 (ba->platform, bb->platform);
}

/* Recomputes which programs are active, once files were added. */
static void
rebuild (ScCatalog *catalog)
{
  GHashTable *best = catalog->active;
  GHashTableIter iter;
  gpointer value;

  /* Threads that only read (the batch's workers evaluating at once) may
   * ask first after the last file was added: one rebuilds while the others
   * wait, and none sees the lists half rebuilt. */
  if (!g_atomic_int_get (&catalog->dirty))
    return;
  g_mutex_lock (&catalog->rebuilding);
  if (!g_atomic_int_get (&catalog->dirty))
    {
      g_mutex_unlock (&catalog->rebuilding);
      return;
    }

  g_ptr_array_sort (catalog->all_programs, compare_programs);
  g_hash_table_remove_all (best);
  for (guint i = 0; i < catalog->all_programs->len; i++)
    {
      ScProgram *program = g_ptr_array_index (catalog->all_programs, i);
      ScProgram *other = g_hash_table_lookup (best, program->id);

      if (other == NULL || program->revision > other->revision)
        g_hash_table_insert (best, program->id, program);
    }

  g_hash_table_remove_all (catalog->superseded);
  g_ptr_array_set_size (catalog->programs, 0);
  for (guint i = 0; i < catalog->all_programs->len; i++)
    {
      ScProgram *program = g_ptr_array_index (catalog->all_programs, i);

      if (g_hash_table_lookup (best, program->id) == program)
        g_ptr_array_add (catalog->programs, program);
      else
        g_hash_table_add (catalog->superseded, program);
    }

  g_ptr_array_set_size (catalog->baselines, 0);
  g_hash_table_iter_init (&iter, catalog->baseline_of);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (catalog->baselines, value);
  g_ptr_array_sort (catalog->baselines, compare_baselines);
  g_atomic_int_set (&catalog->dirty, FALSE);
  g_mutex_unlock (&catalog->rebuilding);
}

static void
add_error (ScCatalog    *catalog,
           const GError *error)
{
  g_ptr_array_add (catalog->errors, g_error_copy (error));
}

static void
add_conflict (ScCatalog  *catalog,
              const char *path,
              guint       line,
              const char *message)
{
  g_autoptr(GError) error = g_error_new (SC_ERROR, SC_ERROR_CONFLICT, "%s:%u:1: %s", path, MAX (line, 1), message);
  add_error (catalog, error);
}

/* Adds what @entry holds, refusing programs and baselines that clash. */
static void
merge_entry (ScCatalog *catalog,
             Entry     *entry)
{
  ScProgramFile *file = entry->file;

  for (guint i = 0; i < file->programs->len; i++)
    {
      ScProgram *program = g_ptr_array_index (file->programs, i);
      char *key = g_strdup_printf ("%s\n%u", program->id, program->revision);
      ScProgram *clash = g_hash_table_lookup (catalog->by_revision, key);

      if (clash == NULL)
        g_hash_table_insert (catalog->by_revision, key, program);
      else
        g_free (key);
      if (clash != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("program “%s” revision %u is also defined in %s:%u; the one loaded first is kept — raise the revision of the newer one"),
                             program->id, program->revision, clash->origin, clash->line);
          add_conflict (catalog, file->path, program->line, message);
          continue;
        }
      g_ptr_array_add (catalog->all_programs, program);
      g_hash_table_insert (catalog->program_entry, program, entry);
    }

  for (guint i = 0; i < file->baselines->len; i++)
    {
      ScBaseline *baseline = g_ptr_array_index (file->baselines, i);
      ScBaseline *other = g_hash_table_lookup (catalog->baseline_of, baseline->platform);

      if (other != NULL && other->revision == baseline->revision)
        {
          g_autofree char *message =
            g_strdup_printf (_("the baseline of “%s” revision %u is also defined in %s:%u; the one loaded first is kept"),
                             baseline->platform, baseline->revision, other->origin, other->line);
          add_conflict (catalog, file->path, baseline->line, message);
        }
      else if (other == NULL || other->revision < baseline->revision)
        g_hash_table_insert (catalog->baseline_of, baseline->platform, baseline);
    }

  for (guint i = 0; i < file->examples->len; i++)
    g_ptr_array_add (catalog->examples, g_ptr_array_index (file->examples, i));

  g_atomic_int_set (&catalog->dirty, TRUE);
}

static char *
canonical_key (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  char *real = realpath (absolute, NULL);

  if (real != NULL)
    {
      char *copy = g_strdup (real);
      free (real);
      return copy;
    }
  return g_steal_pointer (&absolute);
}

/**
 * sc_catalog_add_file:
 * @catalog: a catalog
 * @path: a program file
 * @origin: where it comes from
 * @error: return location for the file's problems
 *
 * Loads one file. A file already in the catalog (same real path) is not
 * loaded twice. On failure the error is also kept in the catalog.
 *
 * Returns: %TRUE when the file loaded (even if some of its programs clash).
 */
gboolean
sc_catalog_add_file (ScCatalog   *catalog,
                     const char  *path,
                     ScOrigin     origin,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = NULL;
  ScProgramFile *file;
  Entry *entry;

  g_return_val_if_fail (catalog != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = canonical_key (path);
  if (g_hash_table_contains (catalog->entry_keys, key))
    return TRUE;

  /* A full catalog refuses further files unread. */
  file = catalog->all_programs->len < SC_CATALOG_MAX_PROGRAMS ? sc_program_reader_load_file (path, &local_error) : NULL;
  if (local_error == NULL
      && (file == NULL || file->programs->len > SC_CATALOG_MAX_PROGRAMS - catalog->all_programs->len))
    {
      g_set_error (&local_error, SC_ERROR, SC_ERROR_TOO_LARGE,
                   _("%s:1:1: not loaded: all program files together may hold at most %d programs"),
                   path, SC_CATALOG_MAX_PROGRAMS);
      g_clear_pointer (&file, sc_program_file_free);
    }
  if (file == NULL)
    {
      add_error (catalog, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  entry = g_new0 (Entry, 1);
  entry->file = file;
  entry->origin = origin;
  entry->key = g_steal_pointer (&key);
  g_ptr_array_add (catalog->entries, entry);
  g_hash_table_add (catalog->entry_keys, entry->key);
  merge_entry (catalog, entry);
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/**
 * sc_catalog_add_directory:
 * @catalog: a catalog
 * @dir: a folder of program files
 * @origin: where they come from
 *
 * Loads every *.xml in @dir in name order. A missing folder is not an error;
 * a bad file is kept in the errors and the others still load.
 */
void
sc_catalog_add_directory (ScCatalog  *catalog,
                          const char *dir,
                          ScOrigin    origin)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_return_if_fail (catalog != NULL);
  g_return_if_fail (dir != NULL);

  if (!g_file_test (dir, G_FILE_TEST_EXISTS))
    return;
  d = g_dir_open (dir, 0, &error);
  if (d == NULL)
    {
      g_autoptr(GError) wrapped = g_error_new (SC_ERROR, SC_ERROR_IO, "%s:1:1: %s", dir, error->message);
      add_error (catalog, wrapped);
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".xml") && name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, (const char *) g_ptr_array_index (names, i), NULL);

      if (!sc_file_is_regular (path))
        {
          /* A FIFO or a device here would block the first read forever. */
          g_autoptr(GError) skipped = g_error_new (SC_ERROR, SC_ERROR_IO,
                                                   _("%s:1:1: not loaded: not a regular file (a pipe, device or folder)"),
                                                   path);
          add_error (catalog, skipped);
          continue;
        }
      sc_catalog_add_file (catalog, path, origin, NULL);
    }
}

/**
 * sc_catalog_add_defaults:
 * @catalog: a catalog
 *
 * Loads the bundled programs (sc_data_dir()/programs), then the user's
 * ($XDG_DATA_HOME/shangce/programs).
 */
void
sc_catalog_add_defaults (ScCatalog *catalog)
{
  g_autofree char *bundled = g_build_filename (sc_data_dir (), "programs", NULL);
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "shangce", "programs", NULL);

  g_return_if_fail (catalog != NULL);

  sc_catalog_add_directory (catalog, bundled, SC_ORIGIN_BUNDLED);
  sc_catalog_add_directory (catalog, user, SC_ORIGIN_USER);
}

/* Active programs, by platform, window start and id. (transfer none) */
GPtrArray *
sc_catalog_get_programs (ScCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  rebuild (catalog);
  return catalog->programs;
}

/* Every program including superseded revisions. (transfer none) */
GPtrArray *
sc_catalog_get_all_programs (ScCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  rebuild (catalog);
  return catalog->all_programs;
}

/* The active program with @id, or NULL. (transfer none) */
const ScProgram *
sc_catalog_find_program (ScCatalog  *catalog,
                         const char *id)
{
  g_return_val_if_fail (catalog != NULL, NULL);

  if (id == NULL)
    return NULL;
  rebuild (catalog);
  return g_hash_table_lookup (catalog->active, id);
}

gboolean
sc_catalog_is_superseded (ScCatalog       *catalog,
                          const ScProgram *program)
{
  g_return_val_if_fail (catalog != NULL, FALSE);
  rebuild (catalog);
  return g_hash_table_contains (catalog->superseded, program);
}

ScOrigin
sc_catalog_get_origin (ScCatalog       *catalog,
                       const ScProgram *program)
{
  Entry *entry;

  g_return_val_if_fail (catalog != NULL, SC_ORIGIN_COMMAND_LINE);
  entry = g_hash_table_lookup (catalog->program_entry, program);
  return entry != NULL ? entry->origin : SC_ORIGIN_COMMAND_LINE;
}

/* The <source> @source_id of the file @program came from. (transfer none) */
const ScSource *
sc_catalog_find_source (ScCatalog       *catalog,
                        const ScProgram *program,
                        const char      *source_id)
{
  Entry *entry;

  g_return_val_if_fail (catalog != NULL, NULL);
  entry = g_hash_table_lookup (catalog->program_entry, program);
  return entry != NULL ? sc_program_file_find_source (entry->file, source_id) : NULL;
}

/* The baseline of @platform with the highest revision, or NULL. (transfer none) */
const ScBaseline *
sc_catalog_find_baseline (ScCatalog  *catalog,
                          const char *platform)
{
  g_return_val_if_fail (catalog != NULL, NULL);

  if (platform == NULL)
    return NULL;
  return g_hash_table_lookup (catalog->baseline_of, platform);
}

GPtrArray *
sc_catalog_get_baselines (ScCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  rebuild (catalog);
  return catalog->baselines;
}

GPtrArray *
sc_catalog_get_examples (ScCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return catalog->examples;
}

GPtrArray *
sc_catalog_get_errors (ScCatalog *catalog)
{
  g_return_val_if_fail (catalog != NULL, NULL);
  return catalog->errors;
}

/* $SHANGCE_DATA_DIR when set (tests, running from the tree), else PKGDATADIR. (transfer none) */
const char *
sc_data_dir (void)
{
  const char *dir = g_getenv ("SHANGCE_DATA_DIR");

  return dir != NULL && *dir != '\0' ? dir : PKGDATADIR;
}
