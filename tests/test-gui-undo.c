/* test-gui-undo.c — removing a planning-group member (with contributions, after the dialog),
 * a planning meeting and an evaluation action, then Undo on the toast: the database holds
 * exactly what was there again; without Undo the removal stays saved. Cancelling the course
 * (Cancel Course…, after the dialog) and Undo likewise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gui-fixture.h"
#include "gui-shots.h"
#include "kp-course-view.h"
#include "kp-evaluation-summary.h"
#include "kp-group-page.h"
#include "kp-sessions-page.h"
#include "kp-time.h"

#define COURSE_ID  "c0d5e000-0000-4000-8000-0000000000d1"
#define OLE_ID     "c0d5e000-0000-4000-8000-0000000000b1"
#define IDA_ID     "c0d5e000-0000-4000-8000-0000000000b2"
#define KARI_ID    "c0d5e000-0000-4000-8000-0000000000b3"
#define OTHER_ID   "c0d5e000-0000-4000-8000-0000000000d2"
#define MEETING1_ID "c0d5e000-0000-4000-8000-0000000000c1"
#define MEETING2_ID "c0d5e000-0000-4000-8000-0000000000c2"

typedef struct
{
  char          *dir;
  char          *db_path;
  KpApplication *app;
  KpWindow      *window;
  KpCourseView  *view;
} Fixture;

static KpMember *
add_member (KpCourse   *course,
            const char *id,
            KpRole      role,
            const char *name,
            const char *email)
{
  g_autoptr(KpMember) member = kp_member_new (id, role);

  kp_member_set_name (member, name);
  kp_member_set_email (member, email);
  kp_course_add_member (course, member);
  return member;
}

static void
add_meeting (KpCourse           *course,
             const char         *id,
             int                 month,
             guint               minutes,
             const char * const *attendees)
{
  g_autoptr(KpMeeting) meeting = kp_meeting_new (id);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) start = kp_time_new_local (tz, 2027, month, 12, 12, 0, NULL);

  kp_meeting_set_start (meeting, start);
  kp_meeting_set_minutes (meeting, minutes);
  kp_meeting_set_attendees (meeting, attendees);
  kp_course_add_meeting (course, meeting);
}

/* Ole Dahl (nurse), Ida Berg (user representative) and Kari Nilsen, in that order. Each of
 * three sessions: a sharing, Ida's talk, Ole's lecture. Two planning meetings, the first with
 * all three, the second with Ole and Ida. An evaluation meeting with three actions, the second
 * ticked off, and all three attending. */
static void
fill_database (const char *path)
{
  g_autoptr(KpCourse) course = kp_course_new (COURSE_ID);
  g_autoptr(KpEvaluation) evaluation = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) start = kp_time_new_local (tz, 2027, 3, 4, 18, 0, NULL);
  const char *all[] = { OLE_ID, IDA_ID, KARI_ID, NULL };
  const char *two[] = { OLE_ID, IDA_ID, NULL };
  const char *actions[] = { "Kortere dager", "Mer pause", "Nytt lokale", NULL };

  kp_course_set_title (course, "Å leve med kols");
  kp_course_set_status (course, KP_COURSE_STATUS_PLANNING);
  add_member (course, OLE_ID, KP_ROLE_PROFESSIONAL, "Ole Dahl", "ole@example.org");
  add_member (course, IDA_ID, KP_ROLE_USER_REPRESENTATIVE, "Ida Berg", "ida@example.org");
  add_member (course, KARI_ID, KP_ROLE_EXPERIENCE_CONSULTANT, "Kari Nilsen", "kari@example.org");
  add_meeting (course, MEETING1_ID, 1, 180, all);
  add_meeting (course, MEETING2_ID, 2, 120, two);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) when = g_date_time_add_weeks (start, i);
      g_autoptr(KpContribution) sharing = kp_contribution_new (KP_CONTRIBUTION_SHARING, NULL,
                                                               "Erfaringsutveksling", 45);
      g_autoptr(KpContribution) talk = kp_contribution_new (KP_CONTRIBUTION_USER_TALK, IDA_ID,
                                                            "Å leve med det", 30);
      g_autoptr(KpContribution) lecture =
        kp_contribution_new (KP_CONTRIBUTION_PROFESSIONAL_TALK, OLE_ID, "Sykdomslære", 40);

      kp_session_set_title (session, "Samling");
      kp_session_set_start (session, when);
      kp_session_set_minutes (session, 150);
      kp_session_add_contribution (session, sharing);
      kp_session_add_contribution (session, talk);
      kp_session_add_contribution (session, lecture);
      kp_course_add_session (course, session);
    }

  kp_evaluation_set_date (evaluation, "2027-04-01");
  kp_evaluation_set_attendees (evaluation, all);
  kp_evaluation_set_actions (evaluation, actions);
  kp_evaluation_set_action_done (evaluation, "Mer pause", TRUE);
  kp_course_add_evaluation (course, evaluation);

  gui_fixture_save_course (path, course);

  {
    g_autoptr(KpCourse) other = gui_fixture_make_course (OTHER_ID, "Diabeteskurs",
                                                         KP_COURSE_STATUS_PLANNING,
                                                         "2027-05-03T18:00", 2, "Samling");

    gui_fixture_save_course (path, other);
  }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{

  fixture->dir = gui_fixture_make_dir ("undo", &fixture->db_path);
  fill_database (fixture->db_path);

  fixture->window = gui_fixture_start_app (&fixture->app, fixture->db_path, 0);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  g_assert_true (kp_window_select_course (fixture->window, COURSE_ID));
  iterate ();

  fixture->view = gui_fixture_course_view (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_fixture_close_dialogs ();
  gui_fixture_stop_app (&fixture->app, &fixture->window);
  gui_fixture_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}


/* The members' names, in order, joined by ", " */
static char *
member_names (KpCourse *course)
{
  GListModel *members = kp_course_get_members (course);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(KpMember) member = g_list_model_get_item (members, i);

      g_strv_builder_add (builder, kp_member_get_name (member));
    }
  names = g_strv_builder_end (builder);
  return g_strjoinv (", ", names);
}

