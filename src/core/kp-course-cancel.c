/* kp-course-cancel.c — a course cancelled (avlyst): the sessions not yet held cancelled with it
 *
 * Each session cancelled here raises its revision, so subscribed calendars replace the event
 * with a STATUS:CANCELLED one. Undoing puts the sessions back as planned, which raises their
 * revision once more: the calendars must hear that the sessions are on again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-course-cancel"

#include "config.h"

#include "kp-course-cancel.h"
#include "kp-error.h"
#include "kp-i18n.h"

struct _KpCourseCancellation
{
  char      *course_id;
  GPtrArray *session_ids;  /* the sessions this cancellation cancelled */
};

/* A session the cancellation takes: planned, and not yet held at @now. */
static gboolean
is_cancellable (KpSession *session,
                GDateTime *now)
{
  return kp_session_get_status (session) == KP_SESSION_STATUS_PLANNED &&
         !kp_session_is_held (session, now);
}

/**
 * kp_course_count_cancellable:
 * @now: the clock
 *
 * Returns: how many sessions kp_course_cancel() would cancel at @now
 */
guint
kp_course_count_cancellable (KpCourse  *course,
                             GDateTime *now)
{
  GListModel *sessions;
  guint count = 0;

  g_return_val_if_fail (KP_IS_COURSE (course), 0);
  g_return_val_if_fail (now != NULL, 0);

  sessions = kp_course_get_sessions (course);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      if (is_cancellable (session, now))
        count++;
    }
  return count;
}

/**
 * kp_course_cancel:
 * @reason: (nullable): why, in the planning group's words
 * @now: the clock: sessions held by then stay as they were, and it is the day of cancelling
 * @error: set when the course is already cancelled
 *
 * Marks @course cancelled on @now's day and cancels every planned session not yet held.
 *
 * Returns: (transfer full) (nullable): what to undo it with
 */
KpCourseCancellation *
kp_course_cancel (KpCourse    *course,
                  const char  *reason,
                  GDateTime   *now,
                  GError     **error)
{
  g_autoptr(KpCourseCancellation) self = NULL;
  g_autofree char *day = NULL;
  GListModel *sessions;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (kp_course_get_cancelled (course))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE,
                   _("The course was already cancelled on %s"),
                   kp_course_get_cancelled_on (course));
      return NULL;
    }

  if (reason != NULL && *reason == '\0')
    reason = NULL;

  self = g_new0 (KpCourseCancellation, 1);
  self->course_id = g_strdup (kp_course_get_id (course));
  self->session_ids = g_ptr_array_new_with_free_func (g_free);

  g_object_freeze_notify (G_OBJECT (course));
  sessions = kp_course_get_sessions (course);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      if (is_cancellable (session, now))
        {
          kp_session_set_status (session, KP_SESSION_STATUS_CANCELLED);
          g_ptr_array_add (self->session_ids, g_strdup (kp_session_get_id (session)));
        }
    }
  day = g_date_time_format (now, "%Y-%m-%d");
  kp_course_set_cancelled (course, day, reason);
  g_object_thaw_notify (G_OBJECT (course));

  return g_steal_pointer (&self);
}

const char *
kp_course_cancellation_get_course_id (KpCourseCancellation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->course_id;
}

guint
kp_course_cancellation_get_n_sessions (KpCourseCancellation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->session_ids->len;
}

/**
 * kp_course_cancellation_undo:
 * @course: the course @self cancelled, as it stands now (it may have been loaded again)
 *
 * The course is no longer cancelled, and the sessions this cancellation cancelled are planned
 * again; a session removed since is left out.
 *
 * Returns: %FALSE when @course is another course than the one cancelled
 */
gboolean
kp_course_cancellation_undo (KpCourseCancellation *self,
                             KpCourse             *course)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (KP_IS_COURSE (course), FALSE);

  if (g_strcmp0 (kp_course_get_id (course), self->course_id) != 0)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (course));
  for (guint i = 0; i < self->session_ids->len; i++)
    {
      KpSession *session = kp_course_find_session (course, g_ptr_array_index (self->session_ids, i));

      if (session != NULL)
        kp_session_set_status (session, KP_SESSION_STATUS_PLANNED);
    }
  kp_course_set_cancelled (course, NULL, NULL);
  g_object_thaw_notify (G_OBJECT (course));
  return TRUE;
}

void
kp_course_cancellation_free (KpCourseCancellation *self)
{
  if (self == NULL)
    return;

  g_free (self->course_id);
  g_ptr_array_unref (self->session_ids);
  g_free (self);
}
