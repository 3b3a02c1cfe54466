/* test-undo.c — what the core keeps so that a removal can be undone: a member with their
 * contributions and attendance, an item at its place in its list, an evaluation's action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kp-course.h"
#include "kp-member-removal.h"
#include "kp-store.h"

#include <glib/gstdio.h>

/* "kind:title" of each contribution in session @index, joined by " | " */
static char *
describe_session (KpCourse *course,
                  guint     index)
{
  g_autoptr(KpSession) session = g_list_model_get_item (kp_course_get_sessions (course), index);
  GListModel *contributions = kp_session_get_contributions (session);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (contributions); i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, i);

      g_string_append_printf (text, "%s%s", i > 0 ? " | " : "",
                              kp_contribution_get_title (contribution));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
join_strv (const char * const *strv)
{
  return strv != NULL ? g_strjoinv (",", (char **) strv) : g_strdup ("");
}

static void
add_contribution (KpSession  *session,
                  KpMember   *member,
                  const char *title)
{
  g_autoptr(KpContribution) contribution =
    kp_contribution_new (KP_CONTRIBUTION_PROFESSIONAL_TALK,
                         member != NULL ? kp_member_get_id (member) : NULL, title, 30);

  kp_session_add_contribution (session, contribution);
}

static void
test_member_removal_undo (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpMember) ada = kp_member_new ("a0000000-0000-4000-8000-000000000001",
                                           KP_ROLE_PROFESSIONAL);
  g_autoptr(KpMember) ida = kp_member_new ("a0000000-0000-4000-8000-000000000002",
                                           KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(KpMember) ole = kp_member_new ("a0000000-0000-4000-8000-000000000003",
                                           KP_ROLE_PROFESSIONAL);
  g_autoptr(KpSession) first = kp_session_new (NULL);
  g_autoptr(KpSession) second = kp_session_new (NULL);
  g_autoptr(KpMeeting) meeting = kp_meeting_new (NULL);
  g_autoptr(KpEvaluation) evaluation = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);
  const char *all[] = { kp_member_get_id (ada), kp_member_get_id (ida), kp_member_get_id (ole),
                        NULL };
  g_autoptr(KpMemberRemoval) removal = NULL;
  g_autoptr(KpMember) back = NULL;
  g_autofree char *text = NULL;

  kp_member_set_name (ida, "Ida Berg");
  kp_member_set_email (ida, "ida@example.org");
  kp_course_add_member (course, ada);
  kp_course_add_member (course, ida);
  kp_course_add_member (course, ole);
  add_contribution (first, ida, "Ida 1");
  add_contribution (first, ole, "Ole 1");
  add_contribution (first, ida, "Ida 2");
  add_contribution (first, NULL, "Sharing");
  add_contribution (second, ole, "Ole 2");
  add_contribution (second, ida, "Ida 3");
  kp_course_add_session (course, first);
  kp_course_add_session (course, second);
  kp_meeting_set_attendees (meeting, all);
  kp_course_add_meeting (course, meeting);
  kp_evaluation_set_attendees (evaluation, all);
  kp_course_add_evaluation (course, evaluation);

  removal = kp_member_removal_take (course, ida);
  g_assert_nonnull (removal);
  g_assert_true (kp_member_removal_get_member (removal) == ida);
  g_assert_cmpuint (kp_member_removal_get_position (removal), ==, 1);
  g_assert_cmpuint (kp_member_removal_get_n_contributions (removal), ==, 3);
  g_assert_null (kp_course_find_member (course, kp_member_get_id (ida)));
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_members (course)), ==, 2);
  text = describe_session (course, 0);
  g_assert_cmpstr (text, ==, "Ole 1 | Sharing");
  g_clear_pointer (&text, g_free);
  text = describe_session (course, 1);
  g_assert_cmpstr (text, ==, "Ole 2");
  g_clear_pointer (&text, g_free);
  text = join_strv (kp_meeting_get_attendees (meeting));
  g_assert_cmpstr (text, ==, "a0000000-0000-4000-8000-000000000001,"
                             "a0000000-0000-4000-8000-000000000003");
  g_clear_pointer (&text, g_free);

  /* Not a member any more: nothing to take */
  g_assert_null (kp_member_removal_take (course, ida));

  g_assert_true (kp_member_removal_undo (removal, course));
  back = g_list_model_get_item (kp_course_get_members (course), 1);
  g_assert_true (back == ida);
  g_assert_cmpstr (kp_member_get_name (back), ==, "Ida Berg");
  g_assert_cmpstr (kp_member_get_email (back), ==, "ida@example.org");
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_members (course)), ==, 3);
  text = describe_session (course, 0);
  g_assert_cmpstr (text, ==, "Ida 1 | Ole 1 | Ida 2 | Sharing");
  g_clear_pointer (&text, g_free);
  text = describe_session (course, 1);
  g_assert_cmpstr (text, ==, "Ole 2 | Ida 3");
  g_clear_pointer (&text, g_free);
  text = join_strv (kp_meeting_get_attendees (meeting));
  g_assert_cmpstr (text, ==, "a0000000-0000-4000-8000-000000000001,"
                             "a0000000-0000-4000-8000-000000000002,"
                             "a0000000-0000-4000-8000-000000000003");
  g_clear_pointer (&text, g_free);
  text = join_strv (kp_evaluation_get_attendees (evaluation));
  g_assert_cmpstr (text, ==, "a0000000-0000-4000-8000-000000000001,"
                             "a0000000-0000-4000-8000-000000000002,"
                             "a0000000-0000-4000-8000-000000000003");
  g_clear_pointer (&text, g_free);

  /* Twice changes nothing */
  g_assert_false (kp_member_removal_undo (removal, course));
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_members (course)), ==, 3);
  g_assert_cmpuint (kp_course_count_member_contributions (course, kp_member_get_id (ida)), ==, 3);
}

