/* test-demo.c — the bundled demo courses: each reads, follows the method, and loads once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kp-demo.h"
#include "kp-plan-reader.h"
#include "kp-store.h"

#define NB_ID "d5e10000-0000-4000-8000-000000000001"
#define NN_ID "d5e20000-0000-4000-8000-000000000001"
#define SE_ID "d5e30000-0000-4000-8000-000000000001"

/* Each demo file, its course's id and language, and its number of sessions. */
static const struct
{
  const char *file;
  const char *id;
  const char *language;
  const char *title;
  guint       n_sessions;
} demos[] = {
  { "nb-parorendeskole-demens.kursplan.json", NB_ID, "nb", "Pårørendeskole om demens", 6 },
  { "nn-leve-med-diabetes.kursplan.json", NN_ID, "nn", "Leve med diabetes type 2", 5 },
  { "se-eallit-vaibmodavddain.kursplan.json", SE_ID, "se", "Eallit váibmodávddain", 5 },
};

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kursplan-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kursplan.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gpointer
item (GListModel *list,
      guint       position)
{
  gpointer object = g_list_model_get_item (list, position);

  g_assert_nonnull (object);
  g_object_unref (object);  /* the list keeps it alive */
  return object;
}

static guint
count_public (KpCourse *course,
              gboolean  is_public)
{
  GListModel *members = kp_course_get_members (course);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    if (kp_member_get_public (item (members, i)) == is_public)
      count++;
  return count;
}

/* Everything a demo course must show off: the method's whole shape. */
static void
assert_demo_course (KpCourse   *course,
                    guint       index)
{
  static const KpCourseText didactic[] = {
    KP_COURSE_TARGET_GROUP, KP_COURSE_FRAME, KP_COURSE_CONTENT, KP_COURSE_METHODS,
    KP_COURSE_EVALUATION_PLAN, KP_COURSE_NEED, KP_COURSE_ORGANISER, KP_COURSE_LOCATION_NAME,
    KP_COURSE_LOCATION_ADDRESS, KP_COURSE_PRICE, KP_COURSE_DEADLINE, KP_COURSE_EMAIL,
    KP_COURSE_PHONE, KP_COURSE_URL, KP_COURSE_SUBTITLE, KP_COURSE_LOCATION_ACCESSIBILITY,
  };
  GListModel *sessions = kp_course_get_sessions (course);
  GListModel *meetings = kp_course_get_meetings (course);
  g_autoptr(GTimeZone) zone = NULL;

  g_assert_cmpstr (kp_course_get_id (course), ==, demos[index].id);
  g_assert_cmpstr (kp_course_get_title (course), ==, demos[index].title);
  g_assert_cmpstr (kp_course_get_language (course), ==, demos[index].language);
  g_assert_cmpstr (kp_course_get_timezone (course), ==, "Europe/Oslo");

  for (guint i = 0; i < G_N_ELEMENTS (didactic); i++)
    {
      const char *text = kp_course_get_text (course, didactic[i]);

      g_assert_nonnull (text);
      g_assert_cmpuint (strlen (text), >, 3);
    }
  g_assert_cmpuint (g_strv_length ((char **) kp_course_get_goals (course)), >=, 3);
  g_assert_cmpuint (g_strv_length ((char **) kp_course_get_partners (course)), ==, 2);
  g_assert_true (kp_course_get_management (course));
  /* The Sami clinic's course needs a referral (sent to the clinic), costs the co-payment (every
   * day), refunds travel, charges a no-show fee and asks for 24 hours' notice; the carers'
   * school and the municipal course ask none of these. */
  for (KpCourseCondition condition = 0; condition < KP_COURSE_N_CONDITIONS; condition++)
    g_assert_cmpint (kp_course_get_condition (course, condition), ==,
                     index == 2 && condition != KP_COURSE_CO_PAYMENT_FIRST_DAY);
  g_assert_cmpuint (kp_course_get_notice_hours (course), ==, index == 2 ? 24 : 0);
  g_assert_cmpstr (kp_course_get_text (course, KP_COURSE_REFERRAL_TO), ==,
                   index == 2 ? "Sámi dearvvašvuođaguovddáš, Čuonjájohgeaidnu 3, 9730 Kárášjohka"
                              : NULL);
  g_assert_cmpint (kp_course_get_capacity_min (course), >, 0);
  g_assert_cmpint (kp_course_get_capacity_max (course), >, kp_course_get_capacity_min (course));

  /* The planning group: a leader, professionals, two or more user representatives, an
   * experience consultant; some of them named in the brochure, some not. */
  g_assert_cmpuint (kp_course_count_role (course, KP_ROLE_COURSE_LEADER), ==, 1);
  g_assert_cmpuint (kp_course_count_role (course, KP_ROLE_PROFESSIONAL), >=, 2);
  g_assert_cmpuint (kp_course_count_role (course, KP_ROLE_USER_REPRESENTATIVE), >=, 2);
  g_assert_cmpuint (kp_course_count_role (course, KP_ROLE_EXPERIENCE_CONSULTANT), ==, 1);
  g_assert_cmpuint (count_public (course, TRUE), >=, 3);
  g_assert_cmpuint (count_public (course, FALSE), >=, 3);

  /* Planning meetings with user representatives in them — except the North Sami course's last
   * one, which they missed: the plan still in the making shows what the checklist is for. */
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      KpMeeting *meeting = item (meetings, i);
      guint users = 0;

      for (const char * const *a = kp_meeting_get_attendees (meeting); a && *a; a++)
        {
          KpMember *member = kp_course_find_member (course, *a);

          g_assert_nonnull (member);
          if (kp_member_get_role (member) == KP_ROLE_USER_REPRESENTATIVE)
            users++;
        }
      if (index == 2 && i == 2)
        g_assert_cmpuint (users, ==, 0);
      else
        g_assert_cmpuint (users, >=, 1);
    }

  /* Sessions: a theme, a time in the course's zone, a professional's and a user's talk, time
   * for sharing, and no two overlapping. */
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, demos[index].n_sessions);
  zone = g_time_zone_new_identifier ("Europe/Oslo");
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      KpSession *session = item (sessions, i);
      GDateTime *start = kp_session_get_start (session);
      gint interval;

      g_assert_nonnull (kp_session_get_title (session));
      g_assert_nonnull (start);
      interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL,
                                            g_date_time_to_unix (start));
      g_assert_cmpint (g_date_time_get_utc_offset (start) / G_TIME_SPAN_SECOND, ==,
                       g_time_zone_get_offset (zone, interval));
      g_assert_cmpstr (g_date_time_get_timezone_abbreviation (start), ==,
                       g_time_zone_get_abbreviation (zone, interval));
      g_assert_cmpuint (kp_session_count_contributions (session,
                                                        KP_CONTRIBUTION_PROFESSIONAL_TALK), >=, 1);
      g_assert_cmpuint (kp_session_count_contributions (session, KP_CONTRIBUTION_USER_TALK), ==, 1);
      g_assert_cmpuint (kp_session_count_contributions (session, KP_CONTRIBUTION_BREAK), ==, 1);
      g_assert_cmpuint (kp_session_count_contributions (session, KP_CONTRIBUTION_SHARING) +
                        kp_session_count_contributions (session, KP_CONTRIBUTION_GROUP_WORK), >=, 1);
      if (i > 0)
        {
          KpSession *previous = item (sessions, i - 1);
          g_autoptr(GDateTime) end = kp_session_get_end (previous);

          g_assert_cmpint (g_date_time_compare (end, start), <=, 0);
        }
    }
}

