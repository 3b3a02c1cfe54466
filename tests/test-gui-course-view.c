/* test-gui-course-view.c — the course view's steps and the need, group and goals pages, driven
 * through their widgets, checked in the database through a connection of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-fixture.h"
#include "kp-course-view.h"
#include "kp-goals-page.h"
#include "kp-group-page.h"
#include "kp-method.h"
#include "kp-need-page.h"
#include "kp-text-area.h"
#include "kp-time.h"

#define COURSE_ID "c0d5e000-0000-4000-8000-000000000001"
#define IDA_ID    "c0d5e000-0000-4000-8000-0000000000a1"
#define OLE_ID    "c0d5e000-0000-4000-8000-0000000000a2"

typedef struct
{
  char          *dir;
  char          *db_path;
  KpApplication *app;
  KpWindow      *window;
  KpCourseView  *view;
} Fixture;

/* A course with two members: Ida Berg, a user representative who gives three contributions,
 * and Ole Dahl, a nurse who gives none; one planning meeting both attended. */
static void
fill_database (const char *path)
{
  g_autoptr(KpStore) store = NULL;
  g_autoptr(KpCourse) course = kp_course_new (COURSE_ID);
  g_autoptr(KpMember) ida = kp_member_new (IDA_ID, KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(KpMember) ole = kp_member_new (OLE_ID, KP_ROLE_PROFESSIONAL);
  g_autoptr(KpMeeting) meeting = kp_meeting_new (NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) start = kp_time_new_local (tz, 2027, 3, 4, 18, 0, NULL);
  g_autoptr(GDateTime) met = kp_time_new_local (tz, 2027, 1, 12, 12, 0, NULL);
  const char *both[] = { IDA_ID, OLE_ID, NULL };
  g_autoptr(GError) error = NULL;

  kp_course_set_title (course, "Å leve med kols");
  kp_course_set_status (course, KP_COURSE_STATUS_PLANNING);
  kp_member_set_name (ida, "Ida Berg");
  kp_member_set_organisation (ida, "LHL");
  kp_member_set_name (ole, "Ole Dahl");
  kp_course_add_member (course, ida);
  kp_course_add_member (course, ole);
  kp_meeting_set_start (meeting, met);
  kp_meeting_set_minutes (meeting, 180);
  kp_meeting_set_attendees (meeting, both);
  kp_course_add_meeting (course, meeting);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) when = g_date_time_add_weeks (start, i);
      g_autoptr(KpContribution) talk = kp_contribution_new (KP_CONTRIBUTION_USER_TALK, IDA_ID,
                                                            "Å leve med det", 30);
      g_autoptr(KpContribution) sharing = kp_contribution_new (KP_CONTRIBUTION_SHARING, NULL,
                                                               "Erfaringsutveksling", 45);

      kp_session_set_title (session, "Samling");
      kp_session_set_start (session, when);
      kp_session_set_minutes (session, 150);
      kp_session_add_contribution (session, talk);
      kp_session_add_contribution (session, sharing);
      kp_course_add_session (course, session);
    }

  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  kp_store_save_course (store, course, &error);
  g_assert_no_error (error);
  kp_store_flush (store, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{

  fixture->dir = gui_fixture_make_dir ("view", &fixture->db_path);
  fill_database (fixture->db_path);

  fixture->window = gui_fixture_start_app (&fixture->app, fixture->db_path, 0);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  g_assert_true (kp_window_select_course (fixture->window, COURSE_ID));
  iterate ();

  fixture->view = gui_fixture_course_view (fixture->window);
  g_assert_true (kp_course_view_get_course (fixture->view) ==
                 kp_window_get_course (fixture->window));
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


static gpointer
child_of (gpointer    page,
          GType       page_type,
          const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), page_type, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_tooltip (GtkWidget  *root,
              const char *tooltip)
{
  return find_where (root, has_tooltip, tooltip);
}

/* The entry row titled @title under @root. */
static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkEditable *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  GtkWidget *row = find_where (root, is_entry_row_titled, title);

  return row != NULL ? GTK_EDITABLE (row) : NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  AdwMessageDialog *dialog = NULL;

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  return dialog;
}

static const char *
visible_step_name (Fixture *fixture)
{
  GtkStack *stack = child_of (fixture->view, KP_TYPE_COURSE_VIEW, "page_stack");

  return gtk_stack_get_visible_child_name (stack);
}

static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const names[KP_N_STEPS] = {
    "need", "group", "goals", "sessions", "brochure", "running", "evaluation",
  };
  GtkListBox *step_list = child_of (fixture->view, KP_TYPE_COURSE_VIEW, "step_list");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) items = kp_method_check (kp_window_get_course (fixture->window), now);
  guint step_value;

  g_assert_cmpuint (kp_course_view_get_step (fixture->view), ==, KP_STEP_NEED);
  g_assert_cmpstr (visible_step_name (fixture), ==, "need");
  g_assert_nonnull (gtk_list_box_get_row_at_index (step_list, KP_N_STEPS - 1));
  g_assert_null (gtk_list_box_get_row_at_index (step_list, KP_N_STEPS));

  /* Each step's page shows its title and, for each item of the checklist, a row with its
   * sentence. */
  for (KpStep step = 0; step < KP_N_STEPS; step++)
    {
      GtkWidget *scroller;

      kp_course_view_set_step (fixture->view, step);
      iterate ();
      g_assert_cmpstr (visible_step_name (fixture), ==, names[step]);
      g_assert_true (gtk_list_box_get_selected_row (step_list) ==
                     gtk_list_box_get_row_at_index (step_list, step));
      scroller = gtk_stack_get_visible_child (GTK_STACK (child_of (fixture->view,
                                                                   KP_TYPE_COURSE_VIEW,
                                                                   "page_stack")));
      for (guint i = 0; i < items->len; i++)
        {
          KpCheckItem *item = g_ptr_array_index (items, i);
          GtkWidget *row = find_named (scroller, item->key);

          if (item->step != step)
            continue;
          g_assert_nonnull (row);
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                           item->sentence);
          /* An unmet check says under it whether it is required or recommended. */
          g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                           item->met ? "" : kp_check_item_get_state_label (item));
        }
    }

  /* One user representative: required and met; two are recommended. The step counts as done
   * and says the recommendation in its tooltip. */
  {
    GtkWidget *group = gtk_stack_get_child_by_name (GTK_STACK (child_of (fixture->view,
                                                                        KP_TYPE_COURSE_VIEW,
                                                                        "page_stack")),
                                                    "group");
    GtkWidget *more = find_named (group, "more-user-representatives");
    GtkWidget *group_row = GTK_WIDGET (gtk_list_box_get_row_at_index (step_list,
                                                                      KP_STEP_GROUP));

    g_assert_nonnull (more);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==,
                     "The planning group has 1 user representative; 2 or more are recommended.");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (more)), ==, "Recommended");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (group_row), ==,
                     "Done; 1 recommendation open");
  }

  /* The method's phases head the step list: plan over step 1 (with the sentence that places
   * the seven steps in the cycle), run over step 6, evaluate over step 7; headers are not rows. */
  for (KpStep step = 0; step < KP_N_STEPS; step++)
    {
      GtkWidget *header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (step_list,
                                                                                      step));
      GtkWidget *label;

      if (step != KP_STEP_NEED && step != KP_STEP_RUNNING && step != KP_STEP_EVALUATION)
        {
          g_assert_null (header);
          continue;
        }
      g_assert_nonnull (header);
      label = gtk_widget_get_last_child (header);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                       kp_phase_get_title (kp_step_get_phase (step)));
      if (step == KP_STEP_NEED)
        g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (header))),
                         ==, kp_method_get_cycle_note ());
    }
  g_assert_cmpstr (kp_phase_get_title (kp_step_get_phase (KP_STEP_RUNNING)), ==, "Run");
  g_object_get (fixture->view, "step", &step_value, NULL);
  g_assert_cmpuint (step_value, ==, KP_STEP_EVALUATION);

  /* The actions walk the steps, and stop at either end. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "course.next-step", NULL);
  g_assert_cmpuint (kp_course_view_get_step (fixture->view), ==, KP_STEP_EVALUATION);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "course.previous-step", NULL));
  g_assert_cmpuint (kp_course_view_get_step (fixture->view), ==, KP_STEP_RUNNING);
  kp_course_view_set_step (fixture->view, KP_STEP_NEED);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "course.previous-step", NULL);
  g_assert_cmpuint (kp_course_view_get_step (fixture->view), ==, KP_STEP_NEED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "course.next-step",
                                             NULL));
  g_assert_cmpstr (visible_step_name (fixture), ==, "group");

  /* Enter on a step takes the keyboard into its page */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (step_list, KP_STEP_NEED);
    GtkWidget *focus;

    gtk_list_box_select_row (step_list, row);
    g_signal_emit_by_name (step_list, "row-activated", row);
    focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, kp_course_view_get_page (fixture->view,
                                                                            KP_STEP_NEED)) ||
                   gtk_widget_is_ancestor (focus, gtk_stack_get_visible_child (
                     GTK_STACK (child_of (fixture->view, KP_TYPE_COURSE_VIEW, "page_stack")))));
  }
  /* Choosing a row in the step list goes to its step. */
  gtk_list_box_select_row (step_list, gtk_list_box_get_row_at_index (step_list, KP_STEP_GOALS));
  g_assert_cmpuint (kp_course_view_get_step (fixture->view), ==, KP_STEP_GOALS);
  g_assert_cmpstr (visible_step_name (fixture), ==, "goals");
}