/* The course closed and opened again is a new object, loaded from the database: the removal
 * is undone in it by the UUIDs of the sessions and meetings, and saved. */
static void
test_member_removal_undo_in_reloaded_course (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kursplan-undo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "courses.db", NULL);
  g_autoptr(KpStore) store = NULL;
  g_autoptr(KpCourse) course = kp_course_new ("b0000000-0000-4000-8000-000000000001");
  g_autoptr(KpCourse) reloaded = NULL;
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(KpMember) ida = kp_member_new ("a0000000-0000-4000-8000-000000000002",
                                           KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(KpMember) ole = kp_member_new ("a0000000-0000-4000-8000-000000000003",
                                           KP_ROLE_PROFESSIONAL);
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(KpMeeting) meeting = kp_meeting_new (NULL);
  const char *both[] = { kp_member_get_id (ida), kp_member_get_id (ole), NULL };
  g_autoptr(KpMemberRemoval) removal = NULL;
  g_autoptr(KpMeeting) saved_meeting = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  kp_member_set_name (ida, "Ida Berg");
  kp_member_set_name (ole, "Ole Dahl");
  kp_course_add_member (course, ida);
  kp_course_add_member (course, ole);
  add_contribution (session, ole, "Ole 1");
  add_contribution (session, ida, "Ida 1");
  kp_course_add_session (course, session);
  kp_meeting_set_attendees (meeting, both);
  kp_course_add_meeting (course, meeting);

  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  removal = kp_member_removal_take (course, ida);
  g_assert_cmpstr (kp_member_removal_get_course_id (removal), ==, kp_course_get_id (course));
  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_no_error (error);

  reloaded = kp_store_load_course (store, kp_course_get_id (course), &error);
  g_assert_no_error (error);
  g_assert_true (reloaded != course);
  g_assert_true (kp_member_removal_undo (removal, reloaded));
  g_assert_true (kp_store_save_course (store, reloaded, &error));
  g_assert_no_error (error);

  saved = kp_store_load_course (store, kp_course_get_id (course), &error);
  g_assert_no_error (error);
  g_assert_nonnull (kp_course_find_member (saved, kp_member_get_id (ida)));
  g_assert_cmpstr (kp_member_get_name (kp_course_find_member (saved, kp_member_get_id (ida))), ==,
                   "Ida Berg");
  text = describe_session (saved, 0);
  g_assert_cmpstr (text, ==, "Ole 1 | Ida 1");
  g_clear_pointer (&text, g_free);
  saved_meeting = g_list_model_get_item (kp_course_get_meetings (saved), 0);
  text = join_strv (kp_meeting_get_attendees (saved_meeting));
  g_assert_cmpstr (text, ==, "a0000000-0000-4000-8000-000000000002,"
                             "a0000000-0000-4000-8000-000000000003");

  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_insert_item_at_place (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpMeeting) one = kp_meeting_new (NULL);
  g_autoptr(KpMeeting) two = kp_meeting_new (NULL);
  g_autoptr(KpMeeting) three = kp_meeting_new (NULL);
  g_autoptr(KpMeeting) at = NULL;
  g_autoptr(KpMember) stranger = kp_member_new (NULL, KP_ROLE_PROFESSIONAL);
  guint position = 99;

  kp_course_add_meeting (course, one);
  kp_course_add_meeting (course, two);
  kp_course_add_meeting (course, three);

  g_assert_true (kp_course_find_item (course, two, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_false (kp_course_find_item (course, stranger, NULL));
  g_assert_true (kp_course_remove_item (course, two));
  g_assert_false (kp_course_find_item (course, two, NULL));

  g_assert_true (kp_course_insert_item (course, 1, two));
  at = g_list_model_get_item (kp_course_get_meetings (course), 1);
  g_assert_true (at == two);
  /* Already there: nothing changes */
  g_assert_false (kp_course_insert_item (course, 0, two));
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_meetings (course)), ==, 3);

  /* Past the end of a list that has become shorter: last */
  g_assert_true (kp_course_remove_item (course, three));
  g_assert_true (kp_course_remove_item (course, one));
  g_assert_true (kp_course_insert_item (course, 2, three));
  g_clear_object (&at);
  at = g_list_model_get_item (kp_course_get_meetings (course), 1);
  g_assert_true (at == three);
}

