/* test-gui-import.c — the window's import of a course-plan file updates a course in place, refuses
 * a copy that reuses another course's session ids, and a new user's first start shows the demo;
 * the brochure step edits the demo's accessibility and conditions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "kp-brochure-page.h"
#include "kp-course-view.h"
#include "kp-demo.h"
#include "kp-plan-reader.h"
#include "kp-plan-writer.h"
#include "kp-time.h"
#include "gui-shots.h"

#define NB_ID   "d5e10000-0000-4000-8000-000000000001"
#define COPY_ID "c0b10000-0000-4000-8000-000000000001"
#define SESSION_3 "d5e10002-0000-4000-8000-000000000003"
#define SESSION_5 "d5e10002-0000-4000-8000-000000000005"
#define SESSION_6 "d5e10002-0000-4000-8000-000000000006"
#define SESSION_NEW "d5e10002-0000-4000-8000-000000000099"

typedef struct
{
  char          *dir;
  char          *db_path;
  KpApplication *app;
  KpWindow      *window;
} Fixture;

static void
start_app (Fixture    *fixture,
           const char *db_path)
{
  fixture->window = open_window (&fixture->app, db_path, 1200, 800);
  g_assert_true (KP_IS_WINDOW (fixture->window));
}

static void
stop_app (Fixture *fixture)
{
  if (fixture->window != NULL)
    close_window (g_steal_pointer (&fixture->app), g_steal_pointer (&fixture->window));
}

/* A database holding the demo courses, through the core, before the window opens it. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = gui_fixture_make_dir ("gui-import", &fixture->db_path);
  store = gui_fixture_reopen (fixture->db_path);
  g_assert_true (kp_demo_load (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  start_app (fixture, fixture->db_path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  stop_app (fixture);
  gui_fixture_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static guint
n_visible (Fixture *fixture)
{
  return g_list_model_get_n_items (kp_window_get_visible_courses (fixture->window));
}

/* The course as the database holds it, read through a connection of the test's own. */
static KpCourse *
database_course (Fixture    *fixture,
                 const char *id)
{
  gui_fixture_flush (fixture->window);
  return gui_fixture_load_course (fixture->db_path, id);
}

static guint
database_n_courses (Fixture *fixture)
{
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GError) error = NULL;

  gui_fixture_flush (fixture->window);
  store = gui_fixture_reopen (fixture->db_path);
  courses = kp_store_list_courses (store, &error);
  g_assert_no_error (error);
  return courses->len;
}

static KpCourse *
read_demo_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "nb-parorendeskole-demens.kursplan.json", NULL);
  g_autoptr(GError) error = NULL;
  KpCourse *course = kp_plan_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return course;
}

/* Writes @course as a course-plan file in the fixture's folder; with @new_id, as a copy of it
 * under another course id that keeps every session's id. */
static GFile *
write_plan (Fixture    *fixture,
            KpCourse   *course,
            const char *name,
            const char *new_id)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *text = kp_plan_write (course, NULL);
  g_autoptr(GError) error = NULL;

  if (new_id != NULL)
    {
      g_autoptr(GString) copy = g_string_new (text);

      g_assert_cmpuint (g_string_replace (copy, NB_ID, new_id, 0), ==, 1);
      g_free (text);
      text = g_string_free (g_steal_pointer (&copy), FALSE);
    }
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static guint
revision_of (KpCourse   *course,
             const char *session_id)
{
  KpSession *session = kp_course_find_session (course, session_id);

  g_assert_nonnull (session);
  return kp_session_get_revision (session);
}

/* The file of a course that is open in the window: the open course becomes the file's, with
 * the same UUIDs; a session moved gets its revision raised, one only annotated does not. */
