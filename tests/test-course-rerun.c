/* test-course-rerun.c — the next run of a course: its deadline and planning meetings move with
 * its sessions, and nothing that happened in the last run comes along as if it had happened again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kp-course-rerun.h"
#include "kp-demo.h"
#include "kp-method.h"
#include "kp-time.h"

/* The Nynorsk demo course: Tuesdays from 3 March 2026, registration by 20 February 2026, three
 * planning meetings with attendance, midway and final forms and an evaluation meeting. */
#define DIABETES_ID "d5e20000-0000-4000-8000-000000000001"

static KpCourse *
load_diabetes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) courses = kp_demo_read_courses (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < courses->len; i++)
    {
      KpCourse *course = g_ptr_array_index (courses, i);

      if (g_strcmp0 (kp_course_get_id (course), DIABETES_ID) == 0)
        return g_object_ref (course);
    }
  g_assert_not_reached ();
}

static GDateTime *
oslo (int year,
      int month,
      int day)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");

  return kp_time_new_local (tz, year, month, day, 12, 0, NULL);
}

static KpCourse *
rerun_from (KpCourse  *course,
            int        year,
            int        month,
            int        day,
            GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  KpCourse *next;
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, day, month, year);
  next = kp_course_rerun (course, &start, now, &error);
  g_assert_no_error (error);
  return next;
}

static gboolean
item_has_key (gconstpointer item,
              gconstpointer key)
{
  return g_strcmp0 (((const KpCheckItem *) item)->key, key) == 0;
}

static KpCheckItem *
find_item (GPtrArray  *items,
           const char *key)
{
  guint index;

  if (!g_ptr_array_find_with_equal_func (items, key, item_has_key, &index))
    return NULL;
  return g_ptr_array_index (items, index);
}

static void
test_rerun_moves_the_deadline_with_the_sessions (void)
{
  g_autoptr(KpCourse) course = load_diabetes ();
  g_autoptr(GDateTime) december = oslo (2026, 12, 6);
  g_autoptr(KpCourse) next = NULL;
  g_autoptr(KpSession) first = NULL;
  g_autofree char *first_text = NULL;

  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_DEADLINE), ==, "2026-02-20");

  /* From Monday 1 March 2027 the first Tuesday is 2 March: 364 days, 52 weeks, later. */
  next = rerun_from (course, 2027, 3, 1, december);
  first = g_list_model_get_item (kp_course_get_sessions (next), 0);
  first_text = kp_time_format_local (kp_session_get_start (first));
  g_assert_cmpstr (first_text, ==, "2027-03-02T17:00");
  g_assert_cmpstr (kp_course_get_text (next, KP_COURSE_DEADLINE), ==, "2027-02-19");
  /* The old run keeps its own. */
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_DEADLINE), ==, "2026-02-20");
}

static void
test_rerun_clears_a_deadline_that_has_passed (void)
{
  g_autoptr(KpCourse) course = load_diabetes ();
  g_autoptr(GDateTime) on_the_deadline = oslo (2027, 2, 19);
  g_autoptr(GDateTime) the_day_after = oslo (2027, 2, 20);
  g_autoptr(KpCourse) in_time = NULL;
  g_autoptr(KpCourse) too_late = NULL;

  /* Moved to 19 February 2027: still open on that day, gone the day after. */
  in_time = rerun_from (course, 2027, 3, 1, on_the_deadline);
  g_assert_cmpstr (kp_course_get_text (in_time, KP_COURSE_DEADLINE), ==, "2027-02-19");
  too_late = rerun_from (course, 2027, 3, 1, the_day_after);
  g_assert_null (kp_course_get_text (too_late, KP_COURSE_DEADLINE));
}

/* A run dated before the one it copies moves its deadline back as far: 26 weeks earlier. */
static void
test_rerun_earlier_moves_the_deadline_back (void)
{
  g_autoptr(KpCourse) course = load_diabetes ();
  g_autoptr(GDateTime) june = oslo (2025, 6, 1);
  g_autoptr(KpCourse) earlier = rerun_from (course, 2025, 9, 1, june);
  g_autofree char *first = kp_time_format_local (kp_course_get_first_start (earlier));

  g_assert_cmpstr (first, ==, "2025-09-02T17:00");
  g_assert_cmpstr (kp_course_get_text (earlier, KP_COURSE_DEADLINE), ==, "2025-08-22");
}

