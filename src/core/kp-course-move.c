/* kp-course-move.c — moving a course's sessions to new dates, keeping the weekly rhythm
 *
 * Each session keeps its distance in days from the others and its wall-clock time: a course of
 * Thursdays at 18:00 that is moved across the October clock change is still Thursdays at 18:00.
 * "Move course…" in the timetable and "Run again" both move through here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-course-move"

#include "config.h"

#include "kp-course-move.h"
#include "kp-error.h"
#include "kp-i18n.h"
#include "kp-time.h"

/**
 * kp_course_move_sessions:
 * @course: a course
 * @days: how many days to move every session by (negative: earlier)
 *
 * Moves every dated session of @course @days days, each at its own wall-clock time. All or
 * nothing: when one time does not exist on its new day (the spring clock change skips it), no
 * session is moved.
 *
 * Returns: %TRUE when the sessions were moved
 */
gboolean
kp_course_move_sessions (KpCourse  *course,
                         int        days,
                         GError   **error)
{
  GListModel *sessions;
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  guint n;

  g_return_val_if_fail (KP_IS_COURSE (course), FALSE);

  sessions = kp_course_get_sessions (course);
  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);
      GDateTime *start = kp_session_get_start (session);
      GDateTime *moved = NULL;

      if (start != NULL)
        {
          moved = kp_time_add_days_local (start, days, error);
          if (moved == NULL)
            return FALSE;
          /* Moved to the last evening of 9999, a session may end after it. */
          if (!kp_time_check_span (moved, kp_session_get_minutes (session), error))
            {
              g_date_time_unref (moved);
              return FALSE;
            }
        }
      g_ptr_array_add (starts, moved);
    }

  if (days == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      if (starts->pdata[i] != NULL)
        kp_session_set_start (session, starts->pdata[i]);
    }
  return TRUE;
}

/**
 * kp_course_move_to:
 * @course: a course with at least one dated session
 * @first_day: the day the first session is to be on
 *
 * Moves the whole course so that its first session falls on @first_day, the others keeping
 * their distance from it in days, all at their own wall-clock times.
 *
 * Returns: %TRUE when the sessions were moved; %FALSE with @error set when the course has no
 *   dated session or a time does not exist on its new day, and then nothing moved
 */
gboolean
kp_course_move_to (KpCourse     *course,
                   const GDate  *first_day,
                   GError      **error)
{
  GDateTime *first;
  GDate old_day;

  g_return_val_if_fail (KP_IS_COURSE (course), FALSE);
  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), FALSE);

  first = kp_course_get_first_start (course);
  if (first == NULL)
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("“%s” has no dated session to move: give its sessions dates first"),
                   kp_course_get_title (course) ? kp_course_get_title (course) : "");
      return FALSE;
    }

  g_date_clear (&old_day, 1);
  g_date_set_dmy (&old_day, g_date_time_get_day_of_month (first), g_date_time_get_month (first),
                  g_date_time_get_year (first));
  return kp_course_move_sessions (course, g_date_days_between (&old_day, first_day), error);
}
