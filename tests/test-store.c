/* test-store.c — the SQLite store: round trips, replacement, listing, finding, migrations,
 * refusals, crashes mid-write and the write-through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "kp-error.h"
#include "kp-store.h"
#include "kp-time.h"

#define COURSE_ID  "3f0b6a8e-2d7c-4c1e-9a51-0d6c1f3b2a10"
#define LEADER_ID  "b1d00000-0000-4000-8000-000000000001"
#define USER1_ID   "b1d00000-0000-4000-8000-000000000002"
#define USER2_ID   "b1d00000-0000-4000-8000-000000000003"
#define DOCTOR_ID  "b1d00000-0000-4000-8000-000000000004"
#define SESSION1   "9a7c0000-0000-4000-8000-000000000001"
#define SESSION2   "9a7c0000-0000-4000-8000-000000000002"
#define SESSION3   "9a7c0000-0000-4000-8000-000000000003"
#define REVIEW_ID  "e7a10000-0000-4000-8000-000000000001"
#define SAMI       "Oahppan ja birgen: čoahkkin, ŋ š ŧ ž đ á ï, Åarjelsaemien"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kursplan-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kursplan.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GDateTime *
oslo (const char *text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GError) error = NULL;
  GDateTime *time = kp_time_parse_local (text, tz, &error);

  g_assert_no_error (error);
  return time;
}

static KpStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  KpStore *store = kp_store_new (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
add_part (KpSession          *session,
          KpContributionKind  kind,
          const char         *member_id,
          const char         *title,
          guint               minutes)
{
  g_autoptr(KpContribution) part = kp_contribution_new (kind, member_id, title, minutes);

  kp_session_add_contribution (session, part);
}

static KpSession *
make_session (const char *id,
              const char *title,
              const char *start)
{
  KpSession *session = kp_session_new (id);

  kp_session_set_title (session, title);
  if (start != NULL)
    {
      g_autoptr(GDateTime) time = oslo (start);
      kp_session_set_start (session, time);
    }
  kp_session_set_minutes (session, 180);
  return session;
}

/* A course with every field set, lists in a telling order, and the edge values. */
static KpCourse *
make_rich_course (void)
{
  KpCourse *course = kp_course_new (COURSE_ID);
  const char * const goals[] = { "Mer kunnskap om sykdommen", "Møte andre", SAMI, NULL };
  const char * const partners[] = { "LHL lokallag", "Frisklivssentralen", NULL };
  const char * const attendees[] = { USER2_ID, LEADER_ID, USER1_ID, NULL };
  const char * const actions[] = { "Mer tid til erfaringsutveksling", "Kortere pauser", NULL };
  const guint usefulness[KP_SCALE_POINTS] = { 0, 0, 1, 5, 6 };
  const guint sharing[KP_SCALE_POINTS] = { 0, 1, 2, 4, 5 };
  g_autoptr(KpMember) leader = kp_member_new (LEADER_ID, KP_ROLE_COURSE_LEADER);
  g_autoptr(KpMember) user1 = kp_member_new (USER1_ID, KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(KpMember) user2 = kp_member_new (USER2_ID, KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(KpMember) doctor = kp_member_new (DOCTOR_ID, KP_ROLE_PROFESSIONAL);
  g_autoptr(KpMeeting) meeting = kp_meeting_new (NULL);
  g_autoptr(KpMeeting) undated = kp_meeting_new (NULL);
  g_autoptr(KpSession) first = make_session (SESSION1, "Hva er kols?", "2027-03-04T12:00");
  g_autoptr(KpSession) second = make_session (SESSION2, SAMI, "2027-03-11T12:00");
  g_autoptr(KpSession) undecided = make_session (SESSION3, NULL, NULL);
  g_autoptr(KpSession) autumn = kp_session_new (NULL);
  g_autoptr(KpEvaluation) midway = kp_evaluation_new (NULL, KP_EVALUATION_MIDWAY);
  g_autoptr(KpEvaluation) review = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);
  g_autoptr(GDateTime) meeting_start = oslo ("2027-01-10T09:00");
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2027, 2, 1, 10, 20, 30.123456);
  /* 02:30 summer time, the first of the two 02:30s: read back naively it would be winter time. */
  g_autoptr(GDateTime) first_half_hour = g_date_time_new_utc (2027, 10, 31, 0, 30, 0);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) ambiguous = g_date_time_to_timezone (first_half_hour, tz);

  for (guint i = 0; i < KP_COURSE_N_TEXTS; i++)
    if (i != KP_COURSE_LANGUAGE && i != KP_COURSE_TIMEZONE)
      {
        g_autofree char *text = g_strdup_printf ("%s — %s", kp_course_text_info (i)->key, SAMI);
        kp_course_set_text (course, i, text);
      }
  kp_course_set_title (course, "Å leve med kols");
  kp_course_set_text (course, KP_COURSE_LANGUAGE, "se");
  kp_course_set_text (course, KP_COURSE_SUBTITLE, NULL);
  kp_course_set_status (course, KP_COURSE_STATUS_RUNNING);
  kp_course_set_management (course, TRUE);
  kp_course_set_condition (course, KP_COURSE_REFERRAL, TRUE);
  kp_course_set_condition (course, KP_COURSE_TRAVEL_REFUND, TRUE);
  kp_course_set_condition (course, KP_COURSE_NO_SHOW_FEE, TRUE);
  kp_course_set_notice_hours (course, 48);
  kp_course_set_capacity (course, 0, 16);
  kp_course_set_registered (course, 11);
  kp_course_set_goals (course, goals);
  kp_course_set_partners (course, partners);

  kp_member_set_key (leader, "leder");
  kp_member_set_name (leader, "Ingrid Nilsen");
  kp_member_set_organisation (leader, "LMS");
  kp_member_set_title (leader, "sykepleier");
  kp_member_set_email (leader, "leder@example.no");
  kp_member_set_phone (leader, "+47 00 00 00 00");
  kp_member_set_public (leader, TRUE);
  kp_member_set_name (user1, "Máret Ánne Sara");
  kp_member_set_organisation (user1, "LHL");
  kp_member_set_public (user1, TRUE);
  kp_member_set_name (user2, "Per Ŋuolga");
  kp_member_set_name (doctor, "Dr. Åse Øren");
  kp_member_set_title (doctor, "lungelege");
  kp_course_add_member (course, leader);
  kp_course_add_member (course, user2);
  kp_course_add_member (course, user1);
  kp_course_add_member (course, doctor);

  kp_meeting_set_start (meeting, meeting_start);
  kp_meeting_set_minutes (meeting, 180);
  kp_meeting_set_attendees (meeting, attendees);
  kp_meeting_set_notes (meeting, SAMI);
  kp_course_add_meeting (course, meeting);
  kp_course_add_meeting (course, undated);

  add_part (first, KP_CONTRIBUTION_PROFESSIONAL_TALK, DOCTOR_ID, "Sykdomslære", 60);
  add_part (first, KP_CONTRIBUTION_USER_TALK, USER1_ID, "Min hverdag", 30);
  add_part (first, KP_CONTRIBUTION_SHARING, NULL, NULL, 45);
  add_part (first, KP_CONTRIBUTION_BREAK, NULL, NULL, 15);
  kp_session_set_attended (first, 0);
  kp_session_set_notes (first, "Gikk fint");
  kp_session_set_revision (first, 7);
  kp_session_set_modified (first, modified);
  kp_session_set_location (second, "Helsehuset", NULL, "Storgata 1, 9700 Leavdnja");
  kp_session_set_status (second, KP_SESSION_STATUS_CANCELLED);
  kp_session_set_attended (second, 12);
  add_part (second, KP_CONTRIBUTION_GROUP_WORK, NULL, SAMI, 90);
  kp_session_set_revision (undecided, 0);
  kp_session_set_modified (undecided, NULL);
  kp_session_set_title (autumn, "Natt til vintertid");
  kp_session_set_start (autumn, ambiguous);
  kp_session_set_minutes (autumn, 60);

  /* Out of time order on purpose: the store keeps the list's order. */
  kp_course_add_session (course, second);
  kp_course_add_session (course, first);
  kp_course_add_session (course, undecided);
  kp_course_add_session (course, autumn);

  kp_evaluation_set_after_session (midway, 2);
  kp_evaluation_set_responses (midway, 12);
  kp_evaluation_set_scores (midway, "usefulness", usefulness);
  kp_evaluation_set_scores (midway, "sharing", sharing);
  kp_evaluation_set_notes (midway, SAMI);
  kp_evaluation_set_date (review, "2027-04-15");
  kp_evaluation_set_attendees (review, attendees);
  kp_evaluation_set_actions (review, actions);
  kp_evaluation_set_action_done (review, actions[1], TRUE);
  kp_course_add_evaluation (course, midway);
  kp_course_add_evaluation (course, review);

  return course;
}

