/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-recovery.h"

#include "sc-error.h"
#include "sc-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define META_GROUP        "Recovery"
/* A writer renames its temporary file within milliseconds; one older than
 * this was left by a killed process. */
#define STALE_TEMP_SECONDS 60

void
sc_recovery_entry_free (ScRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->path);
  g_free (entry->original);
  g_free (entry->name);
  g_clear_pointer (&entry->saved, g_date_time_unref);
  g_free (entry);
}

char *
sc_recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "shangce", "recovery", NULL);
}

char *
sc_recovery_new_id (void)
{
  return g_uuid_string_random ();
}

gboolean
sc_recovery_id_is_valid (const char *id)
{
  gsize n = 0;

  if (id == NULL)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++, n++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_') || n >= SC_RECOVERY_ID_MAX)
      return FALSE;
  return n > 0;
}

static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (sc_recovery_id_is_valid (id))
    return TRUE;
  g_set_error (error, SC_ERROR, SC_ERROR_USAGE,
               _("“%s” is not a recovery id: use 1 to %d letters, digits, “-” or “_”"),
               id != NULL ? id : "(null)", SC_RECOVERY_ID_MAX);
  return FALSE;
}

static char *
entry_file (const char *dir,
            const char *id,
            const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/* The kernel's id of this boot: a pid from another boot says nothing. */
static char *
boot_id (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &text, NULL, NULL))
    return g_strdup ("");
  return g_strdup (g_strstrip (text));
}

/*
 * The lock beside each copy (ID.lock): the process whose window owns the
 * copy holds an flock on it from the first save until the copy is
 * discarded or the process ends, a crash included. Whether a copy is in
 * use is whether its lock is held: a pid says nothing inside a PID
 * namespace (Flatpak), where every start of the app gets the same pid.
 */
G_LOCK_DEFINE_STATIC (held);
static GHashTable *held;   /* id → lock file descriptor, GINT_TO_POINTER */

static void
hold_lock (const char *dir,
           const char *id)
{
  g_autofree char *path = NULL;
  int fd;

  G_LOCK (held);
  if (held == NULL)
    held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_contains (held, id))
    {
      path = entry_file (dir, id, ".lock");
      fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
      if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_hash_table_insert (held, g_strdup (id), GINT_TO_POINTER (fd));
      else if (fd >= 0)
        close (fd);   /* held elsewhere: the same id in two processes */
    }
  G_UNLOCK (held);
}

void
sc_recovery_release (const char *id)
{
  gpointer key, value;

  G_LOCK (held);
  if (held != NULL && g_hash_table_steal_extended (held, id, &key, &value))
    {
      close (GPOINTER_TO_INT (value));
      g_free (key);
    }
  G_UNLOCK (held);
}

/* TRUE when the lock is held (by any process, this one included), FALSE
 * when it is free; -1 when there is no lock file (a copy of an older
 * version of the app). */
static int
lock_held (const char *dir,
           const char *id)
{
  g_autofree char *path = entry_file (dir, id, ".lock");
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  int busy;

  if (fd < 0)
    return -1;
  busy = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close (fd);   /* also drops our shared lock, if we took it */
  return busy;
}

static gboolean
write_file (const char  *path,
            const char  *contents,
            gsize        length,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!sc_file_write (path, contents, length, SC_FILE_PRIVATE | SC_FILE_SYNC, &local))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_IO, "%s: %s", path, local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_recovery_save (const ScProfile  *profile,
                  const char       *original,
                  const char       *id,
                  GError          **error)
{
  g_autofree char *dir = sc_recovery_dir ();
  g_autofree char *doc_path = NULL;
  g_autofree char *meta_path = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *boot = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  g_return_val_if_fail (profile != NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SC_ERROR, SC_ERROR_IO, "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  doc_path = entry_file (dir, id, ".shangce");
  meta_path = entry_file (dir, id, ".ini");
  boot = boot_id ();
  hold_lock (dir, id);

  if (original != NULL)
    g_key_file_set_string (kf, META_GROUP, "Original", original);
  g_key_file_set_int64 (kf, META_GROUP, "Pid", (gint64) getpid ());
  g_key_file_set_string (kf, META_GROUP, "Boot", boot);
  meta = g_key_file_to_data (kf, NULL, NULL);

  /* Metadata first: a copy is listed only once its document exists, and
   * both are replaced whole, so any mix seen after a crash is consistent
   * enough (the original path of a document does not change in a session). */
  xml = sc_profile_to_xml (profile);
  return write_file (meta_path, meta, strlen (meta), error)
         && write_file (doc_path, xml, strlen (xml), error);
}

static gboolean
process_alive (gint64      pid,
               const char *boot)
{
  g_autofree char *now = boot_id ();

  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  if (boot == NULL || !g_str_equal (boot, now))
    return FALSE;
  if ((pid_t) pid == getpid ())
    return TRUE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static gboolean
is_stray_temp (const char *name)
{
  /* sc_file_write() writes .sc-XXXXXX beside NAME; older versions wrote
   * NAME.XXXXXX (g_file_set_contents_full()). */
  const char *dot = strrchr (name, '.');

  if (sc_file_is_temp_name (name))
    return TRUE;
  if (dot == NULL || strlen (dot + 1) != 6)
    return FALSE;
  return strstr (name, ".shangce.") != NULL || strstr (name, ".ini.") != NULL;
}

static void
remove_if_stale (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode)
      && (gint64) st.st_mtime + STALE_TEMP_SECONDS < g_get_real_time () / G_USEC_PER_SEC)
    g_unlink (path);
}