static GPtrArray *
read_bundled (void)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *courses = kp_demo_read_courses (&error);

  g_assert_no_error (error);
  g_assert_nonnull (courses);
  g_assert_cmpuint (courses->len, ==, G_N_ELEMENTS (demos));
  return courses;
}

/* The files in data/demo read like any course-plan file, and the bundled copies are the same. */
static void
test_files (void)
{
  g_autoptr(GPtrArray) bundled = read_bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (demos); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                     demos[i].file, NULL);
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(KpCourse) course = kp_plan_read_file (path, warnings, &error);

      g_assert_no_error (error);
      g_assert_nonnull (course);
      g_assert_cmpuint (warnings->len, ==, 0);
      assert_demo_course (course, i);
      assert_demo_course (g_ptr_array_index (bundled, i), i);
    }
}

/* Bokmål: six Thursday evenings 18.00–20.30 across the end of summer time (31 October 2027). */
static void
test_clock_change (void)
{
  g_autoptr(GPtrArray) courses = read_bundled ();
  GListModel *sessions = kp_course_get_sessions (g_ptr_array_index (courses, 0));
  static const int offsets[] = { 2, 2, 2, 2, 1, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      KpSession *session = item (sessions, i);
      GDateTime *start = kp_session_get_start (session);
      g_autoptr(GDateTime) end = kp_session_get_end (session);

      g_assert_cmpint (g_date_time_get_day_of_week (start), ==, 4);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 18);
      g_assert_cmpint (g_date_time_get_minute (start), ==, 0);
      g_assert_cmpint (g_date_time_get_hour (end), ==, 20);
      g_assert_cmpint (g_date_time_get_minute (end), ==, 30);
      g_assert_cmpint (g_date_time_get_utc_offset (start), ==, offsets[i] * G_TIME_SPAN_HOUR);
    }
}

