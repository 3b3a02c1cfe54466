/* kp-course-copy.c — a whole copy of a course under new identities, to run it again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-course-copy"

#include "config.h"

#include "kp-course-copy.h"

/* Old member UUID → new member UUID, so references inside the copy point into the copy. */
static char **
map_member_ids (GHashTable         *member_ids,
                const char * const *old_ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; old_ids != NULL && old_ids[i] != NULL; i++)
    {
      const char *new_id = g_hash_table_lookup (member_ids, old_ids[i]);

      if (new_id != NULL)
        g_strv_builder_add (builder, new_id);
    }
  return g_strv_builder_end (builder);
}

static KpMeeting *
copy_meeting (KpMeeting  *meeting,
              GHashTable *member_ids)
{
  KpMeeting *copy = kp_meeting_new (NULL);
  g_auto(GStrv) attendees = map_member_ids (member_ids, kp_meeting_get_attendees (meeting));

  kp_meeting_set_start (copy, kp_meeting_get_start (meeting));
  kp_meeting_set_minutes (copy, kp_meeting_get_minutes (meeting));
  kp_meeting_set_attendees (copy, (const char * const *) attendees);
  kp_meeting_set_notes (copy, kp_meeting_get_notes (meeting));
  return copy;
}

static KpSession *
copy_session (KpSession  *session,
              GHashTable *member_ids)
{
  KpSession *copy = kp_session_new (NULL);
  GListModel *contributions = kp_session_get_contributions (session);

  kp_session_set_title (copy, kp_session_get_title (session));
  kp_session_set_start (copy, kp_session_get_start (session));
  kp_session_set_minutes (copy, kp_session_get_minutes (session));
  if (kp_session_has_own_location (session))
    kp_session_set_location (copy,
                             kp_session_get_location_name (session),
                             kp_session_get_location_room (session),
                             kp_session_get_location_address (session));
  kp_session_set_status (copy, kp_session_get_status (session));
  kp_session_set_attended (copy, kp_session_get_attended (session));
  kp_session_set_notes (copy, kp_session_get_notes (session));

  for (guint i = 0; i < g_list_model_get_n_items (contributions); i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, i);
      const char *member_id = kp_contribution_get_member_id (contribution);
      g_autoptr(KpContribution) contribution_copy = NULL;

      contribution_copy =
        kp_contribution_new (kp_contribution_get_kind (contribution),
                             member_id != NULL ? g_hash_table_lookup (member_ids, member_id)
                                               : NULL,
                             kp_contribution_get_title (contribution),
                             kp_contribution_get_minutes (contribution));
      kp_session_add_contribution (copy, contribution_copy);
    }

  /* A new session has never been published: its calendar SEQUENCE starts again. */
  kp_session_set_revision (copy, 0);
  return copy;
}

static KpEvaluation *
copy_evaluation (KpEvaluation *evaluation,
                 GHashTable   *member_ids)
{
  KpEvaluation *copy = kp_evaluation_new (NULL, kp_evaluation_get_kind (evaluation));
  g_auto(GStrv) questions = kp_evaluation_dup_questions (evaluation);
  g_auto(GStrv) attendees = map_member_ids (member_ids,
                                            kp_evaluation_get_attendees (evaluation));

  kp_evaluation_set_after_session (copy, kp_evaluation_get_after_session (evaluation));
  kp_evaluation_set_responses (copy, kp_evaluation_get_responses (evaluation));
  kp_evaluation_set_scale (copy, kp_evaluation_get_scale (evaluation));
  kp_evaluation_set_patients (copy, kp_evaluation_get_patients (evaluation));
  kp_evaluation_set_relatives (copy, kp_evaluation_get_relatives (evaluation));
  for (guint i = 0; questions[i] != NULL; i++)
    kp_evaluation_set_scores (copy, questions[i],
                              kp_evaluation_get_scores (evaluation, questions[i]));
  kp_evaluation_set_date (copy, kp_evaluation_get_date (evaluation));
  kp_evaluation_set_attendees (copy, (const char * const *) attendees);
  kp_evaluation_set_notes (copy, kp_evaluation_get_notes (evaluation));
  kp_evaluation_set_actions (copy, kp_evaluation_get_actions (evaluation));
  kp_evaluation_set_done_actions (copy, kp_evaluation_get_done_actions (evaluation));
  return copy;
}

/**
 * kp_course_duplicate:
 * @course: the course to copy
 *
 * Copies everything the course holds. The copy, its members, meetings, sessions and evaluations
 * get new UUIDs, and every reference to a member points at the copy's member; sessions start
 * again at revision 0, as they have never been published.
 *
 * Returns: (transfer full): the copy
 */
KpCourse *
kp_course_duplicate (KpCourse *course)
{
  g_autoptr(KpCourse) copy = NULL;
  g_autoptr(GHashTable) member_ids = NULL;
  GListModel *list;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);

  copy = kp_course_new (NULL);
  member_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (KpCourseText text = 0; text < KP_COURSE_N_TEXTS; text++)
    kp_course_set_text (copy, text, kp_course_get_text (course, text));
  kp_course_set_status (copy, kp_course_get_status (course));
  kp_course_set_management (copy, kp_course_get_management (course));
  for (KpCourseCondition condition = 0; condition < KP_COURSE_N_CONDITIONS; condition++)
    kp_course_set_condition (copy, condition, kp_course_get_condition (course, condition));
  kp_course_set_notice_hours (copy, kp_course_get_notice_hours (course));
  kp_course_set_capacity (copy, kp_course_get_capacity_min (course),
                          kp_course_get_capacity_max (course));
  kp_course_set_registered (copy, kp_course_get_registered (course));
  for (KpCourseCount count = 0; count < KP_COURSE_N_COUNTS; count++)
    kp_course_set_count (copy, count, kp_course_get_count (course, count));
  kp_course_set_fewer_decision (copy, kp_course_get_fewer_decided_on (course),
                                kp_course_get_fewer_decided_by (course));
  kp_course_set_goals (copy, kp_course_get_goals (course));
  kp_course_set_partners (copy, kp_course_get_partners (course));
  kp_course_set_evaluation_scale (copy, kp_course_get_evaluation_scale (course));
  kp_course_set_asks_patient_or_relative (copy,
                                          kp_course_get_asks_patient_or_relative (course));

  list = kp_course_get_members (course);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (list, i);
      g_autoptr(KpMember) member_copy = kp_member_dup_with_id (member, NULL);

      g_hash_table_insert (member_ids, g_strdup (kp_member_get_id (member)),
                           g_strdup (kp_member_get_id (member_copy)));
      kp_course_add_member (copy, member_copy);
    }

  list = kp_course_get_meetings (course);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (list, i);
      g_autoptr(KpMeeting) meeting_copy = copy_meeting (meeting, member_ids);

      kp_course_add_meeting (copy, meeting_copy);
    }

  list = kp_course_get_sessions (course);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (list, i);
      g_autoptr(KpSession) session_copy = copy_session (session, member_ids);

      kp_course_add_session (copy, session_copy);
    }

  list = kp_course_get_evaluations (course);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (list, i);
      g_autoptr(KpEvaluation) evaluation_copy = copy_evaluation (evaluation, member_ids);

      kp_course_add_evaluation (copy, evaluation_copy);
    }

  return g_steal_pointer (&copy);
}
