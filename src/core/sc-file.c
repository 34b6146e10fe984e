/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shangce-core"

#include "config.h"

#include "sc-file.h"

#include "sc-error.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TEMP_PREFIX ".sc-"
#define TEMP_TEMPLATE TEMP_PREFIX "XXXXXX"

/* The umask without changing it: from /proc (thread-safe), else by the
 * umask() read-and-restore done once, early. */
static mode_t
current_umask (void)
{
  static mode_t mask;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_autofree char *status = NULL;
      const char *line;

      if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
          && (line = strstr (status, "\nUmask:")) != NULL)
        mask = (mode_t) strtoul (line + strlen ("\nUmask:"), NULL, 8) & 0777;
      else
        {
          mask = umask (022);
          umask (mask);
        }
      g_once_init_leave (&done, 1);
    }
  return mask;
}

gboolean
sc_file_is_regular (const char *path)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode);
}

gboolean
sc_file_is_temp_name (const char *name)
{
  return name != NULL && g_str_has_prefix (name, TEMP_PREFIX)
         && strlen (name) == strlen (TEMP_TEMPLATE);
}

static gboolean
fail (const char  *path,
      int          saved,
      GError     **error)
{
  g_set_error (error, SC_ERROR, SC_ERROR_IO, _("Cannot write “%s”: %s"), path, g_strerror (saved));
  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        size)
{
  gsize done = 0;

  while (done < size)
    {
      gssize n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

/* Into the target itself: a device, FIFO, terminal or /proc link, or a
 * regular file with several names. */
static gboolean
write_in_place (const char  *path,
                const char  *data,
                gsize        size,
                gboolean     truncate,
                GError     **error)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY | (truncate ? O_TRUNC : O_APPEND));
  int saved;

  if (fd < 0)
    return fail (path, errno, error);
  if (!write_all (fd, data, size))
    {
      saved = errno;
      close (fd);
      return fail (path, saved, error);
    }
  if (close (fd) != 0 && errno != EINTR)
    return fail (path, errno, error);
  return TRUE;
}

/* A link into /proc (/dev/stdout, /dev/fd/N) names an open file of some
 * process: replacing what it resolves to would take the data away from
 * whoever holds that descriptor. */
static gboolean
links_into_proc (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (int hops = 0; hops < 16; hops++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        return g_str_has_prefix (current, "/proc/");
      if (g_str_has_prefix (target, "/proc/") || g_str_has_prefix (current, "/proc/"))
        return TRUE;
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_strdup (target) : g_build_filename (dir, target, NULL);
    }
  return FALSE;
}

gboolean
sc_file_write (const char   *path,
               const void   *data,
               gsize         size,
               ScFileFlags   flags,
               GError      **error)
{
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmpl = NULL;
  struct stat st;
  gboolean exists;
  mode_t mode;
  int fd, saved;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  exists = stat (path, &st) == 0;
  if (exists && (!S_ISREG (st.st_mode) || links_into_proc (path)))
    return write_in_place (path, data, size, FALSE, error);
  if (exists && st.st_nlink > 1)
    return write_in_place (path, data, size, TRUE, error);

  /* Replace what a symbolic link names, not the link. */
  resolved = exists ? realpath (path, NULL) : NULL;
  if (resolved == NULL)
    resolved = g_strdup (path);
  dir = g_path_get_dirname (resolved);
  tmpl = g_build_filename (dir, TEMP_TEMPLATE, NULL);
  if (exists)
    mode = st.st_mode & 07777;
  else
    mode = ((flags & SC_FILE_PRIVATE) != 0 ? 0600 : 0666) & ~current_umask ();

  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail (path, errno, error);
  if (exists && fchown (fd, st.st_uid, st.st_gid) != 0)
    {
      /* Not ours to give away: keep our own owner, and the group if we can. */
      if (fchown (fd, (uid_t) -1, st.st_gid) != 0)
        mode &= ~(mode_t) (S_ISUID | S_ISGID);
    }
  if (fchmod (fd, mode) != 0
      || !write_all (fd, data, size)
      || ((flags & SC_FILE_SYNC) != 0 && fsync (fd) != 0))
    {
      saved = errno;
      close (fd);
      g_unlink (tmpl);
      return fail (path, saved, error);
    }
  if (close (fd) != 0 || g_rename (tmpl, resolved) != 0)
    {
      saved = errno;
      g_unlink (tmpl);
      return fail (path, saved, error);
    }
  return TRUE;
}