static void
test_import_updates_open_course (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(KpCourse) plan = read_demo_file ();
  g_autoptr(KpSession) added = kp_session_new (SESSION_NEW);
  g_autoptr(GDateTime) moved_start = NULL;
  g_autoptr(GDateTime) added_start = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GFile) same = NULL;
  g_autoptr(GFile) changed = NULL;
  g_autoptr(KpCourse) stored = NULL;
  KpCourse *open;
  KpSession *session;

  g_assert_true (kp_window_select_course (fixture->window, NB_ID));
  open = kp_window_get_course (fixture->window);
  g_assert_cmpstr (kp_course_get_id (open), ==, NB_ID);

  /* The same plan again changes nothing. */
  same = write_plan (fixture, plan, "same.kursplan.json", NULL);
  kp_window_import_file (fixture->window, same);
  iterate ();
  g_assert_cmpuint (n_visible (fixture), ==, 3);
  g_assert_cmpuint (database_n_courses (fixture), ==, 3);
  open = kp_window_get_course (fixture->window);
  g_assert_cmpstr (kp_course_get_id (open), ==, NB_ID);
  g_assert_cmpuint (revision_of (open, SESSION_3), ==, 0);

  /* The third evening moves a week later (into winter time), the fifth gets a note only, the
   * last is dropped, a new one is added. */
  session = kp_course_find_session (plan, SESSION_3);
  moved_start = kp_time_parse_local ("2027-11-18T18:00", tz, NULL);
  kp_session_set_start (session, moved_start);
  kp_session_set_revision (session, 0);
  kp_session_set_notes (kp_course_find_session (plan, SESSION_5), "Husk nøkkel til leiligheten");
  g_assert_true (kp_course_remove_item (plan, kp_course_find_session (plan, SESSION_6)));
  kp_session_set_title (added, "Et år etter");
  added_start = kp_time_parse_local ("2028-11-09T18:00", tz, NULL);
  kp_session_set_start (added, added_start);
  kp_session_set_minutes (added, 150);
  kp_session_set_revision (added, 0);
  kp_course_add_session (plan, added);
  changed = write_plan (fixture, plan, "changed.kursplan.json", NULL);

  kp_window_import_file (fixture->window, changed);
  iterate ();

  g_assert_cmpuint (n_visible (fixture), ==, 3);
  open = kp_window_get_course (fixture->window);
  g_assert_nonnull (open);
  g_assert_cmpstr (kp_course_get_id (open), ==, NB_ID);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (open)), ==, 6);
  g_assert_null (kp_course_find_session (open, SESSION_6));
  g_assert_cmpuint (revision_of (open, SESSION_3), ==, 1);
  g_assert_cmpuint (revision_of (open, SESSION_5), ==, 0);
  g_assert_cmpuint (revision_of (open, SESSION_NEW), ==, 0);
  g_assert_cmpstr (kp_session_get_notes (kp_course_find_session (open, SESSION_5)), ==,
                   "Husk nøkkel til leiligheten");

  stored = database_course (fixture, NB_ID);
  g_assert_nonnull (stored);
  g_assert_cmpuint (database_n_courses (fixture), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (stored)), ==, 6);
  g_assert_cmpuint (revision_of (stored, SESSION_3), ==, 1);
  g_assert_nonnull (kp_session_get_modified (kp_course_find_session (stored, SESSION_3)));
  g_assert_cmpuint (revision_of (stored, SESSION_5), ==, 0);
  g_assert_true (g_date_time_equal (kp_session_get_start (kp_course_find_session (stored,
                                                                                  SESSION_3)),
                                    moved_start));
  g_assert_null (kp_course_find_session (stored, SESSION_6));
  g_assert_nonnull (kp_course_find_session (stored, SESSION_NEW));
}

