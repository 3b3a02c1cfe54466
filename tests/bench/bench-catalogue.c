/* bench-catalogue.c — a generated catalogue of 10,000 courses with 100,000 sessions: how long it
 * takes to save, list and load, and how big the file gets
 *
 * Targets on the 2-core machine: listing ≤ 100 ms, loading one course ≤ 2 ms (median),
 * database ≤ 60 MB. With KURSPLAN_BENCH_DB set, the catalogue is kept at that path (and reused
 * when it is already there) for the other benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "kp-store.h"
#include "kp-time.h"

#define N_COURSES             10000
#define SESSIONS_PER_COURSE   10
#define N_LOADS               500
#define N_LISTS               7

static const char * const titles[] = {
  "Å leve med kols", "Pårørendeskolen", "Leve med diabetes type 2", "Hjertekurs",
  "Mestring av angst", "Kurs for pårørende til personer med demens", "Leve med kreft",
  "Astmaskolen", "Smertemestring", "Oahppan ja birgen: diabetes", "Meistring av depresjon",
  "Foreldrekurs: barn med epilepsi", "Lungekurs", "Morbid overvekt: livsstilskurs",
};

static const char * const themes[] = {
  "Hva er sykdommen?", "Pust og fysisk aktivitet", "Kosthold i hverdagen", "Medisiner",
  "Å leve med det: erfaringer", "Rettigheter og hjelp", "Søvn og energi", "Stress og mestring",
  "Familien og nettverket", "Veien videre",
};

static const char * const first_names[] = {
  "Ingrid", "Ola", "Máret", "Per", "Kari", "Ánde", "Sigrid", "Nils", "Åse", "Jon",
};

static const char * const last_names[] = {
  "Nilsen", "Hansen", "Sara", "Berg", "Olsen", "Ŋuolga", "Dahl", "Eira", "Øren", "Lie",
};

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

static KpMember *
add_member (KpCourse *course,
            GRand    *rand,
            KpRole    role)
{
  g_autoptr(KpMember) member = kp_member_new (NULL, role);
  g_autofree char *name =
    g_strdup_printf ("%s %s",
                     first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                     last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))]);

  kp_member_set_name (member, name);
  kp_member_set_organisation (member, role == KP_ROLE_USER_REPRESENTATIVE ? "LHL" : "LMS");
  kp_member_set_public (member, role != KP_ROLE_PROFESSIONAL);
  kp_course_add_member (course, member);
  return member;  /* the course keeps it */
}

static KpCourse *
make_course (GRand     *rand,
             GTimeZone *tz,
             guint      number)
{
  KpCourse *course = kp_course_new (NULL);
  g_autofree char *title =
    g_strdup_printf ("%s %u", titles[number % G_N_ELEMENTS (titles)], number / 14 + 1);
  const char * const goals[] = { "Mer kunnskap om sykdommen", "Møte andre i samme situasjon",
                                 NULL };
  const guint counts[KP_SCALE_POINTS] = { 0, 1, 2, 5, 4 };
  g_autoptr(KpEvaluation) evaluation = kp_evaluation_new (NULL, KP_EVALUATION_FINAL);
  g_autoptr(GDateTime) first = NULL;
  KpMember *leader, *user1, *doctor;

  kp_course_set_title (course, title);
  kp_course_set_text (course, KP_COURSE_SUBTITLE, "Kurs for deg som har det, og dine pårørende");
  kp_course_set_text (course, KP_COURSE_TARGET_GROUP, "Voksne med diagnosen, og pårørende.");
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, "Helsehuset");
  kp_course_set_text (course, KP_COURSE_EMAIL, "lms@example.no");
  kp_course_set_status (course, g_rand_int_range (rand, 0, 6));
  kp_course_set_capacity (course, 8, 16);
  kp_course_set_goals (course, goals);

  leader = add_member (course, rand, KP_ROLE_COURSE_LEADER);
  user1 = add_member (course, rand, KP_ROLE_USER_REPRESENTATIVE);
  add_member (course, rand, KP_ROLE_USER_REPRESENTATIVE);
  doctor = add_member (course, rand, KP_ROLE_PROFESSIONAL);
  add_member (course, rand, KP_ROLE_EXPERIENCE_CONSULTANT);

  /* Weekly evenings from a day between 2025 and 2030. */
  first = kp_time_new_local (tz, 2025 + g_rand_int_range (rand, 0, 6),
                             g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                             18, 0, NULL);
  for (guint i = 0; i < SESSIONS_PER_COURSE; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) start = g_date_time_add_weeks (first, i);

      kp_session_set_title (session, themes[i]);
      kp_session_set_start (session, start);
      kp_session_set_minutes (session, 150);
      add_part (session, KP_CONTRIBUTION_PROFESSIONAL_TALK, kp_member_get_id (doctor),
                themes[i], 45);
      add_part (session, KP_CONTRIBUTION_USER_TALK, kp_member_get_id (user1),
                "Min erfaring", 30);
      add_part (session, KP_CONTRIBUTION_BREAK, NULL, NULL, 20);
      add_part (session, KP_CONTRIBUTION_SHARING, kp_member_get_id (leader), NULL, 55);
      kp_course_add_session (course, session);
    }

  kp_evaluation_set_responses (evaluation, 12);
  kp_evaluation_set_scores (evaluation, "usefulness", counts);
  kp_evaluation_set_scores (evaluation, "sharing", counts);
  kp_course_add_evaluation (course, evaluation);
  return course;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