static void
assert_strv_equal (const char * const *a,
                   const char * const *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_null (a);
      g_assert_null (b);
      return;
    }
  g_assert_cmpstrv (a, b);
}

static void
assert_times_equal (GDateTime *a,
                    GDateTime *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_null (a);
      g_assert_null (b);
      return;
    }
  g_assert_true (g_date_time_equal (a, b));
  g_assert_cmpint (g_date_time_get_utc_offset (a), ==, g_date_time_get_utc_offset (b));
  g_assert_cmpint (g_date_time_get_hour (a), ==, g_date_time_get_hour (b));
  g_assert_cmpint (g_date_time_get_microsecond (a), ==, g_date_time_get_microsecond (b));
}

static void
assert_courses_equal (KpCourse *a,
                      KpCourse *b)
{
  GListModel *la, *lb;

  g_assert_cmpstr (kp_course_get_id (a), ==, kp_course_get_id (b));
  for (guint i = 0; i < KP_COURSE_N_TEXTS; i++)
    g_assert_cmpstr (kp_course_get_text (a, i), ==, kp_course_get_text (b, i));
  g_assert_cmpint (kp_course_get_status (a), ==, kp_course_get_status (b));
  g_assert_cmpint (kp_course_get_management (a), ==, kp_course_get_management (b));
  for (KpCourseCondition c = 0; c < KP_COURSE_N_CONDITIONS; c++)
    g_assert_cmpint (kp_course_get_condition (a, c), ==, kp_course_get_condition (b, c));
  g_assert_cmpuint (kp_course_get_notice_hours (a), ==, kp_course_get_notice_hours (b));
  g_assert_cmpint (kp_course_get_capacity_min (a), ==, kp_course_get_capacity_min (b));
  g_assert_cmpint (kp_course_get_capacity_max (a), ==, kp_course_get_capacity_max (b));
  g_assert_cmpuint (kp_course_get_registered (a), ==, kp_course_get_registered (b));
  assert_strv_equal (kp_course_get_goals (a), kp_course_get_goals (b));
  assert_strv_equal (kp_course_get_partners (a), kp_course_get_partners (b));

  la = kp_course_get_members (a);
  lb = kp_course_get_members (b);
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(KpMember) ma = g_list_model_get_item (la, i);
      g_autoptr(KpMember) mb = g_list_model_get_item (lb, i);

      g_assert_cmpstr (kp_member_get_id (ma), ==, kp_member_get_id (mb));
      g_assert_cmpstr (kp_member_get_key (ma), ==, kp_member_get_key (mb));
      g_assert_cmpstr (kp_member_get_name (ma), ==, kp_member_get_name (mb));
      g_assert_cmpint (kp_member_get_role (ma), ==, kp_member_get_role (mb));
      g_assert_cmpstr (kp_member_get_organisation (ma), ==, kp_member_get_organisation (mb));
      g_assert_cmpstr (kp_member_get_title (ma), ==, kp_member_get_title (mb));
      g_assert_cmpstr (kp_member_get_email (ma), ==, kp_member_get_email (mb));
      g_assert_cmpstr (kp_member_get_phone (ma), ==, kp_member_get_phone (mb));
      g_assert_cmpint (kp_member_get_public (ma), ==, kp_member_get_public (mb));
    }

  la = kp_course_get_meetings (a);
  lb = kp_course_get_meetings (b);
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(KpMeeting) ma = g_list_model_get_item (la, i);
      g_autoptr(KpMeeting) mb = g_list_model_get_item (lb, i);

      g_assert_cmpstr (kp_meeting_get_id (ma), ==, kp_meeting_get_id (mb));
      assert_times_equal (kp_meeting_get_start (ma), kp_meeting_get_start (mb));
      g_assert_cmpuint (kp_meeting_get_minutes (ma), ==, kp_meeting_get_minutes (mb));
      assert_strv_equal (kp_meeting_get_attendees (ma), kp_meeting_get_attendees (mb));
      g_assert_cmpstr (kp_meeting_get_notes (ma), ==, kp_meeting_get_notes (mb));
    }

  la = kp_course_get_sessions (a);
  lb = kp_course_get_sessions (b);
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(KpSession) sa = g_list_model_get_item (la, i);
      g_autoptr(KpSession) sb = g_list_model_get_item (lb, i);
      GListModel *ca = kp_session_get_contributions (sa);
      GListModel *cb = kp_session_get_contributions (sb);

      g_assert_cmpstr (kp_session_get_id (sa), ==, kp_session_get_id (sb));
      g_assert_cmpstr (kp_session_get_title (sa), ==, kp_session_get_title (sb));
      assert_times_equal (kp_session_get_start (sa), kp_session_get_start (sb));
      g_assert_cmpuint (kp_session_get_minutes (sa), ==, kp_session_get_minutes (sb));
      g_assert_cmpstr (kp_session_get_location_name (sa), ==, kp_session_get_location_name (sb));
      g_assert_cmpstr (kp_session_get_location_room (sa), ==, kp_session_get_location_room (sb));
      g_assert_cmpstr (kp_session_get_location_address (sa), ==,
                       kp_session_get_location_address (sb));
      g_assert_cmpint (kp_session_get_status (sa), ==, kp_session_get_status (sb));
      g_assert_cmpint (kp_session_get_attended (sa), ==, kp_session_get_attended (sb));
      g_assert_cmpstr (kp_session_get_notes (sa), ==, kp_session_get_notes (sb));
      g_assert_cmpuint (kp_session_get_revision (sa), ==, kp_session_get_revision (sb));
      assert_times_equal (kp_session_get_modified (sa), kp_session_get_modified (sb));

      g_assert_cmpuint (g_list_model_get_n_items (ca), ==, g_list_model_get_n_items (cb));
      for (guint j = 0; j < g_list_model_get_n_items (ca); j++)
        {
          g_autoptr(KpContribution) xa = g_list_model_get_item (ca, j);
          g_autoptr(KpContribution) xb = g_list_model_get_item (cb, j);

          g_assert_cmpint (kp_contribution_get_kind (xa), ==, kp_contribution_get_kind (xb));
          g_assert_cmpstr (kp_contribution_get_member_id (xa), ==,
                           kp_contribution_get_member_id (xb));
          g_assert_cmpstr (kp_contribution_get_title (xa), ==, kp_contribution_get_title (xb));
          g_assert_cmpuint (kp_contribution_get_minutes (xa), ==,
                            kp_contribution_get_minutes (xb));
        }
    }

  la = kp_course_get_evaluations (a);
  lb = kp_course_get_evaluations (b);
  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(KpEvaluation) ea = g_list_model_get_item (la, i);
      g_autoptr(KpEvaluation) eb = g_list_model_get_item (lb, i);
      g_auto(GStrv) qa = kp_evaluation_dup_questions (ea);
      g_auto(GStrv) qb = kp_evaluation_dup_questions (eb);

      g_assert_cmpstr (kp_evaluation_get_id (ea), ==, kp_evaluation_get_id (eb));
      g_assert_cmpint (kp_evaluation_get_kind (ea), ==, kp_evaluation_get_kind (eb));
      g_assert_cmpuint (kp_evaluation_get_after_session (ea), ==,
                        kp_evaluation_get_after_session (eb));
      g_assert_cmpuint (kp_evaluation_get_responses (ea), ==, kp_evaluation_get_responses (eb));
      g_assert_cmpstrv (qa, qb);
      for (guint q = 0; qa[q] != NULL; q++)
        g_assert_cmpmem (kp_evaluation_get_scores (ea, qa[q]), KP_SCALE_POINTS * sizeof (guint),
                         kp_evaluation_get_scores (eb, qa[q]), KP_SCALE_POINTS * sizeof (guint));
      g_assert_cmpstr (kp_evaluation_get_date (ea), ==, kp_evaluation_get_date (eb));
      assert_strv_equal (kp_evaluation_get_attendees (ea), kp_evaluation_get_attendees (eb));
      g_assert_cmpstr (kp_evaluation_get_notes (ea), ==, kp_evaluation_get_notes (eb));
      assert_strv_equal (kp_evaluation_get_actions (ea), kp_evaluation_get_actions (eb));
      for (guint j = 0; kp_evaluation_get_actions (ea) != NULL &&
                        kp_evaluation_get_actions (ea)[j] != NULL; j++)
        {
          const char *action = kp_evaluation_get_actions (ea)[j];

          g_assert_cmpint (kp_evaluation_get_action_done (ea, action), ==,
                           kp_evaluation_get_action_done (eb, action));
        }
    }
}

static void
save (KpStore  *store,
      KpCourse *course)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_no_error (error);
}

