/* kp-member-removal.c — a member taken out of the planning group, with all that went with them
 *
 * Removing a member takes their contributions to the sessions and their place in the lists of
 * who attended planning and evaluation meetings, so that no UUID is left pointing at nobody.
 * The removal remembers each of these and where it was, so that undoing it puts back exactly
 * what was there: the same objects, at the same places.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kp-member-removal"

#include "config.h"

#include "kp-member-removal.h"
#include "kp-util-private.h"

/* One thing that went with the member: a contribution in a session, or their place in
 * a meeting's or an evaluation's attendees. The holder is known by its UUID, so that the
 * removal can be undone in the course as loaded again from the database. */
typedef struct
{
  GType           holder_type;   /* KP_TYPE_SESSION, KP_TYPE_MEETING or KP_TYPE_EVALUATION */
  char           *holder_id;
  guint           position;
  KpContribution *contribution;  /* NULL for an attendance */
} KpTaken;

struct _KpMemberRemoval
{
  char     *course_id;
  KpMember *member;
  guint     position;
  GArray   *taken;               /* KpTaken, in the order they were taken */
  guint     n_contributions;
};

static void
kp_taken_clear (gpointer data)
{
  KpTaken *taken = data;

  g_clear_pointer (&taken->holder_id, g_free);
  g_clear_object (&taken->contribution);
}

static void
take (KpMemberRemoval *self,
      GType            holder_type,
      const char      *holder_id,
      guint            position,
      KpContribution  *contribution)
{
  KpTaken taken = { holder_type, g_strdup (holder_id), position,
                    contribution != NULL ? g_object_ref (contribution) : NULL };

  g_array_append_val (self->taken, taken);
}

/* A list of member UUIDs without @member_id, or NULL when it was not in it; @position tells
 * where it was. */
static char **
strv_without (const char * const *ids,
              const char         *member_id,
              guint              *position)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean found = FALSE;

  for (guint i = 0; !found && ids != NULL && ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], member_id) == 0)
      {
        found = TRUE;
        *position = i;
      }
  if (!found)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], member_id) != 0)
      g_strv_builder_add (builder, ids[i]);
  return g_strv_builder_end (builder);
}

/**
 * kp_member_removal_take:
 * @course: a course
 * @member: a member of @course's planning group
 *
 * Takes @member out of the planning group, and with them their contributions to the sessions
 * and their place in the lists of who attended planning and evaluation meetings.
 *
 * Returns: (transfer full) (nullable): what was taken, for kp_member_removal_undo(); %NULL,
 *   changing nothing, when @member is not in @course's planning group
 */
KpMemberRemoval *
kp_member_removal_take (KpCourse *course,
                        KpMember *member)
{
  g_autoptr(KpMemberRemoval) self = NULL;
  GListModel *list;
  const char *member_id;
  guint position;

  g_return_val_if_fail (KP_IS_COURSE (course), NULL);
  g_return_val_if_fail (KP_IS_MEMBER (member), NULL);

  if (!kp_course_find_item (course, member, &position))
    return NULL;

  self = g_new0 (KpMemberRemoval, 1);
  self->course_id = g_strdup (kp_course_get_id (course));
  self->member = g_object_ref (member);
  self->position = position;
  self->taken = g_array_new (FALSE, FALSE, sizeof (KpTaken));
  g_array_set_clear_func (self->taken, kp_taken_clear);
  member_id = kp_member_get_id (member);

  list = kp_course_get_sessions (course);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (list, i);
      GListModel *contributions = kp_session_get_contributions (session);

      for (guint j = g_list_model_get_n_items (contributions); j > 0; j--)
        {
          g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, j - 1);

          if (g_strcmp0 (kp_contribution_get_member_id (contribution), member_id) == 0)
            {
              take (self, KP_TYPE_SESSION, kp_session_get_id (session), j - 1, contribution);
              self->n_contributions++;
              kp_session_remove_contribution (session, j - 1);
            }
        }
    }

  list = kp_course_get_meetings (course);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpMeeting) meeting = g_list_model_get_item (list, i);
      g_auto(GStrv) rest = strv_without (kp_meeting_get_attendees (meeting), member_id,
                                         &position);

      if (rest != NULL)
        {
          take (self, KP_TYPE_MEETING, kp_meeting_get_id (meeting), position, NULL);
          kp_meeting_set_attendees (meeting, (const char * const *) rest);
        }
    }

  list = kp_course_get_evaluations (course);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KpEvaluation) evaluation = g_list_model_get_item (list, i);
      g_auto(GStrv) rest = strv_without (kp_evaluation_get_attendees (evaluation), member_id,
                                         &position);

      if (rest != NULL)
        {
          take (self, KP_TYPE_EVALUATION, kp_evaluation_get_id (evaluation), position, NULL);
          kp_evaluation_set_attendees (evaluation, (const char * const *) rest);
        }
    }

  kp_course_remove_item (course, member);
  return g_steal_pointer (&self);
}