/* Session @index's contributions as "title/member-id-tail", in order, joined by ", " */
static char *
session_contributions (KpCourse *course,
                       guint     index)
{
  g_autoptr(KpSession) session = g_list_model_get_item (kp_course_get_sessions (course), index);
  GListModel *contributions = kp_session_get_contributions (session);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (contributions); i++)
    {
      g_autoptr(KpContribution) contribution = g_list_model_get_item (contributions, i);
      const char *member_id = kp_contribution_get_member_id (contribution);

      g_string_append_printf (text, "%s%s/%s", i > 0 ? ", " : "",
                              kp_contribution_get_title (contribution),
                              member_id != NULL ? member_id + strlen (member_id) - 2 : "-");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
joined (const char * const *strv)
{
  return strv != NULL ? g_strjoinv (",", (char **) strv) : g_strdup ("");
}

/* Who attended the evaluation meeting, as their UUIDs joined by "," */
static char *
evaluation_attendees (KpCourse *course)
{
  return joined (kp_evaluation_get_attendees (kp_evaluation_summary_find (course,
                                                                          KP_EVALUATION_MEETING)));
}

/* Shows @step of the course view and returns its page */
static GtkWidget *
show_step (Fixture *fixture,
           KpStep   step)
{
  kp_course_view_set_step (fixture->view, step);
  iterate ();
  return kp_course_view_get_page (fixture->view, step);
}

/* Opens the other course, as the user may before clicking Undo; the first is saved as it is */
static void
leave_for_other_course (Fixture *fixture)
{
  g_assert_true (kp_window_select_course (fixture->window, OTHER_ID));
  iterate ();
  g_assert_cmpstr (kp_course_get_id (kp_window_get_course (fixture->window)), ==, OTHER_ID);
}

static gboolean
toast_title_is (GtkWidget     *widget,
                gconstpointer  title)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), title) == 0 &&
         gtk_widget_get_mapped (widget);
}

