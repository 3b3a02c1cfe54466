/* test-stats.c — the year's figures: one course by hand, and a generated year through the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kp-method.h"
#include "kp-plan-reader.h"
#include "kp-stats.h"
#include "kp-store.h"
#include "kp-time.h"

static KpCourse *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "evaluation",
                                                 "evaluated.json", NULL);
  g_autoptr(GError) error = NULL;
  KpCourse *course = kp_plan_read_file (path, NULL, &error);

  g_assert_no_error (error);
  return course;
}

/* A moment in Oslo, as the figures are counted at. */
static GDateTime *
oslo (int year,
      int month,
      int day,
      int hour,
      int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");

  return kp_time_new_local (tz, year, month, day, hour, minute, NULL);
}

static void
test_stats_one_course (void)
{
  g_autoptr(KpCourse) course = load_fixture ();
  g_autoptr(GDateTime) now = oslo (2028, 1, 1, 12, 0);
  g_autoptr(KpStatsRow) row = kp_stats_row_new_for_course (course, 2027, now);

  g_assert_nonnull (row);
  g_assert_cmpstr (row->course_id, ==, "7e2c9a10-4b3d-4f5e-8a61-2c3d4e5f6a70");
  /* Four sessions, one cancelled: its attendance and its talk do not count. */
  g_assert_cmpuint (row->sessions_held, ==, 3);
  g_assert_cmpuint (row->sessions_planned, ==, 0);
  g_assert_cmpuint (row->courses, ==, 1);
  g_assert_cmpuint (row->registered, ==, 14);
  g_assert_cmpuint (row->attendances, ==, 12 + 11 + 10);
  /* Three user talks by user representatives; a professional's talk by a member and one by
   * nobody in the group. Sharing, group work and breaks are nobody's. */
  g_assert_cmpuint (row->user_contributions, ==, 3);
  g_assert_cmpuint (row->professional_contributions, ==, 2);
  g_assert_cmpuint (row->users_planning, ==, 1);
  g_assert_cmpuint (row->users_running, ==, 1);
  g_assert_cmpuint (row->users_evaluation, ==, 1);

  g_assert_null (kp_stats_row_new_for_course (course, 2026, now));
}

static void
test_stats_csv_and_totals (void)
{
  g_autoptr(KpCourse) course = load_fixture ();
  g_autoptr(KpCourse) other = kp_course_new ("0c0c0000-0000-4000-8000-000000000001");
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) start = kp_time_new_local (tz, 2027, 9, 2, 18, 0, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kp_stats_row_free);
  g_autoptr(KpStatsRow) totals = NULL;
  g_autoptr(GDateTime) now = oslo (2028, 1, 1, 12, 0);
  g_autofree char *csv = NULL;
  g_autofree char *table = NULL;
  const char *partners[] = { "Kommunens frisklivssentral", "LHL lokallag", NULL };

  kp_course_set_title (other, "Pårørendekurs, \"TA TAK\"");
  kp_course_set_registered (other, 18);
  kp_course_set_partners (other, partners);
  kp_session_set_start (session, start);
  kp_session_set_minutes (session, 150);
  kp_session_set_attended (session, 15);
  kp_course_add_session (other, session);

  g_ptr_array_add (rows, kp_stats_row_new_for_course (course, 2027, now));
  g_ptr_array_add (rows, kp_stats_row_new_for_course (other, 2027, now));
  totals = kp_stats_dup_totals (rows);
  g_assert_cmpuint (totals->courses, ==, 2);
  g_assert_cmpuint (totals->sessions_held, ==, 4);
  g_assert_cmpuint (totals->registered, ==, 32);
  g_assert_cmpuint (totals->attendances, ==, 48);
  g_assert_cmpuint (totals->users_planning, ==, 1);

  csv = kp_stats_format_csv (rows);
  g_assert_cmpstr (csv, ==,
                   "Course ID,Course,Sessions held,Registered,Attendances,Contributions by users,"
                   "Contributions by professionals,Users in planning,Users in running,"
                   "Users in evaluation,Sessions planned,Term,Sessions cancelled,Partners\r\n"
                   "7e2c9a10-4b3d-4f5e-8a61-2c3d4e5f6a70,Å leve med kols,3,14,33,3,2,yes,yes,yes,0,"
                   "spring 2027,1,\r\n"
                   "0c0c0000-0000-4000-8000-000000000001,\"Pårørendekurs, \"\"TA TAK\"\"\","
                   "1,18,15,0,0,no,no,no,0,autumn 2027,0,"
                   "Kommunens frisklivssentral; LHL lokallag\r\n"
                   ",Total,4,32,48,3,2,1,1,1,0,,1,\r\n");

  table = kp_stats_format_table (rows, 2027);
  g_assert_true (g_str_has_prefix (table, "Courses in 2027: 2\n"));
  /* The term closes the title's column, never cut. */
  g_assert_nonnull (strstr (table, "\nÅ leve med kols          spring 2027        3        0"));
  g_assert_nonnull (strstr (table,
                            "Total                                       4        0       32       48"));
}

