/* test-model.c — the model's own rules: revisions, zones, public labels, change signals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kp-course.h"
#include "kp-error.h"
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

static void
test_revision_rises_on_schedule_changes (void)
{
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(GDateTime) start = oslo ("2027-03-04T12:00");
  g_autoptr(GDateTime) later = oslo ("2027-03-04T13:00");

  kp_session_set_revision (session, 0);
  kp_session_set_notes (session, "Gikk fint");
  kp_session_set_attended (session, 11);
  g_assert_cmpuint (kp_session_get_revision (session), ==, 0);

  kp_session_set_start (session, start);
  g_assert_cmpuint (kp_session_get_revision (session), ==, 1);
  kp_session_set_start (session, start);
  g_assert_cmpuint (kp_session_get_revision (session), ==, 1);
  kp_session_set_start (session, later);
  kp_session_set_title (session, "Hva er kols?");
  kp_session_set_status (session, KP_SESSION_STATUS_CANCELLED);
  kp_session_set_location (session, "Helsehuset", NULL, NULL);
  g_assert_cmpuint (kp_session_get_revision (session), ==, 5);
  g_assert_nonnull (kp_session_get_modified (session));
}

static void
test_update_from_raises_once (void)
{
  g_autoptr(KpSession) mine = kp_session_new ("9a7c0000-0000-4000-8000-000000000001");
  g_autoptr(KpSession) theirs = kp_session_new ("9a7c0000-0000-4000-8000-000000000001");
  g_autoptr(GDateTime) start = oslo ("2027-03-04T12:00");
  g_autoptr(GDateTime) moved = oslo ("2027-03-11T12:00");

  kp_session_set_title (mine, "Pust");
  kp_session_set_start (mine, start);
  kp_session_set_revision (mine, 3);

  kp_session_set_title (theirs, "Pust og aktivitet");
  kp_session_set_start (theirs, moved);
  kp_session_set_revision (theirs, 3);

  kp_session_update_from (mine, theirs);
  g_assert_cmpuint (kp_session_get_revision (mine), ==, 4);
  g_assert_cmpstr (kp_session_get_title (mine), ==, "Pust og aktivitet");
  g_assert_true (g_date_time_equal (kp_session_get_start (mine), moved));

  /* The same values again change nothing. */
  kp_session_update_from (mine, theirs);
  g_assert_cmpuint (kp_session_get_revision (mine), ==, 4);
}

static void
test_time_rejects_gap_and_bad_dates (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) ok = NULL;
  GDateTime *bad;

  bad = kp_time_parse_local ("2027-03-28T02:30", tz, &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_clear_error (&error);

  bad = kp_time_parse_local ("2027-02-30T12:00", tz, &error);
  g_assert_null (bad);
  g_clear_error (&error);

  bad = kp_time_parse_local ("2027-02-03 12:00", tz, &error);
  g_assert_null (bad);
  g_clear_error (&error);

  /* The autumn's repeated hour exists (twice); it is accepted. */
  ok = kp_time_parse_local ("2027-10-31T02:30", tz, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ok);

  g_assert_null (kp_time_zone_new ("Europe/Atlantis", NULL));
}

static void
test_course_keeps_wall_clock_when_zone_changes (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(GDateTime) start = oslo ("2027-10-28T18:00");
  g_autofree char *text = NULL;

  kp_session_set_start (session, start);
  kp_course_add_session (course, session);
  kp_course_set_text (course, KP_COURSE_TIMEZONE, "Europe/Helsinki");

  text = kp_time_format_local (kp_session_get_start (session));
  g_assert_cmpstr (text, ==, "2027-10-28T18:00");
  g_assert_cmpint (g_date_time_get_utc_offset (kp_session_get_start (session)) / G_TIME_SPAN_HOUR,
                   ==, 3);
}

static void
count_changes (KpCourse *course,
               guint    *count)
{
  (*count)++;
}

static void
test_course_changed_covers_children (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(KpContribution) talk = kp_contribution_new (KP_CONTRIBUTION_SHARING, NULL, NULL, 45);
  guint changes = 0;

  g_signal_connect (course, "changed", G_CALLBACK (count_changes), &changes);
  kp_course_set_title (course, "Å leve med kols");
  g_assert_cmpuint (changes, ==, 1);
  kp_course_add_session (course, session);
  g_assert_cmpuint (changes, ==, 2);
  changes = 0;
  kp_session_add_contribution (session, talk);
  g_assert_cmpuint (changes, >=, 1);
  changes = 0;
  /* An edit inside a contribution reaches the course through its session, so the store saves it. */
  kp_contribution_set_minutes (talk, 50);
  g_assert_cmpuint (changes, ==, 1);
}

