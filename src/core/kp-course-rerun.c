/* kp-course-rerun.c — "Run again": the next run of a course, with the same plan on new dates
 *
 * Built on kp_course_duplicate(): the copy keeps the plan, the group and the contributions under
 * new UUIDs; this file moves its dates and clears what belongs to the run that was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-course-rerun"

#include "config.h"

#include "kp-course-copy.h"
#include "kp-course-move.h"
#include "kp-course-rerun.h"
#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-time.h"

/* The actions every evaluation meeting decided, in order, without repeats. */
static char **
collect_actions (KpCourse *course)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *evaluations = kp_course_get_evaluations (course);

  for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (evaluations, i);
      const char * const *actions = kp_evaluation_get_actions (evaluation);

      if (kp_evaluation_get_kind (evaluation) != KP_EVALUATION_MEETING)
        continue;
      for (guint j = 0; actions != NULL && actions[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer) actions[j]))
          g_strv_builder_add (builder, actions[j]);
    }
  return g_strv_builder_end (builder);
}

/* The registration deadline moves with the sessions; one that would fall before today cannot be
 * met any more, and one that cannot be read cannot be moved: both are cleared for the group to
 * set, rather than last year's date carried into this year's brochure. */
static void
move_deadline (KpCourse  *copy,
               int        days,
               GDateTime *now)
{
  const char *text = kp_course_get_text (copy, KP_COURSE_DEADLINE);
  GDate deadline;
  GDate today;
  char moved[16];

  if (text == NULL)
    return;
  if (!kp_time_parse_date (text, &deadline))
    {
      kp_course_set_text (copy, KP_COURSE_DEADLINE, NULL);
      return;
    }
  /* A run may also be made before the one it copies. */
  if (days >= 0)
    g_date_add_days (&deadline, days);
  else
    g_date_subtract_days (&deadline, -days);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (g_date_compare (&deadline, &today) < 0)
    {
      kp_course_set_text (copy, KP_COURSE_DEADLINE, NULL);
      return;
    }
  g_snprintf (moved, sizeof moved, "%04d-%02d-%02d", g_date_get_year (&deadline),
              g_date_get_month (&deadline), g_date_get_day (&deadline));
  kp_course_set_text (copy, KP_COURSE_DEADLINE, moved);
}

/**
 * kp_course_rerun:
 * @course: the course that ran
 * @start: the first day the new run may start on
 * @now: the day the run is made: a registration deadline that would fall before it is cleared
 *
 * Makes the next run of @course: the same plan and group under new UUIDs; every session,
 * planning meeting and the registration deadline moved by the same number of whole weeks, so
 * that the first session falls on the first day from @start with its old weekday, each at its
 * old wall-clock time; cancelled sessions planned again; attendance (at sessions and at the
 * planning meetings, which have not been held yet), registrations and the forms' results
 * cleared. The
 * evaluation meetings' actions come along as the new run's checklist: one evaluation meeting
 * without a date that lists them, for the group to tick off.
 *
 * Returns: (transfer full) (nullable): the new run, or %NULL when @course has no dated session or
 *   a time does not exist on its new day
 */
KpCourse *
kp_course_rerun (KpCourse     *course,
                 const GDate  *start,
                 GDateTime    *now,
                 GError      **error)
{
  g_autoptr(KpCourse) copy = NULL;
  GDateTime *first;
  g_auto(GStrv) actions = NULL;
  g_autoptr(GPtrArray) old_evaluations = g_ptr_array_new_with_free_func (g_object_unref);
  GDate first_day;
  GDate new_first_day;
  GListModel *list;
  int days;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  first = kp_course_get_first_start (course);
  if (first == NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("“%s” has no dated session to run again: give its sessions dates first"),
                   kp_course_get_title (course) ? kp_course_get_title (course) : "");
      return NULL;
    }

  g_date_clear (&first_day, 1);
  g_date_set_dmy (&first_day, g_date_time_get_day_of_month (first),
                  g_date_time_get_month (first), g_date_time_get_year (first));
  new_first_day = *start;
  while (g_date_get_weekday (&new_first_day) != g_date_get_weekday (&first_day))
    g_date_add_days (&new_first_day, 1);
  days = g_date_days_between (&first_day, &new_first_day);

  copy = kp_course_duplicate (course);
  if (!kp_course_move_sessions (copy, days, error))
    return NULL;

  list = kp_course_get_sessions (copy);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (list, i);

      kp_session_set_status (session, KP_SESSION_STATUS_PLANNED);
      kp_session_set_attended (session, -1);
      kp_session_set_notes (session, NULL);
    }

  list = kp_course_get_meetings (copy);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (list, i);
      GDateTime *old_start = kp_meeting_get_start (meeting);

      if (old_start != NULL)
        {
          g_autoptr(GDateTime) new_start = kp_time_add_days_local (old_start, days, error);

          if (new_start == NULL ||
              !kp_time_check_span (new_start, kp_meeting_get_minutes (meeting), error))
            return NULL;
          kp_meeting_set_start (meeting, new_start);
        }
      kp_meeting_set_notes (meeting, NULL);
      kp_meeting_set_attendees (meeting, NULL);
    }
  move_deadline (copy, days, now);

  actions = collect_actions (course);
  list = kp_course_get_evaluations (copy);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (old_evaluations, g_list_model_get_item (list, i));
  for (guint i = 0; i < old_evaluations->len; i++)
    kp_course_remove_item (copy, g_ptr_array_index (old_evaluations, i));
  if (actions[0] != NULL)
    {
      g_autoptr(KpEvaluation) checklist = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);

      kp_evaluation_set_actions (checklist, (const char * const *) actions);
      kp_course_add_evaluation (copy, checklist);
    }

  kp_course_set_registered (copy, 0);
  /* A new run starts its registration afresh, and its own decision at the deadline. */
  for (KpCourseCount count = 0; count < KP_COURSE_N_COUNTS; count++)
    kp_course_set_count (copy, count, 0);
  kp_course_set_fewer_decision (copy, NULL, KP_ROLE_COURSE_LEADER);
  kp_course_set_status (copy, KP_COURSE_STATUS_PLANNING);
  kp_course_sort_sessions (copy);
  return g_steal_pointer (&copy);
}