static void
test_stats_empty_year (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *csv = kp_stats_format_csv (rows);

  g_assert_true (g_str_has_suffix (csv, "\r\n,Total,0,0,0,0,0,0,0,0,0,,0,\r\n"));
}

/* In December 2026 the course of spring 2027 has held nothing: its sessions are planned, and
 * neither their attendance nor their talks count yet. */
static void
test_stats_counts_only_what_happened (void)
{
  g_autoptr(KpCourse) course = load_fixture ();
  g_autoptr(GDateTime) december = oslo (2026, 12, 6, 12, 0);
  g_autoptr(GDateTime) midway = oslo (2027, 3, 15, 12, 0);
  g_autoptr(GDateTime) during = oslo (2027, 3, 11, 19, 0);
  g_autoptr(GDateTime) at_the_end = oslo (2027, 3, 11, 20, 30);
  g_autoptr(KpStatsRow) before = kp_stats_row_new_for_course (course, 2027, december);
  g_autoptr(KpStatsRow) halfway = kp_stats_row_new_for_course (course, 2027, midway);
  g_autoptr(KpStatsRow) ongoing = kp_stats_row_new_for_course (course, 2027, during);
  g_autoptr(KpStatsRow) ended = kp_stats_row_new_for_course (course, 2027, at_the_end);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(KpStatsRow) totals = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *table = NULL;

  /* Listed, with its three sessions that are not cancelled planned, but not a course held. */
  g_assert_nonnull (before);
  g_assert_cmpuint (before->sessions_held, ==, 0);
  g_assert_cmpuint (before->sessions_planned, ==, 3);
  g_assert_cmpuint (before->courses, ==, 0);
  g_assert_cmpuint (before->attendances, ==, 0);
  g_assert_cmpuint (before->user_contributions, ==, 0);
  g_assert_cmpuint (before->professional_contributions, ==, 0);
  g_assert_cmpuint (before->users_running, ==, 0);

  /* 15 March: 4 and 11 March held (12 and 11 came), 18 March cancelled, 1 April to come. */
  g_assert_cmpuint (halfway->sessions_held, ==, 2);
  g_assert_cmpuint (halfway->sessions_planned, ==, 1);
  g_assert_cmpuint (halfway->courses, ==, 1);
  g_assert_cmpuint (halfway->attendances, ==, 12 + 11);

  /* 11 March 18.00–20.30: under way at 19.00, held at 20.30. */
  g_assert_cmpuint (ongoing->sessions_held, ==, 1);
  g_assert_cmpuint (ongoing->sessions_planned, ==, 2);
  g_assert_cmpuint (ended->sessions_held, ==, 2);
  g_assert_cmpuint (ended->sessions_planned, ==, 1);

  g_ptr_array_add (rows, before);
  totals = kp_stats_dup_totals (rows);
  g_assert_cmpuint (totals->courses, ==, 0);
  g_assert_cmpuint (totals->sessions_planned, ==, 3);
  csv = kp_stats_format_csv (rows);
  /* The cancelled session counts as cancelled whether or not it is past. */
  g_assert_true (g_str_has_suffix (csv, "\r\n,Total,0,14,0,0,0,1,0,1,3,,1,\r\n"));
  table = kp_stats_format_table (rows, 2027);
  g_assert_true (g_str_has_prefix (table, "Courses in 2027: 0\n"
                                          "1 more course has sessions planned but none held yet\n"));
}

static const KpRole roles[] = {
  KP_ROLE_COURSE_LEADER, KP_ROLE_PROFESSIONAL, KP_ROLE_USER_REPRESENTATIVE,
  KP_ROLE_EXPERIENCE_CONSULTANT, KP_ROLE_PEER, KP_ROLE_COORDINATOR,
};

