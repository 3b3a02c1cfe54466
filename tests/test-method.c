/* test-method.c — Standard metode's checklist: each rule met and missing, with concrete courses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kp-course.h"
#include "kp-method.h"
#include "kp-time.h"

#define LEADER "00000000-0000-4000-8000-00000000000a"
#define USER1  "00000000-0000-4000-8000-00000000000b"
#define USER2  "00000000-0000-4000-8000-00000000000c"
#define DOCTOR "00000000-0000-4000-8000-00000000000d"

static GDateTime *
oslo (const char *text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GError) error = NULL;
  GDateTime *time = kp_time_parse_local (text, tz, &error);

  g_assert_no_error (error);
  return time;
}

static KpSession *
add_session (KpCourse   *course,
             const char *title,
             const char *start,
             guint       minutes,
             gboolean    both_voices,
             gboolean    sharing)
{
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(GDateTime) time = oslo (start);

  kp_session_set_title (session, title);
  kp_session_set_start (session, time);
  kp_session_set_minutes (session, minutes);
  if (both_voices)
    {
      g_autoptr(KpContribution) talk =
        kp_contribution_new (KP_CONTRIBUTION_PROFESSIONAL_TALK, DOCTOR, "Sykdomslære", 45);
      g_autoptr(KpContribution) story =
        kp_contribution_new (KP_CONTRIBUTION_USER_TALK, USER1, "Min hverdag", 30);

      kp_session_add_contribution (session, talk);
      kp_session_add_contribution (session, story);
    }
  if (sharing)
    {
      g_autoptr(KpContribution) share =
        kp_contribution_new (KP_CONTRIBUTION_SHARING, NULL, "Erfaringsutveksling", 45);

      kp_session_add_contribution (session, share);
    }
  kp_course_add_session (course, session);
  return g_steal_pointer (&session);
}

static void
add_member (KpCourse   *course,
            const char *id,
            KpRole      role,
            const char *name)
{
  g_autoptr(KpMember) member = kp_member_new (id, role);

  kp_member_set_name (member, name);
  kp_course_add_member (course, member);
}

/* A course that meets every rule, judged on 1 February 2027, before it starts. */
static KpCourse *
complete_course (void)
{
  KpCourse *course = kp_course_new (NULL);
  g_autoptr(KpMeeting) meeting = kp_meeting_new (NULL);
  g_autoptr(GDateTime) meeting_start = oslo ("2027-01-10T09:00");
  const char *attendees[] = { LEADER, USER1, DOCTOR, NULL };
  const char *goals[] = { "Mer kunnskap om sykdommen", "Møte andre i samme situasjon", NULL };

  kp_course_set_title (course, "Å leve med kols");
  kp_course_set_text (course, KP_COURSE_NEED, "Meldt behov fra brukerutvalget.");
  kp_course_set_text (course, KP_COURSE_TARGET_GROUP, "Voksne som har kols, og pårørende.");
  kp_course_set_management (course, TRUE);
  add_member (course, LEADER, KP_ROLE_COURSE_LEADER, "Kari Leder");
  add_member (course, USER1, KP_ROLE_USER_REPRESENTATIVE, "Per Bruker");
  add_member (course, USER2, KP_ROLE_USER_REPRESENTATIVE, "Åse Bruker");
  add_member (course, DOCTOR, KP_ROLE_PROFESSIONAL, "Dr. Lunge");
  kp_meeting_set_start (meeting, meeting_start);
  kp_meeting_set_minutes (meeting, 180);
  kp_meeting_set_attendees (meeting, attendees);
  kp_course_add_meeting (course, meeting);
  kp_course_set_goals (course, goals);
  kp_course_set_text (course, KP_COURSE_FRAME, "Fire samlinger à tre timer.");
  kp_course_set_text (course, KP_COURSE_CONTENT, "Sykdomslære, pust, ernæring.");
  kp_course_set_text (course, KP_COURSE_METHODS, "Faginnlegg, brukerinnlegg, samtale.");
  kp_course_set_text (course, KP_COURSE_EVALUATION_PLAN, "Midtveis- og sluttevaluering.");
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, "Helsehuset");
  kp_course_set_capacity (course, 8, 16);
  kp_course_set_text (course, KP_COURSE_DEADLINE, "2027-02-15");
  kp_course_set_text (course, KP_COURSE_EMAIL, "lms@example.no");
  g_object_unref (add_session (course, "Hva er kols?", "2027-03-04T12:00", 180, TRUE, TRUE));
  g_object_unref (add_session (course, "Pust", "2027-03-11T12:00", 180, TRUE, TRUE));
  g_object_unref (add_session (course, "Ernæring", "2027-03-18T12:00", 180, FALSE, TRUE));
  return course;
}

