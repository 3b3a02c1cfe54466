/* test-plan.c — course-plan files: every rejection, the round trip, updates in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kp-error.h"
#include "kp-file.h"
#include "kp-plan-reader.h"
#include "kp-plan-writer.h"
#include "kp-time.h"

#define FULL_COURSE_ID "3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10"
#define SAMI_LETTERS   "áčđŋšŧž ïæøå"

static KpCourse *
read_fixture (const char *name,
              GPtrArray  *warnings)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "plans", name, NULL);
  g_autoptr(GError) error = NULL;
  KpCourse *course = kp_plan_read_file (path, warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (course);
  return course;
}

static KpCourse *
read_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return kp_plan_read_bytes (bytes, NULL, error);
}

static gpointer
item (GListModel *list,
      guint       position)
{
  gpointer object = g_list_model_get_item (list, position);

  g_assert_nonnull (object);
  g_object_unref (object);  /* the list keeps it alive */
  return object;
}

static void
assert_strv_equal (const char * const *a,
                   const char * const *b)
{
  if (a == NULL || b == NULL)
    g_assert_true (a == b);
  else
    g_assert_true (g_strv_equal (a, b));
}

static void
assert_times_equal (GDateTime *a,
                    GDateTime *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }
  g_assert_true (g_date_time_equal (a, b));
  g_assert_cmpint (g_date_time_get_utc_offset (a), ==, g_date_time_get_utc_offset (b));
  g_assert_cmpint (g_date_time_get_microsecond (a), ==, g_date_time_get_microsecond (b));
}

static void
assert_same_session (KpSession *a,
                     KpSession *b)
{
  GListModel *ca = kp_session_get_contributions (a);
  GListModel *cb = kp_session_get_contributions (b);

  g_assert_cmpstr (kp_session_get_id (a), ==, kp_session_get_id (b));
  g_assert_cmpstr (kp_session_get_title (a), ==, kp_session_get_title (b));
  assert_times_equal (kp_session_get_start (a), kp_session_get_start (b));
  g_assert_cmpuint (kp_session_get_minutes (a), ==, kp_session_get_minutes (b));
  g_assert_cmpstr (kp_session_get_location_name (a), ==, kp_session_get_location_name (b));
  g_assert_cmpstr (kp_session_get_location_room (a), ==, kp_session_get_location_room (b));
  g_assert_cmpstr (kp_session_get_location_address (a), ==, kp_session_get_location_address (b));
  g_assert_cmpint (kp_session_get_status (a), ==, kp_session_get_status (b));
  g_assert_cmpint (kp_session_get_attended (a), ==, kp_session_get_attended (b));
  g_assert_cmpstr (kp_session_get_notes (a), ==, kp_session_get_notes (b));
  g_assert_cmpuint (kp_session_get_revision (a), ==, kp_session_get_revision (b));
  assert_times_equal (kp_session_get_modified (a), kp_session_get_modified (b));

  g_assert_cmpuint (g_list_model_get_n_items (ca), ==, g_list_model_get_n_items (cb));
  for (guint i = 0; i < g_list_model_get_n_items (ca); i++)
    {
      KpContribution *x = item (ca, i);
      KpContribution *y = item (cb, i);

      g_assert_cmpint (kp_contribution_get_kind (x), ==, kp_contribution_get_kind (y));
      g_assert_cmpstr (kp_contribution_get_member_id (x), ==, kp_contribution_get_member_id (y));
      g_assert_cmpstr (kp_contribution_get_title (x), ==, kp_contribution_get_title (y));
      g_assert_cmpuint (kp_contribution_get_minutes (x), ==, kp_contribution_get_minutes (y));
    }
}

static void
assert_same_evaluation (KpEvaluation *a,
                        KpEvaluation *b)
{
  g_auto(GStrv) qa = kp_evaluation_dup_questions (a);
  g_auto(GStrv) qb = kp_evaluation_dup_questions (b);

  g_assert_cmpstr (kp_evaluation_get_id (a), ==, kp_evaluation_get_id (b));
  g_assert_cmpint (kp_evaluation_get_kind (a), ==, kp_evaluation_get_kind (b));
  g_assert_cmpuint (kp_evaluation_get_after_session (a), ==, kp_evaluation_get_after_session (b));
  g_assert_cmpuint (kp_evaluation_get_responses (a), ==, kp_evaluation_get_responses (b));
  g_assert_true (g_strv_equal ((const char * const *) qa, (const char * const *) qb));
  for (guint i = 0; qa[i] != NULL; i++)
    g_assert_cmpmem (kp_evaluation_get_scores (a, qa[i]), KP_SCALE_POINTS * sizeof (guint),
                     kp_evaluation_get_scores (b, qa[i]), KP_SCALE_POINTS * sizeof (guint));
  g_assert_cmpstr (kp_evaluation_get_date (a), ==, kp_evaluation_get_date (b));
  assert_strv_equal (kp_evaluation_get_attendees (a), kp_evaluation_get_attendees (b));
  g_assert_cmpstr (kp_evaluation_get_notes (a), ==, kp_evaluation_get_notes (b));
  assert_strv_equal (kp_evaluation_get_actions (a), kp_evaluation_get_actions (b));
  for (guint i = 0; kp_evaluation_get_actions (a) != NULL &&
                    kp_evaluation_get_actions (a)[i] != NULL; i++)
    {
      const char *action = kp_evaluation_get_actions (a)[i];

      g_assert_cmpint (kp_evaluation_get_action_done (a, action), ==,
                       kp_evaluation_get_action_done (b, action));
    }
}

