/* test-gui.c — the window on a test database, driven through its actions, checked in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "gui-fixture.h"
#include "kp-course-row.h"
#include "kp-time.h"

#define KOLS_ID "3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10"
#define DIABETES_ID "5c3e1a2b-7d4f-4e6a-9b8c-1d2e3f4a5b6c"
#define CARERS_ID "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"

typedef struct
{
  char          *dir;
  char          *db_path;
  KpApplication *app;
  KpWindow      *window;
} Fixture;

static KpCourse *
make_course (const char *id,
             const char *title,
             const char *first_start,
             guint       n_sessions)
{
  return gui_fixture_make_course (id, title, KP_COURSE_STATUS_PLANNING, first_start, n_sessions,
                                  NULL);
}

/* A database with three courses, so the app does not load the demo courses into it. */
static void
fill_database (const char *path)
{
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  g_ptr_array_add (courses, make_course (KOLS_ID, "Å leve med kols", "2027-03-04T12:00", 4));
  g_ptr_array_add (courses, make_course (DIABETES_ID, "Mestring av diabetes type 2",
                                         "2027-04-08T17:00", 3));
  g_ptr_array_add (courses, make_course (CARERS_ID, "Pårørendekurs psykisk helse",
                                         "2027-09-02T18:00", 6));
  kp_store_save_courses (store, courses, &error);
  g_assert_no_error (error);
  kp_store_flush (store, &error);
  g_assert_no_error (error);
}