static KpCheckItem *
find_item (GPtrArray  *items,
           const char *key)
{
  for (guint i = 0; i < items->len; i++)
    {
      KpCheckItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->key, key) == 0)
        return item;
    }
  return NULL;
}

static GPtrArray *
check_on (KpCourse   *course,
          const char *when)
{
  g_autoptr(GDateTime) now = oslo (when);

  return kp_method_check (course, now);
}

static void
assert_item (GPtrArray  *items,
             const char *key,
             KpStep      step,
             gboolean    met,
             const char *sentence)
{
  KpCheckItem *item = find_item (items, key);

  g_assert_nonnull (item);
  g_assert_cmpint (item->step, ==, step);
  g_assert_cmpint (item->met, ==, met);
  if (sentence != NULL)
    g_assert_cmpstr (item->sentence, ==, sentence);
}

static void
test_complete_course_meets_everything (void)
{
  g_autoptr(KpCourse) course = complete_course ();
  g_autoptr(GPtrArray) items = check_on (course, "2027-02-01T12:00");
  guint met, total;
  int last_step = -1;

  /* 3 need + 3 group + 4 goals + 4 sessions + 3 brochure + 1 running; nothing due after it. */
  g_assert_cmpuint (items->len, ==, 19);
  for (guint i = 0; i < items->len; i++)
    {
      KpCheckItem *item = g_ptr_array_index (items, i);

      g_assert_true (item->met);
      g_assert_cmpint ((int) item->step, >=, last_step);
      last_step = item->step;
      g_assert_nonnull (item->sentence);
    }
  assert_item (items, "user-representatives", KP_STEP_GROUP, TRUE,
               "The planning group has 2 user representatives.");
  assert_item (items, "both-voices", KP_STEP_SESSIONS, TRUE,
               "2 of 3 sessions have both a professional’s and a user’s talk; most sessions "
               "should.");
  g_assert_null (find_item (items, "attendance"));
  g_assert_null (find_item (items, "evaluation-meeting"));

  {
    g_autoptr(GDateTime) now = oslo ("2027-02-01T12:00");

    kp_method_count (course, now, &met, &total);
    g_assert_cmpuint (met, ==, 19);
    g_assert_cmpuint (total, ==, 19);
  }
}

static void
test_empty_course_misses_everything (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(GPtrArray) items = check_on (course, "2027-02-01T12:00");

  for (guint i = 0; i < items->len; i++)
    g_assert_false (((KpCheckItem *) g_ptr_array_index (items, i))->met);
  assert_item (items, "user-representatives", KP_STEP_GROUP, FALSE,
               "The planning group has no user representative yet: at least 1 is needed, and "
               "preferably 2.");
  assert_item (items, "users-in-meetings", KP_STEP_GROUP, FALSE, NULL);
  assert_item (items, "sessions", KP_STEP_SESSIONS, FALSE,
               "Add the sessions, each with a time and a theme.");
  assert_item (items, "registration", KP_STEP_BROCHURE, FALSE,
               "Set the registration deadline.");
  assert_item (items, "evaluation-planned", KP_STEP_EVALUATION, FALSE, NULL);
  /* Blank text does not count as filled in. */
  kp_course_set_text (course, KP_COURSE_NEED, "  \n ");
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-02-01T12:00");
  assert_item (items, "need", KP_STEP_NEED, FALSE, NULL);
}

static void
test_user_representatives_rule (void)
{
  g_autoptr(KpCourse) course = complete_course ();
  g_autoptr(GPtrArray) items = NULL;
  KpMember *second = kp_course_find_member (course, USER2);
  KpMethodRules rules;
  g_autoptr(GDateTime) now = oslo ("2027-02-01T12:00");

  g_assert_true (kp_course_remove_item (course, second));
  items = kp_method_check (course, now);
  assert_item (items, "user-representatives", KP_STEP_GROUP, FALSE,
               "The planning group has 1 user representative; 2 or more are recommended.");

  /* A centre that accepts one user representative. */
  kp_method_rules_init (&rules);
  g_assert_cmpuint (rules.min_user_representatives, ==, 1);
  g_assert_cmpuint (rules.recommended_user_representatives, ==, 2);
  rules.recommended_user_representatives = 1;
  g_clear_pointer (&items, g_ptr_array_unref);
  items = kp_method_check_full (course, &rules, now);
  assert_item (items, "user-representatives", KP_STEP_GROUP, TRUE,
               "The planning group has 1 user representative.");
}