/* The file of a course that is not open: updated in the database, and opened. */
static void
test_import_updates_closed_course (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(KpCourse) plan = read_demo_file ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(KpCourse) stored = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");

  g_assert_true (kp_window_select_course (fixture->window, "d5e20000-0000-4000-8000-000000000001"));
  later = kp_time_parse_local ("2027-10-21T19:00", tz, NULL);
  kp_session_set_start (kp_course_find_session (plan, SESSION_3), later);
  kp_session_set_revision (kp_course_find_session (plan, SESSION_3), 0);
  file = write_plan (fixture, plan, "closed.kursplan.json", NULL);

  kp_window_import_file (fixture->window, file);
  iterate ();

  g_assert_cmpuint (n_visible (fixture), ==, 3);
  g_assert_cmpstr (kp_course_get_id (kp_window_get_course (fixture->window)), ==, NB_ID);
  stored = database_course (fixture, NB_ID);
  g_assert_cmpuint (revision_of (stored, SESSION_3), ==, 1);
  g_assert_cmpint (g_date_time_get_hour (kp_session_get_start (kp_course_find_session (stored,
                                                                                       SESSION_3))),
                   ==, 19);
}

/* A copy of the course under another id that keeps the session ids is refused: nothing changes
 * in the list, in the open course or in the database. */
static void
test_import_refuses_copy (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(KpCourse) plan = read_demo_file ();
  g_autoptr(GFile) copy = NULL;
  g_autoptr(KpCourse) stored = NULL;

  g_assert_true (kp_window_select_course (fixture->window, NB_ID));
  kp_course_set_title (plan, "Kopi av pårørendeskolen");
  copy = write_plan (fixture, plan, "copy.kursplan.json", COPY_ID);

  kp_window_import_file (fixture->window, copy);
  iterate ();

  g_assert_cmpuint (n_visible (fixture), ==, 3);
  g_assert_cmpuint (database_n_courses (fixture), ==, 3);
  g_assert_null (database_course (fixture, COPY_ID));
  g_assert_cmpstr (kp_course_get_id (kp_window_get_course (fixture->window)), ==, NB_ID);
  g_assert_cmpstr (kp_course_get_title (kp_window_get_course (fixture->window)), ==,
                   "Pårørendeskole om demens");
  stored = database_course (fixture, NB_ID);
  g_assert_cmpstr (kp_course_get_title (stored), ==, "Pårørendeskole om demens");
}

static gboolean
toast_holds (GtkWidget     *widget,
             gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY) &&
         gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;
}

static gboolean
is_toast_close_button (GtkWidget     *widget,
                       gconstpointer  data)
{
  GtkWidget *parent;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  /* libadwaita 1.2's toast is a widget named "toast" whose only button closes it. */
  for (parent = gtk_widget_get_parent (widget); parent != NULL;
       parent = gtk_widget_get_parent (parent))
    if (g_strcmp0 (gtk_widget_get_css_name (parent), "toast") == 0)
      return TRUE;
  return FALSE;
}

/* Opens @path as a double-click does, and checks that a toast says @message and nothing changed;
 * the toast is dismissed for the next. */
static void
assert_import_refused (Fixture    *fixture,
                       const char *path,
                       const char *message,
                       const char *shot)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *label, *close;
  gint64 started = g_get_monotonic_time ();

  kp_window_import_file (fixture->window, file);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  wait_ms (600);
  label = find_where (GTK_WIDGET (fixture->window), toast_holds, message);
  g_assert_nonnull (label);
  if (shot != NULL)
    save_shot (GTK_WINDOW (fixture->window), shot);
  g_assert_cmpuint (n_visible (fixture), ==, 3);
  g_assert_cmpuint (database_n_courses (fixture), ==, 3);
  g_assert_cmpstr (kp_course_get_title (kp_window_get_course (fixture->window)), ==,
                   "Pårørendeskole om demens");

  close = find_where (GTK_WIDGET (fixture->window), is_toast_close_button, NULL);
  g_assert_nonnull (close);
  gtk_widget_activate (close);
  wait_ms (600);
}

/* Hostile files opened in the window (#12): 100,000 nested lists overflowed the stack, a FIFO
 * blocked the window for ever, a lone surrogate was stored and lost the course. */