/**
 * kp_member_removal_get_member:
 *
 * Returns: (transfer none): the member taken out
 */
KpMember *
kp_member_removal_get_member (KpMemberRemoval *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->member;
}

/**
 * kp_member_removal_get_position:
 *
 * Returns: where in the planning group the member was
 */
guint
kp_member_removal_get_position (KpMemberRemoval *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->position;
}

/**
 * kp_member_removal_get_n_contributions:
 *
 * Returns: how many contributions to the sessions went with the member
 */
guint
kp_member_removal_get_n_contributions (KpMemberRemoval *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_contributions;
}

/**
 * kp_member_removal_get_course_id:
 *
 * Returns: the UUID of the course the member was taken from
 */
const char *
kp_member_removal_get_course_id (KpMemberRemoval *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->course_id;
}

/* A copy of @ids with @member_id put in at @position, or NULL when it is there already. */
static char **
strv_with (const char * const *ids,
           guint               position,
           const char         *member_id)
{
  if (ids != NULL && g_strv_contains (ids, member_id))
    return NULL;
  return kp_strv_insert (ids, position, member_id);
}

/**
 * kp_member_removal_undo:
 * @course: the course the member was taken from, or the same course (same UUID) as loaded
 *   again from the database since
 *
 * Puts the member back in the planning group where they were, their contributions back in
 * their sessions and their attendance back in the meetings' lists, each at its old place (or
 * last, where the list has since become shorter). What has gone from @course since (a session
 * deleted) is left out.
 *
 * Returns: %FALSE, changing nothing, when the member is in the group again already
 */
gboolean
kp_member_removal_undo (KpMemberRemoval *self,
                        KpCourse        *course)
{
  const char *member_id;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (KP_IS_COURSE (course), FALSE);
  g_return_val_if_fail (g_strcmp0 (kp_course_get_id (course), self->course_id) == 0, FALSE);

  member_id = kp_member_get_id (self->member);
  if (kp_course_find_member (course, member_id) != NULL)
    return FALSE;

  kp_course_insert_item (course, self->position, self->member);

  /* Backwards: a session's contributions were taken last first, so they go back first first. */
  for (guint i = self->taken->len; i > 0; i--)
    {
      KpTaken *taken = &g_array_index (self->taken, KpTaken, i - 1);

      if (taken->holder_type == KP_TYPE_SESSION)
        {
          KpSession *session = kp_course_find_session (course, taken->holder_id);

          if (session != NULL)
            kp_session_insert_contribution (session, taken->position, taken->contribution);
        }
      else if (taken->holder_type == KP_TYPE_MEETING)
        {
          KpMeeting *meeting = kp_course_find_meeting (course, taken->holder_id);
          g_auto(GStrv) attendees = NULL;

          if (meeting != NULL)
            attendees = strv_with (kp_meeting_get_attendees (meeting), taken->position,
                                   member_id);
          if (attendees != NULL)
            kp_meeting_set_attendees (meeting, (const char * const *) attendees);
        }
      else
        {
          KpEvaluation *evaluation = kp_course_find_evaluation (course, taken->holder_id);
          g_auto(GStrv) attendees = NULL;

          if (evaluation != NULL)
            attendees = strv_with (kp_evaluation_get_attendees (evaluation), taken->position,
                                   member_id);
          if (attendees != NULL)
            kp_evaluation_set_attendees (evaluation, (const char * const *) attendees);
        }
    }
  return TRUE;
}

void
kp_member_removal_free (KpMemberRemoval *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->course_id, g_free);
  g_clear_object (&self->member);
  g_clear_pointer (&self->taken, g_array_unref);
  g_free (self);
}