/* Every value the model holds, one by one. */
static void
assert_same_course (KpCourse *a,
                    KpCourse *b)
{
  GListModel *la, *lb;

  g_assert_cmpstr (kp_course_get_id (a), ==, kp_course_get_id (b));
  for (KpCourseText text = 0; text < KP_COURSE_N_TEXTS; text++)
    g_assert_cmpstr (kp_course_get_text (a, text), ==, kp_course_get_text (b, text));
  g_assert_cmpint (kp_course_get_status (a), ==, kp_course_get_status (b));
  g_assert_cmpint (kp_course_get_management (a), ==, kp_course_get_management (b));
  for (KpCourseCondition c = 0; c < KP_COURSE_N_CONDITIONS; c++)
    g_assert_cmpint (kp_course_get_condition (a, c), ==, kp_course_get_condition (b, c));
  g_assert_cmpuint (kp_course_get_notice_hours (a), ==, kp_course_get_notice_hours (b));
  g_assert_cmpint (kp_course_get_capacity_min (a), ==, kp_course_get_capacity_min (b));
  g_assert_cmpint (kp_course_get_capacity_max (a), ==, kp_course_get_capacity_max (b));
  g_assert_cmpuint (kp_course_get_registered (a), ==, kp_course_get_registered (b));
  for (KpCourseCount c = 0; c < KP_COURSE_N_COUNTS; c++)
    g_assert_cmpuint (kp_course_get_count (a, c), ==, kp_course_get_count (b, c));
  g_assert_cmpstr (kp_course_get_fewer_decided_on (a), ==, kp_course_get_fewer_decided_on (b));
  g_assert_cmpint (kp_course_get_fewer_decided_by (a), ==, kp_course_get_fewer_decided_by (b));
  assert_strv_equal (kp_course_get_goals (a), kp_course_get_goals (b));
  assert_strv_equal (kp_course_get_partners (a), kp_course_get_partners (b));

  la = kp_course_get_members (a);
  lb = kp_course_get_members (b);
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      KpMember *x = item (la, i);
      KpMember *y = item (lb, i);

      g_assert_cmpstr (kp_member_get_id (x), ==, kp_member_get_id (y));
      g_assert_cmpstr (kp_member_get_key (x), ==, kp_member_get_key (y));
      g_assert_cmpstr (kp_member_get_name (x), ==, kp_member_get_name (y));
      g_assert_cmpint (kp_member_get_role (x), ==, kp_member_get_role (y));
      g_assert_cmpstr (kp_member_get_organisation (x), ==, kp_member_get_organisation (y));
      g_assert_cmpstr (kp_member_get_title (x), ==, kp_member_get_title (y));
      g_assert_cmpstr (kp_member_get_email (x), ==, kp_member_get_email (y));
      g_assert_cmpstr (kp_member_get_phone (x), ==, kp_member_get_phone (y));
      g_assert_cmpint (kp_member_get_public (x), ==, kp_member_get_public (y));
    }

  la = kp_course_get_meetings (a);
  lb = kp_course_get_meetings (b);
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      KpMeeting *x = item (la, i);
      KpMeeting *y = item (lb, i);

      g_assert_cmpstr (kp_meeting_get_id (x), ==, kp_meeting_get_id (y));
      assert_times_equal (kp_meeting_get_start (x), kp_meeting_get_start (y));
      g_assert_cmpuint (kp_meeting_get_minutes (x), ==, kp_meeting_get_minutes (y));
      assert_strv_equal (kp_meeting_get_attendees (x), kp_meeting_get_attendees (y));
      g_assert_cmpstr (kp_meeting_get_notes (x), ==, kp_meeting_get_notes (y));
    }

  la = kp_course_get_sessions (a);
  lb = kp_course_get_sessions (b);
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    assert_same_session (item (la, i), item (lb, i));

  la = kp_course_get_evaluations (a);
  lb = kp_course_get_evaluations (b);
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    assert_same_evaluation (item (la, i), item (lb, i));
}

static void
test_read_full (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KpCourse) course = read_fixture ("good-full.json", warnings);
  GListModel *members = kp_course_get_members (course);
  GListModel *sessions = kp_course_get_sessions (course);
  KpMember *fag1 = item (members, 3);
  KpMember *ek = item (members, 4);
  KpSession *first = item (sessions, 0);
  KpSession *second = item (sessions, 1);
  KpSession *third = item (sessions, 2);
  KpSession *last = item (sessions, 3);
  KpContribution *talk = item (kp_session_get_contributions (first), 0);
  KpContribution *sharing = item (kp_session_get_contributions (first), 2);
  KpMeeting *meeting = item (kp_course_get_meetings (course), 0);
  KpEvaluation *midway = item (kp_course_get_evaluations (course), 0);
  KpEvaluation *meeting_evaluation = item (kp_course_get_evaluations (course), 1);
  const guint usefulness[] = { 0, 0, 1, 5, 6 };
  g_autofree char *modified = NULL;
  g_autofree char *last_start = NULL;

  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpstr (kp_course_get_id (course), ==, FULL_COURSE_ID);
  g_assert_cmpstr (kp_course_get_title (course), ==, "Eallit kolsain — " SAMI_LETTERS);
  g_assert_cmpstr (kp_course_get_language (course), ==, "se");
  g_assert_cmpint (kp_course_get_status (course), ==, KP_COURSE_STATUS_PLANNING);
  g_assert_true (kp_course_get_management (course));
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_AGREEMENT), ==,
                   "Delavtale om læring og mestring");
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_LOCATION_ROOM), ==, "Čoahkkinlanja 2");
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_DEADLINE), ==, "2027-02-15");
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_URL), ==, "https://example.no/kurs/kols");
  g_assert_cmpint (kp_course_get_capacity_min (course), ==, 8);
  g_assert_cmpint (kp_course_get_capacity_max (course), ==, 16);
  g_assert_cmpuint (kp_course_get_registered (course), ==, 3);
  g_assert_cmpstr (kp_course_get_goals (course)[1], ==, "Møte andre i samme situasjon — ŋ");
  g_assert_cmpuint (g_strv_length ((char **) kp_course_get_partners (course)), ==, 2);

  /* Members: by key, by id, or both; a missing id becomes a new UUID. */
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 5);
  g_assert_cmpstr (kp_member_get_key (fag1), ==, "fag1");
  g_assert_true (g_uuid_string_is_valid (kp_member_get_id (fag1)));
  g_assert_cmpint (kp_member_get_role (fag1), ==, KP_ROLE_PROFESSIONAL);
  g_assert_cmpstr (kp_member_get_title (fag1), ==, "lungelege");
  g_assert_false (kp_member_get_public (fag1));
  g_assert_cmpstr (kp_member_get_id (ek), ==, "d3f2e4c6-7081-4c9d-aebf-2a3b4c5d6e7f");
  g_assert_null (kp_member_get_key (ek));
  g_assert_true (kp_member_get_public (item (members, 0)));
  g_assert_cmpuint (kp_course_count_role (course, KP_ROLE_USER_REPRESENTATIVE), ==, 2);

  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_meetings (course)), ==, 2);
  g_assert_cmpuint (kp_meeting_get_minutes (meeting), ==, 180);
  g_assert_cmpuint (g_strv_length ((char **) kp_meeting_get_attendees (meeting)), ==, 4);
  g_assert_true (kp_meeting_has_attendee (meeting, kp_member_get_id (fag1)));
  g_assert_true (kp_meeting_has_attendee (item (kp_course_get_meetings (course), 1),
                                          kp_member_get_id (ek)));

  /* Sessions. */
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);
  g_assert_cmpstr (kp_session_get_id (first), ==, "9a7c0000-0000-4000-8000-000000000001");
  g_assert_cmpuint (kp_session_get_minutes (first), ==, 180);
  g_assert_false (kp_session_has_own_location (first));
  g_assert_cmpint (kp_session_get_attended (first), ==, 11);
  g_assert_cmpstr (kp_session_get_notes (first), ==, "Gikk fint; ŧ");
  g_assert_cmpuint (kp_session_get_revision (first), ==, 2);
  modified = g_date_time_format_iso8601 (kp_session_get_modified (first));
  g_assert_cmpstr (modified, ==, "2027-03-01T10:00:00Z");
  g_assert_cmpuint (g_list_model_get_n_items (kp_session_get_contributions (first)), ==, 4);
  g_assert_cmpint (kp_contribution_get_kind (talk), ==, KP_CONTRIBUTION_PROFESSIONAL_TALK);
  g_assert_cmpstr (kp_contribution_get_member_id (talk), ==, kp_member_get_id (fag1));
  g_assert_cmpstr (kp_contribution_get_title (talk), ==, "Sykdomslære");
  g_assert_cmpuint (kp_contribution_get_minutes (talk), ==, 60);
  g_assert_null (kp_contribution_get_member_id (sharing));

  /* A plain string is the place's name; an object gives name, room and address. */
  g_assert_cmpstr (kp_session_get_location_name (second), ==, "Treningssalen");
  g_assert_null (kp_session_get_location_room (second));
  g_assert_cmpint (kp_session_get_attended (second), ==, -1);
  g_assert_cmpuint (kp_session_get_revision (second), ==, 0);
  g_assert_null (kp_session_get_modified (second));
  g_assert_cmpstr (kp_session_get_location_name (third), ==, "Kantina");
  g_assert_cmpstr (kp_session_get_location_room (third), ==, "Bak");
  g_assert_null (kp_session_get_location_address (third));
  g_assert_cmpint (kp_session_get_status (third), ==, KP_SESSION_STATUS_CANCELLED);

  /* After the March clock change: still 12:00 on the wall, now UTC+2. */
  last_start = kp_time_format_local (kp_session_get_start (last));
  g_assert_cmpstr (last_start, ==, "2027-04-01T12:00");
  g_assert_cmpint (g_date_time_get_utc_offset (kp_session_get_start (last)) / G_TIME_SPAN_HOUR,
                   ==, 2);
  g_assert_cmpint (g_date_time_get_utc_offset (kp_session_get_start (first)) / G_TIME_SPAN_HOUR,
                   ==, 1);

  /* Evaluations. */
  g_assert_cmpint (kp_evaluation_get_kind (midway), ==, KP_EVALUATION_MIDWAY);
  g_assert_cmpuint (kp_evaluation_get_after_session (midway), ==, 2);
  g_assert_cmpuint (kp_evaluation_get_responses (midway), ==, 12);
  g_assert_cmpmem (kp_evaluation_get_scores (midway, "usefulness"), sizeof usefulness,
                   usefulness, sizeof usefulness);
  g_assert_cmpint (kp_evaluation_get_kind (meeting_evaluation), ==, KP_EVALUATION_MEETING);
  g_assert_cmpstr (kp_evaluation_get_date (meeting_evaluation), ==, "2027-04-15");
  g_assert_cmpstr (kp_evaluation_get_attendees (meeting_evaluation)[2], ==,
                   kp_member_get_id (fag1));
  g_assert_cmpstr (kp_evaluation_get_actions (meeting_evaluation)[1], ==, "Ođđa áigi");
  g_assert_false (kp_evaluation_get_action_done (meeting_evaluation,
                                                 "Mer tid til erfaringsutveksling"));
  g_assert_true (kp_evaluation_get_action_done (meeting_evaluation, "Ođđa áigi"));
}