static KpCourse *
load (KpStore    *store,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  KpCourse *course = kp_store_load_course (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (course);
  return course;
}

/* One number from SQL, read with a connection of the test's own. */
static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

static void
test_round_trip_keeps_every_field (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpStore) other = NULL;
  g_autoptr(KpCourse) loaded = NULL;
  g_autoptr(KpSession) autumn = NULL;

  g_assert_true (kp_store_is_new (store));
  save (store, course);

  /* A second connection sees what the first committed. */
  other = open_store (fixture->path);
  g_assert_false (kp_store_is_new (other));
  loaded = load (other, COURSE_ID);
  assert_courses_equal (course, loaded);

  /* Spot checks, in case both sides were wrong the same way. */
  g_assert_cmpstr (kp_course_get_language (loaded), ==, "se");
  g_assert_null (kp_course_get_text (loaded, KP_COURSE_SUBTITLE));
  g_assert_cmpint (kp_course_get_capacity_min (loaded), ==, 0);
  g_assert_cmpstr (kp_course_get_goals (loaded)[2], ==, SAMI);
  autumn = g_list_model_get_item (kp_course_get_sessions (loaded), 3);
  g_assert_cmpint (g_date_time_get_hour (kp_session_get_start (autumn)), ==, 2);
  g_assert_cmpint (g_date_time_get_minute (kp_session_get_start (autumn)), ==, 30);
  g_assert_cmpint (g_date_time_get_utc_offset (kp_session_get_start (autumn)), ==,
                   2 * G_TIME_SPAN_HOUR);
  {
    g_autoptr(KpSession) first = g_list_model_get_item (kp_course_get_sessions (loaded), 1);
    g_autoptr(KpSession) undecided = g_list_model_get_item (kp_course_get_sessions (loaded), 2);

    g_assert_cmpstr (kp_session_get_id (first), ==, SESSION1);
    g_assert_cmpuint (kp_session_get_revision (first), ==, 7);
    g_assert_cmpint (kp_session_get_attended (first), ==, 0);
    g_assert_cmpint (g_date_time_get_microsecond (kp_session_get_modified (first)), ==, 123456);
    g_assert_cmpint (kp_session_get_attended (undecided), ==, -1);
    g_assert_null (kp_session_get_start (undecided));
    g_assert_null (kp_session_get_modified (undecided));
  }

  /* Saving what was loaded changes nothing. */
  save (other, loaded);
  g_clear_object (&loaded);
  loaded = load (store, COURSE_ID);
  assert_courses_equal (course, loaded);
}

static void
test_update_replaces_children (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpCourse) loaded = NULL;
  g_autoptr(KpSession) first = NULL;
  g_autoptr(KpEvaluation) midway = NULL;
  g_autoptr(KpMember) doctor = NULL;

  save (store, course);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM contributions"), ==, 5);

  /* Drop a session, a member and an evaluation; change a contribution; sort. */
  first = g_object_ref (kp_course_find_session (course, SESSION1));
  g_assert_true (kp_course_remove_item (course, kp_course_find_session (course, SESSION2)));
  doctor = g_object_ref (kp_course_find_member (course, DOCTOR_ID));
  g_assert_true (kp_course_remove_item (course, doctor));
  midway = g_list_model_get_item (kp_course_get_evaluations (course), 0);
  g_assert_true (kp_course_remove_item (course, midway));
  kp_session_remove_contribution (first, 0);
  kp_course_sort_sessions (course);
  kp_course_set_title (course, "Å leve med kols, andre gang");
  kp_course_set_goals (course, NULL);
  save (store, course);

  loaded = load (store, COURSE_ID);
  assert_courses_equal (course, loaded);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_sessions (loaded)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_members (loaded)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_evaluations (loaded)), ==, 1);
  g_assert_null (kp_course_get_goals (loaded));

  /* Nothing of the old children is left behind. */
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM courses"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sessions"), ==, 3);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM contributions"), ==, 3);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM members"), ==, 3);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM evaluation_scores"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM evaluation_actions"), ==, 2);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KpCourse) gone = NULL;

  save (store, course);
  g_assert_true (kp_store_has_course (store, COURSE_ID));
  g_assert_true (kp_store_delete_course (store, COURSE_ID, &error));
  g_assert_no_error (error);
  g_assert_false (kp_store_has_course (store, COURSE_ID));

  gone = kp_store_load_course (store, COURSE_ID, &error);
  g_assert_error (error, KP_ERROR, KP_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  g_assert_false (kp_store_delete_course (store, COURSE_ID, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_NOT_FOUND);

  g_assert_cmpint (query_int (fixture->path,
                              "SELECT (SELECT count(*) FROM sessions) + "
                              "(SELECT count(*) FROM contributions) + "
                              "(SELECT count(*) FROM members) + "
                              "(SELECT count(*) FROM meetings) + "
                              "(SELECT count(*) FROM meeting_attendees) + "
                              "(SELECT count(*) FROM evaluations) + "
                              "(SELECT count(*) FROM evaluation_scores) + "
                              "(SELECT count(*) FROM evaluation_attendees) + "
                              "(SELECT count(*) FROM evaluation_actions)"), ==, 0);
}

static KpCourse *
make_dated_course (const char *title,
                   const char *timezone,
                   const char *first,
                   const char *last)
{
  KpCourse *course = kp_course_new (NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (timezone);

  kp_course_set_title (course, title);
  kp_course_set_text (course, KP_COURSE_TIMEZONE, timezone);
  if (first != NULL)
    {
      g_autoptr(KpSession) s1 = kp_session_new (NULL);
      g_autoptr(KpSession) s2 = kp_session_new (NULL);
      g_autoptr(GDateTime) t1 = kp_time_parse_local (first, tz, NULL);
      g_autoptr(GDateTime) t2 = kp_time_parse_local (last, tz, NULL);

      kp_session_set_start (s2, t2);
      kp_session_set_start (s1, t1);
      kp_course_add_session (course, s2);
      kp_course_add_session (course, s1);
    }
  return course;
}

static void
test_list_order_and_summaries (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpCourse) idea = make_dated_course ("Aaa uten datoer", "Europe/Oslo", NULL, NULL);
  g_autoptr(KpCourse) spring = make_dated_course ("Kols", "Europe/Oslo",
                                                  "2027-03-04T12:00", "2027-03-25T12:00");
  g_autoptr(KpCourse) spring_b = make_dated_course ("Diabetes", "Europe/Oslo",
                                                    "2027-03-04T12:00", "2027-03-11T12:00");
  /* A day before the Oslo courses, in its own zone. */
  g_autoptr(KpCourse) london = make_dated_course ("Pårørende", "Europe/London",
                                                  "2027-03-03T08:00", "2027-03-03T10:00");
  g_autoptr(KpCourse) autumn = make_dated_course ("Åpen dag", "Europe/Oslo",
                                                  "2027-10-07T18:00", "2027-10-07T18:00");
  g_autoptr(GPtrArray) courses = g_ptr_array_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  KpCourseSummary *summary;
  GDateTime *start;

  kp_course_set_status (spring, KP_COURSE_STATUS_PLANNING);
  kp_course_set_text (spring, KP_COURSE_SUBTITLE, "For deg som har kols");
  kp_course_set_text (spring, KP_COURSE_LANGUAGE, "nn");
  g_ptr_array_add (courses, idea);
  g_ptr_array_add (courses, autumn);
  g_ptr_array_add (courses, spring);
  g_ptr_array_add (courses, london);
  g_ptr_array_add (courses, spring_b);
  g_assert_true (kp_store_save_courses (store, courses, &error));
  g_assert_no_error (error);

  list = kp_store_list_courses (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpstr (kp_course_summary_get_title (g_ptr_array_index (list, 0)), ==, "Pårørende");
  g_assert_cmpstr (kp_course_summary_get_title (g_ptr_array_index (list, 1)), ==, "Diabetes");
  g_assert_cmpstr (kp_course_summary_get_title (g_ptr_array_index (list, 2)), ==, "Kols");
  g_assert_cmpstr (kp_course_summary_get_title (g_ptr_array_index (list, 3)), ==, "Åpen dag");
  g_assert_cmpstr (kp_course_summary_get_title (g_ptr_array_index (list, 4)), ==,
                   "Aaa uten datoer");

  summary = g_ptr_array_index (list, 2);
  g_assert_cmpstr (kp_course_summary_get_id (summary), ==, kp_course_get_id (spring));
  g_assert_cmpstr (kp_course_summary_get_subtitle (summary), ==, "For deg som har kols");
  g_assert_cmpstr (kp_course_summary_get_language (summary), ==, "nn");
  g_assert_cmpint (kp_course_summary_get_status (summary), ==, KP_COURSE_STATUS_PLANNING);
  g_assert_cmpuint (kp_course_summary_get_n_sessions (summary), ==, 2);
  start = kp_course_summary_get_first_start (summary);
  g_assert_cmpint (g_date_time_get_day_of_month (start), ==, 4);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 12);
  start = kp_course_summary_get_last_start (summary);
  g_assert_cmpint (g_date_time_get_day_of_month (start), ==, 25);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 12);
  g_assert_cmpint (g_date_time_get_utc_offset (start), ==, G_TIME_SPAN_HOUR);

  /* First start in the course's own zone. */
  summary = g_ptr_array_index (list, 0);
  start = kp_course_summary_get_first_start (summary);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 8);
  g_assert_cmpint (g_date_time_get_utc_offset (start), ==, 0);

  /* Autumn: summer time, +2. */
  summary = g_ptr_array_index (list, 3);
  g_assert_cmpint (g_date_time_get_hour (kp_course_summary_get_first_start (summary)), ==, 18);
  g_assert_cmpint (g_date_time_get_utc_offset (kp_course_summary_get_first_start (summary)), ==,
                   2 * G_TIME_SPAN_HOUR);

  summary = g_ptr_array_index (list, 4);
  g_assert_null (kp_course_summary_get_first_start (summary));
  g_assert_null (kp_course_summary_get_last_start (summary));
  g_assert_cmpuint (kp_course_summary_get_n_sessions (summary), ==, 0);
  g_assert_cmpint (kp_course_summary_get_status (summary), ==, KP_COURSE_STATUS_IDEA);
  g_assert_cmpstr (kp_course_summary_get_language (summary), ==, "nb");
  /* The list's "N of M" counts the method's requirements: an empty course misses all 15; the
   * capacity, a recommendation, is not among them. */
  g_assert_cmpuint (kp_course_summary_get_checks_met (summary), ==, 0);
  g_assert_cmpuint (kp_course_summary_get_checks_total (summary), ==, 15);

  /* Properties say the same as the getters. */
  {
    g_autofree char *title = NULL;
    guint n_sessions;

    g_object_get (g_ptr_array_index (list, 2), "title", &title, "n-sessions", &n_sessions, NULL);
    g_assert_cmpstr (title, ==, "Kols");
    g_assert_cmpuint (n_sessions, ==, 2);
  }
}

