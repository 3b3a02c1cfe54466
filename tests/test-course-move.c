/* test-course-move.c — moving a whole course to a new start: days apart and wall-clock times
 * kept across the clock changes, and nothing moved when one time cannot be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kp-course-move.h"
#include "kp-error.h"
#include "kp-time.h"

static KpCourse *
weekly_course (const char *first,
               guint       n_sessions)
{
  KpCourse *course = kp_course_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = kp_time_parse_local (first, kp_course_get_time_zone (course),
                                                    &error);

  g_assert_no_error (error);
  kp_course_set_title (course, "Pårørendekurs");
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) when = kp_time_add_days_local (start, 7 * i, &error);

      g_assert_no_error (error);
      kp_session_set_start (session, when);
      kp_session_set_minutes (session, 150);
      kp_course_add_session (course, session);
    }
  return course;
}

static char *
session_start (KpCourse *course,
               guint     position)
{
  g_autoptr(KpSession) session = g_list_model_get_item (kp_course_get_sessions (course), position);

  return kp_time_format_local (kp_session_get_start (session));
}

static void
assert_start (KpCourse   *course,
              guint       position,
              const char *expected)
{
  g_autofree char *text = session_start (course, position);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_add_days_keeps_wall_clock (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) before = kp_time_parse_local ("2027-10-28T18:00", tz, NULL);
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) gap = kp_time_parse_local ("2027-03-21T02:30", tz, NULL);
  g_autoptr(GDateTime) none = NULL;
  g_autoptr(GError) error = NULL;

  after = kp_time_add_days_local (before, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_hour (after), ==, 18);
  g_assert_cmpint (g_date_time_get_day_of_month (after), ==, 4);
  g_assert_cmpint (g_date_time_get_month (after), ==, 11);
  g_assert_cmpint (g_date_time_get_utc_offset (after) / G_TIME_SPAN_HOUR, ==, 1);
  g_assert_cmpint (g_date_time_get_utc_offset (before) / G_TIME_SPAN_HOUR, ==, 2);

  /* 28 March 2027 has no 02:30 in Oslo. */
  none = kp_time_add_days_local (gap, 7, &error);
  g_assert_null (none);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
}

static void
test_move_across_october_change (void)
{
  g_autoptr(KpCourse) course = weekly_course ("2027-09-02T18:00", 6);
  g_autoptr(GError) error = NULL;
  GDate day;

  /* From Thursdays in September to Tuesdays from 12 October: the last three are after the
   * clocks go back on 31 October, and still at 18:00. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 12, G_DATE_OCTOBER, 2027);
  g_assert_true (kp_course_move_to (course, &day, &error));
  g_assert_no_error (error);
  assert_start (course, 0, "2027-10-12T18:00");
  assert_start (course, 1, "2027-10-19T18:00");
  assert_start (course, 2, "2027-10-26T18:00");
  assert_start (course, 3, "2027-11-02T18:00");
  assert_start (course, 4, "2027-11-09T18:00");
  assert_start (course, 5, "2027-11-16T18:00");
}

static void
test_move_keeps_gaps_between_sessions (void)
{
  g_autoptr(KpCourse) course = weekly_course ("2027-03-04T12:00", 3);
  g_autoptr(KpSession) extra = kp_session_new (NULL);
  g_autoptr(GDateTime) friday = kp_time_parse_local ("2027-03-05T09:30", kp_course_get_time_zone (course), NULL);
  g_autoptr(GError) error = NULL;
  GDate day;

  kp_session_set_start (extra, friday);
  kp_course_add_session (course, extra);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_FEBRUARY, 2027);
  g_assert_true (kp_course_move_sessions (course, -31, &error));
  g_assert_no_error (error);
  assert_start (course, 0, "2027-02-01T12:00");
  assert_start (course, 1, "2027-02-08T12:00");
  assert_start (course, 2, "2027-02-15T12:00");
  assert_start (course, 3, "2027-02-02T09:30");

  /* Back again by the date of its first session. */
  g_date_set_dmy (&day, 4, G_DATE_MARCH, 2027);
  g_assert_true (kp_course_move_to (course, &day, &error));
  assert_start (course, 0, "2027-03-04T12:00");
  assert_start (course, 3, "2027-03-05T09:30");
}