static void
test_member_public_label_hides_names (void)
{
  g_autoptr(KpMember) member = kp_member_new (NULL, KP_ROLE_PROFESSIONAL);
  g_autofree char *hidden = NULL;
  g_autofree char *shown = NULL;

  kp_member_set_name (member, "Kari Nordmann");
  kp_member_set_title (member, "lungelege");
  hidden = kp_member_dup_public_label (member);
  /* Not even the title: it can say who someone is as well as the name. */
  g_assert_cmpstr (hidden, ==, "Professional");
  kp_member_set_public (member, TRUE);
  shown = kp_member_dup_public_label (member);
  g_assert_cmpstr (shown, ==, "Kari Nordmann, lungelege");
  g_assert_true (g_uuid_string_is_valid (kp_member_get_id (member)));
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

/* Removing a member takes their contributions and their attendance with them, and nothing
 * of anyone else's. */
static void
test_remove_member_takes_contributions (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpMember) ida = kp_member_new (NULL, KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(KpMember) ole = kp_member_new (NULL, KP_ROLE_PROFESSIONAL);
  g_autoptr(KpMeeting) meeting = kp_meeting_new (NULL);
  g_autoptr(KpEvaluation) evaluation = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);
  const char *both[] = { kp_member_get_id (ida), kp_member_get_id (ole), NULL };
  g_autofree char *ida_id = g_strdup (kp_member_get_id (ida));
  guint changes = 0;

  kp_course_add_member (course, ida);
  kp_course_add_member (course, ole);
  kp_meeting_set_attendees (meeting, both);
  kp_course_add_meeting (course, meeting);
  kp_evaluation_set_attendees (evaluation, both);
  kp_course_add_evaluation (course, evaluation);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(KpContribution) talk = kp_contribution_new (KP_CONTRIBUTION_USER_TALK, ida_id,
                                                            "Å leve med det", 30);
      g_autoptr(KpContribution) lecture = kp_contribution_new (KP_CONTRIBUTION_PROFESSIONAL_TALK,
                                                               kp_member_get_id (ole),
                                                               "Sykdomslære", 45);
      g_autoptr(KpContribution) again = kp_contribution_new (KP_CONTRIBUTION_SHARING, ida_id,
                                                             NULL, 20);

      kp_session_add_contribution (session, talk);
      kp_session_add_contribution (session, lecture);
      if (i == 1)
        kp_session_add_contribution (session, again);
      kp_course_add_session (course, session);
    }
  g_assert_cmpuint (kp_course_count_member_contributions (course, ida_id), ==, 3);
  g_assert_cmpuint (kp_course_count_member_contributions (course, kp_member_get_id (ole)), ==, 2);
  g_assert_cmpuint (kp_course_count_member_contributions (course, NULL), ==, 0);

  g_signal_connect_swapped (course, "changed", G_CALLBACK (count_change), &changes);
  kp_course_remove_member (course, ida);

  g_assert_cmpuint (changes, >, 0);
  g_assert_null (kp_course_find_member (course, ida_id));
  g_assert_cmpuint (kp_course_count_member_contributions (course, ida_id), ==, 0);
  g_assert_cmpuint (kp_course_count_member_contributions (course, kp_member_get_id (ole)), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) kp_meeting_get_attendees (meeting)), ==, 1);
  g_assert_cmpstr (kp_meeting_get_attendees (meeting)[0], ==, kp_member_get_id (ole));
  g_assert_cmpuint (g_strv_length ((char **) kp_evaluation_get_attendees (evaluation)), ==, 1);
  g_assert_cmpstr (kp_evaluation_get_attendees (evaluation)[0], ==, kp_member_get_id (ole));
}

/* Attendance is noted after a session: a count for one that has not ended is refused and
 * changes nothing; clearing a count is always allowed. */