static void
test_need_page (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page = kp_course_view_get_page (fixture->view, KP_STEP_NEED);
  GtkWidget *goals = kp_course_view_get_page (fixture->view, KP_STEP_GOALS);
  GtkWidget *need_row;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autoptr(KpCourse) saved = NULL;

  g_assert_true (KP_IS_NEED_PAGE (page));
  kp_course_view_set_step (fixture->view, KP_STEP_NEED);
  need_row = find_named (gtk_stack_get_visible_child (GTK_STACK (child_of (fixture->view,
                                                                           KP_TYPE_COURSE_VIEW,
                                                                           "page_stack"))),
                         "need");
  g_assert_nonnull (need_row);
  g_assert_false (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (need_row)),
                                    "The need"));

  gtk_editable_set_text (child_of (page, KP_TYPE_NEED_PAGE, "title_row"), "Leve med kols");
  gtk_editable_set_text (child_of (page, KP_TYPE_NEED_PAGE, "subtitle_row"),
                         "Fire samlinger for deg med kols");
  /* Typed into the text view, as a keyboard would */
  buffer = gtk_text_view_get_buffer (child_of (child_of (page, KP_TYPE_NEED_PAGE, "need_area"),
                                               KP_TYPE_TEXT_AREA, "text_view"));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "Brukerutvalget ", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "melder behov.", -1);
  kp_text_area_set_text (child_of (page, KP_TYPE_NEED_PAGE, "target_group_area"),
                         "Voksne med kols og deres pårørende");
  gtk_switch_set_active (child_of (page, KP_TYPE_NEED_PAGE, "management_switch"), TRUE);
  gtk_editable_set_text (child_of (page, KP_TYPE_NEED_PAGE, "agreement_row"),
                         "Samarbeidsavtale med Bergen kommune");

  /* The goals page shows the same target group at once. */
  g_assert_cmpstr (kp_text_area_get_text (child_of (goals, KP_TYPE_GOALS_PAGE,
                                                    "target_group_area")), ==,
                   "Voksne med kols og deres pårørende");

  /* Within a second, in the database */
  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1000);
  g_assert_cmpstr (kp_course_get_title (saved), ==, "Leve med kols");
  g_assert_cmpstr (kp_course_get_text (saved, KP_COURSE_SUBTITLE), ==,
                   "Fire samlinger for deg med kols");
  g_assert_cmpstr (kp_course_get_text (saved, KP_COURSE_NEED), ==,
                   "Brukerutvalget melder behov.");
  g_assert_cmpstr (kp_course_get_text (saved, KP_COURSE_TARGET_GROUP), ==,
                   "Voksne med kols og deres pårørende");
  g_assert_true (kp_course_get_management (saved));
  g_assert_cmpstr (kp_course_get_text (saved, KP_COURSE_AGREEMENT), ==,
                   "Samarbeidsavtale med Bergen kommune");

  /* The checklist followed: the need step has nothing missing. */
  wait_ms (300);
  need_row = find_named (gtk_stack_get_visible_child (GTK_STACK (child_of (fixture->view,
                                                                           KP_TYPE_COURSE_VIEW,
                                                                           "page_stack"))),
                         "need");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (need_row)), ==,
                   "The need for the course is written down.");

  /* Emptying a field empties the course's text. */
  gtk_editable_set_text (child_of (page, KP_TYPE_NEED_PAGE, "agreement_row"), "");
  g_clear_object (&saved);
  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1000);
  g_assert_null (kp_course_get_text (saved, KP_COURSE_AGREEMENT));
}