static gboolean
undo_button_is (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Undo") == 0 &&
         gtk_widget_get_sensitive (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
no_undo_button (gpointer data)
{
  return find_where (data, undo_button_is, NULL) == NULL;
}

/* The toast saying @title (unless %NULL) is shown, with its Undo; past libadwaita 1.2's show animation */
static GtkWidget *
wait_for_toast (Fixture    *fixture,
                const char *title)
{
  GtkWidget *button;

  wait_ms (600);
  if (title != NULL)
    g_assert_nonnull (find_where (GTK_WIDGET (fixture->window), toast_title_is, title));
  button = find_where (GTK_WIDGET (fixture->window), undo_button_is, NULL);
  g_assert_nonnull (button);
  return button;
}

/* Clicks Undo, as the user does, and waits until the toast has gone */
static void
click_undo (Fixture    *fixture,
            GtkWidget  *button)
{
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_until (no_undo_button, fixture->window, 2000));
}

static void
test_member_with_contributions (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *page = show_step (fixture, KP_STEP_GROUP);
  KpCourse *course = kp_window_get_course (fixture->window);
  AdwMessageDialog *dialog;
  GtkWidget *button;
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(KpCourse) restored = NULL;
  g_autoptr(KpMeeting) meeting = NULL;
  KpMember *ida;
  g_autofree char *text = NULL;


  button = find_button (find_named (page, IDA_ID), "_Remove Member…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove Ida Berg?");
  adw_message_dialog_response (dialog, "remove");
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
  g_assert_null (kp_course_find_member (course, IDA_ID));
  g_assert_null (find_named (page, IDA_ID));

  /* Removed, and saved so */
  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  text = member_names (saved);
  g_assert_cmpstr (text, ==, "Ole Dahl, Kari Nilsen");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (kp_course_count_member_contributions (saved, IDA_ID), ==, 0);
  text = session_contributions (saved, 1);
  g_assert_cmpstr (text, ==, "Erfaringsutveksling/-, Sykdomslære/b1");
  g_clear_pointer (&text, g_free);
  meeting = g_list_model_get_item (kp_course_get_meetings (saved), 0);
  text = joined (kp_meeting_get_attendees (meeting));
  g_assert_cmpstr (text, ==, OLE_ID "," KARI_ID);
  g_clear_pointer (&text, g_free);
  g_clear_object (&meeting);

  /* Undo: Ida is back where she was, with her contributions and her attendance */
  button = wait_for_toast (fixture, "“Ida Berg” removed");
  save_shot (GTK_WINDOW (fixture->window), "undo-member-toast");
  click_undo (fixture, button);

  ida = kp_course_find_member (course, IDA_ID);
  g_assert_nonnull (ida);
  g_assert_nonnull (find_named (page, IDA_ID));

  restored = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  text = member_names (restored);
  g_assert_cmpstr (text, ==, "Ole Dahl, Ida Berg, Kari Nilsen");
  g_clear_pointer (&text, g_free);
  ida = kp_course_find_member (restored, IDA_ID);
  g_assert_nonnull (ida);
  g_assert_cmpstr (kp_member_get_email (ida), ==, "ida@example.org");
  g_assert_cmpint (kp_member_get_role (ida), ==, KP_ROLE_USER_REPRESENTATIVE);
  g_assert_cmpuint (kp_course_count_member_contributions (restored, IDA_ID), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      text = session_contributions (restored, i);
      g_assert_cmpstr (text, ==,
                       "Erfaringsutveksling/-, Å leve med det/b2, Sykdomslære/b1");
      g_clear_pointer (&text, g_free);
    }
  meeting = g_list_model_get_item (kp_course_get_meetings (restored), 0);
  text = joined (kp_meeting_get_attendees (meeting));
  g_assert_cmpstr (text, ==, OLE_ID "," IDA_ID "," KARI_ID);
  g_clear_pointer (&text, g_free);
  g_clear_object (&meeting);
  meeting = g_list_model_get_item (kp_course_get_meetings (restored), 1);
  text = joined (kp_meeting_get_attendees (meeting));
  g_assert_cmpstr (text, ==, OLE_ID "," IDA_ID);
  g_clear_pointer (&text, g_free);
  text = evaluation_attendees (restored);
  g_assert_cmpstr (text, ==, OLE_ID "," IDA_ID "," KARI_ID);
}

static void
test_member_without_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *page = show_step (fixture, KP_STEP_GROUP);
  GtkWidget *button;
  g_autoptr(KpCourse) saved = NULL;
  g_autofree char *text = NULL;


  /* Kari gives nothing: no question, a toast, and the toast goes by itself (5 s) */
  button = find_button (find_named (page, KARI_ID), "_Remove Member…");
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  wait_for_toast (fixture, "“Kari Nilsen” removed");
  g_assert_true (wait_until (no_undo_button, fixture->window, 8000));

  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  text = member_names (saved);
  g_assert_cmpstr (text, ==, "Ole Dahl, Ida Berg");
  g_clear_pointer (&text, g_free);
  text = evaluation_attendees (saved);
  g_assert_cmpstr (text, ==, OLE_ID "," IDA_ID);
}

/* The user opens another course before clicking Undo: the window opens the first course
 * again, with Kari back in it, and saves her. */