int
main (int   argc,
      char *argv[])
{
  const char *kept = g_getenv ("KURSPLAN_BENCH_DB");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KpStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) list_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (2027);
  g_autoptr(GError) error = NULL;
  gboolean reused = FALSE;
  double first_list_ms = 0, list_ms, load_ms, load_max = 0, size_mb;
  guint n_sessions = 0;
  gint64 start;

  if (kept != NULL && *kept != '\0')
    path = g_strdup (kept);
  else
    {
      dir = g_dir_make_tmp ("kursplan-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "catalogue.db", NULL);
    }

  /* An earlier run's catalogue is reused as it is. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      store = kp_store_new (path, &error);
      g_assert_no_error (error);
      list = kp_store_list_courses (store, &error);
      g_assert_no_error (error);
      reused = list->len == N_COURSES;
      g_clear_pointer (&list, g_ptr_array_unref);
      g_clear_object (&store);
      if (!reused)
        {
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          g_remove (path);
          g_remove (wal);
          g_remove (shm);
        }
    }

  printf ("catalogue: %s%s\n", path, reused ? " (reused)" : "");

  if (!reused)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Oslo");
      g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);

      start = g_get_monotonic_time ();
      for (guint i = 0; i < N_COURSES; i++)
        g_ptr_array_add (courses, make_course (rand, tz, i));
      printf ("generate %u courses, %u sessions, %u contributions: %.0f ms\n",
              N_COURSES, N_COURSES * SESSIONS_PER_COURSE, N_COURSES * SESSIONS_PER_COURSE * 4,
              elapsed_ms (start));

      store = kp_store_new (path, &error);
      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      if (!kp_store_save_courses (store, courses, &error))
        g_error ("%s", error->message);
      printf ("save all in one transaction: %.0f ms\n", elapsed_ms (start));
      g_clear_object (&store);
    }

  /* A fresh open, as the window does at start-up. */
  start = g_get_monotonic_time ();
  store = kp_store_new (path, &error);
  g_assert_no_error (error);
  printf ("open: %.1f ms\n", elapsed_ms (start));

  for (guint i = 0; i < N_LISTS; i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      list = kp_store_list_courses (store, &error);
      ms = elapsed_ms (start);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, N_COURSES);
      if (i == 0)
        first_list_ms = ms;
      g_array_append_val (list_times, ms);
      if (i + 1 < N_LISTS)
        g_clear_pointer (&list, g_ptr_array_unref);
    }
  list_ms = median (list_times);

  for (guint i = 0; i < N_LOADS; i++)
    {
      KpCourseSummary *summary = g_ptr_array_index (list, g_rand_int_range (rand, 0, list->len));
      g_autoptr(KpCourse) course = NULL;
      double ms;

      start = g_get_monotonic_time ();
      course = kp_store_load_course (store, kp_course_summary_get_id (summary), &error);
      ms = elapsed_ms (start);
      g_assert_no_error (error);
      n_sessions += g_list_model_get_n_items (kp_course_get_sessions (course));
      load_max = MAX (load_max, ms);
      g_array_append_val (load_times, ms);
    }
  load_ms = median (load_times);
  g_assert_cmpuint (n_sessions, ==, N_LOADS * SESSIONS_PER_COURSE);

  g_clear_object (&store);  /* the last connection folds the log into the file */
  size_mb = file_size (path) / (1024.0 * 1024.0);

  printf ("list %u courses: %.1f ms median of %u (first %.1f ms)   target ≤ 100 ms: %s\n",
          N_COURSES, list_ms, N_LISTS, first_list_ms, verdict (list_ms <= 100));
  printf ("load one course with %u sessions: %.3f ms median of %u (max %.3f ms)   "
          "target ≤ 2 ms: %s\n",
          SESSIONS_PER_COURSE, load_ms, N_LOADS, load_max, verdict (load_ms <= 2));
  printf ("database size: %.1f MB   target ≤ 60 MB: %s\n", size_mb, verdict (size_mb <= 60));

  if (dir != NULL)
    {
      g_remove (path);
      g_rmdir (dir);
    }
  return 0;
}