static void
test_round_trip_gives_same_course (void)
{
  g_autoptr(KpCourse) original = read_fixture ("good-full.json", NULL);
  g_autoptr(KpCourse) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;

  first = kp_plan_write (original, &length);
  g_assert_cmpuint (length, ==, strlen (first));
  g_assert_true (g_utf8_validate (first, -1, NULL));
  /* Text is written as UTF-8, not as \u escapes. */
  g_assert_nonnull (strstr (first, SAMI_LETTERS));
  g_assert_true (g_str_has_suffix (first, "}\n"));

  bytes = g_bytes_new (first, length);
  again = kp_plan_read_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  assert_same_course (original, again);

  /* The same course gives the same bytes. */
  second = kp_plan_write (again, NULL);
  g_assert_cmpstr (first, ==, second);
}

static void
test_round_trip_of_a_built_course (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpMember) leader = kp_member_new (NULL, KP_ROLE_PEER);
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(KpSession) unplanned = kp_session_new (NULL);
  g_autoptr(KpContribution) talk = NULL;
  g_autoptr(KpCourse) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = kp_time_zone_new ("Europe/Helsinki", NULL);
  g_autoptr(GDateTime) start = kp_time_new_local (tz, 2027, 10, 28, 18, 0, NULL);
  g_autofree char *text = NULL;

  kp_course_set_title (course, "Oahppan ja birgen " SAMI_LETTERS);
  kp_course_set_text (course, KP_COURSE_TIMEZONE, "Europe/Helsinki");
  kp_course_set_text (course, KP_COURSE_LANGUAGE, "smj");
  kp_course_set_status (course, KP_COURSE_STATUS_ARCHIVED);
  kp_member_set_name (leader, "Máret");
  kp_course_add_member (course, leader);

  /* A session edited just now: its modified time has microseconds. */
  kp_session_set_title (session, "Čoahkkin");
  kp_session_set_start (session, start);
  kp_session_set_minutes (session, 90);
  kp_session_set_location (session, NULL, "Latnja 3", NULL);
  talk = kp_contribution_new (KP_CONTRIBUTION_USER_TALK, kp_member_get_id (leader), NULL, 0);
  kp_session_add_contribution (session, talk);
  kp_course_add_session (course, session);
  kp_course_add_session (course, unplanned);  /* no time, no minutes yet */
  g_assert_cmpuint (kp_session_get_revision (session), ==, 4);

  text = kp_plan_write (course, NULL);
  bytes = g_bytes_new (text, strlen (text));
  again = kp_plan_read_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  assert_same_course (course, again);
  g_assert_cmpint (g_date_time_get_utc_offset (
                     kp_session_get_start (item (kp_course_get_sessions (again), 0))) /
                   G_TIME_SPAN_HOUR, ==, 3);
}