static void
test_find_by_id_and_title (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpCourse) twin1 = kp_course_new ("11111111-1111-4111-8111-111111111111");
  g_autoptr(KpCourse) twin2 = kp_course_new ("22222222-2222-4222-8222-222222222222");
  g_autoptr(GError) error = NULL;
  g_autofree char *by_id = NULL;
  g_autofree char *by_title = NULL;
  char *none;

  kp_course_set_title (twin1, "Pårørendeskole");
  kp_course_set_title (twin2, "Pårørendeskole");
  save (store, course);
  save (store, twin1);
  save (store, twin2);

  by_id = kp_store_find_course_id (store, COURSE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_id, ==, COURSE_ID);

  by_title = kp_store_find_course_id (store, "Å leve med kols", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (by_title, ==, COURSE_ID);

  none = kp_store_find_course_id (store, "Å leve med kol", &error);
  g_assert_null (none);
  g_assert_error (error, KP_ERROR, KP_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No course is called “Å leve med kol”");
  g_clear_error (&error);

  none = kp_store_find_course_id (store, "99999999-9999-4999-8999-999999999999", &error);
  g_assert_null (none);
  g_assert_error (error, KP_ERROR, KP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  none = kp_store_find_course_id (store, "Pårørendeskole", &error);
  g_assert_null (none);
  g_assert_error (error, KP_ERROR, KP_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "11111111-1111-4111-8111-111111111111"));
  g_assert_nonnull (strstr (error->message, "22222222-2222-4222-8222-222222222222"));
}

static void
test_file_is_private (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *nested = g_build_filename (fixture->dir, "data", "kursplan", NULL);
  g_autofree char *path = g_build_filename (nested, "kursplan.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(KpStore) store = NULL;
  g_autoptr(KpCourse) course = make_rich_course ();
  GStatBuf st;

  store = open_store (path);
  save (store, course);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  g_assert_cmpstr (kp_store_get_path (store), ==, path);
  {
    g_autofree char *journal = query_text (path, "PRAGMA journal_mode");
    g_assert_cmpstr (journal, ==, "wal");
  }
}

static void
test_default_path (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;

  g_setenv ("KURSPLAN_DB", "/tmp/elsewhere.db", TRUE);
  path = kp_store_dup_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/elsewhere.db");
  g_free (path);

  g_unsetenv ("KURSPLAN_DB");
  path = kp_store_dup_default_path ();
  expected = g_build_filename (g_get_user_data_dir (), "kursplan", "kursplan.db", NULL);
  g_assert_cmpstr (path, ==, expected);
}

/* Version 1 as it shipped; the test keeps its own copy, as an old file on disk would. */
static const char schema_v1[] =
  "PRAGMA application_id = 1265650798;"
  "CREATE TABLE courses (cid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
  "  title TEXT, subtitle TEXT, language TEXT, timezone TEXT, need TEXT, target_group TEXT,"
  "  frame TEXT, content TEXT, methods TEXT, evaluation_plan TEXT, organiser TEXT,"
  "  agreement TEXT, location_name TEXT, location_room TEXT, location_address TEXT, price TEXT,"
  "  registration_deadline TEXT, registration_email TEXT, registration_phone TEXT,"
  "  registration_url TEXT, status TEXT NOT NULL, management INTEGER NOT NULL DEFAULT 0,"
  "  capacity_min INTEGER NOT NULL DEFAULT 0, capacity_max INTEGER NOT NULL DEFAULT 0,"
  "  registered INTEGER NOT NULL DEFAULT 0, goals TEXT, partners TEXT, first_start INTEGER,"
  "  last_start INTEGER, n_sessions INTEGER NOT NULL DEFAULT 0,"
  "  checks_met INTEGER NOT NULL DEFAULT 0, checks_total INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX courses_by_start ON courses (first_start, title);"
  "CREATE INDEX courses_by_title ON courses (title);"
  "CREATE TABLE members (course INTEGER NOT NULL REFERENCES courses (cid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, id TEXT NOT NULL, key TEXT, name TEXT, role TEXT NOT NULL,"
  "  organisation TEXT, title TEXT, email TEXT, phone TEXT, public INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (course, position), UNIQUE (course, id)) WITHOUT ROWID;"
  "CREATE TABLE meetings (mid INTEGER PRIMARY KEY,"
  "  course INTEGER NOT NULL REFERENCES courses (cid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, id TEXT NOT NULL, start TEXT, start_offset INTEGER,"
  "  minutes INTEGER NOT NULL DEFAULT 0, notes TEXT, UNIQUE (course, position),"
  "  UNIQUE (course, id));"
  "CREATE TABLE meeting_attendees ("
  "  meeting INTEGER NOT NULL REFERENCES meetings (mid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, member_id TEXT NOT NULL,"
  "  PRIMARY KEY (meeting, position)) WITHOUT ROWID;"
  "CREATE TABLE sessions (sid INTEGER PRIMARY KEY,"
  "  course INTEGER NOT NULL REFERENCES courses (cid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, id TEXT NOT NULL, title TEXT, start TEXT, start_offset INTEGER,"
  "  minutes INTEGER NOT NULL DEFAULT 0, location_name TEXT, location_room TEXT,"
  "  location_address TEXT, status TEXT NOT NULL, attended INTEGER NOT NULL DEFAULT -1,"
  "  UNIQUE (course, position), UNIQUE (course, id));"
  "CREATE TABLE contributions ("
  "  session INTEGER NOT NULL REFERENCES sessions (sid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, kind TEXT NOT NULL, member_id TEXT, title TEXT,"
  "  minutes INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (session, position)) WITHOUT ROWID;"
  "CREATE TABLE evaluations (eid INTEGER PRIMARY KEY,"
  "  course INTEGER NOT NULL REFERENCES courses (cid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL,"
  "  after_session INTEGER NOT NULL DEFAULT 0, responses INTEGER NOT NULL DEFAULT 0, date TEXT,"
  "  notes TEXT, UNIQUE (course, position), UNIQUE (course, id));"
  "CREATE TABLE evaluation_scores ("
  "  evaluation INTEGER NOT NULL REFERENCES evaluations (eid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, question TEXT NOT NULL, count1 INTEGER NOT NULL,"
  "  count2 INTEGER NOT NULL, count3 INTEGER NOT NULL, count4 INTEGER NOT NULL,"
  "  count5 INTEGER NOT NULL, PRIMARY KEY (evaluation, position)) WITHOUT ROWID;"
  "CREATE TABLE evaluation_attendees ("
  "  evaluation INTEGER NOT NULL REFERENCES evaluations (eid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, member_id TEXT NOT NULL,"
  "  PRIMARY KEY (evaluation, position)) WITHOUT ROWID;"
  "CREATE TABLE evaluation_actions ("
  "  evaluation INTEGER NOT NULL REFERENCES evaluations (eid) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, action TEXT NOT NULL,"
  "  PRIMARY KEY (evaluation, position)) WITHOUT ROWID;"
  "PRAGMA user_version = 1;";

static void
test_migrates_version_1 (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KpStore) store = NULL;
  g_autoptr(KpCourse) course = NULL;
  g_autoptr(KpSession) session = NULL;
  g_autoptr(KpContribution) talk = NULL;
  g_autoptr(KpEvaluation) review = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char * const goals[] = { "Mestring", "Fellesskap", NULL };
  const char * const actions[] = { "Guhkit boddu", "Eambbo áigi ságastallamii", NULL };

  exec_sql (fixture->path, schema_v1);
  exec_sql (fixture->path,
            "INSERT INTO courses (cid, id, title, language, timezone, status, capacity_max,"
            "  goals, first_start, last_start, n_sessions)"
            "  VALUES (1, '" COURSE_ID "', 'Kursa: oahppan ja birgen', 'se', 'Europe/Oslo',"
            "  'ready', 12, '[\"Mestring\",\"Fellesskap\"]', 1804158000, 1804158000, 1);"
            "INSERT INTO members (course, position, id, name, role, public)"
            "  VALUES (1, 0, '" USER1_ID "', 'Máret', 'user_representative', 1);"
            "INSERT INTO sessions (sid, course, position, id, title, start, start_offset,"
            "  minutes, status, attended)"
            "  VALUES (1, 1, 0, '" SESSION1 "', 'Vuosttaš čoahkkin', '2027-03-04T12:00:00',"
            "  3600, 150, 'planned', 9);"
            "INSERT INTO contributions (session, position, kind, member_id, title, minutes)"
            "  VALUES (1, 0, 'user_talk', '" USER1_ID "', 'Mu árgabeaivi', 30);"
            "INSERT INTO evaluations (eid, course, position, id, kind, date)"
            "  VALUES (1, 1, 0, '" REVIEW_ID "', 'meeting', '2027-04-15');"
            "INSERT INTO evaluation_actions (evaluation, position, action)"
            "  VALUES (1, 0, 'Guhkit boddu'), (1, 1, 'Eambbo áigi ságastallamii');");
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 1);

  store = open_store (fixture->path);
  g_assert_false (kp_store_is_new (store));
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, KP_STORE_SCHEMA_VERSION);

  course = load (store, COURSE_ID);
  g_assert_cmpstr (kp_course_get_title (course), ==, "Kursa: oahppan ja birgen");
  g_assert_cmpstr (kp_course_get_language (course), ==, "se");
  g_assert_cmpint (kp_course_get_status (course), ==, KP_COURSE_STATUS_READY);
  g_assert_cmpint (kp_course_get_capacity_max (course), ==, 12);
  g_assert_cmpstrv (kp_course_get_goals (course), goals);
  /* Schema 7's brochure fields: unset until the group says. */
  g_assert_null (kp_course_get_text (course, KP_COURSE_LOCATION_ACCESSIBILITY));
  for (KpCourseCondition c = 0; c < KP_COURSE_N_CONDITIONS; c++)
    g_assert_false (kp_course_get_condition (course, c));
  g_assert_cmpuint (g_list_model_get_n_items (kp_course_get_members (course)), ==, 1);

  session = g_list_model_get_item (kp_course_get_sessions (course), 0);
  g_assert_cmpstr (kp_session_get_id (session), ==, SESSION1);
  g_assert_cmpstr (kp_session_get_title (session), ==, "Vuosttaš čoahkkin");
  g_assert_cmpint (g_date_time_get_hour (kp_session_get_start (session)), ==, 12);
  g_assert_cmpuint (kp_session_get_minutes (session), ==, 150);
  g_assert_cmpint (kp_session_get_attended (session), ==, 9);
  /* The columns version 2 added start empty. */
  g_assert_null (kp_session_get_notes (session));
  g_assert_cmpuint (kp_session_get_revision (session), ==, 0);
  g_assert_null (kp_session_get_modified (session));

  talk = g_list_model_get_item (kp_session_get_contributions (session), 0);
  g_assert_cmpint (kp_contribution_get_kind (talk), ==, KP_CONTRIBUTION_USER_TALK);
  g_assert_cmpstr (kp_contribution_get_title (talk), ==, "Mu árgabeaivi");

  list = kp_store_list_courses (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  /* The meeting's actions come through version 5 with none ticked off. */
  review = g_list_model_get_item (kp_course_get_evaluations (course), 0);
  g_assert_cmpstrv (kp_evaluation_get_actions (review), actions);
  g_assert_null (kp_evaluation_get_done_actions (review));
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM evaluation_actions WHERE done = 0"), ==, 2);

  /* And the migrated file takes the new columns. */
  kp_session_set_notes (session, "Buorre");
  kp_evaluation_set_action_done (review, "Eambbo áigi ságastallamii", TRUE);
  save (store, course);
  g_clear_object (&course);
  g_clear_object (&session);
  g_clear_object (&review);
  course = load (store, COURSE_ID);
  session = g_list_model_get_item (kp_course_get_sessions (course), 0);
  g_assert_cmpstr (kp_session_get_notes (session), ==, "Buorre");
  review = g_list_model_get_item (kp_course_get_evaluations (course), 0);
  g_assert_false (kp_evaluation_get_action_done (review, "Guhkit boddu"));
  g_assert_true (kp_evaluation_get_action_done (review, "Eambbo áigi ságastallamii"));
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT position FROM evaluation_actions WHERE done = 1"), ==, 1);
}

