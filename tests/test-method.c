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

/* The course list's score: requirements met of requirements. */
static void
assert_score (KpCourse   *course,
              const char *when,
              guint       want_met,
              guint       want_total)
{
  g_autoptr(GDateTime) now = oslo (when);
  guint met, total;

  kp_method_count (course, now, &met, &total);
  g_assert_cmpuint (met, ==, want_met);
  g_assert_cmpuint (total, ==, want_total);
}

static void
test_complete_course_meets_everything (void)
{
  g_autoptr(KpCourse) course = complete_course ();
  g_autoptr(GPtrArray) items = check_on (course, "2027-02-01T12:00");
  int last_step = -1;

  /* 3 need + 5 group + 4 goals + 4 sessions + 4 brochure (the deadline's timing among them)
   * + 1 running + 1 evaluation; nothing due after it. */
  g_assert_cmpuint (items->len, ==, 22);
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

  /* The score counts requirements: 22 less 5 recommendations. */
  assert_score (course, "2027-02-01T12:00", 17, 17);
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
  assert_item (items, "users-in-planning", KP_STEP_GROUP, FALSE,
               "Record the planning meetings and who attended, so the group can see that user "
               "representatives take part in planning.");
  /* A recommendation that builds on a requirement waits for it: the requirement says both. */
  g_assert_null (find_item (items, "more-user-representatives"));
  g_assert_null (find_item (items, "users-in-meetings"));
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
  /* One is required and met; two are recommended. */
  assert_item (items, "user-representatives", KP_STEP_GROUP, TRUE,
               "The planning group has 1 user representative.");
  assert_item (items, "more-user-representatives", KP_STEP_GROUP, FALSE,
               "The planning group has 1 user representative; 2 or more are recommended.");
  g_assert_cmpint (find_item (items, "user-representatives")->weight, ==, KP_CHECK_REQUIRED);
  g_assert_cmpint (find_item (items, "more-user-representatives")->weight, ==,
                   KP_CHECK_RECOMMENDED);
  g_assert_true (kp_method_is_complete (items));

  /* A centre that accepts one user representative. */
  kp_method_rules_init (&rules);
  g_assert_cmpuint (rules.min_user_representatives, ==, 1);
  g_assert_cmpuint (rules.recommended_user_representatives, ==, 2);
  rules.recommended_user_representatives = 1;
  g_clear_pointer (&items, g_ptr_array_unref);
  items = kp_method_check_full (course, &rules, now);
  assert_item (items, "user-representatives", KP_STEP_GROUP, TRUE,
               "The planning group has 1 user representative.");
  g_assert_null (find_item (items, "more-user-representatives"));

  /* A centre that requires two: one is then a requirement unmet. */
  rules.min_user_representatives = 2;
  rules.recommended_user_representatives = 3;
  g_clear_pointer (&items, g_ptr_array_unref);
  items = kp_method_check_full (course, &rules, now);
  assert_item (items, "user-representatives", KP_STEP_GROUP, FALSE,
               "The planning group has too few user representatives: at least 2 are needed, and "
               "preferably 3.");
  g_assert_false (kp_method_is_complete (items));
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
  /* Users took part in planning (required), not in every meeting (recommended). */
  assert_item (items, "users-in-planning", KP_STEP_GROUP, TRUE,
               "User representatives took part in 1 of 2 planning meetings.");
  assert_item (items, "users-in-meetings", KP_STEP_GROUP, FALSE,
               "1 of 2 planning meetings had no user representative present.");
  g_assert_true (kp_method_users_in_planning (course));

  /* Without the one meeting users attended, none had one: the requirement is unmet. */
  {
    GListModel *meetings = kp_course_get_meetings (course);
    g_autoptr(KpMeeting) first = g_list_model_get_item (meetings, 0);

    g_assert_true (kp_course_remove_item (course, first));
  }
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-02-01T12:00");
  assert_item (items, "users-in-planning", KP_STEP_GROUP, FALSE,
               "1 of 1 planning meetings had no user representative present.");
  g_assert_null (find_item (items, "users-in-meetings"));
  g_assert_false (kp_method_users_in_planning (course));
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

/* Each check's weight, as kp-method.c's table declares it, and how it is shown. */
static void
test_weights_and_marks (void)
{
  static const struct
  {
    const char    *key;
    KpCheckWeight  weight;
  } expected[] = {
    { "need", KP_CHECK_REQUIRED },
    { "user-representatives", KP_CHECK_REQUIRED },
    { "more-user-representatives", KP_CHECK_RECOMMENDED },
    { "professionals", KP_CHECK_REQUIRED },
    { "users-in-planning", KP_CHECK_REQUIRED },
    { "users-in-meetings", KP_CHECK_RECOMMENDED },
    { "goals", KP_CHECK_REQUIRED },
    { "time-and-theme", KP_CHECK_REQUIRED },
    { "both-voices", KP_CHECK_RECOMMENDED },
    { "sharing", KP_CHECK_RECOMMENDED },
    { "no-overlap", KP_CHECK_REQUIRED },
    { "capacity", KP_CHECK_RECOMMENDED },
    { "registration", KP_CHECK_REQUIRED },
    { "users-running", KP_CHECK_REQUIRED },
  };
  g_autoptr(KpCourse) course = complete_course ();
  g_autoptr(GPtrArray) items = NULL;
  KpCheckItem *item;
  guint met, total, open;

  /* Three sessions with neither voice nor sharing: "most" fails for both (2 and 3 of 6); and
   * neither the place nor the capacity is given. */
  g_object_unref (add_session (course, "Veien videre", "2027-03-25T12:00", 180, FALSE, FALSE));
  g_object_unref (add_session (course, "Avslutning", "2027-04-01T12:00", 180, FALSE, FALSE));
  g_object_unref (add_session (course, "Ekstra", "2027-04-08T12:00", 180, FALSE, FALSE));
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, NULL);
  kp_course_set_capacity (course, 0, 0);
  items = check_on (course, "2027-02-01T12:00");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      item = find_item (items, expected[i].key);
      g_assert_nonnull (item);
      g_assert_cmpint (item->weight, ==, expected[i].weight);
    }

  item = find_item (items, "both-voices");
  g_assert_false (item->met);
  g_assert_cmpstr (kp_check_item_get_mark (item), ==, "!");
  g_assert_cmpstr (kp_check_item_get_state_label (item), ==, "Recommended");
  item = find_item (items, "place");
  g_assert_false (item->met);
  g_assert_cmpstr (kp_check_item_get_mark (item), ==, "✗");
  g_assert_cmpstr (kp_check_item_get_state_label (item), ==, "Required");
  item = find_item (items, "goals");
  g_assert_cmpstr (kp_check_item_get_mark (item), ==, "✓");
  g_assert_cmpstr (kp_check_item_get_state_label (item), ==, "Done");

  /* 17 requirements, the place missing; both voices, sharing and the capacity advised. */
  kp_method_count_items (items, &met, &total, &open);
  g_assert_cmpuint (met, ==, 16);
  g_assert_cmpuint (total, ==, 17);
  g_assert_cmpuint (open, ==, 3);
  g_assert_false (kp_method_is_complete (items));

  /* With the place given, only recommendations are open: the plan is complete. */
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, "Helsehuset");
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-02-01T12:00");
  kp_method_count_items (items, &met, &total, &open);
  g_assert_cmpuint (met, ==, 17);
  g_assert_cmpuint (total, ==, 17);
  g_assert_cmpuint (open, ==, 3);
  g_assert_true (kp_method_is_complete (items));
  assert_score (course, "2027-02-01T12:00", 17, 17);
}