/* A course with random members, meetings, sessions around the turn of 2027 and an evaluation
 * meeting: every path the figures take, from one seed. */
static KpCourse *
generate_course (GRand     *rand,
                 GTimeZone *tz,
                 guint      n)
{
  KpCourse *course = kp_course_new (NULL);
  g_autofree char *title = g_strdup_printf ("Kurs %03u", n);
  g_autoptr(GPtrArray) member_ids = g_ptr_array_new_with_free_func (g_free);
  guint n_members = g_rand_int_range (rand, 0, 6);
  guint n_sessions = g_rand_int_range (rand, 1, 7);
  int month = g_rand_int_range (rand, 1, 13);
  int year = g_rand_int_range (rand, 2026, 2029);

  kp_course_set_title (course, title);
  kp_course_set_registered (course, g_rand_int_range (rand, 0, 21));
  /* None, one or two partners, from n: the random sequence stays as it was. */
  if (n % 3 > 0)
    {
      const char *partners[] = { "Kommunen", n % 3 == 2 ? "LHL; lokallag \"Nord\"" : NULL, NULL };

      kp_course_set_partners (course, partners);
    }
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(KpMember) member = kp_member_new (NULL, roles[g_rand_int_range (rand, 0, 6)]);
      g_autofree char *name = g_strdup_printf ("Medlem %u", i);

      /* Every fourth member is a blank placeholder row, which counts for nothing. */
      kp_member_set_name (member, (n + i) % 4 == 0 ? " \t\u00a0" : name);
      kp_course_add_member (course, member);
      g_ptr_array_add (member_ids, g_strdup (kp_member_get_id (member)));
    }
  g_ptr_array_add (member_ids, NULL);

  if (n_members > 0 && g_rand_boolean (rand))
    {
      g_autoptr(KpMeeting) meeting = kp_meeting_new (NULL);
      g_autoptr(GDateTime) start = kp_time_new_local (tz, year - 1, 12, 1, 9, 0, NULL);
      const char *one[] = { g_ptr_array_index (member_ids, g_rand_int_range (rand, 0, n_members)),
                            NULL };

      kp_meeting_set_start (meeting, start);
      kp_meeting_set_minutes (meeting, 120);
      kp_meeting_set_attendees (meeting, one);
      kp_course_add_meeting (course, meeting);
    }

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      /* Weekly from the 20th: some runs cross New Year. */
      g_autoptr(GDateTime) first = kp_time_new_local (tz, year, month, 20, 18, 0, NULL);
      g_autoptr(GDateTime) start = g_date_time_add_weeks (first, i);
      guint n_contributions = g_rand_int_range (rand, 0, 4);

      kp_session_set_start (session, start);
      kp_session_set_minutes (session, 150);
      if (g_rand_int_range (rand, 0, 5) == 0)
        kp_session_set_status (session, KP_SESSION_STATUS_CANCELLED);
      kp_session_set_attended (session, g_rand_int_range (rand, -1, 16));
      for (guint j = 0; j < n_contributions; j++)
        {
          KpContributionKind kind = g_rand_int_range (rand, 0, 6);
          const char *member = n_members > 0 && g_rand_boolean (rand)
                               ? g_ptr_array_index (member_ids,
                                                    g_rand_int_range (rand, 0, n_members))
                               : NULL;
          g_autoptr(KpContribution) contribution = kp_contribution_new (kind, member, NULL, 30);

          kp_session_add_contribution (session, contribution);
        }
      kp_course_add_session (course, session);
    }

  if (n_members > 0 && g_rand_boolean (rand))
    {
      g_autoptr(KpEvaluation) meeting = kp_evaluation_new (NULL, KP_EVALUATION_MEETING);

      kp_evaluation_set_date (meeting, "2027-06-01");
      kp_evaluation_set_attendees (meeting, (const char * const *) member_ids->pdata);
      kp_course_add_evaluation (course, meeting);
    }
  return course;
}