static gchar *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_refuses_newer_version (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  KpStore *store;

  exec_sql (fixture->path,
            "PRAGMA application_id = 1265650798;"
            "CREATE TABLE courses (cid INTEGER PRIMARY KEY, id TEXT, shape BLOB);"
            "PRAGMA user_version = 99;");
  before = read_file (fixture->path, &before_length);

  store = kp_store_new (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, KP_ERROR, KP_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "newer version of Kursplan"));
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = read_file (fixture->path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 99);
}

static void
test_refuses_other_files (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.db", NULL);
  g_autofree char *contents = NULL;
  KpStore *store;

  g_file_set_contents (text, "Dette er ikke en database, bare et notat som er langt nok.\n"
                             "Dette er ikke en database, bare et notat som er langt nok.\n",
                       -1, &error);
  g_assert_no_error (error);
  store = kp_store_new (text, &error);
  g_assert_null (store);
  g_assert_error (error, KP_ERROR, KP_ERROR_STORE);
  g_assert_cmpstr (strstr (error->message, "is not a Kursplan database"), !=, NULL);
  g_clear_error (&error);
  contents = read_file (text, NULL);
  g_assert_true (g_str_has_prefix (contents, "Dette er ikke"));

  exec_sql (foreign, "CREATE TABLE photos (id INTEGER PRIMARY KEY, data BLOB);");
  store = kp_store_new (foreign, &error);
  g_assert_null (store);
  g_assert_error (error, KP_ERROR, KP_ERROR_STORE);
  g_assert_cmpstr (strstr (error->message, "is not a Kursplan database"), !=, NULL);
  g_clear_error (&error);

  /* A folder where the file should be: a clear message, not a crash. */
  store = kp_store_new (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, KP_ERROR, KP_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, fixture->dir));
  g_clear_error (&error);

  /* A folder that cannot be made. */
  {
    g_autofree char *below_file = g_build_filename (text, "kursplan.db", NULL);

    store = kp_store_new (below_file, &error);
    g_assert_null (store);
    g_assert_error (error, KP_ERROR, KP_ERROR_STORE);
    g_assert_nonnull (strstr (error->message, "cannot"));
    g_clear_error (&error);
  }

  /* Root may write anything, so the read-only case only means something for others. */
  if (getuid () != 0)
    {
      g_autofree char *readonly = g_build_filename (fixture->dir, "readonly.db", NULL);
      g_autoptr(KpStore) first = open_store (readonly);

      g_clear_object (&first);
      g_chmod (readonly, 0400);
      store = kp_store_new (readonly, &error);
      g_assert_null (store);
      g_assert_error (error, KP_ERROR, KP_ERROR_STORE);
      g_assert_nonnull (strstr (error->message, "cannot write"));
    }
}