static void
test_import_refuses_hostile_files (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *deep = g_build_filename (fixture->dir, "deep.kursplan.json", NULL);
  g_autofree char *fifo = g_build_filename (fixture->dir, "fifo.kursplan.json", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.kursplan.json", NULL);
  g_autofree char *nested = g_strnfill (100000, '[');
  g_autofree char *closed = g_strnfill (100000, ']');
  g_autofree char *text = g_strconcat (nested, closed, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_window_select_course (fixture->window, NB_ID));

  g_file_set_contents (deep, text, -1, &error);
  g_assert_no_error (error);
  assert_import_refused (fixture, deep, "nests lists or objects more than 32 deep",
                         "import-refused-toast");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_import_refused (fixture, fifo,
                         "“fifo.kursplan.json” is not a regular file (it is a folder, a device "
                         "or a pipe)", NULL);

  g_file_set_contents (broken, "{\"format\": \"kursplan/course-plan\", \"version\": 1, "
                       "\"course\": {\"title\": \"P\\ud800x\"}}", -1, &error);
  g_assert_no_error (error);
  assert_import_refused (fixture, broken, "course.title: not valid text: it holds a lone UTF-16 "
                         "surrogate", NULL);
}

/* The README's first start: no --db, no $KURSPLAN_DB, an empty data folder. The window shows the
 * three demo courses, once. A new database named with --db gets them too; one that exists,
 * even empty, is left as it is. */
/* The brochure step's switches show and set what applies to taking part, and its accessibility
 * field the place's; the store writes them through. */
static void
test_brochure_page_edits_conditions (Fixture       *fixture,
                                     gconstpointer  data)
{
  GtkWidget *view = find_widget (GTK_WIDGET (fixture->window), KP_TYPE_COURSE_VIEW);
  GtkWidget *page = NULL;
  GtkSwitch *referral, *co_payment, *travel;
  GtkEditable *accessibility;
  g_autoptr(KpCourse) stored = NULL;
  KpCourse *course;

  g_assert_nonnull (view);
  /* Step pages are made when first shown; asking for one makes it. */
  page = kp_course_view_get_page (KP_COURSE_VIEW (view), KP_STEP_BROCHURE);
  g_assert_nonnull (page);
  g_assert_true (KP_IS_BROCHURE_PAGE (page));
  referral = GTK_SWITCH (gtk_widget_get_template_child (page, KP_TYPE_BROCHURE_PAGE,
                                                        "referral_switch"));
  co_payment = GTK_SWITCH (gtk_widget_get_template_child (page, KP_TYPE_BROCHURE_PAGE,
                                                          "co_payment_switch"));
  travel = GTK_SWITCH (gtk_widget_get_template_child (page, KP_TYPE_BROCHURE_PAGE,
                                                      "travel_refund_switch"));
  accessibility = GTK_EDITABLE (gtk_widget_get_template_child (page, KP_TYPE_BROCHURE_PAGE,
                                                               "location_accessibility_row"));

  /* The Sami clinic's course: all three apply. */
  g_assert_true (kp_window_select_course (fixture->window, "d5e30000-0000-4000-8000-000000000001"));
  iterate ();
  g_assert_true (gtk_switch_get_active (referral));
  g_assert_true (gtk_switch_get_active (co_payment));
  g_assert_true (gtk_switch_get_active (travel));
  g_assert_cmpstr (gtk_editable_get_text (accessibility), ==, "Heiskka ja HC-hivsset gávdnojit.");

  /* The carers' school: none; switching one on reaches the course and the database. */
  g_assert_true (kp_window_select_course (fixture->window, NB_ID));
  iterate ();
  course = kp_window_get_course (fixture->window);
  g_assert_false (gtk_switch_get_active (referral));
  g_assert_false (gtk_switch_get_active (travel));
  gtk_switch_set_active (travel, TRUE);
  gtk_editable_set_text (accessibility, "Heis og teleslynge.");
  iterate ();
  g_assert_true (kp_course_get_condition (course, KP_COURSE_TRAVEL_REFUND));
  g_assert_false (kp_course_get_condition (course, KP_COURSE_REFERRAL));
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_LOCATION_ACCESSIBILITY), ==,
                   "Heis og teleslynge.");

  stored = database_course (fixture, NB_ID);
  g_assert_true (kp_course_get_condition (stored, KP_COURSE_TRAVEL_REFUND));
  g_assert_false (kp_course_get_condition (stored, KP_COURSE_CO_PAYMENT));
  g_assert_cmpstr (kp_course_get_text (stored, KP_COURSE_LOCATION_ACCESSIBILITY), ==,
                   "Heis og teleslynge.");

  /* And the course changed from elsewhere shows on the switch. */
  kp_course_set_condition (course, KP_COURSE_REFERRAL, TRUE);
  g_assert_true (gtk_switch_get_active (referral));
}

