/* kp-file.c — reading a file the user names, bounded in size and never blocking
 *
 * An importer reads the whole file before it checks anything, so what it is given must end:
 * a device such as /dev/zero never does, a FIFO blocks until someone writes to it, and a huge
 * file would be read whole into memory. Only a regular file up to a limit is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kp-error.h"
#include "kp-file.h"
#include "kp-i18n.h"

static void
set_too_large (GError     **error,
               const char  *display,
               gsize        max_size)
{
  /* Translators: %s is a file name, %u a size in megabytes */
  g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
               _("“%s” is larger than %u MB, far more than a course plan or calendar needs"),
               display, (guint) (max_size / (1024 * 1024)));
}

/**
 * kp_file_read:
 * @path: a file name
 * @max_size: the largest size read, in bytes (%KP_FILE_MAX_SIZE)
 *
 * Reads a whole regular file. A FIFO, a device or a folder is refused at once, without waiting
 * for anything to be written to it, and so is a file larger than @max_size.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error set:
 *   %KP_ERROR_NOT_FOUND when the file cannot be opened or read, %KP_ERROR_INVALID_VALUE when it
 *   is not a regular file or too large
 */
GBytes *
kp_file_read (const char  *path,
              gsize        max_size,
              GError     **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GByteArray) contents = NULL;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_basename (path);

  /* O_NONBLOCK: opening a FIFO would otherwise wait for a writer. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND, _("Could not open “%s”: %s"),
                   display, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      /* Translators: %s is a file name */
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("“%s” is not a regular file (it is a folder, a device or a pipe)"),
                   display);
      close (fd);
      return NULL;
    }
  if ((guint64) st.st_size > max_size)
    {
      set_too_large (error, display, max_size);
      close (fd);
      return NULL;
    }

  /* The size is only a hint: the file may grow while it is read. */
  contents = g_byte_array_sized_new ((guint) st.st_size + 1);
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, KP_ERROR, KP_ERROR_NOT_FOUND, _("Could not read “%s”: %s"),
                       display, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      if (contents->len + (gsize) n > max_size)
        {
          set_too_large (error, display, max_size);
          close (fd);
          return NULL;
        }
      g_byte_array_append (contents, buffer, (guint) n);
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}