static void
test_move_into_spring_gap_moves_nothing (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpSession) first = kp_session_new (NULL);
  g_autoptr(KpSession) night = kp_session_new (NULL);
  g_autoptr(GDateTime) t1 = kp_time_parse_local ("2027-03-14T18:00", kp_course_get_time_zone (course), NULL);
  g_autoptr(GDateTime) t2 = kp_time_parse_local ("2027-03-21T02:30", kp_course_get_time_zone (course), NULL);
  g_autoptr(GError) error = NULL;
  GDate day;

  kp_session_set_start (first, t1);
  kp_session_set_start (night, t2);
  kp_course_add_session (course, first);
  kp_course_add_session (course, night);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 21, G_DATE_MARCH, 2027);
  g_assert_false (kp_course_move_to (course, &day, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  assert_start (course, 0, "2027-03-14T18:00");
  assert_start (course, 1, "2027-03-21T02:30");
}

static void
count_items_changed (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

/* Moving keeps the order, and sorting a list in order leaves it alone: the timetable's rows
 * are not remade after every edit. */
static void
test_sorting_sorted_sessions_changes_nothing (void)
{
  g_autoptr(KpCourse) course = weekly_course ("2027-09-02T18:00", 4);
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (kp_course_get_sessions (course), "items-changed",
                    G_CALLBACK (count_items_changed), &changes);
  g_assert_true (kp_course_move_sessions (course, 14, &error));
  kp_course_sort_sessions (course);
  g_assert_cmpuint (changes, ==, 0);

  /* The last made the first: one reshuffle. */
  {
    g_autoptr(KpSession) last = g_list_model_get_item (kp_course_get_sessions (course), 3);
    g_autoptr(GDateTime) early = kp_time_parse_local ("2027-08-26T18:00",
                                                      kp_course_get_time_zone (course), NULL);

    kp_session_set_start (last, early);
  }
  kp_course_sort_sessions (course);
  g_assert_cmpuint (changes, ==, 1);
  assert_start (course, 0, "2027-08-26T18:00");
  assert_start (course, 1, "2027-09-16T18:00");
}

static void
test_move_without_dates (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(GError) error = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_MARCH, 2027);
  g_assert_false (kp_course_move_to (course, &day, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
}

/* The rules every way into a course keeps (#12): moved to the last evening of 9999, the second
 * session would end after it; nothing moves. */
static void
test_move_past_9999_moves_nothing (void)
{
  g_autoptr(KpCourse) course = weekly_course ("2027-03-04T22:00", 2);
  g_autoptr(GError) error = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 24, G_DATE_DECEMBER, 9999);
  g_assert_false (kp_course_move_to (course, &day, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "ends after the year 9999");
  assert_start (course, 0, "2027-03-04T22:00");
  assert_start (course, 1, "2027-03-11T22:00");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/course-move/add-days-keeps-wall-clock", test_add_days_keeps_wall_clock);
  g_test_add_func ("/course-move/across-october-change", test_move_across_october_change);
  g_test_add_func ("/course-move/keeps-gaps-between-sessions", test_move_keeps_gaps_between_sessions);
  g_test_add_func ("/course-move/into-spring-gap-moves-nothing", test_move_into_spring_gap_moves_nothing);
  g_test_add_func ("/course-move/without-dates", test_move_without_dates);
  g_test_add_func ("/course-move/sorting-sorted-changes-nothing",
                   test_sorting_sorted_sessions_changes_nothing);
  g_test_add_func ("/course-move/past-9999-moves-nothing", test_move_past_9999_moves_nothing);

  return g_test_run ();
}