static void
test_member_undo_after_leaving (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *page = show_step (fixture, KP_STEP_GROUP);
  GtkWidget *button;
  g_autoptr(KpCourse) saved = NULL;
  KpCourse *course;
  g_autofree char *text = NULL;


  button = find_button (find_named (page, KARI_ID), "_Remove Member…");
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  button = wait_for_toast (fixture, "“Kari Nilsen” removed");

  leave_for_other_course (fixture);
  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 100);
  text = member_names (saved);
  g_assert_cmpstr (text, ==, "Ole Dahl, Ida Berg");
  g_clear_pointer (&text, g_free);
  g_clear_object (&saved);

  click_undo (fixture, button);
  course = kp_window_get_course (fixture->window);
  g_assert_cmpstr (kp_course_get_id (course), ==, COURSE_ID);
  text = member_names (course);
  g_assert_cmpstr (text, ==, "Ole Dahl, Ida Berg, Kari Nilsen");
  g_clear_pointer (&text, g_free);
  g_assert_nonnull (find_named (page, KARI_ID));

  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  text = member_names (saved);
  g_assert_cmpstr (text, ==, "Ole Dahl, Ida Berg, Kari Nilsen");
  g_clear_pointer (&text, g_free);
  text = evaluation_attendees (saved);
  g_assert_cmpstr (text, ==, OLE_ID "," IDA_ID "," KARI_ID);
}

/* A session deleted, another course opened, Undo: the session is back in the first course
 * and in the database, with the same id and its contributions (the session row's toast). */
static void
test_session_after_leaving (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *page = show_step (fixture, KP_STEP_SESSIONS);
  KpCourse *course = kp_window_get_course (fixture->window);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (page, KP_TYPE_SESSIONS_PAGE,
                                                                  "list"));
  g_autoptr(KpSession) second = g_list_model_get_item (kp_course_get_sessions (course), 1);
  g_autofree char *second_id = g_strdup (kp_session_get_id (second));
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(KpSession) back = NULL;
  g_autofree char *text = NULL;
  GtkWidget *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)),
                                             "session.delete", NULL));
  iterate ();
  g_assert_null (kp_course_find_session (course, second_id));
  button = wait_for_toast (fixture, NULL);

  leave_for_other_course (fixture);
  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 100);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (saved)), ==, 2);
  g_clear_object (&saved);

  click_undo (fixture, button);
  g_assert_cmpstr (kp_course_get_id (kp_window_get_course (fixture->window)), ==, COURSE_ID);

  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (saved)), ==, 3);
  back = g_list_model_get_item (kp_course_get_sessions (saved), 1);
  g_assert_cmpstr (kp_session_get_id (back), ==, second_id);
  text = session_contributions (saved, 1);
  g_assert_cmpstr (text, ==, "Erfaringsutveksling/-, Å leve med det/b2, Sykdomslære/b1");
}

static void
test_meeting (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *page = show_step (fixture, KP_STEP_GROUP);
  GtkWidget *button;
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(KpCourse) restored = NULL;
  g_autoptr(KpMeeting) meeting = NULL;
  g_autofree char *text = NULL;


  button = find_button (find_named (page, MEETING1_ID), "_Remove Meeting");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_null (find_named (page, MEETING1_ID));

  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_meetings (saved)), ==, 1);
  meeting = g_list_model_get_item (kp_course_get_meetings (saved), 0);
  g_assert_cmpstr (kp_meeting_get_id (meeting), ==, MEETING2_ID);
  g_clear_object (&meeting);

  button = wait_for_toast (fixture, "Meeting of Tuesday 12 January 2027 removed");
  click_undo (fixture, button);
  g_assert_nonnull (find_named (page, MEETING1_ID));

  restored = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_meetings (restored)), ==, 2);
  meeting = g_list_model_get_item (kp_course_get_meetings (restored), 0);
  g_assert_cmpstr (kp_meeting_get_id (meeting), ==, MEETING1_ID);
  g_assert_cmpuint (kp_meeting_get_minutes (meeting), ==, 180);
  text = joined (kp_meeting_get_attendees (meeting));
  g_assert_cmpstr (text, ==, OLE_ID "," IDA_ID "," KARI_ID);
  g_clear_object (&meeting);
  meeting = g_list_model_get_item (kp_course_get_meetings (restored), 1);
  g_assert_cmpstr (kp_meeting_get_id (meeting), ==, MEETING2_ID);
}

/* Undo clicked while the toast is still appearing (libadwaita 1.2's show animation) */
static void
test_undo_at_once (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *page = show_step (fixture, KP_STEP_GROUP);
  KpCourse *course = kp_window_get_course (fixture->window);
  GtkWidget *button;
  g_autoptr(KpCourse) restored = NULL;

  button = find_button (find_named (page, MEETING1_ID), "_Remove Meeting");
  g_signal_emit_by_name (button, "clicked");
  wait_ms (50);
  button = find_where (GTK_WIDGET (fixture->window), undo_button_is, NULL);
  g_assert_nonnull (button);
  click_undo (fixture, button);
  wait_ms (600);

  g_assert_nonnull (kp_course_find_meeting (course, MEETING1_ID));
  restored = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_meetings (restored)), ==, 2);
}