static void
test_users_in_meetings (void)
{
  g_autoptr(KpCourse) course = complete_course ();
  g_autoptr(KpMeeting) without = kp_meeting_new (NULL);
  g_autoptr(GDateTime) start = oslo ("2027-01-17T09:00");
  const char *attendees[] = { LEADER, DOCTOR, NULL };
  g_autoptr(GPtrArray) items = NULL;

  kp_meeting_set_start (without, start);
  kp_meeting_set_minutes (without, 120);
  kp_meeting_set_attendees (without, attendees);
  kp_course_add_meeting (course, without);
  items = check_on (course, "2027-02-01T12:00");
  assert_item (items, "users-in-meetings", KP_STEP_GROUP, FALSE,
               "1 of 2 planning meetings had no user representative present.");
}

static void
test_sessions_rules (void)
{
  g_autoptr(KpCourse) course = complete_course ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(KpSession) untitled = NULL;
  g_autoptr(KpSession) overlapping = NULL;

  /* Now only 2 of 4 have both voices: not most. */
  untitled = add_session (course, "", "2027-03-25T12:00", 180, FALSE, FALSE);
  items = check_on (course, "2027-02-01T12:00");
  assert_item (items, "time-and-theme", KP_STEP_SESSIONS, FALSE,
               "1 session still lacks a time or a theme.");
  assert_item (items, "both-voices", KP_STEP_SESSIONS, FALSE,
               "2 of 4 sessions have both a professional’s and a user’s talk; most sessions "
               "should.");
  assert_item (items, "sharing", KP_STEP_SESSIONS, TRUE,
               "3 of 4 sessions have time for sharing experience; most sessions should.");
  assert_item (items, "no-overlap", KP_STEP_SESSIONS, TRUE, NULL);

  /* 14:30 starts inside "Pust" (12:00–15:00). */
  overlapping = add_session (course, "Fysisk aktivitet", "2027-03-11T14:30", 60, TRUE, TRUE);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-02-01T12:00");
  assert_item (items, "no-overlap", KP_STEP_SESSIONS, FALSE,
               "The sessions “Pust” and “Fysisk aktivitet” overlap in time.");

  /* A cancelled session neither overlaps nor counts. */
  kp_session_set_status (overlapping, KP_SESSION_STATUS_CANCELLED);
  kp_session_set_title (untitled, "Veien videre");
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-02-01T12:00");
  assert_item (items, "no-overlap", KP_STEP_SESSIONS, TRUE, NULL);
  assert_item (items, "time-and-theme", KP_STEP_SESSIONS, TRUE, NULL);
}

static void
test_overlap_is_instants_and_touching_is_not (void)
{
  g_autoptr(KpSession) a = kp_session_new (NULL);
  g_autoptr(KpSession) b = kp_session_new (NULL);
  g_autoptr(GDateTime) six = oslo ("2027-10-31T18:00");
  g_autoptr(GDateTime) half_eight = oslo ("2027-10-31T20:30");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc_seven = g_date_time_new (utc, 2027, 10, 31, 19, 0, 0);

  kp_session_set_start (a, six);
  kp_session_set_minutes (a, 150);
  kp_session_set_start (b, half_eight);
  kp_session_set_minutes (b, 60);
  g_assert_false (kp_session_overlaps (a, b));
  g_assert_false (kp_session_overlaps (b, a));
  /* 19:00 UTC is 20:00 in Oslo after the October change: inside 18:00–20:30. */
  kp_session_set_start (b, utc_seven);
  g_assert_true (kp_session_overlaps (a, b));
  g_assert_true (kp_session_overlaps (b, a));
  g_assert_false (kp_session_overlaps (a, a));
}

static void
test_running_and_evaluation_become_due (void)
{
  g_autoptr(KpCourse) course = complete_course ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(KpEvaluation) meeting = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);
  GListModel *sessions = kp_course_get_sessions (course);
  const char *attendees[] = { LEADER, USER1, NULL };

  /* After the first session: its attendance is due. */
  items = check_on (course, "2027-03-05T12:00");
  assert_item (items, "attendance", KP_STEP_RUNNING, FALSE,
               "Attendance is missing for 1 of 1 session held.");
  assert_item (items, "users-running", KP_STEP_RUNNING, TRUE, NULL);
  g_assert_null (find_item (items, "evaluation-meeting"));

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      kp_session_set_attended (session, 11);
    }
  /* Two weeks after the last session (18 March) the evaluation meeting is due. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-04-02T12:00");
  assert_item (items, "attendance", KP_STEP_RUNNING, TRUE,
               "Attendance is noted for every session held.");
  assert_item (items, "evaluation-meeting", KP_STEP_EVALUATION, FALSE,
               "Hold the evaluation meeting, about two weeks after the last session, and note "
               "who took part.");

  kp_evaluation_set_attendees (meeting, attendees);
  kp_course_add_evaluation (course, meeting);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-04-02T12:00");
  assert_item (items, "evaluation-meeting", KP_STEP_EVALUATION, TRUE,
               "The evaluation meeting was held with user representatives.");
}

static void
test_steps_have_titles_and_guidance (void)
{
  g_assert_cmpstr (kp_step_get_title (KP_STEP_NEED), ==, "Need and Anchoring");
  g_assert_cmpstr (kp_step_get_title (KP_STEP_EVALUATION), ==, "Evaluation and Revision");
  for (int step = 0; step < KP_N_STEPS; step++)
    {
      g_assert_nonnull (kp_step_get_title (step));
      g_assert_cmpuint (strlen (kp_step_get_guidance (step)), >, 80);
    }
}

/* The pair the check names is the one comparing every session with each later one finds first:
 * random plans with touching, zero-minute, start-less and cancelled sessions, against that. */