static void
test_action_remove_and_insert (void)
{
  g_autoptr(KpEvaluation) evaluation = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);
  const char *actions[] = { "Kortere dager", "Mer pause", "Nytt lokale", NULL };
  gboolean was_done = FALSE;
  g_autofree char *text = NULL;

  kp_evaluation_set_actions (evaluation, actions);
  kp_evaluation_set_action_done (evaluation, "Mer pause", TRUE);

  g_assert_cmpint (kp_evaluation_remove_action (evaluation, "Mer pause", &was_done), ==, 1);
  g_assert_true (was_done);
  text = join_strv (kp_evaluation_get_actions (evaluation));
  g_assert_cmpstr (text, ==, "Kortere dager,Nytt lokale");
  g_clear_pointer (&text, g_free);
  g_assert_null (kp_evaluation_get_done_actions (evaluation));
  g_assert_cmpint (kp_evaluation_remove_action (evaluation, "Mer pause", &was_done), ==, -1);
  g_assert_false (was_done);

  g_assert_true (kp_evaluation_insert_action (evaluation, 1, "Mer pause", TRUE));
  text = join_strv (kp_evaluation_get_actions (evaluation));
  g_assert_cmpstr (text, ==, "Kortere dager,Mer pause,Nytt lokale");
  g_clear_pointer (&text, g_free);
  g_assert_true (kp_evaluation_get_action_done (evaluation, "Mer pause"));
  g_assert_false (kp_evaluation_insert_action (evaluation, 0, "Mer pause", FALSE));
  g_assert_true (kp_evaluation_get_action_done (evaluation, "Mer pause"));

  /* The only action: the list becomes empty, and comes back */
  {
    g_autoptr(KpEvaluation) single = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);
    const char *one[] = { "Mer pause", NULL };

    kp_evaluation_set_actions (single, one);
    g_assert_cmpint (kp_evaluation_remove_action (single, "Mer pause", NULL), ==, 0);
    g_assert_null (kp_evaluation_get_actions (single));
    g_assert_true (kp_evaluation_insert_action (single, 5, "Mer pause", FALSE));
    text = join_strv (kp_evaluation_get_actions (single));
    g_assert_cmpstr (text, ==, "Mer pause");
    g_assert_false (kp_evaluation_get_action_done (single, "Mer pause"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/member-removal", test_member_removal_undo);
  g_test_add_func ("/undo/member-removal-in-reloaded-course",
                   test_member_removal_undo_in_reloaded_course);
  g_test_add_func ("/undo/insert-item-at-place", test_insert_item_at_place);
  g_test_add_func ("/undo/action-remove-and-insert", test_action_remove_and_insert);

  return g_test_run ();
}