/* The method's cycle over Kursplan's seven steps. */
static void
test_phases (void)
{
  static const KpPhase phases[KP_N_STEPS] = {
    KP_PHASE_PLAN, KP_PHASE_PLAN, KP_PHASE_PLAN, KP_PHASE_PLAN, KP_PHASE_PLAN,
    KP_PHASE_RUN, KP_PHASE_EVALUATE,
  };

  for (KpStep step = 0; step < KP_N_STEPS; step++)
    g_assert_cmpint (kp_step_get_phase (step), ==, phases[step]);
  g_assert_cmpstr (kp_phase_get_title (KP_PHASE_PLAN), ==, "Plan");
  g_assert_cmpstr (kp_phase_get_title (KP_PHASE_RUN), ==, "Run");
  g_assert_cmpstr (kp_phase_get_title (KP_PHASE_EVALUATE), ==, "Evaluate");
  g_assert_cmpstr (kp_method_get_cycle_note (), ==,
                   "Standard metode works in a cycle: plan, run, evaluate. The seven steps are "
                   "Kursplan’s guide through it.");
}

/* A member added and not yet named ("Unnamed member") satisfies nothing. */
static void
test_blank_member_counts_for_nothing (void)
{
  g_autoptr(KpCourse) course = complete_course ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(KpEvaluation) meeting = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);
  const char *attendees[] = { LEADER, USER1, USER2, NULL };

  g_assert_false (kp_method_member_counts (NULL));
  g_assert_true (kp_method_member_counts (kp_course_find_member (course, USER1)));
  g_assert_cmpuint (kp_method_count_role (course, KP_ROLE_USER_REPRESENTATIVE), ==, 2);

  kp_member_set_name (kp_course_find_member (course, USER1), "");
  kp_member_set_name (kp_course_find_member (course, USER2), " \t\u00a0");
  kp_member_set_name (kp_course_find_member (course, LEADER), NULL);
  kp_member_set_name (kp_course_find_member (course, DOCTOR), "  ");
  g_assert_false (kp_method_member_counts (kp_course_find_member (course, USER2)));
  g_assert_cmpuint (kp_method_count_role (course, KP_ROLE_USER_REPRESENTATIVE), ==, 0);
  g_assert_false (kp_method_users_in_planning (course));

  kp_evaluation_set_attendees (meeting, attendees);
  kp_course_add_evaluation (course, meeting);
  items = check_on (course, "2027-04-02T12:00");
  assert_item (items, "user-representatives", KP_STEP_GROUP, FALSE,
               "The planning group has no user representative yet: at least 1 is needed, and "
               "preferably 2.");
  assert_item (items, "professionals", KP_STEP_GROUP, FALSE,
               "Add the professionals and the course leader to the planning group.");
  assert_item (items, "users-in-planning", KP_STEP_GROUP, FALSE,
               "1 of 1 planning meetings had no user representative present.");
  /* The user's talks are given by a blank row: nobody on the users' side contributes. */
  assert_item (items, "users-running", KP_STEP_RUNNING, FALSE, NULL);
  assert_item (items, "evaluation-meeting", KP_STEP_EVALUATION, FALSE,
               "Note which user representatives took part in the evaluation meeting.");

  /* Named, the same member counts again. */
  kp_member_set_name (kp_course_find_member (course, USER1), "Per Bruker");
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-04-02T12:00");
  assert_item (items, "user-representatives", KP_STEP_GROUP, TRUE,
               "The planning group has 1 user representative.");
  assert_item (items, "users-running", KP_STEP_RUNNING, TRUE, NULL);
  assert_item (items, "evaluation-meeting", KP_STEP_EVALUATION, TRUE, NULL);
  g_assert_true (kp_method_users_in_planning (course));
}