static gboolean
is_remove_action (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Remove Action") == 0 &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "action"), action) == 0;
}

static void
test_action (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *page = show_step (fixture, KP_STEP_EVALUATION);
  GtkWidget *button;
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(KpCourse) restored = NULL;
  KpEvaluation *meeting;
  g_autofree char *text = NULL;


  button = find_where (page, is_remove_action, "Mer pause");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_null (find_where (page, is_remove_action, "Mer pause"));

  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  meeting = kp_evaluation_summary_find (saved, KP_EVALUATION_MEETING);
  text = joined (kp_evaluation_get_actions (meeting));
  g_assert_cmpstr (text, ==, "Kortere dager,Nytt lokale");
  g_clear_pointer (&text, g_free);
  g_assert_null (kp_evaluation_get_done_actions (meeting));

  button = wait_for_toast (fixture, "“Mer pause” removed");
  save_shot (GTK_WINDOW (fixture->window), "undo-action-toast");
  click_undo (fixture, button);
  iterate ();
  g_assert_nonnull (find_where (page, is_remove_action, "Mer pause"));

  restored = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  meeting = kp_evaluation_summary_find (restored, KP_EVALUATION_MEETING);
  text = joined (kp_evaluation_get_actions (meeting));
  g_assert_cmpstr (text, ==, "Kortere dager,Mer pause,Nytt lokale");
  g_assert_true (kp_evaluation_get_action_done (meeting, "Mer pause"));
  g_assert_false (kp_evaluation_get_action_done (meeting, "Nytt lokale"));
}

/* The sessions' statuses and revisions, "planned/0, cancelled/1, …" */
static char *
session_states (KpCourse *course)
{
  GListModel *sessions = kp_course_get_sessions (course);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(KpSession) session = g_list_model_get_item (sessions, i);

      g_string_append_printf (text, "%s%s/%u", i > 0 ? ", " : "",
                              kp_enum_to_string (KP_TYPE_SESSION_STATUS,
                                                 kp_session_get_status (session)),
                              kp_session_get_revision (session));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Cancel Course…: the dialog names the three sessions to go; the course and its sessions are
 * saved cancelled (each session's revision raised); Undo plans them again, raising it again
 * so that subscribed calendars take the sessions back. */
static void
test_cancel_course (Fixture       *fixture,
                    gconstpointer  data)
{
  KpCourse *course = kp_window_get_course (fixture->window);
  AdwMessageDialog *dialog;
  GtkWidget *button;
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(KpCourse) restored = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(KpSession) first = g_list_model_get_item (kp_course_get_sessions (course), 0);
  guint revision = kp_session_get_revision (first);  /* the same for all three */

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-course",
                                             NULL));
  iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cancel “Å leve med kols”?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "3 sessions not yet held will be cancelled. "
                   "Calendars and the brochure will say so.");
  save_shot (GTK_WINDOW (dialog), "cancel-course-dialog");
  adw_message_dialog_response (dialog, "cancel-course");
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
  g_assert_true (kp_course_get_cancelled (course));

  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  g_assert_true (kp_course_get_cancelled (saved));
  text = session_states (saved);
  expected = g_strdup_printf ("cancelled/%u, cancelled/%u, cancelled/%u",
                              revision + 1, revision + 1, revision + 1);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);

  button = wait_for_toast (fixture, "Cancelled “Å leve med kols”");
  save_shot (GTK_WINDOW (fixture->window), "cancel-course-toast");
  click_undo (fixture, button);
  g_assert_false (kp_course_get_cancelled (course));

  restored = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1200);
  g_assert_false (kp_course_get_cancelled (restored));
  g_assert_null (kp_course_get_cancelled_on (restored));
  text = session_states (restored);
  expected = g_strdup_printf ("planned/%u, planned/%u, planned/%u",
                              revision + 2, revision + 2, revision + 2);
  g_assert_cmpstr (text, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/gui/undo/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("member-with-contributions", test_member_with_contributions);
  ADD ("member-without-undo", test_member_without_undo);
  ADD ("member-undo-after-leaving", test_member_undo_after_leaving);
  ADD ("session-after-leaving", test_session_after_leaving);
  ADD ("meeting", test_meeting);
  ADD ("action", test_action);
  ADD ("undo-at-once", test_undo_at_once);
  ADD ("cancel-course", test_cancel_course);
#undef ADD

  return g_test_run ();
}