static void
test_write_file_atomically (void)
{
  g_autoptr(KpCourse) course = read_fixture ("good-minimal.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kursplan-plan-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "kurs.kursplan.json", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (kp_plan_write_file (course, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  expected = kp_plan_write (course, NULL);
  g_assert_cmpstr (contents, ==, expected);

  bad_path = g_build_filename (dir, "missing", "kurs.kursplan.json", NULL);
  g_assert_false (kp_plan_write_file (course, bad_path, &error));
  g_assert_nonnull (error);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_unknown_members_warn (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KpCourse) course = read_fixture ("good-unknown-fields.json", warnings);

  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_cmpstr (warnings->pdata[0], ==,
                   "generator: not known to this version of Kursplan; ignored");
  g_assert_cmpstr (warnings->pdata[1], ==,
                   "course.colour: not known to this version of Kursplan; ignored");
  g_assert_cmpstr (warnings->pdata[2], ==,
                   "course.sessions[0].livestream: not known to this version of Kursplan; ignored");
  g_assert_cmpstr (kp_course_get_title (course), ==, "Pårørendekurs");
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (course)), ==, 2);
}

typedef struct
{
  const char *fixture;
  const char *message;   /* exact, or a prefix when it ends in "…" */
} Rejection;

static const Rejection rejections[] = {
  { "bad-empty.json", "the file is empty" },
  { "bad-not-json.json", "not JSON: line 2, column 1: …" },
  { "bad-utf8.json", "not UTF-8 text (an invalid byte at offset 795)" },
  { "bad-root.json", "not a course plan: the file does not hold a JSON object" },
  { "bad-format.json",
    "format: “kursplan/brochure” is not a Kursplan course plan (expected “kursplan/course-plan”)" },
  { "bad-version.json",
    "version: 2 is newer than this Kursplan reads (it reads version 1); "
    "update Kursplan to import the file" },
  { "bad-date.json",
    "course.sessions[1].start: not a date-time: 2027-02-30 is not a date that exists" },
  { "bad-gap.json",
    "course.sessions[1].start: not a date-time: 2027-03-28 02:30 does not exist in "
    "Europe/Oslo: the clocks skip it" },
  { "bad-minutes-zero.json", "course.sessions[0].minutes: must be more than 0 minutes, not 0" },
  { "bad-minutes-negative.json",
    "course.sessions[1].minutes: must be more than 0 minutes, not -30" },
  { "bad-role.json",
    "course.members[1].role: “doctor” is not one of: course_leader, professional, "
    "user_representative, experience_consultant, peer, coordinator" },
  { "bad-kind.json",
    "course.sessions[0].contributions[0].kind: “lecture” is not one of: professional_talk, "
    "user_talk, sharing, group_work, activity, break" },
  { "bad-language.json", "course.language: “de” is not one of: nb, nn, se, smj, sma" },
  { "bad-course-status.json",
    "course.status: “done” is not one of: idea, planning, ready, running, evaluated, archived" },
  { "bad-session-status.json",
    "course.sessions[1].status: “moved” is not one of: planned, cancelled" },
  { "bad-evaluation-kind.json",
    "course.evaluations[0].kind: “survey” is not one of: midway, final, meeting" },
  { "bad-timezone.json", "course.timezone: “Europe/Atlantis” is not a known time zone" },
  { "bad-member-ref.json",
    "course.sessions[0].contributions[0].member: no member of the planning group has the key "
    "or id “bruker9”" },
  { "bad-attendee.json",
    "course.planning_meetings[0].attendees[1]: no member of the planning group has the key or "
    "id “fag1”" },
  { "bad-session-id-twice.json",
    "course.sessions[1].id: the id “6d4f2b3c-8e5a-4f7b-8c9d-2e3f4a5b6c7d” is used twice" },
  { "bad-member-id-twice.json",
    "course.members[1].id: the id “8f6b4d5e-a07c-4b9d-aebf-4a5b6c7d8e9f” is used twice" },
  { "bad-member-key-twice.json", "course.members[1].key: the key “leder” is used twice" },
  { "bad-type-minutes.json", "course.sessions[0].minutes: not a whole number" },
  { "bad-type-fraction.json", "course.sessions[0].contributions[0].minutes: not a whole number" },
  { "bad-type-title.json", "course.title: not a text (a JSON string)" },
  { "bad-type-sessions.json", "course.sessions: not a list (a JSON array)" },
  { "bad-type-public.json", "course.members[0].public: not true or false" },
  { "bad-type-goals.json", "course.goals[1]: not a text (a JSON string)" },
  { "bad-uuid.json", "course.id: “1234” is not a UUID" },
  { "bad-scores-length.json",
    "course.evaluations[0].scores.usefulness: not a list of 5 counts, one for each scale "
    "point 1–5" },
  { "bad-scores-negative.json",
    "course.evaluations[0].scores.usefulness[1]: not a count (a whole number, 0 or more)" },
  { "bad-deadline.json",
    "course.registration.deadline: “15.02.2027” is not a date of the form YYYY-MM-DD that "
    "exists" },
  { "bad-action-done.json",
    "course.evaluations[0].actions_done[0]: “Servere kveldsmat” is not one of the evaluation's "
    "actions" },
};

static void
test_rejects (gconstpointer data)
{
  const Rejection *rejection = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "plans",
                                                 rejection->fixture, NULL);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = kp_plan_read_file (path, warnings, &error);

  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
  if (g_str_has_suffix (rejection->message, "…"))
    {
      g_autofree char *prefix = g_strndup (rejection->message,
                                           strlen (rejection->message) - strlen ("…"));

      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_cmpuint (strlen (error->message), >, strlen (prefix));
    }
  else
    g_assert_cmpstr (error->message, ==, rejection->message);
}

static void
test_rejects_in_memory_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1}", &error);
  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
  g_assert_cmpstr (error->message, ==, "course: missing");
  g_clear_error (&error);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": \"1\", "
                      "\"course\": {\"title\": \"x\"}}", &error);
  g_assert_cmpstr (error->message, ==, "version: not a whole number");
  g_clear_error (&error);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"\"}}", &error);
  g_assert_cmpstr (error->message, ==, "course.title: must not be empty");
  g_clear_error (&error);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", \"capacity\": {\"min\": 20, \"max\": 8}}}",
                      &error);
  g_assert_cmpstr (error->message, ==, "course.capacity.min: more than the maximum (8)");
  g_clear_error (&error);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", \"members\": [{\"role\": \"peer\"}]}}",
                      &error);
  g_assert_cmpstr (error->message, ==, "course.members[0]: a member needs an “id” or a “key”");
  g_clear_error (&error);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", \"sessions\": [{\"modified\": \"nå\"}]}}",
                      &error);
  g_assert_cmpstr (error->message, ==,
                   "course.sessions[0].modified: “nå” is not a UTC time of the form "
                   "2027-03-01T10:00:00Z");
  g_clear_error (&error);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", \"sessions\": [7]}}", &error);
  g_assert_cmpstr (error->message, ==, "course.sessions[0]: not an object");
  g_clear_error (&error);

  /* A zone is an IANA name, never a fixed offset or a file. */
  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", \"timezone\": \"+01:00\"}}", &error);
  g_assert_cmpstr (error->message, ==,
                   "course.timezone: “+01:00” is not a time zone name such as “Europe/Oslo”");
  g_clear_error (&error);
  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", "
                      "\"timezone\": \"/usr/share/zoneinfo/Europe/Oslo\"}}", &error);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
  g_clear_error (&error);

  /* A byte-order mark is not a problem. */
  course = read_text ("\xef\xbb\xbf{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"Kurs\"}}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kp_course_get_title (course), ==, "Kurs");
  g_clear_object (&course);

  /* The autumn's repeated hour happens, so it is accepted. */
  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", "
                      "\"sessions\": [{\"start\": \"2027-10-31T02:30\"}]}}", &error);
  g_assert_no_error (error);
  g_assert_nonnull (course);
}

