/* test-course-copy.c — a duplicated course holds the same plan under new identities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kp-course-copy.h"
#include "kp-time.h"

static GDateTime *
oslo (const char *text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GError) error = NULL;
  GDateTime *time = kp_time_parse_local (text, tz, &error);

  g_assert_no_error (error);
  return time;
}

static KpCourse *
make_course (void)
{
  KpCourse *course = kp_course_new ("3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10");
  g_autoptr(KpMember) leader = kp_member_new ("b1d00000-0000-4000-8000-000000000001",
                                              KP_ROLE_COURSE_LEADER);
  g_autoptr(KpMember) user = kp_member_new ("b1d00000-0000-4000-8000-000000000002",
                                            KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(KpMeeting) meeting = kp_meeting_new ("c1d00000-0000-4000-8000-000000000001");
  g_autoptr(KpSession) session = kp_session_new ("9a7c0000-0000-4000-8000-000000000001");
  g_autoptr(KpContribution) talk = NULL;
  g_autoptr(KpEvaluation) evaluation = kp_evaluation_new ("e1d00000-0000-4000-8000-000000000001",
                                                          KP_EVALUATION_MEETING);
  g_autoptr(GDateTime) start = oslo ("2027-03-04T12:00");
  g_autoptr(GDateTime) planning = oslo ("2027-01-10T09:00");
  const char *goals[] = { "Mer kunnskap om sykdommen", "Møte andre", NULL };
  const char *attendees[] = { "b1d00000-0000-4000-8000-000000000001",
                              "b1d00000-0000-4000-8000-000000000002", NULL };
  const char *actions[] = { "Mer tid til erfaringsutveksling", NULL };
  const guint scores[KP_SCALE_POINTS] = { 0, 0, 1, 5, 6 };

  kp_course_set_title (course, "Å leve med kols");
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, "Helsehuset");
  kp_course_set_status (course, KP_COURSE_STATUS_EVALUATED);
  kp_course_set_capacity (course, 8, 16);
  kp_course_set_goals (course, goals);

  kp_member_set_key (leader, "leder");
  kp_member_set_name (leader, "Kari Nordmann");
  kp_member_set_public (leader, TRUE);
  kp_member_set_key (user, "bruker1");
  kp_member_set_name (user, "Ola Fjell");
  kp_member_set_organisation (user, "LHL");
  kp_course_add_member (course, leader);
  kp_course_add_member (course, user);

  kp_meeting_set_start (meeting, planning);
  kp_meeting_set_minutes (meeting, 180);
  kp_meeting_set_attendees (meeting, attendees);
  kp_course_add_meeting (course, meeting);

  kp_session_set_title (session, "Hva er kols?");
  kp_session_set_start (session, start);
  kp_session_set_minutes (session, 180);
  kp_session_set_attended (session, 11);
  talk = kp_contribution_new (KP_CONTRIBUTION_USER_TALK, "b1d00000-0000-4000-8000-000000000002",
                              "Min hverdag med kols", 30);
  kp_session_add_contribution (session, talk);
  kp_course_add_session (course, session);

  kp_evaluation_set_attendees (evaluation, attendees);
  kp_evaluation_set_actions (evaluation, actions);
  kp_evaluation_set_action_done (evaluation, actions[0], TRUE);
  kp_evaluation_set_scores (evaluation, "usefulness", scores);
  kp_course_add_evaluation (course, evaluation);
  return course;
}

static void
test_copy_has_new_ids_everywhere (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(KpCourse) copy = kp_course_duplicate (course);
  g_autoptr(KpMember) member = NULL;
  g_autoptr(KpMeeting) meeting = NULL;
  g_autoptr(KpSession) session = NULL;
  g_autoptr(KpEvaluation) evaluation = NULL;

  g_assert_true (g_uuid_string_is_valid (kp_course_get_id (copy)));
  g_assert_cmpstr (kp_course_get_id (copy), !=, kp_course_get_id (course));

  member = g_list_model_get_item (kp_course_get_members (copy), 0);
  g_assert_true (g_uuid_string_is_valid (kp_member_get_id (member)));
  g_assert_cmpstr (kp_member_get_id (member), !=, "b1d00000-0000-4000-8000-000000000001");

  meeting = g_list_model_get_item (kp_course_get_meetings (copy), 0);
  g_assert_cmpstr (kp_meeting_get_id (meeting), !=, "c1d00000-0000-4000-8000-000000000001");

  session = g_list_model_get_item (kp_course_get_sessions (copy), 0);
  g_assert_true (g_uuid_string_is_valid (kp_session_get_id (session)));
  g_assert_cmpstr (kp_session_get_id (session), !=, "9a7c0000-0000-4000-8000-000000000001");
  g_assert_cmpuint (kp_session_get_revision (session), ==, 0);

  evaluation = g_list_model_get_item (kp_course_get_evaluations (copy), 0);
  g_assert_cmpstr (kp_evaluation_get_id (evaluation), !=, "e1d00000-0000-4000-8000-000000000001");
}

static void
test_copy_keeps_the_plan (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(KpCourse) copy = kp_course_duplicate (course);
  g_autoptr(KpMember) user = NULL;
  g_autoptr(KpSession) session = NULL;
  g_autoptr(KpMeeting) meeting = NULL;
  g_autoptr(KpEvaluation) evaluation = NULL;
  g_autoptr(KpContribution) talk = NULL;
  g_autofree char *start = NULL;

  g_assert_cmpstr (kp_course_get_title (copy), ==, "Å leve med kols");
  g_assert_cmpstr (kp_course_get_text (copy, KP_COURSE_LOCATION_NAME), ==, "Helsehuset");
  g_assert_cmpint (kp_course_get_status (copy), ==, KP_COURSE_STATUS_EVALUATED);
  g_assert_cmpint (kp_course_get_capacity_min (copy), ==, 8);
  g_assert_cmpint (kp_course_get_capacity_max (copy), ==, 16);
  g_assert_cmpstr (kp_course_get_goals (copy)[1], ==, "Møte andre");
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_members (copy)), ==, 2);

  user = g_list_model_get_item (kp_course_get_members (copy), 1);
  g_assert_cmpstr (kp_member_get_key (user), ==, "bruker1");
  g_assert_cmpstr (kp_member_get_name (user), ==, "Ola Fjell");
  g_assert_cmpstr (kp_member_get_organisation (user), ==, "LHL");
  g_assert_cmpint (kp_member_get_role (user), ==, KP_ROLE_USER_REPRESENTATIVE);

  session = g_list_model_get_item (kp_course_get_sessions (copy), 0);
  start = kp_time_format_local (kp_session_get_start (session));
  g_assert_cmpstr (start, ==, "2027-03-04T12:00");
  g_assert_cmpuint (kp_session_get_minutes (session), ==, 180);
  g_assert_cmpint (kp_session_get_attended (session), ==, 11);

  /* References to members point at the copy's members, never at the original's. */
  talk = g_list_model_get_item (kp_session_get_contributions (session), 0);
  g_assert_cmpstr (kp_contribution_get_member_id (talk), ==, kp_member_get_id (user));
  g_assert_cmpstr (kp_contribution_get_title (talk), ==, "Min hverdag med kols");
  g_assert_cmpuint (kp_contribution_get_minutes (talk), ==, 30);

  meeting = g_list_model_get_item (kp_course_get_meetings (copy), 0);
  g_assert_cmpuint (kp_meeting_get_minutes (meeting), ==, 180);
  g_assert_true (kp_meeting_has_attendee (meeting, kp_member_get_id (user)));
  g_assert_false (kp_meeting_has_attendee (meeting, "b1d00000-0000-4000-8000-000000000002"));

  evaluation = g_list_model_get_item (kp_course_get_evaluations (copy), 0);
  g_assert_cmpstr (kp_evaluation_get_attendees (evaluation)[1], ==, kp_member_get_id (user));
  g_assert_cmpstr (kp_evaluation_get_actions (evaluation)[0], ==,
                   "Mer tid til erfaringsutveksling");
  /* The action ticked off stays ticked off in the copy. */
  g_assert_true (kp_evaluation_get_action_done (evaluation, "Mer tid til erfaringsutveksling"));
  g_assert_cmpuint (kp_evaluation_get_scores (evaluation, "usefulness")[4], ==, 6);
}