static void
test_session_attendance_only_after_it_ended (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) start = kp_time_new_local (tz, 2027, 3, 4, 18, 0, NULL);
  g_autoptr(GDateTime) december = kp_time_new_local (tz, 2026, 12, 6, 12, 0, NULL);
  g_autoptr(GDateTime) during = kp_time_new_local (tz, 2027, 3, 4, 19, 0, NULL);
  g_autoptr(GDateTime) after = kp_time_new_local (tz, 2027, 3, 4, 20, 30, NULL);
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(KpSession) undated = kp_session_new (NULL);
  g_autoptr(GError) error = NULL;

  kp_session_set_title (session, "Hva er kols?");
  kp_session_set_start (session, start);
  kp_session_set_minutes (session, 150);

  g_assert_false (kp_session_note_attended (session, 12, december, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "“Hva er kols?” has not been held yet: note how many took part after the "
                   "session has ended");
  g_assert_cmpint (kp_session_get_attended (session), ==, -1);
  g_clear_error (&error);
  g_assert_false (kp_session_note_attended (session, 0, during, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (kp_session_is_held (session, during));

  g_assert_true (kp_session_note_attended (session, 12, after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kp_session_get_attended (session), ==, 12);
  g_assert_true (kp_session_is_held (session, after));
  g_assert_true (kp_session_note_attended (session, -1, december, &error));
  g_assert_cmpint (kp_session_get_attended (session), ==, -1);

  /* A cancelled session is never held; one without a time cannot have ended. */
  kp_session_set_status (session, KP_SESSION_STATUS_CANCELLED);
  g_assert_false (kp_session_is_held (session, after));
  g_assert_false (kp_session_note_attended (undated, 3, after, &error));
  g_assert_cmpstr (error->message, ==,
                   "This session has not been held yet: note how many took part after it has "
                   "ended");
  g_assert_cmpint (kp_session_get_attended (undated), ==, -1);
}

/* A member the incoming plan names only by key keeps the UUID that key has in the course, and
 * the incoming contributions and attendance follow; a new key gets a new member. */
static void
test_update_keeps_member_ids_by_key (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpCourse) incoming = kp_course_new (kp_course_get_id (course));
  g_autoptr(KpMember) kari = kp_member_new ("b1d00000-0000-4000-8000-000000000001",
                                            KP_ROLE_COURSE_LEADER);
  g_autoptr(KpMember) kari_again = kp_member_new (NULL, KP_ROLE_COURSE_LEADER);
  g_autoptr(KpMember) liv = kp_member_new (NULL, KP_ROLE_PROFESSIONAL);
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(KpContribution) talk = NULL;
  g_autoptr(KpMeeting) meeting = kp_meeting_new (NULL);
  g_autoptr(KpMember) first = NULL;
  g_autoptr(KpMember) second = NULL;
  g_autoptr(KpContribution) kept_talk = NULL;
  const char *attendees[3];
  const char * const *kept_attendees;
  g_autofree char *liv_id = g_strdup (kp_member_get_id (liv));

  kp_member_set_key (kari, "leder");
  kp_course_add_member (course, kari);

  kp_member_set_key (kari_again, "leder");
  kp_member_set_name (kari_again, "Kari Nordmann");
  kp_member_set_key (liv, "fag1");
  kp_course_add_member (incoming, kari_again);
  kp_course_add_member (incoming, liv);
  talk = kp_contribution_new (KP_CONTRIBUTION_USER_TALK, kp_member_get_id (kari_again), NULL, 30);
  kp_session_add_contribution (session, talk);
  kp_course_add_session (incoming, session);
  attendees[0] = kp_member_get_id (liv);
  attendees[1] = kp_member_get_id (kari_again);
  attendees[2] = NULL;
  kp_meeting_set_attendees (meeting, attendees);
  kp_course_add_meeting (incoming, meeting);

  kp_course_update_from (course, incoming);

  first = g_list_model_get_item (kp_course_get_members (course), 0);
  second = g_list_model_get_item (kp_course_get_members (course), 1);
  g_assert_cmpstr (kp_member_get_id (first), ==, "b1d00000-0000-4000-8000-000000000001");
  g_assert_cmpstr (kp_member_get_name (first), ==, "Kari Nordmann");
  g_assert_cmpstr (kp_member_get_id (second), ==, liv_id);
  kept_talk = g_list_model_get_item (kp_session_get_contributions (kp_course_find_session (
                                       course, kp_session_get_id (session))), 0);
  g_assert_cmpstr (kp_contribution_get_member_id (kept_talk), ==,
                   "b1d00000-0000-4000-8000-000000000001");
  kept_attendees = kp_meeting_get_attendees (kp_course_find_meeting (course,
                                                                     kp_meeting_get_id (meeting)));
  g_assert_cmpstr (kept_attendees[0], ==, liv_id);
  g_assert_cmpstr (kept_attendees[1], ==, "b1d00000-0000-4000-8000-000000000001");
}

/* A course-plan file of 20,000 sessions imported over the same course: matched by id, the
 * moved one's revision raised, the new one added, the missing one removed, in the file's order;
 * matching each session by a search of the list took over a minute (issue #12). */
static void
test_course_update_from_many_sessions (void)
{
  g_autoptr(KpCourse) mine = kp_course_new (NULL);
  g_autoptr(KpCourse) theirs = kp_course_new (kp_course_get_id (mine));
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) base = g_date_time_new (tz, 2027, 1, 4, 9, 0, 0);
  g_autoptr(KpSession) first = NULL;
  g_autoptr(KpSession) moved = NULL;
  g_autoptr(KpSession) last = NULL;
  GListModel *sessions = kp_course_get_sessions (mine);
  const guint n = 20000;
  guint revision;
  gint64 started;
  double seconds;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);
      g_autofree char *next_id = g_strdup_printf ("00000000-0000-4000-8000-%012u", i + 1);
      g_autoptr(GDateTime) start = g_date_time_add_hours (base, 3 * i);
      g_autoptr(KpSession) ours = kp_session_new (id);
      g_autoptr(KpSession) incoming = kp_session_new (next_id);

      kp_session_set_start (ours, start);
      kp_session_set_minutes (ours, 120);
      kp_course_add_session (mine, ours);
      /* The file has sessions 1 … n: session 0 is gone and session n is new. */
      kp_session_set_start (incoming, start);
      kp_session_set_minutes (incoming, 120);
      kp_course_add_session (theirs, incoming);
    }

  first = g_list_model_get_item (sessions, 1);
  revision = kp_session_get_revision (first);
  g_clear_object (&first);

  started = g_get_monotonic_time ();
  kp_course_update_from (mine, theirs);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_test_message ("updating 20,000 sessions took %.3f s", seconds);

  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n);
  first = g_list_model_get_item (sessions, 0);
  g_assert_cmpstr (kp_session_get_id (first), ==, "00000000-0000-4000-8000-000000000001");
  /* Session 1 now starts when session 0 did: moved, so its revision rose once. */
  g_assert_cmpuint (kp_session_get_revision (first), ==, revision + 1);
  last = g_list_model_get_item (sessions, n - 1);
  g_assert_cmpstr (kp_session_get_id (last), ==, "00000000-0000-4000-8000-000000020000");
  g_assert_true (kp_course_find_session (theirs, kp_session_get_id (last)) == last);
  moved = g_list_model_get_item (sessions, 100);
  g_assert_true (kp_course_find_session (theirs, kp_session_get_id (moved)) != moved);
  /* About 0.1 s here; the list searches took over a minute. Generous for a busy machine. */
  g_assert_cmpfloat (seconds, <, 5.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/session/revision-rises-on-schedule-changes",
                   test_revision_rises_on_schedule_changes);
  g_test_add_func ("/model/session/update-from-raises-once", test_update_from_raises_once);
  g_test_add_func ("/model/time/rejects-gap-and-bad-dates", test_time_rejects_gap_and_bad_dates);
  g_test_add_func ("/model/course/keeps-wall-clock-when-zone-changes",
                   test_course_keeps_wall_clock_when_zone_changes);
  g_test_add_func ("/model/course/changed-covers-children", test_course_changed_covers_children);
  g_test_add_func ("/model/member/public-label-hides-names", test_member_public_label_hides_names);
  g_test_add_func ("/model/course/remove-member-takes-contributions",
                   test_remove_member_takes_contributions);
  g_test_add_func ("/model/course/update-from-many-sessions",
                   test_course_update_from_many_sessions);

  g_test_add_func ("/model/session/attendance-only-after-it-ended",
                   test_session_attendance_only_after_it_ended);
  g_test_add_func ("/model/course/update-keeps-member-ids-by-key",
                   test_update_keeps_member_ids_by_key);

  return g_test_run ();
}