/* Nynorsk: an evaluated course, with a midway and a final form and the evaluation meeting. */
static void
test_evaluations (void)
{
  g_autoptr(GPtrArray) courses = read_bundled ();
  KpCourse *nn = g_ptr_array_index (courses, 1);
  GListModel *evaluations = kp_course_get_evaluations (nn);
  GListModel *sessions = kp_course_get_sessions (nn);
  KpEvaluation *midway, *final, *meeting;

  g_assert_cmpint (kp_course_get_status (nn), ==, KP_COURSE_STATUS_EVALUATED);
  g_assert_cmpuint (g_list_model_get_n_items (evaluations), ==, 3);
  midway = item (evaluations, 0);
  final = item (evaluations, 1);
  meeting = item (evaluations, 2);
  g_assert_cmpint (kp_evaluation_get_kind (midway), ==, KP_EVALUATION_MIDWAY);
  g_assert_cmpuint (kp_evaluation_get_responses (midway), ==, 12);
  g_assert_cmpint (kp_evaluation_get_kind (final), ==, KP_EVALUATION_FINAL);
  g_assert_cmpuint (kp_evaluation_get_responses (final), ==, 10);
  g_assert_cmpint (kp_evaluation_get_kind (meeting), ==, KP_EVALUATION_MEETING);
  g_assert_cmpuint (g_strv_length ((char **) kp_evaluation_get_actions (meeting)), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) kp_evaluation_get_attendees (meeting)), ==, 5);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    g_assert_cmpint (kp_session_get_attended (item (sessions, i)), >=, 10);

  /* The others are still to run: nothing filled in yet. */
  for (guint i = 0; i < courses->len; i++)
    if (i != 1)
      g_assert_cmpuint (g_list_model_get_n_items (
                          kp_course_get_evaluations (g_ptr_array_index (courses, i))), ==, 0);
}

static guint
count_courses (KpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = kp_store_list_courses (store, &error);

  g_assert_no_error (error);
  return list->len;
}

/* A new database gets the demo courses; loading them again updates, never duplicates. */
static void
test_load_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpStore) store = kp_store_new (fixture->path, &error);
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);
  g_assert_true (kp_store_is_new (store));
  g_assert_true (kp_demo_load_if_new (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_courses (store), ==, 3);

  g_assert_true (kp_demo_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (kp_demo_load (store, &error));
  g_assert_no_error (error);
  list = kp_store_list_courses (store, &error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (demos); i++)
    {
      g_autoptr(KpCourse) course = kp_store_load_course (store, demos[i].id, &error);

      g_assert_no_error (error);
      assert_demo_course (course, i);
      /* Loaded twice, changed nothing: no session's revision rose. */
      for (guint j = 0; j < demos[i].n_sessions; j++)
        g_assert_cmpuint (kp_session_get_revision (item (kp_course_get_sessions (course), j)),
                          ==, 0);
    }
  g_clear_object (&store);

  /* An old database is left alone, even one whose user deleted a demo course. */
  store = kp_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (kp_store_is_new (store));
  g_assert_true (kp_store_delete_course (store, SE_ID, &error));
  g_assert_no_error (error);
  g_assert_true (kp_demo_load_if_new (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_courses (store), ==, 2);
  g_assert_false (kp_store_has_course (store, SE_ID));
}

/* A demo course edited in the database is put back in place: same UUIDs, revision raised. */
static void
test_update_in_place (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KpStore) store = kp_store_new (fixture->path, &error);
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(KpCourse) after = NULL;
  g_autofree char *session_id = NULL;
  KpSession *session;
  guint edited_revision;

  g_assert_no_error (error);
  g_assert_true (kp_demo_load (store, &error));
  course = kp_store_load_course (store, NB_ID, &error);
  g_assert_no_error (error);
  session = item (kp_course_get_sessions (course), 2);
  session_id = g_strdup (kp_session_get_id (session));
  kp_session_set_title (session, "Noe annet");
  kp_course_remove_item (course, item (kp_course_get_sessions (course), 5));
  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_no_error (error);
  g_clear_object (&course);

  course = kp_store_load_course (store, NB_ID, &error);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (course)), ==, 5);
  edited_revision = kp_session_get_revision (kp_course_find_session (course, session_id));

  g_assert_true (kp_demo_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_courses (store), ==, 3);
  after = kp_store_load_course (store, NB_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (after)), ==, 6);
  session = kp_course_find_session (after, session_id);
  g_assert_nonnull (session);
  g_assert_cmpstr (kp_session_get_title (session), ==, "Rettigheter og hjelp å få");
  g_assert_cmpuint (kp_session_get_revision (session), ==, edited_revision + 1);
  assert_demo_course (after, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/files", test_files);
  g_test_add_func ("/demo/clock-change", test_clock_change);
  g_test_add_func ("/demo/evaluations", test_evaluations);
  g_test_add ("/demo/load-twice", Fixture, NULL, fixture_set_up, test_load_twice,
              fixture_tear_down);
  g_test_add ("/demo/update-in-place", Fixture, NULL, fixture_set_up, test_update_in_place,
              fixture_tear_down);

  return g_test_run ();
}
