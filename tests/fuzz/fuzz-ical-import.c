/* fuzz-ical-import.c — libFuzzer target for the iCalendar importer: any bytes, no crash, no
 * warning, and a rejected file changes nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "kp-ical-import.h"
#include "kp-time.h"

static KpCourse *
make_course (void)
{
  KpCourse *course = kp_course_new ("3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10");
  g_autoptr(KpSession) session = kp_session_new ("9a7c0000-0000-4000-8000-000000000001");
  g_autoptr(GDateTime) start = NULL;

  kp_course_set_title (course, "Pårørendekurs");
  start = kp_time_parse_local ("2027-10-28T18:00", kp_course_get_time_zone (course), NULL);
  kp_session_set_title (session, "Hva er kols?");
  kp_session_set_start (session, start);
  kp_session_set_minutes (session, 150);
  kp_course_add_session (course, session);
  return course;
}

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  KpSession *session;
  guint added = 0, updated = 0;

  if (kp_ical_import_bytes (course, bytes, &added, &updated, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (course)), ==,
                        1 + added);
      return 0;
    }

  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (course)), ==, 1);
  session = kp_course_find_session (course, "9a7c0000-0000-4000-8000-000000000001");
  g_assert_cmpstr (kp_session_get_title (session), ==, "Hva er kols?");
  g_assert_cmpuint (kp_session_get_minutes (session), ==, 150);
  return 0;
}