static void
start_app (Fixture *fixture)
{
  fixture->window = gui_fixture_start_app (&fixture->app, fixture->db_path,
                                           G_APPLICATION_HANDLES_OPEN);
  iterate ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = gui_fixture_make_dir ("gui", &fixture->db_path);
  if (data == NULL)
    fill_database (fixture->db_path);
  start_app (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_fixture_stop_app (&fixture->app, &fixture->window);
  gui_fixture_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* What the database holds, read through a connection of its own. */
static GPtrArray *
database_courses (Fixture *fixture)
{
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *courses;

  gui_fixture_flush (fixture->window);
  store = gui_fixture_reopen (fixture->db_path);
  courses = kp_store_list_courses (store, &error);
  g_assert_no_error (error);
  return courses;
}

static KpCourse *
database_course (Fixture    *fixture,
                 const char *id)
{
  return gui_fixture_load_course (fixture->db_path, id);
}

static KpCourseSummary *
find_title (GPtrArray  *summaries,
            const char *title)
{
  for (guint i = 0; i < summaries->len; i++)
    if (g_strcmp0 (kp_course_summary_get_title (summaries->pdata[i]), title) == 0)
      return summaries->pdata[i];
  return NULL;
}

static guint
n_visible (Fixture *fixture)
{
  return g_list_model_get_n_items (kp_window_get_visible_courses (fixture->window));
}

static const char *
sidebar_page (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                              KP_TYPE_WINDOW, "sidebar_stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  iterate ();
}

static void
test_window_lists_the_courses (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(KpCourseSummary) first = NULL;

  g_assert_cmpuint (n_visible (fixture), ==, 3);
  g_assert_cmpstr (sidebar_page (fixture), ==, "list");
  first = g_list_model_get_item (kp_window_get_visible_courses (fixture->window), 0);
  g_assert_cmpstr (kp_course_summary_get_title (first), ==, "Å leve med kols");
  g_assert_cmpuint (kp_course_summary_get_n_sessions (first), ==, 4);

  /* Side by side, the window opens the first course rather than an empty pane. */
  g_assert_nonnull (kp_window_get_course (fixture->window));
  g_assert_cmpstr (kp_course_get_id (kp_window_get_course (fixture->window)), ==, KOLS_ID);
}

static void
test_new_course (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) courses = NULL;
  KpCourse *course;
  KpCourseSummary *summary;

  activate (fixture, "win.new-course");

  course = kp_window_get_course (fixture->window);
  g_assert_nonnull (course);
  g_assert_cmpstr (kp_course_get_title (course), ==, "New course");
  g_assert_cmpuint (n_visible (fixture), ==, 4);

  courses = database_courses (fixture);
  g_assert_cmpuint (courses->len, ==, 4);
  summary = find_title (courses, "New course");
  g_assert_nonnull (summary);
  g_assert_cmpstr (kp_course_summary_get_id (summary), ==, kp_course_get_id (course));
  g_assert_cmpuint (kp_course_summary_get_n_sessions (summary), ==, 0);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autoptr(KpCourse) restored = NULL;

  g_assert_true (kp_window_select_course (fixture->window, DIABETES_ID));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  iterate ();

  g_assert_null (kp_window_get_course (fixture->window));
  g_assert_cmpuint (n_visible (fixture), ==, 2);
  after_delete = database_courses (fixture);
  g_assert_cmpuint (after_delete->len, ==, 2);
  g_assert_null (find_title (after_delete, "Mestring av diabetes type 2"));

  /* A quick Ctrl+Z, while the toast is still appearing: libadwaita 1.2 frees a toast dismissed
   * during its show animation and then crashes in adw_animation_skip, so the window lets the
   * toast finish appearing before it goes. Wait for that to happen too. */
  activate (fixture, "win.undo-delete");
  wait_ms (600);

  g_assert_cmpuint (n_visible (fixture), ==, 3);
  g_assert_cmpstr (kp_course_get_id (kp_window_get_course (fixture->window)), ==, DIABETES_ID);
  after_undo = database_courses (fixture);
  g_assert_cmpuint (after_undo->len, ==, 3);
  restored = database_course (fixture, DIABETES_ID);
  g_assert_nonnull (restored);
  g_assert_cmpstr (kp_course_get_title (restored), ==, "Mestring av diabetes type 2");
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (restored)), ==, 3);

  /* Nothing is left to undo. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-delete", NULL);
  iterate ();
  g_assert_cmpuint (n_visible (fixture), ==, 3);
  g_clear_pointer (&after_undo, g_ptr_array_unref);
  after_undo = database_courses (fixture);
  g_assert_cmpuint (after_undo->len, ==, 3);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(KpCourse) copy = NULL;
  g_autoptr(KpSession) original_session = NULL;
  g_autoptr(KpSession) copied_session = NULL;
  g_autoptr(KpCourse) original = NULL;
  KpCourseSummary *summary;

  g_assert_true (kp_window_select_course (fixture->window, CARERS_ID));
  activate (fixture, "win.duplicate");

  g_assert_cmpstr (kp_course_get_title (kp_window_get_course (fixture->window)), ==,
                   "Pårørendekurs psykisk helse (copy)");
  courses = database_courses (fixture);
  g_assert_cmpuint (courses->len, ==, 4);
  summary = find_title (courses, "Pårørendekurs psykisk helse (copy)");
  g_assert_nonnull (summary);
  g_assert_cmpstr (kp_course_summary_get_id (summary), !=, CARERS_ID);
  g_assert_cmpuint (kp_course_summary_get_n_sessions (summary), ==, 6);

  copy = database_course (fixture, kp_course_summary_get_id (summary));
  original = database_course (fixture, CARERS_ID);
  copied_session = g_list_model_get_item (kp_course_get_sessions (copy), 0);
  original_session = g_list_model_get_item (kp_course_get_sessions (original), 0);
  g_assert_cmpstr (kp_session_get_id (copied_session), !=, kp_session_get_id (original_session));
  g_assert_true (g_date_time_equal (kp_session_get_start (copied_session),
                                    kp_session_get_start (original_session)));
}

static void
test_archive (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KpCourse) archived = NULL;

  g_assert_true (kp_window_select_course (fixture->window, KOLS_ID));
  activate (fixture, "win.archive");

  archived = database_course (fixture, KOLS_ID);
  g_assert_cmpint (kp_course_get_status (archived), ==, KP_COURSE_STATUS_ARCHIVED);
  /* Hidden from the list until "Show archived courses" is on, but still in the database. */
  g_assert_cmpuint (n_visible (fixture), ==, 2);
  g_assert_null (kp_window_get_course (fixture->window));

  activate (fixture, "win.show-archived");
  g_assert_cmpuint (n_visible (fixture), ==, 3);

  g_assert_true (kp_window_select_course (fixture->window, KOLS_ID));
  activate (fixture, "win.unarchive");
  g_clear_object (&archived);
  archived = database_course (fixture, KOLS_ID);
  g_assert_cmpint (kp_course_get_status (archived), ==, KP_COURSE_STATUS_PLANNING);
}