/* The brochure's extension (docs/course-plan-extensions.md): the place's accessibility and the
 * conditions of taking part, read, written in their place, and refused when malformed. */
static void
test_conditions_and_accessibility (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(KpCourse) again = NULL;
  g_autoptr(KpCourse) plain = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain_text = NULL;

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"Hjertekurs\", "
                      "\"location\": {\"name\": \"Sykehuset\", "
                      "\"accessibility\": \"Trinnfri adkomst og teleslynge\"}, "
                      "\"conditions\": {\"referral\": true, \"co_payment\": true}}}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_LOCATION_ACCESSIBILITY), ==,
                   "Trinnfri adkomst og teleslynge");
  g_assert_true (kp_course_get_condition (course, KP_COURSE_REFERRAL));
  g_assert_true (kp_course_get_condition (course, KP_COURSE_CO_PAYMENT));
  g_assert_false (kp_course_get_condition (course, KP_COURSE_TRAVEL_REFUND));

  /* Written after the price, all three, and read back the same. */
  text = kp_plan_write (course, NULL);
  g_assert_nonnull (strstr (text, "\"price\" : null,\n    \"conditions\" : {\n"
                                  "      \"referral\" : true,\n"
                                  "      \"co_payment\" : true,\n"
                                  "      \"travel_refund\" : false,\n"
                                  "      \"co_payment_first_day\" : false,\n"
                                  "      \"no_show_fee\" : false,\n"
                                  "      \"notice_hours\" : null,\n"
                                  "      \"referral_to\" : null\n    },\n"));
  g_assert_nonnull (strstr (text, "\"address\" : null,\n"
                                  "      \"accessibility\" : \"Trinnfri adkomst og teleslynge\"\n"));
  bytes = g_bytes_new (text, strlen (text));
  again = kp_plan_read_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  assert_same_course (course, again);

  /* A file without them (a hand-written one, or one from before) means none apply. */
  plain = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                     "\"course\": {\"title\": \"Kurs\"}}", &error);
  g_assert_no_error (error);
  g_assert_false (kp_course_get_condition (plain, KP_COURSE_REFERRAL));
  g_assert_null (kp_course_get_text (plain, KP_COURSE_LOCATION_ACCESSIBILITY));
  plain_text = kp_plan_write (plain, NULL);
  g_assert_nonnull (strstr (plain_text, "\"referral\" : false"));

  g_clear_object (&course);
  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", "
                      "\"conditions\": {\"referral\": \"ja\"}}}", &error);
  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
  g_assert_cmpstr (error->message, ==, "course.conditions.referral: not true or false");
  g_clear_error (&error);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", \"conditions\": true}}", &error);
  g_assert_null (course);
  g_assert_cmpstr (error->message, ==, "course.conditions: not an object");
  g_clear_error (&error);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", "
                      "\"location\": {\"accessibility\": 3}}}", &error);
  g_assert_null (course);
  g_assert_cmpstr (error->message, ==, "course.location.accessibility: not a text (a JSON string)");
  g_clear_error (&error);
}

static void
test_read_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = kp_plan_read_file ("/nonexistent/kurs.kursplan.json", NULL, &error);

  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_NOT_FOUND);
}

static void
test_update_from_changes_only_what_moved (void)
{
  g_autoptr(KpCourse) mine = read_fixture ("good-full.json", NULL);
  g_autoptr(KpCourse) theirs = read_fixture ("good-full.json", NULL);
  g_autoptr(KpSession) added = kp_session_new ("9a7c0000-0000-4000-8000-000000000005");
  g_autoptr(GDateTime) moved = NULL;
  GListModel *sessions = kp_course_get_sessions (mine);
  KpSession *first = item (sessions, 0);
  KpSession *second = item (sessions, 1);
  KpSession *third = item (sessions, 2);
  KpMember *their_member = item (kp_course_get_members (theirs), 1);
  /* bruker1 has no id in the file: each read gives a new one. */
  g_autofree char *my_member_id = g_strdup (kp_member_get_id (item (kp_course_get_members (mine),
                                                                    1)));

  /* Their copy: the second session moved a week, the third got a note, the last is gone. */
  moved = kp_time_parse_local ("2027-03-12T12:00", kp_course_get_time_zone (theirs), NULL);
  kp_session_set_start (item (kp_course_get_sessions (theirs), 1), moved);
  kp_session_set_notes (item (kp_course_get_sessions (theirs), 2), "Kjøkkenet var stengt");
  kp_session_set_revision (item (kp_course_get_sessions (theirs), 1), 0);
  kp_session_set_revision (item (kp_course_get_sessions (theirs), 2), 0);
  kp_course_remove_item (theirs, item (kp_course_get_sessions (theirs), 3));
  kp_session_set_title (added, "Oppsummering");
  kp_session_set_revision (added, 0);
  kp_course_add_session (theirs, added);
  kp_course_set_title (theirs, "Å leve med kols");
  kp_course_set_registered (theirs, 14);

  kp_course_update_from (mine, theirs);

  g_assert_cmpstr (kp_course_get_title (mine), ==, "Å leve med kols");
  g_assert_cmpuint (kp_course_get_registered (mine), ==, 14);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);

  /* The sessions we had are the same objects, updated in place. */
  g_assert_true (item (sessions, 0) == first);
  g_assert_true (item (sessions, 1) == second);
  g_assert_true (item (sessions, 2) == third);
  g_assert_cmpuint (kp_session_get_revision (first), ==, 2);
  g_assert_cmpuint (kp_session_get_revision (second), ==, 1);
  g_assert_true (g_date_time_equal (kp_session_get_start (second), moved));
  g_assert_cmpuint (kp_session_get_revision (third), ==, 0);
  g_assert_cmpstr (kp_session_get_notes (third), ==, "Kjøkkenet var stengt");
  g_assert_cmpstr (kp_session_get_id (item (sessions, 3)), ==,
                   "9a7c0000-0000-4000-8000-000000000005");
  g_assert_null (kp_course_find_session (mine, "9a7c0000-0000-4000-8000-000000000004"));

  /* Members are the file's, UUIDs and all, but one the file names only by key keeps its UUID. */
  g_assert_cmpstr (kp_member_get_id (item (kp_course_get_members (mine), 0)), ==,
                   "b1d0c2a4-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
  g_assert_cmpstr (kp_member_get_id (item (kp_course_get_members (mine), 1)), ==, my_member_id);
  g_assert_cmpstr (kp_member_get_id (their_member), !=, my_member_id);
  g_assert_cmpstr (kp_member_get_key (item (kp_course_get_members (mine), 1)), ==, "bruker1");
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_members (mine)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_meetings (mine)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_evaluations (mine)), ==, 2);
  g_assert_cmpstr (kp_meeting_get_id (item (kp_course_get_meetings (mine), 1)), ==,
                   kp_meeting_get_id (item (kp_course_get_meetings (theirs), 1)));
}