static void
test_failed_statement_rolls_back (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpCourse) loaded = NULL;
  g_autoptr(KpCourse) broken = NULL;
  g_autoptr(KpSession) twin = kp_session_new (SESSION1);
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;

  save (store, course);

  /* A second session with the first one's id fails late, after the old children are gone. */
  broken = load (store, COURSE_ID);
  kp_course_set_title (broken, "Skal ikke lagres");
  kp_course_add_session (broken, twin);
  g_assert_false (kp_store_save_course (store, broken, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "Skal ikke lagres"));

  loaded = load (store, COURSE_ID);
  assert_courses_equal (course, loaded);

  /* Several courses are saved together or not at all. */
  {
    g_autoptr(KpCourse) fresh = kp_course_new (NULL);
    g_autoptr(GPtrArray) both = g_ptr_array_new ();

    kp_course_set_title (fresh, "Ny og gyldig");
    g_ptr_array_add (both, fresh);
    g_ptr_array_add (both, broken);
    g_clear_error (&error);
    g_assert_false (kp_store_save_courses (store, both, &error));
    g_assert_error (error, KP_ERROR, KP_ERROR_STORE);
    g_assert_false (kp_store_has_course (store, kp_course_get_id (fresh)));
    g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM courses"), ==, 1);
  }

  check = query_text (fixture->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

/* A session's UUID is its calendar UID: a copy of a course under another course id, still holding
 * the original's session ids, is refused with the session named, and nothing changes. */
static void
test_refuses_session_of_another_course (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpCourse) copy = kp_course_new ("c0b10000-0000-4000-8000-000000000001");
  g_autoptr(KpCourse) fresh = kp_course_new ("c0b10000-0000-4000-8000-000000000002");
  g_autoptr(KpCourse) loaded = NULL;
  g_autoptr(KpSession) stolen = make_session (SESSION2, "Kopiert samling", "2027-03-11T12:00");
  g_autoptr(KpSession) own = make_session (NULL, "Egen samling", "2027-05-06T12:00");
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  save (store, course);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sqlite_master"
                                             " WHERE name = 'sessions_by_id_prefix'"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sqlite_master"
                                             " WHERE name = 'sessions_by_id'"), ==, 0);

  kp_course_set_title (copy, "Kopien");
  kp_course_add_session (copy, own);
  kp_course_add_session (copy, stolen);
  g_assert_false (kp_store_save_course (store, copy, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  expected = g_strdup_printf ("The course “Kopien” was not saved: the session “Kopiert samling” "
                              "has the id %s, which the course “%s” already holds; a copy of a "
                              "course needs new session ids",
                              SESSION2, kp_course_get_title (course));
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (kp_store_has_course (store, kp_course_get_id (copy)));

  /* Saved together with a good course: neither is saved. */
  kp_course_set_title (fresh, "Ny og gyldig");
  g_ptr_array_add (both, fresh);
  g_ptr_array_add (both, copy);
  g_clear_error (&error);
  g_assert_false (kp_store_save_courses (store, both, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_assert_false (kp_store_has_course (store, kp_course_get_id (fresh)));
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM courses"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sessions WHERE id = '"
                                             SESSION2 "'"), ==, 1);
  loaded = load (store, COURSE_ID);
  assert_courses_equal (course, loaded);

  /* Two new courses in one batch that share a session: the second is refused. */
  {
    g_autoptr(KpCourse) first = kp_course_new (NULL);
    g_autoptr(KpCourse) second = kp_course_new (NULL);
    g_autoptr(KpSession) a = make_session ("5e550000-0000-4000-8000-000000000001", "A", NULL);
    g_autoptr(KpSession) b = make_session ("5e550000-0000-4000-8000-000000000001", "B", NULL);
    g_autoptr(GPtrArray) pair = g_ptr_array_new ();

    kp_course_set_title (first, "Første");
    kp_course_set_title (second, "Andre");
    kp_course_add_session (first, a);
    kp_course_add_session (second, b);
    g_ptr_array_add (pair, first);
    g_ptr_array_add (pair, second);
    g_clear_error (&error);
    g_assert_false (kp_store_save_courses (store, pair, &error));
    g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
    g_assert_nonnull (strstr (error->message, "“B”"));
    g_assert_nonnull (strstr (error->message, "“Første”"));
    g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM courses"), ==, 1);
  }

  /* The course itself may save its own sessions again, of course. */
  save (store, loaded);
}

static void
test_killed_mid_write (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpCourse) loaded = NULL;
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *check = NULL;
  const guint n_batch = 3000;
  int ready[2];
  char byte;
  pid_t child;
  GStatBuf st;
  gint64 deadline, n_courses;
  int status;

  save (store, course);
  g_clear_object (&store);

  g_assert_cmpint (pipe (ready), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      g_autoptr(KpStore) writer = NULL;
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(KpCourse) changed = NULL;

      close (ready[0]);
      writer = kp_store_new (fixture->path, NULL);
      if (writer == NULL)
        _exit (2);

      /* The old course is changed inside the same transaction as thousands of new ones. */
      changed = kp_store_load_course (writer, COURSE_ID, NULL);
      kp_course_set_title (changed, "Halvveis skrevet");
      g_ptr_array_add (batch, g_object_ref (changed));
      for (guint i = 0; i < n_batch; i++)
        {
          KpCourse *copy = kp_course_new (NULL);

          kp_course_set_title (copy, "Ekstra");
          for (guint j = 0; j < 10; j++)
            {
              KpSession *session = make_session (NULL, SAMI, "2027-03-04T12:00");

              add_part (session, KP_CONTRIBUTION_SHARING, NULL, SAMI, 45);
              kp_course_add_session (copy, session);
              g_object_unref (session);
            }
          g_ptr_array_add (batch, copy);
        }
      if (write (ready[1], "r", 1) != 1)
        _exit (3);
      kp_store_save_courses (writer, batch, NULL);
      _exit (0);
    }

  close (ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);

  /* Kill it once the transaction has spilled pages into the log, before it can commit. */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline &&
         (g_stat (wal, &st) != 0 || st.st_size < 512 * 1024))
    g_usleep (200);
  kill (child, SIGKILL);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);

  /* Whatever moment it died in, the file holds all of the batch or none of it. */
  store = open_store (fixture->path);
  check = query_text (fixture->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  n_courses = query_int (fixture->path, "SELECT count(*) FROM courses");
  loaded = load (store, COURSE_ID);
  if (WIFSIGNALED (status) && n_courses == 1)
    {
      g_test_message ("killed mid-transaction: the old course is intact");
      assert_courses_equal (course, loaded);
    }
  else
    {
      g_test_message ("the batch committed before the kill (%" G_GINT64_FORMAT " courses)",
                      n_courses);
      g_assert_cmpint (n_courses, ==, n_batch + 1);
      g_assert_cmpstr (kp_course_get_title (loaded), ==, "Halvveis skrevet");
    }
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sessions"), ==,
                   4 + (n_courses - 1) * 10);
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
title_on_disk_is (const char *path,
                  const char *title)
{
  g_autofree char *on_disk = query_text (path, "SELECT title FROM courses");

  return g_strcmp0 (on_disk, title) == 0;
}