static char *first_start_dir;  /* XDG_DATA_HOME is set to a folder in it before GLib reads it */

static void
test_first_start_shows_demo (void)
{
  g_autofree char *data_home = g_build_filename (first_start_dir, "data", NULL);
  g_autofree char *named = g_build_filename (first_start_dir, "named.db", NULL);
  g_autofree char *default_path = kp_store_dup_default_path ();
  Fixture fixture = { 0 };

  g_assert_true (g_str_has_prefix (default_path, data_home));
  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));
  fixture.dir = first_start_dir;
  fixture.db_path = default_path;

  start_app (&fixture, NULL);
  g_assert_cmpuint (n_visible (&fixture), ==, 3);
  g_assert_true (g_file_test (default_path, G_FILE_TEST_EXISTS));
  stop_app (&fixture);

  /* The second start finds the courses there, and adds none. */
  start_app (&fixture, NULL);
  g_assert_cmpuint (n_visible (&fixture), ==, 3);
  g_assert_true (kp_window_select_course (fixture.window, "d5e30000-0000-4000-8000-000000000001"));
  g_assert_cmpstr (kp_course_get_title (kp_window_get_course (fixture.window)), ==,
                   "Eallit váibmodávddain");
  stop_app (&fixture);

  start_app (&fixture, named);
  g_assert_cmpuint (n_visible (&fixture), ==, 3);
  stop_app (&fixture);

  {
    g_autofree char *existing = g_build_filename (first_start_dir, "existing.db", NULL);
    g_autoptr(KpStore) store = kp_store_new (existing, NULL);

    g_assert_nonnull (store);
    g_clear_object (&store);
    start_app (&fixture, existing);
    g_assert_cmpuint (n_visible (&fixture), ==, 0);
    stop_app (&fixture);
  }
}

/* The trusts' own conditions on the brochure step (issue #13, item 5): the no-show fee and first
 * day switches, the hours' notice and where to send the referral show the course's values and
 * set them, through to the database; a screenshot shows the rows (brochure-trust-conditions). */