static GtkWidget *
member_row (GtkWidget  *page,
            const char *member_id)
{
  GtkWidget *row = find_named (page, member_id);

  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  return row;
}

static void
test_group_page (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *page = kp_course_view_get_page (fixture->view, KP_STEP_GROUP);
  KpCourse *course = kp_window_get_course (fixture->window);
  KpMember *member;
  KpMeeting *meeting;
  GtkWidget *row;
  GtkWidget *combo = NULL;
  GtkWidget *message;
  GtkEditable *hours;
  g_autoptr(KpCourse) saved = NULL;
  KpMember *saved_member;
  g_autoptr(KpMeeting) saved_meeting = NULL;
  const char * const *attendees;

  g_assert_true (KP_IS_GROUP_PAGE (page));
  kp_course_view_set_step (fixture->view, KP_STEP_GROUP);
  iterate ();

  /* The hours per side: one three-hour meeting with one person of each side */
  g_assert_cmpstr (gtk_label_get_label (child_of (page, KP_TYPE_GROUP_PAGE,
                                                  "professional_hours_label")), ==, "3 hours");
  g_assert_cmpstr (gtk_label_get_label (child_of (page, KP_TYPE_GROUP_PAGE, "user_hours_label")),
                   ==, "3 hours");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (child_of (page, KP_TYPE_GROUP_PAGE,
                                                                   "hours_group")),
                            "experience consultants"));

  /* Add a member through the page's action and fill in the row it opens */
  g_assert_true (gtk_widget_activate_action (page, "group.add-member", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_members (course)), ==, 3);
  member = g_list_model_get_item (kp_course_get_members (course), 2);
  g_object_unref (member);
  row = member_row (page, kp_member_get_id (member));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  gtk_editable_set_text (find_entry_row (row, "Name"), "Kari Nilsen");
  gtk_editable_set_text (find_entry_row (row, "Organisation"), "Erfaringssentrum");
  gtk_editable_set_text (find_entry_row (row, "Email"), "kari@example.org");
  combo = find_widget (row, ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (combo);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), KP_ROLE_EXPERIENCE_CONSULTANT);
  g_assert_cmpint (kp_member_get_role (member), ==, KP_ROLE_EXPERIENCE_CONSULTANT);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Kari Nilsen");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Experience consultant · Erfaringssentrum");
  kp_member_set_public (member, FALSE);

  /* Add a meeting, give it 2,5 hours and Kari's attendance */
  g_assert_true (gtk_widget_activate_action (page, "group.add-meeting", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_meetings (course)), ==, 2);
  meeting = g_list_model_get_item (kp_course_get_meetings (course), 1);
  g_object_unref (meeting);
  g_assert_cmpuint (kp_meeting_get_minutes (meeting), ==, 120);
  row = find_named (page, kp_meeting_get_id (meeting));
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  hours = find_entry_row (row, "Hours");
  gtk_editable_set_text (hours, "2,5");
  g_assert_cmpuint (kp_meeting_get_minutes (meeting), ==, 150);
  {
    GPtrArray *checks = g_object_get_data (G_OBJECT (row), "kp-checks");

    g_assert_cmpuint (checks->len, ==, 3);
    gtk_check_button_set_active (g_ptr_array_index (checks, 2), TRUE);
    gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  }
  attendees = kp_meeting_get_attendees (meeting);
  g_assert_cmpuint (g_strv_length ((char **) attendees), ==, 2);
  g_assert_cmpstr (attendees[0], ==, IDA_ID);
  g_assert_cmpstr (attendees[1], ==, kp_member_get_id (member));

  /* A member added while the meeting is open: its row is made again, open, with a check more */
  {
    KpMember *extra = kp_group_page_add_member (KP_GROUP_PAGE (page));

    row = find_named (page, kp_meeting_get_id (meeting));
    g_assert_cmpuint (((GPtrArray *) g_object_get_data (G_OBJECT (row), "kp-checks"))->len, ==, 4);
    kp_course_remove_member (course, extra);
  }
  row = find_named (page, kp_meeting_get_id (meeting));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  hours = find_entry_row (row, "Hours");

  /* Live: 3 h for Ole; 3 h for Ida plus 2,5 h each for Ida and Kari */
  g_assert_cmpstr (gtk_label_get_label (child_of (page, KP_TYPE_GROUP_PAGE,
                                                  "professional_hours_label")), ==, "3 hours");
  g_assert_cmpstr (gtk_label_get_label (child_of (page, KP_TYPE_GROUP_PAGE, "user_hours_label")),
                   ==, "8 hours");

  /* Negative hours are refused with a message beside the field, and the meeting keeps 2,5 */
  message = g_object_get_data (G_OBJECT (row), "kp-hours-message");
  gtk_editable_set_text (hours, "-1");
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message)), ==,
                   "Hours cannot be negative.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (hours), "error"));
  g_assert_cmpuint (kp_meeting_get_minutes (meeting), ==, 150);
  gtk_editable_set_text (hours, "tre");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message)), ==,
                   "Write the hours as a number, such as 2,5.");
  gtk_editable_set_text (hours, "25");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message)), ==,
                   "A meeting lasts at most 24 hours.");
  g_assert_cmpuint (kp_meeting_get_minutes (meeting), ==, 150);
  gtk_editable_set_text (hours, "2.5");
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (hours), "error"));

  /* The importers' rules (#12): on the last evening of 9999, three hours would end after it. */
  {
    g_autoptr(GDateTime) start = g_date_time_ref (kp_meeting_get_start (meeting));
    g_autoptr(GDateTime) late = g_date_time_new (g_date_time_get_timezone (start),
                                                 9999, 12, 31, 22, 0, 0);

    kp_meeting_set_start (meeting, late);
    gtk_editable_set_text (hours, "3");
    g_assert_true (gtk_widget_get_visible (message));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message)), ==,
                     "ends after the year 9999");
    g_assert_cmpuint (kp_meeting_get_minutes (meeting), ==, 150);
    kp_meeting_set_start (meeting, start);
    gtk_editable_set_text (hours, "2.5");
    g_assert_false (gtk_widget_get_visible (message));
  }

  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_members (saved)), ==, 3);
  saved_member = kp_course_find_member (saved, kp_member_get_id (member));
  g_assert_nonnull (saved_member);
  g_assert_cmpstr (kp_member_get_name (saved_member), ==, "Kari Nilsen");
  g_assert_cmpint (kp_member_get_role (saved_member), ==, KP_ROLE_EXPERIENCE_CONSULTANT);
  g_assert_cmpstr (kp_member_get_organisation (saved_member), ==, "Erfaringssentrum");
  g_assert_cmpstr (kp_member_get_email (saved_member), ==, "kari@example.org");
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_meetings (saved)), ==, 2);
  saved_meeting = g_list_model_get_item (kp_course_get_meetings (saved), 1);
  g_assert_cmpuint (kp_meeting_get_minutes (saved_meeting), ==, 150);
  g_assert_true (kp_meeting_has_attendee (saved_meeting, IDA_ID));
  g_assert_true (kp_meeting_has_attendee (saved_meeting, kp_member_get_id (member)));
  g_assert_false (kp_meeting_has_attendee (saved_meeting, OLE_ID));
}