/* Hardening (#12): what the plan reader must refuse before anything is stored. */

#define PLAN_HEAD "{\"format\": \"kursplan/course-plan\", \"version\": 1, \"course\": "
#define SURROGATE_MESSAGE \
  "not valid text: it holds a lone UTF-16 surrogate (an escape from \\ud800 to \\udfff " \
  "without its pair)"

static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = read_text (text, &error);

  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_refuses_lone_surrogates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;

  assert_refused (PLAN_HEAD "{\"title\": \"P\\ud800x\"}}", "course.title: " SURROGATE_MESSAGE);
  assert_refused (PLAN_HEAD "{\"title\": \"x\", \"goals\": [\"Mer kunnskap\", \"\\udc00x\"]}}",
                  "course.goals[1]: " SURROGATE_MESSAGE);
  assert_refused (PLAN_HEAD "{\"title\": \"x\", \"sessions\": [{\"location\": \"\\ud800x\"}]}}",
                  "course.sessions[0].location: " SURROGATE_MESSAGE);
  assert_refused (PLAN_HEAD "{\"title\": \"x\", \"location\": {\"room\": \"M\\udbffx\"}}}",
                  "course.location.room: " SURROGATE_MESSAGE);
  assert_refused (PLAN_HEAD "{\"title\": \"x\", \"members\": [{\"key\": \"a\", "
                  "\"role\": \"peer\"}], \"sessions\": [{\"contributions\": [{\"kind\": "
                  "\"sharing\", \"member\": \"\\ud800x\"}]}]}}",
                  "course.sessions[0].contributions[0].member: " SURROGATE_MESSAGE);

  /* A question's name is stored too; the message shows it readable. */
  course = read_text (PLAN_HEAD "{\"title\": \"x\", \"evaluations\": [{\"kind\": \"final\", "
                      "\"scores\": {\"q\\ud800x\": [0, 0, 0, 0, 1]}}]}}", &error);
  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, "course.evaluations[0].scores.q"));
  g_assert_true (g_str_has_suffix (error->message, SURROGATE_MESSAGE));
  g_clear_error (&error);

  /* A pair is one character (U+1F600), and welcome. */
  course = read_text (PLAN_HEAD "{\"title\": \"Kurs \\ud83d\\ude00\"}}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kp_course_get_title (course), ==, "Kurs \xf0\x9f\x98\x80");
}

/* Found by fuzz-plan-reader: json-glib cuts the text it quotes inside a letter. */
static void
test_json_error_is_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = read_text ("{\"titleUTF-8allit kolsain — áčđŋšŧž ïæøå\", 1}",
                                          &error);

  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
  g_assert_true (g_str_has_prefix (error->message, "not JSON: line 1, column "));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_refuses_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;

  /* 200 KB of nested lists overflowed the stack in json-glib's parser. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  assert_refused (text->str, "not a course plan: line 1 nests lists or objects more than 32 deep");

  g_string_assign (text, PLAN_HEAD "{\"title\": \"x\",\n \"unknown\": ");
  for (guint i = 0; i < 40; i++)
    g_string_append_c (text, '{');
  assert_refused (text->str, "not a course plan: line 2 nests lists or objects more than 32 deep");

  /* Brackets inside a text are letters, whatever their number. */
  course = read_text (PLAN_HEAD "{\"title\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"\"}}",
                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kp_course_get_title (course), ==,
                   "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"");
}

static void
test_refuses_times_after_9999 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(GDateTime) end = NULL;

  assert_refused (PLAN_HEAD "{\"title\": \"x\", \"sessions\": [{\"start\": \"2027-03-04T18:00\", "
                  "\"minutes\": 150}, {\"start\": \"9999-12-31T23:00\", \"minutes\": 150}]}}",
                  "course.sessions[1]: ends after the year 9999");
  assert_refused (PLAN_HEAD "{\"title\": \"x\", \"planning_meetings\": [{\"start\": "
                  "\"9999-12-31T22:00\", \"minutes\": 120}]}}",
                  "course.planning_meetings[0]: ends after the year 9999");
  assert_refused (PLAN_HEAD "{\"title\": \"x\", \"sessions\": [{\"start\": \"2027-03-04T18:00\", "
                  "\"minutes\": 6510}]}}",
                  "course.sessions[0].minutes: must be 1440 or less, not 6510");

  /* Ending by the last minute of 9999 is fine, and the end can be written. */
  course = read_text (PLAN_HEAD "{\"title\": \"x\", \"sessions\": [{\"start\": "
                      "\"9999-12-31T22:00\", \"minutes\": 119}]}}", &error);
  g_assert_no_error (error);
  end = kp_session_get_end (g_list_model_get_item (kp_course_get_sessions (course), 0));
  g_assert_nonnull (end);
  g_assert_cmpint (g_date_time_get_year (end), ==, 9999);
  g_assert_cmpint (g_date_time_get_hour (end), ==, 23);
  g_assert_cmpint (g_date_time_get_minute (end), ==, 59);
}

static void
test_check_span (void)
{
  g_autoptr(GTimeZone) oslo = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) evening = g_date_time_new (oslo, 2027, 3, 4, 18, 0, 0);
  g_autoptr(GDateTime) last = g_date_time_new (oslo, 9999, 12, 31, 22, 0, 0);
  g_autoptr(GDateTime) west = g_date_time_new (new_york, 9999, 12, 31, 20, 0, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_time_check_span (NULL, 0, &error));
  g_assert_true (kp_time_check_span (evening, 0, &error));
  g_assert_true (kp_time_check_span (evening, KP_TIME_MAX_MINUTES, &error));
  g_assert_true (kp_time_check_span (last, 119, &error));
  g_assert_no_error (error);

  g_assert_false (kp_time_check_span (evening, KP_TIME_MAX_MINUTES + 1, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "lasts 1441 minutes; a session or meeting lasts at most 1440 minutes (a day)");
  g_clear_error (&error);

  g_assert_false (kp_time_check_span (last, 120, &error));
  g_assert_cmpstr (error->message, ==, "ends after the year 9999");
  g_clear_error (&error);

  /* 20:00 in New York on the last evening of 9999 is already the year 10000 in UTC. */
  g_assert_false (kp_time_check_span (west, 60, &error));
  g_assert_cmpstr (error->message, ==, "ends after the year 9999");
}