static void
test_brochure_page_edits_trust_conditions (Fixture       *fixture,
                                           gconstpointer  data)
{
  GtkWidget *view = find_widget (GTK_WIDGET (fixture->window), KP_TYPE_COURSE_VIEW);
  GtkWidget *page;
  GtkSwitch *first_day, *no_show;
  GtkSpinButton *notice;
  GtkEditable *referral_to;
  GtkWidget *scrolled;
  graphene_point_t top;
  g_autoptr(KpCourse) stored = NULL;
  KpCourse *course;

  g_assert_nonnull (view);
  page = kp_course_view_get_page (KP_COURSE_VIEW (view), KP_STEP_BROCHURE);
  first_day = GTK_SWITCH (gtk_widget_get_template_child (page, KP_TYPE_BROCHURE_PAGE,
                                                         "co_payment_first_day_switch"));
  no_show = GTK_SWITCH (gtk_widget_get_template_child (page, KP_TYPE_BROCHURE_PAGE,
                                                       "no_show_fee_switch"));
  notice = GTK_SPIN_BUTTON (gtk_widget_get_template_child (page, KP_TYPE_BROCHURE_PAGE,
                                                           "notice_hours_spin"));
  referral_to = GTK_EDITABLE (gtk_widget_get_template_child (page, KP_TYPE_BROCHURE_PAGE,
                                                             "referral_to_row"));

  /* The Sami clinic's course: a no-show fee, 24 hours' notice, the referral to the clinic. */
  g_assert_true (kp_window_select_course (fixture->window, "d5e30000-0000-4000-8000-000000000001"));
  iterate ();
  course = kp_window_get_course (fixture->window);
  g_assert_true (gtk_switch_get_active (no_show));
  g_assert_false (gtk_switch_get_active (first_day));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (notice), ==, 24);
  g_assert_cmpstr (gtk_editable_get_text (referral_to), ==,
                   "Sámi dearvvašvuođaguovddáš, Čuonjájohgeaidnu 3, 9730 Kárášjohka");

  gtk_switch_set_active (first_day, TRUE);
  gtk_spin_button_set_value (notice, 48);
  gtk_editable_set_text (referral_to, "Sámi klinihkka, Boks 7, 9730 Kárášjohka");
  iterate ();
  g_assert_true (kp_course_get_condition (course, KP_COURSE_CO_PAYMENT_FIRST_DAY));
  g_assert_cmpuint (kp_course_get_notice_hours (course), ==, 48);
  stored = database_course (fixture, "d5e30000-0000-4000-8000-000000000001");
  g_assert_true (kp_course_get_condition (stored, KP_COURSE_CO_PAYMENT_FIRST_DAY));
  g_assert_cmpuint (kp_course_get_notice_hours (stored), ==, 48);
  g_assert_cmpstr (kp_course_get_text (stored, KP_COURSE_REFERRAL_TO), ==,
                   "Sámi klinihkka, Boks 7, 9730 Kárášjohka");

  /* Changed elsewhere, the page follows. */
  kp_course_set_notice_hours (course, 0);
  kp_course_set_condition (course, KP_COURSE_NO_SHOW_FEE, FALSE);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (notice), ==, 0);
  g_assert_false (gtk_switch_get_active (no_show));
  kp_course_set_notice_hours (course, 24);
  kp_course_set_condition (course, KP_COURSE_NO_SHOW_FEE, TRUE);

  /* Scrolled to the conditions, to look at. */
  kp_course_view_set_step (KP_COURSE_VIEW (view), KP_STEP_BROCHURE);
  iterate ();
  scrolled = gtk_widget_get_ancestor (page, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL &&
      gtk_widget_compute_point (GTK_WIDGET (first_day),
                                gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                &GRAPHENE_POINT_INIT (0, 0), &top))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                              top.y - 250);
  save_shot (GTK_WINDOW (fixture->window), "brochure-trust-conditions");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = NULL;
  int status;

  first_start_dir = g_dir_make_tmp ("kursplan-gui-first-XXXXXX", NULL);
  g_assert_nonnull (first_start_dir);
  data_home = g_build_filename (first_start_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_unsetenv ("KURSPLAN_DB");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/import/updates-open-course-in-place", test_import_updates_open_course);
  ADD ("/gui/import/updates-closed-course-in-place", test_import_updates_closed_course);
  ADD ("/gui/import/refuses-copy-with-others-session-ids", test_import_refuses_copy);
  ADD ("/gui/brochure-page/edits-conditions", test_brochure_page_edits_conditions);
  ADD ("/gui/import/refuses-hostile-files", test_import_refuses_hostile_files);
  ADD ("/gui/brochure-page/edits-trust-conditions", test_brochure_page_edits_trust_conditions);
  g_test_add_func ("/gui/start/first-start-shows-demo", test_first_start_shows_demo);

#undef ADD

  status = g_test_run ();
  gui_fixture_remove_dir (first_start_dir);
  g_free (first_start_dir);
  return status;
}