static void
test_write_through_lands_within_a_second (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpCourse) loaded = NULL;
  g_autoptr(KpSession) session = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;
  gint64 start, elapsed;

  save (store, course);
  kp_store_watch_course (store, course);

  /* Edits are not written while the main loop does not run… */
  kp_course_set_title (course, "Skrevet gjennom");
  session = g_list_model_get_item (kp_course_get_sessions (course), 1);
  kp_session_set_notes (session, "Notert i farten");
  g_assert_true (title_on_disk_is (fixture->path, "Å leve med kols"));

  /* …and are on disk within a second once it does. */
  start = g_get_monotonic_time ();
  timeout_id = g_timeout_add (1000, on_timeout, &timed_out);
  while (!timed_out && !title_on_disk_is (fixture->path, "Skrevet gjennom"))
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_false (timed_out);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);
  g_test_message ("written through after %" G_GINT64_FORMAT " ms", elapsed / 1000);

  loaded = load (store, COURSE_ID);
  assert_courses_equal (course, loaded);

  /* Flush writes at once, without the main loop. */
  kp_course_set_registered (course, 15);
  g_assert_true (kp_store_flush (store, NULL));
  g_assert_cmpint (query_int (fixture->path, "SELECT registered FROM courses"), ==, 15);

  /* Unwatching saves what is pending, and later edits stay in memory only. */
  kp_course_set_title (course, "Siste endring");
  kp_store_unwatch_course (store, course);
  g_assert_true (title_on_disk_is (fixture->path, "Siste endring"));
  kp_course_set_title (course, "Ikke lagret");
  g_assert_true (kp_store_flush (store, NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (title_on_disk_is (fixture->path, "Siste endring"));
}

static void
on_save_failed (KpStore *store,
                GError  *error,
                GError **out)
{
  g_clear_error (out);
  *out = g_error_copy (error);
}

static void
test_failed_autosave_is_signalled (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpSession) twin = kp_session_new (SESSION2);
  g_autoptr(GError) failure = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;

  save (store, course);
  g_signal_connect (store, "save-failed", G_CALLBACK (on_save_failed), &failure);
  kp_store_watch_course (store, course);
  kp_course_add_session (course, twin);

  timeout_id = g_timeout_add (2000, on_timeout, &timed_out);
  while (!timed_out && failure == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_error (failure, KP_ERROR, KP_ERROR_STORE);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sessions"), ==, 4);

  /* Mended, the pending edit goes through on the next flush. */
  g_assert_true (kp_course_remove_item (course, twin));
  g_assert_true (kp_store_flush (store, NULL));
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sessions"), ==, 4);
  kp_store_unwatch_course (store, course);
}

/* Hardening (#12): text that is not UTF-8 (json-glib makes it of a lone "\ud800") is refused by
 * the store itself, whichever way it came, and what the database had stays readable. */
static void
test_refuses_text_that_is_not_utf8 (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char *broken = "P\xed\xa0\x80x";
  g_autoptr(GError) error = NULL;
  g_autoptr(KpStore) store = kp_store_new (fixture->path, &error);
  g_autoptr(KpCourse) course = kp_course_new (COURSE_ID);
  g_autoptr(KpCourse) loaded = NULL;
  g_autoptr(KpSession) session = kp_session_new (SESSION1);
  const char *goals[] = { "Mer kunnskap", broken, NULL };

  g_assert_no_error (error);
  kp_course_set_title (course, "Pårørendekurs");
  kp_session_set_title (session, "Første kveld");
  kp_course_add_session (course, session);
  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_no_error (error);

  /* A session's title (one of the children) and a goal (a JSON list in the course row). */
  kp_session_set_title (session, broken);
  g_assert_false (kp_store_save_course (store, course, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "The course “Pårørendekurs” was not saved: the text "
                   "“P\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdx” is not valid UTF-8 (it may "
                   "hold a lone UTF-16 surrogate)");
  g_clear_error (&error);

  kp_session_set_title (session, "Første kveld");
  kp_course_set_goals (course, goals);
  g_assert_false (kp_store_save_course (store, course, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* A new course with a broken title is not written at all. */
  {
    g_autoptr(KpCourse) other = kp_course_new (REVIEW_ID);

    kp_course_set_title (other, broken);
    g_assert_false (kp_store_save_course (store, other, &error));
    g_assert_error (error, KP_ERROR, KP_ERROR_INVALID_VALUE);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_clear_error (&error);
    g_assert_false (kp_store_has_course (store, REVIEW_ID));
  }

  /* The database still holds the course as it was, and reads it. */
  loaded = kp_store_load_course (store, COURSE_ID, &error);
  g_assert_no_error (error);
  g_assert_null (kp_course_get_goals (loaded));
  g_assert_cmpstr (kp_session_get_title (kp_course_find_session (loaded, SESSION1)), ==,
                   "Første kveld");

  /* A search by a broken title finds nothing, and leaves the next save alone. */
  g_assert_null (kp_store_find_course_id (store, broken, &error));
  g_clear_error (&error);
  kp_course_set_goals (course, NULL);
  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_no_error (error);
}

/* Schema 9 adds the forms' scale and the patient-or-relative counts: a database of schema 8
 * with 1–5 counts reads exactly as before, on 1–5, without the question. */
static void
test_migrates_version_8_scores (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpCourse) course = kp_course_new (COURSE_ID);
  g_autoptr(KpEvaluation) midway = kp_evaluation_new (REVIEW_ID, KP_EVALUATION_MIDWAY);
  g_autoptr(KpCourse) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const guint usefulness[KP_SCALE_POINTS] = { 0, 1, 2, 5, 4 };
  KpEvaluation *loaded_midway;

  kp_course_set_title (course, "Kols");
  kp_evaluation_set_responses (midway, 12);
  kp_evaluation_set_scores (midway, "usefulness", usefulness);
  kp_course_add_evaluation (course, midway);
  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Back to schema 8, as a database written before this change. */
  exec_sql (fixture->path,
            "ALTER TABLE courses DROP COLUMN evaluation_scale;"
            "ALTER TABLE courses DROP COLUMN asks_patient_or_relative;"
            "ALTER TABLE evaluations DROP COLUMN patients;"
            "ALTER TABLE evaluations DROP COLUMN relatives;"
            "ALTER TABLE evaluation_scores DROP COLUMN count0;"
            "ALTER TABLE evaluation_scores DROP COLUMN count6;"
            "ALTER TABLE evaluation_scores DROP COLUMN count7;"
            "ALTER TABLE evaluation_scores DROP COLUMN count8;"
            "ALTER TABLE evaluation_scores DROP COLUMN count9;"
            "ALTER TABLE evaluation_scores DROP COLUMN count10;"
            "ALTER TABLE courses DROP COLUMN referral_to;"
            "ALTER TABLE courses DROP COLUMN co_payment_first_day;"
            "ALTER TABLE courses DROP COLUMN no_show_fee;"
            "ALTER TABLE courses DROP COLUMN notice_hours;"
            "ALTER TABLE courses DROP COLUMN revision;"
            "ALTER TABLE courses DROP COLUMN mode;"
            "ALTER TABLE courses DROP COLUMN level;"
            "ALTER TABLE courses DROP COLUMN cancelled_on;"
            "ALTER TABLE courses DROP COLUMN cancel_reason;"
            "ALTER TABLE sessions DROP COLUMN join_url;"
            "DROP TABLE invitations;"
            "ALTER TABLE courses DROP COLUMN remind_minutes;"
            "ALTER TABLE courses DROP COLUMN patients;"
            "ALTER TABLE courses DROP COLUMN relatives;"
            "ALTER TABLE courses DROP COLUMN waiting;"
            "ALTER TABLE courses DROP COLUMN withdrawn;"
            "ALTER TABLE courses DROP COLUMN no_shows;"
            "ALTER TABLE courses DROP COLUMN completed;"
            "ALTER TABLE courses DROP COLUMN fewer_decided_on;"
            "ALTER TABLE courses DROP COLUMN fewer_decided_by;"
            "PRAGMA user_version = 8;");

  store = open_store (fixture->path);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, KP_STORE_SCHEMA_VERSION);
  loaded = load (store, COURSE_ID);
  g_assert_cmpint (kp_course_get_evaluation_scale (loaded), ==, KP_EVALUATION_SCALE_1_TO_5);
  g_assert_false (kp_course_get_asks_patient_or_relative (loaded));
  loaded_midway = kp_course_find_evaluation (loaded, REVIEW_ID);
  g_assert_nonnull (loaded_midway);
  g_assert_cmpint (kp_evaluation_get_scale (loaded_midway), ==, KP_EVALUATION_SCALE_1_TO_5);
  g_assert_cmpuint (kp_evaluation_get_responses (loaded_midway), ==, 12);
  g_assert_cmpuint (kp_evaluation_get_patients (loaded_midway), ==, 0);
  g_assert_cmpmem (kp_evaluation_get_scores (loaded_midway, "usefulness"), sizeof usefulness,
                   usefulness, sizeof usefulness);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count4 FROM evaluation_scores WHERE question = 'usefulness'"),
                   ==, 5);
}

/* Two programs on one database: each loads the course; the second save would undo the first
 * without a word, so it is refused and the database keeps the first (issue #12). */
static void
test_stale_save_is_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(KpStore) here = open_store (fixture->path);
  g_autoptr(KpStore) there = NULL;
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpCourse) mine = NULL;
  g_autoptr(KpCourse) theirs = NULL;
  g_autoptr(KpCourse) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_store_save_course (here, course, &error));
  g_assert_no_error (error);
  there = open_store (fixture->path);

  mine = kp_store_load_course (here, COURSE_ID, &error);
  g_assert_no_error (error);
  theirs = kp_store_load_course (there, COURSE_ID, &error);
  g_assert_no_error (error);

  kp_course_set_title (theirs, "Endret der");
  g_assert_true (kp_store_save_course (there, theirs, &error));
  g_assert_no_error (error);
  /* Saved again from the same copy: it knows its own last save. */
  kp_course_set_text (theirs, KP_COURSE_PRICE, "200 kr");
  g_assert_true (kp_store_save_course (there, theirs, &error));
  g_assert_no_error (error);

  kp_course_set_title (mine, "Endret her");
  g_assert_false (kp_store_save_course (here, mine, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "another program changed the course"));
  g_clear_error (&error);

  stored = kp_store_load_course (here, COURSE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kp_course_get_title (stored), ==, "Endret der");
  g_assert_cmpstr (kp_course_get_text (stored, KP_COURSE_PRICE), ==, "200 kr");

  /* Opened again, the change goes through. */
  kp_course_set_title (stored, "Endret her");
  g_assert_true (kp_store_save_course (here, stored, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = kp_store_load_course (there, COURSE_ID, &error);
  g_assert_cmpstr (kp_course_get_title (stored), ==, "Endret her");
}

/* A course read from a file replaces the stored one (import by UUID); a deleted course saved
 * again from the copy that was open comes back (undo). */
static void
test_fresh_and_deleted_courses_are_written (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpCourse) from_file = make_rich_course ();
  g_autoptr(KpCourse) loaded = NULL;
  g_autoptr(KpCourse) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_true (kp_store_save_course (store, course, &error));
  kp_course_set_title (from_file, "Fra fil");
  g_assert_true (kp_store_save_course (store, from_file, &error));
  g_assert_no_error (error);

  loaded = kp_store_load_course (store, COURSE_ID, &error);
  g_assert_cmpstr (kp_course_get_title (loaded), ==, "Fra fil");
  g_assert_true (kp_store_delete_course (store, COURSE_ID, &error));
  kp_course_set_title (loaded, "Tilbake");
  g_assert_true (kp_store_save_course (store, loaded, &error));
  g_assert_no_error (error);
  stored = kp_store_load_course (store, COURSE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kp_course_get_title (stored), ==, "Tilbake");
}

