/* test-course-cancel.c — a course cancelled: the sessions not yet held are cancelled with their
 * revision raised, the course is marked with the day and the reason, the checklist closes, and
 * undo puts the sessions back (their revision raised again); the course's mode, level,
 * cancellation and a session's join link survive the store and the course-plan file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kp-course-cancel.h"
#include "kp-error.h"
#include "kp-method.h"
#include "kp-plan-reader.h"
#include "kp-plan-writer.h"
#include "kp-store.h"
#include "kp-time.h"

static GDateTime *
oslo (int month,
      int day,
      int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");

  return kp_time_new_local (tz, 2027, month, day, hour, 0, NULL);
}

/* Four Thursday sessions at 18:00 from 4 March 2027, two hours each; the third cancelled
 * already (revision 1). */
static KpCourse *
make_course (void)
{
  KpCourse *course = kp_course_new ("c4c40000-0000-4000-8000-000000000001");

  kp_course_set_title (course, "Å leve med kols");
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) start = oslo (3, 4 + 7 * i, 18);

      kp_session_set_title (session, "Samling");
      kp_session_set_start (session, start);
      kp_session_set_minutes (session, 120);
      kp_session_set_revision (session, 0);
      if (i == 2)
        kp_session_set_status (session, KP_SESSION_STATUS_CANCELLED);
      kp_course_add_session (course, session);
    }
  return course;
}

static char *
states (KpCourse *course)
{
  GListModel *sessions = kp_course_get_sessions (course);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      g_string_append_printf (text, "%s%s/%u", i > 0 ? " " : "",
                              kp_enum_to_string (KP_TYPE_SESSION_STATUS,
                                                 kp_session_get_status (session)),
                              kp_session_get_revision (session));
    }
  return g_string_free (text, FALSE);
}

static void
test_cancel_and_undo (void)
{
  g_autoptr(KpCourse) course = make_course ();
  /* During the second session: the first has ended, the second has not */
  g_autoptr(GDateTime) now = oslo (3, 11, 19);
  g_autoptr(KpCourseCancellation) cancellation = NULL;
  g_autoptr(KpCourseCancellation) again = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  KpCheckItem *item;

  g_assert_cmpuint (kp_course_count_cancellable (course, now), ==, 2);
  cancellation = kp_course_cancel (course, "For få påmeldte", now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cancellation);
  g_assert_cmpuint (kp_course_cancellation_get_n_sessions (cancellation), ==, 2);
  g_assert_true (kp_course_get_cancelled (course));
  g_assert_cmpstr (kp_course_get_cancelled_on (course), ==, "2027-03-11");
  g_assert_cmpstr (kp_course_get_cancel_reason (course), ==, "For få påmeldte");
  text = states (course);
  g_assert_cmpstr (text, ==, "planned/0 cancelled/1 cancelled/1 cancelled/1");
  g_clear_pointer (&text, g_free);

  /* The checklist closes: one requirement, met */
  items = kp_method_check (course, now);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->key, ==, "cancelled");
  g_assert_true (item->met);
  g_assert_true (kp_method_is_complete (items));

  /* Twice is refused, and changes nothing */
  again = kp_course_cancel (course, NULL, now, &error);
  g_assert_null (again);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  text = states (course);
  g_assert_cmpstr (text, ==, "planned/0 cancelled/1 cancelled/1 cancelled/1");
  g_clear_pointer (&text, g_free);

  /* Undo: only the two it cancelled are planned again; the one cancelled before stays */
  g_assert_true (kp_course_cancellation_undo (cancellation, course));
  g_assert_false (kp_course_get_cancelled (course));
  g_assert_null (kp_course_get_cancel_reason (course));
  text = states (course);
  g_assert_cmpstr (text, ==, "planned/0 planned/2 cancelled/1 planned/2");
}

static void
test_undo_other_course (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(KpCourse) other = kp_course_new (NULL);
  g_autoptr(GDateTime) now = oslo (1, 1, 12);
  g_autoptr(KpCourseCancellation) cancellation = kp_course_cancel (course, "", now, NULL);

  g_assert_cmpuint (kp_course_cancellation_get_n_sessions (cancellation), ==, 3);
  g_assert_null (kp_course_get_cancel_reason (course));
  g_assert_false (kp_course_cancellation_undo (cancellation, other));
  g_assert_true (kp_course_get_cancelled (course));
}

static void
test_join_url (void)
{
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_session_check_join_url (NULL, NULL));
  g_assert_true (kp_session_check_join_url ("https://meet.example.org/abc", NULL));
  g_assert_false (kp_session_check_join_url ("javascript:alert(1)", &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "“javascript:alert(1)” is not a web address of the form https://…");
  g_assert_false (kp_session_check_join_url ("https://", NULL));
  g_assert_false (kp_session_check_join_url ("https://a.example/x y", NULL));

  /* A new link is a change calendars must take */
  kp_session_set_join_url (session, "https://meet.example.org/abc");
  g_assert_cmpuint (kp_session_get_revision (session), ==, 1);
  kp_session_set_join_url (session, "https://meet.example.org/abc");
  g_assert_cmpuint (kp_session_get_revision (session), ==, 1);
  kp_session_set_join_url (session, "");
  g_assert_null (kp_session_get_join_url (session));
  g_assert_cmpuint (kp_session_get_revision (session), ==, 2);
}

static void
assert_offer (KpCourse *course)
{
  g_autoptr(KpSession) first = g_list_model_get_item (kp_course_get_sessions (course), 0);

  g_assert_cmpint (kp_course_get_mode (course), ==, KP_COURSE_MODE_HYBRID);
  g_assert_cmpint (kp_course_get_level (course), ==, KP_COURSE_LEVEL_NATIONAL);
  g_assert_cmpstr (kp_course_get_cancelled_on (course), ==, "2027-03-11");
  g_assert_cmpstr (kp_course_get_cancel_reason (course), ==, "Sykdom i gruppa");
  g_assert_cmpstr (kp_session_get_join_url (first), ==, "https://meet.example.org/abc");
}

static void
test_store_and_plan (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(KpCourse) loaded = NULL;
  g_autoptr(KpCourse) read = NULL;
  g_autoptr(KpStore) store = NULL;
  g_autoptr(KpSession) first = g_list_model_get_item (kp_course_get_sessions (course), 0);
  g_autoptr(GDateTime) now = oslo (3, 11, 19);
  g_autoptr(KpCourseCancellation) cancellation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kp-cancel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kursplan.db", NULL);
  g_autofree char *json = NULL;
  gsize length;

  kp_course_set_mode (course, KP_COURSE_MODE_HYBRID);
  kp_course_set_level (course, KP_COURSE_LEVEL_NATIONAL);
  kp_session_set_join_url (first, "https://meet.example.org/abc");
  cancellation = kp_course_cancel (course, "Sykdom i gruppa", now, NULL);

  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_no_error (error);
  loaded = kp_store_load_course (store, kp_course_get_id (course), &error);
  g_assert_no_error (error);
  assert_offer (loaded);

  json = kp_plan_write (course, &length);
  g_assert_nonnull (strstr (json, "\"mode\" : \"hybrid\""));
  g_assert_nonnull (strstr (json, "\"level\" : \"national\""));
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);
  read = kp_plan_read_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  assert_offer (read);

  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/course-cancel/cancel-and-undo", test_cancel_and_undo);
  g_test_add_func ("/course-cancel/undo-other-course", test_undo_other_course);
  g_test_add_func ("/course-cancel/join-url", test_join_url);
  g_test_add_func ("/course-cancel/store-and-plan", test_store_and_plan);

  return g_test_run ();
}
