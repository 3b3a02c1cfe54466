/* fuzz-plan-reader.c — libFuzzer target for the course-plan reader: any bytes, no crash, no
 * warning; a refused file says why in UTF-8, and a course it takes can be written as a plan and
 * read again the same (a backup always restores)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "kp-plan-reader.h"
#include "kp-plan-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = kp_plan_read_bytes (bytes, warnings, &error);
  g_autoptr(KpCourse) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *rewritten = NULL;
  char *text;
  gsize length;

  for (guint i = 0; i < warnings->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (warnings, i), -1, NULL));

  if (course == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  /* What the reader took, the writer writes and the reader takes again, unchanged. */
  text = kp_plan_write (course, &length);
  g_assert_true (g_utf8_validate (text, length, NULL));
  written = g_bytes_new_take (text, length);
  again = kp_plan_read_bytes (written, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  rewritten = kp_plan_write (again, &length);
  g_assert_cmpstr (rewritten, ==, g_bytes_get_data (written, NULL));
  return 0;
}