static void
test_read_file_refuses_what_never_ends (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kursplan-plan-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "plan.kursplan.json", NULL);
  g_autofree char *big = g_build_filename (dir, "big.kursplan.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;
  gint64 before;
  int fd;

  /* A FIFO nobody writes to: refused at once, not waited on. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  before = g_get_monotonic_time ();
  course = kp_plan_read_file (fifo, NULL, &error);
  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "“plan.kursplan.json” is not a regular file (it is a "
                   "folder, a device or a pipe)");
  g_assert_cmpint (g_get_monotonic_time () - before, <, 2 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* A device that never ends. */
  course = kp_plan_read_file ("/dev/zero", NULL, &error);
  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* 65 MB (sparse: no disk used) is refused by its size, before reading. */
  fd = g_open (big, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, KP_FILE_MAX_SIZE + 1), ==, 0);
  close (fd);
  course = kp_plan_read_file (big, NULL, &error);
  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "“big.kursplan.json” is larger than 64 MB, far more "
                   "than a course plan or calendar needs");

  g_unlink (fifo);
  g_unlink (big);
  g_rmdir (dir);
}

/* The trusts' own conditions (issue #13, item 5): the co-payment for the first day only, a
 * no-show fee, the hours' notice and where to send the referral, read, written and refused when
 * malformed. */
static void
test_trust_conditions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(KpCourse) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"Hjertekurs\", "
                      "\"conditions\": {\"referral\": true, \"co_payment\": true, "
                      "\"co_payment_first_day\": true, \"no_show_fee\": true, "
                      "\"notice_hours\": 24, "
                      "\"referral_to\": \"LMS, Postboks 100, 9038 Tromsø\"}}}", &error);
  g_assert_no_error (error);
  g_assert_true (kp_course_get_condition (course, KP_COURSE_CO_PAYMENT_FIRST_DAY));
  g_assert_true (kp_course_get_condition (course, KP_COURSE_NO_SHOW_FEE));
  g_assert_false (kp_course_get_condition (course, KP_COURSE_TRAVEL_REFUND));
  g_assert_cmpuint (kp_course_get_notice_hours (course), ==, 24);
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_REFERRAL_TO), ==,
                   "LMS, Postboks 100, 9038 Tromsø");

  text = kp_plan_write (course, NULL);
  g_assert_nonnull (strstr (text, "      \"travel_refund\" : false,\n"
                                  "      \"co_payment_first_day\" : true,\n"
                                  "      \"no_show_fee\" : true,\n"
                                  "      \"notice_hours\" : 24,\n"
                                  "      \"referral_to\" : \"LMS, Postboks 100, 9038 Tromsø\"\n"
                                  "    },\n"));
  bytes = g_bytes_new (text, strlen (text));
  again = kp_plan_read_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  assert_same_course (course, again);
  g_clear_object (&course);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", "
                      "\"conditions\": {\"notice_hours\": 200}}}", &error);
  g_assert_null (course);
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
  g_assert_cmpstr (error->message, ==,
                   "course.conditions.notice_hours: must be 168 or less, not 200");
  g_clear_error (&error);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", "
                      "\"conditions\": {\"notice_hours\": \"24\"}}}", &error);
  g_assert_null (course);
  g_assert_cmpstr (error->message, ==, "course.conditions.notice_hours: not a whole number");
  g_clear_error (&error);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", "
                      "\"conditions\": {\"no_show_fee\": 1}}}", &error);
  g_assert_null (course);
  g_assert_cmpstr (error->message, ==, "course.conditions.no_show_fee: not true or false");
  g_clear_error (&error);

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"x\", "
                      "\"conditions\": {\"referral_to\": 7}}}", &error);
  g_assert_null (course);
  g_assert_nonnull (strstr (error->message, "course.conditions.referral_to: "));
}

/* good-full.json notes that 11 took part on Thursday 4 March 2027, 12.00–15.00: read as on a
 * day before that session ended, the file is refused whole, naming the session; read after it,
 * or without a clock, it is taken as it is. */