static guint
count_contributions (KpCourse   *course,
                     const char *member_id)
{
  return kp_course_count_member_contributions (course, member_id);
}

static void
test_remove_member_asks (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = kp_course_view_get_page (fixture->view, KP_STEP_GROUP);
  KpCourse *course = kp_window_get_course (fixture->window);
  AdwMessageDialog *dialog;
  GtkWidget *button;
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(KpMeeting) meeting = NULL;
  g_autoptr(KpSession) session = NULL;

  kp_course_view_set_step (fixture->view, KP_STEP_GROUP);
  iterate ();
  g_assert_cmpuint (count_contributions (course, IDA_ID), ==, 3);

  /* Cancelled, nothing changes */
  button = find_button (member_row (page, IDA_ID), "_Remove Member…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove Ida Berg?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Ida Berg gives 3 contributions to the sessions; they will be removed with "
                   "them.");
  /* As the dialog's buttons do: answer, then close */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
  g_assert_nonnull (kp_course_find_member (course, IDA_ID));
  g_assert_cmpuint (count_contributions (course, IDA_ID), ==, 3);

  /* Confirmed, Ida goes, with her contributions and her place in the meeting */
  button = find_button (member_row (page, IDA_ID), "_Remove Member…");
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
  g_assert_null (kp_course_find_member (course, IDA_ID));
  g_assert_null (find_named (page, IDA_ID));
  g_assert_cmpuint (count_contributions (course, IDA_ID), ==, 0);
  g_assert_cmpstr (gtk_label_get_label (child_of (page, KP_TYPE_GROUP_PAGE, "user_hours_label")),
                   ==, "0 hours");

  /* Ole gives nothing: he goes without a question */
  button = find_button (member_row (page, OLE_ID), "_Remove Member…");
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_null (find_message_dialog ());
  g_assert_null (kp_course_find_member (course, OLE_ID));

  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_members (saved)), ==, 0);
  g_assert_cmpuint (count_contributions (saved, IDA_ID), ==, 0);
  session = g_list_model_get_item (kp_course_get_sessions (saved), 0);
  /* The sharing stays: it was nobody's */
  g_assert_cmpuint (g_list_model_get_n_items (kp_session_get_contributions (session)), ==, 1);
  meeting = g_list_model_get_item (kp_course_get_meetings (saved), 0);
  g_assert_null (kp_meeting_get_attendees (meeting));
}