static void
test_overlap_names_the_first_pair (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270311);
  g_autoptr(GDateTime) base = oslo ("2027-03-01T08:00");

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(KpCourse) course = kp_course_new (NULL);
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GPtrArray) planned = g_ptr_array_new_with_free_func (g_object_unref);
      GListModel *sessions = kp_course_get_sessions (course);
      guint n = g_rand_int_range (rand, 1, 25);
      KpCheckItem *item;
      g_autofree char *expected = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KpSession) session = kp_session_new (NULL);
          g_autofree char *title = g_strdup_printf ("S%u", i);

          kp_session_set_title (session, title);
          /* Starts on a 30-minute grid over two days, lengths of 0 to 3 hours: many touch. */
          if (g_rand_int_range (rand, 0, 10) > 0)
            {
              g_autoptr(GDateTime) start =
                g_date_time_add_minutes (base, 30 * g_rand_int_range (rand, 0, 96));

              kp_session_set_start (session, start);
            }
          kp_session_set_minutes (session, 30 * g_rand_int_range (rand, 0, 7));
          if (g_rand_int_range (rand, 0, 8) == 0)
            kp_session_set_status (session, KP_SESSION_STATUS_CANCELLED);
          kp_course_add_session (course, session);
        }

      for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
        {
          KpSession *session = g_list_model_get_item (sessions, i);

          if (kp_session_get_status (session) != KP_SESSION_STATUS_CANCELLED)
            g_ptr_array_add (planned, session);
          else
            g_object_unref (session);
        }
      for (guint i = 0; i < planned->len && expected == NULL; i++)
        for (guint j = i + 1; j < planned->len && expected == NULL; j++)
          if (kp_session_overlaps (g_ptr_array_index (planned, i),
                                   g_ptr_array_index (planned, j)))
            expected = g_strdup_printf ("The sessions “%s” and “%s” overlap in time.",
                                        kp_session_get_title (g_ptr_array_index (planned, i)),
                                        kp_session_get_title (g_ptr_array_index (planned, j)));

      items = check_on (course, "2027-02-01T12:00");
      if (planned->len == 0)
        continue;
      item = find_item (items, "no-overlap");
      g_assert_nonnull (item);
      g_assert_cmpint (item->met, ==, expected == NULL);
      g_assert_cmpstr (item->sentence, ==,
                       expected ? expected : "No two sessions overlap in time.");
    }
}

/* 20,000 sessions: comparing every pair took over a minute inside every save (issue #12). */
static void
test_overlap_of_many_sessions_is_quick (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(GDateTime) base = oslo ("2027-01-04T09:00");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) now = oslo ("2027-01-01T12:00");
  gint64 started;
  double seconds;

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) start = g_date_time_add_hours (base, 3 * (20000 - i));

      kp_session_set_title (session, "Samling");
      kp_session_set_start (session, start);
      kp_session_set_minutes (session, 180);
      kp_course_add_session (course, session);
    }

  started = g_get_monotonic_time ();
  items = kp_method_check (course, now);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_test_message ("checking 20,000 sessions took %.3f s", seconds);
  assert_item (items, "no-overlap", KP_STEP_SESSIONS, TRUE, "No two sessions overlap in time.");
  /* About 0.05 s here; the pairwise check took over 60 s. Generous for a busy machine. */
  g_assert_cmpfloat (seconds, <, 5.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/method/complete", test_complete_course_meets_everything);
  g_test_add_func ("/method/empty", test_empty_course_misses_everything);
  g_test_add_func ("/method/user-representatives", test_user_representatives_rule);
  g_test_add_func ("/method/users-in-meetings", test_users_in_meetings);
  g_test_add_func ("/method/sessions", test_sessions_rules);
  g_test_add_func ("/method/overlap", test_overlap_is_instants_and_touching_is_not);
  g_test_add_func ("/method/due", test_running_and_evaluation_become_due);
  g_test_add_func ("/method/steps", test_steps_have_titles_and_guidance);
  g_test_add_func ("/method/overlap/first-pair", test_overlap_names_the_first_pair);
  g_test_add_func ("/method/overlap/many-sessions-quickly", test_overlap_of_many_sessions_is_quick);

  return g_test_run ();
}
