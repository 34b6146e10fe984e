/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How sc_file_write() treats a file it creates and when it syncs. */
typedef enum
{
  SC_FILE_PUBLIC  = 0,       /* a new file gets 0666 less the umask (charts) */
  SC_FILE_PRIVATE = 1 << 0,  /* a new file holds client data: 0600 less the umask */
  SC_FILE_SYNC    = 1 << 1,  /* fsync the temporary file before the rename */
} ScFileFlags;

/*
 * The one writer of every output (reports, charts, client reports,
 * profiles, recovery copies):
 *
 * - An existing target that is not a regular file (/dev/null, a FIFO, a
 *   terminal, /dev/stdout and /dev/fd/N, which are links into /proc) is
 *   written directly, never replaced: a device stays a device.
 * - A regular file with one name is replaced whole: a temporary file beside
 *   it (".sc-XXXXXX", short, so any legal file name works), then rename; a
 *   failure leaves the old content. The new file keeps the old one's mode
 *   (and owner and group where allowed). A symbolic link is followed, and
 *   the file it names replaced, so the link stays.
 * - A regular file with several names (hard links) is rewritten in place so
 *   that every name sees the new content; this is not atomic.
 * - A new file gets 0666 or, with SC_FILE_PRIVATE, 0600, less the umask.
 *   Profiles, reports and recovery copies hold a client's figures and are
 *   private; charts are made to be shared and are not.
 */
gboolean sc_file_write (const char   *path,
                        const void   *data,
                        gsize         size,
                        ScFileFlags   flags,
                        GError      **error);

/*
 * TRUE when @path (its symbolic links followed) is a regular file. Folder
 * scans read only those: a FIFO, or a link to /dev/stdin, among the user's
 * program files would block the first read, and with it every command and
 * the window's start. Checked by stat(), which never opens the file. A file
 * the user names on the command line may still be a pipe.
 */
gboolean sc_file_is_regular (const char *path);

/* TRUE when @name is a temporary name sc_file_write() uses. */
gboolean sc_file_is_temp_name (const char *name);

G_END_DECLS