static ScRecoveryEntry *
read_entry (const char *dir,
            const char *id)
{
  g_autoptr(ScRecoveryEntry) entry = g_new0 (ScRecoveryEntry, 1);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(ScProfile) profile = NULL;
  g_autofree char *meta_path = entry_file (dir, id, ".ini");
  g_autofree char *boot = NULL;
  GStatBuf st;

  entry->id = g_strdup (id);
  entry->path = entry_file (dir, id, ".shangce");
  if (g_stat (entry->path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;

  profile = sc_profile_load (entry->path, NULL);
  if (profile == NULL)
    return NULL;
  entry->name = g_strdup (sc_profile_get_name (profile, sc_lang_current ()));
  entry->saved = g_date_time_new_from_unix_local ((gint64) st.st_mtime);

  if (g_key_file_load_from_file (kf, meta_path, G_KEY_FILE_NONE, NULL))
    {
      entry->original = g_key_file_get_string (kf, META_GROUP, "Original", NULL);
      boot = g_key_file_get_string (kf, META_GROUP, "Boot", NULL);
      entry->in_use = process_alive (g_key_file_get_int64 (kf, META_GROUP, "Pid", NULL), boot);
    }
  switch (lock_held (dir, id))
    {
    case 0:
      entry->in_use = FALSE;
      break;
    case 1:
      entry->in_use = TRUE;
      break;
    default:
      break;   /* no lock file: the pid recorded by an older version decides */
    }
  return g_steal_pointer (&entry);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ScRecoveryEntry *ea = *(ScRecoveryEntry *const *) a;
  const ScRecoveryEntry *eb = *(ScRecoveryEntry *const *) b;
  int by_time = g_date_time_compare (eb->saved, ea->saved);

  return by_time != 0 ? by_time : strcmp (ea->id, eb->id);
}

GPtrArray *
sc_recovery_list (void)
{
  g_autofree char *dir = sc_recovery_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_recovery_entry_free);
  const char *name;

  if (d == NULL)
    return entries;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *id = NULL;
      ScRecoveryEntry *entry;

      if (is_stray_temp (name))
        {
          remove_if_stale (path);
          continue;
        }
      if (!g_str_has_suffix (name, ".shangce") || !sc_file_is_regular (path))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".shangce"));
      if (!sc_recovery_id_is_valid (id))
        continue;
      entry = read_entry (dir, id);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}

ScProfile *
sc_recovery_load (const ScRecoveryEntry  *entry,
                  GError                **error)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return sc_profile_load (entry->path, error);
}

static gboolean
remove_file (const char  *path,
             GError     **error)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, SC_ERROR, SC_ERROR_IO, "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
sc_recovery_discard (const char  *id,
                     GError     **error)
{
  g_autofree char *dir = sc_recovery_dir ();
  g_autofree char *doc_path = NULL;
  g_autofree char *meta_path = NULL;
  g_autofree char *lock_path = NULL;

  if (!check_id (id, error))
    return FALSE;
  doc_path = entry_file (dir, id, ".shangce");
  meta_path = entry_file (dir, id, ".ini");
  lock_path = entry_file (dir, id, ".lock");
  /* The document first: without it the copy is no longer listed. */
  if (!remove_file (doc_path, error) || !remove_file (meta_path, error))
    return FALSE;
  sc_recovery_release (id);
  return remove_file (lock_path, error);
}