static void
test_copy_is_independent (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(KpCourse) copy = kp_course_duplicate (course);
  g_autoptr(KpSession) session = g_list_model_get_item (kp_course_get_sessions (copy), 0);

  kp_course_set_title (copy, "Kols, andre runde");
  kp_session_set_title (session, "Pust");
  g_assert_cmpstr (kp_course_get_title (course), ==, "Å leve med kols");
  g_assert_cmpstr (kp_session_get_title (kp_course_find_session (course,
                     "9a7c0000-0000-4000-8000-000000000001")), ==, "Hva er kols?");
}

/* The conditions of taking part travel with the copy, the trusts' own ones too (issue #13). */
static void
test_copy_keeps_the_conditions (void)
{
  g_autoptr(KpCourse) course = make_course ();
  g_autoptr(KpCourse) copy = NULL;

  kp_course_set_condition (course, KP_COURSE_REFERRAL, TRUE);
  kp_course_set_condition (course, KP_COURSE_NO_SHOW_FEE, TRUE);
  kp_course_set_notice_hours (course, 24);
  kp_course_set_text (course, KP_COURSE_REFERRAL_TO, "LMS, Postboks 100, 9038 Tromsø");
  copy = kp_course_duplicate (course);

  g_assert_true (kp_course_get_condition (copy, KP_COURSE_REFERRAL));
  g_assert_true (kp_course_get_condition (copy, KP_COURSE_NO_SHOW_FEE));
  g_assert_false (kp_course_get_condition (copy, KP_COURSE_CO_PAYMENT_FIRST_DAY));
  g_assert_cmpuint (kp_course_get_notice_hours (copy), ==, 24);
  g_assert_cmpstr (kp_course_get_text (copy, KP_COURSE_REFERRAL_TO), ==,
                   "LMS, Postboks 100, 9038 Tromsø");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/course-copy/new-ids-everywhere", test_copy_has_new_ids_everywhere);
  g_test_add_func ("/course-copy/keeps-the-plan", test_copy_keeps_the_plan);
  g_test_add_func ("/course-copy/independent", test_copy_is_independent);
  g_test_add_func ("/course-copy/keeps-the-conditions", test_copy_keeps_the_conditions);

  return g_test_run ();
}