static gboolean
shows_one_course (gpointer data)
{
  Fixture *fixture = data;

  return n_visible (fixture) == 1;
}

static gboolean
shows_no_course (gpointer data)
{
  Fixture *fixture = data;

  return n_visible (fixture) == 0;
}

static gboolean
shows_all_courses (gpointer data)
{
  Fixture *fixture = data;

  return n_visible (fixture) == 3;
}

/* The row the sidebar's selection is on, or GTK_INVALID_LIST_POSITION. */
static guint
selected_position (Fixture *fixture)
{
  GtkListView *list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (fixture->window),
                                                  GTK_TYPE_LIST_VIEW));

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)));
}

static void
test_search_filters_the_list (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                    KP_TYPE_WINDOW,
                                                                    "search_entry"));
  g_autoptr(KpCourseSummary) match = NULL;
  GtkWidget *first_row;

  /* Diabetes open and selected, second in the list. */
  g_assert_true (kp_window_select_course (fixture->window, DIABETES_ID));
  g_assert_cmpuint (selected_position (fixture), ==, 1);
  first_row = find_widget (GTK_WIDGET (fixture->window), KP_TYPE_COURSE_ROW);
  g_assert_cmpstr (kp_course_summary_get_id (kp_course_row_get_summary (KP_COURSE_ROW (first_row))),
                   ==, KOLS_ID);

  activate (fixture, "win.search");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (entry)));

  /* Typed into the entry: the list follows after the entry's typing delay. */
  gtk_editable_set_text (entry, "KOLS");
  g_assert_true (wait_until (shows_one_course, fixture, 2000));
  match = g_list_model_get_item (kp_window_get_visible_courses (fixture->window), 0);
  g_assert_cmpstr (kp_course_summary_get_id (match), ==, KOLS_ID);

  /* The open course is hidden, so no row is selected; the course stays open. */
  g_assert_cmpuint (selected_position (fixture), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (kp_course_get_id (kp_window_get_course (fixture->window)), ==, DIABETES_ID);

  gtk_editable_set_text (entry, "diabetes");
  g_assert_true (wait_until (shows_one_course, fixture, 2000));
  /* The same row, now showing the course found, selected: rows stay as the search changes. */
  g_assert_true (find_widget (GTK_WIDGET (fixture->window), KP_TYPE_COURSE_ROW) == first_row);
  g_assert_cmpstr (kp_course_summary_get_id (kp_course_row_get_summary (KP_COURSE_ROW (first_row))),
                   ==, DIABETES_ID);
  g_assert_cmpuint (selected_position (fixture), ==, 0);

  gtk_editable_set_text (entry, "ingen slike kurs");
  g_assert_true (wait_until (shows_no_course, fixture, 2000));
  g_assert_cmpstr (sidebar_page (fixture), ==, "no-results");

  gtk_editable_set_text (entry, "");
  g_assert_true (wait_until (shows_all_courses, fixture, 2000));
  g_assert_cmpstr (sidebar_page (fixture), ==, "list");
  /* An empty list had no rows left: new ones, in order, with the open course selected. */
  first_row = find_widget (GTK_WIDGET (fixture->window), KP_TYPE_COURSE_ROW);
  g_assert_cmpstr (kp_course_summary_get_id (kp_course_row_get_summary (KP_COURSE_ROW (first_row))),
                   ==, KOLS_ID);
  g_assert_cmpuint (selected_position (fixture), ==, 1);
}