static void
test_rerun_meetings_have_not_happened (void)
{
  g_autoptr(KpCourse) course = load_diabetes ();
  g_autoptr(GDateTime) december = oslo (2026, 12, 6);
  g_autoptr(GDateTime) before_start = oslo (2027, 2, 25);
  g_autoptr(KpCourse) next = rerun_from (course, 2027, 3, 1, december);
  GListModel *old_meetings = kp_course_get_meetings (course);
  GListModel *meetings = kp_course_get_meetings (next);
  const char *expected[] = { "2026-11-17T09:00", "2027-01-12T09:00", "2027-02-09T13:00" };
  g_autoptr(GPtrArray) old_items = NULL;
  g_autoptr(GPtrArray) items = NULL;
  KpCheckItem *item;

  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KpMeeting) old = g_list_model_get_item (old_meetings, i);
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (meetings, i);
      g_autofree char *start = kp_time_format_local (kp_meeting_get_start (meeting));
      const char * const *attendees = kp_meeting_get_attendees (meeting);

      /* Moved the same 364 days as the sessions, same weekday and time. */
      g_assert_cmpstr (start, ==, expected[i]);
      g_assert_cmpuint (kp_meeting_get_minutes (meeting), ==, kp_meeting_get_minutes (old));
      g_assert_true (attendees == NULL || attendees[0] == NULL);
      g_assert_null (kp_meeting_get_notes (meeting));
      g_assert_cmpuint (g_strv_length ((char **) kp_meeting_get_attendees (old)), >, 0);
    }

  /* The old run's meetings had user representatives; the new run's have not been held, so the
   * checklist does not count them as met. */
  old_items = kp_method_check (course, before_start);
  item = find_item (old_items, "users-in-planning");
  g_assert_nonnull (item);
  g_assert_true (item->met);
  items = kp_method_check (next, before_start);
  item = find_item (items, "users-in-planning");
  g_assert_nonnull (item);
  g_assert_false (item->met);
  g_assert_cmpstr (item->sentence, ==,
                   "3 of 3 planning meetings had no user representative present.");
  /* Its deadline, moved along, is on time; last year's would not be. */
  item = find_item (items, "deadline-timing");
  g_assert_nonnull (item);
  g_assert_true (item->met);
}

static void
test_rerun_starts_with_nothing_counted (void)
{
  g_autoptr(KpCourse) course = load_diabetes ();
  g_autoptr(GDateTime) december = oslo (2026, 12, 6);
  g_autoptr(KpCourse) next = rerun_from (course, 2027, 3, 1, december);
  GListModel *sessions = kp_course_get_sessions (next);
  GListModel *evaluations = kp_course_get_evaluations (next);
  g_autoptr(KpEvaluation) checklist = NULL;
  const char *actions[] = { "Meir tid til erfaringsutveksling, mindre til faglege innlegg",
                            "Eit eige innlegg om medisinar ved farmasøyt",
                            "Oppskrifter på nynorsk til samlinga om mat", NULL };

  g_assert_cmpuint (kp_course_get_registered (course), >, 0);
  g_assert_cmpuint (kp_course_get_registered (next), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      g_assert_cmpint (kp_session_get_attended (session), ==, -1);
    }
  /* The midway and final forms' counts are gone; the meeting's actions are the checklist. */
  g_assert_cmpuint (g_list_model_get_n_items (evaluations), ==, 1);
  checklist = g_list_model_get_item (evaluations, 0);
  g_assert_cmpint (kp_evaluation_get_kind (checklist), ==, KP_EVALUATION_MEETING);
  g_assert_cmpuint (kp_evaluation_get_responses (checklist), ==, 0);
  g_assert_null (kp_evaluation_get_date (checklist));
  g_assert_true (kp_evaluation_get_attendees (checklist) == NULL ||
                 kp_evaluation_get_attendees (checklist)[0] == NULL);
  g_assert_cmpstrv (kp_evaluation_get_actions (checklist), actions);
}

/* The old run and the new one share a title; their terms tell them apart. */
static void
test_rerun_has_its_own_term (void)
{
  g_autoptr(KpCourse) course = load_diabetes ();
  g_autoptr(GDateTime) december = oslo (2026, 12, 6);
  g_autoptr(KpCourse) spring = rerun_from (course, 2027, 3, 1, december);
  g_autoptr(KpCourse) autumn = rerun_from (course, 2027, 9, 1, december);
  g_autofree char *old_term = kp_time_format_term (kp_course_get_first_start (course));
  g_autofree char *spring_term = kp_time_format_term (kp_course_get_first_start (spring));
  g_autofree char *autumn_term = kp_time_format_term (kp_course_get_first_start (autumn));
  g_autoptr(GDateTime) june = oslo (2027, 6, 30);
  g_autoptr(GDateTime) july = oslo (2027, 7, 1);
  g_autofree char *june_term = kp_time_format_term (june);
  g_autofree char *july_term = kp_time_format_term (july);

  g_assert_cmpstr (kp_course_get_title (spring), ==, kp_course_get_title (course));
  g_assert_cmpstr (old_term, ==, "spring 2026");
  g_assert_cmpstr (spring_term, ==, "spring 2027");
  g_assert_cmpstr (autumn_term, ==, "autumn 2027");
  g_assert_cmpstr (june_term, ==, "spring 2027");
  g_assert_cmpstr (july_term, ==, "autumn 2027");
  g_assert_null (kp_time_format_term (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/course-rerun/moves-the-deadline-with-the-sessions",
                   test_rerun_moves_the_deadline_with_the_sessions);
  g_test_add_func ("/course-rerun/clears-a-deadline-that-has-passed",
                   test_rerun_clears_a_deadline_that_has_passed);
  g_test_add_func ("/course-rerun/meetings-have-not-happened",
                   test_rerun_meetings_have_not_happened);
  g_test_add_func ("/course-rerun/starts-with-nothing-counted",
                   test_rerun_starts_with_nothing_counted);
  g_test_add_func ("/course-rerun/has-its-own-term", test_rerun_has_its_own_term);
  g_test_add_func ("/course-rerun/earlier-moves-the-deadline-back",
                   test_rerun_earlier_moves_the_deadline_back);

  return g_test_run ();
}