/* An experience consultant is on the users' side for running the course, but users took part
 * in planning only where a user representative attended a planning meeting. */
static void
test_users_in_planning_needs_a_user_representative (void)
{
  g_autoptr(KpCourse) course = complete_course ();
  g_autoptr(KpMeeting) meeting = NULL;
  const char *attendees[] = { LEADER, "00000000-0000-4000-8000-0000000000ec", NULL };
  g_autoptr(GPtrArray) items = NULL;

  add_member (course, attendees[1], KP_ROLE_EXPERIENCE_CONSULTANT, "Eva Erfaring");
  meeting = g_list_model_get_item (kp_course_get_meetings (course), 0);
  kp_meeting_set_attendees (meeting, attendees);
  g_assert_true (kp_method_role_is_user (KP_ROLE_EXPERIENCE_CONSULTANT));
  g_assert_false (kp_method_users_in_planning (course));
  items = check_on (course, "2027-02-01T12:00");
  assert_item (items, "users-in-planning", KP_STEP_GROUP, FALSE,
               "1 of 1 planning meetings had no user representative present.");
}

/* Once the course is over, the check asks for the participants' final forms. */
static void
test_forms_collected (void)
{
  g_autoptr(KpCourse) course = complete_course ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(KpEvaluation) midway = kp_evaluation_new (NULL, KP_EVALUATION_MIDWAY);
  g_autoptr(KpEvaluation) final = kp_evaluation_new (NULL, KP_EVALUATION_FINAL);

  /* The last session (18 March, 12:00–15:00) has not ended yet. */
  items = check_on (course, "2027-03-18T14:59");
  g_assert_null (find_item (items, "forms-collected"));

  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-03-18T15:00");
  assert_item (items, "forms-collected", KP_STEP_EVALUATION, FALSE,
               "The course is over: collect the participants’ final forms and note how many "
               "answered.");
  g_assert_cmpint (find_item (items, "forms-collected")->weight, ==, KP_CHECK_REQUIRED);

  /* Midway forms are not the final ones, nor is a final form nobody answered. */
  kp_evaluation_set_responses (midway, 12);
  kp_course_add_evaluation (course, midway);
  kp_course_add_evaluation (course, final);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-03-20T12:00");
  assert_item (items, "forms-collected", KP_STEP_EVALUATION, FALSE, NULL);

  kp_evaluation_set_responses (final, 9);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-03-20T12:00");
  assert_item (items, "forms-collected", KP_STEP_EVALUATION, TRUE,
               "The participants’ final forms are collected: 9 answered.");
}

/* Conditions of taking part that contradict each other (issue #13, item 5): travel refunded
 * without a referral, the first day only without a co-payment, a referral address without a
 * referral. A course that states none of them keeps its score. */