static gboolean
title_saved (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(KpCourse) course = database_course (fixture, KOLS_ID);

  return g_strcmp0 (kp_course_get_title (course), "Å leve med kols, vår 2027") == 0;
}

static void
test_edits_are_saved_without_asking (Fixture       *fixture,
                                     gconstpointer  data)
{
  KpCourse *course;

  g_assert_true (kp_window_select_course (fixture->window, KOLS_ID));
  course = kp_window_get_course (fixture->window);
  kp_course_set_title (course, "Å leve med kols, vår 2027");

  /* Write-through: in the database within a second or two, with no save step. */
  g_assert_true (wait_until (title_saved, fixture, 3000));

  /* The list shows the new title too. */
  wait_ms (400);
  {
    g_autoptr(KpCourseSummary) row = NULL;

    row = g_list_model_get_item (kp_window_get_visible_courses (fixture->window), 0);
    g_assert_cmpstr (kp_course_summary_get_title (row), ==, "Å leve med kols, vår 2027");
  }
}

static void
test_closing_loses_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(KpCourse) saved = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2027, 5, 6, 18, 0, 0);

  g_assert_true (kp_window_select_course (fixture->window, DIABETES_ID));
  kp_session_set_start (session, start);
  kp_session_set_minutes (session, 120);
  kp_session_set_title (session, "Oppsummering");
  kp_course_add_session (kp_window_get_course (fixture->window), session);

  /* Closed at once, before the write-through delay has passed. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  iterate ();

  saved = database_course (fixture, DIABETES_ID);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (saved)), ==, 4);
}

static void
test_quit_saves_first (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KpCourse) saved = NULL;

  g_assert_true (kp_window_select_course (fixture->window, CARERS_ID));
  kp_course_set_text (kp_window_get_course (fixture->window), KP_COURSE_TARGET_GROUP,
                      "Voksne pårørende til personer med psykisk lidelse");
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  iterate ();
  fixture->window = NULL;

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  saved = database_course (fixture, CARERS_ID);
  g_assert_cmpstr (kp_course_get_text (saved, KP_COURSE_TARGET_GROUP), ==,
                   "Voksne pårørende til personer med psykisk lidelse");
}

static void
test_import_course_plan (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char plan[] =
    "{ \"format\": \"kursplan/course-plan\", \"version\": 1, \"course\": {"
    "  \"id\": \"0c0ffee0-1234-4abc-8def-000000000042\","
    "  \"title\": \"Hjertekurs\", \"language\": \"nn\", \"timezone\": \"Europe/Oslo\","
    "  \"status\": \"idea\","
    "  \"sessions\": [ { \"title\": \"Kva er hjartesvikt?\","
    "                    \"start\": \"2027-10-07T18:00\", \"minutes\": 150 } ] } }";
  g_autofree char *good = g_build_filename (fixture->dir, "hjerte.kursplan.json", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "broken.kursplan.json", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(KpCourse) imported = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (good, plan, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (bad, "{ \"format\": \"kursplan/course-plan\", \"version\": 1 ", -1, &error);
  g_assert_no_error (error);

  /* A broken file changes nothing (the toast says why). */
  kp_window_import_file (fixture->window, bad_file);
  iterate ();
  g_assert_cmpuint (n_visible (fixture), ==, 3);

  kp_window_import_file (fixture->window, good_file);
  iterate ();
  g_assert_cmpuint (n_visible (fixture), ==, 4);
  g_assert_cmpstr (kp_course_get_id (kp_window_get_course (fixture->window)), ==,
                   "0c0ffee0-1234-4abc-8def-000000000042");

  courses = database_courses (fixture);
  g_assert_cmpuint (courses->len, ==, 4);
  imported = database_course (fixture, "0c0ffee0-1234-4abc-8def-000000000042");
  g_assert_cmpstr (kp_course_get_title (imported), ==, "Hjertekurs");
  g_assert_cmpstr (kp_course_get_language (imported), ==, "nn");
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (imported)), ==, 1);
}

