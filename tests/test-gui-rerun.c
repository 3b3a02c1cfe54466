/* test-gui-rerun.c — a course and its next run in the window: the list and the header tell
 * them apart by their term, and the running step refuses a count for a session not yet held.
 * Writes build/tests/screenshots/rerun-course-list.png for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gui-shots.h"
#include "kp-course-rerun.h"
#include "kp-course-row.h"
#include "kp-plan-reader.h"
#include "kp-time.h"

/* The Nynorsk demo course, spring 2026. */
#define DIABETES_ID "d5e20000-0000-4000-8000-000000000001"
/* A course far enough ahead that it has not been held whenever the test runs. */
#define FUTURE_ID "0f0f0000-0000-4000-8000-000000000099"

static KpCourse *
load_diabetes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "nn-leve-med-diabetes.kursplan.json", NULL);
  g_autoptr(GError) error = NULL;
  KpCourse *course = kp_plan_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (kp_course_get_id (course), ==, DIABETES_ID);
  return course;
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  id)
{
  KpCourseSummary *summary;

  if (!KP_IS_COURSE_ROW (widget))
    return FALSE;
  summary = kp_course_row_get_summary (KP_COURSE_ROW (widget));
  return summary != NULL && g_strcmp0 (kp_course_summary_get_id (summary), id) == 0;
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static const char *
row_term (KpWindow   *window,
          const char *id)
{
  GtkWidget *row = find_where (GTK_WIDGET (window), is_row_of, id);

  g_assert_nonnull (row);
  return kp_course_row_get_term (KP_COURSE_ROW (row));
}

static void
test_course_and_its_rerun (void)
{
  g_autofree char *db_path = NULL;
  g_autofree char *dir = gui_fixture_make_dir ("rerun", &db_path);
  g_autoptr(KpCourse) course = load_diabetes ();
  g_autoptr(KpCourse) next = NULL;
  g_autoptr(KpCourse) future = gui_fixture_make_course (FUTURE_ID, "Framtidskurset",
                                                        KP_COURSE_STATUS_PLANNING,
                                                        "2099-03-05T18:00", 2, "Første samling");
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) december = g_date_time_new (tz, 2026, 12, 6, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(KpSession) first = NULL;
  AdwWindowTitle *header;
  KpApplication *app;
  KpWindow *window;
  GtkWidget *spin;
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_SEPTEMBER, 2027);
  next = kp_course_rerun (course, &start, december, &error);
  g_assert_no_error (error);
  gui_fixture_save_course (db_path, course);
  gui_fixture_save_course (db_path, next);
  gui_fixture_save_course (db_path, future);

  window = open_window (&app, db_path, 1100, 700);

  /* Same title, told apart by the term beside it. */
  g_assert_cmpstr (row_term (window, DIABETES_ID), ==, "spring 2026");
  g_assert_cmpstr (row_term (window, kp_course_get_id (next)), ==, "autumn 2027");
  g_assert_cmpstr (row_term (window, FUTURE_ID), ==, "spring 2099");

  /* The header shows the open course's term under its title. */
  header = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window), KP_TYPE_WINDOW,
                                                            "content_title"));
  g_assert_true (kp_window_select_course (window, kp_course_get_id (next)));
  wait_ms (100);
  g_assert_cmpstr (adw_window_title_get_title (header), ==, "Leve med diabetes type 2");
  g_assert_cmpstr (adw_window_title_get_subtitle (header), ==, "autumn 2027");
  save_shot (GTK_WINDOW (window), "rerun-course-list");
  g_assert_true (kp_window_select_course (window, DIABETES_ID));
  wait_ms (100);
  g_assert_cmpstr (adw_window_title_get_subtitle (header), ==, "spring 2026");

  /* A count for a session that has not been held is refused, in words, and nothing changes. */
  g_assert_true (kp_window_select_course (window, FUTURE_ID));
  wait_ms (100);
  kp_course_view_set_step (gui_fixture_course_view (window), KP_STEP_RUNNING);
  wait_ms (100);
  spin = find_widget (GTK_WIDGET (gui_fixture_course_view (window)), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 12);
  wait_ms (100);
  first = g_list_model_get_item (kp_course_get_sessions (kp_window_get_course (window)), 0);
  g_assert_cmpint (kp_session_get_attended (first), ==, -1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, -1);
  g_assert_nonnull (find_where (GTK_WIDGET (window), is_label_saying,
                                "“Første samling” has not been held yet: note how many took "
                                "part after the session has ended"));
  save_shot (GTK_WINDOW (window), "rerun-attendance-refused");

  close_window (app, window);
  gui_fixture_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/gui-rerun/course-and-its-rerun", test_course_and_its_rerun);

  return g_test_run ();
}
