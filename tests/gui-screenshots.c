/* gui-screenshots.c — writes PNGs of the main views into the build tree, to be looked at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-shots.h"
#include "kp-application.h"
#include "kp-course-view.h"
#include "kp-plan-reader.h"
#include "kp-sessions-page.h"
#include "kp-store.h"
#include "kp-time.h"
#include "kp-window.h"

static KpCourse *
make_course (const char     *title,
             const char     *first_start,
             guint           n_sessions,
             KpCourseStatus  status)
{
  return gui_fixture_make_course (NULL, title, status, first_start, n_sessions, title);
}

/* A database with a few courses, or with none at all (but not new, so no demo courses). */
static char *
make_database (const char *name,
               gboolean    with_courses)
{
  g_autofree char *path = g_build_filename (gui_shots_get_dir (), name, NULL);
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_remove (path);
  store = gui_fixture_reopen (path);
  g_ptr_array_add (courses, make_course ("Å leve med kols", "2027-03-04T12:00", 4,
                                         KP_COURSE_STATUS_PLANNING));
  g_ptr_array_add (courses, make_course ("Mestring av diabetes type 2", "2027-04-08T17:00", 3,
                                         KP_COURSE_STATUS_READY));
  g_ptr_array_add (courses, make_course ("Pårørendekurs psykisk helse", "2027-09-02T18:00", 6,
                                         KP_COURSE_STATUS_IDEA));
  g_ptr_array_add (courses, make_course ("Hjertekurs", "2027-10-07T18:00", 1,
                                         KP_COURSE_STATUS_RUNNING));
  kp_store_save_courses (store, courses, &error);
  g_assert_no_error (error);
  if (!with_courses)
    for (guint i = 0; i < courses->len; i++)
      {
        kp_store_delete_course (store, kp_course_get_id (courses->pdata[i]), &error);
        g_assert_no_error (error);
      }
  kp_store_flush (store, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
set_search (KpWindow   *window,
            const char *text)
{
  kp_window_set_search_text (window, text);
  wait_ms (300);
}

static void
test_main_views (void)
{
  g_autofree char *db = make_database ("shots.db", TRUE);
  KpApplication *app;
  KpWindow *window = open_window (&app, db, 1200, 760);

  save_shot (GTK_WINDOW (window), "main");

  set_search (window, "kurs");
  save_shot (GTK_WINDOW (window), "search");
  set_search (window, "ingen slike kurs");
  save_shot (GTK_WINDOW (window), "search-no-results");
  set_search (window, "");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save_shot (GTK_WINDOW (window), "main-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  wait_ms (300);
  {
    GtkWindow *help = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

    g_assert_nonnull (help);
    save_shot (help, "shortcuts");
    gtk_window_close (help);
  }

  close_window (app, window);
}

static void
test_narrow_views (void)
{
  g_autofree char *db = make_database ("shots-narrow.db", TRUE);
  KpApplication *app;
  KpWindow *window = open_window (&app, db, 360, 720);
  g_autoptr(KpCourseSummary) first = NULL;

  save_shot (GTK_WINDOW (window), "narrow-list");
  first = g_list_model_get_item (kp_window_get_visible_courses (window), 0);
  g_assert_true (kp_window_select_course (window, kp_course_summary_get_id (first)));
  {
    AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      KP_TYPE_WINDOW, "leaflet"));

    adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  }
  save_shot (GTK_WINDOW (window), "narrow-course");
  close_window (app, window);
}

static void
test_empty_views (void)
{
  g_autofree char *db = make_database ("shots-empty.db", FALSE);
  KpApplication *app;
  KpWindow *window = open_window (&app, db, 1000, 640);

  save_shot (GTK_WINDOW (window), "empty");
  close_window (app, window);
}

/* A carers' course on Thursdays from 22 April 2027: the third falls on Ascension Day, the fourth
 * is cancelled, the first two have their contributions, attendance and notes. */
static char *
make_timetable_database (void)
{
  g_autofree char *path = g_build_filename (gui_shots_get_dir (), "shots-sessions.db", NULL);
  g_autoptr(KpStore) store = NULL;
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  g_autoptr(KpMember) leader = kp_member_new (NULL, KP_ROLE_COURSE_LEADER);
  g_autoptr(KpMember) user = kp_member_new (NULL, KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const themes[] = {
    "Å være pårørende", "Kommunikasjon i hverdagen", "Egne grenser", "Rettigheter og hjelp",
    "Veien videre",
  };

  g_remove (path);
  kp_course_set_title (course, "Pårørendeskolen");
  kp_course_set_status (course, KP_COURSE_STATUS_RUNNING);
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, "Helsehuset");
  kp_course_set_capacity (course, 8, 16);
  kp_member_set_name (leader, "Ingrid Fjell");
  kp_member_set_name (user, "Per Elvestad");
  kp_course_add_member (course, leader);
  kp_course_add_member (course, user);
  first = kp_time_parse_local ("2027-04-22T18:00", kp_course_get_time_zone (course), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) when = g_date_time_add_weeks (first, i);

      kp_session_set_title (session, themes[i]);
      kp_session_set_start (session, when);
      kp_session_set_minutes (session, 150);
      if (i == 3)
        kp_session_set_status (session, KP_SESSION_STATUS_CANCELLED);
      if (i < 2)
        {
          g_autoptr(KpContribution) talk = kp_contribution_new (KP_CONTRIBUTION_USER_TALK,
                                                                kp_member_get_id (user),
                                                                "Min erfaring", 30);
          g_autoptr(KpContribution) sharing = kp_contribution_new (KP_CONTRIBUTION_SHARING,
                                                                   NULL, NULL, 50);

          kp_session_add_contribution (session, talk);
          kp_session_add_contribution (session, sharing);
          kp_session_set_attended (session, 12 - i);
          kp_session_set_notes (session, i == 0 ? "God start; mange spørsmål om rettigheter."
                                                : "For lite tid til gruppesamtalen.");
        }
      kp_course_add_session (course, session);
    }

  store = gui_fixture_reopen (path);
  kp_store_save_course (store, course, &error);
  g_assert_no_error (error);
  kp_store_flush (store, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_timetable_views (void)
{
  g_autofree char *db = make_timetable_database ();
  KpApplication *app;
  KpWindow *window = open_window (&app, db, 1200, 900);
  g_autoptr(KpCourseSummary) course = NULL;
  KpCourseView *view;
  GtkListBox *list;
  GtkWidget *row;

  course = g_list_model_get_item (kp_window_get_visible_courses (window), 0);
  g_assert_true (kp_window_select_course (window, kp_course_summary_get_id (course)));
  view = KP_COURSE_VIEW (find_widget (GTK_WIDGET (window), KP_TYPE_COURSE_VIEW));
  g_assert_nonnull (view);

  kp_course_view_set_step (view, KP_STEP_SESSIONS);
  wait_ms (200);
  save_shot (GTK_WINDOW (window), "sessions");
  /* The third session, on Ascension Day, with its warning. */
  list = GTK_LIST_BOX (gtk_widget_get_template_child (kp_course_view_get_page (view, KP_STEP_SESSIONS),
                                                      KP_TYPE_SESSIONS_PAGE, "list"));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2));
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  save_shot (GTK_WINDOW (window), "sessions-expanded");

  kp_course_view_set_step (view, KP_STEP_RUNNING);
  save_shot (GTK_WINDOW (window), "running");
  close_window (app, window);
}