static void
assert_rows_equal (const KpStatsRow *a,
                   const KpStatsRow *b)
{
  g_assert_cmpstr (a->course_id, ==, b->course_id);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpuint (a->sessions_held, ==, b->sessions_held);
  g_assert_cmpuint (a->sessions_planned, ==, b->sessions_planned);
  g_assert_cmpstr (a->term, ==, b->term);
  g_assert_cmpuint (a->registered, ==, b->registered);
  g_assert_cmpuint (a->attendances, ==, b->attendances);
  g_assert_cmpuint (a->user_contributions, ==, b->user_contributions);
  g_assert_cmpuint (a->professional_contributions, ==, b->professional_contributions);
  g_assert_cmpuint (a->users_planning, ==, b->users_planning);
  g_assert_cmpuint (a->users_running, ==, b->users_running);
  g_assert_cmpuint (a->users_evaluation, ==, b->users_evaluation);
  g_assert_cmpuint (a->courses, ==, b->courses);
  g_assert_cmpuint (a->sessions_cancelled, ==, b->sessions_cancelled);
  g_assert_cmpstr (a->partners, ==, b->partners);
}

static void
test_stats_generated_year_through_the_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kursplan-stats-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kursplan.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2027);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) kp_stats_row_free);
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) expected_rows = g_ptr_array_new ();
  g_autoptr(KpStatsRow) totals = NULL;
  g_autoptr(KpStatsRow) expected_totals = NULL;
  g_autofree char *db_wal = NULL;
  g_autofree char *db_shm = NULL;
  /* Midsummer 2027: the year's sessions fall on both sides of now. */
  g_autoptr(GDateTime) now = oslo (2027, 6, 24, 12, 0);

  g_assert_no_error (error);
  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (courses, generate_course (rand, tz, i));
  for (guint i = 0; i < courses->len; i++)
    {
      KpStatsRow *row = kp_stats_row_new_for_course (g_ptr_array_index (courses, i), 2027, now);

      if (row != NULL)
        {
          g_hash_table_insert (expected, row->course_id, row);
          g_ptr_array_add (expected_rows, row);
        }
    }
  /* The seed gives courses on both sides of every rule. */
  g_assert_cmpuint (g_hash_table_size (expected), >, 40);
  g_assert_cmpuint (g_hash_table_size (expected), <, 200);

  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  kp_store_save_courses (store, courses, &error);
  g_assert_no_error (error);

  rows = kp_store_list_year_figures (store, 2027, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      const KpStatsRow *row = g_ptr_array_index (rows, i);
      const KpStatsRow *want = g_hash_table_lookup (expected, row->course_id);

      g_assert_nonnull (want);
      assert_rows_equal (row, want);
    }
  totals = kp_stats_dup_totals (rows);
  expected_totals = kp_stats_dup_totals (expected_rows);
  assert_rows_equal (totals, expected_totals);
  g_assert_cmpuint (totals->sessions_held, >, 0);
  g_assert_cmpuint (totals->sessions_planned, >, 0);
  g_assert_cmpuint (totals->courses, <, rows->len);
  g_assert_cmpuint (totals->users_planning, >, 0);
  g_assert_cmpuint (totals->users_planning, <, rows->len);
  g_assert_cmpuint (totals->sessions_cancelled, >, 0);

  g_clear_object (&store);
  db_wal = g_strconcat (path, "-wal", NULL);
  db_shm = g_strconcat (path, "-shm", NULL);
  g_remove (db_wal);
  g_remove (db_shm);
  g_remove (path);
  g_rmdir (dir);
}

/* The hours of planning per side: each attendee gives the meeting's length; a former member
 * counts on neither side. */
static void
test_stats_planning_minutes (void)
{
  g_autoptr(KpCourse) course = kp_course_new (NULL);
  KpRole roles[] = { KP_ROLE_COURSE_LEADER, KP_ROLE_PROFESSIONAL, KP_ROLE_COORDINATOR,
                     KP_ROLE_USER_REPRESENTATIVE, KP_ROLE_EXPERIENCE_CONSULTANT, KP_ROLE_PEER };
  g_autoptr(GStrvBuilder) everyone = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;
  g_autoptr(KpMeeting) long_one = kp_meeting_new (NULL);
  g_autoptr(KpMeeting) short_one = kp_meeting_new (NULL);
  const char *some[3] = { NULL, NULL, NULL };
  guint professional = 1, user = 1;

  kp_stats_planning_minutes (course, &professional, &user);
  g_assert_cmpuint (professional, ==, 0);
  g_assert_cmpuint (user, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(KpMember) member = kp_member_new (NULL, roles[i]);

      kp_course_add_member (course, member);
      g_strv_builder_add (everyone, kp_member_get_id (member));
    }
  g_strv_builder_add (everyone, "00000000-0000-4000-8000-00000000dead");
  all = g_strv_builder_end (everyone);

  kp_meeting_set_minutes (long_one, 180);
  kp_meeting_set_attendees (long_one, (const char * const *) all);
  kp_course_add_meeting (course, long_one);
  some[0] = all[0];  /* the course leader */
  some[1] = all[5];  /* the peer */
  kp_meeting_set_minutes (short_one, 90);
  kp_meeting_set_attendees (short_one, some);
  kp_course_add_meeting (course, short_one);

  kp_stats_planning_minutes (course, &professional, &user);
  g_assert_cmpuint (professional, ==, 3 * 180 + 90);
  g_assert_cmpuint (user, ==, 3 * 180 + 90);
}

