/* kp-output.c — writing an export where the user asked: a file replaced whole, or a device,
 * pipe or standard output written into
 *
 * A regular file is written under a temporary name and renamed over the old one, so a reader
 * sees the old file or the new one, never half. Renaming over anything else is wrong: run as
 * root, `kursplan ics COURSE -o /dev/null` left a regular file where the device was (issue
 * #12). A character device (a terminal, /dev/null) or a FIFO is opened and written into, and
 * standard output ("-", /dev/stdout, /dev/fd/1) is written through the open descriptor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-output.h"

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        size,
           int         *saved_errno)
{
  while (size > 0)
    {
      gssize written = write (fd, data, MIN (size, (gsize) G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      data += written;
      size -= (gsize) written;
    }
  return TRUE;
}

/* The descriptor a path names when it is one of this process's own: "-", /dev/stdout,
 * /dev/stderr, /dev/fd/N or /proc/self/fd/N; -1 for any other path. */
static int
own_descriptor (const char *path)
{
  const char * const prefixes[] = { "/dev/fd/", "/proc/self/fd/" };
  guint64 fd;

  if (g_str_equal (path, "-") || g_str_equal (path, "/dev/stdout"))
    return STDOUT_FILENO;
  if (g_str_equal (path, "/dev/stderr"))
    return STDERR_FILENO;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (path, prefixes[i]) &&
        g_ascii_string_to_unsigned (path + strlen (prefixes[i]), 10, 0, G_MAXINT, &fd, NULL))
      return (int) fd;
  return -1;
}

static gboolean
write_descriptor (const char  *path,
                  int          fd,
                  const char  *data,
                  gsize        size,
                  GError     **error)
{
  int saved_errno = 0;

  /* What the program printed before must come out first. */
  if (fd == STDOUT_FILENO)
    fflush (stdout);
  if (!write_all (fd, data, size, &saved_errno))
    {
      if (fd == STDOUT_FILENO)
        g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                     _("could not write to standard output: %s"), g_strerror (saved_errno));
      else
        g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                     _("could not write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* A character device or FIFO: opened as it is, never created, truncated or replaced. */
static gboolean
write_into (const char  *path,
            const char  *data,
            gsize        size,
            GError     **error)
{
  int saved_errno = 0;
  int fd;

  do
    fd = g_open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    saved_errno = errno;
  else if (!write_all (fd, data, size, &saved_errno))
    close (fd);
  else if (close (fd) != 0 && errno != EINTR)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                   _("could not write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * kp_output_write_path:
 * @path: a file name, or "-" for standard output
 *
 * Writes @data to @path: a regular file (or a new one) is replaced whole or not at all; a
 * character device, a FIFO or standard output is written into, and stays what it was. A
 * symbolic link to a file keeps being a link: the file it points to is replaced. Anything else
 * (a folder, a disk, a socket) is refused and left as it is.
 *
 * Returns: %TRUE when everything was written
 */
gboolean
kp_output_write_path (const char  *path,
                      const void  *data,
                      gsize        size,
                      GError     **error)
{
  g_autofree char *target = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  if ((fd = own_descriptor (path)) >= 0)
    return write_descriptor (path, fd, data, size, error);

  if (g_stat (path, &st) == 0)
    {
      if (S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode))
        return write_into (path, data, size, error);
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                       _("could not write %s: it is not a file, a pipe or a device Kursplan "
                         "can write into"),
                       path);
          return FALSE;
        }
      /* Replace what a link points to, not the link. */
      target = realpath (path, NULL);
    }

  if (!g_file_set_contents (target != NULL ? target : path, data, size, &local_error))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED,
                   _("could not write %s: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * kp_output_write_file:
 * @file: where the user chose to save
 *
 * As kp_output_write_path() for a local file; a remote one (a GVfs location) is replaced
 * whole by GIO.
 *
 * Returns: %TRUE when everything was written
 */
gboolean
kp_output_write_file (GFile   *file,
                      GBytes  *bytes,
                      GError **error)
{
  const char *path;
  gsize size;
  const void *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  path = g_file_peek_path (file);
  if (path != NULL)
    return kp_output_write_path (path, data != NULL ? data : "", size, error);
  return g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                  error);
}