/* A window on a database of its own holding one demo course, with that course open. */
static KpWindow *
open_demo_course (KpApplication **app,
                  const char     *db_name,
                  const char     *plan_name)
{
  g_autofree char *db = g_build_filename (gui_shots_get_dir (), db_name, NULL);
  g_autofree char *plan = g_build_filename (g_getenv ("KURSPLAN_SOURCE_ROOT"), "data", "demo",
                                            plan_name, NULL);
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  KpWindow *window;

  g_remove (db);
  course = kp_plan_read_file (plan, NULL, &error);
  g_assert_no_error (error);
  store = gui_fixture_reopen (db);
  kp_store_save_course (store, course, &error);
  g_assert_no_error (error);
  kp_store_flush (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  window = open_window (app, db, 1200, 900);
  g_assert_true (kp_window_select_course (window, kp_course_get_id (course)));
  return window;
}

/* The first three steps of the demo carers' course: need, planning group (a member and a meeting
 * open) and goals; then the group step in a narrow window with the step list shown. */
static void
test_step_views (void)
{
  KpApplication *app;
  KpWindow *window = open_demo_course (&app, "shots-steps.db",
                                       "nb-parorendeskole-demens.kursplan.json");
  KpCourseView *view = KP_COURSE_VIEW (find_widget (GTK_WIDGET (window), KP_TYPE_COURSE_VIEW));
  GtkWidget *page;
  GtkListBoxRow *row;

  kp_course_view_set_step (view, KP_STEP_NEED);
  save_shot (GTK_WINDOW (window), "step-need");

  kp_course_view_set_step (view, KP_STEP_GROUP);
  page = kp_course_view_get_page (view, KP_STEP_GROUP);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_template_child (page,
                                         G_OBJECT_TYPE (page), "member_list")), 1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_template_child (page,
                                         G_OBJECT_TYPE (page), "meeting_list")), 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  save_shot (GTK_WINDOW (window), "step-group");
  /* Further down: the meeting, with hours refused inline, and the hours per side */
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "kp-hours-row"), "-3");
  {
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (page,
                                                                  GTK_TYPE_SCROLLED_WINDOW)));

    wait_ms (100);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  save_shot (GTK_WINDOW (window), "step-group-meetings");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "kp-hours-row"), "3");

  kp_course_view_set_step (view, KP_STEP_GOALS);
  save_shot (GTK_WINDOW (window), "step-goals");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  kp_course_view_set_step (view, KP_STEP_GROUP);
  {
    AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      KP_TYPE_WINDOW, "leaflet"));

    wait_ms (200);
    adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  }
  save_shot (GTK_WINDOW (window), "narrow-step-group");
  adw_flap_set_reveal_flap (ADW_FLAP (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                     KP_TYPE_COURSE_VIEW, "flap")),
                            TRUE);
  save_shot (GTK_WINDOW (window), "narrow-steps");
  close_window (app, window);
}

