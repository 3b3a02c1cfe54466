/* test-output.c — kp_output_write_path() and kp_output_write_file() (the window's exports):
 * a file replaced whole, a device or FIFO written into and left as it was (issue #12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kp-error.h"
#include "kp-output.h"

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kursplan-output-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* A file chosen in the window: the old one replaced whole, its link kept. */
static void
test_file_is_replaced (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.7 new", 12);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "old contents, longer than the new", -1, NULL));
  g_assert_cmpint (symlink ("report.pdf", link), ==, 0);

  g_assert_true (kp_output_write_file (file, bytes, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "%PDF-1.7 new");
  g_assert_cmpuint (count_entries (dir), ==, 2);
  remove_folder (dir);
}

typedef struct
{
  char    *path;
  GString *received;
} FifoReader;

static gpointer
read_fifo (gpointer data)
{
  FifoReader *reader = data;
  char buffer[4096];
  gssize n;
  int fd = g_open (reader->path, O_RDONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (reader->received, buffer, n);
  close (fd);
  return NULL;
}

/* A FIFO gets every byte and stays a FIFO: 1 MB, more than a pipe holds at once. */
static void
test_fifo_is_written_into (void)
{
  g_autofree char *dir = make_folder ();
  FifoReader reader = { g_build_filename (dir, "fifo", NULL), g_string_new (NULL) };
  g_autoptr(GFile) file = g_file_new_for_path (reader.path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread;
  GStatBuf st;
  char *data = g_malloc (1 << 20);

  for (guint i = 0; i < 1 << 20; i++)
    data[i] = 'a' + i % 26;
  bytes = g_bytes_new_take (data, 1 << 20);
  g_assert_cmpint (mkfifo (reader.path, 0600), ==, 0);

  thread = g_thread_new ("fifo reader", read_fifo, &reader);
  g_assert_true (kp_output_write_file (file, bytes, &error));
  g_assert_no_error (error);
  g_thread_join (thread);

  g_assert_cmpuint (reader.received->len, ==, 1 << 20);
  g_assert_cmpmem (reader.received->str, reader.received->len, data, 1 << 20);
  g_assert_cmpint (g_lstat (reader.path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_string_free (reader.received, TRUE);
  g_free (reader.path);
  remove_folder (dir);
}

/* /dev/null's twin in a folder of our own: still the device afterwards (needs root). */
static void
test_device_stays_a_device (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "null", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  if (mknod (path, S_IFCHR | 0666, makedev (1, 3)) != 0)
    {
      g_test_skip_printf ("cannot make a device node: %s", g_strerror (errno));
      remove_folder (dir);
      return;
    }
  g_assert_true (kp_output_write_path (path, "BEGIN:VCALENDAR\r\n", 17, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpuint (st.st_rdev, ==, makedev (1, 3));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_folder (dir);
}

/* A folder is neither replaced nor written into, and says so. */
static void
test_folder_is_refused (void)
{
  g_autofree char *dir = make_folder ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_assert_false (kp_output_write_path (dir, "x", 1, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_FAILED);
  expected = g_strdup_printf ("could not write %s: it is not a file, a pipe or a device "
                              "Kursplan can write into", dir);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/output/file/replaced-whole-link-kept", test_file_is_replaced);
  g_test_add_func ("/output/fifo/written-into", test_fifo_is_written_into);
  g_test_add_func ("/output/device/stays-a-device", test_device_stays_a_device);
  g_test_add_func ("/output/folder/refused", test_folder_is_refused);

  return g_test_run ();
}