static void
test_read_refuses_attendance_before_the_session_ended (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "plans", "good-full.json",
                                                 NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) december = kp_time_new_local (tz, 2026, 12, 6, 12, 0, NULL);
  g_autoptr(GDateTime) during = kp_time_new_local (tz, 2027, 3, 4, 14, 0, NULL);
  g_autoptr(GDateTime) after = kp_time_new_local (tz, 2027, 3, 4, 15, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) later = NULL;
  g_autoptr(KpCourse) unjudged = NULL;
  g_autoptr(KpSession) first = NULL;

  g_assert_null (kp_plan_read_file_at (path, december, NULL, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
  g_assert_true (g_str_has_prefix (error->message, "course.sessions[0].attended: "));
  g_assert_true (g_str_has_suffix (error->message, " has not been held yet: note how many took "
                                                   "part after the session has ended"));
  g_clear_error (&error);
  g_assert_null (kp_plan_read_file_at (path, during, NULL, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
  g_clear_error (&error);

  later = kp_plan_read_file_at (path, after, NULL, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (kp_course_get_sessions (later), 0);
  g_assert_cmpint (kp_session_get_attended (first), ==, 11);
  unjudged = kp_plan_read_file (path, NULL, &error);
  g_assert_no_error (error);
}

/* Issue #16: the anonymous counts through registration and the decision at the deadline. */
static void
test_registration_counts (void)
{
  static const struct { const char *participants; const char *message; } refused[] = {
    { "{\"registered\": 10, \"patients\": 7, \"relatives\": 4}",
      "course.participants: 7 patients and 4 relatives are more than all 10 registered" },
    { "{\"registered\": 18, \"waiting\": 1}",
      "course.participants: 18 registered for 16 places: put at least 2 on the waiting list" },
    { "{\"registered\": 3, \"no_shows\": -1}",
      "course.participants.no_shows: must be 0 or more, not -1" },
    { "{\"registered\": 3, \"decision\": {\"run_with_fewer\": {\"date\": \"2027-02-30\", "
      "\"by\": \"course_leader\"}}}",
      "course.participants.decision.run_with_fewer.date: “2027-02-30” is not a date of the "
      "form YYYY-MM-DD that exists" },
    { "{\"registered\": 3, \"decision\": {\"run_with_fewer\": {\"date\": \"2027-02-16\", "
      "\"by\": \"boss\"}}}",
      "course.participants.decision.run_with_fewer.by: “boss” is not one of: course_leader, "
      "professional, user_representative, experience_consultant, peer, coordinator" },
    { "{\"registered\": 3, \"decision\": {\"run_with_fewer\": {\"by\": \"peer\"}}}",
      "course.participants.decision.run_with_fewer.date: missing: the day the decision was "
      "taken" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(KpCourse) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  course = read_text ("{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                      "\"course\": {\"title\": \"Kolskurs\", "
                      "\"capacity\": {\"min\": 8, \"max\": 16}, "
                      "\"participants\": {\"registered\": 18, \"patients\": 12, "
                      "\"relatives\": 6, \"waiting\": 2, \"withdrawn\": 1, \"no_shows\": 1, "
                      "\"completed\": 15, \"decision\": {\"run_with_fewer\": "
                      "{\"date\": \"2027-02-16\", \"by\": \"user_representative\"}}}}}",
                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kp_course_get_registered (course), ==, 18);
  g_assert_cmpuint (kp_course_get_count (course, KP_COURSE_PATIENTS), ==, 12);
  g_assert_cmpuint (kp_course_get_count (course, KP_COURSE_RELATIVES), ==, 6);
  g_assert_cmpuint (kp_course_get_count (course, KP_COURSE_WAITING), ==, 2);
  g_assert_cmpuint (kp_course_get_count (course, KP_COURSE_WITHDRAWN), ==, 1);
  g_assert_cmpuint (kp_course_get_count (course, KP_COURSE_NO_SHOWS), ==, 1);
  g_assert_cmpuint (kp_course_get_count (course, KP_COURSE_COMPLETED), ==, 15);
  g_assert_cmpstr (kp_course_get_fewer_decided_on (course), ==, "2027-02-16");
  g_assert_cmpint (kp_course_get_fewer_decided_by (course), ==, KP_ROLE_USER_REPRESENTATIVE);

  text = kp_plan_write (course, NULL);
  g_assert_nonnull (strstr (text, "    \"participants\" : {\n"
                                  "      \"registered\" : 18,\n"
                                  "      \"patients\" : 12,\n"
                                  "      \"relatives\" : 6,\n"
                                  "      \"waiting\" : 2,\n"
                                  "      \"withdrawn\" : 1,\n"
                                  "      \"no_shows\" : 1,\n"
                                  "      \"completed\" : 15,\n"
                                  "      \"decision\" : {\n"
                                  "        \"run_with_fewer\" : {\n"
                                  "          \"date\" : \"2027-02-16\",\n"
                                  "          \"by\" : \"user_representative\"\n"));
  bytes = g_bytes_new (text, strlen (text));
  again = kp_plan_read_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  assert_same_course (course, again);
  g_clear_object (&again);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&text, g_free);

  /* No decision: written as null, read back as none. */
  kp_course_set_fewer_decision (course, NULL, KP_ROLE_PEER);
  text = kp_plan_write (course, NULL);
  g_assert_nonnull (strstr (text, "        \"run_with_fewer\" : null\n"));
  bytes = g_bytes_new (text, strlen (text));
  again = kp_plan_read_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (kp_course_get_fewer_decided_on (again));
  assert_same_course (course, again);
  g_clear_object (&course);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *plan = g_strdup_printf ("{\"format\": \"kursplan/course-plan\", "
                                               "\"version\": 1, \"course\": {\"title\": \"x\", "
                                               "\"capacity\": {\"min\": 8, \"max\": 16}, "
                                               "\"participants\": %s}}",
                                               refused[i].participants);

      course = read_text (plan, &error);
      g_assert_null (course);
      g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
      g_assert_cmpstr (error->message, ==, refused[i].message);
      g_clear_error (&error);
    }
}

/* A file of nothing but comments (json-glib skips C comments) parses to no JSON root at all:
 * refused like any other non-plan (found by the plan reader's fuzz target; before, a
 * json-glib critical aborted the reader). */
static void
test_refuses_comment_only_files (void)
{
  const char *texts[] = { "/* */", " /**/ ", "/* a */\n/* b */\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KpCourse) course = read_text (texts[i], &error);

      g_assert_null (course);
      g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_PLAN);
      g_assert_cmpstr (error->message, ==,
                       "not a course plan: the file does not hold a JSON object");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/read/full", test_read_full);
  g_test_add_func ("/plan/read/unknown-members-warn", test_unknown_members_warn);
  g_test_add_func ("/plan/read/missing-file", test_read_missing_file);
  g_test_add_func ("/plan/read/rejects/in-memory", test_rejects_in_memory_cases);
  for (guint i = 0; i < G_N_ELEMENTS (rejections); i++)
    {
      g_autofree char *name = g_strndup (rejections[i].fixture,
                                         strlen (rejections[i].fixture) - strlen (".json"));
      g_autofree char *test_path = g_strdup_printf ("/plan/read/rejects/%s", name);

      g_test_add_data_func (test_path, &rejections[i], test_rejects);
    }
  g_test_add_func ("/plan/round-trip/same-course", test_round_trip_gives_same_course);
  g_test_add_func ("/plan/round-trip/built-course", test_round_trip_of_a_built_course);
  g_test_add_func ("/plan/extension/conditions-and-accessibility",
                   test_conditions_and_accessibility);
  g_test_add_func ("/plan/write/file-atomically", test_write_file_atomically);
  g_test_add_func ("/plan/update-from/changes-only-what-moved",
                   test_update_from_changes_only_what_moved);
  g_test_add_func ("/plan/read/refuses/lone-surrogates", test_refuses_lone_surrogates);
  g_test_add_func ("/plan/read/refuses/deep-nesting", test_refuses_deep_nesting);
  g_test_add_func ("/plan/read/refuses/json-error-is-utf8", test_json_error_is_utf8);
  g_test_add_func ("/plan/read/refuses/times-after-9999", test_refuses_times_after_9999);
  g_test_add_func ("/plan/read/refuses/what-never-ends", test_read_file_refuses_what_never_ends);
  g_test_add_func ("/time/check-span", test_check_span);
  g_test_add_func ("/plan/read/refuses/comment-only-files", test_refuses_comment_only_files);
  g_test_add_func ("/plan/extension/trust-conditions", test_trust_conditions);

  g_test_add_func ("/plan/read/refuses-attendance-before-the-session-ended",
                   test_read_refuses_attendance_before_the_session_ended);

  g_test_add_func ("/plan/extension/registration-counts", test_registration_counts);

  return g_test_run ();
}