static gboolean
rename_then (KpStore  *store,
             gpointer  user_data,
             GError  **error)
{
  const char *outcome = user_data;
  g_autoptr(KpCourse) course = kp_store_load_course (store, COURSE_ID, error);

  if (course == NULL)
    return FALSE;
  kp_course_set_title (course, "I transaksjonen");
  if (!kp_store_save_course (store, course, error))
    return FALSE;
  if (g_str_equal (outcome, "fail"))
    {
      g_set_error (error, KP_ERROR, KP_ERROR_FAILED, "changed my mind");
      return FALSE;
    }
  return TRUE;
}

/* kp_store_update() commits what its function saved, or nothing when it fails. */
static void
test_update_is_one_transaction (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(KpCourse) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kp_store_save_course (store, course, &error));

  g_assert_false (kp_store_update (store, rename_then, (gpointer) "fail", &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_FAILED);
  g_clear_error (&error);
  stored = kp_store_load_course (store, COURSE_ID, &error);
  g_assert_cmpstr (kp_course_get_title (stored), ==, kp_course_get_title (course));
  /* The copy still knows the stored revision: the failed update set nothing on it. */
  kp_course_set_text (course, KP_COURSE_PRICE, "Gratis");
  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_no_error (error);

  g_assert_true (kp_store_update (store, rename_then, (gpointer) "succeed", &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = kp_store_load_course (store, COURSE_ID, &error);
  g_assert_cmpstr (kp_course_get_title (stored), ==, "I transaksjonen");
  g_assert_cmpstr (kp_course_get_text (stored, KP_COURSE_PRICE), ==, "Gratis");
  /* And the copy from before the update is now stale. */
  g_assert_false (kp_store_save_course (store, course, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_CONFLICT);
}

/* What `kursplan invite` sent, and the calendars' reminder: kept per course, through a save of
 * the course, and gone with it (issue #19). */
static void
test_invitations_and_reminder (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpCourse) course = make_rich_course ();
  g_autoptr(GHashTable) sent = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *record;
  guint minutes = 99;

  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_no_error (error);

  g_assert_true (kp_store_get_remind_minutes (store, COURSE_ID, &minutes, &error));
  g_assert_cmpuint (minutes, ==, 0);
  g_assert_true (kp_store_set_remind_minutes (store, COURSE_ID, 30, &error));
  g_assert_true (kp_store_set_invitation (store, COURSE_ID, "m1", 0, "aaa", &error));
  g_assert_true (kp_store_set_invitation (store, COURSE_ID, "m2", 3, "bbb", &error));
  g_assert_true (kp_store_set_invitation (store, COURSE_ID, "m1", 1, "ccc", &error));
  g_assert_no_error (error);

  /* A save of the course leaves both alone. */
  kp_course_set_text (course, KP_COURSE_PRICE, "Gratis");
  g_assert_true (kp_store_save_course (store, course, &error));
  g_assert_true (kp_store_get_remind_minutes (store, COURSE_ID, &minutes, &error));
  g_assert_cmpuint (minutes, ==, 30);
  sent = kp_store_load_invitations (store, COURSE_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (sent), ==, 2);
  record = g_hash_table_lookup (sent, "m1");
  g_assert_cmpstr (record[0], ==, "1");
  g_assert_cmpstr (record[1], ==, "ccc");
  record = g_hash_table_lookup (sent, "m2");
  g_assert_cmpstr (record[0], ==, "3");

  g_assert_true (kp_store_set_invitation (store, COURSE_ID, "m2", 0, NULL, &error));
  g_clear_pointer (&sent, g_hash_table_unref);
  sent = kp_store_load_invitations (store, COURSE_ID, &error);
  g_assert_cmpuint (g_hash_table_size (sent), ==, 1);

  g_assert_false (kp_store_set_remind_minutes (store, "no-such-course", 10, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (kp_store_delete_course (store, COURSE_ID, &error));
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM invitations"), ==, 0);
  g_assert_false (kp_store_get_remind_minutes (store, COURSE_ID, &minutes, &error));
  g_assert_error (error, KP_ERROR, KP_ERROR_NOT_FOUND);
}

/* Issue #16: the counts through registration and the decision at the deadline (schema 12). */
static void
test_registration_counts_round_trip (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const guint counts[KP_COURSE_N_COUNTS] = { 12, 6, 2, 1, 1, 15 };
  g_autoptr(KpCourse) course = kp_course_new (COURSE_ID);
  g_autoptr(KpStore) store = open_store (fixture->path);
  g_autoptr(KpStore) other = NULL;
  g_autoptr(KpCourse) loaded = NULL;

  kp_course_set_text (course, KP_COURSE_TITLE, "Kolskurs");
  kp_course_set_capacity (course, 8, 16);
  kp_course_set_registered (course, 18);
  for (KpCourseCount count = 0; count < KP_COURSE_N_COUNTS; count++)
    kp_course_set_count (course, count, counts[count]);
  kp_course_set_fewer_decision (course, "2027-02-16", KP_ROLE_COORDINATOR);
  save (store, course);

  other = open_store (fixture->path);
  loaded = load (other, COURSE_ID);
  g_assert_cmpuint (kp_course_get_registered (loaded), ==, 18);
  for (KpCourseCount count = 0; count < KP_COURSE_N_COUNTS; count++)
    g_assert_cmpuint (kp_course_get_count (loaded, count), ==, counts[count]);
  g_assert_cmpuint (kp_course_get_count (loaded, KP_COURSE_NO_SHOWS), ==, 1);
  g_assert_cmpuint (kp_course_get_count (loaded, KP_COURSE_COMPLETED), ==, 15);
  g_assert_cmpstr (kp_course_get_fewer_decided_on (loaded), ==, "2027-02-16");
  g_assert_cmpint (kp_course_get_fewer_decided_by (loaded), ==, KP_ROLE_COORDINATOR);

  /* Taken back: no decision, not a stale role. */
  kp_course_set_fewer_decision (loaded, NULL, KP_ROLE_COURSE_LEADER);
  kp_course_set_count (loaded, KP_COURSE_WAITING, 0);
  kp_course_set_registered (loaded, 16);
  save (other, loaded);
  g_clear_object (&loaded);
  g_clear_object (&other);
  other = open_store (fixture->path);
  loaded = load (other, COURSE_ID);
  g_assert_null (kp_course_get_fewer_decided_on (loaded));
  g_assert_cmpuint (kp_course_get_count (loaded, KP_COURSE_WAITING), ==, 0);
  g_assert_cmpuint (kp_course_get_count (loaded, KP_COURSE_PATIENTS), ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/round-trip/keeps-every-field", test_round_trip_keeps_every_field);
  ADD ("/store/save/update-replaces-children", test_update_replaces_children);
  ADD ("/store/delete/removes-everything", test_delete);
  ADD ("/store/list/order-and-summaries", test_list_order_and_summaries);
  ADD ("/store/find/by-id-title-and-ambiguous", test_find_by_id_and_title);
  ADD ("/store/file/is-private-0600", test_file_is_private);
  g_test_add_func ("/store/file/default-path", test_default_path);
  ADD ("/store/migrate/from-version-1", test_migrates_version_1);
  ADD ("/store/refuse/newer-version-untouched", test_refuses_newer_version);
  ADD ("/store/refuse/not-a-kursplan-database", test_refuses_other_files);
  ADD ("/store/crash/failed-statement-rolls-back", test_failed_statement_rolls_back);
  ADD ("/store/crash/killed-mid-write", test_killed_mid_write);
  ADD ("/store/refuse/session-of-another-course", test_refuses_session_of_another_course);
  ADD ("/store/write-through/lands-within-a-second", test_write_through_lands_within_a_second);
  ADD ("/store/write-through/failure-is-signalled", test_failed_autosave_is_signalled);
  ADD ("/store/refuse/text-that-is-not-utf8", test_refuses_text_that_is_not_utf8);
  ADD ("/store/migrate/version-8-scores", test_migrates_version_8_scores);
  ADD ("/store/revision/stale-save-refused", test_stale_save_is_refused);
  ADD ("/store/revision/fresh-and-deleted-written", test_fresh_and_deleted_courses_are_written);
  ADD ("/store/update/one-transaction", test_update_is_one_transaction);
  ADD ("/store/invitations/kept-per-course", test_invitations_and_reminder);
  ADD ("/store/round-trip/registration-counts", test_registration_counts_round_trip);

#undef ADD

  return g_test_run ();
}