static void
test_window_remembers_size_and_course (Fixture       *fixture,
                                       gconstpointer  data)
{
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 650);
  g_assert_true (kp_window_select_course (fixture->window, DIABETES_ID));
  gtk_window_close (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->app);

  start_app (fixture);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  g_assert_cmpstr (kp_course_get_id (kp_window_get_course (fixture->window)), ==, DIABETES_ID);
}

static gboolean
is_content_stack (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "opening");
}

/* The window shows before the course does: the last course opens just after the first frame,
 * and a course the user opened before then is left open. */
static void
test_window_opens_the_last_course_after_the_first_frame (Fixture       *fixture,
                                                         gconstpointer  data)
{
  GtkStack *content_stack;

  g_assert_true (kp_window_select_course (fixture->window, DIABETES_ID));
  gtk_window_close (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->app);

  fixture->window = gui_fixture_launch_app (&fixture->app, fixture->db_path,
                                            G_APPLICATION_HANDLES_OPEN);
  content_stack = GTK_STACK (find_where (GTK_WIDGET (fixture->window), is_content_stack, NULL));
  g_assert_null (kp_window_get_course (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "opening");
  gui_fixture_wait_first_frame (fixture->window);
  g_assert_cmpstr (kp_course_get_id (kp_window_get_course (fixture->window)), ==, DIABETES_ID);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "course");

  /* Opened by hand before the first frame: that one stays. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->app);
  fixture->window = gui_fixture_launch_app (&fixture->app, fixture->db_path,
                                            G_APPLICATION_HANDLES_OPEN);
  g_assert_true (kp_window_select_course (fixture->window, KOLS_ID));
  gui_fixture_wait_first_frame (fixture->window);
  g_assert_cmpstr (kp_course_get_id (kp_window_get_course (fixture->window)), ==, KOLS_ID);
}

static void
test_row_dates (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) march_4 = g_date_time_new (tz, 2027, 3, 4, 12, 0, 0);
  g_autoptr(GDateTime) march_25 = g_date_time_new (tz, 2027, 3, 25, 12, 0, 0);
  g_autoptr(GDateTime) april_2 = g_date_time_new (tz, 2027, 4, 2, 18, 0, 0);
  g_autoptr(GDateTime) january_11 = g_date_time_new (tz, 2028, 1, 11, 18, 0, 0);
  g_autofree char *one_month = kp_course_row_format_dates (march_4, march_25);
  g_autofree char *two_months = kp_course_row_format_dates (march_4, april_2);
  g_autofree char *two_years = kp_course_row_format_dates (march_25, january_11);
  g_autofree char *one_day = kp_course_row_format_dates (april_2, april_2);
  g_autofree char *none = kp_course_row_format_dates (NULL, NULL);

  g_assert_cmpstr (one_month, ==, "4–25 March 2027");
  g_assert_cmpstr (two_months, ==, "4 March – 2 April 2027");
  g_assert_cmpstr (two_years, ==, "25 March 2027 – 11 January 2028");
  g_assert_cmpstr (one_day, ==, "2 April 2027");
  g_assert_cmpstr (none, ==, "No sessions yet");
}

static void
quit_when_shown (GApplication *app)
{
  g_idle_add_once ((GSourceOnceFunc) g_application_quit, app);
}

static void
test_db_option_opens_that_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kursplan-gui-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "option.db", NULL);
  g_autoptr(KpApplication) app = NULL;
  char *argv[] = { (char *) "kursplan", (char *) "--db", db_path, NULL };
  GtkWindow *window;
  int status;

  g_assert_no_error (error);
  fill_database (db_path);

  app = kp_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".TestOption");
  g_signal_connect_after (app, "activate", G_CALLBACK (quit_when_shown), NULL);
  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (kp_application_get_database_path (app), ==, db_path);
  g_assert_cmpstr (kp_store_get_path (kp_application_get_store (app)), ==, db_path);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    gtk_window_destroy (window);
  gui_fixture_remove_dir (dir);
}

static void
test_opening_a_plan_imports_it (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char plan[] =
    "{ \"format\": \"kursplan/course-plan\", \"version\": 1, \"course\": {"
    "  \"id\": \"0c0ffee0-1234-4abc-8def-000000000043\", \"title\": \"Søvnkurs\","
    "  \"language\": \"nb\", \"timezone\": \"Europe/Oslo\", \"status\": \"planning\" } }";
  g_autofree char *path = g_build_filename (fixture->dir, "søvn.kursplan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KpCourse) imported = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[] = { file };

  g_file_set_contents (path, plan, -1, &error);
  g_assert_no_error (error);

  g_application_open (G_APPLICATION (fixture->app), files, 1, "");
  iterate ();

  g_assert_cmpuint (n_visible (fixture), ==, 4);
  imported = database_course (fixture, "0c0ffee0-1234-4abc-8def-000000000043");
  g_assert_nonnull (imported);
  g_assert_cmpstr (kp_course_get_title (imported), ==, "Søvnkurs");
}

static gboolean
is_folded (gpointer data)
{
  Fixture *fixture = data;
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                    KP_TYPE_WINDOW, "leaflet"));

  return adw_leaflet_get_folded (leaflet);
}

static gboolean
is_wide (gpointer data)
{
  Fixture *fixture = data;

  return !is_folded (fixture);
}

static void
test_narrow_window_folds (Fixture       *fixture,
                          gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                    KP_TYPE_WINDOW, "leaflet"));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  g_assert_true (wait_until (is_wide, fixture, 3000));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  g_assert_true (wait_until (is_folded, fixture, 3000));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);

  /* Folded, choosing a course shows it; Back shows the list again. */
  g_assert_true (kp_window_select_course (fixture->window, CARERS_ID));
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  iterate ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) ==
                 (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (fixture->window), KP_TYPE_WINDOW,
                                                "sidebar"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func, data) \
  g_test_add ("/gui/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("window/lists-the-courses", test_window_lists_the_courses, NULL);
  ADD ("window/narrow-window-folds", test_narrow_window_folds, NULL);
  ADD ("window/remembers-size-and-course", test_window_remembers_size_and_course, NULL);
  ADD ("window/opens-the-last-course-after-the-first-frame",
       test_window_opens_the_last_course_after_the_first_frame, NULL);
  ADD ("actions/new-course", test_new_course, NULL);
  ADD ("actions/delete-and-undo", test_delete_and_undo, NULL);
  ADD ("actions/duplicate", test_duplicate, NULL);
  ADD ("actions/archive", test_archive, NULL);
  ADD ("actions/import-course-plan", test_import_course_plan, NULL);
  ADD ("application/opening-a-plan-imports-it", test_opening_a_plan_imports_it, NULL);
  ADD ("search/filters-the-list", test_search_filters_the_list, NULL);
  ADD ("store/edits-are-saved-without-asking", test_edits_are_saved_without_asking, NULL);
  ADD ("store/closing-loses-nothing", test_closing_loses_nothing, NULL);
  ADD ("store/quit-saves-first", test_quit_saves_first, NULL);
#undef ADD
  g_test_add_func ("/gui/row/dates", test_row_dates);
  g_test_add_func ("/gui/application/db-option-opens-that-database",
                   test_db_option_opens_that_database);

  return g_test_run ();
}