static void
test_goals_page (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *page = kp_course_view_get_page (fixture->view, KP_STEP_GOALS);
  KpCourse *course = kp_window_get_course (fixture->window);
  GtkWidget *first, *second, *third;
  GtkWidget *message;
  g_autoptr(KpCourse) saved = NULL;
  const char * const *goals;

  g_assert_true (KP_IS_GOALS_PAGE (page));
  kp_course_view_set_step (fixture->view, KP_STEP_GOALS);
  iterate ();

  g_assert_true (gtk_widget_activate_action (page, "goals.add-goal", NULL));
  first = gtk_widget_get_first_child (child_of (page, KP_TYPE_GOALS_PAGE, "goal_list"));
  g_assert_true (ADW_IS_ENTRY_ROW (first));
  /* An empty goal is not saved */
  g_assert_null (kp_course_get_goals (course));
  gtk_editable_set_text (GTK_EDITABLE (first), "Kjenne igjen en forverring");
  second = kp_goals_page_add_goal (KP_GOALS_PAGE (page));
  gtk_editable_set_text (GTK_EDITABLE (second), "Puste bedre i hverdagen");
  third = kp_goals_page_add_goal (KP_GOALS_PAGE (page));
  gtk_editable_set_text (GTK_EDITABLE (third), "Møte andre i samme situasjon");
  goals = kp_course_get_goals (course);
  g_assert_cmpuint (g_strv_length ((char **) goals), ==, 3);

  /* Enter on the last goal starts another, empty and not saved until it has text */
  g_signal_emit_by_name (third, "entry-activated");
  g_assert_true (ADW_IS_ENTRY_ROW (gtk_widget_get_next_sibling (third)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_widget_get_next_sibling (third))), ==,
                   "");
  g_assert_cmpuint (g_strv_length ((char **) kp_course_get_goals (course)), ==, 3);
  g_signal_emit_by_name (find_tooltip (gtk_widget_get_next_sibling (third), "Remove Goal"),
                         "clicked");
  g_assert_false (ADW_IS_ENTRY_ROW (gtk_widget_get_next_sibling (third)));

  /* Remove the first through its button */
  g_signal_emit_by_name (find_tooltip (first, "Remove Goal"), "clicked");
  iterate ();
  goals = kp_course_get_goals (course);
  g_assert_cmpuint (g_strv_length ((char **) goals), ==, 2);
  g_assert_cmpstr (goals[0], ==, "Puste bedre i hverdagen");
  g_assert_cmpstr (goals[1], ==, "Møte andre i samme situasjon");

  kp_text_area_set_text (child_of (page, KP_TYPE_GOALS_PAGE, "frame_area"),
                         "Fire samlinger à tre timer");
  kp_text_area_set_text (child_of (page, KP_TYPE_GOALS_PAGE, "content_area"),
                         "Sykdomslære, pust, aktivitet");
  kp_text_area_set_text (child_of (page, KP_TYPE_GOALS_PAGE, "methods_area"),
                         "Faginnlegg, brukerinnlegg, samtale");
  kp_text_area_set_text (child_of (page, KP_TYPE_GOALS_PAGE, "evaluation_plan_area"),
                         "Skjema midtveis og til slutt");
  kp_text_area_set_text (child_of (page, KP_TYPE_GOALS_PAGE, "target_group_area"),
                         "Voksne med kols");
  g_assert_cmpstr (kp_text_area_get_text (child_of (kp_course_view_get_page (fixture->view,
                                                                            KP_STEP_NEED),
                                                    KP_TYPE_NEED_PAGE, "target_group_area")),
                   ==, "Voksne med kols");

  /* The capacity: more at least than at most is refused with a message */
  message = child_of (page, KP_TYPE_GOALS_PAGE, "capacity_message_row");
  g_assert_true (kp_goals_page_set_capacity (KP_GOALS_PAGE (page), 8, 12));
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_false (kp_goals_page_set_capacity (KP_GOALS_PAGE (page), 14, 12));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message)), ==,
                   "The fewest participants cannot be more than the most. The course keeps its "
                   "earlier numbers.");
  g_assert_cmpint (kp_course_get_capacity_min (course), ==, 8);
  g_assert_cmpint (kp_course_get_capacity_max (course), ==, 12);
  /* Through the spin button, as typed */
  gtk_spin_button_set_value (child_of (page, KP_TYPE_GOALS_PAGE, "capacity_max_spin"), 6);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpint (kp_course_get_capacity_max (course), ==, 12);
  /* Once the two agree, the course takes both fields as they stand: 14 to 16 */
  gtk_spin_button_set_value (child_of (page, KP_TYPE_GOALS_PAGE, "capacity_max_spin"), 16);
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_cmpint (kp_course_get_capacity_min (course), ==, 14);
  g_assert_cmpint (kp_course_get_capacity_max (course), ==, 16);

  saved = gui_fixture_load_course_after (fixture->db_path, COURSE_ID, 1000);
  goals = kp_course_get_goals (saved);
  g_assert_cmpuint (g_strv_length ((char **) goals), ==, 2);
  g_assert_cmpstr (goals[0], ==, "Puste bedre i hverdagen");
  g_assert_cmpstr (kp_course_get_text (saved, KP_COURSE_FRAME), ==, "Fire samlinger à tre timer");
  g_assert_cmpstr (kp_course_get_text (saved, KP_COURSE_CONTENT), ==,
                   "Sykdomslære, pust, aktivitet");
  g_assert_cmpstr (kp_course_get_text (saved, KP_COURSE_METHODS), ==,
                   "Faginnlegg, brukerinnlegg, samtale");
  g_assert_cmpstr (kp_course_get_text (saved, KP_COURSE_EVALUATION_PLAN), ==,
                   "Skjema midtveis og til slutt");
  g_assert_cmpstr (kp_course_get_text (saved, KP_COURSE_TARGET_GROUP), ==, "Voksne med kols");
  g_assert_cmpint (kp_course_get_capacity_min (saved), ==, 14);
  g_assert_cmpint (kp_course_get_capacity_max (saved), ==, 16);

  /* Goals changed elsewhere (an import, an undo) show on the page */
  {
    const char *fresh[] = { "Ett mål", NULL };

    kp_course_set_goals (course, fresh);
    first = gtk_widget_get_first_child (child_of (page, KP_TYPE_GOALS_PAGE, "goal_list"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first)), ==, "Ett mål");
    g_assert_false (ADW_IS_ENTRY_ROW (gtk_widget_get_next_sibling (first)));
  }
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  AdwFlap *flap = child_of (fixture->view, KP_TYPE_COURSE_VIEW, "flap");
  GtkWidget *bar = child_of (fixture->view, KP_TYPE_COURSE_VIEW, "step_bar");
  GtkLabel *label = child_of (fixture->view, KP_TYPE_COURSE_VIEW, "steps_button_label");

  wait_ms (200);
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_false (gtk_widget_get_visible (bar));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  wait_ms (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_cmpstr (gtk_label_get_label (label), ==, "Step 1 of 7: Need and Anchoring");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "course.next-step",
                                             NULL));
  g_assert_cmpstr (gtk_label_get_label (label), ==, "Step 2 of 7: Planning Group");

  /* The step list opens over the page, and choosing a step puts it away */
  adw_flap_set_reveal_flap (flap, TRUE);
  wait_ms (100);
  {
    GtkListBox *list = child_of (fixture->view, KP_TYPE_COURSE_VIEW, "step_list");
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, KP_STEP_SESSIONS);

    gtk_list_box_select_row (list, row);
    g_signal_emit_by_name (list, "row-activated", row);
  }
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_cmpuint (kp_course_view_get_step (fixture->view), ==, KP_STEP_SESSIONS);

  /* …and the keyboard goes on in the step's page once the list is out of the way */
  wait_ms (500);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    GtkStack *stack = child_of (fixture->view, KP_TYPE_COURSE_VIEW, "page_stack");

    g_assert_nonnull (focus);
    g_assert_true (focus == gtk_stack_get_visible_child (stack) ||
                   gtk_widget_is_ancestor (focus, gtk_stack_get_visible_child (stack)));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/course-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("steps", test_steps);
  ADD ("need-page", test_need_page);
  ADD ("group-page", test_group_page);
  ADD ("remove-member-asks", test_remove_member_asks);
  ADD ("goals-page", test_goals_page);
  ADD ("narrow", test_narrow);
#undef ADD

  return g_test_run ();
}
