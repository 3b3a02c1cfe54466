/* bench-programme.c — the term's programme of 300 courses as a web page (target ≤ 1 s): the
 * selection and index.html in memory, and the whole folder with programme.ics written to disk
 *
 * Prints one JSON object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "kp-programme-html.h"
#include "kp-time.h"

#define N_COURSES 300
#define N_SESSIONS 8

static const char *languages[] = { "nb", "nn", "se", "smj", "sma" };

static KpCourse *
make_course (guint n)
{
  KpCourse *course = kp_course_new (NULL);
  GTimeZone *tz = kp_course_get_time_zone (course);
  g_autoptr(KpMember) fag = kp_member_new (NULL, KP_ROLE_PROFESSIONAL);
  g_autoptr(KpMember) leder = kp_member_new (NULL, KP_ROLE_COURSE_LEADER);
  g_autoptr(GDateTime) first = kp_time_new_local (tz, 2027, 8, 2, 18, 0, NULL);
  g_autoptr(GDateTime) start = g_date_time_add_days (first, (gint) (n % 150));
  const char *goals[] = { "Mer kunnskap om sykdommen", "Møte andre i samme situasjon", NULL };
  g_autofree char *title = g_strdup_printf ("Å leve med kols & hjertesvikt <%u>", n);

  kp_course_set_title (course, title);
  kp_course_set_status (course, KP_COURSE_STATUS_READY);
  kp_course_set_text (course, KP_COURSE_LANGUAGE, languages[n % G_N_ELEMENTS (languages)]);
  kp_course_set_text (course, KP_COURSE_SUBTITLE, "Et kurs for pasienter og pårørende");
  kp_course_set_text (course, KP_COURSE_TARGET_GROUP,
                      n % 3 == 0 ? "Voksne med kols" : n % 3 == 1 ? "Pårørende" : "Ungdom");
  kp_course_set_text (course, KP_COURSE_LOCATION_NAME, "Helsehuset");
  kp_course_set_text (course, KP_COURSE_LOCATION_ADDRESS, "Storgata 1, 9999 Byen");
  kp_course_set_text (course, KP_COURSE_PRICE, "kr 375 per dag");
  kp_course_set_text (course, KP_COURSE_EMAIL, "lms@example.no");
  kp_course_set_text (course, KP_COURSE_ORGANISER, "Lærings- og mestringssenteret");
  kp_course_set_goals (course, goals);
  kp_member_set_name (fag, "Per Skjult");
  kp_member_set_name (leder, "Áile Nordmann");
  kp_member_set_email (leder, "aile@example.no");
  kp_member_set_public (leder, TRUE);
  kp_course_add_member (course, fag);
  kp_course_add_member (course, leder);
  for (guint i = 0; i < N_SESSIONS; i++)
    {
      g_autoptr(KpSession) session = kp_session_new (NULL);
      g_autoptr(GDateTime) when = g_date_time_add_weeks (start, (gint) i);
      g_autoptr(KpContribution) talk = kp_contribution_new (KP_CONTRIBUTION_PROFESSIONAL_TALK,
                                                            kp_member_get_id (fag),
                                                            "Sykdomslære, pust og søvn", 60);

      kp_session_set_title (session, "Samling: čoahkkin og erfaringsutveksling");
      kp_session_set_start (session, when);
      kp_session_set_minutes (session, 150);
      kp_session_add_contribution (session, talk);
      kp_course_add_session (course, session);
    }
  return course;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 6, 1, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-programme-XXXXXX", &error);
  const char *names[] = { "index.html", "programme.css", "programme.ics" };
  GDate from, to;
  gint64 t0, t1, t2, t3;

  g_assert_no_error (error);
  for (guint i = 0; i < N_COURSES; i++)
    g_ptr_array_add (courses, make_course (i));
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_AUGUST, 2027);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2027);

  t0 = g_get_monotonic_time ();
  selected = kp_programme_select ((KpCourse * const *) courses->pdata, courses->len, &from, &to,
                                  KP_PROGRAMME_DEFAULT);
  t1 = g_get_monotonic_time ();
  html = kp_programme_html_build ((KpCourse * const *) selected->pdata, selected->len, NULL,
                                  &from, &to);
  t2 = g_get_monotonic_time ();
  if (!kp_programme_html_write (dir, (KpCourse * const *) selected->pdata, selected->len, NULL,
                                &from, &to, now, &error))
    g_error ("%s", error->message);
  t3 = g_get_monotonic_time ();

  printf ("{\"courses\": %u, \"sessions\": %u, \"select_ms\": %.1f, \"html_ms\": %.1f, "
          "\"html_kb\": %zu, \"folder_with_ics_ms\": %.1f, \"target_ms\": 1000}\n",
          selected->len, selected->len * N_SESSIONS, (t1 - t0) / 1000.0, (t2 - t1) / 1000.0,
          strlen (html) / 1024, (t3 - t2) / 1000.0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_remove (path);
    }
  g_remove (dir);
  return 0;
}