static void
test_conditions_contradictions (void)
{
  g_autoptr(KpCourse) course = complete_course ();
  g_autoptr(GPtrArray) items = check_on (course, "2027-02-01T12:00");
  guint before = items->len;

  g_assert_null (find_item (items, "travel-refund-needs-referral"));
  g_assert_null (find_item (items, "first-day-needs-co-payment"));
  g_assert_null (find_item (items, "referral-address-needs-referral"));

  kp_course_set_condition (course, KP_COURSE_TRAVEL_REFUND, TRUE);
  kp_course_set_condition (course, KP_COURSE_CO_PAYMENT_FIRST_DAY, TRUE);
  kp_course_set_text (course, KP_COURSE_REFERRAL_TO, "LMS, Postboks 100, 9038 Tromsø");
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-02-01T12:00");
  g_assert_cmpuint (items->len, ==, before + 3);
  assert_item (items, "travel-refund-needs-referral", KP_STEP_BROCHURE, FALSE,
               "The brochure promises a travel refund, but the course needs no referral: "
               "Pasientreiser refunds travel only with a referral.");
  assert_item (items, "first-day-needs-co-payment", KP_STEP_BROCHURE, FALSE,
               "The co-payment is set for the first day only, but no co-payment is charged.");
  assert_item (items, "referral-address-needs-referral", KP_STEP_BROCHURE, FALSE,
               "An address for referrals is given, but the course needs no referral.");

  kp_course_set_condition (course, KP_COURSE_REFERRAL, TRUE);
  kp_course_set_condition (course, KP_COURSE_CO_PAYMENT, TRUE);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = check_on (course, "2027-02-01T12:00");
  assert_item (items, "travel-refund-needs-referral", KP_STEP_BROCHURE, TRUE,
               "Travel is refunded, and the course needs a referral.");
  assert_item (items, "first-day-needs-co-payment", KP_STEP_BROCHURE, TRUE,
               "The co-payment is charged for the first day only.");
  assert_item (items, "referral-address-needs-referral", KP_STEP_BROCHURE, TRUE,
               "The brochure says where to send the referral.");
}

/* The first session is Thursday 4 March 2027: a deadline after it cannot be met, and one more
 * than a year before it is last year's. */
static void
test_deadline_between_a_year_before_and_the_first_session (void)
{
  g_autoptr(KpCourse) course = complete_course ();
  const struct
  {
    const char *deadline;
    gboolean    met;
    const char *sentence;
  } cases[] = {
    { "2027-02-15", TRUE, "The registration deadline falls before the first session." },
    { "2027-03-04", TRUE, "The registration deadline falls before the first session." },
    { "2026-03-04", TRUE, "The registration deadline falls before the first session." },
    { "2027-03-05", FALSE, "The registration deadline is after the first session: set a day "
                           "before the course starts." },
    { "2026-03-03", FALSE, "The registration deadline is more than a year before the first "
                           "session: set this run’s deadline." },
    /* Last year's date copied into a March 2027 run, as run-again once did. */
    { "2026-02-20", FALSE, "The registration deadline is more than a year before the first "
                           "session: set this run’s deadline." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) items = NULL;

      kp_course_set_text (course, KP_COURSE_DEADLINE, cases[i].deadline);
      items = check_on (course, "2027-02-01T12:00");
      assert_item (items, "deadline-timing", KP_STEP_BROCHURE, cases[i].met, cases[i].sentence);
      /* The registration item still only asks that there is a deadline. */
      assert_item (items, "registration", KP_STEP_BROCHURE, TRUE, NULL);
    }

  /* Without a deadline, or without a dated session, there is nothing to compare. */
  {
    g_autoptr(GPtrArray) items = NULL;
    g_autoptr(KpCourse) undated = kp_course_new (NULL);

    kp_course_set_text (course, KP_COURSE_DEADLINE, NULL);
    items = check_on (course, "2027-02-01T12:00");
    g_assert_null (find_item (items, "deadline-timing"));
    g_clear_pointer (&items, g_ptr_array_unref);
    kp_course_set_text (undated, KP_COURSE_DEADLINE, "2027-02-15");
    items = check_on (undated, "2027-02-01T12:00");
    g_assert_null (find_item (items, "deadline-timing"));
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
  g_test_add_func ("/method/weights", test_weights_and_marks);
  g_test_add_func ("/method/phases", test_phases);
  g_test_add_func ("/method/blank-member", test_blank_member_counts_for_nothing);
  g_test_add_func ("/method/users-in-planning", test_users_in_planning_needs_a_user_representative);
  g_test_add_func ("/method/forms-collected", test_forms_collected);
  g_test_add_func ("/method/conditions-contradictions", test_conditions_contradictions);
  g_test_add_func ("/method/deadline-timing",
                   test_deadline_between_a_year_before_and_the_first_session);
  g_test_add_func ("/method/overlap/first-pair", test_overlap_names_the_first_pair);
  g_test_add_func ("/method/overlap/many-sessions-quickly", test_overlap_of_many_sessions_is_quick);

  return g_test_run ();
}