/* "Users took part in planning" means what the checklist means: a user representative with a
 * name at a planning meeting. An experience consultant, or a blank row, is not one; the store's
 * SQL says the same as kp_stats_row_new_for_course(). */
static void
test_stats_users_in_planning_as_the_checklist (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kursplan-stats-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kursplan.db", NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
  g_autoptr(GDateTime) start = kp_time_new_local (tz, 2027, 9, 2, 18, 0, NULL);
  g_autoptr(GDateTime) planned = kp_time_new_local (tz, 2027, 6, 1, 9, 0, NULL);
  g_autoptr(GDateTime) now = kp_time_new_local (tz, 2027, 12, 31, 12, 0, NULL);
  g_autoptr(KpCourse) course = kp_course_new ("0c0c0000-0000-4000-8000-0000000000a1");
  g_autoptr(KpSession) session = kp_session_new (NULL);
  g_autoptr(KpMember) consultant = kp_member_new (NULL, KP_ROLE_EXPERIENCE_CONSULTANT);
  g_autoptr(KpMember) user = kp_member_new (NULL, KP_ROLE_USER_REPRESENTATIVE);
  g_autoptr(KpMeeting) meeting = kp_meeting_new (NULL);
  const char *attendees[] = { kp_member_get_id (consultant), kp_member_get_id (user), NULL };
  g_autoptr(KpStore) store = NULL;
  gboolean named;

  g_assert_no_error (error);
  kp_course_set_title (course, "Pårørendekurs");
  kp_session_set_start (session, start);
  kp_session_set_minutes (session, 150);
  kp_course_add_session (course, session);
  kp_member_set_name (consultant, "Eva Erfaring");
  kp_member_set_name (user, "  ");
  kp_course_add_member (course, consultant);
  kp_course_add_member (course, user);
  kp_meeting_set_start (meeting, planned);
  kp_meeting_set_minutes (meeting, 120);
  kp_meeting_set_attendees (meeting, attendees);
  kp_course_add_meeting (course, meeting);

  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  for (named = FALSE; named <= TRUE; named++)
    {
      g_autoptr(KpStatsRow) row = NULL;
      g_autoptr(GPtrArray) rows = NULL;

      if (named)
        kp_member_set_name (user, "Per Bruker");
      row = kp_stats_row_new_for_course (course, 2027, now);
      g_assert_cmpuint (row->users_planning, ==, named);
      g_assert_cmpuint (row->users_planning, ==, kp_method_users_in_planning (course));
      kp_store_save_course (store, course, &error);
      g_assert_no_error (error);
      rows = kp_store_list_year_figures (store, 2027, now, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpuint (((KpStatsRow *) g_ptr_array_index (rows, 0))->users_planning, ==, named);
    }

  g_clear_object (&store);
  {
    g_autofree char *db_wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *db_shm = g_strconcat (path, "-shm", NULL);

    g_remove (db_wal);
    g_remove (db_shm);
    g_remove (path);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/one-course", test_stats_one_course);
  g_test_add_func ("/stats/csv-and-totals", test_stats_csv_and_totals);
  g_test_add_func ("/stats/empty-year", test_stats_empty_year);
  g_test_add_func ("/stats/planning-minutes-per-side", test_stats_planning_minutes);
  g_test_add_func ("/stats/generated-year-through-the-store",
                   test_stats_generated_year_through_the_store);
  g_test_add_func ("/stats/users-in-planning-as-the-checklist",
                   test_stats_users_in_planning_as_the_checklist);
  g_test_add_func ("/stats/counts-only-what-happened", test_stats_counts_only_what_happened);

  return g_test_run ();
}