/* The North Sami demo course's planning group: its user representatives missed one planning
 * meeting, a recommendation unmet beside requirements met; the step list under the method's
 * phases. Then with the user representatives' rows blank: requirements unmet; then the first
 * again in North Sami. */
static void
test_checklist_views (void)
{
  KpApplication *app;
  KpWindow *window = open_demo_course (&app, "shots-checklist.db",
                                       "se-eallit-vaibmodavddain.kursplan.json");
  KpCourseView *view = KP_COURSE_VIEW (find_widget (GTK_WIDGET (window), KP_TYPE_COURSE_VIEW));

  kp_course_view_set_step (view, KP_STEP_GROUP);
  save_shot (GTK_WINDOW (window), "step-group-recommendation");

  /* The user representatives' names emptied: blank rows satisfy nothing, and requirements are
   * unmet. */
  {
    KpCourse *shown = kp_window_get_course (window);
    GListModel *members = kp_course_get_members (shown);

    for (guint i = 0; i < g_list_model_get_n_items (members); i++)
      {
        g_autoptr(KpMember) member = g_list_model_get_item (members, i);

        if (kp_member_get_role (member) == KP_ROLE_USER_REPRESENTATIVE)
          kp_member_set_name (member, "");
      }
    kp_course_view_refresh_checks (view);
  }
  save_shot (GTK_WINDOW (window), "step-group-requirement");
  close_window (app, window);

  /* The same in North Sami, the course's own language: the phases' words in the step list. */
  gui_fixture_use_catalogues ();
  gui_fixture_use_language ("se");
  window = open_demo_course (&app, "shots-checklist-se.db",
                             "se-eallit-vaibmodavddain.kursplan.json");
  view = KP_COURSE_VIEW (find_widget (GTK_WIDGET (window), KP_TYPE_COURSE_VIEW));
  kp_course_view_set_step (view, KP_STEP_GROUP);
  save_shot (GTK_WINDOW (window), "step-group-recommendation-se");
  close_window (app, window);
  gui_fixture_use_language ("");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/screenshots/main", test_main_views);
  g_test_add_func ("/screenshots/narrow", test_narrow_views);
  g_test_add_func ("/screenshots/empty", test_empty_views);
  g_test_add_func ("/screenshots/timetable", test_timetable_views);
  g_test_add_func ("/screenshots/steps", test_step_views);
  g_test_add_func ("/screenshots/checklist", test_checklist_views);

  return g_test_run ();
}
